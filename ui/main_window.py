"""The main window: document list, article view, span panels, menus, undo."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import qtawesome as qta
from PySide6.QtCore import QByteArray, QModelIndex, QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QMainWindow,
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

from annotation.clitics import exceptions_for, splitter
from annotation.documents import STATUS_TITLES, STATUSES
from annotation.schema import LabelSchema
from annotation.snapping import snap
from annotation.spans import Span, new_id
from storage import exporter, importer
from storage.project import Project
from storage.session import Change, DocumentSession, EditRefused
from ui.commands import AddSpans, ChangeSchema, RemoveSpans, SetStatus, UpdateSpans
from ui.dialogs import LabelPicker, ReportDialog, SchemaEditor
from ui.document_view import DocumentView
from ui.panels import DocumentListModel, LegendWidget, SpanListModel, make_list_view

ICON_COLOR = "#37474f"


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
        self.doc_list = make_list_view(self.doc_model, self)
        self.doc_list.activated.connect(self._doc_activated)
        self.doc_list.clicked.connect(self._doc_activated)
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
        self.side_tabs = QTabWidget(self)
        self.side_tabs.addTab(self.entity_list, icon("fa5s.tags"), "Entities")
        self.side_tabs.addTab(self.legend, icon("fa5s.palette"), "Labels")

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
        self.policy_combo.setCurrentIndex(max(0, self.policy_combo.findData(self.boundary_policy())))
        self.policy_combo.activated.connect(lambda i: self.set_boundary_policy(self.policy_combo.itemData(i)))
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
        self.import_button = QPushButton(icon("fa5s.file-import"), "  Import articles…", page)
        self.import_button.setMinimumHeight(44)
        self.import_button.clicked.connect(self.import_dialog)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addSpacing(12)
        layout.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        return page

    def _action(self, text: str, slot, shortcut: str | Sequence[str] | QKeySequence.StandardKey | None = None,
                icon_name: str | None = None, tip: str = "") -> QAction:
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
        self.act_import = a("&Import articles…", self.import_dialog, "Ctrl+O", "fa5s.file-import",
                            "Import .txt articles or Hashiya .jsonl")
        self.act_export = a("&Export JSONL…", self.export_dialog, "Ctrl+E", "fa5s.file-export",
                            "Write every document and its annotations as JSONL")
        self.act_quit = a("&Quit", self.close, "Ctrl+Q")
        self.act_undo = self.undo_stack.createUndoAction(self, "&Undo")
        self.act_undo.setShortcut(QKeySequence("Ctrl+Z"))
        self.act_undo.setIcon(icon("fa5s.undo"))
        self.act_redo = self.undo_stack.createRedoAction(self, "&Redo")
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.act_redo.setIcon(icon("fa5s.redo"))
        self.addAction(self.act_undo)
        self.addAction(self.act_redo)
        self.act_delete = a("&Delete annotation", self.delete_active, ["Delete", "Backspace"], "fa5s.trash-alt")
        self.act_relabel = a("Change &label…", self.pick_label, "Ctrl+L", "fa5s.tag",
                             "Choose a label for the selection or the selected entity")
        self.act_escape = a("Clear selection", self.clear_active, "Escape")
        self.act_schema = a("Edit &labels…", self.edit_schema, None, "fa5s.palette")
        self.act_zoom_in = a("Zoom &in", lambda: self.zoom(+2), ["Ctrl++", "Ctrl+="], "fa5s.search-plus")
        self.act_zoom_out = a("Zoom &out", lambda: self.zoom(-2), "Ctrl+-", "fa5s.search-minus")
        self.act_zoom_reset = a("&Reset zoom", lambda: self.zoom(0), "Ctrl+0")
        self.act_next_doc = a("&Next document", lambda: self.step_document(+1), "Ctrl+PgDown", "fa5s.arrow-down")
        self.act_prev_doc = a("&Previous document", lambda: self.step_document(-1), "Ctrl+PgUp", "fa5s.arrow-up")
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
        for act in (self.act_undo, self.act_redo):
            edit_menu.addAction(act)
        edit_menu.addSeparator()
        for act in (self.act_relabel, self.act_delete, self.act_escape):
            edit_menu.addAction(act)
        self.label_menu = menu.addMenu("&Labels")
        view_menu = menu.addMenu("&View")
        for act in (self.act_zoom_in, self.act_zoom_out, self.act_zoom_reset):
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
        for act in (self.act_undo, self.act_redo, self.act_relabel, self.act_delete):
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
                exact.triggered.connect(lambda _c=False, n=label.name: self.tag_selection(n, exact=True))
                self.addAction(exact)
                self._label_actions.append(exact)
            self.addAction(act)
            self.label_menu.addAction(act)
            self._label_actions.append(act)
        self.label_menu.addSeparator()
        self.label_menu.addAction(self.act_relabel)
        self.label_menu.addAction(self.act_schema)
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

    def open_document(self, doc_id: str) -> None:
        if self.session is not None:
            self.session.observers.clear()
        self.session = DocumentSession(self.project, doc_id)
        self.session.observers.append(self._on_change)
        self.stack.setCurrentWidget(self.view)
        self.view.set_document(self.session.text, self.session.index, self.session.schema)
        self.entity_model.reset(self.session.text, self.session.index, self.session.schema)
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
        if self.view.touches_window(touched) or change.links_added or change.links_removed:
            self.view.refresh()
        self.entity_model.apply(change)
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
                    self.undo_stack.push(UpdateSpans(self, session.doc.id, [replace(active, label=label)],
                                                     f"relabel as {label}"))
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
        span = Span(new_id(), session.doc.id, "entity", label, start, end, {}, policy,
                    self.project.annotator_name)
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
        picker = LabelPicker(self.project.schema(), "entity", self, active.label if active else None)
        if picker.exec() and picker.chosen():
            self.tag_selection(picker.chosen())

    def select_span(self, span_id: str) -> None:
        if self.session is None:
            return
        span = self.session.index.get(span_id) if span_id else None
        self.view.active_span_id = span.id if span else None
        self.view.refresh()
        if span is not None and span.kind == "entity":
            row = self.entity_model.row_of(span)
            self.entity_list.setCurrentIndex(self.entity_model.index(row, 0))
            self.entity_list.scrollTo(self.entity_model.index(row, 0))
        if span is not None:
            self.statusBar().showMessage(
                f"{span.label}: {self.session.text[span.start:span.end]}  [{span.start}, {span.end})", 5000
            )

    def _entity_row_clicked(self, index: QModelIndex) -> None:
        span = self.entity_model.span_at(index.row())
        self.view.scroll_to(span.start, span.end)
        self.select_span(span.id)

    def clear_active(self) -> None:
        self.view.active_span_id = None
        self.view.clear_selection()
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
                self, "Delete annotation",
                f"{len(dependents)} {kinds} annotation(s) refer to this {span.kind}. "
                "Delete it and remove those links?",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.undo_stack.push(RemoveSpans(self, session.doc.id, [span.id], f"delete {span.label}"))

    # --- label schema ---------------------------------------------------------------------
    def edit_schema(self) -> None:
        editor = SchemaEditor(self.project.schema(), self.project.label_usage, "entity", self)
        if editor.exec() and editor.result_schema is not None:
            if editor.result_schema != self.project.schema() or editor.renames:
                self.undo_stack.push(ChangeSchema(self, self.project.schema(), editor.result_schema,
                                                  editor.renames))

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
        dialog.setWindowModality(Qt.WindowModality.WindowModal if modal else Qt.WindowModality.NonModal)
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
        default = str(Path(self.settings.value("last_export_dir", str(Path.home()))) / "hashiya-export.jsonl")
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
