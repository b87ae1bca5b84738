"""Token features for the sequence tagger: Arabic-aware and cheap.

Per word: the normalised form, the stem after the proclitics (annotation.clitics, the same
segmenter as the boundary policy), which proclitics and article it carries, prefixes and
suffixes of the stem, its shape (Arabic, Latin, capitalised Latin, digits, punctuation), and the
same for its neighbours. Features of one word are cached: news repeats its words.
"""

from __future__ import annotations

from functools import lru_cache

from annotation.clitics import ARTICLE, DEFAULT_EXCEPTIONS, PROCLITIC, segment
from annotation.normalize import normalize
from annotation.tokens import Token


def _shape(word: str) -> str:
    if any("\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f" for c in word):
        return "ar"
    if word.isdigit() or all(c.isdigit() or c in ".,٫٬" for c in word):
        return "num"
    if word[:1].isupper():
        return "Lat" if not word.isupper() else "LAT"
    if any(c.isalpha() for c in word):
        return "lat"
    return "punct"


@lru_cache(maxsize=200_000)
def word_features(word: str) -> tuple[tuple[str, str], ...]:
    key = normalize(word)
    pieces = segment(word, DEFAULT_EXCEPTIONS)
    clitics = "".join(normalize(word[s:e]) for s, e, role in pieces if role in (PROCLITIC, ARTICLE))
    stem_start = next((s for s, _, role in pieces if role not in (PROCLITIC, ARTICLE)), 0)
    stem = normalize(word[stem_start:]) or key
    return (
        ("w", key),
        ("stem", stem),
        ("cl", clitics or "-"),
        ("p2", stem[:2]),
        ("p3", stem[:3]),
        ("s2", stem[-2:]),
        ("s3", stem[-3:]),
        ("shape", _shape(word)),
        ("len", str(min(len(stem), 8))),
    )


_NEIGHBOUR_KEYS = ("w", "stem", "cl", "shape")


def sequence_features(seq: list[Token]) -> list[dict[str, float]]:
    base = [dict(word_features(t.text)) for t in seq]
    out: list[dict[str, float]] = []
    n = len(seq)
    for i in range(n):
        f: dict[str, float] = {"bias": 1.0}
        for name, value in base[i].items():
            f[f"{name}={value}"] = 1.0
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                for name in _NEIGHBOUR_KEYS if abs(off) == 1 else ("w",):
                    f[f"{off}:{name}={base[j][name]}"] = 1.0
            else:
                f[f"{off}:edge"] = 1.0
        if 0 < i:
            f[f"-1|0:stem={base[i - 1]['stem']}|{base[i]['stem']}"] = 1.0
        out.append(f)
    return out
