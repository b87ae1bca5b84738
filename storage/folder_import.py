"""What importing a folder leaves out, and why: the files under it that the importer does not
take (storage.importer.expand_paths decides which it takes; this only names the others, so
that the window's summary accounts for every file)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from storage.importer import display_path

HIDDEN = "hidden"
UNSUPPORTED = "unsupported"


def left_out(folder: str | os.PathLike[str], taken: Iterable[Path]) -> list[tuple[Path, str]]:
    """(file, HIDDEN or UNSUPPORTED) for every file under folder, recursively, that is not in
    taken (the importer's list for that folder), sorted by path."""
    root = Path(os.fsdecode(folder))
    chosen = set(taken)
    out: list[tuple[Path, str]] = []
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            path = Path(dirpath) / name
            if path in chosen:
                continue
            hidden = any(part.startswith(".") for part in path.relative_to(root).parts)
            out.append((path, HIDDEN if hidden else UNSUPPORTED))
    out.sort(key=lambda item: item[0])
    return out


def describe(path: Path, folder: str | os.PathLike[str]) -> str:
    """path shown relative to the imported folder (bad bytes of a name escaped)."""
    try:
        return display_path(path.relative_to(Path(os.fsdecode(folder))))
    except ValueError:
        return display_path(path)


__all__ = ["HIDDEN", "UNSUPPORTED", "describe", "left_out"]
