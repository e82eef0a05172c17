"""Sentences and tokens with character offsets into the cleaned text."""

from __future__ import annotations

import pytest

from framing.text.segment import segment, sentence_spans, tokenize
from framing.types import Doc

MIXED = (
    "Mill reopens after the flood\n"
    "The U.S. trade envoy met Mr. Okafor and Gov. Lindqvist on Jan. 5 in Ottawa. "
    "“We will not sign this deal. Our farmers deserve better,” the minister said.\n\n"
    "Canada's win-win offer, a well-known state-owned lender's plan, wasn’t cheap: prices rose 4.5% to 3,000 dollars at 10:30 a.m. on Monday!\n"
    "Is it fair? Critics say no… The mayor’s aide disagreed (politely)."
)


def sentences(doc: Doc) -> list[str]:
    return [doc.sentence_text(i) for i in range(len(doc.sentences))]


def check_offsets(doc: Doc) -> None:
    """Every invariant that ties tokens and sentences to the text."""
    text = doc.text
    assert len(doc.tokens) == len(doc.starts) == len(doc.ends)
    for tok, s, e in zip(doc.tokens, doc.starts, doc.ends):
        assert 0 <= s < e <= len(text)
        assert text[s:e] == tok
    prev_end = 0
    next_token = 0
    for i, sent in enumerate(doc.sentences):
        assert sent.index == i
        assert prev_end <= sent.start < sent.end <= len(text)
        assert not text[sent.start].isspace() and not text[sent.end - 1].isspace()
        assert sent.token_start == next_token <= sent.token_end
        for t in range(sent.token_start, sent.token_end):
            assert sent.start <= doc.starts[t] and doc.ends[t] <= sent.end
            assert doc.sentence_of_token(t) is sent
        # the tokens of a sentence cover all its visible characters
        assert "".join(doc.tokens[sent.token_start : sent.token_end]) == "".join(doc.sentence_text(i).split())
        prev_end, next_token = sent.end, sent.token_end
    assert next_token == len(doc.tokens)
    # nothing visible falls outside every sentence
    covered = set()
    for sent in doc.sentences:
        covered.update(range(sent.start, sent.end))
    assert all(text[k].isspace() for k in range(len(text)) if k not in covered)


def test_offsets_on_mixed_text():
    """Every token is text[start:end] and lies inside its sentence; sentences cover all visible text."""
    check_offsets(segment(MIXED))


def test_offsets_on_example_corpus(example_corpus):
    """The offset invariants hold on every cleaned article of the example corpus."""
    for article in example_corpus:
        doc = segment(article.text)
        assert len(doc.sentences) > 5
        check_offsets(doc)


def test_offsets_on_seeds(politsturm_seed, cnn_seed):
    """The offset invariants hold on the two real seed articles (raw and cleaned)."""
    import framing

    for path in (politsturm_seed, cnn_seed):
        raw = path.read_text(encoding="utf-8")
        check_offsets(segment(raw))
        check_offsets(segment(framing.load(path)[0].text))


def test_tokenize_offset_shift():
    """tokenize(text, offset) shifts every span by the offset."""
    assert tokenize("Rain fell.", 10) == [("Rain", 10, 14), ("fell", 15, 19), (".", 19, 20)]


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. economy grew faster than expected.",
        "Mr. Okafor spoke to reporters on the pier.",
        "Gov. Lindqvist signed the bill on Friday.",
        "Talks resume on Jan. 5 in the capital.",
        "Sen. Ortiz and Dr. Amadi met at 9 a.m. near St. Paul's church.",
        "The deal, backed by the U.K. and the E.U., was signed in Washington, D.C. on Monday.",
    ],
)
def test_abbreviations_do_not_split(text):
    """Periods after U.S., Mr., Gov., Jan. and similar abbreviations do not end the sentence."""
    doc = segment(text)
    assert sentences(doc) == [text]


