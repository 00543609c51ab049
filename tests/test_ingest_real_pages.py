"""Rules for reading saved web pages as they come: datelines, clocks, bylines, headlines, furniture,
hard wraps, bytes that are not text, and honest catalog provenance. Inputs are small and hand-written;
eval/measure.py measures the same rules on the labelled development set of real pages."""

from __future__ import annotations

import random

import numpy as np
import pytest

from corpuslens.ingest import ingest_folder
from corpuslens.ingest.decode import UnreadableFile, decode_bytes
from corpuslens.ingest.document import build_document
from corpuslens.ingest.people import person_names
from corpuslens.ingest.readers import text_paragraphs
from corpuslens.settings import knowledge_file

PROSE = ("The committee met for a second time on Tuesday and agreed that the plan would need more money than the "
         "ministry had set aside, a point that several members said they had raised months before the vote.")
PROSE2 = ("Officials said the talks would resume next month, although no date had been fixed and the opposition "
          "has asked for the whole process to be opened to observers from the regions affected by the change.")


def doc(text: str, url: str | None = None, name: str = "page.txt"):
    return build_document("page", name, text.encode("utf-8"), url)


def test_weekday_clock_above_the_headline_is_not_the_publication_date():
    page = doc(f"Monday March 1 2021\nHome\n\nKenya votes in a tight race\nBy Jane Doe\nMarch 3, 2021\n\n{PROSE}\n\n{PROSE2}")
    assert (page.date, page.provenance["date"]) == ("2021-03-03", "text")


def test_clock_alone_leaves_the_date_unknown():
    page = doc(f"Monday March 1 2021\n\nKenya votes in a tight race\n\n{PROSE}\n\n{PROSE2}")
    assert page.date is None and page.provenance["date"] == "unknown"


def test_an_update_stamp_is_not_the_publication_date():
    page = doc(f"Kenya votes in a tight race\nUpdated: 5 March 2021\n\n{PROSE}\n\n{PROSE2}")
    assert page.date is None


def test_date_label_glued_to_the_first_paragraph_is_read_and_taken_off():
    page = doc(f" date 2022-09-16 MOSCOW (AP) — {PROSE}\n\n{PROSE2}")
    assert page.date == "2022-09-16"
    assert page.paragraphs[0].startswith("MOSCOW (AP)")


def test_section_label_with_time_and_numeric_date_is_a_dateline():
    page = doc(f"Budget talks stall again in the capital\nPolitics 12:30, 25.03.2021\n\n{PROSE}\n\n{PROSE2}")
    assert page.date == "2021-03-25"


def test_catalog_url_gives_the_date_and_the_site_name():
    page = doc(f"Budget talks stall again in the capital\n\n{PROSE}\n\n{PROSE2}", url="https://www.example-news.org/2019/06/21/budget-talks/")
    assert (page.date, page.provenance["date"]) == ("2019-06-21", "url")
    assert (page.publication, page.provenance["publication"]) == ("example-news.org", "url")


@pytest.mark.parametrize(("line", "names"), [
    ("By Jane Doe", ["Jane Doe"]),
    ("ByJane Doe", ["Jane Doe"]),
    ("By Jane DoeJane Doe", ["Jane Doe"]),
    ("BY JANE DOE AND JOHN SMITH", ["Jane Doe", "John Smith"]),
    ("Text: Jane Doe", ["Jane Doe"]),
    ("By Suadad al-Salhy", ["Suadad al-Salhy"]),
    ("By Ana Ruiz, Adviser at the Delors Institute, & Jean-Luc De Brouwer, Director of a programme", ["Ana Ruiz", "Jean-Luc De Brouwer"]),
])
def test_bylines_in_their_shapes_name_people(line, names):
    page = doc(f"Budget talks stall again in the capital\n{line}\n\n{PROSE}\n\n{PROSE2}")
    assert page.authors == names and page.provenance["authors"] == "text"


@pytest.mark.parametrize("line", ["By Reuters", "By The Associated Press", "By Staff", "By Editorial Board"])
def test_agencies_and_desks_are_never_authors(line):
    page = doc(f"Budget talks stall again in the capital\n{line}\n\n{PROSE}\n\n{PROSE2}")
    assert page.authors == []


