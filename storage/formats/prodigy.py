"""Prodigy JSONL tasks, both directions.

One task per document: {"text", "tokens": [{"text", "start", "end", "id", "ws"}], "spans":
[{"start", "end", "token_start", "token_end", "label"}] (token_end inclusive), "relations":
[{"head", "child", "head_span", "child_span", "label"}] (head and child are the token_end of
their spans, as rel.manual writes them), "answer": "accept", "meta": {"source", "status"},
"span_attrs": [[start, end, label, {"attrs", "boundary"}]] for what Prodigy has no field for}.
Offsets are code points (Prodigy is Python).

Tokens are Hashiya's (punctuation apart); --clitics split makes proclitics tokens of their own
(و · بوتين), so that a strip_clitics span falls on token boundaries; with --clitics keep such
a span is widened to its whole token (counted). Spans of every kind are written (QUOTE, CLAIM,
CUE, MENTION besides the entity labels); nested and overlapping ones are valid in "spans" but
ner.manual cannot show them (only spans.manual can), which is counted too.

Import: tasks with answer "reject" or "ignore" are left out (counted); span offsets are
checked against their text when the span carries one, and against the task's tokens when
token_start/token_end are given.
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
    Tokens,
    apply_span_attrs,
    dedupe,
    export_jsonl_tasks,
    fresh_id,
    graph_to_record,
    new_graph,
    read_json_tasks,
    span_attrs,
)

NAME = "prodigy"
DEFAULT_OFFSETS = "codepoints"
SUFFIX = ".jsonl"


def _overlapping(nodes: list[Node]) -> int:
    """How many spans overlap an earlier one (sorted by start)."""
    count, reach = 0, -1
    for n in sorted(nodes, key=lambda n: (n.start, -n.end)):
        if n.start < reach:
            count += 1
        reach = max(reach, n.end)
    return count


def to_task(graph: Graph, ctx: Context) -> dict[str, Any]:
    toks = Tokens(graph.text, ctx.clitics, ctx.clitic_exceptions)
    tokens = []
    for k, u in enumerate(toks.units):
        nxt = toks.units[k + 1].start if k + 1 < len(toks.units) else len(graph.text)
        tokens.append({"text": u.text, "start": u.start, "end": u.end, "id": k, "ws": nxt > u.end})
    spans: dict[str, dict[str, Any]] = {}
    placed: list[Node] = []
    for n in graph.nodes:
        placed_at = toks.place(n, ctx.losses)
        if placed_at is None:
            continue
        i, j = placed_at
        s, e = toks.units[i].start, toks.units[j].end
        spans[n.id] = {"start": s, "end": e, "token_start": i, "token_end": j, "label": n.label}
        placed.append(Node(n.id, n.kind, n.label, s, e, n.attrs, n.boundary))
    overlaps = _overlapping(placed)
    if overlaps:
        ctx.losses["nested or overlapping spans (spans.manual shows them, ner.manual cannot)"] += (
            overlaps
        )
    relations = []
    for edge in graph.edges:
        if edge.source in spans and edge.target in spans:
            head, child = spans[edge.source], spans[edge.target]
            relations.append(
                {
                    "head": head["token_end"],
                    "child": child["token_end"],
                    "head_span": dict(head),
                    "child_span": dict(child),
                    "label": edge.type,
                }
            )
    task: dict[str, Any] = {
        "text": graph.text,
        "tokens": tokens,
        "spans": list(spans.values()),
        "relations": relations,
        "answer": "accept",
        "meta": {"source": graph.source, "status": graph.status},
    }
    extra = span_attrs(placed)
    if extra:
        task["span_attrs"] = extra
    return task


def export(records: Iterable[dict[str, Any]], out: Path, ctx: Context) -> ExportSummary:
    return export_jsonl_tasks(records, out, ctx, to_task)


def from_task(task: Any, ctx: Context, source_default: str) -> dict[str, Any] | None:
    """The native record of a task, or None for a rejected or ignored task."""
    if not isinstance(task, dict) or not isinstance(task.get("text"), str):
        raise FormatError("a task must be an object with 'text'")
    if task.get("answer", "accept") != "accept":
        ctx.losses[f"tasks answered {task.get('answer')!r} left out"] += 1
        return None
    reader = SpanReader(task["text"], ctx.offsets)
    meta: dict[str, Any] = task["meta"] if isinstance(task.get("meta"), dict) else {}
    source = meta.get("source")
    graph = new_graph(reader.text, source if isinstance(source, str) else source_default)
    if isinstance(meta.get("status"), str):
        graph.status = meta["status"]
    tokens = task.get("tokens") or []
    by_key: dict[tuple[int, int, str], Node] = {}

    def node_for(span: Any, where: str) -> Node:
        if not isinstance(span, dict) or not {"start", "end", "label"} <= span.keys():
            raise FormatError(f"{where}: a span needs start, end and label")
        key = (span["start"], span["end"], span["label"])
        if key in by_key:
            return by_key[key]
        expected = span.get("text") if isinstance(span.get("text"), str) else None
        try:
            s, e = reader.span(span["start"], span["end"], expected)
            ts, te = span.get("token_start"), span.get("token_end")
            if isinstance(ts, int) and isinstance(te, int) and tokens:
                if not (0 <= ts <= te < len(tokens)):
                    raise FormatError(f"token_start/token_end {ts}, {te} out of range")
                if (tokens[ts].get("start"), tokens[te].get("end")) != (span["start"], span["end"]):
                    raise FormatError(
                        f"[{span['start']}, {span['end']}) is not tokens {ts}..{te} (token_end "
                        "is inclusive)"
                    )
            kind = ctx.kind_of(span["label"])
        except FormatError as exc:
            raise FormatError(f"{where}: {exc}") from None
        node = Node(fresh_id(), kind, span["label"], s, e)
        by_key[key] = node
        graph.nodes.append(node)
        return node

    for i, span in enumerate(task.get("spans") or []):
        node_for(span, f"spans[{i}]")
    for i, rel in enumerate(task.get("relations") or []):
        if not isinstance(rel, dict) or "label" not in rel:
            raise FormatError(f"relations[{i}]: needs head_span, child_span and label")
        head = node_for(rel.get("head_span"), f"relations[{i}].head_span")
        child = node_for(rel.get("child_span"), f"relations[{i}].child_span")
        graph.edges.append(Edge(str(rel["label"]), head.id, child.id))
    apply_span_attrs(graph.nodes, task.get("span_attrs"))
    dedupe(graph, ctx.losses)
    return graph_to_record(graph, ctx.losses)


def read(paths: Iterable[Path], ctx: Context) -> Iterator[Incoming]:
    return read_json_tasks(
        paths, (".jsonl", ".json"), lambda task, where: from_task(task, ctx, where)
    )
