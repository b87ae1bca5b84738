"""Inter-annotator agreement, as pure functions over annotators' spans (no database, no Qt).

Units and definitions (tests compare each figure with scikit-learn, krippendorff and
nervaluate on the same units):

- Span F1 between annotators a and b: 2·m / (|A| + |B|), m the matched spans. *Exact*: same
  start, end and label (multiset intersection). *Relaxed*: same label and overlapping, matched
  one to one — each span of b in reading order takes the unmatched overlapping span of a with
  the same label whose boundaries are closest (|Δstart| + |Δend|), as nervaluate's "ent_type"
  does label by label; b's spans go shortest first, so a nested span meets its partner before
  an outer one can take it. Overall relaxed matches are the sum of the per-label ones.
  (nervaluate's "strict" differs in one case: a prediction without an exact partner uses up
  an overlapping reference span as "incorrect", which an exact partner then misses; exact
  matches here are a multiset intersection, as seqeval counts them.)
- Cohen's κ over word tokens (annotation.tokens, words and numbers, not punctuation): each
  token's tag is the label of the outermost entity overlapping it (longest, then first), or
  "O". Fleiss' κ over the tokens of documents every annotator marked done; Krippendorff's α
  (nominal) over every token, missing where an annotator did not mark the document done.
- Quotes: content-span F1 as above (the label is the same for all quotes); on quotes matched
  relaxed, speaker agreement (both without a speaker, or speaker spans that overlap), cue
  agreement (likewise) and Cohen's κ of the quote type.
- Claims: span F1; on matched claims, claimant agreement (both the article, both none, or
  overlapping claimant spans) and Cohen's κ of check-worthiness and of claim type.

A figure with nothing to measure (no spans on either side, a κ whose expected agreement is 1)
is None (null in JSON).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from annotation.spans import Link, Span
from annotation.tokens import tokenize

OUTSIDE = "O"
KIND_OF = {"entities": "entity", "quotes": "quote", "claims": "claim"}


@dataclass(frozen=True)
class LayerData:
    """One annotator's annotations of one document."""

    spans: tuple[Span, ...]
    links: tuple[Link, ...] = ()

    def of_kind(self, kind: str) -> list[Span]:
        return [s for s in self.spans if s.kind == kind]

    def target(self, source: str, link_type: str) -> Span | None:
        by_id = {s.id: s for s in self.spans}
        for link in self.links:
            if link.source == source and link.type == link_type:
                return by_id.get(link.target)
        return None


@dataclass(frozen=True)
class DocumentData:
    doc_id: str
    source: str
    text: str
    layers: dict[str, LayerData]  # annotator -> their annotations (only those who marked done)


# --- basic measures ------------------------------------------------------------------------
def f1(matched: int, a: int, b: int) -> float | None:
    return None if a + b == 0 else 2 * matched / (a + b)


def exact_matches(a: Iterable[Span], b: Iterable[Span]) -> int:
    key = lambda s: (s.start, s.end, s.label)  # noqa: E731
    return sum((Counter(map(key, a)) & Counter(map(key, b))).values())


def relaxed_order(span: Span) -> tuple[int, int, int]:
    """Shortest first, so that a nested span finds its partner before an outer span that
    overlaps the same place can take it."""
    return (span.end - span.start, span.start, span.end)


def relaxed_pairs(a: Sequence[Span], b: Sequence[Span]) -> list[tuple[Span, Span]]:
    """One-to-one matches of same-label overlapping spans (see the module docstring)."""
    pairs: list[tuple[Span, Span]] = []
    taken: set[int] = set()
    for pred in sorted(b, key=relaxed_order):
        best: int | None = None
        best_distance = 0
        for i, true in enumerate(a):
            if i in taken or true.label != pred.label or not true.overlaps(pred.start, pred.end):
                continue
            distance = abs(pred.start - true.start) + abs(pred.end - true.end)
            if best is None or distance < best_distance:
                best, best_distance = i, distance
        if best is not None:
            taken.add(best)
            pairs.append((a[best], pred))
    return pairs


