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
