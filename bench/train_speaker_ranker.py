"""Rebuild the pronoun-speaker ranker (``framing/models/speaker_ranker.json``) and its model card.

Run from the repository root:

    python bench/train_speaker_ranker.py            # cross-validate, train on all parts, write the model
    python bench/train_speaker_ranker.py --cv-only  # only the cross-validated comparison

Data: the team's gold attributions (``bench/gold/attribution_part*.jsonl``: offsets and labels on
Article-Bias-Prediction train/valid articles, read from ``../shared/data/article_bias`` at run
time; the dataset's license is in ``../shared/data/LICENSES``). Part 3 (annotator a3) is the part
nobody looked at while writing the rules: it is never used here, neither for training nor for
choosing features.

Instances: every gold attribution whose speaker is "he" or "she" and whose pronoun framing finds
as a speaker. Its candidates are the people :func:`framing.actors.mentions.speaker_candidates` lists;
a candidate is right when it names the gold speaker (the last name word agrees, as
``bench/validate_attribution.py`` scores speakers). Instances with no right candidate cannot be
learnt from and are counted apart.

Model: a conditional logit (the candidates of one quotation compete in a softmax over a weighted
sum of their features), the best candidate picked. Scored by leaving one gold part out at a time (the part's annotator, so no article and no
annotator's habits are in both), beside the hand-written rules on the same instances. The rules
were written while looking at these parts, so their number is optimistic; the ranker's is not.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import scipy
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from validate_attribution import DATA, HELD_OUT, _name_words, load_gold, load_texts

from framing.actors.speaker_ranker import FEATURES, MODEL_FILE, rank

MODEL_PATH = ROOT / "framing" / "models" / MODEL_FILE
CARD_PATH = MODEL_PATH.with_suffix(".md")
#: L2 penalty on the weights (chosen by the leave-one-part-out score among 0.01 ... 10)
PENALTY = 1.0
GENDER_CONFLICT = FEATURES.index("gender_conflicts")


def _names_agree(gold_name: str, cand_name: str | None) -> bool:
    gw, pw = _name_words(gold_name), _name_words(cand_name)
    return bool(gw and pw and (gw[-1] in pw or pw[-1] in gw))


def collect(parts_excluded: tuple[str, ...] = (HELD_OUT,)) -> list[dict[str, Any]]:
    """One instance per gold he/she speaker framing finds: its candidates' features and labels,
    and whether the rules' choice is right."""
    from framing.actors.mentions import find_mentions, link_speakers
    from framing.analysis.article import default_gazetteer
    from framing.text.parse import parse_many
    from framing.text.quotes import find_quote_spans
    from framing.voice.attribution import find_quotes

    gold = [a for a in load_gold("attribution") if a["annotator"] not in parts_excluded]
    texts, dates = load_texts({a["id"] for a in gold})
    gz = default_gazetteer()
    assert gz is not None
    out = []
    for art, doc in zip(gold, parse_many(texts[a["id"]] for a in gold), strict=True):
        text = texts[art["id"]]
        spans = find_quote_spans(doc.text)
        mentions = find_mentions(doc, gz, published=dates.get(art["id"]), quote_spans=spans)
        trace: list[Any] = []
        link_speakers(doc, find_quotes(doc, spans), mentions, gz, ranker=False, trace=trace)
        by_span = {(q.speaker_start, q.speaker_end): (cands, rule) for q, cands, rule in trace}
        for g in art["attributions"]:
            if g.get("speaker_type") != "pronoun" or g.get("speaker") is None:
                continue
            if text[g["speaker"][0] : g["speaker"][1]].lower() not in ("he", "she"):
                continue
            found = by_span.get(tuple(g["speaker"]))
            if found is None:
                continue
            cands, rule = found
            ns = g.get("speaker_name_span") or g["speaker"]
            gold_name = text[ns[0] : ns[1]]
            out.append({
                "annotator": art["annotator"],
                "id": art["id"],
                "kind": g["kind"],
                "X": [[f.get(k, 0.0) for k in FEATURES] for _, f in cands],
                "y": [int(_names_agree(gold_name, m.name)) for m, _ in cands],
                "names": [m.name for m, _ in cands],
                "rule_ok": _names_agree(gold_name, rule.name if rule is not None else None),
            })
    return out


def _fitting(inst: dict[str, Any]) -> tuple[list[list[float]], list[int]]:
    """The instance's candidates without those whose gender conflicts (as :func:`rank` leaves them out)."""
    keep = [k for k, row in enumerate(inst["X"]) if not row[GENDER_CONFLICT]] or list(range(len(inst["X"])))
    return [inst["X"][k] for k in keep], [inst["y"][k] for k in keep]


def fit(instances: list[dict[str, Any]], penalty: float = PENALTY) -> dict[str, Any]:
    """A conditional logit over each instance's candidates (those whose gender fits): the weights
    maximising the log-probability of the right candidates, with an L2 penalty."""
    groups = []
    for inst in instances:
        xs, ys = _fitting(inst)
        if xs and any(ys):
            groups.append((np.array(xs, dtype=float), np.array(ys, dtype=bool)))

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        value, grad = penalty * float(w @ w), 2 * penalty * w
        for X, right in groups:
            s = X @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            p_right = p[right].sum()
            value -= float(np.log(p_right))
            q = np.where(right, p, 0.0) / p_right
            grad -= X.T @ (q - p)
        return value, grad

    w = minimize(loss, np.zeros(len(FEATURES)), jac=True, method="L-BFGS-B").x
    return {"features": list(FEATURES), "weights": [round(float(v), 6) for v in w]}