def cohen_kappa(x: Sequence[str], y: Sequence[str]) -> float | None:
    """Cohen's κ of two equally long tag sequences (scikit-learn's cohen_kappa_score)."""
    if len(x) != len(y):
        return None
    return _cohen_kappa(Counter(zip(x, y, strict=True)))


def _cohen_kappa(pairs: Counter[tuple[str, str]]) -> float | None:
    """cohen_kappa from how many times each (x, y) pair of tags occurs: the same figure (its
    sums are of integers), without a list of every token's tags per pair of annotators."""
    n = pairs.total()
    if n == 0:
        return None
    observed = sum(times for (a, b), times in pairs.items() if a == b) / n
    cx: Counter[str] = Counter()
    cy: Counter[str] = Counter()
    for (a, b), times in pairs.items():
        cx[a] += times
        cy[b] += times
    expected = sum(cx[t] * cy[t] for t in cx) / (n * n)
    if expected == 1:
        return None
    return (observed - expected) / (1 - expected)


def fleiss_kappa(units: Sequence[Sequence[str]]) -> float | None:
    """Fleiss' κ; every unit has the same number (≥ 2) of ratings."""
    return _fleiss_kappa(Counter(map(tuple, units)))


def _fleiss_kappa(units: Counter[tuple[str, ...]]) -> float | None:
    """fleiss_kappa over distinct units, each with how many times it occurs: a corpus's token
    units are mostly the same few (every rater's O), and a Counter per token was most of the
    time of an agreement report on 2,000 articles."""
    if not units:
        return None
    raters = len(next(iter(units)))
    if raters < 2 or any(len(u) != raters for u in units):
        return None
    totals: Counter[str] = Counter()
    p_units = 0.0
    for unit, times in units.items():
        counts = Counter(unit)
        for category, c in counts.items():
            totals[category] += c * times
        p_units += times * (sum(c * c for c in counts.values()) - raters) / (raters * (raters - 1))
    n_units = units.total()
    p_bar = p_units / n_units
    p_e = sum((c / (n_units * raters)) ** 2 for c in totals.values())
    if p_e == 1:
        return None
    return (p_bar - p_e) / (1 - p_e)


def krippendorff_alpha(units: Sequence[Sequence[str | None]]) -> float | None:
    """Krippendorff's α, nominal; None entries are missing values; units with fewer than two
    values are not pairable and left out."""
    return _krippendorff_alpha(Counter(map(tuple, units)))


def _krippendorff_alpha(units: Counter[tuple[str | None, ...]]) -> float | None:
    """krippendorff_alpha over distinct units, each with how many times it occurs."""
    coincidence: defaultdict[tuple[str, str], float] = defaultdict(float)
    for unit, times in units.items():
        values = [v for v in unit if v is not None]
        m = len(values)
        if m < 2:
            continue
        for i, c in enumerate(values):
            for j, k in enumerate(values):
                if i != j:
                    coincidence[(c, k)] += times / (m - 1)
    n_c: defaultdict[str, float] = defaultdict(float)
    for (c, _), value in coincidence.items():
        n_c[c] += value
    n = sum(n_c.values())
    if n <= 1:
        return None
    disagree = sum(v for (c, k), v in coincidence.items() if c != k)
    expected = sum(n_c[c] * n_c[k] for c in n_c for k in n_c if c != k)
    if expected == 0:
        return None
    return 1 - (n - 1) * disagree / expected


# --- token tags ----------------------------------------------------------------------------
class WordBounds:
    """The word tokens of a text as two sorted arrays of offsets: computed once per document
    and shared by every annotator's tags (array("i"): eight bytes a word)."""

    __slots__ = ("ends", "starts")

    def __init__(self, text: str) -> None:
        words = [t for t in tokenize(text) if t.is_wordlike]
        self.starts = array("i", [t.start for t in words])
        self.ends = array("i", [t.end for t in words])


