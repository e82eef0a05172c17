"""What the parse says about a target: the evaluative words syntactically tied to it.

Word distance is a poor guide to whom a word evaluates: in "the would-be dictator US president
has hit Canada", "dictator" is two words from "Canada"'s verb and describes the president; in "a
willing vassal in Xi's imperial project", "imperial" describes Xi's project. This module reads the
dependency parse of the target's sentence and finds, for a target span, the words that stand in
one of these relations to it:

``modifier``
    a dependent of the target's words: adjective, compound, apposition, relative clause
    ("the *would-be dictator* US president", "Carney, *a willing vassal*", "Trump, *who lies*");
``label``
    what the target itself modifies or belongs to ("the Trump *regime*", "Xi's *imperial project*",
    "a *vassal*, Canada");
``predicate``
    what a copula says of the target ("X is *a bully*", "X became *a willing vassal*");
``agent_verb`` / ``patient_verb``
    the verb the target does or undergoes, with its adverbs ("X *brazenly lied*",
    "X was *bullied*"; a negated verb's valence is flipped).

Each word carries its valence: the VADER lexicon (Hutto & Gilbert 2014) where it has the word or
its lemma, else the polarity of the word in framing's loaded-language lexicon (pejoratives
negative, praise positive). :class:`SyntaxFeatures` turns these into model features (valence
sums per relation, the target's dependency relation, and ``relation:lemma`` indicators), and
:func:`linked_evaluations` gives them as evidence.

The parse comes from the article's own :class:`~framing.types.Doc` when the analysis registered
it (:func:`remember_doc_sentence`: one parse per article), else the sentence is parsed on demand
with the default spaCy pipeline (API calls on loose sentences, and training).

Why this module is long: the relations, the reader's valence of evidence, the sentence-parse cache
and the model features all read the same small tree walk; split up, each part would import the
private pieces of the others.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from framing.resources import vader_lexicon_path
from framing.sentiment.records import check_record, stem
from framing.sentiment.valence import inflect_word, read_vader_lexicon
from framing.text.parse import sentence_at

if TYPE_CHECKING:
    from framing.markers.match import GlobTable

__all__ = ["RELATIONS", "SentenceSyntax", "SyntaxFeatures", "doc_evaluations", "linked_evaluations", "linked_words", "prime", "release", "remember_doc_sentence", "sentence_syntax"]

RELATIONS = ("modifier", "label", "predicate", "agent_verb", "patient_verb")
#: Dependency relations of the target's head that get their own indicator feature.
HEAD_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj", "poss", "compound", "appos", "conj", "attr", "npadvmod", "ROOT")
COPULAS = frozenset({"be", "become", "remain", "seem", "appear", "prove", "stay", "look", "sound"})
MODIFIER_DEPS = frozenset({"amod", "compound", "appos", "acl", "relcl", "nmod", "advmod", "npadvmod"})
LABEL_DEPS = frozenset({"compound", "poss", "appos", "nmod", "amod"})
#: Words never counted as evaluation however they are tagged: function words and the target's
#: grammatical scaffolding.
SKIP_DEPS = frozenset({"det", "punct", "case", "cc", "prep", "aux", "auxpass", "mark", "neg", "nummod", "poss"})
#: Dependents not followed inside a modifier or predicate: other clauses and other conjuncts say
#: something else ("Carney is right to *want* more", "Canada, the EU, Japan and the *United* Kingdom").
CLAUSE_DEPS = frozenset({"xcomp", "ccomp", "advcl", "conj", "parataxis", "csubj"})
MAX_SUBTREE = 8
CACHE_SIZE = 4096


class SentenceSyntax(NamedTuple):
    """One sentence's tokens and dependency parse (heads relative to the sentence; a root or a
    token whose head lies outside the sentence is its own head)."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    lower: tuple[str, ...]
    lemmas: tuple[str, ...]
    deps: tuple[str, ...]
    heads: tuple[int, ...]
    children: tuple[tuple[int, ...], ...]
    pos: tuple[str, ...] = ()


_CACHE: OrderedDict[str, SentenceSyntax] = OrderedDict()
#: Parses of :func:`prime` (a training set): kept whole, whatever its size, until :func:`release`.
_PRIMED: dict[str, SentenceSyntax] = {}


