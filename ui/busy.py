"""Long work off the GUI thread while a modal progress dialog says what runs: the interface
keeps painting, and the caller gets the result (or the work's exception) as if it had called
the work itself. For work of seconds that the user asked for and waits on (a project's
upgrade, the agreement report of a large team project)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")


def run_busy(work: Callable[[], T], title: str, text: str, parent: QWidget | None = None) -> T:
    """work() in a thread of its own, a modal busy dialog (no Cancel) until it ends."""
    result: dict[str, object] = {}

    def run() -> None:
        try:
            result["value"] = work()
        except BaseException as exc:  # raised again in the GUI thread below
            result["error"] = exc

    dialog = QProgressDialog(text, "", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setCancelButton(None)  # type: ignore[arg-type]  # the work cannot be stopped halfway
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.show()
    loop = QEventLoop()
    thread = threading.Thread(target=run, name="busy", daemon=True)
    poll = QTimer()
    poll.setInterval(30)
    poll.timeout.connect(lambda: None if thread.is_alive() else loop.quit())
    thread.start()
    poll.start()
    loop.exec()
    poll.stop()
    thread.join()
    dialog.close()
    dialog.deleteLater()
    if "error" in result:
        raise result["error"]  # type: ignore[misc]
    return result["value"]  # type: ignore[return-value]
