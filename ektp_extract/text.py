"""Decoding, normalisation with an offset map, masking, paragraphs and sentences.

The extractor never works on the input directly: it works on a *working text*
of the same length as a normalised copy of the input, in which quotes, dashes
and spaces are unified and boilerplate, HTML tags and header lines are blanked
out with spaces. Every position in the working text maps back to the original
string through :meth:`Prepared.to_source`, so spans always satisfy
``source[start:end] == text``.
"""

from __future__ import annotations

from typing import Final

import html
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from operator import itemgetter

import regex

from .errors import DecodeFailure

# One-to-one replacements: the working text keeps the input's length for these.
_TRANSLATE: Final = {
    **{ord(c): '"' for c in "\u201c\u201d\u201e\u201f\u2033"},
    **{ord(c): "'" for c in "\u2018\u2019\u201a\u201b\u2032\u0060\u00b4"},
    **{ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"},
    **{ord(c): " " for c in "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
       "\u2009\u200a\u202f\u205f\u3000\t\x0b\x0c"},
    ord("\r"): "\n",
    ord("\u2026"): ".",  # ellipsis kept one character long
    ord("\u2028"): "\n",
    ord("\u2029"): "\n",
}
_DELETE: Final = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")

_BINARY_CONTROL: Final = regex.compile(r"[\x00-\x08\x0e-\x1f]")


@dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def decode(data: bytes | str) -> Decoded:
    """Turn bytes into text: UTF-8, UTF-8 with BOM, then cp1252 / latin-1 with a warning.

    Raises :class:`DecodeFailure` for binary data (NUL bytes or many control
    characters), which callers report instead of extracting from.
    """
    if isinstance(data, str):
        return Decoded(data, "str")
    head = data[:8192]
    if b"\x00" in head and not (head.startswith((b"\xff\xfe", b"\xfe\xff"))):
        raise DecodeFailure("binary", "input contains NUL bytes: not a text file")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Decoded(data.decode("utf-16"), "utf-16", ["decoded as UTF-16"])
        except UnicodeDecodeError as exc:
            raise DecodeFailure("undecodable", f"UTF-16 BOM but invalid data: {exc}") from None
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return Decoded(data[3:].decode("utf-8"), "utf-8-sig")
        except UnicodeDecodeError:
            pass
    try:
        text = data.decode("utf-8")
        enc = "utf-8"
        warns: list[str] = []
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
            enc = "cp1252"
        except UnicodeDecodeError:
            text = data.decode("latin-1")
            enc = "latin-1"
        warns = [f"input is not valid UTF-8; decoded as {enc}"]
    sample = text[:8192]
    if sample and len(_BINARY_CONTROL.findall(sample)) > max(8, len(sample) // 50):
        raise DecodeFailure("binary", "input has many control characters: not a text file")
    return Decoded(text, enc, warns)


@dataclass
class Prepared:
    """The original string, its normalised copy and the map between them."""

    source: str
    norm: str
    _map: list[int] | None  # norm index → source index; None when identity

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) range of the normalised text to the source."""
        if self._map is None:
            return start, end
        if end <= start:
            s = self._map[start]
            return s, s
        return self._map[start], self._map[end - 1] + 1


_TRANSLATE_STR: Final = {k: v for k, v in _TRANSLATE.items() if k != ord("\r")}
_LONE_CR: Final = regex.compile(r"\r(?!\n)")
#: ASCII characters that ``_TRANSLATE_STR`` replaces (with the replacement), checked with ``in``.
_ASCII_SWAPS: Final = tuple((chr(k), v) for k, v in _TRANSLATE_STR.items() if k < 128)
_ASCII_BYTES: Final = bytes(range(128))


def _non_ascii(source: str, utf8: bytes | None = None) -> set[str]:
    """The distinct non-ASCII characters of ``source``; ``utf8``: its UTF-8 bytes
    (``surrogatepass``) when the caller has them.

    UTF-8 bytes with the ASCII bytes deleted decode to just those characters:
    a few C passes, much cheaper than ``set(source)`` over the whole text.
    """
    if utf8 is None:
        utf8 = source.encode("utf-8", "surrogatepass")
    raw = utf8.translate(None, _ASCII_BYTES)
    return set(raw.decode("utf-8", "surrogatepass"))


def normalise(source: str, utf8: bytes | None = None) -> Prepared:
    """Unicode-normalise ``source`` keeping a per-character offset map.

    Fast path (nearly every article): every change is one character for one
    character, so offsets are the identity and each character present that
    changes is swapped with ``str.replace`` (no replacement is itself replaced,
    so this equals one ``str.translate`` and costs far less).
    ``\r\n`` becomes `` \n`` (a space before the newline) to keep the length.
    The slow path, with a real offset map, runs only when a character is deleted
    (zero-width spaces, soft hyphens, a BOM) or expands under NFKC (ligatures).
    ``utf8``: ``source.encode("utf-8", "surrogatepass")`` when the caller has it
    (the extractor hashes those bytes), so that it is not encoded twice.
    """
    if source.isascii():
        if "\r" not in source and "\t" not in source and "`" not in source:
            return Prepared(source, source, None)
        others: set[str] = set()
    else:
        others = _non_ascii(source, utf8)
    swaps: list[tuple[str, str]] = [(a, b) for a, b in _ASCII_SWAPS if a in source]
    for ch in others:
        rep = _TRANSLATE_STR.get(ord(ch))
        if rep is None:
            if ch in _DELETE:
                return _normalise_mapped(source)
            n = unicodedata.normalize("NFKC", ch)
            if len(n) != 1:
                return _normalise_mapped(source)
            if n == ch:
                continue
            rep = _TRANSLATE.get(ord(n), n)
        swaps.append((ch, rep))
    text = source
    if "\r" in text:
        text = _LONE_CR.sub("\n", text)
        swaps.append(("\r", " "))
    for a, b in swaps:
        text = text.replace(a, b)
    return Prepared(source, text, None)


def _normalise_mapped(source: str) -> Prepared:
    out: list[str] = []
    omap: list[int] = []
    for i, ch in enumerate(source):
        if ch in _DELETE:
            continue
        rep = _TRANSLATE.get(ord(ch))
        if rep is not None:
            if ch == "\r" and i + 1 < len(source) and source[i + 1] == "\n":
                continue  # \r\n → \n (the \n is kept)
            out.append(rep)
            omap.append(i)
            continue
        if ord(ch) < 128:
            out.append(ch)
            omap.append(i)
            continue
        n = unicodedata.normalize("NFKC", ch)
        if len(n) == 1 or not n:
            out.append(_TRANSLATE.get(ord(n), n) if n else " ")
            omap.append(i)
        else:
            for c in n:
                out.append(_TRANSLATE.get(ord(c), c))
                omap.append(i)
    omap.append(len(source))
    return Prepared(source, "".join(out), omap)


#: Up to this length a blank rebuilds the working text as a string (a few slices
#: and one copy); longer texts are edited as a list of characters, so that many
#: blanks on a huge input stay linear.
_SPLICE_MAX: Final = 20_000


def _spaces(seg: str) -> str:
    """``seg`` with every character but newlines made a space."""
    if "\n" not in seg:
        return " " * len(seg)
    return "\n".join(" " * len(part) for part in seg.split("\n"))


class Mask:
    """A mutable working text: regions can be blanked out without moving offsets."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._chars: list[str] | None = None  # list form, while edited character by character
        self.regions: list[tuple[int, int, str]] = []

    def _edit(self) -> list[str]:
        if self._chars is None:
            self._chars = list(self._text)
        return self._chars

    def blank(self, start: int, end: int, reason: str) -> None:
        """Replace [start, end) by spaces, keeping newlines."""
        if end <= start:
            return
        chars = self._chars
        if chars is None and len(self._text) <= _SPLICE_MAX:
            t = self._text
            if start < 0 or end > len(t):
                raise IndexError("blank range outside the text")
            self._text = t[:start] + _spaces(t[start:end]) + t[end:]
        else:
            chars = self._edit()
            for i in range(start, end):
                if chars[i] != "\n":
                    chars[i] = " "
        self.regions.append((start, end, reason))

    def put(self, pos: int, ch: str) -> None:
        """Set the character at ``pos`` (HTML: a newline for a block tag, an entity's character)."""
        self._edit()[pos] = ch

    def text(self) -> str:
        if self._chars is not None:
            self._text = "".join(self._chars)
            self._chars = None
        return self._text


_TAG: Final = regex.compile(
    r"<(script|style)\b[^>]*>.*?</\1\s*>|<!--.*?-->|</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]{0,2000})?/?>",
    regex.S | regex.I,
)
_ENTITY: Final = regex.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")


def looks_like_html(text: str) -> bool:
    """True when the text carries enough markup to be a pasted page."""
    sample = text[:20000]
    tags = len(_TAG.findall(sample, timeout=1.0))
    return tags >= 3 and (regex.search(r"<(html|body|div|p|br|span|a)\b", sample, regex.I) is not None)


def blank_html(norm: str, mask: Mask) -> None:
    """Blank tags and replace entities in place (the entity's first char carries it)."""
    mask._edit()  # many small edits: character by character
    for m in _TAG.finditer(norm, timeout=5.0):
        mask.blank(m.start(), m.end(), "html")
        # block-level tags end a paragraph
        if regex.match(r"</?(p|div|br|li|h[1-6]|tr|section|article)\b", m.group(0), regex.I):
            mask.put(m.start(), "\n")
    for m in _ENTITY.finditer(norm):
        ch = html.unescape(m.group(0))
        if len(ch) == 1:
            ch = _TRANSLATE.get(ord(ch), ch)
            mask.blank(m.start(), m.end(), "entity")
            mask.put(m.start(), ch)


# Whitespace as the `regex` module's \s has it (str.isspace() minus \x1c-\x1f), for stdlib `re`.
_WS: Final = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# A line without its surrounding spaces (blanked lines are all spaces and give none): the scan
# skips spaces and newlines to a line's first other character, then runs to its last.
_LINE: Final = re.compile(rf"[^{_WS}](?:[^\n]*[^{_WS}])?")


#: Compass words that close a place named after another (``Seram Timur``, ``Kendal Selatan``):
#: districts and villages so named are often missing from the gazetteer (officials, agencies).
COMPASS_WORDS: Final = frozenset({"Timur", "Barat", "Utara", "Selatan", "Tengah"})


def one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by exactly one substitution, insertion, deletion
    or swap of neighbours (linear, no table)."""
    la, lb = len(a), len(b)
    if a == b or abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (len(diff) == 2 and diff[1] == diff[0] + 1
                and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    if la < lb:
        a, b, la, lb = b, a, lb, la
    i = 0
    while i < lb and a[i] == b[i]:
        i += 1
    return a[i + 1:] == b[i:]


def lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, stripped of surrounding spaces."""
    return [m.span() for m in _LINE.finditer(text)]


_END: Final = itemgetter(1)


def relines(text: str, old: list[tuple[int, int]], blanked: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``lines(text)`` from ``old = lines(before)``, where ``text`` is ``before`` with the
    ``blanked`` ranges made spaces, newlines kept (:meth:`Mask.blank`).

    Blanking turns characters into spaces and leaves every newline: a line it does not
    touch keeps its bounds (the spaces around it stay spaces), a line it covers is gone,
    and a line it touches in part is the same stretch between two newlines stripped
    again (or gone when all of it is blank). Only those lines are read, and most
    blanks cover whole lines (tests/test_document.py compares it with ``lines``)."""
    out: list[tuple[int, int]] = []
    n = len(old)
    k = 0  # the next old line not yet copied or re-read
    search = _LINE.search
    for a, b in sorted(blanked):
        i = bisect_right(old, a, k, n, key=_END)  # the first line ending after a
        if i >= n or old[i][0] >= b:
            continue  # (no line touched, an empty range too)
        out.extend(old[k:i])
        while i < n:
            s, e = old[i]
            if s >= b:
                break
            if s < a or e > b:  # (a line inside [a, b) is all blank now)
                m = search(text, s, e)  # (the line holds no newline: this strips it)
                if m is not None:
                    out.append(m.span())
            i += 1
        k = i
    out.extend(old[k:])
    return out


_TERMINAL: Final = frozenset('.!?"\':)')


def paragraphs(text: str, line_spans: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Paragraphs: one per line, joining hard-wrapped lines (no terminal mark, lowercase next).

    ``line_spans``: ``lines(text)`` when the caller has it (:attr:`Document.lines`).
    The tests of :func:`_paragraphs_plain` are read cheapest first (most lines end
    with a terminal mark), the newlines counted without a slice."""
    out: list[tuple[int, int]] = []
    append = out.append
    pe = -1  # the end of the last paragraph (none yet)
    for s, e in lines(text) if line_spans is None else line_spans:
        if (
            pe >= 0
            and text[pe - 1] not in _TERMINAL
            and (text[s].islower() or text[s].isdigit())
            and text.count("\n", pe, s) == 1
        ):
            out[-1] = (out[-1][0], e)
        else:
            append((s, e))
        pe = e
    return out


def _paragraphs_plain(text: str) -> list[tuple[int, int]]:
    """:func:`paragraphs` as first written (tests/test_text.py compares the two)."""
    out: list[tuple[int, int]] = []
    for s, e in lines(text):
        if out:
            ps, pe = out[-1]
            gap = text[pe:s]
            if (
                gap.count("\n") == 1
                and text[pe - 1] not in _TERMINAL
                and (text[s].islower() or text[s].isdigit())
            ):
                out[-1] = (ps, e)
                continue
        out.append((s, e))
    return out


# Tokens after which a period does not end a sentence.
ABBREVIATIONS: Final = frozenset(
    """
    a.md a.n adm bpk dkk dll dr dra drs dsb dst h hj ibu ir jl jln kab kapt kec kel kol kom kota m.ag
    m.ap m.eng m.h m.hum m.kes m.kom m.m m.pd m.si m.sc m.t mr mrs no nn ny pemkab pemkot pemprov
    prof prov s.ag s.e s.h s.hut s.ip s.kom s.kep s.ked s.pd s.psi s.si s.sos s.stp s.t sdr sdri
    st tn tgl vs yth u.p ust kh kh. drg sp jend brigjen irjen kombes akbp kompol iptu ipda aiptu
    bripka brigpol letkol mayjen kolonel mayor lettu letda serda sertu pelda
    """.split()
)

_SENT_END: Final = regex.compile(r'[.!?]+["\')]*(?=\s+["\'(]?[\p{Lu}\d])')
# The same with a wider lookahead, in stdlib re: every _SENT_END match is one of its
# matches (\s here is str.isspace(), [^\W_a-z] holds every \p{Lu} and \d); whether
# _SENT_END matches too is then decided in Python for ASCII, by _SENT_END otherwise.
# It opens with a single [.!?] so that re skips to the marks with its charset scan.
_SENT_END_WIDE: Final = re.compile(r'[.!?][.!?]*["\')]*(?=\s+["\'(]?[^\W_a-z])')
_ASCII_WS: Final = frozenset(" \t\n\r\x0b\x0c")  # the regex module's \s in ASCII
# _SENT_END itself on ASCII text, in stdlib re (its \s there is these six characters).
# A mark run can end only where its closing quotes end, so this matches exactly the
# _SENT_END_WIDE matches that _upper_or_digit_follows accepts, with the same spans.
_SENT_END_ASCII: Final = re.compile(r'[.!?][.!?]*["\')]*(?=[ \t\n\r\x0b\x0c]+["\'(]?[A-Z0-9])')


def _upper_or_digit_follows(text: str, i: int, end: int) -> bool | None:
    r"""Whether ``\s+["\'(]?[\p{Lu}\d]`` matches at ``i`` within ``text[:end]``;
    None when a non-ASCII character has to be read (then ask the pattern)."""
    j = i
    while j < end and text[j] in _ASCII_WS:
        j += 1
    if j < end and not text[j].isascii():
        return None
    if j == i or j >= end:
        return False
    ch = text[j]
    if ch in "\"'(":
        if j + 1 >= end:
            return False
        ch = text[j + 1]
        if not ch.isascii():
            return None
    return "A" <= ch <= "Z" or "0" <= ch <= "9"


#: What ends the word before a period: ``str.isspace`` characters of ASCII and ``("'``.
_WORD_STOPS: Final = frozenset(c for c in map(chr, range(128)) if c.isspace()) | frozenset("(\"'")
#: The longest abbreviation: a longer word without a period is none.
_ABBR_MAX: Final = max(map(len, ABBREVIATIONS))


def _abbreviation(text: str, ps: int, ms: int) -> bool:
    """Whether the period at ``ms`` closes an abbreviation, an initial or a degree
    (``Kab.``, ``H.``, ``S.Sos.``): the word before it, not before ``ps``."""
    # the word: after the last space, unless another stop is in it (then read back)
    k = text.rfind(" ", ps, ms) + 1
    if k <= ps:
        k = ps
    if not _WORD_STOPS.isdisjoint(text[k:ms]) or not text.isascii():
        k = ms
        while k > ps and not text[k - 1].isspace() and text[k - 1] not in "(\"'":
            k -= 1
    if ms - k > _ABBR_MAX and text.find(".", k, ms) < 0:
        return False  # (a long word of letters: most sentence ends)
    word = text[k:ms].lower()
    if len(word) <= 1 or word in ABBREVIATIONS or word.replace(".", "") in ABBREVIATIONS:
        return True
    return "." in word and len(word) <= 6 and word.replace(".", "").isalpha()  # S.Sos., M.Si.


# The sentence-end patterns opening with one literal mark each: re finds a literal first
# character far faster than a character set (about 6 µs against 14 µs over a 2.5 KB article).
_MARK_ENDS_ASCII: Final = tuple(re.compile(re.escape(c) + _SENT_END_ASCII.pattern[5:]) for c in ".!?")
_MARK_ENDS_WIDE: Final = tuple(re.compile(re.escape(c) + _SENT_END_WIDE.pattern[5:]) for c in ".!?")
_MARKS: Final = frozenset(".!?")
_SPAN: Final = re.Match.span


def _mark_runs(text: str, lo: int, hi: int, ascii_text: bool) -> list[tuple[int, int]]:
    """``[m.span() for m in P.finditer(text, lo, hi)]`` for ``P`` = ``_SENT_END_ASCII``
    (``ascii_text``, for an ASCII text) or ``_SENT_END_WIDE``.

    A match starts at the first mark of a run of marks (from ``lo``) and takes the
    whole run, or no match starts in that run: what follows the run decides. So
    the matches are those of the literal ``.`` pattern when the text has no ``!`` or
    ``?``; otherwise those of the three patterns, each moved back to the start of its
    run (tests/test_text.py compares it with the scan)."""
    pats = _MARK_ENDS_ASCII if ascii_text else _MARK_ENDS_WIDE
    found = list(map(_SPAN, pats[0].finditer(text, lo, hi)))  # (the spans taken in C)
    if text.find("!", lo, hi) < 0 and text.find("?", lo, hi) < 0:
        return found
    for pat in pats[1:]:
        found.extend(map(_SPAN, pat.finditer(text, lo, hi)))
    runs: dict[int, int] = {}
    for ms, end in found:
        while ms > lo and text[ms - 1] in _MARKS:
            ms -= 1
        runs[ms] = end
    return sorted(runs.items())


def sentences(text: str, para: tuple[int, int]) -> list[tuple[int, int]]:
    """Split one paragraph into sentences, keeping abbreviations and initials intact."""
    ps, pe = para
    ascii_text = text.isascii()
    return _split(text, [para], _mark_runs(text, ps, pe, ascii_text), ascii_text, False)


_QUOTE_OPEN: Final = frozenset("\"'(")


def split_sentences(text: str, paras: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``[s for p in paras for s in sentences(text, p)]`` for paragraphs as :func:`paragraphs`
    gives them (ascending, stripped, apart).

    One scan for sentence ends over all paragraphs replaces one per paragraph. A run
    of marks never spans the spaces between paragraphs, so each match of the whole
    scan lies in one paragraph; it is a match of that paragraph's own scan unless its
    look-ahead reads past the paragraph's end: on ASCII text when the paragraph ends
    right after the marks, or after spaces and a lone opening quote; on other text
    the look-ahead is read again up to the paragraph's end anyway
    (tests/test_text.py compares the two).
    """
    if not paras:
        return []
    ascii_text = text.isascii()
    found = _mark_runs(text, paras[0][0], paras[-1][1], ascii_text)
    if ascii_text:
        return _split_ascii(text, paras, found)
    return _split(text, paras, found, ascii_text, True)


#: What ``str.isspace`` holds in ASCII (the six of ``\s`` and ``\x1c``-``\x1f``).
_ASCII_SPACES: Final = frozenset(c for c in map(chr, range(128)) if c.isspace())


def _split_ascii(text: str, paras: list[tuple[int, int]], found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``_split(text, paras, found, True, True)`` for an ASCII text, in fewer steps per
    sentence end (tests/test_text.py compares the two): the word before a period is
    looked up directly when it holds no stop and no period (nearly every word; else
    :func:`_abbreviation` reads it), and a sentence after an accepted end starts past
    the space its look-ahead matched."""
    out: list[tuple[int, int]] = []
    append = out.append
    rfind = text.rfind
    spaces = _ASCII_SPACES
    nf = len(found)
    k = 0
    for ps, pe in paras:
        start = ps  # where the next sentence may start (spaces not yet skipped)
        while k < nf:
            ms, end = found[k]
            if ms >= pe:
                break
            k += 1
            if ms < ps or end >= pe:
                continue  # (end >= pe: the look-ahead needs text after the paragraph)
            if text[pe - 1] in _QUOTE_OPEN and not text[end:pe - 1].strip(" \t\n\r\x0b\x0c"):
                continue  # (the same, after spaces and a lone opening quote)
            if text[ms] == ".":
                w = rfind(" ", ps, ms) + 1
                word = text[w:ms] if w > ps else text[ps:ms]
                if "." in word or not _WORD_STOPS.isdisjoint(word):
                    if _abbreviation(text, ps, ms):
                        continue
                elif len(word) <= 1 or word.lower() in ABBREVIATIONS:
                    continue  # (_abbreviation for a word of no period and no stop)
            seg_s = start
            while seg_s < end and text[seg_s] in spaces:
                seg_s += 1
            if end > seg_s:
                append((seg_s, end))
            start = end + 1  # (text[end] is a space: the look-ahead read it, within the paragraph)
        seg_s = start
        while seg_s < pe and text[seg_s] in spaces:
            seg_s += 1
        if seg_s < pe:
            append((seg_s, pe))
    return out


def _split(
    text: str,
    paras: list[tuple[int, int]],
    found: list[tuple[int, int]],
    ascii_text: bool,
    bounded: bool,
) -> list[tuple[int, int]]:
    """The sentences of ``paras`` from the matches ``found`` over them (of ``_SENT_END_ASCII``
    on ASCII text, else of ``_SENT_END_WIDE``); ``bounded``: matches of one scan over
    several paragraphs, whose look-ahead may have read past their paragraph."""
    out: list[tuple[int, int]] = []
    nf = len(found)
    k = 0
    for ps, pe in paras:
        start = ps
        while k < nf and found[k][0] < pe:
            ms, end = found[k]
            k += 1
            if ms < ps:
                continue  # (not for paragraphs from ``paragraphs``)
            if not ascii_text:
                ok = _upper_or_digit_follows(text, end, pe)
                if ok is None:
                    ok = _SENT_END.match(text, ms, pe) is not None
                if not ok:
                    continue  # (_SENT_END cannot match later in the same run of marks either)
            elif bounded and (
                end >= pe
                or text[pe - 1] in _QUOTE_OPEN and not text[end:pe - 1].strip(" \t\n\r\x0b\x0c")
            ):
                continue  # the look-ahead needs text after the paragraph
            if text[ms] == "." and _abbreviation(text, ps, ms):
                continue
            seg_s = start
            while seg_s < end and text[seg_s].isspace():
                seg_s += 1
            if end > seg_s:
                out.append((seg_s, end))
            start = end
        seg_s = start
        while seg_s < pe and text[seg_s].isspace():
            seg_s += 1
        if seg_s < pe:
            out.append((seg_s, pe))
    return out
