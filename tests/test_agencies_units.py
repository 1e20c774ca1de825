"""Officials of a regional legislature's unit (a commission, a board, a fraction) link to the
DPRD, as the gold conventions list the legislature and not the commission (fixtures/gold:
``Ketua Komisi I DPRD Kota ...`` → ``DPRD Kota ...``). Our own sentences."""

from __future__ import annotations

from ektp_extract import Extractor


def _links(ex: Extractor, text: str) -> dict[str, str | None]:
    r = ex.extract(text)
    names = {a.id: a.name for a in r.agencies}
    return {o.name: names.get(o.agency_id) if o.agency_id else None for o in r.officials}


def test_commission_with_its_dprd_links_to_the_dprd(extractor: Extractor) -> None:
    links = _links(extractor, "Ketua Komisi B DPRD Kota Blitar, Hendra Saputra, meminta dinas menambah petugas.")
    assert links["Hendra Saputra"] == "Dewan Perwakilan Rakyat Daerah Kota Blitar"


def test_bare_commission_and_board_link_to_the_one_dprd(extractor: Extractor) -> None:
    text = (
        "DPRD Kabupaten Sragen menetapkan pimpinan alat kelengkapan dewan, Senin. "
        "Ketua Komisi 2 dijabat oleh Rahmat Hidayat dari Fraksi Golkar, sedangkan "
        "Ketua Bapemperda dari Fraksi PKB, Sinta Maharani. Ketua Badan Kehormatan Yusuf Effendi "
        "berjanji menjaga tata tertib."
    )
    links = _links(extractor, text)
    for name in ("Rahmat Hidayat", "Sinta Maharani", "Yusuf Effendi"):
        assert links.get(name) == "Dewan Perwakilan Rakyat Daerah Kabupaten Sragen", links


def test_dpr_commission_keeps_its_own_record(extractor: Extractor) -> None:
    links = _links(extractor, "Wakil Ketua Komisi II DPR Budi Hartono meminta Kemendagri menambah blangko.")
    assert links["Budi Hartono"] == "Komisi II DPR"


def test_commission_with_two_dprd_named_is_not_guessed(extractor: Extractor) -> None:
    text = (
        "DPRD Kota Blitar dan DPRD Kabupaten Blitar menggelar rapat bersama. "
        "Ketua Komisi C Andi Wijaya meminta data pemilih diperbarui."
    )
    links = _links(extractor, text)
    assert links.get("Andi Wijaya") not in (
        "Dewan Perwakilan Rakyat Daerah Kota Blitar", "Dewan Perwakilan Rakyat Daerah Kabupaten Blitar")


# ------------------------------------------------------------------ bodies named inside a position

def test_minister_of_investment_links_to_bkpm(extractor: Extractor) -> None:
    links = _links(extractor, "Menteri Investasi/Kepala BKPM Dimas Prakoso meresmikan pabrik baterai.")
    assert links["Dimas Prakoso"] == "Badan Koordinasi Penanaman Modal"


def test_crafts_council_and_interfaith_forum_chairs_link_to_their_body(extractor: Extractor) -> None:
    text = (
        "Ketua Dekranasda Kota Blitar Ratna Sari membuka pameran batik, didampingi Ketua FKUB "
        "Provinsi Jawa Timur Yahya Munir."
    )
    links = _links(extractor, text)
    assert links["Ratna Sari"] == "Dewan Kerajinan Nasional Daerah Kota Blitar"
    assert links["Yahya Munir"] == "Forum Kerukunan Umat Beragama Provinsi Jawa Timur"


def test_coordinating_minister_infers_the_ministry_the_lexicon_knows(extractor: Extractor) -> None:
    text = (
        "Menteri Koordinator Bidang Maritim dan Investasi Haris Wibowo meninjau pelabuhan. "
        "Sebelumnya Menteri Koordinator Kemaritiman Agus Salim membuka rapat."
    )
    r = extractor.extract(text)
    names = {a.id: (a.name, a.inferred) for a in r.agencies}
    links = {o.name: names.get(o.agency_id or "") for o in r.officials}
    want = ("Kementerian Koordinator Bidang Kemaritiman dan Investasi", True)
    assert links["Haris Wibowo"] == want and links["Agus Salim"] == want
    assert len(r.agencies) == 1  # one inferred record for both


def test_minister_of_a_field_no_ministry_row_names_is_not_linked(extractor: Extractor) -> None:
    r = extractor.extract("Menteri Urusan Antariksa Haris Wibowo meninjau landasan peluncuran.")
    assert all(o.agency_id is None for o in r.officials)
    assert r.agencies == []
