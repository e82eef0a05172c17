"""Analysis of one article on the parse: whose words are counted, and texts the parser finds hard."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from framing.analysis.article import analyze_article, analyze_batch, default_gazetteer, default_lexicons
from framing.cli import main
from framing.types import Article


def test_a_quoted_source_s_words_are_not_the_outlet_s() -> None:
    """Carney's "US imperialism" inside his quotation is his, not the outlet's: it is counted
    as quoted, with him as the source, and the outlet's own rate stays zero."""
    text = "“We will not accept US imperialism over our trade,” Mark Carney said on Tuesday. The talks continue."
    r = analyze_article(Article(id="a", text=text), lexicons=default_lexicons(), gazetteer=default_gazetteer())
    slot = r.markers["registers.marxist"]
    assert (slot["count"], slot["quoted"], slot["all_count"]) == (0, 1, 1)
    (m,) = [m for m in r.matches if m.category == "marxist"]
    assert m.voice == "quote" and m.speaker == "Mark Carney"
    assert r.n_outlet_words < r.n_words


def test_the_outlet_s_own_imperialism_counts() -> None:
    """The same word in the writer's own sentence is the outlet's."""
    r = analyze_article(Article(id="b", text="The deal challenges US imperialism over trade."), lexicons=default_lexicons(), gazetteer=None)
    assert r.markers["registers.marxist"]["count"] == 1 and r.markers["registers.marxist"]["quoted"] == 0


def test_attributed_partial_quote_is_not_a_scare_quote() -> None:
    """"a “rupture, not a transition”, Carney said": a partial quote of Carney's, no scare quote."""
    text = "It is a “rupture, not a transition”, Carney said. Washington tightened control over “its” hemisphere."
    r = analyze_article(Article(id="c", text=text), lexicons=default_lexicons(), gazetteer=default_gazetteer())
    scare = [text[m.start : m.end] for m in r.matches if m.category == "scare_quotes"]
    assert scare == ["“its”"]
    assert any(q["kind"] in ("partial", "mixed") and "rupture" in text[q["start"] : q["end"]] for q in r.quotes)


def test_hard_texts_are_analysed_and_say_why(tmp_path: Path) -> None:
    """A French article, a 122,000-character run with no sentence end (longer than one parser chunk), a blank-looking file and a
    normal one: every one is analysed, none is lost; the French one records why it has no syntax."""
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "fr.txt").write_text(
        "Le gouvernement canadien a annoncé mardi un accord commercial avec la Chine, malgré les menaces de droits de douane "
        "des États-Unis. Les exportations de canola vont reprendre selon le ministère du Commerce, a déclaré un porte-parole.",
        encoding="utf-8",
    )
    (corpus / "long.txt").write_text("tariffs and trade talks continued " * 3_600, encoding="utf-8")
    (corpus / "tiny.txt").write_text("Hello.\n", encoding="utf-8")
    (corpus / "ok.txt").write_text("Canada and China signed a trade deal on Friday, officials said.", encoding="utf-8")
    assert main(["analyze", str(corpus), "--out", str(tmp_path / "out"), "--no-progress", "--format", "md"]) == 0
    rows = [json.loads(line) for line in (tmp_path / "out" / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 4 and not (tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8").strip()
    fr = next(r for r in rows if r["source_path"].endswith("fr.txt"))
    assert "not look like English" in fr["parse_note"] and fr["n_words"] > 20
    long = next(r for r in rows if r["source_path"].endswith("long.txt"))
    assert long["n_words"] == 18_000 and "parse_note" not in long


def test_batch_analysis_equals_one_at_a_time() -> None:
    """Parsing articles together gives the same results as one by one."""
    arts = [Article(id=str(i), text=t) for i, t in enumerate(["Trump threatened Canada.", "“No,” Carney said.", "Le chat est sur la table, dit-il, et il dort depuis ce matin dans la cuisine avec le chien."])]
    gz, lex = default_gazetteer(), default_lexicons()
    together = [r.to_dict() for r in analyze_batch(arts, lexicons=lex, gazetteer=gz, provenance={})]
    alone = [analyze_article(a, lexicons=lex, gazetteer=gz, provenance={}).to_dict() for a in arts]
    assert together == alone


def test_the_analysis_runs_with_fewer_collections_and_restores_the_collector(monkeypatch: pytest.MonkeyPatch) -> None:
    """While a batch is analysed the collector's young threshold is raised (never lowered, never
    switched on when it was off), and the thresholds the caller had are back afterwards, even when
    the analysis fails."""
    import gc

    import framing.analysis.article as article_module
    from framing.analysis.article import GC_YOUNG_THRESHOLD, fewer_collections

    old = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        with fewer_collections():
            assert gc.get_threshold() == (GC_YOUNG_THRESHOLD, 10, 10)
        assert gc.get_threshold() == (700, 10, 10)
        with pytest.raises(RuntimeError), fewer_collections():
            raise RuntimeError("an article failed")
        assert gc.get_threshold() == (700, 10, 10)
        gc.set_threshold(GC_YOUNG_THRESHOLD * 5, 3, 4)  # the caller's own, rarer setting is kept
        with fewer_collections():
            assert gc.get_threshold() == (GC_YOUNG_THRESHOLD * 5, 3, 4)
        gc.set_threshold(0)  # automatic collection off: stays off
        with fewer_collections():
            assert gc.get_threshold()[0] == 0
        gc.set_threshold(700, 10, 10)
        seen = []
        real = article_module.analyze_article

        def recording(*args: object, **kwargs: object) -> object:
            seen.append(gc.get_threshold())
            return real(*args, **kwargs)

        monkeypatch.setattr(article_module, "analyze_article", recording)
        (r,) = analyze_batch([Article(id="gc", text="Trump threatened Canada.")], lexicons=default_lexicons(), gazetteer=default_gazetteer(), provenance={})
        assert seen == [(GC_YOUNG_THRESHOLD, 10, 10)] and r.article.id == "gc"
        assert gc.get_threshold() == (700, 10, 10)
    finally:
        gc.set_threshold(*old)


def test_a_mention_split_across_two_parser_sentences_is_scored() -> None:
    """A title the parser ends a sentence after ("Gov." | "Carney") leaves a mention spanning two
    sentences; its sentiment is scored on both instead of failing the article (found on an
    Article-Bias-Prediction article in bench_parse)."""
    from framing.analysis.article import analyze_article, default_gazetteer, default_lexicons, default_sentiment
    from framing.types import Article

    text = "The law was signed by Gov.\nCarney on Monday. Later Gov. Carney said the deal was good."
    r = analyze_article(Article(id="split", text=text), lexicons=default_lexicons(), gazetteer=default_gazetteer(), sentiment=default_sentiment())
    mentions = [m for a in r.actors for m in a["mentions"]]
    assert [m["text"] for m in mentions] == ["Gov.\nCarney", "Gov. Carney"]
    assert all(m["sentiment"] in ("positive", "neutral", "negative") for m in mentions)
