"""Command-line layer of the classifier workflow: ``framing train | evaluate | apply | code``.

:func:`register` adds the commands to the main parser of :mod:`framing.cli.app`; each command is a
thin layer over :mod:`framing.ml` and :mod:`framing.ml.coding`. User errors raise
:class:`~framing.errors.FramingError`, which the main parser turns into exit status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from framing.cli.common import at_least_one, non_negative, positive_number
from framing.errors import FramingError, check_inputs
from framing.safe_output import finite_json, safe_frame

__all__ = ["main", "register"]

EXIT_OK, EXIT_USAGE = 0, 2

_EPILOG_TRAIN = """
examples:
  framing train coded.csv --label-col frame --group-col outlet --out frames.skops
  framing train sentences.jsonl --level sentence --model tfidf+chars+lexicon --fold-col cv_fold --out bias.skops

outputs:
  MODEL             the model (skops format: loading it never runs code)
  MODEL.card.md     the model card: data, cross-validated metrics, what drives each class, versions
  MODEL.card.json   the same as JSON
The cross-validation report is printed as JSON (macro_f1 among its keys).
"""

_EPILOG_APPLY = """
examples:
  framing apply frames.skops corpus/ --out predictions/
  framing apply bias.skops reports/example/articles.jsonl --out bias/   (a sentence-level model)
  framing apply frames.skops --into reports/example     (add predictions to an analysis folder)

outputs in --out DIR:
  predictions.jsonl, predictions.csv   one row per article: label and class probabilities
                                       (a sentence-level model: share of sentences per class)
  sentences.csv                        sentence-level models: one row per sentence

--into DIR adds the predictions to the results of 'framing analyze' in DIR: every record of
DIR/articles.jsonl gets "predictions" (model name -> prediction; the file is rewritten through a
temporary file and replaced in one step), articles.csv and articles.parquet/ get pred_<name>
columns, and the files above are written to --out (default: DIR/predictions/<name>/). Run
'framing report DIR' afterwards for a report with a "Classifier predictions" section, or apply
the model during the analysis with 'framing analyze ... --model MODEL'.
"""

_EPILOG_CODE = """
examples:
  framing code sample corpus/ --n 200 --by outlet --out to_code.csv
  framing code import coder_a.csv coder_b.csv --out codes.csv
  framing code agreement codes.csv --predictions predictions/predictions.csv
  framing code next frames.skops corpus/ --n 50 --exclude codes.csv --out next.csv
