"""One export, as the command line's `export` offers it, for the window's Export dialog: every
format (native JSONL, CoNLL and tokens-jsonl, the interchange formats), the options each one
takes, and the run itself through the same core functions as `python main.py export`
(storage.exporter.export_jsonl / export_conll, storage.formats.interop.export_project), chosen
by the same rules. Reads the project only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotation.errors import HashiyaError
from annotation.layers import DEFAULT_LAYER, Layer
from storage.formats import conll
from storage.formats.interop import EXPORT_FORMATS, module
from storage.formats.native import KINDS

# Every format `main.py export --format` takes, in its order.
FORMATS: tuple[str, ...] = (*EXPORT_FORMATS, *conll.FORMATS)
# Interchange formats whose writer cuts tokens (so --clitics changes what they write).
_TOKENIZING = ("prodigy", "spacy", "inception")


class ExportRefused(HashiyaError):
    """An export that cannot be made as asked: one line naming the file and the reason."""


@dataclass(frozen=True)
class ExportOptions:
    """The options of `main.py export`, with its defaults."""

    fmt: str = "native"
    status: str | None = None
    kinds: tuple[str, ...] = KINDS
    layer: Layer = DEFAULT_LAYER
    offsets: str | None = None  # None: the format's own unit
    clitics: str = "keep"
    layout: str | None = None  # doccano: relations (default) or labels
    as_predictions: bool = False  # label-studio
    split: tuple[tuple[str, float], ...] | None = None
    seed: int = 13
    stratify: str | None = None
    # conll: a "-DOCSTART- O" line before each document (False: the plain Wojood layout)
    document_marker: bool = True


def options_for(fmt: str) -> frozenset[str]:
    """The options (ExportOptions field names) that change what fmt writes."""
    if fmt not in FORMATS:
        raise ExportRefused(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    names = {"status", "layer"}
    if fmt in conll.FORMATS:  # entities only, token by token
        names.add("clitics")
        if fmt == "conll":
            names.add("document_marker")
        return frozenset(names)
    names |= {"kinds", "split", "seed", "stratify"}
    if fmt != "native":
        names.add("offsets")
    if fmt in _TOKENIZING:
        names.add("clitics")
    if fmt == "doccano":
        names.add("layout")
    if fmt == "label-studio":
        names.add("as_predictions")
    return frozenset(names)


def writes_folder(options: ExportOptions) -> bool:
    """True when the export is a folder (split datasets, brat, INCEpTION), else one file."""
    if options.split is not None:
        return True
    return options.fmt not in ("native", *conll.FORMATS) and module(options.fmt).SUFFIX == ""


def suffix(fmt: str) -> str:
    """The file name ending of a one-file export in fmt ('' for a folder)."""
    if fmt == "native":
        return ".jsonl"
    if fmt == "conll":
        return ".conll"
    if fmt == "tokens-jsonl":
        return ".jsonl"
    return str(module(fmt).SUFFIX)


def route(fmt: str, split: object | None) -> str:
    """Which core function writes the export: "interop" (storage.formats.interop.export_project:
    the interchange formats, and every split dataset), "native" (storage.exporter.export_jsonl)
    or "conll" (storage.exporter.export_conll). The command line and the window both ask."""
    if split is not None or fmt in EXPORT_FORMATS[1:]:
        return "interop"
    return "native" if fmt == "native" else "conll"


def check(options: ExportOptions, out: Path, project_path: Path | None = None) -> None:
    """The command line's refusals of a combination of options and an output path."""
    fmt = options.fmt
    allowed = options_for(fmt)
    if options.split is not None and "split" not in allowed:
        raise ExportRefused(f"--split is not available for --format {fmt}")
    if options.layout is not None and "layout" not in allowed:
        raise ExportRefused("--layout is for --format doccano")
    if options.as_predictions and "as_predictions" not in allowed:
        raise ExportRefused("--as-predictions is for --format label-studio")
    if not options.document_marker and "document_marker" not in allowed:
        raise ExportRefused("--no-document-marker is for --format conll")
    if not options.kinds:
        raise ExportRefused(f"no kinds given (choose from {', '.join(KINDS)})")
    if project_path is not None and out.exists() and out.resolve() == project_path.resolve():
        raise ExportRefused(f"{out}: is the project file itself; choose another output")
    if out.is_dir() and not writes_folder(options):
        raise ExportRefused(f"{out}: is a folder; this format needs a file name")


