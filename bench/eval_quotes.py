"""Score today's quote suggestions against the hand-annotated development set.

    python bench/eval_quotes.py [--gold tests/data/quote_devset/gold.jsonl] [--zip Z] [--json]
    python bench/eval_quotes.py --errors          what went wrong on the dev articles
    python bench/eval_quotes.py --min-confidence X   only suggestions the window would show at X
    make eval-quotes

Reads the SaudiNewsNet zip (../shared), finds each gold article by url, rebuilds its document
text (bench/quote_devset.article_text) and checks the SHA-256, runs the suggestions through
annotation.proposals.quote_proposals (what the window's F7 runs; no entities tagged) and
prints, for the `dev` split, the held-out `check` and `fresh` splits and all together:
- quotes found: a suggestion whose content overlaps a gold content with Jaccard >= 0.5 over
  code points (one-to-one, best overlaps first); also how many of those are the exact span;
- suggestions that are quotes (precision): matched suggestions / all suggestions;
- found by form; speaker right on found quotes (speaker named in the same sentence vs carried
  from an earlier one); cue right on found quotes; the same by newspaper;
- the reference article (tests/seed_quotes.py, its own criteria) as a regression line.
`--errors` lists the misses, false suggestions, wrong speakers and cues of the `dev` articles
only, to work against; the held-out `check` and `fresh` articles are never listed.
Definitions and the annotation guideline: docs/quote_guidelines.md.
Exit status: 0 scored, 1 the gold file does not fit the zip (missing article, wrong hash, span
text hash mismatch), 2 usage (zip or gold file missing).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from annotation.arabic import trim  # noqa: E402
from annotation.proposals import (  # noqa: E402
    DEFAULT_MIN_CONFIDENCE,
    Proposal,
    confident,
    quote_proposals,
)
from annotation.quote_rules import suggest_quotes  # noqa: E402
from annotation.span_index import SpanIndex  # noqa: E402
from annotation.suggestions import agent_text, match_key  # noqa: E402
from bench.quote_devset import (  # noqa: E402
    FORMS,
    GOLD_PATH,
    ZIP_PATH,
    article_text,
    load_articles,
    short_sha,
    text_sha,
)

SEED_PATH = ROOT.parent / "shared" / "seeds" / "000_bf43c1156c9930e4.txt"
JACCARD = 0.5
SPLITS = ("dev", "check", "fresh")
Range = tuple[int, int]


class GoldError(ValueError):
    """The gold file does not fit the articles; str() names the article and the reason."""


@dataclass(frozen=True)
class GoldQuote:
    content: Range
    type: str
    form: str
    carried: bool
    speaker: Range | None
    cue: Range | None


@dataclass
class GoldArticle:
    url: str
    source: str
    split: str
    text: str
    quotes: list[GoldQuote]


@dataclass(frozen=True)
class Suggested:
    content: Range
    type: str
    speaker: Range | None
    cue: Range | None


# --- reading and checking the gold file --------------------------------------------------------
def read_gold(path: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """(header, article records); the header line is the one without a url."""
    header: dict[str, Any] = {}
    records = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldError(f"{path}:{lineno}: not JSON ({exc.msg})") from None
            if "url" in data:
                records.append(data)
            else:
                header = data
    return header, records


def _range(text: str, item: Any, where: str) -> Range:
    try:
        start, end, sha = item["start"], item["end"], item["sha"]
    except (KeyError, TypeError):
        raise GoldError(f"{where}: needs start, end and sha") from None
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        raise GoldError(f"{where}: [{start}, {end}) is not inside the text ({len(text)})")
    if short_sha(text[start:end]) != sha:
        raise GoldError(f"{where}: the text at [{start}, {end}) does not hash to {sha}")
    return start, end


def check_gold(
    records: Sequence[dict[str, Any]], articles: Iterable[dict[str, Any]]
) -> list[GoldArticle]:
    """Every annotated record's article found by url, its text hashed right, every span inside
    the text with its text hash matching. Raises GoldError at the first problem."""
    by_url = {a["url"]: a for a in articles}
    out = []
    for rec in records:
        url = rec["url"]
        article = by_url.get(url)
        if article is None:
            raise GoldError(f"{url}: not in the zip")
        text = article_text(article)
        if text_sha(text) != rec["sha256"]:
            raise GoldError(f"{url}: the article's text does not hash to the gold's SHA-256")
        if rec.get("split") not in SPLITS:
            raise GoldError(f"{url}: split must be one of {', '.join(SPLITS)}")
        if rec.get("status") != "annotated":
            continue
        quotes = []
        for n, q in enumerate(rec["quotes"], 1):
            where = f"{url} quote {n}"
            if q.get("form") not in FORMS or q.get("type") not in ("direct", "indirect", "mixed"):
                raise GoldError(f"{where}: bad form or type")
            quotes.append(
                GoldQuote(
                    _range(text, q["content"], where + " content"),
                    q["type"],
                    q["form"],
                    bool(q.get("carried")),
                    _range(text, q["speaker"], where + " speaker") if q.get("speaker") else None,
                    _range(text, q["cue"], where + " cue") if q.get("cue") else None,
                )
            )
        out.append(GoldArticle(url, rec["source"], rec["split"], text, quotes))
    return out


# --- suggestions ---------------------------------------------------------------------------------
def suggestions(text: str, min_confidence: float | None = None) -> list[Suggested]:
    """The F7 quote proposals on an article with nothing annotated, those below min_confidence
    left out as the window's confidence filter would (None: the window's default for quotes,
    annotation.proposals.DEFAULT_MIN_CONFIDENCE)."""
    out = []
    for p in confident(quote_proposals(text, "eval", SpanIndex()), min_confidence):
        out.append(Suggested((p.main.start, p.main.end), p.main.attrs.get("type", ""), *_parts(p)))
    return out


def _parts(p: Proposal) -> tuple[Range | None, Range | None]:
    by_id = {s.id: s for s in p.spans}
    speaker = cue = None
    for link in p.links:
        target = by_id.get(link.target)
        if target is None:
            continue
        if link.type == "speaker":
            speaker = (target.start, target.end)
        elif link.type == "cue":
            cue = (target.start, target.end)
    return speaker, cue


# --- matching ------------------------------------------------------------------------------------
def jaccard(a: Range, b: Range) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))


def match(gold: Sequence[GoldQuote], found: Sequence[Suggested]) -> dict[int, int]:
    """gold index -> suggestion index, one-to-one, best Jaccard first (ties: reading order)."""
    pairs = sorted(
        (
            (-jaccard(g.content, s.content), gi, si)
            for gi, g in enumerate(gold)
            for si, s in enumerate(found)
            if jaccard(g.content, s.content) >= JACCARD
        )
    )
    out: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, si in pairs:
        if gi not in out and si not in used:
            out[gi] = si
            used.add(si)
    return out


def _key_words(text: str) -> str:
    return " ".join(match_key(w) for w in re.findall(r"\w+", text))


def speaker_right(text: str, gold: Range | None, got: Range | None) -> bool:
    """Right when both are absent; or the suggestion overlaps the gold words with at least half
    of its own characters inside them; or (a carried speaker may point at another mention of the
    same name) the normalised words of one contain the other's."""
    if gold is None or got is None:
        return gold is None and got is None
    inside = min(gold[1], got[1]) - max(gold[0], got[0])
    if inside > 0 and inside * 2 >= got[1] - got[0]:
        return True
    a, b = _key_words(text[gold[0] : gold[1]]), _key_words(text[got[0] : got[1]])
    return bool(a and b) and (f" {b} " in f" {a} " or f" {a} " in f" {b} ")


