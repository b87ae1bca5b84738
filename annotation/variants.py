"""Spelling variants of one label across a project: which surface forms were tagged, grouped by
their normalised form, and how many occurrences of each group are still untagged."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
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


# (doc_id, start, end, surface as written) of every span of the label, documents in project order.
TaggedSpans = Iterable[tuple[str, int, int, str]]
# (keys, exceptions, boundary) -> (index of the key, doc_id, start, end) of every match of every
# key in the project: one pass over the documents, so each key's matches come in project order
# then text order, as annotation.search.SearchIndex.find finds them per text.
Occurrences = Callable[[Sequence[str], frozenset[str], str], Iterable[tuple[int, str, int, int]]]


def variants_for_label(
    project: Any,
    label: str,
    kind: str = "entity",
    boundary: str = "token",
    *,
    tagged: TaggedSpans | None = None,
    occurrences: Occurrences | None = None,
    places: bool = True,
) -> list[VariantGroup]:
    """Groups for every distinct normalised form tagged `label`, most frequent first.

    An untagged occurrence is a match of the group's form anywhere in the project
    (annotation.search with optional proclitics, whole words) that overlaps no span of that
    label; `untagged_at` gives its span under the boundary policy `boundary` (token /
    strip_clitics / exact).

    `tagged` and `occurrences` let a caller answer from the project's indexes
    (storage.label_variants); without them every text of the project is read and searched.
    places=False leaves `untagged_at` empty (counts only): a label whose spellings are common
    words has tens of millions of untagged occurrences in a corpus.
    """
    exceptions = exceptions_for(project.setting("clitic_exceptions", ""))
    if tagged is None:
        tagged = _tagged_by_reading(project, kind, label)
    if occurrences is None:
        occurrences = _occurrences_by_reading(project)
    ranges_by_doc: dict[str, list[tuple[int, int]]] = {}
    groups: dict[str, VariantGroup] = {}
    for doc_id, start, end, surface in tagged:
        ranges_by_doc.setdefault(doc_id, []).append((start, end))
        key = group_key(surface)
        if not key:
            continue
        g = groups.setdefault(key, VariantGroup(key, defaultdict(int), 0, 0))
        g.forms[surface] += 1
        g.tagged += 1
    if not groups:
        return []

    keys = list(groups)
    found = [groups[key] for key in keys]
    for i, doc_id, start, end in occurrences(keys, exceptions, boundary):
        if not any(s < end and start < e for s, e in ranges_by_doc.get(doc_id, ())):
            g = found[i]
            g.untagged += 1
            if places:
                g.untagged_at.append((doc_id, start, end))
    out = list(groups.values())
    for g in out:
        g.forms = dict(sorted(g.forms.items(), key=lambda kv: (-kv[1], kv[0])))
    out.sort(key=lambda g: (-(g.tagged + g.untagged), g.normalised))
    return out


def occurrences_in(
    index: SearchIndex,
    keys: Sequence[str],
    which: Iterable[int],
    exceptions: frozenset[str],
    boundary: str,
) -> Iterator[tuple[int, int, int]]:
    """(key index, start, end) of the matches in one text of the keys `which` (indexes into
    keys, ascending), each key's in text order."""
    for i in which:
        for start, end in index.find(keys[i], exceptions=exceptions, boundary=boundary):
            yield i, start, end


def _tagged_by_reading(project: Any, kind: str, label: str) -> Iterator[tuple[str, int, int, str]]:
    for doc_id in project.document_ids():
        spans = [s for s in project.spans(doc_id, [kind]) if s.label == label]
        if spans:
            text = project.document(doc_id).text
            for s in spans:
                yield doc_id, s.start, s.end, text[s.start : s.end]


def _occurrences_by_reading(project: Any) -> Occurrences:
    def occurrences(
        keys: Sequence[str], exceptions: frozenset[str], boundary: str
    ) -> Iterator[tuple[int, str, int, int]]:
        every = range(len(keys))
        for doc_id in project.document_ids():
            index = SearchIndex(project.document(doc_id).text)
            for i, start, end in occurrences_in(index, keys, every, exceptions, boundary):
                yield i, doc_id, start, end

    return occurrences
