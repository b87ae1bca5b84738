"""Importing articles (.txt) and native JSONL files (.jsonl, storage/formats/native.py) into a
project.

Used by the command line (main.py import) and by the window, which calls `expand_paths` once
and then `import_files` in a worker thread on its own connection (ui.import_worker), with
the `starting` and `within` hooks: progress inside a big JSONL file, and Stop before the next
file or at the next batch.

Rules:
- Every input gives an import or a one-line refusal naming the file (and line): no exception
  escapes for bad input, whatever the bytes, the JSON or the file name (a name that is not
  UTF-8 is shown with its bad bytes escaped, `display_path`).
- A refusal stores nothing for that input. A JSONL record (document + spans + links) is stored
  whole or not at all (a batch is stored under one savepoint, and again record by record, a
  savepoint each, when the database refuses any of it); an invalid record is refused with its line
  number while the other records of the file still import.
- Re-importing a text already in the project (same SHA-256) is skipped, not duplicated, and
  is not a refusal.
- Streaming: a JSONL file is read line by line and stored in batches of records, one
  transaction per batch, positions assigned inside it; memory stays flat whatever the file's
  size, and nothing per document scans the project.
- Control characters that real articles carry (an isolated U+001A, U+0007, U+FEFF...) are kept
  byte-identical and counted in the summary; only binary data is refused (textio).
"""

from __future__ import annotations

import codecs
import os
import sqlite3
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from annotation.documents import Document
from annotation.errors import HashiyaError
from annotation.textio import (
    InputRefused,
    Unusual,
    damaged_utf8,
    decode_text,
    describe_characters,
    unusual_characters,
    utf8_refusal,
)
from storage.formats.conll import ConllRefused, conll_records, line_of_refusal
from storage.formats.native import (
    CLAIMANT_SUFFIX,
    CUE_SUFFIX,
    SPEAKER_SUFFIX,
    ParsedRecord,
    RecordRefused,
    decode_record,
    parse_record,
)
from storage.paths import default_db_path
from storage.project import Project, ProjectError
from storage.search_index import IndexEntry, index_entry

__all__ = [
    "ACCEPTED_SUFFIXES",
    "CLAIMANT_SUFFIX",
    "CUE_SUFFIX",
    "SPEAKER_SUFFIX",
    "FileResult",
    "ImportReport",
    "Refusal",
    "Skip",
    "default_db_path",
    "display_path",
    "expand_paths",
    "format_refusal",
    "format_stop",
    "format_skip",
    "import_file",
    "import_files",
    "import_paths",
    "import_text",
]

ACCEPTED_SUFFIXES = (".txt", ".jsonl")
FORMATS = ("native", "conll")
# Files a folder gives in each format (a file named on its own is read in the format asked).
FOLDER_SUFFIXES = {"native": ACCEPTED_SUFFIXES, "conll": (".conll", ".txt", ".tsv")}
# Records per transaction, or fewer when their texts are long: small enough that a file of a
# few hundred news articles makes several batches (one is written while the next is read),
# large enough that FTS5 makes few segments. FTS5 writes a segment per transaction and merges
# them as they pile up: 5,000 news articles in batches of 128 instead of 64 cost SQLite 14 %
# fewer instructions, 256 a further 3 % for a fifth more memory (ADR 0008).
BATCH_RECORDS = 128
BATCH_CHARS = 1_000_000
# The first batch of a file is an eighth of that, the next ones twice the one before: the
# writer thread starts after the first, and until then nothing overlaps.
FIRST_BATCH_SHARE = 8
LINE_BUFFER = 1 << 20  # bytes read at a time from a JSONL file


def display_path(path: str | os.PathLike[str]) -> str:
    """A path as text that can always be printed and stored: bytes of a file name that are
    not UTF-8 (os.fsdecode keeps them as lone surrogates) are shown as \\xNN."""
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


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
    unusual: dict[str, int] = field(default_factory=dict)  # kept control characters -> count
    unusual_documents: int = 0  # documents that hold some
    repaired: int = 0  # bad UTF-8 bytes replaced by U+FFFD (--repair)
    warnings: list[str] = field(default_factory=list)  # taken, but worth a look
    # the first line not read when the `within` hook stopped the reading (None: read to the end)
    stopped_at_line: int | None = None

    def keep_unusual(self, counts: dict[str, int]) -> None:
        if counts:
            self.unusual_documents += 1
            for c, n in counts.items():
                self.unusual[c] = self.unusual.get(c, 0) + n


