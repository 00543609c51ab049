"""One function per dashboard view: (index, filters, page settings) -> a frozen result.

A result holds every table the page shows, the figures built from them, and the ids a click on a
figure needs (in the figures' `customdata`), so a page only places results and a click never runs a
query again. The dashboard caches these functions (dashboard/cache.py); the benchmark (bench/run.py)
and tests call the same functions, so what is measured is what the pages draw.
"""

from corpuslens.views.actors import ActorsView, PairView, actors_view, pair_view
from corpuslens.views.common import page_values
from corpuslens.views.documents import DocumentsView, documents_view
from corpuslens.views.overview import OverviewView, overview_view
from corpuslens.views.terms import TermsView, terms_view
from corpuslens.views.topics import TopicsView, chosen_k, topics_view

# The view functions that need nothing but (index, filters, settings, *extra); Topics, Documents and the validation
# sample also take a shared topic model or compiled lexicon (dashboard/cache.py passes them).
VIEWS = {"overview": overview_view, "terms": terms_view, "actors": actors_view, "pair": pair_view}

__all__ = ["VIEWS", "ActorsView", "DocumentsView", "OverviewView", "PairView", "TermsView", "TopicsView", "actors_view",
           "chosen_k", "documents_view", "overview_view", "page_values", "pair_view", "terms_view", "topics_view"]