def cue_right(gold: Range | None, got: Range | None) -> bool:
    if gold is None or got is None:
        return gold is None and got is None
    return min(gold[1], got[1]) > max(gold[0], got[0])


# --- counting ------------------------------------------------------------------------------------
@dataclass
class Tally:
    articles: int = 0
    gold: int = 0
    found: int = 0
    exact: int = 0
    suggested: int = 0
    matched: int = 0
    speaker_ok: int = 0
    same_found: int = 0
    same_ok: int = 0
    carried_found: int = 0
    carried_ok: int = 0
    cue_ok: int = 0
    forms: dict[str, list[int]] = field(default_factory=dict)  # form -> [found, gold]

    def add(self, other: Tally) -> None:
        for name in (
            "articles gold found exact suggested matched speaker_ok same_found same_ok "
            "carried_found carried_ok cue_ok"
        ).split():
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for form, (f, g) in other.forms.items():
            cell = self.forms.setdefault(form, [0, 0])
            cell[0] += f
            cell[1] += g

    def as_dict(self) -> dict[str, Any]:
        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 4) if b else None

        return {
            "articles": self.articles,
            "gold": self.gold,
            "found": self.found,
            "exact": self.exact,
            "recall": ratio(self.found, self.gold),
            "suggested": self.suggested,
            "matched": self.matched,
            "precision": ratio(self.matched, self.suggested),
            "speaker_ok": self.speaker_ok,
            "speaker_acc": ratio(self.speaker_ok, self.found),
            "speaker_same": [self.same_ok, self.same_found],
            "speaker_carried": [self.carried_ok, self.carried_found],
            "cue_ok": self.cue_ok,
            "cue_acc": ratio(self.cue_ok, self.found),
            "forms": {f: {"found": c[0], "gold": c[1]} for f, c in sorted(self.forms.items())},
        }


