"""assign → annotate (through the core) → merge: layers, idempotence, refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotation.documents import Document
from annotation.layers import GOLD
from annotation.spans import Span, new_id
from storage.project import Project
from storage.session import DocumentSession
from storage.team import ANNOTATOR_SETTING, TeamError, assign, merge, plan_assignment, snapshot

ARTICLES = [
    "قال وزير الخارجية سامح شكري إن القاهرة ترحب بالاتفاق.",
    "أعلنت وزارة الصحة في الرياض تسجيل حالات جديدة.",
    "التقى الرئيس الفرنسي نظيره الألماني في برلين أمس.",
    "ذكرت وكالة الأنباء أن الأمطار غمرت شوارع عمّان.",
    "أكد المتحدث باسم الجيش أن الوضع في الخرطوم مستقر.",
]


def _lead(path: Path) -> Project:
    lead = Project(path, annotator="lead")
    for i, text in enumerate(ARTICLES):
        lead.add_document(Document.create(text, f"{i}.txt"))
    return lead


def _tag(project: Project, doc_id: str, word: str, label: str) -> Span:
    text = project.document(doc_id).text
    start = text.index(word)
    span = Span(new_id(), doc_id, "entity", label, start, start + len(word))
    DocumentSession(project, doc_id).add([span])
    return span


def test_plan_shares_the_overlap_and_deals_the_rest() -> None:
    ids = [f"d{i}" for i in range(10)]
    plan = plan_assignment(ids, ["a", "b", "c"], 0.2, seed=7)
    assert len(plan.shared) == 2
    assert plan == plan_assignment(ids, ["a", "b", "c"], 0.2, seed=7)  # the seed repeats it
    for name in "abc":
        assert set(plan.shared) <= set(plan.documents[name])
    everyone = [d for name in "abc" for d in plan.documents[name] if d not in plan.shared]
    assert sorted(everyone) == sorted(set(ids) - set(plan.shared))  # the rest exactly once
    assert plan_assignment(ids, ["a"], 0.0, 1).documents["a"] == ids


def test_assign_writes_one_file_per_annotator(tmp_path: Path) -> None:
    lead = _lead(tmp_path / "lead.hashiya")
    lead.set_setting("boundary_policy", "strip_clitics")
    doc0 = lead.document_ids()[0]
    _tag(lead, doc0, "سامح شكري", "PERS")
    plan, files = assign(
        lead, ["amal", "bilal"], tmp_path / "out", overlap=1.0, seed=3, with_annotations=True
    )
    assert sorted(files) == ["amal", "bilal"]
    with Project(files["amal"], annotator="amal") as amal:
        assert amal.document_ids() == lead.document_ids()
        assert amal.setting(ANNOTATOR_SETTING, "") == "amal"
        assert amal.setting("boundary_policy", "") == "strip_clitics"
        assert amal.schema().to_dict() == lead.schema().to_dict()
        assert [(s.label, s.annotator) for s in amal.spans(doc0)] == [("PERS", "amal")]
        assert {amal.document_info(d).status for d in amal.document_ids()} == {"new"}
    with pytest.raises(TeamError, match="exists already"):
        assign(lead, ["amal"], tmp_path / "out")
    lead.close()


def test_merge_makes_layers_idempotently_and_never_touches_others(tmp_path: Path) -> None:
    lead = _lead(tmp_path / "lead.hashiya")
    doc0 = lead.document_ids()[0]
    lead_span = _tag(lead, doc0, "القاهرة", "GPE")
    plan, files = assign(lead, ["amal", "bilal"], tmp_path / "out", overlap=1.0, seed=1)
    for name, label in (("amal", "PERS"), ("bilal", "OCC")):
        # the annotator's window may run under another OS name: the file says whose it is
        with Project(files[name], annotator=f"{name}-laptop") as mine:
            _tag(mine, doc0, "سامح شكري", label)
            mine.set_status(doc0, "done")
    report = merge(lead, [tmp_path / "out"])
    assert report.ok and [m.layers for m in report.merged] == [{"amal": 1}, {"bilal": 1}]
    assert lead.statuses(doc0) == {"amal": "done", "bilal": "done"}
    assert [s.label for s in lead.spans(doc0, annotator="amal")] == ["PERS"]
    assert [s.id for s in lead.spans(doc0, annotator="lead")] == [lead_span.id]
    before = _dump(lead)
    log = len(lead.edit_log())
    assert merge(lead, [files["amal"], files["bilal"]]).ok
    assert _dump(lead) == before and len(lead.edit_log()) == log  # merging twice = once
    # more work, merged again: amal's layer follows, bilal's and the lead's do not move
    with Project(files["amal"], annotator="amal") as mine:
        session = DocumentSession(mine, doc0)
        session.relabel([session.index.all()[0].id], "NORP")
        _tag(mine, doc0, "القاهرة", "GPE")
    assert merge(lead, [files["amal"]]).ok
    after = _dump(lead)
    assert [s["label"] for s in after["amal"]] == ["NORP", "GPE"]
    assert after["bilal"] == before["bilal"] and after["lead"] == before["lead"]
    lead.close()


def _dump(project: Project) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for doc_id in project.document_ids():
        for s in project.spans(doc_id):
            out.setdefault(s.annotator, []).append(
                {
                    "id": s.id,
                    "label": s.label,
                    "start": s.start,
                    "end": s.end,
                    "attrs": dict(s.attrs),
                }
            )
    return out


def test_merge_refuses_a_foreign_schema_or_text_and_changes_nothing(tmp_path: Path) -> None:
    lead = _lead(tmp_path / "lead.hashiya")
    _, files = assign(lead, ["amal", "bilal"], tmp_path / "out", overlap=1.0, seed=1)
    with Project(files["amal"], annotator="amal") as amal:
        schema = amal.schema().to_dict()
        schema["labels"] = [lab for lab in schema["labels"] if lab["name"] != "EVENT"]
        from annotation.schema import LabelSchema

        amal.save_schema(LabelSchema.from_dict(schema))
    stranger = Project(tmp_path / "stranger.hashiya", annotator="carim")
    stranger.add_document(Document.create(ARTICLES[0] + " ", "x.txt"))
    stranger.close()
    before = _dump(lead)
    report = merge(lead, [files["amal"], tmp_path / "stranger.hashiya", files["bilal"]])
    assert len(report.refused) == 2 and len(report.merged) == 1
    assert (
        report.refused[0]
        == f"{files['amal']}: not merged: another label schema (label EVENT differs)"
    )
    assert (
        str(tmp_path / "stranger.hashiya") in report.refused[1] and "SHA-256" in report.refused[1]
    )
    assert all("\n" not in line for line in report.refused)
    assert _dump(lead) == before
    lead.close()


def test_any_project_with_the_same_texts_merges_by_its_annotators(tmp_path: Path) -> None:
    lead = _lead(tmp_path / "lead.hashiya")
    other = Project(tmp_path / "other.hashiya", annotator="dana")
    other.add_document(Document.create(ARTICLES[2], "mine.txt"))
    doc = other.document_ids()[0]
    _tag(other, doc, "برلين", "GPE")
    other.set_status(doc, "done")
    other.close()
    report = merge(lead, [tmp_path / "other.hashiya"])
    assert report.ok and report.merged[0].layers == {"dana": 1}
    assert lead.status_of(doc, "dana") == "done"
    assert GOLD not in lead.layer_names(doc)
    lead.close()


def test_snapshot_never_writes(tmp_path: Path) -> None:
    lead = _lead(tmp_path / "lead.hashiya")
    lead.close()
    path = tmp_path / "lead.hashiya"
    before = path.read_bytes()
    with snapshot(path) as copy:
        assert len(copy.document_ids()) == len(ARTICLES)
    assert path.read_bytes() == before
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0


def test_cli_assign_and_merge(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import main

    _lead(tmp_path / "lead.hashiya").close()
    db, out = str(tmp_path / "lead.hashiya"), tmp_path / "out"
    assert (
        main.main(
            ["assign", "--db", db, "--annotators", "amal,bilal", "--seed", "5", "--out", str(out)]
        )
        == 0
    )
    assert "seed 5" in capsys.readouterr().out
    assert main.main(["assign", "--db", db, "--annotators", "amal", "--out", str(out)]) == 1
    assert "exists already" in capsys.readouterr().err
    assert main.main(["merge", "--db", db, str(out)]) == 0
    (tmp_path / "junk.hashiya").write_bytes(b"not sqlite")
    assert main.main(["merge", "--db", db, str(tmp_path / "junk.hashiya")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(str(tmp_path / "junk.hashiya"))
    with pytest.raises(SystemExit) as exc:
        main.main(["assign", "--db", db, "--annotators", "gold", "--out", str(out)])
    assert exc.value.code == 2


def test_assign_copies_the_guidelines(tmp_path: Path) -> None:
    from storage.guidelines import read_guidelines, write_guidelines

    lead = _lead(tmp_path / "lead.hashiya")
    write_guidelines(lead, "## PERS\nأسماء الأشخاص فقط.\n")
    _, files = assign(lead, ["amal"], tmp_path / "out", overlap=0.0, seed=1)
    with Project(files["amal"], annotator="amal") as amal:
        assert read_guidelines(amal) == read_guidelines(lead)
    lead.close()


def test_merge_reads_a_file_still_open_elsewhere(tmp_path: Path) -> None:
    """An annotator's window may still be open (a -wal beside the file): merge reads the
    committed work through SQLite and writes nothing to that file."""
    lead = _lead(tmp_path / "lead.hashiya")
    _, files = assign(lead, ["amal"], tmp_path / "out", overlap=1.0, seed=1)
    doc0 = lead.document_ids()[0]
    mine = Project(files["amal"], annotator="amal")
    _tag(mine, doc0, "القاهرة", "GPE")
    assert Path(f"{files['amal']}-wal").exists()
    report = merge(lead, [files["amal"]])
    assert report.ok and report.merged[0].layers == {"amal": 1}
    mine.close()
    lead.close()


def test_editing_layer(tmp_path: Path) -> None:
    from storage.team import editing_layer

    lead = _lead(tmp_path / "lead.hashiya")
    doc0 = lead.document_ids()[0]
    _tag(lead, doc0, "القاهرة", "GPE")
    assert editing_layer(lead, doc0) is None  # one person: every span
    DocumentSession(lead, doc0).add(
        [Span(new_id(), doc0, "entity", "PERS", 0, 3, annotator="old-name")]
    )
    assert editing_layer(lead, doc0) is None  # several names, but nobody merged anything
    _, files = assign(lead, ["amal"], tmp_path / "out", overlap=1.0, seed=1, with_annotations=True)
    with Project(files["amal"], annotator="amal-laptop") as mine:
        assert editing_layer(mine, doc0) is None  # her own file, pre-annotations included
        _tag(mine, doc0, "سامح شكري", "PERS")
    assert merge(lead, [files["amal"]]).ok
    assert editing_layer(lead, doc0) == "lead"
    assert [s.label for s in DocumentSession(lead, doc0, layer="lead").index.all()] == ["GPE"]
    assert editing_layer(lead, lead.document_ids()[1]) is None  # nobody else worked on it
    lead.close()


def test_agreement_documents_are_read_as_they_are_asked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storage.team import agreement_documents

    lead = _lead(tmp_path / "lead.hashiya")
    _, files = assign(lead, ["amal", "bilal"], tmp_path / "out", overlap=1.0, seed=3)
    for name, label in (("amal", "GPE"), ("bilal", "LOC")):
        with Project(files[name], annotator=name) as mine:
            for doc_id in mine.document_ids()[:4]:
                _tag(mine, doc_id, mine.document(doc_id).text.split()[-1], label)
                mine.set_status(doc_id, "done")
    assert merge(lead, [files["amal"], files["bilal"]]).ok
    read: list[str] = []
    document = lead.document
    monkeypatch.setattr(lead, "document", lambda doc_id: read.append(doc_id) or document(doc_id))
    docs = agreement_documents(lead)
    assert read == []
    first = next(docs)
    assert read == [first.doc_id] and sorted(first.layers) == ["amal", "bilal"]
    rest = list(docs)
    assert read == [first.doc_id] + [d.doc_id for d in rest]
    assert read == lead.document_ids()[:4]  # the four both marked done, in project order
    lead.close()
