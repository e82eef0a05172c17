"""Rebuild the page-line model (``framing/models/page_lines.json``) and its model card.

Run from the repository root:

    python bench/train_page_lines.py [--data ../shared/data] [--folds 5]

Data: the visible half of the article-extraction benchmark (scrapinghub/article-extraction-
benchmark, MIT license; 91 real pages in ``../shared/data/extraction``), read at run time and never
copied. The other half of the benchmark is held out and never read.

Labels: every line of the copied page text (``page_text/<id>.txt``, after the same normalisation
and repeated-line removal ``framing.load`` applies) of at least four words is labelled article body
when at least half of its 4-word shingles occur in the body a person marked; shorter lines carry no
label and are left out of training (the region step decides them from their neighbours).

Model: two standardised logistic regressions (:mod:`framing.inputs.page_lines`): one on the line's
own and neighbourhood features, one stacked on the first one's out-of-fold probabilities around the
line. The cross-validated score is computed the way users meet the model: page-grouped folds (no
page in both training and test), each fold's models picking the region of its test pages, then the
named debris rules (``clean_text(..., find_article=False)``), scored with the benchmark's shingle
F1 by ``bench/validate_extraction.py``'s scorer.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from validate_extraction import page_scores, read_truth, shingles, summary

from framing.inputs.clean import _normalise, clean_text
from framing.inputs.debris import _page_lines
from framing.inputs.page_lines import (
    CONTEXT_FEATURES,
    LINE_FEATURES,
    MODEL_FILE,
    PageLineModel,
    _Linear,
    _word_weights,
    context_features,
    line_features,
    region_of,
    repeated_lines,
    section_ends,
)

THRESHOLD = 0.4  # region step: a line adds (p - THRESHOLD) * words
DROP_BELOW = 0.1  # inside the region, a line below this probability is dropped
C = 1.0
BARRIERS = True  # the region stops at the start of the comments, as in framing.load
MODELS = ROOT / "framing" / "models"


def page_lines(text: str) -> list[str]:
    lines = [line for line, _ in _page_lines(_normalise(text))]
    repeats = repeated_lines(lines)
    return [x for i, x in enumerate(lines) if i not in repeats]


def labels(truth: str, lines: Sequence[str]) -> list[int | None]:
    body = set(shingles(truth))
    out: list[int | None] = []
    for line in lines:
        s = shingles(line)
        if not s or len(next(iter(s))) < 4:
            out.append(None)
        else:
            out.append(int(sum(1 for x in s if x in body) / len(s) >= 0.5))
    return out


class Pages:
    def __init__(self, data: Path) -> None:
        self.truth = read_truth(data)
        ext = data / "extraction" / "page_text"
        self.lines = [page_lines((ext / f"{t['id']}.txt").read_text(encoding="utf-8", errors="replace")) for t in self.truth]
        self.labels = [labels(t["article_body"], ls) for t, ls in zip(self.truth, self.lines, strict=True)]
        self.features = [line_features(ls) for ls in self.lines]

    def rows(self, idx: Sequence[int], extra: dict[int, np.ndarray] | None = None) -> tuple[np.ndarray, np.ndarray]:
        xs, ys = [], []
        for i in idx:
            f = self.features[i] if extra is None else np.hstack([self.features[i], extra[i]])
            for j, y in enumerate(self.labels[i]):
                if y is not None:
                    xs.append(f[j])
                    ys.append(y)
        return np.array(xs), np.array(ys)


def fit_linear(x: np.ndarray, y: np.ndarray) -> _Linear:
    scaler = StandardScaler().fit(x)
    lr = LogisticRegression(C=C, max_iter=5000).fit(scaler.transform(x), y)
    return _Linear(scaler.mean_, scaler.scale_, lr.coef_[0], float(lr.intercept_[0]))


def folds(idx: Sequence[int], k: int) -> list[list[int]]:
    return [list(idx[f::k]) for f in range(k)]


def fit_model(pages: Pages, idx: Sequence[int], k: int) -> PageLineModel:
    """Both stages on the pages ``idx``; the second on the first's out-of-fold probabilities."""
    p1: dict[int, np.ndarray] = {}
    for test in folds(idx, k):
        train = [i for i in idx if i not in test]
        first = fit_linear(*pages.rows(train))
        for i in test:
            p1[i] = first.proba(pages.features[i])
    ctx = {i: context_features(pages.lines[i], p1[i], THRESHOLD) for i in idx}
    return PageLineModel(fit_linear(*pages.rows(idx)), fit_linear(*pages.rows(idx, ctx)), THRESHOLD, DROP_BELOW)


