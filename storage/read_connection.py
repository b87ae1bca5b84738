"""A private read-only connection to a project file, for work off the GUI thread.

A sqlite3 connection must not be shared between threads that use it at once, so background
readers (statistics, recommender training) open their own. `mode=ro` plus `query_only`: this
connection can write nothing, and WAL lets it read while the window writes.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from storage.file_checks import harden


class ReadOnlyConnection:
    def __init__(self, path: str | Path) -> None:
        # harden: trusted_schema and recursive_triggers off, no extension loading, as on
        # every connection to a project (storage/file_checks.py).
        conn = harden(sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True))
        conn.execute("PRAGMA query_only = ON")
        self.db = sqlite_utils.Database(conn, recursive_triggers=False)

    def close(self) -> None:
        self.db.conn.close()

    def __enter__(self) -> ReadOnlyConnection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
