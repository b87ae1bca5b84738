"""Undo commands: one QUndoCommand per user edit, each calling the core and committing at once.

Commands talk to the DocumentController (ui/document_controller.py) and the session it hands
out, never to the window. ``session_for`` brings the command's document on screen first, so
undo always shows what it undoes. A command whose redo raises marks itself obsolete (Qt then
drops it instead of stacking it) and keeps the reason in ``failure`` for the controller to
report: an edit that was not stored is never offered for undo.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from annotation.errors import HashiyaError
from annotation.proposals import Proposal
from annotation.schema import LabelSchema
from annotation.spans import Link, Span
from storage.session import Removal

if TYPE_CHECKING:
    from ui.document_controller import DocumentController

log = logging.getLogger(__name__)


class Command(QUndoCommand):
    """Base: redo runs ``apply``; an exception there is logged and leaves nothing stacked."""

    def __init__(self, controller: DocumentController, text: str) -> None:
        super().__init__(text)
        self.controller = controller
        self.failure: str | None = None

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        try:
            self.apply()
        except Exception as exc:  # every failure: the edit must not stay on the stack
            if not isinstance(exc, HashiyaError):
                log.exception("edit %r failed", self.text())
            else:
                log.warning("edit %r refused: %s", self.text(), exc)
            self.failure = str(exc) or type(exc).__name__
            self.setObsolete(True)

    def undo(self) -> None:
        try:
            self.revert()
        except Exception as exc:
            log.exception("undo of %r failed", self.text())
            self.failure = str(exc) or type(exc).__name__
            self.setObsolete(True)
            self.controller.editFailed.emit(f"undo {self.text()}", self.failure)


class AddSpans(Command):
    def __init__(
        self,
        controller: DocumentController,
        doc_id: str,
        spans: Sequence[Span],
        links: Sequence[Link] = (),
        text: str = "add span",
    ) -> None:
        super().__init__(controller, text)
        self.doc_id = doc_id
        self.spans, self.links = tuple(spans), tuple(links)

    def apply(self) -> None:
        self.controller.session_for(self.doc_id).add(self.spans, self.links)

    def revert(self) -> None:
        session = self.controller.session_for(self.doc_id)
        if self.links:
            session.remove_links([lk.id for lk in self.links])
        session.remove([s.id for s in self.spans], action="undo-add")


class RemoveSpans(Command):
    def __init__(
        self,
        controller: DocumentController,
        doc_id: str,
        span_ids: Sequence[str],
        text: str = "delete span",
    ) -> None:
        super().__init__(controller, text)
        self.doc_id = doc_id
        self.span_ids = tuple(span_ids)
        self.removal: Removal | None = None

    def apply(self) -> None:
        self.removal = self.controller.session_for(self.doc_id).remove(self.span_ids)

    def revert(self) -> None:
        assert self.removal is not None
        self.controller.session_for(self.doc_id).restore(self.removal)


class UpdateSpans(Command):
    """Label or attribute changes: same ids and ranges."""

    def __init__(
        self,
        controller: DocumentController,
        doc_id: str,
        new: Sequence[Span],
        text: str = "change span",
    ) -> None:
        super().__init__(controller, text)
        self.doc_id = doc_id
        self.new = tuple(new)
        self.old: tuple[Span, ...] = ()

    def apply(self) -> None:
        self.old = tuple(self.controller.session_for(self.doc_id).update(self.new))

    def revert(self) -> None:
        self.controller.session_for(self.doc_id).update(self.old, action="undo-update")


class AddLinks(Command):
    def __init__(
        self,
        controller: DocumentController,
        doc_id: str,
        links: Sequence[Link],
        text: str = "link",
    ) -> None:
        super().__init__(controller, text)
        self.doc_id, self.links = doc_id, tuple(links)

    def apply(self) -> None:
        self.controller.session_for(self.doc_id).add_links(self.links)

    def revert(self) -> None:
        self.controller.session_for(self.doc_id).remove_links([lk.id for lk in self.links])


class RemoveLinks(Command):
    def __init__(
        self,
        controller: DocumentController,
        doc_id: str,
        links: Sequence[Link],
        text: str = "unlink",
    ) -> None:
        super().__init__(controller, text)
        self.doc_id, self.links = doc_id, tuple(links)

    def apply(self) -> None:
        self.controller.session_for(self.doc_id).remove_links([lk.id for lk in self.links])

    def revert(self) -> None:
        self.controller.session_for(self.doc_id).add_links(self.links)


class SetStatus(Command):
    def __init__(self, controller: DocumentController, doc_id: str, old: str, new: str) -> None:
        super().__init__(controller, f"mark as {new.replace('_', ' ')}")
        self.doc_id, self.old, self.new = doc_id, old, new

    def apply(self) -> None:
        self.controller.set_document_status(self.doc_id, self.new)

    def revert(self) -> None:
        self.controller.set_document_status(self.doc_id, self.old)


class ChangeSchema(Command):
    """A label schema edit; renames relabel existing annotations (and undo renames back)."""

    def __init__(
        self,
        controller: DocumentController,
        old: LabelSchema,
        new: LabelSchema,
        renames: dict[str, str],
        text: str = "edit labels",
    ) -> None:
        super().__init__(controller, text)
        self.old, self.new, self.renames = old, new, dict(renames)

    def apply(self) -> None:
        self.controller.apply_schema(self.new, self.renames)

    def revert(self) -> None:
        self.controller.apply_schema(self.old, {new: old for old, new in self.renames.items()})


class RejectProposals(Command):
    """Rejected suggestions are remembered for the document; undo brings them back."""

    def __init__(
        self, controller: DocumentController, doc_id: str, proposals: Sequence[Proposal]
    ) -> None:
        super().__init__(
            controller,
            "reject suggestion" if len(proposals) == 1 else f"reject {len(proposals)} suggestions",
        )
        self.doc_id, self.proposals = doc_id, tuple(proposals)

    def apply(self) -> None:
        self.controller.set_rejected(self.doc_id, self.proposals, True)

    def revert(self) -> None:
        self.controller.session_for(self.doc_id)
        self.controller.set_rejected(self.doc_id, self.proposals, False)


class AddSpansAcross(Command):
    """Spans added to several documents at once (tag all in the project): one undo step."""

    def __init__(
        self, controller: DocumentController, per_doc: dict[str, list[Span]], text: str
    ) -> None:
        super().__init__(controller, text)
        self.per_doc = {k: list(v) for k, v in per_doc.items()}

    def apply(self) -> None:
        self.controller.add_spans_anywhere(self.per_doc)

    def revert(self) -> None:
        self.controller.remove_spans_anywhere(self.per_doc)
