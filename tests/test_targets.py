"""Targets: linking a stated target to its achievement, as_of date, rate and owner.

Single-rule cases live in patterns/targets.toml (run by test_examples.py);
this file checks the seed article, the use of other stages' records, and the
development-set score.
"""

from __future__ import annotations

import json

import pytest
from _util import PINNED_REFERENCE, ROOT, assert_spans, prepared_doc

from ektp_extract import Extractor
from ektp_extract.document import Document
from ektp_extract.kinds import quantities, targets
from ektp_extract.models import Agency, DateMention
from ektp_extract.text import Mask, normalise


def test_seed_target(extractor: Extractor, seed_text: str) -> None:
    """SPEC §2: target 96616 KTP, achieved 93877 KTP as of 2015-12, rate ≈ 0.9717, Kota Magelang."""
    res = extractor.extract(seed_text)
    assert_spans(res, seed_text)
    assert len(res.targets) == 1
    t = res.targets[0]
    assert t.target.value == 96616 and t.target.unit == "KTP"
    assert t.achieved is not None and t.achieved.value == 93877
    assert t.achievement_rate == pytest.approx(0.9717, abs=1e-4)
    assert (
        t.as_of is not None and t.as_of.value == "2015-12" and t.as_of.text == "per Desember 2015"
    )
    assert t.region == "Kota Magelang"
    owner = next((a for a in res.agencies if a.id == t.owner_agency_id), None)
    assert owner is None or owner.region == "Kota Magelang"
    # the target and achieved records are the quantities' own records
    assert t.target in res.quantities and t.achieved in res.quantities


def test_units_must_agree_for_an_achievement(extractor: Extractor) -> None:
    text = (
        "Dinas menargetkan 12.500 KTP tahun ini. Hingga Juni, capaian perekaman baru 80 persen "
        "dan yang sudah dicetak 9.000 KTP."
    )
    t = extractor.extract(text, reference_date=PINNED_REFERENCE).targets[0]
    assert t.achieved is not None and t.achieved.value == 9000
    assert t.achievement_rate == pytest.approx(0.72)


def test_no_achievement_without_a_cue(extractor: Extractor) -> None:
    text = "Pemkab menargetkan 100 persen perekaman. Di kecamatan itu ada 45 persen warga lansia."
    t = extractor.extract(text, reference_date=PINNED_REFERENCE).targets[0]
    assert (
        t.target.value == 100
        and t.achieved is None
        and t.achievement_rate is None
        and t.as_of is None
    )


def test_a_figure_is_the_target_of_one_cue_only(extractor: Extractor) -> None:
    text = "Target nasional perekaman sebesar 95 persen, sasaran provinsi 90 persen."
    res = extractor.extract(text, reference_date=PINNED_REFERENCE)
    assert sorted(t.target.value for t in res.targets) == [90, 95]


def _doc(extractor: Extractor, text: str) -> Document:
    prep = normalise(text)
    return Document(prep=prep, lexicon=extractor.lexicon, mask=Mask(prep.norm))


def test_owner_and_as_of_come_from_other_stages(extractor: Extractor) -> None:
    """targets reads doc.agencies and doc.dates as the earlier stages left them."""
    text = "Disdukcapil menargetkan 5.000 KTP. Per Mei 2019 yang sudah dicetak 4.000 KTP."
    doc = _doc(extractor, text)
    quantities.run(doc)
    a = text.index("Disdukcapil")
    doc.agencies.append(
        Agency(
            id="ag-7",
            name="Dinas Kependudukan dan Pencatatan Sipil Kota Contoh",
            region="Kota Contoh",
            mentions=[doc.span(a, a + 11)],
            span=doc.span(a, a + 11),
        )
    )
    d = text.index("Per Mei 2019")
    doc.dates.append(
        DateMention(
            text="Per Mei 2019", value="2019-05", granularity="month", span=doc.span(d, d + 12)
        )
    )
    targets.run(doc)
    (t,) = doc.targets
    assert (t.owner_agency_id, t.region) == ("ag-7", "Kota Contoh")
    assert t.as_of is not None and t.as_of.value == "2019-05"
    assert t.achievement_rate == pytest.approx(0.8)


