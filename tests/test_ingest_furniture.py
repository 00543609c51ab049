"""furniture.py: each kind of site furniture is recognised; article text is left alone."""

import pytest

from corpuslens.ingest.furniture import (
    author_in_note,
    classify_furniture,
    line_reason,
    looks_like_name,
    split_trailing_note,
)

OTHER = "Moscow, for its part, wants Baku to stay out of Western efforts to isolate Russia after the invasion of Ukraine."
BODY = (
    "Baku has long pursued a balanced foreign policy between Moscow and the West, maneuvering as best it can "
    "to prevent Azerbaijan from falling under the influence of either."
)


@pytest.mark.parametrize(
    "line, reason",
    [
        ("Placeholder canvas", "image placeholder"),
        ("Blog posts", "site navigation"),
        ("Home / Reviews / Balancing Is Inevitable. What Aliyev and Putin Agreed in Baku", "breadcrumb navigation"),
        ("News > Analysis > Caucasus", "breadcrumb navigation"),
        ("Share on Facebook", "share buttons"),
        ("Facebook Twitter LinkedIn Email", "share buttons"),
        ("1,204 shares", "share buttons"),
        ("Sign up for Eurasianet's free weekly newsletter.", "newsletter sign-up"),
        ("Subscribe to our newsletter to get updates", "newsletter sign-up"),
        ("Support Eurasianet: Help keep our journalism open to all, and influenced by none.", "donation plea"),
        ("Leave a Reply", "comment form"),
        ("Your email address will not be published. Required fields are marked *", "comment form"),
        ("(Source: axar.az)", "photo credit"),
        ("Photo: Reuters", "photo credit"),
        ("Aliyev and Putin sign the declaration, Moscow, February 22, 2022 / President.Az", "image caption"),
        ("© 2024 Caucasus Review. All rights reserved.", "copyright notice"),
        ("Tags: Russia, Azerbaijan, CSTO", "category list"),
    ],
)
def test_furniture_lines(line, reason):
    assert line_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        BODY,
        "25.09.2020",
        "Russia Seeks to Break the Ice in Relations with Azerbaijan",
        "Energy / security ties deepen as the talks continue in Baku.",
        "The share of Russian arms in imports fell to a fifth.",
    ],
)
def test_article_lines_are_not_furniture(line):
    assert line_reason(line) is None


def test_categories_heading_takes_the_line_after_it():
    lines = ["Categories", "Azerbaijani Politics Karabakh in the Post-War Period Russia in Caucasus", "Title Here", BODY]
    assert classify_furniture(lines) == ["category list", "category list", None, None]


def test_a_caption_repeated_twice_is_removed_both_times():
    caption = 'Aliyev and Putin sign the "Declaration on allied interaction", Moscow'
    lines = ["Title Here", caption, caption.replace('"', "“", 1).replace('"', "”"), BODY]
    assert classify_furniture(lines) == [None, "image caption (repeated line)", "image caption (repeated line)", None]


def test_closing_block_biography_publication_name_and_follow_up():
    lines = [
        BODY,
        OTHER,
        " World Politics Review".strip(),
        "Fuad Shahbazov is a policy analyst covering regional security issues in the South Caucasus.",
        "He can be found on Twitter at @fuadshahbazov.",
    ]
    assert classify_furniture(lines) == [None, None, "publication name", "author biography", "author biography"]


def test_biography_words_in_the_middle_of_the_body_are_kept():
    lines = ["Jane Doe is a senior fellow at the Institute, he said.", BODY, OTHER]
    assert classify_furniture(lines) == [None, None, None]


def test_a_sentence_about_a_politician_is_not_an_author_note():
    assert author_in_note("Vladimir Putin is a former KGB officer who returned to the presidency in 2012.") is None
    assert author_in_note("Vladimir Putin is the president of Russia.") is None


@pytest.mark.parametrize(
    "note, name",
    [
        ("Fuad Shahbazov is a policy analyst covering regional security issues in the South Caucasus.", "Fuad Shahbazov"),
        ("Zaur Shiriyev is an Academy Associate at the Royal Institute of International Affairs (Chatham House).", "Zaur Shiriyev"),
        ("Sergey Markedonov, Associate Professor, Department of Regional Studies, Russian State University", "Sergey Markedonov"),
        ("Thomas de Waal is a senior fellow with Carnegie Europe.", "Thomas de Waal"),
    ],
)
def test_author_notes(note, name):
    assert author_in_note(note) == name


def test_trailing_note_is_cut_off_a_long_paragraph():
    paragraph = BODY + " " + BODY + " Sergey Markedonov, Associate Professor, Department of Regional Studies and Foreign Policy, Russian State University for the Humanities Eurasia expert"
    body, note = split_trailing_note(paragraph)
    assert body == BODY + " " + BODY
    assert note.startswith("Sergey Markedonov, Associate Professor")
    assert split_trailing_note(BODY + " " + BODY) is None


@pytest.mark.parametrize("text", ["Ceyhun Mahmudlu", "Thomas de Waal", "V. Putin", "Vladimir V. Putin", "Jean-Luc O’Brien", "İlham Əliyev"])
def test_names(text):
    assert looks_like_name(text)


@pytest.mark.parametrize("text", ["World Politics Review", "Blog posts", "Russia Seeks Ice", "the editors", "Baku", "Azerbaijan Russia"])
def test_not_names(text):
    assert not looks_like_name(text)
