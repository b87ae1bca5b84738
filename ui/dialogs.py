"""Small dialogs: the label picker, the label schema editor, the import report."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotation.schema import LabelDef, LabelSchema, SchemaError
from ui.colors import swatch
from ui.i18n import QT_TRANSLATE_NOOP, current_language
from ui.plain_text import isolate, label_tooltip, ltr, plain_label, visible_controls

PALETTE = (
    "#f4a3a3",
    "#9cc7f0",
    "#a8e0a0",
    "#d6c28f",
    "#f3c98b",
    "#c9b3ef",
    "#9fded6",
    "#f2e28c",
    "#f0b3d8",
    "#b8d8b0",
    "#c2d99e",
    "#e3d4c6",
)


class LabelPicker(QDialog):
    """Type to filter, Enter to choose: for labels beyond the nine keys."""

    def __init__(
        self,
        schema: LabelSchema,
        kind: str = "entity",
        parent: QWidget | None = None,
        current: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Choose a label"))
        self.show_guidelines: Callable[[str], object] | None = None  # F1, set by the caller
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Type to filter labels…"))
        self.list = QListWidget(self)
        lang = current_language()
        self._labels = {label.name: label for label in schema.labels_for(kind)}
        for label in schema.labels_for(kind):
            key = f"  {ltr(f'[{label.key}]')}" if label.key else ""
            name = isolate(visible_controls(label.display_name(lang)))
            item = QListWidgetItem(
                swatch(label.color), f"{name}  {ltr(visible_controls(label.name))}{key}"
            )
            item.setToolTip(label_tooltip(label, lang))
            item.setData(Qt.ItemDataRole.UserRole, label.name)
            self.list.addItem(item)
            if label.name == current:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0:
            self.list.setCurrentRow(0)
        self.filter.textChanged.connect(self._filter)
        self.list.itemActivated.connect(lambda _i: self.accept())
        self.filter.returnPressed.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(340, 460)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.list.keyPressEvent(event)
            return
        if event.key() == Qt.Key.Key_F1 and self.show_guidelines is not None:
            code = self.chosen()
            if code:
                self.show_guidelines(code)  # "what is GPE?" without leaving the picker
            return
        super().keyPressEvent(event)

    def _filter(self, text: str) -> None:
        first = None
        for i in range(self.list.count()):
            item = self.list.item(i)
            label = self._labels.get(item.data(Qt.ItemDataRole.UserRole))
            hidden = label is not None and not label.matches(text)
            item.setHidden(hidden)
            if not hidden and first is None:
                first = item
        if first is not None:
            self.list.setCurrentItem(first)

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return None
        return item.data(Qt.ItemDataRole.UserRole)


class SchemaEditor(QDialog):
    """Edit the entity labels: add, rename, recolour, rebind keys, remove unused ones."""

    COLS = (
        QT_TRANSLATE_NOOP("SchemaEditor", "Name"),
        QT_TRANSLATE_NOOP("SchemaEditor", "Description"),
        QT_TRANSLATE_NOOP("SchemaEditor", "Key"),
        QT_TRANSLATE_NOOP("SchemaEditor", "Colour"),
    )

    def __init__(
        self,
        schema: LabelSchema,
        usage: Callable[[str], int],
        kind: str = "entity",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit labels"))
        self.schema, self.usage, self.kind = schema, usage, kind
        self.table = QTableWidget(0, len(self.COLS), self)
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLS])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.cellDoubleClicked.connect(self._cell_activated)
        for label in schema.labels_for(kind):
            self._append(label.name, label.title, label.key or "", label.color, original=label.name)
        add = QPushButton(self.tr("Add label"), self)
        add.clicked.connect(self._add)
        colour = QPushButton(self.tr("Colour…"), self)
        colour.clicked.connect(lambda: self._pick_colour(self.table.currentRow()))
        remove = QPushButton(self.tr("Remove"), self)
        remove.clicked.connect(self._remove)
        self.error = plain_label(self)
        self.error.setStyleSheet("color: #b00020")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        for b in (add, colour, remove):
            row.addWidget(b)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Renaming a label relabels every annotation that uses it."), self)
        )
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(620, 560)
        self.result_schema: LabelSchema | None = None
        self.renames: dict[str, str] = {}

    def _append(self, name: str, title: str, key: str, color: str, original: str | None) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        name_item = QTableWidgetItem(name)
        name_item.setData(Qt.ItemDataRole.UserRole, original)
        self.table.setItem(row, 0, name_item)
        self.table.setItem(row, 1, QTableWidgetItem(title))
        self.table.setItem(row, 2, QTableWidgetItem(key))
        colour_item = QTableWidgetItem(swatch(color), color)
        colour_item.setFlags(colour_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, 3, colour_item)
        return row

    def _add(self) -> None:
        existing = {self.table.item(r, 0).text() for r in range(self.table.rowCount())}
        n = 1
        while f"NEW{n}" in existing:
            n += 1
        row = self._append(f"NEW{n}", "", "", PALETTE[self.table.rowCount() % len(PALETTE)], None)
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0))

    def _cell_activated(self, row: int, col: int) -> None:
        if col == 3:
            self._pick_colour(row)

    def _pick_colour(self, row: int) -> None:
        if row < 0:
            return
        item = self.table.item(row, 3)
        colour = QColorDialog.getColor(QColor(item.text()), self, "Label colour")
        if colour.isValid():
            self.set_colour(row, colour.name())

    def set_colour(self, row: int, color: str) -> None:
        item = self.table.item(row, 3)
        item.setText(color)
        item.setIcon(swatch(color))

    def _remove(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        original = self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
        used = self.usage(original) if original else 0
        if used:
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Label in use"),
                self.tr(
                    "%1 is used by %n annotation(s). Relabel or delete them first.", "", used
                ).replace("%1", ltr(visible_controls(original))),
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.exec()
            return
        self.table.removeRow(row)

    def build(self) -> tuple[LabelSchema, dict[str, str]]:
        """The edited schema and the renames (old name -> new name). Raises SchemaError."""
        labels: list[LabelDef] = []
        renames: dict[str, str] = {}
        for r in range(self.table.rowCount()):
            name = self.table.item(r, 0).text().strip()
            original = self.table.item(r, 0).data(Qt.ItemDataRole.UserRole)
            key = self.table.item(r, 2).text().strip() or None
            labels.append(
                LabelDef(
                    name,
                    self.kind,
                    self.table.item(r, 3).text(),
                    key,
                    self.table.item(r, 1).text().strip(),
                )
            )
            if original and original != name:
                renames[original] = name
        others = [lab for lab in self.schema.labels if lab.kind != self.kind]
        return replace(self.schema, labels=(*labels, *others)), renames

    def _accept(self) -> None:
        try:
            self.result_schema, self.renames = self.build()
        except SchemaError as exc:
            self.error.setText(str(exc))
            return
        self.accept()


class ReportDialog(QDialog):
    """A list that is read, not a toast: what was imported, skipped and refused."""

    def __init__(
        self,
        title: str,
        summary: str,
        lines: list[str],
        parent: QWidget | None = None,
        controls_shown: bool = False,
    ) -> None:
        """controls_shown: the lines' user text already went through visible_controls (and
        may carry isolates of their own, which stay invisible)."""
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        label = plain_label(self, summary)
        label.setWordWrap(True)
        layout.addWidget(label)
        if lines:
            box = QPlainTextEdit(self)
            box.setReadOnly(True)
            shown = lines if controls_shown else [visible_controls(line) for line in lines]
            box.setPlainText("\n".join(shown))
            layout.addWidget(box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(640, 360 if lines else 120)
