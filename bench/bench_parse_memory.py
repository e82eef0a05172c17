"""What the parse costs in memory, and what parsing in pieces changes.

Three measurements, each in a fresh child process (a heap that grew once does not shrink, so
settings measured one after another in one process would hide each other's peaks):

1. the peak resident memory above the loaded pipeline while 160 Article-Bias-Prediction
   train/valid articles are parsed in batches of 8 texts, for the old setting (pieces of up to
   100,000 characters, 8 at a time) and the current one (``CHUNK_CHARS`` and ``PIPE_BATCH``), with
   the CPU time of each;
2. how many dependency arcs (label or head) of 60 long articles (over 6,000 characters) differ
   between a whole-text parse and the parse in pieces;
3. the time and memory of the full analysis of one long invented text (0.5 MB of words about
   tariffs), the cost behind the default ``--max-article-mb``.

    python bench/bench_parse_memory.py            # writes "Parse memory" in docs/performance.md
    python bench/bench_parse_memory.py --no-write
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
DATA = ROOT.parent / "shared" / "data" / "article_bias" / "articles.jsonl.gz"

from _validation_doc import PERFORMANCE, write_section


def _texts(n: int, *, min_chars: int = 0) -> list[str]:
    """The first ``n`` train/valid texts of at least ``min_chars`` characters, in file order."""
    out = []
    with gzip.open(DATA, "rt", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d.get("split_media") in ("train", "valid") and len(d.get("text") or "") >= max(min_chars, 1):
                out.append(d["text"])
                if len(out) >= n:
                    break
    return out


class _Peak:
    """The peak resident memory of this process, sampled every 2 ms on a thread."""

    def __init__(self) -> None:
        import psutil

        self._proc = psutil.Process()
        self.peak = 0
        threading.Thread(target=self._sample, daemon=True).start()

    def now(self) -> int:
        return int(self._proc.memory_info().rss >> 20)

    def _sample(self) -> None:
        while True:
            self.peak = max(self.peak, self.now())
            time.sleep(0.002)


def _child_parse(chunk: int, pipe_batch: int) -> dict[str, Any]:
    import framing.text.parse as tp

    texts = _texts(176)
    nlp = tp.load_pipeline(None)
    tp.CHUNK_CHARS, tp.PIPE_BATCH = chunk, pipe_batch
    list(tp.parse_many(texts[:16], pipeline=nlp))  # warm up
    peak = _Peak()
    time.sleep(0.1)
    base, peak.peak = peak.now(), 0
    t0 = time.process_time()
    for k in range(16, 176, 32):
        list(tp.parse_many(texts[k : k + 32], pipeline=nlp, batch_size=8))
    return {"cpu": time.process_time() - t0, "peak_above_base": peak.peak - base}


def _child_arcs() -> dict[str, Any]:
    import framing.text.parse as tp

    texts = _texts(60, min_chars=6000)
    nlp = tp.load_pipeline(None)
    pieces = tp.CHUNK_CHARS
    tp.CHUNK_CHARS = 1_000_000
    whole = list(tp.parse_many(texts, pipeline=nlp))
    tp.CHUNK_CHARS = pieces
    cut = list(tp.parse_many(texts, pipeline=nlp))
    tokens = sum(d.n_tokens for d in whole)
    same_tokens = all(a.tokens == b.tokens and a.starts == b.starts for a, b in zip(whole, cut, strict=True))
    arcs = sum(1 for a, b in zip(whole, cut, strict=True) for i in range(a.n_tokens) if (a.deps[i], a.heads[i]) != (b.deps[i], b.heads[i]))
    return {"tokens": tokens, "arcs_differ": arcs, "same_tokens": same_tokens}


def _child_long(mb: float) -> dict[str, Any]:
    from framing.analysis.article import analyze_article, default_gazetteer, default_lexicons, default_sentiment
    from framing.types import Article

    rng = random.Random(0)
    words = ["the", "minister", "said", "Canada", "and", "China", "would", "sign", "a", "trade", "deal", "on", "tariffs", "for", "canola", "while", "Trump", "threatened", "new", "duties", "on", "steel", "and", "the", "market", "fell"]
    paras, size = [], 0
    while size < mb * 2**20:
        p = " ".join(" ".join(rng.choice(words) for _ in range(14)).capitalize() + "." for _ in range(5))
        paras.append(p)
        size += len(p) + 2
    lex, gz, sent = default_lexicons(), default_gazetteer(), default_sentiment()
    analyze_article(Article(id="warm", text=paras[0]), lexicons=lex, gazetteer=gz, sentiment=sent)
    peak = _Peak()
    time.sleep(0.1)
    base, peak.peak = peak.now(), 0
    t0 = time.perf_counter()
    r = analyze_article(Article(id="long", text="\n\n".join(paras)), lexicons=lex, gazetteer=gz, sentiment=sent)
    return {"seconds": time.perf_counter() - t0, "peak_above_base": peak.peak - base, "words": r.n_words}


def _run_child(*args: str) -> dict[str, Any]:
    out = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-write", action="store_true", help="print the numbers, do not update docs/performance.md")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        kind, *rest = args.child
        result = {"parse": lambda: _child_parse(int(rest[0]), int(rest[1])), "arcs": _child_arcs, "long": lambda: _child_long(float(rest[0]))}[kind]()
        print(json.dumps(result))
        return
    if not DATA.is_file():
        sys.exit(f"{DATA} is missing: this benchmark needs ../shared/data (see its README)")
    from framing.text.parse import CHUNK_CHARS, PIPE_BATCH

    rows = []
    settings = [(100_000, 8), (CHUNK_CHARS, 8), (CHUNK_CHARS, 2), (CHUNK_CHARS, PIPE_BATCH)]
    for chunk, batch in dict.fromkeys(settings):  # each setting once (2 is the one before 4)
        r = _run_child("parse", str(chunk), str(batch))
        rows.append(f"| {chunk:,} characters, {batch} at a time | +{r['peak_above_base']} MB | {r['cpu']:.1f} |")
    arcs = _run_child("arcs")
    long = _run_child("long", "0.5")
    text = "\n".join(
        [
            "Peak resident memory above the loaded pipeline while 160 Article-Bias-Prediction train/valid articles are parsed "
            "(batches of 8 texts; each setting in a fresh process):",
            "",
            "| pieces the parser takes | peak memory | CPU s |",
            "|---|---:|---:|",
            *rows,
            "",
            f"Parsing in pieces of {CHUNK_CHARS:,} characters changes {arcs['arcs_differ']} of {arcs['tokens']:,} dependency arcs "
            f"(label or head) of 60 long articles (over 6,000 characters) against a whole-text parse; tokens and offsets are "
            f"{'identical' if arcs['same_tokens'] else 'NOT identical'}.",
            "",
            f"Full analysis of one invented 0.5 MB text ({long['words']:,} words): {long['seconds']:.0f} s and "
            f"+{long['peak_above_base']} MB at its peak; time and memory grow with the length, which is why "
            "`--max-article-mb` defaults to 1 MB of text.",
        ]
    )
    print(text)
    if not args.no_write:
        write_section("Parse memory", "python bench/bench_parse_memory.py", text, doc=PERFORMANCE)


if __name__ == "__main__":
    main()
