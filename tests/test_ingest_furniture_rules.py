"""Site furniture in saved pages: each rule takes its kind of line out and keeps the article sentence
that looks like it."""

import pytest

from corpuslens.ingest.furniture import classify_furniture, line_reason

BODY = (
    "The coalition was informally established about a month after the elections, but further negotiations "
    "nonetheless dragged on into the winter as the partners argued over the finance ministry."
)
OTHER = "Lawmakers will try again next week to reach agreement on the national budget, officials said on Friday."


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
