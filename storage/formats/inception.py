"""INCEpTION / WebAnno: UIMA CAS XMI in and out (through dkpro-cassis), WebAnno TSV 3.3 in.

Export: a folder with one <doc id>.zip per document holding <doc id>.xmi and TypeSystem.xml,
the layout INCEpTION's "UIMA CAS XMI (XML 1.0)" import takes. The CAS has the text as its
sofa, DKPro Core Sentence (one per non-empty line) and Token annotations (Hashiya's tokens;
--clitics split makes proclitics tokens), and:
- entities: DKPro Core NamedEntity, label in `value`, plus the custom features `boundary`
  and `attrs` (JSON of the schema's extra attributes);
- quotes, claims, cues, mentions: custom span layers webanno.custom.Quote (quoteType, attrs),
  webanno.custom.Claim (checkworthy, claimType, note, claimantArticle, attrs),
  webanno.custom.Cue and webanno.custom.Mention;
- links: the custom relation layer webanno.custom.Link (Governor, Dependent, label), placed
  on the dependent's offsets as INCEpTION relation layers are;
- source and status: two DKPro MetaDataStringField annotations (key/value).
XMI counts UTF-16 units, converted to and from code points at the edge; a CR in the text is
written &#13;. The export writes the XMI itself (`xmi_bytes`, byte for byte what dkpro-cassis
writes for `to_cas`, six times faster); the import reads it with cassis. Import also reads a bare .xmi with TypeSystem.xml (or
typesystem.xml) beside it; a CR in the sofa is counted by the offsets and removed with them.

WebAnno TSV 3.3 (import only): the `value` column of every span layer (NamedEntity and custom
span layers alike; stacked "PER[1]|LOC[2]" included) gives spans whose label decides their
kind in the project's schema; relation and chain layers, and spans without a value ("*"), are
counted as losses. The text is rebuilt from the #Text lines
at the tokens' UTF-16 offsets, sentences separated by a line break.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storage.atomic import write_bytes_atomic
from storage.formats.common import (
    Context,
    Edge,
    ExportSummary,
    FormatError,
    Graph,
    Incoming,
    LineEnds,
    Node,
    Offsets,
    Tokens,
    dedupe,
    fresh_id,
    graph_to_record,
    new_graph,
    record_to_graph,
    top_level,
)

NAME = "inception"
DEFAULT_OFFSETS = "utf16"
SUFFIX = ""  # a folder of zips
NE = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
TOKEN = "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Token"
SENTENCE = "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Sentence"
META = "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.MetaDataStringField"
CUSTOM = {
    "quote": "webanno.custom.Quote",
    "claim": "webanno.custom.Claim",
    "cue": "webanno.custom.Cue",
    "mention": "webanno.custom.Mention",
}
LINK = "webanno.custom.Link"
# native attribute name -> XMI feature name, per kind (the rest goes to "attrs" as JSON)
FEATURES = {
    "quote": {"type": "quoteType"},
    "claim": {
        "checkworthy": "checkworthy",
        "type": "claimType",
        "note": "note",
        "claimant_article": "claimantArticle",
    },
}


def typesystem() -> Any:
    from cassis import load_dkpro_core_typesystem

    ts = load_dkpro_core_typesystem()
    ne = ts.get_type(NE)
    ts.create_feature(ne, "boundary", "uima.cas.String")
    ts.create_feature(ne, "attrs", "uima.cas.String")
    for kind, name in CUSTOM.items():
        t = ts.create_type(name, "uima.tcas.Annotation")
        for feature in FEATURES.get(kind, {}).values():
            ts.create_feature(t, feature, "uima.cas.String")
        ts.create_feature(t, "attrs", "uima.cas.String")
    link = ts.create_type(LINK, "uima.tcas.Annotation")
    ts.create_feature(link, "Governor", "uima.tcas.Annotation")
    ts.create_feature(link, "Dependent", "uima.tcas.Annotation")
    ts.create_feature(link, "label", "uima.cas.String")
    return ts


# What XML 1.0 (the XMI INCEpTION reads) cannot hold, even as a character reference: C0
# controls other than tab, LF and CR, and U+FFFE / U+FFFF. News text has a few (U+001A in real
# archives); lxml refuses the whole document for one of them.
_NOT_XML_10 = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
NOT_XML_LOSS = "characters XML 1.0 cannot hold (control characters) written as U+FFFD"


def _xml_text(value: str, ctx: Context) -> str:
    """value with each character XML 1.0 cannot hold replaced by U+FFFD, one for one, so that
    every offset into it stays the same (in code points and in UTF-16 units); counted as a
    loss: the exported text differs from the project's."""
    cleaned, replaced = _NOT_XML_10.subn("\ufffd", value)
    if replaced:
        ctx.losses[NOT_XML_LOSS] += replaced
    return cleaned


