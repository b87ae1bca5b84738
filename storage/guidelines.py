"""Reading and replacing a project's guidelines (one Markdown text, table `guidelines`)."""

from __future__ import annotations

from typing import Any


def read_guidelines(project: Any) -> str:
    row = project.db.execute("SELECT text FROM guidelines WHERE id = 1").fetchone()
    return row[0] if row else ""


def write_guidelines(project: Any, text: str) -> bool:
    """Replace the guidelines (committed at once, logged); False when nothing changed."""
    if text == read_guidelines(project):
        return False
    with project.transaction():
        project.db.execute(
            "INSERT INTO guidelines(id, text) VALUES (1, ?) "
            "ON CONFLICT(id) DO UPDATE SET text = excluded.text",
            [text],
        )
        project.log("guidelines", None, {"chars": len(text)})
    return True
