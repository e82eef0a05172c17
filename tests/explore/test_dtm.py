"""Document-term matrix: counts per voice, lemmas, categories, min_df, and files that scipy, gensim
(its Matrix Market reading, re-done here) and R read back."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import scipy.io

import framing
from framing.analysis.results import Results
from framing.cli.app import main
from framing.errors import OptionError
from framing.types import Article

# written for these tests (illustrative, not real reporting)
TEXTS = {
    "a1": 'The ministers said the sanctions worked. "Sanctions never work," a farmer said. The monopoly capital of the ruling class grew.',
    "a2": "Sanctions hurt the ruling class and the working class alike, critics say.",
    "a3": "Rain fell on the harbour.",
}


@pytest.fixture(scope="module")
def results() -> Results:
    arts = [Article(id=k, text=v, outlet=f"Outlet {k}", published="2026-03-01") for k, v in TEXTS.items()]
    return framing.analyze(arts, sentiment=None, progress=False)


def _count(m, doc_id: str, feature: str) -> int:
    row = m.documents.index[m.documents["id"] == doc_id][0]
    cols = m.vocabulary.index[m.vocabulary["feature"] == feature]
    return int(m.matrix[row, cols[0]]) if len(cols) else 0


def test_forms_count_words_and_outlet_voice_drops_quotations(results):
    """Word forms are lower-cased words (punctuation and clitics out); voice='outlet' leaves out
    the words inside the quotation, voice='all' counts them."""
    every = results.dtm(voice="all")
    own = results.dtm()
    assert _count(every, "a1", "sanctions") == 2 and _count(own, "a1", "sanctions") == 1
    assert _count(every, "a1", "never") == 1 and _count(own, "a1", "never") == 0
    assert _count(own, "a1", "said") == 2  # the verbs of saying are the outlet's
    assert "." not in set(every.vocabulary["feature"]) and '"' not in set(every.vocabulary["feature"])
    a3 = every.documents.set_index("id").loc["a3"]
    assert a3["n_counted"] == 5 == every.matrix[2].sum()
    assert set(every.vocabulary["kind"]) == {"word"}


def test_lemmas_and_categories(results):
    """Lemmas merge inflections; category columns count the matches the analysis counted."""
    m = results.dtm(features="lemmas", voice="all", categories=True)
    assert _count(m, "a1", "say") == 2 and _count(m, "a1", "said") == 0
    assert _count(m, "a2", "sanction") == 1
    for r in results:
        assert _count(m, r.article.id, "registers.marxist") == r.markers["registers.marxist"]["all_count"]
    own = results.dtm(features="none", categories=True)
    assert set(own.vocabulary["kind"]) == {"category"}
    assert [_count(own, r.article.id, "registers.marxist") for r in results] == [r.markers["registers.marxist"]["count"] for r in results]
    assert own.vocabulary["feature"].iloc[0] < own.vocabulary["feature"].iloc[-1]


def test_min_df_and_bad_options(results):
    """min_df keeps features in at least that many documents; bad options are clear errors."""
    m = results.dtm(min_df=2)
    assert (m.vocabulary["doc_freq"] >= 2).all()
    assert "ruling" in set(m.vocabulary["feature"]) and "harbour" not in set(m.vocabulary["feature"])
    assert (np.diff(m.matrix.tocsc().indptr) == m.vocabulary["doc_freq"].to_numpy()).all()
    with pytest.raises(OptionError, match="features"):
        results.dtm(features="stems")
    with pytest.raises(OptionError, match="categories=True"):
        results.dtm(features="none")
    with pytest.raises(OptionError, match="min_df"):
        results.dtm(min_df=0)


def _read_like_gensim(path) -> list[list[tuple[int, int]]]:
    """What gensim's MmCorpus does with the file: skip % lines, read 'docs terms nnz', then
    1-based 'doc term count' lines that must come in document order; bag of words per doc."""
    lines = [ln for ln in path.read_text().splitlines() if not ln.startswith("%")]
    n_docs, n_terms, nnz = map(int, lines[0].split())
    docs: list[list[tuple[int, int]]] = [[] for _ in range(n_docs)]
    last = 0
    for ln in lines[1:]:
        d, t, c = ln.split()
        assert int(d) >= last, "gensim reads documents in order"
        last = int(d)
        assert 1 <= int(t) <= n_terms
        docs[int(d) - 1].append((int(t) - 1, int(float(c))))
    assert sum(len(d) for d in docs) == nnz
    return docs


def test_written_files_round_trip(results, tmp_path):
    """dtm.mtx reads back with scipy.io.mmread and as gensim reads it, row i = documents.csv line
    i, column j = vocabulary.csv line j."""
    m = results.dtm(categories=True)
    m.write(tmp_path)
    back = scipy.io.mmread(tmp_path / "dtm.mtx").tocsr()
    assert back.shape == m.shape and (back != m.matrix).nnz == 0
    assert np.issubdtype(back.dtype, np.integer)
    vocab = pd.read_csv(tmp_path / "vocabulary.csv", keep_default_na=False)
    docs = pd.read_csv(tmp_path / "documents.csv")
    assert vocab["feature"].tolist() == m.vocabulary["feature"].tolist()
    assert docs["id"].tolist() == list(TEXTS)
    bows = _read_like_gensim(tmp_path / "dtm.mtx")
    for i, bow in enumerate(bows):
        dense = m.matrix[i].toarray().ravel()
        assert dict(bow) == {j: int(dense[j]) for j in np.flatnonzero(dense)}
    col = vocab.index[vocab["feature"] == "sanctions"][0]
    assert back[0, col] == 1


def test_cli_export_dtm_raw_equals_results_folder(tmp_path, capsys):
    """`framing export dtm` on raw inputs (analysed, lemmas from that parse) writes the same
    matrix as on the results folder of the same analysis."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for k, v in TEXTS.items():
        (raw / f"{k}.txt").write_text(v, encoding="utf-8")
    assert main(["export", "dtm", str(raw), "--out", str(tmp_path / "x"), "--lemmas", "--categories", "--no-progress"]) == 0
    assert "3 documents" in capsys.readouterr().err
    res = framing.analyze(framing.load(raw), sentiment=None, progress=False)
    (tmp_path / "run").mkdir()
    res.to_jsonl(tmp_path / "run" / "articles.jsonl")
    assert main(["export", "dtm", str(tmp_path / "run"), "--out", str(tmp_path / "y"), "--lemmas", "--categories", "--no-progress"]) == 0
    for name in ("dtm.mtx", "vocabulary.csv"):
        assert (tmp_path / "x" / name).read_text() == (tmp_path / "y" / name).read_text(), name
    assert main(["export", "dtm", str(tmp_path / "nowhere"), "--out", str(tmp_path / "z")]) == 2
