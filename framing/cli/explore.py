"""``framing kwic``: every use of a term in context, from raw inputs or from a results folder."""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from framing.cli.common import EXIT_OK, EXIT_SOME_FAILED, add_load_options, at_least_one, load_options, non_negative, say
from framing.errors import check_inputs
from framing.explore.kwic import TermQuery, iter_kwic, iter_kwic_jsonl, kwic_frame, term_query
from framing.inputs.loader import iter_load
from framing.safe_output import safe_cell
from framing.types import Article, ArticleResult, LoadError

__all__ = ["cmd_kwic", "register", "results_file"]

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

