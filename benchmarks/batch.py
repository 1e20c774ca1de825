"""Batch benchmark: articles/s with --jobs 1 and --jobs 2, peak memory at 1,000 and 5,000 articles.

Generates folders of articles from ``fixtures/articles`` (numbers changed,
body paragraphs reordered or repeated, so that every article is different),
runs ``python -m ektp_extract run DIR --out OUT --jobs N --quiet`` on them in a
fresh process each time (on the checkout's sources; under ``benchmarks/run.py``, on the package
run.py measures) and reads the numbers from ``OUT/run.json``: wall
time, articles/s and the peak RSS of the parent and of the worker processes
(``getrusage``; RSS counts the pages workers share with the parent after
fork). Also checks that ``--jobs 1`` and ``--jobs 2`` give byte-identical
``articles.jsonl``.

    python benchmarks/batch.py                 # 1,000 and 5,000 articles, jobs 1 and 2
    python benchmarks/batch.py --sizes 5000 --jobs 1 2 4 --repeat 3
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Optional, Sequence

ROOT = Path(__file__).absolute().parent.parent
FIXTURES = ROOT / "fixtures" / "articles"

_NUMBER = re.compile(r"\d+")


def _vary(text: str, rng: random.Random) -> str:
    """A different but realistic article: some digits changed, body paragraphs moved."""

    def digits(m: re.Match[str]) -> str:
        s = m.group(0)
        if rng.random() < 0.6:
            return s
        new = "".join(str(rng.randint(0, 9)) for _ in s)
        return str(rng.randint(1, 9)) + new[1:] if len(s) > 1 else new

    paras = text.split("\n\n")
    head, body = paras[:4], paras[4:]
    if len(body) > 2:
        i, j = rng.sample(range(len(body)), 2)
        body[i], body[j] = body[j], body[i]
        if rng.random() < 0.3:
            body.append(body[rng.randrange(len(body))])
    return _NUMBER.sub(digits, "\n\n".join(head + body))


def make_corpus(dest: Path, n: int, seed: int = 0, source: Path = FIXTURES) -> Path:
    """Write ``n`` varied articles into ``dest/<nnn>/a<nnnnn>.txt`` (100 per folder)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(source.glob("*.txt"))]
    if not texts:
        raise RuntimeError(f"no articles in {source}")
    rng = random.Random(seed)
    for i in range(n):
        folder = dest / f"{i // 100:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"a{i:05d}.txt").write_text(_vary(texts[i % len(texts)], rng), encoding="utf-8")
    return dest


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _spin(n: int) -> int:
    x = 0
    for i in range(n):
        x += i
    return x


def machine_parallelism(n: int = 10_000_000) -> float:
    """How much faster two processes do two pure-Python loops than one process does.

    The ceiling for ``--jobs 2`` on this machine right now: about 2.0 on two
    idle cores, less when other work shares them.
    """
    import multiprocessing as mp

    t0 = time.perf_counter()
    _spin(n)
    _spin(n)
    serial = time.perf_counter() - t0
    with mp.get_context("spawn").Pool(2) as pool:
        pool.map(_spin, [1000, 1000])  # start-up not counted
        t0 = time.perf_counter()
        pool.map(_spin, [n, n])
        parallel = time.perf_counter() - t0
    return round(serial / parallel, 2)


def _measures_checkout() -> bool:
    """Whether the runs import the checkout's sources: yes when this module runs on its own;
    under benchmarks/run.py, whatever package run.py measures (the installed compiled build
    of the checkout, or the checkout's sources)."""
    mod = sys.modules.get("ektp_extract")
    if mod is None or mod.__file__ is None:
        return True
    return Path(mod.__file__).resolve().is_relative_to(ROOT.resolve())


def run_once(corpus: Path, out: Path, jobs: int, extra: Sequence[str] = ()) -> dict[str, Any]:
    """One ``ektp-extract run`` in a fresh interpreter; the numbers of its run.json."""
    cmd = [sys.executable, "-m", "ektp_extract", "run", str(corpus), "--out", str(out),
           "--jobs", str(jobs), "--quiet", *extra]
    if _measures_checkout():
        env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
        cwd = None
    else:  # the installed package: neither PYTHONPATH nor the working folder names the checkout
        env, cwd = dict(os.environ), str(out.parent)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=cwd)
    outer = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}:\n{proc.stderr[-2000:]}")
    report = json.loads((out / "run.json").read_text(encoding="utf-8"))
    return {
        "jobs": jobs,
        "articles": report["counts"]["done"],
        "wall_seconds": report["wall_seconds"],
        "process_seconds": round(outer, 3),
        "articles_per_second": report["articles_per_second"],
        "cpu_seconds": round(cpu, 2),  # user + system, the run and its workers
        "load_before": load,  # 1-minute load average of the machine when the run started
        "phases": report.get("seconds", {}),
        "peak_rss_mb_parent": report["peak_rss_mb"]["parent"],
        "peak_rss_mb_workers": report["peak_rss_mb"]["workers"],
        "articles_jsonl_sha256": _digest(out / "articles.jsonl"),
    }


