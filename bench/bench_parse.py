"""Full analysis against the parse it stands on: CPU time of framing's analysis of N
Article-Bias-Prediction articles divided by the CPU time spaCy needs to parse the same texts with
the same pipeline (same components, same batches), measured batch by batch side by side in one
process (the order alternating), so that the machine's slower and faster stretches count for both.

The parse-layer issue's target: the ratio is at most 1.3 (everything framing does beyond the
parse - quotes, voice, actors, roles, lexicons, detectors, target sentiment, readability - costs
at most 30% of the parse).

    python bench/bench_parse.py                 # 2,000 articles, writes docs/performance.md
    python bench/bench_parse.py --articles 200 --no-write
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
DATA = ROOT.parent / "shared" / "data" / "article_bias" / "articles.jsonl.gz"

from _validation_doc import PERFORMANCE, write_section

from framing.analysis.article import analyze_batch, default_gazetteer, default_lexicons, default_sentiment
from framing.analysis.provenance import build_provenance
from framing.text.parse import load_pipeline, pipeline_info
from framing.types import Article

BATCH = 8


def sample(n: int, seed: int = 0) -> list[Article]:
    """``n`` articles drawn at random (fixed seed) from the train and valid splits."""
    rows = []
    with gzip.open(DATA, "rt", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d.get("split_media") in ("train", "valid") and d.get("text"):
                rows.append((d["id"], d["text"], d.get("source")))
    random.Random(seed).shuffle(rows)
    return [Article(id=i, text=t, outlet=s) for i, t, s in rows[:n]]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--no-write", action="store_true", help="print the numbers, do not update docs/performance.md")
    args = ap.parse_args()
    if not DATA.is_file():
        sys.exit(f"{DATA} is missing: this benchmark needs ../shared/data (see its README)")
    articles = sample(args.articles)
    n_words = sum(len(a.text.split()) for a in articles)
    nlp = load_pipeline()
    lex, gz, sent = default_lexicons(), default_gazetteer(), default_sentiment()
    prov = build_provenance(lex, gz, sent)
    # warm up both (lazy model pieces, caches), then measure each on every article
    list(nlp.pipe([a.text for a in articles[:BATCH]]))
    analyze_batch(articles[:BATCH], lexicons=lex, gazetteer=gz, sentiment=sent, provenance=prov, pipeline=nlp)

    # side by side: each batch parsed alone and analysed in full one right after the other (which
    # goes first alternates), so a slower or faster stretch of the machine counts for both
    parse_cpu = full_cpu = 0.0
    for n, k in enumerate(range(0, len(articles), BATCH)):
        batch = articles[k : k + BATCH]
        for step in (("parse", "full") if n % 2 == 0 else ("full", "parse")):
            t0 = time.process_time()
            if step == "parse":
                for _ in nlp.pipe([a.text for a in batch]):
                    pass
                parse_cpu += time.process_time() - t0
            else:
                analyze_batch(batch, lexicons=lex, gazetteer=gz, sentiment=sent, provenance=prov, pipeline=nlp)
                full_cpu += time.process_time() - t0

    ratio = full_cpu / parse_cpu
    info = pipeline_info()
    lines = [
        f"{len(articles):,} Article-Bias-Prediction articles ({n_words:,} words), one process, batches of {BATCH}, "
        f"CPU seconds of the process (`time.process_time`), {os.cpu_count()} cores on the machine.",
        "",
        "| | CPU s | articles/s | words/s |",
        "|---|---:|---:|---:|",
        f"| peer: spaCy parse alone ({info['name']} {info['version']}, same components) | {parse_cpu:.1f} | {len(articles) / parse_cpu:.1f} | {n_words / parse_cpu:,.0f} |",
        f"| framing: full analysis (parse, quotes, voice, actors, roles, lexicons, detectors, sentiment, readability) | {full_cpu:.1f} | {len(articles) / full_cpu:.1f} | {n_words / full_cpu:,.0f} |",
        "",
        f"Ratio full analysis / parse: **{ratio:.2f}** (target at most 1.3).",
    ]
    text = "\n".join(lines)
    print(text)
    if not args.no_write:
        command = "python bench/bench_parse.py" + (f" --articles {args.articles}" if args.articles != 2000 else "")
        write_section("Analysis against the parse", command, text, doc=PERFORMANCE)


if __name__ == "__main__":
    main()
