"""ingest_folder end to end: the shipped seeds, a folder of HTML pages, unreadable files, safety, ids."""

import os
import time
from pathlib import Path

import pytest

from corpuslens.ingest import ingest_folder, split_passages
from corpuslens.settings import MAX_FILE_BYTES, IndexSettings

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"
SETTINGS = IndexSettings()
PROSE = (
    "Azerbaijan is increasingly dissatisfied with Russia’s role as a mediator in the conflict with Armenia over "
    "Nagorno-Karabakh, and the frustration in Baku is starting to seep out in public statements."
)
FURNITURE = [
    "Placeholder canvas", "Home /", "Categories", "Sign up", "is a policy analyst", "Academy Associate",
    "Associate Professor", "(Source:", "/ President.Az", "Blog posts", "Support Eurasianet",
]


def by_prefix(result):
    return {doc.file[:3]: doc for doc in result.documents}


def test_seeds_without_catalog_give_the_stated_metadata_and_no_furniture():
    result = ingest_folder(RAW, None, SETTINGS)
    assert result.skipped == []
    docs = by_prefix(result)
    assert sorted(docs) == ["000", "001", "002", "003", "004"]

    d = docs["000"]
    assert d.title == "Russia, Azerbaijan Improve Relations Amidst Centrifugal Tendencies in Armenia"
    assert d.publication == "Eurasia Daily Monitor" and d.authors == [] and d.date is None and d.year is None
    assert d.provenance["authors"] == d.provenance["date"] == "unknown"

    d = docs["001"]
    assert d.title == "Balancing Is Inevitable. What Aliyev and Putin Agreed in Baku"
    assert d.authors == ["Sergey Markedonov"] and d.date is None

    d = docs["002"]
    assert d.title == "Putin’s War in Ukraine Is Putting Azerbaijan in a Bind"
    assert d.publication == "World Politics Review" and d.authors == ["Fuad Shahbazov"] and d.date is None

    d = docs["003"]
    assert d.title == "Russia Seeks to Break the Ice in Relations with Azerbaijan"
    assert d.authors == ["Ceyhun Mahmudlu"] and d.date == "2020-09-25" and d.year == 2020
    assert d.provenance["date"] == "text"

    d = docs["004"]
    assert d.title is None and d.provenance["title"] == "unknown"
    assert d.authors == ["Zaur Shiriyev"] and d.publication == "Eurasianet" and d.date is None

    for doc in result.documents:
        assert doc.duplicate_of is None and doc.encoding == "utf-8"
        for paragraph in doc.paragraphs:
            for noise in FURNITURE:
                assert noise not in paragraph, (doc.file, noise)
        assert doc.removed and all(reason for _, reason in doc.removed)
    caption = "President Ilham Aliyev and President Vladimir Putin sign"
    assert not any(p.startswith(caption) for p in docs["002"].paragraphs)
    assert sum(text.startswith(caption) for text, _ in docs["002"].removed) == 2
    # The one-paragraph article keeps its body and loses only the author note at its end.
    assert len(docs["001"].paragraphs) == 1 and docs["001"].paragraphs[0].endswith("between Moscow and Yerevan.")
    passages = split_passages(docs["001"].paragraphs, SETTINGS.max_passage_words)
    assert len(passages) >= 8 and all(len(p.split()) <= SETTINGS.max_passage_words for p in passages)


def test_seeds_with_the_catalog():
    result = ingest_folder(RAW, ROOT / "data" / "catalog.csv", SETTINGS)
    docs = by_prefix(result)
    assert [docs[k].year for k in sorted(docs)] == [2018, 2018, 2022, 2020, 2017]
    assert docs["001"].publication == "Eurasia.Expert" and docs["001"].provenance["publication"] == "catalog"
    assert docs["000"].authors == [] and docs["000"].provenance["authors"] == "unknown"
    assert docs["003"].date == "2020-09-25" and docs["003"].provenance["date"] == "catalog"
    assert docs["004"].title is None and docs["004"].provenance["title"] == "unknown"
    assert docs["002"].provenance["title"] == "catalog"


