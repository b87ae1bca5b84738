"""The interface language in the real window: in Arabic every menu, action (text, tooltip,
status tip), toolbar control, panel header, dock title and dialog is translated and the layout
is mirrored; in English it stays English; View > Language is kept per user and said to apply at
the next start."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)

from tests.gui_support import close_window, interface_language, isolate, wait_for_import

pytestmark = pytest.mark.gui

ARTICLE = (
    "قال وزير الخارجية محمد العلي في مؤتمر صحفي: «إن الاتفاق سيُوقَّع غدًا».\n"
    "وأضاف أن 40 في المئة من المساعدات وصلت إلى الرياض.\n"
)

# What may stay Latin in an Arabic interface, each for a stated reason.
ALLOWED_LATIN = {
    # key names, written as on the keyboard
    "Ctrl", "Shift", "Alt", "Enter", "Backspace", "Esc", "Del",
    # file formats and encodings, named as the files and tools name them
    "JSONL", "JSON", "PNG", "CSV", "Markdown", "UTF", "Windows", "txt", "jsonl", "png", "csv",
    # the command line quoted in the empty guidelines text
    "python", "main", "py", "guidelines", "load", "FILE", "md",
    # the language menu names each language in itself
    "English",
    # the export formats and the tools they come from, named as they name themselves
    "CoNLL", "doccano", "Label", "Studio", "Prodigy", "spaCy", "DocBin", "INCEpTION", "WebAnno",
    "TSV", "brat",
    # a line of the CoNLL format, quoted as it is written in the file
    "DOCSTART",
}  # fmt: skip


def latin_words(text: str, codes: set[str]) -> list[str]:
    """The Latin words of text that are neither label codes nor allowed above."""
    text = re.sub(r"<[^>]*>", "", text)  # the markup of rich-text labels
    text = re.sub(r"/[^\s\u2069]*", "", text)  # paths (project, log file)
    text = re.sub(r"[\w.-]+\.(hashiya|txt|jsonl|log)\b", "", text)  # file names
    return [w for w in re.findall(r"[A-Za-z]{2,}", text) if w not in ALLOWED_LATIN | codes]


@pytest.fixture
def language(request) -> Iterator[str]:
    """The interface language for one test (tests.gui_support.interface_language)."""
    with interface_language(request.param) as language:
        yield language


def open_project(qtbot, monkeypatch, tmp_path: Path):
    from tests.gui_support import open_window

    isolate(monkeypatch, tmp_path)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    win = open_window(qtbot, tmp_path / "project.hashiya")
    win.io.import_paths([tmp_path / "a.txt"], modal=False)
    wait_for_import(qtbot, win, 1)
    qtbot.waitUntil(lambda: win.session is not None)
    return win


def menu_texts(menu: QMenu, path: str = "") -> Iterator[tuple[str, str]]:
    here = f"{path} > {menu.title()}"
    yield here, menu.title()
    for action in menu.actions():
        if action.isSeparator():
            continue
        if action.menu() is not None:
            yield from menu_texts(action.menu(), here)
            continue
        for what, text in (
            ("text", action.text()),
            ("tooltip", action.toolTip()),
            ("status tip", action.statusTip()),
        ):
            yield f"{here} > {action.text()} ({what})", text


def widget_texts(root: QWidget, where: str) -> Iterator[tuple[str, str]]:
    """Every visible string of a widget tree: labels, buttons, placeholders, combo items,
    tab titles, dock titles, column headers, tooltips."""
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        name = f"{where}: {type(w).__name__} {w.objectName()}"
        if w.toolTip():
            yield f"{name} tooltip", w.toolTip()
        if isinstance(w, QLabel):
            yield name, w.text()
        elif isinstance(w, QAbstractButton):
            yield name, w.text()
        elif isinstance(w, QLineEdit):
            yield f"{name} placeholder", w.placeholderText()
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                yield f"{name} item {i}", w.itemText(i)
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield f"{name} tab {i}", w.tabText(i)
        elif isinstance(w, QDockWidget):
            yield f"{name} title", w.windowTitle()
        header = (
            w.horizontalHeader()
            if isinstance(w, QTableView)
            else w.header()
            if isinstance(w, QTreeView)
            else None
        )
        if header is not None and w.model() is not None:
            model = w.model()
            for col in range(header.count()):
                header = model.headerData(col, Qt.Orientation.Horizontal)
                if header is not None:
                    yield f"{name} header {col}", str(header)
        if isinstance(w, QDialog) and w.windowTitle():
            yield f"{name} title", w.windowTitle()


def all_window_texts(win) -> Iterator[tuple[str, str]]:
    for action in win.menuBar().actions():
        if action.menu() is not None:
            yield from menu_texts(action.menu())
    for action in win.findChildren(QAction):
        for what, text in (
            ("text", action.text()),
            ("tooltip", action.toolTip()),
            ("status tip", action.statusTip()),
        ):
            yield f"action {action.text()} ({what})", text
    yield "window title", win.windowTitle()
    yield from widget_texts(win, "window")


def open_dialogs(qtbot, win) -> Iterator[tuple[str, QWidget]]:
    from ui.dialogs import LabelPicker, SchemaEditor

    picker = LabelPicker(win.project.schema(), "entity", win)
    yield "label picker", picker
    editor = SchemaEditor(win.project.schema(), win.project.label_usage, "entity", win)
    yield "schema editor", editor
    yield "variants", win.show_variants()
    yield "about", win.show_about()
    yield "export", win.io.export_dialog()
    yield "import from another tool", win.io.import_other_dialog()
    from ui.team import AssignDialog

    yield "assign", AssignDialog(win)
    yield "agreement", win.team.show_agreement()
    win.prefs.settings.setValue("language", "en")
    yield "language", win.choose_language("ar")


def untranslated(qtbot, win) -> list[str]:
    codes = {label.name for label in win.project.schema().labels}
    codes.add(win.project.annotator_name)  # a person's name (title, status bar) is user data
    # a quote with its details open, so the Details form shows its rows and buttons
    session = win.session
    start = ARTICLE.index("«")
    win.view.select_range(start, ARTICLE.index("»") + 1)
    win.attribution.start_quote()
    qtbot.waitUntil(lambda: any(s.kind == "quote" for s in session.index.all()))
    win.keys.dispatch("Esc")
    win.keys.dispatch("Esc")
    quote = next(s for s in session.index.all() if s.kind == "quote")
    win.select_span(quote.id)
    found = list(all_window_texts(win))
    for name, dialog in open_dialogs(qtbot, win):
        found += widget_texts(dialog, name)
        if isinstance(dialog, QMessageBox):
            found.append((f"{name} text", dialog.text()))
        dialog.close()
    return [f"{where}: {text!r}" for where, text in found if latin_words(text, codes)]


@pytest.mark.parametrize("language", ["ar"], indirect=True)
def test_arabic_interface_has_no_english_left(qtbot, monkeypatch, tmp_path, language) -> None:
    win = open_project(qtbot, monkeypatch, tmp_path)
    try:
        assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert win.menuBar().actions()[0].text() == "&ملف"
        left = untranslated(qtbot, win)
        assert left == [], "\n".join(left)
        # mirrored: the document list is on the right of the article
        docs_x = win.documents.mapTo(win, win.documents.rect().topLeft()).x()
        view_x = win.view.mapTo(win, win.view.rect().topLeft()).x()
        assert docs_x > view_x
    finally:
        close_window(win)


@pytest.mark.parametrize("language", ["en"], indirect=True)
def test_english_interface_stays_english(qtbot, monkeypatch, tmp_path, language) -> None:
    win = open_project(qtbot, monkeypatch, tmp_path)
    try:
        assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
        titles = [a.text() for a in win.menuBar().actions()]
        assert titles[:3] == ["&File", "&Edit", "&Review"]
        assert win.panes.docks["entities"].windowTitle() == "Entities"
        assert win.act_import.statusTip() == "Import .txt articles or Hashiya .jsonl"
        arabic = re.compile(r"[\u0600-\u06ff]")
        # Arabic only where it is an example of Arabic text or the language's own name
        with_arabic = [
            text
            for _where, text in menu_texts(win.view_menu)
            if arabic.search(text) and text != "العربية"
        ]
        assert with_arabic == []
        docs_x = win.documents.mapTo(win, win.documents.rect().topLeft()).x()
        view_x = win.view.mapTo(win, win.view.rect().topLeft()).x()
        assert docs_x < view_x
    finally:
        close_window(win)


def test_language_choice_is_kept_per_user_and_said_to_apply_at_next_start(
    qtbot, monkeypatch, tmp_path
) -> None:
    win = open_project(qtbot, monkeypatch, tmp_path)
    try:
        menu = win.language_menu
        assert [a.text() for a in menu.actions()] == ["English", "العربية"]
        assert win.language_actions["en"].isChecked()
        box = win.choose_language("ar")
        assert box is not None and "next start" in box.text()
        box.close()
        assert win.language_actions["ar"].isChecked()
        settings = QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Hashiya", "Hashiya"
        )
        from ui.i18n import chosen_language

        assert chosen_language(settings) == "ar"
        assert chosen_language(settings, "en") == "en"  # --lang en overrides it for one run
        assert win.choose_language("ar") is None  # nothing to say when nothing changes
    finally:
        close_window(win)


def test_lang_option_reaches_the_window(monkeypatch) -> None:
    import main

    seen: dict[str, object] = {}

    def fake_run_gui(db, annotator, lang):  # the window itself is tested above
        seen.update(db=db, lang=lang)
        return 0

    monkeypatch.setattr("ui.app.run_gui", fake_run_gui)
    assert main.main(["--lang", "ar", "--db", "x.hashiya"]) == 0
    assert seen["lang"] == "ar"
    with pytest.raises(SystemExit):
        main.main(["--lang", "fr"])


def test_arabic_keyboard_layout_reaches_the_window_commands(qtbot, monkeypatch, tmp_path) -> None:
    """With only an Arabic layout the keys marked 1, Q, C, A and Ctrl+Z type ١ ض ؤ ش and ئ:
    the real window still tags, starts a quote or a claim, takes the article as claimant and
    undoes."""
    from tests.gui_support import press

    win = open_project(qtbot, monkeypatch, tmp_path)
    try:
        text, index = win.session.text, win.session.index
        name = text.index("محمد العلي")
        win.view.select_range(name, name + len("محمد العلي"))
        press(qtbot, win, Qt.Key(ord("١")))  # Arabic-Indic one: the first label
        [entity] = index.of_kind("entity")
        assert (entity.start, entity.end, entity.label) == (name, name + 10, "PERS")
        start, end = text.index("«") + 1, text.index("»")
        win.view.select_range(start, end)
        press(qtbot, win, Qt.Key(ord("ض")))  # the Q key: a quote, then choose its speaker
        [quote] = index.of_kind("quote")
        assert (quote.start, quote.end) == (start, end)
        assert win.attribution.pick == ("speaker", quote.id)
        press(qtbot, win, Qt.Key.Key_Escape)
        press(qtbot, win, Qt.Key.Key_Escape)
        assert win.attribution.pick is None
        claim_text = "40 في المئة من المساعدات وصلت إلى الرياض"
        c = text.index(claim_text)
        win.view.select_range(c, c + len(claim_text))
        press(qtbot, win, Qt.Key(ord("ؤ")))  # the C key: a claim, then its claimant
        [claim] = index.of_kind("claim")
        assert win.attribution.pick == ("claimant", claim.id)
        press(qtbot, win, Qt.Key(ord("ش")))  # the A key: the article itself
        assert win.attribution.pick is None
        assert index[claim.id].attrs["claimant_article"] == "yes"
        undo_before = win.docs.undo_stack.count()
        press(qtbot, win, Qt.Key(ord("ئ")), Qt.KeyboardModifier.ControlModifier)  # Ctrl+Z
        assert win.docs.undo_stack.index() == undo_before - 1
        assert index[claim.id].attrs.get("claimant_article", "no") == "no"
    finally:
        close_window(win)


FSI, LRI, PDI = "\u2068", "\u2066", "\u2069"


@pytest.mark.parametrize("language", ["ar"], indirect=True)
def test_mixed_direction_strings_are_isolated(qtbot, monkeypatch, tmp_path, language) -> None:
    """Arabic text next to numbers, codes and ranges: each run in its own isolate, in the
    status bar, the selection counter, the Details header, the span lists and tooltips; the
    Quotes list's arrow points the way Arabic reads."""
    win = open_project(qtbot, monkeypatch, tmp_path)
    try:
        text, index = win.session.text, win.session.index
        c = text.index("40 في المئة")
        win.view.select_range(c, c + len("40 في المئة من المساعدات"))
        assert win.position_label.text().startswith("التحديد ")
        assert f"{LRI}[{c}, {c + 24}){PDI}" in win.position_label.text()
        win.attribution.start_claim()
        win.keys.dispatch("Esc")
        [claim] = index.of_kind("claim")
        win.select_span(claim.id)
        status = win.statusBar().currentMessage()
        assert status == (
            f"{FSI}ادعاء{PDI}: {FSI}{text[claim.start : claim.end]}{PDI}  "
            f"{LRI}[{claim.start}, {claim.end}){PDI}"
        )
        header = win.panes.details.header_text
        assert (
            header == f"{FSI}ادعاء{PDI} · {LRI}CLAIM{PDI} · {LRI}[{claim.start}, {claim.end}){PDI}"
        )
        # a quote row: speaker ← content, each side isolated
        start, end = text.index("«") + 1, text.index("»")
        win.view.select_range(start, end)
        win.attribution.start_quote()
        win.keys.dispatch("Esc")
        win.keys.dispatch("Esc")
        model = win.panes.quote_model
        row = model.data(model.index(0, 0))
        assert row.startswith(f"{FSI}?{PDI} ← {FSI}إن الاتفاق")
        assert row.endswith(f"…{PDI}")
        # an entity row: the label's Arabic name, and a tooltip with name, code, range, definition
        name = text.index("محمد العلي")
        win.view.select_range(name, name + 10)
        win.tagging.tag_selection("PERS")
        entities = win.panes.entity_model
        assert entities.data(entities.index(0, 1)) == "شخص"
        tip = entities.data(entities.index(0, 1), Qt.ItemDataRole.ToolTipRole)
        assert tip.startswith(f"{FSI}شخص{PDI} {LRI}PERS{PDI}\n{FSI}")
        assert tip.endswith(f"{LRI}[{name}, {name + 10}){PDI}")
    finally:
        close_window(win)


