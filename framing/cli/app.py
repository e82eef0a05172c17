"""The ``framing`` command line. Each subcommand is a thin layer over the Python API.

Exit status: 0 when every input was analysed, 1 when some inputs failed (the rest were still
analysed and the failures are listed in ``errors.jsonl``), 2 on a usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from framing._version import __version__
from framing.errors import FramingError
from framing.inputs.discovery import FORMATS
from framing.inputs.loader import iter_load
from framing.types import LoadError

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2

_EPILOG_ANALYZE = """
examples:
  framing analyze examples/corpus --out reports/example
  framing analyze articles.jsonl.gz --out out/ --text-col body
  framing analyze "pages/**/*.html" --outlet "The Daily Example" --out out/
  framing analyze corpus/ --out out/ --model frames.skops --model bias=bias-v2.skops

outputs in DIR:
  articles.jsonl   one JSON object per analysed article (fields: docs/output.md)
  articles.csv     the same as a flat table (one column per marker and measure)
  errors.jsonl     one object per input that could not be analysed: path, record, reason
  articles.parquet/  the article table as partitioned Parquet (for pandas, Arrow, Spark, DuckDB)
  manifest.json    inputs (with SHA-256), settings, versions and the run's summary
  report.html      the comparison report: a self-contained page to open in a browser
                   (--format adds report.pdf, report.md and tables/*.csv)

a run that is interrupted continues where it stopped when started again with the same command.

with --model, every record of articles.jsonl gets "predictions" (model name -> label and class
probabilities), articles.csv gets pred_<model> columns and the report a "Classifier predictions"
section. To add a model to a finished folder instead: framing apply MODEL --into DIR.

exit status: 0 all inputs analysed; 1 some failed (the rest were analysed); 2 usage error
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _add_load_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("reading inputs")
    g.add_argument("--outlet", help="set the outlet of every article (overrides what the pages say)")
    g.add_argument("--date", dest="published", metavar="DATE", help="set the publication date of every article (YYYY-MM-DD)")
    g.add_argument("--text-col", metavar="NAME", help="field/column holding the text in JSON, JSONL and CSV inputs (default: text, body, content ...)")
    g.add_argument("--no-clean", dest="clean", action="store_false", help="take texts as they are: no debris removal or metadata recovery")
    g.add_argument("--max-article-mb", type=float, default=10.0, metavar="MB", help="largest single article accepted (default: %(default)s)")


def _add_run_options(p: argparse.ArgumentParser, *, default_format: str) -> None:
    """The options shared by 'analyze' and 'compare'."""
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or glob patterns")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the results (created if missing)")
    _add_load_options(p)
    p.add_argument("--drop-duplicates", action="store_true", help="do not analyse articles flagged as copies of another article")
    p.add_argument("--no-lexicons", action="store_true", help="skip lexicon markers")
    p.add_argument("--lexicon-dir", action="append", default=[], metavar="DIR", help="also load the lexicons (*.toml) in DIR; one named like a built-in replaces it (repeatable)")
    p.add_argument("--gazetteer", action="append", default=[], metavar="FILE", help="a user actor gazetteer (TOML) extending or overriding the built-in one (repeatable)")
    p.add_argument("--no-actors", action="store_true", help="skip actors, quotes, roles and sentiment")
    p.add_argument("--no-sentiment", action="store_true", help="skip sentiment toward actors (faster)")
    p.add_argument(
        "--model",
        action="append",
        default=[],
        metavar="[NAME=]FILE",
        help="apply a classifier written by 'framing train' to every article (repeatable); its predictions go to "
        "articles.jsonl ('predictions'), articles.csv (pred_NAME) and the report. NAME defaults to the name in the "
        "model card, else the file name without .skops",
    )
    _add_report_options(p, default_format=default_format)
    _add_engine_options(p)
    prog = p.add_mutually_exclusive_group()
    prog.add_argument("--progress", dest="progress", action="store_true", default=None, help="always show a progress bar")
    prog.add_argument("--no-progress", dest="progress", action="store_false", help="never show a progress bar")


#: Above this many articles a report covers a stratified sample of this size (the report holds its
#: articles in memory, about 360 kB each); ``framing analyze --report-sample`` and ``framing report
#: --sample`` share it, and 0 means all articles
REPORT_SAMPLE = 1500


def _add_engine_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("large corpora")
    g.add_argument("--workers", type=int, default=1, metavar="N", help="analyse in N processes (results are identical to one; default: %(default)s)")
    g.add_argument("--engine", choices=["local", "dask"], default="local", help="local processes (default) or a Dask cluster")
    g.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address (default with --engine dask: a local cluster of --workers processes)")
    g.add_argument("--restart", action="store_true", help="discard an earlier run in --out instead of resuming it")
    g.add_argument(
        "--report-sample",
        type=int,
        default=REPORT_SAMPLE,
        metavar="N",
        help="above N articles, the report covers a sample of about N stratified by --by, so memory stays bounded; "
        "the tables always have every article (0: report on all; default: %(default)s)",
    )


def _add_report_options(p: argparse.ArgumentParser, *, default_format: str) -> None:
    g = p.add_argument_group("report")
    g.add_argument("--by", default="outlet", help="group articles by this field: outlet (default), published (by month), syndicated_from, or any metadata column")
    g.add_argument("--format", default=default_format, help="comma-separated: html, pdf, md, csv (default: %(default)s)")
    g.add_argument("--title", default="How the outlets frame it", help="title of the report")
    g.add_argument("--max-articles", type=int, default=200, metavar="N", help="articles shown in full in the report; the rest are summarised (default: %(default)s)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="framing",
        description="Comparative media-framing analysis: how do outlets frame the same events?",
        epilog="Run 'framing COMMAND --help' for the options of each command.",
    )
    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser(
        "analyze",
        help="analyse articles and write results and a report",
        description="Analyse articles (files, folders, globs; " + ", ".join(sorted(FORMATS)) + ", optionally .gz) and write results and a report.",
        epilog=_EPILOG_ANALYZE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_run_options(p, default_format="html")
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser(
        "compare",
        help="analyse articles and write the comparison report in every format (HTML, PDF, Markdown, CSV)",
        description="Analyse and compare in one step: the same as 'framing analyze' with --format html,pdf,md,csv.",
        epilog="example:\n  framing compare examples/corpus --out reports/example --by outlet",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_run_options(p, default_format="html,pdf,md,csv")
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser(
        "report",
        help="compare analysed articles (articles.jsonl) and write a report",
        description="Re-read the results of 'framing analyze' and write a comparison report, grouped as you choose.",
        epilog="examples:\n  framing report reports/example --by outlet --format pdf\n  framing report out/articles.jsonl --by topic --format html,md --out by-topic/\n  framing report big-run/ --sample 3000\n  framing report big-run/ --sample 0    # every article (about 360 kB of memory each)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("results", metavar="RESULTS", help="a folder written by 'framing analyze', or its articles.jsonl")
    p.add_argument("--out", metavar="DIR", help="where to write (default: beside the results)")
    p.add_argument(
        "--sample",
        type=int,
        default=REPORT_SAMPLE,
        metavar="N",
        help="above N articles, compare a sample of about N stratified by --by, so memory stays bounded on a large corpus "
        "(0: all articles, about 360 kB of memory each; default: %(default)s, as 'framing analyze --report-sample')",
    )
    _add_report_options(p, default_format="html")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser(
        "clean",
        help="show what the tool takes as the article: cleaned text, metadata and removed debris",
        description="Print the cleaned article text and its recovered metadata, so you can check what the tool analyses.",
    )
    p.add_argument("paths", nargs="+", metavar="FILE", help="input files (any supported format)")
    _add_load_options(p)
    p.add_argument("--json", action="store_true", help="print one JSON object per article instead of text")
    p.add_argument("--show-debris", action="store_true", help="also list the page debris that was removed")
    p.set_defaults(func=cmd_clean)

    ap = sub.add_parser("actors", help="list the gazetteer's actors, find candidate actors, add actors to your own gazetteer", description="Work with the actor gazetteer.")
    asub = ap.add_subparsers(dest="actor_command", metavar="ACTION", parser_class=_Parser, required=True)
    q = asub.add_parser("candidates", help="names in your articles that look like actors but are not in the gazetteer, with counts")
    q.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or glob patterns")
    q.add_argument("--gazetteer", action="append", default=[], metavar="FILE", help="a user gazetteer to include (repeatable)")
    q.add_argument("--min-count", type=int, default=1, help="show names seen at least this often (default: %(default)s)")
    q.set_defaults(func=cmd_actors_candidates)
    q = asub.add_parser(
        "add",
        help="add an actor to a user gazetteer file (created if missing)",
        epilog='example:\n  framing actors add "Dana Aucoin" --type person --affiliation canada --pronoun she --to my-actors.toml',
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    q.add_argument("name", help="the actor's name as written in news, e.g. \"Dana Aucoin\"")
    q.add_argument("--to", required=True, metavar="FILE", help="the user gazetteer (TOML) to add to; use it with --gazetteer FILE")
    q.add_argument("--type", default="person", choices=["person", "state", "organisation", "group"])
    q.add_argument("--affiliation", help="actor id of the state or organisation it acts for (e.g. canada)")
    q.add_argument("--pronoun", choices=["he", "she", "they"])
    q.add_argument("--alias", action="append", default=[], help="another name (repeatable)")
    q.add_argument("--title", action="append", default=[], help='a title naming the person, e.g. "Trade Minister Dana Aucoin" (repeatable)')
    q.set_defaults(func=cmd_actors_add)
    q = asub.add_parser("list", help="list the actors of the gazetteer")
    q.add_argument("--gazetteer", action="append", default=[], metavar="FILE")
    q.add_argument("--type", choices=["person", "state", "organisation", "group"])
    q.set_defaults(func=cmd_actors_list)

    from framing.classroom.worksheet import register as register_worksheet

    register_worksheet(sub, _Parser)

    from framing.cli.classify import register as register_classify

    register_classify(sub, _Parser)

    lp = sub.add_parser("lexicons", help="list, show, validate, import and export lexicons", description="Work with lexicons: the built-in ones, your own folders, and dictionaries you own.")
    lsub = lp.add_subparsers(dest="lexicon_command", metavar="ACTION", parser_class=_Parser, required=True)
    q = lsub.add_parser("list", help="list the lexicons that analyses use")
    q.add_argument("--lexicon-dir", action="append", default=[], metavar="DIR", help="include the lexicons in DIR")
    q.set_defaults(func=cmd_lexicons_list)
    q = lsub.add_parser("show", help="show a lexicon's categories, definitions, literature and entries")
    q.add_argument("name", help="a lexicon name (see 'framing lexicons list') or a .toml file")
    q.add_argument("--category", help="list the entries of this category")
    q.add_argument("--lexicon-dir", action="append", default=[], metavar="DIR", help="include the lexicons in DIR")
    q.set_defaults(func=cmd_lexicons_show)
    q = lsub.add_parser("validate", help="check lexicon files; errors name the file and line")
    q.add_argument("files", nargs="+", metavar="FILE", help="lexicon .toml files")
    q.set_defaults(func=cmd_lexicons_validate)
    q = lsub.add_parser(
        "import",
        help="convert a dictionary you own (LIWC .dic, quanteda YAML, WordStat .cat, CSV) to a lexicon file",
        description="Convert a dictionary you own into framing's TOML lexicon format. Put the result in a folder and "
        "pass it with --lexicon-dir (or FRAMING_LEXICON_PATH) to use it in analyses. Restricted dictionaries "
        "(LIWC, Lexicoder, eMFD) stay on your machine: never commit the converted file to a public repository.",
    )
    q.add_argument("file", help="the dictionary file (.dic, .yml/.yaml, .cat, .csv)")
    q.add_argument("--out", required=True, metavar="FILE.toml", help="where to write the lexicon")
    q.add_argument("--name", help="lexicon name (default: from the file name)")
    q.add_argument("--version", default="imported", help="version to record (default: %(default)s)")
    q.add_argument("--license", default="user-supplied", help="license to record (default: %(default)s)")
    q.add_argument("--encoding", default="utf-8", help="text encoding of the file (default: %(default)s; old LIWC files are often cp1252)")
    q.set_defaults(func=cmd_lexicons_import)
    q = lsub.add_parser("export", help="write a lexicon's entries as CSV (term, category, weight, note)")
    q.add_argument("name", help="a lexicon name or a .toml file")
    q.add_argument("--out", required=True, metavar="FILE.csv")
    q.set_defaults(func=cmd_lexicons_export)
    return parser


def _load_kwargs(args: argparse.Namespace) -> dict:
    return {
        "outlet": args.outlet,
        "published": args.published,
        "text_col": args.text_col,
        "max_article_mb": args.max_article_mb,
        "clean": args.clean,
    }


def _say(msg: str) -> None:
    print(msg, file=sys.stderr)


def cmd_analyze(args: argparse.Namespace) -> int:
    from framing.analysis.results import Results
    from framing.inputs.options import LoadOptions
    from framing.run.engine import run, write_csv

    _formats(args.format)  # a usage error before any work is done
    out = Path(args.out)
    found = [p for p in args.paths if Path(p).exists() or any(True for _ in __import__("glob").iglob(p, recursive=True))]
    if not found:
        _say(f"framing: error: no input files found in {', '.join(args.paths)}")
        return EXIT_USAGE
    summary = run(
        args.paths,
        out,
        workers=args.workers,
        engine=args.engine,
        scheduler=args.scheduler,
        restart=args.restart,
        drop_duplicates=args.drop_duplicates,
        load=LoadOptions(outlet=args.outlet, published=args.published, text_col=args.text_col, max_article_mb=args.max_article_mb, clean=args.clean),
        no_lexicons=args.no_lexicons,
        lexicon_dirs=args.lexicon_dir,
        gazetteers=args.gazetteer,
        no_actors=args.no_actors,
        no_sentiment=args.no_sentiment,
        progress=args.progress,
        models=args.model,
    )
    _say(summary.line())
    for e in summary.errors[:10]:
        _say(f"  failed: {e['path']}" + (f" (record {e['record']})" if e.get("record") is not None else "") + f": {e['reason']}")
    if summary.failed > 10:
        _say(f"  ... and {summary.failed - 10} more in {out / 'errors.jsonl'}")
    written: list[Path] = []
    if summary.analysed + summary.resumed:
        # the table is written streaming; the report holds its articles in memory (about 360 kB
        # each with their evidence), so a large corpus is reported on a stratified sample
        keys = write_csv(out / "articles.jsonl", out / "articles.csv", keys=("id", args.by))
        records, title = _report_sample(keys, args.report_sample, by=args.by, title=args.title, results=out)
        res = Results.from_jsonl(out / "articles.jsonl", records=records)
        written = _write_reports(res, out, by=args.by, formats=args.format, title=title, max_articles=args.max_articles)
    _say(f"Wrote {out / 'articles.jsonl'}, {out / 'articles.csv'}, {out / 'errors.jsonl'}" + (f", {', '.join(map(str, written))}" if written else ""))
    return EXIT_SOME_FAILED if summary.failed else EXIT_OK


def _formats(formats: str) -> list[str]:
    wanted = [f.strip() for f in formats.split(",") if f.strip()]
    for f in wanted:
        if f not in ("html", "pdf", "md", "csv"):
            raise FramingError(f"--format takes html, pdf, md and csv (comma-separated); got {f!r}")
    return wanted


def _write_reports(results, out: Path, *, by: str, formats: str, title: str, max_articles: int) -> list[Path]:  # type: ignore[no-untyped-def]
    """Compare the results by ``by`` and write the requested report formats into ``out``."""
    from framing.comparison.comparison import compare

    wanted = _formats(formats)
    comp = compare(results, by=by)
    data = comp.report_data(title=title, max_articles=max_articles)
    written = []
    if "html" in wanted:
        from framing.report.render import render_comparison_html

        p = out / "report.html"
        p.write_text(render_comparison_html(data), encoding="utf-8")
        written.append(p)
    if "md" in wanted:
        from framing.report.render import render_markdown

        p = out / "report.md"
        p.write_text(render_markdown(data), encoding="utf-8")
        written.append(p)
    if "pdf" in wanted:
        from framing.report.pdf import write_pdf

        p = out / "report.pdf"
        write_pdf(data, str(p))
        written.append(p)
    if "csv" in wanted:
        written.extend(Path(x) for x in comp.write_tables(str(out / "tables")))
    return written


def _report_sample(keys: list[tuple[object, ...]], size: int, *, by: str, title: str, results: Path) -> tuple[set[int] | None, str]:
    """Which records the report covers (None: all) and its title, saying so when it is a sample;
    ``results`` is the folder or articles.jsonl to name in the command that reports on all."""
    from framing.run.sampling import stratified_sample

    if not size or len(keys) <= size:
        return None, title
    records = stratified_sample(keys, size)
    _say(
        f"The report covers a sample of {len(records):,} of {len(keys):,} articles, stratified by {by}; "
        f"every article is in articles.jsonl and articles.csv. 'framing report {results} --sample 0' "
        "compares them all, holding all of them in memory."
    )
    return records, f"{title} (stratified sample of {len(records):,} of {len(keys):,} articles)"


def cmd_report(args: argparse.Namespace) -> int:
    from framing.analysis.results import Results
    from framing.errors import InputError
    from framing.run.outputs import record_keys

    path = Path(args.results)
    jsonl = path / "articles.jsonl" if path.is_dir() else path
    out = Path(args.out) if args.out else (path if path.is_dir() else path.parent)
    records, title = None, args.title
    if args.sample:
        if not jsonl.is_file():
            raise InputError(f"{jsonl}: no results here (expected the articles.jsonl written by 'framing analyze')")
        with open(jsonl, encoding="utf-8") as fh:
            n_records = sum(1 for line in fh if line.strip())
        if n_records > args.sample:  # the keys take a pass over every record: only when sampling
            records, title = _report_sample(record_keys(jsonl, ("id", args.by)), args.sample, by=args.by, title=args.title, results=path)
    res = Results.from_jsonl(jsonl, records=records)
    out.mkdir(parents=True, exist_ok=True)
    written = _write_reports(res, out, by=args.by, formats=args.format, title=title, max_articles=args.max_articles)
    _say(f"Compared {len(res)} articles by {args.by}; wrote {', '.join(map(str, written))}")
    return EXIT_OK


def cmd_clean(args: argparse.Namespace) -> int:
    failed = False
    first = True
    for item in iter_load(args.paths, **_load_kwargs(args)):
        if isinstance(item, LoadError):
            _say(f"framing: cannot read {item}")
            failed = True
            continue
        if args.json:
            d = item.metadata()
            d["text"] = item.text
            if args.show_debris:
                d["debris"] = [{"kind": x.kind, "text": x.text} for x in item.debris]
            print(json.dumps(d, ensure_ascii=False))
            continue
        if not first:
            print("\n" + "=" * 72 + "\n")
        first = False
        for key, value in item.metadata().items():
            if value not in (None, {}, ""):
                print(f"{key}: {value}")
        if args.show_debris and item.debris:
            print(f"removed ({len(item.debris)}):")
            for x in item.debris:
                print(f"  [{x.kind}] {x.text[:100].replace(chr(10), ' / ')}")
        print("-" * 72)
        print(item.text)
    return EXIT_SOME_FAILED if failed else EXIT_OK


def _lexicon_by_name(name: str, dirs: Sequence[str] = ()):  # type: ignore[no-untyped-def]
    from framing.markers.lexicons import load_default_lexicons, load_lexicon

    if name.endswith(".toml") or "/" in name:
        return load_lexicon(name)
    lexset = load_default_lexicons(dirs)
    try:
        return lexset[name]
    except KeyError:
        raise FramingError(f"no lexicon named {name!r}; available: {', '.join(lx.name for lx in lexset)}") from None


def cmd_actors_candidates(args: argparse.Namespace) -> int:
    from framing.actors.gazetteer import find_candidates, load_gazetteer
    from framing.text.segment import segment

    gz = load_gazetteer(extra=args.gazetteer)
    failed = False
    docs = []
    for item in iter_load(args.paths):
        if isinstance(item, LoadError):
            _say(f"framing: cannot read {item}")
            failed = True
            continue
        docs.append(segment(item.text))
    counts = find_candidates(docs, gz)
    shown = [(n, c) for n, c in counts.most_common() if c >= args.min_count]
    if not shown:
        _say("No candidate actors: every capitalised name is in the gazetteer.")
    for name, count in shown:
        print(f"{count:5}  {name}")
    if shown:
        _say('Add one with: framing actors add "NAME" --type person --to my-actors.toml, then analyse with --gazetteer my-actors.toml')
    return EXIT_SOME_FAILED if failed else EXIT_OK


def cmd_actors_add(args: argparse.Namespace) -> int:
    from framing.actors.gazetteer import add_actor

    actor_id = add_actor(
        args.to, args.name, type=args.type, affiliation=args.affiliation, pronoun=args.pronoun, aliases=args.alias, titles=args.title
    )
    _say(f"Added {args.name!r} as [actors.{actor_id}] to {args.to}; use it with --gazetteer {args.to}")
    return EXIT_OK


def cmd_actors_list(args: argparse.Namespace) -> int:
    from framing.actors.gazetteer import load_gazetteer

    gz = load_gazetteer(extra=args.gazetteer)
    for a in sorted(gz.actors.values(), key=lambda a: (a.type, a.name)):
        if args.type and a.type != args.type:
            continue
        refs = ", ".join((*a.names, *a.metonyms, *a.adjectives)[:8])
        print(f"{a.type:<13} {a.id:<32} {a.name}  ({refs})")
    return EXIT_OK


def cmd_lexicons_list(args: argparse.Namespace) -> int:
    from framing.markers.lexicons import load_default_lexicons

    for lx in load_default_lexicons(args.lexicon_dir):
        print(f"{lx.name:<16} {lx.version:<8} {len(lx.categories):>3} categories {len(lx.entries):>6} entries  {lx.path}")
        print(f"{'':<16} {', '.join(lx.categories)}")
    return EXIT_OK


def cmd_lexicons_show(args: argparse.Namespace) -> int:
    lx = _lexicon_by_name(args.name, args.lexicon_dir)
    if args.category:
        if args.category not in lx.categories:
            raise FramingError(f"lexicon {lx.name!r} has no category {args.category!r}; it has: {', '.join(lx.categories)}")
        for e in lx.entries_for(args.category):
            extra = (f"  weight={e.weight:g}" if e.weight != 1 else "") + (f"  # {e.note}" if e.note else "")
            print(f"{e.term}{extra}")
        return EXIT_OK
    print(f"{lx.name} {lx.version} ({lx.language}, {lx.license}) curated by {', '.join(lx.curators)}")
    print(lx.description)
    print(f"file: {lx.path}  sha256: {lx.sha256[:12]}")
    for c in lx.categories.values():
        print(f"\n[{c.name}] {c.label}: {len(lx.entries_for(c.name))} entries" + (" (negatable)" if c.negatable else ""))
        print(f"  {c.definition}")
        for ref in c.literature:
            print(f"  - {ref}")
    return EXIT_OK


def cmd_lexicons_validate(args: argparse.Namespace) -> int:
    from framing.errors import LexiconError
    from framing.markers.lexicons import load_lexicon

    bad = 0
    for f in args.files:
        try:
            lx = load_lexicon(f)
        except LexiconError as exc:
            bad += 1
            print(f"INVALID {exc}")
        else:
            print(f"ok      {f}: {lx.name} {lx.version}, {len(lx.categories)} categories, {len(lx.entries)} entries")
    return EXIT_SOME_FAILED if bad else EXIT_OK


def cmd_lexicons_import(args: argparse.Namespace) -> int:
    from framing.markers.importers import import_dictionary, write_toml

    lx = import_dictionary(args.file, name=args.name, version=args.version, license=args.license, encoding=args.encoding)
    path = write_toml(lx, args.out)
    _say(f"Wrote {lx.name} ({len(lx.categories)} categories, {len(lx.entries)} entries) to {path}")
    return EXIT_OK


def cmd_lexicons_export(args: argparse.Namespace) -> int:
    lx = _lexicon_by_name(args.name)
    path = lx.to_csv(args.out)
    _say(f"Wrote {len(lx.entries)} entries of {lx.name} {lx.version} to {path}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return args.func(args)
    except FramingError as exc:
        _say(f"framing: error: {exc}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        _say("framing: interrupted")
        return 130
    except BrokenPipeError:  # e.g. `framing clean x | head`
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
