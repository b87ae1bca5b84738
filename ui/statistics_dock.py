"""The dashboard: where the corpus stands, drawn with pyqtgraph, refreshed as work happens.

The counts are computed in a background thread (the `compute` callable opens its own read-only
connection), so showing the dock never blocks the window, whatever the size of the project; a
refresh asked for while one runs is run once after it.

Each chart is horizontal bars (categories read top to bottom, Arabic names drawn by Qt's text
engine), exportable as PNG (the chart as shown) and CSV (its numbers, UTF-8 with BOM so
spreadsheet programs read Arabic). Clicking a bar lists the spans or documents behind it.
"""

from __future__ import annotations

import csv
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from storage.statistics import SpanHit

log = logging.getLogger(__name__)
REFRESH_MS = 1000
BAR = "#4c78a8"


@dataclass(frozen=True)
class Bar:
    name: str
    value: float
    query: dict[str, Any]  # what a click lists: {"kind":…, "label":…} or {"status":…}


class BarChart(QWidget):
    """One titled chart with its PNG/CSV buttons; emits the query of a clicked bar."""

    bar_clicked = Signal(str, dict)  # bar name, query

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.bars: list[Bar] = []
        import pyqtgraph as pg  # 0.3 s to import: paid when the dashboard first shows

        self.plot = pg.PlotWidget(background="w")
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.hideButtons()
        self.plot.setMenuEnabled(False)
        self.plot.getPlotItem().getViewBox().invertY(True)
        self.plot.scene().sigMouseClicked.connect(self._clicked)
        self.plot.setMinimumHeight(160)
        head = QHBoxLayout()
        label = QLabel(title, self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setStyleSheet("font-weight: bold")
        head.addWidget(label, 1)
        for text, slot in ((self.tr("PNG…"), self._ask_png), (self.tr("CSV…"), self._ask_csv)):
            button = QPushButton(text, self)
            button.setFlat(True)
            button.clicked.connect(slot)
            head.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(head)
        layout.addWidget(self.plot)

    def set_bars(self, bars: list[Bar]) -> None:
        import pyqtgraph as pg

        self.bars = bars
        item = self.plot.getPlotItem()
        item.clear()
        if bars:
            item.addItem(
                pg.BarGraphItem(
                    x0=0,
                    y=list(range(len(bars))),
                    height=0.7,
                    width=[b.value for b in bars],
                    brush=BAR,
                    pen=None,
                )
            )
            for i, b in enumerate(bars):
                text = pg.TextItem(f"{b.value:g}", color="#333", anchor=(0, 0.5))
                text.setPos(b.value, i)
                item.addItem(text)
        ticks = [(i, f"\u2068{b.name}\u2069") for i, b in enumerate(bars)]  # FSI … PDI
        item.getAxis("left").setTicks([ticks])
        item.setYRange(-0.6, max(len(bars), 1) - 0.4, padding=0)
        top = max((b.value for b in bars), default=1) or 1
        item.setXRange(0, top * 1.15, padding=0)
        self.plot.setMinimumHeight(60 + 22 * max(len(bars), 3))

    def bar_at(self, y: float) -> Bar | None:
        i = round(y)
        return self.bars[i] if 0 <= i < len(self.bars) else None

    def _clicked(self, event: Any) -> None:
        point = self.plot.getPlotItem().getViewBox().mapSceneToView(event.scenePos())
        bar = self.bar_at(point.y())
        if bar is not None and 0 <= point.x() <= max(bar.value, 0) * 1.15 + 0.5:
            self.bar_clicked.emit(bar.name, bar.query)

    # --- export ---------------------------------------------------------------------------
    def export_png(self, path: Path) -> None:
        if not self.plot.grab().save(str(path), "PNG"):
            raise OSError(f"{path}: cannot write the picture")

    def export_csv(self, path: Path) -> None:
        with open(path, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow([self.title, "count"])
            for b in self.bars:
                writer.writerow([b.name, f"{b.value:g}"])

    def _ask_png(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save chart"), f"{self.title}.png", self.tr("PNG (*.png)")
        )
        if path:
            self.export_png(Path(path))

    def _ask_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save numbers"), f"{self.title}.csv", self.tr("CSV (*.csv)")
        )
        if path:
            self.export_csv(Path(path))


class HitList(QDialog):
    """The spans or documents behind a bar; double-click opens one in the window."""

    activated = Signal(str, int, int)  # doc_id, start, end (end == start for a document)

    def __init__(
        self,
        title: str,
        rows: list[tuple[str, str, str, str, str, int, int]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.rows = rows
        self.table = QTableWidget(len(rows), 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Document"), self.tr("Text"), self.tr("Label"), self.tr("Annotator")]
        )
        for r, (_doc, source, text, label, annotator, _, _) in enumerate(rows):
            for c, value in enumerate((source, text, label, annotator)):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.cellDoubleClicked.connect(self._open)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        self.resize(640, 420)

    def _open(self, row: int, _column: int) -> None:
        doc_id, _, _, _, _, start, end = self.rows[row]
        self.activated.emit(doc_id, start, end)


class StatisticsDock(QDockWidget):
    open_span = Signal(str, int, int)  # doc_id, start, end
    computed = Signal(object)  # the statistics dict, from the worker thread

    def __init__(
        self,
        compute: Callable[[], dict[str, Any]],
        spans: Callable[..., list[SpanHit]],
        documents: Callable[[str], list[tuple[str, str]]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Statistics"), parent)
        self.setObjectName("statistics-dock")
        self._compute, self._spans, self._documents = compute, spans, documents
        self.stats: dict[str, Any] = {}
        self.last_list: HitList | None = None
        titles = {
            "status": self.tr("Documents by status"),
            "entities": self.tr("Entities per label"),
            "kinds": self.tr("Quotes and claims"),
            "annotators": self.tr("Spans per annotator"),
            "speakers": self.tr("Quotes per speaker (top 20)"),
            "checkworthy": self.tr("Claims by check-worthiness"),
            "claim_type": self.tr("Claims by type"),
            "suggestions": self.tr("Suggestions: accepted, stored unreviewed, rejected"),
            "done": self.tr("Documents done per day"),
            "per_document": self.tr("Documents by number of annotations"),
            "agreement": self.tr("Agreement per label (entity F1, exact, mean over pairs)"),
        }
        self.summary = QLabel(self.tr("Counting…"), self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self._worker: threading.Thread | None = None
        self._again = False
        self.computed.connect(self._show)
        # The charts (eleven plot widgets, 0.6 s) are made when the dock first shows, not
        # on the window's open path (the dock starts hidden).
        self._titles = titles
        self._charts: dict[str, BarChart] | None = None
        self._grid = QGridLayout()
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.summary)
        layout.addLayout(self._grid)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.setWidget(scroll)
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self.visibilityChanged.connect(self._shown)

    @property
    def charts(self) -> dict[str, BarChart]:
        if self._charts is None:
            self._charts = {key: BarChart(title) for key, title in self._titles.items()}
            for i, chart in enumerate(self._charts.values()):
                self._grid.addWidget(chart, i // 2, i % 2)
                chart.bar_clicked.connect(self._open_bar)
        return self._charts

    def _shown(self, visible: bool) -> None:
        if visible:
            self.charts  # noqa: B018 - made on first show
            self.refresh()

    def schedule_refresh(self) -> None:
        """After edits: recompute once things are quiet, and only while the dock is shown."""
        if self.isVisible():
            self._timer.start()

    @property
    def busy(self) -> bool:
        return self._worker is not None and self._worker.is_alive()

    def refresh(self) -> None:
        """Recompute in the background; the charts change when the numbers arrive."""
        if self.busy:
            self._again = True
            return
        self._again = False
        self._worker = threading.Thread(target=self._run, name="statistics", daemon=True)
        self._worker.start()

    def _run(self) -> None:
        try:
            result = self._compute()
        except Exception:  # a locked or vanished file: keep the old numbers, say why in the log
            log.exception("statistics failed")
            result = None
        try:
            self.computed.emit(result)
        except RuntimeError:  # the dock was closed and deleted while counting
            log.info("statistics finished after the dock closed; dropped")

    def wait(self, timeout: float | None = None) -> None:
        if self._worker is not None:
            self._worker.join(timeout)

    def _show(self, stats: dict[str, Any] | None) -> None:
        if stats is None:
            self.summary.setText(self.tr("The statistics could not be read (see the log)."))
        else:
            self._draw(stats)
        if self._again:
            self.refresh()

    def _draw(self, stats: dict[str, Any]) -> None:
        s = self.stats = stats
        d = s["documents"]
        self.summary.setText(
            self.tr("Documents: {0} — {1} new, {2} in progress, {3} done").format(
                d["total"], d["new"], d["in_progress"], d["done"]
            )
        )
        self.charts["status"].set_bars(
            [Bar(k, d[k], {"status": k}) for k in ("new", "in_progress", "done")]
        )
        self.charts["entities"].set_bars(
            [Bar(k, v, {"kind": "entity", "label": k}) for k, v in s["spans"]["entities"].items()]
        )
        self.charts["kinds"].set_bars(
            [
                Bar(self.tr("quotes"), s["spans"]["quotes"], {"kind": "quote"}),
                Bar(self.tr("claims"), s["spans"]["claims"], {"kind": "claim"}),
            ]
        )
        bars = []
        for name, per in sorted(s["spans_by_annotator"].items()):
            for label, n in sorted(per.items(), key=lambda kv: -kv[1]):
                kind = {"QUOTE": "quote", "CLAIM": "claim"}.get(label, "entity")
                query = {"kind": kind, "annotator": name}
                if kind == "entity":
                    query["label"] = label
                bars.append(Bar(f"{name or '?'} · {label}", n, query))
        self.charts["annotators"].set_bars(bars)
        self.charts["speakers"].set_bars(
            [
                Bar(x["speaker"], x["quotes"], {"kind": "quote", "speaker": x["speaker"]})
                for x in s["quotes_per_speaker"]
            ]
        )
        for key, field in (("checkworthy", "checkworthy"), ("claim_type", "type")):
            self.charts[key].set_bars(
                [
                    Bar(v, n, {"kind": "claim", "attr": (field, v)})
                    for v, n in s["claims"][field].items()
                ]
            )
        sug = []
        for kind, counts in s["suggestions"].items():
            for what, n in counts.items():
                sug.append(Bar(f"{kind} · {what}", n, {}))
        self.charts["suggestions"].set_bars(sug)
        self.charts["done"].set_bars([Bar(x["date"], x["done"], {}) for x in s["done_over_time"]])
        self.charts["per_document"].set_bars(
            [Bar(k, v, {}) for k, v in s["documents_by_annotations"].items()]
        )
        agreement = s.get("agreement") or {}
        self.charts["agreement"].set_bars(
            [Bar(k, round(v, 3), {}) for k, v in agreement.items() if v is not None]
        )
        self.charts["agreement"].setVisible(bool(agreement))

    def _open_bar(self, name: str, query: dict[str, Any]) -> None:
        if not query:
            return
        if "status" in query:
            rows = [
                (doc_id, source, "", "", "", 0, 0)
                for doc_id, source in self._documents(query["status"])
            ]
        else:
            hits = self._spans(**query)
            rows = [
                (h.doc_id, h.source, h.text, h.label, h.annotator, h.start, h.end) for h in hits
            ]
        dialog = HitList(f"{name}: {len(rows)}", rows, self)
        dialog.activated.connect(self.open_span)
        dialog.show()
        self.last_list = dialog