def score_article(article: GoldArticle, min_confidence: float | None = None) -> Tally:
    found = suggestions(article.text, min_confidence)
    pairs = match(article.quotes, found)
    t = Tally(articles=1, gold=len(article.quotes), suggested=len(found), matched=len(pairs))
    for gi, g in enumerate(article.quotes):
        cell = t.forms.setdefault(g.form, [0, 0])
        cell[1] += 1
        si = pairs.get(gi)
        if si is None:
            continue
        s = found[si]
        cell[0] += 1
        t.found += 1
        t.exact += s.content == g.content
        ok = speaker_right(article.text, g.speaker, s.speaker)
        t.speaker_ok += ok
        if g.carried:
            t.carried_found += 1
            t.carried_ok += ok
        else:
            t.same_found += 1
            t.same_ok += ok
        t.cue_ok += cue_right(g.cue, s.cue)
    return t


def _snip(text: str, r: Range | None, width: int = 60) -> str:
    if r is None:
        return "-"
    piece = " ".join(text[r[0] : r[1]].split())
    return piece if len(piece) <= width else piece[: width // 2] + " … " + piece[-width // 2 :]


def dev_errors(articles: Sequence[GoldArticle], min_confidence: float | None = None) -> list[str]:
    """One line per error on the `dev` articles only (the held-out `check` articles are never
    listed): missed gold quotes, suggestions that are not quotes, wrong speakers and cues."""
    lines = []
    for article in articles:
        if article.split != "dev":
            continue
        text = article.text
        found = suggestions(text, min_confidence)
        pairs = match(article.quotes, found)
        head = f"{article.source} {article.url}"
        for gi, g in enumerate(article.quotes):
            si = pairs.get(gi)
            if si is None:
                lines.append(
                    f"{head}\n  MISS  {g.form}/{g.type} «{_snip(text, g.content)}» "
                    f"speaker {_snip(text, g.speaker, 40)}"
                )
                continue
            s = found[si]
            if not speaker_right(text, g.speaker, s.speaker):
                carried = " (carried)" if g.carried else ""
                lines.append(
                    f"{head}\n  SPEAKER{carried} gold {_snip(text, g.speaker, 40)} · "
                    f"got {_snip(text, s.speaker, 40)} · «{_snip(text, g.content, 40)}»"
                )
            if not cue_right(g.cue, s.cue):
                lines.append(
                    f"{head}\n  CUE  gold {_snip(text, g.cue, 30)} · got {_snip(text, s.cue, 30)}"
                    f" · «{_snip(text, g.content, 40)}»"
                )
        used = set(pairs.values())
        for si, s in enumerate(found):
            if si not in used:
                lines.append(f"{head}\n  FALSE {s.type} «{_snip(text, s.content)}»")
    return lines


def evaluate(
    articles: Sequence[GoldArticle], min_confidence: float | None = None
) -> dict[str, Any]:
    groups: dict[str, Tally] = {name: Tally() for name in (*SPLITS, "all")}
    papers: dict[str, dict[str, Tally]] = defaultdict(dict)
    for article in articles:
        t = score_article(article, min_confidence)
        for name in (article.split, "all"):
            groups[name].add(t)
            papers[name].setdefault(article.source, Tally()).add(t)
    return {
        "splits": {name: groups[name].as_dict() for name in groups},
        "by_newspaper": {
            name: {src: papers[name][src].as_dict() for src in sorted(papers[name])}
            for name in groups
        },
    }


# --- the reference article -----------------------------------------------------------------------
def seed_line(seed_path: Path = SEED_PATH) -> dict[str, Any] | None:
    """tests/seed_quotes.py's gold scored with its own criteria (anchors, exact quoted content,
    indirect clause start), so a regression there shows here too. None without the seed."""
    if not seed_path.exists():
        return None
    from tests import seed_quotes as sq

    text = seed_path.read_text(encoding="utf-8")
    found = suggest_quotes(text)

    def start_end(g: sq.Gold) -> tuple[int, int | None]:
        kind, first, last = g[0], g[1], g[2]
        if kind in ("«", '"'):
            m = re.search(re.escape(kind) + r"\s*" + re.escape(first), text)
            if m is None:
                return -1, None
            start = m.start() + 1
            while text[start].isspace():
                start += 1
            return start, text.index(last, start) + len(last)
        pre, _, anchor = first.rpartition("|")
        pos = text.find(pre + anchor)
        return (pos + len(pre) if pos >= 0 else -1), None

    def hits(g: sq.Gold) -> list[int]:
        start, end = start_end(g)
        out = []
        for i, s in enumerate(found):
            if g[0] in ("«", '"'):
                # a mixed quote's content is its whole clause; its quoted words are between marks
                inner = trim(text, s.marks[0] + 1, s.marks[1] - 1) if s.marks else None
                ok = s.content == (start, end) or inner == (start, end)
            elif g[0] == "indirect":
                ok = s.content[0] == start or (s.frame is not None and s.frame[0] == start)
            else:
                ok = s.content[0] == start and s.marks is None
            if ok:
                out.append(i)
        return out

    found_n = speaker_n = 0
    matched: set[int] = set()
    for g in sq.ALL:
        idx = hits(g)
        if not idx:
            continue
        found_n += 1
        matched.update(idx)
        names = g[3]
        spoken = [agent_text(text, found[i].speaker) for i in idx]
        speaker_n += any(
            (not names and not got) or (got and any(n in got or got in n for n in names))
            for got in spoken
        )
    return {
        "gold": len(sq.ALL),
        "found": found_n,
        "recall": round(found_n / len(sq.ALL), 4),
        "suggested": len(found),
        "matched": len(matched),
        "precision": round(len(matched) / len(found), 4) if found else None,
        "speaker_ok": speaker_n,
    }


# --- printing ------------------------------------------------------------------------------------
def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.0f}% ({a}/{b})" if b else "– (0/0)"


