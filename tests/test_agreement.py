"""Agreement figures against the reference implementations (scikit-learn's cohen_kappa_score,
the krippendorff package, nervaluate) on the same units."""

from __future__ import annotations

import random
import weakref
from collections.abc import Iterator

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotation.agreement import (
    DocumentData,
    LayerData,
    agreement,
    cohen_kappa,
    fleiss_kappa,
    format_report,
    krippendorff_alpha,
    relaxed_order,
    token_tags,
)
from annotation.conll import parse_conll, segments_to_document
from annotation.spans import Link, Span
from tests.conftest import WOJOOD
from tests.hypothesis_budget import examples


# The reference implementations load in seconds: imported when a test needs them.
def cohen_kappa_score(*args, **kwargs):
    from sklearn.metrics import cohen_kappa_score as reference

    return reference(*args, **kwargs)


def reference_alpha(**kwargs):
    import krippendorff

    return krippendorff.alpha(**kwargs)


def Evaluator(*args, **kwargs):  # noqa: N802 - nervaluate's class
    from nervaluate import Evaluator as reference

    return reference(*args, **kwargs)


TEXT = "قال وزير الخارجية الأردني أيمن الصفدي في عمّان إن المملكة ترحب بقرار مجلس الأمن الدولي أمس."


def ent(text: str, words: str, label: str, who: str, nth: int = 0, sid: str = "") -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Span(
        sid or f"{who}-{label}-{start}",
        "d",
        "entity",
        label,
        start,
        start + len(words),
        annotator=who,
    )


def scripted() -> dict[str, list[Span]]:
    """Three annotators with known differences from amal: bilal shifts a boundary (الصفدي →
    أيمن الصفدي), changes a label (عمّان GPE → LOC) and misses مجلس الأمن; carim adds a span."""
    amal = [
        ent(TEXT, "الأردني", "NORP", "amal"),
        ent(TEXT, "أيمن الصفدي", "PERS", "amal"),
        ent(TEXT, "عمّان", "GPE", "amal"),
        ent(TEXT, "مجلس الأمن الدولي", "ORG", "amal"),
        ent(TEXT, "وزير الخارجية", "OCC", "amal"),
    ]
    bilal = [
        ent(TEXT, "الأردني", "NORP", "bilal"),
        ent(TEXT, "الصفدي", "PERS", "bilal"),
        ent(TEXT, "عمّان", "LOC", "bilal"),
        ent(TEXT, "وزير الخارجية", "OCC", "bilal"),
    ]
    carim = [
        ent(TEXT, "الأردني", "NORP", "carim"),
        ent(TEXT, "أيمن الصفدي", "PERS", "carim"),
        ent(TEXT, "عمّان", "GPE", "carim"),
        ent(TEXT, "مجلس الأمن الدولي", "ORG", "carim"),
        ent(TEXT, "المملكة", "GPE", "carim"),
        ent(TEXT, "وزير الخارجية", "OCC", "carim"),
    ]
    return {"amal": amal, "bilal": bilal, "carim": carim}


def docs_of(layers: dict[str, list[Span]], text: str = TEXT) -> list[DocumentData]:
    return [DocumentData("d", "d.txt", text, {n: LayerData(tuple(s)) for n, s in layers.items()})]


def nervaluate_f1(
    a: list[Span], b: list[Span], labels: list[str]
) -> tuple[float, float, dict[str, tuple[float, float]]]:
    """(strict F1, ent_type F1, per label) as nervaluate counts them label by label, the
    overall figures summed over labels (micro), as Hashiya reports them."""

    def dicts(spans: list[Span]) -> list[list[dict]]:
        return [[{"label": s.label, "start": s.start, "end": s.end - 1} for s in spans]]

    ordered_b = sorted(b, key=relaxed_order)  # the order Hashiya matches in
    result = Evaluator(dicts(a), dicts(ordered_b), tags=labels, loader="dict").evaluate()
    per_label = {}
    correct_strict = correct_relaxed = 0
    for label in labels:
        if label not in result["entities"]:
            continue
        r = result["entities"][label]
        per_label[label] = (r["strict"].f1, r["ent_type"].f1)
        correct_strict += r["strict"].correct
        correct_relaxed += r["ent_type"].correct
    total = len(a) + len(b)
    return 2 * correct_strict / total, 2 * correct_relaxed / total, per_label


