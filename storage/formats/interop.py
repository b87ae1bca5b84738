"""The interchange formats by name, and the two calls the command line and the window use:

- `export_project(project, fmt, out, ...)` -> ExportResult: writes `out` (a file, or a folder for
  folder formats) or, with `split`, one file/folder per split plus the dataset card
  `out/README.md`; returns the counts and one line per kind of loss (`loss_lines`).
- `import_files(project, fmt, paths, ...)` -> ImportReport (storage.importer's), every record
  validated and stored by the native import path.
"""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from annotation.clitics import exceptions_for
from storage.atomic import write_text_atomic
from storage.datasets import (
    SplitStats,
    annotators_of,
    dataset_card,
    project_licence,
    split_documents,
)
from storage.exporter import export_records, exported_documents, write_jsonl_atomic
from storage.formats.common import (
    OFFSET_UNITS,
    Context,
    ExportSummary,
    import_records,
    loss_lines,
)
from storage.guidelines import read_guidelines
from storage.importer import ImportReport, Refusal

# format name -> module under storage/formats (imported when used: spaCy and cassis are heavy)
MODULES = {
    "doccano": "doccano",
    "label-studio": "label_studio",
    "brat": "brat",
    "prodigy": "prodigy",
    "spacy": "spacy_docbin",
    "inception": "inception",
}
EXPORT_FORMATS = ("native", *MODULES)
IMPORT_FORMATS = tuple(MODULES)


def module(fmt: str) -> ModuleType:
    if fmt not in MODULES:
        raise ValueError(f"unknown format {fmt!r}")
    return importlib.import_module(f"storage.formats.{MODULES[fmt]}")


@dataclass
class ExportResult:
    documents: int = 0
    spans: int = 0
    paths: list[Path] = field(default_factory=list)
    losses: Counter[str] = field(default_factory=Counter)
    fmt: str = "native"
    # documents the default layer left out (several annotators, not curated)
    undecided: list[str] = field(default_factory=list)

    def loss_lines(self) -> list[str]:
        return loss_lines(self.fmt, self.losses)


def _context(project: Any, fmt: str, offsets: str | None, **options: Any) -> Context:
    mod = module(fmt)
    unit = offsets or mod.DEFAULT_OFFSETS
    if unit not in OFFSET_UNITS:
        raise ValueError(f"unknown offset unit {unit!r}")
    return Context(
        project.schema(),
        unit,
        clitic_exceptions=exceptions_for(project.setting("clitic_exceptions", "")),
        **options,
    )


def _write(
    fmt: str, records: Iterable[dict[str, Any]], out: Path, ctx: Context | None
) -> ExportSummary:
    if fmt == "native":
        report = write_jsonl_atomic(records, out)
        return ExportSummary(report.documents, report.spans, 1)
    assert ctx is not None
    return module(fmt).export(records, out, ctx)


