"""Quotes: the seed article, speaker resolution across paragraphs and record invariants.

Single attribution forms are worked examples in patterns/speech.toml.
"""

from __future__ import annotations

from ektp_extract import Extractor

from _util import PINNED_REFERENCE, assert_spans, prepared_doc, stand_in


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


# ------------------------------------------------------------------ speed paths (same results)


def test_make_quote_equals_the_validated_record() -> None:
    """The stage builds records without pydantic validation; they must be the same records."""
    import pytest

    from ektp_extract.kinds.quotes import make_quote
    from ektp_extract.models import Quote, Span

    span = Span(start=3, end=23, text="Blanko sempat kosong")
    for sid, speaker, verb, direct in [("off-1", "Grace", "kata", True), (None, None, None, False)]:
        fast = make_quote(sid, speaker, span.text, verb, direct, span, "quotes.direct.after")
        slow = Quote(speaker_id=sid, speaker=speaker, text=span.text, verb=verb, direct=direct,
                     span=span, rule="quotes.direct.after")
        assert fast == slow
        assert fast.model_dump_json() == slow.model_dump_json()
        assert fast.model_fields_set == slow.model_fields_set
        assert Quote.model_validate(fast.model_dump()) == fast
    with pytest.raises((ValueError, TypeError)):
        make_quote(None, None, "x", None, 1, span, "r")  # type: ignore[arg-type]


def test_active_verbs_found_by_word_equal_the_regex_scan(extractor: Extractor) -> None:
    """On ASCII text active verbs are matched only where their words occur: the matches
    must be those of the regex scan they replace, from any start."""
    import regex

    from ektp_extract.kinds.officials import LowerWords
    from ektp_extract.kinds.quotes import _word_matches, qlex

    q = qlex(extractor.lexicon)
    text = ("Ia mengatakan, Mengatakan mengatakannya 2mengatakan _menjelaskan menjelaskan-nya "
            "xmenyebutkan (menyebutkan) menegaskan,menambahkan mengatakan2 mengatakan_ MENGATAKAN "
            "menjelaskan- mengatakan")
    low = text.lower()
    lw = LowerWords(text, low, frozenset(regex.findall(r"[a-z]+", low)))
    for start in range(0, len(text) + 1, 2):
        expected = [m.span() for m in q.active.finditer(text, start)]
        assert [m[:2] for m in _word_matches(q.active, text, start, lw, q.active_words, q.active_exact)] == expected
        assert [m[2] for m in _word_matches(q.active, text, start, lw, q.active_words, q.active_exact)] == [
            m.group("v") for m in q.active.finditer(text, start)]
        assert _word_matches(q.active, text, start, None, q.active_words) == [
            (m.start(), m.end(), m.group("v")) for m in q.active.finditer(text, start)]


def test_screened_scans_equal_the_regex_scans(extractor: Extractor) -> None:
    """The cue, the bare interposed verb and single-quoted passages are matched only where
    a word or an apostrophe allows one, the interposed verb in the lower-case text: the
    matches must be those of the scans they replace, from any start, on real and odd text."""
    import random
    from pathlib import Path

    from ektp_extract.kinds.officials import lower_words
    from ektp_extract.kinds.quotes import _SINGLE, _interposed_matches, _single_quoted, _word_matches, qlex

    q = qlex(extractor.lexicon)
    root = Path(__file__).resolve().parent.parent
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "fixtures" / "articles").glob("*.txt"))[:6]]
    rnd = random.Random(5)
    words = ["menurut", "Menurutnya", "MENURUT", "kata", "lanjut", "ujar", "katanya", "ia", "Budi", "2", "-", "'",
             ",kata", ", Kata", ",  KATANYA", ", ujarnya-", ", tambahnya2", "Lanjut", "x_", "kata_", "ujar2"]
    texts += [" ".join(rnd.choice(words) + rnd.choice(["", " ", "  ", ",", "'", ".", "-"]) for _ in range(rnd.randint(0, 12)))
              for _ in range(300)]
    texts += ["Bantuan itu  lanjut Budi, naik", "kata  kata, 'ya ini benar' katanya", "'abc' 'def ghi' x", "é kata Budi",
              "ya,  Katanya ,kata, ujarnya lanjut  kata,akunya", ", kata", "a kata"]
    for t in texts:
        doc = prepared_doc(extractor, t)
        text = doc.text
        lw = lower_words(doc)
        for start in range(0, len(text) + 1, 1 if len(text) < 200 else 37):
            assert _word_matches(q.cue, text, start, lw, q.cue_words) == [
                (m.start(), m.end(), m.group("v")) for m in q.cue.finditer(text, start)]
            inter, bare = _interposed_matches(q, text, start, lw)
            assert bare == [
                (m.start(), m.start("v"), m.end(), m.group("v")) for m in q.interposed_bare.finditer(text, start)]
            assert all(m.end() == m.end("v") for m in q.interposed.finditer(text, start))
            assert [m.span() for m in _single_quoted(text, start)] == [
                m.span() for m in _SINGLE.finditer(text, start)]
            assert inter == [
                (m.start(), m.start("v"), m.end(), m.group("v")) for m in q.interposed.finditer(text, start)]


