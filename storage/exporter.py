"""Native JSONL export: one JSON object per document per line (resources/export.schema.json).

Record shape (keys in this order; "attrs" and "links" only when not empty):
  {"id", "text", "meta": {"source", "sha256", "status"},
   "entities": [{"id", "start", "end", "label", "text", "boundary", "attrs"}],
   "quotes": [{"id", "start", "end", "text", "type", "speaker", "cue", "attrs"}],
   "claims": [{"id", "start", "end", "text", "claimant", "quote", "checkworthy", "type", "note", "attrs"}],
   "links": [{"type", "source", "target"}]}

Decisions (the importer reads all of it back; see storage/importer.py):
- Documents in project order, spans by (start, -end, id). Lists not selected with `kinds` are
  left out of the record (absent means "not exported", [] means "none").
- A speaker or claimant that is an entity is written {"entity": id} only when entities are
  exported; otherwise it is written like a mention, {"start", "end", "text"}, so that a record
  never refers to an id it does not contain. Likewise a claim's "quote" is null when quotes
  are not exported.
- A claim whose claimant_article attribute is "yes" and that has no claimant link is written
  {"article": true}; a claimant link wins over the attribute.
- Mention and cue spans are written only inside the quote/claim that links to them.
- Attributes the project's schema adds (anything but the fixed fields above) are written as
  "attrs": {name: value} on the entity, quote or claim, only those stored (an absent one has
  its schema default); links of any other type than speaker/cue/claimant/in_quote go to the
  record's "links": [{"type", "source", "target"}] when both ends are spans of the record,
  sorted by (type, source, target). Both keys are left out when empty, so records of a project
  on the default schema do not change.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from annotation.documents import STATUSES
from annotation.layers import DEFAULT_LAYER, Layer
from annotation.spans import Link, Span
from storage.atomic import atomic_writer
from storage.layer_select import ALL, DEFAULT_CHOICE_SQL, default_choice, layer_for
from storage.project import Project

KINDS = ("entities", "quotes", "claims")
# Link types and attributes written as fields of their own (never in "links" / "attrs").
FIXED_LINK_TYPES = frozenset({"speaker", "cue", "claimant", "in_quote"})
FIXED_ATTRS: dict[str, frozenset[str]] = {
    "entity": frozenset(),
    "quote": frozenset({"type"}),
    "claim": frozenset({"checkworthy", "type", "note", "claimant_article"}),
}


@dataclass(frozen=True, slots=True)
class ExportReport:
    documents: int
    spans: int  # entities + quotes + claims written
    # documents left out by the default layer: several annotators, not curated
    undecided: tuple[str, ...] = ()


def parse_kinds(value: str) -> tuple[str, ...]:
    """'entities,quotes' -> ('entities', 'quotes'); raises ValueError naming a bad kind."""
    names = [v.strip() for v in value.split(",") if v.strip()]
    if not names:
        raise ValueError(f"no kinds given (choose from {', '.join(KINDS)})")
    for name in names:
        if name not in KINDS:
            raise ValueError(f"unknown kind {name!r} (choose from {', '.join(KINDS)})")
    return tuple(k for k in KINDS if k in names)


def _piece(span: Span, text: str) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": text[span.start : span.end]}


def _with_attrs(item: dict[str, Any], span: Span) -> dict[str, Any]:
    """item plus "attrs" for the span's attributes that are not fixed fields (if any)."""
    fixed = FIXED_ATTRS[span.kind]
    extra = {k: v for k, v in span.attrs.items() if k not in fixed}
    if extra:
        item["attrs"] = dict(sorted(extra.items()))
    return item


def _reference(target: Span | None, text: str, entities_out: bool) -> dict[str, Any] | None:
    if target is None:
        return None
    if target.kind == "entity" and entities_out:
        return {"entity": target.id}
    return _piece(target, text)


