"""Quote suggestions: unit tests on hand-written sentences, and measured against the seed article."""

from __future__ import annotations

import re

import pytest

from annotation.arabic import trim
from annotation.quote_rules import Lexicon, QuoteSuggestion, find_quote_pairs, suggest_quotes
from annotation.spans import Span
from annotation.suggestions import agent_text, at_word_boundaries, sentence_spans
from tests.seed_quotes import ALL, GUILLEMETS, INDIRECT, STRAIGHT, UNMARKED, Gold


def content(text: str, s: QuoteSuggestion) -> str:
    return text[s.content[0] : s.content[1]]


def cue(text: str, s: QuoteSuggestion) -> str | None:
    return text[s.cue[0] : s.cue[1]] if s.cue else None


def only(text: str, **kw) -> QuoteSuggestion:
    found = suggest_quotes(text, **kw)
    assert len(found) == 1, [(content(text, s), s.reason) for s in found]
    return found[0]


# --- unit tests: patterns ---------------------------------------------------------------------
def test_cue_speaker_then_guillemets_is_direct() -> None:
    t = "وقال الوزير خالد سمير «سنفتح المعبر غدا»."
    s = only(t)
    assert content(t, s) == "سنفتح المعبر غدا"
    assert s.type == "direct"
    assert cue(t, s) == "وقال"
    assert agent_text(t, s.speaker) == "الوزير خالد سمير"


def test_content_then_cue_then_speaker() -> None:
    t = "«لن نتراجع عن قرارنا»، قال رئيس البلدية."
    s = only(t)
    assert content(t, s) == "لن نتراجع عن قرارنا"
    assert cue(t, s) == "قال"
    assert agent_text(t, s.speaker) == "رئيس البلدية"


def test_speaker_before_cue_indirect() -> None:
    t = "وكانت الشرطة المحلية أعلنت أن الطريق مغلق بسبب الثلوج."
    s = only(t)
    assert s.type == "indirect"
    assert content(t, s) == "الطريق مغلق بسبب الثلوج"
    assert agent_text(t, s.speaker) == "الشرطة المحلية"


def test_indirect_after_an_with_pronoun_and_clause_end() -> None:
    t = "وأكدت الوزارة إنها ستصرف الرواتب قريبا، لكن النقابة شككت في ذلك."
    s = only(t)
    assert s.type == "indirect"
    assert content(t, s) == "ستصرف الرواتب قريبا"
    assert cue(t, s) == "وأكدت"
    assert agent_text(t, s.speaker) == "الوزارة"


def test_mixed_fragment_inside_reported_speech() -> None:
    t = "وقال المتحدث إن الحكومة «لن تقبل أي شروط» في المفاوضات."
    s = only(t)
    assert s.type == "mixed"
    assert content(t, s) == "الحكومة «لن تقبل أي شروط» في المفاوضات"
    assert s.marks is not None and t[s.marks[0] : s.marks[1]] == "«لن تقبل أي شروط»"
    assert (
        s.frame is not None
        and t[s.frame[0] : s.frame[1]] == "الحكومة «لن تقبل أي شروط» في المفاوضات"
    )
    assert agent_text(t, s.speaker) == "المتحدث"


def test_cue_an_then_whole_quote_is_direct() -> None:
    t = "وقال الطبيب إن «الوضع الصحي مستقر»."
    s = only(t)
    assert s.type == "direct" and content(t, s) == "الوضع الصحي مستقر"


def test_colon_after_cue() -> None:
    t = 'وأضاف المدرب: "اللاعبون قدموا مباراة كبيرة".'
    s = only(t)
    assert content(t, s) == "اللاعبون قدموا مباراة كبيرة"
    assert s.type == "direct" and cue(t, s) == "وأضاف"
    assert agent_text(t, s.speaker) == "المدرب"


def test_unquoted_speech_after_colon() -> None:
    t = "وقال الرئيس: نحن مستعدون للحوار مع الجميع."
    s = only(t)
    assert s.type == "direct" and content(t, s).startswith("نحن مستعدون")
    assert agent_text(t, s.speaker) == "الرئيس"


@pytest.mark.parametrize(
    "verb", ["وقال", "فقال", "وأضاف", "فأضاف", "وأكدوا", "وقالت", "قالت", "أكدوا", "ويقول"]
)
def test_proclitic_and_inflected_cues(verb: str) -> None:
    t = f"{verb} المسؤولون «الوضع تحت السيطرة»."
    s = only(t)
    assert cue(t, s) == verb
    assert agent_text(t, s.speaker) == "المسؤولون"


