"""Scoring guesses against gold entities: exact span-and-label precision, recall and F1."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Scores:
    gold: int
    guessed: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.guessed if self.guessed else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Scores) -> Scores:
        return Scores(
            self.gold + other.gold, self.guessed + other.guessed, self.correct + other.correct
        )


def score(gold: Iterable[tuple[int, int, str]], guessed: Iterable[tuple[int, int, str]]) -> Scores:
    g, s = set(gold), set(guessed)
    return Scores(len(g), len(s), len(g & s))
