"""Fixtures of the classroom tests: the example corpus analysed once, its worksheet data at two
levels, and the files of two worksheets (anonymised middle school, plain high school)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import framing
from framing.analysis.results import Results
from framing.classroom.worksheet import make_worksheet, worksheet_data


@pytest.fixture(scope="session")
def results(example_corpus: framing.Corpus) -> Results:
    """The example corpus analysed without the sentiment model."""
    return framing.analyze(example_corpus, sentiment=None, progress=False)


@pytest.fixture(scope="session")
def middle(results: Results) -> dict[str, Any]:
    """Worksheet data at middle-school level, anonymised."""
    return worksheet_data(results, level="middle", anonymise=True)


@pytest.fixture(scope="session")
def college(results: Results) -> dict[str, Any]:
    """Worksheet data at college level, outlets named."""
    return worksheet_data(results, level="college")


@pytest.fixture(scope="session")
def anon_files(results: Results, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """An anonymised middle-school worksheet and key, HTML and PDF."""
    return make_worksheet(results, level="middle", anonymise=True, out_dir=tmp_path_factory.mktemp("anon"))


@pytest.fixture(scope="session")
def plain_files(results: Results, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A high-school worksheet and key with outlets named, HTML and PDF."""
    return make_worksheet(results, level="high", out_dir=tmp_path_factory.mktemp("plain"), formats="html,pdf")
