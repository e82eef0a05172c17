"""Who acts on whom: aggressor, target and cooperator roles from the dependency parse.

An action is a verb (or an action noun: "US sanctions on Russia", "Trump's threat of tariffs on
Canada") listed in ``lexicons/roles/actions.toml``: conflict actions make their agent the
aggressor and their patient the target; cooperation actions make both cooperators. Agent and
patient come from the syntax, never from word order:

* agent: the subject; in the passive the ``by`` phrase ("Canada was threatened by Trump"), and
  the passive subject is the patient; "imposed under Trudeau" names no agent;
* control: "the US seeks to contain China" - the US contains (the subject of ``seeks``); after a
  verb of making someone act, its object acts ("China pressured Canada to sanction Mexico":
  Canada sanctions);
* coordination: conjoined subjects share the verb ("Canada and China signed": both cooperate),
  conjoined verbs share the subject and, when the first has none, the object ("seeks to contain
  and suppress it");
* relative clauses: "a country which he has threatened to seize" - the country is the patient,
  "he" (resolved) the agent;
* negation: "China did not threaten Canada" gives no role;
* patient: the direct object, or the object of a preposition that names the other party
  ("tariffs on Canada", "a deal with China", "sanctions against Russia").

The speaker of a quotation gets the role ``speaker``. Every role records the voice of its
sentence: a role stated inside a quotation is the source's claim, not the outlet's.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache

from framing.markers.lexicons import load_lexicon
from framing.markers.word_classes import word_class
from framing.resources import lexicon_dir
from framing.types import ActorMention, Doc, Quote, Role, Voice

__all__ = ["action_of", "find_roles"]

_SUBJ = ("nsubj", "csubj")
_RELATIVE = frozenset({"which", "that", "who", "whom", "whose"})
#: Action nouns take a patient only through these prepositions ("threat of" leads to one of them)
_NOUN_PATIENT_PREPS = frozenset({"on", "against", "with", "to", "toward", "towards", "between", "upon", "at", "alongside"})
#: Prepositions of the verb an action noun belongs to that name the other party
_VERB_PARTNER_PREPS = frozenset({"with", "alongside", "between", "against"})


@lru_cache(maxsize=1)
def _action_nouns() -> frozenset[str]:
    lex = load_lexicon(lexicon_dir() / "roles" / "actions.toml")
    return frozenset(e.term.lower() for e in lex.entries_for("action_nouns"))


@lru_cache(maxsize=1)
def _action_table() -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """Single-word action entries (all inflected forms are listed) -> ``conflict`` / ``cooperation``,
    and particle verbs ("take over", "reach out") by (verb form, particle)."""
    lex = load_lexicon(lexicon_dir() / "roles" / "actions.toml")
    single: dict[str, str] = {}
    particle: dict[tuple[str, str], str] = {}
    for cat, kind in (("conflict_action", "conflict"), ("cooperation_action", "cooperation")):
        for e in lex.entries_for(cat):
            words = e.term.lower().split()
            if len(words) == 1:
                single.setdefault(words[0], kind)
            elif len(words) == 2 and words[1] in ("with", "of", "against"):
                single.setdefault(words[0], kind)  # "deal with", "threat of": the head word
            elif len(words) == 2 and words[1] in ("out", "over", "off", "up", "down"):
                particle.setdefault((words[0], words[1]), kind)  # "take over" needs its "over"
    return single, particle


def action_of(doc: Doc, i: int) -> str | None:
    """``conflict`` or ``cooperation`` when token ``i`` is an action verb or noun, else None."""
    if doc.pos[i] not in ("VERB", "NOUN"):
        return None
    if doc.pos[i] == "NOUN" and not (doc.tags[i] == "VBG" or doc.lower[i].endswith("ing") or doc.lemmas[i].lower() in _action_nouns() or doc.lower[i] in _action_nouns()):
        return None  # "the bully", "a partner": a person, not an event
    single, particle = _action_table()
    found = single.get(doc.lower[i]) or single.get(doc.lemmas[i].lower())
    if found is None and doc.has_syntax:
        for c in doc.children[i]:
            if doc.deps[c] == "prt":
                found = particle.get((doc.lower[i], doc.lower[c])) or particle.get((doc.lemmas[i].lower(), doc.lower[c]))
    return found


class _Roles:
    def __init__(self, doc: Doc, mentions: Sequence[ActorMention]) -> None:
        self.doc = doc
        self.by_token: dict[int, ActorMention] = {}
        for m in mentions:
            a = bisect_left(doc.starts, m.start)
            b = bisect_left(doc.starts, m.end)
            for t in range(a, b):
                self.by_token.setdefault(t, m)

    # -- actors of a noun phrase ---------------------------------------------------------------
    def antecedent(self, t: int) -> int:
        """A relative pronoun's noun ("tariffs that punish": tariffs); any other token itself."""
        doc = self.doc
        if doc.lower[t] in _RELATIVE and doc.deps[doc.heads[t]] == "relcl":
            return doc.heads[doc.heads[t]]
        return t

    def actors_of(self, head: int) -> list[ActorMention]:
        """The actors a noun phrase refers to: its head's mention, or a mention modifying the head
        ("China's economy", "Canadian goods"), and those of its conjuncts; relative pronouns refer
        to the noun the clause hangs from."""
        doc = self.doc
        head = self.antecedent(head)
        out: list[ActorMention] = []
        for h in [head, *self.conjuncts(head)]:
            m = self.by_token.get(h)
            if m is None and doc.lemmas[h].lower() not in word_class("relational_nouns"):
                # "Canadian goods", "China's economy" stand for their actor; "US allies" do not
                for c in doc.children[h]:
                    if doc.deps[c] in ("poss", "compound", "amod", "nmod") and c in self.by_token:
                        m = self.by_token[c]
                        break
            if m is not None and all(x.actor != m.actor for x in out):
                out.append(m)
        return out

    def conjuncts(self, i: int) -> list[int]:
        doc = self.doc
        out = []
        stack = [c for c in doc.children[i] if doc.deps[c] == "conj"]
        while stack:
            c = stack.pop(0)
            out.append(c)
            stack.extend(g for g in doc.children[c] if doc.deps[g] == "conj")
        return out

    # -- agents and patients of a verb -----------------------------------------------------------
    def negated(self, v: int) -> bool:
        doc = self.doc
        return any(doc.deps[c] == "neg" for c in doc.children[v])

    def agent_tokens(self, v: int) -> list[int]:
        doc = self.doc
        seen: set[int] = set()
        while v not in seen:
            seen.add(v)
            passive = any(doc.deps[c] in ("nsubjpass", "auxpass") for c in doc.children[v])
            if passive or (doc.tags[v] == "VBN" and doc.deps[v] == "acl"):
                return [g for c in doc.children[v] if doc.deps[c] == "agent" for g in doc.children[c] if doc.deps[g] == "pobj"]
            subj = [c for c in doc.children[v] if doc.deps[c] in _SUBJ]
            if subj:
                return subj
            dep, h = doc.deps[v], doc.heads[v]
            if h == v:
                return []
            if dep == "xcomp":
                if doc.lemmas[h].lower() in word_class("object_control_verbs"):
                    objs = [c for c in doc.children[h] if doc.deps[c] == "dobj"]
                    if objs:
                        return objs
                v = h
                continue
            if dep == "conj" and doc.pos[h] in ("VERB", "AUX"):
                v = h
                continue
            if dep == "relcl":
                rel = [c for c in doc.children[v] if doc.lower[c] in _RELATIVE]
                if not rel and any(doc.lower[c] == "to" and doc.deps[c] == "aux" for c in doc.children[v]):
                    # an infinitive the parser hung on a noun ("in the first place to bully it"):
                    # it has the agent of the verb the noun depends on, like an infinitive of purpose
                    u = self.clause_verb(h)
                    if u is None:
                        return []
                    v = u
                    continue
                # "the country that threatened ...": the noun is the subject
                return [h] if not rel or doc.deps[rel[0]] in _SUBJ else []
            if dep == "pcomp" and doc.pos[h] == "ADP":
                # "accused Ottawa of bullying China": the one accused does it; else the subject does
                u = doc.heads[h]
                if u == h or doc.pos[u] not in ("VERB", "AUX"):
                    return []
                objs = [c for c in doc.children[u] if doc.deps[c] == "dobj"]
                if objs:
                    return objs
                v = u
                continue
            if dep == "advcl" and any(doc.lower[c] == "to" and doc.deps[c] == "aux" for c in doc.children[v]):
                v = h  # infinitive of purpose: "slapped tariffs on Canada to bully it"
                continue
            return []
        return []

    def patient_tokens(self, v: int) -> list[int]:
        doc = self.doc
        out: list[int] = []
        passive = any(doc.deps[c] in ("nsubjpass", "auxpass") for c in doc.children[v])
        for c in doc.children[v]:
            d = doc.deps[c]
            if d == "dobj" or (passive and d == "nsubjpass") or d == "dative":
                out.append(c)
            elif d == "prep" and doc.lower[c] in word_class("partner_prepositions"):
                out.extend(g for g in doc.children[c] if doc.deps[g] == "pobj")
        for o in list(out):  # "imposed tariffs on Canada": the party hangs from the object
            if o not in self.by_token:
                for p in doc.children[o]:
                    if doc.deps[p] == "prep" and doc.lower[p] in _NOUN_PATIENT_PREPS:
                        out.extend(g for g in doc.children[p] if doc.deps[g] == "pobj")
        if doc.deps[v] == "relcl":  # "a country which he threatened": the noun is the patient
            rel = [c for c in doc.children[v] if doc.lower[c] in _RELATIVE and doc.deps[c] in ("dobj", "pobj")]
            if rel or any(doc.deps[c] == "xcomp" for c in doc.children[v]):
                out.append(doc.heads[v])
        if doc.tags[v] == "VBN" and doc.deps[v] == "acl" and doc.heads[v] != v:
            out.append(doc.heads[v])  # "the country threatened by Trump"
        if not out:
            # the verb the action completes ("threatened to seize Greenland": Greenland is the
            # target), else the object conjoined verbs share ("to contain and suppress it"); a
            # conjoined verb with an object of its own is another event ("threatened to take over
            # Canada and has targeted Mexico": Mexico is not threatened)
            xcomps = [c for c in doc.children[v] if doc.deps[c] == "xcomp"]
            for c in xcomps or [c for c in doc.children[v] if doc.deps[c] == "conj" and not any(doc.deps[g] in _SUBJ for g in doc.children[c])]:
                out.extend(x for x in self.patient_tokens(c) if x not in out)
        return out

    def governing_verb(self, n: int) -> int | None:
        """The verb whose object a noun phrase is ("held talks", "imposed tariffs"), or that takes it
        with "with" or "through" ("answered with the threat"); None otherwise ("commented on the
        threat" does not make the commenter the one who threatens)."""
        doc = self.doc
        h = doc.heads[n]
        if h == n:
            return None
        if doc.deps[n] in ("dobj", "nsubjpass") and doc.pos[h] in ("VERB", "AUX"):
            return h
        if doc.deps[n] == "pobj" and doc.lower[h] in ("with", "through", "via") and doc.deps[h] == "prep":
            u = doc.heads[h]
            return u if doc.pos[u] in ("VERB", "AUX") else None
        return None

    def clause_verb(self, n: int) -> int | None:
        """The nearest verb above token ``n`` (through prepositions and noun phrases)."""
        doc = self.doc
        h = n
        for _ in range(5):
            if doc.heads[h] == h:
                return None
            h = doc.heads[h]
            if doc.pos[h] in ("VERB", "AUX"):
                return h
        return None

    def noun_action(self, n: int) -> tuple[list[int], list[int]]:
        """Agent and patient tokens of an action noun: "US sanctions on Russia", "Canada's deal
        with China", "Trump's threat of tariffs on Canada"; with no possessor or modifier, the
        subject of the verb the noun belongs to ("Canada held talks with China", "Washington
        answered with the threat of sanctions on China")."""
        doc = self.doc
        agents = [c for c in doc.children[n] if doc.deps[c] in ("poss", "compound", "amod", "nmod")]
        patients: list[int] = []
        if not any(c in self.by_token for c in agents):
            u = self.governing_verb(n)
            if u is not None and not self.negated(u):
                agents = self.agent_tokens(u)
                # "attended the signing alongside Donald Trump": the party may hang from the verb
                for c in doc.children[u]:
                    if doc.deps[c] == "prep" and doc.lower[c] in _VERB_PARTNER_PREPS:
                        patients.extend(g for g in doc.children[c] if doc.deps[g] == "pobj")
        for c in doc.children[n]:
            if doc.deps[c] == "prep" and doc.lower[c] in _NOUN_PATIENT_PREPS:
                patients.extend(g for g in doc.children[c] if doc.deps[g] == "pobj")
            elif doc.deps[c] == "prep" and doc.lower[c] == "of":
                for g in doc.children[c]:
                    if doc.deps[g] == "pobj":
                        for p in doc.children[g]:
                            if doc.deps[p] == "prep" and doc.lower[p] in _NOUN_PATIENT_PREPS:
                                patients.extend(x for x in doc.children[p] if doc.deps[x] == "pobj")
        return agents, patients


