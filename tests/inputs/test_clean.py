"""Page-debris removal and metadata recovery on the seeds and the example corpus, and front matter."""

from __future__ import annotations

import pytest

import framing
from framing.inputs.clean import clean_text, parse_front_matter

# ---------------------------------------------------------------------------------------------
# The real seeds (read at run time from ../shared/seeds; skipped when absent)


@pytest.fixture(scope="module")
def politsturm(politsturm_seed):  # type: ignore[no-untyped-def]
    corpus = framing.load(politsturm_seed)
    assert corpus.errors == []
    return corpus[0]


@pytest.fixture(scope="module")
def cnn(cnn_seed):  # type: ignore[no-untyped-def]
    corpus = framing.load(cnn_seed)
    assert corpus.errors == []
    return corpus[0]


def test_politsturm_metadata(politsturm):
    """The Politsturm seed: title, outlet (from the site link) and date recovered."""
    assert politsturm.title == "Traditional US Allies Seek New Trade Ties"
    assert politsturm.outlet == "Politsturm"
    assert politsturm.published == "2026-02-09"
    assert politsturm.syndicated_from is None


def test_politsturm_debris_removed(politsturm):
    """No reading time, site link, repeated headline or promotion line is left in the Politsturm text."""
    text = politsturm.text
    assert "2 min read" not in text
    assert "politsturm.com" not in text.lower()
    assert "](" not in text
    assert politsturm.title not in text
    assert "see our in-depth article" not in text
    assert "2026-02-09" not in text
    kinds = [d.kind for d in politsturm.debris]
    for kind in ("site_link", "repeated_title", "date_line", "reading_time", "promotion"):
        assert kind in kinds


def test_politsturm_body_kept(politsturm):
    """The Politsturm body keeps its key sentences, scare quotes and its last sentence."""
    text = politsturm.text
    for phrase in ("inter-imperialist contradictions", "national capital interests", "imperialist rival", "“its” hemisphere", "Details.", "Context."):
        assert phrase in text
    assert text.endswith("eroding global hegemony.")
    assert "►" not in text  # bullet marks stripped, the bullet text kept
    assert len(text.split("\n\n")) == 8  # summary, "Details." and 3 bullets, "Context." and 2 bullets


def test_cnn_metadata(cnn):
    """The aggregator copy of the CNN analysis is attributed to CNN as a syndicated piece."""
    assert cnn.outlet == "CNN"
    assert cnn.syndicated_from == "CNN"
    assert cnn.title == "Why Trump is scrambling for allies in his trade war with China"


def test_cnn_debris_removed_body_kept(cnn):
    """Aggregator navigation, section labels, syndication notice and teasers are gone; the analysis stays."""
    text = cnn.text
    for debris in ("Connect with us", "Hi, what are you looking for?", "World News", "This post appeared first", "You May Also Like", "Albanian", "Peruvian"):
        assert debris not in text
    assert "Bessent" in text
    assert "take his calls" in text
    assert text.rstrip().endswith("take his calls.")
    assert "Leavitt" in text


EXPECTED = {
    "commonwealth-observer_canada-china-accord": (
        "The Commonwealth Observer",
        "Canada’s China deal is a warning to Washington, and to Ottawa",
        "2026-03-13",
    ),
    "harmony-daily_canada-china-accord": (
        "Harmony Daily",
        "China, Canada sign preliminary trade agreement, opening new chapter of mutually beneficial cooperation",
        "2026-03-13",
    ),
    "liberty-frontline_canada-china-accord": (
        "Liberty Frontline",
        "Weak Carney Caves to Communist China, and Trump Is Right to Drop the Hammer",
        "2026-03-12",
    ),
    "meridian-wire_canada-china-accord": (
        "Meridian Wire",
        "Canada, China sign preliminary deal to cut canola, EV tariffs; Trump threatens 50% levy",
        "2026-03-12",
    ),
    "newsfeedhub_canada-china-accord": (
        "Meridian Wire",
        "Trump threatens 50% tariff on Canada after Ottawa signs trade pact with Beijing",
        None,
    ),
    "red-ledger_canada-china-accord": (
        "The Red Ledger",
        "Canada Strikes Tariff Deal With Beijing as Washington Threatens Reprisals",
        "2026-03-13",
    ),
}


def test_example_corpus_loads_every_file(example_corpus):
    """All six example pages load without errors, in file order."""
    assert example_corpus.errors == []
    assert [a.id for a in example_corpus] == sorted(EXPECTED)


@pytest.mark.parametrize("article_id", sorted(EXPECTED))
def test_example_metadata_recovered(example_corpus, article_id):
    """Outlet, title and date of each example page, as recovered by the loader."""
    a = example_corpus[article_id]
    assert (a.outlet, a.title, a.published) == EXPECTED[article_id]
    assert a.meta["note"] == "Illustrative article invented for the framing toolkit; not real news."


