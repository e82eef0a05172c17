"""Repairs to a dependency parse where the small English pipeline reliably errs in news text: a
verb of saying left without its subject because the parser hung the name on a noun before it.

:func:`framing.text.parse.parse` applies them once, after the parse; every later stage reads the
repaired tree.
"""

from __future__ import annotations

from collections.abc import Sequence

from framing.types import Entity


def repair_subjects(tokens: list[str], lemmas: list[str], pos: list[str], deps: list[str], heads: list[int], children: list[list[int]], entities: list[Entity]) -> list[list[int]]:
    """Apply :func:`fronted_subjects` and :func:`stranded_speakers` to a parse's columns (``deps``
    and ``heads`` change in place); the children of each token after them (``children`` itself
    when nothing changed)."""
    if fronted_subjects(tokens, pos, deps, heads, children, entities):
        children = children_of(heads)
    if stranded_speakers(lemmas, pos, deps, heads, children, entities):
        children = children_of(heads)
    if modal_names(tokens, lemmas, pos, deps, heads, children):
        children = children_of(heads)
    return children


def modal_names(tokens: list[str], lemmas: list[str], pos: list[str], deps: list[str], heads: list[int], children: list[list[int]]) -> bool:
    """A surname the parser took for a modal verb before a verb of saying in the past ("“We are not
    afraid,” May said"): a modal is followed by a verb's base form, so "May" before "said" is the
    subject. It becomes the verb's subject, a proper noun. Changes ``pos``, ``deps`` and ``heads``
    in place; whether any changed."""
    changed = False
    for i, tok in enumerate(tokens):
        if tok != "May" or deps[i] != "aux":
            continue
        v = heads[i]
        if v != i + 1 or pos[v] != "VERB" or lemmas[v].lower() not in _SAYING or tokens[v].lower() == lemmas[v].lower():
            continue  # (not "May say": a base form may follow a modal)
        if any(deps[c] in ("nsubj", "nsubjpass", "expl", "csubj") for c in children[v]):
            continue
        pos[i], deps[i] = "PROPN", "nsubj"
        changed = True
    return changed


def saying_participles(tokens: list[str], lemmas: list[str], pos: list[str], tags: list[str], deps: list[str]) -> bool:
    """A participle of saying the tagger took for a noun between commas before a quotation
    ("McAdams made his announcement ..., writing, “...”"): a gerund set off by a comma after a
    clause, before a comma, a colon or a quotation mark, is the verb. It becomes a verb (``VBG``)
    with its verb's lemma. Changes ``lemmas``, ``pos`` and ``tags`` in place; whether any changed."""
    changed = False
    for i in range(1, len(tokens) - 1):
        low = tokens[i].lower()
        if pos[i] != "NOUN" or tags[i] != "NN" or deps[i] not in ("advcl", "conj") or not low.endswith("ing") or tokens[i - 1] != ",":
            continue
        if tokens[i + 1] not in (",", ":", "“", '"'):
            continue
        stem = low[:-3]
        lemma = next((v for v in (stem, stem + "e", stem[:-1]) if v in _SAYING), None)
        if lemma is None:
            continue
        pos[i], tags[i], lemmas[i] = "VERB", "VBG", lemma
        changed = True
    return changed


def saying_verbs_as_plurals(tokens: list[str], lemmas: list[str], pos: list[str], tags: list[str], deps: list[str], heads: list[int]) -> bool:
    """A verb of saying in the present the tagger took for a plural noun, with its subject for a
    compound ("In another clip, the crowd chants, “...”", "the mother says: “...”"): a plural
    noun ending in -s whose stem is a verb of saying, right before a comma or colon and an opening
    quotation mark, after a noun hung on it as a compound. It becomes the verb (``VBZ``, its verb's
    lemma) and the noun its subject. Changes the columns in place; whether any changed."""
    changed = False
    for i in range(2, len(tokens) - 2):
        low = tokens[i].lower()
        if pos[i] != "NOUN" or tags[i] != "NNS" or not low.endswith("s") or tokens[i + 1] not in (",", ":") or tokens[i + 2] not in ("“", '"'):
            continue
        if deps[i - 1] != "compound" or heads[i - 1] != i or pos[i - 1] not in ("NOUN", "PROPN"):
            continue
        lemma = next((v for v in (low[:-1], low[:-2]) if v in _SAYING or v in _SAYING_ALOUD), None)
        if lemma is None:
            continue
        pos[i], tags[i], lemmas[i] = "VERB", "VBZ", lemma
        deps[i - 1] = "nsubj"
        for k in range(max(0, i - 4), i - 1):
            if heads[k] == i and deps[k] in ("det", "amod", "poss"):
                heads[k] = i - 1  # "the", "angry": the subject's words
        changed = True
    return changed


