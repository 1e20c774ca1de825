"""Benchmarks of the whole extraction, each stage, loading, memory and the dateparser yardstick.

    python benchmarks/run.py                  # everything, writes benchmarks/results.json
    python benchmarks/run.py --skip-batch     # without the (slow) multi-process batch run
    python benchmarks/run.py --quick          # fewer repeats, for a smoke check

Which build: the installed package when it is the compiled build of the checkout as it is
(``pip install .`` where a C compiler is, see hatch_build.py), else the checkout's sources
(pure Python); ``--checkout`` and ``--installed`` choose. The line ``build:`` says which.

One core: the timing loops run in this single process (pinned to one CPU where
the platform allows). Every figure is the median of ``--repeats`` timed runs
after a warm-up pass over the corpus. The whole extraction is timed two ways, in
alternation: ``Extractor.extract_many`` (articles in groups, one stage at a time over a
group, as batch runs, Dask and ``nlp.pipe`` extract them; the throughput target is judged
on it) and ``Extractor.extract`` one article after another. The corpus is ``fixtures/articles`` plus
the seed article when ``../shared/seeds`` exists beside the checkout.

Other benchmark modules in this folder (``dates_vs_dateparser.py``,
``quantities.py``, ``people.py``, ``batch.py``) expose ``run(...) -> dict``; when present
they are run too and their results are stored under ``"modules"``.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import inspect
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Optional

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def _same_sources(installed: Path) -> bool:
    """Whether the package installed at ``installed`` was built from the checkout as it is:
    the same ``.py`` modules and the same patterns, byte for byte (a wheel keeps its sources
    beside its compiled modules)."""
    def tree(base: Path, pattern: str) -> dict[str, bytes]:
        return {p.relative_to(base).as_posix(): p.read_bytes() for p in base.rglob(pattern)
                if "__pycache__" not in p.parts and p.is_file()}

    return (tree(installed, "*.py") == tree(ROOT / "ektp_extract", "*.py")
            and tree(installed / "patterns", "*") == tree(ROOT / "patterns", "*"))


def _choose_package(argv: list[str]) -> tuple[bool, bool, str]:
    """Which ektp_extract to measure: (the installed one, its sources are the checkout's, why).

    ``--installed``: the one installed in this interpreter; ``--checkout``: the checkout's
    sources. By default, the installed one when it is the compiled build of the checkout as it
    is (what ``pip install .`` gives where a C compiler is), else the checkout's sources."""
    import importlib.util

    spec = importlib.util.find_spec("ektp_extract")  # (the checkout is not on sys.path yet)
    where = Path(spec.origin).parent if spec is not None and spec.origin else None
    if where is not None and where.resolve() == (ROOT / "ektp_extract").resolve():
        where = None  # an editable install of this checkout: its sources
    same = where is not None and _same_sources(where)
    if "--checkout" in argv:
        return False, same, "--checkout"
    if "--installed" in argv:
        if where is None:
            raise SystemExit("--installed: no ektp_extract is installed in this interpreter")
        return True, same, "--installed"
    if where is None:
        return False, False, "no installed package"
    compiled = any(where.glob("document.*.so")) or any(where.glob("document.*.pyd"))
    if not compiled:
        return False, same, "the installed package is pure Python"
    if not same:
        return False, False, ("the installed compiled build is of other sources "
                              "(pip install . builds it from the checkout)")
    return True, True, "the installed compiled build of the checkout"


#: measure the installed ektp_extract (True) or the checkout's sources (False); see
#: _choose_package. SAME_SOURCES: the installed package was built from the checkout as it is
INSTALLED, SAME_SOURCES, CHOICE = _choose_package(sys.argv[1:])
if not INSTALLED:
    sys.path.insert(0, str(ROOT))

import ektp_extract  # noqa: E402
from ektp_extract import Extractor, __version__  # noqa: E402
from ektp_extract.document import Document  # noqa: E402
from ektp_extract.models import ArticleExtraction  # noqa: E402

#: Benchmark modules of this folder included when present, with whether they are slow.
MODULES: list[tuple[str, bool]] = [
    ("dates_vs_dateparser", False),
    ("quantities", False),
    ("people", False),
    ("batch", True),
]

#: Targets of SPEC §8 on this machine (docs/performance.md).
TARGET_ARTICLES_PER_S = 500.0
TARGET_RATIO = 10.0
TARGET_LOAD_S = 2.0


# ---------------------------------------------------------------------- corpus
def load_corpus(extra: list[Path]) -> list[tuple[str, str]]:
    """(id, text) of the development fixtures, the seed if present, and any ``extra`` files."""
    paths = sorted((ROOT / "fixtures" / "articles").glob("*.txt"))
    seeds = ROOT.parent / "shared" / "seeds"
    if seeds.is_dir():
        paths += sorted(seeds.glob("*.txt"))
    for p in extra:
        paths += sorted(p.rglob("*.txt")) if p.is_dir() else [p]
    return [(p.stem, p.read_text(encoding="utf-8")) for p in paths]


# ---------------------------------------------------------------------- timing
#: The clock of the timing loops: CPU time of this process by default, so that other
#: processes on a busy machine inflate the figures less (``--clock wall`` for wall time).
_clock: Callable[[], float] = time.process_time


def _median_rate(fn: Callable[[], int], repeats: int) -> tuple[float, list[float]]:
    """Run ``fn`` (which returns how many articles it did) ``repeats`` times: median articles/s."""
    rates = []
    for _ in range(repeats):
        gc.collect()
        t0 = _clock()
        n = fn()
        rates.append(n / (_clock() - t0))
    return statistics.median(rates), rates


def bench_whole(ex: Extractor, texts: list[str], repeats: int, loops: int
                ) -> tuple[dict[str, Any], dict[str, Any]]:
    """Articles/s of the whole extraction over the corpus (``loops`` passes per timed run),
    two ways: ``Extractor.extract`` one article after another, and ``Extractor.extract_many``
    (groups of articles, one stage at a time over a group: what batch runs, Dask and
    ``nlp.pipe`` do). Each repeat times both, in turn first, so that both see the machine
    alike; the second dict also has the median of the per-repeat speed-ups."""
    for t in texts:  # warm-up: compiled regexes, caches
        ex.extract(t)
    for _ in ex.extract_many(texts):
        pass

    def one() -> int:
        for _ in range(loops):
            for t in texts:
                ex.extract(t)
        return loops * len(texts)

    def many() -> int:
        for _ in range(loops):
            for _r in ex.extract_many(texts):
                pass
        return loops * len(texts)

    ones: list[float] = []
    manys: list[float] = []
    for i in range(repeats):
        for f in ((one, many) if i % 2 == 0 else (many, one)):
            (ones if f is one else manys).append(_median_rate(f, 1)[0])
    chars = sum(len(t) for t in texts)
    figures = [_whole_figures(rates, chars / len(texts)) for rates in (ones, manys)]
    figures[1]["speedup_paired"] = round(statistics.median(m / o for m, o in zip(manys, ones)), 3)
    return figures[0], figures[1]


def _whole_figures(rates: list[float], mean_chars: float) -> dict[str, Any]:
    rate = statistics.median(rates)
    return {
        "articles_per_s": round(rate, 1),
        "ms_per_article": round(1000.0 / rate, 3),
        "chars_per_s": round(rate * mean_chars),
        "articles_per_s_at_3kb": round(rate * mean_chars / 3000.0, 1),
        "runs_articles_per_s": [round(r, 1) for r in rates],
    }


def bench_json(ex: Extractor, texts: list[str], repeats: int, loops: int) -> float:
    """Seconds per article of ``ArticleExtraction.to_json``."""
    results = [ex.extract(t) for t in texts]

    def one() -> int:
        for _ in range(loops):
            for r in results:
                r.to_json()
        return loops * len(results)

    rate, _ = _median_rate(one, repeats)
    return 1.0 / rate


def _prepare(ex: Extractor, source: str) -> tuple[Document, ArticleExtraction]:
    """Text preparation as ``Extractor.extract`` does it, up to the first stage (decode,
    content hash, the unvalidated empty result, ``Extractor._document``): see
    ``stage_timing.started``, shared with ``stage_instructions.py``."""
    if str(HERE) not in sys.path:
        sys.path.insert(1, str(HERE))
    from stage_timing import started

    return started(ex, source)


def bench_stages(ex: Extractor, texts: list[str], repeats: int, loops: int) -> dict[str, Any]:
    """Per-stage cost: text prep, each of ``Extractor.stages``, assembly, JSON, release.

    Each timed run walks the corpus ``loops`` times, running the stages in
    order on a fresh Document exactly as the facade does and accumulating the
    time spent in each; the median over runs is reported as µs per article and
    as articles/s that stage alone would allow. ``release`` is freeing the
    article's document and result once done with (a caller pays it when it drops
    the result); it is timed on its own so that text prep does not carry it.
    """
    names = ["text prep"] + [n for n, _ in ex.stages] + ["assembly", "json", "release"]
    runs: dict[str, list[float]] = {n: [] for n in names}
    failures: dict[str, int] = {}
    for _ in range(repeats + 1):  # the first run is the warm-up
        acc = dict.fromkeys(names, 0.0)
        gc.collect()
        for _ in range(loops):
            for t in texts:
                t0 = _clock()
                doc, res = _prepare(ex, t)
                t1 = _clock()
                acc["text prep"] += t1 - t0
                for name, stage in ex.stages:
                    t0 = _clock()
                    try:
                        stage(doc)
                    except Exception:  # noqa: BLE001 — the facade tolerates it too; count it
                        failures[name] = failures.get(name, 0) + 1
                    acc[name] += _clock() - t0
                t0 = _clock()
                Extractor._assemble(doc, res)
                t1 = _clock()
                res.to_json()
                t2 = _clock()
                del doc, res
                t3 = _clock()
                acc["assembly"] += t1 - t0
                acc["json"] += t2 - t1
                acc["release"] += t3 - t2
        n = loops * len(texts)
        for k in names:
            runs[k].append(acc[k] / n)
    out: dict[str, Any] = {}
    for k in names:
        med = statistics.median(runs[k][1:])
        out[k] = {"us_per_article": round(med * 1e6, 1),
                  "articles_per_s": round(1.0 / med, 1) if med > 0 else None}
    total = sum(v["us_per_article"] for v in out.values())
    for v in out.values():
        v["share"] = round(v["us_per_article"] / total, 3) if total else None
    return {"stages": out, "stage_failures": {k: v // (repeats + 1) for k, v in failures.items()}}


def _build() -> str:
    """Which build of the extraction modules is measured."""
    return "compiled (mypyc)" if getattr(ektp_extract, "COMPILED", False) else "pure Python"


def bench_load(repeats: int) -> dict[str, Any]:
    """``import ektp_extract; Extractor()`` in a fresh interpreter, then a first article: seconds."""
    code = (
        "import sys, time, resource; t0 = time.perf_counter();"
        "from ektp_extract import Extractor; t1 = time.perf_counter(); ex = Extractor();"
        "t2 = time.perf_counter(); ex.extract(open(sys.argv[1], encoding='utf-8').read());"
        "t3 = time.perf_counter();"
        "print(t1 - t0, t2 - t1, t3 - t2, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    first = next(iter(sorted((ROOT / "fixtures" / "articles").glob("*.txt"))))
    imports, builds, firsts, rss = [], [], [], []
    for _ in range(repeats):
        out = subprocess.run([sys.executable, "-c", code, str(first)], cwd=HERE if INSTALLED else ROOT,
                             capture_output=True, text=True, check=True).stdout.split()
        imports.append(float(out[0]))
        builds.append(float(out[1]))
        firsts.append(float(out[2]))
        rss.append(int(out[3]))
    total = [a + b for a, b in zip(imports, builds)]
    return {
        "import_s": round(statistics.median(imports), 3),
        "extractor_s": round(statistics.median(builds), 3),
        "total_s": round(statistics.median(total), 3),
        # regexes are compiled on first use: the first article pays for them
        "first_extract_s": round(statistics.median(firsts), 3),
        "ready_s": round(statistics.median([t + f for t, f in zip(total, firsts)]), 3),
        "rss_after_load_mb": round(statistics.median(rss) / 1024, 1),
    }


def bench_yardstick(ex: Extractor, texts: list[str], repeats: int) -> dict[str, Any]:
    """``dateparser.search.search_dates(text, languages=["id"])`` over the same articles.

    Each repeat times one search_dates pass and, right after it, one pass of
    the whole extraction over the same articles; the ratio is the median of the
    per-pair ratios, so that a change of machine load between the two
    measurements does not bias it.
    """
    from dateparser.search import search_dates

    search_dates(texts[0], languages=["id"])  # warm-up: loads the language data

    def one() -> int:
        for t in texts:
            search_dates(t, languages=["id"])
        return len(texts)

    def ours() -> int:
        for t in texts:
            ex.extract(t)
        return len(texts)

    yard, mine = [], []
    for _ in range(repeats):
        yard.append(_median_rate(one, 1)[0])
        mine.append(_median_rate(ours, 1)[0])
    rate = statistics.median(yard)
    return {"articles_per_s": round(rate, 2), "ms_per_article": round(1000.0 / rate, 2),
            "runs_articles_per_s": [round(r, 2) for r in yard],
            "paired_extraction_articles_per_s": [round(r, 1) for r in mine],
            "ratio": round(statistics.median(m / y for m, y in zip(mine, yard)), 1)}


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far (MB)."""
    ru = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(ru / (1024 * 1024) if sys.platform == "darwin" else ru / 1024, 1)


def bench_dask(texts: list[str], n_articles: int, workers: tuple[int, ...]) -> dict[str, Any]:
    """``ektp_extract.dask.run`` on a local distributed cluster: articles/s and worker memory.

    The corpus is ``n_articles`` varied fixture articles made by
    ``benchmarks/batch.py``'s ``make_corpus`` (the fixtures repeated when it
    is absent); each worker is one process with one thread. Worker
    RSS is read before the run (a bare Dask worker) and after it (the
    extractor loaded and used), through ``psutil`` (a dependency of
    ``distributed``).
    """
    import tempfile

    try:
        import distributed
        import psutil
    except ImportError:
        return {"skipped": "the [dask] extra is not installed"}
    from ektp_extract import dask as ektp_dask

    def rss_mb() -> float:
        return psutil.Process().memory_info().rss / 1e6

    def cpu_s() -> float:
        t = psutil.Process().cpu_times()
        return t.user + t.system

    out: dict[str, Any] = {"articles": n_articles, "per_workers": {}}
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "corpus"
        batch_mod = _load_module("batch")
        if batch_mod is not None and hasattr(batch_mod, "make_corpus"):
            batch_mod.make_corpus(src, n_articles)  # the varied corpus of the batch benchmark
        else:
            src.mkdir()
            for i in range(n_articles):
                (src / f"a{i:06d}.txt").write_text(texts[i % len(texts)], encoding="utf-8")
        for w in workers:
            with distributed.LocalCluster(n_workers=w, threads_per_worker=1, processes=True,
                                          dashboard_address=None) as cluster, \
                    distributed.Client(cluster) as client:
                bare = list(client.run(rss_mb).values())
                cpu0 = sum(client.run(cpu_s).values())
                t0 = time.perf_counter()
                rep = ektp_dask.run(src, Path(tmp) / f"out{w}", "csv", scheduler=client)
                wall = time.perf_counter() - t0
                cpu = sum(client.run(cpu_s).values()) - cpu0
                loaded = list(client.run(rss_mb).values())
            rate = rep["counts"]["done"] / wall
            out["per_workers"][str(w)] = {
                "articles_per_s": round(rate, 1),
                "articles_per_s_per_worker": round(rate / w, 1),
                "wall_s": round(wall, 2),
                # CPU seconds the workers spent: read, extract, write (a busy machine
                # slows the wall-clock rate, much less this one)
                "articles_per_worker_cpu_s": round(rep["counts"]["done"] / cpu, 1) if cpu else None,
                "partitions": rep["partitions"],
                "worker_rss_bare_mb": round(statistics.median(bare), 1),
                "worker_rss_loaded_mb": round(statistics.median(loaded), 1),
            }
    return out


# ---------------------------------------------------------------------- other modules
def _load_module(name: str) -> Optional[Any]:
    """``benchmarks/<name>.py`` imported under its own name (worker processes it starts
    must be able to import it again to unpickle its functions)."""
    if not (HERE / f"{name}.py").is_file():
        return None
    if str(HERE) not in sys.path:
        sys.path.insert(1, str(HERE))
    return importlib.import_module(name)


def run_module(name: str, quick: bool) -> dict[str, Any]:
    """Run ``benchmarks/<name>.py``'s ``run()``; passes ``quick`` when it takes that keyword."""
    try:
        mod = _load_module(name)
        if mod is None:
            return {"skipped": "not present"}
        fn = getattr(mod, "run", None)
        if fn is None:
            return {"skipped": "no run() function"}
        kwargs = {"quick": quick} if "quick" in inspect.signature(fn).parameters else {}
        t0 = time.perf_counter()
        res = fn(**kwargs)
        out = dict(res) if isinstance(res, dict) else {"result": res}
        out.setdefault("elapsed_s", round(time.perf_counter() - t0, 2))
        return out
    except Exception as exc:  # noqa: BLE001 — one broken module must not lose the others
        return {"error": f"{type(exc).__name__}: {exc}"}


# ---------------------------------------------------------------------- markdown
def _whole_rows(r: dict[str, Any]) -> list[str]:
    """The whole-extraction rows: many articles (``extract_many``, what the target is judged
    on) and one at a time."""
    w, m = r["whole"], r["whole_many"]
    return [f"| whole extraction, one core, many articles (`extract_many`) | "
            f"{m['articles_per_s']:.0f} articles/s ({m['ms_per_article']:.2f} ms/article) | |",
            f"| scaled to 3 KB articles | {m['articles_per_s_at_3kb']:.0f} articles/s "
            f"| >= 500 articles/s |",
            f"| one article at a time (`extract`) | {w['articles_per_s']:.0f} articles/s "
            f"({w['articles_per_s_at_3kb']:.0f}/s at 3 KB; `extract_many` "
            f"{m['speedup_paired']:.2f}x as fast, median of alternated pairs) | |"]


def markdown(r: dict[str, Any]) -> str:
    """The tables of docs/performance.md from a results dict (``--markdown``)."""
    ld = r["load"]
    out = [
        f"Measured {r['date']} with `{r['command'].strip()}` — ektp_extract {r['version']} "
        f"({r.get('build', 'pure Python')}), "
        f"Python {r['python']}, {r['cpu']}; corpus {r['corpus']['articles']} articles, "
        f"mean {r['corpus']['mean_kb']} KB; median of {r['repeats']} runs x {r['loops']} passes, "
        f"{'CPU' if r.get('clock') == 'cpu' else 'wall'} time; load average "
        f"{r.get('load_average')} on {r.get('cpus')} CPUs at the start.",
        "",
        "| measure | value | target |",
        "|---|---|---|",
        *_whole_rows(r),
        f"| `import ektp_extract` + `Extractor()` | {ld['total_s']:.2f} s "
        f"({ld['import_s']:.2f} + {ld['extractor_s']:.2f}) | < 2 s |",
        f"| first article after loading (regexes compiled on first use) | "
        f"{ld['first_extract_s']:.2f} s | |",
        f"| RSS after load and one article | {ld['rss_after_load_mb']:.0f} MB | |",
        f"| peak RSS after the timing runs | {r['peak_rss_mb']:.0f} MB | |",
    ]
    if "yardstick" in r:
        y = r["yardstick"]
        out.append(f"| `search_dates(text, languages=[\"id\"])` | {y['articles_per_s']:.1f} "
                   f"articles/s ({y['ms_per_article']:.1f} ms/article) | |")
        out.append(f"| ratio, whole extraction / search_dates (median of paired runs) | "
                   f"{y['ratio']:.1f}x | >= 10x |")
    out += ["", "| stage | µs/article | articles/s alone | share |", "|---|---|---|---|"]
    for name, v in r["stages"].items():
        out.append(f"| {name} | {v['us_per_article']:.1f} | {v['articles_per_s'] or 0:.0f} | "
                   f"{100 * (v['share'] or 0):.1f} % |")
    dk = r.get("dask", {}).get("per_workers")
    if dk:
        out += ["", "| workers x 1 thread | articles/s (wall) | per worker (wall) | "
                "per worker CPU second | worker RSS bare | worker RSS loaded |",
                "|---|---|---|---|---|---|"]
        for n, v in dk.items():
            out.append(f"| {n} | {v['articles_per_s']:.0f} | {v['articles_per_s_per_worker']:.0f} "
                       f"| {v.get('articles_per_worker_cpu_s') or 0:.0f} "
                       f"| {v['worker_rss_bare_mb']:.0f} MB | {v['worker_rss_loaded_mb']:.0f} MB |")
    return "\n".join(out)


# ---------------------------------------------------------------------- main
_ALL_CPUS: Optional[set[int]] = None


def _pin_one_core() -> Optional[int]:
    """Pin this process to one CPU (Linux); :func:`_unpin` restores the original set."""
    global _ALL_CPUS
    if hasattr(os, "sched_setaffinity"):
        _ALL_CPUS = set(os.sched_getaffinity(0))
        cpu = min(_ALL_CPUS)
        os.sched_setaffinity(0, {cpu})
        return cpu
    return None


def _unpin() -> None:
    """Before starting worker processes: they inherit the affinity of this one."""
    if _ALL_CPUS is not None:
        os.sched_setaffinity(0, _ALL_CPUS)


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def main(argv: Optional[list[str]] = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--repeats", type=int, default=7, help="timed runs per figure (median)")
    p.add_argument("--loops", type=int, default=5, help="passes over the corpus per timed run")
    p.add_argument("--yardstick-repeats", type=int, default=5,
                   help="paired runs of search_dates and the whole extraction")
    p.add_argument("--corpus", type=Path, action="append", default=[],
                   help="extra .txt file or folder to add to the corpus")
    p.add_argument("--skip-batch", action="store_true", help="do not run benchmarks/batch.py")
    p.add_argument("--skip-modules", action="store_true",
                   help="do not run the other benchmark modules of this folder")
    p.add_argument("--no-yardstick", action="store_true", help="skip dateparser search_dates")
    p.add_argument("--skip-dask", action="store_true",
                   help="do not measure Dask workers (needs the [dask] extra)")
    p.add_argument("--dask-articles", type=int, default=5000,
                   help="articles in the Dask worker measurement")
    p.add_argument("--quick", action="store_true", help="3 repeats, 1 loop: a smoke check")
    p.add_argument("--clock", choices=("cpu", "wall"), default="cpu",
                   help="time the loops by this process's CPU time (default) or wall time")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--installed", action="store_true",
                       help="measure the installed package, whatever its sources")
    which.add_argument("--checkout", action="store_true",
                       help="measure the checkout's sources (pure Python) even when the compiled "
                            "build of them is installed")
    p.add_argument("--out", type=Path, default=HERE / "results.json")
    p.add_argument("--markdown", type=Path, metavar="RESULTS_JSON",
                   help="print the tables of docs/performance.md from a results file and exit")
    args = p.parse_args(argv)
    if args.markdown is not None:
        print(markdown(json.loads(args.markdown.read_text(encoding="utf-8"))))
        return 0
    if args.quick:
        args.repeats, args.loops, args.yardstick_repeats = 3, 1, 1
    global _clock
    _clock = time.process_time if args.clock == "cpu" else time.perf_counter
    load_avg = os.getloadavg()[0] if hasattr(os, "getloadavg") else None

    corpus = load_corpus(args.corpus)
    texts = [t for _, t in corpus]
    sizes = [len(t.encode("utf-8")) for t in texts]
    cpu = _pin_one_core()
    print(f"ektp_extract {__version__} · Python {platform.python_version()} · {_cpu_name()}")
    print(f"build: {_build()} ({Path(ektp_extract.__file__).parent}; {CHOICE})")
    print(f"corpus: {len(texts)} articles, mean {statistics.mean(sizes) / 1000:.2f} KB "
          f"(min {min(sizes) / 1000:.1f}, max {max(sizes) / 1000:.1f})"
          + (f" · pinned to CPU {cpu}" if cpu is not None else ""))
    print(f"clock: {'CPU time of this process' if args.clock == 'cpu' else 'wall time'}"
          + (f" · load average {load_avg:.2f} on {os.cpu_count()} CPUs" if load_avg is not None
             else ""))

    load = bench_load(3)
    print(f"load: import {load['import_s']:.3f} s + Extractor() {load['extractor_s']:.3f} s "
          f"= {load['total_s']:.3f} s (target < {TARGET_LOAD_S:.0f} s); first article "
          f"{load['first_extract_s']:.3f} s (lazy regex compilation); "
          f"RSS {load['rss_after_load_mb']} MB")

    ex = Extractor()
    whole, many = bench_whole(ex, texts, args.repeats, args.loops)
    for label, w in (("many articles (Extractor.extract_many: batch runs, Dask, nlp.pipe)", many),
                     ("one article at a time (Extractor.extract)", whole)):
        runs = w["runs_articles_per_s"]
        print(f"whole extraction, {label}: {w['articles_per_s']:.0f} articles/s on one core "
              f"({w['ms_per_article']:.3f} ms/article; "
              f"{w['articles_per_s_at_3kb']:.0f}/s scaled to 3 KB articles; "
              f"the {len(runs)} timed runs {min(runs):.0f}–{max(runs):.0f}/s)")
    print(f"  extract_many is {many['speedup_paired']:.2f}x as fast as one extract after another "
          f"(median of {len(many['runs_articles_per_s'])} alternated pairs)")

    stages = bench_stages(ex, texts, args.repeats, args.loops)
    print("per stage (µs/article, articles/s that stage alone allows, share):")
    for name, v in stages["stages"].items():
        print(f"  {name:<12} {v['us_per_article']:>9.1f} µs  {v['articles_per_s'] or 0:>10.0f}/s"
              f"  {100 * (v['share'] or 0):5.1f} %")
    if stages["stage_failures"]:
        print(f"  stages that raised (per pass): {stages['stage_failures']}")
    rss = peak_rss_mb()
    print(f"peak RSS (extraction): {rss} MB")

    result: dict[str, Any] = {
        "date": datetime.now(timezone.utc).date().isoformat(),
        "command": "python benchmarks/run.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "version": __version__,
        "build": _build(),
        "measured": "installed" if INSTALLED else "checkout",
        "python": platform.python_version(),
        "cpu": _cpu_name(),
        "corpus": {"articles": len(texts), "mean_kb": round(statistics.mean(sizes) / 1000, 2)},
        "repeats": args.repeats, "loops": args.loops, "clock": args.clock,
        "load_average": round(load_avg, 2) if load_avg is not None else None,
        "cpus": os.cpu_count(),
        "load": load, "whole": whole, "whole_many": many, **stages, "peak_rss_mb": rss,
    }
    # (the throughput target is for many 3 KB articles: judged on extract_many, the way
    # articles are extracted in numbers, scaled to 3 KB)
    ok = many["articles_per_s_at_3kb"] >= TARGET_ARTICLES_PER_S and load["ready_s"] < TARGET_LOAD_S

    if not args.no_yardstick:
        yard = bench_yardstick(ex, texts, args.yardstick_repeats)
        ratio = yard["ratio"]
        result["yardstick"] = yard
        print(f"yardstick dateparser.search.search_dates(text, languages=['id']): "
              f"{yard['articles_per_s']:.1f} articles/s ({yard['ms_per_article']:.1f} ms/article)")
        print(f"ratio: whole extraction is {ratio:.1f}x faster than search_dates alone "
              f"(target >= {TARGET_RATIO:.0f}x; median of {args.yardstick_repeats} paired runs)")
        ok = ok and ratio >= TARGET_RATIO

    _unpin()  # what follows measures several processes
    if not args.skip_dask:
        dk = bench_dask(texts, 500 if args.quick else args.dask_articles, (1, 2))
        result["dask"] = dk
        if "skipped" in dk:
            print(f"dask: skipped ({dk['skipped']})")
        for w, v in dk.get("per_workers", {}).items():
            print(f"dask, {w} worker(s) x 1 thread, {dk['articles']} articles: "
                  f"{v['articles_per_s']:.0f} articles/s ({v['articles_per_s_per_worker']:.0f} per "
                  f"worker; {v['articles_per_worker_cpu_s'] or 0:.0f} per worker CPU second), worker RSS {v['worker_rss_bare_mb']:.0f} MB bare -> "
                  f"{v['worker_rss_loaded_mb']:.0f} MB with the extractor")

    if not args.skip_modules:
        mods: dict[str, Any] = {}
        for name, slow in MODULES:
            if slow and args.skip_batch:
                mods[name] = {"skipped": "--skip-batch"}
                continue
            if INSTALLED and not SAME_SOURCES:  # (the module benchmarks read the checkout)
                mods[name] = {"skipped": "the installed package is of other sources"}
                continue
            mods[name] = run_module(name, args.quick)
            status = ("skipped: " + mods[name]["skipped"]) if "skipped" in mods[name] else (
                "error: " + mods[name]["error"] if "error" in mods[name] else "done")
            print(f"benchmarks/{name}.py: {status}")
        result["modules"] = mods

    result["targets_met"] = ok
    print(f"targets ({TARGET_ARTICLES_PER_S:.0f} articles/s at 3 KB, {TARGET_RATIO:.0f}x search_dates, "
          f"load < {TARGET_LOAD_S:.0f} s): {'met' if ok else 'NOT met'}")
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"written: {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
