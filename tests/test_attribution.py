"""Quotes and claims as spans plus links, and suggestions ready for review (pure core)."""

from __future__ import annotations

from annotation.attribution import (
    attribution_of,
    build_claim,
    build_quote,
    enclosing_quote,
    related_ids,
)
from annotation.proposals import Proposal, entity_proposals, pending, quote_proposals
from annotation.span_index import SpanIndex
from annotation.spans import Span

TEXT = "وقال المتحدث باسم الوزارة «لن نتراجع عن موقفنا» أمس، وأكد بوتين أن 70 في المئة وافقوا."


def entity(sid: str, word: str, label: str = "PERS") -> Span:
    i = TEXT.index(word)
    return Span(sid, "d", "entity", label, i, i + len(word))


def test_quote_with_entity_speaker_and_cue() -> None:
    putin = entity("e1", "بوتين")
    q0 = TEXT.index("لن نتراجع")
    spans, links = build_quote("d", (q0, q0 + 20), "direct", putin.id, (0, 4), annotator="a")
    quote, cue = spans
    assert (quote.kind, quote.label, dict(quote.attrs)) == ("quote", "QUOTE", {"type": "direct"})
    assert (cue.kind, TEXT[cue.start : cue.end]) == ("cue", "وقال")
    assert {(lk.type, lk.source, lk.target) for lk in links} == {
        ("speaker", quote.id, "e1"),
        ("cue", quote.id, cue.id),
    }
    index = SpanIndex([putin, *spans], links)
    att = attribution_of(index, quote)
    assert att.speaker == putin and att.cue == cue and att.quote is None
    assert set(related_ids(index, quote)) == {"e1", cue.id}
    assert related_ids(index, putin) == [quote.id]  # a speaker shows the quotes it speaks


def test_quote_with_a_speaker_that_is_not_an_entity() -> None:
    s0 = TEXT.index("المتحدث")
    spans, links = build_quote("d", (30, 40), "direct", (s0, s0 + len("المتحدث باسم الوزارة")))
    quote, mention = spans
    assert mention.kind == "mention" and TEXT[mention.start : mention.end] == "المتحدث باسم الوزارة"
    assert [(lk.type, lk.target) for lk in links] == [("speaker", mention.id)]


def test_claim_inside_a_quote_by_the_article() -> None:
    q0 = TEXT.index("لن نتراجع")
    qspans, qlinks = build_quote("d", (q0, q0 + 20))
    index = SpanIndex(qspans, qlinks)
    quote = enclosing_quote(index, q0 + 3, q0 + 10)
    assert quote is not None and quote.id == qspans[0].id
    assert enclosing_quote(index, q0 + 3, q0 + 40) is None  # not contained
    spans, links = build_claim("d", (q0 + 3, q0 + 10), {"checkworthy": "yes"}, None, True, quote.id)
    (claim,) = spans
    assert claim.attrs == {"checkworthy": "yes", "claimant_article": "yes"}
    assert [(lk.type, lk.target) for lk in links] == [("in_quote", quote.id)]
    index = SpanIndex([*qspans, claim], [*qlinks, *links])
    att = attribution_of(index, claim)
    assert att.article and att.quote == quote and att.speaker is None


def test_tag_all_skips_tagged_ranges_and_ranges_inside_other_labels() -> None:
    org = entity("o1", "المتحدث باسم الوزارة", "OCC")
    tagged = entity("e1", "بوتين")
    index = SpanIndex([org, tagged])
    w = TEXT.index("الوزارة")
    ranges = [(tagged.start, tagged.end), (w, w + 7), (0, 4)]
    found = entity_proposals("d", "PERS", ranges, index)
    assert [(p.start, p.end) for p in found] == [(0, 4)]
    assert found[0].main.label == "PERS" and found[0].key == ("entity", 0, 4, "PERS")


def test_pending_drops_rejected_and_stored_and_sorts() -> None:
    a = Proposal("entity", 10, 14, "PERS", (Span("x", "d", "entity", "PERS", 10, 14),), ())
    b = Proposal("entity", 0, 4, "PERS", (Span("y", "d", "entity", "PERS", 0, 4),), ())
    c = Proposal("entity", 20, 24, "PERS", (Span("z", "d", "entity", "PERS", 20, 24),), ())
    index = SpanIndex([Span("s", "d", "entity", "PERS", 20, 24)])
    assert pending([a, b, c], index, {("entity", 10, 14, "PERS")}) == [b]
    assert pending([a, b, c], SpanIndex(), set()) == [b, a, c]


def test_quote_proposals_never_point_to_a_missing_entity() -> None:
    putin = entity("e1", "بوتين")
    with_entity = quote_proposals(TEXT, "d", SpanIndex([putin]))
    without = quote_proposals(TEXT, "d", SpanIndex())
    assert with_entity and without
    for props, index in ((with_entity, SpanIndex([putin])), (without, SpanIndex())):
        for p in props:
            own = {s.id for s in p.spans}
            for lk in p.links:
                assert lk.source in own and (lk.target in own or lk.target in index)
    quoted = [p for p in without if TEXT[p.start : p.end].startswith("لن نتراجع")]
    assert quoted and quoted[0].main.attrs["type"] in ("direct", "mixed")
    speaker = [s for s in quoted[0].spans if s.kind == "mention"]
    assert speaker and TEXT[speaker[0].start : speaker[0].end].startswith("المتحدث")
