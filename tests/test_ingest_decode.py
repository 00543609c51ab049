"""decode.py and the Unicode clean-up: bytes in any of the expected encodings -> the same text."""

import codecs

import pytest

from corpuslens.ingest.decode import UnreadableFile, decode_bytes
from corpuslens.ingest.readers import parse_file
from corpuslens.textnorm import fold, normalize_text

TEXT = "Baku and Moscow signed a declaration on Feb. 22. İlham Əliyev spoke.\n"
RUSSIAN = "Москва и Баку подписали декларацию о союзническом взаимодействии.\nАлиев и Путин встретились."


def test_utf8_without_bom():
    decoded = decode_bytes(TEXT.encode("utf-8"))
    assert decoded.text == TEXT and decoded.encoding == "utf-8"


def test_utf8_with_bom_drops_the_bom():
    decoded = decode_bytes(codecs.BOM_UTF8 + TEXT.encode("utf-8"))
    assert decoded.text == TEXT and "BOM" in decoded.encoding


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_or_without_bom(codec):
    # "utf-16" writes a BOM; the -le/-be codecs do not, so the NUL pattern must reveal them.
    decoded = decode_bytes(TEXT.encode(codec))
    assert decoded.text == TEXT


def test_cp1251_russian():
    decoded = decode_bytes(RUSSIAN.encode("cp1251"))
    assert decoded.text == RUSSIAN and decoded.encoding == "cp1251"


def test_latin1_is_not_mistaken_for_russian():
    text = "Le café de la presse à Bakou, déjà fermé, était célèbre."
    decoded = decode_bytes(text.encode("latin-1"))
    assert decoded.text == text


def test_empty_file_is_refused():
    with pytest.raises(UnreadableFile, match="empty"):
        decode_bytes(b"")


def test_blank_file_is_refused():
    with pytest.raises(UnreadableFile, match="blank"):
        decode_bytes(b"  \n\n\t ")


@pytest.mark.parametrize(
    "data, words",
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (bytes(range(256)) * 4, "binary"),
        (b"text\x00\x01\x02\x03\xff\xfe\x00\x07 more", "binary"),
    ],
)
def test_binary_files_are_refused_with_a_reason(data, words):
    with pytest.raises(UnreadableFile, match=words):
        decode_bytes(data)


def test_nfc_normalisation():
    decomposed = "Əliyev e\u0301te\u0301"  # é as e + combining acute
    assert normalize_text(decomposed) == "Əliyev été"


def test_zero_width_and_soft_hyphens_removed():
    assert normalize_text("Naxçı\u00advan Az\u200berbai\u200djan\ufeff") == "Naxçıvan Azerbaijan"


def test_turkish_capital_dotted_i_folds_to_plain_i():
    folded = fold("İlham İSTANBUL")
    assert folded == "ilham istanbul" and "\u0307" not in folded


def test_reader_normalises_the_decoded_text():
    parsed = parse_file("Az\u200berbaijan and Bak\u00adu\n\nCafe\u0301 talks", ".txt")
    assert parsed.paragraphs == ["Azerbaijan and Baku", "Café talks"]
