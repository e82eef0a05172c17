"""Concordance (key word in context): every use of a term in its context, with whose words it is.

A term is a word (``sanctions``), a phrase (``trade war``), a glob (``imperialis*``) or a lexicon
category (``registers:marxist``, also written ``registers.marxist``). Words, phrases and globs are
compiled into the lexicon matcher (:class:`~framing.markers.match.TokenMatcher`) as a one-entry
lexicon, so a term in a concordance matches exactly as the same term in a lexicon would: on
tokens, case-folded, ``war`` never inside ``software``. A category's uses in analysed results are
the matches the analysis stored (what the report counted, with their voice and negation); on raw
texts the category's entries are matched afresh.

Each use is a row: the article (id, outlet, published), ``left`` / ``match`` / ``right`` (the
context is ``window`` words each side, a word being a run of non-space characters, shown with
line breaks as spaces), the character offsets of the match in the article's text, and, when the
article was analysed, its voice: ``outlet`` (the outlet's own words), ``quote`` (inside a
quotation) or ``reported`` (reported speech), with the speaker when one was found.

Speed: a text is only tokenised when it contains the term's literal letters (a substring test on
the lower-cased text), so a concordance of a rare word over thousands of articles reads each text
once and tokenises only the few that can hold it.
"""

from __future__ import annotations

import json
import os
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from framing.errors import InputError, OptionError, did_you_mean
from framing.markers.lexicons import Lexicon, LexiconSet, load_default_lexicons, parse_lexicon, term_tokens
from framing.markers.match import TokenMatcher
from framing.text.parse import tokenised
from framing.text.segment import normalise_token
from framing.types import Article, ArticleResult, Quote
from framing.voice.labels import stored_quotes, voice_labels

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["KWIC_COLUMNS", "TermQuery", "context", "iter_kwic", "iter_kwic_jsonl", "kwic", "kwic_frame", "term_query"]

#: The columns of a concordance, in order (``by`` adds its field first when it is not one of them).
KWIC_COLUMNS = ("id", "outlet", "published", "left", "match", "right", "start", "end", "voice", "speaker", "negated", "term", "category")

_NORM = str.maketrans({"’": "'", "‘": "'", "‐": "-"})


@dataclass(frozen=True)
class TermQuery:
    """A term compiled for the concordance.

    ``kind`` is ``term`` (a word, phrase or glob) or ``category``; ``category`` is
    ``lexicon.category`` for a category; ``matcher`` matches the term (or the category's entries)
    in a tokenised text; ``literals``: a text can hold the term only if it contains one of these
    (lower-cased, apostrophes straightened); empty means every text must be looked at.
    """

    text: str
    kind: str
    category: str | None
    matcher: TokenMatcher
    literals: tuple[str, ...]

    def may_occur(self, lowered: str) -> bool:
        """Whether a text, lower-cased with :meth:`lowered`, can contain the term."""
        return not self.literals or any(lit in lowered for lit in self.literals)

    @staticmethod
    def lowered(text: str) -> str:
        """``text`` as :meth:`may_occur` expects it."""
        return text.lower().translate(_NORM)


def _literal(tokens: Sequence[str]) -> str:
    """The longest piece of an entry that every match contains literally (lower-cased); ``""``
    when it has none (a glob ``*ism`` alone still has ``ism``)."""
    pieces = [p for tok in tokens for p in normalise_token(tok).lower().split("*") if p]
    return max(pieces, key=len, default="")


def _literals(token_lists: Iterable[Sequence[str]]) -> tuple[str, ...]:
    out: set[str] = set()
    for toks in token_lists:
        lit = _literal(toks)
        if not lit:
            return ()  # an entry with no literal part: every text must be tokenised
        out.add(lit)
    # a literal that contains another is implied by it: test only the shorter
    return tuple(sorted(lit for lit in out if not any(o != lit and o in lit for o in out)))


def _split_category(term: str) -> tuple[str, str] | None:
    """``registers:marxist`` / ``registers.marxist`` as (lexicon, category), else None."""
    for sep in (":", "."):
        lex, found, cat = term.partition(sep)
        if found and lex and cat and (lex + cat).replace("_", "").isalnum() and (lex + cat).islower():
            return lex, cat
    return None


