"""Names already tagged in the project, suggested wherever they occur again.

Each tagged entity's surface becomes a key: its words normalised (annotation.normalize), the
first word without its conjunction/preposition proclitics (the article stays, and ل + elided
article is read as the article: للأسد -> الاسد). Every run of words in a new text is keyed the
same way and looked up, longest first, so والأسد, للأسد, الأَسَد all find a tagged الأسد, and
the guess follows the project's boundary policy.

Confidence: the share of the key's tagged occurrences that carry the label, damped by how often
the key was seen at all (n / (n + 1)) and by occurrences of the same key left untagged in the
training documents (a word that is a name only sometimes is suggested with less confidence).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from annotation.clitics import ARTICLE, DEFAULT_EXCEPTIONS, PROCLITIC, segment
from annotation.normalize import normalize
from annotation.recommenders.base import (
    EntityGuess,
    TrainingDocument,
    apply_boundary,
    outermost,
    word_sequences,
)
from annotation.tokens import Token

MAX_WORDS = 6
MIN_KEY_LETTERS = 2
# A key left untagged three times out of four in the training documents is not suggested:
# على normalises like the name علي, and the project's annotators have already said no to it.
MIN_TAGGED_SHARE = 0.25


def word_key(word: str, first: bool, exceptions: frozenset[str] = DEFAULT_EXCEPTIONS) -> str:
    """The matching key of one word of a name; the first word loses its proclitics."""
    if not first:
        return normalize(word)
    pieces = segment(word, exceptions)
    start = 0
    article_elided = False
    prev = ""
    for s, e, role in pieces:
        if role == PROCLITIC:
            start = e
            prev = normalize(word[s:e])
        elif role == ARTICLE:
            article_elided = prev == "ل" and normalize(word[s:e]) == "ل"
            break
    key = normalize(word[start:])
    if article_elided:
        key = "ا" + key  # ل|ل|اسد: the second ل is the article's, its alef elided
    return key


def name_key(words: Iterable[str], exceptions: frozenset[str] = DEFAULT_EXCEPTIONS) -> str:
    return " ".join(word_key(w, i == 0, exceptions) for i, w in enumerate(words))


@dataclass
class NameRecommender:
    exceptions: frozenset[str] = DEFAULT_EXCEPTIONS
    labels: dict[str, Counter[str]] = field(default_factory=dict)  # key -> label counts
    untagged: Counter[str] = field(default_factory=Counter)
    max_words: int = 1

    @classmethod
    def train(
        cls, documents: Iterable[TrainingDocument], exceptions: frozenset[str] = DEFAULT_EXCEPTIONS
    ) -> NameRecommender:
        rec = cls(exceptions)
        labels: dict[str, Counter[str]] = defaultdict(Counter)
        docs = list(documents)
        for doc in docs:
            for start, end, label in doc.entities:
                words = doc.text[start:end].split()
                if not words or len(words) > MAX_WORDS:
                    continue
                key = name_key(words, exceptions)
                if sum(c.isalnum() for c in key) < MIN_KEY_LETTERS:
                    continue
                labels[key][label] += 1
                rec.max_words = max(rec.max_words, len(words))
        rec.labels = dict(labels)
        # Occurrences of known keys that the annotators left untagged.
        for doc in docs:
            tagged = outermost(doc.entities)  # disjoint, by start
            starts = [s for s, _, _ in tagged]
            for seq in word_sequences(doc.text):
                for start, end, key in rec._matches(seq):
                    i = bisect_right(starts, start) - 1
                    if i < 0 or tagged[i][1] < end:
                        rec.untagged[key] += 1
        return rec

    def __len__(self) -> int:
        return len(self.labels)

    def _matches(self, seq: list[Token]) -> Iterable[tuple[int, int, str]]:
        """(start, end, key) of the longest known name starting at each word, left to right."""
        i = 0
        n = len(seq)
        while i < n:
            found = None
            if seq[i].is_wordlike:
                for size in range(min(self.max_words, n - i), 0, -1):
                    run = seq[i : i + size]
                    if not all(t.is_wordlike for t in run):
                        continue
                    key = name_key([t.text for t in run], self.exceptions)
                    if key in self.labels:
                        found = (run[0].start, run[-1].end, key, size)
                        break
            if found is None:
                i += 1
                continue
            yield found[:3]
            i += found[3]

    def suggest(self, text: str, boundary: str = "token") -> list[EntityGuess]:
        out: list[EntityGuess] = []
        for seq in word_sequences(text):
            for start, end, key in self._matches(seq):
                counts = self.labels[key]
                label, hits = counts.most_common(1)[0]
                seen = sum(counts.values())
                if seen / (seen + self.untagged[key]) < MIN_TAGGED_SHARE:
                    continue
                confidence = hits / (seen + self.untagged[key]) * seen / (seen + 1)
                begin = apply_boundary(text, start, end, boundary, self.exceptions)
                reason = f"tagged {label} {hits}× elsewhere in the project"
                if self.untagged[key]:
                    reason += f", left untagged {self.untagged[key]}×"
                out.append(EntityGuess(begin, end, label, confidence, "names", reason))
        return out