def _remember(sentence: str, syn: SentenceSyntax) -> None:
    _CACHE[sentence] = syn
    _CACHE.move_to_end(sentence)
    while len(_CACHE) > CACHE_SIZE:
        _CACHE.popitem(last=False)


def _from_columns(doc: Any, t0: int, t1: int, offset: int) -> SentenceSyntax:
    heads = tuple([h - t0 if t0 <= h < t1 else i for i, h in enumerate(doc.heads[t0:t1])])
    kids: list[list[int]] = [[] for _ in heads]
    for i, h in enumerate(heads):
        if h != i:
            kids[h].append(i)
    return SentenceSyntax(
        tuple([a - offset for a in doc.starts[t0:t1]]),
        tuple([b - offset for b in doc.ends[t0:t1]]),
        doc.lower[t0:t1] if doc.lower else tuple([t.lower() for t in doc.tokens[t0:t1]]),
        tuple([lemma.lower() for lemma in doc.lemmas[t0:t1]]),
        doc.deps[t0:t1],
        heads,
        tuple([tuple(k) for k in kids]),
        doc.pos[t0:t1] if doc.pos else (),
    )


def remember_doc_sentence(doc: Any, char_start: int, char_end: int) -> SentenceSyntax | None:
    """Register the parse of ``doc.text[char_start:char_end]`` (whole sentences of an analysed
    article) so that scoring mentions in it reuses the article's parse; returns it (None when the
    article has no parse)."""
    if not doc.has_syntax:
        return None
    sentence = doc.text[char_start:char_end]
    hit = _CACHE.get(sentence)
    if hit is None:
        t0 = bisect_left(doc.starts, char_start)
        t1 = bisect_left(doc.starts, char_end)
        hit = _from_columns(doc, t0, t1, char_start)
        _remember(sentence, hit)
    return hit


def mention_sentence(doc: Any, start: int, end: int) -> tuple[int, int]:
    """Character span of the sentence(s) a mention lies in: one, or two when the parser ended a
    sentence inside it ("Gov. | Carney" split after the abbreviation)."""
    first = doc.sentences[max(0, sentence_at(doc, start))]
    last = doc.sentences[max(0, sentence_at(doc, max(start, end - 1)))]
    return first.start, last.end


def sentence_syntax(sentence: str) -> SentenceSyntax:
    """The parse of one sentence: registered by the analysis, else parsed now (and cached)."""
    hit = _CACHE.get(sentence) or _PRIMED.get(sentence)
    if hit is not None:
        return hit
    from framing.text.parse import parse

    doc = parse(sentence)
    if doc.has_syntax:
        syn = _from_columns(doc, 0, doc.n_tokens, 0)
    else:  # not parsed (not English, ...): tokens without relations
        n = doc.n_tokens
        syn = SentenceSyntax(doc.starts, doc.ends, tuple(t.lower() for t in doc.tokens), tuple(t.lower() for t in doc.tokens), ("",) * n, tuple(range(n)), ((),) * n)
    _remember(sentence, syn)
    return syn


def prime(sentences: Iterable[str], *, batch_size: int = 64) -> None:
    """Parse many sentences at once and keep them all (training and evaluation sets: much faster
    than one by one); :func:`release` frees them."""
    from framing.text.parse import parse_many

    todo = list(dict.fromkeys(s for s in sentences if s not in _CACHE and s not in _PRIMED))
    for s, doc in zip(todo, parse_many(todo, batch_size=batch_size)):
        if doc.has_syntax:
            _PRIMED[s] = _from_columns(doc, 0, doc.n_tokens, 0)


def release() -> None:
    """Forget the parses kept by :func:`prime`."""
    _PRIMED.clear()


def target_tokens(syn: SentenceSyntax, start: int, end: int) -> tuple[int, int]:
    """The token range ``[first, last)`` that the character span ``[start, end)`` covers."""
    first = bisect_right(syn.ends, start)  # the first token ending after the span starts
    last = bisect_left(syn.starts, end)  # past the last token starting before the span ends
    return (first, last) if first < last else (0, 0)


