"""The tokenizer: tokens tile the non-space characters, with exact code-point offsets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotation.tokens import NUMBER, PUNCT, SYMBOL, WORD, tokenize, tokens_around
from tests.hypothesis_budget import examples

ARABIC_LETTERS = [chr(c) for c in range(0x0621, 0x063B)] + [chr(c) for c in range(0x0641, 0x064B)]
DIACRITICS = [chr(c) for c in range(0x064B, 0x0653)] + ["\u0670"]
PIECES = st.one_of(
    st.text(st.sampled_from(ARABIC_LETTERS), min_size=1, max_size=8),
    st.sampled_from(DIACRITICS),
    st.sampled_from(["\u0651", "\u0651\u064e", "\u0640", "\u0640\u0640"]),  # shadda, tatweel
    st.sampled_from(["\u200e", "\u200f", "\u061c", "\u2067", "\u2069", "\u202b", "\u202c"]),
    st.sampled_from(["😀", "👍🏽", "👨‍👩‍👧", "🇸🇾", "❤️", "🤝🏻", "\u200d"]),
    st.text(st.sampled_from("abcXYZé"), min_size=1, max_size=5),
    st.text(st.sampled_from("0123456789٠١٢٣٤٥٦٧٨٩۰۱۲"), min_size=1, max_size=5),
    st.sampled_from(["٫", "٬", ".", ",", "3.5", "١٬٠٠٠", "٣٫٥"]),
    st.sampled_from(list('«»"()…،؛؟!?.:-/%')),
    st.sampled_from([" ", "  ", "\n", "\t", "\u00a0", "\n\n", "\u2009"]),
)
TEXTS = st.lists(PIECES, max_size=30).map("".join)


def _check_tiling(text: str) -> None:
    tokens = tokenize(text)
    assert "".join(t.text for t in tokens) == "".join(c for c in text if not c.isspace())
    prev_end = 0
    for t in tokens:
        assert prev_end <= t.start < t.end
        assert text[t.start : t.end] == t.text
        assert not any(c.isspace() for c in t.text)
        assert text[prev_end : t.start].isspace() or prev_end == t.start
        prev_end = t.end
    assert text[prev_end:].isspace() or prev_end == len(text)


@settings(max_examples=examples(400), deadline=None)
@given(TEXTS)
def test_tokens_tile_the_non_space_characters(text: str) -> None:
    _check_tiling(text)


@settings(max_examples=examples(200), deadline=None)
@given(TEXTS, st.data())
def test_tokens_around_agrees_with_tokenize(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    if start == end:
        return
    expected = [t for t in tokenize(text) if t.start < end and start < t.end]
    assert tokens_around(text, start, end, margin=3) == expected


def _texts(text: str) -> list[str]:
    return [t.text for t in tokenize(text)]


def test_each_punctuation_mark_is_its_own_token() -> None:
    text = 'قال «الرئيس» (بوتين): "نعم"… هل؟ لا، بل؛ نعم!'
    assert _texts(text) == [
        "قال",
        "«",
        "الرئيس",
        "»",
        "(",
        "بوتين",
        ")",
        ":",
        '"',
        "نعم",
        '"',
        "…",
        "هل",
        "؟",
        "لا",
        "،",
        "بل",
        "؛",
        "نعم",
        "!",
    ]
    assert all(t.type == PUNCT for t in tokenize("«»()…،؛؟"))


def test_numbers_are_kept_whole() -> None:
    text = "ارتفع 3.5% إلى ١٬٠٠٠ دولار و٣٫٥ مليون في 2015، أي 70 بالمائة."
    toks = tokenize(text)
    numbers = [t.text for t in toks if t.type == NUMBER]
    assert numbers == ["3.5", "١٬٠٠٠", "2015", "70"]
    assert "و٣٫٥" in [t.text for t in toks]  # digits glued to a letter make one word
    assert _texts("1,000.") == ["1,000", "."]  # a separator not followed by a digit is punctuation


def test_digits_glued_to_letters_form_one_word() -> None:
    # As whitespace-tokenized corpora (Wojood) have them.
    assert [(t.text, t.type) for t in tokenize("عام 1948م وG20 a2hosting")] == [
        ("عام", WORD),
        ("1948م", WORD),
        ("و", WORD),
        ("G20", WORD),
        ("a2hosting", WORD),
    ]


def test_diacritics_shadda_and_tatweel_stay_inside_words() -> None:
    text = "الأَسَدُ محمّدٌ الأســد"
    assert _texts(text) == ["الأَسَدُ", "محمّدٌ", "الأســد"]
    assert all(t.type == WORD for t in tokenize(text))


def test_scripts_split_words_but_bidi_marks_attach() -> None:
    assert _texts("بوتينPutin") == ["بوتين", "Putin"]
    assert _texts("\u200fموسكو\u200f وكيري") == ["\u200fموسكو\u200f", "وكيري"]


def test_emoji_sequences_are_single_symbols() -> None:
    toks = tokenize("رائع👍🏽 👨‍👩‍👧🇸🇾")
    assert [(t.text, t.type) for t in toks] == [
        ("رائع", WORD),
        ("👍🏽", SYMBOL),
        ("👨‍👩‍👧", SYMBOL),
        ("🇸🇾", SYMBOL),
    ]


def test_offsets_are_code_points() -> None:
    text = "😀 بوتين"
    (emoji, word) = tokenize(text)
    assert (emoji.start, emoji.end, word.start, word.end) == (0, 1, 2, 7)


def test_every_code_points_class_code_is_its_class_and_script() -> None:
    """iter_tokens reads classes from one str.translate of the text: every code point's code
    must say what char_class (and, for letters, the script) says."""
    from annotation.tokens import _CODES, TATWEEL, _script, char_class

    letters = {"A": "arabic", "L": "other"}
    others = {"m": "mark", "j": "joiner", "b": "bidi", "d": "digit", "s": "space"}
    others |= {"p": "punct", "y": "symbol", "o": "other"}
    for point in range(0x110000):
        c = chr(point)
        code = c.translate(_CODES)
        cls = char_class(c)
        if code == "T":
            assert c == TATWEEL and cls == "letter"
        elif code in letters:
            assert cls == "letter" and c != TATWEEL and _script(c) == letters[code], hex(point)
        else:
            assert others[code] == cls, hex(point)


def test_a_window_gives_the_tokens_the_whole_text_has_there() -> None:
    text = "قال الوزير ٣٫٥ مليون 👍🏽 " * 3 + "G20 و1948م"
    whole = tokenize(text)
    start = text.index("G20")
    assert tokens_around(text, start, start + 3) == [t for t in whole if t.text == "G20"]
    assert [t.text for t in tokenize(text[start:])] == ["G20", "و1948م"]
