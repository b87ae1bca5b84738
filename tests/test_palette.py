"""The default palette: the first nine labels clearly apart, black text readable on all."""

from __future__ import annotations

import itertools
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from annotation.palette import (
    DISTINCT_DELTA_E,
    MIN_CONTRAST,
    closest,
    contrast_with_black,
    delta_e,
    lab,
)
from annotation.schema import load_default_schema
from storage.migrations import migrate
from storage.project import Project


def test_lab_and_distances_match_known_values() -> None:
    assert lab("#ffffff") == pytest.approx((100.0, 0.0, 0.0), abs=0.05)
    assert lab("#ff0000") == pytest.approx((53.24, 80.09, 67.20), abs=0.1)
    assert abs(delta_e("#000000", "#ffffff") - 100.0) < 0.01
    assert abs(contrast_with_black("#ffffff") - 21.0) < 0.01
    assert closest("#ff0000", {"a": "#00ff00", "b": "#ee1111"})[0] == "b"


def test_first_nine_labels_are_distinct_and_readable() -> None:
    schema = load_default_schema()
    entities = [lab for lab in schema.labels if lab.kind == "entity"]
    keyed = [lab for lab in entities if lab.key and lab.key.isdigit()]
    assert [lab.key for lab in keyed] == [str(i) for i in range(1, 10)]
    for a, b in itertools.combinations(keyed, 2):
        assert delta_e(a.color, b.color) >= DISTINCT_DELTA_E, (a.name, b.name)
    for lab_def in entities:
        assert contrast_with_black(lab_def.color) >= MIN_CONTRAST, lab_def.name
    # the pairs the issue names: DATE/TIME and the three greens
    names = {lab.name: lab.color for lab in entities}
    assert delta_e(names["DATE"], names["TIME"]) >= DISTINCT_DELTA_E
    for a, b in itertools.combinations(("GPE", "LANGUAGE", "MONEY"), 2):
        assert delta_e(names[a], names[b]) >= DISTINCT_DELTA_E


def test_labels_have_display_names_and_definitions_in_both_languages() -> None:
    schema = load_default_schema()
    for lab_def in schema.labels:
        assert lab_def.title and lab_def.title_ar and lab_def.definition and lab_def.definition_ar
    gpe = schema.label("GPE")
    assert gpe.display_name("ar") == "كيان جيوسياسي" and gpe.display_name("en") == gpe.title
    assert gpe.matches("كيان") and gpe.matches("geo") and gpe.matches("gpe")
    assert not gpe.matches("شخص")
    assert schema.label("PERS").matches("شخص")


def test_old_projects_get_names_and_the_new_palette_but_keep_their_own_colours(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.hashiya"
    db = sqlite_utils.Database(sqlite3.connect(path, isolation_level=None))
    migrate(db, target=6)
    db.execute("UPDATE labels SET color = '#f4a3a3' WHERE name = 'PERS'")  # the old default
    db.execute("UPDATE labels SET color = '#123456' WHERE name = 'ORG'")  # the project's own
    db.conn.close()
    with Project(path, annotator="t") as project:
        schema = project.schema()
        default = load_default_schema()
        assert schema.label("PERS").color == default.label("PERS").color
        assert schema.label("ORG").color == "#123456"
        assert schema.label("GPE").title_ar == "كيان جيوسياسي"
