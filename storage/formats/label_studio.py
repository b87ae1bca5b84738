"""Label Studio JSON task export, both directions.

A file is a JSON array of tasks: {"id", "data": {"text", "source", "status"}, "annotations":
[{"result": [...]}]} (or "predictions": [{"model_version", "result"}] with --as-predictions,
so that a Label Studio project imports Hashiya's spans as pre-annotations). Result items:
- a span: {"id", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start",
  "end", "text", "labels": [LABEL]}} for every kind (entity labels, QUOTE, CLAIM, CUE, MENTION);
- a link: {"type": "relation", "from_id", "to_id", "direction": "right", "labels": [TYPE]};
- an attribute of a span: a per-region item with the span's id, "choices" for attributes with
  listed values and "textarea" for free text; from_name is "<kind>_<attribute>" (quote_type,
  claim_checkworthy, claim_note, entity_boundary for a boundary other than "token").
`label_config(schema)` is the matching labeling config (<View> with Labels, Text, Relations,
Choices/TextArea perRegion); export writes it beside the JSON as <name>.label_config.xml.

Import reads the first annotation of a task that was not cancelled (or the first prediction
when it has none); further annotations of the task are counted as a loss (Hashiya keeps one
layer per document). A region with several labels becomes one span per label. The span text
in "value" is checked against the document. Offsets: Label Studio counts code points (its
exports since 1.0 convert the browser's UTF-16 positions); --offsets utf16 for older files.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

from annotation.schema import LabelSchema
from storage.atomic import atomic_writer, write_text_atomic
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
    graph_to_record,
    new_graph,
    read_json_tasks,
    record_to_graph,
    top_level,
)

NAME = "label-studio"
DEFAULT_OFFSETS = "codepoints"
SUFFIX = ".json"
FROM_NAME = "label"
TO_NAME = "text"
CONFIG_SUFFIX = ".label_config.xml"


def _attr_items(node: Node, s: int, e: int, text: str, schema: LabelSchema) -> list[dict]:
    items = []
    attrs = dict(node.attrs)
    if node.boundary != "token":
        attrs["boundary"] = node.boundary
    for name, value in sorted(attrs.items()):
        free = name != "boundary" and _is_free_text(schema, node.kind, name)
        base = {"start": s, "end": e}
        items.append(
            {
                "id": node.id,
                "from_name": f"{node.kind}_{name}",
                "to_name": TO_NAME,
                "type": "textarea" if free else "choices",
                "value": {**base, "text": [value]}
                if free
                else {**base, "text": text, "choices": [value]},
                "origin": "manual",
            }
        )
    return items


def _is_free_text(schema: LabelSchema, kind: str, name: str) -> bool:
    try:
        return schema.attribute(kind, name).values is None
    except Exception:  # an attribute the schema does not know: written as free text
        return True


def to_task(graph: Graph, ctx: Context, task_id: int) -> dict[str, Any]:
    writer = SpanWriter(graph.text, ctx.offsets)
    result: list[dict[str, Any]] = []
    for n in graph.nodes:
        s, e = writer.span(n.start, n.end)
        text = graph.text[n.start : n.end]
        result.append(
            {
                "id": n.id,
                "from_name": FROM_NAME,
                "to_name": TO_NAME,
                "type": "labels",
                "value": {"start": s, "end": e, "text": text, "labels": [n.label]},
                "origin": "manual",
            }
        )
        result.extend(_attr_items(n, s, e, text, ctx.schema))
    for edge in graph.edges:
        result.append(
            {
                "from_id": edge.source,
                "to_id": edge.target,
                "type": "relation",
                "direction": "right",
                "labels": [edge.type],
            }
        )
    if writer.widened:
        ctx.losses["spans widened to whole grapheme clusters"] += writer.widened
    task: dict[str, Any] = {
        "id": task_id,
        "data": {"text": graph.text, "source": graph.source, "status": graph.status},
    }
    if ctx.as_predictions:
        task["predictions"] = [{"model_version": "hashiya", "result": result}]
    else:
        task["annotations"] = [{"result": result, "was_cancelled": False, "ground_truth": False}]
    return task


def label_config(schema: LabelSchema) -> str:
    """A Label Studio labeling config for the project's schema."""
    lines = ["<View>", f'  <Labels name="{FROM_NAME}" toName="{TO_NAME}">']
    for lab in schema.labels:
        lines.append(f"    <Label value={quoteattr(lab.name)}/>")
    lines += ["  </Labels>", f'  <Text name="{TO_NAME}" value="$text"/>', "  <Relations>"]
    for lt in schema.link_types:
        lines.append(f"    <Relation value={quoteattr(lt.name)}/>")
    lines.append("  </Relations>")
    lines.append(
        f'  <Choices name="entity_boundary" toName="{TO_NAME}" perRegion="true">'
        '<Choice value="token"/><Choice value="strip_clitics"/><Choice value="exact"/></Choices>'
    )
    for a in schema.attributes:
        name = quoteattr(f"{a.kind}_{a.name}")
        if a.values is None:
            lines.append(f'  <TextArea name={name} toName="{TO_NAME}" perRegion="true"/>')
        else:
            choices = "".join(f"<Choice value={quoteattr(v)}/>" for v in a.values)
            lines.append(
                f'  <Choices name={name} toName="{TO_NAME}" perRegion="true">{choices}</Choices>'
            )
    lines.append("</View>")
    return "\n".join(lines) + "\n"


