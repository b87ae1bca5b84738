"""Snapping a raw selection to span boundaries (token, strip_clitics and exact policies)."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from annotation.arabic import is_word_char
from annotation.snapping import snap, trim

TEXT = "قال «بوتين» إن الوضع خطير، والتقى بوتين وبوريس أمس."


def _sel(text: str, sub: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(sub, i + 1)
    return i, i + len(sub)


def _snapped(text: str, start: int, end: int, policy: str = "token") -> str | None:
    r = snap(text, start, end, policy)
    return None if r is None else text[r[0] : r[1]]


# --- token policy ----------------------------------------------------------------------------
@pytest.mark.parametrize("sub", ["«بوتين»", "بوتين»", "«بوتين", " «بوتين» ", "وتي", "ب", "«ب"])
def test_token_policy_drops_guillemets_and_spaces(sub: str) -> None:
    s, e = _sel(TEXT, sub)
    r = snap(TEXT, s, e)
    assert r == _sel(TEXT, "بوتين")
    assert TEXT[r[0] : r[1]] == "بوتين"


def test_token_policy_grows_to_both_words_of_a_two_word_selection() -> None:
    s, e = _sel(TEXT, "ن وبو")
    assert _snapped(TEXT, s, e) == "بوتين وبوريس"


def test_token_policy_keeps_attached_clitic_whole() -> None:
    s, e = _sel(TEXT, "بوريس")
    assert _snapped(TEXT, s, e) == "وبوريس"


def test_token_policy_trailing_comma_and_full_stop_excluded() -> None:
    s, e = _sel(TEXT, "خطير، ")
    assert _snapped(TEXT, s, e) == "خطير"
    s, e = _sel(TEXT, "مس.")
    assert _snapped(TEXT, s, e) == "أمس"


def test_reversed_selection_is_the_same_selection() -> None:
    s, e = _sel(TEXT, "ن وبو")
    assert snap(TEXT, e, s) == snap(TEXT, s, e)
    assert snap(TEXT, e, s, "exact") == snap(TEXT, s, e, "exact")


@pytest.mark.parametrize("policy", ["token", "exact", "strip_clitics"])
@pytest.mark.parametrize("sub", ["، ", " ", "«", "»", "» ", " «"])
def test_selection_without_a_word_snaps_to_none(policy: str, sub: str) -> None:
    s, e = _sel(TEXT, sub)
    assert snap(TEXT, s, e, policy) is None


def test_selection_of_only_emoji_or_bidi_marks_is_none() -> None:
    text = "نص 🙂🙂 \u200f\u200e نص"
    assert snap(text, 3, 7) is None
    assert snap(text, 2, 9, "exact") is None
    assert snap(text, 2, 9) is None


# --- exact policy ----------------------------------------------------------------------------
def test_exact_keeps_the_characters() -> None:
    s, e = _sel(TEXT, "وتي")
    assert snap(TEXT, s, e, "exact") == (s, e)
    s, e = _sel(TEXT, "ن وبو")
    assert _snapped(TEXT, s, e, "exact") == "ن وبو"
    s, e = _sel(TEXT, "بوريس")
    assert _snapped(TEXT, s, e, "exact") == "بوريس"


@pytest.mark.parametrize("sub", [" «بوتين» ", "«بوتين»", " بوتين", "بوتين» "])
def test_exact_trims_spaces_and_punctuation(sub: str) -> None:
    s, e = _sel(TEXT, sub)
    assert _snapped(TEXT, s, e, "exact") == "بوتين"


def test_exact_keeps_inner_punctuation() -> None:
    s, e = _sel(TEXT, "«بوتين» إ")
    assert _snapped(TEXT, s, e, "exact") == "بوتين» إ"


def test_trim_clamps_out_of_range_offsets() -> None:
    assert trim("  كلمة  ", -5, 100) == (2, 6)
    assert trim("   ", 0, 3) is None


# --- caret -----------------------------------------------------------------------------------
WORDS = "مُحَمَّـــدٌ ذهب إلى Paris 🙂 ١٢٣٫٥ مرة"


@pytest.mark.parametrize(
    ("word", "inside"),
    [
        ("مُحَمَّـــدٌ", range(0, 12)),
        ("ذهب", range(13, 16)),
        ("Paris", range(21, 26)),
        ("١٢٣٫٥", range(29, 34)),
        ("مرة", range(35, 38)),
    ],
)
def test_caret_gives_the_token_under_it(word: str, inside: range) -> None:
    for pos in inside:
        assert _snapped(WORDS, pos, pos) == word, pos


def test_caret_on_space_after_a_word_takes_that_word() -> None:
    assert _snapped(WORDS, 12, 12) == "مُحَمَّـــدٌ"
    assert _snapped(WORDS, len(WORDS), len(WORDS)) == "مرة"


def test_caret_on_emoji_is_none() -> None:
    assert snap(WORDS, WORDS.index("🙂"), WORDS.index("🙂")) is None


# --- what stays inside -----------------------------------------------------------------------
def test_diacritics_and_tatweel_stay_inside() -> None:
    word = "مُحَمَّـــدٌ"
    assert _snapped(WORDS, 2, 4) == word
    # selecting only the letters still takes the final tanween
    assert _snapped(WORDS, 0, 10) == word
    assert _snapped(WORDS, 0, len(word), "exact") == word
    assert _snapped(WORDS, 7, 9, "exact") == "ــ"


def test_latin_word_next_to_arabic() -> None:
    text = "أعلنت Apple، عن هاتف"
    s, e = _sel(text, "ppl")
    assert _snapped(text, s, e) == "Apple"


def test_emoji_around_a_word_is_dropped_inside_kept() -> None:
    text = "🙂بوتين🙂 قال 🙂 نعم"
    assert _snapped(text, 0, 7) == "بوتين"
    s, e = _sel(text, "ل 🙂 ن")
    assert _snapped(text, s, e) == "قال 🙂 نعم"


def test_bidi_marks_at_the_edges_are_dropped() -> None:
    text = "قال \u200fبوتين\u200f اليوم"
    s, e = _sel(text, "\u200fبوتين\u200f")
    assert _snapped(text, s, e) == "بوتين"
    assert _snapped(text, s, e, "exact") == "بوتين"


# --- strip_clitics ---------------------------------------------------------------------------
def _waw(word: str) -> int:
    return 1 if word.startswith("و") and len(word) > 3 else 0


def test_strip_clitics_splits_off_the_first_tokens_proclitic() -> None:
    s, e = _sel(TEXT, "بوريس")
    r = snap(TEXT, s, e, "strip_clitics", _waw)
    assert TEXT[r[0] : r[1]] == "بوريس"
    # without a splitter it behaves like token
    assert snap(TEXT, s, e, "strip_clitics") == snap(TEXT, s, e, "token")


# --- properties ------------------------------------------------------------------------------
ALPHABET = (
    list("ابتسمنويةىءأ")
    + ["\u064e", "\u0651", "\u0652", "\u0640"]
    + list("abZ")
    + list("19١٩٫.,")
    + [" ", " ", "\n", "\u00a0"]
    + list('«»،؛؟!:()"')
    + ["🙂", "\u200f", "\u200d"]
)


@st.composite
def _text_and_selection(draw: st.DrawFn) -> tuple[str, int, int]:
    text = draw(st.text(alphabet=st.sampled_from(ALPHABET), min_size=1, max_size=60))
    a = draw(st.integers(0, len(text)))
    b = draw(st.integers(0, len(text)))
    return text, a, b


@given(_text_and_selection())
def test_token_snap_properties(case: tuple[str, int, int]) -> None:
    text, a, b = case
    start, end = min(a, b), max(a, b)
    assume(start < end)
    selected_word_chars = [i for i in range(start, end) if text[i].isalnum()]
    r = snap(text, start, end, "token")
    if r is None:
        assert not selected_word_chars
        return
    s, e = r
    assert 0 <= s < e <= len(text)
    assert is_word_char(text[s]), (text, s)
    assert is_word_char(text[e - 1]), (text, e)
    assert not text[s].isspace() and not text[e - 1].isspace()
    for i in selected_word_chars:
        assert s <= i < e, (text, start, end, i)
    # snapping is idempotent
    assert snap(text, s, e, "token") == (s, e)


@given(_text_and_selection())
def test_exact_snap_is_a_trimmed_sub_range(case: tuple[str, int, int]) -> None:
    text, a, b = case
    start, end = min(a, b), max(a, b)
    r = snap(text, start, end, "exact")
    if r is None:
        assert not any(text[i].isalnum() for i in range(start, end))
        return
    s, e = r
    assert start <= s < e <= end
    assert all(not text[i].isalnum() for i in range(start, s))
    assert all(not text[i].isalnum() for i in range(e, end))
    assert not text[s].isspace() and not text[e - 1].isspace()
