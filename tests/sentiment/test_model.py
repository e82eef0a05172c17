"""Target-dependent sentiment: the transformers' estimator contract, the shipped model, safe loading."""

from __future__ import annotations

import json
import os
import pickle
import re
import sys
import warnings
from pathlib import Path

import numpy as np
import pytest
import scipy.sparse as sp
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.utils import estimator_checks as ec

from framing.errors import FramingError, InputError, MissingResourceError, OptionError, UntrustedModelError
from framing.resources import model_dir
from framing.sentiment import (
    LABELS,
    MODEL_FILE,
    LexiconContextFeatures,
    TargetContextVectorizer,
    TargetPositionFeatures,
    TargetSentiment,
    load_model,
    make_pipeline,
    save_model,
    score_target,
    score_targets,
    train_model,
)

NEWSMTSC = Path(__file__).resolve().parents[3] / "shared" / "data" / "newsmtsc"
CARD = model_dir() / "target_sentiment.md"


def span(sentence: str, target: str) -> tuple[str, int, int]:
    """The record for the first occurrence of ``target`` in ``sentence``."""
    i = sentence.index(target)
    return sentence, i, i + len(target)


# Invented sentences (not from any dataset), enough for the transformers to fit on.
RECORDS = [
    span("Critics slammed Smith as a corrupt failure.", "Smith"),
    span("Supporters praised Smith's brilliant leadership.", "Smith"),
    span("Smith arrived in Berlin on Tuesday for talks.", "Smith"),
    span("The mayor said Jones had done a terrible job.", "Jones"),
    span("Jones won praise for her honest and careful work.", "Jones"),
    span("Officials met Jones and Smith in Paris.", "Jones"),
    span("“Smith is a liar,” the senator said.", "Smith"),
    span("Jones said the plan was “a great success”.", "Jones"),
]
LABELS_OF_RECORDS = ["negative", "positive", "neutral", "negative", "positive", "neutral", "negative", "neutral"]

TRANSFORMERS = [
    TargetContextVectorizer(min_df=1),
    TargetContextVectorizer(min_df=1, ngram_range=(1, 3), window=5, decay=None, side="split", stem=True),
    LexiconContextFeatures(),
    TargetPositionFeatures(),
]
IDS = ["context", "narrow", "lexicon", "position"]

# sklearn's check_estimator skips estimators whose tags say they do not take 2-D numeric arrays
# (it warns "Can't test estimator ..."), as it does for TfidfVectorizer. These individual checks
# need no numeric input and apply as they are; the others (pickling, idempotent fit, fit does
# not overwrite parameters, subset/order invariance, n_features_in_) feed random float arrays, so
# the tests below redo them on records. check_param_validation is skipped: it needs sklearn's
# private _parameter_constraints machinery; we validate options in fit with OptionError.
# check_n_features_in does not apply: text vectorizers have no n_features_in_.
API_CHECKS = [
    "check_no_attributes_set_in_init",
    "check_parameters_default_constructible",
    "check_get_params_invariance",
    "check_set_params",
    "check_estimator_cloneable",
    "check_estimator_repr",
    "check_estimator_tags_renamed",
    "check_valid_tag_types",
    "check_mixin_order",
    "check_do_not_raise_errors_in_init_or_set_params",
    "check_estimators_unfitted",
    "check_transformers_unfitted",
    "check_get_feature_names_out_error",
    "check_transformer_n_iter",
]


def dense(X) -> np.ndarray:  # type: ignore[no-untyped-def]
    """A dense copy of a sparse or dense feature matrix."""
    return X.toarray() if sp.issparse(X) else np.asarray(X)


