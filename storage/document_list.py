"""The document list at corpus scale: pages, filters, sorts and totals from the narrow
`document_list` table (one row per document, kept in step by triggers; migration 10), never
from the texts.

Every query here is index-backed or scans only the narrow table: at 100,000 documents a page,
a count or the status totals take milliseconds (measured in `make bench`).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from annotation.documents import STATUSES, DocumentInfo

# The span kinds document_list counts, each its column's index in (entities, quotes, claims):
# Project._span_counts_added (inserted spans) and the AFTER DELETE triggers of
# storage.migrations (deleted spans: migrations 12 and 15).
COUNT_COLUMN_INDEX = {"entity": 0, "quote": 1, "claim": 2}
# Columns the list can be sorted by (each has an index ending in position).
SORT_COLUMNS = ("position", "source", "title", "status", "length", "entities", "quotes", "claims")

_COLUMNS = "doc_id, source, status, length, entities, position, title, quotes, claims"


@dataclass(frozen=True)
class DocumentQuery:
    """Which documents, in which order. Text filters are case-insensitive substrings."""

    status: str | None = None
    source: str = ""
    words: str = ""  # in the first words of the text (the title column)
    sort: str = "position"
    descending: bool = False

    def __post_init__(self) -> None:
        if self.sort not in SORT_COLUMNS:
            raise ValueError(f"cannot sort documents by {self.sort!r}")
        if self.status is not None and self.status not in STATUSES:
            raise ValueError(f"unknown status {self.status!r}")


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


_FTS = "SELECT rowid FROM document_list_text WHERE document_list_text MATCH ?"  # = .id
# Above this many index hits a page walks the sort order and probes the hits; below it, it
# fetches the hits by rowid and sorts them.
_PROBE_ABOVE = 2000


def _phrase(column: str, text: str) -> str:
    return f'{column}:"{text.replace(chr(34), chr(34) * 2)}"'


def _indexed(query: DocumentQuery) -> list[tuple[str, str]]:
    """(column, text) of the text filters the trigram index answers (3 characters or more;
    a trigram index cannot answer shorter strings, which scan the narrow table)."""
    return [(c, t) for c, t in (("source", query.source), ("title", query.words)) if len(t) >= 3]


def _caseless_like(text: str) -> bool:
    """LIKE folds ASCII case only; the trigram index folds every case. Where they agree (ASCII
    and caseless scripts such as Arabic), a page of a filter with many hits walks the sort
    order and tests each row with LIKE, stopping at the page's end, instead of gathering
    every index hit first (a source in 8 % of 100,000 documents: 1 ms instead of 40)."""
    return all(c.isascii() or c.lower() == c.upper() for c in text)


def _where(query: DocumentQuery, probe: bool = False) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if query.status is not None:
        clauses.append("status = ?")
        params.append(query.status)
    for column, text in (("source", query.source), ("title", query.words)):
        if not text:
            continue
        if len(text) >= 3 and not (probe and _caseless_like(text)):
            # The index is written with the rows, in the same transaction (add_documents).
            clauses.append(f"{'+' if probe else ''}id IN ({_FTS})")
            params.append(_phrase(column, text))
        else:
            clauses.append(f"{column} LIKE ? ESCAPE '\\'")
            params.append(_like(text))
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _hits(conn: sqlite3.Connection, column: str, text: str) -> int:
    return conn.execute(
        "SELECT COUNT(*) FROM document_list_text WHERE document_list_text MATCH ?",
        [_phrase(column, text)],
    ).fetchone()[0]


# (connection, column, text) -> index hits, as last counted. Only a page's choice of plan
# reads it (both plans give the same rows), so a figure made stale by a write costs at most
# a slower plan; the list counts then reads the first page, and the count is not paid twice.
_hit_counts: dict[tuple[int, str, str], int] = {}


def _counted_hits(conn: sqlite3.Connection, column: str, text: str) -> int:
    if len(_hit_counts) > 256:
        _hit_counts.clear()
    hits = _hit_counts[(id(conn), column, text)] = _hits(conn, column, text)
    return hits


def _hits_for_plan(conn: sqlite3.Connection, column: str, text: str) -> int:
    found = _hit_counts.get((id(conn), column, text))
    return found if found is not None else _counted_hits(conn, column, text)


def _order(query: DocumentQuery) -> str:
    direction = "DESC" if query.descending else "ASC"
    if query.sort == "position":
        return f" ORDER BY position {direction}"
    return f" ORDER BY {query.sort} {direction}, position {direction}"


def _info(row: tuple[Any, ...]) -> DocumentInfo:
    doc_id, source, status, length, entities, position, title, quotes, claims = row
    return DocumentInfo(doc_id, source, status, length, entities, position, title, quotes, claims)


def page(
    conn: sqlite3.Connection, query: DocumentQuery, offset: int, limit: int
) -> list[DocumentInfo]:
    indexed = _indexed(query)
    probe = bool(indexed) and min(_hits_for_plan(conn, c, t) for c, t in indexed) > _PROBE_ABOVE
    where, params = _where(query, probe)
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM document_list{where}{_order(query)} LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).fetchall()
    return [_info(r) for r in rows]


def count(conn: sqlite3.Connection, query: DocumentQuery) -> int:
    if not (query.source or query.words):  # the maintained totals answer (migration 11)
        if query.status is None:
            total = "SELECT COALESCE(SUM(n), 0) FROM document_totals"
            return conn.execute(total).fetchone()[0]
        found = conn.execute(
            "SELECT n FROM document_totals WHERE status = ?", [query.status]
        ).fetchone()
        return found[0] if found else 0
    indexed = _indexed(query)
    if len(indexed) == 1 and query.status is None and not (query.source and query.words):
        return _counted_hits(conn, *indexed[0])  # the index alone answers
    where, params = _where(query)
    return conn.execute(f"SELECT COUNT(*) FROM document_list{where}", params).fetchone()[0]


def status_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Documents per status (every status present, 0 when none): the progress bar. From
    document_totals, which triggers keep in step with document_list (no count of rows)."""
    counts = dict.fromkeys(STATUSES, 0)
    for status, n in conn.execute("SELECT status, n FROM document_totals"):
        counts[status] = n
    return counts


