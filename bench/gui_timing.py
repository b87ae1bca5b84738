"""Timings of the real main window, driven like a user: open a document, press a label key,
page down. Every figure ends when DocumentView.painted has been emitted (end of paintEvent).

Uses two private attributes of DocumentView (`_scroll_timer`, `_window`) only to know when the
view has finished reacting to a scroll; no ui/ code is changed or patched.
"""

from __future__ import annotations

import cProfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from annotation.tokens import Token

TIMEOUT_S = 60.0


class PaintProbe(QObject):
    """Counts DocumentView.painted emissions."""

    def __init__(self, view) -> None:  # noqa: ANN001 - DocumentView
        super().__init__()
        self.count = 0
        view.painted.connect(self._painted)

    def _painted(self) -> None:
        self.count += 1


def wait_until(app: QApplication, predicate: Callable[[], bool], what: str) -> None:
    deadline = time.perf_counter() + TIMEOUT_S
    while not predicate():
        app.processEvents()
        if time.perf_counter() > deadline:
            raise RuntimeError(f"timed out waiting for {what}")


def settle(app: QApplication, window) -> None:  # noqa: ANN001 - MainWindow
    """Let every pending reaction run: the view's scroll timer, layout, pending paints."""
    view = window.view
    wait_until(app, lambda: not view._scroll_timer.isActive(), "the view's scroll timer")
    for _ in range(3):
        app.processEvents()
        QApplication.sendPostedEvents()


def force_full_layout(window) -> None:  # noqa: ANN001
    """QTextEdit lays a long document out lazily; ask for the last block's rectangle to finish it."""
    doc = window.view.document()
    doc.documentLayout().blockBoundingRect(doc.lastBlock())


def show_window(app: QApplication, window) -> None:  # noqa: ANN001
    window.show()
    window.activateWindow()
    wait_until(app, lambda: is_exposed(window), "the window to be exposed")
    window.view.setFocus()
    settle(app, window)


def is_exposed(window) -> bool:  # noqa: ANN001
    handle = window.windowHandle()
    return handle is not None and handle.isExposed()


@dataclass
class OpenTimes:
    first_paint_ms: list[float] = field(default_factory=list)
    full_layout_ms: list[float] = field(default_factory=list)


def measure_open(
    app: QApplication,
    window,
    probe: PaintProbe,
    small_id: str,
    target_id: str,  # noqa: ANN001
    runs: int,
) -> OpenTimes:
    """open_document(target) on a window showing the small document, until the first paint;
    then, outside that figure, until the whole document is laid out."""
    out = OpenTimes()
    for _ in range(runs):
        window.docs.open(small_id)
        force_full_layout(window)
        settle(app, window)
        before = probe.count
        t0 = time.perf_counter()
        window.docs.open(target_id)
        wait_until(app, lambda b=before: probe.count > b, "the first paint after open_document")
        t1 = time.perf_counter()
        force_full_layout(window)
        t2 = time.perf_counter()
        out.first_paint_ms.append((t1 - t0) * 1000)
        out.full_layout_ms.append((t2 - t0) * 1000)
        settle(app, window)
    return out


def prepare_selection(app: QApplication, window, token: Token) -> None:  # noqa: ANN001
    view = window.view
    view.scroll_to(token.start, token.end)
    settle(app, window)
    view.select_range(token.start, token.end)
    view.setFocus()
    settle(app, window)


def press_and_wait(app: QApplication, window, probe: PaintProbe, key: Qt.Key) -> float:  # noqa: ANN001
    """One label key press on the view until the view has painted; milliseconds."""
    before = probe.count
    t0 = time.perf_counter()
    QTest.keyClick(window.view, key)
    wait_until(app, lambda: probe.count > before, "the paint after the key press")
    return (time.perf_counter() - t0) * 1000


def measure_add(
    app: QApplication,
    window,
    probe: PaintProbe,
    tokens: list[Token],
    key: Qt.Key,  # noqa: ANN001
    label: str,
    profiler: cProfile.Profile | None = None,
) -> list[float]:
    """Select each untagged word (scrolled into view, untimed), press `key`, time until painted.
    Checks that each press really added the entity with `label` on that word."""
    session = window.session
    samples = []
    for token in tokens:
        prepare_selection(app, window, token)
        rng = window.view.selection_range()
        if rng != (token.start, token.end):
            raise RuntimeError(f"selection is {rng}, expected {(token.start, token.end)}")
        count = session.index.count("entity")
        if profiler is not None:
            profiler.enable()
        samples.append(press_and_wait(app, window, probe, key))
        if profiler is not None:
            profiler.disable()
        if (
            session.index.count("entity") != count + 1
            or session.index.find("entity", token.start, token.end, label) is None
        ):
            raise RuntimeError(f"the key press did not add {label} on {token}")
    settle(app, window)
    return samples


def measure_page_down(app: QApplication, window, probe: PaintProbe, samples: int) -> list[float]:  # noqa: ANN001
    """From positions spread through the document (untimed), one page down: setValue on the
    scroll bar until the view has painted with its highlights rebuilt for the new window."""
    view = window.view
    bar = view.verticalScrollBar()
    force_full_layout(window)
    settle(app, window)
    refreshed_at: list[int] = []
    view._scroll_timer.timeout.connect(lambda: refreshed_at.append(probe.count))
    out = []
    top = max(0, bar.maximum() - bar.pageStep())
    for i in range(samples):
        bar.setValue(int(top * i / max(1, samples - 1)) if samples > 1 else 0)
        settle(app, window)
        refreshed_at.clear()
        window_before = view._window
        before = probe.count
        t0 = time.perf_counter()
        bar.setValue(min(bar.maximum(), bar.value() + bar.pageStep()))
        wait_until(app, lambda b=before: probe.count > b, "the paint after page down")
        wait_until(
            app,
            lambda: not view._scroll_timer.isActive() and bool(refreshed_at),
            "the view's window update",
        )
        if view._window != window_before:  # the highlights were rebuilt: wait for that paint
            mark = refreshed_at[-1]
            wait_until(app, lambda m=mark: probe.count > m, "the paint with new highlights")
        out.append((time.perf_counter() - t0) * 1000)
    settle(app, window)
    return out
