"""Topic model: planted topics recovered, determinism, tiny corpora, the map, and prevalence by group."""

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp

from corpuslens.analysis.topics import NO_TOPIC, TopicModel, prevalence

ENERGY = ["oil", "gas", "pipeline", "caspian", "export", "energy"]
WAR = ["army", "troops", "war", "ceasefire", "artillery", "drones"]
SHARED = ["russia", "azerbaijan"]
VOCAB = ENERGY + WAR + SHARED + ["south caucasus"]


def planted_corpus(n_per_topic=30, seed=1):
    """Passages drawn from one of two word sets, with shared country names and a phrase; one empty passage last."""
    rng = np.random.default_rng(seed)
    rows, truth = [], []
    for topic, words in enumerate((ENERGY, WAR)):
        for _ in range(n_per_topic):
            row = np.zeros(len(VOCAB))
            own = [VOCAB.index(w) for w in words]
            row[rng.choice(own, size=4, replace=False)] = rng.integers(1, 4, size=4)
            row[rng.integers(12, 14)] = 1  # russia or azerbaijan
            row[14] = rng.integers(0, 2)  # the phrase, in either topic
            rows.append(row)
            truth.append(topic)
    rows.append(np.zeros(len(VOCAB)))
    return sp.csr_matrix(np.array(rows)), np.array(truth)


@pytest.fixture(scope="module")
def planted():
    counts, truth = planted_corpus()
    return counts, truth, TopicModel(n_topics=2, seed=0).fit(counts, VOCAB)


def test_planted_topics_are_separated(planted):
    counts, truth, model = planted
    found = model.topic_[:-1]
    # Each planted topic maps to exactly one found topic, and the two are different.
    assert len(set(found[truth == 0])) == 1 and len(set(found[truth == 1])) == 1
    assert found[truth == 0][0] != found[truth == 1][0]
    energy_topic = found[truth == 0][0]
    assert set(model.top_terms_[energy_topic][:4]) <= set(ENERGY)
    assert set(model.top_terms_[1 - energy_topic][:4]) <= set(WAR)


def test_fitted_attributes_shapes_and_types(planted):
    counts, _, model = planted
    n = counts.shape[0]
    assert model.n_topics_ == 2
    assert model.components_.shape == (2, len(VOCAB))
    assert model.doc_topic_.shape == (n, 2) and model.doc_topic_.dtype == np.float32
    assert model.coords_.shape == (n, 2) and model.coords_.dtype == np.float32
    assert np.isfinite(model.coords_).all()
    assert model.topic_.dtype == np.int64
    np.testing.assert_allclose(model.doc_topic_[:-1].sum(axis=1), 1.0, rtol=1e-6)
    assert len(model.top_terms_) == 2 and all(len(t) <= 10 for t in model.top_terms_)
    for label, terms in zip(model.labels_, model.top_terms_):
        assert label == " · ".join(terms[:3])


def test_passage_without_terms_has_no_topic(planted):
    _, _, model = planted
    assert model.topic_[-1] == NO_TOPIC
    assert (model.doc_topic_[-1] == 0).all()


def test_phrases_are_not_used(planted):
    _, _, model = planted
    assert (model.components_[:, VOCAB.index("south caucasus")] == 0).all()
    assert all("south caucasus" not in terms for terms in model.top_terms_)


def test_topics_are_numbered_by_prevalence(planted):
    _, _, model = planted
    totals = model.doc_topic_.sum(axis=0)
    assert totals[0] >= totals[1]


def test_fit_twice_gives_identical_results():
    counts, _ = planted_corpus()
    a = TopicModel(n_topics=3, seed=7).fit(counts, VOCAB)
    b = TopicModel(n_topics=3, seed=7).fit(counts.copy(), list(VOCAB))
    for attr in ("components_", "doc_topic_", "topic_", "coords_"):
        np.testing.assert_array_equal(getattr(a, attr), getattr(b, attr))
    assert a.labels_ == b.labels_ and a.top_terms_ == b.top_terms_


def test_fit_on_a_sample_still_covers_every_passage_deterministically():
    counts, truth = planted_corpus(n_per_topic=40)
    a = TopicModel(n_topics=2, max_fit_samples=20).fit(counts, VOCAB)
    b = TopicModel(n_topics=2, max_fit_samples=20).fit(counts, VOCAB)
    assert a.doc_topic_.shape[0] == counts.shape[0]
    np.testing.assert_array_equal(a.doc_topic_, b.doc_topic_)
    found = a.topic_[:-1]
    assert len(set(found[truth == 0])) == 1 and len(set(found[truth == 1])) == 1