def export(records: Iterable[dict[str, Any]], out: Path, ctx: Context) -> ExportSummary:
    summary = ExportSummary(files=2)
    # Written task by task (a project's tasks held at once took 326 MB for 1,000 articles),
    # byte for byte what json.dumps of the whole list with indent=1 writes: JSON escapes
    # every newline inside strings, so each line of a task is indented once more.
    with atomic_writer(out) as fh:
        for i, record in enumerate(records, 1):
            graph = record_to_graph(record, ctx.labels)
            task = json.dumps(to_task(graph, ctx, i), ensure_ascii=False, indent=1)
            fh.write(("[\n " if i == 1 else ",\n ") + task.replace("\n", "\n "))
            summary.documents += 1
            summary.spans += top_level(graph)
        fh.write("\n]\n" if summary.documents else "[]\n")
    write_text_atomic(label_config(ctx.schema), out.with_name(out.stem + CONFIG_SUFFIX))
    return summary


def _pick_result(task: dict[str, Any], ctx: Context) -> list[Any]:
    annotations = [
        a
        for a in task.get("annotations") or task.get("completions") or []
        if isinstance(a, dict) and not a.get("was_cancelled")
    ]
    if annotations:
        if len(annotations) > 1:
            ctx.losses["further annotations of a task left out (one layer per document)"] += (
                len(annotations) - 1
            )
        chosen = annotations[0]
    else:
        predictions = [p for p in task.get("predictions") or [] if isinstance(p, dict)]
        if not predictions:
            return []
        if len(predictions) > 1:
            ctx.losses["further predictions of a task left out"] += len(predictions) - 1
        chosen = predictions[0]
    result = chosen.get("result", [])
    if not isinstance(result, list):
        raise FormatError("'result' must be a list")
    return result


def _text_of(data: dict[str, Any]) -> str:
    if isinstance(data.get("text"), str):
        return data["text"]
    strings = [v for v in data.values() if isinstance(v, str)]
    if len(strings) == 1:
        return strings[0]
    raise FormatError("the task's data has no 'text'")


