"""Who speaks and who acts: quote attribution and actor roles.

Quotes
    Every quotation found by :func:`framing.text.quotes.find_quote_spans` is attributed to a speaker
    with an attribution verb when one is close: after the closing mark (“…,” he said / “…,” said
    Bessent) or before the opening mark in the same sentence (Leavitt replied: “…”). Sentences
    without quotation marks in which an actor is the subject of an attribution verb ("Carney said
    the deal ...", "according to officials") are reported speech. Verbs are classified with the
    ``rhetoric`` lexicon: ``attribution_neutral`` (said, told, stated) or ``attribution_evaluative``
    (claimed, insisted, admitted, boasted, warned, dissed); other verbs of saying count as neutral.

Roles
    In each sentence, a verb of conflict or cooperation (``lexicons/roles/actions.toml``) makes the
    nearest actor before it the agent and the first actor after it the other party: "Trump
    threatened a 100% tariff on Canadian goods" makes Trump the ``aggressor`` and Canada the
    ``target``; "Canada signed a deal with China" makes both ``cooperator``. An actor in a
    circumstance ("in the presence of Mark Carney", "during a visit by ...") is not the other party
    unless a partner preposition follows ("in Beijing with Xi"). Passive clauses ("was threatened
    by") swap the two. Everyone quoted gets the role ``speaker``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from framing.actors.gazetteer import ActorMention
from framing.markers.detectors import QUOTING_VERBS
from framing.markers.lexicons import LexiconSet, load_lexicon, parse_lexicon
from framing.resources import lexicon_dir
from framing.text.quotes import Quote, QuoteSpan, find_quote_spans
from framing.types import Doc

__all__ = ["Role", "attribute_quotes", "find_roles"]

_WORD = re.compile(r"[^\W_]+")
_AFTER_WINDOW = 4  # tokens after a closing quote mark in which a verb of saying is looked for
_SPEAKER_WINDOW = 4  # tokens between a verb and its speaker
_BEFORE_WINDOW = 8  # tokens between a verb of saying and the opening mark of its quotation
_ROLE_WINDOW = 10  # tokens between an action verb and its agent or other party
_NOT_VERBS = frozenset({"spokesman", "spokeswoman", "spokesperson", "post", "posts", "states", "state", "quote", "note", "notes", "cite", "term", "brand", "label", "labels", "calls", "call"})
#: Verbs that report speech even without "that" ("Carney said the deal ..."); other verbs of saying
#: make reported speech only when "that" follows within three tokens ("warned that ...").
_SPEECH_VERBS = frozenset(
    ["said", "says", "say", "told", "tells", "stated", "added", "adds", "claimed", "claims", "insisted", "insists", "argued", "argues", "wrote", "writes", "according", "to", "dissed", "boasted", "boasts", "admitted", "admits", "conceded", "alleged", "alleges", "denied", "denies", "replied", "replies", "responded", "acknowledged", "maintained"]
)
_PASSIVE_AUX = frozenset({"was", "were", "been", "is", "are", "being", "be", "got", "get"})
_SPEAKER_TYPES = frozenset({"person", "organisation", "state", "group", "unknown"})


@dataclass(frozen=True, slots=True)
class _Verb:
    t0: int  # first token
    t1: int  # one past the last token
    start: int
    end: int
    text: str
    cls: str


@lru_cache(maxsize=1)
def _verb_lexicon() -> LexiconSet:
    rhetoric = load_lexicon(lexicon_dir() / "rhetoric.toml")
    cats = {"attribution_neutral": [], "attribution_evaluative": []}
    for e in rhetoric.entries:
        if e.category in cats:
            cats[e.category].append({"term": e.term, "case_sensitive": e.case_sensitive})
    data = {
        "lexicon": {"name": "attribution", "version": rhetoric.version, "language": "en", "license": rhetoric.license, "description": "attribution verbs from rhetoric", "curators": list(rhetoric.curators)},
        "categories": {k: {"label": k, "definition": k, "literature": ["rhetoric lexicon"], "entries": v} for k, v in cats.items()},
    }
    return LexiconSet([parse_lexicon(data)])


@lru_cache(maxsize=1)
def _action_lexicon() -> LexiconSet:
    return LexiconSet([load_lexicon(lexicon_dir() / "roles" / "actions.toml")])


def _token_index(doc: Doc, char: int) -> int:
    return bisect_left(doc.starts, char)


def _verbs(doc: Doc) -> list[_Verb]:
    out: list[_Verb] = []
    covered: set[int] = set()
    for m in _verb_lexicon().match(doc):
        t0, t1 = _token_index(doc, m.start), _token_index(doc, m.end)
        cls = "evaluative" if m.category == "attribution_evaluative" else "neutral"
        # a word in both lists ("alleged" as hedge and evaluative) counts as evaluative
        if any(v.t0 == t0 and v.t1 == t1 for v in out):
            out = [v for v in out if not (v.t0 == t0 and v.t1 == t1)] if cls == "evaluative" else out
            if cls != "evaluative":
                continue
        out.append(_Verb(t0, t1, m.start, m.end, doc.text[m.start : m.end], cls))
        covered.update(range(t0, t1))
    for i, tok in enumerate(doc.tokens):
        # other verbs of saying count as neutral; lower case only ("States" is not a verb)
        if i not in covered and tok in QUOTING_VERBS and tok not in _NOT_VERBS:
            out.append(_Verb(i, i + 1, doc.starts[i], doc.ends[i], tok, "neutral"))
    # nouns that stand in the attribution lists ("a spokesperson for") are not verbs
    out = [v for v in out if v.text.lower() not in _NOT_VERBS]
    out.sort(key=lambda v: v.t0)
    return out


def _speakers(mentions: Sequence[ActorMention]) -> list[ActorMention]:
    return [m for m in mentions if m.kind != "adjective" and m.type in _SPEAKER_TYPES]


def _nearest(doc: Doc, cands: Sequence[ActorMention], verb: _Verb, sentence: int) -> ActorMention | None:
    """The speaker of a verb: a mention just before it (he said), else just after it (said X)."""
    best = None
    best_d = None
    for m in cands:
        if m.sentence != sentence:
            continue
        mt0, mt1 = _token_index(doc, m.start), _token_index(doc, m.end)
        if mt1 <= verb.t0:
            d = verb.t0 - mt1
        elif mt0 >= verb.t1:
            d = mt0 - verb.t1 + 0.5  # prefer the subject before the verb on a tie
        else:
            continue
        if d <= _SPEAKER_WINDOW and (best_d is None or d < best_d):
            best, best_d = m, d
    return best


def _subject(doc: Doc, cands: Sequence[ActorMention], verb: _Verb, sentence: int) -> ActorMention | None:
    """For a verb before a quote: the nearest actor before it in its sentence, else right after it."""
    before = [m for m in cands if m.sentence == sentence and m.end <= verb.start]
    if before:
        return before[-1]
    return _nearest(doc, cands, verb, sentence)


def attribute_quotes(doc: Doc, mentions: Sequence[ActorMention], spans: Sequence[QuoteSpan] | None = None) -> list[Quote]:
    """Direct, partial and reported quotations with speaker and verb, in text order."""
    text = doc.text
    spans = find_quote_spans(text) if spans is None else spans
    verbs = _verbs(doc)
    cands = _speakers(mentions)
    inside = [(s.start, s.end) for s in spans]
    used_verbs: set[int] = set()
    quotes: list[Quote] = []

    def sent_of(char: int) -> int:
        return doc.sentence_of_token(min(_token_index(doc, char), max(doc.n_tokens - 1, 0))).index

    for span in spans:
        n_words = len(_WORD.findall(span.inner(text)))
        if not n_words or not doc.n_tokens:
            continue
        q_t0, q_t1 = _token_index(doc, span.start), _token_index(doc, span.end)
        s_first, s_last = sent_of(span.start), sent_of(max(span.end - 1, span.start))
        verb = speaker = None
        sent = doc.sentences[s_first]
        before = [v for v in verbs if sent.token_start <= v.t0 and v.t1 <= q_t0 and not any(a <= v.start < b for a, b in inside)]
        # 1. a verb shortly before the opening mark: he claimed China was “…” / Leavitt replied: “…”
        if before and q_t0 - before[-1].t1 <= _BEFORE_WINDOW:
            verb = before[-1]
        # 2. a verb right after the closing mark: “…,” he said / “…,” said Bessent
        if verb is None:
            for v in verbs:
                if q_t1 <= v.t0 <= q_t1 + _AFTER_WINDOW and not any(a <= v.start < b for a, b in inside):
                    verb = v
                    speaker = _nearest(doc, [m for m in cands if m.start >= span.end], v, doc.sentence_of_token(v.t0).index)
                    break
        # 3. any verb of saying earlier in the sentence: Bessent added that ...: “…”
        if verb is None and before:
            verb = before[-1]
        if verb is not None and speaker is None and verb.t1 <= q_t0:
            speaker = _subject(doc, cands, verb, s_first)
            # ", warning it could ...": a participle after a comma shares the clause's speaker
            if doc.tokens[verb.t0].lower().endswith("ing") and verb.t0 > 0 and doc.tokens[verb.t0 - 1] == ",":
                earlier = [q for q in quotes if q.sentence == s_first and q.speaker]
                if earlier:
                    speaker = next(m for m in cands if m.actor == earlier[-1].speaker)
        if verb is None and n_words <= 4:
            continue  # an unattributed short quotation is a scare quote (see detectors)
        kind = "direct"
        if n_words <= 4 and span.start > sent.start + 1:
            kind = "partial"
        if verb is not None:
            used_verbs.add(verb.t0)
        quotes.append(
            Quote(
                kind=kind,
                start=span.start,
                end=span.end,
                sentence=s_first,
                speaker=speaker.actor if speaker else None,
                speaker_name=speaker.name if speaker else None,
                speaker_start=speaker.start if speaker else None,
                speaker_end=speaker.end if speaker else None,
                verb=verb.text.lower() if verb else None,
                verb_class=verb.cls if verb else None,
                verb_start=verb.start if verb else None,
            )
        )
        del s_last

    # reported speech: an actor as subject of a verb of saying, outside quotation marks
    quoted_sentences = {q.sentence for q in quotes}
    for v in verbs:
        if v.t0 in used_verbs or any(a <= v.start < b for a, b in inside):
            continue
        sent = doc.sentence_of_token(v.t0)
        if sent.index in quoted_sentences:
            continue
        first = v.text.lower().split()[0]
        that_follows = "that" in [t.lower() for t in doc.tokens[v.t1 : v.t1 + 3]]
        if not (v.text.lower() in _SPEECH_VERBS or first in _SPEECH_VERBS or that_follows):
            continue  # "threatened to", "revealed his distaste": an action, not reported speech
        if v.text.lower() == "according to":
            after = [m for m in cands if m.sentence == sent.index and m.start >= v.end]
            speaker = after[0] if after and _token_index(doc, after[0].start) - v.t1 <= 3 else None
        else:
            before = [m for m in cands if m.sentence == sent.index and m.end <= v.start and v.t0 - _token_index(doc, m.end) <= _SPEAKER_WINDOW]
            speaker = before[-1] if before else None
        if speaker is None:
            continue
        quotes.append(
            Quote(
                kind="reported",
                start=sent.start,
                end=sent.end,
                sentence=sent.index,
                speaker=speaker.actor,
                speaker_name=speaker.name,
                speaker_start=speaker.start,
                speaker_end=speaker.end,
                verb=v.text.lower(),
                verb_class=v.cls,
                verb_start=v.start,
            )
        )
        quoted_sentences.add(sent.index)
    quotes.sort(key=lambda q: q.start)
    return quotes


@dataclass(frozen=True, slots=True)
class Role:
    """An actor's role in one sentence, with the verb and the other party as evidence."""

    actor: str
    name: str
    role: str  # aggressor | target | cooperator | speaker
    sentence: int
    start: int  # the actor mention
    end: int
    verb: str | None = None
    verb_start: int | None = None
    verb_end: int | None = None
    other: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "actor": self.actor,
            "name": self.name,
            "role": self.role,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "verb": self.verb,
            "verb_start": self.verb_start,
            "verb_end": self.verb_end,
            "other": self.other,
        }


