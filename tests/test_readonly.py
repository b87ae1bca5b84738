"""Reading never writes: export, schema --out, check and a read-only Project leave the file's
bytes, mtime and folder as they were, make no annotator row, and refuse every change."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

import main
from annotation.documents import Document
from annotation.errors import HashiyaError
from annotation.spans import Span, new_id
from storage import migrations
from storage.project import Project, ProjectError, ReadOnlyProject

TEXT = "قالت المتحدثة باسم البلدية إن «الطريق ستفتح الأحد» بعد أشهر من الأشغال في وسط المدينة."


def _snapshot(path: Path) -> tuple[bytes, int, list[str]]:
    return path.read_bytes(), path.stat().st_mtime_ns, sorted(os.listdir(path.parent))


def _annotators(path: Path) -> set[str]:
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM annotators")}
    finally:
        conn.close()


@pytest.fixture
def made(tmp_path: Path) -> tuple[Path, Document]:
    path = tmp_path / "p.hashiya"
    with Project(path, annotator="amina") as project:
        doc = Document.create(TEXT, "town.txt")
        project.add_document(doc)
        start = TEXT.index("البلدية")
        project.insert([Span(new_id(), doc.id, "entity", "ORG", start, start + 7)])
    assert sorted(os.listdir(tmp_path)) == ["p.hashiya"]
    return path, doc


def test_export_writes_not_a_byte_and_adds_no_annotator(
    made: tuple[Path, Document], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = made
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    before = _snapshot(path)
    monkeypatch.setenv("USER", "bob")
    assert main.main(["export", "--db", str(path), "--out", str(out_dir / "x.jsonl")]) == 0
    assert main.main(["export", "--db", str(path), "--out", str(out_dir / "x.conll"),
                      "--format", "conll"]) == 0  # fmt: skip
    assert main.main(["schema", "--db", str(path), "--out", str(out_dir / "s.json")]) == 0
    assert main.main(["check", "--db", str(path)]) == 0
    assert main.main(["stats", "--db", str(path), "--json"]) == 0
    assert main.main(["guidelines", "--db", str(path), "--out", str(out_dir / "g.md")]) == 0
    assert _snapshot(path) == before
    assert _annotators(path) == {"amina"}


def test_opening_makes_no_annotator_row_until_the_first_write(made: tuple[Path, Document]) -> None:
    path, doc = made
    with Project(path, annotator="youssef") as project:
        assert project.spans(doc.id)
    assert _annotators(path) == {"amina"}
    with Project(path, annotator="youssef") as project:
        project.set_status(doc.id, "done")
    assert _annotators(path) == {"amina", "youssef"}


def test_readonly_project_refuses_every_change_and_writes_nothing(
    made: tuple[Path, Document],
) -> None:
    path, doc = made
    before = _snapshot(path)
    with Project(path, annotator="bob", readonly=True) as project:
        assert project.readonly
        assert [d.id for d in project.documents()] == [doc.id]
        with pytest.raises(ReadOnlyProject, match="read-only") as info:
            project.set_status(doc.id, "done")
        assert isinstance(info.value, HashiyaError)
        assert str(path) in str(info.value)
        with pytest.raises(ReadOnlyProject):
            project.insert([Span(new_id(), doc.id, "entity", "ORG", 0, 4)])
        with pytest.raises(ReadOnlyProject):
            project.set_setting("zoom", "14")
    assert _snapshot(path) == before


def test_readonly_open_of_a_missing_file_is_refused_and_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="no such project file"):
        Project(tmp_path / "missing.hashiya", readonly=True)
    assert os.listdir(tmp_path) == []
    assert main.main(["export", "--db", str(tmp_path / "m.hashiya"), "--out",
                      str(tmp_path / "x.jsonl")]) == 1  # fmt: skip
    assert os.listdir(tmp_path) == []


def test_read_only_file_opens_read_only_and_leaves_no_wal_or_shm(
    made: tuple[Path, Document],
) -> None:
    path, doc = made
    path.chmod(0o444)
    try:
        before = _snapshot(path)
        with Project(path) as project:
            assert project.readonly
            assert project.document(doc.id).text == TEXT
            with pytest.raises(ReadOnlyProject):
                project.set_status(doc.id, "done")
        assert _snapshot(path) == before
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_project_in_a_read_only_folder_opens_read_only(made: tuple[Path, Document]) -> None:
    path, doc = made
    path.parent.chmod(0o555)
    try:
        before = _snapshot(path)
        with Project(path) as project:
            assert project.readonly
            assert project.spans(doc.id)
        assert _snapshot(path) == before
    finally:
        path.parent.chmod(0o755)


def test_readonly_reader_sees_a_writers_commits(made: tuple[Path, Document]) -> None:
    path, doc = made
    with Project(path, annotator="w") as writer, Project(path, readonly=True) as reader:
        assert reader.document_info(doc.id).status == "new"
        writer.set_status(doc.id, "done")
        assert reader.document_info(doc.id).status == "done"
    assert sorted(os.listdir(path.parent)) == ["p.hashiya"]


def test_older_project_is_read_through_an_upgrade_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.hashiya"
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:1])
    monkeypatch.setattr(migrations, "LATEST_VERSION", 1)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    import sqlite_utils

    migrations.migrate(sqlite_utils.Database(conn), target=1)
    conn.close()
    monkeypatch.undo()
    before = _snapshot(path)
    with Project(path, readonly=True) as project:
        assert project.migrated_from == 1
        assert project.documents() == []
        assert project.rejected("doc-x") == set()  # a table of a later step
    assert _snapshot(path) == before


def test_empty_file_opens_read_only_as_an_empty_project(tmp_path: Path) -> None:
    path = tmp_path / "empty.hashiya"
    path.touch()
    before = _snapshot(path)
    with Project(path, readonly=True) as project:
        assert project.documents() == []
    assert _snapshot(path) == before
