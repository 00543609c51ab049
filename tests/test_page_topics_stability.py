"""The Topics page shows the stability of each number of topics and marks topics that mirror one document."""

from __future__ import annotations

from corpuslens.query import topics
from pages_apptest import vega_specs, view_params


def curve_chart(at) -> dict | None:
    return vega_specs(at).get("Stability by number of topics")


def drawn(figure, field: str) -> list:
    """The numbers of topics whose mean is drawn with the mark `field` names ("default": the star, "chosen": the ring),
    or every number drawn on the line."""
    return [v["k"] for v in figure["data"]["values"] if field == "line" or v[field]]


def marks(at) -> list:
    return [c for c in at.caption if "mirrors one document" in c.value]


def test_the_number_of_topics_control_shows_each_number_s_stability(open_page, shipped_index):
    at = open_page("topics")
    assert not at.exception
    curve = topics.stability_curve(shipped_index)
    slider = at.select_slider(key="view.k")
    assert slider.value == shipped_index.n_topics
    labels = dict(zip(range(3, 21), slider.options))
    for k, stability in zip(curve["k"], curve["stability"]):
        assert labels[k] == f"{k} · {stability:.2f}"
    assert labels[3] == "3" and labels[20] == "20"  # outside the measured range: no value

    figure = curve_chart(at)
    assert drawn(figure, "line") == curve["k"].tolist()
    assert drawn(figure, "default") == [shipped_index.n_topics]
    assert len(figure["layer"][0]["data"]["values"]) == sum(curve["k"])  # one dot per topic of every k
    assert any("the most stable number from 4 to 12" in c.value for c in at.caption)


def test_another_number_of_topics_is_ringed_and_goes_into_the_link(open_page, shipped_index):
    at = open_page("topics")
    assert "k" not in view_params(at)  # the corpus's own number needs no parameter
    other = 6 if shipped_index.n_topics != 6 else 7
    at.select_slider(key="view.k").set_value(other).run()
    assert not at.exception
    assert view_params(at) == {"k": str(other)}
    assert drawn(curve_chart(at), "chosen") == [other]
    at.select_slider(key="view.k").set_value(shipped_index.n_topics).run()
    assert view_params(at) == {}


def test_cards_mark_the_topics_that_mirror_one_document_and_say_the_rule(open_page, shipped_index):
    at = open_page("topics")
    profiles = topics.topic_profiles(shipped_index)
    marked = marks(at)
    assert len(marked) == int(profiles["single_document"].sum()) > 0
    for mark, (_, topic) in zip(marked, profiles[profiles["single_document"]].iterrows()):
        assert f"{topic['main_document_share']:.0%} of its weight is in" in mark.value
        assert "at least 50% of its weight" in mark.proto.help
    # Each card quotes the opening words of its two most typical passages.
    quoted = [c.value for c in at.caption if c.value.startswith("“")]
    assert len(quoted) == shipped_index.n_topics and all(c.count("“") == 2 for c in quoted)


def test_a_corpus_without_a_measured_curve_offers_to_measure_it(open_page, monkeypatch):
    monkeypatch.setattr(topics, "stability_curve", lambda index: None)
    at = open_page("topics")
    assert not at.exception
    assert curve_chart(at) is None
    assert any(b.label.startswith("Measure the stability of 4 to 12 topics") for b in at.button)