def test_role_commas_hold_every_role_subject(extractor: Extractor) -> None:
    """Sentences without a comma before a role word are skipped when subjects are read:
    wherever :func:`_role_subject` finds one, such a comma lies between it and the end."""
    import bisect
    import random
    from pathlib import Path

    from ektp_extract.kinds.quotes import _Ctx, _role_commas, _role_subject

    root = Path(__file__).resolve().parent.parent
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "fixtures" / "articles").glob("*.txt"))]
    rnd = random.Random(7)
    words = ["Amir", "Fariki", "warga", "Warga", "jubir,", "wargaku", "Jubir", "paslon", "ia", "\n", "  "]
    texts += [" ".join(rnd.choice(words) + rnd.choice(["", ",", ", ", " ,", ",\t", "."]) for _ in range(rnd.randint(1, 14)))
              for _ in range(300)]
    found = 0
    for t in texts:
        doc = prepared_doc(extractor, t, "quotes")
        ctx = _Ctx(doc)
        commas = _role_commas(ctx)
        assert commas is not None
        text = ctx.text
        for ss, se in ctx.sents:
            for p in range(ss, se):
                if _role_subject(ctx, p, se) is not None:
                    found += 1
                    k = bisect.bisect_left(commas, p)
                    assert k < len(commas) and commas[k] < se, (text[p:se],)
    assert found > 5


def test_backward_readers_equal_the_reverse_patterns() -> None:
    """On ASCII text the word before a position is read in Python; it must be what the
    reverse regex searches it replaces find, for every window of real and odd text."""
    import random
    from pathlib import Path

    from ektp_extract.kinds.officials import _PREV_WORD, prev_word
    from ektp_extract.kinds.quotes import _LETTERS_END, _WORD_BACK, _letters_end, _word_back

    root = Path(__file__).resolve().parent.parent
    paths = sorted((root / "fixtures" / "articles").glob("*.txt"))[:4]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    rnd = random.Random(3)
    texts += ["".join(rnd.choice("aB -,'.\n1_(") for _ in range(rnd.randint(0, 40))) for _ in range(200)]
    texts += ["kata Budi,  ", "Ia, yang juga ketua, menambahkan", "Ni'mah - warga", "x  ", "  "]
    for t in texts:
        for hi in range(0, len(t) + 1, 1 if len(t) < 100 else 5):
            m = _PREV_WORD.search(t, max(0, hi - 30), hi)
            assert prev_word(t, hi) == (m.group(1) if m else None), (t[max(0, hi - 30):hi],)
            for lo in (max(0, hi - 12), max(0, hi - 30), 0):
                m = _LETTERS_END.search(t, lo, hi)
                assert _letters_end(t, lo, hi) == ((m.start(1), m.group(1)) if m else None)
                m = _WORD_BACK.search(t, lo, hi)
                assert _word_back(t, lo, hi) == ((m.start(1), m.group(1)) if m else None), (t[lo:hi],)


def test_squeezed_equals_split_and_join() -> None:
    """Quote texts already single-spaced are kept as they are: the result must be
    ``" ".join(s.split())`` for any text, whatever whitespace it holds."""
    import random

    from ektp_extract.kinds.quotes import _plain_spaces, _squeezed

    ws = [" ", "  ", "\n", "\t", "\x0b", "\x0c", "\r", "\x1c", "\x1f", "\x85", "\xa0", "\u2009", "\u2028", "\u3000",
          "\u200b", "a", "B", ".", "é", ""]
    rnd = random.Random(17)
    cases = ["", " ", "a", "a b", " a", "a ", "a  b", "Kata Budi, ya."]
    cases += ["".join(rnd.choice(ws) for _ in range(rnd.randint(0, 12))) for _ in range(3000)]
    for c in cases:
        assert _squeezed(c) == " ".join(c.split()), repr(c)
        if _plain_spaces(c):  # (the shortcut for a text with no whitespace but space and newline)
            assert _squeezed(c, True) == " ".join(c.split()), repr(c)
    plain = ["".join(rnd.choice([" ", "  ", "\n", "a", "B", ".", "\x00", "\x7f", "~"]) for _ in range(rnd.randint(0, 12)))
             for _ in range(3000)]
    for c in plain:
        assert _plain_spaces(c)
        assert _squeezed(c, True) == " ".join(c.split()), repr(c)
    assert not any(_plain_spaces(c) for c in ["\t", "a\x1f", "\r\n", "é", "\x0c", "\x85"])


