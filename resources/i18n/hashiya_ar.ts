<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AgreementView</name>
    <message>
        <location filename="../../ui/team.py" line="+73"/>
        <source>Agreement</source>
        <translation>الاتفاق</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n document(s) marked done by two or more annotators</source>
        <translation>
            <numerusform>لا مستندات أنجزها موسِّمان أو أكثر</numerusform>
            <numerusform>مستند واحد أنجزه موسِّمان أو أكثر</numerusform>
            <numerusform>مستندان أنجزهما موسِّمان أو أكثر</numerusform>
            <numerusform>%n مستندات أنجزها موسِّمان أو أكثر</numerusform>
            <numerusform>%n مستندًا أنجزه موسِّمان أو أكثر</numerusform>
            <numerusform>%n مستند أنجزه موسِّمان أو أكثر</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Lowest first</source>
        <translation>الأدنى أولًا</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pairs</source>
        <translation>الأزواج</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annotators</source>
        <translation>الموسِّمون</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Labels</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>what</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+23"/>
        <source>F1 exact</source>
        <translation>‏F1 بالتطابق التام</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F1 relaxed</source>
        <translation>‏F1 بالتداخل</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>document</source>
        <translation>مستند</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>label</source>
        <translation>وسم</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a</source>
        <translation>الأول</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>b</source>
        <translation>الثاني</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>more</source>
        <translation>المزيد</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>entities</source>
        <translation>الكيانات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>quotes</source>
        <translation>الاقتباسات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>claims</source>
        <translation>الادعاءات</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location line="+64"/>
        <source>Assign documents to annotators</source>
        <translation>توزيع المستندات على الموسِّمين</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>amal, bilal, carim</source>
        <translation>أمل, بلال, كريم</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>random</source>
        <translation>عشوائية</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>with the project&apos;s annotations</source>
        <translation>مع توسيمات المشروع</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose…</source>
        <translation>اختيار…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Annotators (comma-separated)</source>
        <translation>الموسِّمون (مفصولون بفواصل)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shared by everyone</source>
        <translation>نسبة المشترك بين الجميع</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed</source>
        <translation>البذرة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Folder for the files</source>
        <translation>مجلد الملفات</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Folder for the annotators&apos; files</source>
        <translation>مجلد ملفات الموسِّمين</translation>
    </message>
</context>
<context>
    <name>AttributionController</name>
    <message>
        <location filename="../../ui/attribution_pick.py" line="+95"/>
        <source>Select the text first.</source>
        <translation>حدِّد النص أولًا.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing to tag: the selection holds no word.</source>
        <translation>لا شيء للوسم: التحديد لا يضم أي كلمة.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>tag quote</source>
        <translation>وسم اقتباس</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>tag claim</source>
        <translation>وسم ادعاء</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Saved.</source>
        <translation>حُفظ.</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>set speaker</source>
        <translation>تعيين المتحدث</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>set reporting verb</source>
        <translation>تعيين فعل الإسناد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>set claimant</source>
        <translation>تعيين صاحب الادعاء</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../ui/statistics_dock.py" line="+76"/>
        <source>PNG…</source>
        <translation>صورة PNG…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV…</source>
        <translation>جدول CSV…</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Save chart</source>
        <translation>حفظ الرسم البياني</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PNG (*.png)</source>
        <translation>صورة PNG ‏(*.png)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save numbers</source>
        <translation>حفظ الأرقام</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV (*.csv)</source>
        <translation>جدول CSV ‏(*.csv)</translation>
    </message>
</context>
<context>
    <name>CurationDock</name>
    <message>
        <location filename="../../ui/curation.py" line="+34"/>
        <source>Curation</source>
        <translation>التحكيم</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Take all agreed</source>
        <translation>أخذ كل المتفق عليه</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Take this version</source>
        <translation>أخذ هذه النسخة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark curated</source>
        <translation>تعليم كمُحكَّم</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <location filename="../../ui/details_panel.py" line="+54"/>
        <location line="+45"/>
        <source>Select an annotation to see its details.</source>
        <translation>اختر توسيمًا لعرض تفاصيله.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Speaker</source>
        <translation>ال&amp;متحدث</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Set speaker…</source>
        <translation>تعيين المتحدث…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ue</source>
        <translation>&amp;فعل الإسناد</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Set reporting verb…</source>
        <translation>تعيين فعل الإسناد…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clai&amp;mant</source>
        <translation>&amp;صاحب الادعاء</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Set claimant…</source>
        <translation>تعيين صاحب الادعاء…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In quote</source>
        <translation>ضمن اقتباس</translation>
    </message>
    <message>
        <location line="+54"/>
        <location line="+4"/>
        <source>unknown</source>
        <translation>غير معروف</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>none</source>
        <translation>لا يوجد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the article itself</source>
        <translation>المقالة نفسها</translation>
    </message>
</context>
<context>
    <name>DocumentController</name>
    <message>
        <location filename="../../ui/document_controller.py" line="+68"/>
        <source>curated</source>
        <translation>نُقِّح</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n left</source>
        <translation>
            <numerusform>لم يبقَ شيء</numerusform>
            <numerusform>بقي واحد</numerusform>
            <numerusform>بقي اثنان</numerusform>
            <numerusform>بقيت %n</numerusform>
            <numerusform>بقي %n</numerusform>
            <numerusform>بقي %n</numerusform>
        </translation>
    </message>
    <message>
        <location line="+77"/>
        <location line="+15"/>
        <source>the project is open read-only</source>
        <translation>المشروع مفتوح للقراءة فقط</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>set status</source>
        <translation>تعيين الحالة</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation type="vanished">
            <numerusform>لا حروف</numerusform>
            <numerusform>حرف واحد</numerusform>
            <numerusform>حرفان</numerusform>
            <numerusform>%n أحرف</numerusform>
            <numerusform>%n حرفًا</numerusform>
            <numerusform>%n حرف</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message>
        <location filename="../../ui/document_view.py" line="+781"/>
        <source>F1: the guidelines on the selected annotation&apos;s label</source>
        <translation>‏F1: الدليل الخاص بوسم التوسيم المحدد</translation>
    </message>
    <message>
        <location line="-508"/>
        <source>nothing to tag here</source>
        <translation>لا كلمة هنا توسَم</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>key tags the exact characters (Alt)</source>
        <translation>المفتاح يوسم الأحرف المحددة كما هي (⁦Alt⁩)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>key tags: {policy} · Alt: exact</source>
        <translation>المفتاح يوسم: {policy} · ⁦Alt⁩: الأحرف كما هي</translation>
    </message>
    <message>
        <location line="+493"/>
        <source>unknown annotator</source>
        <translation>موسِّم غير معروف</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{character}: a control character kept in the stored text</source>
        <translation>{character}: محرف تحكم محفوظ في النص المخزَّن</translation>
    </message>
