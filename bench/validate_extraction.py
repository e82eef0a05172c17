"""Article-body extraction on real web pages; writes its numbers to docs/validation.md.

Run from the repository root:

    python bench/validate_extraction.py [--data ../shared/data] [--no-write] [--show N]

The data is the visible half of the article-extraction benchmark (scrapinghub/article-extraction-
benchmark, MIT): real pages, each with the article body a person marked. For every page, four
extractions are scored side by side in the same run:

* ``framing.load`` on the whole page as plain text (``page_text/<id>.txt``: a reader's copy of the
  page, one line per block element);
* the same page text, uncleaned (the peer a user without a cleaner has);
* ``framing.load`` on the HTML (``html/<id>.html.gz``);
* trafilatura alone on the HTML, with its default options (the published peer).

Scoring follows the benchmark: 4-word shingles of ``\\w+`` tokens counted with multiplicity,
precision and recall per page, each averaged over pages (so long pages do not weigh more), and the
F1 of the two means. A page where an extractor finds nothing scores precision 0 and recall 0
(the benchmark's convention for an empty prediction of a non-empty body), not a skipped page.

The evaluation data is read at run time and never copied; the other half of the benchmark is held
out and never read.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import framing
from framing.errors import FramingError

_TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """The 4-word shingles of ``text``'s ``\\w+`` tokens (lower-cased), with their counts; a text
    shorter than ``n`` tokens is one shingle of what it has."""
    tokens = _TOKEN.findall(text.lower())
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def page_scores(truth: str, pred: str) -> tuple[float, float]:
    """(precision, recall) of ``pred`` against ``truth`` on one page."""
    t, p = shingles(truth), shingles(pred)
    if not t and not p:
        return 1.0, 1.0
    tp = sum((t & p).values())
    precision = tp / sum(p.values()) if p else 0.0
    recall = tp / sum(t.values()) if t else 0.0
    return precision, recall


def summary(pairs: list[tuple[float, float]]) -> tuple[float, float, float]:
    """(F1, mean precision, mean recall) over pages, as the benchmark reports them."""
    prec = sum(p for p, _ in pairs) / len(pairs)
    rec = sum(r for _, r in pairs) / len(pairs)
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return f1, prec, rec


def load_text(path: Path) -> str:
    """The body ``framing.load`` keeps from one file ('' when it finds no article)."""
    try:
        corpus = framing.load(path)
    except FramingError:
        return ""
    return "\n\n".join(a.text for a in corpus)


def uncleaned(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


def trafilatura_alone(path: Path) -> str:
    import trafilatura

    html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
    return trafilatura.extract(html) or ""


def read_truth(data: Path) -> list[dict[str, str]]:
    with (data / "extraction" / "ground_truth.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def evaluate(data: Path, show: int = 0) -> tuple[dict[str, tuple[float, float, float]], dict[str, float], dict[str, list[tuple[str, float, float]]]]:
    truth = read_truth(data)
    ext = data / "extraction"
    systems: dict[str, tuple[Callable[[Path], str], Callable[[str], Path]]] = {
        "framing, copied page text": (load_text, lambda i: ext / "page_text" / f"{i}.txt"),
        "uncleaned page text": (uncleaned, lambda i: ext / "page_text" / f"{i}.txt"),
        "framing, HTML": (load_text, lambda i: ext / "html" / f"{i}.html.gz"),
        "trafilatura alone, HTML": (trafilatura_alone, lambda i: ext / "html" / f"{i}.html.gz"),
    }
    results: dict[str, tuple[float, float, float]] = {}
    seconds: dict[str, float] = {}
    per_page: dict[str, list[tuple[str, float, float]]] = {}
    for name, (extract, where) in systems.items():
        pairs: list[tuple[float, float]] = []
        rows: list[tuple[str, float, float]] = []
        start = time.perf_counter()
        for item in truth:
            p, r = page_scores(item["article_body"], extract(where(item["id"])))
            pairs.append((p, r))
            rows.append((item["id"], p, r))
        seconds[name] = time.perf_counter() - start
        results[name] = summary(pairs)
        per_page[name] = rows
    if show:
        for name in ("framing, copied page text", "framing, HTML"):
            print(f"\nworst pages, {name}:")
            worst = sorted(per_page[name], key=lambda x: 2 * x[1] * x[2] / (x[1] + x[2] or 1))[:show]
            for pid, p, r in worst:
                print(f"  {pid[:12]}  precision {p:.2f}  recall {r:.2f}")
    return results, seconds, per_page


def table(results: dict[str, tuple[float, float, float]], seconds: dict[str, float], n: int) -> str:
    lines = [
        "| extraction | F1 | precision | recall | seconds |",
        "|---|---|---|---|---|",
    ]
    for name, (f1, p, r) in results.items():
        lines.append(f"| {name} | {f1:.3f} | {p:.3f} | {r:.3f} | {seconds[name]:.1f} |")
    return "\n".join(lines) + f"\n\n{n} pages."


def main(argv: Iterable[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--no-write", action="store_true", help="print only; leave docs/validation.md alone")
    ap.add_argument("--show", type=int, default=0, metavar="N", help="also print the N worst pages of each framing extraction")
    args = ap.parse_args(list(argv) if argv is not None else None)
    if not (args.data / "extraction" / "ground_truth.jsonl").exists():
        print(f"no extraction benchmark under {args.data}", file=sys.stderr)
        return 2
    results, seconds, _ = evaluate(args.data, args.show)
    n = len(read_truth(args.data))
    body = table(results, seconds, n)
    print(body)
    if not args.no_write:
        from _validation_doc import write_section

        intro = (
            "Visible half of the article-extraction benchmark (scrapinghub, MIT; the other half is held "
            "out). Shingle precision and recall per page, averaged over pages, F1 of the means; an empty "
            "extraction scores 0. The peers run in the same process on the same pages.\n\n"
        )
        write_section("Article extraction", "python bench/validate_extraction.py", intro + body)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
