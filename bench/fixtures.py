"""Benchmark inputs: the reference text (or a generated stand-in), and isolated projects
holding it with entities pre-created on whole word tokens."""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from annotation.documents import Document
from annotation.spans import Span, new_id
from annotation.tokens import WORD, Token, tokenize
from storage.project import Project

REPO = Path(__file__).resolve().parents[1]
SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_bf43c1156c9930e4.txt"
SMALL_TEXT = "خبر قصير: التقى الوزير نظيره في العاصمة صباح الأحد.\nوقال إن المحادثات كانت مفيدة."

# Used only when the reference article is absent; our own words, not taken from ../shared.
_WORDS = (
    "قال",
    "الرئيس",
    "إن",
    "الحكومة",
    "ستعقد",
    "اجتماعا",
    "في",
    "العاصمة",
    "يوم",
    "الأحد",
    "لبحث",
    "الأوضاع",
    "الاقتصادية",
    "وأضاف",
    "المتحدث",
    "باسم",
    "الوزارة",
    "أن",
    "المحادثات",
    "مع",
    "الوفد",
    "الزائر",
    "كانت",
    "مثمرة",
    "وتناولت",
    "التعاون",
    "بين",
    "البلدين",
    "في",
    "مجالات",
    "الطاقة",
    "والتجارة",
    "والتعليم",
    "وذكرت",
    "وكالة",
    "الأنباء",
    "الرسمية",
    "القاهرة",
    "دمشق",
    "بيروت",
    "عمان",
    "الرياض",
    "تونس",
    "الجزائر",
    "بغداد",
)


@dataclass(frozen=True)
class Reference:
    text: str
    source: str  # what the text is, for the report
    is_seed: bool


def load_reference(path: Path = SEED) -> Reference:
    """The seed article, or (when ../shared is absent) a generated Arabic text of similar size."""
    if path.is_file():
        return Reference(path.read_text(encoding="utf-8"), str(path), True)
    rng = random.Random(1948)
    paragraphs = []
    size = 0
    while size < 26_000:
        sentences = []
        for _ in range(rng.randint(2, 5)):
            words = [rng.choice(_WORDS) for _ in range(rng.randint(8, 22))]
            sentences.append(" ".join(words) + rng.choice(("،", ".", ".", "؟")))
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph) + 1
    return Reference("\n".join(paragraphs), "generated Arabic text (seed absent)", False)


def repeat_text(text: str, times: int) -> str:
    return "\n".join([text] * times)


def word_tokens(text: str) -> list[Token]:
    return [t for t in tokenize(text) if t.type == WORD]


def spread(items: list, count: int) -> list:
    """count items taken at even intervals through the list (all of them if it is shorter)."""
    if count >= len(items):
        return list(items)
    step = len(items) / count
    return [items[int(i * step)] for i in range(count)]


@contextmanager
def isolated_settings(root: Path) -> Iterator[None]:
    """QSettings, HOME and the XDG folders inside root, like tests/gui_support.isolate."""
    from PySide6.QtCore import QSettings

    keys = ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME")
    saved = {k: os.environ.get(k) for k in keys}
    os.environ["HOME"] = str(root / "home")
    os.environ["XDG_CONFIG_HOME"] = str(root / "config")
    os.environ["XDG_DATA_HOME"] = str(root / "data")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(root / "config"))
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


@dataclass
class BenchProject:
    path: Path
    small_id: str
    target_id: str
    text: str
    entity_starts: set[int]  # starts of the pre-created entities (their words are tagged)
    words: list[Token]


def build_project(path: Path, text: str, entities: int, annotator: str = "bench") -> BenchProject:
    """A project with a small document (added first) and the target document holding
    `entities` entities on word tokens spread evenly through it, labels cycling through the
    schema's entity labels. Entities go straight in with Project.insert (one transaction)."""
    project = Project(path, annotator=annotator)
    try:
        small = Document.create(SMALL_TEXT, "small.txt")
        project.add_document(small)
        doc = Document.create(text, "target.txt")
        project.add_document(doc)
        labels = [lab.name for lab in project.schema().labels_for("entity")]
        words = word_tokens(text)
        chosen = spread(words, entities)
        spans = [
            Span(
                new_id(),
                doc.id,
                "entity",
                labels[i % len(labels)],
                t.start,
                t.end,
                {},
                "token",
                annotator,
            )
            for i, t in enumerate(chosen)
        ]
        project.insert(spans)
        project.set_setting("last_document", small.id)
    finally:
        project.close()
    return BenchProject(path, small.id, doc.id, text, {t.start for t in chosen}, words)
