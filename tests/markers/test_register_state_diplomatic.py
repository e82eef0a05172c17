"""The state-media diplomatic register (``registers.state_diplomatic``), issue #17.

Every sentence below was written for these tests to illustrate a construction; none is quoted
from an article. The first group checks that set phrases of Russian and Chinese state media are
found; the second that ordinary English uses of words the register also uses are not counted.
"""

from __future__ import annotations

import pytest

from framing.markers.lexicons import LexiconSet, load_lexicon
from framing.text.segment import segment


@pytest.fixture(scope="module")
def registers() -> LexiconSet:
    return LexiconSet([load_lexicon("registers")])


def state_terms(lexicons: LexiconSet, text: str) -> list[str]:
    return [m.term for m in lexicons.match(segment(text)) if m.category == "state_diplomatic"]


# Illustrative sentences in the register, with the entry each should trigger.
REGISTER = [
    ("Kiev and its Western sponsors bear full responsibility for the escalation.", "Western sponsors"),
    ("The ministry said Kiev acts at the behest of external curators.", "external curators"),
    ("The Zelensky regime has once again rejected every peace initiative.", "Zelensky regime"),
    ("Moscow will not tolerate the crimes of the neo-Nazi regime.", "neo-Nazi regime"),
    ("Saboteurs from Anglo-Saxon special services planned the attack, the agency said.", "Anglo-Saxon special services"),
    ("Brussels is gripped by anti-Russian hysteria, the commentator wrote.", "anti-Russian hysteria"),
    ("The West has declared a hybrid war against our country.", "hybrid war against"),
    ("The golden billion no longer decides the fate of the world.", "golden billion"),
    ("Washington and its satellites are trying to reverse the course of history.", "Washington and its satellites"),
    ("A multipolar world order is taking shape before our eyes.", "multipolar world order"),
    ("The talks must address the root causes of the conflict.", "root causes of the conflict"),
    ("Member of the Political Bureau of the CPC Central Committee Wang Yi will attend.", "CPC Central Committee"),
    ("China practises true multilateralism and opposes bloc confrontation.", "true multilateralism"),
    ("Philippine vessels illegally intruded into the waters near Huangyan Dao.", "illegally intrud*"),
    ("China has indisputable sovereignty over the islands.", "indisputable sovereignty"),
    ("Manila's provocations come at the instigation of the United States.", "at the instigation of the United States"),
    ("Such tariff bullying harms the whole world.", "tariff bullying"),
    ("Anti-China forces have hyped up the so-called China threat.", "so-called China threat"),
    ("The US and Taiwan cannot start a new game over Taiwan question.", "Taiwan question"),
    ("The Chinese side firmly opposes the arms sale.", "side firmly opposes"),
]


@pytest.mark.parametrize(("sentence", "term"), REGISTER)
def test_register_constructions_are_found(registers: LexiconSet, sentence: str, term: str) -> None:
    assert term in state_terms(registers, sentence)


# Illustrative sentences of ordinary news English that must not count for the register.
ORDINARY = [
    "The militants of the so-called Islamic State retreated from the town.",
    "The senator called the allegations a smear campaign by his rivals.",
    "Citizens who travel to certain countries need a visa.",
    "He firmly opposes amnesty for people who entered illegally.",
    "A small circle of advisers drafted the plan.",
    "Critics say there is a double standard for women in politics.",
    "A co-chair of the Congressional Progressive Caucus (CPC) spoke first.",
    "He said there are core interests at stake for the United States.",
    "The peaceful reunification association opened a new chapter in the city.",
    "The economy is exposed to external forces such as oil prices.",
    "So far, the relationship has proved mutually beneficial.",
    "The decision was taken at the instigation of the committee chair.",
    "Voters registered strong dissatisfaction with the incumbent.",
    "Analysts expect a more multipolar world in the coming decade.",
]


@pytest.mark.parametrize("sentence", ORDINARY)
def test_ordinary_senses_are_not_counted(registers: LexiconSet, sentence: str) -> None:
    assert state_terms(registers, sentence) == []


def test_seeds_still_separate(politsturm_seed, cnn_seed) -> None:  # type: ignore[no-untyped-def]
    """The communist seed stays far above the CNN analysis on the Marxist register and below it
    on wire style (the register lexicon as a whole must not blur the two)."""
    import framing

    frame = framing.analyze(framing.load([politsturm_seed, cnn_seed])).to_frame()
    by_outlet = frame.set_index("outlet")
    assert by_outlet.loc["Politsturm", "registers.marxist.rate"] > 3 * max(by_outlet.loc["CNN", "registers.marxist.rate"], 1.0)
    assert by_outlet.loc["CNN", "registers.wire_service.rate"] > by_outlet.loc["Politsturm", "registers.wire_service.rate"]
