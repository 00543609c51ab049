"""catalog.py: non-empty catalog cells override extraction and are marked "catalog"."""

from pathlib import Path

from corpuslens.ingest.catalog import apply_catalog_row, match_rows, read_catalog
from corpuslens.model import Document


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "catalog.csv"
    path.write_text(text, encoding="utf-8")
    return path


def extracted() -> Document:
    return Document(
        id="a", file="a.txt", title="Extracted Title", authors=["Jane Doe"], publication=None,
        date="2020-09-25", year=2020,
        provenance={"title": "text", "authors": "text", "publication": "unknown", "date": "text", "year": "text", "url": "unknown"},
    )


def test_non_empty_cells_override_and_empty_cells_do_not(tmp_path):
    rows = read_catalog(write(tmp_path, "file,title,authors,publication,date,year,url,note\na.txt,,Ann Lee; Bo Kim,Caspian Review,,,,inferred\n"))
    doc = extracted()
    apply_catalog_row(doc, rows["a.txt"])
    assert doc.title == "Extracted Title" and doc.provenance["title"] == "text"
    assert doc.authors == ["Ann Lee", "Bo Kim"] and doc.provenance["authors"] == "catalog"
    assert doc.publication == "Caspian Review" and doc.provenance["publication"] == "catalog"
    assert doc.date == "2020-09-25" and doc.provenance["date"] == "text"


def test_catalog_date_sets_year_and_conflicting_year_clears_a_wrong_date(tmp_path):
    doc = extracted()
    apply_catalog_row(doc, {"date": "2018-09"})
    assert (doc.date, doc.year, doc.provenance["date"], doc.provenance["year"]) == ("2018-09", 2018, "catalog", "catalog")
    doc = extracted()
    apply_catalog_row(doc, {"year": "2019"})
    assert doc.year == 2019 and doc.provenance["year"] == "catalog"
    assert doc.date is None and doc.provenance["date"] == "unknown"


def test_bad_cells_are_ignored(tmp_path):
    doc = extracted()
    apply_catalog_row(doc, {"date": "autumn", "year": "soon"})
    assert doc.date == "2020-09-25" and doc.year == 2020


def test_missing_or_malformed_catalog_is_empty(tmp_path):
    assert read_catalog(None) == {}
    assert read_catalog(tmp_path / "nope.csv") == {}
    assert read_catalog(write(tmp_path, "name,title\na.txt,T\n")) == {}


def test_rows_match_by_path_or_unique_bare_name():
    catalog = {"sub/a.txt": {"title": "A"}, "b.txt": {"title": "B"}, "c.txt": {"title": "C"}}
    files = ["sub/a.txt", "x/b.txt", "x/c.txt", "y/c.txt"]
    assert match_rows(catalog, files) == {"sub/a.txt": {"title": "A"}, "x/b.txt": {"title": "B"}}


def test_shipped_catalog_has_the_five_seeds():
    rows = read_catalog(Path(__file__).resolve().parent.parent / "data" / "catalog.csv")
    assert len(rows) == 5
    assert rows["001_489cb9a690cde467.txt"]["authors"] == "Sergey Markedonov"
    assert "title" not in rows["004_76dbbdf7f2186f01.txt"]
    assert all(row.get("note") for row in rows.values())
