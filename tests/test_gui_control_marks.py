"""Control characters kept in a text (U+001A, U+0007, U+FEFF inside an article) show in the
article view as visible placeholders in a grey box, with a tooltip naming the character;
the stored text and every offset stay as they are."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from annotation.documents import Document
from annotation.spans import Span, new_id
from storage.project import Project
from tests.gui_support import close_window, isolate, open_window
from ui import control_marks

pytestmark = pytest.mark.gui

TEXT = "قال الوزير\x1aإن الاقتصاد\x07 ينمو\ufeff بسرعة\tكبيرة.\nسطر ثان."
CONTROLS = {TEXT.index("\x1a"): "␚", TEXT.index("\x07"): "␇", TEXT.index("\ufeff"): "⌧"}


def test_every_alias_is_the_characters_own() -> None:
    for char in control_marks.SHOWN:
        code, _, name = control_marks.describe(char).partition(" ")
        assert code == f"U+{ord(char):04X}"
        assert unicodedata.lookup(name) == char
    assert control_marks.describe("\x1a") == "U+001A SUBSTITUTE"
    assert not {"\t", "\n", "\r"} & control_marks.SHOWN


@pytest.fixture
def window(qtbot, monkeypatch, tmp_path: Path):
    isolate(monkeypatch, tmp_path)
    db = tmp_path / "p.hashiya"
    with Project(db, annotator="tester") as project:
        doc = Document.create(TEXT, "a.txt")
        project.add_document(doc)
    win = open_window(qtbot, db)
    qtbot.waitUntil(lambda: win.session is not None)
    yield win
    close_window(win)


def test_controls_show_as_placeholders_at_the_same_positions(qtbot, window) -> None:
    view = window.view
    shown = view.toPlainText()
    assert window.session.text == TEXT  # the stored text keeps its bytes
    assert len(shown) == len(TEXT)
    for at, placeholder in CONTROLS.items():
        assert shown[at] == placeholder
    # everything else as stored (Qt shows the line break as a paragraph separator)
    rest = [i for i in range(len(TEXT)) if i not in CONTROLS and TEXT[i] != "\n"]
    assert all(shown[i] == TEXT[i] for i in rest) and "\t" in shown
    # offsets stay 1:1: a selection over a placeholder is the stored range
    start, end = TEXT.index("الاقتصاد"), TEXT.index("ينمو")
    view.select_range(start, end)
    assert view.selection_range() == (start, end)
    assert [view.omap.to_qt(i) for i in range(len(TEXT) + 1)] == list(range(len(TEXT) + 1))
    # an annotation over one keeps its code-point offsets
    doc_id = window.session.doc.id
    window.session.add([Span(new_id(), doc_id, "entity", "ORG", start, end)])
    assert [(s.start, s.end) for s in window.project.spans(doc_id)] == [(start, end)]
    # a grey box is painted under each placeholder
    qtbot.waitUntil(lambda: len(view._control_items) == len(CONTROLS))


def test_hovering_a_placeholder_names_the_character(qtbot, window) -> None:
    view = window.view
    at = TEXT.index("\x1a")
    qtbot.waitUntil(lambda: bool(view.range_rects(at, at + 1)))
    point = view.range_rects(at, at + 1)[0].center().toPoint()
    assert view.control_at(point) == at
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    qtbot.waitUntil(lambda: "U+001A SUBSTITUTE" in QToolTip.text())
    assert "control character" in QToolTip.text()
    plain = TEXT.index("الوزير") + 2  # an ordinary letter: no such line
    point = view.range_rects(plain, plain + 1)[0].center().toPoint()
    assert view.control_at(point) is None
    assert view.control_at(QPoint(-50, -50)) is None
