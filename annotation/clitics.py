"""Arabic proclitics: which leading letters of a word are و ف (conjunctions), ب ل ك
(prepositions), س (future) and the definite article ال.

Policy for entity boundaries (`split_proclitics`, used by snapping's "strip_clitics"):
- conjunctions, prepositions and س are stripped: وبوتين -> بوتين, لروسيا -> روسيا;
- the article stays with the stem when it is written in full: والأسد -> الأسد, بالأسد -> الأسد;
- ل + article with the alef elided (للأسد = ل + (ا)لأسد) strips both lams: the span is أسد.
  "لأسد" is not a word, and keeping "للأسد" would keep the preposition.

The segmenter is a small grammar, [و|ف]? [ب|ك|ل|س]? (ال)? stem, with guards against the many
words that merely begin with these letters:
- a word in the exceptions lexicon is never split (لبنان, بريطانيا, وزير);
- a remainder in the lexicon is accepted as a stem even when short (لمصر, للبنان = ل + لبنان);
- otherwise the stem must have >= 3 letters after و, >= 2 after the article, and >= 5 after a
  lone ب ك ل ف (بوتين is not ب + وتين; لروسيا is ل + روسيا), and ب ك never before ي (بيسكوف);
  س only before ي ت ن ا with a stem of >= 4 letters and never with a preposition or article.
Letters are counted on the normalised key (see annotation.normalize): diacritics and tatweel do
not count, and a diacritic or tatweel on a clitic letter stays with the clitic.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache, partial
from pathlib import Path

from annotation.arabic import ARABIC_LETTERS
from annotation.normalize import normalize, normalize_for_search

PROCLITIC, ARTICLE, STEM = "proclitic", "article", "stem"
SETTING_KEY = "clitic_exceptions"
LEXICON_PATH = Path(__file__).resolve().parent.parent / "resources" / "clitic_exceptions.txt"

CONJUNCTIONS = "وف"
PREPOSITIONS = "بكل"
FUTURE = "س"

MIN_STEM_AFTER_CONJ = 3  # و + stem
MIN_STEM_AFTER_ARTICLE = 2  # ال + stem
MIN_STEM_AFTER_LONE_LETTER = 5  # ب/ك/ل/ف + stem with nothing else to confirm the split
MIN_STEM_AFTER_FUTURE = 4


def _normalised_words(lines: Iterable[str]) -> frozenset[str]:
    words = set()
    for line in lines:
        line = line.strip()
        if line and not line.startswith("#"):
            words.add(normalize(line))
    return frozenset(words)


def load_lexicon(path: Path = LEXICON_PATH) -> frozenset[str]:
    return _normalised_words(path.read_text(encoding="utf-8").splitlines())


DEFAULT_EXCEPTIONS: frozenset[str] = load_lexicon()


def exceptions_for(project_setting_text: str | None) -> frozenset[str]:
    """The default lexicon plus a project's words (setting "clitic_exceptions", one per line).

    Call as `exceptions_for(project.setting("clitic_exceptions", ""))`.
    """
    if not project_setting_text:
        return DEFAULT_EXCEPTIONS
    return DEFAULT_EXCEPTIONS | _normalised_words(project_setting_text.splitlines())


def _valid(key: str, pieces: list[tuple[int, str]], exceptions: frozenset[str]) -> bool:
    """pieces: (key length, role) of the proclitics and article, in order."""
    stem_start = sum(n for n, _ in pieces)
    stem = key[stem_start:]
    # A listed word is never split further (ولبنان: لبنان stays whole).
    p = 0
    for n, _ in pieces:
        if key[p:] in exceptions:
            return False
        p += n
    if stem in exceptions:
        return True
    roles = [r for _, r in pieces]
    letters = "".join(
        key[sum(n for n, _ in pieces[:i]) : sum(n for n, _ in pieces[: i + 1])]
        for i in range(len(pieces))
    )
    if ARTICLE in roles:
        return len(stem) >= MIN_STEM_AFTER_ARTICLE
    if letters.endswith(FUTURE):
        return len(stem) >= MIN_STEM_AFTER_FUTURE and stem[0] in "يتنا"
    if letters == "و":
        return len(stem) >= MIN_STEM_AFTER_CONJ
    # A lone ب ك ل ف, or و/ف + ب ك ل: the last letter is a lone proclitic before a bare stem.
    if letters[-1] in "بك" and stem.startswith("ي"):
        return False  # بيسكوف, بيروت, بيان: ب/ك do not go before a verb, so بي- is one word
    return len(stem) >= MIN_STEM_AFTER_LONE_LETTER


def _analyses(key: str) -> Iterable[list[tuple[int, str]]]:
    """Every grammatical prefix analysis of key, longest first."""
    out: list[list[tuple[int, str]]] = []
    for conj in ("", *CONJUNCTIONS):
        if conj and not key.startswith(conj):
            continue
        p1 = len(conj)
        for prep in ("", *PREPOSITIONS, FUTURE):
            if prep and key[p1 : p1 + 1] != prep:
                continue
            p2 = p1 + len(prep)
            arts = [""] if prep == FUTURE else ["", "ل" if prep == "ل" else "ال"]
            for art in arts:
                if art and not key.startswith(art, p2):
                    continue
                pieces = [(1, PROCLITIC)] * len(conj) + [(1, PROCLITIC)] * len(prep)
                if art:
                    pieces.append((len(art), ARTICLE))
                out.append(pieces)
    out.sort(key=lambda ps: -sum(n for n, _ in ps))
    return out


@lru_cache(maxsize=65536)
def _segment_key(key: str, exceptions: frozenset[str]) -> tuple[tuple[int, str], ...]:
    if not key or key in exceptions or not all(c in ARABIC_LETTERS for c in key):
        return ()
    for pieces in _analyses(key):
        if pieces and _valid(key, pieces, exceptions):
            return tuple(pieces)
    return ()


def segment(
    word: str, exceptions: frozenset[str] = DEFAULT_EXCEPTIONS
) -> list[tuple[int, int, str]]:
    """(start, end, role) pieces of word in code points: proclitics, article, stem.

    Roles are "proclitic" (one per letter: و ب), "article" (ال, or the elided ل of لل) and
    "stem". Marks and tatweel after a clitic letter belong to the clitic.
    """
    if not word:
        return []
    key, index_map = normalize_for_search(word)
    pieces = _segment_key(key, exceptions)
    out: list[tuple[int, int, str]] = []
    kpos, start = 0, 0
    for n, role in pieces:
        kpos += n
        end = index_map[kpos]
        out.append((start, end, role))
        start = end
    out.append((start, len(word), STEM))
    return out


def split_proclitics(word: str, exceptions: frozenset[str] = DEFAULT_EXCEPTIONS) -> int:
    """How many leading characters of word to leave out of an entity span (see module doc)."""
    pieces = segment(word, exceptions)
    cut = 0
    prev_letter = ""
    for start, end, role in pieces:
        if role == PROCLITIC:
            cut = end
            prev_letter = normalize(word[start:end])
        elif role == ARTICLE:
            if prev_letter == "ل" and normalize(word[start:end]) == "ل":
                cut = end  # ل + elided article: both lams go
            break
    return cut


def splitter(exceptions: frozenset[str] = DEFAULT_EXCEPTIONS) -> Callable[[str], int]:
    """A one-argument splitter for annotation.snapping.snap(..., split_proclitics=...)."""
    return partial(split_proclitics, exceptions=exceptions)
