"""The project's search index: which documents can hold a query, without reading every text.

Design. Every document's search key (annotation.normalize) is cut into word runs
(annotation.search.WORD_RUN, the words the search patterns see), and the set of runs is stored
in an FTS5 table (contentless, no positions: a word -> documents index, a few bytes per word and
document). A query becomes groups of runs (annotation.search.index_terms: the first word with
every proclitic form the search accepts, the others as they are); the documents holding one run
of each group are the candidates. Each candidate's stored text is then searched exactly as a
single document is (annotation.search.SearchIndex), so every hit has the exact code-point offsets
of brute-force search and the index only decides which texts to read.

The indexed text is the key itself with every non-ASCII character that is not a word
character blanked (a space), read by FTS5's "ascii" tokenizer (tokenchars "_"): every non-ASCII
character is a token character to it, and the ASCII characters of a token are letters, digits
and "_", so FTS5's tokens are exactly the key's runs, whatever Unicode version SQLite was built
with. FTS5 splits and keeps the runs in C: splitting them in Python made a Python string of
every word of every text, most of an import's indexing time.

Documents are immutable and are indexed when they are added (`add_documents`, called by
storage.project inside the transaction that stores them). Projects made before the index (and
documents added by any path that did not call it) are caught up by `build`, which the window
runs at the first project search; a project opened read-only is searched by reading every text
until then. A document id maps to its index row through `search_docs`, so no rowid of
`documents` (which VACUUM may renumber) is relied on. The tables are made by migrations 5 and 9
(storage.migrations).
"""

from __future__ import annotations

import re
import sqlite3
import sys
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from annotation.clitics import exceptions_for
from annotation.normalize import (
    VECTOR_FROM,
    compact_key_points,
    compact_key_scanned,
    normalize,
)
from annotation.proposals import entity_proposals
from annotation.search import WORD_RUN, SearchIndex, index_terms
from annotation.span_index import SpanIndex
from annotation.spans import Span

_BATCH = 500
# A non-ASCII character that no WORD_RUN (\w+) holds: blanked in the indexed text, the ascii
# tokenizer splitting on it as it splits on ASCII punctuation and spaces.
_NON_WORD_NON_ASCII = re.compile(r"[^\w\x00-\x7f]")
# rows per INSERT of write_entries: 3 values each, within SQLite's oldest limit of 999
_ROWS_PER_STATEMENT = 256


class _RunsOf(dict[str, str]):
    """Raw word -> its key runs, space-separated; news vocabulary repeats, so each word is
    normalised once per process (bounded)."""

    def __missing__(self, word: str) -> str:
        if len(self) >= 200_000:
            self.clear()
        runs = self[word] = " ".join(WORD_RUN.findall(normalize(word)))
        return runs


_RUNS_OF = _RunsOf()


@cache
def _non_word_non_ascii() -> Any:
    """A numpy array of one bool per code point: True for a non-ASCII character of the Basic
    Multilingual Plane that no WORD_RUN holds (WORD_RUN itself decides), and for every
    character above it (indexed_text asks WORD_RUN about each of those a text holds: few, and
    the whole table would take 0.2 s to build). Built at first use, a few milliseconds."""
    import numpy as np

    others = "".join(map(chr, range(0x80, 0x10000)))
    blanked = WORD_RUN.sub("", others).encode("utf-32-le", "surrogatepass")
    table = np.zeros(0x110000, dtype=np.bool_)
    table[np.frombuffer(blanked, dtype="<u4")] = True
    table[0x10000:] = True
    return table


def indexed_text(key: str, points: Any = None) -> str:
    """What FTS5 indexes of a search key: the key with every non-ASCII non-word character
    blanked, so that its ascii-tokenizer tokens are the key's WORD_RUN runs. points: the key's
    code points as a numpy array (annotation.normalize.compact_key_points), for a long key:
    then the blanking is an array operation. Otherwise the few distinct such characters a
    short key holds are replaced (cheaper than str.translate or re.sub)."""
    if points is None:
        for c in set(_NON_WORD_NON_ASCII.findall(key)):
            key = key.replace(c, " ")
        return key
    import numpy as np

    blank = _non_word_non_ascii()[points]
    astral = points >= 0x10000
    if astral.any():  # the table marks them all: the word characters among them are kept
        for point in np.unique(points[astral]).tolist():
            if WORD_RUN.fullmatch(chr(point)):
                blank &= points != point
    blanked = np.where(blank, np.uint32(32), points).astype("<u4")
    return blanked.tobytes().decode("utf-32-le", "surrogatepass")


def words_of(text: str) -> str:
    """The indexed form of a text whose key is not compact: its key word runs, space-separated.

    Normalisation works character by character and keeps whitespace, which no run crosses, so
    the runs of the whole key are those of its whitespace-separated words. A run may appear
    twice (in two different raw words): the index keeps documents, not counts.
    """
    return " ".join(map(_RUNS_OF.__getitem__, set(text.split())))