def test_abbreviations_inside_longer_text():
    """Abbreviation periods do not split, while real sentence ends still do."""
    doc = segment("The U.S. envoy arrived. Mr. Okafor met Gov. Lindqvist on Jan. 5. Both left early.")
    assert sentences(doc) == ["The U.S. envoy arrived.", "Mr. Okafor met Gov. Lindqvist on Jan. 5.", "Both left early."]
    assert "U.S." in doc.tokens


def test_curly_quoted_speech_over_two_sentences():
    """A curly-quoted speech of two sentences splits inside the quote; the closing quote stays with its words."""
    text = "“We will not sign this deal. Our farmers deserve better,” the minister said. Talks resume Monday."
    doc = segment(text)
    assert sentences(doc) == [
        "“We will not sign this deal.",
        "Our farmers deserve better,” the minister said.",
        "Talks resume Monday.",
    ]
    check_offsets(doc)
    opening = doc.tokens.index("“")
    closing = doc.tokens.index("”")
    assert doc.sentence_of_token(opening).index == 0
    assert doc.sentence_of_token(closing).index == 1


def test_closing_quote_after_final_period_not_a_sentence_start():
    """A closing quote after a sentence-final period belongs to that sentence, not the next."""
    doc = segment("She said: “We are ready. We have waited long enough.” The hall fell silent.")
    assert sentences(doc) == ["She said: “We are ready.", "We have waited long enough.”", "The hall fell silent."]


def test_headline_line_does_not_merge_with_next_line():
    """A headline line without a final period is its own sentence, even with a single line break."""
    doc = segment("Mill reopens after the flood\nThe old mill reopened on Tuesday after repairs.")
    assert sentences(doc) == ["Mill reopens after the flood", "The old mill reopened on Tuesday after repairs."]
    doc = segment("Mill reopens after the flood\n\nThe old mill reopened on Tuesday.")
    assert sentences(doc) == ["Mill reopens after the flood", "The old mill reopened on Tuesday."]


def test_possessive_s_and_clitics_are_their_own_tokens():
    """The possessive 's (straight or curly) and n't are split from their word (spaCy's English
    rules), and neither counts as a word."""
    doc = segment("Canada's plan and the minister’s aide didn't agree, and it wasn’t Okafor's idea.")
    toks = list(doc.tokens)
    for i, j in (("Canada", "'s"), ("minister", "’s"), ("Okafor", "'s"), ("did", "n't"), ("was", "n’t")):
        k = toks.index(i)
        assert toks[k + 1] == j
    assert "Canada's" not in toks
    assert doc.n_words == 13  # Canada plan and the minister aide did agree and it was Okafor idea


def test_hyphens_are_tokens_of_their_own():
    """Hyphenated words are their parts and the hyphens (as the parser was trained); lexicon terms
    split the same way, so "inter-imperialist" still matches as a phrase."""
    doc = segment("A win-win deal ended inter-imperialist rivalry.")
    assert doc.tokens[1:4] == ("win", "-", "win") and doc.tokens[6:9] == ("inter", "-", "imperialist")
    assert doc.n_words == 8


def test_numbers_keep_decimals_and_thousands():
    """Numbers keep decimal points, thousands separators and times; the percent sign is a token."""
    doc = segment("Prices rose 4.5% to 3,000 dollars at 10:30 on Monday.")
    for tok in ("4.5", "%", "3,000", "10:30"):
        assert tok in doc.tokens
    assert doc.n_words == 10 and doc.n_tokens == 12


def test_empty_and_blank_text():
    """Empty or whitespace-only text has no sentences and no tokens."""
    for text in ("", "   \n\n\t "):
        doc = segment(text)
        assert doc.sentences == () and doc.tokens == () and doc.n_words == 0


def test_sentence_spans_trim_whitespace():
    """Sentence spans start and end on visible characters."""
    text = "  First one.   Second one.  \n  Third  "
    assert [text[s:e] for s, e in sentence_spans(text)] == ["First one.", "Second one.", "Third"]


def test_sentence_of_token_out_of_range():
    """Asking for the sentence of a token that does not exist raises IndexError."""
    doc = segment("One short sentence.")
    with pytest.raises(IndexError):
        doc.sentence_of_token(len(doc.tokens))
