"""The Arabic character tables, pinned: changing one is a decision with its own test change."""

from __future__ import annotations

import re

from annotation import arabic
from annotation.arabic import (
    ALEF_FORMS,
    BIDI_CONTROLS,
    CLAUSE_END,
    CLOSING_PUNCT,
    DIGITS,
    FORMAT_CONTROLS,
    HAMZA_CARRIERS,
    INVISIBLE,
    JOINERS,
    LAYOUT_CONTROLS,
    NUMBER_PUNCT,
    NUMBER_SEPARATORS,
    PERSIAN_LETTERS,
    QUOTE_CHARS,
    QUOTE_CLOSERS,
    QUOTE_OPENERS,
    QUOTE_PAIRS,
    SENTENCE_END,
    TASHKEEL,
    TASHKEEL_RANGES,
    TASHKEEL_RE,
    TATWEEL,
    is_arabic_script,
    is_control,
    is_presentation_form,
    is_tashkeel,
    is_word_char,
    stray_controls,
    trim,
)
from annotation.suggestions import match_key


def _hex(chars: object) -> list[str]:
    return sorted(f"{ord(c):04X}" for c in chars)  # type: ignore[attr-defined]


def test_diacritics() -> None:
    assert TASHKEEL_RANGES == (
        (0x0610, 0x061A),
        (0x064B, 0x065F),
        (0x0670, 0x0670),
        (0x06D6, 0x06ED),
    )
    assert len(TASHKEEL) == 11 + 21 + 1 + 24
    assert "\u064e" in TASHKEEL and "\u0651" in TASHKEEL and "\u06ed" in TASHKEEL
    assert "\u0640" not in TASHKEEL and "\u0660" not in TASHKEEL and "\u061b" not in TASHKEEL
    assert TATWEEL == "\u0640"
    every = "".join(map(chr, range(0x0600, 0x0700)))
    assert set(TASHKEEL_RE.findall(every)) == TASHKEEL == {c for c in every if is_tashkeel(c)}


def test_invisible_characters() -> None:
    assert _hex(BIDI_CONTROLS) == sorted(
        ["200E", "200F", "061C", "202A", "202B", "202C", "202D", "202E"]
        + ["2066", "2067", "2068", "2069"]
    )
    assert _hex(JOINERS) == ["200C", "200D"]
    assert _hex(FORMAT_CONTROLS) == ["00AD", "2060", "FEFF"]
    assert INVISIBLE == BIDI_CONTROLS | JOINERS | FORMAT_CONTROLS


def test_letter_variants() -> None:
    assert ALEF_FORMS == {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"}
    assert HAMZA_CARRIERS == {"ؤ": "ء", "ئ": "ء"}
    assert PERSIAN_LETTERS == {"ی": "ي", "ک": "ك"}
    assert "ى" not in ALEF_FORMS  # alef maqsura is a yeh for search, not an alef
    assert (arabic.ALEF_MAQSURA, arabic.YEH, arabic.TA_MARBUTA, arabic.HEH) == ("ى", "ي", "ة", "ه")
    assert len(arabic.ARABIC_LETTERS) == 0x064B - 0x0621 and "ء" in arabic.ARABIC_LETTERS


def test_digits_and_numbers() -> None:
    assert "".join(DIGITS) == "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"
    assert "".join(DIGITS.values()) == "0123456789" * 2
    assert NUMBER_PUNCT == {"٫": ".", "٬": ","}
    assert NUMBER_SEPARATORS == frozenset(".,٫٬")


def test_punctuation_and_quotes_by_code_point() -> None:
    assert SENTENCE_END == frozenset(".!?؟")
    assert CLAUSE_END == frozenset("؛…")
    # « opens and » closes whatever the glyph looks like in a right-to-left line.
    assert QUOTE_PAIRS == {
        "\u00ab": "\u00bb",
        "\u2039": "\u203a",
        "\u201c": "\u201d",
        "\u201e": "\u201d",
    }
    assert QUOTE_OPENERS == frozenset("\u00ab\u2039\u201c\u201e")
    assert QUOTE_CLOSERS == frozenset("\u00bb\u203a\u201d")
    assert QUOTE_CHARS == QUOTE_OPENERS | QUOTE_CLOSERS | {'"'}
    assert CLOSING_PUNCT == frozenset("»\"')]}”’›")


def test_control_characters() -> None:
    assert LAYOUT_CONTROLS == frozenset("\t\n\r\f\v")
    controls = [c for c in map(chr, range(0x110000)) if is_control(c)]
    assert controls == [chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)]]
    text = "خبر\u001aعاجل\tاليوم\n\u0007\ufeff"
    assert stray_controls(text) == [3, 15]
    assert stray_controls(text, LAYOUT_CONTROLS | {"\x1a", "\x07"}) == []


def test_word_characters_and_script() -> None:
    for c in "بـ\u064e1١a\u200d\u200cⅣ":
        assert is_word_char(c), repr(c)
    for c in " .،«»\u00a0\u200f🙂\ufeff":
        assert not is_word_char(c), repr(c)
    assert all(is_arabic_script(c) for c in "بـ\u064e١ﻻ\ufd3e")
    assert not any(is_arabic_script(c) for c in "a1 «")
    assert is_presentation_form("\ufefb") and is_presentation_form("\ufeff")
    assert not is_presentation_form("\u0644")


def test_trim() -> None:
    assert trim("  «قال»  ", 0, 9) == (2, 7)
    assert trim("  «قال»  ", 0, 9, "«»") == (3, 6)
    assert trim("   ", 0, 3) == (3, 3)


def test_one_hamza_rule_for_search_and_suggestions() -> None:
    # The suggesters match words with the search key: the two hamza spellings meet, and a
    # hamza on a carrier is not dropped (رئيس and ريس stay different words).
    assert match_key("مسؤول") == match_key("مسئول") == "مسءول"
    assert match_key("رئيس") != match_key("ريس")
    assert match_key("الرئيسُ") == "الرءيس"


def test_no_module_keeps_its_own_copy_of_the_diacritic_ranges() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    pattern = re.compile(r"0x064[bB]\b|\\u064[bB]-")  # a range in code, not in prose
    offenders = [
        str(p.relative_to(root))
        for folder in ("annotation", "storage", "ui")
        for p in (root / folder).glob("*.py")
        if p.name != "arabic.py" and pattern.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == []
