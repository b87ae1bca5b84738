"""storage/formats/native.py: the JSON Schema is checked in the code, in both directions, and
the import form of the schema is derived from the export schema (not a second copy)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from annotation.documents import sha256_of
from annotation.schema import load_default_schema
from annotation.spans import Link, Span
from storage.formats import native

TEXT = "قال الوزير سامي الحداد إن «المشروع سيكتمل في الربيع»."


def _record() -> dict[str, Any]:
    spans = [
        Span("e1", "d", "entity", "PERS", 11, 22),
        Span("q1", "d", "quote", "QUOTE", 27, 52, {"type": "direct"}),
        Span("q1:cue", "d", "cue", "CUE", 0, 3),
    ]
    links = [
        Link("q1:speaker", "d", "speaker", "q1", "e1"),
        Link("q1:cue", "d", "cue", "q1", "q1:cue"),
    ]
    return native.encode_record("d", TEXT, "a.txt", sha256_of(TEXT), "new", spans, links)


def test_encoded_record_passes_the_schema_in_the_code() -> None:
    record = _record()
    native.check_export_record(record)
    parsed = native.parse_record(native.dumps_record(record), load_default_schema())
    assert {s.id for s in parsed.spans} == {"e1", "q1", "q1:cue"}


def test_export_check_refuses_what_the_schema_forbids() -> None:
    record = _record()
    record["entities"][0]["surprise"] = 1  # additionalProperties: false on export
    with pytest.raises(native.RecordRefused, match="surprise"):
        native.check_export_record(record)


def test_import_schema_is_derived_from_the_export_schema() -> None:
    export = native.export_schema()
    lenient = native.import_schema(export)
    assert lenient["required"] == ["id", "text"]
    assert lenient["properties"]["meta"]["required"] == []
    assert "additionalProperties" not in json.dumps(lenient).replace(
        '"additionalProperties": {"type": "string"}', ""
    )
    assert lenient["$defs"]["entity"]["properties"] == export["$defs"]["entity"]["properties"]
    native.check_import_record({"id": "d", "text": TEXT, "unknown": 1})


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (
            {"entities": [{"id": "e", "start": True, "end": 2, "text": "x", "label": "P"}]},
            "entities[0]: 'start' must be an integer",
        ),
        (
            {"entities": [{"id": "e", "start": 0, "end": 2, "text": "x"}]},
            "entities[0]: missing field 'label'",
        ),
        ({"meta": {"status": "finished"}}, "meta: 'status' cannot be 'finished'"),
        (
            {"links": [{"type": "cue", "source": "a", "target": "b"}]},
            "written in the quote or claim",
        ),
        ({"text": "a\rb"}, "carriage returns"),
    ],
)
def test_schema_refusals_name_the_field(change: dict[str, Any], reason: str) -> None:
    with pytest.raises(native.RecordRefused) as info:
        native.check_import_record({"id": "d", "text": TEXT, **change})
    assert reason in str(info.value) and "\n" not in str(info.value)


def _schema_with_relation() -> Any:
    from annotation.schema import LabelSchema

    data = load_default_schema().to_dict()
    data["link_types"].append({"name": "rel", "from": ["entity"], "to": ["entity"]})
    return LabelSchema.from_dict(data)


def test_every_span_the_parser_makes_passes_check_span() -> None:
    """decode_record leaves the span rules to the parser (check_record spans_checked=True):
    the full check finds nothing more on spans of every way the parser makes them."""
    from annotation.validation import check_record

    text = "قالت الوزيرة سلمى إن «الطريق جاهز» وأضاف مدير الطرق أن الأعمال انتهت."
    record = {
        "id": "d",
        "text": text,
        "entities": [
            {"id": "e1", "start": 13, "end": 17, "label": "PERS", "text": text[13:17]},
            {
                "id": "e2",
                "start": 46,
                "end": 54,
                "label": "OCC",
                "text": text[46:54],
                "boundary": "exact",
                "attrs": {"origin": "suggested", "confidence": "0.8"},
                "annotator": "ali",
            },
        ],
        "quotes": [
            {
                "id": "q1",
                "start": 21,
                "end": 34,
                "text": text[21:34],
                "type": "direct",
                "speaker": {"entity": "e1"},
                "cue": {"start": 0, "end": 4, "text": text[0:4]},
            },
            {
                "id": "q2",
                "start": 55,
                "end": 69,
                "text": text[55:69],
                "type": "indirect",
                "speaker": {"start": 41, "end": 54, "text": text[41:54]},
                "cue": None,
                "attrs": {"origin": "human"},
            },
        ],
        "claims": [
            {
                "id": "c1",
                "start": 22,
                "end": 33,
                "text": text[22:33],
                "claimant": {"entity": "e1"},
                "quote": "q1",
                "checkworthy": "yes",
                "type": "event",
                "note": "",
            },
            {
                "id": "c2",
                "start": 55,
                "end": 69,
                "text": text[55:69],
                "claimant": {"article": True},
                "quote": None,
                "checkworthy": "no",
                "type": "other",
                "note": "x",
            },
        ],
        "links": [{"type": "rel", "source": "e1", "target": "e2"}],
    }
    schema = _schema_with_relation()
    parsed = native.parse_record(json.dumps(record, ensure_ascii=False), schema)
    assert {s.kind for s in parsed.spans} == {"entity", "quote", "claim", "cue", "mention"}
    check_record("d", text, parsed.spans, parsed.links, schema)  # every rule, spans included


def test_link_ids_are_checked_whole_record() -> None:
    """A quote's speaker link and a link of "links" that would get the same id."""
    text = "قال سامي إن الأمر انتهى."
    record = {
        "id": "d",
        "text": text,
        "entities": [
            {"id": "a", "start": 4, "end": 8, "label": "PERS", "text": text[4:8]},
            {"id": "speaker", "start": 12, "end": 17, "label": "PERS", "text": text[12:17]},
        ],
        "quotes": [
            {
                "id": "a:rel",
                "start": 18,
                "end": 23,
                "text": text[18:23],
                "type": "indirect",
                "speaker": {"entity": "a"},
                "cue": None,
            }
        ],
        "links": [{"type": "rel", "source": "a", "target": "speaker"}],
    }
    with pytest.raises(native.RecordRefused, match="link id a:rel:speaker is used twice"):
        native.parse_record(json.dumps(record, ensure_ascii=False), _schema_with_relation())
