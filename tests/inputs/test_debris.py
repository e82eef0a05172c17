"""The debris rules one by one: conservative cleaning, bylines, teaser and comment blocks, syndication notices."""

from __future__ import annotations

import re

from framing.inputs.clean import clean_text
from framing.inputs.debris import is_link_line

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


def test_wire_credit_lines_and_slash_photo_credits():
    """A wire story carried by a local paper: the closing 'This report by ... was first published'
    notice names the outlet whose words these are, the reporter's signature line goes, and a
    caption ending in 'AGENCY/Photographer' goes (illustrative text written for this test)."""
    text = "\n\n".join([
        "Harbour channel to be deepened",
        "The harbour authority met with the ministers at the port on Friday, Jan. 16, 2026. THE EXAMPLE PRESS/Jane Doe",
        "HALIFAX — The harbour authority approved a plan on Friday to deepen the main channel, a project its chair called overdue.",
        "The work will start in the spring and last two years, the authority said in a statement.",
        "This report by The Example Press was first published Jan. 16, 2026.",
        "John Smith, The Example Press",
    ])
    c = clean_text(text)
    assert c.text.startswith("HALIFAX —") and c.text.endswith("said in a statement.")
    assert c.syndicated_from == "The Example Press"
    assert c.title == "Harbour channel to be deepened"
    kinds = {d.kind for d in c.debris}
    assert {"photo_caption", "credits", "syndication"} <= kinds
    # lower-case 'and/or' at a line end is not a photo credit
    kept = clean_text("The union said in a statement on Monday that the ballot would open next week.\n\nMembers may vote in person and/or\n\nby post, the union said.")
    assert "and/or" in kept.text


def test_a_link_line_inside_the_text_is_told_from_the_articles_sentences() -> None:
    assert is_link_line("Related: Ohio lawmakers split on tax plan")
    assert is_link_line("READ MORE: Congress passes budget bill after long night")
    assert is_link_line("Read More Tear Gas Is More Dangerous Than Police Let On")
    assert not is_link_line("Related talks in Geneva ended without a deal on Friday.")
    assert not is_link_line("Read the statement, she said, and you will see what we mean.")


def test_a_timeline_the_region_model_cuts_to_one_entry_keeps_all_its_entries(monkeypatch) -> None:
    # an invented timeline, "Month Year" lines between paragraphs; on a real one (a news timeline of
    # election interference) the region model chose a single line, and the whole article was lost
    import framing.inputs.debris as debris
    from framing.inputs.page_lines import Region

    months = ["March 2016", "April 2016", "May 2016", "June 2016", "July 2016", "August 2016", "September 2016", "October 2016"]
    paras = [
        "A campaign adviser joins the team and says he was told that better relations with a foreign power were a priority for the campaign.",
        "An employee of a party committee opens a message that looks like a security alert and enters a password, giving intruders access for weeks.",
        "The adviser tells a diplomat over drinks that a foreign government has damaging material on a rival candidate, in thousands of messages.",
        "Intruders copy research files from the party's servers, and a website that calls itself independent begins publishing some of them online.",
        "Posters with an invented quotation attributed to a candidate are ordered for a rally, paid for by accounts that investigators later trace abroad.",
        "Fake accounts send messages to a real campaign page about events they plan to stage in several states, and some of the events take place.",
        "Officials warn state election boards that their voter registration systems have been scanned, and two states report that records were viewed.",
        "A trove of private emails appears online within hours of a damaging recording, and the campaign's chairman says the timing was no accident.",
    ]
    text = "\n\n".join(x for pair in zip(months, paras) for x in pair)
    monkeypatch.setattr(debris, "article_region", lambda lines, model=None: Region(6, 7, frozenset()))
    kept = debris.strip_debris(text, debris.PageState())
    assert all(p in kept for p in paras)
    # a real copied page, a line or two of article among menus and teasers, is still cut
    page = "\n\n".join(["Home", "World", "Politics", "Sign in", "Subscribe", "Menu", paras[0], "Most read", "Weather", "Sports", "Contact us", "Privacy"])
    monkeypatch.setattr(debris, "article_region", lambda lines, model=None: Region(6, 7, frozenset()))
    assert "Subscribe" not in debris.strip_debris(page, debris.PageState())


def test_an_image_credit_line_is_a_caption_and_names_no_actor():
    from framing.actors.gazetteer import load_gazetteer
    from framing.actors.mentions import find_mentions
    from framing.inputs.debris import is_caption_line
    from framing.text.parse import parse

    credit = "Enlarge this image toggle caption Saul Loeb/AFP/Getty Images Saul Loeb/AFP/Getty Images"
    assert is_caption_line(credit) and is_caption_line("Evan Vucci/AP")
    assert not is_caption_line("He said the deal was done, according to the AP.")
    text = f"Attorney General William Barr spoke to senators on Tuesday.\n\n{credit}\n\n\"You will get more than the gist,\" he said."
    names = {m.name for m in find_mentions(parse(text), load_gazetteer())}
    assert "William Barr" in names and not any("Loeb" in n for n in names)
    # and the page's clean-up drops the line
    assert "toggle caption" not in clean_text(text).text
