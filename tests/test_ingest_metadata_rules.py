"""Rules that read a page's authors, title and publication when no catalog states them: each with a
page it must read and a page it must leave alone. Inputs are small and hand-written; eval/measure.py
measures the same rules on the labelled development set of real pages."""

from __future__ import annotations

import pytest

from corpuslens.ingest.document import build_document
from corpuslens.ingest.people import person_names

PROSE = ("The committee met for a second time on Tuesday and agreed that the plan would need more money than the "
         "ministry had set aside, a point that several members said they had raised months before the vote.")
PROSE2 = ("Officials said the talks would resume next month, although no date had been fixed and the opposition "
          "has asked for the whole process to be opened to observers from the regions affected by the change.")
ARTICLE = "".join(f"<p>{p}</p>" for p in (PROSE, PROSE2, PROSE.replace("committee", "council")))


def doc(text: str, url: str | None = None, name: str = "page.txt"):
    return build_document("page", name, text.encode("utf-8"), url)


def html_page(header: str, after: str = "") -> str:
    return (f"<html><head><title>Budget talks stall</title></head><body><article><h1>Budget talks stall</h1>"
            f"{header}{ARTICLE}</article>{after}</body></html>")


# ---------------------------------------------------------------- who is a person

@pytest.mark.parametrize(("byline", "names"), [
    ("Our Foreign Staff", []),  # a desk, not a person
    ("Our Correspondent", []),
    ("Last Updated: January 7, 2025", []),  # an update line where a byline element stands
    ("Jane Doe (with John Smith)", ["Jane Doe", "John Smith"]),
    ("Marie Dupont et Paul Martin", ["Marie Dupont", "Paul Martin"]),
    ("Jane Doe (Reuters)", ["Jane Doe"]),  # an agency in brackets is not a co-author
])
def test_byline_text_names_people_and_never_a_desk_or_an_update_line(byline, names):
    assert person_names(byline) == names


# ---------------------------------------------------------------- HTML byline elements

def test_a_byline_element_naming_several_people_completes_the_extractors_list():
    header = "<div class='article-byline'>By Stella Kim and Jennifer Jett</div>"
    page = doc(html_page(header), name="page.html")
    assert page.authors == ["Stella Kim", "Jennifer Jett"]


def test_contributors_thanked_under_the_article_are_not_authors():
    page = doc(html_page("<div class='article-byline'>By Stella Kim and Jennifer Jett</div>",
                         "<p>Abigail Williams and Beomsu Jo contributed.</p>"), name="page.html")
    assert page.authors == ["Stella Kim", "Jennifer Jett"]


def test_an_agency_byline_element_leaves_the_authors_unknown_despite_teasers_further_down():
    teasers = "".join(f"<aside><a href='/x{i}'>Another story</a><span class='author'>Par {name}</span></aside>"
                      for i, name in enumerate(("Sébastien Farcis", "Juliette Deborde")))
    page = doc(html_page("<span class='author'>AFP</span>", teasers), name="page.html")
    assert page.authors == []


def test_a_person_byline_element_is_read_when_nothing_else_names_the_author():
    page = doc(html_page("<span class='author'>Par Sébastien Farcis</span>"), name="page.html")
    assert page.authors == ["Sébastien Farcis"]


# ---------------------------------------------------------------- front matter of papers and reports

def test_names_under_a_papers_title_are_its_authors_and_mark_the_title():
    prose = PROSE.replace("the plan", "the stabilization programs")
    page = doc("The Lahore Journal of Economics\n\nIMF Stabilization Programs and Macroeconomic Outcomes\n\n"
               f"Nawaz A. Hakro* and Wadho Waqar Ahmed**\n\n{prose}\n\n{PROSE2}")
    assert page.title == "IMF Stabilization Programs and Macroeconomic Outcomes"
    assert page.authors == ["Nawaz A. Hakro", "Wadho Waqar Ahmed"]


def test_a_name_printed_on_the_cover_and_again_under_the_title_in_capitals():
    page = doc("Lecture Series\nThe IMF and Pakistan\nMeekal Aziz Ahmed\nInstitute of Development Economics\n\n"
               f"The IMF and Pakistan\nMEEKAL AZIZ AHMED\n\n{PROSE}\n\n{PROSE2}")
    assert page.authors == ["Meekal Aziz Ahmed"]


def test_a_title_case_line_under_a_heading_is_a_headline_not_two_names():
    prose = PROSE.replace("the plan", "the stabilization programs")
    page = doc(f"The Lahore Journal of Economics\n\nStabilization Programs and Macroeconomic Outcomes\n\n{prose}\n\n{PROSE2}")
    assert page.authors == []