def from_task(task: Any, ctx: Context, source_default: str) -> dict[str, Any]:
    if not isinstance(task, dict):
        raise FormatError("a task must be a JSON object")
    data = task.get("data", task)
    if not isinstance(data, dict):
        raise FormatError("'data' must be an object")
    reader = SpanReader(_text_of(data), ctx.offsets)
    source = data.get("source")
    graph = new_graph(reader.text, source if isinstance(source, str) else source_default)
    if isinstance(data.get("status"), str):
        graph.status = data["status"]
    result = _pick_result(task, ctx)
    regions: dict[str, list[Node]] = {}
    attrs: list[tuple[str, str, Any, str]] = []
    relations = []
    for i, item in enumerate(result):
        where = f"result[{i}]"
        if not isinstance(item, dict):
            raise FormatError(f"{where} must be an object")
        kind_of_item = item.get("type")
        value = item.get("value") or {}
        if kind_of_item == "relation":
            relations.append((where, item))
            continue
        if not isinstance(value, dict):
            raise FormatError(f"{where}: 'value' must be an object")
        rid = str(item.get("id", f"r{i}"))
        if kind_of_item in ("labels", "hypertextlabels") or "labels" in value:
            labels = value.get("labels") or value.get("hypertextlabels") or []
            if not labels:
                ctx.losses["regions without a label left out"] += 1
                continue
            expected = value.get("text") if isinstance(value.get("text"), str) else None
            try:
                s, e = reader.span(value.get("start"), value.get("end"), expected)
            except FormatError as exc:
                raise FormatError(f"{where}: {exc}") from None
            for label in labels:
                try:
                    kind = ctx.kind_of(label)
                except FormatError as exc:
                    raise FormatError(f"{where}: {exc}") from None
                node = Node(f"{rid}" if len(labels) == 1 else f"{rid}:{label}", kind, label, s, e)
                graph.nodes.append(node)
                regions.setdefault(rid, []).append(node)
        elif kind_of_item in ("choices", "textarea", "taxonomy"):
            if kind_of_item == "textarea":
                texts = value.get("text") or []
                attrs.append(
                    (rid, str(item.get("from_name", "")), "\n".join(map(str, texts)), where)
                )
            else:
                choices = value.get("choices") or []
                if choices:
                    attrs.append((rid, str(item.get("from_name", "")), choices[0], where))
        else:
            ctx.losses[f"result items of type {kind_of_item} left out"] += 1
    for rid, from_name, value, _where in attrs:
        nodes = regions.get(rid)
        if not nodes:
            ctx.losses["choices/textarea not attached to a span left out"] += 1
            continue
        for node in nodes:
            prefix = f"{node.kind}_"
            name = from_name[len(prefix) :] if from_name.startswith(prefix) else from_name
            if name == "boundary" and node.kind == "entity":
                node.boundary = value
            else:
                node.attrs[name] = value
    for where, item in relations:
        src, dst = str(item.get("from_id")), str(item.get("to_id"))
        if src not in regions or dst not in regions:
            raise FormatError(f"{where}: relation between regions that are not spans")
        labels = item.get("labels") or []
        if not labels:
            ctx.losses["relations without a label left out"] += 1
            continue
        if item.get("direction") == "left":
            src, dst = dst, src
        for lt in labels:
            for a in regions[src]:
                for b in regions[dst]:
                    graph.edges.append(Edge(str(lt), a.id, b.id))
    # region ids are per task in Label Studio: make them project-unique
    prefix = graph.doc_id.removeprefix("doc-")[:8] + "-"
    rename = {n.id: prefix + n.id for n in graph.nodes}
    for n in graph.nodes:
        n.id = rename[n.id]
    graph.edges = [Edge(e.type, rename[e.source], rename[e.target]) for e in graph.edges]
    dedupe(graph, ctx.losses)
    return graph_to_record(graph, ctx.losses)


def read(paths: Iterable[Path], ctx: Context) -> Iterator[Incoming]:
    return read_json_tasks(
        paths, (".json", ".jsonl"), lambda task, where: from_task(task, ctx, where), by_task=True
    )
