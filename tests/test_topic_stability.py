"""Topic stability: refits on resampled passages, topics matched by the Hungarian method, mean top-term Jaccard."""

from __future__ import annotations

import json

import numpy as np
import pytest

from corpuslens.analysis.stability import jaccard, matched_jaccard
from corpuslens.cli import main
from corpuslens.query.topics import topic_stability


def test_topics_are_matched_one_to_one_to_maximise_the_total_overlap():
    reference = [["a", "b", "c", "d"], ["a", "b", "e", "f"]]
    refit = [["a", "b", "e", "f"], ["a", "b", "c", "x"]]
    # The best pairing is 0<->1 (3/5) and 1<->0 (4/4).
    assert jaccard(reference[0], refit[1]) == pytest.approx(3 / 5)
    assert matched_jaccard(reference, refit).tolist() == pytest.approx([3 / 5, 1.0])
    # A refit with fewer topics leaves one reference topic without a partner: 0 for it.
    assert matched_jaccard(reference, [["a", "b", "e", "f"]]).tolist() == [0.0, 1.0]


def test_the_matching_beats_taking_each_topic_s_best_partner_in_turn():
    reference = [["a", "b", "c"], ["a", "b"]]
    refit = [["a", "b"], ["c", "d"]]
    # In turn: topic 0 takes refit 0 (2/3) and leaves topic 1 refit 1 (0): total 2/3.
    # Hungarian: topic 0 <-> refit 1 (1/4), topic 1 <-> refit 0 (1): total 5/4.
    assert matched_jaccard(reference, refit).tolist() == pytest.approx([1 / 4, 1.0])


def test_shipped_topics_have_a_stability_between_zero_and_one_and_it_is_reproducible(shipped_index):
    first = topic_stability(shipped_index)
    assert first.shape == (shipped_index.n_topics,) and ((first >= 0) & (first <= 1)).all()
    assert np.array_equal(first, topic_stability(shipped_index))
    assert first.max() > 0  # some topic comes back with some of its terms


def test_cli_topics_json_carries_stability(capsys, tiny_data):
    assert main(["topics", "--data", str(tiny_data), "--topics", "2", "--format", "json"]) == 0
    topics = json.loads(capsys.readouterr().out)
    assert all(0 <= t["stability"] <= 1 for t in topics) and len(topics) == 2