class _DocumentWords:
    """A document's words and each annotator's entity tag per word, computed at the first need
    and shared by every pair of annotators and the multi-rater measures."""

    __slots__ = ("_bounds", "_tags", "doc")

    def __init__(self, doc: DocumentData) -> None:
        self.doc = doc
        self._bounds: WordBounds | None = None
        self._tags: dict[str, list[str]] = {}

    def tags(self, name: str) -> list[str]:
        tags = self._tags.get(name)
        if tags is None:
            if self._bounds is None:
                self._bounds = WordBounds(self.doc.text)
            entities = self.doc.layers[name].of_kind("entity")
            tags = self._tags[name] = token_tags(self._bounds, entities)
        return tags


def token_tags(text: str | WordBounds, entities: Iterable[Span]) -> list[str]:
    """The tag of every word token: the outermost overlapping entity's label, or O.

    Each entity, outermost first, tags the words it overlaps that no entity before it tagged
    (found by bisection): the same tags as asking every entity for every word, without a
    cost of words × entities per document."""
    words = text if isinstance(text, WordBounds) else WordBounds(text)
    starts, ends = words.starts, words.ends
    tags: list[str | None] = [None] * len(starts)
    for span in sorted(entities, key=lambda s: (-(s.end - s.start), s.start, s.label)):
        first = bisect_right(ends, span.start)  # the first word ending after the start
        for k in range(first, bisect_left(starts, span.end, first)):
            if tags[k] is None:
                tags[k] = span.label
    return [OUTSIDE if tag is None else tag for tag in tags]


# --- reports -------------------------------------------------------------------------------
@dataclass
class SpanScores:
    matched_exact: int = 0
    matched_relaxed: int = 0
    a: int = 0
    b: int = 0

    def add(self, a: Sequence[Span], b: Sequence[Span], relaxed: int) -> None:
        self.matched_exact += exact_matches(a, b)
        self.matched_relaxed += relaxed
        self.a += len(a)
        self.b += len(b)

    @property
    def f1_exact(self) -> float | None:
        return f1(self.matched_exact, self.a, self.b)

    @property
    def f1_relaxed(self) -> float | None:
        return f1(self.matched_relaxed, self.a, self.b)


@dataclass
class PairReport:
    a: str
    b: str
    documents: int = 0
    spans: SpanScores = field(default_factory=SpanScores)
    per_label: dict[str, SpanScores] = field(default_factory=dict)
    kappa: float | None = None  # entities: Cohen's κ over tokens
    # quotes: speaker, cue, type_kappa; claims: claimant, checkworthy_kappa, type_kappa
    extra: dict[str, float | None] = field(default_factory=dict)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)

    def to_json(self, kind: str) -> dict[str, Any]:
        out: dict[str, Any] = {
            "a": self.a,
            "b": self.b,
            "documents": self.documents,
            "f1_exact": self.spans.f1_exact,
            "f1_relaxed": self.spans.f1_relaxed,
        }
        if kind == "entities":
            out["kappa"] = self.kappa
            out["per_label"] = {
                label: {"f1_exact": s.f1_exact, "f1_relaxed": s.f1_relaxed}
                for label, s in sorted(self.per_label.items())
            }
        out.update(self.extra)
        return out


@dataclass
class KindReport:
    kind: str  # entities | quotes | claims
    pairs: list[PairReport] = field(default_factory=list)
    fleiss_kappa: float | None = None
    alpha: float | None = None
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"pairs": [p.to_json(self.kind) for p in self.pairs]}
        if self.kind == "entities":
            out["fleiss_kappa"] = self.fleiss_kappa
            out["alpha"] = self.alpha
            out["confusion"] = [
                {"a_label": la, "b_label": lb, "count": n}
                for (la, lb), n in sorted(self.confusion.items(), key=lambda x: (-x[1], x[0]))
            ]
        return out


