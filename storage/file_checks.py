"""What is checked before a project file is used, and how every connection is opened.

A project file is mailed between annotators: it is untrusted input. Before anything is
written to it (a migration, an annotator row, a -wal file) it is read without writing a byte
and refused when it is not ours:

- the SQLite header, our application id and a version this build knows (cheap: 100 bytes);
- its schema: every table, index, trigger and view in `sqlite_master` must be one this build
  creates at that version, with the same SQL; anything else (a trigger that deletes spans, a
  view, a table with a different CHECK or DEFAULT) is refused, naming the object.

No whole-file work happens here: `quick_check` (for the window, in the background) and
`full_check` (`python main.py check`) read every page on demand.

Every connection gets `trusted_schema = OFF`, `recursive_triggers = OFF` and no extension
loading, so even a schema that slipped through could not call application functions.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from annotation.errors import HashiyaError
from storage.migrations import APPLICATION_ID, LATEST_VERSION, MIGRATIONS

SQLITE_HEADER = b"SQLite format 3\x00"
# Tables SQLite itself may add to a file (ANALYZE statistics, AUTOINCREMENT counters).
_SQLITE_INTERNAL = {"sqlite_stat1", "sqlite_stat4", "sqlite_sequence"}


class ProjectError(HashiyaError):
    """The file cannot be used as a project; str() is a one-line reason naming the file."""


def harden(conn: sqlite3.Connection) -> sqlite3.Connection:
    """Settings every connection to a project gets before it reads the schema."""
    if hasattr(conn, "enable_load_extension"):  # absent when Python was built without it
        conn.enable_load_extension(False)
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA recursive_triggers = OFF")
    conn.execute("PRAGMA cell_size_check = ON")
    return conn


def read_only_uri(path: Path, immutable: bool) -> str:
    # A URI built from the path, so '?', '#' and '%' in names are not parsed as URI syntax.
    return path.resolve().as_uri() + "?mode=ro" + ("&immutable=1" if immutable else "")


def check_ids(path: Path, app_id: int, user_version: int) -> None:
    if app_id != APPLICATION_ID:
        raise ProjectError(
            f"{path}: not a Hashiya project (an SQLite database of another application)"
        )
    if user_version > LATEST_VERSION:
        raise ProjectError(
            f"{path}: made by a newer Hashiya (project version {user_version}, "
            f"this one reads up to {LATEST_VERSION})"
        )


SchemaObjects = dict[str, tuple[str, str, str | None]]  # name -> (type, table, sql)


def _objects(conn: sqlite3.Connection) -> SchemaObjects:
    return {
        name: (kind, table, sql)
        for kind, name, table, sql in conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master"
        )
    }


@cache
def expected_schema(version: int) -> SchemaObjects:
    """The objects this build's migrations create up to version, replayed in memory."""
    import sqlite_utils

    conn = sqlite3.connect(":memory:", isolation_level=None)
    db = sqlite_utils.Database(conn, recursive_triggers=False)
    for step in MIGRATIONS[:version]:
        step(db)
    objects = _objects(conn)
    conn.close()
    return objects


def check_schema(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """Refuse a file whose tables, indexes, triggers or views are not exactly ours."""
    expected = expected_schema(version)
    found = _objects(conn)
    for name, (kind, _table, sql) in sorted(found.items()):
        if name in _SQLITE_INTERNAL and kind == "table":
            continue
        want = expected.get(name)
        if want is None:
            raise ProjectError(
                f"{path}: refused: the file holds a {kind} {name!r} that Hashiya does not make "
                "(a project file must not carry its own triggers, views, tables or indexes)"
            )
        if want[0] != kind or want[2] != sql:
            raise ProjectError(
                f"{path}: refused: the {kind} {name!r} differs from the one Hashiya makes"
            )
    for name, (kind, _table, _sql) in sorted(expected.items()):
        if name not in found:
            raise ProjectError(f"{path}: refused: the {kind} {name!r} is missing")


def _check_size(path: Path, header: bytes) -> None:
    """A file shorter than the page count its header states was cut (a copy that stopped)."""
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    valid = header[24:28] == header[92:96]  # the in-header size is kept up to date
    if valid and pages and path.stat().st_size < pages * page_size:
        raise ProjectError(
            f"{path}: the project file is corrupt (cut short: {path.stat().st_size} bytes, "
            f"its header says {pages * page_size})"
        )


@dataclass(frozen=True)
class FileState:
    """What the checks before opening learned about an existing file."""

    empty: bool  # a 0-byte file: a new project
    version: int  # its user_version (0 when empty)


def check_existing_file(path: Path) -> FileState:
    """Refuse files that are not Hashiya projects without writing a byte to them."""
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise ProjectError(f"{path}: cannot read the file ({exc.strerror})") from None
    if len(header) == 0:
        return FileState(empty=True, version=0)
    if not header.startswith(SQLITE_HEADER) or len(header) < 100:
        raise ProjectError(f"{path}: not a Hashiya project (not an SQLite database)")
    # After a killed session the newest page 1 (application_id, user_version) may still be
    # in the -wal file only: then the header on disk is stale and the ids are read through
    # SQLite instead. immutable=1 keeps SQLite from creating -wal/-shm files beside a file
    # we may refuse; when a -wal is already there, it must be read, so open it normally.
    wal_pending = Path(f"{path}-wal").exists()
    if not wal_pending:
        check_ids(path, int.from_bytes(header[68:72], "big"), int.from_bytes(header[60:64], "big"))
        _check_size(path, header)
    try:
        ro = harden(sqlite3.connect(read_only_uri(path, not wal_pending), uri=True))
        try:
            app_id = ro.execute("PRAGMA application_id").fetchone()[0]
            version = ro.execute("PRAGMA user_version").fetchone()[0]
            check_ids(path, app_id, version)
            check_schema(ro, path, version)
        finally:
            ro.close()
    except sqlite3.DatabaseError as exc:
        raise ProjectError(f"{path}: the project file is corrupt ({exc})") from None
    return FileState(empty=False, version=version)


# --- whole-file checks, on demand ---------------------------------------------------------------
@dataclass
class CheckReport:
    path: Path
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _run_checks(path: Path, pragma: str, limit: int) -> CheckReport:
    report = CheckReport(path)
    wal_pending = Path(f"{path}-wal").exists()
    try:
        conn = harden(sqlite3.connect(read_only_uri(path, not wal_pending), uri=True))
    except sqlite3.Error as exc:
        report.problems.append(f"cannot open the file ({exc})")
        return report
    try:
        rows = conn.execute(f"PRAGMA {pragma}({limit})").fetchall()
        if rows != [("ok",)]:
            report.problems.extend(str(r[0]) for r in rows)
        for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check").fetchmany(limit):
            report.problems.append(f"{table} row {rowid} refers to a missing {parent} row")
    except sqlite3.DatabaseError as exc:
        report.problems.append(f"the file is corrupt ({exc})")
    finally:
        conn.close()
    return report


def quick_check(path: str | Path, limit: int = 20) -> CheckReport:
    """`PRAGMA quick_check` and `foreign_key_check` on a connection of its own (safe to run
    from a worker thread while the window uses the project); writes nothing."""
    return _run_checks(Path(path), "quick_check", limit)


def full_check(path: str | Path, limit: int = 100) -> CheckReport:
    """`PRAGMA integrity_check` (every page, every index entry) and `foreign_key_check`."""
    return _run_checks(Path(path), "integrity_check", limit)
