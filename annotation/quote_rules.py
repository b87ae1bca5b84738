"""Rule-based quote suggestions for Arabic news text: quoted content, cue verb, speaker, type.

Pipeline (see docs/quote_rules.md):
1. pair quotation marks per paragraph: « » ‹ › “ ” by code point (U+00AB always opens, U+00BB
   always closes, whatever the glyph looks like on screen), straight " by left/right context;
2. for each pair, find the nearest cue verb before it in the sentence (or right after it), its
   speaker (noun phrase or tagged entity) and the type (direct / mixed);
3. indirect speech: cue verb + أن/إن/ان (+ pronoun) → the clause after the complementiser;
4. a cue followed by a colon and unquoted text → direct speech to the end of the sentence;
5. cues without an explicit subject (وقال إن، وأضاف «) inherit the last speaker of the paragraph.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from annotation.arabic import COMMAS as _COMMAS
from annotation.arabic import QUOTE_CHARS, TASHKEEL, TATWEEL, trim
from annotation.arabic import QUOTE_CLOSERS as CLOSERS
from annotation.arabic import QUOTE_PAIRS as DIRECTIONAL
from annotation.arabic import STRAIGHT_QUOTE as STRAIGHT
from annotation.spans import Span
from annotation.suggestions import (
    Agent,
    Range,
    Word,
    match_key,
    paragraph_spans,
    sentence_spans,
    words,
)

LEXICON_PATH = Path(__file__).resolve().parent.parent / "resources" / "cue_verbs.json"
SPEAKER_LABELS = ("PERS", "ORG", "OCC", "NORP", "GPE")
_LABEL_RANK = {"PERS": 0, "ORG": 1, "OCC": 2, "GPE": 3, "NORP": 4}

RIGHT_DOUBLE = "\u201d"
_OPEN_BEFORE = frozenset("([{:\u00ab-\u2013\u2014/")
_PROCLITIC_LETTERS = frozenset("\u0628\u0643\u0644\u0648\u0641")  # ب ك ل و ف

# sixth session: the manner of speaking (قال بحماس:، وقال المدرب بثقة:) is no speaker, and no
# ب phrase naming what the quotation is (يرد بسرعة: «…» is speech)
_MANNER = frozenset(
    match_key(w)
    for w in (
        "بحماس بثقة بحزن بسرعة بغضب بهدوء بفخر بصراحة بحسرة بمرارة بألم بأسى بسعادة بفرح "
        "بابتسامة بصوت بنبرة بلهجة بتأثر بانفعال بحدة بوضوح بتفاؤل بحرقة بدهشة باستغراب "
        "بسخرية بتواضع بجدية بحزم باختصار بقلق بأسف بغيظ بتحد بامتعاض بارتياح بإصرار"
    ).split()
)
_STOP = (
    frozenset(
        match_key(w)
        for w in (
            "في على من إلى الى عن مع عبر خلال بعد قبل حول أمام لدى منذ ضد بين حتى عند نحو ثم "
            "لكن لكنه لكنها بينما فيما حيث كما إذا إذ قد لا لم لن ما هل أو أم و ف "
            "الذي التي الذين اللذين اللتين اللواتي "
            "أيضا بدوره بدورها جانبه جانبها جهته جهتها أمس اليوم غدا الليلة صباح مساء "
            "السبت الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة "
            "بعض كل جميع أي هذا هذه ذلك تلك هناك هنا "
            "مضى ومضى مضت ومضت راح وراح راحت وراحت "  # sixth session: ومضى يقول إن…: went on to say
            "كان كانت وكان وكانت فكان يكون تكون بما مما ومما عما لها له طلب طالبا طالبة رفض مفضلا متحدثا متحدثة بقوله بقولها فإن فان مقتل مصرع وقوع سقوط "
            "لوكالة لصحيفة لقناة لمجلة لموقع لشبكة لإذاعة لتلفزيون للصحافيين للصحفيين للصحافة للتلفزيون "
            "لـ ل بـ ب فيه فيها فيهم فيهما له لهم لهما لنا لي عليه عليها عليهم منه منها منهم عنه عنها "
            "عنهم إليه إليها إليهم اليه اليها معه معها معهم بعدما وبعدما عندما وعندما حينما وحينما "
            "كلما لما ولما فلما هل فهل وهل ألا الا ربما لعل إنه انه إنها انها والذي والتي والذين "
            "كذلك وكذلك أنه أنها أيضاً مؤخرا حاليا سابقا لاحقا مجددا فقد فإن فانه فإنه أما وأما "
            # second session: a conjunction, a circumstantial وهو, the object of أكد/لفت (a
            # masdar), media after ل (the outlet spoken to) are no part of the speaker
            "أنا انا نحن ونحن إننا اننا إنني انني وفي وعن وعلى ومع وإلى والى حين وحين منهن ولكن ولكنه ولكنها لأن لان لأنه لانه وهو وهي وهم أهمية ضرورة حرص عزم استعداد ترحيب تقدير اعتزاز "
            "الانتباه النظر لراديو لمحطة لوكالات لصحف للإذاعة لمراسل لمراسلي للقناة للموقع "
            # fifth session: time prepositions open a circumstance (وقال فلان عقب المباراة إن…)
            "عقب إثر اثر أثناء اثناء إبان ابان فور القول لقد ولقد "
            # sixth session (dev8 round, from unannotated articles): conjunctions with و,
            # particles and adverbs that were proposed as speakers (ومن قال…، وهذا يؤكد،
            # قالت مرة:، كانوا يقولون)
            "ومن وما وهذا وإن وان وأن بل كأنه وكأنه كانوا وكانوا مرة حينها كلها كيف أين "
            # the masdar object of a denial (ونفى فلان ارتكاب أي خطأ، نفى صحة…، وجود…)
            "ارتكاب صحة وجود تورط حدوث إشادة قصارى "
            # verbs of coming and starting that follow a subject (الفنان فلان بدأ حديثه…،
            # خطاب فلان جاء ليبعد…)
            "جاء جاءت بدأ بدأت"
        ).split()
    )
    | _MANNER
)
_OPENERS = frozenset(
    match_key(w)
    for w in (
        "على وعلى صعيد آخر اخر متصل من ومن جهة جهة أخرى ثانية جهته جهتها جانبه جانبها إلى وإلى "
        "ذلك في وفي الأثناء غضون هذا وهذا أمنيا أمنياً كما "
        "سياق وسياق منفصل مختلف مماثل "  # في سياق منفصل، وجه النائب…: not the subject
        "بدوره بدورها وبدوره وبدورها"  # sixth session: بدوره، أعلن فلان…
    ).split()
)
_STATEMENT_NOUNS = frozenset(
    match_key(w)
    for w in "تصريح تصريحات حديث حديثه حديثها بيان مؤتمر كلمة كلمته كلمتها لقاء مقابلة اتصال".split()
)
_STATEMENT_ADJ = frozenset(
    match_key(w)
    for w in "صحفي صحافي صحفية صحافية خاص خاصة هاتفي له لها أمس اليوم منفصل منفصلة".split()
)
_IMPERSONAL = frozenset(
    match_key(w) for w in "يذكر يرجح يتوقع يعتقد يفترض يعتبر يرى ينتظر يقدر يعرف".split()
)
_STOCK_ADVERBS = frozenset(match_key(w) for w in "هنا وهنا أيضا أيضاً كذلك وكذلك".split())
_DENIAL_LEMMAS = frozenset(("نفى", "اتهم", "ندد", "وصف", "زعم", "ادعى"))
_RUMOUR_NOUNS = frozenset(
    match_key(w)
    for w in (
        "مزاعم المزاعم ادعاءات الادعاءات أنباء الأنباء تقارير التقارير شائعات الشائعات إشاعات "
        "الإشاعات اتهامات الاتهامات أقاويل الأقاويل أخبار الأخبار معلومات المعلومات روايات"
    ).split()
)
_NOT_SPEAKERS = frozenset(match_key(w) for w in "رابط المصدر الرابط اقرأ شاهد".split())
_LINKING_VERBS = frozenset(
    match_key(w) for w in "جاء جاءت كان كانت يكون تكون أصبح أصبحت بات باتت ظل يأتي تأتي".split()
)
_NAMING_VERBS = frozenset(
    match_key(w) for w in "أسماه أسمته سماه سمته وصفه وصفته وصفها يسميه تسميه أسماها".split()
)
_NP_MAX = 9  # words in a speaker phrase (titles and name: الدكتور فلان رئيس لجنة كذا)
_DASHES = frozenset("-\u2013\u2014\u0640")
_NOT_HEADLINE_SPEAKERS = frozenset(
    match_key(w)
    for w in (
        "بالفيديو بالصور فيديو صور شاهد عاجل بسبب بعد قبل خلال رغم مع في عن من إلى على حول "
        "بين لأجل تعرف إليك هكذا "
        # credit and data lines of reviews and listings (إخراج: فلان), not speakers
        "إخراج تأليف بطولة تمثيل إنتاج سيناريو تصوير ترجمة إعداد تقديم كتابة تحرير تنفيذ "
        "ألحان كلمات غناء مونتاج الصورة المكان الزمان الموعد التاريخ العنوان السعر "
        # sixth session: ordinals of a list (أولا: …، ثانيا: …) and a data line's name
        "أولا أولاً ثانيا ثالثا رابعا خامسا سادسا سابعا ثامنا تاسعا عاشرا أخيرا اسم"
    ).split()
)
_OWN_WORDS = frozenset(match_key(w) for w in "تعبيره تعبيرها قوله قولها وصفه وصفها".split())
_NAMING_LEMMAS = frozenset(("وصف", "اعتبر", "اتهم", "ندد"))
CARRY_PARAGRAPHS = 2  # how many paragraph breaks a speaker is carried across
_HONORIFIC_PRONOUNS = frozenset(
    match_key(w)
    for w in "معاليه سموه سعادته فضيلته سماحته دولته جلالته فخامته معاليها سموها".split()
)
_SUBJECT_OPENERS = frozenset(match_key(w) for w in "لكن ولكن إلا أن و ف".split())
_BETWEEN = frozenset(
    match_key(w) for w in "بين بينه بينها بينهم بينهما بيني بيننا بينك بينكم".split()
)
_BETWEEN_REACH = 6  # بين الإدارة الهلالية والشرفيين المعارضين وبين…
_RELATIVES = frozenset(match_key(w) for w in "الذي التي الذين اللذين اللتين".split())
_MODALS = frozenset(
    match_key(w)
    for w in (
        "يجب يمكن يمكنها يمكنه ينبغي بد يجوز عليه عليها علينا يريد تريد نريد قبل بعد منذ "
        "سيما رغم برغم مجرد لمجرد طالما لولا يعني تعني "  # ولا سيما أن، رغم أن: not a complement of the cue
        "أهمية ضرورة "  # لفت إلى أهمية أن تتسق…: a call, not what was said
        # third session: إلا أن is "however"; أن after a verb of trying, being able or wanting
        # is a subjunctive "to" (فتحاول أن تتذكر…), not a reported clause
        "إلا يحاول تحاول نحاول حاول حاولت يستطيع تستطيع نستطيع استطاع يود تود نود أراد أرادت "
        # sixth session (dev6): conjunctions made with أن (علماً بأن، مع العلم أن، غير أن،
        # حيث أن، إذ أن، بما أن، كون أن) open the writer's aside, not the cue's clause
        "علما العلم غير حيث إذ بما كون"
    ).split()
)
_AMMA = frozenset(match_key(w) for w in ("أما", "وأما"))
_CLAUSE_CONNECTORS_BEFORE_SUBJECT = frozenset(match_key(w) for w in "لكن ولكن بينما فيما".split())
_FRONTED_PREPOSITIONS = frozenset(
    match_key(w) for w in "في وفي خلال وخلال منذ ومنذ بعد وبعد قبل وقبل مع ومع".split()
)
_MENTION_PREPOSITIONS = frozenset(match_key(w) for w in "على عند بعد دون قبل مع لدى".split())
_TO_PRONOUNS = ("له", "لها", "لي", "لنا", "لهم")
_PRONOUN_PPS = frozenset(
    match_key(w) for w in "عنه عنها عنهم فيه فيها فيهم فيهما عليه عليها منه منها".split()
)
_PREPOSITIONS = frozenset(
    match_key(w)
    for w in "في عن على من إلى الى مع عبر لدى ضد حول نحو عند بين وفي وعن وعلى ومع وإلى والى".split()
)
# words opening a circumstance between a subject and its verb (فلان خلال استجوابه … أكد)
_CIRCUMSTANCE_OPENERS = frozenset(
    match_key(w) for w in "خلال أثناء اثناء عقب إثر اثر لدى بعد قبيل".split()
)
# verbs of contacting or questioning someone, whose answer a later فـ/حيث cue reports
_CONTACT_VERBS = frozenset(
    match_key(w)
    for w in (
        "تواصلت تواصل تواصلنا اتصلت اتصل اتصلنا سألت سأل سألنا التقت التقى التقينا حاورت حاور "
        "استجوبت استجوب استوضحت استوضح"
    ).split()
)
_SUBORDINATORS = frozenset(match_key(w) for w in "حيث إذ اذ عندما حينما بعدما كما وكما حين".split())
# a cue right after these is hypothetical or negated, not reported speech (أن تقول، لم يقل)
_NOT_REPORTING_BEFORE = frozenset(
    match_key(w)
    for w in (
        "أن ان لن لم لا ألا الا ولا ولم ولن فلا فلم عدم بعدم كأن وكأن كأنه وكأنه كأنها "
        "وكأنها كأنهم وكأنهم"
    ).split()
)
_KANA = frozenset("كان وكان فكان".split())  # as written, bare alef
_TEMPORAL_BEFORE_AN = frozenset(match_key(w) for w in "بعد قبل منذ وبعد وقبل".split())
_TASHKEEL_CHARS = "".join(sorted(TASHKEEL))
_NO_TASHKEEL = str.maketrans("", "", _TASHKEEL_CHARS + "\u0640")
_NAMING_WORDS = frozenset(
    match_key(w)
    for w in (
        "بعنوان عنوان اسم باسم يسمى تسمى المسمى المسماة شعار بشعار مقولة المقولة بالمقولة "
        "المثل بالمثل"
    ).split()
)
# impersonal "they say" opening a sentence with no subject: a saying, not a source
# confidence of a doubtful class (stray unclosed marks, fragments nested in a quotation,
# mid-sentence quotations with no cue, quoted subjects): below DEFAULT_MIN_CONFIDENCE
DOUBTFUL = 0.15
_PLAIN_COMPLEMENTIZERS = frozenset(match_key(w) for w in "أن إن بأن وأن".split())
_IMPERSONAL_SAY = frozenset(match_key(w) for w in "يقولون يقال ويقال".split())
_PRAYER_AFTER_INNAHU = frozenset(match_key(w) for w in "سميع".split())
_EULOGY = frozenset(match_key(w) for w in "السلام الصلاة الصلاه".split())
_DOCUMENT_PPS = frozenset(match_key(w) for w in "فيه فيها".split())  # بيانا أعلنت فيه
_TOPIC_PREPOSITIONS = frozenset(
    match_key(w) for w in "حول وحول بشأن وبشأن عن وعن إلى والى وإلى ل ول وعلى بخصوص وبخصوص".split()
)
_DOCUMENT_NOUNS = frozenset(
    match_key(w)
    for w in (
        "بيان بيانا بياناً تغريدة كلمة كلمته رسالة رسالته تقرير تقريرا حديث حديثا حديثاً "
        "منشور منشورا مقال مقالا تصريح تصريحا خطاب خطابا برقية مقطع فيديو تسجيل"
    ).split()
)
# unquoted direct speech opens with the speaker's own pronoun (فيقول سعيد نحن…)
_SPEECH_OPENING_PRONOUNS = frozenset(
    match_key(w) for w in "أنا انا نحن ونحن إننا اننا إنني انني".split()
)
_WRITTEN = frozenset(
    match_key(w)
    for w in (
        "بيان بيانها بيانه تقرير تقريرها تقريره رسالة رسالته رسالتها كلمة كلمته كلمتها تغريدة "
        "تغريدته نص خطاب "
        "قرار صفحة حساب موقع دعوة وثيقة"  # sixth session: وجاء على صفحة الاتحاد "…"
    ).split()
)


def _bare(key: str) -> str:
    """A key without its article (البيان → بيان)."""
    return key[2:] if key.startswith("ال") and len(key) > 4 else key


_SPEECH_SENTENCES = 6
_RELAY_LEMMA = "نقل"  # نقل عن فلان أن: the source is after عن (fifth session)
_SAYING_LEMMA = "قول"  # بقوله: / قوله: the saying itself, a cue that opens new speech
_FIRST_SECOND_PERSON = frozenset(
    match_key(w)
    for w in (
        "أنا انا نحن ونحن وأنا فأنا فنحن إنني إننا انني اننا لأنني لأننا أنت أنتم أنتما لدي "
        "لدينا عندي عندنا لي لنا معنا منا بنا علينا إلينا نفسي"
    ).split()
)
_NA_WORDS = frozenset(match_key(w) for w in "أحيانا احيانا حينا هنا ههنا أيضا زمنا".split())


def first_or_second_person(w: Word) -> bool:
    """أنا، نحن، لدينا … or a word with the suffix ـنا (بلادنا، علمنا) — not an accusative ending
    in نًا (مبيناً، أحياناً, often written مبينا: participles in م‍ are left out) nor a name in
    ـينا (أثينا)."""
    key = w.key
    if key in _FIRST_SECOND_PERSON:
        return True
    return (
        len(key) >= 5
        and key.endswith("نا")
        and key[0] != "م"
        and not key.endswith("ينا")
        and key not in _NA_WORDS
        and "\u064b" not in w.text[-3:]
    )


_NARRATION_OPENERS = frozenset(
    match_key(w)
    for w in (
        "إنه انه إنها انها وهو وهي وكان وكانت كان كانت يذكر ويذكر يشار ويشار كما وقد وتم تم "
        "وجاء جاء ومن من وفي في وعلى على وبحسب بحسب وفقا ووفقا"
    ).split()
)
_NP_CONNECTORS = frozenset(match_key(w) for w in ("باسم", "بن", "ابن", "بنت", "أبو", "أبي"))
_CLAUSE_CONNECTORS = frozenset(
    match_key(w) for w in "لكن لكنه لكنها لكنهم ولكن ولكنه ولكنها ولكنهم بينما فيما كما إلا".split()
)
# …، على حد تعبيره / …، في حين… ; sixth session (dev7): …، في المقابل بعثت… (the writer
# turns to another party)
_CLAUSE_CONNECTOR_PAIRS = frozenset(
    (match_key(a), match_key(b))
    for a, b in (("على", "حد"), ("في", "حين"), ("في", "المقابل"), ("وفي", "المقابل"))
)
_DESPITE_WORDS = frozenset(match_key(w) for w in "رغم ورغم برغم الرغم بالرغم وبالرغم".split())
_FUTURE_PREFIXES = ("سي", "ست", "سن")
# after وقال/ويقول: words that are not the new speaker's subject (a preposition, a pronoun,
# an adverb): «ويقول عن ذلك»، «وقال له»، «ويقول أيضا»
_SUBJECTLESS_AFTER_SAY = frozenset(
    match_key(w)
    for w in (
        "في عن على إلى الى ل له لها لهم لنا لي لك عنه عنها فيه فيها هو هي هم أيضا أيضاً كذلك "
        "ذلك هذا بعد قبل مع من إنه انه إنها انها أنه أنها"
    ).split()
)
_ADVERBS = frozenset(
    match_key(w)
    for w in (
        "مجددا مؤخرا مبكرا مسبقا مستقبلا مطلقا مليا مرارا مثلا مجانا "
        # sixth session (dev8): accusatives of cause and addition that go on with the same
        # proposition (، نظرًا لارتفاع أسعار المواشي، …), not the speaker's own act
        "نظرا تبعا خلافا قياسا تحسبا تجنبا تفاديا إضافة علاوة فضلا خصوصا"
    ).split()
)
# sixth session (dev5): participles of an act of the speaker with a noun complement, not a
# clause; after a comma they end the reported clause (، مشيدا بالجهود…) with or without tanwin
_ACT_PARTICIPLES = frozenset(
    match_key(stem + ending)
    for stem in (
        "مشيد مثمن مقدم مهنئ مرحب متمني مطالب مناشد مهدد متوعد محمل مستعرض مبارك ممتدح "
        "مستنكر شاكر رافض داعي متقدم متطرق متناول مستشهد مستذكر واصف"
    ).split()
    for ending in ("ا", "ة", "ين")
)
_TITLE_ADJECTIVES = frozenset(
    match_key(w) for w in "العام العامة الأول الأعلى الأسبق السابق السابقة الجديد التنفيذي".split()
)
_TITLE_NOUNS = frozenset(
    match_key(w)
    for w in (
        "صحيفة لصحيفة بصحيفة وصحيفة جريدة لجريدة مجلة لمجلة بمجلة وكالة لوكالة قناة لقناة "
        "شبكة لشبكة موقع لموقع برنامج كتاب فيلم عملية حملة مؤتمر منتدى حزب منظمة جماعة "
        "تنظيم لتنظيم بتنظيم وتنظيم حركة لحركة جبهة لجبهة وحدات لواء كتائب مشروع عنوان شعار "
        "تسمية مسمى مسمّى باسم شركة لشركة بشركة وشركة مؤسسة مجموعة مستوطنة مسجد مدرسة مركز "
        "مبادرة فعالية فعاليات مهرجان مسابقة جمعية نادي فندق مستشفى حي قرية بلدة منطقة مدينة "
        "هيئة لجنة جائزة وسم هاشتاق هاشتاغ حساب تطبيق رواية قصيدة ديوان مسلسل أغنية معرض ملتقى "
        "ندوة دورة بطولة فريق منتخب مسرحية عرض مطعم سوق مجمع برج مول قرار نظام لائحة خطة "
        "استراتيجية رؤية منصة بوابة خدمة تقرير دراسة كتابه بعنوان المسمى المسماة يسمى تسمى مجال "
        "اسم لعبة"
    ).split()
)


@dataclass(frozen=True, slots=True)
class QuoteSuggestion:
    """One proposed quote.

    content: for quoted text the characters inside the marks (marks excluded, outer spaces
    trimmed); for indirect speech the clause after the complementiser.
    speaker: an entity id, a (start, end) noun phrase, or None. cue: the reporting verb token
    with its proclitic, or None. frame: for "mixed", the whole reported clause around content.
    marks: (opening mark, closing mark + 1) when the content is quoted.
    """

    content: Range
    type: str
    speaker: Agent
    cue: Range | None
    reason: str
    confidence: float = 0.5
    frame: Range | None = None
    marks: Range | None = None

    @property
    def start(self) -> int:
        return self.content[0]

    @property
    def end(self) -> int:
        return self.content[1]


# --- lexicon ----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class CueMatch:
    lemma: str
    participle: bool
    proclitic: bool
    ambiguous: bool


@dataclass(frozen=True)
class Lexicon:
    forms: dict[str, str]
    participles: dict[str, str]
    ambiguous: frozenset[str]
    strict: frozenset[str]
    needs_proclitic: frozenset[str]
    object_lemmas: frozenset[str]
    call_lemmas: frozenset[str]
    proclitics: tuple[str, ...]
    complementizers: frozenset[str]
    preps_after_cue: frozenset[str]
    source_markers: frozenset[str]
    # opinion verbs (يرى، ارتأى، يعتقد): they name a speaker to carry, but quote nothing
    opinion_lemmas: frozenset[str] = frozenset()
    # verbs of showing (أظهر): a cue only when a record or a body is their subject
    evidence_lemmas: frozenset[str] = frozenset()
    # verbs of learning (علمت الصحيفة من مصادر أن): a cue only with من + a source, who speaks
    learned_lemmas: frozenset[str] = frozenset()
    # forms that count only after و/ف with a colon as the first punctuation (ويشرح فلان: …)
    colon_only: frozenset[str] = frozenset()
    _cache: dict[str, CueMatch | None] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_dict(cls, data: dict) -> Lexicon:
        forms: dict[str, str] = {}
        parts: dict[str, str] = {}
        for lemma, entry in data["lemmas"].items():
            for f in entry.get("forms", ()):
                forms[match_key(f)] = lemma
            for f in entry.get("participles", ()):
                parts[match_key(f)] = lemma
        comps = {
            match_key(c + s)
            for c in data["complementizers"]
            for s in data["complementizer_suffixes"]
        }
        return cls(
            forms=forms,
            participles=parts,
            ambiguous=frozenset(match_key(w) for w in data.get("ambiguous", ())),
            strict=frozenset(match_key(w) for w in data.get("strict", ())),
            needs_proclitic=frozenset(match_key(w) for w in data.get("needs_proclitic", ())),
            object_lemmas=frozenset(data.get("object_verbs", ())),
            call_lemmas=frozenset(data.get("call_verbs", ())),
            opinion_lemmas=frozenset(data.get("opinion_verbs", ())),
            evidence_lemmas=frozenset(data.get("evidence_verbs", ())),
            learned_lemmas=frozenset(data.get("learned_verbs", ())),
            colon_only=frozenset(match_key(w) for w in data.get("colon_only", ())),
            proclitics=tuple(match_key(p) for p in data.get("proclitics", ("و", "ف", "ل"))),
            complementizers=frozenset(comps),
            preps_after_cue=frozenset(match_key(w) for w in data.get("prepositions_after_cue", ())),
            source_markers=frozenset(match_key(w) for w in data.get("source_markers", ())),
        )

    @classmethod
    def load(cls, path: Path | str | None = None) -> Lexicon:
        if path is None:
            return _default_lexicon()
        return cls.from_dict(json.loads(Path(path).read_text(encoding="utf-8")))

    def cue(self, key: str) -> CueMatch | None:
        """The cue a word (given as its match key) is, allowing one proclitic (و، ف، ل، ول، فل)."""
        if key in self._cache:
            return self._cache[key]
        found = self._lookup(key, False)
        if found is None:
            for p in ("و", "ف"):
                if key.startswith(p) and len(key) > 3:
                    found = self._lookup(key[1:], True)
                    if found is None and key[1:].startswith("ل") and "ل" in self.proclitics:
                        found = self._imperfect(key[2:])
                    if found:
                        break
            if found is None and key.startswith("ل") and "ل" in self.proclitics:
                found = self._imperfect(key[1:])
        self._cache[key] = found
        return found

    def _lookup(self, key: str, proclitic: bool) -> CueMatch | None:
        if not proclitic and key in self.needs_proclitic:
            return None
        amb = (key in self.ambiguous and not proclitic) or key in self.strict
        if key in self.forms:
            return CueMatch(self.forms[key], False, proclitic, amb)
        if key in self.participles:
            return CueMatch(
                self.participles[key], True, proclitic, key in self.ambiguous or key in self.strict
            )
        return None

    def _imperfect(self, key: str) -> CueMatch | None:
        if key[:1] in ("ي", "ت") and key in self.forms:
            return CueMatch(self.forms[key], False, True, key in self.strict)
        return None

    def is_complementizer(self, key: str) -> bool:
        return key in self.complementizers


@lru_cache(maxsize=1)
def _default_lexicon() -> Lexicon:
    return Lexicon.from_dict(json.loads(LEXICON_PATH.read_text(encoding="utf-8")))


# --- quotation marks --------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class QuotePair:
    open: int  # index of the opening mark
    close: int | None  # index of the closing mark, None when unclosed
    mark: str
    end: int  # end of content (close, or paragraph end when unclosed)

    @property
    def outer(self) -> Range:
        return (self.open, (self.close + 1) if self.close is not None else self.end)


def find_quote_pairs(text: str) -> list[QuotePair]:
    """All quotation-mark pairs (and unclosed openers) per paragraph, in reading order."""
    out: list[QuotePair] = []
    # a text typed with ” only (never “ or „) uses it both ways, like a straight mark
    right_only = RIGHT_DOUBLE in text and "\u201c" not in text and "\u201e" not in text
    for ps, pe in paragraph_spans(text):
        out.extend(_directional_pairs(text, ps, pe))
        out.extend(_straight_pairs(text, ps, pe))
        if right_only:
            out.extend(_straight_pairs(text, ps, pe, RIGHT_DOUBLE))
        out.extend(_post_pairs(text, ps, pe))
    out.sort(key=lambda p: (p.open, -p.end))
    return out


_POST_WORDS = frozenset(
    match_key(w)
    for w in "تغريدة تغريدته تغريدتها تدوينة تدوينته منشور منشوره حسابه حسابها صفحته صفحتها".split()
)


def _post_pairs(text: str, ps: int, pe: int) -> list[QuotePair]:
    """Parentheses used as quotation marks: a post or a statement quoted in (…) after a colon
    or after تغريدة/حسابه/صفحته… ("كتب على حسابه (…)"), with at least three words inside."""
    out: list[QuotePair] = []
    i = text.find("(", ps, pe)
    while i != -1:
        close = text.find(")", i + 1, pe)
        if close == -1:
            break
        inner = text[i + 1 : close]
        j = i - 1
        while j >= ps and text[j] == " ":
            j -= 1
        before = text[j] if j >= ps else ""
        prev_word = text[ps : j + 1].rsplit(None, 1)[-1] if j >= ps else ""
        if (
            "(" not in inner
            and len(inner.split()) >= 3
            and (before == ":" or match_key(prev_word.strip("\u060c,")) in _POST_WORDS)
        ):
            out.append(QuotePair(i, close, "(", close))
        i = text.find("(", close + 1, pe)
    return out


def _directional_pairs(text: str, ps: int, pe: int) -> list[QuotePair]:
    out: list[QuotePair] = []
    stack: list[tuple[int, str]] = []
    for i in range(ps, pe):
        c = text[i]
        after = text[i + 1] if i + 1 < pe else " "
        if c in DIRECTIONAL and stack and stack[-1][1] == c and not after.isalnum():
            # «جتك الأخبار «، — an opener typed where the closer belongs (nothing opens after it)
            o, m = stack.pop()
            out.append(QuotePair(o, i, m, i))
        elif c == "\u201c" and stack and stack[-1][1] == c and _after_sentence_end(text, i, ps):
            # “…الفعل. “هذه…”: the quotation re-opened after a sentence end (one speech, the
            # English convention), not a quotation nested in it
            continue
        elif c in DIRECTIONAL:
            stack.append((i, c))
        elif c in CLOSERS:
            for k in range(len(stack) - 1, -1, -1):
                if DIRECTIONAL[stack[k][1]] == c:
                    while len(stack) > k + 1:  # openers left inside never closed
                        o, m = stack.pop()
                        out.append(QuotePair(o, None, m, i))
                    o, m = stack.pop()
                    out.append(QuotePair(o, i, m, i))
                    break
            # a closer with no matching opener is ignored
    for o, m in stack:
        out.append(QuotePair(o, None, m, pe))
    return out


def _after_sentence_end(text: str, i: int, ps: int) -> bool:
    j = i - 1
    while j >= ps and text[j] in " \t":
        j -= 1
    return j >= ps and text[j] in ".!?\u061f"


def _straight_role(text: str, i: int) -> str:
    left = text[i - 1] if i > 0 else "\n"
    right = text[i + 1] if i + 1 < len(text) else "\n"
    left_open = (
        left.isspace()
        or left in _OPEN_BEFORE
        or left == TATWEEL
        or (left in _PROCLITIC_LETTERS and (i < 2 or text[i - 2].isspace()))
    )
    if left == ":" and right not in "\n.,\u060c":
        return "open"  # قال:" …": a colon always introduces, even with a space inside the mark
    right_close = right.isspace() or (not right.isalnum() and right not in "(\u00ab")
    right_punct = right in ".,\u060c\u061b:!?\u061f)\u2026\u00bb"
    opening = left_open and not right.isspace() and not right_punct
    closing = (not left.isspace() and right_close) or right_punct
    if opening and not closing:
        return "open"
    if closing and not opening:
        return "close"
    return "either"


def _straight_pairs(text: str, ps: int, pe: int, char: str = STRAIGHT) -> list[QuotePair]:
    """Straight marks paired by their role. An opener inside an open quotation nests (a name
    quoted inside a speech: "نتعاون مع "شركة كذا" منذ سنوات"), and the outer one closes at a
    closer left after the inner pair; an outer one never closed ends where the first quotation
    inside it opens, as a quotation left unclosed before the next one."""
    out: list[QuotePair] = []
    stack: list[list[int]] = []  # [opening index, index of the first opener nested in it]
    for i in range(ps, pe):
        if text[i] != char:
            continue
        role = _straight_role(text, i)
        if not stack:
            if role != "close":
                stack.append([i, pe])
        elif role == "open":
            if stack[-1][1] == pe:
                stack[-1][1] = i
            stack.append([i, pe])
        else:
            opened = stack.pop()[0]
            out.append(QuotePair(opened, i, STRAIGHT, i))
    for opened, first_inner in stack:
        out.append(QuotePair(opened, None, STRAIGHT, first_inner))
    return out


# --- the suggester ----------------------------------------------------------------------------
_CARRY = "carry"  # sentinel: the cue has no explicit subject


class _Doc:
    """Words, sentences and quote pairs of one text, with lookup helpers."""

    def __init__(self, text: str, entities: Sequence[Span], lex: Lexicon) -> None:
        self.text = text
        self.lex = lex
        self.entities = sorted(
            (e for e in entities if e.label in SPEAKER_LABELS), key=lambda e: (e.start, -e.end)
        )
        self.pairs = [p for p in find_quote_pairs(text)]
        self.words: list[Word] = words(text)
        self.starts = [w.start for w in self.words]
        self.sentences = sentence_spans(text, [p.outer for p in self.pairs if p.close is not None])
        self.sent_starts = [s for s, _ in self.sentences]
        self.pairs = [self._cut_unclosed(p) if p.close is None else p for p in self.pairs]
        self.paragraphs = paragraph_spans(text)
        self.para_starts = [s for s, _ in self.paragraphs]
        self.quoted = bytearray(len(self.words))
        self.mark_pair: dict[int, QuotePair] = {}
        for p in self.pairs:
            self.mark_pair[p.open] = p
            if p.close is not None:
                self.mark_pair[p.close] = p
            lo = bisect_right(self.starts, p.open)
            hi = bisect_left(self.starts, p.end)
            for k in range(lo, hi):
                self.quoted[k] = 1
        self.cues: list[CueMatch | None] = [self._cue_at(k) for k in range(len(self.words))]

    def _cut_unclosed(self, pair: QuotePair) -> QuotePair:
        """An opener never closed runs to its paragraph's end, but not into a later sentence
        that opens with a reporting verb (بدوره، أعلن مسؤول… / وقال…): that sentence is the
        narrator's again, the closing mark was lost before it."""
        first = bisect_right(self.sent_starts, pair.open)
        for lo, _ in self.sentences[first:]:
            if lo >= pair.end:
                break
            k = self.word_index(lo)
            while k < len(self.words) and (
                self.words[k].key in _OPENERS
                or (self.words[k].is_punct and self.words[k].text in _COMMAS)
            ):
                k += 1
            if k >= len(self.words) or self.words[k].start >= pair.end:
                break
            m = None if self.words[k].is_punct else self.lex.cue(self.words[k].key)
            if m is not None and not m.ambiguous and not m.participle:
                end = lo
                while end > pair.open + 1 and self.text[end - 1].isspace():
                    end -= 1
                return QuotePair(pair.open, None, pair.mark, end)
        return pair

    # words and sentences
    def word_index(self, pos: int) -> int:
        """Index of the first word starting at or after pos."""
        return bisect_left(self.starts, pos)

    def sentence_of(self, pos: int) -> Range:
        k = bisect_right(self.sent_starts, pos) - 1
        if k < 0:
            return (0, len(self.text))
        return self.sentences[k]

    def paragraph_of(self, pos: int) -> int:
        for i, (s, e) in enumerate(self.paragraphs):
            if s <= pos <= e:
                return i
        return -1

    def is_mark(self, k: int) -> bool:
        w = self.words[k]
        return w.is_punct and (w.text.strip() in QUOTE_CHARS or w.start in self.mark_pair)

    def opens_quote(self, pos: int) -> bool:
        return self.text[pos] in QUOTE_CHARS or pos in self.mark_pair

    def _cue_of_ma(self, k: int) -> CueMatch | None:
        """«ما رواه لي أحد العاملين من أنه…»، «ما أكدته الوزارة من أن…»: a reporting verb with
        the pronoun that refers back to ما, whose content the من + أن clause gives. Only with
        that من أن within the sentence: «بحسب ما ذكره الموقع» is the according rule's."""
        key = self.words[k].key
        m = None
        for suffix in ("ها", "ه"):
            stem = key[: -len(suffix)]
            if key.endswith(suffix) and len(stem) >= 3:
                m = self.lex.cue(stem) or (
                    self.lex.cue(stem[:-1] + match_key("\u0649")) if stem.endswith("ا") else None
                )
                if m is not None:
                    break
        if m is None or m.participle:
            return None
        for j in range(k + 1, min(k + 12, len(self.words) - 1)):
            w = self.words[j]
            if w.is_punct:
                return None
            if w.key == "من" and self.lex.is_complementizer(self.words[j + 1].key):
                return CueMatch(m.lemma, False, False, False)
        return None

    def _cue_at(self, k: int) -> CueMatch | None:
        w = self.words[k]
        if w.is_punct or self.quoted[k]:
            return None
        m = self.lex.cue(w.key)
        if m is None and w.key in ("جاء", "وجاء") and k + 2 < len(self.words):
            # «وجاء في البيان: …»، «وجاء في بيان للوزارة أن…»: the statement speaks
            if self.words[k + 1].key in ("في", "علي") and _bare(self.words[k + 2].key) in _WRITTEN:
                return CueMatch("جاء", False, w.key == "وجاء", False)
        if m is None and k > 0 and self.words[k - 1].key == "ما":
            m = self._cue_of_ma(k)
        if m is None:
            return None
        if w.key == "ذكر" and k > 0 and self.words[k - 1].key in _MENTION_PREPOSITIONS:
            return None  # على ذكر العدد، عند ذكر اسمه: the noun "mention", not the verb
        if m.lemma == "رد" and w.key.startswith("ور"):
            return None  # ورد / وردت: "came, was mentioned", not و + ردّ (replied)
        if m.participle and w.key.endswith("ه") and w.text.rstrip(_TASHKEEL_CHARS).endswith("ه"):
            return None  # معتقده (his belief), not the participle معتقدة folded by match_key
        if m.lemma == "بين" and not m.participle and self._between_before(k):
            return None  # اتصالات بينه وبين الإدارة: the second بين of "between … and …"
        if (
            m.lemma == "ادعى"
            and w.text.rstrip(_TASHKEEL_CHARS).endswith("\u0649")
            and w.key.lstrip("وف")[:1] in "يت"
        ):
            return None  # مهندس يدعى علي: "is called" (ى), not يدعي "claims"
        if (
            w.key in _IMPERSONAL_SAY
            and (
                k == 0
                or (
                    self.words[k - 1].is_punct
                    # «…وبعض الشخصيات في الحكومة، يقولون: …»: a subject before the comma speaks
                    and not (w.key != "يقال" and self._subject_before_comma(k))
                )
                or "\n" in self.text[self.words[k - 1].end : w.start]
            )
        ):
            return None  # «يقولون إن الفرق بين العبقرية والجنون شعرة»، «ويقال إن»: a saying
        if (
            k > 0
            and self.words[k - 1].key in _NOT_REPORTING_BEFORE
            and not (k > 1 and self.words[k - 2].key in _TEMPORAL_BEFORE_AN)  # بعد أن قال
            # كان يقول (he used to say), not كأن يقول: match_key folds the hamza of كأن
            and not (
                self.words[k - 1].text.translate(_NO_TASHKEEL) in _KANA
                and w.key.lstrip("وف")[:1] in "يت"
            )
        ):
            return None  # من المعيب أن تقول بأنها…، لم يقل إن: not reported speech
        bare = w.key[1:] if w.key[:1] in ("و", "ف") else w.key
        if bare in self.lex.colon_only or (bare[:1] == "ل" and bare[1:] in self.lex.colon_only):
            if not (w.key[:1] in ("و", "ف") and bare[:1] != "ل" and self._colon_first(k)):
                return None  # شرح مبسط، يكمل دراسته، يختم مقاله: not speech
        if m.participle and m.ambiguous and k > 0 and self._indefinite_source(k - 1):
            return None  # من مصادر مؤكدة أن…: an adjective of an indefinite noun ("confirmed")
        if m.ambiguous:
            # ambiguous forms need a complementiser, colon or quotation mark right after them
            paren = False
            for j in range(k + 1, min(k + 13, len(self.words))):
                nw = self.words[j]
                if nw.is_punct and (nw.text == ":" or self.is_mark(j)):
                    return m
                if self._in_parenthesised_name(j):
                    paren = True
                    continue  # علمت (الرياضي) من مصادر…: the newspaper's name in ( )
                if paren and nw.is_punct:
                    break  # (كتب السيناريو (كعادته) بنفسه، لكنه…: a comment, then a comma)
                if nw.text == "." and j > k + 1 and _is_title_letter(self.words[j - 1].key):
                    continue  # يرى الناقد د. فلان أنه…: the dot of a title, not a sentence end
                if (
                    nw.is_punct
                    and nw.text in _COMMAS
                    and (j > k + 2 or m.lemma == _SAYING_LEMMA or (m.proclitic and j == k + 2))
                ):
                    continue  # كشف فرع الهيئة بالعاصمة المقدسة، أن…؛ وبين عبدالله، أن…
                if nw.is_punct or (
                    self.lex.cue(nw.key) is not None and not self._indefinite_source(j - 1)
                ):
                    break  # (…، مشيرة إلى أن: that أن is the next cue's)
                if self.lex.is_complementizer(nw.key) or (
                    j == k + 1 and nw.key in self.lex.preps_after_cue
                ):
                    return m
            return None
        return m

    def _colon_first(self, k: int) -> bool:
        """The first punctuation within eight words after word k is a colon (commas of an
        apposition aside: ويشرح فلان، رئيس البرنامج في مركز «…»: «…»)."""
        for j in range(k + 1, min(k + 20, len(self.words))):
            w = self.words[j]
            if w.is_punct and w.text == ":":
                return j - k <= 20
            if w.is_punct and not (w.text in _COMMAS or self.is_mark(j)):
                return False
            if j - k > 8 and not any(x.is_punct for x in self.words[k + 1 : j]):
                return False
        return False

    def _in_parenthesised_name(self, j: int) -> bool:
        """Word j is ( or ) of a short parenthesised name (1-3 words), or a word inside it."""
        lo = max(0, j - 4)
        hi = min(len(self.words), j + 5)
        opens = [i for i in range(lo, j + 1) if self.words[i].text == "("]
        if not opens:
            return False
        o = opens[-1]
        close = next((i for i in range(o + 1, hi) if self.words[i].text == ")"), None)
        return (
            close is not None
            and o <= j <= close
            and 1 <= close - o - 1 <= 3
            and not any(self.words[i].is_punct for i in range(o + 1, close))
        )

    def _indefinite_source(self, j: int) -> bool:
        """Word j is a source noun without the article (مصادر، مصدر، جهات): a participle
        right after it agrees with it as an adjective, not as a circumstantial (seventh
        session, dev7: علمت الصحيفة من مصادر مؤكدة أن…)."""
        w = self.words[j]
        key = w.key[1:] if w.key[:1] in ("و", "ف") else w.key
        return not w.is_punct and not key.startswith(("ال", "لل")) and _is_source_word(key)

    def _subject_before_comma(self, k: int) -> bool:
        """Word k follows a comma that closes a plural noun phrase opening its sentence
        (لكن معارضيها مثل …، يقولون): the phrase is the subject of k."""
        if k < 2 or self.words[k - 1].text not in _COMMAS:
            return False
        lo = self.sentence_of(self.words[k].start)[0]
        first = self.word_index(lo)
        while first < k and self.words[first].key in _SUBJECT_OPENERS:
            first += 1
        head = self.words[first].key if first < k - 1 else ""
        return first < k - 1 and (head.endswith(("ون", "ين", "ات")) or head.endswith("يها"))

    def _between_before(self, k: int) -> bool:
        """A preposition بين (بين، بينه، بينهم…) within the _BETWEEN_REACH words before k, no
        punctuation between: وبين at k is its "and between", not the verb بيّن."""
        for j in range(k - 1, max(k - 1 - _BETWEEN_REACH, -1), -1):
            w = self.words[j]
            if w.is_punct:
                return False
            if w.key in _BETWEEN:
                return True
        return False

    def is_stop(self, k: int) -> bool:
        w = self.words[k]
        if w.is_punct:
            return True
        if w.key == "علي" and w.text.rstrip(_TASHKEEL_CHARS).endswith("\u064a"):
            return False  # the name علي, not the preposition على folded onto it by match_key
        return (
            w.key in _STOP
            or self.lex.is_complementizer(w.key)
            or self.cues[k] is not None
            or self.lex.cue(w.key) is not None
            or w.key in self.lex.source_markers
            or (w.key.startswith("لل") and len(w.key) > 4)
            or (w.key[:3] in ("بال", "كال") and len(w.key) > 5)
            or w.text.endswith(("\u064b", "\u064b\u0627", "\u0627\u064b"))
            or _bi_pronoun(w.text)
        )

    # noun phrases
    def np_after(self, k: int, lo: int, hi: int, object_verb: bool = False) -> Range | None:
        """The noun phrase right after word k (1-7 words), stopping at prepositions etc.

        A one-letter title with its dot (د. م.) and a short name in quotation marks after a title
        noun (شركة «كذا») stay inside the phrase. After an object-taking verb (أبلغ، اتهم) the
        phrase stops before a second definite noun that is not an adjective (the object)."""
        j = self.skip_circumstance(k + 1, hi)
        first = j
        if j < len(self.words) and self.is_mark(j):
            after = self.short_name_at(j)
            pair = self.mark_pair.get(self.words[j].start)
            if after is not None and pair is not None and _name_before_clause(self, pair):
                return trim(self.text, pair.open + 1, pair.close or pair.end)
        count = 0
        while j < len(self.words) and self.words[j].start < hi and count < _NP_MAX:
            w = self.words[j]
            if w.text == "." and j > first and _is_title_letter(self.words[j - 1].key):
                j += 1
                continue
            if j > first and self.is_mark(j):
                inner = self.short_name_at(j)
                if inner is not None and self.words[j - 1].key in _TITLE_NOUNS:
                    j = inner
                    count += 1
                    continue
            if self.is_stop(j) and w.key not in _NP_CONNECTORS:
                break
            if object_verb and j > first and _starts_object(self.words[j - 1].key, w.key):
                break
            count += w.key not in _NP_CONNECTORS
            j += 1
        while j > first and self.words[j - 1].key in _NP_CONNECTORS:
            j -= 1
        if j == first:
            return None
        return (self.words[first].start, self.words[j - 1].end)

    def skip_circumstance(self, j: int, hi: int) -> int:
        """Past a phrase between a cue and its subject: لـ«الجزيرة»، في تصريح صحفي لـ«عكاظ»،
        في بيان له. Returns j itself when no subject (a plain noun) follows the phrase."""
        i = j
        if (
            i < len(self.words)
            and self.words[i].key in ("ذلك", "هذا")
            and i + 1 < len(self.words)
            and i > 0
            and self.cues[i - 1] is not None
        ):
            i += 1  # أوضح ذلك رئيس النادي: the subject after the demonstrative object
        elif i < len(self.words) and self.words[i].key in _PRONOUN_PPS:
            if i + 1 < len(self.words) and self.words[i + 1].key in _EULOGY:
                return j  # قال عليه السلام: a eulogy, not a subject
            i += 1  # قال عنه عروة بن الزبير: the subject after a pronoun object
        elif (
            i < len(self.words) and self.words[i].key in ("في", "خلال") and i + 1 < len(self.words)
        ):
            if self.words[i + 1].key not in _STATEMENT_NOUNS:
                return j
            i += 2
            while i < len(self.words) and self.words[i].key in _STATEMENT_ADJ:
                i += 1
        if i < len(self.words) and self.words[i].key in ("ل", "ول", *_TO_PRONOUNS):
            if self.words[i].key in _TO_PRONOUNS:
                i += 1  # قال له / روى لي أحد العاملين: the subject after "to him / to me"
            elif i + 1 < len(self.words) and self.is_mark(i + 1):
                after = self.short_name_at(i + 1)
                if after is None:
                    after = self._reversed_outlet(i + 1)
                if after is None:
                    return j
                i = after
            else:
                return j
        elif i < len(self.words) and self.words[i].key.startswith("ل") and i > j:
            i += 1  # في تصريح لعكاظ
        if i == j or i >= len(self.words) or self.words[i].start >= hi:
            return j
        while i < len(self.words) and self.words[i].is_punct and self.words[i].text in _COMMAS:
            i += 1
        if i >= len(self.words) or self.is_stop(i):
            return j
        return i

    def _reversed_outlet(self, j: int) -> int | None:
        """ل»الرياض» (a closing guillemet typed as the opener, so no pair): when word j is »
        and another » follows within three words, the index of the word after it."""
        if self.words[j].text != "\u00bb":
            return None
        for i in range(j + 1, min(j + 5, len(self.words))):
            if self.words[i].text == "\u00bb":
                return i + 1 if i > j + 1 else None
            if self.words[i].is_punct:
                return None
        return None

    def short_name_at(self, j: int, max_words: int = 4) -> int | None:
        """When word j opens a closed quotation of at most max_words words, the index of the
        first word after its closing mark; else None."""
        pair = self.mark_pair.get(self.words[j].start)
        if pair is None or pair.open != self.words[j].start or pair.close is None:
            return None
        if len(self.text[pair.open + 1 : pair.close].split()) > max_words:
            return None
        return self.word_index(pair.close + 1)

    def np_before(self, k: int, lo: int, _circumstance: bool = True) -> Range | None:
        """The subject before a cue in subject-verb order (الناطق ... بيسكوف صرح أن). None
        when the sentence opens with a topic (وعن العملين «…» و«…» قالت:): the words before
        the cue are what she speaks about."""
        opening = self.word_index(lo)
        if opening < k and self.words[opening].key in _TOPIC_PREPOSITIONS:
            return None
        j = k - 1
        if j >= 0 and self.words[j].start >= lo and self.is_mark(j):
            pair = self.mark_pair.get(self.words[j].start)
            if pair and pair.close == self.words[j].start:
                inner = trim(self.text, pair.open + 1, pair.close)
                if 0 < len(self.text[inner[0] : inner[1]].split()) <= 6:
                    return inner
            return None
        last = j
        while j >= 0 and self.words[j].start >= lo and last - j < 7:
            if self.is_stop(j) and self.words[j].key not in _NP_CONNECTORS:
                break
            j -= 1
        if j == last:
            return None
        agent = (
            j >= 1
            and self.words[j].key == "قبل"
            and self.words[j - 1].key == "من"
            and self.words[j - 1].start >= lo
        )
        if agent or (j >= 0 and self.words[j].start >= lo and self.words[j].key in _PREPOSITIONS):
            if _circumstance:
                # sixth session (dev7): «أن اللاعب فلان خلال استجوابه من قبل اللجنة أكد
                # أنه…»: the phrase is inside a circumstance; the subject stands before it
                for c in range(j - (2 if agent else 1), max(opening, j - 8) - 1, -1):
                    if self.is_stop(c) and self.words[c].key not in _CIRCUMSTANCE_OPENERS:
                        break
                    if self.words[c].key in _CIRCUMSTANCE_OPENERS:
                        return self.np_before(c, lo, False)
            return None  # عن كاميرا جديدة قالت، في تويتر قال: the object of a preposition
        first = self.words[j + 1]
        if first.key[:1] in ("ب", "ل") and first.key[1:3] == "ال":
            return None  # برسالته الى هرقل قال … / للمسؤولين قال
        return (first.start, self.words[last].end)

    def to_agent(self, np: Range | None) -> Agent:
        """Prefer a tagged entity inside the noun phrase (PERS first); else the phrase itself."""
        if np is None:
            return None
        inside = [e for e in self.entities if e.start < np[1] and np[0] < e.end]
        if inside:
            best = min(inside, key=lambda e: (_LABEL_RANK.get(e.label, 9), e.start))
            if best.label not in ("NORP", "GPE") or best.start <= np[0]:
                return best.id
        return np

    def sentence_subject(self, lo: int, k: int) -> Range | None:
        """Subject of the sentence's main verb: the phrase after its first word (skipping an
        adverbial opener up to an early comma such as «وفي الأثناء،»)."""
        verb = self.main_verb(lo)
        if verb >= k or self.words[verb].key in _TOPIC_PREPOSITIONS:
            return None  # «وحول تفوق القنوات الخاصة…، قال:»: a fronted topic, no subject
        # «وفعلا، في بداية هذا العام، ذهبت فلانة…، وقالت:»: an adverb set off by a comma and
        # a fronted time or place phrase are no subject; the verb after its comma has one
        while (
            verb + 2 < k
            and self.words[verb + 1].text in _COMMAS
            and not self.words[verb].is_punct
            and self.cues[verb] is None
        ):
            verb += 2
        fronted = self.words[verb].key in _FRONTED_PREPOSITIONS
        np = None if fronted else self.subject_after(verb, lo, self.words[k].start)
        if np is not None and self.words[verb].key in _AMMA:
            np = self._topic_before_fa(np)
        if np is None:
            # «وتعقيبا على ذلك، رفض فلان…، قائلا:»: a fronted adverbial phrase up to an early
            # comma; the verb after it has the subject
            comma = next(
                (
                    i
                    for i in range(verb + 1, min(verb + 7, k - 2))
                    if self.words[i].text in _COMMAS or self.words[i].start >= self.words[k].start
                ),
                None,
            )
            if comma is not None and self.words[comma].text in _COMMAS:
                nxt = comma + 1
                if not self.words[nxt].is_punct and self.cues[nxt] is None:
                    np = self.np_after(nxt, lo, self.words[k].start)
        return np

    def subject_after(self, k: int, lo: int, hi: int, object_verb: bool = False) -> Range | None:
        """The verb's subject after word k: np_after, past a participle of manner (ويوضح
        مبتسما: «…» has no subject of its own; وقال مبتسما الوزير names it after); none
        after «أول من أمس» (the day before yesterday: وكانت الرئاسة قالت أول من أمس إنه…)."""
        if k + 1 < len(self.words) and _manner_participle(self.words[k + 1]):
            k += 1
        if [w.key for w in self.words[k + 1 : k + 4]] == ["اول", "من", "امس"]:
            return None
        return self.np_after(k, lo, hi, object_verb)

    def _subject_after_connector(self, k: int, lo: int) -> Range | None:
        """«…، لكن أحد المسؤولين العسكريين في محافظة كذا يقول إن…»: a clause after لكن/بينما/
        فيما has its own subject before its cue (with a place phrase that np_before stops at);
        the first clause's subject does not speak it. The words between the connector and the
        cue, 2 to 10 with no punctuation and no verb-like cue among them."""
        lo_k = self.word_index(lo)
        for j in range(k - 1, max(lo_k, k - 11) - 1, -1):
            w = self.words[j]
            if w.is_punct or self.cues[j] is not None:
                return None
            if w.key in _CLAUSE_CONNECTORS_BEFORE_SUBJECT:
                if k - j - 1 < 2 or self.words[j + 1].key in _PREPOSITIONS:
                    return None
                return (self.words[j + 1].start, self.words[k - 1].end)
        return None

    def _topic_before_fa(self, np: Range) -> Range:
        """«أما الرجل السابع فلان نائب الرئيس فوافق على…»: the topic after أما ends before the
        ف that opens its predicate (the last ف‍ word of the phrase; a first word such as فهد is
        the name itself)."""
        k0, k1 = self.word_index(np[0]), self.word_index(np[1])
        if k1 < len(self.words) and self.words[k1].key[:1] == "ف":
            return np  # «أما رئيس البلدية فرانتس فلان فيقول»: the phrase already ends at its ف
        for j in range(k1 - 1, k0, -1):
            if self.words[j].key[:1] == "ف" and len(self.words[j].key) >= 4:
                return (np[0], self.words[j - 1].end)
        return np

    def main_verb(self, lo: int) -> int:
        """Index of the sentence's first word after adverbial openers (من جهته، إلى ذلك، ...)."""
        i = self.word_index(lo)
        while i < len(self.words) and (
            self.words[i].key in _OPENERS
            or (self.words[i].is_punct and self.words[i].text in _COMMAS)
        ):
            i += 1
        return i

    def speaker_for_cue(self, k: int, lo: int) -> Agent | str:
        """Speaker of cue word k in the sentence starting at lo, or _CARRY."""
        m = self.cues[k]
        assert m is not None
        if m.lemma == _SAYING_LEMMA and k > 0:
            # نقل عن فلان قوله: the one after عن, not the one who relays
            for j in range(k - 1, max(self.word_index(lo), k - 10) - 1, -1):
                if self.words[j].key == "عن":
                    np = self.np_after(j, lo, self.words[k].start)
                    if np is not None:
                        return self.to_agent(np)
                    break
                if self.words[j].is_punct and self.words[j].text not in _COMMAS:
                    break
        if m.lemma in self.lex.learned_lemmas:
            # sixth session (dev7): وعلمت «الصحيفة» من مصادر مطلعة أن…: the source after من
            # told it; with no من + source the newspaper's own knowledge is no quote (_CARRY)
            return self._learned_from(k, lo)
        if m.lemma == _RELAY_LEMMA and not m.participle:
            # ونقلت الوكالة عن الوزير فلان أنه…: the one after عن speaks, the agency relays
            for j in range(k + 1, min(k + 10, len(self.words))):
                w = self.words[j]
                if (w.is_punct and not self.is_mark(j)) or self.lex.is_complementizer(w.key):
                    break  # (ونقل موقع "كذا" عن…: the outlet's name in marks is passed over)
                if w.key == "عن":
                    np = self.np_after(j, lo, len(self.text))
                    if np is not None:
                        return self.to_agent(np)
                    break
        if m.participle or m.lemma == _SAYING_LEMMA:  # مؤكداً / بقوله: the clause's speaker
            lo_k = self.word_index(lo)
            for j in range(k - 1, lo_k - 1, -1):
                pm = self.cues[j]
                if pm is None or pm.participle:
                    continue
                nested = not pm.proclitic and any(
                    self.lex.is_complementizer(self.words[i].key) for i in range(lo_k, j)
                )
                if not nested:  # وأشارت الوكالة إلى أن البيانات كشفت…، لافتة: the agency
                    return self.speaker_for_cue(j, lo)
            if m.participle:
                own = self._coordinated_subject(lo_k, k)
                if own is not None:
                    return self.to_agent(own)
            subj = self.sentence_subject(lo, k)
            return self.to_agent(subj) if subj else _CARRY
        np = self.subject_after(k, lo, len(self.text), m.lemma in self.lex.object_lemmas)
        if np is not None and self.words[k + 1].key in _HONORIFIC_PRONOUNS:
            return _CARRY  # وأكد معاليه أن: the man named before
        if (
            np is not None
            and self.words[k + 1].end == np[1]
            and self.words[k + 1].key[:1] == "ل"
            and self.words[k + 1].key[:2] != "لل"
            and k + 2 < len(self.words)
            and (self.is_mark(k + 2) or self.words[k + 2].text == ":")
        ):
            return _CARRY  # وقال لرويترز "…": the outlet spoken to, not the speaker
        if np is not None:
            return self.to_agent(np)
        subordinate = k > 0 and self.words[k - 1].key in _SUBORDINATORS
        if self.words[k].key[:1] == "ف" or (subordinate and self.words[k - 1].key == "حيث"):
            asked = self._interlocutor(k, lo)
            if asked is not None:
                return self.to_agent(asked)
        in_document = k + 1 < len(self.words) and self.words[k + 1].key in _DOCUMENT_PPS
        if not m.proclitic and not subordinate:
            before = self.np_before(k, lo)
            if before is not None and in_document:
                before = self._author_of_document(before)
            if before is not None:
                return self.to_agent(before)
            after_but = self._subject_after_connector(k, lo)
            if after_but is not None:
                return self.to_agent(after_but)
        if not m.proclitic and (
            subordinate or (k + 1 < len(self.words) and self.words[k + 1].key in _PRONOUN_PPS)
        ):
            # تغريدة كتبها فلان … قال فيها:، ألقى فلان كلمة أوضح فيها أن، حيث قال: the subject
            # of the sentence (or of the cue before) says what the document holds
            lo_k = self.word_index(lo)
            for j in range(k - 1, lo_k - 1, -1):
                pm = self.cues[j]
                if pm is not None and not pm.participle:
                    return self.speaker_for_cue(j, lo)
            subj = self.sentence_subject(lo, k)
            if subj is not None:
                return self.to_agent(subj)
        elif self.main_verb(lo) < k - 1:
            # "استقبل الملك ...، وأكد أن": a second verb sharing the sentence's subject
            # (أوضح ذلك فلان، وأضاف: → فلان)
            subj = self.sentence_subject(lo, k)
            if subj is not None:
                return self.to_agent(subj)
        return _CARRY

    def _interlocutor(self, k: int, lo: int) -> Range | None:
        """Seventh session (dev7): the one the newspaper or a body contacted or questioned
        earlier in the sentence answers with the following فـ/حيث cue: «وتواصلت (الصحيفة)
        مع رئيس اللجنة فلان لسؤاله عن …، فأكد أن…» → رئيس اللجنة فلان; «استجوبت اللجنة
        الوكيل فلان عن …، حيث أشار إلى أنه…» → الوكيل فلان. No other cue in between."""
        lo_k = self.word_index(lo)
        for j in range(k - 1, max(lo_k, k - 30) - 1, -1):
            if self.cues[j] is not None:
                return None
            key = self.words[j].key
            bare = key[1:] if key[:1] in ("و", "ف") else key
            if bare not in _CONTACT_VERBS:
                continue
            i = j + 1
            while i < k and self._in_parenthesised_name(i):
                i += 1
            pair = self.mark_pair.get(self.words[i].start) if i < k and self.is_mark(i) else None
            if pair is not None and pair.close is not None and self.short_name_at(i) is not None:
                i = self.word_index(pair.close + 1)  # تواصلت «الصحيفة» مع…
            np = None
            if i < k and self.words[i].key == "مع":
                np = self.np_after(i, lo, self.words[k].start)
            elif i < k and not self.words[i].is_punct and self.words[i].key.startswith("ال"):
                np = self.np_after(i - 1, lo, self.words[k].start, True)
                after = self.word_index(np[1]) if np is not None else k
                if after < k and self.words[after].key.startswith("ال"):
                    # واستجوبت اللجنة الوكيل فلان: the object after the subject
                    np = self.np_after(after - 1, lo, self.words[k].start)
            if np is None:
                return None
            last = self.words[self.word_index(np[1]) - 1]
            if last.key[:1] == "ل" and last.key.endswith(("ه", "ها", "هم")) and last.start > np[0]:
                np = trim(self.text, np[0], last.start)  # … لسؤاله عن: the purpose, not the name
            return np
        return None

    def _learned_from(self, k: int, lo: int) -> Agent | str:
        """The source after من in «علمت (الصحيفة) من مصادر مطلعة، أن…» (up to 6 words after
        the cue, before any complementiser), or _CARRY."""
        for j in range(k + 1, min(k + 7, len(self.words))):
            w = self.words[j]
            if self._in_parenthesised_name(j):
                continue
            if self.lex.is_complementizer(w.key) or (w.is_punct and not self.is_mark(j)):
                break
            if w.key == "من":
                np = self.np_after(j, lo, len(self.text))
                if np is not None and _is_source_word(self.text[np[0] : np[1]].split()[0]):
                    return self.to_agent(np) or _CARRY
                break
        return _CARRY

    def _coordinated_subject(self, lo_k: int, k: int) -> Range | None:
        """The subject of the nearest clause «، و<verb> <subject>» before a feminine participle k
        whose verb is a feminine past (و…ت, not a plural in ات): وقامت السمكة بضرب اللوح،
        وتحدثت والدته عن ذلك قائلة: → والدته; the participle hangs from that verb, not from the
        sentence's first one. (A masculine past verb has no mark to tell it from a noun.)"""
        if not self.words[k].key.endswith("ه"):
            return None
        main = self.main_verb(self.words[lo_k].start) if lo_k < len(self.words) else k
        for j in range(k - 1, main + 1, -1):
            w = self.words[j]
            if not (self.words[j - 1].is_punct and self.words[j - 1].text in _COMMAS):
                continue
            key = w.key
            if w.is_punct or key[:1] != "و" or len(key) < 4 or key[1:3] == "ال":
                continue
            if self.cues[j] is not None or key in _STOP:
                continue
            if not key.endswith("ت") or key.endswith("ات") or len(key) > 7:
                return None
            return self.np_after(j, self.words[lo_k].start, self.words[k].start)
        return None

    def _author_of_document(self, np: Range) -> Range | None:
        """`بيانا أعلنت فيه`، `حديثاً للرسول … يقول فيه`: before a cue + فيه the phrase names the
        document; its author is the ل-phrase inside it, if any (else None: look elsewhere)."""
        k0, k1 = self.word_index(np[0]), self.word_index(np[1])
        if self.words[k0].key not in _DOCUMENT_NOUNS:
            return np
        for j in range(k0 + 1, k1):
            if self.words[j].key[:1] == "ل" and len(self.words[j].key) > 2:
                return (self.words[j].start, np[1])
        return None

    def speech_end(self, end: int) -> int:
        """A sentence that ends in ؛ goes on: reported speech runs to the next sentence end in
        the same paragraph (`قال: يكون صباح العيد للسلام على الأهل؛ حيث سأجتمع…`)."""
        while end > 0 and self.text[end - 1] == "\u061b":
            k = bisect_right(self.sent_starts, end)
            if k >= len(self.sentences) or "\n" in self.text[end : self.sentences[k][0]]:
                break
            end = self.sentences[k][1]
        return end

    def colon_speech_end(self, end: int) -> int:
        """Unquoted speech after a colon may hold several sentences of one speech (a post, an
        interview answer): it runs on over a sentence end in the same paragraph (at most
        _SPEECH_SENTENCES more) when the next sentence speaks in the first or second person
        (أنا، نحن، بلادنا، يا جماعة), or the end is informal (… .. ! ؟) and the next sentence
        does not open as narration (إنه، وكان، يذكر) — never into a sentence with a cue."""
        for _ in range(_SPEECH_SENTENCES):
            k = bisect_left(self.sent_starts, end)
            if k >= len(self.sentences):
                break
            ns, ne = self.sentences[k]
            if "\n" in self.text[end:ns]:
                break
            k0, k1 = self.word_index(ns), self.word_index(ne)
            ws = [w for w in self.words[k0:k1] if not w.is_punct]
            if not ws or any(self.cues[j] is not None for j in range(k0, min(k0 + 6, k1))):
                break
            personal = ws[0].key == "يا" or any(first_or_second_person(w) for w in ws)
            if not personal:
                break
            end = ne
        return end

    def clause_end(self, pos: int, sent_end: int, direct: bool = False) -> int:
        """End of the reported clause starting at pos: the sentence end, or where the text
        leaves the speaker's proposition — a comma before a connector (لكن، بينما، فيما، في
        حين، على حد تعبيره), before a cue within four words (، وعن الطموح قال), before و + a
        verb with its own subject (، وسيتضمن الحفل), or a circumstantial participle with no
        clause (مقدماً شكره). «، حيث» «، وذلك» «، مما» continue what was said. `direct`
        (unquoted speech after a colon): the speaker's own words say لكن، كما، فيما and و +
        verb themselves, so only a cue, a participle or بقوله ends them."""
        k = self.word_index(pos)
        first = k
        while k < len(self.words) and self.words[k].start < sent_end:
            w = self.words[k]
            if self.quoted[k]:
                k += 1
                continue
            if w.is_punct and w.text in _COMMAS and k + 1 < len(self.words):
                if self._clause_break_after_comma(k, k - first, direct):
                    return trim(self.text, pos, w.start, ".")[1]
            elif w.is_punct and w.text == "\u061b" and k + 1 < len(self.words):
                # «أن الإيرادات ارتفعت؛ مبينة أن…»: speech runs on over ؛ (speech_end), but a
                # cue within four words after it starts the next quote
                for j in range(k + 1, min(k + 5, len(self.words))):
                    if self.words[j].is_punct:
                        break
                    if self.cues[j] is not None:
                        return trim(self.text, pos, w.start, ".")[1]
            elif k > first and (c := self.cues[k]) is not None and c.lemma == _SAYING_LEMMA:
                return trim(self.text, pos, w.start, ".,\u060c")[1]  # أنه سيعتذر بقوله: …
            elif (
                k > first + 2
                and _is_circumstantial(w)
                and self.words[k - 1].key not in _LINKING_VERBS
                and not self._clause_follows(k)
                and not _coordinated_accusative(self.words[k - 1], w)
                and not self._noun_with_adjective(k)
            ):
                return trim(self.text, pos, w.start, ".,\u060c")[1]
            elif k > first + 2 and self._next_speaker_says(k):
                # «… تمنع الذبح في المطابخ ويقول المواطن فلان كثير من…»: a new speaker's
                # قال/يقول with its own subject starts the next speech even with no comma
                return trim(self.text, pos, w.start, ".,\u060c")[1]
            elif (
                k > first + 2
                and (c := self.cues[k]) is not None
                and c.participle
                and not c.ambiguous
                and self._clause_follows(k)
            ):
                # «إن أي شخص … سيواجه إجراءات ضده مضيفا أن …»: a participle cue with its own
                # clause starts the next quote even with no comma before it
                return trim(self.text, pos, w.start, ".,\u060c")[1]
            k += 1
        return trim(self.text, pos, sent_end)[1]

    def _next_speaker_says(self, k: int) -> bool:
        """و + a finite form of قال followed by its own subject (a noun, not a complementiser,
        a preposition or a pronoun): ويقول المواطن، وقال مدير…"""
        c = self.cues[k]
        if c is None or c.lemma != "قال" or c.participle or self.words[k].key[:1] != "و":
            return False
        if k + 1 >= len(self.words):
            return False
        nxt = self.words[k + 1]
        return (
            not nxt.is_punct
            and not self.quoted[k + 1]
            and not self.lex.is_complementizer(nxt.key)
            and nxt.key not in self.lex.preps_after_cue
            and nxt.key not in _SUBJECTLESS_AFTER_SAY
            and nxt.key[:1] != "ب"  # وتقول بنبوة…: "holds (the doctrine of)", وقال بحماس
        )

    def _clause_break_after_comma(self, k: int, length: int, direct: bool = False) -> bool:
        nxt = self.words[k + 1]
        after = self.words[k + 2].key if k + 2 < len(self.words) else ""
        if nxt.key == "الا" and any(
            self.words[j].key in _DESPITE_WORDS for j in range(k - length, k)
        ):
            # sixth session (dev7): «أنها رغم اعتزازها باللقب، إلا أنها ترفضه»: إلا completes
            # the concession the speaker opened, it does not leave the proposition
            return False
        if not direct and (
            nxt.key in _CLAUSE_CONNECTORS or (nxt.key, after) in _CLAUSE_CONNECTOR_PAIRS
        ):
            return True
        for j in range(k + 1, min(k + 5, len(self.words))):
            if self.words[j].is_punct:
                break
            if self.cues[j] is not None:
                return True
        if (
            not direct
            and nxt.key[:1] == "و"
            and after.startswith("ال")
            and not self.words[k + 2].is_punct
        ):
            verb = nxt.key[1:]
            return len(verb) >= 4 and (
                verb[:2] in _FUTURE_PREFIXES or (verb[0] in "يت" and length >= 10)
            )
        accusative = (len(nxt.key) >= 4 and nxt.text.rstrip("\u0627").endswith("\u064b")) or (
            _bare_participle(nxt)
        )
        # «، وتعدياً واضحاً على…»: و + an accusative noun (no participle's م) is coordinated
        coordinated = nxt.key[:1] == "و" and nxt.key[1:2] != "م"
        return (
            accusative
            and not coordinated
            and nxt.key not in _ADVERBS
            and not self._clause_follows(k + 1)
        )

    def connector_before(self, pos: int, limit: int, sent_end: int) -> bool:
        """The clause from pos ends before limit at a comma + connector (، فيما…، لكن…):
        the writer's next clause, not the speaker's."""
        end = self.clause_end(pos, sent_end)
        if end > limit:
            return False
        k = self.word_index(end)
        while k < len(self.words) and self.words[k].is_punct and self.words[k].text in _COMMAS:
            k += 1
        if k + 1 >= len(self.words) or self.words[k].start >= limit:
            return False
        pair = (self.words[k].key, self.words[k + 1].key)
        return self.words[k].key in _CLAUSE_CONNECTORS or pair in _CLAUSE_CONNECTOR_PAIRS

    def _noun_with_adjective(self, k: int) -> bool:
        """«حرروا محضراً رسمياً بالواقعة»: an accusative م-word followed at once by an
        accusative nisba adjective (…ياً) is a noun with its adjective (the verb's object), not
        a circumstantial participle. (sixth session, dev7)"""
        if k + 1 >= len(self.words) or self.words[k].key in _ACT_PARTICIPLES:
            return False
        nxt = self.words[k + 1]
        return (
            not nxt.is_punct
            and nxt.key[:1] != "م"
            and nxt.key.endswith("يا")
            and nxt.text.rstrip("\u0627").endswith("\u064b")
            and not self._clause_follows(k + 1)
        )

    def _clause_follows(self, k: int) -> bool:
        """A complementiser (or إلى/على + one) right after word k: the participle is a cue."""
        for j in range(k + 1, min(k + 3, len(self.words))):
            if self.lex.is_complementizer(self.words[j].key):
                return True
            if self.words[j].key not in self.lex.preps_after_cue:
                return False
        return False


