"""The analysis step of a run: one article that fails is reported with its id, the others analysed."""

from __future__ import annotations

import json
from typing import Any

import pytest

from framing.run import workers
from framing.types import Article

SETTINGS: dict[str, Any] = {"no_lexicons": True, "no_actors": True, "gazetteers": [], "no_sentiment": True, "spacy_model": None, "lexicon_dirs": []}


def test_a_failing_article_of_a_corpus_file_is_reported_by_id(monkeypatch: pytest.MonkeyPatch) -> None:
    real = workers.analyze_article

    def flaky(article: Article, **kw: Any) -> Any:
        if article.id == "bad":
            raise ValueError("a span outside its sentence")
        return real(article, **kw)

    monkeypatch.setattr(workers, "analyze_article", flaky)
    batch = [Article(id=i, text="Canada and China signed a deal on Monday.", source_path="corpus.jsonl") for i in ("good", "bad", "also-good")]
    out = workers.analyse_batch(batch, SETTINGS)
    assert [kind for kind, _ in out] == ["ok", "error", "ok"]
    err = json.loads(out[1][1])
    assert err["path"] == "corpus.jsonl"
    assert err["reason"] == "analysis failed: article 'bad': ValueError: a span outside its sentence"


def test_a_parse_that_fails_midway_leaves_the_rest_of_the_batch_parsed_one_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """The batch is parsed eight at a time and analysed as it goes; when the parser fails on the
    second eight, the first eight keep their batched parse and the others are parsed alone."""
    real_parse, real_analyse = workers.parse_many, workers.analyze_article
    given: list[bool] = []

    def parse_then_fail(texts: Any, **kw: Any) -> Any:
        texts = list(texts)
        yield from real_parse(texts[:8], **kw)
        raise RuntimeError("the parser cannot take this text")

    def recording(article: Article, **kw: Any) -> Any:
        given.append(kw.get("doc") is not None)
        return real_analyse(article, **kw)

    monkeypatch.setattr(workers, "parse_many", parse_then_fail)
    monkeypatch.setattr(workers, "analyze_article", recording)
    batch = [Article(id=f"a{i}", text=f"Canada and China signed deal number {i} on Monday.") for i in range(12)]
    out = workers.analyse_batch(batch, SETTINGS)
    assert [kind for kind, _ in out] == ["ok"] * 12
    assert [json.loads(line)["id"] for _, line in out] == [a.id for a in batch]
    assert given == [True] * 8 + [False] * 4


def test_unload_forgets_the_loaded_models_and_the_next_analysis_loads_them_again() -> None:
    """Between a large run and its report the engine drops the parser and models it kept for
    forking workers; nothing is lost: the next batch loads them again and gives the same result."""
    from framing.text.parse import load_pipeline

    batch = [Article(id="a", text="“We will talk,” Carney said on Monday, after Canada and China met.")]
    before = workers.analyse_batch(batch, SETTINGS)
    assert workers._STATE and load_pipeline.cache_info().currsize >= 1
    workers.unload()
    assert workers._STATE == {}
    assert load_pipeline.cache_info().currsize == 0
    assert workers.analyse_batch(batch, SETTINGS) == before
