"""Tagging entities: label keys on the selection (snapped to words by the project's boundary
policy), relabelling, deleting, attribute edits, and tag-all (in the document as a batch of
suggestions, in the project as one undoable step after a confirmation)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from annotation.clitics import exceptions_for, splitter
from annotation.proposals import entity_proposals
from annotation.snapping import snap
from annotation.spans import Span, new_id
from storage.project import Project
from storage.search_index import tag_all_elsewhere
from storage.session import EditRefused
from ui.busy import run_busy
from ui.commands import AddSpans, AddSpansAcross, RemoveSpans, UpdateSpans
from ui.dialogs import LabelPicker
from ui.document_controller import DocumentController
from ui.document_view import DocumentView
from ui.plain_text import ask, isolate, ltr, visible_controls
from ui.search_controller import SearchController
from ui.search_index_progress import ensure_search_index
from ui.suggestions import SuggestionsController

POLICIES = ("token", "strip_clitics")


class TaggingController(QObject):
    message = Signal(str, int)
    selectRequested = Signal(str)  # span id to select (an entity that was already there)
    policyChanged = Signal(str)

    def __init__(
        self,
        docs: DocumentController,
        view: DocumentView,
        search: SearchController,
        suggestions: SuggestionsController,
        dialog_parent: QWidget | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.docs, self.view = docs, view
        self.search, self.suggestions = search, suggestions
        self.dialog_parent = dialog_parent
        self._splitter: tuple[str, Callable[[str], int]] | None = None  # (setting, splitter)
        view.tag_target = self.target  # the preview drawn while selecting asks the same
        # F1 in the label picker: the guidelines' section on a label (set by the window)
        self.show_guidelines: Callable[[str], object] | None = None

    # --- boundary policy (a project decision, stored with each annotation) --------------------
    def boundary_policy(self) -> str:
        return self.docs.project.setting("boundary_policy", "token")

    def set_boundary_policy(self, policy: str) -> None:
        if policy not in POLICIES:
            raise ValueError(f"unknown boundary policy {policy!r}")
        if policy != self.boundary_policy():
            self.docs.project.set_setting("boundary_policy", policy)
        self.policyChanged.emit(policy)
        self.view.refresh_preview()

    def _proclitic_splitter(self) -> Callable[[str], int]:
        words = self.docs.project.setting("clitic_exceptions", "")
        if self._splitter is None or self._splitter[0] != words:
            # built once per list of words, not on every mouse move of a drag
            self._splitter = (words, splitter(exceptions_for(words)))
        return self._splitter[1]

    def target(self, start: int, end: int, exact: bool) -> tuple[tuple[int, int] | None, str]:
        """What a label key tags for the selection [start, end): the range after the project's
        boundary policy (the characters themselves, trimmed, when exact), or None when it holds
        no word; and the policy. The one computation behind the preview drawn while selecting
        and the tag command, so a key tags exactly what is shown. Local: snapping reads only
        the words around the selection."""
        session = self.docs.session
        policy = "exact" if exact else self.boundary_policy()
        if session is None:
            return None, policy
        return snap(session.text, start, end, policy, self._proclitic_splitter()), policy

    def active_span(self) -> Span | None:
        session = self.docs.session
        return session.index.get(self.view.active_span_id or "") if session else None

    # --- tagging ------------------------------------------------------------------------------
    def tag_selection(self, label: str, exact: bool = False) -> Span | None:
        """Tag the selection (snapped to words unless exact/Alt), or relabel the selected
        entity when there is no selection."""
        session = self.docs.session
        if session is None:
            return None
        rng = self.view.selection_range()
        if rng is None:
            active = self.active_span()
            if active is not None and active.kind == "entity":
                if active.label != label:
                    self.docs.push(
                        UpdateSpans(
                            self.docs,
                            session.doc.id,
                            [replace(active, label=label)],
                            self.tr("relabel as {label}").format(label=label),
                        )
                    )
                return active
            caret = self.view.caret_offset()
            rng = (caret, caret)
        snapped, policy = self.target(rng[0], rng[1], exact or self.view.exact_wanted())
        if snapped is None:
            self.message.emit(self.tr("Nothing to tag: the selection holds no word."), 4000)
            return None
        start, end = snapped
        existing = session.index.find("entity", start, end, label)
        if existing is not None:
            self.selectRequested.emit(existing.id)
            self.message.emit(self.tr("Already tagged {label}.").format(label=ltr(label)), 3000)
            return existing
        span = Span(
            new_id(),
            session.doc.id,
            "entity",
            label,
            start,
            end,
            {},
            policy,
            self.docs.project.annotator_name,
        )
        try:
            session.check_span(span)
        except EditRefused as exc:
            self.message.emit(str(exc), 5000)
            return None
        if not self.docs.push(
            AddSpans(
                self.docs, session.doc.id, [span], text=self.tr("tag {label}").format(label=label)
            )
        ):
            return None
        self.view.alt_selection = False
        self.view.clear_selection()
        return span

    def pick_label(self) -> None:
        if self.docs.session is None:
            return
        active = self.active_span()
        picker = LabelPicker(
            self.docs.project.schema(),
            "entity",
            self.dialog_parent,
            active.label if active else None,
        )
        picker.show_guidelines = self.show_guidelines
        chosen = picker.chosen() if picker.exec() else None
        if chosen:
            self.tag_selection(chosen)

    def delete_active(self) -> bool:
        session = self.docs.session
        span = self.active_span()
        if session is None or span is None:
            return False
        dependents = session.dependents([span.id])
        if dependents:
            kinds = ", ".join(sorted({d.kind for d in dependents}))
            # no user text in this question: the standard box is plain enough
            answer = QMessageBox.question(
                self.dialog_parent,
                self.tr("Delete annotation"),
                self.tr(
                    "%n other annotation(s) (%1) refer to this one. Delete it and remove those links?",
                    "",
                    len(dependents),
                ).replace("%1", ltr(kinds)),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return True
        self.docs.push(
            RemoveSpans(
                self.docs,
                session.doc.id,
                [span.id],
                self.tr("delete {label}").format(label=span.label),
            )
        )
        return True

    def set_attribute(self, span_id: str, name: str, value: str) -> None:
        session = self.docs.session
        if session is None or span_id not in session.index:
            return
        span = session.index[span_id]
        new = replace(span, attrs={**span.attrs, name: value})
        try:
            session.check_span(new)
        except EditRefused as exc:
            self.message.emit(str(exc), 5000)
            return
        self.docs.push(
            UpdateSpans(self.docs, session.doc.id, [new], self.tr("set {name}").format(name=name))
        )

    # --- tag all ------------------------------------------------------------------------------
    def tag_all(self, project_wide: bool = False) -> None:
        """Propose the selected entity's label on every variant of its text, following the
        project's boundary policy: in this document as a batch of suggestions to review; with
        project_wide, the other documents' matches are offered in bulk after a confirmation,
        as one undo step."""
        session = self.docs.session
        span = self.active_span()
        if session is None or span is None or span.kind != "entity":
            self.message.emit(self.tr("Select an entity first (click it)."), 4000)
            return
        boundary = self.boundary_policy()
        surface = session.text[span.start : span.end]
        exceptions = self.search.exceptions()
        ranges = self.search.index().find(surface, boundary=boundary, exceptions=exceptions)
        found = entity_proposals(
            session.doc.id,
            span.label,
            ranges,
            session.index,
            boundary,
            self.docs.project.annotator_name,
        )
        self.suggestions.add_batch(found)
        self.message.emit(
            self.tr(
                "%n more occurrence(s) proposed as %1: Ctrl+Shift+Enter accepts these, "
                "Ctrl+Shift+Backspace rejects them, Enter / Backspace one by one",
                "",
                len(found),
            ).replace("%1", ltr(span.label)),
            10000,
        )
        if project_wide:
            self._tag_all_elsewhere(span.label, surface, boundary, exceptions)

    def _tag_all_elsewhere(
        self, label: str, surface: str, boundary: str, exceptions: frozenset[str]
    ) -> None:
        session = self.docs.session
        assert session is not None
        project = self.docs.project
        # Through the project's search index: only documents holding the surface are read, on
        # a read-only connection of a worker thread (a frequent name is in a tenth of a
        # 100,000-article project: seconds of reading spans), a busy dialog meanwhile.
        ensure_search_index(project, self.dialog_parent)
        path, annotator, skip_doc = project.path, project.annotator_name, session.doc.id

        def find() -> dict[str, list[Span]]:
            with Project(path, annotator=annotator, readonly=True) as reader:
                return tag_all_elsewhere(
                    reader, label, surface, boundary, skip_doc=skip_doc, exceptions=exceptions
                )

        per_doc = run_busy(
            find,
            self.tr("Tag all in the project"),
            self.tr("Finding «{surface}» in the other documents…").format(surface=isolate(surface)),
            self.dialog_parent,
        )
        total = sum(len(v) for v in per_doc.values())
        if not total:
            self.message.emit(self.tr("No untagged occurrences in the other documents."), 5000)
            return
        if ask(
            self.dialog_parent,
            self.tr("Tag all in the project"),
            self.tr(
                "Tag {total} occurrences of «{surface}» as {label} in {docs} other document(s)?"
            ).format(
                total=total,
                surface=isolate(surface),
                label=ltr(visible_controls(label)),
                docs=len(per_doc),
            ),
        ):
            self.docs.push(
                AddSpansAcross(
                    self.docs,
                    per_doc,
                    self.tr("tag {total} × {label} in the project").format(
                        total=total, label=label
                    ),
                )
            )