def test_a_single_capitalised_line_under_a_headline_is_not_an_author():
    page = doc(f"Kenya votes in a tight race for parliament\n\nHong Kong\n\n{PROSE}\n\n{PROSE2}")
    assert page.authors == []


# ---------------------------------------------------------------- a standfirst that names its writer

STANDFIRST = ("The only way to forestall the crisis is to open a broader political discourse with the new "
              "government, writes {who}. Donors must be strategic in how they approach the question of rights.")


def test_a_standfirst_ending_a_sentence_with_writes_and_a_name_names_the_author():
    page = doc(f"Relief is not enough\n\n{STANDFIRST.format(who='Dr Erica Gaston')}\n\n{PROSE}\n\n{PROSE2}")
    assert page.authors == ["Erica Gaston"]


def test_a_standfirst_citing_someone_elses_piece_names_no_author():
    page = doc(f"Relief is not enough\n\n{STANDFIRST.format(who='John Smith in Foreign Affairs')}\n\n{PROSE}\n\n{PROSE2}")
    assert page.authors == []


# ---------------------------------------------------------------- "Posted by" lines of blogs

@pytest.mark.parametrize(("line", "names"), [
    ("Posted by kovarex, TOGos, Ernestas, Albert on 2019-02-15, all posts", ["kovarex", "TOGos", "Ernestas", "Albert"]),
    ("Posted by Alon Zakai.", ["Alon Zakai"]),
    ("Posted by admin on 2019-02-15", []),  # a role, not a writer
    ("Posted by Reuters", []),
    ("Posted in Politics, Economy on 2019-02-15", []),
])
def test_a_posted_by_line_credits_people_or_the_sites_handles_but_never_a_role(line, names):
    page = doc(f"Budget talks stall again in the capital\n{line}\n\n{PROSE}\n\n{PROSE2}")
    assert page.authors == names


def test_a_posted_by_line_right_under_a_web_pages_article_names_its_author():
    page = doc(html_page("", "<footer><p>Posted by Alon Zakai.</p><a href='/x'>Retweet this article!</a></footer>"),
               name="page.html")
    assert page.authors == ["Alon Zakai"]


def test_a_posted_by_line_in_the_comments_far_below_the_article_is_not_its_author():
    comments = "".join(f"<div><p>Comment number {i}</p></div>" for i in range(6))
    page = doc(html_page("", f"{comments}<div><p>Posted by Jane Roe.</p></div>"), name="page.html")
    assert page.authors == []


def test_a_bare_name_closing_the_article_is_not_taken_for_its_author():
    page = doc(f"Budget talks stall again in the capital\n\n{PROSE}\n\n{PROSE2}\n\nHüseyin Demir")
    assert page.authors == []


# ---------------------------------------------------------------- a web page's headline

def titled_page(title: str, h1: str) -> str:
    return (f"<html><head><title>{title}</title></head><body><header><h1>{h1}</h1></header>"
            f"<article>{ARTICLE}</article></body></html>")


def test_a_section_name_in_the_h1_does_not_replace_the_headline_the_page_title_states():
    page = doc(titled_page("Babies Who Eat Peanuts Early May Avoid Allergy", "Allergies Health Center"), name="page.html")
    assert page.title == "Babies Who Eat Peanuts Early May Avoid Allergy"


def test_a_logo_in_the_h1_does_not_replace_the_headline():
    page = doc(titled_page("Nintendo's first iPhone game will launch in December", "msn back to msn home news"),
               name="page.html")
    assert page.title == "Nintendo's first iPhone game will launch in December"


def test_the_h1_is_the_headline_when_the_page_title_is_only_the_sites_name():
    page = doc(titled_page("Google - Site Reliability Engineering", "Monitoring Distributed Systems"), name="page.html")
    assert page.title == "Monitoring Distributed Systems"


# ---------------------------------------------------------------- a text page's headline

def test_a_banner_above_a_section_label_and_a_headline_with_a_dateline_is_not_the_text():
    banner = ("Covid Impact: we have had to react to many challenges (government restrictions, border closings, "
              "flight cancellations etc.) and all orders are shipped as soon as the couriers can take them again.")
    page = doc(f"{banner}\nCurrency News\nIraq budget battle opens new front in Kurdish feud\n"
               f"BAGHDAD | Fri Feb 15, 2013 10:13am EST\n{PROSE}\n{PROSE2}")
    assert page.title == "Iraq budget battle opens new front in Kurdish feud"
    assert page.date == "2013-02-15"


def test_a_long_first_paragraph_is_the_article_when_what_follows_is_no_headline_with_a_dateline():
    page = doc(f"{PROSE}\nIraq budget battle opens new front\nPhoto\n{PROSE2}")
    assert page.title is None and page.paragraphs[0] == PROSE


