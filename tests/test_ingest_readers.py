"""readers.py: .txt paragraphs, Markdown front matter, HTML text and meta tags."""

from corpuslens.ingest.readers import parse_file, text_paragraphs


def test_plain_text_blank_lines_and_single_lines_make_paragraphs():
    text = "Title line\n\nFirst paragraph.\nSecond paragraph on its own line.\n\n\nThird."
    assert text_paragraphs(text) == ["Title line", "First paragraph.", "Second paragraph on its own line.", "Third."]


def test_hard_wrapped_block_is_one_paragraph():
    block = (
        "Azerbaijan is increasingly dissatisfied with the role Russia plays as a\n"
        "mediator in the conflict with Armenia over Nagorno-Karabakh, and the\n"
        "frustration in Baku is starting to seep out in public statements by\n"
        "officials."
    )
    assert text_paragraphs(block) == [" ".join(line.strip() for line in block.split("\n"))]


def test_markdown_front_matter_is_stated_metadata():
    text = (
        "---\ntitle: Moscow and Baku\nauthor: Jane Doe; John Roe\nsite: Caucasus Review\n"
        "date: 2021-05-04\nurl: https://example.org/a\n---\n# Moscow and Baku\n\nBody **text** with a [link](https://x.org).\n"
    )
    parsed = parse_file(text, ".md")
    assert parsed.stated_from == "front matter"
    assert parsed.stated == {
        "title": "Moscow and Baku",
        "authors": ["Jane Doe", "John Roe"],
        "publication": "Caucasus Review",
        "date": "2021-05-04",
        "url": "https://example.org/a",
    }
    assert parsed.heading == "Moscow and Baku"
    assert parsed.paragraphs == ["Moscow and Baku", "Body text with a link."]


def test_markdown_author_list_and_unparseable_date():
    parsed = parse_file("---\nauthors: [Jane Doe, John Roe]\ndate: sometime\n---\nText.\n", ".md")
    assert parsed.stated == {"authors": ["Jane Doe", "John Roe"]}


def test_markdown_without_front_matter_and_with_bad_yaml():
    assert parse_file("Just text.\n", ".md").stated == {}
    parsed = parse_file("---\ntitle: [unclosed\n---\nText.\n", ".md")
    assert parsed.stated == {} and parsed.paragraphs == ["Text."]
    assert parsed.removed and "not valid YAML" in parsed.removed[0][1]


def test_markdown_paragraph_is_its_block_whatever_the_line_breaks():
    # Markdown renders the lines of a block as one paragraph: a two-line hard wrap must not become two
    # paragraphs (the first of which could then be mistaken for a title and dropped).
    text = ("Putin and Aliyev met in Baku to discuss the ceasefire. The\ntalks covered arms sales.\n\n"
            "- first point\n- second point\ncontinued\n\n## Heading\nAfter the heading.")
    assert parse_file(text, ".md").paragraphs == [
        "Putin and Aliyev met in Baku to discuss the ceasefire. The talks covered arms sales.",
        "first point", "second point continued", "Heading", "After the heading."]


def test_markdown_images_are_removed_with_their_description():
    parsed = parse_file("Text before.\n\n![Aliyev and Putin in Moscow](pic.jpg)\n\nText after.", ".md")
    assert parsed.paragraphs == ["Text before.", "Text after."]
    assert ("Aliyev and Putin in Moscow", "image description") in parsed.removed


HTML = """<!doctype html><html><head>
<title>Moscow and Baku | Caucasus Review</title>
<meta property="og:title" content="Moscow and Baku">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2021-05-04T10:00:00+04:00">
<meta property="og:site_name" content="Caucasus Review">
<link rel="canonical" href="https://example.org/2021/05/04/moscow-baku/">
<style>body { color: red }</style>
<script>var tracking = "Sign up now";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Moscow and Baku</h1>
<p>First paragraph with <b>bold</b> &amp; entities.</p><div>Second<br>line break.</div>
<figure><img src="x.jpg"><figcaption>Putin and Aliyev, 2021</figcaption></figure>
<iframe src="https://ads.example.org">Ad text</iframe><noscript>Enable JavaScript</noscript>
<ul><li>Item one</li><li>Item two</li></ul></article>
<script>alert("x")</script></body></html>"""


def test_html_text_blocks_and_dropped_elements():
    parsed = parse_file(HTML, ".html")
    assert parsed.paragraphs == [
        "Moscow and Baku",
        "First paragraph with bold & entities.",
        "Second",
        "line break.",
        "Item one",
        "Item two",
    ]
    joined = " ".join(parsed.paragraphs)
    for hidden in ("color: red", "tracking", "Ad text", "Enable JavaScript", "alert", "Home"):
        assert hidden not in joined
    assert ("Home News", "navigation menu") in parsed.removed
    assert ("Putin and Aliyev, 2021", "image caption") in parsed.removed
    assert parsed.heading == "Moscow and Baku"


def test_html_meta_tags_are_stated_metadata():
    parsed = parse_file(HTML, ".html")
    assert parsed.stated_from == "html meta"
    assert parsed.stated == {
        "title": "Moscow and Baku",
        "authors": ["Jane Doe"],
        "date": "2021-05-04",
        "publication": "Caucasus Review",
        "url": "https://example.org/2021/05/04/moscow-baku/",
    }


def test_html_citation_tags_and_title_fallback():
    page = (
        "<html><head><title>Plain title</title>"
        '<meta name="citation_author" content="Doe, Jane"><meta name="citation_author" content="John Roe">'
        '<meta name="citation_publication_date" content="2019/03/02">'
        '<meta name="citation_journal_title" content="Caucasus Survey">'
        '<meta property="article:author" content="https://facebook.com/someone">'
        "</head><body><p>Text.</p></body></html>"
    )
    stated = parse_file(page, ".htm").stated
    assert stated == {
        "title": "Plain title",
        "authors": ["Jane Doe", "John Roe"],
        "date": "2019-03-02",
        "publication": "Caucasus Survey",
    }


def test_html_without_closing_head_keeps_body():
    parsed = parse_file("<html><head><title>T</title><body><p>Body text.</p>", ".html")
    assert parsed.paragraphs == ["Body text."]
