"""The project's entities as training data for the recommenders (read only).

Spans stored by batch pre-annotation without review (origin "suggested") are left out: a
recommender must not learn from its own unreviewed output. At corpus scale the most recently
imported documents with entities are used, up to a cap, so training time stays bounded.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from annotation.recommenders.base import TrainingDocument

MAX_TRAINING_DOCUMENTS = 3000


def entity_training_documents(
    project: Any, limit: int = MAX_TRAINING_DOCUMENTS, exclude: str | None = None
) -> Iterator[TrainingDocument]:
    """Documents with at least one human (or accepted) entity, newest first; `exclude` is a
    document id to leave out (the one being suggested on, when measuring)."""
    db = project.db
    doc_ids = [
        r[0]
        for r in db.execute(
            "SELECT d.id FROM documents d WHERE EXISTS (SELECT 1 FROM annotations a "
            "WHERE a.doc_id = d.id AND a.kind = 'entity') ORDER BY d.position DESC LIMIT ?",
            [limit],
        )
    ]
    for doc_id in doc_ids:
        if doc_id == exclude:
            continue
        text = db.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()[0]
        rows = db.execute(
            "SELECT start, \"end\", label FROM annotations WHERE doc_id = ? AND kind = 'entity' "
            "AND COALESCE(json_extract(attrs, '$.origin'), 'human') != 'suggested'",
            [doc_id],
        ).fetchall()
        if rows:
            yield TrainingDocument(text, tuple((s, e, label) for s, e, label in rows))
