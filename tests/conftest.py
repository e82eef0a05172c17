"""Shared fixtures: where the example corpus and the seed articles are, and a loader helper.

The seed articles are third-party texts kept outside the repository (``../shared/seeds``); tests
read them at run time and skip when the folder is absent. Never copy their text into the repo.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import framing
from framing.types import Article, LoadError

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "corpus"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
POLITSTURM_SEED = "politsturm_2026-02-09_us-allies-seek-new-trade-ties.txt"
CNN_SEED = "aggregator-cnn_why-trump-is-scrambling-for-allies.txt"


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    """The invented example corpus shipped in the repository."""
    assert EXAMPLES.is_dir(), f"example corpus missing at {EXAMPLES}"
    return EXAMPLES


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The real seed articles next to the repository; skip when they are not there."""
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not available: {SEEDS} does not exist (they live outside the repository)")
    return SEEDS


@pytest.fixture(scope="session")
def politsturm_seed(seeds_dir: Path) -> Path:
    """The Politsturm seed article (Markdown copied from the page)."""
    path = seeds_dir / POLITSTURM_SEED
    if not path.is_file():
        pytest.skip(f"seed article not available: {path}")
    return path


@pytest.fixture(scope="session")
def cnn_seed(seeds_dir: Path) -> Path:
    """The CNN analysis as republished by an aggregator (plain text with page debris)."""
    path = seeds_dir / CNN_SEED
    if not path.is_file():
        pytest.skip(f"seed article not available: {path}")
    return path


@pytest.fixture(scope="session")
def example_corpus(examples_dir: Path) -> framing.Corpus:
    """The example corpus loaded once (load, clean, reconcile outlets, flag duplicates)."""
    return framing.load(examples_dir)


def split(items) -> tuple[list[Article], list[LoadError]]:  # type: ignore[no-untyped-def]
    """Articles and errors from an iter_load stream, in order."""
    articles: list[Article] = []
    errors: list[LoadError] = []
    for item in items:
        (articles if isinstance(item, Article) else errors).append(item)
    return articles, errors


@pytest.fixture
def load_items():  # type: ignore[no-untyped-def]
    """``load_items(paths, **options) -> (articles, errors)`` through framing.iter_load."""

    def _load(paths, **options):  # type: ignore[no-untyped-def]
        return split(framing.iter_load(paths, **options))

    return _load