@dataclass
class ImportReport:
    imported: list[tuple[Path, str]] = field(default_factory=list)  # (path, doc id)
    spans: int = 0
    skipped: list[Skip] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    unusual: dict[str, int] = field(default_factory=dict)
    unusual_documents: int = 0
    repaired: int = 0
    repaired_files: int = 0
    warnings: list[str] = field(default_factory=list)
    stopped: list[tuple[Path, int]] = field(default_factory=list)  # (file, first line not read)

    def add(self, result: FileResult) -> None:
        self.imported.extend((result.path, doc_id) for doc_id in result.imported)
        self.spans += result.spans
        self.skipped.extend(result.skipped)
        self.refused.extend(result.refused)
        for c, n in result.unusual.items():
            self.unusual[c] = self.unusual.get(c, 0) + n
        self.unusual_documents += result.unusual_documents
        self.warnings.extend(result.warnings)
        if result.stopped_at_line is not None:
            self.stopped.append((result.path, result.stopped_at_line))
        if result.repaired:
            self.repaired += result.repaired
            self.repaired_files += 1

    @property
    def ok(self) -> bool:
        """True when every input was taken (skipped duplicates count as taken)."""
        return not self.refused

    def summary(self) -> str:
        docs = len(self.imported)
        out = (
            f"imported {docs} document{'s' if docs != 1 else ''}, "
            f"{self.spans} span{'s' if self.spans != 1 else ''}; "
            f"skipped {len(self.skipped)}; refused {len(self.refused)}"
        )
        if self.unusual:
            n = sum(self.unusual.values())
            out += (
                f"; kept {n} control character{'s' if n != 1 else ''} in "
                f"{self.unusual_documents} document{'s' if self.unusual_documents != 1 else ''} "
                f"({describe_characters(self.unusual)})"
            )
        if self.repaired:
            out += (
                f"; repaired {self.repaired} bad UTF-8 byte{'s' if self.repaired != 1 else ''} "
                f"as U+FFFD in {self.repaired_files} file{'s' if self.repaired_files != 1 else ''}"
            )
        return out


def _where(path: Path, line: int | None) -> str:
    shown = display_path(path)
    return f"{shown}: line {line}" if line is not None else shown


def format_refusal(refusal: Refusal) -> str:
    """One line: '<file>: <reason>' or '<file>: line <n>: <reason>'."""
    reason = " ".join(refusal.reason.split())  # never more than one line
    return f"{_where(refusal.path, refusal.line)}: {reason}"


def format_stop(path: Path, line: int) -> str:
    """One line for a file whose reading stopped before its end."""
    return (
        f"{display_path(path)}: stopped at line {line}: the lines from {line} on were not imported"
    )


def format_skip(skip: Skip) -> str:
    return (
        f"{_where(skip.path, skip.line)}: skipped, same text as {skip.existing_doc_id} "
        "already in the project"
    )


Progress = Callable[[int, int, Path], None]  # (files done, files total, file just done)
# Asked while a JSONL file is read, about every batch: (bytes read, file size) -> go on?
Within = Callable[[int, int], bool]


# --- paths ----------------------------------------------------------------------------------
def expand_paths(paths: Iterable[str | os.PathLike[str]], fmt: str = "native") -> list[Path]:
    """Files to import, in order: a folder becomes its .txt/.jsonl files (.conll/.txt/.tsv for
    CoNLL; recursive, sorted, hidden files and folders left out); anything else is kept as
    given, so that import_file can refuse it with a reason (missing file, unknown extension).
    A folder without any importable file is kept too (import_file refuses it)."""
    suffixes = FOLDER_SUFFIXES[fmt]

    def _accepted(path: Path) -> bool:
        return path.suffix.lower() in suffixes

    out: list[Path] = []
    for raw in paths:
        path = Path(os.fsdecode(raw))
        try:
            is_dir = path.is_dir()
            found = (
                sorted(
                    p
                    for p in path.rglob("*")
                    if _accepted(p)
                    and p.is_file()
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)
                )
                if is_dir
                else []
            )
        except OSError:  # an unreadable folder: import_file says so
            found = []
        out.extend(found if found else [path])
    return out