def test_byline_with_a_date_gives_both():
    page = doc(f"Budget talks stall again in the capital\nBy Jane Doe March 3, 2021\n\n{PROSE}\n\n{PROSE2}")
    assert (page.authors, page.date) == (["Jane Doe"], "2021-03-03")


def test_person_names_in_capitals_become_names():
    assert person_names("Жазгуль МАСАЛИЕВА") == ["Жазгуль Масалиева"]


def test_repeated_headline_under_a_section_label_is_the_title_and_is_taken_once():
    page = doc(f"Crossroads Asia\n\nWhat Are the Prospects for Reform in the Region?\n\nRecent Features\n\n"
               f"What Are the Prospects for Reform in the Region?\n\n{PROSE}\n\n{PROSE2}")
    assert page.title == "What Are the Prospects for Reform in the Region?"
    assert not any("Prospects" in p for p in page.paragraphs)


def test_accessibility_links_and_widgets_are_neither_title_nor_text():
    page = doc(f"Skip to main content\nСсылки для упрощенного доступа\n\nKenya votes in a tight race\n9 min read\n\n{PROSE}\n\n{PROSE2}")
    assert page.title == "Kenya votes in a tight race"
    assert page.paragraphs == [PROSE, PROSE2]


def test_headline_matching_the_url_wins_over_a_tag_line():
    page = doc(f"Elections Kenya Parliament Vote Results Nairobi\n\nKenya votes in a tight race for parliament\n\n{PROSE}\n\n{PROSE2}",
               url="https://news.example/2022/08/kenya-votes-in-a-tight-race-for-parliament")
    assert page.title == "Kenya votes in a tight race for parliament"


def test_site_name_after_a_bar_and_a_kicker_are_not_part_of_the_title():
    page = doc(f"Kenya votes in a tight race | Example News\n\n{PROSE}\n\n{PROSE2}", url="https://examplenews.com/kenya")
    assert page.title == "Kenya votes in a tight race"
    page = doc(f"Kenya votes in a tight race - Analysis from Example News\n\n{PROSE}\n\n{PROSE2}")
    assert page.title == "Kenya votes in a tight race"


def test_hard_wrapped_lines_are_one_paragraph_and_a_hyphen_at_a_line_end_joins_without_a_space():
    text = ("A dispute between the government and the autonomous region over oil\n"
            "rights is delaying this year's national budget, jeopardising much-\n"
            "needed investment, as the country's finances have become a new\n"
            "front in the long-running feud.\n\n"
            "The cabinet approved the budget in October, but infighting among\n"
            "factions this week scuttled attempts by lawmakers to pass the\n"
            "draft legislation in parliament.")
    paragraphs = text_paragraphs(text)
    assert len(paragraphs) == 2
    assert "jeopardising much-needed investment" in paragraphs[0] and paragraphs[0].endswith("feud.")


def test_a_line_cut_mid_sentence_joins_the_next_line():
    assert text_paragraphs("The minister said that the talks\nwould resume next month.\nA new paragraph starts here.") == [
        "The minister said that the talks would resume next month.", "A new paragraph starts here."]


def test_lines_of_ordinary_length_are_not_taken_for_a_hard_wrap():
    lines = ["11:35, 10 January 2022, Bishkek", "The president took a short leave, his press service said on Monday afternoon.",
             "He keeps in touch with the cabinet.", "The leave will last for a week and ends before the session."]
    assert text_paragraphs("\n".join(lines)) == lines


@pytest.mark.parametrize("data", [
    bytes(random.Random(3).choices(list(range(0xC0, 0x100)) * 6 + [0x20] * 32, k=20_000)),  # cp1251: letters, no words
    b"\xc4" * 20_000,  # cp1251: one letter repeated
])
def test_bytes_that_are_not_words_are_refused_with_a_reason(data):
    with pytest.raises(UnreadableFile, match="does not read as text"):
        decode_bytes(data)


