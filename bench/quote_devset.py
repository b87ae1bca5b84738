"""The quote development set: which SaudiNewsNet articles, how a document's text is built from
an article, and how the gold file is written from a Hashiya export.

    python bench/quote_devset.py select --out DIR       write the chosen articles as .txt files
                                                         (outside the repository) + manifest.json
    python bench/quote_devset.py store --db P.hashiya --manifest DIR/manifest.json ANCHORS
                                                         write hand annotations (anchor file, kept
                                                         outside the repository) into a project
                                                         through DocumentSession
    python bench/quote_devset.py gold --export F.jsonl --manifest DIR/manifest.json
                                                         write tests/data/quote_devset/gold.jsonl

The articles never enter the repository: gold.jsonl keeps each article's source, url, the
SHA-256 of its document text and code-point offsets (docs/quote_guidelines.md).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import zipfile
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from annotation.documents import sha256_of  # noqa: E402
from annotation.textio import normalize_newlines  # noqa: E402

ZIP_PATH = ROOT.parent / "shared" / "data" / "saudinewsnet" / "2015-07-21.zip"
GOLD_PATH = ROOT / "tests" / "data" / "quote_devset" / "gold.jsonl"

SEED = 20150721
MIN_CHARS, MAX_CHARS = 300, 1800  # content length: long enough to quote, short enough to read
N_SPEECH, N_PLAIN, N_CHECK = 36, 4, 10
SPEECH = re.compile(
    r"[«»\"“”]|(?<!\w)[وف]?(?:قال|قالت|يقول|تقول|أكد|أكدت|يؤكد|أوضح|أوضحت|يوضح|أشار|أشارت|"
    r"يشير|ذكر|ذكرت|أضاف|أضافت|صرح|صرّح|مؤكدا|مؤكداً|مشيرا|مشيراً|مضيفا|مضيفاً|موضحا|موضحاً)(?!\w)"
)


def article_text(article: dict[str, Any]) -> str:
    """The document a linguist imports for an article: its title, a blank line, its content."""
    return normalize_newlines(f"{article['title'].strip()}\n\n{article['content']}")


def text_sha(text: str) -> str:
    return sha256_of(text)


def short_sha(text: str) -> str:
    """12 hex digits of the SHA-256 of a span's text: enough to check alignment."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


@lru_cache(maxsize=2)
def load_articles(zip_path: Path = ZIP_PATH) -> list[dict[str, Any]]:
    """The zip's article list (cached: callers only read it)."""
    with zipfile.ZipFile(zip_path) as zf:
        name = next(n for n in zf.namelist() if n.endswith(".json"))
        return json.loads(zf.read(name))


def _importable(text: str) -> bool:
    return not any((ord(c) < 32 or 0x7F <= ord(c) < 0xA0) and c not in "\t\n\f\v" for c in text)


def select(articles: Sequence[dict[str, Any]], seed: int = SEED) -> list[dict[str, Any]]:
    """The development set, chosen without looking at any suggestion: articles of
    MIN_CHARS..MAX_CHARS content that import cleanly, shuffled by `seed`; speech articles (a
    cue word or a quotation mark) taken round-robin over the newspapers in a seeded order until
    N_SPEECH, then N_PLAIN articles with no speech marker from the first newspapers of that
    order. Split once: N_CHECK held-out articles, one per newspaper (seeded order), the rest dev.
    Returns [{"url", "source", "split", "speech"}] in a fixed order."""
    rng = random.Random(seed)
    seen: set[str] = set()
    by_source: dict[str, tuple[list[dict[str, Any]], list[dict[str, Any]]]] = {}
    for a in sorted(articles, key=lambda a: a["url"]):
        if a["url"] in seen or not a["title"].strip():
            continue
        seen.add(a["url"])
        if not MIN_CHARS <= len(a["content"]) <= MAX_CHARS or not _importable(article_text(a)):
            continue
        speech, plain = by_source.setdefault(a["source"], ([], []))
        (speech if SPEECH.search(article_text(a)) else plain).append(a)
    sources = sorted(by_source)
    rng.shuffle(sources)
    for s in sources:
        rng.shuffle(by_source[s][0])
        rng.shuffle(by_source[s][1])
    chosen: list[tuple[dict[str, Any], bool]] = []
    rank = 0
    while sum(1 for _, sp in chosen if sp) < N_SPEECH:
        progressed = False
        for s in sources:
            pool = by_source[s][0]
            if rank < len(pool) and sum(1 for _, sp in chosen if sp) < N_SPEECH:
                chosen.append((pool[rank], True))
                progressed = True
        if not progressed:
            break
        rank += 1
    plain_sources = [s for s in sources if by_source[s][1]][:N_PLAIN]
    chosen += [(by_source[s][1][0], False) for s in plain_sources]
    order = list(range(len(chosen)))
    rng.shuffle(order)
    check: set[int] = set()
    check_sources: set[str] = set()
    for i in order:
        src = chosen[i][0]["source"]
        if len(check) < N_CHECK and src not in check_sources:
            check.add(i)
            check_sources.add(src)
    return [
        {
            "url": a["url"],
            "source": a["source"],
            "split": "check" if i in check else "dev",
            "speech": sp,
        }
        for i, (a, sp) in enumerate(chosen)
    ]


