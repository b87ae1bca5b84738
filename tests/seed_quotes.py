"""Hand-made gold list for the reference article (tests/conftest.py SEED), written by reading it.

Only short anchors are stored (first and last words of each quotation, first words of each
reported clause), never the article. Each entry: (kind, first, last, speakers, type)
- kind "«" / '"': quoted content; expected span = from `first` (right after the mark) to the end
  of `last` (right before the closing mark).
- kind "indirect": a reported clause after أن/إن; `first` = its first words (unique in the
  article; "context|words" when the words alone repeat); `last` unused. A suggestion matches when its content or frame starts there.
- kind "unmarked": direct speech with no quotation marks (after a colon or none); `first` only.
speakers: acceptable surface strings for the speaker (any one, compared by containment);
() means "no speaker" (a title in quotation marks).
"""

from __future__ import annotations

Gold = tuple[str, str, str, tuple[str, ...], str]

ASSAD = ("الأسد", "الرئيس السوري")
PESKOV = ("بيسكوف",)
MERKEL = ("ميركل",)
PUTIN = ("بوتين",)
SHOIGU = ("شويغو", "وزير الدفاع الروسي")
OBS = ("المرصد",)
RAMI = ("رامي عبدالرحمن", "رامي عبد الرحمن", "مدير المرصد")
WARREN = ("وارن", "المتحدث العسكري باسم الائتلاف")
WOMAN = ("شابة", "الشابة")

GUILLEMETS: list[Gold] = [
    ("«", "سيبحثان في الجهود", "انتقال سياسي في سوريا", ("تونر",), "mixed"),
    ("«", "جون كيري قادم", "وزير خارجية روسيا", PESKOV, "direct"),
    ("«", "لا نستبعد إمكانية", "على محادثاتهما", PESKOV, "direct"),
    ("«", "المعقدة", "المعقدة", ("وزارة الخارجية الروسية",), "mixed"),
    ("«", "لم يتضح لنا", "الطائرات الروسية", ("كيري",), "mixed"),
    ("«", "معظم", "معظم", MERKEL, "mixed"),
    ("«", "التحالف الدولي ضد تنظيم", "فروا من الأسد", MERKEL, "direct"),
    ("«", "انه يواصل إلقاء", "على رأس الدولة", MERKEL, "direct"),
    ("«", "حل سياسي", "حل سياسي", MERKEL, "mixed"),
    ("«", "لفتة جديدة", "فريدة رائعة", ("فالس",), "mixed"),
    ("«", "الولايات المتحدة وفرت", "حليفة للولايات المتحدة", ASSAD, "direct"),
    ("«", "تركيا هي شريان", "داعش الإرهابي", ASSAD, "direct"),
    ("«", "الخطوة الأولى للقضاء", "عبر تركيا، لتلك التنظيمات", ASSAD, "direct"),
    ("«", "تريد هذه الدول", "أي بلد من البلدان", ASSAD, "direct"),
    ("«", "الواقعية، وعدم الخلط", "والجماعات المسلحة", ASSAD, "direct"),
    ("«", "الحكومة السورية أجرت", "تخليها عن السلاح", ASSAD, "direct"),
    ("«", "هذه هي الطريقة الوحيدة", "أمر نرفضه تماماً", ASSAD, "direct"),
    ("«", "من بين تلك المجتمعة", "أو نظام آخر في العالم.", ASSAD, "direct"),
    ("«", "لم يطلب شيئا", "سوريا والعراق والمنطقة", ASSAD, "mixed"),
]