def test_seed_ids_and_files():
    result = ingest_folder(RAW, None, SETTINGS)
    assert [d.id for d in result.documents] == [p.stem for p in sorted(RAW.iterdir())]
    assert [d.file for d in result.documents] == [p.name for p in sorted(RAW.iterdir())]


def page(title: str, body: str, meta: str = "") -> str:
    return f"<html><head><title>{title}</title>{meta}</head><body><nav>Home News</nav><h1>{title}</h1>{body}</body></html>"


def test_folder_of_html_pages_gets_stated_metadata_and_nothing_invented(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.html").write_text(page(
        "Moscow and Baku",
        f"<p>{PROSE}</p><p>Talks resumed on 12 March 2019 in Moscow, as Lavrov had promised.</p>",
        '<meta name="author" content="Jane Doe"><meta property="article:published_time" content="2021-05-04T10:00:00Z">'
        '<meta property="og:site_name" content="Caucasus Review"><meta property="og:url" content="https://cr.example/a">',
    ), encoding="utf-8")
    (raw / "b.htm").write_text(page("Only a Title", f"<p>{PROSE} On 1 September 2018 nothing happened.</p>"), encoding="utf-8")
    (raw / "c.html").write_text(page(
        "Dated by URL", f"<p>{PROSE} Another sentence here.</p>",
        '<link rel="canonical" href="https://news.example/2020/09/25/dated/">',
    ), encoding="utf-8")
    docs = {d.file: d for d in ingest_folder(raw, None, SETTINGS).documents}

    a = docs["a.html"]
    assert (a.title, a.authors, a.publication, a.date, a.year, a.url) == (
        "Moscow and Baku", ["Jane Doe"], "Caucasus Review", "2021-05-04", 2021, "https://cr.example/a")
    assert a.provenance == {"title": "html meta", "authors": "html meta", "publication": "html meta",
                            "date": "html meta", "year": "html meta", "url": "html meta"}
    assert a.paragraphs[0] == PROSE and ("Home News", "navigation menu") in a.removed

    b = docs["b.htm"]
    assert b.title == "Only a Title" and b.provenance["title"] == "html meta"
    assert (b.authors, b.publication, b.date, b.year, b.url) == ([], None, None, None, None)
    assert {b.provenance[k] for k in ("authors", "publication", "date", "year", "url")} == {"unknown"}

    c = docs["c.html"]
    assert c.date == "2020-09-25" and c.provenance["date"] == "url" and c.authors == []