# The fresh held-out set (issue 11, second session): articles the rules were never tuned on,
# annotated before the rules were run on them; longer than the first set's cap so that
# multi-speaker items are in it too.
FRESH_SEED = 20261129
FRESH_MIN, FRESH_MAX = 800, 2600
FRESH_PER_SOURCE = 2
# Dev batches added after the first split, each annotated by reading the text before any
# suggestion was run on it, chosen by its own seed among articles not yet in the gold file
# (`select --devN`): name -> (seed, articles per newspaper). dev2: second session, once the first
# dev split's errors were used up; dev3, dev4: fourth and fifth sessions; dev5 to dev8: sixth.
# Their records carry "batch": NAME and split "dev".
DEV_BATCHES: dict[str, tuple[int, int]] = {
    "dev2": (20261130, 2),
    "dev3": (20261201, 1),
    "dev4": (20261202, 1),
    "dev5": (20261203, 1),
    "dev6": (20261204, 1),
    "dev7": (20261205, 1),
    "dev8": (20261206, 1),
}


def select_fresh(
    articles: Sequence[dict[str, Any]],
    exclude: Iterable[str],
    seed: int = FRESH_SEED,
    split: str = "fresh",
    per_source: int = FRESH_PER_SOURCE,
) -> list[dict[str, Any]]:
    """`per_source` speech articles per newspaper of FRESH_MIN..FRESH_MAX content characters,
    none of them in `exclude` (the urls already in the gold file), chosen by `seed` without
    looking at any suggestion. Returns [{"url", "source", "split", "speech": True}]."""
    rng = random.Random(seed)
    excluded = set(exclude)
    seen: set[str] = set()
    pools: dict[str, list[dict[str, Any]]] = {}
    for a in sorted(articles, key=lambda a: a["url"]):
        if a["url"] in seen or a["url"] in excluded or not a["title"].strip():
            continue
        seen.add(a["url"])
        text = article_text(a)
        if (
            FRESH_MIN <= len(a["content"]) <= FRESH_MAX
            and _importable(text)
            and SPEECH.search(text)
        ):
            pools.setdefault(a["source"], []).append(a)
    out = []
    for source in sorted(pools):
        pool = pools[source]
        rng.shuffle(pool)
        out += [
            {"url": a["url"], "source": source, "split": split, "speech": True}
            for a in pool[:per_source]
        ]
    return out


def _gold_urls(path: Path = GOLD_PATH) -> set[str]:
    if not path.exists():
        return set()
    with path.open(encoding="utf-8") as fh:
        return {json.loads(line).get("url", "") for line in fh if line.strip()} - {""}


