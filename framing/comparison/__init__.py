"""Compare groups of analysed articles (outlets by default): profiles, differences, distinctive
words, actors, quotes, stories and plain-language findings, as data (:mod:`framing.report` renders).
"""

from framing.comparison.comparison import compare
from framing.comparison.grouping import UNKNOWN, check_by, group_of, groupable_fields
from framing.comparison.reference import load_reference, reference_keyness
from framing.comparison.result import Comparison
from framing.comparison.stats import bootstrap_ci, hedges_g, keyness, log_odds_dirichlet, permutation_test
from framing.comparison.stories import same_story_groups
from framing.comparison.tables import actor_table, prediction_shares, quote_table, role_table

__all__ = [
    "UNKNOWN",
    "Comparison",
    "actor_table",
    "bootstrap_ci",
    "check_by",
    "compare",
    "group_of",
    "groupable_fields",
    "hedges_g",
    "keyness",
    "load_reference",
    "log_odds_dirichlet",
    "permutation_test",
    "prediction_shares",
    "quote_table",
    "reference_keyness",
    "role_table",
    "same_story_groups",
]
