"""Suggestions under review: the pending proposals of one document in reading order, a cursor,
and the batch each proposal came from (F7's quotes and claims, or one tag-all).

Pure Python, no Qt: the window's suggestions controller drives it and draws it, tests drive it
directly. "Accept all" takes the current proposal's batch only, so accepting the twelve
occurrences a tag-all proposed never stores the F7 quotes and claims that happen to be pending.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from annotation.proposals import Key, Proposal, pending
from annotation.span_index import SpanIndex

SUGGEST = "suggest"  # the batch of F7 quote and claim suggestions


class SuggestionQueue:
    def __init__(self, rejected: Iterable[Key] = ()) -> None:
        self.items: list[Proposal] = []
        self.pos = -1
        self.rejected: set[Key] = set(rejected)
        self._batch: dict[Key, str] = {}
        self._batches = 0

    def __len__(self) -> int:
        return len(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __iter__(self) -> Iterator[Proposal]:
        return iter(self.items)

    def __contains__(self, proposal: object) -> bool:
        return proposal in self.items

    def reset(self, rejected: Iterable[Key] = ()) -> None:
        """Another document: nothing pending, its own rejections."""
        self.items, self.pos = [], -1
        self.rejected = set(rejected)
        self._batch = {}

    def clear(self) -> None:
        self.items, self.pos = [], -1
        self._batch = {}

    # --- filling ------------------------------------------------------------------------------
    def set_suggestions(self, found: Sequence[Proposal], index: SpanIndex, anchor: int) -> None:
        """Replace the F7 batch; the cursor goes to the first one at or after anchor."""
        others = [p for p in self.items if self._batch.get(p.key) != SUGGEST]
        for p in found:
            self._batch.setdefault(p.key, SUGGEST)
        self.items = pending([*others, *found], index, self.rejected)
        self._reposition(None, anchor)

    def add_batch(self, found: Sequence[Proposal], index: SpanIndex, anchor: int) -> str:
        """A new batch (tag-all): the cursor goes to its first proposal. Returns its name."""
        self._batches += 1
        name = f"batch-{self._batches}"
        for p in found:
            self._batch[p.key] = name
        current = self.current()
        self.items = pending([*self.items, *found], index, self.rejected)
        self._reposition(found[0] if found else current, anchor)
        return name

    def refresh(self, index: SpanIndex, anchor: int) -> None:
        """After an edit: drop what is now stored, keep the cursor on the same proposal (or
        the next one after it)."""
        if not self.items:
            return
        current = self.current()
        self.items = pending(self.items, index, self.rejected)
        self._reposition(current, anchor)

    def reject(self, proposals: Sequence[Proposal], anchor: int) -> None:
        current = self.current()
        self.rejected |= {p.key for p in proposals}
        self.items = [p for p in self.items if p.key not in self.rejected]
        self._reposition(current, anchor)

    def unreject(self, proposals: Sequence[Proposal], index: SpanIndex, anchor: int) -> None:
        current = self.current()
        self.rejected -= {p.key for p in proposals}
        self.items = pending([*self.items, *proposals], index, self.rejected)
        self._reposition(current, anchor)

    # --- the cursor ---------------------------------------------------------------------------
    def current(self) -> Proposal | None:
        if 0 <= self.pos < len(self.items):
            return self.items[self.pos]
        return None

    def step(self, delta: int) -> Proposal | None:
        if not self.items:
            return None
        self.pos = (self.pos + delta) % len(self.items)
        return self.items[self.pos]

    def batch_of(self, proposal: Proposal) -> str:
        return self._batch.get(proposal.key, SUGGEST)

    def current_batch(self) -> list[Proposal]:
        """Every pending proposal from the same batch as the current one (what Ctrl+Shift+Enter
        and Ctrl+Shift+Backspace act on)."""
        current = self.current()
        if current is None:
            return []
        name = self.batch_of(current)
        return [p for p in self.items if self.batch_of(p) == name]

    def _reposition(self, current: Proposal | None, anchor: int) -> None:
        if not self.items:
            self.pos = -1
            return
        if current is not None and current in self.items:
            self.pos = self.items.index(current)
            return
        start = current.start if current is not None else anchor
        self.pos = next((i for i, p in enumerate(self.items) if p.start >= start), 0)
