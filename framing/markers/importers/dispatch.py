"""Importing a dictionary in any supported format, chosen by the file extension."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Unpack

from framing.errors import LexiconError
from framing.markers.importers.builder import ImportKeywords, PathLike
from framing.markers.importers.csv_table import import_csv
from framing.markers.importers.liwc import import_liwc
from framing.markers.importers.quanteda_yaml import import_yaml
from framing.markers.importers.wordstat import import_wordstat
from framing.markers.lexicons import Lexicon

__all__ = ["import_dictionary"]

_IMPORTERS: dict[str, Callable[..., Lexicon]] = {
    ".dic": import_liwc,
    ".yml": import_yaml,
    ".yaml": import_yaml,
    ".cat": import_wordstat,
    ".csv": import_csv,
}


def import_dictionary(path: PathLike, **options: Unpack[ImportKeywords]) -> Lexicon:
    """Import a dictionary, choosing the format by extension (``.dic``, ``.yml``/``.yaml``, ``.cat``, ``.csv``).

    ``options`` (``name``, ``version``, ``license``, ``language``, ``encoding``) go to the
    importer; see :class:`~framing.markers.importers.builder.ImportOptions`.
    """
    path = Path(path)
    importer = _IMPORTERS.get(path.suffix.lower())
    if importer is None:
        hint = "; a .toml file is already in our format: use framing.markers.lexicons.load_lexicon" if path.suffix.lower() == ".toml" else ""
        raise LexiconError(
            f"{path}: cannot tell the dictionary format from the extension {path.suffix or '(none)'!r}; expected "
            f".dic (LIWC), .yml or .yaml (quanteda YAML), .cat (WordStat) or .csv (term,category[,weight][,note]){hint}"
        )
    return importer(path, **options)