def _coordinated_accusative(prev: Word, w: Word) -> bool:
    """«تدخلاً فجًا ومرفوضًا»: و + an accusative right after another accusative is a
    coordinated adjective or noun, not a circumstantial participle."""
    return w.key[:1] == "و" and not prev.is_punct and prev.text.rstrip("\u0627").endswith("\u064b")


def _manner_participle(w: Word) -> bool:
    """«ويوضح مبتسما: «…»»، «وقال متسائلاً»: an accusative participle right after the cue says
    how it was said; it is not the cue's subject (the speaker is carried, or named after it).
    The masculine form in ا only (with or without tanwin): a feminine in ة or a foreign name
    (ماريا، مونيكا: ا/و/ي second) would look the same."""
    key = w.key
    return (
        not w.is_punct
        and (len(key) >= 6 or "\u064b" in w.text)  # not a plural such as مزايا، مرايا
        and key[0] == "م"
        and key[1] not in "اوي"
        and key.endswith("ا")
        and not key.endswith("ها")  # معارضيها، مسؤوليها: a noun with its pronoun
        and w.text.rstrip("\u064b").endswith("\u0627")
    )


def _bare_participle(w: Word) -> bool:
    """«، مشيدا بالجهود»، «، مثمنين دور…»: a participle of the speaker's own act (praise,
    thanks, a wish, a call, a greeting, a threat) typed without its tanwin, as most newspapers
    write it. Its shape alone is not enough (، متراجعا عما كان… describes the reported
    figure; ، مهمتها… is a noun), so these are listed."""
    return not w.is_punct and (w.key[1:] if w.key[:1] == "و" else w.key) in _ACT_PARTICIPLES


