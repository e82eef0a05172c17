"""What a model card says: the features that drive each class with example sentences, the
lexicons and versions a model was built with, and the card as Markdown."""

from __future__ import annotations

import platform
from collections.abc import Mapping
from importlib.metadata import PackageNotFoundError, version
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.pipeline import Pipeline

from framing.errors import FramingError
from framing.ml.features import LexiconVectorizer
from framing.ml.pipelines import feature_union, stateless_head
from framing.resources import package_versions
from framing.text.segment import sentence_spans

__all__ = ["add_examples", "card_markdown", "card_versions", "lexicon_provenance", "top_features"]


def _feature_label(name: str) -> tuple[str, str]:
    block, _, feat = name.partition("__")
    kind = {"tfidf": "words", "chars": "characters"}.get(block, block)
    return kind, feat


def top_features(pipeline: Pipeline, *, n: int = 15) -> dict[str, list[dict[str, Any]]]:
    """The features with the largest positive coefficients for each class: the top ``n`` of each
    block (words, characters, lexicon, rhetoric, ...), blocks in pipeline order.

    For two classes the single coefficient vector speaks for the second class when positive and
    for the first when negative. Coefficients are in the units of each block (TF-IDF weights,
    standardised marker values times ``feature_weight``), so they compare only within a block;
    ranking all blocks together would let a few dense marker features push every word off the list.
    """
    clf = pipeline.steps[-1][1]
    names = [str(x) for x in pipeline[:-1].get_feature_names_out()]
    coef = np.asarray(clf.coef_)
    classes = [str(c) for c in clf.classes_]
    if coef.shape[0] == 1:
        rows = {classes[1]: coef[0], classes[0]: -coef[0]}
    else:
        rows = {c: coef[i] for i, c in enumerate(classes)}
    labels = [_feature_label(nm) for nm in names]
    blocks: dict[str, list[int]] = {}
    for j, (kind, _) in enumerate(labels):
        blocks.setdefault(kind, []).append(j)
    out: dict[str, list[dict[str, Any]]] = {}
    for c in classes:
        w = rows[c]
        out[c] = []
        for kind, cols in blocks.items():
            cols_a = np.asarray(cols)
            order = cols_a[np.argsort(-w[cols_a], kind="stable")[:n]]
            for j in order:
                if w[j] > 0:
                    out[c].append({"feature": labels[j][1], "kind": kind, "weight": round(float(w[j]), 4), "column": int(j)})
    return out


def add_examples(
    pipeline: Pipeline, top: dict[str, list[dict[str, Any]]], texts: list[str], y: np.ndarray, *, level: str, n_examples: int, seed: int
) -> None:
    """Attach to each driving feature up to ``n_examples`` training sentences of its class where
    the feature is present, the ones the model finds most typical of the class first."""
    rng = np.random.default_rng(seed)
    cand: list[str] = []
    cand_label: list[str] = []
    per_class = 1000 if level == "sentence" else 60
    for c in top:
        idx = np.flatnonzero(y == c)
        if len(idx) > per_class:
            idx = np.sort(rng.choice(idx, per_class, replace=False))
        for i in idx:
            if level == "sentence":
                sents = [texts[i]]
            else:
                sents = [texts[i][s:e] for s, e in sentence_spans(texts[i])[:40]]
            for s in sents:
                if len(s.split()) >= 4:
                    cand.append(s)
                    cand_label.append(c)
    if not cand:
        return
    X = pipeline[:-1].transform(cand)
    if sp.issparse(X):
        Z = X.tocsc()  # by column: each feature's column is read below
        proba = pipeline.steps[-1][1].predict_proba(Z.tocsr())
    else:
        Z = np.asarray(X)
        proba = pipeline.steps[-1][1].predict_proba(Z)
    cls = [str(c) for c in pipeline.classes_]
    labels = np.asarray(cand_label, dtype=object)
    for c, feats in top.items():
        order_all = np.argsort(-proba[:, cls.index(c)], kind="stable")
        for feat in feats:
            col = Z[:, feat["column"]]
            col = np.asarray(col.todense()).ravel() if sp.issparse(col) else np.asarray(col).ravel()
            chosen: list[str] = []
            for r in order_all:
                if labels[r] == c and col[r] > 0 and cand[r] not in chosen:
                    chosen.append(cand[r])
                    if len(chosen) >= n_examples:
                        break
            feat["examples"] = [s if len(s) <= 300 else s[:297] + "..." for s in chosen]


