"""Agencies (SPEC §3) and the region lookups they rely on.

Worked examples of single rules live in patterns/agencies.toml and
patterns/regions.toml; these tests cover what examples cannot express: the
seed article, the ``kind`` field, ids and scratch data handed to later
stages, ``ensure_inferred`` / ``agency_at``, warnings and the lexicon itself.
"""

from __future__ import annotations

import re

import pytest
from _util import PINNED_REFERENCE, ROOT, assert_spans

from ektp_extract import COMPILED, Extractor
from ektp_extract.document import Document
from ektp_extract.kinds import agencies as ag
from ektp_extract.kinds.regions import canonical_region, match_region, region_index
from ektp_extract.lexicon import Lexicon
from ektp_extract.models import Agency
from ektp_extract.text import Mask, normalise


def _doc(ex: Extractor, text: str) -> Document:
    """A Document that has been through the agencies stage only."""
    prep = normalise(text)
    prep.source = text
    doc = Document(prep=prep, lexicon=ex.lexicon, mask=Mask(prep.norm))
    ag.run(doc)
    return doc


def _by_name(agencies: list[Agency], name: str) -> Agency:
    hits = [a for a in agencies if a.name == name]
    assert hits, f"no agency {name!r} in {[a.name for a in agencies]}"
    return hits[0]


# ------------------------------------------------------------------ the seed


def test_seed_agencies(extractor: Extractor, seed_text: str) -> None:
    res = extractor.extract(seed_text)
    assert_spans(res, seed_text)
    dinas = _by_name(res.agencies, "Dinas Kependudukan dan Catatan Sipil Kota Magelang")
    assert dinas.acronym == "Disdukcapil"
    assert "Disdukcapil Kota Magelang" in dinas.aliases
    assert (dinas.kind, dinas.level, dinas.region) == ("dinas", "kota", "Kota Magelang")
    assert not dinas.inferred and dinas.span is not None
    pemkot = _by_name(res.agencies, "Pemerintah Kota Magelang")
    assert "Pemkot. Magelang" in pemkot.aliases
    assert pemkot.kind == "pemerintah daerah"
    assert [m.text for m in pemkot.mentions] == ["Pemerintah Kota Magelang", "Pemkot. Magelang"]
    # Antara is the cited source, Kota Palembang a place: neither is an agency
    assert not any("Antara" in a.name or "Palembang" in a.name for a in res.agencies)
    # nothing else from the text: the two bodies ...
    assert len([a for a in res.agencies if not a.inferred]) == 2
    # ... and the ministry implied by Mendagri, added for the officials stage
    kemendagri = _by_name(res.agencies, "Kementerian Dalam Negeri")
    assert kemendagri.inferred and kemendagri.span is None and kemendagri.mentions == []
    assert any(o.agency_id == kemendagri.id for o in res.officials)


def test_seed_mentions_and_claims(extractor: Extractor, seed_text: str) -> None:
    doc = _doc(extractor, seed_text)
    mentions = doc.scratch["agency_mentions"]
    assert mentions == sorted(mentions)
    texts = {(doc.text[s:e], aid) for s, e, aid in mentions}
    dinas = _by_name(doc.agencies, "Dinas Kependudukan dan Catatan Sipil Kota Magelang").id
    assert ("Disdukcapil Kota Magelang", dinas) in texts
    for s, e, _ in mentions:
        assert doc.is_claimed(s, e, "agency")
    # ids in order of first mention
    assert [a.id for a in doc.agencies] == [f"ag-{i + 1}" for i in range(len(doc.agencies))]
    starts = [a.span.start for a in doc.agencies if a.span]
    assert starts == sorted(starts)


# ------------------------------------------------------------------ API for officials


def test_ensure_inferred_adds_then_reuses(extractor: Extractor) -> None:
    doc = _doc(extractor, "Warga mengantre sejak pagi.")
    aid = ag.ensure_inferred(doc, "kemendagri")
    assert ag.ensure_inferred(doc, "kemendagri") == aid
    rec = doc.agencies[-1]
    assert (rec.id, rec.name, rec.acronym, rec.level) == (aid, "Kementerian Dalam Negeri", "Kemendagri", "pusat")
    assert rec.inferred and rec.span is None and rec.mentions == []


def test_ensure_inferred_reuses_a_written_agency(extractor: Extractor) -> None:
    doc = _doc(extractor, "Disdukcapil Kab. Magelang membuka loket baru. Kemendagri mendukung.")
    written = _by_name(doc.agencies, "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Magelang").id
    n = len(doc.agencies)
    assert ag.ensure_inferred(doc, "disdukcapil", "Kabupaten Magelang") == written
    assert ag.ensure_inferred(doc, "disdukcapil", "Kab. Magelang") == written
    assert ag.ensure_inferred(doc, "kemendagri") == _by_name(doc.agencies, "Kementerian Dalam Negeri").id
    assert len(doc.agencies) == n
    # another region of the same body type is another body
    other = ag.ensure_inferred(doc, "disdukcapil", "Kota Magelang")
    assert other != written
    rec = doc.agencies[-1]
    assert (rec.region, rec.level, rec.inferred) == ("Kota Magelang", "kota", True)
    assert rec.name == "Dinas Kependudukan dan Pencatatan Sipil Kota Magelang"


