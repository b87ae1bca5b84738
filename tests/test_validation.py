"""The rules of a valid span, link and attribute value (annotation/validation.py), without a
project file."""

from __future__ import annotations

from dataclasses import replace

import pytest

from annotation.errors import HashiyaError
from annotation.schema import SchemaError, load_default_schema
from annotation.spans import Link, Span
from annotation.validation import (
    EditRefused,
    SchemaUsage,
    attr_value_error,
    check_edit,
    check_record,
    check_schema_fields,
    check_span,
    schema_conflict,
)

SCHEMA = load_default_schema()
TEXT = "قال الوزير سالم إن «الميناء سيفتح غدا» في عمان."
DOC = "doc-1"


def _span(sid: str, start: int, end: int, kind: str = "entity", label: str = "PERS", **attrs):
    return Span(sid, DOC, kind, label, start, end, attrs)


def _quote(sid: str = "q") -> Span:
    start = TEXT.index("«")
    return _span(sid, start, TEXT.index("»") + 1, "quote", "QUOTE", type="direct")


def _speaker() -> Span:
    start = TEXT.index("سالم")
    return _span("s", start, start + 4)


def test_edit_refused_is_a_hashiya_error_and_the_session_uses_the_same_class() -> None:
    from storage.session import EditRefused as SessionEditRefused

    assert issubclass(EditRefused, HashiyaError)
    assert SessionEditRefused is EditRefused


@pytest.mark.parametrize(
    ("span", "match"),
    [
        (replace(_speaker(), doc_id="doc-2"), "another document"),
        (_span("x", 3, len(TEXT) + 1), "past the text"),
        (_span("x", 0, 3, label="NOPE"), "unknown label"),
        (_span("x", 0, 3, label="QUOTE"), "is for quote, not entity"),
        (_span("x", 0, 3, "quote", "QUOTE", type="nonsense"), "cannot be 'nonsense'"),
        (_span("x", 0, 3, "quote", "QUOTE", colour="red"), "no attribute 'colour'"),
    ],
)
def test_check_span_refuses(span: Span, match: str) -> None:
    with pytest.raises(EditRefused, match=match):
        check_span(span, DOC, len(TEXT), SCHEMA)


def test_check_span_accepts_a_valid_span() -> None:
    check_span(_quote(), DOC, len(TEXT), SCHEMA)


def test_attr_value_error_names_the_allowed_values() -> None:
    assert attr_value_error(SCHEMA, "claim", "checkworthy", "yes") is None
    assert "allowed: yes, no, unsure" in (
        attr_value_error(SCHEMA, "claim", "checkworthy", "y") or ""
    )
    assert attr_value_error(SCHEMA, "claim", "note", 3) is not None  # values are strings
    assert attr_value_error(SCHEMA, "claim", "note", "free text") is None


def test_check_record_accepts_a_quote_with_its_speaker() -> None:
    check_record(DOC, TEXT, [_quote(), _speaker()], [Link("l", DOC, "speaker", "q", "s")], SCHEMA)


@pytest.mark.parametrize(
    ("links", "match"),
    [
        ([Link("l", DOC, "speaker", "q", "gone")], "not in the document"),
        ([Link("l", DOC, "speaker", "s", "q")], "cannot join"),
        ([Link("l", DOC, "nope", "q", "s")], "unknown link type"),
        ([Link("l", "doc-2", "speaker", "q", "s")], "another document"),
        (
            [Link("l", DOC, "speaker", "q", "s"), Link("l", DOC, "speaker", "q", "s2")],
            "used twice",
        ),
        (
            [Link("l1", DOC, "speaker", "q", "s"), Link("l2", DOC, "speaker", "q", "s")],
            "same speaker link",
        ),
        (
            [Link("l1", DOC, "speaker", "q", "s"), Link("l2", DOC, "speaker", "q", "s2")],
            "at most 1 speaker",
        ),
    ],
)
def test_check_record_refuses_bad_links(links: list[Link], match: str) -> None:
    second = replace(_speaker(), id="s2")
    with pytest.raises(EditRefused, match=match):
        check_record(DOC, TEXT, [_quote(), _speaker(), second], links, SCHEMA)


def test_check_record_refuses_a_duplicate_span_id() -> None:
    with pytest.raises(EditRefused, match="exists already"):
        check_record(DOC, TEXT, [_speaker(), _speaker()], [], SCHEMA)


def test_check_edit_counts_links_already_stored() -> None:
    link = Link("l", DOC, "speaker", "q", "s")
    stored = {"q": "quote", "s": "entity"}
    check_edit(DOC, len(TEXT), SCHEMA, [], [link], stored_kind=stored.get)
    with pytest.raises(EditRefused, match="at most 1 speaker"):
        check_edit(
            DOC,
            len(TEXT),
            SCHEMA,
            [],
            [link],
            stored_kind=stored.get,
            stored_links=lambda source, type_name: 1,
        )
    with pytest.raises(EditRefused, match="exists already"):
        check_edit(DOC, len(TEXT), SCHEMA, [_speaker()], [], stored_kind=stored.get)


def test_check_schema_fields_refuses_non_string_titles_and_bad_limits() -> None:
    check_schema_fields(SCHEMA)
    bad = SCHEMA.to_dict()
    bad["link_types"][0]["max_per_source"] = 0
    from annotation.schema import LabelSchema

    with pytest.raises(SchemaError, match="max_per_source"):
        check_schema_fields(LabelSchema.from_dict(bad))


def test_schema_conflict_names_what_does_not_fit() -> None:
    assert schema_conflict(SCHEMA, SchemaUsage(kinds={"entity"})) is None
    usage = SchemaUsage(labels=[("GONE", "entity", 3)])
    assert (
        schema_conflict(SCHEMA, usage) == "label GONE is used by 3 annotations; relabel them first"
    )
    usage = SchemaUsage(attrs=[("claim", '{"checkworthy": "maybe"}', 2)])
    assert "not allowed by the new schema" in (schema_conflict(SCHEMA, usage) or "")
    usage = SchemaUsage(most_links={"speaker": ("q1", 2)})
    assert "q1 has 2 speaker links" in (schema_conflict(SCHEMA, usage) or "")
