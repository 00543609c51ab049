"""Hostile files: a corpus of bad files built here, each with its expected outcome, beside good files that
must always load. Scraped web pages are the normal input, so every case below is one we expect to meet.

The corpus uses the shipped lexicons (data/actors.yaml, data/themes.yaml), so actor ids are the real ones.
"""

from __future__ import annotations

import json
import random
import shutil
import time
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuslens.index import build, index_root, load_or_build
from corpuslens.ingest.dates import parse_date
from corpuslens.ingest.document import build_document
from corpuslens.ingest.readers import defuse_markup, read_html, read_markdown
from corpuslens.ingest.passages import split_sentences
from corpuslens.settings import MAX_FILE_BYTES, SHIPPED_DATA, IndexSettings
from corpuslens.textnorm import fold, normalize_text

SETTINGS = IndexSettings(n_topics=2)

GOOD_A = (
    "Baku and Moscow Talk Gas\n\n"
    "Russia and Azerbaijan discussed a new gas pipeline across the Caspian Sea during the autumn summit.\n\n"
    "Armenia watched the talks closely, worried about the balance of power in the South Caucasus.\n"
)
GOOD_B = (
    "Ankara's Long Game\n\n"
    "Turkey and Iran compete for influence along the Araxes river while the ceasefire holds.\n\n"
    "Erdogan met the Iranian president in Tehran to discuss trade routes and border crossings.\n"
)
LONG_ARTICLE = " ".join(
    f"Sentence {i} says that Russia, Azerbaijan and Armenia negotiate corridor number {i} with care." for i in range(60)
)
HOSTILE_HTML = """<html><head><title>Hostile &lt;HTML&gt; page</title>
<script>alert('head script')</script><style>body{display:none}</style></head>
<body onload="alert('onload handler')">
<h1>Hostile HTML</h1>
<p onclick="alert('click handler')">Putin visited Baku for talks <a href="javascript:alert('js link')">read more</a> today.</p>
<iframe src="https://evil.example/"><p>iframe fallback text</p></iframe>
<script>document.write('injected script')</script>
<img src=x onerror="alert('img handler')"><svg onload="alert('svg handler')"><text>svg text</text></svg>
<p>Armenia and the ceasefire were the <b onmouseover="alert('hover handler')">second</b> subject.</p>
</body></html>"""

