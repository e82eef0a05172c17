"""The outlet registry: the shipped file is valid and covers what users compare; articles match by
name, alias or web domain and never by guess; bad files are refused naming the file, line and
outlet; user files extend and override it."""

from __future__ import annotations

import gzip
import json
from collections import Counter
from pathlib import Path

import pytest

from framing.errors import LexiconError
from framing.inputs.outlet_registry import FACTS, OWNERSHIP, load_outlets

ABP = Path(__file__).resolve().parents[3] / "shared" / "data" / "article_bias" / "articles.jsonl.gz"

HEADER = '[registry]\nname = "mine"\nversion = "0.1.0"\n'


def _write(tmp_path: Path, body: str, name: str = "mine.toml") -> Path:
    p = tmp_path / name
    p.write_text(HEADER + body, encoding="utf-8")
    return p


def test_shipped_registry_is_valid_and_every_fact_has_a_source() -> None:
    """At least 150 outlets; every fact stated has an http(s) source; ownership is one of the types."""
    reg = load_outlets()
    assert len(reg) >= 150
    for o in reg.outlets.values():
        stated = [f for f in FACTS if getattr(o, f) is not None]
        assert set(o.sources) == set(stated), o.id
        assert all(url.startswith("https://") for url in o.sources.values()), o.id
        assert o.ownership is None or o.ownership in OWNERSHIP


def test_shipped_registry_covers_the_outlets_users_compare() -> None:
    """Wires, state-affiliated outlets of China, Russia, Iran, Qatar and Turkey, the UK and US
    public broadcasters, party papers and large national outlets of several English-speaking countries."""
    reg = load_outlets()
    outlets = list(reg.outlets.values())
    assert sum(1 for o in outlets if o.wire) >= 15
    state = Counter(o.country for o in outlets if o.ownership == "state-affiliated")
    for country in ("China", "Russia", "Iran", "Qatar", "Turkey"):
        assert state[country] >= 1, country
    assert reg.match("BBC").ownership == "public" and reg.match("NPR").ownership == "nonprofit" and reg.match("PBS") is not None
    assert sum(1 for o in outlets if o.ownership == "party") >= 8
    english = Counter(o.country for o in outlets if o.language == "en" and not o.wire)
    for country in ("United States", "United Kingdom", "Canada", "Australia", "India"):
        assert english[country] >= 4, country


def test_articles_match_by_name_alias_or_domain_and_unknown_outlets_are_not_guessed() -> None:
    """Names match ignoring case, punctuation and a leading 'The'; a domain matches its subdomains;
    an outlet matched by neither is None, even when its name is close to a known one."""
    reg = load_outlets()
    assert reg.match("the new york times").id == "nyt"
    assert reg.match("New York Times - Opinion").id == "nyt"
    assert reg.match_how("Unknown Blog", "https://edition.cnn.com/2026/03/01/x")[0].id == "cnn"
    assert reg.match_how("Unknown Blog", "https://edition.cnn.com/2026/03/01/x")[1] == "url"
    assert reg.match("thecaucus.blogs.nytimes.com").id == "nyt"
    assert reg.match("L'Humanite").id == reg.match("L'Humanité").id == "humanite"
    assert reg.match("New York Timez") is None
    assert reg.match("Meridian Wire", "https://meridianwire.example/x") is None
    assert reg.match(None, None) is None
    assert reg.match("", "not a url") is None


