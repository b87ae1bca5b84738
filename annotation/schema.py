"""The label schema as data: kinds, labels, attributes, link types, keys and colours.

A project stores its own copy (storage/project.py); the default lives in
resources/default_schema.json. Everything here is validated when built.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from annotation.errors import HashiyaError

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
DEFAULT_SCHEMA_PATH = RESOURCES / "default_schema.json"

_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_\-]{0,39}$")
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
# Keys a label may be bound to: digits and letters (single characters).
_KEY = re.compile(r"^[0-9A-Za-z]$")


# Attributes that say where a span came from (annotation.provenance); never defaulted.
PROVENANCE_ATTRS = frozenset({"origin", "confidence"})


class SchemaError(HashiyaError, ValueError):
    """A schema (or an edit to it) is not valid; the message says why."""


@dataclass(frozen=True, slots=True)
class KindDef:
    name: str
    title: str

    def __post_init__(self) -> None:
        if not _NAME.match(self.name):
            raise SchemaError(f"bad kind name {self.name!r}")


@dataclass(frozen=True, slots=True)
class LabelDef:
    name: str
    kind: str
    color: str
    key: str | None = None
    title: str = ""  # the display name in English
    title_ar: str = ""  # the display name in Arabic
    definition: str = ""  # one line on what the label is for, in English
    definition_ar: str = ""

    def display_name(self, lang: str = "en") -> str:
        """The name shown for the label in the interface language (falls back to English, then
        the code)."""
        if lang == "ar" and self.title_ar:
            return self.title_ar
        return self.title or self.name

    def description(self, lang: str = "en") -> str:
        if lang == "ar" and self.definition_ar:
            return self.definition_ar
        return self.definition

    def matches(self, query: str) -> bool:
        """The label picker's filter: the code, or either display name."""
        q = query.strip().casefold()
        return not q or any(q in t.casefold() for t in (self.name, self.title, self.title_ar))

    def __post_init__(self) -> None:
        if not _NAME.match(self.name):
            raise SchemaError(
                f"bad label name {self.name!r}: use letters, digits, _ or -, starting with a letter"
            )
        if not _COLOR.match(self.color):
            raise SchemaError(
                f"label {self.name}: colour must look like #RRGGBB, not {self.color!r}"
            )
        if self.key is not None and not _KEY.match(self.key):
            raise SchemaError(
                f"label {self.name}: key must be one digit or letter, not {self.key!r}"
            )


@dataclass(frozen=True, slots=True)
class AttributeDef:
    kind: str
    name: str
    values: tuple[str, ...] | None  # None means free text
    default: str = ""
    title: str = ""

    def __post_init__(self) -> None:
        if not _NAME.match(self.name):
            raise SchemaError(f"bad attribute name {self.name!r}")
        if self.values is not None:
            if not self.values:
                raise SchemaError(f"attribute {self.kind}.{self.name}: empty value list")
            if self.default not in self.values:
                raise SchemaError(
                    f"attribute {self.kind}.{self.name}: default {self.default!r} not among its values"
                )

    def accepts(self, value: Any) -> bool:
        if not isinstance(value, str):
            return False
        return self.values is None or value in self.values


@dataclass(frozen=True, slots=True)
class LinkTypeDef:
    name: str
    from_kinds: tuple[str, ...]
    to_kinds: tuple[str, ...]
    max_per_source: int | None = None  # e.g. a quote has at most one speaker
    title: str = ""

    def __post_init__(self) -> None:
        if not _NAME.match(self.name):
            raise SchemaError(f"bad link type name {self.name!r}")
        if not self.from_kinds or not self.to_kinds:
            raise SchemaError(f"link type {self.name}: needs source and target kinds")


