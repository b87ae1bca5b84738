"""Corpus-scale open path and document list (issue 8), at 1k / 10k / 100k documents.

For each size the bench builds a project of news-size articles (about 1,800 characters, as
in SaudiNewsNet, generated from a fixed Arabic vocabulary: no data is read or downloaded)
and measures:

- open_ms: `Project(path)` (header, ids, schema check; no whole-file work);
- lazy_list_ms: a LazyDocumentModel's count and first page;
- window_usable_ms: the real main window built and shown on the project, until exposed, in a
  fresh process per size (each size pays the same module imports);
- window_keystroke_ms: in that window, each keystroke typed into the list's first-words and
  source filters, then erased (count, first page, the open document located, repaint);
- filter_ms: the document list filtered as you type (each prefix of a word, then of a source:
  count + first page), by status; sort_ms: sorted by each column (count + first page);
- status_counts_ms: the done / total figures of the progress bar (maintained totals);
- row_of_last_ms: where the last document stands in the list (to select it on open);
- quick_check_s: the background check the window runs after it shows (whole file).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/document_list_bench.py [--sizes 1000,10000]
[--keep DIR] (keep the projects, corpus-N.hashiya, and reuse them in later runs).
Writes bench/out/document_list.json. Importers of the corpus bench can call
`measure(path)` on a project they built.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotation.documents import STATUSES, Document  # noqa: E402
from storage.document_list import SORT_COLUMNS, DocumentQuery  # noqa: E402
from storage.project import Project  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"
VOCAB = (
    "قال أعلن أكد الوزير الرئيس المدينة الحكومة مجلس الشورى الرياض جدة مكة المكرمة السوق "
    "النفط اليوم أمس الأسد الملك ولي العهد الأمير المملكة العربية السعودية الخارجية الداخلية "
    "التعليم الصحة وزارة هيئة شركة أرامكو مليون ريال دولار المواطنين المقيمين مشروع تطوير "
    "الطرق الكهرباء المياه الموسم الحج العمرة الطلاب الجامعة المستشفى المرضى الأمن الحدود "
    "المنطقة الشرقية الغربية الشمالية الجنوبية القصيم تبوك حائل نجران جازان عسير الباحة"
).split()
TYPED = "الأسد"  # typed letter by letter into the filter field
SOURCE = "feed-1"  # typed into the source filter (feed-1, feed-10, feed-11: a quarter)


def _ms(fn: Callable[[], Any]) -> float:
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1000


def _stats(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {
        "median": round(statistics.median(ordered), 2),
        "max": round(ordered[-1], 2),
        "n": len(ordered),
    }


def build(path: Path, n: int, seed: int = 8) -> float:
    """A project of n distinct news-size articles; returns the seconds it took."""
    rng = random.Random(seed)
    stream = [rng.choice(VOCAB) for _ in range(200_000)]
    t0 = time.perf_counter()
    with Project(path, annotator="bench") as project:
        batch: list[Document] = []
        for i in range(n):
            at = rng.randrange(0, len(stream) - 400)
            words = stream[at : at + rng.randint(250, 400)]
            text = f"{' '.join(words)}\n(خبر رقم {i})"
            status = STATUSES[0] if rng.random() < 0.7 else rng.choice(STATUSES)
            batch.append(Document.create(text, f"feed-{i % 12}/2015-{i % 365:03d}-{i}.txt", status))
            if len(batch) == 5000:
                project.add_documents(batch)
                batch = []
        project.add_documents(batch)
    return time.perf_counter() - t0


def measure(path: Path, window: bool = True) -> dict[str, Any]:
    from storage.file_checks import quick_check
    from ui.document_list_model import LazyDocumentModel

    result: dict[str, Any] = {}
    opened: list[Project] = []
    result["open_ms"] = round(_ms(lambda: opened.append(Project(path, readonly=True))), 2)
    project = opened[0]
    try:
        models: list[LazyDocumentModel] = []

        def first_page() -> None:
            model = LazyDocumentModel(project)
            model.info(0)  # the page the view shows first
            models.append(model)

        result["lazy_list_ms"] = round(_ms(first_page), 2)
        model = models[0]
        result["documents"] = model.total

        def shown(change: Callable[[], None]) -> Callable[[], None]:
            """A filter or sort as the window applies it: a count, then the first page."""

            def run() -> None:
                change()
                model.info(0)

            return run

        # typed letter by letter, then erased letter by letter
        prefixes = [TYPED[:k] for k in (*range(1, len(TYPED) + 1), *range(len(TYPED), 0, -1))]
        result["filter_words_ms"] = _stats(
            [_ms(shown(partial(model.set_filter, words=p))) for p in prefixes]
        )
        result["filter_status_ms"] = _stats(
            [_ms(shown(partial(model.set_filter, status=s))) for s in (*STATUSES, None)]
        )
        sources = [SOURCE[:k] for k in range(1, len(SOURCE) + 1)] + ["feed-11/", ""]
        result["filter_source_ms"] = _stats(
            [_ms(shown(partial(model.set_filter, source=s))) for s in sources]
        )
        sorts: dict[str, float] = {}
        for column in SORT_COLUMNS:
            for descending in (False, True):
                query = DocumentQuery(sort=column, descending=descending)
                sorts[f"{column}{' desc' if descending else ''}"] = round(
                    _ms(shown(partial(model.set_query, query))), 2
                )
        result["sort_ms"] = _stats(list(sorts.values()))
        result["sort_ms_by_column"] = sorts
        result["status_counts_ms"] = round(_ms(project.status_counts), 2)
        model.set_query(DocumentQuery())
        model.info(0)
        if model.total:
            far = project.document_page(DocumentQuery(), model.total - 1, 1)[0].id
            # the list's row of the last document, its page not read yet (selecting it on open)
            result["row_of_last_ms"] = round(_ms(lambda: model.info(model.row_of(far))), 2)
        t0 = time.perf_counter()
        report = quick_check(path)
        result["quick_check_s"] = round(time.perf_counter() - t0, 2)
        result["quick_check_ok"] = report.ok
    finally:
        project.close()
    if window:
        result.update(_window_figures(path))
    result["file_mb"] = round(path.stat().st_size / 1e6, 1)
    return result


def _window_figures(path: Path) -> dict[str, Any]:
    """The real window on path, in a fresh process (every size pays the same imports, as a
    user starting the application does): window_usable_ms from create_window until shown and
    painted; window_keystroke_ms, each keystroke typed into the list's first-words and
    source filters (count, first page, the open document located, repaint)."""
    out = subprocess.run(
        [sys.executable, __file__, "--window-only", str(path)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")},
    )
    figures: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return figures


def _window_only(path: Path) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from bench.fixtures import isolated_settings
    from ui.app import application, create_window

    with tempfile.TemporaryDirectory() as tmp, isolated_settings(Path(tmp)):
        app = application([sys.argv[0]])
        t0 = time.perf_counter()
        window = create_window(path, "bench")
        window.show()
        for _ in range(3):
            app.processEvents()
            QApplication.sendPostedEvents()
        usable = (time.perf_counter() - t0) * 1000
        pane = window.documents
        keys: list[float] = []
        for field, word in ((pane.words, TYPED), (pane.source, SOURCE)):
            for k in (*range(1, len(word) + 1), *range(len(word) - 1, -1, -1)):
                t0 = time.perf_counter()
                field.setText(word[:k])
                app.processEvents()
                keys.append((time.perf_counter() - t0) * 1000)
        window.close()
        window.project.close()
        window.deleteLater()
        app.processEvents()
    return {"window_usable_ms": round(usable, 1), "window_keystroke_ms": _stats(keys)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--no-window", action="store_true", help="skip the real window")
    parser.add_argument("--window-only", type=Path, help=argparse.SUPPRESS)
    parser.add_argument(
        "--keep",
        type=Path,
        help="keep the projects in this folder (corpus-N.hashiya) and reuse them when present",
    )
    args = parser.parse_args(argv)
    if args.window_only:
        print(json.dumps(_window_only(args.window_only)))
        return 0
    results: dict[str, Any] = {}
    for n in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory(prefix="hashiya-list-") as tmp:
            folder = args.keep or Path(tmp)
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"corpus-{n}.hashiya"
            built = 0.0
            if not path.exists():  # built under another name: a killed build is not reused
                partial_path = folder / f"corpus-{n}.partial.hashiya"
                for stale in folder.glob(f"{partial_path.name}*"):
                    stale.unlink()
                built = build(partial_path, n)
                partial_path.rename(path)
            else:
                Project(path).close()  # brought to this build's schema before measuring
            result = {"build_s": round(built, 1), **measure(path, window=not args.no_window)}
            results[str(n)] = result
            print(
                f"{n:>7,} docs ({result['file_mb']} MB): open {result['open_ms']} ms, "
                f"window usable {result.get('window_usable_ms', '-')} ms, "
                f"window keystroke {result.get('window_keystroke_ms', '-')} ms, "
                f"lazy list {result['lazy_list_ms']} ms, "
                f"filter as you type median {result['filter_words_ms']['median']} / max "
                f"{result['filter_words_ms']['max']} ms, status filter max "
                f"{result['filter_status_ms']['max']} ms, source filter max "
                f"{result['filter_source_ms']['max']} ms, sort max {result['sort_ms']['max']} ms, "
                f"status counts {result['status_counts_ms']} ms, "
                f"row of the last {result.get('row_of_last_ms', '-')} ms, "
                f"quick check {result['quick_check_s']} s (built in {built:.1f} s)",
                flush=True,
            )
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "document_list.json").write_text(json.dumps(results, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
