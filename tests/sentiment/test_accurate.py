"""The optional accurate sentiment model: input marking, the missing-model error, and (when the
model and its runtime are installed) its judgements on sentences patterned on real cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.errors import MissingResourceError, OptionError
from framing.sentiment.accurate import MARK, accurate_available, encode_batch, mark_target

needs_model = pytest.mark.skipif(not accurate_available(), reason='the accurate model or its runtime is not installed (pip install -e ".[accurate]")')


def _tokenizer():  # type: ignore[no-untyped-def]
    from framing.resources import model_dir
    from framing.sentiment.accurate import ACCURATE_DIR, load_tokenizer

    path = model_dir() / ACCURATE_DIR / "tokenizer.json"
    if not path.is_file():
        pytest.skip("the accurate model's tokenizer is not installed")
    return load_tokenizer(path)


def test_mark_target_puts_markers_round_the_target() -> None:
    text, at = mark_target("Critics slammed Smith today.", 16, 21)
    assert text == f"Critics slammed {MARK} Smith {MARK} today."
    assert text[at] == MARK


def test_the_marker_position_points_at_the_opening_marker_even_in_a_long_sentence() -> None:
    tok = _tokenizer()
    at_id = tok.token_to_id(MARK)
    short = ("Trump met Carney.", 10, 16)
    long_left = " ".join(["word"] * 300) + " and then Trump met Carney."
    start = long_left.index("Carney")
    ids, masks, pos = encode_batch(tok, [short, (long_left, start, start + 6)], max_pieces=64)
    assert all(len(x) == len(ids[0]) for x in ids) and len(ids[1]) <= 64
    assert ids[0][pos[0]] == at_id and ids[1][pos[1]] == at_id
    assert sum(masks[0]) < len(ids[0]) == sum(masks[1])  # the short one is padded


def test_a_missing_model_is_a_clear_error(tmp_path: Path) -> None:
    from framing.sentiment.accurate import AccurateModel

    with pytest.raises(MissingResourceError, match="train_accurate_sentiment"):
        AccurateModel(tmp_path)


def test_an_unknown_sentiment_model_name_is_refused() -> None:
    from framing.analysis.article import default_sentiment

    with pytest.raises(OptionError, match="accurate"):
        default_sentiment("acurate")


@needs_model
def test_accurate_model_separates_clear_cases() -> None:
    from framing.sentiment.accurate import score_targets_accurate

    neg = "Critics slammed Smith as a corrupt and incompetent failure."
    pos = "Supporters praised Smith for her brave and honest leadership."
    r = score_targets_accurate([(neg, 16, 21), (pos, 20, 25)])
    assert [x.label for x in r] == ["negative", "positive"]
    assert r[0].score < 0 < r[1].score
    assert abs(sum(r[0].probabilities.values()) - 1) < 1e-4


@needs_model
def test_accurate_model_in_an_analysis(gz) -> None:  # type: ignore[no-untyped-def]
    from framing.analysis.article import analyze_article, default_sentiment
    from framing.types import Article

    scorer = default_sentiment("accurate")
    r = analyze_article(Article(id="x", text="Critics slammed Donald Trump as a corrupt failure."), lexicons=None, gazetteer=gz, sentiment=scorer)
    trump = next(a for a in r.actors if a["actor"] == "donald_trump")
    assert trump["mentions"][0]["sentiment"] == "negative"


@needs_model
def test_the_command_line_scores_with_the_accurate_model(tmp_path: Path) -> None:
    """``framing analyze --sentiment-model accurate`` scores every mention with it and records the
    model's hash in each result's provenance; a misspelt model name is a usage error."""
    import json

    from framing.cli.app import main

    (tmp_path / "a.txt").write_text("Critics slammed Donald Trump as a corrupt failure on Monday.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["analyze", str(tmp_path / "a.txt"), "--out", str(out), "--sentiment-model", "accurate", "--no-progress", "--format", "md"]) == 0
    rec = json.loads((out / "articles.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert rec["provenance"]["models"]["target_sentiment"].startswith("accurate_sentiment/model.onnx sha256:")
    trump = next(a for a in rec["actors"] if a["actor"] == "donald_trump")
    assert trump["mentions"][0]["sentiment"] == "negative"
    with pytest.raises(SystemExit) as exit_:
        main(["analyze", str(tmp_path / "a.txt"), "--out", str(tmp_path / "o2"), "--sentiment-model", "acurate"])
    assert exit_.value.code == 2


@needs_model
def test_a_worksheet_can_use_the_accurate_model(tmp_path: Path) -> None:
    """``framing worksheet --sentiment-model accurate``: the key's tones come from the accurate
    model, and its footer names it."""
    import framing
    from framing.cli.app import main

    corpus = framing.examples_path("corpus")
    arts = sorted(p for p in corpus.iterdir() if p.suffix in (".txt", ".md", ".html"))[:2]
    assert main(["worksheet", *map(str, arts), "--out", str(tmp_path), "--format", "html", "--sentiment-model", "accurate"]) == 0
    key = (tmp_path / "answer_key.html").read_text(encoding="utf-8")
    assert "accurate_sentiment/model.onnx sha256:" in key
