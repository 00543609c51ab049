"""Stability per number of topics, the default k, what names a topic, and topics that mirror one document."""

from __future__ import annotations

import io
import json
import sys
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp

from corpuslens.analysis.stability import KStability, matched_jaccard, most_stable_k, stability_by_k, topic_stability
from corpuslens.analysis.topics import TopicModel
from corpuslens.cli import main
from corpuslens.index import load_or_build
from corpuslens.index.corpus_index import Topics
from corpuslens.index.stability_store import curve_path
from corpuslens.index.store import load
from corpuslens.lexicon import load_topic_number
from corpuslens.query import topics
from corpuslens.settings import FALLBACK_TOPICS, SHIPPED_DATA, IndexSettings
from pages_apptest import array

ENERGY = ["oil", "gas", "pipeline", "caspian", "export", "energy"]
WAR = ["army", "troops", "war", "ceasefire", "artillery", "drones"]
VOCAB = ENERGY + WAR


def planted_corpus(n_per_topic: int = 30, seed: int = 1) -> sp.csr_matrix:
    """Passages each drawing four words from one of two word sets: two clear topics."""
    rng = np.random.default_rng(seed)
    rows = []
    for words in (ENERGY, WAR):
        for _ in range(n_per_topic):
            row = np.zeros(len(VOCAB))
            row[rng.choice([VOCAB.index(w) for w in words], size=4, replace=False)] = rng.integers(1, 4, size=4)
            rows.append(row)
    return sp.csr_matrix(np.array(rows))


def shuffled(counts: sp.csr_matrix, seed: int = 2) -> sp.csr_matrix:
    """Each word's counts moved to random passages: the same word frequencies, no words that go together."""
    dense = counts.toarray()
    rng = np.random.default_rng(seed)
    for column in range(dense.shape[1]):
        dense[:, column] = rng.permutation(dense[:, column])
    return sp.csr_matrix(dense)


# -- Stability ---------------------------------------------------------------------------

def test_a_refit_with_the_same_seed_on_the_same_passages_has_stability_one():
    counts = planted_corpus()
    first = TopicModel(n_topics=2, seed=3).fit(counts, VOCAB)
    again = TopicModel(n_topics=2, seed=3).fit(counts, VOCAB)
    assert matched_jaccard(first.top_terms_, again.top_terms_).tolist() == [1.0, 1.0]


def test_topics_of_a_shuffled_corpus_are_less_stable_than_planted_ones():
    counts = planted_corpus()
    planted = topic_stability(counts, VOCAB, TopicModel(n_topics=2).fit(counts, VOCAB).top_terms_)
    noise = shuffled(counts)
    scrambled = topic_stability(noise, VOCAB, TopicModel(n_topics=2).fit(noise, VOCAB).top_terms_)
    # Two top-10 lists out of 12 words overlap a lot by chance, so the planted topics' stability is the ceiling:
    # the same words every time.
    assert planted.tolist() == [1.0, 1.0]
    assert scrambled.mean() < planted.mean()


# -- The curve ---------------------------------------------------------------------------

def test_the_curve_has_one_point_per_k_with_one_value_per_topic():
    counts = planted_corpus()
    calls = []
    curve = stability_by_k(counts, VOCAB, range(2, 5), progress=lambda done, total: calls.append((done, total)))
    assert [point.k for point in curve] == [2, 3, 4]
    assert [len(point.topics) for point in curve] == [2, 3, 4]
    assert all(0 <= v <= 1 for point in curve for v in point.topics)
    assert curve[1].mean == pytest.approx(np.mean(curve[1].topics))
    assert calls == [(1, 3), (2, 3), (3, 3)]
    # Two planted topics: two topics come back every time, more do not.
    assert most_stable_k(curve) == 2


def test_a_k_the_corpus_cannot_hold_is_left_out_of_the_curve():
    counts = sp.csr_matrix(np.array([[2, 1, 0, 0], [0, 0, 1, 3], [1, 0, 0, 2]]))
    curve = stability_by_k(counts, ["oil", "gas", "army", "war"], range(2, 6))
    assert [point.k for point in curve] == [2, 3]


