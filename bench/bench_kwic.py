"""Concordance speed (``framing kwic`` on a results file), against two peers in the same run.

    python bench/bench_kwic.py [--articles 3000] [--data ../shared/data]

Texts: Article-Bias-Prediction articles of the train and valid media splits only (the test
outlets are held out), a fixed random sample, written as an ``articles.jsonl`` of results with
their texts (no quotations: every use is in the outlet's voice, so voice labelling is not timed);
the example corpus repeated when the data is absent.

Contenders, each producing every use with its left and right context:

* ``framing``: :func:`framing.explore.kwic.iter_kwic_jsonl`: a substring test on each raw line,
  then decoding, tokenising and matching only the records that can hold the term;
* ``tokenise-all``: the same matcher without the substring test (every text tokenised);
* ``regex``: decode every line and run one regular expression (``\\bterm``, glob as ``\\w*``) over
  the text: a grep-like concordance with no tokens, no categories and no voice; the floor.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import random
import re
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import framing
from framing.explore.kwic import iter_kwic, iter_kwic_jsonl, term_query
from framing.types import ArticleResult

TERMS = ("sanction*", "trade war", "said", "registers:marxist")


def load_records(data: Path, n: int) -> tuple[list[dict], str]:
    path = data / "article_bias" / "articles.jsonl.gz"
    if path.exists():
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            rows = [r for r in map(json.loads, fh) if r.get("split_media") in ("train", "valid")]
        random.Random(13).shuffle(rows)
        recs = [{"id": r["id"], "outlet": r["source"], "text": r["text"]} for r in rows[:n]]
        return recs, f"{len(recs)} Article-Bias-Prediction articles (train/valid media splits, random sample, seed 13)"
    base = list(framing.load(ROOT / "examples" / "corpus"))
    recs = [{"id": f"{a.id}~{i}", "outlet": a.outlet, "text": a.text} for i in range(n // len(base) + 1) for a in base][:n]
    return recs, f"the example corpus repeated to {len(recs)} articles"


def regex_kwic(path: Path, term: str, window: int) -> int:
    pattern = re.compile(r"(?<![\w-])" + r"\s+".join(re.escape(p).replace(r"\*", r"\w*") for p in term.split()) + r"(?![\w-])", re.IGNORECASE)
    n = 0
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            for m in pattern.finditer(text):
                _left = text[: m.start()].split()[-window:]
                _right = text[m.end() :].split()[:window]
                n += 1
    return n


def best_of(fn, repeat: int = 2) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    best, out = float("inf"), 0
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    return best, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    recs, what = load_records(args.data, args.articles)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.jsonl"
        with open(path, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps({**r, "n_words": len(r["text"].split()), "markers": {}, "quotes": [], "matches": []}, ensure_ascii=False) + "\n" for r in recs)
        mb = path.stat().st_size / 1e6
        results = [ArticleResult.from_dict({**r, "markers": {}}) for r in recs]
        rows = []
        for term in TERMS:
            q = term_query(term)
            every = replace(q, literals=())
            t_fw, n_fw = best_of(lambda q=q: sum(1 for _ in iter_kwic_jsonl(path, q)))
            t_all, n_all = best_of(lambda every=every: sum(1 for _ in iter_kwic(results, every)), repeat=1)
            if q.kind == "category":
                t_re, n_re = float("nan"), 0
            else:
                t_re, n_re = best_of(lambda term=term: regex_kwic(path, term, 5))
            rows.append((term, n_fw, t_fw, n_all, t_all, n_re, t_re))
            print(f"{term:<20} framing {t_fw:6.2f}s ({n_fw} uses)  tokenise-all {t_all:6.2f}s ({n_all})  regex {t_re:6.2f}s ({n_re})  tokenise-all/framing {t_all / t_fw:5.1f}x  framing/regex {t_fw / t_re:5.1f}x", flush=True)
    body = [
        f"Texts: {what}, written as a {mb:.0f} MB articles.jsonl. Times are the best of two runs (tokenise-all: one run, texts already in memory, so its reading time is not counted). The 2 cores were shared with other jobs: compare the ratios, not the seconds.",
        "",
        "| term | uses | framing s | tokenise-all s | regex s (uses) | tokenise-all / framing | framing / regex |",
        "|---|---|---|---|---|---|---|",
    ]
    for term, n_fw, t_fw, n_all, t_all, n_re, t_re in rows:
        assert n_all == n_fw, f"{term}: the substring test lost uses ({n_fw} of {n_all})"
        re_cell = "n/a (categories)" if math.isnan(t_re) else f"{t_re:.2f} ({n_re})"
        ratio = "" if math.isnan(t_re) else f"{t_fw / t_re:.1f}x"
        body.append(f"| `{term}` | {n_fw} | {t_fw:.2f} | {t_all:.2f} | {re_cell} | {t_all / t_fw:.1f}x | {ratio} |")
    body += [
        "",
        "The regex peer finds a different number of uses: it has no tokens (a phrase across a line break, `said` inside `said-so`), no lexicon category, no voice. "
        "`registers:marxist` on raw results matches the category's entries afresh (these records store no matches).",
    ]
    print("\n".join(body))
    if not args.no_write:
        sys.path.insert(0, str(ROOT / "bench"))
        from _validation_doc import PERFORMANCE, write_section

        write_section("Concordance (kwic)", f"python bench/bench_kwic.py --articles {args.articles}", "\n".join(body), doc=PERFORMANCE)


if __name__ == "__main__":
    main()
