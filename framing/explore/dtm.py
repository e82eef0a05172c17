"""Document-term matrix: the words (or lemmas) and lexicon categories of each article, counted, for
other tools (scikit-learn, gensim, quanteda, topic models).

One row per article, one column per feature: a word form (lower-cased tokens that are words:
letters or digits, clitics such as ``'s`` and ``n't`` left out), a lemma (spaCy's, from the
article's parse), or a lexicon category (``registers.marxist``: the matches the analysis counted,
negated ones left out). ``voice="outlet"`` (the default, as in the reports) counts only the
outlet's own wording: words inside quotations are the sources' and are left out; reported speech
is the outlet's paraphrase and counts. The tokens are those of the analysis (spaCy's English
tokenizer); word forms need no parse, lemmas need one parse per article (done here when the
results do not come with their parse).

:meth:`DocumentTermMatrix.write` writes ``dtm.mtx`` (Matrix Market coordinate format, integer
counts, documents as rows: what ``scipy.io.mmread``, R's ``Matrix::readMM`` and gensim's
``MmCorpus`` read), ``vocabulary.csv`` (one line per column, in column order) and
``documents.csv`` (one line per row, in row order). docs/explore.md shows how to load them.
"""

from __future__ import annotations

import itertools
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from framing.errors import InputError, OptionError, check_option
from framing.safe_output import safe_frame
from framing.text.parse import is_word, parse_many, tokenised
from framing.types import ArticleResult, Doc
from framing.voice.labels import stored_quotes, voice_labels

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd
    import scipy.sparse

__all__ = ["DTM_FEATURES", "DTM_VOICES", "DocumentTermMatrix", "document_term_matrix"]

#: What the word columns are: lower-cased word forms, spaCy lemmas, or none (categories only).
DTM_FEATURES = ("forms", "lemmas", "none")
#: Whose words are counted: the outlet's own wording (quotations left out) or every word.
DTM_VOICES = ("outlet", "all")


@dataclass
class DocumentTermMatrix:
    """A sparse document-term matrix with its vocabulary and document table.

    ``matrix``: ``scipy.sparse.csr_matrix`` of integer counts, documents × features.
    ``vocabulary``: one row per column (``feature``, ``kind``: ``word``, ``lemma`` or
    ``category``, ``doc_freq``, ``count``). ``documents``: one row per document (``id``,
    ``outlet``, ``published``, ``title``, ... ``n_words``, ``n_counted``: the words counted,
    after ``voice``).
    """

    matrix: scipy.sparse.csr_matrix
    vocabulary: pd.DataFrame
    documents: pd.DataFrame
    settings: dict[str, Any]

    @property
    def shape(self) -> tuple[int, int]:
        return (int(self.matrix.shape[0]), int(self.matrix.shape[1]))

    def to_frame(self) -> pd.DataFrame:
        """The matrix as a (sparse) DataFrame: article ids as the index, features as columns."""
        import pandas as pd

        return pd.DataFrame.sparse.from_spmatrix(self.matrix, index=self.documents["id"], columns=self.vocabulary["feature"])  # type: ignore[attr-defined]  # pandas-stubs types the accessor as '...'

    def write(self, out: str | os.PathLike[str]) -> list[Path]:
        """Write ``dtm.mtx``, ``vocabulary.csv`` and ``documents.csv`` into the folder ``out``."""
        import scipy.io

        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        mtx = folder / "dtm.mtx"
        comment = f"framing document-term matrix: rows = documents.csv, columns = vocabulary.csv; {self.settings}"
        scipy.io.mmwrite(str(mtx), self.matrix.tocoo(), comment=comment, field="integer")
        vocab = folder / "vocabulary.csv"
        safe_frame(self.vocabulary).to_csv(vocab, index=False)
        docs = folder / "documents.csv"
        safe_frame(self.documents).to_csv(docs, index=False)
        return [mtx, vocab, docs]

    def __repr__(self) -> str:
        return f"DocumentTermMatrix({self.shape[0]} documents × {self.shape[1]} features, {self.matrix.nnz} non-zero; {self.settings})"


def _with_docs(items: Iterable[ArticleResult | tuple[ArticleResult, Doc]], features: str, pipeline: Any) -> Iterator[tuple[ArticleResult, Doc | None]]:
    """Each result with a parse of its text when the features need one (the given one if any)."""
    first, rest = itertools.tee(iter(items))

    def unpaired() -> Iterator[tuple[ArticleResult, Doc | None]]:
        for item in first:
            yield item if isinstance(item, tuple) else (item, None)

    if features != "lemmas":
        for result, doc in unpaired():
            yield result, doc if doc is not None else (tokenised(result.article.text) if features == "forms" else None)
        return
    # lemmas: parse (in batches) only the texts that came without their parse
    need = (item.article.text for item in rest if not isinstance(item, tuple))
    parsed = parse_many(need, pipeline=pipeline)
    for result, doc in unpaired():
        yield result, doc if doc is not None else next(parsed)


