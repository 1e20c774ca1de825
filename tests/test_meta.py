"""Article metadata on the seed and on header forms of other outlets."""

from __future__ import annotations

import pytest
from _util import ROOT, assert_spans

from ektp_extract import Extractor


def test_seed_meta_row(extractor: Extractor, seed_text: str) -> None:
    res = extractor.extract(seed_text, article_id="seed")
    m = res.meta
    assert m.published == "2016-04-19T13:50:00+07:00"
    assert m.title == "E-KTP JATENG : Magelang Raih Penghargaan Mendagri"
    assert m.authors == ["Imam Yuda Saputra"]
    assert m.section == "Jateng"
    assert m.dateline_location == "Magelang"
    assert m.outlet == "Solopos.com"
    assert m.cited_sources == ["Antara"]
    pub = [d for d in res.dates if d.role == "publication"]
    assert len(pub) == 1 and pub[0].value == m.published and pub[0].granularity == "minute"
    assert_spans(res, seed_text)
    assert set(m.spans) >= {"title", "published", "authors", "section", "dateline_location"}


def test_journalists_are_never_officials(extractor: Extractor, seed_text: str) -> None:
    res = extractor.extract(seed_text)
    names = {o.name for o in res.officials}
    assert "Imam Yuda Saputra" not in names
    # the byline is blanked: no record may point into it
    byline = seed_text.index("Imam Yuda Saputra")
    for label, span in res.iter_spans():
        if not label.startswith("meta."):
            assert not (span.start <= byline < span.end), label


def test_date_line_forms(extractor: Extractor) -> None:
    body = "\n\nJudul Berita Soal Kartu Penduduk\n\nJAKARTA, KOMPAS.com - " + "Isi berita yang panjang. " * 4
    cases = {
        "Kamis, 17 Januari 2019 | 09:15 WIB": "2019-01-17T09:15:00+07:00",
        "Minggu, 24 Maret 2019 - 21:57 WIB": "2019-03-24T21:57:00+07:00",
        "24/03/2019, 21:57 WITA": "2019-03-24T21:57:00+08:00",
        "CNN Indonesia | Rabu, 06/03/2019 10:12 WIB": "2019-03-06T10:12:00+07:00",
        "Senin, 04 Mar 2019 14:20 WIT": "2019-03-04T14:20:00+09:00",
        "Selasa, 5 Maret 2019": "2019-03-05",
    }
    for line, want in cases.items():
        res = extractor.extract(line + body)
        assert res.meta.published == want, line


def test_datelines(extractor: Extractor) -> None:
    rest = " Pemerintah daerah terus mempercepat perekaman data penduduk di wilayahnya."
    cases = {
        "Semarangpos.com, MAGELANG \u2013": ("Solopos.com", "Magelang"),
        "MAGELANG, KRJOGJA.com \u2013": ("KRjogja.com", "Magelang"),
        "Jakarta (ANTARA) -": ("Antaranews.com", "Jakarta"),
        "Liputan6.com, Jakarta -": ("Liputan6.com", "Jakarta"),
        "JAKARTA, KOMPAS.com -": ("Kompas.com", "Jakarta"),
        "TEMPO.CO, Jakarta -": ("Tempo.co", "Jakarta"),
        "Harianjogja.com, WATES--": ("Harianjogja.com", "Wates"),
        "TRIBUNMANADO.CO.ID, MANADO -": ("Tribunmanado.co.id", "Manado"),
        "SOREANG, (PR).-": ("Pikiran-Rakyat.com", "Soreang"),
        # an outlet's own code, known to no list: the dateline without an outlet
        "MUARA TEWEH, BK \u2013": (None, "Muara Teweh"),
        "BLORA, SRN -": (None, "Blora"),
    }
    for dl, (outlet, loc) in cases.items():
        res = extractor.extract("Judul Berita yang Cukup Panjang Sekali\n\n" + dl + rest)
        assert (res.meta.outlet, res.meta.dateline_location) == (outlet, loc), dl


def test_bylines(extractor: Extractor) -> None:
    body = "\n\nJAKARTA, KOMPAS.com - Pemerintah mempercepat perekaman data penduduk di daerah."
    res = extractor.extract("Judul Berita Panjang Sekali\n\nLaporan Wartawan Tribun Manado, Ryo Noor" + body)
    assert res.meta.authors == ["Ryo Noor"]
    res = extractor.extract("Judul Berita Panjang Sekali" + body + "\n\nPenulis: Dian Maharani | Editor: Sabrina Asril")
    assert res.meta.authors == ["Dian Maharani"] and res.meta.editors == ["Sabrina Asril"]


