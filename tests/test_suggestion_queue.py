"""The Qt-free queue of suggestions: reading order, cursor, batches, rejections."""

from __future__ import annotations

from annotation.proposals import Proposal, entity_proposals
from annotation.span_index import SpanIndex
from annotation.spans import Span, new_id
from annotation.suggestion_queue import SuggestionQueue

TEXT = "قال الرئيس بوتين إن وبوتين سيلتقي كيري، وأضاف بوتين «لا نستبعد لقاء»."


def quote(start: int, end: int) -> Proposal:
    span = Span(new_id(), "d", "quote", "QUOTE", start, end, {"type": "direct"}, "token", "")
    return Proposal("quote", start, end, "QUOTE", (span,), (), "test")


def entity(start: int, end: int, label: str = "PERS") -> Span:
    return Span(new_id(), "d", "entity", label, start, end, {}, "token", "")


def test_suggestions_keep_reading_order_and_start_after_the_anchor() -> None:
    q = SuggestionQueue()
    q.set_suggestions([quote(40, 50), quote(5, 9), quote(20, 30)], SpanIndex([]), anchor=15)
    assert [p.start for p in q] == [5, 20, 40]
    assert q.current().start == 20
    assert q.step(+1).start == 40
    assert q.step(+1).start == 5  # wraps


def test_accept_all_takes_only_the_current_batch() -> None:
    index = SpanIndex([])
    q = SuggestionQueue()
    q.set_suggestions([quote(0, 10), quote(30, 40)], index, anchor=0)
    ranges = [(i, i + 5) for i in (11, 21, 45)]
    found = entity_proposals("d", "PERS", ranges, index)
    q.add_batch(found, index, anchor=0)
    assert len(q) == 5
    assert q.current() == found[0]  # the cursor goes to the new batch
    assert q.current_batch() == found
    q.step(-1)  # back onto an F7 quote
    assert {p.kind for p in q.current_batch()} == {"quote"}


def test_refresh_drops_stored_ones_and_keeps_the_cursor() -> None:
    q = SuggestionQueue()
    props = [quote(0, 10), quote(20, 30), quote(40, 50)]
    q.set_suggestions(props, SpanIndex([]), anchor=20)
    stored = SpanIndex([props[1].main])
    q.refresh(stored, anchor=0)
    assert [p.start for p in q] == [0, 40]
    assert q.current().start == 40  # the next one after the accepted one


def test_rejected_ones_never_come_back_until_unrejected() -> None:
    index = SpanIndex([])
    props = [quote(0, 10), quote(20, 30)]
    q = SuggestionQueue()
    q.set_suggestions(props, index, anchor=0)
    q.reject([props[0]], anchor=0)
    assert list(q) == [props[1]]
    q.set_suggestions(props, index, anchor=0)
    assert list(q) == [props[1]]
    q.unreject([props[0]], index, anchor=0)
    assert props[0] in q
    q.reset(rejected=[props[1].key])
    assert len(q) == 0 and props[1].key in q.rejected


def test_tag_all_never_stacks_on_an_entity_with_the_same_label() -> None:
    inner = TEXT.index("وبوتين") + 1
    index = SpanIndex([entity(inner, inner + 5)])
    whole = (inner - 1, inner + 5)  # وبوتين over the tagged بوتين
    other = TEXT.index("بوتين", inner + 5)
    found = entity_proposals("d", "PERS", [whole, (other, other + 5)], index)
    assert [(p.start, p.end) for p in found] == [(other, other + 5)]
    # another label's entity around the range also blocks it; one inside does not
    index = SpanIndex([entity(inner - 1, inner + 5, "ORG")])
    assert entity_proposals("d", "PERS", [(inner, inner + 5)], index) == []