# --- the whole import -----------------------------------------------------------------------
def import_paths(
    project: Project,
    paths: Iterable[str | os.PathLike[str]],
    progress: Progress | None = None,
    repair: bool = False,
    fmt: str = "native",
) -> ImportReport:
    report = ImportReport()
    files = expand_paths(paths, fmt)
    for i, result in enumerate(import_files(project, files, repair=repair, fmt=fmt), 1):
        report.add(result)
        if progress is not None:
            progress(i, len(files), result.path)
    return report


# Asked before the file of this index is read: False stops the import there.
Starting = Callable[[int], bool]
# Asked while the JSONL file of this index is read, about every batch: (index, bytes read,
# file size) -> go on? (import_file's `within`, told which file)
WithinFile = Callable[[int, int, int], bool]


def import_files(
    project: Project,
    files: Sequence[Path],
    repair: bool = False,
    fmt: str = "native",
    starting: Starting | None = None,
    within: WithinFile | None = None,
) -> Iterator[FileResult]:
    """Import files in order (expand_paths' list) and yield each file's result once it is
    complete, in the same order; never raises for bad input or a busy project.

    Consecutive .txt articles share one writer, so one transaction stores a batch of articles
    rather than one each (a folder of single articles imports about twice as fast): the result
    of a .txt file comes once its batch is stored, up to a batch after the file was read.
    Any other file is imported on its own (import_file).

    starting(index): asked before each file is read; False stops the import there: the files
    read so far are stored and their results yielded, the others are not read.

    The writer thread may use the project's connection between two results: read the project
    through another connection until the iteration ends."""
    articles: _ArticleRun | None = None
    try:
        for index, path in enumerate(files):
            if starting is not None and not starting(index):
                break
            if fmt == "native" and path.suffix.lower() == ".txt" and not path.is_dir():
                if articles is None:
                    articles = _ArticleRun(project, repair)
                articles.add(path)
                yield from articles.complete()
                continue
            if articles is not None:
                yield from articles.close()
                articles = None
            hook = None if within is None else partial(within, index)
            try:
                result = import_file(project, path, repair=repair, fmt=fmt, within=hook)
            except HashiyaError as exc:  # the project itself (read-only...): the file is refused
                result = FileResult(path)
                result.refused.append(Refusal(path, None, str(exc)))
            yield result
        if articles is not None:
            yield from articles.close()
    except BaseException:
        # an unexpected error, or the caller stopped iterating: what was read and not yet
        # stored is not stored (its result would never be reported)
        if articles is not None:
            articles.writer.close(store=False)
        raise


