"""The right-populist register classifier (bench/train_register_classifier.py, #17 part 3): its outlet
lists keep clear of the held-out outlets, and the masking of outlet fingerprints."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT.parent / "shared" / "data" / "article_bias" / "articles.jsonl.gz"
sys.path.insert(0, str(ROOT / "bench"))

import train_register_classifier as trc  # noqa: E402


def test_the_two_outlet_lists_do_not_overlap_and_each_outlet_is_justified() -> None:
    assert not set(trc.POPULIST) & set(trc.MAINSTREAM)
    for why in (*trc.POPULIST.values(), *trc.MAINSTREAM.values()):
        assert why.strip() and "\n" not in why


@pytest.mark.skipif(not ARTICLES.is_file(), reason="Article-Bias-Prediction is not in ../shared/data (article_bias/articles.jsonl.gz)")
def test_no_listed_outlet_is_a_held_out_media_split_outlet() -> None:
    """No article of a listed outlet is in the media split's test part, and every listed outlet that
    is in the data has articles outside it. Test records are only compared with the lists, by their
    ``source``, never kept or listed: the failure message gives a count, not names."""
    listed = set(trc.POPULIST) | set(trc.MAINSTREAM)
    in_test = 0
    seen: set[str] = set()
    with gzip.open(ARTICLES, "rt", encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            r = json.loads(line)
            if r.get("split_media") == "test":
                in_test += r.get("source") in listed
                continue
            seen.add(r["source"])
    assert in_test == 0, f"{in_test} held-out (split_media == 'test') articles belong to outlets of the script's lists"
    # the lists name outlets as the data spells them: most of them are there
    assert len(listed & seen) >= len(listed) - 3


def test_the_reader_skips_held_out_articles(tmp_path: Path) -> None:
    folder = tmp_path / "article_bias"
    folder.mkdir()
    recs = [
        {"id": "1", "source": "Townhall", "text": "a", "split_media": "train"},
        {"id": "2", "source": "Held Out", "text": "b", "split_media": "test"},
        {"id": "3", "source": "NPR Online News", "text": "c", "split_media": None},
    ]
    with gzip.open(folder / "articles.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write("\n".join(json.dumps(r) for r in recs) + "\n")
    assert [r["id"] for r in trc.read_articles(tmp_path)] == ["1", "3"]


def test_masking_removes_outlet_names_bylines_credits_and_boilerplate() -> None:
    # illustrative text written for this test
    text = (
        "WASHINGTON (Reuters) — The council met on Tuesday, Fox News Digital has learned.\n\n"
        "Enlarge this image toggle caption Jane Roe/Getty Images\n\n"
        "The mayor (AP Photo/John Doe) said the plan would go ahead, according to The New York Times.\n\n"
        "Follow Dana Aucoin on Twitter @daucoin\n\n"
        "Dana Aucoin contributed to this report.\n\n"
        "AD"
    )
    names = trc.name_pattern([*trc.ALIASES, "Dana Aucoin"])
    out = trc.mask_outlet(text, names)
    for gone in ("Reuters", "WASHINGTON", "Fox", "Getty", "toggle", "AP Photo", "New York Times", "Aucoin", "@", "AD"):
        assert gone not in out, (gone, out)
    assert "The council met on Tuesday" in out and "the plan would go ahead" in out


def test_excerpt_keeps_the_first_words() -> None:
    text = "one two\nthree four five"
    assert trc.excerpt(text, 3) == "one two\nthree"
    assert trc.excerpt(text, 10) == text


# ---------------------------------------------------------------------------------------------
# The shipped model (framing/models/register_populist.skops), when the script's grouped CV let it ship

SHIPPED = ROOT / "framing" / "models" / "register_populist.skops"
needs_model = pytest.mark.skipif(not SHIPPED.is_file(), reason="register_populist.skops is not shipped (see docs/validation.md)")

# illustrative sentences written for this test, not taken from any outlet
POPULIST_TEXT = (
    "The globalist elites and their friends in the corrupt mainstream media have betrayed hardworking Americans again. "
    "The swamp in Washington will never tell you the truth about the radical left's open-borders agenda, but real patriots "
    "know what is happening to our country, and we the people are not going to take it any more."
)
WIRE_TEXT = (
    "The Senate voted 52-48 on Tuesday to approve the spending measure, which now goes to the House. "
    "The committee chairman said in a statement that the bill would fund the agencies through September. "
    "Officials said the department expected to publish the new rules next month, according to a filing."
)


@needs_model
def test_the_shipped_model_loads_safely_and_ranks_a_populist_text_above_a_wire_text() -> None:
    from framing.ml.model import TRUSTED_TYPES, load_classifier
    from framing.persist import untrusted_types

    assert set(untrusted_types(SHIPPED.read_bytes())) <= set(TRUSTED_TYPES)
    model = load_classifier(SHIPPED)
    assert model.name == "register_populist" and model.classes == ["mainstream", "right_populist"]
    assert model.cv is not None and model.cv["grouped"]
    p = model.predict_proba([POPULIST_TEXT, WIRE_TEXT])[:, model.classes.index("right_populist")]
    assert p[0] > p[1]
    assert SHIPPED.stat().st_size < 10_000_000
    assert (SHIPPED.parent / "register_populist.md").is_file()


@needs_model
def test_the_shipped_model_is_applied_by_name() -> None:
    from framing.ml.predict import as_predictor, model_path, model_specs

    assert model_path("register_populist") == SHIPPED
    spec = model_specs(["register_populist"])[0]
    assert spec["name"] == "register_populist" and spec["path"] == str(SHIPPED.resolve())
    assert model_specs(["pop=register_populist"])[0]["name"] == "pop"
    pred = as_predictor("register_populist").predict(POPULIST_TEXT)
    assert pred["label"] in ("right_populist", "mainstream") and set(pred["proba"]) == {"mainstream", "right_populist"}