def extract(model: PageLineModel, lines: Sequence[str]) -> str:
    p = model.probabilities(lines)
    a, b = region_of(p, _word_weights(lines), model.threshold, section_ends(lines) if BARRIERS else frozenset())
    kept = [lines[i] for i in range(a, b) if p[i] >= model.drop_below]
    return clean_text("\n".join(kept), find_article=False).text


def cross_validate(pages: Pages, k: int) -> tuple[float, float, float]:
    idx = list(range(len(pages.lines)))
    scores = []
    for test in folds(idx, k):
        model = fit_model(pages, [i for i in idx if i not in test], k)
        scores += [page_scores(pages.truth[i]["article_body"], extract(model, pages.lines[i])) for i in test]
    return summary(scores)


def as_dict(model: PageLineModel) -> dict[str, object]:
    def lin(m: _Linear) -> dict[str, object]:
        return {"mean": m.mean.tolist(), "scale": m.scale.tolist(), "coef": m.coef.tolist(), "intercept": m.intercept}

    return {
        "line_features": list(LINE_FEATURES),
        "context_features": list(CONTEXT_FEATURES),
        "lines": lin(model.lines),
        "context": lin(model.context),
        "threshold": model.threshold,
        "drop_below": model.drop_below,
    }


CARD = """# Model card: page-line model (`page_lines.json`)

Finds the article among the lines of a whole copied web page (`framing.inputs.page_lines`), before
the named debris rules run. Plain JSON numbers (feature means and scales, coefficients): loading it
executes no code.

- **Data**: the visible half of the article-extraction benchmark (scrapinghub/article-extraction-
  benchmark, **MIT license**): {pages} real pages from news sites and blogs, the article body marked
  by a person; the copied page text in `../shared/data/extraction/page_text`. {lines:,} labelled
  lines ({body:,} body). The other half of the benchmark is held out and was never read.
- **Model**: two standardised logistic regressions (C={c}), the second stacked on the first's
  out-of-fold probabilities; region = maximum-sum run of `(p - {threshold}) * words`; lines inside
  it below p={drop} dropped. Features: {n_line} per line, {n_ctx} of context (listed in the JSON).
- **Scores** ({k}-fold cross-validation grouped by page, the whole cleaning as users run it, shingle
  F1 as the benchmark scores it): F1 **{f1:.3f}** (precision {p:.3f}, recall {r:.3f}).
  `bench/validate_extraction.py` reports the shipped model on the same pages (in-sample) beside
  trafilatura and the uncleaned page.
- **Limits**: trained on 91 pages, mostly English news and blogs; pages in other languages lose
  the function-word features. Lists of short lines inside an article (recipes, standings tables)
  and comment threads written like prose are where it errs.
- **Rebuild**: `python bench/train_page_lines.py` (scikit-learn {sklearn}, {date}).
"""


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Rebuild framing/models/page_lines.json from the extraction benchmark.")
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--folds", type=int, default=5)
    args = ap.parse_args(argv)
    if not (args.data / "extraction" / "ground_truth.jsonl").exists():
        print(f"no extraction benchmark under {args.data}", file=sys.stderr)
        return 2
    pages = Pages(args.data)
    f1, p, r = cross_validate(pages, args.folds)
    print(f"cross-validated F1 {f1:.3f} (precision {p:.3f}, recall {r:.3f})")
    model = fit_model(pages, list(range(len(pages.lines))), args.folds)
    (MODELS / MODEL_FILE).write_text(json.dumps(as_dict(model), indent=1) + "\n", encoding="utf-8")
    _, y = pages.rows(range(len(pages.lines)))
    (MODELS / "page_lines.md").write_text(
        CARD.format(
            pages=len(pages.lines), lines=len(y), body=int(y.sum()), c=C, threshold=THRESHOLD, drop=DROP_BELOW,
            n_line=len(LINE_FEATURES), n_ctx=len(CONTEXT_FEATURES), k=args.folds, f1=f1, p=p, r=r,
            sklearn=sklearn.__version__, date=dt.date.today().isoformat(),
        ),
        encoding="utf-8",
    )
    print(f"wrote {MODELS / MODEL_FILE} and page_lines.md")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
