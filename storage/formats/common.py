"""What every interchange format shares: offset units, CRLF, the span graph, losses, and the
one import path.

Each format module (storage/formats/<name>.py) converts between its files and Hashiya's native
JSONL record dicts (README "Export format"); nothing here writes to a project except
`import_records`, which sends every record through the native parser (`parse_record`) and the
native store, so a record from any format is validated exactly like a native one and stored
whole or not at all.

- Offsets: Hashiya counts code points. `Offsets(text, unit)` converts to and from UTF-16 units
  or extended grapheme clusters (UAX #29, via the `regex` module's \\X) at a format's edge;
  a unit offset that falls inside a code point or cluster is refused, never rounded.
- CRLF: stored texts are LF only (the native import refuses CR). A format whose text has CRLF
  counts the CR in its offsets (brat does), so `LineEnds` turns the text into the stored LF
  form and moves every offset by the CRs before it; the span texts do not change.
- The span graph (`Graph`): a native record flattened into spans of every kind (entity, quote,
  claim, cue, mention) and typed edges (speaker, cue, claimant, in_quote and the schema's
  other link types). Formats with spans + relations (doccano, Label Studio, brat, INCEpTION)
  map this graph; `graph_to_record` rebuilds the native record.
"""

from __future__ import annotations

import bisect
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from annotation.documents import document_id_for, sha256_of
from annotation.errors import HashiyaError
from annotation.schema import LabelSchema
from annotation.spans import new_id
from storage.formats.json_values import JsonFileError, iter_json_file
from storage.formats.native import RecordRefused, decode_record
from storage.importer import FileResult, ImportReport, Refusal, _Writer

OFFSET_UNITS = ("codepoints", "utf16", "graphemes")
SPAN_KINDS = ("entity", "quote", "claim", "cue", "mention")
# The native record's fixed fields of quotes and claims, held as attributes in the graph.
QUOTE_FIELDS = ("type",)
CLAIM_FIELDS = ("checkworthy", "type", "note")


class FormatError(HashiyaError, ValueError):
    """A file of an interchange format cannot be read; the message names file (and line)."""


# --- offsets ----------------------------------------------------------------------------------
class Offsets:
    """Code point offsets of `text` <-> offsets in `unit` (codepoints, utf16, graphemes)."""

    def __init__(self, text: str, unit: str = "codepoints") -> None:
        if unit not in OFFSET_UNITS:
            raise ValueError(
                f"unknown offset unit {unit!r} (choose from {', '.join(OFFSET_UNITS)})"
            )
        self.unit = unit
        self.length = len(text)
        # bounds[i] = code point offset where unit i starts; bounds[-1] = len(text)
        self._bounds: list[int] | None = None
        if unit == "utf16":
            if any(ord(c) > 0xFFFF for c in text):
                bounds, pos = [], 0
                for c in text:
                    bounds.append(pos)
                    if ord(c) > 0xFFFF:
                        bounds.append(-1)  # the low surrogate: not a code point boundary
                    pos += 1
                bounds.append(pos)
                self._bounds = bounds
        elif unit == "graphemes":
            bounds = [m.start() for m in regex.finditer(r"\X", text)]
            bounds.append(len(text))
            self._bounds = bounds

    @property
    def identity(self) -> bool:
        return self._bounds is None

    def size(self) -> int:
        return self.length if self._bounds is None else len(self._bounds) - 1

    def from_unit(self, value: int) -> int | None:
        """Code point offset of a unit offset; None when out of range or inside a character."""
        if self._bounds is None:
            return value if 0 <= value <= self.length else None
        if not 0 <= value < len(self._bounds):
            return None
        cp = self._bounds[value]
        return None if cp < 0 else cp

    def to_unit(self, cp: int) -> int:
        """Unit offset of a code point offset (which must be a unit boundary)."""
        if self._bounds is None:
            return cp
        if self.unit == "utf16":
            # bounds is sorted once the -1 markers are skipped: count code points < cp,
            # then add one per astral character before cp.
            return cp + self._astral_before(cp)
        i = bisect.bisect_left(self._bounds, cp)
        if i >= len(self._bounds) or self._bounds[i] != cp:
            raise ValueError(f"offset {cp} is inside a grapheme cluster")
        return i

    def _astral_before(self, cp: int) -> int:
        if not hasattr(self, "_astral"):
            assert self._bounds is not None
            astral, prev = [], None
            for b in self._bounds:
                if b == -1 and prev is not None:
                    astral.append(prev)
                prev = b
            self._astral = astral
        return bisect.bisect_left(self._astral, cp)


