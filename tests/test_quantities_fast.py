"""The quantities stage's shortcuts against the plain code they skip.

Each shortcut of the judge is switched off by replacing a field of the stage's compiled
tables (``quantities._Rx``) with a value that sends every candidate down the plain path;
the stage must then give the same records, warnings and claims on the development
fixtures, the seed, the idner-news paragraphs (when the data is beside the checkout) and
made-up texts aimed at the rules each shortcut skips.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from _util import ROOT, SEED, final_sigma, prepared_doc

from ektp_extract import Extractor
from ektp_extract.kinds import quantities

IDNER = Path("/work/shared/data/idner-news-2k")

#: Left-context rules, in plain and tokenised writing (the idner text has spaces before
#: punctuation), upper and lower case, glued and apart.
MADE_UP = [
    "Harganya Rp 5.000 per kilo, RP150 ribu, rp. 2,5 juta, ($30.2 juta), US$ 12 dan IDR 45 miliar.",
    "Nomor 25, No . 182, nomor urut 3, Pasal 10 ayat (2), RT 03, SMA Negeri 5, pukul 08.00.",
    "Sekitar 200 orang, lebih dari 20 persen, kurang lebih 12 unit, maksimal 3 kali, di atas 5 ton.",
    "Antara 30 tahun dan 40 tahun, antara 10 hingga 20 warga, ANTARA 5-10 juta jiwa.",
    "H – 3 pemungutan suara, D-7, H - 2 lebaran; kilometer 12 dan Rp 5.000.",
    "KPM sebanyak 35.759, kasus sekitar 2.138, Keluarga Penerima Manfaat (KPM) sebanyak 1.200.",
    "usia 19, berumur 45, Tol Cipali 2, Jalan Merdeka 12, Gedung B 3, Lt. 2, Boeing 737.",
    '"12 orang", (3 unit), \'dua warga\', x 5 kali, Sekitar: 7 desa, sekitar- 8 desa.',
    "satu serangan, hanya satu calon, salah satu warga, dua pekan lalu, 14 hari lagi, sehari.",
    "Rp1.500-an, 2 jutaan warga, 5%-15%, 5 persen hingga 15 persen, 1 : 1000, 2-1, tahun 80-an.",
    "Peraturan Pemerintah 40 Tahun 2019, 60 tahun ke atas, Budi, 34 tahun, tinggal di sana.",
    "Tembus 99 Persen\nBaca juga: 5 Syarat Pindah Memilih\n2.500 Keping Blanko Tiba",
]


def corpus() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "articles").glob("*.txt"))]
    if SEED.exists():
        texts.append(SEED.read_text(encoding="utf-8"))
    if IDNER.is_dir():
        import importlib.util
        import sys

        spec = importlib.util.spec_from_file_location("realtext", ROOT / "benchmarks" / "realtext.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules.setdefault("realtext", module)
        spec.loader.exec_module(module)
        texts += [u.text for u in module.load_units(IDNER, paragraph=5)]
    return texts + MADE_UP + [t.lower() for t in MADE_UP] + [t.upper() for t in MADE_UP]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return corpus()


def _stage_output(extractor: Extractor, texts: list[str], rx: Any, monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """What the quantities stage leaves on each document, run with the tables ``rx``."""
    monkeypatch.setattr(quantities, "_rx", lambda lex: rx)
    try:
        out = []
        for text in texts:
            doc = prepared_doc(extractor, text, "quantities")
            quantities.run(doc)
            out.append((
                [q.model_dump() for q in doc.quantities],
                [q.model_fields_set for q in doc.quantities],
                [(i.start, i.end, i.num_start, i.num_end, i.family, i.left) for i in doc.scratch["quantity_info"]],
                list(doc.warnings),
                dict(doc.claimed),
            ))
        return out
    finally:
        monkeypatch.undo()


class _Everything(frozenset):  # type: ignore[type-arg]
    """A set that holds every word: no word before a number is plain."""

    def __contains__(self, item: object) -> bool:
        return True


def test_plain_left_equals_the_full_left_context(
    extractor: Extractor, texts: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A number after a plain word (letters only, apart, not one of ``_Rx.left_words``) skips
    the currency, label, dash, qualifier and "antara" checks: the same output as running
    them for every number."""
    rx = quantities._rx(extractor.lexicon)
    fast = _stage_output(extractor, texts, rx, monkeypatch)
    plain = _stage_output(extractor, texts, dataclasses.replace(rx, left_words=_Everything()), monkeypatch)
    assert sum(len(f[0]) for f in fast) > 1000
    for text, f, p in zip(texts, fast, plain):
        assert f == p, text[:80]