def import_file(
    project: Project,
    path: str | os.PathLike[str],
    repair: bool = False,
    fmt: str = "native",
    within: Within | None = None,
) -> FileResult:
    """Import one .txt article or one native .jsonl file (fmt="native"), or one CoNLL file
    (fmt="conll"); never raises for bad input.

    within: asked while a JSONL file is read, before every BATCH_RECORDS-th record (a CoNLL
    file: document), with (bytes read, file size); False stops the reading there: the records
    read so far are stored whole, the rest is not read, and `stopped_at_line` names the first
    line not read."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    path = Path(os.fsdecode(path))
    result = FileResult(path)
    suffix = path.suffix.lower()
    try:
        if path.is_dir():
            wanted = " or ".join(FOLDER_SUFFIXES[fmt])
            result.refused.append(Refusal(path, None, f"is a folder without {wanted} files"))
            return result
        if fmt == "conll":
            _import_conll(project, path, result, repair, within)
            return result
        if suffix not in ACCEPTED_SUFFIXES:
            what = f"'{display_path(path.suffix)}'" if path.suffix else "without an extension"
            result.refused.append(
                Refusal(
                    path,
                    None,
                    f"unsupported file type {what} (accepted: {', '.join(ACCEPTED_SUFFIXES)})",
                )
            )
            return result
        if suffix == ".txt":
            _import_txt(project, path, result, repair)
        else:
            _import_jsonl(project, path, result, repair, within)
    except FileNotFoundError:
        result.refused.append(Refusal(path, None, "no such file"))
    except OSError as exc:
        result.refused.append(Refusal(path, None, f"cannot read the file ({exc.strerror or exc})"))
    return result


def _import_txt(project: Project, path: Path, result: FileResult, repair: bool) -> None:
    parsed = _article(path, result, repair)
    if parsed is not None:
        with _Writer(project, result) as writer:
            writer.add(None, parsed)


def _article(path: Path, result: FileResult, repair: bool) -> ParsedRecord | None:
    """The record of a .txt article, or None with the reason in result."""
    try:
        decoded = decode_text(path.read_bytes(), repair=repair)
    except InputRefused as exc:
        result.refused.append(Refusal(path, None, str(exc)))
        return None
    result.repaired += decoded.repaired
    return _article_record(decoded.text, display_path(path.name), result, None)


def _article_record(
    text: str, source: str, result: FileResult, line: int | None
) -> ParsedRecord | None:
    try:
        doc = Document.create(text, source)
    except ValueError as exc:  # an empty text
        result.refused.append(Refusal(result.path, line, str(exc)))
        return None
    return ParsedRecord(doc, [], [], 0, unusual_characters(text).counts)


def import_text(
    project: Project, text: str, source: str, result: FileResult, line: int | None = None
) -> None:
    """Store one decoded article text (LF newlines) as a new document, unless its text is
    already in the project."""
    parsed = _article_record(text, source, result, line)
    if parsed is not None:
        with _Writer(project, result) as writer:
            writer.add(line, parsed)


@contextmanager
def _reading(result: FileResult) -> Iterator[None]:
    """A file that cannot be read is refused, with the reason."""
    try:
        yield
    except FileNotFoundError:
        result.refused.append(Refusal(result.path, None, "no such file"))
    except OSError as exc:
        reason = f"cannot read the file ({exc.strerror or exc})"
        result.refused.append(Refusal(result.path, None, reason))


class _ArticleRun:
    """Consecutive .txt articles stored through one writer, their results handed back in
    order once complete (import_files)."""

    def __init__(self, project: Project, repair: bool) -> None:
        self.project = project
        self.repair = repair
        self.writer = _Writer(project)
        # each file's result, with the writer of its record and that record's number in it
        # (0: no record, complete at once)
        self.waiting: deque[tuple[FileResult, _Writer, int]] = deque()

    def add(self, path: Path) -> None:
        result = FileResult(path)
        seq = 0
        with _reading(result):
            parsed = _article(path, result, self.repair)
            if parsed is not None:
                if self.writer.failure is not None:
                    # The project refused a batch (busy past the timeout...): what the writer
                    # holds is refused with that reason, and the next articles are tried again.
                    self.writer.close()
                    self.writer = _Writer(self.project)
                self.writer.add(None, parsed, result)
                seq = self.writer.added
        self.waiting.append((result, self.writer, seq))

    def complete(self) -> Iterator[FileResult]:
        """The results whose records are settled, in file order."""
        waiting = self.waiting
        while waiting and waiting[0][1].finished >= waiting[0][2]:
            yield waiting.popleft()[0]

    def close(self) -> Iterator[FileResult]:
        """Store what is pending; then every result is complete."""
        self.writer.close()
        return self.complete()


# --- CoNLL ------------------------------------------------------------------------------------
def _import_conll(
    project: Project, path: Path, result: FileResult, repair: bool, within: Within | None = None
) -> None:
    """A Wojood-layout file -> a document per -DOCSTART- section (one for a file without the
    marker) with its entities, through the native record parser and the same writer as JSONL.
    A refused document names its line and leaves the others to be imported, as a JSONL
    record does."""
    content: str | Iterator[str]
    size = path.stat().st_size
    read = [0]  # bytes read so far (streamed), for `within`
    if _plain_utf8_lines(path):
        content = _text_lines(path, read)
    else:  # another encoding, damaged, binary...: decode_text decides, on the whole file
        data = path.read_bytes()
        try:
            decoded = decode_text(data, repair=repair)
        except InputRefused as exc:
            line = data.count(b"\n", 0, exc.offset) + 1 if exc.offset is not None else 1
            result.refused.append(Refusal(path, line, str(exc)))
            return
        del data
        result.repaired += decoded.repaired
        content = decoded.text
        read[0] = size  # decoded whole: the reading is done
    schema = project.schema()
    name = display_path(path)
    with _Writer(project, result) as writer:
        for documents, conll in enumerate(
            conll_records(content, name, schema, display_path(path.name))
        ):
            if writer.failure is not None:  # the project refused a whole batch: stop here
                result.stopped_at_line = conll.line
                break
            if within is not None and documents and documents % BATCH_RECORDS == 0:
                if not within(min(read[0], size), size):
                    result.stopped_at_line = conll.line
                    break
            if isinstance(conll, ConllRefused):
                result.refused.append(Refusal(path, conll.line, conll.reason))
                continue
            result.warnings.extend(conll.warnings)
            try:
                parsed = decode_record(conll.record, schema)
            except RecordRefused as exc:
                result.refused.append(Refusal(path, line_of_refusal(str(exc), conll), str(exc)))
                continue
            writer.add(conll.line, parsed)
    result.refused.sort(key=lambda r: r.line or 0)


def _plain_utf8_lines(path: Path) -> bool:
    """True when the file reads line by line as it would whole (annotation.textio.decode_text):
    UTF-8 (a BOM allowed), not binary, no line break but LF and CRLF, not blank. Read a chunk
    at a time (C speed: a per-line loop took 5 µs a line, minutes for a corpus), so that a
    corpus-sized CoNLL file is never held whole; a file damaged on its last line is found
    before anything is stored."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    controls = length = returns = crlf = 0
    ink = ended_in_cr = False
    with path.open("rb") as fh:
        while True:
            chunk = fh.read(LINE_BUFFER)
            if not length and chunk.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                return False
            if b"\x00" in chunk:
                return False
            try:
                text = decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError:
                return False
            if not chunk:
                break
            returns += text.count("\r")
            crlf += text.count("\r\n") + (ended_in_cr and text.startswith("\n"))
            ended_in_cr = text.endswith("\r")
            controls += unusual_characters(text).controls
            length += len(text)
            ink = ink or bool(text.strip())
    return ink and returns == crlf and not Unusual({}, controls, length).binary


