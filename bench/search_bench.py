"""Project search latency at corpus scale (issue 8): `storage.search_index` on 1k/10k/100k articles.

Run: .venv/bin/python bench/search_bench.py [--sizes 1k,10k,100k] [--keep DIR]

Standalone, it builds for each size a project of N distinct SaudiNewsNet articles
(../shared/data/saudinewsnet/2015-07-21.zip, repeated, each text ending with a marker line
naming its number) with the documents and their search index written in one transaction, as
an import does. `search_figures(db)` is also what the corpus bench (bench/corpus.py) calls on
the project it imported. Figures per query: hits, documents holding a hit, candidates the
index returned, first (cold) and median of 5 warm runs of `search_project` (every hit with
its exact offsets), and the same limited to the first 100 hits (what a results list shows
first). Also: index build time per document and the file size with and without the index.
Prints a table and writes bench/out/search.json. Asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from storage import search_index  # noqa: E402
from storage.project import Project  # noqa: E402
from storage.search_index import candidate_ids, search_project  # noqa: E402

SAUDINEWSNET = REPO.parent / "shared" / "data" / "saudinewsnet" / "2015-07-21.zip"
OUT = REPO / "bench" / "out"
# The typical query of issue 8, a frequent word, a two-word name, a rarer name, a word with a
# hamza carrier (both spellings meet), and one that is not in the corpus.
QUERIES = ("الاسد", "السعودية", "الملك سلمان", "داعش", "مسئول", "كوبنهاغن")
WARM_RUNS = 5


def articles() -> list[str]:
    with zipfile.ZipFile(SAUDINEWSNET) as z:
        (name,) = z.namelist()
        data = json.loads(z.read(name))
    texts = []
    for item in data:
        text = (item.get("content") or "").replace("\r\n", "\n").replace("\r", "\n").strip()
        if text:
            texts.append(text)
    return texts


def build(db: Path, size: int, texts: list[str]) -> dict[str, float]:
    """A project of `size` distinct articles; returns the seconds spent on texts and index."""
    Project(db, annotator="bench").close()  # creates the file at the latest version
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    import hashlib

    t_docs = t_index = 0.0
    conn.execute("BEGIN")
    batch: list[tuple[str, str]] = []
    for i in range(size):
        text = f"{texts[i % len(texts)]}\n[{i}]"
        digest = hashlib.sha256(text.encode()).hexdigest()
        doc_id = digest[:16]
        t0 = time.perf_counter()
        conn.execute(
            "INSERT INTO documents(id, sha256, source, text, status, position, created_at) "
            "VALUES (?, ?, ?, ?, 'new', ?, '')",
            [doc_id, digest, f"saudinewsnet/{i}", text, i + 1],
        )
        t1 = time.perf_counter()
        batch.append((doc_id, text))
        if len(batch) == 1000 or i == size - 1:
            search_index.add_documents(conn, batch)
            batch = []
        t_docs += t1 - t0
        t_index += time.perf_counter() - t1
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return {"insert_s": t_docs, "index_s": t_index}


def _timed(fn: Any) -> tuple[float, Any]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def search_figures(db: Path) -> dict[str, Any]:
    """Latency of project search on an existing project (index built if missing, timed)."""
    figures: dict[str, Any] = {}
    with Project(db, annotator="bench") as project:
        conn = project.db.conn
        missing = search_index.unindexed_count(conn)
        if missing:
            figures["index_build_s"], _ = _timed(lambda: search_index.build(conn))
        figures["documents"] = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        for query in QUERIES:
            cold, hits = _timed(lambda q=query: search_project(project, q))
            warm = [_timed(lambda q=query: search_project(project, q))[0] for _ in range(WARM_RUNS)]
            first100 = [
                _timed(lambda q=query: search_project(project, q, limit=100))[0]
                for _ in range(WARM_RUNS)
            ]
            figures[query] = {
                "hits": len(hits),
                "documents_with_hits": len({d for d, _, _ in hits}),
                "candidates": len(candidate_ids(conn, query) or []),
                "cold_s": round(cold, 4),
                "warm_median_s": round(statistics.median(warm), 4),
                "first_100_median_s": round(statistics.median(first100), 4),
            }
    return figures


def _size(value: str) -> int:
    return int(value[:-1]) * 1000 if value.endswith("k") else int(value)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1k,10k,100k")
    parser.add_argument("--keep", type=Path, default=None, help="keep the projects in DIR")
    args = parser.parse_args()
    if not SAUDINEWSNET.exists():
        print(f"{SAUDINEWSNET} not found: the search bench needs ../shared", file=sys.stderr)
        return 1
    texts = articles()
    results: dict[str, Any] = {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version,
            "load_average": os.getloadavg(),
        }
    }
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for name in args.sizes.split(","):
            size = _size(name)
            db = folder / f"search-{name}.hashiya"
            db.unlink(missing_ok=True)
            built = build(db, size, texts)
            figures = search_figures(db)
            figures["build"] = {
                "index_ms_per_doc": round(built["index_s"] / size * 1000, 3),
                "insert_ms_per_doc": round(built["insert_s"] / size * 1000, 3),
            }
            conn = sqlite3.connect(db)
            pages = dict(
                conn.execute(
                    "SELECT name, SUM(pgsize) FROM dbstat "
                    "WHERE name LIKE 'search_%' OR name = 'documents' GROUP BY name"
                ).fetchall()
            )
            conn.close()
            index_bytes = sum(v for k, v in pages.items() if k.startswith("search_"))
            figures["file_mb"] = round(db.stat().st_size / 1e6, 1)
            figures["index_mb"] = round(index_bytes / 1e6, 1)
            results[name] = figures
            print(
                f"== {name} articles: file {figures['file_mb']} MB, index {figures['index_mb']} MB"
            )
            print(f"   index {figures['build']['index_ms_per_doc']} ms/doc at build")
            for query in QUERIES:
                f = figures[query]
                print(
                    f"   {query:<12} hits {f['hits']:>6} in {f['documents_with_hits']:>5} docs "
                    f"(candidates {f['candidates']:>5}): cold {f['cold_s']:.3f} s, "
                    f"warm {f['warm_median_s']:.3f} s, first 100 {f['first_100_median_s']:.3f} s"
                )
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "search.json").write_text(json.dumps(results, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
