"""The Marxist / anti-imperialist register (issue #17): key constructions match, misleading senses do not.

Every sentence below is an illustrative sentence written for these tests (no outlet's text). The
lexicon entries were chosen from counts in real texts kept outside the repository; the evidence per
entry is in ``lexicons/evidence/registers/marxist.jsonl``.
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


def marxist_terms(lexset: LexiconSet, text: str) -> list[str]:
    return [m.term for m in lexset.match(segment(text)) if m.category == "marxist" and not m.negated]


@pytest.mark.parametrize(
    ("sentence", "term"),
    [
        # illustrative sentences, written for this test
        ("The capitalist governments of Europe are cutting pensions to pay for tanks.", "capitalist government*"),
        ("Prices rise because the capitalists want bigger margins.", "the capitalists"),
        ("Ministers and the bosses say nurses must accept another pay cut.", "and the bosses"),
        ("Thousands of labour movement activists marched on the conference.", "labour movement"),
        ("The paper called on workers and youth to join the walkout.", "workers and youth"),
        ("The dock strike became one of the decisive class battles of the year.", "class battle*"),
        ("The budget is another chapter in the decline of British capitalism.", "British capitalism"),
        ("The rival powers are preparing to redivide the world's markets.", "redivide"),
        ("The populist wing of the bourgeoisie has no answer to the crisis.", "bourgeoisie"),
        ("The working class must answer the war drive with its own programme.", "the working class must"),
        ("Strikes across three continents show the power of the international working class.", "international working class"),
        ("The budget is one more attack on the working class.", "attack on the working class"),
        ("The paper called for the mobilization of the working class against the war.", "mobilization of the working class"),
        ("Sanctions are a weapon of US imperialism against the region.", "US imperialism"),
        ("The paper opposes U.S. imperialism in Latin America.", "U.S. imperialism"),
        ("Imperialism and war go together, the leaflet says.", "imperialism and war"),
        ("The imperialist powers are arming both sides.", "imperialist"),
        ("The rally condemned the imperialist-backed coup.", "imperialist"),
        ("The Western imperialists back the occupation.", "Western imperialists"),
        ("The capitalist media ignored the march.", "capitalist media"),
        ("Bankers and capitalists cheered the budget.", "bankers and capitalists"),
        ("The recession haunts the British ruling class.", "British ruling class"),
        ("Their strike is a fight against the ruling class.", "against the ruling class"),
        ("The war exposes the brutality of the capitalist system.", "brutality of the capitalist system"),
        ("The paper calls for the overthrow of the capitalist system.", "overthrow of the capitalist system"),
    ],
)
def test_register_constructions_match(lexset: LexiconSet, sentence: str, term: str) -> None:
    assert term in marxist_terms(lexset, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # illustrative sentences, written for this test: neutral or demographic senses
        "The startup raised money from a venture capitalist in Austin.",
        "Venture capitalists poured money into battery makers last year.",
        "Polls show the white working class drifting away from the party.",
        "The campaign is courting working class voters in Ohio and Michigan.",
        "The senator says she grew up in a working class neighborhood.",
        "Iran seeks regional hegemony, the admiral told the committee.",
        "The police militarization debate returned after the protests.",
        "The café serves a bourgeois brunch to the blue bourgeoisie of the suburbs.",
        "The labor movement backed the governor's re-election.",
        "He says he is a capitalist and proud of it.",
        "Anti-capitalist protesters blocked the bridge for an hour.",
        # 1.2.0: the bare words in their mainstream senses (invented sentences)
        "The candidate says his trade policy will help the working class.",
        "Voters in the rural working classes swung to the right.",
        "The historian traced the rise of European imperialism in Africa.",
        "Critics called the ruling a kind of free-speech imperialism.",
        "Free-market capitalists should fund the clinic, the columnist wrote.",
        "She calls herself a capitalist to her bones.",
        "Socialism means state control of the means of production, the professor said.",
        "The DSA candidates quote Roosevelt rather than Karl Marx.",
        # exclusions added in 1.2.0 (invented sentences)
        "Kyiv warns of a Russian imperialist project in the region.",
        "British imperialists mapped the river in the 1850s.",
        "The minister accused Russian imperialists of rewriting history.",
        # second pass of 1.2.0: other senses and exclusions (invented sentences)
        "The columnist mocked the orthodoxy of America's ruling class.",
        "Crowds chanted slogans against the foreign imperialists, state television showed.",
        "The agency bosses told staff to cut travel.",
        "Workers have real power in a capitalist system, the economist argued.",
        "The proletariat has a new hero, the comedian joked.",
        "The for-profit system adds costs to every hospital bill.",
        "Oil firms announced big capital budget reductions.",
        "The artists set out to épater la bourgeoisie.",
        "The authors want to save capitalism from the capitalists.",
    ],
)
def test_misleading_senses_do_not_count(lexset: LexiconSet, sentence: str) -> None:
    assert marxist_terms(lexset, sentence) == []


def test_seeds_still_separate(politsturm_seed: Path, cnn_seed: Path) -> None:
    """The communist outlet's piece is far above the CNN analysis on the Marxist register, and CNN
    is above it on wire style (rates per 1,000 words over the whole text)."""
    lexset = LexiconSet([load_lexicon(REGISTERS)])

    def rate(path: Path, category: str) -> float:
        text = path.read_text(encoding="utf-8")
        n = sum(1 for m in lexset.match(segment(text)) if m.category == category and not m.negated)
        return 1000 * n / max(len(text.split()), 1)

    assert rate(politsturm_seed, "marxist") > 3 * rate(cnn_seed, "marxist")
    assert rate(politsturm_seed, "marxist") > 1.0
    assert rate(cnn_seed, "wire_service") > rate(politsturm_seed, "wire_service")
