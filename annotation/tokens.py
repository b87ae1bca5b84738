"""A tokenizer that returns every token with exact code-point offsets.

Tokens tile the non-space characters of a text: words (Arabic or Latin letters with their
diacritics and tatweel, and digits glued to them as in 1948م or G20), numbers (Latin, Arabic-Indic and Extended Arabic-Indic digits, with
separators between digits), and each punctuation mark or symbol on its own. Combining marks
and bidi controls never stand alone when a neighbouring token can take them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from annotation.arabic import BIDI_CONTROLS, JOINERS, NUMBER_SEPARATORS, TATWEEL, is_arabic_script

WORD, NUMBER, PUNCT, SYMBOL, OTHER = "word", "number", "punct", "symbol", "other"


@dataclass(frozen=True, slots=True)
class Token:
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


def _word_end(text: str, j: int, n: int, script: str) -> int:
    """End of a word whose letters so far are of script: marks, joiners, bidi controls, digits
    and letters of the same script (or tatweel) continue it."""
    while j < n:
        cj = char_class(text[j])
        if cj in ("mark", "joiner", "bidi", "digit") or (
            cj == "letter" and (_script(text[j]) == script or text[j] == TATWEEL)
        ):
            j += 1
        elif (
            text[j] in NUMBER_SEPARATORS
            and char_class(text[j - 1]) == "digit"
            and j + 1 < n
            and char_class(text[j + 1]) == "digit"
        ):
            j += 2  # و٣٫٥, G3.5
        else:
            break
    return j


def iter_tokens(text: str, start: int = 0, end: int | None = None) -> Iterator[Token]:
    """Yield tokens of text[start:end]; offsets are into the whole text."""
    n = len(text) if end is None else end
    i = start
    pending_bidi = -1  # start of bidi controls waiting to join the next token
    while i < n:
        cls = char_class(text[i])
        if cls == "space":
            if pending_bidi >= 0:
                yield Token(pending_bidi, i, text[pending_bidi:i], OTHER)
                pending_bidi = -1
            i += 1
            continue
        if cls == "bidi":
            if pending_bidi < 0:
                pending_bidi = i
            i += 1
            continue
        tok_start = pending_bidi if pending_bidi >= 0 else i
        pending_bidi = -1
        j = i + 1
        if cls in ("letter", "mark", "joiner"):
            ttype = WORD
            j = _word_end(text, j, n, _script(text[i]))
        elif cls == "digit":
            ttype = NUMBER
            while j < n:
                cj = char_class(text[j])
                if cj in ("digit", "mark", "bidi"):
                    j += 1
                elif (
                    text[j] in NUMBER_SEPARATORS
                    and j + 1 < n
                    and char_class(text[j + 1]) == "digit"
                ):
                    j += 2
                else:
                    break
            if j < n and char_class(text[j]) == "letter" and text[j] != TATWEEL:
                # Digits glued to letters form one word, as whitespace-tokenized corpora have
                # them: 1948م, G20, a2hosting, و1.
                ttype = WORD
                j = _word_end(text, j + 1, n, _script(text[j]))
        elif cls == "symbol":
            ttype = SYMBOL
            while j < n:
                cj = char_class(text[j])
                if cj in ("mark", "bidi"):
                    j += 1
                elif cj == "joiner" and j + 1 < n and char_class(text[j + 1]) == "symbol":
                    j += 2  # emoji ZWJ sequence
                elif j == i + 1 and _regional(text[i]) and _regional(text[j]):
                    j += 1  # a flag: two regional indicators
                else:
                    break
        else:
            ttype = PUNCT if cls == "punct" else OTHER
            while j < n and char_class(text[j]) in ("mark", "bidi"):
                j += 1
        yield Token(tok_start, j, text[tok_start:j], ttype)
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
