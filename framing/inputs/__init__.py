"""Reading inputs: find files, decode them, clean pages, recover metadata, flag duplicate articles.

``load(paths, **options)`` gives a :class:`Corpus`; ``iter_load`` streams the same articles;
:class:`LoadOptions` defines the options. See :mod:`framing.inputs.discovery` for the formats.
"""

from framing.inputs.clean import Cleaned, clean_html, clean_text, parse_front_matter
from framing.inputs.corpus import Corpus, DuplicateFinder, flag_duplicates, reconcile_outlets
from framing.inputs.dates import parse_date
from framing.inputs.decoding import decode
from framing.inputs.discovery import FORMATS, discover
from framing.inputs.loader import Reading, iter_load, load
from framing.inputs.options import LoadOptions
from framing.inputs.outlets import outlet_from_domain, outlet_key
from framing.inputs.readers import read_file
from framing.inputs.source import FileDigest, Source

__all__ = [
    "FORMATS",
    "Cleaned",
    "Corpus",
    "DuplicateFinder",
    "FileDigest",
    "LoadOptions",
    "Reading",
    "Source",
    "clean_html",
    "clean_text",
    "decode",
    "discover",
    "flag_duplicates",
    "iter_load",
    "load",
    "outlet_from_domain",
    "outlet_key",
    "parse_date",
    "parse_front_matter",
    "read_file",
    "reconcile_outlets",
]
