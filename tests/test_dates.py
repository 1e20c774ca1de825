"""The dates stage beyond the pattern examples: the seed, missing references, impossible
dates, claims for the quantities stage, offsets, and properties over generated dates.

Worked examples of single forms live in ``patterns/dates.toml`` (run by test_examples.py);
this module checks what a TOML example cannot say (null values, warnings, claims) and
sweeps whole calendars with hypothesis.
"""

from __future__ import annotations

import doctest
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest
from _util import PINNED_REFERENCE, ROOT, assert_spans, patches_module
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ektp_extract import Extractor, errors
from ektp_extract.document import Document
from ektp_extract.kinds import STAGES, dates
from ektp_extract.kinds.meta import reference_from
from ektp_extract.models import DateMention, Span
from ektp_extract.text import Mask, normalise

MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember"]
WEEKDAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
WIB = timezone(timedelta(hours=7))
SLOW = settings(max_examples=120, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])


def _dates(ex: Extractor, text: str, ref: Any = PINNED_REFERENCE) -> list[Any]:
    res = ex.extract(text, reference_date=ref)
    assert_spans(res, text)
    return [d for d in res.dates if d.role == "mention"]


def _doc_after_dates(ex: Extractor, text: str, ref: Any = PINNED_REFERENCE) -> Document:
    """Run the stages up to and including dates; the Document shows the claims."""
    prep = normalise(text)
    doc = Document(prep=prep, lexicon=ex.lexicon, mask=Mask(prep.norm))
    doc.reference = reference_from(ref)
    for name, stage in STAGES:
        stage(doc)
        if name == "dates":
            break
    return doc


def _claimed(doc: Document, label: str, phrase: str) -> bool:
    s = doc.text.index(phrase)
    covered = set()
    for a, b in doc.claimed.get(label, []):
        covered.update(range(a, b))
    return all(i in covered for i in range(s, s + len(phrase)) if not doc.text[i].isspace())


# ---------------------------------------------------------------- the seed


def test_seed_dates(extractor: Extractor, seed_text: str) -> None:
    res = extractor.extract(seed_text)
    assert_spans(res, seed_text)
    values = {d.value for d in res.dates if d.value}
    assert {"2016-04-18", "2015-12", "2016-04-19T13:50:00+07:00"} <= values
    pub = [d for d in res.dates if d.role == "publication"]
    assert len(pub) == 1 and pub[0].span.text.startswith("Selasa, 19 April 2016")
    # the date line is meta's record: no mention overlaps it
    assert not [d for d in res.dates if d.role == "mention" and d.span.start < pub[0].span.end]
    for d in res.dates:
        assert "17 tahun" not in d.text
        if "Jumat" in d.text:
            assert d.kind == "recurring" and d.value is None
    by_text = {d.text: d for d in res.dates}
    assert by_text["setiap hari Jumat"].granularity is None
    assert by_text["beberapa waktu lalu"].kind == "vague" and by_text["beberapa waktu lalu"].value is None
    assert by_text["per Desember 2015"].granularity == "month"


def test_month_never_gets_a_day(extractor: Extractor) -> None:
    [d] = _dates(extractor, "Capaian perekaman per Desember 2015 tercatat sembilan puluh persen.")
    assert (d.value, d.granularity) == ("2015-12", "month")


# ---------------------------------------------------------------- null values


@pytest.mark.parametrize("text, span, kind", [
    ("Layanan jemput bola digelar setiap hari Jumat oleh petugas.", "setiap hari Jumat", "recurring"),
    ("Kantor dibuka tiap akhir pekan untuk pelajar dan pekerja.", "tiap akhir pekan", "recurring"),
    ("Penghargaan itu diterima dalam rapat di Palembang beberapa waktu lalu.", "beberapa waktu lalu", "vague"),
    ("Belakangan ini antrean di kantor kecamatan makin panjang.", "Belakangan ini", "vague"),
    ("Dinas menerima tambahan blanko pekan lalu dari kementerian.", "pekan lalu", "relative"),
    ("Blanko dijanjikan tiba dua pekan lagi dari gudang pusat.", "dua pekan lagi", "relative"),
], ids=["recurring-weekday", "recurring-weekend", "vague-lalu", "vague-ini", "week", "counted-weeks"])
def test_expressions_without_a_value(extractor: Extractor, text: str, span: str, kind: str) -> None:
    got = [d for d in _dates(extractor, text) if d.span.text == span]
    assert len(got) == 1
    assert (got[0].kind, got[0].value, got[0].granularity, got[0].end) == (kind, None, None, None)


def test_no_reference_gives_null_and_w005(extractor: Extractor) -> None:
    text = ("Blanko tiba kemarin dan dibagikan pada Rabu (6/3). Tahun lalu stok sempat kosong, "
            "tetapi per Desember 2015 capaian sudah 97 persen dan pada 17 Agustus ada perekaman massal.")
    res = extractor.extract(text)  # no date line, no reference_date
    assert errors.W_NO_REFERENCE in res.warnings
    by_text = {d.text: d for d in res.dates}
    for rel in ("kemarin", "Rabu (6/3)", "Tahun lalu", "pada 17 Agustus"):
        assert by_text[rel].value is None and by_text[rel].granularity is None, rel
    assert by_text["per Desember 2015"].value == "2015-12"  # absolute: needs no reference
    today = date.today().isoformat()
    assert all(d.value is None or not d.value.startswith(today) for d in res.dates)


# ---------------------------------------------------------------- impossible dates