def _head(syn: SentenceSyntax, first: int, last: int) -> int:
    for i in range(first, last):
        h = syn.heads[i]
        if h == i or not first <= h < last:
            return i
    return last - 1


def _subtree(syn: SentenceSyntax, top: int, avoid: range) -> list[int]:
    out: list[int] = []
    todo = [top]
    while todo and len(out) < MAX_SUBTREE:
        t = todo.pop()
        if t in avoid:
            continue
        if t != top and (syn.deps[t] in SKIP_DEPS or syn.deps[t] in CLAUSE_DEPS):
            continue
        out.append(t)
        todo.extend(reversed(syn.children[t]))
    return out


def _negated(syn: SentenceSyntax, v: int) -> bool:
    return any(syn.deps[c] == "neg" for c in syn.children[v])


def linked_words(syn: SentenceSyntax, first: int, last: int) -> list[tuple[int, str, bool]]:
    """``(token, relation, negated)`` for the words tied to the target tokens ``[first, last)``
    (see the module docstring for the relations)."""
    if last <= first or not syn.deps or not syn.deps[first]:
        return []
    span = range(first, last)
    h = _head(syn, first, last)
    # a conjunct takes its first conjunct's place in the clause ("Canada and Mexico were bullied")
    top = h
    while syn.deps[top] == "conj" and syn.heads[top] != top:
        top = syn.heads[top]
    out: list[tuple[int, str, bool]] = []
    seen: set[int] = set(span)

    def add(tokens: Iterable[int], rel: str, neg: bool = False) -> None:
        for t in tokens:
            if t not in seen:
                seen.add(t)
                out.append((t, rel, neg))

    for i in span:
        for c in syn.children[i]:
            if c not in span and syn.deps[c] in MODIFIER_DEPS:
                add(_subtree(syn, c, span), "modifier")
    dep, up = syn.deps[top], syn.heads[top]
    if up != top:
        if dep in LABEL_DEPS:
            add([up], "label")
            add([c for c in syn.children[up] if syn.deps[c] in ("amod", "compound") and c not in span], "label")
        elif dep in ("nsubj", "nsubjpass", "csubj"):
            neg = _negated(syn, up)
            if syn.lemmas[up] in COPULAS:
                for c in syn.children[up]:
                    if syn.deps[c] in ("attr", "acomp", "oprd"):
                        add(_subtree(syn, c, span), "predicate", neg)
            else:
                add([up], "agent_verb" if dep != "nsubjpass" else "patient_verb", neg)
                add([c for c in syn.children[up] if syn.deps[c] == "advmod"], "agent_verb" if dep != "nsubjpass" else "patient_verb", neg)
        elif dep in ("dobj", "obj", "dative"):
            add([up], "patient_verb", _negated(syn, up))
        elif dep == "pobj" and syn.deps[up] == "agent" and syn.heads[up] != up:  # "... by X"
            v = syn.heads[up]
            add([v], "agent_verb", _negated(syn, v))
    return out


@lru_cache(maxsize=1)
def _loaded_polarity() -> tuple[dict[str, float], tuple[tuple[Any, float], ...]]:
    """Loaded-language words of the built-in rhetoric lexicon with their direction: exact words
    and globs, -1 for pejoratives and +1 for entries marked ``polarity = "positive"``."""
    from framing.markers.lexicons import load_lexicon
    from framing.markers.match import Glob
    from framing.resources import lexicon_dir

    lex = load_lexicon(lexicon_dir() / "rhetoric.toml")
    exact: dict[str, float] = {}
    globs: list[tuple[Any, float]] = []
    for e in lex.entries:
        if e.category != "loaded_language" or " " in e.term.strip():
            continue
        v = {"positive": 1.0, "negative": -1.0}.get(e.polarity or "negative", 0.0)
        term = e.term.lower()
        if "*" in term:
            globs.append((Glob(term), v))
        else:
            exact[term] = v
    return exact, tuple(globs)


def glob_table(globs: Sequence[tuple[Any, float]]) -> GlobTable[float]:
    """:class:`~framing.markers.match.GlobTable` of loaded-word globs and their directions, in
    their order (the first that matches a word gives its direction)."""
    from framing.markers.match import GlobTable

    table: GlobTable[float] = GlobTable()
    for g, v in globs:
        table.add(g.pattern, v)
    return table