def test_fima_qala() -> None:
    t = "ارتفعت الأسعار، فيما قال التجار إن الطلب تراجع كثيرا."
    s = only(t)
    assert cue(t, s) == "قال" and s.type == "indirect"
    assert agent_text(t, s.speaker) == "التجار"
    assert content(t, s) == "الطلب تراجع كثيرا"


def test_diacritics_and_tatweel_tolerated() -> None:
    t = "وقـــال الوزيرُ إنّ الخطةَ جاهزة."
    s = only(t)
    assert cue(t, s) == "وقـــال"
    assert content(t, s) == "الخطةَ جاهزة"


def test_participle_takes_the_subject_of_the_main_verb() -> None:
    # (without a POS tagger the subject phrase would run on into a bare object: "حداد الحكومة")
    t = "وانتقد النائب سامي حداد في جلسة البرلمان أداء الحكومة، مؤكدا أن «الفساد مستشر»."
    s = only(t)
    assert cue(t, s) == "مؤكدا"
    assert agent_text(t, s.speaker) == "النائب سامي حداد"


def test_pronoun_subject_inherits_previous_speaker() -> None:
    t = "وقال المدير العام إن الشركة رابحة. وأضاف «سنوظف مئة عامل»."
    found = suggest_quotes(t)
    assert [x.type for x in found] == ["indirect", "direct"]
    assert agent_text(t, found[1].speaker) == "المدير العام"
    assert "carried over" in found[1].reason


def test_speaker_is_a_tagged_entity_when_available() -> None:
    t = "وقال وزير المالية سامر علي «الموازنة متوازنة»."
    start = t.index("سامر علي")
    ent = Span("e1", "d", "entity", "PERS", start, start + len("سامر علي"))
    occ = Span("e2", "d", "entity", "OCC", t.index("وزير"), t.index("وزير") + len("وزير المالية"))
    s = only(t, entities=[occ, ent])
    assert s.speaker == "e1"


def test_guillemets_are_told_apart_by_code_point_not_glyph() -> None:
    # U+00BB first, then U+00AB: a closer with no opener, then an unclosed opener
    t = "قال الناطق \u00bbنص\u00ab آخر"
    pairs = find_quote_pairs(t)
    assert [(p.open, p.close) for p in pairs] == [(t.index("\u00ab"), None)]


def test_nested_quotes() -> None:
    t = "وقال الشاهد «سمعته يقول ‹اهربوا› ثم ركض»."
    found = suggest_quotes(t)
    outer = [s for s in found if s.confidence >= 0.5]
    assert len(outer) == 1 and content(t, outer[0]) == "سمعته يقول ‹اهربوا› ثم ركض"
    inner = [s for s in found if content(t, s) == "اهربوا"]
    assert inner and inner[0].speaker is None


def test_single_guillemets_and_curly_quotes() -> None:
    t1 = "وقال المهندس ‹الجسر آمن تماما›."
    t2 = "وقال المهندس “الجسر آمن تماما”."
    for t in (t1, t2):
        s = only(t)
        assert content(t, s) == "الجسر آمن تماما" and agent_text(t, s.speaker) == "المهندس"


def test_straight_quotes_paired_by_position() -> None:
    t = 'وصف الوزير الهجوم ب"الجبان" وقال إن "الرد سيكون حازما وسريعا".'
    pairs = find_quote_pairs(t)
    assert [(t[p.open + 1 : p.close]) for p in pairs] == ["الجبان", "الرد سيكون حازما وسريعا"]
    found = suggest_quotes(t)
    texts = [content(t, s) for s in found]
    assert "الرد سيكون حازما وسريعا" in texts


def test_straight_quote_with_inner_spaces() -> None:
    t = 'وقال القائد: " لن ننسحب من المدينة ".'
    s = only(t)
    assert content(t, s) == "لن ننسحب من المدينة"


@pytest.mark.parametrize(
    "text",
    [
        "وقال الوزير «بداية بلا نهاية",
        "نهاية بلا بداية» قال الوزير",
        'قال "واحد "اثنان" ثلاثة',
        "«««",
        "»»» «",
        '"',
        "",
        "   \n\n  ",
        "قال",
        "وقال إن",
        "«‹“نص”›»",
    ],
)
def test_unbalanced_and_odd_input_never_crashes(text: str) -> None:
    for s in suggest_quotes(text):
        assert 0 <= s.content[0] < s.content[1] <= len(text)
        assert at_word_boundaries(text, *s.content)


def test_unclosed_guillemet_is_proposed_with_low_confidence() -> None:
    t = "وقال الوزير «بداية بلا نهاية\nسطر آخر"
    s = [x for x in suggest_quotes(t) if x.marks]
    assert len(s) == 1 and content(t, s[0]) == "بداية بلا نهاية" and s[0].confidence < 0.5


