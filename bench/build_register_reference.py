"""Rebuild the reference of the register score (``framing/models/register_reference.json``).

Run from the repository root:

    python bench/build_register_reference.py [--data ../shared/data] [--per-outlet 12] [--max 1200]

The register score (:mod:`framing.analysis.registers`) compares an article with ordinary news.
"Ordinary news" is a fixed random sample of Article-Bias-Prediction (Baly et al. 2020; articles
listed by AllSides from US outlets left, centre and right), at most ``--per-outlet`` articles per
outlet so that no outlet dominates, never an article of the media-split test outlets (held out).
Every article is analysed by ``framing.analyze`` with the default lexicons, and each register's
Gamma prior is fitted by the method of moments to the counts in the outlet's own words:

    m      = sum(k) / sum(n)                         (pooled rate per word)
    s2     = (sum((k - m n)^2) - sum(m n)) / sum(n^2)  (between-article variance of the rate)
    beta   = min(m / s2, BETA_MAX),  alpha = m * beta  (s2 <= 0: beta = BETA_MAX)

The cap (1,000 words) keeps a register (nearly) absent from ordinary news from getting a prior so
certain that no article could move it.

A register never seen in the sample gets half a match over the whole sample as its mean, so that
the prior stays proper. The data is read at run time and never copied; only the fitted numbers
are written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing.analysis.article import iter_analyze
from framing.analysis.registers import BETA_MAX, REFERENCE_FILE
from framing.markers.lexicons import load_default_lexicons
from framing.types import Article

MODELS = ROOT / "framing" / "models"


def sample(data: Path, per_outlet: int, cap: int, seed: int = 7) -> list[dict[str, str]]:
    rows: dict[str, list[dict[str, str]]] = defaultdict(list)
    with gzip.open(data / "article_bias" / "articles.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r.get("split_media") == "test" or not (r.get("text") or "").strip():
                continue
            rows[r["source"]].append({"id": r["id"], "source": r["source"], "title": r.get("title") or "", "text": r["text"], "label": r["label"]})
    rng = random.Random(seed)
    picked: list[dict[str, str]] = []
    for source in sorted(rows):
        items = rows[source]
        rng.shuffle(items)
        picked += items[:per_outlet]
    rng.shuffle(picked)
    return picked[:cap]


def fit(counts: list[tuple[float, int]], n_total_words: int) -> dict[str, float]:
    k_sum = sum(k for k, _ in counts)
    n_sum = sum(n for _, n in counts)
    m = (k_sum if k_sum > 0 else 0.5) / max(n_sum, 1)
    s2 = (sum((k - m * n) ** 2 for k, n in counts) - sum(m * n for _, n in counts)) / max(sum(n * n for _, n in counts), 1)
    beta = BETA_MAX if s2 <= 0 else min(m / s2, BETA_MAX)  # the prior is worth at most BETA_MAX words
    alpha = m * beta
    share = sum(1 for k, _ in counts if k > 0) / max(len(counts), 1)
    return {"alpha": alpha, "beta": beta, "mean_per_1000": 1000 * m, "n_articles": len(counts), "share_with_a_match": round(share, 4), "matches": k_sum}


CARD = """# Reference of the register score (`register_reference.json`)

The Gamma prior of each register's rate in ordinary news, used by the register score
(`framing.analysis.registers`): a short article's score is pulled toward these rates until its own
matches are enough to move it, and an article is "clearly" in a register when its rate is likely
at least twice the reference mean. Plain JSON numbers.

- **Data**: Article-Bias-Prediction (Baly et al., EMNLP 2020; articles listed by AllSides, US
  outlets rated left, centre and right; license as in `../shared/data/LICENSES.md`), a fixed random
  sample of {n} articles from {outlets} outlets (at most {per_outlet} per outlet); the media-split
  test outlets are never read.
- **Method**: every article analysed by `framing.analyze` with the default lexicons (registers
  {lexicon_version}); counts in the outlet's own words; Gamma prior by the method of moments (see
  `bench/build_register_reference.py`).
- **Numbers** (per 1,000 own words; share of articles with at least one match):

| register | reference mean | share with a match | alpha | beta (words) |
|---|---|---|---|---|
{rows}

- **Limits**: US online news of 2012-2020; a register rare there (Marxist, state media) has a
  small reference mean, so a few matches make a short article "clear"; the wire-style register is
  common there, so "clear" asks for twice the common rate.
- **Rebuild**: `python bench/build_register_reference.py` ({date}).
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Rebuild framing/models/register_reference.json from Article-Bias-Prediction.")
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--per-outlet", type=int, default=12)
    ap.add_argument("--max", type=int, default=1200)
    args = ap.parse_args(argv)
    if not (args.data / "article_bias" / "articles.jsonl.gz").exists():
        print(f"no Article-Bias-Prediction data under {args.data}", file=sys.stderr)
        return 2
    rows = sample(args.data, args.per_outlet, args.max)
    lexicons = load_default_lexicons()
    keys = [k for k in lexicons.category_keys() if k.startswith("registers.")]
    articles = [Article(id=f"abp:{r['id']}", text=r["text"], title=r["title"] or None, outlet=r["source"]) for r in rows]
    counts: dict[str, list[tuple[float, int]]] = {k: [] for k in keys}
    total_words = 0
    for res in iter_analyze(articles, progress=True, total=len(articles)):
        words = res.n_outlet_words if res.n_outlet_words is not None else res.n_words
        total_words += words
        for k in keys:
            counts[k].append((float((res.markers.get(k) or {}).get("count") or 0), int(words)))
    fitted = {k: fit(counts[k], total_words) for k in keys}
    version = next(lx.version for lx in lexicons if lx.name == "registers")
    out = {
        "source": "Article-Bias-Prediction (Baly et al. 2020), non-test outlets, bench/build_register_reference.py",
        "lexicon_version": version,
        "n_articles": len(articles),
        "registers": fitted,
    }
    (MODELS / REFERENCE_FILE).write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    table = "\n".join(
        f"| {k.split('.', 1)[1]} | {v['mean_per_1000']:.3f} | {v['share_with_a_match']:.2f} | {v['alpha']:.3f} | {v['beta']:.0f} |" for k, v in fitted.items()
    )
    (MODELS / "register_reference.md").write_text(
        CARD.format(n=len(articles), outlets=len({r["source"] for r in rows}), per_outlet=args.per_outlet, lexicon_version=version, rows=table, date=dt.date.today().isoformat()),
        encoding="utf-8",
    )
    print(table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
