"""Opening a project made by an older version: its upgrade (storage/migrations.py; at corpus
scale the document list and its trigram index are built from every text, seconds for a large
archive) runs once, in a background thread, while a progress dialog says so and the
interface keeps painting. A project of this version opens directly, with no thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from storage.migrations import LATEST_VERSION
from storage.project import Project
from ui.busy import run_busy

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
    return run_busy(
        lambda: Project(path, annotator=annotator),
        QCoreApplication.translate("project_upgrade", "Opening the project"),
        QCoreApplication.translate(
            "project_upgrade",
            "Upgrading {name} for this version of Hashiya (once; large projects take a while)…",
        ).format(name=path.name),
    )