@pytest.mark.parametrize("phrase", ["31/2/2016", "30 Februari 2019", "2019-02-29", "31 April 2018"])
def test_impossible_dates_warn_and_give_no_record(extractor: Extractor, phrase: str) -> None:
    text = f"Dokumen palsu itu bertanggal {phrase} menurut penyidik kepolisian resor."
    res = extractor.extract(text, reference_date=PINNED_REFERENCE)
    assert not res.dates
    assert any(w.startswith("[W010]") and phrase in w for w in res.warnings)


# ---------------------------------------------------------------- claims


def test_claims_for_quantities(extractor: Extractor) -> None:
    text = ("Hal itu diatur dalam UU No. 24/2013 dan Permendagri 19/2018 serta Nomor 25 Tahun 2009. "
            "Warga RT 03/RW 05 direkam pada Senin (18/3) pukul 10.00 WIB, sedangkan layanan malam "
            "dibuka pukul 19.00 WIB. Sebanyak 96.616 warga sudah merekam.")
    doc = _doc_after_dates(extractor, text)
    for phrase in ("UU No. 24/2013", "Permendagri 19/2018", "Nomor 25 Tahun 2009", "RT 03/RW 05",
                   "pukul 19.00 WIB"):
        assert _claimed(doc, "notquantity", phrase), phrase
    assert _claimed(doc, "date", "Senin (18/3) pukul 10.00 WIB")
    assert not doc.is_claimed(text.index("96.616"), text.index("96.616") + 6)
    # the regulation years are not dates
    assert {d.value for d in doc.dates} == {"2019-03-18T10:00:00+07:00"}


def test_recurrence_with_a_count_leaves_the_number(extractor: Extractor) -> None:
    doc = _doc_after_dates(extractor, "Blanko dari pusat biasanya datang tiap dua bulan ke kabupaten.")
    assert [d.text for d in doc.dates] == ["tiap dua bulan"]
    assert not doc.claimed.get("date")


# ---------------------------------------------------------------- offsets


def test_offsets_survive_normalisation(extractor: Extractor) -> None:
    # curly quotes, an en dash, a non-breaking space and a soft hyphen change the working text
    text = ("\u201cKami mulai\u00ad bekerja,\u201d kata dia di Jakarta, Rabu (13/3/2019) "
            "pukul\u00a010.00 WIB \u2013 sejak akhir Desember 2018 stok habis.")
    res = extractor.extract(text, reference_date=PINNED_REFERENCE)
    assert_spans(res, text)
    values = {d.value for d in res.dates}
    assert {"2019-03-13T10:00:00+07:00", "2018-12"} <= values


def test_deterministic(extractor: Extractor, seed_text: str) -> None:
    a = extractor.extract(seed_text).model_dump_json()
    b = extractor.extract(seed_text).model_dump_json()
    assert a == b


# ---------------------------------------------------------------- properties


@SLOW
@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2049, 12, 31)), st.integers(0, 4))
def test_explicit_dates_read_back(extractor: Extractor, d: date, form: int) -> None:
    phrase = [
        f"{d.day} {MONTHS[d.month - 1]} {d.year}",
        f"{WEEKDAYS[d.weekday()]}, {d.day} {MONTHS[d.month - 1]} {d.year}",
        f"{WEEKDAYS[d.weekday()]} ({d.day}/{d.month}/{d.year})",
        f"{d.day:02d}-{d.month:02d}-{d.year}",
        d.isoformat(),
    ][form]
    text = f"Menurut catatan dinas, perekaman susulan digelar {phrase} di kantor kecamatan."
    got = [x for x in _dates(extractor, text) if x.span.text.endswith(phrase[-6:])]
    assert [(x.value, x.granularity) for x in got] == [(d.isoformat(), "day")], phrase


@SLOW
@given(st.dates(min_value=date(1990, 2, 1), max_value=date(2040, 11, 30)))
def test_relative_words_follow_the_reference(extractor: Extractor, ref: date) -> None:
    text = ("Rapat digelar kemarin, hasilnya diumumkan besok. Tahun lalu anggaran kurang, "
            "bulan depan ada tambahan. Tim datang Senin lalu dan kembali Jumat mendatang.")
    by_text = {x.text: x.value for x in _dates(extractor, text, ref.isoformat())}
    assert by_text["kemarin"] == (ref - timedelta(days=1)).isoformat()
    assert by_text["besok"] == (ref + timedelta(days=1)).isoformat()
    assert by_text["Tahun lalu"] == str(ref.year - 1)
    nxt = date(ref.year + ref.month // 12, ref.month % 12 + 1, 1)
    assert by_text["bulan depan"] == f"{nxt.year:04d}-{nxt.month:02d}"
    monday = date.fromisoformat(by_text["Senin lalu"])
    assert monday.weekday() == 0 and 1 <= (ref - monday).days <= 7
    friday = date.fromisoformat(by_text["Jumat mendatang"])
    assert friday.weekday() == 4 and 1 <= (friday - ref).days <= 7


@SLOW
@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)), st.integers(1, 150))
def test_bracket_dates_find_their_year(extractor: Extractor, ref: date, back: int) -> None:
    """``Rabu (6/3)`` takes the year that gives the right weekday near the reference."""
    d = ref - timedelta(days=back)
    text = f"Hal itu disampaikan kepada wartawan, {WEEKDAYS[d.weekday()]} ({d.day}/{d.month})."
    [got] = _dates(extractor, text, ref.isoformat())
    assert (got.value, got.kind) == (d.isoformat(), "partial")


