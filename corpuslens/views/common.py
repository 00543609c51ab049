"""What every view function shares: its page's settings with their declared defaults."""

from __future__ import annotations

from typing import Mapping

from corpuslens.page_settings import PAGE_SETTINGS


def page_values(page: str, settings: Mapping | None = None) -> dict:
    """The page's settings: the given values, the declared default for the rest. Keys of other pages are dropped."""
    settings = settings or {}
    return {spec.key: settings.get(spec.key, spec.default) for spec in PAGE_SETTINGS[page]}
