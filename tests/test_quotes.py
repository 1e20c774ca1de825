"""Quotes: the seed article, speaker resolution across paragraphs and record invariants.

Single attribution forms are worked examples in patterns/speech.toml.
"""

from __future__ import annotations

from ektp_extract import Extractor

from _util import PINNED_REFERENCE, assert_spans


def test_seed_quotes(extractor: Extractor, seed_text: str) -> None:
    res = extractor.extract(seed_text)
    assert_spans(res, seed_text)
    ids = {o.name: o.id for o in res.officials}
    direct = [q for q in res.quotes if q.direct]
    assert [q.speaker for q in direct] == ["Devananda", "Devananda", "Agung Widhiantoro"]
    assert [q.speaker_id for q in direct] == [ids["Devananda"], ids["Devananda"], ids["Agung Widhiantoro"]]
    assert [q.verb for q in direct] == ["ujar", "katanya", "katanya"]
    assert direct[0].text.startswith("Saya terkejut") and direct[0].span.text == direct[0].text
    indirect = {q.text.split()[0]: q for q in res.quotes if not q.direct}
    assert indirect["penghargaan"].speaker == "Devananda" and indirect["penghargaan"].verb == "mengatakan"
    assert indirect["ada"].speaker == "Agung Widhiantoro" and indirect["ada"].verb == "menerangkan"


def test_quote_spans_exclude_the_marks(extractor: Extractor) -> None:
    text = "Kepala Disdukcapil Kota Manado, Grace Mandagi, hadir. \u201cBlanko sempat kosong,\u201d kata Grace."
    res = extractor.extract(text, reference_date=PINNED_REFERENCE)
    assert_spans(res, text)
    (q,) = [q for q in res.quotes if q.direct]
    assert q.span.text == "Blanko sempat kosong"
    assert text[q.span.start - 1] == "\u201c"


def test_katanya_takes_the_latest_subject_not_the_latest_name(extractor: Extractor) -> None:
    text = (
        "Kepala Disdukcapil Kabupaten Bantul, Bambang Purwadi, meninjau loket bersama staf "
        "dari Kementerian Dalam Negeri dan Bupati Bantul.\n\n"
        "\"Kami tambah dua loket mulai pekan depan,\" katanya.\n\n"
        "Ketua DPRD Bantul, Hanung Raharjo, meminta pelayanan dipercepat.\n\n"
        "\"Warga jangan dibuat menunggu,\" ujarnya."
    )
    res = extractor.extract(text, reference_date=PINNED_REFERENCE)
    direct = [q for q in res.quotes if q.direct]
    assert [q.speaker for q in direct] == ["Bambang Purwadi", "Hanung Raharjo"]


def test_quote_over_two_paragraphs_is_one_quote(extractor: Extractor) -> None:
    text = (
        "Sekretaris Ditjen Dukcapil, Bambang Purwanto, menjelaskan proses lelang.\n\n"
        "\"Kontrak sudah kami kunci untuk 16 juta keping.\n\n"
        "\"Barang datang, kami langsung salurkan ke provinsi,\" ujar Bambang."
    )
    res = extractor.extract(text, reference_date=PINNED_REFERENCE)
    assert_spans(res, text)
    direct = [q for q in res.quotes if q.direct]
    assert len(direct) == 1
    q = direct[0]
    assert q.text == "Kontrak sudah kami kunci untuk 16 juta keping. Barang datang, kami langsung salurkan ke provinsi"
    assert q.speaker == "Bambang Purwanto" and q.span.text.startswith("Kontrak") and q.span.text.endswith("provinsi")


def test_resident_speaker_has_no_official_id(extractor: Extractor) -> None:
    text = "Seorang warga, Yohanis Pangemanan (42), mengaku lelah. \"Setiap urus surat harus bawa suket,\" ujarnya."
    res = extractor.extract(text, reference_date=PINNED_REFERENCE)
    assert res.officials == []
    assert {(q.speaker, q.speaker_id, q.direct) for q in res.quotes} == {
        ("Yohanis Pangemanan", None, True),
        ("Yohanis Pangemanan", None, False),
    }


def test_unattributed_inline_quotes_are_not_speech(extractor: Extractor) -> None:
    text = "Program \"jemput bola\" dan layanan \"Sabtu Melayani\" berjalan di 16 kecamatan sejak Februari."
    assert extractor.extract(text, reference_date=PINNED_REFERENCE).quotes == []


def test_indirect_speech_needs_a_person(extractor: Extractor) -> None:
    text = (
        "Disdukcapil mencatat 2.000 warga belum merekam. Kementerian Dalam Negeri menyatakan blanko cukup. "
        "Pemkab menyebut anggaran sudah disiapkan."
    )
    assert extractor.extract(text, reference_date=PINNED_REFERENCE).quotes == []


def test_unbalanced_marks_do_not_crash(extractor: Extractor) -> None:
    for text in ['"', '""', '"a" "b" "', "'" * 9, '"Kami siap,\n\n"', 'kata "dia" ujar "' * 50]:
        res = extractor.extract(text, reference_date=PINNED_REFERENCE)
        assert_spans(res, text)
        assert not any("quotes" in w for w in res.warnings)