def test_time_zone_of_the_reference_is_used(extractor: Extractor) -> None:
    ref = datetime(2018, 7, 24, 18, 5, tzinfo=timezone(timedelta(hours=8)))
    [d] = _dates(extractor, "Perekaman berikutnya besok jam 8 pagi di sekolah kejuruan negeri.", ref)
    assert d.value == "2018-07-25T08:00:00+08:00" and d.granularity == "minute"


def test_ranges_run_forward(extractor: Extractor) -> None:
    text = ("Pameran digelar 1-3 Maret 2019, sosialisasi 28 Februari - 2 Maret 2019, pendataan "
            "Januari hingga Juni, dan rencana strategis 2015-2019 sudah disahkan.")
    ranges = [d for d in _dates(extractor, text) if d.end is not None]
    assert [(d.value, d.end) for d in ranges] == [
        ("2019-03-01", "2019-03-03"), ("2019-02-28", "2019-03-02"), ("2019-01", "2019-06"),
        ("2015", "2019"),
    ]


# ---------------------------------------------------------------- wire style, habits, lists


def test_wire_weekdays_resolve_backwards_or_need_a_reference(extractor: Extractor) -> None:
    text = ("Kepala dinas mengatakan Senin bahwa blanko tiba. Petugas hari Jumat mendatangi desa. "
            "Senin, camat meninjau loket.")
    res = extractor.extract(text)  # no reference: the weekdays are found but get no value
    assert errors.W_NO_REFERENCE in res.warnings
    assert [(d.text, d.value, d.rule) for d in res.dates] == [
        ("Senin", None, "dates.weekday_verb"), ("hari Jumat", None, "dates.weekday_hari"),
        ("Senin", None, "dates.weekday_initial"),
    ]
    # with a reference on a Monday, "Senin" is that same day (on or before the reference)
    got = _dates(extractor, text, "2019-03-18T12:00:00+07:00")
    assert [d.value for d in got] == ["2019-03-18", "2019-03-15", "2019-03-18"]


def test_a_recurrence_earlier_in_the_paragraph_only(extractor: Extractor) -> None:
    same = "Layanan dibuka setiap Sabtu. Petugas hari Sabtu mendapat libur pengganti."
    assert [d.rule for d in _dates(extractor, same)] == ["dates.recurring"]
    other = "Layanan dibuka setiap Sabtu.\n\nPolisi hari Sabtu menangkap dua pengedar blanko palsu."
    assert [(d.rule, d.value) for d in _dates(extractor, other)] == [
        ("dates.recurring", None), ("dates.weekday_hari", "2019-03-16")]


@pytest.mark.parametrize("text, span", [
    ("Rapat akbar itu selalu digelar bulan Oktober di ibu kota provinsi.", "bulan Oktober"),
    ("Panen raya biasanya pada Desember, saat hujan mulai turun.", "pada Desember"),
    ("Setiap tahun, pameran pembangunan dibuka pada Agustus di alun-alun.", "pada Agustus"),
], ids=["selalu", "biasanya", "setiap-tahun"])
def test_yearly_habit_months_have_no_value(extractor: Extractor, text: str, span: str) -> None:
    got = [d for d in _dates(extractor, text) if d.span.text == span]
    assert [(d.kind, d.value, d.granularity, d.rule) for d in got] == [
        ("recurring", None, None, "dates.recurring_month")]


def test_day_lists_are_dates_not_quantities(extractor: Extractor) -> None:
    text = "Pameran kependudukan berlangsung 16, 17, dan 18 Maret 2019 dan dikunjungi 4.200 warga."
    res = extractor.extract(text, reference_date=PINNED_REFERENCE)
    assert_spans(res, text)
    assert [(d.text, d.value) for d in res.dates] == [
        ("16", "2019-03-16"), ("17", "2019-03-17"), ("18 Maret 2019", "2019-03-18")]
    assert [q.value for q in res.quantities] == [4200]


def test_event_years_on_link_lines_are_skipped(extractor: Extractor) -> None:
    text = ("Partai itu menyiapkan kader sejak lama.\n"
            "- Hasil Pemilu Legislatif 2014 Digugat ke MK\n"
            "Pada Pemilu Legislatif 2014 partai itu meraih tujuh kursi.")
    got = _dates(extractor, text)
    assert [(d.text, d.value) for d in got] == [("2014", "2014")]
    assert got[0].span.start > text.index("Pada")


@pytest.mark.parametrize("text", [
    "Harga blanko di pasar gelap naik dua tahun belakangan ini.",
    "Harga blanko di pasar gelap naik 2 tahun belakangan ini.",
    "Perekaman meningkat tajam dalam tiga tahun terakhir.",
], ids=["dua-belakangan", "digit-belakangan", "tiga-terakhir"])
def test_counted_spans_before_belakangan_are_durations(extractor: Extractor, text: str) -> None:
    res = extractor.extract(text, reference_date=PINNED_REFERENCE)
    assert not res.dates
    assert [(q.unit, q.kind) for q in res.quantities] == [("tahun", "duration")]


# ---------------------------------------------------------------- fast paths give the plain results


