"""An in-memory index of one document's spans and links, ordered for fast range queries."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable

from annotation.spans import Link, Span, sort_key


class SpanIndex:
    """Spans by id, plus per-kind lists sorted by (start, -end, id).

    Range queries use the per-kind longest span so they never scan the whole document;
    inserting or removing one span costs a binary search and a list shift.
    """

    def __init__(self, spans: Iterable[Span] = (), links: Iterable[Link] = ()) -> None:
        self._by_id: dict[str, Span] = {}
        self._keys: dict[str, list[tuple[int, int, str]]] = {}
        self._max_len: dict[str, int] = {}
        self._links: dict[str, Link] = {}
        self._links_by_span: dict[str, set[str]] = {}
        for span in spans:
            self._by_id[span.id] = span
            self._keys.setdefault(span.kind, []).append(sort_key(span))
            self._max_len[span.kind] = max(self._max_len.get(span.kind, 0), span.length)
        for keys in self._keys.values():
            keys.sort()
        for link in links:
            self.add_link(link)

    # --- spans ----------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, span_id: object) -> bool:
        return span_id in self._by_id

    def get(self, span_id: str) -> Span | None:
        return self._by_id.get(span_id)

    def __getitem__(self, span_id: str) -> Span:
        return self._by_id[span_id]

    def add(self, span: Span) -> int:
        """Insert; return the span's row among spans of its kind."""
        if span.id in self._by_id:
            raise ValueError(f"span {span.id} is already in the document")
        self._by_id[span.id] = span
        keys = self._keys.setdefault(span.kind, [])
        key = sort_key(span)
        insort(keys, key)
        self._max_len[span.kind] = max(self._max_len.get(span.kind, 0), span.length)
        return bisect_left(keys, key)

    def remove(self, span_id: str) -> tuple[Span, int]:
        """Remove; return the span and the row it had among spans of its kind."""
        span = self._by_id.pop(span_id)
        keys = self._keys[span.kind]
        row = bisect_left(keys, sort_key(span))
        del keys[row]
        return span, row

    def replace(self, span: Span) -> None:
        """Swap in a span with the same id and range (label or attributes changed)."""
        old = self._by_id[span.id]
        if (old.kind, old.start, old.end) != (span.kind, span.start, span.end):
            raise ValueError("replace keeps kind and range; remove and add instead")
        self._by_id[span.id] = span

    def row_of(self, span: Span) -> int:
        keys = self._keys.get(span.kind, [])
        row = bisect_left(keys, sort_key(span))
        if row >= len(keys) or keys[row][2] != span.id:
            raise KeyError(span.id)
        return row

    def count(self, kind: str) -> int:
        return len(self._keys.get(kind, ()))

    def at_row(self, kind: str, row: int) -> Span:
        return self._by_id[self._keys[kind][row][2]]

    def of_kind(self, kind: str) -> list[Span]:
        return [self._by_id[k[2]] for k in self._keys.get(kind, ())]

    def all(self) -> list[Span]:
        return list(self._by_id.values())

    def kinds(self) -> list[str]:
        return [k for k, keys in self._keys.items() if keys]

    def overlapping(self, start: int, end: int, kinds: Iterable[str] | None = None) -> list[Span]:
        """Spans with span.start < end and span.end > start, in reading order per kind."""
        out: list[Span] = []
        for kind in kinds if kinds is not None else list(self._keys):
            keys = self._keys.get(kind)
            if not keys:
                continue
            lo = bisect_left(keys, (start - self._max_len.get(kind, 0), -(1 << 62), ""))
            for i in range(lo, len(keys)):
                s, neg_e, sid = keys[i]
                if s >= end:
                    break
                if -neg_e > start:
                    out.append(self._by_id[sid])
        return out

    def at(self, pos: int, kinds: Iterable[str] | None = None) -> list[Span]:
        """Spans covering the character at pos, innermost (shortest) first."""
        hits = self.overlapping(pos, pos + 1, kinds)
        hits.sort(key=lambda s: (s.length, s.start))
        return hits

    def find(self, kind: str, start: int, end: int, label: str | None = None) -> Span | None:
        keys = self._keys.get(kind, [])
        i = bisect_left(keys, (start, -end, ""))
        while i < len(keys) and keys[i][0] == start and -keys[i][1] == end:
            span = self._by_id[keys[i][2]]
            if label is None or span.label == label:
                return span
            i += 1
        return None

    # --- links ----------------------------------------------------------------------------
    def add_link(self, link: Link) -> None:
        self._links[link.id] = link
        self._links_by_span.setdefault(link.source, set()).add(link.id)
        self._links_by_span.setdefault(link.target, set()).add(link.id)

    def remove_link(self, link_id: str) -> Link:
        link = self._links.pop(link_id)
        for sid in (link.source, link.target):
            ids = self._links_by_span.get(sid)
            if ids is not None:
                ids.discard(link_id)
                if not ids:
                    del self._links_by_span[sid]
        return link

    def links(self) -> list[Link]:
        return list(self._links.values())

    def link(self, link_id: str) -> Link | None:
        return self._links.get(link_id)

    def links_of(self, span_id: str) -> list[Link]:
        return [self._links[i] for i in sorted(self._links_by_span.get(span_id, ()))]

    def links_from(self, span_id: str, type_name: str | None = None) -> list[Link]:
        return [
            lk
            for lk in self.links_of(span_id)
            if lk.source == span_id and (type_name is None or lk.type == type_name)
        ]

    def links_to(self, span_id: str) -> list[Link]:
        return [lk for lk in self.links_of(span_id) if lk.target == span_id]
