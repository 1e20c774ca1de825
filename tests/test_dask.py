"""ektp_extract.dask: the same articles, ids, errors and tables as `ektp-extract run`."""

from __future__ import annotations

import csv
import json
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
from _util import ROOT

from ektp_extract import Extractor, batch, tables
from ektp_extract.errors import MissingExtra

db = pytest.importorskip("dask.bag", reason="the [dask] extra is not installed")

from ektp_extract import dask as ektp_dask  # noqa: E402

FIXTURES = ROOT / "fixtures" / "articles"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Fixture articles in nested folders, a .jsonl shard, a .json file and bad inputs."""
    root = tmp_path_factory.mktemp("corpus")
    files = sorted(FIXTURES.glob("*.txt"))
    assert len(files) >= 6
    for i, p in enumerate(files):
        sub = root / ("a" if i % 2 else "b") / p.name
        sub.parent.mkdir(exist_ok=True)
        shutil.copy(p, sub)
    shard = root / "shards" / "batch-01.jsonl"
    shard.parent.mkdir()
    lines = [json.dumps({"id": f"jsonl-{i}", "text": p.read_text(encoding="utf-8"),
                         "published": "2019-03-20T08:00:00+07:00"}) for i, p in enumerate(files[:4])]
    lines.insert(2, "{not json")
    lines.append(json.dumps({"text": files[4].read_text(encoding="utf-8")}))  # id = path#line
    lines.append(json.dumps({"id": "jsonl-0", "text": "Teks lain dengan id yang sama."}))
    shard.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "one.json").write_text(json.dumps({"id": "single", "text": files[5].read_text(
        encoding="utf-8")}), encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 4)
    return root


def _cli(corpus: Path, out: Path, fmt: str) -> batch.RunReport:
    return batch.run(corpus, out, fmt=fmt, jobs=1, quiet=True)


def _lines(paths: list[Path]) -> list[str]:
    out: list[str] = []
    for p in paths:
        out.extend(ln for ln in p.read_text(encoding="utf-8").splitlines() if ln)
    return out


def _csv_rows(paths: list[Path]) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for p in paths:
        with open(p, encoding="utf-8", newline="") as f:
            rows.extend(csv.DictReader(f))
    return sorted(rows, key=lambda r: (r["article_id"], r.get("id", "")))


def _parquet_rows(paths: list[Path]) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq

    rows: list[dict[str, Any]] = []
    for p in paths:
        rows.extend(pq.read_table(p).to_pylist())
    return sorted(rows, key=lambda r: (r["article_id"], r.get("id") or ""))


def _errors(paths: list[Path]) -> list[dict[str, Any]]:
    return sorted((json.loads(ln) for ln in _lines(paths)),
                  key=lambda e: (e["path"], e["line"] or 0, e["error"]))


def _compare(cli: Path, dk: Path, fmt: str) -> None:
    cli_articles = _lines([cli / "articles.jsonl"])
    dask_articles = _lines(sorted((dk / "articles").glob("*.jsonl")))
    assert sorted(dask_articles) == sorted(cli_articles)
    assert _errors(sorted((dk / "errors").glob("*.jsonl"))) == _errors([cli / "errors.jsonl"])
    for t in tables.TABLES:
        parts = sorted((dk / t).glob(f"*.{fmt}"))
        assert parts, t
        read = _csv_rows if fmt == "csv" else _parquet_rows
        assert read(parts) == read([cli / f"{t}.{fmt}"]), t


def test_tables_equal_those_of_the_cli(corpus: Path, tmp_path: Path) -> None:
    report_cli = _cli(corpus, tmp_path / "cli", "csv")
    report = ektp_dask.run(corpus, tmp_path / "dask", "csv", scheduler="sync",
                           partition_articles=5)
    assert report["partitions"] >= 4
    assert report["counts"]["done"] == report_cli.counts["done"]
    assert report["counts"]["failed"] == report_cli.counts["failed"]
    assert report["counts"]["duplicates"] == 1
    _compare(tmp_path / "cli", tmp_path / "dask", "csv")
    saved = json.loads((tmp_path / "dask" / "run.json").read_text(encoding="utf-8"))
    assert saved["counts"] == report["counts"]
    assert saved["rows"]["articles"] == report_cli.articles_in_output
    # the ids are those of the batch command, JSON inputs included
    ids = {json.loads(ln)["article_id"]
           for ln in _lines(sorted((tmp_path / "dask" / "articles").glob("*.jsonl")))}
    assert {"jsonl-0", "jsonl-3", "single", "shards/batch-01#6"} <= ids
    assert any(i.startswith("a/") for i in ids) and any(i.startswith("b/") for i in ids)


def test_parquet_tables_with_local_processes(corpus: Path, tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    _cli(corpus, tmp_path / "cli", "parquet")
    ektp_dask.run(corpus, tmp_path / "dask", "parquet", scheduler="processes",
                  partition_articles=7)
    _compare(tmp_path / "cli", tmp_path / "dask", "parquet")


def test_distributed_client(corpus: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    _cli(corpus, tmp_path / "cli", "csv")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        report = ektp_dask.run(corpus, tmp_path / "dask", "csv", scheduler=client,
                               partition_articles=6)
        assert report["options"]["scheduler"] == cluster.scheduler_address
    _compare(tmp_path / "cli", tmp_path / "dask", "csv")


def test_a_second_run_replaces_the_parts(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "dask"
    ektp_dask.run(corpus, out, "csv", scheduler="sync", partition_articles=3)
    many = len(list((out / "articles").glob("*.jsonl")))
    ektp_dask.run(corpus, out, "csv", scheduler="sync", partition_articles=1000)
    assert many > 1 and len(list((out / "articles").glob("*.jsonl"))) == 1
    assert len(list((out / "officials").glob("*.csv"))) == 1


def test_list_of_paths_and_shards(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A list of inputs; a large shard is cut at line ends and its line numbers kept."""
    monkeypatch.setattr(batch, "SEGMENT_BYTES", 4096)  # a few lines per segment
    shard = corpus / "shards" / "batch-01.jsonl"
    one = sorted((corpus / "a").glob("*.txt"))[0]
    bag = ektp_dask.article_bag([shard, one], partition_articles=2)
    items = bag.compute(scheduler="sync")
    arts = [el for el in items if "error" not in el]
    errs = [el for el in items if "error" in el]
    assert [a["article_id"] for a in arts] == [
        "jsonl-0", "jsonl-1", "jsonl-2", "jsonl-3", "batch-01#6", "jsonl-0", one.stem]
    assert [(e["error"], e["line"]) for e in errs] == [("invalid_json", 3)]
    assert bag.npartitions >= 3