def test_catalog_values_marked_inferred_say_so(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(f"Budget talks stall\n\n{PROSE}\n\n{PROSE2}", encoding="utf-8")
    (tmp_path / "catalog.csv").write_text(
        "file,title,date,year,note\na.txt,Budget talks stall,2020-05,2020,Date inferred from the events cited.\n", encoding="utf-8")
    (page,) = ingest_folder(raw, tmp_path / "catalog.csv").documents
    assert page.provenance["title"] == "catalog"
    assert page.provenance["date"] == page.provenance["year"] == "catalog, inferred"
    assert page.catalog_note == "Date inferred from the events cited."


def test_a_folder_without_catalog_has_no_catalog(tmp_path):
    assert knowledge_file(tmp_path, "catalog.csv") == tmp_path / "catalog.csv"
    assert knowledge_file(tmp_path, "themes.yaml").exists()  # lexicons still fall back to the shipped ones


def test_html_page_keeps_the_article_and_lists_the_rest_as_removed():
    article = "".join(f"<p>{p}</p>" for p in (PROSE, PROSE2, PROSE.replace("committee", "council"), PROSE2.replace("talks", "hearings")))
    html = (f"<html><head><title>Budget talks stall | Example</title><meta property='og:site_name' content='Example News'></head>"
            f"<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><div class='promo'>Subscribe to our newsletter today</div>"
            f"<article><h1>Budget talks stall</h1><p class='byline'>By Jane Doe</p>{article}</article>"
            f"<aside><h3>Most read</h3><ul><li><a href='/x'>Another story entirely</a></li></ul></aside>"
            f"<footer>Copyright 2024 Example News</footer></body></html>")
    page = doc(html, name="page.html")
    assert page.title == "Budget talks stall" and page.publication == "Example News"
    assert PROSE in page.paragraphs and PROSE2 in page.paragraphs
    assert not any("newsletter" in p or "Another story" in p or "Copyright" in p for p in page.paragraphs)
    assert any("Another story" in line for line, _ in page.removed)


def test_lines_a_site_prints_on_every_page_are_furniture(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    rows = ["file,url"]
    stories = [
        ("The river flooded three villages after a week of rain, and the army sent boats to carry the "
         "families to schools on higher ground where volunteers handed out blankets and bread."),
        ("A new school year began with fewer teachers than pupils expected, so the ministry asked retired "
         "staff to return for a term while the colleges train the next intake."),
        ("Farmers in the south sold their wheat early this season because the price of fuel kept rising "
         "and the storage halls near the port were already full of last year's grain."),
        ("The city council voted to close the old market hall for repairs, promising the traders a tent "
         "on the square until the roof and the wiring are replaced next spring."),
    ]
    for i in range(4):
        body = stories[i] + "\n\n" + stories[(i + 1) % 4].replace("The", "Meanwhile the", 1)
        body = body.replace("\n\n", "\n\nReaders in the north can find our printed edition at the kiosks listed on page two.\n\n")
        (raw / f"p{i}.txt").write_text(f"Story number {i} about the budget\n\n{body}", encoding="utf-8")
        rows.append(f"p{i}.txt,https://www.example-news.org/2021/0{i + 1}/story-{i}")
    (tmp_path / "catalog.csv").write_text("\n".join(rows), encoding="utf-8")
    documents = ingest_folder(raw, tmp_path / "catalog.csv").documents
    for doc in documents:
        assert not any("printed edition" in p for p in doc.paragraphs)
        assert any(reason.startswith("printed on 4 of 4 pages of example-news.org") for _, reason in doc.removed)
        assert len(doc.paragraphs) == 2


def test_writes_in_her_piece_for_names_the_author_and_the_outlet():
    page = doc(f"Budget talks stall again in the capital\nJane Doe writes in her piece for The Diplomat\n\n{PROSE}\n\n{PROSE2}")
    assert page.authors == ["Jane Doe"] and page.publication == "The Diplomat"


def test_the_documents_view_shows_an_inferred_catalog_value_with_its_note(tmp_path, monkeypatch):
    from corpuslens.index import load_or_build
    from corpuslens.query.documents import document_metadata

    monkeypatch.delenv("CORPUSLENS_INDEX", raising=False)
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(f"Budget talks stall\n\n{PROSE}\n\n{PROSE2}", encoding="utf-8")
    (tmp_path / "catalog.csv").write_text(
        "file,date,inferred,note\na.txt,2020-05,date;year,Date inferred from the events cited.\n", encoding="utf-8")
    index = load_or_build(tmp_path)
    table = document_metadata(index, index.docs["id"].iloc[0]).set_index("field")
    assert table.loc["date", "value"] == "2020-05"
    assert table.loc["date", "source"] == "catalog, inferred (catalog note: Date inferred from the events cited.)"
    assert table.loc["title", "source"] == "text"
    from corpuslens.query.overview import document_list
    listed = document_list(index, np.ones(index.n_passages, dtype=bool)).iloc[0]
    assert (listed["date"], listed["year"], listed["title"]) == ("2020-05 (inferred)", "2020 (inferred)", "Budget talks stall")


def test_a_dateline_with_a_surname_in_capitals_names_the_author():
    page = doc(f"11:35, 10 января 2022, Бишкек - 24.kg , Жазгуль МАСАЛИЕВА\n{PROSE}\n{PROSE2}")
    assert (page.date, page.authors) == ("2022-01-10", ["Жазгуль Масалиева"])


def test_a_place_in_capitals_in_a_dateline_is_not_an_author():
    page = doc(f"Budget talks stall again\nNEW YORK, March 3, 2021\n\n{PROSE}\n\n{PROSE2}")
    assert page.date == "2021-03-03" and page.authors == []


def test_an_agency_byline_with_a_date_dates_the_article_but_names_no_author():
    page = doc(f"Budget talks stall again in the capital\nBy The Associated Press January 15, 2017 6:12 am\n\n{PROSE}\n\n{PROSE2}")
    assert (page.date, page.authors) == ("2017-01-15", [])


def test_reading_time_glued_to_the_date_is_a_dateline():
    page = doc(f"Budget talks stall again in the capital\nJane Doe\n15 min readMay 2, 2019\n\n{PROSE}\n\n{PROSE2}")
    assert (page.date, page.authors) == ("2019-05-02", ["Jane Doe"])


def test_lines_above_the_headline_are_the_sites_header():
    page = doc(f"Switch to the light version?\nSpecial Features\n\nKenya votes in a tight race for parliament\nMarch 3, 2021\n\n{PROSE}\n\n{PROSE2}")
    assert page.title == "Kenya votes in a tight race for parliament"
    assert page.paragraphs == [PROSE, PROSE2]
    assert ("Special Features", "site header above the headline") in page.removed


def test_posted_by_under_the_article_names_the_author():
    page = doc(f"Budget talks stall again in the capital\n\n{PROSE}\n\n{PROSE2}\n\nPosted by Alon Zakai.")
    assert page.authors == ["Alon Zakai"] and page.paragraphs == [PROSE, PROSE2]


@pytest.mark.parametrize(("byline", "names"), [
    ("Ben Silverman Games Editor", ["Ben Silverman"]),
    ("Jane Doe Staff Writer", ["Jane Doe"]),
    ("Joshua Sokol May", ["Joshua Sokol"]),
    ("Theresa May", ["Theresa May"]),
    ("Nikhil Marathe", ["Nikhil Marathe"]),
    ("Martin Untersinger (avec Damien Leloup et Morgane Tual)", ["Martin Untersinger", "Damien Leloup", "Morgane Tual"]),
])
def test_byline_fields_keep_the_person_and_drop_what_runs_into_it(byline, names):
    assert person_names(byline) == names


def test_html_byline_element_names_the_author_when_the_extractor_finds_none():
    article = "".join(f"<p>{p}</p>" for p in (PROSE, PROSE2, PROSE.replace("committee", "council")))
    html = (f"<html><head><title>Budget talks stall</title></head><body><article><h1>Budget talks stall</h1>"
            f"<span class='pb-byline'>By Erin Cunningham</span>{article}</article>"
            f"<div class='comments'><span class='comment-author'>Alexander Petrov</span><p>Nice.</p></div></body></html>")
    assert doc(html, name="page.html").authors == ["Erin Cunningham"]


@pytest.mark.parametrize(("line", "names"), [
    ("Prepared by: Visar Xhambazi", ["Visar Xhambazi"]),
    ("Author: Barbara Matias*", ["Barbara Matias"]),
    ("Rapporteurs: Danuta Maria Hübner and Pedro Silva Pereira", ["Danuta Maria Hübner", "Pedro Silva Pereira"]),
])
def test_labelled_author_lines_of_reports(line, names):
    page = doc(f"Budget talks stall again in the capital\n{line}\n\n{PROSE}\n\n{PROSE2}")
    assert page.authors == names


def test_a_person_described_in_the_last_paragraph_is_not_an_author_note():
    page = doc(f"Budget talks stall again in the capital\n\n{PROSE}\n\nJane Roe, a professor at the University of "
               "Pittsburgh, has been to the region several times and is optimistic about the reforms.")
    assert page.authors == []


@pytest.mark.parametrize(("title", "headline"), [
    ("Friday Facts #282 - 0.17 in sight | Factorio", "Friday Facts #282 - 0.17 in sight"),
    ("海外留学生看两会：出国前后关注点大不同_教育频道_中国青年网", "海外留学生看两会：出国前后关注点大不同"),
    ("Budget talks stall | Politics | Example News", "Budget talks stall"),
])
def test_a_stated_page_title_loses_the_site_names_after_bars_and_underscores(title, headline):
    article = "".join(f"<p>{p}</p>" for p in (PROSE, PROSE2, PROSE.replace("committee", "council")))
    html = f"<html><head><meta property='og:title' content='{title}'></head><body><article>{article}</article></body></html>"
    assert doc(html, name="page.html").title == headline


def test_a_short_untitled_article_keeps_its_sentences():
    page = doc("Kenya votes today\n\nThe talks failed.\n\nThe vote was delayed.\n\nNobody knows why it happened")
    assert "The talks failed." in page.paragraphs and "The vote was delayed." in page.paragraphs


@pytest.mark.parametrize("sentence", ["Elections were held on March 3, 2021.", "On March 3, 2021, voters went out."])
def test_a_sentence_about_a_dated_event_is_text_not_a_dateline(sentence):
    page = doc(f"Budget talks stall again in the capital\n{sentence}\n\n{PROSE}\n\n{PROSE2}")
    assert page.date is None and sentence in page.paragraphs


def test_a_sentence_that_starts_like_a_wire_credit_is_text():
    line = "Reporting by state media on the clashes has been sparse and contradictory."
    page = doc(f"Budget talks stall again in the capital\n\n{PROSE}\n\n{line}\n\n{PROSE2}")
    assert line in page.paragraphs and page.authors == []


@pytest.mark.parametrize("line", [
    "Putin will never miss a chance to remind his guests of the war.",
    "Previous articles by the author argued that the deal would fail.",
    "The ministry released the images: they showed damage to the bridge",
])
def test_article_sentences_that_look_a_little_like_furniture_stay(line):
    page = doc(f"Budget talks stall again in the capital\n\n{PROSE}\n\n{line}\n\n{PROSE2}")
    assert line in page.paragraphs


@pytest.mark.parametrize(("title", "url"), [
    ("Moscow bans news from Ukraine", None),
    ("Armenia and Azerbaijan - what the news means", "https://news.bbc.co.uk/x"),
])
def test_headlines_that_contain_news_are_not_cut(title, url):
    assert doc(f"{title}\n\n{PROSE}\n\n{PROSE2}", url=url).title == title


@pytest.mark.parametrize(("byline", "names"), [
    ("By Jane Doe, Senior Fellow", ["Jane Doe"]),
    ("J.R.R. TOLKIEN", ["J.R.R. Tolkien"]),
    ("SEAN O'BRIEN", ["Sean O'Brien"]),
    ("Jane" + " " * 20_000 + "Doe", ["Jane Doe"]),
])
def test_person_names_from_awkward_bylines(byline, names):
    assert person_names(byline) == names


def test_copies_of_one_article_on_a_site_are_duplicates_not_furniture(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    rows = ["file,url"]
    for i in range(3):
        (raw / f"p{i}.txt").write_text(f"Budget talks stall\n\n{PROSE}\n\n{PROSE2}\n\nSaved copy number {i} of this page.", encoding="utf-8")
        rows.append(f"p{i}.txt,https://www.example-news.org/2021/05/story-{i}")
    (tmp_path / "catalog.csv").write_text("\n".join(rows), encoding="utf-8")
    documents = sorted(ingest_folder(raw, tmp_path / "catalog.csv").documents, key=lambda d: d.file)
    assert PROSE in documents[0].paragraphs and PROSE2 in documents[0].paragraphs
    assert [d.duplicate_kind for d in documents[1:]] == ["near", "near"]


@pytest.mark.parametrize(("note", "inferred"), [
    ("Date stated on the page; title inferred from the URL.", {"title"}),
    ("Title was not inferred. Date inferred from events.", {"date", "year"}),
])
def test_only_the_fields_a_note_calls_inferred_are_marked(note, inferred):
    from corpuslens.ingest.catalog import inferred_fields
    assert inferred_fields({"note": note}) == inferred
