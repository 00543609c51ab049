"""Format readers: decoded text of a .txt, .md or .html file -> paragraphs plus stated metadata.

A reader does not judge content: it splits the body into paragraph candidates, hands over the
metadata the file states in its own structure (Markdown front matter, HTML <meta> tags), and the
explicit heading if the markup has one. Site furniture and metadata lines are the later stages' job.
HTML is read with the standard library's parser; the contents of script, style, iframe, noscript,
template, svg and head (other than <title> and <meta>) never become text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import yaml

from corpuslens.ingest.boilerplate import page_stoplist
from corpuslens.ingest.dates import dateline_at_start, parse_date
from corpuslens.ingest.furniture import line_key
from corpuslens.ingest.main_text import main_text
from corpuslens.ingest.people import credit_line, is_organisation, person_names
from corpuslens.ingest.urls import names_host
from corpuslens.textnorm import normalize_text


@dataclass
class ParsedFile:
    paragraphs: list[str]
    # Metadata stated by the file's structure: title, authors, publication, date, url.
    stated: dict[str, object] = field(default_factory=dict)
    stated_from: str = "unknown"  # "front matter" or "html meta"
    heading: str | None = None  # the markup's own top heading (# Title, <h1>)
    page_title: str | None = None  # an HTML page's <title> as written, site name and all
    removed: list[tuple[str, str]] = field(default_factory=list)


_SPACES = re.compile(r"[ \t]+")
_BLANK_LINES = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"[.!?:;\"”»)]$")


def clean_line(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _wrap_width(lines: list[str]) -> int | None:
    """The column at which a block was hard-wrapped, or None when its lines are paragraphs of their own.

    Typed or exported text wraps at a fixed width (60-100 columns): most of its lines, but for the
    last of each paragraph, come within a few columns of the longest one."""
    if len(lines) < 3:
        return None
    longest = max(len(line) for line in lines)
    if not 40 <= longest <= 110:
        return None
    body = lines[:-1]
    near = sum(1 for line in body if len(line) >= 0.75 * longest)
    # Lines of their own mostly end a sentence; wrapped lines mostly stop mid-sentence.
    ended = sum(1 for line in body if _SENTENCE_END.search(line))
    return longest if near >= 0.6 * len(body) and ended < 0.5 * len(body) else None


_CONTINUES = re.compile(r"^[a-zа-яё(\[,;]")
# Lines that start in lower case but open a line of their own: a byline under a headline ("by Jane Doe | Feb
# 11, 2025") and a bare address ("https://example.org").
_OWN_LINE = re.compile(r"^(?:by\s+[A-ZÀ-ÖØ-Þ]|(?:https?://|www\.)\S+$)")


def _continues(line: str) -> bool:
    """Whether a line goes on the sentence of the line above it."""
    return bool(_CONTINUES.match(line)) and not _OWN_LINE.match(line)


def _ends_paragraph(line: str, width: int | None) -> bool:
    """Whether a line closes its paragraph: in a hard-wrapped block, a short line ending a sentence."""
    if width is None:
        return True
    return len(line) < 0.7 * width and bool(_SENTENCE_END.search(line))


def text_paragraphs(text: str) -> list[str]:
    """Blank-line separated blocks; inside a block each line is a paragraph, except that the lines of a
    hard-wrapped block are joined into their paragraphs, and a line that stops mid-sentence is joined
    to a next line that starts in lower case (a sentence broken across lines)."""
    paragraphs: list[str] = []
    for block in _BLANK_LINES.split(text):
        lines = [clean_line(line) for line in block.split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            continue
        width = _wrap_width(lines)
        current: list[str] = []
        for line in lines:
            joins = current and (width is not None or (not _SENTENCE_END.search(current[-1]) and _continues(line)))
            if current and not joins:
                paragraphs.append(_join_wrapped(current))
                current = []
            current.append(line)
            if _ends_paragraph(line, width) and width is not None:
                paragraphs.append(_join_wrapped(current))
                current = []
        if current:
            paragraphs.append(_join_wrapped(current))
    return _join_across_blocks(paragraphs)


def _join_wrapped(lines: list[str]) -> str:
    """Lines of one paragraph as one line. A hyphen at a line's end is kept and joined without a space:
    a compound ("much-needed") cannot be told from a word split in two, and keeping it loses nothing."""
    out = lines[0]
    for line in lines[1:]:
        if re.search(r"[^\W\d_]-$", out) and line[:1].islower():
            out = out + line
        else:
            out += " " + line
    return out


def _join_across_blocks(paragraphs: list[str]) -> list[str]:
    """A paragraph that stops mid-sentence and a next one that starts in lower case are one paragraph
    (a page break or a stray blank line inside a sentence)."""
    joined: list[str] = []
    for paragraph in paragraphs:
        if joined and len(joined[-1]) > 40 and not _SENTENCE_END.search(joined[-1]) and _continues(paragraph):
            joined[-1] = _join_wrapped([joined[-1], paragraph])
        else:
            joined.append(paragraph)
    return joined


# ---------------------------------------------------------------- Markdown

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
# Every pattern here runs in linear time on hostile lines: a bracket's inner text stops at the next
# opening bracket, and a heading's closing hashes are stripped in code (a lazy group followed by
# optional runs rescanned the line for each character).
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*)$")
_MD_IMAGE = re.compile(r"!\[([^\[\]]*)\]\([^()]*\)")
_MD_LINK = re.compile(r"\[([^\[\]]+)\]\([^()]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1")
_MD_RULE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")
_MD_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_MD_QUOTE = re.compile(r"^\s*>\s?")

_KEYS = {
    "title": ("title", "headline"),
    "authors": ("authors", "author", "by", "byline", "creator"),
    "publication": ("publication", "publisher", "source", "site", "site_name", "journal", "outlet"),
    "date": ("date", "published", "publication_date", "pubdate", "date_published"),
    "url": ("url", "link", "source_url", "canonical_url", "permalink"),
}
_NAME_SEPARATORS = re.compile(r"\s*;\s*|\s+and\s+|\s*&\s*")


def split_names(value: object) -> list[str]:
    """Author names from a list or from 'A; B', 'A and B', 'A & B'."""
    items = value if isinstance(value, (list, tuple)) else [value]
    names: list[str] = []
    for item in items:
        if isinstance(item, dict):
            item = item.get("name", "")
        for name in _NAME_SEPARATORS.split(str(item or "")):
            name = clean_line(name)
            if name and name not in names:
                names.append(name)
    return names


def _stated_from_mapping(data: dict, from_url: bool = True) -> dict[str, object]:
    lowered = {str(k).lower().replace("-", "_"): v for k, v in data.items()}
    stated: dict[str, object] = {}
    for fieldname, keys in _KEYS.items():
        value = next((lowered[k] for k in keys if lowered.get(k) not in (None, "", [])), None)
        if value is None:
            continue
        if fieldname == "authors":
            names = split_names(value)
            if names:
                stated["authors"] = names
        elif fieldname == "date":
            date = parse_date(str(value).strip(), allow_year=True)
            if date:
                stated["date"] = date
        elif isinstance(value, (str, int, float)):
            stated[fieldname] = clean_line(str(value))
    return stated


def _without_closing_hashes(text: str) -> str:
    """'Title ##' -> 'Title' (a closing sequence needs a space before it); 'C#' stays."""
    text = text.rstrip()
    bare = text.rstrip("#")
    return bare.rstrip() if bare != text and (not bare or bare[-1].isspace()) else text


def _markdown_line(line: str) -> str:
    line = _MD_IMAGE.sub("", line)
    line = _MD_LINK.sub(r"\1", line)
    line = _MD_EMPHASIS.sub(r"\2", line)
    line = _MD_QUOTE.sub("", line)
    return _MD_LIST.sub("", line)


class _FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML in which dates stay text: parse_date judges them, so an impossible date such as
    2023-02-30 becomes an unknown date instead of an error that would stop the whole build."""


_FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def read_markdown(text: str) -> ParsedFile:
    parsed = ParsedFile(paragraphs=[])
    match = _FRONT_MATTER.match(text)
    if match:
        text = text[match.end():]
        try:
            data = yaml.load(match.group("yaml") or "", Loader=_FrontMatterLoader)  # noqa: S506 (a SafeLoader)
        except (yaml.YAMLError, ValueError, RecursionError):
            data = None
            parsed.removed.append((clean_line(match.group(0))[:300], "front matter that is not valid YAML (ignored)"))
        if isinstance(data, dict):
            parsed.stated = _stated_from_mapping(data)
            parsed.stated_from = "front matter"
    # As Markdown renders it: the lines of a block are one paragraph (a hard-wrapped source is common);
    # a blank line, heading, rule or list item starts the next.
    lines: list[str] = []
    block: list[str] = []

    def end_block() -> None:
        if block:
            lines.extend([" ".join(block), ""])
            block.clear()

    for raw in text.split("\n"):
        if not raw.strip() or _MD_RULE.match(raw):
            end_block()
            continue
        heading = _MD_HEADING.match(raw)
        if heading:
            end_block()
            title = clean_line(_markdown_line(_without_closing_hashes(heading.group(2))))
            if heading.group(1) == "#" and parsed.heading is None and title:
                parsed.heading = title
            lines.extend([title, ""])  # a heading is its own paragraph
            continue
        if _MD_LIST.match(raw):
            end_block()
        for image in _MD_IMAGE.finditer(raw):
            if image.group(1).strip():
                parsed.removed.append((image.group(1).strip(), "image description"))
        block.append(_markdown_line(raw))
    end_block()
    parsed.paragraphs = text_paragraphs("\n".join(lines))
    return parsed