def test_token_tags_take_the_outermost_entity() -> None:
    spans = [ent(TEXT, "مجلس الأمن الدولي", "ORG", "a"), ent(TEXT, "الأمن", "EVENT", "a")]
    tags = token_tags(TEXT, spans)
    words = [w for w in TEXT.replace(".", " ").split()]
    assert len(tags) == len(words)
    assert [t for w, t in zip(words, tags, strict=True) if t != "O"] == ["ORG", "ORG", "ORG"]


@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(1, 25), st.sampled_from("ABC")), max_size=12)
)
@settings(max_examples=examples(200))
def test_token_tags_are_the_outermost_overlapping_entity_of_each_word(
    ranges: list[tuple[int, int, str]],
) -> None:
    from annotation.tokens import tokenize

    text = "قال وزير المالية، أحمد الخطيب، إن النمو سيبلغ ٤٪ في العام المقبل."
    spans = [
        Span(f"s{i}", "d", "entity", label, start, min(start + length, len(text)))
        for i, (start, length, label) in enumerate(ranges)
        if start < len(text)
    ]
    ordered = sorted(spans, key=lambda s: (-(s.end - s.start), s.start, s.label))
    expected = [
        next((s.label for s in ordered if s.overlaps(t.start, t.end)), "O")
        for t in tokenize(text)
        if t.is_wordlike
    ]
    assert token_tags(text, spans) == expected


def test_two_annotators_match_the_references() -> None:
    layers = scripted()
    a, b = layers["amal"], layers["bilal"]
    report = agreement(docs_of({"amal": a, "bilal": b}), kinds=("entities",))
    pair = report.kinds["entities"].pairs[0]
    labels = sorted({s.label for s in a + b})
    strict, relaxed, per_label = nervaluate_f1(a, b, labels)
    assert pair.spans.f1_exact == pytest.approx(strict) == pytest.approx(2 * 2 / 9)
    assert pair.spans.f1_relaxed == pytest.approx(relaxed) == pytest.approx(2 * 3 / 9)
    for label, (f_strict, f_type) in per_label.items():
        assert pair.per_label[label].f1_exact == pytest.approx(f_strict)
        assert pair.per_label[label].f1_relaxed == pytest.approx(f_type)
    ta, tb = token_tags(TEXT, a), token_tags(TEXT, b)
    assert pair.kappa == pytest.approx(cohen_kappa_score(ta, tb))
    assert dict(pair.confusion) == {("GPE", "LOC"): 1}
    assert report.kinds["entities"].fleiss_kappa is None  # two annotators
    assert report.lowest_labels[0][0] in {"GPE", "LOC", "ORG", "PERS"}


def test_three_annotators_fleiss_and_alpha() -> None:
    layers = scripted()
    report = agreement(docs_of(layers), kinds=("entities",))
    ent_report = report.kinds["entities"]
    assert [(p.a, p.b) for p in ent_report.pairs] == [
        ("amal", "bilal"),
        ("amal", "carim"),
        ("bilal", "carim"),
    ]
    tags = {n: token_tags(TEXT, s) for n, s in layers.items()}
    codes = {t: i for i, t in enumerate(sorted({t for ts in tags.values() for t in ts}))}
    data = np.array([[codes[t] for t in tags[n]] for n in sorted(tags)], dtype=float)
    assert ent_report.alpha == pytest.approx(
        reference_alpha(reliability_data=data, level_of_measurement="nominal")
    )
    for p in ent_report.pairs:
        assert p.kappa == pytest.approx(cohen_kappa_score(tags[p.a], tags[p.b]))
        strict, relaxed, _ = nervaluate_f1(layers[p.a], layers[p.b], sorted(codes.keys() - {"O"}))
        assert (p.spans.f1_exact, p.spans.f1_relaxed) == (
            pytest.approx(strict),
            pytest.approx(relaxed),
        )
    assert ent_report.fleiss_kappa == pytest.approx(
        _fleiss_reference([[tags[n][i] for n in tags] for i in range(len(tags["amal"]))])
    )
    assert "amal × bilal" in format_report(report)