@lru_cache(maxsize=1)
def _loaded_index() -> GlobTable[float]:
    return glob_table(_loaded_polarity()[1])


@lru_cache(maxsize=50_000)
def loaded_valence(word: str) -> float:
    """The loaded-language direction of a lower-case word (0 if it is not a loaded word)."""
    exact = _loaded_polarity()[0]
    if word in exact:
        return exact[word]
    v = _loaded_index().first(word)
    return 0.0 if v is None else v


@lru_cache(maxsize=1)
def _vader() -> dict[str, float]:
    lex = {w: v / 4.0 for w, v in read_vader_lexicon(vader_lexicon_path()).items()}
    return {**{f: v for w, v in lex.items() for f in inflect_word(w)}, **lex}


def word_valence(word: str, lemma: str, vader: dict[str, float] | None = None, loaded: Any = None) -> float:
    """Valence in [-1, 1]: VADER's (of the word or its lemma), else half the loaded direction
    (``loaded``: a function word -> direction; default :func:`loaded_valence`)."""
    vader = _vader() if vader is None else vader
    v = vader.get(word, vader.get(lemma))
    if v is not None:
        return v
    return 0.5 * (loaded or loaded_valence)(word)


@lru_cache(maxsize=1)
def _vader_plain() -> dict[str, float]:
    return {w: v / 4.0 for w, v in read_vader_lexicon(vader_lexicon_path()).items()}


def evidence_valence(syn: SentenceSyntax, t: int, rel: str) -> float:
    """The valence a reader would grant token ``t`` as evaluation of the target in relation
    ``rel`` (stricter than the model's features, which learn their own weights):

    * VADER's valence of the word as written, or of its lemma for a verb, adjective or adverb
      (not of a noun: "goods" is not "good"), else half its loaded-language direction;
    * in a ``label`` relation (what the target is part of: "Trump's *bullying*", "America's
      *friends*") only loaded-language words count: a possession is not a portrayal unless the
      word itself judges.
    """
    word = syn.lower[t]
    if syn.pos and syn.pos[t] == "PROPN":  # a name ("United" Kingdom) is not an evaluation
        return 0.0
    loaded = loaded_valence(word)
    if rel == "label":
        return 0.5 * loaded
    vader = _vader_plain()
    v = vader.get(word)
    if v is None and syn.pos and syn.pos[t] in ("VERB", "ADJ", "ADV"):
        v = vader.get(syn.lemmas[t])
    return v if v is not None else 0.5 * loaded


#: Endings of nouns of conduct or quality: "Trump's *bullying*", "China's *aggression*" describe
#: their possessor; "America's *dictator*" (an agent noun) is someone else.
_QUALITY_ENDINGS = ("ing", "ion", "ment", "ism", "ness", "ity", "ance", "ence", "cy", "ry", "ite")


def _label_head(syn: SentenceSyntax, first: int, last: int) -> int:
    """The one token whose judgement is a judgement of the actor in a ``label`` relation: the noun
    the mention is part of ("the Trump *regime*"), for a possessor only a noun of conduct or
    quality ("Trump's *bullying*"); -1 when there is none. The noun's own modifiers ("vile
    Canadian nationalism", "America's fascist dictator") describe the noun, not the actor."""
    if last <= first or not syn.deps or not syn.deps[first]:
        return -1
    top = _head(syn, first, last)
    while syn.deps[top] == "conj" and syn.heads[top] != top:
        top = syn.heads[top]
    up = syn.heads[top]
    if up == top or syn.deps[top] not in LABEL_DEPS:
        return -1
    if syn.deps[top] == "poss" and not syn.lower[up].endswith(_QUALITY_ENDINGS):
        return -1
    return up


#: Valence given to a word the outlet puts in scare quotes when it describes an actor (the
#: “democratic” government, its “partners”): the quotation marks distance the writer from the word.
SCARE_VALENCE = -0.5


