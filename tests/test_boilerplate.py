"""The boilerplate stage: its start-word screen (``literal_starts``) and the page-chrome rules."""

from __future__ import annotations

import random

import pytest
import regex

from ektp_extract import Extractor
from ektp_extract.kinds.boilerplate import _compile, _match_line, literal_starts


@pytest.mark.parametrize(
    ("pattern", "starts"),
    [
        ("(baca juga|lihat juga)\\s*:?.*", ("baca juga", "lihat juga")),
        ("menu|waktu baca\\s*\\d+ menit", ("menu", "waktu baca")),
        ("foto(grafer)?:.*", ("foto",)),
        ("(a|b)?c", None),  # an optional group: a match may start anywhere
        ("\\d+ dilihat", None),  # an escape class: not followed
        ("[ab]c", None),
        ("(?i)abc", None),  # inline flags: given up
        ("ab*c", ("a",)),  # a quantified item ends the prefix before it
        ("ab{2}c", ("a",)),
        ("\\(c\\)|©", ("(c)", "©")),
        ("(x(y|z)w|q)", ("q", "xy", "xz")),
        ("(?P<t>ab|cd)e", ("ab", "cd")),  # a named group: read as a plain one
        ("foto\\s*:(?P<t>.*)", ("foto",)),
        ("(?P<t>.*)foto", None),
    ],
)
def test_literal_starts_reads_the_pattern(pattern: str, starts: tuple[str, ...] | None) -> None:
    assert literal_starts(pattern) == starts


_WORDS = ["menu", "Menu", "MENU", "baca", " juga", "juga", "waktu", " baca", " 1 ", "menit", "foto", ":", " ", "a",
          "b", "c", "x", "y", "z", "w", "q", "©", "(c)", "dibaca", " 10 kali", "ab", "bb", "\u212a", "k", "K", "ſ", "s"]
_PATTERNS = ["(baca juga|lihat juga)\\s*:?.*", "menu|waktu baca\\s*\\d+\\s*menit", "foto(grafer)?\\s*:.*", "ab*c",
             "ab{2}c", "\\(c\\)|©", "(x(y|z)w|q)", "(k|s)a?", "(menu|artikel ini (telah )?dibaca\\s*[\\d.]+\\s*kali)"]


def test_literal_starts_never_hide_a_match() -> None:
    """On an ASCII line, every case-insensitive whole-line match starts with one of the starts."""
    rnd = random.Random(7)
    for pattern in _PATTERNS:
        starts = literal_starts(pattern)
        assert starts is not None, pattern
        pat = regex.compile(pattern, regex.I | regex.V0)
        for _ in range(3000):
            line = "".join(rnd.choice(_WORDS) for _ in range(rnd.randrange(1, 6)))
            if pat.fullmatch(line) and line.isascii():
                assert line.casefold().startswith(starts), (pattern, line)


def test_rule_screens_never_hide_a_match(extractor: Extractor) -> None:
    """_match_line (screened) finds a rule whenever some rule's pattern matches the line."""
    rules = _compile(extractor.lexicon)
    rnd = random.Random(11)
    pieces = _WORDS + ["Baca juga", "Waktu Baca", "Artikel ini telah dibaca", "telah ", "Copyright", "©", "Foto",
                       "scroll to", " resume", " content", "Home", " > ", "Berita", "0", " dilihat", "Tags", "tag",
                       "Menuju konten utama", "Mode Gelap", "Perbesar", ".com", " - ", "(ANTARA FOTO/Ari)", "/"]
    for _ in range(4000):
        line = "".join(rnd.choice(pieces) for _ in range(rnd.randrange(1, 7))).strip()
        if not line:
            continue
        want = next((r[2] for r in rules.whole if r[0].fullmatch(line)), None)
        got = _match_line(line, rules)
        assert (got and got[1]) == want, line


def test_rule_screens_never_hide_a_match_on_other_lines(extractor: Extractor) -> None:
    """The literal starts screen non-ASCII lines too (lower-cased): _match_line finds the first
    rule whose pattern matches, with letters that fold to ASCII ones (ſ, K, İ, ı) among them."""
    rules = _compile(extractor.lexicon)
    rnd = random.Random(13)
    pieces = _WORDS + ["Baca juga", "BACA JUGA", "Foto", "FOTO", "Copyright", "©", "»", " › ", "Home", "Berita",
                       "é", "É", "ß", "\u2013", "\u017foto", "Baca ju\u0261a", "\u212aomentar", "\u0130klan",
                       "\u0131klan", "Tag\u00a0", "(ANTARA FOTO/\u00c9di)", "Tags", "Ilustrasi", ": ", " - ", "0",
                       " dilihat", "Advertisement", "Mode Gelap", "Share", "Topik", "Komentar", "Populer", ".co.id"]
    for _ in range(6000):
        line = "".join(rnd.choice(pieces) for _ in range(rnd.randrange(1, 7))).strip()
        if not line or line.isascii():
            continue
        want = next((r[2] for r in rules.whole if r[0].fullmatch(line)), None)
        got = _match_line(line, rules)
        assert (got and got[1]) == want, line


@pytest.mark.parametrize(
    "line",
    ["Menu", "Menuju konten utama", "Waktu Baca 1 menit", "Artikel ini telah dibaca 10 kali", "Dibaca: 1.204 kali",
     "SCROLL TO CONTINUE WITH CONTENT", "SCROLL TO RESUME CONTENT", "0 dilihat", "Mode Gelap", "Perbesar"],
)
def test_page_chrome_is_blanked(extractor: Extractor, line: str) -> None:
    rules = _compile(extractor.lexicon)
    assert _match_line(line, rules) is not None, line


