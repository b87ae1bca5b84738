"""Helpers for GUI tests: an isolated window on a temporary project."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication


def isolate(monkeypatch, tmp_path: Path) -> None:
    """Settings, HOME and the data directory all inside tmp_path."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "config")
    )


def open_window(qtbot, db: Path, annotator: str = "tester"):
    from ui.app import application, create_window

    application()
    window = create_window(db, annotator)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def wait_for_import(qtbot, window, count: int) -> None:
    qtbot.waitUntil(
        lambda: not window.io.importing and window.docs.doc_model.total >= count, timeout=20000
    )


def window_with(
    qtbot, monkeypatch, tmp_path: Path, paths: list[Path], db_name: str = "project.hashiya"
):
    """An isolated window on a new project with `paths` imported and the first one open."""
    isolate(monkeypatch, tmp_path)
    win = open_window(qtbot, tmp_path / db_name)
    win.io.import_paths(paths, modal=False)
    wait_for_import(qtbot, win, len(paths))
    qtbot.waitUntil(lambda: win.session is not None)
    return win


def close_window(win) -> None:
    win.close()
    win.project.close()


def press(qtbot, win, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A real key press on the article view, then let the window react. The window is made
    active first: shortcuts only reach an active window, and a progress dialog that showed
    during a slow import can leave none active."""
    if not win.isActiveWindow():
        win.activateWindow()
        qtbot.waitUntil(win.isActiveWindow, timeout=5000)
    win.view.setFocus()
    qtbot.keyClick(win.view, key, modifiers)
    QApplication.processEvents()


@contextmanager
def interface_language(language: str) -> Iterator[str]:
    """The interface in `language` for one test, English put back after it (the QApplication
    is shared by the whole session)."""
    from ui.app import application
    from ui.i18n import install_language

    app = application()
    translators = install_language(app, language)
    try:
        yield language
    finally:
        for t in translators:
            app.removeTranslator(t)
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        app.setProperty("hashiya_language", "en")


def record_busy_dialogs(monkeypatch) -> list[str]:
    """The text of every busy dialog (ui.busy.run_busy) shown from now on."""
    import ui.busy

    shown: list[str] = []

    class Recording(ui.busy.QProgressDialog):
        def show(self) -> None:
            shown.append(self.labelText())
            super().show()

    monkeypatch.setattr(ui.busy, "QProgressDialog", Recording)
    return shown
