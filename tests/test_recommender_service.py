"""The window's recommender service trains off the GUI thread and retrains as work grows."""

from __future__ import annotations

import multiprocessing
import pickle
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from annotation.documents import Document
from annotation.recommenders.crf import CrfRecommender
from annotation.spans import Span, new_id
from storage.project import Project
from storage.recommender_training import PROCESS_NAME, TrainingFailed, train_in_child
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


def test_a_superseded_run_delivers_nothing(qtbot, tmp_path: Path) -> None:
    """A run superseded by shutdown() (or by a newer run) has its training process terminated
    and delivers nothing."""
    path = tmp_path / "p.hashiya"
    _project(path, 2)
    service = RecommenderService(path, lambda: frozenset())
    delivered = []
    service.trained.connect(delivered.append)
    service.train()
    service.shutdown()  # while the child is still starting
    service.wait(20)
    QCoreApplication.processEvents()  # a queued signal, had one been sent, arrives here
    assert delivered == [] and service.current is None
    assert [p for p in multiprocessing.active_children() if p.name == PROCESS_NAME] == []


def test_training_runs_in_a_process_of_its_own(tmp_path: Path, monkeypatch) -> None:
    """crfsuite's training keeps the GIL: it runs in a child process. The tagger's training
    broken in this process does not touch the child's."""

    def broken(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise AssertionError("trained in the window's process")

    monkeypatch.setattr(CrfRecommender, "train", broken)
    path = tmp_path / "p.hashiya"
    _project(path, 24)  # enough entities for the tagger (MIN_ENTITIES)
    model = train_in_child(path, frozenset())
    assert model is not None and model.crf is not None and model.crf.trained_on >= 24
    again = pickle.loads(pickle.dumps(model.crf))  # as it came through the pipe
    text = "وصل الوفد إلى عمان صباح اليوم."
    assert again.suggest(text) == model.crf.suggest(text)


def test_a_failed_training_process_is_reported(tmp_path: Path) -> None:
    not_a_project = tmp_path / "p.hashiya"
    not_a_project.write_bytes(b"not SQLite")
    with pytest.raises(TrainingFailed, match="DatabaseError"):
        train_in_child(not_a_project, frozenset())
    assert train_in_child(not_a_project, frozenset(), should_stop=lambda: True) is None
    assert [p for p in multiprocessing.active_children() if p.name == PROCESS_NAME] == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_the_training_process_ends_with_the_thread_that_started_it() -> None:
    """A window killed mid-training leaves no child training on: the child asks the kernel
    for SIGTERM when its parent thread ends (read back with PR_GET_PDEATHSIG)."""
    script = (
        "import ctypes, signal\n"
        "from storage.recommender_training import _end_with_parent\n"
        "_end_with_parent()\n"
        "value = ctypes.c_int()\n"
        "ctypes.CDLL(None).prctl(2, ctypes.byref(value))\n"  # PR_GET_PDEATHSIG
        "print(value.value == signal.SIGTERM)\n"
    )
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=root, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "True"
