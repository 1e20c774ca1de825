"""The SPEC §6 scorer on small hand-made gold/prediction pairs with known scores."""

from __future__ import annotations

import pytest

from ektp_extract.evaluate import (
    Score,
    date_key,
    name_tokens,
    score_article,
    token_f1,
    truncate,
)
from ektp_extract.models import (
    Agency,
    ArticleExtraction,
    DateMention,
    Meta,
    Official,
    Quantity,
    Span,
    Target,
)

S = Span(start=0, end=1, text="x")


def q(value, range_end=None) -> Quantity:
    return Quantity(value=value, range_end=range_end, text="x", span=S)


def test_score_arithmetic() -> None:
    s = Score(tp=3, gold=4, pred=6)
    assert s.precision == 0.5 and s.recall == 0.75
    assert s.f1 == pytest.approx(0.6)
    assert Score().f1 == 1.0  # nothing to find, nothing found


def test_name_normalisation_drops_degrees() -> None:
    assert name_tokens("Drs. H. Sumarno, M.Si") == ["sumarno"]
    assert token_f1("Kepala Dinas Kependudukan", "kepala dinas") == pytest.approx(0.8)


def test_quantities_are_distinct_value_sets_with_range_ends() -> None:
    gold = {"quantities": [{"value": 96616}, {"value": 96616}, {"value": 5}, {"value": 10}, {"value": 1.8}]}
    pred = ArticleExtraction(quantities=[q(96616), q(96616.0), q(5, 10), q(7)])
    s = score_article(gold, pred).scores["quantities"]
    # gold {96616, 5, 10, 1.8}; pred {96616, 5, 10, 7}
    assert (s.tp, s.gold, s.pred) == (3, 4, 4)


def test_officials_jaccard_and_position_accuracy() -> None:
    gold = {"officials": [
        {"name": "Agung Widhiantoro", "position": "Kabid Dokumentasi dan Informasi Disdukcapil Kota Magelang"},
        {"name": "Devananda", "position": "Kepala Dinas Kependudukan dan Catatan Sipil Kota Magelang"},
        {"name": "Sri Purnomo", "position": "Bupati Sleman"},
    ]}
    pred = ArticleExtraction(officials=[
        Official(id="off-1", name="Agung", position="Kabid Dokumentasi dan Informasi", span=S),
        Official(id="off-2", name="Devananda", position="Wali Kota", span=S),
        Official(id="off-3", name=None, position="Mendagri", span=S),  # unnamed: not scored
        Official(id="off-4", name="Imam Yuda Saputra", span=S),
    ])
    res = score_article(gold, pred)
    s = res.scores["officials"]
    assert (s.tp, s.gold, s.pred) == (2, 3, 3)  # Agung ~ Agung Widhiantoro (Jaccard 0.5)
    assert (res.position.tp, res.position.gold) == (1, 2)


def test_agencies_any_form_and_inferred_not_scored() -> None:
    gold = {"agencies": [
        {"name": "Dinas Kependudukan dan Catatan Sipil Kota Magelang", "aliases": ["Disdukcapil"]},
        {"name": "Pemerintah Kota Magelang", "aliases": ["Pemkot. Magelang"]},
    ]}
    pred = ArticleExtraction(agencies=[
        Agency(id="ag-1", name="Dinas Kependudukan dan Pencatatan Sipil Kota Magelang", acronym="DISDUKCAPIL"),
        Agency(id="ag-2", name="Kementerian Dalam Negeri", inferred=True),
        Agency(id="ag-3", name="Pemkot Magelang"),
    ])
    s = score_article(gold, pred).scores["agencies"]
    assert (s.tp, s.gold, s.pred) == (2, 2, 2)


def test_dates_at_gold_granularity() -> None:
    def d(v: str) -> DateMention:
        return DateMention(text="x", value=v, span=S)

    gold = {"dates": [{"value": "2015-12"}, {"value": "2016-04-18"},
                      {"value": "2016-04-19T13:50:00+07:00"}, {"value": "2019"}]}
    pred = ArticleExtraction(dates=[d("2015-12"), d("2016-04-18"), d("2016-04-19T06:50:00+00:00"),
                                    d("2015-12-18"), d("1998-04-19")])
    s = score_article(gold, pred).scores["dates"]
    # 2015-12 exact, 2016-04-18 exact, the datetime as the same instant; 2019 missed;
    # 2015-12-18 and 1998-04-19 spurious
    assert (s.tp, s.gold, s.pred) == (3, 4, 5)


def test_date_helpers() -> None:
    assert date_key("2019-03") == ("month", "2019-03")
    assert date_key("2019-03-24T21:57:00+07:00") == ("minute", "2019-03-24T14:57Z")
    assert truncate("2019-03-24T21:57:00+07:00", "day") == "2019-03-24"
    assert truncate("2019-03", "day") is None


def test_targets_and_meta() -> None:
    gold = {"targets": [{"value": 96616}], "published": "2016-04-19T13:50:00+07:00",
            "meta": {"title": "Judul", "authors": ["Imam Yuda Saputra"]}}
    pred = ArticleExtraction(
        targets=[Target(target=q(96616), span=S), Target(target=q(100), span=S)],
        meta=Meta(published="2016-04-19T13:50:00+07:00", title="judul", authors=["Imam Yuda Saputra"]),
    )
    res = score_article(gold, pred)
    s = res.scores["targets"]
    assert (s.tp, s.gold, s.pred) == (1, 1, 2)
    assert res.meta == {"published": (1, 1), "title": (1, 1), "authors": (1, 1)}


def test_agency_pairing_is_a_maximum_matching() -> None:
    # "Dukcapil" is a form of both bodies in the gold; a greedy pairing would give
    # the local dinas' alias to the Ditjen and lose a pair.
    gold = {"agencies": [
        {"name": "Dinas Kependudukan dan Pencatatan Sipil Kota Kendari", "aliases": ["Dukcapil"]},
        {"name": "Direktorat Jenderal Kependudukan dan Pencatatan Sipil", "aliases": ["Ditjen Dukcapil"]},
    ]}
    pred = ArticleExtraction(agencies=[
        Agency(id="ag-1", name="Direktorat Jenderal Kependudukan dan Pencatatan Sipil", acronym="Dukcapil"),
        Agency(id="ag-2", name="Dinas Kependudukan dan Pencatatan Sipil Kota Kendari"),
    ])
    s = score_article(gold, pred).scores["agencies"]
    assert (s.tp, s.gold, s.pred) == (2, 2, 2)
