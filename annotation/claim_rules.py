"""Rule-based claim suggestions: check-worthy sentences or clauses, their claimant and type.

A sentence (or, for long sentences, a clause) is proposed when it holds a number, a percentage
or a quantity attached to a verb of assertion/measure or a statistic noun; quotations holding
numbers; and attributed predictions or causal statements. See docs/quote_rules.md.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotation.arabic import COMMAS, QUOTE_CHARS, trim
from annotation.quote_rules import Lexicon, QuoteSuggestion, _Doc, suggest_quotes
from annotation.spans import Span
from annotation.suggestions import Agent, Range, Word, match_key, sentence_spans, words

QuoteLike = QuoteSuggestion | Span

_QUOTE_EDGES = "".join(sorted(QUOTE_CHARS | COMMAS)) + "()-\u2013\u2014:"


def _keys(text: str) -> frozenset[str]:
    return frozenset(match_key(w) for w in text.split())


_PERCENT_WORDS = _keys("المئة المائة بالمئة بالمائة بالمية المية")
_QUANTITY = _keys(
    "ألف آلاف ألفا الف الاف الفا مليون ملايين مليونا مليار مليارات عشرات مئات آلاف "
    "قتيلا قتيل قتلى مدنيا مدنيين مدنيون جريحا جرحى شخصا أشخاص اشخاص عنصرا عناصر طفلا "
    "طن كيلومترا كيلومتر كيلوغرام دولار دولارا يورو ليرة طلعة هدف جهازا غارة غارات"
)
_NUMBER_WORDS = _keys(
    "اثنان اثنين ثلاث ثلاثة أربع أربعة اربع اربعة خمس خمسة ست ستة سبع سبعة ثمان ثمانية تسع "
    "تسعة عشر عشرة عشرين ثلاثين أربعين خمسين مئة مائة ألفين الفي مئتين نصف ثلث ربع عشرات مئات"
)
_MAGNITUDE = _keys("ألف آلاف ألفا مليون ملايين مليونا مليار مليارات عشرات مئات")
_STAT_NOUNS = _keys(
    "عدد حصيلة نسبة معدل مجموع مجموعه إجمالي قرابة نحو حوالى حوالي أكثر أقل الأقل الاقل تقريبا"
)
_MEASURE_VERBS = _keys(
    "بلغ يبلغ بلغت تبلغ تجاوز تجاوزت يتجاوز ارتفع ارتفعت انخفض انخفضت قتل قتلوا قتلت أصيب اصيب "
    "أصيبوا اصيبوا سيطر يسيطر تسيطر يُسيطر نفذ نفذت دمر دمرت شن شنت استهدف استهدفت اختطف "
    "جند تملك يملك نقلت"
)
_EVENT_VERBS = _keys(
    "قتل قتلوا قتلت أصيب اصيب انفجر انفجرت استهدف استهدفت شن شنت سيطر سيطرت تبنى اختطف "
    "دمر دمرت أطلقت اطلقت هاجم هاجمت اعتقل"
)
_CAUSAL = _keys("بسبب نتيجة جراء إثر اثر بفعل نجم تسبب تسببت أدى ادى أدت ادت لأن لان بسببه")
_PREDICTION = _keys("سوف يتوقع تتوقع توقع المتوقع متوقع مرشحة مرشح سيؤدي ستؤدي")
_NOT_FUTURE = ("سيا", "سيط", "سير", "سيد", "سين", "ستي", "سته", "ستا", "سنو", "سنه", "سيو", "ستو")
_CONNECTORS = _keys("بينما حيث فيما")
_MONTHS = _keys(
    "العام عام يناير فبراير مارس أبريل ابريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر "
    "ديسمبر كانون شباط آذار نيسان أيار حزيران تموز آب أيلول ايلول تشرين"
)


@dataclass(frozen=True, slots=True)
class ClaimSuggestion:
    """One proposed claim: range, claimant (entity id / noun-phrase range / None), whether the
    article itself asserts it, proposed attributes and the quotation it sits in (if any)."""

    start: int
    end: int
    claimant: Agent
    claimant_article: bool
    attrs: Mapping[str, Any] = field(default_factory=dict)
    quote: QuoteLike | None = None
    reason: str = ""
    # how sure the rule is (0..1), shown with the suggestion and stored when it is accepted
    confidence: float = 0.5


def _is_future(key: str) -> bool:
    return len(key) >= 5 and key[0] == "س" and key[1] in "يتن" and not key.startswith(_NOT_FUTURE)


def _segments(text: str) -> list[Range]:
    """Sentences; sentences over 30 words are cut before بينما / حيث / فيما / في حين."""
    out: list[Range] = []
    for s, e in sentence_spans(text):
        ws = words(text, s, e)
        if len(ws) <= 30:
            out.append((s, e))
            continue
        cut = s
        for i, w in enumerate(ws):
            is_conn = w.key in _CONNECTORS or (
                w.key == "في" and i + 1 < len(ws) and ws[i + 1].key == "حين"
            )
            if is_conn and i > 3 and w.start - cut > 40:
                out.append((cut, w.start))
                cut = w.start
        out.append((cut, e))
    return [r for r in (trim(text, a, b, _QUOTE_EDGES) for a, b in out) if r[1] > r[0]]


def _is_date(text: str) -> bool:
    """A year (1975, 2014م, 1436هـ) or a date/time written with / or : — not a count."""
    if "/" in text or ":" in text:
        return True
    digits = text.rstrip("\u0645\u0647\u0640")  # م، هـ
    if len(digits) != 4 or not digits.isdigit():
        return False
    return digits[:2] in ("19", "20") or (digits[:2] == "14" and digits != text)


def _in_date(all_words: Sequence[Word], i: int) -> bool:
    """Word i is a piece of 7:30 or 10/4/1436 (the tokenizer splits at the punctuation)."""
    for step in (-1, 1):
        j = i + step
        if 0 <= j + step < len(all_words) and all_words[j].text in (":", "/"):
            if any(c.isdigit() for c in all_words[j + step].text):
                return True
    return False


def _features(text: str, start: int, end: int, lex: Lexicon) -> dict[str, bool]:
    all_words = words(text, start, end)
    digits = False
    for i, w in enumerate(all_words):
        if any(c.isdigit() for c in w.text):
            year = (
                len(w.text) == 4
                and w.text[:2] in ("19", "20")
                and i > 0
                and all_words[i - 1].key in _MONTHS
            )
            if not year and not _is_date(w.text) and not _in_date(all_words, i):
                digits = True
    ws = [w for w in all_words if not w.is_punct or w.text in "%\u066a"]
    keys = [w.key for w in ws]
    percent = any(w.text in "%\u066a" for w in ws) or any(k in _PERCENT_WORDS for k in keys)
    quantity = any(k in _QUANTITY for k in keys)
    number_word = any(k in _NUMBER_WORDS for k in keys)
    return {
        "numeric": digits
        or percent
        or (number_word and quantity)
        or any(k in _MAGNITUDE for k in keys),
        "percent": percent,
        "quantity": quantity,
        "stat_noun": any(k in _STAT_NOUNS for k in keys),
        "measure_verb": any(k in _MEASURE_VERBS for k in keys),
        "cue": any(lex.cue(k) is not None for k in keys),
        "event": any(k in _EVENT_VERBS for k in keys),
        "causal": any(k in _CAUSAL for k in keys),
        "prediction": any(k in _PREDICTION or _is_future(k) for k in keys),
    }


def _quote_range(q: QuoteLike) -> Range:
    if isinstance(q, QuoteSuggestion):
        return q.frame or q.content
    return (q.start, q.end)


def suggest_claims(
    text: str,
    quotes: Sequence[QuoteLike] = (),
    entities: Sequence[Span] = (),
    lexicon: Lexicon | None = None,
) -> list[ClaimSuggestion]:
    """Claim suggestions in reading order.

    quotes: quote suggestions or stored quote spans; when empty, suggest_quotes(text, entities)
    is run so claims inside quotations still get their speaker as claimant.
    """
    if not text.strip():
        return []
    lex = lexicon or Lexicon.load()
    qs: Sequence[QuoteLike] = quotes or suggest_quotes(text, entities, lex)
    doc = _Doc(text, entities, lex)
    out: list[ClaimSuggestion] = []
    for s, e in _segments(text):
        f = _features(text, s, e, lex)
        # a cue as the quote rules read it: an ambiguous form (أفاد نفسه، تابع) only with its
        # أن / colon / quotation mark, not any word of the lexicon
        f["cue"] = any(doc.cues[k] is not None for k in range(doc.word_index(s), doc.word_index(e)))
        container = _container(qs, s, e)
        attributed = f["cue"] or container is not None
        if f["numeric"] and (
            f["measure_verb"] or f["stat_noun"] or f["quantity"] or f["percent"] or f["cue"]
        ):
            ctype, reason = (
                "statistic",
                "number/quantity with a verb of assertion or a statistic noun",
            )
            worthy = (
                "yes"
                if (f["measure_verb"] or f["stat_noun"] or f["percent"] or f["quantity"])
                else "unsure"
            )
            conf = 0.6 if worthy == "yes" else 0.4
        elif f["numeric"] and container is not None:
            ctype, reason, worthy = "statistic", "number inside a quotation", "unsure"
            conf = 0.4
        elif f["prediction"] and attributed:
            ctype, reason, worthy = (
                "prediction",
                "attributed future statement (سـ، سوف، يتوقع)",
                "unsure",
            )
            conf = 0.35
        elif f["causal"] and attributed:
            ctype, reason, worthy = (
                "causal",
                "attributed causal statement (بسبب، نتيجة، أدى إلى)",
                "unsure",
            )
            conf = 0.35
        else:
            continue
        claimant, article, quote = _claimant(doc, qs, container, s, e)
        out.append(
            ClaimSuggestion(
                s,
                e,
                claimant,
                article,
                {
                    "checkworthy": worthy,
                    "type": ctype,
                    "claimant_article": "yes" if article else "no",
                },
                quote,
                reason,
                conf,
            )
        )
    return out


def _container(qs: Sequence[QuoteLike], s: int, e: int) -> QuoteLike | None:
    """The quotation the segment sits in (or that holds most of it)."""
    best, best_overlap = None, 0
    for q in qs:
        a, b = _quote_range(q)
        overlap = min(b, e) - max(a, s)
        if overlap > best_overlap and overlap * 2 >= (e - s):
            best, best_overlap = q, overlap
    return best


def _claimant(
    doc: _Doc, qs: Sequence[QuoteLike], container: QuoteLike | None, s: int, e: int
) -> tuple[Agent, bool, QuoteLike | None]:
    if isinstance(container, QuoteSuggestion) and container.speaker is not None:
        return container.speaker, False, container
    if container is not None:
        return None, False, container
    slo, shi = doc.sentence_of(s)
    for q in qs:
        if (
            isinstance(q, QuoteSuggestion)
            and q.cue
            and slo <= q.cue[0] < max(shi, e)
            and q.speaker is not None
        ):
            return q.speaker, False, None
    k0, k1 = doc.word_index(slo), doc.word_index(max(shi, e))
    for k in range(k0, k1):
        if doc.words[k].key in doc.lex.source_markers:
            np = doc.np_after(k, slo, max(shi, e))
            if np is not None:
                return doc.to_agent(np), False, None
        m = doc.cues[k]
        if m is not None and not m.ambiguous:
            sp = doc.speaker_for_cue(k, slo)
            if sp is not None and sp != "carry":
                return sp, False, None
    return None, True, None
