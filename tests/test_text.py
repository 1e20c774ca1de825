"""Decoding, normalisation and the offset map."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ektp_extract.errors import DecodeFailure
from ektp_extract.text import Mask, decode, normalise, paragraphs, sentences


def test_identity_fast_path_for_plain_ascii() -> None:
    prep = normalise("Kota Magelang meraih 96.616 KTP.")
    assert prep.norm == prep.source
    assert prep.to_source(5, 13) == (5, 13)


def test_curly_quotes_dashes_and_spaces_are_unified_keeping_offsets() -> None:
    src = "MAGELANG \u2013 \u201cKami bangga,\u201d ujar\u00a0Devananda."
    prep = normalise(src)
    assert prep.norm == 'MAGELANG - "Kami bangga," ujar Devananda.'
    i = prep.norm.index("Devananda")
    s, e = prep.to_source(i, i + len("Devananda"))
    assert src[s:e] == "Devananda"


def test_crlf_and_lone_cr_keep_length_on_the_fast_path() -> None:
    src = "Baris satu\r\nBaris dua\rBaris tiga \u2013 akhir"
    prep = normalise(src)
    assert prep.norm == "Baris satu \nBaris dua\nBaris tiga - akhir"
    assert prep.to_source(0, len(prep.norm)) == (0, len(src))


def test_deleted_and_expanded_characters_map_back() -> None:
    src = "a\u200bb \ufb01le\r\nbaris"
    prep = normalise(src)
    assert prep.norm == "ab file\nbaris"  # slow path: deletion and expansion
    i = prep.norm.index("file")
    s, e = prep.to_source(i, i + 4)
    assert src[s:e] == "\ufb01le"
    j = prep.norm.index("baris")
    s, e = prep.to_source(j, j + 5)
    assert src[s:e] == "baris"


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_offset_map_is_monotonic_and_in_range(src: str) -> None:
    prep = normalise(src)
    for i in range(len(prep.norm)):
        s, e = prep.to_source(i, i + 1)
        assert 0 <= s < e <= len(src)
    if prep.norm:
        s, e = prep.to_source(0, len(prep.norm))
        assert 0 <= s <= e <= len(src)


def test_decode_utf8_bom_and_cp1252_fallback() -> None:
    assert decode("Rp 2,5 miliar".encode("utf-8")).text == "Rp 2,5 miliar"
    assert decode(b"\xef\xbb\xbfhalo").text == "halo"
    d = decode("caf\u00e9 \u201cbaru\u201d".encode("cp1252"))
    assert d.text == "caf\u00e9 \u201cbaru\u201d"
    assert d.encoding == "cp1252" and d.warnings


def test_decode_rejects_binary() -> None:
    with pytest.raises(DecodeFailure):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_mask_keeps_length_and_newlines() -> None:
    m = Mask("Advertisement\nIsi berita.")
    m.blank(0, 13, "ad")
    assert m.text() == " " * 13 + "\nIsi berita."


def test_sentences_keep_abbreviations_and_degrees() -> None:
    text = "Kepala Dinas Drs. H. Sumarno, M.Si. mengatakan hal itu. Pemkot. Magelang setuju. Ini benar."
    sents = [text[s:e] for s, e in sentences(text, (0, len(text)))]
    assert sents == [
        "Kepala Dinas Drs. H. Sumarno, M.Si. mengatakan hal itu.",
        "Pemkot. Magelang setuju.",
        "Ini benar.",
    ]


def test_paragraphs_join_hard_wrapped_lines_only() -> None:
    text = "Baris pertama yang\nterpotong di tengah.\n\nParagraf kedua.\nParagraf ketiga."
    paras = [text[s:e] for s, e in paragraphs(text)]
    assert paras == [
        "Baris pertama yang\nterpotong di tengah.",
        "Paragraf kedua.",
        "Paragraf ketiga.",
    ]


# ------------------------------------------------------------ fast paths = reference
# The fast paths of text.py must give exactly what the plain definitions give.

_ODD = (
    "aZ09 .,!?\"'()-\n\n\r\t`\x0b\x0c\x1c\x1f\x85\xa0\u1680\u2003\u2009\u3000\u200b\u00ad\ufb01\u2026"
    "\u201c\u201d\u2018\u2019\u2013\u2014\u00b4\u00e9\u00c9\u0130\u212a\u2028\u2029\uff10\uff21\u00bd\u2212\u00b7"
)
_words = st.sampled_from(["Dr.", "S.Sos.", " A", " 1", "dll.", "\r\n", "Ia berkata.", " (Foto) ", "\u201cKami", "M.Si."])
_odd_text = st.lists(st.one_of(st.sampled_from(list(_ODD)), _words), max_size=60).map("".join)


def _reference_normalise(source: str) -> str:
    """One str.translate with the full table (valid when nothing is deleted or expands)."""
    import unicodedata

    from ektp_extract.text import _LONE_CR, _TRANSLATE, _TRANSLATE_STR

    if source.isascii() and "\r" not in source and "\t" not in source and "`" not in source:
        return source
    table = dict(_TRANSLATE_STR)
    for ch in set(source):
        if ord(ch) >= 128 and ord(ch) not in table:
            n = unicodedata.normalize("NFKC", ch)
            if n != ch:
                table[ord(ch)] = _TRANSLATE.get(ord(n), n)
    if "\r" in source:
        source = _LONE_CR.sub("\n", source)
        table[ord("\r")] = " "
    return source.translate(table)


@settings(max_examples=400, deadline=None)
@given(_odd_text)
def test_normalise_equals_one_translate(src: str) -> None:
    prep = normalise(src)
    if prep._map is None:  # nothing deleted or expanded
        assert prep.norm == _reference_normalise(src)


@settings(max_examples=200, deadline=None)
@given(_odd_text, st.lists(st.tuples(st.integers(0, 70), st.integers(0, 70)), max_size=6), st.booleans())
def test_mask_blanks_as_character_by_character(text: str, ranges: list[tuple[int, int]], long: bool) -> None:
    if long:
        text = text * (25_000 // max(1, len(text)) + 1)  # past the splice limit: list mode
    ref = list(text)
    m = Mask(text)
    blanked = 0
    for a, b in ranges:
        a, b = min(a, b, len(text)), min(max(a, b), len(text))
        for i in range(a, b):
            if ref[i] != "\n":
                ref[i] = " "
        m.blank(a, b, "r")
        blanked += b > a
        assert m.text() == "".join(ref)
    if text:
        m.put(0, "x")  # as blank_html sets an entity's character
        ref[0] = "x"
        assert m.text() == "".join(ref)
    assert len(m.regions) == blanked


@settings(max_examples=300, deadline=None)
@given(_odd_text)
def test_lines_are_the_regex_module_lines(text: str) -> None:
    import regex

    from ektp_extract.text import lines

    want = [m.span(1) for m in regex.finditer(r"(?m)^[^\S\n]*+(\S(?:[^\n]*\S)?)", text)]
    assert lines(text) == want


def _reference_sentences(text: str, para: tuple[int, int]) -> list[tuple[int, int]]:
    """The sentence split with the regex-module pattern alone."""
    from ektp_extract.text import _SENT_END, ABBREVIATIONS

    ps, pe = para
    chunk = text[ps:pe]
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(chunk):
        if chunk[m.start()] == ".":
            j = k = m.start()
            while k > 0 and not chunk[k - 1].isspace() and chunk[k - 1] not in "(\"'":
                k -= 1
            word = chunk[k:j].lower()
            if len(word) <= 1 or word in ABBREVIATIONS or word.replace(".", "") in ABBREVIATIONS:
                continue
            if "." in word and len(word) <= 6 and word.replace(".", "").isalpha():
                continue
        seg_s, seg_e = start, m.end()
        while seg_s < seg_e and chunk[seg_s].isspace():
            seg_s += 1
        if seg_e > seg_s:
            out.append((ps + seg_s, ps + seg_e))
        start = m.end()
    seg_s = start
    while seg_s < len(chunk) and chunk[seg_s].isspace():
        seg_s += 1
    if seg_s < len(chunk):
        out.append((ps + seg_s, pe))
    return out


@settings(max_examples=400, deadline=None)
@given(_odd_text)
def test_sentences_equal_the_regex_module_split(src: str) -> None:
    text = normalise(src).norm
    for para in paragraphs(text):
        assert sentences(text, para) == _reference_sentences(text, para)


_ASCII_ODD = [c for c in _ODD if c.isascii()] + ["Jl.", "No. 5", "ujar Kabid.", '."', ".)", "?!", "...", " (", ' "']
_ascii_text = st.lists(st.one_of(st.sampled_from(_ASCII_ODD), _words), max_size=60).map("".join)


@settings(max_examples=400, deadline=None)
@given(_ascii_text)
def test_sentences_on_ascii_text_equal_the_regex_module_split(src: str) -> None:
    # ASCII text takes the stdlib _SENT_END_ASCII path; check it at every paragraph
    # and at every start and end of a window too (callers may pass any range)
    text = normalise(src).norm
    assert text.isascii()
    for para in paragraphs(text):
        assert sentences(text, para) == _reference_sentences(text, para)
    n = len(text)
    for ps in range(0, n, 3):
        for pe in range(ps, n + 1, 4):
            assert sentences(text, (ps, pe)) == _reference_sentences(text, (ps, pe))


def test_sentences_on_the_fixtures_equal_the_regex_module_split() -> None:
    from pathlib import Path

    for path in sorted((Path(__file__).resolve().parent.parent / "fixtures" / "articles").glob("*.txt")):
        text = normalise(path.read_text(encoding="utf-8")).norm
        for para in paragraphs(text):
            assert sentences(text, para) == _reference_sentences(text, para), path.name


def test_sentences_on_ascii_marks_quotes_and_spaces_equal_the_regex_module_split() -> None:
    import itertools

    pieces = (
        ["a", "Dr", "S.Sos", " "],
        [".", "!", "?", "..", ".!", "?."],
        ["", '"', "'", ")", '")'],
        [" ", "\t", "\n", "\x0b", "\x0c", "\r", "\x1c", "\x1f", "  ", ""],
        ["", '"', "'", "(", "))"],
        ["A", "z", "0", "_", "-", ""],
    )
    for parts in itertools.product(*pieces):
        text = "Ia " + "".join(parts) + " akhir."
        assert sentences(text, (0, len(text))) == _reference_sentences(text, (0, len(text))), repr(text)


def _per_paragraph(text: str) -> list[tuple[int, int]]:
    """The sentences of every paragraph, each split on its own (the plain definition)."""
    return [s for p in paragraphs(text) for s in _reference_sentences(text, p)]


_para_text = st.lists(
    st.one_of(st.sampled_from(_ASCII_ODD + ["\n", "\n\n", ' "', " (", "\n(", '"\n', "'"]), _words),
    max_size=80,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(_para_text, _odd_text))
def test_split_sentences_equals_the_split_of_each_paragraph(src: str) -> None:
    from ektp_extract.text import split_sentences

    text = normalise(src).norm
    assert split_sentences(text, paragraphs(text)) == _per_paragraph(text)


def test_split_sentences_at_paragraph_ends_equals_the_split_of_each_paragraph() -> None:
    # a paragraph ending in marks, quotes and an opening quote right before the next one
    import itertools

    from ektp_extract.text import split_sentences

    ends = [".", '."', ". (", ' "', ". '", "!?", "? (", ".)", "", "Kab.", " A."]
    gaps = ["\n", "\n\n", " \n ", "\n\t\n"]
    starts = ["A", "(A", '"A', "a", "1", "\u00c9", "'(", ""]
    for tail in ["\u00e9", ""]:  # the ASCII and the other path
        for end, gap, start in itertools.product(ends, gaps, starts):
            text = normalise(f"Ia datang{end}{gap}{start} lagi pulang. Ya{end}{gap}Dia{tail}.").norm
            assert split_sentences(text, paragraphs(text)) == _per_paragraph(text), repr(text)


def test_split_sentences_on_the_fixtures_equals_the_split_of_each_paragraph() -> None:
    from pathlib import Path

    from ektp_extract.text import split_sentences

    for path in sorted((Path(__file__).resolve().parent.parent / "fixtures" / "articles").glob("*.txt")):
        text = normalise(path.read_text(encoding="utf-8")).norm
        assert split_sentences(text, paragraphs(text)) == _per_paragraph(text), path.name


@settings(max_examples=300, deadline=None)
@given(st.one_of(_para_text, _odd_text), st.integers(0, 40), st.integers(0, 200))
def test_mark_runs_equal_the_scan(text: str, lo: int, hi: int) -> None:
    from ektp_extract.text import _SENT_END_ASCII, _SENT_END_WIDE, _mark_runs

    lo, hi = min(lo, len(text)), min(max(lo, hi), len(text))
    for ascii_text, pat in ((True, _SENT_END_ASCII), (False, _SENT_END_WIDE)):
        if ascii_text and not text.isascii():
            continue
        assert _mark_runs(text, lo, hi, ascii_text) == [m.span() for m in pat.finditer(text, lo, hi)]


@settings(max_examples=400, deadline=None)
@given(st.one_of(_para_text, _ascii_text))
def test_split_ascii_equals_the_general_split(src: str) -> None:
    """The ASCII fast path of split_sentences gives what _split gives for the same matches."""
    from ektp_extract.text import _mark_runs, _split, _split_ascii

    text = normalise(src).norm
    paras = paragraphs(text)
    if not text.isascii() or not paras:
        return
    found = _mark_runs(text, paras[0][0], paras[-1][1], True)
    assert _split_ascii(text, paras, found) == _split(text, paras, found, True, True)


def test_split_ascii_on_the_fixtures_and_abbreviations_equals_the_general_split() -> None:
    import itertools
    from pathlib import Path

    from ektp_extract.text import ABBREVIATIONS, _mark_runs, _split, _split_ascii

    root = Path(__file__).resolve().parent.parent / "fixtures" / "articles"
    texts = [normalise(p.read_text(encoding="utf-8")).norm for p in sorted(root.glob("*.txt"))]
    words = sorted(ABBREVIATIONS) + ["A", "x", "S.Sos", "(Kab", '"Dr', "M.Si", "ke.2", "a.b.c.d", "rumah", "Budi's"]
    for before, word, after in itertools.product(["", " ", "\n", "(", "Ia "], words, [". Ia", ". 5 ya", '." Ya', ".\x1c A"]):
        texts.append(f"Kata {before}{word.upper() if len(word) % 2 else word}{after} pulang.")
    for text in texts:
        if not text.isascii():
            continue
        paras = paragraphs(text)
        if paras:
            found = _mark_runs(text, paras[0][0], paras[-1][1], True)
            assert _split_ascii(text, paras, found) == _split(text, paras, found, True, True), text[:80]


@settings(max_examples=400, deadline=None)
@given(st.one_of(_para_text, _odd_text))
def test_paragraphs_equal_the_plain_loop(src: str) -> None:
    from ektp_extract.text import _paragraphs_plain, lines

    text = normalise(src).norm
    assert paragraphs(text) == _paragraphs_plain(text)
    assert paragraphs(text, lines(text)) == _paragraphs_plain(text)


def test_paragraphs_on_the_fixtures_equal_the_plain_loop() -> None:
    from pathlib import Path

    from ektp_extract.text import _paragraphs_plain

    root = Path(__file__).resolve().parent.parent / "fixtures" / "articles"
    texts = [normalise(p.read_text(encoding="utf-8")).norm for p in sorted(root.glob("*.txt"))]
    texts += ["a\nb", "a.\nb", "a\n\nb", "a\n1 b", "a \n \nb", "a)\nb", "x\nB", "a\n b\n c.\nd"]
    for text in texts:
        assert paragraphs(text) == _paragraphs_plain(text), text[:60]


def test_normalise_with_the_callers_utf8_bytes_is_the_same() -> None:
    """``normalise(s, utf8)`` (the extractor passes the bytes it hashed) equals ``normalise(s)``."""
    from ektp_extract.text import normalise

    for s in ["plain ascii", "tab\there\r\n", "\u201cKutipan\u201d \u2013 x\u00a0y", "zero\u200bwidth", "ﬁ liga",
              "lone \ud800 surrogate", "K\u212a \u0130"]:
        a, b = normalise(s), normalise(s, s.encode("utf-8", "surrogatepass"))
        assert (a.source, a.norm, a._map) == (b.source, b.norm, b._map)
