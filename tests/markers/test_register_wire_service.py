"""The wire-service register (issue #17): agency datelines and credits, inverted and sentence-final
attribution, anonymous sourcing and the comment ritual match; the misleading senses do not.

Every sentence here is illustrative and written for these tests (no text from any outlet).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.markers.lexicons import LexiconSet, load_lexicon
from framing.text.segment import segment

REGISTERS = Path(__file__).resolve().parents[2] / "lexicons" / "registers.toml"


@pytest.fixture(scope="module")
def lexset() -> LexiconSet:
    return LexiconSet([load_lexicon(REGISTERS)])


def wire_terms(lexset: LexiconSet, text: str) -> list[str]:
    return [m.term for m in lexset.match(segment(text)) if m.category == "wire_service"]


@pytest.mark.parametrize(
    ("text", "term"),
    [
        # datelines and credits (illustrative)
        ("LISBON (AP) — The city council voted to close the old bridge.", "(AP)"),
        ("OSLO (Reuters) - The ferry operator cut its forecast.", "(Reuters)"),
        ("(Bloomberg) -- A chip maker priced its shares above the range.", "(Bloomberg)"),
        ("Nov. 3 (UPI) -- Rail freight volumes fell in October.", "(UPI)"),
        ("Workers clear debris in the harbour. (AP Photo/Jane Roe)", "AP Photo"),
        ("Firefighters at the scene. REUTERS/John Doe", "REUTERS /"),
        ("A crowd outside parliament. Photo: Jane Roe/AFP via Getty Images", "/ AFP"),
        ("Jane Roe in Lisbon contributed reporting.", "contributed reporting"),
        ("Additional reporting by John Doe; Editing by Jane Roe", "Additional reporting by"),
        ("The Associated Press has not called the race.", "Associated Press"),
        # attribution formulas in the outlet's own voice
        ("WASHINGTON — The Senate passed the measure late on Friday.", "WASHINGTON"),
        ("A crane at the port. Photographer: Jane Roe/Bloomberg", "/ Bloomberg"),
        ("The bridge will reopen in May, said the mayor, who toured the site.", ", said"),
        ("The plant will close, said Ana Silva, a spokeswoman for the company.", ", a spokes*"),
        ("The deal was signed late at night, according to two people who were present.", "according to two people"),
        ("The fund is weighing a sale, a person familiar with the talks said.", "person familiar with"),
        ("The port operator has not answered requests for comment.", "requests for comment"),
        ("The minister declined to say when the vote would be held.", "declined to say"),
        ("It was unclear how many people had left the area.", "it was unclear"),
        ("The index rose 2.1% from a year earlier.", "a year earlier"),
        ("Critics say the plan would raise fares.", "critics say"),
        ("The company announced the recall in a post, tweeting without elaborating.", "without elaborating"),
    ],
)
def test_wire_constructions_match(lexset: LexiconSet, text: str, term: str) -> None:
    assert term in wire_terms(lexset, text)


@pytest.mark.parametrize(
    "text",
    [
        # the capital in capitals is a dateline, not a state agency's 'CITY, date' line or a paper's name
        "WASHINGTON, May 4 (Agency) -- Officials met again.",
        "ROBERT ROE [THE WASHINGTON POST]: This makes them squirm.",
        # the bare verb and a weekday on their own are not the register
        "Nobody said anything about the weather on Tuesday evening.",
        # dateline terms are case-sensitive: an ordinary word in brackets is not an agency tag
        "The wording (ap) was a typo in the draft.",
    ],
)
def test_misleading_senses_do_not_match(lexset: LexiconSet, text: str) -> None:
    assert wire_terms(lexset, text) == []


@pytest.mark.parametrize(
    "text",
    [
        # removed because opinion and state-media copy used them as much as wire copy (illustrative)
        "That is exactly what the senator said.",
        "As the columnist pointed out, the budget is late.",
        "At a daily briefing, the spokesperson repeated the position.",
        "The press secretary took questions.",
    ],
)
def test_removed_entries_no_longer_match(lexset: LexiconSet, text: str) -> None:
    assert wire_terms(lexset, text) == []