STRAIGHT: list[Gold] = [
    ('"', "العدوان السافر", "العدوان السافر", ("النظام السوري",), "mixed"),
    ('"', "سبعة اطفال واربع", "لمدينة الحسكة", OBS, "direct"),
    ('"', "باستهداف احد معسكرات", "ثلاثة عشر آخرين", ("وزارة الخارجية السورية",), "mixed"),
    ('"', "الاعتداء السافر", "الاعتداء السافر", ("وزارة الخارجية السورية",), "mixed"),
    ('"', "مستودعات ذخيرة", "ومعسكر تدريب", ("مصدر عسكري سوري",), "mixed"),
    ('"', "تأكيداً جديداً", "لا حدود له", ("الخارجية السورية",), "direct"),
    ('"', "بالتحرك الفوري", "لمنع تكراره", ("الخارجية السورية",), "direct"),
    ('"', "ان الشبهة تدور", "منطقة دير الزور", ("مسؤول أميركي",), "direct"),
    ('"', "المرة الاولى التي", "قصف جوي من الائتلاف", RAMI, "direct"),
    ('"', "لم يسبق ان تعرضت", "له في دير الزور", RAMI, "direct"),
    ('"', "اطلعنا على التقارير", "ما من ادلة", WARREN, "direct"),
    ('"', "تبعد 55 كيلومترا", "تعرض للقصف", WARREN, "mixed"),
    ('"', "عدم وجود اي عناصر", "عناصر بشرية", WARREN, "mixed"),
    ('"', "كل ما قصفناه", "آبار نفط", WARREN, "mixed"),
    ('"', "اربع ضربات بالقرب", "لتنظيم داعش", ("قيادة القوات الاميركية", "سنتكوم"), "mixed"),
    ('"', "التقارير عن تورط", "الائتلاف خاطئة", ("ماكغورك", "ممثل الرئيس الاميركي"), "direct"),
    ('"', "كيانات سياسية", "كيانات سياسية", ASSAD, "mixed"),
    ('"', "وقف تدفّق الإرهابيين", "لتلك التنظيمات", ASSAD, "mixed"),
    ('"', "شريان حياة", "شريان حياة", ASSAD, "mixed"),
    ('"', "التواطؤ", "التواطؤ", ASSAD, "mixed"),
    ('"', "الغطاء السياسي للإرهاب", "جادة في محاربته", ASSAD, "mixed"),
    ('"', "طالما ظلّت", "حليفة للولايات المتحدة", ASSAD, "direct"),
    ('"', "عندما تكون مستعدة", "السوري من جهة أخرى", ASSAD, "mixed"),
    ('"', "كان الرئيس رجب", "لا نتوقّع ذلك", ASSAD, "mixed"),
    ('"', "لم أفكر أبداً", "بدعم غالبية السوريين", ASSAD, "direct"),
    ('"', "عقد صفقة مقايضة", "عقد صفقة مقايضة", ASSAD, "mixed"),
    ('"', "بمنتهى الحزم", "بمنتهى الحزم", PUTIN, "mixed"),
    ('"', "أُريد أن أُحذّر", "تحت تغطية مقاتلات", PUTIN, "direct"),
    ('"', "آمر بالتصرّف", "سيُدمّر على الفور", PUTIN, "direct"),
    ('"', "التعاون مع أي حكومة", "بالقضاء على الإرهابيين", PUTIN, "direct"),
    ('"', "لا ترتبط بمصالح", "يُهدّد روسيا", PUTIN, "mixed"),
    ('"', "يُساعد عمل قواتنا", "والجيش السوري الحر", PUTIN, "direct"),
    ('"', "الكثير من وحدات", "لهم دعماً مادياً", PUTIN, "direct"),
    ('"', "واطلع الجانب البريطاني", "وضمان أمن المقاتلات", ("بيان وزارة الدفاع",), "direct"),
    ('"', "مقتل ثمانية اشخاص", "في مدينة حمص", ("سانا", "وكالة الانباء الرسمية"), "direct"),
    ('"', "جراء انفجار آلية", "وسط مدينة حمص", OBS, "mixed"),
    ('"', "شاحنة مفخخة بحوالى", "في حي الزهراء", ("طلال برزي", "محافظ حمص"), "direct"),
    ('"', "التفجير كان مروّعا", "بشكل كامل", WOMAN, "direct"),
    ('"', "التفجير خلّف حفرة", "من مئة متر", WOMAN, "direct"),
    ('"', "دوت انفجارات أخرى", "مركز لتوزيعها", WOMAN, "direct"),
    ('"', "دخلت السبت شاحنات", "الى حي الوعر", OBS, "mixed"),
    ('"', "مقتل قيادي في تنظيم", "في مدينة الرقة", OBS, "mixed"),
    ('"', "لم تتوفر اي تفاصيل", "حتى اللحظة", RAMI, "direct"),
    ('"', "ستة عناصر آخرين", "ستة عناصر آخرين", OBS, "mixed"),
    ('"', "غارات على مناطق", "محيط مدينة الرقة", OBS, "mixed"),
    ('"', "أربعة عناصر على الأقل", "غرب مدينة الرقة", OBS, "mixed"),
    ('"', "يُعتقد أنها صهاريج", "في بلدة تل تمر", OBS, "mixed"),
    ('"', "بسبب وجود جرحى", "تحت الانقاض", OBS, "mixed"),
    ('"', "معلومات مؤكدة وردت", "الوحدات الكردية", OBS, "direct"),
    ('"', "تمكن ثلاثة من فرسان", "وعشرات الجرحى.", ("التنظيم",), "direct"),
    ('"', "يعتقد انها صهاريج", "وأربع مواطنات", OBS, "mixed"),
]

