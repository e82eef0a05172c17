"""Exploring the evidence: concordances (every use of a term in context) and document-term
matrices for other tools.

Modules inside the package import from the specific module (``framing.explore.kwic``), never from
here; this file only re-exports the public names.
"""

from __future__ import annotations

from framing.explore.dtm import DTM_FEATURES, DTM_VOICES, DocumentTermMatrix, document_term_matrix
from framing.explore.kwic import KWIC_COLUMNS, TermQuery, iter_kwic, iter_kwic_jsonl, kwic, kwic_frame, term_query

__all__ = ["DTM_FEATURES", "DTM_VOICES", "KWIC_COLUMNS", "DocumentTermMatrix", "TermQuery", "document_term_matrix", "iter_kwic", "iter_kwic_jsonl", "kwic", "kwic_frame", "term_query"]