# ---------------------------------------------------------------- HTML

_DROPPED = {"script", "style", "iframe", "noscript", "template", "svg", "head", "object", "canvas", "select", "button", "form"}
_RECORDED = {"nav": "navigation menu", "figcaption": "image caption"}
_BLOCKS = {
    "p", "div", "br", "li", "ul", "ol", "section", "article", "header", "footer", "aside", "main",
    "blockquote", "pre", "table", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "figure",
    "hr", "dd", "dt", "dl", "address", "details", "summary", "caption", "body", "html",
} | set(_RECORDED)
_VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"}

_META_KEYS = {
    "title": ("og:title", "citation_title", "dc.title", "twitter:title", "parsely-title", "headline"),
    "authors": ("citation_author", "author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl"),
    "publication": ("og:site_name", "citation_journal_title", "citation_publisher", "dc.publisher", "application-name"),
    "date": (
        "article:published_time", "article:published", "citation_publication_date", "citation_date", "citation_online_date",
        "dc.date", "dc.date.issued", "datepublished", "date", "pubdate", "publish-date", "publish_date",
        "parsely-pub-date", "sailthru.date", "og:published_time", "publishdate", "publication_date", "date_published",
        "article.published", "dcterms.date", "dcterms.issued",
    ),
    "url": ("og:url", "citation_public_url", "citation_abstract_html_url"),
}
_BYLINE_PREFIX = re.compile(r"^by\s+", re.I)
# Elements that hold a byline: class="byline", "author-name", "pb-byline", "auteur"; itemprop or rel "author".
_BYLINE_MARK = re.compile(r"(?<![\w-])(?:[\w-]*byline[\w-]*|author|author[-_]{1,2}name|author-link|auteur|autor|writer)(?![\w-])", re.I)
_LAST_FIRST = re.compile(r"^([^,\s]+(?:\s[^,\s]+)?),\s*([^,]+)$")  # citation_author "Doe, Jane"


