"""The lazy document list model (ui/document_list_model.py) on 20,000 documents: it holds
only the pages the view shows, filters and sorts through the project, finds a far row, and
shows sources and titles as plain, unspoofable text."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView

from annotation.documents import STATUSES, Document
from storage.project import Project
from ui.document_list_model import COLUMNS, DOCUMENT, POSITION, TITLE, LazyDocumentModel

N = 20_000


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "big.hashiya"
    with Project(path, annotator="bench") as project:
        project.add_documents(
            Document.create(
                f"خبر رقم {i} عن {'الرياض' if i % 7 == 0 else 'جدة'} في يوم ما.",
                f"feed-{i % 10}/{i}.txt",
                STATUSES[i % 3],
            )
            for i in range(N)
        )
    return path


@pytest.fixture
def model(qtbot, big: Path):
    project = Project(big, readonly=True)
    yield LazyDocumentModel(project, page_size=100)
    project.close()


def test_holds_only_the_pages_the_view_shows(qtbot, model) -> None:
    assert model.total == N and model.rowCount() == N
    assert model.rows == []  # counted, nothing read yet
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(400, 300)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: len(model.rows) == 100)  # the first page, on screen
    view.scrollToBottom()
    qtbot.waitUntil(lambda: any(r.position == N for r in model.rows))
    assert len(model.rows) <= 200  # the first and the last page, nothing in between
    assert [model.info(i).position for i in (0, N - 1)] == [1, N]
    for row in range(0, N, 100):  # every page once: only the most recent ones are kept
        model.info(row)
    assert len(model.rows) == model.max_pages * 100


def test_filter_status_source_and_words(model) -> None:
    model.set_filter(status="done")
    assert model.total == N // 3
    assert all(model.info(i).status == "done" for i in range(0, model.rowCount(), 97))
    model.set_filter(words="الرياض", source="feed-3/")
    want = sum(1 for i in range(N) if i % 7 == 0 and i % 10 == 3)
    assert model.total == want
    model.set_filter()
    assert model.total == N


def test_sort_by_any_column_through_the_view(qtbot, model) -> None:
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setSortingEnabled(True)
    view.sortByColumn(POSITION, Qt.SortOrder.DescendingOrder)
    assert model.info(0).position == N
    for column in range(len(COLUMNS)):
        view.sortByColumn(column, Qt.SortOrder.AscendingOrder)
        assert model.total == N and len(model.rows) <= 100


def test_row_of_a_far_document_reads_only_its_page(model) -> None:
    far = model.project.document_ids()[15_000]
    row = model.row_of(far)
    assert row == 15_000
    assert model.data(model.index(row, 0), Qt.ItemDataRole.UserRole) == far
    assert len(model.rows) == 100
    model.set_filter(status="new")  # every third document, 15000 among them
    assert model.row_of(far) == 5_000
    assert model.row_of(model.project.document_ids()[15_001]) == -1  # in progress: left out
    QApplication.processEvents()


def test_sources_and_titles_are_plain_text(qtbot, tmp_path: Path) -> None:
    with Project(tmp_path / "p.hashiya") as project:
        doc = Document.create("<img src='x.png'> <b>عنوان</b>", "feeds/<b>news\u202etxt.exe")
        project.add_document(doc)
        model = LazyDocumentModel(project)
        name = model.data(model.index(0, DOCUMENT))
        assert "\u202e" not in name and "⟨RLO⟩" in name
        tip = model.data(model.index(0, DOCUMENT), Qt.ItemDataRole.ToolTipRole)
        assert "<b>" not in tip and "&lt;b&gt;news" in tip
        # shown as text by the item view, isolated in the mirrored layout
        assert model.data(model.index(0, TITLE)) == f"\u2068{doc.text}\u2069"