@dataclass
class AgreementReport:
    documents: int
    annotators: list[str]
    kinds: dict[str, KindReport]
    lowest_documents: list[tuple[str, str, float | None]]  # (doc id, source, mean F1 exact)
    lowest_labels: list[tuple[str, float | None]]  # (label, mean F1 exact over pairs)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"documents": self.documents, "annotators": self.annotators}
        for name, report in self.kinds.items():
            out[name] = report.to_json()
        out["lowest_documents"] = [
            {"id": d, "source": s, "f1_exact": v} for d, s, v in self.lowest_documents
        ]
        out["lowest_labels"] = [{"label": lab, "f1_exact": v} for lab, v in self.lowest_labels]
        return out


def _agree_ref(x: Span | None, y: Span | None) -> bool:
    if x is None or y is None:
        return x is None and y is None
    return x.overlaps(y.start, y.end)


def _share(hits: int, total: int) -> float | None:
    return None if total == 0 else hits / total


def _by_label(spans: Sequence[Span]) -> dict[str, list[Span]]:
    out: dict[str, list[Span]] = {}
    for s in spans:
        out.setdefault(s.label, []).append(s)
    return out


class _PairTally:
    """One pair of annotators on one kind of span, document after document: counts only (the
    report is computed from them at the end), so no document is kept once it is counted."""

    def __init__(self, kind: str, a: str, b: str) -> None:
        self.kind = kind
        self.span_kind = KIND_OF[kind]
        self.report = PairReport(a, b)
        self.tag_pairs: Counter[tuple[str, str]] = Counter()
        self.attr_pairs: dict[str, Counter[tuple[str, str]]] = {
            "type": Counter(),
            "checkworthy": Counter(),
        }
        self.ref_hits: Counter[str] = Counter()
        self.matched_total = 0

    def add(self, doc: DocumentData, words: _DocumentWords) -> None:
        kind, report = self.kind, self.report
        report.documents += 1
        la, lb = doc.layers[report.a], doc.layers[report.b]
        sa, sb = la.of_kind(self.span_kind), lb.of_kind(self.span_kind)
        ga, gb = _by_label(sa), _by_label(sb)
        matched: list[tuple[Span, Span]] = []
        for label in sorted(set(ga) | set(gb)):
            pairs = relaxed_pairs(ga.get(label, []), gb.get(label, []))
            matched.extend(pairs)
            if kind == "entities":
                report.per_label.setdefault(label, SpanScores()).add(
                    ga.get(label, []), gb.get(label, []), len(pairs)
                )
        report.spans.add(sa, sb, len(matched))
        if kind == "entities":
            self.tag_pairs.update(zip(words.tags(report.a), words.tags(report.b), strict=True))
            report.confusion.update(_confusion(sa, sb, matched))
            return
        self.matched_total += len(matched)
        ref_hits = self.ref_hits
        for x, y in matched:
            for name, counts in self.attr_pairs.items():
                counts[(str(x.attrs.get(name, "")), str(y.attrs.get(name, "")))] += 1
            if kind == "quotes":
                ref_hits["speaker"] += _agree_ref(
                    la.target(x.id, "speaker"), lb.target(y.id, "speaker")
                )
                ref_hits["cue"] += _agree_ref(la.target(x.id, "cue"), lb.target(y.id, "cue"))
            else:
                ca, cb = la.target(x.id, "claimant"), lb.target(y.id, "claimant")
                art_a = ca is None and x.attrs.get("claimant_article") == "yes"
                art_b = cb is None and y.attrs.get("claimant_article") == "yes"
                ref_hits["claimant"] += (art_a and art_b) or (
                    not art_a and not art_b and _agree_ref(ca, cb)
                )

    def finish(self) -> PairReport:
        report, matched, ref_hits = self.report, self.matched_total, self.ref_hits
        if self.kind == "entities":
            report.kappa = _cohen_kappa(self.tag_pairs)
        elif self.kind == "quotes":
            report.extra = {
                "matched": matched,
                "speaker": _share(ref_hits["speaker"], matched),
                "cue": _share(ref_hits["cue"], matched),
                "type_kappa": _cohen_kappa(self.attr_pairs["type"]),
            }
        else:
            report.extra = {
                "matched": matched,
                "claimant": _share(ref_hits["claimant"], matched),
                "checkworthy_kappa": _cohen_kappa(self.attr_pairs["checkworthy"]),
                "type_kappa": _cohen_kappa(self.attr_pairs["type"]),
            }
        return report