@dataclass(frozen=True, slots=True)
class _Ref:
    """A feature whose value is another structure: its place in the list of structures."""

    index: int


# One annotation of the CAS: type name, begin and end in code points, and its features in the
# order the type system defines them (None: not set).
_Structure = tuple[str, int, int, list[tuple[str, Any]]]


def structures(graph: Graph, ctx: Context) -> list[_Structure]:
    """What the CAS of a document holds besides its text, in the order it is added: sentences,
    tokens, the two metadata fields, the spans, the links. The one mapping of a document to
    UIMA types, which both writers follow (`xmi_bytes`, and `to_cas` through dkpro-cassis)."""
    out: list[_Structure] = []
    pos = 0
    for line in graph.text.split("\n"):
        stripped = line.strip()
        if stripped:
            s = pos + line.index(stripped[0])
            out.append((SENTENCE, s, s + len(stripped), []))
        pos += len(line) + 1
    for u in Tokens(graph.text, ctx.clitics, ctx.clitic_exceptions).units:
        out.append((TOKEN, u.start, u.end, []))
    out.append((META, 0, 0, [("key", "source"), ("value", _xml_text(graph.source, ctx))]))
    out.append((META, 0, 0, [("key", "status"), ("value", graph.status)]))
    index_of: dict[str, int] = {}
    for n in graph.nodes:
        features = FEATURES.get(n.kind, {})
        extra = {k: v for k, v in n.attrs.items() if k not in features}
        # JSON escapes the C0 controls itself, but not U+FFFE / U+FFFF
        attrs = (
            _xml_text(json.dumps(extra, ensure_ascii=False, sort_keys=True), ctx) if extra else None
        )
        if n.kind == "entity":
            values: list[tuple[str, Any]] = [("value", n.label), ("boundary", n.boundary)]
            type_name = NE
        else:
            values = []
            for name, feature in features.items():
                value = n.attrs.get(name)
                values.append((feature, _xml_text(value, ctx) if isinstance(value, str) else value))
            type_name = CUSTOM[n.kind]
        index_of[n.id] = len(out)
        out.append((type_name, n.start, n.end, [*values, ("attrs", attrs)]))
    for e in graph.edges:
        dep = index_of[e.target]
        _, begin, end, _ = out[dep]
        governor = ("Governor", _Ref(index_of[e.source]))
        out.append((LINK, begin, end, [governor, ("Dependent", _Ref(dep)), ("label", e.type)]))
    return out


def to_cas(graph: Graph, ctx: Context, ts: Any) -> Any:
    """The document as a dkpro-cassis CAS (the reference `xmi_bytes` is tested against)."""
    from cassis import Cas

    cas = Cas(typesystem=ts)
    cas.sofa_string = _xml_text(graph.text, ctx)
    made: list[Any] = []
    for type_name, begin, end, features in structures(graph, ctx):
        args: dict[str, Any] = {"begin": begin, "end": end}
        for name, value in features:
            if value is not None:
                args[name] = made[value.index] if isinstance(value, _Ref) else value
        fs = ts.get_type(type_name)(**args)
        cas.add(fs)
        made.append(fs)
    return cas


_XMI = "http://www.omg.org/XMI"
_CAS = "http:///uima/cas.ecore"
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _attribute(value: str) -> str:
    """An XML attribute value escaped as libxml2 (lxml, so cassis) writes it."""
    return (
        value.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("\n", "&#10;")
        .replace("\r", "&#13;")
        .replace("\t", "&#9;")
    )


