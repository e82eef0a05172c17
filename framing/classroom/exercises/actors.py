"""Exercise 4: how each actor is portrayed.

A table actor x article (positive / neutral / negative; aggressor, target, cooperator) with the
sentences to judge from; the key gives the sentiment model's labels (when the model ran) and the
roles found by :mod:`framing.actors.attribution`, with their verbs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from framing.actors.portrayal import DESCRIPTOR_RELATIONS, own_voice
from framing.classroom.anonymise import Anonymiser
from framing.classroom.articles import PreparedArticle
from framing.classroom.evidence import Mark, no_overlap, segments
from framing.classroom.levels import Level

__all__ = ["actors_exercise", "tone"]

_ROLES = ("aggressor", "target", "cooperator")


def tone(actor: dict[str, Any]) -> tuple[str | None, str]:
    """The majority sentiment label of an actor's mentions ("mixed" on a tie) and its counts; None unscored."""
    labels = [m["sentiment"] for m in own_voice(actor["mentions"])]  # the outlet's words, not its sources
    if not labels:
        return None, ""
    c = Counter(labels)
    top = c.most_common()
    if len(top) > 1 and top[0][1] == top[1][1]:
        label = "mixed"
    else:
        label = top[0][0]
    detail = ", ".join(f"{n} {lab}" for lab, n in sorted(c.items(), key=lambda kv: -kv[1])) + f" of {len(labels)} mention{'s' if len(labels) != 1 else ''}"
    mean = actor.get("sentiment", {}).get("mean")
    if mean is not None:
        detail += f"; mean score {mean:+.2f}"
    return label, detail


def _ranked_actors(arts: list[PreparedArticle], level: Level, anon: Anonymiser) -> list[tuple[str, dict[str, Any]]]:
    """The actors to ask about: those in more articles first, then those with more roles and mentions."""
    totals: dict[str, dict[str, Any]] = {}
    for a in arts:
        for actor in a.result.actors:
            if actor.get("candidate") or actor.get("type") not in ("person", "state", "organisation", "group"):
                continue
            if anon.changes(actor["name"]):  # an outlet named as an actor is no actor of the story
                continue
            slot = totals.setdefault(actor["actor"], {"name": actor["name"], "articles": 0, "mentions": 0, "roles": 0})
            slot["articles"] += 1
            slot["mentions"] += actor["n_mentions"]
            slot["roles"] += sum(v for k, v in actor["role_counts"].items() if k != "speaker")
    ranked = sorted(totals.items(), key=lambda kv: (-min(kv[1]["articles"], 2), -kv[1]["roles"] - kv[1]["mentions"], kv[1]["name"]))
    return ranked[: level.actors]


def _evidence_sentences(actor: dict[str, Any], roles: list[dict[str, Any]], level: Level) -> list[int]:
    """Sentences to judge an actor from: where it has a role, its most negative and positive, then any mention."""
    picks: list[int] = []
    for r in roles:
        if r["sentence"] not in picks:
            picks.append(r["sentence"])
    for m in actor["mentions"]:  # where the outlet itself labels the actor ("the would-be dictator")
        if m.get("voice", "outlet") == "outlet" and any(x[4] in DESCRIPTOR_RELATIONS for x in m.get("linked", ())) and m["sentence"] not in picks:
            picks.append(m["sentence"])
    sent = actor.get("sentiment", {})
    for k in ("most_negative", "most_positive"):
        if k in sent:
            i = next((m["sentence"] for m in actor["mentions"] if "score" in m and m["score"] == sent[k]["score"]), None)
            if i is not None and i not in picks:
                picks.append(i)
    for m in actor["mentions"]:
        if m["sentence"] not in picks and m.get("voice", "outlet") == "outlet":
            picks.append(m["sentence"])
    return picks[: level.evidence_sentences]


def actors_exercise(arts: list[PreparedArticle], level: Level, shown: Callable[[str], str], anon: Anonymiser) -> dict[str, Any]:
    """Exercise 4's table with its sentences, and the key's tone and role for each actor and article."""
    rows: list[dict[str, Any]] = []
    keys: list[dict[str, Any]] = []
    for actor_id, info in _ranked_actors(arts, level, anon):
        cells: list[dict[str, Any]] = []
        kcells: list[dict[str, Any]] = []
        for a in arts:
            actor = next((x for x in a.result.actors if x["actor"] == actor_id), None)
            if actor is None:
                cells.append({"label": a.label, "mentioned": False, "sentences": []})
                kcells.append({"label": a.label, "mentioned": False})
                continue
            names = {x["actor"]: x["name"] for x in a.result.actors}
            roles = [r for r in actor["roles"] if r["role"] in _ROLES]
            evidence, plain = [], []
            for i in sorted(_evidence_sentences(actor, roles, level)):
                s, e = a.sentence_span(i)
                a.used.append((s, e))
                marks: list[Mark] = [(m["start"], m["end"], "actor", "mention") for m in actor["mentions"] if s <= m["start"] and m["end"] <= e]
                marks += [(r["verb_start"], r["verb_end"], "role", f"{r['role']}: {r['verb']}") for r in roles if r.get("verb_start") is not None and r.get("verb_end") is not None and s <= r["verb_start"] and r["verb_end"] <= e]
                marks = no_overlap(marks)
                evidence.append(segments(a.text[s:e], s, marks, shown))
                plain.append(shown(a.text[s:e]))
            counts = {k: actor["role_counts"].get(k, 0) for k in _ROLES}
            top = max(counts.values())
            role = " / ".join(k for k, v in counts.items() if v == top) if top else None
            role_ev = [
                f"{r['role']}: “{r['verb']}”" + (f" ({'against' if r['role'] == 'aggressor' else 'by' if r['role'] == 'target' else 'with'} {shown(names.get(r['other'], r['other']))})" if r.get("other") else "")
                for r in roles
            ]
            label, detail = tone(actor)
            called = [d["word"] for d in actor.get("descriptors", ())][:4]
            if called:
                detail = (detail + "; " if detail else "") + "the article itself calls it " + ", ".join(f"“{shown(w)}”" for w in called)
            cells.append({"label": a.label, "mentioned": True, "sentences": plain})
            kcells.append(
                {
                    "label": a.label,
                    "mentioned": True,
                    "mentions": actor["n_mentions"],
                    "tone": label,
                    "tone_detail": detail,
                    "role": role,
                    "role_detail": "; ".join(role_ev) if role_ev else "no verb of conflict or cooperation links this actor to another",
                    "evidence": evidence,
                }
            )
        rows.append({"actor": shown(info["name"]), "cells": cells})
        keys.append({"actor": shown(info["name"]), "cells": kcells})
    scored = any(c.get("tone") for k in keys for c in k["cells"])
    return {"key": "actors", "labels": [a.label for a in arts], "rows": rows, "answer_rows": keys, "scored": scored}
