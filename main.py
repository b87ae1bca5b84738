"""Hashiya: annotate Arabic news articles (entities, quotes, claims).

  python main.py [--db PATH]                       open the window
  python main.py import --db PATH FILE_OR_DIR...   import .txt articles and native .jsonl
  python main.py import --db PATH --format conll FILE...   import Wojood-layout CoNLL files
  python main.py import --db PATH --repair FILE...   damaged UTF-8: bad bytes become U+FFFD
  python main.py export --db PATH --out FILE.jsonl [--status S] [--kinds entities,quotes,claims]
  python main.py export --db PATH --out FILE --format conll|tokens-jsonl [--clitics keep|split]
  python main.py import|export ... --format doccano|label-studio|brat|prodigy|spacy|inception
                                   (storage/formats/cli.py; --split for dataset splits)
  python main.py schema --db PATH --out FILE.json   write the project's label schema
  python main.py schema --db PATH --load FILE.json  replace it (kinds, labels, attributes, link types)
  python main.py check --db PATH                    integrity_check + foreign_key_check, reported
  python main.py search --db PATH QUERY [--json] [--limit N]   every spelling variant, with offsets

Exit status: 0 when every input was taken (texts already in the project are skipped and
reported on stdout, which is not a failure); 1 when an input was refused (one line per
refusal on stderr) or the project / output file cannot be used; 2 for usage errors.
The command line never imports Qt: the window is loaded only when it is opened.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotation.errors import HashiyaError
from storage.formats.cli import (
    EXPORT_FORMATS,
    IMPORT_FORMATS,
    OFFSET_UNITS,
    add_interop_export_options,
    cmd_export_interop,
    cmd_import_interop,
)

if TYPE_CHECKING:
    from annotation.schema import LabelSchema
    from storage.export_run import ExportOptions
    from storage.project import Project

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2
PROGRESS_EVERY = 100  # documents between progress lines of long runs


def _kinds(value: str) -> tuple[str, ...]:
    from storage.exporter import parse_kinds

    try:
        return parse_kinds(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _annotator(value: str) -> str:
    from annotation.layers import LayerError, check_annotator_name

    try:
        return check_annotator_name(value)
    except LayerError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _layer(value: str):  # noqa: ANN202 - annotation.layers.Layer, imported lazily
    from annotation.layers import LayerError, parse_layer

    try:
        return parse_layer(value)
    except LayerError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def build_parser() -> argparse.ArgumentParser:
    from annotation.documents import STATUSES
    from storage.paths import default_db_path

    parser = argparse.ArgumentParser(
        prog="hashiya", description="Annotate Arabic news articles: entities, quotes, claims."
    )
    parser.add_argument(
        "--db",
        type=Path,
        default=None,
        help=f"project file to open in the window (default: {default_db_path()})",
    )
    parser.add_argument(
        "--annotator",
        type=_annotator,
        default=None,
        help="who is annotating (default: the name kept for this user, asked once on first start)",
    )
    parser.add_argument(
        "--lang",
        choices=("ar", "en"),
        default=None,
        help="interface language for this run (default: the one chosen in View > Language)",
    )
    sub = parser.add_subparsers(
        dest="command",
        metavar="{import,export,schema,suggest,guidelines,stats,assign,merge,agreement,curate,"
        "check,search}",
    )

    imp = sub.add_parser("import", help="import .txt articles and native .jsonl files")
    imp.add_argument("--db", type=Path, required=True, help="project file (created if missing)")
    imp.add_argument(
        "--format",
        choices=("native", "conll", *IMPORT_FORMATS),
        default="native",
        help="native: .txt articles and Hashiya .jsonl records (default); "
        "conll: Wojood-layout files, one document per file; the others: see README",
    )
    imp.add_argument(
        "--offsets",
        choices=OFFSET_UNITS,
        default=None,
        help="offset unit of the files (default: the format's, see README)",
    )
    imp.add_argument(
        "--repair",
        action="store_true",
        help="a damaged UTF-8 file (a few bad bytes, or cut in the middle of a character) is "
        "imported with U+FFFD in place of each bad byte, and the summary says so; "
        "without it such a file is refused naming the first bad byte",
    )
    imp.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="FILE_OR_DIR",
        help="files, or folders whose .txt/.jsonl files are imported (recursively)",
    )
    imp.add_argument(
        "--annotator",
        type=_annotator,
        default=None,
        help="whose layer imported spans without an 'annotator' go to (default: the OS user)",
    )

    exp = sub.add_parser("export", help="export the project as native JSONL")
    exp.add_argument("--db", type=Path, required=True, help="project file")
    exp.add_argument(
        "--out", type=Path, required=True, help="JSONL file to write (replaced atomically)"
    )
    exp.add_argument(
        "--status", choices=STATUSES, default=None, help="only documents with this status"
    )
    exp.add_argument(
        "--kinds",
        type=_kinds,
        default=("entities", "quotes", "claims"),
        help="comma-separated subset of entities,quotes,claims (default: all; native only)",
    )
    exp.add_argument(
        "--format",
        choices=(*EXPORT_FORMATS, "conll", "tokens-jsonl"),
        default="native",
        help="native JSONL (default), CoNLL in the Wojood layout, one JSON record per sentence, "
        "or an interchange format (see README)",
    )
    add_interop_export_options(exp)
    exp.add_argument(
        "--clitics",
        choices=("keep", "split"),
        default="keep",
        help="conll/tokens-jsonl: keep proclitics in their token or split them off (default: keep)",
    )
    exp.add_argument(
        "--no-document-marker",
        dest="document_marker",
        action="store_false",
        help="conll: do not start each document with a '-DOCSTART- O' line (the plain Wojood "
        "layout; its documents cannot be told apart when imported again)",
    )
    exp.add_argument(
        "--layer",
        type=_layer,
        default=None,
        metavar="gold|annotator:NAME|all",
        help="which annotations: the gold layer, one annotator's, or all with their annotator "
        "(default: gold where a document has been curated, else its single annotator's)",
    )

    sch = sub.add_parser(
        "schema",
        help="write the project's label schema as JSON, or replace it with one",
        description="A label schema is JSON with kinds, labels, attributes and link_types "
        "(see resources/default_schema.json). Loading one that the project's "
        "annotations do not fit (a label, attribute value or link type in use) is refused.",
    )
    sch.add_argument(
        "--db", type=Path, required=True, help="project file (--load creates it if missing)"
    )
    what = sch.add_mutually_exclusive_group(required=True)
    what.add_argument("--out", type=Path, help="JSON file to write (replaced atomically)")
    what.add_argument("--load", type=Path, help="JSON file whose schema replaces the project's")
    _add_suggest_parser(sub)
    _add_guidelines_and_stats_parsers(sub)
    _add_team_commands(sub)
    _add_check_parser(sub)
    _add_search_parser(sub)
    return parser


def _add_search_parser(sub: argparse._SubParsersAction) -> None:
    sea = sub.add_parser(
        "search",
        help="find every spelling variant of a word or name in the project (read-only)",
        description="Matches through the search key (diacritics, tatweel, alef and hamza forms, "
        "ى/ة folded; see docs/arabic.md) with optional proclitics: الاسد finds الأسد, والأسد, "
        "للأسد. Prints one hit a line: document id, start, end (code points of the stored "
        "text, end exclusive) and the context, tab-separated; --json prints one JSON object a "
        "line. Exit 0 whether or not anything is found.",
    )
    sea.add_argument("--db", type=Path, required=True, help="project file")
    sea.add_argument("query", help="word or words to find")
    sea.add_argument("--json", action="store_true", help="JSON Lines instead of tab-separated")
    sea.add_argument("--limit", type=_positive, default=None, help="stop after N hits")
    sea.add_argument(
        "--no-proclitics", action="store_true", help="do not allow و ف ب ك ل ال before the query"
    )
    sea.add_argument(
        "--boundary",
        choices=("token", "strip_clitics", "exact"),
        default="token",
        help="what a hit covers: the whole word (default), without its proclitics, or only "
        "the characters matching the query",
    )


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive whole number")
    return int(value)


def cmd_search(args: argparse.Namespace) -> int:
    from annotation.normalize import normalize
    from storage.project import Project
    from storage.search_index import iter_hits, unindexed_count

    if not normalize(args.query).strip():
        _err(f"the query {args.query!r} has nothing to search for (only marks or spaces)")
        return EXIT_USAGE
    if not args.db.exists():
        raise _UserError(f"{args.db}: no such project file")
    with Project(args.db, readonly=True) as project:
        if unindexed_count(project.db.conn):
            _err(
                f"note: {args.db}: the search index is not built yet (a project made before "
                "it); reading every text. A search in the window builds it once."
            )
        options = {"proclitics": not args.no_proclitics, "boundary": args.boundary}
        for n, hit in enumerate(iter_hits(project, args.query, **options)):
            if args.limit is not None and n >= args.limit:
                break
            left, match, right = hit.context()
            if args.json:
                record = {"document": hit.doc_id, "start": hit.start, "end": hit.end}
                record |= {"text": match, "left": left, "right": right}
                print(json.dumps(record, ensure_ascii=False))
            else:
                context = " ".join(f"{left}[{match}]{right}".split())
                print(f"{hit.doc_id}\t{hit.start}\t{hit.end}\t{context}")
    return EXIT_OK


def _add_guidelines_and_stats_parsers(sub: argparse._SubParsersAction) -> None:
    gl = sub.add_parser(
        "guidelines",
        help="write the project's annotation guidelines as Markdown, or replace them",
        description="Guidelines are one UTF-8 Markdown text kept in the project; a heading "
        "whose first word is a label (## GPE …) documents that label in the window.",
    )
    gl.add_argument("--db", type=Path, required=True, help="project file")
    what = gl.add_mutually_exclusive_group(required=True)
    what.add_argument("--out", type=Path, help="Markdown file to write (replaced atomically)")
    what.add_argument("--load", type=Path, help="Markdown file whose text replaces the guidelines")

    st = sub.add_parser("stats", help="counts of documents, spans, annotators and suggestions")
    st.add_argument("--db", type=Path, required=True, help="project file")
    st.add_argument("--json", action="store_true", help="one JSON object (shape in README)")


def _overlap(value: str) -> float:
    try:
        share = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not 0.0 <= share <= 1.0:
        raise argparse.ArgumentTypeError(f"{value} is not between 0 and 1")
    return share


def _annotator_names(value: str) -> list[str]:
    from annotation.layers import LayerError, parse_annotator_list

    try:
        return parse_annotator_list(value)
    except LayerError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _add_team_commands(sub: Any) -> None:
    """assign, merge, agreement (issue 9; storage/team.py, annotation/agreement.py)."""
    asg = sub.add_parser(
        "assign", help="write one project file per annotator with their share of documents"
    )
    asg.add_argument("--db", type=Path, required=True, help="the lead project")
    asg.add_argument(
        "--annotators", type=_annotator_names, required=True, help="comma-separated names"
    )
    asg.add_argument(
        "--overlap",
        type=_overlap,
        default=0.2,
        help="share of documents every annotator gets, for agreement (default 0.2)",
    )
    asg.add_argument("--seed", type=int, default=None, help="repeat a distribution")
    asg.add_argument(
        "--with-annotations",
        action="store_true",
        help="copy the lead's annotations of each document into the annotator's file",
    )
    asg.add_argument("--out", type=Path, required=True, help="folder for NAME.hashiya files")

    mrg = sub.add_parser("merge", help="bring annotators' project files back as their layers")
    mrg.add_argument("--db", type=Path, required=True, help="the lead project")
    mrg.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="FILE_OR_DIR",
        help="annotators' .hashiya files, or folders of them",
    )

    agr = sub.add_parser(
        "agreement",
        help="inter-annotator agreement on the documents two or more annotators marked done",
    )
    agr.add_argument("--db", type=Path, required=True, help="project file (read only)")
    agr.add_argument(
        "--kinds",
        type=_kinds,
        default=("entities", "quotes", "claims"),
        help="comma-separated subset of entities,quotes,claims (default: all)",
    )
    agr.add_argument(
        "--annotators", type=_annotator_names, default=None, help="only these annotators"
    )
    agr.add_argument("--json", action="store_true", help="one JSON object (see README)")

    cur = sub.add_parser(
        "curate",
        help="adjudicate into the gold layer: agreed spans, one annotator's version, done",
    )
    cur.add_argument("--db", type=Path, required=True, help="the lead project")
    cur.add_argument(
        "--agreed", action="store_true", help="take every span all annotators made identically"
    )
    cur.add_argument(
        "--prefer",
        type=_annotator,
        default=None,
        metavar="NAME",
        help="for each disagreement with nothing in gold yet, take NAME's version",
    )
    cur.add_argument("--done", action="store_true", help="mark the documents curated")
    cur.add_argument(
        "--documents", default=None, metavar="ID,...", help="only these documents (default: all)"
    )


def _add_suggest_parser(sub: argparse._SubParsersAction) -> None:
    from annotation.documents import STATUSES

    sug = sub.add_parser(
        "suggest",
        help="pre-annotate documents with suggestions (store them, or write them to a file)",
        description="Entities come from recommenders trained on the project's own entities "
        "(names tagged elsewhere, a CRF tagger), quotes and claims from the rules. Stored "
        "suggestions carry origin=suggested and their confidence as attributes.",
    )
    sug.add_argument("--db", type=Path, required=True, help="project file")
    sug.add_argument(
        "--kinds",
        type=_kinds,
        default=("entities", "quotes", "claims"),
        help="comma-separated subset of entities,quotes,claims (default: all)",
    )
    sug.add_argument(
        "--min-confidence",
        type=_confidence,
        default=None,
        metavar="X",
        help="leave out suggestions less confident than X (0..1; default: quotes below 0.2, "
        "the doubtful classes, are left out, other kinds are all kept)",
    )
    sug.add_argument(
        "--documents",
        choices=(*STATUSES, "all"),
        default="new",
        help="which documents, by status (default: new)",
    )
    what = sug.add_mutually_exclusive_group(required=True)
    what.add_argument("--accept", action="store_true", help="store the suggestions")
    what.add_argument(
        "--out", type=Path, help="write them as native JSONL instead (nothing stored)"
    )


def _confidence(value: str) -> float:
    try:
        x = float(value)
    except ValueError:
        x = -1.0
    if not 0.0 <= x <= 1.0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number from 0 to 1")
    return x


def _add_check_parser(sub: argparse._SubParsersAction) -> None:
    chk = sub.add_parser(
        "check",
        help="check the whole project file (integrity_check and foreign_key_check)",
        description="Reads every page of the project (this takes time on a large file) and "
        "reports damage; writes nothing. Exit 0 when the file is sound, 1 otherwise.",
    )
    chk.add_argument("--db", type=Path, required=True, help="project file")


def cmd_check(args: argparse.Namespace) -> int:
    from storage.file_checks import full_check

    with _open_project(args.db, must_exist=True, readonly=True):
        pass  # the checks before opening: header, ids, version, schema objects
    report = full_check(args.db)
    for problem in report.problems:
        _err(f"{args.db}: {problem}")
    if report.ok:
        print(f"{args.db}: the project file is sound (integrity_check and foreign_key_check: ok)")
        return EXIT_OK
    print(f"{args.db}: {len(report.problems)} problem(s) found")
    return EXIT_REFUSED


def _err(message: str) -> None:
    print(" ".join(message.split()), file=sys.stderr)


def _open_project(
    path: Path, must_exist: bool, annotator: str | None = None, readonly: bool = False
):
    """The project at path; readonly=True (for export and every report) writes not a byte."""
    from storage.project import Project

    if (must_exist or readonly) and not path.exists():
        raise _UserError(f"{path}: no such project file")
    return Project(path, annotator=annotator, readonly=readonly)


class _UserError(HashiyaError):
    """Reported as one line on stderr, exit status 1."""


def cmd_import(args: argparse.Namespace) -> int:
    from storage.importer import format_refusal, format_skip, format_stop, import_paths

    if args.format in IMPORT_FORMATS:
        return cmd_import_interop(args)
    with _open_project(args.db, must_exist=False, annotator=args.annotator) as project:
        report = import_paths(project, args.paths, repair=args.repair, fmt=args.format)
    for skip in report.skipped:
        print(format_skip(skip))
    for warning in report.warnings:
        _err(f"warning: {warning}")
    for refusal in report.refused:
        _err(format_refusal(refusal))
    for path, line in report.stopped:
        _err(format_stop(path, line))
    print(report.summary())
    return EXIT_OK if report.ok else EXIT_REFUSED


def _export_options(args: argparse.Namespace) -> ExportOptions:
    """The native and CoNLL exports' options as the Export dialog builds them."""
    from annotation.layers import DEFAULT_LAYER
    from storage.export_run import ExportOptions

    return ExportOptions(
        fmt=args.format,
        status=args.status,
        kinds=tuple(args.kinds),
        layer=args.layer or DEFAULT_LAYER,
        clitics=args.clitics,
        document_marker=args.document_marker,
    )