def term_query(term: str, *, lexicons: LexiconSet | Sequence[Lexicon] | None = None, case_sensitive: bool = False) -> TermQuery:
    """Compile ``term`` (word, phrase, glob or ``lexicon:category``) for :func:`kwic`.

    ``lexicons`` are where categories are looked up (default: the built-in lexicons, loaded only
    when the term names a category). ``lexicon.category`` is read as a category only when that
    lexicon exists (``e.g`` stays a word); ``lexicon:category`` always is, and an unknown one is an
    error naming the categories there are.

    >>> q = term_query("imperialis*")
    >>> q.kind, q.literals
    ('term', ('imperialis',))
    """
    term = term.strip()
    if not term:
        raise OptionError("the term to look for is empty")
    split = _split_category(term)
    if split is not None:
        lex_name, cat = split
        lexset = list(lexicons) if lexicons is not None else list(load_default_lexicons())
        by_name = {lx.name: lx for lx in lexset}
        lx = by_name.get(lex_name)
        if lx is None and ":" not in term:
            split = None  # "e.g": a word with a dot, not a category
        elif lx is None:
            raise OptionError(f"no lexicon named {lex_name!r}{did_you_mean(lex_name, by_name)}; lexicons: {', '.join(sorted(by_name))}")
        elif cat not in lx.categories:
            raise OptionError(f"lexicon {lex_name!r} has no category {cat!r}{did_you_mean(cat, lx.categories)}; its categories: {', '.join(lx.categories)}")
        else:
            entries = lx.entries_for(cat)
            sub = replace(lx, categories={cat: lx.categories[cat]}, entries=tuple(entries))
            return TermQuery(term, "category", f"{lex_name}.{cat}", TokenMatcher([sub]), _literals(e.tokens for e in entries))
    data = {
        "lexicon": {"name": "kwic", "version": "1", "language": "en", "license": "none", "description": "a concordance term", "curators": ["the user"]},
        "categories": {"term": {"label": "term", "definition": "the term looked for", "literature": ["none"], "entries": [{"term": term, "case_sensitive": case_sensitive}]}},
    }
    try:
        lexicon = parse_lexicon(data, path="the term")
    except Exception as exc:  # a lexicon error reads "the term: term '*' has no words to match ..."
        raise OptionError(str(exc)) from exc
    return TermQuery(term, "term", None, TokenMatcher([lexicon]), _literals([term_tokens(term)]))


def _left(text: str, start: int, n: int) -> str:
    """The ``n`` words (runs of non-space characters) before ``start``, spaces collapsed; what is
    attached to the match (``"`` before it) does not count as a word."""
    i = start
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    for _ in range(n):
        while i > 0 and text[i - 1].isspace():
            i -= 1
        if i == 0:
            break
        while i > 0 and not text[i - 1].isspace():
            i -= 1
    return " ".join(text[i:start].split())


def _right(text: str, end: int, n: int) -> str:
    """The ``n`` words after ``end``, spaces collapsed; punctuation attached to the match does
    not count as a word."""
    i, size = end, len(text)
    while i < size and not text[i].isspace():
        i += 1
    for _ in range(n):
        while i < size and text[i].isspace():
            i += 1
        if i == size:
            break
        while i < size and not text[i].isspace():
            i += 1
    return " ".join(text[end:i].split())


def _only_lines_with(text: str, query: TermQuery) -> str:
    """``text`` with every line that cannot hold the term blanked out (spaces, same length), so
    only the lines that can are tokenised, at their own offsets. Sentences end at every line break
    (:func:`~framing.text.parse.tokenised`), so no match crosses one and the uses found are the
    same as on the whole text."""
    if not query.literals:
        return text
    lines = text.splitlines(keepends=True)
    if len(lines) < 2:
        return text
    out = []
    for line in lines:
        body = line.rstrip("\r\n\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85")
        out.append(line if query.may_occur(query.lowered(body)) else " " * len(body) + line[len(body) :])
    return "".join(out)
def context(text: str, start: int, end: int, window: int = 5) -> tuple[str, str, str]:
    """``(left, match, right)`` of the span ``text[start:end]`` as a concordance row shows it:
    ``window`` words each side, spaces collapsed. For uses found elsewhere (an actor's mentions,
    the terms a count was made of) to be shown exactly as :func:`kwic` shows its own.

    >>> context("The new sanctions bite hard.", 8, 17, 1)
    ('new', 'sanctions', 'bite')
    """
    return _left(text, start, window), " ".join(text[start:end].split()), _right(text, end, window)