@dataclass(frozen=True)
class LabelSchema:
    kinds: tuple[KindDef, ...]
    labels: tuple[LabelDef, ...]
    attributes: tuple[AttributeDef, ...] = ()
    link_types: tuple[LinkTypeDef, ...] = ()
    _by_name: dict[str, LabelDef] = field(init=False, repr=False, compare=False)
    # Look-ups an import makes per span, as dicts (built once; the tuples stay the data).
    _attr_by_key: dict[tuple[str, str], AttributeDef] = field(init=False, repr=False, compare=False)
    _link_by_name: dict[str, LinkTypeDef] = field(init=False, repr=False, compare=False)
    _labels_by_kind: dict[str, list[LabelDef]] = field(init=False, repr=False, compare=False)
    # label name -> its kind (do not modify)
    label_kinds: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        kind_names = [k.name for k in self.kinds]
        if len(set(kind_names)) != len(kind_names):
            raise SchemaError("duplicate kind names")
        by_name: dict[str, LabelDef] = {}
        keys: dict[str, str] = {}
        for label in self.labels:
            if label.name in by_name:
                raise SchemaError(f"duplicate label {label.name}")
            if label.kind not in kind_names:
                raise SchemaError(f"label {label.name}: unknown kind {label.kind!r}")
            if label.key is not None:
                other = keys.get(label.key.lower())
                if other is not None:
                    raise SchemaError(f"key {label.key} is bound to both {other} and {label.name}")
                keys[label.key.lower()] = label.name
            by_name[label.name] = label
        attr_by_key: dict[tuple[str, str], AttributeDef] = {}
        for attr in self.attributes:
            if attr.kind not in kind_names:
                raise SchemaError(f"attribute {attr.name}: unknown kind {attr.kind!r}")
            if (attr.kind, attr.name) in attr_by_key:
                raise SchemaError(f"duplicate attribute {attr.kind}.{attr.name}")
            attr_by_key[(attr.kind, attr.name)] = attr
        link_names = [lt.name for lt in self.link_types]
        if len(set(link_names)) != len(link_names):
            raise SchemaError("duplicate link type names")
        for lt in self.link_types:
            for k in (*lt.from_kinds, *lt.to_kinds):
                if k not in kind_names:
                    raise SchemaError(f"link type {lt.name}: unknown kind {k!r}")
        labels_by_kind: dict[str, list[LabelDef]] = {}
        for label in self.labels:
            labels_by_kind.setdefault(label.kind, []).append(label)
        object.__setattr__(self, "_by_name", by_name)
        object.__setattr__(self, "_attr_by_key", attr_by_key)
        object.__setattr__(self, "_link_by_name", {lt.name: lt for lt in self.link_types})
        object.__setattr__(self, "_labels_by_kind", labels_by_kind)
        object.__setattr__(self, "label_kinds", {lab.name: lab.kind for lab in self.labels})

    # --- look-ups -------------------------------------------------------------------------
    def label(self, name: str) -> LabelDef:
        try:
            return self._by_name[name]
        except KeyError:
            raise SchemaError(f"unknown label {name!r}") from None

    def has_label(self, name: str) -> bool:
        return name in self._by_name

    def labels_for(self, kind: str) -> list[LabelDef]:
        return list(self._labels_by_kind.get(kind, ()))

    def label_for_key(self, key: str) -> LabelDef | None:
        key = key.lower()
        for lab in self.labels:
            if lab.key is not None and lab.key.lower() == key:
                return lab
        return None

    def kind(self, name: str) -> KindDef:
        for k in self.kinds:
            if k.name == name:
                return k
        raise SchemaError(f"unknown kind {name!r}")

    def attributes_for(self, kind: str) -> list[AttributeDef]:
        return [a for a in self.attributes if a.kind == kind]

    def attribute(self, kind: str, name: str) -> AttributeDef:
        try:
            return self._attr_by_key[(kind, name)]
        except (KeyError, TypeError):  # TypeError: a name that is no string (bad input)
            raise SchemaError(f"kind {kind} has no attribute {name!r}") from None

    def default_attrs(self, kind: str) -> dict[str, str]:
        """What a new span of this kind stores; provenance is set only by who stores a suggestion."""
        return {
            a.name: a.default for a in self.attributes_for(kind) if a.name not in PROVENANCE_ATTRS
        }

    def link_type(self, name: str) -> LinkTypeDef:
        try:
            return self._link_by_name[name]
        except (KeyError, TypeError):
            raise SchemaError(f"unknown link type {name!r}") from None

    def check_link(self, type_name: str, source_kind: str, target_kind: str) -> None:
        lt = self.link_type(type_name)
        if source_kind not in lt.from_kinds or target_kind not in lt.to_kinds:
            raise SchemaError(f"a {type_name} link cannot join a {source_kind} to a {target_kind}")

    def check_attrs(self, kind: str, attrs: dict[str, Any]) -> None:
        for name, value in attrs.items():
            attr = self.attribute(kind, name)
            if not attr.accepts(value):
                allowed = ", ".join(attr.values or ())
                raise SchemaError(f"{kind}.{name} cannot be {value!r} (allowed: {allowed})")

    # --- edits (each returns a new schema; validation runs again) ------------------------
    def with_label(self, label: LabelDef) -> LabelSchema:
        if label.name in self._by_name:
            raise SchemaError(f"label {label.name} already exists")
        return replace(self, labels=(*self.labels, label))

    def with_label_changed(self, name: str, /, **changes: Any) -> LabelSchema:
        old = self.label(name)
        new = replace(old, **changes)
        if new.name != name and new.name in self._by_name:
            raise SchemaError(f"label {new.name} already exists")
        return replace(self, labels=tuple(new if lab.name == name else lab for lab in self.labels))

    def without_label(self, name: str) -> LabelSchema:
        self.label(name)
        return replace(self, labels=tuple(lab for lab in self.labels if lab.name != name))

    # --- (de)serialisation ----------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {
            "kinds": [{"name": k.name, "title": k.title} for k in self.kinds],
            "labels": [
                {
                    "name": lab.name,
                    "kind": lab.kind,
                    "color": lab.color,
                    "key": lab.key,
                    "title": lab.title,
                    **{
                        k: v
                        for k, v in (
                            ("title_ar", lab.title_ar),
                            ("definition", lab.definition),
                            ("definition_ar", lab.definition_ar),
                        )
                        if v
                    },
                }
                for lab in self.labels
            ],
            "attributes": [
                {
                    "kind": a.kind,
                    "name": a.name,
                    "values": list(a.values) if a.values is not None else None,
                    "default": a.default,
                    "title": a.title,
                }
                for a in self.attributes
            ],
            "link_types": [
                {
                    "name": lt.name,
                    "from": list(lt.from_kinds),
                    "to": list(lt.to_kinds),
                    "max_per_source": lt.max_per_source,
                    "title": lt.title,
                }
                for lt in self.link_types
            ],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LabelSchema:
        try:
            return cls(
                kinds=tuple(KindDef(k["name"], k.get("title", k["name"])) for k in data["kinds"]),
                labels=tuple(
                    LabelDef(
                        lab["name"],
                        lab["kind"],
                        lab["color"],
                        lab.get("key"),
                        lab.get("title", ""),
                        lab.get("title_ar", ""),
                        lab.get("definition", ""),
                        lab.get("definition_ar", ""),
                    )
                    for lab in data["labels"]
                ),
                attributes=tuple(
                    AttributeDef(
                        a["kind"],
                        a["name"],
                        tuple(a["values"]) if a.get("values") is not None else None,
                        a.get("default", ""),
                        a.get("title", ""),
                    )
                    for a in data.get("attributes", [])
                ),
                link_types=tuple(
                    LinkTypeDef(
                        lt["name"],
                        tuple(lt["from"]),
                        tuple(lt["to"]),
                        lt.get("max_per_source"),
                        lt.get("title", ""),
                    )
                    for lt in data.get("link_types", [])
                ),
            )
        except (KeyError, TypeError) as exc:
            raise SchemaError(f"schema is missing a field: {exc}") from None


def load_default_schema() -> LabelSchema:
    return LabelSchema.from_dict(json.loads(DEFAULT_SCHEMA_PATH.read_text(encoding="utf-8")))


def entity_label_names(schema: LabelSchema) -> Iterable[str]:
    return (lab.name for lab in schema.labels_for("entity"))