</context>
<context>
    <name>DocumentsPane</name>
    <message>
        <location filename="../../ui/panes.py" line="+190"/>
        <source>%v of %m documents done</source>
        <translation>أُنجز %v من %m مستندات</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="vanished">المستندات</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Mark as {status}</source>
        <translation>وضع الحالة: {status}</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%v of {total} documents done</source>
        <translation>أُنجز %v من {total} مستندات</translation>
    </message>
    <message>
        <location line="-129"/>
        <source>Filter by first words…</source>
        <translation>تصفية بالكلمات الأولى…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>any status</source>
        <translation>أيًّا كانت الحالة</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Filter by source…</source>
        <translation>تصفية بالمصدر…</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>{row} of {shown} shown</source>
        <translation>{row} من {shown} معروضة</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{shown} shown</source>
        <translation>المعروضة: {shown}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{total} documents</source>
        <translation>المستندات: {total}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/export_dialog.py" line="+67"/>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>&amp;Annotations:</source>
        <translation>ال&amp;توسيمات:</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>&amp;Browse…</source>
        <translation>ت&amp;صفح…</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Data&amp;set:</source>
        <translation>م&amp;جموعة البيانات:</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>&amp;Documents:</source>
        <translation>الم&amp;ستندات:</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>&amp;Export</source>
        <translation>&amp;تصدير</translation>
    </message>
    <message>
        <location line="-98"/>
        <source>&amp;Format:</source>
        <translation>ال&amp;صيغة:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Kinds:</source>
        <translation>الأ&amp;نواع:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Offsets:</source>
        <translation>الإ&amp;زاحات:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Proclitics:</source>
        <translation>السوابق الم&amp;تصلة:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start each document with a -DOCSTART- line</source>
        <translation>ابدأ كل مستند بسطر ‎-DOCSTART-‎</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>CoNLL-2003&apos;s document marker: without it the documents of the file cannot be told apart when it is imported again.</source>
        <translation>علامة بداية المستند في CoNLL-2003: من دونها لا يمكن التمييز بين مستندات الملف عند استيراده من جديد.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>CoNLL:</source>
        <translation>CoNLL:</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>&amp;Write to:</source>
        <translation>ا&amp;كتب في:</translation>
    </message>
    <message>
        <location line="-93"/>
        <source>All documents</source>
        <translation>كل المستندات</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Annotator: {name}</source>
        <translation>الموسِّم: {name}</translation>
    </message>
    <message>
        <location line="+132"/>
        <source>Choose where to write the export.</source>
        <translation>اختر أين يُكتب التصدير.</translation>
    </message>
    <message>
        <location line="-188"/>
        <source>Claims</source>
        <translation>الادعاءات</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>CoNLL, Wojood layout (entities)</source>
        <translation>CoNLL بتخطيط وجود (الكيانات)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Entities</source>
        <translation>الكيانات</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Every annotator&apos;s, each span marked</source>
        <translation>توسيمات كل موسِّم، وكلٌّ منها معلَّم باسمه</translation>
    </message>
    <message>
        <location line="+182"/>
        <source>Export to</source>
        <translation>التصدير إلى</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Folder to write the export in</source>
        <translation>المجلد الذي يُكتب فيه التصدير</translation>
    </message>
    <message>
        <location line="-180"/>
        <source>Gold layer only</source>
        <translation>الطبقة المعتمدة وحدها</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Gold where curated, else the single annotator&apos;s</source>
        <translation>المعتمدة حيث نُقّحت، وإلا توسيمات الموسِّم الوحيد</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>Hashiya JSONL (native, everything)</source>
        <translation>JSONL حاشية (الصيغة الأصلية، كل شيء)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>INCEpTION / WebAnno TSV (a folder)</source>
        <translation>INCEpTION / WebAnno TSV (مجلد)</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Kept in their token</source>
        <translation>تبقى في كلمتها</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>Label Studio JSON</source>
        <translation>Label Studio JSON</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>Label Studio:</source>
        <translation>Label Studio:</translation>
    </message>
    <message>
        <location line="-100"/>
        <source>Prodigy JSONL</source>
        <translation>Prodigy JSONL</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Quotes</source>
        <translation>الاقتباسات</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Relations</source>
        <translation>العلاقات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sequence labels, no relations</source>
        <translation>وسوم تسلسلية، بلا علاقات</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Split by document:</source>
        <translation>التقسيم حسب المستند:</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Split off as tokens of their own</source>
        <translation>تُفصل وحدات مستقلة</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>The format&apos;s own</source>
        <translation>ما تعتمده الصيغة</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>Tokens JSONL, one sentence a line</source>
        <translation>JSONL للوحدات، جملة في كل سطر</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>UTF-16 units</source>
        <translation>وحدات UTF-16</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Write the spans as predictions (pre-annotations)</source>
        <translation>اكتب التوسيمات تنبؤاتٍ (توسيمًا مسبقًا)</translation>
    </message>
    <message>
        <location line="-99"/>
        <source>brat standoff (a folder)</source>
        <translation>brat (مجلد)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>code points</source>
        <translation>نقاط الترميز</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>doccano &amp;layout:</source>
        <translation>&amp;تخطيط doccano:</translation>
    </message>
    <message>
        <location line="-98"/>
        <source>doccano JSONL</source>
        <translation>doccano JSONL</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>each source folder apart</source>
        <translation>كل مجلد مصدر على حدة</translation>
    </message>
    <message>
        <location line="-98"/>
        <source>graphemes</source>
        <translation>العناقيد الكتابية</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>seed </source>
        <translation>البذرة </translation>
    </message>
    <message>
        <location line="-110"/>
        <source>spaCy DocBin</source>
        <translation>spaCy DocBin</translation>
    </message>
</context>
<context>
    <name>ExternalChangeWatcher</name>
    <message>
        <location filename="../../ui/external_changes.py" line="+49"/>
        <source>The project was changed by another program: updated.</source>
        <translation>غيّر برنامج آخر المشروع: حُدِّث العرض.</translation>
    </message>
</context>
<context>
    <name>GraphicsScene</name>
    <message>
        <location filename="../../ui/library_text.py" line="+7"/>
        <source>Export...</source>
        <translation>تصدير…</translation>
    </message>
