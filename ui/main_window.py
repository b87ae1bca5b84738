"""The main window: it builds the parts, lays out their widgets, makes the menus and shortcuts,
and connects the parts' signals. It holds no document state of its own.

The parts (docs/architecture.md):
- ``docs``: DocumentController — project, session, undo stack, document list, open/step/status;
- ``tagging``: TaggingController — label keys, relabel, delete, attributes, tag-all;
- ``attribution``: AttributionController — Q/C and the speaker/cue/claimant PickInteraction;
- ``suggestions``: SuggestionsController over a Qt-free SuggestionQueue;
- ``search``: SearchController — variant search hits and highlights;
- ``io``: ImportExportController — import queue with progress, export;
- ``documents`` / ``panes``: the document list and the side tabs;
- ``prefs``: ViewPreferences — zoom, geometry, last document (QSettings, never the project);
- ``keys``: KeyRouter — Enter, Backspace, Esc, N, Shift+N, A in one written order.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QKeyEvent,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotation.attribution import related_ids
from annotation.clitics import exceptions_for
from annotation.documents import STATUSES
from annotation.errors import Stopped
from annotation.proposals import min_confidence_for
from annotation.variants import VariantGroup
from storage.label_variants import variants_in_project
from storage.project import Project
from storage.session import Change, DocumentSession
from ui.app_logging import log_path
from ui.attribution_pick import AttributionController
from ui.busy import run_busy
from ui.commands import ChangeSchema, SetStatus
from ui.curation import CurationDock
from ui.dialogs import SchemaEditor
from ui.document_controller import DocumentController
from ui.document_view import Band, DocumentView
from ui.external_changes import ExternalChangeWatcher
from ui.i18n import LANGUAGES, chosen_language, current_language
from ui.i18n import SETTING as LANGUAGE_SETTING
from ui.import_export import ImportExportController
from ui.key_routing import KeyRouter
from ui.keys import LayoutIndependentShortcuts, latin_key
from ui.open_project import ProjectOpener
from ui.panels import kind_title, status_title
from ui.panes import DocumentsPane, SidePanes, icon, side_dock
from ui.plain_text import isolate, ltr, span_range, visible_controls
from ui.project_docks import ProjectDocks
from ui.project_lock import ProjectLock
from ui.recommender_service import RecommenderService
from ui.search_controller import SearchController
from ui.search_index_progress import ensure_search_index
from ui.search_panel import VariantsDialog
from ui.suggestions import SuggestionsController
from ui.tagging import TaggingController
from ui.team import TeamController
from ui.view_prefs import DEFAULT_ZOOM, ViewPreferences

log = logging.getLogger(__name__)

# The arrangement of toolbar and docks, kept per user (QSettings). Version 2: the panels became
# docks; an older saved state (side tabs in a splitter) is not restored, the defaults apply.
WINDOW_STATE_KEY = "windowState"
WINDOW_STATE_VERSION = 2


def plain_message(
    parent: QWidget | None, icon_kind: QMessageBox.Icon, title: str, text: str
) -> QMessageBox:
    """A message box that shows its text as plain text (file names, error reasons)."""
    box = QMessageBox(icon_kind, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


class MainWindow(QMainWindow):
    def __init__(
        self,
        project: Project,
        settings: QSettings,
        font_family: str = "Amiri",
        lock: ProjectLock | None = None,
    ) -> None:
        super().__init__()
        self.project = project
        self.lock = lock
        self.prefs = ViewPreferences(settings, project.path)
        self.setAcceptDrops(True)
        self._label_actions: list[QAction] = []

        # --- the parts ----------------------------------------------------------------------
        self.docs = DocumentController(project, self)
        self.view = DocumentView(self)
        self.view.set_font_family(font_family)
        self.view.set_point_size(self.prefs.zoom)
        self.panes = SidePanes(lambda: self.docs.session, self)
        self.panes.build_claim_filters(project.schema())
        self.documents = DocumentsPane(self.docs.doc_model, self)
        self.search = SearchController(self.docs, self.view, self.panes.search_panel, self)
        self.recommender = RecommenderService(
            project.path, lambda: exceptions_for(project.setting("clitic_exceptions", "")), self
        )
        self.suggestions = SuggestionsController(
            self.docs,
            self.view,
            self.prefs,
            self,
            recommender=self.recommender,
            boundary=lambda: self.tagging.boundary_policy(),
        )
        self.attribution = AttributionController(self.docs, self.view, self)
        self.tagging = TaggingController(
            self.docs, self.view, self.search, self.suggestions, self, self
        )
        self.io = ImportExportController(self.docs, self.prefs, self, self)
        self.opener = ProjectOpener(project.path, project.annotator_name, self.prefs, self, self)
        self.opener.message.connect(self.show_message)
        self.team = TeamController(self.docs, self, self.prefs)
        self.curation_dock = CurationDock(self.docs, self)
        self.keys = KeyRouter()
        self.project_docks = ProjectDocks(self, self.docs, self.view)
        self.watcher = ExternalChangeWatcher(self.docs, self)
        # the window's own import writes through a connection of its own: not "another program"
        self.io.importStarted.connect(self.watcher.stop)
        self.io.importFinished.connect(lambda _report: self.watcher.resume())
        guides = self.project_docks
        self.tagging.show_guidelines = guides.show_guidelines_for
        self.view.guideline_excerpt = guides.guideline_excerpt
        self.panes.legend.guidelinesRequested.connect(guides.show_guidelines_for)

        # --- layout -------------------------------------------------------------------------
        self.empty_page = self._build_empty_page()
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty_page)
        self.stack.addWidget(self.view)
        # The article is the central widget; the document list and the panels are docks around
        # it (the document list on the reading side: left in English, right in Arabic).
        rtl = self.isRightToLeft()
        self.leading_area = (
            Qt.DockWidgetArea.RightDockWidgetArea if rtl else Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.trailing_area = (
            Qt.DockWidgetArea.LeftDockWidgetArea if rtl else Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.documents_dock = side_dock("documents", self.tr("Documents"), self.documents, self)
        self.addDockWidget(self.leading_area, self.documents_dock)
        self.panes.install(self, self.trailing_area)
        self._dock_defaults_due = True
        # The arrangement is kept as the user changes it (not only on close, which a killed
        # process never reaches); a burst of moves is one write.
        self._state_timer = QTimer(self)
        self._state_timer.setSingleShot(True)
        self._state_timer.setInterval(500)
        self._state_timer.timeout.connect(self.save_window_state)
        for dock in (self.documents_dock, *self.panes.docks.values()):
            dock.dockLocationChanged.connect(lambda _area: self._state_timer.start())
            dock.topLevelChanged.connect(lambda _floating: self._state_timer.start())
            dock.toggleViewAction().triggered.connect(lambda _on: self._state_timer.start())
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.readonly_banner = QLabel(
            self.tr(
                "This project is open read-only (the file or its folder cannot be written): "
                "you can read, search and export; edits are not possible."
            ),
            self,
        )
        self.readonly_banner.setTextFormat(Qt.TextFormat.PlainText)
        self.readonly_banner.setWordWrap(True)
        self.readonly_banner.setStyleSheet(
            "background: #fff3cd; color: #5c4400; padding: 6px; border-bottom: 1px solid #e0c060"
        )
        self.readonly_banner.setVisible(project.readonly)
        column.addWidget(self.readonly_banner)
        column.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.status_combo = QComboBox(self)
        for status in STATUSES:
            self.status_combo.addItem(status_title(status), status)
        self.status_combo.setToolTip(self.tr("Status of this document"))
        self.policy_combo = QComboBox(self)
        self.policy_combo.addItem(self.tr("whole token (وبوتين)"), "token")
        self.policy_combo.addItem(self.tr("strip clitics (و+بوتين)"), "strip_clitics")
        self.policy_combo.setToolTip(
            self.tr(
                "How a selection snaps to word boundaries (Alt+key always tags the exact characters).\n"
                "Stored with each annotation, so exports say which convention they follow."
            )
        )
        self._show_policy(self.tagging.boundary_policy())
        self.position_label = QLabel("", self)
        self.position_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self.position_label)
        self.annotator_label = QLabel("", self)
        self.annotator_label.setTextFormat(Qt.TextFormat.PlainText)
        self.annotator_label.setToolTip(self.tr("Who is annotating"))
        self.statusBar().addPermanentWidget(self.annotator_label)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.curation_dock)
        self.curation_dock.hide()

        self._build_actions()
        self._route_keys()
        # Shortcuts by physical key: with only an Arabic layout, ض is Q, ١ is 1, Ctrl+ئ Ctrl+Z.
        self.layout_keys = LayoutIndependentShortcuts(self)
        self._connect()
        self._apply_schema_to_ui()
        self.docs.reload_documents()
        self._restore_geometry()
        last = self.prefs.last_document
        start = last if last and self.docs.info(last) is not None else self.docs.first_document()
        if start is not None:
            self.docs.open(start)
        self._update_title()

    # --- wiring -------------------------------------------------------------------------------
    def _connect(self) -> None:
        docs = self.docs
        docs.documentOpened.connect(self._document_opened)
        docs.changed.connect(self._on_change)
        docs.statusChanged.connect(self._status_changed)
        docs.schemaChanged.connect(lambda _schema: self._apply_schema_to_ui())
        docs.documentsReloaded.connect(self._documents_reloaded)
        docs.editFailed.connect(self._edit_failed)
        for part in (
            self.search,
            self.suggestions,
            self.attribution,
            self.tagging,
            self.io,
            self.team,
            self.watcher,
        ):
            part.message.connect(self.show_message)
        self.view.spanClicked.connect(self.select_span)
        self.view.selectionRangeChanged.connect(self._show_selection_info)
        self.view.extra_bands = self._bands
        self.documents.documentActivated.connect(self._document_activated)
        self.documents.statusRequested.connect(self.set_status_of)
        self.panes.spanActivated.connect(self._span_row_activated)
        self.panes.details.attributeEdited.connect(self.tagging.set_attribute)
        self.panes.details.pickRequested.connect(
            lambda sid, role: self.attribution.begin(role, sid)
        )
        self.panes.legend.labelActivated.connect(lambda name: self.tagging.tag_selection(name))
        self.attribution.activeChanged.connect(self._attribution_active)
        self.tagging.selectRequested.connect(self.select_span)
        self.tagging.policyChanged.connect(self._show_policy)
        self.suggestions.activeChanged.connect(self.act_suggest.setChecked)
        self.status_combo.activated.connect(lambda i: self.set_status(STATUSES[i]))
        self.policy_combo.activated.connect(
            lambda i: self.tagging.set_boundary_policy(self.policy_combo.itemData(i))
        )

    def _route_keys(self) -> None:
        """The one order in which keys several parts want are offered (first taker wins)."""
        a, s, t = self.attribution, self.suggestions, self.tagging
        self.keys.route(
            "Enter",
            ("attribution: the selected words become the speaker/cue/claimant", a.enter),
            ("suggestions: accept the current suggestion", s.accept_current),
        )
        self.keys.route(
            "Backspace",
            ("suggestions: reject the current suggestion", s.reject_current),
            ("tagging: delete the selected annotation", t.delete_active),
        )
        self.keys.route(
            "Esc",
            ("attribution: leave this role unknown, go to the next", a.escape),
            ("suggestions: leave suggestion mode", self._leave_suggestions),
            ("selection: clear the selection and the selected annotation", self._clear_active),
        )
        self.keys.route("N", ("suggestions: next suggestion", lambda: s.step(+1)))
        self.keys.route("Shift+N", ("suggestions: previous suggestion", lambda: s.step(-1)))
        self.keys.route("A", ("attribution: the article itself is the claimant", a.article))

    def _leave_suggestions(self) -> bool:
        if not self.suggestions.active and not self.suggestions.pending:
            return False
        self.suggestions.set_active(False)
        return True

    # --- construction -------------------------------------------------------------------------
    def _build_empty_page(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        title = QLabel(self.tr("<h2>No articles yet</h2>"), page)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(
            self.tr(
                "Import Arabic articles (.txt in UTF-8, UTF-16 or Windows-1256) or Hashiya JSONL.<br>"
                "Drop files or folders on this window, or press <b>Ctrl+O</b>."
            ),
            page,
        )
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)
        self.import_button = QPushButton(
            icon("fa5s.file-import"), self.tr("  Import articles…"), page
        )
        self.import_button.setMinimumHeight(44)
        self.import_button.clicked.connect(lambda: self.io.import_dialog())
        # CoNLL, doccano, Label Studio, brat, Prodigy, spaCy, INCEpTION
        self.import_other_button = QPushButton(self.tr("Files from another tool…"), page)
        self.import_other_button.setFlat(True)
        self.import_other_button.clicked.connect(lambda: self.io.import_other_dialog())
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addSpacing(12)
        layout.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.import_other_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        return page

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: str | Sequence[str] | QKeySequence.StandardKey | None = None,
        icon_name: str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name))
        if isinstance(shortcut, str | QKeySequence.StandardKey):
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
        stack = self.docs.undo_stack
        self.act_open_project = a(
            self.tr("&Open project…"),
            self.opener.open_dialog,
            None,
            "fa5s.folder",
            self.tr("Open another project file in a window of its own"),
        )
        self.act_import = a(
            self.tr("&Import articles…"),
            self.io.import_dialog,
            "Ctrl+O",
            "fa5s.file-import",
            self.tr("Import .txt articles or Hashiya .jsonl"),
        )
        self.act_import_folder = a(
            self.tr("Import &folder…"),
            self.io.import_folder_dialog,
            "Ctrl+Shift+O",
            "fa5s.folder-open",
            self.tr("Import every article under a folder and its subfolders"),
        )
        self.act_import_other = a(
            self.tr("Import from &another tool…"),
            self.io.import_other_dialog,
            None,
            "fa5s.file-import",
            self.tr("Import CoNLL, doccano, Label Studio, brat, Prodigy, spaCy or INCEpTION files"),
        )
        self.act_export = a(
            self.tr("&Export…"),
            self.io.export_dialog,
            "Ctrl+E",
            "fa5s.file-export",
            self.tr("Write the documents and their annotations in a format of your choice"),
        )
        self.act_quit = a(self.tr("&Quit"), self.close, "Ctrl+Q")
        # The toolbar's undo/redo keep a fixed text: QUndoStack's own actions rename themselves
        # after every edit, which re-lays out the toolbar on the keypress path. The Edit menu
        # shows the named ones ("Undo tag PERS").
        self.act_undo = a(self.tr("Undo"), stack.undo, "Ctrl+Z", "fa5s.undo")
        self.act_redo = a(self.tr("Redo"), stack.redo, ["Ctrl+Shift+Z", "Ctrl+Y"], "fa5s.redo")
        self.act_undo.setEnabled(False)
        self.act_redo.setEnabled(False)
        stack.canUndoChanged.connect(self.act_undo.setEnabled)
        stack.canRedoChanged.connect(self.act_redo.setEnabled)
        self.menu_undo = stack.createUndoAction(self, self.tr("&Undo"))
        self.menu_redo = stack.createRedoAction(self, self.tr("&Redo"))
        self.menu_undo.setIcon(icon("fa5s.undo"))
        self.menu_redo.setIcon(icon("fa5s.redo"))
        self.act_delete = a(
            self.tr("&Delete annotation"), self.tagging.delete_active, "Delete", "fa5s.trash-alt"
        )
        self.act_backspace = a(
            self.tr("Reject suggestion / delete"),
            lambda: self.keys.dispatch("Backspace"),
            "Backspace",
        )
        self.act_enter = a(
            self.tr("Accept suggestion / confirm"),
            lambda: self.keys.dispatch("Enter"),
            ["Return", "Enter"],
        )
        # Enter belongs to the article view: in the search field or a dialog it keeps its meaning.
        self.removeAction(self.act_enter)
        self.act_enter.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.view.addAction(self.act_enter)
        self.act_suggest = a(
            self.tr("&Suggest quotes and claims"),
            lambda: self.suggestions.set_active(self.act_suggest.isChecked()),
            "F7",
            "fa5s.magic",
            self.tr("Propose quotes and claims from cue verbs, quotation marks and numbers"),
        )
        self.act_suggest.setCheckable(True)
        self.act_next_sugg = a(
            self.tr("&Next suggestion"), lambda: self.keys.dispatch("N"), "N", "fa5s.chevron-down"
        )
        self.act_prev_sugg = a(
            self.tr("&Previous suggestion"),
            lambda: self.keys.dispatch("Shift+N"),
            "Shift+N",
            "fa5s.chevron-up",
        )
        self.act_accept_all = a(
            self.tr("Accept all suggestions of this batch"),
            self.suggestions.accept_batch,
            ["Ctrl+Shift+Return", "Ctrl+Shift+Enter"],
        )
        self.act_reject_all = a(
            self.tr("Reject all suggestions of this batch"),
            self.suggestions.reject_batch,
            "Ctrl+Shift+Backspace",
        )
        self.act_min_confidence = a(
            self.tr("Minimum suggestion &confidence…"),
            self.ask_min_confidence,
            None,
            None,
            self.tr("Hide quote and claim suggestions the rules are less sure of"),
        )
        self.act_tag_all = a(
            self.tr("&Tag all occurrences"),
            self.tagging.tag_all,
            "Ctrl+T",
            "fa5s.clone",
            self.tr("Propose the selected entity's label on every variant of its text"),
        )
        self.act_tag_all_project = a(
            self.tr("Tag all occurrences in the &project…"),
            lambda: self.tagging.tag_all(project_wide=True),
            "Ctrl+Shift+T",
        )
        self.act_find = a(
            self.tr("&Find variants…"),
            self.focus_search,
            "Ctrl+F",
            "fa5s.search",
            self.tr("Search with Arabic spelling variants, in this document or the project"),
        )
        self.act_find_next = a(self.tr("Find next"), lambda: self.search.step(+1), "F3")
        self.act_find_prev = a(self.tr("Find previous"), lambda: self.search.step(-1), "Shift+F3")
        self.act_diacritics = a(
            self.tr("&Hide diacritics"),
            lambda: self.view.set_hide_diacritics(self.act_diacritics.isChecked()),
            "Ctrl+Shift+D",
            None,
            self.tr("Read without tashkeel; selections still store exact offsets"),
        )
        self.act_diacritics.setCheckable(True)
        self.act_label_tags = a(
            self.tr("Label &tags"),
            self.toggle_label_tags,
            None,
            None,
            self.tr("Write each entity's label name at its start, not only its colour"),
        )
        self.act_label_tags.setCheckable(True)
        self.act_label_tags.setChecked(self.prefs.label_tags)
        self.view.set_label_tags(self.prefs.label_tags)
        self.act_variants = a(
            self.tr("&Variants of a label…"), self.show_variants, None, "fa5s.list-ul"
        )
        self.act_exceptions = a(
            self.tr("Clitic &exceptions…"),
            self.edit_clitic_exceptions,
            None,
            None,
            self.tr("Words that only look prefixed (never split by 'strip clitics')"),
        )
        self.act_relabel = a(
            self.tr("Change &label…"),
            self.tagging.pick_label,
            "Ctrl+L",
            "fa5s.tag",
            self.tr("Choose a label for the selection or the selected entity"),
        )
        self.act_escape = a(
            self.tr("Cancel / leave suggestions / clear selection"),
            lambda: self.keys.dispatch("Esc"),
            "Escape",
        )
        self.act_schema = a(self.tr("Edit &labels…"), self.edit_schema, None, "fa5s.palette")
        self.act_zoom_in = a(
            self.tr("Zoom &in"), lambda: self.zoom(+2), ["Ctrl++", "Ctrl+="], "fa5s.search-plus"
        )
        self.act_zoom_out = a(
            self.tr("Zoom &out"), lambda: self.zoom(-2), "Ctrl+-", "fa5s.search-minus"
        )
        self.act_zoom_reset = a(self.tr("&Reset zoom"), lambda: self.zoom(0), "Ctrl+0")
        self.act_next_doc = a(
            self.tr("&Next document"), lambda: self.docs.step(+1), "Ctrl+PgDown", "fa5s.arrow-down"
        )
        self.act_prev_doc = a(
            self.tr("&Previous document"), lambda: self.docs.step(-1), "Ctrl+PgUp", "fa5s.arrow-up"
        )
        self.status_actions = [
            a(
                self.tr("Mark as {status}").format(status=status_title(s)),
                lambda s=s: self.set_status(s),
                f"Ctrl+Shift+{i + 1}",
            )
            for i, s in enumerate(STATUSES)
        ]
        # checked = the open document's status: the toolbar's status chooser as menu entries
        status_group = QActionGroup(self)
        status_group.setExclusive(True)
        for act in self.status_actions:
            act.setCheckable(True)
            status_group.addAction(act)
        self.act_about = a(self.tr("&About Hashiya"), self.show_about)
        self.act_label_guidelines = a(
            self.tr("&Guidelines for the selected label"),
            self.show_guidelines_for_selection,
            "F1",
            "fa5s.book",
            self.tr("The guidelines' section on the selected annotation's label"),
        )
        self.act_guidelines = self.project_docks.guidelines.toggleViewAction()
        self.act_guidelines.setText(self.tr("&Guidelines"))
        self.act_guidelines.setShortcut(QKeySequence("Ctrl+Shift+G"))
        self.act_statistics = self.project_docks.statistics.toggleViewAction()
        self.act_statistics.setText(self.tr("&Statistics"))
        self.act_statistics.setShortcut(QKeySequence("Ctrl+Shift+S"))

        menu = self.menuBar()
        self.file_menu = menu.addMenu(self.tr("&File"))
        self.file_menu.addAction(self.act_open_project)
        self.file_menu.addSeparator()
        for act in (
            self.act_import,
            self.act_import_folder,
            self.act_import_other,
            self.act_export,
        ):
            self.file_menu.addAction(act)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.act_quit)
        self.edit_menu = menu.addMenu(self.tr("&Edit"))
        for act in (self.menu_undo, self.menu_redo):
            self.edit_menu.addAction(act)
        self.edit_menu.addSeparator()
        for act in (self.act_relabel, self.act_delete, self.act_escape):
            self.edit_menu.addAction(act)
        self.review_menu = menu.addMenu(self.tr("&Review"))
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
            self.review_menu.addAction(act)
        self.label_menu = menu.addMenu(self.tr("&Labels"))
        self.view_menu = menu.addMenu(self.tr("&View"))
        for act in (self.act_zoom_in, self.act_zoom_out, self.act_zoom_reset):
            self.view_menu.addAction(act)
        self.view_menu.addSeparator()
        for act in (
            self.act_diacritics,
            self.act_label_tags,
            self.act_find,
            self.act_find_next,
            self.act_find_prev,
            self.act_variants,
        ):
            self.view_menu.addAction(act)
        self.view_menu.addSeparator()
        self._build_language_menu()
        self.doc_menu = menu.addMenu(self.tr("&Document"))
        for act in (self.act_next_doc, self.act_prev_doc):
            self.doc_menu.addAction(act)
        self.doc_menu.addSeparator()
        for act in self.status_actions:
            self.doc_menu.addAction(act)
        self.view_menu.addSeparator()
        self._build_panels_menu()
        self.act_assign = a(self.tr("&Assign documents…"), self.team.assign_dialog)
        self.act_merge = a(self.tr("&Merge annotators' files…"), self.team.merge_dialog)
        self.act_agreement = a(self.tr("A&greement…"), self.team.show_agreement, "Ctrl+Alt+K")
        self.act_curate = a(
            self.tr("&Curate (edit the gold layer)"), self.toggle_curation, "Ctrl+Alt+G"
        )
        self.act_curate.setCheckable(True)
        self.act_take_agreed = a(
            self.tr("Take all &agreed spans"), self.curation_dock.take_agreed, "Ctrl+Alt+A"
        )
        self.act_take_version = a(
            self.tr("&Take the selected version"), self.curation_dock.take_selected, "Ctrl+Alt+T"
        )
        self.team_menu = menu.addMenu(self.tr("&Team"))
        for act in (self.act_assign, self.act_merge, self.act_agreement):
            self.team_menu.addAction(act)
        self.team_menu.addSeparator()
        for act in (self.act_curate, self.act_take_agreed, self.act_take_version):
            self.team_menu.addAction(act)
        self.help_menu = menu.addMenu(self.tr("&Help"))
        self.help_menu.addAction(self.act_label_guidelines)
        self.help_menu.addAction(self.act_about)

        self.toolbar = toolbar = QToolBar(self.tr("Main"), self)
        toolbar.setObjectName("main-toolbar")
        # Icons only (names and shortcuts on hover), so the whole bar, both choosers included,
        # fits a 1024-px window in either language; Import keeps its name, it is the first
        # thing a new user looks for. What still overflows on a narrower window is in the
        # menus too: every control of the bar has a menu entry (File, Edit, Review, Document).
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
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
        toolbar.addWidget(QLabel(self.tr(" Status: "), self))
        toolbar.addWidget(self.status_combo)
        toolbar.addWidget(QLabel(self.tr("  Boundaries: "), self))
        toolbar.addWidget(self.policy_combo)
        import_button = toolbar.widgetForAction(self.act_import)
        if isinstance(import_button, QToolButton):
            import_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for act in toolbar.actions():
            if act.icon().isNull() or not act.shortcut().toString():
                continue
            shortcut = act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            act.setToolTip(f"{act.text().replace('&', '')} ({ltr(shortcut)})")
        self.addToolBar(toolbar)
        self._build_boundary_menu()

    def _build_boundary_menu(self) -> None:
        """Edit > Boundaries: the toolbar's boundary chooser as menu entries (checked = the
        project's policy), so it is reachable when the bar overflows."""
        self.boundary_menu = self.edit_menu.addMenu(self.tr("&Boundaries"))
        group = QActionGroup(self)
        group.setExclusive(True)
        self.boundary_actions: dict[str, QAction] = {}
        for i in range(self.policy_combo.count()):
            policy = str(self.policy_combo.itemData(i))
            act = QAction(self.policy_combo.itemText(i), self)
            act.setCheckable(True)
            act.triggered.connect(partial(self._boundary_chosen, policy))
            group.addAction(act)
            self.boundary_menu.addAction(act)
            self.boundary_actions[policy] = act
        self._show_policy(self.tagging.boundary_policy())

    def _boundary_chosen(self, policy: str, _checked: bool = False) -> None:
        self.tagging.set_boundary_policy(policy)

    def _build_panels_menu(self) -> None:
        """View > Panels: every dock, checked while open; closing one gives its width back to
        the article."""
        self.panels_menu = self.view_menu.addMenu(self.tr("&Panels"))
        self.act_documents_panel = self.documents_dock.toggleViewAction()
        self.act_documents_panel.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.panels_menu.addAction(self.act_documents_panel)
        self.panels_menu.addSeparator()
        for dock in self.panes.docks.values():
            self.panels_menu.addAction(dock.toggleViewAction())
        self.panels_menu.addSeparator()
        for act in (self.act_guidelines, self.act_statistics):
            self.panels_menu.addAction(act)
        self.panels_menu.addSeparator()
        self.act_reset_panels = self._action(self.tr("&Reset panel layout"), self.reset_panels)
        self.panels_menu.addAction(self.act_reset_panels)

    def _build_language_menu(self) -> None:
        """View > Language: the choice is kept per user and applies at the next start."""
        self.language_menu = self.view_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        group.setExclusive(True)
        chosen = chosen_language(self.prefs.settings)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            act = QAction(name, self)  # each language in its own name, whatever the interface
            act.setCheckable(True)
            act.setChecked(code == chosen)
            act.triggered.connect(partial(self._language_chosen, code))
            group.addAction(act)
            self.language_menu.addAction(act)
            self.language_actions[code] = act

    def _language_chosen(self, lang: str, _checked: bool = False) -> None:
        self.choose_language(lang)

    def choose_language(self, lang: str) -> QMessageBox | None:
        """Keep lang for this user; the interface switches at the next start (said so)."""
        before = chosen_language(self.prefs.settings)
        self.prefs.settings.setValue(LANGUAGE_SETTING, lang)
        self.language_actions[lang].setChecked(True)
        if lang == before:
            return None
        box = plain_message(
            self,
            QMessageBox.Icon.Information,
            self.tr("Interface language"),
            self.tr(
                "The interface will be in {language} from the next start of Hashiya.\n"
                "Close the window and open it again to switch now."
            ).format(language=LANGUAGES[lang]),
        )
        self.language_box = box
        box.open()
        return box

    def _apply_schema_to_ui(self) -> None:
        """(Re)create the label key actions and the legend from the project's schema."""
        schema = self.project.schema()
        for act in self._label_actions:
            self.removeAction(act)
            act.deleteLater()
        self._label_actions = []
        self.label_menu.clear()
        tag = self.tagging.tag_selection
        for label in schema.labels_for("entity"):
            name = label.display_name(current_language())
            act = QAction(f"{name} ({label.name})" + (f"\t{label.key}" if label.key else ""), self)
            act.setStatusTip(label.description(current_language()) or name)
            act.triggered.connect(lambda _c=False, n=label.name: tag(n))
            if label.key:
                act.setShortcut(QKeySequence(label.key))
                exact = QAction(
                    self.tr("{label} (exact characters)").format(label=label.name), self
                )
                exact.setShortcut(QKeySequence(f"Alt+{label.key}"))
                exact.triggered.connect(lambda _c=False, n=label.name: tag(n, exact=True))
                self.addAction(exact)
                self._label_actions.append(exact)
            self.addAction(act)
            self.label_menu.addAction(act)
            self._label_actions.append(act)
        self.label_menu.addSeparator()
        starts = {"quote": self.attribution.start_quote, "claim": self.attribution.start_claim}
        for kind, slot in starts.items():
            for label in schema.labels_for(kind):
                act = QAction(
                    kind_title(schema.kind(kind).title)
                    + (f"\t{label.key.upper()}" if label.key else ""),
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
        self.panes.set_schema(schema)
        self.view.set_schema(schema)

    # --- following the document controller ----------------------------------------------------
    @property
    def session(self) -> DocumentSession | None:
        return self.docs.session

    def _documents_reloaded(self) -> None:
        self.documents.update_progress()
        has_documents = self.documents.totals.total > 0
        self.stack.setCurrentWidget(self.view if has_documents else self.empty_page)
        if self.docs.doc_id is not None:
            self.documents.show_current(self.docs.doc_id)

    def _document_opened(self, session: DocumentSession) -> None:
        """A document is on screen. The parts that follow documents (search, suggestions,
        attribution) reset themselves from the same signal, connected before this one."""
        self.stack.setCurrentWidget(self.view)
        self.view.set_document(session.text, session.index, session.schema)
        self.panes.reset(session)
        self.documents.show_current(session.doc.id)
        self._sync_status_combo()
        self.prefs.last_document = session.doc.id
        self._update_title()

    def _document_activated(self, doc_id: str) -> None:
        if self.docs.doc_id != doc_id:
            self.docs.open(doc_id)

    def _on_change(self, change: Change) -> None:
        """An edit was committed. The order is fixed: the view first (it is what the user
        looks at), then the span lists, the suggestions (drop what is now stored), and last
        the details of the selected annotation (which read the lists' and links' new state)."""
        touched = change.spans_touched()
        view = self.view
        if change.removed and view.active_span_id in {s.id for s in change.removed}:
            view.active_span_id = None
        if change.links_added or change.links_removed:
            view.refresh()
        elif view.touches_window(touched):
            view.refresh(dirty=touched)
        self.panes.apply(change)
        self.suggestions.on_change(change)
        session = self.docs.session
        if session is not None and view.active_span_id:
            active = session.index.get(view.active_span_id)
            touches_active = active is not None and any(s.id == active.id for s in touched)
            if touches_active or change.links_added or change.links_removed:
                self._show_active()

    def _status_changed(self, doc_id: str, _status: str) -> None:
        self.documents.update_progress()
        if self.docs.doc_id == doc_id:
            self._sync_status_combo()

    def _edit_failed(self, what: str, reason: str) -> None:
        log.error("edit %r not stored: %s", what, reason)
        self.show_message(
            self.tr("{what}: not stored — {reason}").format(
                what=isolate(what), reason=isolate(reason)
            ),
            8000,
        )
        plain_message(
            self,
            QMessageBox.Icon.Warning,
            self.tr("Edit not stored"),
            self.tr("“{what}” failed and was not stored:\n{reason}\n\nDetails: {log}").format(
                what=isolate(what), reason=isolate(reason), log=ltr(str(log_path()))
            ),
        ).open()

    # --- status -------------------------------------------------------------------------------
    def _sync_status_combo(self) -> None:
        if self.docs.doc_id is not None:
            index = STATUSES.index(self.docs.status(self.docs.doc_id))
            self.status_combo.setCurrentIndex(index)
            self.status_actions[index].setChecked(True)

    def set_status(self, status: str) -> None:
        if self.docs.doc_id is not None:
            self.set_status_of(self.docs.doc_id, status)

    def set_status_of(self, doc_id: str, status: str) -> None:
        old = self.docs.status(doc_id)
        if old != status:
            self.docs.push(SetStatus(self.docs, doc_id, old, status))

    # --- selection ----------------------------------------------------------------------------
    def select_span(self, span_id: str) -> None:
        """A click on a span (or a row): while a pick runs it may take it; else select it."""
        session = self.docs.session
        if session is None:
            return
        span = session.index.get(span_id) if span_id else None
        if span is not None and self.attribution.click(span):
            return
        self.view.active_span_id = span.id if span else None
        self._show_active()
        self.view.refresh()
        if span is not None:
            self.show_message(
                f"{isolate(self.label_title(span.label))}: "
                f"{isolate(session.text[span.start : span.end])}  {span_range(span.start, span.end)}",
                5000,
            )

    def _span_row_activated(self, span_id: str) -> None:
        session = self.docs.session
        span = session.index.get(span_id) if session else None
        if span is not None:
            self.view.scroll_to(span.start, span.end)
            self.select_span(span.id)

    def _attribution_active(self, span_id: str) -> None:
        self.view.active_span_id = span_id or None
        self._show_active()
        self.view.refresh()

    def _show_active(self) -> None:
        session = self.docs.session
        if session is None:
            return
        span = session.index.get(self.view.active_span_id or "")
        self.view.related_span_ids = tuple(related_ids(session.index, span)) if span else ()
        self.panes.show_span(span, focus_details=not self.attribution.picking)

    def _clear_active(self) -> bool:
        self.view.active_span_id = None
        self.view.related_span_ids = ()
        self.view.clear_selection()
        self.panes.show_span(None, focus_details=False)
        self.view.refresh()
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        # by the key's place, so that ش (the A key of an Arabic layout) is A too
        if latin_key(event) == Qt.Key.Key_A and self.keys.dispatch("A"):
            return
        super().keyPressEvent(event)

    def ask_min_confidence(self) -> None:
        value, ok = QInputDialog.getDouble(
            self,
            self.tr("Minimum suggestion confidence"),
            self.tr("Show quote and claim suggestions with a confidence of at least (0–1):"),
            min_confidence_for("quote", self.prefs.min_confidence),
            0.0,
            1.0,
            2,
        )
        if ok:
            self.suggestions.set_min_confidence(value)

    # --- search and variants ------------------------------------------------------------------
    def focus_search(self) -> None:
        self.panes.show_search()
        rng = self.view.selection_range()
        session = self.docs.session
        edit = self.panes.search_panel.edit
        if rng is not None and session is not None and rng[1] - rng[0] < 60:
            edit.setText(session.text[rng[0] : rng[1]].strip())
        edit.setFocus()
        edit.selectAll()

    def _variants_of(self, label: str) -> list[VariantGroup] | None:
        """The label's variants from the project's indexes (completed first when missing), on
        a read-only connection of a worker thread while a busy dialog says so, or None when
        the user stops it: a label with thousands of spellings takes minutes at corpus scale.
        Counts only: the dialog shows no occurrence, and a corpus holds millions."""
        ensure_search_index(self.project, self)
        path, policy = self.project.path, self.tagging.boundary_policy()
        stop = threading.Event()
        reached = (0, 0)  # (done, total) as the count last said

        def said(done: int, total: int) -> None:
            nonlocal reached
            reached = (done, total)

        def compute() -> list[VariantGroup]:
            with Project(path, readonly=True) as reader:
                return variants_in_project(
                    reader, label, "entity", policy, places=False, stop=stop.is_set, progress=said
                )

        try:
            return run_busy(
                compute,
                self.tr("Variants"),
                self.tr("Finding the spellings of {label} in the project…").format(
                    label=ltr(label)
                ),
                self,
                stop=stop,
                progress=lambda: reached,
            )
        except Stopped:
            return None

    def show_variants(self) -> VariantsDialog:
        dialog = VariantsDialog(
            self.project.schema(),
            self._variants_of,
            self,
        )

        def search_for(query: str) -> None:
            self.panes.search_panel.set_query(query, project_wide=True)
            self.search.search(query, True, True)
            self.panes.show_search()

        dialog.searchRequested.connect(search_for)
        dialog.reload()
        self.variants_dialog = dialog
        dialog.open()
        return dialog

    def edit_clitic_exceptions(self) -> None:
        current = self.project.setting("clitic_exceptions", "")
        text, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Clitic exceptions"),
            self.tr(
                "Words that only look prefixed, one per line (never split by 'strip clitics'):"
            ),
            current,
        )
        if ok and text != current:
            self.project.set_setting(
                "clitic_exceptions", "\n".join(w.strip() for w in text.splitlines() if w.strip())
            )
            self.search.invalidate()

    def _bands(self, lo: int, hi: int) -> list[Band]:
        session = self.docs.session
        if session is None:
            return []
        schema = session.schema

        def color(label: str, fallback: str) -> QColor:
            return QColor(schema.label(label).color if schema.has_label(label) else fallback)

        index = session.index
        out = [
            Band(s.start, s.end, color(s.label, "#2e7d32"), "band", 0)
            for s in index.overlapping(lo, hi, ("quote",))
        ]
        out += [
            Band(s.start, s.end, color(s.label, "#c2185b"), "band", 1)
            for s in index.overlapping(lo, hi, ("claim",))
        ]
        out += [
            Band(s.start, s.end, color(s.label, "#6a1b9a"), "band", 2)
            for s in index.overlapping(lo, hi, ("mention", "cue"))
        ]
        out += self.search.bands(lo, hi)
        out += self.suggestions.bands(lo, hi, color)
        return out

    # --- label schema -------------------------------------------------------------------------
    def edit_schema(self) -> None:
        editor = SchemaEditor(self.project.schema(), self.project.label_usage, "entity", self)
        if editor.exec() and editor.result_schema is not None:
            if editor.result_schema != self.project.schema() or editor.renames:
                self.docs.push(
                    ChangeSchema(
                        self.docs, self.project.schema(), editor.result_schema, editor.renames
                    )
                )

    # --- view ---------------------------------------------------------------------------------
    def zoom(self, step: int) -> None:
        """Zoom is the user's view preference: kept in QSettings, never in the project."""
        size = DEFAULT_ZOOM if step == 0 else self.view.point_size + step
        self.view.set_point_size(size)
        self.prefs.zoom = self.view.point_size

    def toggle_label_tags(self) -> None:
        """View > Label tags, kept per user."""
        shown = self.act_label_tags.isChecked()
        self.view.set_label_tags(shown)
        self.prefs.label_tags = shown

    def show_message(self, text: str, timeout: int = 0) -> None:
        self.statusBar().showMessage(text, timeout)

    def _show_policy(self, policy: str) -> None:
        self.policy_combo.setCurrentIndex(max(0, self.policy_combo.findData(policy)))
        act = getattr(self, "boundary_actions", {}).get(policy)
        if act is not None:
            act.setChecked(True)

    def _show_selection_info(self) -> None:
        rng = self.view.selection_range()
        if rng is None:
            self.position_label.setText("")
        else:
            self.position_label.setText(
                self.tr("selection {range}  {n} chars").format(
                    range=span_range(rng[0], rng[1]), n=rng[1] - rng[0]
                )
            )

    def _update_title(self) -> None:
        doc = ""
        if self.docs.session is not None:
            doc = f" — {Path(self.docs.session.doc.source).name}"
        who = self.tr("gold (curating)") if self.docs.curating else self.project.annotator_name
        self.setWindowTitle(
            self.tr("Hashiya")
            + " — "
            + isolate(visible_controls(f"{self.project.path.name}{doc}"))
            + " — "
            + isolate(visible_controls(who))
        )
        self.annotator_label.setText(visible_controls(who))

    def label_title(self, code: str) -> str:
        """A label's name in the interface language (its code when the schema has no such label)."""
        schema = self.project.schema()
        if not schema.has_label(code):
            return code
        return schema.label(code).display_name(current_language())

    def toggle_curation(self) -> None:
        """Curating: the editor shows and edits the gold layer, the curation dock lists the
        annotators' versions; off again: back to the annotator's own layer."""
        self.docs.curating = self.act_curate.isChecked()
        self.curation_dock.setVisible(self.docs.curating)
        if self.docs.doc_id is not None:
            self.docs.open(self.docs.doc_id)
        self._update_title()

    def about_text(self) -> str:
        return (
            self.tr("Hashiya — annotating Arabic news: entities, quotes, claims.")
            + "\n\n"
            + self.tr("Project: {path}").format(path=ltr(str(self.project.path)))
            + "\n"
            + self.tr("Log file: {path}").format(path=ltr(str(log_path())))
        )

    def show_about(self) -> QMessageBox:
        box = plain_message(
            self, QMessageBox.Icon.Information, self.tr("About Hashiya"), self.about_text()
        )
        self.about_box = box
        box.open()
        return box

    # --- drag and drop ------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        urls: list[QUrl] = event.mimeData().urls()
        paths = [u.toLocalFile() for u in urls if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.io.import_paths(paths)

    # --- window state -------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self.prefs.state("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            # the first size fits the screen (a 1024×700 laptop gets the whole screen)
            screen = self.screen().availableGeometry()
            self.resize(min(1320, screen.width()), min(860, screen.height()))
        state = self.prefs.state(WINDOW_STATE_KEY)
        if state is not None and self.restoreState(state, WINDOW_STATE_VERSION):
            self._dock_defaults_due = False  # the user's own arrangement

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._dock_defaults_due:
            self._dock_defaults_due = False
            self.default_dock_sizes()

    def default_dock_sizes(self) -> None:
        """Side widths that leave the article most of a laptop screen: the document list and
        the panel column each take a modest share of the window (narrower on a small screen),
        and below 800 px the document list starts closed (View > Panels opens it)."""
        width, height = self.width(), self.height()
        docs_width = max(140, min(240, int(width * 0.15)))
        # …but no narrower than the list's own controls need (filters, totals)
        docs_width = max(docs_width, min(240, self.documents.minimumSizeHint().width() + 4))
        side_width = max(180, min(330, int(width * 0.22)))
        self.documents_dock.setVisible(width >= 800)
        first, second = (self.panes.docks[group[0]] for group in self.panes.GROUPS)
        self.resizeDocks(
            [self.documents_dock, first], [docs_width, side_width], Qt.Orientation.Horizontal
        )
        self.resizeDocks(
            [first, second], [int(height * 0.45), int(height * 0.55)], Qt.Orientation.Vertical
        )

    def reset_panels(self) -> None:
        """View > Panels > Reset: every panel back in its default place and size."""
        for dock in (self.documents_dock, *self.panes.docks.values()):
            dock.setFloating(False)
            dock.show()
        self.addDockWidget(self.leading_area, self.documents_dock)
        for dock in self.panes.docks.values():
            self.removeDockWidget(dock)
        self.panes.install(self, self.trailing_area)
        for dock in self.panes.docks.values():
            dock.show()
        for group in self.panes.GROUPS:
            self.panes.docks[group[0]].raise_()
        self.default_dock_sizes()

    def save_window_state(self) -> None:
        self.prefs.set_state(WINDOW_STATE_KEY, self.saveState(WINDOW_STATE_VERSION))

    def show_guidelines_for_selection(self) -> bool:
        session = self.docs.session
        span = (
            session.index.get(self.view.active_span_id)
            if session and self.view.active_span_id
            else None
        )
        return self.project_docks.show_guidelines_for(span.label if span is not None else None)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.prefs.set_state("geometry", self.saveGeometry())
        self.save_window_state()
        self.prefs.sync()
        self.io.shutdown()  # an import that runs stores the batch it read and ends
        self.recommender.shutdown()
        self.watcher.stop()
        self.project_docks.shutdown()
        if self.lock is not None:
            self.lock.release()
        super().closeEvent(event)
