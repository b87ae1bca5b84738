"""The one span model shared by entities, quotes, claims, cues, mentions and suggestions."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# How a span's boundaries were chosen; exported so a dataset can say which convention it follows.
BOUNDARY_POLICIES = ("token", "strip_clitics", "exact")


def new_id() -> str:
    """A short random id, unique in practice (48 bits) and stable once stored."""
    return uuid.uuid4().hex[:12]


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled range [start, end) of code points in a document's immutable text."""

    id: str
    doc_id: str
    kind: str
    label: str
    start: int
    end: int
    attrs: Mapping[str, Any] = field(default_factory=dict)
    boundary: str = "token"
    annotator: str = ""
    # How many times the stored span was updated: an update names the version it was made
    # from and is refused when the project holds another (optimistic concurrency). Not part
    # of the span's value: two spans that differ only in version are equal.
    version: int = field(default=0, compare=False)

    def __post_init__(self) -> None:
        if not self.id:
            raise ValueError("span id is empty")
        if not isinstance(self.start, int) or not isinstance(self.end, int):
            raise ValueError(f"span {self.id}: offsets must be integers")
        if self.start < 0 or self.end <= self.start:
            raise ValueError(f"span {self.id}: bad range [{self.start}, {self.end})")
        if self.boundary not in BOUNDARY_POLICIES:
            raise ValueError(f"span {self.id}: unknown boundary policy {self.boundary!r}")

    @property
    def length(self) -> int:
        return self.end - self.start

    def text_in(self, text: str) -> str:
        return text[self.start : self.end]

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end and self != other


@dataclass(frozen=True, slots=True)
class Link:
    """A typed, directed link between two spans of the same document (e.g. quote -> speaker)."""

    id: str
    doc_id: str
    type: str
    source: str
    target: str
    # Whose layer the link is in ("" on insert: its source span's, else the current
    # annotator's). Not part of equality: a link is what it joins.
    annotator: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if not self.id or not self.type:
            raise ValueError("link needs an id and a type")
        if self.source == self.target:
            raise ValueError(f"link {self.id}: a span cannot link to itself")


def sort_key(span: Span) -> tuple[int, int, str]:
    """Reading order: by start, longer (outer) spans first, then id for a stable tie-break."""
    return (span.start, -span.end, span.id)
