"""How the populist register's own-voice matches fall by the article's register profile, in the
Article-Bias-Prediction articles the fresh evidence rounds 3 and 4 were drawn from: the weights
that combine the two rounds into one precision at the populist gate (``validate_registers.py``,
"Hand-checked precision of the matches shown as register evidence").

The articles: train/valid records that trained neither the populist classifier nor the profile's
foreign-affairs rows, at least 100 words, with a populist phrase by the lexicon; shuffled with a
fixed seed, the first 1,400, less those an excerpt of which is a register research page (the
profile saw those). Bands of ``register_profile.p_nationalist_populist``: at least 0.8 (round 3's
stratum), 0.7-0.8 (round 4's), 0.5-0.7, under 0.5.

    python bench/register_strata.py [--data ../shared/data] [--pages /tmp/registers]

Writes ``bench/gold/register_precision/nationalist_populist_strata.json``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from train_register_classifier import MAINSTREAM, POPULIST, read_articles, select
from train_register_profile import FOREIGN, excerpt
from validate_registers import read_pages

import framing
from framing.markers.lexicons import load_default_lexicons
from framing.text.segment import segment
from framing.types import Article

REGISTER = "nationalist_populist"
SEED = 20261208  # the seed rounds 3 and 4 were drawn with
N_ARTICLES = 1400
OUT = ROOT / "bench" / "gold" / "register_precision" / f"{REGISTER}_strata.json"


def band(p: float) -> str:
    return "0.8-1" if p >= 0.8 else "0.7-0.8" if p >= 0.7 else "0.5-0.7" if p >= 0.5 else "0-0.5"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--pages", type=Path, default=Path("/tmp/registers"))
    args = ap.parse_args(argv)
    if not (args.data / "article_bias" / "articles.jsonl.gz").exists() or not args.pages.exists():
        print("needs Article-Bias-Prediction under --data and the register research pages under --pages", file=sys.stderr)
        return 2
    classifier_rows = {r["id"] for r in select(args.data, 300)[0]}
    lexicons = load_default_lexicons()
    candidates = []
    for r in read_articles(args.data):
        text = r.get("text") or ""
        if r["id"] in classifier_rows or len(text.split()) < 100:
            continue
        if (r["source"] in MAINSTREAM or r["source"] in POPULIST) and FOREIGN.search(excerpt(text)):
            continue  # may be one of the profile's foreign-affairs rows
        if any(m.lexicon == "registers" and m.category == REGISTER and not m.negated for m in lexicons.match(segment(text))):
            candidates.append((r["id"], text, r["source"]))
    random.Random(SEED).shuffle(candidates)
    seen_by_profile = {p["url"] for p in read_pages(args.pages) if str(p.get("url", "")).startswith("abp:")}
    articles = [Article(id="abp:" + i, text=t, outlet=s) for i, t, s in candidates[:N_ARTICLES] if "abp:" + i not in seen_by_profile]
    counts: Counter[str] = Counter()
    for res in framing.analyze(articles, progress=True):
        p = float(res.register_profile["proba"][REGISTER])
        counts.update(band(p) for m in res.matches if m.lexicon == "registers" and m.category == REGISTER and m.voice != "quote" and not m.negated)
    out = {"register": REGISTER, "seed": SEED, "articles": len(articles), "matches_by_profile_band": dict(sorted(counts.items()))}
    OUT.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