def test_ensure_inferred_unknown_row_warns(extractor: Extractor) -> None:
    doc = _doc(extractor, "Tidak ada badan di sini.")
    aid = ag.ensure_inferred(doc, "no_such_body")
    assert aid.startswith("ag-")
    assert any(w.startswith("[W052]") for w in doc.warnings)


def test_agency_at_inside_and_overlapping(extractor: Extractor) -> None:
    text = "Kepala Disdukcapil Kota Magelang, Devananda, hadir bersama Camat Magelang Tengah."
    doc = _doc(extractor, text)
    aid = doc.agencies[0].id
    s = text.index("Disdukcapil")
    e = s + len("Disdukcapil Kota Magelang")
    assert ag.agency_at(doc, s, e) == aid
    assert ag.agency_at(doc, 0, len("Kepala Disdukcapil")) == aid  # overlapping a position
    assert ag.agency_at(doc, text.index("Devananda"), text.index("Devananda") + 9) is None


# ------------------------------------------------------------------ behaviour


@pytest.mark.parametrize(
    ("text", "kind", "level"),
    [
        ("Kemendagri menambah blangko.", "kementerian", "pusat"),
        ("Polres Sleman menjaga gudang.", "polri", "kabupaten"),
        ("Kodim 0734/Yogyakarta membantu warga.", "TNI", None),
        ("DPRD Kota Solo menggelar rapat.", "DPRD", "kota"),
        ("KPU Jateng menetapkan daftar pemilih.", "KPU", "provinsi"),
        ("RSUD Sleman membuka layanan akta.", "rumah sakit", None),
        ("Siswa SMAN 3 Yogyakarta merekam data.", "sekolah", None),
        ("Partai Gerindra menggelar rapat.", "partai", "pusat"),
        ("Kantor Kelurahan Gedongkiwo buka hari Sabtu.", "kelurahan", "desa"),
        ("DPD Hanura Sulsel menggelar rapat.", "partai", "provinsi"),
        ("Fraksi PPP menolak usulan itu.", "fraksi", None),
        ("Sudin Dukcapil Jakarta Timur buka hari Sabtu.", "suku dinas", "kota"),
        ("Pemerintah Jerman membantah kabar itu.", "pemerintah asing", None),
        ("Kementerian Luar Negeri Rusia membantah kabar itu.", "kementerian asing", None),
        ("NATO menyiagakan pasukan.", "internasional", None),
    ],
)
def test_kind_and_level(extractor: Extractor, text: str, kind: str, level: str | None) -> None:
    res = extractor.extract(text, reference_date=PINNED_REFERENCE)
    assert res.agencies, text
    assert (res.agencies[0].kind, res.agencies[0].level) == (kind, level)


def test_near_miss_warns_and_links(extractor: Extractor) -> None:
    text = "Disdukcapil Kota Kendari menambah petugas. Kepala Disdikcapil Kota Kendari mengatakan antrean berkurang."
    res = extractor.extract(text, reference_date=PINNED_REFERENCE)
    assert len(res.agencies) == 1
    rec = res.agencies[0]
    assert [m.text for m in rec.mentions] == ["Disdukcapil Kota Kendari", "Disdikcapil Kota Kendari"]
    assert rec.acronym == "Disdukcapil"
    assert any("[W051]" in w and "Disdikcapil" in w for w in res.warnings)


def test_ordinary_words_are_not_near_misses(extractor: Extractor) -> None:
    res = extractor.extract("Dikatakan bahwa Kemenangan itu berkat Pemeriksaan ulang.", reference_date=PINNED_REFERENCE)
    assert res.agencies == []
    assert not any("[W051]" in w for w in res.warnings)


def test_bare_acronym_links_to_the_nearest_preceding_body(extractor: Extractor) -> None:
    text = ("Disdukcapil Kabupaten Tasikmalaya menerima 3.000 keping. Disdukcapil Kota Tasikmalaya "
            "menerima 2.000 keping. Menurut Disdukcapil, stok itu cukup sebulan.")
    res = extractor.extract(text, reference_date=PINNED_REFERENCE)
    assert len(res.agencies) == 2
    kota = [a for a in res.agencies if a.region == "Kota Tasikmalaya"][0]
    assert [m.text for m in kota.mentions] == ["Disdukcapil Kota Tasikmalaya", "Disdukcapil"]


def test_pemkab_alone_takes_the_dateline_region(extractor: Extractor) -> None:
    text = ("Semarangpos.com, KENDAL - Pemkab menyiapkan dua mobil layanan keliling untuk "
            "warga di desa-desa yang jauh dari kantor kecamatan setiap pekan.")
    res = extractor.extract(text, reference_date=PINNED_REFERENCE)
    assert [(a.name, a.region) for a in res.agencies] == [("Pemerintah Kabupaten Kendal", "Kabupaten Kendal")]


