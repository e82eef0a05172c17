"""Train the register profile (``framing/models/register_profile.json``), score it, write its card
and its section of docs/validation.md.

Run from the repository root:

    python bench/train_register_profile.py [--pages /tmp/registers] [--data ../shared/data]
        [--seeds ../shared/seeds] [--C 0.1] [--no-write]

**Data.** The real pages read while researching the registers (issue #17 part 1): one JSON line
each (url, outlet, register or "contrast", split, text) under ``--pages``; they are not
redistributable, so they are not in the repository (their URLs are in
``lexicons/evidence/registers/``). Each text is labelled by its outlet's identity, the way the
validation of issue #17 groups outlets: a register researcher's own texts by their register; a
contrast text by the kind its researcher recorded (``contrast_kind``: populist, state, socialist)
or, for mainstream news, by :data:`MAINSTREAM_PAGES`; other contrast texts, and research texts that
came from Article-Bias-Prediction, are left out (the populist classifier among the features was
trained on that data). Added: Article-Bias-Prediction articles on foreign affairs from the
mainstream and populist outlets (:func:`foreign_affairs_rows`), which keep the profile from
reading the topic of the state-media texts as their register. Pages listed in ``../shared/data/registers/heldout_urls.txt`` are never
read. Split by outlet: the researchers' own ``build``/``dev`` split (dev outlets were never used to
choose lexicon entries); a contrast outlet without one goes to dev when the MD5 of its name is
divisible by 3.

**Texts.** Every text is cut to its first 300 words (the length of the excerpts the issue's
held-out check uses) and analysed by ``framing.analyze`` with the default options.

**Model.** Standardised features (:mod:`framing.analysis.register_profile`), multinomial logistic
regression with balanced class weights and ``C`` (0.1, the best of 0.03/0.1/0.3 on the build
split's outlet-grouped cross-validation), fitted on the build split only, so that the dev numbers
are those of the shipped file.

**Scores.** ROC AUC of each register's probability on the dev split (its texts positive, all
other dev texts negative), plain and with every negative class weighing the same (the dev split
has many more mainstream texts than Marxist ones), beside the lexicon rate of the same register;
also on the dev texts whose outlets the populist classifier never saw in training (a fairer view
of new outlets); and the two seeds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _validation_doc import write_section
from validate_registers import LABELS, REGISTERS, heldout, normal_url, read_pages

import framing
from framing.analysis.register_profile import PROFILE_FILE, STYLE_FEATURES, ProfileModel, profile_evidence, profile_prediction
from framing.types import Article

#: Contrast pages from mainstream news (wire services and legacy national or regional papers and
#: broadcasters) collected by the Marxist, state-media and populist researchers without a
#: ``contrast_kind``: they count as the wire/mainstream register.
MAINSTREAM_PAGES = {
    "reuters.com", "ctvnews.ca", "scrippsnews.com", "crainsdetroit.com", "politico.com", "taipeitimes.com",
    "channelnewsasia.com", "business-standard.com", "nationalpost.com", "joins.com", "ynetnews.com", "kbc.co.ke",
}
KIND = {"populist": "nationalist_populist", "state": "state_diplomatic", "socialist": "marxist"}
#: Outlets (by web domain) whose Article-Bias-Prediction articles trained the populist classifier.
POPULIST_CLASSIFIER_OUTLETS = {
    "theblaze.com", "theepochtimes.com", "infowars.com", "pjmedia.com", "westernjournal.com", "americanthinker.com", "redstate.com",
    "townhall.com", "dailywire.com", "hotair.com", "wnd.com", "thepostmillennial.com", "amgreatness.com", "thehill.com", "politico.com",
    "washingtonpost.com", "csmonitor.com", "nytimes.com", "npr.org", "usatoday.com", "wsj.com", "bloomberg.com", "cbsnews.com",
    "nbcnews.com", "cnbc.com", "cnn.com", "pbs.org", "axios.com", "time.com", "latimes.com", "chicagotribune.com", "bostonglobe.com",
    "dallasnews.com", "sfchronicle.com",
}
EXCERPT_WORDS = 300
#: Lexicon categories that are not features: they mark a topic, not a register. Foreign relations
#: (``external_regulation_reputation``) is what nearly every state-media research text is about,
#: and with it as a feature a Reuters report or a socialist analysis of a trade war read as state
#: media (it costs about 0.01 of state-media AUC on the dev outlets).
TOPIC_CATEGORIES = {"policy_frames.external_regulation_reputation"}
#: Foreign-affairs words: an Article-Bias-Prediction article whose first 300 words hold one of them
#: is a mainstream or populist text on the topics the state-media texts are about.
FOREIGN = re.compile(r"\b(?:China|Chinese|Beijing|Xi Jinping|Russia|Russian|Moscow|Kremlin|Putin|Ukraine|NATO|Taiwan|tariffs?|trade war|sanctions)\b")


def label_of(r: dict[str, Any]) -> str | None:
    if r.get("abp_id") or str(r.get("outlet") or "").startswith("abp:"):
        return None
    if r.get("register") in REGISTERS:
        return str(r["register"])
    if r.get("contrast_kind") in KIND:
        return KIND[r["contrast_kind"]]
    return "wire_service" if r.get("outlet") in MAINSTREAM_PAGES else None


def split_of(r: dict[str, Any]) -> str:
    if r.get("split") in ("build", "dev"):
        return str(r["split"])
    return "dev" if int(hashlib.md5(str(r.get("outlet")).encode()).hexdigest(), 16) % 3 == 0 else "build"


def excerpt(text: str, n: int = EXCERPT_WORDS) -> str:
    words = list(re.finditer(r"\S+", text))
    return text if len(words) <= n else text[: words[n - 1].end()]


def read(pages: Path, data: Path) -> list[dict[str, Any]]:
    blocked = heldout(data)
    out = []
    for r in read_pages(pages):
        if normal_url(r.get("url") or "") in blocked:
            continue
        label = label_of(r)
        if label is not None:
            out.append({"outlet": r.get("outlet") or "", "label": label, "split": split_of(r), "text": excerpt(r["text"]), "source": "pages"})
    return out


def foreign_affairs_rows(data: Path, per_outlet: int) -> list[dict[str, Any]]:
    """Article-Bias-Prediction articles on foreign affairs (:data:`FOREIGN`) from the mainstream and
    right-populist outlets of ``bench/train_register_classifier.py``, at most ``per_outlet`` per
    outlet, none of those that trained the populist classifier; labelled by their outlet's list.

    The research texts of state media are almost all about China, Russia and world affairs, those
    of wire and populist outlets mostly about domestic politics: without these articles the profile
    would learn the topic ("China" reads as state media) instead of the register."""
    from train_register_classifier import MAINSTREAM, POPULIST, read_articles, select  # type: ignore[import-not-found]

    used = {r["id"] for r in select(data, 300)[0]}
    by: dict[str, list[dict[str, Any]]] = {}
    for r in read_articles(data):
        src = r["source"]
        if (src not in MAINSTREAM and src not in POPULIST) or r["id"] in used:
            continue
        text = excerpt(r.get("text") or "")
        if len(text.split()) >= 150 and FOREIGN.search(text):
            by.setdefault(src, []).append({"id": r["id"], "text": text})
    out = []
    for src, items in sorted(by.items()):
        items.sort(key=lambda r: hashlib.md5(str(r["id"]).encode()).hexdigest())
        label = "nationalist_populist" if src in POPULIST else "wire_service"
        for r in items[:per_outlet]:
            out.append({"outlet": f"abp:{src}", "label": label, "split": split_of({"outlet": f"abp:{src}"}), "text": r["text"], "source": "abp"})
    return out


def analysed(rows: list[dict[str, Any]]) -> list[Any]:
    arts = [Article(id=f"t{i}", text=r["text"], outlet=r["outlet"]) for i, r in enumerate(rows)]
    return list(framing.analyze(arts, progress=True))


def weighted_auc(y: list[int], s: list[float], labels: list[str]) -> float:
    from sklearn.metrics import roc_auc_score

    neg = Counter(lab for lab, yy in zip(labels, y, strict=True) if not yy)
    w = [1.0 / sum(y) if yy else 1.0 / neg[lab] for lab, yy in zip(labels, y, strict=True)]
    return float(roc_auc_score(y, s, sample_weight=w))


def fit(X: np.ndarray, y: list[str], C: float) -> Any:
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(StandardScaler(), LogisticRegression(C=C, max_iter=5000, class_weight="balanced")).fit(X, y)


def grouped_cv(X: np.ndarray, y: list[str], groups: list[str], C: float) -> float:
    """Mean over registers of the class-balanced AUC, 5 folds grouped by outlet, on the build split."""
    from sklearn.model_selection import StratifiedGroupKFold

    scores = np.zeros((len(y), len(REGISTERS)))
    for tr, te in StratifiedGroupKFold(5, shuffle=True, random_state=0).split(X, y, groups):
        m = fit(X[tr], [y[i] for i in tr], C)
        classes = list(m.classes_)
        scores[te] = m.predict_proba(X[te])[:, [classes.index(r) for r in REGISTERS]]
    return float(np.mean([weighted_auc([int(v == r) for v in y], list(scores[:, k]), y) for k, r in enumerate(REGISTERS)]))


def as_model(pipe: Any, categories: list[str], meta: dict[str, Any]) -> ProfileModel:
    scaler, lr = pipe.steps[0][1], pipe.steps[1][1]
    order = [list(lr.classes_).index(r) for r in REGISTERS]
    return ProfileModel(
        tuple(REGISTERS), tuple(categories), tuple(STYLE_FEATURES), scaler.mean_.copy(), scaler.scale_.copy(),
        lr.coef_[order].copy(), lr.intercept_[order].copy(), meta,
    )


def auc_table(rows: list[dict[str, Any]], results: list[Any], model: ProfileModel, keep: Any) -> tuple[str, dict[str, tuple[float, float, float, float]]]:
    from sklearn.metrics import roc_auc_score

    idx = [i for i, r in enumerate(rows) if r["split"] == "dev" and keep(r)]
    labels = [rows[i]["label"] for i in idx]
    preds = [profile_prediction(results[i].markers, results[i].article.text, n_words=results[i].n_words, n_outlet_words=results[i].n_outlet_words, n_sentences=results[i].n_sentences, model=model) for i in idx]
    lines = ["| register | dev texts (outlets) | negatives | lexicon rate: AUC / balanced | profile: AUC / balanced |", "|---|---|---|---|---|"]
    out = {}
    for reg in REGISTERS:
        y = [int(lab == reg) for lab in labels]
        rate = [float(results[i].markers[f"registers.{reg}"]["rate"] or 0) for i in idx]
        prob = [float(p["proba"][reg]) if p else 0.0 for p in preds]
        a = (roc_auc_score(y, rate), weighted_auc(y, rate, labels), roc_auc_score(y, prob), weighted_auc(y, prob, labels))
        out[reg] = a
        outlets = {rows[i]["outlet"] for i in idx if rows[i]["label"] == reg}
        lines.append(f"| {LABELS[reg]} | {sum(y)} ({len(outlets)}) | {len(y) - sum(y)} | {a[0]:.3f} / {a[1]:.3f} | **{a[2]:.3f}** / **{a[3]:.3f}** |")
    return "\n".join(lines), out


def topic_check(rows: list[dict[str, Any]], results: list[Any], model: ProfileModel) -> str:
    """On the dev split's Article-Bias-Prediction foreign-affairs articles (wire/mainstream and
    populist outlets, none of them state media): how often state media gets the largest probability."""
    idx = [i for i, r in enumerate(rows) if r["split"] == "dev" and r["source"] == "abp"]
    if not idx:
        return "(no foreign-affairs articles in the dev split)"
    lines = ["| outlets' register | articles (outlets) | mean probability of state media | state media the most likely | own register the most likely | state-media lexicon matches > 0 |", "|---|---|---|---|---|---|"]
    for reg in ("wire_service", "nationalist_populist"):
        sel = [i for i in idx if rows[i]["label"] == reg]
        if not sel:
            continue
        preds = [profile_prediction(results[i].markers, results[i].article.text, n_words=results[i].n_words, n_outlet_words=results[i].n_outlet_words, n_sentences=results[i].n_sentences, model=model) for i in sel]
        ps = [p["proba"] for p in preds if p]
        top = [max(p, key=p.get) for p in ps]
        lex = sum(1 for i in sel if (results[i].markers["registers.state_diplomatic"]["count"] or 0) > 0)
        lines.append(
            f"| {LABELS[reg]} | {len(sel)} ({len({rows[i]['outlet'] for i in sel})}) | {np.mean([p['state_diplomatic'] for p in ps]):.3f} | "
            f"{top.count('state_diplomatic') / len(top):.3f} | {top.count(reg) / len(top):.3f} | {lex / len(sel):.3f} |"
        )
    return "\n".join(lines)


def seeds_table(seeds: Path, model: ProfileModel) -> str:
    import framing.analysis.article as article_module

    article_module.load_profile_model = lambda: model  # the model just fitted, with its interval from the parse
    lines = ["| article | own words | " + " | ".join(LABELS[r] for r in REGISTERS) + " | label |", "|" + "---|" * (3 + len(REGISTERS))]
    for res in framing.analyze(framing.load(seeds), progress=False):
        p = res.register_profile
        if p is None:
            continue
        cells = [f"{p['proba'][r]:.2f} ({p['low'][r]:.2f}-{p['high'][r]:.2f}), {p['verdict'][r]}" for r in REGISTERS]
        lines.append(f"| {res.article.outlet} | {res.n_outlet_words} | " + " | ".join(cells) + f" | {p['label']} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Train and score the register profile; writes framing/models/register_profile.json, its card and docs/validation.md.")
    ap.add_argument("--pages", type=Path, default=Path("/tmp/registers"), help="folder of the research texts (<register>/texts.jsonl)")
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    ap.add_argument("--C", type=float, default=None, help="regularisation (default: chosen by grouped CV on the build split among 0.03, 0.1, 0.3)")
    ap.add_argument("--foreign-per-outlet", type=int, default=40, help="Article-Bias-Prediction foreign-affairs articles per outlet added to the training texts (0: none)")
    ap.add_argument("--no-write", action="store_true", help="print the numbers only")
    args = ap.parse_args(argv)

    rows = read(args.pages, args.data)
    if not rows:
        print(f"no research texts under {args.pages}", file=sys.stderr)
        return 2
    rows += foreign_affairs_rows(args.data, args.foreign_per_outlet)
    results = analysed(rows)
    categories = sorted(set(results[0].markers) - TOPIC_CATEGORIES)
    evidence = [profile_evidence(r.markers, r.article.text, tuple(categories), n_words=r.n_words, n_outlet_words=r.n_outlet_words, n_sentences=r.n_sentences) for r in results]
    X = np.vstack([e.rows() for e in evidence if e is not None])
    build = [i for i, r in enumerate(rows) if r["split"] == "build"]
    yb = [rows[i]["label"] for i in build]
    gb = [rows[i]["outlet"] for i in build]
    cv = {C: grouped_cv(X[build], yb, gb, C) for C in (0.03, 0.1, 0.3)}
    C = args.C if args.C is not None else max(cv, key=lambda c: cv[c])
    pipe = fit(X[build], yb, C)
    counts = Counter((r["label"], r["split"], r["source"]) for r in rows)
    outlets = {key: len({r["outlet"] for r in rows if (r["label"], r["split"], r["source"]) == key}) for key in counts}
    meta = {
        "trained": dt.date.today().isoformat(),
        "framing": framing.__version__,
        "C": C,
        "excerpt_words": EXCERPT_WORDS,
        "lexicons": dict(results[0].provenance.get("lexicons") or {}),
        "texts": {f"{lab}/{sp}/{src}": {"texts": n, "outlets": outlets[(lab, sp, src)]} for (lab, sp, src), n in sorted(counts.items())},
    }
    model = as_model(pipe, categories, meta)
    table, _ = auc_table(rows, results, model, lambda r: r["source"] == "pages")
    unseen, _ = auc_table(rows, results, model, lambda r: r["source"] == "pages" and r["outlet"] not in POPULIST_CLASSIFIER_OUTLETS)
    topic = topic_check(rows, results, model)
    seeds = seeds_table(args.seeds, model) if args.seeds.is_dir() else "(seeds not found)"
    data_lines = ["| register | build: research texts (outlets) | build: foreign-affairs articles (outlets) | dev: research texts (outlets) | dev: foreign-affairs articles (outlets) |", "|---|---|---|---|---|"]
    for reg in REGISTERS:
        cells = [f"{counts[(reg, sp, src)]} ({outlets.get((reg, sp, src), 0)})" for sp in ("build", "dev") for src in ("pages", "abp")]
        data_lines.append(f"| {LABELS[reg]} | " + " | ".join(cells) + " |")
    cv_line = ", ".join(f"C={c}: {v:.3f}" for c, v in cv.items())
    coef_lines = ["| register | strongest features for | strongest against |", "|---|---|---|"]
    names = categories + list(STYLE_FEATURES) + ["populist_classifier"]
    for k, reg in enumerate(REGISTERS):
        order = np.argsort(model.coef[k])
        coef_lines.append(f"| {LABELS[reg]} | " + ", ".join(f"{names[j]} ({model.coef[k][j]:+.2f})" for j in order[::-1][:6]) + " | " + ", ".join(f"{names[j]} ({model.coef[k][j]:+.2f})" for j in order[:4]) + " |")
    body = "\n\n".join([
        "The register profile (`framing.analysis.register_profile`, stored per article as `register_profile` in `articles.jsonl` and in `articles.csv` as `register_profile.p_<register>`): a multinomial logistic regression over every lexicon category's rate in the outlet's own words, a few style rates and the populist classifier's log-odds, trained on the research texts of the build outlets and on Article-Bias-Prediction foreign-affairs articles of the build split's mainstream and populist outlets (first 300 words of each; labels by outlet identity; no article that trained the populist classifier). Dev outlets were never used to choose lexicon entries or to fit the profile.",
        "\n".join(data_lines),
        f"Regularisation chosen by 5-fold cross-validation grouped by outlet on the build split (mean class-balanced AUC): {cv_line}; kept C={C}.",
        "### Dev outlets: ranking texts by the register's lexicon rate and by its profile probability\n\nAUC with the register's dev texts as positives and every other dev text as negatives; *balanced* weighs every negative class the same.\n\n" + table,
        "### Foreign affairs is not state media\n\nThe dev split's foreign-affairs articles of Article-Bias-Prediction (about China, Russia, Ukraine, NATO, Taiwan, tariffs or sanctions, from wire/mainstream and populist outlets): the state-media research texts are almost all on these topics, so a profile that learned the topic instead of the register would call them state media.\n\n" + topic,
        "### Dev outlets the populist classifier never saw\n\nThe same, without the dev texts from outlets whose Article-Bias-Prediction articles trained the `register_populist` classifier (The Blaze, The Epoch Times, The Hill, Politico ...): the fairer estimate for outlets new to every part of the profile.\n\n" + unseen,
        "### The seeds\n\nProbability (90% interval), verdict.\n\n" + seeds,
        "### What the profile leans on\n\nCoefficients on standardised features (log-odds per standard deviation).\n\n" + "\n".join(coef_lines),
        "Limits: labels are outlets, not texts (a straight report on a socialist site counts as Marxist); the dev sets are small (a few dozen texts for Marxist and state media), so an AUC moves by about 0.02 with one or two texts; the four classes are the only choices, so a text in none of them (a liberal opinion piece, a sports report) is still spread over them: read its verdicts, not only its largest probability.",
    ])
    print(body)
    if args.no_write:
        return 0
    path = ROOT / "framing" / "models" / PROFILE_FILE
    path.write_text(json.dumps(model.as_dict(), indent=1) + "\n", encoding="utf-8")
    card = ROOT / "framing" / "models" / "register_profile.md"
    card.write_text(card_text(model, data_lines, table, unseen, cv_line), encoding="utf-8")
    write_section("Register profile", "python bench/train_register_profile.py", body)
    return 0


def card_text(model: ProfileModel, data_lines: list[str], table: str, unseen: str, cv_line: str) -> str:
    return f"""# Register profile (`register_profile.json`)

