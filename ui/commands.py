"""Undo commands: one QUndoCommand per user edit, each calling the core and committing at once.

Commands find the document they belong to through the EditorHost (the main window), which
brings that document on screen first, so undo always shows what it undoes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtGui import QUndoCommand

from annotation.proposals import Proposal
from annotation.schema import LabelSchema
from annotation.spans import Link, Span
from storage.session import DocumentSession, Removal


class EditorHost(Protocol):
    def session_for(self, doc_id: str) -> DocumentSession: ...
    def set_rejected(self, doc_id: str, proposals: Sequence[Proposal], rejected: bool) -> None: ...
    def add_spans_anywhere(self, per_doc: dict[str, list[Span]]) -> None: ...
    def remove_spans_anywhere(self, per_doc: dict[str, list[Span]]) -> None: ...
    def set_document_status(self, doc_id: str, status: str) -> None: ...
    def apply_schema(self, schema: LabelSchema, renames: dict[str, str]) -> None: ...


class AddSpans(QUndoCommand):
    def __init__(
        self,
        host: EditorHost,
        doc_id: str,
        spans: Sequence[Span],
        links: Sequence[Link] = (),
        text: str = "add span",
    ) -> None:
        super().__init__(text)
        self.host, self.doc_id = host, doc_id
        self.spans, self.links = tuple(spans), tuple(links)

    def redo(self) -> None:
        self.host.session_for(self.doc_id).add(self.spans, self.links)

    def undo(self) -> None:
        session = self.host.session_for(self.doc_id)
        if self.links:
            session.remove_links([lk.id for lk in self.links])
        session.remove([s.id for s in self.spans], action="undo-add")


class RemoveSpans(QUndoCommand):
    def __init__(
        self, host: EditorHost, doc_id: str, span_ids: Sequence[str], text: str = "delete span"
    ) -> None:
        super().__init__(text)
        self.host, self.doc_id = host, doc_id
        self.span_ids = tuple(span_ids)
        self.removal: Removal | None = None

    def redo(self) -> None:
        self.removal = self.host.session_for(self.doc_id).remove(self.span_ids)

    def undo(self) -> None:
        assert self.removal is not None
        self.host.session_for(self.doc_id).restore(self.removal)


class UpdateSpans(QUndoCommand):
    """Label or attribute changes: same ids and ranges."""

    def __init__(
        self, host: EditorHost, doc_id: str, new: Sequence[Span], text: str = "change span"
    ) -> None:
        super().__init__(text)
        self.host, self.doc_id = host, doc_id
        self.new = tuple(new)
        self.old: tuple[Span, ...] = ()

    def redo(self) -> None:
        self.old = tuple(self.host.session_for(self.doc_id).update(self.new))

    def undo(self) -> None:
        self.host.session_for(self.doc_id).update(self.old, action="undo-update")


class AddLinks(QUndoCommand):
    def __init__(
        self, host: EditorHost, doc_id: str, links: Sequence[Link], text: str = "link"
    ) -> None:
        super().__init__(text)
        self.host, self.doc_id, self.links = host, doc_id, tuple(links)

    def redo(self) -> None:
        self.host.session_for(self.doc_id).add_links(self.links)

    def undo(self) -> None:
        self.host.session_for(self.doc_id).remove_links([lk.id for lk in self.links])


class RemoveLinks(QUndoCommand):
    def __init__(
        self, host: EditorHost, doc_id: str, links: Sequence[Link], text: str = "unlink"
    ) -> None:
        super().__init__(text)
        self.host, self.doc_id, self.links = host, doc_id, tuple(links)

    def redo(self) -> None:
        self.host.session_for(self.doc_id).remove_links([lk.id for lk in self.links])

    def undo(self) -> None:
        self.host.session_for(self.doc_id).add_links(self.links)


class SetStatus(QUndoCommand):
    def __init__(self, host: EditorHost, doc_id: str, old: str, new: str) -> None:
        super().__init__(f"mark as {new.replace('_', ' ')}")
        self.host, self.doc_id, self.old, self.new = host, doc_id, old, new

    def redo(self) -> None:
        self.host.set_document_status(self.doc_id, self.new)

    def undo(self) -> None:
        self.host.set_document_status(self.doc_id, self.old)


class ChangeSchema(QUndoCommand):
    """A label schema edit; renames relabel existing annotations (and undo renames back)."""

    def __init__(
        self,
        host: EditorHost,
        old: LabelSchema,
        new: LabelSchema,
        renames: dict[str, str],
        text: str = "edit labels",
    ) -> None:
        super().__init__(text)
        self.host, self.old, self.new, self.renames = host, old, new, dict(renames)

    def redo(self) -> None:
        self.host.apply_schema(self.new, self.renames)

    def undo(self) -> None:
        self.host.apply_schema(self.old, {new: old for old, new in self.renames.items()})


class RejectProposals(QUndoCommand):
    """Rejected suggestions are remembered for the document; undo brings them back."""

    def __init__(self, host: EditorHost, doc_id: str, proposals: Sequence[Proposal]) -> None:
        super().__init__(
            "reject suggestion" if len(proposals) == 1 else f"reject {len(proposals)} suggestions"
        )
        self.host, self.doc_id, self.proposals = host, doc_id, tuple(proposals)

    def redo(self) -> None:
        self.host.set_rejected(self.doc_id, self.proposals, True)

    def undo(self) -> None:
        self.host.session_for(self.doc_id)
        self.host.set_rejected(self.doc_id, self.proposals, False)


class AddSpansAcross(QUndoCommand):
    """Spans added to several documents at once (tag all in the project): one undo step."""

    def __init__(self, host: EditorHost, per_doc: dict[str, list[Span]], text: str) -> None:
        super().__init__(text)
        self.host, self.per_doc = host, {k: list(v) for k, v in per_doc.items()}

    def redo(self) -> None:
        self.host.add_spans_anywhere(self.per_doc)

    def undo(self) -> None:
        self.host.remove_spans_anywhere(self.per_doc)