def picks_right(model: dict[str, Any], instances: list[dict[str, Any]]) -> list[bool]:
    """Whether the model, run as framing runs it (:func:`framing.actors.speaker_ranker.rank`), ranks a right candidate first."""
    out = []
    for inst in instances:
        cands = [(k, dict(zip(FEATURES, row, strict=True))) for k, row in enumerate(inst["X"])]
        best = rank(cands, model)
        out.append(bool(best) and bool(inst["y"][best[0][0]]))
    return out


def cross_validate(instances: list[dict[str, Any]]) -> dict[str, Any]:
    """Leave-one-part-out: per part, instances, ranker right, rules right (all instances, also those
    with no right candidate)."""
    rows = {}
    for part in sorted({i["annotator"] for i in instances}):
        train = [i for i in instances if i["annotator"] != part and any(i["y"])]
        test = [i for i in instances if i["annotator"] == part]
        model = fit(train)
        rows[part] = {"n": len(test), "ranker": sum(picks_right(model, test)), "rules": sum(i["rule_ok"] for i in test), "reachable": sum(any(i["y"]) for i in test)}
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cv-only", action="store_true")
    ap.add_argument("--cache", type=Path, help="keep the instances in this JSON file (reused when present)")
    args = ap.parse_args()
    if not DATA.is_file():
        sys.exit(f"{DATA} is missing: this training needs ../shared/data")
    if args.cache and args.cache.is_file():
        instances = json.loads(args.cache.read_text())
    else:
        instances = collect()
        if args.cache:
            args.cache.write_text(json.dumps(instances))
    cv = cross_validate(instances)
    n = sum(r["n"] for r in cv.values())
    ranker = sum(r["ranker"] for r in cv.values())
    rules = sum(r["rules"] for r in cv.values())
    reach = sum(r["reachable"] for r in cv.values())
    print("part  n  reachable  ranker  rules")
    for part, r in cv.items():
        print(f"{part:4} {r['n']:3} {r['reachable']:3} {r['ranker'] / r['n']:.3f} {r['rules'] / r['n']:.3f}")
    print(f"all  {n:3} {reach:3} {ranker / n:.3f} {rules / n:.3f}")
    if args.cv_only:
        return
    model = fit([i for i in instances if any(i["y"])])
    MODEL_PATH.write_text(json.dumps(model, indent=1) + "\n")
    parts = sorted(cv)
    per_part = ", ".join(f"part {p[1:]} {cv[p]['ranker'] / cv[p]['n']:.2f} (rules {cv[p]['rules'] / cv[p]['n']:.2f})" for p in parts)
    kinds = Counter(i["kind"] for i in instances)
    CARD_PATH.write_text(
        f"""# Model card: pronoun-speaker ranker (`{MODEL_FILE}`)

Picks the person a "he" or "she" speaker refers to ("“...,” he said") among the people named before
the quotation (`framing.actors.speaker_ranker`). Plain JSON numbers (feature names and
weights): loading it executes no code.

- **Data**: the team's gold attributions (`bench/gold/attribution_part*.jsonl`, offsets on
  Article-Bias-Prediction train/valid articles, Baly et al. 2020, **Apache-2.0**; read from
  `../shared/data` at run time, no text in the repository). Part 3 is never used. {n} he/she
  speakers framing finds as speakers ({", ".join(f"{k} {v}" for k, v in kinds.most_common())}), {reach}
  with the right person among the candidates; {sum(len(i["X"]) for i in instances)} candidates.
- **Model**: a conditional logit (the candidates of one quotation compete in a softmax; L2 penalty
  {PENALTY}), people whose gender conflicts with the pronoun left out; {len(FEATURES)}
  features: sentences since the person was last named or referred to, recency rank, gender of the
  first name (our word lists, then the `nomquamgender` name data) or honorific, syntax of the last mention (subject, main subject, object, possessive, inside
  a quotation or a reported clause), whether they spoke before, the last quotation's speaker and
  how far back, newcomers since.
- **Scores** (leave one gold part out, share of all instances right, beside the hand-written rules
  on the same instances; the rules were written looking at these parts, so theirs is optimistic):
  ranker **{ranker / n:.3f}**, rules {rules / n:.3f}; {per_part}. Ceiling (right person among the
  candidates): {reach / n:.3f}.
- **Limits**: trained on {n} instances from {len(parts)} annotators; articles where the speaker
  was named long before, or only by a description ("the senator"), are where it errs.
- **Rebuild**: `python bench/train_speaker_ranker.py` (SciPy {scipy.__version__}, {dt.date.today().isoformat()}).
""",
        encoding="utf-8",
    )
    print(f"wrote {MODEL_PATH.relative_to(ROOT)} and {CARD_PATH.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
