"""Classroom mode: a printable media-literacy worksheet and its answer key, from a teacher's articles.

``make_worksheet(results_or_paths, level="middle", out_dir="worksheet/")`` analyses two to six
articles (or takes results already analysed) and writes ``worksheet.html``/``.pdf`` for students
and ``answer_key.html``/``.pdf`` for the teacher. Every exercise is built from the analysis, and
every answer in the key carries its evidence (the flagged words in their sentence) and a one-line
explanation:

1. Compare headlines and leads: each headline and first paragraph side by side, with questions;
   the key lists the flagged words of each headline and lead, who each headline names first, and
   which actors every lead mentions or leaves out.
2. Spot the loaded words: one excerpt per article, chosen by reading level, to circle in; the key
   lists what the lexicons flagged (``rhetoric.loaded_language``, scare quotes, register phrases).
3. Who is quoted, and with which verbs: quotations with their attribution to fill in (speaker,
   verb, neutral or evaluative); the key gives what attribution found.
4. How each actor is portrayed: a table actor x article (positive / neutral / negative; aggressor,
   target, cooperator) with the sentences to judge from; the key gives the sentiment model's labels
   (when the model ran) and the roles found by :mod:`framing.actors.attribution`, with their verbs.
5. Guess the outlet: excerpts with outlet names, domains and self-references replaced by
   "Outlet A/B/C"; the key reveals the outlets and the giveaway words (distinctive terms from
   :func:`framing.compare`, log-odds z-scores, and register phrases).
6. Rewrite a loaded sentence neutrally: per article the sentence with the most loaded-language
   matches; the key marks the flagged words and gives a hint only where a simple rule justifies one
   (an evaluative verb of saying becomes "said"; a booster can be dropped; scare quotes can be
   removed or attributed; a lexicon note names the neutral term).

``level`` sizes the worksheet and chooses excerpts by Flesch-Kincaid grade
(:func:`framing.text.readability.readability` of each candidate excerpt): ``middle`` (grade 8 or below where possible, short excerpts, fewer
items), ``high`` (grade 12 or below), ``college`` (any grade, longer excerpts, more items). The
grade of every excerpt is printed next to it. ``anonymise=True`` replaces outlet names and domains
in every text shown (titles included); exercise 5 is always anonymised. All article text reaches
HTML through autoescaped Jinja2 templates and PDF through XML-escaped ReportLab markup.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from framing.errors import FramingError, InputError, check_option
from framing.types import Article, ArticleResult, Doc

__all__ = ["LEVELS", "make_worksheet", "register", "worksheet_data"]

FORMATS = ("html", "pdf")
MIN_ARTICLES, MAX_ARTICLES = 2, 6
#: Distinctive terms below this log-odds z-score are not offered as giveaways (with a handful of
#: articles the scores are small; 1.0 keeps the clearer contrasts without claiming significance).
MIN_Z = 1.0


@dataclass(frozen=True)
class Level:
    """How a reading level sizes the worksheet and chooses its excerpts."""

    name: str
    label: str
    max_grade: float | None  # Flesch-Kincaid grade an excerpt should not exceed (where possible)
    excerpt_words: int  # longest excerpt for exercises 2 and 5
    lead_words: int | None  # longest lead shown in exercise 1 (None: the whole first paragraph)
    max_articles: int  # articles per excerpt exercise (2, 5, 6)
    max_flags: int  # flagged words an exercise-2 excerpt needs at most; more do not make it better
    quotes: int  # rows of exercise 3
    quotes_per_article: int
    actors: int  # rows of exercise 4
    evidence_sentences: int  # sentences per actor and article in exercise 4
    questions: int  # questions of exercise 1
    show_counts: bool  # tell students how many words to find
    prefer_short: bool  # among equally good excerpts, the shortest (else the one with more context)


LEVELS: dict[str, Level] = {
    "middle": Level("middle", "Middle school (grades 6-8)", 8.0, 70, 60, 3, 3, 4, 2, 3, 1, 3, True, True),
    "high": Level("high", "High school (grades 9-12)", 12.0, 110, 110, 4, 5, 6, 3, 4, 1, 4, True, True),
    "college": Level("college", "College", None, 170, None, 6, 8, 10, 4, 6, 2, 5, False, False),
}

# ---------------------------------------------------------------------------------------------
# What the analysis flags, in plain words

#: Categories students circle in exercise 2 (wire-service style is a register too, but a neutral
#: one: it is not something to circle), in priority order where spans overlap.
SPOT_KEYS = (
    "detectors.scare_quotes",
    "rhetoric.loaded_language",
    "registers.marxist",
    "registers.state_diplomatic",
    "registers.nationalist_populist",
    "registers.liberal_internationalist",
)
#: Everything marked in the sentences of exercise 6 (and in the key's evidence generally).
MARK_KEYS = SPOT_KEYS + ("rhetoric.attribution_evaluative", "rhetoric.boosters", "rhetoric.intensifiers")

#: key -> (css class, short label, one-line explanation)
FLAG_INFO: dict[str, tuple[str, str, str]] = {
    "rhetoric.loaded_language": ("loaded", "loaded language", "a word that judges as well as describes: it tells the reader what to feel about what it names"),
    "detectors.scare_quotes": ("scare", "scare quotes", "quotation marks with no speaker: the writer keeps a distance from the word and hints that it is not what it claims to be"),
    "registers.marxist": ("register", "Marxist register", "vocabulary of Marxist and anti-imperialist writing: events become class and imperial struggle"),
    "registers.state_diplomatic": ("register", "state-diplomatic register", "a set formula of state media and foreign ministries: one side is harmony and cooperation, the other hostility"),
    "registers.nationalist_populist": ("register", "nationalist-populist register", "vocabulary of nationalist and populist writing: the nation and its people against elites and foreigners"),
    "registers.liberal_internationalist": ("register", "liberal-internationalist register", "vocabulary of liberal internationalism: allies, rules and democracies against autocracies"),
    "rhetoric.attribution_evaluative": ("verb", "evaluative attribution verb", "a verb of saying that judges the words it reports (casts doubt, presumes guilt or paints the speaker's manner)"),
    "rhetoric.boosters": ("booster", "booster", "a word that claims certainty and closes down doubt"),
    "rhetoric.intensifiers": ("intens", "intensifier", "a word that turns a quality up"),
}

#: Verbs of saying whose evaluative form a neutral "said" can replace word for word (stems).
_SAY_STEMS = (
    "claim", "insist", "admit", "assert", "contend", "maintain", "argu", "declar", "proclaim", "alleg",
    "conced", "acknowledg", "confess", "boast", "retort", "counter", "profess",
)
_NOTE_ALTERNATIVE = re.compile(r"(?:neutral style is|wire copy says) '([^']+)'(?: or '([^']+)')?", re.IGNORECASE)
_WORD = re.compile(r"[^\W_][\w'’-]*", re.UNICODE)

EXERCISES = {
    "headlines": (
        "Compare headlines and leads",
        "Headlines and first paragraphs decide what a story is about before the reader gets to the facts: who comes first, who acts, and which words set the tone (framing: Entman 1993).",
    ),
    "loaded": (
        "Spot the loaded words",
        "Some words describe; others judge. Loaded words, scare quotes and the set phrases of a political register tell the reader what to think (Recasens et al. 2013).",
    ),
    "quotes": (
        "Who is quoted, and with which verbs",
        "Who gets to speak, and whether they 'said' or 'claimed' something, shapes whom the reader believes (attribution: Bell 1991).",
    ),
    "actors": (
        "How each actor is portrayed",
        "The same country or person can be cast as aggressor, target or partner, in a positive or negative light, depending on the outlet.",
    ),
    "guess": (
        "Guess the outlet",
        "Outlets have recognisable vocabularies (registers). Recognising them is a first step to reading any outlet critically.",
    ),
    "rewrite": (
        "Rewrite a loaded sentence neutrally",
        "Rewriting shows that the facts survive without the judgement: what is left is what the sentence reports.",
    ),
}

OUTLET_KINDS = ("a news agency (wire service)", "a newspaper's news pages", "an opinion column", "government-run (state) media", "a party or movement's website", "a partisan website")

REFERENCES = [
    "Bell, A. (1991). The Language of News Media. Oxford: Blackwell.",
    "Entman, R. M. (1993). Framing: Toward clarification of a fractured paradigm. Journal of Communication, 43(4), 51-58.",
    "Hyland, K. (1998). Hedging in Scientific Research Articles. Amsterdam: John Benjamins.",
    "Kincaid, J. P., Fishburne, R. P., Rogers, R. L., & Chissom, B. S. (1975). Derivation of new readability formulas for Navy enlisted personnel. Research Branch Report 8-75. Millington, TN: Naval Technical Training Command.",
    "Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words: Lexical feature selection and evaluation for identifying the content of political conflict. Political Analysis, 16(4), 372-403.",
    "Predelli, S. (2003). Scare quotes and their relation to other semantic issues. Linguistics and Philosophy, 26(1), 1-28.",
    "Recasens, M., Danescu-Niculescu-Mizil, C., & Jurafsky, D. (2013). Linguistic models for analyzing and detecting biased language. In Proceedings of ACL 2013 (pp. 1650-1659).",
    "Semetko, H. A., & Valkenburg, P. M. (2000). Framing European politics: A content analysis of press and television news. Journal of Communication, 50(2), 93-109.",
]

CONCEPTS = [
    {
        "term": "Framing",
        "text": "Every news story selects: which facts come first, which are left out, who is quoted, which words are used. "
        "Entman (1993) describes a frame as making some aspects of reality more noticeable so as to promote a particular "
        "definition of the problem, an explanation of its cause, a moral judgement and a remedy. Two accurate articles can frame "
        "one event very differently. Semetko & Valkenburg (2000) found five frames that recur in news: conflict, human interest, "
        "economic consequences, morality and responsibility.",
        "cite": "Entman 1993; Semetko & Valkenburg 2000",
        "example_key": None,
    },
    {
        "term": "Register",
        "text": "The vocabulary typical of a community or kind of writing. A wire service writes 'said in a statement'; a Marxist "
        "paper writes 'ruling class'; state media write 'win-win cooperation'; a populist site writes 'globalist elites'. "
        "News language is written for an audience, and its style signals whose voice it is and for whom (Bell 1991). A register "
        "phrase is not wrong in itself, but it brings a whole way of seeing the world with it.",
        "cite": "Bell 1991",
        "example_key": "register",
    },
    {
        "term": "Attribution",
        "text": "How a text tells you who said something. Neutral verbs ('said', 'told reporters', 'according to') report; "
        "evaluative verbs judge: 'claimed' casts doubt, 'admitted' presumes the statement is true and damaging, 'insisted' "
        "suggests stubbornness, 'lectured' paints the speaker as arrogant. Bell (1991) shows how much of news is what sources "
        "said, and how the choice of verb positions the reader.",
        "cite": "Bell 1991",
        "example_key": "verb",
    },
    {
        "term": "Scare quotes",
        "text": "Quotation marks around a word that nobody is quoted as saying, as in: its \u201cpartners\u201d. They let the "
        "writer use a word while signalling doubt about it (\u201cso-called\u201d). A real quotation names its speaker; a scare "
        "quote does not (Predelli 2003).",
        "cite": "Predelli 2003",
        "example_key": "scare",
    },
    {
        "term": "Hedging",
        "text": "Words that make a claim less certain: 'may', 'perhaps', 'appears to', 'arguably'. Hedges can be honest caution "
        "(the writer does not know yet) or a way to suggest something without standing behind it. Their opposite, boosters "
        "('clearly', 'undeniably'), claim certainty and close down discussion (Hyland 1998).",
        "cite": "Hyland 1998",
        "example_key": "hedge",
    },
    {
        "term": "Loaded language",
        "text": "Words that carry a judgement as well as a meaning: 'regime' instead of 'government', 'sellout' instead of "
        "'agreement', 'bully' instead of 'pressure'. Recasens et al. (2013) studied the edits Wikipedia editors make to remove "
        "bias, and found most of them replace one-sided words like these (framing bias) or verbs and hedges that presume or "
        "doubt the truth of a claim (epistemological bias).",
        "cite": "Recasens et al. 2013",
        "example_key": "loaded",
    },
]

GLOSSARY = [
    ("Actor", "a person, country, government or organisation that the story is about or that does something in it."),
    ("Aggressor, target, cooperator", "roles an actor can be given: the one who threatens or attacks, the one threatened or attacked, the one who agrees or works with another."),
    ("Attribution verb", "the verb that tells you who said something: neutral ('said', 'told') or evaluative ('claimed', 'insisted', 'admitted')."),
    ("Booster", "a word that claims certainty: 'clearly', 'undeniably', 'of course'."),
    ("Distinctive words", "words one outlet uses much more often than the others (measured here with a log-odds score, Monroe et al. 2008)."),
    ("Frame", "the angle of a story: what it presents as the problem, its cause, its moral and its remedy."),
    ("Hedge", "a word that makes a claim less certain: 'may', 'perhaps', 'appears to'."),
    ("Headline", "the title of an article; many readers read nothing else."),
    ("Lead (lede)", "the first paragraph of a news story, which says what the writer thinks matters most."),
    ("Loaded language", "words that judge as well as describe."),
    ("Outlet", "a newspaper, agency, broadcaster or website that publishes news."),
    ("Reading level", "the Flesch-Kincaid grade: an estimate of the US school grade needed to read a text, from sentence length and syllables per word (Kincaid et al. 1975)."),
    ("Register", "the vocabulary typical of a group or kind of writing."),
    ("Scare quotes", "quotation marks around a word no one is quoted as saying, used to cast doubt on it."),
    ("Source", "a person or organisation whose words or information the article reports."),
    ("Wire service", "a news agency that sells its stories to many outlets; its style is deliberately plain."),
]


# ---------------------------------------------------------------------------------------------
# Small helpers


def _n_words(text: str) -> int:
    return len(_WORD.findall(text))


@lru_cache(maxsize=8192)
def _grade(text: str) -> float | None:
    """Flesch-Kincaid grade of ``text``, as :func:`framing.text.readability.readability` reports it."""
    if not _WORD.search(text):
        return None
    from framing.text.readability import readability
    from framing.text.segment import segment

    return readability(segment(text))["flesch_kincaid_grade"]


def _grade_ok(grade: float | None, level: Level) -> bool:
    return level.max_grade is None or (grade is not None and grade <= level.max_grade)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Character spans of the paragraphs (blocks separated by blank lines), whitespace trimmed."""
    out = []
    pos = 0
    for m in re.finditer(r"\n[ \t]*\n\s*", text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    spans = []
    for s, e in out:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


@lru_cache(maxsize=1)
def _lexicons():  # type: ignore[no-untyped-def]
    from framing.markers.lexicons import load_default_lexicons

    return load_default_lexicons()


@lru_cache(maxsize=1)
def _gazetteer():  # type: ignore[no-untyped-def]
    from framing.analysis.article import default_gazetteer

    return default_gazetteer()


@lru_cache(maxsize=1)
def _entry_notes() -> dict[tuple[str, str, str], str]:
    """(lexicon, category, term) -> the lexicon's note on that entry, for the rhetoric lexicon."""
    notes = {}
    try:
        lx = _lexicons()["rhetoric"]
    except (KeyError, FramingError):
        return {}
    for e in lx.entries:
        if e.note:
            notes[("rhetoric", e.category, e.term)] = e.note
    return notes


@dataclass(frozen=True)
class _Flag:
    start: int
    end: int
    key: str
    term: str

    @property
    def cls(self) -> str:
        return FLAG_INFO[self.key][0]


def _flags(result: ArticleResult, keys: Sequence[str]) -> list[_Flag]:
    """Non-overlapping flagged spans of the given categories (earlier key wins, then longer), in order."""
    order = {k: i for i, k in enumerate(keys)}
    cands = []
    for m in result.matches:
        k = f"{m.lexicon}.{m.category}"
        if k in order and not m.negated:
            cands.append((order[k], -(m.end - m.start), m.start, m.end, k, m.term))
    cands.sort()
    taken: list[tuple[int, int]] = []
    out = []
    for _, _, s, e, k, term in cands:
        if any(s < b and a < e for a, b in taken):
            continue
        taken.append((s, e))
        out.append(_Flag(s, e, k, term))
    out.sort(key=lambda f: f.start)
    return out


def _inside(flags: Iterable[_Flag], s: int, e: int) -> list[_Flag]:
    return [f for f in flags if s <= f.start and f.end <= e]


# ---------------------------------------------------------------------------------------------
# Anonymising outlets


class Anonymiser:
    """Replace outlet names, their variants and domains with labels ("Outlet A").

    For each outlet: the name (any case, spaces or hyphens between its words; a one-word name only
    as written or in capitals, so that an outlet called "Time" leaves the word "time" alone), the
    name without a leading "The" when two or more words remain, the name written as one word
    (``redledger``) with anything that makes it a domain, handle or URL, and the domain of each
    article's URL with its name part (``bbc.co.uk``, ``bbc.com``, ``BBC``).
    """

    def __init__(self, labels: dict[str, str], domains: dict[str, Iterable[str]] | None = None) -> None:
        self.labels = dict(labels)
        pats: list[tuple[int, str, str]] = []
        domains = domains or {}
        for name, label in self.labels.items():
            words = re.findall(r"[^\W_]+", name)
            if not words:
                continue
            variants = [words]
            if len(words) >= 3 and words[0].lower() == "the":
                variants.append(words[1:])
            for ws in variants:
                body = r"[\s\-_]*".join(re.escape(w) for w in ws)
                if len(ws) == 1:  # "Time", "Fortune": only as written (or in capitals), not the common word
                    body = f"(?-i:{re.escape(ws[0])}|{re.escape(ws[0].upper())})"
                pats.append((len(" ".join(ws)), r"(?<![\w.@/])" + body + r"(?![\w-])", label))
            # the name as one word ("redledger"), bare only when it joins two or more words
            compact = {"".join(w.lower() for w in ws): len(ws) > 1 for ws in variants}
            path = r"(?:/(?:[^\s\"'”)]*[^\s\"'”).,;:!?])?)?"
            for dom in domains.get(name, ()):
                # the article's own site (edition.cnn.com), and its name part as below (cnn)
                pats.append((200 + len(dom), r"(?<![\w.@#/])(?:https?://)?(?:www\.)?" + re.escape(dom) + path + r"(?![\w])", label))
                site = _site_name(dom)
                if len(site) >= 3:
                    compact.setdefault(site, False)
                    # an acronym site name in capitals is the outlet's short name: BBC, NPR
                    pats.append((len(site), r"(?<![\w.@/])(?-i:" + re.escape(site.upper()) + r")(?![\w-])", label))
            for c, bare in compact.items():
                # a domain, URL, handle or hashtag built on the name: redledger.example, @RedLedger
                forms = [r"(?:https?://)?(?:[\w-]+\.)*" + re.escape(c) + r"(?:\.[a-z0-9-]+)+" + path, r"[@#]" + re.escape(c)]
                if bare:
                    forms.append(re.escape(c))
                pats.append((100 + len(c), r"(?<![\w.@#/])(?:" + "|".join(forms) + r")(?![\w])", label))
        pats.sort(key=lambda p: -p[0])
        self._patterns = [(re.compile(p, re.IGNORECASE), label) for _, p, label in pats]

    def __call__(self, text: str | None) -> str:
        if not text:
            return text or ""
        for pat, label in self._patterns:
            text = pat.sub(label, text)
        return text

    def changes(self, text: str) -> bool:
        return self(text) != text


def _site_name(domain: str) -> str:
    """The name part of a domain: ``cnn`` for edition.cnn.com, ``bbc`` for www.bbc.co.uk."""
    parts = [p for p in domain.lower().split(".") if p and p != "www"]
    if len(parts) >= 3 and parts[-2] in ("co", "com", "org", "net", "gov", "ac", "edu"):
        return parts[-3]
    return parts[-2] if len(parts) >= 2 else (parts[0] if parts else "")


def _domain(url: str | None) -> str | None:
    if not url:
        return None
    m = re.match(r"(?:[a-z]+://)?(?:www\.)?([^/\s:]+)", url.strip(), re.IGNORECASE)
    return m.group(1).lower() if m else None


# ---------------------------------------------------------------------------------------------
# Marked text: segments for the templates


def _segments(text: str, base: int, marks: Sequence[tuple[int, int, str, str]], shown: Callable[[str], str]) -> list[dict[str, Any]]:
    """``text`` (which starts at offset ``base`` of its article) as segments ``{"text", "cls", "title"}``,
    marks given as absolute ``(start, end, css class, title)``; ``shown`` anonymises each piece.

    If anonymising piece by piece would differ from anonymising the whole (a name split by a
    mark), the text is returned whole and unmarked.
    """
    segs: list[dict[str, Any]] = []
    pos = 0
    for s, e, cls, title in sorted(marks):
        s, e = s - base, e - base
        if s < pos or s < 0 or e > len(text) or e <= s:
            continue
        if s > pos:
            segs.append({"text": text[pos:s], "cls": None, "title": None})
        segs.append({"text": text[s:e], "cls": cls, "title": title})
        pos = e
    if pos < len(text):
        segs.append({"text": text[pos:], "cls": None, "title": None})
    out = [{**g, "text": shown(g["text"])} for g in segs]
    if "".join(g["text"] for g in out) != shown(text):
        return [{"text": shown(text), "cls": None, "title": None}]
    return out


def _flag_marks(flags: Iterable[_Flag]) -> list[tuple[int, int, str, str]]:
    return [(f.start, f.end, f.cls, FLAG_INFO[f.key][1]) for f in flags]


# ---------------------------------------------------------------------------------------------
# Articles prepared for the exercises


@dataclass
class _Art:
    result: ArticleResult
    doc: Doc
    paras: list[tuple[int, int]]
    label: str
    letter: str
    outlet_key: str
    outlet_name: str
    spot: list[_Flag] = field(default_factory=list)  # exercise-2 flags
    marks: list[_Flag] = field(default_factory=list)  # every flag worth marking
    quote_spans: list[tuple[int, int]] = field(default_factory=list)  # sources' quotations (not scare quotes)
    used: list[tuple[int, int]] = field(default_factory=list)  # spans shown elsewhere

    @property
    def text(self) -> str:
        return self.result.article.text

    def sentence_span(self, i: int) -> tuple[int, int]:
        s = self.doc.sentences[i]
        return s.start, s.end

    def sentence_index(self, char: int) -> int | None:
        for s in self.doc.sentences:
            if s.start <= char < s.end:
                return s.index
        return None

    def paragraph_of(self, char: int) -> tuple[int, int] | None:
        for s, e in self.paras:
            if s <= char < e:
                return s, e
        return None

    def in_source_quote(self, f: _Flag) -> bool:
        return any(a <= f.start and f.end <= b for a, b in self.quote_spans)

    def windows(self, max_words: int, max_sentences: int = 8) -> Iterable[tuple[int, int, int]]:
        """Runs of whole sentences inside one paragraph: ``(start, end, words)``; single sentences always."""
        sents = self.doc.sentences
        for ps, pe in self.paras:
            inside = [s for s in sents if ps <= s.start and s.end <= pe]
            for i in range(len(inside)):
                for j in range(i, min(len(inside), i + max_sentences)):
                    s, e = inside[i].start, inside[j].end
                    w = _n_words(self.text[s:e])
                    if j > i and w > max_words:
                        break
                    yield s, e, w


def _overlaps(s: int, e: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s < b and a < e for a, b in spans)


def _as_results(source: Any) -> tuple[list[ArticleResult], list[Any]]:
    """Results from results, articles, or paths (files, folders, globs) to load and analyse."""
    from framing.analysis.article import analyze
    from framing.analysis.results import Results

    if isinstance(source, Results):
        return list(source), list(source.errors)
    if isinstance(source, (str, os.PathLike)):
        source = [source]
    items = list(source)
    if not items:
        raise FramingError("no articles given: a worksheet needs two to six articles")
    if all(isinstance(x, ArticleResult) for x in items):
        return items, []
    if all(isinstance(x, Article) for x in items):
        return list(analyze(items, progress=False)), []
    if all(isinstance(x, (str, os.PathLike)) for x in items):
        from framing import load

        corpus = load([str(x) for x in items])
        if corpus.errors:
            raise InputError("could not read every article: " + "; ".join(str(e) for e in corpus.errors))
        return list(analyze(corpus, progress=False)), []
    raise FramingError("make_worksheet takes paths (files, folders, globs), Article objects or analysis results, not a mixture")


def _prepare(results: list[ArticleResult], *, seed: int, anonymise: bool) -> tuple[list[_Art], list[dict[str, Any]], Anonymiser, dict[str, str]]:
    from framing.text.quotes import find_quote_spans
    from framing.text.segment import segment

    kept = [r for r in results if not r.article.duplicate_of]
    left_out = [
        {"id": r.article.id, "title": r.article.title, "copy_of": r.article.duplicate_of, "similarity": r.article.duplicate_similarity}
        for r in results
        if r.article.duplicate_of
    ]
    if len(kept) < MIN_ARTICLES:
        extra = f" ({len(left_out)} more left out as copies of another article)" if left_out else ""
        raise FramingError(f"a worksheet compares articles: give {MIN_ARTICLES} to {MAX_ARTICLES}; got {len(kept)}{extra}")
    if len(kept) > MAX_ARTICLES:
        raise FramingError(f"a worksheet compares {MIN_ARTICLES} to {MAX_ARTICLES} articles; got {len(kept)}: choose the ones the class should compare")
    keys = []
    for r in kept:
        keys.append(r.article.outlet or f"(unknown outlet: {r.article.id})")
    outlets = list(dict.fromkeys(keys))
    shuffled = outlets[:]
    random.Random(seed).shuffle(shuffled)
    letters = {o: "ABCDEF"[i] for i, o in enumerate(shuffled)}
    # every outlet-like name anywhere in the results is anonymised
    names: dict[str, str] = {}
    domains: dict[str, set[str]] = {}
    for r, k in zip(kept, keys):
        if r.article.outlet:
            names[r.article.outlet] = f"Outlet {letters[k]}"
        d = _domain(r.article.url)
        if d and r.article.outlet:
            domains.setdefault(r.article.outlet, set()).add(d)
    for r in results:
        for other in (r.article.outlet, r.article.syndicated_from, r.article.republished_by):
            if other and other not in names:
                names[other] = "another outlet"
        d = _domain(r.article.url)
        if d and r.article.outlet:
            domains.setdefault(r.article.outlet, set()).add(d)
    anon = Anonymiser(names, domains)
    per_outlet = Counter(keys)
    seen: Counter[str] = Counter()
    arts = []
    for r, k in zip(kept, keys):
        seen[k] += 1
        base = f"Outlet {letters[k]}" if anonymise else (r.article.outlet or f"Unknown outlet ({r.article.id})")
        label = base + (f" ({seen[k]})" if per_outlet[k] > 1 else "")
        doc = segment(r.article.text)
        spans = find_quote_spans(r.article.text)
        scare = {(m.start, m.end) for m in r.matches if m.lexicon == "detectors" and m.category == "scare_quotes"}
        art = _Art(
            result=r,
            doc=doc,
            paras=_paragraphs(r.article.text),
            label=label,
            letter=letters[k],
            outlet_key=k,
            outlet_name=r.article.outlet or "(unknown outlet)",
            spot=_flags(r, SPOT_KEYS),
            marks=_flags(r, MARK_KEYS),
            quote_spans=[(s.start, s.end) for s in spans if (s.start, s.end) not in scare],
        )
        arts.append(art)
    if anonymise:
        arts.sort(key=lambda a: (a.letter, a.label))
    return arts, left_out, anon, letters


# ---------------------------------------------------------------------------------------------
# Exercise 1: headlines and leads


def _headline_flags(title: str) -> tuple[list[_Flag], list[str]]:
    """Flags and actor names (in order) in a headline, by the same lexicons and gazetteer."""
    from framing.markers.detectors import detect
    from framing.text.quotes import find_quote_spans
    from framing.text.segment import segment
    from framing.types import Match

    doc = segment(title)
    matches: list[Match] = list(_lexicons().match(doc)) + list(detect(doc, find_quote_spans(title)))
    fake = ArticleResult(article=Article(id="title", text=title), n_sentences=0, n_tokens=0, n_words=0, matches=tuple(matches))
    flags = _flags(fake, SPOT_KEYS)
    actors: list[str] = []
    gz = _gazetteer()
    if gz is not None:
        from framing.actors.gazetteer import find_mentions

        for m in find_mentions(doc, gz, candidates=False):
            if m.kind != "candidate" and m.name not in actors:
                actors.append(m.name)
    return flags, actors


def _answer(flag: _Flag, text: str, art: _Art | None, shown: Callable[[str], str]) -> dict[str, Any]:
    cls, label, why = FLAG_INFO[flag.key]
    lex, _, cat = flag.key.partition(".")
    note = _entry_notes().get((lex, cat, flag.term))
    out: dict[str, Any] = {
        "text": shown(text[flag.start : flag.end]),
        "raw": text[flag.start : flag.end],
        "key": flag.key,
        "cls": cls,
        "label": label,
        "explanation": why,
        "note": note,
        "start": flag.start,
        "end": flag.end,
        "id": art.result.article.id if art else None,
        "in_quote": bool(art and art.in_source_quote(flag)),
        "context": None,
    }
    if art is not None:
        i = art.sentence_index(flag.start)
        if i is not None:
            s, e = art.sentence_span(i)
            out["context"] = _segments(text[s:e], s, [(flag.start, flag.end, cls, label)], shown)
    return out


def _ex_headlines(arts: list[_Art], level: Level, shown: Callable[[str], str]) -> dict[str, Any]:
    items, keys = [], []
    lead_actors: dict[str, list[str]] = {}
    for a in arts:
        text = a.text
        ps, pe = a.paras[0] if a.paras else (0, 0)
        le = pe
        if level.lead_words is not None:
            sents = [s for s in a.doc.sentences if ps <= s.start and s.end <= pe]
            le = sents[0].end if sents else pe
            for s in sents[1:]:
                if _n_words(text[ps : s.end]) > level.lead_words:
                    break
                le = s.end
        a.used.append((ps, le))
        lead = text[ps:le]
        grade = _grade(lead)
        title = a.result.article.title or ""
        items.append(
            {
                "label": a.label,
                "headline": shown(title) or "(no headline)",
                "lead": shown(lead),
                "grade": grade,
                "grade_ok": _grade_ok(grade, level),
                "words": _n_words(lead),
                "shortened": le < pe,
                "note": shown(a.result.article.meta.get("note") or ""),
            }
        )
        h_flags, h_actors = _headline_flags(title) if title else ([], [])
        l_flags = _inside(a.spot, ps, le)
        names = []
        for actor in a.result.actors:
            if actor.get("candidate"):
                continue
            firsts = [m["start"] for m in actor["mentions"] if ps <= m["start"] < le]
            if firsts:
                names.append((min(firsts), shown(actor["name"])))
        lead_actors[a.label] = [n for _, n in sorted(names)]
        keys.append(
            {
                "label": a.label,
                "headline": _segments(title, 0, _flag_marks(h_flags), shown) if title else [],
                "headline_flags": [_answer(f, title, None, shown) for f in h_flags],
                "headline_actors": [shown(n) for n in h_actors],
                "lead": _segments(lead, ps, _flag_marks(l_flags), shown),
                "lead_flags": [_answer(f, text, a, shown) for f in l_flags],
                "lead_actors": lead_actors[a.label],
            }
        )
    common = set.intersection(*(set(v) for v in lead_actors.values())) if lead_actors else set()
    for k in keys:
        k["lead_only_here"] = [n for n in k["lead_actors"] if sum(n in v for v in lead_actors.values()) == 1 and len(arts) > 1]
    questions = [
        ("What is the main event in each headline? Is it the same event?", "open"),
        ("Who or what comes first in each headline? Who is doing something, and to whom?", "first"),
        ("Which headline or lead uses words that tell you what to think, not only what happened? Underline them.", "flags"),
        ("What does each lead tell you first? Name something one lead includes and another leaves out.", "omit"),
        ("Entman (1993) says a frame defines a problem, names its cause, judges it and suggests a remedy. Find one of these in each lead.", "entman"),
    ][: level.questions]
    answers = []
    for q, kind in questions:
        if kind == "open":
            a_text = "Open question: articles about one event usually share the facts; what differs is which part of the event each headline makes the news, and with which verb."
        elif kind == "first":
            a_text = "; ".join(f"{k['label']}: {', '.join(k['headline_actors']) or 'no actor the gazetteer knows'}" for k in keys)
            a_text = "Actors named in each headline, in order: " + a_text + ". The actor named first, and the one doing the verb, is what the headline makes the story about."
        elif kind == "flags":
            parts = []
            for k in keys:
                words = [f"“{f['text']}” ({f['label']})" for f in k["headline_flags"] + k["lead_flags"]]
                parts.append(f"{k['label']}: {', '.join(words) if words else 'nothing flagged'}")
            a_text = "Flagged by the analysis: " + "; ".join(parts) + "."
        elif kind == "omit":
            named = ", ".join(sorted(common)) or "no actor"
            only = "; ".join(f"{k['label']}: {', '.join(k['lead_only_here'])}" for k in keys if k["lead_only_here"])
            a_text = f"Named in every lead: {named}." + (f" Named in one lead only: {only}." if only else "") + " What a lead leaves out is as much a choice as what it includes."
        else:
            a_text = "Open question: look for who is blamed (cause), which words judge (moral evaluation) and what the text says should happen (remedy)."
        answers.append({"question": q, "answer": a_text})
    return {
        "key": "headlines",
        "items": items,
        "questions": [q for q, _ in questions],
        "answers": answers,
        "answer_items": keys,
    }


# ---------------------------------------------------------------------------------------------
# Exercise 2: spot the loaded words


def _best_excerpt(a: _Art, level: Level) -> tuple[int, int, int, float | None, int]:
    best = None
    for s, e, w in a.windows(level.excerpt_words):
        n = len(_inside(a.spot, s, e))
        g = _grade(a.text[s:e])
        ok = _grade_ok(g, level)
        within = w <= level.excerpt_words
        key = (n > 0, within, ok, min(n, level.max_flags), -(g if g is not None else 99.0) if level.prefer_short else 0.0, -w if level.prefer_short else w)
        if best is None or key > best[0]:
            best = (key, s, e, w, g, n)
    if best is None:
        return 0, 0, 0, None, 0
    _, s, e, w, g, n = best
    return s, e, w, g, n


def _ex_loaded(arts: list[_Art], level: Level, shown: Callable[[str], str]) -> dict[str, Any]:
    picks = []
    for a in arts:
        s, e, w, g, n = _best_excerpt(a, level)
        if e > s:
            picks.append((a, s, e, w, g, n))
    # keep the articles with most to find (fewer items at lower levels), in worksheet order
    chosen = sorted(picks, key=lambda p: -p[5])[: level.max_articles]
    chosen_ids = {id(p[0]) for p in chosen}
    items, keys = [], []
    for a, s, e, w, g, n in picks:
        if id(a) not in chosen_ids:
            continue
        a.used.append((s, e))
        flags = _inside(a.spot, s, e)
        items.append({"label": a.label, "text": shown(a.text[s:e]), "grade": g, "words": w, "count": n, "grade_ok": _grade_ok(g, level)})
        keys.append(
            {
                "label": a.label,
                "segments": _segments(a.text[s:e], s, _flag_marks(flags), shown),
                "answers": [_answer(f, a.text, a, shown) for f in flags],
                "grade": g,
            }
        )
    return {"key": "loaded", "items": items, "answer_items": keys, "show_counts": level.show_counts}


# ---------------------------------------------------------------------------------------------
# Exercise 3: who is quoted, with which verbs


_VERB_WHY = [
    (("claim", "alleg", "purport", "profess", "assert", "contend", "maintain"), "casts doubt on what was said"),
    (("insist",), "suggests the speaker holds on to a contested view"),
    (("admit", "conced", "acknowledg", "confess"), "presumes the statement is true and damaging to the speaker"),
    (("boast", "tout", "rant", "lectur", "lash", "slam", "blast", "diss", "brag"), "paints the speaker's manner or motive"),
    (("argu", "counter", "retort", "den", "reject", "disput", "dismiss"), "presents the words as one side of a dispute"),
    (("warn",), "presents what was said as a danger the reader should take seriously"),
]


def _verb_why(verb: str, verb_class: str | None) -> str:
    v = verb.lower()
    if verb_class != "evaluative":
        return f"“{verb}” is neutral: it reports the words without judging them."
    for stems, why in _VERB_WHY:
        if any(v.startswith(st) for st in stems):
            return f"“{verb}” is evaluative: it {why}; a neutral report would use “said”."
    return f"“{verb}” is evaluative: it colours the words it reports; a neutral report would use “said”."


def _find_word(text: str, word: str, near: int) -> tuple[int, int] | None:
    best = None
    for m in re.finditer(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text, re.IGNORECASE):
        d = abs(m.start() - near)
        if best is None or d < best[0]:
            best = (d, m.start(), m.end())
    return (best[1], best[2]) if best else None


_NAMING_KINDS = frozenset({"name", "title", "surname", "metonym", "candidate"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "such"})


def _ex_quotes(arts: list[_Art], level: Level, shown: Callable[[str], str]) -> dict[str, Any]:
    cands = []
    for ai, a in enumerate(arts):
        mentions = {}
        for actor in a.result.actors:
            mentions[actor["actor"]] = [(m["start"], m["end"], m["kind"]) for m in actor["mentions"]]
        named = {k: [(s, e) for s, e, kind in v if kind in _NAMING_KINDS] for k, v in mentions.items()}
        for qi, q in enumerate(a.result.quotes):
            if not q.get("speaker_name") or not q.get("verb"):
                continue
            i0, i1 = a.sentence_index(q["start"]), a.sentence_index(max(q["start"], q["end"] - 1))
            if i0 is None or i1 is None:
                continue
            s, e = a.sentence_span(i0)[0], a.sentence_span(i1)[1]
            para = a.paragraph_of(s)

            def has_speaker(s0: int, e0: int) -> bool:
                return any(s0 <= ms and me <= e0 for ms, me in named.get(q["speaker"], []))

            # the speaker's name should be on the worksheet: reach back a sentence if it is not
            if not has_speaker(s, e) and i0 > 0:
                ps, _ = a.sentence_span(i0 - 1)
                if para and ps >= para[0]:
                    s = ps
            verb_at = _find_word(a.text[s:e], q["verb"], q["start"] - s)
            if verb_at is None:
                continue
            vs, ve = s + verb_at[0], s + verb_at[1]
            before = re.findall(r"[^\W_]+", a.text[max(s, vs - 12) : vs])
            if before and before[-1].lower() in _DETERMINERS:  # "the claim that ...": a noun, not a verb of saying
                continue
            # the speaker right next to the verb ("Raman said", "said Chen Lu", "He claimed"): the
            # attributions a student can check without doubt come first
            adjacent = any(
                (me <= vs and not a.text[me:vs].strip()) or (ve <= ms and not a.text[ve:ms].strip()) for ms, me, _ in mentions.get(q["speaker"], [])
            )
            words = _n_words(a.text[s:e])
            evaluative = q.get("verb_class") == "evaluative"
            cands.append({"art": ai, "q": qi, "s": s, "e": e, "verb_at": (vs, ve), "speaker_in": has_speaker(s, e), "adjacent": adjacent, "evaluative": evaluative, "words": words})
    # the speaker named and next to the verb, evaluative verbs first (they are the point), short
    # passages; a fair share per article
    # (attribution finds the nearest actor, which a relative clause can mislead: "Carney, who met
    # Xi, told reporters"; with the speaker next to the verb there is no doubt)
    if sum(1 for c in cands if c["adjacent"] and c["speaker_in"]) >= 2:
        cands = [c for c in cands if c["adjacent"] and c["speaker_in"]]
    cands.sort(key=lambda c: (not c["speaker_in"], not c["adjacent"], not c["evaluative"], c["words"] > level.excerpt_words, c["words"]))
    chosen: list[dict[str, Any]] = []
    per_art: Counter[int] = Counter()
    spans_taken: dict[int, list[tuple[int, int]]] = {}
    for c in cands:
        if len(chosen) >= level.quotes or per_art[c["art"]] >= level.quotes_per_article:
            continue
        if _overlaps(c["s"], c["e"], spans_taken.get(c["art"], [])):
            continue
        chosen.append(c)
        per_art[c["art"]] += 1
        spans_taken.setdefault(c["art"], []).append((c["s"], c["e"]))
    if chosen and all(c["evaluative"] for c in chosen):  # show at least one neutral verb to compare
        neutral = next((c for c in cands if not c["evaluative"] and c["speaker_in"] and not _overlaps(c["s"], c["e"], spans_taken.get(c["art"], []))), None)
        if neutral:
            chosen[-1] = neutral
    chosen.sort(key=lambda c: (c["art"], c["s"]))
    rows, keys = [], []
    for n, c in enumerate(chosen, start=1):
        a = arts[c["art"]]
        q = a.result.quotes[c["q"]]
        a.used.append((c["s"], c["e"]))
        excerpt = a.text[c["s"] : c["e"]]
        g = _grade(excerpt)
        rows.append({"n": n, "label": a.label, "text": shown(excerpt), "grade": g, "grade_ok": _grade_ok(g, level)})
        marks = [(c["verb_at"][0], c["verb_at"][1], "verb" if c["evaluative"] else "neutral", "attribution verb")]
        keys.append(
            {
                "n": n,
                "label": a.label,
                "speaker": shown(q["speaker_name"]),
                "verb": q["verb"],
                "verb_class": q.get("verb_class") or "neutral",
                "kind": q["kind"],
                "explanation": _verb_why(q["verb"], q.get("verb_class")),
                "segments": _segments(excerpt, c["s"], marks, shown),
                "id": a.result.article.id,
            }
        )
    return {"key": "quotes", "rows": rows, "answer_rows": keys}


# ---------------------------------------------------------------------------------------------
# Exercise 4: how each actor is portrayed


def _tone(actor: dict[str, Any]) -> tuple[str | None, str]:
    labels = [m["sentiment"] for m in actor["mentions"] if "sentiment" in m]
    if not labels:
        return None, ""
    c = Counter(labels)
    top = c.most_common()
    if len(top) > 1 and top[0][1] == top[1][1]:
        tone = "mixed"
    else:
        tone = top[0][0]
    detail = ", ".join(f"{n} {lab}" for lab, n in sorted(c.items(), key=lambda kv: -kv[1])) + f" of {len(labels)} mention{'s' if len(labels) != 1 else ''}"
    mean = actor.get("sentiment", {}).get("mean")
    if mean is not None:
        detail += f"; mean score {mean:+.2f}"
    return tone, detail


def _ex_actors(arts: list[_Art], level: Level, shown: Callable[[str], str], anon: Anonymiser) -> dict[str, Any]:
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
    chosen = ranked[: level.actors]
    rows, keys = [], []
    for actor_id, info in chosen:
        cells, kcells = [], []
        for a in arts:
            actor = next((x for x in a.result.actors if x["actor"] == actor_id), None)
            if actor is None:
                cells.append({"label": a.label, "mentioned": False, "sentences": []})
                kcells.append({"label": a.label, "mentioned": False})
                continue
            names = {x["actor"]: x["name"] for x in a.result.actors}
            roles = [r for r in actor["roles"] if r["role"] in ("aggressor", "target", "cooperator")]
            picks: list[int] = []
            for r in roles:
                if r["sentence"] not in picks:
                    picks.append(r["sentence"])
            sent = actor.get("sentiment", {})
            for k in ("most_negative", "most_positive"):
                if k in sent:
                    i = next((m["sentence"] for m in actor["mentions"] if "score" in m and m["score"] == sent[k]["score"]), None)
                    if i is not None and i not in picks:
                        picks.append(i)
            for m in actor["mentions"]:
                if m["sentence"] not in picks:
                    picks.append(m["sentence"])
            picks = picks[: level.evidence_sentences]
            evidence, plain = [], []
            for i in sorted(picks):
                s, e = a.sentence_span(i)
                a.used.append((s, e))
                marks = [(m["start"], m["end"], "actor", "mention") for m in actor["mentions"] if s <= m["start"] and m["end"] <= e]
                marks += [(r["verb_start"], r["verb_end"], "role", f"{r['role']}: {r['verb']}") for r in roles if r.get("verb_start") is not None and r.get("verb_end") is not None and s <= r["verb_start"] and r["verb_end"] <= e]
                marks = _no_overlap(marks)
                evidence.append(_segments(a.text[s:e], s, marks, shown))
                plain.append(shown(a.text[s:e]))
            counts = {k: actor["role_counts"].get(k, 0) for k in ("aggressor", "target", "cooperator")}
            top = max(counts.values())
            role = " / ".join(k for k, v in counts.items() if v == top) if top else None
            role_ev = [
                f"{r['role']}: “{r['verb']}”" + (f" ({'against' if r['role'] == 'aggressor' else 'by' if r['role'] == 'target' else 'with'} {shown(names.get(r['other'], r['other']))})" if r.get("other") else "")
                for r in roles
            ]
            tone, tone_detail = _tone(actor)
            cells.append({"label": a.label, "mentioned": True, "sentences": plain})
            kcells.append(
                {
                    "label": a.label,
                    "mentioned": True,
                    "mentions": actor["n_mentions"],
                    "tone": tone,
                    "tone_detail": tone_detail,
                    "role": role,
                    "role_detail": "; ".join(role_ev) if role_ev else "no verb of conflict or cooperation links this actor to another",
                    "evidence": evidence,
                }
            )
        rows.append({"actor": shown(info["name"]), "cells": cells})
        keys.append({"actor": shown(info["name"]), "cells": kcells})
    scored = any(c.get("tone") for k in keys for c in k["cells"])
    return {"key": "actors", "labels": [a.label for a in arts], "rows": rows, "answer_rows": keys, "scored": scored}


def _no_overlap(marks: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    out: list[tuple[int, int, str, str]] = []
    for m in sorted(marks, key=lambda m: (m[0], -(m[1] - m[0]))):
        if any(m[0] < o[1] and o[0] < m[1] for o in out):
            continue
        out.append(m)
    return out


# ---------------------------------------------------------------------------------------------
# Exercise 5: guess the outlet


def _distinctive(arts: list[_Art]) -> dict[str, list[dict[str, Any]]]:
    from framing.comparison.comparison import compare

    groups = {a.outlet_key for a in arts}
    if len(groups) < 2:
        return {}
    # group by the same key as the worksheet (unknown outlets are their own groups)
    from dataclasses import replace

    rs = [replace(a.result, article=replace(a.result.article, outlet=a.outlet_key)) for a in arts]
    comp = compare(rs, by="outlet", n_boot=20, n_perm=20, top_terms=40)
    out: dict[str, list[dict[str, Any]]] = {}
    if comp.distinctive is None or len(comp.distinctive) == 0:
        return out
    for row in comp.distinctive.to_dict(orient="records"):
        if row["z"] >= MIN_Z:
            out.setdefault(row["group"], []).append(row)
    return out


def _term_spans(text: str, term: str, base: int) -> list[tuple[int, int]]:
    words = term.split()
    pat = r"(?<![\w])" + r"[\W_]+".join(re.escape(w) for w in words) + r"(?![\w])"
    return [(base + m.start(), base + m.end()) for m in re.finditer(pat, text.replace("’", "'"), re.IGNORECASE)]


def _ex_guess(arts: list[_Art], level: Level, anon: Anonymiser, anonymise: bool, outlet_names: list[str]) -> dict[str, Any]:
    from framing.comparison.vocabulary import stopwords as _stopwords, word_counts as _word_counts

    stop = _stopwords()
    terms = _distinctive(arts)
    best: dict[str, tuple[Any, ...]] = {}
    for a in arts:
        dist = {r["term"]: r for r in terms.get(a.outlet_key, []) if not anon.changes(r["term"])}
        for s, e, w in a.windows(level.excerpt_words):
            if w > level.excerpt_words:
                continue
            excerpt = a.text[s:e]
            counts = _word_counts(excerpt, stop)
            hits = [dist[t] for t in counts if t in dist]
            regs = [f for f in _inside(a.spot, s, e) if f.key.startswith("registers.")]
            score = sum(h["z"] for h in hits) + 1.0 * len(regs)
            g = _grade(excerpt)
            # long enough to recognise a voice (15+ words), then as simple as the level asks
            key = (not _overlaps(s, e, a.used), w >= max(15, level.excerpt_words // 4), _grade_ok(g, level), score > 0, round(score, 6), -w if level.prefer_short else w)
            if a.outlet_key not in best or key > best[a.outlet_key][0]:
                best[a.outlet_key] = (key, a, s, e, w, g, hits, regs)
    picked = sorted(best.values(), key=lambda b: (-b[0][4],))[: level.max_articles]
    picked.sort(key=lambda b: b[1].letter)
    items, keys = [], []
    for key, a, s, e, w, g, hits, regs in picked:
        a.used.append((s, e))
        excerpt = a.text[s:e]
        marks = _flag_marks(regs)
        giveaways = []
        for h in sorted(hits, key=lambda h: -h["z"]):
            spans = _term_spans(excerpt, h["term"], s)
            marks += [(x, y, "term", f"distinctive (z = {h['z']:.1f})") for x, y in spans]
            giveaways.append({"term": h["term"], "z": round(h["z"], 2), "count": int(h["count"]), "reference_count": int(h["reference_count"])})
        marks = _no_overlap(marks)
        label = f"Outlet {a.letter}"
        items.append({"label": label, "text": anon(excerpt), "grade": g, "words": w, "grade_ok": _grade_ok(g, level)})
        keys.append(
            {
                "label": label,
                "outlet": a.outlet_name,
                "segments": _segments(excerpt, s, marks, anon),
                "giveaways": giveaways,
                "register": [_answer(f, a.text, a, anon) for f in regs],
            }
        )
    return {
        "key": "guess",
        "items": items,
        "answer_items": keys,
        "choices": [] if anonymise else sorted(outlet_names),
        "kinds": list(OUTLET_KINDS),
        "has_terms": bool(terms),
    }


# ---------------------------------------------------------------------------------------------
# Exercise 6: rewrite a loaded sentence


def _said(word: str) -> str | None:
    w = word.lower()
    if " " in w or not any(w.startswith(st) for st in _SAY_STEMS):
        return None
    if w.endswith("ing"):
        return "saying"
    if w.endswith("ed"):
        return "said"
    if w.endswith("s"):
        return "says"
    return "say"


def _hints(flags: list[_Flag], a: _Art) -> list[str]:
    hints: list[str] = []
    for f in flags:
        word = a.text[f.start : f.end]
        if f.key == "rhetoric.attribution_evaluative":
            alt = _said(word)
            if alt:
                hints.append(f"Replace “{word}” with “{alt}”: a neutral verb of saying reports the words without judging them (Bell 1991).")
        elif f.key in ("rhetoric.boosters", "rhetoric.intensifiers"):
            hints.append(f"Leave out “{word}”: the sentence states the same fact without it.")
        elif f.key == "detectors.scare_quotes":
            inner = word.strip("“”\"'‘’ .,;:")
            hints.append(f"Remove the quotation marks around “{inner}”, or say who used the word.")
        elif f.key == "rhetoric.loaded_language":
            note = _entry_notes().get(("rhetoric", "loaded_language", f.term)) or ""
            m = _NOTE_ALTERNATIVE.search(note)
            if m:
                alts = " or ".join(f"“{x}”" for x in m.groups() if x)
                hints.append(f"Replace “{word}” with {alts} (the lexicon's note on this word: {note})")
    return list(dict.fromkeys(hints))


def _ex_rewrite(arts: list[_Art], level: Level, shown: Callable[[str], str]) -> dict[str, Any]:
    picks = []
    for a in arts:
        best = None
        for sent in a.doc.sentences:
            flags = _inside(a.marks, sent.start, sent.end)
            own = [f for f in flags if not a.in_source_quote(f)]
            loaded_own = sum(1 for f in own if f.key == "rhetoric.loaded_language")
            loaded_all = sum(1 for f in flags if f.key == "rhetoric.loaded_language")
            if not flags:
                continue
            text = a.text[sent.start : sent.end]
            g = _grade(text)
            key = (loaded_own, loaded_all, len(own), _grade_ok(g, level), -_n_words(text))
            if best is None or key > best[0]:
                best = (key, sent, flags, g)
        if best is not None:
            picks.append((a, *best))
    picks = sorted(picks, key=lambda p: p[1][:3], reverse=True)[: level.max_articles]
    picks.sort(key=lambda p: arts.index(p[0]))
    items, keys = [], []
    for a, key, sent, flags, g in picks:
        text = a.text[sent.start : sent.end]
        a.used.append((sent.start, sent.end))
        items.append({"label": a.label, "text": shown(text), "grade": g, "grade_ok": _grade_ok(g, level)})
        loaded_own, loaded_all = key[0], key[1]
        hints = _hints([f for f in flags if not a.in_source_quote(f)], a)
        if loaded_own == 0 and loaded_all > 0:
            why = "The loaded words here are inside a quotation: they are a source's words. A neutral report keeps the quotation, attributes it with “said”, and does not repeat the words in its own voice."
        elif loaded_all == 0:
            why = "No loaded word in this article; this sentence has the most other judging markers."
        else:
            why = f"The sentence of this article with the most loaded words ({loaded_own})."
        keys.append(
            {
                "label": a.label,
                "segments": _segments(text, sent.start, _flag_marks(flags), shown),
                "answers": [_answer(f, a.text, a, shown) for f in flags],
                "why": why,
                "hints": hints or ["No simple rule gives a neutral version here: ask students to state what happened without the judging words, and compare their versions."],
                "grade": g,
            }
        )
    skipped = [a.label for a in arts if a not in [p[0] for p in picks]]
    return {"key": "rewrite", "items": items, "answer_items": keys, "skipped": skipped}


# ---------------------------------------------------------------------------------------------
# The guide's examples, taken from these articles


def _guide_examples(arts: list[_Art], shown: Callable[[str], str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for a in arts:
        for m in a.result.matches:
            if m.negated:
                continue
            k = f"{m.lexicon}.{m.category}"
            word = shown(a.text[m.start : m.end])
            kind = (
                "loaded" if k == "rhetoric.loaded_language"
                else "scare" if k == "detectors.scare_quotes"
                else "verb" if k == "rhetoric.attribution_evaluative"
                else "hedge" if k == "rhetoric.hedges"
                else "register" if k in SPOT_KEYS[2:]
                else None
            )
            if kind and kind not in found:
                found[kind] = f"In these articles: {a.label} writes “{word}”."
    return found


# ---------------------------------------------------------------------------------------------
# Putting it together


def worksheet_data(results: Sequence[ArticleResult], *, level: str = "middle", anonymise: bool = False, seed: int = 0, title: str | None = None) -> dict[str, Any]:
    """Everything the worksheet and its answer key show, as plain data (strings, numbers, lists).

    Both the HTML templates and the PDF writer render this; article text in it is plain text
    (anonymised where asked), never markup.
    """
    check_option("level", level, tuple(LEVELS))
    lv = LEVELS[level]
    arts, left_out, anon, letters = _prepare(list(results), seed=seed, anonymise=anonymise)
    shown: Callable[[str], str] = anon if anonymise else (lambda t: t or "")
    outlet_names = sorted({a.outlet_name for a in arts})
    ex = [
        _ex_headlines(arts, lv, shown),
        _ex_loaded(arts, lv, shown),
        _ex_rewrite(arts, lv, shown),
        _ex_quotes(arts, lv, shown),
        _ex_actors(arts, lv, shown, anon),
    ]
    ex.append(_ex_guess(arts, lv, anon, anonymise, outlet_names))  # last: it avoids text shown elsewhere
    order = ("headlines", "loaded", "quotes", "actors", "guess", "rewrite")
    exercises = sorted(ex, key=lambda d: order.index(d["key"]))
    for n, d in enumerate(exercises, start=1):
        d["number"] = n
        d["title"], d["teaches"] = EXERCISES[d["key"]]
    examples = _guide_examples(arts, shown)
    concepts = [{**c, "example": examples.get(c["example_key"] or "")} for c in CONCEPTS]
    reveal = [{"letter": letters[k], "outlet": next(a.outlet_name for a in arts if a.outlet_key == k)} for k in sorted(letters, key=lambda k: letters[k])]
    prov = arts[0].result.provenance if arts else {}
    from framing._version import __version__

    return {
        "title": title or "Reading the news: one story, several outlets",
        "level": lv.name,
        "level_label": lv.label,
        "max_grade": lv.max_grade,
        "anonymise": anonymise,
        "seed": seed,
        "articles": [
            {
                "label": a.label,
                "id": a.result.article.id,
                "outlet": a.outlet_name,
                "title": shown(a.result.article.title or ""),
                "grade": a.result.readability.get("flesch_kincaid_grade"),
                "words": a.result.n_words,
            }
            for a in arts
        ],
        "reveal": reveal,
        "left_out": left_out,
        "exercises": exercises,
        "concepts": concepts,
        "glossary": [{"term": t, "definition": d} for t, d in GLOSSARY],
        "references": REFERENCES,
        "provenance": {"framing": __version__, "lexicons": prov.get("lexicons", {}), "models": prov.get("models", {})},
    }


def render_worksheet_html(data: dict[str, Any]) -> str:
    """The student worksheet as one self-contained HTML page (inline CSS, no scripts, no network)."""
    from framing.report.html import jinja_env as _env

    return _env().get_template("worksheet.html.j2").render(**data)


def render_answer_key_html(data: dict[str, Any]) -> str:
    """The answer key and teacher's guide as one self-contained HTML page."""
    from framing.report.html import jinja_env as _env

    return _env().get_template("answer_key.html.j2").render(**data)


def _formats(formats: str | Iterable[str]) -> list[str]:
    wanted = [f.strip().lower() for f in (formats.split(",") if isinstance(formats, str) else formats) if f and f.strip()]
    if not wanted:
        raise FramingError("no output format given: use html, pdf or both (html,pdf)")
    for f in wanted:
        check_option("format", f, FORMATS)
    return list(dict.fromkeys(wanted))


def make_worksheet(
    results_or_paths: Any,
    *,
    level: str = "middle",
    anonymise: bool = False,
    out_dir: str | os.PathLike[str],
    formats: str | Iterable[str] = FORMATS,
    seed: int = 0,
    title: str | None = None,
) -> dict[str, Path]:
    """Write a worksheet and its answer key from two to six articles; returns ``{file name: path}``.

    Parameters
    ----------
    results_or_paths : paths, Articles or results
        Files, folders or globs (loaded and analysed here), :class:`~framing.types.Article` objects,
        or analysis results (:class:`~framing.analysis.results.Results` or a list of ``ArticleResult``).
        Articles flagged as copies of another are left out (the key says so).
    level : {"middle", "high", "college"}
        Reading level: chooses excerpts by Flesch-Kincaid grade (8 or below, 12 or below, any) and
        sizes the exercises (fewer, shorter items for middle school).
    anonymise : bool
        Replace outlet names and domains by "Outlet A", "Outlet B" ... in every text shown.
    out_dir : path
        Folder for ``worksheet.html``, ``worksheet.pdf``, ``answer_key.html``, ``answer_key.pdf``.
    formats : "html", "pdf" or both
    seed : int
        Which letter each outlet gets (the same seed gives the same worksheet).

    Example::

        framing.classroom.worksheet.make_worksheet(["a.txt", "b.txt"], level="high", out_dir="worksheet")
    """
    check_option("level", level, tuple(LEVELS))
    wanted = _formats(formats)
    results, _ = _as_results(results_or_paths)
    data = worksheet_data(results, level=level, anonymise=anonymise, seed=seed, title=title)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    if "html" in wanted:
        for name, render in (("worksheet.html", render_worksheet_html), ("answer_key.html", render_answer_key_html)):
            p = out / name
            p.write_text(render(data), encoding="utf-8")
            written[name] = p
    if "pdf" in wanted:
        from framing.classroom.pdf import write_answer_key_pdf, write_worksheet_pdf

        written["worksheet.pdf"] = Path(write_worksheet_pdf(data, str(out / "worksheet.pdf")))
        written["answer_key.pdf"] = Path(write_answer_key_pdf(data, str(out / "answer_key.pdf")))
    return written


# ---------------------------------------------------------------------------------------------
# Command line


_EPILOG = """
examples:
  framing worksheet my-articles/*.txt --level high --out worksheet/
  framing worksheet a.html b.txt c.md --level middle --anonymise --out class-7b/ --format pdf

writes in DIR:
  worksheet.html, worksheet.pdf     for the students: six exercises, printable
  answer_key.html, answer_key.pdf   for the teacher: answers with evidence, guide, glossary
"""


def register(subparsers: Any, parser_class: type[argparse.ArgumentParser] | None = None) -> argparse.ArgumentParser:
    """Add ``framing worksheet`` to the CLI's subparsers; ``parser_class`` is the CLI's parser
    class (its ``error`` exits with status 2), used for this command's parser when given."""
    previous = getattr(subparsers, "_parser_class", None)
    if parser_class is not None and previous is not None:
        subparsers._parser_class = parser_class
    try:
        p = subparsers.add_parser(
            "worksheet",
            help="make a printable media-literacy worksheet and answer key from two to six articles",
            description="Make a student worksheet (HTML and PDF) with six exercises and an answer key with evidence, from your own articles.",
            epilog=_EPILOG,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
    finally:
        if previous is not None:
            subparsers._parser_class = previous
    p.add_argument("paths", nargs="+", metavar="ARTICLE", help="article files, folders or glob patterns (two to six articles)")
    p.add_argument("--level", default="middle", help="reading level: middle, high or college (default: %(default)s)")
    p.add_argument("--anonymise", "--anonymize", dest="anonymise", action="store_true", help="replace outlet names and domains with Outlet A, B, C in every text shown")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the worksheet and answer key (created if missing)")
    p.add_argument("--format", default="html,pdf", help="comma-separated: html, pdf (default: %(default)s)")
    p.add_argument("--seed", type=int, default=0, help="which letter each outlet gets (default: %(default)s)")
    p.add_argument("--title", default=None, help="title printed on the worksheet")
    p.set_defaults(func=cmd_worksheet)
    return p


def cmd_worksheet(args: argparse.Namespace) -> int:
    written = make_worksheet(args.paths, level=args.level, anonymise=args.anonymise, out_dir=args.out, formats=args.format, seed=args.seed, title=args.title)
    print(f"Wrote {', '.join(str(p) for p in written.values())}", file=sys.stderr)
    return 0
