"""Numbers and quantities: the pure number readers, the stage's contracts, the seed article.

Worked examples of single rules live in patterns/numbers.toml and
patterns/quantities.toml (run by test_examples.py); this file holds the
checks that need more than one record or the stage's internals (claims,
warnings, the dates stage's claims, the development-set score).
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from _util import PINNED_REFERENCE, ROOT, assert_spans, members

from ektp_extract import Extractor
from ektp_extract.document import Document
from ektp_extract.kinds import quantities
from ektp_extract.kinds.numbers import _read_words_loop, number_tables, parse_number, read_digits, read_words
from ektp_extract.text import Mask, normalise

PARSE_CASES = [
    ("96.616", 96616),
    ("1.250.000", 1250000),
    ("1,8", 1.8),
    ("6,49 persen", 6.49),
    ("10,52 juta", 10520000),
    ("Rp 2,5 miliar", 2500000000),
    ("Rp2.500.000,-", 2500000),
    ("Rp 150 ribu", 150000),
    ("IDR 45 miliar", 45000000000),
    ("Rp 2,5 M", 2500000000),
    ("Rp 50K", 50000),
    ("150rb", 150000),
    ("1,2 jt", 1200000),
    ("98%", 98),
    ("98 pct", 98),
    ("sepuluh", 10),
    ("sebelas", 11),
    ("tiga belas", 13),
    ("dua puluh lima", 25),
    ("seratus", 100),
    ("dua ratus lima puluh", 250),
    ("seribu", 1000),
    ("seribu lima ratus", 1500),
    ("tiga ribu lima ratus", 3500),
    ("sejuta", 1000000),
    ("setengah", 0.5),
    ("satu setengah", 1.5),
    ("seperempat juta", 250000),
    ("dua juta", 2000000),
    ("1,250,000", 1250000),
    ("12.5", 12.5),
]


@pytest.mark.parametrize("text,value", PARSE_CASES, ids=[c[0] for c in PARSE_CASES])
def test_parse_number(text: str, value: float) -> None:
    got = parse_number(text)
    assert got == value
    assert isinstance(got, int) == isinstance(value, int)


@pytest.mark.parametrize(
    "text", ["1.2.3.4", "12.34.567", "puluh", "dua tiga", "2,5 M", "", "Rp", "abc"]
)
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


def test_read_digits_styles() -> None:
    """Which convention decided each reading (documented in docs/quantities.md)."""
    styles = {s: read_digits(s).style for s in ["2019", "96.616", "1,8", "1,250,000", "1.5"]}  # type: ignore[union-attr]
    assert styles == {
        "2019": "plain",
        "96.616": "id",
        "1,8": "id",
        "1,250,000": "en",
        "1.5": "dot-decimal",
    }
    assert read_digits("2.000").value == Decimal(2000)  # type: ignore[union-attr]
    assert read_digits("1,250").value == Decimal("1.25")  # type: ignore[union-attr]
    assert read_digits("1.250.000,50").value == Decimal("1250000.50")  # type: ignore[union-attr]


def test_read_digits_twins_read_as_the_regex_patterns() -> None:
    """On ASCII strings read_digits uses stdlib twins of its patterns: every string of up
    to six characters of digits and separators reads the same by the regex patterns."""
    import itertools

    from ektp_extract.kinds import numbers

    alphabet = "0129.,"
    n = 0
    for k in range(1, 7):
        for chars in itertools.product(alphabet, repeat=k):
            s = "".join(chars)
            if s.isdigit():
                continue
            assert numbers._read_separated(s, numbers._DIGIT_TWINS) == numbers._read_separated(
                s, numbers._DIGIT_PATTERNS
            ), s
            n += 1
    for s in ["96.616", "1.250.000,50", "1,250,000", "1,250.5", "12,345,678.90", "2,000", "1.2.3.4"]:
        assert numbers._read_separated(s, numbers._DIGIT_TWINS) == numbers._read_separated(
            s, numbers._DIGIT_PATTERNS
        ), s
    assert n > 50_000


def test_read_words_needs_a_digit_before_a_multiplier(extractor: Extractor) -> None:
    t = number_tables(extractor.lexicon)
    assert read_words("puluh lima", t) is None
    assert read_words("sepuluh puluh", t) is None
    assert read_words("lima puluh", t) == 50


def _values(result) -> set[float]:  # type: ignore[no-untyped-def]
    out: set[float] = set()
    for q in result.quantities:
        out.update(v for v in (q.value, q.range_end) if v is not None)
    return out


def test_seed_quantities(extractor: Extractor, seed_text: str) -> None:
    """SPEC §2: 10, 514, 96616, 93877, 17 and no year (2015, 2016) as a quantity."""
    res = extractor.extract(seed_text)
    assert_spans(res, seed_text)
    assert _values(res) == {10, 514, 96616, 93877, 17}
    by_value = {q.value: q for q in res.quantities}
    assert by_value[96616].unit == "KTP" and by_value[96616].text == "96.616 KTP"
    assert by_value[17].kind == "age" and by_value[17].unit == "tahun"
    assert by_value[10].unit == "kabupaten/kota"


def test_spans_include_qualifier_and_noun(extractor: Extractor) -> None:
    text = "Masih ada sekitar 356.000 penduduk yang belum merekam, atau kurang lebih 4 juta warga."
    res = extractor.extract(text, reference_date=PINNED_REFERENCE)
    assert_spans(res, text)
    assert [q.span.text for q in res.quantities] == [
        "sekitar 356.000 penduduk",
        "kurang lebih 4 juta warga",
    ]
    assert all(q.approximate and q.comparator == "~" for q in res.quantities)


def test_range_gives_both_ends(extractor: Extractor) -> None:
    res = extractor.extract(
        "Setiap hari petugas mencetak 100-150 KTP-el dan merekam 5 sampai 10 juta data.",
        reference_date=PINNED_REFERENCE,
    )
    assert [(q.value, q.range_end) for q in res.quantities] == [(100, 150), (5000000, 10000000)]


def test_vague_amount_has_null_value(extractor: Extractor) -> None:
    res = extractor.extract(
        "Ribuan warga dan puluhan ribu pelajar belum merekam.", reference_date=PINNED_REFERENCE
    )
    assert [(q.value, q.unit, q.approximate) for q in res.quantities] == [
        (None, "warga", True),
        (None, "pelajar", True),
    ]


def test_number_words_are_read_whatever_punctuation_closes_them(extractor: Extractor) -> None:
    """A number word is read however it is closed (``sehari,"``, ``sepekan."``), as it is
    where it stands alone: the leading forms are found as letter runs of the text."""
    cases = [
        ('"Satu desa biasanya selesai sehari," kata petugas.', ["Satu desa", "sehari"]),
        ('Warga sudah menunggu sepekan." Petugas lalu datang.', ["sepekan"]),
        ("Rapat digelar dua kali.", ["dua kali"]),
    ]
    for text, want in cases:
        res = extractor.extract(text, reference_date=PINNED_REFERENCE)
        got = [q.text for q in res.quantities]
        assert got == want, (text, got)
        for q in res.quantities:
            assert text[q.span.start:q.span.end] == q.span.text


def test_malformed_number_warns(extractor: Extractor) -> None:
    res = extractor.extract(
        "Kode berkas 1.2.3.4 tertera di sampul, isinya 12 lembar.", reference_date=PINNED_REFERENCE
    )
    assert [q.value for q in res.quantities] == [12]
    assert any(w.startswith("[W020]") and "1.2.3.4" in w for w in res.warnings)


def test_a_date_is_not_a_malformed_number(extractor: Extractor) -> None:
    """12.03.2019 read by the dates stage is a date, not a number with a warning."""
    res = extractor.extract("Rapat digelar 12.03.2019 di kantor.", reference_date=PINNED_REFERENCE)
    assert [d.value for d in res.dates] == ["2019-03-12"]
    assert res.quantities == [] and not any(w.startswith("[W020]") for w in res.warnings)


@pytest.mark.parametrize(
    "fields",
    [
        dict(value=96616, unit="KTP", kind="count", rule="quantities:digits"),
        dict(value=1.8, unit="persen", kind="percent", rule="quantities:percent"),
        dict(value=None, unit="warga", kind="count", rule="quantities:vague",
             approximate=True, comparator="~"),
        dict(value=5, unit="orang", kind="count", rule="quantities:digits-range", range_end=10),
        dict(value=15000000, unit="rupiah", kind="money", rule="quantities:money",
             approximate=False, comparator="<="),
    ],
)
def test_make_quantity_equals_the_validated_record(fields: dict) -> None:  # type: ignore[type-arg]
    """The stage builds records without pydantic validation; they must be the same records."""
    from ektp_extract.models import Quantity, Span

    span = Span(start=3, end=13, text="96.616 KTP")
    fast = quantities.make_quantity(
        fields["value"], fields["unit"], fields["kind"], span, fields["rule"],
        fields.get("approximate", False), fields.get("comparator"), fields.get("range_end"),
    )
    slow = Quantity(text=span.text, span=span, **fields)
    assert fast == slow
    assert fast.model_dump_json() == slow.model_dump_json()
    assert fast.model_fields_set == slow.model_fields_set
    assert Quantity.model_validate(fast.model_dump()) == fast


def test_make_quantity_rejects_wrong_types() -> None:
    from ektp_extract.models import Span

    span = Span(start=0, end=1, text="x")
    with pytest.raises((ValueError, TypeError)):
        quantities.make_quantity(Decimal(5), "orang", "count", span, "r")  # type: ignore[arg-type]
    with pytest.raises((ValueError, TypeError)):
        quantities.make_quantity(5, "orang", "counts", span, "r")


def _doc(extractor: Extractor, text: str) -> Document:
    prep = normalise(text)
    return Document(prep=prep, lexicon=extractor.lexicon, mask=Mask(prep.norm))


def test_claims_and_dates_stage_claims(extractor: Extractor) -> None:
    """Records are claimed as "quantity"; ranges the dates stage claimed are skipped."""
    text = "Sebanyak 4.317 warga belum merekam, dan 17 orang lagi menunggu."
    doc = _doc(extractor, text)
    s = text.index("17 orang")
    doc.claim("date", s, s + 2)  # pretend the dates stage took it
    quantities.run(doc)
    assert [q.value for q in doc.quantities] == [4317]
    assert doc.claimed["quantity"] == [(text.index("4.317"), text.index(" belum"))]
    info = doc.scratch["quantity_info"][0]
    assert info.family == "orang" and info.record is doc.quantities[0]


def test_notquantity_claims_are_skipped(extractor: Extractor) -> None:
    text = "Aturan Kepala Dinas 12 tahun lalu mengatur 30 hari layanan."
    doc = _doc(extractor, text)
    s = text.index("12")
    doc.claim("notquantity", s, s + 2)
    quantities.run(doc)
    assert [q.value for q in doc.quantities] == [30]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Rp",
        "Rp.-",
        "1.",
        ",5",
        "0,",
        "(((1)))",
        "99999999999999999999999 orang",
        "1" * 5000,
        "dua " * 400,
        "Rp 1 M M M",
        "5-",
        "- 5 -",
        "1.000.000.000.000.000.000.000 rupiah",
        "sepuluh-sepuluh",
        "\u0130stanbul 5 warga",
        "x" * 3 + "\n" * 50 + "3 orang",
    ],
)
def test_odd_inputs_do_not_raise(extractor: Extractor, text: str) -> None:
    res = extractor.extract(text, reference_date=PINNED_REFERENCE)
    assert not any("stage 'quantities' failed" in w for w in res.warnings)
    assert_spans(res, text)


def test_development_set_quantities_f1(extractor: Extractor) -> None:
    """SPEC §6 value sets on the development fixtures: F1 ≥ 0.90 (a regression guard)."""
    from ektp_extract.evaluate import Score, score_article

    gold_dir = ROOT / "fixtures" / "gold"
    total = Score()
    for g in sorted(gold_dir.glob("*.json")):
        art = ROOT / "fixtures" / "articles" / f"{g.stem}.txt"
        if not art.exists():
            continue
        gold = json.loads(g.read_text(encoding="utf-8"))
        total.add(
            score_article(
                gold, extractor.extract(art.read_text(encoding="utf-8"), article_id=g.stem)
            ).scores["quantities"]
        )
    if total.gold == 0:
        pytest.skip("no development fixtures")
    assert total.f1 >= 0.90, (total.tp, total.gold, total.pred)


def test_docs_examples_run() -> None:
    """The ``>>>`` examples of docs/quantities.md give what the page says."""
    import doctest
    import re

    page = (ROOT / "docs" / "quantities.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", page, flags=re.S)
    assert blocks
    parser, runner = (
        doctest.DocTestParser(),
        doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE),
    )
    for i, block in enumerate(blocks):
        runner.run(parser.get_doctest(block, {}, f"quantities.md[{i}]", "docs/quantities.md", 0))
    assert runner.failures == 0 and runner.tries > 0


def test_quantity_and_target_twins_match_as_their_patterns(extractor: Extractor) -> None:
    """The quantities and targets stages run stdlib twins of their patterns on ASCII text (the
    quantities ones on the lowercased text): the same matches and groups at every place."""
    import random
    from pathlib import Path

    import regex

    from ektp_extract.kinds import targets
    from ektp_extract.twins import Twin, ascii_twin

    rx = quantities._rx(extractor.lexicon)
    root = Path(__file__).resolve().parent.parent
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "fixtures" / "articles").glob("*.txt"))[:8]]
    texts = [t for t in texts if t.isascii()]
    rnd = random.Random(3)
    alphabet = "satu dua ribu juta rp 0123456789.,-%()/ orang persen lebih sekitar sehari ratusan\n\t"
    texts += ["".join(rnd.choice(alphabet.split(" ")) + rnd.choice(" ,.-") for _ in range(rnd.randint(0, 25)))
              for _ in range(150)]

    def sig(m):  # type: ignore[no-untyped-def]
        if m is None:
            return None
        return m.span(), tuple(m.span(g) for g in range(1, m.re.groups + 1))

    pats: dict[str, tuple[object, object, bool]] = {}
    for name in quantities._TWINNED:
        pats[name] = (getattr(rx, name), rx.twins[name], True)
    for label, ns in (("quantities", members(quantities)), ("targets", members(targets)),
                      ("targets.rx", members(targets._rx(extractor.lexicon)))):
        for k, v in ns.items():
            if isinstance(v, Twin):
                pats[f"{label}.{k}"] = (v.u, v.a, False)
    assert len(pats) >= 11
    for name, (u, a, lowered) in pats.items():
        assert a is not None and a.pattern == ascii_twin(u).pattern, name  # type: ignore[union-attr]
        for t in texts:
            t = t.lower() if lowered else t
            for pos in range(0, len(t) + 1, 2 if len(t) < 300 else 7):
                assert sig(u.match(t, pos)) == sig(a.match(t, pos)), (name, t[pos:pos + 40])  # type: ignore[attr-defined]
            assert [sig(m) for m in u.finditer(t)] == [sig(m) for m in a.finditer(t)], name  # type: ignore[attr-defined]
    assert isinstance(quantities._VERBISH.u, regex.Pattern)


def test_stage_records_equal_make_quantity_records(extractor: Extractor) -> None:
    """The judge builds its records with ``_record`` (no type tests, the span filled in the
    same call): each equals ``make_quantity`` over ``doc.span`` and the validated record,
    with the same fields set. Covers texts with a non-identity offset map (a soft hyphen)."""
    from ektp_extract.models import Quantity

    root = ROOT / "fixtures" / "articles"
    texts = [p.read_text(encoding="utf-8") for p in sorted(root.glob("*.txt"))]
    texts += [
        "Sekitar 1.500 war\u00adga dan lebih dari 20 persen, Rp 2,5 miliar lebih, 5-10 juta orang.",
        "Antara 30 tahun dan 40 tahun; kurang lebih 12 unit alat perekaman (dua belas unit).",
    ]
    seen = 0
    for text in texts:
        doc = _doc(extractor, text)
        quantities.run(doc)
        for info in doc.scratch["quantity_info"]:
            q = info.record
            plain = quantities.make_quantity(
                q.value, q.unit, q.kind, doc.span(info.start, info.end), q.rule,
                q.approximate, q.comparator, q.range_end,
            )
            assert q == plain and q.model_fields_set == plain.model_fields_set, q
            assert q.model_dump_json() == plain.model_dump_json()
            assert Quantity.model_validate(q.model_dump()) == q
            seen += 1
    assert seen > 100


def test_id_groups_read_as_read_digits() -> None:
    """The judge reads "96.616" itself (``_ID_GROUPS``, an int): the value and style that
    ``read_digits`` gives, for every digit string the pattern takes."""
    import random

    rnd = random.Random(7)
    samples = ["96.616", "1.250.000", "0.000", "12.345.678.901", "1.5", "1.2345", "1,250", "2.500,-",
               "1.000,5", "\u0661.\u0662\u0663\u0664", "01.000"]
    for _ in range(3000):
        samples.append(rnd.choice(["", "0", "1", "12", "123", "1234"]) + "".join(
            rnd.choice([".", ",", ""]) + "".join(rnd.choice("0123456789") for _ in range(rnd.randint(1, 4)))
            for _ in range(rnd.randint(0, 4))
        ))
        samples.append(str(rnd.randint(0, 999)) + "".join("." + str(rnd.randint(0, 999)).zfill(3) for _ in range(rnd.randint(1, 4))))
    taken = 0
    for s in samples:
        if quantities._ID_GROUPS.fullmatch(s) is None:
            continue
        taken += 1
        r = read_digits(s)
        assert r is not None and r.style == "id" and r.value == int(s.replace(".", "")), s
    assert taken > 3000


def test_read_words_one_word_equals_the_loop(extractor: Extractor) -> None:
    """``read_words`` reads a single word without the split: the same Decimal (value and
    digits) as the loop, for every word form, in any case, and for runs and non-words."""
    t = number_tables(extractor.lexicon)
    samples = [*t.words, *(w.upper() for w in t.words), *(f" {w.title()} " for w in t.words),
               "", " ", "warga", "dua-tiga", "dua puluh", "sepuluh\tribu", "\u0130", "x1", "puluh", "ribu"]
    for s in samples:
        fast, plain = read_words(s, t), _read_words_loop(s, t)
        assert fast == plain and str(fast) == str(plain), s


def test_digit_runs_equal_the_lookbehind_pattern(extractor: Extractor) -> None:
    """On ASCII text ``_digit_runs`` scans a copy with every digit made "0" by a stdlib pattern
    that starts with that literal, its look-behinds after the first digit; the plain
    definition is the ``regex`` pattern with look-behinds before the run."""
    import random

    rx = quantities._rx(extractor.lexicon)
    texts = [p.read_text(encoding="utf-8").lower() for p in sorted((ROOT / "fixtures" / "articles").glob("*.txt"))]
    rnd = random.Random(11)
    parts = ["rp", "rp.", "idr", "$", "us$", "a$", "hk$", "usd", "a", "covid-", "ke-", " ", "\n", "(", '"', "-",
             "_", ".", ",", "/", ":", "+", "12", "3.500", "2,5", "1/2", "08:00", "2.500.000,-", "7.-", "x", "0", "9",
             "\x1c", "\x1f"]
    texts += ["".join(rnd.choice(parts) for _ in range(rnd.randint(0, 20))) for _ in range(500)]
    checked = 0
    for low in texts:
        if not low.isascii():
            continue
        for start_at in (0, 1, len(low) // 2):
            plain = [(m.start(), -m.end(), "digits") for m in rx.digits.finditer(low, start_at)]
            assert quantities._digit_runs(rx, low, start_at) == plain, (low[:60], start_at)
            checked += 1
    assert checked > 1000