def xmi_bytes(graph: Graph, ctx: Context) -> bytes:
    """The document's XMI, byte for byte what dkpro-cassis writes for `to_cas` (tests compare
    them), written directly: cassis's serializer checks every feature's type against the type
    system, 26 ms a news article, 4 minutes for 10,000. Offsets in UTF-16 units; namespace
    prefixes given in order of first use (a repeated name numbered from 0), as cassis does."""
    sofa = _xml_text(graph.text, ctx)
    astral = [m.start() for m in _ASTRAL.finditer(sofa)]

    def utf16(i: int) -> int:
        return i + bisect_left(astral, i)

    prefix_of: dict[str, str] = {}  # namespace URL -> prefix
    tag_of: dict[str, str] = {}  # type name -> "prefix:Name"
    taken = {"xmi", "cas"}
    numbered: dict[str, int] = {}
    body = ['<cas:NULL xmi:id="0"/>']
    items = structures(graph, ctx)
    for k, (type_name, begin, end, features) in enumerate(items):
        tag = tag_of.get(type_name)
        if tag is None:
            package, _, short = type_name.rpartition(".")
            url = "http:///" + package.replace(".", "/") + ".ecore"
            prefix = prefix_of.get(url)
            if prefix is None:
                prefix = package.rpartition(".")[2]
                if prefix in taken:
                    n = numbered.get(prefix, 0)
                    numbered[prefix] = n + 1
                    prefix += str(n)
                taken.add(prefix)
                prefix_of[url] = prefix
            tag = tag_of[type_name] = f"{prefix}:{short}"
        if astral:
            begin, end = utf16(begin), utf16(end)
        element = f'<{tag} xmi:id="{k + 2}" sofa="1" begin="{begin}" end="{end}"'
        if features:  # sentences and tokens, most of a CAS, have none
            for name, value in features:
                if value is not None:
                    text = str(value.index + 2) if isinstance(value, _Ref) else str(value)
                    element += f' {name}="{_attribute(text)}"'
        body.append(element + "/>")
    body.append(
        f'<cas:Sofa xmi:id="1" sofaNum="1" sofaID="_InitialView" sofaString="{_attribute(sofa)}"/>'
    )
    members = " ".join(str(k + 2) for k in range(len(items)))
    body.append(f'<cas:View sofa="1" members="{members}"/>')
    namespaces = "".join(f' xmlns:{p}="{url}"' for url, p in prefix_of.items())
    head = (
        "<?xml version='1.0' encoding='UTF-8'?>\n"
        f'<xmi:XMI xmlns:xmi="{_XMI}" xmlns:cas="{_CAS}"{namespaces} xmi:version="2.0">'
    )
    return (head + "".join(body) + "</xmi:XMI>").encode("utf-8")


def export(records: Iterable[dict[str, Any]], out: Path, ctx: Context) -> ExportSummary:
    if ctx.offsets != "utf16":
        raise ValueError("UIMA XMI counts UTF-16 units; --offsets cannot change that")
    if out.exists() and not out.is_dir():
        raise OSError(f"{out} is a file; inception export writes a folder")
    out.mkdir(parents=True, exist_ok=True)
    ts_xml = typesystem().to_xml()
    summary = ExportSummary()
    for record in records:
        graph = record_to_graph(record, ctx.labels)
        xmi = xmi_bytes(graph, ctx)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(f"{graph.doc_id}.xmi", xmi)
            zf.writestr("TypeSystem.xml", ts_xml)
        write_bytes_atomic(buf.getvalue(), out / f"{graph.doc_id}.zip")
        summary.documents += 1
        summary.spans += top_level(graph)
        summary.files += 1
    return summary


# --- import: XMI --------------------------------------------------------------------------------
def _label_of(ctx: Context, value: Any, default: str) -> str:
    return value if isinstance(value, str) and value else default


def from_cas(cas: Any, ctx: Context, source_default: str) -> dict[str, Any]:
    ends = LineEnds(cas.sofa_string or "")
    if not ends.text.strip():
        raise FormatError("the CAS has no text")
    graph = new_graph(ends.text, source_default)
    ts = cas.typesystem
    for fs in cas.select(META) if ts.contains_type(META) else []:
        if fs.get("key") == "source" and isinstance(fs.get("value"), str):
            graph.source = fs.get("value")
        elif fs.get("key") == "status" and isinstance(fs.get("value"), str):
            graph.status = fs.get("value")
    node_of: dict[int, Node] = {}

    def add(fs: Any, kind: str, label: str) -> Node:
        s, e = ends.map(fs.begin), ends.map(fs.end)
        node = Node(fresh_id(), kind, label, s, e)
        raw = fs.get("attrs") if _has(fs, "attrs") else None
        if isinstance(raw, str) and raw:
            try:
                extra = json.loads(raw)
            except ValueError:
                raise FormatError(f"attrs of the annotation at [{s}, {e}) is not JSON") from None
            node.attrs.update({str(k): v for k, v in extra.items()})
        graph.nodes.append(node)
        node_of[fs.xmiID] = node
        return node

    if ts.contains_type(NE):
        for fs in cas.select(NE):
            label = fs.get("value")
            if not isinstance(label, str) or not label:
                ctx.losses["named entities without a value left out"] += 1
                continue
            if ctx.kind_of(label) != "entity":
                raise FormatError(f"label {label!r} is not an entity label")
            node = add(fs, "entity", label)
            if _has(fs, "boundary") and isinstance(fs.get("boundary"), str):
                node.boundary = fs.get("boundary")
    for kind, type_name in CUSTOM.items():
        if not ts.contains_type(type_name):
            continue
        for fs in cas.select(type_name):
            node = add(fs, kind, ctx.labels[kind])
            for name, feature in FEATURES.get(kind, {}).items():
                if _has(fs, feature) and fs.get(feature) is not None:
                    node.attrs[name] = fs.get(feature)
    if ts.contains_type(LINK):
        for fs in cas.select(LINK):
            gov, dep = fs.get("Governor"), fs.get("Dependent")
            if gov is None or dep is None or gov.xmiID not in node_of or dep.xmiID not in node_of:
                ctx.losses["links whose ends are not spans left out"] += 1
                continue
            graph.edges.append(
                Edge(str(fs.get("label")), node_of[gov.xmiID].id, node_of[dep.xmiID].id)
            )
    dedupe(graph, ctx.losses)
    return graph_to_record(graph, ctx.losses)