def test_the_most_stable_k_prefers_fewer_topics_on_a_tie():
    curve = [KStability(4, (0.5, 0.7)), KStability(5, (0.6, 0.6, 0.6)), KStability(6, (0.9, 0.1, 0.2, 0.1))]
    assert most_stable_k(curve) == 4
    assert most_stable_k([]) is None


# -- The default number of topics ------------------------------------------------------------

def test_without_a_fixed_number_the_index_opens_with_its_most_stable_k(shipped_index):
    curve = topics.stability_curve(shipped_index)
    low, high = IndexSettings().topic_k_range
    assert curve["k"].tolist() == list(range(low, high + 1))
    best = int(curve.loc[curve["stability"].idxmax(), "k"])
    assert shipped_index.n_topics == best
    assert shipped_index.manifest["topic_number"] == {"k": best, "chosen_by": "most stable"}
    assert curve["default"].tolist() == [k == best for k in curve["k"]]
    # Each card's stability at k is the curve's: the same fits.
    stored = curve.loc[curve["k"] == best, "topics"].iloc[0]
    assert topics.topic_stability(shipped_index).tolist() == list(stored)


def test_topics_yaml_fixes_the_number_of_topics(tiny_data):
    (tiny_data / "topics.yaml").write_text("k: 3\n", encoding="utf-8")
    index = load_or_build(tiny_data)
    assert index.n_topics == 3 and index.manifest["topic_number"] == {"k": 3, "chosen_by": "topics.yaml"}
    assert "topics.yaml" in topics.default_topics_note(index)


@pytest.mark.parametrize("text, expected", [("k: auto\n", None), ("# nothing set\n", None), ("k: 10\n", 10)])
def test_topic_number_file(tmp_path, text, expected):
    path = tmp_path / "topics.yaml"
    path.write_text(text, encoding="utf-8")
    assert load_topic_number(path) == expected


@pytest.mark.parametrize("text", ["k: 2\n", "k: twelve\n", "k: 7.5\n", "- 8\n"])
def test_a_bad_topic_number_names_the_file(tmp_path, text):
    path = tmp_path / "topics.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match="topics.yaml"):
        load_topic_number(path)


def test_a_curve_measured_on_request_is_kept_beside_the_index(tiny_index):
    tiny_index.manifest.pop("topic_stability_by_k")
    kept = curve_path(tiny_index.path.parent, tiny_index.manifest["terms_digest"])
    kept.unlink()
    assert topics.stability_curve(tiny_index) is None
    measured = topics.measure_stability_curve(tiny_index)
    assert kept.exists()
    reloaded = load(tiny_index.path)
    reloaded.manifest.pop("topic_stability_by_k")
    pd.testing.assert_frame_equal(topics.stability_curve(reloaded), measured)


def two_shipped_articles(folder):
    """A data folder with two of the shipped articles (about 30 passages) and the shipped lexicons."""
    (folder / "raw").mkdir(parents=True)
    for name in ("themes.yaml", "actors.yaml", "stopwords.txt"):
        (folder / name).write_bytes((SHIPPED_DATA / name).read_bytes())
    for path in sorted((SHIPPED_DATA / "raw").iterdir())[:2]:
        (folder / "raw" / path.name).write_bytes(path.read_bytes())
    return folder


def edit_themes(folder):
    with open(folder / "themes.yaml", "a", encoding="utf-8") as themes:
        themes.write("\n# an expert's note\n")


def test_editing_themes_rebuilds_the_index_without_measuring_the_curve_again(tmp_path, monkeypatch):
    monkeypatch.delenv("CORPUSLENS_INDEX", raising=False)
    data = two_shipped_articles(tmp_path / "data")
    first = load_or_build(data)
    assert len(topics.stability_curve(first)) > 0

    def refuse(*args, **kwargs):
        raise AssertionError("the curve was measured again")

    # The package exports the function `build` under the module's name: patch the module itself.
    monkeypatch.setattr(sys.modules["corpuslens.index.build"], "stability_by_k", refuse)
    edit_themes(data)
    second = load_or_build(data)
    assert second.path != first.path  # rebuilt
    pd.testing.assert_frame_equal(topics.stability_curve(second), topics.stability_curve(first))
    assert second.n_topics == first.n_topics


