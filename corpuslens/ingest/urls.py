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
    host = match.group("host").casefold()
    return host[4:] if host.startswith("www.") else host


def slug_words(url: str | None) -> set[str]:
    """The words of a URL's last two path segments ("/2021/06/kenya-votes-in-peace" -> {kenya, votes, in, peace})."""
    words: set[str] = set()
    for segment in url_path(url).strip("/").split("/")[-2:]:
        segment = re.sub(r"\.\w{2,5}$", "", segment)
        words |= {w for w in re.split(r"[-_+.]+", segment.casefold()) if len(w) > 1 and not w.isdigit()}
    return words
