"""Annotators and layers: who made a span, link or status, and which layer an export reads.

Every span, link and per-annotator document status is stored with its annotator. An
annotator's *layer* is everything stored under their name; the **gold** layer is stored under
the reserved annotator name ``gold`` (docs/adr/0003-annotator-layers.md), which no person may
take.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from annotation.errors import HashiyaError

GOLD = "gold"


class LayerError(HashiyaError, ValueError):
    """A bad annotator name or layer choice; str() says why in one line."""


def check_annotator_name(name: str) -> str:
    """The name, when a person may annotate under it; else LayerError.

    Names travel in file names (assign writes NAME.hashiya), comma lists (--annotators a,b)
    and layer choices (annotator:NAME), so those separators and path characters are refused.
    """
    if not name or name != name.strip():
        raise LayerError(f"annotator name {name!r} is empty or has surrounding spaces")
    if name.casefold() == GOLD:
        raise LayerError(f"annotator name {name!r} is reserved for the gold layer")
    bad = [c for c in name if c in ",:/\\" or unicodedata.category(c)[0] == "C"]
    if bad:
        raise LayerError(f"annotator name {name!r} may not contain {bad[0]!r}")
    if name.startswith("."):
        raise LayerError(f"annotator name {name!r} may not start with a dot")
    if len(name) > 64:
        raise LayerError(f"annotator name {name[:20]!r}… is longer than 64 characters")
    return name


def parse_annotator_list(value: str) -> list[str]:
    """'amal,bilal' -> ['amal', 'bilal'] (checked, no repeats)."""
    names = [v.strip() for v in value.split(",") if v.strip()]
    if not names:
        raise LayerError("no annotator names given")
    for name in names:
        check_annotator_name(name)
    if len(set(names)) != len(names):
        raise LayerError(f"an annotator is named twice in {value!r}")
    return names


@dataclass(frozen=True, slots=True)
class Layer:
    """Which spans an export or a view reads.

    mode "default": gold where the document has been curated, else its single annotator's
    layer; "gold"; "annotator" (with name); "all": every layer, each span with its annotator.
    """

    mode: str
    name: str = ""

    @property
    def annotator(self) -> str | None:
        """The one annotator name this layer reads, or None for default/all."""
        if self.mode == "gold":
            return GOLD
        if self.mode == "annotator":
            return self.name
        return None

    def __str__(self) -> str:
        return f"annotator:{self.name}" if self.mode == "annotator" else self.mode


DEFAULT_LAYER = Layer("default")
ALL_LAYERS = Layer("all")
GOLD_LAYER = Layer("gold")


def parse_layer(value: str) -> Layer:
    """'gold' | 'annotator:NAME' | 'all' | 'default'."""
    value = value.strip()
    if value in ("gold", "all", "default"):
        return Layer(value)
    if value.startswith("annotator:"):
        return Layer("annotator", check_annotator_name(value[len("annotator:") :]))
    raise LayerError(f"unknown layer {value!r} (choose gold, annotator:NAME or all)")


def choose_default_layer(curated: bool, annotators: set[str]) -> str | None:
    """The layer the default export reads for one document: gold when curated, else its only
    annotator; None when several annotators worked on it and nobody has curated it (the
    export leaves it out and says so rather than mix layers)."""
    if curated:
        return GOLD
    people = annotators - {GOLD}
    if len(people) <= 1:
        return next(iter(people), "")
    return None
