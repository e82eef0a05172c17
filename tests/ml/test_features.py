"""Feature transformers: the scikit-learn estimator contract, hand-computed values, composition with TF-IDF."""

from __future__ import annotations

import math
import pickle

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.utils import estimator_checks as ec

from framing.errors import FramingError, OptionError
from framing.ml.features import LexiconVectorizer, ReadabilityFeatures, RhetoricFeatures
from framing.text.readability import readability
from framing.text.segment import segment

TEXTS = [
    "They are thugs and not heroes. It may perhaps rain.",
    "Is this the “peace” we wanted? The minister said “we will keep talking until the end”.",
    "The council met on Tuesday. It approved the budget.",
    "",
]


def _factories():
    return [
        pytest.param(lambda: LexiconVectorizer(categories=["rhetoric.loaded_language", "rhetoric.hedges"]), id="LexiconVectorizer"),
        pytest.param(lambda: RhetoricFeatures(), id="RhetoricFeatures"),
        pytest.param(lambda: ReadabilityFeatures(measures=["words_per_sentence", "flesch_reading_ease"]), id="ReadabilityFeatures"),
    ]


# scikit-learn's own checks. check_estimator() skips a text transformer entirely (its tags say
# the input is strings, not a 2-D array: "Can't test estimator ... which requires input of type
# string"), so the checks that need no data are run one by one here. The data-driven checks
# (check_transformer_general, check_dont_overwrite_parameters, check_fit_idempotent,
# check_estimators_pickle, check_dict_unchanged, check_methods_subset_invariance) feed random
# numeric matrices that no text transformer can take; the tests below do what each of them does,
# with texts instead.
SKLEARN_CHECKS = [
    ec.check_no_attributes_set_in_init,
    ec.check_get_params_invariance,
    ec.check_set_params,
    ec.check_parameters_default_constructible,
    ec.check_estimator_cloneable,
    ec.check_estimator_repr,
    ec.check_do_not_raise_errors_in_init_or_set_params,
    ec.check_mixin_order,
    ec.check_valid_tag_types,
    ec.check_estimator_tags_renamed,
    ec.check_estimators_unfitted,
    ec.check_transformers_unfitted,
    ec.check_get_feature_names_out_error,
]


@pytest.mark.parametrize("check", SKLEARN_CHECKS, ids=lambda c: c.__name__)
@pytest.mark.parametrize("make", _factories())
def test_sklearn_estimator_checks(make, check):
    """Each transformer passes scikit-learn's checks that apply to text input."""
    est = make()
    check(type(est).__name__, est)


@pytest.mark.parametrize("make", _factories())
def test_fit_keeps_parameters_and_adds_only_learned_state(make):
    """fit changes no parameter and adds only trailing-underscore or private attributes (check_dont_overwrite_parameters on texts)."""
    import joblib

    est = make()
    params = {k: joblib.hash(v) for k, v in est.get_params().items()}
    before = set(vars(est))
    est.fit(TEXTS)
    assert {k: joblib.hash(v) for k, v in est.get_params().items()} == params
    added = set(vars(est)) - before
    assert added and all(a.endswith("_") or a.startswith("_") for a in added), added


@pytest.mark.parametrize("make", _factories())
def test_transform_before_fit_raises(make):
    """transform and get_feature_names_out raise NotFittedError before fit."""
    est = make()
    with pytest.raises(NotFittedError):
        est.transform(TEXTS)
    with pytest.raises(NotFittedError):
        est.get_feature_names_out()


@pytest.mark.parametrize("make", _factories())
def test_transform_general_on_texts(make):
    """One row per text, one column per feature name, fit_transform == fit().transform(), state unchanged by transform, refit idempotent."""
    est = make()
    out = est.fit_transform(TEXTS)
    names = est.get_feature_names_out()
    assert out.shape == (len(TEXTS), len(names))
    assert out.dtype == np.float64
    state = {k: repr(v) for k, v in vars(est).items()}
    again = est.transform(TEXTS)
    assert {k: repr(v) for k, v in vars(est).items()} == state  # check_dict_unchanged
    np.testing.assert_array_equal(out, again)
    np.testing.assert_array_equal(est.fit(TEXTS).transform(TEXTS), out)  # check_fit_idempotent
    np.testing.assert_array_equal(est.transform(TEXTS[1:3]), out[1:3])  # check_methods_subset_invariance
    np.testing.assert_array_equal(est.transform(TEXTS[::-1]), out[::-1])  # check_methods_sample_order_invariance
    assert est.transform([]).shape == (0, len(names))


