"""Site furniture in saved pages: each rule takes its kind of line out and keeps the article sentence
that looks like it."""

import pytest

from corpuslens.ingest.document import build_document
from corpuslens.ingest.furniture import classify_furniture, line_reason

BODY = (
    "The coalition was informally established about a month after the elections, but further negotiations "
    "nonetheless dragged on into the winter as the partners argued over the finance ministry."
)
OTHER = "Lawmakers will try again next week to reach agreement on the national budget, officials said on Friday."
THIRD = "The budget foresees a deficit of $15.5 billion and sets aside $45.5 billion for investment projects."


@pytest.mark.parametrize(
    "line, reason",
    [
        ("Sorry we are not currently accepting comments on this article.", "comment form"),
        ("Comments are closed.", "comment form"),
        ("It looks like you're having trouble loading the content on this page. Switch to the light site instead.", "page notice"),
        ("This article can also be found in the Premium Editorial Download: Europe embraces the internet of things",
         "republication note"),
        ("This article was originally published by the Lowy Institute.", "republication note"),
        ("The opinions expressed in this document do not necessarily reflect those of the institute's donors.",
         "publisher's disclaimer"),
        ("The views expressed here are the author's own.", "publisher's disclaimer"),
        ("EP_ForeignAff EP_HumanRights", "contact details"),
        ("Thomas Haahr (+32) 470 88 09 87", "contact details"),
        ("“It is not a question of whether member states should support, but how they should support” Ursula von der Leyen, Commission President",
         "pull quote"),
        ("Joint declaration of the three countries, signed in #Beijing today. pic.twitter.com/AbC12dEf3g",
         "embedded social-media post"),
        ("— Jane Doe (@janedoe) February 19, 2019", "embedded social-media post"),
        ("Learn more", "related links"),
        ("Also Read: Kazakhstan, France Strengthen Investment Partnership", "related links"),
        ("Next in World", "related links"),
        ("01:16", "video length or time stamp"),
        ("2 months ago", "video length or time stamp"),
        ("8 Articles", "related links"),
        ("More from Naval Warfare", "related links"),
        ("Why you can trust the Example Post", "related links"),
        ("Figure 1. Salafi-Jihadi Areas of Operation in the Sahel", "figure caption"),
        ("To unlock this content, subscribe to Example Reports.", "paywall notice"),
        ("You have 5 free stories remaining this month. Subscribe anytime for unlimited access.", "paywall notice"),
        ("Lula da Silva last week in Sao Paulo. JANE DOE (REUTERS)", "image caption"),
        ("The rule was designed to deport migrants more quickly. (Omar Martínez/Cuartoscuro)", "image caption"),
        ("People who have lost everything come here to find help. Jane Doe/TNH", "image caption"),
        ("This site is operated by a business or businesses owned by Example PLC and all copyright resides with them.",
         "publisher's legal notice"),
        ("Read the decryption | Article reserved for our subscribers Faced with the anger of farmers", "paywall notice"),
        ("SOURCE www.example.com", "photo credit"),
        ("ENDS.", "end of a press release"),
        ("This is premium content that requires an active subscription to view.", "paywall notice"),
        ("Already have an account?", "paywall notice"),
        ("By clicking “Accept Cookies,” I agree to provide cookies for statistical purposes.", "cookie notice"),
        ("Farmers have been protesting for weeks over low incomes Image: Jane Doe/BELGA/AFP/Getty Images", "image caption"),
        ("Activists hold a banner in Paris, France, June 23, 2023. Jane Doe/Reuters", "image caption"),
        ("All dams that regulate the river are upstream. Photo credit: Pixabay. Click to see the map in full size",
         "image caption"),
        ("Table of Contents", "table of contents"),
    ],
)
def test_notices_contacts_and_pull_quotes_are_furniture(line, reason):
    assert line_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Subscribers were not accepting the new prices, and comments on the forum were closed by the weekend.",
        "The report was originally published in Russian and translated by the ministry a year later.",
        "The views expressed by the minister do not necessarily reflect the government's line, analysts said.",
        "Parliament has had trouble agreeing on the budget, the speaker said.",
        "EMSCRIPTEN_KEEPALIVE",
        "The hotline, +7 495 123 45 67, was flooded with calls on Monday.",
        "“It is not a question of whether member states should support, but how,” Ursula von der Leyen said.",
        "The minister wrote on Twitter (@MFA_Example) on February 19, 2019 that the talks would resume.",
        "Related talks ended in June, and the ministers will meet again next week.",
        "The talks lasted from 10:30 until the evening, officials said.",
        "Figure 1 shows how the number of attacks rose after 2015.",
        "Two months ago the minister resigned.",
        "More from the ministry is expected next week, officials said.",
        "The law was passed last year. (It was amended twice.)",
        "The firm is part of a wider group and its registered capital was raised last year.",
        "The ministry said it was already a member of the alliance and would remain one.",
        "Cookies and other pastries were handed out to the crowd outside the parliament.",
        "The image of the country abroad matters to the government, the minister said.",
    ],
)
def test_article_sentences_like_those_notices_are_kept(line):
    assert line_reason(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "President-elect Uhuru Kenyatta (C) with his wife Margaret (R) waves to supporters in Gatundu. (Marko Djurica/Reuters)",
        "The pound fell to a record low of about 50 to the US dollar. (AFP)",
        "Coalition partners signed the government agreement on Wednesday. December 14, 2022.",
        "Coalition partners signed the agreement on Wednesday. Source: Janis Kincis/Latvijas Radio",
    ],
)
def test_captions_told_by_their_credit_places_or_date(line):
    assert line_reason(line) == "image caption"


