"""Our date pass against ``dateparser.search.search_dates`` on the same articles: time and F1.

    python benchmarks/dates_vs_dateparser.py              # fixtures/articles (+ the seed), 5 repeats
    python benchmarks/dates_vs_dateparser.py --quick      # 2 repeats, one search_dates pass
    python benchmarks/dates_vs_dateparser.py --json out.json a.txt b.txt

Timings are medians over repeats, in the same process and run, on one core:

- ``stage``: ``kinds.dates.run`` alone, on documents already prepared (normalised,
  boilerplate and header read) — the date pass itself;
- ``pipeline``: normalisation + boilerplate + meta (which finds the reference date)
  + the date pass — everything needed to go from raw text to dates;
- ``search_dates``: ``search_dates(text, languages=["id"], settings={"RELATIVE_BASE":
  <publication date>})`` on the raw text (given the reference, as ours is).

F1 follows SPEC §6 (``ektp_extract.evaluate.score_dates``: distinct ISO values, compared
at the gold's granularity) on the articles that have gold in ``fixtures/gold``. A
search_dates datetime at midnight counts as a day, any other as a minute; being cut to
the gold's granularity, its invented days ("Desember 2015" → 2015-12-18) still match a
month in the gold, which flatters it.

``run()`` is imported by ``benchmarks/run.py``; it returns a dict (see ``_result``).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Callable, Optional

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from ektp_extract import Extractor  # noqa: E402
from ektp_extract.document import Document  # noqa: E402
from ektp_extract.evaluate import Score, score_dates  # noqa: E402
from ektp_extract.kinds import boilerplate, dates, meta  # noqa: E402
from ektp_extract.kinds.meta import reference_from  # noqa: E402
from ektp_extract.text import Mask, normalise  # noqa: E402

GOLD = ROOT / "fixtures" / "gold"
SEED = ROOT.parent / "shared" / "seeds" / "solopos-2016-04-19-magelang-ektp.txt"


def default_articles() -> list[str]:
    """Paths of the development articles, plus the seed when it sits beside the checkout."""
    paths = sorted(str(p) for p in (ROOT / "fixtures" / "articles").glob("*.txt"))
    if SEED.is_file():
        paths.append(str(SEED))
    return paths


def _load(items: list[str]) -> list[tuple[str, str, Optional[dict[str, Any]]]]:
    """(id, text, gold or None) for each item: a path to a .txt file, or a text."""
    out = []
    for i, item in enumerate(items):
        p = Path(item)
        if len(item) < 4096 and "\n" not in item and p.is_file():
            g = GOLD / f"{p.stem}.json"
            gold = json.loads(g.read_text(encoding="utf-8")) if g.is_file() else None
            out.append((p.stem, p.read_text(encoding="utf-8"), gold))
        else:
            out.append((f"text-{i}", item, None))
    return out


def _prepare(ex: Extractor, text: str) -> Document:
    """A document after boilerplate and meta: what the date pass reads."""
    prep = normalise(text)
    doc = Document(prep=prep, lexicon=ex.lexicon, mask=Mask(prep.norm))
    boilerplate.run(doc)
    meta.run(doc)
    _ = doc.text
    return doc


def _date_pass(doc: Document) -> None:
    doc.dates = []
    doc.claimed = {}
    doc.warnings = []
    dates.run(doc)


def _median_ms(fn: Callable[[], None], n_items: int, repeats: int) -> float:
    runs = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t0) * 1000 / max(1, n_items))
    return round(statistics.median(runs), 4)


def _dp_value(dt: datetime) -> str:
    if (dt.hour, dt.minute, dt.second) == (0, 0, 0):
        return dt.date().isoformat()
    return dt.replace(second=0, microsecond=0).isoformat()


def _add(total: Score, s: Score) -> None:
    total.tp += s.tp
    total.gold += s.gold
    total.pred += s.pred


def _scores(total: Score) -> dict[str, Any]:
    p, r = total.precision, total.recall
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4),
            "tp": total.tp, "gold": total.gold, "pred": total.pred}


def run(articles: Optional[list[str]] = None, quick: bool = False, repeats: Optional[int] = None,
        yardstick_repeats: Optional[int] = None) -> dict[str, Any]:
    """Time and score our date pass and ``search_dates`` on ``articles`` (paths or texts).

    Returns ``{"articles", "scored_articles", "ours": {...}, "search_dates": {...},
    "speedup_stage", "speedup_pipeline", "misses"}``; timings in ms per article.
    """
    from dateparser.search import search_dates

    items = _load(articles if articles is not None else default_articles())
    if not items:
        return {"skipped": "no articles"}
    repeats = repeats or (2 if quick else 5)
    yardstick_repeats = yardstick_repeats or (1 if quick else 3)
    ex = Extractor()
    texts = [t for _, t, _ in items]

    # F1, ours: the full extractor (the publication date is meta's record, as in the gold)
    results = [ex.extract(t, article_id=aid) for aid, t, _ in items]
    ours_total, dp_total = Score(), Score()
    misses: dict[str, Any] = {}
    refs: list[Optional[datetime]] = []
    for (aid, _, gold), res in zip(items, results):
        ref = reference_from((gold or {}).get("published") or res.meta.published)
        refs.append(ref)
        if gold is None:
            continue
        s, m = score_dates(gold.get("dates", []), res)
        _add(ours_total, s)
        if m["fn"] or m["fp"]:
            misses[aid] = m

    # F1, search_dates, given the same reference
    def _dp(text: str, ref: Optional[datetime]) -> list[tuple[str, datetime]]:
        settings = {"RELATIVE_BASE": ref.replace(tzinfo=None)} if ref is not None else {}
        return search_dates(text, languages=["id"], settings=settings) or []

    for (aid, text, gold), ref in zip(items, refs):
        if gold is None:
            continue
        found = _dp(text, ref)
        pred = SimpleNamespace(dates=[SimpleNamespace(value=_dp_value(dt), end=None) for _, dt in found])
        s, _ = score_dates(gold.get("dates", []), pred)  # type: ignore[arg-type]
        _add(dp_total, s)

    # time
    docs = [_prepare(ex, t) for t in texts]
    for d in docs:  # warm-up
        _date_pass(d)

    def stage() -> None:
        for d in docs:
            _date_pass(d)

    def pipeline() -> None:
        for t in texts:
            dates.run(_prepare(ex, t))

    def yardstick() -> None:
        for t, ref in zip(texts, refs):
            _dp(t, ref)

    stage_ms = _median_ms(stage, len(docs), repeats * 4)
    pipeline_ms = _median_ms(pipeline, len(texts), repeats)
    _dp(texts[0], refs[0])  # warm-up: loads the language data
    dp_ms = _median_ms(yardstick, len(texts), yardstick_repeats)
    chars = sum(len(t) for t in texts) / len(texts)
    return {
        "articles": len(items),
        "scored_articles": sum(1 for _, _, g in items if g is not None),
        "mean_chars": round(chars),
        "ours": {"stage_ms_per_article": stage_ms, "pipeline_ms_per_article": pipeline_ms,
                 **_scores(ours_total)},
        "search_dates": {"ms_per_article": dp_ms, **_scores(dp_total)},
        "speedup_stage": round(dp_ms / stage_ms, 1) if stage_ms else None,
        "speedup_pipeline": round(dp_ms / pipeline_ms, 1) if pipeline_ms else None,
        "repeats": {"ours": repeats, "search_dates": yardstick_repeats},
        "misses": misses,
    }


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("articles", nargs="*", help="article .txt files (default: fixtures/articles + seed)")
    ap.add_argument("--quick", action="store_true", help="fewer repeats")
    ap.add_argument("--json", type=Path, help="also write the result here")
    args = ap.parse_args(argv)
    res = run(args.articles or None, quick=args.quick)
    if "skipped" in res:
        print(res["skipped"])
        return 0
    o, d = res["ours"], res["search_dates"]
    print(f"{res['articles']} articles ({res['scored_articles']} with gold), mean {res['mean_chars']} chars")
    print(f"{'':14} {'ms/article':>11} {'P':>6} {'R':>6} {'F1':>6}")
    print(f"{'ours (stage)':14} {o['stage_ms_per_article']:>11.3f} {o['precision']:>6.3f} {o['recall']:>6.3f} {o['f1']:>6.3f}")
    print(f"{'ours (+prep)':14} {o['pipeline_ms_per_article']:>11.3f}")
    print(f"{'search_dates':14} {d['ms_per_article']:>11.3f} {d['precision']:>6.3f} {d['recall']:>6.3f} {d['f1']:>6.3f}")
    print(f"speed-up: {res['speedup_stage']}x (date pass), {res['speedup_pipeline']}x (with preparation)")
    if args.json:
        args.json.write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
