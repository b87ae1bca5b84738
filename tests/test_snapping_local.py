"""Snapping reads only the two ends of a selection (the preview snaps on every mouse move of a
drag), and gives what snapping the whole selection gives."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotation import snapping
from annotation.clitics import splitter
from annotation.snapping import snap, trim
from annotation.tokens import tokens_around
from tests.hypothesis_budget import examples

_SPLIT = splitter()


def whole_selection_snap(text: str, start: int, end: int, policy: str) -> tuple[int, int] | None:
    """Reference: every token of the selection read (what snap did before it read only its
    ends)."""
    if start > end:
        start, end = end, start
    if policy == "exact":
        return trim(text, start, end)
    if start == end:
        end = min(len(text), start + 1)
        if start > 0 and (start == len(text) or text[start].isspace()):
            start -= 1
    words = [t for t in tokens_around(text, start, end) if t.is_wordlike]
    if not words:
        return None
    s, e = words[0].start, words[-1].end
    if policy == "strip_clitics" and words[0].type == "word":
        cut = _SPLIT(words[0].text)
        if 0 < cut < len(words[0].text):
            s = words[0].start + cut
    return trim(text, s, e)


PIECES = st.sampled_from(
    ["وبوتين", "الرئيس", "لروسيا", "١٠٪", "2024", " ", "  ", "\n", "،", ".", "«", "»", "😀",
     "\u200f", "\u2066", "\u2069", "ـ", "َ", "!!", "ﷺ", "abc", "؟ "]
)  # fmt: skip


@settings(max_examples=examples(300), deadline=None)
@given(
    pieces=st.lists(PIECES, min_size=1, max_size=60),
    a=st.integers(min_value=0, max_value=400),
    b=st.integers(min_value=0, max_value=400),
    policy=st.sampled_from(["token", "strip_clitics", "exact"]),
    window=st.sampled_from([1, 2, 5, 256]),
)
def test_reading_the_ends_gives_what_reading_everything_gives(
    pieces: list[str], a: int, b: int, policy: str, window: int
) -> None:
    text = "".join(pieces)
    a, b = min(a, len(text)), min(b, len(text))
    original = snapping.WINDOW
    snapping.WINDOW = window
    try:
        got = snap(text, a, b, policy, _SPLIT)
    finally:
        snapping.WINDOW = original
    assert got == whole_selection_snap(text, a, b, policy)


def test_a_long_selection_reads_only_its_ends(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "قال وزير الخارجية وبوتين سيلتقيان في موسكو غداً. " * 2000
    read: list[int] = []
    real = snapping.tokens_around

    def counting(text: str, start: int, end: int, margin: int = 64):  # noqa: ANN202
        read.append(end - start)
        return real(text, start, end, margin)

    monkeypatch.setattr(snapping, "tokens_around", counting)
    assert snap(text, 5, len(text) - 5, "strip_clitics", _SPLIT) == (
        4,
        len(text) - len(" غداً. ") + len(" غداً"),
    )
    assert sum(read) <= 2 * snapping.WINDOW