@pytest.mark.parametrize(
    "line",
    [
        "Senator Ted Cruz (R) and Senator John Cornyn (R) voted against the bill on Tuesday.",
        "The pound fell to a record low, the central bank (CBE) said.",
        "The coalition partners signed the agreement on December 14, 2022.",
        "Growth slowed to 2 percent in the third quarter. Source: the statistics office",
    ],
)
def test_article_sentences_with_brackets_and_dates_are_kept(line):
    assert line_reason(line) is None


def test_the_lines_in_a_body_stay_article_text():
    assert classify_furniture([BODY, OTHER]) == [None, None]


@pytest.mark.parametrize(
    "line, reason",
    [
        ("This page is left intentionally blank", "page notice"),
        ("Institute for Policy Studies, 12 Main Street, Prishtina. Web-site: www.example.org E-mail: office@example.org",
         "contact details"),
        ("1200 17th Street NW • Washington, DC 20036 • 202.457.1700 • fax 202.429.6063", "contact details"),
        ("legalpoliticalstudies.org", "site address"),
    ],
)
def test_printed_page_leftovers_and_addresses_are_furniture(line, reason):
    assert line_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "The ministry's website and its e-mail service were down for most of Monday.",
        "The page was left blank in the printed edition, the editor said.",
    ],
)
def test_sentences_about_websites_and_pages_are_kept(line):
    assert line_reason(line) is None


def test_a_running_header_with_a_page_number_goes_and_the_byline_it_repeats_stays():
    lines = ["Nawaz A. Hakro* and Wadho Waqar Ahmed**", BODY, "36 Nawaz A. Hakro and Wadho Waqar Ahmed", OTHER]
    assert classify_furniture(lines)[1:] == [None, "running page header", None]
    pages = ["Institute for Policy Studies | Page 1", BODY, "Institute for Policy Studies | Page 2", OTHER]
    assert classify_furniture(pages) == ["running page header", None, "running page header", None]


def test_a_numbered_list_repeating_a_headline_is_not_a_running_header():
    lines = ["1. Upcoming events in Lithuania for Thursday, April 4, 2024", BODY,
             "Upcoming events in Lithuania for Thursday, April 4, 2024", OTHER]
    assert "running page header" not in classify_furniture(lines)


