"""Time of number and quantity extraction (the ``quantities`` stage) per article.

    python benchmarks/quantities.py              # the development fixtures and the seed
    python benchmarks/quantities.py a.txt b.txt  # your own articles
    python benchmarks/quantities.py --each       # each stage right after the earlier ones
    python benchmarks/quantities.py --against /work/main   # this checkout against another

Each article is prepared up to the stage (for quantities: boilerplate, meta,
dates; for targets: every stage before it) outside the timed region; the
stage then runs over all the prepared documents in one go (kept out of the
garbage collector's way, as an extraction holds one document at a time), on
one core, and the fastest of several rounds counts (CPU time of this process,
so other load on the machine inflates the figure less). The budgets per 3 KB
article are 300 µs for quantities and 100 µs for targets (docs/quantities.md).

``--each`` instead times each document's stage right after the stages before
it ran on it, as in an extraction: the stage's own compiled patterns and word
tables are then no longer in the processor's caches (the earlier stages
evicted them), which costs more than the work itself on a small article — the
figure to expect inside a full extraction, not the one to compare changes by.

``--against DIR`` compares this checkout with another one (``DIR`` holds its
``ektp_extract`` and ``patterns``, e.g. the main checkout) in one process: the other
package is copied under another name and both run the stages quantities, targets
and boilerplate on fresh documents, in alternating order, each document timed alone;
the sum of each document's fastest time counts. Short timings and per-document
minima find the quiet moments of a loaded machine, so the ratio stays steady
where separate runs differ by a third; an A/A run (the same code twice) still
differs by up to 3%, the noise floor of a ratio.

``run(articles)`` is what ``benchmarks/run.py`` imports.
"""

from __future__ import annotations

import gc
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable, Iterator, Optional

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from ektp_extract import Extractor  # noqa: E402
from ektp_extract.document import Document  # noqa: E402

BUDGET_US_PER_3KB = 300.0
TARGETS_BUDGET_US_PER_3KB = 100.0


from stage_timing import calibration_ms, default_articles, prepared, time_stage, time_stage_each  # noqa: E402


def run(
    articles: Optional[list[str]] = None, *, quick: bool = False, each: bool = False
) -> dict[str, Any]:
    """Time the quantities (and targets) stage on ``articles`` (default: fixtures + seed);
    ``each``: time each document's stage right after the stages before it ran on it."""
    from ektp_extract.kinds import quantities, targets

    texts = articles if articles is not None else default_articles()
    texts = [t for t in texts if t.strip()]
    if not texts:
        return {"skipped": "no articles"}
    ex = Extractor()
    copies = 3 if quick else 10
    rounds = 3 if quick else 7
    # warm up: compile the lexicon regexes outside the timed region
    for t in texts[:3]:
        ex.extract(t)

    def docs_for(stage: str) -> Callable[[], list[Document]]:
        return lambda: [prepared(ex, t, stage, ("date", "notquantity")) for t in texts for _ in range(copies)]

    def one_by_one(stage: str) -> Callable[[], Iterator[Document]]:
        return lambda: (prepared(ex, t, stage, ("date", "notquantity")) for t in texts for _ in range(copies))

    if each:
        q_s = time_stage_each(one_by_one("quantities"), quantities.run, rounds)
        t_s = time_stage_each(one_by_one("targets"), targets.run, rounds)
    else:
        q_s = time_stage(docs_for("quantities"), quantities.run, rounds)
        t_s = time_stage(docs_for("targets"), targets.run, rounds)
    chars = statistics.mean(len(t) for t in texts)
    per_3kb = q_s * 1e6 * 3000 / chars
    t_per_3kb = t_s * 1e6 * 3000 / chars
    records = sum(len(ex.extract(t).quantities) for t in texts)
    return {
        "articles": len(texts),
        "mean_chars": round(chars),
        "method": "each document right after its earlier stages" if each else "batch",
        "quantities_per_article": round(records / len(texts), 1),
        "quantities_us_per_article": round(q_s * 1e6, 1),
        "quantities_us_per_3kb": round(per_3kb, 1),
        "targets_us_per_article": round(t_s * 1e6, 1),
        "targets_us_per_3kb": round(t_per_3kb, 1),
        "budget_us_per_3kb": BUDGET_US_PER_3KB,
        "targets_budget_us_per_3kb": TARGETS_BUDGET_US_PER_3KB,
        "within_budget": per_3kb <= BUDGET_US_PER_3KB and t_per_3kb <= TARGETS_BUDGET_US_PER_3KB,
        "calibration_loop_ms": round(calibration_ms(), 1),
    }


