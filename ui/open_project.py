"""File > Open project…: another project file in a window of its own (the one open stays as it
is), the file dialog starting in the folder last used to open a project."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from annotation.errors import HashiyaError
from ui.view_prefs import ViewPreferences


class ProjectOpener(QObject):
    message = Signal(str, int)

    def __init__(
        self,
        current: Path,
        annotator: str | None,
        prefs: ViewPreferences,
        dialog_parent: QWidget | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.current = Path(current)
        self.annotator = annotator
        self.prefs = prefs
        self.dialog_parent = dialog_parent
        self.windows: list[QWidget] = []  # windows opened from here, kept until closed

    def open_dialog(self) -> QWidget | None:
        path, _ = QFileDialog.getOpenFileName(
            self.dialog_parent,
            self.tr("Open project"),
            self.prefs.last_folder("open_project"),
            self.tr("Hashiya projects (*.hashiya);;All files (*)"),
        )
        if not path:
            return None
        self.prefs.remember_folder("open_project", Path(path).parent)
        return self.open(Path(path))

    def open(self, path: Path) -> QWidget | None:
        """A window on path; None (and one line said) when it is this window's project or is
        refused (locked by another window, not a project file...)."""
        from ui.app import create_window

        if path.resolve() == self.current.resolve():
            self.message.emit(self.tr("That project is the one open in this window."), 5000)
            return None
        try:
            window = create_window(path, self.annotator)
        except HashiyaError as exc:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Cannot open project"),
                " ".join(str(exc).split()),
                QMessageBox.StandardButton.Ok,
                self.dialog_parent,
            )
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.open()
            return None
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        project = window.project
        self.windows.append(window)

        def closed(_obj: object = None) -> None:
            project.close()
            if window in self.windows:
                self.windows.remove(window)

        window.destroyed.connect(closed)
        window.show()
        return window