def _odd_texts(seed: int, alphabet: str, n: int = 300, size: int = 40) -> list[str]:
    """Real fixture text and random strings over ``alphabet`` (for the plain-definition tests)."""
    import random
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "fixtures" / "articles").glob("*.txt"))[:5]]
    rnd = random.Random(seed)
    return texts + ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, size))) for _ in range(n)]


def test_clause_and_comma_readers_equal_their_patterns() -> None:
    """The clause opening after a speech verb, the comma after ``menurut``, the spaces after
    a position and the word ``didampingi`` are read with str methods; they must be what the
    patterns they replace find, at every position of real and odd text."""
    from ektp_extract.kinds.quotes import (_ACCOMPANIED, _CLAUSE_OPEN, _COMMA_ANY, _SP, _accompanied, _clause_start,
                                           _comma_end, _skip_sp)

    words = [" ", "  ", ",", ":", "bahwa", "bahwa ", "bahwanya", "Bahwa", "a", "\n", "didampingi", "yang ", "x"]
    import random

    rnd = random.Random(11)
    texts = _odd_texts(13, " ,:ab\n") + ["".join(rnd.choice(words) for _ in range(rnd.randint(0, 12))) for _ in range(400)]
    for t in texts:
        step = 1 if len(t) < 200 else 7
        for pos in range(0, len(t) + 1, step):
            m = _CLAUSE_OPEN.match(t[pos:pos + 20])
            assert _clause_start(t, pos) == pos + (m.end() if m else 0), (t[pos:pos + 20],)
            assert _skip_sp(t, pos) == _SP.match(t, pos).end()
            for hi in (pos, pos + 3, pos + 30, len(t)):
                cm = _COMMA_ANY.search(t[pos:hi])
                assert _comma_end(t, pos, hi) == (pos + cm.end() if cm else -1), (t[pos:hi],)
                am = _ACCOMPANIED.search(t, pos, hi)
                got = _accompanied(t, pos, hi)
                assert (got.span() if got else None) == (am.span() if am else None)


def test_cut_letters_equal_the_shorter_window() -> None:
    """who_before reads the letters ending at a position once and cuts them to a shorter
    window: the cut must be what reading the shorter window finds."""
    from ektp_extract.kinds.quotes import _cut, _letters_end

    for t in _odd_texts(19, "aBé -,'.\n1") + ["x" * 50, "é" * 40 + "a"]:
        for hi in range(0, len(t) + 1, 1 if len(t) < 100 else 5):
            for lo_far in (max(0, hi - 30), 0):
                run = _letters_end(t, lo_far, hi)
                for lo in range(lo_far, hi + 2):
                    assert _cut(t, run, lo, hi) == _letters_end(t, lo, hi), (t[lo_far:hi], lo)


def test_role_sentences_are_those_holding_a_role_comma(extractor: Extractor) -> None:
    """Only the sentences holding a comma before a role word are read for role subjects:
    the list must be that of testing every sentence."""
    import bisect

    from ektp_extract.kinds.quotes import _Ctx, _role_commas, _role_sentences

    texts = _odd_texts(23, "aW ,.\n") + ["Amir, warga Solo. Budi, jubir, kata. Ia, warga, x, warga.", "é, warga. A, warga"]
    for t in texts:
        doc = prepared_doc(extractor, t)
        ctx = _Ctx(doc)
        commas = _role_commas(ctx)
        if commas is None:  # (not ASCII: every sentence)
            assert _role_sentences(ctx) == ctx.sents
            continue
        plain = [(ss, se) for ss, se in ctx.sents
                 if (k := bisect.bisect_left(commas, ss)) < len(commas) and commas[k] < se]
        assert _role_sentences(ctx) == plain


