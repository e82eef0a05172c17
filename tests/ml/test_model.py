"""Model files: save and load, the trusted types, refusal of unsafe and foreign files, files written before the stage subpackages."""

from __future__ import annotations

import io
import json
import zipfile

import numpy as np
import pytest
import skops.io as sio

from framing.errors import InputError, OptionError, UntrustedModelError
from framing.ml.model import TRUSTED_TYPES, load_classifier, save_classifier
from framing.ml.pipelines import make_pipeline

from .toydata import toy_sentences


def test_save_load_round_trip(toy_model, tmp_path):
    """A saved model loads with the same predictions and card, and writes a Markdown and JSON card beside it."""
    path = save_classifier(toy_model, tmp_path / "m.skops")
    loaded = load_classifier(path)
    texts, _ = toy_sentences(5, seed=3)
    np.testing.assert_array_equal(loaded.predict_proba(texts), toy_model.predict_proba(texts))
    assert loaded.cv == json.loads(json.dumps(toy_model.cv)) and loaded.level == "sentence"
    assert loaded.top_features == json.loads(json.dumps(toy_model.top_features))
    card = json.loads((tmp_path / "m.card.json").read_text(encoding="utf-8"))
    assert card["data"] == {"name": "toy"} and card["versions"]["scikit-learn"] and card["lexicons"]
    md = (tmp_path / "m.card.md").read_text(encoding="utf-8")
    assert "## Validation" in md and "Macro-F1" in md and "Not grouped" in md


def test_a_compressed_model_file_is_smaller_and_loads_the_same(toy_model, tmp_path):
    plain = save_classifier(toy_model, tmp_path / "plain.skops", card=False)
    packed = save_classifier(toy_model, tmp_path / "packed.skops", card=False, compress=True)
    assert packed.stat().st_size < plain.stat().st_size
    texts, _ = toy_sentences(5, seed=3)
    np.testing.assert_array_equal(load_classifier(packed).predict_proba(texts), toy_model.predict_proba(texts))


def test_trusted_types_are_exactly_what_our_pipelines_need(tmp_path):
    """Every pipeline make_pipeline can build needs exactly TRUSTED_TYPES beyond skops' defaults."""
    texts = ['A brutal “war” is here?', "A calm day in town.", "He said “the regime's crimes are many”.", "Fine weather today."] * 2
    y = ["1", "0"] * 4
    # both levels build the same step types (they differ in parameter values only)
    pipe = make_pipeline("tfidf+chars+lexicon+rhetoric+readability", level="sentence").fit(texts, y)
    assert set(sio.get_untrusted_types(data=sio.dumps({"pipeline": pipe}))) == set(TRUSTED_TYPES)


class Gadget:
    """A class no framing model contains: its presence must stop loading."""

    def __init__(self):
        self.x = 1


def test_refuses_unsafe_and_foreign_files(toy_model, tmp_path):
    """A file with an untrusted type, a non-skops file and a skops file that is not a framing model are all refused before loading."""
    evil = tmp_path / "evil.skops"
    sio.dump({"format": "framing-classifier", "format_version": 1, "pipeline": toy_model.pipeline, "card": "{}", "x": Gadget()}, evil)
    with pytest.raises(UntrustedModelError, match=r"untrusted|does not trust.*test_model.Gadget"):
        load_classifier(evil)
    junk = tmp_path / "junk.skops"
    junk.write_bytes(b"\x80\x04not a zip file at all")
    with pytest.raises(UntrustedModelError, match="not a skops model file"):
        load_classifier(junk)
    other = tmp_path / "other.skops"
    sio.dump({"some": "dict"}, other)
    with pytest.raises(UntrustedModelError, match="not a framing classifier"):
        load_classifier(other)
    with pytest.raises(OptionError, match="never True"):
        load_classifier(evil, trusted=True)
    with pytest.raises(InputError, match="no such model file"):
        load_classifier(tmp_path / "missing.skops")


def test_refuses_a_model_whose_token_pattern_could_backtrack(toy_model, tmp_path):
    """A model file of trusted types whose TfidfVectorizer carries a catastrophic token_pattern
    ('(a+)+$') is refused by name before the pattern ever runs; the same file with the default
    pattern loads."""
    import copy

    from sklearn.feature_extraction.text import TfidfVectorizer

    pipe = copy.deepcopy(toy_model.pipeline)
    vectorizers = [est for _, est in _walk_steps(pipe) if isinstance(est, TfidfVectorizer)]
    assert vectorizers, "the toy model has a TfidfVectorizer"
    payload = {"format": "framing-classifier", "format_version": 1, "pipeline": pipe, "card": "{}"}
    sio.dump(payload, tmp_path / "plain.skops")
    assert load_classifier(tmp_path / "plain.skops").classes == toy_model.classes
    vectorizers[0].token_pattern = "(a+)+$"
    sio.dump(payload, tmp_path / "redos.skops")
    with pytest.raises(UntrustedModelError, match=r"TfidfVectorizer\.token_pattern is the regular expression '\(a\+\)\+\$'"):
        load_classifier(tmp_path / "redos.skops")


def _walk_steps(est):  # type: ignore[no-untyped-def]
    """(name, estimator) for every estimator nested in a pipeline, feature union or column transformer."""
    for name, value in est.get_params(deep=True).items():
        if hasattr(value, "get_params"):
            yield name, value


def _with_old_module_names(blob: bytes) -> bytes:
    """A skops file whose schema names our classes by their module before the stage subpackages (framing.features)."""
    with zipfile.ZipFile(io.BytesIO(blob)) as zin:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as zout:
            for item in zin.infolist():
                data = zin.read(item.filename)
                if item.filename == "schema.json":
                    data = data.replace(b'"framing.ml.features"', b'"framing.features"')
                zout.writestr(item, data)
    return out.getvalue()


def test_loads_a_file_saved_before_the_stage_subpackages(toy_model, tmp_path):
    """A model file that names framing.features.LexiconVectorizer (the old module) loads and predicts as the original."""
    path = save_classifier(toy_model, tmp_path / "new.skops", card=False)
    old = tmp_path / "old.skops"
    old.write_bytes(_with_old_module_names(path.read_bytes()))
    schema = json.loads(zipfile.ZipFile(old).read("schema.json"))
    assert '"framing.features"' in json.dumps(schema) and '"framing.ml.features"' not in json.dumps(schema)
    assert {"framing.features.LexiconVectorizer", "framing.features.RhetoricFeatures"} <= set(sio.get_untrusted_types(file=old))
    loaded = load_classifier(old)
    texts, _ = toy_sentences(5, seed=4)
    np.testing.assert_array_equal(loaded.predict_proba(texts), toy_model.predict_proba(texts))
    assert loaded.cv == json.loads(json.dumps(toy_model.cv))
