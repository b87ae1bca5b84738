"""Quotes and claims as spans plus typed links (PARC-style source, cue, content).

A quote is a "quote" span (attribute type); its speaker is a "speaker" link to an entity span
or to a "mention" span (a speaker that is not a named entity); its cue is a "cue" link to a
"cue" span. A claim is a "claim" span (attributes checkworthy, type, note, claimant_article);
its claimant is a "claimant" link to an entity or mention; "in_quote" links it to a quote.
These builders return the spans and links to add; nothing here touches storage.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from annotation.span_index import SpanIndex
from annotation.spans import Link, Span, new_id

Range = tuple[int, int]
# An agent (speaker or claimant): an existing span id, a text range for a new mention, or None.
AgentRef = str | Range | None


def _link(doc_id: str, type_name: str, source: str, target: str) -> Link:
    return Link(new_id(), doc_id, type_name, source, target)


def agent_parts(
    doc_id: str,
    source_id: str,
    link_type: str,
    agent: AgentRef,
    annotator: str = "",
    boundary: str = "token",
) -> tuple[list[Span], list[Link]]:
    """Spans and links that attach an agent (speaker/claimant) to a quote or claim."""
    if agent is None:
        return [], []
    if isinstance(agent, str):
        return [], [_link(doc_id, link_type, source_id, agent)]
    mention = Span(
        new_id(), doc_id, "mention", "MENTION", agent[0], agent[1], {}, boundary, annotator
    )
    return [mention], [_link(doc_id, link_type, source_id, mention.id)]


def cue_parts(
    doc_id: str, quote_id: str, cue: Range | None, annotator: str = "", boundary: str = "token"
) -> tuple[list[Span], list[Link]]:
    if cue is None:
        return [], []
    span = Span(new_id(), doc_id, "cue", "CUE", cue[0], cue[1], {}, boundary, annotator)
    return [span], [_link(doc_id, "cue", quote_id, span.id)]


def build_quote(
    doc_id: str,
    content: Range,
    quote_type: str = "direct",
    speaker: AgentRef = None,
    cue: Range | None = None,
    annotator: str = "",
    boundary: str = "token",
) -> tuple[list[Span], list[Link]]:
    quote = Span(
        new_id(),
        doc_id,
        "quote",
        "QUOTE",
        content[0],
        content[1],
        {"type": quote_type},
        boundary,
        annotator,
    )
    spans, links = [quote], []
    for s, lk in (
        agent_parts(doc_id, quote.id, "speaker", speaker, annotator, boundary),
        cue_parts(doc_id, quote.id, cue, annotator, boundary),
    ):
        spans += s
        links += lk
    return spans, links


def build_claim(
    doc_id: str,
    rng: Range,
    attrs: Mapping[str, str],
    claimant: AgentRef = None,
    article: bool = False,
    quote_id: str | None = None,
    annotator: str = "",
    boundary: str = "token",
) -> tuple[list[Span], list[Link]]:
    claim = Span(
        new_id(),
        doc_id,
        "claim",
        "CLAIM",
        rng[0],
        rng[1],
        {**attrs, "claimant_article": "yes" if article else "no"},
        boundary,
        annotator,
    )
    spans, links = [claim], []
    agent_spans, agent_links = agent_parts(
        doc_id, claim.id, "claimant", None if article else claimant, annotator, boundary
    )
    spans += agent_spans
    links += agent_links
    if quote_id is not None:
        links.append(_link(doc_id, "in_quote", claim.id, quote_id))
    return spans, links


def enclosing_quote(index: SpanIndex, start: int, end: int) -> Span | None:
    """The smallest stored quote containing [start, end)."""
    quotes = [
        q for q in index.overlapping(start, end, ("quote",)) if q.start <= start and end <= q.end
    ]
    return min(quotes, key=lambda q: q.length) if quotes else None


@dataclass(frozen=True)
class Attribution:
    """What a quote or claim is joined to, resolved from the index for display."""

    speaker: Span | None
    cue: Span | None
    quote: Span | None
    article: bool


def attribution_of(index: SpanIndex, span: Span) -> Attribution:
    def target(type_name: str) -> Span | None:
        links = index.links_from(span.id, type_name)
        return index.get(links[0].target) if links else None

    if span.kind == "quote":
        return Attribution(target("speaker"), target("cue"), None, False)
    if span.kind == "claim":
        return Attribution(
            target("claimant"),
            None,
            target("in_quote"),
            span.attrs.get("claimant_article") == "yes",
        )
    return Attribution(None, None, None, False)


def related_ids(index: SpanIndex, span: Span) -> list[str]:
    """Spans to show together with span: its speaker/cue/claimant/quote, or for a speaker,
    the quotes and claims pointing to it."""
    out = [lk.target for lk in index.links_from(span.id)]
    out += [lk.source for lk in index.links_to(span.id)]
    return [i for i in dict.fromkeys(out) if i in index]
