"""The guidelines dock: safe rendering, sections, search, editing with undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack

from storage.guidelines import read_guidelines, write_guidelines
from storage.project import Project
from ui.guidelines_dock import GuidelinesDock

pytestmark = pytest.mark.gui

MANUAL = (
    "# الدليل\n\nمقدمة.\n\n"
    + "\n".join(f"فقرة تمهيدية رقم {i} لملء الصفحة." for i in range(80))
    + "\n\n## PERS — شخص [ar]\nاسم الشخص دون لقبه.\n\n## PERS — person [en]\nThe name only.\n\n"
    + "## GPE\nدول ومدن.\n\n### claim.checkworthy\nقابل للتحقق.\n"
)

HOSTILE = """# Hostile

<img src="file:///etc/passwd"> <b>bold?</b> <script>alert(1)</script>

![remote](http://example.invalid/x.png) ![local](file:///tmp/secret.png)

[run me](file:///usr/bin/xterm) [web](https://example.invalid/) [jump](#x)

<a href="javascript:alert(1)">js</a>
"""


@pytest.fixture
def dock(qtbot, tmp_path: Path):
    project = Project(tmp_path / "p.hashiya", annotator="t")
    stack = QUndoStack()
    lang = {"value": "en"}
    widget = GuidelinesDock(
        lambda: read_guidelines(project),
        lambda text: write_guidelines(project, text),
        stack,
        lambda: lang["value"],
    )
    qtbot.addWidget(widget)
    widget.resize(700, 400)
    widget.show()
    widget.project, widget.stack, widget.lang = project, stack, lang
    yield widget
    project.close()


def test_hostile_markdown_is_shown_as_text_and_loads_nothing(dock) -> None:
    write_guidelines(dock.project, HOSTILE)
    dock.reload()
    html = dock.view.document().toHtml()
    plain = dock.view.toPlainText()
    assert '<img src="file:///etc/passwd"' not in html  # raw HTML never becomes an element
    assert '<img src="file:///etc/passwd">' in plain  # the tag is text, not an image
    assert "<script>" in plain and "<b>bold?</b>" in plain
    dock.view.grab()  # paint: any image would be requested now
    assert dock.view.resources_refused >= 2  # both Markdown images asked for, both refused
    links = []
    dock.view.external_link.connect(links.append)
    from PySide6.QtCore import QUrl

    before = dock.view.source()
    dock.view.anchorClicked.emit(QUrl("file:///usr/bin/xterm"))
    dock.view.anchorClicked.emit(QUrl("https://example.invalid/"))
    assert links == ["file:///usr/bin/xterm", "https://example.invalid/"]
    assert dock.view.source() == before  # nothing was navigated to


def test_show_section_prefers_the_interface_language(dock, qtbot) -> None:
    write_guidelines(dock.project, MANUAL)
    dock.reload()
    assert dock.toc.topLevelItemCount() == 1  # one top heading with its children
    assert dock.show_section("PERS") is True
    qtbot.waitUntil(lambda: dock.view.verticalScrollBar().value() > 0)
    assert dock.view.textCursor().block().text() == "PERS — person [en]"
    dock.lang["value"] = "ar"
    dock.show_section("PERS")
    assert dock.view.textCursor().block().text() == "PERS — شخص [ar]"
    assert dock.show_section("ORG") is False
    assert "## ORG" in dock.note.text() and dock.note.isVisible()


def test_search_filters_the_contents_and_finds_in_the_text(dock) -> None:
    write_guidelines(dock.project, MANUAL)
    dock.reload()
    dock.search.setText("GPE")
    visible = []
    items = [dock.toc.topLevelItem(0)]
    while items:
        item = items.pop()
        items.extend(item.child(i) for i in range(item.childCount()))
        if not item.isHidden():
            visible.append(item.text(0))
    assert "GPE" in visible and "PERS — person  [en]" not in visible
    assert dock.view.textCursor().selectedText() == "GPE"


def test_editing_commits_one_undo_step_per_burst(dock, qtbot) -> None:
    dock.set_editing(True)
    assert dock.editor.isVisible()
    dock.editor.setPlainText("# دليل\n")
    dock.commit()
    dock.editor.appendPlainText("## GPE\nدول.")
    qtbot.waitUntil(lambda: read_guidelines(dock.project).endswith("دول."), timeout=5000)
    assert dock.stack.count() == 1  # the two commits of one burst merged
    assert "GPE" in dock.view.toPlainText()  # the preview follows
    first = read_guidelines(dock.project)
    dock.set_editing(False)
    dock.set_editing(True)
    dock.editor.appendPlainText("more")
    dock.commit()
    assert dock.stack.count() == 2
    dock.stack.undo()
    assert read_guidelines(dock.project) == first
    dock.stack.undo()
    assert read_guidelines(dock.project) == "" and dock.editor.toPlainText() == ""
    dock.stack.redo()
    assert read_guidelines(dock.project).endswith("دول.")