@pytest.mark.parametrize("value, end, gran, kind", [
    ("2019-03-19", None, "day", "relative"),
    (None, None, None, "vague"),
    ("2015", "2019", "year", "absolute"),
    ("2019-03-20T10:00:00+07:00", None, "minute", "absolute"),
    (None, None, None, "recurring"),
])
def test_mention_equals_the_validated_record(value: Any, end: Any, gran: Any, kind: str) -> None:
    span = Span(start=3, end=10, text="kemarin")
    fast = dates._mention(span, value, end, gran, kind, "dates.x")
    slow = DateMention(text="kemarin", value=value, end=end, granularity=gran, kind=kind, role="mention",
                       span=span, rule="dates.x")
    assert fast == slow
    assert fast.model_dump_json() == slow.model_dump_json()
    assert fast.model_fields_set == slow.model_fields_set
    assert DateMention.model_validate(fast.model_dump()) == fast


@pytest.mark.parametrize("fields", [
    (2019, None, "year", "absolute", "r"), (None, None, "week", "relative", "r"),
    (None, None, None, "sometimes", "r"), (None, None, None, "vague", None),
])
def test_mention_rejects_wrong_fields(fields: tuple[Any, ...]) -> None:
    with pytest.raises((ValueError, TypeError)):
        dates._mention(Span(start=0, end=1, text="x"), *fields)


def _prefilter_texts() -> list[str]:
    import tomllib

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "articles").glob("*.txt"))]
    for name in ("dates", "calendar", "quantities", "targets"):
        data = tomllib.loads((ROOT / "patterns" / f"{name}.toml").read_text(encoding="utf-8"))
        texts += [e["text"] for key in ("examples", "negatives") for e in data.get(key, []) if "text" in e]
    texts += ["Jum'at lalu dan JUM'AT, 3 Jumat pekan lalu, Jum'at pagi", "kata dia di Semarang,  Senin.",
              "2016 (18/4/2016) dan ( 6/9 ) serta (tanggal 5/3)", "tgl. 20 kemarin, s.d. 3 Maret, T.A. 2019",
              "1 s/d 3 September 2019, 1 s.d. 3 Mei, 16 ,17 dan 18 Maret", "tiap 2 bulan sekali, setiap 17 Agustus",
              "Pemilu Presiden dan Wakil Presiden (Pilpres) 2009, PILKADA DKI Jakarta 2017, (Pileg) 2014"]
    return texts + [v for t in texts for v in (t.lower(), t.upper(), t.replace(" ", "\n"))]


