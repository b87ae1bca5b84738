"""What another program wrote to the project, shown without reopening it.

Another window, a CLI import or a merge commits through its own connection; SQLite's
`PRAGMA data_version` (Project.data_version) moves only then. The watcher polls it every
second (a single cheap pragma, nothing read otherwise) and, when it moved, re-reads the
document list and the open document's spans: the session reports the exact difference, so the
view repaints just that and keeps the annotator's selection where its span survives. An edit
that failed (a stale copy, a span another program deleted) re-reads the same way, so the screen
shows what the file holds.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from ui.document_controller import DocumentController

log = logging.getLogger(__name__)

POLL_MS = 1000


class ExternalChangeWatcher(QObject):
    message = Signal(str, int)

    def __init__(self, docs: DocumentController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.docs = docs
        self.seen = docs.project.data_version()
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.timer.start()
        docs.editFailed.connect(lambda _what, _reason: self.reload())

    def poll(self) -> bool:
        """True when another program had written and the window was brought up to date."""
        try:
            version = self.docs.project.data_version()
        except Exception:  # a locked or vanished file: try again at the next tick
            log.exception("data_version failed")
            return False
        if version == self.seen:
            return False
        self.seen = version
        self.reload()
        self.message.emit(self.tr("The project was changed by another program: updated."), 5000)
        return True

    def reload(self) -> None:
        current = self.docs.doc_id
        self.docs.reload_documents()
        session = self.docs.session
        if session is not None and session.doc.id == current:
            session.reload()  # observers (the window) get the exact Change
        self.seen = self.docs.project.data_version()

    def stop(self) -> None:
        self.timer.stop()

    def resume(self) -> None:
        """After the window's own import (its worker writes through another connection, which
        moves data_version): catch up silently and watch again."""
        self.reload()
        self.timer.start()