</context>
<context>
    <name>GuidelinesDock</name>
    <message>
        <location filename="../../ui/guidelines_dock.py" line="+64"/>
        <source>Guidelines</source>
        <translation>دليل التوسيم</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Search the guidelines</source>
        <translation>البحث في دليل التوسيم</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Edit</source>
        <translation>تحرير</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Links are not opened from the guidelines: {0}</source>
        <translation>لا تُفتح الروابط من دليل التوسيم: {0}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Markdown: # headings, lists, tables; ## GPE for a label</source>
        <translation>صيغة Markdown: ‏# للعناوين، والقوائم، والجداول؛ ‏## GPE لقسم وسم</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>No guidelines yet. Press Edit to write them (Markdown), or load a file: python main.py guidelines --load FILE.md</source>
        <translation>لا يوجد دليل توسيم بعد. اضغط «تحرير» لكتابته (بصيغة Markdown)، أو حمِّل ملفًا: ‎python main.py guidelines --load FILE.md</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>No section about {0} yet: add a heading “## {0}” to the guidelines.</source>
        <translation>لا يوجد قسم عن {0} بعد: أضف عنوانًا «## {0}» إلى دليل التوسيم.</translation>
    </message>
</context>
<context>
    <name>HitList</name>
    <message>
        <location filename="../../ui/statistics_dock.py" line="+22"/>
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Annotator</source>
        <translation>الموسِّم</translation>
    </message>
</context>
<context>
    <name>ImportExportController</name>
    <message>
        <location filename="../../ui/import_export.py" line="+328"/>
        <source>{file}: stopped at line {line}: the lines from {line} on were not imported</source>
        <translation>{file}: توقف عند السطر {line}: لم تُستورد الأسطر من {line} فما بعده</translation>
    </message>
    <message>
        <location line="-202"/>
        <source>An import is running: stop it or wait for its end.</source>
        <translation>استيراد جارٍ: أوقفه أو انتظر انتهاءه.</translation>
    </message>
    <message>
        <location line="+250"/>
        <source>Exporting…</source>
        <translation>جارٍ التصدير…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>{doc}: left out, several annotators and no gold layer</source>
        <translation>{doc}: تُرك، فيه عدة موسِّمين ولا طبقة معتمدة</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export report</source>
        <translation>تقرير التصدير</translation>
    </message>
    <message>
        <location line="-321"/>
        <source>Import a folder (with its subfolders)</source>
        <translation>استيراد مجلد (مع مجلداته الفرعية)</translation>
    </message>
    <message>
        <location line="+163"/>
        <source>{file}: refused: {reason}</source>
        <translation>{file}: مرفوض: {reason}</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source> (and %n more)</source>
        <translation>
            <numerusform> (ولا غيره)</numerusform>
            <numerusform> (وواحد آخر)</numerusform>
            <numerusform> (واثنان آخران)</numerusform>
            <numerusform> (و%n أخرى)</numerusform>
            <numerusform> (و%n غيرها)</numerusform>
            <numerusform> (و%n غيرها)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source> · %n document(s) taken</source>
        <translation>
            <numerusform> · لم يؤخذ أي مستند</numerusform>
            <numerusform> · أُخذ مستند واحد</numerusform>
            <numerusform> · أُخذ مستندان</numerusform>
            <numerusform> · أُخذت %n مستندات</numerusform>
            <numerusform> · أُخذ %n مستندًا</numerusform>
            <numerusform> · أُخذ %n مستند</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>{file}: taken, %n document(s)</source>
        <translation>
            <numerusform>{file}: أُخذ، لا مستندات</numerusform>
            <numerusform>{file}: أُخذ، مستند واحد</numerusform>
            <numerusform>{file}: أُخذ، مستندان</numerusform>
            <numerusform>{file}: أُخذ، %n مستندات</numerusform>
            <numerusform>{file}: أُخذ، %n مستندًا</numerusform>
            <numerusform>{file}: أُخذ، %n مستند</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{file}: taken, already in the project</source>
        <translation>{file}: أُخذ، وهو في المشروع من قبل</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{file}: left out, hidden</source>
        <translation>{file}: تُرك، ملف مخفي</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{file}: left out, not a file type the importer reads</source>
        <translation>{file}: تُرك، نوع ملف لا يقرؤه الاستيراد</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{file}: not imported (stopped)</source>
        <translation>{file}: لم يُستورد (أُوقف الاستيراد)</translation>
    </message>
    <message>
        <location line="-225"/>
        <source>Import articles</source>
        <translation>استيراد مقالات</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Articles (*.txt *.jsonl);;All files (*)</source>
        <translation>مقالات (*.txt *.jsonl);;كل الملفات (*)</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>No file of that format was found there.</source>
        <translation>لم يوجد هناك ملف بتلك الصيغة.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Importing…</source>
        <translation>جارٍ الاستيراد…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop</source>
        <translation>إيقاف</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+14"/>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>No .txt or .jsonl files found there.</source>
        <translation>لا توجد هناك ملفات ‎.txt‎ أو ‎.jsonl‎.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Importing {name}…</source>
        <translation>جارٍ استيراد {name}…</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Importing… %n document(s) read</source>
        <translation>
            <numerusform>يجري الاستيراد… لم يُقرأ أي مستند بعد</numerusform>
            <numerusform>يجري الاستيراد… قُرئ مستند واحد</numerusform>
            <numerusform>يجري الاستيراد… قُرئ مستندان</numerusform>
            <numerusform>يجري الاستيراد… قُرئت %n مستندات</numerusform>
            <numerusform>يجري الاستيراد… قُرئ %n مستندًا</numerusform>
            <numerusform>يجري الاستيراد… قُرئ %n مستند</numerusform>
        </translation>
    </message>
    <message>
        <location line="+118"/>
        <source> (stopped)</source>
        <translation> (أُوقف)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import report</source>
        <translation>تقرير الاستيراد</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>%n document(s) imported</source>
        <translation>
            <numerusform>لم يُستورد أي مستند</numerusform>
            <numerusform>استُورد مستند واحد</numerusform>
            <numerusform>استُورد مستندان</numerusform>
            <numerusform>استُوردت %n مستندات</numerusform>
            <numerusform>استُورد %n مستندًا</numerusform>
            <numerusform>استُورد %n مستند</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>لا توسيمات</numerusform>
            <numerusform>توسيم واحد</numerusform>
            <numerusform>توسيمان</numerusform>
            <numerusform>%n توسيمات</numerusform>
            <numerusform>%n توسيمًا</numerusform>
            <numerusform>%n توسيم</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>skipped: {n}</source>
        <translation>المتخطّاة: {n}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refused: {n}</source>
        <translation>المرفوضة: {n}</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n control character(s) kept</source>
        <translation>
            <numerusform>لم يُبقَ على أي محرف تحكم</numerusform>
            <numerusform>أُبقي على محرف تحكم واحد</numerusform>
            <numerusform>أُبقي على محرفَي تحكم</numerusform>
            <numerusform>أُبقي على %n محارف تحكم</numerusform>
            <numerusform>أُبقي على %n محرف تحكم</numerusform>
            <numerusform>أُبقي على %n محرف تحكم</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n bad UTF-8 byte(s) replaced by U+FFFD</source>
        <translation>
            <numerusform>لم يُستبدل أي بايت تالف</numerusform>
            <numerusform>استُبدل بايت UTF-8 تالف واحد بالمحرف U+FFFD</numerusform>
            <numerusform>استُبدل بايتا UTF-8 تالفان بالمحرف U+FFFD</numerusform>
            <numerusform>استُبدلت %n بايتات UTF-8 تالفة بالمحرف U+FFFD</numerusform>
            <numerusform>استُبدل %n بايتًا تالفًا من UTF-8 بالمحرف U+FFFD</numerusform>
            <numerusform>استُبدل %n بايت تالف من UTF-8 بالمحرف U+FFFD</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>; </source>
        <translation>؛ </translation>
    </message>
    <message>
        <source>Export JSONL</source>
        <translation type="vanished">تصدير JSONL</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation type="vanished">أسطر JSON ‏(*.jsonl)</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Export failed</source>
        <translation>تعذّر التصدير</translation>
    </message>
    <message>
        <location line="-20"/>
        <location line="+30"/>
        <source>Exported {docs} documents, {spans} spans to {path}</source>
        <translation>صُدِّر {docs} مستندًا و{spans} مقطعًا إلى {path}</translation>
    </message>
