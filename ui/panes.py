"""The panes around the article: the document list (with progress and a status menu) and the
side docks (entities, quotes, claims with filters, details, search, labels). They show what the
controllers hold and turn clicks into signals; they own no document state of their own."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import qtawesome as qta
from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSignalBlocker,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMainWindow,
    QMenu,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from annotation.attribution import attribution_of
from annotation.documents import STATUSES
from annotation.schema import LabelSchema
from annotation.spans import Span
from storage.session import Change, DocumentSession
from ui.details_panel import DetailsPanel, excerpt
from ui.document_list_model import (
    CURATION,
    DOCUMENT,
    ENTITIES,
    POSITION,
    STATUS,
    TITLE,
    LazyDocumentModel,
    column_of_sort,
    sort_column,
)
from ui.i18n import QT_TRANSLATE_NOOP
from ui.panels import (
    LegendWidget,
    SpanListModel,
    attribute_text,
    make_list_view,
    status_title,
)
from ui.plain_text import isolate, ltr, plain_label
from ui.search_panel import SearchPanel

ICON_COLOR = "#37474f"


def icon(name: str) -> QIcon:
    return qta.icon(name, color=ICON_COLOR)


def side_dock(name: str, title: str, widget: QWidget, parent: QWidget) -> QDockWidget:
    """A panel as a dock widget: closable, movable, floatable, named so the window state
    (saveState/restoreState) keeps where the user put it. A panel that is not a scrolling
    view itself sits in a scroll area: what it shows (a long quote's details, wide buttons)
    never makes the dock wider by itself, so the article never re-wraps behind the user's back.
    No icon: a tabbed group's tabs then show whole names in a narrow column."""
    dock = QDockWidget(title, parent)
    dock.setObjectName(f"{name}-dock")
    if isinstance(widget, QAbstractScrollArea):
        dock.setWidget(widget)
    else:
        scroll = QScrollArea(dock)
        scroll.setObjectName(f"{name}-scroll")
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setWidget(widget)
        # as narrow as the panel is when it opens (within reason); what it grows by later
        # (a long status line, a quote's roles) scrolls instead of widening the dock
        scroll.setMinimumWidth(min(widget.minimumSizeHint().width(), 260))
        dock.setWidget(scroll)
    dock.setAllowedAreas(Qt.DockWidgetArea.AllDockWidgetAreas)
    return dock


def panel_of(dock: QDockWidget) -> QWidget | None:
    """The panel a dock shows (inside its scroll area when it has one)."""
    inner = dock.widget()
    if isinstance(inner, QScrollArea) and inner.objectName().endswith("-scroll"):
        return inner.widget()
    return inner


def speaker_to_content(who: str, words: str) -> str:
    """The "speaker → content" of a list row, with each side isolated and the arrow pointing the way the
    interface reads (← in the mirrored Arabic layout)."""
    arrow = "←" if QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft else "→"
    return f"{isolate(who)} {arrow} {isolate(words + '…')}"


class ClaimFilter(QSortFilterProxyModel):
    """Claims filtered by attribute values (empty filter value = any)."""

    def __init__(self, source: SpanListModel) -> None:
        super().__init__()
        self.source = source
        self.setSourceModel(source)
        self.wanted: dict[str, str] = {}

    def set_filter(self, name: str, value: str) -> None:
        self.beginFilterChange()
        self.wanted[name] = value
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(  # noqa: N802
        self, row: int, parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        span = self.source.span_at(row)
        return all(not v or str(span.attrs.get(k, "")) == v for k, v in self.wanted.items())


@dataclass(frozen=True)
class DocumentTotals:
    """The progress bar's figures, from the list table's status index (no text is read)."""

    total: int = 0
    done: int = 0


class DocumentsPane(QWidget):
    """The project's documents (a lazy list filtered by status, source and first words as
    you type, sorted by any column through its header), where the open document stands in
    it, how many are done, and a right-click menu for the status."""

    documentActivated = Signal(str)  # doc id
    statusRequested = Signal(str, str)  # doc id, status

    # shown unless the user hides them (the header's context menu shows the others)
    SHOWN = (DOCUMENT, STATUS, ENTITIES, CURATION)

    def __init__(self, model: LazyDocumentModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.current: str | None = None
        self.totals = DocumentTotals()
        self.words = QLineEdit(self)
        self.words.setPlaceholderText(self.tr("Filter by first words…"))
        self.words.setClearButtonEnabled(True)
        self.status_filter = QComboBox(self)
        self.status_filter.addItem(self.tr("any status"), None)
        for status in STATUSES:
            self.status_filter.addItem(status_title(status), status)
        self.source = QLineEdit(self)
        self.source.setPlaceholderText(self.tr("Filter by source…"))
        self.source.setClearButtonEnabled(True)
        self.words.textChanged.connect(self._filter)
        self.source.textChanged.connect(self._filter)
        self.status_filter.currentIndexChanged.connect(self._filter)
        self.list = make_list_view(model, self, label_width=64)
        header = self.list.horizontalHeader()
        for column in range(model.columnCount()):
            if column not in self.SHOWN:
                self.list.setColumnHidden(column, True)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(TITLE, 160)
        header.setSortIndicator(POSITION, Qt.SortOrder.AscendingOrder)
        header.setSortIndicatorShown(True)
        header.sortIndicatorChanged.connect(self._sort)
        header.setSectionsClickable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._columns_menu)
        self.list.activated.connect(self._activated)
        self.list.clicked.connect(self._activated)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.position = plain_label(self)
        self.progress = QProgressBar(self)
        self.progress.setFormat(self.tr("%v of %m documents done"))
        self.progress.setTextVisible(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.words)
        row = QHBoxLayout()
        row.addWidget(self.status_filter)
        row.addWidget(self.source, 1)
        layout.addLayout(row)
        layout.addWidget(self.list)
        layout.addWidget(self.position)
        layout.addWidget(self.progress)

    # --- filter and sort ----------------------------------------------------------------------
    def _filter(self) -> None:
        """As you type: one count; the view reads the page it shows."""
        self.model.set_filter(
            status=self.status_filter.currentData(),
            source=self.source.text().strip(),
            words=self.words.text().strip(),
        )
        self._show_position()

    def _sort(self, column: int, order: Qt.SortOrder) -> None:
        if sort_column(column) is None:  # not sortable: keep the indicator where it was
            header = self.list.horizontalHeader()
            with QSignalBlocker(header):
                header.setSortIndicator(
                    column_of_sort(self.model.query.sort),
                    Qt.SortOrder.DescendingOrder
                    if self.model.query.descending
                    else Qt.SortOrder.AscendingOrder,
                )
            return
        self.model.sort(column, order)
        self._show_position()

    def _columns_menu(self, point: QPoint) -> None:
        menu = QMenu(self)
        for column in range(self.model.columnCount()):
            action = menu.addAction(str(self.model.headerData(column, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not self.list.isColumnHidden(column))
            action.setEnabled(column != DOCUMENT)
            action.toggled.connect(lambda on, c=column: self.list.setColumnHidden(c, not on))
        menu.popup(self.list.horizontalHeader().mapToGlobal(point))

    # --- rows -----------------------------------------------------------------------------------
    def _doc_at(self, index: QModelIndex) -> str | None:
        info = self.model.info(index.row())
        return info.id if info is not None else None

    def _activated(self, index: QModelIndex) -> None:
        doc_id = self._doc_at(index)
        if doc_id is not None:
            self.documentActivated.emit(doc_id)

    def _menu(self, point: QPoint) -> None:
        index = self.list.indexAt(point)
        doc_id = self._doc_at(index) if index.isValid() else None
        if doc_id is None:
            return
        menu = QMenu(self)
        for status in STATUSES:
            action = menu.addAction(self.tr("Mark as {status}").format(status=status_title(status)))
            action.triggered.connect(
                lambda _c=False, s=status: self.statusRequested.emit(doc_id, s)
            )
        menu.popup(self.list.viewport().mapToGlobal(point))

    def show_current(self, doc_id: str) -> None:
        self.current = doc_id
        self._show_position()

    def _show_position(self) -> None:
        """Select the open document's row (one indexed count when its page is not held) and
        say where it stands: "12 of 340 shown · 100,000 documents"."""
        row = self.model.row_of(self.current) if self.current else -1
        shown = self.model.total
        if row >= 0:
            index = self.model.index(row, DOCUMENT)
            self.list.setCurrentIndex(index)
            self.list.scrollTo(index)
            where = self.tr("{row} of {shown} shown").format(
                row=ltr(f"{row + 1:,}"), shown=ltr(f"{shown:,}")
            )
        else:
            self.list.clearSelection()
            where = self.tr("{shown} shown").format(shown=ltr(f"{shown:,}"))
        total = self.tr("{total} documents").format(total=ltr(f"{self.totals.total:,}"))
        self.position.setText(f"{isolate(where)} · {isolate(total)}")

    def update_progress(self) -> None:
        counts = self.model.project.status_counts()
        self.totals = DocumentTotals(sum(counts.values()), counts.get("done", 0))
        self.progress.setMaximum(max(1, self.totals.total))
        self.progress.setValue(self.totals.done)
        self.progress.setFormat(
            self.tr("%v of {total} documents done").format(total=self.totals.total)
        )
        self._show_position()

    def done_count(self) -> int:
        return self.progress.value()


class SidePanes(QObject):
    """Entities, quotes, claims, details, search and labels, each a dock widget of the window
    (closable, movable, tabbed with the others): by default the three span lists share one
    tabbed group and details, search and labels a second one under it, in one narrow column
    beside the article. A dock only ever raises itself within its group when it is already
    open, so nothing re-wraps the article but the user."""

    spanActivated = Signal(str)  # a row was clicked: scroll to that span and select it

    def __init__(self, session: Callable[[], DocumentSession | None], parent: QWidget) -> None:
        super().__init__(parent)
        self._session = session
        self.entity_model = SpanListModel(("entity",))
        self.entity_list = make_list_view(self.entity_model, parent)
        self._connect_rows(self.entity_list, self.entity_model)
        self.quote_model = SpanListModel(
            ("quote",),
            self._describe_quote,
            (QT_TRANSLATE_NOOP("panels", "Speaker → content"), QT_TRANSLATE_NOOP("panels", "Type")),
        )
        self.quote_list = make_list_view(self.quote_model, parent)
        self._connect_rows(self.quote_list, self.quote_model)
        self.claim_model = SpanListModel(
            ("claim",),
            self._describe_claim,
            (
                QT_TRANSLATE_NOOP("panels", "Claimant → claim"),
                QT_TRANSLATE_NOOP("panels", "Check-worthy"),
            ),
        )
        self.claim_filter = ClaimFilter(self.claim_model)
        self.claim_list = make_list_view(self.claim_model, parent, label_width=140)
        self.claim_list.setModel(self.claim_filter)
        self.claim_list.clicked.connect(self._claim_row_clicked)
        self.claim_list.activated.connect(self._claim_row_clicked)
        self.claims_page = QWidget(parent)
        self._claims_layout = QVBoxLayout(self.claims_page)
        self._claims_layout.setContentsMargins(0, 0, 0, 0)
        self.claim_filter_combos: dict[str, QComboBox] = {}
        self._claims_layout.addWidget(self.claim_list)
        self.details = DetailsPanel(parent)
        self.search_panel = SearchPanel(parent)
        self.legend = LegendWidget(parent)
        self.docks: dict[str, QDockWidget] = {}
        for name, widget, title in (
            ("entities", self.entity_list, self.tr("Entities")),
            ("quotes", self.quote_list, self.tr("Quotes")),
            ("claims", self.claims_page, self.tr("Claims")),
            ("details", self.details, self.tr("Details")),
            ("search", self.search_panel, self.tr("Search")),
            ("labels", self.legend, self.tr("Labels")),
        ):
            self.docks[name] = side_dock(name, title, widget, parent)

    # the two tabbed groups of the default layout, top to bottom
    GROUPS = (("entities", "quotes", "claims"), ("details", "search", "labels"))

    def install(self, window: QMainWindow, area: Qt.DockWidgetArea) -> None:
        """Put the docks in their default places: two tabbed groups, one above the other
        (split first: a split next to a tabbed dock would only add a tab)."""
        firsts = [self.docks[group[0]] for group in self.GROUPS]
        window.addDockWidget(area, firsts[0])
        for above, below in zip(firsts, firsts[1:], strict=False):
            window.splitDockWidget(above, below, Qt.Orientation.Vertical)
        for first, group in zip(firsts, self.GROUPS, strict=True):
            for name in group[1:]:
                window.tabifyDockWidget(first, self.docks[name])
            first.raise_()

    def dock_of(self, widget: QWidget) -> QDockWidget:
        return next(d for d in self.docks.values() if panel_of(d) is widget)

    def raise_if_open(self, widget: QWidget) -> bool:
        """Bring a panel to the front of its tab group when the user keeps it open; a closed
        one stays closed (opening it would take width from the article)."""
        dock = self.dock_of(widget)
        if dock.isHidden():  # closed by the user (a tab behind another one is not hidden)
            return False
        dock.raise_()
        return True

    def show_panel(self, widget: QWidget) -> None:
        """The user asked for this panel (Ctrl+F, a menu): open it and bring it to the front."""
        dock = self.dock_of(widget)
        dock.show()
        dock.raise_()

    def is_front(self, widget: QWidget) -> bool:
        """The panel is open and the tab shown in its group."""
        dock = self.dock_of(widget)
        return dock.isVisible() and not dock.visibleRegion().isEmpty()

    def build_claim_filters(self, schema: LabelSchema) -> None:
        for attr in ("checkworthy", "type"):
            combo = QComboBox(self.claims_page)
            combo.addItem(
                self.tr("any check-worthiness") if attr == "checkworthy" else self.tr("any type"),
                "",
            )
            defs = [a for a in schema.attributes_for("claim") if a.name == attr]
            for value in (defs[0].values or ()) if defs else ():
                combo.addItem(attribute_text(value), value)
            if not defs:  # a project schema without this attribute: no filter for it
                combo.setEnabled(False)
            combo.activated.connect(
                lambda _i, a=attr, c=combo: self.claim_filter.set_filter(a, c.currentData())
            )
            self._claims_layout.insertWidget(len(self.claim_filter_combos), combo)
            self.claim_filter_combos[attr] = combo

    def _connect_rows(self, view, model: SpanListModel) -> None:  # noqa: ANN001 - QTableView
        view.clicked.connect(lambda i: self.spanActivated.emit(model.span_at(i.row()).id))
        view.activated.connect(lambda i: self.spanActivated.emit(model.span_at(i.row()).id))

    def _claim_row_clicked(self, index: QModelIndex) -> None:
        row = self.claim_filter.mapToSource(index).row()
        self.spanActivated.emit(self.claim_model.span_at(row).id)

    # --- following the document ---------------------------------------------------------------
    def reset(self, session: DocumentSession) -> None:
        for model in (self.entity_model, self.quote_model, self.claim_model):
            model.reset(session.text, session.index, session.schema)
        self.details.show_span(None, "", session.index, session.schema)

    def apply(self, change: Change) -> None:
        self.entity_model.apply(change)
        self.quote_model.apply(change)
        self.claim_model.apply(change)

    def set_schema(self, schema: LabelSchema) -> None:
        self.legend.set_schema(schema)
        self.entity_model.schema = schema
        self.entity_model.layoutChanged.emit()

    def show_span(self, span: Span | None, focus_details: bool) -> None:
        session = self._session()
        if session is None:
            return
        self.details.show_span(span, session.text, session.index, session.schema)
        if span is not None and span.kind == "entity":
            index = self.entity_model.index(self.entity_model.row_of(span), 0)
            self.entity_list.setCurrentIndex(index)
            self.entity_list.scrollTo(index)
        if span is not None and span.kind in ("quote", "claim") and focus_details:
            self.raise_if_open(self.details)

    def show_search(self) -> None:
        self.show_panel(self.search_panel)

    # --- row descriptions -------------------------------------------------------------------
    def _describe_quote(self, span: Span) -> tuple[str, str]:
        session = self._session()
        if session is None:
            return ("", "")
        att = attribution_of(session.index, span)
        who = excerpt(session.text, att.speaker, 24) if att.speaker else "?"
        words = " ".join(session.text[span.start : span.end].split()[:6])
        return (speaker_to_content(who, words), attribute_text(str(span.attrs.get("type", ""))))

    def _describe_claim(self, span: Span) -> tuple[str, str]:
        session = self._session()
        if session is None:
            return ("", "")
        att = attribution_of(session.index, span)
        who = (
            self.tr("the article")
            if att.article
            else (excerpt(session.text, att.speaker, 24) if att.speaker else "?")
        )
        words = " ".join(session.text[span.start : span.end].split()[:6])
        worthy = attribute_text(str(span.attrs.get("checkworthy", "")))
        kind = attribute_text(str(span.attrs.get("type", "")))
        return (speaker_to_content(who, words), f"{isolate(worthy)} · {isolate(kind)}")