def lexicon_provenance(pipeline: Pipeline) -> dict[str, str]:
    """The lexicons (name -> version and hash) a pipeline's lexicon block was fitted with."""
    out: dict[str, str] = {}
    try:
        union = feature_union(pipeline)
    except FramingError:
        return out
    for _, trans in union.transformer_list:
        head = stateless_head(trans)
        if isinstance(head, LexiconVectorizer) and hasattr(head, "lexicon_provenance_"):
            out.update(head.lexicon_provenance_)
    return out


def card_versions() -> dict[str, str]:
    """Versions for a model card: framing and its main libraries, skops, scipy, pandas and Python."""
    out = dict(package_versions())
    for name in ("skops", "scipy", "pandas"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = "not installed"
    out["python"] = platform.python_version()
    return out


def _fmt(v: Any) -> str:
    return "–" if v is None else (f"{v:.3f}" if isinstance(v, float) else str(v))


def card_markdown(card: Mapping[str, Any]) -> str:
    """A model card (:meth:`Classifier.card <framing.ml.model.Classifier.card>`) as Markdown: data, validation, drivers, versions, intended use."""
    named = f"{card['name']}: " if card.get("name") else ""
    lines = [f"# Model card: {named}{card.get('model')} classifier ({card.get('level')} level)", ""]
    lines.append(f"Created {card.get('created')} with framing {card.get('versions', {}).get('framing', '?')}. Classes: {', '.join(card.get('classes', []))}.")
    lines += ["", "## Data", ""]
    data = card.get("data") or {}
    if data:
        lines += [f"- {k}: {v}" for k, v in data.items()]
    tr = card.get("training") or {}
    lines.append(f"- texts: {tr.get('n')}; per class: " + ", ".join(f"{k} {v}" for k, v in (tr.get("class_counts") or {}).items()))
    if tr.get("n_groups") is not None:
        lines.append(f"- groups: {tr['n_groups']}")
    lines += ["", "## Validation", ""]
    cv = card.get("cv")
    if not cv:
        lines.append("Not cross-validated: the model was trained without validation. Evaluate it on held-out data before use.")
    else:
        lines.append(f"Scheme: {cv['scheme']}. Macro-F1 {cv['macro_f1']:.3f} (± {cv['macro_f1_std']:.3f} over {cv['n_splits']} folds).")
        if not cv.get("grouped"):
            lines.append("")
            lines.append("Not grouped by outlet or source: if texts from one source share labels, this score overstates how the model does on new sources.")
        pooled = cv["pooled"]
        lines += ["", "| class | precision | recall | F1 | support |", "|---|---|---|---|---|"]
        for c, m in pooled["per_class"].items():
            lines.append(f"| {c} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} | {m['support']} |")
        lines.append("")
        lines.append(f"Pooled out-of-fold: macro-F1 {_fmt(pooled.get('macro_f1'))}, accuracy {_fmt(pooled.get('accuracy'))}, Brier {_fmt(pooled.get('brier'))}, expected calibration error {_fmt((pooled.get('reliability') or {}).get('ece'))}.")
        cm = pooled["confusion_matrix"]
        lines += ["", "Confusion matrix (rows: true class, columns: predicted):", "", "| | " + " | ".join(cm["labels"]) + " |", "|---" * (len(cm["labels"]) + 1) + "|"]
        for lab, row in zip(cm["labels"], cm["matrix"]):
            lines.append(f"| **{lab}** | " + " | ".join(str(v) for v in row) + " |")
    lines += ["", "## What drives each class", ""]
    for c, feats in (card.get("top_features") or {}).items():
        kinds: dict[str, list[dict[str, Any]]] = {}
        for f in feats:
            kinds.setdefault(f["kind"], []).append(f)
        lines.append(f"**{c}**")
        for kind, fs in kinds.items():
            lines.append(f"- {kind}: " + ", ".join(f"{f['feature']} ({f['weight']:+.2f})" for f in fs[:8]))
            for f in fs[:2]:
                for ex in f.get("examples", [])[:1]:
                    lines.append(f"  - {f['feature']}: “{ex}”")
        lines.append("")
    lines += ["## Versions", ""]
    lines += [f"- {k}: {v}" for k, v in (card.get("versions") or {}).items()]
    if card.get("lexicons"):
        lines += [f"- lexicon {k}: {v}" for k, v in card["lexicons"].items()]
    lines += [
        "",
        "## Intended use",
        "",
        "Classifying texts like the training data. Scores on other outlets, periods or genres can be much lower; "
        "validate on a sample of your own coded texts (framing code sample / agreement) before relying on it.",
        "",
    ]
    return "\n".join(lines)