@patches_module
def test_prefilters_drop_only_places_where_nothing_matches(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every place a pre-check drops (and a follow map, see the word scan's test below): the
    core pattern does not match there (weekday_wire: its handler gives nothing); every lead not
    read would have been empty, and no event stands before a year whose window holds no event
    word."""
    r = dates.rx(extractor.lexicon)
    bad: list[tuple[str, str]] = []
    seen = {"dropped": 0, "leads": 0}
    prefilter, lead_needed = dates._prefilter, dates._lead_needed

    def checked(ctx: Any, adj: Any, todo: list[int], follow: Any, pre: Any) -> list[int]:
        out = prefilter(ctx, adj, todo, follow, pre)
        keep = set(out)
        for name, pat, _, _, cidx, _, handler, f, p, *_ in r.patterns:
            if p is not pre or (follow is not None and f is not follow):
                continue
            for pos in todo:
                if pos in keep:
                    continue
                seen["dropped"] += 1
                m = pat.match(ctx.text, pos)
                if m is not None and (name != "weekday_wire" or handler(ctx, dates._M(m, None, cidx)) is not None):
                    bad.append((name, ctx.text[pos:pos + 40]))
        return out

    def lead_checked(text: str, cs: int, last: frozenset[str], bracket: bool) -> bool:
        out = lead_needed(text, cs, last, bracket)
        if not out:
            seen["leads"] += 1
            for name, _, lead, *_, lst, br in r.patterns:
                if lst is last and br == bracket:
                    m = lead.match(text, max(0, cs - 60), cs)
                    if m is not None and m.start() < cs:
                        bad.append((name + " lead", text[max(0, cs - 40):cs + 10]))
        return out

    event_near = dates._event_near

    def event_checked(ctx: Any, ys: int) -> bool:
        out = event_near(ctx, ys)
        if not out and r.event_before.match(ctx.text, max(0, ys - 120), ys):
            bad.append(("event_before", ctx.text[max(0, ys - 40):ys + 4]))
        return out

    monkeypatch.setattr(dates, "_prefilter", checked)
    monkeypatch.setattr(dates, "_lead_needed", lead_checked)
    monkeypatch.setattr(dates, "_event_near", event_checked)
    for text in _prefilter_texts():
        res = extractor.extract(text, reference_date=PINNED_REFERENCE)
        assert not any("[W006]" in w for w in res.warnings)
    assert seen["dropped"] > 300 and seen["leads"] > 100
    assert not bad


def test_word_scan_equals_the_plain_definition(extractor: Extractor) -> None:
    """The word scan (one split of the text, one find per vocabulary word on ASCII text) gives
    what a plain reading gives: every whole word written as a trigger word (lower, Title or
    UPPER case) in the list of each slot of its triggers, in order (on ASCII text only where
    the next word may follow it in the slot's pattern), and by its casefolded key when it
    begins a tense or habit phrase; on ASCII
    text each place of a unit word, and each place of a trigger word that went to a slot,
    with (end, previous word, next word, key), the words casefolded (what the pre-checks
    and the count units read; a place in no slot is never asked for)."""
    import re

    r = dates.rx(extractor.lexicon)
    slot_trig = [p[3] for p in r.patterns] + [c[2] for c in r.claims] + [r.clock_trigger]
    slot_follow = [p[7] for p in r.patterns] + [None] * (len(r.claims) + 1)
    assert r.n_slots == len(slot_trig) and r.clock_slot == len(slot_trig) - 1
    texts = _prefilter_texts()
    texts += [t.replace("a", "\u00e1", 3) + " \u2014 Senin" for t in texts[:40]]  # the general loop
    texts += ["", "Senin", "Senin,Selasa;RABU kamis.", "SeninSelasa senin2019 2019senin _senin_"]
    checked = filtered = 0
    for text in texts:
        parts: list[list[int]] = [[] for _ in range(r.n_slots)]
        words, adj = dates._word_positions(text, r, parts)
        found = [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"[^\W\d_]+", text)]
        plain: dict[str, list[int]] = {}
        hits = [(s, e, w.casefold()) for s, e, w in found if w in r.vocab_cased]
        for s, _, key in hits:
            if key in r.tense_first or key in r.habitual_first:
                plain.setdefault(key, []).append(s)
        assert words == plain, text[:80]
        # the token after each word (on ASCII text the words are the tokens of [A-Za-z]+)
        after = {a[0]: b[2].lower() for a, b in zip(found, found[1:])}
        slotted: set[int] = set()
        for sl, (ti, follow) in enumerate(zip(slot_trig, slot_follow)):
            want_sl = [(s, key) for s, _, key in hits if key in r.triggers[ti].words]
            if text.isascii() and follow is not None:  # only where the next token may follow the word
                want_sl = [(s, key) for s, key in want_sl
                           if (allowed := follow.get(key)) is None or after.get(s, "") in allowed]
            assert parts[sl] == [s for s, _ in want_sl], (sl, text[:80])
            slotted.update(s for s, _ in want_sl)
            filtered += len(want_sl) < sum(key in r.triggers[ti].words for _, _, key in hits)
        if text.isascii():
            tokens = [(m.start(), m.group(0).lower()) for m in re.finditer(r"[A-Za-z]+", text)]
            index = {s: k for k, (s, _) in enumerate(tokens)}
            want = {}
            for s, e, key in hits:
                if key not in r.unit_words and s not in slotted:
                    continue  # a tense or habit word, or a place no pattern is tried at
                k = index[s]
                want[s] = (e, tokens[k - 1][1] if k else "", tokens[k + 1][1] if k + 1 < len(tokens) else "", key)
            assert adj == want, text[:80]
        else:
            assert adj is None
        checked += len(hits)
    assert checked > 5000 and filtered > 1000


def test_word_scan_drops_only_places_where_nothing_matches(extractor: Extractor) -> None:
    """Every place of a trigger word the word scan leaves out of a pattern's slot (its follow
    map rules the next token out, ASCII text): the core pattern does not match there."""
    import re

    r = dates.rx(extractor.lexicon)
    dropped = 0
    for text in [t for t in _prefilter_texts() if t.isascii()]:
        parts: list[list[int]] = [[] for _ in range(r.n_slots)]
        _, adj = dates._word_positions(text, r, parts)
        assert adj is not None
        # every place of a trigger word, read apart from the scan
        places = [(m.start(), m.group(0).lower()) for m in re.finditer(r"[A-Za-z]+", text)
                  if m.group(0) in r.vocab_cased]
        for k, (name, pat, _, ti, *_) in enumerate(r.patterns):
            kept = set(parts[k])
            for pos, key in places:
                if key in r.triggers[ti].words and pos not in kept:
                    dropped += 1
                    assert pat.match(text, pos) is None, (name, text[pos:pos + 40])
    assert dropped > 3000


def test_previous_word_equals_the_plain_reading() -> None:
    """_prev_word_at (a window read with C string methods) gives what the plain char-by-char
    reading gives at every position: the word before, where it starts, -1 at a sentence start."""
    texts = _prefilter_texts()[:200]
    texts += ["a" * 70 + " " + "b" * 60 + "  \t x", "kata\r Senin", "x\x0c\x1cSenin", "  \t  ",
              "(Senin", "dia: Senin", " " * 80 + "Senin", "\u00e1b\u00a0c d", "ab" * 40]
    n = 0
    for text in texts:
        for s in range(len(text) + 1):
            assert dates._prev_word_at(text, s) == dates._prev_word_at_plain(text, s), (text[max(0, s - 60):s], s)
            n += 1
    assert n > 100_000


def test_inlined_has_value_tests_equal_the_property() -> None:
    """_iso, _explicit_day and _may_join read has_value inline: over every combination of the
    fields they read they agree with the property (_may_join with _may_join_plain)."""
    from itertools import product

    grans = [None, "year", "month", "day", "minute"]
    kinds = ["absolute", "partial", "relative", "recurring"]
    cands = []
    for gran, y, unresolved, kind, inferred, ended in product(
            grans, [None, 2019], [False, True], kinds, [False, True], [False, True]):
        c = dates._Cand(0, 4, "r", kind, gran, y, 3 if gran != "year" else None, 5, 10, 30,
                        unresolved=unresolved, year_inferred=inferred)
        if ended:
            c.end = dates._Cand(0, 4, "r", kind, gran, y)
        assert (dates._iso(c) is not None) == c.has_value
        plain = c.kind == "absolute" and c.gran in ("day", "minute") and c.has_value and not c.year_inferred \
            and c.end is None
        assert dates._explicit_day(c) == plain
        cands.append(c)
    assert len(cands) == 320
    pairs = 0
    for a in cands[::3]:
        for c in cands[::5]:
            for yearless in (False, True):
                assert dates._may_join(a, c, yearless) == dates._may_join_plain(a, c, yearless)
                pairs += 1
    assert pairs > 10_000


def test_memoised_iso_equals_the_plain_one() -> None:
    """_iso memoises _iso_plain by (granularity, year, month, day): over valid and impossible
    dates of each granularity, asked twice, it gives what _iso_plain gives."""
    from datetime import timezone

    n = 0
    for gran in (None, "year", "month", "day", "minute"):
        for y in (None, 1, 999, 2016, 2019, 2020, 9999, 10000):
            for m in (None, 1, 2, 12, 13):
                for d in (None, 1, 28, 29, 30, 31, 32):
                    for unresolved in (False, True):
                        c = dates._Cand(0, 4, "r", "absolute", gran, y, m, d, 10, 30, timezone.utc,
                                        unresolved=unresolved)
                        for _ in range(2):
                            try:
                                want: Any = dates._iso_plain(c)
                            except (TypeError, ValueError) as e:
                                want = type(e)
                            try:
                                got: Any = dates._iso(c)
                            except (TypeError, ValueError) as e:
                                got = type(e)
                            assert got == want, (gran, y, m, d, unresolved)
                            n += 1
    assert n > 4000


def test_twins_match_as_their_patterns(extractor: Extractor) -> None:
    """On ASCII text each stdlib twin (core patterns, claims, clock) matches as its regex
    pattern at every position: the same span and the same groups."""
    r = dates.rx(extractor.lexicon)
    pairs = [(p[1], t) for p, t in zip(r.patterns, r.core_twins)]
    pairs += [(c[1], t) for c, t in zip(r.claims, r.claim_twins)] + [(r.clock, r.clock_twin)]
    assert sum(t is not None for _, t in pairs) >= len(pairs) - 1  # weekday_comma has none
    texts = [t for t in _prefilter_texts() if t.isascii()][::3]
    compared = 0
    for pat, twin in pairs:
        if twin is None:
            continue
        for text in texts:
            for pos in range(len(text)):
                a, b = pat.match(text, pos), twin.match(text, pos)
                assert (a is None) == (b is None), (pat.pattern[:60], text[pos:pos + 40])
                if a is not None:
                    assert a.span() == b.span() and a.groups() == b.groups(), text[pos:pos + 40]
                    compared += 1
    assert compared > 1000


def test_month_values_read_after_selection_equal_those_read_at_once(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A month's habit and tense are read only when _select keeps it (dates._h_month sets
    ``later``): the same records as reading them in the handler, with and without a reference."""
    texts = _prefilter_texts()[::2]
    refs = (PINNED_REFERENCE, None)
    fast = [extractor.extract(t, reference_date=ref).model_dump_json() if ref else extractor.extract(t).model_dump_json()
            for t in texts for ref in refs]
    h_month = dates._h_month
    read = [0]

    def at_once(ctx: Any, m: Any) -> Any:
        c = h_month(ctx, m)
        if c is not None and c.later is not None:
            c.later[0](ctx, c, *c.later[1:])
            read[0] += 1
            c.later = None
        return c

    monkeypatch.setitem(dates._HANDLERS, "month", at_once)
    r = dates.rx(extractor.lexicon)
    monkeypatch.setattr(r, "patterns", [p[:6] + (at_once,) + p[7:] if p[0] == "month" else p for p in r.patterns])
    slow = [extractor.extract(t, reference_date=ref).model_dump_json() if ref else extractor.extract(t).model_dump_json()
            for t in texts for ref in refs]
    assert fast == slow and read[0] > 100
    assert sum('"dates.month"' in f or '"dates.recurring_month"' in f for f in fast) > 50


def test_checks_read_in_select_equal_those_read_at_once(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bare year's and a bare month's tests are read only when _select would keep them
    (the handlers set ``check``): the same records as reading them in the handler, with and
    without a reference."""
    texts = _prefilter_texts()[::2]
    texts += ["Sejak 2016 dan 2017, warga 2019 TPS. Pemilu Legislatif 2014 lalu.\n- Pemilu 2019",
              "Dewi Juni datang Mei. Juni Rahayu, Jalan Maret, kata Mei 2019 dan April."]
    refs = (PINNED_REFERENCE, None)

    def run_all() -> list[str]:
        return [extractor.extract(t, reference_date=ref).model_dump_json() if ref else extractor.extract(t).model_dump_json()
                for t in texts for ref in refs]

    fast = run_all()
    read = {True: 0, False: 0}

    def at_once(handler: Any) -> Any:
        def h(ctx: Any, m: Any) -> Any:
            c = handler(ctx, m)
            if c is not None and c.check is not None:
                try:
                    ok = c.check[0](ctx, c, *c.check[1:])
                except (ValueError, OverflowError):
                    ok = False
                read[bool(ok)] += 1
                c.check = None
                if not ok:
                    return None
            return c
        return h

    r = dates.rx(extractor.lexicon)
    monkeypatch.setattr(r, "patterns", [p[:6] + (at_once(p[6]),) + p[7:] for p in r.patterns])
    slow = run_all()
    assert fast == slow and read[True] > 100 and read[False] > 100


@patches_module
def test_leads_grouped_by_last_characters_match_as_written(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The leads' alternations grouped by last characters (dates._back_alt) read what the
    alternations as written read, backwards from every position, on ASCII and other text."""
    from ektp_extract.kinds.calendar import alternation, calendar

    lex = extractor.lexicon
    forms = [f for r in lex.rows("dates", "cues") for f in r.forms]
    assert dates._back_alt(forms, grouped=False) == dates._alt(forms)
    wd = [f for w in lex.rows("calendar", "weekdays") for f in w.forms]
    assert dates._back_alt(wd, spaces=False, grouped=False) == alternation(wd) == calendar(lex).weekday_re
    assert dates._back_alt(forms) != dates._alt(forms)
    grouped = dates._build(lex)
    back_alt = dates._back_alt
    monkeypatch.setattr(dates, "_back_alt", lambda f, spaces=True, grouped=True: back_alt(f, spaces, False))
    plain = dates._build(lex)
    pairs = {id(g[2]): (g[2], p[2]) for g, p in zip(grouped.patterns, plain.patterns) if g[2] is not None}
    assert len(pairs) >= 8 and all(a.pattern != b.pattern for a, b in pairs.values())
    texts = _prefilter_texts()[::6]
    texts += [t.replace("a", "\u00e1", 2).replace("s", "\u017f", 2) for t in texts[:20]]
    texts += ["PADA  AKHIR\nBULAN Mei", "sejak ſenin (4/5), s.d. Jum'at, 3 hari, tgl. 5", "pada hari Kamis-Jumat (4-5/6)"]
    compared = 0
    for a, b in pairs.values():
        for text in texts:
            for cs in range(len(text) + 1):
                x, y = a.match(text, max(0, cs - 60), cs), b.match(text, max(0, cs - 60), cs)
                assert (x is None) == (y is None), text[max(0, cs - 60):cs]
                if x is not None:
                    assert (x.span(), x.groups()) == (y.span(), y.groups()), text[max(0, cs - 60):cs]
                    compared += x.start() < cs
    assert compared > 5000


def test_handler_twins_match_as_their_patterns(extractor: Extractor) -> None:
    """On ASCII text the twins the handlers call (:class:`Twin`) find what their regex patterns
    find, from every position and in the windows they are given (up to a position)."""
    r = dates.rx(extractor.lexicon)
    twins = [v for v in vars(dates).values() if isinstance(v, dates.Twin)]
    twins += [r.range_gap, r.coord_gap, r.weekday_pair, r.count_noun, r.recurring_weekday, r.tense, r.habitual,
              r.habit]
    assert len(twins) >= 14 and all(t.a is not None for t in twins)
    texts = [t for t in _prefilter_texts() if t.isascii()][::15]
    texts += ["2017 dan ", "pada 2017, ", " - ", " , pada hari ", "  )", ", (18", "hingga", " s.d. "]
    compared = 0
    for t in twins:
        for text in texts:
            for pos in range(0, len(text), 3):
                for lo, hi in ((pos, len(text)), (max(0, pos - 16), pos)):
                    for a, b in ((t.u.match(text, lo, hi), t.a.match(text, lo, hi)),
                                 (t.u.search(text, lo, hi), t.a.search(text, lo, hi)),
                                 (t.u.fullmatch(text, lo, hi), t.a.fullmatch(text, lo, hi))):
                        assert (a is None) == (b is None), (t.pattern[:60], text[lo:hi])
                        if a is not None:
                            assert a.span() == b.span() and a.groups() == b.groups(), text[lo:hi]
                            compared += 1
    assert compared > 1000


# ---------------------------------------------------------------- docs


def test_docs_examples_run() -> None:
    path = ROOT / "docs" / "dates.md"
    result = doctest.testfile(str(path), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 5 and result.failed == 0



# ---------------------------------------------------------------- anchors (real-article findings)


def _vals(extractor: Extractor, text: str, ref: Any = PINNED_REFERENCE) -> list[tuple[str, Any, Any]]:
    res = extractor.extract(text, reference_date=ref) if ref else extractor.extract(text)
    return [(d.span.text, d.value, d.end) for d in res.dates]


def test_bare_weekday_takes_the_full_date_nearby(extractor: Extractor) -> None:
    text = ("Tiga desa di Kabupaten Garut terendam banjir pada Kamis.\n"
            "\"Warga sudah kami ungsikan ke balai desa,\" kata Kepala Pelaksana BPBD Rudi Hartono, Kamis (9/1/2020).")
    got = _vals(extractor, text, None)
    assert got[0] == ("pada Kamis", "2020-01-09", None)
    # another weekday written in full is no anchor: without a reference the bare day stays null
    text2 = text.replace("Kamis (9/1/2020)", "Jumat (10/1/2020)")
    assert _vals(extractor, text2, None)[0] == ("pada Kamis", None, None)


def test_day_month_takes_the_year_written_in_its_paragraph(extractor: Extractor) -> None:
    text = ("Sampai pertanggal 12 Oktober tercatat 210 kasus campak. "
            "Angka itu naik dari 150 kasus pertanggal 12 Oktober 2017.")
    assert _vals(extractor, text, None)[0] == ("12 Oktober", "2017-10-12", None)
    # another day is no anchor
    assert _vals(extractor, text.replace("12 Oktober 2017", "14 Oktober 2017"), None)[0] == ("12 Oktober", None, None)
    # with a reference, the reference decides (the same day of another year is often compared)
    assert _vals(extractor, text)[0] == ("12 Oktober", "2018-10-12", None)


def test_range_start_takes_the_year_of_its_end(extractor: Extractor) -> None:
    got = _vals(extractor, "Dinas mencetak 9.100 keping sejak Januari hingga 31 Desember 2018 di Kota Bogor.")
    assert got[0] == ("sejak Januari", "2018-01", None)
    got = _vals(extractor, "Dinas mencetak 9.100 keping sejak Februari, lalu pada 31 Desember 2018 berhenti.")
    assert got[0] == ("sejak Februari", "2019-02", None)


def test_day_range_fills_its_end(extractor: Extractor) -> None:
    assert _vals(extractor, "Festival digelar 14-17 Juli 2024 di alun-alun.") == [
        ("14-17 Juli 2024", "2024-07-14", "2024-07-17")]


@pytest.mark.parametrize("text, expected", [
    # the event day in the quotation's attribution
    ('"Besok atau lusa jumlah pengungsi bisa bertambah," kata Kepala BPBD Agus Salim, Senin (18/3/2019).',
     [("Besok", "2019-03-19"), ("lusa", "2019-03-20"), ("Senin (18/3/2019)", "2019-03-18")]),
    # the event day earlier in the same sentence
    ("Rapat digelar Senin (18/3/2019) dan hasilnya diumumkan besok di balai desa.",
     [("Senin (18/3/2019)", "2019-03-18"), ("besok", "2019-03-19")]),
    # in another sentence: the publication date stays the anchor
    ("Rapat digelar Senin (18/3/2019) di balai desa. Hasilnya diumumkan besok.",
     [("Senin (18/3/2019)", "2019-03-18"), ("besok", "2019-03-21")]),
    # a day written after the relative word in its own sentence dates something else
    ("Hasilnya diumumkan besok, sedangkan rapat sudah digelar Senin (18/3/2019).",
     [("besok", "2019-03-21"), ("Senin (18/3/2019)", "2019-03-18")]),
], ids=["attribution", "same-sentence", "other-sentence", "after-in-sentence"])
def test_relative_day_counts_from_the_event_day(extractor: Extractor, text: str, expected: list) -> None:
    assert [(t, v) for t, v, _ in _vals(extractor, text)] == expected


def test_meta_published_is_the_reference_whatever_line_it_came_from(extractor: Extractor) -> None:
    """A publication date meta found without setting the reference (a date line at the end of
    the page) still anchors bare weekdays."""
    text = "Bantuan beras disalurkan ke 900 keluarga, kata kepala dinas di Sleman, Selasa."
    prep = normalise(text)
    doc = Document(prep=prep, lexicon=extractor.lexicon, mask=Mask(prep.norm))
    for name, stage in STAGES:
        if name == "dates":
            doc.meta.published = "2024-10-22T16:30:00+07:00"
            doc.reference = None
        stage(doc)
        if name == "dates":
            break
    assert [(d.text, d.value) for d in doc.dates] == [("Selasa", "2024-10-22")]


class _NotAscii(str):
    """A str that says it is not ASCII: _digit_positions reads it with ``_DIGITS``."""

    def isascii(self) -> bool:
        return False


def test_digit_positions_ascii_pattern_equals_the_general_one(extractor: Extractor) -> None:
    """On ASCII text the digit runs are read by ``_DIGITS_ASCII`` instead of ``_DIGITS``; both
    must list the same runs in every slot and read the same count units."""
    import random

    r = dates.rx(extractor.lexicon)
    texts = [t for t in _prefilter_texts() if t.isascii()]
    rng = random.Random(7)
    pieces = ["2019", "17", "3", "12345", "1999", "07", " ", "  ", "\t", "\n", "-", "/", ".", ":", ",", " ,",
              "Agustus", "hari", "bulan", "s.d.", "hingga", "Sampai", "x", "(", ")", "2.500", "13.50", "1-3"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 25))) for _ in range(3000)]
    assert len(texts) > 3000
    for text in texts:
        fast_units: dict[int, int] = {}
        slow_units: dict[int, int] = {}
        fast = dates._digit_positions(text, r.day_words, r.unit_words, fast_units)
        slow = dates._digit_positions(_NotAscii(text), r.day_words, r.unit_words, slow_units)
        assert (fast, fast_units) == (slow, slow_units), text[:80]


def _year_next_plain(text: str, k: int) -> bool:
    """The loop ``_pre_month_year`` ran before ``_YEAR_NEXT``: a dot, spaces, a comma and spaces
    (each optional) after the month word, then 1 or 2."""
    n = len(text)
    if k < n and text[k] == ".":
        k += 1
    while k < n and text[k].isspace():
        k += 1
    if k < n and text[k] == ",":
        k += 1
        while k < n and text[k].isspace():
            k += 1
    return k < n and text[k] in "12"


def _sentence_bounds_plain(text: str, pos: int) -> tuple[int, int]:
    lo = max(text.rfind(". ", 0, pos), text.rfind("? ", 0, pos), text.rfind("! ", 0, pos),
             text.rfind("\n", 0, pos)) + 1
    m = dates._SENT_END.search(text, pos)
    return lo, (m.end() if m else len(text))


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list(". ,\n\t\r\x0b\x0c\x1c\x1f\x85\u2003!?12a9")), max_size=30))
def test_small_readers_equal_their_plain_loops(text: str) -> None:
    """_YEAR_NEXT against the loop it replaced (at every position and past the end),
    _sentence_bounds (marks looked for after the newline only) against its plain reading,
    and the ASCII digit test of _h_recurring against str.isdigit."""
    for k in range(len(text) + 2):
        assert (dates._YEAR_NEXT.match(text, k) is not None) == _year_next_plain(text, k), (text, k)
    for pos in range(len(text) + 1):
        assert dates._sentence_bounds(text, pos) == _sentence_bounds_plain(text, pos), (text, pos)
        assert dates._sentence_end(text, pos) == _sentence_bounds_plain(text, pos)[1]
    if text.isascii():
        assert (dates._ASCII_DIGIT.search(text) is not None) == any(ch.isdigit() for ch in text)
