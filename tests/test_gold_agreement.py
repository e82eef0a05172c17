"""Scoring one annotator against another (bench/validate_attribution.py), and the second
annotations in bench/gold/ (offsets only). The texts here are invented for the tests; the check of
the committed files needs the Article-Bias-Prediction articles in ../shared/data and skips without
them."""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]

TEXT = '“We will not back down,” Ana Ruiz said. Tom Baker disagreed. “It is a mistake,” he said.'


@pytest.fixture(scope="module")
def V() -> Iterator[ModuleType]:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import validate_attribution

        yield validate_attribution
    finally:
        sys.path.remove(str(ROOT / "bench"))


def _span(sub: str, nth: int = 0) -> list[int]:
    at = -1
    for _ in range(nth + 1):
        at = TEXT.index(sub, at + 1)
    return [at, at + len(sub)]


def _span_of(text: str, sub: str) -> list[int]:
    at = text.index(sub)
    return [at, at + len(sub)]


def _annotation(second_speaker: str) -> dict[str, object]:
    first = {"kind": "direct", "content": _span("“We will not back down,”"), "cue": _span("said"), "speaker": _span("Ana Ruiz"), "speaker_type": "person", "speaker_name_span": _span("Ana Ruiz")}
    second = {"kind": "direct", "content": _span("“It is a mistake,”"), "cue": _span("said", 1), "speaker": _span("he"), "speaker_type": "pronoun", "speaker_name_span": _span(second_speaker)}
    return {"id": "x", "attributions": [first, second]}


def test_an_annotation_agrees_with_itself_and_a_different_speaker_is_counted(V: ModuleType) -> None:
    gold = [_annotation("Tom Baker")]
    same = V.score_attributions(gold, V.annotations_as_predictions(gold, {"x": TEXT}), {"x": TEXT})
    assert (same["recall"], same["precision"], same["speaker_accuracy_matched"]) == (1.0, 1.0, 1.0)
    other = [_annotation("Ana Ruiz")]  # the second reader took "he" for Ana Ruiz
    diff = V.score_attributions(gold, V.annotations_as_predictions(other, {"x": TEXT}), {"x": TEXT})
    assert (diff["recall"], diff["precision"], diff["speaker_accuracy_matched"]) == (1.0, 1.0, 0.5)


def test_predictions_from_an_annotation_name_the_fullest_name_given(V: ModuleType) -> None:
    preds = V.annotations_as_predictions([_annotation("Tom Baker")], {"x": TEXT})["x"]["quotes"]
    assert [(q["kind"], q["speaker_name"], TEXT[q["speaker_start"] : q["speaker_end"]]) for q in preds] == [("direct", "Ana Ruiz", "Ana Ruiz"), ("direct", "Tom Baker", "he")]


def test_the_committed_second_annotations_fit_their_articles(V: ModuleType) -> None:
    if not V.DATA.is_file():
        pytest.skip(f"{V.DATA} is missing: the second annotations are offsets into those articles")
    for ann, path in V.SECOND_ANNOTATIONS.items():
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        first = {a["id"] for a in V.load_gold("attribution") if a["annotator"] == ann}
        assert rows and {r["id"] for r in rows} <= first  # the articles of the part it doubles
        texts, _ = V.load_texts({r["id"] for r in rows})
        assert V.check_gold(rows, texts) == []
        assert all(hashlib.sha256(texts[r["id"]].encode("utf-8")).hexdigest() == r["sha256"] for r in rows)
        assert all("text" not in r for r in rows)  # offsets only, never text


def test_a_described_speaker_is_right_when_it_names_the_source_or_no_one_where_none_is_named(V: ModuleType) -> None:
    text = "Acme Corp cut prices. “We did it for our customers,” the company said. “Prices will stay low,” the firm said."
    texts = {"y": text}
    first, second = _span_of(text, "“We did it for our customers,”"), _span_of(text, "“Prices will stay low,”")
    rows = [
        {"id": "y", "half": "tuning", "content": first, "speaker": _span_of(text, "the company"), "speaker_type": "organisation", "speaker_name_span": _span_of(text, "Acme Corp")},
        {"id": "y", "half": "unseen", "content": second, "speaker": _span_of(text, "the firm"), "speaker_type": "unnamed", "speaker_name_span": None},
    ]
    preds = {"y": {"quotes": [
        {"kind": "direct", "start": first[0], "end": first[1], "speaker": "acme", "speaker_name": "Acme Corp"},
        {"kind": "direct", "start": second[0], "end": second[1], "speaker": "acme", "speaker_name": "Acme Corp"},
    ]}}
    assert V.score_described(rows, preds, texts) == {"tuning": (1, 1), "unseen": (0, 1)}  # an actor where the article names none is wrong


def test_the_committed_described_speakers_fit_their_articles(V: ModuleType) -> None:
    if not V.DATA.is_file():
        pytest.skip(f"{V.DATA} is missing: the described-speaker set is offsets into those articles")
    rows = V.load_described()
    assert len(rows) == 120 and {r["half"] for r in rows} == {"tuning", "unseen"}
    gold_ids = {a["id"] for a in V.load_gold("attribution")}
    assert not {r["id"] for r in rows} & gold_ids  # articles outside the gold set
    texts, _ = V.load_texts({r["id"] for r in rows})
    for r in rows:
        text = texts[r["id"]]
        assert hashlib.sha256(text.encode("utf-8")).hexdigest() == r["sha256"]
        assert text[r["content"][0]] in "“\"" and r["content"][1] <= r["speaker"][0]
        assert (r["speaker_name_span"] is None) == (r["speaker_type"] in ("unnamed", "not_a_source"))
