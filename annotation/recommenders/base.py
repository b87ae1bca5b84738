"""What recommenders learn from and what they return."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from annotation.clitics import DEFAULT_EXCEPTIONS, split_proclitics
from annotation.suggestions import sentence_spans
from annotation.tokens import Token, iter_tokens

# Longest token run a sequence tagger sees at once: real news paragraphs can run to thousands
# of words without a full stop, and CRF cost is linear in length but memory is not free.
MAX_SEQUENCE = 120


@dataclass(frozen=True, slots=True)
class TrainingDocument:
    text: str
    entities: tuple[tuple[int, int, str], ...]  # (start, end, label), code points


@dataclass(frozen=True, slots=True)
class EntityGuess:
    start: int
    end: int
    label: str
    confidence: float
    source: str  # which recommender: "names" or "crf"
    reason: str = field(default="", compare=False)


def word_sequences(text: str) -> list[list[Token]]:
    """Word-like tokens grouped by sentence (and cut at MAX_SEQUENCE): the tagger's units."""
    out: list[list[Token]] = []
    for start, end in sentence_spans(text):
        seq: list[Token] = []
        for tok in iter_tokens(text, start, end):
            seq.append(tok)
            if len(seq) >= MAX_SEQUENCE:
                out.append(seq)
                seq = []
        if seq:
            out.append(seq)
    return out


def outermost(entities: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The entities not inside another one (the flat layer a sequence tagger can learn)."""
    ordered = sorted(entities, key=lambda e: (e[0], -e[1]))
    out: list[tuple[int, int, str]] = []
    reach = -1
    for start, end, label in ordered:
        if start >= reach:
            out.append((start, end, label))
            reach = end
    return out


def apply_boundary(
    text: str,
    start: int,
    end: int,
    boundary: str,
    exceptions: frozenset[str] = DEFAULT_EXCEPTIONS,
) -> int:
    """The start of a guess that covers whole tokens, under the project's boundary policy:
    "token" keeps proclitics (وبوتين), "strip_clitics" and "exact" leave them out (بوتين)."""
    if boundary == "token":
        return start
    first_end = start
    while first_end < end and not text[first_end].isspace():
        first_end += 1
    cut = split_proclitics(text[start:first_end], exceptions)
    return start + cut if start + cut < first_end else start


def merge_guesses(*groups: Sequence[EntityGuess]) -> list[EntityGuess]:
    """One guess per place: where guesses overlap, the most confident wins (on a tie, the
    longer one); the same span and label from two recommenders keeps the higher confidence and
    both reasons."""
    best: dict[tuple[int, int, str], EntityGuess] = {}
    for group in groups:
        for g in group:
            key = (g.start, g.end, g.label)
            old = best.get(key)
            if old is None:
                best[key] = g
            else:
                top, other = (g, old) if g.confidence > old.confidence else (old, g)
                reason = (
                    top.reason if other.reason in top.reason else f"{top.reason}; {other.reason}"
                )
                best[key] = EntityGuess(
                    top.start, top.end, top.label, top.confidence, top.source, reason
                )
    ranked = sorted(best.values(), key=lambda g: (-g.confidence, -(g.end - g.start), g.start))
    starts: list[int] = []  # chosen intervals, disjoint, sorted by start
    chosen: list[EntityGuess] = []
    for g in ranked:
        i = bisect_right(starts, g.start)
        if i > 0 and chosen[i - 1].end > g.start:
            continue
        if i < len(chosen) and chosen[i].start < g.end:
            continue
        starts.insert(i, g.start)
        chosen.insert(i, g)
    return chosen
