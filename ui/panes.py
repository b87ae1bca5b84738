"""The panes around the article: the document list (with progress and a status menu) and the
side tabs (entities, quotes, claims with filters, details, search, labels). They show what the
controllers hold and turn clicks into signals; they own no document state of their own."""

from __future__ import annotations

from collections.abc import Callable

import qtawesome as qta
from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QMenu,
    QProgressBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotation.attribution import attribution_of
from annotation.documents import STATUSES
from annotation.schema import LabelSchema
from annotation.spans import Span
from storage.session import Change, DocumentSession
from ui.details_panel import DetailsPanel, excerpt
from ui.i18n import QT_TRANSLATE_NOOP
from ui.panels import (
    DocumentListModel,
    LegendWidget,
    SpanListModel,
    attribute_text,
    make_list_view,
    status_title,
)
from ui.plain_text import isolate
from ui.search_panel import SearchPanel

ICON_COLOR = "#37474f"


def icon(name: str) -> QIcon:
    return qta.icon(name, color=ICON_COLOR)


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


class DocumentsPane(QWidget):
    """The project's documents, how many are done, and a right-click menu for the status."""

    documentActivated = Signal(str)  # doc id
    statusRequested = Signal(str, str)  # doc id, status

    def __init__(self, model: DocumentListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.list = make_list_view(model, self, label_width=64)
        self.list.activated.connect(self._activated)
        self.list.clicked.connect(self._activated)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.progress = QProgressBar(self)
        self.progress.setFormat(self.tr("%v of %m documents done"))
        self.progress.setTextVisible(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Documents"), self))
        layout.addWidget(self.list)
        layout.addWidget(self.progress)

    def _activated(self, index: QModelIndex) -> None:
        self.documentActivated.emit(self.model.rows[index.row()].id)

    def _menu(self, point: QPoint) -> None:
        index = self.list.indexAt(point)
        if not index.isValid():
            return
        doc_id = self.model.rows[index.row()].id
        menu = QMenu(self)
        for status in STATUSES:
            action = menu.addAction(self.tr("Mark as {status}").format(status=status_title(status)))
            action.triggered.connect(
                lambda _c=False, s=status: self.statusRequested.emit(doc_id, s)
            )
        menu.popup(self.list.viewport().mapToGlobal(point))

    def show_current(self, doc_id: str) -> None:
        row = self.model.row_of(doc_id)
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row, 0))

    def update_progress(self) -> None:
        rows = self.model.rows
        self.progress.setMaximum(max(1, len(rows)))
        self.progress.setValue(sum(1 for r in rows if r.status == "done"))
        self.progress.setFormat(self.tr("%v of {total} documents done").format(total=len(rows)))

    def done_count(self) -> int:
        return self.progress.value()


class SidePanes(QTabWidget):
    """Entities, quotes, claims, details, search and labels, as tabs."""

    spanActivated = Signal(str)  # a row was clicked: scroll to that span and select it

    def __init__(
        self, session: Callable[[], DocumentSession | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self.entity_model = SpanListModel(("entity",))
        self.entity_list = make_list_view(self.entity_model, self)
        self._connect_rows(self.entity_list, self.entity_model)
        self.quote_model = SpanListModel(
            ("quote",),
            self._describe_quote,
            (QT_TRANSLATE_NOOP("panels", "Speaker → content"), QT_TRANSLATE_NOOP("panels", "Type")),
        )
        self.quote_list = make_list_view(self.quote_model, self)
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
        self.claim_list = make_list_view(self.claim_model, self, label_width=140)
        self.claim_list.setModel(self.claim_filter)
        self.claim_list.clicked.connect(self._claim_row_clicked)
        self.claim_list.activated.connect(self._claim_row_clicked)
        self.claims_page = QWidget(self)
        self._claims_layout = QVBoxLayout(self.claims_page)
        self._claims_layout.setContentsMargins(0, 0, 0, 0)
        self.claim_filter_combos: dict[str, QComboBox] = {}
        self._claims_layout.addWidget(self.claim_list)
        self.details = DetailsPanel(self)
        self.search_panel = SearchPanel(self)
        self.legend = LegendWidget(self)
        self.addTab(self.entity_list, icon("fa5s.tags"), self.tr("Entities"))
        self.addTab(self.quote_list, icon("fa5s.quote-right"), self.tr("Quotes"))
        self.addTab(self.claims_page, icon("fa5s.balance-scale"), self.tr("Claims"))
        self.addTab(self.details, icon("fa5s.info-circle"), self.tr("Details"))
        self.addTab(self.search_panel, icon("fa5s.search"), self.tr("Search"))
        self.addTab(self.legend, icon("fa5s.palette"), self.tr("Labels"))

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
            self.setCurrentWidget(self.details)

    def show_search(self) -> None:
        self.setCurrentWidget(self.search_panel)

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
