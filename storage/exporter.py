"""Native JSONL export: reads the project and writes the records that
storage/formats/native.py encodes (one JSON object per document per line), streaming, one
document at a time, into a file replaced atomically.

Documents in project order (a status filter, the kinds to write and the annotator layer are
options; see docs/adr/0003-annotator-layers.md). `export_conll` writes the same records as
CoNLL or tokens-jsonl (storage/formats/conll.py).
"""

from __future__ import annotations

import json
import os
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from annotation.clitics import exceptions_for
from annotation.documents import STATUSES
from annotation.layers import DEFAULT_LAYER, Layer
from annotation.spans import Link, Span
from storage.atomic import atomic_writer
from storage.formats import conll
from storage.formats.native import KINDS, dumps_record, encode_record, record_span_count
from storage.layer_select import ALL, DEFAULT_CHOICE_SQL, default_choice, layer_for
from storage.project import Project


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


def _annotator_names(project: Project) -> dict[int | None, str]:
    """annotators.id -> name (a small table: read once per export instead of a join per span)."""
    return dict(project.db.execute("SELECT id, name FROM annotators").fetchall())


def _spans_of(
    project: Project,
    doc_id: str,
    attrs_cache: dict[str, dict[str, Any]],
    annotator: str | None = None,
    names: dict[int | None, str] | None = None,
) -> list[Span]:
    """Like Project.spans, parsing each distinct attrs string once (most entities share
    '{}'): export reads every span of the project, so this is the hot loop. Same order as
    Project.spans: (start, -end, id). With annotator, only that layer's spans. names: the
    annotators' names by id, when the caller has read them (else they are read here)."""
    if names is None:
        names = _annotator_names(project)
    sql = (
        'SELECT id, kind, label, start, "end", attrs, boundary, annotator_id '
        "FROM annotations WHERE doc_id = ?"
    )
    params: list[Any] = [doc_id]
    if annotator is not None:
        ids = [i for i, name in names.items() if name == annotator]
        if not ids:
            return []
        sql += " AND annotator_id = ?"
        params.append(ids[0])
    rows = project.db.execute(sql + ' ORDER BY start, "end" DESC, id', params).fetchall()
    out = []
    for sid, kind, label, start, end, attrs, boundary, who in rows:
        parsed = attrs_cache.get(attrs)
        if parsed is None:
            parsed = json.loads(attrs)
            if len(attrs_cache) < 10_000:  # claims' free-text notes are mostly distinct
                attrs_cache[attrs] = parsed
        out.append(Span(sid, doc_id, kind, label, start, end, parsed, boundary, names.get(who, "")))
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
    names: dict[int | None, str] | None = None,
) -> tuple[list[Span], list[Link]] | None:
    if chosen is None:
        return None
    annotator = None if chosen is ALL else str(chosen)
    cache = {} if attrs_cache is None else attrs_cache
    spans = _spans_of(project, doc_id, cache, annotator, names)
    ids = {s.id for s in spans}
    links = [lk for lk in project.links(doc_id) if lk.source in ids and lk.target in ids]
    return spans, links


