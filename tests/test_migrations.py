"""Numbered migrations: old files are upgraded with their data; a failing step rolls back."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from annotation.documents import Document
from annotation.spans import Span
from storage import migrations
from storage.migrations import APPLICATION_ID, LATEST_VERSION, MIGRATIONS, migrate
from storage.project import Project, ProjectError

TEXT = "استقبل الرئيس التونسي في قصر قرطاج وفدا من البنك الدولي صباح الأربعاء."


def _db(path: Path) -> sqlite_utils.Database:
    return sqlite_utils.Database(sqlite3.connect(path, isolation_level=None))


def _version(db: sqlite_utils.Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def _tables(db: sqlite_utils.Database) -> set[str]:
    return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _old_project(path: Path) -> tuple[Document, list[str]]:
    """A version-1 file with one document, two spans, a link and a log row."""
    db = _db(path)
    assert migrate(db, target=1) == [1]
    assert _version(db) == 1
    doc = Document.create(TEXT, "tunis.txt")
    db.execute(
        "INSERT INTO documents(id, sha256, source, text, status, position, created_at) "
        "VALUES (?, ?, ?, ?, 'in_progress', 1, '2024-01-01T00:00:00')",
        [doc.id, doc.sha256, doc.source, doc.text],
    )
    db.execute("INSERT INTO annotators(id, name) VALUES (1, 'old')")
    spans = [
        (
            "a1",
            "entity",
            "PERS",
            TEXT.index("الرئيس"),
            TEXT.index("الرئيس") + len("الرئيس التونسي"),
        ),
        ("a2", "entity", "ORG", TEXT.index("البنك"), TEXT.index("البنك") + len("البنك الدولي")),
        ("q1", "quote", "QUOTE", 0, 6),
    ]
    for sid, kind, label, start, end in spans:
        attrs = {"type": "indirect"} if kind == "quote" else {}
        db.execute(
            'INSERT INTO annotations(id, doc_id, kind, label, start, "end", attrs, annotator_id, created_at) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, 1, '2024-01-01T00:00:00')",
            [sid, doc.id, kind, label, start, end, json.dumps(attrs)],
        )
    db.execute(
        "INSERT INTO links(id, doc_id, type, source, target) VALUES ('l1', ?, 'speaker', 'q1', 'a1')",
        [doc.id],
    )
    db.execute(
        "INSERT INTO edit_log(at, annotator_id, doc_id, action, payload) VALUES ('2024', 1, ?, 'add', '{}')",
        [doc.id],
    )
    db.conn.close()
    return doc, [s[0] for s in spans]


def test_latest_version_is_the_number_of_steps() -> None:
    assert LATEST_VERSION == len(MIGRATIONS) >= 2


def test_old_file_is_upgraded_with_data_intact(tmp_path: Path) -> None:
    path = tmp_path / "old.hashiya"
    doc, span_ids = _old_project(path)
    db = _db(path)
    assert "rejected_suggestions" not in _tables(db)
    db.conn.close()

    with Project(path, annotator="new") as project:
        assert project.migrated_from == 1
        assert project.db.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        assert project.db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert "rejected_suggestions" in _tables(project.db)
        assert project.document(doc.id) == Document(
            doc.id, TEXT, "tunis.txt", doc.sha256, "in_progress"
        )
        spans = project.spans(doc.id)
        assert [s.id for s in spans] == ["q1", "a1", "a2"]
        assert {s.id: s.annotator for s in spans} == {"q1": "old", "a1": "old", "a2": "old"}
        assert spans[0].attrs == {"type": "indirect"}
        assert [lk.id for lk in project.links(doc.id)] == ["l1"]
        assert [r["action"] for r in project.edit_log()] == ["add"]
        # the new table works
        project.set_rejected(doc.id, [("entity", 0, 6, "PERS")], True)
        assert project.rejected(doc.id) == {("entity", 0, 6, "PERS")}
    with Project(path) as again:
        assert again.migrated_from == LATEST_VERSION
        assert again.rejected(doc.id) == {("entity", 0, 6, "PERS")}


def test_upgraded_file_has_the_same_schema_as_a_new_one(tmp_path: Path) -> None:
    _old_project(tmp_path / "old.hashiya")
    Project(tmp_path / "old.hashiya").close()
    Project(tmp_path / "new.hashiya").close()

    def schema_sql(path: Path) -> list[tuple[str, str]]:
        db = _db(path)
        try:
            return sorted(
                db.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL").fetchall()
            )
        finally:
            db.conn.close()

    assert schema_sql(tmp_path / "old.hashiya") == schema_sql(tmp_path / "new.hashiya")


def test_old_and_new_files_merge_their_full_text_segments_eight_at_a_time(
    tmp_path: Path,
) -> None:
    _old_project(tmp_path / "old.hashiya")
    for name in ("old.hashiya", "new.hashiya"):
        Project(tmp_path / name).close()
        db = _db(tmp_path / name)
        try:
            for table in ("search_words", "document_list_text"):
                row = db.execute(f"SELECT v FROM {table}_config WHERE k = 'automerge'").fetchone()
                assert row == (8,), (name, table)
        finally:
            db.conn.close()


def test_inserted_spans_are_counted_by_the_write_path_after_migration_15(tmp_path: Path) -> None:
    """A file counted by the insert triggers (version 14) keeps its counts; from 15 on no
    trigger runs for an inserted span, and Project.insert and the delete triggers count."""
    path = tmp_path / "old.hashiya"
    doc, _ = _old_project(path)
    db = _db(path)
    assert migrate(db, target=14) == list(range(2, 15))
    before = db.execute(
        "SELECT entities, quotes, claims FROM document_list WHERE doc_id = ?", [doc.id]
    ).fetchone()
    assert before == (2, 1, 0)
    db.conn.close()
    with Project(path, annotator="new") as project:
        assert project.migrated_from == 14
        triggers = project.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'annotations' "
            "AND sql LIKE '%AFTER INSERT%'"
        ).fetchall()
        assert triggers == []
        assert "document_list_counts_deferred" not in _tables(project.db)
        info = project.document_info(doc.id)
        assert (info.entity_count, info.quote_count, info.claim_count) == (2, 1, 0)
        claim = Span("c1", doc.id, "claim", "CLAIM", 0, 6)
        project.insert([claim])
        project.delete(["a1"])
        info = project.document_info(doc.id)
        assert (info.entity_count, info.quote_count, info.claim_count) == (1, 1, 1)


def test_migrate_is_idempotent(tmp_path: Path) -> None:
    db = _db(tmp_path / "p.db")
    assert migrate(db) == list(range(1, LATEST_VERSION + 1))
    assert migrate(db) == []
    assert _version(db) == LATEST_VERSION
    db.conn.close()


def test_failing_step_rolls_back_to_the_previous_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _db(tmp_path / "p.db")
    migrate(db)
    before = sorted(db.execute("SELECT name, sql FROM sqlite_master").fetchall())

    def _v3_broken(db: sqlite_utils.Database) -> None:
        db.execute("CREATE TABLE half_done (x)")
        db.execute("INSERT INTO settings(key, value) VALUES ('half', 'done')")
        raise RuntimeError("step 3 failed")

    monkeypatch.setattr(migrations, "MIGRATIONS", [*MIGRATIONS, _v3_broken])
    with pytest.raises(RuntimeError, match="step 3 failed"):
        migrate(db, target=LATEST_VERSION + 1)
    assert _version(db) == LATEST_VERSION
    assert sorted(db.execute("SELECT name, sql FROM sqlite_master").fetchall()) == before
    assert db.execute("SELECT COUNT(*) FROM settings").fetchone()[0] == 0
    assert not db.conn.in_transaction
    db.conn.close()


def test_failing_step_stops_after_the_good_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _db(tmp_path / "p.db")

    def _broken(db: sqlite_utils.Database) -> None:
        db.execute("CREATE TABLE rejected_suggestions (x)")
        raise sqlite3.OperationalError("disk full")

    monkeypatch.setattr(migrations, "MIGRATIONS", [MIGRATIONS[0], _broken])
    with pytest.raises(sqlite3.OperationalError):
        migrate(db, target=2)
    assert _version(db) == 1  # step 1 was committed on its own
    assert "documents" in _tables(db)
    assert "rejected_suggestions" not in _tables(db)
    db.conn.close()


def test_project_with_a_failing_upgrade_is_refused_and_left_at_its_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.hashiya"
    doc, span_ids = _old_project(path)

    def _broken(db: sqlite_utils.Database) -> None:
        db.execute("DROP TABLE annotations")
        raise RuntimeError("cannot upgrade")

    monkeypatch.setattr(migrations, "MIGRATIONS", [MIGRATIONS[0], _broken])
    with pytest.raises(ProjectError) as info:
        Project(path)
    assert str(path) in str(info.value)
    assert "\n" not in str(info.value)
    monkeypatch.undo()

    db = _db(path)
    assert _version(db) == 1
    assert {r[0] for r in db.execute("SELECT id FROM annotations")} == set(span_ids)
    db.conn.close()
    # with the real steps, the same file upgrades fine
    with Project(path) as project:
        assert project.migrated_from == 1
        assert {s.id for s in project.spans(doc.id)} == set(span_ids)