def _evaluations(
    syn: SentenceSyntax, text: str, offset: int, start: int, end: int, scare: Sequence[tuple[int, int]] = ()
) -> list[tuple[str, int, int, float, str]]:
    first, last = target_tokens(syn, start - offset, end - offset)
    owner = _label_head(syn, first, last)
    out = []
    for t, rel, neg in linked_words(syn, first, last):
        if rel == "label" and t != owner:
            continue  # a word describing what the actor owns or is part of, not the actor
        a, b = syn.starts[t] + offset, syn.ends[t] + offset
        # a scare-quoted adjective in front of the actor: irony (the "democratic" United States).
        # Not a scare-quoted predicate, which usually disowns a claim about the actor (Canada
        # could become a "back door"), nor a quoted name or slogan that holds the actor ("US
        # hegemony", "America first") or the thing it owns ("super embassy")
        if rel == "modifier" and syn.pos and syn.pos[t] == "ADJ" and any(s <= a and b <= e and (e <= start or s >= end) for s, e in scare):
            out.append((text[a:b], a, b, SCARE_VALENCE, "scare_quote"))
            continue
        v = evidence_valence(syn, t, rel)
        if v:
            out.append((text[a:b], a, b, round(-0.74 * v if neg else v, 4), rel))
    out.sort(key=lambda x: -abs(x[3]))
    return out


def doc_evaluations(doc: Any, start: int, end: int, scare: Sequence[tuple[int, int]] = ()) -> list[tuple[str, int, int, float, str]]:
    """:func:`linked_evaluations` of the mention ``doc.text[start:end]`` of an analysed article,
    from the article's own parse, with offsets in the article. An adjective in front of the
    mention inside one of the ``scare`` quotation spans (not one holding the mention itself) (the outlet's scare quotes) is relation
    ``scare_quote``, valence :data:`SCARE_VALENCE`."""
    a, b = mention_sentence(doc, start, end)
    syn = remember_doc_sentence(doc, a, b)
    return [] if syn is None else _evaluations(syn, doc.text, a, start, end, scare)


def linked_evaluations(sentence: str, start: int, end: int) -> list[tuple[str, int, int, float, str]]:
    """The evaluative words tied to the target ``sentence[start:end]`` in the parse:
    ``(word, char_start, char_end, valence, relation)``, strongest first.

    >>> [(w, r) for w, _, _, _, r in linked_evaluations("The would-be dictator US president has hit Canada.", 25, 37)]
    [('dictator', 'modifier')]
    """
    return _evaluations(sentence_syntax(sentence), sentence, 0, start, end)


#: Per fitted model: its loaded-language table and a cached lookup over it.
_LOOKUPS: dict[int, tuple[dict[str, float], Any]] = {}


@lru_cache(maxsize=4)
def _compiled(globs: tuple[tuple[str, float], ...]) -> tuple[tuple[Any, float], ...]:
    from framing.markers.match import Glob

    return tuple((Glob(p), v) for p, v in globs)