def cmd_export(args: argparse.Namespace) -> int:
    from storage.export_run import route, write

    out: Path = args.out
    if out.exists() and out.resolve() == args.db.resolve():
        raise _UserError(f"{out}: is the project file itself; choose another --out")
    if not args.document_marker and args.format != "conll":
        _err("--no-document-marker is for --format conll")
        return EXIT_USAGE
    way = route(args.format, args.split)  # the routing the window's Export dialog uses
    if way == "interop":
        return cmd_export_interop(args)
    if out.is_dir():
        raise _UserError(f"{out}: is a folder; --out needs a file name")
    with _open_project(args.db, must_exist=True, readonly=True) as project:
        try:
            result = write(project, out, _export_options(args))
        except OSError as exc:
            raise _UserError(f"{out}: cannot write the export ({exc.strerror or exc})") from None
    if way == "conll":
        print(
            f"exported {result.documents} document{'s' if result.documents != 1 else ''}, "
            f"{result.sentences} sentences, {result.tokens} tokens, {result.spans} entities "
            f"to {out}"
            + (
                f" ({result.unaligned} entities cover no token and were left out)"
                if result.unaligned
                else ""
            )
        )
    else:
        print(
            f"exported {result.documents} document{'s' if result.documents != 1 else ''}, "
            f"{result.spans} span{'s' if result.spans != 1 else ''} to {out}"
        )
    return _report_undecided(args.db, result.undecided)


