"""The rules of a valid span, link and attribute value, as pure functions.

Every writer goes through these: `storage.session.DocumentSession` (the window, the CLI,
tests), the native JSONL and CoNLL importers (`check_record` on a whole parsed record), and
schema changes (`check_schema_fields`, `schema_conflict`). Nothing here touches the disk or Qt:
what a rule needs to know about the stored project (the kinds of spans already in the
document, how many links leave a span) is passed in.

A broken rule raises `EditRefused` (a `HashiyaError`) whose message is one line.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotation.errors import HashiyaError
from annotation.schema import LabelSchema, SchemaError
from annotation.spans import BOUNDARY_POLICIES, Link, Span


class EditRefused(HashiyaError, ValueError):
    """An edit that would break the project's consistency; str() says why."""


# --- attribute values ---------------------------------------------------------------------
def attr_value_error(schema: LabelSchema, kind: str, name: str, value: Any) -> str | None:
    """Why value cannot be kind.name's value in this schema, or None when it can."""
    try:
        attr = schema.attribute(kind, name)
    except SchemaError as exc:
        return str(exc)
    if attr.accepts(value):
        return None
    allowed = ", ".join(attr.values or ()) or "a string"
    return f"{kind}.{name} cannot be {value!r} (allowed: {allowed})"


def check_attrs(schema: LabelSchema, kind: str, attrs: Mapping[str, Any]) -> None:
    for name, value in attrs.items():
        reason = attr_value_error(schema, kind, name, value)
        if reason is not None:
            raise EditRefused(reason)


# --- spans ----------------------------------------------------------------------------------
def check_span(span: Span, doc_id: str, text_length: int, schema: LabelSchema) -> None:
    """A span of document doc_id (text_length code points) that the schema allows."""
    if span.doc_id != doc_id:
        raise EditRefused(f"span {span.id} belongs to another document")
    if not (0 <= span.start < span.end):  # Span's own invariant, for objects built around it
        raise EditRefused(f"span {span.id}: bad range [{span.start}, {span.end})")
    if span.end > text_length:
        raise EditRefused(f"span {span.id} ends at {span.end}, past the text ({text_length})")
    if span.boundary not in BOUNDARY_POLICIES:
        raise EditRefused(f"span {span.id}: unknown boundary policy {span.boundary!r}")
    kind = schema.label_kinds.get(span.label)
    if kind is None:
        raise EditRefused(f"unknown label {span.label!r}")
    if kind != span.kind:
        raise EditRefused(f"label {span.label} is for {kind}, not {span.kind}")
    if span.attrs:  # most spans (entities) have none
        check_attrs(schema, span.kind, span.attrs)


# --- links ----------------------------------------------------------------------------------
def check_link(
    link: Link, doc_id: str, source_kind: str | None, target_kind: str | None, schema: LabelSchema
) -> None:
    """A link whose ends have these kinds (None: the span is not in the document)."""
    if link.doc_id != doc_id:
        raise EditRefused(f"link {link.id} belongs to another document")
    if source_kind is None or target_kind is None:
        raise EditRefused(f"link {link.id} points to a span that is not in the document")
    if link.source == link.target:
        raise EditRefused(f"link {link.id}: a span cannot link to itself")
    try:
        schema.check_link(link.type, source_kind, target_kind)
    except SchemaError as exc:
        raise EditRefused(str(exc)) from None


def check_link_counts(
    links: Iterable[Link],
    schema: LabelSchema,
    existing: Callable[[str, str], int] = lambda source, type_name: 0,
) -> None:
    """Each link type's max_per_source (a quote has one speaker) holds once links are added
    to the existing(source, type) links already stored."""
    counts: dict[tuple[str, str], int] = {}
    for link in links:
        key = (link.source, link.type)
        counts[key] = counts.get(key, 0) + 1
    for (source, type_name), n in counts.items():
        try:
            limit = schema.link_type(type_name).max_per_source
        except SchemaError as exc:
            raise EditRefused(str(exc)) from None
        if limit is not None and n + existing(source, type_name) > limit:
            raise EditRefused(f"a span can have at most {limit} {type_name} link(s)")


def _nothing_stored(span_id: str) -> str | None:
    """check_edit's stored_kind when nothing is stored yet (a new document)."""
    return None


