"""The window's interactions for linguists (issue 12): the range a label key would tag shown
while selecting, importing a folder, dialogs that remember their folder, and the export dialog
with the command line's choices."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QPlainTextEdit, QProgressDialog

from annotation.snapping import snap
from tests.gui_support import (
    close_window,
    isolate,
    open_window,
    press,
    wait_for_import,
    window_with,
)

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
        by_file = {line.split(":")[0]: line for line in lines}
        assert set(by_file) == {
            "a.txt",
            "2024/b.txt",
            "2024/may/c.TXT",
            "2024/may/broken.txt",
            ".hidden.txt",
            ".cache/d.txt",
            "notes.pdf",
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
        cancelled = {"n": 0}
        real = QProgressDialog.wasCanceled

        def cancel_after_one(self):  # noqa: ANN001, ANN202
            cancelled["n"] += 1
            return cancelled["n"] > 1 or real(self)

        monkeypatch.setattr(QProgressDialog, "wasCanceled", cancel_after_one)
        win.io.import_folder(folder, modal=False)
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
