"""Full analysis against the parse it stands on: CPU time of framing's analysis of N
Article-Bias-Prediction articles divided by the CPU time spaCy needs to parse the same texts with
the same pipeline (same components, same batches), measured batch by batch side by side in one
process (the order alternating), so that the machine's slower and faster stretches count for both.

The parse-layer issue's target: the ratio is at most 1.3 (everything framing does beyond the
parse - quotes, voice, actors, roles, lexicons, detectors, target sentiment, readability - costs
at most 30% of the parse).

    python bench/bench_parse.py                 # 2,000 articles, writes docs/performance.md
    python bench/bench_parse.py --articles 200 --no-write
    python bench/bench_parse.py --stages 300    # where the time beyond the parse goes

``--stages N`` splits the full analysis of the first N sampled articles side by side with the
peer: framing's own parse (``parse_many``: pieces, memory zone, conversion to framing's columns)
and each stage of ``analyze_article`` after it, each as a share of the peer's parse. A diagnosis
for whoever works on the ratio, not the benchmark's number: the per-stage timers add a little
overhead of their own.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
DATA = ROOT.parent / "shared" / "data" / "article_bias" / "articles.jsonl.gz"

from _validation_doc import PERFORMANCE, write_section

import framing.analysis.article as article_module
from framing.analysis.article import analyze_batch, default_gazetteer, default_lexicons, default_sentiment
from framing.analysis.provenance import build_provenance
from framing.text.parse import load_pipeline, parse_many, pipeline_info
from framing.types import Article

BATCH = 8
#: The stages of ``analyze_article`` that ``--stages`` times (names in framing.analysis.article).
STAGES = (
    "find_quote_spans", "find_quotes", "find_mentions", "link_speakers", "voice_labels", "detect", "marker_profile", "_score_mentions",
    "find_roles", "summarise_actors", "sentence_evidence", "profile_prediction", "readability", "_with_voice", "_outlet_words",
)


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


def side_by_side(articles: list[Article], nlp: Any, full: Callable[[list[Article]], Any]) -> tuple[float, float]:
    """CPU seconds of the peer (spaCy's parse) and of ``full`` over ``articles``: each batch parsed
    alone and analysed in full one right after the other, which goes first alternating, so that a
    slower or faster stretch of the machine counts for both."""
    parse_cpu = full_cpu = 0.0
    for n, k in enumerate(range(0, len(articles), BATCH)):
        batch = articles[k : k + BATCH]
        for step in ("parse", "full") if n % 2 == 0 else ("full", "parse"):
            t0 = time.process_time()
            if step == "parse":
                for _ in nlp.pipe([a.text for a in batch]):
                    pass
                parse_cpu += time.process_time() - t0
            else:
                full(batch)
                full_cpu += time.process_time() - t0
    return parse_cpu, full_cpu


def stages(articles: list[Article], nlp: Any, lex: Any, gz: Any, sent: Any, prov: Any) -> list[str]:
    """The peer's parse, framing's parse and each analysis stage of ``articles`` (CPU s, and as a
    share of the peer), measured batch by batch side by side as in the benchmark: Markdown lines."""
    spent: dict[str, float] = dict.fromkeys(STAGES, 0.0)

    def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            t0 = time.process_time()
            out = fn(*args, **kwargs)
            spent[name] += time.process_time() - t0
            return out

        return run

    for name in STAGES:
        setattr(article_module, name, timed(name, getattr(article_module, name)))
    cpu = {"ours": 0.0, "analysis": 0.0}

    def full(batch: list[Article]) -> None:
        t0 = time.process_time()
        docs = list(parse_many([a.text for a in batch], pipeline=nlp, batch_size=BATCH))
        t1 = time.process_time()
        cpu["ours"] += t1 - t0
        for a, d in zip(batch, docs, strict=True):
            article_module.analyze_article(a, lexicons=lex, gazetteer=gz, sentiment=sent, provenance=prov, doc=d)
        cpu["analysis"] += time.process_time() - t1

    peer, _ = side_by_side(articles, nlp, full)
    ours, analysis = cpu["ours"], cpu["analysis"]
    rest = analysis - sum(spent.values())
    rows = [("framing's own parse (`parse_many`: pieces, memory zone, framing's columns)", ours), ("analysis after the parse", analysis)]
    rows += [(f"&nbsp;&nbsp;`{name}`", secs) for name, secs in sorted(spent.items(), key=lambda kv: -kv[1])]
    rows.append(("&nbsp;&nbsp;other (lexicon matching, results)", rest))
    lines = [
        f"The first {len(articles):,} articles of the benchmark's sample, measured as the benchmark measures (batch by batch beside the "
        f"peer); each row in CPU s and as a share of the peer's parse ({peer:.1f} s). A diagnosis, not the benchmark's number: the "
        "per-stage timers cost a little themselves, and runs of a few hundred articles vary by a few hundredths.",
        "",
        "| | CPU s | share of the peer's parse |",
        "|---|---:|---:|",
        *(f"| {label} | {secs:.2f} | {secs / peer:.3f} |" for label, secs in rows),
        "",
        f"Ratio (framing's parse + analysis) / peer: **{(ours + analysis) / peer:.3f}**.",
    ]
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--no-write", action="store_true", help="print the numbers, do not update docs/performance.md")
    ap.add_argument("--stages", type=int, metavar="N", help="instead: split the time of the first N sampled articles by stage (its own section of docs/performance.md)")
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
    if args.stages:
        text = "\n".join(stages(articles[: args.stages], nlp, lex, gz, sent, prov))
        print(text)
        if not args.no_write:
            write_section("Where the time beyond the parse goes", f"python bench/bench_parse.py --stages {args.stages}", text, doc=PERFORMANCE)
        return

    parse_cpu, full_cpu = side_by_side(articles, nlp, lambda batch: analyze_batch(batch, lexicons=lex, gazetteer=gz, sentiment=sent, provenance=prov, pipeline=nlp))

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
