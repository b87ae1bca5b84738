"""Hashiya's native JSONL format, both directions: one JSON object per document per line,
described by resources/export.schema.json.

Record shape (keys in this order; "attrs" and "links" only when not empty):
  {"id", "text", "meta": {"source", "sha256", "status"},
   "entities": [{"id", "start", "end", "label", "text", "boundary", "attrs"}],
   "quotes": [{"id", "start", "end", "text", "type", "speaker", "cue", "attrs"}],
   "claims": [{"id", "start", "end", "text", "claimant", "quote", "checkworthy", "type", "note", "attrs"}],
   "links": [{"type", "source", "target"}]}

Encoding (`encode_record`, no database access):
- Spans by (start, -end, id). Lists not selected with `kinds` are left out of the record
  (absent means "not exported", [] means "none").
- A speaker or claimant that is an entity is written {"entity": id} only when entities are
  exported; otherwise it is written like a mention, {"start", "end", "text"}, so that a record
  never refers to an id it does not contain. Likewise a claim's "quote" is null when quotes
  are not exported.
- A claim whose claimant_article attribute is "yes" and that has no claimant link is written
  {"article": true}; a claimant link wins over the attribute.
- Mention and cue spans are written only inside the quote/claim that links to them.
- Attributes the project's schema adds (anything but the fixed fields above) are written as
  "attrs": {name: value} on the entity, quote or claim, only those stored; links of any other
  type than speaker/cue/claimant/in_quote go to the record's "links" when both ends are spans
  of the record, sorted by (type, source, target). Both keys are left out when empty.

Decoding (`parse_record` / `decode_record`): first the JSON Schema, compiled once with
jsonschema-rs (see
`import_schema` for the relaxations import allows), then what a JSON Schema cannot say: offsets
against the text, ids and references inside the record, labels, attributes and link types
against the project's label schema. A refusal is a `RecordRefused` with a one-line reason.
Mention and cue spans get ids derived from their owner's (SPEAKER_SUFFIX...), so that
import -> export -> import is stable and re-importing a record cannot create twins.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

import jsonschema_rs

from annotation.documents import Document, sha256_of
from annotation.errors import HashiyaError
from annotation.layers import GOLD, LayerError, check_annotator_name
from annotation.schema import RESOURCES, LabelSchema, SchemaError
from annotation.spans import Link, Span
from annotation.textio import unusual_characters
from annotation.validation import check_record

SCHEMA_PATH = RESOURCES / "export.schema.json"

KINDS = ("entities", "quotes", "claims")
# Link types and attributes written as fields of their own (never in "links" / "attrs").
FIXED_LINK_TYPES = frozenset({"speaker", "cue", "claimant", "in_quote"})
FIXED_ATTRS: dict[str, frozenset[str]] = {
    "entity": frozenset(),
    "quote": frozenset({"type"}),
    "claim": frozenset({"checkworthy", "type", "note", "claimant_article"}),
}
SPEAKER_SUFFIX = ":speaker"
CUE_SUFFIX = ":cue"
CLAIMANT_SUFFIX = ":claimant"


class RecordRefused(HashiyaError, ValueError):
    """A JSONL record is invalid; str() is the one-line reason (without file and line)."""


# --- the JSON Schema, in the code -----------------------------------------------------------
@cache
def export_schema() -> dict[str, Any]:
    """resources/export.schema.json: what export writes, exactly."""
    with SCHEMA_PATH.open(encoding="utf-8") as fh:
        return json.load(fh)


def import_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """The export schema with the relaxations import allows (the schema's description says
    the same): 'meta' and its fields may be left out (source, sha256 and status get
    defaults), and unknown fields are ignored (every "additionalProperties": false is
    dropped; typed additionalProperties such as an attrs value's stay)."""
    out = copy.deepcopy(schema)
    out["required"] = ["id", "text"]
    out["properties"]["meta"]["required"] = []

    def relax(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("additionalProperties") is False:
                del node["additionalProperties"]
            for value in node.values():
                relax(value)
        elif isinstance(node, list):
            for value in node:
                relax(value)

    relax(out)
    return out


@cache
def _validator(direction: str) -> jsonschema_rs.Validator:
    """Compiled on first use (~15 ms; jsonschema-rs validates a 200-span record in about the
    time json.loads takes to parse it)."""
    schema = export_schema()
    if direction == "import":
        schema = import_schema(schema)
    return jsonschema_rs.validator_for(schema)


_TYPE_NAMES = {
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "array": "a list",
    "object": "an object",
    "boolean": "true or false",
    "null": "null",
}
_KIND_OF_LIST = {"entities": "entity", "quotes": "quote", "claims": "claim"}


def _where(path: list[str | int]) -> str:
    """['entities', 0, 'start'] -> 'entities[0].start'."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def schema_reason(exc: jsonschema_rs.ValidationError) -> str:
    """A one-line reason from a schema failure, naming the field the way the record does."""
    path = list(exc.instance_path)
    kind: Any = exc.kind  # its fields depend on the rule (property, types, limit...)
    value = exc.instance
    rule = kind.name
    if rule == "required":
        return f"{_where(path) or 'record'}: missing field '{kind.property}'"
    parent, key = _where(path[:-1]) or "record", path[-1] if path else ""
    field = f"{parent}[{key}]" if isinstance(key, int) else f"{parent}: '{key}'"
    if path == ["text"]:
        # "not": {"pattern": "[\r\u0000]"} rather than a pattern the whole text must match
        # (^[^\r\u0000]*$): the same rule, found by a literal search, ten times faster.
        if rule == "minLength":
            return "the text is empty or only whitespace"
        if rule == "not" and isinstance(value, str) and "\r" in value:
            return "the text contains carriage returns (CR); stored texts use LF only"
        if rule == "not":
            return "the text contains NUL characters (U+0000): binary data"
    if rule in ("not", "propertyNames") and key == "attrs" and isinstance(value, dict):
        fixed = FIXED_ATTRS.get(_KIND_OF_LIST.get(str(path[0]), ""), frozenset())
        name = next((k for k in value if k in fixed), "")
        return f"{_where(path)}: '{name}' is a field of its own, not an attribute in 'attrs'"
    if rule == "not" and key == "type" and path[:1] == ["links"]:
        return (
            f"{_where(path[:-1])}: {value} links are written in the quote or claim, not in 'links'"
        )
    if rule == "type":
        return f"{field} must be {' or '.join(_TYPE_NAMES.get(t, t) for t in kind.types)}"
    if rule == "enum":
        return f"{field} cannot be {_short(value)} (allowed: {', '.join(map(str, kind.options))})"
    if rule == "minimum":
        return f"{field} = {_short(value)} is out of range (must be ≥ {kind.limit})"
    if rule == "minLength":
        return f"{field} is empty"
    if rule == "pattern":
        return f"{field} cannot be {_short(value)} (must match {kind.pattern})"
    if rule.startswith("oneOf") or rule == "anyOf":
        return f"{field} cannot be {_short(value)} (see resources/export.schema.json)"
    return f"{field}: {' '.join(exc.message.split())}"


def check_import_record(data: Any) -> None:
    """The decoded JSON of one line against the import form of the schema."""
    try:
        _validator("import").validate(data)
    except jsonschema_rs.ValidationError as exc:
        raise RecordRefused(schema_reason(exc)) from None


def check_export_record(record: dict[str, Any]) -> None:
    """A record as export writes it against the schema itself; a failure here is a bug."""
    try:
        _validator("export").validate(record)
    except jsonschema_rs.ValidationError as exc:
        raise RecordRefused(f"export would write an invalid record: {schema_reason(exc)}") from None


# --- encoding ---------------------------------------------------------------------------------
def _piece(span: Span, text: str) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": text[span.start : span.end]}


def _with_attrs(item: dict[str, Any], span: Span) -> dict[str, Any]:
    """item plus "attrs" for the span's attributes that are not fixed fields (if any)."""
    if not span.attrs:  # most entities
        return item
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


def _kind(span: Span | None, kinds: tuple[str, ...]) -> Span | None:
    return span if span is not None and span.kind in kinds else None


def encode_record(
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
    """One record from a document's spans and links (no database access). with_annotator:
    every entity, quote and claim carries "annotator" (export --layer all)."""
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


def dumps_record(record: dict[str, Any]) -> str:
    """One line of the file (without its LF)."""
    return json.dumps(record, ensure_ascii=False, separators=(", ", ": "))


def record_span_count(record: dict[str, Any]) -> int:
    return sum(len(record.get(k, ())) for k in KINDS)


# --- decoding ---------------------------------------------------------------------------------
@dataclass
class ParsedRecord:
    document: Document
    spans: list[Span]
    links: list[Link]
    top_level: int  # entities + quotes + claims (what the summary counts as spans)
    unusual: dict[str, int]  # control characters (and U+FEFF) kept in the text: char -> count


# An escaped UTF-16 surrogate in the raw line: only then can the decoded JSON hold a lone one.
_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89abcdefABCDEF]")


def _lone_surrogate(value: Any, where: str) -> str | None:
    """Where the decoded JSON holds a lone surrogate (not Unicode text; SQLite and UTF-8
    cannot store it), or None."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            return f"{where or 'record'}: lone surrogate U+{ord(value[exc.start]):04X} (not Unicode text)"
        return None
    if isinstance(value, dict):
        for key, item in value.items():
            found = _lone_surrogate(key, where) or _lone_surrogate(
                item, f"{where}.{key}" if where else key
            )
            if found:
                return found
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found = _lone_surrogate(item, f"{where}[{i}]")
            if found:
                return found
    return None


def loads_record(line: str) -> dict[str, Any]:
    """The JSON object of one line; raises RecordRefused (never another exception)."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise RecordRefused(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise RecordRefused("not valid JSON (nested too deeply)") from None
    except ValueError as exc:  # an integer of more than sys.get_int_max_str_digits() digits
        raise RecordRefused(f"not usable JSON ({' '.join(str(exc).split())})") from None
    if not isinstance(data, dict):
        raise RecordRefused("a record must be a JSON object")
    if _ESCAPED_SURROGATE.search(line):
        found = _lone_surrogate(data, "")
        if found:
            raise RecordRefused(found)
    return data


def parse_record(line: str, schema: LabelSchema, source_default: str = "") -> ParsedRecord:
    """Parse and validate one JSONL line; raises RecordRefused with a one-line reason."""
    return decode_record(loads_record(line), schema, source_default)


def decode_record(data: Any, schema: LabelSchema, source_default: str = "") -> ParsedRecord:
    """A decoded JSON record -> document, spans, links; raises RecordRefused."""
    check_import_record(data)
    try:
        parsed = _RecordParser(data, schema, source_default).parse()
        # The same rules as every other writer (the window's session, schema changes). Each
        # rule of check_span ran on every span in the parser already, with a refusal that
        # names the record's field (see _RecordParser); what is left is ids and links.
        check_record(
            parsed.document.id,
            parsed.document.text,
            parsed.spans,
            parsed.links,
            schema,
            spans_checked=True,
        )
    except RecordRefused:
        raise
    except ValueError as exc:  # EditRefused, Span/Link/Document invariants
        raise RecordRefused(str(exc)) from None
    return parsed


def _is_int(value: Any) -> bool:
    return type(value) is int  # not bool, not 4.0 (which JSON Schema calls an integer)


class _RecordParser:
    """What the JSON Schema cannot check: the record against its text and the project's label
    schema. Types, required fields and enums were checked by the schema already.

    Every span it makes has passed each rule of annotation.validation.check_span (decode_record
    relies on it): its offsets are integers with 0 <= start < end <= len(text) (_range, or the
    fast path of _entities); its boundary is a policy (Span's constructor); its label is one of
    its kind (an entity's is looked up, the others get their kind's first label); each
    attribute is allowed (_checked one by one, claimant_article by schema.check_attrs); no
    span has another's id (kind_of)."""

    def __init__(self, data: dict[str, Any], schema: LabelSchema, source_default: str) -> None:
        self.data = data
        self.schema = schema
        self.source_default = source_default
        self.spans: list[Span] = []
        self.links: list[Link] = []
        self.kind_of: dict[str, str] = {}  # id -> kind of every span made so far
        # quote/claim id -> annotator ("" = the importing user), for their mentions and cues
        self.annotator_of: dict[str, str] = {}
        # references resolved once every span is known: (owner, link type, value, where)
        self._pending: list[tuple[str, str, Any, str]] = []
        self._pending_links: list[tuple[str, str, str, str]] = []
        self.doc_id = ""
        self.text = ""
        self.label_kind = schema.label_kinds
        self.default_label: dict[str, str] = {}  # kind -> its first label, once asked

    def _range(self, obj: dict[str, Any], where: str) -> tuple[int, int]:
        start, end = obj["start"], obj["end"]
        if not _is_int(start) or not _is_int(end):  # the schema lets 4.0 pass as an integer
            raise RecordRefused(f"{where}: 'start' and 'end' must be integers")
        if not 0 <= start < end <= len(self.text):
            raise RecordRefused(
                f"{where}: offsets [{start}, {end}) out of range (text length {len(self.text)})"
            )
        span_text = obj["text"]
        if self.text[start:end] != span_text:
            raise RecordRefused(
                f"{where}: text {_short(span_text)} does not match the document at "
                f"[{start}, {end}) ({_short(self.text[start:end])})"
            )
        return start, end

    def _default_label(self, kind: str) -> str:
        name = self.default_label.get(kind)
        if name is None:
            labels = self.schema.labels_for(kind)
            if not labels:
                raise RecordRefused(f"the project's schema has no label for {kind} spans")
            name = self.default_label[kind] = labels[0].name
        return name

    def _add_span(
        self,
        span_id: str,
        kind: str,
        label: str,
        start: int,
        end: int,
        attrs: dict[str, str],
        boundary: str,
        where: str,
        annotator: str = "",
        unchecked: dict[str, str] | None = None,
    ) -> None:
        """attrs were checked one by one (_checked) by the caller, except those in unchecked."""
        if span_id in self.kind_of:
            raise RecordRefused(f"{where}: duplicate span id {span_id}")
        if unchecked:
            try:
                self.schema.check_attrs(kind, unchecked)
            except SchemaError as exc:
                raise RecordRefused(f"{where}: {exc}") from None
        self.spans.append(
            Span(span_id, self.doc_id, kind, label, start, end, attrs, boundary, annotator)
        )
        self.kind_of[span_id] = kind
        if kind in ("quote", "claim"):
            self.annotator_of[span_id] = annotator

    def _annotator(self, obj: dict[str, Any], where: str) -> str:
        """The span's "annotator" (export --layer all), or "" for the importing user."""
        name = obj.get("annotator")
        if name is None or name == GOLD:
            return name or ""
        try:
            return check_annotator_name(name)
        except LayerError as exc:
            raise RecordRefused(f"{where}: {exc}") from None

    def _link(self, type_name: str, source: str, target: str, where: str) -> None:
        try:
            self.schema.check_link(type_name, self.kind_of[source], self.kind_of[target])
        except SchemaError as exc:
            raise RecordRefused(f"{where}: {exc}") from None
        self.links.append(Link(f"{source}:{type_name}", self.doc_id, type_name, source, target))

    def _checked(self, kind: str, name: str, value: Any, where: str) -> str:
        """value, when the project's schema allows it for kind.name; else the record is refused."""
        try:
            attr = self.schema.attribute(kind, name)
        except SchemaError as exc:
            raise RecordRefused(f"{where}: {exc}") from None
        if not attr.accepts(value):
            allowed = ", ".join(attr.values or ()) or "a string"
            raise RecordRefused(f"{where}: '{name}' cannot be {_short(value)} (allowed: {allowed})")
        return value

    def _extra_attrs(self, obj: dict[str, Any], kind: str, where: str) -> dict[str, str]:
        """The span's "attrs": attributes of the project's schema that are not fixed fields."""
        value = obj.get("attrs", {})
        for name, item in value.items():
            if name in FIXED_ATTRS[kind]:
                raise RecordRefused(
                    f"{where}.attrs: '{name}' is a field of its own, not an attribute in 'attrs'"
                )
            self._checked(kind, name, item, f"{where}.attrs")
        return dict(value)

    def _other_links(self, items: list[dict[str, Any]]) -> None:
        """The record's "links": types other than speaker/cue/claimant/in_quote."""
        if not items:
            return
        # the ids of the record's entities, quotes and claims (not its mentions and cues)
        listed = {obj["id"] for key in KINDS for obj in self.data.get(key, ())}
        seen: set[tuple[str, str, str]] = set()
        per_source: dict[tuple[str, str], int] = {}
        for i, obj in enumerate(items):
            where = f"links[{i}]"
            type_name, source, target = obj["type"], obj["source"], obj["target"]
            try:
                link_type = self.schema.link_type(type_name)
            except SchemaError as exc:
                raise RecordRefused(f"{where}: {exc}") from None
            for end in (source, target):
                if end not in listed:
                    raise RecordRefused(
                        f"{where}: {_short(end)} is not an entity, quote or claim of this record"
                    )
            if source == target:
                raise RecordRefused(f"{where}: a span cannot link to itself")
            if (type_name, source, target) in seen:
                raise RecordRefused(f"{where}: the same {type_name} link twice")
            seen.add((type_name, source, target))
            count = per_source[(type_name, source)] = per_source.get((type_name, source), 0) + 1
            if link_type.max_per_source is not None and count > link_type.max_per_source:
                raise RecordRefused(
                    f"{where}: more than {link_type.max_per_source} {type_name} link(s) from {source}"
                )
            try:
                self.schema.check_link(type_name, self.kind_of[source], self.kind_of[target])
            except SchemaError as exc:
                raise RecordRefused(f"{where}: {exc}") from None
            self.links.append(
                Link(f"{source}:{type_name}:{target}", self.doc_id, type_name, source, target)
            )

    # --- the record ------------------------------------------------------------------------
    def parse(self) -> ParsedRecord:
        data = self.data
        self.doc_id = data["id"]
        # JSON text is exact data: stored as is, never normalised (the schema refuses CR and
        # NUL). Other control characters are kept and reported, unless there are so many that
        # the "text" is binary data.
        text = self.text = data["text"]
        if not text or text.isspace():  # not text.strip(), without copying the text
            raise RecordRefused("the text is empty or only whitespace")
        unusual = unusual_characters(text)
        if unusual.binary:
            raise RecordRefused(f"the text is binary data ({unusual.describe()})")
        meta = data.get("meta", {})
        source = meta.get("source", self.source_default)
        status = meta.get("status", "new")
        digest = sha256_of(text)
        if "sha256" in meta and meta["sha256"] != digest:
            raise RecordRefused("meta: 'sha256' does not match the text")
        document = Document(self.doc_id, text, source, digest, status)

        entities = data.get("entities", [])
        quotes = data.get("quotes", [])
        claims = data.get("claims", [])
        self._entities(entities)
        for i, obj in enumerate(quotes):
            self._quote(obj, f"quotes[{i}]")
        for i, obj in enumerate(claims):
            self._claim(obj, f"claims[{i}]")
        self._resolve_references()
        self._other_links(data.get("links", []))
        return ParsedRecord(
            document,
            self.spans,
            self.links,
            len(entities) + len(quotes) + len(claims),
            unusual.counts,
        )

    def _entities(self, items: list[dict[str, Any]]) -> None:
        """The entities, most of a record: a plain one (no attrs, no annotator) that passes
        the same checks as _entity is taken inline; anything else, and every refusal, goes
        through _entity, which says why."""
        text, length, doc_id = self.text, len(self.text), self.doc_id
        label_kind, spans, kind_of = self.label_kind, self.spans, self.kind_of
        for i, obj in enumerate(items):
            start, end, span_id, label = obj["start"], obj["end"], obj["id"], obj["label"]
            if (
                type(start) is int
                and type(end) is int
                and 0 <= start < end <= length
                and text[start:end] == obj["text"]
                and label_kind.get(label) == "entity"
                and span_id not in kind_of
                and "attrs" not in obj
                and "annotator" not in obj
            ):
                boundary = obj.get("boundary", "token")
                spans.append(Span(span_id, doc_id, "entity", label, start, end, {}, boundary))
                kind_of[span_id] = "entity"
            else:
                self._entity(obj, f"entities[{i}]")

    def _entity(self, obj: dict[str, Any], where: str) -> None:
        span_id = obj["id"]
        start, end = self._range(obj, where)
        label = obj["label"]
        kind = self.label_kind.get(label)
        if kind is None:
            raise RecordRefused(f"{where}: unknown label {label!r}")
        if kind != "entity":
            raise RecordRefused(f"{where}: label {label} is for {kind} spans, not entities")
        self._add_span(
            span_id,
            "entity",
            label,
            start,
            end,
            self._extra_attrs(obj, "entity", where) if "attrs" in obj else {},
            obj.get("boundary", "token"),
            where,
            self._annotator(obj, where),
        )

    def _quote(self, obj: dict[str, Any], where: str) -> None:
        span_id = obj["id"]
        start, end = self._range(obj, where)
        attrs = {"type": self._checked("quote", "type", obj["type"], where)}
        if "attrs" in obj:
            attrs.update(self._extra_attrs(obj, "quote", where))
        self._add_span(
            span_id,
            "quote",
            self._default_label("quote"),
            start,
            end,
            attrs,
            "token",
            where,
            self._annotator(obj, where),
        )
        self._pending.append((span_id, "speaker", obj["speaker"], where + ".speaker"))
        cue = obj["cue"]
        if cue is not None:
            self._sub_span(cue, span_id + CUE_SUFFIX, "cue", where + ".cue")
            self._pending_links.append(("cue", span_id, span_id + CUE_SUFFIX, where + ".cue"))

    def _claim(self, obj: dict[str, Any], where: str) -> None:
        span_id = obj["id"]
        start, end = self._range(obj, where)
        attrs = {
            name: self._checked("claim", name, obj[name], where)
            for name in ("checkworthy", "type", "note")
        }
        claimant = obj["claimant"]
        article = isinstance(claimant, dict) and "article" in claimant
        attrs["claimant_article"] = "yes" if article else "no"
        if "attrs" in obj:
            attrs.update(self._extra_attrs(obj, "claim", where))
        self._add_span(
            span_id,
            "claim",
            self._default_label("claim"),
            start,
            end,
            attrs,
            "token",
            where,
            self._annotator(obj, where),
            unchecked={"claimant_article": attrs["claimant_article"]},
        )
        if not article:
            self._pending.append((span_id, "claimant", claimant, where + ".claimant"))
        quote = obj["quote"]
        if quote is not None:
            self._pending_links.append(("in_quote", span_id, quote, where + ".quote"))

    def _sub_span(self, obj: dict[str, Any], span_id: str, kind: str, where: str) -> None:
        start, end = self._range(obj, where)
        # a mention or cue is in its quote's or claim's layer
        owner = self.annotator_of.get(span_id.rsplit(":", 1)[0], "")
        self._add_span(
            span_id, kind, self._default_label(kind), start, end, {}, "token", where, owner
        )

    def _resolve_references(self) -> None:
        # speaker / claimant: {"entity": id} or {"start", "end", "text"} (a mention) or null
        for owner, link_type, value, where in self._pending:
            if value is None:
                continue
            if "entity" in value:
                target = value["entity"]
                if self.kind_of.get(target) != "entity":
                    raise RecordRefused(f"{where}: entity {_short(target)} is not in this record")
                self._link(link_type, owner, target, where)
            else:
                suffix = SPEAKER_SUFFIX if link_type == "speaker" else CLAIMANT_SUFFIX
                self._sub_span(value, owner + suffix, "mention", where)
                self._link(link_type, owner, owner + suffix, where)
        for link_type, source, target, where in self._pending_links:
            if link_type == "in_quote" and self.kind_of.get(target) != "quote":
                raise RecordRefused(f"{where}: quote {_short(target)} is not in this record")
            self._link(link_type, source, target, where)