def cmd_select(args: argparse.Namespace) -> int:
    articles = {a["url"]: a for a in load_articles(args.zip)}
    if args.fresh:
        chosen = select_fresh(list(articles.values()), _gold_urls(args.gold))
    elif args.batch:
        seed, per_source = DEV_BATCHES[args.batch]
        chosen = [
            {**c, "batch": args.batch}
            for c in select_fresh(
                list(articles.values()), _gold_urls(args.gold), seed, "dev", per_source
            )
        ]
    else:
        chosen = select(list(articles.values()))
    args.out.mkdir(parents=True, exist_ok=True)
    manifest = []
    for n, item in enumerate(chosen, 1):
        text = article_text(articles[item["url"]])
        name = f"{n:02d}_{item['source']}_{item['split']}.txt"
        (args.out / name).write_text(text, encoding="utf-8")
        manifest.append({**item, "file": name, "sha256": text_sha(text)})
    (args.out / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    for m in manifest:
        print(m["file"], m["url"])
    return 0


# --- storing hand annotations -----------------------------------------------------------------
FORMS = ("guillemets", "dquote", "colon", "unmarked", "indirect", "post", "according")
TYPES = ("direct", "indirect", "mixed")
_SEP = " ~~ "


class AnchorError(ValueError):
    pass


def parse_anchors(content: str) -> dict[str, list[dict[str, Any]]]:
    """The anchor file: "@ NN" starts article NN of the manifest (an empty block = no quote);
    then one line per quote, fields separated by " | ":
        TYPE FORM | FIRST ~~ LAST (or the whole content) | SPEAKER or - | CUE or - | FLAGS
    FLAGS (space separated): carried; spk> / cue> = the mention comes after the content;
    skipN = skip N earlier matches of FIRST. Lines starting with # are comments."""
    blocks: dict[str, list[dict[str, Any]]] = {}
    current: list[dict[str, Any]] | None = None
    for lineno, raw in enumerate(content.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            current = blocks.setdefault(line[1:].strip(), [])
            continue
        if current is None:
            raise AnchorError(f"line {lineno}: quote before the first '@ NN'")
        fields = [f.strip() for f in line.split(" | ")]
        if len(fields) < 4:
            raise AnchorError(f"line {lineno}: needs TYPE FORM | CONTENT | SPEAKER | CUE")
        type_form = fields[0].split()
        if len(type_form) != 2 or type_form[0] not in TYPES or type_form[1] not in FORMS:
            raise AnchorError(f"line {lineno}: bad type/form {fields[0]!r}")
        flags = fields[4].split() if len(fields) > 4 else []
        current.append(
            {
                "line": lineno,
                "type": type_form[0],
                "form": type_form[1],
                "content": fields[1],
                "speaker": None if fields[2] == "-" else fields[2],
                "cue": None if fields[3] == "-" else fields[3],
                "flags": flags,
            }
        )
    return blocks


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    """Where needle occurs as whole words; any run of spaces in it matches any run of
    whitespace (real text holds no-break spaces and doubled spaces). "PRE|WORDS" matches
    PRE + WORDS and starts the span at WORDS (a proclitic glued to a name, `و|حزب الله`, or a
    word typed without its space, `إلى|44%`)."""
    pre, bar, rest = needle.partition("|")
    if not bar:
        pre, rest = "", needle
    pattern = r"(?<!\w)" + r"\s+".join(re.escape(part) for part in rest.split()) + r"(?!\w)"
    if pre:
        pattern = r"(?<!\w)" + re.escape(pre) + r"(" + pattern[len(r"(?<!\w)") :] + r")"
        return [(m.start(1), m.end(1)) for m in re.finditer(pattern, text)]
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def _near(text: str, needle: str, start: int, end: int, after: bool, what: str) -> tuple[int, int]:
    hits = _occurrences(text, needle)
    if after:
        hits = [h for h in hits if h[0] >= end]
        if not hits:
            raise AnchorError(f"{what} {needle!r} not found after the content")
        return hits[0]
    before = [h for h in hits if h[1] <= start]
    if not before:
        raise AnchorError(f"{what} {needle!r} not found before the content")
    return before[-1]


def resolve(text: str, quotes: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Code-point ranges for each anchored quote; FIRST is searched from the previous quote's
    start, so quotes are written in reading order."""
    cursor = 0
    out = []
    for q in quotes:
        first, _, last = q["content"].partition(_SEP.strip())
        first, last = first.strip(), last.strip()
        skip = next((int(f[4:]) for f in q["flags"] if f.startswith("skip")), 0)
        hits = [h for h in _occurrences(text, first) if h[0] >= cursor]
        if len(hits) <= skip:
            raise AnchorError(f"line {q['line']}: content {first!r} not found")
        start, end = hits[skip]
        if last:
            ends = [h for h in _occurrences(text, last) if h[0] >= start]
            if not ends:
                raise AnchorError(f"line {q['line']}: content end {last!r} not found")
            end = ends[0][1]
        try:
            speaker = (
                _near(text, q["speaker"], start, end, "spk>" in q["flags"], "speaker")
                if q["speaker"]
                else None
            )
            cue = (
                _near(text, q["cue"], start, end, "cue>" in q["flags"], "cue") if q["cue"] else None
            )
        except AnchorError as exc:
            raise AnchorError(f"line {q['line']}: {exc}") from None
        out.append({**q, "range": (start, end), "speaker_range": speaker, "cue_range": cue})
        cursor = start + 1
    return out


def _ensure_schema(project: Any) -> None:
    """The project's schema with the quote attributes form and carried (values as here)."""
    from dataclasses import replace as dc_replace

    from annotation.schema import AttributeDef

    wanted = {
        "form": AttributeDef("quote", "form", FORMS, "guillemets", "quote form"),
        "carried": AttributeDef(
            "quote", "carried", ("no", "yes"), "no", "speaker named in an earlier sentence"
        ),
    }
    schema = project.schema()
    kept = [a for a in schema.attributes if not (a.kind == "quote" and a.name in wanted)]
    current = [a for a in schema.attributes if a.kind == "quote" and a.name in wanted]
    if sorted(current, key=lambda a: a.name) != sorted(wanted.values(), key=lambda a: a.name):
        project.save_schema(dc_replace(schema, attributes=(*kept, *wanted.values())))


def cmd_store(args: argparse.Namespace) -> int:
    """Replace the quotes of every article named in the anchor file and mark it done."""
    from dataclasses import replace as dc_replace

    from annotation.attribution import build_quote
    from annotation.documents import document_id_for
    from annotation.errors import HashiyaError
    from storage.project import Project
    from storage.session import DocumentSession

    manifest = json.loads(args.manifest.read_text(encoding="utf-8"))
    blocks = parse_anchors(args.anchors.read_text(encoding="utf-8"))
    errors = 0
    with Project(args.db, annotator="quotes-gold") as project:
        _ensure_schema(project)
        for key, quotes in blocks.items():
            item = manifest[int(key) - 1]
            session = DocumentSession(project, document_id_for(item["sha256"]))
            try:
                resolved = resolve(session.text, quotes)
            except AnchorError as exc:
                print(f"{item['file']}: {exc}", file=sys.stderr)
                errors += 1
                continue
            old = [s.id for s in session.index.all() if s.kind in ("quote", "mention", "cue")]
            if old:
                session.remove(old, action="delete")
            spans, links = [], []
            for q in resolved:
                s, lk = build_quote(
                    session.doc.id,
                    q["range"],
                    q["type"],
                    q["speaker_range"],
                    q["cue_range"],
                    "quotes-gold",
                )
                attrs = {
                    "type": q["type"],
                    "form": q["form"],
                    "carried": "yes" if "carried" in q["flags"] else "no",
                }
                s[0] = dc_replace(s[0], attrs=attrs)
                spans += s
                links += lk
            try:
                session.add(spans, links, action="add")
            except HashiyaError as exc:
                print(f"{item['file']}: {exc}", file=sys.stderr)
                project.set_status(session.doc.id, "in_progress")
                errors += 1
                continue
            project.set_status(session.doc.id, "done")
            print(f"{item['file']}: {len(resolved)} quotes")
    return 1 if errors else 0


def gold_records(
    export_records: Iterable[dict[str, Any]], manifest: Sequence[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Gold lines from exported native records (matched to the manifest by SHA-256): offsets
    and short hashes only, never text."""
    by_sha = {r["meta"]["sha256"]: r for r in export_records}
    out = []
    for item in manifest:
        record = by_sha.get(item["sha256"])
        if record is None:
            raise SystemExit(f"{item['file']}: not in the export")
        text = record["text"]
        quotes = []
        for q in record.get("quotes", []):
            attrs = q.get("attrs", {})
            entry: dict[str, Any] = {
                "content": _span(text, q["start"], q["end"]),
                "type": q["type"],
                "form": attrs["form"],
                "carried": attrs.get("carried", "no") == "yes",
                "speaker": _ref(text, q["speaker"]),
                "cue": _ref(text, q["cue"]),
            }
            quotes.append(entry)
        quotes.sort(key=lambda e: (e["content"]["start"], e["content"]["end"]))
        status = "annotated" if record["meta"]["status"] == "done" else "pending"
        out.append(
            {
                "url": item["url"],
                "source": item["source"],
                "split": item["split"],
                **({"batch": item["batch"]} if "batch" in item else {}),
                "sha256": item["sha256"],
                "length": len(text),
                "status": status,
                "quotes": quotes if status == "annotated" else [],
            }
        )
    return out


def _span(text: str, start: int, end: int) -> dict[str, Any]:
    return {"start": start, "end": end, "sha": short_sha(text[start:end])}


def _ref(text: str, ref: dict[str, Any] | None) -> dict[str, Any] | None:
    if ref is None:
        return None
    return _span(text, ref["start"], ref["end"])


def cmd_gold(args: argparse.Namespace) -> int:
    manifest = json.loads(args.manifest.read_text(encoding="utf-8"))
    with args.export.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    lines = gold_records(records, manifest)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    if args.append:
        # Add (or replace) the manifest's articles in an existing gold file, header kept.
        with args.out.open(encoding="utf-8") as fh:
            old = [json.loads(line) for line in fh if line.strip()]
        urls = {g["url"] for g in lines}
        header = {
            **old[0],
            "fresh": f"split 'fresh': {FRESH_PER_SOURCE} article(s) per newspaper of "
            f"{FRESH_MIN}-{FRESH_MAX} content chars with speech markers, not in dev/check, seed "
            f"{FRESH_SEED} (select --fresh); annotated before the rules were run on them; "
            "held out like check",
        }
        lines = [g for g in old[1:] if g["url"] not in urls] + lines
        return _write_gold(args.out, header, lines)
    header = {
        "devset": "SaudiNewsNet 2015-07-21 quotes",
        "note": "Split 'check' is held out: the rules engineer must not look at its articles or "
        "tune on its figures; work against 'dev'. Offsets are code points into "
        "bench/quote_devset.article_text (title, blank line, content); guideline in "
        "docs/quote_guidelines.md; no article text is stored here.",
        "seed": SEED,
        "selection": f"content {MIN_CHARS}-{MAX_CHARS} chars, {N_SPEECH} with speech markers "
        f"round-robin over newspapers, {N_PLAIN} without, {N_CHECK} held out",
    }
    return _write_gold(args.out, header, lines)


def _write_gold(out: Path, header: dict[str, Any], lines: Sequence[dict[str, Any]]) -> int:
    with out.open("w", encoding="utf-8") as fh:
        fh.write(json.dumps(header, ensure_ascii=False) + "\n")
        for line in lines:
            fh.write(json.dumps(line, ensure_ascii=False, sort_keys=False) + "\n")
    done = [g for g in lines if g["status"] == "annotated"]
    print(
        f"{len(lines)} articles, {len(done)} annotated, {sum(len(g['quotes']) for g in done)} quotes"
    )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sel = sub.add_parser("select", help="write the chosen articles as .txt + manifest.json")
    sel.add_argument("--out", type=Path, required=True)
    sel.add_argument("--zip", type=Path, default=ZIP_PATH)
    sel.add_argument(
        "--fresh",
        action="store_true",
        help="the fresh held-out set: articles not yet in --gold (select_fresh)",
    )
    batches = sel.add_mutually_exclusive_group()
    for name, (seed, per_source) in DEV_BATCHES.items():
        batches.add_argument(
            f"--{name}",
            dest="batch",
            action="store_const",
            const=name,
            help=f"dev batch {name}: articles not yet in --gold (seed {seed}, "
            f"{per_source} per newspaper, split dev)",
        )
    sel.add_argument("--gold", type=Path, default=GOLD_PATH)
    sto = sub.add_parser("store", help="write anchored hand annotations into a project")
    sto.add_argument("--db", type=Path, required=True)
    sto.add_argument("--manifest", type=Path, required=True)
    sto.add_argument("anchors", type=Path)
    gold = sub.add_parser("gold", help="write the gold file from a native export")
    gold.add_argument("--export", type=Path, required=True)
    gold.add_argument("--manifest", type=Path, required=True)
    gold.add_argument("--out", type=Path, default=GOLD_PATH)
    gold.add_argument(
        "--append",
        action="store_true",
        help="add the manifest's articles to the existing --out file (the fresh split)",
    )
    args = parser.parse_args(argv)
    commands = {"select": cmd_select, "store": cmd_store, "gold": cmd_gold}
    return commands[args.command](args)


if __name__ == "__main__":
    raise SystemExit(main())
