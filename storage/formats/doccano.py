"""doccano JSONL, both directions.

Two layouts, one JSON object per line:
- sequence labeling: {"text", "label": [[start, end, label], ...], ...} (older exports write
  "labels"); read and written with --layout labels.
- relations (written by default, it holds links): {"text", "entities": [{"id", "label",
  "start_offset", "end_offset"}], "relations": [{"id", "from_id", "to_id", "type"}], ...}.
Every other top-level key is document metadata: doccano keeps unknown keys of an imported line
and spreads them back at the top level of its export. Hashiya writes "source" and "status"
there, and "span_attrs": [[start, end, label, {"attrs": {...}, "boundary": B}]] for what
doccano has no place for (quote type, claim fields, schema attributes, a boundary other than
"token"), keyed by offsets and label so that it survives doccano renumbering its ids.

Spans of every kind are doccano spans labelled with the project's labels (QUOTE, CLAIM, CUE,
MENTION besides the entity labels); speaker, cue, claimant, in_quote and the schema's other
links are relations. The sequence layout has no relations: quotes and claims lose their links.

Offsets: doccano's annotation interface counts UTF-16 units (JavaScript string indices), so
that is the default both ways; --offsets codepoints for files made by scripts, --offsets
graphemes for projects with doccano's grapheme option. A CR of a CRLF text is counted.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from storage.formats.common import (
    Context,
    Edge,
    ExportSummary,
    FormatError,
    Graph,
    Incoming,
    Node,
    SpanReader,
    SpanWriter,
    dedupe,
    export_jsonl_tasks,
    fresh_id,
    graph_to_record,
    new_graph,
    read_json_tasks,
)

NAME = "doccano"
DEFAULT_OFFSETS = "utf16"
LAYOUTS = ("relations", "labels")
SUFFIX = ".jsonl"
META_KEYS = ("source", "status")


def to_doccano(graph: Graph, ctx: Context) -> dict[str, Any]:
    layout = ctx.layout or "relations"
    if layout not in LAYOUTS:
        raise ValueError(f"doccano layout must be one of {', '.join(LAYOUTS)}")
    writer = SpanWriter(graph.text, ctx.offsets)
    line: dict[str, Any] = {"text": graph.text}
    numbers: dict[str, int] = {}
    spans = []
    extra = []
    for n in graph.nodes:
        s, e = writer.span(n.start, n.end)
        numbers[n.id] = len(numbers) + 1
        spans.append((numbers[n.id], s, e, n.label))
        info: dict[str, Any] = {}
        if n.attrs:
            info["attrs"] = dict(n.attrs)
        if n.boundary != "token":
            info["boundary"] = n.boundary
        if info:
            extra.append([s, e, n.label, info])
    if layout == "labels":
        line["label"] = [[s, e, label] for _, s, e, label in spans]
        if graph.edges:
            ctx.losses["links left out (the labels layout has no relations)"] += len(graph.edges)
    else:
        line["entities"] = [
            {"id": i, "label": label, "start_offset": s, "end_offset": e}
            for i, s, e, label in spans
        ]
        line["relations"] = [
            {"id": k, "from_id": numbers[ed.source], "to_id": numbers[ed.target], "type": ed.type}
            for k, ed in enumerate(graph.edges, 1)
        ]
    line["source"] = graph.source
    line["status"] = graph.status
    if extra:
        line["span_attrs"] = extra
    if writer.widened:
        ctx.losses["spans widened to whole grapheme clusters"] += writer.widened
    return line


def export(records: Iterable[dict[str, Any]], out: Path, ctx: Context) -> ExportSummary:
    return export_jsonl_tasks(records, out, ctx, to_doccano)


def _triples(value: Any) -> list[tuple[Any, Any, Any]]:
    if not isinstance(value, list):
        raise FormatError("'label' must be a list of [start, end, label]")
    out = []
    for item in value:
        if not (isinstance(item, list) and len(item) == 3):
            raise FormatError(f"label item {item!r} is not [start, end, label]")
        out.append((item[0], item[1], item[2]))
    return out


def from_doccano(data: Any, ctx: Context, source_default: str) -> dict[str, Any]:
    """A doccano line (decoded JSON) as a native record; FormatError says why not."""
    if not isinstance(data, dict):
        raise FormatError("a doccano line must be a JSON object")
    text = data.get("text", data.get("data"))
    if not isinstance(text, str):
        raise FormatError("missing 'text'")
    reader = SpanReader(text, ctx.offsets)
    meta: dict[str, Any] = {}
    if isinstance(data.get("meta"), dict):
        meta.update(data["meta"])
    skip = {"text", "data", "label", "labels", "entities", "relations", "span_attrs", "meta"}
    for key, value in data.items():
        if key not in skip:
            meta[key] = value
    source = meta.get("source", source_default)
    status = meta.get("status", "new")
    graph = new_graph(reader.text, source if isinstance(source, str) else source_default)
    graph.status = status if isinstance(status, str) else "new"
    unkept = sorted(k for k in meta if k not in META_KEYS)
    if unkept:
        ctx.losses[
            "top-level keys kept only in the record's meta, not stored: " + ", ".join(unkept)
        ] += 1
    info: dict[tuple[int, int, str], dict[str, Any]] = {}
    for item in data.get("span_attrs") or []:
        if isinstance(item, list) and len(item) == 4 and isinstance(item[3], dict):
            info[(item[0], item[1], item[2])] = item[3]

    def add(start: Any, end: Any, label: Any) -> Node:
        if not isinstance(label, str):
            raise FormatError(f"label {label!r} is not a string")
        kind = ctx.kind_of(label)
        s, e = reader.span(start, end)
        extra = info.get((start, end, label), {})
        node = Node(
            fresh_id(),
            kind,
            label,
            s,
            e,
            {str(k): v for k, v in (extra.get("attrs") or {}).items()},
            extra.get("boundary", "token"),
        )
        graph.nodes.append(node)
        return node

    if "entities" in data:
        ids: dict[Any, str] = {}
        entities = data["entities"]
        if not isinstance(entities, list):
            raise FormatError("'entities' must be a list")
        for i, ent in enumerate(entities):
            if not isinstance(ent, dict):
                raise FormatError(f"entities[{i}] must be an object")
            for key in ("start_offset", "end_offset", "label"):
                if key not in ent:
                    raise FormatError(f"entities[{i}]: missing '{key}'")
            try:
                node = add(ent["start_offset"], ent["end_offset"], ent["label"])
            except FormatError as exc:
                raise FormatError(f"entities[{i}]: {exc}") from None
            ids[ent.get("id", i)] = node.id
        relations = data.get("relations", [])
        if not isinstance(relations, list):
            raise FormatError("'relations' must be a list")
        for i, rel in enumerate(relations):
            if not isinstance(rel, dict) or not {"from_id", "to_id", "type"} <= rel.keys():
                raise FormatError(f"relations[{i}] needs from_id, to_id and type")
            for end in ("from_id", "to_id"):
                if rel[end] not in ids:
                    raise FormatError(f"relations[{i}]: {end} {rel[end]!r} is not an entity id")
            graph.edges.append(Edge(str(rel["type"]), ids[rel["from_id"]], ids[rel["to_id"]]))
    else:
        key = "label" if "label" in data else "labels"
        for i, (start, end, label) in enumerate(_triples(data.get(key, []))):
            try:
                add(start, end, label)
            except FormatError as exc:
                raise FormatError(f"{key}[{i}]: {exc}") from None
    dedupe(graph, ctx.losses)
    record = graph_to_record(graph, ctx.losses)
    record["meta"].update({k: v for k, v in meta.items() if k not in META_KEYS})
    return record


def read(paths: Iterable[Path], ctx: Context) -> Iterator[Incoming]:
    return read_json_tasks(
        paths, (".jsonl", ".json"), lambda data, where: from_doccano(data, ctx, where)
    )
