"""Attribution: making a quote or claim (Q / C) and choosing its speaker, cue or claimant.

The choosing is an explicit interaction object, in the style of orange-canvas-core's
``UserInteraction``: a ``PickInteraction`` is started (by Q, C or a Details button), is fed the
user's clicks and keys while it runs, and ends itself, handing over to the next role (a quote's
speaker, then its cue) or to nothing. While one runs it has the first say on Enter, Esc, A and
clicks on entities (see ui/key_routing.py).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QCoreApplication, QObject, Signal

from annotation.attribution import AgentRef, build_claim, build_quote, enclosing_quote
from annotation.snapping import snap
from annotation.spans import Link, Span, new_id
from ui.commands import AddLinks, AddSpans, RemoveLinks, RemoveSpans, UpdateSpans
from ui.document_controller import DocumentController
from ui.document_view import DocumentView
from ui.i18n import QT_TRANSLATE_NOOP

PICK_PROMPTS = {
    "speaker": QT_TRANSLATE_NOOP(
        "attribution",
        "Speaker: click an entity, or select the words and press Enter · Esc: unknown",
    ),
    "cue": QT_TRANSLATE_NOOP(
        "attribution", "Cue: select the reporting verb and press Enter · Esc: none"
    ),
    "claimant": QT_TRANSLATE_NOOP(
        "attribution",
        "Claimant: click an entity, or select words and press Enter · A: the article itself · "
        "Esc: unknown",
    ),
}
NEXT_ROLE: dict[str, str | None] = {"speaker": "cue", "cue": None, "claimant": None}
OPENING_MARKS = ("\u00ab", '"', "\u201c", "\u2039", ":")


@dataclass(frozen=True)
class PickInteraction:
    """Choosing one role of one quote or claim. Immutable: each step makes the next one."""

    role: str  # speaker, cue or claimant
    span_id: str  # the quote or claim

    @property
    def prompt(self) -> str:
        return QCoreApplication.translate("attribution", PICK_PROMPTS[self.role])

    def accepts_click_on(self, span: Span) -> bool:
        """A click on an entity (or a mention) names a speaker or claimant; cues are selected."""
        return self.role != "cue" and span.kind in ("entity", "mention") and span.id != self.span_id

    def next(self) -> PickInteraction | None:
        role = NEXT_ROLE[self.role]
        return PickInteraction(role, self.span_id) if role is not None else None

    def as_tuple(self) -> tuple[str, str]:
        return (self.role, self.span_id)


class AttributionController(QObject):
    message = Signal(str, int)
    activeChanged = Signal(str)  # the quote/claim to show in Details ("" = none)
    interactionChanged = Signal(object)  # PickInteraction | None

    def __init__(
        self, docs: DocumentController, view: DocumentView, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.docs, self.view = docs, view
        self.interaction: PickInteraction | None = None
        docs.documentOpened.connect(lambda _s: self._set(None))

    @property
    def pick(self) -> tuple[str, str] | None:
        return self.interaction.as_tuple() if self.interaction is not None else None

    @property
    def picking(self) -> bool:
        return self.interaction is not None

    def _set(self, interaction: PickInteraction | None) -> None:
        self.interaction = interaction
        self.interactionChanged.emit(interaction)

    # --- starting -----------------------------------------------------------------------------
    def snapped_selection(self) -> tuple[int, int] | None:
        session = self.docs.session
        rng = self.view.selection_range() if session else None
        if session is None or rng is None:
            self.message.emit(self.tr("Select the text first."), 4000)
            return None
        policy = "exact" if self.view.alt_selection else "token"
        snapped = snap(session.text, rng[0], rng[1], policy)
        if snapped is None:
            self.message.emit(self.tr("Nothing to tag: the selection holds no word."), 4000)
        return snapped

    def start_quote(self) -> Span | None:
        """Q: the selection becomes a quote's content; then choose speaker and cue."""
        session = self.docs.session
        snapped = self.snapped_selection()
        if session is None or snapped is None:
            return None
        start, _end = snapped
        before = session.text[:start].rstrip()[-1:]
        quote_type = "direct" if before in OPENING_MARKS else "indirect"
        spans, links = build_quote(
            session.doc.id, snapped, quote_type, annotator=self.docs.project.annotator_name
        )
        if not self.docs.push(
            AddSpans(self.docs, session.doc.id, spans, links, self.tr("tag quote"))
        ):
            return None
        self.view.clear_selection()
        self.view.active_span_id = spans[0].id
        self.begin("speaker", spans[0].id)
        return spans[0]

    def start_claim(self) -> Span | None:
        """C: the selection becomes a claim; then choose the claimant (unless a quote around
        it already names its speaker)."""
        session = self.docs.session
        snapped = self.snapped_selection()
        if session is None or snapped is None:
            return None
        quote = enclosing_quote(session.index, *snapped)
        claimant: AgentRef = None
        if quote is not None:
            speaker = session.index.links_from(quote.id, "speaker")
            claimant = speaker[0].target if speaker else None
        attrs = {
            k: v
            for k, v in session.schema.default_attrs("claim").items()
            if k != "claimant_article"
        }
        spans, links = build_claim(
            session.doc.id,
            snapped,
            attrs,
            claimant,
            False,
            quote.id if quote else None,
            self.docs.project.annotator_name,
        )
        if not self.docs.push(
            AddSpans(self.docs, session.doc.id, spans, links, self.tr("tag claim"))
        ):
            return None
        self.view.clear_selection()
        self.view.active_span_id = spans[0].id
        if claimant is None:
            self.begin("claimant", spans[0].id)
        else:
            self.activeChanged.emit(spans[0].id)
        return spans[0]

    def begin(self, role: str, span_id: str) -> None:
        self._set(PickInteraction(role, span_id))
        self.view.active_span_id = span_id
        self.activeChanged.emit(span_id)
        self.message.emit(QCoreApplication.translate("attribution", PICK_PROMPTS[role]), 0)

    def _advance(self) -> None:
        interaction = self.interaction
        if interaction is None:
            return
        nxt = interaction.next()
        session = self.docs.session
        self._set(None)
        if nxt is not None and session is not None and nxt.span_id in session.index:
            self.begin(nxt.role, nxt.span_id)
        else:
            self.message.emit(self.tr("Saved."), 2000)
            self.activeChanged.emit(interaction.span_id)

    # --- the events an interaction takes ------------------------------------------------------
    def click(self, span: Span) -> bool:
        """A click on a span while choosing: link it. True when consumed."""
        interaction = self.interaction
        if interaction is None or not interaction.accepts_click_on(span):
            return False
        self._replace_link(interaction.role, interaction.span_id, [], span.id)
        self._advance()
        return True

    def enter(self) -> bool:
        """Enter while choosing: the selected words become the speaker/cue/claimant (with no
        selection: leave the role as it is and go on)."""
        interaction = self.interaction
        session = self.docs.session
        if interaction is None or session is None:
            return False
        role, span_id = interaction.as_tuple()
        snapped = self.snapped_selection() if self.view.selection_range() else None
        if snapped is not None:
            kind, label = ("cue", "CUE") if role == "cue" else ("mention", "MENTION")
            existing = session.index.find("entity", *snapped) if kind == "mention" else None
            if existing is not None:
                self._replace_link(role, span_id, [], existing.id)
            else:
                span = Span(
                    new_id(),
                    session.doc.id,
                    kind,
                    label,
                    snapped[0],
                    snapped[1],
                    {},
                    "token",
                    self.docs.project.annotator_name,
                )
                self._replace_link(role, span_id, [span], span.id)
            self.view.clear_selection()
        self._advance()
        return True

    def escape(self) -> bool:
        """Esc while choosing: this role stays unknown; go on to the next one."""
        if self.interaction is None:
            return False
        self._advance()
        return True

    def article(self) -> bool:
        """A while choosing a claimant: the article itself makes the claim."""
        interaction = self.interaction
        if interaction is None or interaction.role != "claimant":
            return False
        self._replace_link("claimant", interaction.span_id, [], None, article=True)
        self._advance()
        return True

    def _replace_link(
        self,
        role: str,
        span_id: str,
        new_spans: list[Span],
        target_id: str | None,
        article: bool = False,
    ) -> None:
        """One undo step: drop the old speaker/cue/claimant link (and its orphaned mention),
        then attach the new one."""
        session = self.docs.session
        assert session is not None
        docs, doc_id = self.docs, session.doc.id
        source = session.index[span_id]
        stack = docs.undo_stack
        what = {
            "speaker": self.tr("set speaker"),
            "cue": self.tr("set reporting verb"),
            "claimant": self.tr("set claimant"),
        }.get(role, role)
        stack.beginMacro(what)
        try:
            old_links = session.index.links_from(span_id, role)
            if old_links:
                docs.push(RemoveLinks(docs, doc_id, old_links))
                orphans = [
                    lk.target
                    for lk in old_links
                    if session.index.get(lk.target) is not None
                    and session.index[lk.target].kind in ("mention", "cue")
                    and not session.index.links_of(lk.target)
                ]
                if orphans:
                    docs.push(RemoveSpans(docs, doc_id, orphans))
            if role == "claimant":
                flag = "yes" if article else "no"
                if source.attrs.get("claimant_article", "no") != flag:
                    new = replace(source, attrs={**source.attrs, "claimant_article": flag})
                    docs.push(UpdateSpans(docs, doc_id, [new]))
            if target_id is not None:
                link = Link(new_id(), doc_id, role, span_id, target_id)
                if new_spans:
                    docs.push(AddSpans(docs, doc_id, new_spans, [link], what))
                else:
                    docs.push(AddLinks(docs, doc_id, [link]))
        finally:
            stack.endMacro()