def export_project(
    project: Any,
    fmt: str,
    out: Path,
    *,
    status: str | None = None,
    kinds: Sequence[str] = ("entities", "quotes", "claims"),
    offsets: str | None = None,
    clitics: str = "keep",
    as_predictions: bool = False,
    layout: str | None = None,
    split: Sequence[tuple[str, float]] | None = None,
    seed: int = 13,
    stratify: str | None = None,
    layer: Any = None,
) -> ExportResult:
    """Write the project (or the documents with `status`) in `fmt` to `out`; `layer` as for
    the native export (default: gold where curated, else the single annotator's)."""
    from annotation.layers import DEFAULT_LAYER

    layer = DEFAULT_LAYER if layer is None else layer
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(EXPORT_FORMATS)})")
    ctx = (
        None
        if fmt == "native"
        else _context(
            project,
            fmt,
            offsets,
            clitics=clitics,
            as_predictions=as_predictions,
            layout=layout,
        )
    )
    result = ExportResult(fmt=fmt)

    def records(only: Collection[str] | None = None) -> Iterator[dict[str, Any]]:
        undecided = result.undecided if only is None else None  # the split pass lists them
        for record in export_records(
            project, status=status, kinds=kinds, layer=layer, undecided=undecided, only=only
        ):
            if fmt != "native":
                marked = sum(
                    1
                    for k in ("entities", "quotes", "claims")
                    for x in record.get(k, [])
                    if "annotator" in x
                )
                if marked:
                    result.losses["spans' annotator not kept (the format holds one layer)"] += (
                        marked
                    )
            yield record

    if split is None:
        summary = _write(fmt, records(), out, ctx)
        result.documents, result.spans = summary.documents, summary.spans
        result.paths.append(out)
        if ctx is not None:
            result.losses.update(ctx.losses)
        return result
    # The splits are cut from the documents' ids and sources, then each split's records are
    # read and written as a stream: no record is held once written, whatever the project's size.
    exported = exported_documents(project, status=status, layer=layer, undecided=result.undecided)
    assignment = split_documents(exported, split, seed, stratify)
    out.mkdir(parents=True, exist_ok=True)
    suffix = ".jsonl" if fmt == "native" else module(fmt).SUFFIX
    stats: dict[str, SplitStats] = {}
    files: dict[str, str] = {}
    for name, _ in split:
        st = stats[name] = SplitStats()

        def counted(
            chosen: Iterator[dict[str, Any]], st: SplitStats = st
        ) -> Iterator[dict[str, Any]]:
            for record in chosen:
                st.add(record)
                yield record

        path = out / f"{name}{suffix}"
        summary = _write(fmt, counted(records(assignment[name])), path, ctx)
        result.documents += summary.documents
        result.spans += summary.spans
        result.paths.append(path)
        files[name] = path.name
    if ctx is not None:
        result.losses.update(ctx.losses)
    card = dataset_card(
        title=f"Hashiya dataset: {Path(project.path).stem if hasattr(project, 'path') else ''}",
        fmt=fmt,
        files=files,
        stats=stats,
        schema=project.schema().to_dict(),
        annotators=annotators_of(project, [d for ids in assignment.values() for d in ids]),
        licence=project_licence(project),
        seed=seed,
        ratios=split,
        stratify=stratify,
        agreement=_agreement_text(project),
        guidelines=read_guidelines(project),
    )
    write_text_atomic(card, out / "README.md")
    result.paths.append(out / "README.md")
    return result


def _agreement_text(project: Any) -> str | None:
    from annotation.agreement import format_report
    from storage.team import agreement_report

    report = agreement_report(project)
    return format_report(report) if report.documents else None


def import_files(
    project: Any,
    fmt: str,
    paths: Sequence[Path],
    *,
    offsets: str | None = None,
    losses: Counter[str] | None = None,
    stop: Callable[[], bool] | None = None,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Read `paths` in `fmt` and store every valid document through the native import path;
    what the format held that Hashiya does not keep is counted in `losses`. stop and
    progress: as storage.formats.common.import_records takes them."""
    ctx = _context(project, fmt, offsets)
    report = import_records(project, module(fmt).read(paths, ctx), stop, progress)
    if not report.stopped:
        report.refused.extend(_nothing_read(fmt, paths, report))
    if losses is not None:
        losses.update(ctx.losses)
    return report


def _nothing_read(fmt: str, paths: Sequence[Path], report: ImportReport) -> list[Refusal]:
    """A refusal for each path given that gave nothing at all (no document, no refusal): an
    empty folder, a zip without an XMI, the wrong folder: said, not silently passed over."""
    seen = {p for p, _ in report.imported}
    seen.update(x.path for x in report.skipped)
    seen.update(x.path for x in report.refused)
    return [
        Refusal(path, None, f"nothing to import: no {fmt} document found in it")
        for path in map(Path, paths)
        if not any(path == s or path in s.parents for s in seen)
    ]
