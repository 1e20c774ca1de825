"""Instructions per article of one extraction stage, counted by valgrind's callgrind.

Instruction counts do not depend on the machine's load, so two trees can be compared
while other work runs. Usage (valgrind must be installed)::

    python benchmarks/stage_instructions.py officials      # or agencies, dates, quotes, ...
    python benchmarks/stage_instructions.py officials --reps 3
    python benchmarks/stage_instructions.py prep        # or assembly, json
    python benchmarks/stage_instructions.py whole       # Extractor.extract, end to end

The articles are the bundled fixtures and the seed (``stage_timing.default_articles``),
each prepared by the stages before the measured one outside the counted region; the stage
itself runs inside ``functools.reduce``, the only function callgrind counts. Besides the
stages: ``prep`` is the text preparation of ``Extractor.extract`` up to the first stage
(``stage_timing.started``; the prepared documents are kept, so their release is not
counted), ``assembly`` is ``Extractor._assemble`` after every stage, ``json`` is
``ArticleExtraction.to_json`` of the finished results, ``whole`` is ``Extractor.extract``
end to end (each result released when the next is made, as in a run over a folder).
"""
from __future__ import annotations

import argparse
import functools
import gc
import os
import subprocess
import sys
import tempfile

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
EXTRA = ("prep", "assembly", "json", "whole")


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
             "--toggle-collect=functools_reduce", sys.executable, __file__, a.stage, "--reps", str(a.reps),
             "--inner"],
            capture_output=True, text=True, env=env,
        )
        n = [int(line.split()[1]) for line in run.stderr.splitlines() if line.startswith("docs ")]
        if run.returncode != 0 or not n:
            print(run.stderr[-2000:], file=sys.stderr)
            return 1
        ann = subprocess.run(["callgrind_annotate", out], capture_output=True, text=True).stdout
        total = next(int(line.split()[0].replace(",", "")) for line in ann.splitlines() if "PROGRAM TOTALS" in line)
    print(f"{a.stage} instructions per article: {total / n[0] / 1e6:.4f} M (articles {n[0]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