def test_a_name_tag_above_a_photo_credit_is_part_of_the_caption():
    lines = [BODY, "China", "Xi Jinping is facing a growing economic crisis (Image: Getty)", OTHER]
    assert classify_furniture(lines) == [None, "image caption", "photo credit", None]
    dated = [BODY, "The president casts his vote in Soweto, South Africa May 29, 2024.", "Photo credit: Oupa Nkosi | Reuters", OTHER]
    assert classify_furniture(dated)[:3] == [None, "image caption", "photo credit"]


def test_a_paragraph_above_a_credit_without_a_tag_or_date_stays():
    lines = [BODY, "The president cast his vote in Soweto on Wednesday morning.", "Photo credit: Oupa Nkosi | Reuters", OTHER]
    assert classify_furniture(lines)[:3] == [None, None, "photo credit"]


def test_a_footnote_opened_by_the_bylines_star_is_furniture():
    lines = ["Jane Doe* and John Roe**", BODY, "*", "Jane Doe is Assistant Professor of Economics, Quaid-e-Azam",
             "University, Islamabad.", "**", "Management Officer, Bank Alfalah.", OTHER]
    assert classify_furniture(lines)[2:] == ["footnote"] * 5 + [None]
    assert classify_furniture(["Author: Jane Doe*", BODY, "* Research Fellow, Institute for Policy Studies", OTHER])[2] == "footnote"


def test_a_star_that_marks_no_name_is_a_section_break_and_the_text_after_it_stays():
    lines = [BODY, "*", "Short paragraph after the break.", OTHER]
    assert classify_furniture(lines) == [None, None, None, None]


def test_a_publishers_self_description_closing_the_page_is_furniture():
    blurb = ("The Islamabad Policy Institute (IPI) is a nonpartisan, independent policy research institute based in "
             "Islamabad. Our goal is to undertake in-depth analysis of regional affairs.")
    lines = [BODY, OTHER, "Islamabad Policy Institute", blurb]
    assert classify_furniture(lines)[2:] == ["publication name", "publisher's self-description"]


def test_a_publishers_name_and_description_on_a_reports_inside_cover_are_furniture():
    lines = ["Group for Legal and Political Studies",
             "is an independent, non-partisan and non-profit public policy organization based in Prishtina, Kosovo.",
             "Our mission is to conduct credible policy research in the fields of politics, law and economics.",
             BODY, OTHER]
    assert classify_furniture(lines) == ["publisher's self-description"] * 3 + [None, None]


def test_an_article_mentioning_an_independent_institute_keeps_the_sentence():
    mention = ("Chatham House is an independent policy institute based in London, and its report on the "
               "sanctions was quoted by ministers on Tuesday.")
    assert classify_furniture([BODY, mention, OTHER]) == [None, None, None]
    # at the end, a sentence about an institute that does not open with the description stays too
    closing = "Analysts at the institute, an independent think tank based in Bishkek, expect more unrest."
    assert classify_furniture([BODY, OTHER, closing]) == [None, None, None]


def test_lines_under_a_comment_form_or_a_copyright_footer_are_not_the_article():
    lines = [BODY, OTHER, THIRD, "Add a comment", "Comments in capitals or with insults are not approved.",
             "Previous and Next News"]
    assert classify_furniture(lines)[4] == "below the page's footer"
    footer = [BODY, OTHER, THIRD, "Copyright © 2024 Example News. All rights reserved.",
              "Example News publishes around 500 reports a day from more than 100 news organizations."]
    assert classify_furniture(footer)[4] == "below the page's footer"


def test_another_articles_card_after_its_view_count_is_not_the_article():
    lines = [BODY, OTHER, THIRD, "yesterday 15:00", "1.3k+", "Foreign minister holds talks with the OSCE secretary general",
             "On 19 November the foreign minister held a telephone conversation with the secretary general."]
    assert classify_furniture(lines)[5:] == ["below the page's footer"] * 2