def test_users_own_bag_of_dicts() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))[:3]]
    bag = db.from_sequence([{"id": "x", "text": texts[0]},
                            {"text": texts[1], "published": "2019-01-02"},
                            {"id": "z", "text": 42}], npartitions=2)
    out = ektp_dask.extract_bag(bag).compute(scheduler="sync")
    ex = Extractor()
    recs = ektp_dask.records(ektp_dask.extract_bag(bag)).compute(scheduler="sync")
    assert recs[0] == ex.extract(texts[0], "x")
    assert recs[1] == ex.extract(texts[1], published="2019-01-02")
    assert recs[1].meta.published == "2019-01-02"
    assert [el.get("error") for el in out] == [None, None, "invalid_record"]


def test_each_partition_is_extracted_once(corpus: Path, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The writers and the duplicate-id count share the extracted partitions."""
    calls: list[int] = []
    real = ektp_dask._extract_partition

    def counting(*args: Any) -> list[dict[str, Any]]:
        calls.append(1)
        return real(*args)

    monkeypatch.setattr(ektp_dask, "_extract_partition", counting)
    report = ektp_dask.run(corpus, tmp_path / "dask", "jsonl", scheduler="sync",
                           partition_articles=4)
    assert len(calls) == report["partitions"] > 1
    assert not list((tmp_path / "dask").glob("officials"))


def test_one_extractor_per_process() -> None:
    a = ektp_dask.worker_extractor()
    assert ektp_dask.worker_extractor([]) is a
    assert ektp_dask.worker_extractor((), debug=True) is not a


def test_bad_arguments(tmp_path: Path) -> None:
    with pytest.raises(batch.UsageError, match="no such file or folder"):
        ektp_dask.run(tmp_path / "missing", tmp_path / "out")
    with pytest.raises(batch.UsageError, match="unknown format"):
        ektp_dask.run(FIXTURES, tmp_path / "out", "xlsx", scheduler="sync")
    assert ektp_dask.main([str(tmp_path / "missing"), "--out", str(tmp_path / "o")]) == 2


def test_dask_inside_the_module_is_the_dask_package() -> None:
    """ektp_extract.dask imports the real dask, not itself."""
    bag_mod = ektp_dask.require_dask()
    assert bag_mod.__name__ == "dask.bag" and bag_mod is db
    assert "ektp_extract" not in str(Path(sys.modules["dask"].__file__ or "").parent)


def test_missing_extra_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dask", None)
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    with pytest.raises(MissingExtra) as info:
        ektp_dask.require_dask()
    msg = str(info.value)
    assert "pip install 'ektp-extract[dask]'" in msg and "\n" not in msg
