"""A whole copied page cut down to its article (framing.inputs.page_lines), the call-to-action,
photo-caption and capitals-teaser rules, and the model file's safety. The page texts here are
written for these tests and are illustrative, not real articles."""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from framing.inputs.clean import clean_text
from framing.inputs.page_lines import MODEL_FILE, article_region, load_model, model_from_dict, repeated_lines

NAV = ["Home", "World", "Politics", "Business", "Tech", "Sign in", "Menu", "Search", "Opinion", "Sports", "Weather"]
ARTICLE = """Allies look to Beijing as tariffs bite

By Jane Example

January 17, 2026

Canada's prime minister said on Friday that the agreement with Beijing would cut tariffs on canola and electric vehicles, a step his government described as a diversification of trade rather than a break with Washington.

Officials in Ottawa said the deal had been negotiated over several months and that it would be reviewed by parliament before it took effect in the spring.

Critics said the government was moving too quickly and that the details of the quotas had not been published, leaving farmers and carmakers uncertain about what would change.
"""
FOOTER = [
    "This post appeared first on examplenews.com",
    "You May Also Like",
    "Storm closes schools across the coast",
    "Local team wins the cup in extra time",
    "Five recipes for a cold evening",
    "About us",
    "Contact",
    "Privacy policy",
    "Terms of use",
    "© 2026 Example Media",
]
BODY_START = "Canada's prime minister said on Friday"


def page(*parts: str | list[str]) -> str:
    return "\n".join(p if isinstance(p, str) else "\n".join(p) for p in parts)


def test_whole_page_is_cut_to_the_article_and_keeps_its_metadata():
    """Menus above and teasers and footer below go; headline, byline, date and the syndication
    notice outside the article are still read."""
    c = clean_text(page(NAV, ARTICLE, FOOTER))
    assert c.text.startswith(BODY_START)
    assert c.text.rstrip().endswith("what would change.")
    for gone in ("Politics", "Storm closes schools", "Privacy policy", "Example Media"):
        assert gone not in c.text
    assert c.title == "Allies look to Beijing as tariffs bite"
    assert c.author == "Jane Example"
    assert c.published == "2026-01-17"
    assert c.syndicated_from == "Examplenews"
    kinds = [d.kind for d in c.debris]
    assert kinds.count("outside_article") == 2
    outside = "\n".join(d.text for d in c.debris if d.kind == "outside_article")
    assert "Weather" in outside and "Terms of use" in outside  # every cut line is still listed


def test_pasted_article_is_not_cut():
    """An article pasted with only its own headline, byline and date loses no paragraph: the page
    step needs a page around it before it cuts anything."""
    c = clean_text(ARTICLE)
    assert not any(d.kind in ("outside_article", "not_article") for d in c.debris)
    assert c.text.count("\n\n") == 2
    assert clean_text(ARTICLE, find_article=False).text == c.text


def test_find_article_off_leaves_the_page_to_the_named_rules():
    comments = ["reader_one says:", "I think the deal is a mistake and the farmers will pay for it in the end, as usual.",
                "reader_two says:", "Nobody asked the provinces what they wanted, and now they will have to live with it."]
    text = page(NAV, ARTICLE, comments * 3, FOOTER[5:])
    assert "farmers will pay" in clean_text(text, find_article=False).text
    c = clean_text(text)
    assert "farmers will pay" not in c.text and c.text.startswith(BODY_START)
    assert not any(d.kind == "outside_article" for d in clean_text(text, find_article=False).debris)


def test_region_follows_the_prose_not_the_position():
    """The article is found wherever it sits: after a long menu, or with the menu below it."""
    long_nav = NAV * 4
    for text in (page(long_nav, ARTICLE, FOOTER), page(ARTICLE, FOOTER, long_nav)):
        lines = [x for x in text.split("\n") if x.strip()]
        region = article_region(lines)
        kept = [lines[i] for i in range(region.start, region.end) if i not in region.dropped]
        assert any(x.startswith(BODY_START) for x in kept)
        assert not any(x in NAV for x in kept)