def test_params_are_only_stored_in_init():
    model = TopicModel(n_topics=5, seed=3, max_fit_samples=100, n_top_terms=4)
    assert vars(model) == {"n_topics": 5, "seed": 3, "max_fit_samples": 100, "n_top_terms": 4, "min_df": 2,
                           "max_terms": 20_000, "max_iter": 400}


def test_max_terms_keeps_the_most_widespread_words():
    # passages containing each word: a 3, b 1, c 2, d 3 -> with max_terms=2 only a and d are used.
    counts = sp.csr_matrix(np.array([[1, 0, 1, 1], [2, 0, 0, 1], [1, 1, 1, 1]]))
    model = TopicModel(n_topics=2, max_terms=2, min_df=1).fit(counts, ["a", "b", "c", "d"])
    assert model.components_[:, [1, 2]].sum() == 0
    assert model.components_.shape == (model.n_topics_, 4)


def test_fewer_passages_than_topics_caps_k():
    counts = sp.csr_matrix(np.array([[2, 1, 0, 0], [0, 0, 1, 3]]))
    model = TopicModel(n_topics=8).fit(counts, ["oil", "gas", "army", "war"])
    assert model.n_topics_ == 2
    assert model.doc_topic_.shape == (2, 2) and sorted(model.topic_.tolist()) == [0, 1]


def test_fewer_terms_than_topics_caps_k():
    counts = sp.csr_matrix(np.array([[1, 0], [0, 1], [1, 1], [2, 0]]))
    model = TopicModel(n_topics=8).fit(counts, ["oil", "war"])
    assert model.n_topics_ == 2 and model.components_.shape == (2, 2)


def test_single_passage_and_no_terms_do_not_crash():
    one = TopicModel(n_topics=8).fit(sp.csr_matrix(np.array([[1, 2, 0]])), ["a", "b", "c"])
    assert one.n_topics_ == 1 and one.topic_.tolist() == [0]
    none = TopicModel(n_topics=8).fit(sp.csr_matrix((3, 0)), [])
    assert none.n_topics_ == 0 and none.topic_.tolist() == [NO_TOPIC] * 3
    assert none.doc_topic_.shape == (3, 0) and none.coords_.shape == (3, 2) and none.labels_ == []
    empty = TopicModel(n_topics=8).fit(sp.csr_matrix((0, 3)), ["a", "b", "c"])
    assert empty.topic_.size == 0 and empty.coords_.shape == (0, 2)
    only_phrases = TopicModel().fit(sp.csr_matrix(np.array([[1], [2]])), ["south caucasus"])
    assert only_phrases.n_topics_ == 0


def test_map_places_passages_near_their_topic_anchor(planted):
    _, truth, model = planted
    for t in range(model.n_topics_):
        members = model.coords_[model.topic_ == t]
        anchor = model.anchors_[t]
        other = model.anchors_[1 - t]
        closer = np.linalg.norm(members - anchor, axis=1) < np.linalg.norm(members - other, axis=1)
        assert closer.all()
    np.testing.assert_allclose(np.linalg.norm(model.anchors_, axis=1), 1.0)


def test_prevalence_by_hand():
    doc_topic = np.array([[1.0, 0.0], [0.5, 0.5], [0.0, 1.0], [0.0, 0.0], [0.2, 0.8]])
    table = prevalence(doc_topic, [2018, None, 2020, 2018, 2018])
    assert list(table.columns) == ["group", "topic", "share", "passages"]
    # 2018: passages 0 and 4 (passage 3 has no topic): topic 0 = (1 + 0.2)/2 = 0.6, topic 1 = (0 + 0.8)/2 = 0.4
    # 2020: passage 2 only: 0, 1. Unknown year (None): passage 1: 0.5, 0.5 - kept, as the last group.
    assert table["group"].tolist()[:4] == [2018, 2018, 2020, 2020]
    assert pd.isna(table["group"].iloc[4]) and pd.isna(table["group"].iloc[5])
    assert table["topic"].tolist() == [0, 1, 0, 1, 0, 1]
    assert table["share"].tolist() == pytest.approx([0.6, 0.4, 0.0, 1.0, 0.5, 0.5])
    assert table["passages"].tolist() == [2, 2, 1, 1, 1, 1]


def test_prevalence_weighted():
    doc_topic = np.array([[1.0, 0.0], [0.0, 1.0]])
    # weights 3 and 1 in one group: topic 0 = 3/4, topic 1 = 1/4
    table = prevalence(doc_topic, ["shiriyev", "shiriyev"], weights=[3, 1])
    assert table["share"].tolist() == pytest.approx([0.75, 0.25])


def test_prevalence_of_nothing_is_an_empty_table():
    table = prevalence(np.zeros((0, 3)), [])
    assert table.empty and list(table.columns) == ["group", "topic", "share", "passages"]
    assert prevalence(np.zeros((2, 3)), ["a", "b"]).empty  # no passage has a topic
