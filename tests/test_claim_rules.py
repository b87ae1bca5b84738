"""Claim suggestions: hand-written sentences and the seed article."""

from __future__ import annotations

import pytest

from annotation.claim_rules import ClaimSuggestion, suggest_claims
from annotation.quote_rules import suggest_quotes
from annotation.spans import Span
from annotation.suggestions import agent_text, at_word_boundaries


def texts(t: str, claims: list[ClaimSuggestion]) -> list[str]:
    return [t[c.start : c.end] for c in claims]


def test_statistic_with_percentage_is_checkworthy() -> None:
    t = "ارتفع معدل البطالة إلى 12 في المئة خلال العام. وزار الوزير المدينة."
    claims = suggest_claims(t)
    assert texts(t, claims) == ["ارتفع معدل البطالة إلى 12 في المئة خلال العام."]
    c = claims[0]
    assert c.attrs["type"] == "statistic" and c.attrs["checkworthy"] == "yes"
    assert c.claimant is None and c.claimant_article and c.attrs["claimant_article"] == "yes"


@pytest.mark.parametrize(
    "sentence",
    [
        "قتل ٣٥ مدنيا في القصف.",
        "بلغت نسبة المشاركة 40٪ في الانتخابات.",
        "وصل عدد النازحين إلى عشرات الآلاف.",
        "تجاوزت الخسائر مليار دولار هذا العام.",
        "وأصيب ثلاثة أشخاص بجروح.",
    ],
)
def test_numbers_and_quantities(sentence: str) -> None:
    claims = suggest_claims(sentence)
    assert len(claims) == 1 and claims[0].attrs["type"] == "statistic"


def test_no_claim_without_number_or_attribution() -> None:
    assert suggest_claims("زار الوزير المدينة وتفقد الأسواق. ثم عاد إلى العاصمة.") == []


def test_decimal_point_does_not_split_a_sentence() -> None:
    t = "بلغ النمو 3.5 في المئة العام الماضي."
    assert texts(t, suggest_claims(t)) == [t]


def test_year_alone_is_not_a_statistic() -> None:
    assert suggest_claims("زار الرئيس المدينة في العام 2014.") == []


def test_claimant_from_cue_and_quote() -> None:
    t = "وقال وزير الصحة إن 200 إصابة سجلت أمس. وأضاف «سنفتح مستشفى جديدا الشهر المقبل»."
    claims = suggest_claims(t)
    assert [c.attrs["type"] for c in claims] == ["statistic", "prediction"]
    assert agent_text(t, claims[0].claimant) == "وزير الصحة"
    assert not claims[0].claimant_article
    assert claims[1].quote is not None
    assert agent_text(t, claims[1].claimant) == "وزير الصحة"


def test_causal_attributed_statement() -> None:
    t = "وقال المزارعون إن المحصول تراجع بسبب الجفاف."
    claims = suggest_claims(t)
    assert len(claims) == 1 and claims[0].attrs["type"] == "causal"
    assert agent_text(t, claims[0].claimant) == "المزارعون"


def test_source_marker_gives_claimant_and_entity_is_used() -> None:
    t = "قتل 12 شخصا في الانفجار بحسب الدفاع المدني."
    s = t.index("الدفاع المدني")
    ent = Span("o1", "d", "entity", "ORG", s, s + len("الدفاع المدني"))
    claims = suggest_claims(t, entities=[ent])
    assert len(claims) == 1 and claims[0].claimant == "o1"


def test_given_quotes_are_used_and_spans_accepted() -> None:
    t = "قال الشاهد «رأيت 5 سيارات محترقة»."
    q = Span("q1", "d", "quote", "QUOTE", t.index("رأيت"), t.index("»"))
    claims = suggest_claims(t, quotes=[q])
    assert len(claims) == 1 and claims[0].quote is q


def test_long_sentence_split_into_clauses() -> None:
    t = (
        "وقال المتحدث باسم الوزارة في مؤتمر صحافي عقده مساء اليوم في العاصمة إن الوضع الأمني "
        "في المحافظات الشمالية يتحسن تدريجيا منذ أسابيع عدة، بينما بلغ عدد العائدين إلى منازلهم "
        "قرابة 40 ألف شخص وفق الأرقام الرسمية."
    )
    claims = suggest_claims(t)
    assert len(claims) == 1
    assert t[claims[0].start : claims[0].end].startswith("بينما بلغ عدد العائدين")


@pytest.mark.shared
def test_seed_claims(seed_text: str) -> None:
    claims = suggest_claims(seed_text)
    spans = texts(seed_text, claims)
    control = [x for x in spans if "يُسيطر تنظيم" in x and "70 في المئة" in x]
    assert len(control) == 1
    killed = [c for c in claims if "26 مدنيا على الاقل قتلوا" in seed_text[c.start : c.end]]
    assert len(killed) == 1 and killed[0].attrs["type"] == "statistic"
    assert "المرصد" in agent_text(seed_text, killed[0].claimant)
    for c in claims:
        assert at_word_boundaries(seed_text, c.start, c.end)
        assert c.attrs["type"] in ("statistic", "event", "causal", "prediction", "other")
        assert c.attrs["checkworthy"] in ("yes", "unsure")
    print(
        f"\nseed claims: {len(claims)} suggested, "
        f"{sum(c.attrs['checkworthy'] == 'yes' for c in claims)} check-worthy, "
        f"{sum(c.claimant_article for c in claims)} asserted by the article"
    )


@pytest.mark.shared
def test_seed_claims_reuse_given_quotes(seed_text: str) -> None:
    quotes = suggest_quotes(seed_text)
    assert texts(seed_text, suggest_claims(seed_text, quotes)) == texts(
        seed_text, suggest_claims(seed_text)
    )


def test_a_year_or_a_date_is_not_a_statistic() -> None:
    # a credit line of a film review: the year is no count
    assert suggest_claims("إخراج: سامر الخطيب\nدراما عائلية / الأردن ـ 2015") == []
    t = "وقال المدير إن المصنع افتتح في 1436هـ وإن العمال يبدؤون الساعة 7:30 صباحاً."
    assert suggest_claims(t) == []
    # a count next to a year still is one
    t = "وقال المدير إن المصنع وظّف 1450 عاملاً في 2014."
    assert [c.attrs["type"] for c in suggest_claims(t)] == ["statistic"]
