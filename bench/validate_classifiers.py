"""Validation of the classifier workflow; writes the "Classifiers" section of docs/validation.md.

Run from the repository root:

    python bench/validate_classifiers.py [--data ../shared/data] [--skip-babe] [--skip-bias] [--jobs 2]

Two reference tasks, each reported with the real numbers whatever they are:

1. BABE (Spinde et al. 2021), BABE_SG2 subset, biased (1) versus not biased (0) sentences, over the
   four given ``cv_fold`` folds (train on three, test on the fourth). A plain TF-IDF + logistic
   regression baseline, the toolkit's default sentence pipeline (TF-IDF + lexicon + rhetoric
   features), and a pipeline whose configuration (feature blocks, regularisation) is chosen by
   nested cross-validation: for each test fold, every candidate is scored by leave-one-fold-out
   over the three training folds only, and the winner is refitted on them. The test fold never
   takes part in any choice. BABE is AGPL-3.0: models are trained in memory and never saved.
2. Article-Bias-Prediction (Baly et al. 2020), left/center/right: macro-F1 with a random split and
   with cross-validation grouped by outlet (``source``), showing how much of the random-split
   score is outlet recognition; and the time to train the shipped article-level pipeline on
   20,000 articles (a fixed random subsample of the 26,962).

The evaluation data is read from ``../shared/data`` at run time and never copied.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import GroupKFold, StratifiedKFold
from sklearn.pipeline import make_pipeline as sk_pipeline

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.ml.pipelines import fold_pipeline, make_pipeline, precompute_blocks
from framing.ml.training import train

sys.path.insert(0, str(ROOT / "bench"))
from _validation_doc import write_section

#: Candidates of the nested selection on BABE: (feature blocks, C).
BABE_CANDIDATES = [
    (model, C)
    for model in ("tfidf+lexicon+rhetoric", "tfidf+chars", "tfidf+chars+lexicon+rhetoric")
    for C in (1.0, 2.0)
]


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def macro_f1(y_true, y_pred) -> float:  # type: ignore[no-untyped-def]
    return float(f1_score(y_true, y_pred, average="macro"))


# ---------------------------------------------------------------------------------------------
# BABE


def load_babe(data: Path) -> tuple[list[str], np.ndarray, np.ndarray]:
    rows = [json.loads(line) for line in (data / "babe" / "babe.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if r["subset"] == "BABE_SG2" and r["label"] is not None]
    return [r["text"] for r in rows], np.array([str(r["label"]) for r in rows], dtype=object), np.array([r["cv_fold"] for r in rows])


class _Scorer:
    """Fits candidate pipelines on index sets, computing the data-independent blocks once per model."""

    def __init__(self, texts: list[str], y: np.ndarray, jobs: int | None) -> None:
        self.texts, self.y, self.jobs = texts, y, jobs
        self.pre: dict[str, dict[str, np.ndarray]] = {}

    def fit_predict(self, model: str, C: float, train_idx: np.ndarray, test_idx: np.ndarray) -> np.ndarray:
        pipe = make_pipeline(model, level="sentence", C=C, n_jobs=self.jobs)
        if model not in self.pre:
            self.pre[model] = precompute_blocks(pipe, self.texts)  # stateless blocks: no data is learnt
        fold = fold_pipeline(pipe, self.texts, self.pre[model]).fit(train_idx, self.y[train_idx])
        return fold.predict(test_idx)


def babe_section(data: Path, jobs: int | None) -> str:
    texts, y, folds = load_babe(data)
    n_folds = sorted(set(folds.tolist()))
    log(f"BABE_SG2: {len(texts)} labelled sentences, folds {n_folds}, labels {dict(Counter(y.tolist()))}")
    scorer = _Scorer(texts, y, jobs)
    rows: dict[str, list[float]] = {"baseline": [], "default": [], "nested": []}
    chosen: list[str] = []
    t0 = time.time()
    for k in n_folds:
        tr = np.flatnonzero(folds != k)
        te = np.flatnonzero(folds == k)
        base = sk_pipeline(TfidfVectorizer(), LogisticRegression(max_iter=2000))
        base.fit([texts[i] for i in tr], y[tr])
        rows["baseline"].append(macro_f1(y[te], base.predict([texts[i] for i in te])))
        rows["default"].append(macro_f1(y[te], scorer.fit_predict("tfidf+lexicon+rhetoric", 1.0, tr, te)))
        # nested selection: leave-one-fold-out over the training folds only
        inner_scores = {}
        for model, C in BABE_CANDIDATES:
            s = []
            for j in n_folds:
                if j == k:
                    continue
                itr = np.flatnonzero((folds != k) & (folds != j))
                ite = np.flatnonzero(folds == j)
                s.append(macro_f1(y[ite], scorer.fit_predict(model, C, itr, ite)))
            inner_scores[(model, C)] = float(np.mean(s))
        best = max(BABE_CANDIDATES, key=lambda c: (inner_scores[c], -BABE_CANDIDATES.index(c)))
        chosen.append(f"{best[0]}, C={best[1]:g} (inner {inner_scores[best]:.3f})")
        rows["nested"].append(macro_f1(y[te], scorer.fit_predict(best[0], best[1], tr, te)))
        log(f"fold {k}: baseline {rows['baseline'][-1]:.3f}, default {rows['default'][-1]:.3f}, nested {rows['nested'][-1]:.3f} [{chosen[-1]}]")
    elapsed = time.time() - t0
    names = {
        "baseline": "TF-IDF (words) + logistic regression, scikit-learn defaults",
        "default": "framing `train(level=\"sentence\", model=\"tfidf+lexicon+rhetoric\")`",
        "nested": "framing, configuration chosen by nested CV (see below)",
    }
    lines = [
        "### BABE: biased-sentence detection",
        "",
        f"BABE_SG2 (Spinde et al. 2021; AGPL-3.0, trained in memory, never saved): {len(texts)} sentences with a label "
        f"({dict(sorted(Counter(y.tolist()).items()))}), the four given `cv_fold` folds: train on three, test on the fourth. "
        "Macro-F1 on each test fold:",
        "",
        "| pipeline | " + " | ".join(f"fold {k}" for k in n_folds) + " | mean |",
        "|---|" + "---|" * (len(n_folds) + 1),
    ]
    for key, scores in rows.items():
        lines.append(f"| {names[key]} | " + " | ".join(f"{s:.3f}" for s in scores) + f" | **{np.mean(scores):.3f}** |")
    lines += [
        "",
        "Nested selection: for each test fold, each candidate ("
        + "; ".join(f"{m}, C={c:g}" for m, c in BABE_CANDIDATES)
        + ") was scored by leave-one-fold-out over the three training folds only; the best was refitted on those three "
        "and scored once on the test fold. Chosen per test fold: "
        + "; ".join(f"fold {k}: {c}" for k, c in zip(n_folds, chosen))
        + ".",
        "",
        f"Target: mean macro-F1 of at least 0.75 (published: TF-IDF about 0.73, a BERT-based model about 0.80). "
        f"Reached by the nested pipeline: **{'yes' if np.mean(rows['nested']) >= 0.75 else 'no'}** ({np.mean(rows['nested']):.3f}); "
        f"gain over the baseline {np.mean(rows['nested']) - np.mean(rows['baseline']):+.3f}. Run time {elapsed / 60:.1f} min.",
    ]
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# Article-Bias-Prediction


def load_bias(data: Path) -> list[dict]:
    """Article-Bias-Prediction without its media-split test outlets (held out to check claims:
    never read)."""
    with gzip.open(data / "article_bias" / "articles.jsonl.gz", "rt", encoding="utf-8") as fh:
        rows = (json.loads(line) for line in fh if line.strip())
        return [r for r in rows if r.get("split_media") != "test"]


def _cv_f1(texts: list[str], y: np.ndarray, splits, model: str, jobs: int | None) -> tuple[list[float], float]:  # type: ignore[no-untyped-def]
    pipe = make_pipeline(model, level="article", n_jobs=jobs)
    pre = precompute_blocks(pipe, texts)
    scores = []
    t0 = time.time()
    for tr, te in splits:
        fold = fold_pipeline(pipe, texts, pre).fit(tr, y[tr])
        scores.append(macro_f1(y[te], fold.predict(te)))
    return scores, time.time() - t0


def bias_section(data: Path, jobs: int | None, model: str, n_time: int, seed: int = 0) -> str:
    rows = load_bias(data)
    texts = [((r.get("title") or "") + "\n" + r["text"]).strip() for r in rows]
    y = np.array([r["label"] for r in rows], dtype=object)
    sources = np.array([r["source"] for r in rows], dtype=object)
    log(f"Article-Bias: {len(rows)} articles, {len(set(sources))} outlets, labels {dict(Counter(y.tolist()))}")
    lines = [
        "### Article-Bias-Prediction: left / center / right",
        "",
        f"{len(rows):,} articles from {len(set(sources))} outlets (Baly et al. 2020; Apache-2.0); the label is effectively "
        f"the outlet's AllSides rating. Pipeline: framing `make_pipeline({model!r}, level=\"article\")` (title and text). "
        "Macro-F1:",
        "",
        "| evaluation | folds | macro-F1 per fold | mean |",
        "|---|---|---|---|",
    ]
    # 1. the given random split: train on 'train', test on 'valid'
    split = np.array([r.get("split_random") for r in rows], dtype=object)
    tr, te = np.flatnonzero(split == "train"), np.flatnonzero(split == "valid")
    pipe = make_pipeline(model, level="article", n_jobs=jobs)
    t0 = time.time()
    pre = precompute_blocks(pipe, texts)
    log(f"  features of the toolkit's blocks computed once for all articles in {time.time() - t0:.0f} s")
    fold = fold_pipeline(pipe, texts, pre).fit(tr, y[tr])
    s_random = macro_f1(y[te], fold.predict(te))
    lines.append(f"| given random split (`split_random`: train {len(tr):,}, test {len(te):,}) | 1 | – | **{s_random:.3f}** |")
    log(f"  random split: {s_random:.3f}")
    results = {"random": s_random}
    # 2. five-fold CV, ungrouped versus grouped by outlet, on the same articles
    n = len(texts)
    strat = list(StratifiedKFold(n_splits=5, shuffle=True, random_state=seed).split(np.zeros(n), y))
    group = list(GroupKFold(n_splits=5).split(np.zeros(n), y, sources))
    for name, splits in (("stratified", strat), ("grouped", group)):
        scores = []
        for a, b in splits:
            f = fold_pipeline(pipe, texts, pre).fit(a, y[a])
            scores.append(macro_f1(y[b], f.predict(b)))
        results[name] = float(np.mean(scores))
        label = (
            "5-fold CV, stratified (articles of one outlet on both sides)"
            if name == "stratified"
            else "5-fold CV grouped by outlet (`GroupKFold` by `source`: test outlets never seen in training)"
        )
        lines.append(f"| {label} | 5 | " + ", ".join(f"{s:.3f}" for s in scores) + f" | **{np.mean(scores):.3f}** |")
        log(f"  {name}: {np.mean(scores):.3f} {np.round(scores, 3)}")
    share = (results["stratified"] - results["grouped"]) / max(results["stratified"] - 1 / 3, 1e-9)
    lines += [
        "",
        f"Chance (macro-F1 of always one class or of guessing) is about 0.33 or below. Holding out whole outlets costs "
        f"{results['stratified'] - results['grouped']:.3f} macro-F1: about {100 * share:.0f}% of what the ungrouped model gains over "
        "chance comes from recognising outlets it has seen (their style, bylines, boilerplate) rather than from anything that carries "
        "over to a new outlet. Report the grouped figure.",
    ]
    # 3. time to train on 20,000 articles (the whole train(): features, TF-IDF, logistic regression, drivers)
    rng = np.random.default_rng(seed)
    idx = np.sort(rng.choice(len(texts), size=min(n_time, len(texts)), replace=False))
    sub_t = [texts[i] for i in idx]
    sub_y = y[idx]
    t0 = time.time()
    train(sub_t, sub_y, model=model, level="article", cv=None, n_jobs=jobs, n_examples=0)
    fit_s = time.time() - t0
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    lines += [
        "",
        f"Training time: `train(texts, labels, model={model!r}, level=\"article\", cv=None, n_jobs={jobs})` on {len(idx):,} articles "
        f"(fixed random subsample, seed {seed}) took **{fit_s / 60:.1f} min** on this machine ({os.cpu_count()} cores; load average "
        f"{load:.1f} at the end of the run, other work included). Target: under 5 minutes: **{'met' if fit_s < 300 else 'not met'}**. "
        "Cross-validation multiplies the TF-IDF and regression part by the number of folds (the toolkit's own features are computed "
        "once and reused across folds).",
    ]
    log(f"  train on {len(idx)}: {fit_s:.0f} s")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"), help="evaluation data folder (default: ../shared/data)")
    ap.add_argument("--jobs", type=int, default=2, help="processes for the toolkit's feature extraction (default: 2)")
    ap.add_argument("--bias-model", default="tfidf+lexicon", help="pipeline for Article-Bias-Prediction (default: tfidf+lexicon)")
    ap.add_argument("--time-n", type=int, default=20000, help="articles for the training-time measurement (default: 20000)")
    ap.add_argument("--skip-babe", action="store_true")
    ap.add_argument("--skip-bias", action="store_true")
    ap.add_argument("--no-write", action="store_true", help="print the section instead of writing docs/validation.md")
    args = ap.parse_args()
    data = Path(args.data)
    if not data.is_dir():
        log(f"evaluation data not found at {data}; nothing to validate")
        return 2
    parts = [
        "Classifiers trained and validated on human-labelled data that nobody on the team wrote; every number below comes from this "
        "run. Macro-F1 is the mean of the per-class F1 scores (every class counts alike)."
    ]
    if not args.skip_babe:
        parts.append(babe_section(data, args.jobs))
    if not args.skip_bias:
        parts.append(bias_section(data, args.jobs, args.bias_model, args.time_n))
    body = "\n\n".join(parts)
    command = "python bench/validate_classifiers.py" + (f" --bias-model {args.bias_model}" if args.bias_model != "tfidf+lexicon" else "")
    if args.no_write:
        print(body)
    else:
        path = write_section("Classifiers", command, body)
        log(f"wrote the Classifiers section of {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
