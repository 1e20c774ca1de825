"""Officials: the seed article, record invariants, pattern data and the helpers behind them.

Single forms (a position with its name, a title, a rank) are worked examples in
patterns/positions.toml and patterns/honorifics.toml; this file holds what an
example cannot say: whole-article behaviour, ids, links and user patterns.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import regex

from ektp_extract import Extractor
from ektp_extract.kinds.officials import _flex, name_contains, offlex, trie_pattern

from _util import PINNED_REFERENCE, assert_spans, members


def _by_name(result, name):  # type: ignore[no-untyped-def]
    hits = [o for o in result.officials if o.name == name]
    assert hits, f"no official {name!r}; got {[o.name for o in result.officials]}"
    return hits[0]


def test_seed_officials(extractor: Extractor, seed_text: str) -> None:
    res = extractor.extract(seed_text)
    assert_spans(res, seed_text)
    dev = _by_name(res, "Devananda")
    assert dev.position == "Kepala Dinas Kependudukan dan Catatan Sipil Kota Magelang"
    assert dev.region == "Kota Magelang"
    agung = _by_name(res, "Agung Widhiantoro")
    assert agung.position == "Kabid Dokumentasi dan Informasi Disdukcapil Kota Magelang"
    assert agung.position_canonical == (
        "Kepala Bidang Dokumentasi dan Informasi Dinas Kependudukan dan Pencatatan Sipil Kota Magelang"
    )
    # "kata Agung" joins Agung Widhiantoro
    assert "Agung" in [m.text for m in agung.mentions]
    # Mendagri is an unnamed office holder implying an inferred Kementerian Dalam Negeri
    mendagri = [o for o in res.officials if o.name is None and o.position_canonical == "Menteri Dalam Negeri"]
    assert len(mendagri) == 1
    ministry = {a.id: a for a in res.agencies}[mendagri[0].agency_id]
    assert ministry.name == "Kementerian Dalam Negeri" and ministry.inferred
    # nobody else is an official: not the journalist, not the places
    named = sorted(o.name for o in res.officials if o.name)
    assert named == ["Agung Widhiantoro", "Devananda"]


def test_seed_devananda_links_to_the_dinas(extractor: Extractor, seed_text: str) -> None:
    res = extractor.extract(seed_text)
    dev = _by_name(res, "Devananda")
    if not res.agencies or dev.agency_id is None:
        pytest.skip("agencies stage found no agency in the seed")
    agency = {a.id: a for a in res.agencies}[dev.agency_id]
    assert "Kependudukan" in agency.name and not agency.inferred


def test_ids_follow_first_mention_and_spans_are_names(extractor: Extractor) -> None:
    text = (
        "Bupati Sleman Sri Purnomo membuka layanan itu. Kepala Disdukcapil Kabupaten Sleman, "
        "Jazim Sumirat, mengatakan antrean berkurang. Menurut Sri Purnomo, layanan akan diperluas."
    )
    res = extractor.extract(text, reference_date=PINNED_REFERENCE)
    assert_spans(res, text)
    assert [o.id for o in res.officials] == ["off-1", "off-2"]
    assert [o.name for o in res.officials] == ["Sri Purnomo", "Jazim Sumirat"]
    first = res.officials[0]
    assert first.span.text == "Sri Purnomo" and len(first.mentions) == 2
    assert all(m.text == "Sri Purnomo" for m in first.mentions)


def test_one_person_introduced_twice_is_one_official(extractor: Extractor) -> None:
    text = (
        "Kasi Pelayanan Disdukcapil Kota Bogor, Andi Sutrisno, membuka loket. Andi Sutrisno, "
        "Kepala Seksi Pelayanan Dinas Kependudukan dan Pencatatan Sipil Kota Bogor, menambahkan "
        "loket buka sampai malam."
    )
    res = extractor.extract(text, reference_date=PINNED_REFERENCE)
    assert [o.name for o in res.officials] == ["Andi Sutrisno"]
    # the fullest written position is kept
    assert res.officials[0].position.startswith("Kepala Seksi Pelayanan Dinas")


def test_two_people_with_one_first_name_keep_their_mentions(extractor: Extractor) -> None:
    text = (
        "Kepala Disdukcapil Kota Solo, Budi Santoso, hadir. Camat Laweyan, Budi Hartono, juga hadir. "
        "Menurut Hartono, antrean di kecamatan sudah berkurang."
    )
    res = extractor.extract(text, reference_date=PINNED_REFERENCE)
    hartono = _by_name(res, "Budi Hartono")
    santoso = _by_name(res, "Budi Santoso")
    assert "Hartono" in [m.text for m in hartono.mentions]
    assert "Hartono" not in [m.text for m in santoso.mentions]


def test_minister_abbreviations_infer_their_ministry(extractor: Extractor) -> None:
    res = extractor.extract("Menkeu Sri Mulyani menyetujui tambahan anggaran blanko.", reference_date=PINNED_REFERENCE)
    off = _by_name(res, "Sri Mulyani")
    assert off.position_canonical == "Menteri Keuangan"
    agency = {a.id: a for a in res.agencies}[off.agency_id]
    assert agency.name == "Kementerian Keuangan" and agency.inferred


def test_byline_names_are_never_officials(extractor: Extractor) -> None:
    text = (
        "Penulis: Rizky Ardiansyah | Editor: Natalia Laurens\n\n"
        "SURABAYA - Kepala Dispendukcapil Kota Surabaya, Agus Imam Sonhaji, mengatakan perekaman "
        "di sekolah berjalan lancar sejak pekan lalu."
    )
    res = extractor.extract(text, reference_date=PINNED_REFERENCE)
    assert [o.name for o in res.officials] == ["Agus Imam Sonhaji"]


def test_short_name_in_capitals_joins_the_full_name(extractor: Extractor) -> None:
    text = (
        "Presiden Susilo Bambang Yudhoyono (SBY) membuka rapat terbatas di Bogor. Dalam rapat itu "
        "Presiden SBY meminta laporan perekaman. Para menteri mencatat arahan SBY."
    )
    res = extractor.extract(text, reference_date=PINNED_REFERENCE)
    assert_spans(res, text)
    assert [o.name for o in res.officials] == ["Susilo Bambang Yudhoyono"]
    assert [m.text for m in res.officials[0].mentions] == ["Susilo Bambang Yudhoyono", "SBY", "SBY", "SBY"]


def test_short_name_first_then_full_name_is_one_person(extractor: Extractor) -> None:
    text = (
        "Gubernur Ahok meninjau pompa air. Sehari kemudian Gubernur DKI Jakarta Basuki Tjahaja "
        "Purnama (Ahok) meresmikan waduk baru."
    )
    res = extractor.extract(text, reference_date=PINNED_REFERENCE)
    assert [o.name for o in res.officials] == ["Basuki Tjahaja Purnama"]
    off = res.officials[0]
    assert off.position == "Gubernur DKI Jakarta"
    assert [m.text for m in off.mentions].count("Ahok") == 2


def test_office_named_first_and_holder_later_is_one_official(extractor: Extractor) -> None:
    text = (
        "Kepala Distrik Asotipo ikut mendampingi petugas sejak pagi. Menurut Simon Wenda, kepala "
        "distrik itu, antrean mencapai 200 orang."
    )
    res = extractor.extract(text, reference_date=PINNED_REFERENCE)
    (off,) = res.officials
    assert off.name == "Simon Wenda" and off.position == "Kepala Distrik Asotipo"
    (q,) = [q for q in res.quotes if not q.direct]
    assert q.speaker_id == off.id and q.text.startswith("antrean mencapai")


def test_a_decree_is_not_its_author_but_the_named_author_is(extractor: Extractor) -> None:
    text = (
        "Aturan itu tertuang dalam Keputusan Presiden Nomor 12 Tahun 2014. Kader partai mendukung "
        "keputusan Presiden Joko Widodo soal pergantian itu."
    )
    res = extractor.extract(text, reference_date=PINNED_REFERENCE)
    assert [(o.name, o.position) for o in res.officials] == [("Joko Widodo", "Presiden")]
    assert res.officials[0].span.text == "Joko Widodo"


def test_apposition_holder_speaks_the_quote(extractor: Extractor) -> None:
    text = (
        "Sutrisno Hadi, ketua kelompok nelayan Pantai Depok, menolak rencana itu. "
        "\"Kami belum pernah diajak bicara,\" katanya."
    )
    res = extractor.extract(text, reference_date=PINNED_REFERENCE)
    (off,) = res.officials
    assert off.position == "ketua kelompok nelayan Pantai Depok"
    (q,) = [q for q in res.quotes if q.direct]
    assert q.speaker_id == off.id


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n", "Kepala", "Kepala Dinas,,,,", "\"" * 50, "Bupati " * 2000, "Budi, ketua " * 500,
     "Presiden SBY (SBY) " * 300, "keputusan Presiden " * 500, "al-Bashir el- " * 300, "Ketua Komisi A M " * 300],
)
def test_odd_input_gives_no_crash(extractor: Extractor, text: str) -> None:
    res = extractor.extract(text, reference_date=PINNED_REFERENCE)
    assert not any("officials" in w or "quotes" in w for w in res.warnings)
    assert_spans(res, text)


def test_user_patterns_add_a_position(tmp_path: Path) -> None:
    d = tmp_path / "mine"
    d.mkdir()
    (d / "pasar.toml").write_text(
        '[file]\nkind = "positions"\n\n'
        '[[positions]]\nid = "kepala_pasar"\nforms = ["Kepala Pasar", "Kapas"]\n'
        'canonical = "Kepala Pasar"\ntakes = "place"\n',
        encoding="utf-8",
    )
    text = "Kapas Beringharjo Sutarman mengatakan pedagang sudah didata."
    mine = Extractor(extra_patterns=[d]).extract(text, reference_date=PINNED_REFERENCE)
    off = _by_name(mine, "Sutarman")
    assert off.position == "Kapas Beringharjo" and off.position_canonical == "Kepala Pasar Beringharjo"
    builtin = Extractor().extract(text, reference_date=PINNED_REFERENCE)
    assert not any(o.name == "Sutarman" for o in builtin.officials)


def test_lexicon_sizes() -> None:
    lx = offlex(Extractor().lexicon)
    rows = {r.id for r in lx.head_keys.values()}
    assert len(rows) >= 150
    assert {"mendagri", "kepala_bidang", "kapolres", "wawali", "kades", "sekda", "dandim"} <= rows


@pytest.mark.parametrize(
    "form,written",
    [("S.Sos", "S.Sos"), ("S.Sos", "S.Sos."), ("S.Sos", "S. Sos"), ("S.Sos", "SSos"),
     ("SH", "S.H."), ("SH", "SH"), ("M.AP", "MAP"), ("M.Si", "M.Si.")],
)
def test_title_forms_accept_dot_and_space_variants(form: str, written: str) -> None:
    assert regex.fullmatch(_flex(form), written)


def test_title_forms_stay_case_sensitive() -> None:
    assert regex.fullmatch(_flex("dr"), "dr.") and not regex.fullmatch(_flex("dr"), "DR.")


def test_trie_pattern_matches_exactly_its_words() -> None:
    words = ["kabid", "kabidhumas", "kadis", "kadisdukcapil", "ka"]
    rx = regex.compile(rf"(?:{trie_pattern(words)})\Z")
    for w in words:
        assert rx.match(w), w
    for w in ["kabi", "kadisduk", "k", "kabidhuma"]:
        assert not rx.match(w), w


def test_name_contains() -> None:
    name = ["andi", "muhammad", "syahrir"]
    assert name_contains(name, ["syahrir"])
    assert name_contains(name, ["andi", "syahrir"])  # a middle name left out
    assert not name_contains(name, ["syahrir", "andi"])
    assert not name_contains(name, ["muh"])


# ------------------------------------------------------------------ speed paths (same results)


def test_make_official_equals_the_validated_record() -> None:
    """The stage builds records without pydantic validation; they must be the same records."""
    from ektp_extract.kinds.officials import make_official
    from ektp_extract.models import Official, Span

    span = Span(start=0, end=6, text="Budi S")
    fields = {"id": "off-1", "name": "Budi S", "honorifics": ["Drs."], "position": "Kepala Dinas",
              "position_canonical": "Kepala Dinas", "agency_id": "ag-1", "region": None,
              "mentions": [span], "span": span, "rule": "officials.position_name"}
    fast = make_official("off-1", "Budi S", ["Drs."], "Kepala Dinas", "Kepala Dinas", "ag-1", None,
                         [span], span, "officials.position_name")
    slow = Official(**fields)  # type: ignore[arg-type]
    assert fast == slow
    assert fast.model_dump_json() == slow.model_dump_json()
    assert fast.model_fields_set == slow.model_fields_set
    assert Official.model_validate(fast.model_dump()) == fast
    with pytest.raises((ValueError, TypeError)):
        make_official("off-1", "Budi", [1], None, None, None, None, [span], span, "r")  # type: ignore[list-item]
    with pytest.raises((ValueError, TypeError)):
        make_official("off-1", "Budi", [], None, None, None, None, [(0, 1)], span, "r")  # type: ignore[list-item]


@pytest.mark.parametrize(
    "text",
    [
        (
            "Kepala Dinas Budi dan kepala_dinas X, Bupati2 Sleman, _Bupati Sleman, 9Bupati, Menpan-RB Y, "
            "menpan-rb Z, menpan-rbx, Kapolresta Kapolres KepalaDinas Kepala-Dinas (Bupati) 'Camat' Wakil"
        ),
        "Bupati",
        "xBupati Kepala",
        "",
    ],
)
def test_head_starts_equal_the_regex_scan(extractor: Extractor, text: str) -> None:
    """On ASCII text heads are looked for where their first words occur; the places found
    must be those of the one regex scan they replace, from any start."""
    from ektp_extract.kinds.officials import LowerWords, _head_starts

    lx = offlex(extractor.lexicon)
    low = text.lower()
    lw = LowerWords(text, low, frozenset(regex.findall(r"[a-z]+", low)))
    for start in range(0, len(text) + 1, 3):
        expected = [m.span() for m in lx.any_rx.finditer(text, start)]
        assert _head_starts(lx, text, start, lw) == expected, start
        assert _head_starts(lx, text, start, None) == expected


def _patterns_of_the_stages(extractor: Extractor) -> dict[str, object]:
    from ektp_extract.kinds import officials, quotes

    out: dict[str, object] = {}
    for prefix, ns in [("officials", members(officials)), ("quotes", members(quotes)),
                       ("lx", members(offlex(extractor.lexicon))), ("q", members(quotes.qlex(extractor.lexicon)))]:
        for k, v in ns.items():
            if isinstance(v, officials.Twin):
                out[f"{prefix}.{k}"] = v.u
    return out


def test_ascii_twins_match_as_the_regex_patterns(extractor: Extractor) -> None:
    """On ASCII text the stages run stdlib twins of their regex patterns: every twin must
    give the same matches, groups and ``lastindex`` at every place of real and odd text."""
    import random

    from ektp_extract.kinds.officials import ascii_twin

    root = Path(__file__).resolve().parent.parent
    paths = sorted((root / "fixtures" / "articles").glob("*.txt"))[:6]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    texts = [t for t in texts if t.isascii()]
    rnd = random.Random(7)
    alphabet = "aAbBiIkKmMnNsSxXVLDr .,-'()\"/&\n0912_:;"
    texts += ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 50))) for _ in range(120)]
    texts += ["Drs. H. Budi Santoso, S.Sos, M.Si mengatakan", "I Wayan Sukerta dan Ni Luh Putu",
              "Mahfud MD, katanya.", "Omar al-Bashir", "Budi (45), warga setempat, mengaku"]

    def sig(m):  # type: ignore[no-untyped-def]
        if m is None:
            return None
        return m.span(), tuple(m.span(g) for g in range(1, m.re.groups + 1)), m.lastindex

    pats = _patterns_of_the_stages(extractor)
    assert len(pats) > 40
    twins = 0
    for name, rx in pats.items():
        a = ascii_twin(rx)  # type: ignore[arg-type]
        if a is None:
            assert getattr(rx, "flags", 0) & regex.REVERSE, name
            continue
        twins += 1
        u: Any = rx
        for t in texts:
            for pos in range(0, len(t) + 1, 3 if len(t) < 300 else 11):
                for end in (len(t), min(len(t), pos + 30)):
                    where = (name, t[pos:pos + 40])
                    assert sig(u.match(t, pos, end)) == sig(a.match(t, pos, end)), where
                    assert sig(u.search(t, pos, end)) == sig(a.search(t, pos, end)), where
            assert [sig(m) for m in u.finditer(t)] == [sig(m) for m in a.finditer(t)], name
    assert twins > 40


def test_lazy_token_readers_read_as_finditer() -> None:
    """``_Toks.at`` and ``_LazyTokens.get`` (span then slice, read as far as asked) give
    the tokens of ``_TOKEN.finditer`` over the window, in any order of asking."""
    import random

    from ektp_extract.kinds.officials import _TOKEN, _LazyTokens, _Toks

    root = Path(__file__).resolve().parent.parent
    paths = sorted((root / "fixtures" / "articles").glob("*.txt"))[:4]
    texts = [p.read_text(encoding="utf-8") for p in paths] + ["Bupati Sleman, Sri Purnomo (SP) — “kata” é", ""]
    rnd = random.Random(5)
    for text in texts:
        for _ in range(40):
            a = rnd.randint(0, len(text))
            b = rnd.randint(a, min(len(text), a + 200))
            plain = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, a, b)]
            tk, lt = _Toks(text, a, b), _LazyTokens(text, a, b)
            for i in [rnd.randint(0, len(plain) + 2) for _ in range(6)] + list(range(len(plain) + 2)):
                want = plain[i] if i < len(plain) else None
                assert tk.at(i) == want
                assert lt.get(i) == (want[2].casefold() if want else None)
            assert lt.spans == [(s, e) for s, e, _ in plain]


def test_contractions_data(extractor: Extractor) -> None:
    """Every contraction names an existing head and expands each of its units: a glued
    form with an unexpanded unit (Direktur Intelkam) would be a canonical half read."""
    lex = extractor.lexicon
    heads = {r.id for r in lex.rows("positions", "positions")}
    meaning = {f for e in lex.rows("positions", "expansions") for f in e.forms}
    for c in lex.rows("positions", "contractions"):
        assert (c.head is None) != (c.expansion is None), c.id
        assert c.head is None or c.head in heads, c.id
        assert len(set(c.units)) == len(c.units), c.id
        for u in c.units:
            assert u in c.expand or u in meaning or u in {"Samapta", "Narkoba", "Provos"}, (c.id, u)
    lx = offlex(lex)
    assert lx.head_keys[("dirintelkam",)].canonical == "Direktur Intelijen dan Keamanan"
    assert lx.head_keys[("karo", "sdm")].canonical == "Kepala Biro Sumber Daya Manusia"
    assert ("karo",) not in lx.head_keys  # the regency
    assert ("kasat", "intelkam") not in lx.head_keys  # Kasat is a head: Intelkam is its unit word
    assert lx.exp_plain["ditsabhara"].expansion == "Direktorat Samapta Bhayangkara"


def test_group_list_in_the_next_sentence(extractor: Extractor) -> None:
    """A group's office and the list of its holders in the next sentence are linked only
    inside one paragraph and through an explicit link; every holder is its own record
    whose mention is its name (the office is written once, before)."""
    text = (
        "Empat anggota Panwaslu Kecamatan Depok dilantik di aula kecamatan. Mereka yang dilantik "
        "adalah Yuliani, Sri Mulyani SH, Agus Prasetyo dan Dedi Kurnia.\n"
        "Tiga hakim ad hoc dilantik di Pengadilan Negeri Semarang.\n"
        "Mereka adalah Ahmad Fauzi, Ratna Dewi dan Bambang Sutejo."
    )
    res = extractor.extract(text)
    assert_spans(res, text)
    got = {o.name: o for o in res.officials}
    for name in ("Yuliani", "Sri Mulyani", "Agus Prasetyo", "Dedi Kurnia"):
        o = got[name]
        assert o.position == "anggota Panwaslu Kecamatan Depok"
        assert o.rule == "officials.group_named"
        assert [m.text for m in o.mentions] == [name]
    # a paragraph break between the office and the list: no link
    assert not {"Ahmad Fauzi", "Ratna Dewi", "Bambang Sutejo"} & set(got)
