"""The Terms page: top terms (bars or word cloud), distinctive terms against the rest or a selection B, and one
term over the years and in context."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

import pandas as pd

from corpuslens import figures
from corpuslens.figures import vega
from corpuslens.filters import Filters
from corpuslens.index.corpus_index import CorpusIndex
from corpuslens.page_settings import setting
from corpuslens.query import terms as query
from corpuslens.selection import selection_mask
from corpuslens.views.common import page_values

DISTINCTIVE_TOP = 20
KWIC_SHOWN = 300  # keyword-in-context lines on the page; the CLI gives them all


@dataclass(frozen=True)
class TermsView:
    empty: bool
    grams_label: str  # "Words and phrases", "Words" or "Two-word phrases"
    top: pd.DataFrame  # term, count, passages
    listed: list  # the top terms in the order the bars show them, most frequent first
    bars_chart: dict | None  # Vega-Lite; a click selects the bar's term (figures.vega.PICK)
    cloud_png: bytes | None  # drawn only when the page shows the word cloud
    cloud_terms: int  # the terms offered to the cloud (as many as fit are drawn)
    side_labels: tuple[str, str]  # ("the selection", "the rest") or ("selection A", "selection B")
    comparison_size: int  # passages on the other side; 0: nothing to compare with
    distinctive: pd.DataFrame | None
    distinctive_chart: dict | None
    term: str  # the term shown: the chosen one, else the selection's most frequent
    term_is_default: bool
    trend: pd.DataFrame | None
    trend_chart: dict | None
    kwic: pd.DataFrame | None


def terms_view(index: CorpusIndex, filters: Filters, settings: Mapping | None = None,
               compare: Filters | None = None) -> TermsView:
    """`compare`: selection B's filters when the page compares with B (setting `compare` = "b"), else None."""
    values = page_values("terms", settings)
    mask = selection_mask(index, filters)
    counts = query.term_counts(index, mask)
    grams = values["grams"]
    top = query.top_terms(index, mask, values["n"], grams, counts=counts)
    grams_label = setting("grams").option_label(grams)
    cloud_png, frequencies = None, {}
    if values["show"] == "cloud":
        frequencies = query.cloud_frequencies(index, mask, counts=counts)
        cloud_png = figures.word_cloud_png(frequencies) if frequencies else None
    bars = None
    if values["show"] == "bars" and not top.empty:
        bars = vega.term_bars(top, title=f"Top {len(top)} {grams_label.lower()}")

    use_b = values["compare"] == "b" and compare is not None
    sides = ("selection A", "selection B") if use_b else ("the selection", "the rest")
    mask_b = selection_mask(index, compare) if use_b else None
    size_b = int(query.comparison_mask(index, mask, mask_b).sum())
    distinctive = distinctive_chart = None
    if size_b and mask.any():
        distinctive = query.distinctive_terms(index, mask, mask_b, DISTINCTIVE_TOP, counts_a=counts)
        if not distinctive.empty:
            distinctive_chart = vega.distinctive_terms(distinctive, *sides)

    term = values["term"].strip()
    is_default = not term
    if is_default:
        term = query.default_term(query.top_terms(index, mask, 1, "all", counts=counts))
    trend = query.term_trend(index, mask, term) if term else None
    return TermsView(
        empty=not mask.any(), grams_label=grams_label, top=top, listed=list(vega.bar_order(top)["term"]),
        bars_chart=bars, cloud_png=cloud_png, cloud_terms=len(frequencies), side_labels=sides, comparison_size=size_b,
        distinctive=distinctive, distinctive_chart=distinctive_chart,
        term=term, term_is_default=is_default, trend=trend,
        trend_chart=vega.term_trend(trend, term) if trend is not None and not trend.empty else None,
        kwic=query.kwic(index, mask, term, limit=KWIC_SHOWN) if term else None,
    )
