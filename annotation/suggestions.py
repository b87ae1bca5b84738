"""Shared pieces of the rule-based suggesters (quotes, claims): matching keys, sentences, ranges.

Everything here is pure Python; offsets are code points into the original text. Normalisation is
used for matching only and never changes offsets: words are compared token by token.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from annotation.arabic import (
    CLAUSE_END,
    QUOTE_CLOSERS,
    SENTENCE_END,
    STRAIGHT_QUOTE,
    is_tashkeel,
    is_word_char,
    trim,
)
from annotation.normalize import normalize
from annotation.spans import Span
from annotation.tokens import Token, iter_tokens

Range = tuple[int, int]
# A proposed speaker or claimant: an entity span id, a (start, end) noun-phrase range, or None.
Agent = str | Range | None

# A sentence of the suggesters also ends at ؛ and …; what may follow its terminator and stay in
# it: closing quotes and a closing parenthesis.
_SENTENCE_END = SENTENCE_END | CLAUSE_END
_TRAILING_CLOSERS = QUOTE_CLOSERS | {STRAIGHT_QUOTE, ")"}


def match_key(word: str) -> str:
    """A matching key for one word: the search key of annotation.normalize (one rule for
    diacritics, alef forms, hamza carriers, ى and ة everywhere)."""
    return normalize(word)


def at_word_boundaries(text: str, start: int, end: int) -> bool:
    """True when [start, end) neither starts nor ends inside a word."""
    left_ok = start == 0 or not is_word_char(text[start - 1]) or not is_word_char(text[start])
    right_ok = end >= len(text) or not is_word_char(text[end]) or not is_word_char(text[end - 1])
    return left_ok and right_ok


@dataclass(frozen=True, slots=True)
class Word:
    """A token with its matching key (punctuation keeps its text as key)."""

    start: int
    end: int
    text: str
    key: str
    is_punct: bool


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    out: list[Word] = []
    for tok in iter_tokens(text, start, end):
        out.append(_word(tok))
    return out


def _word(tok: Token) -> Word:
    if tok.is_wordlike:
        return Word(tok.start, tok.end, tok.text, match_key(tok.text), False)
    return Word(tok.start, tok.end, tok.text, tok.text, True)


def sentence_spans(text: str, protect: Iterable[Range] = ()) -> list[Range]:
    """Sentences as trimmed ranges; split on . ! ? ؟ ؛ … and line breaks.

    A dot between digits (3.5) is not a boundary; runs of terminators stay with their sentence;
    a terminator inside a protected range (e.g. a quotation) does not split, but a line break does.
    """
    blocked = bytearray(len(text) + 1)
    closing_ends: set[int] = set()
    for a, b in protect:
        for i in range(max(0, a), min(len(text), b)):
            blocked[i] = 1
        closing_ends.add(b - 1)
    out: list[Range] = []
    start = 0
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c == "\n":
            _emit(text, start, i, out)
            start = i + 1
        elif i in closing_ends and i > 0 and text[i - 1] in _SENTENCE_END:
            _emit(text, start, i + 1, out)  # «... انتهى.» closes the sentence too
            start = i + 1
        elif c in _SENTENCE_END and not blocked[i]:
            if c == "." and 0 < i < n - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
                i += 1
                continue
            if c == "." and is_abbreviation_dot(text, i):
                i += 1
                continue
            j = i + 1
            while j < n and (text[j] in _SENTENCE_END or text[j] in _TRAILING_CLOSERS):
                if text[j] in _SENTENCE_END or not blocked[j]:
                    j += 1
                else:
                    break
            _emit(text, start, j, out)
            start = j
            i = j
            continue
        i += 1
    _emit(text, start, n, out)
    return out


def is_abbreviation_dot(text: str, i: int) -> bool:
    """A dot right after a one-letter word (د. م. أ.د.), optionally with و/ف: a title, not an end."""
    j = _skip_marks(text, i - 1)
    if j < 0 or not text[j].isalpha():
        return False
    j = _skip_marks(text, j - 1)  # عدّة. is a word ending in a letter after a shadda
    if j >= 0 and text[j] in "\u0648\u0641" and (j == 0 or not text[j - 1].isalpha()):
        j -= 1
    return j < 0 or not text[j].isalpha() or text[j] == "."


def _skip_marks(text: str, j: int) -> int:
    """The index of the last character at or before j that is not a diacritic."""
    while j >= 0 and is_tashkeel(text[j]):
        j -= 1
    return j


def _emit(text: str, start: int, end: int, out: list[Range]) -> None:
    s, e = trim(text, start, end)
    if e > s:
        out.append((s, e))


def paragraph_spans(text: str) -> list[Range]:
    out: list[Range] = []
    pos = 0
    for line in text.split("\n"):
        s, e = trim(text, pos, pos + len(line))
        if e > s:
            out.append((s, e))
        pos += len(line) + 1
    return out


def agent_text(text: str, agent: Agent, entities: Sequence[Span] = ()) -> str:
    """Surface text of a speaker/claimant proposal ("" when None or unknown id)."""
    if agent is None:
        return ""
    if isinstance(agent, tuple):
        return text[agent[0] : agent[1]]
    for e in entities:
        if e.id == agent:
            return text[e.start : e.end]
    return ""