class _HTMLText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.meta: dict[str, list[str]] = {}
        self.title_tag: list[str] = []
        self.h1: list[str] | None = None
        self.h1_done = False
        self.canonical: str | None = None
        self.dropping: list[str] = []  # stack of dropped elements we are inside
        self.recording: list[tuple[str, list[str]]] = []
        self.in_title = False
        self.removed: list[tuple[str, str]] = []
        self.json_ld: list[str] = []  # the text of <script type="application/ld+json"> blocks
        self.unread_date = False  # a publication-date tag that parse_date refused (e.g. 05/08/2014: which is the day?)
        self.bylines: list[str] = []  # text of elements marked as a byline or an author (class, itemprop, rel)
        self.byline_open: list[tuple[str, list[str]]] = []
        self.in_json_ld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (attr.get("property") or attr.get("name") or attr.get("itemprop") or "").strip().lower()
            if key and attr.get("content", "").strip():
                self.meta.setdefault(key, []).append(attr["content"].strip())
            return
        if tag == "link" and "canonical" in attr.get("rel", "").lower().split() and attr.get("href"):
            self.canonical = attr["href"].strip()
            return
        if tag == "body":  # a missing </head> must not swallow the page
            self.dropping = [d for d in self.dropping if d != "head"]
        if tag == "title" and not self.dropping_body():
            self.in_title = True
            return
        if tag == "time" and attr.get("itemprop", "").lower() == "datepublished" and attr.get("datetime"):
            self.meta.setdefault("datepublished", []).append(attr["datetime"])
        if tag in _VOID:
            if tag in _BLOCKS and not self.dropping:
                self.chunks.append("\n\n")
            return
        if tag == "script" and attr.get("type", "").strip().lower() == "application/ld+json":
            self.in_json_ld = True
            self.json_ld.append("")
        if self.dropping or tag in _DROPPED:
            self.dropping.append(tag)
            return
        if tag in _RECORDED:
            self.recording.append((tag, []))
        marker = " ".join((attr.get("class", ""), attr.get("itemprop", ""), attr.get("rel", "")))
        if _BYLINE_MARK.search(marker) and len(self.bylines) < 5:
            self.byline_open.append((tag, []))
        if tag == "h1" and not self.h1_done:
            self.h1 = []
        if tag in _BLOCKS:
            self.chunks.append("\n\n")

    def dropping_body(self) -> bool:
        return bool(self.dropping) and self.dropping != ["head"]

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_json_ld = False
        if tag == "title":
            self.in_title = False
            return
        if self.dropping:
            if tag in self.dropping:
                while self.dropping and self.dropping.pop() != tag:
                    pass
            return
        if self.byline_open and self.byline_open[-1][0] == tag:
            _, parts = self.byline_open.pop()
            text = clean_line(" ".join(parts))
            if text and len(text) <= 200:
                self.bylines.append(text)
        if self.recording and self.recording[-1][0] == tag:
            kind, parts = self.recording.pop()
            text = clean_line(" ".join(parts))
            if text:
                self.removed.append((text, _RECORDED[kind]))
        if tag == "h1" and self.h1 is not None and not self.h1_done:
            self.h1_done = True
        if tag in _BLOCKS:
            self.chunks.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self.in_json_ld and self.json_ld:
            self.json_ld[-1] += data
            return
        if self.in_title:
            self.title_tag.append(data)
            return
        if self.dropping:
            return
        for _, parts in self.byline_open:
            parts.append(data)
        if self.recording:
            self.recording[-1][1].append(data)
            return
        if self.h1 is not None and not self.h1_done:
            self.h1.append(data)
        self.chunks.append(data.replace("\n", " "))


_ARTICLE_TYPES = {"article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
                  "opinionnewsarticle", "scholarlyarticle", "report", "webpage", "posting", "techarticle"}


# A script's JSON wrapped for old parsers: "<![CDATA[ … ]]>" or "<!-- … -->" (the '<' may have been defused to "&lt;",
# and the wrapper's ends may stand behind "//" comment marks).
_JSON_WRAPPER = re.compile(r"^\s*(?://\s*)?(?:<|&lt;)!(?:\[CDATA\[|--)|(?://\s*)?(?:\]\]|--)(?:>|&gt;)\s*$")


def _json_ld_items(blocks: list[str]) -> list[dict]:
    """The objects of the page's JSON-LD blocks, @graph lists flattened; broken JSON is skipped."""
    items: list[dict] = []
    for block in blocks:
        try:
            data = json.loads(_JSON_WRAPPER.sub("", block).strip().strip(";"))
        except (ValueError, RecursionError):
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                items.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(graph)
    return items


