"""Turning a raw selection into span boundaries.

- "token": grow to whole tokens (what ANERcorp and Wojood do: وبوتين tagged whole);
- "strip_clitics": whole tokens, then proclitics split off the first token (بوتين in وبوتين);
- "exact": the characters selected (Alt held), only trimmed.
Every policy drops surrounding whitespace and punctuation; a selection with no word in it snaps
to nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from annotation.tokens import tokens_around

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
    words = [t for t in tokens_around(text, start, end) if t.is_wordlike]
    if not words:
        return None
    s, e = words[0].start, words[-1].end
    if policy == "strip_clitics" and split_proclitics is not None and words[0].type == "word":
        cut = split_proclitics(words[0].text)
        # Only strip when the selection did not start inside the clitic on purpose past it.
        if 0 < cut < len(words[0].text):
            s = words[0].start + cut
    return trim(text, s, e)
