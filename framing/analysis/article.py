"""Analyse articles: segmentation, lexicon markers, detectors, actors, quotes and roles, sentiment
toward actors, readability.

``analyze_article`` is a pure function from one :class:`~framing.types.Article` to one
:class:`~framing.types.ArticleResult`. ``analyze`` runs it over a corpus with a progress bar and
returns :class:`~framing.analysis.results.Results`.
"""

from __future__ import annotations

import contextlib
import gc
import sys
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence, Sized
from dataclasses import replace
from typing import Any, Literal

from tqdm.auto import tqdm

from framing.actors.gazetteer import Gazetteer, load_gazetteer
from framing.actors.mentions import find_mentions, link_speakers
from framing.actors.portrayal import summarise_actors
from framing.actors.roles import find_roles
from framing.analysis.provenance import build_provenance
from framing.analysis.register_profile import load_profile_model, profile_prediction, sentence_evidence
from framing.analysis.results import Results
from framing.errors import check_option
from framing.markers.detectors import DETECTOR_CATEGORIES, detect, quote_share
from framing.markers.lexicons import LexiconSet, load_default_lexicons
from framing.resources import lexicon_dir
from framing.sentiment import model_available, score_targets
from framing.sentiment.syntax import mention_sentence, remember_doc_sentence
from framing.text.parse import is_word, load_pipeline, parse, parse_many
from framing.text.quotes import find_quote_spans
from framing.text.readability import readability
from framing.types import Article, ArticleResult, Doc, MarkerCounts, Match, Quote, Voice
from framing.voice.attribution import find_quotes
from framing.voice.labels import voice_labels

__all__ = ["RATE_BASE", "VOICE_OPTIONS", "analyze", "analyze_article", "analyze_batch", "default_gazetteer", "default_lexicons", "default_sentiment", "fewer_collections", "iter_analyze", "marker_profile"]


#: Marker rates are per this many words (tokens with a letter or digit, clitics not counted).
RATE_BASE = 1000

#: Which words marker rates count: the outlet's own (default) or every word, quotations included.
VOICE_OPTIONS = ("outlet", "all")


def _rate(count: float, words: int) -> float | None:
    return round(RATE_BASE * count / words, 3) if words else None


def marker_profile(
    matches: Sequence[Match], n_words: int, categories: Iterable[str] = (), *, n_outlet_words: int | None = None
) -> dict[str, MarkerCounts]:
    """Counts and rates per 1,000 words for each ``lexicon.category``, kept per voice.

    ``count``, ``weighted`` and ``rate`` are the outlet's own wording: every match outside
    quotation marks (voice ``outlet``, and ``reported`` speech, which is the outlet's paraphrase),
    per 1,000 of those words (``n_outlet_words``); ``all_count`` and ``all_rate`` count every
    word, quotations included; ``quoted`` counts the matches inside quotations (a source's own
    words) and ``reported`` those inside reported speech (also in ``count``). Negated matches (``not a threat``) are counted apart
    (``negated``, the outlet's own) and left out of the others. Categories listed in
    ``categories`` appear with zero counts when nothing matched, so tables have the same columns
    for every article. The rate of an empty text is ``None``.
    """
    own_words = n_words if n_outlet_words is None else n_outlet_words
    out: dict[str, MarkerCounts] = {}

    def slot_of(key: str) -> MarkerCounts:
        slot = out.get(key)
        if slot is None:
            slot = out[key] = {"count": 0, "weighted": 0.0, "negated": 0, "all_count": 0, "quoted": 0, "reported": 0}
        return slot

    for key in categories:
        slot_of(key)
    for m in matches:
        slot = slot_of(f"{m.lexicon}.{m.category}")
        own = m.voice != "quote"  # reported speech is the outlet's paraphrase: its wording counts
        if m.negated:
            if own:
                slot["negated"] += 1
            continue
        slot["all_count"] += 1
        if own:
            slot["count"] += 1
            slot["weighted"] += m.weight
            if m.voice == "reported":
                slot["reported"] += 1
        else:
            slot["quoted"] += 1
    for slot in out.values():
        slot["weighted"] = round(slot["weighted"] or 0.0, 4)
        slot["rate"] = _rate(slot["count"] or 0, own_words)
        slot["all_rate"] = _rate(slot["all_count"] or 0, n_words)
    return out