How likely an article is written in each of four registers (Marxist / anti-imperialist, Chinese
and Russian state media, right-populist, wire and legacy mainstream news), with a 90% interval and
a verdict; see `framing.analysis.register_profile` for the method. Plain JSON numbers: loading it
runs no code.

- **Data**: real pages of each register's outlets read while researching the registers lexicon
  (issue #17; URLs and per-entry counts in `lexicons/evidence/registers/`; the texts are their
  publishers' and are not redistributed), each cut to its first 300 words, labelled by outlet
  identity. Held-out pages (`../shared/data/registers/heldout_urls.txt`) are never read.
  Article-Bias-Prediction (Baly et al., EMNLP 2020; license in `../shared/data/LICENSES.md`)
  enters through the `register_populist` classifier, one of the features (its card:
  `register_populist.md`), and as training texts: foreign-affairs articles of its mainstream and
  populist outlets (none that trained that classifier), so that the topic of state media is not
  read as its register.

{chr(10).join(data_lines)}

- **Model**: standardised features, multinomial logistic regression, balanced class weights,
  C={model.meta.get("C")} ({cv_line}), fitted on the build outlets only;
  {len(model.categories)} lexicon categories, {len(model.style)} style features, the populist log-odds.
- **Scores** (dev outlets, never used for lexicon entries or fitting; AUC / class-balanced AUC):

{table}

  Without the outlets the populist classifier was trained on:

{unseen}

- **Limits**: labels are outlets, not texts; small dev sets (a few dozen Marxist and state texts);
  four forced classes, so read the verdicts. The lexicons' versions at training are in the file's
  `meta`; a lexicon changed since shifts the features, so retrain after changing them.
- **Rebuild**: `python bench/train_register_profile.py --pages FOLDER` ({model.meta.get("trained")}).
"""


if __name__ == "__main__":
    raise SystemExit(main())
