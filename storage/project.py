"""A Hashiya project: one SQLite file holding documents, annotations, links, the label
schema, annotators and an edit log. Every method that changes data commits before it returns.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from itertools import chain
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any, NoReturn

import sqlite_utils

from annotation.documents import Document, DocumentInfo
from annotation.schema import LabelSchema
from annotation.spans import Link, Span
from annotation.validation import (
    EditRefused,
    SchemaUsage,
    check_schema_fields,
    schema_conflict,
)
from storage import document_list, search_index
from storage.document_list import COUNT_COLUMN_INDEX, DocumentQuery
from storage.file_checks import (
    SQLITE_HEADER,
    FileState,
    ProjectError,
    check_existing_file,
    harden,
    read_only_uri,
)
from storage.migrations import LATEST_VERSION, _write_schema_tables, migrate

__all__ = [
    "SQLITE_HEADER",
    "ConstraintRefused",
    "DocumentQuery",
    "Project",
    "ProjectBusy",
    "ProjectError",
    "ReadOnlyProject",
    "StaleEdit",
]


# The checks before opening, under the name storage.team imports.
_check_existing_file = check_existing_file


class ReadOnlyProject(ProjectError):
    """A change was asked of a project opened read-only."""


class ProjectBusy(ProjectError):
    """Another process held the project's write lock for longer than the busy timeout."""


class ConstraintRefused(EditRefused, sqlite3.IntegrityError):
    """The file refused a write (a duplicate id or text, a missing reference). Also a
    sqlite3.IntegrityError, so callers that handle database errors keep doing so."""


class StaleEdit(ConstraintRefused):
    """The edit was made from a copy another window or program has changed since (or it
    refers to a span or document that is gone): nothing was written; reload and retry."""


_INSERT_CHUNK = 256  # at most this many rows per INSERT statement of Project._insert_rows
# SQLite's page cache inside Project.bulk_writes, in KiB (negative: PRAGMA cache_size's unit)
BULK_CACHE_KIB = -32768
# WAL frames (pages) between checkpoints inside Project.bulk_writes (SQLite's default: 1,000)
BULK_WAL_PAGES = 8192


_DOC_AND_KIND = attrgetter("doc_id", "kind")
_SPAN_COLUMNS = (
    "id", "doc_id", "kind", "label", "start", '"end"', "attrs", "boundary", "annotator_id",
    "created_at", "version",
)  # fmt: skip
_LINK_COLUMNS = ("id", "doc_id", "type", "source", "target", "annotator_id")


# json.dumps with options builds an encoder at every call: a batch stores thousands
_encode_attrs = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode
_encode_payload = json.JSONEncoder(ensure_ascii=False).encode


def _attrs_json(attrs: Any) -> str:
    """A span's attributes as stored; most spans have none (no encoding for those)."""
    return _encode_attrs(dict(attrs)) if attrs else "{}"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _can_write(path: Path) -> bool:
    """The file and its folder (for the -wal and -shm files) are writable, and meant to be:
    a file or folder without write permission bits is read-only even for root."""
    folder = path.parent
    return (
        os.access(path, os.W_OK)
        and os.access(folder, os.W_OK)
        and bool(path.stat().st_mode & 0o222)
        and bool(folder.stat().st_mode & 0o200)
    )


