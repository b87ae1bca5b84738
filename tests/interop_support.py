"""The shared Arabic test document for the interchange formats, and a canonical form of
native records to compare round trips span by span (ids aside: formats renumber them)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from annotation.schema import LabelSchema
from storage.exporter import export_records
from storage.importer import import_file
from storage.project import Project

# Own sentences. An emoji and a flag (two regional indicators: 1 grapheme, 4 UTF-16 units)
# before every entity, combining marks (ُ ّ ً ٌ), CRLF line ends in the "file" form, a nested
# entity (مصر in وزير خارجية مصر) and a clitic entity (روسيا in بروسيا, strip_clitics).
CRLF_TEXT = (
    "😀🇸🇦 قال الرئيسُ بوتين في موسكو إن «الاتفاق سيوقَّع غداً».\r\n"
    "وأكد مسؤولٌ أميركي أن 26 مدنياً قتلوا في حلب.\r\n"
    "واتصل وزير خارجية مصر بروسيا."
)
TEXT = CRLF_TEXT.replace("\r\n", "\n")


def at(word: str, nth: int = 0, text: str = TEXT) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return start, start + len(word)


def piece(word: str) -> dict[str, Any]:
    s, e = at(word)
    return {"start": s, "end": e, "text": word}


def ent(eid: str, word: str, label: str, boundary: str = "token") -> dict[str, Any]:
    return {"id": eid, **piece(word), "label": label, "boundary": boundary}


def arabic_record() -> dict[str, Any]:
    return {
        "id": "doc-arabic-test",
        "text": TEXT,
        "meta": {"source": "agency/arabic-test.txt", "status": "in_progress"},
        "entities": [
            ent("e1", "بوتين", "PERS"),
            ent("e2", "موسكو", "GPE"),
            ent("e3", "حلب", "GPE"),
            ent("e4", "وزير خارجية مصر", "OCC"),
            ent("e5", "مصر", "GPE"),
            ent("e6", "روسيا", "GPE", "strip_clitics"),
        ],
        "quotes": [
            {
                "id": "q1",
                **piece("الاتفاق سيوقَّع غداً"),
                "type": "direct",
                "speaker": {"entity": "e1"},
                "cue": piece("قال"),
            }
        ],
        "claims": [
            {
                "id": "c1",
                **piece("26 مدنياً قتلوا في حلب"),
                "claimant": piece("مسؤولٌ أميركي"),
                "quote": None,
                "checkworthy": "yes",
                "type": "statistic",
                "note": "رقم من مصدر واحد",
            },
            {
                "id": "c2",
                **piece("سيوقَّع غداً"),
                "claimant": {"entity": "e1"},
                "quote": "q1",
                "checkworthy": "unsure",
                "type": "prediction",
                "note": "",
            },
            {
                "id": "c3",
                **piece("اتصل وزير خارجية مصر بروسيا"),
                "claimant": {"article": True},
                "quote": None,
                "checkworthy": "no",
                "type": "event",
                "note": "",
            },
        ],
    }


def numbered_record(i: int, text_tail: str) -> dict[str, Any]:
    """The Arabic test record as document i of a set: an id of its own, text_tail after its
    text (so every text is distinct), and every span id (and every reference to one) suffixed
    with -i."""
    r = arabic_record()
    r["id"] = f"doc-{i:03d}"
    r["text"] = r["text"] + text_tail
    for kind in ("entities", "quotes", "claims"):
        for item in r[kind]:
            item["id"] = f"{item['id']}-{i}"
    r["quotes"][0]["speaker"]["entity"] += f"-{i}"
    r["claims"][1]["claimant"]["entity"] += f"-{i}"
    r["claims"][1]["quote"] += f"-{i}"
    return r


def make_project(
    tmp_path: Path, records: list[dict[str, Any]] | None = None, name: str = "p"
) -> Project:
    """A project holding the given native records (default: the Arabic test record)."""
    project = Project(tmp_path / f"{name}.hashiya")
    src = tmp_path / f"{name}-seed.jsonl"
    src.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records or [arabic_record()]),
        encoding="utf-8",
    )
    result = import_file(project, src)
    assert not result.refused, result.refused
    return project


def canonical(record: dict[str, Any]) -> dict[str, Any]:
    """A record without ids: spans by offsets, references by what they point at."""
    ents = {e["id"]: e for e in record.get("entities", [])}
    quotes = {q["id"]: q for q in record.get("quotes", [])}

    def ref(value: Any) -> Any:
        if value is None:
            return None
        if "entity" in value:
            e = ents[value["entity"]]
            return ("entity", e["start"], e["end"], e["label"])
        if "article" in value:
            return ("article",)
        return ("mention", value["start"], value["end"])

    return {
        "text": record["text"],
        "entities": sorted(
            (
                e["start"],
                e["end"],
                e["label"],
                e.get("boundary", "token"),
                json.dumps(e.get("attrs", {}), sort_keys=True),
            )
            for e in record.get("entities", [])
        ),
        "quotes": sorted(
            (
                q["start"],
                q["end"],
                q["type"],
                ref(q["speaker"]),
                None if q["cue"] is None else (q["cue"]["start"], q["cue"]["end"]),
                json.dumps(q.get("attrs", {}), sort_keys=True),
            )
            for q in record.get("quotes", [])
        ),
        "claims": sorted(
            (
                c["start"],
                c["end"],
                ref(c["claimant"]),
                None
                if c["quote"] is None
                else (quotes[c["quote"]]["start"], quotes[c["quote"]]["end"]),
                c["checkworthy"],
                c["type"],
                c["note"],
                json.dumps(c.get("attrs", {}), sort_keys=True),
            )
            for c in record.get("claims", [])
        ),
    }


def project_canonical(project: Project) -> list[dict[str, Any]]:
    return [canonical(r) for r in export_records(project)]


def project_meta(project: Project) -> list[tuple[str, str]]:
    return [(r["meta"]["source"], r["meta"]["status"]) for r in export_records(project)]


def add_labels(project: Project, labels: list[str], links: list[str] = ()) -> None:
    """Entity labels and entity-to-entity link types added to the project's schema."""
    data = project.schema().to_dict()
    have = {lab["name"] for lab in data["labels"]}
    for name in labels:
        if name not in have:
            data["labels"].append(
                {"name": name, "kind": "entity", "color": "#888888", "key": None, "title": name}
            )
    for name in links:
        data["link_types"].append(
            {
                "name": name,
                "from": ["entity"],
                "to": ["entity"],
                "max_per_source": None,
                "title": name,
            }
        )
    project.save_schema(LabelSchema.from_dict(data))
