"""The Topics page in AppTest, on the shipped corpus (68 passages; its default number of topics is the most stable)."""

from __future__ import annotations

from corpuslens.filters import Filters
from corpuslens.selection import selection_mask

from pages_apptest import vega_specs, view_params


def charts(at) -> dict[str, dict]:
    return vega_specs(at)


def cards(at) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith("**Topic ")]


def passages_shown(at):
    tables = [d for d in at.dataframe if "weight" in d.value.columns]
    return tables[0].value if tables else None


def test_default_view_has_map_cards_and_prevalence(open_page, shipped_index):
    at = open_page("topics")
    assert not at.exception
    assert at.title[0].value == "Topics"
    assert at.markdown[0].value.startswith("**68 passages in 5 documents**")
    figures = charts(at)
    assert list(figures) == ["Stability by number of topics", "Passages by topic", "Topic prevalence by year"]
    topic_map = figures["Passages by topic"]
    assert len(topic_map["data"]["values"]) == 68 and "68 passages" in topic_map["title"]["subtitle"]
    own = shipped_index.n_topics
    assert len(cards(at)) == own and at.select_slider(key="view.k").value == own
    assert at.selectbox(key="view.topic").value == 0 and passages_shown(at) is None
    assert at.radio(key="view.by").value == "year"


def test_map_points_name_their_topic_and_hover_is_plain_text(open_page, shipped_index):
    figure = charts(open_page("topics"))["Passages by topic"]
    names = figure["encoding"]["color"]["scale"]["domain"]
    assert len(names) == shipped_index.n_topics and all(name.startswith(f"T{i + 1} · ") for i, name in enumerate(names))
    # A click selects a point's topic: the selection is made on the field holding its 0-based index.
    assert figure["params"][0]["select"]["fields"] == ["topic"]
    points = figure["data"]["values"]
    assert {p["topic"] for p in points} == set(range(shipped_index.n_topics))
    assert all("<" not in p["passage"] or "&lt;" not in p["passage"] for p in points)  # plain text, not escaped twice


def test_link_opens_a_topic_grouped_by_author(open_page):
    at = open_page("topics", topic="2", by="author")
    assert not at.exception
    assert at.selectbox(key="view.topic").value == 2
    assert at.radio(key="view.by").value == "author"
    card = next(c for c in cards(at) if c.startswith("**Topic 2**"))
    count = int(card.split("· ")[1].split(" passage")[0])
    table = passages_shown(at)
    assert len(table) == count and (table["weight"] > 0).all()
    assert set(table["title"]) <= {"(untitled)", "Russia Seeks to Break the Ice in Relations with Azerbaijan",
                                   "Balancing Is Inevitable. What Aliyev and Putin Agreed in Baku",
                                   "Putin's War in Ukraine Is Putting Azerbaijan in a Bind",
                                   "Russia, Azerbaijan Improve Relations Amidst Centrifugal Tendencies in Armenia"}
    assert view_params(at) == {"topic": "2", "by": "author"}
    readable = at.get("html")[0].proto.body
    assert readable.count('class="cl-passage"') == min(count, 10) and "<script" not in readable
    prevalence = charts(at)["Topic prevalence by author"]
    assert prevalence["layer"][0]["encoding"]["x"]["title"] == "Author"


def test_link_with_another_number_of_topics(open_page):
    at = open_page("topics", k="5")
    assert not at.exception
    assert at.select_slider(key="view.k").value == 5 and len(cards(at)) == 5
    assert view_params(at) == {"k": "5"}


def test_theme_filter_narrows_topic_counts(open_page, shipped_index):
    military = int(selection_mask(shipped_index, Filters(themes=("military",))).sum())
    at = open_page("topics", theme="military")
    counted = sum(int(c.split("· ")[1].split(" passage")[0]) for c in cards(at))
    assert counted <= military < 68
    points = len(charts(at)["Passages by topic"]["data"]["values"])
    assert points == counted


def test_choosing_a_topic_lists_its_passages_and_goes_into_the_link(open_page):
    at = open_page("topics")
    at.selectbox(key="view.topic").set_value(3).run()
    assert not at.exception
    assert len(passages_shown(at)) > 0
    assert view_params(at) == {"topic": "3"}
    assert any(b.label == "Download these passages (CSV)" for b in at.get("download_button"))


def test_a_card_button_chooses_its_topic(open_page):
    at = open_page("topics")
    at.button(key="topics.card.4").click().run()
    assert not at.exception
    assert at.selectbox(key="view.topic").value == 4 and passages_shown(at) is not None


def test_fewer_topics_drop_a_topic_that_no_longer_exists(open_page):
    at = open_page("topics", topic="7", k="10")
    at.select_slider(key="view.k").set_value(3).run()
    assert not at.exception
    assert any("Topic 7 does not exist with 3 topics" in w.value for w in at.warning)
    assert at.selectbox(key="view.topic").value == 0
    assert view_params(at) == {"k": "3"}


def test_bad_parameters_are_ignored_with_a_notice(open_page, shipped_index):
    at = open_page("topics", topic="999", by="<script>", k="x")
    assert not at.exception
    notices = " ".join(w.value for w in at.warning)
    assert "topic" in notices and "by" in notices and "k" in notices
    assert at.selectbox(key="view.topic").value == 0 and at.radio(key="view.by").value == "year"
    assert at.select_slider(key="view.k").value == shipped_index.n_topics


def test_topic_beyond_the_model_is_named_in_a_notice(open_page, shipped_index):
    at = open_page("topics", topic="30")
    assert not at.exception
    assert any(f"Topic 30 does not exist with {shipped_index.n_topics} topics" in w.value for w in at.warning)
    assert passages_shown(at) is None


def test_empty_selection_shows_the_empty_state_and_no_chart(open_page):
    at = open_page("topics", q="zzzznotaword", topic="2")
    assert not at.exception
    assert "No passages match" in at.info[0].value
    assert charts(at) == {} and cards(at) == [] and len(at.dataframe) == 0


def test_each_topic_card_shows_its_stability(open_page, shipped_index):
    from corpuslens.query.topics import topic_stability

    at = open_page("topics")
    shown = [c.value for c in at.caption if c.value.startswith("stability ")]
    assert shown == [f"stability {s:.2f}" for s in topic_stability(shipped_index)]