def _is_circumstantial(w: Word) -> bool:
    """مقدماً / مثمناً / داعياً: an accusative participle with tanwin (not an adverb)."""
    key = w.key[1:] if w.key[:1] == "و" and len(w.key) > 5 else w.key
    return (
        not w.is_punct
        and len(key) >= 5
        and (key[0] == "م" or w.key in _ACT_PARTICIPLES)  # واصفاً: a فاعل form, no م
        and w.text.rstrip("\u0627").endswith("\u064b")
        and key not in _ADVERBS
    )


def suggest_quotes(
    text: str, entities: Sequence[Span] = (), lexicon: Lexicon | None = None
) -> list[QuoteSuggestion]:
    """Quote suggestions in reading order. Never raises on odd input (unbalanced marks etc.)."""
    if not text.strip():
        return []
    doc = _Doc(text, entities, lexicon or Lexicon.load())
    raw: list[tuple[QuoteSuggestion, Agent | str]] = []
    raw.extend(_quoted(doc))
    # a quotation proposed only as doubtful (a name with no cue, a description after وصف)
    # does not keep the reported clause around it from being proposed
    taken = [
        s.content if s.type == "mixed" else (s.marks or s.content)
        for s, _ in raw
        if s.confidence > DOUBTFUL
    ]
    raw.extend(_indirect_and_colon(doc, taken))
    raw.extend(_headlines(doc, taken))
    raw.extend(_according(doc, [s.content for s, _ in raw]))
    raw.sort(key=lambda r: (r[0].content[0], -r[0].content[1]))
    return [s for s in _resolve_carry(doc, raw) if not _opinion_cue(doc, s)]


