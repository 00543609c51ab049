"""Corpus Lens engine: ingestion, text, index, analyses, figures and CLI. Never imports streamlit."""

__version__ = "0.1.0"