def test_a_bad_entry_is_refused_naming_the_file_line_and_outlet(tmp_path: Path) -> None:
    """An ownership outside the types, a fact without a source, an unknown field, a bad language
    code and invalid TOML are each refused with the file, the line and the outlet."""
    cases = {
        '\n[outlets.daily_x]\nname = "Daily X"\nownership = "state"\nsource = "https://example.org/x"\n': ("line 5", "'daily_x'", "ownership must be one of"),
        '\n[outlets.daily_x]\nname = "Daily X"\ncountry = "Canada"\n': ("line 5", "'daily_x'", "has no source"),
        '\n[outlets.daily_x]\nname = "Daily X"\nonwership = "private"\n': ("line 5", "'daily_x'", "unknown field(s) 'onwership'"),
        '\n[outlets.daily_x]\nname = "Daily X"\nlanguage = "English"\nsource = "https://example.org/x"\n': ("line 5", "'daily_x'", "ISO 639-1"),
        '\n[outlets.daily_x]\nname = "Daily X"\nwire = "yes"\nsource = "https://example.org/x"\n': ("line 5", "'daily_x'", "wire must be true or false"),
    }
    for body, needles in cases.items():
        with pytest.raises(LexiconError) as err:
            load_outlets(extra=[_write(tmp_path, body)])
        for needle in needles:
            assert needle in str(err.value), (needle, str(err.value))
    with pytest.raises(LexiconError, match="not valid TOML"):
        load_outlets(extra=[_write(tmp_path, "[outlets.x\nname=")])


def test_an_alias_naming_two_outlets_is_refused_naming_both(tmp_path: Path) -> None:
    """A user outlet claiming a built-in outlet's domain is an error naming both outlets and files."""
    p = _write(tmp_path, '\n[outlets.my_cnn]\nname = "My CNN"\naliases = ["cnn.com"]\n')
    with pytest.raises(LexiconError) as err:
        load_outlets(extra=[p])
    msg = str(err.value)
    assert "'my_cnn'" in msg and "'cnn'" in msg and "cnn.com" in msg and str(p) in msg and "outlets.toml" in msg


def test_user_registry_extends_and_overrides(tmp_path: Path) -> None:
    """A new id is added; an id of the built-in registry is replaced, aliases and facts together."""
    p = _write(
        tmp_path,
        '\n[outlets.meridian]\nname = "The Meridian Wire"\naliases = ["meridianwire.example"]\ncountry = "Canada"\nownership = "private"\nwire = true\nsource = "https://example.org/meridian"\n'
        '\n[outlets.reuters]\nname = "Reuters"\nownership = "private"\ncountry = "Canada"\nsources = { country = "https://example.org/tr" }\nsource = "https://example.org/reuters"\n',
    )
    reg = load_outlets(extra=[p])
    base = load_outlets()
    assert len(reg) == len(base) + 1
    m = reg.match("Meridian Wire")
    assert m is not None and m.wire is True and m.facts()["wire"] == "wire service"
    assert reg.match(None, "https://news.meridianwire.example/a").id == "meridian"
    r = reg.match("Reuters")
    assert r.country == "Canada" and r.sources["country"] == "https://example.org/tr" and r.sources["ownership"] == "https://example.org/reuters"
    assert reg.match(None, "https://www.reuters.com/world/x") is None  # the override has no domain alias
    assert base.match("Reuters").country == "United Kingdom"  # the built-in registry is unchanged


@pytest.mark.skipif(not ABP.exists(), reason="Article-Bias-Prediction data not found at ../shared/data/article_bias (evaluation data is not part of the repository)")
def test_article_bias_prediction_outlets_are_matched() -> None:
    """Every train/valid outlet of Article-Bias-Prediction with 20 or more articles is matched by
    its name, except The Flip Side (a newsletter with no encyclopedia entry to cite); the other
    sources (mostly columnists) match by their articles' web domain."""
    reg = load_outlets()
    counts: Counter[str] = Counter()
    by_url: Counter[str] = Counter()
    with gzip.open(ABP, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("split_media") not in ("train", "valid"):  # never the held-out media split
                continue
            counts[rec["source"]] += 1
            outlet, how = reg.match_how(rec["source"], rec.get("url"))
            if how == "url":
                by_url[rec["source"]] += 1
            assert outlet is not None or rec["source"] == "The Flip Side", rec["source"]
    named = [s for s, n in counts.items() if n >= 20 and s != "The Flip Side"]
    assert len(named) >= 60
    columnists = {"Victor Hanson", "Ben Shapiro", "Rich Lowry"}  # people, not outlets: their articles match by web domain
    assert {s for s in named if reg.match(s) is None} == columnists
    assert all(by_url[s] == counts[s] for s in columnists)
    assert sum(by_url.values()) < 0.05 * sum(counts.values())
