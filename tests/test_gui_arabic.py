"""The Arabic-aware tools in the real window: variant search, tag-all, variants, the
diacritics toggle, and the word-level key."""

from __future__ import annotations

import unittest.mock as mock

import pytest
from PySide6.QtCore import Qt, QTimer

from storage.project import ProjectBusy
from tests.gui_support import (
    close_window,
    press,
    record_busy_dialogs,
    window_with,
)

pytestmark = pytest.mark.gui

ARTICLE = (
    "قال الرئيسُ الأَسَد إن الاسد لن يتنازل.\n"
    "والأسد رفض العرض، وقيل للأسد ذلك بالأسد نفسه.\n"
    "الأسدي رجل آخر، وأسدل الستار.\n"
)
OTHER = "زار الأسد مدينة حمص ثم عاد الأسد إلى دمشق.\n"


@pytest.fixture
def win(qtbot, tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(OTHER, encoding="utf-8")
    w = window_with(qtbot, monkeypatch, tmp_path, [tmp_path / "a.txt", tmp_path / "b.txt"])
    w.docs.open(w.docs.documents()[0].id)
    yield w
    close_window(w)


def test_search_finds_spelling_variants_and_selects_the_hit(qtbot, win) -> None:
    press(qtbot, win, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert win.panes.is_front(win.panes.search_panel)
    win.panes.search_panel.edit.setText("الاسد")  # QTest.keyClicks only types ASCII
    qtbot.keyClick(win.panes.search_panel.edit, Qt.Key.Key_Return)
    text = win.session.text
    found = [text[h.start : h.end] for h in win.search.hits]
    assert found == ["الأَسَد", "الاسد", "والأسد", "للأسد", "بالأسد"]  # not الأسدي, not وأسدل
    assert win.view.selection_range() == (win.search.hits[0].start, win.search.hits[0].end)
    press(qtbot, win, Qt.Key.Key_F3)
    assert win.view.selection_range() == (win.search.hits[1].start, win.search.hits[1].end)
    # across the project
    hits = win.search.search("الاسد", project_wide=True)
    assert len({h.doc_id for h in hits}) == 2 and len(hits) == 7


def test_tag_all_in_document_and_project_one_undo_step_each(qtbot, win, monkeypatch) -> None:
    shown = record_busy_dialogs(monkeypatch)
    text = win.session.text
    i = text.index("الاسد")
    win.view.select_range(i, i + 5)
    press(qtbot, win, Qt.Key.Key_1)
    span = win.session.index.of_kind("entity")[0]
    win.select_span(span.id)
    with mock.patch("ui.tagging.ask", return_value=True):  # the confirmation: Yes
        press(
            qtbot,
            win,
            Qt.Key.Key_T,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    other = win.docs.documents()[1].id
    assert win.project.span_count(other, "entity") == 2  # the project-wide step, already applied
    # the other documents were searched off the GUI thread, a busy dialog meanwhile
    assert len(shown) == 1 and "Finding" in shown[0]
    proposed = sorted(text[p.start : p.end] for p in win.suggestions.proposals())
    assert proposed == sorted(["الأَسَد", "والأسد", "للأسد", "بالأسد"])
    press(
        qtbot,
        win,
        Qt.Key.Key_Return,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert win.project.span_count(win.session.doc.id, "entity") == 5
    win.docs.undo_stack.undo()  # the accepted batch
    assert win.project.span_count(win.session.doc.id, "entity") == 1
    win.docs.undo_stack.undo()  # the other document's batch
    assert win.project.span_count(other, "entity") == 0
    assert win.docs.documents()[1].entity_count == 0


def _tag_all_in_project(qtbot, win) -> None:
    """Tag the first الاسد of the open document, then tag all in the project (Yes)."""
    text = win.session.text
    i = text.index("الاسد")
    win.view.select_range(i, i + 5)
    press(qtbot, win, Qt.Key.Key_1)
    win.select_span(win.session.index.of_kind("entity")[0].id)
    with mock.patch("ui.tagging.ask", return_value=True):
        press(
            qtbot,
            win,
            Qt.Key.Key_T,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )


def test_tag_all_in_the_project_is_stored_whole_or_not_at_all(qtbot, tmp_path, monkeypatch) -> None:
    """The other documents' spans are one transaction: a failure on the second document
    leaves the first untouched too, and nothing is offered for undo."""
    paths = []
    for name, text in (("a", ARTICLE), ("b", OTHER), ("c", "وصل الأسد إلى حلب.\n")):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        paths.append(tmp_path / f"{name}.txt")
    win = window_with(qtbot, monkeypatch, tmp_path, paths)
    try:
        win.docs.open(win.docs.documents()[0].id)
        real_insert = win.project.insert
        calls: list[str] = []

        def failing_insert(spans, *args, **kwargs):  # type: ignore[no-untyped-def]
            spans = list(spans)
            if spans and spans[0].doc_id != win.session.doc.id:
                calls.append(spans[0].doc_id)
                if len(calls) == 2:
                    raise ProjectBusy("another program is writing to the project")
            return real_insert(spans, *args, **kwargs)

        monkeypatch.setattr(win.project, "insert", failing_insert)
        steps = win.docs.undo_stack.count()
        _tag_all_in_project(qtbot, win)
        assert len(calls) == 2  # the first document was written, then the second failed
        others = [d.id for d in win.docs.documents()[1:]]
        assert [win.project.span_count(d, "entity") for d in others] == [0, 0]
        assert win.docs.undo_stack.count() == steps + 1  # the label key's span only
    finally:
        close_window(win)


def test_undoing_tag_all_in_the_project_with_a_tagged_document_open(qtbot, win) -> None:
    _tag_all_in_project(qtbot, win)
    other = win.docs.documents()[1].id
    assert win.project.span_count(other, "entity") == 2
    win.docs.open(other)
    qtbot.waitUntil(lambda: win.session is not None and win.session.doc.id == other)
    assert len(win.session.index.of_kind("entity")) == 2
    win.docs.undo_stack.undo()  # the project-wide step, undone on the open document too
    assert win.project.span_count(other, "entity") == 0
    assert win.session.index.of_kind("entity") == []


def test_variants_view_counts_tagged_and_untagged(qtbot, win, monkeypatch) -> None:
    shown = record_busy_dialogs(monkeypatch)
    text = win.session.text
    for word in ("الاسد", "والأسد"):
        i = text.index(word)
        win.view.select_range(i, i + len(word))
        press(qtbot, win, Qt.Key.Key_1)
    win.show_variants()
    dialog = win.variants_dialog
    dialog.label_combo.setCurrentIndex(dialog.label_combo.findData("PERS"))
    dialog.reload()
    by_form = {g.normalised: g for g in dialog.groups}
    assert (
        by_form["الاسد"].tagged == 1 and by_form["الاسد"].untagged == 5
    )  # 3 here + 2 in the other doc
    assert dialog.table.rowCount() == len(dialog.groups)
    assert shown and all("spellings of" in text for text in shown)  # in a worker thread
    dialog.close()


def test_variants_can_be_stopped_and_counted_again(qtbot, win, monkeypatch) -> None:
    import threading

    from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

    import ui.main_window
    from annotation.errors import Stopped

    real = ui.main_window.variants_in_project
    calls: list[dict] = []

    def slow(reader, label, kind, boundary, **options):
        calls.append(options)
        if len(calls) == 1:  # the first count runs until it is stopped
            assert not options["places"]
            never_set = threading.Event()
            for _ in range(1000):  # 10 s at most: a stop that never comes fails, not hangs
                if options["stop"]():
                    raise Stopped
                never_set.wait(0.01)
            raise AssertionError("the busy dialog's Stop did not reach the work")
        return real(reader, label, kind, boundary, **options)

    monkeypatch.setattr(ui.main_window, "variants_in_project", slow)
    labels: list[str] = []

    def stop_the_busy_dialog() -> None:
        busy = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)]
        if not busy or not busy[0].isVisible():
            QTimer.singleShot(20, stop_the_busy_dialog)
            return
        busy[0].findChild(QPushButton).click()
        labels.append(busy[0].labelText())
        QTimer.singleShot(0, lambda: labels.append(busy[0].labelText()))

    win.show_variants()
    dialog = win.variants_dialog
    assert dialog.label_combo.currentData() is None and calls == []  # nothing counted yet
    QTimer.singleShot(0, stop_the_busy_dialog)
    index = dialog.label_combo.findData("PERS")
    dialog.label_combo.setCurrentIndex(index)
    dialog.label_combo.activated.emit(index)  # the busy dialog's loop runs until it stops
    assert labels[-1] == "Stopping…"
    assert dialog.groups == [] and dialog.table.rowCount() == 0
    assert dialog.stopped_note.isVisible()
    dialog.label_combo.activated.emit(dialog.label_combo.currentIndex())  # chosen again
    assert len(calls) == 2 and not dialog.stopped_note.isVisible()
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)
                and w.isVisible()]  # fmt: skip
    dialog.close()


def test_hidden_diacritics_still_store_exact_offsets(qtbot, win) -> None:
    press(
        qtbot,
        win,
        Qt.Key.Key_D,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert win.view.hide_diacritics
    shown = win.view.toPlainText()
    assert "الأسد" in shown and "\u064e" not in shown
    d = shown.index("الأسد")
    cursor = win.view.textCursor()
    cursor.setPosition(d)
    cursor.setPosition(d + 5, cursor.MoveMode.KeepAnchor)
    win.view.setTextCursor(cursor)
    press(qtbot, win, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    span = win.session.index.of_kind("entity")[0]
    assert win.session.text[span.start : span.end] == "الأَسَد"  # the marks are inside
    press(
        qtbot,
        win,
        Qt.Key.Key_D,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert win.view.toPlainText() == win.session.text


def test_word_key_tags_the_token_under_the_caret(qtbot, win) -> None:
    text = win.session.text
    i = text.index("حمص") if "حمص" in text else None
    assert i is None  # first document
    j = text.index("الستار")
    win.view.select_range(j + 2, j + 2)
    press(qtbot, win, Qt.Key.Key_4)
    span = win.session.index.of_kind("entity")[0]
    assert (text[span.start : span.end], span.label) == ("الستار", "LOC")