class SyntaxFeatures(TransformerMixin, BaseEstimator):
    """Model features from the parse of each record ``(sentence, start, end)``.

    Dense: positive and negative valence sums of the words in each relation
    (:data:`RELATIONS`), one indicator per dependency relation of the target's head
    (:data:`HEAD_DEPS`, plus "other"), and tree-distance-weighted positive and negative sums over
    the whole sentence (weight ``1 / tree distance``). Sparse: ``relation:stem`` indicators for
    every linked word (the vocabulary keeps those seen in at least ``min_df`` training records;
    ``lemmas=False``: none).
    """

    def __init__(self, *, min_df: int = 2, lemmas: bool = True) -> None:
        self.min_df = min_df
        self.lemmas = lemmas

    def _keys(self, syn: SentenceSyntax, links: Sequence[tuple[int, str, bool]]) -> list[str]:
        if not self.lemmas:
            return []
        return [f"{rel}:{'not ' if neg else ''}{stem(syn.lower[t])}" for t, rel, neg in links]

    def _analyse(self, rec: Any) -> tuple[SentenceSyntax, int, int, list[tuple[int, str, bool]]]:
        sentence, start, end = check_record(rec)
        syn = sentence_syntax(sentence)
        first, last = target_tokens(syn, start, end)
        return syn, first, last, linked_words(syn, first, last)

    def _loaded_fn(self) -> Any:
        """word -> loaded-language direction, as stored at fit (the model does not follow later
        lexicon edits)."""
        exact = self.loaded_exact_
        hit = _LOOKUPS.get(id(exact))
        if hit is not None and hit[0] is exact:  # the entry holds the dict, so its id is not reused
            return hit[1]
        table = glob_table(_compiled(tuple((p, v) for p, v in self.loaded_globs_)))

        @lru_cache(maxsize=50_000)  # bounded: a worker's memory must not grow with the vocabulary
        def loaded(word: str) -> float:
            v = exact.get(word)
            if v is not None:
                return v
            g = table.first(word)
            return 0.0 if g is None else g

        _LOOKUPS[id(exact)] = (exact, loaded)
        return loaded

    def fit(self, X: Any, y: Any = None) -> SyntaxFeatures:
        exact, globs = _loaded_polarity()
        self.loaded_exact_ = dict(exact)
        self.loaded_globs_ = [[g.pattern, v] for g, v in globs]
        recs = list(X)
        prime(s for s, _, _ in (check_record(r) for r in recs))
        counts: dict[str, int] = {}
        for r in recs:
            syn, _, _, links = self._analyse(r)
            for k in set(self._keys(syn, links)):
                counts[k] = counts.get(k, 0) + 1
        self.vocabulary_ = {k: i for i, k in enumerate(sorted(k for k, c in counts.items() if c >= self.min_df))}
        return self

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        check_is_fitted(self, "vocabulary_")
        dense = [f"{r}_{p}" for r in RELATIONS for p in ("pos", "neg")] + [f"dep_{d}" for d in (*HEAD_DEPS, "other")] + ["tree_pos", "tree_neg"]
        return np.asarray(dense + sorted(self.vocabulary_, key=self.vocabulary_.__getitem__), dtype=object)

    def transform(self, X: Any) -> sp.csr_matrix:
        check_is_fitted(self, "vocabulary_")
        recs = list(X)
        n_dense = 2 * len(RELATIONS) + len(HEAD_DEPS) + 1 + 2
        rel_col = {r: 2 * k for k, r in enumerate(RELATIONS)}
        dep_col = {d: 2 * len(RELATIONS) + k for k, d in enumerate(HEAD_DEPS)}
        other = 2 * len(RELATIONS) + len(HEAD_DEPS)
        vocab, vader, loaded = self.vocabulary_, _vader(), self._loaded_fn()
        rows: list[int] = []
        cols: list[int] = []
        vals: list[float] = []
        for r, rec in enumerate(recs):
            syn, first, last, links = self._analyse(rec)
            if last <= first or not syn.deps or not syn.deps[first]:
                continue
            acc = np.zeros(n_dense)
            for t, rel, neg in links:
                v = word_valence(syn.lower[t], syn.lemmas[t], vader, loaded)
                if neg:
                    v *= -0.74
                if v:
                    acc[rel_col[rel] + (0 if v > 0 else 1)] += abs(v)
            h = _head(syn, first, last)
            acc[dep_col.get(syn.deps[h], other)] = 1.0
            dist = _tree_distances(syn, h)
            for t, d in enumerate(dist):
                if d > 0:
                    tv = vader.get(syn.lower[t])
                    if tv:
                        acc[n_dense - 2 + (0 if tv > 0 else 1)] += abs(tv) / d
            nz = np.flatnonzero(acc)
            rows.extend([r] * len(nz))
            cols.extend(nz.tolist())
            vals.extend(acc[nz].tolist())
            for k in set(self._keys(syn, links)):
                c = vocab.get(k)
                if c is not None:
                    rows.append(r)
                    cols.append(n_dense + c)
                    vals.append(1.0)
        return sp.csr_matrix((vals, (rows, cols)), shape=(len(recs), n_dense + len(vocab)))


def _tree_distances(syn: SentenceSyntax, source: int) -> list[int]:
    """Edges between ``source`` and every token of the sentence in the (undirected) parse tree
    (-1 for tokens not connected to it)."""
    n = len(syn.heads)
    dist = [-1] * n
    dist[source] = 0
    todo = [source]
    for t in todo:
        nxt = [*syn.children[t]]
        if syn.heads[t] != t:
            nxt.append(syn.heads[t])
        for u in nxt:
            if dist[u] < 0:
                dist[u] = dist[t] + 1
                todo.append(u)
    return dist

