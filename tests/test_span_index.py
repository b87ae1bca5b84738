"""SpanIndex against a brute-force model (hypothesis state machine) plus link book-keeping."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from annotation.span_index import SpanIndex
from annotation.spans import Link, Span, sort_key
from tests.hypothesis_budget import examples

KINDS = ("entity", "quote", "claim")
TEXT_LEN = 60


def _span(sid: str, kind: str, start: int, end: int, label: str = "X") -> Span:
    return Span(sid, "doc-1", kind, label, start, end)


def _ordered(spans: list[Span]) -> list[Span]:
    return sorted(spans, key=sort_key)


class SpanIndexMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.index = SpanIndex()
        self.model: dict[str, Span] = {}

    # --- steps ----------------------------------------------------------------------------
    @rule(
        sid=st.text(alphabet="abcdef0123", min_size=1, max_size=3),
        kind=st.sampled_from(KINDS),
        start=st.integers(0, TEXT_LEN - 1),
        length=st.one_of(st.integers(1, 4), st.integers(1, TEXT_LEN)),
    )
    def add(self, sid: str, kind: str, start: int, length: int) -> None:
        span = _span(sid, kind, start, min(TEXT_LEN, start + length))
        if sid in self.model:
            with pytest.raises(ValueError):
                self.index.add(span)
            return
        row = self.index.add(span)
        self.model[sid] = span
        assert row == _ordered([s for s in self.model.values() if s.kind == kind]).index(span)

    @rule(data=st.data())
    def add_duplicate_range(self, data: st.DataObject) -> None:
        """Same kind and range as an existing span, different id: ids break the tie."""
        if not self.model:
            return
        other = data.draw(st.sampled_from(sorted(self.model)))
        sid = data.draw(st.text(alphabet="ghij", min_size=1, max_size=2))
        if sid in self.model:
            return
        base = self.model[other]
        span = _span(sid, base.kind, base.start, base.end, "Y")
        self.index.add(span)
        self.model[sid] = span

    @precondition(lambda self: bool(self.model))
    @rule(data=st.data())
    def remove(self, data: st.DataObject) -> None:
        sid = data.draw(st.sampled_from(sorted(self.model)))
        span = self.model[sid]
        expected_row = _ordered([s for s in self.model.values() if s.kind == span.kind]).index(span)
        got, row = self.index.remove(sid)
        del self.model[sid]
        assert got == span
        assert row == expected_row

    @rule(sid=st.text(alphabet="xyz", min_size=1, max_size=2))
    def remove_missing(self, sid: str) -> None:
        with pytest.raises(KeyError):
            self.index.remove(sid)

    @precondition(lambda self: bool(self.model))
    @rule(data=st.data())
    def replace_label(self, data: st.DataObject) -> None:
        sid = data.draw(st.sampled_from(sorted(self.model)))
        old = self.model[sid]
        new = Span(sid, old.doc_id, old.kind, old.label + "'", old.start, old.end)
        self.index.replace(new)
        self.model[sid] = new
        moved = Span(sid, old.doc_id, old.kind, old.label, old.start, old.end + 1)
        with pytest.raises(ValueError):
            self.index.replace(moved)

    # --- queries checked against brute force ----------------------------------------------
    @rule(a=st.integers(-3, TEXT_LEN + 3), b=st.integers(-3, TEXT_LEN + 3))
    def overlapping(self, a: int, b: int) -> None:
        for kind in KINDS:
            expected = _ordered(
                [s for s in self.model.values() if s.kind == kind and s.start < b and s.end > a]
            )
            assert self.index.overlapping(a, b, [kind]) == expected
        both = self.index.overlapping(a, b, ["quote", "entity"])
        assert both == [
            *_ordered(
                [s for s in self.model.values() if s.kind == "quote" and s.start < b and s.end > a]
            ),
            *_ordered(
                [s for s in self.model.values() if s.kind == "entity" and s.start < b and s.end > a]
            ),
        ]
        every = self.index.overlapping(a, b)
        assert sorted(every, key=lambda s: (s.kind, sort_key(s))) == sorted(
            (s for s in self.model.values() if s.start < b and s.end > a),
            key=lambda s: (s.kind, sort_key(s)),
        )
        assert len(every) == len({s.id for s in every})
        # within each kind the result is in reading order
        for kind in KINDS:
            of = [s for s in every if s.kind == kind]
            assert of == _ordered(of)

    @rule(pos=st.integers(0, TEXT_LEN - 1))
    def at(self, pos: int) -> None:
        hits = self.index.at(pos)
        expected = [s for s in self.model.values() if s.start <= pos < s.end]
        assert {s.id for s in hits} == {s.id for s in expected}
        assert len(hits) == len(expected)
        keys = [(s.length, s.start) for s in hits]
        assert keys == sorted(keys)
        for kind in KINDS:
            assert {s.id for s in self.index.at(pos, [kind])} == {
                s.id for s in expected if s.kind == kind
            }

    @rule(
        kind=st.sampled_from(KINDS),
        start=st.integers(0, TEXT_LEN),
        end=st.integers(0, TEXT_LEN),
    )
    def find(self, kind: str, start: int, end: int) -> None:
        found = self.index.find(kind, start, end)
        candidates = _ordered(
            [s for s in self.model.values() if s.kind == kind and s.start == start and s.end == end]
        )
        assert found == (candidates[0] if candidates else None)
        for label in ("X", "Y"):
            with_label = [s for s in candidates if s.label == label]
            assert self.index.find(kind, start, end, label) == (
                with_label[0] if with_label else None
            )

    @invariant()
    def agrees_with_model(self) -> None:
        assert len(self.index) == len(self.model)
        assert {s.id: s for s in self.index.all()} == self.model
        assert set(self.index.kinds()) == {s.kind for s in self.model.values()}
        for kind in KINDS:
            expected = _ordered([s for s in self.model.values() if s.kind == kind])
            assert self.index.of_kind(kind) == expected
            assert self.index.count(kind) == len(expected)
            for row, span in enumerate(expected):
                assert self.index.row_of(span) == row
                assert self.index.at_row(kind, row) == span
        for sid, span in self.model.items():
            assert sid in self.index
            assert self.index[sid] == span
            assert self.index.get(sid) == span
        assert self.index.get("nope") is None
        # building from scratch gives the same index
        rebuilt = SpanIndex(list(self.model.values())[::-1])
        for kind in KINDS:
            assert rebuilt.of_kind(kind) == self.index.of_kind(kind)


SpanIndexMachine.TestCase.settings = settings(
    max_examples=examples(150), stateful_step_count=40, deadline=None
)
TestSpanIndexAgainstModel = SpanIndexMachine.TestCase


# --- direct tests ----------------------------------------------------------------------------
def test_row_of_a_span_not_in_the_index_raises() -> None:
    index = SpanIndex([_span("a", "entity", 0, 3)])
    with pytest.raises(KeyError):
        index.row_of(_span("b", "entity", 0, 3))
    with pytest.raises(KeyError):
        index.row_of(_span("a", "quote", 0, 3))


def test_reading_order_outer_first_then_id() -> None:
    spans = [
        _span("c", "entity", 5, 9),
        _span("b", "entity", 5, 9),
        _span("a", "entity", 5, 7),
        _span("z", "entity", 2, 4),
        _span("m", "entity", 5, 12),
    ]
    index = SpanIndex()
    for s in spans:
        index.add(s)
    assert [s.id for s in index.of_kind("entity")] == ["z", "m", "b", "c", "a"]
    # innermost first: a (length 2), then b and c (length 4, reading order), then m
    assert [s.id for s in index.at(6)] == ["a", "b", "c", "m"]


def test_long_span_far_before_the_query_is_found() -> None:
    index = SpanIndex([_span("long", "quote", 0, 500), _span("short", "quote", 400, 401)])
    index.remove("long")
    index.add(_span("long2", "quote", 10, 480))
    assert [s.id for s in index.overlapping(470, 475)] == ["long2"]
    assert [s.id for s in index.at(400)] == ["short", "long2"]


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(1, 30)), max_size=30))
def test_constructor_equals_incremental_adds(ranges: list[tuple[int, int]]) -> None:
    spans = [_span(f"s{i:02d}", "entity", s, s + n) for i, (s, n) in enumerate(ranges)]
    built = SpanIndex(spans)
    grown = SpanIndex()
    for span in spans:
        grown.add(span)
    assert built.of_kind("entity") == grown.of_kind("entity") == _ordered(spans)


# --- links -----------------------------------------------------------------------------------
def test_links_book_keeping() -> None:
    q = _span("q1", "quote", 10, 30)
    e = _span("e1", "entity", 0, 5)
    c = _span("c1", "cue", 6, 9)
    speaker = Link("l2", "doc-1", "speaker", "q1", "e1")
    cue = Link("l1", "doc-1", "cue", "q1", "c1")
    index = SpanIndex([q, e, c], [speaker, cue])
    assert index.links_of("q1") == [cue, speaker]  # sorted by link id
    assert index.links_from("q1") == [cue, speaker]
    assert index.links_from("q1", "speaker") == [speaker]
    assert index.links_from("e1") == []
    assert index.links_to("e1") == [speaker]
    assert index.links_to("q1") == []
    assert index.link("l2") == speaker
    assert set(index.links()) == {speaker, cue}
    assert index.remove_link("l2") == speaker
    assert index.link("l2") is None
    assert index.links_of("e1") == []
    assert index.links_of("q1") == [cue]
    with pytest.raises(KeyError):
        index.remove_link("l2")
    index.remove_link("l1")
    assert index.links_of("q1") == [] and index.links() == []
