"""The document controller: the project, the open document's session, the undo stack, and the
document list (open, step, status). Every other part of the window reaches the data through it;
undo commands call it (or the session it hands out), never the window.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import replace

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from annotation.documents import DocumentInfo
from annotation.layers import GOLD
from annotation.proposals import Proposal
from annotation.schema import LabelSchema
from annotation.spans import Span
from storage.curation import Curation, curation_annotators
from storage.project import Project
from storage.session import Change, DocumentSession
from storage.team import editing_layer
from ui.document_list_model import LazyDocumentModel

log = logging.getLogger(__name__)


class DocumentController(QObject):
    """Owns what every part shares. Signals, in the order a part should expect them:

    - ``documentOpened(session)``: a document is on screen (after the session is built);
    - ``changed(change)``: the open document's session committed an edit (exact delta);
    - ``statusChanged(doc_id, status)``: a document's status was committed;
    - ``rejectionsChanged(doc_id, proposals, rejected)``: suggestions were rejected or restored;
    - ``schemaChanged(schema)``: the label schema was stored;
    - ``documentsReloaded()``: the document list was read again (after an import);
    - ``editFailed(what, reason)``: an edit raised; it was not stored and is not on the stack.
    """

    documentOpened = Signal(object)
    changed = Signal(object)
    statusChanged = Signal(str, str)
    rejectionsChanged = Signal(str, object, bool)
    schemaChanged = Signal(object)
    documentsReloaded = Signal()
    editFailed = Signal(str, str)

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.session: DocumentSession | None = None
        self.undo_stack = QUndoStack(self)
        # the list reads pages as the view shows them; reload_documents() counts the first time
        self.doc_model = LazyDocumentModel(project, load=False)
        self.doc_model.curation = self.curation_text
        # issue 9: while curating, documents open on the gold layer (ui/curation.py)
        self.curating = False

    def curation_text(self, doc_id: str) -> str:
        """The document list's curation cell: "curated", or the disagreements left to curate
        out of all; empty for a document with fewer than two annotators' layers."""
        names = curation_annotators(self.project, doc_id)
        if len(names) < 2:
            return ""
        progress = Curation(self.project, doc_id, names).progress()
        if progress.curated:
            return self.tr("curated")
        return self.tr("%n left", "", progress.left) + f" / {progress.disagreements}"

    # --- documents ----------------------------------------------------------------------------
    @property
    def doc_id(self) -> str | None:
        return self.session.doc.id if self.session is not None else None

    def documents(self, limit: int = 1000) -> list[DocumentInfo]:
        """The first rows of the list as filtered and sorted (one page query, never the
        whole project: the list itself reads its pages as they scroll into view)."""
        return self.project.document_page(self.doc_model.query, 0, limit)

    def reload_documents(self) -> None:
        self.doc_model.reload()
        self.documentsReloaded.emit()

    def info(self, doc_id: str) -> DocumentInfo | None:
        """doc_id's list row: from the list's held pages, else one indexed lookup."""
        held = self.doc_model.loaded(doc_id)
        if held is not None:
            return held
        try:
            return self.project.document_info(doc_id)
        except KeyError:
            return None

    def first_document(self) -> str | None:
        """The id of the first document of the list as filtered and sorted, or None."""
        info = self.doc_model.info(0)
        return info.id if info is not None else None

    def open(self, doc_id: str) -> DocumentSession:
        if self.session is not None:
            self.session.observers.clear()
        layer = GOLD if self.curating else editing_layer(self.project, doc_id)
        self.session = DocumentSession(self.project, doc_id, layer=layer)
        self.session.observers.append(self._on_session_change)
        self.documentOpened.emit(self.session)
        return self.session

    def session_for(self, doc_id: str) -> DocumentSession:
        """The session of doc_id, opening it first so that an undo shows what it undoes."""
        if self.session is None or self.session.doc.id != doc_id:
            return self.open(doc_id)
        return self.session

    def step(self, delta: int) -> None:
        """Open the next (delta > 0) or previous document of the list as filtered and sorted:
        the current row from one indexed count, the target from its page."""
        model = self.doc_model
        if model.total == 0:
            return
        current = model.row_of(self.session.doc.id) if self.session else -1
        target = min(model.total - 1, max(0, current + delta))
        if target != current:
            info = model.info(target)
            if info is not None:
                self.open(info.id)

    def _on_session_change(self, change: Change) -> None:
        delta = sum(1 for s in change.added if s.kind == "entity") - sum(
            1 for s in change.removed if s.kind == "entity"
        )
        if delta and self.session is not None:
            info = self.doc_model.loaded(self.session.doc.id)  # a row not held reads anew
            if info is not None:
                self.doc_model.update_info(replace(info, entity_count=info.entity_count + delta))
        if self.curating and self.session is not None:  # gold moved: what is left to curate
            self.doc_model.forget_curation(self.session.doc.id)
        self.changed.emit(change)

    # --- the write path used by undo commands -------------------------------------------------
    def push(self, command: QUndoCommand) -> bool:
        """Run an edit through the undo stack. False (and ``editFailed``) when it raised: the
        command then marks itself obsolete in redo, so Qt drops it instead of stacking it."""
        what = command.text()  # Qt deletes an obsolete command inside push
        if self.project.readonly:
            self.editFailed.emit(what, self.tr("the project is open read-only"))
            return False
        self.undo_stack.push(command)
        failure = getattr(command, "failure", None)
        if failure is not None:
            self.editFailed.emit(what, failure)
            return False
        return True

    def status(self, doc_id: str) -> str:
        info = self.info(doc_id)
        return info.status if info is not None else self.project.document_info(doc_id).status

    def set_document_status(self, doc_id: str, status: str) -> None:
        if self.project.readonly:
            self.editFailed.emit(self.tr("set status"), self.tr("the project is open read-only"))
            return
        self.project.set_status(doc_id, status)
        self.doc_model.forget_curation(doc_id)
        info = self.doc_model.loaded(doc_id)
        if info is not None:
            self.doc_model.update_info(replace(info, status=status))
        self.statusChanged.emit(doc_id, status)

    def add_spans_anywhere(self, per_doc: dict[str, list[Span]]) -> None:
        """Spans for any documents: the documents not open in one transaction (all or none;
        one commit instead of one per document: 2.2 s instead of 5.4 s for 13,000 documents),
        then the open one through its session (and the view), which keeps its own state."""
        open_id = self.session.doc.id if self.session is not None else None
        with self.project.transaction():
            for doc_id, spans in per_doc.items():
                if doc_id != open_id:
                    self.project.insert(spans, action="tag-all")
        if self.session is not None and open_id in per_doc:
            self.session.add(per_doc[open_id], action="tag-all")
        self.refresh_counts(per_doc)

    def remove_spans_anywhere(self, per_doc: dict[str, list[Span]]) -> None:
        open_id = self.session.doc.id if self.session is not None else None
        with self.project.transaction():
            for doc_id, spans in per_doc.items():
                if doc_id != open_id:
                    self.project.delete([s.id for s in spans], (), doc_id, action="undo-tag-all")
        if self.session is not None and open_id in per_doc:
            self.session.remove([s.id for s in per_doc[open_id]], action="undo-tag-all")
        self.refresh_counts(per_doc)

    def refresh_counts(self, doc_ids: Iterable[str]) -> None:
        for doc_id in doc_ids:
            if self.doc_model.loaded(doc_id) is not None:
                self.doc_model.update_info(self.project.document_info(doc_id))

    def set_rejected(self, doc_id: str, proposals: Sequence[Proposal], rejected: bool) -> None:
        self.project.set_rejected(doc_id, [p.key for p in proposals], rejected)
        self.rejectionsChanged.emit(doc_id, list(proposals), rejected)

    def apply_schema(self, schema: LabelSchema, renames: dict[str, str]) -> None:
        """Store a schema (renames relabel annotations) and tell the parts."""
        self.project.save_schema(schema, renames)
        if self.session is not None:
            self.session.reload_labels()
        self.schemaChanged.emit(schema)
