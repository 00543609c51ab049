"""The one place that touches a private Streamlit API: the old "pages/ folder" mode of multipage apps.

The project keeps its page files in a folder named pages/. Streamlit (1.67, pinned in requirements.txt)
takes such a folder as the sign of an old-style multipage app until a script calls st.navigation, and
keeps that belief in a class attribute, `PagesManager.uses_pages_directory`. So the first visit to a
fresh server by a deep link (say /topics?topic=2) runs pages/topics.py alone, without app.py: no
sidebar, no filters from the link. No public option turns the mode off. Upstream: streamlit/streamlit PR #10276
keeps the flag for apps made with the pages-folder feature; issue #9992 reports first deep links into an
st.navigation app going wrong. tests/test_streamlit_pages_mode.py fails loudly when a newer Streamlit changes any of this.
"""

from __future__ import annotations

from streamlit.runtime.pages_manager import PagesManager


def in_pages_folder_mode() -> bool:
    return bool(PagesManager.uses_pages_directory)


def leave_pages_folder_mode() -> None:
    """Run every later script through app.py's st.navigation, as after any visit to the app's own address."""
    PagesManager.uses_pages_directory = False


# -- For the tests: the behaviour above, checked on the installed Streamlit, and AppTest kept out of the mode. --

def flag_exists() -> bool:
    return hasattr(PagesManager, "uses_pages_directory")


def mode_of_a_fresh_server(main_script: str, leave_between: bool = False) -> bool:
    """Whether a fresh server (the flag unset) runs this app in the pages-folder mode once a second session starts;
    with `leave_between`, after the first session left it. The flag is restored afterwards."""
    saved = PagesManager.uses_pages_directory
    try:
        PagesManager.uses_pages_directory = None
        PagesManager(str(main_script))
        if leave_between:
            leave_pages_folder_mode()
        PagesManager(str(main_script))
        return in_pages_folder_mode()
    finally:
        PagesManager.uses_pages_directory = saved


def leave_on_every_new_manager(monkeypatch) -> None:
    """AppTest makes a new pages manager for every run, which sets the mode again: leave it each time, as app.py's
    st.navigation does on a server. `monkeypatch`: pytest's, which undoes this after the test."""
    original_init = PagesManager.__init__

    def init(self, *args, **kwargs):
        original_init(self, *args, **kwargs)
        leave_pages_folder_mode()

    monkeypatch.setattr(PagesManager, "__init__", init)
