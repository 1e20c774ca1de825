"""Instructions per article of one extraction stage, counted by valgrind's callgrind.

Instruction counts do not depend on the machine's load, so two trees can be compared
while other work runs. Usage (valgrind must be installed)::

    python benchmarks/stage_instructions.py officials      # or agencies, dates, quotes, ...
    python benchmarks/stage_instructions.py officials --reps 3
    python benchmarks/stage_instructions.py prep        # or assembly, json
    python benchmarks/stage_instructions.py whole       # Extractor.extract, end to end
    python benchmarks/stage_instructions.py many        # Extractor.extract_many, end to end
    python benchmarks/stage_instructions.py many --cache   # also simulated cache misses

The articles are the bundled fixtures and the seed (``stage_timing.default_articles``),
each prepared by the stages before the measured one outside the counted region; the stage
itself runs inside ``functools.reduce``, the only function callgrind counts. Besides the
stages: ``prep`` is the text preparation of ``Extractor.extract`` up to the first stage
(``stage_timing.started``; the prepared documents are kept, so their release is not
counted), ``assembly`` is ``Extractor._assemble`` after every stage, ``json`` is
``ArticleExtraction.to_json`` of the finished results, ``whole`` is ``Extractor.extract``
end to end (each result released when the next is made, as in a run over a folder) and
``many`` is ``Extractor.extract_many`` over the same articles (groups of articles, one stage
at a time over a group).

``--cache`` adds callgrind's cache simulation: misses per article of a 32 KB first-level
instruction cache and data cache, and of a 1 MB last level (the size of this machine's
per-core second-level cache, where the stages' code and tables compete).
"""
from __future__ import annotations

import argparse
import functools
import gc
import os
import subprocess
import sys
import tempfile
from collections import deque

HERE = os.path.dirname(os.path.abspath(__file__))


def _inner(stage_name: str, reps: int) -> None:
    sys.path.insert(0, os.path.dirname(HERE))
    sys.path.insert(0, HERE)
    from ektp_extract import Extractor
    from stage_timing import default_articles, prepared

    ex = Extractor()
    texts = [t for t in default_articles() if t.strip()]
    if stage_name in EXTRA:
        _inner_extra(ex, stage_name, texts, reps)
        return
    stage = dict(ex.stages)[stage_name]
    for t in texts:  # warm the look-ups built on first use
        stage(prepared(ex, t, stage_name))
    docs = [prepared(ex, t, stage_name) for _ in range(reps) for t in texts]
    gc.collect()
    gc.freeze()
    functools.reduce(lambda _, d: stage(d), docs, None)
    print("docs", len(docs), file=sys.stderr)


#: What is measured besides the stages (see the module's doc).
EXTRA = ("prep", "assembly", "json", "whole", "many")

#: The caches simulated with ``--cache`` (size, associativity, line size).
CACHE_ARGS = ["--cache-sim=yes", "--I1=32768,8,64", "--D1=32768,8,64", "--LL=1048576,8,64"]


def _inner_extra(ex: "Extractor", what: str, texts: list[str], reps: int) -> None:
    from ektp_extract import Extractor
    from stage_timing import started

    kept: list[object] = []
    if what == "prep":
        for t in texts:  # warm
            started(ex, t)
        items: list = [t for _ in range(reps) for t in texts]
        step = lambda acc, t: acc.append(started(ex, t)) or acc  # noqa: E731 (kept: no release counted)
    elif what == "assembly":
        def finished(t: str) -> tuple:
            doc, res = started(ex, t)
            for _, stage in ex.stages:
                stage(doc)
            return doc, res
        for t in texts:
            Extractor._assemble(*finished(t))
        items = [finished(t) for _ in range(reps) for t in texts]
        step = lambda acc, dr: Extractor._assemble(*dr) or acc  # noqa: E731
    elif what == "whole":
        for t in texts:
            ex.extract(t)
        items = [t for _ in range(reps) for t in texts]
        step = lambda acc, t: ex.extract(t)  # noqa: E731 (the result before is released here)
        kept = None  # type: ignore[assignment]
    elif what == "many":
        deque(ex.extract_many(texts), maxlen=0)
        items = [t for _ in range(reps) for t in texts]
        # one step: every article through extract_many, each result released as the next comes
        step = lambda acc, ts: deque(ex.extract_many(ts), maxlen=0)  # noqa: E731
        gc.collect()
        gc.freeze()
        functools.reduce(step, [items], None)
        print("docs", len(items), file=sys.stderr)
        return
    else:
        items = [ex.extract(t) for _ in range(reps) for t in texts]
        for r in items:
            r.to_json()
        step = lambda acc, r: acc.append(r.to_json()) or acc  # noqa: E731
    gc.collect()
    gc.freeze()
    functools.reduce(step, items, kept)
    print("docs", len(items), file=sys.stderr)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("stage")
    ap.add_argument("--reps", type=int, default=1)
    ap.add_argument("--cache", action="store_true", help="also simulate the caches (slower)")
    ap.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.inner:
        _inner(a.stage, a.reps)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "callgrind.out")
        env = dict(os.environ, PYTHONHASHSEED="0")
        run = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", "--collect-atstart=no",
             "--toggle-collect=functools_reduce", *(CACHE_ARGS if a.cache else []), sys.executable, __file__, a.stage, "--reps", str(a.reps),
             "--inner"],
            capture_output=True, text=True, env=env,
        )
        n = [int(line.split()[1]) for line in run.stderr.splitlines() if line.startswith("docs ")]
        if run.returncode != 0 or not n:
            print(run.stderr[-2000:], file=sys.stderr)
            return 1
        ann = subprocess.run(["callgrind_annotate", out], capture_output=True, text=True).stdout
        totals = next(line for line in ann.splitlines() if "PROGRAM TOTALS" in line)
        events = next(line for line in ann.splitlines() if line.startswith("Events shown:")).split()[2:]
        # (each count is followed by its share in parentheses)
        counts = dict(zip(events, (int(x.replace(",", "")) for x in totals.split() if x[0].isdigit())))
    total = counts["Ir"]
    print(f"{a.stage} instructions per article: {total / n[0] / 1e6:.4f} M (articles {n[0]})")
    if a.cache:
        per = {k: v / n[0] / 1000 for k, v in counts.items()}
        print(f"misses per article (thousands): first-level instructions {per['I1mr']:.1f}, "
              f"data {per['D1mr'] + per['D1mw']:.1f}; 1 MB last level: instructions "
              f"{per['ILmr']:.1f}, data {per['DLmr'] + per['DLmw']:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