def _modal(key: str) -> bool:
    """A word after which أن is no complementiser of a cue (يجب أن، رغم أن، فتحاول أن)."""
    return key in _MODALS or (len(key) > 3 and key[0] in "وف" and key[1:] in _MODALS)


_BI_SUFFIXES = ("هما", "هم", "ها", "ه")  # written ه, not ة (match_key folds ة onto ه)
_BI_NAMES = frozenset(("باسمه", "باسمها", "باسمهم", "باسمهما"))  # المتحدث باسمها: a title


def _bi_pronoun(text: str) -> bool:
    """ب + a noun with a pronoun suffix (بقدومه، بإعادته، بجانبه) or ب + the pronoun alone
    (به، بها): an object or a circumstance, never part of a speaker's name (third session: the
    speaker phrase ran on into it, إدارة الفندق بقدومه). A place such as بأبها (a two-letter
    stem) stays."""
    word = text.translate(_NO_TASHKEEL)
    if not word.startswith("ب") or word in _BI_NAMES:
        return False
    for suffix in _BI_SUFFIXES:
        if word.endswith(suffix):
            stem = word[1 : -len(suffix)]
            return stem == "" or len(stem) >= 3
    return False


def _opinion_cue(doc: _Doc, s: QuoteSuggestion) -> bool:
    """The suggestion's cue is an opinion verb (ويرى فلان أن…): what the source thinks, not
    what it said; the guideline counts no such quote (third session of issue 11) unless the
    source's words are in quotation marks (ورأى أن واشنطن وفّرت "الغطاء…": they were said)."""
    if s.cue is None or s.marks is not None:
        return False
    m = doc.cues[doc.word_index(s.cue[0])]
    return m is not None and m.lemma in doc.lex.opinion_lemmas


