"""Co-mention counts and association measures on a hand-made 5-unit x 3-actor matrix."""

import math

import numpy as np
import pytest
import scipy.sparse as sp

from corpuslens.analysis.comention import co_mention_counts, jaccard, npmi, top_actors, units_with_both

# Actors: 0 Russia, 1 Azerbaijan, 2 Armenia.
OCC = sp.csr_matrix(
    np.array(
        [
            [1, 1, 0],  # u0: Russia, Azerbaijan
            [1, 0, 0],  # u1: Russia
            [1, 1, 1],  # u2: all three
            [0, 1, 0],  # u3: Azerbaijan
            [0, 0, 1],  # u4: Armenia
        ]
    )
)
# Russia in u0,u1,u2 (3); Azerbaijan u0,u2,u3 (3); Armenia u2,u4 (2).
# Russia & Azerbaijan: u0,u2 (2); Russia & Armenia: u2 (1); Azerbaijan & Armenia: u2 (1).
EXPECTED = np.array([[3, 2, 1], [2, 3, 1], [1, 1, 2]])


def test_counts_by_hand():
    counts = co_mention_counts(OCC)
    assert counts.dtype == np.int64
    np.testing.assert_array_equal(counts, EXPECTED)


def test_repeated_mentions_in_a_unit_count_once():
    # A passage matrix holds counts; two mentions of Russia in u0 are still one unit.
    np.testing.assert_array_equal(co_mention_counts(OCC.multiply(3).tocsr()), EXPECTED)


def test_counts_on_a_selection_of_units():
    # u0 and u1 only: Russia 2, Azerbaijan 1, Armenia 0; Russia & Azerbaijan 1 (u0).
    counts = co_mention_counts(OCC, rows=np.array([True, True, False, False, False]))
    np.testing.assert_array_equal(counts, [[2, 1, 0], [1, 1, 0], [0, 0, 0]])
    np.testing.assert_array_equal(co_mention_counts(OCC, rows=[0, 1]), counts)


def test_jaccard_by_hand():
    j = jaccard(EXPECTED)
    # Russia, Azerbaijan: 2 / (3 + 3 - 2) = 0.5; Russia, Armenia: 1 / (3 + 2 - 1) = 0.25; same for Az, Arm.
    assert j[0, 1] == pytest.approx(0.5) and j[1, 0] == pytest.approx(0.5)
    assert j[0, 2] == pytest.approx(0.25) and j[1, 2] == pytest.approx(0.25)
    assert np.diag(j) == pytest.approx([1, 1, 1])


def test_npmi_by_hand():
    v = npmi(EXPECTED, n_units=5)
    # Russia, Azerbaijan: p_ij=2/5=0.4, p_i=p_j=0.6: ln(0.4/0.36)=0.1053605; / -ln 0.4 (0.9162907) = 0.1149859
    assert v[0, 1] == pytest.approx(math.log(0.4 / 0.36) / -math.log(0.4))
    assert v[0, 1] == pytest.approx(0.1149859, abs=1e-7)
    # Russia, Armenia: p_ij=0.2, p_i=0.6, p_j=0.4: ln(0.2/0.24)=-0.1823216; / -ln 0.2 (1.6094379) = -0.1132828
    assert v[0, 2] == pytest.approx(-0.1132828, abs=1e-7)
    assert np.diag(v) == pytest.approx([1, 1, 1])
    np.testing.assert_allclose(v, v.T)


def test_never_together_is_minus_one_and_never_mentioned_is_nan():
    counts = co_mention_counts(sp.csr_matrix(np.array([[1, 0, 0], [0, 1, 0]])))
    v = npmi(counts, n_units=2)
    assert v[0, 1] == -1.0
    assert np.isnan(v[2]).all() and np.isnan(v[:, 2]).all()
    j = jaccard(counts)
    assert j[0, 1] == 0.0
    assert np.isnan(j[2]).all() and np.isnan(j[:, 2]).all()


def test_npmi_of_actors_in_every_unit_is_one():
    counts = co_mention_counts(sp.csr_matrix(np.ones((3, 2))))
    assert npmi(counts, 3) == pytest.approx(np.ones((2, 2)))


def test_npmi_with_no_units_is_all_nan():
    assert np.isnan(npmi(np.zeros((2, 2)), 0)).all()


def test_top_actors_orders_by_mentions_then_index():
    assert top_actors(EXPECTED, 2).tolist() == [0, 1]  # Russia and Azerbaijan tie at 3: index order
    assert top_actors(EXPECTED, 10).tolist() == [0, 1, 2]
    assert top_actors(np.diag([0, 5, 1]), 3).tolist() == [1, 2]  # never mentioned: left out


def test_units_with_both():
    assert units_with_both(OCC, 0, 1).tolist() == [0, 2]
    assert units_with_both(OCC, 1, 0).tolist() == [0, 2]
    assert units_with_both(OCC, 0, 2).tolist() == [2]
    assert units_with_both(OCC, 2, 2).tolist() == [2, 4]  # i == j: units mentioning Armenia
    assert units_with_both(OCC, 0, 1, rows=[1, 2, 3]).tolist() == [2]


def test_units_with_both_rejects_unknown_actor():
    with pytest.raises(IndexError):
        units_with_both(OCC, 0, 3)


def test_empty_selection_gives_zero_counts():
    counts = co_mention_counts(OCC, rows=np.zeros(5, dtype=bool))
    np.testing.assert_array_equal(counts, np.zeros((3, 3)))
    assert np.isnan(npmi(counts, 0)).all() and np.isnan(jaccard(counts)).all()
    assert top_actors(counts, 3).size == 0
