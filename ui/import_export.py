"""Import (files and folders, read by a worker thread on its own connection (ui.import_worker),
with progress, Stop, and a report of refusals) and export (the Export dialog, running the
command line's export) from the window."""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from annotation.errors import HashiyaError
from storage import export_run, exporter, folder_import, importer
from storage.formats.common import loss_lines
from storage.project import Project
from ui.dialogs import ReportDialog
from ui.document_controller import DocumentController
from ui.export_dialog import ExportDialog
from ui.import_other_dialog import ImportOtherDialog
from ui.import_worker import ImportWorker
from ui.plain_text import isolate, ltr, visible_controls
from ui.view_prefs import ViewPreferences

FILE_STEPS = 1000  # the progress bar's steps per file (a big file moves it as it is read)


class ImportExportController(QObject):
    message = Signal(str, int)
    importStarted = Signal()
    importFinished = Signal(object)  # importer.ImportReport

    def __init__(
        self,
        docs: DocumentController,
        prefs: ViewPreferences,
        dialog_parent: QWidget | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.docs, self.prefs = docs, prefs
        self.dialog_parent = dialog_parent
        self.last_report: importer.ImportReport | None = None
        self.report_dialog: ReportDialog | None = None
        self.export_window: ExportDialog | None = None
        self.import_other_window: ImportOtherDialog | None = None
        self.exporting = False
        self._executor: ThreadPoolExecutor | None = None
        self.worker: ImportWorker | None = None
        self.progress_dialog: QProgressDialog | None = None

    @property
    def importing(self) -> bool:
        return self.worker is not None

    def import_dialog(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self.dialog_parent,
            self.tr("Import articles"),
            self.prefs.last_folder("import"),
            self.tr("Articles (*.txt *.jsonl);;All files (*)"),
        )
        if files:
            self.prefs.remember_folder("import", Path(files[0]).parent)
            self.import_paths(files)

    def import_other_dialog(self) -> ImportOtherDialog:
        """Import from another tool (ui.import_other_dialog): Import runs it through the same
        worker, progress, Stop and report as articles; the dialog stays open on a refusal."""
        dialog = ImportOtherDialog(self.prefs.last_folder("import_other"), self.dialog_parent)
        last = dialog.format_combo.findData(self.prefs.last_import_format)
        if last >= 0:  # the format imported from last time, per user
            dialog.format_combo.setCurrentIndex(last)

        def accepted() -> None:
            choice = dialog.choice()
            if choice is None:
                return
            fmt, offsets, paths = choice
            self.prefs.remember_folder("import_other", paths[0].parent)
            self.prefs.last_import_format = fmt
            dialog.accept()
            self.import_paths(paths, fmt=fmt, offsets=offsets)

        dialog.buttons.accepted.connect(accepted)
        self.import_other_window = dialog
        dialog.open()
        return dialog

    def import_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self.dialog_parent,
            self.tr("Import a folder (with its subfolders)"),
            self.prefs.last_folder("import_folder"),
        )
        if folder:
            self.prefs.remember_folder("import_folder", folder)
            self.import_folder(folder)

    def import_folder(self, folder: str | Path, modal: bool = True) -> None:
        """Every file the importer takes under folder, recursively, through the same queue
        and progress as files; the report then says for each file whether it was taken,
        refused or left out (hidden, or not a file type the importer reads)."""
        files = importer.expand_paths([folder])
        self.import_paths(
            files, modal=modal, folder=Path(folder), left_out=folder_import.left_out(folder, files)
        )

    def import_paths(
        self,
        paths: Sequence[str | Path],
        modal: bool = True,
        folder: Path | None = None,
        left_out: Sequence[tuple[Path, str]] = (),
        fmt: str = "native",
        offsets: str | None = None,
    ) -> None:
        """Import files and folders in a worker thread, with progress (moving inside a big
        file), Stop and a report; the window stays responsive and is refreshed at the end.
        folder: the folder these came from (import_folder), whose report lists every file.
        fmt: native, conll, or another tool's format (read with `offsets`), whose files are
        read as one run: the bar then moves without a total, and Stop ends it between
        documents."""
        if self.worker is not None:
            self.message.emit(self.tr("An import is running: stop it or wait for its end."), 5000)
            return
        by_file = fmt in ("native", "conll")
        files = importer.expand_paths(paths, fmt) if by_file else [Path(p) for p in paths]
        if not files and fmt != "native":  # a folder without a .conll, .txt or .tsv file
            self.message.emit(self.tr("No file of that format was found there."), 5000)
            return
        if not files:
            box = QMessageBox(
                QMessageBox.Icon.Information,
                self.tr("Import"),
                self.tr("No .txt or .jsonl files found there."),
                QMessageBox.StandardButton.Ok,
                self.dialog_parent,
            )
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.exec()
            return
        report = importer.ImportReport()
        results: list[importer.FileResult] = []
        steps = len(files) * FILE_STEPS if by_file else 0  # 0: no total, a moving bar
        dialog = QProgressDialog(
            self.tr("Importing…"), self.tr("Stop"), 0, steps, self.dialog_parent
        )
        dialog.setWindowTitle(self.tr("Import"))
        # Shown at once when modal: the window is not blocked while the worker reads, and
        # nothing may be edited meanwhile.
        dialog.setMinimumDuration(0 if modal else 300)
        dialog.setAutoReset(False)
        dialog.setWindowModality(
            Qt.WindowModality.WindowModal if modal else Qt.WindowModality.NonModal
        )
        self.progress_dialog = dialog
        project = self.docs.project
        worker = ImportWorker(
            project.path,
            project.annotator_name,
            files,
            project.busy_timeout,
            self,
            fmt=fmt,
            offsets=offsets,
        )
        self.worker = worker
        queued = Qt.ConnectionType.QueuedConnection

        def current() -> bool:
            return self.worker is worker

        def started_file(index: int) -> None:
            if current():
                name = isolate(files[index].name)
                dialog.setLabelText(self.tr("Importing {name}…").format(name=name))

        def progressed(index: int, read: int, size: int) -> None:
            if current() and not dialog.wasCanceled():
                part = min(FILE_STEPS - 1, FILE_STEPS * read // size) if size > 0 else 0
                dialog.setValue(index * FILE_STEPS + part)

        def file_done(result: importer.FileResult) -> None:
            if current():
                results.append(result)
                report.add(result)
                if not dialog.wasCanceled():
                    dialog.setValue(len(results) * FILE_STEPS)

        def documents_read(count: int) -> None:
            if current() and not dialog.wasCanceled():
                dialog.setLabelText(self.tr("Importing… %n document(s) read", "", count))

        def report_done(other: importer.ImportReport) -> None:
            nonlocal report
            if current():
                report = other

        def ended() -> None:
            if not current():
                return  # the window was closed: shutdown() waited for the worker
            worker.wait()
            self.worker = None
            dialog.reset()
            dialog.deleteLater()
            self.progress_dialog = None
            not_reached = files[len(results) :] if by_file else []
            lines = self._per_file_lines(folder, results, left_out, not_reached) if folder else None
            stopped = bool(not_reached) or bool(report.stopped)
            losses = loss_lines(fmt, worker.losses) if not by_file else []
            self._finished(report, stopped=stopped, per_file=lines, losses=losses)
            if worker.error is not None:
                raise worker.error

        worker.started_file.connect(started_file, queued)
        worker.progressed.connect(progressed, queued)
        worker.file_done.connect(file_done, queued)
        worker.report_done.connect(report_done, queued)
        worker.documents_read.connect(documents_read, queued)
        worker.ended.connect(ended, queued)
        dialog.canceled.connect(worker.stop)  # Stop, Escape or closing the dialog
        self.importStarted.emit()
        worker.start()

    def shutdown(self) -> None:
        """Stop an import that runs (the window closes): the worker stores the batch it read
        and ends; nothing of the import is reported."""
        worker, self.worker = self.worker, None
        if worker is not None:
            worker.stop()
            worker.wait()
        if self.progress_dialog is not None:
            self.progress_dialog.reset()
            self.progress_dialog = None

    def _per_file_lines(
        self,
        folder: Path,
        results: Sequence[importer.FileResult],
        left_out: Sequence[tuple[Path, str]],
        not_reached: Sequence[Path],
    ) -> list[str]:
        """One line per file under the folder, its user text with control characters made
        visible and isolated (each line takes the interface's direction): taken (how many documents, skipped as already
        there), refused (the first reason), left out (hidden / file type), or not reached."""
        lines = []
        for result in results:
            name = isolate(visible_controls(folder_import.describe(result.path, folder)))
            if result.refused:
                first = result.refused[0]
                reason = " ".join(first.reason.split())
                if first.line is not None:
                    reason = f"line {first.line}: {reason}"
                more = len(result.refused) - 1
                line = self.tr("{file}: refused: {reason}").format(
                    file=name, reason=isolate(visible_controls(reason))
                )
                if more:
                    line += self.tr(" (and %n more)", "", more)
                if result.imported:
                    line += self.tr(" · %n document(s) taken", "", len(result.imported))
            elif result.imported:
                line = self.tr("{file}: taken, %n document(s)", "", len(result.imported)).format(
                    file=name
                )
            else:
                line = self.tr("{file}: taken, already in the project").format(file=name)
            lines.append(line)
            if result.stopped_at_line is not None:
                lines.append(self.stop_line(name, result.stopped_at_line))
        for path, why in left_out:
            name = isolate(visible_controls(folder_import.describe(path, folder)))
            if why == folder_import.HIDDEN:
                lines.append(self.tr("{file}: left out, hidden").format(file=name))
            else:
                lines.append(
                    self.tr("{file}: left out, not a file type the importer reads").format(
                        file=name
                    )
                )
        for path in not_reached:
            name = isolate(visible_controls(folder_import.describe(path, folder)))
            lines.append(self.tr("{file}: not imported (stopped)").format(file=name))
        return lines

    def _finished(
        self,
        report: importer.ImportReport,
        stopped: bool,
        per_file: list[str] | None = None,
        losses: Sequence[str] = (),
    ) -> None:
        """Refresh the window after an import and report it; losses: what another tool's files
        held that the project does not keep, a line each (storage.formats.common.loss_lines)."""
        had_session = self.docs.session is not None
        self.docs.reload_documents()
        if not had_session and report.imported:
            self.docs.open(report.imported[0][1])
        self.last_report = report
        if per_file is not None:
            lines = per_file
        else:
            lines = [
                self.stop_line(importer.display_path(path), line)  # the dialog shows controls
                for path, line in report.stopped
            ]
            lines += [importer.format_refusal(r) for r in report.refused]
            lines += [importer.format_skip(s) for s in report.skipped]
        lines = [*lines, *losses]
        summary = self.summary(report) + (self.tr(" (stopped)") if stopped else "")
        self.message.emit(summary, 8000)
        if lines:
            self.report_dialog = ReportDialog(
                self.tr("Import report"),
                summary,
                lines,
                self.dialog_parent,
                controls_shown=per_file is not None,
            )
            self.report_dialog.open()
        self.importFinished.emit(report)

    def stop_line(self, file: str, line: int) -> str:
        """Where Stop ended the reading of a file."""
        return self.tr(
            "{file}: stopped at line {line}: the lines from {line} on were not imported"
        ).format(file=file, line=line)

    def summary(self, report: importer.ImportReport) -> str:
        """The import report's counts in the interface language (report.summary() is the
        command line's English line)."""
        parts = [
            self.tr("%n document(s) imported", "", len(report.imported)),
            self.tr("%n annotation(s)", "", report.spans),
            self.tr("skipped: {n}").format(n=len(report.skipped)),
            self.tr("refused: {n}").format(n=len(report.refused)),
        ]
        if report.unusual:
            kept = self.tr("%n control character(s) kept", "", sum(report.unusual.values()))
            parts.append(f"{kept} ({ltr(importer.describe_characters(report.unusual))})")
        if report.repaired:
            parts.append(self.tr("%n bad UTF-8 byte(s) replaced by U+FFFD", "", report.repaired))
        return self.tr("; ").join(parts)

    def export_dialog(self) -> ExportDialog:
        """The Export dialog (the command line's choices); Export runs it, a refusal shows in
        the dialog as one line and leaves it open."""
        dialog = ExportDialog(
            self.prefs.last_folder("export"),
            export_run.annotator_names(self.docs.project),
            self.dialog_parent,
        )
        last = self.prefs.last_export_format
        if last in export_run.FORMATS:  # the format exported last time, per user
            dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(last))
        dialog.buttons.accepted.connect(lambda: self._export_from(dialog))
        self.export_window = dialog
        dialog.open()
        return dialog

    def _export_from(self, dialog: ExportDialog) -> None:
        """Run the chosen export off the interface thread (a large project takes minutes),
        behind a window-modal busy indicator so nothing is edited meanwhile; a refusal shows
        in the dialog, which stays open."""
        chosen = dialog.accepted_options()
        if chosen is None or self.exporting:
            return
        options, out = chosen
        self.prefs.last_export_format = options.fmt
        path = self.docs.project.path
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="export")
        future = self._executor.submit(_export_read_only, path, out, options)
        progress = QProgressDialog(self.tr("Exporting…"), "", 0, 0, dialog)
        progress.setWindowTitle(self.tr("Export"))
        progress.setCancelButton(None)  # the core functions write atomically to the end
        progress.setMinimumDuration(400)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        timer = QTimer(self)
        timer.setInterval(30)
        self.exporting = True

        def poll() -> None:
            if not future.done():
                return
            timer.stop()
            progress.reset()
            progress.deleteLater()
            self.exporting = False
            try:
                outcome = future.result()
            except HashiyaError as exc:
                dialog.show_error(str(exc))
                return
            self._exported(outcome, out)
            dialog.accept()

        timer.timeout.connect(poll)
        timer.start()

    def _exported(self, outcome: export_run.ExportOutcome, out: Path) -> None:
        self.prefs.remember_folder("export", out.parent)
        summary = self.tr("Exported {docs} documents, {spans} spans to {path}").format(
            docs=outcome.documents, spans=outcome.spans, path=ltr(str(out))
        )
        self.message.emit(summary, 8000)
        notes = outcome.losses + [
            self.tr("{doc}: left out, several annotators and no gold layer").format(doc=doc)
            for doc in outcome.undecided
        ]
        if notes:
            self.report_dialog = ReportDialog(
                self.tr("Export report"), summary, notes, self.dialog_parent
            )
            self.report_dialog.open()

    def export_to(self, path: str | Path) -> exporter.ExportReport | None:
        try:
            report = exporter.write_jsonl_atomic(exporter.export_records(self.docs.project), path)
        except OSError as exc:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Export failed"),
                f"{ltr(str(path))}: {exc.strerror or exc}",
                QMessageBox.StandardButton.Ok,
                self.dialog_parent,
            )
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.open()
            return None
        self.prefs.remember_folder("export", Path(path).parent)
        self.message.emit(
            self.tr("Exported {docs} documents, {spans} spans to {path}").format(
                docs=report.documents, spans=report.spans, path=ltr(str(path))
            ),
            8000,
        )
        return report


def _export_read_only(
    project_path: Path, out: Path, options: export_run.ExportOptions
) -> export_run.ExportOutcome:
    """The export on a read-only connection opened (and closed) in the calling thread."""
    with Project(project_path, readonly=True) as project:
        return export_run.run(project, out, options)
