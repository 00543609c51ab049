"""Articles that carry markup, in a real Chromium: on every page, titles, authors, publications and
text holding HTML, script and Markdown are shown as the characters they are, and nothing runs.

A corpus of its own (the shipped articles plus two hostile files) is served by a server of its own,
and the very first visit to that server is a deep link to one page, as a shared link would be.
Every payload sets `window.__pwned`; the test also looks for the elements a payload would create.
"""

from __future__ import annotations

import shutil
from urllib.parse import quote, urlencode

import pytest
from conftest import build_index, serve, server_env

from corpuslens.filters import Filters
from corpuslens.index import load_or_build
from corpuslens.query.common import size_label
from corpuslens.selection import selection_mask
from corpuslens.settings import SHIPPED_DATA, IndexSettings
from streamlit_page import CHART, EXCEPTION, open_app, screenshot, size_line, wait_for_settled

pytestmark = pytest.mark.browser

RUN = "window.__pwned=1"
FRONT_MATTER_ARTICLE = f"""---
title: "<img src=x onerror={RUN}> **Caspian** [deal](javascript:{RUN}) <script>{RUN}</script>"
author: "<b onmouseover={RUN}>Mallory</b>"
publication: "<iframe src=javascript:{RUN}></iframe>Evil Times"
date: 2021-05-04
---

Putin and Aliyev met in Baku to discuss gas pipelines and the Karabakh ceasefire. <img src=x onerror={RUN}> The
talks covered arms sales.

Russia sold weapons to Azerbaijan while Armenia protested. <script>{RUN}</script> Moscow insisted the peacekeepers
would stay in Karabakh.

Lavrov and Bayramov spoke of Gazprom, SOCAR and the Caspian Sea. <a href="javascript:{RUN}">click here</a> and
<u>underlined</u> and $x$.
"""
# In HTML the markup must be written as entities to survive as text; the real tags are dropped by the reader.
HTML_ARTICLE = f"""<html><head><title>&lt;svg onload={RUN}&gt; Baku &amp; Moscow</title>
<meta name="author" content="&lt;img src=x onerror={RUN}&gt; Eve">
<meta property="og:site_name" content="&lt;style&gt;body{{display:none}}&lt;/style&gt;Bad Press">
<meta name="date" content="2022-03-01"><script>{RUN}</script></head>
<body onload="{RUN}"><iframe src="javascript:{RUN}"></iframe>
<p onclick="{RUN}">Aliyev told Putin in Moscow that the transport corridor and gas deliveries matter.
&lt;img src=x onerror={RUN}&gt; was written in the text itself.</p>
<p>Russia and Azerbaijan signed a declaration; Armenia watched the Karabakh peacekeepers.
<a href="javascript:{RUN}">read more</a></p>
</body></html>
"""
HOSTILE_FILES = {"hostile-front-matter.md": FRONT_MATTER_ARTICLE, "hostile-page.html": HTML_ARTICLE}
PAGES = ["/", "/topics", "/terms", "/actors", "/documents"]

# What a payload would leave in the page if any of it were taken as HTML or Markdown.
INJECTED = """() => {
  const all = [...document.querySelectorAll('*')];
  const handler = e => [...e.attributes].some(a => a.name.startsWith('on') && a.value.includes('__pwned'));
  const emphasised = e => ['B', 'STRONG', 'U'].includes(e.tagName)
      || (e.tagName.toLowerCase() === 'tspan' && /bold/.test(e.getAttribute('style') || ''));
  return {
    ran: typeof window.__pwned !== 'undefined',
    images: document.querySelectorAll('img[src="x"]').length,
    scripts: [...document.scripts].filter(s => s.textContent.includes('__pwned')).length,
    handlers: all.filter(handler).length,
    javascript_urls: document.querySelectorAll('[href^="javascript" i], [src^="javascript" i]').length,
    svgs: [...document.querySelectorAll('svg')].filter(s => s.getAttribute('onload')).length,
    styles: [...document.querySelectorAll('style')].filter(s => s.textContent.includes('body{display:none}')).length,
    emphasis: all.filter(e => emphasised(e) && /Mallory|Caspian|underlined/.test(e.textContent)).length,
    body_hidden: getComputedStyle(document.body).display === 'none',
  };
}"""
NOTHING_INJECTED = {"ran": False, "images": 0, "scripts": 0, "handlers": 0, "javascript_urls": 0, "svgs": 0,
                    "styles": 0, "emphasis": 0, "body_hidden": False}


@pytest.fixture(scope="module")
def hostile_data(tmp_path_factory):
    """A data folder: the shipped articles (and, through them, the shipped catalog) plus the hostile files,
    its index built as `python -m corpuslens build` builds it."""
    data = tmp_path_factory.mktemp("hostile-data")
    shutil.copytree(SHIPPED_DATA / "raw", data / "raw")
    for name, text in HOSTILE_FILES.items():
        (data / "raw" / name).write_text(text, encoding="utf-8")
    build_index(server_env(CORPUSLENS_DATA=str(data)))
    return data


