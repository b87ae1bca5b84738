"""Build the project shown in README's screenshots from the reference article in ../shared.

    .venv/bin/python docs/screenshots/make_demo_project.py /tmp/demo.hashiya

Entities come from a small gazetteer tagged through the same core the window uses (search +
session), plus one quote with speaker and cue and one claim.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from annotation.attribution import build_claim, build_quote  # noqa: E402
from annotation.proposals import entity_proposals  # noqa: E402
from annotation.search import SearchIndex  # noqa: E402
from storage.importer import import_file  # noqa: E402
from storage.project import Project  # noqa: E402
from storage.session import DocumentSession  # noqa: E402

SEED = ROOT.parent / "shared" / "seeds" / "000_bf43c1156c9930e4.txt"
GAZETTEER = {
    "PERS": [
        "بوتين",
        "جون كيري",
        "كيري",
        "الأسد",
        "ديمتري بيسكوف",
        "سيرغي لافروف",
        "أنجيلا ميركل",
        "مارك تونر",
    ],
    "GPE": ["موسكو", "سوريا", "روسيا", "الرياض", "باريس", "الولايات المتحدة", "فيينا"],
    "ORG": ["الكرملين", "داعش", "وزارة الخارجية الأميركية", "الجيش السوري الحر"],
    "OCC": ["وزير الخارجية", "الرئيس", "الناطق"],
}


def main(out: str) -> None:
    project = Project(out, annotator="demo")
    result = import_file(project, SEED)
    doc_id = (result.imported or [s.existing_doc_id for s in result.skipped])[0]
    session = DocumentSession(project, doc_id)
    search = SearchIndex(session.text)
    for label, names in GAZETTEER.items():
        for name in names:
            found = entity_proposals(
                doc_id, label, search.find(name, boundary="token"), session.index
            )
            session.add([s for p in found for s in p.spans])
    text = session.text
    qs = text.index("لم يتضح لنا.. هل هذه المزاعم")
    qe = text.index("الطائرات الروسية", qs) + len("الطائرات الروسية")
    speaker = session.index.find(
        "entity", text.index("كيري قائلا", qs - 40), text.index("كيري قائلا", qs - 40) + 4
    )
    cue = text.index("وأضاف", qs - 40)
    spans, links = build_quote(
        doc_id, (qs, qe), "direct", speaker.id if speaker else None, (cue, cue + 5)
    )
    session.add(spans, links)
    c = text.index("26 مدنيا على الاقل قتلوا")
    spans, links = build_claim(
        doc_id,
        (c, c + len("26 مدنيا على الاقل قتلوا")),
        {"checkworthy": "yes", "type": "statistic", "note": ""},
        None,
        True,
    )
    session.add(spans, links)
    project.set_setting("last_document", doc_id)
    print(f"{out}: {len(session.index)} spans")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/demo.hashiya")
