"""Suggestions in the window: F7's quote and claim proposals, the entities the project's
recommenders guess (ui/recommender_service.py trains them off the GUI thread; F7 starts the
first training and shows their guesses as soon as it is done), and tag-all's entity proposals,
reviewed one by one (N, Enter, Backspace) or per batch (Ctrl+Shift+Enter / Backspace).

The state is a Qt-free ``SuggestionQueue`` (annotation/suggestion_queue.py); this controller
fills it from the open document, keeps it in step with edits and draws it on the view.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor

from annotation.proposals import (
    Proposal,
    accepted_spans,
    claim_proposals,
    confident,
    quote_proposals,
    recommended_entity_proposals,
)
from annotation.suggestion_queue import SuggestionQueue
from storage.session import Change, DocumentSession, EditRefused
from ui.commands import AddSpans, RejectProposals
from ui.document_controller import DocumentController
from ui.document_view import Band, DocumentView
from ui.panels import kind_title
from ui.plain_text import isolate
from ui.recommender_service import RecommenderService
from ui.view_prefs import ViewPreferences


class SuggestionsController(QObject):
    message = Signal(str, int)
    activeChanged = Signal(bool)  # suggestion mode (F7) on or off

    def __init__(
        self,
        docs: DocumentController,
        view: DocumentView,
        prefs: ViewPreferences,
        parent: QObject | None = None,
        recommender: RecommenderService | None = None,
        boundary: Callable[[], str] = lambda: "token",
    ) -> None:
        super().__init__(parent)
        self.docs, self.view, self.prefs = docs, view, prefs
        self.recommender, self._boundary = recommender, boundary
        self.queue = SuggestionQueue()
        self.active = False
        docs.documentOpened.connect(self._document_opened)
        docs.rejectionsChanged.connect(self._rejections_changed)
        if recommender is not None:
            recommender.trained.connect(self._recommenders_trained)

    # --- mode ---------------------------------------------------------------------------------
    def set_active(self, on: bool) -> None:
        """F7: propose quotes and claims; off (F7 again, or Esc) drops every pending one."""
        changed = on != self.active
        self.active = on
        if on:
            if self.recommender is not None:
                self.recommender.ensure_trained()
            self.compute()
            self.message.emit(
                self.tr(
                    "%n suggestion(s) · N / Shift+N to move · Enter accepts · "
                    "Backspace rejects · Esc leaves",
                    "",
                    len(self.queue),
                ),
                8000,
            )
        else:
            self.queue.clear()
            if changed:
                self.message.emit(self.tr("Suggestions off."), 3000)
        if changed:
            self.activeChanged.emit(on)
        self.view.viewport().update()

    def compute(self, anchor: int | None = None) -> None:
        """Propose quotes and claims for the open document; the cursor goes to the first one
        at or after anchor (the caret when None)."""
        session = self.docs.session
        if session is None:
            return
        annotator = self.docs.project.annotator_name
        found = quote_proposals(session.text, session.doc.id, session.index, annotator)
        found += claim_proposals(session.text, session.doc.id, session.index, annotator)
        model = self.recommender.current if self.recommender is not None else None
        if model is not None:
            boundary = self._boundary()
            guesses = model.suggest(session.text, boundary)
            found += recommended_entity_proposals(
                session.doc.id, guesses, session.index, boundary, annotator
            )
        found = confident(found, self.prefs.min_confidence)
        self.queue.set_suggestions(
            found, session.index, self.view.caret_offset() if anchor is None else anchor
        )

    def _recommenders_trained(self, model: object) -> None:
        """A (re)trained model: its entity guesses join the pending suggestions in place."""
        if self.active and self.docs.session is not None:
            current = self.queue.current()
            self.compute(anchor=current.start if current is not None else None)
            self.view.viewport().update()
            self.message.emit(
                self.tr("Entity suggestions learned from the project: {model}").format(
                    model=isolate(str(model))
                ),
                5000,
            )

    def set_min_confidence(self, value: float) -> None:
        """Hide quote and claim suggestions below this confidence (a user preference)."""
        self.prefs.min_confidence = value
        if self.active:
            self.compute()
            self.view.viewport().update()
        self.message.emit(
            self.tr("Suggestions with a confidence of at least {value}: {n}").format(
                value=f"{value:.2f}", n=len(self.queue)
            ),
            6000,
        )

    def add_batch(self, found: Sequence[Proposal]) -> None:
        session = self.docs.session
        if session is None:
            return
        self.queue.add_batch(found, session.index, self.view.caret_offset())
        self._show_current()

    @property
    def pending(self) -> bool:
        return bool(self.queue)

    def proposals(self) -> list[Proposal]:
        return list(self.queue)

    def current(self) -> Proposal | None:
        return self.queue.current()

    # --- reviewing ----------------------------------------------------------------------------
    def step(self, delta: int) -> bool:
        p = self.queue.step(delta)
        if p is None:
            self.message.emit(self.tr("No suggestions (F7 proposes quotes and claims)."), 4000)
            return False
        self._show_current()
        self.message.emit(
            self.tr("Suggestion {pos} of {n}: {kind} (confidence {confidence}) — {reason}").format(
                pos=self.queue.pos + 1,
                n=len(self.queue),
                kind=kind_title(p.kind.capitalize()),
                confidence=f"{p.confidence:.2f}",
                reason=isolate(p.reason),
            ),
            6000,
        )
        return True

    def accept_current(self) -> bool:
        p = self.queue.current()
        if p is None:
            return False
        self.accept([p])
        return True

    def reject_current(self) -> bool:
        p = self.queue.current()
        if p is None:
            return False
        self.reject([p])
        return True

    def accept_batch(self) -> None:
        """Ctrl+Shift+Enter: the current proposal's batch (a tag-all's occurrences, or F7's
        quotes and claims), never both."""
        self.accept(self.queue.current_batch())

    def reject_batch(self) -> None:
        self.reject(self.queue.current_batch())

    def accept(self, proposals: Sequence[Proposal]) -> None:
        session = self.docs.session
        if session is None or not proposals:
            return
        spans = accepted_spans(proposals, session.schema)
        links = [
            lk
            for p in proposals
            for lk in p.links
            if lk.target in session.index or any(lk.target == s.id for s in spans)
        ]
        try:
            for span in spans:
                session.check_span(span)
        except EditRefused as exc:
            self.message.emit(str(exc), 5000)
            return
        what = (
            kind_title(proposals[0].kind.capitalize())
            if len(proposals) == 1
            else self.tr("%n suggestion(s)", "", len(proposals))
        )
        text = self.tr("accept {what}").format(what=what)
        if self.docs.push(AddSpans(self.docs, session.doc.id, spans, links, text)):
            self.message.emit(self.tr("Accepted {what}.").format(what=what), 3000)
        self._show_current()

    def reject(self, proposals: Sequence[Proposal]) -> None:
        if self.docs.session is not None and proposals:
            self.docs.push(RejectProposals(self.docs, self.docs.session.doc.id, proposals))
            self._show_current()

    def _show_current(self) -> None:
        p = self.queue.current()
        if p is not None:
            self.view.scroll_to(p.start, p.end)
        self.view.viewport().update()

    # --- keeping in step ----------------------------------------------------------------------
    def _document_opened(self, session: DocumentSession) -> None:
        self.queue.reset(self.docs.project.rejected(session.doc.id))
        if self.active:
            self.compute(anchor=0)

    def on_change(self, change: Change) -> None:
        session = self.docs.session
        if session is not None and self.queue:
            self.queue.refresh(session.index, self.view.caret_offset())
        if self.recommender is not None:  # entity edits feed retraining (after a pause)
            n = sum(1 for s in (*change.added, *change.removed) if s.kind == "entity")
            if n:
                self.recommender.note_entity_edits(n)

    def _rejections_changed(self, doc_id: str, proposals: list[Proposal], rejected: bool) -> None:
        session = self.docs.session
        if session is None or session.doc.id != doc_id:
            return
        anchor = self.view.caret_offset()
        if rejected:
            self.queue.reject(proposals, anchor)
        else:
            self.queue.unreject(proposals, session.index, anchor)
        self.view.viewport().update()

    def bands(self, lo: int, hi: int, color: Callable[[str, str], QColor]) -> list[Band]:
        current = self.queue.current()
        out = []
        for p in self.queue:
            if p.start < hi and lo < p.end:
                style = "dashed-current" if p is current else "dashed"
                out.append(Band(p.start, p.end, color(p.label, "#555555"), style))
        if current is not None:
            out += [
                Band(s.start, s.end, color(s.label, "#555555"), "dashed") for s in current.spans[1:]
            ]
        return out