@pytest.mark.parametrize(("line", "title"), [
    ("The New Humanitarian | Afghanistan: What does Taliban control mean for aid?",
     "Afghanistan: What does Taliban control mean for aid?"),
    ("Votes | Counted", "Votes | Counted"),  # too short on either side to tell a site from a headline
])
def test_a_sites_name_before_a_bar_is_not_part_of_the_headline(line, title):
    page = doc(f"{line}\n\n{PROSE}\n\n{PROSE2}")
    assert page.title == title


# ---------------------------------------------------------------- publication named by the page

@pytest.mark.parametrize(("line", "publication"), [
    ("© 2008 by the United States Institute of Peace.", "United States Institute of Peace"),
    ("Copyright © 2019. Democracy for Development (D4D). All rights reserved.", "Democracy for Development (D4D)"),
    ("© Group for Legal and Political Studies, July, 2018.", "Group for Legal and Political Studies"),
    ("© 2021 The Foo Times", "Foo Times"),
])
def test_a_copyright_line_names_the_publication(line, publication):
    page = doc(f"Budget talks stall again in the capital\n\n{PROSE}\n\n{PROSE2}\n\n{line}", url="https://mirror.example/doc/1")
    assert (page.publication, page.provenance["publication"]) == (publication, "text")


@pytest.mark.parametrize("line", [
    "© Atko Januson",  # a photographer's credit
    "© 2021 Jane Doe",  # a person holds it
    "© Pakistan Institute of Development",  # cut off: no year, no "all rights reserved"
])
def test_a_copyright_line_naming_a_person_or_cut_off_is_not_the_publication(line):
    page = doc(f"Budget talks stall again in the capital\n\n{PROSE}\n\n{PROSE2}\n\n{line}", url="https://mirror.example/doc/1")
    assert (page.publication, page.provenance["publication"]) == ("mirror.example", "url")


@pytest.mark.parametrize(("header", "url", "publication"), [
    ("Teller Report\n\nKenya votes in a tight race for parliament", "https://www.tellerreport.com/news/1", "Teller Report"),
    ("Islamabad Policy Institute\n\nKenya votes in a tight race for parliament", "https://ipi.org.pk/kenya", "Islamabad Policy Institute"),
    ("Kenya votes in a tight race for parliament\nBy Bjorn T. Kjelstad, Research Associate at the Council on Hemispheric Affairs",
     "https://www.coha.org/kenya", "Council on Hemispheric Affairs"),
])
def test_a_header_line_the_sites_host_spells_is_the_publication(header, url, publication):
    page = doc(f"{header}\n\n{PROSE}\n\n{PROSE2}", url=url)
    assert (page.publication, page.provenance["publication"]) == (publication, "text")


def test_an_agency_in_the_dateline_the_host_spells_is_the_publication():
    page = doc(f"Kenya votes in a tight race\n\nNairobi (AsiaNews/Agencies) - {PROSE}\n\n{PROSE2}", url="http://www.asianews.it/news-en/1")
    assert page.publication == "AsiaNews"


@pytest.mark.parametrize(("header", "url"), [
    ("Middle East\n\nKenya votes in a tight race for parliament", "https://www.tellerreport.com/news/1"),  # a section
    ("Adam Rang\n\nKenya votes in a tight race for parliament", "https://adamrang.medium.com/kenya"),  # the blog's author
])
def test_a_header_line_the_host_does_not_spell_or_a_persons_name_is_not_the_publication(header, url):
    page = doc(f"{header}\n\n{PROSE}\n\n{PROSE2}", url=url)
    assert page.provenance["publication"] == "url"


def test_the_site_introducing_itself_in_the_header_is_its_blurb_and_names_the_publication():
    blurb = "At YIP, nuanced policy briefs emerge from the collaboration of six diverse, nonpartisan students."
    text = f"Remembering Afghanistan\n\nOctober 26, 2023\n\n{blurb}\n\n{PROSE}\n\n{PROSE2}"
    page = doc(text, url="https://yipinstitute.org/policy/remembering-afghanistan")
    assert (page.publication, page.provenance["publication"]) == ("YIP", "text")
    assert blurb not in page.paragraphs
    assert (blurb, "publisher's self-description") in page.removed
    # another site's page, or a sentence opening on a place or a meeting, is article text
    for url in ("https://example.org/policy/remembering-afghanistan", None):
        assert blurb in doc(text, url=url).paragraphs
    meeting = "At Davos, ministers from six countries agreed to meet again before the summer."
    assert meeting in doc(f"Remembering Afghanistan\n\n{meeting}\n\n{PROSE}\n\n{PROSE2}",
                          url="https://yipinstitute.org/policy/x").paragraphs


