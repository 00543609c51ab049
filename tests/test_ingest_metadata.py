"""metadata.py: each extraction rule, provenance per field, and no invented values."""

from corpuslens.ingest.furniture import classify_furniture
from corpuslens.ingest.metadata import extract_metadata, split_bracketed_source
from corpuslens.ingest.readers import parse_file

PROSE = (
    "On September 27, 2018, Russian President Vladimir Putin paid a working visit to Baku, where he attended "
    "the world judo championship and held talks with Ilham Aliyev about trade, energy and security."
)
MORE = "The talks of 12.10.2019 ended without a statement; Moscow and Baku issued separate readouts the next day."


def meta(text: str, suffix: str = ".txt"):
    parsed = parse_file(text, suffix)
    return extract_metadata(parsed.paragraphs, classify_furniture(parsed.paragraphs), parsed)


def test_title_is_the_first_heading_like_line_after_furniture():
    found = meta(f"Placeholder canvas\n\nMoscow Courts Baku Again\n\n{PROSE}\n\n{MORE}")
    assert found.title == "Moscow Courts Baku Again"
    assert found.provenance["title"] == "text"
    assert found.consumed == {1: "title (kept as metadata)"}


def test_no_title_when_the_first_line_is_prose():
    found = meta(f"{PROSE}\n{MORE}")
    assert found.title is None and found.provenance["title"] == "unknown"


def test_bracketed_source_becomes_the_publication():
    found = meta(f"Putin’s War Is Putting Azerbaijan in a Bind [World Politics Review]\n\n{PROSE}")
    assert found.title == "Putin’s War Is Putting Azerbaijan in a Bind"
    assert found.publication == "World Politics Review" and found.provenance["publication"] == "text"
    assert split_bracketed_source("Aliyev Speaks [Video]") == ("Aliyev Speaks", None)


def test_bylines():
    assert meta(f"A Title Here\n\nBy Jane Doe\n\n{PROSE}").authors == ["Jane Doe"]
    assert meta(f"A Title Here\n\nByJohn Newman\n\n{PROSE}").authors == ["John Newman"]
    both = meta(f"A Title Here\n\nBy Jane Doe and John Roe | Feb 23, 2024\n\n{PROSE}")
    assert both.authors == ["Jane Doe", "John Roe"] and both.date == "2024-02-23"
    assert meta(f"A Title Here\n\nBy the editors\n\n{PROSE}").authors == []


def test_name_line_under_the_title_and_dateline():
    found = meta(f"Blog posts\n\nRussia Seeks to Break the Ice\n\nCeyhun Mahmudlu\n\n25.09.2020\n\n{PROSE}\n\n{MORE}")
    assert found.title == "Russia Seeks to Break the Ice"
    assert found.authors == ["Ceyhun Mahmudlu"] and found.provenance["authors"] == "text"
    assert found.date == "2020-09-25" and found.year == 2020
    assert found.provenance["date"] == found.provenance["year"] == "text"


def test_closing_notes_name_the_author():
    found = meta(f"{PROSE}\n{MORE}\nZaur Shiriyev is an Academy Associate at the Royal Institute of International Affairs (Chatham House).")
    assert found.authors == ["Zaur Shiriyev"]
    found = meta(f"{PROSE}\n\n{MORE}\n\nSergey Markedonov, Associate Professor, Department of Regional Studies")
    assert found.authors == ["Sergey Markedonov"]


def test_publication_line_and_newsletter_footer():
    found = meta(f"A Title Here\n\nPublication: Eurasia Daily Monitor Volume: 15 Issue: 130\n\n{PROSE}")
    assert found.publication == "Eurasia Daily Monitor"
    found = meta(f"{PROSE}\n{MORE}\nSign up for Eurasianet's free weekly newsletter. Support Eurasianet: Help keep our journalism open.")
    assert found.publication == "Eurasianet"


def test_dates_in_the_body_are_never_the_publication_date():
    found = meta(f"A Title Here\n\n{PROSE}\n\n{MORE}\n\n12.10.2019\n\nSeptember 1, 2018")
    assert found.date is None and found.year is None
    assert found.provenance["date"] == found.provenance["year"] == "unknown"


def test_unknown_fields_stay_empty_with_unknown_provenance():
    found = meta(f"{PROSE}\n\n{MORE}")
    assert (found.title, found.authors, found.publication, found.date, found.year, found.url) == (None, [], None, None, None, None)
    assert set(found.provenance.values()) == {"unknown"}
    assert set(found.provenance) == {"title", "authors", "publication", "date", "year", "url"}


def test_front_matter_wins_over_text_and_url_date_is_the_last_resort():
    text = f"---\ntitle: Stated Title\nauthor: Jane Doe\nurl: https://ex.org/2021/05/04/x\n---\nA Heading Here\n\nBy John Roe\n\n{PROSE}"
    found = meta(text, ".md")
    assert found.title == "Stated Title" and found.provenance["title"] == "front matter"
    assert found.authors == ["Jane Doe"] and found.provenance["authors"] == "front matter"
    assert found.date == "2021-05-04" and found.provenance["date"] == "url" and found.provenance["year"] == "url"
    assert found.url == "https://ex.org/2021/05/04/x"


def test_html_meta_provenance():
    page = (
        '<html><head><meta name="author" content="Jane Doe"><meta property="og:site_name" content="Caucasus Review">'
        f"</head><body><h1>Moscow and Baku</h1><p>{PROSE}</p></body></html>"
    )
    found = meta(page, ".html")
    assert found.title == "Moscow and Baku" and found.provenance["title"] == "text"
    assert found.authors == ["Jane Doe"] and found.provenance["authors"] == "html meta"
    assert found.publication == "Caucasus Review" and found.provenance["publication"] == "html meta"
    assert found.date is None and found.provenance["date"] == "unknown"


def test_a_stated_title_takes_only_its_own_repetition_out_of_the_text():
    # Front matter states the title: a first line repeating it is metadata, but a different short first line
    # that merely looks like a heading is article text and must stay.
    repeated = meta(f"---\ntitle: Moscow Courts Baku Again\n---\nMoscow Courts Baku Again\n\n{PROSE}\n", ".md")
    assert repeated.title == "Moscow Courts Baku Again" and repeated.provenance["title"] == "front matter"
    assert repeated.consumed == {0: "title (kept as metadata)"}
    different = meta(f"---\ntitle: Moscow Courts Baku Again\n---\nPutin and Aliyev Meet in Baku\n\n{PROSE}\n", ".md")
    assert different.title == "Moscow Courts Baku Again"
    assert different.consumed == {}
