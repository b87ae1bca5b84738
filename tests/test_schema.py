"""The label schema: the default file, validation refusals, edits, (de)serialisation."""

from __future__ import annotations

import json
from typing import Any

import pytest

from annotation.schema import (
    DEFAULT_SCHEMA_PATH,
    AttributeDef,
    KindDef,
    LabelDef,
    LabelSchema,
    LinkTypeDef,
    SchemaError,
    entity_label_names,
    load_default_schema,
)

WOJOOD_LABELS = (
    "PERS NORP OCC ORG GPE LOC FAC EVENT DATE TIME LANGUAGE WEBSITE LAW PRODUCT "
    "CARDINAL ORDINAL PERCENT QUANTITY UNIT MONEY CURR"
).split()


@pytest.fixture
def schema() -> LabelSchema:
    return load_default_schema()


def _small() -> dict[str, Any]:
    return {
        "kinds": [{"name": "entity", "title": "Entity"}, {"name": "quote", "title": "Quote"}],
        "labels": [
            {"name": "PERS", "kind": "entity", "color": "#aa0000", "key": "1"},
            {"name": "QUOTE", "kind": "quote", "color": "#00aa00", "key": "q"},
        ],
        "attributes": [
            {"kind": "quote", "name": "type", "values": ["direct", "indirect"], "default": "direct"}
        ],
        "link_types": [
            {"name": "speaker", "from": ["quote"], "to": ["entity"], "max_per_source": 1}
        ],
    }


# --- the default schema ----------------------------------------------------------------------
def test_default_schema_has_the_21_wojood_entity_labels(schema: LabelSchema) -> None:
    names = list(entity_label_names(schema))
    assert sorted(names) == sorted(WOJOOD_LABELS)
    assert len(names) == 21
    assert all(schema.label(n).kind == "entity" for n in WOJOOD_LABELS)


def test_default_schema_binds_nine_entity_labels_to_digit_keys(schema: LabelSchema) -> None:
    bound = {lab.key: lab.name for lab in schema.labels_for("entity") if lab.key is not None}
    assert sorted(bound) == [str(d) for d in range(1, 10)]
    for digit, name in bound.items():
        assert schema.label_for_key(digit).name == name
    assert schema.label_for_key("0") is None


def test_default_schema_kinds_attributes_and_link_types(schema: LabelSchema) -> None:
    assert [k.name for k in schema.kinds] == ["entity", "quote", "claim", "cue", "mention"]
    assert schema.default_attrs("quote") == {"type": "direct"}
    assert schema.attribute("claim", "note").values is None
    assert set(schema.default_attrs("claim")) == {"checkworthy", "type", "note", "claimant_article"}
    assert {lt.name for lt in schema.link_types} == {"speaker", "cue", "claimant", "in_quote"}
    for name in ("QUOTE", "CLAIM", "CUE", "MENTION"):
        assert schema.has_label(name)


def test_default_schema_colours_are_valid_and_distinct_per_kind(schema: LabelSchema) -> None:
    colours = [lab.color.lower() for lab in schema.labels_for("entity")]
    assert len(set(colours)) == len(colours)


def test_label_for_key_is_case_insensitive(schema: LabelSchema) -> None:
    assert schema.label_for_key("Q").name == "QUOTE"
    assert schema.label_for_key("q").name == "QUOTE"


def test_lookups_of_unknown_names_raise(schema: LabelSchema) -> None:
    with pytest.raises(SchemaError, match="unknown label"):
        schema.label("PERSON")
    with pytest.raises(SchemaError, match="unknown kind"):
        schema.kind("event")
    with pytest.raises(SchemaError, match="unknown link type"):
        schema.link_type("author")
    with pytest.raises(SchemaError, match="no attribute"):
        schema.attribute("quote", "tone")
    assert not schema.has_label("PERSON")


# --- validation refusals ---------------------------------------------------------------------
def test_duplicate_label_refused() -> None:
    data = _small()
    data["labels"].append({"name": "PERS", "kind": "entity", "color": "#123456"})
    with pytest.raises(SchemaError, match="duplicate label PERS"):
        LabelSchema.from_dict(data)


@pytest.mark.parametrize("key", ["1", "Q"])
def test_duplicate_key_refused(key: str) -> None:
    data = _small()
    data["labels"].append({"name": "ORG", "kind": "entity", "color": "#123456", "key": key})
    with pytest.raises(SchemaError, match="bound to both"):
        LabelSchema.from_dict(data)


@pytest.mark.parametrize("colour", ["red", "#12345", "#1234567", "#12345g", "123456", ""])
def test_bad_colour_refused(colour: str) -> None:
    with pytest.raises(SchemaError, match="colour"):
        LabelDef("ORG", "entity", colour)


