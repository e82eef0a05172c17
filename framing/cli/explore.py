"""``framing kwic`` (every use of a term in context) and ``framing export dtm`` (a document-term
matrix for other tools), from raw inputs or from a results folder."""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from tqdm.auto import tqdm

from framing.cli.common import EXIT_OK, EXIT_SOME_FAILED, add_load_options, at_least_one, load_options, non_negative, say
from framing.errors import check_inputs
from framing.explore.kwic import TermQuery, iter_kwic, iter_kwic_jsonl, kwic_frame, term_query
from framing.inputs.loader import iter_load
from framing.safe_output import safe_cell
from framing.types import Article, ArticleResult, Doc, LoadError

__all__ = ["cmd_export_dtm", "cmd_kwic", "register", "results_file"]

_EPILOG_KWIC = """
TERM is a word, a phrase, a glob or a lexicon category:
  framing kwic sanctions reports/example              a word, in a results folder
  framing kwic "trade war" corpus/ --window 10        a phrase, in raw inputs (analysed for voice)
  framing kwic "imperialis*" out/ --by outlet         a glob; rows grouped by outlet
  framing kwic registers:marxist out/ --format csv    the uses of a lexicon category the analysis counted
  framing kwic tariff* out/ --voice outlet --limit 20 the outlet's own words only, 20 rows per outlet

On a results folder (written by 'framing analyze'), the texts are read from articles.jsonl, where
the analysis stored them with every match, and each use has its voice: outlet (the outlet's own
words), quote (inside a quotation) or reported (reported speech), with the speaker. Raw inputs are
searched first (only texts containing the term are analysed), then analysed for voice; --no-voice
skips that analysis (much faster, no voice column).
"""

_EPILOG_DTM = """
examples:
  framing export dtm reports/example --out dtm/
  framing export dtm corpus/ --out dtm/ --lemmas --categories --min-df 2
  framing export dtm out/ --out dtm/ --categories-only --voice all

read it:
  Python  scipy.io.mmread("dtm/dtm.mtx").tocsr(); pandas.read_csv("dtm/vocabulary.csv")
  gensim  gensim.corpora.MmCorpus("dtm/dtm.mtx") with id2word from vocabulary.csv
  R       Matrix::readMM("dtm/dtm.mtx"); quanteda::as.dfm(m) after setting dimnames

On a results folder the texts come from articles.jsonl (stored by the analysis with its quotations,
so --voice outlet works); raw inputs are analysed first, and that analysis's parse gives the lemmas.
"""


