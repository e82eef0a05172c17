"""Page-debris removal and metadata recovery: the seeds, the example corpus, and the rules one by one."""

from __future__ import annotations

import re

import pytest

import framing
from framing.inputs.clean import clean_text, outlet_from_domain, outlet_key, parse_date, parse_front_matter

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


# ---------------------------------------------------------------------------------------------
# The example corpus

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
# parse_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-03-12", "2026-03-12"),
        ("2026-03-12T18:40:00Z", "2026-03-12"),
        ("2026-03-12 18:40:00+01:00", "2026-03-12"),
        ("2026/3/12", "2026-03-12"),
        ("March 12, 2026", "2026-03-12"),
        ("Mar. 12, 2026", "2026-03-12"),
        ("12 March 2026", "2026-03-12"),
        ("Thu, Mar. 12, 2026", "2026-03-12"),
        ("Thursday, March 12th, 2026", "2026-03-12"),
        ("Sept. 3, 2025", "2025-09-03"),
        ("1st January 2024", "2024-01-01"),
        ("Published: Feb. 9, 2026 10:30 AM EST", "2026-02-09"),
        ("Source: Harmony Daily  Editor: Liu Qingyuan  2026-03-13", "2026-03-13"),
    ],
)
def test_parse_date_formats(value, expected):
    """Common news date formats come out as ISO dates."""
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["03/12/2026", "12/03/2026", "3/12/26", "12.03.2026"])
def test_parse_date_rejects_ambiguous_numeric(value):
    """All-numeric day/month orders are ambiguous and are not guessed."""
    assert parse_date(value) is None


@pytest.mark.parametrize("value", [None, "", "no date here", "2026-02-30", "February 30, 2026", "2026-13-01", "Smarch 12, 2026"])
def test_parse_date_rejects_non_dates(value):
    """Empty values, text without a date and impossible calendar dates give None."""
    assert parse_date(value) is None


# ---------------------------------------------------------------------------------------------
# Outlets


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("https://us.politsturm.com/2026/02/x", "Politsturm"),
        ("http://us.politsturm.com", "Politsturm"),
        ("edition.cnn.com", "CNN"),
        ("cnn.com", "CNN"),
        ("https://www.bbc.co.uk/news/world", "BBC"),
        ("www.theguardian.com", "The Guardian"),
        ("english.news.cn", "Xinhua"),
        ("meridianwire.example", "Meridianwire"),
        ("https://www.valleycourier.co.uk/local/x", "Valleycourier"),
        ("redledger.example:8080/path", "Redledger"),
    ],
)
def test_outlet_from_domain(host, expected):
    """Known domains map to their outlet names; others to the capitalised domain label."""
    assert outlet_from_domain(host) == expected


def test_outlet_key_groups_spellings():
    """Spellings of one outlet share a key; different outlets do not."""
    same = ["The Meridian Wire", "Meridian Wire", "meridianwire", "Meridianwire", "meridianwire.example", "https://www.meridianwire.example/world/x", " MERIDIAN-WIRE "]
    assert {outlet_key(s) for s in same} == {"meridianwire"}
    assert outlet_key("The Red Ledger") != outlet_key("Meridian Wire")
    assert outlet_key("Theatre Weekly") == "theatreweekly"  # only a leading word "the" is dropped


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


# ---------------------------------------------------------------------------------------------
# Conservative cleaning

PLAIN = """The river rose overnight after heavy rain fell across the valley, and by dawn the water had reached the footpath by the old mill.

Emergency crews worked through the night to reinforce the banks,   and residents in low-lying streets were told to move valuables upstairs.
“We have seen worse,” said one shop owner, who asked not to be named. “But not for a long time.”

By morning the water had begun to fall, and officials said the worst appeared to be over.

The council will meet on Friday to discuss flood defences for the lower town.
"""


def test_plain_article_passes_through_unchanged():
    """An article with no debris loses nothing: the same words in the same order, no debris, no title."""
    c = clean_text(PLAIN)
    assert c.debris == []
    assert c.title is None
    assert c.text.split() == PLAIN.split()
    assert c.text == re.sub(r"[ \t]+", " ", c.text)  # runs of spaces collapsed
    assert c.text.count("\n\n") == 4  # one paragraph per line