def page_with_title(title: str, site_name: str | None = None) -> str:
    meta = f'<meta property="og:site_name" content="{site_name}">' if site_name else ""
    return (f"<html><head><title>{title}</title>{meta}</head><body><article><h1>Budget talks stall</h1>"
            f"{ARTICLE}</article></body></html>")


@pytest.mark.parametrize(("title", "site_name", "url", "publication"), [
    # the meta site name squashes the name the title spells out for readers
    ("Budget talks stall - The New York Times", "NYTimes", "https://www.nytimes.com/2017/01/13/budget.html", "The New York Times"),
    ("Budget talks stall | Herald Sun", "HeraldSun", "http://www.heraldsun.com.au/news/budget", "Herald Sun"),
    # no meta site name, or one that is only an address: the title's part that the host spells
    ("Budget talks stall - Wikipedia", None, "https://en.wikipedia.org/wiki/Budget", "Wikipedia"),
    ("Budget talks stall | TMZ.com", "http://www.tmz.com", "http://www.tmz.com/2015/02/26/budget/", "TMZ"),
    ("Silicon Exposed: Budget talks stall", None, "http://siliconexposed.blogspot.com/2016/05/budget.html", "Silicon Exposed"),
])
def test_the_sites_name_in_the_page_title_is_the_publication(title, site_name, url, publication):
    page = doc(page_with_title(title, site_name), url=url, name="page.html")
    assert (page.publication, page.provenance["publication"]) == (publication, "html meta")


@pytest.mark.parametrize(("title", "site_name", "url", "publication"), [
    # a meta site name that is a name of its own stays, even where the title words the site differently
    ("Budget talks stall - BuzzFeed News", "BuzzFeed", "http://www.buzzfeed.com/someone/budget", "BuzzFeed"),
    ("Budget talks stall - 21/12/2018 - Esporte - Folha", "Folha de S.Paulo", "https://www1.folha.uol.com.br/esporte/budget.shtml",
     "Folha de S.Paulo"),
    # a title part the host does not spell is a section or a headline, not the site
    ("Politics | Budget talks stall", "Example Daily", "https://www.example-daily.com/politics/budget", "Example Daily"),
    ("Politics | Budget talks stall", "ExampleDaily", "https://www.example-daily.com/politics/budget", "ExampleDaily"),
])
def test_a_title_part_is_not_taken_over_a_stated_name_or_when_the_host_does_not_spell_it(title, site_name, url, publication):
    page = doc(page_with_title(title, site_name), url=url, name="page.html")
    assert page.publication == publication


def test_an_organisation_named_in_brackets_inside_the_first_sentence_is_not_the_publication():
    page = doc(f"EU migration talks stall\n\nOn 19 May, the European Economic and Social Committee (EESC)'s study group "
               f"met. {PROSE}\n\n{PROSE2}", url="https://www.eesc.europa.eu/en/news/1")
    assert page.provenance["publication"] == "url"


def site_named(site_name: str) -> str:
    return (f"<html><head><title>Budget talks stall</title><meta property='og:site_name' content='{site_name}'></head>"
            f"<body><article><h1>Budget talks stall</h1>{ARTICLE}</article></body></html>")


@pytest.mark.parametrize(("site_name", "publication", "provenance"), [
    ("Le Monde.fr", "Le Monde", "html meta"),
    ("Spiceworks Inc", "Spiceworks", "html meta"),
    ("Fandom powered by Wikia", "Fandom", "html meta"),
    ("Aktuálně.cz - Víte, co se právě děje", "Aktuálně.cz", "html meta"),
    ("http://www.tmz.com", "tmz.com", "url"),  # an address is no name: the URL's host, said to come from it
    ("24.kg", "24.kg", "html meta"),  # a masthead that is written as a domain
    ("NBC News", "NBC News", "html meta"),
    ("Jane Doe & Co.", "Jane Doe & Co.", "html meta"),
])
def test_a_stated_site_name_loses_its_tagline_company_form_and_domain_ending(site_name, publication, provenance):
    page = doc(site_named(site_name), url="https://www.tmz.com/2024/01/02/story", name="page.html")
    assert (page.publication, page.provenance["publication"]) == (publication, provenance)


# ---------------------------------------------------------------- a writer named in the URL

def test_a_slug_ending_by_a_name_names_the_author_with_provenance_url():
    page = doc(f"Argentina's Inflation Paradoxes\n\n{PROSE}\n\n{PROSE2}",
               url="https://www.example.org/commentary/argentina-must-cut-inflation-by-andres-velasco-2024-05?a=1")
    assert (page.authors, page.provenance["authors"]) == (["Andres Velasco"], "url")


