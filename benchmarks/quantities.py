"""Time of number and quantity extraction (the ``quantities`` stage) per article.

    python benchmarks/quantities.py              # the development fixtures and the seed
    python benchmarks/quantities.py a.txt b.txt  # your own articles

Each article is prepared up to the quantities stage (boilerplate, meta, dates)
outside the timed region (and kept out of the garbage collector's way, as an
extraction holds one document at a time); the stage then runs on fresh
copies, on one core, and the fastest of several rounds counts (CPU time of
this process, so other load on the machine inflates the figure less). The budget is 500 µs per 3 KB
article (docs/quantities.md). The targets stage is timed the same way.

``run(articles)`` is what ``benchmarks/run.py`` imports.
"""

from __future__ import annotations

import gc
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable, Optional

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from ektp_extract import Extractor  # noqa: E402
from ektp_extract.document import Document  # noqa: E402
from ektp_extract.text import Mask, normalise  # noqa: E402

BUDGET_US_PER_3KB = 500.0


def default_articles() -> list[str]:
    """The development fixtures, plus the seed article when it is beside the checkout."""
    paths = sorted((ROOT / "fixtures" / "articles").glob("*.txt"))
    seed = ROOT.parent / "shared" / "seeds" / "solopos-2016-04-19-magelang-ektp.txt"
    if seed.is_file():
        paths.append(seed)
    return [p.read_text(encoding="utf-8") for p in paths]


def _prepared(ex: Extractor, text: str, stop: str) -> Document:
    """A Document after the stages before ``stop`` (the working text built, claims indexed)."""
    prep = normalise(text)
    doc = Document(prep=prep, lexicon=ex.lexicon, mask=Mask(prep.norm), warnings=[])
    for name, stage in ex.stages:
        if name == stop:
            break
        stage(doc)
    _ = doc.text, doc.sentences
    doc.is_claimed(0, 1, "date", "notquantity")
    return doc


def _time_stage(
    docs_for: Callable[[], list[Document]], stage: Callable[[Document], None], rounds: int
) -> float:
    """Fastest CPU seconds per document over ``rounds`` rounds on fresh documents."""
    best = float("inf")
    for _ in range(rounds):
        docs = docs_for()
        # The prepared documents would make every garbage collection walk them all;
        # an extraction holds one document at a time, so keep them out of the GC.
        gc.collect()
        gc.freeze()
        try:
            t0 = time.process_time()
            for d in docs:
                stage(d)
            best = min(best, (time.process_time() - t0) / len(docs))
        finally:
            gc.unfreeze()
    return best


def _calibration_ms() -> float:
    """CPU ms of a fixed pure-Python loop: compare runs made under different machine load."""
    t0 = time.process_time()
    x = 0
    for i in range(1_000_000):
        x += i
    return (time.process_time() - t0) * 1e3


def run(articles: Optional[list[str]] = None, *, quick: bool = False) -> dict[str, Any]:
    """Time the quantities (and targets) stage on ``articles`` (default: fixtures + seed)."""
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

    def q_docs() -> list[Document]:
        return [_prepared(ex, t, "quantities") for t in texts for _ in range(copies)]

    q_s = _time_stage(q_docs, quantities.run, rounds)

    def t_docs() -> list[Document]:
        out = []
        for t in texts:
            for _ in range(copies):
                d = _prepared(ex, t, "targets")
                out.append(d)
        return out

    t_s = _time_stage(t_docs, targets.run, rounds)
    chars = statistics.mean(len(t) for t in texts)
    per_3kb = q_s * 1e6 * 3000 / chars
    records = sum(len(ex.extract(t).quantities) for t in texts)
    return {
        "articles": len(texts),
        "mean_chars": round(chars),
        "quantities_per_article": round(records / len(texts), 1),
        "quantities_us_per_article": round(q_s * 1e6, 1),
        "quantities_us_per_3kb": round(per_3kb, 1),
        "targets_us_per_article": round(t_s * 1e6, 1),
        "budget_us_per_3kb": BUDGET_US_PER_3KB,
        "within_budget": per_3kb <= BUDGET_US_PER_3KB,
        "calibration_loop_ms": round(_calibration_ms(), 1),
    }


def main(argv: list[str]) -> int:
    arts = [Path(a).read_text(encoding="utf-8") for a in argv] or None
    res = run(arts)
    for k, v in res.items():
        print(f"{k:28s} {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
