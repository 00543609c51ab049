"""Download buttons for the tables behind each view."""

from __future__ import annotations

import pandas as pd
import streamlit as st


def csv_download(label: str, table: pd.DataFrame, file_name: str, key: str, container=st) -> None:
    """A CSV of `table`, made when the button is clicked rather than on every rerun (a table of
    10,000 documents takes ~20 ms to write); the click downloads without rerunning the page."""
    container.download_button(label, data=lambda: table.to_csv(index=False).encode("utf-8"), file_name=file_name,
                              mime="text/csv", icon=":material/download:", key=key, on_click="ignore")
