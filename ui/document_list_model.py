"""A lazy document list for projects of any size: rows are fetched from the project's
`document_list` table a page at a time as the view scrolls (canFetchMore / fetchMore),
filtered and sorted by SQL, never by loading every document.

The window owns the view; this model only asks the project for pages
(`Project.document_page`, `document_count`, `document_row`).
"""

from __future__ import annotations

import html
from dataclasses import replace
from pathlib import PurePath
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from annotation.arabic import BIDI_CONTROLS
from annotation.documents import STATUS_TITLES, DocumentInfo
from storage.document_list import DocumentQuery
from storage.project import Project

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

# (header, DocumentQuery.sort column) per view column
COLUMNS: tuple[tuple[str, str], ...] = (
    ("#", "position"),
    ("Document", "source"),
    ("First words", "title"),
    ("Status", "status"),
    ("Characters", "length"),
    ("Entities", "entities"),
    ("Quotes", "quotes"),
    ("Claims", "claims"),
)
_NUMERIC = {0, 4, 5, 6, 7}


def visible_controls(text: str) -> str:
    """Bidi controls shown as ⟨U+202E⟩, so that a source name cannot spoof its neighbours."""
    if not any(c in BIDI_CONTROLS for c in text):
        return text
    return "".join(f"⟨U+{ord(c):04X}⟩" if c in BIDI_CONTROLS else c for c in text)


class LazyDocumentModel(QAbstractTableModel):
    """Rows of the project's document list, fetched page_size at a time."""

    def __init__(self, project: Project, page_size: int = 200) -> None:
        super().__init__()
        self.project = project
        self.page_size = page_size
        self.query = DocumentQuery()
        self.total = 0
        self._rows: list[DocumentInfo] = []
        self._row_of: dict[str, int] = {}
        self.reload()

    # --- what the view asks -------------------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: Index = _ROOT) -> bool:  # noqa: N802
        return not parent.isValid() and len(self._rows) < self.total

    def fetchMore(self, parent: Index = _ROOT) -> None:  # noqa: N802
        if parent.isValid():
            return
        self._fetch(min(self.page_size, self.total - len(self._rows)))

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section][0]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        info = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(info, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            # Escaped: a source or title is text from outside, never markup.
            lines = [visible_controls(info.source), info.id, f"{info.length} characters"]
            return "<p style='white-space:pre-wrap'>" + html.escape("\n".join(lines)) + "</p>"
        if role == Qt.ItemDataRole.UserRole:
            return info.id
        if role == Qt.ItemDataRole.TextAlignmentRole and col in _NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, info: DocumentInfo, col: int) -> Any:
        if col == 0:
            return info.position
        if col == 1:
            return visible_controls(PurePath(info.source).name or info.id)
        if col == 2:
            return visible_controls(info.title)
        if col == 3:
            return STATUS_TITLES.get(info.status, info.status)
        return (info.length, info.entity_count, info.quote_count, info.claim_count)[col - 4]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.set_query(
            replace(
                self.query,
                sort=COLUMNS[column][1],
                descending=order == Qt.SortOrder.DescendingOrder,
            )
        )

    # --- what the window asks ---------------------------------------------------------------
    def set_query(self, query: DocumentQuery) -> None:
        """Filter and sort: a new count and the first page (the view fetches the rest)."""
        self.query = query
        self.reload()

    def set_filter(self, status: str | None = None, source: str = "", words: str = "") -> None:
        self.set_query(replace(self.query, status=status, source=source, words=words))

    def reload(self) -> None:
        """Count again and fetch the first page (after an import, or another program's
        writes: Project.data_version moved)."""
        self.beginResetModel()
        self.total = self.project.document_count(self.query)
        self._rows = []
        self._row_of = {}
        self.endResetModel()
        self.fetchMore()

    def info(self, row: int) -> DocumentInfo:
        return self._rows[row]

    @property
    def rows(self) -> list[DocumentInfo]:
        """The rows fetched so far."""
        return self._rows

    def row_of(self, doc_id: str) -> int:
        """doc_id's row, fetching up to it when it is further down; -1 when filtered out."""
        row = self._row_of.get(doc_id)
        if row is not None:
            return row
        at = self.project.document_row(doc_id, self.query)
        if at is None or at >= self.total:
            return -1
        if at >= len(self._rows):
            self._fetch(at + 1 - len(self._rows) + self.page_size)
        return self._row_of.get(doc_id, -1)

    def update_info(self, info: DocumentInfo) -> None:
        """One document's row changed (status, counts) and is shown with its new values.
        Its place in a filtered or sorted list is corrected at the next reload()."""
        row = self._row_of.get(info.id)
        if row is None:
            return
        self._rows[row] = info
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def _fetch(self, n: int) -> None:
        if n <= 0:
            return
        page = self.project.document_page(self.query, len(self._rows), n)
        if not page:
            return
        first = len(self._rows)
        self.beginInsertRows(_ROOT, first, first + len(page) - 1)
        for i, info in enumerate(page, first):
            self._row_of[info.id] = i
        self._rows.extend(page)
        self.endInsertRows()
