"""The Overview: the selection's size, documents per year, top contributors, theme shares, the document list."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

import pandas as pd

from corpuslens.figures import vega
from corpuslens.filters import UNKNOWN, Filters
from corpuslens.index.corpus_index import CorpusIndex
from corpuslens.page_settings import setting
from corpuslens.query import overview as query
from corpuslens.selection import selection_mask
from corpuslens.views.common import page_values


@dataclass(frozen=True)
class OverviewView:
    empty: bool
    summary: dict
    contributors_by: str  # "authors" or "publications"
    # Documents of the selection with no known author (publication): said beside the chart, not drawn as a bar that
    # on a folder of saved pages would dwarf every named one.
    contributors_unknown: int
    documents: pd.DataFrame  # the document list (query.overview.DOCUMENT_LIST_COLUMNS)
    # Vega-Lite specs (plain dicts, data inline): simple bars cost the browser far less than plotly charts.
    years_chart: dict | None
    contributors_chart: dict | None
    themes_chart: dict | None


def overview_view(index: CorpusIndex, filters: Filters, settings: Mapping | None = None,
                  validated: tuple[tuple[str, str], ...] = ()) -> OverviewView:
    """`validated`: (theme id, its precision line) of the themes analysts have validated, shown in the theme chart."""
    values = page_values("overview", settings)
    mask = selection_mask(index, filters)
    by = values["contributors"]
    if not mask.any():
        return OverviewView(True, query.selection_summary(index, mask), by, 0, query.document_list(index, mask),
                            None, None, None)
    by_year, unknown_year = query.documents_by_year(index, mask)
    contributors = query.contributors(index, mask, by)
    unknown = contributors["name"] == UNKNOWN
    contributors_unknown = int(contributors.loc[unknown, "documents"].sum())
    contributors = contributors.loc[~unknown]
    # "Authors" -> "Author": the chart names one contributor per bar.
    contributors_chart = (vega.top_contributors(contributors, setting("contributors").option_label(by)[:-1])
                          if len(contributors) else None)
    # The two charts stand side by side: the same plot height keeps the years chart from floating under a gap.
    height = contributors_chart["height"] if contributors_chart else 300
    return OverviewView(
        empty=False,
        summary=query.selection_summary(index, mask),
        contributors_by=by,
        contributors_unknown=contributors_unknown,
        documents=query.document_list(index, mask),
        years_chart=vega.documents_by_year(by_year, unknown_year, height),
        contributors_chart=contributors_chart,
        themes_chart=vega.theme_shares(query.theme_shares(index, mask), validation=validated),
    )
