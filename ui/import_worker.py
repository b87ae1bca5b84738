"""The window's import of files, run in a worker thread on its own connection to the project.

A native JSONL archive of tens of thousands of articles takes minutes inside
`importer.import_files`; run in the interface thread it would freeze the window. The worker
opens its own `Project` on the same file (WAL lets the window's connection keep reading; its
writes wait on the busy timeout), under the window's annotator name so that documents and
edit-log rows are attributed as before. It never touches the window's connection, which the
window's timers (external changes, recommender, statistics, guidelines) go on using.

Progress and results reach the interface thread through queued signals, a file's result once
it is stored (a run of .txt articles is stored a batch at a time); Stop (and closing the
window) sets a `threading.Event` that the importer's hooks read before each file and about
every batch of a JSONL file: the records read so far are stored whole, the rest of the file
and the files after it are not read.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from annotation.errors import HashiyaError
from storage import importer
from storage.project import Project

WORKER_THREAD = "hashiya-import"


class ImportWorker(QObject):
    """Imports `files` one after the other in a thread of its own. Lives in the interface
    thread; its signals are emitted from the worker thread (connect them queued)."""

    started_file = Signal(int)  # index of the file now read
    progressed = Signal(int, int, int)  # file index, bytes read, file size
    file_done = Signal(object)  # importer.FileResult
    # another tool's format (storage.formats.interop): one report for every file at the end
    report_done = Signal(object)  # importer.ImportReport
    documents_read = Signal(int)  # another tool's format: how many documents read so far
    ended = Signal()  # the worker's connection is closed; nothing more comes

    def __init__(
        self,
        project_path: Path,
        annotator: str,
        files: Sequence[Path],
        busy_timeout: float = 5.0,
        parent: QObject | None = None,
        fmt: str = "native",
        offsets: str | None = None,
    ) -> None:
        """fmt: native (.txt, .jsonl), conll (a file at a time, as native), or another tool's
        format, read with its offsets unit (None: the format's own)."""
        super().__init__(parent)
        self.project_path = project_path
        self.annotator = annotator
        self.files = list(files)
        self.busy_timeout = busy_timeout
        self.fmt = fmt
        self.offsets = offsets
        self.losses: Counter[str] = Counter()  # what another tool's files held that is not kept
        self.stop_event = threading.Event()
        self.error: BaseException | None = None  # an unexpected failure (a bug), raised later
        self._thread = threading.Thread(target=self._run, name=WORKER_THREAD, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Stop at the next batch of the file being read; later files are not read."""
        self.stop_event.set()

    def wait(self) -> None:
        """Until the worker has ended (its current batch stored, its connection closed)."""
        if self._thread.is_alive() or self._thread.ident is not None:
            self._thread.join()

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def _run(self) -> None:
        try:
            try:
                project = Project(
                    self.project_path, annotator=self.annotator, busy_timeout=self.busy_timeout
                )
            except HashiyaError as exc:
                for path in self.files:
                    self.file_done.emit(_refused(path, str(exc)))
                return
            try:
                if self.fmt in ("native", "conll"):
                    for result in importer.import_files(
                        project,
                        self.files,
                        fmt=self.fmt,
                        starting=self._starting,
                        within=self._within,
                    ):
                        self.file_done.emit(result)
                else:
                    self.report_done.emit(self._import_other(project))
            finally:
                project.close()
        except BaseException as exc:  # noqa: BLE001 - handed to the interface thread
            self.error = exc
        finally:
            self.ended.emit()

    def _import_other(self, project: Project) -> importer.ImportReport:
        from storage.formats import interop
        from storage.formats.cli import _missing

        try:
            return interop.import_files(
                project,
                self.fmt,
                self.files,
                offsets=self.offsets,
                losses=self.losses,
                stop=self.stop_event.is_set,
                progress=self.documents_read.emit,
            )
        except ImportError as exc:  # spaCy or dkpro-cassis missing: said as a refusal
            report = importer.ImportReport()
            for path in self.files:
                report.add(_refused(path, _missing(self.fmt, exc)))
            return report

    def _starting(self, index: int) -> bool:
        if self.stop_event.is_set():
            return False
        self.started_file.emit(index)
        return True

    def _within(self, index: int, read: int, size: int) -> bool:
        self.progressed.emit(index, read, size)
        return not self.stop_event.is_set()


def _refused(path: Path, reason: str) -> importer.FileResult:
    result = importer.FileResult(path)
    result.refused.append(importer.Refusal(path, None, reason))
    return result
