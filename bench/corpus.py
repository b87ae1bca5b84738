"""`make bench-corpus`: corpus-scale figures (issue 8) on projects of 1k, 10k, 100k articles.

Run: .venv/bin/python bench/corpus.py [--sizes 1k,10k,100k] [--keep DIR] [--no-seed]

Builds, per size, N distinct news articles as native JSONL from
../shared/data/saudinewsnet/2015-07-21.zip (2,972 articles of one day, repeated; every text
ends with a marker line naming its number, so all N are distinct), ~35 entity spans each,
written as 10 files of N/10 records. Then, each step in a fresh child process (so that its
peak memory, VmHWM, is its own):

- import: `storage.importer.import_paths` of the 10 files into a new project; the time of
  each file gives the rate of the first and the last 10 % of documents.
- import floor: the same lines through plain json.loads + hashlib.sha256 + sqlite3 inserts
  into tables with the same indexes (WAL, synchronous=NORMAL, one transaction per file); and
  the same floor with SQLite's own full-text index of every text (FTS5), the least a search
  index built at import costs. The import's CPU is also given for its reading thread alone
  (the writer thread stores batches meanwhile: storage.importer).
- export: `storage.exporter.export_jsonl` of the imported project; floor: SELECT of texts and
  spans + json.dumps per document into a file.
- --long: one article of ~10 M characters (the reference article 400 times): its import and
  its CoNLL / tokens-jsonl exports, peak memory of each.
- seed200: 200 copies of the reference article (../shared/seeds, 26,007 code points) with 192
  spans each (entities, quotes with cue and speaker, claims): 38,400 spans, one JSONL file.

Other figures on the same projects (window usable, document-list filter, project search) are
added as functions in FIGURES: each gets the Context of a size and returns {name: value}.
Prints a table and writes bench/out/corpus.json. Asserts nothing (docs/bench.md).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import re
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

SHARED = REPO.parent / "shared"
SAUDINEWSNET = SHARED / "data" / "saudinewsnet" / "2015-07-21.zip"
SEED = SHARED / "seeds" / "000_bf43c1156c9930e4.txt"
OUT = REPO / "bench" / "out"
SHARDS = 10
ENTITY_EVERY = 12  # one entity span on every 12th word (~35 per article)
LABELS = ("PERS", "ORG", "GPE", "LOC", "NORP", "OCC", "DATE", "EVENT")
_WORD = re.compile(r"[\u0600-\u06ff]{3,}")


@dataclass
class Context:
    """What a figure function gets: the size, its corpus files and the imported project."""

    name: str
    size: int
    files: list[Path]
    db: Path
    tmp: Path


# --- the corpus -------------------------------------------------------------------------------
def articles() -> list[tuple[str, str]]:
    """(source, text) of the day's articles with a non-empty text, newlines as LF."""
    with zipfile.ZipFile(SAUDINEWSNET) as z:
        (name,) = z.namelist()
        data = json.loads(z.read(name))
    out = []
    for item in data:
        text = (item.get("content") or "").replace("\r\n", "\n").replace("\r", "\n").strip()
        if text:
            out.append((item.get("source") or "saudinewsnet", text))
    return out