def _quoted(doc: _Doc) -> list[tuple[QuoteSuggestion, Agent | str]]:
    text = doc.text
    out: list[tuple[QuoteSuggestion, Agent | str]] = []
    outers = [p.outer for p in doc.pairs]
    for pair in doc.pairs:
        cs, ce = trim(text, pair.open + 1, pair.end)
        if ce <= cs:
            continue
        nested = any(o[0] < pair.open and pair.end <= o[1] and o != pair.outer for o in outers)
        marks = pair.outer
        n_words = len(text[cs:ce].split())
        slo, shi = doc.sentence_of(pair.open)
        ko = doc.word_index(pair.open)
        if pair.close is None:
            out.append(_unclosed(doc, pair, (cs, ce), ko, slo))
            continue
        if nested:
            # a fragment quoted inside someone's quotation: on dev and unannotated articles
            # these were terms and slogans, not a second quote (the guideline marks one quote)
            out.append(
                (
                    QuoteSuggestion(
                        (cs, ce),
                        "direct",
                        None,
                        None,
                        "quotation nested inside another quotation",
                        DOUBTFUL,
                        None,
                        marks,
                    ),
                    None,
                )
            )
            continue
        if (
            (n_words <= 8 and _looks_like_name(doc, ko))
            or (n_words <= 20 and _titled(doc, ko))
            or (n_words <= 5 and _name_before_clause(doc, pair))
            or (n_words <= 4 and _second_of_two_names(doc, ko))
        ):
            continue  # «صحيفة «الأيام»، لـ"سبق"، ولفت "فلان" إلى أن: names, not quotations
        found = _cue_before(doc, ko, slo)
        after = _cue_after(doc, pair)
        if found is None or (after is not None and ko - found > 8):
            if found is None and n_words <= 4 and _title_noun_before(doc, ko):
                continue  # في كتابه المهم «…»، يرى فلان: a work's title, not its words
            if after is not None:
                ck, speaker = after
                cue = (doc.words[ck].start, doc.words[ck].end) if doc.cues[ck] else None
                if doc.words[ck].key in doc.lex.source_markers:  # «…»، بحسب تعبيره / بيان الوزارة
                    nxt = ck + 1 if doc.words[ck + 1].key in _OWN_WORDS else ck
                    cue = (doc.words[ck].start, doc.words[nxt].end)
                elif _in_words_of(doc, ck):  # «…» على حد تعبيره
                    cue = (doc.words[ck].start, doc.words[ck + 2].end)
                out.append(
                    (
                        QuoteSuggestion(
                            (cs, ce),
                            "direct",
                            speaker if speaker != _CARRY else None,
                            cue,
                            "attribution after the quotation",
                            0.7,
                            None,
                            marks,
                        ),
                        speaker,
                    )
                )
                continue
        if found is None:
            source = _source_before(doc, ko, slo) if n_words > 3 else None
            if source is not None:
                out.append(
                    (
                        QuoteSuggestion(
                            (cs, ce),
                            "direct",
                            doc.to_agent(source),
                            None,
                            "source phrase (بحسب/وفق) before the quotation",
                            0.5,
                            None,
                            marks,
                        ),
                        doc.to_agent(source),
                    )
                )
                continue
            kn = doc.word_index(pair.close + 1)
            next_cue = doc.cues[kn] if kn < len(doc.words) else None
            subject_of_cue = next_cue is not None and not next_cue.proclitic
            if (
                n_words <= 4
                or (n_words <= 8 and _title_noun_before(doc, ko))
                or (
                    ko > 0
                    and not doc.words[ko - 1].is_punct
                    and doc.words[ko - 1].key in ("ب", "ك")
                )
                or (pair.mark == STRAIGHT and subject_of_cue and n_words <= 6)
            ):
                continue  # a short term in quotation marks with no cue: a name, not a quotation
            out.append(
                (
                    QuoteSuggestion(
                        (cs, ce),
                        "direct",
                        None,
                        None,
                        "quotation with no cue verb nearby"
                        + ("; a text introduced by نصه/جاء فيه" if _text_of(doc, ko) else ""),
                        0.5
                        if _text_of(doc, ko)
                        else 0.3
                        if _opens_speech(doc, ko, slo)
                        else DOUBTFUL,
                        None,
                        marks,
                    ),
                    _CARRY,
                )
            )
            continue
        ck = found
        if ck == ko - 1 and ck > 0 and doc.words[ck - 1].key == "ما" and n_words <= 6:
            # بحسب ما أعلن "المرصد ...": the quoted words are the subject, a name
            if pair.mark == STRAIGHT:
                continue
            out.append(
                (
                    QuoteSuggestion(
                        (cs, ce),
                        "direct",
                        None,
                        None,
                        "probably a name (subject of " + doc.words[ck].text + ")",
                        DOUBTFUL,
                        None,
                        marks,
                    ),
                    None,
                )
            )
            continue
        cue_match = doc.cues[ck]
        kn = doc.word_index(pair.close + 1)
        clause_inside = ko + 1 < len(doc.words) and doc.lex.is_complementizer(doc.words[ko + 1].key)
        if (
            n_words <= 5
            and ck == ko - 1
            and kn < len(doc.words)
            and not doc.words[kn].is_punct
            and doc.words[kn].start < shi
        ):
            continue  # وأعلنت "مايكروسوفت" عن نيتها، وأدلى "كارتر" بتصريحه: the subject's name
        if (
            n_words <= 8
            and ck < ko - 1 <= ck + _SUBJECT_NAME_REACH
            and kn < len(doc.words)
            and doc.words[kn].key.startswith("ال")  # an adjective goes on: "كذا" التابعة لـ…
            and doc.words[kn].key not in _RELATIVES
            and doc.cues[kn] is None
            and not _scare_quote(doc, ko)  # ندد النظام بما أسماه "العدوان" الذي…: his term
            and doc.words[kn].start < shi
            and any(_bare_title(doc.words[j].key) for j in range(ck + 1, ko))
            and not any(
                doc.words[j].is_punct or doc.lex.is_complementizer(doc.words[j].key)
                for j in range(ck + 1, ko)
            )
        ):
            continue  # أعلنت شركة التطوير العقاري "كذا" التابعة لـ…: a name in the subject
        if (
            n_words <= 3
            and ck < ko - 1
            and cue_match is not None
            and cue_match.ambiguous
            and not any(
                doc.words[j].text == ":" or doc.lex.is_complementizer(doc.words[j].key)
                for j in range(ck + 1, ko)
            )
        ):
            continue  # تجد الشاعر بلغته "الفصحى": an ambiguous cue, a short term — a label
        if (
            n_words <= 3
            and ck < ko - 1
            and not _right_after_speaker(doc, ck, ko, slo)
            and not _scare_quote(doc, ko)
            and not clause_inside  # مشيرا إلى «أنه هجوم انتحاري»: a clause, not a name
            and not any(
                doc.words[j].text == ":" or doc.lex.is_complementizer(doc.words[j].key)
                for j in range(ck + 1, ko)
            )
        ):
            continue  # أكد فلان للصحيفة الفرنسية "جورنال دو ديمانش": a name, not his words
        speaker = doc.speaker_for_cue(ck, slo)
        comp = first_comp = None
        for j in range(ck + 1, ko):
            if (
                not doc.words[j].is_punct
                and doc.lex.is_complementizer(doc.words[j].key)
                and not doc.quoted[j]
            ):
                comp = j
                first_comp = j if first_comp is None else first_comp
        if first_comp is not None and _governed_elsewhere(doc, first_comp):
            continue  # أورد الموقع مؤشرات تدل على أن علاقتك "سوية": what the evidence shows
        at_clause_end = _closes_clause(text, pair.close + 1) or text[ce - 1] in ".!?\u061f\u2026"
        cue_range = (doc.words[ck].start, doc.words[ck].end)
        if comp is not None and comp == ko - 1 and at_clause_end:
            qtype, frame, reason = "direct", None, "quotation introduced by cue + أن/إن"
        elif comp is None and at_clause_end:
            qtype, frame, reason = "direct", None, "quotation right after the cue"
        else:
            fstart = doc.words[first_comp].end if first_comp is not None else pair.open
            fstart = trim(text, fstart, shi)[0]
            if first_comp is not None and doc.connector_before(fstart, pair.open, shi):
                # sixth session (dev7): …إن فلاناً «استشهد» في الرقة، فيما نشرت صحف نعياً
                # … في عملية «…»: the quotation lies past the reported clause's end
                continue
            fend = trim(
                text,
                fstart,
                max(doc.clause_end(pair.close + 1, shi), pair.close + 1),
                ".!?\u061f\u061b\u2026",
            )[1]
            qtype, frame = "mixed", (fstart, fend)
            reason = "quoted fragment inside reported speech"
        conf = 0.9 if pair.mark not in (STRAIGHT, "(") else 0.75
        if (
            qtype == "direct"
            and n_words <= 4
            and cue_match is not None
            and cue_match.lemma == "وصف"
        ):
            # ووصفه بأنه «بلطجي معاد للسامية»: a label the source gave, not a proposition (the
            # guideline marks وصف … بأنه "…" only when a clause goes on: "خطأ تاريخي" سيفسح…)
            conf, reason = DOUBTFUL, "a description after وصف"
        content = (cs, ce)
        if qtype == "mixed":
            conf -= 0.15
            if first_comp is not None and frame is not None:
                # the whole reported clause is the quote; the quoted words are its marks
                if any(q.content == frame for q, _ in out):
                    continue  # a second quoted fragment of the same clause
                content = frame
            elif n_words <= 3:
                # a short quoted term with no أن (يعلن أسباب اختيار "لندن"، في حين "يفزع"): a name
                # or a scare quote on unannotated articles, none on dev: doubtful
                conf = DOUBTFUL
        out.append(
            (
                QuoteSuggestion(
                    content,
                    qtype,
                    speaker if speaker != _CARRY else None,
                    cue_range,
                    f"{reason} ({doc.words[ck].text})",
                    conf,
                    frame,
                    marks,
                ),
                speaker,
            )
        )
    return out


_UNCLOSED_COLON_REACH = 12  # words from a cue to an unclosed opener right after a colon


def _unclosed(
    doc: _Doc, pair: QuotePair, content: tuple[int, int], ko: int, slo: int
) -> tuple[QuoteSuggestion, Agent | str]:
    """An opener with no closer: its content runs to the paragraph end. Right after a cue
    (وأضاف "…، قائلا "…، فقال: «…) it is that cue's speech with a lost or mistyped closer;
    anywhere else (مثل «دوار هيشر» و» حي…، عليه “دفع الزكاة.) it was a term or a stray mark
    on dev and unannotated articles: DOUBTFUL, below the default confidence filter."""
    ck = _cue_before(doc, ko, slo)
    if ck is None:  # a cue inside another quotation (a story told: سؤال أحد الأعراب: “… فقال: «…)
        lo = doc.word_index(slo)
        for j in range(ko - 1, max(lo, ko - 7) - 1, -1):
            m = doc.lex.cue(doc.words[j].key) if not doc.words[j].is_punct else None
            if m is not None and not m.ambiguous:
                ck = j
                break
    reason = f"unclosed {pair.mark}: content runs to the paragraph end"
    after_colon = ko > 0 and doc.words[ko - 1].text == ":"  # وقالت الوزارة في بيان لها: «…
    if (
        ck is None
        or ko - ck > (_UNCLOSED_COLON_REACH if after_colon else 6)
        or any(doc.words[j].key in _NAMING_WORDS for j in range(ck + 1, ko))
    ):
        return QuoteSuggestion(
            content, "direct", None, None, reason, DOUBTFUL, None, pair.outer
        ), None
    # a cue inside a quotation is not in doc.cues and names no speaker of the document's own
    speaker = doc.speaker_for_cue(ck, slo) if doc.cues[ck] is not None else None
    return (
        QuoteSuggestion(
            content,
            "direct",
            speaker if speaker != _CARRY else None,
            (doc.words[ck].start, doc.words[ck].end),
            f"{reason} ({doc.words[ck].text})",
            0.3,
            None,
            pair.outer,
        ),
        speaker,
    )