def test_a_copyright_line_above_the_article_does_not_take_the_article():
    lines = ["© 2024 Example News", BODY, OTHER]
    assert classify_furniture(lines)[1:] == [None, None]
    short = ["Title of a short piece", "© Jane Doe", "The first short paragraph.", "The second short paragraph."]
    assert classify_furniture(short)[2:] == [None, None]


def test_notes_on_the_bylines_authors_at_the_top_of_a_report_are_furniture_with_their_box():
    lines = [
        "This report analyzes the possibilities of managing the conflict by making borders irrelevant, and draws on a survey.",
        "P. R. Chari is a research professor at the Institute for Peace and Conflict Studies in New Delhi. Hasan Askari",
        "Rizvi is an independent political and defense consultant and a visiting professor with the",
        "South Asia Program of the School of Advanced International",
        "Studies, Johns Hopkins University.",
        "This report was commissioned by the Center for Conflict Mediation at the United States",
        "Institute of Peace. The Center supports projects on cross-border cooperation.",
        "P. R. Chari and Hasan Askari Rizvi",
        "Making Borders Irrelevant in Kashmir",
        BODY,
        OTHER,
    ]
    reasons = classify_furniture(lines)
    assert reasons[:7] == ["report summary box"] + ["author biography"] * 4 + ["report colophon"] * 2
    assert reasons[9:] == [None, None]


def test_a_description_of_a_person_the_byline_does_not_name_stays_in_the_body():
    lines = [
        "By Jane Doe",
        BODY,
        "John Roe is a senior fellow at the Atlantic Council, and he told reporters the talks had failed.",
        OTHER,
        THIRD,
    ]
    assert classify_furniture(lines)[1:] == [None, None, None, None]


def test_an_articles_own_this_report_sentence_stays_when_no_author_note_is_beside_it():
    lines = ["This brief covers the aftermath of the US military's exit from Afghanistan in 2021.", BODY, OTHER]
    assert classify_furniture(lines) == [None, None, None]
    assert line_reason("The report was commissioned by the ministry in 2019 and found widespread fraud.") is None


def test_tables_of_contents_are_furniture():
    lines = ["Contents", "Minds Set in Concrete 1", "Changing Attitudes 2", "A Flexible Impasse 3", "Conclusions 13", BODY]
    assert classify_furniture(lines)[1:] == ["table of contents"] * 4 + [None]
    assert classify_furniture(["I. Introduction ...... 1 II. Instability ...... 3", BODY])[0] == "table of contents"


def test_lines_ending_with_numbers_out_of_order_are_not_a_table_of_contents():
    results = ["Real Madrid 3", "Barcelona 1", "Chelsea 2", BODY]
    assert classify_furniture(results) == [None, None, None, None]


def test_a_long_rights_statement_and_small_capital_pieces_are_furniture():
    rights = ("Copyright © 2019. Democracy for Development. All rights reserved. Except for the quotation of short "
              "passages for the purposes of criticism and review, no part of this publication may be reproduced.")
    assert line_reason(rights) == "copyright notice"
    assert [line_reason(x) for x in ("S pecial", "R epoRt", "c ontentS")] == ["broken heading"] * 3
    assert line_reason("Copyright law in the European Union was reformed in 2019, and no part of this reform was easy.") is None
    assert line_reason("a house") is None


@pytest.mark.parametrize(
    "line, reason",
    [
        ("All information regarding plenary, including speakers' lists, can be found here.", "link to elsewhere"),
        ("For detailed information on the session, please also see our newsletter.", "link to elsewhere"),
        ("Live coverage of debates and votes can be found on Parliament's webstreaming and on EbS+.", "link to elsewhere"),
        ("US military aid and the Kremlin's reaction пожалуйста, подождите", "player widget"),
        ("HeadingHeading 3", "page widget"),
    ],
)
def test_pointers_glued_widgets_and_template_headings_are_furniture(line, reason):
    assert line_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Traces of the chemical were found here, in the basement of the ministry, investigators said.",
        "Traces of the chemical can be found on the victims' clothes, the inspectors said.",
        "Please see our position paper, the minister told the committee, before you judge the plan.",
        "The heading of the report was changed three times.",
    ],
)
def test_sentences_with_here_and_please_are_kept(line):
    assert line_reason(line) is None


