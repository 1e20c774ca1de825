"""Flat tables (ektp_extract.tables): ids and links, CSV and Parquet, the docs example."""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from _util import ROOT

from ektp_extract import batch, tables
from ektp_extract.errors import MissingExtra
from ektp_extract.models import (Agency, ArticleExtraction, DateMention, Meta, Official, Quantity,
                                 Quote, Span, Target)

TEXT = ("Kepala Disdukcapil Kota Contoh, Budi Santoso, mengatakan 9.500 dari target "
        "10.000 warga sudah merekam per Desember 2018. \"Kami kejar sisanya,\" ujar Budi.")


def _span(part: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(part, start + 1)
    return Span(start=start, end=start + len(part), text=part)


def _record() -> ArticleExtraction:
    achieved = Quantity(value=9500, unit="warga", kind="count", text="9.500", span=_span("9.500"),
                        rule="q.count")
    target = Quantity(value=10000, unit="warga", kind="count", text="10.000 warga",
                      span=_span("10.000 warga"), rule="q.count")
    dec = DateMention(text="Desember 2018", value="2018-12", granularity="month", kind="partial",
                      span=_span("Desember 2018"), rule="d.month")
    return ArticleExtraction(
        article_id="contoh/1", content_hash="ab" * 32,
        meta=Meta(title="Judul; dengan titik koma", authors=["A, B", "C"]),
        agencies=[Agency(id="ag-1", name="Dinas Kependudukan dan Pencatatan Sipil Kota Contoh",
                         acronym="Disdukcapil", aliases=["Disdukcapil Kota Contoh"], kind="dinas",
                         level="kota", region="Kota Contoh",
                         mentions=[_span("Disdukcapil Kota Contoh")],
                         span=_span("Disdukcapil Kota Contoh"), rule="ag.dinas")],
        officials=[Official(id="off-1", name="Budi Santoso", position="Kepala Disdukcapil Kota Contoh",
                            position_canonical="Kepala Dinas Kependudukan dan Pencatatan Sipil",
                            agency_id="ag-1", mentions=[_span("Budi Santoso"), _span("Budi", 1)],
                            span=_span("Budi Santoso"), rule="off.appositive")],
        quantities=[achieved, target],
        targets=[Target(metric="perekaman", target=target, achieved=achieved,
                        achievement_rate=0.95, as_of=dec, owner_agency_id="ag-1",
                        span=_span("9.500 dari target 10.000 warga"), rule="tg.dari_target")],
        dates=[dec],
        quotes=[Quote(speaker_id="off-1", speaker="Budi Santoso", text="Kami kejar sisanya,",
                      verb="ujar", direct=True, span=_span('"Kami kejar sisanya," ujar Budi'),
                      rule="qt.direct")],
        warnings=["[W003] cut; really"],
    )


def test_rows_carry_ids_links_and_spans() -> None:
    r = tables.rows(_record())
    assert list(r) == list(tables.TABLES)
    for t, rs in r.items():
        assert all(list(row) == list(tables.COLUMNS[t]) for row in rs), t
    (art,) = r["articles"]
    assert art["n_officials"] == 1 and art["n_targets"] == 1 and art["n_quotes"] == 1
    assert json.loads(art["authors"]) == ["A, B", "C"]
    assert json.loads(art["warnings"]) == ["[W003] cut; really"]
    (off,) = r["officials"]
    assert off["agency_id"] == r["agencies"][0]["id"] == "ag-1"
    assert json.loads(off["mentions"]) == [[s.start, s.end, s.text] for s in
                                           _record().officials[0].mentions]
    assert [q["id"] for q in r["quantities"]] == ["q-1", "q-2"]
    (tg,) = r["targets"]
    assert tg["id"] == "tg-1"
    assert tg["target_quantity_id"] == "q-2" and tg["achieved_quantity_id"] == "q-1"
    assert tg["as_of_date_id"] == "d-1" and tg["as_of_value"] == "2018-12"
    assert tg["target_value"] == 10000 and tg["achievement_rate"] == 0.95
    assert TEXT[tg["target_start"]:tg["target_end"]] == "10.000 warga"
    (qt,) = r["quotes"]
    assert qt["speaker_id"] == off["id"] and qt["id"] == "qt-1"
    for t in ("officials", "agencies", "quantities", "targets", "dates", "quotes"):
        for row in r[t]:
            assert row["article_id"] == "contoh/1"
            assert TEXT[row["start"]:row["end"]] == row["span_text"], t


def test_rows_of_the_model_and_of_its_json_are_the_same() -> None:
    rec = _record()
    assert tables.rows(rec) == tables.rows(json.loads(rec.to_json()))
    empty = tables.rows(ArticleExtraction(article_id="e"))
    assert len(empty["articles"]) == 1 and not any(empty[t] for t in tables.TABLES[1:])


def test_types_cover_every_column() -> None:
    for t, cols in tables.COLUMNS.items():
        assert set(tables.TYPES[t]) == set(cols)
    assert tables.TYPES["dates"]["value"] == "string"
    assert tables.TYPES["quantities"]["value"] == "float"
    assert tables.TYPES["agencies"]["inferred"] == "bool"


def test_csv_writer_round_trip(tmp_path: Path) -> None:
    rec = _record()
    tables.write_tables([rec, ArticleExtraction(article_id="other")], tmp_path, "csv")
    for t in tables.TABLES:
        assert not (tmp_path / f"{t}.csv.tmp").exists()
        with open(tmp_path / f"{t}.csv", encoding="utf-8", newline="") as f:
            reader = csv.reader(f)
            assert next(reader) == list(tables.COLUMNS[t])
            got = list(reader)
        want = tables.rows(rec)[t] + (tables.rows(ArticleExtraction(article_id="other"))[t])
        assert len(got) == len(want)
        for g, w in zip(got, want):
            expect = ["" if v is None else "true" if v is True else "false" if v is False
                      else str(v) for v in w.values()]
            assert g == expect, t
    assert (tmp_path / "officials.csv").read_text(encoding="utf-8") == tables.to_csv_string(
        "officials", tables.rows(rec)["officials"])


def test_parquet_needs_pyarrow_and_says_how_to_install(monkeypatch: pytest.MonkeyPatch,
                                                       tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(MissingExtra, match=r"pip install 'ektp-extract\[parquet\]'"):
        tables.TableWriter(tmp_path, "parquet")
    with pytest.raises(MissingExtra):
        batch.run(tmp_path, tmp_path / "out", fmt="parquet", quiet=True)
    assert not (tmp_path / "out").exists()


def test_parquet_tables_hold_the_same_rows(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    recs = [_record(), ArticleExtraction(article_id="other")]
    tables.write_tables(recs, tmp_path, "parquet")
    for t in tables.TABLES:
        got = pq.read_table(tmp_path / f"{t}.parquet")
        assert got.schema.names == list(tables.COLUMNS[t])
        want = [row for r in recs for row in tables.rows(r)[t]]
        assert got.to_pylist() == want, t


# ---------------------------------------------------------------------------- from a run


@pytest.fixture(scope="module")
def run_out(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A csv + parquet run over the fixture articles plus a .jsonl of two articles."""
    base = tmp_path_factory.mktemp("tables")
    root = base / "in"
    root.mkdir()
    for p in sorted((ROOT / "fixtures" / "articles").glob("*.txt")):
        (root / p.name).write_bytes(p.read_bytes())
    (root / "more.jsonl").write_text(
        json.dumps({"id": "j1", "text": TEXT}) + "\n"
        + json.dumps({"text": "Jakarta - Sebanyak 40 warga merekam pada Senin (18/3/2019)."})
        + "\n", encoding="utf-8")
    rep = batch.run(root, base / "csv", fmt="csv", jobs=1, quiet=True)
    assert rep.exit_code == 0
    if _has_pyarrow():
        batch.run(root, base / "pq", fmt="parquet", jobs=1, quiet=True)
    return root, base


def _has_pyarrow() -> bool:
    import importlib.util

    return importlib.util.find_spec("pyarrow") is not None


def _read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _sources(root: Path) -> dict[str, str]:
    out = {p.stem: p.read_text(encoding="utf-8") for p in root.glob("*.txt")}
    for i, line in enumerate((root / "more.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        obj = json.loads(line)
        out[obj.get("id") or f"more#{i}"] = obj["text"]
    return out


def test_csv_tables_are_joinable_and_agree_with_the_jsonl(run_out: tuple[Path, Path]) -> None:
    root, base = run_out
    out = base / "csv"
    jsonl = [json.loads(x) for x in (out / "articles.jsonl").read_text(encoding="utf-8")
             .splitlines()]
    t = {name: _read_csv(out / f"{name}.csv") for name in tables.TABLES}
    assert [a["article_id"] for a in t["articles"]] == [a["article_id"] for a in jsonl]
    for name in tables.TABLES[1:]:
        kind = name
        assert len(t[name]) == sum(len(a[kind]) for a in jsonl), name
        n_col = f"n_{kind}"
        per = {a["article_id"]: int(a[n_col]) for a in t["articles"]}
        for a in jsonl:
            assert per[a["article_id"]] == len(a[kind])
    agencies = {(r["article_id"], r["id"]) for r in t["agencies"]}
    officials = {(r["article_id"], r["id"]) for r in t["officials"]}
    quantities = {(r["article_id"], r["id"]) for r in t["quantities"]}
    for r in t["officials"]:
        assert not r["agency_id"] or (r["article_id"], r["agency_id"]) in agencies
    for r in t["quotes"]:
        assert not r["speaker_id"] or (r["article_id"], r["speaker_id"]) in officials
    for r in t["targets"]:
        assert not r["owner_agency_id"] or (r["article_id"], r["owner_agency_id"]) in agencies
        assert not r["target_quantity_id"] or (r["article_id"], r["target_quantity_id"]) in quantities
    sources = _sources(root)
    checked = 0
    for name in tables.TABLES[1:]:
        for r in t[name]:
            if r["start"]:
                src = sources[r["article_id"]]
                assert src[int(r["start"]):int(r["end"])] == r["span_text"], (name, r)
                checked += 1
    assert checked > 20
    assert len(t["articles"]) == len(sources)


def test_parquet_tables_match_the_csv_tables(run_out: tuple[Path, Path]) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    _root, base = run_out
    for name in tables.TABLES:
        from_csv = _read_csv(base / "csv" / f"{name}.csv")
        got = pq.read_table(base / "pq" / f"{name}.parquet").to_pylist()
        assert len(got) == len(from_csv), name
        for g, c in zip(got, from_csv):
            for col, v in g.items():
                text = "" if v is None else ("true" if v else "false") if isinstance(v, bool) \
                    else str(v)
                if isinstance(v, float) and c[col] and "." not in c[col]:
                    text = str(int(v)) if v == int(v) else text  # 96616 in CSV, 96616.0 here
                assert text == c[col], (name, col)
    assert (base / "pq" / "articles.jsonl").read_bytes() == (base / "csv" / "articles.jsonl"
                                                             ).read_bytes()


def _doc_example() -> str:
    text = (ROOT / "docs" / "datasets.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    example = [str(b) for b in blocks if "officials" in b and "quotes" in b and "merge" in b]
    assert example, "docs/datasets.md has no pandas example joining officials to quotes"
    return example[0]


def test_the_pandas_example_of_the_docs_runs(run_out: tuple[Path, Path],
                                             monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pandas")
    _root, base = run_out
    (base / "out").unlink(missing_ok=True)
    (base / "out").symlink_to(base / "csv", target_is_directory=True)
    monkeypatch.chdir(base)
    scope: dict[str, Any] = {}
    exec(compile(_doc_example(), "docs/datasets.md", "exec"), scope)  # noqa: S102
    said = scope["said"]
    quotes = _read_csv(base / "csv" / "quotes.csv")
    linked = [q for q in quotes if q["speaker_id"]]
    assert len(said) == len(linked)
    assert {"name", "position", "text"} <= set(said.columns)