@pytest.mark.parametrize("language", ["ar"], indirect=True)
def test_label_picker_and_legend_speak_the_interface_language(
    qtbot, monkeypatch, tmp_path, language
) -> None:
    from ui.dialogs import LabelPicker

    win = open_project(qtbot, monkeypatch, tmp_path)
    try:
        schema = win.project.schema()
        picker = LabelPicker(schema, "entity", win)
        qtbot.addWidget(picker)
        visible = lambda: [  # noqa: E731
            picker.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(picker.list.count())
            if not picker.list.item(i).isHidden()
        ]
        picker.filter.setText("شخص")
        assert visible() == ["PERS"] and picker.chosen() == "PERS"
        picker.filter.setText("person")
        assert visible() == ["PERS"]
        picker.filter.setText("gpe")
        assert visible() == ["GPE"]
        pers = picker.list.item(0)
        assert "شخص" in pers.text() and f"{LRI}PERS{PDI}" in pers.text()
        assert schema.label("PERS").description("ar") in pers.toolTip()
        legend = win.panes.legend
        first = legend.item(0)
        assert "شخص" in first.text() and schema.label("PERS").description("ar") in first.toolTip()
        pers_action = next(a for a in win.label_menu.actions() if a.text().startswith("شخص"))
        assert pers_action.statusTip() == schema.label("PERS").description("ar")
    finally:
        close_window(win)


