"""The analysts' verdicts on sampled passages, kept in an embedded SQLite database in the data folder.

A judgment is keyed by target, the SHA-1 of the passage's text and the coder, not by the passage's
row or id: rebuilding the index (a new article, an edited lexicon) keeps every judgment whose
passage text is unchanged. The database is created on the first judgment; reading a missing
one finds no judgments.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from contextlib import closing
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from corpuslens.validation.estimates import Agreement, Precision, cohens_kappa

DATABASE_NAME = "judgments.sqlite"
VERDICTS = ("right", "wrong", "skip")
MAX_CODER_CHARS = 60

SCHEMA = """
CREATE TABLE IF NOT EXISTS judgments (
    target     TEXT NOT NULL,  -- theme:ID, actor:ID, pair:ID,ID or topic:N[@K]
    text_sha1  TEXT NOT NULL,  -- SHA-1 of the passage text (UTF-8): survives index rebuilds
    coder      TEXT NOT NULL,
    verdict    TEXT NOT NULL CHECK (verdict IN ('right', 'wrong', 'skip')),
    passage_id TEXT NOT NULL,  -- the passage's id when it was judged (document id and number)
    matched    TEXT NOT NULL,  -- the term and rule, or the aliases, that made the target tag it
    judged_at  TEXT NOT NULL,  -- UTC, ISO 8601
    corpus     TEXT NOT NULL DEFAULT '',  -- short id of the corpus the passage was judged in
    PRIMARY KEY (target, text_sha1, coder)
)
"""
COLUMNS = ["target", "text_sha1", "coder", "verdict", "passage_id", "matched", "judged_at", "corpus"]


def judgments_path(data: Path) -> Path:
    """$CORPUSLENS_JUDGMENTS if set, else judgments.sqlite in the data folder."""
    explicit = os.environ.get("CORPUSLENS_JUDGMENTS")
    return Path(explicit).expanduser() if explicit else Path(data) / DATABASE_NAME


def text_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def clean_coder(name: str) -> str:
    """A coder's name as stored: printable, trimmed, bounded; "anonymous" when empty."""
    name = "".join(ch for ch in (name or "") if ch.isprintable()).strip()[:MAX_CODER_CHARS]
    return name or "anonymous"


class JudgmentStore:
    """Reads and writes the judgments of one database file. Every call opens its own connection,
    so one store can serve several threads (Streamlit sessions) and processes (the CLI)."""

    def __init__(self, path: Path):
        self.path = Path(path)

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=10)
        connection.execute(SCHEMA)
        return connection

    def record(self, target: str, text: str, passage_id: str, verdict: str, coder: str, matched: str = "",
               corpus: str = "") -> None:
        """Store (or replace) this coder's verdict on this passage for this target."""
        if verdict not in VERDICTS:
            raise ValueError(f"verdict must be one of {', '.join(VERDICTS)}, not {verdict!r}")
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(self._connect()) as connection, connection:
            connection.execute(
                "INSERT OR REPLACE INTO judgments VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (str(target), text_key(text), clean_coder(coder), verdict, passage_id, matched, now, corpus))

    def table(self, target: str | None = None) -> pd.DataFrame:
        """Every judgment (of one target, or all), oldest first."""
        if not self.path.exists():
            return pd.DataFrame(columns=COLUMNS)
        query = f"SELECT {', '.join(COLUMNS)} FROM judgments"
        args: tuple = ()
        if target is not None:
            query, args = query + " WHERE target = ?", (str(target),)
        with closing(self._connect()) as connection:
            rows = connection.execute(query + " ORDER BY judged_at, rowid", args).fetchall()
        return pd.DataFrame(rows, columns=COLUMNS)

    def verdicts_by_coder(self, target: str) -> dict[str, dict[str, str]]:
        """{text SHA-1: {coder: verdict}} for one target: every coder's verdicts, to show beside each passage."""
        table = self.table(target)
        out: dict[str, dict[str, str]] = {}
        for key, coder, verdict in zip(table["text_sha1"], table["coder"], table["verdict"]):
            out.setdefault(key, {})[coder] = verdict
        return out

    def precisions(self) -> dict[str, Precision]:
        """Each judged target's precision."""
        table = self.table()
        return {target: precision_of(str(target), group) for target, group in table.groupby("target", sort=True)}

    def precision(self, target: str) -> Precision:
        return precision_of(str(target), self.table(target))

    def agreements(self, target: str) -> list[Agreement]:
        return agreements_of(str(target), self.table(target))


def precision_of(target: str, judgments: pd.DataFrame) -> Precision:
    """Right and judged passages of one target. Each passage counts once: by the majority of its coders'
    verdicts, a tie by the latest one; skips are not verdicts."""
    judged = judgments[judgments["verdict"] != "skip"]
    right = 0
    passages = 0
    for _, group in judged.groupby("text_sha1", sort=False):
        votes = group["verdict"].tolist()
        ups, downs = votes.count("right"), votes.count("wrong")
        right += ups > downs or (ups == downs and votes[-1] == "right")
        passages += 1
    return Precision(target, passages, int(right))


def agreements_of(target: str, judgments: pd.DataFrame) -> list[Agreement]:
    """Cohen's kappa for every two coders who both judged (right or wrong) at least one passage of the target."""
    judged = judgments[judgments["verdict"] != "skip"]
    by_coder = {coder: dict(zip(g["text_sha1"], g["verdict"] == "right")) for coder, g in judged.groupby("coder")}
    coders = sorted(by_coder)
    out = []
    for i, first in enumerate(coders):
        for second in coders[i + 1:]:
            shared = sorted(set(by_coder[first]) & set(by_coder[second]))
            if shared:
                kappa = cohens_kappa([by_coder[first][k] for k in shared], [by_coder[second][k] for k in shared])
                out.append(Agreement(target, (first, second), len(shared), kappa))
    return out
