"""Editing one document: validates against the schema, commits to the project, keeps the
in-memory SpanIndex in step, and tells observers exactly what changed.

The window's undo commands, the command line and the tests all edit through this class.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from annotation import validation
from annotation.documents import Document
from annotation.schema import LabelSchema
from annotation.span_index import SpanIndex
from annotation.spans import Link, Span
from annotation.validation import EditRefused
from storage.project import Project

__all__ = ["Change", "DocumentSession", "EditRefused", "Removal"]


@dataclass
class Change:
    added: list[Span] = field(default_factory=list)
    removed: list[Span] = field(default_factory=list)
    updated: list[tuple[Span, Span]] = field(default_factory=list)  # (old, new)
    links_added: list[Link] = field(default_factory=list)
    links_removed: list[Link] = field(default_factory=list)

    def spans_touched(self) -> list[Span]:
        return [*self.added, *self.removed, *(new for _, new in self.updated)]


@dataclass(frozen=True)
class Removal:
    """What a removal took out, so that undo can put back exactly that."""

    spans: tuple[Span, ...]
    links: tuple[Link, ...]


Observer = Callable[[Change], None]


class DocumentSession:
    """layer: None edits the document's spans of every layer (a one-person project); a name
    (an annotator's, or annotation.layers.GOLD) loads only that layer, and what is added
    without an annotator goes into it."""

    def __init__(self, project: Project, doc_id: str, layer: str | None = None) -> None:
        self.project = project
        self.layer = layer
        self.doc: Document = project.document(doc_id)
        self.index = SpanIndex(
            project.spans(doc_id, annotator=layer), project.links(doc_id, annotator=layer)
        )
        self.observers: list[Observer] = []

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def schema(self) -> LabelSchema:
        return self.project.schema()

    def _notify(self, change: Change) -> None:
        for observer in list(self.observers):
            observer(change)

    # --- validation (the rules live in annotation.validation) ------------------------------
    def _stored_kind(self, span_id: str) -> str | None:
        span = self.index.get(span_id)
        return span.kind if span is not None else None

    def check_span(self, span: Span) -> None:
        validation.check_span(span, self.doc.id, len(self.doc.text), self.schema)

    def check_edit(self, spans: list[Span], links: list[Link]) -> None:
        validation.check_edit(
            self.doc.id,
            len(self.doc.text),
            self.schema,
            spans,
            links,
            stored_kind=self._stored_kind,
            stored_links=lambda source, type_name: len(self.index.links_from(source, type_name)),
        )

    # --- edits ------------------------------------------------------------------------------
    def add(
        self, spans: Iterable[Span] = (), links: Iterable[Link] = (), action: str = "add"
    ) -> Change:
        spans, links = list(spans), list(links)
        if self.layer is not None:
            spans = [s if s.annotator else replace(s, annotator=self.layer) for s in spans]
            links = [lk if lk.annotator else replace(lk, annotator=self.layer) for lk in links]
        self.check_edit(spans, links)
        self.project.insert(spans, links, action=action)
        for span in spans:
            self.index.add(span)
        for link in links:
            self.index.add_link(link)
        change = Change(added=spans, links_added=links)
        self._notify(change)
        return change

    def removal_for(self, span_ids: Iterable[str]) -> Removal:
        """The spans and every link touching them (links are never left dangling)."""
        spans = [self.index[i] for i in dict.fromkeys(span_ids)]
        link_ids: dict[str, Link] = {}
        for span in spans:
            for link in self.index.links_of(span.id):
                link_ids[link.id] = link
        return Removal(tuple(spans), tuple(link_ids.values()))

    def dependents(self, span_ids: Iterable[str]) -> list[Span]:
        """Spans outside span_ids that link to one of them (a quote whose speaker it is)."""
        ids = set(span_ids)
        out: dict[str, Span] = {}
        for sid in ids:
            for link in self.index.links_to(sid):
                if link.source not in ids:
                    out[link.source] = self.index[link.source]
        return list(out.values())

    def remove(self, span_ids: Iterable[str], action: str = "delete") -> Removal:
        removal = self.removal_for(span_ids)
        self.project.delete(
            [s.id for s in removal.spans],
            [lk.id for lk in removal.links],
            self.doc.id,
            action=action,
            versions={s.id: s.version for s in removal.spans},
        )
        for link in removal.links:
            self.index.remove_link(link.id)
        for span in removal.spans:
            self.index.remove(span.id)
        self._notify(Change(removed=list(removal.spans), links_removed=list(removal.links)))
        return removal

    def restore(self, removal: Removal) -> Change:
        return self.add(removal.spans, removal.links, action="restore")

    def update(self, spans: Iterable[Span], action: str = "update") -> list[Span]:
        """Replace label/attributes of spans (same id, kind and range); return the old ones.
        The edit is made from the version this session holds: when another window or program
        changed the span since, StaleEdit is raised and nothing is written (call reload())."""
        spans = list(spans)
        old: list[Span] = []
        stored: list[Span] = []
        for span in spans:
            current = self.index.get(span.id)
            if current is None:
                raise EditRefused(f"span {span.id} is not in the document")
            if (current.kind, current.start, current.end) != (span.kind, span.start, span.end):
                raise EditRefused("an update keeps the kind and range of a span")
            self.check_span(span)
            old.append(current)
            stored.append(replace(span, version=current.version))
        self.project.update_spans(stored, action=action)
        new = [replace(span, version=span.version + 1) for span in stored]
        for span in new:
            self.index.replace(span)
        self._notify(Change(updated=list(zip(old, new, strict=True))))
        return old

    def relabel(self, span_ids: Iterable[str], label: str) -> list[Span]:
        return self.update(
            [replace(self.index[i], label=label) for i in span_ids], action="relabel"
        )

    def set_attrs(self, span_id: str, **attrs: str) -> list[Span]:
        span = self.index[span_id]
        return self.update([replace(span, attrs={**span.attrs, **attrs})], action="attrs")

    def add_links(self, links: Iterable[Link]) -> Change:
        return self.add((), links, action="link")

    def remove_links(self, link_ids: Iterable[str]) -> list[Link]:
        found = [self.index.link(i) for i in link_ids]
        links = [lk for lk in found if lk is not None]
        self.project.delete((), [lk.id for lk in links], self.doc.id, action="unlink")
        for link in links:
            self.index.remove_link(link.id)
        self._notify(Change(links_removed=links))
        return links

    def reload_labels(self) -> None:
        """After a schema change (rename), re-read labels from the project."""
        fresh = {s.id: s for s in self.project.spans(self.doc.id)}
        changed = []
        for span in self.index.all():
            new = fresh.get(span.id)
            if new is not None and new.label != span.label:
                self.index.replace(new)
                changed.append((span, new))
        if changed:
            self._notify(Change(updated=changed))

    def reload(self) -> Change:
        """Re-read the document's spans and links after another window or program wrote to
        the project (Project.data_version moved, or an edit raised StaleEdit); observers are
        told exactly what differs, so a view keeps its selection where the span survives."""
        fresh = {s.id: s for s in self.project.spans(self.doc.id, annotator=self.layer)}
        fresh_links = {lk.id: lk for lk in self.project.links(self.doc.id, annotator=self.layer)}
        current = {s.id: s for s in self.index.all()}
        current_links = {lk.id: lk for lk in self.index.links()}
        change = Change(
            added=[s for i, s in fresh.items() if i not in current],
            removed=[s for i, s in current.items() if i not in fresh],
            updated=[
                (s, fresh[i])
                for i, s in current.items()
                if i in fresh and (s != fresh[i] or s.version != fresh[i].version)
            ],
            links_added=[lk for i, lk in fresh_links.items() if i not in current_links],
            links_removed=[lk for i, lk in current_links.items() if i not in fresh_links],
        )
        for link in change.links_removed:
            self.index.remove_link(link.id)
        for span in change.removed:
            self.index.remove(span.id)
        for _, span in change.updated:
            self.index.replace(span)
        for span in change.added:
            self.index.add(span)
        for link in change.links_added:
            self.index.add_link(link)
        if change.spans_touched() or change.links_added or change.links_removed:
            self._notify(change)
        return change
