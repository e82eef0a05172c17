"""How each actor is portrayed: per-article summaries and per-group (outlet) tables.

Per article, every actor gets its mentions (with the kind of reference and, where the sentiment
model is available, the target-dependent sentiment of each mention), its roles with evidence, and
a sentiment summary. ``mean`` is the mean mention score in [-1, 1] (P(positive) - P(negative));
its 95% interval is the normal approximation mean ± 1.96·sd/√n (``None`` below 2 mentions);
``negative_share`` is the share of mentions labelled negative.

**Whose evaluation it is.** A mention inside a quotation or inside reported speech is the
source's evaluation, not the outlet's: it is kept as evidence with its ``voice`` and ``speaker``,
but ``sentiment`` summarises only the mentions in the outlet's own voice (what findings and answer
keys speak of), and ``sentiment_quoted`` the others, with a summary per speaker ("how Mark
Carney's quoted words describe China").

**Evidence.** Every scored mention keeps the model's lexicon words near it (``evidence``) and the
evaluative words the dependency parse ties to it (``linked``: modifiers, labels, predicates and
the verbs it does or undergoes; see :mod:`framing.sentiment.syntax`), each as
``[word, start, end, valence(, relation)]`` with offsets in the article. ``descriptors`` gathers
what the outlet itself calls the actor ("would-be dictator", "willing vassal").
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # pragma: no cover
    from framing.types import ActorMention, Doc, Quote, Role, Voice

from framing.sentiment.syntax import doc_evaluations, mention_sentence

__all__ = ["DESCRIPTOR_RELATIONS", "ROLES", "MentionSentiment", "descriptors", "explicit_summary", "explicit_value", "own_voice", "sentiment_summary", "summarise_actors"]

ROLES = ("aggressor", "target", "cooperator", "speaker")
#: Evidence words kept per mention (lexicon words near it; words the parse ties to it).
MAX_EVIDENCE = 6
#: Relations of the parse that say what an actor is called or is (see framing.sentiment.syntax).
DESCRIPTOR_RELATIONS = ("modifier", "label", "predicate", "scare_quote")


class MentionSentiment(Protocol):
    """The sentiment of one mention, as a scorer returns it (:class:`framing.sentiment.TargetSentiment`)."""

    @property
    def label(self) -> str: ...

    @property
    def score(self) -> float: ...


def sentiment_summary(scores: Sequence[float], labels: Sequence[str]) -> dict[str, Any]:
    """n, mean, 95% interval and share of negative mentions (undefined values are None)."""
    n = len(scores)
    if n == 0:
        return {"n": 0, "mean": None, "ci_low": None, "ci_high": None, "negative_share": None}
    mean = sum(scores) / n
    lo: float | None
    hi: float | None
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


def own_voice(mentions: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The scored mention evidence in the outlet's own voice (results written before voices were
    kept count as the outlet's)."""
    return [m for m in mentions if "score" in m and m.get("voice", "outlet") == "outlet"]


def _quoted_summary(scored: list[dict[str, Any]]) -> dict[str, Any]:
    """Sentiment of the mentions in quotations and reported speech, overall and per speaker."""
    out = sentiment_summary([x["score"] for x in scored], [x["sentiment"] for x in scored])
    speakers: dict[str, list[dict[str, Any]]] = {}
    for x in scored:
        speakers.setdefault(x.get("speaker") or "(unattributed)", []).append(x)
    out["by_speaker"] = {name: sentiment_summary([x["score"] for x in xs], [x["sentiment"] for x in xs]) for name, xs in speakers.items()}
    return out


def descriptors(mentions: Iterable[dict[str, Any]], *, voice: str = "outlet") -> list[dict[str, Any]]:
    """The evaluative words the parse ties to an actor as what it is called or said to be
    (modifiers, labels, predicates: "the would-be *dictator*", "a willing *vassal*"), in one voice
    (default: the outlet's own), most frequent first: ``{"word", "relation", "valence", "n"}``."""
    acc: dict[str, dict[str, Any]] = {}
    for m in mentions:
        if m.get("voice", "outlet") != voice:
            continue
        for word, _, _, valence, rel in m.get("linked", ()):
            if rel not in DESCRIPTOR_RELATIONS:
                continue
            slot = acc.setdefault(word.lower(), {"word": word.lower(), "relation": rel, "valence": valence, "n": 0})
            slot["n"] += 1
    return sorted(acc.values(), key=lambda d: (-d["n"], -abs(d["valence"]), d["word"]))


