"""Site furniture in plain text, judged by jusText's paragraph classifier.

A line of a saved page is classified by its length and its share of common words (stopwords of
the page's language): long lines full of function words are article text, lines with few of them
(menus, tag lists, logos, widget labels) are not, and short lines take the class of their
neighbours — a short line between two article paragraphs stays, a short line among menus goes.
Plain text has no links, so jusText's link density is zero here. Lines already judged (furniture
rules, title, byline, dateline) are left as they are. jusText counts the end of a page as boilerplate;
a saved excerpt often ends inside the article, so its closing sentences (and a last line cut off
mid-sentence) are given back when nothing but running text stands between them and the article.
An article that opens on a wire dateline ("BAGHDAD (Reuters) - …") starts there: the short lines above
it that the metadata readers left are the page's header, whatever jusText makes of them (above the
headline, long ones too: a shop's banner).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

# Languages whose stopword lists are tried for a page; the one covering most of its words wins.
CANDIDATE_LANGUAGES = (
    "English", "Russian", "German", "French", "Spanish", "Portuguese", "Italian", "Dutch", "Polish", "Turkish",
    "Ukrainian", "Kazakh", "Uzbek", "Latvian", "Lithuanian", "Estonian", "Romanian", "Swedish", "Arabic", "Persian",
    "Czech", "Slovak",
)
# jusText's defaults: under 70 characters a line is "short" and judged by its neighbours.
LENGTH_LOW, LENGTH_HIGH = 70, 200
STOPWORDS_LOW, STOPWORDS_HIGH = 0.30, 0.32
# If the classifier would drop more than this share of a document's characters, it is not trusted
# on that document (a list-like article, a language without a stoplist): the rules alone decide.
MAX_DROPPED_SHARE = 0.5
# jusText's neighbour search is quadratic in a run of short lines; a page of more lines than this is
# a list or a dump, not a saved article, and is left to the rules.
MAX_LINES = 2000

_SENTENCE_END = re.compile(r"[.!?:;…\"”»)]$")
_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@lru_cache(maxsize=None)
def stoplist(language: str) -> frozenset[str]:
    import justext

    return frozenset(justext.get_stoplist(language))


@lru_cache(maxsize=1)
def _languages_of_words() -> dict[str, tuple[int, ...]]:
    """Stopword -> the candidate languages (by position) that list it: one look-up per word of a page. A word of
    the English list votes for English alone: jusText's lists come from Wikipedia and some hold English words
    (its Uzbek list has "the", "and", "of", "international"), which made an English report "Uzbek"."""
    english = stoplist(CANDIDATE_LANGUAGES[0])
    owners: dict[str, list[int]] = {}
    for k, language in enumerate(CANDIDATE_LANGUAGES):
        for word in stoplist(language):
            if k == 0 or word not in english:
                owners.setdefault(word, []).append(k)
    return {word: tuple(ks) for word, ks in owners.items()}


def page_stoplist(paragraphs: list[str]) -> frozenset[str]:
    """The stopwords of the page's language (`page_language`)."""
    return stoplist(page_language(paragraphs))


def page_language(paragraphs: list[str]) -> str:
    """The candidate language whose stopword list covers most words of the page's longer lines (the first 500 of
    their words tell the language; menus and headings would only add noise), by jusText's name ("English")."""
    return _language_vote(paragraphs)[0]


# Fewer common words of its best language than this, among a page's first 500 words, and the page's language is
# not told (a page in a script without spaces, or one of lists and numbers): it stays unknown.
MIN_LANGUAGE_WORDS = 20


def language_vote(paragraphs: list[str]) -> tuple[str, str | None]:
    """The page's language as `page_language` tells it (for its stoplist: always one), and the same or None when too
    few of its words are common words of any candidate language to tell (the language a reader is shown)."""
    language, votes = _language_vote(paragraphs)
    return language, language if votes >= MIN_LANGUAGE_WORDS else None


def _language_vote(paragraphs: list[str]) -> tuple[str, int]:
    index = _languages_of_words()
    counts = [0] * len(CANDIDATE_LANGUAGES)
    lines = [p for p in paragraphs if len(p) > 80] or paragraphs
    words = islice((m.group().casefold() for p in lines for m in _WORDS.finditer(p)), 500)
    for word in words:
        for k in index.get(word, ()):
            counts[k] += 1
    best = max(range(len(counts)), key=lambda k: (counts[k], -k))
    return CANDIDATE_LANGUAGES[best], counts[best]