def check_span(
    text: str, start: int, end: int, expected: str | None, unit: str, raw: tuple[int, int]
) -> str | None:
    """Why code point range [start, end) (converted from `raw` in `unit`) is not a valid span of
    text, with a hint naming the unit that would fit; None when it is valid."""
    if not 0 <= start < end <= len(text) or (expected is not None and text[start:end] != expected):
        got = "out of range" if not 0 <= start < end <= len(text) else repr(text[start:end])
        what = f"[{raw[0]}, {raw[1]}) ({unit})"
        reason = (
            f"span {what} is {got}"
            if expected is None
            else f"span text {expected!r} does not match the text at {what}: {got}"
        )
        return reason + _hint(text, raw, expected, unit)
    return None


def _hint(text: str, raw: tuple[int, int], expected: str | None, unit: str) -> str:
    for other in OFFSET_UNITS:
        if other == unit:
            continue
        conv = Offsets(text, other)
        if conv.identity and other != "codepoints":
            continue
        s, e = conv.from_unit(raw[0]), conv.from_unit(raw[1])
        if s is None or e is None or not s < e:
            continue
        if expected is None or text[s:e] == expected:
            name = {"utf16": "UTF-16 units", "graphemes": "grapheme clusters"}.get(
                other, "code points"
            )
            return f"; offsets look like {name}; try --offsets {other}"
    return ""


def convert_range(conv: Offsets, start: Any, end: Any) -> tuple[int, int] | None:
    if not (_is_int(start) and _is_int(end)):
        return None
    s, e = conv.from_unit(start), conv.from_unit(end)
    if s is None or e is None:
        return None
    return s, e


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# --- line ends ------------------------------------------------------------------------------
_CRLF = regex.compile("\r\n")


class LineEnds:
    """A format's text as stored (CRLF and CR -> LF) and its offsets moved to match."""

    def __init__(self, text: str) -> None:
        self.original = text
        self._crlf = [m.start() for m in _CRLF.finditer(text)] if "\r" in text else []
        self.text = text.replace("\r\n", "\n").replace("\r", "\n")

    @property
    def changed(self) -> bool:
        return self.text != self.original

    def map(self, offset: int) -> int:
        """Stored-text offset of an offset into the original text (after a CRLF's CR: the LF)."""
        return offset - bisect.bisect_left(self._crlf, offset)


# --- the span graph ---------------------------------------------------------------------------
@dataclass
class Node:
    id: str
    kind: str  # entity, quote, claim, cue, mention
    label: str
    start: int
    end: int
    attrs: dict[str, str] = field(default_factory=dict)
    boundary: str = "token"


@dataclass(frozen=True)
class Edge:
    type: str
    source: str
    target: str


@dataclass
class Graph:
    doc_id: str
    text: str
    source: str
    status: str
    nodes: list[Node]
    edges: list[Edge]

    def node(self, node_id: str) -> Node | None:
        for n in self.nodes:
            if n.id == node_id:
                return n
        return None


def kind_labels(schema: LabelSchema) -> dict[str, str]:
    """The label a span of each non-entity kind gets (the schema's first for that kind)."""
    out = {}
    for kind in SPAN_KINDS[1:]:
        labels = schema.labels_for(kind)
        if labels:
            out[kind] = labels[0].name
    return out