def test_targets_without_quantities_stage_output(extractor: Extractor) -> None:
    doc = _doc(extractor, "Pemkab menargetkan 100 persen perekaman.")
    targets.run(doc)  # the quantities stage did not run: nothing to link, no error
    assert doc.targets == []


def test_development_set_targets_f1(extractor: Extractor) -> None:
    """SPEC §6 value sets on the development fixtures: F1 ≥ 0.70 (a regression guard)."""
    from ektp_extract.evaluate import Score, score_article

    total = Score()
    for g in sorted((ROOT / "fixtures" / "gold").glob("*.json")):
        art = ROOT / "fixtures" / "articles" / f"{g.stem}.txt"
        if not art.exists():
            continue
        gold = json.loads(g.read_text(encoding="utf-8"))
        total.add(
            score_article(
                gold, extractor.extract(art.read_text(encoding="utf-8"), article_id=g.stem)
            ).scores["targets"]
        )
    if total.gold == 0:
        pytest.skip("no development fixtures")
    assert total.f1 >= 0.70, (total.tp, total.gold, total.pred)


_WORDS = [
    "target", "targetnya", "menargetkan", "sasaran", "harus", "mencapai", "sudah", "baru",
    "telah", "merekam", "capaian", "dicapai", "tercapai", "realisasi", "kini", "saat", "ini",
    "mematok", "dipatok", "tuntas", "kejar", "mengejar", "warga", "ktp", "persen", "98",
    "e-target", "sudahlah", "xtarget", "per", "hingga", "sementara", "itu", "namun", "tetapi",
    ";", "meskipun",
]
_SEPS = [" ", "  ", "\t", ", ", ". ", "\n", "-", "/", "(", ")"]


