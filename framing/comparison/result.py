"""The result of a comparison, as data: tables, findings, stories; rendered by :mod:`framing.report`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from framing.markers.registry import MarkerRegistry, marker_registry
from framing.types import ArticleResult

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["Comparison"]


@dataclass
class Comparison:
    """The result of :func:`compare`: tables (pandas) and plain-language findings, as data.

    :mod:`framing.report` renders it (``framing.report.html(comparison, path)``, ``.pdf``,
    ``.markdown``, ``.write_tables``).
    """

    by: str
    mode: str
    groups: list[str]
    sizes: dict[str, int]
    small: list[str]
    profiles: Any  # DataFrame: group, marker, mean, ci_low, ci_high, n
    differences: Any  # DataFrame: group, reference, marker, diff, hedges_g, p_value
    distinctive: Any  # DataFrame: group, term, counts, log_odds, z, chi2, ll, p_ll, log_ratio
    actors: Any
    quotes: Any
    roles: Any
    stories: list[dict[str, Any]]
    findings: list[dict[str, Any]]
    results: list[ArticleResult] = field(repr=False, default_factory=list)
    errors: list[Any] = field(repr=False, default_factory=list)
    #: bootstrap resamples behind each interval and permutations behind each p-value
    n_boot: int = 1000
    n_perm: int = 2000
    #: DataFrame of classifier predictions per group (model, group, label, share, ci_low, ci_high,
    #: n, small); None when no article has predictions (see :func:`prediction_shares`)
    predictions: Any = None
    #: model name -> card summary (``provenance.classifiers`` of the articles)
    classifiers: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: whose words the profiles count: "outlet" (its own wording) or "all"
    voice: str = "outlet"
    #: DataFrame of register scores per group (group, register, n, score, ci_low, ci_high,
    #: reference, clear, none, unclear, small; :func:`framing.comparison.tables.register_table`)
    registers: Any = None
    #: DataFrame of each group's words against a reference (general English or a corpus;
    #: :func:`framing.comparison.reference.reference_keyness`), None when not asked for;
    #: ``attrs["reference"]`` names the reference
    reference_terms: Any = None
    #: how each marker is named and shown (from the lexicon files used)
    registry: MarkerRegistry = field(repr=False, default_factory=marker_registry)

    def tables(self) -> dict[str, pd.DataFrame]:
        out = {
            "profiles": self.profiles,
            "differences": self.differences,
            "distinctive": self.distinctive,
            "actors": self.actors,
            "quotes": self.quotes,
            "roles": self.roles,
        }
        if self.predictions is not None and len(self.predictions):
            out["predictions"] = self.predictions
        if self.registers is not None and len(self.registers):
            out["registers"] = self.registers
        if self.reference_terms is not None:
            out["reference_keyness"] = self.reference_terms
        return out

    def summary(self) -> list[str]:
        """The findings as plain sentences."""
        return [f["text"] for f in self.findings]

    def _repr_html_(self) -> str:
        from html import escape

        items = "".join(f"<li>{escape(t)}</li>" for t in self.summary()[:12])
        sizes = ", ".join(f"{escape(str(g))} ({n})" for g, n in self.sizes.items())
        return f"<p><b>Comparison by {escape(self.by)}</b>: {sizes}</p><ul>{items}</ul><p>Use <code>framing.report.html(comparison, path)</code> for the full report.</p>"

    def __repr__(self) -> str:
        return f"Comparison(by={self.by!r}, groups={self.groups}, small={self.small})"
