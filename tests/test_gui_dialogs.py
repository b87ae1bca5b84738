"""The window's interactions for linguists (issue 12): the range a label key would tag shown
while selecting, importing a folder, dialogs that remember their folder, and the export dialog
with the command line's choices."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from annotation.snapping import snap
from tests.gui_support import close_window, press, window_with

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