@pytest.mark.parametrize("est", TRANSFORMERS, ids=IDS)
@pytest.mark.parametrize("check", API_CHECKS)
def test_sklearn_api_checks(est, check) -> None:  # type: ignore[no-untyped-def]
    """The sklearn estimator checks that apply to record input pass."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        getattr(ec, check)(type(est).__name__, clone(est))


@pytest.mark.parametrize("est", TRANSFORMERS, ids=IDS)
def test_check_estimator_skips_record_input(est) -> None:  # type: ignore[no-untyped-def]
    """check_estimator recognises record input from the tags and skips its numeric checks."""
    with pytest.warns(ec.SkipTestWarning, match="Can't test estimator"):
        ec.check_estimator(clone(est), on_skip="warn")


@pytest.mark.parametrize("est", TRANSFORMERS, ids=IDS)
def test_clone_get_set_params(est) -> None:  # type: ignore[no-untyped-def]
    """clone keeps the parameters, set_params changes them, get_params reports them."""
    c = clone(est)
    assert c is not est and c.get_params() == est.get_params()
    params = c.get_params()
    if params:
        key = next(iter(params))
        new = {"ngram_range": (1, 1), "lexicon": "x.txt"}.get(key, 7)
        assert c.set_params(**{key: new}) is c and c.get_params()[key] == new
        assert est.get_params()[key] == params[key]


@pytest.mark.parametrize("est", TRANSFORMERS, ids=IDS)
def test_fit_returns_self_and_sets_only_trailing_attributes(est) -> None:  # type: ignore[no-untyped-def]
    """fit returns self, leaves the parameters alone and adds only trailing-underscore attributes."""
    e = clone(est)
    before = dict(vars(e))
    assert e.fit(RECORDS, LABELS_OF_RECORDS) is e
    added = set(vars(e)) - set(before)
    assert added and all(a.endswith("_") and not a.startswith("_") for a in added)
    assert {k: vars(e)[k] for k in before} == before


@pytest.mark.parametrize("est", TRANSFORMERS, ids=IDS)
def test_transform_before_fit_raises_not_fitted(est) -> None:  # type: ignore[no-untyped-def]
    """transform on an unfitted transformer raises NotFittedError."""
    with pytest.raises(NotFittedError):
        clone(est).transform(RECORDS)


@pytest.mark.parametrize("est", TRANSFORMERS, ids=IDS)
def test_feature_names_match_columns(est) -> None:  # type: ignore[no-untyped-def]
    """get_feature_names_out has one unique string per output column."""
    e = clone(est).fit(RECORDS)
    names = e.get_feature_names_out()
    X = e.transform(RECORDS)
    assert X.shape == (len(RECORDS), len(names)) and len(set(names)) == len(names)
    assert all(isinstance(n, str) for n in names)


@pytest.mark.parametrize("est", TRANSFORMERS, ids=IDS)
def test_pickle_round_trip(est) -> None:  # type: ignore[no-untyped-def]
    """A pickled and restored fitted transformer gives the same output and parameters."""
    e = clone(est).fit(RECORDS)
    e2 = pickle.loads(pickle.dumps(e))
    assert e2.get_params() == e.get_params()
    np.testing.assert_array_equal(dense(e2.transform(RECORDS)), dense(e.transform(RECORDS)))
    assert list(e2.get_feature_names_out()) == list(e.get_feature_names_out())


@pytest.mark.parametrize("est", TRANSFORMERS, ids=IDS)
def test_fit_is_idempotent_and_rows_independent(est) -> None:  # type: ignore[no-untyped-def]
    """Refitting gives the same output; a row's features do not depend on the other rows."""
    e = clone(est).fit(RECORDS)
    X1 = dense(e.transform(RECORDS))
    np.testing.assert_array_equal(dense(e.fit(RECORDS).transform(RECORDS)), X1)
    np.testing.assert_allclose(dense(e.transform(RECORDS[::-1])), X1[::-1])
    np.testing.assert_allclose(dense(e.transform(RECORDS[2:4])), X1[2:4])


