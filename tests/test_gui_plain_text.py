"""Strings from users and files are shown as typed: markup is never interpreted, and bidi
controls in names and sources are spelled out (issue 14)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from tests.gui_support import close_window, press, wait_for_import, window_with

pytestmark = pytest.mark.gui

MARKUP = '<img src="x.png"><b>bold</b>'
RLO = "\u202e"
NAME = f"<b>news<img src=x>{RLO}txt.exe.txt"  # no "/" in a file name; RLO reverses "txt.exe"
FILE_MARKUP = "<b>news<img src=x>"
ARTICLE = f"قال المتحدث إن {MARKUP} بوتين سيزور موسكو، وإن 26 مدنيا قتلوا.\n"


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    article = tmp_path / NAME
    article.write_text(ARTICLE, encoding="utf-8")
    win = window_with(qtbot, monkeypatch, tmp_path, [article])
    yield win
    close_window(win)


def test_document_names_show_markup_as_typed_and_bidi_controls_visibly(qtbot, window) -> None:
    model = window.docs.doc_model
    index = model.index(0, 0)
    shown = model.data(index, Qt.ItemDataRole.DisplayRole)
    assert shown == f"\u2068{FILE_MARKUP}⟨RLO⟩txt.exe.txt\u2069" and RLO not in shown
    tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;news&lt;img src=x&gt;⟨RLO⟩" in tip and "<b>" not in tip
    assert "⟨RLO⟩" in window.windowTitle() and RLO not in window.windowTitle()
    # search results name the document the same way
    window.search.search("بوتين")
    item = window.panes.search_panel.results.item(0)
    assert "⟨RLO⟩" in item.text() and "&lt;b&gt;" in item.toolTip()


def test_details_show_article_text_and_schema_titles_as_plain_text(qtbot, window) -> None:
    text = window.session.text
    start = text.index("المتحدث")
    end = text.index("بوتين") + 5
    window.view.select_range(start, end)
    press(qtbot, window, Qt.Key.Key_C)  # a claim over the markup
    press(qtbot, window, Qt.Key.Key_Escape)
    claim = window.session.index.of_kind("claim")[0]
    assert MARKUP in text[claim.start : claim.end]
    window.select_span(claim.id)
    details = window.panes.details
    title = details.title.text()
    assert '&lt;img src="x.png"&gt;&lt;b&gt;bold&lt;/b&gt;' in title.replace("&quot;", '"')
    assert "<img" not in title
    # a schema whose label and attribute titles hold markup and a bidi control
    schema = window.project.schema()
    attrs = tuple(
        replace(a, title=f"{MARKUP} note{RLO}") if (a.kind, a.name) == ("claim", "note") else a
        for a in schema.attributes
    )
    new = replace(schema.with_label_changed("PERS", title=f"{MARKUP}{RLO}"), attributes=attrs)
    window.docs.apply_schema(new, {})
    window.panes.details.show_span(None, text, window.session.index, window.session.schema)
    window.select_span(claim.id)
    label = details.form.labelForField(details.editors["note"])
    assert isinstance(label, QLabel) and label.textFormat() == Qt.TextFormat.PlainText
    assert "bold</b> note⟨RLO⟩" in label.text() and RLO not in label.text()
    legend = window.panes.legend
    pers = next(legend.item(r) for r in range(legend.count()) if "PERS" in legend.item(r).text())
    assert "⟨RLO⟩" in pers.text() and RLO not in pers.text()
    assert "&lt;img" in pers.toolTip() and "<img" not in pers.toolTip()


def test_import_report_names_files_visibly(qtbot, window, tmp_path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / f"{FILE_MARKUP}{RLO}.txt").write_bytes(b"")
    window.io.import_paths([bad], modal=False)
    wait_for_import(qtbot, window, 1)
    qtbot.waitUntil(lambda: window.io.report_dialog is not None)
    dialog = window.io.report_dialog
    shown = [w for w in dialog.findChildren(QLabel) if w.text()]
    assert shown and all(w.textFormat() == Qt.TextFormat.PlainText for w in shown)
    from PySide6.QtWidgets import QPlainTextEdit

    lines = dialog.findChild(QPlainTextEdit).toPlainText()
    assert "⟨RLO⟩" in lines and RLO not in lines and FILE_MARKUP in lines
    dialog.close()
