"""Trains the project's entity recommenders off the GUI thread and keeps the latest model.

Training runs in a child process that reads the project through a connection of its own (read
only; storage.recommender_training), watched by a thread, so a key press never waits for it.
It runs when suggestions are first asked for, and again once annotators have made
RETRAIN_AFTER entity edits since the last run (after IDLE_MS without edits, so typing is never
competed with). A run that is superseded is abandoned: its process is terminated.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from annotation.recommenders.trained import EntityRecommenders
from storage.recommender_training import train_in_child

log = logging.getLogger(__name__)

RETRAIN_AFTER = 20  # entity edits
IDLE_MS = 3000


class RecommenderService(QObject):
    trained = Signal(object)  # EntityRecommenders
    failed = Signal(str)

    def __init__(
        self,
        project_path: Path,
        exceptions: Callable[[], frozenset[str]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.project_path = Path(project_path)
        self._exceptions = exceptions
        self.current: EntityRecommenders | None = None
        self._generation = 0
        self._thread: threading.Thread | None = None
        self._edits = 0
        self.training_threads: list[int] = []  # thread ids of past runs (for tests and logs)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(IDLE_MS)
        self._idle.timeout.connect(self.train)
        self.trained.connect(self._store)

    @property
    def busy(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def ensure_trained(self) -> None:
        """Train now unless a model exists or a run is under way."""
        if self.current is None and not self.busy:
            self.train()

    def note_entity_edits(self, count: int) -> None:
        self._edits += count
        if self._edits >= RETRAIN_AFTER:
            self._idle.start()  # restarted by every further edit: waits for a pause

    def train(self) -> None:
        self._edits = 0
        self._generation += 1
        generation = self._generation
        exceptions = self._exceptions()
        self._thread = threading.Thread(
            target=self._run,
            args=(generation, exceptions),
            name="recommender-training",
            daemon=True,
        )
        self._thread.start()

    def _run(self, generation: int, exceptions: frozenset[str]) -> None:
        """The training thread waits on a child process that trains (crfsuite's training
        keeps the GIL for as long as it runs: in this process it froze the window)."""
        self.training_threads.append(threading.get_ident())
        try:
            model = train_in_child(
                self.project_path, exceptions, should_stop=lambda: generation != self._generation
            )
        except Exception as exc:  # a failed run leaves the previous model in place
            log.exception("recommender training failed")
            self._emit(self.failed, f"learning from the project failed: {exc}")
            return
        if model is not None and generation == self._generation:
            self._emit(self.trained, model)

    @staticmethod
    def _emit(signal: object, value: object) -> None:
        try:
            signal.emit(value)  # type: ignore[attr-defined]
        except RuntimeError:  # the window (and this object) closed while training ran
            log.info("training finished after the window closed; result dropped")

    def _store(self, model: EntityRecommenders) -> None:
        self.current = model

    def wait(self, timeout: float | None = None) -> None:
        """Join a run under way (closing the window, tests)."""
        if self._thread is not None:
            self._thread.join(timeout)

    def shutdown(self) -> None:
        self._generation += 1  # any run in flight stops at its next check and emits nothing
        self._idle.stop()
