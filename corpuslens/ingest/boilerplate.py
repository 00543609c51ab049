"""Site furniture in plain text, judged by jusText's paragraph classifier.

A line of a saved page is classified by its length and its share of common words (stopwords of
the page's language): long lines full of function words are article text, lines with few of them
(menus, tag lists, logos, widget labels) are not, and short lines take the class of their
neighbours — a short line between two article paragraphs stays, a short line among menus goes.
Plain text has no links, so jusText's link density is zero here. Lines already judged (furniture
rules, title, byline, dateline) are left as they are.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Languages whose stopword lists are tried for a page; the one covering most of its words wins.
CANDIDATE_LANGUAGES = (
    "English", "Russian", "German", "French", "Spanish", "Portuguese", "Italian", "Dutch", "Polish", "Turkish",
    "Ukrainian", "Kazakh", "Uzbek", "Latvian", "Lithuanian", "Estonian", "Romanian", "Swedish", "Arabic", "Persian",
)
# jusText's defaults: under 70 characters a line is "short" and judged by its neighbours.
LENGTH_LOW, LENGTH_HIGH = 70, 200
STOPWORDS_LOW, STOPWORDS_HIGH = 0.30, 0.32
# If the classifier would drop more than this share of a document's characters, it is not trusted
# on that document (a list-like article, a language without a stoplist): the rules alone decide.
MAX_DROPPED_SHARE = 0.5

_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@lru_cache(maxsize=None)
def stoplist(language: str) -> frozenset[str]:
    import justext

    return frozenset(justext.get_stoplist(language))


def page_stoplist(paragraphs: list[str]) -> frozenset[str]:
    """The stopwords of the language whose list covers most words of the page."""
    words = [w.casefold() for p in paragraphs for w in _WORDS.findall(p)][:3000]
    if not words:
        return stoplist("English")
    return max((stoplist(lang) for lang in CANDIDATE_LANGUAGES), key=lambda s: sum(w in s for w in words))


def stopword_share(text: str, stopwords: frozenset[str]) -> float:
    words = [w.casefold() for w in _WORDS.findall(text)]
    return sum(w in stopwords for w in words) / len(words) if words else 0.0


class _Block:
    """The attributes jusText's classifier reads from a paragraph of an HTML page."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.dom_path = ""
        self.chars_count_in_links = 0
        self.is_heading = False
        self.heading = False
        self.cf_class = self.class_type = ""

    def __len__(self) -> int:
        return len(self.text)

    def links_density(self) -> float:
        return 0.0

    def stopwords_density(self, stopwords) -> float:
        return stopword_share(self.text, stopwords)


def boilerplate_lines(paragraphs: list[str], judged: set[int]) -> set[int]:
    """Indexes of the lines, among those not yet judged, that jusText classifies as boilerplate."""
    from justext.core import classify_paragraphs, revise_paragraph_classification

    open_rows = [i for i in range(len(paragraphs)) if i not in judged]
    if len(open_rows) < 3:
        return set()
    blocks = [_Block(paragraphs[i]) for i in open_rows]
    classify_paragraphs(blocks, page_stoplist([paragraphs[i] for i in open_rows]), LENGTH_LOW, LENGTH_HIGH,
                        STOPWORDS_LOW, STOPWORDS_HIGH, 1.0, True)
    revise_paragraph_classification(blocks)
    bad = {row for row, block in zip(open_rows, blocks) if block.class_type == "bad"}
    total = sum(len(paragraphs[i]) for i in open_rows)
    if not total or sum(len(paragraphs[i]) for i in bad) > MAX_DROPPED_SHARE * total:
        return set()
    return bad