def _text_lines(path: Path, read: list[int] | None = None) -> Iterator[str]:
    """The lines of a file _plain_utf8_lines accepts, without their line breaks, decoded and
    split a chunk at a time; a last empty line after a final LF, as str.split("\n") gives.
    read: its first item is kept at the number of bytes read so far."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    rest = ""
    with path.open("rb") as fh:
        while chunk := fh.read(LINE_BUFFER):
            if read is not None:
                read[0] += len(chunk)
            lines = (rest + decoder.decode(chunk)).replace("\r\n", "\n").split("\n")
            rest = lines.pop()
            yield from lines
    yield rest + decoder.decode(b"", final=True)


# --- native JSONL -----------------------------------------------------------------------------
def _lines(path: Path) -> Iterator[tuple[int, int, bytes]]:
    """(line number, byte offset of the line, its bytes without the LF), read as a stream."""
    offset = 0
    # A large buffer: a record is often longer than the default 8 KiB, and each refill costs
    # a copy of the part of the line read so far (a 1 MiB buffer reads lines 3x faster).
    with path.open("rb", buffering=LINE_BUFFER) as fh:
        for lineno, raw in enumerate(fh, 1):
            yield lineno, offset, raw.rstrip(b"\n")
            offset += len(raw)


def _decode_line(raw: bytes, offset: int, repair: bool) -> tuple[str, int]:
    """(text, bad bytes replaced) of one line; raises InputRefused. JSON is UTF-8 (RFC 8259);
    no other encoding is guessed."""
    if b"\x00" in raw:
        raise InputRefused(f"binary data (NUL byte at byte offset {offset + raw.index(0)})")
    try:
        return raw.decode("utf-8"), 0
    except UnicodeDecodeError as exc:
        damage = damaged_utf8(raw)
        bad = damage[0] if damage else raw.decode("utf-8", "surrogateescape").count("\udc80") + 1
        if not repair:
            raise utf8_refusal(raw, exc, bad if damage else 0, offset) from None
        return raw.decode("utf-8", errors="replace"), max(bad, 1)


def _import_jsonl(
    project: Project, path: Path, result: FileResult, repair: bool, within: Within | None = None
) -> None:
    schema = project.schema()
    name = display_path(path.name)  # each record's default source is name:line
    records = 0
    empty = True
    size = path.stat().st_size if within is not None else 0
    with _Writer(project, result) as writer:
        for lineno, offset, raw in _lines(path):
            if writer.failure is not None:  # the project refused a whole batch: stop here
                result.stopped_at_line = lineno
                break
            if within is not None and records and records % BATCH_RECORDS == 0 and raw.strip():
                if not within(offset, size):
                    result.stopped_at_line = lineno
                    break
            if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
                offset += len(codecs.BOM_UTF8)
            empty = empty and not raw
            if not raw.strip():
                continue
            records += 1
            try:
                line, bad = _decode_line(raw, offset, repair)
            except InputRefused as exc:
                if records == 1 and (b"\x00" in raw or damaged_utf8(raw) is None):
                    # the first line is binary or another encoding: not a JSONL file at all
                    kind = "binary file" if b"\x00" in raw else "not a UTF-8 JSONL file"
                    result.refused.append(Refusal(path, None, f"{kind}: line {lineno}: {exc}"))
                    return
                result.refused.append(Refusal(path, lineno, str(exc)))
                continue
            result.repaired += bad
            try:
                parsed = parse_record(line, schema, source_default=f"{name}:{lineno}")
            except RecordRefused as exc:
                result.refused.append(Refusal(path, lineno, str(exc)))
                continue
            writer.add(lineno, parsed)
    if records == 0:
        reason = "the file is empty" if empty else "the file contains no records"
        result.refused.append(Refusal(path, None, reason))
    result.refused.sort(key=lambda r: r.line or 0)


WRITER_THREAD = "hashiya-import-writer"

# a record waiting to be stored: (the result of its file, line, record, its search-index entry)
_Pending = tuple[FileResult, int | None, ParsedRecord, IndexEntry]


class _BatchRefused(Exception):
    """The database refused part of a batch stored as its own transaction: rolled back."""


# (imported records, skipped, refused) of a batch, each with the result of its file
_Stored = tuple[list[_Pending], list[tuple[FileResult, Skip]], list[tuple[FileResult, Refusal]]]


class _Writer:
    """Stores parsed records in batches: one transaction per batch, the whole batch in a few
    statements; when the database refuses some of it, the transaction is rolled back and the
    batch stored again record by record, a savepoint each (a record is stored whole or not at
    all). Duplicates by SHA-256 are looked up per batch. Inside a transaction of the caller,
    a savepoint stands for the batch's transaction.

    A full batch is written by a writer thread while the reading thread parses and checks the
    next one and computes its search-index entries (pure Python): SQLite releases the GIL
    while it executes a statement, so the database's work and the Python work of reading
    overlap on a second core. One batch at most is in flight; the last one is written in the
    calling thread. The project's connection is used by one thread at a time: the reading
    thread does not touch the project while a batch is in flight.

    A batch may hold records of several files (a run of .txt articles, the documents of an
    interchange folder): each record carries its file's result. `finished` counts the records
    added whose fate is settled (stored, skipped or refused): a file's result is complete once
    all its records are."""

    def __init__(
        self, project: Project, result: FileResult | None = None, threaded: bool = True
    ) -> None:
        """result: where records added without one of their own are reported. threaded=False
        stores every batch in the calling thread (interchange importers store there)."""
        self.project = project
        self.result = result
        self.threaded = threaded
        self.pending: list[_Pending] = []
        self.chars = 0
        self.added = 0
        self.finished = 0
        self._thread: ThreadPoolExecutor | None = None
        self._switch_interval = 0.005
        self._in_flight: Future[None] | None = None
        # batches grow to full size (1/8, 1/4, 1/2, 1) so the writer thread starts early and
        # is not left idle while the reading thread reads the next one
        self._share = FIRST_BATCH_SHARE if threaded else 1
        # why a batch could not be stored at all; the reader stops at the next record
        self.failure: str | None = None
        # from the first batch with spans, every batch's foreign keys checked set by set
        # (Project.bulk_writes), until close; a file of one article without spans (a .txt)
        # does not change the pragma, which makes SQLite prepare every statement again
        self._bulk = ExitStack()
        self._bulk_entered = False

    def __enter__(self) -> _Writer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close(store=exc[0] is None)

    def close(self, store: bool = True) -> None:
        """Wait for the batch in flight, store what is pending (unless store is False: the
        reading failed) and end the writer thread."""
        try:
            self._wait()
            if store:
                self._store_pending()
        finally:
            if self._thread is not None:
                self._thread.shutdown()
                self._thread = None
                sys.setswitchinterval(self._switch_interval)
            self._bulk.close()

    def add(self, line: int | None, parsed: ParsedRecord, result: FileResult | None = None) -> None:
        doc = parsed.document
        result = result if result is not None else self.result
        if result is None:
            raise ValueError("a record of no file: give the result it is reported in")
        self.pending.append((result, line, parsed, index_entry(doc.id, doc.text)))
        self.added += 1
        self.chars += len(doc.text)
        share = self._share
        if len(self.pending) * share >= BATCH_RECORDS or self.chars * share >= BATCH_CHARS:
            self._wait()
            if self.failure is not None:  # the batch in flight failed: these are not stored
                self._refuse_pending()
                return
            if not self.threaded:
                self._store_pending()
                return
            if self._thread is None:
                self._thread = ThreadPoolExecutor(1, thread_name_prefix=WRITER_THREAD)
                # The writer takes the GIL back after every statement; by default it waits up
                # to 5 ms for the reading thread to hand it over, each time.
                self._switch_interval = sys.getswitchinterval()
                sys.setswitchinterval(min(self._switch_interval, 0.0005))
            batch, self.pending, self.chars = self.pending, [], 0
            self._in_flight = self._thread.submit(self._store, batch)
            self._share = max(1, share // 2)

    def _wait(self) -> None:
        """Wait for the batch in flight; its unexpected error is raised here."""
        if self._in_flight is not None:
            in_flight, self._in_flight = self._in_flight, None
            in_flight.result()

    def _store_pending(self) -> None:
        if self.failure is not None:
            self._refuse_pending()
            return
        batch, self.pending, self.chars = self.pending, [], 0
        if batch:
            self._store(batch)

    def _refuse_pending(self) -> None:
        reason = self.failure or ""
        for result, line, _, _ in self.pending:
            result.refused.append(Refusal(result.path, line, reason))
        self.finished += len(self.pending)
        self.pending, self.chars = [], 0

    def _store(self, batch: list[_Pending]) -> None:
        try:
            self._write(batch)
        finally:
            self.finished += len(batch)  # last: the reading thread may now report these

    def _write(self, batch: list[_Pending]) -> None:
        project = self.project
        if not self._bulk_entered:  # once per writer: a run of .txt articles shares one
            self._bulk.enter_context(project.bulk_writes())
            self._bulk_entered = True
        try:
            if project.db.conn.in_transaction:  # a caller's transaction: a savepoint undoes it
                with project.transaction():
                    stored = self._store_batch(batch, savepoint=True)
                    if stored is None:  # a record could not be stored: one by one, to say which
                        stored = self._store_each(batch)
            else:
                try:
                    with project.transaction():
                        stored = self._store_batch(batch, savepoint=False)
                        if stored is None:
                            raise _BatchRefused
                except _BatchRefused:  # rolled back: one by one, to say which record
                    with project.transaction():
                        stored = self._store_each(batch)
        except (sqlite3.Error, ProjectError) as exc:
            # BEGIN or COMMIT failed (busy past the timeout, disk full, read-only): this batch
            # is refused, and the reading stops (self.failure) rather than wait again per batch
            reason = f"cannot store ({' '.join(str(exc).split())})"
            for result, line, _, _ in batch:
                result.refused.append(Refusal(result.path, line, reason))
            self.failure = reason
            return
        imported, skipped, refused = stored
        for result, skip in skipped:
            result.skipped.append(skip)
        for result, refusal in refused:
            result.refused.append(refusal)
        for result, _, parsed, _ in imported:
            result.imported.append(parsed.document.id)
            result.spans += parsed.top_level
            result.keep_unusual(parsed.unusual)

    def _store_batch(self, batch: list[_Pending], savepoint: bool) -> _Stored | None:
        """The whole batch at once: its documents, then all their spans and links, each in
        a few statements (FTS5 flushes its pending terms at every savepoint, so a savepoint
        per record costs a segment per record). None when the database refuses any of it:
        then nothing of it is left if savepoint is True, and the caller rolls its transaction
        back otherwise. Without a savepoint the batch is its transaction on its own: SQLite
        copies every page a savepoint changes to a journal first, to be able to undo it
        (ADR 0009)."""
        project = self.project
        known = project.doc_ids_by_sha([p.document.sha256 for _, _, p, _ in batch])
        imported: list[_Pending] = []
        skipped: list[tuple[FileResult, Skip]] = []
        for pending in batch:
            result, line, parsed, _ = pending
            doc = parsed.document
            existing = known.get(doc.sha256)
            if existing is not None:
                skipped.append((result, Skip(result.path, line, existing)))
                continue
            known[doc.sha256] = doc.id
            imported.append(pending)
        if not imported:
            return imported, skipped, []
        db = project.db
        if savepoint:
            db.execute("SAVEPOINT batch")
        try:
            project.add_documents(
                [p.document for _, _, p, _ in imported],
                notes=[{"spans": len(p.spans), "links": len(p.links)} for _, _, p, _ in imported],
                index_entries=[entry for _, _, _, entry in imported],
            )
            project.insert(
                [s for _, _, p, _ in imported for s in p.spans],
                [lk for _, _, p, _ in imported for lk in p.links],
                action="import",
                log=False,
            )
        except sqlite3.Error:
            if savepoint:
                db.execute("ROLLBACK TO batch")
                db.execute("RELEASE batch")
            return None
        if savepoint:
            db.execute("RELEASE batch")
        return imported, skipped, []

    def _store_each(self, batch: list[_Pending]) -> _Stored:
        """Record by record, a savepoint each: the records the database refuses are named."""
        project = self.project
        imported: list[_Pending] = []
        skipped: list[tuple[FileResult, Skip]] = []
        refused: list[tuple[FileResult, Refusal]] = []
        known = project.doc_ids_by_sha([p.document.sha256 for _, _, p, _ in batch])
        position = project.next_position()
        for pending in batch:
            result, line, parsed, entry = pending
            doc = parsed.document
            existing = known.get(doc.sha256)
            if existing is not None:
                skipped.append((result, Skip(result.path, line, existing)))
                continue
            refusal = self._store_record(parsed, entry, position)
            if refusal is not None:
                refused.append((result, Refusal(result.path, line, refusal)))
                continue
            known[doc.sha256] = doc.id
            position += 1
            imported.append(pending)
        return imported, skipped, refused

    def _store_record(self, parsed: ParsedRecord, entry: IndexEntry, position: int) -> str | None:
        """None when stored, else why not (nothing of the record is left behind)."""
        db = self.project.db
        db.execute("SAVEPOINT record")
        try:
            counts = {"spans": len(parsed.spans), "links": len(parsed.links)}
            self.project.add_documents(
                [parsed.document], position, note=counts, index_entries=[entry]
            )
            self.project.insert(parsed.spans, parsed.links, action="import", log=False)
        except sqlite3.Error as exc:
            db.execute("ROLLBACK TO record")
            db.execute("RELEASE record")
            return _conflict(self.project, parsed) or f"cannot store the record ({exc})"
        db.execute("RELEASE record")
        return None


def _existing_ids(project: Project, table: str, ids: Sequence[str]) -> list[str]:
    found: list[str] = []
    for i in range(0, len(ids), 500):
        chunk = list(ids[i : i + 500])
        rows = project.db.execute(
            f"SELECT id FROM {table} WHERE id IN ({','.join('?' * len(chunk))})", chunk
        ).fetchall()
        found.extend(r[0] for r in rows)
    return found


def _conflict(project: Project, parsed: ParsedRecord) -> str | None:
    """Why a record could not be stored, when an id of it is taken (asked only after a
    failed insert, so the common path costs no lookups)."""
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