def _json_ld_stated(blocks: list[str]) -> dict[str, object]:
    """Headline, authors (persons), publisher and datePublished of the page's article object."""
    for item in _json_ld_items(blocks):
        kinds = item.get("@type")
        kinds = {str(k).lower() for k in (kinds if isinstance(kinds, list) else [kinds])}
        if not kinds & _ARTICLE_TYPES:
            continue
        stated: dict[str, object] = {}
        date = parse_date(str(item.get("datePublished") or "").strip(), allow_year=True)
        if date:
            stated["date"] = date
        authors = item.get("author")
        authors = authors if isinstance(authors, list) else [authors]
        people = [a.get("name") for a in authors if isinstance(a, dict) and str(a.get("@type", "Person")).lower() == "person"]
        people += [a for a in authors if isinstance(a, str)]
        names = person_names("; ".join(str(n) for n in people if n))
        if names:
            stated["authors"] = names
        if isinstance(item.get("headline"), str) and item["headline"].strip():
            stated["title"] = clean_line(item["headline"])
        publisher = item.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str) and publisher["name"].strip():
            stated["publication"] = clean_line(publisher["name"])
        if stated:
            return stated
    return {}


def _html_stated(reader: _HTMLText) -> dict[str, object]:
    stated: dict[str, object] = {}
    for fieldname, keys in _META_KEYS.items():
        values = next((reader.meta[k] for k in keys if reader.meta.get(k)), None)
        if not values:
            continue
        if fieldname == "authors":
            people = [_LAST_FIRST.sub(r"\2 \1", v) for v in values if not v.lower().startswith(("http://", "https://"))]
            names = person_names("; ".join(_BYLINE_PREFIX.sub("", v) for v in people))
            if names:
                stated["authors"] = names
        elif fieldname == "date":
            date = next((d for d in (parse_date(v, allow_year=True) for v in values) if d), None)
            if date:
                stated["date"] = date
            else:
                reader.unread_date = True
        else:
            stated[fieldname] = clean_line(values[0])
    if "url" not in stated and reader.canonical:
        stated["url"] = reader.canonical
    title_tag = clean_line(" ".join(reader.title_tag))
    if "title" not in stated and title_tag:
        stated["title"] = title_tag
    return stated


# A complete tag whose parts never contain an angle bracket: checking one costs at most the distance
# to the next '<' or '>', so checking every '<' of a file is linear.
_WHOLE_TAG = re.compile(
    r"""<(?:/?[A-Za-z][A-Za-z0-9:_.-]*(?:\s+[^<>"'\s=/]+(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>=`]+))?)*\s*/?"""
    r"""|![A-Za-z][^<>]*|\?[^<>]*)>"""
)


def defuse_markup(text: str) -> str:
    """The HTML with every '<' that does not open a complete tag written as '&lt;' (shown as text), and an
    unterminated comment dropped with the rest of the file, as browsers do.

    Why: the standard library's parser rescans to the end of the file for each '<' that opens no
    complete tag ("<a<a<a…" without '>'), which is quadratic: minutes for a 100 KB file. After this
    pass every '<' it meets ends at the next '>', so parsing is linear. Comments are copied whole."""
    out: list[str] = []
    i = 0
    while True:
        j = text.find("<", i)
        if j < 0:
            out.append(text[i:])
            return "".join(out)
        out.append(text[i:j])
        if text.startswith("<!--", j):
            close = text.find("-->", j + 4)
            if close < 0:
                return "".join(out)
            out.append(text[j:close + 3])
            i = close + 3
            continue
        tag = _WHOLE_TAG.match(text, j)
        if tag:
            out.append(tag.group(0))
            i = tag.end()
        else:
            out.append("&lt;")
            i = j + 1


def _written_ambiguously(date: str, html: str) -> bool:
    """Whether the page writes this date only as numbers whose day and month could be swapped
    ("3/09/15" for 3 September or 9 March): then a date read from it is a guess."""
    if len(date) != 10:
        return False
    year, month, day = int(date[:4]), int(date[5:7]), int(date[8:10])
    if day > 12 or month > 12 or day == month:
        return False
    yy = rf"(?:{year}|{year % 100:02d})"
    pattern = rf"(?<![\d/.-])0?(?:{day}[/.-]0?{month}|{month}[/.-]0?{day})[/.-]{yy}(?![\d/.-])"
    return re.search(pattern, html) is not None


