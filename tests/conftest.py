"""Shared fixtures: where the example corpus and the seed articles are, and a loader helper.

The seed articles are third-party texts kept outside the repository (``../shared/seeds``); tests
read them at run time and skip when the folder is absent. Never copy their text into the repo.
"""

from __future__ import annotations

import json
import os
import random
import re
from pathlib import Path
from typing import Any

import pytest

import framing
from framing.types import Article, LoadError

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples" / "corpus"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
POLITSTURM_SEED = "politsturm_2026-02-09_us-allies-seek-new-trade-ties.txt"
CNN_SEED = "aggregator-cnn_why-trump-is-scrambling-for-allies.txt"
TEST_GAZETTEER = Path(__file__).resolve().parent / "data" / "gazetteer.toml"

# Child processes (the CLI run as `python -m framing.cli.app`, notebook kernels, spawned workers) must
# import this checkout, not whichever copy an earlier `pip install -e` pointed the environment at.
os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p)


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


def deny_open(monkeypatch: pytest.MonkeyPatch, *paths: Path) -> None:
    """Make os.open raise PermissionError for ``paths``, as it does for a file without read
    permission (this also works as root, who can read any file); framing opens inputs with os.open."""
    real = os.open
    denied = {str(p) for p in paths}

    def fake_open(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if os.fspath(path) in denied:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", fake_open)


# ---------------------------------------------------------------------------------------------
# A generated JSONL corpus (for the tests of the run engine and the command line)

WORDS = ["trade", "tariff", "canola", "minister", "talks", "deal", "market", "border", "ports", "officials", "said", "warned", "reckless", "bold"]


def make_corpus(path: Path, n: int, seed: int = 3) -> Path:
    """A JSONL corpus of n short invented articles from three fictional outlets."""
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            text = " ".join(" ".join(rng.choice(WORDS) for _ in range(12)).capitalize() + "." for _ in range(6))
            fh.write(json.dumps({"id": f"a{i}", "text": text, "outlet": f"Outlet {i % 3}", "date": "2026-03-12"}) + "\n")
    return path


# ---------------------------------------------------------------------------------------------
# A tiny trained classifier (for the tests of predictions in analysis outputs)

_LOADED = ["brutal", "savage", "disgraceful", "shameful", "reckless", "outrageous", "vicious", "regime"]
_PLAIN = ["said", "announced", "reported", "met", "approved", "scheduled", "statement", "officials"]
_FILLER = ["the", "council", "trade", "canada", "tariff", "minister", "budget", "deal", "week", "talks"]


def write_labelled_csv(path: Path, *, n_per_class: int = 12, labels: tuple[str, str] = ("loaded", "plain"), seed: int = 0) -> Path:
    """A small labelled CSV (text, frame, outlet): short articles whose label is carried by loaded
    versus plain words."""
    import csv
    import random

    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["text", "frame", "outlet"])
        for i in range(2 * n_per_class):
            lab = labels[i % 2]
            vocab = _LOADED if i % 2 == 0 else _PLAIN
            sents = [" ".join(rng.choice(_FILLER) for _ in range(6)) + " " + " ".join(rng.choice(vocab) for _ in range(2)) for _ in range(3)]
            w.writerow([". ".join(s.capitalize() for s in sents) + ".", lab, f"o{i % 4}"])
    return path


@pytest.fixture(scope="session")
def tiny_models(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Two small models trained on a labelled CSV written here: ``article`` (tfidf+lexicon,
    article level, cross-validated by outlet) and ``sentence`` (tfidf, sentence level)."""
    from framing.ml import read_labelled, save_classifier, train

    root = tmp_path_factory.mktemp("models")
    data = read_labelled(write_labelled_csv(root / "coded.csv"), text_col="text", label_col="frame", group_col="outlet")
    art = train(list(data.text), list(data.label), groups=list(data.group), model="tfidf+lexicon", cv=3, n_examples=0, data=data.attrs["source"])
    sentences = [s.strip() + "." for t in data.text for s in t.split(".") if s.strip()]
    sent_labels = [lab for t, lab in zip(data.text, data.label) for s in t.split(".") if s.strip()]
    sen = train(sentences, sent_labels, model="tfidf", level="sentence", cv=None, n_examples=0)
    return {"article": save_classifier(art, root / "frames.skops"), "sentence": save_classifier(sen, root / "tone.skops"), "csv": root / "coded.csv"}


@pytest.fixture
def gz_path() -> Path:
    """The small gazetteer written for the tests (tests/data/gazetteer.toml), never the shipped one."""
    return TEST_GAZETTEER


@pytest.fixture
def gz(gz_path: Path):  # type: ignore[no-untyped-def]
    from framing.actors.gazetteer import load_gazetteer

    return load_gazetteer(gz_path)


def interrupt_after(monkeypatch: pytest.MonkeyPatch, batches: int) -> Any:
    """Make a run stop as if killed (KeyboardInterrupt) once ``batches`` batches are analysed;
    returns a function that puts the real analysis back."""
    import framing.run.workers as workers

    real = workers.analyse_batch
    calls = {"n": 0}

    def dying(batch: Any, settings: Any) -> Any:
        calls["n"] += 1
        if calls["n"] > batches:
            raise KeyboardInterrupt
        return real(batch, settings)

    monkeypatch.setattr(workers, "analyse_batch", dying)
    return lambda: monkeypatch.setattr(workers, "analyse_batch", real)


# ---------------------------------------------------------------------------------------------
# The package as a wheel installs it (for the tests of package data)


@pytest.fixture(scope="session")
def built_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding ``framing/`` as a (non-editable) install lays it out: the modules and the
    package data pyproject.toml declares, built by setuptools' build_py from this checkout. Put it
    first on PYTHONPATH to run the package away from the repository."""
    import warnings

    from setuptools.config.pyprojecttoml import apply_configuration
    from setuptools.dist import Distribution

    dest = tmp_path_factory.mktemp("site")
    cwd = os.getcwd()
    try:
        os.chdir(REPO)  # the configuration's paths are relative to the project
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # setuptools' notes on data-only subfolders and beta configuration
            dist = Distribution()
            dist.script_name = "setup.py"
            apply_configuration(dist, "pyproject.toml")
            cmd = dist.get_command_obj("build_py")
            cmd.build_lib = str(dest)
            cmd.ensure_finalized()
            cmd.run()
    finally:
        os.chdir(cwd)
    assert (dest / "framing" / "__init__.py").is_file()
    return dest


def only_own_scripts(html: str) -> None:
    """The page's scripts are its own: the data of the term plot and of the uses in context (JSON)
    and its code, once each; nothing from an article became a script."""
    tags = re.findall(r"<script[^>]*>", html.lower())
    assert len(tags) <= 3 and set(tags) <= {'<script type="application/json" class="tp-data">', '<script type="application/json" id="kwic-data">', "<script>"}, tags
    assert html.lower().count("<script>") <= 1
