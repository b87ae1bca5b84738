"""The main window: document list, article view, span panels, menus, undo."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import qtawesome as qta
from PySide6.QtCore import (
    QByteArray,
    QModelIndex,
    QSettings,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    QUrl,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QKeyEvent,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from annotation.attribution import (
    AgentRef,
    attribution_of,
    build_claim,
    build_quote,
    enclosing_quote,
    related_ids,
)
from annotation.clitics import exceptions_for, splitter
from annotation.documents import STATUS_TITLES, STATUSES
from annotation.proposals import (
    Proposal,
    accepted_spans,
    claim_proposals,
    confident,
    entity_proposals,
    pending,
    quote_proposals,
)
from annotation.schema import LabelSchema
from annotation.search import SearchIndex
from annotation.snapping import snap
from annotation.span_index import SpanIndex
from annotation.spans import Link, Span, new_id
from annotation.variants import variants_for_label
from storage import exporter, importer
from storage.project import Project
from storage.session import Change, DocumentSession, EditRefused
from ui.commands import (
    AddLinks,
    AddSpans,
    AddSpansAcross,
    ChangeSchema,
    RejectProposals,
    RemoveLinks,
    RemoveSpans,
    SetStatus,
    UpdateSpans,
)
from ui.details_panel import DetailsPanel, excerpt
from ui.dialogs import LabelPicker, ReportDialog, SchemaEditor
from ui.document_view import Band, DocumentView
from ui.panels import DocumentListModel, LegendWidget, SpanListModel, make_list_view
from ui.search_panel import Hit, SearchPanel, VariantsDialog, context_of

ICON_COLOR = "#37474f"
PICK_PROMPTS = {
    "speaker": "Speaker: click an entity, or select the words and press Enter · Esc: unknown",
    "cue": "Cue: select the reporting verb and press Enter · Esc: none",
    "claimant": "Claimant: click an entity, or select words and press Enter · A: the article itself · Esc: unknown",
}
NEXT_ROLE = {"speaker": "cue", "cue": None, "claimant": None}


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

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:  # noqa: N802
        span = self.source.span_at(row)
        return all(not v or str(span.attrs.get(k, "")) == v for k, v in self.wanted.items())


def icon(name: str):  # noqa: ANN201 - QIcon
    return qta.icon(name, color=ICON_COLOR)


class MainWindow(QMainWindow):
    def __init__(self, project: Project, settings: QSettings, font_family: str = "Amiri") -> None:
        super().__init__()
        self.project = project
        self.settings = settings
        self.session: DocumentSession | None = None
        self.undo_stack = QUndoStack(self)
        self.setAcceptDrops(True)
        self._label_actions: list[QAction] = []
        self._import_queue: list[Path] = []

        self.view = DocumentView(self)
        self.view.set_font_family(font_family)
        self.view.set_point_size(int(project.setting("zoom", str(self.view.point_size))))
        self.view.spanClicked.connect(self.select_span)

        self.doc_model = DocumentListModel()
        self.doc_list = make_list_view(self.doc_model, self, label_width=64)
        self.doc_list.activated.connect(self._doc_activated)
        self.doc_list.clicked.connect(self._doc_activated)
        self.doc_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.doc_list.customContextMenuRequested.connect(self._doc_menu)
        self.progress = QProgressBar(self)
        self.progress.setFormat("%v of %m documents done")
        self.progress.setTextVisible(True)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel("Documents", left))
        left_layout.addWidget(self.doc_list)
        left_layout.addWidget(self.progress)

        self.entity_model = SpanListModel(("entity",))
        self.entity_list = make_list_view(self.entity_model, self)
        self.entity_list.clicked.connect(self._entity_row_clicked)
        self.entity_list.activated.connect(self._entity_row_clicked)
        self.legend = LegendWidget(self)
        self.legend.labelActivated.connect(lambda name: self.tag_selection(name))
        self.pick: tuple[str, str] | None = None  # (role, quote or claim id) while choosing
        self.proposals: list[Proposal] = []
        self.proposal_pos = -1
        self.rejected: set[tuple[str, int, int, str]] = set()
        self.quote_model = SpanListModel(
            ("quote",), self._describe_quote, ("Speaker → content", "Type")
        )
        self.quote_list = make_list_view(self.quote_model, self)
        self.quote_list.clicked.connect(lambda i: self._span_row_clicked(self.quote_model, i.row()))
        self.quote_list.activated.connect(
            lambda i: self._span_row_clicked(self.quote_model, i.row())
        )
        self.claim_model = SpanListModel(
            ("claim",), self._describe_claim, ("Claimant → claim", "Check-worthy")
        )
        self.claim_filter = ClaimFilter(self.claim_model)
        self.claim_list = make_list_view(self.claim_model, self, label_width=140)
        self.claim_list.setModel(self.claim_filter)
        self.claim_list.clicked.connect(self._claim_row_clicked)
        self.claim_list.activated.connect(self._claim_row_clicked)
        claims_page = QWidget(self)
        claims_layout = QVBoxLayout(claims_page)
        claims_layout.setContentsMargins(0, 0, 0, 0)
        schema = project.schema()
        for attr in ("checkworthy", "type"):
            combo = QComboBox(claims_page)
            combo.addItem(f"any {attr}", "")
            try:
                for value in schema.attribute("claim", attr).values or ():
                    combo.addItem(value, value)
            except Exception:  # a project schema without this attribute: no filter for it
                combo.setEnabled(False)
            combo.activated.connect(
                lambda _i, a=attr, c=combo: self.claim_filter.set_filter(a, c.currentData())
            )
            claims_layout.addWidget(combo)
        claims_layout.addWidget(self.claim_list)
        self.search_panel = SearchPanel(self)
        self.search_panel.searchRequested.connect(self.search)
        self.search_panel.hitActivated.connect(self.go_to_hit)
        self.search_hits: list[Hit] = []
        self.search_pos = -1
        self._search_index: SearchIndex | None = None
        self.details = DetailsPanel(self)
        self.details.attributeEdited.connect(self.set_attribute)
        self.details.pickRequested.connect(lambda sid, role: self.begin_pick(role, sid))
        self.side_tabs = QTabWidget(self)
        self.side_tabs.addTab(self.entity_list, icon("fa5s.tags"), "Entities")
        self.side_tabs.addTab(self.quote_list, icon("fa5s.quote-right"), "Quotes")
        self.side_tabs.addTab(claims_page, icon("fa5s.balance-scale"), "Claims")
        self.side_tabs.addTab(self.details, icon("fa5s.info-circle"), "Details")
        self.side_tabs.addTab(self.search_panel, icon("fa5s.search"), "Search")
        self.side_tabs.addTab(self.legend, icon("fa5s.palette"), "Labels")
        self.view.extra_bands = self._bands

        self.empty_page = self._build_empty_page()
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty_page)
        self.stack.addWidget(self.view)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.side_tabs)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([230, 760, 300])
        self.setCentralWidget(self.splitter)

        self.status_combo = QComboBox(self)
        for status in STATUSES:
            self.status_combo.addItem(STATUS_TITLES[status], status)
        self.status_combo.setToolTip("Status of this document")
        self.status_combo.activated.connect(self._status_chosen)
        self.policy_combo = QComboBox(self)
        self.policy_combo.addItem("whole token (وبوتين)", "token")
        self.policy_combo.addItem("strip clitics (و+بوتين)", "strip_clitics")
        self.policy_combo.setToolTip(
            "How a selection snaps to word boundaries (Alt+key always tags the exact characters).\n"
            "Stored with each annotation, so exports say which convention they follow."
        )
        self.policy_combo.setCurrentIndex(
            max(0, self.policy_combo.findData(self.boundary_policy()))
        )
        self.policy_combo.activated.connect(
            lambda i: self.set_boundary_policy(self.policy_combo.itemData(i))
        )
        self.position_label = QLabel("", self)
        self.statusBar().addPermanentWidget(self.position_label)
        self.view.selectionRangeChanged.connect(self._show_selection_info)

        self._build_actions()
        self._apply_schema_to_ui()
        self.reload_documents()
        self._restore_geometry()
        last = project.setting("last_document", "")
        ids = [info.id for info in self.doc_model.rows]
        if ids:
            self.open_document(last if last in ids else ids[0])
        self._update_title()

    # --- construction ---------------------------------------------------------------------
    def _build_empty_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        title = QLabel("<h2>No articles yet</h2>", page)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(
            "Import Arabic articles (.txt in UTF-8, UTF-16 or Windows-1256) or Hashiya JSONL.<br>"
            "Drop files or folders on this window, or press <b>Ctrl+O</b>.",
            page,
        )
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)
        self.import_button = QPushButton(icon("fa5s.file-import"), "  Import articles…", page)
        self.import_button.setMinimumHeight(44)
        self.import_button.clicked.connect(self.import_dialog)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addSpacing(12)
        layout.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        return page

    def _action(
        self,
        text: str,
        slot,
        shortcut: str | Sequence[str] | QKeySequence.StandardKey | None = None,
        icon_name: str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name))
        if isinstance(shortcut, str):
            action.setShortcut(QKeySequence(shortcut))
        elif isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcut(QKeySequence(shortcut))
        elif shortcut:
            action.setShortcuts([QKeySequence(s) for s in shortcut])
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        a = self._action
        self.act_import = a(
            "&Import articles…",
            self.import_dialog,
            "Ctrl+O",
            "fa5s.file-import",
            "Import .txt articles or Hashiya .jsonl",
        )
        self.act_export = a(
            "&Export JSONL…",
            self.export_dialog,
            "Ctrl+E",
            "fa5s.file-export",
            "Write every document and its annotations as JSONL",
        )
        self.act_quit = a("&Quit", self.close, "Ctrl+Q")
        # The toolbar's undo/redo keep a fixed text: QUndoStack's own actions rename themselves
        # after every edit, which re-lays out the toolbar on the keypress path. The Edit menu
        # shows the named ones ("Undo tag PERS").
        self.act_undo = a("Undo", self.undo_stack.undo, "Ctrl+Z", "fa5s.undo")
        self.act_redo = a("Redo", self.undo_stack.redo, ["Ctrl+Shift+Z", "Ctrl+Y"], "fa5s.redo")
        self.act_undo.setEnabled(False)
        self.act_redo.setEnabled(False)
        self.undo_stack.canUndoChanged.connect(self.act_undo.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.act_redo.setEnabled)
        self.menu_undo = self.undo_stack.createUndoAction(self, "&Undo")
        self.menu_redo = self.undo_stack.createRedoAction(self, "&Redo")
        self.menu_undo.setIcon(icon("fa5s.undo"))
        self.menu_redo.setIcon(icon("fa5s.redo"))
        self.act_delete = a("&Delete annotation", self.delete_active, "Delete", "fa5s.trash-alt")
        self.act_backspace = a("Reject suggestion / delete", self.backspace, "Backspace")
        self.act_enter = a("Accept suggestion / confirm", self.enter, ["Return", "Enter"])
        # Enter belongs to the article view: in the search field or a dialog it keeps its meaning.
        self.removeAction(self.act_enter)
        self.act_enter.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.view.addAction(self.act_enter)
        self.act_suggest = a(
            "&Suggest quotes and claims",
            self.toggle_suggestions,
            "F7",
            "fa5s.magic",
            "Propose quotes and claims from cue verbs, quotation marks and numbers",
        )
        self.act_suggest.setCheckable(True)
        self.act_next_sugg = a(
            "&Next suggestion", lambda: self.step_proposal(+1), "N", "fa5s.chevron-down"
        )
        self.act_prev_sugg = a(
            "&Previous suggestion", lambda: self.step_proposal(-1), "Shift+N", "fa5s.chevron-up"
        )
        self.act_accept_all = a(
            "Accept all suggestions", self.accept_all, ["Ctrl+Shift+Return", "Ctrl+Shift+Enter"]
        )
        self.act_reject_all = a("Reject all suggestions", self.reject_all, "Ctrl+Shift+Backspace")
        self.act_min_confidence = a(
            "Minimum suggestion &confidence…",
            self.ask_min_confidence,
            None,
            None,
            "Hide quote and claim suggestions the rules are less sure of",
        )
        self.act_tag_all = a(
            "&Tag all occurrences",
            self.tag_all,
            "Ctrl+T",
            "fa5s.clone",
            "Propose the selected entity's label on every variant of its text",
        )
        self.act_tag_all_project = a(
            "Tag all occurrences in the &project…",
            lambda: self.tag_all(project_wide=True),
            "Ctrl+Shift+T",
        )
        self.act_find = a(
            "&Find variants…",
            self.focus_search,
            "Ctrl+F",
            "fa5s.search",
            "Search with Arabic spelling variants, in this document or the project",
        )
        self.act_find_next = a("Find next", lambda: self.step_hit(+1), "F3")
        self.act_find_prev = a("Find previous", lambda: self.step_hit(-1), "Shift+F3")
        self.act_diacritics = a(
            "&Hide diacritics",
            self.toggle_diacritics,
            "Ctrl+Shift+D",
            None,
            "Read without tashkeel; selections still store exact offsets",
        )
        self.act_diacritics.setCheckable(True)
        self.act_variants = a("&Variants of a label…", self.show_variants, None, "fa5s.list-ul")
        self.act_exceptions = a(
            "Clitic &exceptions…",
            self.edit_clitic_exceptions,
            None,
            None,
            "Words that only look prefixed (never split by 'strip clitics')",
        )
        self.act_relabel = a(
            "Change &label…",
            self.pick_label,
            "Ctrl+L",
            "fa5s.tag",
            "Choose a label for the selection or the selected entity",
        )
        self.act_escape = a("Clear selection", self.clear_active, "Escape")
        self.act_schema = a("Edit &labels…", self.edit_schema, None, "fa5s.palette")
        self.act_zoom_in = a(
            "Zoom &in", lambda: self.zoom(+2), ["Ctrl++", "Ctrl+="], "fa5s.search-plus"
        )
        self.act_zoom_out = a("Zoom &out", lambda: self.zoom(-2), "Ctrl+-", "fa5s.search-minus")
        self.act_zoom_reset = a("&Reset zoom", lambda: self.zoom(0), "Ctrl+0")
        self.act_next_doc = a(
            "&Next document", lambda: self.step_document(+1), "Ctrl+PgDown", "fa5s.arrow-down"
        )
        self.act_prev_doc = a(
            "&Previous document", lambda: self.step_document(-1), "Ctrl+PgUp", "fa5s.arrow-up"
        )
        self.status_actions = [
            a(f"Mark as {STATUS_TITLES[s]}", lambda s=s: self.set_status(s), f"Ctrl+Shift+{i + 1}")
            for i, s in enumerate(STATUSES)
        ]

        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        for act in (self.act_import, self.act_export):
            file_menu.addAction(act)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        edit_menu = menu.addMenu("&Edit")
        for act in (self.menu_undo, self.menu_redo):
            edit_menu.addAction(act)
        edit_menu.addSeparator()
        for act in (self.act_relabel, self.act_delete, self.act_escape):
            edit_menu.addAction(act)
        review_menu = menu.addMenu("&Review")
        for act in (
            self.act_suggest,
            self.act_next_sugg,
            self.act_prev_sugg,
            self.act_enter,
            self.act_backspace,
            self.act_accept_all,
            self.act_reject_all,
            self.act_min_confidence,
            self.act_tag_all,
            self.act_tag_all_project,
        ):
            review_menu.addAction(act)
        self.label_menu = menu.addMenu("&Labels")
        view_menu = menu.addMenu("&View")
        for act in (self.act_zoom_in, self.act_zoom_out, self.act_zoom_reset):
            view_menu.addAction(act)
        view_menu.addSeparator()
        for act in (
            self.act_diacritics,
            self.act_find,
            self.act_find_next,
            self.act_find_prev,
            self.act_variants,
        ):
            view_menu.addAction(act)
        doc_menu = menu.addMenu("&Document")
        for act in (self.act_next_doc, self.act_prev_doc):
            doc_menu.addAction(act)
        doc_menu.addSeparator()
        for act in self.status_actions:
            doc_menu.addAction(act)

        toolbar = QToolBar("Main", self)
        toolbar.setObjectName("main-toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for act in (self.act_import, self.act_export):
            toolbar.addAction(act)
        toolbar.addSeparator()
        for act in (
            self.act_undo,
            self.act_redo,
            self.act_relabel,
            self.act_delete,
            self.act_suggest,
        ):
            toolbar.addAction(act)
        toolbar.addSeparator()
        toolbar.addWidget(QLabel(" Status: ", self))
        toolbar.addWidget(self.status_combo)
        toolbar.addWidget(QLabel("  Boundaries: ", self))
        toolbar.addWidget(self.policy_combo)
        self.addToolBar(toolbar)

    def _apply_schema_to_ui(self) -> None:
        """(Re)create the label key actions and the legend from the project's schema."""
        schema = self.project.schema()
        for act in self._label_actions:
            self.removeAction(act)
            act.deleteLater()
        self._label_actions = []
        self.label_menu.clear()
        for label in schema.labels_for("entity"):
            act = QAction(label.name + (f"\t{label.key}" if label.key else ""), self)
            act.setStatusTip(label.title)
            act.triggered.connect(lambda _c=False, n=label.name: self.tag_selection(n))
            if label.key:
                act.setShortcut(QKeySequence(label.key))
                exact = QAction(f"{label.name} (exact characters)", self)
                exact.setShortcut(QKeySequence(f"Alt+{label.key}"))
                exact.triggered.connect(
                    lambda _c=False, n=label.name: self.tag_selection(n, exact=True)
                )
                self.addAction(exact)
                self._label_actions.append(exact)
            self.addAction(act)
            self.label_menu.addAction(act)
            self._label_actions.append(act)
        self.label_menu.addSeparator()
        for kind, slot in (("quote", self.start_quote), ("claim", self.start_claim)):
            for label in schema.labels_for(kind):
                act = QAction(
                    f"{schema.kind(kind).title}" + (f"\t{label.key.upper()}" if label.key else ""),
                    self,
                )
                act.triggered.connect(lambda _c=False, f=slot: f())
                if label.key:
                    act.setShortcut(QKeySequence(label.key.upper()))
                self.addAction(act)
                self.label_menu.addAction(act)
                self._label_actions.append(act)
        self.label_menu.addSeparator()
        self.label_menu.addAction(self.act_relabel)
        self.label_menu.addAction(self.act_schema)
        self.label_menu.addAction(self.act_exceptions)
        self.legend.set_schema(schema)
        self.view.set_schema(schema)
        self.entity_model.schema = schema
        self.entity_model.layoutChanged.emit()

    # --- documents ------------------------------------------------------------------------
    def reload_documents(self) -> None:
        rows = self.project.documents()
        self.doc_model.set_rows(rows)
        self._update_progress()
        self.stack.setCurrentWidget(self.view if rows else self.empty_page)
        if self.session is not None:
            row = self.doc_model.row_of(self.session.doc.id)
            if row >= 0:
                self.doc_list.setCurrentIndex(self.doc_model.index(row, 0))

    def _update_progress(self) -> None:
        rows = self.doc_model.rows
        self.progress.setMaximum(max(1, len(rows)))
        self.progress.setValue(sum(1 for r in rows if r.status == "done"))
        self.progress.setFormat(f"%v of {len(rows)} documents done")

    def _doc_activated(self, index: QModelIndex) -> None:
        doc_id = self.doc_model.rows[index.row()].id
        if self.session is None or self.session.doc.id != doc_id:
            self.open_document(doc_id)

    def _doc_menu(self, point) -> None:  # noqa: ANN001 - QPoint
        index = self.doc_list.indexAt(point)
        if not index.isValid():
            return
        doc_id = self.doc_model.rows[index.row()].id
        menu = QMenu(self)
        for status in STATUSES:
            action = menu.addAction(f"Mark as {STATUS_TITLES[status]}")
            action.triggered.connect(
                lambda _c=False, s=status: (self.session_for(doc_id), self.set_status(s))
            )
        menu.popup(self.doc_list.viewport().mapToGlobal(point))

    def open_document(self, doc_id: str) -> None:
        if self.session is not None:
            self.session.observers.clear()
        self.session = DocumentSession(self.project, doc_id)
        self.session.observers.append(self._on_change)
        self.stack.setCurrentWidget(self.view)
        self.view.set_document(self.session.text, self.session.index, self.session.schema)
        self.entity_model.reset(self.session.text, self.session.index, self.session.schema)
        self.quote_model.reset(self.session.text, self.session.index, self.session.schema)
        self.claim_model.reset(self.session.text, self.session.index, self.session.schema)
        self.pick = None
        self._search_index = None
        self.rejected = self.project.rejected(doc_id)
        self.proposals, self.proposal_pos = [], -1
        if self.act_suggest.isChecked():
            self._compute_proposals()
        self.details.show_span(None, "", self.session.index, self.session.schema)
        row = self.doc_model.row_of(doc_id)
        if row >= 0:
            self.doc_list.setCurrentIndex(self.doc_model.index(row, 0))
        self._sync_status_combo()
        self.project.set_setting("last_document", doc_id)
        self._update_title()

    def session_for(self, doc_id: str) -> DocumentSession:
        if self.session is None or self.session.doc.id != doc_id:
            self.open_document(doc_id)
        assert self.session is not None
        return self.session

    def step_document(self, delta: int) -> None:
        rows = self.doc_model.rows
        if not rows:
            return
        current = self.doc_model.row_of(self.session.doc.id) if self.session else -1
        target = min(len(rows) - 1, max(0, current + delta))
        if target != current:
            self.open_document(rows[target].id)

    def _sync_status_combo(self) -> None:
        if self.session is None:
            return
        row = self.doc_model.row_of(self.session.doc.id)
        if row >= 0:
            self.status_combo.setCurrentIndex(STATUSES.index(self.doc_model.rows[row].status))

    def _status_chosen(self, index: int) -> None:
        self.set_status(STATUSES[index])

    def set_status(self, status: str) -> None:
        if self.session is None:
            return
        doc_id = self.session.doc.id
        old = self.doc_model.rows[self.doc_model.row_of(doc_id)].status
        if old != status:
            self.undo_stack.push(SetStatus(self, doc_id, old, status))

    def set_document_status(self, doc_id: str, status: str) -> None:
        """EditorHost: commit a status and show it."""
        self.project.set_status(doc_id, status)
        row = self.doc_model.row_of(doc_id)
        if row >= 0:
            self.doc_model.update_info(replace(self.doc_model.rows[row], status=status))
        self._update_progress()
        if self.session is not None and self.session.doc.id == doc_id:
            self._sync_status_combo()

    # --- changes from the session ---------------------------------------------------------
    def _on_change(self, change: Change) -> None:
        touched = change.spans_touched()
        if change.removed and self.view.active_span_id in {s.id for s in change.removed}:
            self.view.active_span_id = None
        if change.links_added or change.links_removed:
            self.view.refresh()
        elif self.view.touches_window(touched):
            self.view.refresh(dirty=touched)
        self.entity_model.apply(change)
        self.quote_model.apply(change)
        self.claim_model.apply(change)
        if self.proposals and self.session is not None:
            current = (
                self.proposals[self.proposal_pos]
                if 0 <= self.proposal_pos < len(self.proposals)
                else None
            )
            self.proposals = pending(self.proposals, self.session.index, self.rejected)
            self._reposition(current)
        if self.session is not None and self.view.active_span_id:
            active = self.session.index.get(self.view.active_span_id)
            touches_active = active is not None and any(s.id == active.id for s in touched)
            if touches_active or change.links_added or change.links_removed:
                self._show_active()
        delta = sum(1 for s in change.added if s.kind == "entity") - sum(
            1 for s in change.removed if s.kind == "entity"
        )
        if delta and self.session is not None:
            row = self.doc_model.row_of(self.session.doc.id)
            if row >= 0:
                info = self.doc_model.rows[row]
                self.doc_model.update_info(replace(info, entity_count=info.entity_count + delta))

    # --- tagging --------------------------------------------------------------------------
    def boundary_policy(self) -> str:
        return self.project.setting("boundary_policy", "token")

    def _proclitic_splitter(self):  # noqa: ANN202 - Callable[[str], int]
        return splitter(exceptions_for(self.project.setting("clitic_exceptions", "")))

    def set_boundary_policy(self, policy: str) -> None:
        if policy != self.boundary_policy():
            self.project.set_setting("boundary_policy", policy)
        self.policy_combo.setCurrentIndex(max(0, self.policy_combo.findData(policy)))

    def tag_selection(self, label: str, exact: bool = False) -> Span | None:
        """Tag the selection (snapped to words unless exact/Alt), or relabel the selected
        entity when there is no selection."""
        session = self.session
        if session is None:
            return None
        rng = self.view.selection_range()
        if rng is None:
            active = session.index.get(self.view.active_span_id or "")
            if active is not None and active.kind == "entity":
                if active.label != label:
                    self.undo_stack.push(
                        UpdateSpans(
                            self,
                            session.doc.id,
                            [replace(active, label=label)],
                            f"relabel as {label}",
                        )
                    )
                return active
            caret = self.view.caret_offset()
            rng = (caret, caret)
        policy = "exact" if (exact or self.view.alt_selection) else self.boundary_policy()
        snapped = snap(session.text, rng[0], rng[1], policy, self._proclitic_splitter())
        if snapped is None:
            self.statusBar().showMessage("Nothing to tag: the selection holds no word.", 4000)
            return None
        start, end = snapped
        existing = session.index.find("entity", start, end, label)
        if existing is not None:
            self.select_span(existing.id)
            self.statusBar().showMessage(f"Already tagged {label}.", 3000)
            return existing
        span = Span(
            new_id(),
            session.doc.id,
            "entity",
            label,
            start,
            end,
            {},
            policy,
            self.project.annotator_name,
        )
        try:
            session.check_span(span)
        except EditRefused as exc:
            self.statusBar().showMessage(str(exc), 5000)
            return None
        self.undo_stack.push(AddSpans(self, session.doc.id, [span], text=f"tag {label}"))
        self.view.alt_selection = False
        self.view.clear_selection()
        return span

    def pick_label(self) -> None:
        if self.session is None:
            return
        active = self.session.index.get(self.view.active_span_id or "")
        picker = LabelPicker(
            self.project.schema(), "entity", self, active.label if active else None
        )
        if picker.exec() and picker.chosen():
            self.tag_selection(picker.chosen())

    def select_span(self, span_id: str) -> None:
        if self.session is None:
            return
        span = self.session.index.get(span_id) if span_id else None
        if self.pick is not None and span is not None and self._pick_target(span):
            return
        self.view.active_span_id = span.id if span else None
        self._show_active()
        self.view.refresh()
        if span is not None and span.kind == "entity":
            row = self.entity_model.row_of(span)
            self.entity_list.setCurrentIndex(self.entity_model.index(row, 0))
            self.entity_list.scrollTo(self.entity_model.index(row, 0))
        if span is not None:
            self.statusBar().showMessage(
                f"{span.label}: {self.session.text[span.start : span.end]}  [{span.start}, {span.end})",
                5000,
            )

    def _entity_row_clicked(self, index: QModelIndex) -> None:
        self._span_row_clicked(self.entity_model, index.row())

    def _span_row_clicked(self, model: SpanListModel, row: int) -> None:
        span = model.span_at(row)
        self.view.scroll_to(span.start, span.end)
        self.select_span(span.id)

    def _claim_row_clicked(self, index: QModelIndex) -> None:
        self._span_row_clicked(self.claim_model, self.claim_filter.mapToSource(index).row())

    def _show_active(self) -> None:
        session = self.session
        if session is None:
            return
        span = session.index.get(self.view.active_span_id or "")
        self.view.related_span_ids = tuple(related_ids(session.index, span)) if span else ()
        self.details.show_span(span, session.text, session.index, session.schema)
        if span is not None and span.kind in ("quote", "claim") and self.pick is None:
            self.side_tabs.setCurrentWidget(self.details)

    def _describe_quote(self, span: Span) -> tuple[str, str]:
        if self.session is None:
            return ("", "")
        att = attribution_of(self.session.index, span)
        who = excerpt(self.session.text, att.speaker, 24) if att.speaker else "?"
        words = " ".join(self.session.text[span.start : span.end].split()[:6])
        return (f"{who} → {words}…", str(span.attrs.get("type", "")))

    def _describe_claim(self, span: Span) -> tuple[str, str]:
        if self.session is None:
            return ("", "")
        att = attribution_of(self.session.index, span)
        who = (
            "article"
            if att.article
            else (excerpt(self.session.text, att.speaker, 24) if att.speaker else "?")
        )
        words = " ".join(self.session.text[span.start : span.end].split()[:6])
        return (
            f"{who} → {words}…",
            f"{span.attrs.get('checkworthy', '')} · {span.attrs.get('type', '')}",
        )

    def clear_active(self) -> None:
        if self.pick is not None:
            self._advance_pick()  # Esc while choosing: leave this one unknown
            return
        self.view.active_span_id = None
        self.view.related_span_ids = ()
        self.view.clear_selection()
        if self.session is not None:
            self.details.show_span(None, "", self.session.index, self.session.schema)
        self.view.refresh()

    def delete_active(self) -> None:
        session = self.session
        if session is None or not self.view.active_span_id:
            return
        span = session.index.get(self.view.active_span_id)
        if span is None:
            return
        dependents = session.dependents([span.id])
        if dependents:
            kinds = ", ".join(sorted({d.kind for d in dependents}))
            answer = QMessageBox.question(
                self,
                "Delete annotation",
                f"{len(dependents)} {kinds} annotation(s) refer to this {span.kind}. "
                "Delete it and remove those links?",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.undo_stack.push(RemoveSpans(self, session.doc.id, [span.id], f"delete {span.label}"))

    # --- quotes and claims ----------------------------------------------------------------
    def _snapped_selection(self) -> tuple[int, int] | None:
        session = self.session
        rng = self.view.selection_range() if session else None
        if session is None or rng is None:
            self.statusBar().showMessage("Select the text first.", 4000)
            return None
        policy = "exact" if self.view.alt_selection else "token"
        snapped = snap(session.text, rng[0], rng[1], policy)
        if snapped is None:
            self.statusBar().showMessage("Nothing to tag: the selection holds no word.", 4000)
        return snapped

    def start_quote(self) -> Span | None:
        """Q: the selection becomes a quote's content; then choose speaker and cue."""
        session = self.session
        snapped = self._snapped_selection()
        if session is None or snapped is None:
            return None
        start, end = snapped
        before = session.text[:start].rstrip()[-1:]
        quote_type = "direct" if before in ("\u00ab", '"', "\u201c", "\u2039", ":") else "indirect"
        spans, links = build_quote(
            session.doc.id, snapped, quote_type, annotator=self.project.annotator_name
        )
        self.undo_stack.push(AddSpans(self, session.doc.id, spans, links, "tag quote"))
        self.view.clear_selection()
        self.view.active_span_id = spans[0].id
        self.begin_pick("speaker", spans[0].id)
        return spans[0]

    def start_claim(self) -> Span | None:
        """C: the selection becomes a claim; then choose the claimant."""
        session = self.session
        snapped = self._snapped_selection()
        if session is None or snapped is None:
            return None
        quote = enclosing_quote(session.index, *snapped)
        claimant: AgentRef = None
        if quote is not None:
            speaker = session.index.links_from(quote.id, "speaker")
            claimant = speaker[0].target if speaker else None
        attrs = {
            k: v
            for k, v in session.schema.default_attrs("claim").items()
            if k != "claimant_article"
        }
        spans, links = build_claim(
            session.doc.id,
            snapped,
            attrs,
            claimant,
            False,
            quote.id if quote else None,
            self.project.annotator_name,
        )
        self.undo_stack.push(AddSpans(self, session.doc.id, spans, links, "tag claim"))
        self.view.clear_selection()
        self.view.active_span_id = spans[0].id
        if claimant is None:
            self.begin_pick("claimant", spans[0].id)
        else:
            self._show_active()
            self.view.refresh()
        return spans[0]

    def begin_pick(self, role: str, span_id: str) -> None:
        self.pick = (role, span_id)
        self.view.active_span_id = span_id
        self._show_active()
        self.view.refresh()
        self.statusBar().showMessage(PICK_PROMPTS[role])

    def _advance_pick(self) -> None:
        if self.pick is None:
            return
        role, span_id = self.pick
        nxt = NEXT_ROLE[role]
        self.pick = None
        if nxt is not None and self.session is not None and span_id in self.session.index:
            self.begin_pick(nxt, span_id)
        else:
            self.statusBar().showMessage("Saved.", 2000)
            self._show_active()
            self.view.refresh()

    def _replace_link(
        self,
        role: str,
        span_id: str,
        new_spans: list[Span],
        target_id: str | None,
        article: bool = False,
    ) -> None:
        """One undo step: drop the old speaker/cue/claimant link (and its orphaned mention),
        then attach the new one."""
        session = self.session
        assert session is not None
        source = session.index[span_id]
        self.undo_stack.beginMacro(f"set {role}")
        old_links = session.index.links_from(span_id, role)
        if old_links:
            self.undo_stack.push(RemoveLinks(self, session.doc.id, old_links))
            orphans = [
                lk.target
                for lk in old_links
                if session.index.get(lk.target) is not None
                and session.index[lk.target].kind in ("mention", "cue")
                and not session.index.links_of(lk.target)
            ]
            if orphans:
                self.undo_stack.push(RemoveSpans(self, session.doc.id, orphans))
        if role == "claimant":
            flag = "yes" if article else "no"
            if source.attrs.get("claimant_article", "no") != flag:
                self.undo_stack.push(
                    UpdateSpans(
                        self,
                        session.doc.id,
                        [replace(source, attrs={**source.attrs, "claimant_article": flag})],
                    )
                )
        if target_id is not None:
            link = Link(new_id(), session.doc.id, role, span_id, target_id)
            if new_spans:
                self.undo_stack.push(
                    AddSpans(self, session.doc.id, new_spans, [link], f"set {role}")
                )
            else:
                self.undo_stack.push(AddLinks(self, session.doc.id, [link]))
        self.undo_stack.endMacro()

    def _pick_target(self, span: Span) -> bool:
        """A click while choosing a speaker/claimant: link it. True when consumed."""
        assert self.pick is not None
        role, span_id = self.pick
        if role == "cue" or span.kind not in ("entity", "mention") or span.id == span_id:
            return False
        self._replace_link(role, span_id, [], span.id)
        self._advance_pick()
        return True

    def _pick_selection(self) -> None:
        assert self.pick is not None and self.session is not None
        role, span_id = self.pick
        snapped = self._snapped_selection() if self.view.selection_range() else None
        if snapped is not None:
            kind, label = ("cue", "CUE") if role == "cue" else ("mention", "MENTION")
            existing = self.session.index.find("entity", *snapped) if kind == "mention" else None
            if existing is not None:
                self._replace_link(role, span_id, [], existing.id)
            else:
                span = Span(
                    new_id(),
                    self.session.doc.id,
                    kind,
                    label,
                    snapped[0],
                    snapped[1],
                    {},
                    "token",
                    self.project.annotator_name,
                )
                self._replace_link(role, span_id, [span], span.id)
            self.view.clear_selection()
        self._advance_pick()

    def set_article_claimant(self) -> None:
        if self.pick is None or self.pick[0] != "claimant":
            return
        self._replace_link("claimant", self.pick[1], [], None, article=True)
        self._advance_pick()

    def set_attribute(self, span_id: str, name: str, value: str) -> None:
        session = self.session
        if session is None or span_id not in session.index:
            return
        span = session.index[span_id]
        new = replace(span, attrs={**span.attrs, name: value})
        try:
            session.check_span(new)
        except EditRefused as exc:
            self.statusBar().showMessage(str(exc), 5000)
            return
        self.undo_stack.push(UpdateSpans(self, session.doc.id, [new], f"set {name}"))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_A and self.pick is not None and self.pick[0] == "claimant":
            self.set_article_claimant()
            return
        super().keyPressEvent(event)

    def enter(self) -> None:
        if self.pick is not None:
            self._pick_selection()
        elif self.proposals:
            self.accept_current()

    def backspace(self) -> None:
        if self.proposals and 0 <= self.proposal_pos < len(self.proposals):
            self.reject_proposals([self.proposals[self.proposal_pos]])
        else:
            self.delete_active()

    # --- suggestions ----------------------------------------------------------------------
    def toggle_suggestions(self) -> None:
        if self.act_suggest.isChecked():
            self._compute_proposals()
            self.statusBar().showMessage(
                f"{len(self.proposals)} suggestions · N / Shift+N to move · Enter accepts · Backspace rejects",
                8000,
            )
        else:
            self.proposals, self.proposal_pos = [], -1
        self.view.viewport().update()

    def _compute_proposals(self) -> None:
        session = self.session
        if session is None:
            return
        found = quote_proposals(
            session.text, session.doc.id, session.index, self.project.annotator_name
        )
        found += claim_proposals(
            session.text, session.doc.id, session.index, self.project.annotator_name
        )
        self.proposals = pending(
            confident(found, self.min_confidence()), session.index, self.rejected
        )
        self._reposition(None)

    def min_confidence(self) -> float:
        """Suggestions below this confidence are not shown (QSettings, 0 shows them all)."""
        try:
            return float(self.settings.value("suggestions/min_confidence", 0.0))
        except (TypeError, ValueError):
            return 0.0

    def ask_min_confidence(self) -> None:
        value, ok = QInputDialog.getDouble(
            self,
            "Minimum suggestion confidence",
            "Show quote and claim suggestions with a confidence of at least (0–1):",
            self.min_confidence(),
            0.0,
            1.0,
            2,
        )
        if not ok:
            return
        self.settings.setValue("suggestions/min_confidence", value)
        if self.act_suggest.isChecked():
            self._compute_proposals()
            self.view.viewport().update()
        self.statusBar().showMessage(
            f"Suggestions with a confidence of at least {value:.2f}: {len(self.proposals)}", 6000
        )

    def _reposition(self, current: Proposal | None) -> None:
        """Keep the cursor on the same suggestion, or on the first one after the caret."""
        if not self.proposals:
            self.proposal_pos = -1
            return
        if current is not None and current in self.proposals:
            self.proposal_pos = self.proposals.index(current)
            return
        anchor = current.start if current is not None else self.view.caret_offset()
        self.proposal_pos = next((i for i, p in enumerate(self.proposals) if p.start >= anchor), 0)

    def current_proposal(self) -> Proposal | None:
        if 0 <= self.proposal_pos < len(self.proposals):
            return self.proposals[self.proposal_pos]
        return None

    def step_proposal(self, delta: int) -> None:
        if not self.proposals:
            self.statusBar().showMessage("No suggestions (F7 proposes quotes and claims).", 4000)
            return
        self.proposal_pos = (self.proposal_pos + delta) % len(self.proposals)
        p = self.proposals[self.proposal_pos]
        self.view.scroll_to(p.start, p.end)
        self.view.viewport().update()
        self.statusBar().showMessage(
            f"Suggestion {self.proposal_pos + 1} of {len(self.proposals)}: {p.kind} "
            f"(confidence {p.confidence:.2f}) — {p.reason}",
            6000,
        )

    def accept_current(self) -> None:
        p = self.current_proposal()
        if p is not None:
            self.accept_proposals([p])

    def accept_proposals(self, proposals: Sequence[Proposal]) -> None:
        session = self.session
        if session is None or not proposals:
            return
        spans = accepted_spans(proposals, session.schema)
        links = [
            lk
            for p in proposals
            for lk in p.links
            if lk.target in session.index or any(lk.target == s.id for s in spans)
        ]
        try:
            for span in spans:
                session.check_span(span)
        except EditRefused as exc:
            self.statusBar().showMessage(str(exc), 5000)
            return
        what = proposals[0].kind if len(proposals) == 1 else f"{len(proposals)} suggestions"
        self.undo_stack.push(AddSpans(self, session.doc.id, spans, links, f"accept {what}"))

    def reject_proposals(self, proposals: Sequence[Proposal]) -> None:
        if self.session is not None and proposals:
            self.undo_stack.push(RejectProposals(self, self.session.doc.id, proposals))

    def set_rejected(self, doc_id: str, proposals: Sequence[Proposal], rejected: bool) -> None:
        """EditorHost: remember (or forget) rejections and update the list."""
        keys = [p.key for p in proposals]
        self.project.set_rejected(doc_id, keys, rejected)
        if self.session is None or self.session.doc.id != doc_id:
            return
        current = self.current_proposal()
        if rejected:
            self.rejected |= set(keys)
            self.proposals = [p for p in self.proposals if p.key not in self.rejected]
        else:
            self.rejected -= set(keys)
            self.proposals = pending(
                [*self.proposals, *proposals], self.session.index, self.rejected
            )
        self._reposition(current)
        self.view.viewport().update()

    def accept_all(self) -> None:
        self.accept_proposals(list(self.proposals))

    def reject_all(self) -> None:
        self.reject_proposals(list(self.proposals))

    def _exceptions(self) -> frozenset[str]:
        return exceptions_for(self.project.setting("clitic_exceptions", ""))

    def tag_all(self, project_wide: bool = False) -> None:
        """Propose the selected entity's label on every variant of its text: in this document as
        suggestions to review; with project_wide, the other documents' matches are offered in
        bulk after a confirmation, as one undo step."""
        session = self.session
        span = session.index.get(self.view.active_span_id or "") if session else None
        if session is None or span is None or span.kind != "entity":
            self.statusBar().showMessage("Select an entity first (click it).", 4000)
            return
        boundary = span.boundary if span.boundary != "exact" else "token"
        surface = session.text[span.start : span.end]
        ranges = self.search_index().find(surface, boundary=boundary, exceptions=self._exceptions())
        found = entity_proposals(
            session.doc.id, span.label, ranges, session.index, boundary, self.project.annotator_name
        )
        self.proposals = pending([*self.proposals, *found], session.index, self.rejected)
        self._reposition(found[0] if found else None)
        self.view.viewport().update()
        self.statusBar().showMessage(
            f"{len(found)} more occurrences proposed as {span.label}: Ctrl+Shift+Enter accepts all, "
            "Ctrl+Shift+Backspace rejects all, Enter / Backspace one by one",
            10000,
        )
        if project_wide:
            self._tag_all_elsewhere(span.label, surface, boundary)

    def _tag_all_elsewhere(self, label: str, surface: str, boundary: str) -> None:
        assert self.session is not None
        per_doc: dict[str, list[Span]] = {}
        for doc_id in self.project.document_ids():
            if doc_id == self.session.doc.id:
                continue
            text = self.project.document(doc_id).text
            ranges = SearchIndex(text).find(
                surface, boundary=boundary, exceptions=self._exceptions()
            )
            if not ranges:
                continue
            index = SpanIndex(self.project.spans(doc_id, ["entity"]))
            spans = [
                p.main
                for p in entity_proposals(
                    doc_id, label, ranges, index, boundary, self.project.annotator_name
                )
            ]
            if spans:
                per_doc[doc_id] = spans
        total = sum(len(v) for v in per_doc.values())
        if not total:
            self.statusBar().showMessage("No untagged occurrences in the other documents.", 5000)
            return
        answer = QMessageBox.question(
            self,
            "Tag all in the project",
            f"Tag {total} occurrences of «{surface}» as {label} in {len(per_doc)} other document(s)?",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.undo_stack.push(
                AddSpansAcross(self, per_doc, f"tag {total} × {label} in the project")
            )

    def add_spans_anywhere(self, per_doc: dict[str, list[Span]]) -> None:
        """EditorHost: add spans to any documents; the open one goes through its session."""
        for doc_id, spans in per_doc.items():
            if self.session is not None and self.session.doc.id == doc_id:
                self.session.add(spans, action="tag-all")
            else:
                self.project.insert(spans, action="tag-all")
        self._refresh_counts(per_doc)

    def remove_spans_anywhere(self, per_doc: dict[str, list[Span]]) -> None:
        for doc_id, spans in per_doc.items():
            if self.session is not None and self.session.doc.id == doc_id:
                self.session.remove([s.id for s in spans], action="undo-tag-all")
            else:
                self.project.delete([s.id for s in spans], (), doc_id, action="undo-tag-all")
        self._refresh_counts(per_doc)

    def _refresh_counts(self, doc_ids) -> None:  # noqa: ANN001 - any iterable of ids
        for doc_id in doc_ids:
            self.doc_model.update_info(self.project.document_info(doc_id))

    # --- search ---------------------------------------------------------------------------
    def search_index(self) -> SearchIndex:
        assert self.session is not None
        if self._search_index is None:
            self._search_index = SearchIndex(self.session.text)
        return self._search_index

    def focus_search(self) -> None:
        self.side_tabs.setCurrentWidget(self.search_panel)
        rng = self.view.selection_range()
        if rng is not None and self.session is not None and rng[1] - rng[0] < 60:
            self.search_panel.edit.setText(self.session.text[rng[0] : rng[1]].strip())
        self.search_panel.edit.setFocus()
        self.search_panel.edit.selectAll()

    def search(self, query: str, project_wide: bool = False, proclitics: bool = True) -> list[Hit]:
        if self.session is None:
            return []
        options = {"proclitics": proclitics, "exceptions": self._exceptions()}
        names = {info.id: Path(info.source).name for info in self.doc_model.rows}
        hits: list[Hit] = []
        if project_wide:
            doc_ids = self.project.document_ids()
        else:
            doc_ids = [self.session.doc.id]
        for doc_id in doc_ids:
            if doc_id == self.session.doc.id:
                text, found = self.session.text, self.search_index().find(query, **options)
            else:
                text = self.project.document(doc_id).text
                found = SearchIndex(text).find(query, **options)
            hits += [
                Hit(doc_id, names.get(doc_id, doc_id), s, e, context_of(text, s, e))
                for s, e in found
            ]
        self.search_hits = hits
        self.search_pos = -1
        self.search_panel.show_hits(hits, len({h.doc_id for h in hits}))
        self.view.viewport().update()
        if hits:
            first_here = next((i for i, h in enumerate(hits) if h.doc_id == self.session.doc.id), 0)
            self.go_to_hit(first_here)
        return hits

    def go_to_hit(self, row: int) -> None:
        if not 0 <= row < len(self.search_hits):
            return
        hit = self.search_hits[row]
        self.search_pos = row
        if self.session is None or self.session.doc.id != hit.doc_id:
            self.open_document(hit.doc_id)
        self.view.scroll_to(hit.start, hit.end)
        self.view.select_range(hit.start, hit.end)  # ready to tag with a key
        self.search_panel.results.setCurrentRow(row)
        self.view.viewport().update()

    def step_hit(self, delta: int) -> None:
        if self.search_hits:
            self.go_to_hit((self.search_pos + delta) % len(self.search_hits))

    def toggle_diacritics(self) -> None:
        self.view.set_hide_diacritics(self.act_diacritics.isChecked())

    def show_variants(self) -> None:
        dialog = VariantsDialog(
            self.project.schema(),
            lambda label: variants_for_label(self.project, label, "entity", self.boundary_policy()),
            self,
        )
        dialog.searchRequested.connect(
            lambda q: (
                self.search_panel.edit.setText(q),
                self.search_panel.project_wide.setChecked(True),
                self.search(q, True, True),
                self.side_tabs.setCurrentWidget(self.search_panel),
            )
        )
        dialog.reload()
        self.variants_dialog = dialog
        dialog.open()

    def edit_clitic_exceptions(self) -> None:
        current = self.project.setting("clitic_exceptions", "")
        text, ok = QInputDialog.getMultiLineText(
            self,
            "Clitic exceptions",
            "Words that only look prefixed, one per line (never split by 'strip clitics'):",
            current,
        )
        if ok and text != current:
            self.project.set_setting(
                "clitic_exceptions", "\n".join(w.strip() for w in text.splitlines() if w.strip())
            )
            self._search_index = None

    def _bands(self, lo: int, hi: int) -> list[Band]:
        session = self.session
        if session is None:
            return []
        schema = session.schema

        def color(label: str, fallback: str) -> QColor:
            return QColor(schema.label(label).color if schema.has_label(label) else fallback)

        out = [
            Band(s.start, s.end, color(s.label, "#2e7d32"), "band", 0)
            for s in session.index.overlapping(lo, hi, ("quote",))
        ]
        out += [
            Band(s.start, s.end, color(s.label, "#c2185b"), "band", 1)
            for s in session.index.overlapping(lo, hi, ("claim",))
        ]
        out += [
            Band(s.start, s.end, color(s.label, "#6a1b9a"), "band", 2)
            for s in session.index.overlapping(lo, hi, ("mention", "cue"))
        ]
        doc_id = session.doc.id
        for h in self.search_hits:
            if h.doc_id == doc_id and h.start < hi and lo < h.end:
                out.append(Band(h.start, h.end, QColor(255, 193, 7, 90), "fill"))
        current = self.current_proposal()
        for p in self.proposals:
            if p.start < hi and lo < p.end:
                style = "dashed-current" if p is current else "dashed"
                out.append(Band(p.start, p.end, color(p.label, "#555555"), style))
        if current is not None:
            out += [
                Band(s.start, s.end, color(s.label, "#555555"), "dashed") for s in current.spans[1:]
            ]
        return out

    # --- label schema ---------------------------------------------------------------------
    def edit_schema(self) -> None:
        editor = SchemaEditor(self.project.schema(), self.project.label_usage, "entity", self)
        if editor.exec() and editor.result_schema is not None:
            if editor.result_schema != self.project.schema() or editor.renames:
                self.undo_stack.push(
                    ChangeSchema(self, self.project.schema(), editor.result_schema, editor.renames)
                )

    def apply_schema(self, schema: LabelSchema, renames: dict[str, str]) -> None:
        """EditorHost: store a schema (renames relabel annotations) and refresh the UI."""
        self.project.save_schema(schema, renames)
        if self.session is not None:
            self.session.reload_labels()
        self._apply_schema_to_ui()

    # --- view -----------------------------------------------------------------------------
    def zoom(self, step: int) -> None:
        size = 16 if step == 0 else self.view.point_size + step
        self.view.set_point_size(size)
        self.project.set_setting("zoom", str(self.view.point_size))

    def _show_selection_info(self) -> None:
        rng = self.view.selection_range()
        if rng is None:
            self.position_label.setText("")
        else:
            self.position_label.setText(f"selection [{rng[0]}, {rng[1]})  {rng[1] - rng[0]} chars")

    def _update_title(self) -> None:
        name = self.project.path.name
        doc = ""
        if self.session is not None:
            doc = f" — {Path(self.session.doc.source).name}"
        self.setWindowTitle(f"Hashiya — {name}{doc}")

    # --- import / export ------------------------------------------------------------------
    def import_dialog(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, "Import articles", str(Path.home()), "Articles (*.txt *.jsonl);;All files (*)"
        )
        if files:
            self.import_paths(files)

    def import_paths(self, paths: Sequence[str | Path], modal: bool = True) -> None:
        """Import files and folders one file per event-loop turn, with progress and a report."""
        files = importer.expand_paths(paths)
        if not files:
            QMessageBox.information(self, "Import", "No .txt or .jsonl files found there.")
            return
        report = importer.ImportReport()
        dialog = QProgressDialog("Importing…", "Stop", 0, len(files), self)
        dialog.setWindowTitle("Import")
        dialog.setMinimumDuration(300)
        dialog.setWindowModality(
            Qt.WindowModality.WindowModal if modal else Qt.WindowModality.NonModal
        )
        queue = list(files)
        self._import_queue = queue

        def step() -> None:
            if dialog.wasCanceled() or not queue:
                dialog.setValue(len(files))
                self._import_finished(report, stopped=bool(queue))
                return
            path = queue.pop(0)
            dialog.setLabelText(f"Importing {path.name}…")
            report.add(importer.import_file(self.project, path))
            dialog.setValue(len(files) - len(queue))
            QTimer.singleShot(0, step)

        QTimer.singleShot(0, step)

    def _import_finished(self, report: importer.ImportReport, stopped: bool) -> None:
        self._import_queue = []
        had_session = self.session is not None
        self.reload_documents()
        if not had_session and report.imported:
            self.open_document(report.imported[0][1])
        self.last_import_report = report
        lines = [importer.format_refusal(r) for r in report.refused]
        lines += [importer.format_skip(s) for s in report.skipped]
        summary = report.summary() + (" (stopped)" if stopped else "")
        self.statusBar().showMessage(summary.capitalize(), 8000)
        if lines:
            self.report_dialog = ReportDialog("Import report", summary.capitalize(), lines, self)
            self.report_dialog.open()

    def export_dialog(self) -> None:
        default = str(
            Path(self.settings.value("last_export_dir", str(Path.home()))) / "hashiya-export.jsonl"
        )
        path, _ = QFileDialog.getSaveFileName(self, "Export JSONL", default, "JSON Lines (*.jsonl)")
        if path:
            self.export_to(path)

    def export_to(self, path: str | Path) -> exporter.ExportReport | None:
        try:
            report = exporter.write_jsonl_atomic(exporter.export_records(self.project), path)
        except OSError as exc:
            QMessageBox.warning(self, "Export failed", f"{path}: {exc.strerror or exc}")
            return None
        self.settings.setValue("last_export_dir", str(Path(path).parent))
        self.statusBar().showMessage(
            f"Exported {report.documents} documents, {report.spans} spans to {path}", 8000
        )
        return report

    # --- drag and drop --------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        urls: list[QUrl] = event.mimeData().urls()
        paths = [u.toLocalFile() for u in urls if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    # --- window state ---------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self.settings.value("geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1320, 860)
        state = self.settings.value("windowState")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        splitter = self.settings.value("splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("windowState", self.saveState())
        self.settings.setValue("splitter", self.splitter.saveState())
        self.settings.sync()
        super().closeEvent(event)
