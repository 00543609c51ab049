"""`python -m dashboard.serve [streamlit options]`: `streamlit run app.py`, with the dashboard's imports started
beside the server's own.

Streamlit runs app.py only when the first visitor connects, so that visitor waited for pandas, scipy and the
dashboard's modules to import (about a second on two cores) on top of Streamlit's own start. Here a background
thread imports them while the server starts and the visitor's browser loads Streamlit's frontend; the first run of
app.py then finds them imported. The server itself is Streamlit's command line, unchanged.
"""

from __future__ import annotations

import importlib
import sys
import threading

# What app.py and its pages import on a first run, heaviest first (pandas, numpy and scipy come with them).
FIRST_RUN_MODULES = ("dashboard.cache", "dashboard.sidebar", "dashboard.state", "dashboard.uploads",
                     "dashboard.corpus_link", "corpuslens.views")


def _import_first_run_modules() -> None:
    # After the server is up: imports hold the interpreter's lock, and the server must answer the browser first.
    import time

    from streamlit import runtime

    while not runtime.exists():
        time.sleep(0.05)
    time.sleep(0.2)
    for name in FIRST_RUN_MODULES:
        try:
            importlib.import_module(name)
        except Exception:  # the app's own run imports it again and shows the error where it belongs
            return


def main(argv: list[str]) -> None:
    threading.Thread(target=_import_first_run_modules, name="first-run-imports", daemon=True).start()
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", "app.py", *argv]
    cli.main(prog_name="streamlit")


if __name__ == "__main__":
    main(sys.argv[1:])
