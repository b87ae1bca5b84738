"""Type-check ratchet: mypy's error count per file may only go down.

`make lint` runs this. A file not in the baseline must have no errors; a file in it may have
at most its recorded count. `--update` rewrites the baseline after errors were fixed (it never
raises a count: new errors are fixed, not recorded).
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / ".ci" / "mypy-baseline.txt"
TARGETS = ["main.py", "annotation", "storage", "ui", "bench"]
ERROR = re.compile(r"^(?P<file>[^:]+\.py):\d+: error:")


def current_errors() -> tuple[Counter[str], str]:
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary", *TARGETS],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    counts: Counter[str] = Counter()
    for line in proc.stdout.splitlines():
        m = ERROR.match(line)
        if m:
            counts[m["file"]] += 1
    return counts, proc.stdout


def read_baseline() -> Counter[str]:
    counts: Counter[str] = Counter()
    if BASELINE.exists():
        for line in BASELINE.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                name, n = line.rsplit(" ", 1)
                counts[name] = int(n)
    return counts


def write_baseline(counts: Counter[str]) -> None:
    lines = ["# mypy errors allowed per file (.ci/mypy_ratchet.py); counts only go down"]
    lines += [f"{name} {n}" for name, n in sorted(counts.items()) if n]
    BASELINE.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    counts, output = current_errors()
    baseline = read_baseline()
    if "--update" in argv:
        write_baseline(Counter({f: min(n, baseline.get(f, n)) for f, n in counts.items()}))
        print(f"mypy baseline: {sum(counts.values())} errors in {len(counts)} files")
        return 0
    worse = {f: (n, baseline.get(f, 0)) for f, n in counts.items() if n > baseline.get(f, 0)}
    if worse:
        for f, (n, allowed) in sorted(worse.items()):
            print(f"mypy: {f}: {n} errors, {allowed} allowed", file=sys.stderr)
        print(output, file=sys.stderr)
        return 1
    better = {f for f, n in baseline.items() if counts.get(f, 0) < n}
    note = f" ({len(better)} files improved: run with --update)" if better else ""
    print(f"mypy: {sum(counts.values())} errors, none new{note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
