"""Suggestions ready for review: each one carries the very spans and links that accepting it
stores, so accepting is an ordinary add and nothing is stored until then.

Rejected suggestions are remembered per document by their key (kind, start, end, label) and
never proposed again for that document.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from annotation.attribution import build_claim, build_quote, enclosing_quote
from annotation.claim_rules import suggest_claims
from annotation.provenance import ACCEPTED, ProvenanceMissing, check_schema, mark
from annotation.quote_rules import suggest_quotes
from annotation.recommenders.base import EntityGuess
from annotation.schema import LabelSchema
from annotation.span_index import SpanIndex
from annotation.spans import Link, Span, new_id

Key = tuple[str, int, int, str]


@dataclass(frozen=True)
class Proposal:
    kind: str  # the kind accepting creates: quote, claim or entity
    start: int
    end: int
    label: str
    spans: tuple[Span, ...]  # main span first
    links: tuple[Link, ...]
    reason: str = ""
    # How sure the suggester is, 0..1: shown with the suggestion, filterable, and stored as the
    # "confidence" attribute when accepting stores it (see annotation.provenance).
    confidence: float = 1.0

    @property
    def key(self) -> Key:
        return (self.kind, self.start, self.end, self.label)

    @property
    def main(self) -> Span:
        return self.spans[0]


def quote_proposals(
    text: str, doc_id: str, index: SpanIndex, annotator: str = ""
) -> list[Proposal]:
    entities = index.of_kind("entity")
    out = []
    for s in suggest_quotes(text, entities):
        speaker = s.speaker if (not isinstance(s.speaker, str) or s.speaker in index) else None
        spans, links = build_quote(doc_id, s.content, s.type, speaker, s.cue, annotator)
        out.append(
            Proposal(
                "quote",
                s.content[0],
                s.content[1],
                "QUOTE",
                tuple(spans),
                tuple(links),
                s.reason,
                s.confidence,
            )
        )
    return out


def claim_proposals(
    text: str, doc_id: str, index: SpanIndex, annotator: str = ""
) -> list[Proposal]:
    entities = index.of_kind("entity")
    stored_quotes = index.of_kind("quote")
    out = []
    for c in suggest_claims(text, stored_quotes or (), entities):
        quote = enclosing_quote(index, c.start, c.end)
        claimant = c.claimant if (not isinstance(c.claimant, str) or c.claimant in index) else None
        if claimant is None and quote is not None:
            speaker_links = index.links_from(quote.id, "speaker")
            claimant = speaker_links[0].target if speaker_links else None
        attrs = {k: v for k, v in dict(c.attrs).items() if k in ("checkworthy", "type")}
        spans, links = build_claim(
            doc_id,
            (c.start, c.end),
            attrs,
            claimant,
            c.claimant_article,
            quote.id if quote is not None else None,
            annotator,
        )
        out.append(
            Proposal(
                "claim", c.start, c.end, "CLAIM", tuple(spans), tuple(links), c.reason, c.confidence
            )
        )
    return out


def entity_proposals(
    doc_id: str,
    label: str,
    ranges: Iterable[tuple[int, int]],
    index: SpanIndex,
    boundary: str = "token",
    annotator: str = "",
) -> list[Proposal]:
    """Tag-all: the label on each range, skipping ranges that overlap an entity already tagged
    with it (وبوتين over a tagged بوتين is the same mention, not a second one) and ranges
    inside an existing entity of another label."""
    out = []
    for start, end in ranges:
        clash = [
            s
            for s in index.overlapping(start, end, ("entity",))
            if s.label == label or (s.start <= start and end <= s.end)
        ]
        if clash:
            continue
        span = Span(new_id(), doc_id, "entity", label, start, end, {}, boundary, annotator)
        out.append(
            Proposal("entity", start, end, label, (span,), (), "same text as a tagged entity")
        )
    return out


def recommended_entity_proposals(
    doc_id: str,
    guesses: Iterable[EntityGuess],
    index: SpanIndex,
    boundary: str = "token",
    annotator: str = "",
) -> list[Proposal]:
    """Entities the project's recommenders guess, where the text has no entity yet (they fill
    gaps; nested structure stays the annotators' work)."""
    out = []
    for g in guesses:
        if index.overlapping(g.start, g.end, ("entity",)):
            continue
        span = Span(new_id(), doc_id, "entity", g.label, g.start, g.end, {}, boundary, annotator)
        out.append(Proposal("entity", g.start, g.end, g.label, (span,), (), g.reason, g.confidence))
    return out


def pending(proposals: Sequence[Proposal], index: SpanIndex, rejected: set[Key]) -> list[Proposal]:
    """Drop rejected ones and those already stored; reading order."""
    keep = [
        p
        for p in proposals
        if p.key not in rejected and index.find(p.kind, p.start, p.end, p.label) is None
    ]
    keep.sort(key=lambda p: (p.start, -p.end, p.kind))
    return keep


# The confidence below which a kind's suggestions are not shown until the user chooses a
# minimum (window: Suggestions > minimum confidence; `main.py suggest --min-confidence`).
# Quotes: the doubtful classes of quote_rules (DOUBTFUL = 0.15: stray unclosed marks,
# fragments nested in a quotation, mid-sentence quotations with no cue, quoted subjects) held
# no quote of the dev split (docs/quote_rules.md, "Third session").
DEFAULT_MIN_CONFIDENCE: dict[str, float] = {"quote": 0.2}


def min_confidence_for(kind: str, min_confidence: float | None) -> float:
    """The threshold for a kind: the chosen one, or the kind's default when none was chosen."""
    return DEFAULT_MIN_CONFIDENCE.get(kind, 0.0) if min_confidence is None else min_confidence


def confident(proposals: Sequence[Proposal], min_confidence: float | None) -> list[Proposal]:
    """The proposals whose confidence is at least min_confidence (0 keeps them all; None: each
    kind's DEFAULT_MIN_CONFIDENCE)."""
    return [p for p in proposals if p.confidence >= min_confidence_for(p.kind, min_confidence)]


def accepted_spans(proposals: Sequence[Proposal], schema: LabelSchema) -> list[Span]:
    """The spans accepting these proposals stores: their entity, quote and claim spans carry
    origin=accepted and the proposal's confidence, when the project's label schema has those
    attributes (a project schema without them gets the spans as they are)."""
    try:
        check_schema(schema, sorted({s.kind for p in proposals for s in p.spans} & _MARKED))
    except ProvenanceMissing:
        return [s for p in proposals for s in p.spans]
    return [s for p in proposals for s in mark(p.spans, ACCEPTED, p.confidence)]


_MARKED = {"entity", "quote", "claim"}
