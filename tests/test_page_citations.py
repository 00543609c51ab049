"""The Cite action and the permalink in AppTest, on the shipped corpus."""

from __future__ import annotations

from pages_apptest import open_page, warnings  # noqa: F401  (fixture)

CITED = "003_826ed85058b98692"  # Ceyhun Mahmudlu, "Russia Seeks to Break the Ice…", caspri.org, 25 September 2020


def codes(at) -> str:
    return "\n".join(c.value for c in at.code)


def test_permalink_opens_the_reader_at_the_cited_passage_with_its_citation(open_page):
    at = open_page("documents", f"doc={CITED}&passage=9")
    assert any(m.value.startswith("**Cited passage ¶9**") for m in at.markdown)
    reader = at.get("html")[-1].proto.body
    assert reader.count('class="cl-cited"') == 1
    assert at.selectbox(key="documents.cite.passage").value == f"{CITED}-p9"
    cited = codes(at)
    assert "Mahmudlu, Ceyhun. “Russia Seeks to Break the Ice in Relations with Azerbaijan.” caspri.org, " \
           "September 25, 2020." in cited
    assert f"/documents?doc={CITED}&passage=9" in cited


def test_a_passage_number_the_document_lacks_is_ignored_with_a_notice(open_page):
    at = open_page("documents", f"doc={CITED}&passage=999")
    assert "no passage 999" in warnings(at)
    assert 'class="cl-cited"' not in at.get("html")[-1].proto.body


def test_kwic_topic_and_pair_passages_can_be_cited(open_page):
    terms = open_page("terms", "term=moscow")
    assert len(terms.selectbox(key="terms.cite.passage").options) > 1 and "“" in codes(terms)
    topics = open_page("topics", "topic=1")
    assert "Passage " in codes(topics)
    actors = open_page("actors", "a=russia&b=azerbaijan")
    actors.segmented_control(key="actors.cite.style").set_value("bibtex").run()
    assert codes(actors).startswith("@misc{")