def explicit_value(mention: dict[str, Any]) -> float | None:
    """The explicit evaluation of one mention: the summed valence of its descriptor words
    (modifiers, labels, predicates), clipped to [-1, 1]; None when it has none."""
    vals = [x[3] for x in mention.get("linked", ()) if x[4] in DESCRIPTOR_RELATIONS]
    return max(-1.0, min(1.0, sum(vals))) if vals else None


def explicit_summary(mentions: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """How the outlet itself labels the actor, over its own-voice mentions: how many carry an
    explicit evaluation (``evaluated``, of ``mentions``) and their mean (``mean``, None when none
    does). Unlike the model's sentiment, which also reads what happens to or is done by the actor
    ("Trump threatened tariffs"), this counts only words that say what the actor is or is called."""
    own = [m for m in mentions if m.get("voice", "outlet") == "outlet"]
    vals = [v for v in map(explicit_value, own) if v is not None]
    return {"mentions": len(own), "evaluated": len(vals), "mean": round(sum(vals) / len(vals), 4) if vals else None}


def summarise_actors(
    text: str,
    doc: Doc,
    mentions: Sequence[ActorMention],
    sentiments: Sequence[MentionSentiment | None],
    roles: Sequence[Role],
    voice: Voice | None = None,
    quotes: Sequence[Quote] = (),
    scare: Sequence[tuple[int, int]] = (),
) -> list[dict[str, Any]]:
    """One summary per actor of an article, most mentioned first, with evidence. With ``voice``
    (and the ``quotes`` it was made from), mentions in quotations or reported speech are labelled
    with their voice and speaker and summarised apart from the outlet's own (module docstring).
    ``scare`` are the character spans of the outlet's scare quotes: a descriptor inside one is
    relation ``scare_quote`` (the “democratic” government)."""
    by_actor: dict[str, dict[str, Any]] = {}
    for m, s in zip(mentions, sentiments):
        slot = by_actor.setdefault(
            m.actor,
            {"actor": m.actor, "name": m.name, "type": m.type, "candidate": m.kind == "candidate", "mentions": [], "roles": []},
        )
        ev = {"start": m.start, "end": m.end, "kind": m.kind, "sentence": m.sentence, "text": text[m.start : m.end]}
        if voice is not None and doc.n_tokens:
            first = bisect_left(doc.starts, m.start)
            label, k = voice.of_span(first, max(bisect_left(doc.starts, m.end), first + 1))
            if label != "outlet":
                q = quotes[k] if 0 <= k < len(quotes) else None
                ev.update(voice=label, speaker=(q.speaker_name or q.speaker_text) if q is not None else None)
        if s is not None:
            ev.update(sentiment=s.label, score=round(s.score, 4))
            words = getattr(s, "evidence", None)
            if words:  # the model's lexicon words, offsets moved from the sentence to the article
                at = mention_sentence(doc, m.start, m.end)[0] if doc.sentences else 0
                ev["evidence"] = [[w, a + at, b + at, v] for w, a, b, v in words[:MAX_EVIDENCE]]
        if doc.has_syntax:
            linked = doc_evaluations(doc, m.start, m.end, scare)
            if linked:  # evaluative words the parse ties to the mention
                ev["linked"] = [list(x) for x in linked[:MAX_EVIDENCE]]
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
        scored = own_voice(ms)
        quoted = [x for x in ms if "score" in x and x.get("voice", "outlet") != "outlet"]  # the sources' evaluations
        slot["n_mentions"] = len(ms)
        slot["kinds"] = dict(Counter(x["kind"] for x in ms))
        # the outlet's portrayal: roles it states itself, not those its sources claim
        slot["role_counts"] = {r: sum(1 for x in slot["roles"] if x["role"] == r and x.get("voice", "outlet") == "outlet") for r in ROLES}
        slot["sentiment"] = sentiment_summary([x["score"] for x in scored], [x["sentiment"] for x in scored])
        if scored:
            neg = min(scored, key=lambda x: x["score"])
            pos = max(scored, key=lambda x: x["score"])
            slot["sentiment"]["most_negative"] = {"score": neg["score"], "sentence": doc.sentence_text(neg["sentence"])}
            slot["sentiment"]["most_positive"] = {"score": pos["score"], "sentence": doc.sentence_text(pos["sentence"])}
        if quoted:
            slot["sentiment_quoted"] = _quoted_summary(quoted)
        slot["descriptors"] = descriptors(ms)
        slot["explicit"] = explicit_summary(ms)
        out.append(slot)
    out.sort(key=lambda d: (d["candidate"], -d["n_mentions"], d["name"]))
    return out
