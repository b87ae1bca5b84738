"""Spelling variants of one label across a project: which surface forms were tagged, grouped by
their normalised form, and how many occurrences of each group are still untagged."""

from __future__ import annotations

from collections import defaultdict
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


def variants_for_label(
    project: Any, label: str, kind: str = "entity", boundary: str = "token"
) -> list[VariantGroup]:
    """Groups for every distinct normalised form tagged `label`, most frequent first.

    An untagged occurrence is a match of the group's form (annotation.search with optional
    proclitics, whole words) that overlaps no span of that label; `untagged_at` gives its span
    under the boundary policy `boundary` (token / strip_clitics / exact).
    """
    exceptions = exceptions_for(project.setting("clitic_exceptions", ""))
    spans_by_doc = {
        doc_id: [s for s in project.spans(doc_id, [kind]) if s.label == label]
        for doc_id in project.document_ids()
    }
    groups: dict[str, VariantGroup] = {}
    texts: dict[str, str] = {}
    for doc_id, spans in spans_by_doc.items():
        if not spans:
            continue
        text = texts.setdefault(doc_id, project.document(doc_id).text)
        for s in spans:
            surface = text[s.start : s.end]
            key = group_key(surface)
            if not key:
                continue
            g = groups.setdefault(key, VariantGroup(key, defaultdict(int), 0, 0))
            g.forms[surface] += 1
            g.tagged += 1
    if not groups:
        return []
    for doc_id, spans in spans_by_doc.items():
        text = texts.get(doc_id) or project.document(doc_id).text
        index = SearchIndex(text)
        ranges = sorted((s.start, s.end) for s in spans)
        for key, g in groups.items():
            for start, end in index.find(key, exceptions=exceptions, boundary=boundary):
                if not any(s < end and start < e for s, e in ranges):
                    g.untagged += 1
                    g.untagged_at.append((doc_id, start, end))
    out = list(groups.values())
    for g in out:
        g.forms = dict(sorted(g.forms.items(), key=lambda kv: (-kv[1], kv[0])))
    out.sort(key=lambda g: (-(g.tagged + g.untagged), g.normalised))
    return out
