"""The benchmark's floor: a one-page Streamlit app with only the dashboard's sidebar Theme multiselect.

Same label, same options and option labels (the data folder's theme lexicon), same widget key,
same page config and server settings. Its repaint time after a click on a theme is what Streamlit
itself costs on this machine; the benchmark reports every page of the dashboard as a ratio to it.
"""

from __future__ import annotations

import streamlit as st

from corpuslens.lexicon import load_themes
from corpuslens.settings import data_dir, knowledge_file

st.set_page_config(page_title="Corpus Lens floor", layout="wide")


@st.cache_resource(show_spinner=False)
def theme_labels() -> dict[str, str]:
    return {t.id: t.label for t in load_themes(knowledge_file(data_dir(), "themes.yaml"))}


labels = theme_labels()
st.sidebar.multiselect("Theme", list(labels), key="filter.themes", placeholder="All themes", format_func=labels.get,
                       help="Passages tagged with any of these themes (data/themes.yaml).")