@pytest.mark.parametrize("make", _factories())
def test_pickle_and_clone(make):
    """A pickled fitted transformer gives the same output; a clone has the same params and is unfitted."""
    est = make().fit(TEXTS)
    restored = pickle.loads(pickle.dumps(est))
    np.testing.assert_array_equal(restored.transform(TEXTS), est.transform(TEXTS))
    twin = clone(est)
    assert twin.get_params() == est.get_params()
    with pytest.raises(NotFittedError):
        twin.transform(TEXTS)


@pytest.mark.parametrize("make", _factories())
def test_rejects_a_single_string_and_non_texts(make):
    """A bare string, numbers or a wide table are refused with a clear message."""
    est = make().fit(TEXTS)
    with pytest.raises(ValueError, match="Iterable over raw text documents expected"):
        est.transform("one text")
    with pytest.raises(ValueError, match="item 1 is int"):
        est.transform(["fine", 3])
    with pytest.raises(ValueError, match="one text per row"):
        est.transform(np.array([["a", "b"]], dtype=object))


def test_lexicon_rates_and_counts_hand_computed():
    """'They are thugs and not heroes.' has 6 words, 1 loaded word and 1 negated one: rate 1000/6."""
    text = "They are thugs and not heroes."
    cats = ["rhetoric.loaded_language", "rhetoric.hedges"]
    rate = LexiconVectorizer(categories=cats).fit([]).transform([text])[0]
    assert rate[0] == pytest.approx(1000 / 6)
    assert rate[1] == 0.0
    counts = LexiconVectorizer(categories=cats, scale="count").fit([]).transform(["It may perhaps rain.", text])
    np.testing.assert_array_equal(counts, [[0.0, 2.0], [1.0, 0.0]])


def test_lexicon_negation_modes():
    """negation='exclude' drops 'not heroes', 'include' counts it, 'separate' puts it in a .negated column."""
    text = ["They are thugs and not heroes."]
    cat = ["rhetoric.loaded_language"]
    assert LexiconVectorizer(categories=cat, scale="count").fit([]).transform(text)[0, 0] == 1.0
    assert LexiconVectorizer(categories=cat, scale="count", negation="include").fit([]).transform(text)[0, 0] == 2.0
    sep = LexiconVectorizer(categories=cat, scale="count", negation="separate").fit([])
    assert list(sep.get_feature_names_out()) == ["rhetoric.loaded_language", "rhetoric.loaded_language.negated"]
    np.testing.assert_array_equal(sep.transform(text), [[1.0, 1.0]])


def test_lexicon_matches_analyze_markers(example_corpus):
    """On real articles the vectorizer's rates over every word equal framing.analyze's (to their
    rounding); counting the text's own words leaves out what is inside quotations."""
    import framing

    articles = list(example_corpus)[:3]
    results = framing.analyze(articles, gazetteer=None, sentiment=None, progress=False)
    texts = [a.text for a in articles]
    X = LexiconVectorizer(voice="all").fit([]).transform(texts)
    vec = LexiconVectorizer(scale="count").fit([])
    own, every = vec.transform(texts), LexiconVectorizer(scale="count", voice="all").fit([]).transform(texts)
    for row, r in zip(X, results):
        for j, key in enumerate(vec.categories_):
            assert row[j] == pytest.approx(r.markers[key]["all_rate"], abs=6e-4), key
    assert (own <= every).all() and (own < every).any()


def test_empty_text_rate_is_nan_not_zero():
    """A rate of a text without words is undefined (NaN); its count is a true 0."""
    assert math.isnan(LexiconVectorizer(categories=["rhetoric.hedges"]).fit([]).transform([""])[0, 0])
    assert LexiconVectorizer(categories=["rhetoric.hedges"], scale="count").fit([]).transform([""])[0, 0] == 0.0
    assert np.isnan(RhetoricFeatures().fit([]).transform(["  "])).all()


def test_invalid_options_are_reported_in_fit():
    """Options are validated in fit (not __init__), naming the option and the allowed values."""
    est = LexiconVectorizer(scale="percent")  # __init__ only stores
    with pytest.raises(OptionError, match="scale must be one of 'rate', 'count'; got 'percent'"):
        est.fit([])
    with pytest.raises(FramingError, match="unknown categories"):
        LexiconVectorizer(categories=["rhetoric.nope"]).fit([])
    with pytest.raises(OptionError, match="measures"):
        ReadabilityFeatures(measures=["flesch"]).fit([])


