"""The dashboard: bars equal the statistics, a click lists the spans behind a bar, exports."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt

from storage.project import Project
from storage.read_connection import ReadOnlyConnection
from storage.statistics import matching_documents, matching_spans, project_statistics
from tests.test_statistics import db  # noqa: F401 - the fixture project
from ui.statistics_dock import StatisticsDock

pytestmark = pytest.mark.gui


@pytest.fixture
def dock(qtbot, db: Path):  # noqa: F811
    project = Project(db)

    def compute() -> dict:
        with ReadOnlyConnection(db) as snapshot:
            return project_statistics(snapshot)

    widget = StatisticsDock(
        compute,
        lambda **q: matching_spans(project, **q),
        lambda status: matching_documents(project, status),
    )
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    widget.refresh()
    qtbot.waitUntil(lambda: bool(widget.stats) and not widget.busy, timeout=20000)
    yield widget
    widget.wait()
    project.close()


def _click_bar(qtbot, chart, index: int) -> None:
    bar = chart.bars[index]
    box = chart.plot.getPlotItem().getViewBox()
    scene = box.mapViewToScene(QPointF(max(bar.value, 1) / 2, index))
    pos = chart.plot.mapFromScene(scene)
    qtbot.mouseClick(chart.plot.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_bars_are_the_statistics(dock) -> None:
    stats = dock.stats
    entities = dock.charts["entities"].bars
    assert {b.name: b.value for b in entities} == stats["spans"]["entities"]
    status = {b.name: b.value for b in dock.charts["status"].bars}
    assert status == {k: stats["documents"][k] for k in ("new", "in_progress", "done")}
    assert [b.name for b in dock.charts["speakers"].bars] == ["سامر الخوري", "ليلى حداد"]
    assert dock.summary.text().startswith("Documents: 3 —")


def test_clicking_a_bar_lists_the_spans_of_one_annotator(dock, qtbot) -> None:
    chart = dock.charts["annotators"]
    index = next(i for i, b in enumerate(chart.bars) if b.name == "amal · PERS")
    _click_bar(qtbot, chart, index)
    qtbot.waitUntil(lambda: dock.last_list is not None)
    table = dock.last_list.table
    texts = [table.item(r, 1).text() for r in range(table.rowCount())]
    assert texts == ["سامر الخوري", "ليلى حداد"]
    assert {table.item(r, 3).text() for r in range(table.rowCount())} == {"amal"}
    opened = []
    dock.open_span.connect(lambda *a: opened.append(a))
    dock.last_list._open(0, 0)
    assert opened and opened[0][1] < opened[0][2]


def test_clicking_a_status_bar_lists_documents(dock, qtbot) -> None:
    chart = dock.charts["status"]
    _click_bar(qtbot, chart, [b.name for b in chart.bars].index("done"))
    qtbot.waitUntil(lambda: dock.last_list is not None)
    table = dock.last_list.table
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == ["n0.txt", "n2.txt"]


def test_refresh_runs_off_the_gui_thread_and_follows_edits(dock, qtbot, db: Path) -> None:  # noqa: F811
    import threading

    seen = []
    original = dock._compute
    dock._compute = lambda: (seen.append(threading.get_ident()), original())[1]
    with Project(db, annotator="carim") as project:
        project.set_status(project.document_ids()[1], "done")
    dock.refresh()
    dock.refresh()  # asked again while running: runs once more after
    qtbot.waitUntil(lambda: dock.stats["documents"]["done"] == 3 and not dock.busy, timeout=20000)
    assert seen and threading.get_ident() not in seen
    assert {b.name: b.value for b in dock.charts["status"].bars}["done"] == 3


def test_png_and_csv_exports(dock, tmp_path: Path) -> None:
    chart = dock.charts["entities"]
    chart.export_png(tmp_path / "e.png")
    assert (tmp_path / "e.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    chart.export_csv(tmp_path / "e.csv")
    with open(tmp_path / "e.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == [chart.title, "count"]
    assert {r[0]: int(r[1]) for r in rows[1:]} == dock.stats["spans"]["entities"]
