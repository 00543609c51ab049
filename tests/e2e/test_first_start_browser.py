"""A first start that cannot show a page yet (no articles, or the index still being built): the sidebar
already lists the dashboard's pages by their names, never the files behind them ("app", "actors" …)."""

from __future__ import annotations

import pytest
from conftest import serve, server_env

from streamlit_page import open_app

pytestmark = pytest.mark.browser

PAGE_NAMES = ["Overview", "Topics", "Terms", "Actors", "Documents", "Validate"]


def test_a_data_folder_without_articles_says_so_beside_the_pages_names(tmp_path, page):
    data = tmp_path / "data"
    data.mkdir()
    with serve(tmp_path, server_env(CORPUSLENS_DATA=str(data), CORPUSLENS_INDEX=str(tmp_path / "index"))) as server:
        open_app(page, f"{server}/documents")
        assert "has no raw/ folder" in page.locator('[data-testid="stAlert"]').inner_text()
        links = page.locator('[data-testid="stSidebarNav"] a').all_inner_texts()
        # each link is its icon's name (a ligature) and its label
        assert [text.split()[-1] for text in links] == PAGE_NAMES