@pytest.fixture(scope="module")
def hostile_index(hostile_data):
    return load_or_build(hostile_data, IndexSettings())


@pytest.fixture(scope="module")
def hostile_server(hostile_data, tmp_path_factory):
    with serve(tmp_path_factory.mktemp("hostile-streamlit"), server_env(CORPUSLENS_DATA=str(hostile_data))) as server:
        yield server


def _document(index, file_name: str):
    docs = index.docs
    return docs[docs["file"] == file_name].iloc[0]


def _passage_texts(index, file_name: str) -> list[str]:
    row = _document(index, file_name).name
    return list(index.passages.loc[index.passages["doc"] == row, "text"])


def _main_text(page) -> str:
    """The main area as a person reads it, plus the text of its data grids (drawn on a canvas), once the
    grids have filled in (they may do so a few frames after the run ends)."""
    wait_for_settled(page)
    grids = page.locator('[data-testid="stDataFrame"]').evaluate_all("els => els.map(e => e.textContent)")
    return page.get_by_test_id("stMain").inner_text() + "\n" + "\n".join(grids)


def _assert_nothing_injected(page, where: str, server) -> None:
    assert page.locator(EXCEPTION).count() == 0, \
        f"{where}: an exception is shown: {page.locator(EXCEPTION).first.inner_text()[:500]}\n{server.logs()}"
    assert not page.console_errors, f"{where}: JavaScript errors: {page.console_errors}"
    found = page.evaluate(INJECTED)
    assert found == NOTHING_INJECTED, f"{where}: markup from the articles took effect: {found}"
    assert not page.dialogs, f"{where}: a dialog opened: {page.dialogs}"


def _hover_every_chart(page) -> None:
    """Move the mouse over each chart, so hover labels and tooltips (plotly renders its own markup) are drawn."""
    for chart in page.locator(CHART).all()[:6]:
        box = chart.bounding_box()
        if box and box["width"] > 0:
            page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            page.wait_for_timeout(150)


def _name(path: str) -> str:
    return path.strip("/") or "overview"


def _visit(page, url: str, shot, where: str, server) -> None:
    """Open a page, hover its charts, keep a screenshot, and check that nothing from the articles took effect."""
    open_app(page, url)
    _hover_every_chart(page)
    screenshot(page, shot)
    _assert_nothing_injected(page, where, server)


@pytest.fixture
def watched_page(new_page):
    """A fresh page that records every dialog (alert, confirm) a script might open."""
    page = new_page()
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    return page


def test_hostile_articles_are_shown_as_text_on_every_page(hostile_server, hostile_index, watched_page, screenshots):
    page, index = watched_page, hostile_index
    article = _document(index, "hostile-front-matter.md")
    title, author, publication = article["title"], article["authors"][0], article["publication"]
    assert "<script>" in title and "<b " in author and "<iframe" in publication, \
        "the reader dropped the markup this test is about: fix the test corpus"
    passages = _passage_texts(index, "hostile-front-matter.md")
    assert any("<img src=x" in text for text in passages)

    # The first visit to this server is a deep link into a page other than the first.
    link = "?" + urlencode([("author", author), ("doc", article["id"])], quote_via=quote)
    open_app(page, f"{hostile_server}/documents{link}")
    screenshot(page, screenshots / "41-hostile-documents-deep-link.png")
    _assert_nothing_injected(page, "Documents (first visit, deep link)", hostile_server)
    main = _main_text(page)
    assert title in main, "the chosen document's title is not shown literally"
    for text in passages:
        assert " ".join(text.split()) in " ".join(main.split()), f"a passage is not shown literally: {text!r}"

    expected_size = size_label(index, selection_mask(index, Filters(authors=(author,))))
    for number, path in enumerate(PAGES, start=1):
        where = f"{path} filtered by the hostile author"
        _visit(page, f"{hostile_server}{path}{link}", screenshots / f"4{number + 1}-hostile-{_name(path)}.png",
               where, hostile_server)
        assert size_line(page) == expected_size, f"{where}: the author filter did not apply"
        assert author in page.get_by_test_id("stSidebar").inner_text(), \
            f"{where}: the chosen author is not shown literally in the sidebar"


def test_markup_in_html_metadata_is_shown_as_text_across_the_corpus(hostile_server, hostile_index, watched_page,
                                                                    screenshots):
    page, index = watched_page, hostile_index
    article = _document(index, "hostile-page.html")
    assert "<svg onload" in article["title"] and "<style>" in article["publication"]
    for number, path in enumerate(PAGES, start=1):
        where = f"{path}, whole corpus"
        _visit(page, f"{hostile_server}{path}", screenshots / f"5{number}-hostile-corpus-{_name(path)}.png",
               where, hostile_server)
    # The Overview's document table lists every document by its literal title and publication.
    open_app(page, f"{hostile_server}/")
    main = _main_text(page)
    assert article["title"] in main and article["publication"] in main, \
        f"the HTML article's metadata is not shown literally; the main area reads: {main[-2000:]}"