def test_a_slug_ending_by_common_words_names_no_author():
    prose = PROSE.replace("the plan", "the drone strike")
    page = doc(f"Three killed in the capital\n\n{prose}\n\n{PROSE2}",
               url="https://www.example.org/news/three-killed-by-drone-strike-2024-05")
    assert page.authors == [] and page.provenance["authors"] == "unknown"


def test_a_byline_in_the_text_wins_over_the_slug():
    page = doc(f"Argentina's Inflation Paradoxes\nBy Jane Doe\n\n{PROSE}\n\n{PROSE2}",
               url="https://www.example.org/commentary/argentina-must-cut-inflation-by-andres-velasco-2024-05")
    assert page.authors == ["Jane Doe"]


@pytest.mark.parametrize(("closing", "names"), [
    (PROSE2 + "（编译/林靖东）", ["林靖东"]),  # "compiled by", closing the last paragraph
    ("作者︱春春", ["春春"]),
    ("[责任编辑:肖春芳]", []),  # the responsible editor is not an author
    ("原文/张三的文章", []),  # "原文" (the original text) is no credit
])
def test_a_chinese_credit_closing_the_text_names_its_writer_and_an_editor_line_does_not(closing, names):
    page = doc(f"DeepMind新电脑已可利用记忆自学\n\n{PROSE}\n\n{PROSE.replace('committee', 'council')}\n\n{closing}")
    assert page.authors == names


@pytest.mark.parametrize(("first", "title"), [
    ("From a dark jail cell, a voice calls out: “I wish to speak to my lawyer.”", None),  # a sentence in quotes
    ("Putin: “We will not retreat”", "Putin: “We will not retreat”"),  # a headline quoting somebody
])
def test_a_first_line_ending_a_quoted_sentence_is_no_headline(first, title):
    page = doc(f"{first}\n\n{PROSE}\n\n{PROSE2}")
    assert page.title == title


def test_a_caption_printed_twice_in_a_row_under_the_headline_is_not_the_headline():
    caption = "Leader of the Harmony Centre, Riga mayor Nils Usakovs"
    page = doc(f"In Latvia the party that won the election will not join the government\n\n{caption}\n\n{caption}\n\n{PROSE}\n\n{PROSE2}")
    assert page.title == "In Latvia the party that won the election will not join the government"


def test_a_headline_printed_again_further_down_the_header_is_the_headline():
    page = doc(f"Iraqi cleric Sadr’s party says they dominate Iraq polls\nSadrist Movement says it won 80 seats.\n"
               f"Iraqi cleric Sadr’s party says they dominate Iraq polls\n\n{PROSE}\n\n{PROSE2}")
    assert page.title == "Iraqi cleric Sadr’s party says they dominate Iraq polls"


@pytest.mark.parametrize(("masthead", "publication"), [
    ("The Lahore Journal of Economics", "The Lahore Journal of Economics"),
    ("International Information Centre for Balkan Studies", "International Information Centre for Balkan Studies"),
])
def test_an_outlets_masthead_above_the_headline_is_the_publication(masthead, publication):
    page = doc(f"{masthead}\n\nIMF Stabilization Programs and Macroeconomic Outcomes\nBy Jane Doe\n\n{PROSE}\n\n{PROSE2}",
               url="https://mirror.example/doc/1")
    assert (page.publication, page.provenance["publication"]) == (publication, "text")


@pytest.mark.parametrize("label", ["World News", "Latest Updates", "Daily News Bulletin", "Middle East Politics"])
def test_a_section_label_above_the_headline_is_not_the_publication(label):
    page = doc(f"{label}\n\nKenya votes in a tight race for parliament\nBy Jane Doe\n\n{PROSE}\n\n{PROSE2}",
               url="https://mirror.example/doc/1")
    assert page.provenance["publication"] == "url"


def test_a_title_case_headline_with_and_under_a_masthead_is_not_an_author_line():
    page = doc(f"The Lahore Journal of Economics\n\nIMF Stabilization Programs and Macroeconomic Outcomes\n\n{PROSE}\n\n{PROSE2}")
    assert page.authors == []


@pytest.mark.parametrize(("label", "url"), [
    ("News", "https://news.example.com/2024/kenya"),  # a section label that a subdomain happens to spell
    ("Council Elections", "https://mirror.example/doc/1"),  # two words with an outlet's word: a section
])
def test_a_section_label_is_not_the_publication_even_when_a_host_label_or_an_outlet_word_matches(label, url):
    page = doc(f"{label}\n\nKenya votes in a tight race for parliament\nBy Jane Doe\n\n{PROSE}\n\n{PROSE2}", url=url)
    assert page.provenance["publication"] == "url"


# ---------------------------------------------------------------- dates stated in an HTML page

