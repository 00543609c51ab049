"""Validation: precision intervals and agreement against hand-computed values, seeded samples, and judgments
that outlive an index rebuild."""

from __future__ import annotations

import math

import numpy as np
import pytest

from corpuslens.filters import Filters
from corpuslens.index import load_or_build
from corpuslens.query.common import passage_ids, passage_row
from corpuslens.query.validation import target_rows, validation_sample
from corpuslens.selection import selection_mask
from corpuslens.settings import IndexSettings
from corpuslens.validation.estimates import Precision, cohens_kappa, wilson_interval
from corpuslens.validation.judgments import JudgmentStore, precision_of
from corpuslens.validation.sampling import stratified_sample
from corpuslens.validation.targets import UnknownTarget, parse_target


# -- Wilson interval and kappa, worked by hand -------------------------------------------------

def test_wilson_interval_of_18_of_20_matches_the_hand_computed_bounds():
    # p = 0.9, z² = 3.8415, z²/n = 0.19207: centre (0.9 + 0.09604) / 1.19207 = 0.83556,
    # half 1.96 · sqrt(0.0045 + 0.0024009) / 1.19207 = 0.13658 -> [0.6990, 0.9721]
    low, high = wilson_interval(18, 20)
    assert low == pytest.approx(0.6990, abs=1e-4) and high == pytest.approx(0.9721, abs=1e-4)
    assert Precision("theme:energy", 20, 18).describe() == "precision 0.90 [0.70–0.97], 18 of 20 judged"


def test_wilson_interval_stays_inside_zero_and_one_at_the_extremes():
    # 5 of 5: centre (1 + 0.38415) / 1.76830 = 0.78276, half 1.96 · sqrt(0.038415) / 1.76830 = 0.21725
    low, high = wilson_interval(5, 5)
    assert low == pytest.approx(0.5655, abs=1e-4) and high == 1.0
    assert wilson_interval(0, 5)[0] == 0.0 and wilson_interval(0, 5)[1] == pytest.approx(0.4345, abs=1e-4)
    assert wilson_interval(0, 0) == (0.0, 1.0)
    assert Precision("x", 0, 0).describe() == "not validated yet"


def test_cohens_kappa_matches_a_hand_worked_table():
    # 10 passages: both right on 6, both wrong on 2, they differ on 2 (one each way).
    # p_o = 0.8; coder 1 right 7/10, coder 2 right 7/10: p_e = 0.49 + 0.09 = 0.58; kappa = 0.22 / 0.42 = 0.5238
    first = [True] * 6 + [False] * 2 + [True, False]
    second = [True] * 6 + [False] * 2 + [False, True]
    assert cohens_kappa(first, second) == pytest.approx(0.22 / 0.42)
    assert cohens_kappa([True, False], [True, False]) == 1.0
    assert cohens_kappa([True, False], [False, True]) == -1.0
    assert math.isnan(cohens_kappa([True, True], [True, True]))  # one verdict throughout: undefined


# -- Targets and samples --------------------------------------------------------------------------

def test_targets_are_parsed_with_aliases_and_unknown_ones_are_refused(tiny_index):
    assert str(parse_target(tiny_index, "theme:energy")) == "theme:energy"
    assert str(parse_target(tiny_index, "actor:Moscow")) == "actor:russia"
    assert str(parse_target(tiny_index, "pair:russia,Baku")) == "pair:azerbaijan,russia"
    assert str(parse_target(tiny_index, "topic:2")) == "topic:2"
    for bad in ("theme:nothing", "actor:Atlantis", "pair:russia,russia", "topic:9", "energy", "pair:russia"):
        with pytest.raises(UnknownTarget):
            parse_target(tiny_index, bad)


def test_target_rows_follow_the_tags_and_the_selection(tiny_index):
    everything = selection_mask(tiny_index, Filters())
    # energy: "gas"/"pipeline" in p0, p1 and p4; p0 names Russia (Moscow) and Azerbaijan (Baku) in one sentence
    assert target_rows(tiny_index, everything, parse_target(tiny_index, "theme:energy")).tolist() == [0, 1, 4]
    assert target_rows(tiny_index, everything, parse_target(tiny_index, "pair:russia,azerbaijan")).tolist() == [0]
    only_ann = selection_mask(tiny_index, Filters(authors=("Ann Lee",)))
    assert target_rows(tiny_index, only_ann, parse_target(tiny_index, "theme:energy")).tolist() == [0, 1]


def test_the_same_seed_draws_the_same_sample_and_another_seed_another_order(shipped_index):
    mask = selection_mask(shipped_index, Filters())
    target = parse_target(shipped_index, "actor:russia")
    first, total = validation_sample(shipped_index, mask, target, 20, seed=7)
    again, _ = validation_sample(shipped_index, mask, target, 20, seed=7)
    other, _ = validation_sample(shipped_index, mask, target, 20, seed=8)
    assert total > 20 and len(first) == 20
    assert first["id"].tolist() == again["id"].tolist()
    assert first["id"].tolist() != other["id"].tolist()
    # every sampled passage mentions Russia, and the highlighted spans are its names
    for text, spans in zip(first["text"], first["highlights"]):
        assert spans and all(actor == "russia" for _, _, actor in spans)