def test_titles_in_guillemets_are_not_quotes() -> None:
    t = "وقالت الكاتبة لصحيفة «الأيام» إن الرواية اكتملت."
    s = only(t)
    assert content(t, s) == "الرواية اكتملت" and s.type == "indirect"


def test_names_in_straight_quotes_are_not_quotes() -> None:
    t = 'وتبنى تنظيم "الجماعة" الهجوم بحسب "المرصد الوطني".'
    assert suggest_quotes(t) == []


def test_ambiguous_form_needs_context() -> None:
    # تابع = "belonging to" here: no complementiser, colon or quote after it
    assert suggest_quotes("دمرت الطائرات مخزنا تابع للجماعة.") == []
    t = "وتابع الوزير أن العمل مستمر."
    s = only(t)
    assert cue(t, s) == "وتابع"


def test_modal_an_is_not_a_complementiser() -> None:
    assert suggest_quotes("وقال الطلاب في الجامعة يجب أن نتعلم.") == []


def test_custom_lexicon() -> None:
    lex = Lexicon.from_dict(
        {
            "lemmas": {"همس": {"forms": ["همس"], "participles": []}},
            "complementizers": ["أن"],
            "complementizer_suffixes": [""],
        }
    )
    t = "همس الطفل أن الباب مفتوح."
    assert only(t, lexicon=lex).cue == (0, 3)
    assert suggest_quotes("قال الطفل أن الباب مفتوح.", lexicon=lex) == []


def test_sentence_split_keeps_decimals_and_quoted_periods() -> None:
    t = "بلغ النمو 3.5 في المئة. وقال «أولا. ثانيا.» ثم غادر"
    q = [p.outer for p in find_quote_pairs(t)]
    spans = [t[a:b] for a, b in sentence_spans(t, q)]
    assert spans == ["بلغ النمو 3.5 في المئة.", "وقال «أولا. ثانيا.»", "ثم غادر"]


# --- the seed article -------------------------------------------------------------------------
def gold_start(seed: str, g: Gold) -> tuple[int, int | None]:
    kind, first, last = g[0], g[1], g[2]
    if kind in ("«", '"'):
        hits = [
            m.start() + 1 for m in re.finditer(re.escape(kind) + r"\s*" + re.escape(first), seed)
        ]
        assert len(hits) == 1, (first, len(hits))
        start = hits[0]
        while seed[start].isspace():
            start += 1
        end = seed.index(last, start) + len(last)
        return start, end
    pre, _, anchor = first.rpartition("|")  # "context|anchor" when the anchor alone repeats
    assert seed.count(pre + anchor) == 1, (first, seed.count(pre + anchor))
    return seed.index(pre + anchor) + len(pre), None


def matches(seed: str, g: Gold, s: QuoteSuggestion) -> bool:
    start, end = gold_start(seed, g)
    if g[0] in ("«", '"'):
        # a mixed quote is its whole reported clause; its quoted words are between its marks
        inner = trim(seed, s.marks[0] + 1, s.marks[1] - 1) if s.marks else None
        return s.content == (start, end) or inner == (start, end)
    if g[0] == "indirect":
        return s.content[0] == start or (s.frame is not None and s.frame[0] == start)
    return s.content[0] == start and s.marks is None


def speaker_ok(seed: str, g: Gold, s: QuoteSuggestion, entities: list[Span]) -> bool:
    got = agent_text(seed, s.speaker, entities)
    if not g[3]:
        return not got
    return bool(got) and any(name in got or got in name for name in g[3])


GAZETTEER = {
    "PERS": "بوتين فلاديمير_بوتين كيري جون_كيري بيسكوف ديمتري_بيسكوف تونر مارك_تونر لافروف "
    "سيرغي_لافروف ميركل انجيلا_ميركل أنجيلا_ميركل فالس مانويل_فالس شويغو سيرغي_شويغو الأسد "
    "بشار_الأسد رامي_عبدالرحمن رامي_عبد_الرحمن ستيف_وارن بريت_ماكغورك سلمان الملك_سلمان "
    "رياض_حجاب حجاب طلال_برزي ريدور_خليل خليل",
    "ORG": "الكرملين وزارة_الخارجية_الأميركية وزارة_الخارجية_الروسية وزارة_الخارجية_السورية "
    "المرصد المرصد_السوري_لحقوق_الانسان المرصد_السوري_لحقوق_الإنسان وزارة_الدفاع سانا "
    "الائتلاف_الدولي التنظيم",
    "GPE": "روسيا سوريا الولايات_المتحدة موسكو دمشق بريطانيا واشنطن",
}