</context>
<context>
    <name>ImportOtherDialog</name>
    <message>
        <location filename="../../ui/import_other_dialog.py" line="+39"/>
        <source>Import from another tool</source>
        <translation>استيراد من أداة أخرى</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Format:</source>
        <translation>ال&amp;صيغة:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The format&apos;s own</source>
        <translation>ما تعتمده الصيغة</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Offsets:</source>
        <translation>الإ&amp;زاحات:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>F&amp;iles…</source>
        <translation>&amp;ملفات…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fol&amp;der…</source>
        <translation>م&amp;جلد…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Read:</source>
        <translation>ا&amp;قرأ:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import</source>
        <translation>ا&amp;ستيراد</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Choose the files or the folder to read.</source>
        <translation>اختر الملفات أو المجلد المراد قراءته.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{path}: no such file or folder</source>
        <translation>{path}: لا يوجد ملف أو مجلد بهذا الاسم</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Files to import</source>
        <translation>ملفات للاستيراد</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A folder to import</source>
        <translation>مجلد للاستيراد</translation>
    </message>
</context>
<context>
    <name>LabelPicker</name>
    <message>
        <location filename="../../ui/dialogs.py" line="+62"/>
        <source>Choose a label</source>
        <translation>اختر وسمًا</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type to filter labels…</source>
        <translation>اكتب لتصفية الوسوم (بالرمز أو الاسم)…</translation>
    </message>
</context>
<context>
    <name>LegendWidget</name>
    <message>
        <location filename="../../ui/panels.py" line="+272"/>
        <source>Guidelines for this label</source>
        <translation>الدليل الخاص بهذا الوسم</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+372"/>
        <source>&amp;Open project…</source>
        <translation>&amp;فتح مشروع…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open another project file in a window of its own</source>
        <translation>فتح ملف مشروع آخر في نافذة خاصة به</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;Export…</source>
        <translation>&amp;تصدير…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write the documents and their annotations in a format of your choice</source>
        <translation>اكتب المستندات وتوسيماتها بالصيغة التي تختارها</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Import &amp;folder…</source>
        <translation>استيراد &amp;مجلد…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import every article under a folder and its subfolders</source>
        <translation>استيراد كل المقالات في مجلد ومجلداته الفرعية</translation>
    </message>
    <message>
        <location line="-196"/>
        <source>This project is open read-only (the file or its folder cannot be written): you can read, search and export; edits are not possible.</source>
        <translation>هذا المشروع مفتوح للقراءة فقط (لا يمكن الكتابة في الملف أو مجلده): يمكنك القراءة والبحث والتصدير، أما التعديل فغير ممكن.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Status of this document</source>
        <translation>حالة هذا المستند</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>whole token (وبوتين)</source>
        <translation>الكلمة كاملة (وبوتين)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>strip clitics (و+بوتين)</source>
        <translation>فصل السوابق (و+بوتين)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How a selection snaps to word boundaries (Alt+key always tags the exact characters).
Stored with each annotation, so exports say which convention they follow.</source>
        <translation>كيف يُضبط التحديد على حدود الكلمات (‏Alt+المفتاح يسِم الحروف المحددة بالضبط دائمًا).
