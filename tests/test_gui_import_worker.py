"""The window imports a big file in a worker thread (ui.import_worker): the progress bar moves
inside the file, Stop leaves whole records and says where it stopped, closing the window
during an import ends it cleanly."""

from __future__ import annotations

import json
import threading
from pathlib import Path

from PySide6.QtWidgets import QPlainTextEdit, QProgressDialog

from storage.importer import BATCH_RECORDS
from storage.project import Project
from tests.gui_support import close_window, isolate, open_window
from ui.import_worker import WORKER_THREAD, ImportWorker


def _archive(tmp_path: Path, count: int) -> Path:
    lines = []
    for i in range(count):
        text = f"أعلنت وزارة النقل في البيان رقم {i} أن الجسر الجديد سيفتتح الشهر المقبل."
        entities = [
            {"id": f"b-{i}-e{k}", "start": text.index(w), "end": text.index(w) + len(w)}
            | {"text": w, "label": label}
            for k, (w, label) in enumerate((("وزارة النقل", "ORG"), ("الجسر", "LOC")))
        ]
        lines.append(
            json.dumps({"id": f"b-{i}", "text": text, "entities": entities}, ensure_ascii=False)
        )
    path = tmp_path / "archive.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _gate_first_batch(monkeypatch) -> threading.Event:  # noqa: ANN001
    """The worker waits at its first per-batch question until it is told to stop (by Stop or
    by closing the window): a stop in the middle of a file, whatever the machine's speed."""
    reached = threading.Event()
    real = ImportWorker._within

    def gated(self: ImportWorker, index: int, read: int, size: int) -> bool:
        if not reached.is_set():
            reached.set()
            self.stop_event.wait(20)
        return real(self, index, read, size)

    monkeypatch.setattr(ImportWorker, "_within", gated)
    return reached


def test_a_big_file_is_imported_by_a_worker_and_the_bar_moves_inside_it(
    qtbot, tmp_path, monkeypatch
) -> None:
    isolate(monkeypatch, tmp_path)
    path = _archive(tmp_path, 5 * BATCH_RECORDS + 10)
    values: list[int] = []
    real_set = QProgressDialog.setValue
    monkeypatch.setattr(
        QProgressDialog, "setValue", lambda d, v: (values.append(v), real_set(d, v))[1]
    )
    writers: set[str] = set()
    real_add = Project.add_documents

    def spying_add(self: Project, *args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        writers.add(threading.current_thread().name)
        return real_add(self, *args, **kwargs)

    monkeypatch.setattr(Project, "add_documents", spying_add)
    win = open_window(qtbot, tmp_path / "p.hashiya", annotator="salma")
    try:
        announced: list[str] = []
        win.watcher.message.connect(lambda text, _ms: announced.append(text))
        win.io.import_paths([path], modal=False)
        assert win.io.importing and not win.watcher.timer.isActive()
        qtbot.waitUntil(lambda: not win.io.importing, timeout=30000)
        report = win.io.last_report
        assert len(report.imported) == 5 * BATCH_RECORDS + 10 and report.refused == []
        assert report.stopped == []
        # the bar moved inside the file: 5 per-batch steps between 0 and the end, growing
        end = max(values)
        inside = [v for v in values if 0 < v < end]
        assert len(inside) == 5 and inside == sorted(inside) and values[-1] == end
        # stored by the worker's own connection, never in the interface thread
        assert writers and all(name.startswith(WORKER_THREAD) for name in writers)
        assert win.docs.doc_model.total == 5 * BATCH_RECORDS + 10
        assert win.session is not None and win.session.doc.id == "b-0"
        assert win.project.span_count() == 2 * (5 * BATCH_RECORDS + 10)
        # attributed to the window's annotator, as an import in the window always was
        names = win.project.db.execute(
            "SELECT DISTINCT a.name FROM edit_log e JOIN annotators a ON a.id = e.annotator_id"
        ).fetchall()
        assert [n for (n,) in names] == ["salma"]
        # the window's own import is not "another program": watched again, nothing announced
        assert win.watcher.timer.isActive() and win.watcher.poll() is False
        assert announced == []
    finally:
        close_window(win)


def test_stop_in_the_middle_of_a_big_file_keeps_whole_records_and_says_where(
    qtbot, tmp_path, monkeypatch
) -> None:
    isolate(monkeypatch, tmp_path)
    path = _archive(tmp_path, 6 * BATCH_RECORDS)
    reached = _gate_first_batch(monkeypatch)
    win = open_window(qtbot, tmp_path / "p.hashiya")
    try:
        win.io.import_paths([path], modal=False)
        qtbot.waitUntil(reached.is_set)
        win.io.progress_dialog.canceled.emit()  # what the Stop button sends
        qtbot.waitUntil(lambda: not win.io.importing and win.io.report_dialog is not None)
        report = win.io.last_report
        assert report.stopped == [(path, BATCH_RECORDS + 1)]
        assert [doc for _, doc in report.imported] == [f"b-{i}" for i in range(BATCH_RECORDS)]
        assert win.project.document_ids() == [f"b-{i}" for i in range(BATCH_RECORDS)]
        assert win.project.span_count() == 2 * BATCH_RECORDS  # whole records only
        assert win.docs.doc_model.total == BATCH_RECORDS
        text = win.io.report_dialog.findChild(QPlainTextEdit).toPlainText()
        line = BATCH_RECORDS + 1
        assert f"stopped at line {line}: the lines from {line} on were not imported" in text
        assert "archive.jsonl" in text
    finally:
        close_window(win)


def test_closing_the_window_during_an_import_ends_it_cleanly(qtbot, tmp_path, monkeypatch) -> None:
    isolate(monkeypatch, tmp_path)
    path = _archive(tmp_path, 6 * BATCH_RECORDS)
    reached = _gate_first_batch(monkeypatch)
    db = tmp_path / "p.hashiya"
    win = open_window(qtbot, db)
    win.io.import_paths([path], modal=False)
    worker = win.io.worker
    assert worker is not None
    qtbot.waitUntil(reached.is_set)
    close_window(win)  # the window waits for the worker, which stores the batch it read
    assert not worker.running and not win.io.importing
    assert win.io.last_report is None  # nothing reported by a closed window
    with Project(db, annotator="tester") as project:
        assert project.document_ids() == [f"b-{i}" for i in range(BATCH_RECORDS)]
        assert project.span_count() == 2 * BATCH_RECORDS


def test_an_import_into_a_read_only_project_is_refused_in_the_report(
    qtbot, tmp_path, monkeypatch
) -> None:
    isolate(monkeypatch, tmp_path)
    db = tmp_path / "p.hashiya"
    with Project(db, annotator="tester") as project:
        project.schema()
    article = tmp_path / "one.txt"
    article.write_text("افتتحت البلدية حديقة عامة جديدة في وسط المدينة.", encoding="utf-8")
    before = db.read_bytes()
    db.chmod(0o444)
    win = open_window(qtbot, db)
    try:
        assert win.project.readonly
        win.io.import_paths([article], modal=False)
        qtbot.waitUntil(lambda: not win.io.importing and win.io.report_dialog is not None)
        report = win.io.last_report
        assert report.imported == [] and [r.path for r in report.refused] == [article]
        assert "read-only" in report.refused[0].reason
    finally:
        close_window(win)
    assert db.read_bytes() == before
