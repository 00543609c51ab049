"""Who wrote it: person names out of a byline or an author field, never an agency or a desk.

A byline names people ("Jane Doe", "JANE DOE and John Smith") or an organisation ("Reuters",
"Staff", "The Editorial Board"). Only people are authors: a news agency or a newsroom is the
source, not a person, and is dropped rather than shown as somebody's name.
"""

from __future__ import annotations

import re

from corpuslens.ingest.dates import MONTHS

# Agencies, newsrooms and role words that stand where a name would ("By Reuters", "By Staff").
_ORGANISATION_WORDS = frozenset(
    """reuters ap afp dpa efe ansa kyodo yonhap xinhua tass ria interfax sputnik anadolu bloomberg upi pti ians ani uni
    bernama antara apa irna isna mehr fars trend akipress kabar kazinform gazeta associated press agence france-presse
    staff editor editors editorial board desk newsroom team correspondent correspondents agencies agency admin administrator
    reporter reporters contributor contributors wire wires service news media online press office bureau guest author our
    updated published modified
    center centre institute foundation council committee ministry department university programme program commission
    association society union party network project initiative group club forum read continue url article features
    fellow senior professor director analyst researcher adviser advisor lecturer chair chairman head president
    редакция редактор корреспондент агентство пресс-служба новости""".split()
)
_BY = re.compile(r"^\s*(?:(?:posted|written|published)\s+by|by|from|text|words|author|authors|par|por|von|автор|авторы|текст)\s*[:\-–—]?\s+", re.I)
# Role words that follow a name in a byline element: "Ben Silverman Games Editor", "Jane Doe Staff Writer".
_ROLE_WORD = re.compile(r"\s(?:editor|writer|reporter|correspondent|columnist|contributor|staff)\b", re.I)
_SEPARATORS = re.compile(r"\s*;\s*|\s*,\s*|\s+(?:and|et|und|и)\s+|\s*&\s*", re.I)
# Co-authors in brackets after the first name: "Martin Untersinger (avec Damien Leloup et Morgane Tual)".
_WITH_BRACKET = re.compile(r"\s*\(\s*(?:with|avec|mit|con)\s+([^()]+)\)", re.I)
_NAME_WORD = re.compile(r"^[^\W\d_][\w'’.\-]*$")
# Lower-case particles of names: "Suadad al-Salhy", "Ursula von der Leyen".
_PARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|bin|ibn|de|van|von|der|den|da|di|du|la|le|dos|das|del)(?:-\w+)?$")


def _title_case(name: str) -> str:
    """"JANE DOE" -> "Jane Doe", "Жазгуль МАСАЛИЕВА" -> "Жазгуль Масалиева"; initials ("J.") stay."""
    def word_case(word: str) -> str:
        if word.upper() != word or "." in word:
            return word  # mixed case as written, or initials ("J.R.R.")
        return re.sub(r"[^\W\d_]+", lambda part: part.group()[:1] + part.group()[1:].lower(), word)  # O'BRIEN -> O'Brien
    return " ".join(word_case(w) for w in name.split())


def is_organisation(name: str) -> bool:
    if re.search(r"\w['’]s\b", name):
        return True  # "HRF's Center for Law": a possessive, not a person
    words = re.findall(r"[\w\-]+", name.casefold())
    return not words or any(w in _ORGANISATION_WORDS for w in words) or " ".join(words) in _ORGANISATION_WORDS


def plausible_person(name: str) -> bool:
    """Two to five words of letters (initials allowed), not an organisation."""
    words = name.split()
    if not 2 <= len(words) <= 5 or len(name) > 60:
        return False
    if not all(_NAME_WORD.match(w) for w in words) or not all(w[0].isupper() or _PARTICLE.match(w) for w in words if len(w) > 3):
        return False
    return not is_organisation(name)


