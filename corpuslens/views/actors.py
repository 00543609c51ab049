"""The Actors page, as two views: who is named with whom (`actors_view`), and one chosen pair (`pair_view`).

Two, not one: a click on a pair, or a framing word, recomputes only the pair's part, not the co-mention
matrix of the whole selection.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Mapping

import pandas as pd

from corpuslens import figures
from corpuslens.figures import vega
from corpuslens.filters import Filters
from corpuslens.index.corpus_index import CorpusIndex
from corpuslens.page_settings import setting
from corpuslens.query import actors as query
from corpuslens.selection import selection_mask
from corpuslens.views.common import page_values

if TYPE_CHECKING:
    import plotly.graph_objects as go

FRAMING_TOP = 15
FRAMING_TITLE = "Words around each actor"
TREND_TITLE = "Actor mentions over the years"
PASSAGES_KEPT = 200  # the pair's passages carried by the view; the page shows the first 50, the download all of these


def chosen_pair(index: CorpusIndex, settings: Mapping) -> tuple[str, str, tuple[str, ...]]:
    """The settings' actors `a` and `b` as actor ids (a link may name them by any alias; "" when none), with a
    note for each value that names no actor of the corpus."""
    ids, notes = [], []
    for key in ("a", "b"):
        value = settings.get(key, "")
        actor = query.resolve_actor(index, value) if value else None
        if value and actor is None:
            notes.append(f"{key}: {value!r} is not an actor of this corpus, ignored")
        ids.append(actor or "")
    return ids[0], ids[1], tuple(notes)


@dataclass(frozen=True)
class ActorsView:
    empty: bool
    years: list  # the selection's known years, for the year slider
    year: int | None  # the year the co-mentions are of; None: every year
    year_dropped: int  # a year from the settings the selection does not have (then every year is shown), else 0
    co_mentions: query.CoMentions
    heatmap_chart: dict | None  # Vega-Lite; a click selects the cell's pair (figures.vega.PAIR_PICK)
    network_figure: go.Figure | None  # plotly, drawn only when the page shows the network
    network_min: float
    trend_chosen: list  # the actors drawn over the years: the chosen pair, else the most mentioned
    trend: pd.DataFrame
    trend_chart: dict | None  # Vega-Lite
    mentions: pd.DataFrame
    uncovered: pd.DataFrame | None  # listed only when the settings ask (`names` = "show")


def actors_view(index: CorpusIndex, filters: Filters, settings: Mapping | None = None) -> ActorsView:
    values = page_values("actors", settings)
    mask = selection_mask(index, filters)
    years = query.selection_years(index, mask)
    wanted = values["in_year"] or None
    year = wanted if wanted in years and len(years) > 1 else None
    window, measure = values["window"], values["measure"]
    result = query.co_mentions(index, mask, window, measure, tuple(values["kinds"]), values["top"], year=year)
    heatmap = network = None
    if result.ids and values["chart"] == "heatmap":
        heatmap = vega.co_mention_heatmap(result.values, result.labels, result.ids, measure, counts=result.counts,
                                          size=values["top"])
    elif result.ids:
        network = figures.actor_network(result.values, result.labels, min_value=query.NETWORK_MIN_VALUE[measure],
                                      mentions=result.counts.diagonal(),
                                      value_name=setting("measure").option_label(measure))
    actor_a, actor_b, _ = chosen_pair(index, values)
    chosen = query.trend_actors(result, actor_a, actor_b)
    trend = query.actor_trend(index, mask, chosen) if chosen else pd.DataFrame()
    return ActorsView(
        empty=not mask.any(), years=years, year=year, year_dropped=wanted if wanted and year is None else 0,
        co_mentions=result, heatmap_chart=heatmap, network_figure=network, network_min=query.NETWORK_MIN_VALUE[measure],
        trend_chosen=chosen, trend=trend,
        trend_chart=vega.actor_trend(trend) if not trend.empty else None,
        mentions=query.actor_mentions(index, mask),
        uncovered=query.uncovered_names(index, mask) if values["names"] == "show" else None,
    )


@dataclass(frozen=True)
class PairView:
    a: str  # actor ids, "" when not chosen
    b: str
    notes: tuple  # link values that name no actor
    passages: pd.DataFrame | None  # passages naming both (the first PASSAGES_KEPT), with highlights
    total: int
    by_year: pd.DataFrame | None
    by_year_figure: go.Figure | None
    framing: query.Framing | None
    framing_chart: dict | None  # Vega-Lite
    fterm: str  # the framing word whose units are listed
    fterm_dropped: str  # a word from the settings that is not among the framing words, else ""
    framing_lines: pd.DataFrame | None


def pair_view(index: CorpusIndex, filters: Filters, settings: Mapping | None = None) -> PairView:
    values = page_values("actors", settings)
    actor_a, actor_b, notes = chosen_pair(index, values)
    none = PairView(actor_a, actor_b, notes, None, 0, None, None, None, None, "", "", None)
    if not actor_a or not actor_b or actor_a == actor_b:
        return none
    mask = selection_mask(index, filters)
    window = values["window"]
    passages, total = query.pair_passages(index, mask, actor_a, actor_b, window, limit=PASSAGES_KEPT)
    label_a, label_b = index.actor(actor_a).label, index.actor(actor_b).label
    by_year = query.pair_association(index, mask, actor_a, actor_b, window, by_year=True)
    framing = query.framing_terms(index, mask, actor_a, actor_b, window, FRAMING_TOP)
    framing_chart = fterm = dropped = lines = None
    if not framing.terms.empty:
        framing_chart = vega.distinctive_terms(framing.terms, f"{window}s naming {label_a}",
                                               f"{window}s naming {label_b}", title=FRAMING_TITLE)
        words = list(framing.terms["term"])
        fterm = values["fterm"] if values["fterm"] in words else words[0]
        dropped = values["fterm"] if values["fterm"] and values["fterm"] not in words else ""
        lines = query.framing_kwic(index, mask, actor_a, actor_b, fterm, window)
    return PairView(
        actor_a, actor_b, notes, passages, total,
        by_year=by_year if not by_year.empty else None,
        by_year_figure=(figures.pair_over_years(by_year, label_a, label_b, window, query.MIN_UNITS_PER_ACTOR)
                        if not by_year.empty else None),
        framing=framing, framing_chart=framing_chart, fterm=fterm or "", fterm_dropped=dropped or "",
        framing_lines=lines,
    )
