"""Search that knows Arabic spelling variants, in the document or across the project, and the
variants view of a label."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotation.schema import LabelSchema
from annotation.variants import VariantGroup
from ui.i18n import QT_TRANSLATE_NOOP
from ui.plain_text import isolate, plain_label, span_range, tooltip, visible_controls


@dataclass(frozen=True)
class Hit:
    doc_id: str
    doc_name: str
    start: int
    end: int
    context: str


class SearchPanel(QWidget):
    searchRequested = Signal(str, bool, bool)  # query, whole project, optional proclitics
    hitActivated = Signal(int)  # row in self.hits
    cleared = Signal()  # the search field was emptied: results and highlights go

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hits: list[Hit] = []
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(
            self.tr("Search: الاسد also finds الأسد، والأسد، للأسد، الأَسَد")
        )
        self.edit.setClearButtonEnabled(True)
        self.edit.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.edit.returnPressed.connect(self.run)
        self.edit.textChanged.connect(lambda text: None if text.strip() else self.cleared.emit())
        self.project_wide = QCheckBox(self.tr("Whole project"), self)
        self.proclitics = QCheckBox(self.tr("Optional proclitics (و ف ب ك ل ال)"), self)
        self.proclitics.setChecked(True)
        self.summary = plain_label(self)
        self.summary.setWordWrap(True)
        self.results = QListWidget(self)
        self.results.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.results.itemActivated.connect(
            lambda item: self.hitActivated.emit(self.results.row(item))
        )
        self.results.itemClicked.connect(
            lambda item: self.hitActivated.emit(self.results.row(item))
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit)
        layout.addWidget(self.project_wide)
        layout.addWidget(self.proclitics)
        layout.addWidget(self.summary)
        layout.addWidget(self.results)

    def run(self) -> None:
        query = self.edit.text().strip()
        if query:
            self.searchRequested.emit(
                query, self.project_wide.isChecked(), self.proclitics.isChecked()
            )

    def set_query(self, query: str, project_wide: bool | None = None) -> None:
        self.edit.setText(query)
        if project_wide is not None:
            self.project_wide.setChecked(project_wide)

    def query(self) -> str:
        return self.edit.text()

    def select_row(self, row: int) -> None:
        self.results.setCurrentRow(row)

    def clear_hits(self) -> None:
        self.hits = []
        self.results.clear()
        self.summary.setText("")

    def show_hits(self, hits: list[Hit], documents: int) -> None:
        self.hits = hits
        self.results.clear()
        for hit in hits[:5000]:
            item = QListWidgetItem(
                f"{isolate(hit.context)}   · {isolate(visible_controls(hit.doc_name))}"
            )
            item.setToolTip(
                tooltip(
                    f"{isolate(visible_controls(hit.doc_name))} {span_range(hit.start, hit.end)}"
                )
            )
            self.results.addItem(item)
        more = self.tr(" (first {n} listed)").format(n=5000) if len(hits) > 5000 else ""
        self.summary.setText(
            self.tr("{hits} matches in {docs} document(s)").format(hits=len(hits), docs=documents)
            + more
        )


def context_of(text: str, start: int, end: int, width: int = 30) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return f"…{left}【{text[start:end]}】{right}…"


class VariantsDialog(QDialog):
    """Surface forms of a label across the project, grouped by normalised form, with how often
    each is tagged and how often the same form appears untagged."""

    searchRequested = Signal(str)
    COLS = (
        QT_TRANSLATE_NOOP("VariantsDialog", "Normalised"),
        QT_TRANSLATE_NOOP("VariantsDialog", "Surface forms tagged"),
        QT_TRANSLATE_NOOP("VariantsDialog", "Tagged"),
        QT_TRANSLATE_NOOP("VariantsDialog", "Untagged"),
    )

    def __init__(self, schema: LabelSchema, compute, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setWindowTitle(self.tr("Variants"))
        self.compute = compute
        self.groups: list[VariantGroup] = []
        self.label_combo = QComboBox(self)
        # No label counted until one is chosen: in a corpus one count takes minutes.
        self.label_combo.addItem(self.tr("Choose a label…"), None)
        for label in schema.labels_for("entity"):
            self.label_combo.addItem(label.name, label.name)
        # activated: also when the label shown is chosen again (to count it after a stop)
        self.label_combo.activated.connect(lambda _i: self.reload())
        self.table = QTableWidget(0, len(self.COLS), self)
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLS])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.cellActivated.connect(self._activated)
        self.table.cellDoubleClicked.connect(self._activated)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Label:"), self))
        top.addWidget(self.label_combo, 1)
        layout.addLayout(top)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Double-click a row to search for it (untagged occurrences show up there)."
                ),
                self,
            )
        )
        layout.addWidget(self.table)
        self.stopped_note = QLabel(
            self.tr("Stopped before the end: nothing counted. Choose the label to count it."),
            self,
        )
        self.stopped_note.setStyleSheet("color: #b71c1c;")
        self.stopped_note.hide()
        layout.addWidget(self.stopped_note)
        layout.addWidget(buttons)
        self.resize(720, 480)

    def reload(self) -> None:
        """Count the chosen label's variants (compute answers None when the user stopped it:
        then the table stays empty and says so)."""
        label = self.label_combo.currentData()
        groups = self.compute(label) if label else []
        self.groups = groups or []
        self.stopped_note.setVisible(groups is None)
        self.table.setRowCount(len(self.groups))
        for r, group in enumerate(self.groups):
            forms = "، ".join(
                f"{form} ×{n}" for form, n in sorted(group.forms.items(), key=lambda x: -x[1])
            )
            for c, value in enumerate((group.normalised, forms, group.tagged, group.untagged)):
                item = QTableWidgetItem(str(value))
                if c >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if c == 3 and group.untagged:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(r, c, item)

    def _activated(self, row: int, _col: int) -> None:
        if 0 <= row < len(self.groups):
            forms = self.groups[row].forms
            self.searchRequested.emit(
                max(forms, key=forms.get) if forms else self.groups[row].normalised
            )