def test_spans_survive_normalisation(extractor: Extractor) -> None:
    text = "\ufeffKepala\u00a0Dinas Kependudukan dan Pencatatan Sipil\r\nKota Bekasi hadir. \u201cDisdukcapil Kota Bekasi siap,\u201d katanya."
    res = extractor.extract(text, reference_date=PINNED_REFERENCE)
    assert_spans(res, text)
    assert any(a.region == "Kota Bekasi" for a in res.agencies)


def test_deterministic(extractor: Extractor, seed_text: str) -> None:
    a = extractor.extract(seed_text, article_id="x").to_json()
    b = extractor.extract(seed_text, article_id="x").to_json()
    assert a == b


@pytest.mark.parametrize("text", ["", "(((((", "Pemkot. " * 500, "Disdukcapil (" * 300, "Kota " * 1000])
def test_odd_input_never_breaks_the_stage(extractor: Extractor, text: str) -> None:
    res = extractor.extract(text, reference_date=PINNED_REFERENCE)
    assert not any("'agencies' failed" in w for w in res.warnings)
    assert_spans(res, text)


def test_warning_codes_come_from_the_catalogue() -> None:
    from ektp_extract import errors

    assert ag.W_NEAR is errors.W_AGENCY_NEAR and ag.W_NEAR.startswith("[W051]")
    assert ag.W_UNKNOWN_ROW is errors.W_AGENCY_UNKNOWN_ROW and ag.W_UNKNOWN_ROW.startswith("[W052]")


def test_party_organ_nests_its_party_and_outermost_mentions_drop_it(extractor: Extractor) -> None:
    text = ("Ketua DPD Partai Demokrat Bali, Made Arsana, hadir bersama Anggota Komisi II DPR. "
            "Partai Demokrat mengusung dua calon.")
    doc = _doc(extractor, text)
    organ = _by_name(doc.agencies, "Dewan Pimpinan Daerah Partai Demokrat Provinsi Bali")
    assert (organ.kind, organ.level, organ.region) == ("partai", "provinsi", "Provinsi Bali")
    assert [m.text for m in organ.mentions] == ["DPD Partai Demokrat Bali"]
    party = _by_name(doc.agencies, "Partai Demokrat")
    assert [m.text for m in party.mentions] == ["Partai Demokrat", "Partai Demokrat"]
    everything = doc.scratch["agency_mentions"]
    outer = ag.outermost_mentions(doc)
    assert len(outer) < len(everything)
    assert [doc.text[s:e] for s, e, _ in outer] == [
        "DPD Partai Demokrat Bali", "Komisi II DPR", "Partai Demokrat"]
    # the outer ranges are sorted and apart; every mention lies inside one of them
    assert all(a[1] <= b[0] for a, b in zip(outer, outer[1:]))
    for s, e, _ in everything:
        assert any(os <= s and e <= oe for os, oe, _ in outer)


def test_news_agencies_are_never_agencies(extractor: Extractor) -> None:
    text = ("Menurut laporan AFP, Reuters dan BBC, serta Kantor Berita Antara, pasukan ditarik. "
            "Perum LKBN Antara menyiarkan kabar itu lebih dulu.")
    res = extractor.extract(text, reference_date=PINNED_REFERENCE)
    assert res.agencies == []


def test_foreign_bodies_have_no_level_or_region(extractor: Extractor) -> None:
    res = extractor.extract("Pemerintah Jepang dan Kementerian pertahanan Korea Selatan membahas latihan "
                            "bersama dengan Kementerian Pertahanan.", reference_date=PINNED_REFERENCE)
    got = {(a.name, a.kind, a.level, a.region) for a in res.agencies}
    assert ("Pemerintah Jepang", "pemerintah asing", None, None) in got
    assert ("Kementerian pertahanan Korea Selatan", "kementerian asing", None, None) in got
    assert ("Kementerian Pertahanan", "kementerian", "pusat", None) in got  # the Indonesian one


def test_local_region_needs_agreement(extractor: Extractor) -> None:
    agree = extractor.extract("Semarangpos.com, KENDAL - Disdukcapil menambah loket. Warga Kabupaten "
                              "Kendal bisa datang pagi.", reference_date=PINNED_REFERENCE)
    assert [a.region for a in agree.agencies] == ["Kabupaten Kendal"]
    differ = extractor.extract("Semarangpos.com, KENDAL - Disdukcapil menambah loket. Warga Kota "
                               "Semarang juga datang.", reference_date=PINNED_REFERENCE)
    assert [a.region for a in differ.agencies] == [None]


# ------------------------------------------------------------------ lexicon and regions


def test_lexicon_size_and_schema(extractor: Extractor) -> None:
    rows = extractor.lexicon.rows("agencies", "bodies")
    assert len(rows) >= 150
    assert sum(bool(r.acronyms) for r in rows) >= 150
    assert len({r.id for r in rows}) == len(rows)
    for r in rows:
        if r.region_types:
            assert r.takes == "region", r.id