def stopword_share(text: str, stopwords: frozenset[str]) -> float:
    """The share of common words among the words of `text` (its first 3,000 characters tell)."""
    words = _WORDS.findall(text[:3000].casefold())
    return sum(w in stopwords for w in words) / len(words) if words else 0.0


# A wire dateline opening the article's first paragraph: "BAGHDAD (Reuters) - A dispute …", "AMMAN, Jordan
# (AP) — …", "PRETORIA/CAPE TOWN: Political parties …", "Sept 14 (Reuters) - …". A kicker in capitals
# ("EDITORIAL:", "UPDATE:") is no place.
_DATELINE_OPENING = re.compile(
    r"^(?!(?:EDITORIAL|OPINION|ANALYSIS|COMMENT|UPDATE|UPDATED|BREAKING|EXCLUSIVE|WATCH|VIDEO|PHOTOS?|INTERVIEW|"
    r"EXPLAINER|FACTBOX|REVIEW|NEWS|LIVE)\b)"
    r"(?:[A-ZÀ-ÖØ-ÞА-ЯЁ][A-ZÀ-ÖØ-ÞА-ЯЁ.'’\-/]{2,25}(?: [A-ZÀ-ÖØ-ÞА-ЯЁ.'’\-/]{2,25}){0,3}|"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2})"
    r"(?:,\s*[A-Z][\w .]{2,30}?)?(?:,?\s*[A-Z][a-z]{2,8}\.? \d{1,2}(?:,? \d{4})?)?"
    r"\s*(?:\([A-Za-z][\w .&-]{0,25}\))?\s*(?::|[—–-]{1,2})\s+\S"
)
DATELINE_WITHIN = 12  # the dateline paragraph must be among the page's first lines
DATELINE_MIN_CHARS = 100
HEADER_LINE_MAX_CHARS = 300


def lines_above_dateline(paragraphs: list[str], judged: set[int], headline_at: int | None = None) -> set[int]:
    """An article that opens on a wire dateline starts there: the short lines above it that the headline,
    byline and date readers left (highlights, a caption, a kicker, a shop's banner) are the page's header.
    A long line between the headline and the dateline may be the article's standfirst, so then nothing
    goes; above a headline that the dateline follows, a long line is a banner like the short ones."""
    for i, text in enumerate(paragraphs[:DATELINE_WITHIN]):
        if i in judged or len(text) < DATELINE_MIN_CHARS or not _DATELINE_OPENING.match(text):
            continue
        top = headline_at if headline_at is not None and headline_at < i else -1
        above = [j for j in range(i) if j not in judged]
        if all(len(paragraphs[j]) <= HEADER_LINE_MAX_CHARS for j in above if j > top):
            return set(above)
        return set()
    return set()


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


def boilerplate_lines(paragraphs: list[str], judged: set[int], stopwords: frozenset[str],
                      headline_at: int | None = None) -> set[int]:
    """Indexes of the lines, among those not yet judged, that jusText classifies as boilerplate
    (`stopwords`: the page's language's, from `page_stoplist`; `headline_at`: the line the headline was
    read from, if any)."""
    from justext.core import classify_paragraphs, revise_paragraph_classification

    header = lines_above_dateline(paragraphs, judged, headline_at)
    judged = judged | header
    open_rows = [i for i in range(len(paragraphs)) if i not in judged]
    if not 3 <= len(open_rows) <= MAX_LINES:
        return header
    blocks = [_Block(paragraphs[i]) for i in open_rows]
    classify_paragraphs(blocks, stopwords, LENGTH_LOW, LENGTH_HIGH,
                        STOPWORDS_LOW, STOPWORDS_HIGH, 1.0, True)
    revise_paragraph_classification(blocks)
    # jusText drops a short line between article text and the page's end or its footer; when that line
    # reads as running text (common words, no furniture rule fired) and follows article text directly,
    # it is the article's closing sentence.
    for k in range(1, len(blocks)):
        block = blocks[k]
        if (block.class_type == "bad" and block.cf_class == "short" and blocks[k - 1].class_type == "good"
                and len(block.text.split()) >= 5 and stopword_share(block.text, stopwords) >= STOPWORDS_LOW):
            block.class_type = "good"
    _rescue_closing_text(paragraphs, open_rows, blocks, stopwords)
    _rescue_opening_text(open_rows, blocks, stopwords)
    _rescue_announced_lists(open_rows, blocks)
    _rescue_sentences_between_text(open_rows, blocks, stopwords)
    # A short line that ends no sentence is a heading, and a heading belongs to what comes under it: above
    # a run of dropped lines it is that run's first item (a list of related headlines), not article text.
    for k in range(len(blocks) - 2, 0, -1):
        block = blocks[k]
        if (block.class_type == "good" and block.cf_class == "short" and blocks[k + 1].class_type == "bad"
                and blocks[k + 1].cf_class != "short" and not _SENTENCE_END.search(block.text)):
            block.class_type = "bad"
    # A line kept only for its neighbours is not article prose when it is typed like a quick post, words run
    # across its punctuation ("… in Tehran,Iran for hijab.When people …": an embedded tweet).
    for block in blocks:
        if block.class_type == "good" and block.cf_class != "good" and _typed_like_a_post(block.text):
            block.class_type = "bad"
    bad = {row for row, block in zip(open_rows, blocks) if block.class_type == "bad"}
    total = sum(len(paragraphs[i]) for i in open_rows)
    if not total or sum(len(paragraphs[i]) for i in bad) > MAX_DROPPED_SHARE * total:
        return header
    return bad | header