def run(sizes: Sequence[int] = (1000, 5000), jobs: Sequence[int] = (1, 2), repeat: int = 1,
        workdir: Optional[Path] = None, seed: int = 0, quick: bool = False) -> dict[str, Any]:
    """Generate the folders, run every (size, jobs) ``repeat`` times, keep the fastest run.

    ``quick`` (a smoke check) uses 200 and 1,000 articles instead of ``sizes``.

    Returns ``{"runs": [...], "speedup": {size: aps(jobs=max)/aps(jobs=1)},
    "identical": {size: bool}, "rss_ratio": {...}}``.
    """
    if quick:
        sizes = (200, 1000)
    tmp = tempfile.TemporaryDirectory(prefix="ektp-bench-") if workdir is None else None
    base = Path(tmp.name) if tmp is not None else Path(workdir)  # type: ignore[arg-type]
    try:
        runs: list[dict[str, Any]] = []
        for size in sizes:
            corpus = make_corpus(base / f"corpus-{size}", size, seed)
            for j in jobs:
                best: Optional[dict[str, Any]] = None
                for r in range(repeat):
                    res = run_once(corpus, base / f"out-{size}-{j}-{r}", j)
                    if best is None or res["wall_seconds"] < best["wall_seconds"]:
                        best = res
                assert best is not None
                best["size"] = size
                runs.append(best)
        by = {(r["size"], r["jobs"]): r for r in runs}
        lo, hi = min(jobs), max(jobs)
        summary: dict[str, Any] = {"runs": runs, "cpu_count": os.cpu_count(),
                                   "python": sys.version.split()[0],
                                   "machine_parallelism": machine_parallelism()}
        summary["speedup"] = {s: round(by[s, hi]["articles_per_second"]
                                       / by[s, lo]["articles_per_second"], 2) for s in sizes}
        summary["identical"] = {s: len({by[s, j]["articles_jsonl_sha256"] for j in jobs}) == 1
                                for s in sizes}
        if len(sizes) > 1:
            small, large = min(sizes), max(sizes)
            ratio: dict[str, float] = {}
            for j in jobs:
                for who in ("parent", "workers"):
                    a, b = by[small, j][f"peak_rss_mb_{who}"], by[large, j][f"peak_rss_mb_{who}"]
                    if a and b:
                        ratio[f"jobs{j}_{who}"] = round(b / a, 3)
            summary["rss_ratio_large_over_small"] = ratio
        return summary
    finally:
        if tmp is not None:
            tmp.cleanup()


def _table(summary: dict[str, Any]) -> str:
    lines = ["| articles | --jobs | wall s | articles/s | CPU s | peak RSS parent MB "
             "| peak RSS worker MB |", "|---:|---:|---:|---:|---:|---:|---:|"]
    for r in summary["runs"]:
        lines.append(f"| {r['size']:,} | {r['jobs']} | {r['wall_seconds']:.2f} | "
                     f"{r['articles_per_second']:,.0f} | {r['cpu_seconds']:.1f} | "
                     f"{r['peak_rss_mb_parent']} | "
                     f"{r['peak_rss_mb_workers'] if r['peak_rss_mb_workers'] else '–'} |")
    return "\n".join(lines)


def main(argv: Optional[Sequence[str]] = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    p.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    p.add_argument("--repeat", type=int, default=1, help="runs per setting; the fastest is kept")
    p.add_argument("--workdir", type=Path, help="keep the generated folders here")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = p.parse_args(argv)
    summary = run(args.sizes, args.jobs, args.repeat, args.workdir)
    if args.json:
        print(json.dumps(summary, indent=2))
    else:
        print(_table(summary))
        print()
        print(f"speedup (articles/s, jobs {max(args.jobs)} / jobs {min(args.jobs)}): "
              f"{summary['speedup']}")
        print(f"byte-identical articles.jsonl across jobs: {summary['identical']}")
        print(f"machine parallelism (two pure-Python loops, 2 processes / 1): "
              f"{summary['machine_parallelism']}")
        if "rss_ratio_large_over_small" in summary:
            print(f"peak RSS {max(args.sizes)} / {min(args.sizes)} articles: "
                  f"{summary['rss_ratio_large_over_small']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
