"""Curation of one document: annotators' layers side by side, the gold layer edited through
a DocumentSession, so that every action is one validated, committed edit returning a Change
(the window wraps each in one QUndoCommand; undo removes change.added from gold).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from annotation.layers import GOLD
from annotation.span_index import SpanIndex
from annotation.spans import Link, Span, new_id
from storage.project import Project
from storage.session import Change, DocumentSession, EditRefused

TOP_KINDS = ("entity", "quote", "claim")
Key = tuple[str, int, int, str]  # kind, start, end, label


def span_key(span: Span) -> Key:
    return (span.kind, span.start, span.end, span.label)


@dataclass(frozen=True)
class Disagreement:
    """Overlapping spans of one kind that the annotators did not all make identically."""

    kind: str
    start: int
    end: int
    spans: dict[str, tuple[Span, ...]]  # annotator -> their spans in the group
    resolved: bool  # the gold layer has a span of this kind there


@dataclass(frozen=True)
class CurationProgress:
    curated: bool  # gold marked done
    agreed: int  # groups every annotator made identically
    disagreements: int  # groups where they differ
    left: int  # disagreements with nothing in gold yet (0 once curated)


def curation_annotators(project: Project, doc_id: str) -> list[str]:
    """Whose layers are curated: the annotators who marked the document done, when there are
    two or more (as agreement counts them); else everyone with a layer or a status in it."""
    done = sorted(
        n for n, status in project.statuses(doc_id).items() if status == "done" and n != GOLD
    )
    if len(done) >= 2:
        return done
    return sorted((project.layer_names(doc_id) | set(project.statuses(doc_id))) - {GOLD})


def _full_key(span: Span, index: SpanIndex) -> tuple:
    """What two annotators must both have made for a span to count as agreed: range, label,
    attributes and where its links point."""
    links = sorted(
        (lk.type, *span_key(index[lk.target]))
        for lk in index.links_from(span.id)
        if lk.target in index
    )
    return (*span_key(span), tuple(sorted(span.attrs.items())), tuple(links))


class Curation:
    def __init__(
        self, project: Project, doc_id: str, annotators: Sequence[str] | None = None
    ) -> None:
        self.project = project
        self.gold = DocumentSession(project, doc_id, layer=GOLD)
        if annotators is None:
            annotators = curation_annotators(project, doc_id)
        self.annotators = list(annotators)
        self.layers = {
            name: SpanIndex(
                project.spans(doc_id, annotator=name), project.links(doc_id, annotator=name)
            )
            for name in self.annotators
        }
        # The annotators' layers are read once, above, and a Curation only writes gold (the
        # window makes a new one after each change): their groups and which of them agree are
        # found once, not again for each of progress, disagreements and take_agreed.
        self._groups: list[tuple[str, int, int, dict[str, list[Span]]]] | None = None
        self._agreement: dict[int, bool] = {}  # id of a group of self._groups -> agreed

    @property
    def doc_id(self) -> str:
        return self.gold.doc.id

    # --- what there is to curate ------------------------------------------------------------
    def groups(self) -> list[tuple[str, int, int, dict[str, list[Span]]]]:
        """Overlapping spans of each top kind across the annotators' layers, in text order
        (found once per Curation: not to be changed by the caller)."""
        if self._groups is None:
            self._groups = self._find_groups()
        return self._groups

    def _find_groups(self) -> list[tuple[str, int, int, dict[str, list[Span]]]]:
        out = []
        for kind in TOP_KINDS:
            spans = sorted(
                ((s, name) for name, idx in self.layers.items() for s in idx.of_kind(kind)),
                key=lambda x: (x[0].start, -x[0].end),
            )
            current: dict[str, list[Span]] = {}
            start = end = -1
            for span, name in spans:
                if current and span.start >= end:
                    out.append((kind, start, end, current))
                    current = {}
                if not current:
                    start, end = span.start, span.end
                end = max(end, span.end)
                current.setdefault(name, []).append(span)
            if current:
                out.append((kind, start, end, current))
        return sorted(out, key=lambda g: (g[1], -g[2], g[0]))

    def _agreed(self, group: dict[str, list[Span]]) -> bool:
        agreed = self._agreement.get(id(group))
        if agreed is None:
            agreed = self._agreement[id(group)] = self._all_made_it(group)
        return agreed

    def _all_made_it(self, group: dict[str, list[Span]]) -> bool:
        if set(group) != set(self.annotators):
            return False
        keys = [
            sorted(_full_key(s, self.layers[name]) for s in spans) for name, spans in group.items()
        ]
        return all(k == keys[0] for k in keys)

    def disagreements(self) -> list[Disagreement]:
        out = []
        for kind, start, end, group in self.groups():
            if self._agreed(group):
                continue
            resolved = bool(self.gold.index.overlapping(start, end, [kind]))
            out.append(
                Disagreement(kind, start, end, {n: tuple(v) for n, v in group.items()}, resolved)
            )
        return out

    def progress(self) -> CurationProgress:
        groups = self.groups()
        agreed = sum(1 for *_, g in groups if self._agreed(g))
        disagreements = self.disagreements()
        curated = self.project.status_of(self.doc_id, GOLD) == "done"
        left = 0 if curated else sum(1 for d in disagreements if not d.resolved)
        return CurationProgress(curated, agreed, len(disagreements), left)

    # --- curation actions (each one edit, one Change) ---------------------------------------
    def take(self, annotator: str, span_id: str) -> Change:
        """Copy an annotator's span into gold with its attributes and outgoing links (their
        targets too, reusing an identical gold span where there is one)."""
        spans, links = self.plan([(annotator, span_id)])
        return self.gold.add(spans, links, action="curate")

    def plan(self, picks: Iterable[tuple[str, str]]) -> tuple[list[Span], list[Link]]:
        """The gold spans and links that taking (annotator, span id) picks would add, without
        adding them: for an editor whose undo command adds them through its own session."""
        return self._plan(picks)

    def plan_agreed(self) -> tuple[list[Span], list[Link]]:
        wanted = []
        for _, _, _, group in self.groups():
            if self._agreed(group):
                first = self.annotators[0]
                wanted += [(first, s.id) for s in group[first]]
        return self._plan(wanted)

    def take_many(self, annotator: str, span_ids: Iterable[str]) -> Change:
        """Several of one annotator's spans into gold, in one edit."""
        spans, links = self._plan((annotator, i) for i in span_ids)
        return self.gold.add(spans, links, action="curate")

    def take_agreed(self) -> Change:
        """Every span all annotators made identically, not yet in gold, in one edit."""
        spans, links = self.plan_agreed()
        return self.gold.add(spans, links, action="curate")

    def set_curated(self, done: bool = True) -> str:
        """Mark the gold layer of the document done (or in progress); returns the old status."""
        return self.project.set_status(
            self.doc_id, "done" if done else "in_progress", annotator=GOLD
        )

    def _plan(self, picks: Iterable[tuple[str, str]]) -> tuple[list[Span], list[Link]]:
        gold_by_key: dict[Key, str] = {}
        for span in self.gold.index.all():
            gold_by_key.setdefault(span_key(span), span.id)
        new_spans: list[Span] = []
        new_links: list[Link] = []

        def copy(layer: SpanIndex, span: Span, with_links: bool) -> str:
            key = span_key(span)
            if key in gold_by_key:
                return gold_by_key[key]
            gold_id = new_id()
            gold_by_key[key] = gold_id
            new_spans.append(replace(span, id=gold_id, annotator=GOLD))
            if with_links:
                for link in layer.links_from(span.id):
                    target = layer.get(link.target)
                    if target is None:
                        continue
                    target_id = copy(layer, target, with_links=False)
                    if not any(lk.source == gold_id and lk.type == link.type for lk in new_links):
                        new_links.append(
                            Link(new_id(), span.doc_id, link.type, gold_id, target_id, GOLD)
                        )
            return gold_id

        for annotator, span_id in picks:
            layer = self.layers.get(annotator)
            if layer is None or span_id not in layer:
                raise EditRefused(f"span {span_id} is not in {annotator}'s layer of {self.doc_id}")
            copy(layer, layer[span_id], with_links=True)
        return new_spans, new_links


