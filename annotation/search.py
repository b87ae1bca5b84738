"""Finding every spelling variant of a word or name in a text.

Matching runs on the normalised key of the text (annotation.normalize) and results are mapped
back to code points of the original text, so الاسد finds الأسد, الأَسَد and الأســد.

"Optional proclitics" (proclitics=True) means: directly before the query's first word there may
be, attached, [و|ف]? followed by one of: ب ال, ك ال, ال, لل (ل + article with elided alef),
ب, ك, ل — the same clitics annotation.clitics strips (س, a verb prefix, is not searched).
When the query itself starts with the article, its article may also appear elided after ل:
الاسد finds الأسد, والأسد, بالأسد, كالأسد, للأسد, وللأسد. A query without the article finds
the word with or without it: اسد finds أسد, الأسد, للأسد, وأسد. A word in the clitic exceptions
lexicon is never read as clitic + query (بنان does not find لبنان).

whole_word=True: a match neither starts nor ends inside a word (the proclitics are part of the
word). The returned span follows a boundary policy, the same as snapping:
- "token": the whole word, proclitics included (وبالأسد);
- "strip_clitics": conjunctions and prepositions left out, the article kept when written in
  full (والأسد -> الأسد, وبالأسد -> الأسد), both lams left out for ل + elided article
  (للأسد -> أسد), as annotation.clitics.split_proclitics;
- "exact": only the characters that correspond to the query (اسد in الأسد -> أسد).
Spans include the diacritics of their letters and never end in a bidi control.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from annotation.arabic import INVISIBLE
from annotation.clitics import DEFAULT_EXCEPTIONS
from annotation.normalize import IndexMap, KeyMap, normalize, original_range, search_key

# The optional proclitics before the query's first word, as the regular expressions below and
# `index_terms` both spell them: a conjunction, then a preposition with or without the article,
# the article, or ل + article with elided alef (لل). Before a query that has the article only
# ب or ك may stand (ل + article is the elided form).
_CONJ = "\u0648\u0641"  # و ف
_PREP = "\u0628\u0643\u0644"  # ب ك ل
_ARTICLE_PREP = "\u0628\u0643"  # ب ك
ARTICLE = "\u0627\u0644"  # ال
_LAM = "\u0644"
_PRE = f"[{_CONJ}]?(?:[{_ARTICLE_PREP}]?{ARTICLE}|{_LAM}{_LAM}|[{_PREP}])?"
_PRE_BEFORE_ARTICLE = f"[{_CONJ}]?[{_ARTICLE_PREP}]?"
_PRE_ELIDED = f"[{_CONJ}]?{_LAM}"
_CONJ_FORMS = ("", *_CONJ)
_ATTACHED_FORMS = ("", *(p + ARTICLE for p in ("", *_ARTICLE_PREP)), _LAM + _LAM, *_PREP)
# A run of word characters, as (?<!\w) and (?!\w) in the patterns see words.
WORD_RUN = re.compile(r"\w+")


def _has_article(first: str) -> bool:
    return first.startswith(ARTICLE) and len(first) > len(ARTICLE)


# The longest proclitic run before the query (وبال) or before its article (وب, ول + ل).
_MAX_PRE = max(len(c + p) for c in _CONJ_FORMS for p in _ATTACHED_FORMS)


def _anchor(qkey: str, proclitics: bool) -> tuple[str, int]:
    """A literal every match of the patterns holds, and how far after the match's start it may
    begin: the first word (the article left out when it may be elided after ل)."""
    first = qkey.split()[0]
    if not proclitics:
        return first, 0
    if _has_article(first):
        return first[len(ARTICLE) :], len(ARTICLE) + 2
    return first, _MAX_PRE


def index_terms(query: str, proclitics: bool = True) -> list[list[str]] | None:
    """What a text must contain to hold a whole-word match of query, for an index of its
    WORD_RUN runs (of the normalised key): for each group, at least one of its runs.

    The first run of the query's first word may carry proclitics (every form the patterns
    accept is listed); every other run is bounded on both sides in any match, so it must
    appear as it is. None when the query has no word character to look up.
    """
    words = normalize(query).split()
    groups: list[list[str]] = []
    for wi, word in enumerate(words):
        for m in WORD_RUN.finditer(word):
            run = m.group()
            if wi > 0 or m.start() > 0 or not proclitics:
                groups.append([run])
            elif _has_article(words[0]):
                forms = [c + p + run for c in _CONJ_FORMS for p in ("", *_ARTICLE_PREP)]
                forms += [c + _LAM + run[1:] for c in _CONJ_FORMS]  # ل + (ا)ل elided
                groups.append(forms)
            else:
                groups.append([c + p + run for c in _CONJ_FORMS for p in _ATTACHED_FORMS])
    return groups or None


@lru_cache(maxsize=4096)
def _query_key(query: str) -> str:
    return normalize(query).strip()


# A cache of its own: a project-wide pass (storage.label_variants) runs thousands of queries on
# each text in turn, far more than re's own cache of 512 patterns holds.
@lru_cache(maxsize=4096)
def _pattern(query_key: str, proclitics: bool, whole_word: bool) -> re.Pattern[str]:
    words = query_key.split()
    body = r"\s+".join(re.escape(w) for w in words)
    lb, la = (r"(?<!\w)", r"(?!\w)") if whole_word else ("", "")
    if not proclitics:
        return re.compile(f"{lb}(?P<pre>)(?P<body>{body}){la}")
    first = words[0]
    if _has_article(first):
        rest = r"\s+".join(re.escape(w) for w in [first[2:], *words[1:]])
        return re.compile(
            f"{lb}(?:(?P<pre>{_PRE_BEFORE_ARTICLE})(?P<body>{body})"
            f"|(?P<pre2>{_PRE_ELIDED})(?P<body2>{_LAM}{rest})){la}"
        )
    return re.compile(f"{lb}(?P<pre>{_PRE})(?P<body>{body}){la}")


class SearchIndex:
    """The normalised key of one text, reusable across queries."""

    def __init__(self, text: str, compact: tuple[str, list[int]] | None = None) -> None:
        """compact: the text's (key, removed offsets) of annotation.normalize.compact_key when
        already known (stored by the project's search index), to skip normalising."""
        self.text = text
        self.index_map: IndexMap
        if compact is None:
            self.key, self.index_map = search_key(text)
        else:
            self.key = compact[0]
            self.index_map = KeyMap(compact[1], len(compact[0]), len(text))

    def find(
        self,
        query: str,
        *,
        proclitics: bool = True,
        whole_word: bool = True,
        boundary: str = "token",
        exceptions: frozenset[str] = DEFAULT_EXCEPTIONS,
    ) -> list[tuple[int, int]]:
        """(start, end) code-point spans of the original text, in order, not overlapping."""
        if boundary not in ("token", "strip_clitics", "exact"):
            raise ValueError(f"unknown boundary policy {boundary!r}")
        qkey = _query_key(query)
        if not qkey:
            return []
        pattern = _pattern(qkey, proclitics, whole_word)
        out: list[tuple[int, int]] = []
        for m in self._matches(pattern, *_anchor(qkey, proclitics)):
            elided = m.groupdict().get("body2") is not None
            pre_name, body_name = ("pre2", "body2") if elided else ("pre", "body")
            pre_s, pre_e = m.span(pre_name)
            body_s, body_e = m.span(body_name)
            pre = self.key[pre_s:pre_e]
            if pre and self.key[pre_s:body_e].split()[0] in exceptions:
                continue  # a listed word, not clitic + query (لبنان is not ل + بنان)
            if boundary == "token":
                ks = pre_s
            elif boundary == "exact":
                ks = body_s
            elif elided:
                ks = body_s + 1  # both lams of ل + (ا)ل go
            elif pre.endswith("لل"):
                ks = body_s
            elif pre.endswith("ال"):
                ks = pre_e - 2  # the article stays
            else:
                ks = body_s
            out.append(self._original(ks, body_e))
        return out

    def _matches(self, pattern: re.Pattern[str], anchor: str, back: int) -> Iterator[re.Match[str]]:
        """pattern.finditer(self.key), trying the pattern only where it can start: at most
        `back` characters before an occurrence of anchor, which every match holds there."""
        key = self.key
        starts: set[int] = set()
        p = key.find(anchor)
        while p >= 0:
            starts.update(range(max(0, p - back), p + 1))
            p = key.find(anchor, p + 1)
        resume = 0
        for start in sorted(starts):
            if start < resume:
                continue
            m = pattern.match(key, start)  # lookbehind still sees the text before start
            if m is not None:
                yield m
                resume = max(m.end(), start + 1)

    def _original(self, ks: int, ke: int) -> tuple[int, int]:
        s, e = original_range(self.index_map, ks, ke)
        while e > s and self.text[e - 1] in INVISIBLE:
            e -= 1
        return s, e


def find_variants(
    text: str,
    query: str,
    *,
    proclitics: bool = True,
    whole_word: bool = True,
    boundary: str = "token",
    exceptions: frozenset[str] = DEFAULT_EXCEPTIONS,
) -> list[tuple[int, int]]:
    """One-off search; build a SearchIndex to run several queries over the same text."""
    return SearchIndex(text).find(
        query,
        proclitics=proclitics,
        whole_word=whole_word,
        boundary=boundary,
        exceptions=exceptions,
    )