def against(
    other: Path, articles: Optional[list[str]] = None, rounds: int = 15,
    stages: tuple[str, ...] = ("quantities", "targets", "boilerplate"),
) -> dict[str, dict[str, float]]:
    """µs per article of ``stages`` in this checkout ("this") and in ``other`` ("other"):
    the mean over the articles of each one's fastest time over ``rounds`` rounds."""
    import importlib
    import shutil
    import tempfile

    texts = [t for t in (articles if articles is not None else default_articles()) if t.strip()]
    tmp = Path(tempfile.mkdtemp(prefix="ektp_against_"))
    try:
        shutil.copytree(other / "ektp_extract", tmp / "ektp_other")
        shutil.copytree(other / "patterns", tmp / "patterns")
        sys.path.insert(0, str(tmp))
        packages = {}
        for label, name in (("this", "ektp_extract"), ("other", "ektp_other")):
            pkg = importlib.import_module(name)
            doc_m = importlib.import_module(f"{name}.document")
            text_m = importlib.import_module(f"{name}.text")
            ex = pkg.Extractor()
            for t in texts:
                ex.extract(t)
            packages[label] = (ex, doc_m.Document, text_m)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    def prepared(label: str, text: str, stop: str) -> tuple[Any, Callable[[Any], None]]:
        ex, document, text_m = packages[label]
        prep = text_m.normalise(text)
        prep.source = text
        doc = document(prep=prep, lexicon=ex.lexicon, mask=text_m.Mask(prep.norm), warnings=[])
        for name, stage in ex.stages:
            if name == stop:
                return doc, stage
            stage(doc)
        raise KeyError(stop)

    clock = time.process_time
    out: dict[str, dict[str, float]] = {}
    for stop in stages:
        best = {label: [float("inf")] * len(texts) for label in packages}
        for r in range(rounds):
            for label in ("this", "other") if r % 2 == 0 else ("other", "this"):
                pairs = [prepared(label, t, stop) for t in texts]
                gc.collect()
                gc.disable()
                try:
                    for i, (doc, stage) in enumerate(pairs):
                        t0 = clock()
                        stage(doc)
                        best[label][i] = min(best[label][i], clock() - t0)
                finally:
                    gc.enable()
        out[stop] = {label: round(sum(v) / len(v) * 1e6, 1) for label, v in best.items()}
        out[stop]["ratio"] = round(out[stop]["this"] / out[stop]["other"], 3)
    return out


def main(argv: list[str]) -> int:
    each = "--each" in argv
    if "--against" in argv:
        i = argv.index("--against")
        other = Path(argv[i + 1])
        rest = argv[:i] + argv[i + 2 :]
        arts_ = [Path(a).read_text(encoding="utf-8") for a in rest if a != "--each"] or None
        for stage, r in against(other, arts_).items():
            print(f"{stage:12s} this {r['this']:7.1f} µs   other {r['other']:7.1f} µs   ratio {r['ratio']:.3f}")
        return 0
    arts = [Path(a).read_text(encoding="utf-8") for a in argv if a != "--each"] or None
    res = run(arts, each=each)
    for k, v in res.items():
        print(f"{k:28s} {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