def gazetteer_entities(text: str) -> list[Span]:
    cands: list[tuple[int, int, str]] = []
    for label, names in GAZETTEER.items():
        for name in names.split():
            name = name.replace("_", " ")
            for m in re.finditer(r"(?<![\w])" + re.escape(name) + r"(?![\w])", text):
                cands.append((m.start(), m.end(), label))
    cands.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    out: list[Span] = []
    last_end = -1
    for i, (s, e, label) in enumerate(cands):
        if s >= last_end:
            out.append(Span(f"g{i}", "seed", "entity", label, s, e))
            last_end = e
    return out


def evaluate(seed: str, entities: list[Span]) -> dict[str, object]:
    found = suggest_quotes(seed, entities)
    report: dict[str, object] = {"suggestions": len(found)}
    matched_any = set()
    for name, gold in (
        ("guillemets", GUILLEMETS),
        ("straight", STRAIGHT),
        ("indirect", INDIRECT),
        ("unmarked", UNMARKED),
    ):
        hit = spk = typ = 0
        misses = []
        for g in gold:
            cands = [s for s in found if matches(seed, g, s)]
            if not cands:
                misses.append(g[1])
                continue
            hit += 1
            matched_any.update(id(s) for s in cands)
            spk += any(speaker_ok(seed, g, s, entities) for s in cands)
            typ += any(
                s.type == g[4] or (g[0] == "indirect" and s.type in ("indirect", "mixed"))
                for s in cands
            )
        report[name] = {
            "gold": len(gold),
            "found": hit,
            "recall": hit / len(gold),
            "speaker_ok": spk,
            "speaker_acc": spk / max(1, hit),
            "type_ok": typ,
            "misses": misses,
        }
    for s in found:
        if any(matches(seed, g, s) for g in ALL):
            matched_any.add(id(s))
    report["precision"] = len(matched_any) / max(1, len(found))
    report["recall"] = sum(
        r["found"] for r in (report[n] for n in ("guillemets", "straight", "indirect", "unmarked"))
    ) / len(ALL)  # type: ignore[index]
    report["unmatched"] = [
        seed[s.content[0] : s.content[0] + 40] for s in found if id(s) not in matched_any
    ]
    return report


@pytest.mark.shared
def test_gold_anchors_are_unique_in_the_seed(seed_text: str) -> None:
    # one «…» of the article is a newspaper's name, not a quotation (seed_quotes.NOT_QUOTES)
    assert len(GUILLEMETS) == seed_text.count("\u00ab") - 1 == 19
    for g in ALL:
        gold_start(seed_text, g)


@pytest.mark.shared
@pytest.mark.parametrize("tagged", [False, True], ids=["no-entities", "gazetteer-entities"])
def test_seed_guillemet_recall_and_speakers(seed_text: str, tagged: bool) -> None:
    entities = gazetteer_entities(seed_text) if tagged else []
    rep = evaluate(seed_text, entities)
    print(f"\nseed quotes ({'gazetteer entities' if tagged else 'no entities'}):")
    for k, v in rep.items():
        print(f"  {k}: {v}")
    g = rep["guillemets"]
    assert g["recall"] == 1.0, g["misses"]  # type: ignore[index]
    assert g["speaker_acc"] >= 0.8  # type: ignore[index]
    # floors a little under the measured figures (docs/quote_rules.md), so regressions fail
    assert rep["straight"]["recall"] >= 0.9  # type: ignore[index]
    assert rep["straight"]["speaker_acc"] >= 0.85  # type: ignore[index]
    assert rep["indirect"]["recall"] >= 0.85  # type: ignore[index]
    assert rep["precision"] >= 0.85


@pytest.mark.shared
def test_seed_no_suggestion_inside_a_word(seed_text: str) -> None:
    for entities in ([], gazetteer_entities(seed_text)):
        for s in suggest_quotes(seed_text, entities):
            for rng in (
                s.content,
                s.cue,
                s.frame,
                s.speaker if isinstance(s.speaker, tuple) else None,
            ):
                if rng is None:
                    continue
                a, b = rng
                assert a == 0 or not seed_text[a - 1].isalnum() or not seed_text[a].isalnum(), (
                    rng,
                    seed_text[a - 5 : b],
                )
                assert (
                    b == len(seed_text)
                    or not seed_text[b].isalnum()
                    or not seed_text[b - 1].isalnum()
                ), (rng, seed_text[a : b + 5])


@pytest.mark.shared
def test_seed_guillemet_types_and_cues(seed_text: str) -> None:
    found = suggest_quotes(seed_text)
    by_start = {(s.marks[0] + 1 if s.marks else s.content[0]): s for s in found}
    for g in GUILLEMETS:
        start, _ = gold_start(seed_text, g)
        s = by_start[start]
        assert s.type == g[4], (g[1], s.type, s.reason)
        if g[3]:
            assert s.cue is not None, g[1]