INDIRECT: list[Gold] = [
    ("indirect", "داعش يسيطر عن 70", "", ("وزير الدفاع الروسي",), "indirect"),
    ("indirect", "بلاده سترد على أي", "", PUTIN, "indirect"),
    ("indirect", "لا تعاون مع الأسد", "", MERKEL, "indirect"),
    ("indirect", "كيري سيلتقي الرئيس", "", ("وزارة الخارجية الأميركية",), "indirect"),
    ("indirect", "كيري وبوتين «سيبحثان", "", ("تونر",), "mixed"),
    ("indirect", "قرار بوتين لقاء كيري", "", PESKOV, "indirect"),
    ("indirect", "كيري سيبحث أيضا", "", ("تونر",), "indirect"),
    ("indirect", "تأمل في ان تؤدي", "", ("وزارة الخارجية الروسية",), "mixed"),
    ("indirect", "موسكو لا تعتزم شن", "", ("لافروف",), "indirect"),
    ("indirect", "روسيا تعتبر أن التحالف", "", ("لافروف",), "indirect"),
    ("indirect", "لا يمكنها تأكيد مزاعم", "", ("وزارة الخارجية الأميركية",), "indirect"),
    ("indirect", "اطلع على تصريحات بوتين", "", ("كيري",), "indirect"),
    ("indirect", "هذا الدور يعتبر", "", ("فالس",), "mixed"),
    ("indirect", "على أوروبا أن تعطي", "", ("فالس",), "indirect"),
    ("indirect", "الكثير من الأوروبيين فقدوا", "", ("فالس",), "indirect"),
    ("indirect", "لا يتوقع مساعدة من المحافظين", "", ("رئيس الحكومة الفرنسية", "فالس"), "indirect"),
    ("indirect", "نفوذ الدولة الاسلامية يتزايد", "", SHOIGU, "indirect"),
    ("indirect", "عدد مقاتلي داعش", "", SHOIGU, "indirect"),
    ("indirect", "مجموعة القوات الجوية الروسية", "", SHOIGU, "indirect"),
    ("indirect", "القوات المسلحة الروسية نقلت", "", SHOIGU, "indirect"),
    ("indirect", "القوات المسلحة الروسية تملك", "", SHOIGU, "indirect"),
    ("indirect", "مستقبل الرئيس السوري أمر", "", PESKOV, "indirect"),
    ("indirect", "26 مدنيا على الاقل", "", OBS, "indirect"),
    ("indirect", "اربع طائرات من قوات", "", ("وزارة الخارجية السورية",), "mixed"),
    ("indirect", 'الغارات استهدفت "مستودعات', "", ("مصدر عسكري سوري",), "mixed"),
    ("indirect", "المعسكر المستهدف هو", "", OBS, "indirect"),
    ("indirect", "تكون روسيا خلف العملية", "", ("الولايات المتحدة",), "indirect"),
    ("indirect", "الروس قد يكونون مسؤولين", "", ("مسؤول أميركي",), "indirect"),
    ("indirect", "غارات الائتلاف استهدفت منطقة", "", WARREN, "mixed"),
    ("indirect", "قوات الائتلاف نفذت الاحد", "", ("قيادة القوات الاميركية",), "mixed"),
    ("indirect", "المملكة العربية السعودية حريصة", "", ("الملك سلمان",), "indirect"),
    ("indirect", "ندرك أن كل فرد", "", ("حجاب",), "indirect"),
    ("indirect", "غير جادة في محاربة الإرهاب.", "", ASSAD, "indirect"),
    ("indirect", "الرئيس الروسي فلاديمير بوتين «لم", "", ASSAD, "mixed"),
    ("indirect", "تريد ضم المجموعات", "", ASSAD, "indirect"),
    ("indirect", "(إي إف إي) أن |الخطوة الأولى", "", ASSAD, "mixed"),
    ("indirect", "واشنطن وفّرت منذ", "", ASSAD, "mixed"),
    ("indirect", "دمشق مستعدة للشروع", "", ASSAD, "mixed"),
    ("indirect", "يُمكن إشراك تركيا", "", ASSAD, "mixed"),
    ("indirect", "لا تناقض بين قيمهم", "", ASSAD, "indirect"),
    ("indirect", "روسيا لا تستطيع", "", ASSAD, "mixed"),
    ("indirect", "موسكو تُساند", "", PUTIN, "indirect"),
    ("indirect", "الطائرات الروسية شنّت", "", SHOIGU, "indirect"),
    ("indirect", "الوفد البريطاني أعرب", "", ("البيان الروسي",), "indirect"),
    ("indirect", "تدرس الطلب الروسي", "", ("بريطانيا",), "indirect"),
    ("indirect", "لا يزال بانتظار رد لندن", "", ("الكرملين",), "indirect"),
    ("indirect", "تقدم الى مشارف الزربة", "", ("الجيش",), "indirect"),
    ("indirect", "جعلهم أقل عدة", "", ("مقاتلو المعارضة",), "indirect"),
    ("indirect", "الضغط العسكري عليهم", "", ("المسلحون",), "indirect"),
    ("indirect", "مسلحي التنظيم شنوا", "", ("مصدر ميداني",), "indirect"),
    ("indirect", "ثلاثة انتحاريين فجّروا", "", OBS, "mixed"),
    ("indirect", "حصيلة القتلى مرشحة", "", OBS, "mixed"),
    ("indirect", "أحد الانفجارات الثلاثة", "", ("خليل",), "mixed"),
    ("indirect", "ثلاثة انتحاريين فجروا", "", OBS, "mixed"),
]