def _pack(offsets: list[int]) -> bytes | None:
    """Offsets as unsigned 32-bit little-endian integers (None when there are none)."""
    if not offsets:
        return None
    packed = array("I", offsets)
    if sys.byteorder == "big":
        packed.byteswap()
    return packed.tobytes()


def _unpack(blob: bytes | None) -> list[int]:
    offsets = array("I")
    if blob:
        offsets.frombytes(blob)
        if sys.byteorder == "big":
            offsets.byteswap()
    return offsets.tolist()


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """What the index stores for one document: its search key when compact (with the packed
    offsets of the removed characters), else None, and the text FTS5 indexes (its tokens are
    the key's word runs)."""

    doc_id: str
    key: str | None
    removed: bytes | None
    words: str


def index_entry(doc_id: str, text: str) -> IndexEntry:
    """The index entry of a text. Pure Python, no database: the importer computes it while
    the previous batch is being written (storage.importer)."""
    points = None
    vector = compact_key_points(text) if len(text) >= VECTOR_FROM else False
    compact: tuple[str, list[int]] | None
    if vector is False:  # short, or holding a character only the scans know
        compact = compact_key_scanned(text)
    elif vector is None:
        compact = None
    else:
        compact, points = (vector[0], vector[1]), vector[2]
    if compact is None:
        return IndexEntry(doc_id, None, None, words_of(text))
    key, removed = compact
    return IndexEntry(doc_id, key, _pack(removed), indexed_text(key, points))


def add_documents(conn: sqlite3.Connection, docs: Iterable[tuple[str, str]]) -> None:
    """Index (doc_id, text) pairs; call it in the transaction that stores the documents."""
    write_entries(conn, [index_entry(doc_id, text) for doc_id, text in docs])


def write_entries(conn: sqlite3.Connection, entries: Sequence[IndexEntry]) -> None:
    """Store index entries; call it in the transaction that stores their documents.

    Two multi-row statements for a batch (an importer writes from a writer thread, which
    needs the GIL back after every statement step). FTS5 writes its pending terms to a new
    segment at every savepoint, so callers index a batch of documents at once, after the
    savepoints of its records."""
    for i in range(0, len(entries), _ROWS_PER_STATEMENT):
        chunk = entries[i : i + _ROWS_PER_STATEMENT]
        conn.execute(
            "INSERT INTO search_docs(doc_id, key, removed) VALUES "
            + ", ".join(["(?, ?, ?)"] * len(chunk)),
            [value for e in chunk for value in (e.doc_id, e.key, e.removed)],
        )
        conn.execute(
            "INSERT INTO search_words(rowid, words) SELECT s.id, v.column2 FROM (VALUES "
            + ", ".join(["(?, ?)"] * len(chunk))
            + ") AS v JOIN search_docs s ON s.doc_id = v.column1",
            [value for e in chunk for value in (e.doc_id, e.words)],
        )


def unindexed_count(conn: sqlite3.Connection) -> int:
    """Documents not in the index yet (0 once it is complete). Two index-only counts."""
    return int(
        conn.execute(
            "SELECT (SELECT COUNT(*) FROM documents) - (SELECT COUNT(*) FROM search_docs)"
        ).fetchone()[0]
    )


def build(conn: sqlite3.Connection, progress: Callable[[int, int], None] | None = None) -> int:
    """Index every document not indexed yet, in one transaction; return how many.

    progress(done, total) is called after each batch.
    """
    todo = [
        r[0]
        for r in conn.execute(
            "SELECT id FROM documents WHERE id NOT IN (SELECT doc_id FROM search_docs)"
        )
    ]
    if not todo:
        return 0
    own_tx = not conn.in_transaction
    if own_tx:
        conn.execute("BEGIN IMMEDIATE")
    try:
        for i in range(0, len(todo), _BATCH):
            ids = todo[i : i + _BATCH]
            marks = ",".join("?" * len(ids))
            rows = conn.execute(f"SELECT id, text FROM documents WHERE id IN ({marks})", ids)
            add_documents(conn, rows.fetchall())
            if progress is not None:
                progress(min(i + _BATCH, len(todo)), len(todo))
    except BaseException:
        if own_tx:
            conn.execute("ROLLBACK")
        raise
    if own_tx:
        conn.execute("COMMIT")
    return len(todo)


def match_expression(groups: list[list[str]]) -> str:
    # Runs hold no '"' (they are word characters), so quoting each one is enough.
    return " AND ".join("(" + " OR ".join(f'"{w}"' for w in group) + ")" for group in groups)