"""


def _say(msg: str) -> None:
    print(msg, file=sys.stderr)


def _print_json(data: Any) -> None:
    print(json.dumps(finite_json(data), indent=2, ensure_ascii=False, default=str, allow_nan=False))


def register(subparsers: Any, parser_class: type[argparse.ArgumentParser] = argparse.ArgumentParser) -> None:
    """Add ``train``, ``evaluate``, ``apply`` and ``code`` to ``subparsers`` (from ``add_subparsers``)."""
    from framing.ml.pipelines import COMPONENTS
    from framing.ml.training import LEVEL_DEFAULTS

    raw = argparse.RawDescriptionHelpFormatter
    p = subparsers.add_parser(
        "train",
        help="train a classifier on labelled texts (CSV/JSONL), cross-validated",
        description="Train a classifier on a labelled CSV, TSV or JSONL file; cross-validate it (grouped by --group-col when given), "
        "fit it on every row and save it with its model card.",
        epilog=_EPILOG_TRAIN,
        formatter_class=raw,
    )
    p.add_argument("data", metavar="DATA", help="labelled CSV, TSV or JSONL file (optionally .gz)")
    _add_columns(p, label=True)
    p.add_argument("--group-col", metavar="NAME", help="column of groups (outlet, story): cross-validation keeps each group in one fold")
    p.add_argument("--fold-col", metavar="NAME", help="column of given fold ids (each fold is held out once); overrides --cv")
    p.add_argument("--level", choices=("article", "sentence"), default="article", help="unit of the texts (default: %(default)s)")
    p.add_argument(
        "--model",
        default=None,
        metavar="BLOCKS",
        help=f"feature blocks joined by '+': {', '.join(COMPONENTS)} (default: the best measured per level: "
        + "; ".join(f"{lvl} {blocks}" for lvl, (blocks, _) in LEVEL_DEFAULTS.items())
        + ", the sentence one chosen by nested cross-validation on BABE, see docs/validation.md)",
    )
    p.add_argument("--cv", type=non_negative, default=5, metavar="K", help="cross-validation folds; 0 to skip (default: %(default)s)")
    p.add_argument("--seed", type=int, default=0, help="random seed (default: %(default)s)")
    p.add_argument(
        "--C",
        type=positive_number,
        default=None,
        dest="C",
        help="inverse regularisation of the logistic regression (default: " + "; ".join(f"{lvl} {c:g}" for lvl, (_, c) in LEVEL_DEFAULTS.items()) + ")",
    )
    p.add_argument("--jobs", type=at_least_one, default=None, metavar="N", help="processes for feature extraction on long inputs")
    p.add_argument("--license", dest="data_license", metavar="TEXT", help="license of the training data (recorded in the model card)")
    p.add_argument("--name", default="", metavar="NAME", help="short name of the model in the card, articles.jsonl and reports (default: the file name without .skops)")
    p.add_argument("--out", required=True, metavar="MODEL", help="model file to write (.skops)")
    p.set_defaults(func=cmd_train)

    p = subparsers.add_parser(
        "evaluate",
        help="score a trained model on labelled texts (prints metrics as JSON)",
        description="Score a trained model on a labelled CSV, TSV or JSONL file it was not trained on; prints the metrics as JSON "
        "(macro_f1, accuracy, per_class, confusion_matrix, brier, reliability).",
    )
    p.add_argument("model", metavar="MODEL", help="model file written by 'framing train', or a shipped model's name (register_populist)")
    p.add_argument("data", metavar="DATA", help="labelled CSV, TSV or JSONL file")
    _add_columns(p, label=True)
    p.add_argument("--out", metavar="FILE", help="also write the metrics to this JSON file")
    p.set_defaults(func=cmd_evaluate)

    p = subparsers.add_parser(
        "apply",
        help="classify articles with a trained model (predictions JSONL/CSV, or --into an analysis folder)",
        description="Classify articles (files, folders, globs, or the articles.jsonl of 'framing analyze') with a trained model; "
        "with --into DIR, also add the predictions to the analysis results in DIR.",
        epilog=_EPILOG_APPLY,
        formatter_class=raw,
    )
    p.add_argument("model", metavar="MODEL", help="model file written by 'framing train', or a shipped model's name (register_populist)")
    p.add_argument("paths", nargs="*", metavar="PATH", help="inputs, as for 'framing analyze', or an articles.jsonl of results (leave out with --into)")
    p.add_argument("--text-col", metavar="NAME", help="field/column holding the text in JSON, JSONL and CSV inputs")
    p.add_argument("--unit", choices=("article", "sentence"), help="'sentence' also writes sentences.csv, one row per sentence (default for sentence-level models)")
    p.add_argument("--out", metavar="DIR", help="folder for the predictions (created if missing); required without --into")
    p.add_argument("--into", metavar="DIR", help="a folder written by 'framing analyze': add the predictions to its articles.jsonl, articles.csv and articles.parquet/")
    p.add_argument("--name", metavar="NAME", help="with --into: the model's name in articles.jsonl (default: the name in the model card, else the file name without .skops)")
    p.set_defaults(func=cmd_apply)

    p = subparsers.add_parser(
        "code",
        help="human coding: samples for coders, importing codes, agreement, what to code next",
        description="Human coding: export a stratified sample for coders, import their codes, measure inter-coder and "
        "machine-human agreement, and choose what to code next (active learning).",
        epilog=_EPILOG_CODE,
        formatter_class=raw,
    )
    csub = p.add_subparsers(dest="code_command", metavar="ACTION", parser_class=parser_class)
    csub.required = True
    q = csub.add_parser("sample", help="export a stratified sample for coders (CSV with context)")
    q.add_argument("paths", nargs="+", metavar="PATH", help="inputs, as for 'framing analyze', or an articles.jsonl of results")
    q.add_argument("--n", type=at_least_one, required=True, help="sample size")
    q.add_argument("--by", default="outlet", help="stratify by this field; 'none' for a simple random sample (default: %(default)s)")
    q.add_argument("--equal", action="store_true", help="the same number from each stratum (default: proportional to size)")
    q.add_argument("--seed", type=int, default=0, help="random seed (default: %(default)s)")
    q.add_argument("--excerpt-chars", type=at_least_one, default=1200, metavar="N", help="length of the text excerpt (default: %(default)s)")
    q.add_argument("--full-text", action="store_true", help="add the full text as a column")
    q.add_argument("--text-col", metavar="NAME", help="field/column holding the text in JSON, JSONL and CSV inputs")
    q.add_argument("--out", required=True, metavar="FILE", help="CSV file to write")
    q.set_defaults(func=cmd_code_sample)
    q = csub.add_parser("import", help="combine coders' files into one table (id, coder, label)")
    q.add_argument("files", nargs="+", metavar="FILE", help="coders' CSV/JSONL files (filled-in samples, or long tables with a coder column)")
    q.add_argument("--id-col", default="id", metavar="NAME", help="unit id column (default: %(default)s)")
    q.add_argument("--label-col", default="label", metavar="NAME", help="code column (default: %(default)s)")
    q.add_argument("--coder-col", default="coder", metavar="NAME", help="coder column of long tables (default: %(default)s)")
    q.add_argument("--coder", metavar="NAME", help="coder name for a single filled-in sample (default: the file name)")
    q.add_argument("--out", required=True, metavar="FILE", help="CSV file to write")
    q.set_defaults(func=cmd_code_import)
    q = csub.add_parser("agreement", help="inter-coder reliability (and machine-human agreement) as JSON")
    q.add_argument("codes", metavar="CODES", help="the table written by 'framing code import' (id, coder, label)")
    q.add_argument("--level", choices=("nominal", "ordinal", "interval", "ratio"), default="nominal", help="level of measurement (default: %(default)s)")
    q.add_argument("--predictions", metavar="FILE", help="predictions (id, label) from 'framing apply': add machine-human agreement")
    q.set_defaults(func=cmd_code_agreement)
    q = csub.add_parser("next", help="choose the articles to code next (those the model is least sure about)")
    q.add_argument("model", metavar="MODEL", help="model file written by 'framing train'")
    q.add_argument("paths", nargs="+", metavar="PATH", help="the pool of uncoded articles")
    q.add_argument("--n", type=at_least_one, required=True, help="how many to choose")
    q.add_argument("--strategy", choices=("uncertainty", "margin", "entropy"), default="uncertainty", help="(default: %(default)s)")
    q.add_argument("--exclude", metavar="CODES", help="a codes table: skip the units already coded")
    q.add_argument("--text-col", metavar="NAME", help="field/column holding the text in JSON, JSONL and CSV inputs")
    q.add_argument("--out", required=True, metavar="FILE", help="CSV file to write")
    q.set_defaults(func=cmd_code_next)


def _add_columns(p: argparse.ArgumentParser, *, label: bool) -> None:
    p.add_argument("--text-col", default="text", metavar="NAME", help="column holding the text (default: %(default)s)")
    if label:
        p.add_argument("--label-col", default="label", metavar="NAME", help="column holding the label (default: %(default)s)")


# ---------------------------------------------------------------------------------------------
# Commands


def cmd_train(args: argparse.Namespace) -> int:
    from framing.ml.data import read_labelled
    from framing.ml.model import save_classifier
    from framing.ml.training import train

    data = read_labelled(args.data, text_col=args.text_col, label_col=args.label_col, group_col=args.group_col, fold_col=args.fold_col)
    info = dict(data.attrs.get("source", {}))
    if args.data_license:
        info["license"] = args.data_license
    if args.cv < 0 or args.cv == 1:
        raise FramingError(f"--cv must be 0 (no cross-validation) or at least 2; got {args.cv}")
    if args.model is None or args.C is None:  # the best measured for the level (--help says which)
        from framing.ml.training import LEVEL_DEFAULTS

        blocks, c = LEVEL_DEFAULTS[args.level]
        args.model = args.model or blocks
        args.C = args.C if args.C is not None else c
    _say(f"training {args.model} ({args.level} level) on {len(data)} texts from {args.data}" + (f" ({data.attrs['dropped']} rows without text or label skipped)" if data.attrs.get("dropped") else ""))
    model = train(
        list(data["text"]),
        list(data["label"]),
        groups=list(data["group"]) if "group" in data else None,
        folds=list(data["fold"]) if "fold" in data else None,
        level=args.level,
        model=args.model,
        cv=args.cv or None,
        seed=args.seed,
        C=args.C,
        n_jobs=args.jobs,
        data=info,
        name=args.name,
    )
    path = save_classifier(model, args.out)
    _say(f"wrote {path} and its model card ({Path(str(path.with_suffix(''))).name}.card.md)")
    summary: dict[str, Any] = {"model": str(path), "classes": model.classes, "n": model.training.get("n")}
    if model.cv:
        cv = model.cv
        summary.update(
            {
                "scheme": cv["scheme"],
                "macro_f1": cv["macro_f1"],
                "macro_f1_std": cv["macro_f1_std"],
                "folds": [f["macro_f1"] for f in cv["folds"]],
                "pooled": {k: cv["pooled"][k] for k in ("accuracy", "macro_f1", "brier", "per_class", "confusion_matrix")},
            }
        )
    else:
        summary["macro_f1"] = None
    _print_json(summary)
    return EXIT_OK


def cmd_evaluate(args: argparse.Namespace) -> int:
    from framing.ml.data import read_labelled
    from framing.ml.inference import evaluate
    from framing.ml.model import load_classifier
    from framing.ml.predict import model_path

    model = load_classifier(model_path(args.model))
    data = read_labelled(args.data, text_col=args.text_col, label_col=args.label_col)
    metrics = evaluate(model, list(data["text"]), list(data["label"]))
    metrics = {"model": str(args.model), "data": str(args.data), **metrics}
    if args.out:
        Path(args.out).write_text(json.dumps(finite_json(metrics), indent=2, ensure_ascii=False, allow_nan=False) + "\n", encoding="utf-8")
    _print_json(metrics)
    return EXIT_OK


def _load_inputs(paths: Sequence[str], text_col: str | None) -> list[Any]:
    """Results (an articles.jsonl written by 'framing analyze', or its folder) or a loaded corpus."""
    from framing.analysis.results import Results
    from framing.inputs.loader import load

    check_inputs(paths)
    if len(paths) == 1:
        p = Path(paths[0])
        jsonl = p / "articles.jsonl" if p.is_dir() else p
        if jsonl.name == "articles.jsonl" and jsonl.is_file():
            return list(Results.from_jsonl(jsonl))
    corpus = load(list(paths), **({"text_col": text_col} if text_col else {}))
    for err in corpus.errors:
        _say(f"skipped {err}")
    if not len(corpus):
        raise FramingError(f"no articles found in {', '.join(paths)}")
    return list(corpus)


def cmd_apply(args: argparse.Namespace) -> int:
    from framing.ml.inference import apply
    from framing.ml.model import load_classifier
    from framing.ml.predict import model_path

    if args.into:
        return _apply_into(args)
    if not args.paths or not args.out:
        raise FramingError("apply needs PATH... and --out DIR (or --into DIR, a folder written by 'framing analyze')")
    if args.name:
        raise FramingError("--name names the model inside an analysis folder; use it with --into")
    model = load_classifier(model_path(args.model))
    items = _load_inputs(args.paths, args.text_col)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    written = ["predictions.jsonl", "predictions.csv"]
    _write_predictions(apply(model, items, unit="article"), out)
    if args.unit == "sentence" or (args.unit is None and model.level == "sentence"):
        safe_frame(apply(model, items, unit="sentence")).to_csv(out / "sentences.csv", index=False)
        written.append("sentences.csv")
    _say(f"classified {len(items)} articles with {args.model}; wrote {', '.join(written)} to {out}")
    return EXIT_OK


def _apply_into(args: argparse.Namespace) -> int:
    from framing.ml.inference import apply, predictions_frame
    from framing.run.apply import apply_into, default_predictions_dir

    into = Path(args.into)
    if args.paths and [str(Path(p).resolve()) for p in args.paths] not in ([str(into.resolve())], [str((into / "articles.jsonl").resolve())]):
        raise FramingError(f"with --into the articles are those of {into}; leave out PATH ({' '.join(args.paths)})")
    if args.text_col:
        raise FramingError("--text-col does not apply with --into (the texts are those of articles.jsonl)")
    spec = f"{args.name}={args.model}" if args.name else args.model
    done = apply_into(into, spec)
    out = Path(args.out) if args.out else default_predictions_dir(into if into.is_dir() else into.parent, done["name"])
    out.mkdir(parents=True, exist_ok=True)
    _write_predictions(predictions_frame(done["rows"], done["classes"], done["level"]), out)
    written = ["predictions.jsonl", "predictions.csv"]
    if args.unit == "sentence" or (args.unit is None and done["level"] == "sentence"):
        from framing.analysis.results import Results

        safe_frame(apply(done["model"], Results.from_jsonl(done["path"]), unit="sentence")).to_csv(out / "sentences.csv", index=False)
        written.append("sentences.csv")
    _say(
        f"added the predictions of {args.model} as {done['name']!r} to {done['n']} articles in {done['path']} "
        f"(and articles.csv, articles.parquet/ when present); wrote {', '.join(written)} to {out}. "
        f"Run 'framing report {into}' for the report with a 'Classifier predictions' section."
    )
    return EXIT_OK


def _write_predictions(table: Any, out: Path) -> None:
    safe_frame(table).to_csv(out / "predictions.csv", index=False)
    with open(out / "predictions.jsonl", "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(finite_json(rec), ensure_ascii=False, default=str, allow_nan=False) + "\n" for rec in table.to_dict("records"))


def cmd_code_sample(args: argparse.Namespace) -> int:
    from framing.ml.coding import export_sample

    items = _load_inputs(args.paths, args.text_col)
    by = None if args.by.lower() == "none" else args.by
    frame = export_sample(
        items,
        args.n,
        stratify_by=by,
        allocation="equal" if args.equal else "proportional",
        seed=args.seed,
        excerpt_chars=args.excerpt_chars,
        full_text=args.full_text,
        path=args.out,
    )
    counts = frame["outlet"].fillna("(none)").value_counts().to_dict() if "outlet" in frame else {}
    _say(f"wrote {len(frame)} articles to {args.out} for coding" + (f" ({', '.join(f'{k} {v}' for k, v in counts.items())})" if counts else ""))
    return EXIT_OK


def cmd_code_import(args: argparse.Namespace) -> int:
    from framing.ml.coding import import_codes

    codes = import_codes(args.files, id_col=args.id_col, label_col=args.label_col, coder_col=args.coder_col, coder=args.coder)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    safe_frame(codes).to_csv(args.out, index=False)
    _say(f"wrote {len(codes)} codes of {codes['id'].nunique()} units by {codes['coder'].nunique()} coders to {args.out}")
    return EXIT_OK


def cmd_code_agreement(args: argparse.Namespace) -> int:
    from framing.ml.coding import import_codes
    from framing.ml.reliability import agreement, machine_vs_human

    codes = import_codes([args.codes])
    report: dict[str, Any] = agreement(codes, level=args.level)
    if args.predictions:
        import pandas as pd

        preds = pd.read_json(args.predictions, lines=True, dtype=False) if args.predictions.endswith(".jsonl") else pd.read_csv(args.predictions, dtype=str)
        if not {"id", "label"} <= set(preds.columns):
            raise FramingError(f"{args.predictions}: predictions need columns id and label; got {', '.join(map(str, preds.columns))}")
        report["machine"] = machine_vs_human(preds[["id", "label"]].astype(str), codes, level=args.level)
    _print_json(report)
    return EXIT_OK


def cmd_code_next(args: argparse.Namespace) -> int:
    from framing.ml.active import next_to_code
    from framing.ml.coding import import_codes
    from framing.ml.model import load_classifier
    from framing.ml.predict import model_path

    model = load_classifier(model_path(args.model))
    items = _load_inputs(args.paths, args.text_col)
    exclude = list(import_codes([args.exclude])["id"]) if args.exclude else []
    frame = next_to_code(model, items, args.n, strategy=args.strategy, exclude=exclude)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    safe_frame(frame.assign(label_to_code="")).to_csv(args.out, index=False)
    _say(f"wrote the {len(frame)} articles the model is least sure about ({args.strategy}) to {args.out}")
    return EXIT_OK


# ---------------------------------------------------------------------------------------------
# Standalone entry point (the same commands without the rest of 'framing')


def build_parser() -> argparse.ArgumentParser:
    """A parser with only the classifier commands (for ``python -m framing.cli.classify``)."""
    parser = argparse.ArgumentParser(prog="framing", description="framing classifier commands")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    register(sub, argparse.ArgumentParser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one classifier command; 0 ok, 2 usage error (a FramingError or bad arguments)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) if exc.code in (0, None) else EXIT_USAGE
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return args.func(args)
    except FramingError as exc:
        _say(f"framing: error: {exc}")
        return EXIT_USAGE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
