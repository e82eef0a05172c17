"""Static-vector features of a target (the embeddings experiment): word pieces, weights, the
averages left / right / near the target, and loading plain .npy/.json tables. The tables here are
small ones written in tmp_path; no encoder is needed."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from framing.errors import MissingResourceError, OptionError
from framing.sentiment import make_pipeline
from framing.sentiment.embeddings import StaticContextEmbeddings, load_static_vectors

VOCAB = ["[PAD]", "critics", "slammed", "the", "mayor", "praised", "un", "##fair", ",", "today"]


def write_table(tmp_path: Path, name: str = "t") -> Path:
    """One-hot vectors (so an average shows which words it took) and made-up frequencies."""
    stem = tmp_path / name
    np.save(stem.with_suffix(".npy"), np.eye(len(VOCAB), dtype=np.float16))
    freq = {"the": 0.05, "critics": 1e-5, "slammed": 1e-5, "mayor": 1e-5, "praised": 1e-5, "un": 1e-4, "today": 1e-3}
    stem.with_suffix(".json").write_text(json.dumps({"vocab": VOCAB, "frequency": [freq.get(w, 0.0) for w in VOCAB]}), encoding="utf-8")
    return stem


def col(word: str) -> int:
    return VOCAB.index(word)


def test_pieces_are_greedy_longest_match(tmp_path: Path) -> None:
    table = load_static_vectors(write_table(tmp_path))
    assert table.pieces("unfair") == [col("un"), col("##fair")]
    assert table.pieces("mayor") == [col("mayor")]
    assert table.pieces("xyz") == []  # no piece for "x": no vector
    vec, weight = table.word("unfair", 1e-3)
    assert vec[col("un")] == pytest.approx(0.5) and vec[col("##fair")] == pytest.approx(0.5)
    assert weight == 1.0  # several pieces: a rare word
    assert table.word("the", 1e-3)[1] == pytest.approx(1e-3 / (1e-3 + 0.05))
    assert table.word(",", 1e-3)[1] == 0.0  # punctuation never counts


def test_left_right_and_narrow_averages_exclude_the_target(tmp_path: Path) -> None:
    stem = write_table(tmp_path)
    sentence = "Critics slammed the mayor today ."
    rec = (sentence, sentence.index("mayor"), sentence.index("mayor") + len("mayor"))
    f = StaticContextEmbeddings(vectors=str(stem), parts=("left", "right", "narrow"), window=1, scale=2.0).fit([rec])
    x = f.transform([rec])
    assert x.shape == (1, 3 * len(VOCAB))
    left, right, narrow = x[0].reshape(3, len(VOCAB))
    assert left[col("mayor")] == right[col("mayor")] == narrow[col("mayor")] == 0.0
    # left: critics (distance 3) weighs less than slammed (distance 2); "the" almost nothing (SIF)
    assert left[col("slammed")] > left[col("critics")] > 10 * left[col("the")] > 0
    assert right[col("today")] > 0 and right[col("critics")] == 0.0
    assert narrow[col("the")] > 0 and narrow[col("today")] > 0 and narrow[col("slammed")] == 0.0  # window 1
    assert np.linalg.norm(left) == pytest.approx(2.0)  # scaled to norm `scale`


def test_a_side_without_words_is_zero_and_dims_truncate(tmp_path: Path) -> None:
    stem = write_table(tmp_path)
    rec = ("Mayor praised critics", 0, 5)
    x = StaticContextEmbeddings(vectors=str(stem), parts=("left", "right"), dims=4).fit([rec]).transform([rec])
    assert x.shape == (1, 8)
    assert not x[0, :4].any()  # nothing left of the target
    assert x[0, 4 + col("critics")] > 0


def test_in_the_pipeline_beside_the_ngram_features(tmp_path: Path) -> None:
    stem = write_table(tmp_path)
    recs = [
        ("Critics slammed the mayor today.", 20, 25),
        ("The mayor praised critics today.", 4, 9),
        ("Critics slammed the unfair mayor.", 27, 32),
        ("The mayor praised the critics.", 4, 9),
    ]
    labels = ["negative", "positive", "negative", "positive"]
    model = make_pipeline(features__syntax=StaticContextEmbeddings(vectors=str(stem)), features__context__min_df=1, features__narrow__min_df=1, features__broad__min_df=1).fit(recs, labels)
    assert list(model.predict(recs)) == labels


def test_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(MissingResourceError, match="build_static_vectors"):
        StaticContextEmbeddings(vectors=str(tmp_path / "missing")).fit(None)
    stem = write_table(tmp_path)
    with pytest.raises(OptionError, match="parts"):
        StaticContextEmbeddings(vectors=str(stem), parts=("above",)).fit(None)
    with pytest.raises(OptionError, match="dims"):
        StaticContextEmbeddings(vectors=str(stem), dims=99).fit(None)
    bad = tmp_path / "bad"
    np.save(bad.with_suffix(".npy"), np.zeros((3, 2)))
    bad.with_suffix(".json").write_text(json.dumps({"vocab": ["a"], "frequency": [0.0]}), encoding="utf-8")
    with pytest.raises(OptionError, match="one vector"):
        load_static_vectors(bad)