def test_bad_records_and_options_raise_clear_errors() -> None:
    """Malformed records raise InputError; invalid options raise OptionError naming the option."""
    f = TargetPositionFeatures().fit(None)
    with pytest.raises(InputError, match="start < end"):
        f.transform([("Smith spoke.", 3, 3)])
    with pytest.raises(InputError, match=r"\(sentence, start, end\)"):
        f.transform([("Smith spoke.", 0)])
    with pytest.raises(InputError, match="single string"):
        f.transform("Smith spoke.")
    with pytest.raises(OptionError, match="side"):
        TargetContextVectorizer(side="left").fit(RECORDS)
    with pytest.raises(OptionError, match="groups"):
        LexiconContextFeatures(groups=("colour",)).fit(None)


def test_context_replaces_target_and_weights_by_distance() -> None:
    """The target's words never become features, n-grams see a placeholder, nearer words weigh more."""
    v = TargetContextVectorizer(min_df=1, ngram_range=(1, 2), side="none", use_idf=False, sublinear_tf=False, decay=1.0)
    rec = span("Bad John Smith was good.", "John Smith")
    names = list(v.fit([rec]).get_feature_names_out())
    assert not any("john" in n or "smith" in n for n in names)
    assert {"bad <t>", "<t> was", "was good"} <= set(names)
    x = v.transform([rec]).toarray()[0]
    # bad and was are neighbours (weight 1), good is two tokens away (1 / (1 + 1))
    assert x[names.index("bad")] == pytest.approx(x[names.index("was")])
    assert x[names.index("good")] == pytest.approx(x[names.index("bad")] / 2)


def test_negation_flips_a_lexicon_feature() -> None:
    """"not good" moves the word's valence from the positive to the negative sum."""
    f = LexiconContextFeatures().fit(None)
    names = list(f.get_feature_names_out())
    plain, negated = f.transform([span("Smith is good.", "Smith"), span("Smith is not good.", "Smith")])
    pos, neg = names.index("right_out_tout_pos"), names.index("right_out_tout_neg")
    assert plain[pos] > 0 and plain[neg] == 0
    assert negated[pos] == 0 and negated[neg] > 0
    assert negated[names.index("n_negated")] == 1
    # flipped and dampened: VADER's N_SCALAR
    assert f.evidence([span("Smith is not good.", "Smith")])[0][0][3] == pytest.approx(-0.74 * 1.9)


def test_quotes_split_lexicon_features() -> None:
    """A lexicon word inside a quotation lands in the in-quote group, outside it in the out group."""
    f = LexiconContextFeatures().fit(None)
    names = list(f.get_feature_names_out())
    quoted, plain = f.transform([span("Smith called it “a disaster”.", "Smith"), span("Smith called it a disaster.", "Smith")])
    assert quoted[names.index("right_in_tout_neg")] > 0 and quoted[names.index("right_out_tout_neg")] == 0
    assert plain[names.index("right_out_tout_neg")] > 0 and plain[names.index("right_in_tout_neg")] == 0


def test_evidence_spans_point_at_the_words() -> None:
    """Every evidence span is the word it names, and the sentiment words are found."""
    sentence, s, e = span("Critics slammed Smith as a corrupt failure, but fans praised him.", "Smith")
    ev = LexiconContextFeatures(inflections=True).fit(None).evidence([(sentence, s, e)])[0]
    assert {w.lower() for w, *_ in ev} >= {"slammed", "failure", "praised"}
    for word, a, b, valence in ev:
        assert sentence[a:b] == word and valence != 0
        assert not (s <= a < e)


# ---------------------------------------------------------------------------------------------
# the shipped model


@pytest.fixture(scope="module")
def shipped():  # type: ignore[no-untyped-def]
    """The model shipped in framing/models (loaded once, through the trusted-type check)."""
    return load_model()


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("Critics slammed Ms. Okafor as a corrupt failure.", "Ms. Okafor"),
        ("Opponents attacked the governor as a dishonest, incompetent fraud.", "the governor"),
        ("Investigators accused Lindqvist of lying and stealing from the charity.", "Lindqvist"),
    ],
)
def test_shipped_model_negative(shipped, sentence, target) -> None:  # type: ignore[no-untyped-def]
    """Clear criticism of the target is scored negative."""
    r = score_target(*span(sentence, target))
    assert r.label == "negative" and r.score < 0


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("Supporters praised Ms. Okafor's brilliant leadership.", "Ms. Okafor"),
        ("Colleagues hailed the governor as an honest and courageous leader.", "the governor"),
        ("Lindqvist won praise for her generous help to flood victims.", "Lindqvist"),
    ],
)
def test_shipped_model_positive(shipped, sentence, target) -> None:  # type: ignore[no-untyped-def]
    """Clear praise of the target is scored positive."""
    r = score_target(*span(sentence, target))
    assert r.label == "positive" and r.score > 0


