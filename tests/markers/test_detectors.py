"""Scare quotes, rhetorical questions and direct quotes."""

from __future__ import annotations

from framing.markers.detectors import detect, quote_share
from framing.text.quotes import find_quote_spans
from framing.text.segment import segment


def cats(text: str) -> list[tuple[str, str]]:
    return [(m.category, text[m.start : m.end]) for m in detect(segment(text))]


def test_unattributed_short_quote_is_a_scare_quote() -> None:
    """A short quotation with no speaker is a scare quote."""
    text = "Washington is tightening control over “its” hemisphere."
    assert cats(text) == [("scare_quotes", "“its”")]


def test_attributed_short_quote_is_not_a_scare_quote() -> None:
    """A short quotation introduced by a quoting verb is attributed speech."""
    assert cats("The president called the talks “very dangerous.”") == []
    assert cats('"Never," she said.') == []


def test_long_quote_is_a_direct_quote_and_share_counts_its_words() -> None:
    """A quotation of five words or more is a direct quote; share is quoted words / all words."""
    text = "“We will keep our markets open to everyone,” the minister said."
    doc = segment(text)
    ms = detect(doc)
    assert [m.category for m in ms] == ["direct_quotes"]
    assert quote_share(doc, ms) == round(8 / 11, 4)


def test_rhetorical_question_only_in_the_writers_voice() -> None:
    """A question by the writer counts; a question inside a quotation does not."""
    text = "Whose side is Ottawa on? “How do we rebalance trade with them?” he asked."
    assert cats(text) == [("rhetorical_questions", "Whose side is Ottawa on?"), ("direct_quotes", "“How do we rebalance trade with them?”")]


def test_quotes_spanning_sentences_and_paragraphs() -> None:
    """A quote that spans sentences is one span; a re-opened paragraph continues it."""
    text = "“One sentence. Two sentences.” Then:\n\n“First paragraph.\n\n“Second paragraph,” she said."
    spans = [s.inner(text) for s in find_quote_spans(text)]
    assert spans == ["One sentence. Two sentences.", "First paragraph.\n\n“Second paragraph,"]


def test_apostrophes_are_not_quotes() -> None:
    """Apostrophes in Canada’s or don’t never open a quotation."""
    assert find_quote_spans("Canada’s allies don’t agree; ‘partners’ they are not.") and [
        s.inner("Canada’s allies don’t agree; ‘partners’ they are not.")
        for s in find_quote_spans("Canada’s allies don’t agree; ‘partners’ they are not.")
    ] == ["partners"]


def test_unclosed_quote_ends_with_its_paragraph() -> None:
    """An unclosed quotation mark does not swallow the following paragraphs."""
    text = "He said “this never closes.\n\nA new paragraph."
    (span,) = find_quote_spans(text)
    assert span.inner(text) == "this never closes."
