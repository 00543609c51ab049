"""Turn a file's bytes into text, or say in plain words why they are not text.

Order of evidence, strongest first: a byte-order mark (UTF-8, UTF-16, UTF-32); the NUL pattern
of BOM-less UTF-16 (every other byte zero in ASCII-heavy text); strict UTF-8 (what almost every
file is); Windows-1251 when the non-ASCII bytes read as Russian letters (the usual legacy encoding
for Russian articles, and one that a statistical detector confuses with its neighbours on short
texts); Windows-1252 when every non-ASCII character reads as a common Western European letter;
charset-normalizer for anything else. Known binary signatures, stray NUL bytes and text
full of control characters are rejected as not being articles.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes


class UnreadableFile(ValueError):
    """Raised with a reason a person understands ("looks like a PDF document, not text")."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SIGNATURES = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or an Office document (.docx/.xlsx)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document (.doc/.xls)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x7fELF", "a program (ELF executable)"),
    (b"MZ\x90\x00", "a Windows program"),
)
_WESTERN = frozenset(
    "àâäæçéèêëîïôœùûüÿÀÂÄÆÇÉÈÊËÎÏÔŒÙÛÜŸáíóúñÁÍÓÚÑãõÃÕßöÖåÅ‘’“”–—…€«»°©®·§\u00a0"
)
# Control characters other than tab, newline, carriage return and form feed (C0, DEL and C1).
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_CYRILLIC_RUN = re.compile("[\u0400-\u04ff]{2,}")


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs sit at one parity of mostly-ASCII text, else None."""
    sample = data[:4096]
    half = len(sample) // 2
    if half < 2:
        return None
    zeros_even = sample[0::2].count(0) / half
    zeros_odd = sample[1::2].count(0) / half
    if zeros_odd > 0.3 and zeros_even < 0.05:
        return "utf-16-le"
    if zeros_even > 0.3 and zeros_odd < 0.05:
        return "utf-16-be"
    return None


def _reads_as_russian(data: bytes) -> str | None:
    """The cp1251 reading of `data` if it reads as Cyrillic words.

    Latin-1 accented letters also decode to Cyrillic in cp1251, but one at a time inside Latin words
    ("cafй"); Russian text gives runs of Cyrillic letters, which is what is checked."""
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        return None
    cyrillic = len(_CYRILLIC.findall(text))
    if not cyrillic:
        return None
    in_runs = sum(len(run) for run in _CYRILLIC_RUN.findall(text))
    return text if in_runs / cyrillic >= 0.9 else None


def _reads_as_western(data: bytes) -> str | None:
    """The cp1252 reading of `data` if every non-ASCII character is a common Western European letter
    or typographic sign (charset-normalizer often calls short French or German text Baltic)."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    return text if all(ch in _WESTERN for ch in text if ord(ch) > 127) else None


def _control_share(text: str) -> float:
    sample = text[:20000]
    return len(_CONTROL.findall(sample)) / len(sample) if sample else 0.0


def _checked(text: str, encoding: str, guessed: bool = False) -> Decoded:
    if "\x00" in text or _control_share(text) > 0.02:
        raise UnreadableFile(f"looks like a binary file, not text (decoded as {encoding} it is full of control characters)")
    if not text.strip():
        raise UnreadableFile("the file holds only blank space")
    if guessed and (problem := _not_words(text)):
        raise UnreadableFile(f"does not read as text in any language (decoded as {encoding}, {problem})")
    return Decoded(text, encoding)


# Bytes that are not text still decode in some single-byte encoding; what comes out is not words.
MIN_LETTER_SHARE = 0.5  # of the non-space characters; article text is ~80%, HTML ~60%
MAX_ONE_CHARACTER_SHARE = 0.3  # of the non-space characters; 'e' is ~12% of English letters
MIN_COMMON_WORD_SHARE = 0.1  # stopwords are 30-50% of running text; random letters hit a few by chance


def _not_words(text: str) -> str | None:
    sample = "".join(text[:20000].split())
    if len(sample) < 200 or sample.count("<") > 0.005 * len(sample):
        return None  # markup: its visible text is judged once the page is read
    letters = sum(ch.isalpha() for ch in sample)
    if letters < MIN_LETTER_SHARE * len(sample):
        return f"only {letters / len(sample):.0%} of its characters are letters"
    most = max(set(sample), key=sample.count)
    if sample.count(most) > MAX_ONE_CHARACTER_SHARE * len(sample):
        return f"one character, {most!r}, makes up {sample.count(most) / len(sample):.0%} of it"
    from corpuslens.ingest.boilerplate import page_stoplist, stopword_share

    words = text[:20000].split()
    if len(words) >= 50 and sum(map(len, words)) / len(words) < 15:
        # Random high bytes read as cp1251 are all Cyrillic letters; only real text has "и", "в", "the", "of".
        share = stopword_share(text[:20000], page_stoplist([text[:20000]]))
        if share < MIN_COMMON_WORD_SHARE:
            return f"only {share:.0%} of its words are common words of a language"
    return None


def decode_bytes(data: bytes) -> Decoded:
    """The text of `data` and the encoding used; raises UnreadableFile with the reason."""
    if not data:
        raise UnreadableFile("the file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data[len(bom):].decode(encoding), encoding.replace("-sig", "") + " with BOM")
            except UnicodeDecodeError:
                raise UnreadableFile(f"it starts with a {encoding} byte-order mark but is not valid {encoding}") from None
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise UnreadableFile(f"looks like {kind}, not a text article")
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return _checked(data.decode(utf16), utf16)
        except UnicodeDecodeError:
            raise UnreadableFile(f"looks like {utf16} text without a byte-order mark but does not decode") from None
    if b"\x00" in data:
        raise UnreadableFile("looks like a binary file, not text (it contains NUL bytes)")
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    russian = _reads_as_russian(data)
    if russian is not None:
        return _checked(russian, "cp1251", guessed=True)
    western = _reads_as_western(data)
    if western is not None:
        return _checked(western, "cp1252", guessed=True)
    best = from_bytes(data[:200_000]).best()
    if best is None or not best.encoding:
        raise UnreadableFile("its text encoding could not be worked out (not UTF-8, UTF-16 or a known legacy encoding)")
    try:
        return _checked(data.decode(best.encoding), best.encoding, guessed=True)
    except (UnicodeDecodeError, LookupError):
        raise UnreadableFile(f"its text encoding could not be worked out (best guess {best.encoding} fails)") from None