def _report_undecided(db: Path, undecided: Sequence[str]) -> int:
    """Documents the default layer left out: one line each, exit status 1."""
    for doc_id in undecided:
        _err(
            f"{db}: {doc_id}: left out, several annotators and no gold layer "
            "(curate it, or choose --layer annotator:NAME or all)"
        )
    return EXIT_REFUSED if undecided else EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    if args.out is not None:
        from storage.atomic import write_text_atomic

        out: Path = args.out
        if out.exists() and out.resolve() == args.db.resolve():
            raise _UserError(f"{out}: is the project file itself; choose another --out")
        if out.is_dir():
            raise _UserError(f"{out}: is a folder; --out needs a file name")
        with _open_project(args.db, must_exist=True, readonly=True) as project:
            data = project.schema().to_dict()
        try:
            write_text_atomic(json.dumps(data, ensure_ascii=False, indent=1) + "\n", out)
        except OSError as exc:
            raise _UserError(f"{out}: cannot write the schema ({exc.strerror or exc})") from None
        print(
            f"wrote the label schema ({len(data['labels'])} labels, {len(data['attributes'])} "
            f"attributes, {len(data['link_types'])} link types) to {out}"
        )
        return EXIT_OK
    schema = _read_schema(args.load)
    with _open_project(args.db, must_exist=False) as project:
        conflict = _schema_conflict(project, schema)
        if conflict is not None:
            raise _UserError(f"{args.load}: not loaded: {conflict}")
        try:
            project.save_schema(schema)
        except ValueError as exc:  # a label still in use (checked above too)
            raise _UserError(f"{args.load}: not loaded: {exc}") from None
    print(f"loaded the label schema from {args.load} into {args.db}")
    return EXIT_OK


