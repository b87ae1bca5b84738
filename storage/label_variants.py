"""Spelling variants of a label across a project (annotation.variants), answered from the
project's indexes in one pass over the texts that matter.

The label's spans come from one indexed query, and each text holding them is read once for
their surfaces. The untagged occurrences of every form come from the project search index:
each form's candidate documents (one FTS5 query per form, no text read), then each candidate
text is read once and searched for the forms it may hold, the stored search key saving its
normalisation. Forms are taken a chunk at a time, so that the compiled patterns of a chunk stay
cached (annotation.search) and the map of candidates stays bounded, whatever a label's number
of spellings. Without a complete index (a read-only project made before it) every text is
searched, still once per chunk.
"""

from __future__ import annotations

import sqlite3
from array import array
from collections.abc import Callable, Iterator, Sequence
from itertools import groupby

from annotation.errors import Stopped
from annotation.search import SearchIndex, index_terms
from annotation.variants import VariantGroup, occurrences_in, variants_for_label
from storage.project import Project
from storage.search_index import build, indexes_of, match_expression, unindexed_count

# Forms searched per pass over the candidate texts: within annotation.search's pattern cache.
FORMS_PER_PASS = 2048
_TEXTS_PER_QUERY = 500


def variants_in_project(
    project: Project,
    label: str,
    kind: str = "entity",
    boundary: str = "token",
    *,
    places: bool = True,
    stop: Callable[[], bool] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[VariantGroup]:
    """annotation.variants.variants_for_label from the project's indexes. places: as there.
    stop: asked between documents; when it answers True, Stopped is raised. progress(done,
    total): how far the search is, in thousandths of each pass (its first fifth the index
    queries of its forms, the rest its documents)."""
    conn: sqlite3.Connection = project.db.conn
    stopped = stop or (lambda: False)
    said = progress or (lambda done, total: None)
    if not project.readonly and unindexed_count(conn) > 0:
        build(conn)

    def occurrences(
        keys: Sequence[str], exceptions: frozenset[str], policy: str
    ) -> Iterator[tuple[int, str, int, int]]:
        passes = range(0, len(keys), FORMS_PER_PASS)
        total = len(passes) * 1000
        for n, first in enumerate(passes):
            chunk = range(first, min(first + FORMS_PER_PASS, len(keys)))
            base, size = n * 1000, len(chunk)

            def querying(j: int, base: int = base, size: int = size) -> None:
                said(base + 200 * j // size, total)

            count, found = _candidates(conn, keys, chunk, stopped, querying)
            for k, (doc_id, index, which) in enumerate(found):
                if stopped():
                    raise Stopped
                if k % 64 == 0:
                    said(base + 200 + 800 * k // count, total)
                for i, start, end in occurrences_in(index, keys, which, exceptions, policy):
                    yield i, doc_id, start, end
        said(total, total)

    return variants_for_label(
        project,
        label,
        kind,
        boundary,
        tagged=_tagged_surfaces(conn, project.label_spans(kind, label), stopped),
        occurrences=occurrences,
        places=places,
    )


def _tagged_surfaces(
    conn: sqlite3.Connection, spans: list[tuple[str, int, int]], stopped: Callable[[], bool]
) -> Iterator[tuple[str, int, int, str]]:
    """(doc_id, start, end, surface) of spans given in project order, each text read once."""
    by_doc = [(doc_id, list(group)) for doc_id, group in groupby(spans, key=lambda s: s[0])]
    for i in range(0, len(by_doc), _TEXTS_PER_QUERY):
        if stopped():
            raise Stopped
        batch = by_doc[i : i + _TEXTS_PER_QUERY]
        texts = dict(_texts(conn, [doc_id for doc_id, _ in batch]))
        for doc_id, group in batch:
            text = texts[doc_id]
            for _, start, end in group:
                yield doc_id, start, end, text[start:end]


def _texts(conn: sqlite3.Connection, ids: list[str]) -> Iterator[tuple[str, str]]:
    marks = ",".join("?" * len(ids))
    yield from conn.execute(f"SELECT id, text FROM documents WHERE id IN ({marks})", ids)


_Candidate = tuple[str, SearchIndex, list[int]]


def _candidates(
    conn: sqlite3.Connection,
    keys: Sequence[str],
    chunk: range,
    stopped: Callable[[], bool],
    querying: Callable[[int], None],
) -> tuple[int, Iterator[_Candidate]]:
    """How many documents may hold one of the chunk's keys, and (doc_id, SearchIndex, the
    indexes of the chunk's keys it may hold) of each, in project order, read as they come."""
    if unindexed_count(conn) > 0:
        every = list(chunk)
        count = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        return count, ((doc_id, index, every) for doc_id, index in indexes_of(conn, None))
    # search_docs id -> its keys, as offsets into the chunk: two bytes each, since a label's
    # common spellings make nearly every document a candidate for hundreds of them
    which: dict[int, array[int]] = {}
    everywhere: list[int] = []  # keys without a word to look up: searched in every text
    for i in chunk:
        if stopped():
            raise Stopped
        if (i - chunk.start) % 64 == 0:
            querying(i - chunk.start)
        terms = index_terms(keys[i])
        if terms is None:
            everywhere.append(i)
            continue
        offset = i - chunk.start
        for (row,) in conn.execute(
            "SELECT rowid FROM search_words WHERE search_words MATCH ?", [match_expression(terms)]
        ):
            offsets = which.get(row)
            if offsets is None:
                offsets = which[row] = array("H")
            offsets.append(offset)
    if not which and not everywhere:
        return 0, iter(())
    nothing = array("H")
    ordered = [
        (doc_id, which.get(row, nothing))
        for row, doc_id in conn.execute(
            "SELECT s.id, l.doc_id FROM document_list l JOIN search_docs s ON s.doc_id = l.doc_id "
            "ORDER BY l.position"
        )
        if everywhere or row in which
    ]
    ids = [doc_id for doc_id, _ in ordered]
    del which

    def read() -> Iterator[_Candidate]:
        for (doc_id, offsets), (same, index) in zip(ordered, indexes_of(conn, ids), strict=True):
            assert doc_id == same
            keys_here = [chunk.start + k for k in offsets]
            yield doc_id, index, sorted(keys_here + everywhere) if everywhere else keys_here

    return len(ordered), read()
