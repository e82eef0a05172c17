"""The interactive term plot on a large corpus, side by side with Scattertext on the same two groups.

    python bench/bench_term_plot.py [--articles 5000] [--data ../shared/data] [--repeat 3] [--no-write]

Reads the first ``--articles`` train/valid records of Article-Bias-Prediction (the media-split
test outlets are skipped as the file is read) whose outlet AllSides rates left or right, and sets
the two groups of outlets against each other: "left-rated outlets" and "right-rated outlets".
For framing (``framing.report.term_plot``) and for Scattertext (``produce_scattertext_explorer``
with its defaults and its fastest tokeniser, ``whitespace_nlp_with_sentences``, and the d3
scripts it loads from CDNs inlined from its own package so it too works offline; the ``bench``
extra installs it) it measures the time to build the page, the file size, and the time until the
page is drawn in headless Chromium (navigation start to the later of the load event and the first
frame on which the plot's points exist), the median of ``--repeat`` opens. Targets (issue #19):
under 15 MB and under 5 s. Writes a section to docs/performance.md.

Scattertext 0.2.2 pins scipy<1.14 (pip then takes scipy and numpy back to 1.13 and 2.2): install it
with ``pip install -e ".[bench]"`` in a virtual environment of its own, not in the one you work in.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _chromium import Browser, BrowserError
from _validation_doc import PERFORMANCE, write_section

import framing
from framing.types import Article

SIDES = {"left": "left-rated outlets", "right": "right-rated outlets"}


def read_articles(data: Path, n: int) -> list[Article]:
    """The first ``n`` train/valid Article-Bias-Prediction articles from left- or right-rated outlets."""
    path = data / "article_bias" / "articles.jsonl.gz"
    if not path.exists():
        sys.exit(f"{path} is missing: this benchmark needs the Article-Bias-Prediction data (see ../shared/data/README.md)")
    arts = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r.get("split_media") not in ("train", "valid") or r.get("label") not in SIDES or not (r.get("text") or "").strip():
                continue
            arts.append(Article(id=str(r["id"]), text=r["text"], title=r.get("title"), outlet=r.get("source"), published=r.get("date"), meta={"side": SIDES[r["label"]]}))
            if len(arts) >= n:
                break
    return arts


def build_framing(arts: list[Article], out: Path) -> float:
    t = time.perf_counter()
    framing.report.term_plot(arts, out, groups=(SIDES["left"], SIDES["right"]), by="side")
    return time.perf_counter() - t


def build_scattertext(arts: list[Article], out: Path) -> float:
    import pandas as pd
    import scattertext as st

    t = time.perf_counter()
    df = pd.DataFrame({"side": [a.meta["side"] for a in arts], "text": [a.text for a in arts], "outlet": [a.outlet or "" for a in arts]})
    corpus = st.CorpusFromPandas(df, category_col="side", text_col="text", nlp=st.whitespace_nlp_with_sentences).build()
    page = st.produce_scattertext_explorer(
        corpus, category=SIDES["left"], category_name=SIDES["left"], not_category_name=SIDES["right"], metadata=df["outlet"], width_in_pixels=1000
    )
    out.write_text(offline(page), encoding="utf-8")
    return time.perf_counter() - t


def offline(page: str) -> str:
    """Scattertext's page with the d3 scripts it loads from CDNs inlined from the copies inside the
    scattertext package, and its empty d3fc script tag (a placeholder it leaves unfilled) dropped:
    self-contained and offline, as framing's page is."""
    import scattertext

    scripts = Path(scattertext.__file__).parent / "data" / "viz" / "scripts"
    tags = {
        '<script src="https://cdnjs.cloudflare.com/ajax/libs/d3/4.6.0/d3.min.js" charset="utf-8"></script>': scripts / "d3.min.js",
        '<script src="https://d3js.org/d3-scale-chromatic.v1.min.js" charset="utf-8"></script>': scripts / "d3-scale-chromatic.v1.min.js",
    }
    for tag, file in tags.items():
        if tag not in page:
            sys.exit(f"Scattertext's page no longer loads {file.name} as this benchmark expects; update offline()")
        page = page.replace(tag, "<script>" + file.read_text(encoding="utf-8") + "</script>", 1)
    return page.replace('<script src="<!--D3FCURL-->" charset="utf-8"></script>', "")