def test_lexicon_counts_regions(extractor: Extractor) -> None:
    lex: Lexicon = extractor.lexicon
    assert len(lex.rows("regions", "provinces")) == 38
    regencies = lex.rows("regions", "regencies")
    assert len(regencies) == 514
    assert sum(r.type == "kota" for r in regencies) == 98


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Kota Magelang", "Kota Magelang"),
        ("Kab. Magelang", "Kabupaten Magelang"),
        ("Kabupaten Kulonprogo", "Kabupaten Kulon Progo"),
        ("Jateng", "Provinsi Jawa Tengah"),
        ("Provinsi DIY", "Provinsi Daerah Istimewa Yogyakarta"),
        ("Solo", "Kota Surakarta"),
        ("Kukar", "Kabupaten Kutai Kartanegara"),
        ("Magelang", None),  # both a kabupaten and a kota: needs a cue
        ("Kota Antah Berantah", None),
    ],
)
def test_canonical_region(extractor: Extractor, written: str, canonical: str | None) -> None:
    assert canonical_region(extractor.lexicon, written) == canonical


def test_match_region_needs_position_and_flags_everyday_words(extractor: Extractor) -> None:
    lex = extractor.lexicon
    text = "Pemkab Agam dan Agam, seorang mahasiswa"
    m = match_region(lex, text, len("Pemkab"), "kabupaten")
    assert m is not None and m.region.canonical == "Kabupaten Agam" and not m.ambiguous
    bare = match_region(lex, text, text.index("Agam,"))
    assert bare is not None and bare.ambiguous  # callers reject it without a cue
    assert match_region(lex, "Kota  Batu", 0) is not None  # several spaces after the cue
    assert match_region(lex, "Warga Batu", 0) is None


def test_region_index_is_built_once(extractor: Extractor) -> None:
    assert region_index(extractor.lexicon) is region_index(extractor.lexicon)
    assert ag.compiled(extractor.lexicon) is ag.compiled(extractor.lexicon)


# ------------------------------------------------------------------ user pattern files


def test_user_rows_add_bodies(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "mine.toml").write_text(
        '[file]\nkind = "agencies"\n\n[[bodies]]\nid = "dinas_arsip_x"\n'
        'name = "Dinas Arsip Kependudukan"\nacronyms = ["Disarduk"]\nkind = "dinas"\n'
        'takes = "region"\n',
        encoding="utf-8",
    )
    ex = Extractor(extra_patterns=[tmp_path])
    res = ex.extract("Disarduk Kota Blitar menyimpan berkas lama.", reference_date=PINNED_REFERENCE)
    assert [(a.name, a.region) for a in res.agencies] == [
        ("Dinas Arsip Kependudukan Kota Blitar", "Kota Blitar")]


def test_a_bad_pattern_is_named_on_load(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from ektp_extract.errors import PatternError

    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[file]\nkind = "agencies"\n\n[[bodies]]\nid = "komisi_x"\nname = "Komisi X"\n'
        "patterns = ['Komisi (?:[A-E]']\nkind = \"lembaga\"\n",
        encoding="utf-8",
    )
    with pytest.raises(PatternError) as err:
        Extractor(extra_patterns=[tmp_path])
    assert "bad.toml" in str(err.value) and "komisi_x" in str(err.value)


# ------------------------------------------------------------------ fast paths


def _scan_reference(c: ag._Compiled, text: str) -> list[tuple[int, str, str]]:
    """What the scan visits, one regex step per capitalised word (the general path)."""
    out = []
    for sm in c.scan.finditer(text):
        w = sm.group(0)
        if w.casefold() in c.scan_words or w[:ag._NEAR_PREFIX] in c.near:
            out.append((sm.start(), w, w.casefold()))
    return out


