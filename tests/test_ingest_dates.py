"""dates.py: publication dates written by people and machines -> ISO, never guessed."""

import pytest

from corpuslens.ingest.dates import date_from_url, parse_date, year_of


@pytest.mark.parametrize(
    "text, expected",
    [
        ("25.09.2020", "2020-09-25"),
        ("1.9.2018", "2018-09-01"),
        ("Feb 23, 2024", "2024-02-23"),
        ("Feb. 23, 2024", "2024-02-23"),
        ("September 1, 2018", "2018-09-01"),
        ("Sept. 1, 2018", "2018-09-01"),
        ("1 September 2018", "2018-09-01"),
        ("1st of September, 2018", "2018-09-01"),
        ("Monday, September 3, 2018", "2018-09-03"),
        ("2020-09-25", "2020-09-25"),
        ("2020/09/25", "2020-09-25"),
        ("2020-09-25T14:03:00+04:00", "2020-09-25"),
        ("2020-09-25T14:03:00Z", "2020-09-25"),
        ("2020-09-25 14:03", "2020-09-25"),
        ("Published: 25.09.2020", "2020-09-25"),
        ("Posted on Feb 23, 2024", "2024-02-23"),
        ("Feb 23, 2024, 9:15 am", "2024-02-23"),
        ("September 2018", "2018-09"),
        ("2018-09", "2018-09"),
        ("25 сентября 2020", "2020-09-25"),
        ("25/09/2020", "2020-09-25"),  # day above 12: day first
        ("09/25/2020", "2020-09-25"),  # day above 12: month first
        ("04/04/2020", "2020-04-04"),
    ],
)
def test_dates_people_write(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["2023-02-30", "31.04.2020", "2020-13-01", "February 30, 2021", "1.13.2020"])
def test_impossible_dates_are_none(text):
    assert parse_date(text) is None


def test_ambiguous_numeric_dates_are_not_guessed():
    assert parse_date("03/04/2020") is None
    assert parse_date("03-04-2020") is None


def test_a_sentence_mentioning_a_date_is_not_a_date():
    assert parse_date("On September 27, 2018 Putin paid a visit to Baku.") is None
    assert parse_date("Published in 2018 by the institute") is None


def test_a_bare_year_only_when_allowed():
    assert parse_date("2018") is None
    assert parse_date("2018", allow_year=True) == "2018"
    assert parse_date("1066", allow_year=True) is None


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://example.org/2020/09/25/russia-azerbaijan/", "2020-09-25"),
        ("https://example.org/news/2022/03/putin-war", "2022-03"),
        ("https://example.org/2020-09-25-slug", "2020-09-25"),
        ("https://example.org/2023/02/30/bad", None),  # impossible: not read as a date
        ("https://example.org/articles/12345", None),
        ("https://2020.example.org/about", None),
        ("https://example.org/tldr/20240226/tariffs", "2024-02-26"),  # a segment of eight digits
        ("https://example.org/a/202410/31/WS67.html", "2024-10-31"),
        ("https://example.org/14112024-water-wars/", "2024-11-14"),  # day first: the day is above 12
        ("https://example.org/05112024-water-wars/", None),  # May 11 or 5 November: not told
        ("https://example.org/news/1100072024000710375161", None),  # an id holding digits of a year
        ("https://example.org/p/20241399/", None),
        ("https://example.org/world/china-20251117-p5nfv8.html", "2025-11-17"),  # eight digits inside a slug
        ("https://example.org/publications/2013/september/outlook", "2013-09"),  # a year and a month's name
        (None, None),
    ],
)
def test_dates_in_urls(url, expected):
    assert date_from_url(url) == expected


def test_year_of():
    assert year_of("2020-09-25") == 2020
    assert year_of("2018") == 2018
    assert year_of(None) is None