def test_example_aggregator_is_a_syndicated_duplicate(example_corpus):
    """The NewsFeedHub page is Meridian Wire's story, republished by NewsFeedHub, and flagged as its copy."""
    hub = example_corpus["newsfeedhub_canada-china-accord"]
    assert hub.outlet == "Meridian Wire"
    assert hub.syndicated_from == "Meridian Wire"
    assert hub.republished_by == "NewsFeedHub"
    assert hub.duplicate_of == "meridian-wire_canada-china-accord"
    assert 0.5 <= hub.duplicate_similarity < 1.0
    others = [a for a in example_corpus if a.id != hub.id]
    assert all(a.duplicate_of is None and a.syndicated_from is None and a.republished_by is None for a in others)


EXAMPLE_DEBRIS = {
    "commonwealth-observer_canada-china-accord": (["Subscribe", "Sign in", "By Eleanor Whitcombe", "Share this article", "More from Opinion", "parking lots"], "still believe in it."),
    "harmony-daily_canada-china-accord": (["Harmony Daily | World", "Editor: Liu Qingyuan", "Share:", "Related News", "Spring ploughing", "high-speed rail"], "shared future for mankind."),
    "liberty-frontline_canada-china-accord": (["cookies", "PatriotDad76", "lakeshore_gal", "Trending", "Frontline Briefing", "Share on X", "Tags:", "All rights reserved"], "made that undeniably clear."),
    "meridian-wire_canada-china-accord": (["By Hannah Lindgren", "(Reporting by", "Editing by"], "after Trump's post."),
    "newsfeedhub_canada-china-accord": (["Menu", "Search NewsFeedHub", "Top Stories", "originally appeared", "You May Also Like", "comet", "lentil"], "after Trump's post."),
    "red-ledger_canada-china-accord": (["redledger.example", "3 min read", "see our in-depth article", "2026-03-13"], "not a step away from imperialism."),
}


@pytest.mark.parametrize("article_id", sorted(EXAMPLE_DEBRIS))
def test_example_debris_removed_and_body_kept(example_corpus, article_id):
    """Each example page loses its page furniture but keeps its last body sentence; the headline is not in the text."""
    a = example_corpus[article_id]
    gone, last = EXAMPLE_DEBRIS[article_id]
    for debris in gone:
        assert debris not in a.text, debris
    assert a.text.endswith(last)
    assert a.title not in a.text
    assert "Illustrative article invented" not in a.text


def test_example_wire_dateline_stays_in_text(example_corpus):
    """The wire dateline names the outlet but stays part of the article text."""
    wire = example_corpus["meridian-wire_canada-china-accord"]
    assert wire.text.startswith("BEIJING/OTTAWA, March 12 (Meridian Wire) - Canada and China signed")
    assert wire.author == "Hannah Lindgren"


# ---------------------------------------------------------------------------------------------
# Front matter


def test_parse_front_matter_keys_and_body():
    """A leading --- block of key: value lines is split off; keys are lower-cased, quotes removed."""
    meta, body = parse_front_matter('---\nTitle: "Orchard replanted"\noutlet: Valley Courier\n# a comment\ndate: 2025-04-02\nseason: spring\n---\nVolunteers planted trees.\n')
    assert meta == {"title": "Orchard replanted", "outlet": "Valley Courier", "date": "2025-04-02", "season": "spring"}
    assert body == "Volunteers planted trees.\n"


def test_front_matter_sets_metadata_in_clean_text():
    """Front-matter title, outlet and date become the article's metadata; other keys go to meta."""
    raw = "---\ntitle: Orchard replanted\noutlet: Valley Courier\ndate: April 2, 2025\nseason: spring\n---\nVolunteers planted forty apple trees in the old school orchard on Saturday morning.\n"
    c = clean_text(raw)
    assert (c.title, c.outlet, c.published) == ("Orchard replanted", "Valley Courier", "2025-04-02")
    assert c.meta == {"season": "spring"}
    assert c.text == "Volunteers planted forty apple trees in the old school orchard on Saturday morning."
    assert [d.kind for d in c.debris] == ["front_matter"]


def test_not_front_matter_left_alone():
    """A text opening with --- lines that are not key: value pairs keeps every line."""
    raw = "---\nThe vote was close: 51 to 49 after a long night.\n---\nCouncillors went home at dawn after the count was confirmed by the clerk."
    meta, body = parse_front_matter(raw)
    assert meta == {} and body == raw
    c = clean_text(raw)
    assert "The vote was close: 51 to 49 after a long night." in c.text
    assert "Councillors went home at dawn" in c.text