@stand_in
def test_np_object_reads_the_words_it_needs(extractor: Extractor) -> None:
    """The object test splits at most four words: its answer must be that of splitting all."""
    from ektp_extract.kinds.quotes import _np_object, qlex

    q = qlex(extractor.lexicon)

    class _C:
        pass

    def plain(ctx: _C, verb: str, c: int, ce: int) -> bool:
        words = ctx.text[c:ce].split()
        if not words:
            return True
        if len(words) <= 3 and words[-1].casefold() in q.tails:
            return True
        return verb.casefold() not in q.say_verbs and words[0].casefold() in q.np_openers

    words = ["hal", "tersebut", "itu", "data", "ini", "x", " ", "  ", "\n", "Hal"]
    import random

    rnd = random.Random(29)
    for _ in range(2000):
        ctx = _C()
        ctx.q = q  # type: ignore[attr-defined]
        ctx.text = " ".join(rnd.choice(words) for _ in range(rnd.randint(0, 7)))  # type: ignore[attr-defined]
        for verb in ("mengatakan", "membeberkan"):
            n = len(ctx.text)  # type: ignore[attr-defined]
            assert _np_object(ctx, verb, 0, n) == plain(ctx, verb, 0, n)  # type: ignore[arg-type]


def test_stage_records_are_valid(extractor: Extractor) -> None:
    """The stage fills its records without validation: each must equal its validated copy."""
    from pathlib import Path

    from ektp_extract.models import Quote

    root = Path(__file__).resolve().parent.parent
    n = 0
    for p in sorted((root / "fixtures" / "articles").glob("*.txt")):
        for q in extractor.extract(p.read_text(encoding="utf-8"), reference_date=PINNED_REFERENCE).quotes:
            assert Quote.model_validate(q.model_dump()) == q
            assert q.model_fields_set == set(Quote.model_fields)
            n += 1
    assert n > 100


@stand_in
def test_stripping_readers_equal_their_loops() -> None:
    """Quote pieces and reported clauses are trimmed with str.strip: the bounds must be
    those of the character loops they replace."""
    from ektp_extract.kinds.quotes import _clause_end, _clean

    class _C:
        text = ""

    def clean(text: str, s: int, e: int) -> tuple[int, int]:
        while s < e and text[s] in " \n":
            s += 1
        while e > s and text[e - 1] in " \n,":
            e -= 1
        return s, e

    def clause_end(text: str, c: int, se: int) -> int:
        q = text.find('"', c, se)
        e = q if q >= 0 else se
        while e > c and text[e - 1] in " .,;:!?\n":
            e -= 1
        return e

    for t in _odd_texts(31, ' \n,.;:!?"ab', n=400, size=24):
        ctx = _C()
        ctx.text = t
        n = len(t)
        step = 1 if n < 60 else 9
        for s in range(0, n + 1, step):
            for e in range(max(0, s - 2), min(n, s + 40) + 1):
                assert _clean(t, s, e) == clean(t, s, e), (t[s:e],)
                assert _clause_end(ctx, s, e) == clause_end(t, s, e), (t[s:e],)  # type: ignore[arg-type]