_JOINERS = {",", "and", "&", "the"}
_PREPOSITIONS = {"with", "in", "on", "of", "from", "to", "by", "against", "for", "at", "into", "over", "toward", "towards", "between"}
#: Prepositions that name the other party of an action ("a deal with China", "tariffs on Canada")
_PARTNER_PREPOSITIONS = frozenset({"with", "on", "against", "to", "toward", "towards", "from", "between", "over", "into", "upon"})
#: Words that open a subordinate clause: an actor before one is not the subject of a verb after it
#: ("Leavitt was asked why allies would help"). Not relatives, which a subject often carries
#: ("Trump, who ..., threatened")
_SUBORDINATORS = frozenset({"why", "whether", "because", "if", "how", "when", "although", "though", "unless", "since"})
#: Words that start a circumstance rather than the other party ("signed it in the presence of X",
#: "at a summit hosted by X", "during a visit by X", or a subordinate clause): an actor after one
#: is not the verb's object unless a partner preposition follows it ("in Beijing with Xi")
_CIRCUMSTANCE = _SUBORDINATORS | {"in", "at", "during", "after", "before", "despite", "amid", "while", "as"}


def _is_object(gap: Sequence[str]) -> bool:
    """Whether an actor after ``gap`` (the tokens between an action verb and the actor) can be the
    verb's other party: no comma in between, and no circumstance left open by a later partner
    preposition."""
    last_circumstance = last_partner = -1
    for j, tok in enumerate(gap):
        t = tok.lower()
        if t == ",":
            return False
        if t in _CIRCUMSTANCE:
            last_circumstance = j
        elif t in _PARTNER_PREPOSITIONS:
            last_partner = j
    return last_circumstance < last_partner or last_circumstance < 0