# A closing paragraph jusText drops only because the page ends under it: a sentence that ends, with some
# common words (names and titles make a news sentence poor in them), or the file's last line cut off
# mid-sentence (a saved excerpt stops where its size limit fell).
CLOSING_MIN_WORDS = 6
CLOSING_MIN_STOPWORDS = 0.10
HEADING_MAX_WORDS = 8


# Words no sentence ends on: articles, prepositions, conjunctions, auxiliaries ("… interaction with").
_NO_SENTENCE_ENDS = frozenset(
    """the a an of to in on at by for with from into onto about than between over under after before during
    and or but nor as that which who whose whom is are was were be been has have had its their his her our
    this these those such very more most""".split()
    + "в во на с со и а но по к ко о об от до для из за при что как не".split()
)


# A word run on into the next one across a comma or a sentence's end, as a quick post is typed; edited text has
# at most one such slip in a paragraph (none of the 70 HTML article bodies of the development set has two).
_RUN_ON_PUNCTUATION = re.compile(r"[a-zà-ÿа-яё]{2,}[.!?,;][A-ZÀ-ÞА-ЯЁ][a-zà-ÿа-яё]{2,}")
RUN_ON_MIN = 2


def _typed_like_a_post(text: str) -> bool:
    return len(_RUN_ON_PUNCTUATION.findall(text)) >= RUN_ON_MIN


def _is_heading(text: str) -> bool:
    """A few words that end no sentence: a subheading (or a menu item)."""
    return len(text.split()) <= HEADING_MAX_WORDS and not _SENTENCE_END.search(text)


def _cut_off_prose(text: str, stopwords: frozenset[str]) -> bool:
    """A sentence cut off in the middle: it opens like a sentence, goes on in mostly lower-case words and
    stops where no sentence stops - after a comma in it, on a common word ("…, a group of you", "It was")
    or on a piece of a word ("This new wealth h")."""
    words = text.split()
    if len(words) < 2 or not (text[:1].isupper() or text[:1].isdigit()) or not re.search(r"[^\W\d_]$", text):
        return False
    rest = [w for w in words[1:] if w[:1].isalpha()]
    if sum(w[:1].islower() for w in rest) * 2 <= len(rest):
        return False
    last = words[-1].casefold()
    return "," in text or len(last) <= 2 or last in _NO_SENTENCE_ENDS


def _reads_as_sentence(text: str, stopwords: frozenset[str]) -> bool:
    """A sentence that ends, of some length, with some common words (names and titles make a news
    sentence poor in them: "Riyadh and its allies, Egypt, the UAE and Bahrain, have agreed …")."""
    return (bool(_SENTENCE_END.search(text)) and len(text.split()) >= CLOSING_MIN_WORDS
            and stopword_share(text, stopwords) >= CLOSING_MIN_STOPWORDS)


