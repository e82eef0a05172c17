"""Validity checks of the built-in lexicons; writes its numbers to docs/validation.md.

Run from the repository root:

    python bench/validate_lexicons.py [--data ../shared/data] [--seeds ../shared/seeds] [--per-outlet 300]

Three checks, each reported with the real numbers whatever they are:

1. The two seed articles (a communist outlet and a CNN analysis): Marxist-register and
   wire-service-style rates per 1,000 words, with the phrases found.
2. BABE (Spinde et al. 2021), BABE_SG2 subset: the loaded-language score of a sentence (weighted
   count of non-negated ``rhetoric.loaded_language`` matches, fixed before looking at the data) as
   a detector of sentences labelled biased: ROC AUC per given fold and overall; and at word level,
   the share of annotated biased words our matches cover (recall) and the share of our matched
   words that annotators marked (precision).
3. Article-Bias-Prediction (Baly et al. 2020): mean register rates for the twenty largest outlets
   (a fixed random sample of up to ``--per-outlet`` articles each).

The evaluation data is read from ``../shared/data`` at run time and never copied.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
from sklearn.metrics import roc_auc_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import framing
from framing.markers.lexicons import LexiconSet, load_default_lexicons
from framing.text.segment import segment

sys.path.insert(0, str(ROOT / "bench"))
from _validation_doc import write_section

REGISTERS = ["marxist", "state_diplomatic", "nationalist_populist", "liberal_internationalist", "wire_service"]


def seeds_section(seeds: Path, lexset: LexiconSet) -> str:
    corpus = framing.load(seeds)
    results = framing.analyze(corpus, lexicons=lexset, progress=False)
    lines = [
        "| article | outlet | words | Marxist register per 1,000 words | wire-service style per 1,000 words |",
        "|---|---|---|---|---|",
    ]
    phrases: dict[str, dict[str, Counter[str]]] = {}
    for r in results:
        a = r.article
        mk = r.markers
        lines.append(
            f"| {a.id} | {a.outlet} | {r.n_words} | {mk['registers.marxist']['rate']:.2f} ({mk['registers.marxist']['count']}) "
            f"| {mk['registers.wire_service']['rate']:.2f} ({mk['registers.wire_service']['count']}) |"
        )
        for m in r.matches:
            if m.lexicon == "registers" and m.category in ("marxist", "wire_service"):
                phrases.setdefault(a.outlet or a.id, {}).setdefault(m.category, Counter())[a.text[m.start : m.end]] += 1
    lines.append("")
    for outlet, by_cat in phrases.items():
        for cat, cnt in by_cat.items():
            lines.append(f"- {outlet}, {cat}: " + ", ".join(f"“{p}”" + (f" ×{n}" if n > 1 else "") for p, n in cnt.most_common()))
    by_outlet = {r.article.outlet: r.markers for r in results}
    cnn, pol = by_outlet.get("CNN"), by_outlet.get("Politsturm")
    if cnn and pol:
        ok1 = pol["registers.marxist"]["rate"] > cnn["registers.marxist"]["rate"]
        ok2 = cnn["registers.wire_service"]["rate"] > pol["registers.wire_service"]["rate"]
        lines.append("")
        lines.append(
            f"Communist piece higher on the Marxist register: **{'yes' if ok1 else 'NO'}**; "
            f"CNN piece higher on wire-service style: **{'yes' if ok2 else 'NO'}**."
        )
    return "\n".join(lines)


def babe_section(data: Path, lexset: LexiconSet) -> str:
    rows = [json.loads(line) for line in (data / "babe" / "babe.jsonl").read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if r["subset"] == "BABE_SG2" and r["label"] in (0, 1)]
    loaded = LexiconSet([lexset["rhetoric"]])
    scores, labels, folds = [], [], []
    hit_words = annotated = flagged = flagged_true = 0
    for r in rows:
        text = r["text"]
        doc = segment(text)
        ms = [m for m in loaded.match(doc) if m.category == "loaded_language" and not m.negated]
        scores.append(sum(m.weight for m in ms))
        labels.append(int(r["label"]))
        folds.append(r["cv_fold"])
        spans = [(s["start"], s["end"]) for s in r.get("biased_word_spans") or [] if s.get("start") is not None]
        covered = [(m.start, m.end) for m in ms]
        # word level: annotated biased words covered by a match; tokens inside matches that are annotated
        for s, e in spans:
            annotated += 1
            if any(ms_ < e and s < me for ms_, me in covered):
                hit_words += 1
        for ts, te, tok in zip(doc.starts, doc.ends, doc.tokens):
            if not any(c.isalnum() for c in tok):
                continue
            if any(ms_ <= ts and te <= me for ms_, me in covered):
                flagged += 1
                if any(s < te and ts < e for s, e in spans):
                    flagged_true += 1
    scores_a, labels_a, folds_a = np.array(scores), np.array(labels), np.array(folds)
    lines = ["| fold | sentences | biased share | ROC AUC |", "|---|---|---|---|"]
    for f in sorted(set(folds)):
        sel = folds_a == f
        lines.append(f"| {f} | {sel.sum()} | {labels_a[sel].mean():.2f} | {roc_auc_score(labels_a[sel], scores_a[sel]):.3f} |")
    lines.append(f"| all | {len(rows)} | {labels_a.mean():.2f} | **{roc_auc_score(labels_a, scores_a):.3f}** |")
    fired = (scores_a > 0).mean()
    lines.append("")
    lines.append(
        f"Sentences with at least one loaded-language match: {fired:.1%}. "
        f"Word level: the matches cover **{hit_words / annotated:.1%}** of the {annotated} annotated biased words "
        f"(recall); **{flagged_true / max(flagged, 1):.1%}** of the {flagged} words inside our matches were annotated "
        "as biased (precision)."
    )
    return "\n".join(lines)


def outlets_section(data: Path, lexset: LexiconSet, per_outlet: int) -> str:
    by_outlet: dict[str, list[dict]] = defaultdict(list)
    with gzip.open(data / "article_bias" / "articles.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            by_outlet[r["source"]].append({"text": r["text"], "label": r["label"]})
    top = sorted(by_outlet, key=lambda k: -len(by_outlet[k]))[:20]
    rng = random.Random(2026)
    regs = LexiconSet([lexset["registers"]])
    lines = [
        "| outlet | AllSides label | articles (sampled) | "
        + " | ".join(c.replace("_", " ") for c in REGISTERS)
        + " |",
        "|---|---|---|" + "---|" * len(REGISTERS),
    ]
    for name in top:
        arts = by_outlet[name]
        sample = rng.sample(arts, min(per_outlet, len(arts)))
        totals = Counter()
        words = 0
        for a in sample:
            doc = segment(a["text"])
            words += doc.n_words
            for m in regs.match(doc):
                totals[m.category] += 1
        label = Counter(a["label"] for a in arts).most_common(1)[0][0]
        cells = " | ".join(f"{1000 * totals[c] / max(words, 1):.2f}" for c in REGISTERS)
        lines.append(f"| {name} | {label} | {len(arts)} ({len(sample)}) | {cells} |")
    lines.append("")
    lines.append("Rates are matches per 1,000 words over all sampled articles of the outlet.")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    ap.add_argument("--per-outlet", type=int, default=300)
    ap.add_argument("--no-write", action="store_true", help="print only; do not update docs/validation.md")
    args = ap.parse_args()
    lexset = load_default_lexicons()
    prov = ", ".join(f"{k} {v}" for k, v in lexset.provenance().items())
    parts = [f"Lexicons: {prov}."]
    t0 = time.time()
    if args.seeds.is_dir():
        parts += ["", "### The two seed articles", "", seeds_section(args.seeds, lexset)]
    else:
        parts += ["", f"(seeds not found at {args.seeds}: skipped)"]
    if (args.data / "babe" / "babe.jsonl").exists():
        parts += ["", "### BABE: loaded language as a detector of biased sentences (BABE_SG2)", "", babe_section(args.data, lexset)]
    else:
        parts += ["", f"(BABE not found under {args.data}: skipped)"]
    if (args.data / "article_bias" / "articles.jsonl.gz").exists():
        parts += ["", "### Article-Bias-Prediction: register profiles of the twenty largest outlets", "", outlets_section(args.data, lexset, args.per_outlet)]
    else:
        parts += ["", f"(Article-Bias-Prediction not found under {args.data}: skipped)"]
    parts += ["", f"Run time: {time.time() - t0:.0f} s."]
    body = "\n".join(parts)
    print(body)
    if not args.no_write:
        write_section("Lexicons", "python bench/validate_lexicons.py", body)


if __name__ == "__main__":
    main()