@pytest.mark.parametrize("key", ["12", "F1", "-", " ", ""])
def test_bad_key_refused(key: str) -> None:
    with pytest.raises(SchemaError, match="key"):
        LabelDef("ORG", "entity", "#123456", key)


@pytest.mark.parametrize("name", ["", "1ABC", "شخص", "A B", "A" * 41])
def test_bad_label_name_refused(name: str) -> None:
    with pytest.raises(SchemaError, match="bad label name"):
        LabelDef(name, "entity", "#123456")


def test_label_of_unknown_kind_refused() -> None:
    data = _small()
    data["labels"].append({"name": "EVT", "kind": "event", "color": "#123456"})
    with pytest.raises(SchemaError, match="unknown kind 'event'"):
        LabelSchema.from_dict(data)


def test_duplicate_kind_refused() -> None:
    data = _small()
    data["kinds"].append({"name": "quote", "title": "again"})
    with pytest.raises(SchemaError, match="duplicate kind"):
        LabelSchema.from_dict(data)


def test_attribute_default_must_be_among_values() -> None:
    with pytest.raises(SchemaError, match="default 'partial' not among"):
        AttributeDef("quote", "type", ("direct", "indirect"), "partial")
    with pytest.raises(SchemaError, match="empty value list"):
        AttributeDef("quote", "type", (), "")
    # free text takes any default
    assert AttributeDef("claim", "note", None, "anything").default == "anything"


def test_attribute_of_unknown_kind_refused() -> None:
    data = _small()
    data["attributes"].append({"kind": "claim", "name": "x", "values": None, "default": ""})
    with pytest.raises(SchemaError, match="unknown kind 'claim'"):
        LabelSchema.from_dict(data)


def test_duplicate_attribute_refused() -> None:
    data = _small()
    data["attributes"].append(dict(data["attributes"][0]))
    with pytest.raises(SchemaError, match="duplicate attribute quote.type"):
        LabelSchema.from_dict(data)


def test_link_type_with_unknown_kind_refused() -> None:
    data = _small()
    data["link_types"][0]["to"] = ["entity", "mention"]
    with pytest.raises(SchemaError, match="unknown kind 'mention'"):
        LabelSchema.from_dict(data)


def test_link_type_without_kinds_refused() -> None:
    with pytest.raises(SchemaError, match="needs source and target"):
        LinkTypeDef("speaker", (), ("entity",))
    with pytest.raises(SchemaError, match="needs source and target"):
        LinkTypeDef("speaker", ("quote",), ())


def test_duplicate_link_type_refused() -> None:
    data = _small()
    data["link_types"].append(dict(data["link_types"][0]))
    with pytest.raises(SchemaError, match="duplicate link type"):
        LabelSchema.from_dict(data)


def test_missing_field_refused() -> None:
    data = _small()
    del data["labels"][0]["color"]
    with pytest.raises(SchemaError, match="missing a field"):
        LabelSchema.from_dict(data)
    with pytest.raises(SchemaError, match="missing a field"):
        LabelSchema.from_dict({"labels": []})


# --- edits -----------------------------------------------------------------------------------
def test_with_label_adds_and_leaves_original_untouched(schema: LabelSchema) -> None:
    new = schema.with_label(LabelDef("RELIGION", "entity", "#102030", "0", "دين"))
    assert new.label("RELIGION").title == "دين"
    assert new.label_for_key("0").name == "RELIGION"
    assert not schema.has_label("RELIGION")
    assert len(new.labels) == len(schema.labels) + 1


def test_with_label_refuses_existing_name_and_taken_key(schema: LabelSchema) -> None:
    with pytest.raises(SchemaError, match="already exists"):
        schema.with_label(LabelDef("PERS", "entity", "#102030"))
    with pytest.raises(SchemaError, match="bound to both"):
        schema.with_label(LabelDef("RELIGION", "entity", "#102030", "1"))
    with pytest.raises(SchemaError, match="unknown kind"):
        schema.with_label(LabelDef("RELIGION", "topic", "#102030"))


def test_with_label_changed_rename_keeps_position_key_and_colour(schema: LabelSchema) -> None:
    old = schema.label("PERS")
    new = schema.with_label_changed("PERS", name="PERSON")
    assert not new.has_label("PERS")
    renamed = new.label("PERSON")
    assert (renamed.kind, renamed.color, renamed.key) == (old.kind, old.color, old.key)
    assert [lab.name for lab in new.labels].index("PERSON") == [
        lab.name for lab in schema.labels
    ].index("PERS")
    assert new.label_for_key(old.key).name == "PERSON"


