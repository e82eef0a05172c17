"""What an article is about, for same-story grouping: its names and its content words, as one
sparse vector per article (:func:`story_vectors`), from titles and texts alone (no parse).

Two articles on one event share the people, organisations and places they name, whatever their
length and register: a wire report, a long op-ed and a socialist analysis of the same deal all name
the prime minister, the trade minister and the two countries, while their other words differ. So:

* **names** are capitalised word sequences (``Mark Carney``, ``Commerce Ministry``). A capitalised
  word that opens a sentence, or stands in a headline written in title case, counts only when the
  corpus writes it capitalised in mid-sentence at least as often as in lower case ("The", "Strikes"
  and "Details" do not count, "Carney" does). Titles ("Prime Minister", "Sen.") are dropped;
  names the actor gazetteer knows become the actor ("Beijing", "Chinese" and "China" are one
  name); a two- or three-word name also gives its last word, so a piece that only says "Aucoin"
  meets one that says "Louise Aucoin" (surname linking).
* **content words** are lower-cased words that are not stop words, a plural ``s`` removed.

Each kind is weighted by TF-IDF over the corpus (the title's names count ``TITLE_WEIGHT`` times,
its words one more time),
and each article keeps only its ``TOP_NAMES`` strongest names and ``TOP_WORDS`` strongest words:
a long, discursive piece is then represented by what it is mainly about rather than by everything
it touches on, so its similarity to a short report of the same event does not shrink with its
length. The two parts are joined so that the dot product of two rows is
``NAME_SHARE * (cosine of names) + (1 - NAME_SHARE) * (cosine of words)``.

Measured on stories built from Article-Bias-Prediction by ``bench/validate_stories.py``
(docs/validation.md, "Same-story grouping").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

import numpy as np

__all__ = ["NAME_SHARE", "TITLE_WEIGHT", "TOP_NAMES", "TOP_WORDS", "CasingTable", "article_names", "article_words", "casing_table", "story_vectors"]

#: Names and words each article keeps (its strongest by TF-IDF)
TOP_NAMES = 20
TOP_WORDS = 40
#: Weight of the name cosine in a pair's similarity (the rest is the content-word cosine)
NAME_SHARE = 0.3
#: The title's names count this many times (its content words once more)
TITLE_WEIGHT = 2

_STOP: frozenset[str] | None = None
# words that precede a name without being part of it
_TITLES = frozenset(
    ["mr", "mrs", "ms", "mx", "dr", "prof", "sen", "rep", "gov", "lt", "col", "gen", "sgt", "capt", "president", "vice", "prime", "minister", "secretary", "chancellor", "premier", "chairman", "chairwoman", "chair", "commissioner", "judge", "justice", "pope", "king", "queen", "prince", "princess", "former", "acting", "chief", "senator", "governor", "representative", "congressman", "congresswoman", "speaker", "leader", "mayor", "attorney", "ambassador", "deputy", "director", "spokesman", "spokeswoman", "general"]
)
# lower-case words allowed inside a name ("Bank of Canada", "Osama bin Laden")
_CONNECTORS = frozenset(["of", "de", "del", "da", "van", "von", "bin", "al", "la", "le"])
_SUFFIXES = frozenset(["jr", "sr", "ii", "iii", "iv"])
_CALENDAR = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december", "i"])
_CAP = r"[A-Z](?:[\w'’&-]|\.(?=\w))*"
_NAME_RE = re.compile(r"(?<![\w'’])" + _CAP + r"(?: (?:(?:of|de|del|da|van|von|bin|al|la|le) )?" + _CAP + r")*")
_LOWER_RE = re.compile(r"(?<![\w'’])[a-z][a-z'’-]*")
_WORD_RE = re.compile(r"[a-z][a-z'’-]*[a-z]")
_LINE_RE = re.compile(r"^.*$", re.MULTILINE)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”«»•►*#|>\n(\[]\W*)$")
_DAY_AFTER = re.compile(r" \d")
_DAY_BEFORE = re.compile(r"\d $")
_HEADLINE_WORD = re.compile(r"[A-Za-z][\w'’-]{3,}")


def _stop_words() -> frozenset[str]:
    global _STOP
    if _STOP is None:
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

        _STOP = frozenset(ENGLISH_STOP_WORDS)
    return _STOP


def _norm(word: str) -> str:
    """Lower case, no possessive, no dots ("U.S." and "US" are one)."""
    word = word.replace("’", "'")
    word = word.removesuffix("'s")
    return word.rstrip("'").replace(".", "").lower()


def _is_headline(line: str) -> bool:
    """A line in title case: three or more words of four letters or more, nearly all capitalised."""
    if len(line) > 200:
        return False
    words = _HEADLINE_WORD.findall(line)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _opens_sentence(text: str, start: int) -> bool:
    return _SENTENCE_START.search(text, max(0, start - 4), start) is not None


class CasingTable:
    """How often each word is written capitalised in mid-sentence and in lower case, over a corpus."""

    def __init__(self, capitalised: Counter[str], lower: Counter[str]) -> None:
        self.capitalised = capitalised
        self.lower = lower

    def is_name(self, word: str) -> bool:
        """A capitalised word at a sentence start or in a headline counts as a name."""
        cap = self.capitalised.get(word, 0)
        return cap > 0 and cap >= self.lower.get(word, 0) and word not in _stop_words()


# A run of capitalised words as found: each word (normalised) and whether it must be checked
# against the casing table (it opens a sentence, or stands in a headline)
_Run = list[tuple[str, bool]]


def _scan(text: str, *, headline: bool = False, norms: dict[str, str] | None = None) -> tuple[list[_Run], list[str]]:
    """The capitalised runs of a text, and its capitalised words in mid-sentence outside headlines
    (what the casing table counts)."""
    norms = {} if norms is None else norms
    runs: list[_Run] = []
    mid: list[str] = []
    for line in (text,) if headline else _LINE_RE.findall(text):
        if not line or line.isspace():
            continue
        in_headline = headline or _is_headline(line)
        for m in _NAME_RE.finditer(line):
            first = in_headline or _opens_sentence(line, m.start())
            run = []
            raws = m.group(0).split(" ")
            for k, raw in enumerate(raws):
                word = norms.get(raw)
                if word is None:
                    word = norms[raw] = _norm(raw)
                if word == "may" and ((k == len(raws) - 1 and _DAY_AFTER.match(line, m.end())) or (k == 0 and _DAY_BEFORE.search(line, max(0, m.start() - 4), m.start()))):
                    word = ""  # the month, not Theresa May
                checked = in_headline or (k == 0 and first)
                run.append((word, checked))
                if word and not checked:
                    mid.append(word)
                if raw.endswith(("'s", "’s")):  # "Chile's Congress" is two names
                    run.append(("", False))
            runs.append(run)
    return runs, mid


def _lower_counts(text: str) -> Counter[str]:
    found = Counter(_LOWER_RE.findall(text))
    for w in [w for w in found if "'" in w or "’" in w]:
        n = found.pop(w)
        found[_norm(w)] += n
    return found


def casing_table(texts: Iterable[str]) -> CasingTable:
    """Count every word's mid-sentence capitalised and lower-case uses (headlines left out)."""
    cap: Counter[str] = Counter()
    low: Counter[str] = Counter()
    norms: dict[str, str] = {}
    for text in texts:
        low.update(_lower_counts(text))
        cap.update(_scan(text, norms=norms)[1])
    return CasingTable(cap, low)


