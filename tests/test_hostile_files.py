"""A project file is untrusted input (issue 14): a file carrying objects Hashiya does not make
is refused on open, naming the object, without a byte written; every connection runs with
trusted_schema and recursive_triggers off and no extension loading."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from annotation.documents import Document
from annotation.spans import Span, new_id
from storage.file_checks import expected_schema
from storage.migrations import LATEST_VERSION
from storage.project import Project, ProjectError

TEXT = "أكد رئيس الاتحاد أن «المباراة ستقام في موعدها» رغم الأمطار التي هطلت على العاصمة."


def _made(tmp_path: Path) -> Path:
    path = tmp_path / "mailed.hashiya"
    with Project(path, annotator="sender") as project:
        doc = Document.create(TEXT, "sport.txt")
        project.add_document(doc)
    return path


def _tamper(path: Path, *sql: str) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in sql:
        conn.execute(statement)
    conn.close()
    assert not Path(f"{path}-wal").exists()


def _assert_refused(path: Path, name: str) -> None:
    before = path.read_bytes(), path.stat().st_mtime_ns, sorted(os.listdir(path.parent))
    with pytest.raises(ProjectError) as info:
        Project(path, annotator="receiver")
    message = str(info.value)
    assert str(path) in message and "\n" not in message
    assert repr(name) in message, message
    assert (path.read_bytes(), path.stat().st_mtime_ns, sorted(os.listdir(path.parent))) == before


def test_trigger_deleting_each_new_span_is_refused(tmp_path: Path) -> None:
    path = _made(tmp_path)
    _tamper(
        path,
        "CREATE TRIGGER eat AFTER INSERT ON annotations BEGIN "
        "DELETE FROM annotations WHERE id = NEW.id; END",
    )
    _assert_refused(path, "eat")


def test_trigger_rewriting_a_documents_text_is_refused(tmp_path: Path) -> None:
    path = _made(tmp_path)
    _tamper(
        path,
        "CREATE TRIGGER pwn AFTER INSERT ON annotations BEGIN "
        "UPDATE documents SET text = 'pwned' WHERE id = NEW.doc_id; END",
    )
    _assert_refused(path, "pwn")


def test_trigger_making_every_edit_fail_is_refused(tmp_path: Path) -> None:
    path = _made(tmp_path)
    _tamper(
        path,
        "CREATE TRIGGER nope BEFORE INSERT ON edit_log BEGIN SELECT RAISE(ABORT, 'no'); END",
    )
    _assert_refused(path, "nope")


def test_trigger_costing_seconds_per_edit_is_refused(tmp_path: Path) -> None:
    path = _made(tmp_path)
    _tamper(
        path,
        "CREATE TRIGGER slow AFTER INSERT ON edit_log BEGIN "
        "SELECT count(*) FROM (WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
        "WHERE x < 50000000) SELECT x FROM c); END",
    )
    _assert_refused(path, "slow")


def test_view_is_refused(tmp_path: Path) -> None:
    path = _made(tmp_path)
    _tamper(path, "CREATE VIEW spy AS SELECT text FROM documents")
    _assert_refused(path, "spy")


def test_extra_table_and_index_are_refused(tmp_path: Path) -> None:
    path = _made(tmp_path)
    _tamper(path, "CREATE TABLE extra (x)")
    _assert_refused(path, "extra")
    path2 = _made(tmp_path / "b")
    _tamper(path2, "CREATE INDEX docs_by_text ON documents(text)")
    _assert_refused(path2, "docs_by_text")


def test_table_with_a_different_definition_is_refused(tmp_path: Path) -> None:
    path = _made(tmp_path)
    # same name, another DEFAULT: every new span would silently get attributes
    _tamper(
        path,
        "PRAGMA writable_schema = ON",
        "UPDATE sqlite_master SET sql = replace(sql, 'DEFAULT ''{}''', 'DEFAULT ''{\"x\":1}''') "
        "WHERE name = 'annotations'",
        "PRAGMA writable_schema = OFF",
    )
    _assert_refused(path, "annotations")


def test_missing_index_is_refused(tmp_path: Path) -> None:
    path = _made(tmp_path)
    _tamper(path, "DROP INDEX links_source")
    _assert_refused(path, "links_source")


def test_every_connection_runs_with_trusted_schema_and_recursive_triggers_off(
    tmp_path: Path,
) -> None:
    for readonly in (False, True):
        path = _made(tmp_path / str(readonly))
        with Project(path, readonly=readonly) as project:
            conn = project.db.conn
            assert conn.execute("PRAGMA trusted_schema").fetchone()[0] == 0
            assert conn.execute("PRAGMA recursive_triggers").fetchone()[0] == 0
            with pytest.raises(sqlite3.OperationalError):
                conn.execute("SELECT load_extension('/nonexistent')")


def test_the_expected_schema_is_what_a_new_project_holds(tmp_path: Path) -> None:
    path = _made(tmp_path)
    conn = sqlite3.connect(path)
    found = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    assert found == set(expected_schema(LATEST_VERSION))


def test_a_file_of_ours_with_span_data_still_opens(tmp_path: Path) -> None:
    path = _made(tmp_path)
    with Project(path) as project:
        doc_id = project.document_ids()[0]
        project.insert([Span(new_id(), doc_id, "entity", "OCC", 4, 8)])
    with Project(path) as again:
        assert again.span_count(doc_id) == 1
