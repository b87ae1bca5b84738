"""Starting the window: application object, bundled Arabic font, settings, logging, the
project lock, the project."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from storage.project import ProjectError
from ui.app_logging import configure_logging, install_excepthook
from ui.i18n import chosen_language, install_language
from ui.project_lock import ProjectLock, ProjectLocked

ORGANIZATION = "Hashiya"
APPLICATION = "Hashiya"

log = logging.getLogger(__name__)


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
    """The user's view preferences (zoom, geometry, last document); shared data lives in the
    project file."""
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


def create_window(  # noqa: ANN201 - MainWindow
    db_path: str | Path, annotator: str | None = None, lock: ProjectLock | None = None
):
    """The window on db_path. Raises ProjectLocked when another window has the project open
    (before the project is even opened) and ProjectError when the file is refused. `lock`: one
    the caller already holds on db_path."""
    from ui.main_window import MainWindow
    from ui.project_upgrade import open_project

    if lock is None:
        lock = ProjectLock(db_path)
        lock.acquire()
    try:
        # an older project's upgrade runs in the background, with a progress dialog
        project = open_project(Path(db_path), annotator)
    except BaseException:
        lock.release()
        raise
    log.info("opened project %s", project.path)
    return MainWindow(project, app_settings(), load_bundled_font(), lock=lock)


def _show_error(title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


ANNOTATOR_SETTING = "annotator"


def annotator_name(
    settings: QSettings,
    ask: Callable[[str], str | None] | None = None,
    warn: Callable[[str, str], None] | None = None,
) -> str | None:
    """Who is annotating: the name kept per user in QSettings, asked once on first start
    (proposing the OS user); `--annotator` overrides it for one run without asking. None when
    the user cancels the question."""
    from annotation.layers import LayerError, check_annotator_name

    kept = str(settings.value(ANNOTATOR_SETTING, "") or "")
    if kept:
        return kept
    default = os.environ.get("USER") or os.environ.get("USERNAME") or "annotator"
    ask = ask or _ask_name
    warn = warn or _show_error
    while True:
        answer = ask(default)
        if answer is None:
            return None
        try:
            name = check_annotator_name(answer.strip())
        except LayerError as exc:
            warn(QCoreApplication.translate("app", "Not a usable name"), str(exc))
            default = answer
            continue
        settings.setValue(ANNOTATOR_SETTING, name)
        settings.sync()
        return name


def _ask_name(default: str) -> str | None:
    from PySide6.QtWidgets import QInputDialog

    text, ok = QInputDialog.getText(
        None,
        QCoreApplication.translate("app", "Who is annotating?"),
        QCoreApplication.translate(
            "app",
            "Your name, stored with every annotation you make (asked once; "
            "python main.py --annotator NAME overrides it for one run):",
        ),
        text=default,
    )
    return text if ok else None


def run_gui(db_path: str | Path, annotator: str | None = None, lang: str | None = None) -> int:
    """lang ("ar"/"en") overrides the user's View > Language choice for this run."""
    app = application()
    install_language(app, chosen_language(app_settings(), lang))  # translators parented to app
    log_file = configure_logging()
    install_excepthook(_show_error, log_file)
    try:
        # The lock first: a project open in another window is refused before anything is asked.
        lock = ProjectLock(db_path)
        lock.acquire()
        if annotator is None:
            annotator = annotator_name(app_settings())
            if annotator is None:
                lock.release()
                return 1  # the user closed the first-start question: nothing was opened
        window = create_window(db_path, annotator, lock)
    except (ProjectError, ProjectLocked) as exc:
        log.warning("refused to open %s: %s", db_path, exc)
        print(f"hashiya: {exc}", file=sys.stderr)
        _show_error(QCoreApplication.translate("app", "Cannot open project"), str(exc))
        return 1
    window.show()
    code = app.exec()
    window.project.close()
    if window.lock is not None:
        window.lock.release()
    return code
