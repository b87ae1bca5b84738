"""Which annotator's spans an export reads for one document (see annotation/layers.py).

Shared by every exporter (native JSONL, CoNLL, the interchange formats), so that
`--layer` means the same everywhere.
"""

from __future__ import annotations

from annotation.layers import GOLD, Layer, choose_default_layer
from storage.project import Project

ALL = object()  # every layer: spans keep their annotator


def is_curated(project: Project, doc_id: str) -> bool:
    """Curation of the document has begun: the gold layer has a status or spans."""
    row = project.db.execute(
        "SELECT 1 FROM annotators n WHERE n.name = ? AND ("
        "EXISTS (SELECT 1 FROM document_status s WHERE s.annotator_id = n.id AND s.doc_id = ?) "
        "OR EXISTS (SELECT 1 FROM annotations a WHERE a.annotator_id = n.id AND a.doc_id = ?))",
        [GOLD, doc_id, doc_id],
    ).fetchone()
    return row is not None


# For `SELECT d.id, <this> FROM documents d`: the names of the annotators with spans in the
# document (joined by U+001F) and whether the gold layer has a status there.
DEFAULT_CHOICE_SQL = (
    "(SELECT GROUP_CONCAT(name, char(31)) FROM (SELECT DISTINCT n.name FROM annotations a "
    "JOIN annotators n ON n.id = a.annotator_id WHERE a.doc_id = d.id)), "
    "EXISTS (SELECT 1 FROM document_status s JOIN annotators g ON g.id = s.annotator_id "
    f"WHERE s.doc_id = d.id AND g.name = '{GOLD}')"
)


def default_choice(names: str | None, gold_status: int) -> str | None:
    """The default layer from a row of DEFAULT_CHOICE_SQL."""
    annotators = set(names.split("\x1f")) if names else set()
    return choose_default_layer(bool(gold_status) or GOLD in annotators, annotators)


def layer_for(project: Project, doc_id: str, layer: Layer) -> str | object | None:
    """The annotator name whose spans to read, ALL, or None to leave the document out (the
    default layer of a document several people annotated and nobody curated)."""
    if layer.mode == "all":
        return ALL
    name = layer.annotator
    if name is not None:
        return name
    return choose_default_layer(is_curated(project, doc_id), project.layer_names(doc_id))