@pytest.mark.parametrize("table", ["target_cues", "achievement_cues", "clause_breaks"])
def test_anchored_scan_finds_what_the_pattern_finds(extractor: Extractor, table: str) -> None:
    """The anchor-windowed scan gives exactly the matches of a scan of the whole range."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    rx = targets._rx(extractor.lexicon)
    pattern, scan = {
        "target_cues": (rx.cue, rx.cue_scan),
        "achievement_cues": (rx.ach, rx.ach_scan),
        "clause_breaks": (rx.brk, rx.brk_scan),
    }[table]

    @settings(max_examples=300, deadline=None, derandomize=True)
    @given(
        st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SEPS)), max_size=40),
        st.integers(0, 30),
        st.integers(0, 30),
    )
    def check(parts: list[tuple[str, str]], cut_lo: int, cut_hi: int) -> None:
        text = "".join(w + s for w, s in parts)
        lo, hi = min(cut_lo, len(text)), max(min(cut_lo, len(text)), len(text) - cut_hi)
        want = [m.span() for m in pattern.finditer(text, lo, hi)]
        assert [m.span() for m in scan.finditer(text, lo, hi)] == want

    check()


def test_percent_achievement_of_a_count_target_has_no_rate(extractor: Extractor) -> None:
    """A count target with a % achievement (``target 1.000 ... tercapai 80 persen``): the
    achievement is linked, but achievement_rate stays null (SPEC §3: only when both share a
    unit)."""
    text = "Pemkot menargetkan 5.000 pelajar merekam KTP-el. Realisasi perekaman sudah 75 persen."
    res = extractor.extract(text, reference_date=PINNED_REFERENCE)
    assert len(res.targets) == 1
    t = res.targets[0]
    assert t.target.value == 5000 and t.target.unit == "pelajar"
    assert t.achieved is not None and t.achieved.value == 75 and t.achieved.kind == "percent"
    assert t.achievement_rate is None


def test_same_unit_achievement_wins_over_a_percentage(extractor: Extractor) -> None:
    text = "Target perekaman 1.000 KTP. Hingga kini baru tercapai 800 KTP atau 80 persen."
    res = extractor.extract(text, reference_date=PINNED_REFERENCE)
    t = res.targets[0]
    assert t.achieved is not None and t.achieved.value == 800
    assert t.achievement_rate == pytest.approx(0.8)


@pytest.mark.parametrize(
    "text, metric",
    [
        # a unit is never the metric: the counted activity before the cue instead
        ("Cakupan imunisasi di kabupaten itu masih di bawah target nasional 92 persen.", "imunisasi"),
        (
            "Hingga Mei, pencetakan kartu identitas anak sudah 8.100 keping dari target 9.000 keping.",
            "pencetakan kartu identitas anak",
        ),
        # no activity in the sentence: no metric rather than "persen"
        ("Tahun depan, target nasional 97 persen.", None),
    ],
)
def test_a_unit_is_never_the_metric(extractor: Extractor, text: str, metric: str | None) -> None:
    res = extractor.extract(text)
    assert len(res.targets) == 1
    assert res.targets[0].metric == metric


def test_make_target_equals_the_validated_record(extractor: Extractor) -> None:
    """targets.make_target fills a Target without validation: equal to the validated one,
    with the same fields set, for every target of the seed and with optional fields empty."""
    import pytest

    from ektp_extract.kinds.targets import make_target
    from ektp_extract.models import Span, Target

    seed = (ROOT.parent / "shared" / "seeds" / "solopos-2016-04-19-magelang-ektp.txt")
    texts = [seed.read_text(encoding="utf-8")] if seed.is_file() else []
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "articles").glob("*.txt"))[:10]]
    seen = 0
    for text in texts:
        for t in extractor.extract(text).targets:
            fields = {k: getattr(t, k) for k in Target.model_fields}
            for variant in (fields, {**fields, "metric": None, "achieved": None, "achievement_rate": None,
                                     "as_of": None, "owner_agency_id": None, "region": None}):
                fast = make_target(**variant)
                slow = Target(**variant)
                assert fast == slow
                assert fast.model_fields_set == slow.model_fields_set
                assert fast.model_dump_json() == slow.model_dump_json()
                assert Target.model_validate(fast.model_dump()) == fast
            seen += 1
    assert seen >= 3
    q = extractor.extract("Target 100 persen.").quantities[0]
    span = Span(start=0, end=1, text="T")
    with pytest.raises(ValueError):
        make_target(None, q, None, 1, None, None, None, span, "x")  # type: ignore[arg-type]  # an int rate
    with pytest.raises(ValueError):
        make_target(None, None, None, None, None, None, None, span, "x")  # type: ignore[arg-type]


def test_scans_with_the_needed_anchors_find_every_match(extractor: Extractor) -> None:
    """targets runs its cue, achievement and clause-break scans with only the anchors of the
    forms whose words occur in the text (officials' word set): the same matches as the full
    scans and the whole-text regexes, from any start, on the fixtures (prepared up to
    targets) and on odd texts full of cue pieces."""
    import random

    from ektp_extract.kinds.targets import _rx, _scan_anchors

    rx = _rx(extractor.lexicon)

    def prepared(text: str) -> Document:
        return prepared_doc(extractor, text, "targets")

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "articles").glob("*.txt"))]
    rnd = random.Random(17)
    pieces = ["target", "targetnya", "menargetkan", "ditargetkan", "harus", "mencapai", "harus mencapai",
              "sasaran", "dipatok", "tuntas", "rampung", "Target", "TARGET", "taget", "terget", "pencapaian",
              "dikejar", "mengejar", "-", "_", "2", ".", ",", "(", "\n", "  ", "e-KTP", "warga", "100 persen",
              "sudah", "sudah merekam", "telah", "kini", "realisasinya", "sementara", "itu", "sementara\nitu",
              "namun", ";", "tetapi", "saat ini", "sejauh", "tercatat", "baru", "Sudah", "sedangkan"]
    texts += [" ".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 30))) for _ in range(300)]
    narrowed = 0
    for text in texts:
        doc = prepared(text)
        low = quantities.lowered(doc.text)
        for which in ("cue", "ach", "brk"):
            pattern, scan = getattr(rx, which), getattr(rx, f"{which}_scan")
            anchors = _scan_anchors(doc, rx, which)
            for start in (0, len(low) // 3):
                want = [m.span() for m in pattern.finditer(low, start)]
                assert [m.span() for m in scan.finditer(low, start)] == want
                assert [m.span() for m in scan.finditer(low, start, None, anchors)] == want, (which, text[:80])
            narrowed += anchors is not None and len(anchors) < len(scan.anchors)
    assert narrowed > 600


def test_character_screens_equal_their_classes() -> None:
    """_HARD_STOP and _PUNCT (character sets tested with isdisjoint) find what their regex
    classes find; the twinned patterns are compared in tests/test_quantities.py."""
    import random

    import regex

    rnd = random.Random(5)
    alphabet = list('.;:()"?!\n,- aZ9\t\'/é')
    for _ in range(3000):
        gap = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 6)))
        assert (not targets._HARD_STOP.isdisjoint(gap)) == bool(regex.search(r"[.;:()\"?!\n]", gap)), gap
        assert (not targets._PUNCT.isdisjoint(gap)) == bool(regex.search(r"[.;,]", gap)), gap


def test_needed_from_the_index_equals_the_plain_definition(extractor: Extractor) -> None:
    """``_needed_ix`` (the forms indexed by word) gives the anchors of ``_needed``, in order,
    for random word sets drawn from the forms' own words and others."""
    import random

    from ektp_extract.kinds.targets import _needed, _needed_ix, _rx

    rx = _rx(extractor.lexicon)
    rnd = random.Random(11)
    for which in ("cue", "ach", "brk"):
        forms, ix = getattr(rx, f"{which}_forms"), getattr(rx, f"{which}_ix")
        pool = sorted({w for _, _, ones, many in forms for w in [*ones, *(x for m in many for x in m)]})
        pool += ["warga", "target", "ktp", "itu", "sudah", "saat", "ini", "x"]
        assert _needed_ix(ix, None) is None and _needed(forms, None) is None
        for _ in range(3000):
            words = frozenset(rnd.sample(pool, rnd.randint(0, min(len(pool), 12))))
            assert _needed_ix(ix, words) == _needed(forms, words), (which, sorted(words))


def test_region_cue_matches_hold_a_piece(extractor: Extractor) -> None:
    """``_region_in`` skips the region-cue scan of a range holding none of
    ``_REGION_CUE_PIECES``: every match of the pattern holds one (odd texts of cue pieces)."""
    import random

    from ektp_extract.kinds.targets import _REGION_CUE_PIECES, _rx

    rx = _rx(extractor.lexicon)
    rnd = random.Random(23)
    parts = ["Kota", "Kabupaten", "Kab.", "Kab", "Provinsi", "Pemkot", "Pemkot.", "Pemkab.", "Pemprov",
             "kota", "KOTA", "Ko", "ta", "Pem", " ", "\t", "\n", "Bandung", "x", "É", "é", ".", "-",
             "Kota Bandung", "Kab. Bogor", "Pemprov\tJabar", "Provinsi Éire", "Kabupaten  Garut"]
    hits = 0
    for _ in range(12000):
        text = "".join(rnd.choice(parts) for _ in range(rnd.randint(0, 8)))
        lo = rnd.randint(0, len(text))
        hi = rnd.randint(lo, len(text))
        found = [m.span() for m in rx.region_cue.finditer(text, lo, hi)]
        if found:
            hits += 1
            assert any(text.find(p, lo, hi) != -1 for p in _REGION_CUE_PIECES), (text, lo, hi)
    assert hits > 200