# A month or weekday run into a byline from its date ("Joshua Sokol May"): dropped when the name has
# three words or more, so that "Theresa May" stays a name.
_TRAILING_DATE_WORD = re.compile(
    r"\s+(?:" + "|".join(sorted((m for m in MONTHS if m.isascii()), key=len, reverse=True))
    + r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\.?$", re.I)


def person_names(text: str) -> list[str]:
    """The people named in a byline or author field, in order, each once."""
    names: list[str] = []
    # An address after a name ("Bradley M. Kuhn (http://ebb.org/bkuhn/)", or its pieces as some extractors
    # split it: "Bradley M Kuhn http; Ebb Org; Bkuhn") is not more names.
    text = re.split(r"\(?\bhttps?\b", " ".join((text or "").split())[:500], maxsplit=1, flags=re.I)[0]
    text = _WITH_BRACKET.sub(r"; \1", text)
    for part in _SEPARATORS.split(_BY.sub("", text)):
        part = " ".join(part.split())
        if len(part.split()) >= 3:
            part = _TRAILING_DATE_WORD.sub("", part)
        part = re.sub(r"\s*\(.*$", "", part)  # "Martin Untersinger (avec …)": the part before the bracket
        if len(part.split()) > 2 and (role := _ROLE_WORD.search(part)):
            # "Jane Doe Staff Writer" -> "Jane Doe"; "Ben Silverman Games Editor" -> "Ben Silverman" (a desk before the role)
            words = part[: role.start()].split()
            part = " ".join(words[:-1] if len(words) >= 3 else words)
        name = _title_case(part.strip(" .|").rstrip("*†‡¹²³0123456789"))  # footnote marks after a name
        if plausible_person(name) and name.casefold() not in {n.casefold() for n in names}:
            names.append(name)
    return names


# "Posted by Alon Zakai.", "Posted by kovarex, TOGos, Ernestas, Albert on 2019-02-15, all posts".
_POSTED_BY = re.compile(r"^(?:posted|written|published)\s+by\s+(?P<who>\S.{0,100}?)(?:\s+on\s+\S.*|\s*\|.*|\.)?$", re.I)
_HANDLE = re.compile(r"[^\W\d_][\w.\-]{2,29}")


def posted_by(line: str) -> list[str]:
    """Who a "Posted by …" line credits: person names, or, when it names none, the site handles it
    lists ("kovarex, TOGos"): after an explicit "Posted by" a handle is how the page names its writer.
    An agency, a desk or a role word ("Posted by admin") is nobody."""
    match = _POSTED_BY.match(" ".join(line.split()))
    if not match or len(line) > 160:
        return []
    who = match.group("who")
    if names := person_names(who):
        return names
    parts = [p for p in _SEPARATORS.split(who) if p]
    return parts if parts and all(_HANDLE.fullmatch(p) and not is_organisation(p) for p in parts) else []


# Chinese credit lines: "作者︱春春", "（编译/林靖东）" closing the text, "文/张三"; roles before the mark are
# author, text, compiled or translated by, and reporter. An editor's line ("责任编辑：…") is not one.
_CHINESE_CREDIT = re.compile(
    r"(?:^|[（(【\[])\s*(?:作者|文|编译|记者)\s*[︱|｜/:：]\s*(?P<name>[\u4e00-\u9fff·]{2,5})\s*[）)】\]]?\s*$")
_CHINESE_ROLE = re.compile(r"编辑|责任|来源|记者|作者")


# "Por: Júlia Barbon (Folhapress)", "By: Jane Doe": a labelled byline printed under the article; the agency in
# brackets is its source, not a writer.
LABELLED_BYLINE = re.compile(r"^(?:by|por|par)\s*:\s*(?P<who>[^()]{3,80}?)\s*(?:\([^()]{2,40}\))?\.?$", re.I)


def credit_line(text: str) -> tuple[list[str], bool]:
    """(who a credit line names, whether the whole paragraph is the credit): "Posted by …", "Por: …", or a
    Chinese credit closing the paragraph. ([], False) when it names nobody."""
    if names := posted_by(text):
        return names, True
    labelled = LABELLED_BYLINE.match(" ".join(text.split()))
    if labelled and (names := [n for n in person_names(labelled.group("who")) if not is_organisation(n)]):
        return names, True
    match = _CHINESE_CREDIT.search(text)
    if match and not _CHINESE_ROLE.search(match.group("name")):
        return [match.group("name")], match.start() == 0
    return [], False