def _has(fs: Any, feature: str) -> bool:
    return any(f.name == feature for f in fs.type.all_features)


class _TypeSystems:
    """Each type system parsed once per import: every document of an INCEpTION export carries
    the same TypeSystem.xml, and parsing it took half the time of reading a document."""

    def __init__(self) -> None:
        self._parsed: dict[bytes | None, Any] = {}

    def of(self, ts_xml: bytes | None) -> Any:
        from cassis import load_typesystem

        ts = self._parsed.get(ts_xml)
        if ts is None:
            # Without a type system file, DKPro Core's types and Hashiya's layers; types the
            # file uses beyond those (INCEpTION's DocumentMetaData...) are skipped (lenient).
            ts = load_typesystem(io.BytesIO(ts_xml)) if ts_xml is not None else typesystem()
            self._parsed[ts_xml] = ts
        return ts


def _load_xmi(xmi: bytes, ts: Any) -> Any:
    from cassis import load_cas_from_xmi

    return load_cas_from_xmi(io.BytesIO(xmi), typesystem=ts, lenient=True)


def _xmi_inputs(path: Path) -> Iterator[tuple[str, bytes, bytes | None]]:
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
            ts_name = next((n for n in names if n.lower().endswith("typesystem.xml")), None)
            ts_xml = zf.read(ts_name) if ts_name else None
            for name in names:
                if name.lower().endswith(".xmi"):
                    yield name, zf.read(name), ts_xml
    else:
        ts_path = next(
            (
                p
                for p in (path.parent / "TypeSystem.xml", path.parent / "typesystem.xml")
                if p.is_file()
            ),
            None,
        )
        yield path.name, path.read_bytes(), ts_path.read_bytes() if ts_path else None


# --- import: WebAnno TSV 3.3 --------------------------------------------------------------------
_TOKEN_LINE = re.compile(r"^(\d+)-(\d+)(?:\.\d+)?\t(\d+)-(\d+)\t")
_STACKED = re.compile(r"^(.*?)(?:\[(\d+)\])?$")


def _unescape(value: str) -> str:
    return (
        value.replace("\\t", "\t")
        .replace("\\n", "\n")
        .replace("\\r", "\r")
        .replace("\\_", "_")
        .replace("\\[", "[")
        .replace("\\]", "]")
        .replace("\\|", "|")
        .replace("\\-", "-")
        .replace("\\;", ";")
        .replace("\\\\", "\\")
        .replace("\\>", ">")
        .replace("\\*", "*")
    )