def _office_reference(c: ag._Compiled, text: str, words: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """``words`` and, where no word starts, the word of an [[office_acronyms]] row's head
    letter after a whole cue word and a space whose second character an acronym of the row
    may have (Kepala DLHP, Kepala Dinsos; not Kepala Daerah), which the ASCII scan adds for
    the office-acronym reader."""
    taken = {s for s, _, _ in words}
    extra = []
    for p, ch in enumerate(text):
        if p >= 2 and ch in c.office_initials and p not in taken and text[p - 2:p + 2] in c.office_keys:
            for cue in c.office_finds.get(text[p - 2:p + 1], ()):
                b = p - 1 - len(cue)
                if b >= 0 and text.startswith(cue, b) and (b == 0 or not text[b - 1].isalnum()):
                    w = re.match(r"[A-Za-z0-9]*", text[p:]).group(0)  # the rest of the word
                    extra.append((p, w, w.lower()))
                    break
    return sorted(words + extra)


@pytest.mark.parametrize("text", [
    "Disdukcapil Kota Magelang dan eDisdukcapil, Disdukcapil_ _Disdukcapil 2Dinas Dinas2 Dinasti",
    "DINAS KESEHATAN (Dinkes) KPU/KPUD Kemendagri.Disdikcapil Dukcapik Pemkot. Magelang Pemkot",
    "Dinas Kesehatan Kota Bekasi; Dinaskes x_Dinas", "", "Dinas", " KPU",
])
def test_scan_ascii_fast_path_visits_what_the_regex_scan_visits(extractor: Extractor, text: str) -> None:
    c = ag.compiled(extractor.lexicon)
    assert text.isascii()
    assert ag._starts(c, text) == _scan_reference(c, text)
    # non-ASCII text takes the regex scan itself
    assert ag._starts(c, text + " é") == _scan_reference(c, text + " é")


def test_scan_ascii_fast_path_on_the_fixtures(extractor: Extractor) -> None:
    """The one-pattern ASCII scan finds what the regex scan finds, word by word, on every
    development article (and with every scan word and near-miss key written in them)."""
    c = ag.compiled(extractor.lexicon)
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "articles").glob("*.txt"))]
    words = sorted(c.scan_words) + sorted(c.near)
    texts.append(" ".join(w[:1].upper() + w[1:] for w in words))  # Dinas, Kpu, Dukc ...
    texts.append(" ".join(w.upper() + "x" + "/" + w.title() + "_" for w in words))  # near misses, ends
    texts.append("".join("(" + w.capitalize() + "9)" for w in words))
    texts.append("Kepala DLHP, kepala Dinsos Kadis DP3A XKepala DLHP Sekdis D Kepala DPRD KEPALA D2X"
                 " Kepala Daerah Kadis Dixyz Kepala Dinas")
    for text in texts:
        if text.isascii():
            assert ag._starts(c, text) == _office_reference(c, text, _scan_reference(c, text))


@pytest.mark.parametrize("text", [
    "Kota Magelang", "kota Magelang", "KOTA MAGELANG", "Kab.Semarang", "Kab. Semarang", "Kab Semarang",
    "Kabupaten Pangkajene dan Kepulauan", "Prov. Jawa Tengah", "Provinsi Jawa Tengah, kata",
    "Magelang Kota", "Magelang", "Batu Bara", "Kota Batu", "Kulon Progo Yogyakarta", "Bau-Bau",
    "D.I. Yogyakarta", "Jateng.", "Kotabaru", "Kota", "kab", " Jakarta Barat", "jakarta", "2019", "",
    "Kota Magelang_", "Kodya Malang", "Propinsi Bali", "Kabupaten Kepulauan Seribu Utara",
])
@pytest.mark.parametrize("type_", [None, "kota", "kabupaten", "provinsi"])
def test_match_region_ascii_fast_path_agrees_with_the_regex_path(
        extractor: Extractor, text: str, type_: str | None) -> None:
    lex = extractor.lexicon

    def seen(t: str) -> object:
        m = match_region(lex, t, 0, type_)  # type: ignore[arg-type]
        if m is None:
            return None
        return (m.start, m.end, m.region.canonical, m.cued, m.ambiguous,
                [a.canonical for a in m.alternatives])

    assert seen(text) == seen(text + " \u00e9")  # the same text, not ASCII: regex module path


def test_fast_agency_equals_the_validated_record(extractor: Extractor, seed_text: str) -> None:
    res = extractor.extract(seed_text)
    written = [a for a in res.agencies if not a.inferred]
    assert written
    for a in written:
        slow = Agency(**a.model_dump())
        assert a == slow
        assert a.model_dump_json() == slow.model_dump_json()
        assert a.model_fields_set == slow.model_fields_set
    span = written[0].span
    assert span is not None
    with pytest.raises(ValueError):
        ag._agency("ag-1", "X", None, [], "dinas", "negara", None, [span], "r")
    with pytest.raises(ValueError):
        ag._agency("ag-1", "X", None, [], "dinas", None, None, [], "r")


def test_fast_inferred_agency_equals_the_validated_record(extractor: Extractor) -> None:
    """An agency implied by a position is built without validation: it must equal, dump
    and report its set fields as the validated record of the same call does."""
    doc = extractor.extract("Mendagri Tjahjo Kumolo mengatakan blanko e-KTP tersedia di Kota Magelang.")
    inferred = [a for a in doc.agencies if a.inferred]
    assert inferred
    for level, region in [("pusat", None), ("kota", "Kota Magelang"), (None, None)]:
        fast = ag._inferred_agency("ag-2", "Kementerian Dalam Negeri", "Kemendagri", "kementerian", level, region,
                                   "agencies:inferred:kemendagri")
        slow = Agency(id="ag-2", name="Kementerian Dalam Negeri", acronym="Kemendagri", kind="kementerian",
                      level=level, region=region, inferred=True, span=None, mentions=[],
                      rule="agencies:inferred:kemendagri")
        assert fast == slow
        assert fast.model_dump_json() == slow.model_dump_json()
        assert fast.model_fields_set == slow.model_fields_set
    for a in inferred:
        assert a == Agency(**a.model_dump())
    with pytest.raises(ValueError):
        ag._inferred_agency("ag-1", "X", None, None, "negara", None, "r")


def _fixture_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "articles").glob("*.txt"))]