def info(conn: sqlite3.Connection, doc_id: str) -> DocumentInfo | None:
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM document_list WHERE doc_id = ?", [doc_id]
    ).fetchone()
    return _info(row) if row is not None else None


def row_of(conn: sqlite3.Connection, query: DocumentQuery, doc_id: str) -> int | None:
    """The row of doc_id in the query's order (to scroll a lazy list to it), or None when the
    query leaves it out.

    The count walks the rows before it in the sort order when the filter has many hits (as a
    page does), so that locating the open document after each keystroke costs about its row,
    not another count of every hit."""
    one_where, one_params = _where(query, probe=True)  # one row: tested, not gathered
    found = conn.execute(
        f"SELECT {query.sort}, position FROM document_list"
        f"{one_where}{' AND' if one_where else ' WHERE'} doc_id = ?",
        [*one_params, doc_id],
    ).fetchone()
    if found is None:
        return None
    before = "<" if not query.descending else ">"
    if query.sort == "position":
        condition, extra = f"position {before} ?", [found[1]]
    else:
        condition, extra = f"({query.sort}, position) {before} (?, ?)", list(found)
    indexed = _indexed(query)
    probe = bool(indexed) and min(_hits_for_plan(conn, c, t) for c, t in indexed) > _PROBE_ABOVE
    where, params = _where(query, probe)
    return conn.execute(
        f"SELECT COUNT(*) FROM document_list{where}{' AND' if where else ' WHERE'} {condition}",
        [*params, *extra],
    ).fetchone()[0]