def _uses(article: Article, result: ArticleResult | None, query: TermQuery) -> Iterator[tuple[int, int, str | None, str | None, bool, str, str | None]]:
    """(start, end, voice, speaker, negated, entry term, category) of each use in one article."""
    key = query.category
    if result is not None and key is not None and key in result.markers:
        lex, _, cat = key.partition(".")
        for m in result.matches:  # the uses the analysis counted, voice and negation included
            if m.category == cat and m.lexicon == lex:
                yield m.start, m.end, m.voice, m.speaker, m.negated, m.term, key
        return
    doc = tokenised(_only_lines_with(article.text, query))
    found = query.matcher.match(doc)
    if not found:
        return
    voice = None
    quotes: list[Quote] = []
    if result is not None:
        quotes = stored_quotes(result.quotes)
        voice = voice_labels(doc, quotes) if quotes else None
    for m in found:
        label: str | None = None if result is None else "outlet"
        speaker = None
        if voice is not None:
            first, last = bisect_left(doc.starts, m.start), bisect_left(doc.starts, m.end)
            label, owner = voice.of_span(first, last)
            if owner >= 0:
                speaker = quotes[owner].speaker_name or quotes[owner].speaker_text
        yield m.start, m.end, label, speaker, m.negated, m.term, key


def _rows(item: ArticleResult | Article | str, index: int, query: TermQuery, window: int) -> Iterator[dict[str, Any]]:
    if isinstance(item, ArticleResult):
        result: ArticleResult | None = item
        article = item.article
    elif isinstance(item, Article):
        result, article = None, item
    elif isinstance(item, str):
        result, article = None, Article(id=str(index), text=item)
    else:
        raise OptionError(f"kwic reads analysed results, articles or texts; got {type(item).__name__}")
    text = article.text
    if not text:
        return
    stored = query.category is not None and result is not None and query.category in result.markers
    if not stored and not query.may_occur(query.lowered(text)):
        return  # the term's letters are not in the text: no need to tokenise it
    for start, end, voice, speaker, negated, term, category in _uses(article, result, query):
        left, match, right = context(text, start, end, window)
        yield {
            "id": article.id,
            "outlet": article.outlet,
            "published": article.published,
            "left": left,
            "match": match,
            "right": right,
            "start": start,
            "end": end,
            "voice": voice,
            "speaker": speaker,
            "negated": negated,
            "term": term,
            "category": category,
            "_article": article,
        }


def _check_window(window: int) -> None:
    if isinstance(window, bool) or not isinstance(window, int) or window < 0:
        raise OptionError(f"window must be a whole number of words of at least 0; got {window!r}")


def iter_kwic(
    items: Iterable[ArticleResult | Article | str],
    term: str | TermQuery,
    *,
    window: int = 5,
    lexicons: LexiconSet | Sequence[Lexicon] | None = None,
    case_sensitive: bool = False,
) -> Iterator[dict[str, Any]]:
    """Every use of ``term`` in ``items`` (analysed results, articles or plain texts), one dict per
    use with the keys of :data:`KWIC_COLUMNS` (and ``_article``, the article it is in), in
    article order and text order. Plain texts are given ids ``"0"``, ``"1"`` ... and no voice."""
    _check_window(window)
    query = term if isinstance(term, TermQuery) else term_query(term, lexicons=lexicons, case_sensitive=case_sensitive)
    for i, item in enumerate(items):
        yield from _rows(item, i, query, window)