def test_documents_some_annotators_left_undone() -> None:
    """Three documents: all three annotators marked the first done, amal and bilal the second,
    bilal and carim the third. Each pair counts the documents both did; Fleiss' κ takes the
    first document's words only, Krippendorff's α every word with the missing values left out."""
    layers = scripted()
    other = "وقالت وزيرة الصحة هند العلي في الرياض إن الوزارة تتابع الحالات."
    second = {
        "amal": [ent(other, "هند العلي", "PERS", "amal"), ent(other, "الرياض", "GPE", "amal")],
        "bilal": [ent(other, "العلي", "PERS", "bilal"), ent(other, "الوزارة", "ORG", "bilal")],
    }
    third = {
        "bilal": [ent(other, "الرياض", "GPE", "bilal")],
        "carim": [ent(other, "الرياض", "LOC", "carim"), ent(other, "الصحة", "ORG", "carim")],
    }

    def layer_data(spans: dict[str, list[Span]]) -> dict[str, LayerData]:
        return {n: LayerData(tuple(s)) for n, s in spans.items()}

    docs = [
        DocumentData("d1", "a.txt", TEXT, layer_data(layers)),
        DocumentData("d2", "b.txt", other, layer_data(second)),
        DocumentData("d3", "c.txt", other, layer_data(third)),
    ]
    report = agreement(iter(docs), kinds=("entities",))
    ent_report = report.kinds["entities"]
    assert report.documents == 3
    assert {(p.a, p.b): p.documents for p in ent_report.pairs} == {
        ("amal", "bilal"): 2,
        ("amal", "carim"): 1,
        ("bilal", "carim"): 2,
    }
    names = ["amal", "bilal", "carim"]
    per_doc = [
        {n: token_tags(d.text, d.layers[n].of_kind("entity")) for n in d.layers} for d in docs
    ]
    codes = {
        t: i for i, t in enumerate(sorted({t for d in per_doc for ts in d.values() for t in ts}))
    }
    data = np.array(
        [
            [
                codes[tags[n][i]] if n in tags else np.nan
                for tags in per_doc
                for i in range(len(next(iter(tags.values()))))
            ]
            for n in names
        ]
    )
    assert ent_report.alpha == pytest.approx(
        reference_alpha(reliability_data=data, level_of_measurement="nominal")
    )
    first = per_doc[0]
    assert ent_report.fleiss_kappa == pytest.approx(
        _fleiss_reference([[first[n][i] for n in names] for i in range(len(first["amal"]))])
    )
    for p in ent_report.pairs:
        both = [d for d in per_doc if p.a in d and p.b in d]
        assert p.kappa == pytest.approx(
            cohen_kappa_score([t for d in both for t in d[p.a]], [t for d in both for t in d[p.b]])
        )
    # the same figures whatever the order the documents come in
    again = agreement(list(reversed(docs)), kinds=("entities",)).kinds["entities"]
    assert [p.to_json("entities") for p in again.pairs] == [
        p.to_json("entities") for p in ent_report.pairs
    ]
    assert (again.alpha, again.fleiss_kappa) == (
        pytest.approx(ent_report.alpha),
        pytest.approx(ent_report.fleiss_kappa),
    )


def test_documents_are_read_one_at_a_time() -> None:
    """agreement() keeps no document once it is counted: a corpus's shared documents need
    not fit in memory."""
    alive: list[weakref.ref[DocumentData]] = []

    def documents() -> Iterator[DocumentData]:
        for k in range(6):
            # two documents back is no longer referenced by the report being built
            if k >= 2:
                assert alive[k - 2]() is None, f"document {k - 2} is still held"
            layers = {n: LayerData(tuple(s)) for n, s in scripted().items()}
            doc = DocumentData(f"d{k}", f"{k}.txt", TEXT, layers)
            alive.append(weakref.ref(doc))
            yield doc

    report = agreement(documents())
    assert report.documents == 6
    assert [d for d, _, _ in report.lowest_documents] == [f"d{k}" for k in range(6)]


def _fleiss_reference(units: list[list[str]]) -> float:
    """Fleiss' κ written out from the definition with numpy (a second, independent form)."""
    cats = sorted({c for u in units for c in u})
    counts = np.array([[u.count(c) for c in cats] for u in units], dtype=float)
    n = counts.sum(axis=1)[0]
    p_j = counts.sum(axis=0) / counts.sum()
    p_i = ((counts**2).sum(axis=1) - n) / (n * (n - 1))
    return float((p_i.mean() - (p_j**2).sum()) / (1 - (p_j**2).sum()))