def test_shipped_model_neutral_report(shipped) -> None:  # type: ignore[no-untyped-def]
    """A plain factual sentence is scored neutral."""
    assert score_target(*span("Lindqvist arrived in Oslo on Tuesday for a meeting.", "Lindqvist")).label == "neutral"


def test_score_target_result_shape(shipped) -> None:  # type: ignore[no-untyped-def]
    """The result is frozen, its score is P(pos) - P(neg) in [-1, 1] and evidence points into the sentence."""
    sentence, s, e = span("Supporters praised Ms. Okafor's brilliant leadership.", "Ms. Okafor")
    r = score_target(sentence, s, e)
    assert isinstance(r, TargetSentiment) and set(r.probabilities) == set(LABELS)
    assert sum(r.probabilities.values()) == pytest.approx(1.0)
    assert r.score == pytest.approx(r.probabilities["positive"] - r.probabilities["negative"])
    assert -1 <= r.score <= 1
    assert [w for w, *_ in r.evidence][:2] == ["praised", "brilliant"]
    assert all(sentence[a:b] == w for w, a, b, _ in r.evidence)
    with pytest.raises(AttributeError):
        r.label = "neutral"  # type: ignore[misc]


def test_score_targets_batch_equals_single(shipped) -> None:  # type: ignore[no-untyped-def]
    """Batch scoring gives the same results as scoring one at a time."""
    batch = score_targets(RECORDS)
    assert len(batch) == len(RECORDS) and score_targets([]) == []
    for rec, b in zip(RECORDS, batch):
        one = score_target(*rec)
        assert one.label == b.label and one.score == pytest.approx(b.score) and one.evidence == b.evidence


def test_shipped_model_loads_and_is_cached(shipped) -> None:  # type: ignore[no-untyped-def]
    """The shipped model loads with the trusted list, is cached, and has the expected classes."""
    assert (model_dir() / MODEL_FILE).is_file()
    assert load_model() is shipped
    assert list(shipped.classes_) == list(LABELS)


def test_shipped_model_file_is_small() -> None:
    """The shipped model file stays under 3 MB."""
    assert (model_dir() / MODEL_FILE).stat().st_size < 3_000_000


# ---------------------------------------------------------------------------------------------
# training, saving, safe loading


@pytest.fixture(scope="module")
def tiny_model():  # type: ignore[no-untyped-def]
    """A pipeline trained on the invented records (fast; for save/load tests)."""
    return train_model(RECORDS, labels=LABELS_OF_RECORDS, params={"features__narrow__min_df": 1, "features__broad__min_df": 1, "features__context__min_df": 1})


def test_train_model_accepts_newsmtsc_style_mappings() -> None:
    """train_model takes NewsMTSC-style dicts and tuples with labels= alike."""
    dicts = [{"sentence": s, "target_start": a, "target_end": b, "label": y} for (s, a, b), y in zip(RECORDS, LABELS_OF_RECORDS)]
    p = {"features__narrow__min_df": 1, "features__broad__min_df": 1, "features__context__min_df": 1}
    m1 = train_model(dicts, params=p)
    m2 = train_model(RECORDS, labels=LABELS_OF_RECORDS, params=p)
    np.testing.assert_allclose(m1.predict_proba(RECORDS), m2.predict_proba(RECORDS))
    with pytest.raises(OptionError, match="label"):
        train_model(RECORDS, labels=["bad"] * len(RECORDS), params=p)