def _coordinated(doc: Doc, subjects: Sequence[ActorMention], agent: ActorMention) -> list[ActorMention]:
    """``agent`` with the actors coordinated with it before the verb ("Canada and China",
    "Canada, Mexico and the US"); distinct actors, in text order.

    Members are separated only by commas, "and" or "the". The last join must have "and"; a comma
    there ("X, and Y") counts only in a list of three or more, since with two it usually ends a
    clause ("a bargain with Beijing, and US imperialism answered"). A mention after a preposition
    is an object, not a subject ("a bargain with Beijing"), and stops the search.
    """
    if agent not in subjects:  # the agent of an earlier verb, carried over
        return [agent]
    k = subjects.index(agent)
    group, gaps = [agent], []
    while k > 0:
        prev = subjects[k - 1]
        gap = {t.lower() for t in doc.tokens[_token_index(doc, prev.end) : _token_index(doc, group[0].start)]}
        t = _token_index(doc, prev.start) - 1
        while t >= 0 and doc.tokens[t].lower() == "the":
            t -= 1
        after_preposition = t >= 0 and doc.tokens[t].lower() in _PREPOSITIONS
        if not gap or not gap <= _JOINERS or not {",", "and", "&"} & gap or after_preposition:
            break
        group.insert(0, prev)
        gaps.insert(0, gap)
        k -= 1
    if gaps and not {"and", "&"} & gaps[-1]:
        return [agent]  # "After meeting Canada, China signed": a comma alone does not join the agent
    if len(gaps) == 1 and "," in gaps[0]:
        return [agent]  # "X, and Y": a clause boundary, not a list of two
    seen: set[str] = set()
    return [m for m in group if not (m.actor in seen or seen.add(m.actor))]  # type: ignore[func-returns-value]