_TEXT_OF = frozenset(
    match_key(w)
    for w in "نصه نصها ونصه ونصها مفاده مفادها".split()  # رسالة مفادها: «…»
)
_SAID_IN = frozenset(match_key(w) for w in "جاء وجاء قال كتب".split())
_IN_IT = frozenset(match_key(w) for w in "فيه فيها".split())


def _text_of(doc: _Doc, ko: int) -> bool:
    """The quotation follows نصه/نصها (its text:) or جاء/قال/كتب فيه/فيها (which said:), with
    or without a colon: a post, letter or statement quoted whole (تغريدة نصها: «…»، رسالة جاء
    فيها: "…"، تصريح أوباما الذي قال فيه: "…"). All such on unannotated articles were speech."""
    j = ko - 1
    if j >= 0 and doc.words[j].text == ":":
        j -= 1
    if j < 0 or doc.words[j].is_punct:
        return False
    key = doc.words[j].key
    if key in _TEXT_OF:
        return True
    return key in _IN_IT and j > 0 and doc.words[j - 1].key in _SAID_IN


def _opens_speech(doc: _Doc, ko: int, slo: int) -> bool:
    """A quotation with no cue that opens its sentence (nothing but و/ف before it: the speaker
    of the sentences before goes on) or follows أن/إن (a reported clause whose verb is not in
    the lexicon: وأورد فلان أن «…»). Mid-sentence ones were scare quotes, terms and sayings."""
    lo = doc.word_index(slo)
    if all(doc.words[j].is_punct or doc.words[j].key in ("و", "ف") for j in range(lo, ko)):
        return True
    return (
        ko > 0
        and not doc.words[ko - 1].is_punct
        and doc.words[ko - 1].key in _PLAIN_COMPLEMENTIZERS
    )


def _right_after_speaker(doc: _Doc, ck: int, ko: int, slo: int) -> bool:
    """The mark at word ko comes right after the cue's subject (وقال الوزير خالد «…»)."""
    np = doc.np_after(ck, slo, doc.words[ko].start)
    return np is not None and doc.word_index(np[1]) >= ko - 1


def _scare_quote(doc: _Doc, ko: int) -> bool:
    """A term the speaker is reported to use: بـ"…"، كـ"…"، بما أسماه "…"، وصفه "…"."""
    if ko == 0:
        return False
    prev = doc.words[ko - 1]
    if prev.key in _NAMING_VERBS:
        return True
    if not prev.is_punct and prev.key == "ك":
        return True  # التعامل معها كـ"كيانات سياسية"
    if prev.is_punct or prev.key != "ب":
        return False
    # واصفة العملية بـ"…": a naming verb shortly before; مسؤول بـ«فيسبوك» is a name
    for j in range(max(0, ko - 5), ko - 1):
        m = doc.cues[j] or doc.lex.cue(doc.words[j].key)
        if doc.words[j].key in _NAMING_VERBS or (m is not None and m.lemma in _NAMING_LEMMAS):
            return True
    return False


def _is_title_letter(key: str) -> bool:
    """د / م / أ (doctor, engineer, professor) written as one letter before a dot."""
    return len(key) == 1 or (len(key) == 2 and key[0] in "وف")


_NISBA_ENDINGS = ("ي", "يه", "يين", "يون", "يان", "يتين", "يات")


def _starts_object(prev: str, key: str) -> bool:
    """A definite noun right after a definite noun, not a nisba adjective: the verb's object."""
    return (
        prev.startswith("ال")
        and key.startswith("ال")
        and not key.endswith(_NISBA_ENDINGS)
        and key not in _TITLE_ADJECTIVES
    )


def _titled(doc: _Doc, ko: int) -> bool:
    """The mark follows a naming word, with or without a colon (بعنوان: "…"، اسم "…"): a title
    of any length."""
    j = ko - 1
    if j > 0 and doc.words[j].text == ":":
        j -= 1
    return j >= 0 and not doc.words[j].is_punct and doc.words[j].key in _NAMING_WORDS


def _looks_like_name(doc: _Doc, ko: int) -> bool:
    """The mark follows a title noun (صحيفة، تنظيم، وكالة...), a source marker (بحسب) or the
    preposition لـ alone (لـ«عكاظ»، ل"سبق": the outlet spoken to)."""
    if ko == 0 or doc.words[ko - 1].is_punct:
        return False
    key = doc.words[ko - 1].key
    return key in _TITLE_NOUNS or key in doc.lex.source_markers or key in ("ل", "ول")


def _title_noun_before(doc: _Doc, ko: int) -> bool:
    """A title noun among the three words before the mark (وحل الفيلم الكوميدي الجديد "…")."""
    for j in range(max(0, ko - 3), ko):
        key = doc.words[j].key
        for pre in ("وال", "ال", "و"):
            if key.startswith(pre) and len(key) - len(pre) >= 3:
                key = key[len(pre) :]
                break
        if key in _TITLE_NOUNS:
            return True
        for suffix in ("ته", "تها"):  # روايته، قصيدتها: the noun in ة (folded to ه) + his/her
            if key.endswith(suffix) and key[: -len(suffix)] + "ه" in _TITLE_NOUNS:
                return True
    return False


_SUBJECT_NAME_REACH = 6  # words between a cue and a name in marks inside its subject phrase


def _bare_title(key: str) -> bool:
    """A title noun (شركة، مؤسسة، صحيفة…) with or without و/ال."""
    for pre in ("وال", "ال", "و"):
        if key.startswith(pre) and len(key) - len(pre) >= 3:
            key = key[len(pre) :]
            break
    return key in _TITLE_NOUNS


def _second_of_two_names(doc: _Doc, ko: int) -> bool:
    """«العهد» و«حقّ ميت»: a short quotation joined by و to a short quotation right before it
    is the second of two titles or names (a list), not the speaker's words."""
    if ko < 2 or doc.words[ko - 1].key != "و" or not doc.is_mark(ko - 2):
        return False
    before = doc.mark_pair.get(doc.words[ko - 2].start)
    return (
        before is not None
        and before.close == doc.words[ko - 2].start
        and len(doc.text[before.open + 1 : before.close].split()) <= 4
    )


def _name_before_clause(doc: _Doc, pair: QuotePair) -> bool:
    """A short quotation followed by أن/إن or by إلى/على + أن is a name inside the speaker
    phrase or the subject of the cue (ولفت "فلان" إلى أن، قال مدير شركة «كذا» إن)."""
    if pair.close is None:
        return False
    ko = doc.word_index(pair.open)
    if ko > 0 and doc.lex.is_complementizer(doc.words[ko - 1].key):
        return False  # قال إنه “على يقين” بأنه…: the quoted words open the reported clause
    k = doc.word_index(pair.close + 1)
    if k >= len(doc.words) or (doc.words[k].is_punct and doc.words[k].text != ":"):
        return False
    if doc.lex.is_complementizer(doc.words[k].key):
        return True
    saying = doc.cues[k]
    if saying is not None and saying.lemma == _SAYING_LEMMA and ko >= 1 and doc.cues[ko - 1]:
        return True  # واختتم "فلان" بقوله: …: the subject between the cue and بقوله
    if ko >= 2 and (doc.cues[ko - 1] is not None or doc.cues[ko - 2] is not None):
        # أوضح مدير "فنون أبها" أحمد السروي، أن…: the name inside the speaker phrase
        for j in range(k, min(k + 7, len(doc.words))):
            w = doc.words[j]
            if doc.lex.is_complementizer(w.key):
                return j > k
            if (w.is_punct and w.text not in _COMMAS) or doc.is_mark(j) or doc.cues[j]:
                break
    if doc.words[k].text == ":":
        kc = k - 1
        while kc >= 0 and doc.words[kc].start > pair.open:
            kc -= 1
        return kc > 0 and doc.cues[kc - 1] is not None  # وقال "فلان": "…"
    return (
        doc.words[k].key in doc.lex.preps_after_cue
        and k + 1 < len(doc.words)
        and doc.lex.is_complementizer(doc.words[k + 1].key)
    )


def _headline_medium(doc: _Doc, k0: int, colon: int) -> int | None:
    """ "المتحدث باسم الوزارة لـ«الصحيفة»: كلام": the index of the لـ that names the outlet
    spoken to, when the words from it to the colon are that outlet in quotation marks."""
    for j in range(k0 + 1, colon - 2):
        if doc.words[j].key != "ل" or not doc.is_mark(j + 1):
            continue
        pair = doc.mark_pair.get(doc.words[j + 1].start)
        if pair is not None and pair.close is not None and doc.word_index(pair.close + 1) == colon:
            return j
    return None


def _headline_lines(doc: _Doc) -> list[Range]:
    """Paragraphs, and the title repeated after "رابط الخبر بصحيفة …:" at a paragraph's end."""
    out: list[Range] = []
    for ps, pe in doc.paragraphs:
        out.append((ps, pe))
        k0, k1 = doc.word_index(ps), doc.word_index(pe)
        for k in range(k0 + 1, k1 - 1):
            if doc.words[k].key == "رابط" and doc.words[k + 1].key == "الخبر":
                out.append((doc.words[k].start, pe))
                break
    return out


def _headlines(doc: _Doc, taken: list[Range]) -> list[tuple[QuoteSuggestion, Agent | str]]:
    """Short lines "speaker : words" (news headlines) → unquoted direct speech."""
    out: list[tuple[QuoteSuggestion, Agent | str]] = []
    for ps, pe in _headline_lines(doc):
        k0, k1 = doc.word_index(ps), doc.word_index(pe)
        if k1 - k0 > 30:
            continue
        colon = next((j for j in range(k0, min(k0 + 13, k1)) if doc.words[j].text == ":"), None)
        if colon is not None:
            # "قوات تتراجع في المدينة.. والحزب: هي معركتنا": a headline of two parts, the
            # speech is the part after the dots (.. or …; one dot ends a sentence of a
            # paragraph, "… مؤتمرا. رابط الخبر:" is the link-line rule's)
            k0 = next(
                (
                    j + 1
                    for j in range(colon - 2, k0, -1)
                    if doc.words[j].text == "\u2026"
                    or (doc.words[j].text == "." and doc.words[j - 1].text == ".")
                ),
                k0,
            )
        if colon is None or colon == k0 or any(doc.cues[j] for j in range(k0, colon)):
            continue
        medium = _headline_medium(doc, k0, colon)
        if colon >= k0 + 8 and medium is None:
            continue
        if any(doc.lex.cue(doc.words[j].key) for j in range(k0, colon)):
            continue  # "وكأنهم يقولون: …": a cue the context rejected is still no headline
        if doc.quoted[colon] or any(doc.is_mark(j) for j in range(k0, medium or colon)):
            continue  # لعبة «ماينكرافت: بوكيت إيديشين»: a colon inside a name
        if any(doc.words[j].key in _NOT_SPEAKERS for j in range(k0, colon)):
            # "رابط الخبر بصحيفة …: <title>": a link line; its title may be "speaker: words"
            k0 = colon + 1
            colon = next((j for j in range(k0, min(k0 + 8, k1)) if doc.words[j].text == ":"), None)
            if colon is None or colon == k0 or any(doc.cues[j] for j in range(k0, colon)):
                continue
        if not any(
            "\u0621" <= c <= "\u064a"
            for c in doc.text[doc.words[k0].start : doc.words[colon].start]
        ):
            continue  # "http:" is no speaker
        if doc.words[k0].key in _NOT_HEADLINE_SPEAKERS:
            continue  # "بالفيديو: …"، "بسبب إهمال الشركة: …": a label or a cause, not a speaker
        if any(doc.words[j].text in _DASHES for j in range(k0, colon)):
            continue  # "سبق- الرياض: استقبل…"، "فلان- سبق- القاهرة:": a byline and dateline
        if (
            colon == k0 + 1
            and _dateline(doc.words[k0].key, doc.words[colon + 1].key)
            and not any(first_or_second_person(w) for w in doc.words[colon + 1 : k1])
        ):
            # "استراليا: السجن 6 سنوات لأب…": a place and an event, nobody speaks — unless the
            # words speak in the first person ("دولة: السجن لمن يعتدي على جنودنا": the state)
            continue
        j = k0
        while (
            j < colon
            and not doc.words[j].is_punct
            and not (doc.words[j].key.startswith("ل") and doc.words[j].key[1:2] != "ا")
        ):
            j += 1
        cs, ce = trim(doc.text, doc.words[colon].end, pe)
        if j == k0 or ce <= cs or doc.opens_quote(cs) or any(a < ce and cs < b for a, b in taken):
            continue
        speaker = doc.to_agent((doc.words[k0].start, doc.words[j - 1].end))
        first = doc.words[colon + 1]
        # "الأزهر: يوقف الشيخ…": a third-person present verb after the colon reports what the
        # named body does (an event), unless it is a modal (الوزير: يجب…): doubtful
        event = (
            first.key[:1] == "ي"
            and len(first.key) >= 4
            and first.key[-1] != "ه"  # يقظة، يومية: nouns
            and not _modal(first.key)
        )
        out.append(
            (
                QuoteSuggestion(
                    (cs, ce),
                    "direct",
                    speaker,
                    None,
                    "headline 'speaker : words'" + (" (an event verb)" if event else ""),
                    DOUBTFUL if event else 0.4,
                    None,
                    None,
                ),
                speaker,
            )
        )
    return out


_EVENT_NOUNS = frozenset(
    match_key(w)
    for w in (
        "السجن سجن القبض مقتل قتل اعتقال إصابة اصابة وفاة انفجار تفجير حريق سقوط غرق تحطم "
        "اشتباكات هجوم ارتفاع انخفاض افتتاح إغلاق اغلاق تعيين إعفاء اعفاء وصول إطلاق اطلاق "
        "ضبط إحباط احباط إنقاذ انقاذ زلزال فيضانات إعدام اعدام ترحيل تراجع"
    ).split()
)
_PLACES_WITH_ARTICLE = frozenset(
    match_key(w)
    for w in (
        "الأردن العراق اليمن السودان المغرب الكويت الإمارات البحرين الجزائر الصين الهند "
        "اليابان اليونان الفلبين النمسا الصومال السعودية المملكة القاهرة الرياض جدة"
    ).split()
)


def _dateline(speaker: str, first: str) -> bool:
    """A headline "place: event" (`بوروندي: مقتل …`، `الأردن: القبض على …`): one word before
    the colon that names a place (no article, or a country), an event noun after it."""
    place = not speaker.startswith("ال") or speaker in _PLACES_WITH_ARTICLE
    return place and (first in _EVENT_NOUNS or first[1:] in _EVENT_NOUNS and first[0] == "و")


def _closes_clause(text: str, pos: int) -> bool:
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return (
        pos >= len(text) or text[pos] in "\n.,\u060c\u061b\u061f!?:)\u2026" or text[pos] in CLOSERS
    )


def _cue_before(doc: _Doc, ko: int, slo: int) -> int | None:
    """Nearest cue before word ko in its sentence; a clear cue beats an ambiguous one."""
    fallback = None
    lo = doc.word_index(slo)
    for j in range(ko - 1, max(lo, ko - 60) - 1, -1):
        m = doc.cues[j]
        if j < ko - 36 and (m is None or m.ambiguous or fallback is not None):
            continue  # far back only a clear cue whose أن/إن opens the quotation's clause
        if m is None or (
            j > 0
            and doc.words[j - 1].key in _RELATIVES
            and not (j + 1 < len(doc.words) and doc.words[j + 1].text == ":")
        ):
            continue  # (الذي يقول: «…» is the antecedent's speech)
        has_comp = any(
            not doc.quoted[i] and doc.lex.is_complementizer(doc.words[i].key)
            for i in range(j + 1, ko)
        )
        # «وقال فلان، معلقاً: "…"»، «واختتم فلان بقوله: "…"»: the word that introduces the
        # quotation (right before its mark, or its colon) is its cue, ambiguous or not
        introduces = j >= ko - 2 and all(doc.words[i].text == ":" for i in range(j + 1, ko))
        if m.ambiguous and not has_comp and not introduces:
            nxt = doc.words[j + 1]
            if fallback is None and not (
                # يغرد بالسيمفونية "…": a ب phrase after an ambiguous cue names what the
                # quotation is (a song, a saying), not the cue's words
                j + 1 < ko
                and nxt.key[:1] == "ب"
                and nxt.key not in _MANNER
                and not nxt.is_punct
                and doc.cues[j + 1] is None
                # (كتب بطل المسلسل فلان “…”: a noun in ب with a genitive after it is the subject)
                and (nxt.key.startswith("بال") or not doc.words[j + 2].key.startswith("ال"))
            ):
                fallback = j
            continue
        if j < ko - 36 and (
            not any(
                doc.lex.is_complementizer(doc.words[i].key) and doc.words[i - 1].text in _COMMAS
                for i in range(j + 2, ko)
            )
            or any(doc.words[i].text == ":" or doc.cues[i] is not None for i in range(j + 1, ko))
        ):
            continue  # far: only «، إن», not across a colon or another cue (صرح …: أنهم … قال فيه: "…")
        if _nested_cue(doc, j, lo):
            continue  # وأشارت الوكالة إلى أن البيانات كشفت أن … "…": the agency's quote
        return j
    return fallback