def iter_kwic_jsonl(
    path: str | os.PathLike[str],
    term: str | TermQuery,
    *,
    window: int = 5,
    lexicons: LexiconSet | Sequence[Lexicon] | None = None,
    case_sensitive: bool = False,
) -> Iterator[dict[str, Any]]:
    """:func:`iter_kwic` over the ``articles.jsonl`` written by ``framing analyze`` (or its
    folder), streaming: a record is decoded only when its line can hold the term, so memory stays
    bounded and most records of a large run are skipped after a substring test."""
    _check_window(window)
    query = term if isinstance(term, TermQuery) else term_query(term, lexicons=lexicons, case_sensitive=case_sensitive)
    p = Path(path)
    if p.is_dir():
        p = p / "articles.jsonl"
    if not p.is_file():
        raise InputError(f"{p}: no results here (expected the articles.jsonl written by 'framing analyze')")
    cat_marker = None
    if query.category is not None:
        cat_marker = '"category": ' + json.dumps(query.category.partition(".")[2])
    with open(p, encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            # a cheap test on the raw line first: the term's letters (as JSON keeps them: our
            # terms have no quotes or backslashes to escape), or a stored match of the category
            if not (query.may_occur(query.lowered(line)) or (cat_marker is not None and cat_marker in line)):
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{p}, line {n}: not a result written by framing ({exc})") from exc
            if "text" not in record:
                raise InputError(
                    f"{p}, line {n}: the record has no text (written without evidence); run kwic on the inputs themselves: "
                    "framing kwic TERM PATH (the inputs of this run are listed in manifest.json)"
                )
            try:
                result = ArticleResult.from_dict(record)
            except (TypeError, KeyError) as exc:
                raise InputError(f"{p}, line {n}: not a result written by framing ({exc})") from exc
            yield from _rows(result, n - 1, query, window)


def kwic_frame(rows: Iterable[dict[str, Any]], *, by: str | None = None, limit: int | None = None) -> pd.DataFrame:
    """A concordance table from :func:`iter_kwic` rows: the columns of :data:`KWIC_COLUMNS`, and
    with ``by`` (an article field: ``outlet``, ``published``, ``author`` ... or a metadata key) that
    field first and the rows sorted by it (stably: text order within a value); ``limit``: at most
    this many rows (per value of ``by`` when given)."""
    import pandas as pd

    records = []
    for row in rows:
        article: Article = row.pop("_article")
        if by is not None and by not in KWIC_COLUMNS:
            value = getattr(article, by) if by in _ARTICLE_FIELDS else article.meta.get(by)
            row[by] = None if value in (None, "") else str(value)
        records.append(row)
    columns = list(KWIC_COLUMNS)
    if by is not None and by not in columns:
        columns.insert(0, by)
    frame = pd.DataFrame.from_records(records, columns=columns)
    if by is not None:
        if records and by not in KWIC_COLUMNS and frame[by].isna().all():
            raise OptionError(f"no article has the field {by!r}{did_you_mean(by, _ARTICLE_FIELDS)}")
        frame = frame.sort_values(by, kind="stable", na_position="last")
        if limit is not None:
            frame = frame.groupby(by, sort=False, dropna=False).head(limit)
        frame = frame[[by] + [c for c in frame.columns if c != by]]
    elif limit is not None:
        frame = frame.head(limit)
    return frame.reset_index(drop=True)


_ARTICLE_FIELDS = ("outlet", "published", "title", "author", "syndicated_from", "republished_by", "url", "source_path", "duplicate_of")


def kwic(
    items: Iterable[ArticleResult | Article | str] | str | os.PathLike[str],
    term: str,
    *,
    window: int = 5,
    by: str | None = None,
    limit: int | None = None,
    lexicons: LexiconSet | Sequence[Lexicon] | None = None,
    case_sensitive: bool = False,
) -> pd.DataFrame:
    """Every use of ``term`` in context, as a DataFrame (quanteda's ``kwic``).

    Parameters
    ----------
    items : results, articles, texts, or a path
        :class:`~framing.analysis.results.Results` (or any analysed results: each use then has its
        voice), :class:`~framing.types.Article` objects, plain strings, or the folder (or
        ``articles.jsonl``) written by ``framing analyze``, read as a stream.
    term : str
        A word (``sanctions``), a phrase (``trade war``), a glob (``imperialis*``, ``*lateral``) or
        a lexicon category (``registers:marxist``); matched on tokens, case-folded.
    window : int
        Words (runs of non-space characters) shown each side.
    by : str, optional
        An article field (``outlet``, ``published``, ``author``, a metadata key): rows are sorted
        by it (text order kept within each value), and it comes first.
    limit : int, optional
        At most this many rows (per value of ``by`` when given).
    lexicons : LexiconSet, optional
        Where categories are looked up (default: the built-in lexicons).
    case_sensitive : bool
        Match the term's case exactly (``Labour`` but not ``labour``).

    Examples
    --------
    >>> import framing
    >>> texts = ["The sanctions bite. New sanctions followed.", "No sanction here."]
    >>> kwic(texts, "sanction*", window=2)[["id", "left", "match", "right"]].values.tolist()
    [['0', 'The', 'sanctions', 'bite. New'], ['0', 'bite. New', 'sanctions', 'followed.'], ['1', 'No', 'sanction', 'here.']]
    """
    if isinstance(items, (str, os.PathLike)):
        if not Path(items).exists():
            raise InputError(f"{items}: no such results folder or file (to search a text, pass a list of texts: kwic([text], term))")
        rows = iter_kwic_jsonl(items, term, window=window, lexicons=lexicons, case_sensitive=case_sensitive)
    else:
        rows = iter_kwic(items, term, window=window, lexicons=lexicons, case_sensitive=case_sensitive)
    if limit is not None and by is None:
        import itertools

        rows = itertools.islice(rows, limit)
    return kwic_frame(rows, by=by, limit=limit)
