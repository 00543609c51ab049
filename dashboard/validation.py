"""The dashboard's side of validation: whether visitors may judge, the judgments store, the "Validate this"
buttons and the precision lines that the Overview, Actors and Topics pages show beside their charts.

Writing judgments changes what every later visitor sees, so a deployed dashboard only accepts them when
its owner switched judging on: `CORPUSLENS_ALLOW_JUDGING=1` in the server's environment, or
`allow_judging = true` in `.streamlit/secrets.toml`. Reading them (precision, agreement) is always on.
"""

from __future__ import annotations

import os

import streamlit as st

from corpuslens.settings import data_dir
from corpuslens.validation.estimates import Precision
from corpuslens.validation.judgments import JudgmentStore, judgments_path
from corpuslens.validation.sampling import new_seed
from corpuslens.validation.targets import Target
from dashboard.state import set_view

VALIDATE_PAGE = "pages/validate.py"
_TRUE = ("1", "true", "yes", "on")


def judging_allowed() -> bool:
    """True only when the deployment's owner switched judging on (environment or secrets)."""
    if os.environ.get("CORPUSLENS_ALLOW_JUDGING", "").strip().lower() in _TRUE:
        return True
    try:
        return str(st.secrets.get("allow_judging", "")).strip().lower() in _TRUE
    except Exception:  # no secrets file, or an unreadable one: judging stays off
        return False


def store() -> JudgmentStore:
    """The judgments of this data folder (the database file is created by the first judgment)."""
    return JudgmentStore(judgments_path(data_dir()))


def precisions() -> dict[str, Precision]:
    """Every judged target's precision, read fresh on each run: a judgment shows at once on every page."""
    return store().precisions()


def open_validation(target: Target) -> None:
    """Go to the Validate page with a new sample of `target` (its seed goes into the link)."""
    set_view("target", str(target))
    set_view("seed", new_seed())
    st.switch_page(VALIDATE_PAGE)


def validate_button(target: Target, key: str, label: str = "Validate this", container=st) -> None:
    if container.button(label, key=key, icon=":material/fact_check:", type="tertiary",
                        help="Draw a random sample of its passages and mark each right or wrong."):
        open_validation(target)


def precision_line(target: Target, known: dict[str, Precision] | None = None) -> str:
    """"precision 0.90 [0.70–0.97], 18 of 20 judged", or "not validated yet"."""
    known = precisions() if known is None else known
    found = known.get(str(target))
    return found.describe() if found else "not validated yet"
