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
