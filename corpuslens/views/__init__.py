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

__all__ = ["ActorsView", "PairView", "actors_view", "pair_view", "DocumentsView", "OverviewView", "documents_view", "overview_view", "page_values", "TermsView", "terms_view", "TopicsView", "chosen_k", "topics_view"]
