"""Quotation marks in copied text (invented sentences)."""

from framing.text.quotes import find_quote_spans


def _quotes(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_quote_spans(text)]


def test_straight_double_mark_inside_a_word_is_an_apostrophe() -> None:
    t = '"I"m tired of waiting for the council," Dana Burton said. "We"ll see what happens."'
    assert _quotes(t) == ['"I"m tired of waiting for the council,"', '"We"ll see what happens."']


def test_paragraph_opened_with_single_mark_may_close_with_double() -> None:
    t = "The vote failed.\n\n'The council has done nothing in a year, I'm very disappointed,\" Burton said. \"There will be another vote,\" she said."
    assert _quotes(t) == ["'The council has done nothing in a year, I'm very disappointed,\"", '"There will be another vote,"']


def test_ordinary_marks_are_unchanged() -> None:
    t = 'He called the plan "reckless" and the Greens\' "alternative" a "fantasy".'
    assert _quotes(t) == ['"reckless"', '"alternative"', '"fantasy"']
    assert _quotes("'90s music was 'better', she said.") == []


def test_a_quotation_inside_a_quotation_closes_only_its_own_mark() -> None:
    """One closing mark is passed over per opening mark inside, not every one after it: the
    quotation after “drop off port” ends where it ends, and the next one is found."""
    text = (
        "“If Governor Carney thinks he is going to make Canada a “drop off port” for China, he is sorely mistaken,” Trump wrote.\n"
        "“If Canada makes a deal with China, it will be hit with a 100% tariff,” the president added."
    )
    found = [text[s.start : s.end] for s in find_quote_spans(text)]
    assert "“If Governor Carney thinks he is going to make Canada a “drop off port” for China, he is sorely mistaken,”" in found
    assert "“If Canada makes a deal with China, it will be hit with a 100% tariff,”" in found
    t = "A “b “c” d “e” f” g “h” i."
    assert [t[s.start : s.end] for s in find_quote_spans(t) if s.start == 2] == ["“b “c” d “e” f”"]
