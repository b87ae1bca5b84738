"""`make bench`: open, add-entity, page-down and export timings on the seed article at 1x and 40x.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/run_bench.py [--quick] [--strict]
Prints a table, writes bench/out/results.json and bench/out/profile_add_40x.txt.
See docs/bench.md for what each figure means.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import json
import math
import os
import platform
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.fixtures import (  # noqa: E402
    REPO,
    SEED,
    BenchProject,
    build_project,
    isolated_settings,
    load_reference,
    repeat_text,
    spread,
)

OUT = REPO / "bench" / "out"
TARGETS = {  # figure -> {case: (limit, unit)}; lower is better
    "open_ms": {"1x": 150.0, "40x": 1500.0},
    "add_p95_ms": {"1x": 16.0, "40x": 50.0},
}
CASES = (("1x", 1, 500), ("40x", 40, 20_000))


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def summary(values: list[float]) -> dict[str, Any]:
    return {
        "median": statistics.median(values),
        "p95": p95(values),
        "min": min(values),
        "max": max(values),
        "n": len(values),
        "samples": [round(v, 3) for v in values],
    }


def machine() -> dict[str, Any]:
    import PySide6
    from PySide6.QtCore import qVersion

    cpu = ""
    with contextlib.suppress(OSError):  # no /proc/cpuinfo: the model stays unnamed
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 0
    return {
        "nproc": usable,
        "cpu": cpu,
        "python": platform.python_version(),
        "pyside6": PySide6.__version__,
        "qt": qVersion(),
        "platform": platform.platform(),
        "qpa": os.environ.get("QT_QPA_PLATFORM", ""),
        "loadavg_1min_at_start": round(os.getloadavg()[0], 2),
    }


# --- export -------------------------------------------------------------------------------
def measure_export(db: Path, runs: int) -> dict[str, Any]:
    from storage import exporter
    from storage.project import Project

    project = Project(db, annotator="bench")
    rates, seconds = [], []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "export.jsonl"
            for _ in range(runs):
                t0 = time.perf_counter()
                report = exporter.write_jsonl_atomic(exporter.export_records(project), out)
                dt = time.perf_counter() - t0
                seconds.append(dt)
                rates.append(report.spans / dt)
            size = out.stat().st_size
    finally:
        project.close()
    return {
        "spans": report.spans,
        "documents": report.documents,
        "bytes": size,
        "seconds": summary(seconds),
        "spans_per_s": summary(rates),
    }


# --- one document size --------------------------------------------------------------------
def run_case(
    name: str, text: str, entities: int, args: argparse.Namespace, profile: bool
) -> dict[str, Any]:
    from PySide6.QtCore import Qt

    from bench import gui_timing as gt
    from ui.app import application, create_window

    result: dict[str, Any] = {"chars": len(text), "utf8_bytes": len(text.encode("utf-8"))}
    with tempfile.TemporaryDirectory(prefix="hashiya-bench-") as tmp_name:
        tmp = Path(tmp_name)
        with isolated_settings(tmp):
            t0 = time.perf_counter()
            bp: BenchProject = build_project(tmp / "bench.hashiya", text, entities)
            result["build_s"] = time.perf_counter() - t0
            result["entities"] = len(bp.entity_starts)
            result["word_tokens"] = len(bp.words)
            log(
                f"[{name}] {len(text):,} chars, {result['utf8_bytes']:,} bytes UTF-8, "
                f"{result['entities']:,} entities, project built in {result['build_s']:.1f} s"
            )

            result["export"] = measure_export(bp.path, args.export_runs)
            log(f"[{name}] export: {result['export']['spans_per_s']['median']:,.0f} spans/s")

            app = application([sys.argv[0]])
            window = create_window(bp.path, "bench")
            if args.label_tags:  # View > Label tags on: the tags are built on every keypress
                window.view.set_label_tags(True)
            try:
                probe = gt.PaintProbe(window.view)
                gt.show_window(app, window)
                vp = window.view.viewport()
                result["viewport"] = [vp.width(), vp.height()]

                opened = gt.measure_open(
                    app, window, probe, bp.small_id, bp.target_id, args.open_runs
                )
                result["open_first_paint_ms"] = summary(opened.first_paint_ms)
                result["open_full_layout_ms"] = summary(opened.full_layout_ms)
                log(
                    f"[{name}] open: first paint {result['open_first_paint_ms']['median']:.1f} ms, "
                    f"full layout {result['open_full_layout_ms']['median']:.1f} ms"
                )

                schema = window.project.schema()
                label = schema.label_for_key("1")
                assert label is not None, "the schema has no label on key 1"
                fresh = [t for t in bp.words if t.start not in bp.entity_starts]
                n_prof = args.profile_keys if profile else 0
                picks = spread(fresh, args.samples + n_prof)
                timed, profiled = picks[::2][: args.samples], picks[1::2][:n_prof]
                if len(timed) < args.samples:  # short generated text: take what is left
                    timed = [t for t in picks if t not in set(profiled)][: args.samples]
                gt.force_full_layout(window)
                gt.settle(app, window)
                add = gt.measure_add(app, window, probe, timed, Qt.Key.Key_1, label.name)
                result["add_ms"] = summary(add)
                log(
                    f"[{name}] add entity: median {result['add_ms']['median']:.1f} ms, "
                    f"p95 {result['add_ms']['p95']:.1f} ms ({len(add)} presses)"
                )

                scroll = gt.measure_page_down(app, window, probe, args.scroll_samples)
                result["page_down_ms"] = summary(scroll)
                log(
                    f"[{name}] page down: median {result['page_down_ms']['median']:.1f} ms, "
                    f"p95 {result['page_down_ms']['p95']:.1f} ms"
                )

                if profile and profiled:
                    prof = cProfile.Profile()
                    gt.measure_add(app, window, probe, profiled, Qt.Key.Key_1, label.name, prof)
                    result["profile"] = write_profile(prof, name, len(profiled))
            finally:
                window.close()
                window.project.close()
                window.deleteLater()
                app.processEvents()
    return result


def write_profile(prof: cProfile.Profile, name: str, presses: int) -> dict[str, Any]:
    OUT.mkdir(parents=True, exist_ok=True)
    prof.dump_stats(str(OUT / f"profile_add_{name}.prof"))
    text = io.StringIO()
    stats = pstats.Stats(prof, stream=text)
    stats.strip_dirs()
    text.write(f"cProfile of {presses} label key presses (key -> painted) at {name}\n\n")
    stats.sort_stats("tottime").print_stats(25)
    stats.sort_stats("cumulative").print_stats(35)
    (OUT / f"profile_add_{name}.txt").write_text(text.getvalue(), encoding="utf-8")
    total = stats.total_tt  # type: ignore[attr-defined]
    rows = []
    for (file, line, func), (_cc, nc, tt, ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        rows.append(
            {
                "function": f"{file}:{line}({func})",
                "calls": nc,
                "tottime_ms_per_press": tt * 1000 / presses,
                "cumtime_ms_per_press": ct * 1000 / presses,
            }
        )
    rows.sort(key=lambda r: r["tottime_ms_per_press"], reverse=True)
    return {
        "presses": presses,
        "total_ms_per_press": total * 1000 / presses,
        "top_tottime": rows[:15],
        "file": str(OUT / f"profile_add_{name}.txt"),
    }


# --- report -------------------------------------------------------------------------------
def verdict(figure: str, results: dict[str, dict[str, Any]], value_of) -> str:  # noqa: ANN001
    limits = TARGETS.get(figure)
    if not limits:
        return "-"
    failed = [
        case
        for case, limit in limits.items()
        if case in results and value_of(results[case]) > limit
    ]
    return "pass" if not failed else "FAIL (" + ", ".join(failed) + ")"


def table(results: dict[str, dict[str, Any]]) -> tuple[str, dict[str, str]]:
    rows = [
        (
            "open: first paint, median of runs (ms)",
            "open_ms",
            lambda r: r["open_first_paint_ms"]["median"],
            "{:.1f}",
            "≤ 150 / ≤ 1500",
        ),
        (
            "open: until fully laid out, median (ms)",
            "",
            lambda r: r["open_full_layout_ms"]["median"],
            "{:.1f}",
            "-",
        ),
        (
            "add entity: key -> painted, median (ms)",
            "",
            lambda r: r["add_ms"]["median"],
            "{:.1f}",
            "-",
        ),
        (
            "add entity: key -> painted, p95 (ms)",
            "add_p95_ms",
            lambda r: r["add_ms"]["p95"],
            "{:.1f}",
            "≤ 16 / ≤ 50",
        ),
        (
            "page down -> painted, median (ms)",
            "",
            lambda r: r["page_down_ms"]["median"],
            "{:.1f}",
            "-",
        ),
        ("page down -> painted, p95 (ms)", "", lambda r: r["page_down_ms"]["p95"], "{:.1f}", "-"),
        (
            "export JSONL, median of runs (spans/s)",
            "",
            lambda r: r["export"]["spans_per_s"]["median"],
            "{:,.0f}",
            "-",
        ),
    ]
    lines = ["| figure | 1× | 40× | target (1× / 40×) | result |", "|---|---:|---:|---|---|"]
    verdicts = {}
    for title, key, get, fmt, target in rows:
        cells = [fmt.format(get(results[c])) if c in results else "n/a" for c in ("1x", "40x")]
        v = verdict(key, results, get) if key else "-"
        if key:
            verdicts[key] = v
        lines.append(f"| {title} | {cells[0]} | {cells[1]} | {target} | {v} |")
    return "\n".join(lines), verdicts


def log(message: str) -> None:
    print(message, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=200, help="key presses per document (200)")
    parser.add_argument("--open-runs", type=int, default=5)
    parser.add_argument("--scroll-samples", type=int, default=50)
    parser.add_argument("--export-runs", type=int, default=3)
    parser.add_argument("--profile-keys", type=int, default=50, help="profiled key presses at 40x")
    parser.add_argument("--no-profile", action="store_true")
    parser.add_argument("--label-tags", action="store_true", help="with View > Label tags on")
    parser.add_argument("--only", choices=[c[0] for c in CASES], help="run one document size")
    parser.add_argument("--quick", action="store_true", help="few samples: a smoke run")
    parser.add_argument("--seed", type=Path, default=SEED, help="reference article")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    if args.quick:
        args.samples, args.open_runs, args.scroll_samples, args.export_runs = 20, 2, 5, 1
        args.profile_keys = 10
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    ref = load_reference(args.seed)
    if not ref.is_seed:
        log(
            f"NOTE: the reference article {args.seed} is absent (no ../shared checkout).\n"
            "      Measuring a GENERATED Arabic text instead: the figures are not comparable "
            "with docs/bench.md."
        )
    log(f"reference: {ref.source} ({len(ref.text):,} chars)")
    info = machine()
    log("machine: " + ", ".join(f"{k}={v}" for k, v in info.items()))

    results: dict[str, dict[str, Any]] = {}
    for name, times, entities in CASES:
        if args.only and name != args.only:
            continue
        text = repeat_text(ref.text, times)
        results[name] = run_case(
            name, text, entities, args, profile=name == "40x" and not args.no_profile
        )

    rendered, verdicts = table(results)
    print()
    print(rendered)
    prof = results.get("40x", {}).get("profile")
    if prof:
        print(
            f"\nadd-entity profile at 40x ({prof['presses']} presses, "
            f"{prof['total_ms_per_press']:.1f} ms of profiled time per press; full listing in {prof['file']}):"
        )
        for row in prof["top_tottime"][:10]:
            print(
                f"  {row['tottime_ms_per_press']:7.2f} ms/press self  "
                f"{row['cumtime_ms_per_press']:7.2f} cum  {row['calls']:>6} calls  {row['function']}"
            )
    OUT.mkdir(parents=True, exist_ok=True)
    payload = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": info,
        "reference": {"source": ref.source, "is_seed": ref.is_seed, "chars": len(ref.text)},
        "args": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
        "targets": TARGETS,
        "verdicts": verdicts,
        "results": results,
        "table": rendered,
    }
    (OUT / "results.json").write_text(
        json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    print(f"\nwritten {OUT / 'results.json'}")
    failed = any(v != "pass" for v in verdicts.values())
    return 1 if (args.strict and failed) else 0


if __name__ == "__main__":
    sys.exit(main())