def page_with_head(head: str, first_paragraph: str = PROSE) -> str:
    return (f"<html><head><title>Budget talks stall</title>{head}</head><body><article><h1>Budget talks stall</h1>"
            f"<p>{first_paragraph}</p><p>{PROSE2}</p><p>{PROSE}</p></article></body></html>")


def test_json_ld_wrapped_in_cdata_is_read():
    head = ('<script type="application/ld+json">//<![CDATA[\n{"@context": "http://schema.org", "@type": "NewsArticle", '
            '"headline": "Budget talks stall", "datePublished": "2024-12-06T22:00:40.000Z"}\n//]]></script>'
            '<meta property="og:updated_time" content="2024-12-07T12:00:00Z">')
    page = doc(page_with_head(head), url="https://news.example.com/budget", name="page.html")
    assert (page.date, page.provenance["date"]) == ("2024-12-06", "html meta")


def test_the_older_article_published_meta_tag_is_read_before_the_url_date():
    head = '<meta property="article:published" content="2016-07-29T16:42:34-04:00">'
    page = doc(page_with_head(head), url="https://www.example.com/2016/07/30/business/budget.html", name="page.html")
    assert page.date == "2016-07-29"


def test_a_json_ld_publisher_that_the_host_does_not_spell_is_the_owner_not_the_outlet():
    head = ('<script type="application/ld+json">{"@type": "Article", "headline": "Budget talks stall", '
            '"publisher": {"@type": "Organization", "name": "Example Media Holdings"}}</script>')
    page = doc(page_with_head(head), url="https://www.dailyexample.com/budget", name="page.html")
    assert page.publication != "Example Media Holdings"
    head = head.replace("Example Media Holdings", "Daily Example")
    page = doc(page_with_head(head), url="https://www.dailyexample.com/budget", name="page.html")
    assert page.publication == "Daily Example"


@pytest.mark.parametrize(("opening", "date"), [
    ("Feb. 23, 2015 -- ", "2015-02-23"),
    ("April 17, 2015 — ", "2015-04-17"),
])
def test_a_dateline_opening_the_first_paragraph_is_the_date_and_leaves_the_text(opening, date):
    page = doc(page_with_head("", opening + PROSE), name="page.html")
    assert (page.date, page.provenance["date"]) == (date, "text")
    assert page.paragraphs[0].startswith("The committee met")


@pytest.mark.parametrize("text", [
    "Jun 14, 2023 - World",  # a header line: the date and a section's name
    "Feb. 23, 2015 was the day the committee met for a second time and agreed on the plan.",  # no dash: a sentence
    "The committee met on Feb. 23, 2015 -- a Monday -- and agreed that the plan needed more money.",  # not at the start
])
def test_a_date_that_does_not_open_the_paragraph_with_a_dash_is_no_dateline(text):
    from corpuslens.ingest.dates import dateline_at_start

    assert dateline_at_start(text) is None


def test_a_copyright_line_above_the_text_gives_the_year_only():
    page = doc(f"Special Report\n\n© 2008 by the Example Institute of Peace.\n\nAll rights reserved.\n\n{PROSE}\n\n{PROSE2}")
    assert (page.year, page.provenance["year"]) == (2008, "text")
    assert (page.date, page.provenance["date"]) == (None, "unknown")


@pytest.mark.parametrize("text", [
    f"Budget talks stall again in the capital\n\n{PROSE}\n\n{PROSE2}\n\n© 2024 Example Daily. All rights reserved.",  # a footer
    f"Special Report\n\n© 2006–2024 Example Institute\n\n{PROSE}\n\n{PROSE2}",  # a range of years
])
def test_a_copyright_footer_or_a_range_of_years_gives_no_year(text):
    assert doc(text).year is None


def test_a_weekday_date_over_the_headline_is_the_date_when_the_url_dates_the_page_to_that_month():
    text = f"Wednesday, November 6, 2013\n\nWhat is the fair wage?\n\n{PROSE}\n\n{PROSE2}"
    page = doc(text, url="http://numbers.example.com/2013/11/whats-fair-wage.html")
    assert (page.date, page.provenance["date"]) == ("2013-11-06", "text")
    # without a URL that agrees, the same line may be the page's clock on the day it was saved
    page = doc(text, url="http://numbers.example.com/2014/02/whats-fair-wage.html")
    assert page.date == "2014-02"
    assert doc(text).date is None