def _read_schema(path: Path) -> LabelSchema:
    from annotation.schema import LabelSchema, SchemaError
    from annotation.validation import check_schema_fields

    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise _UserError(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise _UserError(f"{path}: {exc.strerror or exc}") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise _UserError(
            f"{path}: not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"
        ) from None
    except RecursionError:
        raise _UserError(f"{path}: not valid JSON (nested too deeply)") from None
    if not isinstance(data, dict):
        raise _UserError(f"{path}: a label schema must be a JSON object")
    try:
        schema = LabelSchema.from_dict(data)
        check_schema_fields(schema)
    except SchemaError as exc:
        raise _UserError(f"{path}: invalid label schema: {exc}") from None
    return schema


def _schema_conflict(project: Project, new: LabelSchema) -> str | None:
    """Why the project's annotations would not fit the new schema, or None."""
    from annotation.validation import schema_conflict

    return schema_conflict(new, project.schema_usage())


def cmd_suggest(args: argparse.Namespace) -> int:
    from annotation.documents import STATUSES
    from storage.pre_annotate import pre_annotate

    if args.out is not None and args.out.is_dir():
        raise _UserError(f"{args.out}: is a folder; --out needs a file name")
    statuses = STATUSES if args.documents == "all" else (args.documents,)

    def progress(done: int, total: int) -> None:
        if total >= PROGRESS_EVERY and (done % PROGRESS_EVERY == 0 or done == total):
            print(f"suggest: {done}/{total} documents", file=sys.stderr, flush=True)

    with _open_project(args.db, must_exist=True) as project:
        report = pre_annotate(
            project,
            kinds=args.kinds,
            min_confidence=args.min_confidence,
            statuses=statuses,
            accept=args.accept,
            out=args.out,
            progress=progress,
        )
    if report.recommenders:
        print(f"entity recommenders: {report.recommenders}")
    for line in report.refused:
        _err(line)
    print(report.summary(args.accept))
    return EXIT_OK


def cmd_guidelines(args: argparse.Namespace) -> int:
    from annotation.guidelines import decode_guidelines
    from storage.atomic import write_text_atomic
    from storage.guidelines import read_guidelines, write_guidelines

    if args.out is not None:
        if args.out.is_dir():
            raise _UserError(f"{args.out}: is a folder; --out needs a file name")
        with _open_project(args.db, must_exist=True, readonly=True) as project:
            text = read_guidelines(project)
        write_text_atomic(text, args.out)
        print(f"wrote {len(text)} characters of guidelines to {args.out}")
        return EXIT_OK
    text = decode_guidelines(args.load.read_bytes(), str(args.load))
    with _open_project(args.db, must_exist=True) as project:
        changed = write_guidelines(project, text)
    print(f"guidelines {'replaced' if changed else 'unchanged'} ({len(text)} characters)")
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    from storage.statistics import agreement_per_label, project_statistics

    with _open_project(args.db, must_exist=True, readonly=True) as project:
        stats = project_statistics(project)
        stats["agreement"] = agreement_per_label(project)
    if args.json:
        print(json.dumps(stats, ensure_ascii=False, indent=1))
        return EXIT_OK
    d = stats["documents"]
    print(
        f"documents: {d['total']} ({d['new']} new, {d['in_progress']} in progress, "
        f"{d['done']} done)"
    )
    ents = stats["spans"]["entities"]
    print(f"entities: {sum(ents.values())}", *(f"{k} {v}" for k, v in ents.items()), sep="  ")
    print(f"quotes: {stats['spans']['quotes']}  claims: {stats['spans']['claims']}")
    for name, a in stats["annotators"].items():
        print(f"annotator {name or '(unknown)'}: {a['spans']} spans, {a['done']} documents done")
    return EXIT_OK


def cmd_assign(args: argparse.Namespace) -> int:
    from storage.team import assign

    with _open_project(args.db, must_exist=True) as lead:
        plan, files = assign(
            lead,
            args.annotators,
            args.out,
            overlap=args.overlap,
            seed=args.seed,
            with_annotations=args.with_annotations,
        )
    for name, path in files.items():
        count = len(plan.documents[name])
        print(f"{path}: {name}, {count} document{'s' if count != 1 else ''}")
    print(
        f"{len(plan.shared)} documents shared by everyone (overlap {args.overlap}); "
        f"seed {plan.seed} (--seed {plan.seed} repeats this distribution)"
    )
    return EXIT_OK


def cmd_merge(args: argparse.Namespace) -> int:
    from storage.team import merge

    with _open_project(args.db, must_exist=True) as lead:
        report = merge(lead, args.paths)
    for item in report.merged:
        layers = ", ".join(f"{name} ({n} spans)" for name, n in item.layers.items())
        print(f"{item.path}: merged {item.documents} documents: {layers or 'no layer'}")
    for line in report.refused:
        _err(line)
    return EXIT_OK if report.ok else EXIT_REFUSED


def cmd_agreement(args: argparse.Namespace) -> int:
    from annotation.agreement import format_report
    from storage.team import agreement_report, snapshot

    with snapshot(args.db) as project:
        report = agreement_report(project, kinds=args.kinds, annotators=args.annotators)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=1))
    else:
        print(format_report(report))
    return EXIT_OK


