"""Lexicon matching throughput, against two peers measured in the same run.

    python bench/bench_matching.py [--articles 100] [--data ../shared/data]

Texts: a fixed random sample of Article-Bias-Prediction articles from ``../shared/data`` (the
example corpus, repeated, when the data is absent). Tokenising and sentence splitting are done
once beforehand and not timed for any contender; what is timed is matching all built-in lexicons
(about 4,600 entries with phrases and globs) against every text.

Contenders:

* ``framing``: the token-trie matcher (``LexiconSet.match``), one pass for all lexicons;
* ``regex-per-entry``: the naive approach, one compiled regular expression per entry, each run
  over the whole text (``\\b`` word boundaries, globs as ``\\w*``);
* ``one-big-regex``: all entries of all lexicons as one alternation per lexicon (a strong peer:
  the regex engine's own trie), still without negation, sentence limits or overlap rules.

Prints MB/s and articles per second for each, and the ratio framing / peer. Results of the last
run are written to docs/performance.md.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import framing
from framing.markers.lexicons import load_default_lexicons
from framing.text.segment import segment


def load_texts(data: Path, n: int) -> tuple[list[str], str]:
    path = data / "article_bias" / "articles.jsonl.gz"
    if path.exists():
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            texts = [json.loads(line)["text"] for line in fh]
        random.Random(7).shuffle(texts)
        return texts[:n], f"{n} Article-Bias-Prediction articles (random sample, seed 7)"
    base = [a.text for a in framing.load(ROOT / "examples" / "corpus")]
    return (base * (n // len(base) + 1))[:n], f"the example corpus repeated to {n} articles"


def entry_regex(term: str) -> str:
    parts = []
    for chunk in term.split():
        parts.append(re.escape(chunk).replace(r"\*", r"[\w'’-]*"))
    return r"(?<![\w-])" + r"\s+".join(parts) + r"(?![\w-])"


def timed(fn, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()

    texts, what = load_texts(args.data, args.articles)
    mb = sum(len(t.encode()) for t in texts) / 1e6
    lexset = load_default_lexicons()
    n_entries = sum(len(lx.entries) for lx in lexset)
    docs = [segment(t) for t in texts]
    lexset.match(docs[0])  # build the trie outside the timing

    per_entry = []
    for lx in lexset:
        for e in lx.entries:
            per_entry.append(re.compile(entry_regex(e.term), 0 if e.case_sensitive else re.IGNORECASE))
    big = []
    for lx in lexset:
        alts = sorted((entry_regex(e.term) for e in lx.entries), key=len, reverse=True)
        big.append(re.compile("|".join(alts), re.IGNORECASE))

    counts = {}

    def run_framing() -> None:
        counts["framing"] = sum(len(lexset.match(d)) for d in docs)

    def run_per_entry() -> None:
        counts["regex-per-entry"] = sum(sum(1 for _ in p.finditer(t)) for t in texts for p in per_entry)

    def run_big() -> None:
        counts["one-big-regex"] = sum(sum(1 for _ in p.finditer(t)) for t in texts for p in big)

    t_fr = timed(run_framing)
    t_pe = timed(run_per_entry, repeat=1)
    t_big = timed(run_big)
    rows = [
        ("framing (token trie)", t_fr, counts["framing"]),
        ("regex-per-entry", t_pe, counts["regex-per-entry"]),
        ("one-big-regex", t_big, counts["one-big-regex"]),
    ]
    lines = [
        f"Texts: {what}, {mb:.2f} MB; {n_entries} lexicon entries in {len(lexset)} lexicons. Tokenising not timed.",
        "",
        "| contender | seconds | MB/s | articles/s | matches | framing speed-up |",
        "|---|---|---|---|---|---|",
    ]
    for name, t, c in rows:
        lines.append(f"| {name} | {t:.2f} | {mb / t:.2f} | {len(texts) / t:.0f} | {c} | {t / t_fr:.1f}x |")
    body = "\n".join(lines)
    print(body)
    if not args.no_write:
        sys.path.insert(0, str(ROOT / "bench"))
        from _validation_doc import PERFORMANCE, write_section

        write_section("Lexicon matching", f"python bench/bench_matching.py --articles {args.articles}", body, doc=PERFORMANCE)

if __name__ == "__main__":
    main()
