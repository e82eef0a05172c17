"""How each actor is portrayed: per-article summaries and per-group (outlet) tables.

Per article, every actor gets its mentions (with the kind of reference and, where the sentiment
model is available, the target-dependent sentiment of each mention), its roles with evidence, and
a sentiment summary. ``mean`` is the mean mention score in [-1, 1] (P(positive) - P(negative));
its 95% interval is the normal approximation mean ± 1.96·sd/√n (``None`` below 2 mentions);
``negative_share`` is the share of mentions labelled negative.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from framing.types import ArticleResult

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["actor_table", "quote_table", "role_table", "sentiment_summary", "summarise_actors"]

ROLES = ("aggressor", "target", "cooperator", "speaker")


def sentiment_summary(scores: Sequence[float], labels: Sequence[str]) -> dict[str, Any]:
    """n, mean, 95% interval and share of negative mentions (undefined values are None)."""
    n = len(scores)
    if n == 0:
        return {"n": 0, "mean": None, "ci_low": None, "ci_high": None, "negative_share": None}
    mean = sum(scores) / n
    if n >= 2:
        sd = math.sqrt(sum((x - mean) ** 2 for x in scores) / (n - 1))
        half = 1.96 * sd / math.sqrt(n)
        lo, hi = max(-1.0, mean - half), min(1.0, mean + half)
    else:
        lo = hi = None
    return {
        "n": n,
        "mean": round(mean, 4),
        "ci_low": None if lo is None else round(lo, 4),
        "ci_high": None if hi is None else round(hi, 4),
        "negative_share": round(sum(1 for lab in labels if lab == "negative") / n, 4),
    }


def summarise_actors(text: str, doc, mentions, sentiments, roles) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    """One summary per actor of an article, most mentioned first, with evidence."""
    by_actor: dict[str, dict[str, Any]] = {}
    for m, s in zip(mentions, sentiments):
        slot = by_actor.setdefault(
            m.actor,
            {"actor": m.actor, "name": m.name, "type": m.type, "candidate": m.kind == "candidate", "mentions": [], "roles": []},
        )
        ev = {"start": m.start, "end": m.end, "kind": m.kind, "sentence": m.sentence, "text": text[m.start : m.end]}
        if s is not None:
            ev.update(sentiment=s.label, score=round(s.score, 4))
        slot["mentions"].append(ev)
    for r in roles:
        if r.actor in by_actor:
            d = r.to_dict()
            d.pop("actor")
            d.pop("name")
            by_actor[r.actor]["roles"].append(d)
    out = []
    for slot in by_actor.values():
        ms = slot["mentions"]
        scored = [x for x in ms if "score" in x]
        slot["n_mentions"] = len(ms)
        slot["kinds"] = dict(Counter(x["kind"] for x in ms))
        slot["role_counts"] = {r: sum(1 for x in slot["roles"] if x["role"] == r) for r in ROLES}
        slot["sentiment"] = sentiment_summary([x["score"] for x in scored], [x["sentiment"] for x in scored])
        if scored:
            neg = min(scored, key=lambda x: x["score"])
            pos = max(scored, key=lambda x: x["score"])
            slot["sentiment"]["most_negative"] = {"score": neg["score"], "sentence": doc.sentence_text(neg["sentence"])}
            slot["sentiment"]["most_positive"] = {"score": pos["score"], "sentence": doc.sentence_text(pos["sentence"])}
        out.append(slot)
    out.sort(key=lambda d: (d["candidate"], -d["n_mentions"], d["name"]))
    return out


def _group_value(r: ArticleResult, by: str) -> Any:
    a = r.article
    if hasattr(a, by):
        return getattr(a, by)
    return a.meta.get(by)


def actor_table(results: Iterable[ArticleResult], *, by: str = "outlet", candidates: bool = False) -> pd.DataFrame:
    """Group × actor: articles, mentions, mean sentiment with its interval, negative share, roles.

    ``most_negative`` and ``most_positive`` are the evidence sentences behind the extremes.
    Articles flagged as duplicates are left out so a copied wire story is not counted twice.
    """
    import pandas as pd

    acc: dict[tuple[Any, str], dict[str, Any]] = {}
    for r in results:
        if r.article.duplicate_of:
            continue
        g = _group_value(r, by)
        for a in r.actors:
            if a.get("candidate") and not candidates:
                continue
            slot = acc.setdefault(
                (g, a["actor"]),
                {by: g, "actor": a["actor"], "name": a["name"], "type": a["type"], "articles": 0, "mentions": 0, "scores": [], "labels": [], "roles": Counter(), "neg": None, "pos": None},
            )
            slot["articles"] += 1
            slot["mentions"] += a["n_mentions"]
            for m in a["mentions"]:
                if "score" in m:
                    slot["scores"].append(m["score"])
                    slot["labels"].append(m["sentiment"])
            slot["roles"].update(a["role_counts"])
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
                "mean_sentiment": summ["mean"],
                "ci_low": summ["ci_low"],
                "ci_high": summ["ci_high"],
                "negative_share": summ["negative_share"],
                **{r: slot["roles"].get(r, 0) for r in ROLES},
                "most_negative": slot["neg"]["sentence"] if slot["neg"] else None,
                "most_positive": slot["pos"]["sentence"] if slot["pos"] else None,
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
        g = _group_value(r, by)
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
        g = _group_value(r, by)
        for q in r.quotes:
            speaker = q.get("speaker_name") or "(unattributed)"
            slot = acc.setdefault((g, speaker), {by: g, "speaker": speaker, "quotes": 0, "direct": 0, "partial": 0, "reported": 0, "evaluative": 0, "verbs": Counter()})
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
                **{k: slot[k] for k in (by, "speaker", "quotes", "direct", "partial", "reported")},
                "evaluative_verb_share": round(slot["evaluative"] / slot["quotes"], 3) if slot["quotes"] else None,
                "verbs": ", ".join(f"{v} ({n})" if n > 1 else v for v, n in slot["verbs"].most_common()),
            }
        )
    frame = pd.DataFrame(rows)
    if not frame.empty:
        frame = frame.sort_values([by, "quotes"], ascending=[True, False]).reset_index(drop=True)
    return frame
