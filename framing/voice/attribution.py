"""Who says what: quotations and reported speech attributed from the dependency parse.

Attribution starts from the syntax, then uses the quotation marks:

* a **cue** is a verb of saying (``lexicons/word_classes.toml``, by lemma: said, told, warned,
  claimed ...) or the phrase "according to";
* its **speaker** is the cue's subject (``nsubj``; for "according to X", X), followed up through
  coordination and control when the cue has none of its own ("... and added"); any noun phrase
  counts: a name the gazetteer lacks ("Mr. Burton"), "a Coca-Cola spokesman", "officials", a
  pronoun;
* a **quotation** (:func:`framing.text.quotes.find_quote_spans`) belongs to the cue it hangs from
  in the parse (its words' heads lead out of the quotation to the cue), else to a cue right after
  its closing mark or right before its opening mark in the same sentence ("Leavitt replied:
  “...”"), else to the cue that closes the unquoted sentence just before it in the same paragraph
  ("..., Moutier said. “...”"), else to the speaker of the quotation just before it (a quotation that runs on over
  sentences or paragraphs), or of the sentence before it when that sentence ends "X said:";
* a quoted phrase with no verb inside the writer's own clause is a **partial** quote
  (called the talks “very dangerous”): attributed, so not a scare quote;
* the clausal complement of a cue with no quotation marks is **reported** speech ("X said that
  ...", "X told reporters the deal ..."); with a quoted phrase inside, it is **mixed**; a negated
  cue ("didn't say") or the object of a free relative ("what he says") reports nothing;
* a quotation introduced by a colon with no cue takes the subject of the clause the colon ends
  ("Kendi was blunt: “...”"); one followed by a dash and a name on its line is a pull quote of
  that person ("“...” — Christine Moutier, ...").

Why this module is long: the cases above share one index of the text (token ranges of every
quotation, which tokens are inside one, sentence of each token) and many helpers; split into
modules, each would rebuild that index or pass it around, and the rules read best side by side.

Every result keeps the spans of its content, cue and speaker. Speakers are resolved to actors by
:func:`framing.actors.mentions.link_speakers` (pronouns to the nearest compatible named person).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from framing.inputs.debris import is_inline_debris, line_at, on_link_line
from framing.markers.word_classes import attribution_class, word_class
from framing.text.parse import PLURAL_TITLES, is_age_noun, subtree_span
from framing.text.quotes import QuoteSpan, find_quote_spans
from framing.types import Doc, Entity, Quote, Sentence

__all__ = ["MIN_QUOTE_WORDS", "find_quotes", "speaker_type"]

#: An unattributed quotation shorter than this (in words) is not a source's words but a scare
#: quote (the outlet's distance from a word); a longer one is a quotation whose speaker was not found.
MIN_QUOTE_WORDS = 5
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_CLAUSE_DEPS = ("ccomp", "parataxis", "xcomp", "advcl", "conj", "dep", "acomp", "oprd")
#: Texts a name may own besides ``statement_nouns`` ("Read the Times story:")
_TEXT_NOUNS = frozenset({"story", "article", "column", "interview", "piece"})
_CUE_AFTER = 4  # tokens after a closing mark in which its cue is looked for (more across a name)
_CUE_BEFORE = 10  # tokens before an opening mark in which its cue is looked for
#: Words that make "put it" a placing, not a way of saying ("put it on the table", "put it back")
_PLACING_WORDS = frozenset(["on", "onto", "into", "under", "over", "behind", "near", "inside", "beside", "to", "back", "away", "down", "off", "aside", "up", "out", "together", "forward"])
#: Verbs of saying whose object is whom the words are said to ("“...,” told reporters"), not who says them
_RECIPIENT_VERBS = frozenset(["tell", "ask", "inform", "remind", "brief", "notify", "assure", "urge", "warn", "advise", "counsel", "implore", "beg", "answer", "quote", "cite", "call", "dub", "label", "brand", "term"])
_CLAUSES = frozenset({"relcl", "acl", "advcl"})
_WH_WORDS = frozenset({"why", "how", "whether", "if", "what", "when", "where", "who", "which", "whom"})
#: Nouns of a work whose title follows in quotation marks ("his new book “...”")
_WORK_NOUNS = frozenset({"book", "memoir", "novel", "film", "movie", "documentary", "show", "series", "programme", "program", "podcast", "album", "song", "play", "column", "essay", "article", "op-ed", "headline", "painting", "exhibition", "episode"})
#: Nouns for what someone says that a colon may introduce ("Stahl's question was simple: “...”")
_UTTERANCE_NOUNS = frozenset({
    "question", "answer", "reply", "response", "message", "advice", "retort", "plea", "warning", "verdict", "argument", "explanation",
    "remark", "comment", "testimony", "speech",  # "His prepared remarks were released by the committee: “...”"
})
#: Texts whose contents a writer reports with "show" ("records show")
_RECORD_NOUNS = frozenset({"record", "document", "filing", "report", "transcript", "memo", "letter", "email"})
#: Verbs whose subject makes the claim that is their object ("made a promise", "repeated the charge")
_CLAIM_MAKERS = frozenset({"make", "issue", "repeat", "reiterate", "renew", "voice", "offer", "give", "deliver", "level", "publish", "release"})
#: What may stand between a name and the "who" of its relative clause: a comma, and a party
#: and state label (", R-Wisc.,", " (D-N.Y.),")
_PARTY_LABEL_GAP = re.compile(r"\s*(?:,\s*\(?[DRI]-[A-Za-z. ]{2,14}\)?\s*)?,\s*")

#: Verbs that put a state of mind into words, and the nouns that then report what was said
#: ("voiced a concern that ...", "expressed hope that ..."; "his concern that ..." alone is a thought)
_VOICING_VERBS = frozenset({"voice", "express", "raise", "air"})
_VOICED_NOUNS = frozenset({"concern", "fear", "worry", "doubt", "hope", "objection", "view", "frustration", "skepticism", "confidence", "optimism"})
_ENTITY_TYPES = {"PERSON": "person", "ORG": "organisation", "GPE": "state", "NORP": "group", "FAC": "organisation"}


def _token_of_char(doc: Doc, char: int) -> int:
    return bisect_left(doc.starts, char)


def _sentence_index(doc: Doc) -> list[int]:
    out = [0] * doc.n_tokens
    for s in doc.sentences:
        for i in range(s.token_start, s.token_end):
            out[i] = s.index
    return out


def _is_cue(doc: Doc, i: int, *, quotation: bool = False) -> bool:
    """Whether token ``i`` is a verb of saying; with ``quotation``, also one that only introduces
    a quotation it is next to ("“...,” he continued")."""
    if doc.lower[i] in ("read", "reads", "reading"):  # "the statement read", "the letter reads": a text says its words (the tagger may take "read" for a noun)
        after_quote = quotation and i > 0 and doc.tokens[i - 1] in (",", "”", '"')  # "“...,” read a memo from ...": inverted
        if any(
            (doc.deps[c] == "nsubj" or (after_quote and doc.deps[c] == "dobj" and c > i)) and doc.lemmas[c].lower() in word_class("statement_nouns")
            for c in doc.children[i]
        ):
            return True
        return _text_read(doc, i) is not None
    if quotation and doc.deps[i] == "acl" and doc.tags[i] in ("VBD", "VBN") and _inverted_after_quote(doc, i):
        # "“...,” Chopra, 37, posted on Instagram", "“...,” one protester yelled at police": the
        # parser made the speaker a noun and the verb a participle describing it
        lemma = doc.lemmas[i].lower()
        return lemma in word_class("speech_verbs") or lemma in word_class("quote_verbs") or (
            lemma in word_class("object_speech_verbs") and not any(doc.deps[c] == "dobj" for c in doc.children[i])
        )
    if _opening_said(doc, i) is not None:
        return True  # "Said Sekulow, “...”" (the tagger may take "Said" for a name)
    if doc.lemmas[i].lower() in _VOICING_VERBS and any(
        doc.deps[c] == "dobj" and doc.lemmas[c].lower() in _VOICED_NOUNS
        and any(doc.deps[g] in ("acl", "ccomp") and any(doc.deps[m] == "mark" and doc.lower[m] == "that" for m in doc.children[g]) for g in doc.children[c])
        for c in doc.children[i]
    ):
        return True  # "Edmund Randolph voiced a concern at the Convention that “the prerogative of pardon ...”"
    if doc.lemmas[i].lower() == "show":  # "records show", "documents showed": a text is the source; "the video shows him", "polls show" are not
        return any(doc.deps[c] == "nsubj" and doc.lemmas[c].lower() in _RECORD_NOUNS for c in doc.children[i])
    if doc.pos[i] not in ("VERB", "AUX") and not (doc.pos[i] == "NOUN" and doc.tags[i].startswith("VB")):
        return False
    lemma = doc.lemmas[i].lower()
    if lemma == "put":
        # "as he put it, “...”", "“...,” Montanaro put it in an analysis" (not "put it on the table")
        kids = doc.children[i]
        return quotation and any(doc.deps[c] == "dobj" and doc.lower[c] == "it" for c in kids) and not any(
            doc.deps[c] == "prt" or (doc.deps[c] in ("prep", "advmod") and doc.lower[c] in _PLACING_WORDS) for c in kids
        )
    if lemma in word_class("object_speech_verbs"):  # "released a statement", not "released the tape"
        if doc.deps[i] == "acl" and not (quotation and doc.heads[i] < i and doc.pos[i - 1] == "PROPN" and doc.lemmas[doc.heads[i]].lower() not in word_class("statement_nouns")):
            # "a statement issued on Monday": the participle describes the statement (but after a
            # quotation, "“...,” Press Secretary Sarah Sanders released in a statement" is a cue
            # the parser hung from a noun inside the quotation)
            return False
        # ("issue an order" is an act, though "the order says" is a text speaking)
        return all(doc.lemmas[c].lower() in word_class("statement_nouns") and doc.lemmas[c].lower() != "order" for c in doc.children[i] if doc.deps[c] == "dobj")
    if lemma in word_class("speech_verbs"):
        return True
    if quotation and lemma == "go" and any(doc.deps[c] == "prt" and doc.lower[c] == "on" for c in doc.children[i]):
        lemma = "continue"  # "“...,” Collins went on.": goes on as "continued" does
    if quotation and lemma in word_class("quote_verbs"):
        # "“...,” he continued", not "continued its expansion", "continued to push", "the talks
        # continued" (nor "the statement ... It continued, “...”": the text goes on, see _continued)
        # (nor "activists must continue “until every ...”": a modal or "to" makes it no report)
        kids = doc.children[i]
        if any(doc.deps[c] == "aux" and (doc.tags[c] == "MD" or doc.lower[c] == "to") for c in kids):
            return False
        # ("“...,” the Israeli woman yelled at the Palestinian": whom it was shouted at)
        return not any(doc.deps[c] in ("dobj", "xcomp", "attr", "acomp") or (doc.deps[c] == "prep" and doc.lower[c] != "at") for c in kids) and any(
            doc.deps[c] == "nsubj" and (
                (doc.pos[c] == "PRON" and doc.lower[c] != "it") or doc.pos[c] == "PROPN" or doc.lemmas[c].lower() in word_class("source_nouns")
                or doc.lemmas[c].lower() in _DESCRIBED_PEOPLE or doc.lemmas[c].lower() in word_class("stance_nouns")  # "“...,” the democratic socialist continued"
                or doc.lemmas[c].lower() in _SOMEONE_NOUNS  # "“Why is there not an arrest?” one woman yelled"
                or doc.lemmas[c].lower() in word_class("statement_nouns")  # "“...,” the document continued"
            )
            for c in kids
        )

    # phrasal verbs of saying: "shot back", "pointed out"
    phrasal = word_class("phrasal_speech_verbs")
    return any(f"{lemma} {doc.lower[c]}" in phrasal for c in doc.children[i] if doc.deps[c] in ("prt", "advmod"))


def _text_read(doc: Doc, i: int) -> int | None:
    """For a "read" in a clause or participle that describes a text ("a coat that read, “...”",
    "One sign, sounding like a rebuke, read in Spanish, “...”"): that text's noun (a statement
    noun), else None."""
    h = i
    for _ in range(3):
        if doc.deps[h] not in ("relcl", "acl", "conj") or doc.heads[h] >= h:
            return None
        h = doc.heads[h]
        if doc.pos[h] in ("NOUN", "PROPN"):
            return h if doc.lemmas[h].lower() in word_class("statement_nouns") else None
    return None


def _opening_said(doc: Doc, i: int) -> int | None:
    """For "Said"/"Says"/"Added" opening a sentence the tagger read as part of a name ("Said
    Sekulow, “...”"): the last word of the name after it, which a comma or colon ends; else None."""
    if doc.tokens[i] not in ("Said", "Says", "Added", "Adds") or doc.pos[i] != "PROPN":
        return None
    if not (i == 0 or doc.tokens[i - 1] in (".", "!", "?", "”", '"') or "\n" in doc.text[doc.ends[i - 1] : doc.starts[i]]):
        return None
    k = i + 1
    while k < doc.n_tokens and doc.pos[k] == "PROPN":
        k += 1
    return k - 1 if k > i + 1 and k < doc.n_tokens and doc.tokens[k] in (",", ":") else None


def _inverted_after_quote(doc: Doc, i: int) -> bool:
    """Whether participle ``i`` describes a noun that follows a closing quotation mark right away
    (with its determiners, numbers, adjectives, an age: "” one protester yelled", "” Chopra, 37,
    posted"), the way an inverted attribution looks when the parser misreads it."""
    h = doc.heads[i]
    if h >= i or doc.pos[h] not in ("NOUN", "PROPN"):
        return False
    k = h
    while k > 0 and doc.heads[k - 1] == h and doc.deps[k - 1] in ("det", "nummod", "amod", "compound"):
        k -= 1
    if k == 0 or doc.tokens[k - 1] not in ('"', "”", "''", "’’"):
        return False
    between = [t for t in range(h + 1, i) if doc.tokens[t] != ","]
    return all(doc.heads[t] == h and doc.deps[t] in ("appos", "nummod") and doc.pos[t] == "NUM" for t in between)


def _per_source(doc: Doc, i: int) -> int | None:
    """The source of "Per the New York Times, “...”": the object of a "per" that opens its
    sentence and is followed by a comma (not "per year", "per capita")."""
    if doc.lower[i] != "per" or not (i == 0 or doc.tokens[i - 1] in (".", "!", "?") or "\n" in doc.text[doc.ends[i - 1] : doc.starts[i]]):
        return None
    obj = next((c for c in doc.children[i] if doc.deps[c] == "pobj"), None)
    if obj is None or not (doc.pos[obj] == "PROPN" or doc.lemmas[obj].lower() in word_class("source_nouns")):
        return None
    end = subtree_span(doc, obj)[1]
    return obj if end + 1 < doc.n_tokens and doc.tokens[end + 1] == "," else None


def _according_to(doc: Doc, i: int) -> int | None:
    """The pobj of "according to" when token ``i`` is "according" (else None)."""
    if doc.lower[i] != "according":
        return None
    for c in doc.children[i]:
        if doc.lower[c] == "to":
            objs = [g for g in doc.children[c] if doc.deps[g] == "pobj"]
            if objs:
                return objs[0]
    if i + 2 < doc.n_tokens and doc.lower[i + 1] == "to":
        return i + 2
    return None


#: Words for a person a story has named, as the subject of "continued", "added" ...
_DESCRIBED_PEOPLE = frozenset(["lawmaker", "candidate", "senator", "congressman", "congresswoman", "governor", "mayor", "president", "democrat", "republican"])
#: Nouns for people that are no sources of news (a participle after one is that person speaking)
_SOMEONE_NOUNS = frozenset(["man", "woman", "child", "boy", "girl", "kid", "crowd", "audience", "fan", "host", "anchor", "reporter", "guest", "caller", "son", "daughter", "wife", "husband"])


def _with_subject(doc: Doc, v: int) -> int | None:
    """The subject of an absolute construction ("..., with Rep. Paul Mitchell, R-Mich., accusing
    Democrats ..."): the object of a "with" hung on the same verb as participle ``v``, right before
    it (an aside between)."""
    h = doc.heads[v]
    if any(doc.deps[c] == "nsubj" and doc.pos[c] in ("PROPN", "PRON") for c in doc.children[h]):
        return None  # "Trump responded with a statement, saying ...", "He quibbled with lawmakers, saying ...": the subject's
    for p in doc.children[h]:
        if doc.lower[p] != "with" or doc.deps[p] != "prep" or p > v:
            continue
        x = next((c for c in doc.children[p] if doc.deps[c] == "pobj"), None)
        if x is None or not (doc.pos[x] == "PROPN" or doc.lemmas[x].lower() in word_class("source_nouns")) or doc.lemmas[x].lower() in word_class("statement_nouns"):
            continue
        end = subtree_span(doc, x)[1]
        if all(doc.pos[t] == "PUNCT" for t in range(end + 1, v)):
            return x
    return None


def _object_of_verb(doc: Doc, noun: int) -> bool:
    """Whether ``noun`` is a common noun that is the object of a verb ("faced criticism", "drew
    fire"): the verb's subject is who the noun's gerund speaks of."""
    return doc.pos[noun] == "NOUN" and doc.deps[noun] == "dobj" and doc.pos[doc.heads[noun]] in ("VERB", "AUX")


def _clause_before_subject(doc: Doc, verb: int) -> int | None:
    """The subject of the clause right before a verb of saying the parser hung on a main clause
    whose subject is a thing, not someone: a participle ("the advantages of incumbency were on
    full display, as Mr. Christie heaped praise on Mr. Obama, saying, “...”") or a conjunct
    ("China's strong comments come after Canadian Foreign Minister Melanie Joly summoned China's
    ambassador, and said she was considering ..."). That clause's subject, a name or a source,
    goes on speaking."""
    if not ((doc.tags[verb] == "VBG" and doc.deps[verb] == "advcl") or doc.deps[verb] == "conj"):
        return None
    k = verb - 1
    while k > 0 and doc.tokens[k] in (",", "and"):
        k -= 1
    if k == verb - 1:
        return None  # (joined with no comma or "and": no clause ends before it)
    h = doc.heads[verb]
    main = next((c for c in doc.children[h] if doc.deps[c] in ("nsubj", "nsubjpass")), None)
    sub = next((c for c in doc.children[h] if doc.deps[c] == "advcl" and c < verb and subtree_span(doc, c)[1] == k), None)
    who = next((g for g in doc.children[sub] if doc.deps[g] == "nsubj"), None) if sub is not None else None
    if main is None or who is None or doc.pos[main] != "NOUN":
        return None
    lemma = doc.lemmas[main].lower()
    if lemma in word_class("source_nouns") or lemma in _SOMEONE_NOUNS or lemma in word_class("organisation_nouns"):
        return None
    return who if doc.pos[who] == "PROPN" or doc.lemmas[who].lower() in word_class("source_nouns") else None


def _said_just_before(doc: Doc, verb: int) -> int | None:
    """For a participle of saying right after a quotation that opens its sentence, which the
    parser hung inside the quotation ("“...,” Alex Azar said. “Today, ...,” adding that ..."):
    the named subject (or he, she) of the cue that ends the sentence before, who goes on."""
    if not (doc.tags[verb] == "VBG" and doc.deps[verb] == "advcl" and verb >= 3 and doc.tokens[verb - 1] in ("”", '"') and doc.heads[verb] < verb):
        return None
    k = next((n for n, sn in enumerate(doc.sentences) if sn.token_start <= verb < sn.token_end), None)
    if not k:
        return None
    sent, prev = doc.sentences[k], doc.sentences[k - 1]
    if doc.tokens[sent.token_start] not in ("“", '"'):
        return None
    end = prev.token_end - 1
    while end > prev.token_start and doc.pos[end] == "PUNCT":
        end -= 1
    if not _is_cue(doc, end, quotation=True):
        return None
    who = next((c for c in doc.children[end] if doc.deps[c] == "nsubj" and c < end), None)
    return who if who is not None and (doc.pos[who] == "PROPN" or doc.lower[who] in ("he", "she")) else None


def _subject(doc: Doc, verb: int) -> int | None:
    """The subject of ``verb``, inherited through coordination and control when it has none.

    A participle of saying that hangs inside what another cue reports ("he claimed China was
    taking over Canada, warning it ...") adds to that cue's speech: it takes that cue's subject.
    """
    opening = _opening_said(doc, verb)
    if opening is not None:
        return opening
    if doc.lower[verb] in ("read", "reads", "reading") and not any(doc.deps[c] == "nsubj" and doc.pos[c] != "PRON" for c in doc.children[verb]):
        text = _text_read(doc, verb)
        if text is not None:
            return text  # "a coat that read, “...”": the text
    if doc.tags[verb] in ("VBD", "VBZ") and not any(doc.deps[c] in ("nsubj", "nsubjpass") for c in doc.children[verb]):
        # "“...,” he said, then quipped, “...”": the one who just said (the parser may hang the
        # second verb inside a quotation)
        k = verb - 1
        while k > 0 and doc.lower[k] in (",", "then", "and", "later"):
            k -= 1
        if k < verb - 1 and doc.lower[verb - 1] != "," and _is_cue(doc, k):
            said = next((c for c in doc.children[k] if doc.deps[c] == "nsubj" and c < k), None)
            if said is not None:
                return said
    part = doc.heads[verb] if doc.deps[verb] == "xcomp" and doc.heads[verb] < verb else verb
    if doc.tags[part] == "VBG" and part >= 2 and doc.tokens[part - 1] == "," and _is_cue(doc, part - 2):
        # "she said, hastening to add, “...”": the one who just said (the parse may hang the
        # participle anywhere); the subject nearest the verb (a parse may give it a second one
        # inside the quotation before: "“... today,” Trump tweeted, adding that “...”")
        said = max((c for c in doc.children[part - 2] if doc.deps[c] == "nsubj" and c < part - 2), default=None)
        if said is not None:
            return said
    who = _clause_before_subject(doc, verb)
    if who is not None:
        return who
    if doc.deps[verb] == "parataxis" and verb >= 2 and doc.pos[verb - 1] == "PROPN":
        # "The younger Bush, The New York Times noted, “seems to be ...”": the parser set the
        # source beside the subject of the quoted clause; the name right before the cue notes it
        subj = next((c for c in doc.children[verb] if doc.deps[c] == "nsubj" and c < verb), None)
        beside = next((c for c in doc.children[subj] if doc.deps[c] == "appos" and subtree_span(doc, c)[1] == verb - 1), None) if subj is not None else None
        if subj is not None and beside is not None and doc.pos[beside] == "PROPN" and subtree_span(doc, subj)[0] < subtree_span(doc, beside)[0]:
            return beside
    said = _said_just_before(doc, verb)
    if said is not None:
        return said
    if doc.tags[verb] == "VBG" and doc.deps[verb] == "advcl" and verb >= 2 and doc.tokens[verb - 1] == ",":
        # "an audiotape surfaced of Ben Rhodes, White House deputy national security adviser,
        # telling a group of progressives, “...”": the person the participle follows, not whom told
        # (a description set beside the name: not "added praise of Maguire, saying ...", whose
        # praise is the subject's)
        p, steps, described = verb - 2, 0, False
        while doc.deps[p] in ("appos", "compound", "nmod", "amod") and steps < 6 and doc.heads[p] != p:
            described = described or doc.deps[p] == "appos"
            p, steps = doc.heads[p], steps + 1
        if described and doc.pos[p] == "PROPN" and doc.deps[p] == "pobj" and doc.lower[doc.heads[p]] == "of" and subtree_span(doc, p)[1] == verb - 2:
            return p
    if doc.tags[verb] == "VBG" and doc.deps[verb] == "advcl":
        h, steps = doc.heads[verb], 0
        while doc.heads[h] != h and steps < 6:
            if doc.deps[h] == "conj" and any(doc.deps[c] == "nsubj" for c in doc.children[h]):
                break  # "Olsen warned that ..., and National Review called for ..., declaring that “...”": the clause's own subject
            h, steps = doc.heads[h], steps + 1
            if _is_cue(doc, h) and not (h > verb and any(doc.tokens[t] in ("“", '"') for t in range(verb, h))):
                # (not a cue inside a quotation the participle introduces: "Zeke Miller, reporting
                # via Twitter, “WH official says ...”")
                outer = _subject(doc, h)
                if outer is not None:
                    return outer
    if doc.deps[verb] == "acl" and doc.pos[doc.heads[verb]] in ("NOUN", "PROPN"):
        noun = doc.heads[verb]
        lemma = doc.lemmas[noun].lower()
        # (or the object of a preposition of that verb: "Hundreds of residents gathered near the site
        # chanting “...”")
        place = doc.deps[noun] == "pobj" and doc.pos[doc.heads[doc.heads[noun]]] == "VERB" and doc.deps[doc.heads[noun]] == "prep"
        if (
            doc.pos[noun] == "NOUN" and (doc.deps[noun] == "dobj" or place) and lemma not in _SOMEONE_NOUNS
            and lemma not in word_class("source_nouns")
            # "share a memorandum stating ...": the text speaks (but "rejected those calls, saying ...": the one who rejected)
            and (place or lemma not in word_class("statement_nouns") or doc.tokens[verb - 1] == ",")
        ):
            # "Trump also returned the accolades tweeting in April, “...”": the participle goes
            # with the one who did it, not with the thing done
            outer = _subject(doc, doc.heads[doc.heads[noun]] if place else doc.heads[noun])
            if outer is not None:
                return outer
        return noun  # "a small child asking over and over, “Why?”"
    inverted = _inverted_speaker(doc, verb)
    if inverted is not None:
        return inverted
    if verb + 1 < doc.n_tokens and verb > 0 and doc.tokens[verb - 1] in (",", "”", '"') and doc.tags[verb] in ("VBD", "VBZ") and not any(doc.deps[c] in ("nsubj", "nsubjpass") for c in doc.children[verb]):
        # "If so, that will be bad news, argued the deputy solicitor general, Jeffrey Wall": the
        # parser coordinated the inverted cue and took its speaker for an object
        k = verb - 2
        while k > 0 and doc.pos[k] == "PROPN":
            k -= 1
        if doc.tokens[verb - 1] == "," and k < verb - 2 and doc.tokens[k] in ('"', "”", "''"):
            return verb - 2  # "“Welcome home to Florida,” Gov. Ron DeSantis, told Trump": the name before the stray comma
        obj = next((c for c in doc.children[verb] if doc.deps[c] == "dobj" and subtree_span(doc, c)[0] == verb + 1), None)
        if obj is not None and (
            doc.pos[obj] == "PROPN" or doc.lemmas[obj].lower() in word_class("source_nouns")
            or any(doc.deps[g] == "appos" and doc.pos[g] == "PROPN" for g in doc.children[obj])
        ):
            return obj
    seen = set()
    v = verb
    came: int | None = None  # the verb the loop climbed from
    while v not in seen:
        seen.add(v)
        # the subject nearest the verb: a parse that gives a verb two subjects has usually pulled
        # one out of a quotation before it ("“... the manner in which ... to sea,” he told")
        subjects = sorted((c for c in doc.children[v] if doc.deps[c] in ("nsubj", "csubj")), key=lambda c: abs(c - v))
        if len(subjects) > 1 and doc.lemmas[v].lower() == "tell" and subjects[0] > v and any(c < v for c in subjects):
            # "..., Shamima Yasmin, 23, a nurse ..., told Al Jazeera": whom one tells is no subject
            subjects = [c for c in subjects if c < v]
        if not subjects and doc.lemmas[v].lower() == "quote" and (v != verb or any(doc.lower[c] == "as" for c in doc.children[v])):
            # "a patient was quoted as saying, “...”": the one quoted (the cue may be "quoted")
            subjects = [c for c in doc.children[v] if doc.deps[c] == "nsubjpass"]
        if not subjects and v != verb and doc.lemmas[v].lower() in ("hear", "see", "show", "film", "record", "catch", "overhear"):
            # "Garner can be heard saying repeatedly: “I can't breathe.”": the one heard
            subjects = [c for c in doc.children[v] if doc.deps[c] == "nsubjpass"]
        if subjects:
            c = subjects[0]
            if doc.lower[c] in PLURAL_TITLES and c + 2 < doc.n_tokens and doc.tokens[c + 1] == "." and doc.pos[c + 2] == "PROPN":
                c += 2  # "said Reps. Gerry Connolly of Virginia, ...": the title's full stop split it from the name
                while doc.deps[c] == "compound" and doc.heads[c] > c:
                    c = doc.heads[c]
            if doc.lower[c] in ("who", "that", "which") and doc.deps[v] == "relcl" and doc.heads[v] != v:
                n = doc.heads[v]
                if doc.deps[n] == "appos" and doc.pos[doc.heads[n]] == "PROPN" and doc.heads[n] < n:
                    return doc.heads[n]  # "Jeb Bush, the former Florida governor, who said": the one named
                return n  # "officials, who suggested ...", "the movement, which claims ...": the noun the clause describes
            if doc.lower[c] == "who" and doc.deps[v] != "relcl":
                # "House Speaker Paul Ryan, R-Wisc., who said that ...": a party label broke the
                # relative clause off its name
                for k in range(c - 1, max(-1, c - 9), -1):
                    if doc.pos[k] == "PROPN" and doc.deps[k] != "compound" and _PARTY_LABEL_GAP.fullmatch(doc.text, doc.ends[k], doc.starts[c]):
                        return k
            return c
        if v == verb:
            # "Carney, asked whether such a deal might happen, said ...": the parser took the
            # name for the subject of "asked", hung under the cue
            asked = next((c for c in doc.children[v] if doc.deps[c] in ("ccomp", "advcl") and c < v and doc.lemmas[c].lower() == "ask"), None)
            subj = None if asked is None else next(
                (c for c in doc.children[asked] if doc.deps[c] in ("nsubj", "nsubjpass") and c + 1 < asked and doc.tokens[c + 1] == ","), None
            )
            if subj is not None:
                return subj
        if came is not None and doc.deps[came] == "advcl" and doc.tags[came] == "VBG":
            passive = next((c for c in doc.children[v] if doc.deps[c] == "nsubjpass"), None)
            if passive is not None:
                return passive  # "His brother Mark was also captivated by Steyer, saying: “...”": the one captivated says it
        for c in doc.children[v]:  # passive: "was quoted by" -> the by-agent
            if doc.deps[c] == "agent":
                objs = [g for g in doc.children[c] if doc.deps[g] == "pobj"]
                if objs:
                    return objs[0]
        if doc.deps[v] in ("conj", "xcomp", "advcl") and doc.heads[v] != v:
            h = doc.heads[v]
            absolute = _with_subject(doc, v) if doc.deps[v] == "advcl" and doc.tags[v] == "VBG" else None
            if absolute is not None:
                return absolute  # "Heated words were exchanged, with Rep. Paul Mitchell accusing ... and urging ...: “...”"
            if v == verb and doc.deps[v] == "conj" and doc.deps[h] == "ccomp" and _is_cue(doc, doc.heads[h]) and (
                not _is_cue(doc, h) or doc.lemmas[v].lower() == doc.lemmas[doc.heads[h]].lower()
            ):
                # "said the deal was fair and added that ...", "said that Romney had disclosed
                # enough and said that ...": the parser coordinated the second cue inside the
                # first one's report
                h = doc.heads[h]
            if doc.deps[v] == "conj" and doc.lemmas[h].lower() in ("ask", "question", "press") and not any(doc.deps[c] == "nsubj" for c in doc.children[h]):
                passive = next((c for c in doc.children[h] if doc.deps[c] == "nsubjpass"), None)
                if passive is not None:
                    return passive  # "Kennedy was asked if ... — and answered, “We’ll see”": the one asked answers
            came, v = v, h
            continue
        if doc.deps[v] in ("pcomp", "pobj") and doc.tags[v] == "VBG" and doc.heads[v] != v and (
            doc.pos[doc.heads[doc.heads[v]]] in ("VERB", "AUX") or _object_of_verb(doc, doc.heads[doc.heads[v]])
        ) and (
            any(doc.deps[c] == "ccomp" for c in doc.children[v]) or doc.lemmas[v].lower() in ("say", "write", "add", "reply", "respond", "tweet", "declare")
            or (doc.lemmas[v].lower() == "tell" and not any(doc.deps[c] == "xcomp" for c in doc.children[v]))
        ):
            # "Perez reacted by saying, “...”": the gerund's subject is the verb's (what it reports
            # is a clause: "by asking Zelensky to investigate" is a request, not words); "Obama
            # faced criticism for telling a crowd “...”": the one who faced it
            outer = doc.heads[doc.heads[v]]
            if doc.pos[outer] not in ("VERB", "AUX"):
                outer = doc.heads[outer]
            obj = next((c for c in doc.children[outer] if doc.deps[c] == "dobj" and c < v), None)
            if doc.lower[doc.heads[v]] == "for" and obj is not None and doc.lemmas[outer].lower() in word_class("judgement_verbs"):
                return obj  # "blasted the news media for reporting ...", "criticised Trump for saying ...": the one blamed said it
            if doc.lower[doc.heads[v]] == "as" and obj is not None and doc.lemmas[outer].lower() == "quote":
                return obj  # "The Associated Press quotes Rami Abdurrahman ... as saying, “...”": the one quoted
            v = outer
            continue
        if v == verb and doc.deps[v] == "ccomp" and doc.lemmas[doc.heads[v]].lower() == "ask" and doc.heads[v] < v:
            # "Cornyn, asked if sanctions are warranted, said, “...”": the parser took the
            # participle for the main verb and the cue for what was asked
            h = doc.heads[v]
            subj = next((c for c in doc.children[h] if doc.deps[c] in ("nsubj", "nsubjpass") and c + 1 < h and doc.tokens[c + 1] == ","), None)
            if subj is not None:
                return subj
        break
    if verb > 0 and doc.tokens[verb - 1] == ",":
        # '“...,” Steven Hess, senior vice president at Moody’s in New York, said today': a
        # person named right after the closing mark, the parse of the aside gone astray
        k = verb - 1
        while k > 0 and doc.tokens[k] not in ("”", '"') and doc.pos[k] not in ("VERB", "AUX") and verb - k < 25:
            k -= 1
        name = next((e for e in doc.entities if e.label == "PERSON" and e.start == k + 1), None)
        if doc.tokens[k] in ("”", '"') and name is not None and doc.tokens[name.end] == ",":
            return name.end - 1
    # inversion the parser missed: ', said Andy Smith, director of ...' / '” said Chen Lu'
    j = verb + 1
    if j < doc.n_tokens and doc.deps[j] == "prt":
        j += 1  # '“...,” points out Caplan'
    if j + 1 < doc.n_tokens and doc.tags[j] in ("VBG", "VBN") and doc.pos[j + 1] == "PROPN" and verb > 0 and doc.tokens[verb - 1] in (",", "”", '"', "’", "'"):
        j += 1  # '“...,” said retiring New Jersey Representative Frank LoBiondo'
    if verb > 0 and j < doc.n_tokens and doc.tokens[j][:1].isupper() and doc.tokens[verb - 1] in (",", "”", '"', "’", "'") and any(
        e.label == "PERSON" and e.end - e.start >= 2 and doc.tokens[e.end - 1] == doc.tokens[j] and e.end - 1 != j for e in doc.entities
    ):
        return j  # '“...?” said First.': the surname of Harry First, named before, whatever the tagger made of it
    if verb > 0 and j < doc.n_tokens and doc.tokens[verb - 1] in (",", "”", '"', "’", "'") and doc.pos[j] in ("PROPN", "NOUN", "DET") and doc.deps[j] != "npadvmod":  # (not "said today")
        # the name the parser took for the cue's object, with its title after it and no comma
        # between ('” echoed Dana Reyes Senior Vice President for Policy at Acme')
        obj = next((c for c in doc.children[verb] if doc.deps[c] == "dobj" and c > verb), None)
        if obj is not None and doc.pos[obj] == "PROPN" and subtree_span(doc, obj)[0] == j:
            return obj
        while j + 1 < doc.n_tokens and doc.pos[j] in ("DET", "ADJ", "PROPN", "NOUN"):
            if doc.pos[j + 1] in ("PROPN", "NOUN"):
                j += 1
            elif doc.tokens[j + 1] == "/" and j + 2 < doc.n_tokens and doc.pos[j + 2] in ("PROPN", "NOUN"):
                j += 2  # '” tweeted singer/songwriter Simon Curtis'
            else:
                break
        if doc.pos[j] in ("PROPN", "NOUN"):
            return j
    return None


def _noun_source(doc: Doc, noun: int) -> int | None:
    """Who made a claim a noun names: its possessor ("his claim", "Russian officials'
    insistence"), a name or group word before it ("Republican criticism"), or the object of "by"
    or "from" ("accusations by critics"); None when the text names nobody ("accusations that ...")."""
    kids = doc.children[noun]
    for c in kids:
        if doc.deps[c] == "poss":
            return c
    for c in kids:
        if c < noun and doc.deps[c] in ("amod", "compound", "nmod") and (doc.pos[c] == "PROPN" or doc.tokens[c][:1].isupper()):
            return c
    for c in kids:
        if doc.deps[c] == "prep" and doc.lower[c] in ("by", "from"):
            objs = [g for g in doc.children[c] if doc.deps[g] == "pobj"]
            if objs:
                return objs[0]
    if doc.deps[noun] == "dobj" and doc.lemmas[doc.heads[noun]].lower() in _CLAIM_MAKERS:
        return _subject(doc, doc.heads[noun])  # "she made a promise that ...", not "faced accusations that ..."
    return None


#: Verbs that report someone else heard saying something ("Green recalled the officer saying")
_HEARD_VERBS = frozenset({"recall", "remember", "hear", "recount", "describe"})


def _heard_saying(doc: Doc, cue: int) -> int | None:
    """The verb of saying of someone a remembering cue reports ("“...” Green recalled the officer
    saying to her grandson": the officer said it, Green recalls it), or None."""
    if doc.lemmas[cue].lower() not in _HEARD_VERBS:
        return None
    for c in doc.children[cue]:
        verbs = [c] if doc.deps[c] in ("ccomp", "xcomp") else list(doc.children[c]) if doc.deps[c] == "dobj" and doc.pos[c] in ("NOUN", "PROPN") else []
        for v in verbs:
            if (
                v > cue and doc.tags[v] in ("VBG", "VB") and doc.lemmas[v].lower() in ("say", "tell", "shout", "yell", "scream", "ask")
                and (doc.deps[v] == "acl" or any(doc.deps[g] == "nsubj" and doc.pos[g] in ("NOUN", "PROPN") for g in doc.children[v]))
            ):
                return v
    return None


def _inverted_speaker(doc: Doc, verb: int) -> int | None:
    """The speaker after a cue that opens its sentence ('Added another adviser to the mayor: “...”',
    'Said one aide: “...”'): the cue has no subject, and the noun phrase right after it is a name or
    a source noun (the parser takes it for an object, and may take "Added" for a participle, so one
    of those needs the colon or comma that ends the phrase)."""
    opens = verb == 0 or doc.tokens[verb - 1] in (".", "!", "?") or "\n" in doc.text[doc.ends[verb - 1] : doc.starts[verb]]
    if not opens or doc.tags[verb] not in ("VBD", "VBZ", "VBN") or verb + 1 >= doc.n_tokens:
        return None
    if any(doc.deps[c] in ("nsubj", "nsubjpass") and c < verb for c in doc.children[verb]):
        return None
    obj = next((c for c in doc.children[verb] if doc.deps[c] in ("dobj", "nsubj", "npadvmod", "attr") and c > verb), None)
    if obj is None or subtree_span(doc, obj)[0] != verb + 1:
        return None
    if doc.pos[obj] != "PROPN" and doc.lemmas[obj].lower() not in word_class("source_nouns"):
        return None
    if doc.tags[verb] == "VBN":
        after = subtree_span(doc, verb, skip=frozenset({"ccomp", "parataxis", "punct"}))[1] + 1
        if after >= doc.n_tokens or doc.tokens[after] not in (":", ","):
            return None
    return obj


#: A quotation in single marks inside another ("‘No, just you and me.’"; not the apostrophe of
#: "don’t" or "We're")
_INNER_QUOTE = re.compile(r"(?<=[\s“\"(])[‘'](?=\w)(.+?)(?<=\S)[’'](?![A-Za-z])", re.DOTALL)

#: A wire dateline opening a line: "LONDON (Reuters) – ", "BERLIN, March 2 (Reuters) - " (not "GPS-based")
_DATELINE = re.compile(r"(?<![^\n])[A-Z]{3,}[A-Z .'/]*(?:, [A-Z][a-z]{2,8}\.? \d{1,2})?(?:\s*\([A-Za-z .]+\))?\s+[–—-]+\s*")


def _after_dateline(doc: Doc, lo: int, hi: int) -> int:
    """The first token of tokens ``[lo, hi]`` after a wire dateline the parser put at their
    start (a speaker phrase or a reported clause), else ``lo``."""
    dateline = _DATELINE.match(doc.text, doc.starts[lo], doc.ends[hi])
    return bisect_left(doc.starts, dateline.end()) if dateline is not None and dateline.end() < doc.ends[hi] else lo


def _speaker_phrase(doc: Doc, head: int) -> tuple[int, int]:
    """Tokens of the speaker noun phrase: the subject's subtree without clauses hanging from it
    and without trailing punctuation ("Mark Carney, who ..., said" -> "Mark Carney")."""
    lo, hi = subtree_span(doc, head, skip=_CLAUSES)
    for c in range(head + 1, hi + 1):
        if doc.deps[c] == "relcl" and head <= doc.heads[c] < c:
            a, b = subtree_span(doc, c)
            if a > lo and doc.tokens[a - 1] in (",", "--", "—", "–") and all(doc.pos[t] == "PUNCT" for t in range(b + 1, hi + 1)):
                # "The U.S. president -- who last month boasted that “...” --": the dash after the
                # clause left out is no reason to take the clause in (but "One of its members who
                # is not ..., Sen. Marco Rubio": the name after it stays)
                hi = a - 1
                break
    for c in doc.children[head]:
        if c > head and doc.deps[c] == "prep" and doc.lower[c] in ("during", "after", "before", "amid", "following"):
            hi = min(hi, c - 1)  # "said the Democratic lawmaker during a committee meeting": when, not who
    if lo < head and _opening_said(doc, lo) == head:
        lo += 1  # "Said Sekulow, “...”": the cue, not part of the name
    marks = [t for t in range(lo, hi + 1) if doc.tokens[t] in ('"', "“", "”", "''")]
    if marks:
        # "“I'm not here for exercise,” one protester yelled", "One sign ... read in Spanish, “...”":
        # the parser hung the quotation from the noun; the phrase stops at its marks
        lo = max([lo] + [t + 1 for t in marks if t < head])
        hi = min([hi] + [t - 1 for t in marks if t > head] + [c - 1 for c in doc.children[head] if c > head and doc.deps[c] in _CLAUSES])
    bracket = next((t for t in range(head + 1, hi + 1) if doc.tokens[t] == "("), None)
    if bracket is not None and bracket > lo and all(doc.pos[t] == "PUNCT" for t in range(next((t for t in range(bracket, hi + 1) if doc.tokens[t] == ")"), hi), hi + 1)):
        # "House Republican Whip Steve Scalise (LA) tweeted": the name, not the state in brackets
        # that ends the phrase (not "LONDON (Reuters) – British business minister ...": a dateline)
        hi = bracket - 1
    while hi > lo and doc.pos[hi] == "PUNCT":
        hi -= 1
    while lo < hi and doc.pos[lo] == "PUNCT":
        lo += 1
    return lo, hi


def _titled_noun(doc: Doc, t: int) -> bool:
    """A capitalised word the tagger took for a common noun after an honorific ("Mr. O’Malley
    provided another answer"): a name."""
    return doc.tokens[t][:1].isupper() and doc.pos[t] == "NOUN" and any(
        doc.deps[c] == "compound" and doc.lower[c].rstrip(".") in ("mr", "mrs", "ms", "dr", "sen", "rep", "gov") for c in doc.children[t]
    )


def _entity_at(entities: Sequence[Entity], token: int) -> Entity | None:
    for e in entities:
        if e.start <= token < e.end:
            return e
        if e.start > token:
            return None
    return None


def _same_speaker(q: Quote, prev: Quote) -> Quote:
    """Quotation ``q`` with the speaker of ``prev`` (a quotation that continues another)."""
    return replace(q, speaker_text=prev.speaker_text, speaker_start=prev.speaker_start, speaker_end=prev.speaker_end, speaker_token=prev.speaker_token, speaker_type=prev.speaker_type)


def speaker_type(doc: Doc, head: int, lo: int, hi: int) -> str:
    """``pronoun``, ``person``, ``organisation``, ``state``, ``group``, ``anonymous`` or ``unknown``."""
    if doc.pos[head] == "PRON" and not (len(doc.tokens[head]) > 1 and doc.tokens[head].isupper()) and doc.tokens[head].strip("'’").isalpha():
        return "pronoun"  # not "WHO said" (the World Health Organization), "US", "coronavirus.gov says"
    ent = _entity_at(doc.entities, head)
    if ent is not None and ent.label in _ENTITY_TYPES:
        return _ENTITY_TYPES[ent.label]
    if doc.lemmas[head].lower() in word_class("source_nouns"):
        return "anonymous"
    if doc.pos[head] == "PROPN":
        inside = [e for e in doc.entities if lo <= e.start and e.end <= hi + 1]
        if inside:
            return _ENTITY_TYPES.get(inside[-1].label, "unknown")
        return "person" if doc.tokens[head][:1].isupper() else "unknown"
    return "unknown"


class _Finder:
    """One article's attribution: the parse, the quote spans and their token ranges."""

    def __init__(self, doc: Doc, spans: Sequence[QuoteSpan]) -> None:
        self.doc = doc
        self.sent_of = _sentence_index(doc)
        self.spans = [s for s in spans if s.inner_end > s.inner_start]
        self.ranges = []  # token range [a, b) of each span's inner text
        for s in self.spans:
            a = _token_of_char(doc, s.inner_start)
            b = _token_of_char(doc, s.inner_end)
            self.ranges.append((a, b))
        self.in_quote = [-1] * doc.n_tokens
        for k, (a, b) in enumerate(self.ranges):
            for i in range(a, b):
                self.in_quote[i] = k
        # opening and closing marks themselves count as inside, for cue searches
        self.mark_of = {}
        for k, s in enumerate(self.spans):
            for i in range(_token_of_char(doc, s.start), _token_of_char(doc, s.end)):
                if i < doc.n_tokens and self.in_quote[i] == -1:
                    self.mark_of[i] = k
        # sentences on a line of page furniture (a link to another story in capitals, a photo
        # caption): a quotation runs on past them as if they were not there
        furniture: dict[str, bool] = {}  # line -> whether it is furniture (a paragraph holds many sentences)
        debris = []
        for k, sent in enumerate(doc.sentences):
            if sent.token_end <= sent.token_start or "\n" in doc.text[doc.starts[sent.token_start] : doc.ends[sent.token_end - 1]]:
                continue
            line = line_at(doc.text, doc.starts[sent.token_start])
            if line not in furniture:
                furniture[line] = is_inline_debris(line)
            if furniture[line]:
                debris.append(k)
        self.debris = frozenset(debris)
        # short lines that head what follows ("The National Security Agency surveillance programs",
        # "Mitt Romney, Aug. 7"): no sentence of the writer's between two quotations
        self.headings = frozenset(k for k, sent in enumerate(doc.sentences) if self._heading(sent))

    def _heading(self, sent: Sentence) -> bool:
        """Whether ``sent`` is a line of its own of at most 14 words, capitalised, without final
        punctuation, quotation marks or a finite verb (an infinitive may stand: "Russia's decision
        to grant Snowden temporary asylum"), and not a name alone starting a line that goes on."""
        doc = self.doc
        a, b = sent.token_start, sent.token_end
        if b <= a or b - a > 20:
            return False
        start, end = doc.starts[a], doc.ends[b - 1]
        if (start > 0 and doc.text[start - 1] != "\n") or (end < len(doc.text) and doc.text[end] != "\n"):
            return False
        words = [t for t in range(a, b) if doc.pos[t] not in ("PUNCT", "SPACE", "PART")]
        if not words or len(words) > 14 or not doc.tokens[a][:1].isupper() or doc.tokens[b - 1] in (".", "!", "?", ":", ";", ",", ")", "…"):
            return False
        if any(t in self.mark_of or self.in_quote[t] >= 0 for t in range(a, b)):
            return False
        person = next((e for e in doc.entities if e.label == "PERSON" and e.start == a), None)
        if person is not None and person.end < b and doc.tokens[person.end] != ",":
            return False  # "John McCain on the deal": maybe who speaks next, maybe what about
        return not any(doc.pos[t] in ("VERB", "AUX") and not (t > 0 and doc.lower[t - 1] == "to") for t in range(a, b))

    def _heading_credit(self, q: Quote) -> int | None:
        """The person a heading line right before the quotation's paragraph names, alone or before
        a comma ("Mitt Romney, Aug. 7" / "“We've been watching the president ...”"): the head of
        that name."""
        doc = self.doc
        a = _token_of_char(doc, q.start)
        if a == 0 or q.start == 0 or doc.text[q.start - 1] != "\n":
            return None
        k = self.sent_of[a - 1]
        if k not in self.headings:
            return None
        sent = doc.sentences[k]
        person = next((e for e in doc.entities if e.label == "PERSON" and e.start == sent.token_start and e.end - e.start >= 2), None)
        if person is None or (person.end < sent.token_end and doc.tokens[person.end] != ","):
            return None
        return person.end - 1

    def is_title(self, a: int, b: int) -> bool:
        """A short quotation whose words are all capitalised and that sits as the object of a
        preposition or next to a name: a programme, book or slogan title."""
        doc = self.doc
        words = [i for i in range(a, b) if doc.pos[i] not in ("PUNCT", "SPACE")]
        before = a - 2 if a >= 2 else -1
        work = before >= 0 and doc.lemmas[before].lower() in _WORK_NOUNS  # "his new book “...”": a title of any length
        if not words or (len(words) > 8 and not work):
            return False
        small = {"of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "with", "over", "by", "from", "or", "but", "vs", "vs."}
        if not all(doc.tokens[i][:1].isupper() or doc.lower[i] in small or not doc.tokens[i][:1].isalpha() for i in words) or not doc.tokens[words[0]][:1].isupper():
            return False
        if before >= 0 and "\n" in doc.text[doc.ends[before] : doc.starts[a]]:
            return False  # the word before ends the paragraph before ("... targeting the U.S.\n\n“No,” he said")
        return before >= 0 and (work or doc.pos[before] == "ADP" or doc.tokens[before] in ("'s", "’s") or doc.pos[before] == "PROPN")

    def is_clause(self, a: int, b: int) -> bool:
        """Whether tokens ``[a, b)`` hold a clause of their own: a subject with its verb inside,
        or a whole sentence ("“Everyone is coming to the table,” he said" against called the
        talks “very dangerous” or China was “completely taking over”)."""
        doc = self.doc
        for i in range(a, b):
            if doc.deps[i] in (*_SUBJECTS, "expl") and a <= doc.heads[i] < b:  # "There will be no deal"
                return True
        if self.sent_of[a] != self.sent_of[b - 1]:
            return True
        # (or opens its paragraph, when the parser ran the sentence before on: "... targeting the
        # U.S.\n\n“No,” he said")
        opens = doc.sentences[self.sent_of[a]].token_start >= a - 1 or (a > 1 and "\n" in doc.text[doc.ends[a - 2] : doc.starts[a]] and (a - 1) in self.mark_of)
        # a whole utterance: the sentence is the quotation ("“Not me.”"), or opens with it and the
        # utterance ends inside the marks before the attribution ("“Absolutely not,” she said")
        return opens and (doc.sentences[self.sent_of[b - 1]].token_end <= b + 1 or doc.tokens[b - 1] in (",", "?", "!"))

    def quoted(self, i: int) -> bool:
        return self.in_quote[i] >= 0 or i in self.mark_of

    def words(self, a: int, b: int) -> int:
        return sum(1 for i in range(a, b) if self.doc.pos[i] not in ("PUNCT", "SYM", "SPACE") and self.doc.lower[i] not in ("'s", "n't"))

    # ---------------------------------------------------------------------------------------
    def cue_of_span(self, k: int) -> int | None:
        """The cue a quotation hangs from in the parse, or the one right after/before its marks."""
        doc = self.doc
        a, b = self.ranges[k]
        if self._bracketed_after_name(a, b) is not None:
            return None  # "Chris Christie (“...”)": a round-up's reply, whatever verb the parse hung it on
        # 0. a cue right before the opening mark and its comma or colon, which the parser may have
        #    passed over for a verb earlier in the sentence ("..., to which Trump snapped back, “...”")
        j = a - 1
        while j > a - 3 and j > 0 and doc.tokens[j] in ('"', "“", "‘", "'"):
            j -= 1  # the opening mark
        if j > 0 and doc.tokens[j] in (",", ":") and self.sent_of[j] == self.sent_of[a] and not self.quoted(j - 1):
            c = j - 1
            if doc.deps[c] == "prt" or (
                doc.deps[c] in ("dobj", "dative") and doc.pos[c] in ("PRON", "NOUN") and 0 < c - doc.heads[c] <= 3 and doc.tags[doc.heads[c]] in ("VBD", "VBZ", "VBP")
                and any(doc.deps[g] == "nsubj" and doc.lower[g] not in ("who", "that", "which") for g in doc.children[doc.heads[c]])
            ):
                c = doc.heads[c]  # "snapped back, “", "a stranger told her, “"
            if c < a and doc.pos[c] == "VERB" and _is_cue(doc, c, quotation=True) and not self.reports_other(k, c):
                # ("when he repeatedly gasped, “I can’t breathe.”"), unless the words end in a
                # comma before a cue and subject of their own: '“No,” Saunders said, “but maybe
                # ...,” Patterson said.' is Patterson's answer (not '“...,” and Geist again insisted, “...”')
                own = next((
                    i for i in range(b, min(doc.n_tokens, b + 5))
                    if not self.quoted(i) and self.sent_of[i] == self.sent_of[b - 1] and _is_cue(doc, i, quotation=True)
                    and any(doc.deps[g] == "nsubj" and b <= g < i and doc.pos[g] == "PROPN" and all(doc.pos[t] == "PUNCT" for t in range(b, subtree_span(doc, g)[0])) for g in doc.children[i])
                ), None) if doc.tokens[b - 1] in (",", "”", '"') and "," in doc.tokens[b - 2 : b] else None
                return own if own is not None else c
            p = doc.heads[c]
            v = doc.heads[p]
            if (
                doc.deps[c] == "pobj" and doc.deps[p] == "prep" and v < p and doc.pos[v] == "VERB" and doc.lemmas[v].lower() in word_class("quote_verbs")
                and not any(doc.deps[x] in ("dobj", "xcomp", "attr", "acomp") or (doc.deps[x] == "prep" and x != p) or (doc.deps[x] == "aux" and doc.lower[x] == "to") for x in doc.children[v])
                and any(doc.deps[x] == "nsubj" and doc.pos[x] in ("PROPN", "PRON") and doc.lower[x] != "it" for x in doc.children[v])
            ):
                return v  # "Parnas continued in the interview, “...”": the verb the phrase before the comma is about

        # 1. heads leading out of the quotation to a cue (the quote is its complement)
        for i in range(a, b):
            h = doc.heads[i]
            steps = 0
            while a <= h < b and doc.heads[h] != h and steps < 50:
                h = doc.heads[h]
                steps += 1
            if (h < a or h >= b) and not self.quoted(h):
                c = h
                for _ in range(3):  # the quote may hang from an auxiliary or a conjunct of the cue
                    if _is_cue(doc, c, quotation=True):
                        if self.reports_other(k, c):
                            break
                        # "“...,” he said, Reuters reported": the one who said it, not who relays it
                        inner = next((
                            x for x in doc.children[c]
                            if b <= x < c and doc.deps[x] in ("parataxis", "ccomp") and _is_cue(doc, x, quotation=True) and not self.quoted(x)
                            and any(doc.deps[g] in ("nsubj", "nsubjpass") for g in doc.children[x])
                        ), None)
                        return inner if inner is not None else (_heard_saying(doc, c) or c)
                    if doc.heads[c] == c:
                        break
                    c = doc.heads[c]
        # 2. a cue right after the closing mark, in the same paragraph (the sentence of the quote's
        #    end, or the next one when the parser split "“... win.” Trump said.")
        last_sent = self.sent_of[b - 1]
        end_char = self.spans[k].end
        # the speaker's phrase may open the next sentence when the parser ended one at the closing
        # mark ("“... worth $1 trillion?” Jeffrey Eggers, a retired Navy SEAL and ..., told")
        after = b
        while after < doc.n_tokens and after in self.mark_of:
            after += 1
        phrase_sents = (last_sent, last_sent + 1) if after < doc.n_tokens and self.sent_of[after] == last_sent + 1 else (last_sent,)
        long_clause = len(phrase_sents) == 2 and self.is_clause(a, b)
        for i in range(b, min(doc.n_tokens, b + _CUE_AFTER + 16)):
            if self.quoted(i) and i not in self.mark_of:
                break
            in_name = self.sent_of[i] in phrase_sents and not any(doc.pos[t] in ("VERB", "AUX") and doc.deps[t] != "amod" for t in range(b, i))  # "of", "and" inside the speaker's phrase ("a retired general")
            if i > b + _CUE_AFTER and doc.pos[i] not in ("PROPN", "NOUN", "ADJ", "DET", "PUNCT", "VERB", "AUX") and not (doc.pos[i] in ("ADP", "CCONJ") and in_name) and not (doc.pos[i] in ("ADV", "NUM") and doc.tokens[i - 1] == ","):
                # beyond a few tokens, only a long speaker phrase ("” Trump campaign director Tim
                # Murtaugh tweeted", "” Mark Morgan of U.S. Customs and Border Protection tweeted"),
                # with its asides (", now a Fox News contributor, said"; an age: "one of them, Rajesh
                # Kumar Das, 30, told AFP")
                break
            if i > b + _CUE_AFTER + 7 and not in_name:
                break  # a long phrase only when it is all name, titles and asides
            if self.sent_of[i] not in (last_sent, last_sent + 1) or "\n" in doc.text[end_char : doc.starts[i]]:
                break
            # ("“...?” Ken Kistner, 77, asked with real bite, ...": the parser made the name the
            # sentence's root and hung the cue from it)
            root_name = doc.deps[i] == "acl" and b <= doc.heads[i] < i and doc.deps[doc.heads[i]] == "ROOT" and doc.pos[doc.heads[i]] == "PROPN"
            # ("“... get it!” Trump tweeted, citing a comment that “... what’s he supposed to
            # think?”": the parser hung the main verb from one inside the next quotation)
            main = doc.deps[i] == "ROOT" or (doc.heads[i] > i and self.quoted(doc.heads[i]))
            if self.sent_of[i] != last_sent and not root_name and (not main or (i > b + _CUE_AFTER and long_clause and any(doc.deps[c] in ("ccomp", "xcomp") for c in doc.children[i]))):
                # in the next sentence only its main verb ("Trump said."), not "In a statement
                # issued ...", and after a long phrase not one that reports words of its own
                # ("Jaffer’s colleague Katie Fallow, a senior attorney at ..., noted that ...")
                continue
            if any(doc.deps[c] == "neg" for c in doc.children[i]):
                continue  # "“...” Rehkoff didn’t respond to a question": no cue of the quotation
            if (_is_cue(doc, i, quotation=True) and not self.quoted(i) and not self.reports_other(k, i)) or (i == b + 1 and _according_to(doc, i) is not None):
                heard = _heard_saying(doc, i)
                return heard if heard is not None else i  # "“...,” according to the Crimson": the source of the quotation
            if _is_cue(doc, i, quotation=True) and not self.quoted(i) and (asked := self._question_told(k, i)) is not None:
                return asked  # "“... am I under investigation?” Trump told Holt he asked Comey.": the one who asked
        # 3. a cue shortly before the opening mark, in the same sentence
        first_sent = self.sent_of[a]
        for i in range(a - 1, max(-1, a - _CUE_BEFORE - 2), -1):
            if self.sent_of[i] != first_sent or (self.quoted(i) and i not in self.mark_of) or "\n" in doc.text[doc.ends[i] : self.spans[k].start]:
                break
            if _is_cue(doc, i) or (_according_to(doc, i) is not None and i + 1 < a and doc.lower[i + 1] == "to") or _per_source(doc, i) is not None:
                return i  # "said:", "According to X, “...”", "Per the New York Times, “...”"
        # "According to Catalyst, a pro-business organization for women, “...”": the source and
        # its description, then a comma and the quotation
        for i in range(a - 1, max(-1, a - 3 * _CUE_BEFORE), -1):
            if self.sent_of[i] != first_sent or (self.quoted(i) and i not in self.mark_of):
                break
            source = _according_to(doc, i)
            if source is not None and i + 1 < a and doc.lower[i + 1] == "to" and doc.pos[source] == "PROPN":
                end = subtree_span(doc, source)[1]
                o = a
                while o > end + 1 and doc.tokens[o - 1] in ('"', "“", "‘", "'"):
                    o -= 1  # the opening mark
                between = range(end + 1, o)
                if 0 < len(between) <= 16 and doc.tokens[end + 1] == "," and doc.tokens[o - 1] == "," and not any(doc.pos[t] in ("VERB", "AUX") for t in between):
                    return i
        return None

    def _question_told(self, k: int, cue: int) -> int | None:
        """For a quoted question followed by a cue that reports a clause of its own: the verb of
        asking in that clause when it has a subject and nothing asked of its own ("“... am I under
        investigation?” Trump told Holt he asked Comey": what he asked is the quotation)."""
        doc = self.doc
        if not doc.text[self.spans[k].inner_start : self.spans[k].inner_end].rstrip().endswith("?"):
            return None
        for g in doc.children[cue]:
            if (
                doc.deps[g] == "ccomp" and g > cue and doc.lemmas[g].lower() == "ask" and not self.quoted(g)
                and any(doc.deps[c] == "nsubj" for c in doc.children[g])
                and not any(doc.deps[c] in ("ccomp", "xcomp") for c in doc.children[g])
            ):
                return g
        return None

    def reports_other(self, k: int, cue: int) -> bool:
        """Whether a cue after quotation ``k`` reports words of its own instead: the quotation
        ends a sentence and the cue has an unquoted clause of its own ("“... list.” University
        officials told the paper they are trying ...": a new sentence, not the quotation's cue)."""
        doc = self.doc
        span = self.spans[k]
        if cue < self.ranges[k][1] or doc.text[span.inner_start : span.inner_end].rstrip()[-1:] not in (".", "!", "?"):
            return False
        if all(t in self.mark_of or doc.tokens[t] == "," for t in range(self.ranges[k][1], cue)):
            return False  # "“Oh!” said Murphy, dismayed.": a cue right after the marks is the quotation's
        return any(doc.deps[g] == "ccomp" and g > cue and not self.quoted(g) for g in doc.children[cue])

    def quote_from_cue(self, kind: str, start: int, end: int, sentence: int, cue: int | None) -> Quote:
        doc = self.doc
        q = Quote(kind=kind, start=start, end=end, sentence=sentence)
        if cue is None:
            return q
        speaker = _according_to(doc, cue)
        cue_end = doc.ends[cue]
        if speaker is not None:
            cue_end = doc.ends[min(cue + 1, doc.n_tokens - 1)]
        elif doc.lower[cue] == "per":
            speaker = _per_source(doc, cue)
        elif doc.pos[cue] == "NOUN" and doc.lemmas[cue].lower() in word_class("claim_nouns"):
            speaker = _noun_source(doc, cue)
        else:
            speaker = _subject(doc, cue)
        q = replace(q, cue=doc.text[doc.starts[cue] : cue_end], cue_class=attribution_class(doc.tokens[cue], doc.lemmas[cue]) or "neutral", cue_start=doc.starts[cue], cue_end=cue_end)
        span = None
        if speaker is not None and self.quoted(speaker):
            # the parser gave the cue a subject inside the quotation and another outside it
            # ('“Shameful comment,” tweeted candidate Marianne Williamson'), or took the speaker
            # for an apposition of a word inside ('“..., Donald,” Miranda, a fundraiser, tweeted')
            outside = [c for c in doc.children[cue] if doc.deps[c] == "nsubj" and not self.quoted(c)]
            outside += [c for c in doc.children[speaker] if doc.deps[c] == "appos" and not self.quoted(c) and doc.pos[c] in ("PROPN", "NOUN") and c < cue]
            if cue - 1 in self.mark_of:  # '“...,” tweeted 2020 candidate Marianne Williamson': taken for an object
                outside += [
                    c for c in doc.children[cue]
                    if doc.deps[c] == "dobj" and subtree_span(doc, c)[0] == cue + 1 and (doc.pos[c] == "PROPN" or doc.lemmas[c].lower() in word_class("source_nouns"))
                ]
            if outside:
                speaker = min(outside, key=lambda c: abs(c - cue))
        if speaker is None and cue - 1 in self.mark_of and doc.lemmas[cue].lower() not in _RECIPIENT_VERBS:
            # '“How many dead? Go home, Ted!” chanted several dozen advocates of tougher gun laws':
            # right after the quotation the verb's object is its speaker (the parser took the
            # phrase for an object; the quotation is the words)
            speaker = next((c for c in doc.children[cue] if doc.deps[c] == "dobj" and subtree_span(doc, c)[0] == cue + 1 and doc.pos[c] in ("NOUN", "PROPN")), None)
        if speaker is None or self.quoted(speaker):
            # the parser took a noun inside the quotation for the subject ('“..., the open borders,”
            # the former Florida governor said': the real one became its apposition) or found none
            # ('“...,” the 36-year-old said'): the phrase between the closing mark and the cue
            span = self._phrase_after_quote(cue)
            speaker = span[1] if span is not None else None
        if speaker is None:
            return q
        lo, hi = span if span is not None else _speaker_phrase(doc, speaker)
        if doc.heads[cue] == speaker and speaker < cue <= hi:
            # the cue hangs from the speaker's name (see cue_of_span): the phrase ends before it
            hi = cue - 1
            while hi > speaker and doc.pos[hi] == "PUNCT":
                hi -= 1
        lo = _after_dateline(doc, lo, hi)  # "LONDON (Reuters) – British business minister Jonathan Reynolds said"
        if speaker < lo:
            speaker = max((t for t in range(lo, hi + 1) if not lo <= doc.heads[t] <= hi or doc.heads[t] == t), default=hi)
        return replace(
            q,
            speaker_text=doc.text[doc.starts[lo] : doc.ends[hi]],
            speaker_start=doc.starts[lo],
            speaker_end=doc.ends[hi],
            speaker_token=speaker,
            speaker_type=speaker_type(doc, speaker, lo, hi),
        )

    def _phrase_after_quote(self, cue: int) -> tuple[int, int] | None:
        """Tokens ``(first, last)`` of a short noun phrase between a closing quotation mark and the
        cue right after it, its last word a noun, a name, a pronoun or an age ("36-year-old")."""
        doc = self.doc
        j = cue - 1
        if j >= 1 and doc.tokens[j] == "," and not self.quoted(j):
            # '“...,” former leader of the UK Independence Party Nigel Farage, now a Fox News
            # contributor, said': the phrase up to the first comma, an aside after it
            mark = next((k for k in range(j - 1, max(-1, j - 24), -1) if k in self.mark_of or self.quoted(k) or doc.pos[k] in ("VERB", "AUX")), None)
            if mark is None or mark not in self.mark_of or doc.tokens[mark] not in ("”", '"', "’", "'"):
                return None
            comma = next(k for k in range(mark + 1, j + 1) if doc.tokens[k] == ",")
            if comma == j or comma - mark < 2 or doc.pos[comma - 1] not in ("NOUN", "PROPN"):
                return None
            return mark + 1, comma - 1
        if j < 1 or self.quoted(j) or not (doc.pos[j] in ("NOUN", "PROPN", "PRON") or is_age_noun(doc, j)):
            return None
        lo = j
        while lo - 1 >= 0 and cue - lo < 8 and not self.quoted(lo - 1) and (doc.pos[lo - 1] not in ("PUNCT", "VERB", "AUX") or doc.tokens[lo - 1] == "-"):
            lo -= 1
        mark = lo - 1
        return (lo, j) if mark >= 0 and mark in self.mark_of and doc.tokens[mark] in ("”", '"', "’", "'") else None

    # ---------------------------------------------------------------------------------------
    def direct(self) -> list[Quote]:
        doc = self.doc
        out: list[Quote] = []
        short: set[int] = set()
        for k, s in enumerate(self.spans):
            a, b = self.ranges[k]
            if b <= a:
                continue
            n_words = self.words(a, b)
            if self.is_title(a, b):
                continue  # "on CBS's “Face the Nation.”", "his book “Wasted”": a title, not words said
            cue = self.cue_of_span(k)
            kind = "direct" if self.is_clause(a, b) or n_words >= 8 else "partial"
            if cue is None and kind == "partial":
                continue  # a short quoted phrase nobody said: a scare quote (the detectors count it)
            if cue is None and n_words < MIN_QUOTE_WORDS:
                inner = doc.text[s.start + 1 : s.end - 1].strip()
                # (a comma where the paragraph ends is a slip for a full stop: ‘meeting."We want denuclearization,"’)
                ends_paragraph = inner[-1:] == "," and doc.text[s.end : s.end + 1] in ("\n", "")
                if not (inner[:1].isupper() and (inner[-1:] in (".", "!", "?", "…") or ends_paragraph)):
                    continue  # not a whole sentence: a fragment, or the text between two quotations
                short.add(s.start)  # “It's over,” Lopez said. “We lost.”: kept only as a continuation
            out.append(self.quote_from_cue(kind, s.start, s.end, self.sent_of[a], cue))
        return self._continued(out, short)

    def nested(self, direct: Sequence[Quote]) -> list[Quote]:
        """Speech quoted inside a quotation with its own verb of saying right before it ("“He
        said, ‘No, just you and me.’ ...,” Kirgo told Farrow"): a quotation of its own, said by the
        subject of that verb ("I said, ‘...’": the one quoted around it)."""
        doc = self.doc
        out = []
        for k, s in enumerate(self.spans):
            around = next((q for q in direct if q.start == s.start and q.end == s.end), None)
            for m in _INNER_QUOTE.finditer(doc.text, s.inner_start, s.inner_end):
                start, end = m.start(), m.end()
                a, b = _token_of_char(doc, m.start(1)), _token_of_char(doc, m.end(1))
                j = _token_of_char(doc, start) - 1
                if self.words(a, b) < 3 or j < 1 or doc.tokens[j] not in (",", ":") or self.in_quote[j - 1] != k:
                    continue
                cue = j - 1
                if doc.pos[cue] != "VERB" or not _is_cue(doc, cue, quotation=True):
                    continue
                subj = next((c for c in doc.children[cue] if doc.deps[c] == "nsubj"), None)
                if subj is None or self.in_quote[subj] != k or not (doc.pos[subj] == "PROPN" or doc.lower[subj] in ("he", "she", "i", "we")):
                    continue  # (not "people could say, ‘...’": a hypothetical, no one's words)
                if doc.lower[subj] in ("i", "we"):
                    if around is None or around.speaker_token is None:
                        continue
                    q = replace(around, kind="direct", start=start, end=end, sentence=self.sent_of[a])
                else:
                    lo, hi = _speaker_phrase(doc, subj)
                    q = Quote(
                        kind="direct", start=start, end=end, sentence=self.sent_of[a], speaker_text=doc.text[doc.starts[lo] : doc.ends[hi]],
                        speaker_start=doc.starts[lo], speaker_end=doc.ends[hi], speaker_token=subj, speaker_type=speaker_type(doc, subj, lo, hi),
                    )
                out.append(replace(
                    q, cue=doc.tokens[cue], cue_class=attribution_class(doc.tokens[cue], doc.lemmas[cue]) or "neutral", cue_start=doc.starts[cue], cue_end=doc.ends[cue]
                ))
        return out

    def _continued(self, quotes: list[Quote], short: set[int] | frozenset[int] = frozenset()) -> list[Quote]:
        """A quotation with no cue takes the speaker of the quotation just before it (within two
        sentences, nothing of the outlet's in between but a cue-less line), or of a sentence
        before it that ends "X said:". A whole sentence quoted in fewer than
        :data:`MIN_QUOTE_WORDS` words with no cue (starts in ``short``) is kept only when it
        continues the quotation just before it in the next sentence (“It's over,” Lopez said.
        “We lost.”); alone it may be a slogan or a scare-quoted phrase."""
        doc = self.doc
        out = []
        prev: Quote | None = None
        for q in quotes:
            if q.start in short:
                if prev is None or prev.speaker_text is None or q.sentence - self._last_sentence(prev) > 1 or not self._same_voice_between(prev, q.start):
                    continue
                q = self._continuing(q, prev)
            elif q.cue is None and q.kind == "direct":
                a = _token_of_char(doc, q.start)
                subj = self._colon_subject(a)
                if subj is None:
                    subj = self._bracketed_after_name(a, _token_of_char(doc, q.end - 1))
                if subj is None:
                    subj = self._dash_source(q)
                if subj is None:
                    subj = self._bracketed_source(q)
                if subj is None:
                    subj = self._byline_source(q)
                if subj is None:
                    subj = self._heading_credit(q)
                if subj is None:
                    subj = self._verbless_source(q)
                closing = self._closing_cue(a) if subj is None else None
                if closing is not None:
                    q = self.quote_from_cue("direct", q.start, q.end, q.sentence, closing)
                elif subj is not None:
                    lo, hi = _speaker_phrase(doc, subj)
                    if lo < a <= hi:  # "Inslee: “...”": the parse may hang the quotation from the name
                        hi = a - 1
                        while hi > lo and doc.pos[hi] == "PUNCT":
                            hi -= 1
                    q = replace(q, speaker_text=doc.text[doc.starts[lo] : doc.ends[hi]], speaker_start=doc.starts[lo], speaker_end=doc.ends[hi], speaker_token=subj, speaker_type=speaker_type(doc, subj, lo, hi))
                elif prev is not None and prev.speaker_text is not None and self._sentences_between(prev, q) <= 1 and self._same_voice_between(prev, q.start):
                    q = self._continuing(q, prev)
                else:
                    intro = self._introducing_cue(a)
                    if intro is None:
                        intro = self._paragraph_cue(q, a)
                    if intro is not None:
                        q = self.quote_from_cue("direct", q.start, q.end, q.sentence, intro)
                    elif (named := self._paragraph_subject(q, a)) is not None:
                        lo, hi = _speaker_phrase(doc, named)
                        q = replace(
                            q, speaker_text=doc.text[doc.starts[lo] : doc.ends[hi]], speaker_start=doc.starts[lo], speaker_end=doc.ends[hi], speaker_token=named,
                            speaker_type="pronoun" if doc.pos[named] == "PRON" else "person",
                        )
            out.append(q)
            prev = q
        return out

    def _continuing(self, q: Quote, prev: Quote) -> Quote:
        """Quotation ``q`` with the speaker of ``prev``, which it continues; after words someone
        remembers hearing, the one remembering ("“...,” Green recalled the officer saying. “He
        pulled me up.”": Green goes on telling)."""
        outer = self._remembering_cue(prev)
        return _same_speaker(q, self.quote_from_cue("direct", q.start, q.end, q.sentence, outer) if outer is not None else prev)

    def _remembering_cue(self, q: Quote) -> int | None:
        """The verb of remembering whose object is heard saying quotation ``q`` ("Green recalled
        the officer saying"), or None."""
        doc = self.doc
        if q.cue_start is None:
            return None
        t = _token_of_char(self.doc, q.cue_start)
        v = doc.heads[t] if doc.deps[t] in ("ccomp", "xcomp") else doc.heads[doc.heads[t]] if doc.deps[t] == "acl" else None
        return v if v is not None and v != t and _heard_saying(doc, v) == t else None

    def _last_sentence(self, q: Quote) -> int:
        """The sentence where a quotation and its attribution end (a quotation of several sentences
        is counted from its last one, not its first)."""
        doc = self.doc
        anchor = max(q.end, q.cue_end or 0, q.speaker_end or 0)
        last = self.sent_of[min(_token_of_char(doc, anchor - 1), doc.n_tokens - 1)]
        if q.cue_end is not None and q.cue_end > q.start and last + 1 < len(doc.sentences):
            # the rest of the attribution the parser split off ("“...,” she told New York radio
            # station | Hot 97 earlier this month."): a piece of no verb in the same paragraph
            nxt = doc.sentences[last + 1]
            if (
                "\n" not in doc.text[doc.ends[doc.sentences[last].token_end - 1] : doc.starts[nxt.token_start]]
                and not any(doc.pos[t] in ("VERB", "AUX") or self.quoted(t) for t in range(nxt.token_start, nxt.token_end))
            ):
                return last + 1
        return last

    def _sentences_between(self, prev: Quote, q: Quote) -> int:
        """How many sentences stand between the end of ``prev`` (with its attribution) and the
        start of ``q``, not counting lines of page furniture (:attr:`debris`)."""
        last = self._last_sentence(prev)
        return sum(1 for k in range(last + 1, q.sentence) if k not in self.debris and k not in self.headings)

    def _same_voice_between(self, prev: Quote, start: int) -> bool:
        """Between the previous quotation's attribution and ``start``: a few words at most, no other
        named person or organisation, and no cue with a subject other than the same speaker."""
        doc = self.doc
        a, b = doc.sentences[self._last_sentence(prev)].token_end, _token_of_char(doc, start)
        depth, words = 0, []
        for i in range(a, b):  # a reporter's aside in brackets does not interrupt the source
            if self.sent_of[i] in self.debris or self.sent_of[i] in self.headings:
                continue  # (nor a link to another story the page set between two paragraphs, nor a heading)
            if doc.tokens[i] == "(":
                depth += 1
            if depth == 0 and doc.pos[i] not in ("PUNCT", "SPACE") and not self.quoted(i):
                words.append(i)
            if depth > 0 and doc.tokens[i] == ")":
                depth -= 1
        same = (prev.speaker_text or "").lower()
        own = self.sent_of[b] if b < doc.n_tokens else -1
        # a sentence between whose subject is the same source ("Kendi also took issue with ..."), and
        # the lead-in of the quotation's own sentence ("And in the West Bank, “...”"), may name others
        about = {
            k for k in {self.sent_of[i] for i in words}
            if k == own or any(
                doc.deps[t] in ("nsubj", "nsubjpass") and doc.deps[doc.heads[t]] == "ROOT" and (doc.lower[t] in same or doc.lower[t] in ("he", "she"))
                for t in range(doc.sentences[k].token_start, doc.sentences[k].token_end)
            )
        }
        if len(words) > (40 if about else 30):
            return False  # (a sentence of the writer's, without a name: "“...,” Ahelbarra said. They got the ceasefire ... areas. / “Erdogan won't ...”")
        for i in words:
            if doc.pos[i] == "PROPN" and doc.lower[i] not in same and self.sent_of[i] not in about:
                return False
            if self.sent_of[i] in about and self.sent_of[i] != own and doc.deps[i] != "ROOT":
                continue  # "Kendi also took issue with the argument that Mr. Trump didn't call out ...": his words
            if _is_cue(doc, i):
                subj = _subject(doc, i)
                if subj is not None and doc.pos[subj] != "PRON" and doc.lower[subj] not in same:
                    return False
        return True

    def _colon_subject(self, mark: int) -> int | None:
        """The source that introduces a quotation with a colon and no verb of saying ("Kendi was
        blunt: “...”", "But he got in one last shot: “...”"): a name that opens its line ("Inslee:
        “...”", the way debate fact-checks and roundups set out quotes), else the subject of the clause the colon
        ends, when it is a name, a personal pronoun or a source noun; else the author of a text
        the clause names ("Details were given in a blog post by Acme's executives: “...”")."""
        doc = self.doc
        c = mark - 1
        while c >= 0 and c in self.mark_of:
            c -= 1
        if c < 1 or doc.tokens[c] != ":" or self.quoted(c - 1):
            return None
        first = c - 1
        while first > 0 and doc.pos[first - 1] == "PROPN" and c - first < 4:
            first -= 1
        if doc.pos[c - 1] == "PROPN" and (first == 0 or "\n" in doc.text[doc.ends[first - 1] : doc.starts[first]]):
            return c - 1  # a line that opens with a name and a colon ("Inslee: “...”", "Daily Caller: “...”")
        v, steps = c - 1, 0
        while steps < 14 and doc.heads[v] != v:
            # "Rubin notes that the Taliban seem confident the U.S. will not pull the plug ...: “...”":
            # the clause the colon ends reports someone's words: its speaker introduces the quotation
            v, steps = doc.heads[v], steps + 1
            # (the outermost cue: "Flores said that Sessions had replied to Franken ...: “...”" is Flores's)
            if _is_cue(doc, v) and not self.quoted(v) and not self._reported_inside(v):
                subj = next((t for t in doc.children[v] if doc.deps[t] in ("nsubj", "nsubjpass") and not self.quoted(t)), None)
                if subj is not None and (doc.pos[subj] == "PROPN" or doc.lower[subj] in ("he", "she", "they") or doc.lemmas[subj].lower() in word_class("source_nouns")):
                    return subj
                if subj is not None:
                    break
        v, steps = c - 1, 0
        author = None  # "... in a blog post by the company's executives:", "... was set out by the minister:"
        while steps < 6:
            if author is None and doc.deps[v] == "pobj" and doc.lower[doc.heads[v]] == "by":
                by = doc.heads[v]
                if doc.deps[by] == "agent" or doc.lemmas[doc.heads[by]].lower() in word_class("statement_nouns"):
                    author = v
            # "According to McConnell, his rightward shift reflected ...: “...”": the source the clause cites
            cited = next((a for t in doc.children[v] if (a := _according_to(doc, t)) is not None and not self.quoted(t)), None)
            if cited is not None and (doc.pos[cited] == "PROPN" or doc.lower[cited] in ("him", "her") or doc.lemmas[cited].lower() in word_class("source_nouns")):
                return cited
            subj = next((t for t in doc.children[v] if doc.deps[t] in ("nsubj", "nsubjpass") and not self.quoted(t)), None)
            if subj is not None:
                if doc.pos[subj] == "PROPN" or doc.lower[subj] in ("he", "she", "they") or doc.lemmas[subj].lower() in word_class("source_nouns") or _titled_noun(doc, subj):
                    return subj
                whose = next((c for c in doc.children[subj] if doc.deps[c] == "poss" and (doc.pos[c] == "PROPN" or doc.lower[c] in ("his", "her"))), None)
                if whose is not None and doc.lemmas[subj].lower() in _UTTERANCE_NOUNS:
                    return whose  # "Stahl's question was simple: “...”": whose question it is
                return author
            if doc.heads[v] == v:
                # "Read the Times story:", "From the Post's report:": the outlet whose text it is
                return author if author is not None else self._text_owner(v)
            v, steps = doc.heads[v], steps + 1
        return None

    def _bracketed_after_name(self, mark: int, end: int) -> int | None:
        """The person a quotation alone in brackets follows ("Perry (“Thanks for thinking of him”)",
        "Charlie Baker of Massachusetts (“...”)"), the way a round-up gives each one's reply: the
        name's last word. ``mark`` is the quotation's first token, ``end`` its last or the one
        after it; a bracket with more in it ("Graham (“...,” a spokesman emailed)") has its own cue."""
        doc = self.doc
        while end < doc.n_tokens and (self.quoted(end) or doc.tokens[end] in ("”", '"', "’", ".", ",")):
            end += 1
        if end >= doc.n_tokens or doc.tokens[end] != ")":
            return None
        c = mark - 1
        while c >= 0 and c in self.mark_of:
            c -= 1
        if c < 1 or doc.tokens[c] != "(":
            return None
        k = c - 1
        if doc.pos[k] == "PROPN" and any(e.label in ("GPE", "LOC") and e.start <= k < e.end for e in doc.entities):
            # "Charlie Baker of Massachusetts", "Mike Lee, of Utah": where the person is from
            while k > 0 and doc.pos[k] == "PROPN":
                k -= 1
            if doc.lower[k] != "of":
                return None
            k -= 1
            if doc.tokens[k] == ",":
                k -= 1
        person = next((e for e in doc.entities if e.label == "PERSON" and e.end - 1 == k), None)
        return k if person is not None and not self.quoted(k) else None

    def _text_owner(self, v: int) -> int | None:
        """The name that owns the text verb ``v`` takes as its object or through a preposition
        ("Read the Times story", "from the Post's report"): a name modifying a noun of a text."""
        doc = self.doc
        named: set[int] | None = None
        for c in doc.children[v]:
            noun = c if doc.deps[c] == "dobj" else next((g for g in doc.children[c] if doc.deps[g] == "pobj"), None) if doc.deps[c] == "prep" else None
            if noun is None or doc.pos[noun] != "NOUN" or (doc.lemmas[noun].lower() not in word_class("statement_nouns") and doc.lemmas[noun].lower() not in _TEXT_NOUNS):
                continue  # (not "in the Washington Post": a name, not a text)
            if named is None:
                named = {t for e in doc.entities if e.label in ("ORG", "PERSON") for t in range(e.start, e.end)}
            owner = next((g for g in doc.children[noun] if doc.deps[g] in ("poss", "compound") and g in named and not self.quoted(g)), None)
            if owner is not None:
                return owner
        return None

    def _dash_source(self, q: Quote) -> int | None:
        """The name after a dash that follows a quotation on its line (a pull quote or epigraph:
        "“...” — Christine Moutier, chief medical officer ..."): the head of that name."""
        doc = self.doc
        j = _token_of_char(doc, q.end)
        if j + 1 >= doc.n_tokens or doc.tokens[j] not in ("—", "–", "--", "-") or "\n" in doc.text[q.end : doc.starts[j + 1]]:
            return None
        if self.quoted(j + 1):
            return None
        if doc.pos[j + 1] != "PROPN":
            return self._titled_name_on_line(j + 1)
        head = j + 1
        while doc.deps[head] == "compound" and head < doc.heads[head] <= head + 3 and doc.pos[doc.heads[head]] == "PROPN":
            head = doc.heads[head]
        # "— MSNBC host Chris Hayes": the outlet names the person's employer, the name after the
        # title is who said it
        k = head
        while doc.deps[k] == "compound" and k < doc.heads[k] <= k + 3 and doc.pos[doc.heads[k]] in ("PROPN", "NOUN"):
            k = doc.heads[k]
        if k != head and doc.pos[k] == "PROPN" and doc.pos[k - 1] == "PROPN" and any(doc.pos[t] == "NOUN" for t in range(head + 1, k)):
            return k
        return head

    def _bracketed_source(self, q: Quote) -> int | None:
        """The source named in brackets after a quotation that ends its sentence, closing the line,
        the way round-ups credit the papers they excerpt ("“... running out for leaders.” (The
        Washington Post)", "(NPR's Kirk Siegler, for our Newscast)"): at most ten words, no verb, a
        proper noun first or after a possessive; the head of the name before any comma."""
        doc = self.doc
        if not re.search(r"[.!?]\s*[”\"’']{1,2}$", doc.text[q.start : q.end]):
            return None
        j = _token_of_char(doc, q.end)
        if j + 2 >= doc.n_tokens or doc.tokens[j] != "(" or "\n" in doc.text[q.end : doc.starts[j]]:
            return None
        close = next((t for t in range(j + 1, min(doc.n_tokens, j + 14)) if doc.tokens[t] == ")"), None)
        if close is None or close - j - 1 > 12 or any(doc.pos[t] in ("VERB", "AUX") for t in range(j + 1, close)):
            return None
        after = doc.text[doc.ends[close] : doc.ends[close] + 2].strip(" \t")
        if after[:1] not in ("", "\n"):
            return None  # the paragraph goes on: an aside, not a credit
        end = next((t for t in range(j + 1, close) if doc.tokens[t] == ","), close)
        names = [t for t in range(j + 1, end) if doc.pos[t] == "PROPN" and not self.quoted(t)]
        if not names or not all(doc.pos[t] in ("PROPN", "DET", "PART", "ADP") or doc.tokens[t] in ("'s", "’s", ".", "&") for t in range(j + 1, end)):
            return None
        return names[-1]

    def _titled_name_on_line(self, first: int) -> int | None:
        """The person's name that ends a short credit line starting at token ``first`` after a
        pull quote's dash, when the line opens with their title and employer ("— Nine Line Apparel
        CEO Tyler Merritt"): at most ten words, no verb, a name of two or more words at its end
        (before an optional comma and description) that the tagger took for a person's."""
        doc = self.doc
        line_end = doc.text.find("\n", doc.starts[first])
        line_end = len(doc.text) if line_end == -1 else line_end
        line = [t for t in range(first, doc.n_tokens) if doc.starts[t] < line_end]
        words = [t for t in line if doc.pos[t] not in ("PUNCT", "SPACE")]
        if not words or len(words) > 10 or any(doc.pos[t] in ("VERB", "AUX") for t in line):
            return None
        comma = next((t for t in line if doc.tokens[t] == ","), None)
        last = (comma - 1) if comma is not None else line[-1]
        while last > first and doc.pos[last] == "PUNCT":
            last -= 1
        people = [e for e in doc.entities if e.label == "PERSON" and e.start <= last < e.end]
        if not people or people[0].end - 1 != last or last - people[0].start < 1 or any(doc.pos[t] != "PROPN" for t in range(people[0].start, last + 1)):
            return None
        return last

    def _verbless_source(self, q: Quote) -> int | None:
        """The person named right after a quotation that ends with a comma inside its closing mark,
        in a sentence the writer left without a verb of saying ("“Any candidate needs a bold tax
        plan,” Gabriel Zucman, an economist at Berkeley who has advised Warren."): a full name the
        tagger took for a person's, then the sentence's end or a comma and a description whose only
        verbs are in relative clauses."""
        doc = self.doc
        if not re.search(r",\s*[”\"’']$", doc.text[q.start : q.end]):
            return self._credit_on_line(q)
        j = _token_of_char(doc, q.end)
        person = self._full_name_at(j)
        if person is None:
            return None
        k = person.end
        if k >= doc.n_tokens or doc.tokens[k] not in (",", "."):
            return None
        sent_end = doc.sentences[self.sent_of[k]].token_end
        if doc.tokens[k] == ",":
            for t in range(k + 1, sent_end):
                if self.quoted(t):
                    return None  # another quotation in the sentence
                if doc.pos[t] in ("VERB", "AUX"):
                    a = t
                    for _ in range(12):
                        if doc.deps[a] in ("relcl", "acl") or a < k:
                            break
                        a = doc.heads[a]
                    if doc.deps[a] not in ("relcl", "acl") or a < k:
                        return None  # a verb of its own: "..., Zucman, an economist, told the panel"
        return person.end - 1

    def _full_name_at(self, j: int) -> Entity | None:
        """The person's name of two or more proper nouns the tagger found starting at token ``j``,
        outside quotation marks, or None."""
        doc = self.doc
        person = next((e for e in doc.entities if e.label == "PERSON" and e.start == j), None)
        if person is None or person.end - person.start < 2 or any(doc.pos[t] != "PROPN" for t in range(person.start, person.end)) or self.quoted(j):
            return None
        return person

    def _credit_on_line(self, q: Quote) -> int | None:
        """The person credited on the quotation's own line, the way pull quotes and round-ups
        print them ("'At first, they say ...' Nilab Ahmadi, student"; "“...” Noah Feldman,
        Bloomberg"): the quotation opens the line and ends a sentence inside its marks, then a full
        name the tagger took for a person's, a comma and a short description without a verb or a
        full stop, to the line's end."""
        doc = self.doc
        if q.start > 0 and doc.text[q.start - 1] != "\n":
            return None
        if not re.search(r"[.!?]\s*[”\"’']{1,2}$", doc.text[q.start : q.end]):
            return None
        j = _token_of_char(doc, q.end)
        if j >= doc.n_tokens or "\n" in doc.text[q.end : doc.starts[j]]:
            return None
        person = self._full_name_at(j)
        if person is None:
            return None
        k = person.end
        line_end = doc.text.find("\n", doc.starts[j])
        line_end = len(doc.text) if line_end == -1 else line_end
        if k >= doc.n_tokens or doc.tokens[k] != "," or doc.starts[k] >= line_end:
            return None
        rest = [t for t in range(k + 1, doc.n_tokens) if doc.starts[t] < line_end]
        if not rest or len(rest) > 12 or doc.tokens[rest[-1]] in (".", "!", "?") or any(doc.pos[t] in ("VERB", "AUX") for t in rest):
            return None
        return person.end - 1

    def _byline_source(self, q: Quote) -> int | None:
        """The name on the short line right after a quotation that ends its paragraph, the way
        news roundups credit a columnist ("“...”" / "Ed Morrissey, Hot Air"): a line of at most
        ten words, a name of up to four words, one comma and where it was written, no verb and no
        full stop at its end (not a header: "Money Good, Organization Better, New Voters Best")."""
        doc = self.doc
        j = _token_of_char(doc, q.end)
        if j >= doc.n_tokens or doc.starts[j] < q.end or "\n" not in doc.text[q.end : doc.starts[j]] or doc.text[q.end : doc.starts[j]].strip():
            return None
        line_end = doc.text.find("\n", doc.starts[j])
        line_end = len(doc.text) if line_end == -1 else line_end
        line = [t for t in range(j, doc.n_tokens) if doc.starts[t] < line_end]
        if not line or len(line) > 12 or doc.pos[j] != "PROPN" or self.quoted(j) or doc.tokens[line[-1]] in (".", "!", "?", ":"):
            return None
        if any(doc.pos[t] in ("VERB", "AUX") for t in line) or sum(1 for t in line if doc.pos[t] not in ("PUNCT", "SPACE")) > 10:
            return None
        head = j
        while head + 1 <= line[-1] and doc.pos[head + 1] == "PROPN":
            head += 1  # the name runs to the comma before the outlet ("Ed Morrissey, Hot Air")
        commas = sum(1 for t in line if doc.tokens[t] == ",")
        if head - j > 3 or head + 1 > line[-1] or doc.tokens[head + 1] != "," or commas != 1 or any(doc.lower[t] in ("photo", "photos", "image", "images") for t in line):
            return None  # a name and where it was written, not a header or a photo credit
        return head

    def _closing_cue(self, first: int) -> int | None:
        """The cue that closes the sentence just before token ``first`` in the same paragraph
        ("Distancing is physical, Moutier said. “Socially, we can remain closer.”"): the source
        of that sentence's report goes on speaking. The cue is among the sentence's last words (or
        a parenthetical cue followed only by words of its own: ", he wrote a few days later."),
        outside quotation marks, with a named, pronoun or source-noun subject."""
        doc = self.doc
        s = self.sent_of[first]
        if s == 0:
            return None
        prev = doc.sentences[s - 1]
        mark = first - 1
        while mark >= 0 and mark in self.mark_of:
            mark -= 1
        if mark < prev.token_start or "\n" in doc.text[doc.ends[prev.token_end - 1] : doc.starts[first]]:
            return None
        last = prev.token_end - 1
        while last > prev.token_start and doc.pos[last] == "PUNCT":
            last -= 1
        if doc.tokens[prev.token_end - 1] not in (".", "!", "?") or any(self.quoted(t) for t in range(prev.token_start, prev.token_end)):
            return None  # a quotation in that sentence: its own cue, continued as a quotation is
        # the cue among the last words, or followed only by its own time or place ("..., he
        # wrote a few days before November."): no other verb after it
        for i in range(last, max(prev.token_start, last - 9) - 1, -1):
            if i < last - 3 and (doc.pos[i] in ("VERB", "AUX") and not _is_cue(doc, i)):
                return None
            if _is_cue(doc, i) and not self.unsaid(i):
                if i < last - 3 and not all(subtree_span(doc, i)[0] <= t <= subtree_span(doc, i)[1] for t in range(i + 1, last + 1)):
                    return None
                subj = _subject(doc, i)
                if subj is not None and not self.quoted(subj) and (doc.pos[subj] in ("PROPN", "PRON") or doc.lemmas[subj].lower() in word_class("source_nouns")):
                    if i < last - 3 and not (subj == i - 1 and subj - 1 >= prev.token_start and doc.tokens[subj - 1] == ","):
                        return None  # far from the end only as a parenthetical cue: "X, he wrote ..."
                    return i
                return None
        return None

    def _paragraph_cue(self, q: Quote, first: int) -> int | None:
        """For a quotation that is a paragraph of its own (or follows the paragraph's one sentence
        before it): the cue of the sentence before, when that sentence reports what a named person
        or a "he"/"she" said and quotes nothing ("Schiff used a news conference ..., warning about what he called the
        implications of inaction." / "“We go into this election more vulnerable than we
        should.”")."""
        doc = self.doc
        prev = self._sentence_before_paragraph(q, first)
        if prev is None:
            return None
        for i in range(prev.token_end - 1, prev.token_start - 1, -1):
            if doc.lemmas[i].lower() in word_class("object_speech_verbs") and not any(
                doc.deps[c] == "dobj" and doc.lemmas[c].lower() in word_class("statement_nouns") for c in doc.children[i]
            ):
                continue  # "Complaint released:" on a link line: no report of what someone said (but "The company issued a statement.")
            if _is_cue(doc, i) and not self.unsaid(i) and not self.indirect_question(i) and not self._reported_inside(i):
                subj = _subject(doc, i)
                if subj is not None and not self.quoted(subj) and (
                    doc.pos[subj] == "PROPN" or doc.lower[subj] in ("he", "she")
                    or (doc.lemmas[subj].lower() in word_class("organisation_nouns") and any(doc.lower[c] == "the" for c in doc.children[subj]))  # "The paper later ... issued a clarification."
                    or (doc.lemmas[subj].lower() in word_class("source_nouns") and any(doc.lower[c] == "the" for c in doc.children[subj]))  # "The U.S. official speaking to Fox News said ..."
                ):
                    return i
            source = _according_to(doc, i)
            if source is not None and doc.pos[source] == "PROPN" and not self.quoted(source) and not self._reported_inside(i):
                return i  # "..., according to Mei Xinyu, a researcher at ... “Trump showed no spirit ...”"
        return None

    def _reported_inside(self, i: int) -> bool:
        """Whether cue ``i`` lies inside what another cue of its sentence reports ("Rubio also
        said he hoped the Intelligence Committee could reveal as much as possible": Rubio speaks,
        not the committee)."""
        doc = self.doc
        h, steps = i, 0
        while doc.heads[h] != h and steps < 12:
            h, steps = doc.heads[h], steps + 1
            if _is_cue(doc, h) and not self.unsaid(h):
                return True
        return False

    def _sentence_before_paragraph(self, q: Quote, first: int) -> Sentence | None:
        """The sentence before a quotation that is a paragraph of its own (or follows its
        paragraph's one sentence), when that sentence quotes nothing; else None."""
        doc = self.doc
        text = doc.text
        para_start = text.rfind("\n", 0, q.start) + 1
        para_end = text.find("\n", q.end)
        if text[q.end : para_end if para_end >= 0 else len(text)].strip():
            return None
        s = self.sent_of[first]
        if s == 0:
            return None
        prev = doc.sentences[s - 1]
        gap = text[doc.ends[prev.token_end - 1] : q.start]
        if text[para_start : q.start].strip():
            # or the paragraph's second sentence after one that reports the speaker's words ("Mark
            # Carney said the agreement would open markets. “This is a good day for the Prairies.”")
            if gap.strip() or doc.starts[prev.token_start] < para_start:
                return None
        elif "\n" not in gap:
            return None
        if any(self.quoted(t) and not self._scare_quoted(t) for t in range(prev.token_start, prev.token_end)):
            return None  # (a word or two in quotation marks there quotes nobody: "backed the idea of “deradicalisation” centres")
        return prev

    def _scare_quoted(self, t: int) -> bool:
        """Whether token ``t`` lies in (or on a mark of) a quotation of three words or fewer."""
        k = self.in_quote[t] if self.in_quote[t] >= 0 else self.mark_of.get(t, -1)
        return k >= 0 and self.words(*self.ranges[k]) <= 3

    def _paragraph_subject(self, q: Quote, first: int) -> int | None:
        """For a quotation that is a paragraph of its own with no cue at all, after a sentence
        about one named person that quotes nothing ("The region's police chief, Dilbagh Singh,
        also backed the idea." / "“If any such facility comes up, it will be a good sign.”";
        "Saleema struggles with her pain." / "“I want to tear my heart open.”"): that person, the
        main subject of that sentence, tagged a person's name."""
        doc = self.doc
        prev = self._sentence_before_paragraph(q, first)
        inline = prev is None
        if inline:
            prev = self._sentence_before_inline(q, first)
        if prev is None or doc.tokens[prev.token_end - 1] in ("?", ":"):
            return None
        people = {t for e in doc.entities if e.label == "PERSON" for t in range(e.start, e.end)}
        root = next((t for t in range(prev.token_start, prev.token_end) if doc.heads[t] == t), None)
        subj = None if root is None else next((c for c in doc.children[root] if doc.deps[c] in ("nsubj", "nsubjpass")), None)
        if subj is None:
            return None
        if inline and doc.lower[subj] in ("he", "she"):
            return subj  # (in a transcript's run of narration and clips: "He was an early and vocal supporter. “He will lead ...”")
        # "The region's police chief, Dilbagh Singh, also backed ...": the name in apposition
        named = subj if subj in people else next((c for c in doc.children[subj] if doc.deps[c] == "appos" and c in people), None)
        return named if named is not None and doc.pos[named] == "PROPN" else None

    def _sentence_before_inline(self, q: Quote, first: int) -> Sentence | None:
        """The sentence right before a quotation that goes on inside its paragraph with no cue, in
        the same paragraph and quoting nothing (a video transcript's narration and clips: "President
        Trump likes to talk about America's generals. “Remember the old days ...”"); else None."""
        doc = self.doc
        s = self.sent_of[first]
        if s == 0:
            return None
        prev = doc.sentences[s - 1]
        if doc.text[doc.ends[prev.token_end - 1] : q.start].strip() or "\n" in doc.text[doc.starts[prev.token_start] : q.start]:
            return None
        if doc.tokens[prev.token_end - 1] not in (".", "!"):
            return None
        if any(self.quoted(t) for t in range(prev.token_start, prev.token_end)):
            return None
        return prev

    def _introducing_cue(self, first: int) -> int | None:
        """A cue in the sentence before token ``first`` when that sentence ends with a colon."""
        doc = self.doc
        s = self.sent_of[first]
        if s == 0:
            return None
        prev = doc.sentences[s - 1]
        last = prev.token_end - 1
        if doc.tokens[last] not in (":", "—", "–") and not (doc.tokens[last] in ("“", '"') and last > prev.token_start and doc.tokens[last - 1] == ":"):
            return None
        for i in range(last, prev.token_start - 1, -1):
            # (not a cue inside what another cue of the sentence reports: "Norment ... later released
            # a statement through his spokesman that said:": who released it introduces the quotation)
            if _is_cue(self.doc, i) and not self.quoted(i) and not self._reported_inside(i):
                return i
        return None

    def complement(self, i: int, used_cues: set[int], whole_cues: set[int] | frozenset[int] = frozenset()) -> tuple[int, int] | None:
        """The tokens a cue reports: its clausal complement ("said (that) X"; "urged Canada to X"),
        or, for a parenthetical cue ("X, he said, Y"; "X, officials say"), the clause it interrupts
        without the cue's own words. ``used_cues``: the cues of quotations (character starts);
        ``whole_cues``: those of whole quoted sentences (not of a quoted phrase)."""
        doc = self.doc
        # a clause whose verb is quoted counts when the writer gives its subject ("Cruz said that
        # what Castro did is “wrong”", "King insisted that he “rejects those labels”"): mixed
        comps = [
            c for c in doc.children[i]
            if doc.deps[c] == "ccomp" and (not self.quoted(c) or self.writer_subject(c)) and not self.indirect_question(c)
            and not any(doc.deps[g] == "mark" and doc.lower[g] in ("as", "when", "while", "because", "before", "after") for g in doc.children[c])  # "saying as he stood over her": when, not what
        ]
        if any(doc.deps[c] == "dobj" for c in doc.children[i]):
            # "urged Canada to drop the surtax": what someone was asked to do is reported; "vowed to
            # impose tariffs" is not (the speaker's own act, stated by the outlet)
            comps += [c for c in doc.children[i] if doc.deps[c] == "xcomp" and not self.quoted(c)]
        elif not any(doc.lower[g] == "to" for c in doc.children[i] if doc.deps[c] == "xcomp" for g in doc.children[c]):
            comps += [c for c in doc.children[i] if doc.deps[c] == "xcomp" and not self.quoted(c)]  # "said voting yes would ..."
        comps += [
            c for c in doc.children[i]
            if doc.deps[c] == "advcl" and not self.quoted(c) and any(doc.deps[g] in _SUBJECTS for g in doc.children[c])
            and not any(doc.deps[g] == "mark" and doc.lower[g] != "that" for g in doc.children[c])
            and doc.lower[subtree_span(doc, c)[0]] not in ("when", "while", "whenever")  # a time ("... when Trump was treating friends and foes alike"), not words
        ]
        if (
            comps and doc.starts[i] in used_cues and subtree_span(doc, comps[0])[0] == i + 1 and i > 0 and (i - 1 in self.mark_of or (doc.tokens[i - 1] == "," and i - 2 in self.mark_of))
            and not any(doc.deps[g] in _SUBJECTS and g < i for g in doc.children[i])
        ):
            return None  # "“Oh!” said Murphy, dismayed.": the parser's clause is the quotation's speaker
        if comps:
            # a clause before the cue and one after ("Trump went further: he insisted that he had
            # seen ..."): what the cue reports is the one after it
            comps.sort(key=lambda c: c < i)
            if doc.starts[comps[0]] in whole_cues and doc.starts[i] in whole_cues:
                return None  # '“No,” Saunders said, “but ...,” Patterson said': the next cue of a quotation, no reported clause
            lo, hi = subtree_span(doc, comps[0])
            hi = self.before_next_speech(i, lo, hi)
        elif (doc.deps[i] in ("parataxis", "ccomp") or (doc.deps[i] == "conj" and doc.tags[i] in ("VBD", "VBZ") and i > 0 and doc.tokens[i - 1] in (",", "”", '"') and (after := _subject(doc, i)) is not None and after > i)) and doc.heads[i] != i and doc.heads[i] > i - 40 and (subj := _subject(doc, i)) is not None and subj > doc.heads[i] - 60:
            h = doc.heads[i]
            if self.quoted(h) or _is_cue(doc, h):
                return None
            lo, hi = subtree_span(doc, h)
            while hi > lo and doc.pos[hi] == "PUNCT" and not self.quoted(hi):
                hi -= 1  # the full stop hangs from the main clause: "X, argued Y." ends the sentence with the cue
            clo, chi = subtree_span(doc, i)
            if any(doc.tokens[t] == ";" for t in (clo - 1, clo, chi, chi + 1) if 0 <= t < doc.n_tokens):
                return None  # "the wing warns of ruin; the lobby celebrates": two sentences, no aside
            if clo > 0 and doc.pos[clo] != "PUNCT" and doc.pos[clo - 1] != "PUNCT":
                return None  # not set off by punctuation: a clause of the sentence ("help it counter China"), no aside
            if not (lo < clo and chi < hi) and not (chi < hi and clo <= lo) and not (lo < clo and hi <= chi):
                return None
            if doc.starts[i] in used_cues and lo < clo and all(self.quoted(t) or doc.pos[t] == "PUNCT" for t in range(lo, clo)):
                return None  # "“No,” he said, again contradicting ...": the quotation's cue, then the writer's words
            # the clause around the cue: both sides, cue and its subject taken out below by trimming
            if chi >= hi:
                hi = clo - 1
            elif clo <= lo:
                if chi + 1 < doc.n_tokens and doc.tokens[chi + 1] in ("—", "–", "--"):
                    return None  # "X mused that ... — is that what they are up to?": the writer goes on
                lo = chi + 1
        else:
            return None
        while lo <= hi and (doc.pos[lo] == "PUNCT" or (doc.lower[lo] == "that" and doc.deps[lo] == "mark")):
            lo += 1
        while hi >= lo and doc.pos[hi] == "PUNCT":
            hi -= 1
        if hi < lo:
            return None
        for k, (a, b) in enumerate(self.ranges):  # a quotation opened inside ends inside, with its mark
            if lo <= a <= hi < b:
                hi = max(hi, min(doc.n_tokens, _token_of_char(doc, self.spans[k].end)) - 1)
        inside = [k for k, (a, b) in enumerate(self.ranges) if lo <= a and b - 1 <= hi]
        if doc.starts[i] in used_cues and not any(not self.quoted(t) and doc.pos[t] != "PUNCT" for t in range(lo, hi + 1)):
            return None  # the complement is the quotation itself: already a direct quote
        if inside and self.words(lo, hi + 1) - sum(self.words(*self.ranges[k]) for k in inside) < 2 and not (comps and self.writer_subject(comps[0])):
            return None  # nothing but the quotation
        return lo, hi

    def before_next_speech(self, cue: int, lo: int, hi: int) -> int:
        """The end of a reported clause ``[lo, hi]`` before a clause coordinated inside it that
        has a cue and a subject or a reported clause of its own ("Conservatives said they oppose
        any increase, and interest groups said they will penalize ..."; "said the deal was fair and
        added that ..."; "suggested that A, saying that B"): the parser may hang the second report
        from the first one's words."""
        doc = self.doc
        for t in range(lo, hi + 1):
            participle = doc.deps[t] == "advcl" and doc.tags[t] == "VBG" and any(doc.deps[g] == "ccomp" for g in doc.children[t])  # ", saying that ..."
            if t != cue and (doc.deps[t] == "conj" or participle) and lo <= doc.heads[t] <= hi and not self.quoted(t) and _is_cue(doc, t) and not self.unsaid(t) and any(doc.deps[g] in ("nsubj", "nsubjpass", "ccomp") for g in doc.children[t]):
                end = subtree_span(doc, t)[0] - 1
                while end > lo and (doc.pos[end] == "PUNCT" or doc.deps[end] == "cc"):
                    end -= 1
                return end
        return hi

    def noun_complement(self, noun: int) -> tuple[int, int] | None:
        """What a claim noun reports: its "that" clause ("his claim that the vote was rigged",
        "accusations that it censors voices"), when the clause is complete (a subject, and an
        object, a complement or a passive), so that a relative clause the parser took for one
        ("the claim that he made") is left out."""
        doc = self.doc
        if doc.deps[noun] in ("dobj", "attr") and self.unsaid(doc.heads[noun]):
            return None  # "I am not making the argument that ..."
        for c in doc.children[noun]:
            if doc.deps[c] not in ("acl", "ccomp") or c < noun or self.quoted(c):
                continue
            if not any(doc.deps[g] == "mark" and doc.lower[g] == "that" for g in doc.children[c]) or not any(doc.deps[g] in _SUBJECTS for g in doc.children[c]):
                continue
            lo, hi = subtree_span(doc, c)
            if not any(doc.deps[t] in ("dobj", "attr", "acomp", "ccomp", "xcomp", "auxpass", "nsubjpass", "oprd") for t in range(lo, hi + 1)):
                continue
            while lo <= hi and (doc.pos[lo] == "PUNCT" or (doc.lower[lo] == "that" and doc.deps[lo] == "mark")):
                lo += 1
            while hi >= lo and doc.pos[hi] == "PUNCT" and not self.quoted(hi):
                hi -= 1
            return (lo, hi) if hi >= lo else None
        return None

    def writer_subject(self, c: int) -> bool:
        """Whether clause ``c`` has a subject outside any quotation (the writer's words)."""
        return any(self.doc.deps[g] in ("nsubj", "nsubjpass", "csubj") and not self.quoted(g) for g in self.doc.children[c])

    def unsaid(self, i: int) -> bool:
        """Whether a cue reports no speech: negated ("Trump didn't say he will pardon"; "no leaders
        asked him to"), or the object of a free relative ("what he says about Manafort")."""
        doc = self.doc
        if any(doc.deps[c] == "neg" or (doc.deps[c] == "dobj" and doc.lower[c] == "what") for c in doc.children[i]):
            return True
        subj = _subject(doc, i)
        return subj is not None and any(doc.lower[g] in ("no", "none") for g in (subj, *doc.children[subj]))

    def indirect_question(self, c: int) -> bool:
        """Whether a clause is a question or a description rather than a claim ("explained why she
        would vote", "described how the bill died", "asked whether ...")."""
        doc = self.doc
        lo, _ = subtree_span(doc, c)
        first = doc.lower[lo]
        return first in _WH_WORDS or any(doc.deps[g] == "mark" and doc.lower[g] in ("if", "whether") for g in doc.children[c])

    def reported(self, direct: list[Quote]) -> list[Quote]:
        """Clausal complements of cues, and the clause "according to X" is attached to."""
        doc = self.doc
        used_cues = {q.cue_start for q in direct if q.cue_start is not None}
        whole_cues = {q.cue_start for q in direct if q.cue_start is not None and q.kind == "direct"}
        out: list[Quote] = []
        for i in range(doc.n_tokens):
            if self.quoted(i):
                continue
            content: tuple[int, int] | None = None
            if doc.lower[i] == "according":
                src = _according_to(doc, i)
                h = doc.heads[i]
                if src is None or h == i:
                    continue
                plo, phi = subtree_span(doc, i)
                while plo > h and doc.deps[h] == "conj" and doc.heads[h] != h and not self.quoted(doc.heads[h]):
                    h = doc.heads[h]  # "A was planned, but B happened, according to X": X says both (not "A, but according to X, B")
                lo, hi = subtree_span(doc, h)
                # the clause without the "according to X" phrase and its comma
                if plo <= lo:
                    lo = phi + 1
                    while lo <= hi and doc.pos[lo] == "PUNCT":
                        lo += 1
                    while hi >= lo and doc.pos[hi] == "PUNCT" and not self.quoted(hi):
                        hi -= 1  # "According to officials, the talks failed." without its full stop
                elif (nxt := next((t for t in range(phi + 1, hi + 1) if doc.pos[t] != "PUNCT"), None)) is not None and doc.deps[nxt] != "cc":
                    # set off inside the clause ("Trump agreed and then, according to the Post,
                    # paid him a compliment"): the whole clause; before ", and ..." it ends there
                    while hi >= lo and doc.pos[hi] == "PUNCT" and not self.quoted(hi):
                        hi -= 1
                else:
                    hi = plo - 1
                    while hi >= lo and doc.pos[hi] == "PUNCT":
                        hi -= 1
                own = [t for t in range(lo, hi + 1) if not self.quoted(t) and doc.pos[t] not in ("PUNCT", "SPACE")]
                if hi >= lo and (len(own) >= 2 or not any(self.quoted(t) for t in range(lo, hi + 1))):
                    content = (lo, hi)  # (nothing but a quotation: already a direct quote)
            elif _is_cue(doc, i) and not self.unsaid(i):
                content = self.complement(i, used_cues, whole_cues)
            elif doc.pos[i] == "NOUN" and doc.lemmas[i].lower() in word_class("claim_nouns"):
                content = self.noun_complement(i)
            if content is None:
                continue
            q = self.quote_from_cue("reported", 0, 0, 0, i)
            if q.speaker_text is None and doc.pos[i] != "NOUN":
                continue  # "was asked why ...": reported speech needs a source (a claim noun may name none: "accusations that ...")
            lo, hi = content
            lo = _after_dateline(doc, lo, hi)  # "BERLIN, March 2 (Reuters) - Germany rejects ...": not what was said
            if q.speaker_token is not None and q.speaker_end is not None and i < lo <= q.speaker_token <= hi and doc.ends[hi] <= q.speaker_end:
                continue  # "said retiring Representative Frank LoBiondo": the speaker, not what was said
            has_quote = any(self.in_quote[t] >= 0 for t in range(lo, hi + 1))
            kind = "mixed" if has_quote else "reported"
            out.append(self.quote_from_cue(kind, doc.starts[lo], doc.ends[hi], self.sent_of[lo], i))
        return out


#: A paragraph break inside a quotation where the next paragraph opens the quotation again
_REOPENED = re.compile(r"[ \t]*\n\s*[“\"‘']")


def _paragraph_pieces(text: str, spans: Sequence[QuoteSpan]) -> tuple[list[QuoteSpan], dict[int, int]]:
    """Quotations cut where a paragraph ends unclosed and the next re-opens them (the news
    convention for a quotation over several paragraphs): one quotation per paragraph, the way a
    reader counts them and each may have a cue of its own ("“... the truth is?" / "“Let me put it
    this way,” Mr. Carson said."). A page's line break inside a sentence is no cut. Also: the start
    of each piece of a cut quotation -> the start of the whole."""
    out: list[QuoteSpan] = []
    whole: dict[int, int] = {}
    for s in spans:
        start, inner_start = s.start, s.inner_start
        for m in _REOPENED.finditer(text, s.inner_start, s.inner_end):
            out.append(QuoteSpan(start, m.start(), inner_start, m.start()))
            whole[start] = s.start
            start, inner_start = m.end() - 1, m.end()
        if start != s.start:
            whole[start] = s.start
            out.append(QuoteSpan(start, s.end, inner_start, s.inner_end))
        else:
            out.append(s)
    return out, whole


def _speaker_of_whole(quotes: list[Quote], whole: dict[int, int]) -> list[Quote]:
    """Paragraphs of one quotation (see :func:`_paragraph_pieces`) that found no speaker of their
    own take the speaker of the next paragraph of it that did ("“A ...” / "“B,” Carson said."):
    the whole quotation is one source's."""
    out = list(quotes)
    for k, q in enumerate(out):
        if q.speaker_text is not None or q.start not in whole:
            continue
        later = next((x for x in out[k + 1 :] if whole.get(x.start) == whole[q.start] and x.speaker_text is not None), None)
        if later is not None:
            out[k] = _same_speaker(q, later)
    return out


def find_quotes(doc: Doc, spans: Sequence[QuoteSpan] | None = None) -> list[Quote]:
    """Every quotation and piece of reported speech in a parsed article, in text order.

    Without syntax (a text that was not parsed) only quotations are found, and without speakers.
    """
    if spans is None:
        spans = find_quote_spans(doc.text)
    if not doc.n_tokens:
        return []
    if not doc.has_syntax:
        out = []
        sent_of = _sentence_index(doc)
        for s in spans:
            a, b = _token_of_char(doc, s.inner_start), _token_of_char(doc, s.inner_end)
            if b - a >= MIN_QUOTE_WORDS:
                out.append(Quote(kind="direct", start=s.start, end=s.end, sentence=sent_of[a]))
        return out
    pieces, whole = _paragraph_pieces(doc.text, spans)
    finder = _Finder(doc, pieces)
    direct = _speaker_of_whole(finder.direct(), whole)
    direct += finder.nested(direct)
    # reported speech in a link to another story is that story's headline, not this story's
    # source ("More: Tesla Model S crash into California pond killed driver, police say")
    reported = [q for q in finder.reported(direct) if q.cue_start is None or not on_link_line(doc.text, q.cue_start)]
    quotes = direct + reported
    quotes.sort(key=lambda q: (q.start, q.end))
    return quotes