@pytest.mark.parametrize("low", [
    "", "baca juga", "baca juga:", "xbaca juga", "bacajuga", "baca  juga", "lihat juga", "simak juga",
    " juga", "juga baca juga", "aca juga", "ihat juga", "mak juga", "kata juga baca jugalah", "lihat\njuga",
])
def test_read_also_check_is_the_three_substring_tests(low: str) -> None:
    def plain(t: str) -> bool:
        return "baca juga" in t or "lihat juga" in t or "simak juga" in t

    assert ag._has_read_also(low) == plain(low)
    for text in _fixture_texts():
        t = text.lower()
        assert ag._has_read_also(t) == plain(t)
        assert ag._has_read_also(t + " " + low) == plain(t + " " + low)


def test_title_line_is_title_like_of_the_line() -> None:
    lines = ["", ".", "Kemendagri Kirim 3 Juta Blanko ke Daerah", "Kemendagri Kirim 3 Juta Blanko.",
             "Kemendagri Kirim 3 Juta Blanko  ", "Kata \"Dia\" Kirim Blanko:", "a b c d,", "",
             "Baca Juga Kemendagri Kirim Blanko", "."]
    texts = ["\n".join(lines), "\n".join(lines[::-1]), *_fixture_texts()]
    for text in texts:
        ls = 0
        while ls <= len(text):
            le = text.find("\n", ls)
            le = len(text) if le < 0 else le
            want = ag._title_like(text[ls:le])
            for pos in {ls, (ls + le) // 2, le - 1 if le > ls else le, le}:  # any position of the line
                assert ag._title_line(text, pos, le) == want
            ls = le + 1


def test_titles_is_title_line_or_read_also_link() -> None:
    """``pos in _Titles(text)`` and ``_Titles(text).flags`` against the plain definition: the
    line holding ``pos`` is title-like, or an inline related link covers it."""
    lines = ["Kemendagri Kirim 3 Juta Blanko ke Daerah", "Dinas Sosial membagikan bantuan kepada warga.",
             "", "Baca Juga: Kemendagri Kirim 3 Juta Blanko ke Daerah Dinas Sosial", "Polres Kendal."]
    texts = ["\n".join(lines), *_fixture_texts()]
    for text in texts:
        links = ag._read_also(text)

        def plain(pos: int) -> bool:
            ls = text.rfind("\n", 0, pos) + 1
            le = text.find("\n", pos)
            line = text[ls:le if le >= 0 else len(text)]
            return ag._title_like(line) or any(s <= pos < e for s, e in links)

        positions = list(range(0, len(text) + 1, 7)) + [len(text)]
        want = [plain(p) for p in positions]
        assert ag._Titles(text).flags(positions) == want
        titles = ag._Titles(text)
        assert [p in titles for p in positions] == want


def _sig(m):  # type: ignore[no-untyped-def]
    if m is None:
        return None
    return m.span(), tuple(m.span(g) for g in range(1, m.re.groups + 1)), m.lastindex, m.lastgroup


def _twin_texts(c: ag._Compiled) -> list[str]:
    import random

    texts = [t for t in _fixture_texts()[:8] if t.isascii()]
    rnd = random.Random(11)
    alphabet = "aAdDiIkKnNsSPpRr .,-'()\"/&\n0912_:;"
    texts += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 60))) for _ in range(150)]
    forms = [f for r in c.rows.values() for f in (r.name, *r.forms, *r.acronyms)]
    glue = [" ", ", ", " (", ") ", ".", " dan ", " Kota Magelang ", " RI ", "  ", "-", "/"]
    texts.append("".join(f + glue[i % len(glue)] for i, f in enumerate(forms)))
    texts.append("".join(f.upper() + glue[i % len(glue)] for i, f in enumerate(forms)))
    texts += ["Dinas Kesehatan (Dinkes) Kota Bekasi; PT Angkasa Pura I (Persero) Tbk. dan PT Telkom Tbk",
              "Pemerintah Jerman, Kementerian Pertahanan Rusia dan Kementerian luar negeri Jepang",
              "Suku Dinas (Kasudin) Dukcapil Jakarta Timur, Badan Anggaran (Banggar) DPR RI",
              "kata MA, Ketua DPD Hanura Sulsel, BI Rate, Hanura Digital. Komisi II DPR"]
    return [t for t in texts if t.isascii()]


def test_agency_patterns_ascii_twins_match_as_the_regex_patterns(extractor: Extractor) -> None:
    """On ASCII text the stage runs stdlib twins of its regex patterns (module patterns,
    head words, foreign bodies, Suku Dinas and the forms by first word): each must give
    the same matches, groups and last group at every place of real and odd text."""
    c = ag.compiled(extractor.lexicon)
    twins: dict[str, object] = {k: v for k, v in vars(ag).items() if isinstance(v, ag.Twin)}
    twins["heads"] = c.heads
    twins["sub_unit"] = c.sub_unit
    for w, rxs in c.foreign_rx.items():
        for i, rx in enumerate(rxs):
            twins[f"foreign {w} {i}"] = rx
    assert len(twins) > 15
    texts = _twin_texts(c)
    for name, tw in twins.items():
        assert isinstance(tw, ag.Twin) and tw.a is not None, name
        u, a = tw.u, tw.a
        for t in texts:
            step = 1 if len(t) < 80 else 3 if len(t) < 300 else 13
            for pos in range(0, len(t) + 1, step):
                for end in (len(t), min(len(t), pos + 30)):
                    where = (name, t[pos:pos + 40])
                    assert _sig(u.match(t, pos, end)) == _sig(a.match(t, pos, end)), where
                    assert _sig(u.search(t, max(0, pos - 30), pos)) == _sig(a.search(t, max(0, pos - 30), pos)), where
            assert [_sig(m) for m in u.finditer(t)] == [_sig(m) for m in a.finditer(t)], name
            lo = min(5, len(t))
            hi = max(lo, len(t) - 5)
            assert u.findall(t, lo, hi) == a.findall(t, lo, hi), name