def test_known_title_repeated_in_text_is_removed():
    """A headline already known (title=) is removed where the page repeats it, and kept as the title."""
    c = clean_text("River rises after heavy rain\n\n" + PLAIN, title="River rises after heavy rain")
    assert c.title == "River rises after heavy rain"
    assert "River rises after heavy rain" not in c.text
    assert c.text.split() == PLAIN.split()


PARAS = [
    f"Paragraph {n} explains how the long dispute at the harbour developed over several weeks and what each side asked for in the talks."
    for n in range(1, 21)
]


def test_read_more_near_the_top_does_not_cut_article():
    """A bare "Read more" line among the first paragraphs is dropped, every paragraph after it is kept."""
    raw = "Dock workers end three-week strike\n\n" + "\n\n".join(PARAS[:3]) + "\n\nRead more\n\n" + "\n\n".join(PARAS[3:5])
    c = clean_text(raw)
    assert c.text.split("\n\n") == PARAS[:5]
    assert [d.kind for d in c.debris] == ["navigation"]


def test_read_more_in_second_half_does_not_cut_article():
    """A "Read more" link line (with a related headline) deep in a long article does not cut the paragraphs after it."""
    raw = (
        "Dock workers end three-week strike\n\n"
        + "\n\n".join(PARAS[:14])
        + "\n\nRead more\n\nCanal boat festival returns after two years\n\n"
        + "\n\n".join(PARAS[14:])
    )
    c = clean_text(raw)
    for p in PARAS:
        assert p in c.text
    assert c.text.endswith(PARAS[-1])
    assert "teasers" not in [d.kind for d in c.debris]


def test_teaser_block_after_long_article_still_removed():
    """A real teaser block at the end (header plus short headlines or cut-off snippets) is still removed."""
    raw = (
        "Dock workers end three-week strike\n\n"
        + "\n\n".join(PARAS[:14])
        + "\n\nRead more\n\nCanal boat festival returns after two years\n\n"
        + "\n\n".join(PARAS[14:])
        + "\n\nYou May Also Like\n\nGardeners race to beat the first frost\n\nLocal\n\nA new bakery on the high street sold out of bread by nine on its first morning, and the owners say..."
    )
    c = clean_text(raw)
    assert c.text.endswith(PARAS[-1])
    assert "Gardeners" not in c.text and "bakery" not in c.text
    teasers = [d.text for d in c.debris if d.kind == "teasers"]
    assert len(teasers) == 1 and teasers[0].startswith("You May Also Like")


def test_comment_block_at_end_removed():
    """A reader-comment block after the article is cut even though comments are full sentences."""
    raw = (
        "Dock workers end three-week strike\n\n"
        + "\n\n".join(PARAS[:6])
        + "\n\n2 Comments\n\nharbour_fan 2 hours ago\n\nI think the union was right to hold out for a better deal and I hope the port listens this time."
    )
    c = clean_text(raw)
    assert c.text.endswith(PARAS[5])
    assert "harbour_fan" not in c.text


def test_by_thursday_is_not_a_byline():
    """"By Thursday, the deal was done." is a sentence of the article, not a byline."""
    raw = "Harbour workers vote to end the strike\n\nBy Thursday, the deal was done.\n\nUnion leaders said the vote had been close, and members would return to the docks on Monday."
    c = clean_text(raw)
    assert c.author is None
    assert c.text.startswith("By Thursday, the deal was done.")
    assert "byline" not in [d.kind for d in c.debris]
    c2 = clean_text("By Thursday, the deal was done.\n\nUnion leaders said the vote had been close.")
    assert c2.author is None and c2.text.startswith("By Thursday, the deal was done.")


def test_real_byline_is_removed_and_read():
    """A genuine "By NAME | date" line is removed, giving the author and the date."""
    raw = "Harbour workers vote to end the strike\n\nBy Ada Byrne | June 3, 2025\n\nUnion leaders said the vote had been close, and members would return to the docks on Monday."
    c = clean_text(raw)
    assert c.author == "Ada Byrne"
    assert c.published == "2025-06-03"
    assert "Ada Byrne" not in c.text


def test_syndication_notice_names_original_outlet():
    """"This article originally appeared on X" is removed and sets syndicated_from to X's outlet name."""
    raw = "Council backs new cycle lanes\n\n" + PARAS[0] + "\n\n" + PARAS[1] + "\n\nThis article originally appeared on bbc.co.uk"
    c = clean_text(raw)
    assert c.syndicated_from == "BBC"
    assert c.outlet == "BBC"
    assert "originally appeared" not in c.text
