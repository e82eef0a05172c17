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