def test_the_last_contents_entry_with_the_next_heading_glued_on_is_in_the_contents():
    lines = ["Changing Attitudes 2", "A Flexible Impasse 3", "Liberalization of the Travel Regime 11", "Conclusions 13 About the", BODY]
    assert classify_furniture(lines) == ["table of contents"] * 4 + [None]


LONG = (
    "Mass riots hit the capital on Monday, when protesters broke into the government palace and attacked the "
    "police officers who were guarding it, and the crowd did not leave until the evening when it was dispersed."
)
LONG_TOO = (
    "The occasion was the theft of coal supplies that were meant for export, and it was the latest in a series of "
    "scandals that have shaken the trust of the people in their government over the past year."
)
HEADLINES = [
    "Mongolian union boss sets himself on FIRE to protest sale of country's coal mining industry",
    "China eyes more coal imports from Mongolia as supply shortage bites hard, traders report",
]


def test_a_headline_above_a_list_of_related_headlines_goes_with_the_list():
    from corpuslens.ingest.boilerplate import boilerplate_lines, stoplist

    lines = [LONG, "Mongolia opens new railway to China", *HEADLINES, LONG_TOO, LONG_TOO + " Again."]
    assert boilerplate_lines(lines, set(), stoplist("English")) == {1, 2, 3}


def test_a_subheading_above_article_text_stays():
    from corpuslens.ingest.boilerplate import boilerplate_lines, stoplist

    lines = [LONG, "Will of the people", LONG_TOO, *HEADLINES, LONG + " Again."]
    assert 1 not in boilerplate_lines(lines, set(), stoplist("English"))


def test_closing_sentences_poor_in_common_words_are_kept_at_the_end_of_the_page():
    from corpuslens.ingest.boilerplate import boilerplate_lines, stoplist

    lines = [LONG, LONG_TOO,
             "Incoming Foreign Minister Ayman Al Safadi, a former deputy prime minister and newspaper editor, replaces "
             "Jordanian diplomat Nasser Judeh.",
             "Cabinet reshuffles are relatively common in Jordan."]
    assert boilerplate_lines(lines, set(), stoplist("English")) == set()


def test_a_last_line_cut_off_mid_sentence_is_kept_with_its_subheading():
    from corpuslens.ingest.boilerplate import boilerplate_lines, stoplist

    for cut in ("On the evening of 4 January, a group of you", "This new wealth h", "As premier: Kalvitis to"):
        assert boilerplate_lines([LONG, LONG_TOO, "Disaffected community", cut], set(), stoplist("English")) == set()


def test_a_post_typed_with_words_run_across_its_punctuation_is_not_kept_for_its_neighbours():
    from corpuslens.ingest.boilerplate import boilerplate_lines, stoplist

    post = ("Today police tried to arrest this girl in Tehran,Iran for her scarf.When people showed solidarity to "
            "protect the girl, police starte")
    assert boilerplate_lines([LONG, LONG_TOO, post], set(), stoplist("English")) == {2}
    # the same words typed as edited text, or with one slip, stay the article's last line
    edited = post.replace(",Iran", ", Iran").replace(".When", ". When")
    assert boilerplate_lines([LONG, LONG_TOO, edited], set(), stoplist("English")) == set()
    assert boilerplate_lines([LONG, LONG_TOO, post.replace(",Iran", ", Iran")], set(), stoplist("English")) == set()


