"""Where Hashiya keeps the user's default project (shared by the command line and the window)."""

from __future__ import annotations

import os
from pathlib import Path

APP_DIR_NAME = "hashiya"
DEFAULT_PROJECT_NAME = "default.hashiya"


def data_dir() -> Path:
    """$XDG_DATA_HOME/hashiya, or ~/.local/share/hashiya when it is unset or not absolute
    (the XDG spec says relative values are invalid and must be ignored)."""
    xdg = os.environ.get("XDG_DATA_HOME", "")
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".local" / "share"
    return base / APP_DIR_NAME


def default_db_path() -> Path:
    """The project opened when no --db is given; the folder is created by Project on open."""
    return data_dir() / DEFAULT_PROJECT_NAME