_TITLE_SUFFIX = re.compile(r"(?:\s+\|\s+|_)(?P<site>[^|_]{1,40})$")


def _without_site_suffix(title: str) -> str:
    """A page title without the site or section names that a <title> appends after a bar or an
    underscore ("Friday Facts #282 | Factorio", "…_教育频道_中国青年网"); dashes are left alone, as
    headlines use them too."""
    while match := _TITLE_SUFFIX.search(title):
        head = title[: match.start()].rstrip()
        # Scripts without spaces between words (Chinese, Japanese) make a headline of one "word".
        is_headline = len(head.split()) >= 2 or (not head.isascii() and len(head) >= 8)
        if len(match.group("site").split()) > 4 or not is_headline:
            break
        title = head
    return title


def _title_tokens(text: str, stopwords: frozenset[str]) -> set[str]:
    """Words of three letters or more but the common ones; character pairs for scripts written without spaces."""
    words = {w for w in re.findall(r"\w+", text.casefold()) if len(w) >= 3 and not w.isdigit() and w not in stopwords}
    return {w[i:i + 2] for w in words for i in range(len(w) - 1)} if words and not text.isascii() and " " not in text.strip() else words


def _share_words(a: str, b: str, stopwords: frozenset[str]) -> bool:
    """Whether two titles speak of the same thing: a word in common (a site's logo or a section's name
    over the article shares none with the article's headline)."""
    return bool(_title_tokens(a, stopwords) & _title_tokens(b, stopwords))


def _reads_as_headline(title: str, stopwords: frozenset[str]) -> bool:
    """Four words or more with a short function word among them ("Babies Who Eat Peanuts Early May Avoid
    Allergy"); a run of names ("Google - Site Reliability Engineering") is a site's or a book's name."""
    words = _without_site_suffix(title).casefold().split()
    return len(words) >= 4 and any(len(w) <= 3 and w in stopwords for w in words)


def _headline_over_meta_title(heading: str, meta_title: str, publication: str, stopwords: frozenset[str]) -> bool:
    """Whether the page's <h1> is its headline rather than the meta title: the meta title wraps it in
    a site name, a section or an author ("Headline | Site", "Chapter 6 - Headline"), or differs from it
    while the <h1> reads as a headline of its own (a few words, not the site's name) and the meta title
    does not: a meta title that reads as a headline and shares no word with the <h1> is the headline,
    and the <h1> a logo or a section name."""
    h, m = line_key(heading), line_key(meta_title)
    if not h or h == m:
        return False
    if h in m:
        return True
    if _reads_as_headline(meta_title, stopwords) and not _share_words(heading, _without_site_suffix(meta_title), stopwords):
        return False
    return len(heading.split()) >= 4 and h != line_key(publication)


def byline_people(bylines: list[str], stated: list[str]) -> list[str]:
    """The authors as the page's byline elements name them, else `stated` (the extractor's or meta tags' list).

    A byline element that names several people, one of them a stated author ("By Stella Kim and
    Jennifer Jett", "Martin Untersinger (avec Damien Leloup et Morgane Tual)"), is the article's whole
    byline: an extractor may miss a co-author or count a contributor. With nothing stated, the first
    element that names a person is the byline; an agency's or desk's byline ("AFP") before any person
    means that no person is credited (names further down belong to teasers of other articles)."""
    people = [person_names(re.sub(r"\s+(?:edited|editing)\s+by\b.*$", "", line, flags=re.I)) for line in bylines]
    if stated:
        return next((names for names in people if len(names) >= 2 and set(names) & set(stated)), stated)
    for line, names in zip(bylines, people):
        if names:
            return names
        if is_organisation(_BYLINE_PREFIX.sub("", line)):
            return []
    return []


CREDIT_REACH = 3  # blocks after the article's last paragraph where a blog's "Posted by" line stands


def _credit_near(blocks: list[str], paragraphs: list[str]) -> list[str]:
    """Who a credit line ("Posted by …", "作者︱…") above the article's main text or right under it names.
    Further down the page such a line belongs to a comment or to another post."""
    keys = [line_key(b) for b in blocks]
    kept = {line_key(p) for p in paragraphs}
    inside = [i for i, key in enumerate(keys) if key in kept]
    if not inside:
        return []
    for i in [*range(inside[0]), *range(inside[-1] + 1, min(len(blocks), inside[-1] + 1 + CREDIT_REACH))]:
        if names := credit_line(blocks[i])[0]:
            return names
    return []


