"""What a page's URL says: its host (the site) and the words and dates of its path."""

from __future__ import annotations

import re

_SCHEME_AND_HOST = re.compile(r"^[a-z][a-z0-9+.\-]*://(?:[^@/]*@)?(?P<host>[^/:?#]*)[^/?#]*", re.I)


def url_path(url: str | None) -> str:
    """The path of a URL, without scheme, host and query ("https://x.org/a/b?c" -> "/a/b")."""
    return _SCHEME_AND_HOST.sub("", (url or "").strip()).split("?", 1)[0].split("#", 1)[0]


def site_name(url: str | None) -> str | None:
    """The host of a URL without "www." ("https://www.thediplomat.com/2021/..." -> "thediplomat.com")."""
    match = _SCHEME_AND_HOST.match((url or "").strip())
    if not match or not match.group("host"):
        return None
    host = match.group("host").casefold().rstrip(".")  # "example.org." is the same host written in full
    return host[4:] if host.startswith("www.") else host


def slug_words(url: str | None) -> set[str]:
    """The words of a URL's last two path segments ("/2021/06/kenya-votes-in-peace" -> {kenya, votes, in, peace})."""
    words: set[str] = set()
    for segment in url_path(url).strip("/").split("/")[-2:]:
        segment = re.sub(r"\.\w{2,5}$", "", segment)
        words |= {w for w in re.split(r"[-_+.]+", segment.casefold()) if len(w) > 1 and not w.isdigit()}
    return words


# Host labels that name a kind of page or a registry, not the site: "News" above a headline on news.example.com
# is a section label.
_GENERIC_HOST_LABELS = frozenset("www www1 www2 news blog blogs edition tech org com net gov edu amp mobile".split())
_GENERIC_HOST_TAIL = frozenset({"", "news", "online", "today", "daily", "info", "media", "tv", "post", "times", "net", "web",
                                # an institution's kind after its short name: "YIP" on yipinstitute.org,
                                # "Wilson" on wilsoncenter.org
                                "institute", "center", "centre", "foundation", "council", "forum"})
# Short words that an organisation's name may hold in lower case ("Council on Hemispheric Affairs").
NAME_FUNCTION_WORDS = frozenset("of for and the on in at to & de du des la le".split())


def names_host(name: str, url: str | None) -> bool:
    """Whether a name is the site's own name as its host spells it: "Teller Report" for tellerreport.com,
    "AsiaNews" for asianews.it, "Sputnik Узбекистан" for uz.sputniknews.ru, "Islamabad Policy Institute"
    for ipi.org.pk, "Council on Hemispheric Affairs" for coha.org. Only the Latin letters of the name count."""
    host = site_name(url)
    if not host or not name:
        return False
    labels = [label.replace("-", "") for label in host.split(".")[:-1] if len(label) >= 3 and label not in _GENERIC_HOST_LABELS]
    words = re.findall(r"[A-Za-z0-9&]+", name)
    if len(words) > 1 and words[0].casefold() == "the":
        words = words[1:]
    squashed = "".join(words).casefold()
    if len(squashed) < 3:
        return False
    initials = {"".join(w[0] for w in words).casefold(),
                "".join(w[0] for w in words if w.casefold() not in NAME_FUNCTION_WORDS).casefold(),
                # initials before a last word: "New York Times" -> nytimes, "Los Angeles Times" -> latimes
                ("".join(w[0] for w in words[:-1]) + words[-1]).casefold()}
    for label in labels:
        if squashed == label or label in initials and len(label) >= 3:
            return True
        if label.startswith(squashed) and label[len(squashed):] in _GENERIC_HOST_TAIL:
            return True
        first = words[0].casefold()
        if 1 < len(words) <= 3 and len(first) >= 5 and label.startswith(first) and label[len(first):] in _GENERIC_HOST_TAIL:
            return True
    return False


# "…/argentina-must-cut-inflation-boost-growth-by-andres-velasco-2024-05": a writer's name closing a slug.
_SLUG_BYLINE = re.compile(r"-by-(?P<name>[a-z]{2,}(?:-[a-z]{2,}){1,2})(?:-\d[\d-]*)?$")


def slug_byline(url: str | None) -> str | None:
    """The words after "-by-" at the end of a URL's last path segment ("andres velasco"), else None."""
    segment = re.sub(r"\.\w{2,5}$", "", url_path(url).rstrip("/").rsplit("/", 1)[-1].casefold())
    match = _SLUG_BYLINE.search(segment)
    return match.group("name").replace("-", " ") if match else None


# A tag, category, author, search or feed page, or a later page of a list: many articles' teasers, no one article.
_LISTING_PATH = re.compile(
    r"/(?:tag|tags|category|categories|topic|topics|author|authors|search|feed)/[^/]+/?(?:page/\d+/?)?$|/page/\d+/?$")


def is_listing_url(url: str | None) -> bool:
    """Whether a URL is that of a listing page (/tag/water-supply, /category/x/page/2, ?page=2)."""
    if not url:
        return False
    return bool(_LISTING_PATH.search(url_path(url))) or bool(re.search(r"[?&]page=\d+", url))