def entity_spans(text: str, doc_id: str, every: int = ENTITY_EVERY) -> list[dict[str, Any]]:
    spans = []
    for k, m in enumerate(_WORD.finditer(text)):
        if k % every == 0:
            spans.append(
                {
                    "id": f"{doc_id}-e{k}",
                    "start": m.start(),
                    "end": m.end(),
                    "label": LABELS[(k // every) % len(LABELS)],
                    "text": m.group(),
                    "boundary": "token",
                }
            )
    return spans


def corpus_records(size: int, base: list[tuple[str, str]]) -> Iterator[dict[str, Any]]:
    for i in range(size):
        source, body = base[i % len(base)]
        text = f"{body}\n\n(نسخة المقياس رقم {i})"
        doc_id = f"snn-{i:06d}"
        yield {
            "id": doc_id,
            "text": text,
            "meta": {"source": f"{source}/{i}", "status": "new"},
            "entities": entity_spans(text, doc_id),
        }


def write_shards(records: Iterator[dict[str, Any]], size: int, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    per = max(1, size // SHARDS)
    files = [folder / f"part-{k:02d}.jsonl" for k in range(SHARDS)]
    handles = [f.open("w", encoding="utf-8") for f in files]
    try:
        for i, record in enumerate(records):
            fh = handles[min(i // per, SHARDS - 1)]
            fh.write(json.dumps(record, ensure_ascii=False))
            fh.write("\n")
    finally:
        for fh in handles:
            fh.close()
    return files


def seed_records(count: int = 200) -> Iterator[dict[str, Any]]:
    """count copies of the reference article, 192 spans each: 160 entities, 16 quotes (a cue
    and an entity speaker each), 16 claims."""
    body = SEED.read_text(encoding="utf-8").replace("\r\n", "\n")
    for i in range(count):
        text = f"{body}\n(نسخة {i})"
        doc_id = f"seed-{i:03d}"
        words = list(_WORD.finditer(text))
        step = len(words) // 200
        ents, quotes, claims = [], [], []
        for k in range(160):
            m = words[k * step]
            ents.append(
                {
                    "id": f"{doc_id}-e{k}",
                    "start": m.start(),
                    "end": m.end(),
                    "label": LABELS[k % len(LABELS)],
                    "text": m.group(),
                }
            )
        for k in range(16):
            a, b, cue = words[k * 12 * step + 1], words[k * 12 * step + 4], words[k * 12 * step]
            quotes.append(
                {
                    "id": f"{doc_id}-q{k}",
                    "start": a.start(),
                    "end": b.end(),
                    "text": text[a.start() : b.end()],
                    "type": "direct",
                    "speaker": {"entity": ents[k * 10]["id"]},
                    "cue": {"start": cue.start(), "end": cue.end(), "text": cue.group()},
                }
            )
            c = words[k * 12 * step + 6]
            claims.append(
                {
                    "id": f"{doc_id}-c{k}",
                    "start": c.start(),
                    "end": c.end(),
                    "text": c.group(),
                    "claimant": {"article": True},
                    "quote": None,
                    "checkworthy": "yes",
                    "type": "statistic",
                    "note": "",
                }
            )
        yield {"id": doc_id, "text": text, "entities": ents, "quotes": quotes, "claims": claims}


# --- child processes: one timed step each, peak memory its own --------------------------------
def peak_mb() -> float:
    """This process's peak resident memory (VmHWM). Not ru_maxrss: Linux carries that over
    from the parent across fork and exec, so a child would report the bench's own peak."""
    with contextlib.suppress(OSError):
        for row in Path("/proc/self/status").read_text().splitlines():
            if row.startswith("VmHWM:"):
                return int(row.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(step: str, db: str, files: list[str], out: str) -> dict[str, Any]:
    t0, c0 = time.perf_counter(), time.process_time()
    result: dict[str, Any] = {}
    if step == "import":
        from storage.importer import import_paths
        from storage.project import Project

        marks: list[float] = []
        project = Project(Path(db), annotator="bench")
        # Python, the modules and the project open are not the import: timed from here.
        result["baseline_mb"] = peak_mb()
        t0, c0, r0 = time.perf_counter(), time.process_time(), time.thread_time()
        try:
            report = import_paths(
                project, files, progress=lambda *_: marks.append(time.perf_counter())
            )
        finally:
            project.close()
        result.update(
            documents=len(report.imported), spans=report.spans, refused=len(report.refused)
        )
        result["shard_s"] = [b - a for a, b in zip([t0, *marks], marks, strict=False)]
        # the reading thread's own CPU; the rest of the process's is the writer thread's
        result["reading_cpu_s"] = time.thread_time() - r0
        if report.refused:
            from storage.importer import format_refusal

            result["first_refusal"] = format_refusal(report.refused[0])
    elif step == "import_floor":
        result.update(_import_floor(Path(db), [Path(f) for f in files]))
    elif step == "import_floor_fts":
        result.update(_import_floor(Path(db), [Path(f) for f in files], fts=True))
    elif step == "export":
        from storage.exporter import export_jsonl
        from storage.project import Project

        with Project(Path(db), annotator="bench") as project:
            # timed like the import: from after the modules are loaded and the project is open
            t0, c0 = time.perf_counter(), time.process_time()
            exported = export_jsonl(project, Path(out))
        result.update(documents=exported.documents, spans=exported.spans)
    elif step in ("conll", "tokens-jsonl"):
        from storage.exporter import export_conll
        from storage.project import Project

        with Project(Path(db), annotator="bench") as project:
            written = export_conll(project, Path(out), fmt=step)
        result.update(documents=written.documents, tokens=written.tokens)
    elif step == "export_floor":
        result.update(_export_floor(Path(db), Path(out)))
    result["seconds"] = time.perf_counter() - t0
    # CPU time of this process (SQLite included): less sensitive than seconds to the load of
    # the shared machine, which delays a busy process without adding to its CPU time
    result["cpu_s"] = time.process_time() - c0
    result["peak_mb"] = peak_mb()
    return result


_FLOOR_SCHEMA = """
CREATE TABLE documents (id TEXT PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, source TEXT NOT NULL,
  text TEXT NOT NULL, status TEXT NOT NULL, position INTEGER NOT NULL, created_at TEXT NOT NULL);
CREATE INDEX documents_position ON documents(position);
CREATE TABLE annotations (id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, kind TEXT NOT NULL,
  label TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, attrs TEXT NOT NULL,
  boundary TEXT NOT NULL, annotator_id INTEGER, created_at TEXT NOT NULL);
CREATE INDEX annotations_doc ON annotations(doc_id, start);
"""


def _import_floor(db: Path, files: list[Path], fts: bool = False) -> dict[str, Any]:
    """The plain-Python floor: json + hashlib + sqlite3, same tables and indexes. fts: also
    SQLite's own full-text index of every text (FTS5, unicode61 words, contentless, no
    positions): what the least search index costs, for comparison with the project's."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.executescript(_FLOOR_SCHEMA)
    if fts:
        conn.execute("CREATE VIRTUAL TABLE words USING fts5(text, content='', detail=none)")
    position = docs = spans = 0
    for path in files:
        conn.execute("BEGIN")
        with path.open("rb") as fh:
            for raw in fh:
                record = json.loads(raw)
                text = record["text"]
                digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
                position += 1
                conn.execute(
                    "INSERT INTO documents VALUES (?, ?, ?, ?, 'new', ?, '')",
                    (
                        record["id"],
                        digest,
                        record.get("meta", {}).get("source", ""),
                        text,
                        position,
                    ),
                )
                items = [
                    (s["id"], record["id"], kind, s.get("label", kind), s["start"], s["end"])
                    for key, kind in (
                        ("entities", "entity"),
                        ("quotes", "quote"),
                        ("claims", "claim"),
                    )
                    for s in record.get(key, ())
                ]
                conn.executemany(
                    "INSERT INTO annotations VALUES (?, ?, ?, ?, ?, ?, '{}', 'token', 1, '')", items
                )
                if fts:
                    conn.execute("INSERT INTO words(rowid, text) VALUES (?, ?)", (position, text))
                docs += 1
                spans += len(items)
        conn.execute("COMMIT")
    conn.close()
    return {"documents": docs, "spans": spans}


def _export_floor(db: Path, out: Path) -> dict[str, Any]:
    """The plain floor of export: texts and spans read in project order, json.dumps each."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    docs = 0
    with out.open("w", encoding="utf-8") as fh:
        for doc_id, text in conn.execute("SELECT id, text FROM documents ORDER BY position"):
            rows = conn.execute(
                'SELECT id, start, "end", label FROM annotations WHERE doc_id = ? '
                'ORDER BY start, "end" DESC, id',
                (doc_id,),
            ).fetchall()
            record = {
                "id": doc_id,
                "text": text,
                "entities": [
                    {"id": i, "start": s, "end": e, "label": lab, "text": text[s:e]}
                    for i, s, e, lab in rows
                ],
            }
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            docs += 1
    conn.close()
    return {"documents": docs}


def run_child(step: str, db: Path, files: list[Path], out: Path | None = None) -> dict[str, Any]:
    args = [sys.executable, __file__, "--child", step, str(db), str(out or ""), *map(str, files)]
    proc = subprocess.run(args, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"{step} failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# --- figures ----------------------------------------------------------------------------------
def figure_import_export(ctx: Context) -> dict[str, Any]:
    floor = run_child("import_floor", ctx.tmp / "floor.sqlite", ctx.files)
    floor_fts = run_child("import_floor_fts", ctx.tmp / "floor-fts.sqlite", ctx.files)
    imp = run_child("import", ctx.db, ctx.files)
    shards = imp["shard_s"]
    per = ctx.size / len(shards)
    exp = run_child("export", ctx.db, [], ctx.tmp / "export.jsonl")
    exp_floor = run_child("export_floor", ctx.db, [], ctx.tmp / "export-floor.jsonl")
    return {
        "import_s": imp["seconds"],
        "import_floor_s": floor["seconds"],
        "import_vs_floor": imp["seconds"] / floor["seconds"],
        "import_cpu_s": imp["cpu_s"],
        "import_reading_cpu_s": imp["reading_cpu_s"],
        "import_floor_cpu_s": floor["cpu_s"],
        "import_floor_fts_s": floor_fts["seconds"],
        "import_vs_floor_fts": imp["seconds"] / floor_fts["seconds"],
        "import_peak_mb": imp["peak_mb"],
        "import_baseline_mb": imp["baseline_mb"],
        "import_floor_peak_mb": floor["peak_mb"],
        "docs_per_s_first_10pct": per / shards[0],
        "docs_per_s_last_10pct": per / shards[-1],
        "imported": imp["documents"],
        "spans": imp["spans"],
        "refused": imp["refused"],
        **({"first_refusal": imp["first_refusal"]} if "first_refusal" in imp else {}),
        "export_s": exp["seconds"],
        "export_floor_s": exp_floor["seconds"],
        "export_vs_floor": exp["seconds"] / exp_floor["seconds"],
        "export_cpu_s": exp["cpu_s"],
        "export_floor_cpu_s": exp_floor["cpu_s"],
        "export_peak_mb": exp["peak_mb"],
    }


def figure_project_search(ctx: Context) -> dict[str, Any]:
    """Project search on the imported project (bench/search_bench.py: per query, hits and the
    median of warm runs, all hits and the first 100)."""
    from bench.search_bench import search_figures

    figures = search_figures(ctx.db)
    out: dict[str, Any] = {}
    if "index_build_s" in figures:
        out["search_index_build_s"] = figures.pop("index_build_s")
    for query, f in figures.items():
        if isinstance(f, dict):
            out[f"search {query}"] = (
                f"{f['hits']} hits in {f['documents_with_hits']} docs, "
                f"{f['warm_median_s']:.3f} s (first 100: {f['first_100_median_s']:.3f} s)"
            )
    return out


# Other engineers add their figures here: a function of Context returning {name: value}.
def figure_open_and_document_list(ctx: Context) -> dict[str, Any]:
    """Open path and document list on the imported project (bench/document_list_bench.py):
    Project open, lazy list, the real window until shown, filters as you type, sorts."""
    from bench.document_list_bench import measure

    f = measure(ctx.db)
    return {
        "open_ms": f["open_ms"],
        "window_usable_ms": f["window_usable_ms"],
        "lazy_list_ms": f["lazy_list_ms"],
        "list filter as you type (ms)": f"median {f['filter_words_ms']['median']}, "
        f"max {f['filter_words_ms']['max']}",
        "list filter by status / source, max (ms)": f"{f['filter_status_ms']['max']} / "
        f"{f['filter_source_ms']['max']}",
        "list sort, max (ms)": f["sort_ms"]["max"],
        "status_counts_ms": f["status_counts_ms"],
        "quick_check_s": f["quick_check_s"],
    }


FIGURES: list[Callable[[Context], dict[str, Any]]] = [
    figure_import_export,
    figure_project_search,
    figure_open_and_document_list,
]


def run_seed200(tmp: Path) -> dict[str, Any]:
    path = tmp / "seed200.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for record in seed_records(200):
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    runs = [run_child("import", tmp / f"seed200-{k}.hashiya", [path]) for k in range(3)]
    floors = [
        run_child("import_floor", tmp / f"seed200-floor-{k}.sqlite", [path]) for k in range(3)
    ]
    floors_fts = [
        run_child("import_floor_fts", tmp / f"seed200-floor-fts-{k}.sqlite", [path])
        for k in range(3)
    ]
    best = min(runs, key=lambda r: r["seconds"])
    return {
        "import_s_best_of_3": best["seconds"],
        "floor_s_best_of_3": min(r["seconds"] for r in floors),
        "floor_fts_s_best_of_3": min(r["seconds"] for r in floors_fts),
        "reading_cpu_s_of_best": best["reading_cpu_s"],
        "import_s_runs": [r["seconds"] for r in runs],
        "import_cpu_s_best_of_3": min(r["cpu_s"] for r in runs),
        "floor_cpu_s_best_of_3": min(r["cpu_s"] for r in floors),
        "documents": best["documents"],
        "spans": best["spans"],
        "peak_mb": best["peak_mb"],
    }


def run_long_article(tmp: Path, copies: int = 400) -> dict[str, Any]:
    """One article of about 10 M characters (the reference article 400 times, an entity on
    every 12th word): its import, and its CoNLL and tokens-jsonl exports, peak memory each."""
    body = SEED.read_text(encoding="utf-8").replace("\r\n", "\n")
    text = "\n".join([body] * copies)
    path = tmp / "long.jsonl"
    path.write_text(
        json.dumps(
            {"id": "long", "text": text, "entities": entity_spans(text, "long")}, ensure_ascii=False
        )
        + "\n",
        encoding="utf-8",
    )
    db = tmp / "long.hashiya"
    out: dict[str, Any] = {"chars": len(text), "import": run_child("import", db, [path])}
    for fmt in ("conll", "tokens-jsonl"):
        out[fmt] = run_child(fmt, db, [], tmp / f"long.{fmt}")
    return out


SIZES = {"1k": 1_000, "10k": 10_000, "100k": 100_000}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        step, db, out, *files = argv[1:]
        print(json.dumps(_child(step, db, files, out)))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1k,10k", help="comma-separated: 1k,10k,100k")
    parser.add_argument("--keep", type=Path, default=None, help="keep corpora and projects here")
    parser.add_argument("--no-seed", action="store_true", help="skip the seed200 case")
    parser.add_argument(
        "--long", action="store_true", help="also a 10 M-character article: CoNLL export memory"
    )
    args = parser.parse_args(argv)
    if not SAUDINEWSNET.exists():
        print(f"{SAUDINEWSNET} not found: the corpus bench needs ../shared", file=sys.stderr)
        return 2
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    for s in sizes:
        if s not in SIZES:
            parser.error(f"unknown size {s!r} (choose from {', '.join(SIZES)})")
    results: dict[str, Any] = {"loadavg_1min_at_start": round(os.getloadavg()[0], 2)}
    base = articles()
    with contextlib.ExitStack() as stack:
        root = args.keep or Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="hc-")))
        if not args.no_seed and SEED.exists():
            (root / "seed").mkdir(parents=True, exist_ok=True)
            results["seed200"] = seed = run_seed200(root / "seed")
            print(
                f"seed200: {seed['documents']} documents, {seed['spans']:,} spans imported in "
                f"{seed['import_s_best_of_3']:.2f} s (best of 3; floor {seed['floor_s_best_of_3']:.2f} s, "
                f"with a full-text index {seed['floor_fts_s_best_of_3']:.2f} s), "
                f"peak {seed['peak_mb']:.0f} MB; CPU {seed['import_cpu_s_best_of_3']:.2f} s "
                f"(floor {seed['floor_cpu_s_best_of_3']:.2f} s; reading thread "
                f"{seed['reading_cpu_s_of_best']:.2f} s)",
                flush=True,
            )
        if args.long and SEED.exists():
            (root / "long").mkdir(parents=True, exist_ok=True)
            results["long_article"] = long = run_long_article(root / "long")
            print(
                f"long article ({long['chars']:,} chars): import {long['import']['seconds']:.1f} s, "
                f"peak {long['import']['peak_mb']:.0f} MB; CoNLL export "
                f"{long['conll']['seconds']:.1f} s, peak {long['conll']['peak_mb']:.0f} MB; "
                f"tokens-jsonl {long['tokens-jsonl']['seconds']:.1f} s, "
                f"peak {long['tokens-jsonl']['peak_mb']:.0f} MB",
                flush=True,
            )
        for name in sizes:
            size = SIZES[name]
            tmp = root / name
            tmp.mkdir(parents=True, exist_ok=True)
            t0 = time.perf_counter()
            shards = write_shards(corpus_records(size, base), size, tmp / "corpus")
            mb = sum(f.stat().st_size for f in shards) / 1e6
            print(f"[{name}] corpus: {mb:,.0f} MB in {time.perf_counter() - t0:.1f} s", flush=True)
            ctx = Context(name, size, shards, tmp / "project.hashiya", tmp)
            figures: dict[str, Any] = {"corpus_mb": mb}
            for figure in FIGURES:
                figures.update(figure(ctx))
                print(f"[{name}] {figure.__name__}: done", flush=True)
            results[name] = figures
            _print(name, figures)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "corpus.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


def _print(name: str, figures: dict[str, Any]) -> None:
    f = figures
    print(
        f"[{name}] import {f['import_s']:.1f} s vs floor {f['import_floor_s']:.1f} s "
        f"({f['import_vs_floor']:.2f}x; CPU {f['import_cpu_s']:.1f} s vs "
        f"{f['import_floor_cpu_s']:.1f} s, {f['import_cpu_s'] / f['import_floor_cpu_s']:.2f}x; "
        f"reading thread {f['import_reading_cpu_s']:.1f} s CPU; floor with a full-text index "
        f"{f['import_floor_fts_s']:.1f} s, {f['import_vs_floor_fts']:.2f}x), "
        f"peak {f['import_peak_mb']:.0f} MB "
        f"(after loading the modules {f['import_baseline_mb']:.0f} MB; floor "
        f"{f['import_floor_peak_mb']:.0f} MB); docs/s first 10% "
        f"{f['docs_per_s_first_10pct']:,.0f}, last 10% {f['docs_per_s_last_10pct']:,.0f}; "
        f"{f['imported']:,} documents, {f['spans']:,} spans, {f['refused']} refused"
    )
    if "first_refusal" in f:
        print(f"[{name}] first refusal: {f['first_refusal']}")
    print(
        f"[{name}] export {f['export_s']:.1f} s vs floor {f['export_floor_s']:.1f} s "
        f"({f['export_vs_floor']:.2f}x; CPU {f['export_cpu_s']:.1f} s vs "
        f"{f['export_floor_cpu_s']:.1f} s, {f['export_cpu_s'] / f['export_floor_cpu_s']:.2f}x), "
        f"peak {f['export_peak_mb']:.0f} MB"
    )
    for key, value in f.items():
        if key not in _SHOWN:
            print(f"[{name}] {key}: {value}")


_SHOWN = {
    "corpus_mb",
    "import_s",
    "import_floor_s",
    "import_vs_floor",
    "import_cpu_s",
    "import_floor_cpu_s",
    "import_reading_cpu_s",
    "import_floor_fts_s",
    "import_vs_floor_fts",
    "import_peak_mb",
    "import_baseline_mb",
    "import_floor_peak_mb",
    "docs_per_s_first_10pct",
    "docs_per_s_last_10pct",
    "imported",
    "spans",
    "refused",
    "first_refusal",
    "export_s",
    "export_floor_s",
    "export_vs_floor",
    "export_cpu_s",
    "export_floor_cpu_s",
    "export_peak_mb",
}

if __name__ == "__main__":
    sys.exit(main())