def test_a_corpus_too_large_for_the_build_s_curve_keeps_the_fallback_even_once_measured(tmp_path, monkeypatch):
    monkeypatch.delenv("CORPUSLENS_INDEX", raising=False)
    data = two_shipped_articles(tmp_path / "data")
    large = IndexSettings(stability_curve_at_build=10)  # "large": more passages than the build measures
    first = load_or_build(data, large)
    assert first.manifest["topic_number"] == {"k": FALLBACK_TOPICS, "chosen_by": "fallback"}
    assert topics.stability_curve(first) is None
    measured = topics.measure_stability_curve(first)
    edit_themes(data)
    second = load_or_build(data, large)
    # The curve is found and shown, but the default stays: the same files always give the same default k.
    pd.testing.assert_frame_equal(topics.stability_curve(second).drop(columns="default"),
                                  measured.drop(columns="default"))
    assert second.manifest["topic_number"] == {"k": FALLBACK_TOPICS, "chosen_by": "fallback"}


# -- Names and the single-document mark -------------------------------------------------

def constructed_index(doc_topic, passage_doc, titles, texts):
    """Just what `topic_profiles` reads of an index: passage texts, document titles, each passage's document."""
    return SimpleNamespace(passages=pd.DataFrame({"text": texts}), docs=pd.DataFrame({"title": titles}),
                           passage_doc=np.asarray(passage_doc))


def model_of(doc_topic) -> Topics:
    doc_topic = np.asarray(doc_topic, dtype=np.float32)
    return Topics(doc_topic=doc_topic, topic=doc_topic.argmax(axis=1), coords=np.zeros((len(doc_topic), 2)),
                  terms=[["falcon", "hunting"], ["gas", "pipeline"]])


def test_a_topic_with_half_its_weight_in_one_document_mirrors_it():
    texts = ["Falconry in the Absheron steppe is a family trade passed on by uncles.", "Falcons again.",
             "Gas flows west.", "The pipeline opened.", "Gas prices."]
    doc_topic = [[1.0, 0.0], [0.5, 0.5], [0.0, 1.0], [0.5, 0.5], [0.0, 1.0]]
    # Documents: Falcons (passages 0, 1), Energy (2, 3), Prices (4).
    # Topic 1: 1.5 of its 2.0 weight in Falcons (75 %). Topic 2: 1.5 of its 3.0 in Energy (50 %), 1.0 in Prices.
    profiles = topics.topic_profiles(constructed_index(doc_topic, [0, 0, 1, 1, 2], ["Falcons", "Energy", "Prices"],
                                                       texts), model_of(doc_topic))
    assert profiles["topic"].tolist() == [1, 2]
    assert profiles["main_document"].tolist() == ["Falcons", "Energy"]
    assert profiles["main_document_share"].tolist() == pytest.approx([0.75, 0.5])
    assert profiles["single_document"].tolist() == [True, True]  # 0.5 is "at least half"


def test_a_topic_spread_over_documents_is_not_marked():
    texts = ["a", "b", "c", "d"]
    doc_topic = [[0.4, 0.6], [0.6, 0.4], [0.0, 1.0], [0.0, 1.0]]
    # Topic 2: 0.6 + 0.4 = 1.0 of 3.0 in document A, 1.0 in B, 1.0 in C: a third each.
    profiles = topics.topic_profiles(constructed_index(doc_topic, [0, 0, 1, 2], ["A", "B", "C"], texts),
                                     model_of(doc_topic))
    assert profiles["single_document"].tolist() == [True, False]
    assert profiles["main_document_share"][1] == pytest.approx(1 / 3, abs=1e-4)


def test_a_topic_is_named_by_the_opening_words_of_its_two_heaviest_passages():
    texts = ["one two three four five six seven eight nine ten", "light", "heaviest of all", "middle"]
    doc_topic = [[0.7, 0.3], [0.1, 0.9], [0.9, 0.1], [0.8, 0.2]]
    profiles = topics.topic_profiles(constructed_index(doc_topic, [0, 1, 2, 3], list("ABCD"), texts),
                                     model_of(doc_topic))
    assert profiles["openings"][0] == ["heaviest of all", "middle"]
    assert profiles["openings"][1] == ["light", "one two three four five six seven eight…"]
    assert profiles["label"].tolist() == ["T1 · falcon · hunting", "T2 · gas · pipeline"]


