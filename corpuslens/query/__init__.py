"""View-level questions asked of the index with a passage mask: what each page and CLI command shows."""
