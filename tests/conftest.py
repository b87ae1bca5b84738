from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_bf43c1156c9930e4.txt"
WOJOOD = SHARED / "data" / "wojood-sample" / "test.txt"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    from hypothesis import is_hypothesis_test

    for item in items:  # `make test-properties` runs these with their full example counts
        test = getattr(item, "obj", None)
        if test is not None and is_hypothesis_test(test):
            item.add_marker(pytest.mark.property)
    # Files that drive the window first: with a file per worker (make test), the slow files
    # then start early instead of being the last ones left running on one core.
    windowed = {item.path for item in items if "qtbot" in getattr(item, "fixturenames", ())}
    items.sort(key=lambda item: item.path not in windowed)
    if SEED.exists() and WOJOOD.exists():
        return
    skip = pytest.mark.skip(reason=f"reference data not found at {SHARED} (clone beside ../shared)")
    for item in items:
        if "shared" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path):
    from storage.project import Project

    p = Project(tmp_path / "project.hashiya", annotator="tester")
    yield p
    p.close()