def test_fleiss_on_the_textbook_example() -> None:
    # Fleiss (1971) as worked on Wikipedia: 10 subjects, 14 raters, 5 categories -> κ 0.210
    table = [
        [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
    ]  # fmt: skip
    units = [[str(c) for c, n in enumerate(row) for _ in range(n)] for row in table]
    assert fleiss_kappa(units) == pytest.approx(0.20993, abs=1e-4)


def test_kappa_and_alpha_on_random_data() -> None:
    rng = random.Random(4)
    for _ in range(30):
        n = rng.randint(2, 60)
        x = [rng.choice("OABC") for _ in range(n)]
        y = [t if rng.random() < 0.7 else rng.choice("OABC") for t in x]
        expected = cohen_kappa_score(x, y) if len(set(x) | set(y)) > 1 else None
        got = cohen_kappa(x, y)
        assert (got is None and (expected is None or np.isnan(expected))) or got == pytest.approx(
            expected
        )
        coders = 3
        units = [
            [rng.choice("OAB") if rng.random() > 0.2 else None for _ in range(coders)]
            for _ in range(n)
        ]
        data = np.array(
            [[np.nan if u[c] is None else "OAB".index(u[c]) for u in units] for c in range(coders)]
        )
        pairable = sum(1 for u in units if sum(v is not None for v in u) >= 2)
        if pairable and len({v for u in units for v in u if v is not None}) > 1:
            assert krippendorff_alpha(units) == pytest.approx(
                reference_alpha(reliability_data=data, level_of_measurement="nominal")
            )


def _quote(text: str, words: str, who: str, qtype: str, qid: str) -> Span:
    start = text.index(words)
    return Span(
        qid, "d", "quote", "QUOTE", start, start + len(words), {"type": qtype}, annotator=who
    )


def test_quotes_speaker_cue_and_type() -> None:
    text = "قال الوزير أيمن الصفدي إن المملكة ترحب بالقرار، وأكد المتحدث أن الحدود مغلقة."
    layers = {}
    for who, speaker2, qtype2 in (("amal", "المتحدث", "indirect"), ("bilal", "الوزير", "direct")):
        q1 = _quote(text, "المملكة ترحب بالقرار", who, "indirect", f"{who}-q1")
        q2 = _quote(text, "الحدود مغلقة", who, qtype2, f"{who}-q2")
        s1 = ent(text, "أيمن الصفدي", "PERS", who, sid=f"{who}-s1")
        s2 = ent(text, speaker2, "OCC", who, sid=f"{who}-s2")
        cue = Span(f"{who}-c1", "d", "cue", "CUE", 0, 3, annotator=who)
        links = (
            Link(f"{who}-l1", "d", "speaker", q1.id, s1.id),
            Link(f"{who}-l2", "d", "speaker", q2.id, s2.id),
            Link(f"{who}-l3", "d", "cue", q1.id, cue.id),
        )
        layers[who] = LayerData((q1, q2, s1, s2, cue), links)
    report = agreement([DocumentData("d", "d.txt", text, layers)], kinds=("quotes",))
    pair = report.kinds["quotes"].pairs[0]
    assert (pair.spans.f1_exact, pair.spans.f1_relaxed) == (1.0, 1.0)
    assert pair.extra["speaker"] == 0.5  # the second quote's speaker differs
    assert pair.extra["cue"] == 1.0
    assert pair.extra["type_kappa"] == pytest.approx(
        cohen_kappa_score(["indirect", "indirect"], ["indirect", "direct"])
    )


def test_claims_claimant_and_checkworthiness() -> None:
    text = "قال الوزير إن البطالة انخفضت إلى 5 في المئة، ويسيطر الجيش على 70 في المئة من البلاد."
    layers = {}
    for who, worth in (("amal", ("yes", "yes")), ("bilal", ("yes", "no"))):
        c1 = Span(f"{who}-1", "d", "claim", "CLAIM", text.index("البطالة"), text.index("،"),
                  {"checkworthy": worth[0], "type": "statistic", "claimant_article": "no"}, annotator=who)  # fmt: skip
        c2 = Span(f"{who}-2", "d", "claim", "CLAIM", text.index("ويسيطر"), len(text) - 1,
                  {"checkworthy": worth[1], "type": "statistic", "claimant_article": "yes" if who == "amal" else "no"}, annotator=who)  # fmt: skip
        minister = ent(text, "الوزير", "OCC", who, sid=f"{who}-m")
        layers[who] = LayerData(
            (c1, c2, minister), (Link(f"{who}-l", "d", "claimant", c1.id, minister.id),)
        )
    pair = (
        agreement([DocumentData("d", "d.txt", text, layers)], kinds=("claims",))
        .kinds["claims"]
        .pairs[0]
    )
    assert pair.spans.f1_exact == 1.0
    assert pair.extra["claimant"] == 0.5  # amal: the article asserts the second; bilal: nobody
    assert pair.extra["checkworthy_kappa"] == pytest.approx(
        cohen_kappa_score(["yes", "yes"], ["yes", "no"])
    )
    assert pair.extra["type_kappa"] is None  # one type only: κ undefined


def _perturb(entities: list[Span], text: str, seed: int) -> list[Span]:
    """A second annotator: some boundaries shifted by a word, labels changed, spans dropped."""
    rng = random.Random(seed)
    labels = sorted({s.label for s in entities})
    # A boundary grows only over a word no entity covers: where a grown span would overlap a
    # neighbour, nervaluate's strict count lets it use the neighbour up as "incorrect" while
    # exact F1 (a multiset intersection, as seqeval counts it) does not.
    covered = [False] * (len(text) + 1)
    for s in entities:
        for i in range(s.start, s.end):
            covered[i] = True
    out = []
    for s in entities:
        r = rng.random()
        if r < 0.08:
            continue
        if r < 0.16:
            out.append(
                Span(s.id, s.doc_id, s.kind, rng.choice(labels), s.start, s.end, annotator="b")
            )
        elif r < 0.24:
            nxt = text.find(" ", s.end + 1)
            free = nxt != -1 and "\n" not in text[s.end : nxt] and not any(covered[s.end : nxt])
            end = nxt if free else s.end
            out.append(
                Span(s.id, s.doc_id, s.kind, s.label, s.start, max(end, s.start + 1), annotator="b")
            )
        else:
            out.append(Span(s.id, s.doc_id, s.kind, s.label, s.start, s.end, annotator="b"))
    return out


@pytest.mark.shared
def test_wojood_sample_as_two_annotators() -> None:
    conll = segments_to_document(parse_conll(WOJOOD.read_text(encoding="utf-8"), str(WOJOOD)))
    text = conll.text
    a = [
        Span(f"e{i}", "d", "entity", lab, s, e, annotator="a")
        for i, (s, e, lab, _) in enumerate(conll.entities)
    ]
    b = _perturb(a, text, seed=9)
    report = agreement(docs_of({"a": a, "b": b}, text), kinds=("entities",))
    pair = report.kinds["entities"].pairs[0]
    labels = sorted({s.label for s in a + b})
    strict, relaxed, per_label = nervaluate_f1(a, b, labels)
    assert pair.spans.f1_exact == pytest.approx(strict)
    assert pair.spans.f1_relaxed == pytest.approx(relaxed)
    for label, (f_strict, f_type) in per_label.items():
        assert pair.per_label[label].f1_exact == pytest.approx(f_strict)
        assert pair.per_label[label].f1_relaxed == pytest.approx(f_type)
    ta, tb = token_tags(text, a), token_tags(text, b)
    assert pair.kappa == pytest.approx(cohen_kappa_score(ta, tb))
    assert 0.5 < pair.kappa < 1.0 and 0.5 < pair.spans.f1_exact < pair.spans.f1_relaxed < 1.0
    # three annotators: alpha against the krippendorff package
    c = _perturb(a, text, seed=10)
    tags = [ta, tb, token_tags(text, c)]
    three = agreement(docs_of({"a": a, "b": b, "c": c}, text), kinds=("entities",)).kinds[
        "entities"
    ]
    codes = {t: i for i, t in enumerate(sorted({t for ts in tags for t in ts}))}
    data = np.array([[codes[t] for t in ts] for ts in tags], dtype=float)
    assert three.alpha == pytest.approx(
        reference_alpha(reliability_data=data, level_of_measurement="nominal")
    )
    assert three.fleiss_kappa == pytest.approx(
        _fleiss_reference([list(u) for u in zip(*tags, strict=True)])
    )