def test_rhetoric_hand_computed():
    """A scare quote and a question in the writer's voice; a long attributed quote is a direct quote with its word share."""
    rf = RhetoricFeatures(scale="count").fit([])
    out = rf.transform(['Is this the “peace” we wanted?', "He said “we will keep talking until the end” today."])
    np.testing.assert_array_equal(out[0], [1.0, 1.0, 0.0, 0.0])
    assert out[1][:3].tolist() == [0.0, 0.0, 1.0]
    assert out[1][3] == pytest.approx(7 / 10)  # 7 of the 10 words are inside the quotation
    rates = RhetoricFeatures().fit([]).transform(['Is this the “peace” we wanted?'])[0]
    assert rates[0] == pytest.approx(1000 / 6)


def test_readability_equals_module():
    """ReadabilityFeatures gives framing.text.readability's numbers, NaN where it gives None."""
    text = TEXTS[2]
    rf = ReadabilityFeatures().fit([])
    row = rf.transform([text])[0]
    expected = readability(segment(text))
    for j, name in enumerate(rf.get_feature_names_out()):
        if expected[name] is None:
            assert math.isnan(row[j]), name
        else:
            assert row[j] == expected[name], name


def test_fitted_vectorizer_keeps_its_lexicon_when_the_file_changes(tmp_path):
    """The fitted state holds the lexicon's entries, so editing the file later does not change the numbers."""
    src = tmp_path / "mini.toml"
    src.write_text(
        """
[lexicon]
name = "mini"
version = "1.0.0"
language = "en"
license = "CC0"
description = "test"
curators = ["tests"]

[categories.threat]
label = "Threat"
definition = "threat words"
literature = ["none"]
entries = ["menace", "danger*"]
""",
        encoding="utf-8",
    )
    vec = LexiconVectorizer(lexicons=[str(src)], scale="count").fit([])
    assert vec.lexicon_provenance_["mini"].startswith("1.0.0 sha256:")
    before = vec.transform(["A menace and dangerous times."])
    src.write_text(src.read_text(encoding="utf-8").replace('"menace", ', ""), encoding="utf-8")
    np.testing.assert_array_equal(vec.transform(["A menace and dangerous times."]), before)
    np.testing.assert_array_equal(before, [[2.0]])
    assert LexiconVectorizer(lexicons=[str(src)], scale="count").fit([]).transform(["A menace and dangerous times."])[0, 0] == 1.0


def test_composes_with_tfidf_in_union_pipeline_and_grid_search():
    """Feature names are prefixed in a FeatureUnion; the pipeline fits and predicts; GridSearchCV clones and tunes a parameter."""
    texts = ["a brutal savage attack", "the council met today", "the regime's horrific crimes", "rain expected on Tuesday"] * 4
    y = [1, 0, 1, 0] * 4
    union = FeatureUnion([("words", TfidfVectorizer()), ("lex", LexiconVectorizer(categories=["rhetoric.loaded_language"])), ("rhet", RhetoricFeatures())])
    pipe = Pipeline([("features", union), ("clf", LogisticRegression())])
    pipe.fit(texts, y)
    names = list(pipe[:-1].get_feature_names_out())
    assert "lex__rhetoric.loaded_language" in names and "rhet__scare_quotes" in names and "words__brutal" in names
    assert list(pipe.predict(["a savage brutal regime", "the council met"])) == [1, 0]
    grid = GridSearchCV(pipe, {"features__lex__scale": ["rate", "count"]}, cv=2).fit(texts, y)
    assert grid.best_params_["features__lex__scale"] in ("rate", "count")


def test_pandas_output_uses_feature_names():
    """set_output(transform='pandas') gives a DataFrame whose columns are the feature names."""
    rf = RhetoricFeatures().set_output(transform="pandas").fit(TEXTS)
    frame = rf.transform(TEXTS)
    assert list(frame.columns) == ["scare_quotes", "rhetorical_questions", "direct_quotes", "direct_quote_share"]
    assert len(frame) == len(TEXTS)


def test_parallel_equals_serial(monkeypatch):
    """n_jobs=2 splits a long input into chunks and gives exactly the serial numbers."""
    import joblib

    import framing.ml.features as features

    # small chunks so a short input is split; threads keep the test fast (the work and the
    # arguments are the same as with processes: plain data in, arrays out)
    monkeypatch.setattr(features, "_CHUNK", 4)
    texts = [f"They are thugs number {i} and not heroes. It may perhaps rain?" for i in range(18)]
    cats = ["rhetoric.loaded_language", "rhetoric.hedges"]
    serial = LexiconVectorizer(categories=cats).fit([]).transform(texts)
    with joblib.parallel_backend("threading"):
        parallel = LexiconVectorizer(categories=cats, n_jobs=2).fit([]).transform(texts)
        rhet = RhetoricFeatures(n_jobs=2).fit([]).transform(texts)
    np.testing.assert_array_equal(serial, parallel)
    np.testing.assert_array_equal(rhet, RhetoricFeatures().fit([]).transform(texts))
