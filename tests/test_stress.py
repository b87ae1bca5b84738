"""20,000 entities created and removed through the window's own code paths, in one process."""

from __future__ import annotations

import os

import pytest
from PySide6.QtWidgets import QApplication

from tests.gui_support import isolate, open_window, wait_for_import

pytestmark = [pytest.mark.gui, pytest.mark.stress]

WORDS = [
    "القاهرة",
    "وبوتين",
    "الرئيس",
    "لروسيا",
    "سوريا",
    "مدينة",
    "الأسد",
    "كيري",
    "موسكو",
    "الرياض",
]
N = int(os.environ.get("HASHIYA_STRESS_N", "20000"))  # the brief asks for 20,000


def test_twenty_thousand_entities_in_and_out(qtbot, tmp_path, monkeypatch) -> None:
    isolate(monkeypatch, tmp_path)
    words = [WORDS[i % len(WORDS)] for i in range(N)]
    lines = [" ".join(words[i : i + 12]) + "." for i in range(0, N, 12)]
    article = tmp_path / "long.txt"
    article.write_text("\n".join(lines), encoding="utf-8")
    win = open_window(qtbot, tmp_path / "stress.hashiya")
    win.io.import_paths([article], modal=False)
    wait_for_import(qtbot, win, 1)
    text = win.session.text
    starts = []
    pos = 0
    for w in words:
        pos = text.index(w, pos)
        starts.append((pos, pos + len(w)))
        pos += len(w)
    labels = ["PERS", "GPE", "ORG", "LOC"]
    for n, (a, b) in enumerate(starts):
        win.view.select_range(a, b)
        assert win.tagging.tag_selection(labels[n % 4]) is not None
        if n % 2000 == 0:
            QApplication.processEvents()  # let it paint now and then, as a user session would
    assert win.project.span_count(win.session.doc.id, "entity") == N
    assert win.panes.entity_model.rowCount() == N
    assert win.docs.documents()[0].entity_count == N
    # remove them all: half by Delete on the selected entity, half by undo
    spans = win.session.index.of_kind("entity")
    for span in spans[: N // 2]:
        win.select_span(span.id)
        win.tagging.delete_active()
    QApplication.processEvents()
    assert win.project.span_count(win.session.doc.id, "entity") == N // 2
    while win.docs.undo_stack.canUndo():  # restores the deleted half, then takes back every add
        win.docs.undo_stack.undo()
    QApplication.processEvents()
    assert win.project.span_count(win.session.doc.id, "entity") == 0
    assert win.panes.entity_model.rowCount() == 0
    assert len(win.session.index) == 0
    win.close()
    win.project.close()
