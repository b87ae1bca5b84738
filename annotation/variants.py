"""Spelling variants of one label across a project: which surface forms were tagged, grouped by
their normalised form, and how many occurrences of each group are still untagged."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from annotation.clitics import exceptions_for
from annotation.normalize import normalize
from annotation.search import SearchIndex


@dataclass
class VariantGroup:
    normalised: str
    forms: dict[str, int]  # surface form as tagged -> number of tagged spans
    tagged: int
    untagged: int
    # Where the untagged occurrences are, for "tag all": (doc_id, start, end).
    untagged_at: list[tuple[str, int, int]] = field(default_factory=list)


def group_key(surface: str) -> str:
    """The normalised form of a surface (whitespace runs collapsed)."""
    return " ".join(normalize(surface).split())


# (query, exceptions, boundary) -> (doc_id, start, end) of every match in the project, in
# project order then text order, as annotation.search.SearchIndex.find finds them per text.
Occurrences = Callable[[str, frozenset[str], str], Iterable[tuple[str, int, int]]]


def variants_for_label(
    project: Any,
    label: str,
    kind: str = "entity",
    boundary: str = "token",
    *,
    tagged: Iterable[tuple[str, int, int]] | None = None,
    occurrences: Occurrences | None = None,
) -> list[VariantGroup]:
    """Groups for every distinct normalised form tagged `label`, most frequent first.

    An untagged occurrence is a match of the group's form (annotation.search with optional
    proclitics, whole words) that overlaps no span of that label; `untagged_at` gives its span
    under the boundary policy `boundary` (token / strip_clitics / exact).

    `tagged` ((doc_id, start, end) of the label's spans in project order) and `occurrences`
    (the project's search index) let a caller answer from indexes
    (storage.label_variants); without them every text of the project is read and searched.
    """
    exceptions = exceptions_for(project.setting("clitic_exceptions", ""))
    ranges_by_doc: dict[str, list[tuple[int, int]]] = {}
    if tagged is None:
        for doc_id in project.document_ids():
            ranges_by_doc[doc_id] = [
                (s.start, s.end) for s in project.spans(doc_id, [kind]) if s.label == label
            ]
    else:
        for doc_id, start, end in tagged:
            ranges_by_doc.setdefault(doc_id, []).append((start, end))
    groups: dict[str, VariantGroup] = {}
    texts: dict[str, str] = {}
    for doc_id, ranges in ranges_by_doc.items():
        if not ranges:
            continue
        text = texts.setdefault(doc_id, project.document(doc_id).text)
        for start, end in ranges:
            surface = text[start:end]
            key = group_key(surface)
            if not key:
                continue
            g = groups.setdefault(key, VariantGroup(key, defaultdict(int), 0, 0))
            g.forms[surface] += 1
            g.tagged += 1
    if not groups:
        return []

    def untagged(doc_id: str, start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in ranges_by_doc.get(doc_id, ()))

    if occurrences is not None:
        for key, g in groups.items():
            for doc_id, start, end in occurrences(key, exceptions, boundary):
                if untagged(doc_id, start, end):
                    g.untagged += 1
                    g.untagged_at.append((doc_id, start, end))
    else:
        for doc_id in ranges_by_doc:
            text = texts.get(doc_id) or project.document(doc_id).text
            index = SearchIndex(text)
            for key, g in groups.items():
                for start, end in index.find(key, exceptions=exceptions, boundary=boundary):
                    if untagged(doc_id, start, end):
                        g.untagged += 1
                        g.untagged_at.append((doc_id, start, end))
    out = list(groups.values())
    for g in out:
        g.forms = dict(sorted(g.forms.items(), key=lambda kv: (-kv[1], kv[0])))
    out.sort(key=lambda g: (-(g.tagged + g.untagged), g.normalised))
    return out