def _confusion(
    a: Sequence[Span], b: Sequence[Span], matched: Sequence[tuple[Span, Span]]
) -> Counter[tuple[str, str]]:
    """(label in a, label in b) for spans left unmatched that overlap with another label, one
    to one, largest overlap first."""
    used_a = {id(x) for x, _ in matched}
    used_b = {id(y) for _, y in matched}
    rest_a = [x for x in a if id(x) not in used_a]
    rest_b = [y for y in b if id(y) not in used_b]
    candidates = sorted(
        (
            (-(min(x.end, y.end) - max(x.start, y.start)), i, j)
            for i, x in enumerate(rest_a)
            for j, y in enumerate(rest_b)
            if x.label != y.label and x.overlaps(y.start, y.end)
        )
    )
    out: Counter[tuple[str, str]] = Counter()
    taken_a: set[int] = set()
    taken_b: set[int] = set()
    for _, i, j in candidates:
        if i in taken_a or j in taken_b:
            continue
        taken_a.add(i)
        taken_b.add(j)
        out[(rest_a[i].label, rest_b[j].label)] += 1
    return out


class _MultiRaterTally:
    """Token units of every document, counted as distinct units per set of annotators who
    marked the document done: Fleiss' κ takes the documents every annotator marked done, which
    is known only once every document is counted; Krippendorff's α takes all (a missing value
    is left out, and both measures are indifferent to the order of a unit's ratings)."""

    def __init__(self) -> None:
        self.units: dict[tuple[str, ...], Counter[tuple[str, ...]]] = {}

    def add(self, present: tuple[str, ...], words: _DocumentWords) -> None:
        tags = [words.tags(name) for name in present]
        self.units.setdefault(present, Counter()).update(zip(*tags, strict=True))

    def finish(self, names: Sequence[str]) -> tuple[float | None, float | None]:
        partial: Counter[tuple[str | None, ...]] = Counter()
        for units in self.units.values():
            partial.update(units)
        full = self.units.get(tuple(names), Counter())
        return _fleiss_kappa(full), _krippendorff_alpha(partial)


def agreement(
    docs: Iterable[DocumentData],
    kinds: Sequence[str] = ("entities", "quotes", "claims"),
    annotators: Sequence[str] | None = None,
) -> AgreementReport:
    """docs: each with the layers of the annotators who marked it done, read once, one at a
    time (an iterator is never held whole: a corpus's shared documents need not fit in
    memory). Documents with fewer than two of the chosen annotators are left out."""
    chosen = None if annotators is None else set(annotators)
    pairs: dict[tuple[str, str, str], _PairTally] = {}
    multi = _MultiRaterTally()
    lowest: list[tuple[str, str, float | None]] = []
    names: set[str] = set()
    count = 0
    for doc in docs:
        if chosen is not None and not chosen.issuperset(doc.layers):
            doc = DocumentData(
                doc.doc_id,
                doc.source,
                doc.text,
                {n: v for n, v in doc.layers.items() if n in chosen},
            )
        present = tuple(sorted(doc.layers))
        if len(present) < 2:
            continue
        count += 1
        names.update(present)
        words = _DocumentWords(doc)
        for kind in kinds:
            for a, b in combinations(present, 2):
                tally = pairs.get((kind, a, b))
                if tally is None:
                    tally = pairs[(kind, a, b)] = _PairTally(kind, a, b)
                tally.add(doc, words)
        if "entities" in kinds:  # with two annotators in all, the tags are the pairs' own
            multi.add(present, words)
        lowest.append((doc.doc_id, doc.source, _document_f1(doc, kinds)))
    ordered = sorted(names)
    kind_reports: dict[str, KindReport] = {}
    for kind in kinds:
        report = KindReport(kind)
        for a, b in combinations(ordered, 2):
            tally = pairs.get((kind, a, b))
            if tally is not None:
                pair = tally.finish()
                report.pairs.append(pair)
                report.confusion.update(pair.confusion)
        if kind == "entities" and len(ordered) > 2:
            report.fleiss_kappa, report.alpha = multi.finish(ordered)
        kind_reports[kind] = report
    lowest.sort(key=lambda r: (2.0 if r[2] is None else r[2], r[0]))
    return AgreementReport(count, ordered, kind_reports, lowest, _lowest_labels(kind_reports))