def record_to_graph(record: dict[str, Any], labels: dict[str, str]) -> Graph:
    """A native record (as storage.exporter writes it) as nodes and edges."""
    meta = record.get("meta", {})
    nodes: list[Node] = []
    edges: list[Edge] = []

    def ref(owner: str, link: str, value: Any, suffix: str) -> None:
        if value is None:
            return
        if "entity" in value:
            edges.append(Edge(link, owner, value["entity"]))
        elif "start" in value:
            sid = owner + suffix
            nodes.append(Node(sid, "mention", labels["mention"], value["start"], value["end"]))
            edges.append(Edge(link, owner, sid))

    for e in record.get("entities", []):
        nodes.append(
            Node(
                e["id"],
                "entity",
                e["label"],
                e["start"],
                e["end"],
                dict(e.get("attrs", {})),
                e.get("boundary", "token"),
            )
        )
    for q in record.get("quotes", []):
        attrs = {"type": q["type"], **q.get("attrs", {})}
        nodes.append(Node(q["id"], "quote", labels["quote"], q["start"], q["end"], attrs))
        ref(q["id"], "speaker", q["speaker"], ":speaker")
        if q["cue"] is not None:
            cid = q["id"] + ":cue"
            nodes.append(Node(cid, "cue", labels["cue"], q["cue"]["start"], q["cue"]["end"]))
            edges.append(Edge("cue", q["id"], cid))
    for c in record.get("claims", []):
        attrs = {k: c[k] for k in CLAIM_FIELDS}
        claimant = c["claimant"]
        if claimant is not None and claimant.get("article"):
            attrs["claimant_article"] = "yes"
            claimant = None
        attrs.update(c.get("attrs", {}))
        nodes.append(Node(c["id"], "claim", labels["claim"], c["start"], c["end"], attrs))
        ref(c["id"], "claimant", claimant, ":claimant")
        if c["quote"] is not None:
            edges.append(Edge("in_quote", c["id"], c["quote"]))
    for link in record.get("links", []):
        edges.append(Edge(link["type"], link["source"], link["target"]))
    nodes.sort(key=lambda n: (n.start, -n.end, SPAN_KINDS.index(n.kind), n.id))
    return Graph(
        record["id"],
        record["text"],
        meta.get("source", ""),
        meta.get("status", "new"),
        nodes,
        edges,
    )


def graph_to_record(graph: Graph, losses: Counter[str] | None = None) -> dict[str, Any]:
    """The native record of a graph. What a native record cannot hold (a cue or mention that no
    quote or claim links to, a second speaker of a quote) is counted in `losses`; everything
    else (labels, attribute values, link kinds) is left for the native parser to check."""
    losses = losses if losses is not None else Counter()
    text = graph.text
    by_id = {n.id: n for n in graph.nodes}
    out_of: dict[tuple[str, str], Node] = {}
    used: set[str] = set()
    other: list[Edge] = []
    for edge in graph.edges:
        if edge.source not in by_id or edge.target not in by_id:
            losses["relations whose ends are not spans of the document left out"] += 1
            continue
        if edge.type in ("speaker", "cue", "claimant", "in_quote"):
            key = (edge.type, edge.source)
            if key in out_of:
                losses[f"extra {edge.type} links (one per span) left out"] += 1
                continue
            out_of[key] = by_id[edge.target]
            used.add(edge.target)
        else:
            other.append(edge)

    def piece(n: Node) -> dict[str, Any]:
        return {"start": n.start, "end": n.end, "text": text[n.start : n.end]}

    def ref(n: Node | None) -> dict[str, Any] | None:
        if n is None:
            return None
        return {"entity": n.id} if n.kind == "entity" else piece(n)

    entities, quotes, claims = [], [], []
    for n in sorted(graph.nodes, key=lambda n: (n.start, -n.end, n.id)):
        if n.kind == "entity":
            item: dict[str, Any] = {
                "id": n.id,
                "start": n.start,
                "end": n.end,
                "label": n.label,
                "text": text[n.start : n.end],
                "boundary": n.boundary,
            }
            if n.attrs:
                item["attrs"] = dict(n.attrs)
            entities.append(item)
        elif n.kind == "quote":
            extra = {k: v for k, v in n.attrs.items() if k not in QUOTE_FIELDS}
            item = {
                "id": n.id,
                **piece(n),
                "type": n.attrs.get("type", "direct"),
                "speaker": ref(out_of.get(("speaker", n.id))),
                "cue": (piece(out_of[("cue", n.id)]) if ("cue", n.id) in out_of else None),
            }
            if extra:
                item["attrs"] = extra
            quotes.append(item)
        elif n.kind == "claim":
            extra = {
                k: v
                for k, v in n.attrs.items()
                if k not in CLAIM_FIELDS and k != "claimant_article"
            }
            claimant = ref(out_of.get(("claimant", n.id)))
            if claimant is None and n.attrs.get("claimant_article") == "yes":
                claimant = {"article": True}
            quote = out_of.get(("in_quote", n.id))
            item = {
                "id": n.id,
                **piece(n),
                "claimant": claimant,
                "quote": quote.id if quote is not None else None,
                "checkworthy": n.attrs.get("checkworthy", "unsure"),
                "type": n.attrs.get("type", "other"),
                "note": n.attrs.get("note", ""),
            }
            if extra:
                item["attrs"] = extra
            claims.append(item)
        elif n.id not in used:
            losses[f"{n.kind} spans that no quote or claim links to left out"] += 1
    record: dict[str, Any] = {
        "id": graph.doc_id,
        "text": text,
        "meta": {"source": graph.source, "status": graph.status},
        "entities": entities,
        "quotes": quotes,
        "claims": claims,
    }
    if other:
        record["links"] = [{"type": e.type, "source": e.source, "target": e.target} for e in other]
    return record


