"""The window's recommender service trains off the GUI thread and retrains as work grows."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from annotation.documents import Document
from annotation.recommenders.trained import EntityRecommenders
from annotation.spans import Span, new_id
from storage.project import Project
from storage.session import DocumentSession
from ui.recommender_service import RETRAIN_AFTER, RecommenderService


def _project(path: Path, documents: int) -> None:
    with Project(path, annotator="t") as project:
        for i in range(documents):
            text = f"زار الوزير سامر{i} مدينة عمان صباح اليوم."
            doc = Document.create(text, f"d{i}.txt")
            project.add_document(doc)
            start = text.index("عمان")
            DocumentSession(project, doc.id).add(
                [Span(new_id(), doc.id, "entity", "GPE", start, start + 4)]
            )


def test_training_runs_in_another_thread_and_delivers_a_model(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "p.hashiya"
    _project(path, 3)
    service = RecommenderService(path, lambda: frozenset())
    service.ensure_trained()
    qtbot.waitUntil(lambda: service.current is not None, timeout=20000)
    assert service.training_threads and threading.get_ident() not in service.training_threads
    assert service.current.names.labels  # عمان learned
    text = "وصل الوفد إلى عمان."
    assert [(text[g.start : g.end], g.label) for g in service.current.suggest(text)] == [
        ("عمان", "GPE")
    ]
    service.shutdown()


def test_retrains_after_enough_edits_and_a_pause(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "p.hashiya"
    _project(path, 2)
    service = RecommenderService(path, lambda: frozenset())
    service._idle.setInterval(10)
    service.ensure_trained()
    qtbot.waitUntil(lambda: service.current is not None, timeout=20000)
    first = service.current
    service.note_entity_edits(RETRAIN_AFTER - 1)
    assert not service._idle.isActive()
    service.note_entity_edits(1)
    assert service._idle.isActive()
    qtbot.waitUntil(lambda: service.current is not first, timeout=20000)
    service.shutdown()


def test_a_superseded_run_delivers_nothing(qtbot, tmp_path: Path, monkeypatch) -> None:
    """Training that finishes after shutdown() (or after a newer run started) is dropped."""
    path = tmp_path / "p.hashiya"
    _project(path, 2)
    started, release = threading.Event(), threading.Event()
    real_train = EntityRecommenders.train

    def slow_train(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        started.set()
        release.wait(20)
        return real_train(*args, **kwargs)

    monkeypatch.setattr(EntityRecommenders, "train", slow_train)
    service = RecommenderService(path, lambda: frozenset())
    delivered = []
    service.trained.connect(delivered.append)
    service.train()
    assert started.wait(20)
    service.shutdown()  # while the run is still training
    release.set()
    service.wait()
    QCoreApplication.processEvents()  # a queued signal, had one been sent, arrives here
    assert delivered == [] and service.current is None
