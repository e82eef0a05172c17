"""Report rendering on a large corpus: time and size of the comparison report for 5,000 articles.

    python bench/bench_report.py [--articles 5000] [--data ../shared/data]

Analyses a fixed random sample of Article-Bias-Prediction articles (the example corpus repeated
when the data is absent; analysis is not timed), then times ``compare`` plus the HTML rendering,
and the PDF rendering, and reports the file sizes. Targets (issue tracker): under a minute and
under 15 MB for 5,000 articles. The peer, measured in the same run, is pandas writing the plain
per-article table to HTML (``DataFrame.to_html``): the least a report could do.
Also runs ``framing report DIR --sample 0`` (every article, HTML only) in a child process on the
same results and reports its peak resident memory: what a report over all articles costs per
article. Writes a section to docs/performance.md.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import framing
from framing.types import Article


def sample_articles(data: Path, n: int) -> tuple[list[Article], str]:
    path = data / "article_bias" / "articles.jsonl.gz"
    if path.exists():
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh]
        random.Random(11).shuffle(rows)
        arts = [
            Article(id=r["id"], text=r["text"], title=r.get("title"), outlet=r.get("source"), published=r.get("date"), meta={"topic": r.get("topic")})
            for r in rows[:n]
            if r.get("text")
        ]
        return arts, f"{len(arts)} Article-Bias-Prediction articles (random sample, seed 11)"
    base = list(framing.load(ROOT / "examples" / "corpus"))
    arts = [Article(id=f"{a.id}-{i}", text=a.text, title=a.title, outlet=a.outlet, published=a.published) for i in range(n // len(base) + 1) for a in base][:n]
    return arts, f"the example corpus repeated to {n} articles"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    arts, what = sample_articles(args.data, args.articles)
    t = time.perf_counter()
    results = framing.analyze(arts, progress=True)
    t_analyse = time.perf_counter() - t

    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        frame = results.to_frame()
        peer_html = frame.to_html()
        Path(tmp, "peer.html").write_text(peer_html, encoding="utf-8")
        t_peer = time.perf_counter() - t

        t = time.perf_counter()
        comp = framing.compare(results)
        t_compare = time.perf_counter() - t
        t = time.perf_counter()
        html = framing.report.html(comp, Path(tmp, "report.html"))
        t_html = time.perf_counter() - t
        t = time.perf_counter()
        comp.to_pdf(str(Path(tmp, "report.pdf")))
        t_pdf = time.perf_counter() - t
        size_html = len(html.encode()) / 1e6
        size_pdf = Path(tmp, "report.pdf").stat().st_size / 1e6
        size_peer = len(peer_html.encode()) / 1e6
        # a report over every article, as `framing report DIR --sample 0` makes it, in a child
        # process so that its peak memory is its own
        results.to_jsonl(Path(tmp, "articles.jsonl"))
        t = time.perf_counter()
        cmd = [sys.executable, "-m", "framing.cli.app", "report", tmp, "--sample", "0", "--format", "html", "--out", str(Path(tmp, "all"))]
        subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
        t_all = time.perf_counter() - t
        rss_all = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # kB on Linux -> MB
    outlets = len({a.outlet for a in arts})
    lines = [
        f"Corpus: {what}, {outlets} outlets. Analysis (not timed here): {t_analyse:.0f} s.",
        "",
        "| step | seconds | size (MB) |",
        "|---|---|---|",
        f"| compare (statistics, distinctive terms, stories) | {t_compare:.1f} | |",
        f"| HTML report | {t_html:.1f} | {size_html:.1f} |",
        f"| compare + HTML (target: under 60 s, under 15 MB) | **{t_compare + t_html:.1f}** | **{size_html:.1f}** |",
        f"| PDF report | {t_pdf:.1f} | {size_pdf:.1f} |",
        f"| peer: pandas `to_html` of the article table | {t_peer:.1f} | {size_peer:.1f} |",
        "",
        f"Ratio compare + HTML / peer: {(t_compare + t_html) / max(t_peer, 1e-9):.1f}x the time of the bare table.",
        f"Articles shown in full in the report: {min(200, len(arts))} of {len(arts)} (the report says so); all evidence is in articles.jsonl.",
        "",
        f"`framing report DIR --sample 0` (every article, HTML) on these results: {t_all:.1f} s, peak resident memory "
        f"**{rss_all:,.0f} MB**, about {rss_all * 1024 / len(arts):,.0f} kB per article. `framing report` and "
        "`framing analyze` therefore report on a stratified sample above 1,500 articles by default.",
    ]
    body = "\n".join(lines)
    print(body)
    if not args.no_write:
        from _validation_doc import PERFORMANCE, write_section

        write_section("Report on a large corpus", f"python bench/bench_report.py --articles {args.articles}", body, doc=PERFORMANCE)


if __name__ == "__main__":
    main()