يُحفظ مع كل توسيم، فتذكر ملفات التصدير الاصطلاح المتَّبع.</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>&lt;h2&gt;No articles yet&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;لا توجد مقالات بعد&lt;/h2&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import Arabic articles (.txt in UTF-8, UTF-16 or Windows-1256) or Hashiya JSONL.&lt;br&gt;Drop files or folders on this window, or press &lt;b&gt;Ctrl+O&lt;/b&gt;.</source>
        <translation>استورد مقالات عربية (ملفات ‎.txt بترميز UTF-8 أو UTF-16 أو Windows-1256) أو ملفات JSONL الخاصة بحاشية.&lt;br&gt;أفلت الملفات أو المجلدات على هذه النافذة، أو اضغط &lt;b&gt;Ctrl+O&lt;/b&gt;.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>  Import articles…</source>
        <translation>  استيراد مقالات…</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>&amp;Import articles…</source>
        <translation>ا&amp;ستيراد مقالات…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import .txt articles or Hashiya .jsonl</source>
        <translation>استيراد مقالات ‎.txt أو ملفات ‎.jsonl الخاصة بحاشية</translation>
    </message>
    <message>
        <source>&amp;Export JSONL…</source>
        <translation type="vanished">&amp;تصدير JSONL…</translation>
    </message>
    <message>
        <source>Write every document and its annotations as JSONL</source>
        <translation type="vanished">كتابة كل مستند وتوسيماته بصيغة JSONL</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Undo</source>
        <translation>ت&amp;راجع</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Delete annotation</source>
        <translation>&amp;حذف التوسيم</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reject suggestion / delete</source>
        <translation>رفض الاقتراح / حذف</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Accept suggestion / confirm</source>
        <translation>قبول الاقتراح / تأكيد</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Suggest quotes and claims</source>
        <translation>ا&amp;قتراح الاقتباسات والادعاءات</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Propose quotes and claims from cue verbs, quotation marks and numbers</source>
        <translation>اقتراح اقتباسات وادعاءات انطلاقًا من أفعال الإسناد وعلامات التنصيص والأرقام</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Next suggestion</source>
        <translation>الاقتراح ال&amp;تالي</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Previous suggestion</source>
        <translation>الاقتراح ال&amp;سابق</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Accept all suggestions of this batch</source>
        <translation>قبول كل اقتراحات هذه الدفعة</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reject all suggestions of this batch</source>
        <translation>رفض كل اقتراحات هذه الدفعة</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Minimum suggestion &amp;confidence…</source>
        <translation>الحد الأدنى لـ&amp;ثقة الاقتراحات…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hide quote and claim suggestions the rules are less sure of</source>
        <translation>إخفاء اقتراحات الاقتباسات والادعاءات التي تكون القواعد أقل ثقة بها</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Tag all occurrences</source>
        <translation>&amp;وسم كل المواضع</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Propose the selected entity&apos;s label on every variant of its text</source>
        <translation>اقتراح وسم الكيان المحدد على كل صيغة من صيغ نصه</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tag all occurrences in the &amp;project…</source>
        <translation>وسم كل المواضع في ال&amp;مشروع…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Find variants…</source>
        <translation>&amp;بحث بالصيغ المتعددة…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search with Arabic spelling variants, in this document or the project</source>
        <translation>البحث مع مراعاة صيغ الإملاء العربية، في هذا المستند أو في المشروع</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find next</source>
        <translation>النتيجة التالية</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find previous</source>
        <translation>النتيجة السابقة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Hide diacritics</source>
        <translation>إ&amp;خفاء التشكيل</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read without tashkeel; selections still store exact offsets</source>
        <translation>القراءة دون تشكيل؛ يظل التحديد يحفظ المواضع الدقيقة</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Variants of a label…</source>
        <translation>&amp;صيغ وسم…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clitic &amp;exceptions…</source>
        <translation>&amp;استثناءات السوابق…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Words that only look prefixed (never split by &apos;strip clitics&apos;)</source>
        <translation>كلمات تبدو مسبوقة بسابقة وليست كذلك (لا يفصلها «فصل السوابق» أبدًا)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change &amp;label…</source>
        <translation>تغيير ال&amp;وسم…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a label for the selection or the selected entity</source>
        <translation>اختيار وسم للتحديد أو للكيان المحدد</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel / leave suggestions / clear selection</source>
        <translation>إلغاء / الخروج من الاقتراحات / مسح التحديد</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Edit &amp;labels…</source>
        <translation>تحرير ال&amp;وسوم…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom &amp;in</source>
        <translation>ت&amp;كبير</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom &amp;out</source>
        <translation>تص&amp;غير</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reset zoom</source>
        <translation>إعادة ضبط ال&amp;تكبير</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Next document</source>
        <translation>المستند ال&amp;تالي</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Previous document</source>
        <translation>المستند ال&amp;سابق</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mark as {status}</source>
        <translation>وضع الحالة: {status}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;About Hashiya</source>
        <translation>&amp;عن حاشية</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Guidelines for the selected label</source>
        <translation>&amp;دليل التوسيم للوسم المحدد</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The guidelines&apos; section on the selected annotation&apos;s label</source>
        <translation>قسم دليل التوسيم الخاص بوسم التوسيم المحدد</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Guidelines</source>
        <translation>&amp;دليل التوسيم</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Statistics</source>
        <translation>الإ&amp;حصاءات</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Review</source>
        <translation>م&amp;راجعة</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Labels</source>
        <translation>ال&amp;وسوم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Document</source>
        <translation>م&amp;ستند</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>&amp;Team</source>
        <translation>&amp;فريق</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>&amp;Assign documents…</source>
        <translation>&amp;توزيع المستندات…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Merge annotators&apos; files…</source>
        <translation>&amp;دمج ملفات المُوسِّمين…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;greement…</source>
        <translation>الا&amp;تفاق…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Curate (edit the gold layer)</source>
        <translation>ال&amp;تحكيم (تحرير الطبقة الذهبية)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Take all &amp;agreed spans</source>
        <translation>أخذ كل المقاطع المت&amp;فق عليها</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Take the selected version</source>
        <translation>أخذ النسخة المخ&amp;تارة</translation>
    </message>
    <message>
        <location line="-416"/>
        <source>Who is annotating</source>
        <translation>مَن يوسِّم</translation>
    </message>
    <message>
        <location line="+891"/>
        <source>gold (curating)</source>
        <translation>الطبقة الذهبية (تحكيم)</translation>
    </message>
    <message>
        <location line="-463"/>
        <source>Main</source>
        <translation>الشريط الرئيسي</translation>
    </message>
    <message>
        <location line="-319"/>
        <source>Files from another tool…</source>
        <translation>ملفات من أداة أخرى…</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Import from &amp;another tool…</source>
        <translation>استيراد من أ&amp;داة أخرى…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import CoNLL, doccano, Label Studio, brat, Prodigy, spaCy or INCEpTION files</source>
        <translation>استيراد ملفات CoNLL أو doccano أو Label Studio أو brat أو Prodigy أو spaCy أو INCEpTION</translation>
    </message>
    <message>
        <location line="+277"/>
        <source> Status: </source>
        <translation> الحالة: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  Boundaries: </source>
        <translation>  الحدود: </translation>
    </message>
    <message>
        <location line="+52"/>
        <source>&amp;Language</source>
        <translation>ال&amp;لغة</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Interface language</source>
        <translation>لغة الواجهة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The interface will be in {language} from the next start of Hashiya.
Close the window and open it again to switch now.</source>
        <translation>ستظهر الواجهة بـ{language} عند تشغيل حاشية في المرة القادمة.
أغلق النافذة وافتحها من جديد للتبديل الآن.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>{label} (exact characters)</source>
        <translation>{label} (الحروف المحددة بالضبط)</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>{what}: not stored — {reason}</source>
        <translation>{what}: لم يُحفظ — {reason}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Edit not stored</source>
        <translation>لم يُحفظ التعديل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{what}” failed and was not stored:
{reason}

Details: {log}</source>
        <translation>تعذّر «{what}» ولم يُحفظ:
{reason}

