"""Importing articles (.txt) and native JSONL records (.jsonl, the format storage/exporter.py
writes) into a project.

Used by the command line (main.py import) and by the window, which calls `expand_paths` once
and then `import_file` per file (in chunks, to keep the interface responsive) or simply
`import_paths` with a progress callback.

Rules:
- A refusal stores nothing for that input and says why in one line (`format_refusal`).
- Re-importing a text already in the project (same SHA-256) is skipped, not duplicated, and
  is not a refusal.
- A JSONL record (document + its spans + links) is stored in one transaction; an invalid
  record is refused with its line number while the other records of the file still import.
- A span's "attrs" and the record's "links" (attributes and link types the project's schema
  adds) are checked against the project's schema: an unknown attribute or link type, a value
  the attribute does not allow, a link joining kinds its type does not allow, more links from
  one span than the type's max_per_source, or an id that is not an entity, quote or claim of
  the record refuse the record.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotation.documents import STATUSES, Document, sha256_of
from annotation.errors import HashiyaError
from annotation.layers import GOLD, LayerError, check_annotator_name
from annotation.schema import LabelSchema, SchemaError
from annotation.spans import BOUNDARY_POLICIES, Link, Span
from annotation.textio import InputRefused, decode_text
from storage.exporter import FIXED_ATTRS, FIXED_LINK_TYPES
from storage.paths import default_db_path
from storage.project import Project

__all__ = [
    "ACCEPTED_SUFFIXES",
    "FileResult",
    "ImportReport",
    "Refusal",
    "Skip",
    "default_db_path",
    "expand_paths",
    "format_refusal",
    "format_skip",
    "import_file",
    "import_paths",
    "import_text",
    "parse_record",
]

ACCEPTED_SUFFIXES = (".txt", ".jsonl")

# Ids of spans that exist only as objects inside a quote or claim in the JSONL format
# (a mention speaker or claimant, a cue). They are derived from the owner's id, so that
# import -> export -> import is stable and re-importing the same record cannot create twins.
SPEAKER_SUFFIX = ":speaker"
CUE_SUFFIX = ":cue"
CLAIMANT_SUFFIX = ":claimant"


@dataclass(frozen=True, slots=True)
class Refusal:
    path: Path
    line: int | None  # 1-based line of a JSONL file, None for a whole file
    reason: str


@dataclass(frozen=True, slots=True)
class Skip:
    """A text already in the project (same SHA-256): not imported again."""

    path: Path
    line: int | None
    existing_doc_id: str


@dataclass
class FileResult:
    path: Path
    imported: list[str] = field(default_factory=list)  # document ids
    spans: int = 0
    skipped: list[Skip] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)


@dataclass
class ImportReport:
    imported: list[tuple[Path, str]] = field(default_factory=list)  # (path, doc id)
    spans: int = 0
    skipped: list[Skip] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)

    def add(self, result: FileResult) -> None:
        self.imported.extend((result.path, doc_id) for doc_id in result.imported)
        self.spans += result.spans
        self.skipped.extend(result.skipped)
        self.refused.extend(result.refused)

    @property
    def ok(self) -> bool:
        """True when every input was taken (skipped duplicates count as taken)."""
        return not self.refused

    def summary(self) -> str:
        docs = len(self.imported)
        return (
            f"imported {docs} document{'s' if docs != 1 else ''}, "
            f"{self.spans} span{'s' if self.spans != 1 else ''}; "
            f"skipped {len(self.skipped)}; refused {len(self.refused)}"
        )


def _where(path: Path, line: int | None) -> str:
    return f"{path}: line {line}" if line is not None else str(path)


def format_refusal(refusal: Refusal) -> str:
    """One line: '<file>: <reason>' or '<file>: line <n>: <reason>'."""
    reason = " ".join(refusal.reason.split())  # never more than one line
    return f"{_where(refusal.path, refusal.line)}: {reason}"


def format_skip(skip: Skip) -> str:
    return (
        f"{_where(skip.path, skip.line)}: skipped, same text as {skip.existing_doc_id} "
        "already in the project"
    )


Progress = Callable[[int, int, Path], None]  # (files done, files total, file just done)


# --- paths ----------------------------------------------------------------------------------
def _accepted(path: Path) -> bool:
    return path.suffix.lower() in ACCEPTED_SUFFIXES


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files to import, in order: a folder becomes its .txt/.jsonl files (recursive, sorted,
    hidden files and folders left out); anything else is kept as given, so that import_file
    can refuse it with a reason (missing file, unknown extension). A folder without any
    importable file is kept too (import_file refuses it)."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if _accepted(p)
                and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            out.extend(found if found else [path])
        else:
            out.append(path)
    return out


# --- the whole import -----------------------------------------------------------------------
def import_paths(
    project: Project, paths: Iterable[str | Path], progress: Progress | None = None
) -> ImportReport:
    report = ImportReport()
    files = expand_paths(paths)
    for i, path in enumerate(files, 1):
        report.add(import_file(project, path))
        if progress is not None:
            progress(i, len(files), path)
    return report


def import_file(project: Project, path: str | Path) -> FileResult:
    """Import one .txt article or one native .jsonl file; never raises for bad input."""
    path = Path(path)
    result = FileResult(path)
    suffix = path.suffix.lower()
    if path.is_dir():
        result.refused.append(
            Refusal(path, None, f"is a folder without {' or '.join(ACCEPTED_SUFFIXES)} files")
        )
        return result
    if suffix not in ACCEPTED_SUFFIXES:
        what = f"'{path.suffix}'" if path.suffix else "without an extension"
        result.refused.append(
            Refusal(
                path,
                None,
                f"unsupported file type {what} (accepted: {', '.join(ACCEPTED_SUFFIXES)})",
            )
        )
        return result
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        result.refused.append(Refusal(path, None, "no such file"))
        return result
    except OSError as exc:
        result.refused.append(Refusal(path, None, f"cannot read the file ({exc.strerror or exc})"))
        return result
    try:
        text = decode_text(data)[0] if suffix == ".txt" else _decode_jsonl(data)
    except InputRefused as exc:
        result.refused.append(Refusal(path, None, str(exc)))
        return result
    if suffix == ".txt":
        import_text(project, text, path.name, result)
    else:
        _import_jsonl(project, text, path, result)
    return result


def _decode_jsonl(data: bytes) -> str:
    """JSON files are UTF-8 (RFC 8259), a BOM is tolerated; no other encoding is guessed.
    Line breaks are not normalised here: CR is JSON whitespace between records, and inside a
    string it can only appear escaped (and is then refused by the record check)."""
    if not data.strip():
        raise InputRefused("the file is empty")
    if b"\x00" in data:
        raise InputRefused("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputRefused(f"not UTF-8 text (undecodable byte at offset {exc.start})") from None


def _bad_control(text: str) -> str | None:
    """The first control character a stored text may not contain (same rule as for .txt
    files: tab, LF, FF and VT are allowed), or None."""
    for c in text:
        if (ord(c) < 32 or 0x7F <= ord(c) < 0xA0) and c not in "\t\n\f\v":
            return c
    return None


def _existing_doc_with(project: Project, sha256: str) -> str | None:
    row = project.db.execute("SELECT id FROM documents WHERE sha256 = ?", [sha256]).fetchone()
    return row[0] if row else None


def import_text(
    project: Project, text: str, source: str, result: FileResult, line: int | None = None
) -> None:
    """Store one decoded article text (LF newlines) as a new document, unless its text is
    already in the project."""
    doc = Document.create(text, source)
    existing = _existing_doc_with(project, doc.sha256)
    if existing is not None:
        result.skipped.append(Skip(result.path, line, existing))
        return
    try:
        project.add_document(doc)
    except sqlite3.Error as exc:
        result.refused.append(Refusal(result.path, line, f"cannot store the document ({exc})"))
        return
    result.imported.append(doc.id)


# --- native JSONL -----------------------------------------------------------------------------
class RecordRefused(HashiyaError, ValueError):
    """A JSONL record is invalid; str() is the reason."""


@dataclass
class ParsedRecord:
    document: Document
    spans: list[Span]
    links: list[Link]
    top_level: int  # entities + quotes + claims (what the summary counts as spans)


def _import_jsonl(project: Project, content: str, path: Path, result: FileResult) -> None:
    schema = project.schema()
    records = 0
    # Split on LF only: str.splitlines() would also split on U+2028 and friends, which JSON
    # allows unescaped inside strings. decode_text already turned CRLF/CR into LF.
    for lineno, line in enumerate(content.split("\n"), 1):
        if not line.strip():
            continue
        records += 1
        try:
            parsed = parse_record(line, schema, source_default=f"{path.name}:{lineno}")
        except RecordRefused as exc:
            result.refused.append(Refusal(path, lineno, str(exc)))
            continue
        _store_record(project, parsed, result, lineno)
    if records == 0:
        result.refused.append(Refusal(path, None, "the file contains no records"))


def _store_record(project: Project, parsed: ParsedRecord, result: FileResult, lineno: int) -> None:
    doc = parsed.document
    existing = _existing_doc_with(project, doc.sha256)
    if existing is not None:
        result.skipped.append(Skip(result.path, lineno, existing))
        return
    refusal = _conflicts(project, parsed)
    if refusal:
        result.refused.append(Refusal(result.path, lineno, refusal))
        return
    try:
        # Document, spans and links in one transaction: a record is stored whole or not at all.
        with project.transaction():
            project.add_document(doc)  # with meta.status
            project.insert(parsed.spans, parsed.links, action="import")
    except sqlite3.Error as exc:
        result.refused.append(Refusal(result.path, lineno, f"cannot store the record ({exc})"))
        return
    result.imported.append(doc.id)
    result.spans += parsed.top_level


def _existing_ids(project: Project, table: str, ids: Sequence[str]) -> list[str]:
    found: list[str] = []
    for i in range(0, len(ids), 500):
        chunk = list(ids[i : i + 500])
        rows = project.db.execute(
            f"SELECT id FROM {table} WHERE id IN ({','.join('?' * len(chunk))})", chunk
        ).fetchall()
        found.extend(r[0] for r in rows)
    return found


def _conflicts(project: Project, parsed: ParsedRecord) -> str | None:
    doc = parsed.document
    if project.db.execute("SELECT 1 FROM documents WHERE id = ?", [doc.id]).fetchone():
        return f"document id {doc.id} is already in the project with a different text"
    taken = _existing_ids(project, "annotations", [s.id for s in parsed.spans])
    if taken:
        more = f" (and {len(taken) - 1} more)" if len(taken) > 1 else ""
        return f"span id {taken[0]} is already in the project{more}"
    taken = _existing_ids(project, "links", [lk.id for lk in parsed.links])
    if taken:
        return f"link id {taken[0]} is already in the project"
    return None


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class _RecordParser:
    """Validates one decoded JSON record against the text and the project's label schema."""

    def __init__(self, data: dict[str, Any], schema: LabelSchema, source_default: str) -> None:
        self.data = data
        self.schema = schema
        self.source_default = source_default
        self.spans: list[Span] = []
        self.links: list[Link] = []
        self.ids: set[str] = set()
        self.kind_of: dict[str, str] = {}  # id -> kind, for spans named in the record
        self.annotator_of: dict[str, str] = {}  # id -> annotator ("" = the importing user)
        self.listed: set[str] = set()  # ids of the record's entities, quotes and claims
        # references resolved once every span is known: (owner, link type, value, where)
        self._pending: list[tuple[str, str, Any, str]] = []
        self._pending_links: list[tuple[str, str, str, str]] = []
        self.doc_id = ""
        self.text = ""

    # --- helpers ---------------------------------------------------------------------------
    def _str(self, obj: dict[str, Any], key: str, where: str) -> str:
        if key not in obj:
            raise RecordRefused(f"{where}: missing field '{key}'")
        value = obj[key]
        if not isinstance(value, str):
            raise RecordRefused(f"{where}: '{key}' must be a string")
        return value

    def _id(self, obj: dict[str, Any], where: str) -> str:
        value = self._str(obj, "id", where)
        if not value:
            raise RecordRefused(f"{where}: 'id' is empty")
        return value

    def _range(self, obj: dict[str, Any], where: str) -> tuple[int, int]:
        for key in ("start", "end", "text"):
            if key not in obj:
                raise RecordRefused(f"{where}: missing field '{key}'")
        start, end = obj["start"], obj["end"]
        if not _is_int(start) or not _is_int(end):
            raise RecordRefused(f"{where}: 'start' and 'end' must be integers")
        if not 0 <= start < end <= len(self.text):
            raise RecordRefused(
                f"{where}: offsets [{start}, {end}) out of range (text length {len(self.text)})"
            )
        span_text = obj["text"]
        if not isinstance(span_text, str):
            raise RecordRefused(f"{where}: 'text' must be a string")
        if self.text[start:end] != span_text:
            raise RecordRefused(
                f"{where}: text {span_text!r} does not match the document at [{start}, {end}) "
                f"({self.text[start:end]!r})"
            )
        return start, end

    def _claim_id(self, span_id: str, where: str) -> None:
        if span_id in self.ids:
            raise RecordRefused(f"{where}: duplicate span id {span_id}")
        self.ids.add(span_id)

    def _default_label(self, kind: str) -> str:
        labels = self.schema.labels_for(kind)
        if not labels:
            raise RecordRefused(f"the project's schema has no label for {kind} spans")
        return labels[0].name

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
    ) -> None:
        self._claim_id(span_id, where)
        try:
            self.schema.check_attrs(kind, attrs)
        except SchemaError as exc:
            raise RecordRefused(f"{where}: {exc}") from None
        self.spans.append(
            Span(span_id, self.doc_id, kind, label, start, end, attrs, boundary, annotator)
        )
        self.kind_of[span_id] = kind
        self.annotator_of[span_id] = annotator

    def _annotator(self, obj: dict[str, Any], where: str) -> str:
        """The span's "annotator" (export --layer all), or "" for the importing user."""
        if "annotator" not in obj:
            return ""
        name = obj["annotator"]
        if not isinstance(name, str):
            raise RecordRefused(f"{where}: 'annotator' must be a string")
        if name == GOLD:
            return name
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

    def _list(self, key: str) -> list[Any]:
        value = self.data.get(key, [])
        if not isinstance(value, list):
            raise RecordRefused(f"'{key}' must be a list")
        for i, item in enumerate(value):
            if not isinstance(item, dict):
                raise RecordRefused(f"{key}[{i}] must be an object")
        return value

    def _attr(self, obj: dict[str, Any], kind: str, name: str, where: str) -> str:
        if name not in obj:
            raise RecordRefused(f"{where}: missing field '{name}'")
        return self._checked(kind, name, obj[name], where)

    def _checked(self, kind: str, name: str, value: Any, where: str) -> str:
        """value, when the project's schema allows it for kind.name; else the record is refused."""
        try:
            attr = self.schema.attribute(kind, name)
        except SchemaError as exc:
            raise RecordRefused(f"{where}: {exc}") from None
        if not attr.accepts(value):
            allowed = ", ".join(attr.values or ()) or "a string"
            raise RecordRefused(f"{where}: '{name}' cannot be {value!r} (allowed: {allowed})")
        return value

    def _extra_attrs(self, obj: dict[str, Any], kind: str, where: str) -> dict[str, str]:
        """The span's "attrs": attributes of the project's schema that are not fixed fields."""
        value = obj.get("attrs", {})
        if not isinstance(value, dict):
            raise RecordRefused(f"{where}: 'attrs' must be an object")
        for name, item in value.items():
            if name in FIXED_ATTRS[kind]:
                raise RecordRefused(
                    f"{where}.attrs: '{name}' is a field of its own, not an attribute in 'attrs'"
                )
            self._checked(kind, name, item, f"{where}.attrs")
        return dict(value)

    def _other_links(self, items: list[dict[str, Any]]) -> None:
        """The record's "links": types other than speaker/cue/claimant/in_quote."""
        seen: set[tuple[str, str, str]] = set()
        per_source: dict[tuple[str, str], int] = {}
        for i, obj in enumerate(items):
            where = f"links[{i}]"
            type_name = self._str(obj, "type", where)
            source = self._str(obj, "source", where)
            target = self._str(obj, "target", where)
            if type_name in FIXED_LINK_TYPES:
                raise RecordRefused(
                    f"{where}: {type_name} links are written in the quote or claim, not in 'links'"
                )
            try:
                link_type = self.schema.link_type(type_name)
            except SchemaError as exc:
                raise RecordRefused(f"{where}: {exc}") from None
            for end in (source, target):
                if end not in self.listed:
                    raise RecordRefused(
                        f"{where}: {end!r} is not an entity, quote or claim of this record"
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
        self.doc_id = self._id(data, "record")
        text = self._str(data, "text", "record")
        # JSON text is exact data: stored as is, never normalised. Stored texts are LF-only
        # (span offsets would shift otherwise), so a text with CR is refused, not rewritten.
        if "\r" in text:
            raise RecordRefused("the text contains carriage returns (CR); stored texts use LF only")
        bad = _bad_control(text)
        if bad is not None:
            raise RecordRefused(f"the text contains the control character U+{ord(bad):04X}")
        if not text.strip():
            raise RecordRefused("the text is empty or only whitespace")
        self.text = text
        meta = data.get("meta", {})
        if not isinstance(meta, dict):
            raise RecordRefused("'meta' must be an object")
        source = meta.get("source", self.source_default)
        if not isinstance(source, str):
            raise RecordRefused("meta: 'source' must be a string")
        status = meta.get("status", "new")
        if status not in STATUSES:
            raise RecordRefused(f"meta: unknown status {status!r} (allowed: {', '.join(STATUSES)})")
        digest = sha256_of(text)
        if "sha256" in meta and meta["sha256"] != digest:
            raise RecordRefused("meta: 'sha256' does not match the text")
        document = Document(self.doc_id, text, source, digest, status)

        entities = self._list("entities")
        quotes = self._list("quotes")
        claims = self._list("claims")
        # Ids named in the file first, so that references and derived ids are checked
        # against all of them.
        for key, items in (("entities", entities), ("quotes", quotes), ("claims", claims)):
            for i, obj in enumerate(items):
                self.listed.add(self._id(obj, f"{key}[{i}]"))
        links = self._list("links")
        for i, obj in enumerate(entities):
            self._entity(obj, f"entities[{i}]")
        for i, obj in enumerate(quotes):
            self._quote(obj, f"quotes[{i}]")
        for i, obj in enumerate(claims):
            self._claim(obj, f"claims[{i}]")
        self._resolve_references()
        self._other_links(links)
        return ParsedRecord(
            document, self.spans, self.links, len(entities) + len(quotes) + len(claims)
        )

    def _entity(self, obj: dict[str, Any], where: str) -> None:
        span_id = self._id(obj, where)
        start, end = self._range(obj, where)
        label = self._str(obj, "label", where)
        if not self.schema.has_label(label):
            raise RecordRefused(f"{where}: unknown label {label!r}")
        kind = self.schema.label(label).kind
        if kind != "entity":
            raise RecordRefused(f"{where}: label {label} is for {kind} spans, not entities")
        boundary = obj.get("boundary", "token")
        if boundary not in BOUNDARY_POLICIES:
            raise RecordRefused(
                f"{where}: unknown boundary {boundary!r} (allowed: {', '.join(BOUNDARY_POLICIES)})"
            )
        self._add_span(
            span_id,
            "entity",
            label,
            start,
            end,
            self._extra_attrs(obj, "entity", where),
            boundary,
            where,
            self._annotator(obj, where),
        )

    def _quote(self, obj: dict[str, Any], where: str) -> None:
        span_id = self._id(obj, where)
        start, end = self._range(obj, where)
        attrs = {
            "type": self._attr(obj, "quote", "type", where),
            **self._extra_attrs(obj, "quote", where),
        }
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
        for key in ("speaker", "cue"):
            if key not in obj:
                raise RecordRefused(f"{where}: missing field '{key}' (use null for none)")
        self._pending.append((span_id, "speaker", obj["speaker"], where + ".speaker"))
        cue = obj["cue"]
        if cue is not None:
            self._sub_span(cue, span_id + CUE_SUFFIX, "cue", where + ".cue")
            self._pending_links.append(("cue", span_id, span_id + CUE_SUFFIX, where + ".cue"))

    def _claim(self, obj: dict[str, Any], where: str) -> None:
        span_id = self._id(obj, where)
        start, end = self._range(obj, where)
        attrs = {
            name: self._attr(obj, "claim", name, where) for name in ("checkworthy", "type", "note")
        }
        for key in ("claimant", "quote"):
            if key not in obj:
                raise RecordRefused(f"{where}: missing field '{key}' (use null for none)")
        claimant = obj["claimant"]
        article = isinstance(claimant, dict) and "article" in claimant
        if article and (claimant != {"article": True}):
            raise RecordRefused(
                f'{where}.claimant: must be {{"article": true}} when it names the article'
            )
        attrs["claimant_article"] = "yes" if article else "no"
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
        )
        if not article:
            self._pending.append((span_id, "claimant", claimant, where + ".claimant"))
        quote = obj["quote"]
        if quote is not None:
            if not isinstance(quote, str):
                raise RecordRefused(f"{where}: 'quote' must be a quote id or null")
            self._pending_links.append(("in_quote", span_id, quote, where + ".quote"))

    def _sub_span(self, obj: Any, span_id: str, kind: str, where: str) -> None:
        if not isinstance(obj, dict):
            raise RecordRefused(f"{where}: must be an object or null")
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
            if isinstance(value, dict) and "entity" in value:
                target = value["entity"]
                if not isinstance(target, str):
                    raise RecordRefused(f"{where}: 'entity' must be an entity id")
                if self.kind_of.get(target) != "entity":
                    raise RecordRefused(f"{where}: entity {target} is not in this record")
                self._link(link_type, owner, target, where)
            else:
                suffix = SPEAKER_SUFFIX if link_type == "speaker" else CLAIMANT_SUFFIX
                self._sub_span(value, owner + suffix, "mention", where)
                self._link(link_type, owner, owner + suffix, where)
        for link_type, source, target, where in self._pending_links:
            if link_type == "in_quote" and self.kind_of.get(target) != "quote":
                raise RecordRefused(f"{where}: quote {target} is not in this record")
            self._link(link_type, source, target, where)


def parse_record(line: str, schema: LabelSchema, source_default: str = "") -> ParsedRecord:
    """Parse and validate one JSONL line; raises RecordRefused with a one-line reason."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise RecordRefused(f"not valid JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise RecordRefused("not valid JSON (nested too deeply)") from None
    if not isinstance(data, dict):
        raise RecordRefused("a record must be a JSON object")
    try:
        return _RecordParser(data, schema, source_default).parse()
    except ValueError as exc:  # Span/Link/Document invariants; normally caught above
        if isinstance(exc, RecordRefused):
            raise
        raise RecordRefused(str(exc)) from None