def _rescue_sentences_between_text(open_rows: list[int], blocks: list[_Block], stopwords: frozenset[str]) -> None:
    """A sentence jusText drops for its few common words, with article text right above and right below
    it (no furniture line between), is article text; so is the start of a sentence cut by a line break
    ("A great deal is written and said about the IMF's interaction with") right above article text."""
    for k in range(len(blocks) - 2, -1, -1):
        block = blocks[k]
        if block.class_type != "bad" or blocks[k + 1].class_type != "good" or open_rows[k + 1] != open_rows[k] + 1:
            continue
        text_above = k > 0 and blocks[k - 1].class_type == "good" and open_rows[k - 1] == open_rows[k] - 1
        if (text_above and _reads_as_sentence(block.text, stopwords)) or _stops_on_a_function_word(block.text):
            block.class_type = "good"


_BULLET = re.compile(r"^[•▪◦·*–-]\s+")


def _list_item_of_prose(text: str) -> bool:
    """A bulleted point written as running words ("• Farmers demanding fair revenue and changes to regulations"),
    not a list of linked headlines (capitalised words) or of menu items (a word or two)."""
    if not _BULLET.match(text):
        return False
    words = [w for w in _BULLET.sub("", text).split()[1:] if w[:1].isalpha()]
    return len(words) >= 3 and sum(w[:1].islower() for w in words) * 3 >= len(words) * 2


def _stops_on_a_function_word(text: str) -> bool:
    """The start of a sentence broken off by a line break: it stops on "with", "the", "and"…"""
    words = text.split()
    return (len(words) >= 3 and text[:1].isupper() and re.search(r"[^\W\d_]$", text) is not None
            and words[-1].casefold() in _NO_SENTENCE_ENDS)


def _rescue_opening_text(open_rows: list[int], blocks: list[_Block], stopwords: frozenset[str]) -> None:
    """Give back the article's opening sentences that jusText dropped because nothing but the page's start
    stands above them (a short news paragraph rich in names): walking down from the first line left to judge
    while the lines are sentences of running text, down to article text kept under them with no furniture line
    between. Anything else on the way keeps them dropped."""
    rescued: list[int] = []
    for k, block in enumerate(blocks):
        if k and open_rows[k] != open_rows[k - 1] + 1:
            return  # a furniture or metadata line stands between
        if block.class_type == "good":
            for r in rescued:
                blocks[r].class_type = "good"
            return
        if not _reads_as_sentence(block.text, stopwords):
            return
        rescued.append(k)


LIST_ITEM_MAX_CHARS = 120


def _rescue_announced_lists(open_rows: list[int], blocks: list[_Block]) -> None:
    """The short lines right under an article sentence that announces them with a colon ("Following are the
    number of seats won by parties:") are its list ("BJP – 240", "Congress – 99", …), down to the first longer
    line or furniture line."""
    for k, block in enumerate(blocks):
        if block.class_type != "good" or not block.text.rstrip().endswith(":") or len(block.text.split()) < 4:
            continue
        j = k + 1
        while (j < len(blocks) and open_rows[j] == open_rows[j - 1] + 1 and blocks[j].class_type == "bad"
               and len(blocks[j].text) <= LIST_ITEM_MAX_CHARS):
            blocks[j].class_type = "good"
            j += 1


def _rescue_closing_text(paragraphs: list[str], open_rows: list[int], blocks: list[_Block], stopwords: frozenset[str]) -> None:
    """Give back the article's closing lines that jusText dropped at the end of the page: walking up from
    the last line while the lines read as running text (a subheading among them), up to article text kept
    above them with no furniture line between. Anything else on the way keeps them dropped."""
    if not blocks or open_rows[-1] != len(paragraphs) - 1:
        return
    rescued: list[int] = []
    below_is_heading = False
    for k in range(len(blocks) - 1, -1, -1):
        block = blocks[k]
        if block.class_type == "good":
            for r in rescued:
                blocks[r].class_type = "good"
            return
        if k + 1 < len(blocks) and open_rows[k + 1] != open_rows[k] + 1:
            return  # a furniture line stands between: the article ended above it
        text = block.text
        words = len(text.split())
        sentence = _reads_as_sentence(text, stopwords) or _list_item_of_prose(text)
        last_line_cut = k == len(blocks) - 1 and _cut_off_prose(text, stopwords)
        heading = rescued and not below_is_heading and _is_heading(text)
        if not (sentence or last_line_cut or heading):
            return
        below_is_heading = not (sentence or last_line_cut)
        rescued.append(k)