def test_saved_model_loads_and_predicts_the_same(tiny_model, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """save_model then load_model returns an equivalent pipeline."""
    path = save_model(tiny_model, tmp_path / "m.skops")
    loaded = load_model(path)
    assert loaded is not tiny_model
    np.testing.assert_allclose(loaded.predict_proba(RECORDS), tiny_model.predict_proba(RECORDS))
    assert score_target(*RECORDS[0], model=loaded).label == score_target(*RECORDS[0], model=tiny_model).label


def test_untrusted_type_is_refused_and_not_executed(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A model file holding a type outside our list (os.system) is refused before anything runs."""
    import skops.io as sio
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import FunctionTransformer

    evil = Pipeline([("f", FunctionTransformer(func=os.system)), ("clf", LogisticRegression())])
    path = tmp_path / "evil.skops"
    sio.dump(evil, path)
    calls = []
    monkeypatch.setattr(os, "system", lambda *a: calls.append(a))
    with pytest.raises(UntrustedModelError, match="system") as info:
        load_model(path)
    assert isinstance(info.value, FramingError) and "Nothing in the file was executed" in str(info.value)
    assert calls == []


def test_trusted_true_and_foreign_pipelines_are_refused(tmp_path) -> None:
    """trusted=True is refused, and a file of only default-trusted types must still be our pipeline."""
    import skops.io as sio
    from sklearn.linear_model import LogisticRegression

    with pytest.raises(OptionError, match="never True"):
        load_model(trusted=True)  # type: ignore[arg-type]
    path = tmp_path / "lr.skops"
    sio.dump(LogisticRegression(), path)
    with pytest.raises(UntrustedModelError, match="not a target-sentiment pipeline"):
        load_model(path)


def test_missing_skops_names_the_package(tiny_model, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Without skops, loading and saving raise MissingResourceError naming the package."""
    path = save_model(tiny_model, tmp_path / "m.skops")
    monkeypatch.setitem(sys.modules, "skops", None)
    monkeypatch.setitem(sys.modules, "skops.io", None)
    with pytest.raises(MissingResourceError, match="skops"):
        load_model(path)
    with pytest.raises(MissingResourceError, match="pip install skops"):
        save_model(tiny_model, tmp_path / "again.skops")


def test_missing_model_file_is_reported(tmp_path) -> None:
    """A model path that does not exist raises MissingResourceError with the path."""
    with pytest.raises(MissingResourceError, match=r"nope\.skops"):
        load_model(tmp_path / "nope.skops")


def test_make_pipeline_overrides() -> None:
    """make_pipeline applies set_params overrides to the default configuration."""
    p = make_pipeline(clf__C=3.0, features__narrow="drop")
    assert p.named_steps["clf"].C == 3.0
    assert dict(p.named_steps["features"].transformer_list)["narrow"] == "drop"


# ---------------------------------------------------------------------------------------------
# against the evaluation data (skips in a fresh clone)


@pytest.fixture(scope="module")
def dev_rw():  # type: ignore[no-untyped-def]
    """NewsMTSC dev_rw from ../shared/data; skip when the data is not there."""
    path = NEWSMTSC / "dev_rw.jsonl"
    if not path.is_file():
        pytest.skip(f"NewsMTSC not available: {path} does not exist (the data lives outside the repository)")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [(r["sentence"], r["target_start"], r["target_end"]) for r in rows], [r["label"] for r in rows]


def test_shipped_model_matches_its_card_on_dev_rw(shipped, dev_rw) -> None:  # type: ignore[no-untyped-def]
    """The shipped model's dev_rw macro-F1 is at least the model card's number minus 0.005."""
    from sklearn.metrics import f1_score

    m = re.search(r"dev_rw macro-F1: ([0-9.]+)", CARD.read_text(encoding="utf-8"))
    assert m, f"no 'dev_rw macro-F1: <number>' line in {CARD}"
    X, y = dev_rw
    pred = [r.label for r in score_targets(X)]
    assert f1_score(y, pred, average="macro") >= float(m.group(1)) - 0.005


# --------------------------------------------------------------------------------------------
# The n-gram hot path against a plain reference


def _reference_ngrams(v: TargetContextVectorizer, sentence: str, start: int, end: int) -> dict[str, float]:
    """The definition, written the slow way: build the sequence with the placeholder, enumerate
    every n-gram, weight it by its distance to the placeholder."""
    from framing.sentiment.records import PLACEHOLDER, stem
    from framing.text.segment import tokenize

    toks = [t.lower() for t, _, _ in tokenize(sentence)]
    spans = [(s, e) for _, s, e in tokenize(sentence)]
    inside = [i for i, (s, e) in enumerate(spans) if e > start and s < end]
    first = inside[0] if inside else next((i for i, (s, _) in enumerate(spans) if s >= end), len(toks))
    last = inside[-1] + 1 if inside else first
    if v.stem:
        toks = [stem(t) for t in toks]
    seq = toks[:first] + [PLACEHOLDER] + toks[last:]
    t = first
    out: dict[str, float] = {}
    lo, hi = v.ngram_range
    for i in range(len(seq)):
        for k in range(lo, hi + 1):
            j = i + k
            if j > len(seq) or (k == 1 and i == t):
                continue
            if j <= t:
                d, mark = t - j + 1, "<"
            elif i > t:
                d, mark = i - t, ">"
            else:
                d, mark = 0, "^"
            if v.window is not None and d > v.window:
                continue
            w = 1.0 if v.decay is None or d <= 1 else v.decay / (v.decay + d - 1)
            gram = " ".join(seq[i:j])
            keys = {"none": [gram], "split": [mark + gram], "both": [mark + gram, gram]}[v.side]
            for key in keys:
                out[key] = out.get(key, 0.0) + w
    return out


HOT_PATH_RECORDS = RECORDS + [
    span("Smith met Smith's rival, Smith said.", "Smith"),  # the target at the start
    span("The deal was signed by Jones", "Jones"),  # at the very end
    span("Officials met the the the delegation of Brown, Brown and Brown.", "Brown, Brown"),  # repeated n-grams
    ("Talks ended .  Nobody left.", 12, 14),  # a span of whitespace: the placeholder covers no token
    span("Critics slammed Smith.", "Critics slammed Smith."),  # the whole sentence
]


@pytest.mark.parametrize(
    "params",
    [
        dict(ngram_range=(1, 1), decay=3.0, side="both", stem=True),
        dict(ngram_range=(1, 3), window=5, decay=None, side="split", stem=True),
        dict(ngram_range=(1, 2), decay=None, side="none", stem=True),  # the sentence-count shortcut
        dict(ngram_range=(2, 3), decay=None, side="none", stem=False),
        dict(ngram_range=(1, 3), window=2, decay=2.0, side="both", stem=False),
        dict(ngram_range=(1, 3), decay=3.0, side="both", stem=False),  # whole sentence, longer n-grams
        dict(ngram_range=(2, 2), decay=2.0, side="split", stem=True),
    ],
)
def test_ngram_hot_path_matches_the_definition(params) -> None:  # type: ignore[no-untyped-def]
    """The cached sentence tables, vocabulary columns and the count shortcut give exactly what the
    definition gives, for every record and configuration."""
    from framing.sentiment.records import parse_record

    v = TargetContextVectorizer(min_df=1, **params).fit(HOT_PATH_RECORDS)
    vocab = v.vocabulary_
    for rec in HOT_PATH_RECORDS:
        expected = _reference_ngrams(v, *rec)
        got = v._ngrams(parse_record(*rec))
        assert got == pytest.approx(expected), rec
        by_column = v._ngrams(parse_record(*rec), vocab)
        assert by_column == pytest.approx({vocab[g]: w for g, w in expected.items() if g in vocab}), rec
    # transform uses the column path; fit the string path: a record seen in fit has all its n-grams
    X = v.transform(HOT_PATH_RECORDS)
    assert (X.getnnz(axis=1) == [len(_reference_ngrams(v, *r)) for r in HOT_PATH_RECORDS]).all()