def test_left_words_hold_every_word_a_left_rule_names(extractor: Extractor, texts: list[str]) -> None:
    """Why the shortcut may skip them: a word of letters whose lower case is not in
    ``left_words`` is no currency sign, label end, qualifier end, dash or "antara"."""
    rx = quantities._rx(extractor.lexicon)
    words = {w for t in texts for w in t.split()}
    words |= {w.strip("\"'()[].,:;") for w in list(words)}
    for table in (rx.currency, rx.label_last, rx.qual_last, rx.labels, quantities._DASHES):
        for form in table:
            words |= {form, form.upper(), form.title(), form.lower(), *form.split()}
    plain = [w for w in words if w.isalpha() and w.lower() not in rx.left_words]
    assert len(plain) > 1000
    for w in plain:
        assert w.lower() not in rx.currency and w.lower() not in rx.qual_last and w.lower() != "antara"
        assert w not in rx.label_last and w not in quantities._DASHES
        assert not quantities._is_label(rx, [w]) and not quantities._is_label(rx, ["Nomor", w])


def test_lead_forms_from_the_ascii_copy_equal_the_text_tokens(extractor: Extractor, texts: list[str]) -> None:
    """``_lead_forms_ascii`` splits the bytes copy that the digit scan reads; the plain
    definition is ``_lead_forms``, the text's own ``str.split`` tokens. Covers the separators
    only ``str`` splits on (\\x1c-\\x1f), brackets and quotes around a form, and the copy of a
    text whose only non-ASCII characters are neutral symbols."""
    import random

    rx = quantities._rx(extractor.lexicon)
    rnd = random.Random(5)
    forms = sorted({f for f in rx.word_lead_set.values()})
    parts = [*forms, "(", ")", '"', "'", ".", ",", ";", "!", "?", ":", "-", "/", "x", "2", " ", "  ", "\n",
             "\t", "\x1c", "\x1d", "\x1e", "\x1f", "\x0b", "\x0c", "\r", "\u203a", "\u00a9"]
    samples = [t.lower() for t in texts]
    samples += ["".join(rnd.choice(parts) for _ in range(rnd.randint(0, 30))) for _ in range(3000)]
    checked = 0
    for low in samples:
        alow = quantities._ascii_copy(rx, low)
        if alow is None:
            continue
        zeros = quantities._zeros(alow)
        for start_at in (0, 1, len(low) // 2):
            assert quantities._lead_forms_ascii(rx, zeros, start_at) == quantities._lead_forms(rx, low, start_at), (
                low[:80], start_at)
            checked += 1
    assert checked > 5000


def test_lead_forms_by_letter_runs_cover_the_whitespace_tokens(extractor: Extractor, texts: list[str]) -> None:
    """The forms tried on ASCII text (letter runs of the text, ``lower_words``) include every
    form the whitespace-token definition (``_lead_forms``) finds, on the fixtures and on
    odd texts, and a form glued to a letter is not tried (``kedua``, ``duanya``)."""
    import random

    from ektp_extract.kinds.officials import lower_words

    rx = quantities._rx(extractor.lexicon)
    assert rx.word_lead_letters is not None and "dua" in rx.word_lead_letters
    rnd = random.Random(11)
    forms = sorted(rx.word_lead_letters)
    parts = [*forms, "(", ")", '"', "'", ".", ",", ";", "!", "?", "/", "-", "x", "2", " ", "\n", "\t"]
    samples = [t for t in texts if t.isascii()]
    samples += ["".join(rnd.choice(parts) for _ in range(rnd.randint(0, 30))) for _ in range(2000)]
    for text in samples:
        doc = prepared_doc(extractor, text)
        lw = lower_words(doc)
        assert lw is not None
        by_letters = rx.word_lead_letters.intersection(lw.words)
        assert quantities._lead_forms(rx, doc.lower_text(), 0) <= by_letters, text[:80]
    doc = prepared_doc(extractor, "Yang kedua, duanya hadir.")
    lw = lower_words(doc)
    assert lw is not None and not rx.word_lead_letters.intersection(lw.words)


def test_follow_outside_tail_first_is_right_plain(extractor: Extractor, texts: list[str]) -> None:
    """Where the character after a number (after one space) is not in ``tail_first``, the
    judge reads ``right_plain`` instead of ``follow``: there ``follow`` matches no scale,
    range or restated number, and its right-context groups and spans are ``right_plain``'s
    (the patterns and their twins, every position of the fixtures and of odd texts)."""
    import random

    rx = quantities._rx(extractor.lexicon)
    fx, px = rx.follow_ix, rx.right_plain_ix
    rnd = random.Random(3)
    parts = ["2", " ", "  ", "\t", "juta", "jt", "rb", "k", "m", "-", "\u2013", "s.d.", "s/d", "sampai",
             "hingga", "dan", "(dua)", "(", ")", "an", "-an", "lebih", "persen", "%", "orang", "warga",
             "ktp", "keping", "blanko", "rupiah", "dolar", "april", "kasus", "x", ".", ",", "\n", "ribu",
             "ratusan", "tahun", "lalu", "\u00e9t\u00e9", "B"]
    samples = [t.lower() for t in texts[:20]]
    samples += ["".join(rnd.choice(parts) for _ in range(rnd.randint(0, 12))) for _ in range(1500)]
    checked = 0
    for low in samples:
        pats = [(rx.follow, rx.right_plain)]
        if low.isascii():
            pats.append((rx.twins["follow"], rx.twins["right_plain"]))
        for pos in range(len(low) + 1):
            c = low[pos : pos + 1]
            if c == " ":
                c = low[pos + 1 : pos + 2]
            if c in rx.tail_first:
                continue
            for follow, plain in pats:
                fm, pm = follow.match(low, pos), plain.match(low, pos)
                assert fm is not None and pm is not None
                assert fm.groups()[:9] == (None,) * 9, (low, pos)
                assert fm.groups()[9:] == (None, *pm.groups()), (low, pos)
                assert fm.span() == pm.span()
                for name, i in px.n.items():
                    assert fm.span(fx.n[name]) == pm.span(i), (low, pos, name)
                checked += 1
    assert checked > 20000


def _right_by_patterns(ctx: Any, ne: int) -> tuple[Any, ...]:
    """The judge's plain reading of the right context at ``ne``: ``follow`` (or ``right_plain``
    outside ``tail_first``) and ``_right``; with the nine groups before the right context."""
    rx, mlow = ctx.rx, ctx.mlow
    c = mlow[ne : ne + 1]
    if c == " ":
        c = mlow[ne + 1 : ne + 2]
    if c in rx.tail_first:
        fm = ctx.follow(mlow, ne)
        groups = fm.groups()
        head, fv, fx = groups[:9], groups[9:], rx.follow_ix
    else:
        fm = ctx.right_plain(mlow, ne)
        head, fv, fx = (None,) * 9, (None, *fm.groups()), rx.right_plain_ix
    return head, quantities._right(ctx, fm, fx, ne, ne, fv)


def test_judge_right_fast_equals_the_patterns(extractor: Extractor, texts: list[str]) -> None:
    """``_judge_right_fast`` (a unit or percent word after one space, read by a dictionary)
    gives what ``follow`` / ``right_plain`` and ``_right`` give, wherever it gives something:
    every space of the texts and of made-up texts full of the words it must not take
    (scales, connectors, modifiers, "lebih", longer unit forms, other cases and letters),
    with the ASCII twins and with the ``regex`` patterns."""
    import random

    rx = quantities._rx(extractor.lexicon)
    rnd = random.Random(7)
    words = sorted(rx.fast_words)
    tricky = [*rx.fast_block, "juta", "jutaan", "jt", "rb", "rban", "ribu", "k", "m", "t", "tan", "s",
              "sd", "s.d.", "s/d", "sampai", "hingga", "dan", "dana", "lebih", "negara", "binaan", "wajib",
              "kota", "/", "-", "ktp", "el", "e", "(", ")", "%", "sen", "per", "rupiah", "dolar", "april",
              "2", "x", "_", ".", ",", "\n", "\t", "  ", "\u00e9", "\u00e9t\u00e9", "\u212a", "\u203a",
              "B", "Warga", "ORANG", "Persen", "lebih", "tua", "kerja", "kepala", "keluarga"]
    parts = words + tricky + [" "] * 40
    samples = list(texts[:60])
    for _ in range(2500):
        n = rnd.randint(1, 8)
        samples.append("Ada 5 " + "".join(rnd.choice(parts) + rnd.choice(["", " ", " ", "\t", ",", ". "]) for _ in range(n)))
    for w in words:  # every word with every ending the checks name
        for tail in ["", ".", ",", "/", "-", " ", "  ", "\t", "(", ")", "_", "2", "\u00e9", " lebih", " negara",
                     " baru", " kota", " ktp", " e-ktp", " tua", " x", "/kota", "-el", " kerja", " Baru"]:
            samples.append(f"Ada 5 {w}{tail}")
    checked = taken = 0
    for text in samples:
        doc = prepared_doc(extractor, text, "quantities")
        ctx = quantities._Ctx(doc, rx)
        ctxs = [ctx]
        if ctx.mlow is not ctx.low:
            own = quantities._Ctx(doc, rx)
            own.mlow = own.low
            (own.follow, own.right, own.right_plain, own.unit_at, own.noun_at, own.vague_at, own.word_at,
             own.fused_at) = rx.own_matches
            ctxs.append(own)
        low = ctx.low
        for ne in range(len(low)):
            if low[ne] != " ":
                continue
            for c in ctxs:
                fast = quantities._judge_right_fast(c, ne)
                checked += 1
                if fast is None:
                    continue
                taken += 1
                head, ref = _right_by_patterns(c, ne)
                assert head == (None,) * 9, (text, ne)
                assert fast == ref, (text, ne, fast, ref)
                # the judge skips its tests of the number's end after a fast reading: they
                # cannot hold there (no letter or digit glued, no ratio's colon)
                t = c.text
                assert not t[ne].isalnum() and t[ne] not in ".,/", (text, ne)
                assert not t[ne + 1 : ne + 2].isupper(), (text, ne)  # (no title after it)
                assert quantities._RATIO_AFTER.match(t, ne) is None, (text, ne)
    assert checked > 50000 and taken > 5000, (checked, taken)


def test_judge_right_fast_in_the_stage(
    extractor: Extractor, texts: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stage with the fast right-context reading (and the end-of-number tests it skips)
    gives what it gives when every number's right context is read by the patterns."""
    rx = quantities._rx(extractor.lexicon)
    fast = _stage_output(extractor, texts, rx, monkeypatch)
    plain = _stage_output(extractor, texts, dataclasses.replace(rx, fast_words={}), monkeypatch)
    assert sum(len(f[0]) for f in fast) > 1000
    for text, f, p in zip(texts, fast, plain):
        assert f == p, text[:80]


@final_sigma
def test_last_token_and_lowered_phrases(texts: list[str]) -> None:
    """The judge reads the token before a number as ``seg.rsplit(None, 1)`` (``prev``, the
    full ``seg.split()[-4:]``, only when a rule needs it), and ``_qualifier`` lowercases
    phrases of tokens joined by single spaces instead of calling ``_norm``: both the same as
    the plain reading, on every window of the texts and on odd whitespace and case."""
    odd = ["a\u00a0b", "x\u2003 y", "\x1c\x1dq", "A\u0130B", "\u0130", "STRA\u00dfE", "\u03a3\u03a3", "\x85z",
           " ", "", "\n\nw", "\u2028v", "Rp\u00a0", "\u1e9e"]
    checked = 0
    for text in [*texts[:80], *odd, " ".join(odd)]:
        for s in range(0, len(text) + 1):
            seg = text[s - 48 if s > 48 else 0 : s]
            nl = seg.rfind("\n")
            if nl != -1:
                seg = seg[nl + 1 :]
            prev = quantities._prev_words(text, s, 4)
            assert seg.split()[-4:] == prev
            assert seg.rsplit(None, 1)[-1:] == prev[-1:], (text[:40], s)
            for k in (1, 2, 3):
                if len(prev) >= k:
                    assert " ".join(prev[-k:]).lower() == quantities._norm(" ".join(prev[-k:]))
            checked += 1
    assert checked > 50000


def test_list_mark_stdlib_matches_as_regex(texts: list[str]) -> None:
    """``_LIST_MARK`` runs on stdlib ``re``: it matches as the ``regex`` pattern it was, at every
    position of the texts and of odd whitespace."""
    import regex

    old = regex.compile(quantities._LIST_MARK.pattern)
    odd = "1.\t2)  3 \t4\u00a0\u00a05\u2003.\u3000)\x0b\x0c\r\n6.\n7)x 8 . 9  \t"
    checked = 0
    for text in [*texts[:80], odd, odd * 3]:
        for pos in range(len(text) + 1):
            m, o = quantities._LIST_MARK.match(text, pos), old.match(text, pos)
            assert (m is None) == (o is None) and (m is None or m.span() == o.span()), (text[:40], pos)
            checked += 1
    assert checked > 50000
