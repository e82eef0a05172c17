"""The learned ranker that picks who "he" or "she" is when a pronoun speaks
(:mod:`framing.actors.speaker_ranker`). Texts are invented for the tests."""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

import framing.actors.mentions as mentions_module
from framing.actors.gazetteer import Gazetteer
from framing.actors.mentions import find_mentions, link_speakers, speaker_candidates
from framing.actors.speaker_ranker import FEATURES, MODEL_FILE, load_model, rank, score
from framing.analysis.article import default_gazetteer
from framing.text.parse import parse
from framing.types import ActorMention, Quote
from framing.voice import find_quotes

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def shipped() -> Gazetteer:
    return default_gazetteer()


def speakers(text: str, gazetteer: Gazetteer, **kw: object) -> list[tuple[str, str | None]]:
    doc = parse(text)
    qs = link_speakers(doc, find_quotes(doc), find_mentions(doc, gazetteer), gazetteer, **kw)  # type: ignore[arg-type]
    return [(text[q.start : q.end], q.speaker_name) for q in qs if q.kind == "direct"]


def test_the_shipped_model_is_plain_numbers_for_the_current_features() -> None:
    raw = resources.files("framing.models").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    data = json.loads(raw)  # plain JSON: loading it runs no code
    assert data["features"] == list(FEATURES)
    assert len(data["weights"]) == len(FEATURES) and all(isinstance(w, float) for w in data["weights"])
    model = load_model()
    assert model is not None
    zero = score({}, model)
    assert 0.0 <= zero <= 1.0
    # the person last referred to in this sentence, as its subject, is a better candidate than one
    # named six sentences ago inside a quotation
    near = {"last_any_0": 1.0, "last_named_0": 1.0, "rank_0": 1.0, "last_is_subject": 1.0, "subject_in_this_sentence": 1.0, "gender_agrees": 1.0}
    far = {"last_any_6+": 1.0, "last_named_6+": 1.0, "rank_3+": 1.0, "last_in_quotation": 1.0, "all_in_quotation": 1.0}
    assert score(near, model) > score(far, model)


def test_a_person_of_the_other_gender_is_never_picked_when_someone_fits() -> None:
    model = load_model()
    assert model is not None
    him = ActorMention("candidate:tom-baker", "Tom Baker", "person", "candidate", 0, 9, 0, 1)
    her = ActorMention("candidate:maria-lopez", "Maria Lopez", "person", "candidate", 20, 31, 0, 5)
    best_features = {"last_any_0": 1.0, "last_named_0": 1.0, "rank_0": 1.0, "last_is_subject": 1.0, "is_last_speaker": 1.0, "gender_conflicts": 1.0}
    weak_features = {"last_any_6+": 1.0, "last_named_6+": 1.0, "rank_3+": 1.0, "gender_agrees": 1.0}
    assert rank([(him, best_features), (her, weak_features)], model)[0][0] is her
    assert rank([(him, best_features)], model)[0][0] is him  # nobody else: the conflict does not empty the list


def test_she_is_the_woman_who_was_the_subject_not_the_man_in_the_object(shipped: Gazetteer) -> None:
    text = (
        "Mayor Linda Okafor met union leader Tom Baker at city hall on Monday.\n\n"
        "Okafor later told reporters the talks had gone well.\n\n"
        "“We are closer than we have been in months,” she said."
    )
    assert speakers(text, shipped)[-1] == ("“We are closer than we have been in months,”", "Linda Okafor")


def test_he_goes_on_being_the_source_quoted_just_before(shipped: Gazetteer) -> None:
    text = (
        "“The deal is done,” said Daniel Reyes, a trade negotiator, on Tuesday.\n\n"
        "Officials in Ottawa declined to comment on the talks with Beijing.\n\n"
        "“We expect the first shipments in spring,” he said."
    )
    assert speakers(text, shipped)[-1] == ("“We expect the first shipments in spring,”", "Daniel Reyes")


def test_without_the_model_the_rules_decide_and_a_trace_lists_the_candidates(shipped: Gazetteer, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Sen. Dana Whitfield spoke to farmers in Iowa on Friday.\n\n“Tariffs are a tax on you,” she said."
    monkeypatch.setattr(mentions_module, "load_ranker", lambda: None)
    trace: list[tuple[Quote, list[tuple[ActorMention, dict[str, float]]], ActorMention | None]] = []
    assert speakers(text, shipped, trace=trace) == [("“Tariffs are a tax on you,”", "Dana Whitfield")]
    ((_q, cands, rule),) = trace
    assert [m.name for m, _ in cands] == ["Dana Whitfield"] and rule is not None and rule.name == "Dana Whitfield"
    assert cands[0][1]["gender_agrees"] == 1.0 and cands[0][1]["rank_0"] == 1.0 and cands[0][1]["last_is_subject"] == 1.0


def test_candidates_are_people_referred_to_before_the_quotation_only(shipped: Gazetteer) -> None:
    text = (
        "Maria Lopez chaired the hearing. Tom Baker testified first.\n\n"
        "“We cannot wait,” he said, as Ana Ruiz looked on."
    )
    doc = parse(text)
    ms = find_mentions(doc, shipped)
    (q,) = [q for q in find_quotes(doc) if q.kind == "direct"]
    names = [m.name for m, _ in speaker_candidates(doc, q, [], None, ms, lambda m: None, [(q.start, q.end)])]
    assert names == ["Tom Baker", "Maria Lopez"]  # most recent first; Ana Ruiz comes after the speaker


def test_training_learns_which_feature_marks_the_speaker() -> None:
    """bench/train_speaker_ranker.py's conditional logit, on invented instances where the person who
    was the subject just before speaks unless they are named only inside a quotation: the weights
    it learns pick the right candidate in new instances, and :func:`rank` runs them as trained."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from train_speaker_ranker import fit, picks_right
    finally:
        sys.path.remove(str(ROOT / "bench"))
    rng = np.random.default_rng(0)
    subj, quoted = FEATURES.index("subject_prev_sentence"), FEATURES.index("all_in_quotation")

    def instance() -> dict[str, object]:
        X = rng.integers(0, 2, size=(4, len(FEATURES))).astype(float)
        X[:, FEATURES.index("gender_conflicts")] = 0
        score = X[:, subj] * 2 - X[:, quoted] * 3 + rng.random(4)
        y = [int(k == int(np.argmax(score))) for k in range(4)]
        return {"X": X.tolist(), "y": y}

    model = fit([instance() for _ in range(300)])
    weights = dict(zip(model["features"], model["weights"], strict=True))
    assert weights["subject_prev_sentence"] > 0.5 and weights["all_in_quotation"] < -0.5
    right = picks_right(model, [instance() for _ in range(200)])
    assert sum(right) / len(right) > 0.6  # chance is 0.25; ties between candidates with the same two features are coin flips