def pseudonym_marks(tokens: list[str], starts: Sequence[int], pos: list[str], tags: list[str], deps: list[str], heads: list[int], entities: list[Entity]) -> bool:
    """An asterisk written onto a name marks it as changed ("Seema*, a bisexual sociology
    student", "Tina* told AFP", "*Names changed to protect identity"): the tagger takes the mark
    for a name of its own, sometimes for the subject. The mark becomes punctuation hung on the
    name, the name takes over its place in the tree, and the name is a person (the entity no
    longer ends with the mark). Changes the columns in place; True if any mark was found."""
    found = False
    for i in range(1, len(tokens)):
        w = i - 1
        if tokens[i] != "*" or starts[i] != starts[w] + len(tokens[w]) or not tokens[w][:1].isupper() or not tokens[w].isalpha():
            continue
        if i + 1 < len(tokens) and starts[i + 1] == starts[i] + 1 and tokens[i + 1][:1].isalnum():
            continue  # "Name*Other": no mark on a name
        found = True
        if heads[w] == i or (heads[i] != w and deps[i] in ("nsubj", "nsubjpass", "dobj", "pobj", "appos", "ROOT")):
            # the name hung on the mark, or the mark took the name's place ("Tina* told AFP": the
            # mark as the subject): the name takes the mark's place
            heads[w], deps[w] = (w if heads[i] == i else heads[i]), deps[i]
        for k, h in enumerate(heads):
            if h == i and k != i:
                heads[k] = w
        heads[i], deps[i], pos[i], tags[i] = w, "punct", "PUNCT", "NFP"
        v = i + 1
        if v < len(tokens) and pos[v] in ("VERB", "AUX") and heads[w] != v and heads[v] != w and not any(h == v and deps[k] in ("nsubj", "nsubjpass") for k, h in enumerate(heads)):
            heads[w], deps[w] = v, "nsubj"  # '“...,” Tina* told AFP': the name right before a verb with no subject is its subject
        inside = next((k for k, e in enumerate(entities) if e.start <= w < e.end), None)
        if inside is not None and entities[inside].end == i + 1:
            e = entities[inside]
            entities[inside] = Entity(e.start, i, e.char_start, starts[w] + len(tokens[w]), e.label)
        elif inside is None:
            entities.append(Entity(w, i, starts[w], starts[w] + len(tokens[w]), "PERSON"))
            entities.sort(key=lambda e: e.start)
        entities[:] = [e for e in entities if not (e.start == i and e.end == i + 1)]  # the mark alone
    return found


def children_of(heads: Sequence[int]) -> list[list[int]]:
    children: list[list[int]] = [[] for _ in heads]
    for i, h in enumerate(heads):
        if h != i:
            children[h].append(i)
    return children


def subtree(children: Sequence[Sequence[int]], head: int) -> list[int]:
    """Token ``head`` and all its dependents."""
    out, stack = [], [head]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(children[t])
    return out


#: Marks that set off a name's aside ("Mattis — a retired general — said")
_ASIDE_MARKS = frozenset({",", "—", "–", "--"})