def _with_voice(matches: Iterable[Match], doc: Doc, voice: Voice, quotes: Sequence[Quote]) -> list[Match]:
    """Each match labelled with the voice of its words (and the source, when not the outlet's)."""
    out = []
    starts = doc.starts
    for m in matches:
        first, last = bisect_left(starts, m.start), bisect_left(starts, m.end)
        label, owner = voice.of_span(first, last)
        if label == "outlet":
            out.append(m)
        else:
            q = quotes[owner]
            out.append(replace(m, voice=label, speaker=q.speaker_name or q.speaker_text or q.speaker))
    return out


def _outlet_words(doc: Doc, voice: Voice) -> int:
    """Words (as counted in ``doc.n_words``) of the outlet's own wording: outside quotations."""
    if "quote" not in voice.labels:
        return doc.n_words
    return sum(1 for t, label in zip(doc.lower, voice.labels) if label != "quote" and is_word(t))


def analyze_article(
    article: Article,
    *,
    lexicons: LexiconSet | None = None,
    gazetteer: Gazetteer | None = None,
    sentiment: Any = None,
    provenance: dict[str, Any] | None = None,
    doc: Doc | None = None,
    pipeline: Any = None,
) -> ArticleResult:
    """Analyse one article: parse it (unless ``doc`` is its parse already), find quotations and
    reported speech and the voice of every word, match lexicons and detectors (counted per
    voice), find actors and their roles, score sentiment toward each actor mention, measure
    readability.

    ``gazetteer=None`` skips actors (quotations are still found: they decide whose words are
    counted); ``sentiment`` is a callable taking a list of ``(sentence, start, end)`` targets and
    returning objects with ``label`` and ``score`` (the shipped model's
    :func:`framing.sentiment.score_targets`), or None to skip sentiment. ``pipeline`` is the
    spaCy pipeline (see :func:`framing.text.parse.parse`).
    """
    if doc is None:
        doc = parse(article.text, pipeline=pipeline)
    spans = find_quote_spans(doc.text)
    quote_objs = find_quotes(doc, spans)
    mentions = find_mentions(doc, gazetteer, published=article.published, outlet=article.outlet, quote_spans=spans) if gazetteer is not None else []
    quote_objs = link_speakers(doc, quote_objs, mentions, gazetteer)
    voice = voice_labels(doc, quote_objs)
    found: list[Match] = list(lexicons.match(doc)) if lexicons is not None else []
    detected = detect(doc, spans, quote_objs)
    found.extend(detected)
    found.sort(key=lambda m: (m.start, -m.end, m.lexicon, m.category))
    matches = tuple(_with_voice(found, doc, voice, quote_objs))
    keys = (lexicons.category_keys() if lexicons is not None else []) + [f"detectors.{c}" for c in DETECTOR_CATEGORIES]
    n_outlet = _outlet_words(doc, voice)
    markers = marker_profile(matches, doc.n_words, keys, n_outlet_words=n_outlet)
    markers["detectors.direct_quotes"]["share"] = quote_share(doc, detected)
    actors: tuple[dict[str, Any], ...] = ()
    if gazetteer is not None:
        scored = _score_mentions(doc, mentions, sentiment)
        roles = find_roles(doc, mentions, quote_objs, voice)
        scare = [(x.start, x.end) for x in detected if x.category == "scare_quotes"]
        actors = tuple(summarise_actors(doc.text, doc, mentions, scored, roles, voice, quote_objs, scare))
    quotes = tuple(q.to_dict(doc.text) for q in quote_objs)
    profile = None
    profile_model = load_profile_model() if lexicons is not None else None
    if profile_model is not None:  # it reads the default lexicons' categories: None with others
        by_sentence = sentence_evidence(doc, voice, matches, profile_model.categories)
        profile = profile_prediction(
            markers, article.text, n_words=doc.n_words, n_outlet_words=n_outlet, n_sentences=len(doc.sentences), sentences=by_sentence, model=profile_model
        )
    return ArticleResult(
        article=article,
        n_sentences=len(doc.sentences),
        n_tokens=doc.n_tokens,
        n_words=doc.n_words,
        markers=markers,
        matches=matches,
        actors=actors,
        quotes=quotes,
        readability=readability(doc),
        provenance=provenance if provenance is not None else build_provenance(lexicons, gazetteer, sentiment, pipeline=pipeline),
        n_outlet_words=n_outlet,
        parse_note=doc.parse_note,
        register_profile=profile,
    )