def test_repeated_prose_lines_are_dropped_once():
    """A page carrying the article twice keeps one copy; a repeated short line or headline is left
    to the other rules."""
    lines = ["Headline of the story here today", "The council voted on Tuesday to close the old bridge.", "Menu",
             "The council voted on Tuesday to close the old bridge.", "Menu", "Headline of the story here today"]
    assert repeated_lines(lines) == {3}
    text = page(ARTICLE, ARTICLE.split("\n\n", 3)[3])
    c = clean_text(text)
    assert c.text.count("Officials in Ottawa said") == 1
    assert "repeated_text" in [d.kind for d in c.debris]


CALLS = [
    "You can now listen to Example News articles!",
    "CLICK HERE TO DOWNLOAD THE EXAMPLE NEWS APP",
    "Read the full article here",
    "Unlock the White House Watch newsletter for free",
    "Sign up for our morning briefing",
    "Follow Example News on Telegram",
]


@pytest.mark.parametrize("line", CALLS)
def test_calls_to_action_inside_the_article_are_removed(line: str):
    paragraphs = ARTICLE.split("\n\n")
    text = "\n\n".join(paragraphs[:4] + [line] + paragraphs[4:])
    c = clean_text(text)
    assert line not in c.text
    assert ("call_to_action", line) in [(d.kind, d.text) for d in c.debris]
    assert "Officials in Ottawa said" in c.text


def test_photo_captions_and_capitals_teasers_are_removed():
    caption = "The prime minister speaks to reporters in Ottawa, Friday, Jan. 16, 2026. (AP Photo/Jane Example)"
    teaser = "PRIME MINISTER SAYS TRADE DEAL WILL PROTECT FARMERS: 'A NEW CHAPTER'"
    paragraphs = ARTICLE.split("\n\n")
    c = clean_text("\n\n".join(paragraphs[:4] + [teaser, caption] + paragraphs[4:]))
    assert caption not in c.text and teaser not in c.text
    kinds = {d.kind for d in c.debris}
    assert {"photo_caption", "teaser"} <= kinds
    # a sentence in capitals that ends like one, and a short capitals subhead, stay
    kept = clean_text("\n\n".join(paragraphs[3:4] + ["WHAT COMES NEXT", "THE MINISTER SAID THE DEAL WOULD HOLD."] + paragraphs[4:]))
    assert "WHAT COMES NEXT" in kept.text and "THE MINISTER SAID THE DEAL WOULD HOLD." in kept.text


def test_model_file_is_plain_numbers_checked_on_load():
    """The shipped model is JSON numbers; a file for other features, or with a non-finite number,
    is refused rather than used."""
    raw = json.loads(resources.files("framing.models").joinpath(MODEL_FILE).read_text(encoding="utf-8"))
    model = load_model()
    assert 0 < model.threshold < 1 and 0 <= model.drop_below < model.threshold
    wrong = dict(raw, line_features=raw["line_features"][:-1])
    with pytest.raises(ValueError, match="features"):
        model_from_dict(wrong)
    bad = json.loads(json.dumps(raw))
    bad["lines"]["coef"][0] = float("nan")
    with pytest.raises(ValueError, match="finite"):
        model_from_dict(bad)
    assert np.isfinite(model.lines.coef).all()


EXTRACTION = Path(__file__).resolve().parents[3] / "shared" / "data" / "extraction"


@pytest.mark.skipif(not (EXTRACTION / "ground_truth.jsonl").exists(), reason="the extraction benchmark is not in ../shared/data")
def test_copied_pages_of_the_extraction_benchmark():
    """On the visible half of the extraction benchmark, copied page text keeps the body far better
    than the uncleaned page (bench/validate_extraction.py gives the full table)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from validate_extraction import load_text, page_scores, read_truth, summary

    truth = read_truth(EXTRACTION.parent)
    cleaned = [page_scores(t["article_body"], load_text(EXTRACTION / "page_text" / f"{t['id']}.txt")) for t in truth]
    raw = [page_scores(t["article_body"], (EXTRACTION / "page_text" / f"{t['id']}.txt").read_text(encoding="utf-8")) for t in truth]
    f1, precision, recall = summary(cleaned)
    assert f1 >= 0.88, (f1, precision, recall)
    assert precision >= summary(raw)[1] + 0.3
