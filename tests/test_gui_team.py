"""The Team menu in the real window: merge annotators' files, the agreement view, assign."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotation.documents import Document
from annotation.spans import Span, new_id
from storage.project import Project
from storage.session import DocumentSession
from storage.team import assign
from tests.gui_support import close_window, isolate, open_window, record_busy_dialogs

TEXT = "قال وزير الخارجية سامح شكري إن القاهرة ترحب بالاتفاق."


def _team_files(tmp_path: Path) -> tuple[Path, dict[str, Path], str]:
    db = tmp_path / "lead.hashiya"
    with Project(db, annotator="tester") as lead:
        lead.add_document(Document.create(TEXT, "a.txt"))
        doc = lead.document_ids()[0]
        start = TEXT.index("القاهرة")
        DocumentSession(lead, doc).add([Span(new_id(), doc, "entity", "GPE", start, start + 7)])
        _, files = assign(lead, ["amal", "bilal"], tmp_path / "team", overlap=1.0, seed=1)
    for name, label in (("amal", "PERS"), ("bilal", "OCC")):
        with Project(files[name], annotator=name) as mine:
            s = TEXT.index("سامح شكري")
            DocumentSession(mine, doc).add([Span(new_id(), doc, "entity", label, s, s + 9)])
            mine.set_status(doc, "done")
    return db, files, doc


def test_merge_and_agreement_from_the_team_menu(qtbot, monkeypatch, tmp_path: Path) -> None:
    db, files, doc = _team_files(tmp_path)
    isolate(monkeypatch, tmp_path)
    win = open_window(qtbot, db)
    qtbot.waitUntil(lambda: win.session is not None)
    assert [a.text() for a in win.team_menu.actions() if a.text()][:3] == [
        "&Assign documents…",
        "&Merge annotators' files…",
        "A&greement…",
    ]
    # merge and agreement run off the GUI thread, a busy dialog meanwhile
    import threading

    from storage import team

    shown = record_busy_dialogs(monkeypatch)
    threads: list[str] = []
    report = win.team.merge_paths(list(files.values()))
    assert shown == ["Merging the annotators' files…"]
    assert report.ok
    assert "Merged 2 file(s): amal, bilal" in win.statusBar().currentMessage()
    # the lead's editor shows the lead's own layer, not amal's and bilal's spans
    qtbot.waitUntil(lambda: win.session is not None and win.session.layer == "tester")
    assert [s.label for s in win.session.index.all()] == ["GPE"]
    real_report = team.agreement_report

    def recorded(project):  # noqa: ANN001, ANN202
        threads.append(threading.current_thread().name)
        return real_report(project)

    monkeypatch.setattr("ui.team.agreement_report", recorded)
    win.act_agreement.trigger()
    assert shown[-1] == "Computing the agreement…" and threads == ["busy"]
    view = win.team.agreement_view
    qtbot.waitExposed(view)
    assert view.pairs.rowCount() == 3  # entities, quotes, claims for amal × bilal
    assert view.pairs.item(0, 4).text() == "0.000"  # PERS vs OCC on the same words
    assert view.annotator_map.item(0, 1).text().startswith("F1 0.000")
    assert view.label_map.rowCount() == 2 and view.label_map.item(1, 0).text() == "1"  # PERS → OCC
    assert view.lowest.item(0, 0).text() == "document"
    view.close()
    close_window(win)


def test_assign_from_the_window_refuses_a_bad_name(qtbot, monkeypatch, tmp_path: Path) -> None:
    db, _, _ = _team_files(tmp_path)
    isolate(monkeypatch, tmp_path)
    win = open_window(qtbot, db)
    assert win.team.assign_to("amal, gold", 0.5, 3, False, str(tmp_path / "out")) is None
    QApplication.processEvents()
    assert not (tmp_path / "out").exists()
    files = win.team.assign_to("dana, eli", 0.5, 3, False, str(tmp_path / "out"))
    assert files is not None and sorted(p.name for p in files.values()) == [
        "dana.hashiya",
        "eli.hashiya",
    ]
    assert "seed 3" in win.statusBar().currentMessage()
    close_window(win)


def test_curation_takes_a_version_into_gold_undoably(qtbot, monkeypatch, tmp_path: Path) -> None:
    from annotation.layers import GOLD
    from storage.exporter import export_records

    db, files, doc = _team_files(tmp_path)
    isolate(monkeypatch, tmp_path)
    win = open_window(qtbot, db)
    qtbot.waitUntil(lambda: win.session is not None)
    assert win.team.merge_paths(list(files.values())).ok
    win.act_curate.trigger()
    qtbot.waitUntil(lambda: win.session is not None and win.session.layer == GOLD)
    assert "gold (curating)" in win.windowTitle()
    dock = win.curation_dock
    assert dock.isVisible() and dock.table.rowCount() == 1  # amal's PERS vs bilal's OCC
    assert dock.progress.text() == "0 agreed, 1 disagreements, 1 left"
    model = win.docs.doc_model
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Curation"
    assert model.index(0, 3).data() == "1 left / 1"  # the document list shows the same
    assert dock.take_cell(0, 2)  # amal's column
    assert model.index(0, 3).data() == "0 left / 1"
    assert [s.label for s in win.session.index.all()] == ["PERS"]  # the editor shows gold
    assert dock.progress.text() == "0 agreed, 1 disagreements, 0 left"
    win.docs.undo_stack.undo()
    assert win.session.index.all() == [] and win.project.spans(doc, annotator=GOLD) == []
    win.docs.undo_stack.redo()
    assert [s.label for s in win.project.spans(doc, annotator=GOLD)] == ["PERS"]
    dock.mark_curated()
    assert dock.progress.text().endswith("curated")
    qtbot.waitUntil(lambda: model.index(0, 3).data() == "curated")
    record = next(export_records(win.project))
    assert [(e["text"], e["label"]) for e in record["entities"]] == [("سامح شكري", "PERS")]
    win.act_curate.trigger()  # back to the lead's own layer
    qtbot.waitUntil(lambda: win.session is not None and win.session.layer == "tester")
    assert not dock.isVisible()
    close_window(win)
