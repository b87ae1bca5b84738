"""Dataset splits by document and the dataset card written beside them.

- `parse_split("train=0.8,dev=0.1,test=0.1")` -> (("train", 0.8), ("dev", 0.1), ("test", 0.1)).
- `split_documents(docs, ratios, seed, stratify)` assigns every document to exactly one split.
  Documents are ordered by id, shuffled with `random.Random(f"{seed}:{stratum}")` and cut by
  the largest-remainder rule, so the same project, ratios and seed always give the same
  splits, and adding a split name does not change how the others are seeded. With
  stratify="source" each stratum is the first folder of a document's source ("agency/x.txt"
  -> "agency"; a source without a folder is its own stratum "(no folder)"), and every stratum
  is cut by the ratios on its own.
- `dataset_card(...)` is Markdown: documents, entities per label, quotes and claims per split,
  the label schema, the annotators (who made the annotations of the exported documents, from
  the project), inter-annotator agreement when known (storage.team.agreement_report) and the
  licence (project setting "licence"; "not set" otherwise).
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from annotation.errors import HashiyaError

STRATIFY = ("source",)


class SplitError(HashiyaError, ValueError):
    """A --split value that cannot be used."""


def parse_split(value: str) -> tuple[tuple[str, float], ...]:
    parts = [p.strip() for p in value.split(",") if p.strip()]
    if not parts:
        raise SplitError("--split needs NAME=FRACTION pairs, e.g. train=0.8,dev=0.1,test=0.1")
    out: list[tuple[str, float]] = []
    for part in parts:
        name, sep, frac = part.partition("=")
        name = name.strip()
        if not sep or not name:
            raise SplitError(f"--split: {part!r} is not NAME=FRACTION")
        if not all(c.isalnum() or c in "_-" for c in name):
            raise SplitError(f"--split: {name!r} is not a usable file name (letters, digits, _ -)")
        try:
            ratio = float(frac)
        except ValueError:
            raise SplitError(f"--split: {frac.strip()!r} is not a number") from None
        if not (ratio >= 0 and math.isfinite(ratio)):
            raise SplitError(f"--split: {name} has a negative or invalid fraction")
        if name in (n for n, _ in out):
            raise SplitError(f"--split: {name} is named twice")
        out.append((name, ratio))
    total = sum(r for _, r in out)
    if not math.isclose(total, 1.0, abs_tol=1e-6):
        raise SplitError(f"--split: the fractions add up to {total:g}, not 1")
    return tuple(out)


def stratum_of(source: str) -> str:
    head, sep, _ = source.replace("\\", "/").partition("/")
    return head if sep and head else "(no folder)"


def _cut(n: int, ratios: Sequence[float]) -> list[int]:
    """Counts per split adding up to n (largest remainder; ties go to the earlier split)."""
    exact = [n * r for r in ratios]
    counts = [math.floor(x) for x in exact]
    order = sorted(range(len(ratios)), key=lambda i: (-(exact[i] - counts[i]), i))
    for i in order[: n - sum(counts)]:
        counts[i] += 1
    return counts


def split_documents(
    docs: Iterable[tuple[str, str]],
    ratios: Sequence[tuple[str, float]],
    seed: int,
    stratify: str | None = None,
) -> dict[str, list[str]]:
    """(doc id, source) pairs -> split name -> doc ids (in project order of the input)."""
    docs = list(docs)
    if stratify is not None and stratify not in STRATIFY:
        raise SplitError(f"cannot stratify by {stratify!r} (choose from {', '.join(STRATIFY)})")
    strata: dict[str, list[str]] = {}
    for doc_id, source in docs:
        key = stratum_of(source) if stratify == "source" else ""
        strata.setdefault(key, []).append(doc_id)
    where: dict[str, str] = {}
    for key in sorted(strata):
        ids = sorted(strata[key])
        random.Random(f"{seed}:{key}").shuffle(ids)
        pos = 0
        for (name, _), count in zip(ratios, _cut(len(ids), [r for _, r in ratios]), strict=True):
            for doc_id in ids[pos : pos + count]:
                where[doc_id] = name
            pos += count
    out: dict[str, list[str]] = {name: [] for name, _ in ratios}
    for doc_id, _ in docs:
        out[where[doc_id]].append(doc_id)
    return out


@dataclass
class SplitStats:
    documents: int = 0
    entities: Counter[str] | None = None
    quotes: int = 0
    claims: int = 0

    def add(self, record: dict[str, Any]) -> None:
        if self.entities is None:
            self.entities = Counter()
        self.documents += 1
        self.entities.update(e["label"] for e in record.get("entities", []))
        self.quotes += len(record.get("quotes", []))
        self.claims += len(record.get("claims", []))


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def dataset_card(
    *,
    title: str,
    fmt: str,
    files: dict[str, str],
    stats: dict[str, SplitStats],
    schema: dict[str, Any],
    annotators: Sequence[tuple[str, int]],
    licence: str,
    seed: int | None,
    ratios: Sequence[tuple[str, float]] | None,
    stratify: str | None,
    agreement: str | None = None,
    guidelines: str = "",
) -> str:
    """`agreement`: storage.team's report as text, or None when no document was marked done
    by two or more annotators; `guidelines`: the project's annotation guidelines (Markdown),
    appended as the card's last section so the dataset says how it was annotated."""
    names = list(stats)
    lines = [f"# {title}", ""]
    lines += [
        "Exported by Hashiya (حاشية): Arabic news articles annotated with entities, quotes and "
        "claims. Offsets in the native JSONL are Python code points into `text`.",
        "",
        f"- format: `{fmt}`",
        f"- licence: {licence or 'not set (project setting `licence`)'}",
    ]
    if ratios is not None:
        ratio_text = ", ".join(f"{n}={r:g}" for n, r in ratios)
        lines.append(
            f"- split by document (no document in two splits): {ratio_text}, seed {seed}"
            + (f", stratified by {stratify}" if stratify else "")
        )
    lines += ["", "## Files", "", "| split | file | documents |", "| --- | --- | ---: |"]
    for name in names:
        lines.append(f"| {name} | `{_cell(files[name])}` | {stats[name].documents} |")
    labels = sorted({lab for s in stats.values() for lab in (s.entities or {})})
    lines += ["", "## Counts", "", "| | " + " | ".join(names) + " | total |"]
    lines.append("| --- |" + " ---: |" * (len(names) + 1))

    def row(title: str, values: list[int]) -> None:
        lines.append(f"| {title} | " + " | ".join(map(str, values)) + f" | {sum(values)} |")

    row("documents", [stats[n].documents for n in names])
    for lab in labels:
        row(f"entity {_cell(lab)}", [(stats[n].entities or Counter())[lab] for n in names])
    row("quotes", [stats[n].quotes for n in names])
    row("claims", [stats[n].claims for n in names])
    lines += ["", "## Label schema", "", "| label | kind | title |", "| --- | --- | --- |"]
    for lab in schema.get("labels", []):
        lines.append(f"| {_cell(lab['name'])} | {lab['kind']} | {_cell(lab.get('title', ''))} |")
    if schema.get("attributes"):
        lines += ["", "| attribute | values | default |", "| --- | --- | --- |"]
        for a in schema["attributes"]:
            values = ", ".join(a["values"]) if a.get("values") else "free text"
            lines.append(
                f"| {a['kind']}.{_cell(a['name'])} | {_cell(values)} | {_cell(a['default'])} |"
            )
    if schema.get("link_types"):
        lines += ["", "| link | from | to |", "| --- | --- | --- |"]
        for lt in schema["link_types"]:
            lines.append(f"| {lt['name']} | {', '.join(lt['from'])} | {', '.join(lt['to'])} |")
    lines += ["", "## Annotators", ""]
    if annotators:
        lines += ["| annotator | annotations |", "| --- | ---: |"]
        lines += [f"| {_cell(name)} | {count} |" for name, count in annotators]
    else:
        lines.append("No annotations in the exported documents.")
    lines += ["", "## Agreement", ""]
    if agreement:
        lines += [
            "Between annotators on the documents two or more of them marked done, over the "
            "whole project (python main.py agreement):",
            "",
            "```",
            agreement.rstrip("\n"),
            "```",
            "",
        ]
    else:
        lines += ["Not known: no document was marked done by two or more annotators.", ""]
    lines += ["## Annotation guidelines", ""]
    if guidelines.strip():
        # Headings shifted two levels down so the guidelines nest under this section.
        lines += [
            ("##" + line) if line.startswith("#") else line
            for line in guidelines.strip("\n").split("\n")
        ]
        lines.append("")
    else:
        lines += ["None written in the project (python main.py guidelines --load FILE.md).", ""]
    return "\n".join(lines)


def annotators_of(project: Any, doc_ids: Sequence[str]) -> list[tuple[str, int]]:
    """(annotator name, annotations) for the given documents, most annotations first."""
    counts: Counter[str] = Counter()
    for i in range(0, len(doc_ids), 500):
        chunk = list(doc_ids[i : i + 500])
        rows = project.db.execute(
            "SELECT COALESCE(n.name, '(unknown)'), COUNT(*) FROM annotations a "
            "LEFT JOIN annotators n ON n.id = a.annotator_id "
            f"WHERE a.doc_id IN ({','.join('?' * len(chunk))}) GROUP BY 1",
            chunk,
        ).fetchall()
        for name, count in rows:
            counts[name] += count
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def project_licence(project: Any) -> str:
    return project.setting("licence", "") or project.setting("license", "")