# --- a whole edit or record -----------------------------------------------------------------
def check_edit(
    doc_id: str,
    text_length: int,
    schema: LabelSchema,
    spans: Sequence[Span] = (),
    links: Sequence[Link] = (),
    stored_kind: Callable[[str], str | None] = _nothing_stored,
    stored_links: Callable[[str, str], int] = lambda source, type_name: 0,
    spans_checked: bool = False,
) -> None:
    """Spans and links added together to one document: every span valid and new (ids unique,
    none already stored), every link between spans of the edit or already stored, of a type
    that joins those kinds, no link twice, and max_per_source kept.

    stored_kind(id) is the kind of a span already in the document (None when absent);
    stored_links(source, type) the number of such links already stored. For a record that
    is imported whole, leave both at their defaults. spans_checked: the caller made every
    span through each rule of check_span already (the native parser, which names the
    record's field in its refusals); ids and links are still checked here."""
    stored = stored_kind is not _nothing_stored  # else no need to ask per span
    pending: dict[str, str] = {}
    for span in spans:
        if not spans_checked:
            check_span(span, doc_id, text_length, schema)
        if span.id in pending or (stored and stored_kind(span.id) is not None):
            raise EditRefused(f"span {span.id} exists already")
        pending[span.id] = span.kind
    link_ids: set[str] = set()
    triples: set[tuple[str, str, str]] = set()
    for link in links:
        if link.id in link_ids:
            raise EditRefused(f"link id {link.id} is used twice")
        link_ids.add(link.id)
        triple = (link.type, link.source, link.target)
        if triple in triples:
            raise EditRefused(f"the same {link.type} link from {link.source} twice")
        triples.add(triple)
        check_link(
            link,
            doc_id,
            pending.get(link.source) or stored_kind(link.source),
            pending.get(link.target) or stored_kind(link.target),
            schema,
        )
    check_link_counts(links, schema, stored_links)


def check_record(
    doc_id: str,
    text: str,
    spans: Sequence[Span],
    links: Sequence[Link],
    schema: LabelSchema,
    spans_checked: bool = False,
) -> None:
    """A new document with its spans and links (one imported record), checked as a whole.
    Every span also has to cover text the text holds; raises EditRefused. spans_checked: as
    for check_edit."""
    check_edit(doc_id, len(text), schema, spans, links, spans_checked=spans_checked)


# --- label schemas ----------------------------------------------------------------------------
def check_schema_fields(schema: LabelSchema) -> None:
    """What LabelSchema's constructor leaves unchecked: titles, values and defaults are
    strings, no value listed twice, a link type's max_per_source is a positive integer or
    null. Raises SchemaError."""

    def text(value: Any) -> bool:
        return isinstance(value, str)

    for k in schema.kinds:
        if not text(k.title):
            raise SchemaError(f"kind {k.name}: title must be a string")
    for lab in schema.labels:
        if not text(lab.title):
            raise SchemaError(f"label {lab.name}: title must be a string")
    for a in schema.attributes:
        if not (text(a.default) and text(a.title) and all(map(text, a.values or ()))):
            raise SchemaError(
                f"attribute {a.kind}.{a.name}: values, default and title must be strings"
            )
        if a.values is not None and len(set(a.values)) != len(a.values):
            raise SchemaError(f"attribute {a.kind}.{a.name}: a value is listed twice")
    for lt in schema.link_types:
        m = lt.max_per_source
        if m is not None and (not isinstance(m, int) or isinstance(m, bool) or m < 1):
            raise SchemaError(
                f"link type {lt.name}: max_per_source must be a positive integer or null"
            )
        if not text(lt.title):
            raise SchemaError(f"link type {lt.name}: title must be a string")


@dataclass
class SchemaUsage:
    """What a project's annotations use, grouped (storage.project.Project.schema_usage)."""

    kinds: set[str] = field(default_factory=set)  # kinds of the current schema
    labels: list[tuple[str, str, int]] = field(default_factory=list)  # (label, kind, count)
    attrs: list[tuple[str, str, int]] = field(default_factory=list)  # (kind, attrs JSON, count)
    links: list[tuple[str, str, str, int]] = field(default_factory=list)  # (type, src, tgt, n)
    # max_per_source: type -> (a source, its number of links) of the source with most links
    most_links: dict[str, tuple[str, int]] = field(default_factory=dict)


def schema_conflict(new: LabelSchema, usage: SchemaUsage) -> str | None:
    """Why annotations with this usage would not fit the new schema, or None."""
    kinds = {k.name for k in new.kinds}
    for name in sorted(usage.kinds):
        if name not in kinds:
            return f"kind {name} is missing (kinds cannot be removed)"
    for label, kind, count in usage.labels:
        if not new.has_label(label):
            return f"label {label} is used by {count} annotations; relabel them first"
        if new.label(label).kind != kind:
            return (
                f"label {label} is used by {count} {kind} annotations but is for "
                f"{new.label(label).kind} in the new schema"
            )
    for kind, attrs, count in usage.attrs:
        for name, value in json.loads(attrs).items():
            try:
                attr = new.attribute(kind, name)
            except SchemaError:
                return f"attribute {kind}.{name} is used by annotations but missing from the new schema"
            if not attr.accepts(value):
                return f"{kind}.{name} = {value!r} is used by {count} annotations but not allowed by the new schema"
    for type_name, source_kind, target_kind, count in usage.links:
        try:
            new.check_link(type_name, source_kind, target_kind)
        except SchemaError:
            if not any(lt.name == type_name for lt in new.link_types):
                return f"link type {type_name} is used by {count} links; remove them first"
            return (
                f"{count} {type_name} links join a {source_kind} to a {target_kind}, "
                "which the new schema does not allow"
            )
    for lt in new.link_types:
        worst = usage.most_links.get(lt.name)
        if lt.max_per_source is not None and worst is not None and worst[1] > lt.max_per_source:
            return (
                f"annotation {worst[0]} has {worst[1]} {lt.name} links, more than the new "
                f"max_per_source {lt.max_per_source}"
            )
    return None
