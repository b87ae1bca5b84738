"""The project search index of a project made before it (or filled by an older version) is
completed on the first project-wide search, variants or tag-all: with a progress dialog,
a batch of 500 texts at a time, the interface painting between batches."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from storage import search_index
from storage.project import Project


def ensure_search_index(project: Project, parent: QWidget | None = None) -> int:
    """Index what is missing (nothing for a read-only project, which is searched text by
    text); return how many documents were indexed."""
    conn = project.db.conn
    if project.readonly or search_index.unindexed_count(conn) == 0:
        return 0
    dialog = QProgressDialog(
        QCoreApplication.translate(
            "search_index_progress", "Indexing the project's texts for search (once)…"
        ),
        "",
        0,
        0,
        parent,
    )
    dialog.setWindowTitle(QCoreApplication.translate("search_index_progress", "Search index"))
    dialog.setCancelButton(None)  # type: ignore[arg-type]  # one transaction: all or nothing
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.show()
    QApplication.processEvents()

    def progress(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)
        QApplication.processEvents()

    try:
        return search_index.build(conn, progress)
    finally:
        dialog.close()
        dialog.deleteLater()
