"""Throughput of the full analysis against a peer chain doing less work, in the same run.

    python bench/bench_throughput.py [--articles 2000] [--data ../shared/data] [--scaling] [--full-corpus]

Texts: a fixed 2,000-article sample of Article-Bias-Prediction (seed 5), or the example corpus
repeated when the data is absent. All timings are single-process (per core) unless stated.

* ``framing``: the full per-article analysis (segmentation, all lexicons and detectors, actors
  with target sentiment per mention, quotes and roles, seven readability measures);
* ``peer chain``: VADER (the ``vaderSentiment`` package) on every sentence, three textstat
  measures (Flesch reading ease, Flesch-Kincaid grade, Gunning fog) and Empath's category
  analysis (``Empath().analyze(text, normalize=True)``);
* ``floor``: tokenising and sentence splitting plus one multi-pattern scan of all lexicons, the
  least any lexicon analysis must do.

``--scaling`` also times ``framing analyze`` (the engine) with 1 and 2 worker processes on the same
sample. ``--full-corpus`` instead runs ``framing analyze`` over the whole corpus with 2 workers in a
child process and samples the summed memory (PSS) of the engine and its workers (psutil).
Writes the "Full analysis throughput" or the "Whole corpus and peak memory" section of
docs/performance.md.

Single-process contenders are timed in CPU seconds of the process (``time.process_time``), so
the ratios are per core and other jobs on the machine do not distort them; the engine runs are
timed by the wall clock, since they span several processes.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import tempfile
import time

CLOCK = time.process_time  # CPU seconds of this process: per core, and robust to other jobs on the machine
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import framing
from framing.types import Article


def sample(data: Path, n: int) -> tuple[list[dict], str]:
    path = data / "article_bias" / "articles.jsonl.gz"
    if path.exists():
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh]
        random.Random(5).shuffle(rows)
        # the train and valid splits only: the media split's held-out outlets are never read
        rows = [r for r in rows if r.get("text") and r.get("split_media") in ("train", "valid")][:n]
        return rows, f"{len(rows)} Article-Bias-Prediction train/valid articles (random sample, seed 5)"
    base = [{"id": a.id, "text": a.text, "source": a.outlet, "title": a.title} for a in framing.load(ROOT / "examples" / "corpus")]
    rows = [{**b, "id": f"{b['id']}-{i}"} for i in range(n // len(base) + 1) for b in base][:n]
    return rows, f"the example corpus repeated to {n} articles"


def time_framing(rows: list[dict]) -> float:
    from framing.analysis.article import analyze_batch, default_gazetteer, default_lexicons, default_sentiment
    from framing.analysis.provenance import build_provenance
    from framing.text.parse import load_pipeline

    lex, gz, sent, nlp = default_lexicons(), default_gazetteer(), default_sentiment(), load_pipeline()
    prov = build_provenance(lex, gz, sent)
    arts = [Article(id=r["id"], text=r["text"], outlet=r.get("source"), title=r.get("title")) for r in rows]
    analyze_batch(arts[:8], lexicons=lex, gazetteer=gz, sentiment=sent, provenance=prov, pipeline=nlp)  # warm caches
    t = CLOCK()
    for k in range(0, len(arts), 8):  # parsed in batches of 8, as a run does
        analyze_batch(arts[k : k + 8], lexicons=lex, gazetteer=gz, sentiment=sent, provenance=prov, pipeline=nlp)
    return CLOCK() - t


def time_peer(rows: list[dict]) -> float:
    import textstat
    from empath import Empath
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from framing.resources import patch_textstat_offline
    from framing.text.segment import sentence_spans

    patch_textstat_offline()
    vader, empath = SentimentIntensityAnalyzer(), Empath()
    t = CLOCK()
    for r in rows:
        text = r["text"]
        for s, e in sentence_spans(text):
            vader.polarity_scores(text[s:e])
        textstat.flesch_reading_ease(text)
        textstat.flesch_kincaid_grade(text)
        textstat.gunning_fog(text)
        empath.analyze(text, normalize=True)
    return CLOCK() - t


def time_floor(rows: list[dict]) -> float:
    from framing.markers.lexicons import load_default_lexicons
    from framing.text.segment import segment

    lex = load_default_lexicons()
    lex.match(segment("warm up"))
    t = CLOCK()
    for r in rows:
        lex.match(segment(r["text"]))
    return CLOCK() - t


def time_engine(rows: list[dict], workers: int, tmp: Path) -> float:
    from framing.run.engine import run

    corpus = tmp / "sample.jsonl"
    if not corpus.exists():
        with open(corpus, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps({"id": r["id"], "text": r["text"], "outlet": r.get("source"), "title": r.get("title")}) + "\n" for r in rows)
    t = time.perf_counter()
    run([str(corpus)], tmp / f"out{workers}", workers=workers, progress=False, parquet=False, restart=True)
    return time.perf_counter() - t


def full_corpus(data: Path, workers: int) -> str:
    """``framing analyze`` on the whole corpus in a child process, its memory sampled meanwhile.

    The proportional set size (PSS) of the whole process tree (the engine and its workers) is
    summed every 0.2 s; the peak of that sum is what the machine must have. Failures are listed
    by reason.
    """
    import collections
    import subprocess
    import threading

    import psutil

    source = data / "article_bias" / "articles.jsonl.gz"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "full"
        # the train and valid splits only: the media split's held-out outlets are never read
        corpus = Path(tmp) / "articles.jsonl.gz"
        with gzip.open(source, "rt", encoding="utf-8") as src, gzip.open(corpus, "wt", encoding="utf-8") as dst:
            for line in src:
                if json.loads(line).get("split_media") in ("train", "valid"):
                    dst.write(line)
        cmd = [sys.executable, "-m", "framing.cli.app", "analyze", str(corpus), "--out", str(out), "--workers", str(workers), "--no-progress"]
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        peak = {"total": 0.0, "largest": 0.0, "procs": 0, "analysis": 0.0, "engine_alone": 0.0}

        def sample() -> None:
            parent = psutil.Process(proc.pid)
            while proc.poll() is None:
                try:
                    tree = [parent, *parent.children(recursive=True)]
                    # PSS: pages shared by the forked workers count once, split among them (RSS
                    # would count the imported libraries once per process)
                    rss = [p.memory_full_info().pss / 2**20 for p in tree]
                except psutil.Error:
                    continue
                if sum(rss) > peak["total"]:
                    peak.update(total=sum(rss), procs=len(rss))
                # while workers run (the analysis) and when the engine is alone (reading the
                # input at the start, the report at the end): the two peaks have different causes
                phase = "analysis" if len(rss) > 1 else "engine_alone"
                peak[phase] = max(peak[phase], sum(rss))
                peak["largest"] = max(peak["largest"], max(rss))
                time.sleep(0.2)

        th = threading.Thread(target=sample, daemon=True)
        th.start()
        log_text, _ = proc.communicate()
        th.join()
        seconds = time.perf_counter() - t
        if proc.returncode not in (0, 1):  # 1: some inputs failed, reported below
            raise SystemExit(f"framing analyze failed ({proc.returncode}):\n{log_text}")
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        summary = manifest["summary"]
        reasons = collections.Counter()
        for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                reasons[json.loads(line).get("reason", "?")[:90]] += 1
    lines = [
        f"Command run: `framing analyze {corpus.name} --out DIR --workers {workers}` on the train and valid splits of Article-Bias-Prediction "
        f"({summary['analysed'] + summary['failed']:,} records; the media split's held-out outlets are left out).",
        "",
        f"- Analysed {summary['analysed']:,}, failed {summary['failed']}, duplicates flagged {summary.get('duplicates', 0)}; "
        f"{seconds:.0f} s wall clock ({summary['analysed'] / seconds:.1f} articles/s).",
        f"- Peak memory of the whole run (proportional set size of the engine plus its workers, summed, sampled every 0.2 s): **{peak['total']:.0f} MB** "
        f"over {peak['procs']} processes; the largest single process peaked at {peak['largest']:.0f} MB. Target: under 1 GB "
        f"(1,024 MB): **{'met' if peak['total'] < 1024 else 'not met'}**.",
        f"- By phase: {peak['analysis']:.0f} MB while the workers analysed (engine and workers summed), "
        f"{peak['engine_alone']:.0f} MB with the engine alone (reading the input first, building the report on its sample last).",
    ]
    if reasons:
        lines += ["", "Failures by reason (each in errors.jsonl with its record number):", ""]
        lines += [f"- {n} x {r}" for r, n in reasons.most_common(10)]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=2000, help="sample size for the throughput table (default: 2000)")
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--scaling", action="store_true", help="also time the engine with 1 and 2 workers on the sample")
    ap.add_argument("--full-corpus", action="store_true", help="only analyse the whole corpus with 2 workers and report peak memory")
    ap.add_argument("--no-write", action="store_true", help="print instead of writing docs/performance.md")
    args = ap.parse_args()
    if args.full_corpus:
        body = full_corpus(args.data, 2)
        print(body)
        if not args.no_write:
            from _validation_doc import PERFORMANCE, write_section

            write_section("Whole corpus and peak memory", "python bench/bench_throughput.py --full-corpus", body, doc=PERFORMANCE)
        return
    rows, what = sample(args.data, args.articles)
    mb = sum(len(r["text"].encode()) for r in rows) / 1e6
    n = len(rows)
    t_fr = time_framing(rows)
    t_peer = time_peer(rows)
    t_floor = time_floor(rows)
    lines = [
        f"Texts: {what}, {mb:.2f} MB. Single process; seconds are CPU seconds of that process (per core; other jobs on the machine do not count).",
        "",
        "| contender | seconds | articles/s | MB/s | vs framing |",
        "|---|---|---|---|---|",
        f"| framing: full analysis | {t_fr:.1f} | {n / t_fr:.1f} | {mb / t_fr:.3f} | 1.00x |",
        f"| peer chain: VADER per sentence + 3 textstat + Empath | {t_peer:.1f} | {n / t_peer:.1f} | {mb / t_peer:.3f} | framing is **{t_peer / t_fr:.2f}x** as fast |",
        f"| floor: tokenise + one scan of all lexicons | {t_floor:.1f} | {n / t_floor:.1f} | {mb / t_floor:.3f} | floor is {t_fr / t_floor:.1f}x faster than framing |",
    ]
    if args.scaling:
        with tempfile.TemporaryDirectory() as tmp:
            t1 = time_engine(rows, 1, Path(tmp))
            t2 = time_engine(rows, 2, Path(tmp))
        lines += [
            "",
            "Engine (`framing.run.engine.run`, reading, duplicate checks and writing included; wall clock):",
            "",
            "| workers | seconds | articles/s | speed-up |",
            "|---|---|---|---|",
            f"| 1 | {t1:.1f} | {n / t1:.1f} | 1.00x |",
            f"| 2 | {t2:.1f} | {n / t2:.1f} | {t1 / t2:.2f}x |",
        ]
    body = "\n".join(lines)
    print(body)
    if not args.no_write:
        from _validation_doc import PERFORMANCE, write_section

        cmd = "python bench/bench_throughput.py --articles " + str(args.articles) + (" --scaling" if args.scaling else "")
        write_section("Full analysis throughput", cmd, body, doc=PERFORMANCE)


if __name__ == "__main__":
    main()