@pytest.mark.parametrize("language", ["ar"], indirect=True)
def test_hovering_an_entity_names_its_label_annotator_and_boundary_policy(
    qtbot, monkeypatch, tmp_path, language
) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    win = open_project(qtbot, monkeypatch, tmp_path)
    try:
        text = win.session.text
        name = text.index("محمد العلي")
        win.view.select_range(name, name + 10)
        win.tagging.tag_selection("PERS")
        expected = (
            f"{FSI}شخص{PDI} {LRI}PERS{PDI} · {FSI}tester{PDI} · الكلمة كاملة · "
            f"{LRI}[{name}, {name + 10}){PDI}"
        )
        assert win.view.hover_text(name + 3) == expected
        assert win.view.hover_text(text.index("مؤتمر")) == ""
        rect = win.view.range_rects(name + 2, name + 3)[0]
        pos = rect.center().toPoint()
        viewport = win.view.viewport()
        event = QHelpEvent(QEvent.Type.ToolTip, pos, viewport.mapToGlobal(pos))
        QApplication.sendEvent(viewport, event)
        qtbot.waitUntil(lambda: "شخص" in QToolTip.text())
        assert "tester" in QToolTip.text()
        QToolTip.hideText()
    finally:
        close_window(win)


def test_search_hits_are_outlined_not_filled(qtbot, monkeypatch, tmp_path) -> None:
    win = open_project(qtbot, monkeypatch, tmp_path)
    try:
        win.search.search("الرياض", False, True)
        assert win.search.hits
        hits = [b for b in win.view.bands() if b.start == win.search.hits[0].start]
        assert hits and {b.style for b in hits} == {"hit"}
        assert not [b for b in win.view.bands() if b.style == "fill"]
    finally:
        close_window(win)


