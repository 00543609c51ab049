"""Turning a caller's row selection (None, boolean mask or index array) into one boolean mask."""

from __future__ import annotations

import numpy as np


def row_mask(rows, n_rows: int) -> np.ndarray | None:
    """A boolean mask of length n_rows from a boolean mask or an array of row indices; None stays None (= all)."""
    if rows is None:
        return None
    rows = np.asarray(rows)
    if rows.dtype == bool:
        if rows.size != n_rows:
            raise ValueError(f"row mask has {rows.size} entries for {n_rows} rows")
        return rows
    mask = np.zeros(n_rows, dtype=bool)
    mask[rows.astype(np.intp)] = True
    return mask