def register(subparsers: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    """Add ``kwic`` to ``subparsers``."""
    p = subparsers.add_parser(
        "kwic",
        help="every use of a term (word, phrase, glob, lexicon category) in context: a concordance",
        description="Show every use of TERM in its context (key word in context), from raw inputs or a results folder.",
        epilog=_EPILOG_KWIC,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("term", metavar="TERM", help="a word, phrase, glob (imperialis*) or lexicon category (registers:marxist)")
    p.add_argument("paths", nargs="+", metavar="PATH|RESULTS_DIR", help="a results folder written by 'framing analyze', or input files, folders or globs")
    p.add_argument("--window", type=non_negative, default=5, metavar="N", help="words shown each side of the match (default: %(default)s)")
    p.add_argument("--by", metavar="FIELD", help="sort and group the uses by this article field: outlet, published, author, or a metadata column")
    p.add_argument("--format", choices=["table", "csv", "jsonl"], default="table", help="table (aligned, for reading), csv or jsonl (default: %(default)s)")
    p.add_argument("--limit", type=at_least_one, metavar="N", help="at most N uses (per group with --by)")
    p.add_argument("--voice", choices=["outlet", "quote", "reported", "own"], help="only uses in this voice; 'own' is the outlet's wording: outlet and reported speech")
    p.add_argument("--case-sensitive", action="store_true", help="match the term's case exactly (Labour, not labour)")
    p.add_argument("--no-voice", action="store_true", help="raw inputs: do not analyse them for voice (much faster; no voice column)")
    p.add_argument("--lexicon-dir", action="append", default=[], metavar="DIR", help="also load the lexicons in DIR, for categories (repeatable)")
    add_load_options(p)
    prog = p.add_mutually_exclusive_group()
    prog.add_argument("--progress", dest="progress", action="store_true", default=None, help="always show a progress bar")
    prog.add_argument("--no-progress", dest="progress", action="store_false", help="never show a progress bar")
    p.set_defaults(func=cmd_kwic)

    ep = subparsers.add_parser("export", help="export the analysed texts for other tools (document-term matrix)", description="Export analysed texts in formats other tools read.")
    esub = ep.add_subparsers(dest="export_command", metavar="WHAT", parser_class=parser_class, required=True)
    q = esub.add_parser(
        "dtm",
        help="a document-term matrix: dtm.mtx (Matrix Market), vocabulary.csv, documents.csv",
        description="Count the words (or lemmas) and lexicon categories of every article into a sparse document-term matrix "
        "that scikit-learn/scipy, gensim and quanteda (R: Matrix::readMM) read.",
        epilog=_EPILOG_DTM,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    q.add_argument("paths", nargs="+", metavar="RESULTS_DIR|PATH", help="a results folder written by 'framing analyze', or input files, folders or globs (analysed first)")
    q.add_argument("--out", required=True, metavar="DIR", help="folder for dtm.mtx, vocabulary.csv and documents.csv (created if missing)")
    q.add_argument("--lemmas", action="store_true", help="count spaCy lemmas (say, not said/says) instead of lower-cased word forms (one parse per article)")
    q.add_argument("--categories", action="store_true", help="add a column per lexicon category (registers.marxist ...): the matches the analysis counted")
    q.add_argument("--categories-only", action="store_true", help="only the lexicon categories, no word columns")
    q.add_argument("--voice", choices=["outlet", "all"], default="outlet", help="outlet: leave out the words inside quotations, as the reports do (default); all: every word")
    q.add_argument("--min-df", type=at_least_one, default=1, metavar="N", help="keep features found in at least N documents (default: %(default)s)")
    q.add_argument("--no-actors", action="store_true", help="raw inputs: do not look up actors (quotations are still found; speakers are not named)")
    add_load_options(q)
    prog = q.add_mutually_exclusive_group()
    prog.add_argument("--progress", dest="progress", action="store_true", default=None, help="always show a progress bar")
    prog.add_argument("--no-progress", dest="progress", action="store_false", help="never show a progress bar")
    q.set_defaults(func=cmd_export_dtm)


def results_file(path: str | Path) -> Path | None:
    """The ``articles.jsonl`` of a results folder (or that file itself, with the run's
    ``manifest.json`` beside it), else None: the path is a raw input."""
    p = Path(path)
    if p.is_dir() and (p / "articles.jsonl").is_file():
        return p / "articles.jsonl"
    if p.is_file() and p.name == "articles.jsonl" and (p.parent / "manifest.json").is_file():
        return p
    return None


def _analysed(articles: Iterable[Article | LoadError], query: TermQuery, *, voice: bool, progress: bool | None, errors: list[LoadError]) -> Iterator[Article | ArticleResult]:
    """The articles that can hold the term (a substring test), analysed when ``voice`` so each use
    has its voice (quotations need the parse; sentiment is skipped: kwic does not show it)."""
    from framing.analysis.article import iter_analyze

    def candidates() -> Iterator[Article]:
        for item in articles:
            if isinstance(item, LoadError):
                errors.append(item)
            elif item.text and query.may_occur(query.lowered(item.text)):
                yield item

    if not voice:
        yield from candidates()
        return
    yield from iter_analyze(candidates(), lexicons="default" if query.kind == "category" else None, gazetteer="default", sentiment=None, progress=progress)


def _only_voice(rows: Iterable[dict[str, Any]], voice: str | None) -> Iterator[dict[str, Any]]:
    wanted = {"own": ("outlet", "reported")}.get(voice or "", (voice,))
    for row in rows:
        if voice is None or row["voice"] in wanted:
            yield row


def cmd_kwic(args: argparse.Namespace) -> int:
    check_inputs(args.paths)
    lexicons = None
    if args.lexicon_dir:
        from framing.markers.lexicons import load_default_lexicons

        lexicons = load_default_lexicons(args.lexicon_dir)
    query = term_query(args.term, lexicons=lexicons, case_sensitive=args.case_sensitive)
    errors: list[LoadError] = []
    streams: list[Iterable[dict[str, Any]]] = []
    raw: list[str] = []
    for path in args.paths:
        found = results_file(path)
        if found is not None:
            streams.append(iter_kwic_jsonl(found, query, window=args.window))
        else:
            raw.append(path)
    if raw:
        items = _analysed(iter_load(raw, **vars(load_options(args))), query, voice=not args.no_voice, progress=args.progress, errors=errors)
        streams.append(iter_kwic(items, query, window=args.window))
    rows: Iterable[dict[str, Any]] = (row for stream in streams for row in stream)
    if args.voice:
        rows = _only_voice(rows, args.voice)
    frame = kwic_frame(rows, by=args.by, limit=args.limit)
    if args.no_voice and raw and not streams[:-1]:
        frame = frame.drop(columns=["voice", "speaker"])
    _write(frame, args.format, by=args.by)
    for e in errors[:10]:
        say(f"framing: cannot read {e}")
    say(f"{len(frame)} use{'s' if len(frame) != 1 else ''} of {args.term!r}" + (f" in {frame['id'].nunique()} article(s)" if len(frame) else ""))
    return EXIT_SOME_FAILED if errors else EXIT_OK


def _write(frame: Any, fmt: str, *, by: str | None) -> None:
    records = frame.astype(object).where(frame.notna(), None).to_dict("records")
    if fmt == "jsonl":
        for rec in records:
            print(json.dumps(rec, ensure_ascii=False))
    elif fmt == "csv":
        w = csv.writer(sys.stdout)
        w.writerow(frame.columns)
        for rec in records:
            w.writerow([safe_cell(v) for v in rec.values()])
    else:
        _table(records, by=by)


def _table(records: Sequence[dict[str, Any]], *, by: str | None) -> None:
    """Aligned lines: the left context right-aligned, the match in brackets, the right context;
    a heading per value of ``by``; the article id and voice in front."""
    width = shutil.get_terminal_size((120, 24)).columns
    side = max(20, (width - 50) // 2)
    last: object = object()
    for rec in records:
        if by is not None and rec.get(by) != last:
            last = rec.get(by)
            print(f"\n== {by}: {last if last is not None else '(unknown)'}")
        left = rec["left"][-side:]
        right = rec["right"][:side]
        tag = rec["id"][:18]
        voice = rec.get("voice")
        print(f"{tag:<18} {voice or '':<8} {left:>{side}} [{rec['match']}] {right}")



def _results_with_docs(articles: Iterable[Article | LoadError], *, categories: bool, actors: bool, progress: bool | None, errors: list[LoadError]) -> Iterator[tuple[ArticleResult, Doc]]:
    """Raw inputs analysed (no sentiment), each with the parse the analysis used, so a
    document-term matrix of lemmas needs no second parse."""
    from framing.analysis.article import analyze_article, default_gazetteer, default_lexicons
    from framing.analysis.provenance import build_provenance
    from framing.text.parse import load_pipeline, parse_many

    lexicons = default_lexicons() if categories else None
    gazetteer = default_gazetteer() if actors else None
    provenance = build_provenance(lexicons, gazetteer, None)
    nlp = load_pipeline()
    good: deque[Article] = deque()  # the articles whose texts went to the parser, in order

    def texts() -> Iterator[str]:
        for item in tqdm(articles, desc="analysing", unit="article", disable=None if progress is None else not progress, file=sys.stderr):
            if isinstance(item, LoadError):
                errors.append(item)
                continue
            good.append(item)
            yield item.text

    for doc in parse_many(texts(), pipeline=nlp):
        yield analyze_article(good.popleft(), lexicons=lexicons, gazetteer=gazetteer, sentiment=None, provenance=provenance, doc=doc), doc


def cmd_export_dtm(args: argparse.Namespace) -> int:
    from framing.analysis.results import iter_results
    from framing.explore.dtm import document_term_matrix

    check_inputs(args.paths)
    categories = args.categories or args.categories_only
    errors: list[LoadError] = []
    streams: list[Iterable[ArticleResult | tuple[ArticleResult, Doc]]] = []
    raw: list[str] = []
    for path in args.paths:
        found = results_file(path)
        if found is not None:
            streams.append(iter_results(found))
        else:
            raw.append(path)
    if raw:
        streams.append(_results_with_docs(iter_load(raw, **vars(load_options(args))), categories=categories, actors=not args.no_actors, progress=args.progress, errors=errors))
    features = "none" if args.categories_only else ("lemmas" if args.lemmas else "forms")
    m = document_term_matrix(
        (item for stream in streams for item in stream), features=features, voice=args.voice, categories=categories, min_df=args.min_df, progress=args.progress if not raw else False
    )
    written = m.write(args.out)
    for e in errors[:10]:
        say(f"framing: cannot read {e}")
    say(f"{m.shape[0]} documents x {m.shape[1]} features ({m.matrix.nnz} non-zero counts); wrote {', '.join(map(str, written))}")
    return EXIT_SOME_FAILED if errors else EXIT_OK