def test_the_article_goes_on_after_an_embedded_post():
    post = "Joint declaration of the three countries, signed in #Beijing today. pic.twitter.com/AbC12dEf3g"
    text = "\n\n".join([LONG, LONG_TOO, post, "Low risk, high reward",
                         "The two countries cut ties in 2016 after a dispute over the embassy, and talks stalled.",
                         "However, the conflict between the two goes back decades.", "As of 2021, talks have been held between"])
    page = build_document("page", "page.txt", text.encode("utf-8"))
    assert (post, "embedded social-media post") in page.removed
    assert page.paragraphs[-2:] == ["However, the conflict between the two goes back decades.",
                                    "As of 2021, talks have been held between"]


def test_opening_sentences_poor_in_common_words_are_kept_at_the_top_of_the_page():
    from corpuslens.ingest.boilerplate import boilerplate_lines, stoplist

    opening = ["OECD economists Maria Lopez, Juan Perez and Ana Silva updated Latin American forecasts on Tuesday.",
               "Argentina, Mexico and Brazil face diverging outlooks, Lopez said in Paris."]
    assert boilerplate_lines([*opening, LONG, LONG_TOO], set(), stoplist("English")) == set()
    # a menu line above them keeps them dropped
    assert {0, 1, 2} <= boilerplate_lines(["Home Politics Economy Sport", *opening, LONG, LONG_TOO], set(), stoplist("English"))


def test_a_bulleted_list_of_running_words_closing_the_article_is_kept():
    from corpuslens.ingest.boilerplate import boilerplate_lines, stoplist

    points = ["Key points", "• Farmers demanding fair revenue and changes to regulations",
              "• Concerns about cheap supermarket prices and unfair competition", "Cons",
              "• Possible negative impact on trade and food supply chains"]
    assert boilerplate_lines([LONG, LONG_TOO, *points], set(), stoplist("English")) == set()
    # a bulleted list of headlines closing the page is another list of links
    headlines = ["• Mongolian Union Boss Sets Himself On Fire", "• China Eyes More Coal Imports From Mongolia",
                 "• Traders Report Supply Shortage"]
    assert {2, 3, 4} <= boilerplate_lines([LONG, LONG_TOO, *headlines], set(), stoplist("English"))


def test_the_list_an_article_sentence_announces_with_a_colon_is_kept():
    from corpuslens.ingest.boilerplate import boilerplate_lines, stoplist

    seats = ["BJP – 240", "Congress – 99", "Samajwadi Party – 37", "DMK – 22", "YSRCP – 4", "RJD – 4", "CPI(M) – 4"]
    lines = [LONG, LONG_TOO, "Following are the number of seats won by the parties in the new parliament:", *seats]
    assert boilerplate_lines(lines, set(), stoplist("English")) == set()
    # label – value pairs whose values do not fall are not a table of contents either
    reasons = classify_furniture([LONG, lines[2], *seats, BODY, OTHER, THIRD, LONG_TOO, LONG + " Again.", BODY + " Again."])
    assert reasons[2:9] == [None] * 7
    # the same short lines closing the page with nothing announcing them are dropped as before
    assert set(range(2, 9)) <= boilerplate_lines([LONG, LONG_TOO, "The results are final.", *seats], set(), stoplist("English"))


def test_menu_lines_and_pleas_closing_a_page_are_still_dropped():
    from corpuslens.ingest.boilerplate import boilerplate_lines, stoplist

    lines = [LONG, LONG_TOO, "Uzbekistan", "Frontline Updates", "Support local journalists"]
    assert boilerplate_lines(lines, set(), stoplist("English")) == {2, 3, 4}
    # a line that goes on a sentence started above it is left to the reader that joins lines
    assert 3 in boilerplate_lines([LONG, LONG_TOO, "Ibrahim Raisi", ", poli"], set(), stoplist("English"))


def test_an_article_printed_twice_keeps_its_first_copy():
    lead = ("Full ties have been restored between Saudi Arabia and Qatar after hugs were exchanged between leaders of "
            "the two nations at the annual Gulf Cooperation Council summit in the desert city of al-Ula.")
    lines = [lead, BODY, OTHER, lead, THIRD]
    assert classify_furniture(lines) == [None, None, None, "repeated text (a second copy of the article)", None]