def fronted_subjects(tokens: list[str], pos: list[str], deps: list[str], heads: list[int], children: list[list[int]], entities: list[Entity]) -> bool:
    """Give back its subject to a verb the parser left without one, where it took the name for an
    apposition of the last noun of a phrase before it: "Speaking to The Associated Press, Shawn
    Henry, who now heads security firm CrowdStrike, used a military analogy" (Henry parsed as The
    Associated Press's apposition, "Speaking" as the verb's clausal subject; "Delivering the keynote
    address at the Dinner, Mattis — a retired general — said"). The name (not a place's or an
    organisation's), after a comma, becomes the subject when its phrase and its asides end, but for
    a comma or a dash, right before the verb; the asides the parser hung on the noun before (a
    relative clause, a description) go to the name. Changes ``deps`` and ``heads`` in place; whether any changed."""
    # a person's name as tagged (or a name the tagger took for a nationality, or left untagged:
    # "Mattis" as NORP), not a place's or an organisation's
    others = {t for e in entities if e.label not in ("PERSON", "NORP") for t in range(e.start, e.end)}
    people = {t for e in entities if e.label == "PERSON" for t in range(e.start, e.end)}
    changed = False
    for v, dep in enumerate(deps):
        if pos[v] not in ("VERB", "AUX") or dep not in ("ROOT", "conj") or any(deps[c] in ("nsubj", "nsubjpass", "expl", "csubjpass") for c in children[v]):
            continue
        fronted = [c for c in children[v] if c < v and deps[c] in ("csubj", "advcl", "prep")]
        if not fronted:
            continue
        c = max(fronted)
        phrase = subtree(children, c)
        lo, hi = min(phrase), max(phrase)
        if any(tokens[k] not in _ASIDE_MARKS and not (heads[k] == v and deps[k] in ("aux", "auxpass", "advmod", "neg")) for k in range(hi + 1, v)):
            continue  # (the verb's own auxiliaries may stand between: "..., was recently anointed")
        # the apposition whose phrase ends the fronted one
        # (or its conjunct with no "and": "In Massachusetts, Richard Tisei, a gay candidate ..., was anointed")
        name = next((
            t for t in range(lo, hi + 1)
            if pos[t] == "PROPN" and t not in others and heads[t] < t
            and (deps[t] == "appos" or (deps[t] == "conj" and t in people and not any(deps[k] == "cc" for k in children[heads[t]])))
        ), None)
        if name is None:
            continue
        span = subtree(children, name)
        end = max(span)
        if tokens[min(span) - 1] != ",":
            continue  # set off from the noun before by a comma

        def the_names(k: int, name: int = name) -> bool:
            # what follows the name is its own (a relative clause the parser hung on the noun
            # before it: "..., Mara Quint, who now runs a firm, used")
            while heads[k] != k:
                if k == name or (heads[k] == heads[name] and k > name and deps[k] in ("relcl", "punct", "acl", "appos")):
                    return True
                k = heads[k]
            return False

        if not all(the_names(k) for k in range(end + 1, hi + 1)):
            continue
        for k in range(end + 1, hi + 1):
            if heads[k] == heads[name] and deps[k] in ("relcl", "acl", "appos"):
                heads[k] = name  # "who now heads ...", "a retired general": the name's own
        heads[name], deps[name] = v, "nsubj"
        if deps[c] == "csubj":
            deps[c] = "advcl"
        changed = True
    return changed


#: Verbs of saying whose subject :func:`stranded_speakers` gives back
_SAYING = frozenset({"say", "tell", "add", "write", "explain", "note", "argue", "warn", "insist", "claim"})
#: Verbs of saying out loud that are nouns too, in the plural ("chants", "shouts")
_SAYING_ALOUD = frozenset({"chant", "shout", "yell", "scream", "tweet", "post"})


def stranded_speakers(lemmas: list[str], pos: list[str], deps: list[str], heads: list[int], children: list[list[int]], entities: list[Entity]) -> bool:
    """Give back its subject to a verb of saying the parser left without one, where it hung the
    name right before it on a noun before that: "... I think we're going to see a reasonable
    number of Republicans" reconsider their support, Joel Benenson, Clinton's top strategist,
    said in an interview" (Benenson parsed as the apposition of "support"). The name (not a
    place's or an organisation's), set off by a comma, becomes the subject when its phrase ends,
    but for a comma, right before the verb. Changes ``deps`` and ``heads`` in place; whether any
    changed."""
    others = {t for e in entities if e.label not in ("PERSON", "NORP") for t in range(e.start, e.end)}
    changed = False
    for v, dep in enumerate(deps):
        if pos[v] != "VERB" or lemmas[v].lower() not in _SAYING or dep not in ("ROOT", "conj", "ccomp", "parataxis"):
            continue
        if any(deps[c] in ("nsubj", "nsubjpass", "expl", "csubj") for c in children[v]):
            continue
        k = v - 1
        while k > 0 and pos[k] == "PUNCT" and deps[k] == "punct":
            k -= 1
        if k == v - 1:
            continue  # set off by a comma from the verb
        name = next((
            t for t in range(max(0, k - 12), k + 1)
            if deps[t] == "appos" and pos[t] == "PROPN" and t not in others and heads[t] < t
            and max(x for x in subtree(children, t) if pos[x] != "PUNCT") == k
        ), None)
        if name is None:
            # "In Washington, Trump, asked by a reporter if he would attack, said:": the name, then
            # the question put to it, both hung on the place before
            name = next((
                t for t in range(max(0, k - 30), k - 1)
                if deps[t] == "appos" and pos[t] == "PROPN" and heads[t] < t and pos[t + 1] == "PUNCT"  # (asked: a person, whatever the tagger says)
                and lemmas[t + 2].lower() in ("ask", "press", "question") and deps[t + 2] in ("acl", "advcl") and heads[t + 2] == heads[t]
                and max(x for x in subtree(children, t + 2) if pos[x] != "PUNCT") == k
            ), None)
        if name is None:
            continue
        span = subtree(children, name)
        if v in span or min(span) < 1 or pos[min(span) - 1] != "PUNCT":
            continue  # (set off by a comma from the noun before)
        heads[name], deps[name] = v, "nsubj"
        changed = True
    return changed
