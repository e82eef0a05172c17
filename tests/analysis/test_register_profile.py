"""The register profile (framing.analysis.register_profile): a safe JSON model, probabilities that
follow the register of texts we wrote to sound like each one, intervals from the article's own
sentences, verdicts withheld on short texts, and its place in articles.csv."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

import framing
from framing.analysis.register_profile import (
    MIN_WORDS,
    ProfileModel,
    load_profile_model,
    profile_prediction,
)
from framing.markers.lexicons import LexiconSet, load_default_lexicons
from framing.resources import model_dir
from framing.types import Article

# Illustrative texts written for these tests, each in the manner of one register (not real articles).
MARXIST = (
    "The strike at the port is a chapter in the class struggle that the ruling class cannot end by decree. "
    "Monopoly capital squeezes surplus value from the dockers while the imperialist war drive eats the wages of the working masses. "
    "Only the organised working class, conscious of its own interests, can break the grip of finance capital. "
    "The bourgeoisie and its parties offer nothing but austerity and war. "
    "Workers must build rank-and-file committees independent of the union bureaucracy, which collaborates with the bosses. "
    "The capitalist crisis deepens, and inter-imperialist rivalry over markets drives the great powers toward a new redivision of the world. "
    "Against the exploitation of labour, the toiling masses of every country have one answer: international socialist revolution. "
    "The comprador elites who serve foreign capital will not save the nation; the proletariat will. "
)
WIRE = (
    "WASHINGTON (Wire) - The Commerce Department said on Tuesday that retail sales rose 0.4% in March, "
    "slightly above the 0.3% rise economists polled had expected. "
    "Sales at car dealers fell 0.2%, the department said in a statement, while receipts at gasoline stations rose 1.1%. "
    "Officials said the figures would be revised next month. "
    "\"Consumers are still spending, but more slowly,\" said a senior economist at a bank in New York, who asked not to be named. "
    "The Federal Reserve is due to meet on Wednesday, according to its published calendar. "
    "Shares on Wall Street were little changed on Tuesday afternoon, and the dollar edged higher against the euro, traders said. "
    "The department will release figures for April on May 15, a spokeswoman said. "
    "Economists said a further rise in interest rates was unlikely before the summer, citing slower hiring in recent months. "
)
SHORT = "The ruling class fears the working class. Officials said on Tuesday that talks would resume."


def profile_of(text: str) -> dict:
    res = framing.analyze([Article(id="t", text=text, outlet="Test")], progress=False)[0]
    return res.register_profile


def test_shipped_model_is_plain_json_with_consistent_shapes():
    raw = json.loads((model_dir() / "register_profile.json").read_text(encoding="utf-8"))
    model = ProfileModel.from_dict(raw)
    assert model.classes == ("marxist", "state_diplomatic", "nationalist_populist", "wire_service")
    assert "registers.marxist" in model.categories and "rhetoric.loaded_language" in model.categories
    assert model.coef.shape == (4, len(model.categories) + len(model.style) + 1)
    # the card names its data and rebuild command
    card = (model_dir() / "register_profile.md").read_text(encoding="utf-8")
    assert "bench/train_register_profile.py" in card and "Article-Bias-Prediction" in card


def test_bad_model_numbers_are_refused():
    raw = load_profile_model().as_dict()  # type: ignore[union-attr]
    short = {**raw, "coef": raw["coef"][:2]}
    with pytest.raises(ValueError, match="shapes"):
        ProfileModel.from_dict(short)
    nan = {**raw, "intercept": [float("nan")] * 4}
    with pytest.raises(ValueError, match="finite"):
        ProfileModel.from_dict(nan)


@pytest.mark.parametrize(("text", "register"), [(MARXIST, "marxist"), (WIRE, "wire_service")])
def test_profile_follows_the_register_of_the_text(text: str, register: str):
    p = profile_of(text)
    assert max(p["proba"], key=p["proba"].get) == register
    assert abs(sum(p["proba"].values()) - 1) < 1e-3
    for c, v in p["proba"].items():
        assert p["low"][c] <= v + 1e-9 and v <= p["high"][c] + 1e-9


def test_marxist_text_scores_far_above_the_wire_text_on_marxist_and_below_on_wire():
    m, w = profile_of(MARXIST), profile_of(WIRE)
    assert m["proba"]["marxist"] > 0.5 > w["proba"]["marxist"]
    assert w["proba"]["wire_service"] > 0.5 > m["proba"]["wire_service"]


def test_short_text_gets_no_verdict():
    p = profile_of(SHORT)
    assert set(p["verdict"].values()) == {"not enough evidence"}
    assert p["label"] == "unclear"


def test_interval_narrows_as_the_same_text_grows():
    once, thrice = profile_of(MARXIST), profile_of(MARXIST * 3)
    width = lambda p: p["high"]["marxist"] - p["low"]["marxist"]  # noqa: E731
    assert width(thrice) < width(once)


def test_interval_is_reproducible():
    assert profile_of(WIRE) == profile_of(WIRE)


def test_other_lexicons_give_no_profile():
    only_registers = LexiconSet([lx for lx in load_default_lexicons() if lx.name == "registers"])
    res = framing.analyze([Article(id="t", text=WIRE)], lexicons=only_registers, progress=False)[0]
    assert res.register_profile is None


def test_profile_columns_in_the_article_table():
    results = framing.analyze([Article(id="a", text=MARXIST, outlet="A"), Article(id="b", text=WIRE, outlet="B")], progress=False)
    frame = results.to_frame()
    for col in ("register_profile", "register_profile.p_marxist", "register_profile.low_marxist", "register_profile.high_wire_service"):
        assert col in frame.columns
    assert not any(c.startswith("pred_") for c in frame.columns)  # not a classifier the user applied
    assert frame.loc[0, "register_profile.p_marxist"] > frame.loc[1, "register_profile.p_marxist"]


def test_profile_survives_the_jsonl_round_trip(tmp_path: Path):
    res = framing.analyze([Article(id="a", text=MARXIST, outlet="A")], progress=False)[0]
    back = type(res).from_dict(json.loads(json.dumps(res.to_dict())))
    assert back.register_profile == res.register_profile


def test_under_min_words_even_a_dense_text_is_withheld():
    text = " ".join(MARXIST.split()[: MIN_WORDS - 10])
    p = profile_of(text)
    assert set(p["verdict"].values()) == {"not enough evidence"}


def test_without_sentences_the_interval_is_the_point():
    res = framing.analyze([Article(id="a", text=WIRE)], progress=False)[0]
    p = profile_prediction(res.markers, res.article.text, n_words=res.n_words, n_outlet_words=res.n_outlet_words, n_sentences=res.n_sentences)
    assert p is not None
    assert np.allclose(list(p["low"].values()), list(p["proba"].values()))
    assert p["proba"] == res.register_profile["proba"]


def test_seeds_separate(politsturm_seed: Path, cnn_seed: Path):
    """The communist piece far above CNN on the Marxist register, CNN above it on wire style."""
    results = framing.analyze(framing.load([politsturm_seed, cnn_seed]), progress=False)
    by = {r.article.outlet: r.register_profile["proba"] for r in results}
    pol, cnn = by["Politsturm"], by["CNN"]
    assert pol["marxist"] > 3 * cnn["marxist"]
    assert cnn["wire_service"] > 3 * pol["wire_service"]


# A mainstream business report that uses one Marxist phrase ironically (written for this test).
IRONIC = WIRE + "On the airline's flights, the fight over lounge access has turned into a class war between business and first class. "


def test_a_register_phrase_counts_as_evidence_only_where_the_article_reads_as_the_register():
    from framing.analysis.register_profile import SUPPORT, is_register_evidence
    from framing.classroom.articles import find_flags
    from framing.report.highlight import highlight_segments

    wire, marxist = framing.analyze([Article(id="w", text=IRONIC, outlet="Wire"), Article(id="m", text=MARXIST, outlet="Paper")], progress=False)
    phrase = [m for m in wire.matches if m.lexicon == "registers" and m.category == "marxist"]
    assert phrase and all(m.voice == "outlet" for m in phrase)  # the lexicon finds it, in the outlet's own words
    assert wire.register_profile["proba"]["marxist"] < SUPPORT["marxist"]
    assert not any(is_register_evidence(m, wire.register_profile) for m in phrase)
    assert wire.markers["registers.marxist"]["count"] == len(phrase)  # still counted in the lexicon's own rate
    # the worksheet never asks students to circle it; the report outlines it and says why
    assert not [f for f in find_flags(wire, ("registers.marxist",))]
    segs = [s for para in highlight_segments(wire.article.text, wire.matches, {"registers.marxist": "#000"}, wire.register_profile) for s in para if s["cat"]]
    assert segs and all(s["quoted"] and "not shown as evidence" in s["title"] for s in segs)
    # in the socialist paper's text the same lexicon's phrases are the register's evidence
    assert marxist.register_profile["proba"]["marxist"] >= SUPPORT["marxist"]
    assert len(find_flags(marxist, ("registers.marxist",))) >= 5
    # wire formulas are the same formula in any outlet: never gated
    said = [m for m in marxist.matches if m.lexicon == "registers" and m.category == "wire_service"] + [m for m in wire.matches if m.category == "wire_service"]
    assert said and all(is_register_evidence(m, marxist.register_profile) for m in said)


def test_the_populist_register_needs_a_surer_profile_than_the_others():
    """A populist phrase is evidence only where the profile gives the register its higher
    threshold; at the same probability a Marxist phrase is evidence."""
    from framing.analysis.register_profile import SUPPORT, is_register_evidence
    from framing.types import Match

    assert SUPPORT["nationalist_populist"] > SUPPORT["marxist"] == SUPPORT["state_diplomatic"]
    between = (SUPPORT["marxist"] + SUPPORT["nationalist_populist"]) / 2
    profile = {"proba": {"marxist": between, "state_diplomatic": between, "nationalist_populist": between, "wire_service": 0.0}}
    populist = Match(lexicon="registers", lexicon_version="x", category="nationalist_populist", term="globalist*", start=0, end=9, sentence=0)
    marxist = Match(lexicon="registers", lexicon_version="x", category="marxist", term="US imperialism", start=0, end=14, sentence=0)
    assert is_register_evidence(marxist, profile)
    assert not is_register_evidence(populist, profile)
    sure = {"proba": dict(profile["proba"], nationalist_populist=SUPPORT["nationalist_populist"])}
    assert is_register_evidence(populist, sure)


def test_populist_scorer_gives_what_the_scikit_learn_pipeline_gives() -> None:
    """The plain-arithmetic populist classifier (no Pipeline machinery per article) equals the
    shipped pipeline's predict_proba on texts of every register, an empty text and unseen words."""
    from framing.analysis.register_profile import _populist_pipeline, linear_text_scorer

    pipe = _populist_pipeline()
    scorer = linear_text_scorer(pipe, "right_populist")
    assert scorer is not None
    k = list(pipe.classes_).index("right_populist")
    for text in (MARXIST, WIRE, MARXIST + WIRE, "", "zzzq xxqv", "The the THE the."):
        assert scorer(text) == pytest.approx(float(pipe.predict_proba([text])[0][k]), abs=1e-12), text[:40]