def _role(m: ActorMention, role: str, v: int, doc: Doc, other: ActorMention | None, voice: Voice | None, speakers: Sequence[str | None]) -> Role:
    label, owner = ("outlet", -1) if voice is None else (voice.labels[v], voice.quote_of[v])
    return Role(
        actor=m.actor,
        name=m.name,
        role=role,
        sentence=m.sentence,
        start=m.start,
        end=m.end,
        verb=doc.tokens[v],
        verb_start=doc.starts[v],
        verb_end=doc.ends[v],
        other=other.actor if other is not None else None,
        voice=label,
        voice_speaker=speakers[owner] if owner >= 0 else None,
    )


def find_roles(doc: Doc, mentions: Sequence[ActorMention], quotes: Sequence[Quote] = (), voice: Voice | None = None) -> list[Role]:
    """Roles of the actors in a parsed article (see the module docstring), in text order."""
    if not doc.has_syntax:
        return []
    finder = _Roles(doc, mentions)
    speakers = [q.speaker_name or q.speaker for q in quotes]
    roles: list[Role] = []
    seen: set[tuple[str, str, int]] = set()

    def add(m: ActorMention, role: str, v: int, other: ActorMention | None) -> None:
        key = (m.actor, role, v)
        if key not in seen:
            seen.add(key)
            roles.append(_role(m, role, v, doc, other, voice, speakers))

    for v in range(doc.n_tokens):
        kind = action_of(doc, v)
        if kind is None or finder.negated(v):
            continue
        if doc.pos[v] == "VERB":
            agent_toks, patient_toks = finder.agent_tokens(v), finder.patient_tokens(v)
        else:
            u = finder.governing_verb(v)
            if u is not None and action_of(doc, u) == kind:
                continue  # "signed a trade agreement with China": the verb already says it
            agent_toks, patient_toks = finder.noun_action(v)
        agents = [m for t in agent_toks for m in finder.actors_of(t)]
        if not agents:
            # an instrument as subject ("Washington imposed tariffs that punish Canada"): the one who
            # wields it acts
            for t in map(finder.antecedent, agent_toks):
                u = finder.governing_verb(t)
                if u is not None and doc.pos[t] == "NOUN":
                    agents = [m for a in finder.agent_tokens(u) for m in finder.actors_of(a)]
                    break
        patients = [m for t in patient_toks for m in finder.actors_of(t) if all(m.actor != a.actor for a in agents)]
        if len(agents) >= 2 and any(doc.lower[t] == "other" and any(doc.lower[c] in ("each", "one") for c in doc.children[t]) for t in patient_toks):
            # "Trump and Kim threatened each other": each acts on the other
            for a in agents:
                other = next(x for x in agents if x.actor != a.actor)
                add(a, "aggressor" if kind == "conflict" else "cooperator", v, other)
                if kind == "conflict":
                    add(a, "target", v, other)
            continue
        if kind == "conflict":
            for a in agents:
                add(a, "aggressor", v, patients[0] if patients else None)
            for p in patients:
                add(p, "target", v, agents[0] if agents else None)
        elif patients and agents:  # "Canada and Mexico held talks with China": each signer with the partner
            for a in agents:
                add(a, "cooperator", v, patients[0])
            for p in patients:
                add(p, "cooperator", v, agents[-1])
        else:  # "Canada and China signed": the joint subjects are each other's partners
            for a in agents:
                partner = next((x for x in agents if x.actor != a.actor), None)
                if partner is not None:
                    add(a, "cooperator", v, partner)
    for q in quotes:
        if q.speaker and q.cue_start is not None:
            v = bisect_left(doc.starts, q.cue_start)
            m = next((x for x in mentions if x.actor == q.speaker and x.start == (q.speaker_start or -1)), None)
            if m is None:
                m = ActorMention(q.speaker, q.speaker_name or q.speaker, "person", "speaker", q.speaker_start or q.cue_start, q.speaker_end or q.cue_end or q.cue_start, q.sentence)
            if v < doc.n_tokens:
                add(m, "speaker", v, None)
    roles.sort(key=lambda r: (r.sentence, r.start, r.role))
    return roles