#: Words after which an action word is a noun, not a verb ("the work of a bully", "its ally"). Not
#: "this" or "that", which are also pronouns and relatives ("this threatens", "tariffs that punish")
_DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "our", "my", "your", "whose", "another", "every"})


def _used_as_noun(doc: Doc, act: Any) -> bool:
    """Whether a one-word action is used as a noun that names no event: a base, -s or -ed form
    after a determiner ("a bully", "the target") or after "of" ("a tool of pressure"). An -ing form
    still names the action ("attended the signing alongside Xi", "accused of bullying"), and the
    lexicon's phrases ("threat of", "talks with") are nouns on purpose: both always count."""
    t = _token_index(doc, act.start) - 1
    word = doc.text[act.start : act.end].lower()
    if " " in act.term or t < 0 or word.endswith("ing"):
        return False
    prev = doc.tokens[t].lower()
    return prev in _DETERMINERS or (prev == "of" and not word.endswith("ed"))


#: Action verbs whose object does what the infinitive after it says ("pressured Canada to sanction")
_CONTROL_STEMS = ("pressur", "coerc", "help", "aid", "urg", "forc", "push")
_CLAUSE_OPENERS = frozenset({",", ";", ":", "which", "who", "whom", "whose", "that", "because", "while", "but"})


def _purpose_of(doc: Doc, agent: ActorMention | None, t0: int, objects: set[str]) -> bool:
    """Whether the infinitive at token ``t0`` is one of purpose for an earlier verb whose object is
    ``agent`` ("slapped tariffs on Canada in the first place to bully it"): the actor is such an
    object and no clause opens between it and the infinitive ("on Canada, which wants to punish")."""
    if agent is None or agent.actor not in objects:
        return False
    return not any(t.lower() in _CLAUSE_OPENERS for t in doc.tokens[_token_index(doc, agent.end) : t0])


