"""A run of .txt articles shares one writer (`importer.import_files`): one transaction per
batch of articles, not per file, while every file still gets its own complete result, in
order, and Stop, refusals, duplicates and a busy project behave as they do file by file."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from storage.importer import (
    BATCH_RECORDS,
    FileResult,
    import_file,
    import_files,
    import_paths,
)
from storage.project import Project, ProjectBusy


def _articles(folder: Path, count: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + count):
        path = folder / f"{i:04d}.txt"
        path.write_text(f"افتتح الوزير المعرض رقم {i} في مدينة جدة صباح الأحد.", encoding="utf-8")
        paths.append(path)
    return paths


@contextmanager
def _counting_transactions(project: Project) -> Iterator[list[str]]:
    begun: list[str] = []

    def trace(sql: str) -> None:
        if sql.startswith("BEGIN"):
            begun.append(sql)

    project.db.conn.set_trace_callback(trace)
    try:
        yield begun
    finally:
        project.db.conn.set_trace_callback(None)


def test_a_folder_of_articles_is_stored_a_batch_per_transaction_and_each_file_is_reported(
    project: Project, tmp_path: Path
) -> None:
    paths = _articles(tmp_path / "articles", 3 * BATCH_RECORDS + 7)
    with _counting_transactions(project) as begun:
        results = list(import_files(project, paths))
    assert [r.path for r in results] == paths
    assert all(len(r.imported) == 1 and r.refused == [] and r.skipped == [] for r in results)
    stored = [r.imported[0] for r in results]
    assert project.document_ids() == stored  # project order is file order
    for path, doc_id in zip(paths, stored, strict=True):
        assert project.document(doc_id).text == path.read_text(encoding="utf-8")
    # a transaction per batch: a handful, not one per file
    assert 3 <= len(begun) <= 8


def test_mixed_inputs_keep_their_order_and_each_its_own_refusal_or_skip(
    project: Project, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    first = _articles(folder, 2)
    empty = folder / "0100_empty.txt"
    empty.write_bytes(b"")
    binary = folder / "0101_binary.txt"
    binary.write_bytes(b"\x00\x01\x02 not text")
    again = folder / "0102_again.txt"
    again.write_bytes(first[0].read_bytes())  # the same text as the first article
    archive = folder / "0103_archive.jsonl"
    archive.write_text(
        json.dumps({"id": "arch-1", "text": "أعلنت الهيئة نتائج المسابقة."}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    later = _articles(folder, 2, start=200)
    missing = folder / "0300_missing.txt"
    paths = [*first, empty, binary, again, archive, *later, missing]
    results = list(import_files(project, paths))
    assert [r.path for r in results] == paths
    by_path = {r.path: r for r in results}
    assert all(len(by_path[p].imported) == 1 for p in [*first, archive, *later])
    assert by_path[empty].imported == [] and "empty" in by_path[empty].refused[0].reason
    assert by_path[binary].imported == [] and by_path[binary].refused[0].line is None
    assert [s.existing_doc_id for s in by_path[again].skipped] == by_path[first[0]].imported
    assert by_path[again].refused == [] and by_path[again].imported == []
    assert [r.reason for r in by_path[missing].refused] == ["no such file"]
    assert len(project.document_ids()) == 5


def test_the_same_folder_gives_the_same_project_file_by_file_and_in_one_run(
    tmp_path: Path,
) -> None:
    paths = _articles(tmp_path / "a", BATCH_RECORDS + 3)
    paths.append(tmp_path / "a" / "9999.txt")
    paths[-1].write_bytes(paths[5].read_bytes())
    one_by_one = Project(tmp_path / "one.hashiya", annotator="lead")
    in_a_run = Project(tmp_path / "run.hashiya", annotator="lead")
    try:
        singles = [import_file(one_by_one, p) for p in paths]
        shared = list(import_files(in_a_run, paths))

        def view(results: list[FileResult]) -> list[tuple[int, int, int]]:
            return [(len(r.imported), len(r.skipped), len(r.refused)) for r in results]

        assert view(singles) == view(shared)
        for project in (one_by_one, in_a_run):
            texts = [project.document(d).text for d in project.document_ids()]
            assert texts == [p.read_text(encoding="utf-8") for p in paths[:-1]]
    finally:
        one_by_one.close()
        in_a_run.close()


def test_stop_before_a_file_stores_and_reports_every_article_read_and_nothing_after(
    project: Project, tmp_path: Path
) -> None:
    paths = _articles(tmp_path / "articles", 2 * BATCH_RECORDS)
    asked: list[int] = []

    def starting(index: int) -> bool:
        asked.append(index)
        return index < 70

    results = list(import_files(project, paths, starting=starting))
    assert asked == list(range(71))
    assert [r.path for r in results] == paths[:70]
    assert all(len(r.imported) == 1 for r in results)
    assert project.document_ids() == [r.imported[0] for r in results]


def test_results_come_once_stored_so_a_reported_file_is_in_the_project(
    project: Project, tmp_path: Path
) -> None:
    paths = _articles(tmp_path / "articles", 2 * BATCH_RECORDS + 1)
    # another connection sees only what is committed (the importer's may be in a transaction)
    other = sqlite3.connect(project.path)
    try:
        for result in import_files(project, paths):
            (doc_id,) = result.imported
            row = other.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone()
            assert row is not None, f"{result.path.name} reported before it was committed"
    finally:
        other.close()


def test_a_busy_project_refuses_the_articles_of_its_batch_and_the_next_ones_are_tried_again(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _articles(tmp_path / "articles", 4 * BATCH_RECORDS)
    real = Project.transaction
    outer: list[int] = []

    @contextmanager
    def busy_once(self: Project) -> Iterator[None]:
        if not self._in_tx:
            outer.append(1)
            if len(outer) == 2:  # the second batch finds the project busy
                raise ProjectBusy(f"{self.path}: another program has been writing for too long")
        with real(self):
            yield

    monkeypatch.setattr(Project, "transaction", busy_once)
    results = list(import_files(project, paths))
    assert [r.path for r in results] == paths
    refused = [r for r in results if r.refused]
    assert refused and all(r.imported == [] for r in refused)
    assert all("cannot store (" in r.refused[0].reason for r in refused)
    imported = [r.imported[0] for r in results if r.imported]
    assert len(imported) + len(refused) == len(paths)
    assert project.document_ids() == imported  # the report says exactly what was stored
    assert results[-1].imported  # the articles after the refused ones were stored
    # a second import of the folder takes exactly the refused articles
    again = import_paths(project, [tmp_path / "articles"])
    assert len(again.imported) == len(refused) and len(again.skipped) == len(imported)


def test_the_command_line_imports_a_folder_of_articles_in_order(tmp_path: Path) -> None:
    from tests import cli_support

    paths = _articles(tmp_path / "articles", BATCH_RECORDS + 2)
    (tmp_path / "articles" / "0500.txt").write_bytes(b"")
    db = tmp_path / "p.hashiya"
    done = cli_support.run("import", "--db", db, tmp_path / "articles")
    assert done.returncode != 0 and "Traceback" not in done.stderr
    (refusal,) = [line for line in done.stderr.splitlines() if "0500.txt" in line]
    assert "empty" in refusal
    assert f"imported {len(paths)} documents" in done.stdout
    with Project(db, annotator="lead") as project:
        texts = [project.document(d).text for d in project.document_ids()]
    assert texts == [p.read_text(encoding="utf-8") for p in paths]