UNMARKED: list[Gold] = [
    ("unmarked", "نعمل على تحقيق الاستقرار", "", ("خادم الحرمين",), "direct"),
    ("unmarked", "لا نفاوض المجموعات", "", ASSAD, "direct"),
    ("unmarked", "مستقبل الأسد يجب", "", PESKOV, "direct"),
    ("unmarked", "الجهود تنصب الآن", "", PESKOV, "direct"),
    ("unmarked", "أهلاً بكم وأرحب", "", ("الملك سلمان",), "direct"),
    ("unmarked", "نرجو من الله", "", ("الملك سلمان",), "direct"),
    ("unmarked", "أقول وأكرر أن هذه", "", ("الملك سلمان",), "direct"),
    ("unmarked", "أرفع إليكم باسمي", "", ("حجاب",), "direct"),
    ("unmarked", "نحن ندرك أن يد", "", ("حجاب",), "direct"),
]

ALL: list[Gold] = GUILLEMETS + STRAIGHT + INDIRECT + UNMARKED

# Names and scare terms in straight quotes that are NOT quotations (kept to document the choice).
# The newspaper title «اوغسبورغر الغماينه» was a «…» item (with no speaker) until issue 11 made
# names in quotation marks no suggestion at all.
NOT_QUOTES = (
    "اوغسبورغر الغماينه",
    "داعش",
    "اسرائيل",
    "عاصمة الثورة",
    "الجيش السوري الحرّ",
    "الجهاديين",
    "فرانس برس",
)

# A clause after an opinion verb with no quotation marks in it (ورأى شويغو أن…): gold until
# issue 11's third session, when the guideline and the rules agreed that opinion and belief
# verbs (رأى/يرى، ارتأى، يعتقد) report a private state, not a speech act, unless the clause
# quotes the source's words in marks (the two ورأى أن … "…" clauses above stay, as mixed quotes).
OPINION_NOT_QUOTES = ("الوضع في العالم لا سيما",)
