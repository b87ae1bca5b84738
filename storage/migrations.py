"""Ordered, numbered schema upgrades (PRAGMA user_version), applied on open.

Each step takes the database from version N-1 to N inside one transaction. Never edit a
released step; add a new one.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import sqlite_utils

from annotation.schema import load_default_schema

# "HASY" as a 32-bit integer, stored in the SQLite header so we can tell our files apart.
APPLICATION_ID = 0x48415359


def _v1_initial(db: sqlite_utils.Database) -> None:
    db.execute(
        """CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            source TEXT NOT NULL,
            text TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new','in_progress','done')),
            position INTEGER NOT NULL,
            created_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE kinds (
            name TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            position INTEGER NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE labels (
            name TEXT PRIMARY KEY,
            kind TEXT NOT NULL REFERENCES kinds(name) ON UPDATE CASCADE,
            color TEXT NOT NULL,
            key TEXT,
            title TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE attribute_defs (
            kind TEXT NOT NULL REFERENCES kinds(name) ON UPDATE CASCADE,
            name TEXT NOT NULL,
            allowed TEXT,
            default_value TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL,
            PRIMARY KEY (kind, name)
        )"""
    )
    db.execute(
        """CREATE TABLE link_types (
            name TEXT PRIMARY KEY,
            from_kinds TEXT NOT NULL,
            to_kinds TEXT NOT NULL,
            max_per_source INTEGER,
            title TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE annotators (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE
        )"""
    )
    db.execute(
        """CREATE TABLE annotations (
            id TEXT PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            kind TEXT NOT NULL REFERENCES kinds(name) ON UPDATE CASCADE,
            label TEXT NOT NULL REFERENCES labels(name) ON UPDATE CASCADE,
            start INTEGER NOT NULL CHECK (start >= 0),
            "end" INTEGER NOT NULL CHECK ("end" > start),
            attrs TEXT NOT NULL DEFAULT '{}',
            boundary TEXT NOT NULL DEFAULT 'token',
            annotator_id INTEGER REFERENCES annotators(id),
            created_at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX annotations_doc ON annotations(doc_id, start)")
    db.execute(
        """CREATE TABLE links (
            id TEXT PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            type TEXT NOT NULL REFERENCES link_types(name) ON UPDATE CASCADE,
            source TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
            target TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE
        )"""
    )
    db.execute("CREATE INDEX links_doc ON links(doc_id)")
    db.execute("CREATE INDEX links_source ON links(source)")
    db.execute("CREATE INDEX links_target ON links(target)")
    db.execute(
        """CREATE TABLE edit_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            annotator_id INTEGER REFERENCES annotators(id),
            doc_id TEXT,
            action TEXT NOT NULL,
            payload TEXT NOT NULL DEFAULT '{}'
        )"""
    )
    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    _write_schema_tables(db, load_default_schema().to_dict())


def _v2_rejected_suggestions(db: sqlite_utils.Database) -> None:
    db.execute(
        """CREATE TABLE rejected_suggestions (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            label TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (doc_id, kind, start, "end", label)
        )"""
    )


def _v6_annotator_layers(db: sqlite_utils.Database) -> None:
    """Every link and every document status carries its annotator (issue 9).

    A document's status becomes one row per annotator; documents.status stays as the status
    last set by anyone (the one-person view). Existing statuses other than 'new' go to whoever
    last set them (edit log) and to every annotator with spans in the document.
    """
    db.execute(
        """CREATE TABLE document_status (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            annotator_id INTEGER NOT NULL REFERENCES annotators(id),
            status TEXT NOT NULL CHECK (status IN ('new','in_progress','done')),
            PRIMARY KEY (doc_id, annotator_id)
        )"""
    )
    db.execute("ALTER TABLE links ADD COLUMN annotator_id INTEGER REFERENCES annotators(id)")
    db.execute(
        "UPDATE links SET annotator_id = "
        "(SELECT a.annotator_id FROM annotations a WHERE a.id = links.source)"
    )
    db.execute("CREATE INDEX annotations_doc_annotator ON annotations(doc_id, annotator_id)")
    db.execute(
        """INSERT OR IGNORE INTO document_status(doc_id, annotator_id, status)
           SELECT d.id, e.annotator_id, d.status FROM documents d
           JOIN edit_log e ON e.id = (SELECT MAX(id) FROM edit_log
                                      WHERE doc_id = d.id AND action = 'status'
                                      AND annotator_id IS NOT NULL)
           WHERE d.status != 'new'"""
    )
    db.execute(
        """INSERT OR IGNORE INTO document_status(doc_id, annotator_id, status)
           SELECT DISTINCT d.id, a.annotator_id, d.status FROM documents d
           JOIN annotations a ON a.doc_id = d.id
           WHERE d.status != 'new' AND a.annotator_id IS NOT NULL"""
    )


def _write_schema_tables(db: sqlite_utils.Database, schema: dict) -> None:
    # Upsert, then drop what is gone: links reference link types, annotations reference labels.
    db.execute("DELETE FROM attribute_defs")
    keep_links = [lt["name"] for lt in schema["link_types"]]
    db.execute(
        f"DELETE FROM link_types WHERE name NOT IN ({','.join('?' * len(keep_links))})", keep_links
    )
    for i, kind in enumerate(schema["kinds"]):
        db.execute(
            "INSERT INTO kinds(name, title, position) VALUES (?, ?, ?) "
            "ON CONFLICT(name) DO UPDATE SET title = excluded.title, position = excluded.position",
            [kind["name"], kind["title"], i],
        )
    described = "title_ar" in _columns(db, "labels")  # migration 7 added these columns
    for i, lab in enumerate(schema["labels"]):
        db.execute(
            "INSERT INTO labels(name, kind, color, key, title, position) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, color = excluded.color, "
            "key = excluded.key, title = excluded.title, position = excluded.position",
            [lab["name"], lab["kind"], lab["color"], lab["key"], lab.get("title", ""), i],
        )
        if described:
            db.execute(
                "UPDATE labels SET title_ar = ?, definition = ?, definition_ar = ? WHERE name = ?",
                [
                    lab.get("title_ar", ""),
                    lab.get("definition", ""),
                    lab.get("definition_ar", ""),
                    lab["name"],
                ],
            )
    for i, a in enumerate(schema["attributes"]):
        db.execute(
            "INSERT INTO attribute_defs(kind, name, allowed, default_value, title, position) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                a["kind"],
                a["name"],
                json.dumps(a["values"], ensure_ascii=False) if a["values"] is not None else None,
                a["default"],
                a.get("title", ""),
                i,
            ],
        )
    for i, lt in enumerate(schema["link_types"]):
        db.execute(
            "INSERT INTO link_types(name, from_kinds, to_kinds, max_per_source, title, position) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET from_kinds = excluded.from_kinds, "
            "to_kinds = excluded.to_kinds, max_per_source = excluded.max_per_source, "
            "title = excluded.title, position = excluded.position",
            [
                lt["name"],
                json.dumps(lt["from"]),
                json.dumps(lt["to"]),
                lt["max_per_source"],
                lt.get("title", ""),
                i,
            ],
        )


def _v3_provenance_attributes(db: sqlite_utils.Database) -> None:
    """origin/confidence on entities, quotes and claims (annotation.provenance), added after
    a project's own attributes; a project that already defines one keeps its own."""
    defaults = {
        (a["kind"], a["name"]): a
        for a in load_default_schema().to_dict()["attributes"]
        if a["name"] in ("origin", "confidence")
    }
    kinds = {row[0] for row in db.execute("SELECT name FROM kinds")}
    position = db.execute("SELECT COALESCE(MAX(position), -1) FROM attribute_defs").fetchone()[0]
    for (kind, name), a in defaults.items():
        exists = db.execute(
            "SELECT 1 FROM attribute_defs WHERE kind = ? AND name = ?", [kind, name]
        ).fetchone()
        if kind not in kinds or exists:
            continue
        position += 1
        db.execute(
            "INSERT INTO attribute_defs(kind, name, allowed, default_value, title, position) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                kind,
                name,
                json.dumps(a["values"], ensure_ascii=False) if a["values"] is not None else None,
                a["default"],
                a.get("title", ""),
                position,
            ],
        )


def _v4_guidelines_and_statistics(db: sqlite_utils.Database) -> None:
    """The project's guidelines (one Markdown text), and indexes the statistics read from."""
    db.execute(
        """CREATE TABLE guidelines (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            text TEXT NOT NULL
        )"""
    )
    # Covering indexes: counts per label and annotator read the index, not the rows; attribute
    # counts (claims, suggestion origins) read only the spans that have attributes.
    db.execute("CREATE INDEX annotations_kind_label ON annotations(kind, label, annotator_id)")
    db.execute(
        "CREATE INDEX annotations_with_attrs ON annotations(kind, attrs) WHERE attrs != '{}'"
    )
    db.execute("CREATE INDEX documents_status ON documents(status)")
    db.execute("CREATE INDEX edit_log_action ON edit_log(action, at)")


def _v5_search_index(db: sqlite_utils.Database) -> None:
    """The project search index (storage.search_index): which document holds which word.

    Made empty: documents already in the project are indexed at the first project search
    (storage.search_index.build), not on the open path."""
    db.execute(
        """CREATE TABLE search_docs (
            id INTEGER PRIMARY KEY,
            doc_id TEXT NOT NULL UNIQUE REFERENCES documents(id) ON DELETE CASCADE
        )"""
    )
    db.execute(
        """CREATE VIRTUAL TABLE search_words USING fts5(
            words, content='', detail=none, columnsize=0, tokenize="ascii tokenchars '_'"
        )"""
    )


def _columns(db: sqlite_utils.Database, table: str) -> set[str]:
    return {row[1] for row in db.execute(f"PRAGMA table_info({table})")}


# The default palette before migration 6; a project still using one of these gets the new one.
_OLD_DEFAULT_COLOURS = {
    "PERS": "#f4a3a3", "ORG": "#9cc7f0", "GPE": "#a8e0a0", "LOC": "#d6c28f", "NORP": "#f3c98b",
    "OCC": "#c9b3ef", "FAC": "#9fded6", "DATE": "#f2e28c", "EVENT": "#f0b3d8", "TIME": "#e6e09a",
    "LANGUAGE": "#b8d8b0", "WEBSITE": "#a9c4d9", "LAW": "#d9b8a9", "PRODUCT": "#c2d99e",
    "CARDINAL": "#d7d7d7", "ORDINAL": "#cfd3e6", "PERCENT": "#e9c4c4", "QUANTITY": "#c6e3e3",
    "UNIT": "#e3d4c6", "MONEY": "#bfe6bf", "CURR": "#e6cfa5",
}  # fmt: skip


def _v7_label_names_and_palette(db: sqlite_utils.Database) -> None:
    """Labels get an Arabic display name and a definition in both languages (filled in for
    the default labels), and default colours that tell the first nine labels apart."""
    for column in ("title_ar", "definition", "definition_ar"):
        db.execute(f"ALTER TABLE labels ADD COLUMN {column} TEXT NOT NULL DEFAULT ''")
    for lab in load_default_schema().to_dict()["labels"]:
        db.execute(
            "UPDATE labels SET title_ar = ?, definition = ?, definition_ar = ? "
            "WHERE name = ? AND title_ar = '' AND definition = '' AND definition_ar = ''",
            [
                lab.get("title_ar", ""),
                lab.get("definition", ""),
                lab.get("definition_ar", ""),
                lab["name"],
            ],
        )
        old = _OLD_DEFAULT_COLOURS.get(lab["name"])
        if old is not None:
            db.execute(
                "UPDATE labels SET color = ? WHERE name = ? AND lower(color) = ?",
                [lab["color"], lab["name"], old],
            )


def _v8_documents_position(db: sqlite_utils.Database) -> None:
    # The next position (MAX) and the document list's order come from this index instead of
    # a scan of a table that holds every text.
    db.execute("CREATE INDEX IF NOT EXISTS documents_position ON documents(position)")


def _v9_search_keys(db: sqlite_utils.Database) -> None:
    """Each indexed document's search key and the offsets of the characters it drops, so a
    project search verifies candidates without normalising their texts (NULL: documents
    indexed before, and texts with a one-to-many character, are verified from the text)."""
    db.execute("ALTER TABLE search_docs ADD COLUMN key TEXT")
    db.execute("ALTER TABLE search_docs ADD COLUMN removed BLOB")


# The first words of a text as the document list shows them (newlines and tabs as spaces).
_TITLE = "substr(trim(replace(replace(substr({t}, 1, 240), char(10), ' '), char(9), ' ')), 1, 80)"


def _v10_document_list_and_span_versions(db: sqlite_utils.Database) -> None:
    """Corpus scale and two writers (issues 8, 14).

    - document_list: one narrow row per document (position, status, source, title, length,
      entity/quote/claim counts) kept in step by triggers, so that the document list, its
      filters, sorts and totals never read the texts (a row of `documents` holds the whole
      text before its status and position columns).
    - positions made unique (two imports at once could give duplicates), enforced by
      document_list's UNIQUE index, which also finds the next position without a scan.
    - document_list_text: a trigram index of titles and sources (filters as you type).
    - annotations.version: bumped by every update, so an edit made from a stale copy is
      refused (optimistic concurrency).
    """
    db.execute(
        """UPDATE documents SET position = r.n
           FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY position, created_at, rowid) AS n
                 FROM documents) AS r
           WHERE r.id = documents.id AND documents.position <> r.n"""
    )
    db.execute(
        """CREATE TABLE document_list (
            id INTEGER PRIMARY KEY,
            doc_id TEXT NOT NULL UNIQUE REFERENCES documents(id) ON DELETE CASCADE,
            position INTEGER NOT NULL UNIQUE,
            status TEXT NOT NULL,
            source TEXT NOT NULL,
            title TEXT NOT NULL,
            length INTEGER NOT NULL,
            entities INTEGER NOT NULL DEFAULT 0,
            quotes INTEGER NOT NULL DEFAULT 0,
            claims INTEGER NOT NULL DEFAULT 0
        )"""
    )
    for column in ("status", "source", "title", "length", "entities", "quotes", "claims"):
        db.execute(f"CREATE INDEX document_list_{column} ON document_list({column}, position)")
    db.execute(
        f"""INSERT INTO document_list(doc_id, position, status, source, title, length,
                                      entities, quotes, claims)
            SELECT d.id, d.position, d.status, d.source, {_TITLE.format(t="d.text")},
                   length(d.text),
                   (SELECT COUNT(*) FROM annotations a WHERE a.doc_id = d.id AND a.kind = 'entity'),
                   (SELECT COUNT(*) FROM annotations a WHERE a.doc_id = d.id AND a.kind = 'quote'),
                   (SELECT COUNT(*) FROM annotations a WHERE a.doc_id = d.id AND a.kind = 'claim')
            FROM documents d ORDER BY d.position"""
    )
    db.execute(
        f"""CREATE TRIGGER trg_document_list_insert AFTER INSERT ON documents BEGIN
            INSERT INTO document_list(doc_id, position, status, source, title, length)
            VALUES (NEW.id, NEW.position, NEW.status, NEW.source, {_TITLE.format(t="NEW.text")},
                    length(NEW.text));
        END"""
    )
    db.execute(
        """CREATE TRIGGER trg_document_list_update AFTER UPDATE OF status, source, position
        ON documents BEGIN
            UPDATE document_list SET status = NEW.status, source = NEW.source,
                                     position = NEW.position
            WHERE doc_id = NEW.id;
        END"""
    )
    db.execute(
        """CREATE TRIGGER trg_document_list_span_added AFTER INSERT ON annotations
        WHEN NEW.kind IN ('entity', 'quote', 'claim') BEGIN
            UPDATE document_list SET entities = entities + (NEW.kind = 'entity'),
                                     quotes = quotes + (NEW.kind = 'quote'),
                                     claims = claims + (NEW.kind = 'claim')
            WHERE doc_id = NEW.doc_id;
        END"""
    )
    db.execute(
        """CREATE TRIGGER trg_document_list_span_removed AFTER DELETE ON annotations
        WHEN OLD.kind IN ('entity', 'quote', 'claim') BEGIN
            UPDATE document_list SET entities = entities - (OLD.kind = 'entity'),
                                     quotes = quotes - (OLD.kind = 'quote'),
                                     claims = claims - (OLD.kind = 'claim')
            WHERE doc_id = OLD.doc_id;
        END"""
    )
    # Trigram index of the list's first words and sources, for filtering as you type, keyed
    # by document_list.id (an INTEGER PRIMARY KEY: VACUUM keeps it). FTS5
    # tables cannot be written from triggers under trusted_schema = OFF: Project.add_documents
    # keeps it in step in the same transaction, and queries verify every candidate.
    db.execute(
        "CREATE VIRTUAL TABLE document_list_text USING fts5(title, source, "
        "content='document_list', content_rowid='id', tokenize='trigram')"
    )
    db.execute(
        "INSERT INTO document_list_text(rowid, title, source) "
        "SELECT id, title, source FROM document_list"
    )
    db.execute("ALTER TABLE annotations ADD COLUMN version INTEGER NOT NULL DEFAULT 0")


def _v11_document_totals(db: sqlite_utils.Database) -> None:
    """Documents per status, maintained by triggers on document_list (issue 8): the progress
    bar's done / total read three rows instead of counting 100,000."""
    db.execute("CREATE TABLE document_totals (status TEXT PRIMARY KEY, n INTEGER NOT NULL)")
    db.execute(
        "INSERT INTO document_totals(status, n) "
        "SELECT status, COUNT(*) FROM document_list GROUP BY status"
    )
    db.execute(
        """CREATE TRIGGER trg_document_totals_insert AFTER INSERT ON document_list BEGIN
            INSERT OR IGNORE INTO document_totals(status, n) VALUES (NEW.status, 0);
            UPDATE document_totals SET n = n + 1 WHERE status = NEW.status;
        END"""
    )
    db.execute(
        """CREATE TRIGGER trg_document_totals_delete AFTER DELETE ON document_list BEGIN
            UPDATE document_totals SET n = n - 1 WHERE status = OLD.status;
        END"""
    )
    db.execute(
        """CREATE TRIGGER trg_document_totals_status AFTER UPDATE OF status ON document_list
        WHEN NEW.status IS NOT OLD.status BEGIN
            UPDATE document_totals SET n = n - 1 WHERE status = OLD.status;
            INSERT OR IGNORE INTO document_totals(status, n) VALUES (NEW.status, 0);
            UPDATE document_totals SET n = n + 1 WHERE status = NEW.status;
        END"""
    )


def _v12_span_count_triggers(db: sqlite_utils.Database) -> None:
    """document_list's span counts kept by one trigger per kind (issue 8, import speed): the
    trigger of v10 set all three counts for every span, so each insert rewrote three indexes
    of document_list (entities, quotes, claims); one column per span now. Same counts."""
    db.execute("DROP TRIGGER trg_document_list_span_added")
    db.execute("DROP TRIGGER trg_document_list_span_removed")
    for kind, column in (("entity", "entities"), ("quote", "quotes"), ("claim", "claims")):
        db.execute(
            f"""CREATE TRIGGER trg_document_list_{kind}_added AFTER INSERT ON annotations
            WHEN NEW.kind = '{kind}' BEGIN
                UPDATE document_list SET {column} = {column} + 1 WHERE doc_id = NEW.doc_id;
            END"""
        )
        db.execute(
            f"""CREATE TRIGGER trg_document_list_{kind}_removed AFTER DELETE ON annotations
            WHEN OLD.kind = '{kind}' BEGIN
                UPDATE document_list SET {column} = {column} - 1 WHERE doc_id = OLD.doc_id;
            END"""
        )


def _v13_deferred_span_counts(db: sqlite_utils.Database) -> None:
    """Many spans inserted at once (an import's batch) add to document_list's counts once
    per document (issue 8, import speed): while document_list_counts_deferred holds its row
    (only ever inside the transaction of such an insert: Project._span_counts_added), the
    count triggers do nothing and the insert adds the counts itself. A count update per span
    rewrote a row and an index entry of document_list, a sixth of the import's database
    work."""
    db.execute(
        "CREATE TABLE document_list_counts_deferred (deferred INTEGER PRIMARY KEY "
        "CHECK (deferred = 1))"
    )
    for kind, column in (("entity", "entities"), ("quote", "quotes"), ("claim", "claims")):
        db.execute(f"DROP TRIGGER trg_document_list_{kind}_added")
        db.execute(
            f"""CREATE TRIGGER trg_document_list_{kind}_added AFTER INSERT ON annotations
            WHEN NEW.kind = '{kind}' AND NOT EXISTS (SELECT 1 FROM document_list_counts_deferred)
            BEGIN
                UPDATE document_list SET {column} = {column} + 1 WHERE doc_id = NEW.doc_id;
            END"""
        )


def _v14_fts_automerge(db: sqlite_utils.Database) -> None:
    """The two FTS5 indexes merge their segments eight at a time instead of four (issue 8,
    import speed): an import commits a segment per batch, and each merge level rewrites every
    entry once more; at 10,000 news articles the writer's CPU fell by about a tenth. A query
    reads at most seven segments per level instead of three (the search index's look-ups
    are a small part of a search: each candidate's text is then read and verified)."""
    for table in ("search_words", "document_list_text"):
        db.execute(f"INSERT INTO {table}({table}, rank) VALUES ('automerge', 8)")


def _v15_span_counts_by_the_write_path(db: sqlite_utils.Database) -> None:
    """document_list's counts of inserted spans are added by Project.insert, once per
    document and kind, instead of by three AFTER INSERT triggers (issue 8, import speed).
    SQLite runs every trigger's program for every inserted row, its WHEN false or not: a
    sixth of the database work of importing 200 seed-size articles (38,400 spans), counted
    in instructions. Deleted spans are still counted by the AFTER DELETE triggers: a
    document's removal cascades to its spans without Project.delete."""
    for kind in ("entity", "quote", "claim"):
        db.execute(f"DROP TRIGGER trg_document_list_{kind}_added")
    db.execute("DROP TABLE document_list_counts_deferred")


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _v1_initial,
    _v2_rejected_suggestions,
    _v3_provenance_attributes,
    _v4_guidelines_and_statistics,
    _v5_search_index,
    _v6_annotator_layers,
    _v7_label_names_and_palette,
    _v8_documents_position,
    _v9_search_keys,
    _v10_document_list_and_span_versions,
    _v11_document_totals,
    _v12_span_count_triggers,
    _v13_deferred_span_counts,
    _v14_fts_automerge,
    _v15_span_counts_by_the_write_path,
]
LATEST_VERSION = len(MIGRATIONS)


def migrate(db: sqlite_utils.Database, target: int = LATEST_VERSION) -> list[int]:
    """Apply the steps after the file's version up to target; return the versions applied."""
    current = db.execute("PRAGMA user_version").fetchone()[0]
    applied = []
    for version in range(current + 1, target + 1):
        # The connection is in autocommit mode (isolation_level=None): one explicit
        # transaction per step, so a failing step leaves the file at the previous version.
        db.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[version - 1](db)
            db.execute(f"PRAGMA user_version = {version}")
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
        applied.append(version)
    return applied
