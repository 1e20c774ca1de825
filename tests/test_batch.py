"""Batch runs (ektp_extract.batch): inputs, errors, determinism, resume, kills, crashes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from _util import ROOT

from ektp_extract import Extractor, batch

FIXTURES = sorted((ROOT / "fixtures" / "articles").glob("*.txt"))


def _texts(n: int) -> list[str]:
    """``n`` different article texts made from the fixtures (a number changed in each)."""
    base = [p.read_text(encoding="utf-8") for p in FIXTURES]
    assert base, "fixtures/articles is empty"
    return [f"{base[i % len(base)]}\n\nSebanyak {1000 + i} warga sudah merekam data.\n"
            for i in range(n)]


def _short_texts(n: int) -> list[str]:
    """``n`` different short articles (the first paragraphs of the fixtures): quick to extract."""
    out = []
    for i, text in enumerate(_texts(n)):
        cut = text.rfind("\n\n", 0, 900)
        out.append(f"{text[:cut if cut > 200 else 900]}\n\nSebanyak {1000 + i} warga merekam.\n")
    return out


def _corpus(folder: Path, n: int) -> Path:
    for i, text in enumerate(_short_texts(n)):
        sub = folder / f"g{i % 3}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"art{i:04d}.txt").write_text(text, encoding="utf-8")
    return folder


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def _run(root: Path, out: Path, **kw: Any) -> batch.RunReport:
    kw.setdefault("quiet", True)
    kw.setdefault("jobs", 1)
    return batch.run(root, out, **kw)


# ---------------------------------------------------------------------------- inputs


@pytest.fixture()
def mixed(tmp_path: Path) -> Path:
    """Good articles plus every kind of bad input of SPEC §7."""
    root = tmp_path / "in"
    texts = _texts(4)
    (root / "a" / "b").mkdir(parents=True)
    (root / "good1.txt").write_text(texts[0], encoding="utf-8")
    (root / "a" / "good2.md").write_text(texts[1], encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.txt").write_text("  \n\n \t\n", encoding="utf-8")
    (root / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (root / "cp1252.txt").write_bytes(
        "Jakarta - Menurut \u201cKepala Dinas\u201d, 1.200 warga sudah merekam e-KTP "
        "pada Senin (18/3/2019).\n".encode("cp1252"))
    (root / "page.txt").write_text(
        "<html><head><title>x</title></head><body><div><p>Jakarta - Sebanyak 300 warga "
        "merekam KTP-el.</p><p>Kegiatan berlangsung pada Senin (18/3/2019).</p></div>"
        "</body></html>", encoding="utf-8")
    (root / "one.json").write_text(json.dumps(
        {"id": "json-article", "text": texts[2], "url": "https://example.org/x",
         "published": "2019-03-01T08:00:00+07:00"}), encoding="utf-8")
    (root / "noid.json").write_text(json.dumps({"text": texts[3]}), encoding="utf-8")
    (root / "broken.json").write_text('{"text": "unterminated', encoding="utf-8")
    (root / "a" / "b" / "many.jsonl").write_text("\n".join([
        json.dumps({"id": "jl-1", "text": "Jakarta - Sebanyak 20 warga merekam KTP-el."}),
        json.dumps({"text": "Bandung - Sebanyak 30 warga merekam KTP-el."}),
        "",
        "{not json",
        json.dumps({"text": 42}),
        json.dumps({"id": "jl-5", "text": "Bogor - Ada 50 blanko.",
                    "published": "2018-05-06"}),
    ]) + "\n", encoding="utf-8")
    (root / "notes.csv").write_text("ignored,file\n", encoding="utf-8")
    (root / ".hidden.txt").write_text("ignored", encoding="utf-8")
    return root


def test_mixed_folder_gives_one_line_per_readable_article(mixed: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    rep = _run(mixed, out)
    arts = _lines(out / "articles.jsonl")
    ids = [a["article_id"] for a in arts]
    assert ids == sorted(ids)
    assert set(ids) == {"good1", "a/good2", "cp1252", "page", "json-article", "noid",
                        "jl-1", "a/b/many#2", "jl-5"}
    by_id = {a["article_id"]: a for a in arts}
    assert any(w.startswith("[W007]") for w in by_id["cp1252"]["warnings"])
    assert any(w.startswith("[W002]") for w in by_id["page"]["warnings"])
    # published from a JSON input overrides the header
    assert by_id["json-article"]["meta"]["published"] == "2019-03-01T08:00:00+07:00"
    assert by_id["jl-5"]["meta"]["published"] == "2018-05-06"

    errs = _lines(out / "errors.jsonl")
    got = {(e["path"], e["line"], e["error"]) for e in errs}
    assert got == {
        ("empty.txt", None, "empty"), ("blank.txt", None, "empty"),
        ("binary.txt", None, "binary"), ("broken.json", None, "invalid_json"),
        ("a/b/many.jsonl", 4, "invalid_json"), ("a/b/many.jsonl", 5, "invalid_record"),
    }
    assert [(e["path"], e["line"] or 0) for e in errs] == sorted((e["path"], e["line"] or 0)
                                                                  for e in errs)
    assert all(set(e) == {"path", "line", "article_id", "error", "message"} and e["message"]
               for e in errs)
    assert rep.counts == {"seen": 15, "done": 9, "skipped": 0, "failed": 6}
    assert rep.exit_code == 1
    meta = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert meta["status"] == "complete" and meta["counts"] == rep.counts
    assert meta["schema_version"] and meta["extractor_version"]
    assert not (out / batch.SPOOL).exists()


def test_each_line_is_what_extract_gives(mixed: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _run(mixed, out)
    by_id = {a["article_id"]: a for a in _lines(out / "articles.jsonl")}
    ex = Extractor()
    for rel, aid in (("good1.txt", "good1"), ("cp1252.txt", "cp1252")):
        want = ex.extract((mixed / rel).read_bytes(), aid)
        assert by_id[aid] == json.loads(want.to_json())


def test_glob_narrows_and_a_single_file_is_accepted(mixed: Path, tmp_path: Path) -> None:
    _run(mixed, tmp_path / "o1", globs=["a/*"])
    ids = {a["article_id"] for a in _lines(tmp_path / "o1" / "articles.jsonl")}
    assert ids == {"a/good2", "jl-1", "a/b/many#2", "jl-5"}
    _run(mixed / "a" / "b" / "many.jsonl", tmp_path / "o2")
    ids = {a["article_id"] for a in _lines(tmp_path / "o2" / "articles.jsonl")}
    assert ids == {"jl-1", "many#2", "jl-5"}


def test_oversized_file_is_cut_with_a_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                              ) -> None:
    monkeypatch.setattr(batch, "MAX_FILE_BYTES", 200)
    root = tmp_path / "in"
    root.mkdir()
    text = "Jakarta - " + "Sebanyak 1.500 warga sudah merekam KTP-el di kecamatan ini. " * 20
    (root / "big.txt").write_text(text, encoding="utf-8")
    (root / "wide.txt").write_text("x" + "é" * 150, encoding="utf-8")  # byte 200 is mid-char
    _run(root, tmp_path / "out")
    by_id = {a["article_id"]: a for a in _lines(tmp_path / "out" / "articles.jsonl")}
    assert any("[W003]" in w for w in by_id["big"]["warnings"])
    assert by_id["big"]["content_hash"] == batch.content_hash(text[:200])
    # the cut does not split a UTF-8 sequence (no decoding fallback)
    assert by_id["wide"]["content_hash"] == batch.content_hash("x" + "é" * 99)
    assert not any(w.startswith("[W007]") for w in by_id["wide"]["warnings"])


def test_unreadable_input_is_reported(mixed: Path, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    real = batch.discover

    def discover(*a: Any, **k: Any) -> Any:
        items, errs = real(*a, **k)
        return items + [batch.Item("gone.txt", "gone.txt", "text", 10)], errs

    monkeypatch.setattr(batch, "discover", discover)
    rep = _run(mixed, tmp_path / "out")
    errs = _lines(tmp_path / "out" / "errors.jsonl")
    assert [e["error"] for e in errs if e["path"] == "gone.txt"] == ["unreadable"]
    assert rep.exit_code == 1


def test_duplicate_ids_keep_the_first_input(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    texts = _texts(2)
    (root / "x.txt").write_text(texts[0], encoding="utf-8")
    (root / "y.json").write_text(json.dumps({"id": "x", "text": texts[1]}), encoding="utf-8")
    rep = _run(root, tmp_path / "out")
    arts = _lines(tmp_path / "out" / "articles.jsonl")
    assert len(arts) == 1 and arts[0]["content_hash"] == batch.content_hash(texts[0])
    errs = _lines(tmp_path / "out" / "errors.jsonl")
    assert [(e["path"], e["error"]) for e in errs] == [("y.json", "duplicate_id")]
    assert rep.counts["failed"] == 1 and rep.counts["done"] == 1
    # resuming changes nothing and reports the duplicate again
    rep2 = _run(root, tmp_path / "out", resume=True)
    assert _lines(tmp_path / "out" / "articles.jsonl") == arts
    assert rep2.counts["failed"] == 1 and rep2.counts["skipped"] == 1


def test_bad_usage_raises_before_writing(tmp_path: Path) -> None:
    with pytest.raises(batch.UsageError):
        _run(tmp_path / "missing", tmp_path / "out")
    with pytest.raises(batch.UsageError):
        _run(tmp_path, tmp_path / "out", jobs=0)
    with pytest.raises(batch.UsageError):
        _run(tmp_path, tmp_path / "out", fmt="xlsx")
    (tmp_path / "afile").write_text("x")
    with pytest.raises(batch.UsageError):
        _run(tmp_path, tmp_path / "afile")
    with pytest.raises(batch.UsageError, match="input folder itself"):
        _run(tmp_path, tmp_path)
    assert not (tmp_path / "out").exists()


def test_one_run_at_a_time_per_out_folder(tmp_path: Path) -> None:
    fcntl = pytest.importorskip("fcntl")
    root = _corpus(tmp_path / "in", 2)
    out = tmp_path / "out"
    out.mkdir()
    with open(out / batch.LOCK, "a+b") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)  # another run is writing
        with pytest.raises(batch.UsageError, match="another run"):
            _run(root, out)
    assert _run(root, out).exit_code == 0  # released: runs


def test_a_folder_without_articles_says_so(tmp_path: Path) -> None:
    import io

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "notes.csv").write_text("a,b\n")
    err = io.StringIO()
    rep = batch.run(tmp_path / "in", tmp_path / "out", jobs=1, globs=["*.txt"], stream=err)
    assert rep.exit_code == 0 and rep.counts["seen"] == 0
    assert "no .txt, .md, .json or .jsonl file below" in err.getvalue()
    assert "matching *.txt" in err.getvalue()
    assert (tmp_path / "out" / "articles.jsonl").read_bytes() == b""


# ---------------------------------------------------------------------------- workers


def test_jobs_1_and_2_give_byte_identical_output(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "in", 150)  # three chunks: the pool really runs
    r1 = _run(root, tmp_path / "o1", jobs=1)
    r2 = _run(root, tmp_path / "o2", jobs=2)
    assert r2.options["workers"] == 2
    a1 = (tmp_path / "o1" / "articles.jsonl").read_bytes()
    assert a1 == (tmp_path / "o2" / "articles.jsonl").read_bytes()
    assert a1.count(b"\n") == 150 == r1.counts["done"] == r2.counts["done"]
    rss = r2.peak_rss_mb
    assert rss["parent"] and rss["workers"]


def test_a_worker_that_dies_costs_only_its_chunk(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    root = _corpus(tmp_path / "in", 130)
    (root / "g0" / "killer.txt").write_text("Jakarta - MATIKAN-PROSES sekarang.", encoding="utf-8")
    real = Extractor._extract_group

    def extract_group(self: Extractor, items: Any) -> Any:
        for text, *_rest in items:
            if (b"MATIKAN-PROSES" if isinstance(text, bytes) else "MATIKAN-PROSES") in text:
                os._exit(3)  # a worker dying hard (the pool breaks)
        return real(self, items)

    # (the workers extract in groups; inherited by the forked workers)
    monkeypatch.setattr(Extractor, "_extract_group", extract_group)
    if not sys.platform.startswith("linux"):
        pytest.skip("workers are forked only on Linux")
    rep = _run(root, tmp_path / "out", jobs=2)
    errs = _lines(tmp_path / "out" / "errors.jsonl")
    assert [(e["path"], e["error"]) for e in errs] == [("g0/killer.txt", "crashed")]
    # the inputs that shared a chunk with it were tried again: nothing else is lost
    assert len(_lines(tmp_path / "out" / "articles.jsonl")) == 130
    assert rep.counts == {"seen": 131, "done": 130, "skipped": 0, "failed": 1}
    assert rep.exit_code == 1


# ---------------------------------------------------------------------------- resume


def test_resume_skips_what_is_done_and_redoes_changed_files(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "in", 12)
    out = tmp_path / "out"
    _run(root, out)
    first = (out / "articles.jsonl").read_bytes()
    rep = _run(root, out, resume=True)
    assert rep.counts == {"seen": 12, "done": 0, "skipped": 12, "failed": 0}
    assert (out / "articles.jsonl").read_bytes() == first
    changed = root / "g0" / "art0000.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nTambahan 7 warga.\n",
                       encoding="utf-8")
    (root / "g1" / "new.txt").write_text(_short_texts(13)[12], encoding="utf-8")
    rep = _run(root, out, resume=True)
    assert rep.counts == {"seen": 13, "done": 2, "skipped": 11, "failed": 0}
    arts = {a["article_id"]: a for a in _lines(out / "articles.jsonl")}
    assert len(arts) == 13
    assert arts["g0/art0000"]["content_hash"] == batch.content_hash(
        changed.read_text(encoding="utf-8"))


def test_many_parts_are_merged_in_rounds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _corpus(tmp_path / "in", 20)
    _run(root, tmp_path / "plain")
    monkeypatch.setattr(batch, "CHUNK_ARTICLES", 2)  # ten part files ...
    monkeypatch.setattr(batch, "FANIN", 3)  # ... merged three at a time
    rep = _run(root, tmp_path / "rounds")
    assert rep.counts["done"] == 20
    assert (tmp_path / "rounds" / "articles.jsonl").read_bytes() == (
        tmp_path / "plain" / "articles.jsonl").read_bytes()


def test_resume_repairs_a_truncated_last_line(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "in", 6)
    out = tmp_path / "out"
    _run(root, out)
    whole = (out / "articles.jsonl").read_bytes()
    (out / "articles.jsonl").write_bytes(whole[:-150])  # a write cut short
    rep = _run(root, out, resume=True)
    assert rep.repaired_bytes > 0
    assert rep.counts["done"] == 1 and rep.counts["skipped"] == 5
    assert (out / "articles.jsonl").read_bytes() == whole


def test_a_fresh_run_replaces_the_previous_output(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "in", 5)
    out = tmp_path / "out"
    _run(root, out, fmt="csv")
    (root / "g0" / "art0000.txt").unlink()
    _run(root, out)  # no --resume: OUT describes this run only
    assert len(_lines(out / "articles.jsonl")) == 4
    assert not (out / "articles.csv").exists()  # tables of the earlier run are gone


def _cli(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    return subprocess.Popen([sys.executable, "-m", "ektp_extract", *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _finish(proc: subprocess.Popen[str], timeout: float = 120) -> tuple[int, str]:
    """Wait for the process; its exit code and standard error (pipes closed)."""
    _out, err = proc.communicate(timeout=timeout)
    return proc.returncode, err


def _wait_for_parts(out: Path, proc: subprocess.Popen[str], n: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if len(list((out / batch.SPOOL).glob("a-*.part"))) >= n:
            return
        time.sleep(0.005)
    code, err = _finish(proc, 60)
    raise AssertionError(f"the run ended (exit {code}) before it could be interrupted:\n{err}")


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """A folder of 800 articles and the articles.jsonl of an uninterrupted run."""
    base = tmp_path_factory.mktemp("big")
    root = _corpus(base / "in", 800)
    _run(root, base / "clean", jobs=2)
    return root, (base / "clean" / "articles.jsonl").read_bytes()


@pytest.fixture(scope="module")
def bigger(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes]:
    """As ``big`` with 2,400 articles: a graceful stop must find work left at any speed
    (800 articles can be done before the signal arrives)."""
    base = tmp_path_factory.mktemp("bigger")
    root = _corpus(base / "in", 2400)
    _run(root, base / "clean", jobs=2)
    return root, (base / "clean" / "articles.jsonl").read_bytes()


def _check_complete(out: Path, clean: bytes) -> None:
    data = (out / "articles.jsonl").read_bytes()
    ids = [json.loads(x)["article_id"] for x in data.splitlines()]
    assert len(ids) == len(set(ids)), "an article is duplicated"
    assert data == clean, "articles are missing or differ from an uninterrupted run"


def test_sigkill_mid_run_then_resume_loses_and_duplicates_nothing(
        big: tuple[Path, bytes], tmp_path: Path) -> None:
    root, clean = big
    out = tmp_path / "out"
    proc = _cli("run", str(root), "--out", str(out), "--jobs", "2", "--quiet")
    _wait_for_parts(out, proc, 3)
    proc.send_signal(signal.SIGKILL)
    _finish(proc, 30)
    assert json.loads((out / "run.json").read_text())["status"] == "running"
    assert not (out / "articles.jsonl").exists()
    kept = len(list((out / batch.SPOOL).glob("a-*.part")))
    assert kept >= 3
    proc = _cli("run", str(root), "--out", str(out), "--jobs", "2", "--resume", "--quiet")
    code, err = _finish(proc)
    assert code == 0, err
    report = json.loads((out / "run.json").read_text())
    assert report["counts"]["skipped"] >= kept * 10  # the finished chunks were not redone
    assert report["counts"]["skipped"] + report["counts"]["done"] == 800
    _check_complete(out, clean)


def test_sigint_writes_what_is_done_then_resume_completes(bigger: tuple[Path, bytes],
                                                          tmp_path: Path) -> None:
    root, clean = bigger
    out = tmp_path / "out"
    proc = _cli("run", str(root), "--out", str(out), "--jobs", "2")
    _wait_for_parts(out, proc, 1)
    proc.send_signal(signal.SIGINT)
    code, err = _finish(proc, 60)
    assert code == 130, err
    assert "--resume" in err and "Traceback" not in err
    report = json.loads((out / "run.json").read_text())
    assert report["status"] == "interrupted"
    partial = _lines(out / "articles.jsonl")
    assert 0 < len(partial) < 2400
    assert [a["article_id"] for a in partial] == sorted(a["article_id"] for a in partial)
    proc = _cli("run", str(root), "--out", str(out), "--jobs", "2", "--resume", "--quiet")
    assert _finish(proc)[0] == 0
    assert json.loads((out / "run.json").read_text())["counts"]["skipped"] == len(partial)
    _check_complete(out, clean)


# ---------------------------------------------------------------------------- helpers


def test_segments_cover_a_jsonl_file_at_line_ends(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "SEGMENT_BYTES", 100)
    lines = [json.dumps({"text": f"Sebanyak {i} warga merekam."}) for i in range(40)]
    path = tmp_path / "x.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")  # no newline at the end
    segs = batch._segments(path, "x.jsonl", "x.jsonl", path.stat().st_size)
    assert len(segs) > 5
    assert segs[0].start == 0 and segs[-1].end == path.stat().st_size
    assert all(a.end == b.start for a, b in zip(segs, segs[1:]))
    assert sum(s.articles for s in segs) == 40
    errs: list[dict[str, Any]] = []
    arts = [a for s in segs for a in batch.read_item(tmp_path, s, errs)]
    assert not errs
    assert [a.line for a in arts] == list(range(1, 41))
    assert [a.article_id for a in arts] == [f"x#{i}" for i in range(1, 41)]


def test_overlong_json_inputs_are_refused_and_reading_goes_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "MAX_JSON_BYTES", 100)
    root = tmp_path / "in"
    root.mkdir()
    short = json.dumps({"text": "Jakarta - Ada 5 warga."})
    long = json.dumps({"text": "Jakarta - " + "sangat panjang " * 30})
    (root / "f.jsonl").write_text("\n".join([short, long, short]) + "\n", encoding="utf-8")
    (root / "big.json").write_text(long, encoding="utf-8")
    _run(root, tmp_path / "out")
    errs = [(e["path"], e["line"], e["error"]) for e in _lines(tmp_path / "out" / "errors.jsonl")]
    assert errs == [("big.json", None, "too_large"), ("f.jsonl", 2, "too_large")]
    ids = [a["article_id"] for a in _lines(tmp_path / "out" / "articles.jsonl")]
    assert ids == ["f#1", "f#3"]


def test_chunks_respect_both_limits() -> None:
    items = [batch.Item(f"{i}.txt", f"{i}.txt", "text", 1_000_000) for i in range(10)]
    groups = batch.chunks(items)
    assert [len(g) for g in groups] == [4, 4, 2]
    assert [it for g in groups for it in g] == items


def test_progress_line_and_bar() -> None:
    import io

    buf = io.StringIO()
    p = batch.Progress(200, buf, tty=True)
    p.t0 -= 2.0
    p._last = 0.0
    p.update(50, failed=1)
    text = buf.getvalue()
    assert text.startswith("\r[") and "50/200 articles" in text and "25%" in text
    assert "articles/s" in text and "ETA 0:06" in text and "1 failed" in text
    quiet = io.StringIO()
    q = batch.Progress(10, quiet, quiet=True, tty=True)
    q.update(10)
    q.close()
    assert quiet.getvalue() == ""
    lines = io.StringIO()
    pl = batch.Progress(10, lines, tty=False, interval=0.0)
    pl.update(5)
    assert lines.getvalue().startswith("progress: 5/10 articles") and "\r" not in lines.getvalue()
