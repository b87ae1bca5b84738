"""The importer's per-batch hook (`import_file(..., within=)`): progress while a JSONL file is
read, and a stop that leaves whole records only and says which line was not read."""

from __future__ import annotations

import json
from pathlib import Path

from storage.importer import (
    BATCH_RECORDS,
    ImportReport,
    import_file,
)
from storage.project import Project
from tests.test_import import rich_record


def _archive(tmp_path: Path, count: int, spans: bool = False) -> tuple[Path, list[str]]:
    texts = [
        f"قال المتحدث باسم البلدية في الخبر رقم {i} إن الطريق سيفتح غدا." for i in range(count)
    ]
    lines = []
    for i, text in enumerate(texts):
        record = {"id": f"arch-{i}", "text": text}
        if spans:
            record["entities"] = [
                {"id": f"arch-{i}-e{k}", "start": s, "end": s + len(w), "text": w, "label": lab}
                for k, (w, lab) in enumerate((("المتحدث", "PERS"), ("البلدية", "ORG")))
                for s in [text.index(w)]
            ]
        lines.append(json.dumps(record, ensure_ascii=False))
    # a blank line in the middle: lines and records differ
    lines.insert(10, "")
    path = tmp_path / "archive.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, texts


def test_the_hook_is_asked_with_growing_offsets_and_reading_goes_on_to_the_end(
    project: Project, tmp_path: Path
) -> None:
    path, texts = _archive(tmp_path, 3 * BATCH_RECORDS + 5)
    seen: list[tuple[int, int]] = []

    def within(read: int, size: int) -> bool:
        seen.append((read, size))
        return True

    result = import_file(project, path, within=within)
    assert len(result.imported) == len(texts) and result.refused == []
    assert result.stopped_at_line is None
    size = path.stat().st_size
    assert len(seen) == 3  # before records 65, 129 and 193
    assert all(s == size for _, s in seen)
    reads = [r for r, _ in seen]
    assert reads == sorted(reads) and len(set(reads)) == 3 and 0 < reads[0] < reads[-1] < size
    # each offset is where the next record's line starts
    data = path.read_bytes()
    assert all(data[r - 1 : r] == b"\n" and data[r : r + 1] == b"{" for r in reads)


def test_a_stop_keeps_whole_records_names_the_line_and_a_second_import_takes_the_rest(
    project: Project, tmp_path: Path
) -> None:
    path, texts = _archive(tmp_path, 3 * BATCH_RECORDS + 5, spans=True)
    calls = []

    def stop_at_once(read: int, size: int) -> bool:
        calls.append(read)
        return False

    first = import_file(project, path, within=stop_at_once)
    assert len(calls) == 1
    # the first batch (BATCH_RECORDS records; line 11 is blank, so it ends one line later)
    # and nothing else
    assert first.imported == [f"arch-{i}" for i in range(BATCH_RECORDS)]
    assert first.stopped_at_line == BATCH_RECORDS + 2
    assert first.refused == [] and first.spans == 2 * BATCH_RECORDS
    assert project.document_ids() == first.imported
    assert project.span_count() == 2 * BATCH_RECORDS  # every stored record whole
    report = ImportReport()
    report.add(first)
    assert report.stopped == [(path, BATCH_RECORDS + 2)]

    second = import_file(project, path)  # the command line: no hook, to the end
    assert second.stopped_at_line is None and second.refused == []
    assert [s.existing_doc_id for s in second.skipped] == first.imported
    assert second.imported == [f"arch-{i}" for i in range(BATCH_RECORDS, len(texts))]
    assert [project.document(i).text for i in project.document_ids()] == texts
    assert project.span_count() == 2 * len(texts)


def test_a_stop_after_the_second_batch_keeps_two_batches(project: Project, tmp_path: Path) -> None:
    path, texts = _archive(tmp_path, 5 * BATCH_RECORDS)
    answers = iter([True, False])
    result = import_file(project, path, within=lambda _r, _s: next(answers))
    assert len(result.imported) == 2 * BATCH_RECORDS
    assert result.stopped_at_line == 2 * BATCH_RECORDS + 2  # +1 blank line, 1-based
    assert [project.document(i).text for i in project.document_ids()] == texts[: 2 * BATCH_RECORDS]


def test_a_small_file_never_asks_and_a_text_file_ignores_the_hook(
    project: Project, tmp_path: Path
) -> None:
    small = tmp_path / "small.jsonl"
    small.write_text(json.dumps(rich_record("doc-s"), ensure_ascii=False) + "\n", "utf-8")
    txt = tmp_path / "one.txt"
    txt.write_text("خبر قصير عن افتتاح مكتبة عامة في المدينة.", "utf-8")

    def never(_read: int, _size: int) -> bool:
        raise AssertionError("asked")

    assert import_file(project, small, within=never).imported == ["doc-s"]
    assert len(import_file(project, txt, within=never).imported) == 1