def top_level(graph: Graph) -> int:
    """Entities, quotes and claims: what the import summary counts as spans."""
    return sum(1 for n in graph.nodes if n.kind in ("entity", "quote", "claim"))


def new_graph(text: str, source: str, status: str = "new") -> Graph:
    """An empty graph for a document read from a format (its id follows from its text)."""
    return Graph(document_id_for(sha256_of(text)), text, source, status, [], [])


def fresh_id() -> str:
    return new_id()


# --- losses ---------------------------------------------------------------------------------
def loss_lines(fmt: str, losses: Counter[str]) -> list[str]:
    """One line per kind of loss: 'spacy: 14 nested entities kept only in spans["sc"]'."""
    return [f"{fmt}: {n} {what}" for what, n in sorted(losses.items()) if n]


@dataclass
class ExportSummary:
    documents: int = 0
    spans: int = 0
    files: int = 0
    losses: Counter[str] = field(default_factory=Counter)


def export_jsonl_tasks(
    records: Iterable[dict[str, Any]],
    out: Path,
    ctx: Any,
    to_task: Any,  # (Graph, Context) -> dict: one format's task for a document
) -> ExportSummary:
    """One JSON object per document per line, written atomically (doccano, Prodigy)."""
    from storage.atomic import atomic_writer

    summary = ExportSummary(files=1)
    with atomic_writer(out) as fh:
        for record in records:
            graph = record_to_graph(record, ctx.labels)
            fh.write(json.dumps(to_task(graph, ctx), ensure_ascii=False) + "\n")
            summary.documents += 1
            summary.spans += top_level(graph)
    return summary


# --- the one import path ----------------------------------------------------------------------
@dataclass
class Incoming:
    """One document read from a format file: a native record, or why it was refused."""

    path: Path
    line: int | None
    record: dict[str, Any] | None = None
    refusal: str | None = None


PROGRESS_EVERY = 100  # records between two progress calls of import_records


