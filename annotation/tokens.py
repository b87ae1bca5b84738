"""A tokenizer that returns every token with exact code-point offsets.

Tokens tile the non-space characters of a text: words (Arabic or Latin letters with their
diacritics and tatweel, and digits glued to them as in 1948م or G20), numbers (Latin, Arabic-Indic and Extended Arabic-Indic digits, with
separators between digits), and each punctuation mark or symbol on its own. Combining marks
and bidi controls never stand alone when a neighbouring token can take them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from annotation.arabic import BIDI_CONTROLS, JOINERS, NUMBER_SEPARATORS, TATWEEL, is_arabic_script

WORD, NUMBER, PUNCT, SYMBOL, OTHER = "word", "number", "punct", "symbol", "other"


class Token(NamedTuple):
    """A named tuple, not a frozen dataclass: a news article has some 600 tokens, and a frozen
    dataclass's __init__ (one object.__setattr__ per field) cost more than finding them."""

    start: int
    end: int
    text: str
    type: str

    @property
    def is_wordlike(self) -> bool:
        return self.type in (WORD, NUMBER)


@lru_cache(maxsize=4096)
def char_class(c: str) -> str:
    if c in BIDI_CONTROLS:
        return "bidi"
    if c in JOINERS:
        return "joiner"
    if c == TATWEEL:
        return "letter"
    cat = unicodedata.category(c)
    if cat[0] == "L":
        return "letter"
    if cat[0] == "M":
        return "mark"
    if cat == "Nd":
        return "digit"
    if cat[0] == "N":
        return "letter"  # other numerals (e.g. ² or Roman) behave as word characters
    if c.isspace():
        return "space"
    if cat[0] == "P":
        return "punct"
    if cat == "Sk" and 0x1F3FB <= ord(c) <= 0x1F3FF:
        return "mark"  # emoji skin-tone modifiers attach to their base
    if cat[0] == "S":
        return "symbol"
    return "other"


def _script(c: str) -> str:
    if is_arabic_script(c):
        return "arabic"
    return "other"


def _regional(c: str) -> bool:
    return 0x1F1E6 <= ord(c) <= 0x1F1FF


# One code per character, so that a text's classes are one str.translate (in C) and a word's
# run one regular-expression match, instead of a Python call per character: letters by
# script (A Arabic, L other, T tatweel), m mark, j joiner, b bidi control, d digit, s space,
# p punctuation, y symbol, o other.
_CODE_OF_CLASS = {
    "mark": "m", "joiner": "j", "bidi": "b", "digit": "d", "space": "s",
    "punct": "p", "symbol": "y", "other": "o",
}  # fmt: skip
# what continues a word of each script (_word_end): marks, joiners, bidi controls, digits,
# tatweel and letters of that script
_WORD_RUN = {"arabic": re.compile("[ATmjbd]*"), "other": re.compile("[LTmjbd]*")}


class _Codes(dict[int, str]):
    """code point -> class code (str.translate's table), filled as characters are met."""

    def __missing__(self, point: int) -> str:
        c = chr(point)
        cls = char_class(c)
        if cls == "letter":
            code = "T" if c == TATWEEL else "A" if _script(c) == "arabic" else "L"
        else:
            code = _CODE_OF_CLASS[cls]
        self[point] = code
        return code


_CODES = _Codes()


def _word_end(text: str, codes: str, base: int, j: int, n: int, script: str) -> int:
    """End of a word whose letters so far are of script: marks, joiners, bidi controls, digits
    and letters of the same script (or tatweel) continue it. codes[k - base] is the class
    code of text[k]."""
    run = _WORD_RUN[script]
    while j < n:
        found = run.match(codes, j - base)  # a run of zero or more: never None
        j = base + found.end() if found else j
        if (
            j + 1 < n
            and text[j] in NUMBER_SEPARATORS
            and codes[j - 1 - base] == "d"
            and codes[j + 1 - base] == "d"
        ):
            j += 2  # و٣٫٥, G3.5
        else:
            break
    return j


def iter_tokens(text: str, start: int = 0, end: int | None = None) -> Iterator[Token]:
    """Yield tokens of text[start:end]; offsets are into the whole text."""
    n = len(text) if end is None else end
    base = start
    codes = text[start:n].translate(_CODES)
    i = start
    pending_bidi = -1  # start of bidi controls waiting to join the next token
    make = tuple.__new__  # Token's own __new__ is a Python function around it
    while i < n:
        code = codes[i - base]
        if code == "s":
            if pending_bidi >= 0:
                yield Token(pending_bidi, i, text[pending_bidi:i], OTHER)
                pending_bidi = -1
            i += 1
            continue
        if code == "b":
            if pending_bidi < 0:
                pending_bidi = i
            i += 1
            continue
        tok_start = pending_bidi if pending_bidi >= 0 else i
        pending_bidi = -1
        j = i + 1
        if code in "ALTmj":
            ttype = WORD
            script = "arabic" if code == "A" else "other" if code == "L" else _script(text[i])
            j = _word_end(text, codes, base, j, n, script)
        elif code == "d":
            ttype = NUMBER
            while j < n:
                cj = codes[j - base]
                if cj in "dmb":
                    j += 1
                elif text[j] in NUMBER_SEPARATORS and j + 1 < n and codes[j + 1 - base] == "d":
                    j += 2
                else:
                    break
            if j < n and codes[j - base] in "AL":
                # Digits glued to letters form one word, as whitespace-tokenized corpora have
                # them: 1948م, G20, a2hosting, و1.
                ttype = WORD
                j = _word_end(text, codes, base, j + 1, n, _script(text[j]))
        elif code == "y":
            ttype = SYMBOL
            while j < n:
                cj = codes[j - base]
                if cj in "mb":
                    j += 1
                elif cj == "j" and j + 1 < n and codes[j + 1 - base] == "y":
                    j += 2  # emoji ZWJ sequence
                elif j == i + 1 and _regional(text[i]) and _regional(text[j]):
                    j += 1  # a flag: two regional indicators
                else:
                    break
        else:
            ttype = PUNCT if code == "p" else OTHER
            while j < n and codes[j - base] in "mb":
                j += 1
        yield make(Token, (tok_start, j, text[tok_start:j], ttype))
        i = j
    if pending_bidi >= 0:
        yield Token(pending_bidi, n, text[pending_bidi:n], OTHER)


def tokenize(text: str) -> list[Token]:
    return list(iter_tokens(text))


def tokens_around(text: str, start: int, end: int, margin: int = 64) -> list[Token]:
    """Tokens overlapping [start, end), tokenizing only a window around it.

    The window is widened to whitespace so no token is cut in half.
    """
    lo = max(0, start - margin)
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    hi = min(len(text), end + margin)
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    return [t for t in iter_tokens(text, lo, hi) if t.start < end and start < t.end]