التفاصيل: {log}</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Minimum suggestion confidence</source>
        <translation>الحد الأدنى لثقة الاقتراحات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show quote and claim suggestions with a confidence of at least (0–1):</source>
        <translation>عرض اقتراحات الاقتباسات والادعاءات التي لا تقل ثقتها عن (0–1):</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Variants</source>
        <translation>الصيغ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finding the spellings of {label} in the project…</source>
        <translation>يُبحث عن صيغ {label} في المشروع…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Clitic exceptions</source>
        <translation>استثناءات السوابق</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Words that only look prefixed, one per line (never split by &apos;strip clitics&apos;):</source>
        <translation>كلمات تبدو مسبوقة بسابقة وليست كذلك، كلمة في كل سطر (لا يفصلها «فصل السوابق» أبدًا):</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>selection {range}  {n} chars</source>
        <translation>التحديد {range}  ‏{n} حرفًا</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Hashiya</source>
        <translation>حاشية</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Hashiya — annotating Arabic news: entities, quotes, claims.</source>
        <translation>حاشية — توسيم الأخبار العربية: الكيانات والاقتباسات والادعاءات.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Project: {path}</source>
        <translation>المشروع: {path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log file: {path}</source>
        <translation>ملف السجل: {path}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>About Hashiya</source>
        <translation>عن حاشية</translation>
    </message>
    <message>
        <location line="-981"/>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <location line="+538"/>
        <source>&amp;Panels</source>
        <translation>الل&amp;وحات</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Reset panel layout</source>
        <translation>إعادة ترتيب اللوحات إلى الوضع الا&amp;فتراضي</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>&amp;Boundaries</source>
        <translation>&amp;حدود التحديد</translation>
    </message>
    <message>
        <location line="-191"/>
        <source>Label &amp;tags</source>
        <translation>&amp;أسماء الوسوم على النص</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write each entity&apos;s label name at its start, not only its colour</source>
        <translation>كتابة اسم وسم كل كيان عند بدايته، لا لونه فحسب</translation>
    </message>
</context>
<context>
    <name>ProjectOpener</name>
    <message>
        <location filename="../../ui/open_project.py" line="+36"/>
        <source>Open project</source>
        <translation>فتح مشروع</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hashiya projects (*.hashiya);;All files (*)</source>
        <translation>مشاريع حاشية (*.hashiya);;كل الملفات (*)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>That project is the one open in this window.</source>
        <translation>هذا المشروع هو المفتوح في هذه النافذة.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot open project</source>
        <translation>تعذّر فتح المشروع</translation>
    </message>
</context>
<context>
    <name>SchemaEditor</name>
    <message>
        <location filename="../../ui/dialogs.py" line="+65"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>الوصف</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key</source>
        <translation>المفتاح</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour</source>
        <translation>اللون</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Edit labels</source>
        <translation>تحرير الوسوم</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Add label</source>
        <translation>إضافة وسم</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Colour…</source>
        <translation>اللون…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Renaming a label relabels every annotation that uses it.</source>
        <translation>إعادة تسمية وسم تعيد وسم كل توسيم يستخدمه.</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Label in use</source>
        <translation>الوسم مستخدم</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1 is used by %n annotation(s). Relabel or delete them first.</source>
        <translation>
            <numerusform>%1 غير مستخدم في أي توسيم.</numerusform>
            <numerusform>%1 مستخدم في توسيم واحد. أعد وسمه أو احذفه أولًا.</numerusform>
            <numerusform>%1 مستخدم في توسيمين. أعد وسمهما أو احذفهما أولًا.</numerusform>
            <numerusform>%1 مستخدم في %n توسيمات. أعد وسمها أو احذفها أولًا.</numerusform>
            <numerusform>%1 مستخدم في %n توسيمًا. أعد وسمها أو احذفها أولًا.</numerusform>
            <numerusform>%1 مستخدم في %n توسيم. أعد وسمها أو احذفها أولًا.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <location filename="../../ui/search_controller.py" line="+105"/>
        <source>No match for «{query}».</source>
        <translation>لا نتائج لـ«{query}».</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../ui/search_panel.py" line="+52"/>
        <source>Search: الاسد also finds الأسد، والأسد، للأسد، الأَسَد</source>
        <translation>البحث: «الاسد» يجد أيضًا الأسد، والأسد، للأسد، الأَسَد</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Whole project</source>
        <translation>المشروع كله</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional proclitics (و ف ب ك ل ال)</source>
        <translation>سوابق اختيارية (و ف ب ك ل ال)</translation>
    </message>
    <message>
        <location line="+55"/>
        <source> (first {n} listed)</source>
        <translation> (عُرض أول {n})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{hits} matches in {docs} document(s)</source>
        <translation>{hits} نتيجة في {docs} مستند</translation>
    </message>
</context>
<context>
    <name>SidePanes</name>
    <message>
        <location filename="../../ui/panes.py" line="+62"/>
        <source>Entities</source>
        <translation>الكيانات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quotes</source>
        <translation>الاقتباسات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claims</source>
        <translation>الادعاءات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>التفاصيل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search</source>
        <translation>البحث</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Labels</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>any check-worthiness</source>
        <translation>أيًّا كانت قابلية التحقق</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>any type</source>
        <translation>أيًّا كان النوع</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>the article</source>
        <translation>المقالة</translation>
    </message>
</context>
<context>
    <name>StatisticsDock</name>
    <message>
        <location filename="../../ui/statistics_dock.py" line="+28"/>
        <source>Statistics</source>
        <translation>الإحصاءات</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Documents by status</source>
        <translation>المستندات حسب الحالة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entities per label</source>
        <translation>الكيانات حسب الوسم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quotes and claims</source>
        <translation>الاقتباسات والادعاءات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spans per annotator</source>
        <translation>المقاطع حسب الموسِّم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quotes per speaker (top 20)</source>
        <translation>الاقتباسات حسب المتحدث (أعلى 20)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claims by check-worthiness</source>
        <translation>الادعاءات حسب قابلية التحقق</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claims by type</source>
        <translation>الادعاءات حسب النوع</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suggestions: accepted, stored unreviewed, rejected</source>
        <translation>الاقتراحات: المقبولة، والمحفوظة دون مراجعة، والمرفوضة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents done per day</source>
        <translation>المستندات المنجزة يوميًّا</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents by number of annotations</source>
        <translation>المستندات حسب عدد التوسيمات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreement per label (entity F1, exact, mean over pairs)</source>
        <translation>الاتفاق لكل وسم (مقياس F1 للكيانات، تطابق تام، متوسط الأزواج)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Counting…</source>
        <translation>جارٍ العد…</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>The statistics could not be read (see the log).</source>
        <translation>تعذّرت قراءة الإحصاءات (انظر السجل).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Documents: {0} — {1} new, {2} in progress, {3} done</source>
        <translation>المستندات: {0} — {1} جديد، {2} قيد العمل، {3} منجز</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>quotes</source>
        <translation>اقتباسات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>claims</source>
        <translation>ادعاءات</translation>
    </message>
</context>
<context>
    <name>SuggestionsController</name>
    <message numerus="yes">
        <location filename="../../ui/suggestions.py" line="+70"/>
        <source>%n suggestion(s) · N / Shift+N to move · Enter accepts · Backspace rejects · Esc leaves</source>
        <translation>
            <numerusform>لا اقتراحات · ‏Esc للخروج</numerusform>
            <numerusform>اقتراح واحد · ‏N / Shift+N للتنقل · ‏Enter للقبول · ‏Backspace للرفض · ‏Esc للخروج</numerusform>
            <numerusform>اقتراحان · ‏N / Shift+N للتنقل · ‏Enter للقبول · ‏Backspace للرفض · ‏Esc للخروج</numerusform>
            <numerusform>%n اقتراحات · ‏N / Shift+N للتنقل · ‏Enter للقبول · ‏Backspace للرفض · ‏Esc للخروج</numerusform>
            <numerusform>%n اقتراحًا · ‏N / Shift+N للتنقل · ‏Enter للقبول · ‏Backspace للرفض · ‏Esc للخروج</numerusform>
            <numerusform>%n اقتراح · ‏N / Shift+N للتنقل · ‏Enter للقبول · ‏Backspace للرفض · ‏Esc للخروج</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Suggestions off.</source>
        <translation>الاقتراحات متوقفة.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Entity suggestions learned from the project: {model}</source>
        <translation>اقتراحات الكيانات المتعلَّمة من المشروع: {model}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Suggestions with a confidence of at least {value}: {n}</source>
        <translation>الاقتراحات التي لا تقل ثقتها عن {value}: {n}</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No suggestions (F7 proposes quotes and claims).</source>
        <translation>لا اقتراحات (‏F7 يقترح اقتباسات وادعاءات).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Suggestion {pos} of {n}: {kind} (confidence {confidence}) — {reason}</source>
        <translation>الاقتراح {pos} من {n}: {kind} (الثقة {confidence}) — {reason}</translation>
    </message>
    <message numerus="yes">
        <location line="+53"/>
        <source>%n suggestion(s)</source>
        <translation>
            <numerusform>لا اقتراحات</numerusform>
            <numerusform>اقتراح واحد</numerusform>
            <numerusform>اقتراحان</numerusform>
            <numerusform>%n اقتراحات</numerusform>
            <numerusform>%n اقتراحًا</numerusform>
            <numerusform>%n اقتراح</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>accept {what}</source>
        <translation>قبول {what}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accepted {what}.</source>
        <translation>قُبل: {what}.</translation>
    </message>
</context>
<context>
    <name>TaggingController</name>
    <message>
        <location filename="../../ui/tagging.py" line="+108"/>
        <source>relabel as {label}</source>
        <translation>إعادة الوسم بـ{label}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing to tag: the selection holds no word.</source>
        <translation>لا شيء للوسم: التحديد لا يضم أي كلمة.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Already tagged {label}.</source>
        <translation>موسوم بالفعل بـ{label}.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>tag {label}</source>
        <translation>وسم {label}</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Delete annotation</source>
        <translation>حذف التوسيم</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n other annotation(s) (%1) refer to this one. Delete it and remove those links?</source>
        <translation>
            <numerusform>لا توسيمات أخرى (%1) تشير إلى هذا التوسيم. أتحذفه؟</numerusform>
            <numerusform>توسيم آخر واحد (%1) يشير إلى هذا التوسيم. أتحذفه وتزيل هذا الربط؟</numerusform>
            <numerusform>توسيمان آخران (%1) يشيران إلى هذا التوسيم. أتحذفه وتزيل هذين الربطين؟</numerusform>
            <numerusform>%n توسيمات أخرى (%1) تشير إلى هذا التوسيم. أتحذفه وتزيل هذه الروابط؟</numerusform>
            <numerusform>%n توسيمًا آخر (%1) تشير إلى هذا التوسيم. أتحذفه وتزيل هذه الروابط؟</numerusform>
            <numerusform>%n توسيم آخر (%1) تشير إلى هذا التوسيم. أتحذفه وتزيل هذه الروابط؟</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>delete {label}</source>
        <translation>حذف {label}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>set {name}</source>
        <translation>تعيين {name}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Select an entity first (click it).</source>
        <translation>اختر كيانًا أولًا (انقر عليه).</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>%n more occurrence(s) proposed as %1: Ctrl+Shift+Enter accepts these, Ctrl+Shift+Backspace rejects them, Enter / Backspace one by one</source>
        <translation>
            <numerusform>لم يُقترح أي موضع آخر بوسم %1.</numerusform>
            <numerusform>اقتُرح موضع آخر واحد بوسم %1: ‏Ctrl+Shift+Enter يقبله، و‏Ctrl+Shift+Backspace يرفضه، و‏Enter / Backspace واحدًا واحدًا</numerusform>
            <numerusform>اقتُرح موضعان آخران بوسم %1: ‏Ctrl+Shift+Enter يقبلهما، و‏Ctrl+Shift+Backspace يرفضهما، و‏Enter / Backspace واحدًا واحدًا</numerusform>
            <numerusform>اقتُرحت %n مواضع أخرى بوسم %1: ‏Ctrl+Shift+Enter يقبلها، و‏Ctrl+Shift+Backspace يرفضها، و‏Enter / Backspace واحدًا واحدًا</numerusform>
            <numerusform>اقتُرح %n موضعًا آخر بوسم %1: ‏Ctrl+Shift+Enter يقبلها، و‏Ctrl+Shift+Backspace يرفضها، و‏Enter / Backspace واحدًا واحدًا</numerusform>
            <numerusform>اقتُرح %n موضع آخر بوسم %1: ‏Ctrl+Shift+Enter يقبلها، و‏Ctrl+Shift+Backspace يرفضها، و‏Enter / Backspace واحدًا واحدًا</numerusform>
        </translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Finding «{surface}» in the other documents…</source>
        <translation>يُبحث عن «{surface}» في المستندات الأخرى…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No untagged occurrences in the other documents.</source>
        <translation>لا مواضع غير موسومة في المستندات الأخرى.</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+10"/>
        <source>Tag all in the project</source>
        <translation>وسم الكل في المشروع</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tag {total} occurrences of «{surface}» as {label} in {docs} other document(s)?</source>
        <translation>وسم {total} موضعًا لـ«{surface}» بـ{label} في {docs} مستند آخر؟</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>tag {total} × {label} in the project</source>
        <translation>وسم {total} × {label} في المشروع</translation>
    </message>
</context>
<context>
    <name>TeamController</name>
    <message>
        <location filename="../../ui/team.py" line="+46"/>
        <source>choose a folder for the annotators&apos; files</source>
        <translation>اختر مجلدًا لملفات الموسِّمين</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+5"/>
        <source>Assign</source>
        <translation>توزيع</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wrote {files} annotator files to {folder}; {shared} documents shared by everyone (seed {seed}).</source>
        <translation>كُتبت ملفات الموسِّمين ({files}) في {folder}؛ المستندات المشتركة بين الجميع: {shared} (البذرة {seed}).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Merge annotators&apos; files</source>
        <translation>دمج ملفات الموسِّمين</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hashiya projects (*.hashiya)</source>
        <translation>مشاريع حاشية (*.hashiya)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Merged {n} file(s): {layers}</source>
        <translation>دُمجت الملفات ({n}): {layers}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no layer</source>
        <translation>لا طبقة</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>; {n} refused</source>
        <translation>؛ المرفوضة: {n}</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+16"/>
        <source>Merge</source>
        <translation>دمج</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Agreement</source>
        <translation>الاتفاق</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Computing the agreement…</source>
        <translation>يُحسب الاتفاق…</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>Writing the annotators&apos; files…</source>
        <translation>تُكتب ملفات الموسِّمين…</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Merging the annotators&apos; files…</source>
        <translation>تُدمج ملفات الموسِّمين…</translation>
    </message>
</context>
<context>
    <name>VariantsDialog</name>
    <message>
        <location filename="../../ui/search_panel.py" line="+17"/>
        <source>Normalised</source>
        <translation>الصيغة الموحَّدة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Surface forms tagged</source>
        <translation>الصيغ الموسومة كما وردت</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tagged</source>
        <translation>موسوم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Untagged</source>
        <translation>غير موسوم</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Variants</source>
        <translation>الصيغ</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a label…</source>
        <translation>اختر وسمًا…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Label:</source>
        <translation>الوسم:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Double-click a row to search for it (untagged occurrences show up there).</source>
        <translation>انقر صفًّا نقرًا مزدوجًا للبحث عنه (تظهر هناك المواضع غير الموسومة).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Stopped before the end: nothing counted. Choose the label to count it.</source>
        <translation>توقف العدّ قبل نهايته: لم يُحسب شيء. اختر الوسم لعدّه.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/app.py" line="+116"/>
        <source>Not a usable name</source>
        <translation>اسم غير صالح</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Who is annotating?</source>
        <translation>مَن يوسِّم؟</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your name, stored with every annotation you make (asked once; python main.py --annotator NAME overrides it for one run):</source>
        <translation>اسمك، ويُحفظ مع كل توسيم تضعه (يُسأل عنه مرة واحدة؛ ‎python main.py --annotator NAME يتجاوزه لتشغيل واحد):</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Cannot open project</source>
        <translation>تعذّر فتح المشروع</translation>
    </message>
</context>
<context>
    <name>attributes</name>
    <message>
        <location filename="../../ui/panels.py" line="-207"/>
        <source>quote type</source>
        <translation>نوع الاقتباس</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>check-worthy</source>
        <translation>قابل للتحقق</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>claim type</source>
        <translation>نوع الادعاء</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the outlet itself asserts it</source>
        <translation>الوسيلة الإعلامية نفسها تقرّره</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>origin</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>suggester confidence</source>
        <translation>ثقة المقترِح</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>direct</source>
        <translation>مباشر</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>indirect</source>
        <translation>غير مباشر</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mixed</source>
        <translation>مختلط</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no</source>
        <translation>لا</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unsure</source>
        <translation>غير متأكد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>statistic</source>
        <translation>إحصائي</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>event</source>
        <translation>حدث</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>causal</source>
        <translation>سببي</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>prediction</source>
        <translation>تنبؤ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>other</source>
        <translation>آخر</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>human</source>
        <translation>بشري</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>suggested</source>
        <translation>مقترَح</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accepted</source>
        <translation>مقبول</translation>
    </message>
</context>
<context>
    <name>attribution</name>
    <message>
        <location filename="../../ui/attribution_pick.py" line="-231"/>
        <source>Speaker: click an entity, or select the words and press Enter · Esc: unknown</source>
        <translation>المتحدث: انقر كيانًا، أو حدِّد الكلمات واضغط Enter · ‏Esc: غير معروف</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cue: select the reporting verb and press Enter · Esc: none</source>
        <translation>فعل الإسناد: حدِّد الفعل واضغط Enter · ‏Esc: لا يوجد</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Claimant: click an entity, or select words and press Enter · A: the article itself · Esc: unknown</source>
        <translation>صاحب الادعاء: انقر كيانًا، أو حدِّد الكلمات واضغط Enter · ‏A: المقالة نفسها · ‏Esc: غير معروف</translation>
    </message>
</context>
<context>
    <name>boundary</name>
    <message>
        <location filename="../../ui/document_view.py" line="-738"/>
        <source>whole token</source>
        <translation>الكلمة كاملة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>clitics stripped</source>
        <translation>السوابق مفصولة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exact characters</source>
        <translation>الحروف بالضبط</translation>
    </message>
</context>
<context>
    <name>busy</name>
    <message>
        <location filename="../../ui/busy.py" line="+45"/>
        <source>&amp;Stop</source>
        <translation>إي&amp;قاف</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Stopping…</source>
        <translation>يجري الإيقاف…</translation>
    </message>
</context>
<context>
    <name>kinds</name>
    <message>
        <location filename="../../ui/panels.py" line="-36"/>
        <source>Entity</source>
        <translation>كيان</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quote</source>
        <translation>اقتباس</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claim</source>
        <translation>ادعاء</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cue</source>
        <translation>فعل الإسناد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speaker / claimant mention</source>
        <translation>إشارة إلى المتحدث / صاحب الادعاء</translation>
    </message>
</context>
<context>
    <name>panels</name>
    <message>
        <location filename="../../ui/document_list_model.py" line="+42"/>
        <source>Curation</source>
        <translation>التنقيح</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entities</source>
        <translation>الكيانات</translation>
    </message>
    <message>
        <location filename="../../ui/panels.py" line="+72"/>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <location filename="../../ui/panes.py" line="-147"/>
        <source>Speaker → content</source>
        <translation>المتحدث ← المضمون</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Claimant → claim</source>
        <translation>صاحب الادعاء ← الادعاء</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check-worthy</source>
        <translation>قابل للتحقق</translation>
    </message>
    <message>
        <location filename="../../ui/document_list_model.py" line="+2"/>
        <source>First words</source>
        <translation>الكلمات الأولى</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>#</source>
        <translation>الرقم</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Characters</source>
        <translation>الحروف</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quotes</source>
        <translation>الاقتباسات</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claims</source>
        <translation>الادعاءات</translation>
    </message>
</context>
<context>
    <name>project_upgrade</name>
    <message>
        <location filename="../../ui/project_upgrade.py" line="+46"/>
        <source>Upgrading {name} for this version of Hashiya (once; large projects take a while)…</source>
        <translation>تحديث {name} لهذا الإصدار من حاشية (مرة واحدة؛ تستغرق المشاريع الكبيرة بعض الوقت)…</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Opening the project</source>
        <translation>فتح المشروع</translation>
    </message>
</context>
<context>
    <name>search_index_progress</name>
    <message>
        <location filename="../../ui/search_index_progress.py" line="+21"/>
        <source>Indexing the project&apos;s texts for search (once)…</source>
        <translation>فهرسة نصوص المشروع للبحث (مرة واحدة)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Search index</source>
        <translation>فهرس البحث</translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <location filename="../../ui/panels.py" line="-83"/>
        <source>new</source>
        <translation>جديد</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>منجز</translation>
    </message>
</context>
</TS>