def test_populist_scorer_declines_other_pipeline_shapes() -> None:
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline

    from framing.analysis.register_profile import linear_text_scorer

    texts, labels = ["elites betray the people", "officials said on tuesday"] * 3, ["right_populist", "mainstream"] * 3
    counts = Pipeline([("features", FeatureUnion([("c", CountVectorizer())])), ("clf", LogisticRegression())]).fit(texts, labels)
    assert linear_text_scorer(counts, "right_populist") is None  # counts, not tf-idf
    bare = Pipeline([("tfidf", TfidfVectorizer()), ("clf", LogisticRegression())]).fit(texts, labels)
    assert linear_text_scorer(bare, "right_populist") is None  # no "features" union
    ok = Pipeline([("features", FeatureUnion([("t", TfidfVectorizer(sublinear_tf=True))])), ("clf", LogisticRegression())]).fit(texts, labels)
    scorer = linear_text_scorer(ok, "mainstream")  # the other class as the positive one
    assert scorer is not None
    assert scorer("the elites said") == pytest.approx(ok.predict_proba(["the elites said"])[0][0], abs=1e-12)


def test_sentence_style_counts_equal_counting_each_sentence() -> None:
    """Per-sentence style counts from one scan of the article are the counts of each sentence."""
    from framing.analysis.register_profile import _COUNTED, sentence_evidence, style_counts
    from framing.text.parse import parse
    from framing.voice.attribution import find_quotes
    from framing.voice.labels import voice_labels

    text = WIRE + " We said it! Did you? Monday, I said, our team says so. " + MARXIST
    doc = parse(text)
    ev = sentence_evidence(doc, voice_labels(doc, find_quotes(doc)), [], ())
    expected = [[style_counts(doc.text[s.start : s.end])[name] for name, _ in _COUNTED] for s in doc.sentences]
    assert ev.style.tolist() == expected
    assert ev.style.sum() > 10  # the sentences hold these words


def test_sentence_at_finds_the_sentence_of_a_character() -> None:
    from framing.text.parse import parse, sentence_at

    doc = parse("First one here. Second one here. Third.")
    for s in doc.sentences:
        assert sentence_at(doc, s.start) == s.index
        assert sentence_at(doc, s.end - 1) == s.index
    assert sentence_at(doc, -1) == -1