def build_record(
    doc_id: str,
    text: str,
    source: str,
    sha256: str,
    status: str,
    spans: Iterable[Span],
    links: Iterable[Link],
    kinds: Iterable[str] = KINDS,
    with_annotator: bool = False,
) -> dict[str, Any]:
    """One export record from a document's spans and links (no database access).
    with_annotator: every entity, quote and claim carries "annotator" (export --layer all)."""
    kinds = set(kinds)
    links = list(links)
    spans = sorted(spans, key=lambda s: (s.start, -s.end, s.id))
    by_id = {s.id: s for s in spans}
    # link type -> source id -> target span (each of these link types has one per source)
    targets: dict[str, dict[str, Span]] = {"speaker": {}, "cue": {}, "claimant": {}, "in_quote": {}}
    for link in sorted(links, key=lambda lk: lk.id):
        table = targets.get(link.type)
        target = by_id.get(link.target)
        if table is not None and target is not None and link.source not in table:
            table[link.source] = target
    record: dict[str, Any] = {
        "id": doc_id,
        "text": text,
        "meta": {"source": source, "sha256": sha256, "status": status},
    }
    entities_out = "entities" in kinds
    quotes_out = "quotes" in kinds
    if entities_out:
        record["entities"] = [
            _with_attrs(
                {
                    "id": s.id,
                    "start": s.start,
                    "end": s.end,
                    "label": s.label,
                    "text": text[s.start : s.end],
                    "boundary": s.boundary,
                },
                s,
            )
            for s in spans
            if s.kind == "entity"
        ]
    if quotes_out:
        record["quotes"] = [
            _with_attrs(
                {
                    "id": s.id,
                    "start": s.start,
                    "end": s.end,
                    "text": text[s.start : s.end],
                    "type": s.attrs.get("type", "direct"),
                    "speaker": _reference(
                        _kind(targets["speaker"].get(s.id), ("entity", "mention")),
                        text,
                        entities_out,
                    ),
                    "cue": _reference(
                        _kind(targets["cue"].get(s.id), ("cue",)), text, entities_out
                    ),
                },
                s,
            )
            for s in spans
            if s.kind == "quote"
        ]
    if "claims" in kinds:
        claims = []
        for s in spans:
            if s.kind != "claim":
                continue
            claimant = _reference(
                _kind(targets["claimant"].get(s.id), ("entity", "mention")), text, entities_out
            )
            if claimant is None and s.attrs.get("claimant_article") == "yes":
                claimant = {"article": True}
            quote = _kind(targets["in_quote"].get(s.id), ("quote",))
            claims.append(
                _with_attrs(
                    {
                        "id": s.id,
                        "start": s.start,
                        "end": s.end,
                        "text": text[s.start : s.end],
                        "claimant": claimant,
                        "quote": quote.id if quote is not None and quotes_out else None,
                        "checkworthy": s.attrs.get("checkworthy", "unsure"),
                        "type": s.attrs.get("type", "other"),
                        "note": s.attrs.get("note", ""),
                    },
                    s,
                )
            )
        record["claims"] = claims
    exported = {
        s.id
        for s in spans
        if (s.kind == "entity" and entities_out)
        or (s.kind == "quote" and quotes_out)
        or (s.kind == "claim" and "claims" in kinds)
    }
    other_links = sorted(
        {
            (link.type, link.source, link.target)
            for link in links
            if link.type not in FIXED_LINK_TYPES
            and link.source in exported
            and link.target in exported
        }
    )
    if other_links:
        record["links"] = [{"type": t, "source": a, "target": b} for t, a, b in other_links]
    if with_annotator:
        for key in KINDS:
            for item in record.get(key, ()):
                item["annotator"] = by_id[item["id"]].annotator
    return record


def _kind(span: Span | None, kinds: tuple[str, ...]) -> Span | None:
    return span if span is not None and span.kind in kinds else None


def _spans_of(
    project: Project,
    doc_id: str,
    attrs_cache: dict[str, dict[str, Any]],
    annotator: str | None = None,
) -> list[Span]:
    """Like Project.spans, parsing each distinct attrs string once (most entities share
    '{}'): export reads every span of the project, so this is the hot loop. Same order as
    Project.spans: (start, -end, id). With annotator, only that layer's spans."""
    sql = (
        'SELECT a.id, a.kind, a.label, a.start, a."end", a.attrs, a.boundary, '
        "COALESCE(n.name, '') FROM annotations a "
        "LEFT JOIN annotators n ON n.id = a.annotator_id WHERE a.doc_id = ?"
    )
    params: list[Any] = [doc_id]
    if annotator is not None:
        sql += " AND n.name = ?"
        params.append(annotator)
    rows = project.db.execute(sql + ' ORDER BY a.start, a."end" DESC, a.id', params).fetchall()
    out = []
    for sid, kind, label, start, end, attrs, boundary, who in rows:
        parsed = attrs_cache.get(attrs)
        if parsed is None:
            parsed = json.loads(attrs)
            if len(attrs_cache) < 10_000:  # claims' free-text notes are mostly distinct
                attrs_cache[attrs] = parsed
        out.append(Span(sid, doc_id, kind, label, start, end, parsed, boundary, who))
    return out


