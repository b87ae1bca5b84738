"""A CRF sequence tagger (python-crfsuite) trained on the project's entities.

Units are the tokenizer's words, grouped by sentence; each word is tagged B-/I-LABEL or O after
the outermost entity that covers it (nested entities stay the annotators' work: a linear-chain
tagger sees one layer). An entity that starts after a proclitic (strip_clitics) tags its whole
first word; the guess gets the project's boundary policy back (annotation.recommenders.base).
Confidence of a guess: the mean marginal probability of its tags.

The model lives in memory (bytes), so a trained tagger can be handed from the training thread
to the GUI thread; each thread opens its own pycrfsuite.Tagger on it.
"""

from __future__ import annotations

import os
import tempfile
import threading
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from annotation.clitics import DEFAULT_EXCEPTIONS
from annotation.errors import HashiyaError
from annotation.recommenders.base import (
    EntityGuess,
    TrainingDocument,
    apply_boundary,
    outermost,
    word_sequences,
)
from annotation.recommenders.features import sequence_features
from annotation.tokens import Token

try:  # an optional speed-up of the project, installed with requirements.txt
    import pycrfsuite
except ImportError:  # pragma: no cover - exercised only where the wheel is missing
    pycrfsuite = None

MIN_ENTITIES = 20  # below this a CRF learns nothing useful; the names recommender still runs
# The tagger learns from the first documents given (the newest) until this many entities: its
# training grows faster than its data (news articles, ~40 entities each, on the project's
# 2-core machine: 4,712 entities 20 s and 280 MB; 33,607 entities 155 s and 765 MB, with the
# thread that trains holding the GIL for up to 3.7 s). Twenty times the largest point of the
# learning curve measured (README: 526 entities); the names recommender learns from them all.
MAX_TRAINING_ENTITIES = 10_000
TRAINING_PARAMS = {
    "c1": 0.05,
    "c2": 0.01,
    "max_iterations": 80,
    "feature.possible_transitions": True,
}


class RecommenderUnavailable(HashiyaError):
    """python-crfsuite is not installed."""


def token_tags(seq: list[Token], entities: list[tuple[int, int, str]]) -> list[str]:
    """BIO tags of the words of one sequence from the (outermost, disjoint, sorted) entities."""
    starts = [e[0] for e in entities]
    tags = []
    current: tuple[int, int, str] | None = None
    for tok in seq:
        i = bisect_left(starts, tok.end) - 1  # the last entity starting before the token's end
        ent = entities[i] if i >= 0 and entities[i][1] > tok.start else None
        if ent is None:
            tags.append("O")
        elif ent is current:
            tags.append(f"I-{ent[2]}")
        else:
            tags.append(f"B-{ent[2]}")
        current = ent
    return tags


@dataclass
class CrfRecommender:
    model: bytes
    labels: tuple[str, ...]
    trained_on: int  # entities seen in training
    exceptions: frozenset[str] = DEFAULT_EXCEPTIONS
    _local: threading.local = field(default_factory=threading.local, repr=False)

    @classmethod
    def train(
        cls,
        documents: Iterable[TrainingDocument],
        exceptions: frozenset[str] = DEFAULT_EXCEPTIONS,
        should_stop: Callable[[], bool] = lambda: False,
        max_entities: int = MAX_TRAINING_ENTITIES,
    ) -> CrfRecommender | None:
        """A trained tagger, or None with fewer than MIN_ENTITIES entities to learn from; it
        learns from the documents in the order given until max_entities entities (the
        document that reaches it is the last)."""
        if pycrfsuite is None:
            raise RecommenderUnavailable(
                "the statistical tagger needs python-crfsuite (pip install -r requirements.txt)"
            )
        trainer = pycrfsuite.Trainer(verbose=False)
        trainer.set_params(TRAINING_PARAMS)
        count = 0
        for doc in documents:
            if should_stop():
                return None
            if count >= max_entities:
                break
            entities = outermost(doc.entities)
            if not entities:
                continue  # a document nobody tagged teaches only "O"
            count += len(entities)
            for seq in word_sequences(doc.text):
                trainer.append(sequence_features(seq), token_tags(seq, entities))
        if count < MIN_ENTITIES:
            return None
        fd, path = tempfile.mkstemp(suffix=".crfsuite")
        os.close(fd)
        try:
            trainer.train(path)
            with open(path, "rb") as fh:
                model = fh.read()
        finally:
            os.unlink(path)
        rec = cls(model, (), count, exceptions)
        rec.labels = tuple(sorted({t[2:] for t in rec._tagger().labels() if t != "O"}))
        return rec

    def __reduce__(self) -> tuple[object, ...]:
        # Pickled without its per-thread taggers (a trained model comes back from the
        # training process: storage.recommender_training); each thread opens its own again.
        return (type(self), (self.model, self.labels, self.trained_on, self.exceptions))

    def _tagger(self):  # noqa: ANN202 - pycrfsuite.Tagger
        tagger = getattr(self._local, "tagger", None)
        if tagger is None:
            tagger = pycrfsuite.Tagger()
            tagger.open_inmemory(self.model)
            self._local.tagger = tagger
        return tagger

    def suggest(self, text: str, boundary: str = "token") -> list[EntityGuess]:
        tagger = self._tagger()
        out: list[EntityGuess] = []
        for seq in word_sequences(text):
            tagger.set(sequence_features(seq))
            tags = tagger.tag()
            i = 0
            while i < len(tags):
                if tags[i] == "O":
                    i += 1
                    continue
                label = tags[i][2:]
                j = i + 1
                while j < len(tags) and tags[j] == f"I-{label}":
                    j += 1
                marginals = [tagger.marginal(tags[k], k) for k in range(i, j)]
                confidence = sum(marginals) / len(marginals)
                start = apply_boundary(
                    text, seq[i].start, seq[j - 1].end, boundary, self.exceptions
                )
                out.append(
                    EntityGuess(
                        start,
                        seq[j - 1].end,
                        label,
                        confidence,
                        "crf",
                        f"statistical tagger trained on {self.trained_on} entities",
                    )
                )
                i = j
        return out
