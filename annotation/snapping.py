"""Turning a raw selection into span boundaries.

- "token": grow to whole tokens (what ANERcorp and Wojood do: وبوتين tagged whole);
- "strip_clitics": whole tokens, then proclitics split off the first token (بوتين in وبوتين);
- "exact": the characters selected (Alt held), only trimmed.
Every policy drops surrounding whitespace and punctuation; a selection with no word in it snaps
to nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from annotation.tokens import Token, tokens_around

# (word) -> number of leading characters that are proclitics; installed by annotation.clitics.
ProcliticSplitter = Callable[[str], int]


def trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Drop leading/trailing whitespace and punctuation (not marks or letters)."""
    from annotation.tokens import char_class

    start = max(0, start)
    end = min(len(text), end)
    while start < end and char_class(text[start]) in ("space", "punct", "bidi", "symbol", "other"):
        start += 1
    while end > start and char_class(text[end - 1]) in (
        "space",
        "punct",
        "bidi",
        "symbol",
        "other",
    ):
        end -= 1
    return (start, end) if start < end else None


def snap(
    text: str,
    start: int,
    end: int,
    policy: str = "token",
    split_proclitics: ProcliticSplitter | None = None,
) -> tuple[int, int] | None:
    if start > end:
        start, end = end, start
    if policy == "exact":
        return trim(text, start, end)
    if start == end:
        # A caret, not a selection: the token under it.
        end = min(len(text), start + 1)
        if start > 0 and (start == len(text) or text[start].isspace()):
            start -= 1
    if end - start <= WINDOW:  # the usual selection: one window holds both ends
        words = [t for t in tokens_around(text, start, end) if t.is_wordlike]
        if not words:
            return None
        first, last = words[0], words[-1]
    else:
        found = _first_word(text, start, end)
        if found is None:
            return None
        first = found
        last_found = _last_word(text, start, end)
        assert last_found is not None  # there is a word, so there is a last one
        last = last_found
    s, e = first.start, last.end
    if policy == "strip_clitics" and split_proclitics is not None and first.type == "word":
        cut = split_proclitics(first.text)
        # Only strip when the selection did not start inside the clitic on purpose past it.
        if 0 < cut < len(first.text):
            s = first.start + cut
    return trim(text, s, e)


# Tokens are read in windows growing from each end of the selection, so snapping a long
# selection (a drag over pages, Ctrl+A on a long article: the preview snaps on every mouse
# move) costs what its two ends cost, not its length.
WINDOW = 256


def _first_word(text: str, start: int, end: int) -> Token | None:
    """The first word-like token overlapping [start, end)."""
    width = WINDOW
    while True:
        hi = min(end, start + width)
        for token in tokens_around(text, start, hi):
            if token.is_wordlike:
                return token
        if hi >= end:
            return None
        width *= 4


def _last_word(text: str, start: int, end: int) -> Token | None:
    """The last word-like token overlapping [start, end)."""
    width = WINDOW
    while True:
        lo = max(start, end - width)
        words = [t for t in tokens_around(text, lo, end) if t.is_wordlike]
        if words:
            return words[-1]
        if lo <= start:
            return None
        width *= 4