def _mean(values: Iterable[float | None]) -> float | None:
    got = [v for v in values if v is not None]
    return sum(got) / len(got) if got else None


def _document_f1(doc: DocumentData, kinds: Sequence[str]) -> float | None:
    """A document's mean exact F1 over pairs of annotators (spans of the chosen kinds)."""
    span_kinds = {KIND_OF[k] for k in kinds}
    scores = []
    for a, b in combinations(sorted(doc.layers), 2):
        sa = [s for s in doc.layers[a].spans if s.kind in span_kinds]
        sb = [s for s in doc.layers[b].spans if s.kind in span_kinds]
        key = lambda s: (s.kind, s.start, s.end, s.label)  # noqa: E731
        matched = sum((Counter(map(key, sa)) & Counter(map(key, sb))).values())
        scores.append(f1(matched, len(sa), len(sb)))
    return _mean(scores)


def _lowest_labels(kinds: dict[str, KindReport]) -> list[tuple[str, float | None]]:
    report = kinds.get("entities")
    if report is None:
        return []
    labels = sorted({lab for p in report.pairs for lab in p.per_label})
    rows = [
        (lab, _mean(p.per_label[lab].f1_exact for p in report.pairs if lab in p.per_label))
        for lab in labels
    ]
    return sorted(rows, key=lambda r: (2.0 if r[1] is None else r[1], r[0]))


def _fmt(value: float | None) -> str:
    return "  —  " if value is None else f"{value:.3f}"


def format_report(report: AgreementReport, top: int = 10) -> str:
    """The report for people: where agreement is lowest first, then the figures."""
    lines = [
        f"{report.documents} documents marked done by two or more annotators "
        f"({', '.join(report.annotators) or 'none'})"
    ]
    if report.lowest_documents:
        lines.append("lowest agreement, documents (mean exact span F1 over pairs):")
        lines += [f"  {_fmt(v)}  {d}  {s}" for d, s, v in report.lowest_documents[:top]]
    if report.lowest_labels:
        lines.append("lowest agreement, entity labels (mean exact span F1 over pairs):")
        lines += [f"  {_fmt(v)}  {lab}" for lab, v in report.lowest_labels[:top]]
    for name, kind in report.kinds.items():
        lines.append(f"{name}:")
        for p in kind.pairs:
            row = f"  {p.a} × {p.b} ({p.documents} docs): F1 exact {_fmt(p.spans.f1_exact)}, relaxed {_fmt(p.spans.f1_relaxed)}"
            if name == "entities":
                row += f", κ {_fmt(p.kappa)}"
            row += "".join(f", {k} {_fmt(v) if k != 'matched' else v}" for k, v in p.extra.items())
            lines.append(row)
        if name == "entities" and len(report.annotators) > 2:
            lines.append(
                f"  Fleiss' κ {_fmt(kind.fleiss_kappa)}, Krippendorff's α {_fmt(kind.alpha)}"
            )
        if kind.confusion:
            top_conf = sorted(kind.confusion.items(), key=lambda x: (-x[1], x[0]))[:top]
            lines.append(
                "  overlapping spans with different labels: "
                + ", ".join(f"{la}/{lb} {n}" for (la, lb), n in top_conf)
            )
    return "\n".join(lines)
