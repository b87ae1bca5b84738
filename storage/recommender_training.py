"""The project's entity recommenders, trained in a child process.

crfsuite's training is one C call that keeps the GIL: in a thread of the window's process it
froze the window for up to 0.75-1.0 s at a time at the tagger's cap (3.7 s before the cap),
whatever the thread did. A child process has a GIL of its own. It is started with "spawn" (no copy of the
parent's Qt state or connections), reads the project through its own read-only connection,
and sends the trained model back through a pipe; a superseded run is terminated.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import signal
import sys
from collections.abc import Callable
from contextlib import suppress
from multiprocessing.connection import Connection
from pathlib import Path

from annotation.recommenders.trained import EntityRecommenders
from storage.read_connection import ReadOnlyConnection
from storage.training_data import entity_training_documents

PROCESS_NAME = "hashiya-recommender-training"
_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


class TrainingFailed(RuntimeError):
    """The child process raised, or ended without sending a model."""


def _ended_without_a_model(exitcode: int | None) -> TrainingFailed:
    return TrainingFailed(f"the training process ended without a model (exit code {exitcode})")


def _end_with_parent() -> None:
    """On Linux, have the kernel end this process when the thread that started it ends: a
    window killed mid-training would otherwise leave its child training for up to a minute."""
    if sys.platform.startswith("linux"):
        with suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def _train(path: str, exceptions: frozenset[str], out: Connection) -> None:
    """The child's work: read, train, send ("ok", model) or ("error", reason)."""
    _end_with_parent()
    reply: tuple[str, object]
    try:
        with ReadOnlyConnection(path) as project:
            model = EntityRecommenders.train(entity_training_documents(project), exceptions)
        reply = ("ok", model)
    except Exception as exc:  # reported in the parent, which logs it
        reply = ("error", f"{type(exc).__name__}: {exc}")
    with suppress(OSError):  # the parent stopped listening (a superseded run, a closed window)
        out.send(reply)
    out.close()


def train_in_child(
    path: str | Path,
    exceptions: frozenset[str],
    should_stop: Callable[[], bool] = lambda: False,
    poll_seconds: float = 0.1,
) -> EntityRecommenders | None:
    """The recommenders trained on the project at path, in a child process; None when
    should_stop() turned true meanwhile (the child is then terminated). Raises TrainingFailed."""
    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(
        target=_train, args=(str(path), exceptions, send), name=PROCESS_NAME, daemon=True
    )
    child.start()
    send.close()  # the child holds the sending end: a dead child makes recv() fail, not hang
    try:
        while not receive.poll(poll_seconds):
            if should_stop():
                return None
            if not child.is_alive() and not receive.poll(0):
                raise _ended_without_a_model(child.exitcode)
        try:
            status, value = receive.recv()
        except EOFError:
            raise _ended_without_a_model(child.exitcode) from None
    finally:
        receive.close()
        if child.is_alive():
            child.terminate()
        child.join(5)
    if status != "ok":
        raise TrainingFailed(str(value))
    return value  # type: ignore[no-any-return]
