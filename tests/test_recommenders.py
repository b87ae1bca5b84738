"""Entity recommenders: names from the project, the CRF tagger, merging, proposals."""

from __future__ import annotations

import pytest

from annotation.proposals import pending, recommended_entity_proposals
from annotation.recommenders.base import (
    EntityGuess,
    TrainingDocument,
    apply_boundary,
    merge_guesses,
    outermost,
)
from annotation.recommenders.crf import CrfRecommender, token_tags
from annotation.recommenders.evaluation import score
from annotation.recommenders.names import NameRecommender, name_key
from annotation.recommenders.trained import EntityRecommenders
from annotation.span_index import SpanIndex
from annotation.spans import Span
from annotation.tokens import iter_tokens


def _doc(text: str, *tagged: tuple[str, str]) -> TrainingDocument:
    """Entities by surface: every occurrence of each surface gets its label."""
    ents = []
    for surface, label in tagged:
        i = text.find(surface)
        while i >= 0:
            ents.append((i, i + len(surface), label))
            i = text.find(surface, i + 1)
    return TrainingDocument(text, tuple(ents))


def _found(text: str, guesses: list[EntityGuess]) -> list[tuple[str, str]]:
    return [(text[g.start : g.end], g.label) for g in guesses]


def test_name_keys_fold_clitics_and_spelling() -> None:
    assert name_key(["الأسد"]) == name_key(["والأسد"]) == name_key(["الأَسَد"])
    assert name_key(["للأسد"]) == name_key(["الأسد"])  # ل + elided article
    assert name_key(["لبنان"]) != name_key(["بنان"])  # a listed word is not ل + بنان
    assert name_key(["وزير", "الخارجية"]) == name_key(["وزير", "الخارجيه"])


def test_names_found_again_with_clitics_under_each_boundary_policy() -> None:
    train = [
        _doc("التقى الرئيس بشار الأسد وفدا من لبنان.", ("بشار الأسد", "PERS"), ("لبنان", "GPE"))
    ]
    rec = NameRecommender.train(train)
    text = "وقال إن لبشار الأسد حلفاء في لبنان وللبنان أصدقاء."
    token = _found(text, rec.suggest(text, "token"))
    assert token == [("لبشار الأسد", "PERS"), ("لبنان", "GPE"), ("وللبنان", "GPE")]
    strip = _found(text, rec.suggest(text, "strip_clitics"))
    assert strip == [("بشار الأسد", "PERS"), ("لبنان", "GPE"), ("لبنان", "GPE")]


def test_names_confidence_falls_with_untagged_occurrences() -> None:
    text = "زار علي القاهرة. وجلس علي على الكرسي. وقف على الباب. ومر على السوق. ونام على السرير."
    train = [TrainingDocument(text, ((text.index("علي"), text.index("علي") + 3, "PERS"),))]
    rec = NameRecommender.train(train)
    guesses = rec.suggest("التقى علي بصديقه")
    # علي and على share a key; the annotator tagged it once and left it 5 times: not suggested
    assert guesses == []
    rec2 = NameRecommender.train([_doc("زار علي القاهرة. ثم عاد علي إلى بيته.", ("علي", "PERS"))])
    (g,) = rec2.suggest("التقى علي بصديقه")
    assert g.label == "PERS" and 0.5 < g.confidence < 1.0
    assert "2×" in g.reason


def test_token_tags_follow_the_outermost_entity_and_clitic_starts() -> None:
    text = "ووصل وزير خارجية فرنسا إلى لبيروت"
    ents = outermost(
        [
            (text.index("وزير"), text.index(" إلى"), "OCC"),
            (text.index("فرنسا"), text.index(" إلى"), "GPE"),
            (text.index("بيروت"), len(text), "GPE"),  # starts after the proclitic ل
        ]
    )
    seq = list(iter_tokens(text))
    assert token_tags(seq, ents) == ["O", "B-OCC", "I-OCC", "I-OCC", "O", "B-GPE"]
    start = text.index("لبيروت")
    assert apply_boundary(text, start, len(text), "strip_clitics") == start + 1
    assert apply_boundary(text, start, len(text), "token") == start


