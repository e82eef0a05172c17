"""Framing markers: lexicons and their matcher, the non-lexicon detectors, dictionary importers.

Modules inside the package import from the specific module (``framing.markers.lexicons``), never
from here; this file only re-exports the public names.
"""

from __future__ import annotations

from framing.markers.detectors import DETECTOR_CATEGORIES, DETECTOR_VERSION, detect, quote_share
from framing.markers.importers import (
    ImportKeywords,
    ImportOptions,
    import_csv,
    import_dictionary,
    import_liwc,
    import_wordstat,
    import_yaml,
    to_toml,
    write_toml,
)
from framing.markers.lexicons import (
    Category,
    Entry,
    Lexicon,
    LexiconSet,
    find_lexicon_files,
    is_gazetteer_file,
    load_default_lexicons,
    load_lexicon,
    parse_lexicon,
    term_tokens,
)
from framing.markers.match import NEGATORS, TokenMatcher

__all__ = [
    "DETECTOR_CATEGORIES",
    "DETECTOR_VERSION",
    "NEGATORS",
    "Category",
    "Entry",
    "ImportKeywords",
    "ImportOptions",
    "Lexicon",
    "LexiconSet",
    "TokenMatcher",
    "detect",
    "find_lexicon_files",
    "import_csv",
    "import_dictionary",
    "import_liwc",
    "import_wordstat",
    "import_yaml",
    "is_gazetteer_file",
    "load_default_lexicons",
    "load_lexicon",
    "parse_lexicon",
    "quote_share",
    "term_tokens",
    "to_toml",
    "write_toml",
]
