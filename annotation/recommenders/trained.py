"""The project's recommenders, trained together, suggesting together."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from annotation.clitics import DEFAULT_EXCEPTIONS
from annotation.recommenders.base import EntityGuess, TrainingDocument, merge_guesses
from annotation.recommenders.crf import CrfRecommender
from annotation.recommenders.names import NameRecommender


@dataclass(frozen=True)
class EntityRecommenders:
    names: NameRecommender
    crf: CrfRecommender | None
    documents: int  # training documents seen

    @classmethod
    def train(
        cls,
        documents: Iterable[TrainingDocument],
        exceptions: frozenset[str] = DEFAULT_EXCEPTIONS,
        should_stop: Callable[[], bool] = lambda: False,
    ) -> EntityRecommenders:
        docs = list(documents)
        names = NameRecommender.train(docs, exceptions)
        crf = None if should_stop() else CrfRecommender.train(docs, exceptions, should_stop)
        return cls(names, crf, len(docs))

    @property
    def entities(self) -> int:
        return sum(sum(c.values()) for c in self.names.labels.values())

    def __str__(self) -> str:
        return self.describe()

    def describe(self) -> str:
        tagger = f"a tagger on {self.crf.trained_on} entities" if self.crf else "no tagger yet"
        return f"{len(self.names)} known names, {tagger}"

    def suggest(self, text: str, boundary: str = "token") -> list[EntityGuess]:
        by_crf = self.crf.suggest(text, boundary) if self.crf is not None else []
        return merge_guesses(self.names.suggest(text, boundary), by_crf)
