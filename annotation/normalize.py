"""Normalising Arabic text for search, with a map from every normalised character back to the
original text.

`normalize_for_search(text)` returns `(key, index_map)`: `key[i]` comes from `text[index_map[i]]`
and `index_map[len(key)] == len(text)`. Characters that are removed (tashkeel, tatweel, bidi
controls) have no key character; they fall inside the original range of the key character before
them, so a key range mapped back with `original_range` covers the diacritics of its letters.

The rules are listed in `RULES` (name, description, example) so documentation can render them.
pyarabic is not used here: its `strip_tashkeel` covers only U+064B-U+0652 and its
`normalize_alef` also maps ى to ا, which we do not want.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from annotation.tokens import BIDI_CONTROLS, JOINERS, TATWEEL

# All Arabic combining marks: Quranic signs, harakat, tanween, shadda, sukun, superscript alef,
# small high/low signs.
TASHKEEL = frozenset(
    [chr(c) for c in range(0x0610, 0x061B)]
    + [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670"]
    + [chr(c) for c in range(0x06D6, 0x06EE)]
)
ALEF_FORMS = {"\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627"}
HAMZA_CARRIERS = {"\u0624": "\u0621", "\u0626": "\u0621"}  # ؤ ئ -> ء
DIGITS = {chr(0x0660 + d): str(d) for d in range(10)} | {chr(0x06F0 + d): str(d) for d in range(10)}
NUMBER_PUNCT = {"\u066b": ".", "\u066c": ","}  # ٫ ٬
PERSIAN_LETTERS = {"\u06cc": "\u064a", "\u06a9": "\u0643"}  # ی -> ي, ک -> ك

# (name, description, example "before -> after")
RULES: tuple[tuple[str, str, str], ...] = (
    (
        "tashkeel",
        "remove every Arabic mark: U+0610-061A, U+064B-065F (harakat, tanween, shadda, "
        "sukun), U+0670 (superscript alef), U+06D6-06ED (Quranic signs)",
        "الأَسَدُ -> الاسد",
    ),
    ("tatweel", "remove tatweel U+0640", "الأســد -> الاسد"),
    (
        "bidi",
        "remove bidi controls (LRM, RLM, ALM, embeddings, isolates) and ZWJ/ZWNJ",
        "\u200fموسكو -> موسكو",
    ),
    (
        "alef",
        "hamzated and wasla alef forms أ إ آ ٱ -> bare alef ا (ى is NOT touched here)",
        "إيران -> ايران",
    ),
    (
        "alef_maqsura",
        "ى -> ي everywhere (in standard spelling it only occurs word-finally)",
        "موسى -> موسي",
    ),
    ("ta_marbuta", "ة -> ه everywhere (it only occurs word-finally)", "سورية -> سوريه"),
    (
        "hamza_carriers",
        "hamza on waw or yeh ؤ ئ -> bare hamza ء, so the two spelling traditions "
        "meet (مسؤول/مسئول, شؤون/شئون) while رئيس still differs from ريس",
        "مسئول -> مسءول",
    ),
    (
        "digits",
        "Arabic-Indic and Extended Arabic-Indic digits -> Latin digits; ٫ -> . and ٬ -> ,",
        "٢٠١٥ -> 2015",
    ),
    ("persian", "Persian yeh and keheh ی ک -> Arabic ي ك", "ایران -> ايران"),
    (
        "presentation_forms",
        "Arabic presentation forms (U+FB50-FDFF, U+FE70-FEFF) -> NFKC letters",
        "ﻻ -> لا",
    ),
    ("case", "Latin and other cased letters are case-folded", "Putin -> putin"),
)


@lru_cache(maxsize=8192)
def normalize_char(c: str) -> str:
    """The key text of one character ('' when it is removed)."""
    if c in TASHKEEL or c == TATWEEL or c in BIDI_CONTROLS or c in JOINERS:
        return ""
    for table in (ALEF_FORMS, HAMZA_CARRIERS, DIGITS, NUMBER_PUNCT, PERSIAN_LETTERS):
        if c in table:
            return table[c]
    if c == "\u0649":
        return "\u064a"
    if c == "\u0629":
        return "\u0647"
    o = ord(c)
    if 0xFB50 <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFF:
        return "".join(normalize_char(x) for x in unicodedata.normalize("NFKC", c))
    if o < 0x80:
        return c.lower()
    return c.casefold()


def normalize_for_search(text: str) -> tuple[str, list[int]]:
    """The search key of text and, for each key character, its offset in text (+ final len)."""
    chars = set(text)
    repl = {c: normalize_char(c) for c in chars}
    if all(len(r) <= 1 for r in repl.values()):
        # Fast path (almost always): one key character or none per original character.
        key = text.translate({ord(c): r for c, r in repl.items() if r != c})
        removed = {c for c, r in repl.items() if not r}
        if removed:
            index_map = [i for i, c in enumerate(text) if c not in removed]
        else:
            index_map = list(range(len(text)))
        index_map.append(len(text))
        return key, index_map
    parts: list[str] = []
    index_map: list[int] = []
    for i, c in enumerate(text):
        r = normalize_char(c)
        if not r:
            continue
        parts.append(r)
        if len(r) == 1:
            index_map.append(i)
        else:
            index_map.extend([i] * len(r))
    index_map.append(len(text))
    return "".join(parts), index_map


def normalize(text: str) -> str:
    """Only the key (for comparing words, lexicon look-ups, grouping)."""
    return "".join(normalize_char(c) for c in text)


def original_range(index_map: list[int], start: int, end: int) -> tuple[int, int]:
    """Map the key range [start, end) back to the original text.

    The start is the original offset of key[start]. The end runs up to the next kept character,
    so marks, tatweel and bidi controls after the last letter are included; trailing bidi
    controls are trimmed by the callers that need it (see `search`).
    """
    if start >= end:
        o = index_map[start]
        return o, o
    s = index_map[start]
    last = index_map[end - 1]
    nxt = index_map[end]
    e = nxt if nxt > last else last + 1  # end inside a one-to-many expansion: take the whole char
    return s, e
