"""Pure analyses on slices of the index's matrices: keyness, frequencies, co-mention, KWIC and topics.

No state, no files: arrays and sparse matrices in, numpy arrays or pandas tables out.
"""

from corpuslens.analysis.comention import co_mention_counts, jaccard, npmi, top_actors, units_with_both
from corpuslens.analysis.frequencies import (
    phrase_mask,
    selection_counts,
    selection_passage_counts,
    term_trend,
    top_terms,
)
from corpuslens.analysis.keyness import PRIOR_ALPHA0, distinctive_terms, informative_prior, log_odds_dirichlet
from corpuslens.analysis.kwic import kwic, term_pattern
from corpuslens.analysis.topics import NO_TOPIC, TopicModel, prevalence

__all__ = [
    "NO_TOPIC",
    "PRIOR_ALPHA0",
    "TopicModel",
    "co_mention_counts",
    "distinctive_terms",
    "informative_prior",
    "jaccard",
    "kwic",
    "log_odds_dirichlet",
    "npmi",
    "phrase_mask",
    "prevalence",
    "selection_counts",
    "selection_passage_counts",
    "term_pattern",
    "term_trend",
    "top_actors",
    "top_terms",
    "units_with_both",
]
