"""Fightin' Words log-odds: hand-worked numbers, ordering, sides and empty inputs."""

import math

import numpy as np
import pandas as pd
import pytest

from corpuslens.analysis.keyness import (
    COLUMNS,
    PRIOR_ALPHA0,
    distinctive_terms,
    informative_prior,
    log_odds_dirichlet,
)


def test_symmetric_two_word_example_by_hand():
    # y_a=[3,1], y_b=[1,3], alpha=[1,1]: n_a=n_b=4, alpha_0=2.
    # word 0: A: (3+1)/(4+2-3-1)=4/2=2; B: (1+1)/(4+2-1-1)=2/4=0.5; delta=ln2-ln0.5=2 ln2=1.386294
    #         var = 1/4 + 1/2 = 0.75; z = 1.386294/sqrt(0.75) = 1.600754
    # word 1 is the mirror image: delta=-1.386294, z=-1.600754
    delta, z = log_odds_dirichlet([3, 1], [1, 3], [1, 1])
    assert delta == pytest.approx([2 * math.log(2), -2 * math.log(2)])
    assert z == pytest.approx([1.600754, -1.600754], abs=1e-6)


def test_asymmetric_three_word_example_by_hand():
    # y_a=[2,0,2] (n_a=4), y_b=[0,2,4] (n_b=6), alpha=[1,1,2] (alpha_0=4).
    # w0: A 3/(8-3)=0.6, B 1/(10-1)=1/9: delta=ln(5.4)=1.686399; var=1/3+1=4/3; z=1.686399/1.154701=1.460464
    # w1: A 1/(8-1)=1/7, B 3/(10-3)=3/7: delta=ln(1/3)=-1.098612; var=1+1/3; z=-0.951426
    # w2: A 4/(8-4)=1, B 6/(10-6)=1.5: delta=-ln1.5=-0.405465; var=1/4+1/6=5/12; z=-0.405465/0.645497=-0.628144
    delta, z = log_odds_dirichlet(np.array([2, 0, 2]), np.array([0, 2, 4]), np.array([1, 1, 2]))
    assert delta == pytest.approx([1.686399, -1.098612, -0.405465], abs=1e-6)
    assert z == pytest.approx([1.460464, -0.951426, -0.628144], abs=1e-6)


def test_distinctive_terms_sides_and_signs():
    vocab = ["oil", "army", "talks"]
    a, b, prior = [2, 0, 2], [0, 2, 4], [1, 1, 2]  # the example above; prior_scale=4 keeps alpha=[1,1,2]
    top_a = distinctive_terms(a, b, vocab, prior=prior, prior_scale=4)
    assert list(top_a.columns) == COLUMNS
    assert top_a["term"].tolist() == ["oil"]  # the only term with z > 0
    assert top_a.loc[0, ["count_a", "count_b"]].tolist() == [2, 0]
    assert top_a.loc[0, "z"] == pytest.approx(1.460464, abs=1e-6)
    top_b = distinctive_terms(a, b, vocab, prior=prior, prior_scale=4, side="b")
    assert top_b["term"].tolist() == ["army", "talks"]  # z -0.95 before -0.63: most distinctive of B first
    assert (top_b["z"] < 0).all() and (top_b["side"] == "b").all()
    both = distinctive_terms(a, b, vocab, prior=prior, prior_scale=4, side="both")
    assert both["term"].tolist() == ["oil", "army", "talks"]
    assert both["side"].tolist() == ["a", "b", "b"]


def test_informative_prior_sums_to_alpha0():
    alpha = informative_prior([10, 30, 60])
    assert alpha.sum() == pytest.approx(PRIOR_ALPHA0)
    assert alpha == pytest.approx([50, 150, 300])  # 500 x [0.1, 0.3, 0.6]


def test_prior_stops_a_rare_term_outranking_a_frequent_one():
    # A: rare 2, common 200, other 798; B: rare 0, common 100, other 900 (n=1000 each).
    # Corpus 2000 tokens -> alpha (alpha_0=500): rare 0.5, common 75, other 424.5.
    # rare:   delta = ln(2.5/1497.5) - ln(0.5/1499.5) = 1.6111, var = 1/2.5 + 1/0.5 = 2.4, z = 1.04
    # common: delta = ln(275/1225) - ln(175/1325) = 0.5305, var = 1/275 + 1/175,        z = 5.49
    table = distinctive_terms([2, 200, 798], [0, 100, 900], ["rare", "common", "other"])
    assert table["term"].tolist() == ["common", "rare"]
    assert table["z"].tolist() == pytest.approx([5.486, 1.040], abs=1e-3)


def test_ties_are_broken_alphabetically():
    table = distinctive_terms([3, 3, 1], [0, 0, 5], ["zeta", "alpha", "mid"], side="a")
    assert table["term"].tolist() == ["alpha", "zeta"]


def test_top_limits_each_side_and_min_count_filters():
    table = distinctive_terms([5, 4, 1, 0], [0, 0, 0, 6], ["a", "b", "c", "d"], top=2, side="both")
    assert table["term"].tolist() == ["a", "b", "d"]
    filtered = distinctive_terms([5, 4, 1, 0], [0, 0, 0, 6], ["a", "b", "c", "d"], min_count=5, side="both")
    assert filtered["term"].tolist() == ["a", "d"]


def test_empty_selection_gives_empty_table_with_columns():
    empty = distinctive_terms([0, 0], [3, 1], ["x", "y"])
    assert empty.empty and list(empty.columns) == COLUMNS
    nothing = distinctive_terms([], [], [], side="both")
    assert nothing.empty and list(nothing.columns) == COLUMNS


def test_terms_absent_everywhere_carry_no_evidence():
    delta, z = log_odds_dirichlet([1, 0], [1, 0], [1, 0])
    assert delta[1] == 0 and z[1] == 0 and not np.isnan(delta).any()


def test_accepts_sparse_row_vectors():
    import scipy.sparse as sp

    table = distinctive_terms(sp.csr_matrix([[3, 1]]), sp.csr_matrix([[1, 3]]), ["x", "y"], prior=[1, 1],
                              prior_scale=2)
    assert isinstance(table, pd.DataFrame) and table["term"].tolist() == ["x"]


def test_bad_side_and_mismatched_lengths_raise():
    with pytest.raises(ValueError):
        distinctive_terms([1], [1], ["x"], side="c")
    with pytest.raises(ValueError):
        log_odds_dirichlet([1, 2], [1], [1, 1])
