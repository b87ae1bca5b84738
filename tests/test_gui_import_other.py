"""File › Import from another tool…: the window imports what it exports (CoNLL and the
interchange formats), through the import worker, with the command line's result and a report
that names refusals and losses."""

from __future__ import annotations

from pathlib import Path

import pytest
from interop_support import make_project, project_canonical
from PySide6.QtWidgets import QDialogButtonBox

from annotation.documents import Document
from storage.exporter import export_conll
from storage.formats.interop import export_project
from storage.project import Project
from tests.gui_support import close_window, isolate, open_window


def _import_with_dialog(qtbot, win, fmt: str, path: Path, offsets: str | None = None):
    finished: list = []
    win.io.importFinished.connect(finished.append)
    dialog = win.io.import_other_dialog()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(fmt))
    if offsets is not None:
        dialog.offsets_combo.setCurrentIndex(dialog.offsets_combo.findData(offsets))
    dialog.path_edit.setText(str(path))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: bool(finished), timeout=30000)
    assert not dialog.isVisible()
    return finished[0]


@pytest.mark.parametrize("fmt", ["doccano", "label-studio", "brat", "prodigy", "inception"])
def test_an_export_comes_back_through_the_window(qtbot, tmp_path, monkeypatch, fmt) -> None:
    source = make_project(tmp_path, name="source")
    from storage.formats.interop import module

    path = tmp_path / f"out-{fmt}{module(fmt).SUFFIX}"  # a folder for brat and INCEpTION
    export_project(source, fmt, path)
    isolate(monkeypatch, tmp_path)
    win = open_window(qtbot, tmp_path / "window.hashiya")
    try:
        report = _import_with_dialog(qtbot, win, fmt, path)
        assert len(report.imported) == 1 and report.refused == []
        assert win.docs.doc_model.total == 1
    finally:
        close_window(win)
    cli = Project(tmp_path / "cli.hashiya")
    from storage.formats.interop import import_files

    import_files(cli, fmt, [path])
    with Project(tmp_path / "window.hashiya", readonly=True) as back:
        assert project_canonical(back) == project_canonical(cli)


def test_conll_sections_become_documents_and_the_offsets_choice_follows_the_format(
    qtbot, tmp_path, monkeypatch
) -> None:
    source = make_project(tmp_path, name="source")
    source.add_document(Document.create("زار بوتين دمشق أمس.", "second.txt"))
    conll = tmp_path / "two.conll"
    export_conll(source, conll)
    isolate(monkeypatch, tmp_path)
    win = open_window(qtbot, tmp_path / "window.hashiya")
    try:
        dialog = win.io.import_other_dialog()
        for fmt, takes_offsets in (("conll", False), ("doccano", True), ("spacy", False)):
            dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(fmt))
            assert dialog.offsets_combo.isEnabled() is takes_offsets
        dialog.path_edit.setText(str(tmp_path / "missing.conll"))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        assert dialog.isVisible() and "no such file" in dialog.error_label.text()
        dialog.reject()
        report = _import_with_dialog(qtbot, win, "conll", conll)
        assert len(report.imported) == 2 and report.refused == []
        again = win.io.import_other_dialog()  # the format imported from last time
        assert again.fmt() == "conll" and again.offsets_combo.isEnabled() is False
        again.reject()
        sources = [info.source for info in win.project.documents()]
        assert sources == ["two.conll:1", f"two.conll:{_second_marker(conll)}"]
    finally:
        close_window(win)


def _second_marker(path: Path) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    return [i for i, line in enumerate(lines, 1) if line == "-DOCSTART- O"][1]


def test_a_refused_file_is_reported_and_nothing_is_stored(qtbot, tmp_path, monkeypatch) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "نص", "label": [[0, 9, "PERS"]]}\n', encoding="utf-8")
    isolate(monkeypatch, tmp_path)
    win = open_window(qtbot, tmp_path / "window.hashiya")
    try:
        report = _import_with_dialog(qtbot, win, "doccano", bad)
        assert report.imported == [] and len(report.refused) == 1
        assert win.io.report_dialog is not None and win.io.report_dialog.isVisible()
        assert win.docs.doc_model.total == 0
    finally:
        close_window(win)


def test_the_empty_window_offers_it(qtbot, tmp_path, monkeypatch) -> None:
    isolate(monkeypatch, tmp_path)
    win = open_window(qtbot, tmp_path / "empty.hashiya")
    try:
        assert win.import_other_button.isVisible()
        win.import_other_button.click()
        qtbot.waitUntil(lambda: win.io.import_other_window is not None)
        assert win.io.import_other_window.isVisible()
        win.io.import_other_window.reject()
    finally:
        close_window(win)
