"""Dashboard time on a generated project (issue 13): statistics in SQL and the dock drawn.

Builds N documents (default 20,000; --sizes 20000,100000) of news-size Arabic text with 10
entities, a quote with its speaker and a claim each, statuses and status-log rows, written
straight into a fresh project file (the fixture, not the product's import path), then times
opening the project + `project_statistics` and the dock's first refresh (median of 3).

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/dashboard_bench.py [--sizes 20000]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotation.documents import sha256_of  # noqa: E402
from storage.project import Project  # noqa: E402
from storage.read_connection import ReadOnlyConnection  # noqa: E402
from storage.statistics import matching_documents, matching_spans, project_statistics  # noqa: E402

WORDS = "قال أكد الوزير الحكومة المدينة الشركة الاجتماع العام اليوم مصادر تقرير الأمن".split()
PEOPLE = ["سامر الخوري", "ليلى حداد", "كريم ناصر", "هالة منصور", "نادر عيسى", "سلمى يوسف"]
LABELS = ["PERS", "ORG", "GPE", "LOC", "DATE", "OCC", "NORP", "FAC", "EVENT"]


def build(path: Path, n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with Project(path, annotator="bench") as project:
        ann_ids = [project.annotator_id]
        for name in ("amal", "bilal"):
            project.db.execute("INSERT OR IGNORE INTO annotators(name) VALUES (?)", [name])
        ann_ids += [
            r[0] for r in project.db.execute("SELECT id FROM annotators WHERE name != 'bench'")
        ]
        conn = project.db.conn
        conn.execute("BEGIN")
        now = "2026-11-01T10:00:00"
        for i in range(n):
            person = PEOPLE[i % len(PEOPLE)]
            body = " ".join(rng.choice(WORDS) for _ in range(90))
            text = f"{person} قال إن {body} خبر رقم {i}."
            sha = sha256_of(text)
            doc_id = f"doc-{sha[:16]}"
            status = rng.choice(("new", "new", "in_progress", "done"))
            conn.execute(
                "INSERT INTO documents(id, sha256, source, text, status, position, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [doc_id, sha, f"n{i}.txt", text, status, i + 1, now],
            )
            ann = ann_ids[i % len(ann_ids)]
            rows = []
            pos = len(person) + 8
            for k in range(10):
                start = pos + k * 40
                rows.append(
                    (f"e{i}-{k}", doc_id, "entity", LABELS[k % 9], start, start + 6, "{}", ann)
                )
            rows.append((f"p{i}", doc_id, "entity", "PERS", 0, len(person), "{}", ann))
            rows.append(
                (f"q{i}", doc_id, "quote", "QUOTE", pos, pos + 60, '{"type": "indirect"}', ann)
            )
            rows.append(
                (
                    f"c{i}",
                    doc_id,
                    "claim",
                    "CLAIM",
                    pos,
                    pos + 40,
                    json.dumps(
                        {"checkworthy": rng.choice(["yes", "no", "unsure"]), "type": "event"}
                    ),
                    ann,
                )
            )
            conn.executemany(
                'INSERT INTO annotations(id, doc_id, kind, label, start, "end", attrs, annotator_id, '
                "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '2026-11-01T10:00:00')",
                rows,
            )
            conn.execute(
                "INSERT INTO links(id, doc_id, type, source, target) VALUES (?, ?, 'speaker', ?, ?)",
                [f"l{i}", doc_id, f"q{i}", f"p{i}"],
            )
            if status == "done":
                conn.execute(
                    "INSERT INTO edit_log(at, annotator_id, doc_id, action, payload) "
                    "VALUES (?, ?, ?, 'status', ?)",
                    [
                        f"2026-11-{1 + i % 28:02}T12:00:00",
                        ann,
                        doc_id,
                        '{"from": "new", "to": "done"}',
                    ],
                )
        conn.execute("COMMIT")


def measure(path: Path, repeats: int = 3) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from ui.statistics_dock import StatisticsDock

    app = QApplication.instance() or QApplication([])
    stats_ms, dock_ms, drawn_ms = [], [], []
    for _ in range(repeats):
        t0 = time.perf_counter()
        project = Project(path)
        project_statistics(project)
        stats_ms.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        dock = StatisticsDock(
            partial(_snapshot_statistics, path),
            partial(matching_spans, project),
            partial(matching_documents, project),
        )
        dock.resize(900, 700)
        dock.show()  # shown: starts counting in the background
        app.processEvents()
        dock_ms.append((time.perf_counter() - t0) * 1000)
        while not dock.stats:
            app.processEvents()
            time.sleep(0.005)
        drawn_ms.append((time.perf_counter() - t0) * 1000)
        dock.close()
        dock.deleteLater()
        project.close()
    return {
        "stats_ms": statistics.median(stats_ms),
        "dashboard_ms": statistics.median(dock_ms),
        "drawn_ms": statistics.median(drawn_ms),
    }


def _snapshot_statistics(path: Path) -> dict:
    with ReadOnlyConnection(path) as snapshot:
        return project_statistics(snapshot)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="20000")
    args = parser.parse_args(argv)
    print(
        f"{'documents':>10} {'build s':>8} {'open+stats ms':>14} {'dock shown ms':>14} "
        f"{'charts drawn ms':>16}"
    )
    for n in (int(x) for x in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "dash.hashiya"
            t0 = time.perf_counter()
            build(path, n)
            built = time.perf_counter() - t0
            m = measure(path)
            print(
                f"{n:>10} {built:>8.1f} {m['stats_ms']:>14.0f} {m['dashboard_ms']:>14.0f} "
                f"{m['drawn_ms']:>16.0f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
