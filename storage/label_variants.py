"""Spelling variants of a label across a project (annotation.variants), answered from the
project's indexes: the label's spans in one indexed query, the untagged occurrences from the
project search index (candidates verified against each text), so that only the texts that
hold the label or a match are read, not every text of the project."""

from __future__ import annotations

from collections.abc import Iterator

from annotation.variants import VariantGroup, variants_for_label
from storage.project import Project
from storage.search_index import iter_hits


def variants_in_project(
    project: Project, label: str, kind: str = "entity", boundary: str = "token"
) -> list[VariantGroup]:
    def occurrences(
        query: str, exceptions: frozenset[str], policy: str
    ) -> Iterator[tuple[str, int, int]]:
        for hit in iter_hits(project, query, exceptions=exceptions, boundary=policy):
            yield hit.doc_id, hit.start, hit.end

    return variants_for_label(
        project,
        label,
        kind,
        boundary,
        tagged=project.label_spans(kind, label),
        occurrences=occurrences,
    )