def read_html(text: str, url: str | None = None) -> ParsedFile:
    """The article of a saved web page: main text and metadata by trafilatura (which also reads
    JSON-LD, visible bylines and, through htmldate, the original publication date), the page's
    own <meta> tags where it finds nothing. Every other block of the page is listed as removed,
    so the debug view shows what was left out. A page too small for main-text extraction keeps
    all of its blocks for the furniture rules to judge."""
    safe = defuse_markup(text)
    reader = _HTMLText()
    reader.feed(safe)
    reader.close()
    blocks = [p for p in (clean_line(p) for p in re.split(r"\n\s*\n", "".join(reader.chunks))) if p]
    heading = clean_line(" ".join(reader.h1)) if reader.h1 else None
    stated = _html_stated(reader)
    page_url = url or stated.get("url")  # the catalog's address, else the page's canonical or og:url
    for name, value in _json_ld_stated(reader.json_ld).items():
        # The article object's datePublished is the most deliberate statement of the date a page makes.
        if name == "date":
            stated[name] = value
        elif name == "publication" and page_url and not names_host(str(value), page_url):
            continue  # a publisher the host does not spell is the outlet's owner ("Wikimedia Foundation")
        else:
            stated.setdefault(name, value)
    main = main_text(safe, url or stated.get("url"))
    page_title = clean_line(" ".join(reader.title_tag)) or None
    if main is None:
        return ParsedFile(paragraphs=blocks, stated=stated, stated_from="html meta", heading=heading or None,
                          page_title=page_title, removed=reader.removed)
    paragraphs, found = main
    paragraphs = _join_across_blocks(paragraphs)  # a sentence broken by <br> or a wrapped <pre> line
    stopwords = page_stoplist(paragraphs)
    for name, value in found.items():
        # The page's own publication-date tags come first: the extractor's date may be a modification
        # date, and it reads "05/08/2014" one way where the page's convention may be the other.
        if name == "date" and ("date" in stated or reader.unread_date or _written_ambiguously(str(value), safe)
                               or any(dateline_at_start(p) for p in paragraphs[:3])):
            continue  # (the dateline opening the article is read with the text)
        if name == "publication" and "publication" in stated:
            continue  # the page's own site name as written (the extractor re-cases a lower-case one)
        if (name == "title" and stated.get("title") and _reads_as_headline(str(stated["title"]), stopwords)
                and not _share_words(str(value), _without_site_suffix(str(stated["title"])), stopwords)):
            continue  # the extractor took a logo or a section name for the headline the page's meta tags state
        stated[name] = value
    if authors := byline_people(reader.bylines, list(stated.get("authors") or [])) or _credit_near(blocks, paragraphs):
        stated["authors"] = authors
    if heading and _headline_over_meta_title(heading, str(stated.get("title") or ""), str(stated.get("publication") or ""),
                                            stopwords):
        stated["title"] = heading
    elif stated.get("title"):
        stated["title"] = _without_site_suffix(str(stated["title"]))
    kept = {line_key(p) for p in paragraphs}
    removed = list(reader.removed)
    removed += [(b, "outside the article's main text") for b in blocks if line_key(b) not in kept]
    return ParsedFile(paragraphs=paragraphs, stated=stated, stated_from="html meta", heading=heading or None,
                      page_title=page_title, removed=removed)


def read_plain(text: str) -> ParsedFile:
    return ParsedFile(paragraphs=text_paragraphs(text))


def parse_file(text: str, suffix: str, url: str | None = None) -> ParsedFile:
    """Dispatch on the (lower-case) suffix; text is normalised first. `url` is the page's address
    where the catalog knows it (main-text extraction uses it)."""
    text = normalize_text(text)
    if suffix in (".html", ".htm"):
        return read_html(text, url)
    if suffix in (".md", ".markdown"):
        return read_markdown(text)
    return read_plain(text)