def _score_mentions(doc: Any, mentions: Sequence[Any], sentiment: Any) -> list[Any]:
    """Target-dependent sentiment of every mention (in its sentence), or None for each."""
    if sentiment is None or not mentions:
        return [None] * len(mentions)
    items = []
    for m in mentions:
        a, b = mention_sentence(doc, m.start, m.end)
        remember_doc_sentence(doc, a, b)  # the model's syntax features read the article's parse
        items.append((doc.text[a:b], m.start - a, m.end - a))
    return list(sentiment(items))


def default_gazetteer() -> Gazetteer | None:
    """The built-in actor gazetteer (None if it is not installed)."""
    if not (lexicon_dir() / "actors.toml").exists():
        return None
    return load_gazetteer()


#: Names of the target-sentiment models ``sentiment=`` and ``--sentiment-model`` accept.
SENTIMENT_MODELS = ("default", "accurate")


def default_sentiment(name: str = "default") -> Any:
    """A shipped target-sentiment model's batch scorer: ``"default"`` (the fast linear model;
    None when it is not installed) or ``"accurate"`` (MiniLM fine-tuned on NewsMTSC, run with
    ONNX Runtime; an error naming the install command when it or its runtime is missing)."""
    check_option("sentiment model", name, SENTIMENT_MODELS)
    if name == "accurate":
        from framing.sentiment.accurate import load_accurate, score_targets_accurate

        load_accurate()  # fails now, with the install command, rather than on the first mention
        return score_targets_accurate
    return score_targets if model_available() else None


def default_lexicons() -> LexiconSet:
    """The built-in lexicons."""
    return load_default_lexicons()


_PARSE_BATCH = 8  # articles parsed together

