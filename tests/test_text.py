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