def test_quote_passages_equal_the_paragraph_loop(extractor: Extractor) -> None:
    """Double-quoted passages are read only in the paragraphs holding a mark (and the one
    after an open passage): they must be those of reading every paragraph in turn."""
    import random
    from typing import Optional

    from ektp_extract.kinds.quotes import _Ctx, _direct_segments, _pair_marks

    def plain(ctx: _Ctx) -> list:
        text = ctx.text
        out: list = []
        open_state: Optional[tuple[list, int]] = None
        for ps, pe in ctx.doc.paragraphs:
            if pe <= ctx.doc.body_start:
                continue
            marks = [i for i in range(ps, pe) if text[i] == '"']
            open_state = _pair_marks(marks, ps, pe, open_state, out)
        if open_state is not None:
            out.append((open_state[0], open_state[1], None))
        return out

    rnd = random.Random(37)
    parts = ['"', '"Kami siap', 'kata dia."', "\n", "\n\n", " ", "Budi", '""', '"a" "b', "ya,"]
    texts = _odd_texts(41, 'a "\n.') + ["".join(rnd.choice(parts) for _ in range(rnd.randint(0, 14))) for _ in range(400)]
    for t in texts:
        doc = prepared_doc(extractor, t)
        for body in {0, doc.body_start, len(doc.text) // 3}:
            doc.body_start = body
            ctx = _Ctx(doc)
            assert _direct_segments(ctx) == plain(ctx), (t,)


def test_sentence_lookup_equals_the_plain_search(extractor: Extractor) -> None:
    """The sentence of a position (or its paragraph) is found by one bisection."""
    from ektp_extract.kinds.quotes import _Ctx

    for t in _odd_texts(43, "ab. \n", n=100):
        doc = prepared_doc(extractor, t)
        ctx = _Ctx(doc)
        for pos in range(0, len(ctx.text) + 2, 1 if len(ctx.text) < 100 else 7):
            sent = next((s for s in reversed(ctx.sents) if s[0] <= pos), None)
            if sent is None or pos > sent[1]:
                sent = next((p for p in ctx.paras if p[0] <= pos < p[1]), (pos, pos))
            assert ctx.sentence(pos) == sent


def test_who_before_equals_its_plain_reading(extractor: Extractor) -> None:
    """who_before reads the word before a verb once (its letters serve the pronoun and
    lowercase tests) and searches for ``didampingi`` only where the word occurs: the
    subject must be that of the plain reading, before every word of real text."""
    import bisect
    from pathlib import Path
    from typing import Optional

    from ektp_extract.kinds import quotes as Q
    from ektp_extract.kinds.officials import parse_name

    def plain(ctx: Q._Ctx, verb_start: int) -> Optional[Q.Who]:
        text, q = ctx.text, ctx.q
        ss, _ = ctx.sentence(verb_start)
        j = verb_start
        for _ in range(10):
            k = j
            while k > ss and text[k - 1] in " ,":
                k -= 1
            m = Q._word_back(text, max(ss, k - 30), k)
            if m is None:
                j = k
                break
            if m[1].casefold() in q.gap and m[1][0].islower():
                j = m[0]
                continue
            j = k
            break
        if j > ss and text[j - 1].islower():
            wm0 = Q._letters_end(text, max(ss, j - 30), j)
            if wm0 is not None and wm0[1][0].islower() and wm0[1].casefold() not in q.pronouns:
                if "," not in text[j:verb_start]:
                    return None
        wm = Q._letters_end(text, max(ss, j - 12), j)
        if wm and wm[1].casefold() in q.pronouns:
            st = j - len(wm[1])
            if Q._subject_start(text, ss, st) or len(text[ss:st].split(None, 5)) <= 4:
                return Q.Who("pronoun", st, j)
            return None
        ref = ctx.ref_ending(j)
        if (ref is not None and (acc := Q._ACCOMPANIED.search(text, ss, ref[0])) is not None
                and acc.start() - ss <= 160 and Q._STOP_CAP.search(text, ss, ref[0]) is None):
            who = ctx._subject_at(ss, acc.start())
            if who is not None:
                return who
        if ref is not None:
            if not Q._subject_start(text, ss, ref[0]):
                for r in ctx.refs[bisect.bisect_left(ctx.ref_starts, ss):]:
                    if r[0] >= ref[0]:
                        break
                    if Q._subject_start(text, ss, r[0]):
                        return Q.Who("official", r[0], r[1], official=r[2])
            return Q.Who("official", ref[0], ref[1], official=ref[2])
        am = Q._APPOS_END.search(text, max(ss, j - 90), j)
        for x in [j] if am is None or am.start() == j else [am.start(), j]:
            rm = Q._CAP_RUN_END.search(text, max(ss, x - 90), x)
            if rm is None:
                continue
            for cm in Q._CAP_START.finditer(text, rm.start(), x):
                ns = cm.start()
                if not Q._subject_start(text, ss, ns):
                    continue
                nm = parse_name(ctx.lx, text, ns, x, ctx.regions, memo=ctx.memo)
                if nm is None or nm.start != ns or nm.name_end > x or not Q._APPOS.fullmatch(text[nm.end:j]):
                    continue
                off = ctx.official_by_name(nm.name, ns)
                if off is not None:
                    return Q.Who("official", ns, nm.end, official=off)
                return Q.Who("name", ns, nm.end, name=nm.name)
        return None

    root = Path(__file__).resolve().parent.parent
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "fixtures" / "articles").glob("*.txt"))[:12]]
    texts += ["Ia, yang didampingi Kepala Dinas Budi, mengatakan x. Ni'mah-Budi juga kemarin mengatakan y.",
              "Dwi Lestari (19), warga Wates, mengaku senang. Kata-kata dia menegaskan z. É ia menjelaskan."]
    n = 0
    for t in texts:
        doc = prepared_doc(extractor, t, "quotes")
        ctx = Q._Ctx(doc)
        text = ctx.text
        for i in range(1, len(text)):
            if text[i].isalpha() and not text[i - 1].isalpha():
                got = ctx.who_before(i)
                assert got == plain(ctx, i), (text[max(0, i - 60):i + 15],)
                n += got is not None
    assert n > 100
