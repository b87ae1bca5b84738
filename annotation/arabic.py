"""The one home of Arabic character knowledge: character classes and normalisation tables.

Every module that needs to know what a diacritic, a bidi control, a hamza carrier, a sentence
end or a quote mark is imports it from here (normalisation, search, the suggesters' matching
keys, the tokenizer, the quote and claim rules, CoNLL, the import checks and the window's
"hide diacritics" view). `tests/test_arabic.py` pins every table, so a change here is a
decision, made once, with its test.

Quote marks are told apart by code point, never by glyph: « and » are bidi-mirrored, so in a
right-to-left line « (U+00AB) is drawn pointing right and still opens the quotation.
"""

from __future__ import annotations

import re
import unicodedata

# --- Marks and invisible characters ---------------------------------------------------------

# Arabic combining marks, inclusive code-point ranges: Quranic signs U+0610-061A; harakat,
# tanween, shadda, sukun and the other marks U+064B-065F; superscript (dagger) alef U+0670;
# small high/low Quranic signs U+06D6-06ED.
TASHKEEL_RANGES: tuple[tuple[int, int], ...] = (
    (0x0610, 0x061A),
    (0x064B, 0x065F),
    (0x0670, 0x0670),
    (0x06D6, 0x06ED),
)
TASHKEEL = frozenset(chr(c) for lo, hi in TASHKEEL_RANGES for c in range(lo, hi + 1))
# A regular-expression character class for the same set: "[...]".
TASHKEEL_CLASS = "[" + "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in TASHKEEL_RANGES) + "]"
TASHKEEL_RE = re.compile(TASHKEEL_CLASS)

TATWEEL = "\u0640"  # ـ kashida: stretches a word, carries no sound

# LRM, RLM, ALM; LRE RLE PDF LRO RLO; LRI RLI FSI PDI.
BIDI_CONTROLS = frozenset(
    "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
JOINERS = frozenset("\u200c\u200d")  # ZWNJ, ZWJ: shape letters, belong to the word
# Invisible format characters real news text carries inside or between words: the byte-order
# mark / zero-width no-break space U+FEFF, word joiner U+2060, soft hyphen U+00AD.
FORMAT_CONTROLS = frozenset("\ufeff\u2060\u00ad")
# Everything search ignores and a found span never ends with.
INVISIBLE = BIDI_CONTROLS | JOINERS | FORMAT_CONTROLS


def is_tashkeel(c: str) -> bool:
    return c in TASHKEEL


# --- Letters and their variants --------------------------------------------------------------

HAMZA = "\u0621"  # ء
ALEF = "\u0627"  # ا
YEH = "\u064a"  # ي
HEH = "\u0647"  # ه
WAW = "\u0648"  # و
ALEF_MAQSURA = "\u0649"  # ى
TA_MARBUTA = "\u0629"  # ة
# Hamzated and wasla alef forms -> bare alef (ى is not an alef form: see docs/arabic.md).
ALEF_FORMS = {"\u0623": ALEF, "\u0625": ALEF, "\u0622": ALEF, "\u0671": ALEF}  # أ إ آ ٱ
# Hamza on a carrier -> bare hamza, so مسؤول and مسئول meet while رئيس stays apart from ريس.
HAMZA_CARRIERS = {"\u0624": HAMZA, "\u0626": HAMZA}  # ؤ ئ
PERSIAN_LETTERS = {"\u06cc": YEH, "\u06a9": "\u0643"}  # ی -> ي, ک -> ك
# The letters of the basic Arabic block, hamza to yeh.
ARABIC_LETTERS = frozenset(chr(c) for c in range(0x0621, 0x064B))

# --- Digits and numbers ----------------------------------------------------------------------

ARABIC_INDIC_DIGITS = "".join(chr(0x0660 + d) for d in range(10))  # ٠..٩
EXTENDED_ARABIC_INDIC_DIGITS = "".join(chr(0x06F0 + d) for d in range(10))  # ۰..۹ (Persian)
DIGITS = {c: str(d) for d, c in enumerate(ARABIC_INDIC_DIGITS)} | {
    c: str(d) for d, c in enumerate(EXTENDED_ARABIC_INDIC_DIGITS)
}
DECIMAL_SEPARATOR = "\u066b"  # ٫
THOUSANDS_SEPARATOR = "\u066c"  # ٬
NUMBER_PUNCT = {DECIMAL_SEPARATOR: ".", THOUSANDS_SEPARATOR: ","}
# Separators that stay inside a number when a digit follows: 3.5, 1,000, ٣٫٥, ١٬٠٠٠
NUMBER_SEPARATORS = frozenset(".," + DECIMAL_SEPARATOR + THOUSANDS_SEPARATOR)

# --- Presentation forms ----------------------------------------------------------------------

# Arabic Presentation Forms-A and -B: contextual glyph codes (ﻻ, ﷲ…) that NFKC maps to letters.
PRESENTATION_RANGES: tuple[tuple[int, int], ...] = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF))


