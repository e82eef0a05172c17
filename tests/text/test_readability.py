"""Readability measures: plausible values, None where undefined, and no downloads ever."""

from __future__ import annotations

import math

import nltk
import pytest

import framing.resources as resources
from framing.text.readability import MEASURES, readability
from framing.text.segment import segment

SIMPLE = (
    "The dog ran to the park. It saw a red ball. The boy threw the ball. "
    "The dog ran fast. It was a good day. They went home at six."
)
HARDER = (
    "Notwithstanding considerable institutional resistance, the administration's comprehensive "
    "infrastructure modernisation programme, which encompasses transportation, telecommunications "
    "and environmental remediation, was ultimately authorised by an overwhelming parliamentary majority. "
    "Independent economists subsequently characterised the legislation as an unprecedented "
    "intergovernmental commitment, although several municipalities expressed apprehension regarding "
    "implementation responsibilities and administrative accountability."
)


def test_measures_finite_and_plausible():
    """Every measure of a short plain text is a finite number in a plausible range."""
    r = readability(segment(SIMPLE))
    assert set(r) == set(MEASURES)
    for name, value in r.items():
        assert isinstance(value, float), name
        assert math.isfinite(value), name
    assert 70 <= r["flesch_reading_ease"] <= 121
    for grade in ("flesch_kincaid_grade", "gunning_fog", "smog_index", "coleman_liau_index", "automated_readability_index"):
        assert -5 <= r[grade] <= 10, grade
    assert 0 <= r["dale_chall"] <= 12


def test_words_per_sentence_uses_segment_counts():
    """words_per_sentence is the segmenter's word count over its sentence count."""
    doc = segment(SIMPLE)
    r = readability(doc)
    assert len(doc.sentences) == 6
    assert r["words_per_sentence"] == round(doc.n_words / len(doc.sentences), 2) == 5.0


def test_harder_text_scores_harder():
    """Long sentences of long words score as harder than short plain ones on every measure."""
    easy = readability(segment(SIMPLE))
    hard = readability(segment(HARDER))
    assert hard["flesch_reading_ease"] < easy["flesch_reading_ease"]
    for grade in ("flesch_kincaid_grade", "gunning_fog", "coleman_liau_index", "automated_readability_index", "dale_chall", "words_per_sentence"):
        assert hard[grade] > easy[grade], grade
    assert hard["flesch_kincaid_grade"] > 12


@pytest.mark.parametrize("text", ["", "   \n\n ", "... !!! ?", "— – •"])
def test_empty_text_gives_all_none(text):
    """A text with no words has every measure None."""
    assert readability(segment(text)) == dict.fromkeys(MEASURES)


def test_smog_needs_three_sentences():
    """SMOG is None below three sentences while the other measures are defined."""
    r = readability(segment("The dog ran to the park. It saw a red ball."))
    assert r["smog_index"] is None
    assert r["flesch_reading_ease"] is not None and r["words_per_sentence"] == 5.5


def test_works_offline_without_nltk_data(monkeypatch):
    """With nltk.download raising and no NLTK data found, segmentation and readability still work."""
    calls: list[tuple] = []

    def no_download(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(args)
        raise AssertionError(f"nltk.download called with {args}: the toolkit must never download")

    def no_data(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise LookupError(f"NLTK data not available in this test: {args}")

    monkeypatch.setattr(nltk, "download", no_download)
    monkeypatch.setattr(nltk.data, "find", no_data)
    monkeypatch.setattr(nltk.data, "load", no_data)
    # re-apply the offline patch from scratch, as in a fresh process
    resources.patch_textstat_offline.cache_clear()
    r = readability(segment(SIMPLE + " Unusualwordz appear sometimes."))
    assert calls == []
    assert all(v is not None and math.isfinite(v) for v in r.values())
    # the syllable counts come from the packaged CMU dictionary
    assert resources.cmu_dictionary()["park"]