def test_a_caption_printed_under_its_photo_and_again_goes_both_times():
    caption = ("The morality police have resumed street patrols to enforce the dress code requiring women to cover "
               "their hair, ten months after they arrested a young woman in the capital.")
    lines = [BODY, caption, caption, OTHER]
    assert classify_furniture(lines) == [None, "image caption (repeated line)", "image caption (repeated line)", None]


def test_a_name_heavy_sentence_between_article_paragraphs_is_kept():
    from corpuslens.ingest.boilerplate import boilerplate_lines, stoplist

    names = ("Incoming Foreign Minister Ayman Al Safadi, a former deputy prime minister and newspaper editor, replaces "
             "Jordanian diplomat Nasser Judeh.")
    assert boilerplate_lines([LONG, names, LONG_TOO, LONG + " Again."], set(), stoplist("English")) == set()
    menu = "Politics Economy Society Culture Sport Opinion Video Photo Archive Contacts Advertising Newsletter"
    assert 1 in boilerplate_lines([LONG, menu, LONG_TOO, LONG + " Again."], set(), stoplist("English"))


def test_a_first_sentence_cut_by_a_line_break_is_kept_with_the_text_under_it():
    from corpuslens.ingest.boilerplate import boilerplate_lines, stoplist

    lines = ["Abstract", "A great deal is written and said about the IMF's interaction with", LONG, LONG_TOO]
    assert 1 not in boilerplate_lines(lines, set(), stoplist("English"))
    headline = ["Menu", "New government spokesman and energy minister appointed", LONG, LONG_TOO]
    assert 1 in boilerplate_lines(headline, set(), stoplist("English"))


def test_a_language_switcher_is_navigation():
    assert line_reason("This page is also available in") == "site navigation"
    assert line_reason("The report is also available in Russian and Kazakh, the ministry said.") is None


WIRE = ("PRETORIA/CAPE TOWN: Political parties in South Africa have geared up for coalition talks as the ruling "
        "African National Congress is on course to lose its three-decade-old majority.")


def test_highlights_above_a_wire_dateline_are_the_pages_header():
    from corpuslens.ingest.boilerplate import lines_above_dateline

    lines = ["South Africa heads for coalition talks", "Results show ANC with 41% votes and DA in second place with 21%.",
             "Election officials announce to reveal poll verdict on Sunday.", WIRE, LONG, LONG_TOO]
    assert lines_above_dateline(lines, {0}) == {1, 2}
    agency = ("AMMAN, Jordan (AP) — Jordan's interior and foreign ministers have been replaced in a Cabinet reshuffle, "
              "at a time of public discontent.")
    assert lines_above_dateline(["Reshuffle includes 8 portfolios", agency, LONG], set()) == {0}


def test_a_kicker_in_capitals_is_no_dateline_and_the_text_above_it_stays():
    from corpuslens.ingest.boilerplate import lines_above_dateline

    kicker = ("EDITORIAL: Sierra Leone's compact programme will address the country's energy shortage and help the "
              "businesses that depend on it.")
    lines = ["The Coups in the Sahel", "Over the last three years the region has witnessed a wave of coups.", kicker, LONG]
    assert lines_above_dateline(lines, {0}) == set()
    # a dateline far down the page is a paragraph that quotes a place, not the article's opening
    assert lines_above_dateline([OTHER] * 12 + [WIRE], set()) == set()


def test_an_interviewees_introduction_is_kept_though_a_speaker_label_names_her():
    lines = [
        "Jane Doe is a senior fellow at the Carnegie Endowment, and she has studied the region for twenty years.",
        "Why did the talks fail?",
        "Jane Doe:",
        BODY,
        OTHER,
    ]
    assert classify_furniture(lines)[0] is None