@lru_cache(maxsize=1)
def _actor_terms() -> dict[str, str]:
    """Gazetteer names, surnames, metonyms and adjectives (normalised) -> ``@actor_id``, when a
    term belongs to one actor only."""
    from framing.analysis.article import default_gazetteer

    gz = default_gazetteer()
    if gz is None:
        return {}
    found: dict[str, set[str]] = {}
    for actor in gz.actors.values():
        for term in (*actor.names, *actor.surnames, *actor.metonyms, *actor.adjectives):
            bare = term[4:] if term.lower().startswith("the ") else term
            found.setdefault(_norm(bare), set()).add(actor.id)
    return {term: "@" + next(iter(ids)) for term, ids in found.items() if len(ids) == 1}


def article_names(text: str, casing: CasingTable, *, headline: bool = False) -> list[str]:
    """The names of a text, one entry per mention (see the module docstring). ``headline``: the
    text is a title, so every capitalised word is checked against the casing table."""
    return _names(_scan(text, headline=headline)[0], casing)


def _names(runs: list[_Run], casing: CasingTable) -> list[str]:
    actors = _actor_terms()
    out: list[str] = []
    for run in runs:
        words: list[str] = []
        for word, checked in run:
            if not word or word in _TITLES or word in _CALENDAR or (checked and word not in actors and not casing.is_name(word)):
                if word in _TITLES and words and casing.lower.get(words[-1], 0) > casing.capitalised.get(words[-1], 0):
                    words.pop()  # "Trade" of "Chilean Trade Minister"
                _add_name(words, casing, actors, out)
                words = []
            else:
                words.append(word)
        _add_name(words, casing, actors, out)
    return out