def layer_spans(
    project: Project,
    doc_id: str,
    layer: Layer,
    attrs_cache: dict[str, dict[str, Any]] | None = None,
) -> tuple[list[Span], list[Link]] | None:
    """The spans and links of the document in the chosen layer, or None when the default
    layer cannot choose (several annotators, not curated). Every exporter reads through it."""
    return _layer_of(project, doc_id, layer_for(project, doc_id, layer), attrs_cache)


def _layer_of(
    project: Project,
    doc_id: str,
    chosen: str | object | None,
    attrs_cache: dict[str, dict[str, Any]] | None,
) -> tuple[list[Span], list[Link]] | None:
    if chosen is None:
        return None
    annotator = None if chosen is ALL else str(chosen)
    spans = _spans_of(project, doc_id, {} if attrs_cache is None else attrs_cache, annotator)
    ids = {s.id for s in spans}
    links = [lk for lk in project.links(doc_id) if lk.source in ids and lk.target in ids]
    return spans, links


def export_records(
    project: Project,
    status: str | None = None,
    kinds: Iterable[str] = KINDS,
    layer: Layer = DEFAULT_LAYER,
    undecided: list[str] | None = None,
) -> Iterator[dict[str, Any]]:
    """Records in project order; a few queries per document, none per span. Documents the
    default layer cannot choose for are left out and their ids appended to undecided."""
    if status is not None and status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")
    kinds = tuple(kinds)
    for kind in kinds:
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}")
    # The default layer's choice for every document comes with the document list (one query
    # for the export, not one per document).
    sql = (
        f"SELECT d.id, {DEFAULT_CHOICE_SQL} FROM documents d"
        if layer == DEFAULT_LAYER
        else "SELECT d.id, NULL, NULL FROM documents d"
    )
    params: list[Any] = []
    if status is not None:
        sql += " WHERE d.status = ?"
        params.append(status)
    rows = project.db.execute(sql + " ORDER BY d.position", params).fetchall()
    attrs_cache: dict[str, dict[str, Any]] = {}  # read only: the dicts are shared
    for doc_id, names, gold_status in rows:
        if layer == DEFAULT_LAYER:
            chosen = _layer_of(project, doc_id, default_choice(names, gold_status), attrs_cache)
        else:
            chosen = layer_spans(project, doc_id, layer, attrs_cache)
        if chosen is None:
            if undecided is not None:
                undecided.append(doc_id)
            continue
        doc = project.document(doc_id)
        yield build_record(
            doc.id,
            doc.text,
            doc.source,
            doc.sha256,
            doc.status,
            chosen[0],
            chosen[1],
            kinds,
            with_annotator=layer.mode == "all",
        )


def record_span_count(record: dict[str, Any]) -> int:
    return sum(len(record.get(k, ())) for k in KINDS)


def write_jsonl_atomic(
    records: Iterable[dict[str, Any]], out_path: str | os.PathLike[str]
) -> ExportReport:
    """Write to a temporary file beside out_path, fsync, then rename over it: a failure at any
    point leaves the previous file as it was. Raises OSError when the folder is not writable."""
    documents = spans = 0
    with atomic_writer(out_path) as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False, separators=(", ", ": ")))
            fh.write("\n")
            documents += 1
            spans += record_span_count(record)
    return ExportReport(documents, spans)


def export_jsonl(
    project: Project,
    out_path: str | os.PathLike[str],
    status: str | None = None,
    kinds: Iterable[str] = KINDS,
    layer: Layer = DEFAULT_LAYER,
) -> ExportReport:
    undecided: list[str] = []
    report = write_jsonl_atomic(
        export_records(project, status=status, kinds=kinds, layer=layer, undecided=undecided),
        out_path,
    )
    return ExportReport(report.documents, report.spans, tuple(undecided))