def test_an_agency_in_brackets_after_the_last_paragraph_is_its_sign_off_not_a_caption():
    caption = "The pound fell to a record low of about 50 to the US dollar. (AFP)"
    assert classify_furniture(["Title", caption, BODY, OTHER])[1] == "image caption"
    last = "The pound fell to a record low of about 50 to the US dollar, the central bank said. (AFP)"
    assert classify_furniture([BODY, OTHER, last]) == [None, None, None]


def test_paragraphs_under_a_photo_credit_near_the_end_stay():
    lines = [BODY, OTHER, THIRD, "© Atko Januson", "The programme will be reviewed next year, the minister said."]
    assert classify_furniture(lines)[4] is None


def test_an_unpunctuated_note_at_the_top_does_not_take_the_first_paragraph():
    lines = ["By Jane Doe", "Jane Doe, Associate Professor, Department of Regional Studies, State University",
             "The talks in Vienna ended without a deal on Friday.", BODY, OTHER]
    reasons = classify_furniture(lines)
    assert reasons[1] == "author biography" and reasons[2] is None


BANNER = ("Covid Impact: our shop has had to react to many challenges (government restrictions, border closings, "
          "flight cancellations etc.) All orders are shipped in the order in which they are approved. Refunds are "
          "always processed within 24 hours. We appreciate your business and we are working diligently to get back "
          "to normal as quickly as possible. Please be safe.")
WIRE_BUDGET = ("BAGHDAD (Reuters) - A dispute between Iraq's government and the autonomous region of Kurdistan over oil "
               "rights is delaying this year's national budget, jeopardizing much-needed investment.")


def _kept(lines: list[str]) -> list[str]:
    from corpuslens.ingest.document import build_document

    return build_document("d", "page.txt", "\n\n".join(lines).encode("utf-8")).paragraphs


def test_a_long_banner_above_the_headline_of_a_wire_story_is_the_pages_header():
    kept = _kept([BANNER, "Iraq budget battle opens new front in Kurdish feud", WIRE_BUDGET, OTHER, THIRD])
    assert kept == [WIRE_BUDGET, OTHER, THIRD]


def test_a_long_standfirst_between_the_headline_and_the_dateline_stays():
    standfirst = ("The future of the new administration rests on its ability to deliver lower inflation and higher "
                  "growth. The optimistic scenario is that inflation continues to fall, but not so abruptly that fiscal "
                  "gains are undone; the pessimistic one is that an overvalued currency forces a sharp devaluation, "
                  "pushing up prices again.")
    kept = _kept(["Iraq budget battle opens new front in Kurdish feud", standfirst, WIRE_BUDGET, OTHER, THIRD])
    assert kept[0] == standfirst
    # a story about a shop's Covid rules keeps its sentences about orders and shipping
    story = ("LONDON (Reuters) - Online shops struggled with border closings and flight cancellations. All orders are "
             "shipped in the order in which they are approved, one retailer told customers.")
    assert _kept(["Shops ration deliveries as Covid rules tighten", story, OTHER, THIRD]) == [story, OTHER, THIRD]


@pytest.mark.parametrize("line", ["2/10/2023, 11:04:00 PM", "03/04/21 9:15 am", "3/4/2021"])
def test_a_time_stamp_whose_day_and_month_could_be_swapped_leaves_the_text_unread(line):
    assert line_reason(line) == "time stamp whose day and month could be swapped (not read as the date)"


@pytest.mark.parametrize("line", [
    "25/10/2023, 11:04 PM",  # unambiguous: left for the header reader to read as the date
    "On 2/10/2023 the council met again.",  # a sentence
])
def test_a_readable_date_or_a_sentence_is_no_time_stamp(line):
    assert line_reason(line) != "time stamp whose day and month could be swapped (not read as the date)"


@pytest.mark.parametrize("line", ["Published by", "Posted by", "By"])
def test_a_byline_label_without_a_name_is_furniture(line):
    assert line_reason(line) == "byline label without a name"
