"""Starting the window: application object, bundled Arabic font, settings, project."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from storage.project import Project, ProjectError

ORGANIZATION = "Hashiya"
APPLICATION = "Hashiya"


def load_bundled_font() -> str:
    """Register Amiri (shipped by the fontpkg-amiri package) and return its family name, so a
    fresh machine renders the article exactly like ours."""
    import fontpkg_amiri

    family = "Amiri"
    for style in ("Regular", "Bold"):
        font_id = QFontDatabase.addApplicationFont(
            str(fontpkg_amiri.ROOT / "files" / f"Amiri-{style}.ttf")
        )
        if font_id >= 0:
            family = QFontDatabase.applicationFontFamilies(font_id)[0]
    return family


def app_settings() -> QSettings:
    """Window geometry only; everything else lives in the project file."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


def application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    import qtawesome as qta

    app.setWindowIcon(QIcon(qta.icon("fa5s.feather-alt", color="#00695c")))
    return app  # type: ignore[return-value]


def create_window(db_path: str | Path, annotator: str | None = None):  # noqa: ANN201 - MainWindow
    from ui.main_window import MainWindow

    project = Project(db_path, annotator=annotator)
    return MainWindow(project, app_settings(), load_bundled_font())


def run_gui(db_path: str | Path, annotator: str | None = None) -> int:
    app = application()
    try:
        window = create_window(db_path, annotator)
    except ProjectError as exc:
        print(f"hashiya: {exc}", file=sys.stderr)
        QMessageBox.critical(None, "Cannot open project", str(exc))
        return 1
    window.show()
    code = app.exec()
    window.project.close()
    return code