def test_the_stated_headline_printed_again_atop_the_text_is_taken_once_as_the_title():
    html = ('<html><head><title>Budget talks stall again in the capital | Example Daily</title>'
            '<meta property="og:title" content="Budget talks stall again in the capital"></head><body><h1>Hi, I am Jane.</h1>'
            f'<article><h2>Budget talks stall again in the capital</h2><p>{PROSE}</p><p>{PROSE2}</p><p>{PROSE}</p></article></body></html>')
    page = doc(html, name="page.html")
    assert page.title == "Budget talks stall again in the capital"
    assert "Budget talks stall again in the capital" not in page.paragraphs
    assert ("Budget talks stall again in the capital", "title (kept as metadata)") in page.removed


# ---------------------------------------------------------------- read on pages never used for tuning

@pytest.mark.parametrize("label", ["Original content", "Table of Content", "Photographer: Simon Dawson/Bloomberg",
                                   "Featured Stories"])
def test_a_label_or_credit_the_urls_words_do_not_share_is_no_title(label):
    page = doc(f"{label}\n\n{PROSE}\n\n{PROSE2}",
               url="https://news.example.com/trump-vows-to-respond-to-europes-retaliatory-metal-tariffs")
    assert page.title is None
    # the same line under a URL that names its words, or one that names too few words to judge, is the title
    assert doc(f"Trump vows to respond to metal tariffs\n\n{PROSE}\n\n{PROSE2}",
               url="https://news.example.com/trump-vows-to-respond-to-europes-retaliatory-metal-tariffs").title \
        == "Trump vows to respond to metal tariffs"
    assert doc(f"Budget talks stall\n\n{PROSE}\n\n{PROSE2}", url="https://news.example.com/news/1100072024").title \
        == "Budget talks stall"


def test_a_headline_in_another_script_is_not_judged_by_its_transliterated_url():
    page = doc(f"Жапаров избран новым президентом Кыргызстана\n\n{PROSE}\n\n{PROSE2}",
               url="https://example.kg/news/japarov-izbran-novym-prezidentom-kyrgyzstana")
    assert page.title == "Жапаров избран новым президентом Кыргызстана"


def test_a_byline_or_an_address_under_the_headline_is_not_joined_to_it():
    page = doc(f"Steel Exporters Balk at Tariffs, Some Pledge Retaliation\nby Sam Patten | Feb 11, 2025\n\n{PROSE}\n\n{PROSE2}")
    assert page.title == "Steel Exporters Balk at Tariffs, Some Pledge Retaliation"
    assert (page.authors, page.date) == (["Sam Patten"], "2025-02-11")
    page = doc(f"Global Refugee Resettlement: Background and Selected Issues\nhttps://reports.example.gov\n\n{PROSE}\n\n{PROSE2}")
    assert page.title == "Global Refugee Resettlement: Background and Selected Issues"


@pytest.mark.parametrize(("byline", "names"), [
    ("By Nayla Rush on January 5, 2017", ["Nayla Rush"]),  # "on" goes with the date
    ("by Andrew Mayeda, Jenny Leonard and Joe Deaux", ["Andrew Mayeda", "Jenny Leonard", "Joe Deaux"]),
    ("By Ann Bee, Cee Dee, and Eff Gee", ["Ann Bee", "Cee Dee", "Eff Gee"]),
    ("By Jane Doe, Senior Fellow, and John Smith", ["Jane Doe", "John Smith"]),  # a role after a comma is no name
])
def test_bylines_with_a_date_after_on_or_a_list_of_three(byline, names):
    page = doc(f"Budget talks stall\n\n{byline}\n\n{PROSE}\n\n{PROSE2}")
    assert page.authors == names


def test_a_photo_credit_names_its_owner_not_itself_as_the_publication():
    page = doc(f"© UNHCR/R. Nuri\n\nInformation on resettlement\n\n{PROSE}\n\n{PROSE2}", url="https://www.unhcr.org/resettlement")
    assert (page.publication, page.provenance["publication"]) == ("UNHCR", "text")


def test_a_listing_pages_first_teaser_is_not_the_pages_title_date_or_author():
    text = f"Kyrgyzstan to Supply Water to Kazakhstan\n\nBy Jane Doe\n\nMarch 3, 2024\n\n{PROSE}\n\n{PROSE2}"
    page = doc(text, url="https://news.example.com/tag/water-supply")
    assert (page.title, page.authors, page.date) == (None, [], None)
    assert "Kyrgyzstan to Supply Water to Kazakhstan" in page.paragraphs  # the teaser stays in the page's text
    # the same text at an article's address is read as the article's header
    page = doc(text, url="https://news.example.com/2024/03/kyrgyzstan-to-supply-water-to-kazakhstan")
    assert (page.title, page.authors, page.date) == ("Kyrgyzstan to Supply Water to Kazakhstan", ["Jane Doe"], "2024-03-03")


