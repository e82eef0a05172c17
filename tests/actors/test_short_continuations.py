"""A whole sentence quoted in a few words after a source's quotation ("“It's over,” Lopez said.
“We lost.”") is that source's quotation; a short quoted phrase with no source is not. Texts are
invented for the tests."""

from __future__ import annotations

from framing.text.parse import parse
from framing.voice import find_quotes


def found(text: str) -> list[tuple[str, str, str | None]]:
    return [(q.kind, text[q.start : q.end], q.speaker_text) for q in find_quotes(parse(text))]


def test_a_short_sentence_continues_the_quotation_before() -> None:
    text = "“It's over,” Lopez told Reuters in an interview. “We lost.”\n\nThe council adjourned."
    assert found(text) == [("direct", "“It's over,”", "Lopez"), ("direct", "“We lost.”", "Lopez")]


def test_a_short_quotation_alone_or_far_from_a_source_is_not_a_quotation() -> None:
    # a chanted slogan that no source is said to have said, and a short sentence two paragraphs on
    assert found("The crowd waved flags. “Lock her up.” The rally ended at nine.\n\nPolice counted 400 people.") == []
    far = "“It's over,” Lopez said.\n\nThe council then voted on the budget for next year and adjourned early.\n\n“We lost.”"
    assert found(far) == [("direct", "“It's over,”", "Lopez")]


def test_text_between_two_quotations_is_not_a_short_quotation() -> None:
    # straight quotation marks paired the wrong way round would make '" -- which Carson said "' a quotation
    text = 'He called the plan "a disaster" -- which Carson said "was never the point." Nobody replied.'
    assert all("which Carson said" not in span for _, span, _ in found(text))


def test_an_utterance_that_opens_its_sentence_is_a_direct_quotation() -> None:
    """“There will be no deal,” one diplomat said; “Not me,” he answered: the source's whole
    utterance, not a fragment inside the writer's sentence."""
    assert found("Officials were blunt. “There will be no deal,” one EU diplomat said.\n\nNext.")[0][0] == "direct"
    assert found("“Not me,” he answered.\n\nNext.")[0][0] == "direct"
    # a fragment inside the writer's own sentence stays partial
    assert found("He called the talks “very dangerous,” and left.\n\nNext.")[0][0] == "partial"
    assert found("“Very dangerous” was how he described the talks.\n\nNext.")[0][0] == "partial"