#: when each page is drawn: framing's plot marks itself ready after its first drawing; Scattertext's
#: d3 plot has drawn when its term circles exist
READY = {
    "framing": "document.querySelector('.termplot[data-ready]') !== null",
    "Scattertext": "document.querySelectorAll('circle').length > 100",
}


def open_times(page: Path, ready: str, repeat: int, timeout: float) -> tuple[list[float], list[str]]:
    """Seconds until drawn, per open (one open only when it takes over a minute); ``inf`` when the
    page was not drawn within ``timeout`` seconds."""
    times: list[float] = []
    with Browser() as b:
        for _ in range(repeat):
            try:
                times.append(b.open(page.resolve().as_uri(), ready=ready, timeout=timeout) / 1000)
            except BrowserError:
                times.append(float("inf"))
            if times[-1] > 60:  # one slow open says enough (and a page that never answered leaves the tab busy)
                break
        return times, b.errors


def _seconds(t: float, timeout: float) -> str:
    return f"not drawn within {timeout:.0f}" if t == float("inf") else f"{t:.2f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--repeat", type=int, default=3, help="opens per page; the median is reported")
    ap.add_argument("--timeout", type=float, default=600, help="seconds a page may take to be drawn before it counts as not drawn")
    ap.add_argument("--no-write", action="store_true", help="print only; leave docs/performance.md alone")
    args = ap.parse_args()
    arts = read_articles(args.data, args.articles)
    sizes = {s: sum(a.meta["side"] == s for a in arts) for s in SIDES.values()}
    mb = sum(len(a.text.encode()) for a in arts) / 1e6
    print(f"{len(arts)} articles ({', '.join(f'{k}: {v}' for k, v in sizes.items())}), {mb:.1f} MB of text", flush=True)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, build in (("framing", build_framing), ("Scattertext", build_scattertext)):
            page = Path(tmp) / f"{name}.html"
            built = build(arts, page)
            size = page.stat().st_size / 1e6
            print(f"{name}: built in {built:.1f} s, {size:.1f} MB; opening in Chromium ...", flush=True)
            times, errors = open_times(page, READY[name], args.repeat, args.timeout)
            rows.append({"name": name, "build": built, "size": size, "open": statistics.median(times), "opens": times, "errors": errors})
            print(f"{name}: drawn in {_seconds(statistics.median(times), args.timeout)} s (median of {', '.join(f'{t:.2f}' for t in times)}){'; console errors: ' + str(errors[:3]) if errors else ''}", flush=True)
    ours, peer = rows
    lines = [
        f"Corpus: the first {len(arts)} train/valid Article-Bias-Prediction articles of outlets rated left or right by AllSides ({mb:.1f} MB of text), "
        f"two groups: {', '.join(f'{k} ({v})' for k, v in sizes.items())}. Drawn: navigation start to the later of the load event and the first frame "
        f"with the plot's points, headless Chromium, median of {args.repeat} opens. Targets: under 15 MB, under 5 s.",
        "",
        "| page | build (s) | size (MB) | drawn in Chromium (s) |",
        "|---|---|---|---|",
    ]
    lines += [f"| {r['name']} | {r['build']:.1f} | {r['size']:.1f} | {_seconds(r['open'], args.timeout)} |" for r in rows]
    lines += [
        "",
        f"framing against Scattertext: {peer['size'] / ours['size']:.1f}x smaller, drawn "
        + (f"{peer['open'] / ours['open']:.1f}x faster" if peer["open"] != float("inf") else f"in {ours['open']:.2f} s where Scattertext's page was not drawn within {args.timeout:.0f} s")
        + f", built {peer['build'] / ours['build']:.1f}x faster.",
        "Scattertext's page holds every article in full (its document view); framing's holds, per plotted term, at most 5 uses in context per side.",
    ]
    body = "\n".join(lines)
    print("\n" + body)
    if not args.no_write:
        write_section("Interactive term plot", f"python bench/bench_term_plot.py --articles {args.articles} --repeat {args.repeat} --timeout {args.timeout:g}", body, doc=PERFORMANCE)
        print(f"\nwrote {PERFORMANCE}")


if __name__ == "__main__":
    main()