def test_merge_keeps_the_most_confident_of_overlapping_guesses() -> None:
    a = EntityGuess(0, 10, "ORG", 0.6, "names", "x")
    b = EntityGuess(5, 10, "GPE", 0.9, "crf", "y")
    c = EntityGuess(20, 25, "PERS", 0.4, "crf", "z")
    d = EntityGuess(20, 25, "PERS", 0.7, "names", "w")
    merged = merge_guesses([a, d], [b, c])
    assert [(g.start, g.label, g.confidence) for g in merged] == [
        (5, "GPE", 0.9),
        (20, "PERS", 0.7),
    ]
    assert merged[1].reason == "w; z"


def _training_corpus() -> list[TrainingDocument]:
    names = ["سامر", "ليلى", "كريم", "هالة", "نادر", "سلمى"]
    places = ["عمان", "بيروت", "دمشق", "القاهرة", "تونس", "الرباط"]
    docs = []
    for i in range(12):
        person, place = names[i % 6], places[(i * 5) % 6]
        text = (
            f"وصل الدكتور {person} إلى {place} صباح اليوم، وقال الدكتور {person} إن الزيارة مهمة."
        )
        docs.append(_doc(text, (person, "PERS"), (place, "GPE")))
    return docs


def test_crf_learns_contexts_it_can_generalise() -> None:
    crf = CrfRecommender.train(_training_corpus())
    assert crf is not None and set(crf.labels) == {"PERS", "GPE"}
    text = "وصل الدكتور عادل إلى جدة صباح اليوم."  # neither name was ever tagged
    found = _found(text, crf.suggest(text))
    assert ("عادل", "PERS") in found
    assert all(0.0 < g.confidence <= 1.0 for g in crf.suggest(text))


def test_crf_needs_enough_entities() -> None:
    assert CrfRecommender.train(_training_corpus()[:2]) is None


def test_crf_learns_from_the_first_documents_up_to_its_entity_cap() -> None:
    corpus = _training_corpus()  # three entities a document (the person twice)
    capped = CrfRecommender.train(corpus, max_entities=20)
    assert capped is not None and capped.trained_on == 21  # the seventh document reaches it
    whole = CrfRecommender.train(corpus)
    assert whole is not None and whole.trained_on == 36


def test_recommenders_become_proposals_that_fill_gaps_and_respect_rejections() -> None:
    recs = EntityRecommenders.train(_training_corpus())
    text = "وصل الدكتور سامر إلى بيروت صباح اليوم."
    stored = Span("e1", "d", "entity", "PERS", text.index("سامر"), text.index("سامر") + 4)
    index = SpanIndex([stored])
    proposals = recommended_entity_proposals("d", recs.suggest(text), index)
    assert [(text[p.start : p.end], p.label) for p in proposals] == [("بيروت", "GPE")]
    assert 0.0 < proposals[0].confidence <= 1.0
    assert pending(proposals, index, {proposals[0].key}) == []


def test_scores() -> None:
    s = score([(0, 3, "PERS"), (5, 8, "GPE")], [(0, 3, "PERS"), (5, 8, "ORG")])
    assert (s.precision, s.recall, s.f1) == (0.5, 0.5, 0.5)


@pytest.mark.shared
def test_learning_curve_on_a_small_wojood_split() -> None:
    from bench.learning_curve import evaluate, wojood_documents

    docs = wojood_documents()
    assert len(docs) > 150
    totals = evaluate(docs[:120], docs[-40:])
    both = totals["both"]
    assert both.gold > 0 and both.guessed > 0
    # Far better than chance on unseen segments, with the tagger adding recall to the names.
    assert both.f1 > 0.3
    assert totals["both"].recall >= totals["names"].recall
