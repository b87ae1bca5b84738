"""Hashiya: annotate Arabic news articles (entities, quotes, claims).

  python main.py [--db PATH]                       open the window
  python main.py import --db PATH FILE_OR_DIR...   import .txt articles and native .jsonl
  python main.py import --db PATH --format conll FILE...   import Wojood-layout CoNLL files
  python main.py export --db PATH --out FILE.jsonl [--status S] [--kinds entities,quotes,claims]
  python main.py export --db PATH --out FILE --format conll|tokens-jsonl [--clitics keep|split]

Exit status: 0 when every input was taken (texts already in the project are skipped and
reported on stdout, which is not a failure); 1 when an input was refused (one line per
refusal on stderr) or the project / output file cannot be used; 2 for usage errors.
The command line never imports Qt: the window is loaded only when it is opened.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2


def _kinds(value: str) -> tuple[str, ...]:
    from storage.exporter import parse_kinds

    try:
        return parse_kinds(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def build_parser() -> argparse.ArgumentParser:
    from annotation.documents import STATUSES
    from storage.paths import default_db_path

    parser = argparse.ArgumentParser(
        prog="hashiya", description="Annotate Arabic news articles: entities, quotes, claims."
    )
    parser.add_argument(
        "--db", type=Path, default=None,
        help=f"project file to open in the window (default: {default_db_path()})",
    )
    sub = parser.add_subparsers(dest="command", metavar="{import,export}")

    imp = sub.add_parser("import", help="import .txt articles and native .jsonl files")
    imp.add_argument("--db", type=Path, required=True, help="project file (created if missing)")
    imp.add_argument(
        "--format", choices=("native", "conll"), default="native",
        help="native: .txt articles and Hashiya .jsonl records (default); "
             "conll: Wojood-layout files, one document per file",
    )
    imp.add_argument("paths", nargs="+", type=Path, metavar="FILE_OR_DIR",
                     help="files, or folders whose .txt/.jsonl files are imported (recursively)")

    exp = sub.add_parser("export", help="export the project as native JSONL")
    exp.add_argument("--db", type=Path, required=True, help="project file")
    exp.add_argument("--out", type=Path, required=True, help="JSONL file to write (replaced atomically)")
    exp.add_argument("--status", choices=STATUSES, default=None, help="only documents with this status")
    exp.add_argument(
        "--kinds", type=_kinds, default=("entities", "quotes", "claims"),
        help="comma-separated subset of entities,quotes,claims (default: all; native only)",
    )
    exp.add_argument(
        "--format", choices=("native", "conll", "tokens-jsonl"), default="native",
        help="native JSONL (default), CoNLL in the Wojood layout, or one JSON record per sentence",
    )
    exp.add_argument(
        "--clitics", choices=("keep", "split"), default="keep",
        help="conll/tokens-jsonl: keep proclitics in their token or split them off (default: keep)",
    )
    return parser


def _err(message: str) -> None:
    print(" ".join(message.split()), file=sys.stderr)


def _open_project(path: Path, must_exist: bool):
    from storage.project import Project

    if must_exist and not path.exists():
        raise _UserError(f"{path}: no such project file")
    return Project(path)


class _UserError(Exception):
    """Reported as one line on stderr, exit status 1."""


def cmd_import_conll(args: argparse.Namespace) -> int:
    from storage.conll_io import ConllError, InputRefused, import_conll

    status = EXIT_OK
    with _open_project(args.db, must_exist=False) as project:
        for path in args.paths:
            try:
                result = import_conll(project, path)
            except ConllError as exc:
                _err(str(exc))  # names the file (and the line)
                status = EXIT_REFUSED
                continue
            except (InputRefused, OSError) as exc:
                _err(f"{path}: {getattr(exc, 'strerror', None) or exc}")
                status = EXIT_REFUSED
                continue
            for warning in result.warnings:
                _err(f"warning: {warning}")
            if result.duplicate:
                print(f"{path}: skipped, already in the project")
            else:
                print(f"{path}: imported {result.tokens} tokens, {result.entities} entities")
    return status


def cmd_import(args: argparse.Namespace) -> int:
    from storage.importer import format_refusal, format_skip, import_paths

    if args.format == "conll":
        return cmd_import_conll(args)
    with _open_project(args.db, must_exist=False) as project:
        report = import_paths(project, args.paths)
    for skip in report.skipped:
        print(format_skip(skip))
    for refusal in report.refused:
        _err(format_refusal(refusal))
    print(report.summary())
    return EXIT_OK if report.ok else EXIT_REFUSED


def cmd_export(args: argparse.Namespace) -> int:
    from storage.exporter import export_jsonl

    out: Path = args.out
    if out.exists() and out.resolve() == args.db.resolve():
        raise _UserError(f"{out}: is the project file itself; choose another --out")
    if out.is_dir():
        raise _UserError(f"{out}: is a folder; --out needs a file name")
    if args.format != "native":
        return cmd_export_conll(args)
    with _open_project(args.db, must_exist=True) as project:
        try:
            report = export_jsonl(project, out, status=args.status, kinds=args.kinds)
        except OSError as exc:
            raise _UserError(f"{out}: cannot write the export ({exc.strerror or exc})") from None
    print(
        f"exported {report.documents} document{'s' if report.documents != 1 else ''}, "
        f"{report.spans} span{'s' if report.spans != 1 else ''} to {out}"
    )
    return EXIT_OK


def cmd_export_conll(args: argparse.Namespace) -> int:
    from storage.conll_io import export_conll

    out: Path = args.out
    with _open_project(args.db, must_exist=True) as project:
        try:
            report = export_conll(project, out, fmt=args.format, clitics=args.clitics, status=args.status)
        except OSError as exc:
            raise _UserError(f"{out}: cannot write the export ({exc.strerror or exc})") from None
    print(
        f"exported {report.documents} document{'s' if report.documents != 1 else ''}, "
        f"{report.sentences} sentences, {report.tokens} tokens, {report.entities} entities to {out}"
        + (f" ({report.unaligned} entities cover no token and were left out)" if report.unaligned else "")
    )
    return EXIT_OK


def cmd_gui(db: Path | None) -> int:
    from storage.paths import default_db_path

    db_path = db if db is not None else default_db_path()
    try:
        from ui.app import run_gui  # lazily: only the window needs Qt
    except ImportError as exc:
        raise _UserError(f"cannot start the window ({exc})") from None
    return run_gui(db_path)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from storage.project import ProjectError

    try:
        if args.command == "import":
            return cmd_import(args)
        if args.command == "export":
            return cmd_export(args)
        return cmd_gui(args.db)
    except (_UserError, ProjectError) as exc:
        _err(str(exc))
    except sqlite3.Error as exc:
        _err(f"{args.db}: cannot use the project ({exc})")
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        _err(f"{where}{exc.strerror or exc}")
    return EXIT_REFUSED


if __name__ == "__main__":
    sys.exit(main())
