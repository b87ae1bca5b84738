"""The command line of the interchange formats and dataset splits (main.py calls these).

  python main.py import --db P --format doccano|... [--offsets U] FILE_OR_DIR...
  python main.py export --db P --format F --out OUT [--offsets U] [--clitics keep|split]
                        [--layout L] [--as-predictions]
                        [--split train=0.8,dev=0.1,test=0.1 --seed 13 [--stratify source]]

Export prints one line per kind of loss on stderr ("spacy: 14 nested entities kept only in
spans["sc"]"); it still succeeds (exit 0). Import exits 1 when a record was refused.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from storage.formats.common import OFFSET_UNITS, loss_lines
from storage.formats.interop import EXPORT_FORMATS, IMPORT_FORMATS

__all__ = [
    "EXPORT_FORMATS",
    "IMPORT_FORMATS",
    "OFFSET_UNITS",
    "add_interop_export_options",
    "cmd_export_interop",
    "cmd_import_interop",
]

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2
# optional packages of some formats: module -> what to install
OPTIONAL = {"spacy": "spacy==3.8.18", "cassis": "dkpro-cassis==0.12.0"}


def _missing(fmt: str, exc: ImportError) -> str:
    name = (exc.name or "").split(".")[0]
    hint = OPTIONAL.get(name)
    if hint is None:
        return f"{fmt}: a package it needs is missing ({exc})"
    return f"{fmt}: needs {name}, which is not installed (pip install {hint})"


def _err(message: str) -> None:
    print(" ".join(message.split()), file=sys.stderr)


def add_interop_export_options(exp: argparse.ArgumentParser) -> None:
    exp.add_argument(
        "--offsets",
        choices=OFFSET_UNITS,
        default=None,
        help="offset unit written (default: the format's, see README)",
    )
    exp.add_argument(
        "--layout",
        default=None,
        help="doccano: relations (default) or labels (sequence labeling, no relations)",
    )
    exp.add_argument(
        "--as-predictions",
        action="store_true",
        help="label-studio: write the spans as predictions (pre-annotations), not annotations",
    )
    exp.add_argument(
        "--split",
        default=None,
        metavar="NAME=FRACTION,...",
        help="split by document into one file per split in the folder --out, with a dataset "
        "card README.md (e.g. train=0.8,dev=0.1,test=0.1)",
    )
    exp.add_argument("--seed", type=int, default=13, help="--split: random seed (default 13)")
    exp.add_argument(
        "--stratify",
        choices=("source",),
        default=None,
        help="--split: cut each source folder by the fractions on its own",
    )


def cmd_export_interop(args: argparse.Namespace) -> int:
    from annotation.errors import HashiyaError
    from annotation.layers import DEFAULT_LAYER
    from storage.datasets import parse_split
    from storage.export_run import ExportOptions, write
    from storage.project import Project

    fmt = args.format
    if fmt not in EXPORT_FORMATS:
        _err(f"--split is not available for --format {fmt}")
        return EXIT_USAGE
    try:
        split = parse_split(args.split) if args.split is not None else None
    except HashiyaError as exc:
        _err(str(exc))
        return EXIT_USAGE
    if args.layout is not None and fmt != "doccano":
        _err("--layout is for --format doccano")
        return EXIT_USAGE
    if args.as_predictions and fmt != "label-studio":
        _err("--as-predictions is for --format label-studio")
        return EXIT_USAGE
    out: Path = args.out
    if not args.db.exists():
        _err(f"{args.db}: no such project file")
        return EXIT_REFUSED
    options = ExportOptions(
        fmt=fmt,
        status=args.status,
        kinds=tuple(args.kinds),
        layer=getattr(args, "layer", None) or DEFAULT_LAYER,
        offsets=args.offsets,
        clitics=args.clitics,
        layout=args.layout,
        as_predictions=args.as_predictions,
        split=tuple(split) if split is not None else None,
        seed=args.seed,
        stratify=args.stratify,
    )
    with Project(args.db, readonly=True) as project:
        try:
            result = write(project, out, options)
        except ImportError as exc:
            _err(_missing(fmt, exc))
            return EXIT_REFUSED
        except ValueError as exc:
            _err(str(exc))
            return EXIT_USAGE
        except OSError as exc:
            _err(f"{out}: cannot write the export ({exc.strerror or exc})")
            return EXIT_REFUSED
    for line in result.losses:
        _err(line)
    where = out if split is None else f"{out}/ ({', '.join(p.name for p in result.paths)})"
    print(
        f"exported {result.documents} document{'s' if result.documents != 1 else ''}, "
        f"{result.spans} span{'s' if result.spans != 1 else ''} as {fmt} to {where}"
    )
    for doc_id in result.undecided:  # as main.py says it for the native export
        _err(
            f"{args.db}: {doc_id}: left out, several annotators and no gold layer "
            "(curate it, or choose --layer annotator:NAME or all)"
        )
    return EXIT_REFUSED if result.undecided else EXIT_OK


def cmd_import_interop(args: argparse.Namespace) -> int:
    from storage.formats.interop import import_files
    from storage.importer import format_refusal, format_skip
    from storage.project import Project

    losses: Counter[str] = Counter()
    with Project(args.db, annotator=getattr(args, "annotator", None)) as project:
        try:
            report = import_files(
                project, args.format, list(args.paths), offsets=args.offsets, losses=losses
            )
        except ImportError as exc:
            _err(_missing(args.format, exc))
            return EXIT_REFUSED
    for skip in report.skipped:
        print(format_skip(skip))
    for refusal in report.refused:
        _err(format_refusal(refusal))
    for line in loss_lines(args.format, losses):
        _err(line)
    print(report.summary())
    return EXIT_OK if report.ok else EXIT_REFUSED
