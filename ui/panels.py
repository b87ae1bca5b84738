"""Item models and side panels: the document list, span lists, the label legend."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QTableView,
    QWidget,
)

from annotation.documents import STATUS_TITLES
from annotation.schema import LabelSchema
from annotation.span_index import SpanIndex
from annotation.spans import Span, sort_key
from storage.session import Change
from ui.colors import swatch
from ui.i18n import QT_TRANSLATE_NOOP, current_language
from ui.plain_text import isolate, label_tooltip, ltr, span_range, tooltip, visible_controls

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

# The document statuses as the interface names them (annotation.documents keeps the codes).
_STATUS_NAMES = {
    "new": QT_TRANSLATE_NOOP("status", "new"),
    "in_progress": QT_TRANSLATE_NOOP("status", "in progress"),
    "done": QT_TRANSLATE_NOOP("status", "done"),
}


_KIND_TITLES = (
    QT_TRANSLATE_NOOP("kinds", "Entity"),
    QT_TRANSLATE_NOOP("kinds", "Quote"),
    QT_TRANSLATE_NOOP("kinds", "Claim"),
    QT_TRANSLATE_NOOP("kinds", "Cue"),
    QT_TRANSLATE_NOOP("kinds", "Speaker / claimant mention"),
)


def kind_title(title: str) -> str:
    """A kind's title from the schema in the interface language (a project's own stays)."""
    return QCoreApplication.translate("kinds", title)


# The default schema's attribute titles and values, as the interface shows them (the stored
# value stays the code; a project's own attributes show as they are).
_ATTRIBUTE_TEXT = (
    QT_TRANSLATE_NOOP("attributes", "quote type"),
    QT_TRANSLATE_NOOP("attributes", "check-worthy"),
    QT_TRANSLATE_NOOP("attributes", "claim type"),
    QT_TRANSLATE_NOOP("attributes", "note"),
    QT_TRANSLATE_NOOP("attributes", "the outlet itself asserts it"),
    QT_TRANSLATE_NOOP("attributes", "origin"),
    QT_TRANSLATE_NOOP("attributes", "suggester confidence"),
    QT_TRANSLATE_NOOP("attributes", "direct"),
    QT_TRANSLATE_NOOP("attributes", "indirect"),
    QT_TRANSLATE_NOOP("attributes", "mixed"),
    QT_TRANSLATE_NOOP("attributes", "yes"),
    QT_TRANSLATE_NOOP("attributes", "no"),
    QT_TRANSLATE_NOOP("attributes", "unsure"),
    QT_TRANSLATE_NOOP("attributes", "statistic"),
    QT_TRANSLATE_NOOP("attributes", "event"),
    QT_TRANSLATE_NOOP("attributes", "causal"),
    QT_TRANSLATE_NOOP("attributes", "prediction"),
    QT_TRANSLATE_NOOP("attributes", "other"),
    QT_TRANSLATE_NOOP("attributes", "human"),
    QT_TRANSLATE_NOOP("attributes", "suggested"),
    QT_TRANSLATE_NOOP("attributes", "accepted"),
)


def attribute_text(text: str) -> str:
    """An attribute's title or value in the interface language."""
    return QCoreApplication.translate("attributes", text)


def status_title(status: str) -> str:
    """A document status in the interface language."""
    return QCoreApplication.translate("status", _STATUS_NAMES.get(status, STATUS_TITLES[status]))


