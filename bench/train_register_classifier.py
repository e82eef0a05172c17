"""A right-populist register classifier beside the lexicon, trained on Article-Bias-Prediction (#17 part 3).

Run from the repository root:

    python bench/train_register_classifier.py [--data ../shared/data] [--per-outlet 300] [--no-write] [--no-save]

Data: Article-Bias-Prediction (Baly et al., EMNLP 2020; Apache-2.0; the article texts remain the
copyright of their publishers), read from ``../shared/data/article_bias`` at run time and never
copied. Articles of the media split's held-out outlets (``split_media == "test"``) are dropped as the
file is read, before anything else (the shared copy holds none; the filter stays in case it ever does).

The protocol:

1. two outlet lists, written out below with one line of justification each: right-populist
   outlets (:data:`POPULIST`) and mainstream newsrooms and their opinion pages (:data:`MAINSTREAM`).
   Every other outlet is listed as falling into neither and not used. At most ``--per-outlet``
   articles per outlet (a fixed random sample) so that the largest outlets do not stand for their class;
2. every article is cleaned as the analysis cleans it (:func:`framing.inputs.clean.clean_text`)
   and then its outlet fingerprints are masked (:func:`mask_outlet`): outlet names and aliases,
   the article's own and every other listed author's name, bylines, datelines, photo credits and
   captions, share/ad/newsletter lines, embedded-tweet signatures, handles, links and e-mails;
3. five-fold cross-validation grouped by outlet and stratified by class
   (``StratifiedGroupKFold``: no outlet in both training and test), the same folds for every
   scorer: (a) the rate of ``registers.nationalist_populist`` per 1,000 of the outlet's own words
   (framing's matcher, :class:`~framing.ml.features.LexiconVectorizer`), (b) framing's article
   pipelines of ``--models`` (default: words + lexicon features, and words alone; character
   n-grams too with ``--models tfidf,tfidf+chars+lexicon``, half an hour more), trained on the full
   articles, (c) the mean of the ranks of (a) and the kept classifier within each test fold. Each
   is scored on the full test articles and on their first 300 words: ROC AUC per fold, mean, and
   the mean classifier score per outlet. The classifier kept is the one with the best mean AUC on
   excerpts;
4. the kept classifier is refitted on all the selected articles; its strongest words and character
   n-grams per class are listed so a reader can judge whether it learnt register or outlet;
5. when the classifier beats the lexicon on excerpts by at least ``SHIP_MARGIN`` AUC and its file
   is under ``SHIP_MAX_MB``, it is saved with framing's safe persistence to
   ``framing/models/register_populist.skops`` with its card ``framing/models/register_populist.md``
   (built-in name ``register_populist`` for ``--model``); the numbers go to the section
   "Register classifier (Article-Bias-Prediction)" of docs/validation.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedGroupKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _validation_doc import write_section

from framing.inputs.clean import clean_text
from framing.ml.cards import card_versions, top_features
from framing.ml.features import LexiconVectorizer
from framing.ml.model import Classifier, save_classifier
from framing.ml.pipelines import fit_with_blocks, fold_pipeline, make_pipeline
from framing.resources import model_dir

SECTION = "Register classifier (Article-Bias-Prediction)"
COMMAND = "python bench/train_register_classifier.py"
MODEL_NAME = "register_populist"
POP, MAIN = "right_populist", "mainstream"
CATEGORY = "registers.nationalist_populist"
EXCERPT_WORDS = 300
N_FOLDS = 5
SEED = 0
#: ship only if the classifier beats the lexicon on 300-word excerpts by this much (grouped CV)
SHIP_MARGIN = 0.05
SHIP_MAX_MB = 10.0
#: a character block keeps its 100,000 most frequent n-grams so that the model file stays small
CHAR_MAX_FEATURES = 100_000

# ---------------------------------------------------------------------------------------------
# The outlet lists (source names exactly as in the data). Ratings: AllSides media bias ratings
# (the ABP labels are effectively these); facts: owner, founder, what the outlet is known for.

#: Right-populist outlets: partisan pro-Trump / anti-establishment sites and talk-media brands.
POPULIST: dict[str, str] = {
    "Townhall": "conservative commentary site of Salem Media Group, talk-radio brand; AllSides Right",
    "TheBlaze.com": "Glenn Beck's Blaze Media, talk-show conservative populism; AllSides Right",
    "The Daily Wire": "Ben Shapiro and Jeremy Boreing's partisan news/commentary site; AllSides Right",
    "The Epoch Times": "Falun Gong-linked paper known for pro-Trump and anti-establishment coverage; AllSides Right",
    "InfoWars": "Alex Jones's far-right conspiracy site ('globalists', 'the deep state'); AllSides Right",
    "HotAir": "Salem Media conservative blog founded by Michelle Malkin; AllSides Right",
    "The Western Journal": "pro-Trump viral-news site (formerly Conservative Tribune); AllSides Right",
    "WND.com": "WorldNetDaily, nationalist site known for birther coverage; AllSides Right",
    "PJ Media": "Salem Media conservative blog network (PJ = Pajamas Media); AllSides Right",
    "Red State": "Salem Media conservative group blog; AllSides Right",
    "American Thinker": "online conservative magazine with nationalist-populist columns; AllSides Right",
    "The Post Millennial": "Canadian right-populist online outlet; AllSides Right",
    "American Greatness": "pro-Trump 'national conservative' journal named after his slogan; AllSides Right",
}

#: Mainstream outlets: national newsrooms, wire-like services and public broadcasters, plus the
#: opinion pages of mainstream papers (so that the contrast is register, not news against opinion).
MAINSTREAM: dict[str, str] = {
    "NPR Online News": "US public radio network's newsroom; AllSides Center",
    "USA TODAY": "Gannett's national daily (news and opinion pages); AllSides Center",
    "New York Times - News": "national newspaper of record, news desk; AllSides Lean Left",
    "New York Times (Online News)": "the same newsroom's online news; AllSides Lean Left",
    "New York Times - Opinion": "opinion pages of the same mainstream paper; AllSides Left",
    "Washington Post": "national daily (Nash Holdings), news and opinion; AllSides Lean Left",
    "Wall Street Journal - News": "national business daily (Dow Jones), news desk; AllSides Center",
    "Bloomberg": "business news service and wire; AllSides Center",
    "Christian Science Monitor": "non-profit national and international newspaper; AllSides Center",
    "CBS News": "broadcast network news division; AllSides Lean Left",
    "NBC News (Online)": "broadcast network news division; AllSides Lean Left",
    "NBCNews.com": "the same network's website; AllSides Lean Left",
    "CNBC": "NBCUniversal's business news channel; AllSides Center",
    "CNN - Editorial": "opinion pages of the cable news network; AllSides Left",
    "PBS NewsHour": "public television's evening news programme; AllSides Center",
    "Politico": "Washington political newsroom (Axel Springer); AllSides Lean Left",
    "The Hill": "Washington political newspaper (Nexstar); AllSides Center",
    "Axios": "Washington newsroom of short news briefs; AllSides Center",
    "Time Magazine": "national news magazine; AllSides Lean Left",
    "Los Angeles Times": "metropolitan daily of record; AllSides Lean Left",
    "Chicago Tribune": "metropolitan daily of record; AllSides Center",
    "The Boston Globe": "metropolitan daily of record; AllSides Lean Left",
    "The Dallas Morning News": "metropolitan daily of record; AllSides Center",
    "San Francisco Chronicle": "metropolitan daily of record (Hearst); AllSides Lean Left",
}

#: Names an outlet goes by in its own or others' texts beyond the data's source names.
ALIASES = (
    "Townhall.com", "Townhall", "TheBlaze", "The Blaze", "Blaze Media", "BlazeTV", "Blaze TV", "Daily Wire", "DailyWire",
    "Epoch Times", "Epoch Media", "NTD", "Infowars", "InfoWars", "Infowars.com", "Alex Jones", "Hot Air", "HotAir",
    "Western Journal", "WesternJournal", "WND", "WorldNetDaily", "PJ Media", "PJMedia", "RedState", "Red State",
    "American Thinker", "Post Millennial", "American Greatness", "Breitbart", "Daily Caller", "Newsmax", "Gateway Pundit",
    "NPR", "National Public Radio", "USA TODAY", "USA Today", "USAToday", "New York Times", "NYTimes", "NYT", "Times",
    "Washington Post", "WashPost", "Wall Street Journal", "WSJ", "Bloomberg News", "Bloomberg", "Bloomberg Politics",
    "Christian Science Monitor", "CSMonitor", "Monitor", "CBS News", "CBS", "NBC News", "NBC", "MSNBC", "CNBC", "CNN",
    "PBS NewsHour", "NewsHour", "PBS", "POLITICO", "Politico", "Playbook", "The Hill", "Axios", "TIME", "Time magazine",
    "Los Angeles Times", "LA Times", "Chicago Tribune", "Tribune", "Boston Globe", "Globe", "Dallas Morning News",
    "San Francisco Chronicle", "Chronicle", "Reuters", "Associated Press", "AP", "AFP", "Agence France-Presse",
    "Fox News Digital", "Fox News Channel", "Fox News", "Fox Business", "FOX", "Fox", "ABC News", "ABC",
    "Getty Images", "Getty", "Landov", "MCT", "Salem Media", "Salem",
)  # fmt: skip

#: Whole lines that are page furniture or outlet boilerplate rather than the article's prose.
BOILERPLATE_LINE = re.compile(
    r"""^\s*(?:
        (?:enlarge\ this\ image|toggle\ caption|hide\ caption|image\ caption|photo:|photographer:|photo\ by|photo\ credit)
      | (?:listen\ to\ article|share\ this\ article|share\ tweet|share\ on|tweet\ share|email\ this)
      | (?:ad|advertisement|story\ continues\ below|continue\ reading|read\ more|related|see\ also|more\ from|watch:?|video:?)\b
      | (?:contributing:?|contributed\ to\ this\ report|(?:the\ )?associated\ press\ contributed|with\ assistance\ by|—\ with\ assistance)
      | (?:\[?editor'?s\ note|correction:|clarification:|updated?\ (?:at|on)\b|update\ \d|this\ (?:story|article|post)\ (?:has\ been|was|originally|first))
      | (?:follow\ |sign\ up|subscribe|newsletter|get\ the\ latest|download\ the|click\ here|like\ us\ on|copyright|©|all\ rights\ reserved)
      | (?:in\ addition\ to\ its\ own\ editorials)
      | (?:by\ [A-Z][\w.'-]+(?:\ [A-Z][\w.'-]+){0,3}\s*(?:,|$|\||and\ ))
    )""",
    re.IGNORECASE | re.VERBOSE,
)
#: Phrases that mark a short line (30 words or fewer) as boilerplate wherever they stand in it.
BOILERPLATE_ANY = re.compile(
    r"(?:contributed\ to\ this\ report|contributed\ reporting|privacy\ policy|terms\ of\ (?:service|use)|video\ provided\ by"
    r"|read\ or\ share\ this\ story|tagged\ under|all\ rights\ reserved|sign\ up\ (?:for|to)|newsletter|\|\ photos?\b"
    r"|^close\b|reporting\ by\ |editing\ by\ |writing\ by\ |this\ (?:story|article)\ (?:appeared|was\ originally))",
    re.IGNORECASE,
)
#: Lines that end like an embedded tweet: "— Name (@handle) June 3, 2019" or carry a twitter picture link.
TWEET_LINE = re.compile(r"(?:\(@\w+\)\s*\w+\.?\s+\d{1,2},\s+\d{4}\s*$|pic\.twitter\.com|twitter\.com/\w+/status)", re.IGNORECASE)
#: A dateline opening the text: "WASHINGTON —", "NEW YORK (Reuters) -", "BEIJING, June 3 (AP) —".
DATELINE = re.compile(r"^[ \t]*[A-Z][A-Z .,'-]{1,40}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([^)]{1,40}\))?[ \t]*[-—–]{1,2}[ \t]+", re.MULTILINE)
#: Photo credits and captions in parentheses: "(Doug Mills-Pool/Getty Images)", "(AP Photo/Evan Vucci)".
CREDIT = re.compile(r"\((?:[^()]{0,80}(?:/|photo|images|getty|reuters|afp|ap\b|courtesy|credit|file)[^()]{0,80})\)", re.IGNORECASE)
LINK = re.compile(r"(?:https?://\S+|www\.\S+|\b[\w.-]+\.(?:com|org|net|gov)(?:/\S*)?\b|\S+@\S+\.\w+|@\w{2,})", re.IGNORECASE)
#: Author fields hold some non-names ("Opinion Writer", "Health Policy"): only two to four capitalised words.
NAME = re.compile(r"^[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){1,3}$")
NOT_NAMES = {"Opinion Writer", "Health Policy", "Pennsylvania Politics", "Staff Writer", "Associated Press", "Contributing Writer"}


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# Data


def read_articles(data: Path) -> Iterator[dict[str, Any]]:
    """Article-Bias-Prediction records, the media split's held-out outlets left out as each is read."""
    with gzip.open(data / "article_bias" / "articles.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            r = json.loads(line)
            if r.get("split_media") == "test":
                continue
            yield r


def select(data: Path, per_outlet: int, seed: int = SEED) -> tuple[list[dict[str, Any]], Counter[str]]:
    """The articles of the listed outlets (at most ``per_outlet`` each, a fixed random sample), and
    the article count of every outlet of the (non-test) data."""
    counts: Counter[str] = Counter()
    by: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in read_articles(data):
        counts[r["source"]] += 1
        if (r["source"] in POPULIST or r["source"] in MAINSTREAM) and len((r.get("text") or "").split()) >= 50:  # a 50-word stub says nothing about register
            by[r["source"]].append({k: r.get(k) for k in ("id", "title", "text", "source", "authors")})
    rng = np.random.default_rng(seed)
    rows: list[dict[str, Any]] = []
    for source in sorted(by):
        items = sorted(by[source], key=lambda r: str(r["id"]))
        if len(items) > per_outlet:
            items = [items[i] for i in sorted(rng.choice(len(items), per_outlet, replace=False))]
        rows.extend(items)
    return rows, counts


# ---------------------------------------------------------------------------------------------
# Masking outlet fingerprints


def author_names(rows: list[dict[str, Any]]) -> list[str]:
    """Every author name (two to four capitalised words) of the selected articles' ``authors`` fields."""
    names: set[str] = set()
    for r in rows:
        for part in str(r.get("authors") or "").split(","):
            name = part.strip().strip('"').strip()
            if NAME.match(name) and name not in NOT_NAMES:
                names.add(name)
    return sorted(names)


def name_pattern(names: list[str]) -> re.Pattern[str]:
    """One case-sensitive pattern of whole names, longest first (possessive 's included)."""
    alts = sorted({re.escape(n) for n in names if n.strip()}, key=len, reverse=True)
    return re.compile(r"(?<![\w@])(?:the\s+|The\s+)?(?:" + "|".join(alts) + r")(?:'s|’s)?(?![\w])")


def mask_outlet(text: str, names: re.Pattern[str]) -> str:
    """``text`` without the outlet's fingerprints: boilerplate lines, datelines, credits, links,
    handles, and every outlet name, alias or author name of ``names``."""
    lines = []
    for line in text.split("\n"):
        s = line.strip()
        if not s:
            lines.append("")
            continue
        if BOILERPLATE_LINE.match(s) or TWEET_LINE.search(s) or (len(s.split()) <= 30 and BOILERPLATE_ANY.search(s)) or (len(s.split()) <= 3 and not s.endswith((".", "?", "!", '"', "”"))):
            continue  # a line of three words or fewer without end punctuation is a label, not prose
        lines.append(line)
    out = "\n".join(lines)
    out = DATELINE.sub("", out)
    out = CREDIT.sub(" ", out)
    out = LINK.sub(" ", out)
    out = names.sub(" ", out)
    out = re.sub(r"[ \t]{2,}", " ", out)
    out = re.sub(r" +([,.;:])", r"\1", out)
    return re.sub(r"\n{3,}", "\n\n", out).strip()


def excerpt(text: str, n_words: int = EXCERPT_WORDS) -> str:
    """The first ``n_words`` words of ``text`` (line breaks kept)."""
    ends = [m.end() for m in re.finditer(r"\S+", text)]
    return text if len(ends) <= n_words else text[: ends[n_words - 1]]


def prepare(rows: list[dict[str, Any]]) -> tuple[list[str], re.Pattern[str]]:
    names = name_pattern(sorted(set(POPULIST) | set(MAINSTREAM) | set(ALIASES)) + author_names(rows))
    texts = []
    for r in rows:
        cleaned = clean_text(r["text"], title=r.get("title"), find_article=False).text
        texts.append(mask_outlet(cleaned, names))
    return texts, names


# ---------------------------------------------------------------------------------------------
# Evaluation


def auc(y: np.ndarray, s: np.ndarray) -> float:
    return float(roc_auc_score(y, s))


def ranks(s: np.ndarray) -> np.ndarray:
    """Ranks scaled to 0-1 (ties share their mean rank)."""
    from scipy.stats import rankdata

    return (rankdata(s) - 1) / max(len(s) - 1, 1)


def lexicon_block(texts: list[str]) -> tuple[np.ndarray, int]:
    """The lexicon block of framing's pipeline (every category, per 1,000 of the outlet's own
    words), computed once: the classifier's ``lexicon`` features and, in column ``j``, the rate (a)."""
    vec = LexiconVectorizer(scale="rate").fit([])
    return vec.transform(texts), vec.categories_.index(CATEGORY)


def evaluate(texts: list[str], y: np.ndarray, groups: np.ndarray, models: list[str]) -> dict[str, Any]:
    """Grouped CV: per fold and mean AUC of every scorer on full articles and on 300-word excerpts."""
    n = len(texts)
    short = [excerpt(t) for t in texts]
    both = texts + short  # rows 0..n-1 the full articles, n..2n-1 their excerpts
    splitter = StratifiedGroupKFold(n_splits=N_FOLDS, shuffle=True, random_state=SEED)
    splits = list(splitter.split(np.zeros(n), y, groups))
    t0 = time.time()
    block, j = lexicon_block(both)
    lex = np.nan_to_num(block[:, j], nan=0.0)  # an empty text has no rate: it ranks lowest
    log(f"lexicon features of {len(both)} texts in {time.time() - t0:.0f} s")
    scores: dict[str, dict[str, np.ndarray]] = {"lexicon": {"full": lex[:n], "excerpt": lex[n:]}}
    for model in models:
        pipe = pipeline_for(model)
        t0 = time.time()
        pre = {"lexicon": block} if "lexicon" in model.split("+") else {}
        out = {"full": np.zeros(n), "excerpt": np.zeros(n)}
        for tr, te in splits:
            fold = fold_pipeline(pipe, both, pre).fit(tr, y[tr])
            pos = list(fold.classes_).index(1)
            out["full"][te] = fold.predict_proba(te)[:, pos]
            out["excerpt"][te] = fold.predict_proba(te + n)[:, pos]
        scores[model] = out
        log(f"{model}: {len(splits)} folds in {time.time() - t0:.0f} s")
    # the kept classifier: the best mean AUC on excerpts (chosen on these folds, so its AUC is slightly optimistic)
    best = max(models, key=lambda name: (float(np.mean([auc(y[te], scores[name]["excerpt"][te]) for _, te in splits])), -models.index(name)))
    result: dict[str, Any] = {"best": best, "splits": splits, "scores": scores, "folds": defaultdict(dict), "mean": defaultdict(dict), "lexicon_block": block[:n]}
    names = [*scores, "combined"]
    for kind in ("full", "excerpt"):
        comb = np.zeros(n)
        for _, te in splits:  # rank average within each test fold: needs no training
            comb[te] = (ranks(scores["lexicon"][kind][te]) + ranks(scores[best][kind][te])) / 2
        scores.setdefault("combined", {})[kind] = comb
        for name in names:
            per = [auc(y[te], scores[name][kind][te]) for _, te in splits]
            result["folds"][name][kind] = per
            result["mean"][name][kind] = float(np.mean(per))
    return result


# ---------------------------------------------------------------------------------------------
# Report


def outlet_table(rows: list[dict[str, Any]], y: np.ndarray, result: dict[str, Any], best: str) -> list[str]:
    sc = result["scores"]
    by: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        by[r["source"]].append(i)
    lines = [
        "| outlet | class | articles | classifier, full | classifier, 300 words | lexicon rate, full | lexicon rate, 300 words |",
        "|---|---|---|---|---|---|---|",
    ]
    order = sorted(by, key=lambda s: (-int(y[by[s][0]]), -float(np.mean(sc[best]["full"][by[s]]))))
    for s in order:
        idx = by[s]
        lines.append(
            f"| {s} | {POP if y[idx[0]] == 1 else MAIN} | {len(idx)} | {np.mean(sc[best]['full'][idx]):.2f} | {np.mean(sc[best]['excerpt'][idx]):.2f} "
            f"| {np.mean(sc['lexicon']['full'][idx]):.2f} | {np.mean(sc['lexicon']['excerpt'][idx]):.2f} |"
        )
    return lines


def feature_lines(top: dict[str, list[dict[str, Any]]], n: int = 25) -> list[str]:
    lines = []
    for cls in (POP, MAIN):
        kinds: dict[str, list[str]] = defaultdict(list)
        for f in top.get(cls, []):
            kinds[f["kind"]].append(f"{f['feature']!r}" if f["kind"] == "characters" else f["feature"])
        for kind, feats in kinds.items():
            lines.append(f"- **{cls}**, {kind}: " + ", ".join(feats[:n]))
    return lines


def build_section(rows: list[dict[str, Any]], counts: Counter[str], y: np.ndarray, result: dict[str, Any], models: list[str], top: dict[str, Any], ship: dict[str, Any], per_outlet: int) -> str:
    best = result["best"]
    m = result["mean"]
    used = Counter(r["source"] for r in rows)
    neither = sorted(((c, s) for s, c in counts.items() if s not in POPULIST and s not in MAINSTREAM), reverse=True)
    missing = sorted(s for s in (*POPULIST, *MAINSTREAM) if s not in counts)
    blocks = {"tfidf": "words", "chars": "characters", "lexicon": "lexicon features"}
    label = {"lexicon": f"(a) lexicon: `{CATEGORY}` per 1,000 words", "combined": "(c) mean of the ranks of (a) and (b) within each test fold"}
    for name in models:
        what = " + ".join(blocks[p] for p in name.split("+"))
        label[name] = f"(b) classifier, {what} (`{name}`), kept" if name == best else f"classifier, {what} (`{name}`)"
    lines = [
        f"Does a classifier trained on labelled outlets add to the `{CATEGORY}` lexicon? Article-Bias-Prediction (Baly et al. 2020; "
        "Apache-2.0, the texts remain their publishers'), without the media split's held-out outlets (`split_media == \"test\"`, "
        f"dropped as the file is read). Two outlet lists, written in the script with a justification per outlet: **right-populist** "
        f"({sum(used[s] for s in POPULIST):,} articles from {sum(1 for s in POPULIST if used[s])} outlets) and **mainstream** "
        f"({sum(used[s] for s in MAINSTREAM):,} from {sum(1 for s in MAINSTREAM if used[s])}), at most {per_outlet} articles per outlet "
        "(a fixed random sample) and at least 50 words each.",
        "",
        "| class | outlet | articles used / in the data | why |",
        "|---|---|---|---|",
    ]
    for cls, table in ((POP, POPULIST), (MAIN, MAINSTREAM)):
        for s, why in table.items():
            lines.append(f"| {cls} | {s} | {used[s]} / {counts.get(s, 0)} | {why} |")
    big = [f"{s} ({c})" for c, s in neither if c >= 10]
    small = [(c, s) for c, s in neither if c < 10]
    lines += [
        "",
        f"Listed but absent from the non-test data: {', '.join(missing) or 'none'}. "
        f"In neither list ({len(neither)} outlets, {sum(c for c, _ in neither):,} articles, not used): "
        + ", ".join(big)
        + f"; and {len(small)} outlets with fewer than 10 articles each ({sum(c for c, _ in small):,} articles; the script prints them all). "
        "Fox News, the Washington Times, National Review, the New York Post and the Wall Street Journal's editorials are conservative "
        "but not consistently populist; Vox, Slate, Mother Jones and the like are partisan on the left: none of them is in either list.",
        "",
        "Before training and scoring, every article is cleaned as the analysis cleans it and its outlet fingerprints are masked: "
        "outlet names and aliases (Reuters, AP, Fox News Digital, Townhall, NPR, the Monitor ...), the names of all listed authors, "
        "bylines, datelines, photo credits and captions, share/ad/newsletter/related/correction lines, embedded-tweet signatures, "
        "handles, links and e-mail addresses. Cross-validation: `StratifiedGroupKFold(5)` by outlet (no outlet in both training and "
        "test; every fold tests both classes), the same folds for every row. The classifiers are framing's article pipeline "
        '(`make_pipeline(..., level="article")`, logistic regression with balanced class weights) trained on the full articles; '
        f"each is scored on the full test articles and on their first {EXCERPT_WORDS} words. The one kept (b) has the best mean AUC on "
        "excerpts among those scored, chosen on these same folds (so its AUC is slightly optimistic); `--models` scores others "
        f"(`tfidf+chars+lexicon`, character 2-5-grams capped at {CHAR_MAX_FEATURES:,}, takes about half an hour more on this machine). "
        "ROC AUC (0.5 = chance):",
        "",
        "| scorer | test texts | " + " | ".join(f"fold {i + 1}" for i in range(N_FOLDS)) + " | mean |",
        "|---|---|" + "---|" * (N_FOLDS + 1),
    ]
    for name in ["lexicon", *models, "combined"]:
        for kind, what in (("excerpt", f"first {EXCERPT_WORDS} words"), ("full", "full article")):
            per = result["folds"][name][kind]
            lines.append(f"| {label[name]} | {what} | " + " | ".join(f"{v:.3f}" for v in per) + f" | **{m[name][kind]:.3f}** |")
    test_outlets = []
    for i, (_, te) in enumerate(result["splits"]):
        srcs = sorted({rows[j]["source"] for j in te})
        test_outlets.append(f"fold {i + 1}: " + ", ".join(srcs))
    gain_ex = m[best]["excerpt"] - m["lexicon"]["excerpt"]
    gain_full = m[best]["full"] - m["lexicon"]["full"]
    lines += [
        "",
        "Test outlets per fold: " + "; ".join(test_outlets) + ".",
        "",
        f"The classifier (b) against the lexicon (a): {gain_ex:+.3f} AUC on {EXCERPT_WORDS}-word excerpts, {gain_full:+.3f} on full articles; "
        f"the rank average (c) against (b): {m['combined']['excerpt'] - m[best]['excerpt']:+.3f} on excerpts, "
        f"{m['combined']['full'] - m[best]['full']:+.3f} on full articles.",
        "",
        "Mean out-of-fold score per outlet (classifier: probability of right-populist from the fold that held the outlet out; lexicon: register matches per 1,000 words):",
        "",
        *outlet_table(rows, y, result, best),
        "",
        f"Strongest features of the classifier refitted on all {len(rows):,} articles (largest coefficients per class and block; "
        "character n-grams, if any, are quoted with their spaces). Outlet names, bylines and boilerplate were "
        "masked before training, so what remains should be register, topic and house style; judge for yourself:",
        "",
        *feature_lines(top),
        "",
        ship["text"],
        "",
        "Limits: the labels are outlets, not articles: a straight news report on a populist site counts as populist and an angry "
        "column in a mainstream paper as mainstream, so neither AUC is a ceiling on how well register can be read. The populist "
        "outlets are mostly commentary and blogs and the mainstream ones mostly news, even with the mainstream opinion pages in; "
        "part of the signal is opinion-versus-report. The articles date from 2012-2020 and are about US politics; the classifier "
        "knows that period's names and topics. Outlets with few articles weigh little in training and make noisy per-outlet means.",
    ]
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# Shipping


def pipeline_for(model: str) -> Any:
    """framing's article pipeline ``model``, its character block capped at :data:`CHAR_MAX_FEATURES` n-grams."""
    pipe = make_pipeline(model, level="article")
    if "chars" in model.split("+"):
        pipe.set_params(features__chars__max_features=CHAR_MAX_FEATURES)
    return pipe


def fit_final(texts: list[str], y: np.ndarray, groups: np.ndarray, per_outlet: int, lexicon: np.ndarray, model: str) -> Classifier:
    """The pipeline ``model`` (the best of ``--models``) fitted on every selected article, as :func:`framing.ml.training.train`
    does it (the grouped CV of :func:`evaluate` is its validation; no example sentences, which would
    copy data text into the card)."""
    labels = np.where(y == 1, POP, MAIN).astype(object)
    data = {
        "source": "Article-Bias-Prediction (Baly et al., EMNLP 2020), github.com/ramybaly/Article-Bias-Prediction",
        "license": "Apache-2.0 (the dataset); the article texts remain the copyright of their publishers and are not in this file",
        "labels": "outlet lists (right-populist vs mainstream) written in bench/train_register_classifier.py; the label is the outlet's, not the article's",
        "selection": f"non-test media split only; at most {per_outlet} articles per outlet, 50+ words; outlet names, bylines and boilerplate masked",
        "rebuild": COMMAND,
    }
    pipe = pipeline_for(model)
    fit_with_blocks(pipe, texts, labels, {"lexicon": lexicon})  # the only block that learns nothing: computed once in evaluate
    return Classifier(
        pipeline=pipe,
        classes=[str(c) for c in pipe.classes_],
        level="article",
        model=model,
        params={"C": 1.0, "feature_weight": 0.3, "seed": SEED, "chars_max_features": CHAR_MAX_FEATURES},
        training={"n": len(texts), "class_counts": dict(sorted(Counter(labels.tolist()).items())), "n_groups": len(set(groups.tolist()))},
        top_features=top_features(pipe, n=30),
        data=data,
        versions=card_versions(),
        created=dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        name=MODEL_NAME,
    )


def grouped_report(y: np.ndarray, result: dict[str, Any], best: str) -> dict[str, Any]:
    """The grouped-CV numbers in the shape of a model card's ``cv`` (AUC instead of macro-F1 over folds)."""
    from framing.ml.metrics import classification_metrics

    labels = np.where(y == 1, POP, MAIN).astype(object)
    p = result["scores"][best]["full"]
    proba = np.column_stack([1 - p, p])  # classes sorted: mainstream, right_populist
    pred = np.where(p >= 0.5, POP, MAIN).astype(object)
    pooled = classification_metrics(labels, pred, classes=[MAIN, POP], proba=proba)
    from sklearn.metrics import f1_score

    f1s = [float(f1_score(labels[te], pred[te], average="macro")) for _, te in result["splits"]]
    return {
        "scheme": f"StratifiedGroupKFold({N_FOLDS}) by outlet: no outlet in both training and test",
        "grouped": True,
        "n_splits": N_FOLDS,
        "folds": [
            {"fold": i, "n_test": len(te), "macro_f1": round(f1s[i], 4), "auc": round(result["folds"][best]["full"][i], 4), "auc_300_words": round(result["folds"][best]["excerpt"][i], 4)}
            for i, (_, te) in enumerate(result["splits"])
        ],
        "macro_f1": round(float(np.mean(f1s)), 4),
        "macro_f1_std": round(float(np.std(f1s)), 4),
        "auc": round(result["mean"][best]["full"], 4),
        "auc_300_words": round(result["mean"][best]["excerpt"], 4),
        "lexicon_auc": round(result["mean"]["lexicon"]["full"], 4),
        "lexicon_auc_300_words": round(result["mean"]["lexicon"]["excerpt"], 4),
        "pooled": pooled,
    }


def card_text(model: Any, result: dict[str, Any], best: str, section_body: str) -> str:
    """The model card: framing's card, then the data, outlet lists, grouped-CV scores and limits."""
    m = result["mean"]
    head = [
        "# Model card: register_populist (right-populist vs mainstream register, article level)",
        "",
        f"Rebuilt by `{COMMAND}`; shipped as `framing/models/register_populist.skops` and applied by name: "
        '`framing analyze PATH... --out DIR --model register_populist` or in Python `framing.run.apply.predict_results(framing.analyze(corpus), ["register_populist"])`. '
        "Its prediction per article is `right_populist` or `mainstream` with the probability of each.",
        "",
        "## What it is for",
        "",
        "A second opinion beside the `registers.nationalist_populist` lexicon, which on real text is weak. Grouped by outlet "
        f"(no outlet in both training and test), the classifier's ROC AUC is {m[best]['excerpt']:.3f} on 300-word excerpts and "
        f"{m[best]['full']:.3f} on full articles, against {m['lexicon']['excerpt']:.3f} and {m['lexicon']['full']:.3f} for the lexicon rate. "
        "It reads register, topic and house style of 2012-2020 US political writing: treat its probability as a ranking score "
        "(it is not calibrated, expected calibration error in the card below), not validated on other countries, periods or genres. It was trained on outlet labels: it says 'writes like the "
        "right-populist outlets of the list', never that an article or its author is populist.",
        "",
        "## Data, outlet lists and validation (from the run that built this file)",
        "",
        section_body,
        "",
        "## framing's card of the fitted pipeline",
        "",
        "",
    ]
    return "\n".join(head) + model.card_markdown().split("\n", 2)[2].lstrip("\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"), help="evaluation data folder (default: ../shared/data)")
    ap.add_argument("--per-outlet", type=int, default=300, help="articles per outlet at most (default: 300)")
    ap.add_argument("--models", default="tfidf+lexicon,tfidf", help="classifier pipelines to score; the one with the best mean AUC on excerpts is kept")
    ap.add_argument("--no-write", action="store_true", help="print the section instead of writing docs/validation.md")
    ap.add_argument("--no-save", action="store_true", help="do not write the model file even if it qualifies")
    args = ap.parse_args()
    data = Path(args.data)
    if not (data / "article_bias" / "articles.jsonl.gz").is_file():
        log(f"Article-Bias-Prediction not found under {data}; nothing to do")
        return 2
    models = [m.strip() for m in args.models.split(",") if m.strip()]
    if any(p not in ("tfidf", "chars", "lexicon") for m in models for p in m.split("+")):
        ap.error("--models: pipelines of tfidf, chars and lexicon blocks only (the lexicon block is computed once and shared)")
    t0 = time.time()
    rows, counts = select(data, args.per_outlet)
    log(f"{sum(counts.values()):,} non-test articles from {len(counts)} outlets; {len(rows):,} selected")
    neither = sorted(((c, s) for s, c in counts.items() if s not in POPULIST and s not in MAINSTREAM), reverse=True)
    log("in neither list: " + "; ".join(f"{s} ({c})" for c, s in neither))
    texts, _ = prepare(rows)
    log(f"cleaned and masked in {time.time() - t0:.0f} s")
    y = np.asarray([1 if r["source"] in POPULIST else 0 for r in rows])
    groups = np.asarray([r["source"] for r in rows], dtype=object)
    result = evaluate(texts, y, groups, models)
    for name, by in result["mean"].items():
        log(f"  {name}: excerpt {by['excerpt']:.3f} {np.round(result['folds'][name]['excerpt'], 3)}; full {by['full']:.3f}")
    best = result["best"]
    t1 = time.time()
    model = fit_final(texts, y, groups, args.per_outlet, result["lexicon_block"], best)
    log(f"final fit in {time.time() - t1:.0f} s")
    model = replace(model, cv=grouped_report(y, result, best))
    gain = result["mean"][best]["excerpt"] - result["mean"]["lexicon"]["excerpt"]
    out = model_dir() / f"{MODEL_NAME}.skops"
    tmp = Path(f"/tmp/{MODEL_NAME}.check.skops")
    save_classifier(model, tmp, card=False, compress=True)
    size_mb = tmp.stat().st_size / 1e6
    tmp.unlink()
    qualifies = gain >= SHIP_MARGIN and size_mb < SHIP_MAX_MB
    if qualifies:
        ship_text = (
            f"Shipped: the classifier adds {gain:+.3f} AUC on {EXCERPT_WORDS}-word excerpts over the lexicon (threshold +{SHIP_MARGIN:.2f}) and its "
            f"file is {size_mb:.1f} MB (limit {SHIP_MAX_MB:.0f} MB, compressed skops), so it is "
            f"saved as `framing/models/{MODEL_NAME}.skops` with its card `framing/models/{MODEL_NAME}.md` and applied by name: "
            f"`framing analyze PATH... --out DIR --model {MODEL_NAME}`."
        )
    else:
        ship_text = (
            f"Not shipped: the classifier adds {gain:+.3f} AUC on {EXCERPT_WORDS}-word excerpts over the lexicon (threshold +{SHIP_MARGIN:.2f}) "
            f"and its file would be {size_mb:.1f} MB (limit {SHIP_MAX_MB:.0f} MB). Rebuild and inspect it with `{COMMAND}`."
        )
    top = model.top_features
    body = build_section(rows, counts, y, result, models, top, {"text": ship_text}, args.per_outlet)
    if args.no_write:
        print(body)
    else:
        path = write_section(SECTION, COMMAND, body)
        log(f"wrote the section {SECTION!r} of {path}")
    if qualifies and not args.no_save:
        save_classifier(model, out, card=False, compress=True)
        (model_dir() / f"{MODEL_NAME}.md").write_text(card_text(model, result, best, body), encoding="utf-8")
        log(f"saved {out} ({out.stat().st_size / 1e6:.1f} MB) and its card")
    elif not qualifies:
        log(f"not shipped: gain {gain:+.3f}, size {size_mb:.1f} MB")
    log(f"total {time.time() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
