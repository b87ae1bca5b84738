"""Documents: immutable text plus identity (SHA-256) and workflow status."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

STATUSES = ("new", "in_progress", "done")
STATUS_TITLES = {"new": "new", "in_progress": "in progress", "done": "done"}


def sha256_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_id_for(sha256: str) -> str:
    """Stable across projects: the same text always gets the same id."""
    return "doc-" + sha256[:16]


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    text: str
    source: str
    sha256: str
    status: str = "new"

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"document {self.id}: unknown status {self.status!r}")
        if not self.text.strip():
            raise ValueError(f"document {self.id}: empty text")

    @classmethod
    def create(cls, text: str, source: str, status: str = "new") -> Document:
        digest = sha256_of(text)
        return cls(
            id=document_id_for(digest), text=text, source=source, sha256=digest, status=status
        )


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """A row of the document list: no text, just what the list shows."""

    id: str
    source: str
    status: str
    length: int
    entity_count: int
    position: int
    title: str = ""  # the first words of the text
    quote_count: int = 0
    claim_count: int = 0
