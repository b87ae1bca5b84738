"""Where an annotation came from: typed by a person, accepted from a suggestion, or stored by
batch pre-annotation without review.

Provenance lives in two schema attributes of entities, quotes and claims (default schema and
migration 3): ``origin`` (human | accepted | suggested; absent means human) and ``confidence``
(the suggester's score, "0.00".."1.00"). Reviewers, the agreement report and exports read them
like any attribute.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from annotation.errors import HashiyaError
from annotation.schema import PROVENANCE_ATTRS, LabelSchema, SchemaError
from annotation.spans import Span

ORIGIN = "origin"
CONFIDENCE = "confidence"
assert {ORIGIN, CONFIDENCE} == PROVENANCE_ATTRS
HUMAN, ACCEPTED, SUGGESTED = "human", "accepted", "suggested"
ORIGINS = (HUMAN, SUGGESTED, ACCEPTED)
MARKED_KINDS = ("entity", "quote", "claim")


class ProvenanceMissing(HashiyaError):
    """The project's label schema has no origin/confidence attribute for a kind."""


def format_confidence(value: float) -> str:
    return f"{min(1.0, max(0.0, value)):.2f}"


def check_schema(schema: LabelSchema, kinds: Iterable[str] = MARKED_KINDS) -> None:
    """Refuse (one line) when suggestions of these kinds could not be stored as such."""
    for kind in kinds:
        for name in (ORIGIN, CONFIDENCE):
            try:
                schema.attribute(kind, name)
            except SchemaError:
                raise ProvenanceMissing(
                    f"the project's label schema has no {kind}.{name} attribute, so suggestions "
                    "could not be told from human work; add it (python main.py schema --load)"
                ) from None


def mark(spans: Iterable[Span], origin: str, confidence: float) -> list[Span]:
    """The spans with provenance on those of a marked kind (cues and mentions stay as they are)."""
    if origin not in ORIGINS:
        raise ValueError(f"unknown origin {origin!r}")
    out = []
    for span in spans:
        if span.kind in MARKED_KINDS:
            attrs = dict(span.attrs)
            attrs[ORIGIN] = origin
            attrs[CONFIDENCE] = format_confidence(confidence)
            span = replace(span, attrs=attrs)
        out.append(span)
    return out


def origin_of(span: Span) -> str:
    return span.attrs.get(ORIGIN, HUMAN) or HUMAN