def _nested_cue(doc: _Doc, j: int, lo: int) -> bool:
    """Cue j (no proclitic, not a participle) sits inside the reported clause of an earlier
    cue of its sentence: a clear cue, then a complementiser, then j."""
    m = doc.cues[j]
    if m is None or m.proclitic or m.participle:
        return False
    seen_cue = False
    for i in range(lo, j):
        c = doc.cues[i]
        if c is not None and not c.ambiguous:
            seen_cue = True
        elif seen_cue and not doc.words[i].is_punct and doc.lex.is_complementizer(doc.words[i].key):
            return True
    return False


def _cue_after(doc: _Doc, pair: QuotePair) -> tuple[int, Agent | str] | None:
    """«...»، قال فلان / «...» بحسب فلان."""
    assert pair.close is not None
    k = doc.word_index(pair.close + 1)
    k0 = k
    while k < len(doc.words) and doc.words[k].is_punct and doc.words[k].text in _COMMAS:
        k += 1
    if k >= len(doc.words) or doc.words[k].is_punct:
        return None
    if k == k0 and len(doc.text[pair.open + 1 : pair.close].split()) <= 3:
        return None  # "فلان" ينفي…: a short quoted name is the verb's subject
    _, shi = doc.sentence_of(pair.close)
    m = doc.cues[k]
    if m is not None and not m.participle and not m.proclitic:
        np = doc.np_after(k, pair.close, shi)
        return (k, doc.to_agent(np)) if np else None
    if doc.words[k].key in doc.lex.source_markers:
        if k + 1 < len(doc.words) and doc.words[k + 1].key in _OWN_WORDS:
            return (k, _CARRY)  # «…»، بحسب تعبيره: the speaker named before
        np = doc.np_after(k, pair.close, shi)
        return (k, doc.to_agent(np)) if np else None
    if _in_words_of(doc, k):
        # «…» على حد تعبيره / على حد تعبير الوزير: the speaker named before, or after تعبير
        if doc.words[k + 2].key in _OWN_WORDS:
            return (k, _CARRY)
        np = doc.np_after(k + 2, pair.close, shi)
        return (k, doc.to_agent(np)) if np else None
    return None


def _in_words_of(doc: _Doc, k: int) -> bool:
    """على حد تعبير(ه) at word k: "in (his) words"."""
    return (
        k + 2 < len(doc.words)
        and doc.words[k].key in ("علي", "وعلي")
        and doc.words[k + 1].key == "حد"
        and match_key(doc.words[k + 2].key).startswith("تعبير")
    )


def _source_before(doc: _Doc, ko: int, slo: int) -> Range | None:
    """ووفق المرصد "..." — a source marker shortly before the quotation."""
    lo = doc.word_index(slo)
    for j in range(ko - 1, max(lo, ko - 6) - 1, -1):
        if doc.words[j].key in doc.lex.source_markers:
            return doc.np_after(j, slo, doc.words[ko].start)
    for j in range(ko - 3, max(lo, ko - 14) - 1, -1):
        if _in_words_of(doc, j) and doc.words[ko - 1].text == ":":
            # على حد تعبير الخبير فلان من بنك كذا: «…»: the one named after تعبير
            return doc.np_after(j + 2, slo, doc.words[ko].start)
    return None


# How far (in tokens) a cue's complementiser is looked for; past _COMP_REACH only a «، إن»
# after a long circumstantial (قال فلان في تصريحات عقب … ليلة أمس، إن …) is taken.
_COMP_REACH = 24
_COMP_REACH_COMMA = 36


def _indirect_and_colon(doc: _Doc, taken: list[Range]) -> list[tuple[QuoteSuggestion, Agent | str]]:
    text = doc.text
    out: list[tuple[QuoteSuggestion, Agent | str]] = []
    covered: list[Range] = []
    for k, m in enumerate(doc.cues):
        if m is None:
            continue
        cue_start = doc.words[k].start
        relative = k > 0 and doc.words[k - 1].key in _RELATIVES
        if any(a <= cue_start < b for a, b in covered):
            continue  # a cue inside reported speech we already proposed
        slo, shi = doc.sentence_of(cue_start)
        if text[shi - 1 : shi] == "\u061b" and doc.word_index(shi) - k <= 12:
            # «وأكد علي الحرقان؛ في حديثه للوكالة، أن…»: a ؛ after the speaker is a comma
            shi = doc.speech_end(shi)
        comp = colon = None
        j = k
        while j + 1 < min(k + _COMP_REACH_COMMA, len(doc.words)):
            j += 1
            w = doc.words[j]
            if w.start >= shi:
                break
            if doc.is_mark(j) and doc.short_name_at(j, 5) is not None:
                pair = doc.mark_pair[w.start]
                if (
                    j > k + 1
                    or _name_before_clause(doc, pair)
                    or _looks_like_name(doc, j)
                    or m.lemma in doc.lex.learned_lemmas  # علمت «الصحيفة» من…: who learned
                ):
                    j = doc.word_index(pair.close + 1) - 1 if pair.close is not None else j
                    continue
            other = doc.cues[j]
            if doc.is_mark(j) and w.start not in doc.mark_pair:
                continue  # وأوضح لـ”الوئام ” المتحدث…: a stray mark that pairs with nothing
            if doc.is_mark(j) or (
                j > k + 1
                and other is not None
                and (not other.ambiguous or (other.participle and doc._clause_follows(j)))
            ):
                break  # (an ambiguous participle right before أن owns it: ، مؤكدين أن)
            if w.is_punct and w.text == ":":
                if j >= k + _COMP_REACH:
                    break  # past the usual reach only «، إن» is taken, not a colon
                nxt = doc.words[j + 1] if j + 1 < len(doc.words) else None
                if nxt is not None and not nxt.is_punct and doc.lex.is_complementizer(nxt.key):
                    comp = j + 1  # قال المدرب: إن الهدف…: reported speech after all
                elif doc.words[j - 1].key not in _LIST_HEADS:
                    colon = j
                break
            if not w.is_punct and doc.lex.is_complementizer(w.key):
                if (
                    j >= k + 3
                    and doc.words[j - 1].key == "علي"
                    and doc.words[j - 2].text in _COMMAS
                ):
                    break  # «، على أن تتكفل الجمعية…»: "provided that", not what was said
                if j + 1 < len(doc.words) and doc.words[j + 1].key in _PRAYER_AFTER_INNAHU:
                    break  # «… وأن يسكنه الجنة إنه سميع مجيب»: a closing prayer
                if (
                    not _modal(doc.words[j - 1].key)
                    and m.lemma not in doc.lex.call_lemmas
                    and not _stock_phrase(doc, k, j, slo)
                    and not _governed_elsewhere(doc, j)
                    and (j < k + _COMP_REACH or doc.words[j - 1].text in _COMMAS)
                ):
                    comp = j
                break
        own_subject = _subject_in_relative(doc, k, comp, shi) if relative else None
        if own_subject is not None:
            relative = False  # الوكالات التي قال الرئيس فلان إنها…: the cue's own subject
        if relative and colon is None and not _relative_clause_cue(doc, k, comp):
            continue
        if comp is not None:
            cs = doc.words[comp].end
            cs, _ = trim(text, cs, shi)
            if cs < shi and text[cs] in CLOSERS and doc.mark_pair.get(cs) is None:
                cs = trim(text, cs + 1, shi)[0]  # «وقال إن» من تلك…»: a stray closing mark
            if cs >= shi or doc.opens_quote(cs):
                continue  # the quotation rules handle «قال إن «...»»
            end = doc.speech_end(shi)
            ce = trim(text, cs, doc.clause_end(cs, end), ".!?\u061f\u061b\u2026")[1]
            if ce <= cs or any(a < ce and cs < b for a, b in taken):
                continue  # contains quotation marks: a mixed quote, proposed by _quoted
            if relative:
                # «فلان الذي غرد عبر حسابه من أنه…»: the antecedent speaks; not a rumour
                # (الأنباء التي تفيد بأن…) nor a pronoun
                np = doc.np_before(k - 1, slo)
                if np is None or any(
                    w.key in _RUMOUR_NOUNS for w in doc.words[doc.word_index(np[0]) : k - 1]
                ):
                    continue
                speaker: Agent = doc.to_agent(np) or _CARRY
            elif own_subject is not None:
                speaker = doc.to_agent(own_subject) or _CARRY
            else:
                speaker = doc.speaker_for_cue(k, slo)
            if m.lemma in doc.lex.evidence_lemmas and not (
                isinstance(speaker, tuple)
                and _is_source_word(text[speaker[0] : speaker[1]].split()[0])
            ):
                continue  # أظهرت الصفقة أن…: only a record or a body shows what was found
            if m.lemma in doc.lex.learned_lemmas and speaker == _CARRY:
                continue  # علمت الصحيفة أن…: its own knowledge, no source named
            out.append(
                (
                    QuoteSuggestion(
                        (cs, ce),
                        "indirect",
                        speaker if speaker != _CARRY else None,
                        (cue_start, doc.words[k].end),
                        f"reported speech: {doc.words[k].text} + {doc.words[comp].text}",
                        0.6,
                        None,
                        None,
                    ),
                    speaker,
                )
            )
            covered.append((cs, ce))
        elif colon is not None:
            cs, _ = trim(text, doc.words[colon].end, shi)
            reversed_marks = cs < shi and text[cs] == "\u00bb" and cs not in doc.mark_pair
            if reversed_marks:
                # «وقال فلان:» أحرص على…»: a closing guillemet typed as the opener pairs with
                # nothing; the speech after it is the colon's
                cs, _ = trim(text, cs + 1, shi)
            next_line = cs >= shi and _line_after(doc, doc.words[colon].end)
            if next_line:
                # «لقد قال في رثاء أخيه:⏎<a verse>»: the colon ends its line, the words are
                # the next line (one paragraph, short, not a list item)
                cs, ce = next_line
            elif (
                cs >= shi
                or doc.opens_quote(cs)
                or text.startswith(("http", "www"), cs)
                or _LIST_ITEM.match(text, cs)
            ):
                continue  # (a link after "على الرابط:" is not speech, nor a numbered list)
            else:
                end = doc.colon_speech_end(doc.speech_end(shi))
                if reversed_marks:
                    # «قال:» العيد اختلف … « .»: typed with both guillemets reversed, the
                    # speech ends at the « that opens nothing
                    end = next(
                        (
                            i
                            for i in range(cs, end)
                            if text[i] == "\u00ab"
                            and (opener := doc.mark_pair.get(i)) is not None
                            and opener.close is None
                        ),
                        end,
                    )
                ce = trim(text, cs, doc.clause_end(cs, end, True), ".!?\u061f\u061b\u2026")[1]
            if ce <= cs or any(a < ce and cs < b for a, b in taken):
                continue
            if relative:  # «… الحربي التي تقول: طالبنا…»: the antecedent speaks
                speaker = doc.to_agent(doc.np_before(k - 1, slo)) or _CARRY
            else:
                speaker = doc.speaker_for_cue(k, slo)
            out.append(
                (
                    QuoteSuggestion(
                        (cs, ce),
                        "direct",
                        speaker if speaker != _CARRY else None,
                        (cue_start, doc.words[k].end),
                        f"unquoted speech after {doc.words[k].text}:",
                        0.4,
                        None,
                        None,
                    ),
                    speaker,
                )
            )
            covered.append((cs, ce))
        elif not m.participle and not relative:
            found = _unmarked_speech(doc, k, slo, shi)
            if found is None or any(a < found[1] and found[0] < b for a, b in taken):
                continue
            speaker = doc.speaker_for_cue(k, slo)
            if isinstance(speaker, tuple) and speaker[0] >= found[0]:
                speaker = _CARRY  # وأضاف نطالب…: the speech itself is no subject
            elif isinstance(speaker, tuple) and speaker[1] > found[0]:
                speaker = trim(text, speaker[0], found[0])
            out.append(
                (
                    QuoteSuggestion(
                        found,
                        "direct",
                        speaker if speaker != _CARRY else None,
                        (cue_start, doc.words[k].end),
                        f"unmarked first-person speech after {doc.words[k].text}",
                        0.35,
                        None,
                        None,
                    ),
                    speaker,
                )
            )
            covered.append(found)
    return out


_CHANNEL_PREPOSITIONS = frozenset(match_key(w) for w in "عبر في خلال على أمام".split())


def _subject_in_relative(doc: _Doc, k: int, comp: int | None, shi: int) -> Range | None:
    """Seventh session (from unannotated articles): a cue in a relative clause with its own
    subject before the complementiser — «الوكالات التي قال الرئيس فلان إنها…»، «في الوقت
    الذي أفاد فيه مصدر مسؤول في الوزارة بأن…» — reports that subject's words (the
    antecedent is only resumed by a pronoun or is the time of it). The subject is a noun
    phrase right after the cue (after فيه/فيها), followed by the complementiser at once or
    after a prepositional phrase (no verb between: «الذي كتب النص تعمد أن» is no such case)."""
    m = doc.cues[k]
    if comp is None or m is None or m.participle or comp > k + 12:
        return None
    if m.lemma in doc.lex.object_lemmas or m.ambiguous:
        # الذي أبلغ صحيفة كذا أن…: the noun is the one told, the antecedent tells; الذي كتب
        # النص تعمد أن…: a word used in another sense (كتب، تذكر) takes a noun object
        return None
    j = k
    if k + 1 < comp and doc.words[k + 1].key in _DOCUMENT_PPS:
        j = k + 1
    np = doc.np_after(j, doc.words[k].start, doc.words[comp].start)
    if np is None or not doc.words[j + 1].start == np[0]:
        return None
    after = doc.word_index(np[1])
    gap = doc.words[after:comp]
    if gap and not (
        len(gap) <= 6
        and (gap[0].key in _PREPOSITIONS or gap[0].key[:1] in ("ب", "ل"))
        and not any(w.is_punct and w.text not in _COMMAS for w in gap)
        and not any(doc.cues[i] is not None for i in range(after, comp))
    ):
        return None
    return np


def _relative_clause_cue(doc: _Doc, k: int, comp: int | None) -> bool:
    """«فلان الذي أكد أن…»، «التي تقول إن…»، «الذي غرد عبر حسابه … من أنه…»: a cue in a
    relative clause reports its antecedent's words when its complementiser follows at once
    (after إلى/على at most) or after a channel phrase (عبر حسابه، في بيان). Not when a
    pronoun after the cue makes the antecedent its object (التي أعلن عنها…، التي أكد فيها
    فلان أنه…), nor across other words (الذي كتب النص تعمد أن…)."""
    if comp is None or comp > k + 12:
        return False
    if comp <= k + 2:
        return comp == k + 1 or doc.words[k + 1].key in doc.lex.preps_after_cue
    return doc.words[k + 1].key in _CHANNEL_PREPOSITIONS


_LINE_AFTER_MAX_WORDS = 40
# «ذكر الموقع أبرزها: 1- عندما…»: a numbered list after a cue's colon lists items (tips,
# signs, steps), it is not the speaker's words
# sixth session (dev7): a colon after a pronoun or "the most notable of them" opens a
# list of the ones named (…6 أطراف متهمين في القضية وهم: فلان، وفلان…), not speech
_LIST_HEADS = frozenset(
    match_key(w)
    for w in (
        "هم وهم هي وهي هما وهما هن وهن منهم ومنهم منها ومنها أبرزهم وأبرزهم أبرزها وأبرزها "
        "أهمها وأهمها أهمهم وأهمهم"
    ).split()
)
_LIST_ITEM = re.compile(r"[0-9\u0660-\u0669]{1,2}\s*[-\u2013)]\s*\S|\u2022")


def _line_after(doc: _Doc, pos: int) -> Range | None:
    """The paragraph right after a colon that ends its line, when it is short (5 to
    _LINE_AFTER_MAX_WORDS words), holds no cue and does not open a list (1- / - / •) or a
    quotation (those have their own rules)."""
    text = doc.text
    i = pos
    while i < len(text) and text[i] in " \t":
        i += 1
    if i >= len(text) or text[i] != "\n":
        return None
    k = bisect_right(doc.para_starts, pos)
    if k >= len(doc.paragraphs):
        return None
    ps, pe = doc.paragraphs[k]
    if "\n\n" in text[pos:ps]:
        return None  # a blank line: the colon closes a heading, not a speech
    cs, ce = trim(text, ps, pe, ".!?\u061f\u061b\u2026")
    if ce <= cs or doc.opens_quote(cs) or text[cs] in "-\u2013\u2022*0123456789\u0660\u0661":
        return None
    k0, k1 = doc.word_index(cs), doc.word_index(ce)
    n_words = sum(1 for j in range(k0, k1) if not doc.words[j].is_punct)
    if not 5 <= n_words <= _LINE_AFTER_MAX_WORDS or any(doc.cues[j] for j in range(k0, k1)):
        return None  # (fewer than five words: a list item or a song's short lines)
    return cs, ce


_NOT_WE_ENDINGS = ("ه", "ات", "يا", "ين", "ان", "ون", "وي", "ي", "ا", "هم", "كم")


def _name_word(key: str) -> bool:
    """The second word of a name (نبيل الحربي، نصر بن فلان)."""
    return key in _NP_CONNECTORS or (key.startswith("ال") and key.endswith("ي"))


def _we_verb(w: Word, right_after_cue: bool) -> bool:
    """A first-person plural verb opening unmarked speech: سنخاطب، سنطلب (future, after the cue
    or its subject) or نطالب، نشكر (present, only right after a cue with no subject, where a
    name in ن‍ would be its subject instead: that case needs a سـ)."""
    key = w.key
    if w.is_punct or "\u064b" in w.text or key.endswith(_NOT_WE_ENDINGS):
        return False
    if key.startswith("سن") and 5 <= len(key) <= 8:
        return True
    if w.text.startswith("\u0633\u0623") and 5 <= len(key) <= 8:
        return True  # سأغادر، سأعمل: the first-person singular future (the hamza is written)
    return (
        right_after_cue
        and key.startswith("ن")
        and 4 <= len(key) <= 6
        and key[1] not in "او"  # نايف، ناصر، نواف: names
        and not (len(key) == 5 and key[2] == "ا" and key[3] in "ءي")  # نصائح، نتائج: plurals
        and key not in _TITLE_NOUNS
    )


