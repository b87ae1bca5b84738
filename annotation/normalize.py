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

import itertools
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Any, Literal, Protocol

from annotation.arabic import (
    ALEF_FORMS,
    ALEF_MAQSURA,
    DIGITS,
    HAMZA_CARRIERS,
    HEH,
    INVISIBLE,
    NUMBER_PUNCT,
    PERSIAN_LETTERS,
    PRESENTATION_RANGES,
    TA_MARBUTA,
    TASHKEEL,
    TATWEEL,
    YEH,
    is_presentation_form,
)

_REMOVED = TASHKEEL | {TATWEEL} | INVISIBLE
_MAPPED = (
    ALEF_FORMS
    | HAMZA_CARRIERS
    | DIGITS
    | NUMBER_PUNCT
    | PERSIAN_LETTERS
    | {ALEF_MAQSURA: YEH, TA_MARBUTA: HEH}
)

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
        "remove bidi controls (LRM, RLM, ALM, embeddings, isolates), ZWJ/ZWNJ and the "
        "invisible format characters U+FEFF, U+2060, U+00AD",
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


def _fold(c: str) -> str:
    """The key text of one character that is not a presentation form."""
    if c in _REMOVED:
        return ""
    mapped = _MAPPED.get(c)
    if mapped is not None:
        return mapped
    if c < "\x80":
        return c.lower()
    return c.casefold()


@lru_cache(maxsize=8192)
def normalize_char(c: str) -> str:
    """The key text of one character ('' when it is removed). Total: never raises.

    A presentation form goes through NFKC once and its letters are folded; forms that NFKC
    leaves alone (the ornate parentheses U+FD3E/U+FD3F, U+FEFF) are folded as themselves, so
    there is no recursion.
    """
    if is_presentation_form(c):
        decomposed = unicodedata.normalize("NFKC", c)
        if decomposed != c:
            return "".join(_fold(x) for x in decomposed)
    return _fold(c)


class _KeyTable(dict[int, str]):
    """A str.translate table filled on first sight of each character (bounded: a text made of
    every code point must not keep them all)."""

    def __missing__(self, o: int) -> str:
        key = normalize_char(chr(o))
        if len(self) < 16384:
            self[o] = key
        return key


_KEYS = _KeyTable()


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


class IndexMap(Protocol):
    """key index -> original offset, for 0 <= k <= len(key): a list or a KeyMap."""

    def __getitem__(self, k: int, /) -> int: ...

    def __len__(self) -> int: ...


class KeyMap:
    """The index map of a key whose characters each come from one original character (no
    expansion), kept as the removed characters only: key index k comes from
    k + (removed characters at or before key position k); len(key) maps to len(text).

    Indexable like the list of normalize_for_search, in O(log removed) per look-up and without
    a Python loop over the text.
    """

    __slots__ = ("_removed_at", "key_length", "length")

    def __init__(self, removed: list[int], key_length: int, length: int) -> None:
        # For the j-th removed character: the key index of the first kept character after it.
        self._removed_at = [r - j for j, r in enumerate(removed)]
        self.key_length = key_length
        self.length = length

    def __len__(self) -> int:
        return self.key_length + 1

    def __getitem__(self, k: int) -> int:
        if k < 0:
            k += self.key_length + 1
        if not 0 <= k <= self.key_length:
            raise IndexError(k)
        if k == self.key_length:
            return self.length
        return k + bisect_right(self._removed_at, k)


_REMOVED_RE = re.compile("[" + "".join(sorted(map(re.escape, _REMOVED))) + "]")


def _ranges_of(chars: Iterable[str]) -> str:
    """The inside of a regular-expression character class of chars, as ranges of consecutive
    code points."""
    points = sorted(map(ord, chars))
    runs: list[list[int]] = []
    for p in points:
        if runs and runs[-1][1] == p - 1:
            runs[-1][1] = p
        else:
            runs.append([p, p])
    return "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in runs)


# Presentation forms that are not simply removed (U+FEFF is): only these can fold to nothing
# or to several characters besides _REMOVED and the few characters casefold expands.
_PRESENTATION_RE = re.compile(
    "["
    + _ranges_of(
        c
        for lo, hi in PRESENTATION_RANGES
        for c in map(chr, range(lo, hi + 1))
        if c not in _REMOVED
    )
    + "]"
)
# Below this code point (Latin, Arabic, every script a news text mixes in, punctuation), the
# characters whose key differs are listed once, so that a text made only of such characters
# (and of _REMOVED) is keyed by replacing the few changed characters it holds.
_LISTED_BELOW = 0x3000


@cache
def _listing() -> tuple[dict[str, str], frozenset[str]]:
    """(character -> key, the listed characters) for the characters below _LISTED_BELOW and
    _REMOVED. Built at first use (about 12,000 code points, some 20 ms). A character whose
    key holds a changed character is left unlisted, so that replacing one character never
    feeds another replacement."""
    changed: dict[str, str] = {}
    for c in itertools.chain(map(chr, range(_LISTED_BELOW)), _REMOVED):
        key = normalize_char.__wrapped__(c)
        if key != c:
            changed[c] = key
    chained = {c for c, key in changed.items() if any(k in changed for k in key)}
    for c in chained:
        del changed[c]
    listed = set(map(chr, range(_LISTED_BELOW))) - chained | (_REMOVED - chained)
    return changed, frozenset(listed)