# -- Command line ----------------------------------------------------------------------------

def test_cli_stability_by_k_json_csv_and_table(capsys, shipped_index):
    assert main(["topics", "--data", str(SHIPPED_DATA), "--stability-by-k", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    points = json.loads(out)
    low, high = IndexSettings().topic_k_range
    assert [p["k"] for p in points] == list(range(low, high + 1))
    assert set(points[0]) == {"k", "stability", "default", "topics", "passages", "corpus"}
    assert [p["k"] for p in points if p["default"]] == [shipped_index.n_topics]
    for point in points:
        assert len(point["topics"]) == point["k"] and point["passages"] == 68
        assert point["stability"] == pytest.approx(np.mean(point["topics"]), abs=2e-3)
    assert "most stable" in err

    assert main(["topics", "--data", str(SHIPPED_DATA), "--stability-by-k", "--format", "csv"]) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert list(table.columns) == ["k", "stability", "default", "topics", "passages"]
    assert table["k"].tolist() == list(range(low, high + 1))

    assert main(["topics", "--data", str(SHIPPED_DATA), "--stability-by-k"]) == 0
    assert capsys.readouterr().out.split()[:5] == ["k", "stability", "default", "topics", "passages"]


def test_cli_topics_json_marks_topics_that_mirror_one_document(capsys, shipped_index):
    assert main(["topics", "--data", str(SHIPPED_DATA), "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    profiles = topics.topic_profiles(shipped_index)
    assert [t["single_document"] for t in shown] == profiles["single_document"].tolist()
    assert all(len(t["openings"]) == 2 and t["label"].startswith(f"T{t['topic']} · ") for t in shown)
    marked = [t for t in shown if t["single_document"]]
    assert marked and all(t["main_document_share"] >= topics.SINGLE_DOCUMENT_SHARE for t in marked)


def test_a_session_with_uploads_keeps_the_shared_number_of_topics_but_not_its_curve(shipped_index):
    from corpuslens.index.overlay import session_index
    from corpuslens.ingest.uploads import ingest_uploads

    text = b"Tehran Talks\n\nIran and Azerbaijan discussed the gas pipeline and the border crossings at length.\n"
    merged = session_index(shipped_index, ingest_uploads([("tehran.txt", text)]).documents)
    assert merged.n_topics == shipped_index.n_topics
    assert topics.stability_curve(shipped_index) is not None and topics.stability_curve(merged) is None


# -- The figure --------------------------------------------------------------------------------

def test_the_curve_figure_stars_the_default_and_rings_the_number_shown():
    from corpuslens.figures import stability_by_k

    curve = pd.DataFrame({"k": [4, 5], "stability": [0.6, 0.5], "topics": [(0.5, 0.7), (0.4, 0.5, 0.6)],
                          "default": [True, False]})
    traces = {t["name"]: t for t in stability_by_k(curve, chosen=5).to_dict()["data"]}
    assert list(traces) == ["one topic", "mean over the topics", "the default", "shown now"]
    assert list(array(traces["one topic"]["x"])) == [4, 4, 5, 5, 5]
    assert list(array(traces["one topic"]["y"])) == [0.5, 0.7, 0.4, 0.5, 0.6]
    assert list(array(traces["the default"]["x"])) == [4] and traces["the default"]["marker"]["symbol"] == "star"
    assert list(array(traces["shown now"]["x"])) == [5]
    # A number outside the curve (the control offers 3 to 20) is ringed nowhere.
    assert "shown now" not in {t["name"] for t in stability_by_k(curve, chosen=20).to_dict()["data"]}


def test_cli_names_a_bad_topics_yaml_instead_of_failing(capsys, tiny_data):
    (tiny_data / "topics.yaml").write_text("k: 25\n", encoding="utf-8")
    assert main(["topics", "--data", str(tiny_data), "--stability-by-k"]) == 2
    assert "topics.yaml: k: 25 is neither 'auto' nor a whole number from 3 to 20" in capsys.readouterr().err
