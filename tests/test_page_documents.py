"""The Documents page in AppTest, on the shipped corpus; and the reader's engine on the tiny corpus."""

from __future__ import annotations

import re

import numpy as np

from corpuslens.query import documents

from pages_apptest import view_params

FIRST = "000_6faec565544156c5"
CERTAIN = "003_826ed85058b98692"  # Ceyhun Mahmudlu, 25.09.2020, 11 passages
UNTITLED = "004_76dbbdf7f2186f01"  # Zaur Shiriyev, no title in the text


def table(at, column: str):
    """The first table on the page with this column (AppTest does not expose a display table's key)."""
    return next((d.value for d in at.dataframe if column in d.value.columns), None)


def reader(at) -> str:
    return at.get("html")[0].proto.body


def paragraphs(body: str) -> list[str]:
    return re.findall(r"<p[ >].*?</p>", body)


def test_default_view_lists_documents_with_provenance_and_reads_the_first(open_page):
    at = open_page("documents")
    assert not at.exception
    assert at.markdown[0].value.startswith("**68 passages in 5 documents**")
    provenance = table(at, "title from").set_index("id")
    assert len(provenance) == 5
    assert provenance.loc[CERTAIN, ["authors", "authors from", "date", "date from"]].tolist() == [
        "Ceyhun Mahmudlu", "catalog", "2020-09-25", "catalog"]
    assert provenance.loc[UNTITLED, ["title", "title from"]].tolist() == ["(unknown)", "unknown"]
    assert provenance.loc[FIRST, ["authors", "authors from"]].tolist() == ["(unknown)", "unknown"]
    assert at.selectbox(key="view.doc").value == FIRST
    assert view_params(at) == {"doc": FIRST}
    assert len(paragraphs(reader(at))) == 12  # 000 has 12 passages
    assert '<mark class="cl-state" title="Russia (state)">' in reader(at)
    expanders = [e.label for e in at.expander]
    assert "Duplicates left out (0)" in expanders and "Files skipped when the index was built (0)" in expanders


def test_link_opens_a_document_with_its_metadata_themes_actors_and_removed_lines(open_page):
    at = open_page("documents", doc=CERTAIN)
    assert not at.exception
    assert at.selectbox(key="view.doc").value == CERTAIN
    metadata = table(at, "source").set_index("field")
    assert metadata.loc["authors", "value"] == "Ceyhun Mahmudlu" and metadata.loc["date", "value"] == "2020-09-25"
    assert metadata.loc["date", "source"] == "catalog"
    assert len(paragraphs(reader(at))) == 11
    actors = table(at, "actor")
    assert {"Russia", "Azerbaijan", "Armenia"} <= set(actors["actor"])
    assert table(at, "share")["share"].between(0, 1).all()
    removed = table(at, "reason")
    assert "25.09.2020" in set(removed["line"]) and removed["reason"].str.len().gt(0).all()


def test_choosing_another_document_reads_it(open_page):
    at = open_page("documents")
    at.selectbox(key="view.doc").set_value(UNTITLED).run()
    assert not at.exception
    assert len(paragraphs(reader(at))) == 20
    assert view_params(at) == {"doc": UNTITLED}


def test_passages_outside_the_filters_are_greyed_in_the_reader(open_page, shipped_index):
    at = open_page("documents", theme="military", doc=CERTAIN)
    body = paragraphs(reader(at))
    tagged = round(shipped_index.docs.set_index("id").loc[CERTAIN, "themes"]["military"] * 11)  # 6 of 11
    assert len(body) == 11 and sum('class="cl-out"' in p for p in body) == 11 - tagged


def test_document_outside_the_filters_falls_back_to_the_first_selected(open_page):
    at = open_page("documents", author="Ceyhun Mahmudlu", doc=FIRST)
    assert not at.exception
    assert "outside the current filters" in at.info[0].value
    assert at.selectbox(key="view.doc").value == CERTAIN
    assert view_params(at) == {"author": "Ceyhun Mahmudlu", "doc": CERTAIN}


def test_unknown_document_in_the_link_is_named_in_a_notice(open_page):
    at = open_page("documents", doc="../../etc/passwd")
    assert not at.exception
    assert any("etc/passwd" in w.value.replace("\\", "") and "not a document" in w.value for w in at.warning)
    assert at.selectbox(key="view.doc").value == FIRST


def test_markup_in_a_document_id_is_never_rendered(open_page):
    at = open_page("documents", doc="<img src=x onerror=alert(1)>")
    assert not at.exception
    assert "<img" not in reader(at) and any("not a document" in w.value for w in at.warning)


def test_empty_selection_shows_the_empty_state(open_page):
    at = open_page("documents", q="zzzznotaword", doc=CERTAIN)
    assert not at.exception
    assert "No passages match" in at.info[0].value
    assert len(at.dataframe) == 0 and len(at.get("html")) == 0


# -- The reader's engine, on the tiny corpus (tests/conftest.py) ---------------------------

def test_reader_spans_cover_actors_and_theme_terms(tiny_index):
    passages = documents.reader_passages(tiny_index, "a")
    text, spans = passages.loc[0, "text"], passages.loc[0, "spans"]
    marked = [(text[s:e], label, kind) for s, e, label, kind in spans]
    # "Moscow sells gas to Baku. Russia and Azerbaijan signed a pipeline deal." A theme span says which term and rule made it count.
    assert marked == [
        ("Moscow", "Russia (state)", "state"), ("gas", "theme: Energy — 'gas' (term)", "theme"),
        ("Baku", "Azerbaijan (state)", "state"), ("Russia", "Russia (state)", "state"),
        ("Azerbaijan", "Azerbaijan (state)", "state"), ("pipeline", "theme: Energy — 'pipeline' (term)", "theme"),
    ]
    assert passages["selected"].all()


def test_reader_marks_passages_outside_the_selection(tiny_index):
    mask = np.zeros(tiny_index.n_passages, dtype=bool)
    mask[1] = True  # a's second passage
    assert documents.reader_passages(tiny_index, "a", mask)["selected"].tolist() == [False, True]


def test_provenance_and_unknowns(tiny_index):
    mask = np.ones(tiny_index.n_passages, dtype=bool)
    table = documents.provenance_table(tiny_index, mask).set_index("id")
    assert table.loc["a", ["title", "title from"]].tolist() == ["Gas and War", "front matter"]
    assert table.loc["c", ["authors", "authors from"]].tolist() == ["(unknown)", "unknown"]
    assert not documents.has_document(tiny_index, "../../etc/passwd") and documents.has_document(tiny_index, "b")