def test_first_window_size_fits_a_small_screen(qtbot, monkeypatch, tmp_path) -> None:
    win = open_project(qtbot, monkeypatch, tmp_path)
    try:
        screen = win.screen().availableGeometry()
        assert win.width() <= screen.width() and win.height() <= screen.height()
        model = win.docs.doc_model
        assert model.data(model.index(0, 0)) == f"{FSI}a.txt{PDI}"
    finally:
        close_window(win)


@pytest.mark.parametrize("language", ["ar"], indirect=True)
def test_import_report_is_in_the_interface_language(qtbot, monkeypatch, tmp_path, language) -> None:
    win = open_project(qtbot, monkeypatch, tmp_path)
    try:
        bad = tmp_path / "bad.jsonl"
        bad.write_text("not json\n", encoding="utf-8")
        good = tmp_path / "b.txt"
        good.write_text("خبر ثان قصير.\n", encoding="utf-8")
        win.io.import_paths([bad, good], modal=False)
        wait_for_import(qtbot, win, 2)
        qtbot.waitUntil(lambda: win.io.last_report is not None and win.io.report_dialog is not None)
        summary = "استُورد مستند واحد؛ لا توسيمات؛ المتخطّاة: 0؛ المرفوضة: 1"
        assert win.statusBar().currentMessage() == summary
        dialog = win.io.report_dialog
        assert dialog.windowTitle() == "تقرير الاستيراد"
        dialog.close()
    finally:
        close_window(win)