def test_unreadable_files_are_reported_and_the_rest_load(tmp_path):
    raw = tmp_path / "raw"
    (raw / "sub" / "deeper").mkdir(parents=True)
    (raw / "good.txt").write_text(f"A Good Title\n\n{PROSE}", encoding="utf-8")
    (raw / "sub" / "deeper" / "russian.txt").write_bytes(("Москва и Баку\n\n" + "Москва и Баку подписали декларацию. " * 5).encode("cp1251"))
    (raw / "sub" / "utf16.md").write_bytes(f"# Heading\n\n{PROSE}".encode("utf-16"))
    (raw / "empty.txt").write_bytes(b"")
    (raw / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (raw / "pdf.txt").write_bytes(b"%PDF-1.4 binary")
    (raw / "big.txt").write_bytes(b"a" * (MAX_FILE_BYTES + 1))
    (raw / "notes.docx").write_bytes(b"PK\x03\x04")
    (raw / "furniture-only.txt").write_text("Placeholder canvas\n\nShare on Facebook\n", encoding="utf-8")
    (raw / ".DS_Store").write_bytes(b"\x00\x00")

    result = ingest_folder(raw, None, SETTINGS)
    assert [d.file for d in result.documents] == ["good.txt", "sub/deeper/russian.txt", "sub/utf16.md"]
    assert [d.id for d in result.documents] == ["good", "sub-deeper-russian", "sub-utf16"]
    assert result.documents[1].encoding == "cp1251" and result.documents[1].title == "Москва и Баку"
    assert result.documents[2].title == "Heading"
    reasons = {s.file: s.reason for s in result.skipped}
    assert set(reasons) == {"empty.txt", "binary.txt", "pdf.txt", "big.txt", "notes.docx", "furniture-only.txt"}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "PDF" in reasons["pdf.txt"]
    assert "too large" in reasons["big.txt"] and "MB" in reasons["big.txt"]
    assert "not an article type" in reasons["notes.docx"]
    assert "no article text" in reasons["furniture-only.txt"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_links_out_of_the_folder_are_not_followed(tmp_path):
    outside = tmp_path / "secret"
    outside.mkdir()
    (outside / "secret.txt").write_text(f"Secret Title\n\n{PROSE}", encoding="utf-8")
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "real.txt").write_text(f"Real Title\n\n{PROSE}", encoding="utf-8")
    os.symlink(outside / "secret.txt", raw / "link.txt")
    os.symlink(outside, raw / "linked-folder")
    result = ingest_folder(raw, None, SETTINGS)
    assert [d.file for d in result.documents] == ["real.txt"]
    reasons = {s.file: s.reason for s in result.skipped}
    assert "outside" in reasons["link.txt"] and "not followed" in reasons["linked-folder"]


def test_ids_are_unique_url_safe_slugs(tmp_path):
    raw = tmp_path / "raw"
    (raw / "Sub Folder").mkdir(parents=True)
    for name in ("Ünïcode Name!.txt", "a.txt", "a.md", "Sub Folder/x y.txt", "Москва.txt"):
        (raw / name).write_text(f"Title Line Here\n\n{PROSE} {name}", encoding="utf-8")
    docs = ingest_folder(raw, None, SETTINGS).documents
    ids = [d.id for d in docs]
    assert len(set(ids)) == len(ids)
    assert all(id_ and set(id_) <= set("abcdefghijklmnopqrstuvwxyz0123456789_-") for id_ in ids)
    assert {d.file: d.id for d in docs}["Sub Folder/x y.txt"] == "sub-folder-x-y"
    assert {"a", "a-2"} <= set(ids)


def test_unicode_is_normalised_on_the_way_in(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "u.txt").write_text("A Plain Title\n\nİlham Əliyev met e\u0301lites in Bak\u00adu and Mosc\u200bow today, said the minister.", encoding="utf-8")
    doc = ingest_folder(raw, None, SETTINGS).documents[0]
    assert doc.paragraphs == ["İlham Əliyev met élites in Baku and Moscow today, said the minister."]


def test_copies_in_the_folder_are_marked(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    text = f"A Plain Title\n\n{PROSE}\n\n" + " ".join(f"Sentence number {i} about Baku and Moscow." for i in range(60))
    (raw / "1.txt").write_text(text, encoding="utf-8")
    (raw / "2.md").write_text(text.upper(), encoding="utf-8")
    (raw / "3.txt").write_text(text.replace("number 7 ", "number seven "), encoding="utf-8")
    docs = ingest_folder(raw, None, SETTINGS).documents
    assert [(d.duplicate_of, d.duplicate_kind) for d in docs] == [(None, None), ("1", "exact"), ("1", "near")]


def test_ingest_time_grows_linearly_with_the_number_of_articles(tmp_path):
    """2,000 articles take about four times as long as 500, not sixteen times (speed itself is `make bench`'s)."""
    seeds = [p.read_bytes() for p in sorted(RAW.iterdir())]

    def ingest_time(n: int) -> float:
        raw = tmp_path / f"raw{n}"
        raw.mkdir()
        for i in range(n):
            (raw / f"{i:05d}.txt").write_bytes(seeds[i % 5] + f"\n\nUnique closing line {i} about Baku.".encode())
        started = time.perf_counter()
        result = ingest_folder(raw, None, SETTINGS)
        assert len(result.documents) == n and sum(d.duplicate_of is None for d in result.documents) == 5
        return time.perf_counter() - started

    small, large = ingest_time(500), ingest_time(2000)
    assert large < 7 * small + 1.0, (small, large)
