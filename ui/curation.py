"""The curation dock (issue 9): the annotators' versions of each place in the open document,
side by side, and the actions that take them into the gold layer.

While curating, the editor shows and edits the gold layer (DocumentController.curating), so
every key of the editor edits gold directly; taking a version is one AddSpans command through
the controller, undone like any edit.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from storage.curation import Curation
from ui.commands import AddSpans
from ui.plain_text import plain_label, visible_controls

AGREED = QColor("#d7f0d2")
OPEN = QColor("#f8d7d0")
RESOLVED = QColor("#fdf1c7")


class CurationDock(QDockWidget):
    def __init__(self, docs, parent: QWidget) -> None:  # noqa: ANN001 - DocumentController
        super().__init__(QCoreApplication.translate("CurationDock", "Curation"), parent)
        self.setObjectName("curation-dock")
        self.docs = docs
        self.curation: Curation | None = None
        self.rows: list[tuple[str, int, int, dict]] = []
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.progress = plain_label(body)
        layout.addWidget(self.progress)
        self.table = QTableWidget(0, 0, body)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.cellDoubleClicked.connect(lambda row, col: self.take_cell(row, col))
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.agreed_button = QPushButton(self.tr("Take all agreed"), body)
        self.agreed_button.clicked.connect(self.take_agreed)
        self.take_button = QPushButton(self.tr("Take this version"), body)
        self.take_button.clicked.connect(self.take_selected)
        self.done_button = QPushButton(self.tr("Mark curated"), body)
        self.done_button.clicked.connect(self.mark_curated)
        for b in (self.agreed_button, self.take_button, self.done_button):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        self.setWidget(body)
        docs.documentOpened.connect(lambda _session: self.refresh())
        docs.changed.connect(lambda _change: self.refresh())

    # --- what is shown ----------------------------------------------------------------------
    def refresh(self) -> None:
        if not self.isVisible() or self.docs.doc_id is None:
            return
        self.curation = Curation(self.docs.project, self.docs.doc_id)
        names = self.curation.annotators
        text = self.docs.session.text if self.docs.session is not None else ""
        self.rows = self.curation.groups()
        resolved = {(d.kind, d.start, d.end): d.resolved for d in self.curation.disagreements()}
        self.table.clear()
        self.table.setColumnCount(2 + len(names))
        self.table.setHorizontalHeaderLabels(
            ["kind", "text", *(visible_controls(n) for n in names)]
        )
        self.table.setRowCount(len(self.rows))
        for row, (kind, start, end, group) in enumerate(self.rows):
            state = resolved.get((kind, start, end))
            color = AGREED if state is None else RESOLVED if state else OPEN
            excerpt = text[start:end]
            cells = [kind, excerpt if len(excerpt) <= 40 else excerpt[:39] + "…"]
            for name in names:
                spans = group.get(name, [])
                cells.append(", ".join(f"{s.label} {text[s.start : s.end]}" for s in spans) or "—")
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setBackground(color)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        p = self.curation.progress()
        self.progress.setText(
            f"{p.agreed} agreed, {p.disagreements} disagreements, "
            + ("curated" if p.curated else f"{p.left} left")
        )

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().showEvent(event)
        self.refresh()

    # --- actions (each one undoable edit of gold) -----------------------------------------
    def _push(self, spans, links, text: str) -> bool:  # noqa: ANN001
        if not spans and not links:
            return False
        return self.docs.push(AddSpans(self.docs, self.docs.doc_id, spans, links, text=text))

    def take_agreed(self) -> bool:
        if self.curation is None:
            return False
        spans, links = self.curation.plan_agreed()
        return self._push(spans, links, "take agreed spans")

    def take_cell(self, row: int, col: int) -> bool:
        """Take the version in the annotator column col of row (columns 0-1: kind, text)."""
        if self.curation is None or not 0 <= row < len(self.rows) or col < 2:
            return False
        name = self.curation.annotators[col - 2]
        spans = self.rows[row][3].get(name, [])
        planned, links = self.curation.plan([(name, s.id) for s in spans])
        return self._push(planned, links, f"take {name}'s version")

    def take_selected(self) -> bool:
        return self.take_cell(self.table.currentRow(), self.table.currentColumn())

    def mark_curated(self) -> None:
        if self.curation is not None:
            self.curation.set_curated()
            self.refresh()