def candidate_ids(
    conn: sqlite3.Connection, query: str, *, proclitics: bool = True, whole_word: bool = True
) -> list[str] | None:
    """Ids of the documents that may hold a match, in project order; None when the index
    cannot narrow the search (incomplete index, substring search, no word in the query)."""
    groups = index_terms(query, proclitics) if whole_word else None
    if groups is None or unindexed_count(conn) > 0:
        return None
    rows = conn.execute(
        """SELECT d.id FROM search_docs s JOIN documents d ON d.id = s.doc_id
           WHERE s.id IN (SELECT rowid FROM search_words WHERE search_words MATCH ?)
           ORDER BY d.position""",
        [match_expression(groups)],
    )
    return [r[0] for r in rows]


@dataclass(frozen=True, slots=True)
class Hit:
    """One match: [start, end) code points of the document's stored text."""

    doc_id: str
    start: int
    end: int
    text: str  # the document's whole text, for context

    def context(self, width: int = 40) -> tuple[str, str, str]:
        """(left, match, right): up to width characters each side, line breaks as spaces."""
        left = self.text[max(0, self.start - width) : self.start].replace("\n", " ")
        right = self.text[self.end : self.end + width].replace("\n", " ")
        return left, self.text[self.start : self.end], right


def indexes_of(
    conn: sqlite3.Connection, ids: list[str] | None
) -> Iterator[tuple[str, SearchIndex]]:
    """(doc_id, SearchIndex) of the given documents (all when None), in project order; the
    stored key is used when there is one."""
    if ids is None:
        for doc_id, text in conn.execute("SELECT id, text FROM documents ORDER BY position"):
            yield doc_id, SearchIndex(text)
        return
    for i in range(0, len(ids), _BATCH):
        chunk = ids[i : i + _BATCH]
        marks = ",".join("?" * len(chunk))
        rows = {
            doc_id: (text, key, removed)
            for doc_id, text, key, removed in conn.execute(
                f"SELECT d.id, d.text, s.key, s.removed FROM documents d "
                f"JOIN search_docs s ON s.doc_id = d.id WHERE d.id IN ({marks})",
                chunk,
            )
        }
        for doc_id in chunk:
            text, key, removed = rows[doc_id]
            compact = None if key is None else (key, _unpack(removed))
            yield doc_id, SearchIndex(text, compact)


def iter_hits(project: Any, query: str, **options: Any) -> Iterator[Hit]:
    """Every match of query in a storage.project.Project, in project order then text order.

    Options are those of annotation.search.SearchIndex.find; the project's clitic exceptions
    are used unless `exceptions` is given. A writable project first indexes what is missing
    (a project made before the index, once); a read-only one is then searched text by text.
    """
    options.setdefault("exceptions", exceptions_for(project.setting("clitic_exceptions", "")))
    conn: sqlite3.Connection = project.db.conn
    if not getattr(project, "readonly", False) and unindexed_count(conn) > 0:
        build(conn)
    ids = candidate_ids(
        conn,
        query,
        proclitics=options.get("proclitics", True),
        whole_word=options.get("whole_word", True),
    )
    for doc_id, index in indexes_of(conn, ids):
        for start, end in index.find(query, **options):
            yield Hit(doc_id, start, end, index.text)


def search_project(
    project: Any, query: str, *, limit: int | None = None, **options: Any
) -> list[tuple[str, int, int]]:
    """(doc_id, start, end) of every match (the first `limit` ones when given)."""
    out: list[tuple[str, int, int]] = []
    for hit in iter_hits(project, query, **options):
        if limit is not None and len(out) >= limit:
            break
        out.append((hit.doc_id, hit.start, hit.end))
    return out


def tag_all_elsewhere(
    project: Any,
    label: str,
    surface: str,
    boundary: str = "token",
    *,
    skip_doc: str | None = None,
    exceptions: frozenset[str] | None = None,
) -> dict[str, list[Span]]:
    """Project-wide tag-all: for each document but skip_doc, the new entity spans (label on
    every occurrence of surface, cut by the boundary policy) that are not tagged yet — found
    through the index, filtered by annotation.proposals.entity_proposals. Nothing is stored."""
    options: dict[str, Any] = {"boundary": boundary}
    if exceptions is not None:
        options["exceptions"] = exceptions
    ranges: dict[str, list[tuple[int, int]]] = {}
    for hit in iter_hits(project, surface, **options):
        if hit.doc_id != skip_doc:
            ranges.setdefault(hit.doc_id, []).append((hit.start, hit.end))
    per_doc: dict[str, list[Span]] = {}
    for doc_id, found in ranges.items():
        index = SpanIndex(project.spans(doc_id, ["entity"]))
        proposals = entity_proposals(doc_id, label, found, index, boundary, project.annotator_name)
        if proposals:
            per_doc[doc_id] = [p.main for p in proposals]
    return per_doc
