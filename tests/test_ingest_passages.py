"""passages.py: sentences with abbreviations, initials and decimals; passages under the word limit."""

from corpuslens.ingest.passages import split_passages, split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_simple_sentences_and_spans():
    text = "Baku waits.  Moscow hesitates! Will Yerevan act? Nobody knows."
    assert sentences(text) == ["Baku waits.", "Moscow hesitates!", "Will Yerevan act?", "Nobody knows."]
    assert split_sentences(text)[0] == (0, 11)


def test_abbreviations_initials_and_decimals_do_not_split():
    text = (
        "Dr. Smith met V. Putin on Feb. 22 in Moscow. The U.S. Treasury reacted. "
        "Growth was 4.5 percent, i.e. Slower than planned. Sanctions were imposed by the U.S. The next day, prices rose."
    )
    assert sentences(text) == [
        "Dr. Smith met V. Putin on Feb. 22 in Moscow.",
        "The U.S. Treasury reacted.",
        "Growth was 4.5 percent, i.e. Slower than planned.",
        "Sanctions were imposed by the U.S.",
        "The next day, prices rose.",
    ]


def test_quotes_after_the_stop_and_lowercase_continuation():
    text = "“This is not about Azerbaijan,” Lavrov said. “We agree.” approx. ten people came."
    assert sentences(text) == ["“This is not about Azerbaijan,” Lavrov said.", "“We agree.” approx. ten people came."]


def test_short_paragraphs_are_passages():
    assert split_passages(["One paragraph.", "  ", "Another one."], 150) == ["One paragraph.", "Another one."]


def test_long_paragraph_is_split_at_sentence_boundaries_under_the_limit():
    sentence = "Moscow and Baku signed a declaration on allied interaction in February."  # 11 words
    paragraph = " ".join([sentence] * 40)  # 440 words
    passages = split_passages([paragraph], 150)
    assert len(passages) == 4
    assert all(len(p.split()) <= 150 for p in passages)
    assert all(p.endswith("February.") for p in passages)
    assert " ".join(passages) == paragraph


def test_a_sentence_longer_than_the_limit_is_cut_between_words():
    paragraph = " ".join(["word"] * 320) + "."
    passages = split_passages([paragraph], 150)
    assert [len(p.split()) for p in passages] == [150, 150, 20]
