"""Per-group tables of a comparison: actors, roles, quotes and classifier predictions.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from framing.actors.portrayal import ROLES, explicit_value, own_voice, sentiment_summary
from framing.comparison.grouping import group_of
from framing.types import ArticleResult

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

from framing.comparison.stats import bootstrap_ci

#: Descriptors listed per group and actor in the actor table.
MAX_DESCRIPTORS = 6

__all__ = ["actor_table", "marker_rate", "prediction_shares", "quote_table", "role_table"]


def prediction_shares(
    results: Sequence[ArticleResult], groups_of: Sequence[str], groups: Sequence[str], *, small: Sequence[str] = (), n_boot: int = 1000
) -> tuple[pd.DataFrame | None, dict[str, dict[str, Any]]]:
    """Per model, group and label: the share of the group's articles the model gives that label.

    For an article-level model each article counts 1 for its predicted label; for a
    sentence-level model each article counts its share of sentences with the label. ``share`` is
    the mean over the group's articles that have a prediction (``n`` of them), with a 95%
    percentile bootstrap interval over articles (:func:`bootstrap_ci`). Returns the table (None
    when no article has predictions) and the models' card summaries (``provenance.classifiers``).
    """
    import pandas as pd

    names: list[str] = list(dict.fromkeys(name for r in results for name in r.predictions))
    if not names:
        return None, {}
    cards: dict[str, dict[str, Any]] = {}
    for r in results:
        for name, card in ((r.provenance or {}).get("classifiers") or {}).items():
            cards.setdefault(name, card)
    garr = np.array(groups_of, dtype=object)
    rows = []
    for name in names:
        card = cards.setdefault(name, {"name": name})
        preds = [r.predictions.get(name) for r in results]
        labels = list(card.get("classes") or [])
        for p in preds:  # labels the card does not list (a model applied without its card)
            seen = list(p.get("share") or p.get("proba") or {}) + [p.get("label")] if p else []
            labels.extend(lab for lab in dict.fromkeys(seen) if lab is not None and lab not in labels)
        for lab in labels:
            vals = np.array([_label_value(p, lab) for p in preds], dtype=float)
            for g in groups:
                v = vals[(garr == g) & ~np.isnan(vals)]
                lo, hi = bootstrap_ci(v, n_boot=n_boot)
                rows.append(
                    {"model": name, "group": g, "label": lab, "share": float(v.mean()) if len(v) else None, "ci_low": lo, "ci_high": hi, "n": len(v), "small": g in small}
                )
    return pd.DataFrame(rows), {n: cards[n] for n in names}


def _label_value(pred: dict[str, Any] | None, label: str) -> float:
    """1/0 for an article-level prediction, the share of sentences for a sentence-level one; NaN if none."""
    if not pred:
        return math.nan
    if "share" in pred:
        v = (pred.get("share") or {}).get(label)
        return math.nan if v is None else float(v)
    if pred.get("label") is None:
        return math.nan
    return 1.0 if pred["label"] == label else 0.0


def actor_table(results: Iterable[ArticleResult], *, by: str = "outlet", candidates: bool = False) -> pd.DataFrame:
    """Group × actor: articles, mentions, mean sentiment with its interval, negative share, roles.

    The sentiment columns summarise the ``own_mentions``: scored mentions in the outlet's own
    voice (a mention inside a quotation or reported speech is its source's evaluation).

    ``most_negative`` and ``most_positive`` are the evidence sentences behind the extremes;
    ``own_voice_mentions``: its mentions in the outlet's own voice, scored or not;
    ``explicit_mentions`` / ``explicit_share`` / ``explicit_mean``: how many of the outlet's own
    mentions label the actor explicitly, as a share, and the mean valence of those labels (-1..1);
    ``descriptors`` the evaluative words the outlet itself ties to the actor in the parse
    ("dictator (3); vassal (1)": modifiers, labels, predicates; see ``framing.actors.portrayal``).
    Articles flagged as duplicates are left out so a copied wire story is not counted twice.
    """
    import pandas as pd

    acc: dict[tuple[Any, str], dict[str, Any]] = {}
    for r in results:
        if r.article.duplicate_of:
            continue
        g = group_of(r, by)
        for a in r.actors:
            if a.get("candidate") and not candidates:
                continue
            slot = acc.setdefault(
                (g, a["actor"]),
                {by: g, "actor": a["actor"], "name": a["name"], "type": a["type"], "articles": 0, "mentions": 0, "scores": [], "labels": [], "roles": Counter(), "descriptors": Counter(), "explicit": [], "own": 0, "neg": None, "pos": None},
            )
            slot["articles"] += 1
            slot["mentions"] += a["n_mentions"]
            for m in own_voice(a["mentions"]):  # the outlet's portrayal, not its sources'
                slot["scores"].append(m["score"])
                slot["labels"].append(m["sentiment"])
            slot["roles"].update(a["role_counts"])
            slot["descriptors"].update({d["word"]: d["n"] for d in a.get("descriptors", ())})
            own_ms = [m for m in a["mentions"] if m.get("voice", "outlet") == "outlet"]
            slot["own"] += len(own_ms)
            slot["explicit"].extend(v for v in map(explicit_value, own_ms) if v is not None)
            s = a["sentiment"]
            if "most_negative" in s and (slot["neg"] is None or s["most_negative"]["score"] < slot["neg"]["score"]):
                slot["neg"] = s["most_negative"]
            if "most_positive" in s and (slot["pos"] is None or s["most_positive"]["score"] > slot["pos"]["score"]):
                slot["pos"] = s["most_positive"]
    rows = []
    for slot in acc.values():
        summ = sentiment_summary(slot["scores"], slot["labels"])
        rows.append(
            {
                by: slot[by],
                "actor": slot["actor"],
                "name": slot["name"],
                "type": slot["type"],
                "articles": slot["articles"],
                "mentions": slot["mentions"],
                "own_mentions": len(slot["scores"]),  # scored mentions in the outlet's own voice: what the mean is over
                "mean_sentiment": summ["mean"],
                "ci_low": summ["ci_low"],
                "ci_high": summ["ci_high"],
                "negative_share": summ["negative_share"],
                **{r: slot["roles"].get(r, 0) for r in ROLES},
                "most_negative": slot["neg"]["sentence"] if slot["neg"] else None,
                "most_positive": slot["pos"]["sentence"] if slot["pos"] else None,
                # what the outlet itself calls the actor, as the parse ties the words to it
                # own-voice mentions the outlet labels explicitly, and the mean of those labels
                "own_voice_mentions": slot["own"],  # all its mentions in the outlet's own voice, scored or not
                "explicit_mentions": len(slot["explicit"]),
                "explicit_share": round(len(slot["explicit"]) / slot["own"], 4) if slot["own"] else None,
                "explicit_mean": round(sum(slot["explicit"]) / len(slot["explicit"]), 4) if slot["explicit"] else None,
                "descriptors": "; ".join(f"{w} ({n})" for w, n in slot["descriptors"].most_common(MAX_DESCRIPTORS)),
            }
        )
    frame = pd.DataFrame(rows)
    if not frame.empty:
        frame = frame.sort_values([by, "mentions"], ascending=[True, False], na_position="last").reset_index(drop=True)
    return frame


def role_table(results: Iterable[ArticleResult], *, by: str = "outlet") -> pd.DataFrame:
    """One row per role assignment, with its evidence sentence: who acts on whom, per group."""
    import pandas as pd

    rows = []
    for r in results:
        if r.article.duplicate_of:
            continue
        g = group_of(r, by)
        for a in r.actors:
            for role in a["roles"]:
                rows.append({by: g, "id": r.article.id, "actor": a["actor"], "name": a["name"], **role})
    return pd.DataFrame(rows)


def quote_table(results: Iterable[ArticleResult], *, by: str = "outlet") -> pd.DataFrame:
    """Group × speaker: quotes, direct/partial/reported counts, share of evaluative verbs, verbs used."""
    import pandas as pd

    acc: dict[tuple[Any, str], dict[str, Any]] = {}
    for r in results:
        if r.article.duplicate_of:
            continue
        g = group_of(r, by)
        for q in r.quotes:
            speaker = q.get("speaker_name") or "(unattributed)"
            slot = acc.setdefault((g, speaker), {by: g, "speaker": speaker, "quotes": 0, "direct": 0, "partial": 0, "mixed": 0, "reported": 0, "evaluative": 0, "verbs": Counter()})
            slot["quotes"] += 1
            slot[q["kind"]] += 1
            if q.get("verb_class") == "evaluative":
                slot["evaluative"] += 1
            if q.get("verb"):
                slot["verbs"][q["verb"]] += 1
    rows = []
    for slot in acc.values():
        rows.append(
            {
                **{k: slot[k] for k in (by, "speaker", "quotes", "direct", "partial", "mixed", "reported")},
                "evaluative_verb_share": round(slot["evaluative"] / slot["quotes"], 3) if slot["quotes"] else None,
                "verbs": ", ".join(f"{v} ({n})" if n > 1 else v for v, n in slot["verbs"].most_common()),
            }
        )
    frame = pd.DataFrame(rows)
    if not frame.empty:
        frame = frame.sort_values([by, "quotes"], ascending=[True, False]).reset_index(drop=True)
    return frame


def register_table(results: Sequence[ArticleResult], groups_of: Sequence[str], groups: Sequence[str], *, small: Sequence[str] = (), n_boot: int = 1000) -> pd.DataFrame:
    """Per group and register: the mean register score (per 1,000 own words, shrunk toward ordinary
    news on short articles; :mod:`framing.analysis.registers`) with its bootstrap interval, and the
    share of articles whose verdict is ``clear``, ``none`` and ``not enough evidence``; for the
    registers of the register profile (:mod:`framing.analysis.register_profile`) also the mean
    probability that an article reads as that register (``profile``, ``profile_ci_low``,
    ``profile_ci_high``, over the articles that have a profile) and the share of articles that
    clearly do (``profile_clear``)."""
    import pandas as pd

    from framing.analysis.registers import article_register_scores, load_reference

    reference = load_reference()
    scores = [article_register_scores(r, reference) for r in results]
    profiles = [r.register_profile for r in results]
    rows = []
    for g in groups:
        members = [s for s, gg in zip(scores, groups_of, strict=True) if gg == g]
        mine = [p for p, gg in zip(profiles, groups_of, strict=True) if gg == g and p]
        for key in reference:
            values = [m[key].score for m in members]
            verdicts = Counter(m[key].verdict for m in members)
            n = len(members)
            lo, hi = bootstrap_ci(values, n_boot=n_boot)
            row = {
                "group": g, "register": key, "n": n, "score": float(np.mean(values)) if n else None, "ci_low": lo, "ci_high": hi,
                "reference": reference[key].mean_per_1000, "clear": verdicts["clear"] / n if n else None,
                "none": verdicts["none"] / n if n else None, "unclear": verdicts["not enough evidence"] / n if n else None,
                "small": g in small, "profile": None, "profile_ci_low": None, "profile_ci_high": None, "profile_clear": None,
            }
            name = key.split(".", 1)[-1]
            probs = [float(p["proba"][name]) for p in mine if name in (p.get("proba") or {})]
            if probs:
                plo, phi = bootstrap_ci(probs, n_boot=n_boot)
                clear = sum(1 for p in mine if (p.get("verdict") or {}).get(name) == "clear")
                row.update(profile=float(np.mean(probs)), profile_ci_low=plo, profile_ci_high=phi, profile_clear=clear / len(probs))
            rows.append(row)
    return pd.DataFrame(rows)


def marker_rate(r: ArticleResult, key: str, field: Literal["rate", "all_rate"]) -> float:
    """The rate of one marker in one article, 0.0 when it is missing or None."""
    slot = r.markers.get(key)
    if not slot:
        return 0.0
    # results written before voices were kept have only "rate" (every word counted)
    return slot.get(field, slot.get("rate")) or 0.0