def is_presentation_form(c: str) -> bool:
    return "\ufb50" <= c <= "\ufdff" or "\ufe70" <= c <= "\ufeff"  # PRESENTATION_RANGES


def is_arabic_script(c: str) -> bool:
    """Arabic, Arabic Supplement / Extended-A, presentation forms, tatweel."""
    return "\u0600" <= c <= "\u08ff" or is_presentation_form(c)


# --- Punctuation -----------------------------------------------------------------------------

ARABIC_COMMA = "\u060c"  # ،
ARABIC_SEMICOLON = "\u061b"  # ؛
ARABIC_QUESTION_MARK = "\u061f"  # ؟
ELLIPSIS = "\u2026"  # …
COMMAS = frozenset("," + ARABIC_COMMA)
# Marks that end a sentence in every use (CoNLL sentences, suggestions).
SENTENCE_END = frozenset(".!?" + ARABIC_QUESTION_MARK)
# Marks that end a clause the suggesters treat as a sentence of its own: ؛ and ….
CLAUSE_END = frozenset(ARABIC_SEMICOLON + ELLIPSIS)

# Directional quotation marks, opener -> closer, by code point: « », ‹ ›, “ ”, „ ”.
QUOTE_PAIRS = {"\u00ab": "\u00bb", "\u2039": "\u203a", "\u201c": "\u201d", "\u201e": "\u201d"}
QUOTE_OPENERS = frozenset(QUOTE_PAIRS)
QUOTE_CLOSERS = frozenset(QUOTE_PAIRS.values())
STRAIGHT_QUOTE = '"'  # opens or closes: its role comes from its neighbours
QUOTE_CHARS = QUOTE_OPENERS | QUOTE_CLOSERS | {STRAIGHT_QUOTE}
# Punctuation that closes something and stays glued to what it closes: quotes, brackets.
CLOSING_PUNCT = QUOTE_CLOSERS | frozenset("\"')]}\u2019")

# --- Control characters ----------------------------------------------------------------------

# C0 and C1 control characters (and DEL), the characters of binary data.
CONTROL_RANGES: tuple[tuple[int, int], ...] = ((0x00, 0x1F), (0x7F, 0x9F))
# Controls that are ordinary layout in a text file.
LAYOUT_CONTROLS = frozenset("\t\n\r\f\v")


def is_control(c: str) -> bool:
    """A C0/C1 control character or DEL (layout controls such as \\n included)."""
    o = ord(c)
    return o <= 0x1F or 0x7F <= o <= 0x9F


CONTROL_RE = re.compile("[\x00-\x1f\x7f-\x9f]")


def stray_controls(text: str, allowed: frozenset[str] = LAYOUT_CONTROLS) -> list[int]:
    """Offsets of the control characters of text that are not in allowed (regex speed)."""
    return [m.start() for m in CONTROL_RE.finditer(text) if m.group() not in allowed]


# --- Words -----------------------------------------------------------------------------------


def is_word_char(c: str) -> bool:
    """Letters (tatweel included), combining marks, digits and numerals, ZWJ/ZWNJ: the stuff
    of words."""
    return c in JOINERS or unicodedata.category(c)[0] in "LMN"


def trim(text: str, start: int, end: int, extra: str = "") -> tuple[int, int]:
    """Shrink [start, end) past whitespace (and any characters in extra) on both sides."""
    while start < end and (text[start].isspace() or text[start] in extra):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in extra):
        end -= 1
    return start, end
