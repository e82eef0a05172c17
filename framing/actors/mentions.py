"""Actor mentions in a parsed article: gazetteer names, named entities, surnames, pronouns.

Every way of naming an actor becomes a :class:`~framing.types.ActorMention` with its span and
kind of reference:

========== =============================================================================
kind       example
========== =============================================================================
name       "Mark Carney", "China", "the European Union" (gazetteer)
title      "Prime Minister Mark Carney", "the US President" (gazetteer; titles may be dated)
surname    "Carney", "Governor Carney", "Mr. Carney": linked to the full name when the full
           name or a title appears anywhere in the same article, or when the gazetteer lists
           the surname as standalone ("Trump", "Xi") or a title word comes before it and only
           one actor has that surname
metonym    "Washington", "Beijing", "the White House", "the Kremlin" (gazetteer)
adjective  "Canadian goods", "Chinese sanctions" (gazetteer)
candidate  a person, organisation, place or group the parser found that the gazetteer does
           not list ("Mr. Burton", "Coca-Cola"): an actor with a stable id
           (``candidate:burton``); a lone surname or "Mr. Burton" joins the full name used
           elsewhere in the article ("Dana Burton")
pronoun    he/him/she/her resolved to the nearest compatible named person before it (same
           sentence or the two before), a subject preferred in the previous sentence
========== =============================================================================

:func:`link_speakers` then resolves each quotation's speaker to one of these actors.

Why this module is long: finding mentions and linking speakers share one model of how news
refers to people (title words, honorifics, the gender of first names, which names are unsure, how
a pronoun finds its antecedent); kept together, the speaker rules use the same helpers as the
pronoun resolution instead of a second, drifting copy.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from itertools import accumulate

from wordfreq import zipf_frequency

from framing.actors.first_names import first_name_pronoun, known_first_name, listed_pronoun, table_pronoun
from framing.actors.gazetteer import Gazetteer, slug
from framing.actors.speaker_ranker import WINDOW as RANKER_WINDOW
from framing.actors.speaker_ranker import load_model as load_ranker
from framing.actors.speaker_ranker import rank
from framing.inputs.debris import is_caption_line, is_inline_debris, is_link_line, line_at
from framing.markers.word_classes import word_class
from framing.text.parse import is_age_noun, subtree_span
from framing.text.quotes import QuoteSpan, find_quote_spans
from framing.types import ActorMention, Doc, Entity, Quote

__all__ = ["KINDS", "find_mentions", "link_speakers", "speaker_candidates"]

KINDS = ("name", "title", "surname", "metonym", "adjective", "pronoun", "candidate")
_KIND_PRIORITY = {"title": 0, "name": 1, "surname": 2, "metonym": 3, "adjective": 4}
_PRONOUNS = {"he": "he", "him": "he", "she": "she", "her": "she"}
#: the same with the possessives
_SEXED = {**_PRONOUNS, "his": "he", "hers": "she", "himself": "he", "herself": "she"}
#: Nouns of kin and of a sex written right before a name ("her 30-year-old son Eddie", "his wife
#: Noor Salman"): the person's pronoun, whatever the name data says of the first name
_KIN_PRONOUN = {
    **dict.fromkeys(("son", "brother", "father", "husband", "boyfriend", "uncle", "nephew", "grandson", "grandfather", "dad", "stepson", "stepfather", "widower", "fiance", "fiancé"), "he"),
    **dict.fromkeys(("daughter", "sister", "mother", "wife", "girlfriend", "aunt", "niece", "granddaughter", "grandmother", "mom", "stepdaughter", "stepmother", "widow", "fiancee", "fiancée"), "she"),
}
#: Titles of one sex written right before a name
_TITLE_PRONOUN = {
    **dict.fromkeys(("lady", "congresswoman", "spokeswoman", "chairwoman", "businesswoman", "actress", "queen", "princess", "duchess", "countess", "baroness", "dame"), "she"),
    **dict.fromkeys(("congressman", "spokesman", "businessman", "king", "prince", "duke", "count", "baron"), "he"),
}
_HONORIFIC_PRONOUN = {"mr": "he", "mr.": "he", "mrs": "she", "mrs.": "she", "ms": "she", "ms.": "she", "miss": "she", "sir": "he", "lady": "she"}
#: Entity types that are actors, and the actor type each becomes
_ENTITY_ACTORS = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "NORP": "group"}
#: Religious titles, which the parser often tags as part of the name ("Rabbi Sharon Brous")
_RELIGIOUS_TITLES = frozenset(["rabbi", "rev", "rev.", "reverend", "imam", "bishop", "archbishop", "cardinal", "pastor", "sheikh", "monsignor", "msgr."])
#: Words before a surname that make "Governor Carney" a reference to a known person
_TITLE_WORDS = _RELIGIOUS_TITLES | frozenset(
    ["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "sen", "sen.", "rep", "rep.", "gov", "gov.", "gen", "gen.", "president", "prime", "minister", "secretary", "chancellor", "governor", "senator", "representative", "mayor", "ambassador", "premier", "chairman", "chairwoman", "chair", "ceo", "commissioner", "envoy", "spokesman", "spokeswoman", "spokesperson", "leader", "general", "admiral", "judge", "justice", "king", "queen", "prince", "princess", "pope", "lawmaker", "congressman", "congresswoman", "deputy", "sir", "lady"]
)


def _token_range(doc: Doc, start: int, end: int) -> tuple[int, int]:
    return bisect_left(doc.starts, start), bisect_left(doc.starts, end)


def _surface(doc: Doc, a: int, b: int) -> str:
    """Tokens ``[a, b)`` as written, spaces collapsed: "Saddawi-Konefka" stays one word (joining the
    tokens would show "Saddawi - Konefka", a name no reader wrote)."""
    return " ".join(doc.text[doc.starts[a] : doc.ends[b - 1]].split()) if b > a else ""


def _head_of(doc: Doc, a: int, b: int) -> int:
    """The token of ``[a, b)`` whose head lies outside the span (the phrase's head), else the last."""
    if doc.has_syntax:
        for i in range(a, b):
            h = doc.heads[i]
            if h == i or not a <= h < b:
                return i
    return max(a, b - 1)


def _gazetteer_mentions(doc: Doc, gazetteer: Gazetteer, published: str | None) -> tuple[list[ActorMention], list[tuple[int, int]]]:
    """Gazetteer matches, one per span (the most specific kind wins), plus excluded spans."""
    raw = []
    excluded: list[tuple[int, int]] = []
    for m in gazetteer.matcher.match(doc):
        if m.category == "exclude":
            # "Latin America" is no mention of America: the longer phrase blocks it
            excluded.append((m.start, m.end))
            continue
        actor_id = gazetteer.resolve(m.category, m.term, published)
        if actor_id is None:
            continue
        raw.append((m.start, m.end, m.sentence, m.category, actor_id))
    by_span: dict[tuple[int, int], tuple[int, int, int, str, str]] = {}
    for r in raw:
        key = (r[0], r[1])
        if key not in by_span or _KIND_PRIORITY[r[3]] < _KIND_PRIORITY[by_span[key][3]]:
            by_span[key] = r
    fully_named = {r[4] for r in by_span.values() if r[3] in ("name", "title")}
    surname_owners: dict[str, set[str]] = {}
    for actor in gazetteer.actors.values():
        for s in actor.surnames:
            surname_owners.setdefault(s.lower(), set()).add(actor.id)
    # a person the parser names around a place's or organisation's name ("Rep. Jim Jordan",
    # "Chad Smith"): the name is the person's, not the country's
    person_spans = [(e.start, e.end) for e in doc.entities if e.label == "PERSON"] if doc.has_syntax else []
    # "Jordan himself acknowledged" in a story about Jim Jordan: the surname of a person the
    # article names in full, as a subject, is that person, not the country
    surnames_here = {doc.tokens[pb - 1] for pa, pb in person_spans if pb - pa >= 2}
    # (a name the parser calls an organisation once is one wherever it recurs: "AirAsia Philippines")
    org_names = _org_names(doc)
    org_spans = [(e.start, e.end) for e in doc.entities if (e.label == "ORG" or (e.label == "GPE" and e.end - e.start >= 2)) and doc.text[doc.starts[e.start] : doc.ends[e.end - 1]] in org_names]
    spans_taken = sorted((_token_range(doc, r[0], r[1]) for r in by_span.values()), key=lambda r: r[0] - r[1])
    # people the article names in full with no "Jr." after the name (then a "Jr." is someone else)
    without_generation = set()
    for r in by_span.values():
        ra, rb = _token_range(doc, r[0], r[1])
        if r[3] in ("name", "title") and rb - ra >= 2 and not (rb < doc.n_tokens and doc.lower[rb].rstrip(".") in _GENERATIONS):
            without_generation.add(r[4])
    mentions: list[ActorMention] = []
    for start, end, sent, kind, actor_id in sorted(by_span.values()):
        actor = gazetteer.actors[actor_id]
        a, b = _token_range(doc, start, end)
        if actor.type != "person" and any(pa <= a and b <= pb and pb - pa > b - a for pa, pb in person_spans):
            continue
        if actor.type == "person" and b < doc.n_tokens and doc.lower[b].rstrip(".") in _GENERATIONS and actor_id in without_generation:
            continue  # "Donald Trump Jr." where "President Donald Trump" is named too: the son, not the gazetteer's Donald Trump
        if kind == "title" and actor.type == "person" and any(pa == b and pb - pa >= 2 for pa, pb in person_spans) and not any(
            w in {x.lower() for n in (actor.name, *actor.names) for x in n.split()} | {x.lower() for x in actor.surnames}
            for w in (doc.lower[t] for t in range(b, next(pb for pa, pb in person_spans if pa == b)))
        ):
            continue  # "House Minority Leader Nancy Pelosi": the title's holder is the one named after it, not the gazetteer's
        if kind == "name" and actor.type in ("state", "place") and any(
            _company_named_after(doc, oa, ob, a, b) and not any(ta <= oa and ob <= tb and tb - ta > b - a for ta, tb in spans_taken)
            for oa, ob in org_spans
        ):
            continue  # "Air Canada said", "Toyota Canada", "AirAsia Philippines": a company, not the country
        if kind == "name" and actor.type in ("state", "place") and a > 0 and doc.has_syntax and doc.pos[a - 1] == "PROPN" and (name := doc.text[doc.starts[a - 1] : end]) in org_names:
            # the same company where the parser saw no organisation ("AirAsia Philippines' statement")
            mentions.append(ActorMention("candidate:" + slug(name), name, "organisation", "candidate", doc.starts[a - 1], end, sent, _head_of(doc, a - 1, b)))
            continue
        if actor.type != "person" and b - a == 1 and doc.tokens[a] in surnames_here and doc.deps[a] in ("nsubj", "nsubjpass"):
            continue
        if (
            kind == "adjective" and b - a == 1 and doc.has_syntax and doc.deps[a] in ("nsubj", "nsubjpass") and doc.tokens[a][:1].isupper()
            and not any(doc.deps[c] in ("det", "poss") for c in doc.children[a]) and not doc.lower[a].endswith("s")  # not "Americans"
        ):
            # "French attributes the dearth ...", "French said": a demonym alone as a subject is a
            # person of that name (the people are "the French")
            mentions.append(ActorMention("candidate:" + slug(doc.tokens[a]), doc.tokens[a], "person", "candidate", start, end, sent, a))
            continue
        if (kind == "surname" or (kind == "name" and doc.tokens[a] in actor.surnames)) and b - a == 1 and any(
            pa <= a < pb and pb - pa > 1 and _other_name(doc, pa, pb, a, " ".join([actor.name, *actor.names])) for pa, pb in person_spans
        ):
            continue  # "Kim" in "Kim Jin-ho", "Trump" in "Melania Trump", "Obama" in "Michelle Obama": someone else of that name
        if kind == "surname" and b - a == 1 and _other_named_since(doc, a, actor_id, actor.name, person_spans, by_span.values()):
            continue  # "Kim said" after "First Vice Foreign Minister Kim Kye Gwan": the Kim named last
        if kind == "surname" and not actor.standalone_surname and actor_id not in fully_named:
            titled = a > 0 and doc.lower[a - 1] in _TITLE_WORDS
            if not (titled and len(surname_owners.get(doc.lower[a], ())) == 1):
                continue  # "Carney" in an article that never names Mark Carney: not resolved
            a -= 1  # "Governor Carney": the title is part of the reference
            start = doc.starts[a]
        prev = mentions[-1] if mentions else None
        if prev and prev.actor == actor_id and prev.sentence == sent and not doc.text[prev.end : start].strip():
            # "Canadian Prime Minister" + "Mark Carney": one reference, one mention
            keep_kind = prev.kind if _KIND_PRIORITY.get(prev.kind, 9) <= _KIND_PRIORITY[kind] else kind
            mentions[-1] = replace(prev, kind=keep_kind, end=end, token=_head_of(doc, bisect_left(doc.starts, prev.start), b))
            continue
        body = next((o for o in org_spans if _state_body(doc, *o, a, b)), None) if kind in ("name", "adjective") and actor.type == "state" else None
        if body is None and kind == "name" and actor.type == "state" and b + 1 < doc.n_tokens and doc.lower[b] in ("'s", "’s"):
            # "China's Ministry of Commerce": the same, its name after the state's possessive
            own = next((o for o in org_spans if o[0] == b + 1 and _state_body(doc, b, o[1], b, b + 1)), None)
            body = (a, own[1]) if own is not None else None
        if body is not None:
            # "the Chinese Ministry of Commerce", "the U.S. Department of Agriculture": an arm of
            # the state, named as the institution (as "the State Department" is)
            oa, ob = body
            while oa < a and doc.lower[oa] == "the":
                oa += 1
            mentions.append(ActorMention(actor_id, actor.name, actor.type, "metonym", doc.starts[oa], doc.ends[ob - 1], sent, _head_of(doc, oa, ob)))
            continue
        mentions.append(ActorMention(actor_id, actor.name, actor.type, kind, start, end, sent, _head_of(doc, a, b)))
    return mentions, excluded


def _org_names(doc: Doc) -> set[str]:
    """The names the parser calls organisations anywhere in the text."""
    return {doc.text[e.char_start : e.char_end] for e in doc.entities if e.label == "ORG"}


def _state_body(doc: Doc, oa: int, ob: int, a: int, b: int) -> bool:
    """Whether the parser's organisation ``[oa, ob)`` is a state's ministry, department or other
    body named with the state's name or adjective ``[a, b)`` and words of such bodies only."""
    # what a body's "of" names is free ("the U.S. Department of Housing and Urban Development")
    of = next((t for t in range(oa + 1, ob) if doc.lower[t] == "of" and doc.lower[t - 1] in _BODY_HEADS), ob)
    return oa <= a and b <= ob and ob - oa > b - a and ob - oa <= 9 and all(
        a <= t < b or doc.lower[t] in _BODY_WORDS or t > of for t in range(oa, ob)
    ) and any(doc.lower[t] in _BODY_HEADS for t in range(oa, ob))


#: The words that make a name a state body's
_BODY_HEADS = frozenset({
    "government", "ministry", "department", "embassy", "consulate", "parliament", "senate", "congress", "cabinet",
    "army", "navy", "military", "police", "customs", "office", "mission", "delegation", "administration", "bureau",
    "agency", "service", "services", "authority", "forces", "force", "guard", "court", "treasury",
})
#: Every word a state body's name may hold beside its head and the state's name: what its ministries
#: and agencies are of ("the Department of Homeland Security", "Global Affairs Canada", "the U.S.
#: Army"), as against a company or body of its own named with a country ("Air Canada")
_BODY_WORDS = _BODY_HEADS | frozenset({
    "homeland", "security", "energy", "education", "labor", "labour", "interior", "transportation", "transport",
    "veterans", "housing", "industry", "information", "technology", "science", "public", "safety", "immigration",
    "citizenship", "revenue", "economy", "economic", "development", "planning", "reform", "census", "human",
    "rights", "resources", "natural", "fisheries", "oceans", "innovation", "infrastructure", "culture", "tourism",
    "communications", "intelligence", "internal", "home", "international", "cooperation", "relations", "war",
    "house", "armed", "coast", "border", "global", "affairs", "foreign", "statistics", "federal", "national", "state",
    "supreme", "commerce", "trade", "finance", "defence", "defense", "justice", "health", "agriculture", "environment",
    "of", "the", "and", "'s", "’s", "-",
})


def _company_named_after(doc: Doc, oa: int, ob: int, a: int, b: int) -> bool:
    """Whether the parser's organisation ``[oa, ob)`` (at most three words, or an institution's
    name of up to eight with "of" or "for") has a country's or place's name ``[a, b)`` at its
    start or end and a name word of its own that is no state body's ("Air Canada", "Toyota
    Canada", "China Mobile"; not "Global Affairs Canada", "the U.S. Air Force", "Canada's
    Parliament")."""
    while oa < a and doc.lower[oa] == "the":
        oa += 1
    if not (oa <= a and b <= ob and ob - oa > b - a and (a == oa or b == ob)):
        return False
    own = [t for t in range(oa, ob) if not a <= t < b]
    if ob - oa > 3 and not (a == oa and ob - oa <= 8 and any(doc.lower[t] in ("of", "for") for t in own)):
        return False  # longer: only an institution's name ("the U.S. Centers for Disease Control and Prevention")
    if any(doc.pos[t] not in ("PROPN", "NOUN", "PUNCT", "DET", "ADP", "PART", "CCONJ") or doc.lower[t] in ("'s", "’s") or _is_title(doc, t) or doc.lower[t] in _TITLE_WORDS for t in own):
        return False
    return any(
        doc.pos[t] == "PROPN" and doc.lower[t] not in _BODY_WORDS
        and not (doc.lower[t] == "air" and t + 1 < ob and doc.lower[t + 1] in ("force", "forces"))
        for t in own
    )


def _other_named_since(doc: Doc, at: int, actor_id: str, name: str, person_spans: Sequence[tuple[int, int]], matches: Iterable[tuple[int, int, int, str, str]]) -> bool:
    """Whether a lone surname at token ``at`` belongs to someone else of that name whom the
    parser names in full (the word first or last in the name) after the gazetteer person's last
    full mention before it."""
    word = doc.lower[at]
    own = max((_token_range(doc, m[0], m[1])[0] for m in matches if m[4] == actor_id and m[3] in ("name", "title") and m[0] < doc.starts[at]), default=-1)
    return any(
        own < pa < at and pb - pa > 1 and word in (doc.lower[pa], doc.lower[pb - 1]) and _other_name(doc, pa, pb, pa if doc.lower[pa] == word else pb - 1, name)
        for pa, pb in person_spans
    )


#: Words after a name that make it another person of the same name ("Jr.", "III")
_GENERATIONS = frozenset(["jr", "sr", "ii", "iii", "iv"])


def _other_name(doc: Doc, pa: int, pb: int, at: int, name: str) -> bool:
    """Whether the person's name in tokens ``[pa, pb)`` around a surname at ``at`` holds a name word
    that the actor's ``name`` has not (a title or an initial is no name word)."""
    words = {w.lower().strip(".") for w in re.split(r"[\s\-]+", name)}
    for t in range(pa, pb):
        w = doc.lower[t].strip(".")
        if t != at and doc.pos[t] == "PROPN" and len(w) > 1 and w not in words and w not in _TITLE_WORDS and not _is_title(doc, t):
            return True
    return False


def _split_lists(doc: Doc) -> list[Entity]:
    """The parser's entities, with an organisation that is a list of names split at its commas
    ("Facebook, Twitter Inc." in "Facebook, Twitter Inc. and Alphabet Inc.'s Google"): each part
    that opens with a capital is an organisation of its own."""
    out: list[Entity] = []
    for e in doc.entities:
        commas = [t for t in range(e.start + 1, e.end - 1) if doc.tokens[t] == "," and doc.tokens[t + 1][:1].isupper()]
        if e.label != "ORG" or not commas or any(doc.lower[t] in ("of", "&") for t in range(e.start, e.end)):
            # (one name with commas: "Bureau of Alcohol, Tobacco, Firearms and Explosives")
            out.append(e)
            continue
        bounds = [e.start, *commas, e.end]
        for k in range(len(bounds) - 1):
            a = bounds[k] + (1 if k else 0)
            b = bounds[k + 1]
            if a < b:
                out.append(Entity(a, b, doc.starts[a], doc.ends[b - 1], "ORG"))
    return out


def _clean_entity(doc: Doc, e: Entity) -> tuple[int, int] | None:
    """The entity's tokens without a leading "the" and a trailing possessive; None if nothing is left."""
    a, b = e.start, e.end
    while a < b and doc.lower[a] in ("the", "a", "an"):
        a += 1
    if e.label == "PERSON" and b - a >= 2 and doc.lower[a] in _RELIGIOUS_TITLES:
        a += 1  # "Rabbi Sharon Brous" is Sharon Brous, and "Rabbi Brous" is she
    if b - a >= 2 and doc.tokens[a] in ("Said", "Says", "Added", "Adds") and (a == 0 or doc.tokens[a - 1] in (".", "!", "?", "”", '"') or "\n" in doc.text[doc.ends[a - 1] : doc.starts[a]]):
        a += 1  # "Said Sekulow, “...”": the verb opening the sentence, not a first name
    while b > a and doc.lower[b - 1] in ("'s", "'", "s"):
        b -= 1
    while b - 1 > a and doc.pos[b - 1] == "VERB" and doc.tokens[b - 1].islower():
        b -= 1  # "George W. told" (the tagger ran the name into its verb)
    return (a, b) if b > a else None


#: Words after a name that say what kind of organisation it names ("Harvard University", "Verso Corp.")
_DESIGNATORS = frozenset(
    [
        "University", "College", "Institute", "Institution", "Foundation", "Fund", "Trust", "Group", "Holdings",
        "Inc.", "Inc", "Corp.", "Corp", "Corporation", "Co.", "Co", "Company", "Ltd.", "Ltd", "LLC", "PLC", "plc", "AG", "SA",
        "Pictures", "Studios", "Entertainment", "Advisors", "Partners", "Associates", "Bank", "Airlines", "Airways", "Motors", "Motor", "Technologies", "Pharmaceuticals",
    ]
)


def _short_org_names(doc: Doc, found: Sequence[tuple[int, int, str, str]], people: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """First words that name an organisation the article names in full ("Harvard" for "Harvard
    University", "Heritage" for "Heritage Foundation", "Verso" for "Verso Corp.") -> (id, name):
    a capitalised proper noun followed in the name only by words for a kind of organisation
    (:data:`_DESIGNATORS`; "House" is no short name of "House Intelligence Committee", nor "Fox"
    of "Fox News"), that begins the name of one organisation only, is no person's name in the
    article and never a place's."""
    places = {doc.tokens[e.start] for e in doc.entities if e.label in ("GPE", "LOC", "NORP", "FAC")}
    firsts: dict[str, set[tuple[str, str]]] = {}
    for a, b, label, _ in found:
        word = doc.tokens[a]
        if label != "ORG" or b - a < 2 or doc.pos[a] != "PROPN" or not word.isalpha() or not word[:1].isupper() or word.isupper():
            continue
        if any(doc.tokens[t] not in _DESIGNATORS for t in range(a + 1, b)):
            continue
        name = _surface(doc, a, b)
        firsts.setdefault(word, set()).add((slug(name), name))
    return {
        word: next(iter(names)) for word, names in firsts.items()
        if len(names) == 1 and word not in places and _plain(word) not in people and word.lower() not in _TITLE_WORDS
    }


def _person_tagged_organisation(doc: Doc, a: int, speaking: set[str]) -> bool:
    """Whether two words the parser tagged an organisation are a person's name: a first name that
    is clearly a man's or a woman's, then a capitalised name that is no word for a kind of
    organisation ("Chelsea Linares", not "Chelsea Football" or "Virginia Tech"), speaking by the
    surname alone somewhere ("Linares said") or written after a noun for a person ("college
    student Chelsea Linares")."""
    first, last = doc.tokens[a], doc.tokens[a + 1]
    # ("protester Marquess Mull": after a noun for one person, a first name outside our name data)
    person_noun = a > 0 and doc.tags[a - 1] in ("NN", "JJ") and doc.lower[a - 1] in _people_nouns() and first.isalpha() and first[1:].islower()
    if (not person_noun and (first_name_pronoun(first) is None or not _given_name_like(doc, a))) or doc.pos[a + 1] != "PROPN":
        return False
    if not (last.isalpha() and last[:1].isupper() and last[1:].islower()) or last in _DESIGNATORS or last.lower() in word_class("organisation_nouns"):
        return False
    described = a > 0 and doc.tags[a - 1] == "NN" and doc.deps[a - 1] == "compound" and doc.heads[a - 1] == a + 1
    return last in speaking or described or person_noun


def _speaking_alone(doc: Doc) -> set[str]:
    """Proper nouns that are, alone, the subject of a verb of saying ("Linares said"; not "News"
    in "Fox News reported")."""
    speaks = word_class("speech_verbs")
    return {
        doc.tokens[t] for t in range(1, doc.n_tokens)
        if doc.deps[t] == "nsubj" and doc.pos[t] == "PROPN" and doc.pos[t - 1] != "PROPN" and doc.lemmas[doc.heads[t]].lower() in speaks
    }


def _rare_person_words(doc: Doc) -> set[str]:
    """Words the parser tags as a person's name on their own somewhere, that are rare in general
    English (not "Twitter", "Market", "Left") and never follow "the" ("the Kleins": a family)."""
    after_the = _after_the(doc)
    return {
        w for w in (doc.tokens[e.start] for e in doc.entities if e.end - e.start == 1 and e.label == "PERSON")
        if re.sub(r"['’\-]", "", w).isalpha() and w not in after_the and zipf_frequency(w.lower(), "en") < _COMMON_WORD_ZIPF
    }


#: Members of a group written as one capitalised word, which speak as "X said" but name nobody
_GROUP_MEMBERS = frozenset(["jew", "sikh", "kurd", "hindu", "muslim", "christian", "catholic", "sunni", "shiite", "shia", "buddhist", "mormon", "democrat", "republican", "latino", "latina", "tory", "whig", "maori", "arab", "turk", "brit", "scot", "swede", "dane", "pole", "finn", "serb", "croat", "czech", "slovak", "greek", "thai"])


def _singular_name(doc: Doc, t: int) -> bool:
    """Whether token ``t`` reads as one person's name rather than a member of a people, faith or
    party ("Mattis", not "Israeli", "Sikh", "Democrat"): a singular proper noun without a demonym's
    ending."""
    w = doc.tokens[t]
    return doc.tags[t] == "NNP" and w.isalpha() and w.lower() not in _GROUP_MEMBERS and re.search(r"(an|ese|ish|i|ic)$", w.lower()) is None


#: How common a word must be in general English (wordfreq's Zipf scale) to be no surname on its own
_COMMON_WORD_ZIPF = 4.6


def _owned_words(doc: Doc) -> set[str]:
    """Capitalised words written after a possessive determiner somewhere in the text, in a noun
    phrase ("his Twitter account", "their Facebook pages"): a thing, not a person's name."""
    return {
        doc.tokens[t] for t in range(1, doc.n_tokens)
        if doc.pos[t] == "PROPN" and doc.tokens[t][:1].isupper() and doc.lower[t - 1] in ("his", "her", "their", "its", "my", "our", "your")
        and doc.deps[t - 1] == "poss" and doc.heads[t - 1] != t - 1 and doc.pos[doc.heads[t - 1]] == "NOUN"
    }


#: the last text :func:`_taken_up` read and what it found
_TAKEN_UP: tuple[Doc | None, tuple[set[str], set[str]]] = (None, (set(), set()))


def _taken_up(doc: Doc) -> tuple[set[str], set[str]]:
    """(speakers, names): proper nouns alone as the subject of a clause that a he or she (as a
    subject) or a his or her (as a possessive) takes up later in the same sentence, before any
    other name or a quotation; an object pronoun is someone else ("Hannity asked her"), and a
    word written after "the" anywhere is no name ("the Guardian"). ``speakers`` are those whose
    verb is one of saying ("Jabeen said at her home ...", "Naqshbandi said he has not drawn
    ..."): an organisation is "it" or "they". ``names`` are one-word names that are people
    whatever the tagger made of them: a known first name ("Now Jayden isn't sure if she'll ..."),
    or a speaker rare in general English ("Borjas insists his focus is on pure economics")."""
    global _TAKEN_UP
    if _TAKEN_UP[0] is doc:
        return _TAKEN_UP[1]
    speaks = word_class("speech_verbs")
    after_the = _after_the(doc)
    speakers: set[str] = set()
    names: set[str] = set()
    for t in range(1, doc.n_tokens - 1):
        word = doc.tokens[t]
        if doc.deps[t] != "nsubj" or doc.pos[t] != "PROPN" or doc.pos[t - 1] == "PROPN" or word in after_the:
            continue
        end = doc.sentences[_sentence_of(doc, t)].token_end
        for k in range(t + 1, end):
            if doc.pos[k] == "PROPN" or doc.tokens[k] in ("“", '"'):
                break
            if doc.pos[k] == "PRON" and (
                (doc.lower[k] in ("he", "she") and doc.deps[k] in ("nsubj", "nsubjpass")) or (doc.lower[k] in ("his", "her") and doc.deps[k] == "poss")
            ):
                speaking = doc.lemmas[doc.heads[t]].lower() in speaks
                if speaking:
                    speakers.add(word)
                if doc.pos[t + 1] != "PROPN" and word.isalpha() and (
                    known_first_name(word) or (speaking and zipf_frequency(doc.lower[t], "en") < _COMMON_WORD_ZIPF)
                ):
                    names.add(word)
                break
    _TAKEN_UP = (doc, (speakers, names))
    return speakers, names


def _after_the(doc: Doc) -> set[str]:
    """Words written right after "the" somewhere in the text ("the Kleins", "the Guardian")."""
    return {doc.tokens[t] for t in range(1, doc.n_tokens) if doc.lower[t - 1] == "the"}


def _people_named_alone(doc: Doc) -> set[str]:
    """Words the parser tags as a person's name on their own ("interviewed by Stahl") and never
    as anything else on their own."""
    alone = {doc.tokens[e.start] for e in doc.entities if e.end - e.start == 1 and e.label == "PERSON"}
    return alone - {doc.tokens[e.start] for e in doc.entities if e.end - e.start == 1 and e.label != "PERSON"}


def _names_only(doc: Doc, a: int, b: int) -> bool:
    """Whether tokens ``a``-``b`` are capitalised names (an initial may stand between: "Suhail H
    Naqshbandi"), none a word for a kind of organisation or a designator ("Fund", "University")."""
    for t in range(a, b):
        word = doc.tokens[t]
        initial = a < t < b - 1 and re.fullmatch(r"[A-Z]\.?", word) is not None
        if not initial and not (word.isalpha() and word[:1].isupper() and word[1:].islower()):
            return False
        if word in _DESIGNATORS or doc.lower[t] in word_class("organisation_nouns") or doc.lower[t] in _TITLE_WORDS:
            return False
    return True


def _given_name_like(doc: Doc, t: int) -> bool:
    """Whether token ``t`` may be a first name before a surname: a capitalised word, no title,
    that is somebody's first name ("Lesley"; not "Video" in "Related Video Facebook")."""
    word = doc.tokens[t]
    return (
        word.isalpha() and word[:1].isupper() and word[1:].islower() and doc.lower[t] not in _TITLE_WORDS and doc.lower[t] not in _HONORIFIC_PRONOUN
        and known_first_name(word)
    )


def _untagged_full_names(doc: Doc, found: Sequence[tuple[int, int, str, str]], covered: Sequence[tuple[int, int]], surnames_alone: set[str]) -> list[tuple[int, int, str, str]]:
    """Full names the parser tagged as nothing, of a person it tagged by surname alone elsewhere
    ("Lesley Stahl" where "Stahl" alone is a person's name) or after a title ("Rabbi David
    Ingber"): two capitalised proper nouns, no title word, neither inside a name found."""
    tagged = [(e.start, e.end) for e in doc.entities] + [(a, b) for a, b, _, _ in found]
    out = []
    for t in range(1, doc.n_tokens):
        if doc.pos[t] != "PROPN" or doc.pos[t - 1] != "PROPN":
            continue
        # (or after a title of one sex, written small: "First lady Chirlane McCray")
        gendered = t >= 2 and doc.lower[t - 2] in _TITLE_PRONOUN and doc.pos[t - 2] in ("NOUN", "PROPN")
        titled = (t >= 2 and doc.lower[t - 2] in _TITLE_WORDS and doc.tokens[t - 2][:1].isupper()) or gendered
        # (or described as someone: "Brian Claypool, a survivor of the rampage, called ...")
        # (or after a noun for one person: "Local priest Mangal Tharu")
        described = doc.has_syntax and (_described_as_someone(doc, t) or gendered or (t >= 2 and doc.tags[t - 2] == "NN" and doc.lower[t - 2] in _people_nouns()))
        if doc.tokens[t] not in surnames_alone and not titled and not described:
            continue
        if not _given_name_like(doc, t - 1) and not (
            described and doc.tokens[t - 1].isalpha() and doc.tokens[t - 1][:1].isupper() and doc.tokens[t - 1][1:].islower()
            and doc.lower[t - 1] not in _TITLE_WORDS and doc.tokens[t - 1] not in _DESIGNATORS and doc.lower[t - 1] not in word_class("organisation_nouns")
        ):
            continue  # (a first name the list lacks is a first name when the full name is described as someone's: "Tejabhai Meda, 36,")
        if not (doc.tokens[t].isalpha() and doc.tokens[t][:1].isupper()):
            continue
        initial = t >= 2 and re.fullmatch(r"[A-Z]", doc.tokens[t - 2]) is not None and described and not (t >= 3 and doc.pos[t - 3] == "PROPN")
        if (t >= 2 and doc.pos[t - 2] == "PROPN" and not titled and not initial) or (t + 1 < doc.n_tokens and doc.pos[t + 1] == "PROPN"):
            continue  # part of a longer name (but "M Ashok Kumar, the secretary of ...": an initial before it)
        if any(s < t + 1 and t - 1 < e for s, e in tagged) or any(cs < doc.ends[t] and doc.starts[t - 1] < ce for cs, ce in covered):
            continue
        out.append((t - 2 if initial else t - 1, t + 1, "PERSON", ""))
    return out


def _plain(word: str) -> str:
    """A name word with typographic apostrophes made straight ("O’Brien" = "O'Brien")."""
    return word.replace("’", "'")


def _entity_mentions(doc: Doc, taken: Sequence[tuple[int, int]], gazetteer: Gazetteer, exclude: frozenset[str] = frozenset()) -> list[ActorMention]:
    """People, organisations, places and groups found by the parser and not by the gazetteer.

    Left out: lower-case words the parser took for names ("fine china"), a title's first word
    ("Trade" in "Trade Minister Dana Aucoin"), and a lone surname of a gazetteer actor the article
    never names in full (ambiguous: "Carney" could be anyone called Carney)."""
    surnames = {s for actor in gazetteer.actors.values() for s in actor.surnames}
    found: list[tuple[int, int, str, str]] = []  # token range, entity label, honorific pronoun
    org_names = _org_names(doc)
    covered = sorted(taken)
    starts = [s for s, _ in covered]
    surnames_alone = _people_named_alone(doc)
    speaking = _speaking_alone(doc) if doc.has_syntax else set()
    as_people, taken_names = _taken_up(doc) if doc.has_syntax else (set(), set())
    owned = _owned_words(doc)
    short = _acronyms(doc)
    person_alone = _rare_person_words(doc)
    # "Mattis writes" (tagged a nationality or religion): one singular name that speaks is a person
    person_alone |= {
        doc.tokens[e.start] for e in doc.entities
        if e.label == "NORP" and e.end - e.start == 1 and doc.tokens[e.start] in speaking and _singular_name(doc, e.start)
    }
    for e in _split_lists(doc):
        if e.label not in _ENTITY_ACTORS:
            continue
        span = _clean_entity(doc, e)
        if span is None:
            continue
        a, b = span
        if e.label == "PERSON" and b - a == 1 and b < doc.n_tokens and re.fullmatch(r"[A-Z][’'][A-Z][a-z]+", doc.tokens[b]) and _given_name_like(doc, a):
            b += 1  # "Pete D’Alessandro": the tagger left the surname with an apostrophe out of the name
        if not doc.tokens[a][:1].isupper() or (b < doc.n_tokens and doc.lower[b] in _TITLE_WORDS and e.label != "PERSON"):
            continue
        if b - a == 1 and len(doc.tokens[a]) <= 2 and doc.tokens[a] not in short:
            continue  # "EV", "AI": abbreviations the parser takes for names (not "AP" after "The Associated Press")
        if e.label == "NORP" and doc.deps[_head_of(doc, a, b)] in ("amod", "compound"):
            continue  # "a Communist regime": an adjective, not a group that acts
        if doc.tokens[a].isupper() and len(doc.tokens[a]) > 4 and (a == 0 or "\n" in doc.text[doc.ends[a - 1] : doc.starts[a]]) and doc.tokens[a] not in short:
            continue  # a dateline ("BEIJING/OTTAWA, March 12 ..."): where, not who (but "AIPAC – which spent ...": a short name given before)
        if doc.text[doc.starts[a] : doc.ends[b - 1]] in exclude:
            continue  # the outlet naming itself ("(Harmony Daily) --")
        if b - a == 1 and doc.tokens[a] in surnames and not (a > 0 and doc.pos[a - 1] == "PROPN" and _given_name_like(doc, a - 1) and doc.has_syntax and _described_as_someone(doc, a)):
            continue  # (but "Ana Navarro, a veteran Republican strategist" is someone else of that surname, named in full)
        s, t = doc.starts[a], doc.ends[b - 1]
        k = bisect_right(starts, t) - 1
        if (k >= 0 and covered[k][1] > s) or any(cs < t and s < ce for cs, ce in covered[max(0, k - 3) : k + 1]):
            continue  # overlaps a gazetteer mention
        pron = _HONORIFIC_PRONOUN.get(doc.lower[a - 1], "") if a > 0 else ""
        label = e.label
        if label == "PERSON" and b - a == 1 and doc.tokens[a] in owned:
            label = "ORG"  # "his Twitter account": something one has is no person
        if label != "PERSON" and b - a >= 2 and a > 0 and _is_title(doc, a - 1) and doc.tags[a - 1] == "NN" and all(doc.pos[t] == "PROPN" for t in range(a, b)):
            label = "PERSON"  # "acting spokesperson Pooja Jhunjhunwala": a name after a person's title is a person's
        elif label in ("PERSON", "GPE") and a > 0 and doc.tags[a - 1] == "NN" and doc.lemmas[a - 1].lower() in word_class("organisation_nouns") and doc.deps[a - 1] in ("compound", "appos", "nmod"):
            label = "ORG"  # "tech chain Best Buy", "the retailer Kohl's": a name after an organisation's noun is an organisation's
        if label in ("GPE", "PERSON") and b - a >= 2 and doc.text[doc.starts[e.start] : doc.ends[e.end - 1]] in org_names and (
            label == "GPE" or doc.lemmas[b - 1].lower() in word_class("organisation_nouns")
        ):
            label = "ORG"  # named an organisation elsewhere in the article ("Freedom Caucus" once tagged a person)
        elif label == "ORG" and b - a == 2 and _person_tagged_organisation(doc, a, speaking):
            label = "PERSON"  # "college student Chelsea Linares said" (tagged an organisation)
        elif label == "ORG" and 2 <= b - a <= 3 and doc.tokens[b - 1] in as_people and _names_only(doc, a, b):
            label = "PERSON"  # "Ruksana Jabeen" (tagged an organisation) where "Jabeen said at her home"
        elif label != "PERSON" and b - a == 2 and doc.tokens[a + 1] in surnames_alone and _given_name_like(doc, a):
            label = "PERSON"  # "the network's Lesley Stahl" (tagged an organisation) where "Stahl" alone is a person
        elif label in ("GPE", "ORG") and b - a == 1 and doc.tokens[a] in taken_names:
            label = "PERSON"  # "Now Jayden isn't sure if she'll ..." (tagged a place), "Borjas insists his ..."
        elif label in ("GPE", "ORG", "NORP") and b - a == 1 and doc.tokens[a] in speaking and doc.tokens[a] in person_alone:
            label = "PERSON"  # "Sondland testified" (tagged a place here, a person elsewhere): places do not speak
        elif (
            label in ("GPE", "ORG") and b - a == 1 and a > 0 and doc.pos[a - 1] == "PROPN" and _given_name_like(doc, a - 1)
            and not any(x.start <= a - 1 < x.end for x in doc.entities) and (doc.has_syntax and _described_as_someone(doc, a))
        ):
            label, a = "PERSON", a - 1  # "says Ana Navarro, a veteran Republican strategist" (only "Navarro" tagged, an organisation)
        elif label in ("GPE", "ORG", "NORP") and b - a == 1 and _pseudonym(doc, a):
            label = "PERSON"  # "a former child star, identified only as Kimberly" (tagged an organisation)
        elif (
            label in ("GPE", "ORG") and 2 <= b - a <= 3 and _names_only(doc, a, b) and b + 2 < doc.n_tokens and doc.tokens[b] == ","
            and doc.tokens[b + 2] in (",", ")") and re.fullmatch(r"[1-9][0-9]?", doc.tokens[b + 1]) is not None
        ):
            label = "PERSON"  # "Tejabhai Meda, 36, who works as a labourer" (tagged a place): an age is a person's
        found.append((a, b, label, pron))
    found.extend(_untagged_full_names(doc, found, covered, surnames_alone))
    if "\n" in doc.text:
        # "toggle caption Saul Loeb/AFP/Getty Images": a photographer's credit, no actor of the story
        found = [f for f in found if not _is_caption(line_at(doc.text, doc.starts[f[0]]))]
    # a person named in full somewhere in the article gives its id to lone surnames of it
    full: dict[str, tuple[str, str]] = {}
    firsts: dict[str, tuple[str, str]] = {}
    generation: dict[str, tuple[str, str]] = {}
    for a, b, label, _ in found:
        if label == "PERSON" and b - a >= 2:
            name = _surface(doc, a, b)
            full.setdefault(_plain(doc.tokens[b - 1]), (slug(name), name))
            full.setdefault(_plain(name.split()[-1]), (slug(name), name))  # "Okafor-Brandt", written as one word
            if b - a >= 3 and doc.lower[b - 1].rstrip(".") in _GENERATIONS:
                generation[_surface(doc, b - 2, b)] = (slug(name), name)  # "Trump Jr." is "Donald Trump Jr.", and so is "Donald Jr."
                generation.setdefault(f"{doc.tokens[a]} {doc.tokens[b - 1]}", (slug(name), name))
            # names written family name first ("Zhao Minghui" ... "Zhao said") join on the first word
            if doc.tags[b - 1] != "NNPS":  # not "Twitter Rules" (the parser's person): no name of a "Twitter" alone
                firsts.setdefault(_plain(doc.tokens[a]), (slug(name), name))
    for word, person in firsts.items():
        full.setdefault(word, person)
    orgs_short = {k: v for k, v in _short_org_names(doc, found, full).items() if k not in short}
    short.update(orgs_short)
    # a one-word name the parser tagged as nothing, introduced by a description of a person
    # ("Kanate, a refugee from Kyrgyzstan, was moved ...", "said Yudanys, a Cuban immigrant")
    tagged = [(e.start, e.end) for e in doc.entities]
    n_tokens = doc.n_tokens
    for i in range(n_tokens):
        if doc.pos[i] != "PROPN" or doc.deps[i] not in ("nsubj", "nsubjpass", "dobj"):
            continue
        alone = (i == 0 or doc.pos[i - 1] != "PROPN") and (i + 1 >= n_tokens or doc.pos[i + 1] != "PROPN")
        if (
            doc.tokens[i][:1].isupper() and doc.tokens[i].isalpha()
            and alone and not any(s <= i < e for s, e in tagged) and _described_as_someone(doc, i)
        ):
            k = bisect_right(starts, doc.ends[i]) - 1
            if not (k >= 0 and covered[k][1] > doc.starts[i]):
                found.append((i, i + 1, "PERSON", ""))
    found.sort()
    out = []
    for a, b, label, pron in found:
        name = _surface(doc, a, b)
        ident, shown = slug(name), name
        if " " not in name and _plain(name) in full:  # the parser may tag a lone surname as anything
            ident, shown = full[_plain(name)]
        elif (
            b - a == 2 and doc.lower[a] in _SURNAME_PARTICLES and _plain(doc.tokens[b - 1]) in full
            and _plain(full[_plain(doc.tokens[b - 1])][1]).endswith(" " + _plain(name)) and full[_plain(doc.tokens[b - 1])][1] != name
        ):
            ident, shown = full[_plain(doc.tokens[b - 1])]  # "Mr. Van Hollen" is Chris Van Hollen
        elif name in generation and label == "PERSON":
            ident, shown = generation[name]
        elif name in short and not (b - a == 1 and doc.deps[a] == "compound" and doc.pos[doc.heads[a]] == "NOUN" and name in orgs_short):
            # "HHS" after "the Department of Health and Human Services (HHS)", "Harvard" after
            # "Harvard University" (not "the Dusseldorf prosecutors office": a city's name as a modifier)
            ident, shown = short[name]
            if label == "PERSON" and name in orgs_short:
                label = "ORG"  # "Twitter" (tagged a person) after "Twitter Inc."
        if not ident:
            continue
        if label == "PERSON" and pron and a > 0:
            a -= 1  # "Mr. Burton": the honorific is part of the reference (and gives the pronoun)
        kind_type = "person" if ident in {f[0] for f in full.values()} else _ENTITY_ACTORS[label]
        m = ActorMention("candidate:" + ident, shown, kind_type, "candidate", doc.starts[a], doc.ends[b - 1], _sentence_of(doc, a), _head_of(doc, a, b))
        out.append((m, pron))
    # a lone surname the parser did not tag ("Aucoin later met ...") still names the person (named
    # in full, or a person by that word alone elsewhere: "Sondland testified")
    names = {_plain(m.name): (m.actor.removeprefix("candidate:"), m.name) for m, _ in out if m.type == "person" and m.name in person_alone} | full
    if names:
        spans = sorted([*covered, *((m.start, m.end) for m, _ in out)])
        span_starts = [a for a, _ in spans]
        reach = list(accumulate((b for _, b in spans), max))  # furthest end of the spans so far
        for i, tok in enumerate(doc.tokens):
            if _plain(tok) not in names:
                continue
            # "May called the attack ...": a surname the tagger took for a modal before a verb in the past
            modal = doc.tags[i] == "MD" and i + 1 < n_tokens and doc.tags[i + 1] in ("VBD", "VBZ") and tok[:1].isupper()
            # "Jealous urged calm": a surname the tagger took for another word, as a subject
            subject = tok[:1].isupper() and doc.deps[i] in ("nsubj", "nsubjpass") and doc.pos[i] in ("ADJ", "NOUN", "VERB")
            if doc.pos[i] != "PROPN" and not modal and not subject:
                continue
            k = bisect_right(span_starts, doc.starts[i]) - 1
            if k >= 0 and reach[k] > doc.starts[i]:
                continue  # inside a mention already found
            if i + 1 < n_tokens and doc.pos[i + 1] == "PROPN" and doc.deps[i] == "compound":
                continue  # part of a longer name ("Lake Chad" is no mention of Anthony Lake)
            ident, shown = names[_plain(tok)]
            out.append((ActorMention("candidate:" + ident, shown, "person", "candidate", doc.starts[i], doc.ends[i], _sentence_of(doc, i), i), ""))
    return sorted((m for m, _ in out), key=lambda m: m.start)


#: Verbs a source is given a first name by ("identified only as Kimberly", "who gave her name as Ana")
_NAMED_AS_VERBS = frozenset(["identify", "know", "name", "call", "give", "refer", "list", "describe"])


def _pseudonym(doc: Doc, t: int) -> bool:
    """Whether the one-word name at token ``t`` is the first name a person is identified by ("a former
    child star, identified only as Kimberly", "a nurse who asked to be identified only as Maria"): a
    first name in our name data right after a verb of naming and "as" (the parser hangs it anywhere)."""
    if t < 2 or doc.lower[t - 1] != "as" or (t + 1 < doc.n_tokens and (doc.pos[t + 1] == "PROPN" or doc.tags[t + 1] == "POS")):
        return False  # (not "known as Melissa's Fund", "known as Melissa Jones": a longer name)
    v = t - 3 if doc.lower[t - 2] in ("only", "simply", "just") else t - 2
    if v < 0 or not doc.tags[v].startswith("VB") or doc.lemmas[v].lower() not in _NAMED_AS_VERBS:
        return False
    return bool(listed_pronoun(doc.tokens[t]) or table_pronoun(doc.tokens[t]))


#: the last text :func:`_pseudonyms` read and what it found
_PSEUDONYMS: tuple[Doc | None, frozenset[str]] = (None, frozenset())


def _pseudonyms(doc: Doc) -> frozenset[str]:
    """The first names the article identifies people by alone (see :func:`_pseudonym`)."""
    global _PSEUDONYMS
    if _PSEUDONYMS[0] is not doc:
        found = frozenset(doc.tokens[t] for t in range(2, doc.n_tokens) if doc.lower[t - 1] == "as" and doc.tokens[t][:1].isupper() and _pseudonym(doc, t))
        _PSEUDONYMS = (doc, found)
    return _PSEUDONYMS[1]


def _acronyms(doc: Doc) -> dict[str, tuple[str, str]]:
    """Acronyms the article introduces for a name it gives in full: "the Department of Health and
    Human Services (HHS)" makes a later "HHS" that organisation (id and name). The name is the run
    of capitalised words (and "of", "and", "for", "the", "on", "&" between them) right before the
    bracket; the acronym's letters must be its capitalised words' initials, or the last ones
    ("HHS" for "Department of Health and Human Services")."""
    out: dict[str, tuple[str, str]] = {}
    for i in range(2, doc.n_tokens - 2):
        acronym = doc.tokens[i]
        if doc.tokens[i - 1] != "(" or doc.tokens[i + 1] != ")" or not (2 <= len(acronym) <= 6 and acronym.isalpha() and acronym.isupper()):
            continue
        a = i - 1
        while a - 1 >= 0 and i - a < 12 and (doc.tokens[a - 1][:1].isupper() or doc.lower[a - 1] in _NAME_JOINERS) and "\n" not in doc.text[doc.ends[a - 1] : doc.starts[a]]:
            a -= 1
        while a < i - 1 and (doc.lower[a] in _NAME_JOINERS or (doc.tokens[a].isupper() and len(doc.tokens[a]) > 3)):
            a += 1  # not "the", "of", or a dateline ("WASHINGTON") at the start
        words = [doc.tokens[t] for t in range(a, i - 1) if doc.tokens[t][:1].isupper()]
        initials = "".join(w[0] for w in words)
        if len(words) >= 2 and len(initials) >= len(acronym) and initials.endswith(acronym):
            name = _surface(doc, a, i - 1)
            out.setdefault(acronym, (slug(name), name))
    # an organisation named in full, then by its initials with no brackets ("the Economic Policy
    # Institute ... the EPI wrote"): the initials of all its capitalised words, when no other
    # organisation of the article has them
    by_initials: dict[str, set[str]] = {}
    for e in doc.entities:
        if e.label != "ORG":
            continue
        # ("Council on American-Islamic Relations": CAIR, the hyphen no word)
        words = [doc.tokens[t] for t in range(e.start, e.end) if doc.lower[t] not in _NAME_JOINERS and doc.tokens[t] not in ("-", "‐", "‑")]
        if len(words) >= 2 and all(w[:1].isupper() and w.isalpha() for w in words):
            by_initials.setdefault("".join(w[0] for w in words), set()).add(_surface(doc, e.start, e.end).removeprefix("the ").removeprefix("The "))
    for acronym, names in by_initials.items():
        if len(names) == 1 and 2 <= len(acronym) <= 6:
            name = next(iter(names))
            out.setdefault(acronym, (slug(name), name))
    return out


_NAME_JOINERS = frozenset({"of", "and", "for", "the", "on", "&"})


def _sentence_of(doc: Doc, token: int) -> int:
    lo, hi = 0, len(doc.sentences) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s = doc.sentences[mid]
        if token < s.token_start:
            hi = mid - 1
        elif token >= s.token_end:
            lo = mid + 1
        else:
            return mid
    return max(0, min(len(doc.sentences) - 1, lo))


def _pronoun_of(m: ActorMention, doc: Doc, gazetteer: Gazetteer) -> str | None:
    """he / she for a person when known: the gazetteer's, an honorific's ("Mrs."), our word lists'
    for the first name, what the article itself says (:func:`gender_evidence`), else the name
    data's for the first name (:mod:`framing.actors.first_names`); None when unknown."""
    actor = gazetteer.actors.get(m.actor)
    if actor is not None:
        return actor.pronoun
    first = bisect_left(doc.starts, m.start)
    honorific = _HONORIFIC_PRONOUN.get(doc.lower[first]) if first < doc.n_tokens else None
    if honorific:
        return honorific
    if doc.has_syntax and 0 < first < doc.n_tokens:
        kin = first - 1  # (not across a comma: "alongside her sister, Moonves demurred")
        if doc.lower[kin] in _KIN_PRONOUN and doc.pos[kin] == "NOUN":
            return _KIN_PRONOUN[doc.lower[kin]]
        if doc.lower[kin] in _TITLE_PRONOUN and doc.pos[kin] in ("NOUN", "PROPN"):
            return _TITLE_PRONOUN[doc.lower[kin]]  # "First lady Chirlane McCray", "Congresswoman Ilhan Omar"
        if m.token is not None and doc.deps[m.token] == "appos" and doc.lower[doc.heads[m.token]] in _KIN_PRONOUN and doc.pos[doc.heads[m.token]] == "NOUN":
            return _KIN_PRONOUN[doc.lower[doc.heads[m.token]]]  # "his wife, Amy, told him"
    words = [w for w in m.name.split() if w.lower().strip(".") not in _TITLE_WORDS and w.lower().strip(".") not in _TITLE_FORMS and w.lower() not in _TITLE_HEADS]
    given = words[0] if len(words) > 1 else ""  # "Pastor John Smith": John
    if doc.has_syntax and 0 < first < doc.n_tokens and doc.pos[first - 1] == "PROPN" and doc.tokens[first - 1].isalpha() and doc.tokens[first - 1][:1].isupper() and doc.ends[first - 1] + 1 >= doc.starts[first]:
        before = doc.tokens[first - 1]
        if doc.lower[first - 1] not in _TITLE_WORDS and not _is_title(doc, first - 1) and doc.lower[first - 1] not in _TITLE_FORMS and (listed_pronoun(before) or table_pronoun(before)):
            given = before  # the parser cut the first name off ("Paulette | Sullivan Moore"): "Sullivan" is no first name
    if not given and len(words) == 1 and words[0] in _pseudonyms(doc):
        given = words[0]  # "a former child star, identified only as Kimberly": a first name alone
    listed = listed_pronoun(given) if given else None
    if listed:
        return listed
    evidence = gender_evidence(doc)
    said = (evidence.get(f"{given} {m.name.split()[-1]}") or evidence.get(f"{given} {m.name.split()[-1].split('-')[-1]}")) if given else None
    if said:
        return said
    table = table_pronoun(given) if given else None
    if table:
        return table
    if not m.name.split():
        return None
    # "Kirstjen M. Nielsen" is "Ms. Nielsen" elsewhere in the article; "McConnell sat in his office"
    surname = _plain(m.name.split()[-1])
    return _honorific_surnames(doc).get(surname) or _possessive_surnames(doc).get(surname)


#: the last text :func:`_honorific_surnames` read and what it found
_HONORIFICS: tuple[Doc | None, dict[str, str]] = (None, {})


def _honorific_surnames(doc: Doc) -> dict[str, str]:
    """Surname -> he / she, from the honorifics the article writes before it ("Ms. Nielsen");
    a surname written with both ("Mr. Clinton", "Mrs. Clinton"), or of two people named in full
    ("Ann Romney", "Mitt Romney": "Mrs. Romney" may be either's wife), gets neither."""
    global _HONORIFICS
    if _HONORIFICS[0] is doc:
        return _HONORIFICS[1]
    firsts = _first_names_by_surname(doc)
    seen: dict[str, set[str]] = {}
    for t in range(doc.n_tokens - 1):
        pron = _HONORIFIC_PRONOUN.get(doc.lower[t])
        if pron is not None and doc.tokens[t][:1].isupper() and doc.tokens[t + 1][:1].isupper():
            k = t + 1
            while k + 1 < doc.n_tokens and doc.tokens[k + 1][:1].isupper() and doc.ends[k] + 1 >= doc.starts[k + 1] and doc.pos[k + 1] == "PROPN":
                k += 1  # "Mrs. Nancy Pelosi": the surname is the last word
            seen.setdefault(_plain(doc.tokens[k]), set()).add(pron)
    found = {name: next(iter(p)) for name, p in seen.items() if len(p) == 1 and len(firsts.get(name, ())) <= 1}
    _HONORIFICS = (doc, found)
    return found


def _first_names_by_surname(doc: Doc) -> dict[str, set[str]]:
    """Surname -> the first names it is written with, over the people the parser names in full."""
    firsts: dict[str, set[str]] = {}
    for e in doc.entities:
        if e.label == "PERSON" and e.end - e.start >= 2:
            firsts.setdefault(_plain(doc.tokens[e.end - 1]), set()).add(doc.tokens[e.start])
    return firsts


#: the last text :func:`_possessive_surnames` read and what it found
_POSSESSIVES: tuple[Doc | None, dict[str, str]] = (None, {})


def _possessive_surnames(doc: Doc) -> dict[str, str]:
    """Surname -> he / she for a person the article names by surname alone, from the "his" or
    "her" of the clauses that person is the subject of ("McConnell sat on a chair in his
    office"), outside quotation marks and with nobody else named in the clause: at least two
    that agree and none that disagrees (one possessive may be someone else's: "Cass offered praise
    for her assertion"). A surname two people named in full share gets none."""
    global _POSSESSIVES
    if _POSSESSIVES[0] is doc:
        return _POSSESSIVES[1]
    found: dict[str, list[str]] = {}
    if doc.has_syntax:
        people = {t for e in doc.entities if e.label == "PERSON" for t in range(e.start, e.end)}
        alone = {e.start for e in doc.entities if e.label == "PERSON" and e.end - e.start == 1}
        firsts = _first_names_by_surname(doc)
        quoted = _in_quotes(find_quote_spans(doc.text))
        for p in range(doc.n_tokens):
            pron = _SEXED.get(doc.lower[p])
            if pron is None or doc.deps[p] != "poss" or quoted(doc.starts[p]):
                continue
            k = p
            for _ in range(12):
                k = doc.heads[k]
                if doc.pos[k] in ("VERB", "AUX") or doc.heads[k] == k:
                    break
            subj = next((c for c in doc.children[k] if doc.deps[c] in ("nsubj", "nsubjpass")), None)
            if subj is None or subj not in alone or subj > p or doc.pos[subj] != "PROPN" or quoted(doc.starts[subj]):
                continue
            if any(t in people or doc.lower[t] in _SEXED for t in range(subj + 1, p)):
                continue  # someone else in the clause the possessive may belong to
            found.setdefault(_plain(doc.tokens[subj]), []).append(pron)
        result = {name: prons[0] for name, prons in found.items() if len(prons) >= 2 and len(set(prons)) == 1 and len(firsts.get(name, ())) <= 1}
    else:
        result = {}
    _POSSESSIVES = (doc, result)
    return result


#: pronouns that tell a person's gender as evidence (possessives do not: see :func:`gender_evidence`)
_EVIDENCE_PRONOUNS = {"he": "he", "she": "she", "himself": "he", "herself": "she"}

#: the last text :func:`gender_evidence` read and what it found (one article is read at a time)
_EVIDENCE: tuple[Doc | None, dict[str, str]] = (None, {})


def gender_evidence(doc: Doc) -> dict[str, str]:
    """The pronoun the article itself gives a person named in full, by first and last name
    ("Leland Keyser" -> "she"): a "he" or "she" that is the subject of what the person is reported
    to say ("Leland Keyser told the committee that she stands by her statement"), or a reflexive
    the person's own clause binds ("Ann Lee asked herself ..."). Possessives are no evidence ("Cass
    offered praise for her assertion": someone else's), nor a surname alone (a family shares it).
    Outside quotation marks only; a name given both pronouns gets neither. The text outranks the
    name data, which errs on names borne by men and women ("Leland", "Campbell")."""
    global _EVIDENCE
    if _EVIDENCE[0] is doc:
        return _EVIDENCE[1]
    found: dict[str, set[str]] = {}
    if doc.has_syntax:
        people = {t for e in doc.entities if e.label == "PERSON" for t in range(e.start, e.end)}
        spans = find_quote_spans(doc.text)
        starts = [s.start for s in spans]

        def quoted(t: int) -> bool:
            k = bisect_right(starts, doc.starts[t]) - 1
            return k >= 0 and spans[k].start <= doc.starts[t] < spans[k].end

        for p in range(doc.n_tokens):
            low = doc.lower[p]
            pron = _EVIDENCE_PRONOUNS.get(low)
            if pron is None or doc.pos[p] != "PRON" or quoted(p):
                continue
            subj: int | None = None
            if low in ("he", "she"):
                v = doc.heads[p]
                if doc.deps[p] not in ("nsubj", "nsubjpass") or doc.deps[v] != "ccomp" or doc.lemmas[doc.heads[v]].lower() not in word_class("speech_verbs"):
                    continue
                matrix = doc.heads[v]
                if any(doc.deps[c] in ("dobj", "dative") and c in people for c in doc.children[matrix]):
                    continue  # "Trump told Merkel that she ...": she may be Merkel
                subj = next((c for c in doc.children[matrix] if doc.deps[c] == "nsubj"), None)
            else:
                k = p
                for _ in range(12):
                    k = doc.heads[k]
                    if doc.pos[k] in ("VERB", "AUX"):
                        break
                subj = next((c for c in doc.children[k] if doc.deps[c] in ("nsubj", "nsubjpass")), None)
            if subj is None or doc.pos[subj] != "PROPN" or quoted(subj) or subj > p:
                continue
            names = [c for c in doc.children[subj] if doc.deps[c] == "compound" and doc.pos[c] == "PROPN" and c < subj and doc.lower[c] not in _TITLE_WORDS and doc.lower[c] not in _HONORIFIC_PRONOUN]
            if names:
                key = f"{doc.tokens[min(names)]} {doc.tokens[subj]}"
            else:
                # a surname alone is evidence only for the one person the article names in full
                # with it ("Noor al-Araji ... Araji said she was"; a family may share a surname)
                firsts = _first_names_by_surname(doc).get(_plain(doc.tokens[subj]), set())
                if len(firsts) != 1 or (subj in people and any(e.start <= subj < e.end and e.end - e.start > 1 for e in doc.entities)):
                    continue
                key = f"{next(iter(firsts))} {_plain(doc.tokens[subj])}"
            hi = subtree_span(doc, subj)[1]
            if any(t in people for t in range(max(hi + 1, subj + 1), p)):
                continue  # another person named between (an apposition of the subject's own is no other)
            clauses = [c for c in doc.children[subj] if doc.deps[c] in ("relcl", "acl")]
            if any(t in people for c in clauses for t in range(subtree_span(doc, c)[0], subtree_span(doc, c)[1] + 1)):
                continue  # "Jones, who met Ann Smith, said she ...": she may be Ann Smith
            found.setdefault(key, set()).add(pron)
    result = {name: next(iter(prons)) for name, prons in found.items() if len(prons) == 1}
    _EVIDENCE = (doc, result)
    return result


def _described_as_someone(doc: Doc, t: int) -> bool:
    """Whether name token ``t`` has a description of a person in apposition ("Kanate, a refugee
    from Kyrgyzstan"): a common noun with "a" or "an", set off by a comma."""
    if t + 3 < doc.n_tokens and doc.tokens[t + 1] == "," and doc.tokens[t + 3] in (",", ")") and re.fullmatch(r"[1-9][0-9]?", doc.tokens[t + 2]):
        return True  # "Tejabhai Meda, 36, who works as a labourer": a person's age
    if t + 1 < doc.n_tokens and _AGED.match(doc.text, doc.ends[t]):
        return True  # "Raja Androon, a 65-year-old Syrian from Idlib": an age, whatever noun follows
    if t + 2 < doc.n_tokens and doc.tokens[t + 1] == "," and any(
        doc.deps[c] == "appos" and doc.tags[c] == "NN" and doc.lower[c] in _OFFICE_NOUNS and not any(doc.deps[g] == "det" and doc.lower[g] not in ("the", "a", "an") for g in doc.children[c])
        for c in doc.children[t]
    ):
        return True  # "Alexei Pushkov, chairman of the information policy committee", "M Ashok Kumar, the secretary of ..."
    return any(
        doc.deps[c] == "appos" and doc.pos[c] == "NOUN" and doc.tags[c] == "NN" and c > t and doc.tokens[t + 1] == ","
        and any(doc.deps[g] == "det" and doc.lower[g] in ("a", "an") for g in doc.children[c])
        and doc.lemmas[c].lower() not in _NOT_SOMEONE
        for c in doc.children[t]
    )


#: Words that open a surname of two words ("Van Hollen", "de Blasio", "bin Salman")
_SURNAME_PARTICLES = frozenset(["van", "von", "de", "del", "della", "der", "da", "di", "du", "le", "la", "bin", "al", "el", "ben", "st.", "mc"])

#: An age set beside a name (", a 65-year-old", ", an 80-year-old")
_AGED = re.compile(r", an? [1-9][0-9]?-year-old\b")

#: Offices a person's name is set beside ("Alexei Pushkov, chairman of ...")
_OFFICE_NOUNS = frozenset([
    "chairman", "chairwoman", "chairperson", "director", "secretary", "minister", "spokesman", "spokeswoman", "spokesperson", "founder",
    "co-founder", "ceo", "president", "vice-president", "governor", "mayor", "senator", "professor", "editor", "commissioner", "ambassador",
    "adviser", "advisor", "aide", "deputy", "head", "leader", "lawyer", "attorney", "economist", "analyst", "researcher", "strategist",
    # ("Gareth Price, senior research fellow at Chatham House")
    "fellow", "scholar", "lecturer", "partner", "counsel", "correspondent", "official", "officer", "executive", "manager", "coordinator",
])

#: Nouns an apposition may describe a name with that are no person ("Treason, a crime ...")
_NOT_SOMEONE = frozenset(["crime", "company", "firm", "city", "town", "village", "country", "state", "river", "group", "book", "film", "show", "band", "app", "website", "platform", "brand", "term", "word", "place", "region", "province", "county", "district", "network", "newspaper", "magazine", "party", "movement", "organization", "organisation", "agency", "program", "programme", "bill", "law", "product", "drug", "virus", "disease", "storm", "hurricane", "ship", "school", "university", "college", "hospital", "church", "team", "club", "island"])


def _unsure_name(doc: Doc, m: ActorMention) -> bool:
    """A single word the parser took for a person and the article never names in full, with no
    honorific ("Treason", "Londoner"): too unsure to be what a later "he" or "she" refers to,
    unless it is described as someone ("Kanate, a refugee from Kyrgyzstan")."""
    if m.kind != "candidate" or " " in m.name:
        return False
    if doc.has_syntax and m.token is not None and _described_as_someone(doc, m.token):
        return False
    if m.name in _pseudonyms(doc):
        return False  # "identified only as Kimberly"
    if doc.has_syntax and (m.name in _taken_up(doc)[1] or _plain(m.name) in _possessive_surnames(doc)):
        return False  # "Jayden ... she'll", "Borjas insists his ...", "McConnell sat in his office": a name a pronoun takes up
    first = bisect_left(doc.starts, m.start)
    return first >= doc.n_tokens or doc.lower[first] not in _HONORIFIC_PRONOUN


def _in_quotes(spans: Sequence[QuoteSpan]) -> Callable[[int], bool]:
    """Whether a character offset lies inside one of the quotation spans."""
    starts = [s.start for s in spans]

    def inside(char: int) -> bool:
        k = bisect_right(starts, char) - 1
        return k >= 0 and spans[k].start <= char < spans[k].end

    return inside


#: The last few documents' story sentence counts (each is needed by pronoun resolution and by
#: speaker linking): document id -> (document, counts)
_STORY: dict[int, tuple[Doc, list[int]]] = {}


def _story_sentence_before(doc: Doc, k: int) -> int:
    """The index of the story's sentence before sentence ``k`` (filler between, such as a page
    widget or a quotation mark the parse split off, passed over; see :func:`_story_sentences`)."""
    story = _story_sentences(doc)
    j = k - 1
    while j > 0 and story[j] == story[j - 1]:
        j -= 1
    return max(j, 0)


def _story_sentences(doc: Doc) -> list[int]:
    """For each sentence, how many sentences of the story's own text there are up to it: a
    sentence of punctuation alone (a quotation mark the parse split off) or on a link line the
    page set inside the text ("Related: ...", "READ MORE: ...") does not count."""
    hit = _STORY.get(id(doc))
    if hit is not None and hit[0] is doc:
        return hit[1]
    out, n = [], 0
    for sn in doc.sentences:
        at = doc.starts[sn.token_start]
        if any(any(c.isalnum() for c in doc.tokens[t]) for t in range(sn.token_start, sn.token_end)) and not _on_link_line(doc, at) and not _widget_line(doc.text, at):
            n += 1
        out.append(n)
    if len(_STORY) >= 16:
        _STORY.clear()
    _STORY[id(doc)] = (doc, out)
    return out


def _widget_line(text: str, char: int) -> bool:
    """Whether a character lies on a short line with no closing punctuation, the page's widgets
    and buttons set inside the text ("Play Facebook", "Embed autoplay Copy this code to your
    website or blog"): no sentence of the story between two of its sentences."""
    line = line_at(text, char).strip()
    return bool(line) and line[-1] not in ".!?\"”’':;,)" and len(line.split()) <= 12


def _on_link_line(doc: Doc, char: int) -> bool:
    """Whether a character lies on a link line or a photo caption the page set inside the text
    ("( Also on POLITICO: Paul, Cruz weigh in)", "... [Yawar Nazir/Getty Images]"): a person named
    there is no one the story goes on about."""
    return _link_or_caption(line_at(doc.text, char))


@lru_cache(maxsize=8192)
def _is_caption(line: str) -> bool:
    return is_caption_line(line)


@lru_cache(maxsize=8192)
def _link_or_caption(line: str) -> bool:
    return is_link_line(line) or is_caption_line(line)


#: Words a title-case headline may leave in lower case
_HEADLINE_SMALL = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from", "as"})


def _on_headline(doc: Doc, char: int) -> bool:
    """Whether a character lies on a line set in title case with no full stop, the way a page
    prints a headline or a section head inside the text ("Boston University Student Among The
    Dead"): a name the parser finds there is no organisation the story refers back to. Title case
    shows in a small word capitalised ("Among The Dead"), so a line that is only a name ("Kroger
    News") is not taken for a headline."""
    line = line_at(doc.text, char).strip()
    words = re.findall(r"[A-Za-z][\w'’-]*", line)
    if not 2 <= len(words) <= 12 or line[-1:] in ".!?\"”’:;,":
        return False
    big = [w for w in words if w.lower() not in _HEADLINE_SMALL]
    small = [w for w in words if w.lower() in _HEADLINE_SMALL]
    return sum(w[0].isupper() for w in big) >= max(2, len(big) - 1) and any(w[0].isupper() for w in small)


def _resolve_pronouns(doc: Doc, mentions: list[ActorMention], gazetteer: Gazetteer, quote_spans: Sequence[QuoteSpan]) -> list[ActorMention]:
    """he/him/she/her -> the nearest compatible named person before it (this or the two previous
    sentences); in the previous sentence a subject is preferred to other mentions, and a subject
    of the sentence's own claim to one inside what it reports someone said. A pronoun in
    the outlet's words does not refer to a person named only inside a quotation ("“I'm voting for
    Trump,” he wrote")."""
    persons = [m for m in mentions if m.type == "person" and m.kind != "pronoun" and not _unsure_name(doc, m) and not _on_link_line(doc, m.start)]
    if not persons:
        return mentions
    starts = [m.start for m in persons]
    quoted = _in_quotes(quote_spans)
    out = list(mentions)
    chain: list[ActorMention] = []  # pronoun subjects resolved so far
    story = _story_sentences(doc)
    for i, tok in enumerate(doc.lower):
        pron = _PRONOUNS.get(tok)
        if pron is None or (doc.has_syntax and doc.pos[i] != "PRON"):
            continue
        if tok == "her" and doc.has_syntax and doc.deps[i] == "poss":
            continue  # "her government": a possessive, not a reference the roles or quotes use
        sent = _sentence_of(doc, i)
        before = persons[: bisect_left(starts, doc.starts[i])]
        own_voice = not quoted(doc.starts[i])
        window = [m for m in before if story[sent] - story[m.sentence] <= 2 and m.sentence <= sent and _pronoun_of(m, doc, gazetteer) in (pron, None) and not (own_voice and quoted(m.start))]
        if not window:
            # no name nearby: the same pronoun as a subject just before, already resolved ("Ferreira
            # wants ... He suggests ... He wants ... He favours ..."), carries the chain on
            chained = [m for m in chain if story[sent] - story[m.sentence] <= 2 and m.sentence <= sent and _PRONOUNS.get(doc.lower[m.token or 0]) == pron and quoted(m.start) == quoted(doc.starts[i])]
            if chained:
                out.append(ActorMention(chained[-1].actor, chained[-1].name, chained[-1].type, "pronoun", doc.starts[i], doc.ends[i], sent, i))
                if doc.has_syntax and doc.deps[i] in ("nsubj", "nsubjpass"):
                    chain.append(out[-1])
            continue
        ref = window[-1]
        if ref.sentence < sent and doc.has_syntax:
            subjects = [m for m in window if story[m.sentence] == story[sent] - 1 and m.token is not None and (doc.deps[m.token] in ("nsubj", "nsubjpass") or _passive_agent(doc, m.token))]
            # the subject of the sentence's own claim before the subject of what someone in it is
            # reported to say ("Romney said Obama was doing worse. He cited ...": Romney)
            own = [m for m in subjects if m.token is not None and not _reported_by_cue(doc, m.token)]
            # else the same pronoun as the subject of the sentence before, already resolved ("He
            # cited the economy. “...,” he said")
            carried = (m for m in reversed(chain) if story[m.sentence] == story[sent] - 1 and _PRONOUNS.get(doc.lower[m.token or 0]) == pron and quoted(m.start) == quoted(doc.starts[i]))
            if own:
                ref = own[-1]
            elif subjects:
                ref = subjects[-1]
                # "The former Massachusetts governor has pointed words, saying Obama was doing
                # worse. He cited ...": the described person speaking, named before, not the
                # person the description's words are about
                j = sent - 1
                while j > 0 and story[j] == story[sent]:
                    j -= 1  # past a sentence of punctuation alone (a closing quotation mark)
                prev = doc.sentences[j]
                main = next((t for t in range(prev.token_start, prev.token_end) if doc.deps[t] == "nsubj" and doc.deps[doc.heads[t]] == "ROOT"), None)
                if main is not None and doc.pos[main] == "NOUN" and doc.lower[main] in _TITLE_FORMS:
                    near = window + [m for m in out if m.kind == "pronoun" and m.type == "person" and m.start < doc.starts[i] and story[sent] - story[m.sentence] <= 2]
                    others = sorted((m for m in near if not (m.token is not None and story[m.sentence] == story[sent] - 1 and _reported_by_cue(doc, m.token))), key=lambda m: m.start)
                    if others:
                        ref = others[-1]
            else:
                ref = next(carried, ref)
        out.append(ActorMention(ref.actor, ref.name, ref.type, "pronoun", doc.starts[i], doc.ends[i], sent, i))
        if doc.has_syntax and doc.deps[i] in ("nsubj", "nsubjpass"):
            chain.append(out[-1])
    out.sort(key=lambda m: (m.start, m.end))
    return out


def find_mentions(
    doc: Doc,
    gazetteer: Gazetteer,
    *,
    published: str | None = None,
    candidates: bool = True,
    outlet: str | None = None,
    quote_spans: Sequence[QuoteSpan] | None = None,
) -> list[ActorMention]:
    """Every actor mention in a parsed text, in text order (see the module docstring).

    ``candidates=False`` leaves out the people, organisations and places the gazetteer lacks;
    ``outlet`` is the article's outlet, which is not an actor of its own story when it names itself;
    ``quote_spans`` are the text's quotations when already found (else they are found here).
    """
    mentions, excluded = _gazetteer_mentions(doc, gazetteer, published)
    if candidates and doc.has_syntax:
        # "the Foreign Correspondents' Club of China", "the Bank of Canada": an organisation named
        # after a country is not that country (it is found as an organisation of its own below)
        after_place = [(doc.starts[e.start], doc.ends[e.end - 1]) for e in doc.entities if e.label == "ORG" and _named_after_place(doc, e.start, e.end)]
        if after_place:
            mentions = [m for m in mentions if not (m.type in ("state", "place") and any(a <= m.start and m.end <= b for a, b in after_place))]
        # an excluded phrase the parser calls an organisation is one ("China Daily", "Bank of America")
        orgs = {(doc.starts[e.start], doc.ends[e.end - 1]) for e in doc.entities if e.label == "ORG"}
        taken = [(m.start, m.end) for m in mentions] + [x for x in excluded if x not in orgs]
        mentions.extend(_entity_mentions(doc, taken, gazetteer, frozenset({outlet}) if outlet else frozenset()))
        mentions.sort(key=lambda m: (m.start, m.end))
    spans = find_quote_spans(doc.text) if quote_spans is None else quote_spans
    return _resolve_pronouns(doc, mentions, gazetteer, spans)


#: Organisations that may be named after a country without speaking for it ("the Bank of
#: China"; not "the Government of Canada", "the Embassy of China")
_NAMED_AFTER_A_PLACE = frozenset([
    "club", "bank", "association", "chamber", "federation", "institute", "institution", "university", "college", "society",
    "academy", "foundation", "museum", "corporation", "company", "league", "alliance", "coalition",
])


def _named_after_place(doc: Doc, a: int, b: int) -> bool:
    """Whether tokens ``a:b`` (an organisation's name) are "<...> <Club> of <Place>" with a
    capitalised organisation word of :data:`_NAMED_AFTER_A_PLACE` before "of"."""
    k = next((k for k in range(a + 1, b - 1) if doc.lower[k] == "of"), None)
    return (
        k is not None and doc.lower[k - 1] in _NAMED_AFTER_A_PLACE and doc.tokens[k - 1][:1].isupper()
        and all(doc.pos[t] == "PROPN" or doc.lower[t] == "the" for t in range(k + 1, b))
    )


_TITLE_HEADS = frozenset(
    ["chief", "president", "minister", "secretary", "director", "chairman", "chairwoman", "chair", "spokesman", "spokeswoman", "spokesperson", "governor", "senator", "ambassador", "commissioner", "general", "adviser", "advisor", "officer", "head", "leader", "vice"]
    + ["attorney", "lawyer", "counsel", "analyst", "economist", "strategist", "executive", "founder", "manager", "professor", "editor", "correspondent", "aide", "mayor", "judge", "diplomat", "envoy", "whip"]
)


def _is_title(doc: Doc, i: int) -> bool:
    """Token ``i`` is a title noun, singular or plural ("Attorneys": a capitalised plural keeps
    its form as its lemma)."""
    return doc.lower[i] in _TITLE_HEADS or doc.lower[i].removesuffix("s") in _TITLE_HEADS


def _phrase_name(doc: Doc, lo: int, hi: int) -> int | None:
    """The head token of a person's name that ends a speaker phrase ("Twitter's vice president for
    trust and safety Del Harvey"; "Syria's Chief of Staff, Gen. Ali Abdullah Ayoub")."""
    j = hi
    while j > lo and doc.pos[j] == "PUNCT":
        j -= 1
    if doc.pos[j] == "PROPN" and j - 1 >= lo and doc.pos[j - 1] == "PROPN" and not _is_title(doc, j):
        return j
    return None


def _name_phrase(doc: Doc, head: int) -> tuple[int, int]:
    """The proper-name tokens of a speaker's head ("Del Harvey" in "Twitter's vice president Del Harvey")."""
    a = head
    while a - 1 >= 0:
        if a - 2 >= 0 and doc.tokens[a - 1] in ("-", "‐", "‑") and doc.pos[a - 2] == "PROPN" and doc.ends[a - 2] == doc.starts[a - 1] and doc.ends[a - 1] == doc.starts[a]:
            a -= 2  # "Kim Jin-ho", "Moon Sang-gyun": a hyphenated given name is one word
            continue
        if not (doc.pos[a - 1] == "PROPN" and doc.heads[a - 1] in (head, a) and doc.deps[a - 1] == "compound" and not _is_title(doc, a - 1)):
            break
        a -= 1  # a title ends the name: "Acme Attorneys Ann Brafman" is Ann Brafman
    return a, head + 1


def link_speakers(
    doc: Doc,
    quotes: Sequence[Quote],
    mentions: Sequence[ActorMention],
    gazetteer: Gazetteer | None = None,
    *,
    ranker: bool = True,
    trace: list[tuple[Quote, list[tuple[ActorMention, dict[str, float]]], ActorMention | None]] | None = None,
) -> list[Quote]:
    """Each quote's speaker resolved to an actor.

    * the mention at the speaker's head token ("Mark Carney said", "he said" resolved);
    * a proper name at the head that no mention covers is the speaker by that name, joined to a
      person of the same surname named elsewhere in the article ("Del Harvey", "Mr. Burton");
    * a common noun at the head speaks for the actor named inside its phrase: the name in
      apposition first ("the EU's trade commissioner, Ines Valtonen"), then a person, never a place
      ("a Coca-Cola spokesman" speaks for Coca-Cola, and is shown as the phrase itself);
    * a pronoun takes the subject of the sentence before when that is a person, else the
      speaker of the quotation before (within four sentences) when compatible, else the nearest
      person: news goes on quoting the same source.
    * a definite description of an organisation with no name of its own ("the company said",
      "the department said") is the organisation named just before (one whose name holds the noun,
      else the nearest one that was a subject).

    ``speaker_name`` is the actor's name for a named or pronoun speaker, the phrase itself for
    an anonymous one ("officials").
    """
    m: ActorMention | None  # a mention below, then a quote's speaker (None: not found)
    by_token: dict[int, ActorMention] = {}
    for m in mentions:
        a, b = _token_range(doc, m.start, m.end)
        for t in range(a, b):
            by_token.setdefault(t, m)
    persons_by_word: dict[str, ActorMention] = {}
    for m in mentions:
        if m.type == "person" and m.kind != "pronoun":
            for w in re.split(r"[\s\-‐‑]+", m.name):  # "Saddawi-Konefka" is found by "Konefka" too
                if w:
                    persons_by_word.setdefault(w, m)
    out: list[Quote] = []
    last: Quote | None = None  # the last quote with a named person speaker
    story: list[int] | None = None  # the story's sentence count (see _story_sentences), once a pronoun needs it
    quoted = [(q.start, q.end) for q in quotes if q.kind in ("direct", "partial")]
    for q in quotes:
        titled_one = False
        if q.speaker_token is None or q.speaker_start is None or q.speaker_end is None:
            out.append(q)
            continue
        same = next((p for p in reversed(out) if p.speaker_token == q.speaker_token and p.speaker_name), None)
        if same is not None:  # a quotation continued from the one before: the same speaker, resolved once
            out.append(replace(q, speaker=same.speaker, speaker_name=same.speaker_name, speaker_type=same.speaker_type))
            if last is not None and same.speaker == last.speaker:
                last = out[-1]
            continue
        head = q.speaker_token
        m = by_token.get(head)
        if m is not None and m.type != "person" and doc.has_syntax and doc.pos[head] == "PROPN" and q.speaker_type != "pronoun":
            # "In an interview on SiriusXM's Family Politics, Franken, who ..., said": the parser
            # made the show the subject and the person beside it its apposition
            set_beside = next((by_token[c] for c in doc.children[head] if doc.deps[c] == "appos" and c in by_token and c > head), None)
            if set_beside is not None and set_beside.type == "person" and set_beside.kind != "pronoun" and head > 0 and doc.text[doc.ends[head] : doc.starts[set_beside.token or head]].strip() == ",":
                m = set_beside
        if m is None and doc.has_syntax and doc.pos[head] in ("NOUN", "ADJ") and q.speaker_type != "pronoun":
            # "a local named Maher told The Associated Press": the name the description gives
            given = next((
                by_token[c] for v in doc.children[head] if doc.deps[v] == "acl" and doc.lower[v] in ("named", "called") and v == head + 1
                for c in doc.children[v] if doc.deps[c] in ("oprd", "dobj", "attr", "xcomp", "npadvmod") and doc.pos[c] == "PROPN" and c in by_token
            ), None)
            if given is not None and given.type == "person" and given.kind != "pronoun":
                m = given
        party_member = m is not None and m.type == "group" and _party_member(doc, head, *_token_range(doc, q.speaker_start, q.speaker_end))
        if party_member:
            m = None  # "the New York Democrat wrote": one member described, not the party
        tag = re.search(r"\b([DRI])-\s?$", doc.text[max(0, doc.starts[head] - 3) : doc.starts[head]])
        if tag is not None and q.speaker_type != "pronoun":
            # "Chuck Schumer. D-N.Y., even taunted ...", "ranking member(D-R.I.": a party and state
            # label is no name; the person named right before it is the speaker, if any
            at = doc.starts[head] - 3 + tag.start()
            before = [x for x in mentions if x.type == "person" and x.kind != "pronoun" and 0 <= at - x.end <= 3]
            if not before:
                out.append(replace(q, speaker_name=None))  # (often link debris: "... MORE (D-Va.)")
                continue
            m = before[-1]
        if ((m is not None and m.type != "person") or (m is None and _is_title(doc, head))) and q.speaker_type != "pronoun" and doc.has_syntax:
            # "Americans for Tax Reform President Grover Norquist", "Time's Dan Hirschhorn",
            # "former Director of National Intelligence James Clapper": a phrase that ends with a
            # person's full name is that person speaking, whatever the parser made its head
            a, b = _token_range(doc, q.speaker_start, q.speaker_end)
            e = b - 1
            while e > a and doc.pos[e] == "PUNCT":
                e -= 1
            medium = next((c for c in doc.children[head] if doc.deps[c] == "prep" and doc.lower[c] in ("on", "to", "in", "at", "during") and head < c <= e and subtree_span(doc, c)[1] >= e), None)
            if medium is not None and (by_token.get(e) is None or by_token[e].type != "person"):
                # "former Director of National Intelligence James Clapper on CNN": the name before
                # where he spoke
                e = medium - 1
                while e > a and doc.pos[e] == "PUNCT":
                    e -= 1
            tail = by_token.get(e)
            path: list[str] = []  # the prepositions between the name and the head
            k = e
            while k != head and doc.heads[k] != k and len(path) < 12:
                k = doc.heads[k]
                path.append(doc.lower[k] if doc.deps[k] == "prep" else "")
            if (
                tail is not None and tail is not m and tail.type == "person" and tail.kind != "pronoun" and e > head
                and doc.pos[e] == "PROPN" and doc.pos[e - 1] == "PROPN"
                and not any(w in ("as", "like", "including", "among", "with", "against", "about", "than", "besides", "on", "in", "at") for w in path)  # not "some Republicans such as Speaker Paul Ryan"
                and first_name_pronoun(tail.name.split()[0]) is not None  # a person's name, not "Trader Joe"
            ):
                m = tail
        if doc.has_syntax and q.speaker_type != "pronoun" and doc.lemmas[head].lower() in word_class("statement_nouns"):
            # "the congressman's statement read", "the statement said": the statement's author
            author = _statement_author(doc, q, head, out, by_token, mentions, gazetteer)
            if author is not None:
                out.append(replace(q, speaker=author[0], speaker_name=author[1], speaker_type=author[2]))
                continue
        if q.speaker_type == "pronoun" and doc.lower[head] in ("he", "she") and gazetteer is not None:
            # "“... Mr. Bloomberg has every right ... he said, ‘I don’t have to do that.’ ...,”
            # Sanders said": a "he" inside someone's quotation is someone that source talks about
            talked_of = _quoted_by_other(doc, q, out, mentions, lambda x: _pronoun_of(x, doc, gazetteer))
            if talked_of is not None:
                out.append(replace(q, speaker=talked_of.actor, speaker_name=talked_of.name))
                continue
        if q.speaker_type == "pronoun" and doc.lower[head] in ("it", "they") and doc.has_syntax:
            # "it" and "they" are no person's pronoun: the organisation or statement, or the
            # several people, that spoke just before (else nobody: never the nearest person)
            ref = _non_person_antecedent(doc, q, out, mentions)
            out.append(replace(q, speaker=ref[0], speaker_name=ref[1]) if ref is not None else replace(q, speaker_name=None))
            continue
        unnamed = _unnamed_source_before(doc, q, out, mentions, lambda x: _pronoun_of(x, doc, gazetteer) if gazetteer is not None else None) if q.speaker_type == "pronoun" and doc.has_syntax else None
        if unnamed is not None:
            # "A former official explained that ... “...,” he said": the unnamed source who just
            # spoke goes on speaking, not the last person named before it
            # (its name as resolved when it was: "The mother of five boys went on to suggest ...", Ann Romney)
            resolved = unnamed.speaker_type == "pronoun" or unnamed.speaker is not None
            out.append(replace(q, speaker=unnamed.speaker, speaker_name=unnamed.speaker_name if resolved else unnamed.speaker_text))
            continue
        if q.speaker_type == "pronoun" and doc.has_syntax:
            found, person = _pronoun_construction(doc, q, last, mentions, gazetteer, quoted)
            model = load_ranker() if ranker else None
            other_sex = False
            if found:
                m = person
            elif doc.lower[head] in ("he", "she", "his") and (model is not None or trace is not None):
                # the learned ranker (framing.actors.speaker_ranker) over the people referred to before
                story = story if story is not None else _story_sentences(doc)
                cands = speaker_candidates(doc, q, out, last, mentions, lambda x: _pronoun_of(x, doc, gazetteer) if gazetteer is not None else None, quoted, story=story)
                told = _addressed(doc, q, mentions)
                cands = [c for c in cands if c[0].actor not in told]  # "“...,” he told Mr. Patrick": not Patrick
                # (every person the ranker could pick is named only inside quotations: the rules,
                # which follow the source quoted before however long ago it was named)
                quoted_only = bool(cands) and all(f.get("all_in_quotation") for _, f in cands)
                rule = _pronoun_speaker(doc, q, m, last, by_token, mentions, gazetteer, quoted) if trace is not None or model is None or not cands or quoted_only else None
                if trace is not None:
                    trace.append((q, cands, rule))
                m = rule if quoted_only and rule is not None else rank(cands, model)[0][0] if model is not None and cands else rule
                other_sex = bool(cands) and all(f.get("gender_conflicts") for _, f in cands)
            else:
                m = _pronoun_speaker(doc, q, m, last, by_token, mentions, gazetteer, quoted)
            if (m is None or other_sex) and doc.lower[head] in ("he", "she"):
                # nobody named it can be (or only people of the other sex): the unnamed source
                # described just before ("The captain said the operation got off to a rough start
                # ... “...,” he said")
                described = _unnamed_source_before(doc, q, out, mentions, described=True)
                if described is not None:
                    out.append(replace(q, speaker=None, speaker_name=described.speaker_name if described.speaker_type == "pronoun" else described.speaker_text))
                    continue
            if m is None and doc.lower[head] in ("he", "she") and gazetteer is not None:
                # "“...,” he testified." opening an excerpt that names nobody before it: the person
                # named as a subject right after ("... Schnackenberg said")
                m = _named_later(doc, q, mentions, quoted, lambda x: _pronoun_of(x, doc, gazetteer))
        if m is None and q.speaker_type == "anonymous":
            # "“...,” Moon Sang-gyun, a spokesman for the defense ministry, said": the parser took
            # the description for the subject and left the name before it out
            named_before = next((
                x for x in mentions
                if x.type == "person" and x.kind != "pronoun" and q.end <= x.start and re.fullmatch(r"\s*,\s*", doc.text[x.end : q.speaker_start])
                and not doc.text[q.end : x.start].strip()
            ), None)
            if named_before is not None:
                out.append(replace(q, speaker=named_before.actor, speaker_name=named_before.name, speaker_type="person"))
                last = out[-1]
                continue
        if m is None and doc.has_syntax:
            # a title at the head ("Chief", "Senior Vice President") names the person after it
            lo, hi = _token_range(doc, q.speaker_start, q.speaker_end)
            titled = _is_title(doc, head)  # "D'Souza Attorneys Benjamin Brafman and Alex Spiro"
            named = _phrase_name(doc, lo, max(lo, hi - 1)) if titled or doc.pos[head] != "PROPN" else None
            if named is not None and _recipient(doc, named, head):
                named = None  # "a statement to The New Yorker": whom it went to
            if named is not None and named in by_token and (first := _token_range(doc, by_token[named].start, by_token[named].end)[0]) - 1 >= lo and doc.lower[first - 1] in ("for", "at", "with", "from"):
                named = None  # "the 29-year-old employee for Booz Allen Hamilton": whom they work for
            beside = next((
                c for c in doc.children[head]
                if doc.deps[c] == "appos" and lo <= c < hi and c in by_token and by_token[c].type == "person" and by_token[c].kind != "pronoun"
            ), None) if named is None and (titled or doc.lower[head] in ("ceo", "director", "head", "chair")) else None
            if named is not None:
                head = named
                m = by_token.get(head)
            elif beside is not None:
                m = by_token.get(beside)  # "said the group's CEO, Suzanne Nossel": the name set beside the title
            elif doc.pos[head] == "NOUN" and hi < len(doc.tokens) and not any(doc.deps[c] in ("det", "poss") for c in doc.children[head]):
                # "Republican presidential contender Jeb Bush called ... and said", parsed as a
                # title with a relative clause whose subject is the name: the name is the speaker
                nxt = by_token.get(hi)
                if (
                    nxt is not None and nxt.type == "person" and nxt.kind != "pronoun" and nxt.token is not None
                    and doc.deps[nxt.token] == "nsubj" and doc.deps[doc.heads[nxt.token]] in ("relcl", "acl") and doc.heads[doc.heads[nxt.token]] == head
                ):
                    m = nxt
        if m is None and doc.has_syntax:
            # "the president said": the person given that title (before a capitalised title is
            # taken for a name of its own)
            m = _titled_person(doc, head, *_token_range(doc, q.speaker_start, q.speaker_end), q.sentence, mentions, gazetteer, (q.start, q.end), quoted)
            titled_one = m is not None  # "the researcher" who was named: a person, no anonymous source
        if m is None and doc.has_syntax:
            # "the company said", "the department said": the organisation named just before
            org = _named_organisation(doc, q, head, *_token_range(doc, q.speaker_start, q.speaker_end), mentions, quoted, gazetteer, by_token, out)
            if org is not None:
                out.append(replace(q, speaker=org[0], speaker_name=org[1], speaker_type="organisation"))
                continue
        if m is None and doc.has_syntax and last is not None and _described_last_speaker(doc, q, head, last, mentions, story := story if story is not None else _story_sentences(doc), by_token):
            # "the former Florida governor said", "the 36-year-old said": a description of nobody
            # given that title before is the source quoted just before
            m = next((x for x in mentions if x.actor == last.speaker and x.kind != "pronoun"), None)
        if m is None and doc.has_syntax and (q.speaker_type in ("anonymous", "unknown") or party_member):
            # "Tristan Bailey, 15, ... was stunned. “...,” said the teen": the person just introduced
            m = _described_subject_before(doc, q, head, mentions, quoted, gazetteer)
        if m is None and doc.has_syntax and doc.pos[head] != "PROPN" and doc.tokens[head][:1].isupper() and q.speaker_end - q.speaker_start == len(doc.tokens[head]):
            m = persons_by_word.get(doc.tokens[head])  # '“...,” said First': Harry First's surname, tagged as a word
        if m is None and doc.has_syntax and doc.lower[head] in ("editorial", "op-ed", "column", "editors"):
            # a pull quote credited "— Editorial, National Review": the publication's words
            paper = next((c for c in doc.children[head] if doc.deps[c] == "appos" and doc.pos[c] == "PROPN"), None)
            if paper is not None:
                own = by_token.get(paper)
                a, b = _name_phrase(doc, paper)
                out.append(replace(q, speaker=own.actor if own else None, speaker_name=own.name if own else _surface(doc, a, b), speaker_type="organisation"))
                continue
        if m is None and doc.has_syntax and doc.pos[head] == "PROPN" and doc.tokens[head][:1].isupper():  # (not "the Chinese foreign ministry" tagged as a name)
            a, b = _name_phrase(doc, head)
            name = _surface(doc, a, b)
            word = doc.tokens[head]
            known = persons_by_word.get(word) or (persons_by_word.get(word.title()) if word.isupper() and len(word) > 2 else None)  # a transcript's "BARNICLE:"
            if known is not None:
                m = known
            else:
                out.append(replace(q, speaker_name=_with_conjuncts(doc, head, name, by_token), speaker_type="person" if q.speaker_type in ("unknown", "place") else q.speaker_type))
                continue
        if m is None and doc.has_syntax and q.speaker_type == "anonymous":
            # "one expert I spoke to — a Berkeley political scientist named Laura Stoker — said":
            # the source is given a name after all
            named_as = _named_as(doc, head, by_token)
            if named_as is not None:
                out.append(replace(q, speaker=named_as.actor, speaker_name=named_as.name, speaker_type="person"))
                last = out[-1]
                continue
        if m is None and doc.has_syntax and q.speaker_type != "pronoun":
            # "Stuart Elliott and his wife Vilma Elliott ... “...,” his wife added": the relative
            # named before
            m = _named_relative(doc, q, head, mentions, quoted)
        if m is None:
            a, b = _token_range(doc, q.speaker_start, q.speaker_end)
            inside = [
                by_token[t] for t in range(a, b)
                if t in by_token and not _under_verb(doc, t, head) and not _recipient(doc, t, head)
                and (by_token[t].kind != "adjective" or (doc.lower[head] in _BODY_HEADS and doc.heads[t] == head and by_token[t].type == "state"))  # "the Chinese foreign ministry"
            ]
            appos = {c for c in doc.children[head] if doc.deps[c] == "appos"} if doc.has_syntax else set()
            # (a name hung on the head before one hung on that name: "the Communist Party’s People’s
            # Daily newspaper" is the paper's)
            inside.sort(key=lambda x: (x.token not in appos, x.type != "person", x.type == "place", x.token is None or doc.heads[x.token] != head))
            m = inside[0] if inside and inside[0].type != "place" else None
            # "Trump's press secretary", "Flynn's attorneys", "Kasich's campaign": people who speak
            # for the one their noun names, not that one (shown as the phrase, as "a Coca-Cola
            # spokesman" is); "Mr. Cruz's statement", "Kerry's letter" are the person's own words
            for_someone = (
                m is not None and doc.has_syntax and doc.pos[head] == "NOUN" and m.token is not None and m.token != head
                and doc.deps[m.token] in ("poss", "compound") and doc.heads[m.token] == head
                and (doc.lemmas[head].lower() in word_class("source_nouns") or doc.lemmas[head].lower() in _AGENT_NOUNS)
            )
            state_body = m is not None and m.kind == "adjective"  # "the Chinese foreign ministry", "British police": shown as written
            if m is not None and m.type == "person" and m.kind != "pronoun" and m.token in appos and not for_someone:
                # "A neighbor, Charles Ramsey, said", "his mother, Rosemary": the person named in apposition
                out.append(replace(q, speaker=m.actor, speaker_name=m.name, speaker_type="person"))
                last = out[-1]
                continue
            if m is not None and (q.speaker_type == "anonymous" or for_someone or state_body):
                out.append(replace(q, speaker=m.actor, speaker_name=q.speaker_text))
                continue
        if m is None and doc.has_syntax and _refers_back(doc, head, *_token_range(doc, q.speaker_start, q.speaker_end)):
            # "the two commissioners wrote", "the organizers said": the named group or people just quoted
            ref = _non_person_antecedent(doc, q, out, mentions, plural=True)
            if ref is not None and ref[1] and ref[1][:1].isupper() and ref[1].lower() != (q.speaker_text or "").lower():
                out.append(replace(q, speaker=ref[0], speaker_name=ref[1], speaker_type="group" if " and " in ref[1] else q.speaker_type))
                continue
        if m is None:
            out.append(replace(q, speaker_name=q.speaker_text if q.speaker_type != "pronoun" else None))
            continue
        stype = q.speaker_type
        if stype not in ("anonymous", "pronoun") or (titled_one and m.type == "person"):
            stype = "person" if m.type == "person" or (m.type == "place" and q.speaker_type != "state") else q.speaker_type
            if stype in ("unknown", "person") and m.type in ("organisation", "state", "group"):
                stype = m.type  # "WHO said", "Best Buy said": the parser had no type for it (or a person's), the actor has one
        name = m.name
        if m.kind == "metonym" and q.speaker_type != "pronoun":
            # "the White House said": the institution that spoke, not the country it stands for
            # (the actor stays the country, for roles and counts)
            name = doc.text[m.start : m.end].removeprefix("the ").removeprefix("The ")
        q = replace(q, speaker=m.actor, speaker_name=_with_conjuncts(doc, head, name, by_token) if q.speaker_type != "pronoun" else name, speaker_type=stype)
        out.append(q)
        if m.type == "person" and not (last is not None and last.kind in ("reported", "mixed") and last.start <= q.start and q.end <= last.end and q.kind == "reported"):
            # (a report inside the last source's report, "he noted he was impressed with Tom
            # Steyer, who's emphasized that ...", is that source's account: it speaks on)
            last = q
    return out


def _named_later(doc: Doc, q: Quote, mentions: Sequence[ActorMention], quoted: Sequence[tuple[int, int]], pronoun_of: Callable[[ActorMention], str | None]) -> ActorMention | None:
    """For a "he"/"she" speaker with no person named anywhere before the quotation (a text that
    starts mid-story): the first person named after it as a main clause's subject, outside
    quotation marks and of that sex where known, within the next four sentences and with no
    title ("the president") before it; else None."""
    if any(x.type == "person" and x.kind != "pronoun" and x.start < q.start for x in mentions):
        return None
    pron = _PRONOUNS.get(doc.lower[q.speaker_token or 0])
    after = max(q.end, q.speaker_end or 0)
    for x in mentions:
        if x.start < after or x.type != "person" or x.kind == "pronoun" or any(a <= x.start < b for a, b in quoted):
            continue
        if x.sentence - q.sentence > 4:
            return None
        if x.token is not None and _main_subject(doc, x.token) and pronoun_of(x) in (pron, None):
            lo, hi = _token_range(doc, after, x.start)
            if any(doc.lower[t] in _TITLE_FORMS and doc.lower[t - 1] == "the" for t in range(max(lo, 1), hi)):
                return None  # "“...,” he said. The president’s comments came after Speaker Boehner told ...": the title says who
            return x
    return None


#: Words for someone by their relation to another person ("his wife", "Castile's girlfriend")
_RELATION_NOUNS = frozenset({
    "wife", "husband", "girlfriend", "boyfriend", "partner", "fiancee", "fiancée", "fiance", "fiancé", "widow", "widower",
    "son", "daughter", "mother", "father", "brother", "sister", "grandmother", "grandfather",
})


def _quoted_by_other(
    doc: Doc, q: Quote, before: Sequence[Quote], mentions: Sequence[ActorMention], pronoun_of: Callable[[ActorMention], str | None]
) -> ActorMention | None:
    """For a "he"/"she" speaker of words quoted inside another source's quotation: the last person
    of that sex the outer quotation names before them, other than its own speaker (who would say
    "I"); None when the quotation is no one's inner one or names nobody fitting."""
    outer = next((p for p in reversed(before) if p.kind == "direct" and p.start < q.start and q.end <= p.end), None)
    if outer is None or q.speaker_start is None or not outer.start <= q.speaker_start < outer.end:
        return None
    pron = _PRONOUNS.get(doc.lower[q.speaker_token or 0])
    named = [
        m for m in mentions
        if m.type == "person" and outer.start <= m.start < q.speaker_start and m.actor != outer.speaker
        and (_PRONOUNS.get(doc.lower[m.token or 0]) == pron if m.kind == "pronoun" else pronoun_of(m) in (pron, None))  # (a "he" already resolved counts: "... he has the right ...")
    ]
    return named[-1] if named else None


def _named_relative(doc: Doc, q: Quote, head: int, mentions: Sequence[ActorMention], quoted: Sequence[tuple[int, int]]) -> ActorMention | None:
    """The person a speaker "his wife", "Castile's girlfriend" was named as before (at most eight
    sentences back, in the writer's words): the name right after that relation noun ("his wife
    Vilma Elliott", "girlfriend, Diamond Reynolds") or whose apposition it is ("Diamond Reynolds,
    Philando Castile's girlfriend")."""
    lemma = doc.lemmas[head].lower()
    if doc.pos[head] != "NOUN" or lemma not in _RELATION_NOUNS or not any(doc.deps[c] == "poss" for c in doc.children[head]):
        return None
    people = {m.token: m for m in mentions if m.type == "person" and m.kind not in ("pronoun", "adjective", "title") and m.token is not None}
    first = doc.sentences[max(0, q.sentence - 8)].token_start
    for t in range(min(head, _token_range(doc, q.start, q.end)[0]) - 1, first - 1, -1):
        if doc.lemmas[t].lower() != lemma or doc.pos[t] != "NOUN" or any(a <= doc.starts[t] < b for a, b in quoted):
            continue
        if doc.deps[t] == "appos" and doc.heads[t] in people:
            return people[doc.heads[t]]  # "Diamond Reynolds, Philando Castile's girlfriend"
        if doc.deps[t] == "appos":
            # (the parser may hang the apposition on another word: "Video by Diamond Reynolds,
            # Philando Castile's girlfriend, describing ..."): the name right before its comma
            lo = doc.starts[subtree_span(doc, t)[0]]
            named = next((m for m in mentions if m.type == "person" and m.kind not in ("pronoun", "adjective") and m.end < lo and doc.text[m.end : lo].strip() == ","), None)
            if named is not None:
                return named
        after = next((m for m in mentions if m.type == "person" and m.kind not in ("pronoun", "adjective") and 0 < m.start - doc.ends[t] <= 2), None)
        if after is not None:
            return after  # "his wife Vilma Elliott", "girlfriend, Diamond Reynolds"
    return None


#: Nouns of people who speak for someone a name before them names, besides ``source_nouns``
#: ("Trump's lawyers", "the Obama campaign", "McConnell's whip", "Bush's brother")
_AGENT_NOUNS = frozenset({
    "lawyer", "attorney", "counsel", "prosecutor", "team", "campaign", "camp", "ally", "staff", "staffer",
    "secretary", "whip", "publicist", "doctor", "physician", "manager", "director", "chief", "defender",
    "backer", "associate", "biographer", "deputy", "assistant", "employee", "engineer", "brother", "sister",
    "father", "mother", "son", "daughter", "wife", "husband", "family", "nemesis", "rival", "successor",
    "predecessor", "transition", "defense", "surrogate", "pollster", "operative", "loyalist",
    "commander",  # "the top NATO commander in Afghanistan said": one of NATO's people, not NATO
})


def _with_conjuncts(doc: Doc, head: int, name: str, by_token: dict[int, ActorMention]) -> str:
    """``name`` joined with the names coordinated with the speaker's head ("Jacobs and Thomsen
    wrote": both wrote it), when every conjunct is a name."""
    if not doc.has_syntax:
        return name
    conjuncts = [c for c in doc.children[head] if doc.deps[c] == "conj" and c > head]
    if not conjuncts or not all(doc.pos[c] == "PROPN" for c in conjuncts):
        return name
    names = [name]
    for c in conjuncts:
        known = by_token.get(c)
        if known is not None and known.kind != "pronoun":
            names.append(known.name if known.kind != "metonym" else doc.text[known.start : known.end].removeprefix("the "))
        else:
            a, b = _name_phrase(doc, c)
            names.append(_surface(doc, a, b))
    names = list(dict.fromkeys(names))  # (the title's organisation coordinated with the name: one person)
    return name if len(names) == 1 else _and_list(names)


def _and_list(names: Sequence[str]) -> str:
    """Names joined as a writer joins them ("A, B and C")."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _statement_author(
    doc: Doc, q: Quote, head: int, before: Sequence[Quote], by_token: dict[int, ActorMention], mentions: Sequence[ActorMention], gazetteer: Gazetteer | None
) -> tuple[str | None, str, str | None] | None:
    """(actor, name, speaker type) of who wrote a statement that is a quotation's speaker: the named owner
    ("Weiner's statement", "a statement from the ministry"), else, for "the statement", whoever
    a quotation at most ten sentences before was said "in a statement" by, else the author named
    where the text was introduced ("X released a video ... “...,” the video asks")."""
    owner = _statement_owner(doc, head)
    if owner is not None and doc.lower[owner] in ("her", "his") and owner not in by_token:
        # "In a statement Tuesday, Robach said ... “...,” her statement said": the person of that
        # sex who spoke just before (within two sentences)
        sex = "she" if doc.lower[owner] == "her" else "he"
        spoke = next((
            p for p in reversed(before)
            if p.speaker is not None and p.speaker_name and p.speaker_type in ("person", "pronoun") and p.end <= q.start
            and q.sentence - _last_sentence_of(doc, p, attribution=True) <= 2
        ), None)
        if spoke is not None and spoke.speaker_name and first_name_pronoun(spoke.speaker_name.split()[0]) in (sex, None):
            return spoke.speaker, spoke.speaker_name, "person"
        return None
    if owner is not None:
        author = _owner_author(doc, q, owner, mentions, gazetteer, by_token)
        if author is None and doc.pos[owner] == "NOUN" and doc.deps[owner] == "poss":
            # "the company’s statement": the organisation "the company" refers back to
            lo, hi = subtree_span(doc, owner, skip=frozenset({"case"}))
            org = _named_organisation(doc, q, owner, lo, hi + 1, mentions, [(p.start, p.end) for p in before if p.kind in ("direct", "partial")] + [(q.start, q.end)], gazetteer, by_token, before)
            if org is not None:
                return org[0], org[1], "organisation"
        return author
    kind = next((
        c for c in doc.children[head]
        if doc.deps[c] == "compound" and doc.pos[c] == "NOUN" and c < head and (doc.lower[c] in _BODY_HEADS or doc.lemmas[c].lower() in word_class("organisation_nouns"))
        and doc.lower[c] != "court" and not doc.children[c]  # (not "a federal court ruling", "court documents": one court of many)
    ), None)
    if kind is not None:
        # "Japan's Ministry of Defense said ... “...,” a ministry statement said": the ministry named
        # just before (within three sentences)
        word = doc.lower[kind]
        named = [
            m for m in mentions
            if (m.type == "organisation" or m.kind == "metonym") and m.kind != "pronoun" and m.start < q.start and 0 <= q.sentence - m.sentence <= 3
            and word in doc.text[m.start : m.end].lower().split()
        ]
        if named:
            m = named[-1]
            return m.actor, (doc.text[m.start : m.end].removeprefix("the ").removeprefix("The ") if m.kind == "metonym" else m.name), "organisation"
    if not any(doc.lower[c] == "the" for c in doc.children[head]):
        return None
    recent = [p for p in before if q.sentence - p.sentence <= 10 and p.speaker_name is not None and p.speaker_token is not None]
    unowned: tuple[str | None, str, str | None] | None = None
    if recent and doc.lemmas[head].lower() == "statement":
        # "John Dowd ... said that “...”" / "“...,” the statement said": the source who spoke in
        # the sentence just before, named, in a "said" of no other medium ("said in an interview")
        outer = [p for p in recent if not any(o is not p and o.start <= (p.speaker_start or 0) < o.end for o in recent)]  # not a source inside another's words
        p = outer[-1] if outer else recent[-1]
        medium = any(doc.lower[c] == "in" for c in doc.children[_token_range(doc, p.cue_start, p.cue_end)[0]]) if p.cue_start is not None and p.cue_end is not None else True
        if (
            p.speaker is not None and p.speaker_type in ("person", "organisation") and p.cue is not None and not medium
            and (p.cue.lower() == "said" or p.speaker_type == "organisation")  # (an organisation speaks in statements: "The department confirmed that ...")
            and q.sentence - _last_sentence_of(doc, p, attribution=True) <= 1 and p.end <= q.start
        ):
            return p.speaker, p.speaker_name or "", p.speaker_type
    for p in reversed(recent):
        if doc.lemmas[p.speaker_token or 0].lower() == doc.lemmas[head].lower():
            if p.speaker is None:
                # "according to an explosive new report obtained by Fox News ... The report, by
                # conservative watchdog Capital Research Center, describes": its author if named
                unowned = (None, p.speaker_name or "", p.speaker_type)
                break
            return p.speaker, p.speaker_name or "", p.speaker_type  # "the statement said ... the statement added"
        if any(o is not p and o.start <= (p.speaker_start or 0) < o.end for o in recent):
            continue  # "A court filing says a DNA test confirmed ...": a source inside another's words
        sent = doc.sentences[_sentence_of(doc, p.speaker_token or 0)]
        same = next((t for t in range(sent.token_start, sent.token_end) if doc.lemmas[t].lower() == doc.lemmas[head].lower() and not p.start <= doc.starts[t] < p.end), None)
        if same is not None:
            own = _statement_owner(doc, same)
            cue = _token_range(doc, p.cue_start, p.cue_end)[0] if p.cue_start is not None and p.cue_end is not None else None
            if own is not None and own not in range(*_token_range(doc, p.speaker_start or 0, p.speaker_end or 0)) and not any(o.start <= doc.starts[own] < o.end for o in before) and not (
                doc.deps[same] == "pobj" and doc.lower[doc.heads[same]] == "in" and doc.heads[doc.heads[same]] == cue
            ):
                # "An analysis by the CDC showed ..., according to the state health department":
                # the analysis's own author, not the source of that sentence
                author = _owner_author(doc, q, own, mentions, gazetteer, by_token)
                if author is not None:
                    return author
            holders = [doc.heads[same], doc.heads[doc.heads[same]]]
            part = doc.heads[same]
            if doc.deps[same] == "poss" and doc.deps[part] == "pobj" and doc.lower[doc.heads[part]] in ("in", "on"):
                # "the agency says in the order's executive summary": the order's own part (not
                # "called the report's claims ...": what is said about the report)
                holders.append(doc.heads[doc.heads[part]])
            if cue is not None and cue not in holders and not (p.speaker_start or 0) <= doc.starts[same] < (p.speaker_end or 0):
                continue  # "Referring to a public indictment, she wrote, “...”": not her medium
            return p.speaker, p.speaker_name or "", p.speaker_type  # "X said in a statement" ... "the statement reads"
    if doc.lemmas[head].lower() in _PUBLISHED_TEXTS:
        # "“...,” The New York Times wrote on Tuesday. “...,” the piece said": the outlet that just
        # wrote (within three sentences)
        orgs = {m.actor for m in mentions if m.type == "organisation"}
        wrote = next((
            p for p in reversed(recent) if q.sentence - p.sentence <= 3 and p.speaker in orgs
            and p.cue is not None and p.cue.lower() in ("wrote", "writes")
        ), None)
        if wrote is not None:
            return wrote.speaker, wrote.speaker_name or "", wrote.speaker_type
    found = _text_introduced(doc, q, head, before, by_token, mentions, gazetteer) or unowned or _according_to_before(doc, q, head, by_token)
    if found is None and doc.lemmas[head].lower() in _OWN_VOICE_TEXTS and doc.tags[head] == "NN":
        # "... disabled by Pinterest. “... against the rules of Pinterest,” the message said": the
        # organisation named before that the text's own words name (texts an organisation writes
        # as itself)
        lo, hi = _token_range(doc, q.speaker_start or 0, q.speaker_end or 0)
        if _bare_description(doc, head, lo, hi, ("the",), ("det", "amod", "compound")):
            named_orgs: list[tuple[int, int | None, str | None, str]] = [
                (m.start, m.token, m.actor, m.name) for m in mentions
                if m.type == "organisation" and m.kind != "pronoun" and m.start < q.start and 0 <= q.sentence - m.sentence <= 10
                and not any(p.start <= m.start < p.end for p in before if p.kind in ("direct", "partial"))
                and not _on_link_line(doc, m.start) and not _on_headline(doc, m.start)
            ]
            org = _self_named_organisation(doc, q, doc.lemmas[head].lower(), named_orgs, set(), mentions)
            if org is not None:
                return org[0], org[1], "organisation"
    return found


#: Texts an organisation writes in its own voice ("the statement said", "the message read"), unlike
#: a report or a lawsuit, which are about someone else as often as not
_OWN_VOICE_TEXTS = frozenset({"statement", "message", "post", "tweet", "release", "email", "e-mail", "letter", "announcement", "memo", "notice", "notification"})


#: Texts a news outlet or broadcaster makes ("According to Good Morning America, ... “...,” the report said")
_REPORTS = frozenset(["report", "story", "article", "piece", "segment", "broadcast"])


def _according_to_before(doc: Doc, q: Quote, head: int, by_token: dict[int, ActorMention]) -> tuple[str | None, str, str | None] | None:
    """(actor, name, "organisation") of the source "according to" names in the story's sentence
    before a quotation "the report" speaks ("According to Good Morning America, the church
    partnered with ... “...,” the report said"): a name that is no person's."""
    if doc.lemmas[head].lower() not in _REPORTS or q.sentence == 0:
        return None
    sent = doc.sentences[_story_sentence_before(doc, q.sentence)]
    for t in range(sent.token_start, sent.token_end - 2):
        if doc.lower[t] != "according" or doc.lower[t + 1] != "to":
            continue
        name = next((g for g in doc.children[t + 1] if doc.deps[g] == "pobj" and doc.pos[g] == "PROPN"), None)
        if name is None:
            return None
        own = by_token.get(name)
        if own is not None:
            return (own.actor, own.name, "organisation") if own.type == "organisation" else None
        a, b = _name_phrase(doc, name)
        if any(e.label == "PERSON" and e.start <= name < e.end for e in doc.entities):
            return None
        return None, _surface(doc, a, b), "organisation"
    return None


#: Texts an outlet publishes ("the piece said" after "The New York Times wrote")
_PUBLISHED_TEXTS = frozenset(["article", "piece", "column", "op-ed", "story", "editorial"])


def _statement_owner(doc: Doc, head: int) -> int | None:
    """The token naming who wrote the statement noun at ``head``: its possessor ("Weiner's
    statement"), the agent of an authoring participle ("a directive issued by the ministry"), the
    object of "from", "by" or "of" (also as an aside hung on the verb: "The report, by the
    Capital Research Center, describes"), the subject that issued it ("the White House issued a
    statement") or said something in it ("ICE said in a statement"), or a name before it ("the
    Amaq statement"); never a time ("Wednesday's report")."""
    owner = next((c for c in doc.children[head] if doc.deps[c] == "poss"), None)
    if owner is None:
        # "a directive issued by India's Ministry of Home Affairs": the agent of its participle
        # ("a readout of the conversation released by Carney’s office": the parser may hang it on the "of")
        nouns = [head, *(g for c in doc.children[head] if doc.deps[c] == "prep" and doc.lower[c] == "of" for g in doc.children[c] if doc.deps[g] == "pobj")]
        owner = next((
            g for n in nouns for c in doc.children[n] if doc.deps[c] == "acl" and doc.tags[c] == "VBN" and doc.lemmas[c].lower() in _AUTHORING_VERBS
            for a in doc.children[c] if doc.deps[a] == "agent" for g in doc.children[a] if doc.deps[g] == "pobj"
        ), None)
    if owner is None:
        # (an analysis, study or survey "of" something is about it: "a POLITICO analysis of Federal
        # Election Commission data" is POLITICO's)
        preps = ("from", "by") if doc.lemmas[head].lower() in _TOPIC_OF_NOUNS else ("from", "by", "of")
        owner = next((g for c in doc.children[head] if doc.deps[c] == "prep" and doc.lower[c] in preps for g in doc.children[c] if doc.deps[g] == "pobj"), None)
    if owner is None and doc.deps[head] == "nsubj":
        # "The report, by conservative watchdog Capital Research Center, describes": the aside
        # the parser hung on the verb
        v = doc.heads[head]
        owner = next((
            g for c in doc.children[v] if doc.deps[c] == "prep" and doc.lower[c] == "by" and head < c < v and doc.tokens[c - 1] == ","
            for g in doc.children[c] if doc.deps[g] == "pobj"
        ), None)
    if owner is None and doc.deps[head] == "dobj" and doc.lemmas[doc.heads[head]].lower() in _AUTHORING_VERBS:
        # "the White House issued a statement saying ...": who issued it
        owner = next((c for c in doc.children[doc.heads[head]] if doc.deps[c] == "nsubj"), None)
    if (
        owner is None and doc.deps[head] == "pobj" and doc.lower[doc.heads[head]] == "in"
        and (doc.lemmas[doc.heads[doc.heads[head]]].lower() in word_class("speech_verbs") or doc.lemmas[doc.heads[doc.heads[head]]].lower() == "find")
        and any(doc.deps[c] == "det" and doc.lower[c] in ("a", "an") for c in doc.children[head])
    ):
        # "ICE said in a statement", "In a report published this month, the club found that ...":
        # who said it (not "Douglas claimed in the report": quoted in it)
        owner = next((c for c in doc.children[doc.heads[doc.heads[head]]] if doc.deps[c] == "nsubj"), None)
    if owner is None:
        # "the Amaq statement": a name before the noun
        # ("the Roger Stone indictment" names whom it charges)
        owner = next((c for c in doc.children[head] if doc.deps[c] == "compound" and doc.pos[c] == "PROPN" and c < head and doc.pos[head] == "NOUN" and doc.lemmas[head].lower() != "indictment"), None)
    if owner is not None and any(e.label in ("DATE", "TIME") and e.start <= owner < e.end for e in doc.entities):
        owner = None  # "Wednesday’s report", "a late Friday readout": a time, not an author
    return owner


def _owner_author(
    doc: Doc, q: Quote, owner: int, mentions: Sequence[ActorMention], gazetteer: Gazetteer | None, by_token: dict[int, ActorMention]
) -> tuple[str | None, str, str | None] | None:
    """(actor, name, speaker type) of the author a statement's owner token names (see
    :func:`_statement_owner`)."""
    m = by_token.get(owner)
    if m is None:  # "by the conservative watchdog Capital Research Center": the name in apposition
        m = next((by_token[c] for c in doc.children[owner] if doc.deps[c] == "appos" and c in by_token and by_token[c].kind != "pronoun"), None)
    if m is None:  # "the former congressman's statement": the person given that title (not "the IG report")
        lo, hi = subtree_span(doc, owner, skip=frozenset({"case"}))
        m = _titled_person(doc, owner, lo, hi + 1, q.sentence, mentions, gazetteer) if doc.pos[owner] != "PROPN" and not doc.tokens[owner].isupper() else None
        if m is None and doc.pos[owner] == "PROPN":
            inner = next((x for x in mentions if x.type in ("state", "organisation") and x.kind != "adjective" and doc.starts[lo] <= x.start and x.end <= doc.ends[hi]), None)
            if inner is not None and doc.lower[owner] in _BODY_HEADS:
                # "a statement from the Office of the US Trade Representative": that state's office
                return inner.actor, _surface(doc, lo + (doc.lower[lo] == "the"), hi + 1), "organisation"
            a, b = _name_phrase(doc, owner)
            return None, _surface(doc, a, b), "organisation"  # a name the parser gave no type
        if m is None and doc.tags[owner] == "NNS" and doc.deps[owner] == "poss":
            return None, _surface(doc, lo, hi + 1), "group"  # "the senators’ statement": the senators
        whose = next((by_token[c] for c in doc.children[owner] if doc.deps[c] == "poss" and c in by_token), None) if m is None and doc.pos[owner] == "NOUN" else None
        if whose is not None and whose.kind != "pronoun":
            # "a readout released by Carney’s office": the office, speaking for Carney
            return whose.actor, _surface(doc, lo, hi + 1), "organisation"
        if (
            m is None and doc.pos[owner] == "NOUN" and doc.lemmas[owner].lower() not in word_class("source_nouns")
            and any(doc.deps[c] == "compound" and doc.pos[c] == "PROPN" for c in doc.children[owner])
        ):
            # "the status report submitted by the Parimpora police station": a body the parser gave
            # no type, named by its place (not "a State Department official": a person)
            first = subtree_span(doc, owner, skip=frozenset({"det", "prep", "relcl", "acl", "punct", "appos"}))[0]
            return None, _surface(doc, first, owner + 1), "organisation"
        if m is None and doc.pos[owner] == "NOUN" and doc.tokens[owner][:1].isupper():
            # "brought by Students for Fair Admissions": a name in capitals the tagger took for words
            words = [doc.tokens[k] for k in range(lo, hi + 1) if doc.tokens[k][:1].isalpha() and doc.lower[k] not in ("for", "of", "and", "the", "on", "in")]
            if hi > lo and words and all(w[:1].isupper() for w in words):
                return None, _surface(doc, lo + (doc.lower[lo] == "the"), hi + 1), "organisation"
    if m is not None and m.kind != "adjective":
        # "a State Department report": the institution that wrote it, not the country it stands for
        name = doc.text[m.start : m.end].removeprefix("the ").removeprefix("The ") if m.kind == "metonym" else m.name
        return m.actor, name, {"person": "person", "place": "state"}.get(m.type, "organisation")
    return None


#: Texts whose "of" names their subject, not their author ("an analysis of election data")
_TOPIC_OF_NOUNS = frozenset({
    "analysis", "study", "survey", "review", "commentary", "summary", "transcript", "readout", "update", "briefing",
    "indictment", "lawsuit", "suit", "complaint",  # "the indictment of James Wolfe" is against him
})

#: Participles whose agent wrote the statement they describe ("a directive issued by the
#: ministry"), unlike "a report obtained by Fox News"
_AUTHORING_VERBS = frozenset({"issue", "release", "send", "sign", "publish", "write", "prepare", "file", "author", "produce", "post", "submit", "draft", "distribute", "bring", "provide", "give", "make", "deliver"})


#: Verbs whose subject did something with a text other than write or release it ("FBI Director
#: Christopher Wray saw the memo": not its author)
_NOT_AUTHORING = frozenset({"see", "read", "review", "receive", "obtain", "get", "reject", "cite", "quote", "mention", "discuss", "dismiss", "criticize", "criticise", "praise", "welcome", "study", "examine", "view", "watch", "hear"})


def _text_introduced(
    doc: Doc, q: Quote, head: int, before: Sequence[Quote], by_token: dict[int, ActorMention], mentions: Sequence[ActorMention], gazetteer: Gazetteer | None
) -> tuple[str | None, str, str | None] | None:
    """(actor, name, speaker type) of the author of the text "the video", "the ad" or "the
    report" refers back to: the last mention of that noun before that names its author ("an ad
    by Mr. Obama's campaign", "the committee's video", "a scathing report from the Privacy and
    Civil Liberties Oversight Board" however long before), or, within ten sentences, is the object
    of a verb whose subject is the author ("The Democratic National Committee released a video
    ..."). Mentions that are themselves "the ad ..." are passed over; a text of no named author
    brought in since ("a new report found ...") stops the search. The writer's words only."""
    if doc.pos[head] != "NOUN":
        return None  # "The Washington Post reported": a name, not a text referred back to
    lemma = doc.lemmas[head].lower()
    near = doc.sentences[max(0, q.sentence - 10)].token_start
    for t in range(min(head, _token_range(doc, q.start, q.end)[0]) - 1, -1, -1):
        if doc.lemmas[t].lower() != lemma or doc.pos[t] != "NOUN" or q.start <= doc.starts[t] < q.end:
            continue
        if any(p.start <= doc.starts[t] < p.end for p in before) or _on_headline(doc, doc.starts[t]):
            continue
        owner = _statement_owner(doc, t)
        if owner is None and t >= near:
            # the object of a verb ("released a video"; the parse may hang the noun lower in the
            # object: "released [a video making fun]")
            v, steps = t, 0
            while doc.deps[v] in ("npadvmod", "amod", "compound") and steps < 3:
                v, steps = doc.heads[v], steps + 1
            if doc.deps[v] == "dobj" and doc.pos[doc.heads[v]] == "VERB" and doc.lemmas[doc.heads[v]].lower() not in _NOT_AUTHORING:
                owner = next((c for c in doc.children[doc.heads[v]] if doc.deps[c] == "nsubj"), None)
        if owner is None:
            if any(doc.lower[c] in ("the", "this", "that") for c in doc.children[t]):
                continue  # "the ad raises ...": itself a reference back to the text's introduction
            return None
        spoke = next((p for p in reversed(before) if p.speaker_token == owner and p.speaker_name and p.speaker_type != "pronoun"), None)
        if spoke is not None and spoke.speaker_name != spoke.speaker_text:
            # "“...,” the two said in a statement. ... “...,” the statement continued": whom "the
            # two" were found to be
            return spoke.speaker, spoke.speaker_name or "", spoke.speaker_type
        lo, hi = subtree_span(doc, owner, skip=frozenset({"relcl", "acl", "appos"}))
        named = [by_token[k] for k in range(lo, hi + 1) if k in by_token and by_token[k].kind not in ("pronoun", "adjective")]
        named.sort(key=lambda m: m.token != owner)  # the head's own mention first ("the committee"), else one inside ("Mr. Obama's campaign")
        if named:
            m = named[0]
            name = doc.text[m.start : m.end].removeprefix("the ").removeprefix("The ") if m.kind == "metonym" else m.name  # "the White House"
            return m.actor, name, {"person": "person", "place": "state"}.get(m.type, "organisation")
        author = _owner_author(doc, q, owner, mentions, gazetteer, by_token)
        if author is not None:
            return author
    return None


def _plural(doc: Doc, t: int) -> bool:
    """A speaker head that "they" can refer to: a plural noun ("officials"), a group word, or
    names coordinated ("Kirby and Munoz")."""
    return doc.tags[t] in ("NNS", "NNPS") or any(
        doc.deps[c] == "conj"
        or (doc.deps[c] == "appos" and doc.pos[c] == "PROPN" and any(doc.deps[g] == "conj" for g in doc.children[c]))  # "A of X, B of Y and C of Z"
        for c in doc.children[t]
    )


def _under_verb(doc: Doc, t: int, head: int) -> bool:
    """Whether token ``t`` hangs from ``head`` through a verb ("its wing, tied by a thousand threads
    to Wall Street and the US auto giants": the US is what the wing is tied to, not whose wing)."""
    seen = 0
    while t != head and doc.heads[t] != t and seen < 40:
        t = doc.heads[t]
        seen += 1
        if t != head and doc.pos[t] == "VERB":
            return True
    return False


def _recipient(doc: Doc, t: int, head: int) -> bool:
    """Whether token ``t`` names whom the statement noun at ``head`` went to ("a statement to The
    New Yorker", "a letter to the governor"): the recipient, not the author."""
    if not doc.has_syntax or doc.lemmas[head].lower() not in word_class("statement_nouns"):
        return False
    k = t
    for _ in range(12):
        if doc.heads[k] == head:
            return doc.deps[k] == "prep" and doc.lower[k] == "to"
        if doc.heads[k] == k:
            return False
        k = doc.heads[k]
    return False


def _named_as(doc: Doc, head: int, by_token: dict[int, ActorMention]) -> ActorMention | None:
    """The person an unnamed source's noun phrase names with "named" or "called" ("one expert I
    spoke to — a political scientist named Laura Stoker"; "a man called Ali"), through its relative
    clauses, prepositions and appositions, not through another clause's verb."""
    lo, hi = subtree_span(doc, head)
    for t in range(lo, hi + 1):
        if doc.lower[t] not in ("named", "called") or doc.deps[t] != "acl":
            continue
        k = doc.heads[t]
        while k != head and doc.deps[k] in ("pobj", "prep", "appos", "relcl", "dobj") and doc.heads[k] != k:
            k = doc.heads[k]
        if k != head:
            continue
        for c in doc.children[t]:
            m = by_token.get(c)
            if doc.deps[c] in ("oprd", "dobj", "attr") and m is not None and m.type == "person" and m.kind != "pronoun":
                return m
    return None


def _refers_back(doc: Doc, head: int, lo: int, hi: int) -> bool:
    """Whether a speaker phrase is a definite plural noun that names no one ("the two
    commissioners", "the organizers"): it refers back to people or groups named before. Not a
    source noun ("the officials" stay anonymous) and not a phrase with its own name or detail
    ("the organizers of the march")."""
    counted = any(doc.lower[c] in ("two", "three", "both") for c in doc.children[head] if doc.deps[c] in ("nummod", "det", "predet"))
    if doc.tags[head] == "CD" and doc.lower[head] in ("two", "three") and hi - lo == 2 and doc.lower[lo] == "the":
        return True  # "the two said in a statement"
    if doc.tags[head] != "NNS" or (doc.lemmas[head].lower() in word_class("source_nouns") and not counted):
        return False  # (but "the two Democratic leaders" are the two just named)
    return _bare_description(doc, head, lo, hi, ("the", "these", "both"), ("det", "nummod", "amod", "compound"))


def _bare_description(doc: Doc, head: int, lo: int, hi: int, determiners: tuple[str, ...], modifiers: tuple[str, ...]) -> bool:
    """Whether noun phrase ``[lo, hi)`` is a definite description with no detail of its own: one
    of ``determiners`` on its head and, besides the head, only words of ``modifiers`` that are no
    names ("the two commissioners", "the company"; not "the company's lawyer", "the organizers of
    the march")."""
    if not any(doc.deps[c] == "det" and doc.lower[c] in determiners for c in doc.children[head]):
        return False
    return all(doc.deps[t] in modifiers and doc.pos[t] != "PROPN" for t in range(lo, hi) if t != head)


def _named_organisation(
    doc: Doc,
    q: Quote,
    head: int,
    lo: int,
    hi: int,
    mentions: Sequence[ActorMention],
    quoted: Sequence[tuple[int, int]],
    gazetteer: Gazetteer | None,
    by_token: dict[int, ActorMention],
    before: Sequence[Quote] = (),
) -> tuple[str | None, str] | None:
    """(actor, name) of the named organisation a definite singular noun phrase (tokens ``[lo,
    hi)``) refers back to: "the company", "the caucus", "the paper" with no name of its own (head
    nouns: ``organisation_nouns`` in ``lexicons/word_classes.toml``). Within ten sentences before:

    - the organisation whose name holds the head noun (the Justice Department for "the
      department", the Hispanic Caucus for "the caucus"), or for a description with a noun
      modifier, one of the modifiers (the National Pork Producers Council for "the pork producer
      group");
    - else the nearest organisation that is a subject in the three sentences before (news names
      the company, then goes on with "the company said": "Best Buy announced ... the company
      said"); for a description with a noun modifier, not one whose name holds the head noun
      (the Supreme Court named before is not "the appeals court"). A description that was a
      source in those sentences stands for the organisation it was found to be ("The university
      had earlier said ... the school tweeted": Harvard University).

    Organisations are the actors of that type, the parser's organisation names a country's
    adjective hid ("The American Made Coalition", whose actor is the country's) and one-word
    names the parser took for a person's that speak and are never written as a person's ("Facebook
    said"). Names inside quotations are a source's words, not the writer's reference: passed
    over."""
    lemma = doc.lemmas[head].lower()
    if doc.pos[head] != "NOUN" or doc.tags[head] != "NN" or lemma not in word_class("organisation_nouns"):
        return None
    if not _bare_description(doc, head, lo, hi, ("the",), ("det", "amod", "compound")):
        return None  # "the company's lawyer", "the Pentagon's office": a phrase with its own detail
    if lemma in _BODY_HEADS and any(m.type in ("state", "place") and doc.starts[lo] <= m.start < doc.ends[hi - 1] for m in mentions):
        return None  # "The Australian government": its own country's, not the government named before (but "the German tabloid" is Bild)
    first = doc.sentences[max(0, q.sentence - 10)].token_start

    def usable(start: int, sentence: int) -> bool:
        return start < doc.starts[lo] and 0 <= q.sentence - sentence <= 10 and not any(a <= start < b for a, b in quoted) and not _on_headline(doc, start)

    # (start, token, actor, name)
    cands: list[tuple[int, int | None, str | None, str]] = [
        (m.start, m.token, m.actor, m.name if m.type == "organisation" else doc.text[m.start : m.end])
        for m in mentions
        if (m.type == "organisation" or (m.kind == "metonym" and m.token is not None and doc.lower[m.token] in _BODY_HEADS))  # "India's Ministry of Home Affairs ... the ministry"
        and m.kind != "pronoun" and usable(m.start, m.sentence)
    ]
    if lemma in _BODY_HEADS:
        # "The Syrian government said ... the government statement said": the body named with its
        # country before ("Syria's government", "the Syrian government"), the country's actor
        for m in mentions:
            t = m.token
            if m.type != "state" or t is None or doc.deps[t] not in ("amod", "compound", "poss") or not usable(m.start, m.sentence):
                continue
            h = doc.heads[t]
            if h > t and doc.pos[h] == "NOUN" and doc.lemmas[h].lower() == lemma and h - t <= 2:
                cands.append((m.start, h, m.actor, _surface(doc, bisect_left(doc.starts, m.start), h + 1)))
    orgs_nouns = word_class("organisation_nouns")
    cands += [
        (p.speaker_start, p.speaker_token, p.speaker, p.speaker_name) for p in before
        if p.speaker_type == "organisation" and p.speaker_name and p.speaker_token is not None and p.speaker_start is not None
        and doc.pos[p.speaker_token] == "NOUN" and _same_kind(doc.lemmas[p.speaker_token].lower(), lemma) and usable(p.speaker_start, p.sentence)
    ]
    orgs = [(m.start, m.end) for m in mentions if m.type == "organisation"]
    for e in doc.entities:
        if e.label != "ORG" or e.start < first or e.start >= lo:
            continue
        span = _clean_entity(doc, e)
        if span is None or e.end - e.start < 2 or any(s < doc.ends[span[1] - 1] and doc.starts[span[0]] < t for s, t in orgs):
            continue
        start, end = doc.starts[span[0]], doc.ends[span[1] - 1]
        inner = next((m for m in mentions if start <= m.start and m.end <= end and m.type in ("state", "organisation")), None)
        if inner is None or inner.kind != "adjective" or inner.token == _head_of(doc, *span):
            continue  # only a name a country's adjective hid, not "State Department" (the gazetteer's own name)
        if usable(start, _sentence_of(doc, span[0])):
            cands.append((start, _head_of(doc, *span), inner.actor, _surface(doc, *span)))
    speaks = word_class("speech_verbs")
    for m in mentions:
        # "Eurogamer says", "Facebook said": a one-word name the parser took for a person's, as a
        # source, never written after a first name or a title ("Mick Mulvaney", "Mr. Blanchard")
        if m.type != "person" or m.kind != "candidate" or " " in m.name or m.token is None or not usable(m.start, m.sentence):
            continue
        if doc.deps[m.token] != "nsubj" or doc.lemmas[doc.heads[m.token]].lower() not in speaks:
            continue
        if _written_as_surname(doc, m.name):
            continue
        if gazetteer is not None and _pronoun_of(m, doc, gazetteer) is not None:
            continue
        cands.append((m.start, m.token, m.actor, m.name))
    covered = [(m.start, m.end) for m in mentions] + [(doc.starts[e.start], doc.ends[e.end - 1]) for e in doc.entities]
    for t in range(first, lo):
        # "CVS Health said": a name the parser tagged as nothing, as a source
        if doc.tags[t] not in ("NNP", "NNPS") or doc.deps[t] != "nsubj" or doc.lemmas[doc.heads[t]].lower() not in speaks or not doc.tokens[t].isalpha():
            continue
        a, b = _name_phrase(doc, t)
        if any(s <= doc.starts[t] < e for s, e in covered) or not usable(doc.starts[a], _sentence_of(doc, t)):
            continue
        if _written_as_surname(doc, doc.tokens[a], skip=a):
            continue
        cands.append((doc.starts[a], t, None, _surface(doc, a, b)))
    for t in range(first, lo):
        # "the Obama campaign", "Trump's campaign", "the Gilead company": an organisation noun a
        # name modifies is an organisation of its own, named by both
        if doc.pos[t] != "NOUN" or doc.lemmas[t].lower() not in orgs_nouns or doc.tags[t] != "NN":
            continue
        if any(doc.deps[c] == "det" and doc.lower[c] in ("a", "an") for c in doc.children[t]):
            continue  # "as a Capital A company": a description of someone, not a name
        mods = [c for c in doc.children[t] if c < t and doc.deps[c] in ("compound", "poss") and doc.pos[c] == "PROPN"]
        if not mods or any(doc.pos[k] not in ("PROPN", "PART") and not (doc.pos[k] == "ADJ" and doc.heads[k] == t and k > max(mods)) for k in range(min(mods), t)):
            continue  # (but "Nepal's foreign ministry" is named by its country too)
        owner = next((m for m in mentions if any(m.start <= doc.starts[c] < m.end for c in mods) and m.type in ("person", "organisation", "state", "group")), None)
        if owner is None:
            continue  # "a Dallas hospital" is a description, not a name
        a = subtree_span(doc, min(mods))[0]
        if doc.pos[a] != "PROPN" or not usable(doc.starts[a], _sentence_of(doc, t)):
            continue
        cands.append((doc.starts[a], t, None, _surface(doc, a, t + 1)))
    cands.sort(key=lambda c: c[0])
    nouns = [doc.lower[t] for t in range(lo, hi) if t != head and doc.deps[t] == "compound" and doc.pos[t] == "NOUN"]
    named = [c for c in cands if any(_name_has(c[3], w) for w in (nouns or [lemma]))]
    # "the liberal watchdog group Public Citizen", "Justice Democrats, the liberal group that ...":
    # a name given that very noun
    kin = {"group", "organization", "organisation"}
    described: list[tuple[int, int]] = []  # "The Save Our Savings Coalition—a group that includes AARP, AIG ...": its members are not it
    story = _story_sentences(doc)  # (link lines between are no distance)
    for t in range(first, lo):
        if doc.pos[t] != "NOUN" or nouns or not (doc.lemmas[t].lower() == lemma or {doc.lemmas[t].lower(), lemma} <= kin):
            continue
        h = doc.heads[t]
        before_name = doc.deps[t] == "compound" and h > t and doc.pos[h] == "PROPN" and all(doc.pos[k] == "PROPN" for k in range(t + 1, h + 1))
        if not (before_name or (doc.deps[t] == "appos" and h < t and doc.pos[h] == "PROPN")):
            # "the watchdog group Public Citizen" parsed with the name as the noun's apposition
            h = next((c for c in doc.children[t] if doc.deps[c] == "appos" and c == t + 1 + sum(1 for k in range(t + 1, c) if doc.pos[k] == "PROPN") and doc.pos[c] == "PROPN"), -1)
            if h < 0:
                continue
        own = by_token.get(h)
        a, b = _name_phrase(doc, h)
        if own is not None and own.start > doc.starts[a]:
            own = None  # "Justice Democrats": a name longer than the party's it holds
        if (own is not None and own.type != "organisation") or not usable(doc.starts[t], _sentence_of(doc, t)) or story[q.sentence] - story[_sentence_of(doc, t)] > 3:
            continue  # (not "coalition Democrats": the party's members; not "X, a company that ..." long before)
        named.append((doc.starts[a], h, own.actor if own is not None else None, own.name if own is not None else _surface(doc, a, b)))
        if h < t:
            described.append(subtree_span(doc, t))
    if described:
        named = [c for c in named if c[1] is None or not any(lo_ <= c[1] <= hi_ for lo_, hi_ in described)]
    # an organisation named as a modifier ("a State Department contractor") only when no other is
    named.sort(key=lambda c: (c[1] is None or doc.deps[c[1]] != "compound", c[0]))
    if named:
        return named[-1][2], named[-1][3]
    if nouns:  # "the appeals court" is not the Supreme Court named before, "the tech company" may be Apple
        cands = [c for c in cands if not _name_has(c[3], lemma)]
    # an organisation the writer has called another kind of thing is not this one ("the Courier Post
    # revealed ... the paper said ... “...,” the firm said": not the paper)
    other_kind = {
        (p.speaker, p.speaker_name) for p in before
        if p.speaker_token is not None and p.speaker_name and doc.pos[p.speaker_token] == "NOUN" and doc.lemmas[p.speaker_token].lower() in orgs_nouns
        and _other_kind(doc.lemmas[p.speaker_token].lower(), lemma)
    }
    near = [
        c for c in cands
        if (c[2], c[3]) not in other_kind and not (c[2] is None and any(n == c[3] for _, n in other_kind))
        and c[1] is not None and q.sentence - _sentence_of(doc, c[1]) <= 3 and _source_like(doc, c[1])
        and (lemma in _BODY_HEADS or not (doc.lower[c[1]] in _BODY_HEADS and any(m.token == c[1] and m.kind == "metonym" for m in mentions)))  # a ministry is no "company"
        and not any(doc.deps[k] == "aux" and doc.lower[k] == "to" for k in doc.children[doc.heads[c[1]]])  # "for the CDC to approve": no clause of its own
    ]
    if near:
        return near[-1][2], near[-1][3]
    return _self_named_organisation(doc, q, lemma, cands, other_kind, mentions)


def _self_named_organisation(
    doc: Doc, q: Quote, lemma: str, cands: Sequence[tuple[int, int | None, str | None, str]], other_kind: set[tuple[str | None, str]], mentions: Sequence[ActorMention]
) -> tuple[str | None, str] | None:
    """(actor, name) for a description no rule of :func:`_named_organisation` resolved: the
    organisation a direct quotation itself names that was also named before it ("at the IRS" ...
    "“The IRS does not have the legal authority ...,” the agency said": organisations name
    themselves in their statements). Not for reported speech, which names whom it is about as often
    as who says it; and not the nearest organisation named before, which, tried on 1,200 real
    articles, was as often someone else ("the panel" after the Supreme Court it cited).
    ``cands`` are :func:`_named_organisation`'s (start, token, actor, name) candidates before the
    description, ``other_kind`` organisations the writer called another kind of thing."""
    before = [
        c for c in cands
        if c[2] is not None and (c[2], c[3]) not in other_kind and not _kind_named_otherwise(c[3], lemma)
        and not is_inline_debris(line_at(doc.text, c[0]))  # not "CUOMO SAYS PROTESTERS SHOULD ASSUME THEY HAVE CORONAVIRUS"
    ]
    if q.kind != "direct":
        return None  # reported words name whom they are about as often as who says them
    inside = {m.actor for m in mentions if q.start <= m.start < q.end and m.type == "organisation" and m.kind != "pronoun"}
    named_both = [c for c in before if c[2] in inside]
    if named_both:
        return named_both[-1][2], named_both[-1][3]
    return None


def _kind_named_otherwise(name: str | None, lemma: str) -> bool:
    """Whether an organisation's name ends with a noun of another kind than ``lemma`` ("Henry Ford
    Health System" is no "paper"; "Fordham University" no "company")."""
    last = (name or "").split()[-1:] or [""]
    return _other_kind(last[0].lower(), lemma)


#: Organisation nouns that may name the same organisation ("the university" ... "the school")
_KINDS_OF_ORGANISATION = (
    frozenset({"university", "college", "school", "institution"}),
    frozenset({"company", "corporation", "firm", "business", "conglomerate", "startup", "retailer", "chain", "brand", "manufacturer", "automaker", "carmaker", "maker", "giant"}),
    frozenset({"newspaper", "paper", "outlet", "magazine", "publication", "journal", "tabloid", "site", "website", "broadcaster", "channel", "station", "network"}),
    frozenset({"group", "organization", "organisation", "coalition", "alliance", "association", "nonprofit", "charity", "foundation"}),
    frozenset({"hospital", "clinic", "center", "centre"}),
)


def _same_kind(lemma: str, other: str) -> bool:
    """Whether two organisation nouns may refer to one organisation: the same noun or nouns of one
    kind (:data:`_KINDS_OF_ORGANISATION`)."""
    return lemma == other or any(lemma in kind and other in kind for kind in _KINDS_OF_ORGANISATION)


def _other_kind(lemma: str, other: str) -> bool:
    """Whether two organisation nouns are of kinds that never name one organisation (a paper is no
    firm); a general word ("the group") may name any."""
    kinds = [k for k in _KINDS_OF_ORGANISATION if "group" not in k]
    a = next((i for i, k in enumerate(kinds) if lemma in k), None)
    b = next((i for i, k in enumerate(kinds) if other in k), None)
    return a is not None and b is not None and a != b


def _source_like(doc: Doc, t: int) -> bool:
    """Whether a name at token ``t`` is the source of its clause: its subject ("Best Buy
    announced"), the object of "according to" ("according to the Society of Hospital Medicine"),
    or the name on a subject report ("The Partnership report found")."""
    dep, h = doc.deps[t], doc.heads[t]
    if dep == "appos" and h != t and doc.pos[h] == "PROPN" and doc.pos[t] == "PROPN":
        # a short name beside the long one stands where it stands ("the U.S. Customs and Border
        # Protection (CBP) announced": the parser splits the long name at "and")
        while doc.deps[h] == "conj" and doc.heads[h] != h and doc.pos[doc.heads[h]] == "PROPN":
            h = doc.heads[h]
        return _source_like(doc, h)
    if dep in ("nsubj", "nsubjpass") or (dep == "poss" and doc.deps[h] == "nsubj" and doc.pos[h] == "PROPN"):
        return True  # (the owner of a subject: "When NBC’s Kate Snow interviewed Swetnick, the network acknowledged")
    if dep == "poss" and doc.deps[h] == "nsubj" and doc.lemmas[h].lower() in word_class("statement_nouns"):
        return True  # the author of a text that is a subject: "the Post’s after-debate editorial took aim at Romney"
    if dep == "pobj" and doc.lower[h] == "to" and h > 0 and doc.lower[h - 1] == "according":
        return True
    return (
        dep in ("compound", "poss") and doc.deps[h] == "nsubj" and doc.lemmas[h].lower() in word_class("statement_nouns")
        and (doc.lemmas[doc.heads[h]].lower() in word_class("speech_verbs") or doc.lemmas[doc.heads[h]].lower() in ("find", "show"))  # not "The FDA announcement followed"
    )


def _written_as_surname(doc: Doc, word: str, skip: int | None = None) -> bool:
    """Whether ``word`` is written somewhere in the article (but at token ``skip``) after a name, a
    title or an honorific ("Mick Mulvaney", "Mr. Blanchard"): a person's surname, not a company."""
    return any(
        k != skip and doc.tokens[k] == word and (doc.pos[k - 1] == "PROPN" or doc.lower[k - 1] in _TITLE_WORDS or doc.lower[k - 1] in _HONORIFIC_PRONOUN)
        and "\n" not in doc.text[doc.ends[k - 1] : doc.starts[k]]  # (not a photo credit's last word above it)
        for k in range(1, doc.n_tokens)
    )


def _name_has(name: str, word: str) -> bool:
    """Whether a name holds ``word`` (lower case), in the singular or plural: "producer" in the
    National Pork Producers Council, "caucus" in the Hispanic Caucus."""
    return any(w == word or w.removesuffix("s") == word or w.removesuffix("es") == word for w in re.split(r"[\s\-‐‑’']+", name.lower()))


def _sentence_gap(doc: Doc, before: Quote, q: Quote) -> int:
    """Sentences from the end of quotation ``before`` (and its attribution) to ``q``, not counting
    lines of fewer than three words between them ("AD", a photo credit): filler, not text."""
    anchor = max(before.end, before.speaker_end or 0) - 1
    last = _sentence_of(doc, bisect_right(doc.starts, anchor) - 1)
    gap = 0
    for k in range(last + 1, min(q.sentence, len(doc.sentences) - 1) + 1):
        sent = doc.sentences[k]
        if k == q.sentence or sum(1 for t in range(sent.token_start, sent.token_end) if doc.pos[t] not in ("PUNCT", "SPACE", "SYM", "X")) >= 3:
            gap += 1
    return gap


def _non_person_antecedent(doc: Doc, q: Quote, before: Sequence[Quote], mentions: Sequence[ActorMention], *, plural: bool | None = None) -> tuple[str | None, str | None] | None:
    """(actor, name) a speaker "it" or "they" refers to: the speaker of a quotation at most four
    sentences before (filler lines not counted) that fits the pronoun ("it": an organisation, a
    state or a text; "they": a plural or coordinated speaker), else the subject of the sentence
    before when it fits. ``plural`` says which for a speaker that is no pronoun ("the two
    commissioners")."""
    they = doc.lower[q.speaker_token or 0] == "they" if plural is None else plural

    def coordinated(t: int) -> bool:
        return doc.pos[t] == "PROPN" and (any(doc.deps[c] == "conj" and doc.pos[c] == "PROPN" for c in doc.children[t]) or len(named_together(t)) >= 2)

    def joined(k: int, t: int) -> bool:
        # a name in the subject's own chain of names and conjuncts (not "a former Rehnquist clerk")
        for _ in range(5):
            if k == t:
                return True
            if doc.deps[k] not in ("conj", "nmod", "appos", "compound") or (doc.deps[k] == "compound" and doc.pos[doc.heads[k]] != "PROPN"):
                return False
            k = doc.heads[k]
        return k == t

    def named_together(t: int) -> list[str]:
        # "Senate Minority Leader Charles E. Schumer and House Minority Leader Nancy Pelosi said":
        # two people joined by "and" in one subject, however the parser hung the second title
        lo, hi = subtree_span(doc, t, skip=frozenset({"relcl", "acl", "advcl", "appos"}))
        if not any(doc.lower[k] == "and" for k in range(lo, hi + 1)):
            return []
        names = [
            m.name for m in mentions
            if m.type == "person" and m.kind not in ("pronoun", "title", "adjective", "metonym") and doc.starts[lo] <= m.start < doc.ends[hi]
            and m.token is not None and joined(m.token, t)
        ]
        return list(dict.fromkeys(names))

    def fits(t: int, stype: str | None) -> bool:
        if doc.pos[t] == "PRON":
            return False
        if they:
            return _plural(doc, t) or stype == "group" or coordinated(t)  # ("Schumer and Pelosi said ... but they added")
        lemma = doc.lemmas[t].lower()
        return not _plural(doc, t) and stype != "person" and (
            stype in ("organisation", "state") or lemma in word_class("organisation_nouns") or lemma in word_class("statement_nouns")
            or (doc.pos[t] == "NOUN" and lemma not in word_class("source_nouns"))  # "the hospital", not "the spokesman"
        )

    if not they and q.sentence > 0:
        # "A statement from the Office of the US Trade Representative didn't ... . It said ...": the
        # statement the sentence before is about, which speaks for its author
        prev = doc.sentences[q.sentence - 1]
        t = next((t for t in range(prev.token_start, prev.token_end) if doc.deps[t] == "nsubj" and doc.deps[doc.heads[t]] == "ROOT"), None)
        if t is not None and doc.tags[t] == "NN" and doc.lemmas[t].lower() in word_class("statement_nouns"):
            by_token = {m.token: m for m in mentions if m.token is not None}
            author = _statement_author(doc, q, t, before, by_token, mentions, None)
            if author is not None:
                return author[0], author[1]
    counted = plural and any(doc.lower[t] in ("two", "three", "both") for t in range(*_token_range(doc, q.speaker_start or 0, q.speaker_end or 0)))
    if they and q.sentence > 0 and (plural is None or counted):
        # "Nancy Pelosi ... and Chuck Schumer swiftly responded ... “...,” they said", "Democrats on
        # the House Committee on Homeland Security sent a letter ... “...,” they wrote": the people the
        # sentence before names as its subject, before any source quoted earlier
        prev = doc.sentences[_story_sentence_before(doc, q.sentence)]  # (past a quotation mark the parse split off)
        t = next((t for t in range(prev.token_start, prev.token_end) if doc.deps[t] == "nsubj" and doc.deps[doc.heads[t]] == "ROOT"), None)
        by_token = {m.token: m for m in mentions if m.token is not None}
        own = by_token.get(t) if t is not None else None
        if t is not None and doc.pos[t] == "PROPN" and any(doc.deps[c] == "conj" and doc.pos[c] == "PROPN" and c in by_token for c in doc.children[t]):
            return (own.actor if own else None), _with_conjuncts(doc, t, own.name if own else doc.tokens[t], by_token)
        together = named_together(t) if t is not None and doc.pos[t] == "PROPN" else []
        if len(together) >= 2:
            return (own.actor if own else None), _and_list(together)
        named = [by_token[c] for c in (doc.children[doc.heads[t]] if t is not None else ()) if doc.deps[c] == "nsubj" and c in by_token and by_token[c].type == "person"]
        if len(named) >= 2:  # the parse gave the verb both names as subjects
            names = list(dict.fromkeys(m.name for m in named))
            return named[0].actor, _and_list(names)
        if not counted and t is not None and doc.tags[t] in ("NNS", "NNPS") and any(doc.deps[c] == "prep" and doc.lower[c] in ("on", "of", "in", "at", "from") for c in doc.children[t]):
            lo, hi = subtree_span(doc, t, skip=frozenset({"relcl", "acl", "advcl", "punct"}))
            return (own.actor if own else None), doc.text[doc.starts[lo] : doc.ends[hi]]
    # "China urged Canada to “clarify” ... Huawei, which ..., confirmed the arrest. It said ...": a
    # named organisation the sentence before has as its subject is nearer than a source quoted earlier
    nearer: tuple[int, ActorMention] | None = None
    if not they and q.sentence > 0:
        k = _story_sentence_before(doc, q.sentence)
        prev = doc.sentences[k]
        t = next((t for t in range(prev.token_start, prev.token_end) if doc.deps[t] == "nsubj" and doc.deps[doc.heads[t]] == "ROOT"), None)
        own = next((m for m in mentions if m.token == t), None) if t is not None and doc.pos[t] == "PROPN" else None
        if t is not None and own is not None and own.type == "organisation" and own.kind not in ("pronoun", "metonym") and fits(t, own.type):
            nearer = (k, own)
    # "... and on Wednesday the home (interior) ministry released guidelines ... “...,” it said":
    # an organisation the sentence before says published a text, described without a name
    published: tuple[int, str] | None = None
    if not they and q.sentence > 0 and nearer is None:
        k = _story_sentence_before(doc, q.sentence)
        prev = doc.sentences[k]
        t = next((
            t for t in range(prev.token_end - 1, prev.token_start - 1, -1)
            if doc.deps[t] == "nsubj" and doc.tags[t] == "NN" and doc.lemmas[t].lower() in word_class("organisation_nouns")
            and any(doc.lower[c] == "the" for c in doc.children[t]) and doc.lemmas[doc.heads[t]].lower() in word_class("object_speech_verbs")
        ), None)
        if t is not None:
            lo, hi = subtree_span(doc, t, skip=frozenset({"relcl", "acl", "advcl", "prep"}))
            published = (k, doc.text[doc.starts[lo] : doc.ends[hi]])
    for p in reversed(before):
        if _sentence_gap(doc, p, q) > 4:
            break
        if p.speaker_token is None or p.speaker_name is None:
            continue
        if nearer is not None and p.sentence < nearer[0]:
            return nearer[1].actor, nearer[1].name
        if published is not None and p.sentence < published[0]:
            return None, published[1]
        if p.speaker_type == "pronoun" and doc.lower[p.speaker_token] == ("they" if they else "it"):
            return p.speaker, p.speaker_name  # "they said ... they added"
        if counted and not (coordinated(p.speaker_token) or " and " in p.speaker_name):
            continue  # "the two leaders": two people named together, nobody else
        if fits(p.speaker_token, p.speaker_type):
            if they and coordinated(p.speaker_token):
                together = named_together(p.speaker_token)
                if len(together) >= 2:
                    return p.speaker, _and_list(together)
                by_token = {m.token: m for m in mentions if m.token is not None}
                own = by_token.get(p.speaker_token)
                return p.speaker, _with_conjuncts(doc, p.speaker_token, own.name if own is not None and own.kind != "pronoun" else p.speaker_name, by_token)
            return p.speaker, p.speaker_name
    if q.sentence == 0 or counted:
        return None
    prev = doc.sentences[q.sentence - 1]
    for t in range(prev.token_start, prev.token_end):
        if doc.deps[t] == "nsubj" and doc.deps[doc.heads[t]] == "ROOT" and fits(t, None if doc.pos[t] != "PROPN" else ("group" if they else "organisation")):
            if (
                plural is not None and doc.pos[t] == "PROPN" and not _plural(doc, t) and next((m.type for m in mentions if m.token == t), None) not in ("organisation", "group")
                and not any(doc.deps[c] == "conj" and doc.pos[c] == "PROPN" for c in doc.children[t])
            ):
                return None  # "the organizers" are no single person named before
            if they and doc.pos[t] == "PROPN":  # "Kirby and Munoz praised ...": both
                by_token = {m.token: m for m in mentions if m.token is not None}
                own = by_token.get(t)
                return (own.actor if own else None), _with_conjuncts(doc, t, own.name if own else doc.tokens[t], by_token)
            if doc.pos[t] == "PROPN":
                own = next((m for m in mentions if m.token == t), None)
                return (own.actor if own else None), (own.name if own else doc.tokens[t])
            lo, hi = subtree_span(doc, t, skip=frozenset({"relcl", "acl", "advcl"}))
            return None, doc.text[doc.starts[lo] : doc.ends[hi]]  # "Officials in Ottawa met ... “...,” they said"
    return None


#: A title noun and the words that give a person that title before their name
_TITLE_FORMS = {
    "president": ("president",),
    "senator": ("senator", "sen", "sen."),
    "governor": ("governor", "gov", "gov."),
    "congressman": ("congressman", "representative", "rep", "rep."),
    "congresswoman": ("congresswoman", "representative", "rep", "rep."),
    "lawmaker": ("senator", "sen", "sen.", "congressman", "congresswoman", "representative", "rep", "rep."),
    "secretary": ("secretary",),
    "minister": ("minister",),
    "mayor": ("mayor",),
    "chancellor": ("chancellor",),
    "premier": ("premier",),
    "ambassador": ("ambassador",),
    "lady": ("lady",),  # "First lady Melania Trump ... the first lady said"
    "judge": ("judge",),
    "justice": ("justice",),
    "general": ("general", "gen", "gen."),
    "chairman": ("chairman", "chair"),
    "chairwoman": ("chairwoman", "chair"),
    "speaker": ("speaker",),
    "sheriff": ("sheriff",),
    "prosecutor": ("prosecutor",),
    "attorney": ("attorney",),
    "lawyer": ("lawyer", "attorney"),
    "director": ("director",),
    "commissioner": ("commissioner",),
    "superintendent": ("superintendent",),
    "spokesman": ("spokesman", "spokesperson"),
    "spokeswoman": ("spokeswoman", "spokesperson"),
    "spokesperson": ("spokesperson", "spokesman", "spokeswoman"),
    "professor": ("professor", "prof", "prof."),
    "coach": ("coach",),
    "bishop": ("bishop",),
    "pastor": ("pastor",),
    "rabbi": ("rabbi",),
    "detective": ("detective", "det", "det."),
    "captain": ("captain", "capt", "capt."),
    "sergeant": ("sergeant", "sgt", "sgt."),
    "treasurer": ("treasurer",),
    "ceo": ("ceo",),
}


#: Jobs written before a name like a title ("CBS reporter Major Garrett", "Police Chief Dan
#: Oates"): "the reporter" is the one introduced so (:func:`_titled_person`), but unlike a title
#: the word alone describes nobody in particular ("“...?” the reporter asked")
_JOB_FORMS = {
    "reporter": ("reporter", "correspondent"),
    "correspondent": ("correspondent", "reporter"),
    "host": ("host",),
    "anchor": ("anchor",),
    "columnist": ("columnist",),
    "commentator": ("commentator",),
    "chief": ("chief",),
    "officer": ("officer",),
    "lieutenant": ("lieutenant", "lt", "lt."),
    "colonel": ("colonel", "col", "col."),
    "commander": ("commander", "cmdr", "cmdr."),
    "doctor": ("dr", "dr.", "doctor"),
    "doc": ("dr", "dr.", "doctor"),
}


def _titled_people(doc: Doc, forms: tuple[str, ...], before: Sequence[ActorMention], gazetteer: Gazetteer | None) -> set[str]:
    """The people among ``before`` given a title of ``forms`` ("President Obama", "Sen. Chris
    Coons", "U.S. District Judge Allison Burroughs", or a title the gazetteer lists): the title
    right before the name, with nothing but names and titles between ("a spokesperson for
    Prince", "Sheriff Scott Israel, Hager" give Prince and Hager no title)."""
    titled = set()
    for m in before:
        ma, mb = _token_range(doc, m.start, m.end)
        actor = gazetteer.actors.get(m.actor) if gazetteer is not None else None
        if actor is not None and any(w in forms for t in actor.titles for w in t.term.lower().split()):
            titled.add(m.actor)
            continue
        h = m.token if m.token is not None else mb - 1
        if m.kind == "candidate" and (doc.tags[h] != "NNP" or doc.lemmas[h].lower() in word_class("organisation_nouns")):
            continue  # "Broward Sheriff Deputies", "the Sheriff's Office": the parser's person, no person's name
        if m.type == "person" and any(doc.deps[c] == "appos" and doc.lower[c] in forms and c >= mb for c in doc.children[h]):
            titled.add(m.actor)  # "Klobuchar, a U.S. senator from Minnesota": the title set beside the name
            continue
        for t in range(max(0, ma - 3), mb):
            if m.kind == "candidate" and t >= ma and not (t + 1 < mb and all(doc.pos[k] == "PROPN" for k in range(t + 1, mb))):
                break  # inside the parser's name only before a name ("Sheriff Scott Israel"), not "Broward Sheriff's Office"
            if doc.lower[t] in forms and all(doc.pos[k] == "PROPN" or doc.lower[k] in forms or doc.lower[k] in ("-", "elect", ".") for k in range(t + 1, ma)):
                titled.add(m.actor)
                break
    return titled


def _titled_person(
    doc: Doc,
    head: int,
    lo: int,
    hi: int,
    sentence: int,
    mentions: Sequence[ActorMention],
    gazetteer: Gazetteer | None,
    own: tuple[int, int] | None = None,
    quoted: Sequence[tuple[int, int]] = (),
) -> ActorMention | None:
    """The person a definite title phrase (tokens ``[lo, hi)``, head ``head``) is ("the president
    said", "the senator initially balked"): the last person before it who was given that title
    (see :func:`_titled_people`), within the ten sentences before, not counting names inside the
    quotation ``own`` being attributed. A lesser or past title is not the title ("Vice President
    Pence" is not "the president") unless the phrase says so, and a phrase with modifiers prefers
    a person whose title has one of them ("the former vice president": Joe Biden, over President
    Trump named since). Nobody when someone was introduced with the same noun since the writer
    (outside the ``quoted`` spans) last named that person ("a white-collar attorney said ...
    “...,” the attorney said": that unnamed attorney, not the attorney named before)."""
    forms = _TITLE_FORMS.get(doc.lower[head]) or _JOB_FORMS.get(doc.lower[head])
    if forms is None and doc.tags[head] == "NN" and doc.lower[head] not in word_class("organisation_nouns"):
        # "The researcher noted": any noun the article set beside a person's name ("Maya
        # Forstater, a researcher who ...") or wrote before it ("researcher Maya Forstater")
        forms = (doc.lower[head],)
    if forms is None or not any(doc.lower[c] == "the" for c in doc.children[head]):
        return None
    # "the U.S. president": a country before the title says whose, and names nobody
    countries: dict[int, str] = {}
    if gazetteer is not None:
        for t in range(lo, head):
            if doc.deps[t] in ("compound", "amod") and doc.heads[t] == head:
                country = gazetteer.resolve("name", doc.tokens[t], None) or gazetteer.resolve("adjective", doc.tokens[t], None)
                if country is not None and country in gazetteer.actors and gazetteer.actors[country].type == "state":
                    countries[t] = country
    if any(doc.pos[t] == "PROPN" and t not in countries for t in range(lo, hi) if t != head):
        return None  # "the president, Joe Biden": named in the phrase itself
    before = [m for m in mentions if m.start < doc.starts[lo] and m.type == "person" and m.kind != "pronoun"]
    if countries and gazetteer is not None:
        # only a person the gazetteer gives that country ("the U.S. president" is not President Xi)
        before = [m for m in before if (a := gazetteer.actors.get(m.actor)) is not None and a.affiliation in countries.values()]
    titled = _titled_people(doc, forms, before, gazetteer)
    window = []
    for m in reversed(before):
        if sentence - m.sentence > 10:
            break
        if m.actor in titled and not (own is not None and own[0] <= m.start < own[1]):
            window.append(m)
    mods = {doc.lower[t] for t in range(lo, hi) if t != head and doc.deps[t] in ("amod", "compound")}
    if mods & {"ex", "former"}:
        mods |= {"ex", "former"}  # "the ex-vice president" is the former one
    words: dict[str, set[str]] = {}  # the words of each titled person's titles in the article
    for x in before:
        if x.actor in titled:
            words.setdefault(x.actor, set()).update(_title_words(doc, x))
    # "Vice President Mike Pence" is not "the president", "Deputy Attorney General Jim Cole" not "the attorney general"
    window = [m for m in window if not (words[m.actor] & _RANK_WORDS) - mods]
    lesser = mods & _RANK_WORDS - {"former", "ex"}
    if lesser:
        # and "the vice president" is not President Trump: only someone whose title says so
        known = {m.actor: {w for t in a.titles for w in t.term.lower().split()} for m in window if gazetteer is not None and (a := gazetteer.actors.get(m.actor)) is not None}
        window = [m for m in window if lesser & (words[m.actor] | known.get(m.actor, set()))]
    if gazetteer is not None and len({m.actor for m in window}) > 1:
        # someone the article itself gives the title ("President Obama") before someone only the
        # gazetteer does (Trump, in a 2016 story that calls him "Mr. Trump")
        in_text = _titled_people(doc, forms, before, None)
        window = [m for m in window if m.actor in in_text] or window
    if not window and not before and sentence <= 2 and not mods:
        # "The president underscored ...: “...”" opening a text that names him only later (an
        # excerpt that starts mid-story): the one given that title further on
        after = [
            m for m in mentions
            if m.start >= doc.ends[hi - 1] and m.type == "person" and m.kind != "pronoun" and m.sentence - sentence <= 15
            and m.token is not None and doc.deps[m.token] not in ("compound", "amod")  # not "the Obama administration"
        ]
        titled_after = _titled_people(doc, forms, after, gazetteer)
        lesser = {m.actor for m in mentions if m.type == "person" and m.kind != "pronoun" and _title_words(doc, m) & _RANK_WORDS}  # not "Vice President Joseph R. Biden Jr."
        return next((m for m in after if m.actor in titled_after and m.actor not in lesser), None)
    if not window:
        return None
    fit = [m for m in window if mods & words[m.actor]] if mods else []
    m = (fit or window)[0]
    # named by the writer last (not inside a quotation), then someone introduced with the same noun
    ref = next((x for x in reversed(before) if x.actor == m.actor and not any(a <= x.start < b for a, b in quoted)), m)
    lemma = doc.lemmas[head].lower()
    # (introduced as a source, "a white-collar attorney said", not "the first time a president has
    # supported their cause")
    speech = word_class("speech_verbs") | word_class("quote_verbs")
    ref_a, ref_b = _token_range(doc, ref.start, ref.end)
    introduced = any(
        doc.lemmas[t].lower() == lemma and doc.pos[t] == "NOUN" and any(doc.deps[c] == "det" and doc.lower[c] in ("a", "an", "another") for c in doc.children[t])
        and not (doc.deps[t] in ("nsubj", "nsubjpass") and doc.lemmas[doc.heads[t]].lower() not in speech)
        and not (doc.deps[t] == "appos" and ref_a <= doc.heads[t] < ref_b)  # "Kolbeck, a U.S. senator from Minnesota": the title of the one named
        for t in range(ref_b, lo)
    )
    return None if introduced else m


#: Words that make a title a lesser or past one ("Vice President", "Deputy Attorney General")
_RANK_WORDS = frozenset(["vice", "deputy", "assistant", "associate", "acting", "lieutenant", "former", "ex"])


def _title_words(doc: Doc, m: ActorMention) -> set[str]:
    """Lower-case words of the title a person mention carries in the text: the run of title words
    right before the name ("Former Vice President Joe Biden") and the words of a title mention
    ("the former senator")."""
    ma, mb = _token_range(doc, m.start, m.end)
    words = {doc.lower[t] for t in range(ma, mb) if doc.pos[t] != "PROPN" or m.kind == "title"}
    if m.token is not None and doc.deps[m.token] in ("compound", "poss", "amod", "nmod") and doc.pos[doc.heads[m.token]] == "NOUN":
        return words  # "former Trump campaign chairman": the words before title the chairman, not Trump
    t = ma - 1
    while t >= 0 and ma - t <= 5 and (doc.pos[t] == "PROPN" or doc.lower[t] in _RANK_WORDS or doc.lower[t] in _TITLE_FORMS or doc.tokens[t] == "-"):
        words.add(doc.lower[t])
        t -= 1
    return words


#: Nouns that describe one person by a role without being a title ("the candidate told the Times",
#: "the billionaire said"): the source just quoted, as "the former governor" is
_ROLE_NOUNS = frozenset({
    "candidate", "nominee", "incumbent", "challenger", "contender", "hopeful", "frontrunner", "politician", "legislator",
    "billionaire", "businessman", "businesswoman", "mogul", "entrepreneur", "investor", "philanthropist", "actor",
    "actress", "singer", "rapper", "comedian", "activist", "author", "commentator", "columnist", "pundit", "veteran",
    "cop", "policeman", "policewoman",  # "Wilson testified that, “...” The cop added, “...”"
})


def _party_member(doc: Doc, head: int, lo: int, hi: int) -> bool:
    """Whether speaker phrase ``[lo, hi)`` with head ``head`` describes one member of a party by
    where they are from ("the New York Democrat", "the moderate Democrat"): "the", then place
    names or adjectives, then "Democrat" or "Republican" ending the phrase; not a rank ("the top
    Democrat on the committee", "the committee's top Republican, Sen. Charles Grassley": the
    name or the committee says who)."""
    if doc.lower[head] not in ("democrat", "republican") or doc.tags[head] != "NNP" or doc.lower[lo] != "the":
        return False
    if any(doc.pos[t] != "PUNCT" for t in range(head + 1, hi)):
        return False
    return all(doc.pos[t] in ("PROPN", "ADJ") and doc.lower[t] not in _RANKS for t in range(lo + 1, head))


#: Words that make a party word a rank, not a description ("the top Democrat")
_RANKS = frozenset(["top", "only", "ranking", "senior", "leading", "lone", "first", "highest", "no.", "chief"])


def _describes_someone_unnamed(doc: Doc, q: Quote, head: int, mentions: Sequence[ActorMention], nouns: frozenset[str] = frozenset()) -> bool:
    """Whether quotation ``q``'s speaker phrase (head ``head``) describes one person without
    naming them ("the former Florida governor", "the chief justice", "the 36-year-old": "the", a
    singular title noun (or one of ``nouns``) or an age, no name but a place's or an institution's)."""
    if q.speaker_start is None or q.speaker_end is None:
        return False
    party = doc.lower[head] in ("democrat", "republican") and doc.tags[head] == "NNP"  # "the New York Democrat"
    if not is_age_noun(doc, head) and not party and (
        doc.tags[head] != "NN" or not (_is_title(doc, head) or doc.lower[head] in _TITLE_FORMS or doc.lower[head] in _ROLE_NOUNS or doc.lower[head] in nouns)
    ):
        return False
    lo, hi = _token_range(doc, q.speaker_start, q.speaker_end)
    hi = next((t for t in range(head + 1, hi) if doc.tokens[t] == ","), hi)  # "the teen, who identifies with Trayvon Martin": the description before its clause
    if doc.lower[lo] != "the" or head + 1 - lo > 8 or hi - lo > 14:
        return False  # (the words up to the noun: "the 29-year-old employee for Booz Allen Hamilton")
    places = {t for m in mentions if m.type == "place" for t in range(*_token_range(doc, m.start, m.end))}
    places |= {t for e in doc.entities if e.label in ("GPE", "LOC", "NORP") for t in range(e.start, e.end)}
    # "the Pentagon's top military official": an institution's name is no name of the person
    # (nor a party's: "the GOP nominee")
    owners = {
        t for m in mentions
        if m.token is not None and ((m.type in ("organisation", "state") and doc.deps[m.token] == "poss") or (m.type in ("group", "organisation") and doc.deps[m.token] in ("compound", "amod", "nmod") and doc.heads[m.token] == head))
        for t in range(*_token_range(doc, m.start, m.end))
    }
    named = [*range(lo, min(hi, head + 1)), *(c for c in doc.children[head] if doc.deps[c] == "appos")]
    # "the president, Joe Biden": named in the phrase itself (not "the president in a Rose Garden address")
    return not any(doc.pos[t] == "PROPN" and t not in places and t not in owners and not (party and t == head) for t in named)


#: Nouns for a person of one sex
_GENDERED_NOUNS = {"woman": "she", "mother": "she", "girl": "she", "wife": "she", "daughter": "she", "man": "he", "father": "he", "boy": "he", "husband": "he", "son": "he"}

@lru_cache(maxsize=1)
def _person_words() -> frozenset[str]:
    """Words for a person by sex, age, family or politics, not by what they do ("the mother of five
    boys", "the self-described socialist": "the official" may be anyone's official, see
    :func:`_described_subject_before`)."""
    return frozenset([*_GENDERED_NOUNS, "teen", "teenager", *word_class("stance_nouns")])


@lru_cache(maxsize=1)
def _people_nouns() -> frozenset[str]:
    """Nouns for one person a speaker phrase may describe besides titles ("the teen", "the official")."""
    return frozenset([
        "teen", "teenager", "man", "woman", "boy", "girl", "official", "expert", "analyst", "economist", "activist", "veteran", "survivor", "student", "mother", "father", "owner", "lawmaker", "officer", "executive",
        # what a profile calls the person it just named ("Bouwsma contributed $1,000 ... said the self-described Christian conservative")
        *word_class("stance_nouns"), "moderate", "evangelical", "voter", "resident", "farmer", "worker", "labourer", "laborer",
        "retiree", "supporter", "donor", "volunteer", "nurse", "doctor", "teacher", "lawyer", "attorney", "pastor", "businessman", "businesswoman", "entrepreneur",
        "employee", "contractor", "staffer", "whistleblower",  # "the 29-year-old employee for Booz Allen Hamilton told ..."
        "protester", "demonstrator", "witness", "neighbor", "neighbour", "bystander", "rescuer",
        # ("Local priest Mangal Chaudhary": a faith's or a trade's word for one person)
        "priest", "imam", "rabbi", "cleric", "monk", "nun", "preacher", "shopkeeper", "vendor", "driver", "fisherman",
        "researcher", "scientist", "professor", "journalist", "photographer", "filmmaker", "artist", "musician",
    ])


def _described_subject_before(
    doc: Doc, q: Quote, head: int, mentions: Sequence[ActorMention], quoted: Sequence[tuple[int, int]], gazetteer: Gazetteer | None = None
) -> ActorMention | None:
    """The person a description speaker ("the teen", "the Pentagon's top military official") is
    when the sentence right before the quotation has one named person as its main subject and
    no other word for what the description says ("In Sanford, Tristan Bailey, 15, was stunned
    ... “...,” said the teen"; not "Smith praised the officer. “...,” the officer said")."""
    if q.sentence == 0 or not _describes_someone_unnamed(doc, q, head, mentions, _people_nouns()):
        return None
    if any(doc.deps[c] == "poss" and (doc.pos[c] == "PRON" or doc.lemmas[c].lower() in _person_words() or any(e.label == "PERSON" and e.start <= c < e.end for e in doc.entities)) for c in doc.children[head]):
        return None  # "the man's lawyer", "his wife": someone related to a person, not that person
    if q.speaker_start is not None and q.speaker_start < q.start:
        return None  # the description opens the attribution: its own sentence says who it is
    prev = doc.sentences[_story_sentence_before(doc, q.sentence)]  # past page widgets ("Play Facebook") and a quotation mark split off
    if any(a < doc.ends[prev.token_end - 1] and doc.starts[prev.token_start] < b for a, b in quoted):
        return None  # a source quoted there: see _described_last_speaker
    subjects = [
        m for m in mentions
        if m.type == "person" and m.token is not None and prev.token_start <= m.token < prev.token_end
        and doc.deps[m.token] in ("nsubj", "nsubjpass") and _main_clause(doc, doc.heads[m.token]) and not any(a <= m.start < b for a, b in quoted)
    ]
    # a "he" or "she" resolved to someone named just before stands for that name ("Rep. John Fleming
    # gave voice to a misgiving: He doesn't fully trust Mr. Trump. “...,” the Louisiana Republican said")
    subjects = [
        m if m.kind != "pronoun" else next((x for x in reversed(mentions) if x.actor == m.actor and x.kind != "pronoun" and x.start < m.start and m.sentence - x.sentence <= 1), m)
        for m in subjects
    ]
    subjects = [m for m in subjects if m.kind != "pronoun"]
    if not subjects:
        # "For transgender woman Anjali Siroya, going to work ... has always been a lifeline,
        # taking her away ...": the one person the sentence is about, subject or not
        inside = [m for m in mentions if m.type == "person" and prev.token_start <= (m.token or 0) < prev.token_end and m.token is not None and not any(a <= m.start < b for a, b in quoted)]
        if len({m.actor for m in inside}) == 1 and any(m.kind != "pronoun" for m in inside):
            subjects = [m for m in inside if m.kind != "pronoun"][:1]
    if len({m.actor for m in subjects}) != 1 or re.match(r"\s*['’]s\b", doc.text[subjects[0].end :]):
        return None  # (not a possessive the parser made the subject: "Ronald Reagan's speech")
    root = next((t for t in range(prev.token_start, prev.token_end) if doc.heads[t] == t), None)
    if root is not None and doc.lemmas[root].lower() == "ask":
        return None  # "“Do you ever exercise?” John Heilemann asked Trump. “No,” the candidate said": the one asked
    forms = _TITLE_FORMS.get(doc.lower[head])
    known = gazetteer.actors.get(subjects[0].actor) if gazetteer is not None else None
    if forms and known is not None and not any(w.strip(".") in forms for t in known.titles for w in t.term.lower().split()):
        return None  # "the former Florida governor" is not Donald Trump, whose titles the gazetteer knows
    lo, hi = subtree_span(doc, subjects[0].token or 0)
    word = doc.lemmas[head].lower()
    # ("Rep. Trent Franks, Arizona Republican" does not use "the Louisiana Republican" for someone else)
    party = word in ("democrat", "republican")
    own = {doc.lower[t] for t in range(_token_range(doc, q.speaker_start or 0, q.speaker_end or 0)[0] + 1, head)} if party else set()
    # (not when that sentence names the subject outside a subject and the word is a clause's subject:
    # "alarmed by Mr. Trump’s candidacy and believing the Republican isn’t fit" calls him so before;
    # but "Jane Holt praised the officer" is someone else)
    same = {m.sentence for m in mentions if m.actor == subjects[0].actor and m.token is not None and doc.deps[m.token] not in ("nsubj", "nsubjpass")}
    age = is_age_noun(doc, head)
    if any(
        doc.lemmas[t].lower() == word and not lo <= t <= hi and not (party and doc.deps[t] in ("amod", "compound")) and (not own or doc.lower[t - 1] in own)
        and not (doc.lower[t - 1] == "the" and doc.deps[t] in ("nsubj", "nsubjpass") and _sentence_of(doc, t) in same)
        and (not age or (is_age_noun(doc, t) and _age_of(doc, t) == _age_of(doc, head)))  # the same age for someone else, not any "old"
        for t in range(prev.token_end)
    ):
        # the word used before for someone else ("a defense official said ... the official said",
        # "Police Chief Dan Oates ... the chief said"), or for something else in that sentence
        return None
    return subjects[0]


def _age_of(doc: Doc, t: int) -> str:
    """The number of an age noun ending at token ``t`` ("36" in "the 36-year-old", "22" in "the 22
    year old", "thirty" in "Thirty-year-old")."""
    k = t - 1
    while k > 0 and doc.lower[k] in ("-", "year", "years"):
        k -= 1
    return doc.lower[k]


def _described_last_speaker(
    doc: Doc, q: Quote, head: int, last: Quote, mentions: Sequence[ActorMention], story: Sequence[int], by_token: dict[int, ActorMention]
) -> bool:
    """Whether a speaker phrase describes one person without naming them ("the former Florida
    governor", "the chief justice", "the 36-year-old": "the", a singular title noun or an age, no
    name but a place) and the last named source was quoted at most four sentences before, with no
    other person made a subject since: then it is that source."""
    if q.speaker_start is None or last.speaker is None or not _describes_someone_unnamed(doc, q, head, mentions, _person_words()):
        return False
    if any(doc.deps[c] == "conj" for c in doc.children[head]):
        return False  # "the husband and wife": two people
    # counted in story sentences (``story``, see _story_sentences): page widgets are no gap ("Play Facebook")
    if story[q.sentence] - story[_last_sentence_of(doc, last)] > 4:
        return False
    if not _describes_someone_unnamed(doc, q, head, mentions):
        # a plain word for a person ("the mother of five boys", not a title): only right after
        # that source spoke, and of the source's sex where the word and the first name tell it
        said = last.speaker_name.split()[0] if last.speaker_name else ""
        sex = _GENDERED_NOUNS.get(doc.lemmas[head].lower())
        if story[q.sentence] - story[_last_sentence_of(doc, last)] > 1 or (sex is not None and first_name_pronoun(said) not in (sex, None)):
            return False
    if last.cue is not None and last.cue.lower() == "asked" and last.kind == "direct":
        return False  # "“Do you ever exercise?” co-host John Heilemann asked Trump. “No,” the candidate said": the one asked
    t = head
    for _ in range(12):
        if doc.heads[t] == t:
            break
        t = doc.heads[t]
        subj = next((by_token.get(c) for c in doc.children[t] if doc.deps[c] in ("nsubj", "nsubjpass") and c < head), None)
        if subj is not None and subj.actor == last.speaker:
            return False  # "She claimed the executive then lifted her skirt": someone she talks about
    if doc.lower[head] in _ROLE_NOUNS and any(
        m.type == "person" and m.actor != last.speaker and m.start < q.speaker_start and q.sentence - m.sentence <= 4
        and m.token is not None and doc.lower[_token_range(doc, m.start, m.end)[0] - 1] == doc.lower[head]
        for m in mentions
    ):
        return False  # "Republican presidential candidate Donald Trump" named since: that candidate
    forms = _TITLE_FORMS.get(doc.lower[head])
    if forms is not None:
        theirs = [m for m in mentions if m.actor == last.speaker and m.start < q.speaker_start]
        same = {*forms, "secretary"} if "spokesperson" in forms else set(forms)  # a press secretary is a spokesperson
        other = tuple({w for fs in _TITLE_FORMS.values() for w in fs} - same)
        described = {doc.lower[c] for m in theirs if m.token is not None for c in doc.children[m.token] if doc.deps[c] == "appos" and (_is_title(doc, c) or doc.lower[c] in _TITLE_FORMS)}
        if _titled_people(doc, other, theirs, None) and not _titled_people(doc, forms, theirs, None) and not described & same:
            # "State Rep. Bill Hager ... “...,” Hager wrote. The sheriff responded": someone else (but
            # "former Defense Secretary Jim Mattis ... Mattis — a retired general — said ... the retired general said")
            return False
        if described and not described & same:
            return False  # "Brett Giroir, an assistant secretary, said ... the president said": someone else
    return not any(
        m.type == "person" and m.kind != "pronoun" and m.actor != last.speaker and last.end <= m.start < q.speaker_start
        and not q.start <= m.start < q.end and m.token is not None
        and (_in_subject(doc, m.token) or (doc.deps[m.token] == "ROOT" and doc.pos[m.token] == "PROPN"))  # (a name the parser left as the root: "Pelosi intially informed ...", a typo)
        for m in mentions
    )


def _last_sentence_of(doc: Doc, q: Quote, *, attribution: bool = False) -> int:
    """The sentence where quotation ``q`` ends (a long quotation is no gap before the next cue);
    with ``attribution``, where its cue and speaker end ("“...?” Ricks asked." may parse as two
    sentences)."""
    end = max(q.end, q.speaker_end or 0, q.cue_end or 0) if attribution else q.end
    return _sentence_of(doc, max(0, _token_range(doc, q.start, end)[1] - 1))


def _passive_agent(doc: Doc, t: int) -> bool:
    """Whether token ``t`` is the doer in a passive clause about a thing ("Her sentiment was
    attacked by Rabbi Daniel Gordis", "the reforms ordered by Obama"), the subject of its active
    form; not when a person undergoes it ("Giffords was shot by Jared Lee Loughner": the text
    stays about Giffords)."""
    if doc.deps[t] != "pobj" or doc.deps[doc.heads[t]] != "agent":
        return False
    v = doc.heads[doc.heads[t]]
    undergoer = next((c for c in doc.children[v] if doc.deps[c] == "nsubjpass"), doc.heads[v] if doc.deps[v] == "acl" else None)
    return undergoer is None or not (doc.pos[undergoer] == "PROPN" or doc.lower[undergoer] in ("he", "she", "him", "her") or doc.lemmas[undergoer].lower() in word_class("source_nouns"))


def _main_subject(doc: Doc, t: int) -> bool:
    """Whether token ``t`` is the subject of its sentence's main verb, or a name set beside it ("the
    top Republican on the committee, Sen. Jim Inhofe of Oklahoma, announced ..."; not a description
    set beside a person's name, "Muzawer Mal, a Nanakpanthi Hindu from Sindh, stood ...")."""
    if doc.deps[t] == "appos":
        h = doc.heads[t]
        if any(e.label == "PERSON" and e.start <= h < e.end for e in doc.entities):
            return False
        t = h
    return doc.deps[t] in ("nsubj", "nsubjpass") and doc.deps[doc.heads[t]] == "ROOT"


def _in_subject(doc: Doc, t: int) -> bool:
    """Whether token ``t`` is a clause's subject or lies inside one ("Young leaders, such as Gov.
    Dana Reyes, urged ...": Reyes enters as a subject too); not a name that only modifies the
    subject's noun ("Trump spokesman Jason Miller": someone else speaks; a possessor stays, "Coffman's
    bill would lift the cap" is about Coffman)."""
    if doc.deps[t] == "compound" and doc.heads[t] > t and any(doc.pos[k] == "NOUN" for k in range(t + 1, doc.heads[t] + 1)):
        return False
    for _ in range(doc.n_tokens):
        if doc.deps[t] in ("nsubj", "nsubjpass") or _passive_agent(doc, t):
            return True
        if doc.heads[t] == t or doc.pos[doc.heads[t]] in ("VERB", "AUX"):
            return False
        t = doc.heads[t]
    return False


def _main_clause(doc: Doc, v: int) -> bool:
    """Whether verb ``v`` heads its sentence's main clause, a clause joined to it by a conjunction
    ("the senator balked and walked out") or an adverbial clause of it ("as the former president
    made the rounds, he ..."), not a clause that is another's object or modifies a noun ("he tried
    to get the president to say ...")."""
    for _ in range(doc.n_tokens):
        if doc.heads[v] == v:
            return True
        if doc.deps[v] not in ("conj", "advcl"):
            return False
        v = doc.heads[v]
    return False


def _reported_by_cue(doc: Doc, t: int) -> bool:
    """Whether token ``t`` lies inside what a verb of saying reports ("Graham said it would be
    justified for the president to commute ...": "the president" is talked about, not talking):
    some clause above it is the complement of a verb of saying."""
    for _ in range(doc.n_tokens):
        h = doc.heads[t]
        if h == t:
            return False
        if doc.deps[t] in ("ccomp", "parataxis") and doc.lemmas[h].lower() in word_class("speech_verbs"):
            return True
        t = h
    return False


def _unnamed_source_before(
    doc: Doc, q: Quote, before: Sequence[Quote], mentions: Sequence[ActorMention] = (), pronoun_of: Callable[[ActorMention], str | None] = lambda m: None,
    *, described: bool = False,
) -> Quote | None:
    """The speech just before pronoun-speaker quotation ``q`` (reported, or quoted directly; ending
    in its sentence or the one before, nothing quoted between) when one unnamed person said it ("A
    former senior officer explained that ...", "One survivor warned that ...", "A spokeswoman for
    Santos told The Post, “...”"); ``he``/``she`` then refers to them."""
    if doc.lower[q.speaker_token or 0] not in ("he", "she"):
        return None
    # a partial quotation inside the report before is that report's (its mixed quote comes first)
    prev = next((p for p in reversed(before) if p.kind != "partial"), None)
    if prev is None:
        return None
    if prev.kind not in ("reported", "mixed", "direct") or prev.speaker_token is None:
        return None
    gap = q.sentence - _last_sentence_of(doc, prev, attribution=True)
    if gap > 1:
        # further back only while the text stays on that one person: nobody named as a subject between, and
        # every he or she between the same as the speaker's ("A Brooklyn woman ... Because she's
        # undocumented, she's unable ... She plans to withhold her rent ... , she said")
        between = [m for m in mentions if m.type == "person" and prev.end <= m.start < (q.speaker_start or q.start) and not q.start <= m.start < q.end]
        own = doc.lower[q.speaker_token or 0]
        if gap > 5 or any(m.kind != "pronoun" and (m.token is None or _in_subject(doc, m.token)) for m in between) or any(
            doc.lower[t] in _SEXED and _SEXED[doc.lower[t]] != _SEXED.get(own)
            for t in range(_token_range(doc, prev.end, prev.end)[0], q.speaker_token or 0)
        ) or not mentions:
            return None
    head = prev.speaker_token
    if prev.speaker_type == "pronoun" and prev.speaker is None and prev.speaker_name and doc.lower[head] == doc.lower[q.speaker_token or 0]:
        return prev  # "He said he was able ... With tears in his eyes, he said ...": the same unnamed man goes on
    if doc.pos[head] != "NOUN" or doc.lower[head] != doc.lemmas[head].lower() or doc.lemmas[head].lower() in word_class("statement_nouns") or doc.lemmas[head].lower() in word_class("organisation_nouns"):
        return None  # a name is resolved as usual; "officials" are no "he"; a report or "the government" is no person
    pron = _PRONOUNS.get(doc.lower[q.speaker_token or 0])
    if described and prev.speaker is None and doc.tags[head] == "NN" and doc.lemmas[head].lower() in _people_nouns() | _TITLE_FORMS.keys() | _JOB_FORMS.keys():
        return prev  # (when no one named may be "he": "the captain" as well, see link_speakers)
    unnamed = prev.speaker_type == "anonymous" or (
        # "One 30-year-old man ... says"; "the woman" only when no one named just before may be her
        # ("The woman, in a written petition, said ..." after "Ford was accused by a woman ...",
        # not "the woman said" after "identified only as Kimberly")
        prev.speaker_type == "unknown" and doc.lemmas[head].lower() in _people_nouns() and (
            any(doc.lower[c] in ("a", "an", "one") for c in doc.children[head])
            or not any(
                m.type == "person" and m.kind != "pronoun" and 0 <= prev.sentence - m.sentence <= 3 and m.start < (prev.speaker_start or 0)
                and pronoun_of(m) in (pron, None)
                for m in mentions
            )
        )
    )
    if not unnamed or doc.tags[head] in ("NNS", "NNPS") or doc.lower[head] in ("people", "persons"):
        return None  # "seven people who said they were teachers": no "he"
    if any(p is not prev and p.start <= (prev.speaker_start or 0) < p.end for p in before):
        return None  # a source inside what another reported ("Sabo said seven people who said ... had been arrested")
    return prev


def _main_subject_pronoun(doc: Doc, q: Quote, pron: str | None, by_token: dict[int, ActorMention], quoted: Sequence[tuple[int, int]]) -> ActorMention | None:
    """The person the main-clause subject of the sentence before quotation ``q`` refers to, when
    that subject is the same pronoun as the speaker's, outside quotation marks and resolved."""
    if pron is None or q.sentence == 0:
        return None
    prev = doc.sentences[q.sentence - 1]
    for t in range(prev.token_start, prev.token_end):
        if doc.deps[t] == "nsubj" and doc.deps[doc.heads[t]] == "ROOT" and _PRONOUNS.get(doc.lower[t]) == pron and not any(a <= doc.starts[t] < b for a, b in quoted):
            m = by_token.get(t)
            return m if m is not None and m.kind == "pronoun" and m.type == "person" else None
    return None


def _asks_someone(doc: Doc, q: Quote, last: Quote, quoted: Sequence[tuple[int, int]]) -> bool:
    """Whether quotation ``last``, just before ``q`` (no quotation between, at most one sentence
    apart), is a question put to someone ("“Will you support the bill?”"): it ends with a question
    mark and speaks to a "you". A question without "you" ("“Who is going to pay for this?” asked
    Paul. “Not me,” he said") is the speaker's own, rhetorical."""
    text = doc.text[last.start : last.end].rstrip(" \"”’'")
    if not text.endswith("?") or q.sentence - _last_sentence_of(doc, last, attribution=True) > 1:
        return False
    if last.cue is None:
        return False  # a paragraph of someone's quotation going on ("“... what is there to fear?" / "“I’m very disappointed ...,” he said")
    if any(last.end <= a < q.start for a, _ in quoted):
        return False
    return re.search(r"\b(you|your|yours|yourself)\b", text, re.IGNORECASE) is not None


#: Verbs of putting a question to someone
_ASK_VERBS = frozenset({"ask", "question", "interview", "press"})


def _interviewed(doc: Doc, q: Quote, mentions: Sequence[ActorMention], quoted: Sequence[tuple[int, int]]) -> ActorMention | None:
    """The person the writer or another reporter put a question to, in the pronoun speaker's
    sentence or the two before it, with no other person as a subject since ("When USA TODAY asked
    Meadows what message ..., he responded: “...”"; "I asked Anthony Leiserowitz, the director of
    ... His group has been studying ... “...,” he said"). The asker is no person of the story: "I",
    "we", an outlet, "reporters", "a host"."""
    t0 = q.speaker_token or 0
    first = doc.sentences[max(0, _sentence_of(doc, t0) - 2)].token_start
    people = {t for m in mentions if m.type == "person" for t in range(*_token_range(doc, m.start, m.end))}
    found: ActorMention | None = None
    for m in mentions:
        if m.token is None or not first <= m.token < t0 or any(a <= m.start < b for a, b in quoted) or m.kind == "pronoun":
            continue
        if m.type == "person" and _in_subject(doc, m.token) and found is not None:
            found = None  # someone else took over as the subject since
        if m.type != "person" or doc.deps[m.token] not in ("dobj", "dative"):
            continue
        verb = doc.heads[m.token]
        if doc.lemmas[verb].lower() not in _ASK_VERBS or any(doc.deps[c] == "xcomp" for c in doc.children[verb]):
            continue  # "asked him to resign" is a request, not a question
        asker = next((c for c in doc.children[verb] if doc.deps[c] == "nsubj"), None)
        if asker is None or not (
            doc.lower[asker] in ("i", "we")
            or (doc.pos[asker] == "NOUN" and doc.lemmas[asker].lower() in ("reporter", "journalist", "host", "moderator", "interviewer", "anchor"))
            or (doc.pos[asker] == "PROPN" and asker not in people)  # an outlet: "USA TODAY asked", "CNN asked"
        ):
            continue
        found = m
    return found


def _pronoun_construction(
    doc: Doc, q: Quote, last: Quote | None, mentions: Sequence[ActorMention], gazetteer: Gazetteer | None, quoted: Sequence[tuple[int, int]]
) -> tuple[bool, ActorMention | None]:
    """(found, person) for a pronoun speaker in constructions that decide who it is whatever else
    was named: the person the reporter asked (:func:`_interviewed`), the answer to a question put
    to "you", and a titled subject since the last name ("the senator balked ... “...,” he said").
    ``found`` False: none of them is there."""
    pron = _PRONOUNS.get(doc.lower[q.speaker_token or 0])
    reporter = _reporting_subject(doc, q, mentions)
    if reporter is not None and (gazetteer is None or _pronoun_of(reporter, doc, gazetteer) in (pron, None)):
        return True, reporter
    replied_to = _asked_before_reply(doc, q, mentions)
    if replied_to is not None and (gazetteer is None or _pronoun_of(replied_to, doc, gazetteer) in (pron, None)):
        return True, replied_to
    interviewed = _interviewed(doc, q, mentions, quoted)
    if interviewed is not None and (gazetteer is None or _pronoun_of(interviewed, doc, gazetteer) in (pron, None)):
        return True, interviewed
    wondered = _writer_question_about(doc, q, mentions, quoted)
    if wondered is not None and (gazetteer is None or _pronoun_of(wondered, doc, gazetteer) in (pron, None)):
        return True, wondered
    if last is not None and last.speaker is not None and _asks_someone(doc, q, last, quoted):
        # "“Will you support the bill?” asked Jane Cole. “Absolutely not,” he said": the answer is
        # the person asked, named before the question, not the one who asked
        asked = [
            m for m in mentions
            if m.kind != "pronoun" and m.type == "person" and m.actor != last.speaker and m.start < last.start and last.sentence - m.sentence <= 3
            and not any(a <= m.start < b for a, b in quoted) and (gazetteer is None or _pronoun_of(m, doc, gazetteer) in (pron, None))
        ]
        return True, asked[-1] if asked else None
    # a titled subject since the resolved name ("Colbert asked Sanders ..., the senator balked ...
    # “...,” he said"): the person given that title
    first = doc.sentences[max(0, q.sentence - 1)].token_start
    titled = [
        t for t in range(first, q.speaker_token or 0)
        if doc.deps[t] in ("nsubj", "nsubjpass") and doc.lower[t] in _TITLE_FORMS and not q.start <= doc.starts[t] < q.end
        and not any(a <= doc.starts[t] < b for a, b in quoted)  # (not "the president won fair and square" in the quotation before)
        and not _reported_by_cue(doc, t)
        # in the sentence before, a main clause's subject: not "he tried to get the president to say ..."
        and (_main_clause(doc, doc.heads[t]) or _sentence_of(doc, t) == _sentence_of(doc, q.speaker_token or 0))
    ]
    named_after = titled and any(
        m.kind != "pronoun" and m.type == "person" and m.token is not None and titled[-1] < m.token < (q.speaker_token or 0) and doc.deps[m.token] in ("nsubj", "nsubjpass")
        and not q.start <= m.start < q.end  # a name inside the quotation itself is not who speaks
        for m in mentions
    )
    if titled and not named_after:
        t = titled[-1]
        lo, hi = subtree_span(doc, t)
        person = _titled_person(doc, t, lo, hi + 1, _sentence_of(doc, t), mentions, gazetteer)
        if person is not None and (gazetteer is None or _pronoun_of(person, doc, gazetteer) in (pron, None)):
            return True, person
    introduced = _introduced_just_before(doc, q, mentions)
    if introduced is not None and gazetteer is not None and _pronoun_of(introduced, doc, gazetteer) == pron:
        return True, introduced
    return False, None


def _reporting_subject(doc: Doc, q: Quote, mentions: Sequence[ActorMention]) -> ActorMention | None:
    """The person a pronoun speaker is when it is the subject of what that person is reported to
    say ("Mario Orosa, 44, ... said he had asked Mr. Obama, “...”": he is Orosa); not when the verb
    of saying has a person as its object too ("Trump told Merkel that she ...": she may be Merkel)."""
    p = q.speaker_token
    if p is None or doc.deps[p] not in ("nsubj", "nsubjpass") or doc.lower[p] not in ("he", "she"):
        return None
    v = doc.heads[p]
    matrix = doc.heads[v]
    if doc.deps[v] != "ccomp" or matrix >= p or doc.lemmas[matrix].lower() not in word_class("speech_verbs"):
        return None
    kids = doc.children[matrix]
    by_token = {m.token: m for m in mentions if m.token is not None and m.kind != "pronoun"}
    if any(doc.deps[c] in ("dobj", "dative") and (by_token.get(c) is not None or doc.pos[c] == "PRON") for c in kids):
        return None
    subj = next((c for c in kids if doc.deps[c] == "nsubj"), None)
    person = by_token.get(subj) if subj is not None else None
    return person if person is not None and person.type == "person" and not q.start <= person.start < q.end else None


def _asked_before_reply(doc: Doc, q: Quote, mentions: Sequence[ActorMention]) -> ActorMention | None:
    """The person asked earlier in the sentence where a pronoun replies ("Trump asked Brown what he
    thought of the scene, to which he replied, “...”"): who answers is who was asked."""
    t = q.speaker_token
    if t is None or not doc.has_syntax or doc.lemmas[doc.heads[t]].lower() not in ("reply", "respond", "answer", "retort"):
        return None
    first = doc.sentences[_sentence_of(doc, t)].token_start
    by_token = {m.token: m for m in mentions if m.token is not None and m.type == "person" and m.kind != "pronoun"}
    for v in range(t - 1, first - 1, -1):
        if doc.lemmas[v].lower() == "ask" and doc.pos[v] == "VERB":
            asked = [by_token[c] for c in doc.children[v] if doc.deps[c] in ("dobj", "dative") and c in by_token]
            return asked[0] if asked else None
    return None


def _addressed(doc: Doc, q: Quote, mentions: Sequence[ActorMention]) -> set[str]:
    """The people quotation ``q``'s cue is said to ("he told Mr. Patrick", "she said to Smith"): none of
    them is its speaker."""
    if q.cue_start is None or not doc.has_syntax:
        return set()
    cue = _token_range(doc, q.cue_start, q.cue_end or q.cue_start + 1)[0]
    objects = [c for c in doc.children[cue] if doc.deps[c] in ("dobj", "dative")]
    objects += [g for c in doc.children[cue] if doc.deps[c] in ("prep", "dative") and doc.lower[c] == "to" for g in doc.children[c] if doc.deps[g] == "pobj"]
    return {m.actor for m in mentions if m.token in objects and m.type == "person" and m.kind != "pronoun"}


def _writer_question_about(doc: Doc, q: Quote, mentions: Sequence[ActorMention], quoted: Sequence[tuple[int, int]]) -> ActorMention | None:
    """The one person named in a question the writer asks right before a quotation that opens its
    paragraph ("Does that trouble Singer?" / "“I feel very strongly ...,” he said"): the quotation
    is that person's answer."""
    if q.sentence == 0 or q.speaker_start is None or q.speaker_start < q.start or doc.text[doc.text.rfind("\n", 0, q.start) + 1 : q.start].strip():
        return None
    prev = doc.sentences[_story_sentence_before(doc, q.sentence)]
    a, b = doc.starts[prev.token_start], doc.ends[prev.token_end - 1]
    if not doc.text[a:b].rstrip().endswith("?") or any(x < b and a < y for x, y in quoted):
        return None
    named = {m.actor: m for m in mentions if m.type == "person" and m.kind != "pronoun" and a <= m.start < b}
    return next(iter(named.values())) if len(named) == 1 else None


def _introduced_just_before(doc: Doc, q: Quote, mentions: Sequence[ActorMention]) -> ActorMention | None:
    """The person a sentence of "be" introduces right before a quotation that opens its paragraph
    ("One is Patty Murray of Washington state." / "“My state voted ...,” she says"), named there
    for the first time in the text."""
    if q.sentence == 0 or doc.text[doc.text.rfind("\n", 0, q.start) + 1 : q.start].strip():
        return None
    prev = doc.sentences[q.sentence - 1]
    root = next((t for t in range(prev.token_start, prev.token_end) if doc.deps[t] == "ROOT"), None)
    if root is None or doc.lemmas[root].lower() != "be":
        return None
    named = [m for m in mentions if m.type == "person" and m.kind != "pronoun" and m.token is not None and m.sentence == q.sentence - 1 and doc.deps[m.token] in ("attr", "nsubj")]
    if len(named) != 1 or any(x.actor == named[0].actor and x.start < named[0].start for x in mentions):
        return None
    return named[0]


def _pronoun_speaker(
    doc: Doc,
    q: Quote,
    resolved: ActorMention | None,
    last: Quote | None,
    by_token: dict[int, ActorMention],
    mentions: Sequence[ActorMention],
    gazetteer: Gazetteer | None,
    quoted: Sequence[tuple[int, int]] = (),
) -> ActorMention | None:
    """The person a pronoun speaker is by the hand-written rules (see :func:`link_speakers`; after
    :func:`_pronoun_construction`, and for "he"/"she" only when the ranker's model is missing);
    ``quoted`` are the character spans of the article's quotations (a name inside one is not a
    subject of the outlet's)."""
    pron = _PRONOUNS.get(doc.lower[q.speaker_token or 0])
    continued = _main_subject_pronoun(doc, q, pron, by_token, quoted)
    if continued is not None and (resolved is None or continued.actor != resolved.actor):
        # "He took a shot at how President Obama sells the deal. “...,” he said": the main
        # subject of the sentence before, a "he" already resolved, goes on (not a name in its object)
        return continued
    if resolved is not None:
        # a subject inside what the last source reported ("Bahar said Liu had found ... “...,” she
        # said") is talked about, not talking: the source goes on speaking
        reported = (last.start, last.end) if last is not None and last.kind in ("reported", "mixed") else (0, 0)
        ref_sentence = next((m.sentence for m in by_token.values() if m.actor == resolved.actor and m.kind != "pronoun" and m.sentence <= q.sentence and m.token is not None and doc.deps[m.token] in ("nsubj", "nsubjpass") and q.sentence - m.sentence <= 1 and not reported[0] <= m.start < reported[1]), None)
        if ref_sentence is not None:
            return resolved  # the subject of this or the last sentence: a source just introduced
    # counted from the sentence where the last quotation ends: a long quotation is no gap
    last_sentence = _last_sentence_of(doc, last) if last is not None else 0
    if last is not None and last.speaker is not None:
        # ... or from the last sentence the source is the subject of, named or as a pronoun ("He
        # mulls ... He advocates ... “...,” he says"): the text is still about that source
        last_sentence = max(
            [last_sentence]
            + [
                m.sentence for m in by_token.values()
                if m.actor == last.speaker and m.token is not None and last.end <= m.start < (q.speaker_start or 0)
                and not q.start <= m.start < q.end and _in_subject(doc, m.token)
            ]
        )
    # (however far back, when nobody at all is named between: "“...,” Elliott said ... [a sidebar
    # of screening rules] ... “...,” he says")
    near = last is not None and (q.sentence - last_sentence <= 4 or not any(m.type == "person" and m.actor != last.speaker and last.end <= m.start < q.start for m in mentions))
    if last is not None and last.speaker is not None and near and pron is not None:
        prev = next((m for m in by_token.values() if m.actor == last.speaker), None)
        compatible = gazetteer is None or (prev is not None and _pronoun_of(prev, doc, gazetteer) in (pron, None))
        # news goes on quoting the same source, unless another person entered the text since
        newcomers = {
            m.actor
            for m in by_token.values()
            if m.type == "person" and m.kind != "pronoun" and last.end <= m.start < (q.speaker_start or 0) and m.actor != last.speaker
            and not q.start <= m.start < q.end  # a person named inside the quotation is not who speaks it
            and m.token is not None and _in_subject(doc, m.token)  # "talks with ... Xi Jinping. “...,” he told": a person in an object is no new subject
            and (gazetteer is None or _pronoun_of(m, doc, gazetteer) in (pron, None))
        }
        if prev is not None and compatible and not newcomers:
            return prev
    if resolved is None:  # the person who is the subject of the sentence before the quotation
        before = [
            m for m in mentions
            if m.kind != "pronoun" and m.type == "person" and m.sentence == q.sentence - 1 and m.token is not None and doc.deps[m.token] in ("nsubj", "nsubjpass")
            and not any(a <= m.start < b for a, b in quoted)
            and (gazetteer is None or _pronoun_of(m, doc, gazetteer) in (pron, None))
        ]
        if before:
            return before[-1]
    return resolved


def _bucket(d: int) -> str:
    return "0" if d <= 0 else "1" if d == 1 else "2" if d == 2 else "3" if d == 3 else "4-5" if d <= 5 else "6+"


def speaker_candidates(
    doc: Doc,
    q: Quote,
    before: Sequence[Quote],
    last: Quote | None,
    mentions: Sequence[ActorMention],
    pronoun_of: Callable[[ActorMention], str | None],
    quoted: Sequence[tuple[int, int]],
    *,
    story: Sequence[int] | None = None,
) -> list[tuple[ActorMention, dict[str, float]]]:
    """The people quotation ``q``'s "he"/"she" speaker may be, each with its features (named as in
    :data:`framing.actors.speaker_ranker.FEATURES`; :func:`framing.actors.speaker_ranker.rank` orders them).

    ``before`` are the quotations resolved so far (in text order), ``last`` the last one a named
    person spoke; ``pronoun_of`` gives a mention's he/she (None when unknown); ``quoted`` are the
    character spans of the article's quotations. A candidate is a person referred to (by name, or by
    a pronoun already resolved) before the quotation and its speaker, within :data:`WINDOW` story
    sentences; it is represented by its last named mention. ``story`` is :func:`_story_sentences`
    of the document when the caller has it."""
    if q.speaker_token is None or q.speaker_start is None:
        return []
    pron = _SEXED.get(doc.lower[q.speaker_token])  # ("His prepared remarks were released: “...”")
    anchor = min(q.start, q.speaker_start)
    speaker_sentence = _sentence_of(doc, q.speaker_token)
    here = speaker_sentence if q.speaker_start < q.start else q.sentence
    story = story if story is not None else _story_sentences(doc)
    para_start = doc.text.rfind("\n", 0, anchor) + 1

    def inside_quote(char: int) -> bool:
        return any(a <= char < b for a, b in quoted)

    persons = [m for m in mentions if m.type == "person" and m.start < anchor and story[here] - story[m.sentence] <= RANKER_WINDOW and not _on_link_line(doc, m.start)]
    named = [m for m in mentions if m.type == "person" and m.kind != "pronoun"]
    by_actor: dict[str, list[ActorMention]] = {}
    for m in persons:
        by_actor.setdefault(m.actor, []).append(m)
    speakers = [p.speaker for p in before if p.speaker]
    prev_speaker = next((p.speaker for p in reversed(before) if p.speaker), None)
    gap_last = here - _last_sentence_of(doc, last) if last is not None else 99
    asked = last is not None and bool(re.search(r"\?\W*$", doc.text[last.start : last.end])) and bool(re.search(r"\b(you|your)\b", doc.text[last.start : last.end], re.IGNORECASE))
    first_named = named[0].actor if named else None
    in_q = {m.actor for m in mentions if m.type == "person" and q.start <= m.start < q.end and m.kind != "pronoun"}
    since_last = last.end if last is not None else -1
    newcomers = {
        m.actor for m in persons
        if m.kind != "pronoun" and m.start >= since_last and m.token is not None and _in_subject(doc, m.token) and not inside_quote(m.start)
    }
    if q.cue_start is not None and q.cue_end is not None and doc.has_syntax:
        # "“It’s clear he doesn’t make the decisions,” he said of Mr. Morsi": whom the words are
        # about is not who says them
        cue = _token_range(doc, q.cue_start, q.cue_end)[0]
        about = {g for c in doc.children[cue] if doc.deps[c] == "prep" and doc.lower[c] in ("of", "about") for g in doc.children[c] if doc.deps[g] == "pobj"}
        spoken_of = {m.actor for m in mentions if m.token in about and m.type == "person"}
        for a in spoken_of:
            by_actor.pop(a, None)
    order = sorted(by_actor, key=lambda a: by_actor[a][-1].start, reverse=True)
    genders = {a: pronoun_of((([m for m in by_actor[a] if m.kind != "pronoun"] or [m for m in named if m.actor == a]) or by_actor[a])[-1]) for a in order}
    agreeing = [a for a in order if genders[a] is not None and genders[a] == pron]
    anchor_token = min(q.speaker_token, _token_range(doc, q.start, q.start)[0])
    # who was the subject (of any clause / of the main clause) most recently, outside quotations
    latest: dict[str, str | None] = {"any": None, "main": None}
    if doc.has_syntax:
        for m in sorted(persons, key=lambda m: m.start):
            if m.token is None or inside_quote(m.start):
                continue
            if _in_subject(doc, m.token):
                latest["any"] = m.actor
            if _main_subject(doc, m.token):
                latest["main"] = m.actor
    out: list[tuple[ActorMention, dict[str, float]]] = []
    for position, actor in enumerate(order):
        ms = by_actor[actor]
        own = [m for m in ms if m.kind != "pronoun"]
        rep = (own or [m for m in named if m.actor == actor] or ms)[-1]
        lm = ms[-1]
        f: dict[str, float] = {}
        f["last_any_" + _bucket(story[here] - story[lm.sentence])] = 1
        f["last_named_" + _bucket(story[here] - story[own[-1].sentence] if own else 99)] = 1
        f["rank_" + (str(position) if position < 3 else "3+")] = 1
        g = genders[actor]
        f["gender_agrees"] = float(g is not None and g == pron)
        f["gender_conflicts"] = float(g is not None and pron is not None and g != pron)
        t = lm.token
        if t is not None and doc.has_syntax:
            f["last_is_subject"] = float(_in_subject(doc, t))
            f["last_is_main_subject"] = float(_main_subject(doc, t))
            f["last_reported"] = float(_reported_by_cue(doc, t))
            f["last_possessive"] = float(doc.deps[t] == "poss")
            f["last_prep_object"] = float(doc.deps[t] == "pobj" and not _passive_agent(doc, t))
            f["last_object"] = float(doc.deps[t] in ("dobj", "dative"))
            subj = [m for m in ms if m.token is not None and _in_subject(doc, m.token) and not inside_quote(m.start)]
            f["subject_within_2"] = float(any(story[here] - story[m.sentence] <= 2 for m in subj))
            f["subject_prev_sentence"] = float(any(story[here] - story[m.sentence] == 1 for m in subj))
        f["last_in_quotation"] = float(inside_quote(lm.start))
        f["all_in_quotation"] = float(all(inside_quote(m.start) for m in ms))
        is_last = last is not None and last.speaker == actor
        f["is_last_speaker"] = float(is_last)
        if is_last:
            f["is_last_speaker_gap_0_1" if gap_last <= 1 else "is_last_speaker_gap_2_4" if gap_last <= 4 else "is_last_speaker_gap_5+"] = 1
        f["is_previous_quote_speaker"] = float(prev_speaker == actor)
        f["spoke_before"] = float(actor in speakers)
        f["asked_question_before"] = float(asked and is_last)
        f["mentions_log"] = math.log1p(len(ms))
        f["mentions_recent"] = float(sum(1 for m in ms if story[here] - story[m.sentence] <= 3))
        f["first_person_named"] = float(actor == first_named)
        f["unsure_name"] = float(_unsure_name(doc, rep))
        f["named_in_this_quote"] = float(actor in in_q)
        f["same_paragraph"] = float(lm.start >= para_start)
        f["newcomer_subject_since_last_quote"] = float(actor in newcomers and not is_last)
        f["tokens_log"] = math.log1p(max(0, anchor_token - (lm.token if lm.token is not None else anchor_token)))
        f["subject_in_this_sentence"] = float(doc.has_syntax and any(m.sentence == speaker_sentence and m.token is not None and _in_subject(doc, m.token) and not inside_quote(m.start) for m in ms))
        f["last_speaker_and_most_recent"] = float(is_last and position == 0)
        f["only_agreeing"] = float(agreeing == [actor])
        f["last_is_same_pronoun"] = float(lm.kind == "pronoun" and lm.token is not None and _PRONOUNS.get(doc.lower[lm.token]) == pron)
        f["pronoun_before_quotation"] = float(q.speaker_start < q.start)
        f["latest_subject"] = float(latest["any"] == actor)
        f["latest_main_subject"] = float(latest["main"] == actor)
        out.append((rep, f))
    return out
