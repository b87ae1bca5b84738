"""Opening a project made by an older version: its upgrade (storage/migrations.py; at corpus
scale the document list and its trigram index are built from every text, seconds for a large
archive) runs once, in a background thread, while a progress dialog says so and the
interface keeps painting. A project of this version opens directly, with no thread.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog

from storage.migrations import LATEST_VERSION
from storage.project import Project

_USER_VERSION = slice(60, 64)  # SQLite header: the user_version, big-endian


def header_version(path: Path) -> int | None:
    """The file's schema version from its header (no SQLite connection), or None for a
    missing, empty or unreadable file. After a killed session the header may lag the -wal:
    only the choice to show progress depends on it."""
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError:
        return None
    if len(header) < 100:
        return None
    return int.from_bytes(header[_USER_VERSION], "big")


def needs_upgrade(path: Path) -> bool:
    version = header_version(path)
    return version is not None and 0 < version < LATEST_VERSION


def open_project(path: Path, annotator: str | None = None) -> Project:
    """Project(path, annotator), with the upgrade of an older file in the background."""
    if not needs_upgrade(path):
        return Project(path, annotator=annotator)
    result: dict[str, object] = {}

    def work() -> None:
        try:
            result["project"] = Project(path, annotator=annotator)
        except BaseException as exc:  # raised again in the GUI thread below
            result["error"] = exc

    dialog = QProgressDialog(
        QCoreApplication.translate(
            "project_upgrade",
            "Upgrading {name} for this version of Hashiya (once; large projects take a while)…",
        ).format(name=path.name),
        "",
        0,
        0,
    )
    dialog.setWindowTitle(QCoreApplication.translate("project_upgrade", "Opening the project"))
    dialog.setCancelButton(None)  # type: ignore[arg-type]  # a half upgrade is rolled back anyway
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.show()
    loop = QEventLoop()
    thread = threading.Thread(target=work, name="project-upgrade", daemon=True)
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
    project = result["project"]
    assert isinstance(project, Project)
    return project
