"""Search normalisation: each rule, and the map from key characters back to the text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotation.normalize import (
    RULES,
    TASHKEEL,
    KeyMap,
    compact_key,
    normalize,
    normalize_char,
    normalize_for_search,
    original_range,
    search_key,
)
from tests.hypothesis_budget import examples


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("الأَسَدُ", "الاسد"),  # harakat
        ("محمّدٌ", "محمد"),  # shadda, tanween
        ("رحمٰن", "رحمن"),  # superscript alef U+0670
        ("صلى\u0610\u06d6", "صلي"),  # U+0610 and Quranic marks; ى -> ي
        ("الأســـد", "الاسد"),  # tatweel
        ("\u200fموسكو\u200e\u2067x\u2069", "موسكوx"),  # bidi controls
        ("أإآٱا", "ااااا"),  # alef forms
        ("موسى على", "موسي علي"),  # alef maqsura
        ("سورية المدينة", "سوريه المدينه"),  # ta marbuta
        ("مسؤول مسئول شؤون شئون", "مسءول مسءول شءون شءون"),  # hamza on carriers
        ("رئيس", "رءيس"),  # still differs from ريس
        ("٢٠١٥ ۱۲ ٣٫٥ ١٬٠٠٠", "2015 12 3.5 1,000"),  # digits
        ("ایران کابل", "ايران كابل"),  # Persian letters
        ("\ufefb", "لا"),  # presentation form lam-alef
        ("Putin PUTIN", "putin putin"),  # case
    ],
)
def test_rules(before: str, after: str) -> None:
    key, index_map = normalize_for_search(before)
    assert key == after
    assert normalize(before) == after
    assert len(index_map) == len(key) + 1 and index_map[-1] == len(before)


def test_ya_and_hamza_are_not_conflated_with_alef() -> None:
    # pyarabic's normalize_alef would turn ى into ا; we keep it a yeh.
    assert normalize("مستشفى") == "مستشفي"
    assert normalize("ء") == "ء"


def test_every_rule_is_documented_with_an_example_that_holds() -> None:
    names = [name for name, _, _ in RULES]
    assert len(names) == len(set(names)) >= 10
    for _, description, example in RULES:
        before, after = example.split(" -> ")
        assert description and normalize(before) == after


def test_all_arabic_marks_are_removed() -> None:
    marks = "".join(sorted(TASHKEEL))
    assert len(marks) == 11 + 21 + 1 + 24
    assert normalize("ب" + marks + "ت") == "بت"


def test_one_to_many_expansion_keeps_the_map_aligned() -> None:
    key, index_map = normalize_for_search("a\ufefbb")  # ﻻ -> لا
    assert key == "aلاb"
    assert index_map == [0, 1, 1, 2, 3]
    assert original_range(index_map, 1, 2) == (1, 2)  # half of the expansion -> the whole char


ARABIC = st.text(
    st.sampled_from(
        list("بتثجحخدذرسشصضطظعغفقكلمنهوي")
        + list("أإآٱىةؤئء")
        + [
            "\u064e",
            "\u064f",
            "\u0650",
            "\u0651",
            "\u0652",
            "\u064b",
            "\u0670",
            "\u0640",
            "\u200f",
            "\u200e",
            " ",
            "٣",
            "\ufefb",
            "،",
        ]
    ),
    max_size=40,
)


@settings(max_examples=examples(300), deadline=None)
@given(ARABIC, st.data())
def test_index_map_points_at_the_source_of_every_key_character(
    text: str, data: st.DataObject
) -> None:
    key, index_map = normalize_for_search(text)
    assert len(index_map) == len(key) + 1
    assert index_map == sorted(index_map)
    for i, k in enumerate(key):
        assert k in normalize(text[index_map[i]])
    a = data.draw(st.integers(0, len(key)))
    b = data.draw(st.integers(a, len(key)))
    s, e = original_range(index_map, a, b)
    assert 0 <= s <= e <= len(text)
    # The original range normalises to the key range, so every mark of its letters is inside.
    whole_chars = (a == 0 or index_map[a - 1] != index_map[a]) and (
        b == len(key) or index_map[b] != index_map[b - 1]
    )
    if a < b and whole_chars:
        assert normalize(text[s:e]) == key[a:b]
        # the range stops at the next kept character: no mark of its last letter is left out
        assert e == len(text) or normalize(text[e]) != ""


def test_range_of_a_diacritised_word_includes_its_marks() -> None:
    text = "قال الأَسَدُ\u200f، أمس"
    key, index_map = normalize_for_search(text)
    a = key.index("الاسد")
    s, e = original_range(index_map, a, a + len("الاسد"))
    assert text[s:e] == "الأَسَدُ\u200f"  # callers (search) trim the trailing bidi control


@pytest.mark.shared
def test_seed_article_normalises_with_a_consistent_map(seed_text: str) -> None:
    key, index_map = normalize_for_search(seed_text)
    assert len(index_map) == len(key) + 1
    assert all(normalize(seed_text[index_map[i]]) == key[i] for i in range(0, len(key), 97))
    assert "بوتين" in key and "\u0640" not in key


def test_normalisation_is_total_over_every_code_point() -> None:
    # Chunks of 4,096 code points (surrogates included): nothing raises, the map is aligned,
    # every key character comes from its source and normalising twice changes nothing
    # (sampled: the whole check would take several seconds).
    for lo in range(0, 0x110000, 0x1000):
        text = "".join(map(chr, range(lo, lo + 0x1000)))
        key, index_map = normalize_for_search(text)
        assert len(index_map) == len(key) + 1 and index_map[-1] == len(text)
        if lo % 0x10000 == 0:
            assert key == normalize(text)
        for i in range(0, len(key), 61):
            assert key[i] in normalize(text[index_map[i]])
            assert normalize(key[i]) == key[i]
        assert original_range(index_map, 0, len(key))[1] <= len(text)


def test_ornate_parentheses_and_byte_order_marks_in_a_sentence() -> None:
    # A Friday-sermon report as agencies send it: a BOM at the start, one stuck inside a word,
    # and a Quranic citation between the ornate parentheses U+FD3F ... U+FD3E.
    text = (
        "\ufeffوقال خطيب المسجد الكبير في خطبة الجمعة إن الأس\ufeffد لا يأكل الجيف، "
        "مستشهداً بقوله تعالى \ufd3fإِنَّ مَعَ الْعُسْرِ يُسْرًا\ufd3e، ودعا المصلين إلى الصبر."
    )
    key, index_map = normalize_for_search(text)
    assert "\ufeff" not in key
    assert "الاسد لا" in key and "\ufd3fان مع العسر يسرا\ufd3e" in key
    assert normalize("\ufd3f\ufd3e\ufeff") == "\ufd3f\ufd3e"
    s, e = original_range(index_map, key.index("الاسد"), key.index("الاسد") + 5)
    assert text[s:e] == "الأس\ufeffد"
    s, e = original_range(index_map, key.index("يسرا"), key.index("يسرا") + 4)
    assert text[s:e] == "يُسْرًا" and text[e] == "\ufd3e"


@settings(max_examples=examples(300), deadline=None)
@given(
    st.one_of(
        ARABIC, st.text(max_size=30), st.text(st.characters(max_codepoint=0x2FFF), max_size=30)
    )
)
def test_compact_map_equals_the_list(text: str) -> None:
    key, index_map = normalize_for_search(text)
    key2, compact = search_key(text)
    assert key2 == key
    assert len(compact) == len(index_map)
    assert [compact[i] for i in range(len(index_map))] == index_map
    assert compact[-1] == len(text)


_LONG_TEXT = st.text(
    st.one_of(
        st.sampled_from(list("بتثجحخدذرسشصضطظعغفقكلمنهوي أإآٱىةؤئء\u064e\u0651ـ،«»")),
        st.characters(max_codepoint=0x2FFF, blacklist_categories=("Cs",)),
        st.sampled_from(["\ufeff", "\u200f", "ﻻ", "\ufe71", "\ufd3f", "😀", "Σ", "ß", "İ"]),
    ),
    min_size=256,
    max_size=700,
)


@settings(max_examples=examples(200), deadline=None)
@given(_LONG_TEXT)
def test_compact_key_of_a_long_text_equals_the_list(text: str) -> None:
    """From 256 characters compact_key finds a text's special characters with numpy: the
    same key and map as the character-by-character list, or None where the list is needed."""
    key, index_map = normalize_for_search(text)
    compact = compact_key(text)
    if compact is None:  # only when a character expands to several key characters
        assert any(len(normalize_char(c)) > 1 for c in text)
        return
    assert compact[0] == key
    assert list(KeyMap(compact[1], len(key), len(text))) == index_map


def test_compact_key_of_every_code_point_below_u3000_equals_the_folded_text() -> None:
    # Texts of characters below U+3000 (and U+FEFF) are keyed by replacing only the changed
    # characters they hold: the same key and map as folding every character.
    for lo in range(0, 0x3000, 0x400):
        chars = [c for c in map(chr, range(lo, lo + 0x400)) if len(normalize_char(c)) <= 1]
        text = "".join(chars) + "\ufeff" + "".join(reversed(chars))
        compact = compact_key(text)
        key, index_map = normalize_for_search(text)
        assert compact is not None and compact[0] == key == normalize(text)
        assert list(KeyMap(compact[1], len(key), len(text))) == index_map
    assert compact_key("Straße") is None  # ß folds to "ss": only the list can map it


def test_compact_map_with_marks_from_presentation_forms() -> None:
    text = "ب\ufe71ت\u064eث\u200f"  # U+FE71 folds to nothing, as marks and controls do
    key, index_map = normalize_for_search(text)
    assert key == "بتث"
    assert list(search_key(text)[1]) == index_map == [0, 2, 4, 6]
