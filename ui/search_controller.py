"""Search with Arabic spelling variants, in the open document or the project: the hits, the
current one, the open document's search index, and their highlights on the view."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor

from annotation.clitics import exceptions_for
from annotation.search import SearchIndex
from storage.search_index import iter_hits
from storage.session import DocumentSession
from ui.document_controller import DocumentController
from ui.document_view import Band, DocumentView
from ui.plain_text import isolate
from ui.search_index_progress import ensure_search_index
from ui.search_panel import Hit, SearchPanel, context_of

# Search hits are outlined, never filled: a fill would read as a label colour (it looked
# like DATE). Deep orange is none of the palette's label colours.
HIT_OUTLINE = QColor("#d84315")


class SearchController(QObject):
    message = Signal(str, int)

    def __init__(
        self,
        docs: DocumentController,
        view: DocumentView,
        panel: SearchPanel,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.docs, self.view, self.panel = docs, view, panel
        self.hits: list[Hit] = []
        self.pos = -1
        self._index: SearchIndex | None = None
        panel.searchRequested.connect(self.search)
        panel.hitActivated.connect(self.go_to_hit)
        panel.cleared.connect(self.clear)
        docs.documentOpened.connect(self._document_opened)

    def _document_opened(self, _session: DocumentSession) -> None:
        self._index = None

    def exceptions(self) -> frozenset[str]:
        return exceptions_for(self.docs.project.setting("clitic_exceptions", ""))

    def invalidate(self) -> None:
        """The clitic exceptions changed: the next search builds its index again."""
        self._index = None

    def index(self) -> SearchIndex:
        """The open document's search index, built on first use."""
        session = self.docs.session
        assert session is not None
        if self._index is None:
            self._index = SearchIndex(session.text)
        return self._index

    def search(self, query: str, project_wide: bool = False, proclitics: bool = True) -> list[Hit]:
        session = self.docs.session
        if session is None:
            return []
        exceptions = self.exceptions()
        names: dict[str, str] = {}  # only the documents that have hits, one lookup each

        def name(doc_id: str) -> str:
            if doc_id not in names:
                info = self.docs.info(doc_id)
                names[doc_id] = Path(info.source).name if info is not None else doc_id
            return names[doc_id]

        hits: list[Hit] = []
        if project_wide:  # through the project's search index; texts are immutable
            ensure_search_index(self.docs.project, self.panel)
            for h in iter_hits(
                self.docs.project, query, proclitics=proclitics, exceptions=exceptions
            ):
                context = context_of(h.text, h.start, h.end)
                hits.append(Hit(h.doc_id, name(h.doc_id), h.start, h.end, context))
        else:
            found = self.index().find(query, proclitics=proclitics, exceptions=exceptions)
            hits = [
                Hit(
                    session.doc.id,
                    name(session.doc.id),
                    s,
                    e,
                    context_of(session.text, s, e),
                )
                for s, e in found
            ]
        self.hits = hits
        self.pos = -1
        self.panel.show_hits(hits, len({h.doc_id for h in hits}))
        self.view.viewport().update()
        if hits:
            first_here = next((i for i, h in enumerate(hits) if h.doc_id == session.doc.id), 0)
            self.go_to_hit(first_here)
        else:
            self.message.emit(self.tr("No match for «{query}».").format(query=isolate(query)), 4000)
        return hits

    def clear(self) -> None:
        """The search field was emptied: no results, no highlights."""
        if not self.hits and self.pos < 0:
            self.panel.clear_hits()
            return
        self.hits, self.pos = [], -1
        self.panel.clear_hits()
        self.view.viewport().update()

    def go_to_hit(self, row: int) -> None:
        if not 0 <= row < len(self.hits):
            return
        hit = self.hits[row]
        self.pos = row
        if self.docs.doc_id != hit.doc_id:
            self.docs.open(hit.doc_id)
        self.view.scroll_to(hit.start, hit.end)
        self.view.select_range(hit.start, hit.end)  # ready to tag with a key
        self.panel.select_row(row)
        self.view.viewport().update()

    def step(self, delta: int) -> None:
        if self.hits:
            self.go_to_hit((self.pos + delta) % len(self.hits))

    def bands(self, lo: int, hi: int) -> list[Band]:
        doc_id = self.docs.doc_id
        return [
            Band(h.start, h.end, HIT_OUTLINE, "hit")
            for h in self.hits
            if h.doc_id == doc_id and h.start < hi and lo < h.end
        ]
