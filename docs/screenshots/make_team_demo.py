"""Build the team project shown in README's agreement and curation screenshots.

    .venv/bin/python docs/screenshots/make_team_demo.py /tmp/team-demo
    ../shared/tools/shot docs/screenshots/agreement.png --wait 4 -- \
        .venv/bin/python docs/screenshots/make_team_demo.py /tmp/team-demo --show agreement
    ../shared/tools/shot docs/screenshots/curation.png --wait 4 -- \
        .venv/bin/python docs/screenshots/make_team_demo.py /tmp/team-demo --show curation

With --show, the project (built once) opens in the window as the lead, which then triggers
Team → Agreement… (Ctrl+Alt+K) or Team → Curate (Ctrl+Alt+G), as a user would.

Three annotators, assigned from one lead project, annotate four short articles (written for
this demo) through the core with scripted differences; their files are merged back.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from annotation.documents import Document  # noqa: E402
from annotation.spans import Link, Span, new_id  # noqa: E402
from storage.project import Project  # noqa: E402
from storage.session import DocumentSession  # noqa: E402
from storage.team import assign, merge  # noqa: E402

ARTICLES = [
    "قال وزير الخارجية الأردني أيمن الصفدي في عمّان إن مجلس الأمن الدولي سيجتمع غدا.",
    "أعلنت وزارة الصحة السعودية في الرياض تسجيل حالات جديدة في مدينة جدة.",
    "التقى الرئيس الفرنسي إيمانويل ماكرون نظيره الألماني في برلين يوم الاثنين.",
    "ذكرت وكالة الأنباء الأردنية أن الأمطار غمرت شوارع عمّان والزرقاء.",
]
# (words, label) per article; each annotator's changes below
BASE = [
    [("وزير الخارجية", "OCC"), ("الأردني", "NORP"), ("أيمن الصفدي", "PERS"), ("عمّان", "GPE"), ("مجلس الأمن الدولي", "ORG")],
    [("وزارة الصحة السعودية", "ORG"), ("الرياض", "GPE"), ("جدة", "GPE")],
    [("الرئيس", "OCC"), ("الفرنسي", "NORP"), ("إيمانويل ماكرون", "PERS"), ("الألماني", "NORP"), ("برلين", "GPE"), ("يوم الاثنين", "DATE")],
    [("وكالة الأنباء الأردنية", "ORG"), ("عمّان", "GPE"), ("الزرقاء", "GPE")],
]  # fmt: skip
CHANGES = {
    "amal": {},
    "bilal": {("عمّان", "GPE"): ("عمّان", "LOC"), ("أيمن الصفدي", "PERS"): ("الصفدي", "PERS"), ("جدة", "GPE"): None},
    "carim": {("يوم الاثنين", "DATE"): ("الاثنين", "DATE"), ("الزرقاء", "GPE"): ("الزرقاء", "LOC"), ("الأردني", "NORP"): None},
}  # fmt: skip


def annotate(path: Path, name: str, doc_ids: list[str]) -> None:
    with Project(path, annotator=name) as project:
        for text, wanted, doc_id in zip(ARTICLES, BASE, doc_ids, strict=True):
            spans = []
            for item in wanted:
                changed = CHANGES[name].get(item, item)
                if changed is None:
                    continue
                words, label = changed
                start = text.index(words)
                spans.append(Span(new_id(), doc_id, "entity", label, start, start + len(words)))
            links = []
            if "قال" in text:
                q_start = text.index("مجلس")
                quote = Span(
                    new_id(), doc_id, "quote", "QUOTE", q_start, len(text) - 1, {"type": "indirect"}
                )
                speaker = next(
                    s for s in spans if s.label == "PERS" or (name == "bilal" and s.label == "OCC")
                )
                spans.append(quote)
                links.append(Link(new_id(), doc_id, "speaker", quote.id, speaker.id))
            DocumentSession(project, doc_id).add(spans, links)
            project.set_status(doc_id, "done")


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with Project(out / "lead.hashiya", annotator="lead") as lead:
        for i, text in enumerate(ARTICLES):
            lead.add_document(Document.create(text, f"article-{i + 1}.txt"))
        doc_ids = lead.document_ids()
        _, files = assign(lead, list(CHANGES), out / "team", overlap=1.0, seed=1)
        for name, path in files.items():
            annotate(path, name, doc_ids)
        report = merge(lead, list(files.values()))
        assert report.ok, report.refused
    print(out / "lead.hashiya")


def show(out: Path, what: str) -> int:
    from PySide6.QtCore import QTimer

    from ui.app import application, create_window

    app = application()
    window = create_window(out / "lead.hashiya", "lead")
    window.resize(1380, 860)
    window.show()

    def act() -> None:
        if what == "agreement":
            window.act_agreement.trigger()
            view = window.team.agreement_view
            view.resize(900, 420)
            view.tabs.setCurrentWidget(view.annotator_map)
        else:
            window.act_curate.trigger()
            window.curation_dock.table.selectRow(0)

    QTimer.singleShot(500, act)
    return app.exec()


if __name__ == "__main__":
    target = Path(sys.argv[1])
    if "--show" in sys.argv:
        if not (target / "lead.hashiya").exists():
            main(target)
        sys.exit(show(target, sys.argv[sys.argv.index("--show") + 1]))
    main(target)