def _row(name: str, d: dict[str, Any]) -> str:
    same, carried = d["speaker_same"], d["speaker_carried"]
    return (
        f"{name:<14}{d['articles']:>4}  found {_pct(d['found'], d['gold']):<15} "
        f"exact {d['exact']:<4} precision {_pct(d['matched'], d['suggested']):<15} "
        f"speaker {_pct(d['speaker_ok'], d['found']):<15} "
        f"(same {same[0]}/{same[1]}, carried {carried[0]}/{carried[1]})  "
        f"cue {_pct(d['cue_ok'], d['found'])}"
    )


def report_text(result: dict[str, Any]) -> str:
    lines = []
    for name in (*SPLITS, "all"):
        d = result["splits"][name]
        if not d["articles"] and name != "all":
            continue  # a split left out (--batch)
        title = {
            "dev": "dev",
            "check": "check (held out)",
            "fresh": "fresh (held out, annotated in the second session)",
            "all": "all (dev + check + fresh)",
        }[name]
        lines.append(f"== {title}: {d['articles']} articles, {d['gold']} gold quotes")
        lines.append(_row("total", d))
        forms = " · ".join(f"{f} {c['found']}/{c['gold']}" for f, c in d["forms"].items())
        lines.append(f"  by form: {forms}")
        for src, sd in result["by_newspaper"][name].items():
            lines.append(_row("  " + src, sd))
        lines.append("")
    seed = result.get("seed")
    if seed is not None:
        lines.append(
            f"== reference article (tests/seed_quotes.py criteria): found "
            f"{_pct(seed['found'], seed['gold'])}, precision "
            f"{_pct(seed['matched'], seed['suggested'])}, speaker right {seed['speaker_ok']}"
        )
    return "\n".join(lines)