def test_forms_by_first_word_ascii_twins_match_as_the_regexes(extractor: Extractor) -> None:
    """``by_first_ascii`` (stdlib twins of the forms' regexes, read on ASCII text) matches
    as ``by_first`` at every word of real and odd text whose first word keys a regex."""
    c = ag.compiled(extractor.lexicon)
    assert c.by_first_ascii.keys() == c.by_first.keys()
    twinned = sum(type(rx).__module__ == "re" for rx in c.by_first_ascii.values())
    assert twinned > 0.9 * len(c.by_first)
    checked = 0
    for t in _twin_texts(c):
        for wm in ag._WORD.u.finditer(t):
            low = wm.group(0).casefold()
            if low in c.by_first:
                checked += 1
                s = wm.start()
                assert _sig(c.by_first[low].match(t, s)) == _sig(c.by_first_ascii[low].match(t, s)), t[s:s + 50]
    assert checked > 1000


def _odd_texts() -> list[str]:
    import random

    rnd = random.Random(7)
    alphabet = "KkPpBWaotembdyupilzKPU() .,_2\n-/é"
    return [*_fixture_texts(), *("".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 120)))
                                for _ in range(400))]


def test_whole_words_is_the_bounded_regex() -> None:
    """``_whole_words`` (str.find on ASCII text) finds the spans of the regex it replaced."""
    texts = _odd_texts() + ["KPU,KPUx xKPU KPU KPUKPU KPU_ _KPU (KPU) KPU2 2KPU KPU-RI", "éKPU KPU"]
    for t in texts:
        for a in ("KPU", "P", "Pp", "Kota", "a.", "(K", "Banggar", "é", "KPU KPU"):
            assert ag._whole_words(t, a) == ag._whole_words_plain(t, a), (a, t[:60])


def test_parenthesised_holds_exactly_the_written_acronyms(extractor: Extractor) -> None:
    """``acr in _parenthesised(text)`` is ``"(" + acr + ")" in text`` for the acronyms
    ``_drop_redefined`` looks for (two to six letters, no parenthesis)."""
    c = ag.compiled(extractor.lexicon)
    acrs = sorted(a for a in c.acr if 2 <= len(a) <= 6 and "(" not in a and ")" not in a)
    texts = _odd_texts() + ["(PKS)(KPU) ((DPR)) (DPR (MPR) (BPJS)x(KPK)", "(" + ")(".join(acrs) + ")"]
    for t in texts:
        got = ag._parenthesised(t)
        for a in acrs + ["PK", "KPU", "DPR", "MPR"]:
            assert (a in got) == (f"({a})" in t), (a, t[:60])


def test_region_cues_ascii_pattern_reads_as_the_regex() -> None:
    """``_region_cues`` (one stdlib pattern on ASCII text) yields what the regex gives."""
    texts = _odd_texts() + [
        "Kota Magelang, kota Malang, KOTA X, xKota Y, 2Kab. Z, Kab.Semarang, Kab Semarang,"
        " Kabupaten  Bima, Kotamadya Malang, Kota madya X, KABUPATEN MAGELANG kab. X",
        "Pemkab Magelang, Pemkot Solo, Bupati Bima, Wakil Bupati X, Wabup Y, Wali Kota Z,"
        " Walikota Q, Wali kota R, Wawali S, Walkot T, _Pemkab U, Pemkab  V, pemkab W, Bupatix Y",
    ]
    seen = set()
    for t in texts:
        for pos in (0, 3):
            got = list(ag._region_cues(t, pos))
            assert got == list(ag._region_cues_plain(t, pos)), t[:60]
            seen.update(k for _, k in got)
    assert seen == {None, "kabupaten", "kota"}


def test_row_slots_equal_the_body_rows(extractor: Extractor) -> None:
    """The stage reads body types as ``_Row`` slots: every field of every row as loaded."""
    c = ag.compiled(extractor.lexicon)
    rows = extractor.lexicon.rows("agencies", "bodies")
    assert set(ag._ROW_SLOTS) == set(ag.BodyRow.model_fields)
    if not COMPILED:  # (a compiled native class has no __slots__ to read)
        assert ag._Row.__slots__ == ag._ROW_SLOTS
        assert ag._Mention.__slots__ == ag._MENTION_SLOTS
    assert c.rows.keys() == {r.id for r in rows}
    for r in rows:
        for f in ag.BodyRow.model_fields:
            assert getattr(c.rows[r.id], f) == getattr(r, f), (r.id, f)