def test_with_label_changed_recolour_and_rebind_key(schema: LabelSchema) -> None:
    new = schema.with_label_changed("TIME", color="#abcdef")
    assert new.label("TIME").color == "#abcdef"
    assert schema.label("TIME").color != "#abcdef"
    rebound = schema.with_label_changed("PERS", key="0")
    assert rebound.label_for_key("0").name == "PERS"
    assert rebound.label_for_key("1") is None
    unbound = schema.with_label_changed("PERS", key=None)
    assert unbound.label("PERS").key is None
    # the freed key can then go to another label
    assert unbound.with_label_changed("TIME", key="1").label_for_key("1").name == "TIME"


def test_with_label_changed_refusals(schema: LabelSchema) -> None:
    with pytest.raises(SchemaError, match="already exists"):
        schema.with_label_changed("PERS", name="ORG")
    with pytest.raises(SchemaError, match="bound to both"):
        schema.with_label_changed("TIME", key="1")
    with pytest.raises(SchemaError, match="colour"):
        schema.with_label_changed("TIME", color="blue")
    with pytest.raises(SchemaError, match="unknown label"):
        schema.with_label_changed("NOPE", color="#000000")
    with pytest.raises(SchemaError, match="unknown kind"):
        schema.with_label_changed("TIME", kind="topic")


def test_without_label(schema: LabelSchema) -> None:
    new = schema.without_label("CURR")
    assert not new.has_label("CURR")
    assert len(new.labels) == len(schema.labels) - 1
    assert schema.has_label("CURR")
    with pytest.raises(SchemaError, match="unknown label"):
        new.without_label("CURR")


# --- checks ----------------------------------------------------------------------------------
def test_check_attrs(schema: LabelSchema) -> None:
    schema.check_attrs("quote", {"type": "indirect"})
    schema.check_attrs("claim", {"checkworthy": "yes", "note": "أي نص حر"})
    schema.check_attrs("entity", {})
    with pytest.raises(SchemaError, match="quote.type cannot be 'reported'"):
        schema.check_attrs("quote", {"type": "reported"})
    with pytest.raises(SchemaError, match="cannot be"):
        schema.check_attrs("claim", {"note": 3})
    with pytest.raises(SchemaError, match="no attribute"):
        schema.check_attrs("entity", {"type": "direct"})


def test_check_link(schema: LabelSchema) -> None:
    schema.check_link("speaker", "quote", "entity")
    schema.check_link("speaker", "quote", "mention")
    schema.check_link("cue", "quote", "cue")
    schema.check_link("claimant", "claim", "mention")
    schema.check_link("in_quote", "claim", "quote")
    with pytest.raises(SchemaError, match="cannot join a entity to a quote"):
        schema.check_link("speaker", "entity", "quote")
    with pytest.raises(SchemaError, match="cannot join"):
        schema.check_link("speaker", "quote", "claim")
    with pytest.raises(SchemaError, match="cannot join"):
        schema.check_link("in_quote", "quote", "quote")
    with pytest.raises(SchemaError, match="unknown link type"):
        schema.check_link("author", "quote", "entity")


# --- (de)serialisation -----------------------------------------------------------------------
def test_to_dict_from_dict_round_trip(schema: LabelSchema) -> None:
    data = schema.to_dict()
    again = LabelSchema.from_dict(json.loads(json.dumps(data)))
    assert again == schema
    assert again.to_dict() == data


def test_round_trip_after_edits(schema: LabelSchema) -> None:
    edited = (
        schema.with_label(LabelDef("RELIGION", "entity", "#102030", "0", "دين"))
        .with_label_changed("PERS", name="PERSON", color="#0a0b0c")
        .without_label("CURR")
    )
    assert LabelSchema.from_dict(edited.to_dict()) == edited
    assert LabelSchema.from_dict(edited.to_dict()) != schema


def test_default_file_round_trips_exactly() -> None:
    raw = json.loads(DEFAULT_SCHEMA_PATH.read_text(encoding="utf-8"))
    schema = load_default_schema()
    assert [lab["name"] for lab in schema.to_dict()["labels"]] == [
        lab["name"] for lab in raw["labels"]
    ]
    assert schema.to_dict()["link_types"] == [
        {**lt, "max_per_source": lt.get("max_per_source"), "title": lt.get("title", "")}
        for lt in raw["link_types"]
    ]


def test_kind_name_validated() -> None:
    with pytest.raises(SchemaError, match="bad kind name"):
        KindDef("two words", "x")