def test_reference_date_argument_wins_over_header(extractor: Extractor) -> None:
    text = "Selasa, 19 April 2016 - 13:50 WIB\n\nJudul Berita Panjang\n\nJakarta (ANTARA) - Isi berita yang cukup panjang untuk paragraf."
    res = extractor.extract(text, published="2016-04-20T08:00:00+07:00")
    assert res.meta.published == "2016-04-20T08:00:00+07:00"


# ----------------------------------------------------------- screened patterns
# meta tries its costly case-insensitive patterns only where a cheap screen says
# they can match; the results must be those of the plain patterns, on any text.

_PIECES = [
    "Kompas", "KOMPAS.com", "kompas.id", "Antara", "ANTARA News", "Kantor Berita Antara", "PR", "pr",
    "Tribun-bali.com", "news.detik.com", "detikNews", "x-kompas.com", "Foo-Bar.co.id", "dinas.or.id",
    "ABC.GO.ID", "kabar24.com", "Suara.com", "\u00e9cho.com", "Ant.Kompas", "kompas.com.news.id",
    "\u212aompas.com", "\u0130NEWS.ID", "Tribun", "Jawa Pos", "jawapos", "Republika", ".com", ".co", "com",
    "dilansir dari", "DIKUTIP", "seperti dilansir", "mengutip", "melan\u017fir", "laman berita", "situs",
    "Jakarta", "JAKARTA", "Budi Santoso", "warga", "kota", "2019", "e-KTP", " ", "  ", ", ", " - ", " -- ",
    " / ", " | ", "/", "|", "(", ")", ".", ":", "-", "\u00b7", "\t", "\u00e9", "_", "1", "'",
]


def _random_texts(seed: int, n: int) -> list[str]:
    import random

    rnd = random.Random(seed)
    return ["".join(rnd.choice(_PIECES) for _ in range(rnd.randrange(1, 12))) for _ in range(n)]


def test_outlet_screen_gives_the_pattern_results(extractor: Extractor) -> None:
    from ektp_extract.kinds.meta import rx

    r = rx(extractor.lexicon)
    pat = r.outlet_re.pattern
    for s in _random_texts(1, 6000):
        m1, m2 = r.outlet_re.search(s), pat.search(s)
        assert (m1 and m1.span()) == (m2 and m2.span()), s
        f1, f2 = r.outlet_re.fullmatch(s), pat.fullmatch(s)
        assert (f1 and f1.span()) == (f2 and f2.span()), s
        assert r.outlet_re.sub(" ", s) == pat.sub(" ", s), s


