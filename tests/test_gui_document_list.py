"""The window's document list at corpus scale, through the real window: the list is the lazy
model (pages read as they show), filtered by first words, status and source as you type,
sorted by a header click, the open document's position and the totals shown, next/previous
stepping through the filtered list, and no whole-project query on the open path."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

import storage.project
from annotation.documents import STATUSES, Document
from storage.project import Project
from tests.gui_support import close_window, isolate, open_window
from ui.document_list_model import POSITION, LazyDocumentModel

pytestmark = pytest.mark.gui

N = 450  # more than two pages of 200
PLACES = ("الرياض", "جدة", "مكة")
FSI, LRI, PDI = "\u2068", "\u2066", "\u2069"


def _text(i: int) -> str:
    return f"{PLACES[i % 3]} خبر رقم {i} عن السوق اليوم."


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "many.hashiya"
    with Project(path, annotator="tester") as project:
        project.add_documents(
            Document.create(_text(i), f"feed-{i % 5}/{i:04d}.txt", STATUSES[i % 3])
            for i in range(N)
        )
    return path


def _traced(monkeypatch) -> list[str]:
    """Every statement the window's own connection runs, with its parameters."""
    statements: list[str] = []
    harden = storage.project.harden

    def traced(conn: sqlite3.Connection) -> sqlite3.Connection:
        conn = harden(conn)
        conn.set_trace_callback(statements.append)
        return conn

    monkeypatch.setattr(storage.project, "harden", traced)
    return statements


# A statement that reads (or counts) every row of a document table: no WHERE, no LIMIT.
_TABLES = re.compile(r"\bFROM\s+(documents|document_list|annotations)\b(.*)", re.I | re.S)


def _whole_table_reads(statements: list[str]) -> list[str]:
    found = []
    for sql in statements:
        match = _TABLES.search(sql)
        if match and not re.search(r"\b(WHERE|LIMIT)\b", match.group(2), re.I):
            found.append(sql)  # a count too: the totals are maintained (document_totals)
    return found


def test_open_reads_a_page_not_the_project(qtbot, monkeypatch, tmp_path, db) -> None:
    isolate(monkeypatch, tmp_path)
    statements = _traced(monkeypatch)
    win = open_window(qtbot, db)
    try:
        qtbot.waitUntil(lambda: win.session is not None)
        model = win.documents.list.model()
        assert model is win.docs.doc_model and isinstance(model, LazyDocumentModel)
        assert model.rowCount() == N
        assert 0 < len(model.rows) <= 2 * model.page_size  # the pages on screen, not N rows
        assert _whole_table_reads(statements) == []
        assert win.documents.done_count() == N // 3
        assert win.documents.progress.text() == f"{N // 3} of {N} documents done"
        where, total = f"{LRI}1{PDI} of {LRI}450{PDI} shown", f"{LRI}450{PDI} documents"
        assert win.documents.position.text() == f"{FSI}{where}{PDI} · {FSI}{total}{PDI}"
    finally:
        close_window(win)


def test_reopens_on_a_document_far_down_the_list(qtbot, monkeypatch, tmp_path, db) -> None:
    isolate(monkeypatch, tmp_path)
    win = open_window(qtbot, db)
    far = win.project.document_ids()[420]
    win.docs.open(far)
    close_window(win)
    win = open_window(qtbot, db)
    try:
        qtbot.waitUntil(lambda: win.session is not None)
        assert win.docs.doc_id == far
        assert win.documents.list.currentIndex().row() == 420
        assert "421" in win.documents.position.text()
        assert len(win.docs.doc_model.rows) <= 2 * win.docs.doc_model.page_size
    finally:
        close_window(win)


def test_filter_as_you_type_sort_by_header_and_step(qtbot, monkeypatch, tmp_path, db) -> None:
    isolate(monkeypatch, tmp_path)
    win = open_window(qtbot, db)
    try:
        qtbot.waitUntil(lambda: win.session is not None)
        pane, model = win.documents, win.docs.doc_model
        for letter in "جدة":  # as typed (QTest cannot type Arabic keys): one filter each
            pane.words.insert(letter)
        assert model.total == N // 3
        assert all(_text(model.info(r).position - 1).startswith("جدة") for r in range(model.total))
        pane.status_filter.setCurrentIndex(1 + STATUSES.index("done"))
        assert model.total == 0  # جدة is in every third document from the second: in progress
        pane.status_filter.setCurrentIndex(1 + STATUSES.index("in_progress"))
        assert model.total == N // 3
        qtbot.keyClicks(pane.source, "feed-2")
        want = [i + 1 for i in range(N) if i % 3 == 1 and i % 5 == 2]
        assert [model.info(r).position for r in range(model.total)] == want
        assert pane.position.text().startswith(f"{FSI}{LRI}")  # the open one is filtered out
        # a click on the "#" header (the list's order) reverses it, a second one restores it
        header = pane.list.horizontalHeader()
        pane.list.setColumnHidden(POSITION, False)
        x = header.sectionViewportPosition(POSITION) + header.sectionSize(POSITION) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
        assert model.query.sort == "position" and model.query.descending
        assert [model.info(r).position for r in range(model.total)] == want[::-1]
        # next / previous walk the filtered, sorted list
        win.docs.open(model.info(0).id)
        win.docs.step(+1)
        assert win.docs.info(win.docs.doc_id).position == want[-2]
        assert pane.list.currentIndex().row() == 1
        win.docs.step(-1)
        assert win.docs.info(win.docs.doc_id).position == want[-1]
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
        assert not model.query.descending and model.info(0).position == want[0]
        assert pane.list.currentIndex().row() == len(want) - 1  # the open one, still selected
        pane.words.clear()
        pane.source.clear()
        pane.status_filter.setCurrentIndex(0)
        assert model.total == N
    finally:
        close_window(win)


def test_header_menu_shows_columns_and_curation_is_not_a_sort(
    qtbot, monkeypatch, tmp_path, db
) -> None:
    from PySide6.QtWidgets import QMenu

    from ui.document_list_model import CURATION, TITLE

    isolate(monkeypatch, tmp_path)
    win = open_window(qtbot, db)
    try:
        qtbot.waitUntil(lambda: win.session is not None)
        pane, model = win.documents, win.docs.doc_model
        header = pane.list.horizontalHeader()
        assert pane.list.isColumnHidden(TITLE)
        menus: list[QMenu] = []
        monkeypatch.setattr(QMenu, "popup", lambda self, *_a: menus.append(self))
        pane._columns_menu(QPoint(5, 5))  # what the header's context menu opens
        titles = [a.text() for a in menus[0].actions()]
        assert titles[TITLE] == "First words" and not menus[0].actions()[TITLE].isChecked()
        menus[0].actions()[TITLE].trigger()
        assert not pane.list.isColumnHidden(TITLE)
        x = header.sectionViewportPosition(TITLE) + header.sectionSize(TITLE) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
        assert model.query.sort == "title"
        assert model.info(0).title <= model.info(model.total - 1).title
        x = header.sectionViewportPosition(CURATION) + header.sectionSize(CURATION) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
        assert model.query.sort == "title"  # computed per row: not sortable
        assert header.sortIndicatorSection() == TITLE
    finally:
        close_window(win)