@pytest.mark.parametrize(("url", "listing"), [
    ("https://example.com/tag/water-supply", True), ("https://example.com/tag/ngos/page/2", True),
    ("https://example.com/category/world/", True), ("https://example.com/media/world?page=2", True),
    ("https://example.com/tag/committee/feed/index.html", True),
    ("https://example.com/2024/03/tagging-the-news", False), ("https://example.com/topics/water/kyrgyz-deal-signed", False),
])
def test_listing_addresses(url, listing):
    from corpuslens.ingest.urls import is_listing_url
    assert is_listing_url(url) is listing


def test_a_host_written_with_its_closing_dot_is_the_same_site():
    page = doc(f"Budget talks stall\n\n{PROSE}\n\n{PROSE2}", url="https://concern.example.org./news/horn-of-africa")
    assert (page.publication, page.provenance["publication"]) == ("concern.example.org", "url")


def test_a_writers_name_run_into_the_date_or_followed_by_the_newspaper_is_the_byline():
    page = doc(f"Heat back on the government\n\nKeiran Pedley16 February 2024\n\n{PROSE}\n\n{PROSE2}")
    assert (page.authors, page.date) == (["Keiran Pedley"], "2024-02-16")
    page = doc(f"Heat back on the government\n\nAlfredo Corchado The Dallas Morning News\n\n{PROSE}\n\n{PROSE2}")
    assert (page.authors, page.publication) == (["Alfredo Corchado"], "The Dallas Morning News")
    # a place and a date, or a person and a title, are no byline
    for line in ("New York 16 February 2024", "Keir Starmer The Prime Minister"):
        assert doc(f"Heat back on the government\n\n{line}\n\n{PROSE}\n\n{PROSE2}").authors == []


def test_a_month_written_before_the_text_is_its_date_and_the_url_may_name_the_day():
    text = f"date 2024-01 {PROSE}\n\n{PROSE2}"
    page = doc(text)
    assert page.date == "2024-01" and page.paragraphs[0] == PROSE
    page = doc(text, url="https://news.example.com/2024/01/12/argentina-inflation")
    assert (page.date, page.provenance["date"]) == ("2024-01-12", "url")
    # a URL of another month does not replace what the text states
    assert doc(text, url="https://news.example.com/2024/02/12/argentina-inflation").date == "2024-01"


@pytest.mark.parametrize(("byline", "authors", "date"), [
    ("Por: Júlia Barbon (Folhapress)", ["Júlia Barbon"], None),
    ("Par Jean Dupont", ["Jean Dupont"], None),
    ("RAMON ROYANDOYAN, Nikkei staff writerFebruary 2, 2024 12:00 JST", ["Ramon Royandoyan"], "2024-02-02"),
])
def test_bylines_in_other_languages_or_naming_the_writers_job(byline, authors, date):
    page = doc(f"Budget talks stall\n\n{byline}\n\n{PROSE}\n\n{PROSE2}")
    assert (page.authors, page.date) == (authors, date)
    assert doc(f"Budget talks stall\n\nPar ailleurs, le ministre a parlé.\n\n{PROSE}\n\n{PROSE2}").authors == []


def test_the_headline_over_its_deck_over_the_byline_is_the_title():
    text = ("Rift escalates over constitutional changes\n\nLeaders lob insults at each other, but midterms could sway relations\n\n"
            f"The leaders meet in Manila (Source photos by Reuters)\n\nRAMON ROYANDOYAN, Nikkei staff writer\n\n{PROSE}\n\n{PROSE2}")
    page = doc(text)
    assert page.title == "Rift escalates over constitutional changes"
    assert ("The leaders meet in Manila (Source photos by Reuters)", "image caption") in page.removed


def test_another_credit_after_the_byline_is_not_an_author():
    page = doc(f"Loss and damage in climate talks\n\nBy Josh Gabbatiss. Design by Tom Prater.\n\n{PROSE}\n\n{PROSE2}")
    assert page.authors == ["Josh Gabbatiss"]
    page = doc(f"Loss and damage\n\nBy Jane Doe and John Smith. Additional reporting by Ann Lee.\n\n{PROSE}\n\n{PROSE2}")
    assert page.authors == ["Jane Doe", "John Smith"]


def test_a_labelled_byline_under_the_article_names_its_writer_but_a_list_of_them_does_not():
    page = doc(f"{PROSE}\n\n{PROSE2}\n\n{PROSE.replace('committee', 'council')}\n\nPor: Júlia Barbon (Folhapress)")
    assert page.authors == ["Júlia Barbon"]
    others = "\n\n".join(["Next in World", "Olympics race against the climate clock", "By: Carbon Market Watch",
                          "Troops support the election", "By: New Zealand Defence Force"])
    assert doc(f"{PROSE}\n\n{PROSE2}\n\n{others}").authors == []
