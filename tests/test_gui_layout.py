"""The window on a laptop screen: at 1024×700 the article gets the room (characters per line of
real Arabic text, measured from the view's own text layout), the panels are docks that the user
closes, moves and tabs and that never re-wrap the article by opening themselves, and their
arrangement is kept per user. In English and in the mirrored Arabic layout."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget

from tests.gui_support import close_window, interface_language, isolate, press, wait_for_import
from ui.panes import panel_of

pytestmark = pytest.mark.gui

# Our own sentences, one long paragraph as news articles have them.
PARAGRAPH = (
    "أعلنت الحكومة في بيان صدر مساء أمس أن المفاوضات مع الشركاء الإقليميين ستستأنف الأسبوع "
    "المقبل في العاصمة، وقال المتحدث باسمها إن الوفد سيحمل مقترحات جديدة تتعلق بتقاسم المياه "
    "وتنظيم التجارة عبر الحدود. وأضاف أن نحو ثلاثين في المئة من المشاريع المشتركة توقفت خلال "
    "العام الماضي بسبب الخلافات الإدارية، مؤكدا أن اللجان الفنية أنهت مراجعة الملفات العالقة "
    "وأن الاتفاق النهائي قد يوقع قبل نهاية الصيف. "
) * 3
QUOTE = "«إن الوفد سيحمل مقترحات جديدة»"
ARTICLE = PARAGRAPH + "\n" + f"وقال الوزير {QUOTE} في المؤتمر.\n"

LAPTOP = (1024, 700)


@pytest.fixture(params=["en", "ar"])
def language(request) -> Iterator[str]:
    """The interface language for one test (tests.gui_support.interface_language)."""
    with interface_language(request.param) as language:
        yield language


def open_at(qtbot, db: Path, size: tuple[int, int] = LAPTOP):
    """The window as it first opens on a screen of `size` (its first size is the screen)."""
    from ui.app import application, create_window

    application()
    win = create_window(db, "tester")
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    return win


def laptop_window(qtbot, monkeypatch, tmp_path: Path, size: tuple[int, int] = LAPTOP):
    isolate(monkeypatch, tmp_path)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    win = open_at(qtbot, tmp_path / "project.hashiya", size)
    win.io.import_paths([tmp_path / "a.txt"], modal=False)
    wait_for_import(qtbot, win, 1)
    qtbot.waitUntil(lambda: win.session is not None)
    QApplication.processEvents()
    return win


def chars_per_line(win) -> list[int]:
    """Characters on each full line of the article's first paragraph, as the view lays it out
    (the paragraph's last, partial line left out)."""
    block = win.view.document().firstBlock()
    layout = block.layout()
    assert layout.lineCount() > 3, "the paragraph should wrap over several lines"
    return [layout.lineAt(i).textLength() for i in range(layout.lineCount() - 1)]


def test_article_shows_45_characters_per_line_at_1024x700(
    qtbot, monkeypatch, tmp_path, language
) -> None:
    win = laptop_window(qtbot, monkeypatch, tmp_path)
    try:
        counts = chars_per_line(win)
        assert min(counts) >= 45, counts
        # the article is the widest thing in the window, and every panel is still there
        assert win.view.width() > win.width() // 2
        assert win.documents_dock.isVisible()
        assert win.panes.docks["entities"].isVisible()
        # the document list on the reading side: left in English, right in Arabic
        docs_x = win.documents.mapTo(win, win.documents.rect().topLeft()).x()
        view_x = win.view.mapTo(win, win.view.rect().topLeft()).x()
        assert (docs_x > view_x) == (language == "ar")
    finally:
        close_window(win)


def test_closing_panels_gives_the_article_their_width(qtbot, monkeypatch, tmp_path) -> None:
    win = laptop_window(qtbot, monkeypatch, tmp_path)
    try:
        before = win.view.viewport().width()
        wide = min(chars_per_line(win))
        assert win.act_documents_panel in win.panels_menu.actions()
        press(
            qtbot,
            win,
            Qt.Key.Key_L,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )  # View > Panels > Documents
        qtbot.waitUntil(lambda: win.view.viewport().width() > before)
        assert not win.documents_dock.isVisible()
        assert min(chars_per_line(win)) > wide
    finally:
        close_window(win)


def test_a_small_window_starts_with_the_document_list_closed(qtbot, monkeypatch, tmp_path) -> None:
    win = laptop_window(qtbot, monkeypatch, tmp_path, size=(780, 560))
    try:
        assert win.documents_dock.isHidden()
        assert win.act_documents_panel.isChecked() is False
        assert not win.panes.docks["entities"].isHidden()
        assert min(chars_per_line(win)) >= 45
    finally:
        close_window(win)


def test_panels_are_named_docks_listed_in_view_panels(qtbot, monkeypatch, tmp_path) -> None:
    win = laptop_window(qtbot, monkeypatch, tmp_path)
    try:
        docks = [win.documents_dock, *win.panes.docks.values()]
        panes = win.panes
        widgets = [
            win.documents,
            panes.entity_list,
            panes.quote_list,
            panes.claims_page,
            panes.details,
            panes.search_panel,
            panes.legend,
        ]
        assert [panel_of(d) for d in docks] == widgets
        names = [d.objectName() for d in win.findChildren(QDockWidget)]
        assert len(names) == len(set(names)) and all(names)
        features = QDockWidget.DockWidgetFeature
        for dock in docks:
            assert dock.features() & features.DockWidgetClosable
            assert dock.features() & features.DockWidgetMovable
            assert dock.features() & features.DockWidgetFloatable
        menu_actions = win.panels_menu.actions()
        for dock in [*docks, win.project_docks.guidelines, win.project_docks.statistics]:
            assert dock.toggleViewAction() in menu_actions
        # tabbed: the span lists share one group, details/search/labels another
        assert set(win.tabifiedDockWidgets(panes.docks["entities"])) == {
            panes.docks["quotes"],
            panes.docks["claims"],
        }
        assert set(win.tabifiedDockWidgets(panes.docks["details"])) == {
            panes.docks["search"],
            panes.docks["labels"],
        }
        # a panel moves to the other side and floats
        win.addDockWidget(win.leading_area, panes.docks["labels"])
        assert win.dockWidgetArea(panes.docks["labels"]) == win.leading_area
        panes.docks["labels"].setFloating(True)
        assert panes.docks["labels"].isFloating()
        win.reset_panels()
        assert not panes.docks["labels"].isFloating()
        assert win.dockWidgetArea(panes.docks["labels"]) == win.trailing_area
    finally:
        close_window(win)


def test_selecting_a_quote_shows_details_without_rewrapping_the_article(
    qtbot, monkeypatch, tmp_path, language
) -> None:
    win = laptop_window(qtbot, monkeypatch, tmp_path)
    try:
        text = win.session.text
        qs = text.index(QUOTE) + 1
        width = win.view.viewport().width()
        win.view.select_range(qs, qs + len(QUOTE) - 2)
        press(qtbot, win, Qt.Key.Key_Q)
        quote = win.session.index.of_kind("quote")[0]
        assert win.attribution.picking  # the Details panel shows the quote and its roles
        QApplication.processEvents()
        assert win.view.viewport().width() == width
        press(qtbot, win, Qt.Key.Key_Escape)  # no speaker
        press(qtbot, win, Qt.Key.Key_Escape)  # no cue
        qtbot.waitUntil(lambda: not win.attribution.picking)
        win._clear_active()
        panes = win.panes
        panes.docks["labels"].raise_()  # Details behind another tab
        QApplication.processEvents()
        assert not panes.is_front(panes.details)
        width = win.view.viewport().width()
        lines = win.view.document().firstBlock().layout().lineCount()
        win.select_span(quote.id)
        QApplication.processEvents()
        assert panes.is_front(panes.details)
        assert win.view.viewport().width() == width
        assert win.view.document().firstBlock().layout().lineCount() == lines
        # a Details panel the user closed stays closed: selecting takes no width either
        win._clear_active()
        panes.docks["details"].toggleViewAction().trigger()
        QApplication.processEvents()
        width = win.view.viewport().width()
        win.select_span(quote.id)
        QApplication.processEvents()
        assert panes.docks["details"].isHidden()
        assert win.view.viewport().width() == width
    finally:
        close_window(win)


def test_panel_arrangement_is_kept_per_user(qtbot, monkeypatch, tmp_path) -> None:
    win = laptop_window(qtbot, monkeypatch, tmp_path)
    db = win.project.path
    win.documents_dock.toggleViewAction().trigger()
    win.panes.docks["labels"].toggleViewAction().trigger()
    win.addDockWidget(win.leading_area, win.panes.docks["search"])
    close_window(win)
    again = open_at(qtbot, db)
    try:
        assert again.documents_dock.isHidden()
        assert again.panes.docks["labels"].isHidden()
        assert again.dockWidgetArea(again.panes.docks["search"]) == again.leading_area
        assert not again.panes.docks["entities"].isHidden()
    finally:
        close_window(again)


def test_an_old_saved_layout_gives_the_default_docks(qtbot, monkeypatch, tmp_path) -> None:
    """A window state saved before the panels were docks (version 0) is not restored."""
    isolate(monkeypatch, tmp_path)
    from PySide6.QtWidgets import QMainWindow

    from ui.app import app_settings

    old = QMainWindow()
    app_settings().setValue("windowState", old.saveState())
    win = open_at(qtbot, tmp_path / "p.hashiya")
    try:
        assert not win.documents_dock.isHidden()
        assert all(not d.isHidden() for d in win.panes.docks.values())
    finally:
        close_window(win)


def test_every_toolbar_control_fits_and_has_a_menu_entry(
    qtbot, monkeypatch, tmp_path, language
) -> None:
    from PySide6.QtWidgets import QMenu

    win = laptop_window(qtbot, monkeypatch, tmp_path)
    try:
        bar = win.toolbar
        bar_rect = bar.rect()
        for act in bar.actions():
            if act.isSeparator():
                continue
            widget = bar.widgetForAction(act)
            assert widget is not None and widget.isVisible(), act.text()
            assert bar_rect.contains(widget.geometry()), act.text()  # not in the overflow

        def menu_actions(menu: QMenu) -> list:
            out = []
            for a in menu.actions():
                out += menu_actions(a.menu()) if a.menu() is not None else [a]
            return out

        in_menus = [a for m in win.menuBar().actions() if m.menu() for a in menu_actions(m.menu())]
        buttons = [
            a
            for a in bar.actions()
            if not a.isSeparator()
            and not bar.widgetForAction(a).inherits("QComboBox")
            and not bar.widgetForAction(a).inherits("QLabel")
        ]
        for act in buttons:
            # the toolbar's undo/redo have their named twins in the Edit menu
            twin = {win.act_undo: win.menu_undo, win.act_redo: win.menu_redo}.get(act, act)
            assert twin in in_menus, act.text()
        # the status chooser: Document > Mark as …, checked for the open document
        assert all(a in in_menus for a in win.status_actions)
        win.status_actions[2].trigger()
        qtbot.waitUntil(lambda: win.status_combo.currentIndex() == 2)
        assert win.status_actions[2].isChecked()
        # the boundary chooser: Edit > Boundaries
        assert set(win.boundary_actions.values()) <= set(in_menus)
        win.boundary_actions["strip_clitics"].trigger()
        assert win.tagging.boundary_policy() == "strip_clitics"
        assert win.policy_combo.currentData() == "strip_clitics"
        win.policy_combo.setCurrentIndex(win.policy_combo.findData("token"))
        win.policy_combo.activated.emit(win.policy_combo.currentIndex())
        assert win.boundary_actions["token"].isChecked()
    finally:
        close_window(win)


def test_label_tags_name_each_entity_at_its_start_and_are_kept(
    qtbot, monkeypatch, tmp_path, language
) -> None:
    from ui.i18n import current_language

    win = laptop_window(qtbot, monkeypatch, tmp_path)
    db = win.project.path
    try:
        view = win.view
        text = win.session.text
        start = text.index("الحكومة")
        view.select_range(start, start + len("الحكومة"))
        press(qtbot, win, Qt.Key.Key_1)
        span = win.session.index.of_kind("entity")[0]
        assert view.label_tags.items == []  # off by default
        assert win.act_label_tags in win.view_menu.actions()
        win.act_label_tags.trigger()
        assert win.act_label_tags.isChecked() and win.prefs.label_tags
        [(at, rect, name, fill, _border)] = view.label_tags.items
        label = win.project.schema().label(span.label)
        assert at == span.start
        assert name in (
            f"\u2068{label.display_name(current_language())}\u2069",
            f"\u2068{span.label}\u2069",
        )
        # at the span's start: Arabic runs leftwards, so the tag's right edge is the span's
        # right edge, on the span's first line
        first = view._doc_rects(span.start, span.end, (float("-inf"), float("inf")))[0]
        assert abs(rect.right() - first.right()) < 1.0
        assert first.top() <= rect.top() and rect.bottom() <= first.bottom()
        # painted: the tag's fill shows in the viewport beside its text
        QApplication.processEvents()
        dx, dy = view._offset()
        image = view.viewport().grab().toImage()
        ratio = image.devicePixelRatio()
        x, y = rect.left() + dx + 2, rect.center().y() + dy
        assert image.pixelColor(int(x * ratio), int(y * ratio)) == fill
        # a renamed label (Edit labels…) is written with its new name; colours follow too
        from ui.commands import ChangeSchema

        schema = win.project.schema()
        renamed = schema.with_label_changed(
            span.label, title="Some body", title_ar="أحدٌ ما", color="#aabbcc"
        )
        win.docs.push(ChangeSchema(win.docs, schema, renamed, {}))
        [(_at, _rect, name, fill, _border)] = view.label_tags.items
        assert name in ("\u2068Some body\u2069", "\u2068أحدٌ ما\u2069", f"\u2068{span.label}\u2069")
        assert fill.name() == "#aabbcc"
        win.docs.undo_stack.undo()
        # an undo takes the tag away with the entity
        win.docs.undo_stack.undo()
        assert view.label_tags.items == []
        win.docs.undo_stack.redo()
        assert len(view.label_tags.items) == 1
    finally:
        close_window(win)
    again = open_at(qtbot, db)
    try:
        assert again.act_label_tags.isChecked()
        qtbot.waitUntil(lambda: len(again.view.label_tags.items) == 1)
        again.act_label_tags.trigger()
        assert again.view.label_tags.items == [] and not again.prefs.label_tags
    finally:
        close_window(again)


def test_panel_arrangement_is_saved_as_it_changes(qtbot, monkeypatch, tmp_path) -> None:
    """Kept without closing the window (a killed process never reaches closeEvent)."""
    from ui.main_window import WINDOW_STATE_KEY, WINDOW_STATE_VERSION

    win = laptop_window(qtbot, monkeypatch, tmp_path)
    try:
        labels = win.panes.docks["labels"]
        before = win.prefs.state(WINDOW_STATE_KEY)  # none yet: nothing was moved
        labels.toggleViewAction().trigger()
        qtbot.waitUntil(lambda: win.prefs.state(WINDOW_STATE_KEY) != before, timeout=5000)
        saved = win.prefs.state(WINDOW_STATE_KEY)
        assert saved is not None
        labels.show()
        assert not labels.isHidden()
        assert win.restoreState(saved, WINDOW_STATE_VERSION)
        assert labels.isHidden()
    finally:
        close_window(win)
