"""ui.busy.run_busy: the work's result or error comes back; with a stop event the dialog has
Stop; with progress the bar shows how far the work says it is."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget

from annotation.errors import Stopped
from ui.busy import run_busy


def _busy_dialog() -> QProgressDialog | None:
    shown = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QProgressDialog) and w.isVisible()
    ]
    return shown[0] if shown else None


def test_the_bar_follows_the_work(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen = threading.Event()
    state = (0, 0)
    bars: list[tuple[int, int]] = []

    def look() -> None:
        dialog = _busy_dialog()
        if dialog is not None and (dialog.value(), dialog.maximum()) == (3, 8):
            bars.append((dialog.value(), dialog.maximum()))
            seen.set()
            return
        QTimer.singleShot(10, look)

    def work() -> str:
        nonlocal state
        state = (3, 8)
        assert seen.wait(10), "the bar never showed 3 of 8"
        return "done"

    QTimer.singleShot(0, look)
    assert run_busy(work, "t", "working", parent, progress=lambda: state) == "done"
    assert bars == [(3, 8)]
    assert _busy_dialog() is None


def test_without_stop_there_is_no_button_and_errors_come_back(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    buttons: list[int] = []

    def look() -> None:
        dialog = _busy_dialog()
        if dialog is None:
            QTimer.singleShot(10, look)
            return
        buttons.append(len(dialog.findChildren(QPushButton)))

    def work() -> None:
        while not buttons:
            threading.Event().wait(0.01)
        raise ValueError("bad input")

    QTimer.singleShot(0, look)
    with pytest.raises(ValueError, match="bad input"):
        run_busy(work, "t", "working", parent)
    assert buttons == [0]


def test_stop_reaches_the_work(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    stop = threading.Event()

    def press_stop() -> None:
        dialog = _busy_dialog()
        if dialog is None:
            QTimer.singleShot(10, press_stop)
            return
        dialog.findChild(QPushButton).click()

    def work() -> None:
        if not stop.wait(10):
            raise AssertionError("Stop never reached the work")
        raise Stopped

    QTimer.singleShot(0, press_stop)
    with pytest.raises(Stopped):
        run_busy(work, "t", "working", parent, stop=stop)