class _FlatModel(QAbstractTableModel):
    """A flat table over self.items, with fixed column headers."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self) -> None:
        super().__init__()
        self.items: list[Any] = []

    def rowCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("panels", self.HEADERS[section])
        return None


class SpanListModel(_FlatModel):
    """Spans of some kinds in reading order, updated row by row from session changes."""

    HEADERS = (QT_TRANSLATE_NOOP("panels", "Text"), QT_TRANSLATE_NOOP("panels", "Label"))

    def __init__(
        self,
        kinds: tuple[str, ...],
        describe: Callable[[Span], tuple[str, str]] | None = None,
        headers: tuple[str, str] = ("Text", "Label"),
    ) -> None:
        super().__init__()
        self.HEADERS = headers
        self.kinds = kinds
        self.spans: dict[str, Span] = {}
        self.text = ""
        self.schema: LabelSchema | None = None
        self.describe = describe

    def reset(self, text: str, index: SpanIndex | None, schema: LabelSchema | None) -> None:
        self.beginResetModel()
        self.text = text
        self.schema = schema
        self.spans = {}
        if index is not None:
            for kind in self.kinds:
                for span in index.of_kind(kind):
                    self.spans[span.id] = span
        self.items = sorted(sort_key(s) for s in self.spans.values())
        self.endResetModel()

    def apply(self, change: Change) -> None:
        for span in change.removed:
            if span.kind in self.kinds and span.id in self.spans:
                row = bisect_left(self.keys, sort_key(span))
                self.beginRemoveRows(_ROOT, row, row)
                del self.keys[row]
                del self.spans[span.id]
                self.endRemoveRows()
        for span in change.added:
            if span.kind in self.kinds:
                key = sort_key(span)
                row = bisect_left(self.keys, key)
                self.beginInsertRows(_ROOT, row, row)
                insort(self.keys, key)
                self.spans[span.id] = span
                self.endInsertRows()
        for _old, new in change.updated:
            if new.id in self.spans:
                self.spans[new.id] = new
                row = self.row_of(new)
                self.dataChanged.emit(self.index(row, 0), self.index(row, 1))
        if (
            change.links_added or change.links_removed or change.added or change.removed
        ) and self.describe:
            # descriptions name the speaker or claimant, which other spans' edits change
            if self.keys:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self.keys) - 1, 1))

    def row_of(self, span: Span) -> int:
        return bisect_left(self.keys, sort_key(span))

    def span_at(self, row: int) -> Span:
        return self.spans[self.keys[row][2]]

    @property
    def keys(self) -> list[tuple[int, int, str]]:
        """Sort keys of the listed spans, in row order."""
        return self.items

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        span = self.span_at(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            if self.describe is not None:
                return self.describe(span)[index.column()]
            if index.column() == 0:
                text = self.text[span.start : span.end].replace("\n", " ")
                return text if len(text) <= 60 else text[:57] + "…"
            if self.schema is not None and self.schema.has_label(span.label):
                return self.schema.label(span.label).display_name(current_language())
            return span.label
        if role == Qt.ItemDataRole.ToolTipRole and self.describe is None:
            where = span_range(span.start, span.end)
            if self.schema is not None and self.schema.has_label(span.label):
                return f"{label_tooltip(self.schema.label(span.label), current_language())} {where}"
            return tooltip(f"{ltr(visible_controls(span.label))} {where}")
        if (
            role == Qt.ItemDataRole.DecorationRole
            and index.column() == 1
            and self.schema is not None
        ):
            if self.schema.has_label(span.label):
                return swatch(self.schema.label(span.label).color)
        if role == Qt.ItemDataRole.UserRole:
            return span.id
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def make_list_view(
    model: QAbstractTableModel, parent: QWidget | None = None, label_width: int = 110
) -> QTableView:
    """A flat list for tens of thousands of rows: a table view with fixed row heights and
    fixed-width columns, so inserting one row never measures or relayouts the others."""
    view = QTableView(parent)
    view.setModel(model)
    view.setShowGrid(False)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    rows = view.verticalHeader()
    rows.hide()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(view.fontMetrics().height() + 6)
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for col in range(1, model.columnCount()):
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(col, label_width)
    return view


class LegendWidget(QListWidget):
    """Labels of the entity kind with colour and key; activating one applies it."""

    labelActivated = Signal(str)
    guidelinesRequested = Signal(str)  # "what is GPE?": the guidelines' section on a label

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.itemActivated.connect(
            lambda item: self.labelActivated.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)

    def _menu(self, point: QPoint) -> None:
        item = self.itemAt(point)
        if item is None:
            return
        menu = QMenu(self)
        code = item.data(Qt.ItemDataRole.UserRole)
        menu.addAction(
            self.tr("Guidelines for this label"), lambda: self.guidelinesRequested.emit(code)
        )
        menu.exec(self.viewport().mapToGlobal(point))

    def set_schema(self, schema: LabelSchema, kinds: tuple[str, ...] = ("entity",)) -> None:
        self.clear()
        lang = current_language()
        for kind in kinds:
            for label in schema.labels_for(kind):
                key = ltr(f"[{label.key}]") + " " if label.key else "      "
                name = isolate(visible_controls(label.display_name(lang)))
                text = f"{key}{name} — {ltr(visible_controls(label.name))}"
                item = QListWidgetItem(swatch(label.color), text)
                item.setData(Qt.ItemDataRole.UserRole, label.name)
                item.setToolTip(label_tooltip(label, lang))
                self.addItem(item)