#: Allocations between two young-generation runs of the cyclic garbage collector while articles
#: are analysed (Python's default is 700). The analysis makes many short-lived small objects and
#: frees them by reference counting; at the default every few hundred allocations the collector
#: walks the young objects, and every 100 of those walks it goes through everything the process
#: holds (the loaded pipeline and models included). On 120 Article-Bias-Prediction articles the
#: collections took 1.6-2.4% of the CPU time of the analysis, 0.4% with this threshold.
GC_YOUNG_THRESHOLD = 10_000


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the block with the collector's young-generation threshold raised to
    :data:`GC_YOUNG_THRESHOLD` (never lowered), and restore the previous thresholds after it.
    Cyclic garbage is still collected, a little later; nothing else changes."""
    old = gc.get_threshold()
    if old[0] == 0 or old[0] >= GC_YOUNG_THRESHOLD:  # automatic collection off, or already rarer
        yield
        return
    gc.set_threshold(GC_YOUNG_THRESHOLD, *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


def _progress(iterable: Iterable[Any], total: int | None, progress: bool | None, desc: str) -> Iterable[Any]:
    if progress is False:
        return iterable

    # progress=None: a bar only when someone is watching a terminal (tqdm's own rule)
    return tqdm(iterable, total=total, desc=desc, unit="article", disable=None if progress is None else False, file=sys.stderr)


def iter_analyze(
    articles: Iterable[Article],
    *,
    lexicons: LexiconSet | Literal["default"] | None = "default",
    gazetteer: Gazetteer | Literal["default"] | None = "default",
    sentiment: Any = "default",
    progress: bool | None = None,
    total: int | None = None,
    pipeline: Any = None,
) -> Iterator[ArticleResult]:
    """Analyse articles one at a time (bounded memory); see :func:`analyze`."""
    lex = default_lexicons() if lexicons == "default" else lexicons
    gz = default_gazetteer() if gazetteer == "default" else gazetteer
    sent = default_sentiment(sentiment) if isinstance(sentiment, str) else sentiment
    prov = build_provenance(lex, gz, sent, pipeline=pipeline)
    if total is None and isinstance(articles, Sized):
        total = len(articles)
    nlp = load_pipeline(pipeline) if pipeline is None or isinstance(pipeline, str) else pipeline
    bar = _progress(articles, total, progress, "analysing")
    batch: list[Article] = []
    for article in bar:
        batch.append(article)
        if len(batch) >= _PARSE_BATCH:
            yield from analyze_batch(batch, lexicons=lex, gazetteer=gz, sentiment=sent, provenance=prov, pipeline=nlp)
            batch = []
    if batch:
        yield from analyze_batch(batch, lexicons=lex, gazetteer=gz, sentiment=sent, provenance=prov, pipeline=nlp)


def analyze_batch(
    articles: Sequence[Article],
    *,
    lexicons: LexiconSet | None = None,
    gazetteer: Gazetteer | None = None,
    sentiment: Any = None,
    provenance: dict[str, Any] | None = None,
    pipeline: Any = None,
) -> list[ArticleResult]:
    """:func:`analyze_article` for several articles, parsed together (the parser is faster on batches)."""
    docs = list(parse_many([a.text for a in articles], pipeline=pipeline, batch_size=max(1, len(articles))))
    with fewer_collections():
        return [
            analyze_article(a, lexicons=lexicons, gazetteer=gazetteer, sentiment=sentiment, provenance=provenance, doc=d)
            for a, d in zip(articles, docs, strict=True)
        ]


def analyze(
    corpus: Iterable[Article],
    *,
    lexicons: LexiconSet | Literal["default"] | None = "default",
    gazetteer: Gazetteer | Literal["default"] | None = "default",
    sentiment: Any = "default",
    progress: bool | None = None,
    pipeline: Any = None,
) -> Results:
    """Analyse every article of a corpus.

    Parameters
    ----------
    corpus : Corpus or iterable of Article
        What :func:`framing.load` returns, or any articles.
    lexicons : LexiconSet, None or "default"
        The lexicons to match; ``"default"`` loads the built-in ones, ``None`` skips markers.
    gazetteer : Gazetteer, None or "default"
        Actors to find (``framing.actors.gazetteer.load_gazetteer``); ``None`` skips actors and quotes.
    sentiment : callable, None or "default"
        Target-sentiment scorer for actor mentions; ``"default"`` uses the shipped model.
    progress : bool or None
        Show a progress bar; ``None`` (default) shows one only on an interactive terminal.
    pipeline : str, path or spaCy Language, optional
        The spaCy English pipeline (default: the packaged ``en_core_web_sm`` 3.8.0); an installed
        pipeline's name or folder, or a loaded one.

    Examples
    --------
    ::

        results = framing.analyze(framing.load("examples/corpus"))
        results.to_frame()[["outlet", "n_words"]]
    """
    errors = list(getattr(corpus, "errors", []))
    results = list(iter_analyze(corpus, lexicons=lexicons, gazetteer=gazetteer, sentiment=sentiment, progress=progress, pipeline=pipeline))
    return Results(results, errors)


