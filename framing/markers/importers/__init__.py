"""Importers for dictionaries in other tools' formats, and a writer for our TOML format.

Many framing and sentiment dictionaries (LIWC, Lexicoder, the extended Moral Foundations
Dictionary, WordStat dictionaries) are licensed so that ``framing`` may never ship them. These
importers read a copy the user owns and turn it into a :class:`~framing.markers.lexicons.Lexicon`:

* :func:`import_liwc` - LIWC ``.dic`` files (header of numbered categories between ``%`` lines);
* :func:`import_yaml` - quanteda-style YAML dictionaries (nested mappings of term lists);
* :func:`import_wordstat` - WordStat ``.cat`` files (indented categories and entries);
* :func:`import_csv` - a plain CSV with the columns ``term,category[,weight][,note]``;
* :func:`import_dictionary` - any of the above, chosen by the file extension.

Every importer builds the same document the TOML loader reads and validates it with
:func:`framing.markers.lexicons.parse_lexicon`, so names, weights and duplicates are checked in one place.
Category names become lower-case ``[a-z0-9_]`` names (the original name is kept as the label);
nested categories are joined with ``_``. :func:`write_toml` saves an imported dictionary in our own
format so it can be edited and versioned, but remember that the file is still derived from the
restricted dictionary: keep it out of anything you publish.

Example::

    lex = import_dictionary("my_dictionary.dic", name="mydict")
    write_toml(lex, "mydict.toml")

Every importer takes the same keyword options (:class:`ImportOptions`: ``name``, ``version``,
``license``, ``language``, ``encoding``). One module per format (``liwc``, ``quanteda_yaml``,
``wordstat``, ``csv_table``), the shared reading and building in ``builder``, the dispatcher in
``dispatch`` and the writer in ``toml_writer``.
"""

from __future__ import annotations

from framing.markers.importers.builder import ImportKeywords, ImportOptions
from framing.markers.importers.csv_table import import_csv
from framing.markers.importers.dispatch import import_dictionary
from framing.markers.importers.liwc import import_liwc
from framing.markers.importers.quanteda_yaml import import_yaml
from framing.markers.importers.toml_writer import to_toml, write_toml
from framing.markers.importers.wordstat import import_wordstat

__all__ = [
    "ImportKeywords",
    "ImportOptions",
    "import_csv",
    "import_dictionary",
    "import_liwc",
    "import_wordstat",
    "import_yaml",
    "to_toml",
    "write_toml",
]