def import_records(
    project: Any,
    items: Iterable[Incoming],
    stop: Callable[[], bool] | None = None,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Validate each record with the native decoder (storage.formats.native.decode_record) and
    store it with the native importer's writer, exactly as a line of a native .jsonl file:
    a record is stored whole or not at all, a text already in the project is skipped.
    stop: asked before each record; True stores what was read and reads no further (the
    report's `stopped` names the record's file and line). progress(records read so far):
    told every PROGRESS_EVERY records."""
    schema = project.schema()
    report = ImportReport()
    results: dict[Path, FileResult] = {}
    # One writer for every file: a folder of one-document files (brat, INCEpTION) is stored a
    # batch of documents per transaction, each record reported in its own file's result.
    with _Writer(project, threaded=False) as writer:
        for read, item in enumerate(items):
            if progress is not None and read % PROGRESS_EVERY == 0:
                progress(read)
            result = results.get(item.path)
            if result is None:
                result = results[item.path] = FileResult(item.path)
            if stop is not None and stop():
                result.stopped_at_line = item.line or 1
                break
            if item.refusal is not None or item.record is None:
                result.refused.append(Refusal(item.path, item.line, item.refusal or "no record"))
                continue
            try:
                parsed = decode_record(item.record, schema, source_default=item.path.name)
            except RecordRefused as exc:
                result.refused.append(Refusal(item.path, item.line, str(exc)))
                continue
            writer.add(item.line, parsed, result)
    for result in results.values():
        result.refused.sort(key=lambda r: r.line or 0)
        report.add(result)
    return report


def iter_files(paths: Iterable[Path], suffixes: tuple[str, ...]) -> Iterator[Path]:
    """Files to read: given files as they are, folders' files with these suffixes (sorted)."""
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in suffixes
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            yield path


class SpanReader:
    """Reads a format's offsets into the stored (LF) text of one document: converts `unit` to
    code points on the format's own text, checks the span text where the format carries one,
    and moves past CRLF. Raises FormatError with a hint naming the unit that would fit."""

    def __init__(self, original: str, unit: str) -> None:
        self.original = original
        self.unit = unit
        self.offsets = Offsets(original, unit)
        self.ends = LineEnds(original)

    @property
    def text(self) -> str:
        return self.ends.text

    def span(self, start: Any, end: Any, expected: str | None = None) -> tuple[int, int]:
        if not (_is_int(start) and _is_int(end)):
            raise FormatError(f"offsets {start!r}, {end!r} are not integers")
        rng = convert_range(self.offsets, start, end)
        s, e = rng if rng is not None else (-1, -1)
        if rng is None and self.unit != "codepoints":
            why = check_span(self.original, -1, -1, expected, self.unit, (start, end))
            raise FormatError(why or f"span [{start}, {end}) is not on {self.unit} boundaries")
        why = check_span(self.original, s, e, expected, self.unit, (start, end))
        if why is not None:
            raise FormatError(why)
        return self.ends.map(s), self.ends.map(e)


class SpanWriter:
    """Code point offsets of the stored text -> a format's unit. A grapheme-unit span that
    starts or ends inside a cluster is widened to whole clusters (counted in `widened`)."""

    def __init__(self, text: str, unit: str) -> None:
        self.offsets = Offsets(text, unit)
        self.unit = unit
        self.widened = 0
        self._starts: list[int] | None = None
        if unit == "graphemes":
            self._starts = [m.start() for m in regex.finditer(r"\X", text)] + [len(text)]

    def span(self, start: int, end: int) -> tuple[int, int]:
        if self._starts is None:
            return self.offsets.to_unit(start), self.offsets.to_unit(end)
        i = bisect.bisect_right(self._starts, start) - 1
        j = bisect.bisect_left(self._starts, end)
        if self._starts[i] != start or self._starts[j] != end:
            self.widened += 1
        return i, j


@dataclass
class Context:
    """What a format's reader or writer needs besides the records: the project's schema, the
    label of each non-entity kind, the options given, and where losses are counted."""

    schema: LabelSchema
    offsets: str
    clitics: str = "keep"
    as_predictions: bool = False
    layout: str | None = None
    clitic_exceptions: frozenset[str] = frozenset()
    losses: Counter[str] = field(default_factory=Counter)
    labels: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.labels:
            self.labels = kind_labels(self.schema)

    def kind_of(self, label: str) -> str:
        """The kind of a label of the project's schema; FormatError naming it otherwise."""
        if not self.schema.has_label(label):
            raise FormatError(
                f"label {label!r} is not in the project's schema "
                "(add it with: python main.py schema --db P --load SCHEMA.json)"
            )
        return self.schema.label(label).kind


def read_json_tasks(
    paths: Iterable[Path],
    suffixes: tuple[str, ...],
    convert: Callable[[Any, str], dict[str, Any] | None],
    by_task: bool = False,
) -> Iterator[Incoming]:
    """The JSON tasks of the files under paths (read as streams), each converted to a native
    record by convert(value, where) (None: nothing to import), a FormatError as that task's
    refusal.
    `where` names the line (file:line), or the task's number in the file when by_task (a
    Label Studio export is one JSON array: its line says little), and so does the refusal."""
    for path in iter_files(paths, suffixes):
        number = 0
        try:
            for number, (line, value) in enumerate(iter_json_file(path), 1):
                where = number if by_task else line
                try:
                    record = convert(value, f"{path.name}:{where}")
                except FormatError as exc:
                    reason = f"task {number}: {exc}" if by_task else str(exc)
                    yield Incoming(path, line, refusal=reason)
                    continue
                if record is not None:
                    yield Incoming(path, line, record)
        except FileNotFoundError:
            yield Incoming(path, None, refusal="no such file")
            continue
        except OSError as exc:
            yield Incoming(path, None, refusal=f"cannot read the file ({exc.strerror or exc})")
            continue
        except JsonFileError as exc:
            # read as a stream: the tasks before the error are taken, each whole
            rest = "; the rest of the file was not read" if number else ""
            yield Incoming(path, None, refusal=f"{exc}{rest}")
            continue
        if number == 0:
            yield Incoming(path, None, refusal="the file contains no records")


def dedupe(graph: Graph, losses: Counter[str]) -> None:
    """Identical spans (kind, label, offsets) become one; edges follow the one kept."""
    seen: dict[tuple[str, str, int, int], str] = {}
    alias: dict[str, str] = {}
    kept = []
    for n in graph.nodes:
        key = (n.kind, n.label, n.start, n.end)
        if key in seen:
            alias[n.id] = seen[key]
            losses["identical spans (same label and offsets) read once"] += 1
            continue
        seen[key] = n.id
        kept.append(n)
    if alias:
        graph.nodes = kept
        edges = []
        for e in graph.edges:
            e2 = Edge(e.type, alias.get(e.source, e.source), alias.get(e.target, e.target))
            if e2 not in edges:
                edges.append(e2)
        graph.edges = edges


# --- tokens (Prodigy, spaCy) ------------------------------------------------------------------
class Tokens:
    """Hashiya's tokens of a text (annotation.conll.units_for: punctuation apart, proclitics
    split off with clitics="split"), and spans aligned to them: a span that starts or ends
    inside a token is widened to the whole token (counted by the caller, never dropped)."""

    def __init__(self, text: str, clitics: str, exceptions: frozenset[str]) -> None:
        from annotation.conll import units_for

        kwargs = {"exceptions": exceptions} if exceptions else {}
        self.units = units_for(text, clitics, **kwargs)
        self.starts = [u.start for u in self.units]
        self.ends = [u.end for u in self.units]

    def align(self, start: int, end: int) -> tuple[int, int, bool] | None:
        """(first token, last token inclusive, widened) of [start, end); None if no token."""
        i = bisect.bisect_right(self.ends, start)  # first token ending after start
        j = bisect.bisect_left(self.starts, end) - 1  # last token starting before end
        if i >= len(self.units) or j < i:
            return None
        widened = self.starts[i] != start or self.ends[j] != end
        return i, j, widened

    def place(self, node: Node, losses: Counter[str]) -> tuple[int, int] | None:
        """align() for a span, counting what a token-based format loses of it."""
        aligned = self.align(node.start, node.end)
        if aligned is None:
            losses["spans covering no token left out"] += 1
            return None
        i, j, widened = aligned
        if widened:
            losses["spans widened to whole tokens (try --clitics split)"] += 1
        return i, j


def span_attrs(nodes: Iterable[Node], offsets: Any = None) -> list[list[Any]]:
    """[[start, end, label, {"attrs", "boundary"}]] for the spans with attributes or a boundary
    other than "token": what formats without attributes carry in a key of their own."""
    out = []
    for n in nodes:
        info: dict[str, Any] = {}
        if n.attrs:
            info["attrs"] = dict(n.attrs)
        if n.boundary != "token":
            info["boundary"] = n.boundary
        if info:
            s, e = offsets(n) if offsets is not None else (n.start, n.end)
            out.append([s, e, n.label, info])
    return out


def apply_span_attrs(nodes: Iterable[Node], items: Any, key: Any = None) -> None:
    """Give nodes the attributes and boundary listed by span_attrs (matched by offsets+label)."""
    if not isinstance(items, (list, tuple)):  # msgpack (spaCy user_data) gives tuples
        return
    table = {}
    for item in items:
        if isinstance(item, (list, tuple)) and len(item) == 4 and isinstance(item[3], dict):
            table[(item[0], item[1], item[2])] = item[3]
    for n in nodes:
        k = key(n) if key is not None else (n.start, n.end, n.label)
        info = table.get(k)
        if info is None:
            continue
        attrs = info.get("attrs")
        if isinstance(attrs, dict):
            n.attrs.update({str(a): v for a, v in attrs.items()})
        if isinstance(info.get("boundary"), str):
            n.boundary = info["boundary"]
