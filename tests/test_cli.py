"""The command line: run, extract, show, schema, evaluate; exit codes; no tracebacks."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from _util import ROOT

from ektp_extract import batch, cli

FIXTURES = sorted((ROOT / "fixtures" / "articles").glob("*.txt"))


def _main(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    """Real-looking articles, an empty, a binary, a cp1252 and an HTML file, a nested .jsonl."""
    root = tmp_path / "corpus"
    (root / "kompas" / "2019").mkdir(parents=True)
    for p in FIXTURES[:4]:
        (root / "kompas" / "2019" / p.name).write_bytes(p.read_bytes())
    (root / "empty.txt").write_bytes(b"")
    (root / "scan.txt").write_bytes(b"%PDF-1.4\n\x00\x00\x01\x02" * 50)
    (root / "lama.txt").write_bytes(
        "Semarang - Kepala Disdukcapil menyebut 2.300 warga \u2018belum\u2019 merekam "
        "e-KTP hingga Jumat (22/3/2019).\n".encode("cp1252"))
    (root / "halaman.txt").write_text(
        "<html><body><div class='post'><p>Bandung - Sebanyak 1.250 pelajar merekam "
        "KTP-el.</p><p>Perekaman digelar Sabtu (16/3/2019).</p></div></body></html>",
        encoding="utf-8")
    (root / "feeds" / "x").mkdir(parents=True)
    (root / "feeds" / "x" / "harian.jsonl").write_text("".join(
        json.dumps(o) + "\n" for o in [
            {"id": "feed-a", "text": FIXTURES[4].read_text(encoding="utf-8"),
             "url": "https://example.org/a"},
            {"text": FIXTURES[5].read_text(encoding="utf-8"), "published": "2019-02-01"},
            {"id": "feed-c", "text": FIXTURES[6].read_text(encoding="utf-8")},
        ]), encoding="utf-8")
    return root


def test_run_folder_then_resume_adds_nothing(folder: Path, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code, _stdout, err = _main(capsys, "run", str(folder), "--out", str(out), "--jobs", "2")
    assert code == 1
    assert "1 failed" not in err and "2 failed" in err and "errors.jsonl" in err
    lines = (out / "articles.jsonl").read_bytes()
    ids = [json.loads(x)["article_id"] for x in lines.splitlines()]
    assert len(ids) == 4 + 2 + 3
    assert {"lama", "halaman", "feed-a", "feeds/x/harian#2", "feed-c"} <= set(ids)
    errs = [json.loads(x) for x in (out / "errors.jsonl").read_text().splitlines()]
    assert {(e["path"], e["error"]) for e in errs} == {("empty.txt", "empty"),
                                                       ("scan.txt", "binary")}
    code, _stdout, err = _main(capsys, "run", str(folder), "--out", str(out), "--resume",
                               "--quiet")
    assert code == 1 and err == ""
    assert (out / "articles.jsonl").read_bytes() == lines
    report = json.loads((out / "run.json").read_text())
    assert report["counts"] == {"seen": 11, "done": 0, "skipped": 9, "failed": 2}
    assert report["options"]["resume"] is True


def test_run_exits_0_when_everything_was_read(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_bytes(FIXTURES[0].read_bytes())
    code, _o, err = _main(capsys, "run", str(root), "--out", str(tmp_path / "out"), "--quiet")
    assert code == 0 and err == ""
    code, _o, err = _main(capsys, "run", str(root), "--out", str(tmp_path / "csv"),
                          "--format", "csv", "--quiet")
    assert code == 0 and (tmp_path / "csv" / "quotes.csv").exists()


@pytest.mark.parametrize("argv, says", [
    (["run", "/no/such/folder", "--out", "OUT"], "no such folder"),
    (["run", "IN", "--out", "OUT", "--jobs", "0"], "--jobs"),
    (["run", "IN", "--out", "OUT", "--format", "xlsx"], "invalid choice"),
    (["run", "IN"], "--out"),
    (["run", "IN", "--out", "OUT", "--patterns", "BADPAT"], "[P001]"),
    (["show", "IN/x.jsonl"], "one article at a time"),
    (["extract", "/no/such/file.txt"], "no such file"),
    (["frobnicate"], "invalid choice"),
    ([], "COMMAND"),
], ids=["missing-dir", "jobs-0", "format", "no-out", "bad-patterns", "show-jsonl",
        "extract-missing", "unknown-command", "no-command"])
def test_bad_usage_exits_2_with_one_clear_message(argv: list[str], says: str, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "IN").mkdir()
    (tmp_path / "IN" / "x.jsonl").write_text('{"text": "a"}\n')
    (tmp_path / "BADPAT").mkdir()
    (tmp_path / "BADPAT" / "bad.toml").write_text('[file]\nkind = "no-such-kind"\n')
    argv = [a.replace("IN", str(tmp_path / "IN")).replace("OUT", str(tmp_path / "OUT"))
            .replace("BADPAT", str(tmp_path / "BADPAT")) for a in argv]
    code, _out, err = _main(capsys, *argv)
    assert code == 2
    assert says in err
    assert "Traceback" not in err
    assert not (tmp_path / "OUT").exists()


def test_parquet_without_pyarrow_is_one_line_with_the_install_hint(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    code, _o, err = _main(capsys, "run", str(tmp_path), "--out", str(tmp_path / "o"),
                          "--format", "parquet")
    assert code == 2
    assert err.count("\n") == 1 and "pip install 'ektp-extract[parquet]'" in err


def test_unexpected_errors_are_one_line_unless_debug(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    def boom(*a: Any, **k: Any) -> Any:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(batch, "run", boom)
    code, _o, err = _main(capsys, "run", str(tmp_path), "--out", str(tmp_path / "o"))
    assert code == 1 and err == "ektp-extract run: error: disk on fire\n"
    with pytest.raises(RuntimeError):
        cli.main(["run", str(tmp_path), "--out", str(tmp_path / "o"), "--debug"])


def test_python_m_run_reports_in_run_json(folder: Path, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "ektp_extract", "run", str(folder), "--out",
                           str(out), "--jobs", "1"], capture_output=True, text=True, env=env)
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr and proc.stdout == ""
    assert "articles/s" in proc.stderr.splitlines()[-2]  # the closing summary
    report = json.loads((out / "run.json").read_text())
    assert report["status"] == "complete"
    assert report["counts"]["done"] == 9 and report["counts"]["failed"] == 2
    assert report["articles_per_second"] > 0 and report["wall_seconds"] > 0


# ---------------------------------------------------------------------------- one article


def test_extract_file_stdin_and_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _e = _main(capsys, "extract", str(FIXTURES[0]), "--compact")
    assert code == 0
    res = json.loads(out)
    assert res["article_id"] == FIXTURES[0].stem and out.count("\n") == 1

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(FIXTURES[0].read_bytes())))
    code, out, _e = _main(capsys, "extract", "-", "--compact")
    assert code == 0 and json.loads(out)["content_hash"] == res["content_hash"]

    art = tmp_path / "a.json"
    art.write_text(json.dumps({"id": "k-1", "text": FIXTURES[0].read_text(encoding="utf-8"),
                               "published": "2001-02-03"}), encoding="utf-8")
    code, out, _e = _main(capsys, "extract", str(art))
    got = json.loads(out)
    assert code == 0 and got["article_id"] == "k-1" and got["meta"]["published"] == "2001-02-03"
    assert got["content_hash"] == res["content_hash"]


def test_extract_binary_reports_w008_and_exits_1(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    code, out, _e = _main(capsys, "extract", str(bad))
    assert code == 1 and any(w.startswith("[W008]") for w in json.loads(out)["warnings"])


def test_show_prints_a_table_per_kind(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _e = _main(capsys, "show", str(FIXTURES[0]), "--width", "90")
    assert code == 0
    for title in ("OFFICIALS", "AGENCIES", "QUANTITIES", "TARGETS", "DATES", "QUOTES"):
        assert f"\n{title} (" in out
    res = json.loads(cli_extract(FIXTURES[0]))
    if res["meta"]["title"]:
        assert res["meta"]["title"][:40] in out
    assert f"DATES ({len(res['dates'])})" in out
    assert max(len(line) for line in out.splitlines()) <= 90


def cli_extract(path: Path) -> str:
    from ektp_extract import Extractor

    return Extractor().extract(path.read_bytes(), path.stem).to_json()


def test_show_html_highlights_the_spans(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("spacy")
    page = tmp_path / "page.html"
    code, _o, err = _main(capsys, "show", str(FIXTURES[0]), "--html", str(page))
    assert code == 0 and str(page) in err
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "</html>" in html
    res = json.loads(cli_extract(FIXTURES[0]))
    from ektp_extract.models import ArticleExtraction
    from ektp_extract.spans import labelled_spans

    labels = {lab for _s, _e, lab in labelled_spans(ArticleExtraction(**res),
                                                    FIXTURES[0].read_text(encoding="utf-8"))}
    assert labels, "the fixture gives no record at all"
    for lab in labels:
        assert f">{lab}<" in html, lab


def test_show_refuses_binary_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    code, out, err = _main(capsys, "show", str(bad))
    assert code == 1 and out == "" and "[W008]" in err and err.count("\n") == 1


def test_schema_and_evaluate_still_answer(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _e = _main(capsys, "schema")
    assert code == 0 and "ArticleExtraction" in json.loads(out)["title"]
    code, _o, err = _main(capsys, "evaluate", "--gold", str(tmp_path / "nope"))
    assert code == 2 and "gold" in err