def test_sample_is_stratified_so_no_document_dominates():
    # document 0 has 50 passages, documents 1-4 two each: 8 draws take 2 from each document, not 8 from the big one
    passage_doc = np.array([0] * 50 + [1, 1, 2, 2, 3, 3, 4, 4])
    rows = np.arange(len(passage_doc))
    sample = stratified_sample(passage_doc, rows, 8, seed=3)
    assert sorted(np.bincount(passage_doc[sample], minlength=5).tolist()) == [1, 1, 2, 2, 2]
    assert len(set(sample.tolist())) == 8
    bigger = stratified_sample(passage_doc, rows, 20, seed=3)
    assert np.bincount(passage_doc[bigger], minlength=5)[0] == 12  # the others ran out after 2 each


def test_theme_sample_highlights_the_counted_matches_with_their_rule(tiny_index):
    mask = selection_mask(tiny_index, Filters())
    table, total = validation_sample(tiny_index, mask, parse_target(tiny_index, "theme:energy"), 20, seed=1)
    assert total == 3 and sorted(table["row"]) == [0, 1, 4]
    row = table.set_index("row").loc[0]
    marked = sorted(row["text"][s:e] for s, e, _ in row["highlights"])
    assert marked == ["gas", "pipeline"]
    assert "'gas' (term)" in row["matched"]


def test_passage_ids_and_rows_map_both_ways(shipped_index):
    rows = np.array([0, 5, 40, shipped_index.n_passages - 1])
    assert [passage_row(shipped_index, pid) for pid in passage_ids(shipped_index, rows)] == rows.tolist()
    assert passage_row(shipped_index, "nothing-p1") is None and passage_row(shipped_index, "garbage") is None


# -- Judgments --------------------------------------------------------------------------------

def test_precision_counts_each_passage_once_by_majority(tmp_path):
    store = JudgmentStore(tmp_path / "j.sqlite")
    assert store.precision("theme:energy").judged == 0 and not (tmp_path / "j.sqlite").exists()
    store.record("theme:energy", "a gas deal", "d-p1", "right", "ann", "'gas' (term)")
    store.record("theme:energy", "a gas deal", "d-p1", "right", "bob")
    store.record("theme:energy", "the pipeline", "d-p2", "wrong", "ann")
    store.record("theme:energy", "the pipeline", "d-p2", "wrong", "bob")
    store.record("theme:energy", "gas lighting", "d-p3", "right", "ann")
    store.record("theme:energy", "gas lighting", "d-p3", "wrong", "bob")  # tie: the latest verdict (wrong) wins
    store.record("theme:energy", "skipped one", "d-p4", "skip", "ann")
    precision = store.precision("theme:energy")
    assert (precision.judged, precision.right) == (3, 1)
    [agreement] = store.agreements("theme:energy")
    # both judged 3 passages: agree on 2. p_o = 2/3; ann right 2/3, bob right 1/3: p_e = 2/9 + 2/9 = 4/9
    assert agreement.coders == ("ann", "bob") and agreement.passages == 3
    assert agreement.kappa == pytest.approx((2 / 3 - 4 / 9) / (1 - 4 / 9))
    store.record("theme:energy", "gas lighting", "d-p3", "right", "bob")  # a coder changes their mind: replaced
    assert store.precision("theme:energy").right == 2
    assert len(store.table("theme:energy")) == 7


def test_judgments_survive_an_index_rebuild_when_the_passage_text_is_unchanged(tiny_data, tmp_path):
    index = load_or_build(tiny_data, IndexSettings(n_topics=2))
    store = JudgmentStore(tmp_path / "judgments.sqlite")
    target = parse_target(index, "theme:energy")
    sample, _ = validation_sample(index, selection_mask(index, Filters()), target, 5, seed=4)
    for passage in sample.itertuples():
        store.record(str(target), passage.text, passage.id, "right" if passage.row != 4 else "wrong", "ann",
                     passage.matched)
    # A new article comes in: another fingerprint, a new index, passages renumbered after it.
    (tiny_data / "raw" / "0_first.txt").write_text("Gas from the Caspian reached Europe.\n", encoding="utf-8")
    rebuilt = load_or_build(tiny_data, IndexSettings(n_topics=2))
    assert rebuilt.manifest["fingerprint"] != index.manifest["fingerprint"]
    again, total = validation_sample(rebuilt, selection_mask(rebuilt, Filters()), target, 5, seed=4)
    assert total == 4
    known = {key: by["ann"] for key, by in store.verdicts_by_coder(str(target)).items()}
    judged = {text: known.get(key) for text, key in zip(again["text"], again["text_sha1"])}
    assert judged["Iran watched the pipeline closely."] == "wrong"
    assert judged["Gas from the Caspian reached Europe."] is None  # the new passage is not judged yet
    assert sum(v == "right" for v in judged.values()) == 2
    assert precision_of(str(target), store.table(str(target))).judged == 3