def _add_name(words: list[str], casing: CasingTable, actors: dict[str, str], out: list[str]) -> None:
    while words and words[-1] in _CONNECTORS:
        words.pop()
    while words and words[0] in _CONNECTORS:
        words.pop(0)
    if not words:
        return
    name = " ".join(words)
    if name in actors:
        out.append(actors[name])
        return
    out.append(name)
    if 2 <= len(words) <= 3 and not _CONNECTORS.intersection(words):
        last = words[-1]
        if len(last) >= 3 and last not in _SUFFIXES and casing.lower.get(last, 0) <= casing.capitalised.get(last, 0):
            out.append(actors.get(last, last))  # the surname
    elif len(words) == 1 and "-" in name:  # "Canada-China", "US-Mexico-Canada"
        for part in name.split("-"):
            if part in actors:
                out.append(actors[part])
            elif len(part) >= 3 and casing.is_name(part):
                out.append(part)


def _word_form(word: str, stop: frozenset[str]) -> str:
    """A content word's form ("tariffs" -> "tariff"), or "" for a stop word or a short one."""
    word = word.replace("’", "'")
    word = word.removesuffix("'s")
    if len(word) < 3 or word in stop:
        return ""
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word


def _word_counts(text: str, forms: dict[str, str]) -> Counter[str]:
    stop = _stop_words()
    out: Counter[str] = Counter()
    for w, n in Counter(_WORD_RE.findall(text.lower())).items():
        form = forms.get(w)
        if form is None:
            form = forms[w] = _word_form(w, stop)
        if form:
            out[form] += n
    return out


def article_words(text: str) -> list[str]:
    """The content words of a text (lower case, no stop words, a plural ``s`` removed), each once
    per use, in order of first use."""
    return list(_word_counts(text, {}).elements())


def _strongest(X: Any, k: int) -> Any:
    """Keep each row's k largest values (ties kept), in place."""
    for i in range(X.shape[0]):
        s, e = X.indptr[i], X.indptr[i + 1]
        if e - s > k:
            row = X.data[s:e]
            row[row < np.partition(row, -k)[-k]] = 0.0
    X.eliminate_zeros()
    return X


def _tfidf(counts: Sequence[Counter[str]], top: int) -> Any:
    """Sublinear TF-IDF rows (smooth idf, as scikit-learn's), each row's ``top`` strongest kept,
    L2-normalised."""
    from scipy import sparse
    from sklearn.preprocessing import normalize

    vocab: dict[str, int] = {}
    indptr, indices, data = [0], [], []
    for c in counts:
        for term, n in c.items():
            indices.append(vocab.setdefault(term, len(vocab)))
            data.append(n)
        indptr.append(len(indices))
    X = sparse.csr_matrix((np.asarray(data, dtype=np.float64), np.asarray(indices, dtype=np.int64), np.asarray(indptr, dtype=np.int64)), shape=(len(counts), len(vocab)))
    if not len(vocab):
        return X
    df = np.bincount(X.indices, minlength=len(vocab))
    idf = np.log((1 + len(counts)) / (1 + df)) + 1.0
    X.data = (1.0 + np.log(X.data)) * idf[X.indices]
    return normalize(_strongest(X, top))


def story_vectors(titles: Sequence[str | None], texts: Sequence[str]) -> Any:
    """One L2-normalised sparse row per article (scipy CSR): names and content words, weighted as
    the module docstring says; the dot product of two rows is their similarity (0 to 1)."""
    from scipy import sparse

    norms: dict[str, str] = {}
    forms: dict[str, str] = {}
    cap: Counter[str] = Counter()
    low: Counter[str] = Counter()
    scans = []
    for title, text in zip(titles, texts):
        title_runs = _scan(title or "", headline=True, norms=norms)[0]
        text_runs, text_mid = _scan(text, norms=norms)
        cap.update(text_mid)
        low.update(_lower_counts(title or ""))
        low.update(_lower_counts(text))
        scans.append((title_runs, text_runs))
    casing = CasingTable(cap, low)
    names: list[Counter[str]] = []
    words: list[Counter[str]] = []
    for (title_runs, text_runs), title, text in zip(scans, titles, texts):
        c = Counter(_names(text_runs, casing))
        for name in _names(title_runs, casing):
            c[name] += TITLE_WEIGHT
        names.append(c)
        w = _word_counts(text, forms)
        for word, n in _word_counts(title or "", forms).items():
            w[word] += n * (TITLE_WEIGHT + 1)
        words.append(w)
    N, W = _tfidf(names, TOP_NAMES), _tfidf(words, TOP_WORDS)
    return sparse.hstack([np.sqrt(NAME_SHARE) * N, np.sqrt(1 - NAME_SHARE) * W]).tocsr()
