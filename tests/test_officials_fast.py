"""Officials: each fast path of the stage against its plain definition.

The stage reads with str methods, set look-ups and early exits where a regex call or a
full pass used to be; every such shortcut is compared here with the definition it
replaces, on the fixtures and on odd made-up text.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any, Optional

import pytest
from _util import patches_module, stand_in

from ektp_extract import Extractor
from ektp_extract.kinds import officials as O

ROOT = Path(__file__).resolve().parent.parent


def _texts(n: int = 8) -> list[str]:
    paths = sorted((ROOT / "fixtures" / "articles").glob("*.txt"))[:n]
    return [p.read_text(encoding="utf-8") for p in paths]


def _odd_texts(seed: int, alphabet: str, count: int = 150, longest: int = 60) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, longest))) for _ in range(count)]


@pytest.fixture(scope="module")
def lx(extractor: Extractor) -> O.OffLex:
    return O.offlex(extractor.lexicon)


def _not_lower_plain(lx: O.OffLex, text: str, m: Any, table: Optional[set[tuple[str, ...]]] = None) -> bool:
    toks = [t.casefold() for t in O._LINE_WORD.findall(text, m.start, min(len(text), m.start + 40))[:3]]
    return any(tuple(toks[:n]) in (lx.not_lower if table is None else table) for n in (2, 3))


@stand_in
def test_not_lower_reads_the_words_only_where_a_row_can_match(lx: O.OffLex) -> None:
    """``_not_lower`` looks for a row's second word in the window before reading its
    words: the same answer as reading them, at every head and at every word start."""
    texts = _texts() + [
        "120 Kepala Keluarga (KK) dan kepala rumah tangga, Anggota Tubuh, anggota keluarga",
        "KEPALA KELUARGA Kepala  Keluarga\nKepala\nKeluarga kepala-keluarga Ketua Kelas ketua  kelas",
        "Kepala Straße Keluarga kepala ﬁ keluarga ANGGOTA MASYARAKAT",
    ]
    texts += _odd_texts(3, "kepala keluarga anggota tubuh rumah tangga KTAR.,-'\n ")

    class M:
        def __init__(self, start: int) -> None:
            self.start = start

    checked = 0
    for text in texts:
        for pos in range(len(text)):
            if pos and text[pos - 1].isalpha():
                continue
            m = M(pos)
            for table in (None, lx.not_office, {("kepala", "batu")}):
                assert O._not_lower(lx, text, m, table) == _not_lower_plain(lx, text, m, table), (text[pos:pos + 40], table)
                checked += 1
    assert checked > 1000


def test_cap_before_reads_as_the_reverse_search() -> None:
    """``_cap_before`` (a backwards read on ASCII text) gives the start of the word of
    ``_CAP_BEFORE.search(text, max(0, rs - 40), rs)`` wherever a space ends the range."""
    texts = _texts() + _odd_texts(11, "aAbBzZ -'.,Mc\n", count=300, longest=90)
    texts += ["McDonald kata", "abcDef kata", "O'Neil-Smith kata", "x" * 50 + "Abc kata", "é Budi kata"]
    checked = 0
    for text in texts:
        for rs in range(1, len(text) + 1):
            if text[rs - 1] != " ":
                continue
            m = O._CAP_BEFORE.search(text, max(0, rs - 40), rs)
            assert O._cap_before(text, rs) == (m.start(1) if m is not None else -1), (text[max(0, rs - 40):rs], rs)
            if m is not None:
                assert m.end(1) == rs - 1
            checked += 1
    assert checked > 1000


def test_norm_name_splits_as_the_pattern() -> None:
    names = ["Budi Santoso", "H.D Pandiangan", "Luhut B. Pandjaitan", "M.Hidayat", "I Wayan", "Ni Luh",
             "Widodo AS", "Omar al-Bashir", "O'Neil", "Hj. Siti", "Mahfud MD", "Jokowi", "Çelik Öz", "A..B",
             " Budi ", "Budi\tSantoso", "Budi\nSantoso", "Budi\x1cSantoso", ""]
    names += _odd_texts(5, "aB .\t\x1c-'", count=200, longest=20)
    for n in names:
        assert O._norm_name(n) == [t for t in O._NAME_SPLIT.split(n.casefold()) if t], n


def test_expand_returns_a_text_with_nothing_to_expand_as_it_is(lx: O.OffLex) -> None:
    """``_expand`` of a text whose words are separated by single spaces: as the full
    definition (which joins the pieces again) with and without abbreviations."""
    samples = ["Kepala Dinas", "Kabid Dokumentasi dan Informasi Disdukcapil Kota Magelang", "Kepala Kab. Bantul",
               "Ketua DPRD Kota Bogor", "Kasat Reskrim Polres Sleman", "Direktur Jenderal Dukcapil", "Kadis Dukcapil",
               "Wakil Ketua Komisi A", "Camat Ngaglik", "Presiden RI", ""]
    for text in _texts(4):
        words = text.split()
        rnd = random.Random(len(text))
        for _ in range(60):
            a = rnd.randint(0, max(0, len(words) - 1))
            samples.append(" ".join(words[a:a + rnd.randint(1, 6)]))
    expanded = 0
    for s in samples:
        s = " ".join(s.split())
        assert O._expand(lx, s) == O._expand_spans(lx, s, [m.span() for m in lx.expand_rx.finditer(s)]), s
        expanded += O._expand(lx, s) != s
    assert expanded > 5


def test_official_checks_still_refuse_wrong_types() -> None:
    from ektp_extract.models import Span

    sp = Span(start=0, end=4, text="Budi")
    ok = O.make_official("off-1", "Budi", [], "Camat", "Camat", None, None, [sp], sp, "r")
    assert ok.mentions == [sp]
    with pytest.raises((ValueError, TypeError)):
        O.make_official("off-1", "Budi", ["Drs.", 3], "Camat", "Camat", None, None, [sp], sp, "r")  # type: ignore[list-item]
    with pytest.raises((ValueError, TypeError)):
        O.make_official("off-1", "Budi", [], "Camat", "Camat", None, None, [sp, (0, 4)], sp, "r")  # type: ignore[list-item]


def test_expansions_are_the_pattern_matches(lx: O.OffLex) -> None:
    """``_expansions`` (a word look-up on plain text) lists the spans of ``expand_rx``:
    on strings built from the forms themselves, their words, parts and neighbours."""
    forms = sorted(lx.exp_words)
    assert any(" " in f for f in forms) and len(forms) > 50
    pieces = forms + [w for f in forms for w in f.split()] + [f[:-1] for f in forms if len(f) > 2]
    pieces += [f + "nya" for f in forms[:20]] + ["Kab.", "ATR/BPN", "Kota", "dan", "Bidang", "Kepala", "x", "9", "_"]
    rnd = random.Random(13)
    samples = ["", "Kepala", "Kepala  Dinas", " Kepala", "Kepala ", "Kepala\tDinas", "Dinas Dukcapil-Kota"]
    for _ in range(3000):
        samples.append(" ".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 8))))
        samples.append(rnd.choice(pieces) + rnd.choice(["", " ", "-", ".", "/"]) + rnd.choice(pieces))
    fast = 0
    for s in samples:
        assert O._expansions(lx, s) == [m.span() for m in lx.expand_rx.finditer(s)], s
        fast += s.isascii() and s.replace(" ", "").isalnum()
    assert fast > 1000



def test_same_person_gives_up_early_only_where_no_word_is_shared() -> None:
    words = ["luhut", "b", "binsar", "pandjaitan", "joko", "widodo", "j", "w", "budi", "bu"]
    rnd = random.Random(23)
    names = [[rnd.choice(words) for _ in range(rnd.randint(0, 4))] for _ in range(400)]
    names += [["luhut", "b", "pandjaitan"], ["luhut", "binsar", "pandjaitan"], ["joko", "widodo"]]
    same = 0
    for a in names:
        for b in names[:120]:
            assert O._same_person(a, b) == O._same_person_rules(a, b), (a, b)
            same += O._same_person(a, b)
    assert same > 100


def test_acting_cue_scan_finds_what_the_five_substring_tests_found() -> None:
    """The acting-by-place gate is one scan for ``(Pj``, ``(PJ``, ``(Pl``, ``(PL`` or ``( P``."""
    rng = random.Random(11)
    cues = ("(Pj", "(PJ", "(Pl", "(PL", "( P")
    seen = 0
    for _ in range(20000):
        t = "".join(rng.choice("(PpjJlLx ") for _ in range(rng.randint(0, 9)))
        want = any(c in t for c in cues)
        seen += want
        assert (O._ACTING_CUE.search(t) is not None) == want, t
    assert seen > 200  # (the strings do hold the cues)


def test_replaced_reader_gate_holds_wherever_its_pattern_matches() -> None:
    """The anaphoric-replacement reader runs only when the word set holds posisi/jabatan/
    kedudukan/kursi (or with -nya): wherever its pattern matches, one of them is a word."""
    rng = random.Random(5)
    nouns = ["Posisi", "posisinya", "Jabatannya", "jabatan", "Kedudukan", "Kursinya", "Kursi-nya", "Posisi2",
             "Reposisi", "KURSI", "Kursi", "Budi", "kedudukannya"]
    matched = 0
    for _ in range(20000):
        t = (
            rng.choice(["", "Lalu ", "x.", "Budi dimutasi. ", "("]) + rng.choice(nouns)
            + rng.choice(["", " Budi", " Rudi Hartono", "  Budi"]) + rng.choice(["", " kini", " pun", " kini pun"])
            + rng.choice([" digantikan", " diganti", " di ganti", "diganti", " diganti-kan"])
            + rng.choice([" oleh", "", " oleh  "]) + rng.choice([" Ani", " ani", "Ani"])
        )
        words = frozenset(O.re.findall(r"[^\W\d_]+", t.lower()))
        if O._ANAPHORIC_REPLACED.search(t) is not None:
            matched += 1
            assert not O._REPLACED_NOUNS.isdisjoint(words), t
    assert matched > 1000


def test_match_head_fast_path_reads_as_the_general_reader(lx: O.OffLex) -> None:
    """``match_head`` walks only the head trie (by ``_walk``) when the first word opens no acting prefix, no
    modifier and holds no dot; it gives what the general reader (:func:`_match_head_tk`, every
    trie through a token reader) gives, at every position of the fixtures and of odd text."""
    texts = _texts(40) + _odd_texts(23, "KkPpWwBbea lt.()-\n", count=300, longest=40)
    texts += ["Plt. Kepala Dinas X", "plt.bupati Sleman", "Kepalanya", "Ka. BPBD X", "Ka (Kepala) DPUPR X",
              "Pelaksana tugas (Plt) Kepala Dinas X", "Wakil Ketua Umumnya", "Kepala Dinas Kesehatannya",
              "Kabid Humas Polda", "Pj Bupati X", "Wakil Presiden RI", "é Kepala Dinas X", "Ketua\nDPRD"]

    def key(m: Any) -> Any:
        return None if m is None else (
            m.start, m.end, m.head_start, m.head_end, id(m.row), id(m.acting), id(m.modifier), m.lower)

    checked = 0
    for text in texts:
        for pos in range(len(text) + 1):
            lim = text.find("\n", pos, pos + 200)
            tk = O._LazyTokens(text, pos, min(len(text), pos + 200) if lim < 0 else lim)
            general = None
            if tk.get(0) is not None and tk.spans[0][0] == pos:
                general = O._match_head_tk(lx, text, pos, tk)
            assert key(O.match_head(lx, text, pos)) == key(general), (text[pos:pos + 40], pos)
            checked += general is not None
    assert checked > 200


def test_name_word_ok_kept_answers_are_the_plain_ones(lx: O.OffLex) -> None:
    """``name_word_ok`` answers from its per-word memo what the plain test answers."""
    words = {w for text in _texts(20) for w in O._TOKEN.findall(text)}
    words |= {"Kabupatn", "Kecamatann", "Univeristas", "Sekertaris", "Parlindungan", "Umumnya", "Sefanya", "SBY"}
    for w in sorted(words):
        assert O.name_word_ok(lx, w) == O._name_word_ok(lx, w), w
        assert O.name_word_ok(lx, w) == O._name_word_ok(lx, w), w  # (the second answer from the memo)


def _walk_plain(trie: dict[str, Any], tk: Any, i: int) -> tuple[Any, int]:
    """The longest form of ``trie`` at token ``i``, every token after a complete form read
    (``_walk`` without its stop at a leaf)."""
    if tk.get(i) is None:
        return (None, 0)
    node, best, j = trie, (None, 0), i
    while (t := tk.get(j)) is not None:
        if len(t) > 3 and t.endswith("nya"):
            bare = node.get(t[:-3])
            if bare is not None and "" in bare:
                best = (bare[""], j - i + 1)
        child = node.get(t)
        if child is None:
            break
        j += 1
        node = child
        if "" in node:
            best = (node[""], j - i)
    return best


def test_walk_stops_at_a_leaf_with_the_plain_answer(lx: O.OffLex) -> None:
    """``_walk`` reads no token after a form that no longer form continues (a leaf of the trie):
    the same (row, tokens) as reading on, for every trie, at every token of the fixtures and of
    made-up text (with -nya forms and heads both complete and continued)."""
    texts = _texts(30) + _odd_texts(29, "KkBbCcSsWw aeiu-.()\n", count=200, longest=40)
    texts += ["Bupati Sleman", "Bupatinya", "Camat Mlati Budi", "Kepala Dinas Kesehatan Kota", "Kepala Dinasnya",
              "Wakil Bupati", "Plt Kepala", "Sekda Sleman", "Direktur Utama PT X", "Gubernur BI", "Gubernurnya"]
    leaf_stops = checked = 0
    for text in texts:
        for pos in range(len(text)):
            if pos and text[pos - 1].isalnum():
                continue
            for trie in (lx.head_trie, lx.acting_trie, lx.mod_trie):
                tk = O._LazyTokens(text, pos, min(len(text), pos + 200))
                plain_tk = O._LazyTokens(text, pos, min(len(text), pos + 200))
                got = O._walk(trie, tk, 0)
                want = _walk_plain(trie, plain_tk, 0)
                assert (id(got[0]), got[1]) == (id(want[0]), want[1]), text[pos:pos + 40]
                checked += got[0] is not None
                leaf_stops += got[0] is not None and len(tk.cf) == got[1]
    assert checked > 300 and leaf_stops > 100  # (leaves were met: the stop was taken)


def test_token_scans_started_inline_read_as_the_twin(lx: O.OffLex) -> None:
    """``_Toks`` and ``match_head`` start their token scans with ``_TOKEN``'s stdlib pattern only on
    ASCII text: on text with other letters (Dinás, Müller, Kepalaé) they read the tokens and heads
    that ``_TOKEN.finditer`` (the twin) reads."""
    texts = ["Kepala Dinás Pendidikan Müller, kata dia", "Kepalaé Dinas X", "Bupatié Sleman", "Ketua DPRD Ñ Budi",
             "Kepala Dinas Kesehatan Kota Bogor, Budi Santoso", "Wakil Bupati Sleman Sri Muslimatun éé"]
    texts += _odd_texts(31, "KkepalDinsBuétüÑ .,-'\n", count=200, longest=40)
    differs = 0
    for text in texts:
        for a in range(len(text) + 1):
            b = min(len(text), a + 60)
            want = [(m.start(), m.end(), m.group()) for m in O._TOKEN.finditer(text, a, b)]
            tk = O._Toks(text, a, b)
            assert [tk.at(i) for i in range(len(want) + 1)] == want + [None], text[a:b]
            differs += want != [(m.start(), m.end(), m.group()) for m in O._TOKEN_A.finditer(text, a, b)]
            lt = O._LazyTokens(text, a, min(len(text), a + 200))
            general = O._match_head_tk(lx, text, a, lt) if lt.get(0) is not None and lt.spans[0][0] == a else None
            m = O.match_head(lx, text, a)
            assert (m is None) == (general is None), text[a:a + 40]
            if m is not None:
                assert (m.start, m.end, id(m.row)) == (general.start, general.end, id(general.row)), text[a:a + 40]
    assert differs > 20  # (the stdlib pattern alone would read these texts otherwise)


def test_cue_searches_before_a_head_run_only_where_a_cue_can_end() -> None:
    """``_selaku_before`` and ``_appos_cue_before`` search their reverse patterns only where the
    text before the spaces ends with a last word of a cue (or a comma): the same match as the plain
    search, at every position of the fixtures and of phrases made of the patterns' own words."""
    vocab = sorted(set(O.re.findall(r"[a-z]+", O._HOLDER_CUE + O._APPOS_CUE.pattern)))
    vocab += ["Budi", "Santoso", ",", "Kepala", "Dinas", "x", "sebagai,", "menjadi2", "Sebagai", "kursinya"]
    rnd = random.Random(41)
    texts = _texts(12)
    for _ in range(2500):
        words = [rnd.choice(vocab) for _ in range(rnd.randint(1, 9))]
        texts.append(rnd.choice(["", "Budi ", "Budi, "]) + rnd.choice([" ", "  ", " , "]).join(words)
                     + rnd.choice(["", " ", "  ", ",", ", "]) + rnd.choice(["", "Kepala Dinas X"]))
    found = {"selaku": 0, "appos": 0}
    for text in texts:
        for pos in range(len(text) + 1):
            want = O._SELAKU.search(text, max(0, pos - 60), pos)
            got = O._selaku_before(text, pos)
            assert (got and got.span()) == (want and want.span()), (text[max(0, pos - 60):pos], pos)
            found["selaku"] += want is not None
            want = O._APPOS_CUE.search(text, max(0, pos - 45), pos)
            got = O._appos_cue_before(text, pos)
            assert (got and (got.span(), got.groupdict())) == (want and (want.span(), want.groupdict())), (
                text[max(0, pos - 45):pos], pos)
            found["appos"] += want is not None
    assert found["selaku"] > 500 and found["appos"] > 4000, found


@patches_module
def test_name_words_read_name_word_ok_memo_as_the_function(lx: O.OffLex, monkeypatch: pytest.MonkeyPatch) -> None:
    """``_name_words`` reads ``name_word_ok``'s per-word memo itself where it holds the word: the
    same words as asking the plain test of every word with no memo at all, and as with a warm memo."""
    texts = _texts(20)
    starts = [(t, i) for t in texts for i in range(len(t)) if t[i].isupper() and (i == 0 or not t[i - 1].isalnum())]
    assert len(starts) > 500
    saved = dict(lx.name_word_memo)
    try:
        lx.name_word_memo.clear()
        with monkeypatch.context() as mp:
            mp.setattr(O, "name_word_ok", lambda lx_, w, regions=None: O._name_word_ok(lx_, w))
            plain = [O._name_words(lx, t, i, min(len(t), i + 200)) for t, i in starts]
        assert not lx.name_word_memo  # (nothing was kept: every word asked the plain test)
        for t in texts:
            for w in O._TOKEN.findall(t):
                O.name_word_ok(lx, w)  # a warm memo
        warm = [O._name_words(lx, t, i, min(len(t), i + 200)) for t, i in starts]
    finally:
        lx.name_word_memo.clear()
        lx.name_word_memo.update(saved)
    assert warm == plain
    assert sum(w is not None for w in plain) > 200


def _outer_plain(allm: list[tuple[int, int, str]]) -> tuple[list[tuple[int, int]], int]:
    """The outermost agency mentions and the longest mention, as ``_Ctx`` read them with
    a sort of their own (by start, the longest first)."""
    outer: list[tuple[int, int]] = []
    reach = -1
    for s0, _ne, _n, e0 in sorted([(m[0], -m[1], n, m[1]) for n, m in enumerate(allm)]):
        if e0 <= reach:
            continue
        outer.append((int(s0), int(e0)))
        reach = e0
    return outer, max((m[1] - m[0] for m in allm), default=0)


def test_ctx_reads_the_outermost_agency_mentions_from_the_one_sort(extractor: Extractor) -> None:
    """``_Ctx`` takes the outermost agency mentions from the mentions sorted by start (the
    longest of each start): the list the sort by start, longest first, gave."""
    from ektp_extract.document import Document
    from ektp_extract.text import Mask, normalise

    prep = normalise("Kepala Dinas X")
    rnd = random.Random(17)
    checked = 0
    for _ in range(3000):
        n = rnd.randint(0, 9)
        allm = []
        for k in range(n):
            s = rnd.randint(0, 30)
            allm.append((s, s + rnd.randint(0, 12), f"ag-{k}"))
        doc = Document(prep=prep, lexicon=extractor.lexicon, mask=Mask(prep.norm), warnings=[])
        doc.scratch["agency_mentions"] = allm
        ctx = O._Ctx(doc)
        outer, longest = _outer_plain(allm)
        assert ctx.ag == outer, allm
        assert ctx.ag_starts == [m[0] for m in outer]
        assert ctx.ag_maxlen == longest
        assert ctx.all_ag == sorted([(m[0], i, m[1], m[2]) for i, m in enumerate(allm)])
        checked += len(outer) > 1
    assert checked > 1000


def test_reach_index_covers_as_the_merged_ranges() -> None:
    """A position lies inside ranges by ``_reach_index`` (the furthest end of the ranges
    starting at or before it) exactly when ``_merged(...).covers`` says so."""
    import bisect

    rnd = random.Random(23)
    for _ in range(2000):
        spans = []
        for _ in range(rnd.randint(0, 8)):
            a = rnd.randint(0, 40)
            spans.append((a, a + rnd.randint(-2, 10)))
        spans.sort()
        starts, reach = O._reach_index(spans)
        merged = O._merged(spans)
        for p in range(0, 55):
            i = bisect.bisect_right(starts, p)
            assert (i > 0 and reach[i - 1] > p) == merged.covers(p), (spans, p)


def _nickname_after_plain(ctx: Any, nm: O.NameParse) -> Optional[tuple[int, int]]:
    """``_nickname_after`` as written before its gate on a "(" nearby."""
    text, lx = ctx.text, ctx.lx
    m = O._NICK_AFTER.match(text, nm.name_end, nm.name_end + 40)
    if m is None and nm.end != nm.name_end:
        m = O._NICK_AFTER.match(text, nm.end, nm.end + 40)
    if m is None and text.startswith("(", O._skip_space(text, nm.end)):
        m2 = O._NICK_WORDS_AFTER.match(text, nm.end, nm.end + 60)
        if m2 is not None:
            words = m2.group("n").split()
            own = nm.name.split()
            if any(w in own for w in words) and all(
                O.name_word_ok(lx, w) and w.casefold() not in lx.unit_words for w in words
            ) and m2.group("n") != nm.name:
                return m2.start("n"), m2.end("n")
        return None
    if m is None:
        return None
    nick = m.group("n")
    cf = nick.casefold()
    if cf in lx.unit_words or cf in lx.stop or nick in lx.acronyms or nick in lx.body_acronyms:
        return None
    if ctx.regions is not None and ctx.regions.is_place(nick):
        return None
    if nick.isupper():
        initials = "".join(w[0] for w in nm.name.split() if w[:1].isupper())
        if nick != initials and len(nick) > 4:
            return None
    elif not O.name_word_ok(lx, nick) or nick.casefold() in nm.name.casefold().split():
        return None
    return m.start("n"), m.end("n")


@stand_in
def test_nickname_after_gate_drops_only_names_with_no_bracket_near(lx: O.OffLex) -> None:
    """``_nickname_after`` gives up at once where no "(" follows within 40 characters (nor
    after 40 spaces or tabs): the answer of the full reading, name and degrees of any length."""
    from types import SimpleNamespace

    rnd = random.Random(29)
    pieces = ["Joko Widodo", " ", "  ", "\t", "(", ")", "(Jokowi)", " (SBY)", "(Danny Pomanto)", ", S.H.", "Ir", ".",
              "x", "\n", " " * 38, " " * 41, "\t" * 40]
    found = checked = 0
    for _ in range(4000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 9)))
        ns = rnd.randint(0, len(text))
        ne = rnd.randint(ns, len(text))
        e = rnd.randint(ne, len(text)) if rnd.random() < 0.6 else rnd.choice([ne, rnd.randint(ns, len(text))])
        nm = O.NameParse(ns, e, ns, ne, text[ns:ne] or "Budi", [])
        ctx = SimpleNamespace(text=text, lx=lx, regions=None)
        got = O._nickname_after(ctx, nm)  # type: ignore[arg-type]
        assert got == _nickname_after_plain(ctx, nm), (text, ns, ne, e)
        found += got is not None
        checked += 1
    assert found > 50 and checked == 4000


def test_new_official_equals_make_official() -> None:
    from ektp_extract.models import Span

    sp = Span(start=0, end=4, text="Budi")
    sp2 = Span(start=10, end=14, text="Budi")
    for args in (
        ("off-1", "Budi", [], "Camat", "Camat X", None, None, "r"),
        ("off-2", None, ["Drs.", "H."], "Bupati X", "Bupati X", "ag-1", "Kota X", "officials.position_name"),
    ):
        id_, name, hon, pos, canon, ag, reg, rule = args
        a = O.make_official(id_, name, list(hon), pos, canon, ag, reg, [sp, sp2], sp, rule)
        b = O._new_official(id_, name, list(hon), pos, canon, ag, reg, [sp, sp2], rule)
        assert a == b and a.model_dump_json() == b.model_dump_json()
        assert a.__pydantic_fields_set__ == b.__pydantic_fields_set__
        assert a.__pydantic_extra__ == b.__pydantic_extra__ and a.__pydantic_private__ == b.__pydantic_private__
    with pytest.raises((ValueError, TypeError)):
        O._new_official("off-1", "Budi", ["Drs.", 3], "Camat", "Camat", None, None, [sp], "r")  # type: ignore[list-item]
    with pytest.raises((ValueError, TypeError)):
        O._new_official("off-1", 3, [], "Camat", "Camat", None, None, [sp], "r")  # type: ignore[arg-type]


def _merged_candidates(extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, str]]:
    """(candidate, working text) of every candidate ``_merge`` receives on the fixtures."""
    got: list[tuple[Any, str]] = []
    merge = O._merge

    def spy(doc: Any, ctx: Any, cands: list[Any]) -> Any:
        got.extend((c, ctx.text) for c in cands)
        return merge(doc, ctx, cands)

    monkeypatch.setattr(O, "_merge", spy)
    for text in _texts(40):
        extractor.extract(text)
    monkeypatch.undo()
    return got


@patches_module
def test_canonical_position_kept_answers_are_the_plain_ones(
    extractor: Extractor, lx: O.OffLex, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``canonical_position`` keeps its answers by the objects and text pieces it reads: the
    same answer as ``_canonical_position`` for every candidate of the fixtures, asked cold and
    again; with the article's own acronyms (``defined``) it is never taken from the memo."""
    cands = _merged_candidates(extractor, monkeypatch)
    assert len(cands) > 100
    lx.canonical.clear()
    for _ in range(2):
        for c, text in cands:
            assert O.canonical_position(lx, c, text) == O._canonical_position(lx, c, text), (c, text)
    assert lx.canonical
    # a defined acronym changes the answer of a position the memo holds
    changed = 0
    for c, text in cands:
        s = " ".join(text[c.head_end:c.pos_end].split())
        found = O._expansions(lx, s) if s else []
        if not found:
            continue
        form = s[found[0][0]:found[0][1]]
        defined = {form: "Badan Khusus Artikel Ini"}
        plain = O.canonical_position(lx, c, text)
        own = O.canonical_position(lx, c, text, defined)
        assert own == O._canonical_position(lx, c, text, defined)
        changed += own != plain
    assert changed > 5


def test_ctx_rare_construction_flags_are_the_text_tests_at_its_start(extractor: Extractor) -> None:
    """``_Ctx.untuk`` and ``_Ctx.two_spaces`` (asked on first use) answer for the text the
    context was made with, as the substring tests made at its start did, even after the stage
    reads an unwrapped text (line breaks read as spaces)."""
    from ektp_extract.document import Document
    from ektp_extract.text import Mask, normalise

    for raw in ("Kepala Dinas X untuk\nKabupaten Y", "Kepala Dinas X untuk Kabupaten  Y", "Kepala\n\nDinas X", ""):
        prep = normalise(raw)
        doc = Document(prep=prep, lexicon=extractor.lexicon, mask=Mask(prep.norm), warnings=[])
        text = doc.text
        ctx = O._Ctx(doc)
        ctx.text = text.replace("\n", " ")  # (as run does with an unwrapped text)
        assert ctx.untuk == ("untuk " in text)
        assert ctx.two_spaces == ("  " in text)
        assert ctx.untuk == ("untuk " in text) and ctx.two_spaces == ("  " in text)  # (asked again)