def curation_progress(
    project: Project, doc_ids: Iterable[str] | None = None
) -> dict[str, CurationProgress]:
    """Progress of every document with two or more annotator layers (for the document list)."""
    out = {}
    for doc_id in project.document_ids() if doc_ids is None else doc_ids:
        names = curation_annotators(project, doc_id)
        if len(names) >= 2:
            out[doc_id] = Curation(project, doc_id, names).progress()
    return out


@dataclass
class CurateResult:
    doc_id: str
    taken: int  # spans added to gold
    progress: CurationProgress


def curate_documents(
    project: Project,
    agreed: bool = True,
    prefer: str | None = None,
    done: bool = False,
    doc_ids: Iterable[str] | None = None,
) -> list[CurateResult]:
    """Command-line curation of every document with two or more annotator layers: take the
    agreed spans, then (prefer) that annotator's version of each disagreement with nothing in
    gold yet, then (done) mark gold done. Each document is one transaction."""
    out = []
    for doc_id in project.document_ids() if doc_ids is None else doc_ids:
        names = curation_annotators(project, doc_id)
        if len(names) < 2:
            continue
        with project.transaction():
            curation = Curation(project, doc_id, names)
            taken = len(curation.take_agreed().added) if agreed else 0
            if prefer is not None and prefer in curation.layers:
                picks = [
                    s.id
                    for d in curation.disagreements()
                    if not d.resolved
                    for s in d.spans.get(prefer, ())
                ]
                taken += len(curation.take_many(prefer, picks).added)
            if done:
                curation.set_curated()
            out.append(CurateResult(doc_id, taken, curation.progress()))
    return out
