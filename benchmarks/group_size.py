"""Articles/s and memory of grouped extraction by group size (``GROUP_ARTICLES``).

    python benchmarks/group_size.py                      # sizes 1,16,32,64,128 over 512 articles
    python benchmarks/group_size.py --sizes 16,64 --articles 256 --repeats 5

``Extractor.extract_many`` takes the articles in groups and runs each stage over a whole
group before the next stage (see docs/performance.md, "Many articles"). This script times
that with several group sizes over the same articles: a corpus written by
``batch.make_corpus`` (the fixtures, varied: paragraphs shuffled and figures changed, so that
no two articles are the same text), cut into groups of each size and run through
``Extractor._extract_group``, the code ``extract_many`` runs for each group.

- **Speed**: one core (pinned where the platform allows), CPU time of this process; a warm-up
  pass, then ``--repeats`` rounds, each timing one pass per size in a shuffled order; the
  median per size, as articles/s and scaled to 3 KB articles.
- **Memory**: the peak RSS (``ru_maxrss``) that one pass with each size adds to a process that
  has already made a pass in groups of one, each size in a fresh interpreter.
- **Same results**: the first pass of each size must give the JSON that ``Extractor.extract``
  gives for every article, else the script fails.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Iterator, Optional

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))
try:  # the installed package (the compiled build where it was built), else the checkout
    import ektp_extract
except ImportError:
    sys.path.insert(0, str(ROOT))
    import ektp_extract

from batch import make_corpus  # noqa: E402

from ektp_extract import Extractor  # noqa: E402
from ektp_extract.models import ArticleExtraction  # noqa: E402


def _texts(corpus: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(corpus.rglob("*.txt"))]


def _results(ex: Extractor, texts: list[str], size: int) -> Iterator[ArticleExtraction]:
    """The results of ``texts`` extracted in groups of ``size``, in order."""
    for g in range(0, len(texts), size):
        yield from ex._extract_group([(t, None, None, None) for t in texts[g:g + size]])


def _one_pass(ex: Extractor, texts: list[str], size: int) -> list[str]:
    return [r.content_hash for r in _results(ex, texts, size)]


def _pin() -> Optional[set[int]]:
    """Pin this process to one CPU; the CPUs it had (None where the platform cannot)."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    cpus = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {max(cpus)})
    return cpus


def speed(texts: list[str], sizes: list[int], repeats: int) -> dict[int, dict[str, Any]]:
    ex = Extractor()
    want = [ex.extract(t).to_json() for t in texts]
    for size in sizes:  # the results, and a warm-up pass
        if [r.to_json() for r in _results(ex, texts, size)] != want:
            raise SystemExit(f"groups of {size} give other results than Extractor.extract")
    times: dict[int, list[float]] = {s: [] for s in sizes}
    for _ in range(repeats):
        order = sizes[:]
        random.shuffle(order)
        for size in order:
            t0 = time.process_time()
            _one_pass(ex, texts, size)
            times[size].append(time.process_time() - t0)
    scale = statistics.mean(map(len, texts)) / 3000
    out: dict[int, dict[str, Any]] = {}
    for size, ts in times.items():
        rate = len(texts) / statistics.median(ts)
        runs = [round(len(texts) / t * scale) for t in sorted(ts, reverse=True)]
        out[size] = {"articles_per_s": round(rate, 1), "at_3kb": round(rate * scale, 1),
                     "runs_at_3kb": runs}
    return out


def _rss_child(corpus: Path, size: int) -> None:
    ex = Extractor()
    texts = _texts(corpus)
    _one_pass(ex, texts, 1)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    _one_pass(ex, texts, size)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"base_mb": before / 1024, "added_mb": (after - before) / 1024}))


def memory(corpus: Path, sizes: list[int]) -> dict[int, dict[str, float]]:
    out = {}
    for size in sizes:
        res = subprocess.run([sys.executable, __file__, "--rss-child", str(size),
                              "--corpus", str(corpus)], capture_output=True, text=True, check=True)
        r = json.loads(res.stdout.strip().splitlines()[-1])
        out[size] = {"base_mb": round(r["base_mb"], 1), "added_mb": round(r["added_mb"], 1)}
    return out


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1,16,32,64,128", help="group sizes, comma-separated")
    ap.add_argument("--articles", type=int, default=512, help="articles written by make_corpus")
    ap.add_argument("--repeats", type=int, default=9)
    ap.add_argument("--corpus", type=Path, help="a folder of .txt articles instead of make_corpus")
    ap.add_argument("--skip-memory", action="store_true")
    ap.add_argument("--out", type=Path, help="write the figures as JSON")
    ap.add_argument("--rss-child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.rss_child is not None:
        _rss_child(args.corpus, args.rss_child)
        return 0
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus or make_corpus(Path(tmp) / "corpus", args.articles)
        texts = _texts(corpus)
        build = "compiled (mypyc)" if getattr(ektp_extract, "COMPILED", False) else "pure Python"
        print(f"ektp_extract {Path(ektp_extract.__file__).parent} ({build})")
        mean_kb = statistics.mean(map(len, texts)) / 1000
        print(f"corpus: {len(texts)} articles, mean {mean_kb:.2f} KB")
        mem = {} if args.skip_memory else memory(corpus, sizes)
        cpus = _pin()
        try:
            fast = speed(texts, sizes, args.repeats)
        finally:
            if cpus is not None:
                os.sched_setaffinity(0, cpus)
    result: dict[str, Any] = {"articles": len(texts), "sizes": {}}
    for size in sizes:
        f = fast[size]
        runs = f["runs_at_3kb"]
        line = (f"groups of {size:>4}: {f['articles_per_s']:6.0f} articles/s, "
                f"{f['at_3kb']:4.0f}/s at 3 KB (runs {min(runs)}–{max(runs)})")
        if size in mem:
            line += f"; peak RSS +{mem[size]['added_mb']:.1f} MB over groups of one"
        print(line)
        result["sizes"][size] = {**f, **mem.get(size, {})}
    print("results: the same as Extractor.extract for every size")
    if args.out:
        args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
