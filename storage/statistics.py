"""Where the corpus stands: counts computed in SQL (indexes, no spans loaded into Python).

`project_statistics` returns the JSON that `python main.py stats --json` prints and the
dashboard draws; `matching_spans` / `matching_documents` are what a click on a bar opens.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from annotation.documents import STATUSES

TOP_SPEAKERS = 20
SPAN_BINS = (("0", 0), ("1–10", 10), ("11–50", 50), ("51–200", 200), (">200", 1 << 62))
KIND_KEYS = {"entity": "entities", "quote": "quotes", "claim": "claims"}


def _rows(project: Any, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
    return project.db.execute(sql, list(params)).fetchall()


def project_statistics(project: Any) -> dict[str, Any]:
    docs = {status: 0 for status in STATUSES}
    for status, n in _rows(project, "SELECT status, COUNT(*) FROM documents GROUP BY status"):
        docs[status] = n
    documents = {"total": sum(docs.values()), **docs}

    entities: dict[str, int] = {}
    counts = {"quote": 0, "claim": 0}
    annotators: dict[str, dict[str, Any]] = {}
    by_annotator_label: dict[str, dict[str, int]] = {}
    for kind, label, name, n in _rows(
        project,
        "SELECT a.kind, a.label, COALESCE(p.name, ''), COUNT(*) FROM annotations a "
        "LEFT JOIN annotators p ON p.id = a.annotator_id "
        "WHERE a.kind IN ('entity', 'quote', 'claim') GROUP BY a.kind, a.label, a.annotator_id",
    ):
        if kind == "entity":
            entities[label] = entities.get(label, 0) + n
        else:
            counts[kind] += n
        person = annotators.setdefault(name, {"spans": 0, "done": 0})
        person["spans"] += n
        key = label if kind == "entity" else kind.upper()
        per = by_annotator_label.setdefault(name, {})
        per[key] = per.get(key, 0) + n

    # A document counts as done by whoever last set it to done (the edit log keeps who).
    for name, n in _rows(
        project,
        "SELECT COALESCE(p.name, ''), COUNT(*) FROM ("
        "  SELECT doc_id, annotator_id, json_extract(payload, '$.to') AS status,"
        "         ROW_NUMBER() OVER (PARTITION BY doc_id ORDER BY id DESC) AS rn"
        "  FROM edit_log WHERE action = 'status') s "
        "JOIN documents d ON d.id = s.doc_id AND d.status = 'done' "
        "LEFT JOIN annotators p ON p.id = s.annotator_id "
        "WHERE s.rn = 1 AND s.status = 'done' GROUP BY s.annotator_id",
    ):
        annotators.setdefault(name, {"spans": 0, "done": 0})["done"] = n

    done_over_time = [
        {"date": day, "done": n}
        for day, n in _rows(
            project,
            "SELECT substr(at, 1, 10) AS day, "
            "SUM(CASE WHEN json_extract(payload, '$.to') = 'done' THEN 1 "
            "         WHEN json_extract(payload, '$.from') = 'done' THEN -1 ELSE 0 END) "
            "FROM edit_log WHERE action = 'status' GROUP BY day ORDER BY day",
        )
    ]

    speakers = [
        {"speaker": text, "quotes": n}
        for text, n in _rows(
            project,
            'SELECT substr(d.text, t.start + 1, t."end" - t.start) AS who, COUNT(*) AS n '
            "FROM links l JOIN annotations t ON t.id = l.target "
            "JOIN documents d ON d.id = t.doc_id WHERE l.type = 'speaker' "
            "GROUP BY who ORDER BY n DESC, who LIMIT ?",
            [TOP_SPEAKERS],
        )
    ]

    claims: dict[str, dict[str, int]] = {"checkworthy": {}, "type": {}}
    for field in claims:
        for value, n in _rows(
            project,
            f"SELECT COALESCE(json_extract(attrs, '$.{field}'), ''), COUNT(*) FROM annotations "
            "INDEXED BY annotations_with_attrs WHERE attrs != '{}' AND kind = 'claim' "
            "GROUP BY 1 ORDER BY 2 DESC",
        ):
            claims[field][value or "(none)"] = n

    suggestions: dict[str, dict[str, int]] = {
        KIND_KEYS[k]: {"accepted": 0, "stored_unreviewed": 0, "rejected": 0} for k in KIND_KEYS
    }
    for kind, origin, n in _rows(
        project,
        "SELECT kind, json_extract(attrs, '$.origin') AS origin, COUNT(*) FROM annotations "
        "INDEXED BY annotations_with_attrs WHERE attrs != '{}' "
        "AND kind IN ('entity', 'quote', 'claim') AND origin IN ('accepted', 'suggested') "
        "GROUP BY kind, origin",
    ):
        suggestions[KIND_KEYS[kind]][
            "accepted" if origin == "accepted" else "stored_unreviewed"
        ] = n
    for kind, n in _rows(project, "SELECT kind, COUNT(*) FROM rejected_suggestions GROUP BY kind"):
        if kind in KIND_KEYS:
            suggestions[KIND_KEYS[kind]]["rejected"] = n

    # Documents by how many annotations they hold (entities, quotes, claims, cues, mentions: the
    # count comes from the (doc_id, start) index alone); untouched documents fill the first bin.
    bins = {label: 0 for label, _ in SPAN_BINS}
    touched = 0
    for n, docs_n in _rows(
        project,
        "SELECT n, COUNT(*) FROM (SELECT COUNT(*) AS n FROM annotations GROUP BY doc_id) "
        "GROUP BY n",
    ):
        touched += docs_n
        bins[next(label for label, top in SPAN_BINS if n <= top)] += docs_n
    bins[SPAN_BINS[0][0]] += documents["total"] - touched

    return {
        "documents": documents,
        "spans": {
            "entities": dict(sorted(entities.items(), key=lambda kv: (-kv[1], kv[0]))),
            "quotes": counts["quote"],
            "claims": counts["claim"],
        },
        "annotators": dict(sorted(annotators.items())),
        "spans_by_annotator": by_annotator_label,
        "documents_by_annotations": bins,
        "done_over_time": done_over_time,
        "quotes_per_speaker": speakers,
        "claims": claims,
        "suggestions": suggestions,
    }


@dataclass(frozen=True, slots=True)
class SpanHit:
    doc_id: str
    source: str
    kind: str
    label: str
    start: int
    end: int
    text: str
    annotator: str


def matching_spans(
    project: Any,
    kind: str,
    label: str | None = None,
    annotator: str | None = None,
    speaker: str | None = None,
    attr: tuple[str, str] | None = None,
    limit: int = 2000,
) -> list[SpanHit]:
    """The spans behind one bar of the dashboard (e.g. all PERS spans of one annotator)."""
    sql = (
        'SELECT a.doc_id, d.source, a.kind, a.label, a.start, a."end", '
        "substr(d.text, a.start + 1, a.\"end\" - a.start), COALESCE(p.name, '') "
        "FROM annotations a JOIN documents d ON d.id = a.doc_id "
        "LEFT JOIN annotators p ON p.id = a.annotator_id WHERE a.kind = ?"
    )
    params: list[Any] = [kind]
    if label is not None:
        sql += " AND a.label = ?"
        params.append(label)
    if annotator is not None:
        sql += " AND COALESCE(p.name, '') = ?"
        params.append(annotator)
    if attr is not None:
        sql += f" AND COALESCE(json_extract(a.attrs, '$.{_field(attr[0])}'), '') = ?"
        params.append("" if attr[1] == "(none)" else attr[1])
    if speaker is not None:
        sql += (
            " AND EXISTS (SELECT 1 FROM links l JOIN annotations t ON t.id = l.target "
            "WHERE l.source = a.id AND l.type = 'speaker' "
            'AND substr(d.text, t.start + 1, t."end" - t.start) = ?)'
        )
        params.append(speaker)
    sql += " ORDER BY d.position, a.start LIMIT ?"
    params.append(limit)
    return [SpanHit(*row) for row in _rows(project, sql, params)]


def _field(name: str) -> str:
    if not name.replace("_", "").isalnum():
        raise ValueError(f"bad attribute name {name!r}")
    return name


def matching_documents(project: Any, status: str, limit: int = 2000) -> list[tuple[str, str]]:
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")
    return [
        (doc_id, source)
        for doc_id, source in _rows(
            project,
            "SELECT id, source FROM documents WHERE status = ? ORDER BY position LIMIT ?",
            [status, limit],
        )
    ]


def agreement_per_label(project: Any) -> dict[str, float | None] | None:
    """Entity agreement per label once it exists: the mean exact-span F1 over annotator pairs
    on the documents at least two annotators marked done (storage.team's report, the same
    figures as `python main.py agreement`); None while no document has two such layers."""
    from storage.team import GOLD, agreement_report

    row = project.db.execute(
        "SELECT 1 FROM document_status s JOIN annotators n ON n.id = s.annotator_id "
        "WHERE s.status = 'done' AND n.name != ? GROUP BY s.doc_id HAVING COUNT(*) >= 2 LIMIT 1",
        [GOLD],
    ).fetchone()
    if row is None:
        return None
    report = agreement_report(project, kinds=("entities",))
    return dict(sorted(report.lowest_labels, key=lambda lv: lv[0]))