def only_batch(records: Sequence[dict[str, Any]], batch: str) -> list[dict[str, Any]]:
    """The dev records of one batch (the first dev articles have no batch: "dev1"); held-out
    records are never in a batch, so this shows no check/fresh article."""
    return [r for r in records if r.get("split") == "dev" and r.get("batch", "dev1") == batch]


def run(
    gold_path: Path = GOLD_PATH,
    zip_path: Path = ZIP_PATH,
    seed: bool = True,
    min_confidence: float | None = None,
    batch: str | None = None,
) -> dict[str, Any]:
    header, records = read_gold(gold_path)
    if batch is not None:
        records = only_batch(records, batch)
    articles = check_gold(records, load_articles(zip_path))
    result = evaluate(articles, min_confidence)
    result["min_confidence"] = min_confidence
    result["gold_file"] = {
        "articles": len(records),
        "annotated": len(articles),
        "pending": len(records) - len(articles),
        "note": header.get("note", ""),
    }
    result["seed"] = seed_line() if seed else None
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD_PATH)
    parser.add_argument("--zip", type=Path, default=ZIP_PATH)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--no-seed", action="store_true", help="leave out the reference article")
    parser.add_argument(
        "--errors",
        action="store_true",
        help="list the errors on the dev articles (never on the held-out check/fresh articles)",
    )
    parser.add_argument(
        "--min-confidence",
        type=float,
        default=None,
        metavar="X",
        help="leave out suggestions whose confidence is below X (default: the window's default "
        f"for quotes, {DEFAULT_MIN_CONFIDENCE['quote']}; 0: all)",
    )
    parser.add_argument(
        "--batch",
        metavar="NAME",
        help="only the dev articles of one batch (dev1 = those with no batch, dev2, dev3…)",
    )
    args = parser.parse_args(argv)
    for path in (args.gold, args.zip):
        if not path.exists():
            print(f"{path}: no such file", file=sys.stderr)
            return 2
    try:
        if args.errors:
            _, records = read_gold(args.gold)
            if args.batch is not None:
                records = only_batch(records, args.batch)
            articles = check_gold(records, load_articles(args.zip))
            print("\n".join(dev_errors(articles, args.min_confidence)))
            return 0
        result = run(args.gold, args.zip, not args.no_seed, args.min_confidence, args.batch)
    except GoldError as exc:
        print(f"{args.gold}: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        g = result["gold_file"]
        print(f"gold: {g['annotated']} of {g['articles']} articles annotated", end="")
        threshold = result["min_confidence"]
        if threshold is None:
            threshold = DEFAULT_MIN_CONFIDENCE["quote"]
            print(f"; suggestions with confidence >= {threshold} (the window's default)")
        else:
            print(f"; suggestions with confidence >= {threshold}" if threshold else "; all")
        print(report_text(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