def test_trie_any_case_matches_as_the_case_insensitive_trie(extractor: Extractor) -> None:
    import re

    c = ag.compiled(extractor.lexicon)
    groups: dict[str, list[str]] = {}
    for w in c.scan_words:
        if w.isascii() and w.isalnum() and w[:1].islower():
            groups.setdefault(w[0], []).append(w[1:])
    groups["x"] = ["", "a", "ab", "9b"]
    for rests in groups.values():
        plain = re.compile(f"(?i:{ag._trie(rests)})", re.ASCII)
        for depth in (1, 2, 3):
            fast = re.compile(ag._trie_any_case(rests, depth), re.ASCII)
            for w in rests + [r.upper() for r in rests] + [r.title() for r in rests] + [r[:-1] for r in rests]:
                for t in (w, w + "x", w.swapcase(), w[:1] + w[1:].swapcase()):
                    assert _sig(fast.match(t)) == _sig(plain.match(t)), (t, depth)
                    # every prefix of t the tree can match whole (a longer scan pattern may
                    # backtrack to any of them)
                    assert _whole_prefixes(fast, t) == _whole_prefixes(plain, t), (t, depth)


def _whole_prefixes(rx: "re.Pattern[str]", t: str) -> list[int]:
    return [e for e in range(len(t) + 1) if rx.fullmatch(t, 0, e) is not None]


def test_lower_gov_starts_find_what_the_scan_finds(extractor: Extractor) -> None:
    """The lower-case government starts found at the "pem" that ``str.find`` finds are the
    matches of ``lower_gov_scan.finditer``."""
    c = ag.compiled(extractor.lexicon)
    assert c.lower_gov_first and c.lower_gov_scan is not None
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "articles").glob("*.txt"))]
    texts += _odd_texts() + [
        "pemkab Kendal, xpemkab Kendal pempemkab Kendal pemkab  Kendal pemkab kendal (pemprov DKI)",
        "pemerintah daerah Kota Batu pemerintah daerah kota pemerintah KSB pemda Aceh_pemkot Bogor",
        "épemkab Kendal ñ pemkot Bogor 1pemkot Bogor _pemkot Bogor pemprop Jatim.pemprov DKI pem",
        "pemkab Kendalpemkab Kendal pemkab Kendal pemkab pemerintahpemerintah X pemkot Y",
    ]
    for t in texts:
        ref = [(m.start(), m.group(1), m.group(1)) for m in c.lower_gov_scan.finditer(t)]
        assert ag._lower_gov_starts(c, t) == ref, t


def test_read_also_pattern_finds_what_the_plain_pattern_finds() -> None:
    """``_READ_ALSO`` (branches opening with their letter, the word boundary behind it)
    finds the matches of ``_READ_ALSO_PLAIN`` in ASCII and other text."""
    texts = _odd_texts() + [
        "Baca juga: Kemendagri Kirim. baca  Juga x BACA JUGA:  Y, Lihat juga Z, lihat JUGA, LIHAT Juga,"
        " Simak juga, simak juga, SIMAK JUGA, xBaca juga, _baca juga, 2Lihat juga, Bacajuga, BAca juga",
        "é Baca juga: X ébaca juga Ésimak juga", "baca\njuga", "",
    ]
    for t in texts:
        for u in (t, t + " é"):
            assert [_sig(m) for m in ag._READ_ALSO.finditer(u)] == \
                [_sig(m) for m in ag._READ_ALSO_PLAIN.finditer(u)], u[:60]


def test_read_also_scan_from_the_first_juga_finds_every_link() -> None:
    """``_read_also`` starts its scan of ASCII text at the first " juga" less its spaces and
    a word: the links are those of a scan of the whole text."""
    def whole(text: str) -> list[tuple[int, int]]:
        if not ag._has_read_also(text.lower()):
            return []
        out = []
        for m in ag._READ_ALSO.finditer(text):
            end = m.end()
            for w in ag._LINK_WORD.finditer(text, m.end()):
                word = w.group(1)
                if not (word[:1].isupper() or word[:1].isdigit() or word.casefold() in ag._SMALL):
                    break
                end = w.end()
            out.append((m.start(), end))
        return out

    texts = _odd_texts() + [
        "Baca juga: Kemendagri Kirim Blanko", "x Lihat     juga: A B c", "juga baca juga X",
        "Simak Juga Y. Baca JUGA: Z, baca juga W", " juga  Baca  juga  X", "LIHAT JUGA A", "baca",
        "Ia juga datang. Baca juga: Dinas Kesehatan Kota", "xbaca juga X ybaca  juga Y baca juga Z",
        "simak  juga  :  A B", "Baca\njuga X", "Sebab juga baca juga A", "  juga",
    ]
    for t in texts:
        assert ag._read_also(t) == whole(t), t
        assert ag._read_also(t, t.lower()) == whole(t), t
