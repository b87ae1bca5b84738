"""The window's learned entity suggestions (F7), statistics dock and guidelines (F1)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotation.documents import Document
from annotation.spans import Span, new_id
from storage.guidelines import write_guidelines
from storage.project import Project
from storage.session import DocumentSession
from tests.gui_support import close_window, isolate, open_window, press

pytestmark = pytest.mark.gui

PEOPLE = ["سامر", "ليلى", "كريم", "هالة", "نادر", "سلمى"]
PLACES = ["عمان", "بيروت", "دمشق", "القاهرة", "تونس", "الرباط"]


def _project(path: Path) -> str:
    """Eight tagged articles and one untagged that mentions a tagged place; its id."""
    with Project(path, annotator="lead") as project:
        for i in range(8):
            person, place = PEOPLE[i % 6], PLACES[(i * 5) % 6]
            text = f"وصل الدكتور {person} إلى {place} صباح اليوم {i}، وقال الدكتور {person} إن الزيارة مهمة."
            doc = Document.create(text, f"a{i}.txt")
            project.add_document(doc)
            spans = []
            for surface, label in ((person, "PERS"), (place, "GPE")):
                start = text.find(surface)
                while start >= 0:
                    spans.append(
                        Span(new_id(), doc.id, "entity", label, start, start + len(surface))
                    )
                    start = text.find(surface, start + 1)
            DocumentSession(project, doc.id).add(spans)
        new = Document.create("وصل الوفد إلى بيروت أمس في زيارة قصيرة.", "new.txt")
        project.add_document(new)
        write_guidelines(project, "# الدليل\n\n## PERS\nاسم الشخص.\n\n## GPE\nدولة أو مدينة.\n")
        return new.id


def test_f7_shows_entities_learned_from_the_project_and_enter_stores_them(
    qtbot, monkeypatch, tmp_path: Path
) -> None:
    isolate(monkeypatch, tmp_path)
    db = tmp_path / "p.hashiya"
    new_id_ = _project(db)
    win = open_window(qtbot, db)
    win.docs.open(new_id_)
    press(qtbot, win, Qt.Key.Key_F7)
    assert win.suggestions.active
    qtbot.waitUntil(
        lambda: any(p.kind == "entity" for p in win.suggestions.proposals()), timeout=30000
    )
    proposal = next(p for p in win.suggestions.proposals() if p.kind == "entity")
    text = win.session.text
    assert (text[proposal.start : proposal.end], proposal.label) == ("بيروت", "GPE")
    assert 0 < proposal.confidence <= 1
    assert win.recommender.training_threads  # trained off the GUI thread
    while win.suggestions.current() is not proposal:
        assert win.suggestions.step(+1)
    press(qtbot, win, Qt.Key.Key_Return)
    stored = [s for s in win.session.index.of_kind("entity") if s.label == "GPE"]
    assert len(stored) == 1 and stored[0].attrs["origin"] == "accepted"
    assert float(stored[0].attrs["confidence"]) == pytest.approx(proposal.confidence, abs=0.01)
    close_window(win)


def test_statistics_dock_follows_edits_and_opens_spans(qtbot, monkeypatch, tmp_path: Path) -> None:
    isolate(monkeypatch, tmp_path)
    db = tmp_path / "p.hashiya"
    new_id_ = _project(db)
    win = open_window(qtbot, db)
    dock = win.project_docks.statistics
    assert not dock.isVisible()
    win.act_statistics.trigger()
    qtbot.waitUntil(lambda: bool(dock.stats) and not dock.busy, timeout=20000)
    assert dock.stats["spans"]["entities"]["GPE"] == 8
    win.docs.open(new_id_)
    win.view.select_range(win.session.text.index("بيروت"), win.session.text.index("بيروت") + 5)
    win.tagging.tag_selection("GPE")
    qtbot.waitUntil(lambda: dock.stats["spans"]["entities"]["GPE"] == 9, timeout=20000)
    dock.open_span.emit(win.docs.documents()[0].id, 12, 16)
    assert win.docs.doc_id == win.docs.documents()[0].id
    assert win.view.selection_range() == (12, 16)
    close_window(win)


def test_f1_opens_the_guidelines_on_the_selected_label(qtbot, monkeypatch, tmp_path: Path) -> None:
    isolate(monkeypatch, tmp_path)
    db = tmp_path / "p.hashiya"
    _project(db)
    win = open_window(qtbot, db)
    win.docs.open(win.docs.documents()[0].id)
    gpe = next(s for s in win.session.index.of_kind("entity") if s.label == "GPE")
    win.select_span(gpe.id)
    press(qtbot, win, Qt.Key.Key_F1)
    dock = win.project_docks.guidelines
    assert dock.isVisible()
    assert dock.view.textCursor().block().text() == "GPE"
    close_window(win)


def test_the_guidelines_are_reached_from_hover_legend_and_picker(
    qtbot, monkeypatch, tmp_path: Path
) -> None:
    isolate(monkeypatch, tmp_path)
    db = tmp_path / "p.hashiya"
    _project(db)
    win = open_window(qtbot, db)
    win.docs.open(win.docs.documents()[0].id)
    gpe = next(s for s in win.session.index.of_kind("entity") if s.label == "GPE")
    hover = win.view.hover_text(gpe.start)
    assert "دولة أو مدينة." in hover and "F1" in hover  # the section's first lines
    dock = win.project_docks.guidelines
    win.panes.legend.guidelinesRequested.emit("PERS")  # the legend's context menu
    assert dock.isVisible() and dock.view.textCursor().block().text() == "PERS"
    from ui.dialogs import LabelPicker

    picker = LabelPicker(win.session.schema, "entity", win, current="GPE")
    picker.show_guidelines = win.tagging.show_guidelines
    qtbot.addWidget(picker)
    qtbot.keyClick(picker, Qt.Key.Key_F1)  # "what is GPE?" from the picker
    assert dock.view.textCursor().block().text() == "GPE"
    assert picker.chosen() == "GPE"  # the picker is still on its label
    close_window(win)