def test_cite_scan_gives_the_pattern_matches(extractor: Extractor) -> None:
    from ektp_extract.kinds.meta import _cites, rx

    import random

    r = rx(extractor.lexicon)
    rnd = random.Random(7)
    pieces = _PIECES + ["sebagaimana dikutip dari ", "Seperti dikutip dari ", "seperti ", "sebagaimana ", "dikutip ",
                        "dilansir ", "Antara", "Bersumber dari ", "diberitakan oleh "]
    texts = _random_texts(2, 3000) + ["".join(rnd.choice(pieces) for _ in range(rnd.randrange(1, 12)))
                                      for _ in range(3000)]
    for s in texts:
        for start in (0, len(s) // 2, 3):
            got = [m.span() for m in _cites(r, s, start)]
            assert got == [m.span() for m in r.cite.finditer(s, start)], s
            assert [m.span() for m in _cites(r, s, start, s.lower())] == got, s  # (the caller's lower case)


def test_dateline_screen_never_hides_a_match(extractor: Extractor) -> None:
    from ektp_extract.kinds.meta import _dateline_screen, rx

    r = rx(extractor.lexicon)
    extra = ["Jakarta", "JAKARTA", "MAGELANG", "Semarangpos.com", "Magelang", "Kota Baru", "X", "(ANTARA)", " - ", " -- ", "-", "DKI",
             "Bogor", ": ", " | ", "Klikbanyumas.com Purwokerto", "Koba, Bangka Tengah"]
    import random

    rnd = random.Random(3)
    pieces = _PIECES + extra
    for _ in range(6000):
        line = "".join(rnd.choice(pieces) for _ in range(rnd.randrange(1, 10))).strip()
        if not line:
            continue
        may = _dateline_screen(r, line)
        for n, pat in enumerate(r.dateline):
            if pat.match(line):
                assert may[n], (n, line)


def test_label_and_date_screens_never_hide_a_match(extractor: Extractor) -> None:
    from ektp_extract.kinds.meta import _LABEL2_STARTS, _label_before_colon, _lowered, rx

    r = rx(extractor.lexicon)
    import random

    rnd = random.Random(4)
    pieces = _PIECES + ["Penulis", "EDITOR", "Pewarta Foto", "Red", "Oleh", "By", " : ", ":", "19", "2019", "12",
                        "Maret", "/", "-", "13:50", "WIB", "\u00a0", "\x1c", "\t", "\x0b", "1", "7", "Jan."]
    for _ in range(6000):
        line = "".join(rnd.choice(pieces) for _ in range(rnd.randrange(1, 10)))
        low = _lowered(line)
        if any(r.labels.finditer(line)) and low is not None:
            assert low.startswith(_LABEL2_STARTS) or _label_before_colon(r, line, low), line
        if line.isascii():
            for i in range(0, len(line), 3):
                m1, m2 = r.date_hint.u.search(line, i), r.date_hint.a.search(line, i)
                assert (m1 and m1.span()) == (m2 and m2.span()), line


def test_twins_match_as_their_patterns(extractor: Extractor) -> None:
    """On ASCII text every stdlib twin of meta (see ``_tw``) finds what its regex pattern finds,
    from every position: header lines and paragraphs of the fixtures and random lines."""
    import random

    from ektp_extract.kinds import meta

    r = meta.rx(extractor.lexicon)
    twins = [v for v in vars(meta).values() if isinstance(v, meta.Twin)]
    twins += [r.date_line, r.date_hint, *r.dateline, r.labels, r.cite, r.name, r.outlet_re.twin]
    assert len(twins) > 25 and all(t.a is not None for t in twins)
    lines = [line for p in sorted((ROOT / "fixtures" / "articles").glob("*.txt"))
             for line in p.read_text(encoding="utf-8").splitlines() if line.strip() and line.isascii()]
    rnd = random.Random(5)
    pieces = [p for p in _PIECES if p.isascii()] + ["Penulis: ", "Jakarta (ANTARA) - ", "KOMPAS.com", " | ", "Editor",
                                                   "Selasa, 19 April 2016 - 13:50 WIB", "(Ryo Noor)", "dan", "Oleh "]
    lines += ["".join(rnd.choice(pieces) for _ in range(rnd.randrange(1, 10))) for _ in range(1500)]
    compared = 0
    for t in twins:
        for line in lines:
            for i in range(0, len(line), 7):
                for a, b in ((t.u.match(line, i), t.a.match(line, i)), (t.u.search(line, i), t.a.search(line, i)),
                             (t.u.search(line, 0, i), t.a.search(line, 0, i)),  # a window ending at i
                             (t.u.match(line, i // 2, i), t.a.match(line, i // 2, i))):
                    assert (a is None) == (b is None), (t.pattern[:60], line, i)
                    if a is not None:
                        assert a.span() == b.span() and a.groups() == b.groups(), (t.pattern[:60], line, i)
                        compared += 1
    assert compared > 10000


@pytest.mark.parametrize("value, has_time", [("2019-03-20T10:00:00+07:00", True), ("2016-04-19", False)])
def test_publication_equals_the_validated_record(value: str, has_time: bool) -> None:
    from ektp_extract.kinds.meta import _publication
    from ektp_extract.models import DateMention, Span

    span = Span(start=0, end=14, text="19 April 2016 ")
    fast = _publication(span, value, has_time)
    slow = DateMention(text=span.text, value=value, granularity="minute" if has_time else "day", kind="absolute",
                       role="publication", span=span, rule="meta.date_line")
    assert fast == slow
    assert fast.model_dump_json() == slow.model_dump_json()
    assert fast.model_fields_set == slow.model_fields_set
    assert DateMention.model_validate(fast.model_dump()) == fast
    with pytest.raises((ValueError, TypeError)):
        _publication(span, None, True)  # type: ignore[arg-type]


def _fixture_lines() -> list[str]:
    return [line.strip() for p in sorted((ROOT / "fixtures" / "articles").glob("*.txt"))
            for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_menu_and_byline_screens_give_the_plain_results(extractor: Extractor) -> None:
    """The fast paths of _is_menu, _date_line_only and _parts_may_be_names decide as the
    plain definitions do, on the fixture lines and on random ones."""
    import random

    from ektp_extract.kinds import meta

    r = meta.rx(extractor.lexicon)
    rnd = random.Random(6)
    menu = sorted(r.menu_words)[:12] + ["Home", "Beranda", "|", "| Berita", "Kuliner|", "STRASSE", "\u00df"]
    pieces = _PIECES + menu + ["Redaksi ", "Tim Redaksi", " / ", " | ", "Kompas.com", "antara", "dan", "kata dia"]
    lines = _fixture_lines() + ["".join(rnd.choice(pieces) + " " for _ in range(rnd.randrange(1, 14)))
                                for _ in range(3000)]

    def plain_menu(line: str) -> bool:
        toks = [t.strip("|").casefold() for t in line.split() if t.strip("|")]
        if len(toks) < 4:
            return False
        if toks[0] in ("home", "beranda") and all(t[:1].isupper() for t in line.split()):
            return True
        hits = sum(1 for t in toks if t in r.menu_words)
        return hits >= 3 and hits * 2 >= len(toks)

    def plain_parts(line: str) -> bool:  # False: some part is neither a name, an outlet nor Redaksi
        for pm in meta._RX_SLASH.u.finditer(line):
            p = pm.group(0).strip()
            if p and not (r.outlet_re.pattern.fullmatch(p) or meta._REDAKSI.u.match(p) and r.outlet_re.pattern.search(p)
                          or r.name.u.match(p)):
                return False
        return True

    screened = 0
    for line in lines:
        assert meta._is_menu(r, line) == plain_menu(line), line
        if not meta._parts_may_be_names(r, line):
            assert not plain_parts(line), line
            screened += 1
        p = meta.parse_date_line(extractor.lexicon, line)
        if p is not None:
            rest = r.outlet_re.pattern.sub(" ", line[:p.start] + " " + line[p.end:])
            plain = (len(line) - (p.end - p.start) <= 45
                     and not any(w.group(0) not in meta._DATE_LINE_WORDS for w in meta._LOWER_WORD.u.finditer(rest)))
            assert meta._date_line_only(r, line, 0, len(line), p) == plain, line
    assert screened > 100


def test_byline_names_give_the_plain_results(extractor: Extractor) -> None:
    """_names skips the view-count and "dan" patterns where they cannot match: the same names
    as with both patterns always applied."""
    import random

    from ektp_extract.kinds import meta

    r = meta.rx(extractor.lexicon)

    def plain(chunk: str) -> list[tuple[int, int]]:
        out = []
        for m in meta._RX_PARTS.u.finditer(chunk):
            part = m.group(0)
            pos = 0
            for piece in meta._RX_DAN.u.split(part):
                i = part.index(piece, pos)
                pos = i + len(piece)
                p = meta._TRAIL_NUM.u.sub("", piece.strip())
                if not p:
                    continue
                ps = m.start() + i + piece.index(p)
                if p.split()[0].casefold() in meta._NOT_NAMES:
                    continue
                if r.name.match(p) and not r.outlet_re.fullmatch(p) and p.casefold() not in r.outlet_forms:
                    if len(p) >= 3 and not p.isupper() or (p.isupper() and " " in p):
                        out.append((ps, ps + len(p)))
        return out

    rnd = random.Random(8)
    pieces = ["Budi Santoso", "Andi", " dan ", "dan", " Dani ", "Sudan", ", ", " / ", " | ", " 3589", "12", "\u00b2",
              "Editor", "REDAKSI", " & ", "\t", "Kompas.com", "Ayu Lestari", " ", "  dan  ", "\u0663"]
    chunks = [line for line in _fixture_lines() if len(line) < 120]
    chunks += ["".join(rnd.choice(pieces) for _ in range(rnd.randrange(1, 9))) for _ in range(4000)]
    for chunk in chunks:
        assert meta._names(r, chunk) == plain(chunk), chunk


def test_label_before_colon_equals_its_plain_definition(extractor: Extractor) -> None:
    """_label_before_colon reads the label before each ":" in place: the same answer as
    stripping a copy of the prefix."""
    import random

    from ektp_extract.kinds.meta import _label_before_colon, _lowered, rx

    r = rx(extractor.lexicon)
    assert r.label_ends is not None
    rnd = random.Random(9)
    pieces = [*r.label_ends, "Penulis", "EDITOR", ":", " :", "\t:", " ", "  ", "Budi", "x", "|", "\r", "é"]
    for _ in range(4000):
        line = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 6)))
        low = _lowered(line)
        if low is None:
            continue
        plain = ":" in line and (
            not line.isascii()
            or any(low[:c].rstrip(" \t\r\x0b\x0c").endswith(r.label_ends) for c, ch in enumerate(low) if ch == ":")
        )
        assert _label_before_colon(r, line, low) == plain, line


def test_byline_hint_equals_its_pattern() -> None:
    """_byline_hint reads an ASCII line with str methods: the same answer as the hint
    pattern, on the fixture lines and on random ones (dashes between odd whitespace,
    hint words in any case before word and non-word characters)."""
    import random

    from ektp_extract.kinds.meta import _byline_hint, _byline_hint_plain

    rnd = random.Random(10)
    pieces = ["a", "-", " ", "\t", "\r", "\x0b", "\x1c", "\u00a0", "Oleh", "oleh", "BY", "by_", "By", "x", ":", "(",
              "\u00e9", "Laporan", "KORESPONDEN", "1", "\u00b7", "|", "/", "_", "\u0131", "Reporter", "penulis."]
    lines = _fixture_lines() + ["".join(rnd.choice(pieces) for _ in range(rnd.randrange(0, 8))) for _ in range(20000)]
    for line in lines:
        assert _byline_hint(line) == _byline_hint_plain(line), line


def test_outlet_start_screen_never_hides_a_match(extractor: Extractor) -> None:
    """may_start_at is False only where the outlet pattern cannot match; told that the
    string has no domain ending (as _dateline_screen knows it), it answers as untold."""
    import random

    from ektp_extract.kinds.meta import _TLD_HINT, _lowered, rx

    r = rx(extractor.lexicon)
    rnd = random.Random(11)
    pieces = _PIECES + ["Kompas", "antara", "TEMPO", ".co", ".com", "Jakarta", ", ", " | ", "-", "CNN Indonesia",
                        "detik.com", ".", "x.", "Tribun.co.id", ".or", "go"]
    lines = _fixture_lines() + ["".join(rnd.choice(pieces) for _ in range(rnd.randrange(1, 10))) for _ in range(3000)]
    told = matched = 0
    for line in lines:
        low = _lowered(line)
        no_domain = low is not None and _TLD_HINT.search(low) is None
        for p in range(len(line)):
            may = r.outlet_re.may_start_at(line, p, low)
            if r.outlet_re.pattern.match(line, p) is not None:
                assert may, (line, p)
                matched += 1
            if no_domain:
                assert r.outlet_re.may_start_at(line, p, low, False) == may, (line, p)
                told += 1
    assert told > 10000 and matched > 500


def test_pattern_screens_hold_for_every_match() -> None:
    """What run and _byline check before a pattern is tried holds wherever it matches: a
    title or site suffix holds a bar, a section line has at most 29 characters, a Name -
    Site or Name, site line has one comma or dash (its separator), a post label is not
    empty — on the fixture lines and random ones."""
    import random

    from ektp_extract.kinds import meta

    rnd = random.Random(12)
    pieces = _PIECES + [" | ", "|", " - ", "-", ", ", ",", "Bali Tribune", "Hans Itta", "Nasional", "Diposting ", "\u00e9"]
    lines = _fixture_lines() + ["".join(rnd.choice(pieces) for _ in range(rnd.randrange(1, 8))) for _ in range(6000)]
    seen = 0
    for line in lines:
        for pat in (meta._TITLE_SUFFIX, meta._SITE_SUFFIX):
            if pat.search(line) is not None:
                assert "|" in line, line
                seen += 1
        if meta._SECTION.match(line) is not None:
            assert len(line) <= 29, line
            seen += 1
        if meta._NAME_OUTLET.match(line) is not None:
            assert line.count(",") + line.count("-") == 1, line
            seen += 1
    assert meta._POST_LABEL.match("") is None
    assert seen > 1000
