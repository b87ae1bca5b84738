"""`python main.py suggest`: batch pre-annotation, stored as suggestions or written to a file.

Run in process through main.main(argv): a subprocess would add nothing but start-up time."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import main
from annotation.documents import Document
from annotation.schema import load_default_schema
from annotation.spans import Span, new_id
from storage.project import Project
from storage.session import DocumentSession
from storage.training_data import entity_training_documents

PEOPLE = ["سامر", "ليلى", "كريم", "هالة", "نادر", "سلمى", "عادل"]
PLACES = ["عمان", "بيروت", "دمشق", "القاهرة", "تونس", "الرباط", "جدة"]


def _article(i: int) -> str:
    person, place = PEOPLE[i % 7], PLACES[(i * 3) % 7]
    return (
        f"وصل الدكتور {person} إلى {place} صباح اليوم في زيارة رسمية رقم {i}.\n"
        f"وقال الدكتور {person} إن «الزيارة مهمة للبلدين».\n"
        f"وأكد وزير الخارجية أن المحادثات ستستمر غدا في {place}."
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """12 articles: the first 8 tagged by hand (done), the last 4 new and untagged."""
    path = tmp_path / "p.hashiya"
    with Project(path, annotator="lead") as project:
        for i in range(12):
            doc = Document.create(_article(i), f"a{i:02}.txt")
            project.add_document(doc)
            if i >= 8:
                continue
            session = DocumentSession(project, doc.id)
            spans = []
            for surface, label in ((PEOPLE[i % 7], "PERS"), (PLACES[(i * 3) % 7], "GPE")):
                start = doc.text.find(surface)
                while start >= 0:
                    end = start + len(surface)
                    spans.append(Span(new_id(), doc.id, "entity", label, start, end))
                    start = doc.text.find(surface, end)
            session.add(spans)
            project.set_status(doc.id, "done")
    return path


def _entities(project: Project, origin: str | None = None) -> list[Span]:
    out = []
    for doc_id in project.document_ids():
        for s in project.spans(doc_id, ["entity"]):
            if origin is None or s.attrs.get("origin", "human") == origin:
                out.append(s)
    return out


def test_out_writes_native_records_with_confidence_and_stores_nothing(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "suggested.jsonl"
    with Project(db) as project:
        before = len(_entities(project))
    assert main.main(["suggest", "--db", str(db), "--out", str(out)]) == 0
    stdout = capsys.readouterr().out
    assert "4 document(s)" in stdout and "written as suggestions" in stdout
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["meta"]["source"] for r in records] == ["a08.txt", "a09.txt", "a10.txt", "a11.txt"]
    for r in records:
        for kind in ("entities", "quotes", "claims"):
            for item in r[kind]:
                assert r["text"][item["start"] : item["end"]] == item["text"]
                assert 0.0 <= item["confidence"] <= 1.0
                assert item["attrs"]["origin"] == "suggested"
        surfaces = {(e["text"], e["label"]) for e in r["entities"]}
        person = PEOPLE[int(r["meta"]["source"][1:3]) % 7]
        assert (person, "PERS") in surfaces
        assert r["quotes"], "the «…» quote after وقال is suggested"
    with Project(db) as project:
        assert len(_entities(project)) == before


def test_accept_stores_suggestions_marked_and_running_again_adds_nothing(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main.main(["suggest", "--db", str(db), "--accept", "--kinds", "entities,quotes"]) == 0
    with Project(db) as project:
        suggested = _entities(project, "suggested")
        assert suggested and all(0 <= float(s.attrs["confidence"]) <= 1 for s in suggested)
        assert {s.doc_id for s in suggested} <= {
            d for d in project.document_ids() if project.document(d).status == "new"
        }
        quotes = [s for d in project.document_ids() for s in project.spans(d, ["quote"])]
        assert quotes and all(q.attrs["origin"] == "suggested" for q in quotes)
        # the recommenders never learn from their own unreviewed output
        trained = sum(len(d.entities) for d in entity_training_documents(project))
        assert trained == len(_entities(project, "human"))
        count = len(_entities(project))
    assert main.main(["suggest", "--db", str(db), "--accept", "--kinds", "entities"]) == 0
    with Project(db) as project:
        assert len(_entities(project)) == count


def test_min_confidence_and_rejections_leave_suggestions_out(db: Path, tmp_path: Path) -> None:
    everything, strict = tmp_path / "all.jsonl", tmp_path / "strict.jsonl"
    assert (
        main.main(["suggest", "--db", str(db), "--kinds", "entities", "--out", str(everything)])
        == 0
    )
    records = [json.loads(x) for x in everything.read_text(encoding="utf-8").splitlines()]
    confidences = sorted(e["confidence"] for r in records for e in r["entities"])
    cut = confidences[len(confidences) // 2]
    args = ["suggest", "--db", str(db), "--kinds", "entities", "--min-confidence", str(cut)]
    assert main.main([*args, "--out", str(strict)]) == 0
    kept = [
        e
        for x in strict.read_text(encoding="utf-8").splitlines()
        for e in json.loads(x)["entities"]
    ]
    assert kept and all(e["confidence"] >= cut for e in kept) and len(kept) < len(confidences)
    first = records[0]
    with Project(db) as project:
        rejected = {("entity", e["start"], e["end"], e["label"]) for e in first["entities"]}
        project.set_rejected(first["id"], rejected, True)
    assert main.main(["suggest", "--db", str(db), "--kinds", "entities", "--out", str(strict)]) == 0
    again = {
        json.loads(x)["id"]: json.loads(x) for x in strict.read_text(encoding="utf-8").splitlines()
    }
    assert (
        not {
            ("entity", e["start"], e["end"], e["label"])
            for e in again.get(first["id"], {}).get("entities", [])
        }
        & rejected
    )


def test_refusals_are_one_line(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main.main(["suggest", "--db", str(tmp_path / "none.hashiya"), "--accept"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no such project file" in err
    with pytest.raises(SystemExit) as info:
        main.main(["suggest", "--db", str(db), "--accept", "--min-confidence", "2"])
    assert info.value.code == 2
    capsys.readouterr()
    schema = load_default_schema().to_dict()
    schema["attributes"] = [a for a in schema["attributes"] if a["name"] != "origin"]
    path = tmp_path / "schema.json"
    path.write_text(json.dumps(schema), encoding="utf-8")
    assert main.main(["schema", "--db", str(db), "--load", str(path)]) == 0
    assert main.main(["suggest", "--db", str(db), "--accept"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "origin" in err and "Traceback" not in err


def test_default_leaves_doubtful_quotes_out_and_zero_keeps_them(tmp_path: Path) -> None:
    path = tmp_path / "q.hashiya"
    text = (
        "وقال المدير إن المصنع سيفتح في الربيع.\n"
        "وزار الوفد مزرعة «النخيل الكبرى في الواحة الشرقية قرب المدينة"
    )
    with Project(path, annotator="lead") as project:
        project.add_document(Document.create(text, "q.txt"))

    def quotes(*extra: str) -> list[float]:
        out = tmp_path / "q.jsonl"
        args = ["suggest", "--db", str(path), "--kinds", "quotes", *extra, "--out", str(out)]
        assert main.main(args) == 0
        lines = out.read_text(encoding="utf-8").splitlines()
        return sorted(q["confidence"] for x in lines for q in json.loads(x)["quotes"])

    default, everything = quotes(), quotes("--min-confidence", "0")
    assert default == [0.6]
    assert everything == [0.15, 0.6]