def cmd_curate(args: argparse.Namespace) -> int:
    from storage.curation import curate_documents

    with _open_project(args.db, must_exist=True) as project:
        doc_ids = None
        if args.documents is not None:
            doc_ids = [d.strip() for d in args.documents.split(",") if d.strip()]
            known = set(project.document_ids())
            for doc_id in doc_ids:
                if doc_id not in known:
                    raise _UserError(f"{args.db}: no document {doc_id}")
        results = curate_documents(
            project, agreed=args.agreed, prefer=args.prefer, done=args.done, doc_ids=doc_ids
        )
    for r in results:
        p = r.progress
        state = "curated" if p.curated else f"{p.left} disagreements left"
        print(
            f"{r.doc_id}: {r.taken} spans taken into gold; {p.agreed} agreed, "
            f"{p.disagreements} disagreements; {state}"
        )
    if not results:
        print("no document has two or more annotator layers")
    return EXIT_OK


def cmd_gui(db: Path | None, annotator: str | None = None, lang: str | None = None) -> int:
    from storage.paths import default_db_path

    db_path = db if db is not None else default_db_path()
    try:
        from ui.app import run_gui  # lazily: only the window needs Qt
    except ImportError as exc:
        raise _UserError(f"cannot start the window ({exc})") from None
    return run_gui(db_path, annotator, lang)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)

    try:
        if args.command == "import":
            return cmd_import(args)
        if args.command == "export":
            return cmd_export(args)
        if args.command == "schema":
            return cmd_schema(args)
        if args.command == "assign":
            return cmd_assign(args)
        if args.command == "merge":
            return cmd_merge(args)
        if args.command == "agreement":
            return cmd_agreement(args)
        if args.command == "curate":
            return cmd_curate(args)
        if args.command == "suggest":
            return cmd_suggest(args)
        if args.command == "guidelines":
            return cmd_guidelines(args)
        if args.command == "stats":
            return cmd_stats(args)
        if args.command == "check":
            return cmd_check(args)
        if args.command == "search":
            return cmd_search(args)
        return cmd_gui(args.db, args.annotator, args.lang)
    except HashiyaError as exc:
        _err(str(exc))
    except sqlite3.Error as exc:
        _err(f"{args.db}: cannot use the project ({exc})")
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        _err(f"{where}{exc.strerror or exc}")
    return EXIT_REFUSED


if __name__ == "__main__":
    sys.exit(main())
