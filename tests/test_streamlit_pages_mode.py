"""The private Streamlit behaviour dashboard/pages_mode.py works around, checked on the installed Streamlit.

If one of these fails after a Streamlit upgrade, the workaround may be wrong or no longer needed: read
dashboard/pages_mode.py, check whether a first visit by a deep link to a fresh server now runs app.py on its
own (tests/test_first_run_interrupted.py and the hostile-corpus browser test open one), and drop or mend it.
"""

from __future__ import annotations

from pathlib import Path

from dashboard.pages_mode import flag_exists, mode_of_a_fresh_server

APP = Path(__file__).resolve().parents[1] / "app.py"


def test_a_pages_folder_still_switches_the_old_mode_on():
    assert flag_exists(), \
        "Streamlit no longer has PagesManager.uses_pages_directory: dashboard/pages_mode.py must be revisited"
    assert mode_of_a_fresh_server(APP), ("a pages/ folder no longer puts Streamlit in the old multipage mode: the "
                                         "deep-link workaround in dashboard/pages_mode.py may be unnecessary")


def test_leaving_the_mode_holds_for_every_later_pages_manager():
    assert not mode_of_a_fresh_server(APP, leave_between=True)
