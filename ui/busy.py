"""Long work off the GUI thread while a modal progress dialog says what runs: the interface
keeps painting, and the caller gets the result (or the work's exception) as if it had called
the work itself. For work of seconds that the user asked for and waits on (a project's
upgrade, the agreement report of a large team project)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")


def run_busy(
    work: Callable[[], T],
    title: str,
    text: str,
    parent: QWidget | None = None,
    stop: threading.Event | None = None,
    progress: Callable[[], tuple[int, int]] | None = None,
) -> T:
    """work() in a thread of its own, a modal busy dialog until it ends. Without `stop` the
    dialog has no Cancel button (the work cannot be stopped halfway); with it, Cancel sets the
    event, which the work checks and answers by raising annotation.errors.Stopped (raised
    here in turn), and the dialog says it is stopping meanwhile. progress: (done, total) as
    the work last said, read a few times a second (the bar runs without a total until the
    work gives one)."""
    result: dict[str, object] = {}

    def run() -> None:
        try:
            result["value"] = work()
        except BaseException as exc:  # raised again in the GUI thread below
            result["error"] = exc

    dialog = QProgressDialog(text, "", 0, 0, parent)
    dialog.setWindowTitle(title)
    if stop is None:
        dialog.setCancelButton(None)  # type: ignore[arg-type]
    else:
        dialog.setCancelButtonText(QCoreApplication.translate("busy", "&Stop"))
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)

        def stopping() -> None:
            if not thread.is_alive():  # closing the dialog at the end cancels it too
                return
            stop.set()
            dialog.setLabelText(QCoreApplication.translate("busy", "Stopping…"))
            dialog.show()  # QProgressDialog hides itself on cancel; the work is still running

        dialog.canceled.connect(stopping)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.show()
    loop = QEventLoop()
    thread = threading.Thread(target=run, name="busy", daemon=True)
    poll = QTimer()
    poll.setInterval(30)

    def polled() -> None:
        if not thread.is_alive():
            loop.quit()
        elif progress is not None:
            done, total = progress()
            if total > 0 and not stop_asked():
                dialog.setRange(0, total)
                dialog.setValue(min(done, total))

    def stop_asked() -> bool:
        return stop is not None and stop.is_set()

    poll.timeout.connect(polled)
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