def _counts(result: ArticleResult, doc: Doc | None, *, features: str, voice: str, categories: bool) -> tuple[Counter[tuple[str, str]], int]:
    counts: Counter[tuple[str, str]] = Counter()
    n_counted = 0
    if not result.article.text and result.n_words:
        raise InputError(f"article {result.article.id!r} has no text (results written without evidence): export from the inputs themselves")
    if doc is not None:
        if features == "lemmas" and not doc.lemmas and doc.n_tokens:
            raise OptionError(f"article {result.article.id!r}: its parse has no lemmas ({doc.parse_note or 'no syntax'}); use word forms")
        labels = None
        if voice == "outlet" and result.quotes:
            labels = voice_labels(doc, stored_quotes(result.quotes)).labels
        column = doc.lemmas if features == "lemmas" else doc.lower
        kind = "lemma" if features == "lemmas" else "word"
        for i, tok in enumerate(doc.lower):
            if not is_word(tok) or (labels is not None and labels[i] == "quote"):
                continue
            counts[(kind, column[i])] += 1
            n_counted += 1
    if categories:
        for m in result.matches:
            if not m.negated and (voice == "all" or m.voice != "quote"):
                counts[("category", f"{m.lexicon}.{m.category}")] += 1
    return counts, n_counted


def document_term_matrix(
    items: Iterable[ArticleResult | tuple[ArticleResult, Doc]],
    *,
    features: str = "forms",
    voice: str = "outlet",
    categories: bool = False,
    min_df: int = 1,
    pipeline: Any = None,
    progress: bool | None = None,
) -> DocumentTermMatrix:
    """Count the features of every analysed article into a sparse matrix.

    Parameters
    ----------
    items : analysed results
        :class:`~framing.types.ArticleResult` objects (a :class:`~framing.analysis.results.Results`,
        or a stream of them), or ``(result, doc)`` pairs when the parse the analysis made is at
        hand (then it is reused: one parse per article).
    features : {"forms", "lemmas", "none"}
        Word columns: lower-cased word forms (no parse needed), spaCy lemmas (``"said"`` ->
        ``"say"``; a parse per article), or none (with ``categories=True``: categories only).
    voice : {"outlet", "all"}
        ``"outlet"`` leaves out the words inside quotations (the sources'), as the reports do;
        ``"all"`` counts every word.
    categories : bool
        Add a column per lexicon category (``registers.marxist``), counting the matches the
        analysis stored (negated ones left out).
    min_df : int
        Keep only features found in at least this many documents.

    Example
    -------
    ::

        m = results.dtm(features="lemmas", categories=True, min_df=2)
        m.matrix.shape, m.vocabulary.head()
        m.write("out/dtm")   # dtm.mtx, vocabulary.csv, documents.csv
    """
    import numpy as np
    import pandas as pd
    import scipy.sparse
    from tqdm.auto import tqdm

    check_option("features", features, DTM_FEATURES)
    check_option("voice", voice, DTM_VOICES)
    if features == "none" and not categories:
        raise OptionError("features='none' needs categories=True: the matrix would have no columns")
    if isinstance(min_df, bool) or not isinstance(min_df, int) or min_df < 1:
        raise OptionError(f"min_df must be a whole number of at least 1; got {min_df!r}")
    column_of: dict[tuple[str, str], int] = {}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[int] = []
    docs: list[dict[str, Any]] = []
    stream = _with_docs(items, features, pipeline)
    bar = tqdm(stream, desc="counting", unit="article", disable=None if progress is None else not progress)
    for n, (result, doc) in enumerate(bar):
        counts, n_counted = _counts(result, doc, features=features, voice=voice, categories=categories)
        for key, c in counts.items():
            j = column_of.get(key)
            if j is None:
                j = column_of[key] = len(column_of)
            rows.append(n)
            cols.append(j)
            vals.append(c)
        meta = result.article.metadata()
        meta.pop("meta", None)
        docs.append({"row": n, **meta, "n_words": result.n_words, "n_counted": n_counted})
    n_docs = len(docs)
    keys = list(column_of)
    coo = scipy.sparse.coo_matrix((np.asarray(vals, dtype=np.int64), (np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64))), shape=(n_docs, len(keys)))
    matrix = coo.tocsc()
    doc_freq = np.diff(matrix.indptr)
    total = np.asarray(matrix.sum(axis=0)).ravel()
    # columns: the features kept by min_df, categories first, then alphabetical (stable across runs)
    keep = [j for j in range(len(keys)) if doc_freq[j] >= min_df]
    keep.sort(key=lambda j: (keys[j][0] != "category", keys[j][1]))
    matrix = matrix[:, keep].tocsr()
    matrix.sort_indices()
    vocabulary = pd.DataFrame(
        {
            "column": range(len(keep)),
            "feature": [keys[j][1] for j in keep],
            "kind": [keys[j][0] for j in keep],
            "doc_freq": doc_freq[keep].astype(int) if keep else np.array([], dtype=int),
            "count": total[keep].astype(int) if keep else np.array([], dtype=int),
        }
    )
    settings = {"features": features, "voice": voice, "categories": categories, "min_df": min_df}
    return DocumentTermMatrix(matrix=matrix, vocabulary=vocabulary, documents=pd.DataFrame(docs), settings=settings)
