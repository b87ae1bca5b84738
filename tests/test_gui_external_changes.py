"""The window follows what other programs write, and a read-only project says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotation.documents import Document
from annotation.spans import Span, new_id
from storage.project import Project
from storage.session import DocumentSession
from tests.gui_support import close_window, isolate, open_window

pytestmark = pytest.mark.gui

TEXT = "زار وزير الخارجية عمان أمس والتقى نظيره في بيروت."


def _project(path: Path) -> str:
    with Project(path, annotator="amal") as project:
        doc = Document.create(TEXT, "a.txt")
        project.add_document(doc)
        start = TEXT.index("عمان")
        DocumentSession(project, doc.id).add(
            [Span(new_id(), doc.id, "entity", "GPE", start, start + 4)]
        )
        return doc.id


def test_another_programs_edit_appears_without_reopening(
    qtbot, monkeypatch, tmp_path: Path
) -> None:
    isolate(monkeypatch, tmp_path)
    db = tmp_path / "p.hashiya"
    doc_id = _project(db)
    win = open_window(qtbot, db, annotator="amal")
    assert win.docs.doc_id == doc_id and len(win.session.index.of_kind("entity")) == 1
    start = TEXT.index("بيروت")
    with Project(db, annotator="amal") as other:  # another program, its own connection
        other.insert([Span(new_id(), doc_id, "entity", "GPE", start, start + 5)])
        other.add_document(Document.create("نص ثان عن دمشق.", "b.txt"))
    qtbot.waitUntil(lambda: len(win.session.index.of_kind("entity")) == 2, timeout=10000)
    assert len(win.docs.documents()) == 2
    assert win.watcher.poll() is False  # seen: nothing more to do
    close_window(win)


def test_read_only_project_opens_with_a_banner_and_refuses_edits(
    qtbot, monkeypatch, tmp_path: Path
) -> None:
    """A file without write permission (0444: read-only even for root, see
    storage.project._can_write) opens read-only: banner shown, edits refused, nothing written."""
    isolate(monkeypatch, tmp_path)
    db = tmp_path / "p.hashiya"
    _project(db)
    before = db.read_bytes()
    db.chmod(0o444)
    win = open_window(qtbot, db, annotator="amal")
    assert win.project.readonly and win.readonly_banner.isVisible()
    failures = []
    win.docs.editFailed.connect(lambda what, reason: failures.append(reason))
    win.view.select_range(TEXT.index("بيروت"), TEXT.index("بيروت") + 5)
    win.tagging.tag_selection("GPE")
    assert failures and "read-only" in failures[0]
    assert len(win.session.index.of_kind("entity")) == 1
    close_window(win)
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("p.hashiya")) == [
        "p.hashiya"
    ]  # no -wal/-shm left behind
