"""Regression tests for the five defects of issue 7, each driven through the real window."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel

from tests.gui_support import close_window, isolate, open_window, press, window_with

pytestmark = pytest.mark.gui

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier

ARTICLE = (
    "اجتماع في موسكو بين بوتين وكيري\n\n"
    "وقال المتحدث إن وبوتين سيلتقي كيري في موسكو الثلاثاء، وأضاف «لا نستبعد لقاءً».\n"
    "وقال الوزير إن 26 مدنيا على الاقل قتلوا في القصف.\n"
)
# A long article: each paragraph holds an indirect quote (cue + إن) and a number (a claim).
FILLER = "وتابع الحديث عن الاوضاع في المدينة والمناطق المحيطة بها دون تفاصيل اخرى. "
LONG = "".join(
    f"وقال المسؤول رقم {i} إن الاجتماع سيعقد في الموعد المحدد. {FILLER * 3}\n" for i in range(60)
)


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    win = window_with(qtbot, monkeypatch, tmp_path, [article])
    yield win
    close_window(win)


@pytest.fixture
def long_window(qtbot, tmp_path, monkeypatch):
    article = tmp_path / "long.txt"
    article.write_text(LONG, encoding="utf-8")
    win = window_with(qtbot, monkeypatch, tmp_path, [article])
    win.resize(1100, 700)
    QApplication.processEvents()
    yield win
    close_window(win)


def stored(win, kind: str) -> list[tuple[int, int, str, str]]:
    return [
        tuple(r)
        for r in win.project.db.execute(
            'SELECT start, "end", boundary, attrs FROM annotations WHERE kind = ? ORDER BY start',
            [kind],
        ).fetchall()
    ]


def away_from_edges(win, start: int, end: int) -> bool:
    """[start, end) is on screen, at least one line from the top and bottom edges."""
    QApplication.processEvents()
    rects = win.view.range_rects(start, end)
    line = QFontMetrics(win.view.document().defaultFont()).height()
    height = win.view.viewport().height()
    return bool(rects) and rects[0].top() >= line and rects[-1].bottom() <= height - line


# --- 1. the keyboard path through a Details combo box ---------------------------------------
def test_choosing_a_claim_attribute_from_the_keyboard(qtbot, window) -> None:
    text = window.session.text
    c = text.index("26 مدنيا")
    window.view.select_range(c, c + len("26 مدنيا على الاقل قتلوا"))
    press(qtbot, window, Qt.Key.Key_C)
    press(qtbot, window, Qt.Key.Key_Escape)  # claimant unknown
    claim = window.session.index.of_kind("claim")[0]
    window.select_span(claim.id)
    details = window.panes.details
    combo = details.editors["checkworthy"]
    label = details.form.labelForField(combo)
    assert isinstance(label, QLabel) and "&" in label.text()
    letter = label.text()[label.text().index("&") + 1]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, letter.lower(), Qt.KeyboardModifier.AltModifier)  # Alt+letter
    qtbot.waitUntil(combo.hasFocus)
    before = combo.currentText()
    qtbot.keyClick(combo, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # open the list
    qtbot.waitUntil(lambda: combo.view().isVisible())
    popup = combo.view()
    last = combo.currentIndex() == combo.count() - 1
    qtbot.keyClick(popup, Qt.Key.Key_Up if last else Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)  # the process used to die here
    QApplication.processEvents()
    chosen = combo.currentText()
    assert chosen != before
    assert json.loads(stored(window, "claim")[0][3])["checkworthy"] == chosen
    # the same field is still there, with the focus, ready for the next key
    assert details.editors["checkworthy"] is combo and window.focusWidget() is combo
    # and the type field the same way, then undo both
    combo = details.editors["type"]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: combo.view().isVisible())
    type_before = combo.currentText()
    last = combo.currentIndex() == combo.count() - 1
    qtbot.keyClick(combo.view(), Qt.Key.Key_Up if last else Qt.Key.Key_Down)
    qtbot.keyClick(combo.view(), Qt.Key.Key_Return)
    QApplication.processEvents()
    assert combo.currentText() != type_before
    assert json.loads(stored(window, "claim")[0][3])["type"] == combo.currentText()
    window.docs.undo_stack.undo()
    window.docs.undo_stack.undo()
    assert json.loads(stored(window, "claim")[0][3])["checkworthy"] == before


# --- 2. Ctrl+Shift+Enter after Ctrl+T with F7 suggestions pending ---------------------------
def test_accept_all_after_tag_all_stores_only_the_tag_all_proposals(qtbot, window) -> None:
    text = window.session.text
    press(qtbot, window, Qt.Key.Key_F7)
    # the recommenders' model (trained in a child process) adds its guesses when it arrives
    qtbot.waitUntil(lambda: window.recommender.current is not None, timeout=30000)
    f7 = window.suggestions.proposals()
    assert any(p.kind == "quote" for p in f7) and any(p.kind == "claim" for p in f7)
    i = text.index("بين بوتين") + 4
    window.view.select_range(i, i + 5)
    press(qtbot, window, Qt.Key.Key_1)
    span = window.session.index.find("entity", i, i + 5)
    window.select_span(span.id)
    press(qtbot, window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    tag_all = [p for p in window.suggestions.proposals() if p.kind == "entity"]
    assert len(tag_all) == 1
    press(qtbot, window, Qt.Key.Key_Return, CTRL_SHIFT)
    assert len(stored(window, "entity")) == 2
    assert stored(window, "quote") == [] and stored(window, "claim") == []
    # the F7 suggestions are still pending, and the next Ctrl+Shift+Enter takes them
    assert {p.key for p in window.suggestions.proposals()} == {p.key for p in f7}
    press(qtbot, window, Qt.Key.Key_Return, CTRL_SHIFT)
    assert len(stored(window, "quote")) + len(stored(window, "claim")) == len(f7)
    assert len(stored(window, "entity")) == 2


# --- 3. tag-all over an existing nested entity, with the project's boundary policy ----------
def test_tag_all_never_stacks_on_a_nested_entity(qtbot, window) -> None:
    text = window.session.text
    w = text.index("وبوتين")
    window.view.select_range(w + 1, w + 6)
    press(qtbot, window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)  # بوتين inside وبوتين
    i = text.index("بين بوتين") + 4
    window.view.select_range(i, i + 5)
    press(qtbot, window, Qt.Key.Key_1)
    window.select_span(window.session.index.find("entity", i, i + 5).id)
    press(qtbot, window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert [p for p in window.suggestions.proposals() if p.kind == "entity"] == []
    press(qtbot, window, Qt.Key.Key_Return, CTRL_SHIFT)
    assert [(s, e) for s, e, _b, _a in stored(window, "entity")] == [(i, i + 5), (w + 1, w + 6)]


def test_tag_all_follows_the_boundary_setting(qtbot, window) -> None:
    text = window.session.text
    k = text.index(" كيري ") + 1
    window.view.select_range(k, k + 4)
    press(qtbot, window, Qt.Key.Key_1)  # tagged as a whole token
    window.tagging.set_boundary_policy("strip_clitics")
    window.select_span(window.session.index.find("entity", k, k + 4).id)
    press(qtbot, window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, window, Qt.Key.Key_Return, CTRL_SHIFT)
    w = text.index("وكيري")
    assert (w + 1, w + 5, "strip_clitics") in [
        (s, e, b) for s, e, b, _a in stored(window, "entity")
    ]
    assert all(s != w for s, *_ in stored(window, "entity"))  # never the whole token وكيري


# --- 4. Esc, scrolled positions, clearing the search ----------------------------------------
def test_escape_leaves_suggestion_mode(qtbot, window) -> None:
    press(qtbot, window, Qt.Key.Key_F7)
    assert window.act_suggest.isChecked() and window.suggestions.proposals()
    press(qtbot, window, Qt.Key.Key_Escape)
    assert not window.act_suggest.isChecked()
    assert window.suggestions.proposals() == [] and window.suggestions.current() is None
    press(qtbot, window, Qt.Key.Key_Return)  # Enter no longer accepts anything
    assert stored(window, "quote") == [] and stored(window, "claim") == []


def test_the_current_suggestion_stays_away_from_the_edges(qtbot, long_window) -> None:
    win = long_window
    press(qtbot, win, Qt.Key.Key_F7)
    for _ in range(8):
        press(qtbot, win, Qt.Key.Key_N)
    for _ in range(6):
        press(qtbot, win, Qt.Key.Key_Return)  # accept; the next one comes into view
        current = win.suggestions.current()
        assert current is not None
        assert away_from_edges(win, current.start, current.end)
    press(qtbot, win, Qt.Key.Key_Backspace)  # reject: the same for the next one
    current = win.suggestions.current()
    assert away_from_edges(win, current.start, current.end)


def test_search_hits_stay_away_from_the_edges_and_clearing_clears(qtbot, long_window) -> None:
    win = long_window
    panel = win.panes.search_panel
    panel.edit.setText("رقم 40")
    qtbot.keyClick(panel.edit, Qt.Key.Key_Return)
    assert len(win.search.hits) == 1
    hit = win.search.hits[0]
    assert away_from_edges(win, hit.start, hit.end)
    panel.edit.setText("الاجتماع")
    qtbot.keyClick(panel.edit, Qt.Key.Key_Return)
    for _ in range(5):
        press(qtbot, win, Qt.Key.Key_F3)
        hit = win.search.hits[win.search.pos]
        assert away_from_edges(win, hit.start, hit.end)
    assert win.view.bands()  # highlighted
    panel.edit.clear()
    assert win.search.hits == [] and panel.results.count() == 0
    assert not [b for b in win.view.bands() if b.style == "hit"]


# --- 5. a second window on the same project -------------------------------------------------
def test_a_second_window_on_the_same_project_is_refused(qtbot, tmp_path, monkeypatch) -> None:
    from ui.project_lock import ProjectLocked

    isolate(monkeypatch, tmp_path)
    db = tmp_path / "shared.hashiya"
    first = open_window(qtbot, db)
    with pytest.raises(ProjectLocked, match="already open in another Hashiya window"):
        open_window(qtbot, db)
    close_window(first)
    second = open_window(qtbot, db)  # free again once the first is closed
    assert second.lock is not None and second.lock.held
    close_window(second)


def test_the_refusal_is_shown_to_the_user(qtbot, tmp_path, monkeypatch) -> None:
    import ui.app as app_module

    isolate(monkeypatch, tmp_path)
    db = tmp_path / "shared.hashiya"
    first = open_window(qtbot, db)
    shown = []
    monkeypatch.setattr(app_module, "_show_error", lambda title, text: shown.append(text))
    monkeypatch.setattr(app_module, "configure_logging", lambda: tmp_path / "hashiya.log")
    monkeypatch.setattr(app_module, "install_excepthook", lambda *a: None)
    assert app_module.run_gui(db) == 1
    assert shown and "already open in another Hashiya window" in shown[0]
    close_window(first)


def test_reading_never_writes_to_the_project(qtbot, tmp_path, monkeypatch) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("خبر قصير عن دمشق.", encoding="utf-8")
    win = window_with(qtbot, monkeypatch, tmp_path, [tmp_path / "a.txt", tmp_path / "b.txt"])
    log_rows = len(win.project.edit_log())
    settings = win.project.db.execute("SELECT key, value FROM settings").fetchall()
    for doc in win.docs.documents():
        win.docs.open(doc.id)
    press(qtbot, win, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, win, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert len(win.project.edit_log()) == log_rows
    assert win.project.db.execute("SELECT key, value FROM settings").fetchall() == settings
    last = win.session.doc.id
    close_window(win)
    again = open_window(qtbot, tmp_path / "project.hashiya")
    assert again.session.doc.id == last  # the last document came back from QSettings
    close_window(again)


def test_about_names_the_log_file(qtbot, window) -> None:
    from ui.app_logging import log_path

    box = window.show_about()
    assert str(log_path()) in box.text()
    assert box.textFormat() == Qt.TextFormat.PlainText
    box.close()


def test_an_edit_that_fails_is_shown_and_not_kept_for_undo(qtbot, window, monkeypatch) -> None:
    import sqlite3

    from PySide6.QtWidgets import QMessageBox

    def broken(*_args, **_kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(window.session, "add", broken)
    i = window.session.text.index(" كيري ") + 1
    window.view.select_range(i, i + 4)
    press(qtbot, window, Qt.Key.Key_1)

    def shown() -> list[QMessageBox]:
        return [w for w in window.findChildren(QMessageBox) if w.isVisible()]

    qtbot.waitUntil(lambda: bool(shown()))
    box = shown()[0]
    assert "tag PERS" in box.text() and "not stored" in box.text()
    assert "disk I/O error" in box.text()
    assert not window.docs.undo_stack.canUndo() and window.docs.undo_stack.count() == 0
    assert stored(window, "entity") == []
    box.close()