def find_roles(doc: Doc, mentions: Sequence[ActorMention], quotes: Sequence[Quote] = (), spans: Sequence[QuoteSpan] | None = None) -> list[Role]:
    """Aggressor, target, cooperator and speaker roles, each with its evidence, in text order."""
    text = doc.text
    spans = find_quote_spans(text) if spans is None else spans
    inside = [(s.start, s.end) for s in spans]
    actors = [m for m in mentions if m.type in ("person", "state", "organisation", "group")]
    actions = [m for m in _action_lexicon().match(doc) if not any(a <= m.start < b for a, b in inside) and not _used_as_noun(doc, m)]
    roles: list[Role] = []
    last_agent: dict[int, ActorMention] = {}
    objects_seen: dict[int, set[str]] = {}
    for i, act in enumerate(actions):
        sent = act.sentence
        prev_action = actions[i - 1] if i and actions[i - 1].sentence == sent else None  # matches are in text order
        prev_action_end = prev_action.end if prev_action is not None else -1
        next_action_start = min((a.start for a in actions[i + 1 :] if a.sentence == sent), default=1 << 60)
        before = [m for m in actors if m.sentence == sent and prev_action_end <= m.start and m.end <= act.start and not any(a <= m.start < b for a, b in inside)]
        after = [m for m in actors if m.sentence == sent and act.end <= m.start < next_action_start and not any(a <= m.start < b for a, b in inside)]
        t0 = _token_index(doc, act.start)
        t1 = _token_index(doc, act.end)
        subjects = [
            m
            for m in before
            if m.kind != "adjective" and t0 - _token_index(doc, m.end) <= _ROLE_WINDOW and not _SUBORDINATORS & {t.lower() for t in doc.tokens[_token_index(doc, m.end) : t0]}
        ]
        agent = subjects[-1] if subjects else None
        objects = [m for m in after if _token_index(doc, m.start) - t1 <= _ROLE_WINDOW and _is_object(doc.tokens[t1 : _token_index(doc, m.start)])]
        other = objects[0] if objects else None
        # "X threatened Y and targeted Z": a verb joined by "and" shares the previous verb's agent
        # ... and "X threatened to take over Y": an infinitive after an action verb, likewise, as
        # does one of purpose whose nearest actor is the earlier verb's object ("X slapped tariffs
        # on Y in the first place to bully it": X bullies, not Y; the test on objects is below)
        lead = {t.lower() for t in doc.tokens[max(t0 - 3, 0) : t0]}
        infinitive = t0 > 0 and doc.tokens[t0 - 1].lower() == "to" and prev_action is not None
        joined = "and" in lead or (infinitive and (t0 - _token_index(doc, prev_action_end) <= 2 or _purpose_of(doc, agent, t0, objects_seen.get(sent, set()))))
        # ... except after a verb of making someone act: "X pressured Y to sanction Z" (Y sanctions)
        if infinitive and prev_action is not None and agent is not None and _token_index(doc, agent.end) == t0 - 1:
            joined = joined and not text[prev_action.start : prev_action.end].lower().startswith(_CONTROL_STEMS)
        # ... and "X signed a trade agreement with Y": the object of a verb ("agreement with"), close
        # after it with no actor or comma between, has that verb's agent
        if agent is None and prev_action_end >= 0:
            gap = doc.tokens[_token_index(doc, prev_action_end) : t0]
            joined = joined or (len(gap) <= 3 and "," not in gap)
        if joined and last_agent.get(sent) and (agent is None or agent.actor in objects_seen.get(sent, set())):
            agent = last_agent[sent]
        passive = t0 > 0 and doc.tokens[t0 - 1].lower() in _PASSIVE_AUX
        if passive:
            by = [m for m in after if "by" in text[act.end : m.start].lower().split()]
            agent, other = (by[0] if by else None), agent
        if agent is not None:
            last_agent[sent] = agent
        if other is not None:
            objects_seen.setdefault(sent, set()).add(other.actor)
        if agent and other and agent.actor == other.actor:
            other = None
        verb = text[act.start : act.end]
        # "Canada and China signed ...", "Canada, Mexico and the US ...": a joint subject
        joint = _coordinated(doc, subjects, agent) if agent is not None and not passive else [agent]
        if act.category == "conflict_action":
            pairs = [(m, "aggressor", other) for m in joint] + [(other, "target", agent)]
        elif other is not None and agent is not None:  # "Japan and India held talks with Washington"
            pairs = [(m, "cooperator", other) for m in joint] + [(other, "cooperator", agent)]
        elif len(joint) > 1:  # no partner named: the members of a joint subject are each other's
            pairs = [(m, "cooperator", joint[1] if m is joint[0] else joint[0]) for m in joint]
        else:
            pairs = [(agent, "cooperator", other), (other, "cooperator", agent)] if agent and other else []
        for m, role, counterpart in pairs:
            if m is None or (counterpart is not None and counterpart.actor == m.actor):
                continue
            roles.append(Role(m.actor, m.name, role, sent, m.start, m.end, verb, act.start, act.end, counterpart.actor if counterpart else None))
    for q in quotes:
        if q.speaker and q.speaker_start is not None:
            roles.append(Role(q.speaker, q.speaker_name or q.speaker, "speaker", q.sentence, q.speaker_start, q.speaker_end or q.speaker_start, q.verb, q.verb_start, None, None))
    roles.sort(key=lambda r: (r.start, r.role))
    return roles
