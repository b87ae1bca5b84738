"""The one span model shared by entities, quotes, claims, cues, mentions and suggestions."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

# How a span's boundaries were chosen; exported so a dataset can say which convention it follows.
BOUNDARY_POLICIES = ("token", "strip_clitics", "exact")


def new_id() -> str:
    """A short random id, unique in practice (48 bits) and stable once stored."""
    return uuid.uuid4().hex[:12]


@dataclass(frozen=True, slots=True, init=False)
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

    # Written by hand rather than generated: a frozen dataclass's __init__ sets each field
    # through object.__setattr__, twice the cost of the slots' own setters, and an import
    # builds a Span per entity (~60,000 for 2,000 news articles).
    def __init__(
        self,
        id: str,
        doc_id: str,
        kind: str,
        label: str,
        start: int,
        end: int,
        attrs: Mapping[str, Any] | None = None,
        boundary: str = "token",
        annotator: str = "",
        version: int = 0,
    ) -> None:
        if not id:
            raise ValueError("span id is empty")
        if not isinstance(start, int) or not isinstance(end, int):
            raise ValueError(f"span {id}: offsets must be integers")
        if start < 0 or end <= start:
            raise ValueError(f"span {id}: bad range [{start}, {end})")
        if boundary not in BOUNDARY_POLICIES:
            raise ValueError(f"span {id}: unknown boundary policy {boundary!r}")
        s_id, s_doc, s_kind, s_label, s_start, s_end, s_attrs, s_bound, s_ann, s_ver = _SPAN_SETTERS
        s_id(self, id)
        s_doc(self, doc_id)
        s_kind(self, kind)
        s_label(self, label)
        s_start(self, start)
        s_end(self, end)
        s_attrs(self, {} if attrs is None else attrs)
        s_bound(self, boundary)
        s_ann(self, annotator)
        s_ver(self, version)

    @property
    def length(self) -> int:
        return self.end - self.start

    def text_in(self, text: str) -> str:
        return text[self.start : self.end]

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end and self != other


# The slots' setters (member descriptors), in field order: Span.__init__'s fast path.
_SPAN_SETTERS = tuple(Span.__dict__[f.name].__set__ for f in fields(Span))


@dataclass(frozen=True, slots=True, init=False)
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

    def __init__(  # by hand, like Span's
        self, id: str, doc_id: str, type: str, source: str, target: str, annotator: str = ""
    ) -> None:
        if not id or not type:
            raise ValueError("link needs an id and a type")
        if source == target:
            raise ValueError(f"link {id}: a span cannot link to itself")
        s_id, s_doc, s_type, s_source, s_target, s_ann = _LINK_SETTERS
        s_id(self, id)
        s_doc(self, doc_id)
        s_type(self, type)
        s_source(self, source)
        s_target(self, target)
        s_ann(self, annotator)


_LINK_SETTERS = tuple(Link.__dict__[f.name].__set__ for f in fields(Link))


def sort_key(span: Span) -> tuple[int, int, str]:
    """Reading order: by start, longer (outer) spans first, then id for a stable tie-break."""
    return (span.start, -span.end, span.id)
