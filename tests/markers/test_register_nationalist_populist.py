"""The nationalist / right-populist register of ``registers.toml`` (issue #17 parts 1 and 4).

Every sentence below is invented for these tests (illustrative, written by the project, not taken
from any article). They check the register's constructions that the 2026-12 revision added (labels
for opponents, China-hawk naming, 'Democrat' as an adjective) and the senses it leaves out (the verb
'woke', slogans named in quotation marks, wire copy's 'leftist' for foreign parties, the
misinformation sense of 'fake news').
"""

from __future__ import annotations

from pathlib import Path

import pytest

import framing
from framing.markers.lexicons import LexiconSet, load_lexicon
from framing.text.segment import segment

REGISTERS = Path(__file__).resolve().parents[2] / "lexicons" / "registers.toml"
CAT = "nationalist_populist"


@pytest.fixture(scope="module")
def lexset() -> LexiconSet:
    return LexiconSet([load_lexicon(REGISTERS)])


def terms(lexset: LexiconSet, text: str) -> list[str]:
    return [m.term for m in lexset.match(segment(text)) if m.category == CAT]


# Illustrative sentences (invented): the register's own constructions.
@pytest.mark.parametrize(
    ("sentence", "term"),
    [
        ("The leftists in Congress will never admit it.", "leftist*"),
        ("Radical leftists are running the party now.", "leftist*"),
        ("Democrat voters were promised free health care.", "Democrat voters"),
        ("The Democrat-led committee buried the report.", "Democrat-led"),
        ("Woke prosecutors keep letting criminals walk.", "woke"),
        ("The CCP is waging economic war on America.", "CCP"),
        ("The communist regime in Beijing lies about everything.", "communist regime"),
        ("Families still pay for the Biden-Harris regime's spending.", "Biden-Harris regime"),
        ("The deep state will never let him govern.", "deep state"),
        ("America First means our workers come before foreign cartels.", "America First"),
        ("Bidenflation ate the family budget.", "Bidenflation"),
        ("The Fake News Media will not report this.", "fake news media"),
        ("The witch hunt against conservatives goes on.", "witch hunt"),
        ("Thousands of illegal aliens crossed last month.", "illegal alien*"),
        ("We will put America First.", "America First"),
    ],
)
def test_register_constructions_match(lexset: LexiconSet, sentence: str, term: str) -> None:
    assert term in terms(lexset, sentence)


# Illustrative sentences (invented): senses that are not the register.
@pytest.mark.parametrize(
    "sentence",
    [
        "He woke up early and drove to the plant.",
        "She woke to find the river had flooded the road.",
        'Trump called the inquiry a "witch hunt" on Friday.',
        "The president backed an “America First” trade policy, officials said.",
        "America First Policies, a super PAC, spent $2 million.",
        "The leftist president of Mexico met business leaders.",
        "Leftist rebels signed the ceasefire in Havana.",
        "Researchers counted the fake news sites that spread the hoax.",
        "Many mainstream media outlets covered the hearing live.",
        "The group backs pro-abortion-rights candidates.",
        "Lawfare’s editors parsed the ruling.",
        "Democrats need 23 seats to take back control of the House.",
        "The parties agreed on a “silent majority” slogan for the poster.",
    ],
)
def test_other_senses_do_not_match(lexset: LexiconSet, sentence: str) -> None:
    assert terms(lexset, sentence) == []


def test_entries_dropped_for_misleading_senses(lexset: LexiconSet) -> None:
    # Invented sentences: plain analytic uses that mainstream copy writes every day.
    assert terms(lexset, "Climate is, for now, the left's issue.") == []
    assert terms(lexset, "The will of the people is expressed in elections.") == []
    assert terms(lexset, "The summit was about the future of globalism.") == []
    # 1.2.0: entries judged mostly another sense in news copy (invented sentences).
    assert terms(lexset, "The militia was openly anti-American and armed.") == []
    assert terms(lexset, "The course surveys Western civilization from Athens to Rome.") == []
    assert terms(lexset, "The course surveys Western civilisation from Athens to Rome.") == []
    assert terms(lexset, "Congress has not yet voted money to build the wall.") == []
    assert terms(lexset, "The outsider ran against the Washington establishment.") == []
    assert terms(lexset, "The political class took years to catch up with voters.") == []
    assert terms(lexset, "The agency deported 300 criminal aliens last year.") == []
    assert terms(lexset, "Sociologists call the pattern chain migration.") == []
    assert terms(lexset, "The policy of catch and release ended in May.") == []
    assert terms(lexset, "The catch-and-release policy ended in May.") == []
    assert terms(lexset, "He wore a Make America Great Again hat to the golf club.") == []
    assert terms(lexset, "The Never Trumpers met in Washington.") == []
    # 1.2.1: entries judged not the register more often than the register over four rounds.
    assert terms(lexset, "Moderates are the silent majority of both parties, the survey found.") == []
    assert terms(lexset, "The comedian said cancel culture was a myth invented by his critics.") == []
    assert terms(lexset, "The election integrity group published a study of voter ID laws.") == []
    assert terms(lexset, "The panel debated whether anti-white bias exists in hiring.") == []
    assert terms(lexset, "Protesters called the doctor an abortionist.") == []
    # 1.2.2: entries outside the category's definition (abortion politics, a mocking verb, a metaphor).
    assert terms(lexset, "The pro-abortion caucus met on Tuesday.") == []
    assert terms(lexset, "The coach whined about the referee.") == []
    assert terms(lexset, "Health workers feared witch hunts against the sick.") == []


# Invented sentences: the exclusions added in 1.2.0.
@pytest.mark.parametrize(
    "sentence",
    [
        "An America First spokeswoman said the group would raise more.",
        "America First PAC spent heavily in Ohio.",
        "The America First super PAC bought airtime in Ohio.",
        "Officials saw themselves cast as members of a so-called deep state.",
        "Leftists and liberals disagreed about the welfare bill.",
        "Liberals and leftists disagreed about the welfare bill.",
    ],
)
def test_exclusions_added_in_1_2(lexset: LexiconSet, sentence: str) -> None:
    assert terms(lexset, sentence) == []


def test_seeds_still_separate(seeds_dir: Path) -> None:
    """The communist seed is far above the CNN analysis on the Marxist register, CNN above it on
    wire style, and neither reads as right-populist."""
    corpus = framing.load(seeds_dir)
    results = framing.analyze(corpus, lexicons=LexiconSet([load_lexicon(REGISTERS)]), gazetteer=None, sentiment=None, progress=False)
    rates = {r.article.outlet: {k.split(".", 1)[1]: v["rate"] for k, v in r.markers.items() if k.startswith("registers.")} for r in results}
    cnn = next(v for k, v in rates.items() if "CNN" in k)
    red = next(v for k, v in rates.items() if "Politsturm" in k)
    assert red["marxist"] > 5 * max(cnn["marxist"], 1.0)
    assert cnn["wire_service"] > red["wire_service"]
    assert red[CAT] == 0 and cnn[CAT] == 0
