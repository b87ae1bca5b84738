"""A project made by an older version is upgraded once, in the background, while a progress
dialog says so; a project of this version opens directly."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

import ui.project_upgrade
from annotation.documents import Document
from storage import migrations
from storage.project import Project
from tests.gui_support import close_window, isolate, open_window, record_busy_dialogs

pytestmark = pytest.mark.gui

TEXTS = ["نص أول للخبر.", "نص ثان للخبر.", "نص ثالث للخبر."]


def _version_9(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.migrate(sqlite_utils.Database(conn, recursive_triggers=False), target=9)
    for i, text in enumerate(TEXTS):
        doc = Document.create(text, f"{i}.txt")
        conn.execute(
            "INSERT INTO documents(id, sha256, source, text, status, position, created_at) "
            "VALUES (?, ?, ?, ?, 'new', ?, 'now')",
            [doc.id, doc.sha256, doc.source, doc.text, i + 1],
        )
    conn.close()


@pytest.fixture
def dialogs(monkeypatch) -> list[str]:
    return record_busy_dialogs(monkeypatch)


def test_an_older_project_is_upgraded_with_a_progress_dialog(
    qtbot, monkeypatch, tmp_path, dialogs
) -> None:
    isolate(monkeypatch, tmp_path)
    path = tmp_path / "old.hashiya"
    _version_9(path)
    assert ui.project_upgrade.header_version(path) == 9
    win = open_window(qtbot, path)
    try:
        assert len(dialogs) == 1 and "old.hashiya" in dialogs[0]
        qtbot.waitUntil(lambda: win.session is not None)
        assert win.docs.doc_model.total == 3
        assert win.session.text == TEXTS[0]
        assert win.project.db.execute("PRAGMA user_version").fetchone()[0] == (
            migrations.LATEST_VERSION
        )
    finally:
        close_window(win)
    assert ui.project_upgrade.header_version(path) == migrations.LATEST_VERSION


def test_a_current_project_opens_without_one(qtbot, monkeypatch, tmp_path, dialogs) -> None:
    isolate(monkeypatch, tmp_path)
    path = tmp_path / "new.hashiya"
    with Project(path) as project:
        project.add_document(Document.create(TEXTS[0], "a.txt"))
    win = open_window(qtbot, path)
    try:
        qtbot.waitUntil(lambda: win.session is not None)
        assert dialogs == []
    finally:
        close_window(win)


def test_an_upgrade_that_fails_is_refused_in_the_window_thread(
    qtbot, monkeypatch, tmp_path, dialogs
) -> None:
    from storage.project import ProjectError
    from ui.app import create_window

    isolate(monkeypatch, tmp_path)
    path = tmp_path / "old.hashiya"
    _version_9(path)

    def broken(_db: sqlite_utils.Database) -> None:
        raise RuntimeError("step failed")

    steps = list(migrations.MIGRATIONS)
    steps[9] = broken  # the 10th step
    monkeypatch.setattr(migrations, "MIGRATIONS", steps)
    with pytest.raises(ProjectError, match="cannot upgrade"):
        create_window(path, "tester")
    assert dialogs and ui.project_upgrade.header_version(path) == 9  # rolled back
