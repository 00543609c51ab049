"""The dashboard in a real Chromium, used like a person would: choose a theme in the sidebar, share the
link, visit every page, open a hostile link, and run into an empty selection.

Expected sizes come from the engine itself (selection_mask + size_label), never typed in.
Screenshots go to test-artifacts/screenshots/ for a person to look at.
"""

from __future__ import annotations

import time
from urllib.parse import parse_qs, quote, urlencode, urlsplit

import pytest
import yaml
from playwright.sync_api import expect

from corpuslens.filters import Filters
from corpuslens.index import load_or_build
from corpuslens.query.common import size_label
from corpuslens.selection import selection_mask
from corpuslens.settings import SHIPPED_DATA, IndexSettings
from streamlit_page import (CHART, EXCEPTION, chart_signature, expect_rerun, install, open_app, screenshot,
                            size_line, size_numbers)

pytestmark = pytest.mark.browser

# Path, page title in the navigation, and whether the page must show at least one plotly chart.
PAGES = [
    ("/", "Overview", True),
    ("/topics", "Topics", True),
    ("/terms", "Terms", True),
    ("/actors", "Actors", True),
    ("/documents", "Documents", False),  # a table and a reader; no chart promised
]


def _theme() -> tuple[str, str]:
    """The theme a person picks: "Military, arms and defence" if the lexicon has it, else the first one."""
    themes = yaml.safe_load((SHIPPED_DATA / "themes.yaml").read_text(encoding="utf-8"))["themes"]
    chosen = next((t for t in themes if t["id"] == "military"), themes[0])
    return chosen["id"], chosen["label"]


THEME_ID, THEME_LABEL = _theme()


@pytest.fixture(scope="module")
def engine_sizes(built_index):
    """The size lines the engine computes for the selections these tests use."""
    index = load_or_build(SHIPPED_DATA, IndexSettings())

    def size(**filters) -> str:
        return size_label(index, selection_mask(index, Filters(**filters)))

    return {"all": size(), "theme": size(themes=(THEME_ID,)), "nothing": size(query="zzzznotaword")}


