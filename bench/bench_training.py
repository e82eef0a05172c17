"""Time to train the article-level classifier on 20,000 articles, against a plain scikit-learn peer.

    python bench/bench_training.py [--articles 20000] [--jobs 2] [--data ../shared/data] [--no-write]

Texts: a fixed random subsample (seed 0) of Article-Bias-Prediction (title and text), labels
left/center/right, exactly as in ``bench/validate_classifiers.py``. Two contenders, timed by the
wall clock in the same run on the whole machine:

* ``framing``: ``framing.ml.training.train(texts, labels, model="tfidf+lexicon", level="article",
  cv=None, n_jobs=JOBS)``: TF-IDF, the toolkit's lexicon features (computed in JOBS processes),
  logistic regression, the features that drive each class;
* ``peer``: scikit-learn ``TfidfVectorizer`` + ``LogisticRegression`` with default settings, the
  least a text classifier does.

The issue's target: training on 20,000 articles finishes in under 5 minutes on this machine's two
cores. Writes the "Classifier training" section of docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from validate_classifiers import load_bias


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=20000, help="articles to train on (default: 20000)")
    ap.add_argument("--jobs", type=int, default=2, help="processes for the toolkit's features (default: 2)")
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--no-write", action="store_true", help="print the section instead of writing docs/performance.md")
    args = ap.parse_args()
    if not (args.data / "article_bias" / "articles.jsonl.gz").exists():
        print(f"Article-Bias-Prediction not found under {args.data}; nothing to time", file=sys.stderr)
        return 2
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline as sk_pipeline

    from framing.ml.training import train

    rows = load_bias(args.data)
    texts = [((r.get("title") or "") + "\n" + r["text"]).strip() for r in rows]
    y = np.array([r["label"] for r in rows], dtype=object)
    idx = np.sort(np.random.default_rng(0).choice(len(texts), size=min(args.articles, len(texts)), replace=False))
    sub_t, sub_y = [texts[i] for i in idx], y[idx]
    mb = sum(len(t.encode()) for t in sub_t) / 1e6

    t0 = time.perf_counter()
    sk_pipeline(TfidfVectorizer(), LogisticRegression(max_iter=1000)).fit(sub_t, sub_y)
    t_peer = time.perf_counter() - t0
    t0 = time.perf_counter()
    train(sub_t, sub_y, model="tfidf+lexicon", level="article", cv=None, n_jobs=args.jobs, n_examples=0)
    t_fr = time.perf_counter() - t0
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")

    body = "\n".join(
        [
            f"Texts: {len(idx):,} Article-Bias-Prediction articles (fixed random subsample, seed 0; title and text), {mb:.1f} MB; "
            f"labels left/center/right. Wall clock on the whole machine ({os.cpu_count()} cores; load average {load:.1f} at the end).",
            "",
            "| contender | seconds | minutes | articles/s |",
            "|---|---|---|---|",
            f"| framing `train(model=\"tfidf+lexicon\", level=\"article\", cv=None, n_jobs={args.jobs})` | {t_fr:.0f} | **{t_fr / 60:.1f}** | {len(idx) / t_fr:.0f} |",
            f"| peer: scikit-learn TfidfVectorizer + LogisticRegression | {t_peer:.0f} | {t_peer / 60:.1f} | {len(idx) / t_peer:.0f} |",
            "",
            f"framing takes {t_fr / t_peer:.1f}x the peer's time: the difference is the toolkit's lexicon features (every lexicon "
            f"matched in every article) and the report of driving features. Target: under 5 minutes for 20,000 articles: "
            f"**{'met' if t_fr < 300 and len(idx) >= 20000 else 'not met'}**.",
        ]
    )
    print(body)
    if not args.no_write:
        from _validation_doc import PERFORMANCE, write_section

        cmd = "python bench/bench_training.py" + (f" --articles {args.articles}" if args.articles != 20000 else "") + (f" --jobs {args.jobs}" if args.jobs != 2 else "")
        write_section("Classifier training", cmd, body, doc=PERFORMANCE)
    return 0


if __name__ == "__main__":
    sys.exit(main())
