"""The core (annotation/) and storage/ never import Qt, directly or through a dependency."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QT_MODULES = ("PySide6", "PyQt5", "PyQt6", "PySide2", "qtpy", "qtawesome", "shiboken6")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_core_sources_do_not_import_qt() -> None:
    offenders = []
    for package in ("annotation", "storage"):
        for path in sorted((ROOT / package).rglob("*.py")):
            bad = _imports(path) & set(QT_MODULES)
            if bad:
                offenders.append(f"{path.relative_to(ROOT)} imports {', '.join(sorted(bad))}")
    assert offenders == []


def test_importing_every_core_module_loads_no_qt() -> None:
    modules = [
        ".".join(p.relative_to(ROOT).with_suffix("").parts)
        for package in ("annotation", "storage")
        for p in (ROOT / package).rglob("*.py")
    ]
    code = (
        "import sys\n"
        f"for m in {modules!r}: __import__(m)\n"
        f"bad = [m for m in sys.modules if m.split('.')[0] in {QT_MODULES!r}]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == ""


def test_the_rule_is_checked(tmp_path: Path) -> None:
    """The checker itself must notice a Qt import (guards against a test that cannot fail)."""
    sample = tmp_path / "x.py"
    sample.write_text(
        "from PySide6.QtCore import QObject\nimport qtawesome as qta\n", encoding="utf-8"
    )
    assert _imports(sample) & set(QT_MODULES) == {"PySide6", "qtawesome"}