def test_a_project_that_turns_busy_mid_file_keeps_what_was_stored_and_says_where_it_stopped(
    project: Project, tmp_path: Path, monkeypatch
) -> None:
    """Another program holds the write lock past the busy timeout from the third batch on: the
    batches before stay stored and are reported, the failed batch and the records read after
    it are refused with the reason, and the reading stops there (no wait per batch, no
    exception, no "nothing was changed" for the whole file)."""
    from contextlib import contextmanager

    from storage.project import ProjectBusy

    path, texts = _archive(tmp_path, 6 * BATCH_RECORDS)
    real = Project.transaction
    calls = []

    @contextmanager
    def busy_from_the_third(self: Project):  # type: ignore[no-untyped-def]
        if not self._in_tx:  # a batch's own transaction (its inserts nest inside it)
            calls.append(1)
        if len(calls) >= 3 and not self._in_tx:
            raise ProjectBusy(f"{self.path}: another program has been writing for more than 5 s")
        with real(self):
            yield

    monkeypatch.setattr(Project, "transaction", busy_from_the_third)
    result = import_file(project, path)
    assert project.document_ids() == result.imported  # what the report says was stored
    assert len(result.imported) >= 1
    assert result.refused and all("cannot store" in r.reason for r in result.refused)
    assert "another program" in result.refused[0].reason
    assert result.stopped_at_line is not None
    # every record is accounted for once: stored, refused, or on a line not read
    lines_not_read = len(texts) + 1 - (result.stopped_at_line - 1)  # +1: the blank line
    assert len(result.imported) + len(result.refused) + lines_not_read == len(texts)
    report = ImportReport()
    report.add(result)
    assert report.stopped == [(path, result.stopped_at_line)]
    assert len(calls) == 3  # two batches stored, one refused, no further attempt


def test_the_command_line_prints_where_a_busy_project_stopped_the_import(
    tmp_path: Path, monkeypatch
) -> None:
    from contextlib import contextmanager

    from storage.project import ProjectBusy
    from tests import cli_support

    path, _texts = _archive(tmp_path, 4 * BATCH_RECORDS)
    real = Project.transaction
    outer = []

    @contextmanager
    def busy_from_the_third(self: Project):  # type: ignore[no-untyped-def]
        if not self._in_tx:
            outer.append(1)
            if len(outer) >= 3:
                raise ProjectBusy(f"{self.path}: another program has been writing for too long")
        with real(self):
            yield

    monkeypatch.setattr(Project, "transaction", busy_from_the_third)
    done = cli_support.run("import", "--db", tmp_path / "p.hashiya", path)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "cannot store (" in done.stderr and "another program" in done.stderr
    assert "stopped at line" in done.stderr and "were not imported" in done.stderr
    assert "imported " in done.stdout and "nothing was changed" not in done.stdout


def test_another_tools_file_stops_between_documents(tmp_path: Path) -> None:
    """storage.formats.interop.import_files(stop=): the documents read before the stop are
    stored whole, the report names the file and line where reading ended."""
    from storage.formats.interop import import_files

    doccano = tmp_path / "three.jsonl"
    doccano.write_text(
        "".join(
            json.dumps({"text": f"خبر رقم {i} عن الطريق.", "label": []}, ensure_ascii=False) + "\n"
            for i in range(3)
        ),
        encoding="utf-8",
    )
    asked: list[int] = []

    def stop() -> bool:
        asked.append(1)
        return len(asked) > 2

    with Project(tmp_path / "p.hashiya") as project:
        report = import_files(project, "doccano", [doccano], stop=stop)
        assert len(report.imported) == 2 and report.stopped == [(doccano, 3)]
        assert len(project.document_ids()) == 2
        whole = import_files(project, "doccano", [doccano], stop=lambda: False)
        assert len(whole.imported) == 1 and len(whole.skipped) == 2 and whole.stopped == []


def test_another_tools_import_says_how_far_it_is(tmp_path: Path) -> None:
    from storage.formats.common import PROGRESS_EVERY
    from storage.formats.interop import import_files

    doccano = tmp_path / "many.jsonl"
    count = 2 * PROGRESS_EVERY + 5
    doccano.write_text(
        "".join(
            json.dumps({"text": f"خبر رقم {i} عن الطريق.", "label": []}, ensure_ascii=False) + "\n"
            for i in range(count)
        ),
        encoding="utf-8",
    )
    told: list[int] = []
    with Project(tmp_path / "p.hashiya") as project:
        report = import_files(project, "doccano", [doccano], progress=told.append)
    assert len(report.imported) == count
    assert told == [0, PROGRESS_EVERY, 2 * PROGRESS_EVERY]


def test_a_conll_file_says_how_far_it_is_and_stops_between_documents(tmp_path: Path) -> None:
    conll = tmp_path / "many.conll"
    count = 3 * BATCH_RECORDS + 5
    conll.write_text(
        "".join(f"-DOCSTART- O\n\nخبر O\nرقم O\n{i} O\nمن O\nعمّان B-GPE\n\n" for i in range(count)),
        encoding="utf-8",
    )
    size = conll.stat().st_size
    asked: list[tuple[int, int]] = []

    def within(read: int, total: int) -> bool:
        asked.append((read, total))
        return len(asked) < 2

    with Project(tmp_path / "p.hashiya") as project:
        result = import_file(project, conll, fmt="conll", within=within)
        assert len(result.imported) == 2 * BATCH_RECORDS
        marker = 1 + 8 * 2 * BATCH_RECORDS  # each document is 8 lines
        assert result.stopped_at_line == marker
        assert [total for _, total in asked] == [size, size]
        assert all(0 < read <= size for read, _ in asked)
        whole = import_file(project, conll, fmt="conll", within=lambda read, total: True)
        assert len(whole.imported) == count - 2 * BATCH_RECORDS and whole.stopped_at_line is None
