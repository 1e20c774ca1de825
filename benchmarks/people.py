"""Time of the agencies, officials and quotes stages per article, with the full lexicons.

    python benchmarks/people.py              # the development fixtures and the seed
    python benchmarks/people.py a.txt b.txt  # your own articles
    python benchmarks/people.py --each       # each stage right after the earlier ones

The method is that of ``benchmarks/quantities.py``: each article is prepared
up to the stage (every stage before it in ``Extractor.stages``: for agencies
boilerplate, meta, dates and quantities; officials also after agencies, whose
matches it reads; quotes also after officials) outside the timed region; the
stage then runs over all the prepared documents in one go (kept out of the
garbage collector's way, as an extraction holds one document at a time), on
one core, and the fastest of several rounds counts (CPU time of this process,
so other load on the machine inflates the figure less). The three stages
together have a budget of 1000 µs per 3 KB article (docs/performance.md).

``--each`` instead times each document's stage right after the stages before
it ran on it, as in an extraction: the stage's own compiled patterns and word
tables are then no longer in the processor's caches (the earlier stages
evicted them), which costs more than the work itself on a small article — the
figure to expect inside a full extraction, not the one to compare changes by.

``run(articles)`` is what ``benchmarks/run.py`` imports.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path
from typing import Any, Callable, Iterator, Optional

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from ektp_extract import Extractor  # noqa: E402
from ektp_extract.document import Document  # noqa: E402

#: Budget of agencies + officials + quotes together, µs per 3 KB article.
BUDGET_US_PER_3KB = 1000.0

#: The stages timed, in pipeline order.
STAGES = ("agencies", "officials", "quotes")


from stage_timing import calibration_ms, default_articles, prepared, time_stage, time_stage_each  # noqa: E402


def run(
    articles: Optional[list[str]] = None, *, quick: bool = False, each: bool = False
) -> dict[str, Any]:
    """Time the agencies, officials and quotes stages on ``articles`` (default: fixtures +
    seed); ``each``: time each document's stage right after the stages before it ran on it."""
    texts = articles if articles is not None else default_articles()
    texts = [t for t in texts if t.strip()]
    if not texts:
        return {"skipped": "no articles"}
    ex = Extractor()  # the full lexicons, as shipped
    stages = dict(ex.stages)
    copies = 3 if quick else 10
    rounds = 3 if quick else 7
    # warm up: compile the lexicon regexes outside the timed region
    for t in texts[:3]:
        ex.extract(t)

    def docs_for(stage: str) -> Callable[[], list[Document]]:
        return lambda: [prepared(ex, t, stage) for t in texts for _ in range(copies)]

    def one_by_one(stage: str) -> Callable[[], Iterator[Document]]:
        return lambda: (prepared(ex, t, stage) for t in texts for _ in range(copies))

    seconds: dict[str, float] = {}
    for name in STAGES:
        if each:
            seconds[name] = time_stage_each(one_by_one(name), stages[name], rounds)
        else:
            seconds[name] = time_stage(docs_for(name), stages[name], rounds)
    chars = statistics.mean(len(t) for t in texts)
    results = [ex.extract(t) for t in texts]
    out: dict[str, Any] = {
        "articles": len(texts),
        "mean_chars": round(chars),
        "method": "each document right after its earlier stages" if each else "batch",
    }
    for name in STAGES:
        n = sum(len(getattr(r, name)) for r in results)
        out[f"{name}_per_article"] = round(n / len(texts), 1)
        out[f"{name}_us_per_article"] = round(seconds[name] * 1e6, 1)
        out[f"{name}_us_per_3kb"] = round(seconds[name] * 1e6 * 3000 / chars, 1)
    total = sum(seconds.values())
    per_3kb = total * 1e6 * 3000 / chars
    out.update({
        "total_us_per_article": round(total * 1e6, 1),
        "total_us_per_3kb": round(per_3kb, 1),
        "budget_us_per_3kb": BUDGET_US_PER_3KB,
        "within_budget": per_3kb <= BUDGET_US_PER_3KB,
        "calibration_loop_ms": round(calibration_ms(), 1),
    })
    return out


def main(argv: list[str]) -> int:
    each = "--each" in argv
    arts = [Path(a).read_text(encoding="utf-8") for a in argv if a != "--each"] or None
    res = run(arts, each=each)
    for k, v in res.items():
        print(f"{k:28s} {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
