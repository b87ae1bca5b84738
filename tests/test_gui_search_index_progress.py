"""A project whose texts are not in the project search index yet (made by an older version)
gets them indexed on its first project-wide search, behind a progress dialog; later searches
go straight to the index."""

from __future__ import annotations

import pytest

import ui.search_index_progress
from storage import search_index
from tests.gui_support import close_window, isolate, open_window
from tests.test_gui_project_upgrade import TEXTS, _version_9

pytestmark = pytest.mark.gui


def test_first_project_search_indexes_with_progress(qtbot, monkeypatch, tmp_path) -> None:
    shown: list[tuple[str, int]] = []

    class Recording(ui.search_index_progress.QProgressDialog):
        def close(self) -> bool:
            shown.append((self.labelText(), self.maximum()))
            return super().close()

    monkeypatch.setattr(ui.search_index_progress, "QProgressDialog", Recording)
    isolate(monkeypatch, tmp_path)
    path = tmp_path / "old.hashiya"
    _version_9(path)  # three texts, no search index rows
    win = open_window(qtbot, path)
    try:
        qtbot.waitUntil(lambda: win.session is not None)
        conn = win.project.db.conn
        assert search_index.unindexed_count(conn) == len(TEXTS)
        hits = win.search.search("للخبر", project_wide=True)
        assert len(shown) == 1 and "Indexing" in shown[0][0] and shown[0][1] == len(TEXTS)
        assert search_index.unindexed_count(conn) == 0
        assert sorted(h.doc_id for h in hits) == sorted(win.project.document_ids())
        win.search.search("أول", project_wide=True)
        assert len(shown) == 1  # indexed once
    finally:
        close_window(win)