class Project:
    """An open project file.

    readonly=True opens it for reading only: not a byte is written (no migration, no
    annotator row, no edit-log row), and every change raises ReadOnlyProject. A file or
    folder we cannot write to is opened read-only whatever readonly says; `self.readonly`
    tells which (the window shows a banner). The annotator row is made at the first write.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        annotator: str | None = None,
        readonly: bool = False,
        busy_timeout: float = 5.0,
    ) -> None:
        self.path = Path(path)
        state: FileState | None = None
        if self.path.exists():
            if self.path.is_dir():
                raise ProjectError(f"{self.path}: is a folder, not a project file")
            state = check_existing_file(self.path)
            readonly = readonly or not _can_write(self.path)
        elif readonly:
            raise ProjectError(f"{self.path}: no such project file")
        else:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise ProjectError(
                    f"{self.path}: cannot create the folder ({exc.strerror})"
                ) from None
        self.readonly = readonly
        self.busy_timeout = busy_timeout
        try:
            if readonly:
                assert state is not None
                conn = self._connect_readonly(state)
            else:
                conn = self._connect_readwrite()
        except sqlite3.DatabaseError as exc:
            raise ProjectError(f"{self.path}: cannot open the project ({exc})") from None
        self.db = sqlite_utils.Database(conn, recursive_triggers=False)
        self._in_tx = False
        # inside bulk_writes: Project.insert checks its rows' references set by set
        self._references_checked = False
        self._foreign_keys_of: dict[str, list[tuple[str, str, str]]] = {}
        self.annotator_name = annotator or os.environ.get("USER") or "annotator"
        self._annotator_id_cache: int | None = None
        self._schema: LabelSchema | None = None

    def _connect_readwrite(self) -> sqlite3.Connection:
        conn = harden(
            sqlite3.connect(
                str(self.path),
                isolation_level=None,
                check_same_thread=False,
                timeout=self.busy_timeout,
            )
        )
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA foreign_keys = ON")
        # WAL + NORMAL survives a killed process (only power loss can drop the last commits).
        conn.execute("PRAGMA synchronous = NORMAL")
        self.migrated_from = conn.execute("PRAGMA user_version").fetchone()[0]
        try:
            migrate(sqlite_utils.Database(conn, recursive_triggers=False))
        except Exception as exc:  # the failed step was rolled back; the file keeps its version
            conn.close()
            raise ProjectError(
                f"{self.path}: cannot upgrade the project from version {self.migrated_from} ({exc})"
            ) from exc
        return conn

    def _connect_readonly(self, state: FileState) -> sqlite3.Connection:
        self.migrated_from = state.version
        wal_pending = Path(f"{self.path}-wal").exists()
        if _can_write(self.path):
            # A normal connection that refuses writes: SQLite makes the -wal/-shm it needs to
            # read a WAL file and the last connection to close removes them again.
            uri = self.path.resolve().as_uri() + "?mode=rw"
        else:
            # Read-only file or folder: nothing can be created beside it. Without a -wal
            # the file alone is the whole project (immutable: no -shm is needed).
            uri = read_only_uri(self.path, immutable=not wal_pending)
        conn = harden(
            sqlite3.connect(
                uri,
                uri=True,
                isolation_level=None,
                check_same_thread=False,
                timeout=self.busy_timeout,
            )
        )
        conn.execute("PRAGMA query_only = ON")
        if state.empty or state.version < LATEST_VERSION:
            # An older (or empty) file is upgraded in memory, never on disk: the copy answers
            # the queries of this build and the file keeps every byte.
            memory = harden(
                sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
            )
            conn.backup(memory)
            conn.close()
            migrate(sqlite_utils.Database(memory, recursive_triggers=False))
            memory.execute("PRAGMA query_only = ON")
            conn = memory
        conn.execute("PRAGMA foreign_keys = ON")
        return conn

    def close(self) -> None:
        self.db.conn.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- transactions -----------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic, committed unit; nested uses join the outer one. The write lock is
        taken at the start (BEGIN IMMEDIATE), waiting up to busy_timeout for another
        process's commit."""
        if self._in_tx:
            yield
            return
        if self.readonly:
            raise ReadOnlyProject(f"{self.path}: opened read-only; nothing was changed")
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise ProjectBusy(
                f"{self.path}: another program has been writing to the project for more than "
                f"{self.busy_timeout:g} s ({exc}); nothing was changed"
            ) from None
        self._in_tx = True
        try:
            # The annotator row is made first, so that a savepoint the caller rolls back
            # inside this transaction cannot take it away from under the cached id.
            _ = self.annotator_id
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            self._annotator_id_cache = None  # the row may have been made in this transaction
            raise
        else:
            self.db.execute("COMMIT")
        finally:
            self._in_tx = False

    @contextmanager
    def bulk_writes(self) -> Iterator[None]:
        """An importer's many batches of spans and links (each batch its own transaction,
        inside the block). SQLite's foreign-key check of every row (four parent look-ups per
        span) is off for this connection, and Project.insert checks the same foreign keys
        (PRAGMA foreign_key_list) once per statement batch instead: the distinct values of
        each referencing column must all be in its parent table, or the edit is refused as
        SQLite would refuse it (StaleEdit), nothing written. The pragma changes only outside a
        transaction, and each change makes SQLite prepare every statement again, so it is
        set once for the block, not per batch. Deleting inside the block is refused (the
        deletes rely on the foreign keys' cascades). Inside a transaction, or inside another
        such block, this does nothing (checks stay as they are).

        Inside the block, spans, links and their counts are inserted with OR FAIL: a refused
        statement keeps the rows it stored before the refusal, and the importer rolls its
        whole batch back. An ABORT statement instead copies every page it changes to a
        statement journal first, to undo itself alone. The journals that are left (the
        documents' insert, whose triggers' statements keep their own conflict clauses) and
        the pages are kept in memory for the block: each batch touches index pages all over
        a large project, and read back from the file they cost a system call each. The WAL is checkpointed every BULK_WAL_PAGES pages instead of after
        every batch (a checkpoint waits for two fsyncs), and once more at the end of the
        block, so that the next edit does not copy the import's pages (ADR 0009)."""
        if self._in_tx or self._references_checked:
            yield
            return
        conn = self.db.conn
        before = {
            name: int(conn.execute(f"PRAGMA {name}").fetchone()[0])
            for name in ("cache_size", "temp_store", "wal_autocheckpoint")
        }
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute(f"PRAGMA cache_size = {BULK_CACHE_KIB}")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute(f"PRAGMA wal_autocheckpoint = {BULK_WAL_PAGES}")
        self._references_checked = True
        try:
            yield
        finally:
            self._references_checked = False
            conn.execute("PRAGMA foreign_keys = ON")
            for name, value in before.items():
                conn.execute(f"PRAGMA {name} = {value}")
            with suppress(sqlite3.Error):  # busy or failing: the next commit's turn, as before
                conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()

    @property
    def _bulk_conflict(self) -> str:
        """The conflict clause of span, link and count writes: "OR FAIL " inside
        bulk_writes (no statement journal), else none (ABORT)."""
        return "OR FAIL " if self._references_checked else ""

    def _foreign_keys(self, table: str) -> list[tuple[str, str, str]]:
        """(column, parent table, parent column) of each foreign key of table."""
        found = self._foreign_keys_of.get(table)
        if found is None:
            found = []
            for row in self.db.conn.execute(f"PRAGMA foreign_key_list({table})"):
                parent, column, key = row[2], row[3], row[4]
                if key is None:  # the parent's primary key
                    key = next(
                        r[1] for r in self.db.conn.execute(f"PRAGMA table_info({parent})") if r[5]
                    )
                found.append((column, parent, key))
            self._foreign_keys_of[table] = found
        return found

    def _check_references(
        self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
    ) -> None:
        """Inside bulk_writes, after rows were inserted into table: every value of a
        referencing column is in its parent table (what SQLite checks row by row)."""
        conn = self.db.conn
        for column, parent, key in self._foreign_keys(table):
            i = columns.index(column)
            values = list(set(map(itemgetter(i), rows)) - {None})
            for k in range(0, len(values), 500):
                chunk = values[k : k + 500]
                found = conn.execute(
                    f"SELECT COUNT(*) FROM {parent} WHERE {key} IN ({','.join('?' * len(chunk))})",
                    chunk,
                ).fetchone()[0]
                if found != len(chunk):
                    self._refuse(sqlite3.IntegrityError("FOREIGN KEY constraint failed"))

    @property
    def annotator_id(self) -> int:
        """The current annotator's row, made at the first write (never on open)."""
        if self._annotator_id_cache is None:
            self._annotator_id_cache = self._annotator_id(self.annotator_name)
        return self._annotator_id_cache

    def _annotator_id(self, name: str) -> int:
        row = self.db.execute("SELECT id FROM annotators WHERE name = ?", [name]).fetchone()
        if row:
            return row[0]
        with self.transaction():  # which makes the current annotator's row first
            row = self.db.execute("SELECT id FROM annotators WHERE name = ?", [name]).fetchone()
            if row:
                return row[0]
            cur = self.db.execute("INSERT INTO annotators(name) VALUES (?)", [name])
        assert cur.lastrowid is not None  # an INSERT always sets it
        return cur.lastrowid

    def log(self, action: str, doc_id: str | None, payload: dict[str, Any]) -> None:
        self.db.execute(
            "INSERT INTO edit_log(at, annotator_id, doc_id, action, payload) VALUES (?, ?, ?, ?, ?)",
            [_now(), self.annotator_id, doc_id, action, json.dumps(payload, ensure_ascii=False)],
        )

    def edit_log(self, doc_id: str | None = None) -> list[dict[str, Any]]:
        sql = "SELECT at, doc_id, action, payload FROM edit_log"
        params: list[Any] = []
        if doc_id is not None:
            sql += " WHERE doc_id = ?"
            params.append(doc_id)
        rows = self.db.execute(sql + " ORDER BY id", params).fetchall()
        return [
            {"at": a, "doc_id": d, "action": act, "payload": json.loads(p)} for a, d, act, p in rows
        ]

    # --- settings ---------------------------------------------------------------------------
    def setting(self, key: str, default: str) -> str:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT INTO settings(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )
            self.log("setting", None, {"key": key, "value": value})

    # --- documents --------------------------------------------------------------------------
    def has_sha(self, sha256: str) -> bool:
        return (
            self.db.execute("SELECT 1 FROM documents WHERE sha256 = ?", [sha256]).fetchone()
            is not None
        )

    def doc_ids_by_sha(self, digests: Iterable[str]) -> dict[str, str]:
        """sha256 -> id of the documents already holding these texts (the UNIQUE index)."""
        digests = list(dict.fromkeys(digests))
        out: dict[str, str] = {}
        for i in range(0, len(digests), 500):
            chunk = digests[i : i + 500]
            out.update(
                self.db.execute(
                    f"SELECT sha256, id FROM documents WHERE sha256 IN ({','.join('?' * len(chunk))})",
                    chunk,
                ).fetchall()
            )
        return out

    def next_position(self) -> int:
        """The position after the last document (an index lookup). Read it inside the write
        transaction that uses it, so that two writers never share a position."""
        return self.db.execute(
            "SELECT COALESCE(MAX(position), 0) + 1 FROM document_list"
        ).fetchone()[0]

    def add_document(
        self, doc: Document, position: int | None = None, note: dict[str, Any] | None = None
    ) -> None:
        """Insert a document (callers check has_sha first to report duplicates); position
        defaults to the next one, read inside the transaction. note: more for the edit log's
        import row (the importer's span and link counts)."""
        self.add_documents([doc], position, note)

    def add_documents(
        self,
        docs: Iterable[Document],
        position: int | None = None,
        note: dict[str, Any] | None = None,
        notes: Sequence[dict[str, Any]] | None = None,
        index_entries: Sequence[search_index.IndexEntry] | None = None,
    ) -> list[str]:
        """Insert documents in one transaction, at the end of the list, and return their ids.
        Positions are assigned inside the write transaction from document_list's position
        index (no scan of the texts), so two importers at once cannot share one; position is
        the first document's (default: the next one). The bulk
        path for importers: callers check has_sha first to report duplicates. note: more
        for each edit-log import row; notes: one such note per document instead;
        index_entries: the documents' search-index entries when the caller computed them."""
        ids: list[str] = []
        now = _now()
        with self.transaction():
            if position is None:
                position = self.next_position()
            position -= 1
            rows, log_rows = [], []
            annotator_id = self.annotator_id
            for i, doc in enumerate(docs):
                position += 1
                rows.append((doc.id, doc.sha256, doc.source, doc.text, doc.status, position, now))
                extra = notes[i] if notes is not None else note
                payload = _encode_payload(
                    {"source": doc.source, "sha256": doc.sha256, **(extra or {})}
                )
                log_rows.append((now, annotator_id, doc.id, "import", payload))
                ids.append(doc.id)
            # Multi-row statements, a few per batch: an importer writes from a writer thread
            # (storage.importer), which needs the GIL back after every statement step.
            first = position - len(rows) + 1
            self._insert_rows(
                "INSERT INTO documents(id, sha256, source, text, status, position, created_at)",
                7,
                rows,
            )
            if index_entries is None:
                search_index.add_documents(self.db.conn, [(r[0], r[3]) for r in rows])
            else:
                search_index.write_entries(self.db.conn, index_entries)
            self.db.conn.execute(
                "INSERT INTO document_list_text(rowid, title, source) "
                "SELECT id, title, source FROM document_list WHERE position BETWEEN ? AND ?",
                [first, position],
            )
            self._insert_rows(
                "INSERT INTO edit_log(at, annotator_id, doc_id, action, payload)", 5, log_rows
            )
        return ids

    def document(self, doc_id: str) -> Document:
        row = self.db.execute(
            "SELECT id, text, source, sha256, status FROM documents WHERE id = ?", [doc_id]
        ).fetchone()
        if row is None:
            raise KeyError(doc_id)
        return Document(*row)

    def document_ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT doc_id FROM document_list ORDER BY position")]

    def documents(self) -> list[DocumentInfo]:
        """Every document's list row, in list order (for a whole-project loop; the window's
        list pages through document_page instead)."""
        return document_list.page(self.db.conn, DocumentQuery(), 0, -1)

    def document_info(self, doc_id: str) -> DocumentInfo:
        found = document_list.info(self.db.conn, doc_id)
        if found is None:
            raise KeyError(doc_id)
        return found

    def document_page(
        self, query: DocumentQuery | None = None, offset: int = 0, limit: int = 200
    ) -> list[DocumentInfo]:
        """Rows [offset, offset + limit) of the document list filtered and sorted by query."""
        return document_list.page(self.db.conn, query or DocumentQuery(), offset, limit)

    def document_count(self, query: DocumentQuery | None = None) -> int:
        return document_list.count(self.db.conn, query or DocumentQuery())

    def document_row(self, doc_id: str, query: DocumentQuery | None = None) -> int | None:
        """The row of doc_id in the filtered, sorted list, or None when filtered out."""
        return document_list.row_of(self.db.conn, query or DocumentQuery(), doc_id)

    def status_counts(self) -> dict[str, int]:
        """Documents per status, from an index (the progress bar: done / total)."""
        return document_list.status_counts(self.db.conn)

    def set_status(self, doc_id: str, status: str, annotator: str | None = None) -> str:
        """Set a document's status for an annotator (default: the current one); return the
        previous one. The current annotator's status is also the document's own status
        (documents.status, what a one-person project shows)."""
        if annotator is None or annotator == self.annotator_name:
            old = self.document_info(doc_id).status
            with self.transaction():
                self.db.execute("UPDATE documents SET status = ? WHERE id = ?", [status, doc_id])
                self._set_layer_status(doc_id, self.annotator_id, status)
                self.log("status", doc_id, {"from": old, "to": status})
            return old
        old = self.status_of(doc_id, annotator) or "new"
        with self.transaction():
            self._set_layer_status(doc_id, self._annotator_id(annotator), status)
            self.log("status", doc_id, {"from": old, "to": status, "annotator": annotator})
        return old

    def _set_layer_status(self, doc_id: str, annotator_id: int, status: str) -> None:
        self.db.execute(
            "INSERT INTO document_status(doc_id, annotator_id, status) VALUES (?, ?, ?) "
            "ON CONFLICT(doc_id, annotator_id) DO UPDATE SET status = excluded.status",
            [doc_id, annotator_id, status],
        )

    def status_of(self, doc_id: str, annotator: str) -> str | None:
        """The annotator's status for the document, or None when they never set one."""
        row = self.db.execute(
            "SELECT s.status FROM document_status s JOIN annotators n ON n.id = s.annotator_id "
            "WHERE s.doc_id = ? AND n.name = ?",
            [doc_id, annotator],
        ).fetchone()
        return row[0] if row else None

    def statuses(self, doc_id: str) -> dict[str, str]:
        """annotator name -> status, for every annotator who set one on the document."""
        rows = self.db.execute(
            "SELECT n.name, s.status FROM document_status s JOIN annotators n "
            "ON n.id = s.annotator_id WHERE s.doc_id = ? ORDER BY n.name",
            [doc_id],
        ).fetchall()
        return dict(rows)

    def layer_names(self, doc_id: str) -> set[str]:
        """Annotators with spans in the document (the gold layer included)."""
        rows = self.db.execute(
            "SELECT DISTINCT n.name FROM annotations a JOIN annotators n ON n.id = a.annotator_id "
            "WHERE a.doc_id = ?",
            [doc_id],
        ).fetchall()
        return {r[0] for r in rows}

    # --- other writers ----------------------------------------------------------------------
    def data_version(self) -> int:
        """Changes whenever another connection (a CLI import, a merge, a second window)
        commits to the file; cheap enough to poll every second."""
        return self.db.execute("PRAGMA data_version").fetchone()[0]

    def _write(self, sql: str, rows: Iterable[Sequence[Any]]) -> int:
        """executemany, with constraint failures turned into refusals; returns rowcount."""
        try:
            return self.db.conn.executemany(sql, rows).rowcount
        except sqlite3.IntegrityError as exc:
            self._refuse(exc)

    def _insert_rows(
        self, head: str, width: int, rows: Sequence[Sequence[Any]], tail: str = ""
    ) -> int:
        """`head VALUES (...), (...) tail`: rows inserted in statements of up to 256 rows each
        (sizes are powers of two, so that few distinct statements are prepared). A statement
        that fires triggers (documents: document_list's row) opens a statement journal, which
        costs more than the row itself when it is one statement per row (bulk_writes: which
        statements open none). Constraint failures become refusals as in _write; returns the
        rows inserted."""
        conn, done, size = self.db.conn, 0, _INSERT_CHUNK
        # SQLite before 3.32 takes at most 999 values per statement
        limit = conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
        while size > 1 and size * width > limit:
            size //= 2
        one = "(" + ", ".join("?" * width) + ")"
        try:
            while done < len(rows):
                while size > len(rows) - done:
                    size //= 2
                params = list(chain.from_iterable(rows[done : done + size]))
                conn.execute(f"{head} VALUES {', '.join([one] * size)}{tail}", params)
                done += size
        except sqlite3.IntegrityError as exc:
            self._refuse(exc)
        return done

    def _refuse(self, exc: sqlite3.IntegrityError) -> NoReturn:
        """Raise the refusal of a constraint failure (never returns)."""
        reason = str(exc)
        if "FOREIGN KEY" in reason:
            raise StaleEdit(
                f"{self.path}: refused: the edit refers to a document or span that is no "
                "longer in the project (another window or program changed it); reload"
            ) from None
        raise ConstraintRefused(f"{self.path}: refused: {reason}") from None

    # --- spans and links --------------------------------------------------------------------
    def spans(
        self, doc_id: str, kinds: Iterable[str] | None = None, annotator: str | None = None
    ) -> list[Span]:
        """The document's spans in reading order; with annotator, only that layer's."""
        sql = (
            'SELECT a.id, a.doc_id, a.kind, a.label, a.start, a."end", a.attrs, a.boundary, n.name, '
            "a.version "
            "FROM annotations a LEFT JOIN annotators n ON n.id = a.annotator_id WHERE a.doc_id = ?"
        )
        params: list[Any] = [doc_id]
        if annotator is not None:
            sql += " AND n.name = ?"
            params.append(annotator)
        if kinds is not None:
            kinds = list(kinds)
            sql += f" AND a.kind IN ({','.join('?' * len(kinds))})"
            params += kinds
        rows = self.db.execute(sql + ' ORDER BY a.start, a."end" DESC, a.id', params).fetchall()
        parsed: dict[str, dict[str, Any]] = {}  # most spans share '{}': parse each string once

        def attrs_of(raw: str) -> dict[str, Any]:
            value = parsed.get(raw)
            if value is None:
                value = parsed[raw] = json.loads(raw)
            return dict(value)

        return [
            Span(sid, d, k, lab, s, e, attrs_of(attrs), b, ann or "", v)
            for sid, d, k, lab, s, e, attrs, b, ann, v in rows
        ]

    def label_spans(self, kind: str, label: str) -> list[tuple[str, int, int]]:
        """(doc_id, start, end) of every span of kind and label (every layer), in list order
        then reading order: one query on the (kind, label) index, no text read."""
        rows = self.db.execute(
            'SELECT a.doc_id, a.start, a."end" FROM annotations a '
            "JOIN document_list d ON d.doc_id = a.doc_id WHERE a.kind = ? AND a.label = ? "
            'ORDER BY d.position, a.start, a."end" DESC, a.id',
            [kind, label],
        ).fetchall()
        return [(d, s, e) for d, s, e in rows]

    def links(self, doc_id: str, annotator: str | None = None) -> list[Link]:
        """The document's links; with annotator, only that layer's."""
        sql = (
            "SELECT l.id, l.doc_id, l.type, l.source, l.target, COALESCE(n.name, '') FROM links l "
            "LEFT JOIN annotators n ON n.id = l.annotator_id WHERE l.doc_id = ?"
        )
        params: list[Any] = [doc_id]
        if annotator is not None:
            sql += " AND n.name = ?"
            params.append(annotator)
        rows = self.db.execute(sql + " ORDER BY l.id", params).fetchall()
        return [Link(*r) for r in rows]

    def insert(
        self,
        spans: Iterable[Span] = (),
        links: Iterable[Link] = (),
        action: str = "add",
        log: bool = True,
    ) -> None:
        """Insert spans and links in one transaction. log=False leaves the edit log to the
        caller (the importer writes one row per document, with its counts)."""
        spans, links = list(spans), list(links)
        now = _now()
        with self.transaction():
            # A span that names its annotator keeps it (an undone delete restores the original
            # author); spans without one belong to the current annotator.
            authors = {
                name: self._annotator_id(name) for name in {s.annotator for s in spans} if name
            }
            default_author = self.annotator_id
            # one pass, no call per span where it can be helped: an import's batch makes tens
            # of thousands of rows, in its writer thread
            span_rows = [
                (
                    s.id,
                    s.doc_id,
                    s.kind,
                    s.label,
                    s.start,
                    s.end,
                    _attrs_json(s.attrs) if s.attrs else "{}",
                    s.boundary,
                    authors[s.annotator] if s.annotator else default_author,
                    now,
                    s.version,
                )
                for s in spans
            ]
            insert = f"INSERT {self._bulk_conflict}INTO"
            with self._span_counts_added(spans):
                self._insert_rows(
                    f"{insert} annotations({', '.join(_SPAN_COLUMNS)})", 11, span_rows
                )
            if self._references_checked:
                self._check_references("annotations", _SPAN_COLUMNS, span_rows)
            # A link is in the layer it names, else in its source span's (when inserted with
            # it), else in the current annotator's.
            for lk in links:
                if lk.annotator and lk.annotator not in authors:
                    authors[lk.annotator] = self._annotator_id(lk.annotator)
            named_span_author = {s.id: authors[s.annotator] for s in spans if s.annotator}
            link_rows = [
                (
                    lk.id,
                    lk.doc_id,
                    lk.type,
                    lk.source,
                    lk.target,
                    authors[lk.annotator]
                    if lk.annotator
                    else named_span_author.get(lk.source, default_author),
                )
                for lk in links
            ]
            self._insert_rows(f"{insert} links({', '.join(_LINK_COLUMNS)})", 6, link_rows)
            if self._references_checked:
                self._check_references("links", _LINK_COLUMNS, link_rows)
            if log:
                self._log_spans(action, spans, links)

    @contextmanager
    def _span_counts_added(self, spans: Sequence[Span]) -> Iterator[None]:
        """document_list's counts of the spans inserted inside the block, added after it once
        per document and kind (migration 15: no trigger counts an inserted span). Inside the
        caller's transaction. When the block raises, the caller rolls the edit back; if it
        goes on instead, the spans stored before the failure are counted."""
        added: dict[str, list[int]] = {}
        for (doc_id, kind), n in Counter(map(_DOC_AND_KIND, spans)).items():
            column = COUNT_COLUMN_INDEX.get(kind)
            if column is not None:
                added.setdefault(doc_id, [0, 0, 0])[column] = n
        if not added:
            yield
            return
        conn = self.db.conn
        # rows inserted from here have larger rowids (no AUTOINCREMENT gaps are reused below)
        before = conn.execute("SELECT COALESCE(MAX(rowid), 0) FROM annotations").fetchone()[0]
        try:
            yield
        except BaseException:
            with suppress(sqlite3.Error):
                stored: dict[str, list[int]] = {}
                for doc_id, kind, n in conn.execute(
                    "SELECT doc_id, kind, COUNT(*) FROM annotations WHERE rowid > ? "
                    "GROUP BY doc_id, kind",
                    [before],
                ):
                    column = COUNT_COLUMN_INDEX.get(kind)
                    if column is not None:
                        stored.setdefault(doc_id, [0, 0, 0])[column] = n
                self._add_span_counts(stored)
            raise
        self._add_span_counts(added)

    def _add_span_counts(self, added: Mapping[str, Sequence[int]]) -> None:
        """Add (entities, quotes, claims) to each document's counts in document_list."""
        self._insert_rows(
            "WITH added(doc_id, entities, quotes, claims) AS (",
            4,
            [(d, *counts) for d, counts in added.items()],
            tail=f""") UPDATE {self._bulk_conflict}document_list
                SET entities = document_list.entities + added.entities,
                quotes = document_list.quotes + added.quotes,
                claims = document_list.claims + added.claims
                FROM added WHERE document_list.doc_id = added.doc_id""",
        )

    def delete(
        self,
        span_ids: Iterable[str] = (),
        link_ids: Iterable[str] = (),
        doc_id: str | None = None,
        action: str = "delete",
        versions: Mapping[str, int] | None = None,
    ) -> None:
        """Delete spans (their links go too) and links. With versions (span id -> the version
        the caller last saw), a span another program changed or deleted meanwhile refuses
        the whole edit with StaleEdit."""
        span_ids, link_ids = list(span_ids), list(link_ids)
        if self._references_checked:
            raise RuntimeError("no deletes inside bulk_writes: they rely on foreign keys")
        with self.transaction():
            self._write("DELETE FROM links WHERE id = ?", [(i,) for i in link_ids])
            if versions is None:
                self._write("DELETE FROM annotations WHERE id = ?", [(i,) for i in span_ids])
            else:
                done = self._write(
                    "DELETE FROM annotations WHERE id = ? AND version = ?",
                    [(i, versions[i]) for i in span_ids],
                )
                if done != len(span_ids):
                    raise StaleEdit(self._stale_message())
            self.log(action, doc_id, {"spans": span_ids, "links": link_ids})

    def update_spans(self, spans: Iterable[Span], action: str = "update") -> None:
        """Write label and attributes of existing spans (range and kind never change). Each
        span's version is the one the caller last saw: when the project holds another (an
        update from a stale copy) or the span is gone, nothing is written and StaleEdit is
        raised. The stored version goes up by one."""
        spans = list(spans)
        with self.transaction():
            done = self._write(
                "UPDATE annotations SET label = ?, attrs = ?, version = version + 1 "
                "WHERE id = ? AND version = ?",
                [
                    (
                        s.label,
                        _encode_attrs(dict(s.attrs)),
                        s.id,
                        s.version,
                    )
                    for s in spans
                ],
            )
            if done != len(spans):
                raise StaleEdit(self._stale_message())
            self._log_spans(action, spans, [])

    def _stale_message(self) -> str:
        return (
            f"{self.path}: refused: another window or program changed these annotations since "
            "they were shown; the document is reloaded and nothing was changed"
        )

    def _log_spans(self, action: str, spans: list[Span], links: list[Link]) -> None:
        doc_ids = {s.doc_id for s in spans} | {lk.doc_id for lk in links}
        payload = {
            "spans": [
                {
                    "id": s.id,
                    "kind": s.kind,
                    "label": s.label,
                    "start": s.start,
                    "end": s.end,
                    "attrs": dict(s.attrs),
                }
                for s in spans[:50]
            ],
            "links": [
                {"id": lk.id, "type": lk.type, "source": lk.source, "target": lk.target}
                for lk in links[:50]
            ],
            "count": len(spans) + len(links),
        }
        self.log(action, next(iter(doc_ids)) if len(doc_ids) == 1 else None, payload)

    def span_count(self, doc_id: str | None = None, kind: str | None = None) -> int:
        sql, params = "SELECT COUNT(*) FROM annotations WHERE 1", []
        if doc_id is not None:
            sql += " AND doc_id = ?"
            params.append(doc_id)
        if kind is not None:
            sql += " AND kind = ?"
            params.append(kind)
        return self.db.execute(sql, params).fetchone()[0]

    # --- rejected suggestions ---------------------------------------------------------------
    def rejected(self, doc_id: str) -> set[tuple[str, int, int, str]]:
        rows = self.db.execute(
            'SELECT kind, start, "end", label FROM rejected_suggestions WHERE doc_id = ?', [doc_id]
        ).fetchall()
        return {tuple(r) for r in rows}

    def set_rejected(
        self, doc_id: str, keys: Iterable[tuple[str, int, int, str]], rejected: bool
    ) -> None:
        keys = list(keys)
        with self.transaction():
            if rejected:
                self.db.conn.executemany(
                    'INSERT OR IGNORE INTO rejected_suggestions(doc_id, kind, start, "end", label) '
                    "VALUES (?, ?, ?, ?, ?)",
                    [(doc_id, *k) for k in keys],
                )
            else:
                self.db.conn.executemany(
                    "DELETE FROM rejected_suggestions WHERE doc_id = ? AND kind = ? AND start = ? "
                    'AND "end" = ? AND label = ?',
                    [(doc_id, *k) for k in keys],
                )
            self.log("reject" if rejected else "unreject", doc_id, {"count": len(keys)})

    # --- label schema -----------------------------------------------------------------------
    def schema(self) -> LabelSchema:
        if self._schema is None:
            kinds = [
                {"name": n, "title": t}
                for n, t in self.db.execute("SELECT name, title FROM kinds ORDER BY position")
            ]
            labels = [
                {
                    "name": n,
                    "kind": k,
                    "color": c,
                    "key": key,
                    "title": t,
                    "title_ar": t_ar,
                    "definition": d,
                    "definition_ar": d_ar,
                }
                for n, k, c, key, t, t_ar, d, d_ar in self.db.execute(
                    "SELECT name, kind, color, key, title, title_ar, definition, definition_ar "
                    "FROM labels ORDER BY position"
                )
            ]
            attributes = [
                {
                    "kind": k,
                    "name": n,
                    "values": json.loads(v) if v is not None else None,
                    "default": d,
                    "title": t,
                }
                for k, n, v, d, t in self.db.execute(
                    "SELECT kind, name, allowed, default_value, title FROM attribute_defs ORDER BY position"
                )
            ]
            link_types = [
                {
                    "name": n,
                    "from": json.loads(f),
                    "to": json.loads(to),
                    "max_per_source": m,
                    "title": t,
                }
                for n, f, to, m, t in self.db.execute(
                    "SELECT name, from_kinds, to_kinds, max_per_source, title FROM link_types ORDER BY position"
                )
            ]
            self._schema = LabelSchema.from_dict(
                {
                    "kinds": kinds,
                    "labels": labels,
                    "attributes": attributes,
                    "link_types": link_types,
                }
            )
        return self._schema

    def save_schema(self, schema: LabelSchema, renames: dict[str, str] | None = None) -> None:
        """Store a new schema. renames maps old label names to new ones: existing annotations
        follow (ON UPDATE CASCADE). A schema the stored annotations do not fit (a label in use
        gone, a value no longer allowed...) is refused with EditRefused, nothing written."""
        renames = renames or {}
        check_schema_fields(schema)
        data = schema.to_dict()
        with self.transaction():
            for old, new in renames.items():
                self.db.execute("UPDATE labels SET name = ? WHERE name = ?", [new, old])
            conflict = schema_conflict(schema, self.schema_usage())
            if conflict is not None:
                raise EditRefused(conflict)
            new_names = {lab["name"] for lab in data["labels"]}
            for (name,) in self.db.execute("SELECT name FROM labels").fetchall():
                if name not in new_names:
                    self.db.execute("DELETE FROM labels WHERE name = ?", [name])
            _write_schema_tables(self.db, data)
            self.log("schema", None, {"renames": renames, "schema": data})
        self._schema = None

    def schema_usage(self) -> SchemaUsage:
        """What the stored annotations use, in a few grouped queries (none per annotation)."""
        db = self.db
        most: dict[str, tuple[str, int]] = {}
        for type_name, source, n in db.execute(
            "SELECT type, source, COUNT(*) AS n FROM links GROUP BY type, source"
        ):
            if type_name not in most or n > most[type_name][1]:
                most[type_name] = (source, n)
        return SchemaUsage(
            kinds={r[0] for r in db.execute("SELECT name FROM kinds")},
            labels=db.execute(
                "SELECT label, kind, COUNT(*) FROM annotations GROUP BY label, kind ORDER BY label"
            ).fetchall(),
            attrs=self._attrs_usage(),
            links=db.execute(
                "SELECT l.type, s.kind, t.kind, COUNT(*) FROM links l "
                "JOIN annotations s ON s.id = l.source JOIN annotations t ON t.id = l.target "
                "GROUP BY l.type, s.kind, t.kind ORDER BY l.type"
            ).fetchall(),
            most_links=most,
        )

    def _attrs_usage(self) -> list[tuple[str, str, int]]:
        """(kind, attrs JSON, count) of the annotations, by kind then attrs: what GROUP BY kind,
        attrs gives, from two index-only scans. Most annotations have no attributes ('{}'),
        which no index holds with its attrs: grouping them read every row (2.6 s of every
        schema change at 100,000 articles); their count is each kind's total less the rest."""
        db = self.db
        rest = db.execute(
            "SELECT kind, attrs, COUNT(*) FROM annotations WHERE attrs != '{}' GROUP BY kind, attrs"
        ).fetchall()
        with_attrs: Counter[str] = Counter()
        for kind, _, n in rest:
            with_attrs[kind] += n
        empty = [
            (kind, "{}", total - with_attrs[kind])
            for kind, total in db.execute("SELECT kind, COUNT(*) FROM annotations GROUP BY kind")
            if total > with_attrs[kind]
        ]
        return sorted(rest + empty, key=lambda row: (row[0], row[1]))

    def label_usage(self, name: str) -> int:
        return self.db.execute(
            "SELECT COUNT(*) FROM annotations WHERE label = ?", [name]
        ).fetchone()[0]