def _unmarked_speech(doc: _Doc, k: int, slo: int, shi: int) -> Range | None:
    """Direct speech with neither marks nor colon: the cue, its subject (and a relative
    apposition set off by commas), then the speaker's own pronoun (نحن، أنا، إننا) or a
    first-person plural future (سوف يمكننا) — `فيقول سعيد نحن في موسم أعياد…`، `وقال فلان،
    الذي يقود الفريق، سوف يمكننا…`."""
    m = doc.cues[k]
    if m is None or m.ambiguous:
        return None
    n = len(doc.words)
    np = doc.np_after(k, slo, shi)
    j = doc.word_index(np[1]) if np is not None else k + 1
    if (
        k + 2 < n
        and m.proclitic
        and doc.words[k + 1].start < shi
        and _we_verb(doc.words[k + 1], True)
        and not _name_word(doc.words[k + 2].key)
    ):
        j = k + 1  # وأضاف نطالب أيضا بـ…: no subject, the speaker's own verb
    else:  # وقال الوزير سنخاطب…: the subject phrase stops at the speaker's own future verb
        j = next((i for i in range(k + 2, j) if _we_verb(doc.words[i], False)), j)
    if j >= n or doc.words[j].start >= shi:
        return None
    if doc.words[j].text in _COMMAS and j + 1 < n and doc.words[j + 1].key in _RELATIVES:
        j = next((i + 1 for i in range(j + 2, min(j + 12, n)) if doc.words[i].text in _COMMAS), n)
    if j + 1 >= n or doc.words[j].start >= shi or doc.words[j].is_punct:
        return None
    w0, w1 = doc.words[j], doc.words[j + 1]
    future_we = (
        w0.key in ("سوف", "لقد", "قد")
        and w1.key[:1] in "يتن"
        and w1.key.endswith("نا")
        and "\u064b" not in w1.text
    )
    if (
        w0.key not in _SPEECH_OPENING_PRONOUNS
        and not future_we
        and not _we_verb(w0, j == k + 1 and bool(m.proclitic))
    ):
        return None
    if doc.quoted[j] or doc.quoted[j + 1]:
        return None
    cs = doc.words[j].start
    ce = trim(doc.text, cs, doc.clause_end(cs, doc.speech_end(shi), True), ".!?\u061f\u061b\u2026")[
        1
    ]
    return (cs, ce) if ce > cs else None


_ACCORDING = frozenset(match_key(w) for w in "بحسب حسب حسبما وفق وفقا نقلا طبقا".split())
_SOURCE_NOUNS = frozenset(
    match_key(w)
    for w in (
        "وكالة وكالات وسائل مصادر مصدر صحيفة صحف تقرير تقارير بيان وزارة موقع قناة إذاعة "
        "تلفزيون مسؤول مسؤولين مسؤولون متحدث متحدثة ناطق ناطقة شهود رويترز فرانس أنباء إعلام "
        "إحصاءات إحصائيات إحصائية دراسة هيئة مركز مرصد مدير مديرة مديرية شرطة مكتب خبراء محللين "
        "مراقبين تصريحات تصريح أرقام بيانات نتائج استطلاع أمم منظمة جمعية شركة حكومة جيش "
        "مفوضية بنك صندوق مجلس لجنة نيابة محكمة ديوان سلطات أجهزة رئيس وزير محافظ أمين قائد "
        "سفارة قنصلية جامعة معهد اتحاد نادي إدارة مؤسسة معلومات مقربين مقربون سكان برلمان كنيست "
        # fifth session: bodies and records in the plural or as an institution
        "منظمات هيئات جهات قضاء وثائق سجلات محاضر "
        # sixth session: records that show (أظهر مسح أن…)
        "مسح دراسات أبحاث بحث"
    ).split()
)


# وفق / وفقا / طبقا also mean "in accordance with" (a plan, a rule, the aims): attribution
# only when the phrase opens with a source, a name or ما + a reporting verb
_ACCORDANCE = frozenset(match_key(w) for w in "وفق وفقا طبقا".split())


def _definite_non_source(word: str) -> bool:
    """الأهداف، للأنظمة، للخطة: a definite common noun heading the phrase after وفق/طبقا, not
    a source noun (للوزارة، المرصد) and not a name (a name's first word has no ال)."""
    key = match_key(word)
    for pre in ("لل", "وال", "ال"):
        if key.startswith(pre) and len(key) - len(pre) >= 3:
            return not _is_source_word(word)
    return False


def _is_source_word(word: str) -> bool:
    """لوزارة، للمركز، والمصادر، الأمم: a source noun under و/ل/ال."""
    key = match_key(word)
    cands = {key}
    for pre in ("و", "ل", "لل", "ال", "وال", "ول"):
        if key.startswith(pre) and len(key) - len(pre) >= 3:
            cands.add(key[len(pre) :])
    return not cands.isdisjoint(_SOURCE_NOUNS)


_REPORTED_AFTER_MA = frozenset(
    match_key(w) for w in "نشرت نشر أظهر أظهرت أظهرته أظهرها نشرته نشرها أوردته".split()
)


def _reports_after_ma(doc: _Doc, key: str) -> bool:
    """بحسب ما ذكرت / ذكرته / نشرته صحيفة / أظهر استطلاع: a reporting verb after ما, with
    or without the pronoun that refers back to ما."""
    if doc.lex.cue(key) is not None or key in _REPORTED_AFTER_MA:
        return True
    for suffix in ("ه", "ها"):
        if key.endswith(suffix) and len(key) > len(suffix) + 2:
            if doc.lex.cue(key[: -len(suffix)]) is not None:
                return True
    return False


def _definite_source(doc: _Doc, source: Range) -> Range:
    """A definite source phrase (للكنيست، لوزارة السياحة) goes on only through definite words:
    the first word without ال after it is the verb of the attributed clause when the
    attribution opens the sentence (وطبقا للكنيست تصدر إسرائيل…، ووفقا للوزارة ارتفع…)."""
    k0, k1 = doc.word_index(source[0]), doc.word_index(source[1])
    keys = [doc.words[i].key for i in range(k0, k1)]
    if not keys:
        return source
    definite = keys[0].startswith(("لل", "ال", "وال")) or (
        len(keys) > 1 and keys[1].startswith("ال")
    )
    if not definite:
        return source
    for i in range(k0 + 1, k1):
        key = doc.words[i].key
        if not key.startswith(("ال", "وال")) and key not in _NP_CONNECTORS:
            return (source[0], doc.words[i - 1].end)
    return source


def _according(doc: _Doc, taken: list[Range]) -> list[tuple[QuoteSuggestion, Agent | str]]:
    """A clause attributed with بحسب / حسب / حسبما ذكرت / وفقاً لـ / نقلاً عن: the clause the
    attribution covers (the rest of the sentence when it opens the sentence, else the words
    before it), the source's noun phrase as speaker and the attribution phrase as cue."""
    out: list[tuple[QuoteSuggestion, Agent | str]] = []
    n = len(doc.words)
    for k, w in enumerate(doc.words):
        base = w.key[1:] if w.key[:1] == "و" and w.key[1:] in _ACCORDING else w.key
        if w.is_punct or base not in _ACCORDING or doc.quoted[k]:
            continue
        slo, shi = doc.sentence_of(w.start)
        if any(
            doc.cues[i] is not None and not doc.cues[i].ambiguous  # type: ignore[union-attr]
            for i in range(doc.word_index(slo), k)
        ):
            continue  # وذكر موقع …، نقلاً عن مسؤول، أن…: part of the cue's attribution
        head = k
        nxt_key = doc.words[k + 1].key if k + 1 < n else ""
        if base == "حسبما" or nxt_key in ("ما", "لما"):
            # وفقًا لما أعلنه الاتحاد: ل glued to ما, like وفقاً لـ + ما ذكرته
            cj = k + 1 if base == "حسبما" else k + 2
            if cj >= n or not _reports_after_ma(doc, doc.words[cj].key):
                continue
            head = cj
            source = doc.np_after(cj, slo, shi)
        else:
            if k + 1 < n and doc.words[k + 1].key in ("ل", "عن"):
                head = k + 1
            source = doc.np_after(head, slo, shi)
            quoted_name = (
                doc.short_name_at(head + 1)
                if head + 1 < n and doc.is_mark(head + 1) and k == doc.word_index(slo)
                else None
            )
            if quoted_name is not None:
                # «وبحسب "رويترز"، فإن…» opening the sentence: a name in marks is a source (at
                # a sentence's end, «… بحسب "المرصد"», it stays a name, as on the seed article)
                pair = doc.mark_pair[doc.words[head + 1].start]
                source = trim(doc.text, pair.open + 1, pair.close or pair.end)
            nxt = doc.words[head + 1] if head + 1 < n else None
            if source is None and nxt is not None and nxt.key[:1] == "ل" and len(nxt.key) > 3:
                rest = doc.np_after(head + 1, slo, shi)  # وفقاً للمركز الوطني
                source = (nxt.start, rest[1] if rest else nxt.end)
            if source is not None:  # وطبقا للكنيست تصدر…: the verb ends a definite source
                source = _definite_source(doc, source)
            keys = doc.text[source[0] : source[1]].split() if source else []
            if quoted_name is None and not any(_is_source_word(x) for x in keys):
                continue
            if base in _ACCORDANCE and quoted_name is None and _definite_non_source(keys[0]):
                continue  # وفق الأهداف الحديثة والإدارة…: "in accordance with", no source
        if source is None:
            continue
        k0 = doc.word_index(slo)
        if k == k0:
            j = doc.word_index(source[1])
            comma = next(
                (
                    i
                    for i in range(j, min(j + 12, n))
                    if doc.words[i].start < shi
                    and (
                        (doc.words[i].is_punct and doc.words[i].text in _COMMAS)
                        or doc.words[i].key in ("فان", "فانه", "فانها")
                        or (
                            not doc.words[i].is_punct
                            and doc.lex.is_complementizer(doc.words[i].key)
                        )
                    )
                ),
                None,
            )
            if comma is not None:  # وبحسب تقرير … نُشر في مايو الماضي، فقد شهدت…
                j = comma if doc.words[comma].is_punct else comma + 1
            if j + 1 < n and doc.words[j].is_punct and doc.words[j + 1].key in _RELATIVES:
                # وطبقا للمصدر، الذي رفض الإفصاح عن اسمه…، فإن…: past the relative clause
                j = next(
                    (
                        i + 1
                        for i in range(j + 2, min(j + 24, n))
                        if doc.words[i].start < shi
                        and doc.words[i].key in ("فان", "فانه", "فانها", "ان")
                    ),
                    j,
                )
            while j < n and doc.words[j].is_punct and doc.words[j].text in _COMMAS:
                j += 1
            if j < n and doc.words[j].key in ("فان", "فانه", "فانها", "ان", "فقد"):
                j += 1
            if (
                j >= n
                or "\n" in doc.text[source[1] : doc.words[j].start]
                or doc.words[j].key in _NOT_SPEAKERS
            ):
                continue  # «نقلا عن صحيفة كذا» closing an article (رابط الخبر…): no clause
            cs = doc.words[j].start
            end = doc.speech_end(shi)
            ce = trim(doc.text, cs, doc.clause_end(cs, end), ".!?\u061f\u061b\u2026")[1]
        else:
            cs = slo
            ce = trim(doc.text, slo, w.start, ".,\u060c\u061b")[1]
            last = doc.word_index(ce) - 1
            if last > 0 and doc.words[last].key in ("وذلك", "وهذا", "ذلك"):
                ce = trim(doc.text, slo, doc.words[last].start, ".,\u060c\u061b")[1]
        if ce <= cs or len(doc.text[cs:ce].split()) < 4:
            continue
        if any(a < ce and cs < b for a, b in taken) or doc.opens_quote(cs):
            continue
        speaker = doc.to_agent(source)
        out.append(
            (
                QuoteSuggestion(
                    (cs, ce),
                    "indirect",
                    speaker,
                    (w.start, doc.words[head].end),
                    f"attributed with {doc.text[w.start : doc.words[head].end]}",
                    0.45,
                ),
                speaker,
            )
        )
        taken.append((cs, ce))
    return out


def _stock_phrase(doc: _Doc, k: int, comp: int, slo: int) -> bool:
    """Not reported speech although a cue and أن meet: an impersonal passive right before أن
    with no subject before it (يُذكر أن، ويُرجّح أن، كما يُعتقد أن), or a complement of a noun
    of rumour (نفى … مزاعم بأن، الأنباء التي تفيد بأن)."""
    if doc.words[comp - 1].key in _RUMOUR_NOUNS:
        # أفادت تقارير أن…، وذكرت الأنباء أن…: right after a cue that reports (not one that
        # denies or accuses) the noun is its subject, the source
        m = doc.cues[k]
        return not (comp == k + 2 and m is not None and m.lemma not in _DENIAL_LEMMAS)
    key = doc.words[k].key
    bare = key[1:] if key[:1] in ("و", "ف") and key[1:] in _IMPERSONAL else key
    if bare not in _IMPERSONAL:
        return False
    # ويُذكر هنا أن / وهنا يُذكر أن: an adverb of the writer's beside the stock phrase
    j = k + 1
    while bare == "يذكر" and j < comp and doc.words[j].key in _STOCK_ADVERBS:
        j += 1  # (ويتوقع أيضا أن… may be a speaker's forecast, carried: left to the cue)
    before = doc.np_before(k, slo)
    if before is not None and bare == "يذكر" and doc.words[k - 1].key in _STOCK_ADVERBS:
        before = None if before[0] == doc.words[k - 1].start else before
    return comp == j and before is None


# sixth session (dev5): words of evidence that take على/إلى + أن themselves (مؤشرات تدل على
# أن…، دليل على أن…): the clause is what the evidence shows, not what the cue's subject said
_EVIDENCE_WORDS = frozenset(
    match_key(w)
    for w in (
        "دل دلت يدل تدل يدلل تدلل دليل دليلا دلالة دلائل مؤشر مؤشرا مؤشرات علامة علامات "
        "برهان براهين قرينة قرائن"
    ).split()
)
_OR = frozenset(match_key(w) for w in "أم أو او".split())
# sixth session (dev7): nouns of possibility, need and importance take أن themselves
# (أشار إلى إمكانية أن تكون…، لفت إلى ضرورة أن…): what the cue reports is the noun, not a clause
_MODAL_NOUNS = frozenset(
    match_key(w)
    for w in (
        "إمكانية امكانية احتمال احتمالية إمكان امكان ضرورة أهمية اهمية صعوبة استحالة "
        "جواز وجوب حتمية"
    ).split()
)


_DESPITE = frozenset(match_key(w) for w in "بالرغم الرغم وبالرغم".split())


def _governed_elsewhere(doc: _Doc, comp: int) -> bool:
    """أن that is not the cue's complement: after أم/أو it coordinates an earlier أن (…على
    أنك تعتبره وسيلة أم أنه محور حياتك), after a word of evidence + على/إلى it is that word's
    (أورد الموقع مؤشرات تدل على أن…)."""
    before = doc.words[comp - 1]
    if before.key in _OR:
        return True
    if before.key == "من" and comp >= 2 and doc.words[comp - 2].key in _DESPITE:
        return True  # بالرغم من أن…: "although", not what was said
    if before.key in ("علي", "الي") and comp >= 2:
        word = doc.words[comp - 2].key
        return word in _EVIDENCE_WORDS or (word[:1] in "وف" and word[1:] in _EVIDENCE_WORDS)
    if before.key in _MODAL_NOUNS and comp >= 2 and doc.words[comp - 2].key in ("علي", "الي"):
        return True  # أشار إلى إمكانية أن…: the noun's complement
    return False


def _speaker_events(doc: _Doc) -> list[tuple[int, Agent]]:
    """(position, speaker) of every clear cue with an explicit subject, in reading order."""
    out: list[tuple[int, Agent]] = []
    for k, m in enumerate(doc.cues):
        if m is None or m.ambiguous or m.participle:
            continue
        slo, _ = doc.sentence_of(doc.words[k].start)
        if _nested_cue(doc, k, doc.word_index(slo)):
            continue  # أن بلاغا ورد يفيد بنشوب حريق: not a speaker of its own
        sp = doc.speaker_for_cue(k, slo)
        if sp is not None and sp != _CARRY:
            out.append((doc.words[k].start, sp))
    return out


def _resolve_carry(
    doc: _Doc, raw: list[tuple[QuoteSuggestion, Agent | str]]
) -> list[QuoteSuggestion]:
    """Cues without an explicit subject inherit the last speaker named before them: the subject
    of the nearest earlier cue verb, or the speaker of an earlier suggestion, in the same
    paragraph or at most CARRY_PARAGRAPHS paragraphs back (newspapers give each sentence its
    own paragraph). A carried speaker is carried on in turn (وقال… / وأضاف… / وتابع…)."""
    events = _speaker_events(doc)
    events.extend((s.content[0], sp) for s, sp in raw if sp is not None and sp != _CARRY)
    events.sort(key=lambda e: e[0])
    positions = [e[0] for e in events]
    par_starts = [s for s, _ in doc.paragraphs]
    order = sorted(range(len(raw)), key=lambda n: _anchor(raw[n][0]))
    out: list[QuoteSuggestion] = [s for s, _ in raw]
    for n in order:
        sug, speaker = raw[n]
        if speaker != _CARRY:
            continue
        anchor = _anchor(sug)
        i = bisect_left(positions, anchor) - 1
        if i < 0:
            continue
        gap = bisect_right(par_starts, anchor) - bisect_right(par_starts, positions[i])
        if gap > (CARRY_PARAGRAPHS if sug.cue else 0):
            continue
        where = "an earlier cue" if gap == 0 else f"{gap} paragraph(s) back"
        out[n] = replace(
            sug,
            speaker=events[i][1],
            reason=sug.reason + f"; speaker carried over from {where}",
            confidence=round(sug.confidence - (0.1 if gap else 0.0), 2),
        )
        positions.insert(i + 1, anchor)
        events.insert(i + 1, (anchor, events[i][1]))
    return out


def _anchor(s: QuoteSuggestion) -> int:
    return s.cue[0] if s.cue else s.content[0]