def from_tsv(content: str, ctx: Context, source: str) -> dict[str, Any]:
    lines = content.split("\n")
    if not lines or not lines[0].startswith("#FORMAT=WebAnno TSV 3"):
        raise FormatError("not WebAnno TSV 3 (the first line must be #FORMAT=WebAnno TSV 3.x)")
    columns: list[tuple[str, str]] = []  # (layer, feature) per annotation column
    span_layers: set[str] = set()
    sentences: list[tuple[list[str], list[tuple[int, int, list[str]]]]] = []
    for raw in lines[1:]:
        line = raw.rstrip("\r")
        if line.startswith("#T_SP=") or line.startswith("#T_CH=") or line.startswith("#T_RL="):
            layer, *features = line[6:].split("|")
            columns += [(layer, f) for f in features]
            if line.startswith("#T_SP="):
                span_layers.add(layer)
        elif line.startswith("#Text="):
            if sentences and not sentences[-1][1]:
                sentences[-1][0].append(_unescape(line[6:]))
            else:
                sentences.append(([_unescape(line[6:])], []))
        elif _TOKEN_LINE.match(line):
            if not sentences:
                raise FormatError("a token line before any #Text line")
            fields = line.split("\t")
            b, e = (int(x) for x in fields[1].split("-"))
            sentences[-1][1].append((b, e, fields[3:]))
    if not sentences:
        raise FormatError("no sentences")
    # the text, in UTF-16 units: sentence texts at their first token's offset
    total = max((e for _, toks in sentences for _, e, _ in toks), default=0)
    units = bytearray(" ".encode("utf-16-le") * total)
    prev_end = None
    for text_lines, toks in sentences:
        if not toks:
            continue
        start = toks[0][0]
        data = "\n".join(text_lines).encode("utf-16-le")
        units[2 * start : 2 * start + len(data)] = data
        if prev_end is not None and prev_end < start:
            units[2 * prev_end : 2 * prev_end + 2] = "\n".encode("utf-16-le")
        prev_end = start + len(data) // 2
    try:
        text = units.decode("utf-16-le")
    except UnicodeDecodeError:
        raise FormatError("token offsets split a character (they must be UTF-16 units)") from None
    conv = Offsets(text, "utf16")
    ends = LineEnds(text)
    graph = new_graph(ends.text, source)
    ne_cols = [i for i, (layer, f) in enumerate(columns) if layer in span_layers and f == "value"]
    read_layers = {columns[i][0] for i in ne_cols}
    for layer in sorted({layer for layer, _ in columns} - read_layers):
        ctx.losses[f"layer {layer.rsplit('.', 1)[-1]} left out (no value feature)"] += 1
    open_spans: dict[tuple[int, str], list[Any]] = {}
    found: list[tuple[int, int, str]] = []
    for _, toks in sentences:
        for b, e, fields in toks:
            for col in ne_cols:
                if col >= len(fields) or fields[col] == "_":
                    continue
                if fields[col] == "*":
                    ctx.losses["annotations without a value left out"] += 1
                    continue
                for part in fields[col].split("|"):
                    m = _STACKED.match(part)
                    label, ident = _unescape(m.group(1)) if m else part, m.group(2) if m else None
                    if label in ("", "_", "*"):
                        ctx.losses["named entities without a value left out"] += 1
                        continue
                    if ident is None:
                        found.append((b, e, label))
                    else:
                        key = (col, ident)
                        if key in open_spans:
                            open_spans[key][1] = e
                        else:
                            open_spans[key] = [b, e, label]
    found += [(b, e, label) for b, e, label in open_spans.values()]
    for b, e, label in found:
        s, t = conv.from_unit(b), conv.from_unit(e)
        if s is None or t is None:
            raise FormatError(f"offsets {b}-{e} split a character")
        if ctx.kind_of(label) != "entity":
            raise FormatError(f"label {label!r} is not an entity label")
        graph.nodes.append(Node(fresh_id(), "entity", label, ends.map(s), ends.map(t)))
    dedupe(graph, ctx.losses)
    return graph_to_record(graph, ctx.losses)


def read(paths: Iterable[Path], ctx: Context) -> Iterator[Incoming]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in (".zip", ".xmi", ".tsv") and p.is_file()
            )
        else:
            files.append(path)
    type_systems = _TypeSystems()
    for path in files:
        try:
            if path.suffix.lower() == ".tsv":
                content = path.read_bytes().decode("utf-8-sig")
                yield Incoming(path, None, from_tsv(content, ctx, path.name))
                continue
            for number, (name, xmi, ts_xml) in enumerate(_xmi_inputs(path), 1):
                try:
                    cas = _load_xmi(xmi, type_systems.of(ts_xml))
                    yield Incoming(path, number, from_cas(cas, ctx, name))
                except FormatError as exc:
                    yield Incoming(path, number, refusal=f"{name}: {exc}")
        except FormatError as exc:
            yield Incoming(path, None, refusal=str(exc))
        except (OSError, UnicodeDecodeError, zipfile.BadZipFile) as exc:
            yield Incoming(path, None, refusal=f"cannot read the file ({exc})")
        except Exception as exc:  # cassis/lxml raise many types for a broken XMI
            yield Incoming(
                path, None, refusal=f"not a readable UIMA XMI ({type(exc).__name__}: {exc})"
            )