@dataclass
class ExportOutcome:
    documents: int
    spans: int
    paths: list[Path]
    losses: list[str] = field(default_factory=list)  # one line per kind of loss
    undecided: list[str] = field(default_factory=list)  # documents the default layer left out
    sentences: int = 0  # CoNLL and tokens-jsonl only
    tokens: int = 0
    unaligned: int = 0  # CoNLL: entities that cover no token, left out


def write(project: Any, out: Path, options: ExportOptions) -> ExportOutcome:
    """Write the export with the core function its route chooses: the one place the command
    line and the Export dialog reach the writers. Raises what they raise (OSError, ValueError
    for an option the format refuses, ImportError for a missing optional package)."""
    from storage.exporter import export_conll, export_jsonl
    from storage.formats.interop import export_project

    fmt = options.fmt
    way = route(fmt, options.split)
    if way == "interop":
        result = export_project(
            project,
            fmt,
            out,
            status=options.status,
            kinds=options.kinds,
            offsets=options.offsets,
            clitics=options.clitics,
            as_predictions=options.as_predictions,
            layout=options.layout,
            split=options.split,
            seed=options.seed,
            stratify=options.stratify,
            layer=options.layer,
        )
        return ExportOutcome(
            result.documents,
            result.spans,
            list(result.paths),
            result.loss_lines(),
            list(result.undecided),
        )
    if way == "native":
        report = export_jsonl(
            project, out, status=options.status, kinds=options.kinds, layer=options.layer
        )
        return ExportOutcome(report.documents, report.spans, [out], [], list(report.undecided))
    conll_report = export_conll(
        project, out, fmt=fmt, clitics=options.clitics, status=options.status,
        layer=options.layer, document_marker=options.document_marker,
    )  # fmt: skip
    losses = (
        [f"{conll_report.unaligned} entities cover no token and were left out"]
        if conll_report.unaligned
        else []
    )
    return ExportOutcome(
        conll_report.documents,
        conll_report.entities,
        [out],
        losses,
        list(conll_report.undecided),
        sentences=conll_report.sentences,
        tokens=conll_report.tokens,
        unaligned=conll_report.unaligned,
    )


def run(project: Any, out: Path, options: ExportOptions) -> ExportOutcome:
    """Check the options as the command line does, then write the export; ExportRefused (one
    line) for anything the user can act on."""
    from storage.formats.cli import _missing

    check(options, out, Path(project.path) if hasattr(project, "path") else None)
    try:
        return write(project, out, options)
    except ImportError as exc:
        raise ExportRefused(_missing(options.fmt, exc)) from None
    except OSError as exc:
        raise ExportRefused(f"{out}: cannot write the export ({exc.strerror or exc})") from None
    except ValueError as exc:
        raise ExportRefused(" ".join(str(exc).split())) from None


def parse_split(value: str) -> tuple[tuple[str, float], ...]:
    """'train=0.8,dev=0.1,test=0.1' as the command line reads it (storage.datasets)."""
    from storage.datasets import parse_split as parse

    return tuple(parse(value))


def annotator_names(project: Any) -> list[str]:
    """The project's annotators (a short table), for the layer choice annotator:NAME."""
    rows = project.db.execute("SELECT name FROM annotators ORDER BY name").fetchall()
    return [str(r[0]) for r in rows]


__all__: Sequence[str] = (
    "FORMATS",
    "ExportOptions",
    "ExportOutcome",
    "ExportRefused",
    "annotator_names",
    "check",
    "options_for",
    "parse_split",
    "route",
    "run",
    "suffix",
    "write",
    "writes_folder",
)
