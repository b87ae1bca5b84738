"""The window's document list, for projects of any size: a table model whose row count is
the number of documents the filter keeps, and whose rows are read from the project's narrow
`document_list` table a page at a time when the view shows them (filtered and sorted by SQL),
never by loading every document.

Only the pages the view asked for are held (the most recent ``max_pages`` of them), so
scrolling to the end of 100,000 documents, or showing the last document opened, reads the
pages on screen and nothing in between.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace
from pathlib import PurePath
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from annotation.documents import STATUS_TITLES, DocumentInfo
from storage.document_list import DocumentQuery
from storage.project import Project
from ui.i18n import QT_TRANSLATE_NOOP
from ui.panels import status_title
from ui.plain_text import isolate, ltr, tooltip, visible_controls

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()

# (header, DocumentQuery.sort column or None when the column cannot be sorted) per column.
COLUMNS: tuple[tuple[str, str | None], ...] = (
    (QT_TRANSLATE_NOOP("panels", "Document"), "source"),
    (QT_TRANSLATE_NOOP("panels", "Status"), "status"),
    (QT_TRANSLATE_NOOP("panels", "Entities"), "entities"),
    (QT_TRANSLATE_NOOP("panels", "Curation"), None),
    (QT_TRANSLATE_NOOP("panels", "First words"), "title"),
    (QT_TRANSLATE_NOOP("panels", "#"), "position"),
    (QT_TRANSLATE_NOOP("panels", "Characters"), "length"),
    (QT_TRANSLATE_NOOP("panels", "Quotes"), "quotes"),
    (QT_TRANSLATE_NOOP("panels", "Claims"), "claims"),
)
DOCUMENT, STATUS, ENTITIES, CURATION, TITLE, POSITION, LENGTH, QUOTES, CLAIMS = range(len(COLUMNS))
_NUMERIC = {ENTITIES, POSITION, LENGTH, QUOTES, CLAIMS}


def sort_column(column: int) -> str | None:
    return COLUMNS[column][1]


def column_of_sort(sort: str) -> int:
    return next(i for i, (_h, s) in enumerate(COLUMNS) if s == sort)


class LazyDocumentModel(QAbstractTableModel):
    """Rows of the project's document list as filtered and sorted by ``query``."""

    def __init__(
        self, project: Project, page_size: int = 200, max_pages: int = 50, load: bool = True
    ) -> None:
        super().__init__()
        self.project = project
        self.page_size = page_size
        self.max_pages = max_pages
        self.query = DocumentQuery()
        self.total = 0
        self._pages: OrderedDict[int, list[DocumentInfo]] = OrderedDict()
        self._row_of: dict[str, int] = {}
        # doc id -> curation progress text ("" when the document has one layer); set by the
        # document controller, asked only for the rows on screen and cached until a reload.
        self.curation: Callable[[str], str] | None = None
        self._curation_cache: dict[str, str] = {}
        if load:
            self.reload()

    # --- what the view asks -------------------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else self.total

    def columnCount(self, parent: Index = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("panels", COLUMNS[section][0])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.total:
            return None
        if int(role) not in _ROLES:
            return None
        info = self.info(index.row())
        if info is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(info, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(
                f"{isolate(visible_controls(info.source))}\n{ltr(info.id)} · "
                + QCoreApplication.translate(
                    "DocumentListModel", "%n character(s)", "", info.length
                )
            )
        if role == Qt.ItemDataRole.UserRole:
            return info.id
        if col in _NUMERIC:  # TextAlignmentRole
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, info: DocumentInfo, col: int) -> Any:
        if col == DOCUMENT:
            # isolated: a Latin file name keeps its order in the mirrored Arabic layout
            return isolate(visible_controls(PurePath(info.source).name or info.id))
        if col == STATUS:
            return status_title(info.status) if info.status in STATUS_TITLES else info.status
        if col == CURATION:
            return self._curation_text(info.id)
        if col == TITLE:
            return isolate(visible_controls(info.title))
        if col == POSITION:
            return info.position
        if col == ENTITIES:
            return info.entity_count
        return {LENGTH: info.length, QUOTES: info.quote_count, CLAIMS: info.claim_count}[col]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        sort = sort_column(column)
        if sort is None:  # the curation column is computed per row: not sortable
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (sort, descending) != (self.query.sort, self.query.descending):
            self.set_query(replace(self.query, sort=sort, descending=descending))

    # --- what the window asks ---------------------------------------------------------------
    def set_query(self, query: DocumentQuery) -> None:
        """Filter and sort: a new count; the view reads the pages it shows."""
        self.query = query
        self.reload()

    def set_filter(self, status: str | None = None, source: str = "", words: str = "") -> None:
        self.set_query(replace(self.query, status=status, source=source, words=words))

    def reload(self) -> None:
        """Count again and forget the pages (after an import, a filter, or another program's
        writes: Project.data_version moved)."""
        self.beginResetModel()
        self.total = self.project.document_count(self.query)
        self._pages.clear()
        self._row_of.clear()
        self._curation_cache.clear()
        self.endResetModel()

    def info(self, row: int) -> DocumentInfo | None:
        """The document at row (its page is read when not held); None past the end."""
        if not 0 <= row < self.total:
            return None
        number, at = divmod(row, self.page_size)
        page = self._pages.get(number)
        if page is None:
            page = self._load(number)
        else:
            self._pages.move_to_end(number)
        return page[at] if at < len(page) else None

    @property
    def rows(self) -> list[DocumentInfo]:
        """The rows held now (the pages the view showed), in row order."""
        return [info for _n, page in sorted(self._pages.items()) for info in page]

    def loaded(self, doc_id: str) -> DocumentInfo | None:
        """doc_id's row when a held page has it (no query)."""
        row = self._row_of.get(doc_id)
        return self.info(row) if row is not None else None

    def row_of(self, doc_id: str) -> int:
        """doc_id's row in the filtered, sorted list (one indexed count when its page is not
        held); -1 when the filter leaves it out."""
        row = self._row_of.get(doc_id)
        if row is not None:
            return row
        at = self.project.document_row(doc_id, self.query)
        return at if at is not None and at < self.total else -1

    def update_info(self, info: DocumentInfo) -> None:
        """One document's row changed (status, counts) and is shown with its new values.
        Its place in a filtered or sorted list is corrected at the next reload()."""
        row = self._row_of.get(info.id)
        if row is None:
            return
        page = self._pages.get(row // self.page_size)
        if page is None:
            return
        page[row % self.page_size] = info
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def forget_curation(self, doc_id: str) -> None:
        self._curation_cache.pop(doc_id, None)
        row = self._row_of.get(doc_id)
        if row is not None:
            self.dataChanged.emit(self.index(row, CURATION), self.index(row, CURATION))

    def _curation_text(self, doc_id: str) -> str:
        if self.curation is None:
            return ""
        text = self._curation_cache.get(doc_id)
        if text is None:
            text = self._curation_cache[doc_id] = self.curation(doc_id)
        return text

    def _load(self, number: int) -> list[DocumentInfo]:
        first = number * self.page_size
        page = self.project.document_page(self.query, first, self.page_size)
        self._pages[number] = page
        for i, info in enumerate(page, first):
            self._row_of[info.id] = i
        while len(self._pages) > self.max_pages:
            _n, dropped = self._pages.popitem(last=False)
            for info in dropped:
                self._row_of.pop(info.id, None)
        return page


_ROLES = {
    int(Qt.ItemDataRole.DisplayRole),
    int(Qt.ItemDataRole.ToolTipRole),
    int(Qt.ItemDataRole.UserRole),
    int(Qt.ItemDataRole.TextAlignmentRole),
}
