"""Validating a theme in a real Chromium: from the Overview's "Validate this theme" to a seeded sample, five
passages judged, the precision and its interval on the Overview theme chart, and the judgments still there after
a reload. Judging is switched on for this server only (CORPUSLENS_ALLOW_JUDGING), into a database of its own."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from playwright.sync_api import expect

from conftest import serve, server_env
from corpuslens.settings import SHIPPED_DATA
from corpuslens.validation.estimates import Precision
from streamlit_page import EXCEPTION, expect_rerun, open_app, screenshot

pytestmark = pytest.mark.browser

VERDICTS = ["right", "right", "wrong", "right", "right"]  # what the coder decides for the first five passages


@pytest.fixture(scope="module")
def judging_server(built_index, tmp_path_factory):
    folder = tmp_path_factory.mktemp("validation")
    env = server_env(CORPUSLENS_ALLOW_JUDGING="1", CORPUSLENS_JUDGMENTS=str(folder / "judgments.sqlite"))
    with serve(folder, env) as server:
        yield server


def first_theme_label() -> str:
    themes = yaml.safe_load((SHIPPED_DATA / "themes.yaml").read_text(encoding="utf-8"))["themes"]
    return themes[0]["label"]


def passage(page, i: int):
    return page.locator(f".st-key-validate-passage-{i}")


def theme_tooltip(page, label: str) -> str:
    """Hover the theme chart row by row, as a reader would, until the tooltip names `label`; its text."""
    chart = page.get_by_test_id("stVegaLiteChart").nth(2)  # the Overview's third chart: theme shares
    chart.scroll_into_view_if_needed()
    box = chart.bounding_box()
    seen = []
    for y in range(int(box["y"]) + 30, int(box["y"] + box["height"]), 8):
        page.mouse.move(box["x"] + box["width"] * 0.5, y)
        page.wait_for_timeout(60)
        tip = page.locator("#vg-tooltip-element")
        text = tip.inner_text() if tip.count() and tip.is_visible() else ""
        seen.append(text)
        if label in text:
            return text
    raise AssertionError(f"no tooltip names {label!r}: {seen[-3:]}")


def test_a_theme_validated_end_to_end_shows_its_precision_on_the_overview(judging_server, page, screenshots):
    open_app(page, judging_server + "/")
    with expect_rerun(page):
        page.get_by_role("button", name="Validate this theme").click()
    expect(page.get_by_role("heading", name="Validate")).to_be_visible()
    params = parse_qs(urlsplit(page.url).query)
    assert params["target"][0].startswith("theme:") and int(params["seed"][0]) > 0, page.url
    expect(page.get_by_role("combobox", name="What to validate")).to_have_value(f"Theme: {first_theme_label()}")
    expect(passage(page, 4)).to_be_visible()
    sample_url = page.url

    coder = page.get_by_label("Your name (coder)")
    with expect_rerun(page):
        coder.fill("e2e-coder")
        coder.press("Enter")
    ids = []
    for i, verdict in enumerate(VERDICTS):
        block = passage(page, i)
        ids.append(block.locator(".cl-meta").inner_text().rsplit("·", 1)[-1].strip())
        with expect_rerun(page):
            block.get_by_role("button", name=verdict.capitalize()).click()
        expect(block.get_by_text(f"Judged: e2e-coder {verdict}")).to_be_visible()
    expected = Precision(params["target"][0], len(VERDICTS), VERDICTS.count("right")).describe()
    assert expected.startswith("precision 0.80 [")  # 4 of 5; the interval itself comes from the engine
    expect(page.get_by_text(expected, exact=False).first).to_be_visible()
    screenshot(page, screenshots / "20-validate-five-judged.png")

    open_app(page, judging_server + "/")
    caption = page.get_by_text("Validated themes", exact=False)
    expect(caption).to_contain_text(first_theme_label())
    expect(caption).to_contain_text(expected)
    assert expected in theme_tooltip(page, first_theme_label())
    screenshot(page, screenshots / "21-overview-theme-precision.png")

    open_app(page, sample_url)  # a reload of the link: a new session, the same seed, the judgments kept
    assert page.locator(EXCEPTION).count() == 0
    for i, verdict in enumerate(VERDICTS):
        block = passage(page, i)
        assert block.locator(".cl-meta").inner_text().rsplit("·", 1)[-1].strip() == ids[i]
        expect(block.get_by_text(f"Judged: e2e-coder {verdict}")).to_be_visible()
    expect(page.get_by_text(expected, exact=False).first).to_be_visible()
    assert not page.console_errors, page.console_errors