# name -> content. Each case's expected outcome is asserted by the tests below.
FILES: dict[str, str | bytes] = {
    "good-a.txt": GOOD_A,
    "good-b.txt": GOOD_B,
    "empty.txt": b"",
    "blank.md": b"  \n\n\t \n",
    "binary.txt": bytes(range(256)) * 20,
    "pdf.txt": b"%PDF-1.7\n" + bytes(range(256)) * 4,
    "russian-cp1251.txt": (
        "Россия и Азербайджан\n\nПутин и Алиев встретились в Баку, чтобы обсудить газопровод и мирный процесс.\n"
    ).encode("cp1251"),
    "bom.txt": b"\xef\xbb\xbf" + "Gas Talks With a BOM\n\nPutin met Aliyev in Sochi to discuss the pipeline.\n".encode(),
    "utf16.txt": "Talks in Sochi, UTF-16\n\nIlham Aliyev met Putin in Sochi to discuss the corridor.\n".encode("utf-16"),
    "utf16-nobom.txt": "Border Talks Without a Byte Order Mark\n\nPashinyan met Putin in Moscow to discuss the border.\n".encode("utf-16-le"),
    "turkic.txt": "Bakı görüşü\n\nİlham Əliyev və Rəcəb Tayyib Ərdoğan İstanbulda görüşdülər, Şuşa haqqında danışdılar.\n",
    "zero-width.txt": "Invisible Characters\n\nPu\u200btin spoke with Ali\u00adyev and the Kre\u200dmlin about Ar\u2060menia.\n",
    "hostile.html": HOSTILE_HTML,
    "markdown-title.txt": "Russia & Azerbaijan: *Partners* or [Rivals](javascript:x)? #1 <b>_Caspian_</b> `Deal`\n\n"
                          "Lavrov and Bayramov met in Moscow to discuss the peace treaty text.\n",
    "front-matter-title.md": "---\ntitle: \"**Baku** [x](javascript:alert(1)) <script>alert(2)</script> # _t_\"\n---\n"
                             "Lavrov and Bayramov met again in Baku to discuss the transport corridor.\n",
    "huge-token.txt": "One Enormous Token\n\n" + "abcdefghij" * 100_000 + "\n\nPutin spoke about this at length.\n",
    # Random high bytes with spaces read as cp1251 are all Cyrillic letters, but no words: not an article.
    "random-bytes.txt": bytes(random.Random(7).choices(list(range(0xC0, 0x100)) * 6 + [0x20] * 32, k=20_000)),
    "too-big.txt": b"Too big\n\n" + b"word " * (MAX_FILE_BYTES // 5 + 10),
    "zz-copy-exact.txt": GOOD_A.upper().replace("\n\n", "\n\n\n"),  # same words, other case and spacing
    "long.txt": "A Long Article on Corridors\n\n" + LONG_ARTICLE + "\n",
    "zz-long-near-copy.txt": "A Long Article on Corridors\n\n" + LONG_ARTICLE.replace("Sentence 30 says", "Line 30 says") + "\n",
    "impossible-date.md": "---\ntitle: An Impossible Date\ndate: 2023-02-30\n---\nPutin met Erdogan in Sochi to talk about grain.\n",
    "impossible-dateline.txt": "Another Impossible Date\n\nPublished: 2023-02-30\n\nErdogan met Putin in Sochi about wheat.\n",
    "ambiguous-date.md": "---\ntitle: An Ambiguous Date\ndate: 03/04/2020\n---\nPutin met Aliyev in Moscow about the border.\n",
}

UNREADABLE = {
    "empty.txt": "empty",
    "blank.md": "blank",
    "binary.txt": "binary",
    "pdf.txt": "PDF",
    "too-big.txt": "too large",
    "random-bytes.txt": "does not read as text",
}


@pytest.fixture(scope="module")
def hostile_data(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("hostile")
    raw = data / "raw"
    raw.mkdir()
    for name, content in FILES.items():
        (raw / name).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    for name in ("actors.yaml", "themes.yaml"):
        shutil.copy(SHIPPED_DATA / name, data / name)
    return data


@pytest.fixture(scope="module")
def index(hostile_data):
    started = time.perf_counter()
    built = build(hostile_data, SETTINGS)
    built.manifest["test_build_seconds"] = time.perf_counter() - started
    return built


def _doc(index, file: str) -> pd.Series:
    rows = index.docs[index.docs["file"] == file]
    assert len(rows) == 1, f"{file} is not a document"
    return rows.iloc[0]


def _passages(index, file: str) -> list[str]:
    row = int(index.docs.index[index.docs["file"] == file][0])
    return list(index.passages["text"][index.passages["doc"] == row])


def _actors_in(index, file: str) -> set[str]:
    row = int(index.docs.index[index.docs["file"] == file][0])
    rows = set(index.passages.index[index.passages["doc"] == row])
    ids = [a.id for a in index.actors]
    return {ids[a] for p, a in zip(index.mentions["passage"], index.mentions["actor"]) if p in rows}


# -- reported and skipped --------------------------------------------------------------------

def test_unreadable_files_are_reported_with_a_reason_and_the_rest_load(index):
    reasons = {s.file: s.reason for s in index.skipped}
    assert set(reasons) == set(UNREADABLE)
    for file, word in UNREADABLE.items():
        assert word.lower() in reasons[file].lower(), (file, reasons[file])
    loaded = set(index.docs["file"])
    assert loaded == set(FILES) - set(UNREADABLE)
    assert _passages(index, "good-a.txt") and _passages(index, "good-b.txt")


def test_a_file_over_the_limit_is_refused_before_reading_and_in_memory(index):
    assert "5 MB" in next(s.reason for s in index.skipped if s.file == "too-big.txt")
    with pytest.raises(Exception, match="too large"):
        build_document("x", "x.txt", b"a " * (MAX_FILE_BYTES // 2 + 1))


# -- read correctly ----------------------------------------------------------------------------

def test_cp1251_russian_is_read_and_its_actors_matched(index):
    doc = _doc(index, "russian-cp1251.txt")
    assert doc["encoding"] == "cp1251" and doc["title"] == "Россия и Азербайджан"
    assert "Путин и Алиев встретились в Баку" in _passages(index, "russian-cp1251.txt")[0]
    assert {"putin", "ilham-aliyev", "azerbaijan"} <= _actors_in(index, "russian-cp1251.txt")


@pytest.mark.parametrize("file, encoding", [("bom.txt", "utf-8 with BOM"), ("utf16.txt", "utf-16-le with BOM"),
                                            ("utf16-nobom.txt", "utf-16-le")])
def test_bom_and_utf16_are_decoded_without_stray_marks(index, file, encoding):
    doc = _doc(index, file)
    assert doc["encoding"] == encoding
    assert not doc["title"].startswith("\ufeff") and "\x00" not in " ".join(_passages(index, file))
    assert "putin" in _actors_in(index, file)


def test_turkish_and_azerbaijani_letters_match_the_actor(index):
    text = _passages(index, "turkic.txt")[0]
    assert text.startswith("İlham Əliyev")  # the letters themselves are kept
    assert "ilham-aliyev" in _actors_in(index, "turkic.txt")
    aliases = set(index.mentions["alias"])
    assert "İlham Əliyev" in aliases
    assert fold("İlham Əliyev") == "ilham əliyev"  # İ folds to i, not i + combining dot


def test_zero_width_characters_and_soft_hyphens_do_not_hide_names(index):
    text = _passages(index, "zero-width.txt")[0]
    assert text == "Putin spoke with Aliyev and the Kremlin about Armenia."
    assert {"putin", "ilham-aliyev", "russia", "armenia"} <= _actors_in(index, "zero-width.txt")


def test_html_scripts_handlers_iframes_and_javascript_links_never_become_text(index):
    doc = _doc(index, "hostile.html")
    passages = _passages(index, "hostile.html")
    assert passages == ["Putin visited Baku for talks read more today.",
                        "Armenia and the ceasefire were the second subject."]
    everything = json.dumps([passages, doc["title"], doc["removed"], doc["authors"], doc["publication"]],
                            ensure_ascii=False).lower()
    for bad in ("alert", "script", "document.write", "javascript", "onclick", "onerror", "onload", "onmouseover",
                "iframe fallback", "svg text", "display:none", "evil.example"):
        assert bad not in everything, bad
    assert doc["title"] == "Hostile <HTML> page"  # an entity in a title is text, shown escaped later


def test_markdown_control_characters_in_titles_are_kept_as_literal_text(index):
    assert _doc(index, "markdown-title.txt")["title"] == "Russia & Azerbaijan: *Partners* or [Rivals](javascript:x)? #1 <b>_Caspian_</b> `Deal`"
    assert _doc(index, "front-matter-title.md")["title"] == "**Baku** [x](javascript:alert(1)) <script>alert(2)</script> # _t_"


def test_a_one_megabyte_token_loads_in_bounded_time(index):
    passages = _passages(index, "huge-token.txt")
    assert len(passages[0]) == 1_000_000 and passages[1] == "Putin spoke about this at length."
    assert index.manifest["test_build_seconds"] < 30  # the whole hostile corpus; ~1 s on a laptop


def test_exact_and_near_duplicates_are_marked_and_kept_out_of_counts(index):
    exact, near = _doc(index, "zz-copy-exact.txt"), _doc(index, "zz-long-near-copy.txt")
    assert (exact["duplicate_kind"], exact["duplicate_of"]) == ("exact", _doc(index, "good-a.txt")["id"])
    assert (near["duplicate_kind"], near["duplicate_of"]) == ("near", _doc(index, "long.txt")["id"])
    assert exact["passages"] == near["passages"] == 0
    assert not index.live_docs[index.docs["file"].isin(["zz-copy-exact.txt", "zz-long-near-copy.txt"]).to_numpy()].any()


@pytest.mark.parametrize("file", ["impossible-date.md", "impossible-dateline.txt", "ambiguous-date.md"])
def test_impossible_and_ambiguous_dates_are_unknown(index, file):
    doc = _doc(index, file)
    assert doc["date"] is None and pd.isna(doc["year"])
    assert doc["provenance"]["date"] == "unknown"


def test_the_hostile_corpus_builds_into_an_index_on_disk_and_back(hostile_data):
    stored = load_or_build(hostile_data, SETTINGS)
    assert stored.n_passages > 10 and {s.file for s in stored.skipped} == set(UNREADABLE)


# -- linear time on hostile markup (each was quadratic: minutes for a 100 KB file) --------------

@pytest.mark.parametrize("name, suffix, unit", [
    ("markdown links", ".md", "[a"), ("markdown images", ".md", "!["), ("heading hashes", ".md", "#"),
    ("unclosed tags", ".html", "<a"), ("unclosed quoted attributes", ".html", "<a x='"),
    ("unclosed comments", ".html", "<!--"), ("periods after capitals", ".txt", "Mr. "),
])
def test_hostile_markup_is_read_in_linear_time(name, suffix, unit):
    body = unit * (200_000 // len(unit))
    data = ("# Title\n\nPutin met Aliyev.\n\n# " + body + " x\n\n" + body + "\n").encode()
    started = time.perf_counter()
    doc = build_document("d", "d" + suffix, data)
    for paragraph in doc.paragraphs:
        split_sentences(paragraph)
    assert time.perf_counter() - started < 5, name  # ~0.1 s; the quadratic versions took minutes


def test_defusing_keeps_real_tags_and_comments_and_escapes_stray_brackets():
    assert defuse_markup('<p class="a">x < y</p><!-- <b> -->') == '<p class="a">x &lt; y</p><!-- <b> -->'
    assert defuse_markup("a <!-- never closed <p>hidden") == "a "
    parsed = read_html("<p>3 < 4 and 5 > 4</p><p>a<b>bold</b></p>")
    assert parsed.paragraphs == ["3 < 4 and 5 > 4", "abold"]


def test_markdown_links_images_and_closing_hashes_still_read():
    parsed = read_markdown("# Title ##\n\nSee [the report](http://x.org) and ![a map](m.png) of C#.\n")
    assert parsed.heading == "Title"
    assert parsed.paragraphs == ["Title", "See the report and of C#."]


# -- the index on disk: damage beyond tests/test_index.py -----------------------------------------

SMALL = {"good-a.txt": GOOD_A, "good-b.txt": GOOD_B}


@pytest.fixture
def small_data(tmp_path, monkeypatch) -> Path:
    monkeypatch.delenv("CORPUSLENS_INDEX", raising=False)
    data = tmp_path / "data"
    (data / "raw").mkdir(parents=True)
    for name, content in SMALL.items():
        (data / "raw" / name).write_text(content, encoding="utf-8")
    return data


def _rewrite_manifest(folder: Path, change) -> None:
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    (folder / "manifest.json").write_text(json.dumps(change(manifest)), encoding="utf-8")


@pytest.mark.parametrize("damage", [
    pytest.param(lambda f: (f / "manifest.json").write_text("[1, 2, 3]"), id="manifest-not-an-object"),
    pytest.param(lambda f: (f / "manifest.json").write_bytes(b"\xff\xfe\x00garbage"), id="manifest-garbage"),
    pytest.param(lambda f: _rewrite_manifest(f, lambda m: {k: v for k, v in m.items() if k != "topic_terms"}),
                 id="manifest-missing-entry"),
    pytest.param(lambda f: _rewrite_manifest(f, lambda m: {**m, "themes": [{"label": "no id"}]}), id="manifest-bad-theme"),
    pytest.param(lambda f: _rewrite_manifest(f, lambda m: {**m, "actors": "not a list"}), id="manifest-bad-actors"),
    pytest.param(lambda f: pd.read_parquet(f / "passages.parquet").iloc[:1].to_parquet(f / "passages.parquet"),
                 id="tables-disagree"),
    pytest.param(lambda f: (f / "passages.parquet").write_bytes((f / "passages.parquet").read_bytes()[:64]),
                 id="truncated-table"),
    pytest.param(lambda f: (f / "arrays.npz").unlink(), id="missing-file"),
])
def test_a_damaged_index_with_a_matching_fingerprint_is_rebuilt_not_trusted(small_data, damage):
    first = load_or_build(small_data, SETTINGS)
    damage(first.path)
    again = load_or_build(small_data, SETTINGS)
    assert again.n_passages == first.n_passages == 4
    assert again.terms.shape == first.terms.shape and list(again.passages["text"]) == list(first.passages["text"])


def test_a_dead_builds_temporary_folder_is_removed_and_never_loaded(small_data):
    root = index_root(small_data)
    leftover = root / ".building-0123456789abcdef01234567-99999"
    leftover.mkdir(parents=True)
    (leftover / "passages.parquet").write_bytes(b"half written")
    index = load_or_build(small_data, SETTINGS)
    assert index.path != leftover and not leftover.exists()


# -- properties: text normalisation and date parsing ----------------------------------------------

_INVISIBLE_OR_CONTROL = set("\u200b\u200c\u200d\u2060\ufeff\u00ad") | {chr(c) for c in range(0x20) if chr(c) not in "\t\n"} \
    | {chr(c) for c in range(0x7f, 0xa0)}
_tricky = st.sampled_from(list("\u200b\u00ad\ufeff\u0301\u0307\r\n\t\x00\x85İıəƏ Σς\u00a0\u2003") + ["e\u200b\u0301"])
_texts = st.lists(st.text(max_size=20) | _tricky, max_size=30).map("".join)


@settings(max_examples=500, deadline=None)
@given(_texts)
def test_normalize_text_is_idempotent_and_leaves_no_invisible_or_control_characters(text):
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert not set(once) & _INVISIBLE_OR_CONTROL
    assert "\r" not in once


@settings(max_examples=500, deadline=None)
@given(_texts)
def test_fold_keeps_length_so_spans_stay_valid(text):
    assert len(fold(text)) == len(text)
    assert len(fold(normalize_text(text))) == len(normalize_text(text))


_date_parts = st.sampled_from(["2020", "1899", "2101", "02", "30", "13", "0", "31", "03/04/", "-", "/", ".", " ", ",",
                               "Feb", "ſept", "\u212aan", "May", "сентября", "published:", "T10:00Z", "st", "of",
                               "٢٠٢٠", "²", "\x00", "Maİ"])
_dates = st.lists(_date_parts, max_size=8).map("".join) | st.text(max_size=90)


@settings(max_examples=800, deadline=None)
@given(_dates, st.booleans())
def test_parse_date_never_raises_and_returns_none_or_a_valid_iso_date(text, allow_year):
    result = parse_date(text, allow_year=allow_year)
    if result is None:
        return
    parts = [int(p) for p in result.split("-")]
    assert len(parts) in ((1, 2, 3) if allow_year else (2, 3))
    assert 1900 <= parts[0] <= 2100
    if len(parts) >= 2:
        assert 1 <= parts[1] <= 12
    if len(parts) == 3:
        pd.Timestamp(year=parts[0], month=parts[1], day=parts[2])  # raises if the day does not exist


def test_the_cases_hypothesis_found_stay_fixed():
    assert parse_date("ſept 2020") == "2020-09"  # a long s matched "sept" case-insensitively, then a KeyError
    assert normalize_text("e\u200b\u0301") == "\u00e9"  # composed after the invisible character is gone
    assert parse_date("2023-02-30") is None and parse_date("03/04/2020") is None