def _params(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def _no_exception(page, where: str, server=None) -> None:
    """No exception box in the app and no JavaScript error; on failure, show the server's log too."""
    logs = server.logs() if server is not None and hasattr(server, "logs") else ""
    assert page.locator(EXCEPTION).count() == 0, \
        f"{where}: an exception is shown: {page.locator(EXCEPTION).first.inner_text()[:500]}\n{logs}"
    assert not page.console_errors, f"{where}: JavaScript errors: {page.console_errors}"


def _poll(condition, seconds: float) -> bool:
    """True as soon as `condition()` holds, False after `seconds`; the caller asserts."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def _theme_multiselect(page):
    return page.get_by_test_id("stSidebar").get_by_test_id("stMultiSelect").filter(
        has=page.get_by_text("Theme", exact=True))


@pytest.fixture(scope="module")
def theme_chosen(app_url, browser, engine_sizes, screenshots):
    """A person opens the Overview, clicks the Theme box and picks a theme. Returns what they saw.

    Module-scoped so that the shared-link test can reopen the very URL this produced.
    """
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    install(context)
    page = context.new_page()
    page.console_errors = []
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    try:
        open_app(page, app_url + "/")
        screenshot(page, screenshots / "01-overview-before-theme.png")
        _no_exception(page, "Overview", app_url)
        before = {"url": page.url, "size": size_line(page), "charts": chart_signature(page)}

        box = _theme_multiselect(page)
        box.click()
        option = page.get_by_role("option", name=THEME_LABEL, exact=True)
        expect(option).to_be_visible()
        screenshot(page, screenshots / "02-theme-dropdown-open.png")
        with expect_rerun(page):
            option.click()
        page.keyboard.press("Escape")  # close the dropdown, as a person would, before looking
        after = {"url": page.url, "size": size_line(page), "charts": chart_signature(page),
                 "chosen": box.inner_text()}
        screenshot(page, screenshots / "03-overview-after-theme.png")
        _no_exception(page, "Overview after choosing a theme", app_url)
        return {"before": before, "after": after}
    finally:
        context.close()


def test_choosing_a_theme_in_the_sidebar_updates_url_and_views(theme_chosen, engine_sizes):
    before, after = theme_chosen["before"], theme_chosen["after"]
    assert before["size"] == engine_sizes["all"]
    assert _params(after["url"]).get("theme") == [THEME_ID], f"URL after choosing the theme: {after['url']}"
    assert THEME_LABEL in after["chosen"], f"the Theme box shows {after['chosen']!r}"
    assert after["size"] == engine_sizes["theme"]
    assert size_numbers(after["size"])[0] < size_numbers(before["size"])[0], \
        f"choosing a theme should narrow the selection: {before['size']} -> {after['size']}"
    assert before["charts"], "the Overview showed no chart or table to compare"
    assert after["charts"] != before["charts"], "no chart or table changed after choosing a theme"


def test_shared_link_reopens_the_same_selection_in_a_new_browser(theme_chosen, app_url, new_page, screenshots):
    shared = theme_chosen["after"]["url"]
    assert "theme=" in shared, f"no theme in the link to share: {shared}"
    page = new_page()  # a new browser context: a colleague's fresh session
    open_app(page, shared)
    screenshot(page, screenshots / "04-shared-link-new-browser.png")
    _no_exception(page, "the shared link", app_url)
    assert THEME_LABEL in _theme_multiselect(page).inner_text()
    assert size_line(page) == theme_chosen["after"]["size"]
    assert _params(page.url).get("theme") == [THEME_ID], page.url
    expected = theme_chosen["after"]["charts"]
    _poll(lambda: chart_signature(page) == expected, seconds=5)  # a busy machine may repaint a grid late
    assert chart_signature(page) == expected, "the shared link shows different charts or tables"


def test_every_page_renders_with_charts_and_no_error(app_url, page, engine_sizes, screenshots):
    for number, (path, title, has_chart) in enumerate(PAGES, start=1):
        open_app(page, f"{app_url}{path}?theme={THEME_ID}")
        screenshot(page, screenshots / f"1{number}-page-{title.lower()}-theme.png")
        _no_exception(page, title, app_url)
        assert size_line(page) == engine_sizes["theme"], f"{title}: size line"
        if has_chart:
            assert page.locator(CHART).count() >= 1, f"{title}: no chart"
        assert _params(page.url).get("theme") == [THEME_ID], f"{title}: the filter left the URL: {page.url}"

    # Switching pages in the sidebar navigation keeps the filters (and the URL keeps them).
    open_app(page, f"{app_url}/?theme={THEME_ID}")
    with expect_rerun(page):
        page.get_by_test_id("stSidebarNav").get_by_role("link", name="Topics").click()
    page.wait_for_url("**/topics*")
    screenshot(page, screenshots / "16-switched-to-topics.png")
    _no_exception(page, "Topics after switching", app_url)
    assert _params(page.url).get("theme") == [THEME_ID], f"page switch lost the filter: {page.url}"
    assert THEME_LABEL in _theme_multiselect(page).inner_text()
    assert size_line(page) == engine_sizes["theme"]


BAD_IMG = "<img src=x onerror=window.__pwned=1>"
BAD_Q = "<b>bold</b>"


def test_bad_link_shows_notice_and_no_markup_is_rendered(app_url, page, screenshots):
    query = urlencode([("theme", "nope"), ("zzz", BAD_IMG), ("q", BAD_Q)], quote_via=quote)
    open_app(page, f"{app_url}/?{query}")
    page.wait_for_timeout(300)  # give an injected onerror handler every chance to fire
    screenshot(page, screenshots / "21-bad-link.png")
    _no_exception(page, "the bad link", app_url)

    warnings = page.get_by_test_id("stAlertContentWarning")
    expect(warnings.first).to_be_visible()
    notice = " ".join(warnings.all_inner_texts())
    assert "theme" in notice and "nope" in notice, f"the notice does not name the bad theme: {notice!r}"
    assert "zzz" in notice, f"the notice does not name the unknown parameter: {notice!r}"

    assert page.evaluate("typeof window.__pwned") == "undefined", "a script from the URL ran"
    assert page.locator('img[src="x"]').count() == 0, "an <img> from the URL was created"
    assert page.locator("b", has_text="bold").count() == 0, "a <b> from the URL was rendered as HTML"
    body = page.locator("body").inner_text()
    if "bold" in body:
        assert BAD_Q in body, "the search text is shown, but not literally as typed (markup lost or mangled)"
    if "onerror" in body:
        assert "window.__pwned" in body


def test_empty_selection_shows_empty_state(app_url, page, engine_sizes, screenshots):
    assert engine_sizes["nothing"].startswith("0 passages")
    for number, (path, title, _) in enumerate(PAGES, start=1):
        open_app(page, f"{app_url}{path}?q=zzzznotaword")
        screenshot(page, screenshots / f"3{number}-empty-{title.lower()}.png")
        _no_exception(page, f"{title} (empty)", app_url)
        expect(page.get_by_test_id("stAlertContentInfo").first).to_be_visible()
        assert page.locator(CHART).count() == 0, f"{title}: a chart frame is shown for an empty selection"
        assert size_line(page) == engine_sizes["nothing"], f"{title}: size line"
        assert _params(page.url).get("q") == ["zzzznotaword"], f"{title}: the search left the URL: {page.url}"