@cache
def _changed_below() -> tuple[dict[str, str], re.Pattern[str], re.Pattern[str]]:
    """(character -> key, a pattern of those characters, a pattern of any character outside
    the listed ones): _listing as regular expressions."""
    changed, listed = _listing()
    return (
        changed,
        re.compile("[" + _ranges_of(changed) + "]"),
        re.compile("[^" + _ranges_of(listed) + "]"),
    )


# Flags of a code point in _code_point_flags
_UNLISTED, _CHANGED, _IS_REMOVED = 1, 2, 4
# From this length a text's distinct special characters are found with numpy, whose calls
# cost more than a regular-expression scan of a short text.
VECTOR_FROM = 256


@cache
def _code_point_flags() -> Any:
    """A numpy array of one byte per code point: _UNLISTED, _CHANGED and _IS_REMOVED, as
    _listing and _REMOVED define them. numpy is loaded here, at first use."""
    import numpy as np

    changed, listed = _listing()
    flags = np.full(0x110000, _UNLISTED, dtype=np.uint8)
    flags[[ord(c) for c in listed]] = 0
    flags[[ord(c) for c in changed]] |= _CHANGED
    flags[[ord(c) for c in _REMOVED]] |= _IS_REMOVED
    return flags


# In _key_points: a character whose key is empty, or several characters
_NO_POINT, _SEVERAL = 0xFFFFFFFF, 0xFFFFFFFE


@cache
def _key_points() -> Any:
    """A numpy array of one code point per code point: its key's, for listed characters
    (_NO_POINT when the key is empty, _SEVERAL when it is several characters)."""
    import numpy as np

    changed, _ = _listing()
    points = np.arange(0x110000, dtype=np.uint32)
    for c, key in changed.items():
        points[ord(c)] = ord(key) if len(key) == 1 else _SEVERAL if key else _NO_POINT
    return points


def compact_key_points(text: str) -> tuple[str, list[int], Any] | None | Literal[False]:
    """compact_key for a long text made only of listed characters, with numpy, and the key's
    code points as a numpy array (the search index blanks its non-word characters from them):
    every character's key looked up in a table at once, instead of regular-expression scans
    that make a string of each match. False when the text holds an unlisted character (then
    only compact_key_scanned knows its key)."""
    import numpy as np

    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    of_text = _code_point_flags()[points]
    if (of_text & _UNLISTED).any():
        return False
    if not (of_text & _CHANGED).any():
        return text, [], points
    mapped = _key_points()[points]
    if (mapped == _SEVERAL).any():
        return None
    key_points = mapped[mapped != _NO_POINT]
    removed = np.flatnonzero(of_text & _IS_REMOVED).tolist()
    if len(key_points) + len(removed) != len(text):
        return None
    return key_points.tobytes().decode("utf-32-le", "surrogatepass"), removed, key_points


def compact_key(text: str) -> tuple[str, list[int]] | None:
    """The key of text and the offsets of its removed characters (what a KeyMap needs), or
    None when a character expands to several key characters (presentation ligatures such as
    ﻻ): then only the list of normalize_for_search can map the key back."""
    if len(text) >= VECTOR_FROM:
        found = compact_key_points(text)
        if found is not False:
            return None if found is None else (found[0], found[1])
    return compact_key_scanned(text)


def compact_key_scanned(text: str) -> tuple[str, list[int]] | None:
    """compact_key by regular-expression scans of the text: for short texts, and for those
    compact_key_points leaves (it answered False)."""
    changed, changing, unlisted = _changed_below()
    # Outside the presentation forms a character's key is empty exactly when it is in
    # _REMOVED and is otherwise at least one character; so the key is compact exactly when its
    # length is that of the text less the removed characters (no set of the text's
    # characters, which costs more than the translation on a long article).
    key: str | None = None
    if unlisted.search(text) is None:
        # Only listed characters (so no presentation form: they are all above _LISTED_BELOW).
        # str.translate looks every character up; most characters of a text keep their key,
        # so replacing the changed ones costs a third of it.
        key = text
        for c in set(changing.findall(text)):
            key = key.replace(c, changed[c])
    elif _PRESENTATION_RE.search(text) is None:
        key = text.translate(_KEYS)
    if key is not None:
        removed = [m.start() for m in _REMOVED_RE.finditer(text)]
        return (key, removed) if len(key) + len(removed) == len(text) else None
    keys = {c: _KEYS[ord(c)] for c in set(text)}
    if any(len(r) > 1 for r in keys.values()):
        return None
    key = text.translate(_KEYS)
    removed_chars = [c for c, r in keys.items() if not r]
    if not removed_chars:
        return key, []
    if all(c in _REMOVED for c in removed_chars):
        pattern = _REMOVED_RE
    else:  # a presentation form of a mark (U+FE70-FE7F) folds to nothing too
        pattern = re.compile("[" + "".join(map(re.escape, removed_chars)) + "]")
    return key, [m.start() for m in pattern.finditer(text)]


def search_key(text: str) -> tuple[str, IndexMap]:
    """normalize_for_search, faster on long texts: the map is a KeyMap unless a character
    expands to several key characters, then the list."""
    compact = compact_key(text)
    if compact is None:
        return normalize_for_search(text)
    key, removed = compact
    return key, KeyMap(removed, len(key), len(text))


def normalize(text: str) -> str:
    """Only the key (for comparing words, lexicon look-ups, grouping)."""
    return text.translate(_KEYS)


def original_range(index_map: IndexMap, start: int, end: int) -> tuple[int, int]:
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