def _selected_rows(
    project: Project,
    status: str | Iterable[str] | None,
    layer: Layer,
    only: Collection[str] | None = None,
    texts: bool = True,
) -> Iterator[tuple[str, str | None, str, str, str, str | object | None]]:
    """(id, text, source, sha256, status, layer choice) of every document an export reads (of
    the ids in `only`, when given), in project order; the choice is None for a document the
    default layer leaves out; text None unless `texts`. One query, executed here (its read
    transaction begun) and streamed: the texts are never all in memory; the default layer's
    choice comes with each row, not a query per document."""
    statuses = [status] if isinstance(status, str) else None if status is None else list(status)
    for value in statuses or ():
        if value not in STATUSES:
            raise ValueError(f"unknown status {value!r}")
    columns = f"d.id, {'d.text' if texts else 'NULL'}, d.source, d.sha256, d.status"
    sql = (
        f"SELECT {columns}, {DEFAULT_CHOICE_SQL} FROM documents d"
        if layer == DEFAULT_LAYER
        else f"SELECT {columns}, NULL, NULL FROM documents d"
    )
    where: list[str] = []
    params: list[Any] = []
    if statuses is not None:
        where.append(f"d.status IN ({','.join('?' * len(statuses))})")
        params.extend(statuses)
    if only is not None:
        # One parameter, however many ids (a split of 100,000 documents). "+d.id": read in
        # position order and test each id, rather than look the ids up and sort the rows,
        # texts and all, in a temporary B-tree.
        where.append("+d.id IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(list(only)))
    if where:
        sql += " WHERE " + " AND ".join(where)
    rows = project.db.execute(sql + " ORDER BY d.position", params)

    def chosen() -> Iterator[tuple[str, str | None, str, str, str, str | object | None]]:
        for doc_id, text, source, sha256, doc_status, layer_names, gold_status in rows:
            choice: str | object | None
            if layer == DEFAULT_LAYER:
                choice = default_choice(layer_names, gold_status)
            else:
                choice = layer_for(project, doc_id, layer)
            yield doc_id, text, source, sha256, doc_status, choice

    return chosen()


def exported_documents(
    project: Project,
    status: str | Iterable[str] | None = None,
    layer: Layer = DEFAULT_LAYER,
    undecided: list[str] | None = None,
) -> Iterator[tuple[str, str]]:
    """(id, source) of the documents export_records writes with the same options, in the
    same order, without reading their spans: what a dataset split is cut from."""
    for doc_id, _, source, _, _, choice in _selected_rows(project, status, layer, texts=False):
        if choice is None:
            if undecided is not None:
                undecided.append(doc_id)
            continue
        yield doc_id, source


def export_records(
    project: Project,
    status: str | Iterable[str] | None = None,
    kinds: Iterable[str] = KINDS,
    layer: Layer = DEFAULT_LAYER,
    undecided: list[str] | None = None,
    only: Collection[str] | None = None,
) -> Iterator[dict[str, Any]]:
    """Records in project order (of the documents with one of the statuses, if given); a few
    queries per document, none per span. Documents the default layer cannot choose for are
    left out and their ids appended to undecided. only: the ids of the documents to write
    (one split of a dataset), the others not read."""
    kinds = tuple(kinds)
    for kind in kinds:
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}")
    attrs_cache: dict[str, dict[str, Any]] = {}  # read only: the dicts are shared
    rows = _selected_rows(project, status, layer, only)
    # read while `rows` holds the read transaction: the snapshot every query here sees
    names = _annotator_names(project)
    for doc_id, text, source, sha256, doc_status, choice in rows:
        assert text is not None
        chosen = _layer_of(project, doc_id, choice, attrs_cache, names)
        if chosen is None:
            if undecided is not None:
                undecided.append(doc_id)
            continue
        yield encode_record(
            doc_id,
            text,
            source,
            sha256,
            doc_status,
            chosen[0],
            chosen[1],
            kinds,
            with_annotator=layer.mode == "all",
        )


def write_jsonl_atomic(
    records: Iterable[dict[str, Any]], out_path: str | os.PathLike[str]
) -> ExportReport:
    """Write to a temporary file beside out_path, fsync, then rename over it: a failure at any
    point leaves the previous file as it was. Raises OSError when the folder is not writable."""
    documents = spans = 0
    with atomic_writer(out_path) as fh:
        for record in records:
            fh.write(dumps_record(record))
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


def export_conll(
    project: Project,
    out_path: str | os.PathLike[str],
    fmt: str = "conll",
    clitics: str = "keep",
    status: str | Iterable[str] | None = None,
    *,
    sentences: str = "punct",
    paragraph_marker: bool = True,
    document_marker: bool = True,
    layer: Layer = DEFAULT_LAYER,
) -> conll.ConllExportResult:
    """The entities of the project (or of the documents with a status) in the chosen layer
    as CoNLL or tokens-jsonl (storage/formats/conll.py), streaming, written atomically."""
    if fmt not in conll.FORMATS:
        raise ValueError(f"format must be one of {', '.join(conll.FORMATS)}, not {fmt!r}")
    exceptions = exceptions_for(project.setting("clitic_exceptions", ""))
    undecided: list[str] = []
    records = export_records(
        project, status=status, kinds=("entities",), layer=layer, undecided=undecided
    )
    with atomic_writer(out_path) as fh:
        result = conll.write_records(
            records,
            fh,
            fmt,
            clitics,
            exceptions,
            sentences=sentences,
            paragraph_marker=paragraph_marker,
            document_marker=document_marker,
        )
    result.undecided = undecided
    return result