@pytest.mark.parametrize(
    "line",
    ["Menu makan siang gratis dibagikan kepada 200 siswa.", "Waktu baca warga meningkat tahun ini.",
     "Buku itu telah dibaca 10 kali oleh para siswa di perpustakaan desa setiap pekan."],
)
def test_prose_is_not_page_chrome(extractor: Extractor, line: str) -> None:
    rules = _compile(extractor.lexicon)
    assert _match_line(line, rules) is None, line


def test_rule_twins_match_as_their_patterns(extractor: Extractor) -> None:
    """Built-in rules run as stdlib twins on ASCII lines: on every short line of the fixtures
    and on random lines each twin matches exactly where its ``regex`` pattern does."""
    from pathlib import Path

    from ektp_extract.text import lines

    rules = _compile(extractor.lexicon)
    assert all(r[5] is not None for r in rules.whole)  # every built-in rule has its twin
    root = Path(__file__).resolve().parent.parent
    cases = []
    for path in sorted((root / "fixtures" / "articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        cases += [text[s:e] for s, e in lines(text) if e - s <= 450]
    rnd = random.Random(5)
    pieces = _WORDS + ["Baca juga", "Copyright", "Foto", "ANTARA FOTO", "(ANTARA FOTO/Ari)", "Dok.", " / ", "Home",
                       " > ", ".com", ".co.id", " - ", "ilustrasi", "iklan", "Advertisement", "dilihat", "share"]
    cases += ["".join(rnd.choice(pieces) for _ in range(rnd.randrange(1, 8))) for _ in range(3000)]
    n = 0
    for line in cases:
        if not line.isascii():
            continue
        for pat, _, rid, _, _, twin in rules.whole:
            assert bool(twin.fullmatch(line)) == bool(pat.fullmatch(line)), (rid, line)
            n += 1
    assert n > 20_000


def test_inline_twin_finds_what_the_pattern_finds(extractor: Extractor) -> None:
    """The inline rules run as one stdlib twin on ASCII texts: the same matches on the fixtures."""
    from pathlib import Path

    rules = _compile(extractor.lexicon)
    assert rules.inline is not None and rules.inline_twin is not None
    root = Path(__file__).resolve().parent.parent
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "fixtures" / "articles").glob("*.txt"))]
    texts += ["Foto (ant)\nJakarta (ANTARA) - x (dtc/ant) \n(*)", "a (AB/cd/ef/gh)  \n(abc/d)"]
    for text in texts:
        if text.isascii():
            assert [m.span() for m in rules.inline_twin.finditer(text)] == [
                m.span() for m in rules.inline.finditer(text)
            ]


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("Camat Kota Budi Hartono meninjau loket, Senin (4/3). FOTO:DOK", "Camat Kota Budi Hartono meninjau loket, Senin (4/3)."),
        ("Bupati Sikka, Yohanes Moa memberi sambutan.(Ist)", "Bupati Sikka, Yohanes Moa memberi sambutan."),
        ("Keterangan Foto : Suasana apel siaga di alun-alun. (Redaksi)", "Suasana apel siaga di alun-alun."),
        ("Warga antre di kantor kecamatan. ANTARA FOTO/Rina Sari", "Warga antre di kantor kecamatan."),
        ("Warga antre di kantor kecamatan pada Rabu (4/3)/Foto : redaksi", "Warga antre di kantor kecamatan pada Rabu (4/3)"),
        ("Foto: Antara/Rina Sari", ""),
        ("FOTO: Humas Polres Blora", ""),
        ("Ketua KPU Kota Palu Andi Rahman (foto: ist)", ""),
        ("Ilustrasi antrean warga di kantor kecamatan. (Foto: Dok)", ""),
    ],
)
def test_caption_keeps_its_words_and_blanks_the_credit(extractor: Extractor, line: str, kept: str) -> None:
    from ektp_extract.document import Document
    from ektp_extract.kinds import boilerplate
    from ektp_extract.text import Mask, normalise

    text = "Judul Berita Soal Loket Baru\n\n" + line + "\n\nPALU - Pemkot membuka loket.\n"
    prep = normalise(text)
    doc = Document(prep=prep, lexicon=extractor.lexicon, mask=Mask(prep.norm))
    boilerplate.run(doc)
    s = text.index(line)
    assert doc.text[s:s + len(line)].strip() == kept


def test_headline_like_reads_the_list_intro_from_the_end() -> None:
    """``_headline_like`` answers as its first form, ``_ARTICLE_LINE.match`` on the whole line."""
    from ektp_extract.kinds import boilerplate as bp

    def plain(text: str) -> bool:
        t = text.rstrip()
        return len(t) < 160 and not t.endswith((".", '"', "'", ":", ";")) and bp._ARTICLE_LINE.match(t) is None

    parts = ["a", "Z", "1", "12", " ", "\t", ",", ":", ".", ")", "_", "-", "\x1c", "\x0b", "\n", "é", "K",
             *bp._INTRO_WORDS, *(w.upper() for w in bp._INTRO_WORDS), "Yaitu", "Di Antaranya", "di  antaranya"]
    rng = random.Random(7)
    for _ in range(50_000):
        t = "".join(rng.choice(parts) for _ in range(rng.randint(0, 6)))
        assert bp._headline_like(t) == plain(t), t
