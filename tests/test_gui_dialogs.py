"""The window's interactions for linguists (issue 12): the range a label key would tag shown
while selecting, importing a folder, dialogs that remember their folder, and the export dialog
with the command line's choices."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QPlainTextEdit,
)

from annotation.snapping import snap
from storage import export_run
from tests.conftest import ROOT
from tests.gui_support import (
    close_window,
    isolate,
    open_window,
    press,
    wait_for_import,
    window_with,
)
from tests.test_export import rich  # noqa: F401 - the fixture: a project with every kind

pytestmark = pytest.mark.gui

# Our own sentences: a clitic-carrying name right after a verb, as in the reported case.
ARTICLE = (
    "قال وزير الخارجية وبوتين سيلتقيان في موسكو غداً.\nوأكد المتحدث أن الاجتماع سيعقد في القاهرة.\n"
)


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    win = window_with(qtbot, monkeypatch, tmp_path, [article])
    yield win
    close_window(win)


def _point_at(view, offset: int) -> QPoint:
    """The viewport point at the caret position `offset` (code points)."""
    cursor = view.textCursor()
    cursor.setPosition(view.omap.to_qt(offset))
    rect = view.cursorRect(cursor)
    return QPoint(rect.center().x(), rect.center().y())


def _drag(qtbot, view, start: int, end: int, finish: bool = True) -> None:
    """A real mouse drag from the caret position start to end."""
    viewport = view.viewport()
    a, b = _point_at(view, start), _point_at(view, end)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    # two moves, as a hand makes them: the preview follows each
    middle = QPoint((a.x() + b.x()) // 2, a.y())
    QTest.mouseMove(viewport, middle)
    QTest.mouseMove(viewport, b)
    if finish:
        QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)


def _entities(win) -> list[tuple[int, int, str, str]]:
    rows = win.project.db.execute(
        "SELECT start, \"end\", label, boundary FROM annotations WHERE kind = 'entity'"
    ).fetchall()
    return [tuple(r) for r in rows]


@pytest.mark.parametrize("policy", ["token", "strip_clitics"])
def test_drag_previews_the_snapped_range_alt_the_exact_one_and_the_key_tags_it(
    qtbot, window, policy
) -> None:
    window.tagging.set_boundary_policy(policy)
    view = window.view
    text = window.session.text
    word = text.index("وبوتين")
    # two letters inside وبوتين: part of a word
    start, end = word + 2, word + 4
    view.setFocus()
    _drag(qtbot, view, start, end, finish=False)
    # while the button is still down the preview is there, already snapped
    qtbot.waitUntil(lambda: view.tag_preview() is not None)
    selection = view.selection_range()
    assert selection is not None and selection[0] < selection[1]
    expected = snap(text, *selection, policy, window.tagging._proclitic_splitter())
    assert expected is not None and expected != selection  # snapping widens it
    assert view.tag_preview().range == expected
    assert view.tag_preview().policy == policy
    assert text[expected[0] : expected[1]] == ("وبوتين" if policy == "token" else "بوتين")
    QTest.mouseRelease(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        _point_at(view, end),
    )
    # after release, while the selection stands, it stays; the caption names the policy
    assert view.tag_preview().range == expected
    assert "Alt" in view.preview_caption()

    # Alt held: the exact selection, and the preview says so
    QTest.keyPress(view, Qt.Key.Key_Alt, Qt.KeyboardModifier.AltModifier)
    assert view.tag_preview().range == selection
    assert view.tag_preview().policy == "exact"
    assert view.preview_caption() == view.tr("key tags the exact characters (Alt)")
    QTest.keyRelease(view, Qt.Key.Key_Alt, Qt.KeyboardModifier.NoModifier)
    assert view.tag_preview().range == expected

    # the digit key tags exactly what was previewed
    previewed = view.tag_preview().range
    press(qtbot, window, Qt.Key.Key_1)
    assert _entities(window) == [(*previewed, "PERS", policy)]
    assert view.tag_preview() is None  # the selection is gone, and its preview


def test_alt_digit_tags_the_previewed_exact_range(qtbot, window) -> None:
    view = window.view
    text = window.session.text
    word = text.index("القاهرة")
    view.setFocus()
    _drag(qtbot, view, word + 2, word + 5)
    QTest.keyPress(view, Qt.Key.Key_Alt, Qt.KeyboardModifier.AltModifier)
    previewed = view.tag_preview().range
    assert previewed == view.selection_range()
    press(qtbot, window, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert _entities(window) == [(*previewed, "GPE", "exact")]


def test_a_selection_without_a_word_previews_nothing_to_tag(qtbot, window) -> None:
    view = window.view
    text = window.session.text
    dot = text.index(".")
    view.select_range(dot, dot + 1)
    assert view.tag_preview() is not None and view.tag_preview().range is None
    assert view.preview_caption() == view.tr("nothing to tag here")
    box = view._caption_box(view.tag_preview())  # said where the selection is
    assert box is not None and box.width() > 0


# --- File > Import folder…, and dialogs that remember their folder -------------------------
def _folder_tree(root: Path) -> Path:
    """A folder as users have them: nested articles, hidden files and folders, other files."""
    folder = root / "news"
    (folder / "2024" / "may").mkdir(parents=True)
    (folder / ".cache").mkdir()
    (folder / "a.txt").write_text("وصل الوزير إلى بغداد صباح اليوم.\n", encoding="utf-8")
    (folder / "2024" / "b.txt").write_text("افتتح المعرض في عمّان أمس.\n", encoding="utf-8")
    (folder / "2024" / "may" / "c.TXT").write_text("هطلت أمطار غزيرة على حلب.\n", encoding="utf-8")
    (folder / "2024" / "may" / "broken.txt").write_bytes(b"\x00\x01\x02binary\x00" * 40)
    (folder / ".hidden.txt").write_text("نص مخفي لا يستورد.\n", encoding="utf-8")
    (folder / ".cache" / "d.txt").write_text("نص في مجلد مخفي.\n", encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4\n")
    (folder / "x\u202ecod.pdf").write_bytes(b"%PDF-1.4\n")  # a name that turns itself around
    return folder


def test_import_folder_takes_every_article_recursively_and_reports_each_file(
    qtbot, tmp_path, monkeypatch
) -> None:
    isolate(monkeypatch, tmp_path)
    win = open_window(qtbot, tmp_path / "p.hashiya")
    try:
        folder = _folder_tree(tmp_path)
        asked: list[str] = []

        def pick_folder(parent, title, start):  # noqa: ANN001, ANN202
            asked.append(start)
            return str(folder)

        monkeypatch.setattr(QFileDialog, "getExistingDirectory", pick_folder)
        assert win.act_import_folder in win.file_menu.actions()
        win.act_import_folder.trigger()
        wait_for_import(qtbot, win, 3)
        qtbot.waitUntil(lambda: win.io.report_dialog is not None)
        assert asked == [str(Path.home())]  # first time: home
        names = sorted(Path(d.source).name for d in win.docs.documents())
        assert names == ["a.txt", "b.txt", "c.TXT"]
        report = win.io.last_report
        assert len(report.imported) == 3 and len(report.refused) == 1
        lines = win.io.report_dialog.findChild(QPlainTextEdit).toPlainText().splitlines()
        by_file = {line.split(":")[0].strip("\u2068\u2069"): line for line in lines}
        assert set(by_file) == {
            "a.txt",
            "2024/b.txt",
            "2024/may/c.TXT",
            "2024/may/broken.txt",
            ".hidden.txt",
            ".cache/d.txt",
            "notes.pdf",
            "x\u27e8RLO\u27e9cod.pdf",  # its bidi control shown, not obeyed
        }
        assert "taken" in by_file["2024/may/c.TXT"]
        assert "refused" in by_file["2024/may/broken.txt"]
        assert "hidden" in by_file[".cache/d.txt"] and "hidden" in by_file[".hidden.txt"]
        assert "not a file type" in by_file["notes.pdf"]
        win.io.report_dialog.close()

        # the next time the folder dialog starts where the last one ended
        with qtbot.waitSignal(win.io.importFinished, timeout=20000):
            win.act_import_folder.trigger()
        assert asked[-1] == str(folder)
    finally:
        close_window(win)


def test_import_folder_stop_reports_the_files_not_reached(qtbot, tmp_path, monkeypatch) -> None:
    isolate(monkeypatch, tmp_path)
    win = open_window(qtbot, tmp_path / "p.hashiya")
    try:
        folder = _folder_tree(tmp_path)
        # the worker thread waits before the second file until the user has pressed Stop
        import threading

        from ui.import_worker import ImportWorker

        real = ImportWorker._starting
        first_done = threading.Event()

        def stop_after_one(self: ImportWorker, index: int) -> bool:
            if index == 1:
                first_done.set()
                self.stop_event.wait(10)
            return real(self, index)

        monkeypatch.setattr(ImportWorker, "_starting", stop_after_one)
        win.io.import_folder(folder, modal=False)
        qtbot.waitUntil(first_done.is_set)
        win.io.progress_dialog.canceled.emit()  # what the Stop button (and Escape) sends
        qtbot.waitUntil(lambda: win.io.report_dialog is not None and not win.io.importing)
        lines = win.io.report_dialog.findChild(QPlainTextEdit).toPlainText().splitlines()
        assert len(win.docs.documents()) == 1
        assert sum("not imported (stopped)" in line for line in lines) == 3
    finally:
        close_window(win)


def test_file_dialogs_start_in_the_folder_last_used_for_that_purpose(
    qtbot, tmp_path, monkeypatch
) -> None:
    isolate(monkeypatch, tmp_path)
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "x.txt").write_text("زار الرئيس دمشق.\n", encoding="utf-8")
    win = open_window(qtbot, tmp_path / "p.hashiya")
    try:
        starts: list[str] = []

        def pick_files(parent, title, start, filters):  # noqa: ANN001, ANN202
            starts.append(start)
            return [str(articles / "x.txt")], ""

        monkeypatch.setattr(QFileDialog, "getOpenFileNames", pick_files)
        win.act_import.trigger()
        wait_for_import(qtbot, win, 1)
        with qtbot.waitSignal(win.io.importFinished, timeout=20000):
            win.act_import.trigger()
        assert starts == [str(Path.home()), str(articles)]
        # per purpose: the folder dialog has not been used, it still starts at home
        assert win.prefs.last_folder("import_folder") == str(Path.home())
        # and per user: a new window (another project) remembers it too
    finally:
        close_window(win)
    other = open_window(qtbot, tmp_path / "other.hashiya")
    try:
        assert other.prefs.last_folder("import") == str(articles)
    finally:
        close_window(other)


# --- the Export dialog: the command line's choices, the command line's output ---------------
def _export_dialog(qtbot, win):
    win.act_export.trigger()
    qtbot.waitUntil(lambda: win.io.export_window is not None and win.io.export_window.isVisible())
    return win.io.export_window


def _choose(combo, data) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def test_export_dialog_enables_only_what_the_format_takes(qtbot, tmp_path, monkeypatch) -> None:
    isolate(monkeypatch, tmp_path)
    win = open_window(qtbot, tmp_path / "p.hashiya")
    try:
        dialog = _export_dialog(qtbot, win)
        assert [dialog.format_combo.itemData(i) for i in range(dialog.format_combo.count())] == [
            *export_run.FORMATS
        ]

        def enabled() -> dict[str, bool]:
            return {
                "kinds": dialog.kind_boxes["quotes"].isEnabled(),
                "offsets": dialog.offsets_combo.isEnabled(),
                "clitics": dialog.clitics_combo.isEnabled(),
                "layout": dialog.layout_combo.isEnabled(),
                "predictions": dialog.predictions_box.isEnabled(),
                "split": dialog.split_box.isEnabled(),
                "status": dialog.status_combo.isEnabled(),
                "layer": dialog.layer_combo.isEnabled(),
                "marker": dialog.document_marker_box.isEnabled(),
            }

        _choose(dialog.format_combo, "native")
        assert enabled() == {
            "kinds": True, "offsets": False, "clitics": False, "layout": False,
            "predictions": False, "split": True, "status": True, "layer": True, "marker": False,
        }  # fmt: skip
        assert dialog.out_edit.text().endswith("hashiya-export.jsonl")
        _choose(dialog.format_combo, "conll")
        assert enabled() == {
            "kinds": False, "offsets": False, "clitics": True, "layout": False,
            "predictions": False, "split": False, "status": True, "layer": True, "marker": True,
        }  # fmt: skip
        assert dialog.out_edit.text().endswith("hashiya-export.conll")
        assert dialog.document_marker_box.isChecked() and dialog.options().document_marker
        dialog.document_marker_box.setChecked(False)
        assert not dialog.options().document_marker
        _choose(dialog.format_combo, "tokens-jsonl")
        assert not enabled()["marker"] and dialog.options().document_marker  # not asked
        _choose(dialog.format_combo, "doccano")
        assert enabled()["layout"] and enabled()["offsets"] and not enabled()["predictions"]
        _choose(dialog.format_combo, "label-studio")
        assert enabled()["predictions"] and not enabled()["layout"]
        _choose(dialog.format_combo, "brat")
        assert dialog.out_edit.text().endswith("hashiya-brat")  # a folder
        # the seed and the strata follow the split box
        _choose(dialog.format_combo, "native")
        assert not dialog.seed_spin.isEnabled()
        dialog.split_box.setChecked(True)
        assert dialog.seed_spin.isEnabled() and dialog.split_edit.isEnabled()
        dialog.reject()
    finally:
        close_window(win)


def _cli_export(db: Path, out: Path, *args: str) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "export", "--db", str(db), "--out", str(out),
         *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("fmt", "status", "kinds", "extra"),
    [
        ("native", "done", ("quotes", "claims"), ()),
        ("doccano", "done", ("entities", "quotes"), ()),
        ("prodigy", None, ("entities",), ("--clitics", "split")),
        ("conll", "in_progress", ("entities", "quotes", "claims"), ()),
        ("conll", None, ("entities",), ("--no-document-marker",)),
    ],
)
def test_export_dialog_writes_what_the_command_line_writes(
    qtbot, tmp_path, monkeypatch, request, fmt, status, kinds, extra
) -> None:
    isolate(monkeypatch, tmp_path)
    db = Path(request.getfixturevalue("rich").path)
    win = open_window(qtbot, db)
    try:
        version = win.project.db.execute("PRAGMA data_version").fetchone()[0]
        dialog = _export_dialog(qtbot, win)
        _choose(dialog.format_combo, fmt)
        _choose(dialog.status_combo, status)
        for kind, box in dialog.kind_boxes.items():
            box.setChecked(kind in kinds)
        if "--clitics" in extra:
            _choose(dialog.clitics_combo, "split")
        if "--no-document-marker" in extra:
            dialog.document_marker_box.setChecked(False)
        out = tmp_path / f"window.{fmt}"
        dialog.out_edit.setText(str(out))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        qtbot.waitUntil(lambda: not dialog.isVisible())
        assert out.is_file()
        # the export's own connection wrote nothing (another connection's commit would show)
        assert win.project.db.execute("PRAGMA data_version").fetchone()[0] == version
    finally:
        close_window(win)
    cli = tmp_path / f"cli.{fmt}"
    args = ["--format", fmt, *extra]
    if status:
        args += ["--status", status]
    if fmt != "conll":
        args += ["--kinds", ",".join(kinds)]
    _cli_export(db, cli, *args)
    assert out.read_bytes() == cli.read_bytes()
    assert out.stat().st_size > 0
    # and the next export dialog starts in that folder, with that format
    assert win.prefs.last_folder("export") == str(tmp_path)
    again = open_window(qtbot, db)
    try:
        dialog = _export_dialog(qtbot, again)
        assert dialog.fmt() == fmt
        assert Path(dialog.out_edit.text()).parent == tmp_path
        dialog.reject()
    finally:
        close_window(again)


def test_export_dialog_refuses_in_one_line_and_stays_open(qtbot, tmp_path, monkeypatch) -> None:
    isolate(monkeypatch, tmp_path)
    win = open_window(qtbot, tmp_path / "p.hashiya")
    try:
        dialog = _export_dialog(qtbot, win)
        export = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        folder = tmp_path / "already-a-folder"
        folder.mkdir()
        dialog.out_edit.setText(str(folder))
        export.click()
        assert dialog.isVisible() and dialog.error_label.isVisible()
        assert "is a folder" in dialog.error_label.text()
        assert "\n" not in dialog.error_label.text()
        dialog.out_edit.setText(str(tmp_path / "x.jsonl"))
        for box in dialog.kind_boxes.values():
            box.setChecked(False)
        export.click()
        assert "no kinds" in dialog.error_label.text()
        dialog.split_box.setChecked(True)
        dialog.split_edit.setText("train=0.8,test=0.5")
        dialog.kind_boxes["entities"].setChecked(True)
        export.click()
        assert dialog.isVisible() and dialog.error_label.text()
        assert not (tmp_path / "x.jsonl").exists()
        dialog.reject()
    finally:
        close_window(win)


# --- File > Open project… ---------------------------------------------------------------------
def test_open_project_opens_a_window_of_its_own_from_the_last_folder(
    qtbot, tmp_path, monkeypatch
) -> None:
    from storage.project import Project

    isolate(monkeypatch, tmp_path)
    projects = tmp_path / "projects"
    projects.mkdir()
    other_path = projects / "other.hashiya"
    Project(other_path, annotator="tester").close()
    win = open_window(qtbot, tmp_path / "p.hashiya")
    chosen = {"path": str(other_path)}
    starts: list[str] = []

    def pick(parent, title, start, filters):  # noqa: ANN001, ANN202
        starts.append(start)
        return chosen["path"], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", pick)
    try:
        assert win.act_open_project in win.file_menu.actions()
        win.act_open_project.trigger()
        assert starts == [str(Path.home())]
        assert len(win.opener.windows) == 1
        other = win.opener.windows[0]
        assert Path(other.project.path) == other_path
        assert other.isVisible() and win.isVisible()  # this window stays as it was
        # the same project again is refused while it is open (its lock), in one line
        win.act_open_project.trigger()
        assert starts[-1] == str(projects)
        assert len(win.opener.windows) == 1
        qtbot.waitUntil(lambda: win.findChild(QMessageBox) is not None)
        box = win.findChild(QMessageBox)
        assert "\n" not in box.text()
        box.close()
        box.deleteLater()
        # closing it closes its project and frees it: it opens again
        other.close()
        qtbot.waitUntil(lambda: not win.opener.windows)
        win.act_open_project.trigger()
        assert len(win.opener.windows) == 1
        win.opener.windows[0].close()
        qtbot.waitUntil(lambda: not win.opener.windows)
        # this window's own project: said, nothing opened
        chosen["path"] = str(win.project.path)
        win.act_open_project.trigger()
        assert not win.opener.windows
    finally:
        close_window(win)


def test_export_runs_off_the_interface_thread_behind_a_busy_indicator(
    qtbot, tmp_path, monkeypatch
) -> None:
    import threading

    isolate(monkeypatch, tmp_path)
    win = open_window(qtbot, tmp_path / "p.hashiya")
    threads: list[str] = []
    real_run = export_run.run

    def run(project, out, options):  # noqa: ANN001, ANN202
        threads.append(threading.current_thread().name)
        return real_run(project, out, options)

    monkeypatch.setattr(export_run, "run", run)
    try:
        dialog = _export_dialog(qtbot, win)
        out = tmp_path / "x.jsonl"
        dialog.out_edit.setText(str(out))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        assert win.io.exporting
        qtbot.waitUntil(lambda: not dialog.isVisible())
        assert not win.io.exporting
        assert out.is_file()
        assert threads and threads[0] != threading.main_thread().name
    finally:
        close_window(win)


def test_team_file_dialogs_start_in_the_folder_last_used_for_team_files(
    qtbot, tmp_path, monkeypatch
) -> None:
    from ui.team import AssignDialog

    isolate(monkeypatch, tmp_path)
    team = tmp_path / "team"
    team.mkdir()
    win = open_window(qtbot, tmp_path / "p.hashiya")
    starts: list[str] = []

    def pick_files(parent, title, start, filters):  # noqa: ANN001, ANN202
        starts.append(start)
        return [], ""

    def pick_folder(parent, title, start):  # noqa: ANN001, ANN202
        starts.append(start)
        return ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", pick_files)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", pick_folder)
    monkeypatch.setattr(AssignDialog, "exec", lambda self: self._browse() or 0)
    try:
        win.team.merge_dialog()
        win.team.assign_dialog()
        assert starts == [str(Path.home())] * 2
        win.prefs.remember_folder("team", team)
        win.team.merge_dialog()
        win.team.assign_dialog()
        assert starts[2:] == [str(team)] * 2
    finally:
        close_window(win)


def test_export_dialog_split_dataset_is_the_command_lines(
    qtbot, tmp_path, monkeypatch, request
) -> None:
    isolate(monkeypatch, tmp_path)
    db = Path(request.getfixturevalue("rich").path)
    win = open_window(qtbot, db)
    try:
        dialog = _export_dialog(qtbot, win)
        _choose(dialog.format_combo, "doccano")
        dialog.split_box.setChecked(True)
        dialog.split_edit.setText("train=0.5,test=0.5")
        dialog.seed_spin.setValue(5)
        dialog.stratify_box.setChecked(True)
        assert dialog.out_edit.text().endswith("hashiya-doccano")  # a folder now
        out = tmp_path / "window-split"
        dialog.out_edit.setText(str(out))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        qtbot.waitUntil(lambda: not dialog.isVisible())
    finally:
        close_window(win)
    cli = tmp_path / "cli-split"
    _cli_export(
        db, cli, "--format", "doccano", "--split", "train=0.5,test=0.5", "--seed", "5",
        "--stratify", "source",
    )  # fmt: skip
    names = sorted(p.name for p in cli.iterdir())
    assert names == ["README.md", "test.jsonl", "train.jsonl"]
    assert sorted(p.name for p in out.iterdir()) == names
    for name in names:
        assert (out / name).read_bytes() == (cli / name).read_bytes(), name
