"""Learning curve of the entity recommenders on the Wojood sample.

The sample's segments, in file order: the last 25% are held out; the recommenders are trained
on the first k segments (k = 50, 100, 200, all of the rest) and suggest on the held-out ones.
Scored on the outermost entity layer (what a linear-chain tagger predicts), exact span and label.

Run: .venv/bin/python bench/learning_curve.py [--plot docs/screenshots/learning_curve.png] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotation.conll import parse_conll, segments_to_document  # noqa: E402
from annotation.recommenders.base import TrainingDocument, merge_guesses, outermost  # noqa: E402
from annotation.recommenders.crf import CrfRecommender  # noqa: E402
from annotation.recommenders.evaluation import Scores, score  # noqa: E402
from annotation.recommenders.names import NameRecommender  # noqa: E402

WOJOOD = Path(__file__).resolve().parents[2] / "shared" / "data" / "wojood-sample" / "test.txt"
SIZES = (50, 100, 200)


def wojood_documents(path: Path = WOJOOD) -> list[TrainingDocument]:
    """One TrainingDocument per segment of the CoNLL file (all nesting levels)."""
    segments = parse_conll(path.read_text(encoding="utf-8"), str(path))
    out = []
    for seg in segments:
        doc = segments_to_document([seg], str(path))
        out.append(
            TrainingDocument(doc.text, tuple((s, e, label) for s, e, label, _ in doc.entities))
        )
    return out


def evaluate(train: list[TrainingDocument], test: list[TrainingDocument]) -> dict[str, Scores]:
    names = NameRecommender.train(train)
    crf = CrfRecommender.train(train)
    totals = {"names": Scores(0, 0, 0), "crf": Scores(0, 0, 0), "both": Scores(0, 0, 0)}
    for doc in test:
        gold = outermost(doc.entities)
        by_names = names.suggest(doc.text)
        by_crf = crf.suggest(doc.text) if crf is not None else []
        for name, guesses in (
            ("names", merge_guesses(by_names)),
            ("crf", merge_guesses(by_crf)),
            ("both", merge_guesses(by_names, by_crf)),
        ):
            totals[name] += score(gold, [(g.start, g.end, g.label) for g in guesses])
    return totals


def learning_curve(documents: list[TrainingDocument]) -> list[dict[str, Any]]:
    cut = len(documents) * 3 // 4
    pool, test = documents[:cut], documents[cut:]
    rows = []
    for k in [*(s for s in SIZES if s < len(pool)), len(pool)]:
        started = time.perf_counter()
        totals = evaluate(pool[:k], test)
        row: dict[str, Any] = {
            "k": k,
            "train_entities": sum(len(outermost(d.entities)) for d in pool[:k]),
            "seconds": round(time.perf_counter() - started, 2),
        }
        for name, s in totals.items():
            row[name] = {
                "precision": round(s.precision, 3),
                "recall": round(s.recall, 3),
                "f1": round(s.f1, 3),
                "gold": s.gold,
                "guessed": s.guessed,
            }
        rows.append(row)
    return rows


def plot(rows: list[dict[str, Any]], out: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6.4, 3.6), dpi=110)
    ks = [r["k"] for r in rows]
    for name, style in (("crf", "-o"), ("names", "--s"), ("both", "-^")):
        for metric, alpha in (("f1", 1.0),):
            ax.plot(ks, [r[name][metric] for r in rows], style, alpha=alpha, label=f"{name} F1")
    ax.plot(ks, [r["both"]["precision"] for r in rows], ":", color="grey", label="both precision")
    ax.set_xlabel("training segments (Wojood sample)")
    ax.set_ylabel("score on held-out segments")
    ax.set_ylim(0, 1)
    ax.grid(alpha=0.3)
    ax.legend(loc="lower right", fontsize=8)
    ax.set_title("Entity recommenders: learning curve (exact span + label)")
    fig.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wojood", type=Path, default=WOJOOD)
    parser.add_argument("--plot", type=Path)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not args.wojood.exists():
        print(f"{args.wojood}: not found (the Wojood sample lives in ../shared)", file=sys.stderr)
        return 1
    rows = learning_curve(wojood_documents(args.wojood))
    if args.json:
        print(json.dumps(rows, indent=1))
    else:
        print(
            f"{'k':>5} {'ents':>5}  {'names P/R/F1':>17}  {'crf P/R/F1':>17}  {'both P/R/F1':>17}"
        )
        for r in rows:
            cells = [
                "{precision:.2f}/{recall:.2f}/{f1:.2f}".format(**r[name])
                for name in ("names", "crf", "both")
            ]
            print(f"{r['k']:>5} {r['train_entities']:>5}  " + "  ".join(f"{c:>17}" for c in cells))
    if args.plot:
        plot(rows, args.plot)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
