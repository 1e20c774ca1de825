"""Scoring against hand-annotated gold (SPEC §6).

Micro precision / recall / F1 per kind, each gold item matched at most once:

- officials: by name (case-folded, degrees removed; equal, or token Jaccard
  ≥ 0.5); position accuracy on matched pairs (token F1 ≥ 0.5 against the
  predicted ``position`` or ``position_canonical``). Unnamed officials are not
  scored.
- agencies: any predicted form (name, acronym, alias) equal to any gold form
  after normalisation. Inferred agencies are not scored.
- quantities, targets: the set of distinct values in the article on both sides
  (a figure repeated in the text counts once). A quantity range gives both ends.
- dates: the set of distinct ISO values (a range gives its ``value`` and its
  ``end``); a predicted value matches a gold value
  when, cut to the gold's granularity, it equals it (an exact-granularity
  prediction is preferred when several could match).

Beyond SPEC §6 and reported apart: quotes (gold ``quotes`` with speaker, direct,
first words) and meta fields (published, title, authors, outlet, section,
dateline location) as accuracy over the articles whose gold states them.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Optional

import regex

from .models import ArticleExtraction

KINDS = ("officials", "agencies", "quantities", "targets", "dates")
EXTRA = ("quotes",)

# Degrees and honorifics dropped before names are compared (the gold has none).
_DEGREES = frozenset(
    """drs dra dr drg ir h hj prof kh st se sh mh mm msi ssos spd mpd skom mt sstp map sip mkes
    ssi sag mag se mh ak ba bsc msc phd mba ma sked sp spog mhum mkom mt stp shut amd ap""".split()
)


def norm_text(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).casefold()
    s = regex.sub(r"[\p{P}\p{S}]+", " ", s)
    return " ".join(s.split())


def name_tokens(name: str) -> list[str]:
    """Case-folded name tokens without degrees (``Drs. H. Sumarno, M.Si`` → ``sumarno``)."""
    raw = [t.replace(".", "") for t in regex.split(r"[\s,]+", unicodedata.normalize("NFKC", name))]
    toks = [norm_text(t) for t in raw if norm_text(t)]
    return [t for t in toks if t.replace(" ", "") not in _DEGREES] or toks


def jaccard(a: Iterable[str], b: Iterable[str]) -> float:
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


def token_f1(a: str, b: str) -> float:
    ta, tb = norm_text(a).split(), norm_text(b).split()
    if not ta or not tb:
        return 0.0
    common = 0
    pool = list(tb)
    for t in ta:
        if t in pool:
            pool.remove(t)
            common += 1
    if common == 0:
        return 0.0
    p, r = common / len(ta), common / len(tb)
    return 2 * p * r / (p + r)


# ------------------------------------------------------------------ dates


_GRAN = {4: "year", 7: "month", 10: "day"}


def date_key(value: str) -> Optional[tuple[str, str]]:
    """(granularity, canonical value) of an ISO value; datetimes compared in UTC to the minute."""
    v = value.strip()
    if len(v) in _GRAN and regex.fullmatch(r"\d{4}(-\d\d){0,2}", v):
        return _GRAN[len(v)], v
    try:
        dt = datetime.fromisoformat(v.replace("Z", "+00:00"))
    except ValueError:
        return None
    if dt.tzinfo is not None:
        return "minute", dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%MZ")
    return "minute", dt.strftime("%Y-%m-%dT%H:%M")


def _local_day(value: str) -> Optional[str]:
    """The calendar day a value states, in its own time zone."""
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        return None


def truncate(value: str, gran: str) -> Optional[str]:
    key = date_key(value)
    if key is None:
        return None
    g, v = key
    order = ["year", "month", "day", "minute"]
    if order.index(g) < order.index(gran):
        return None  # coarser than the gold: cannot match
    if g == "minute" and gran != "minute":
        day = _local_day(value)
        if day is None:
            return None
        return {"year": day[:4], "month": day[:7], "day": day}[gran]
    if gran == "minute":
        return v
    return {"year": v[:4], "month": v[:7], "day": v[:10]}[gran]


# ------------------------------------------------------------------ scores


@dataclass
class Score:
    tp: int = 0
    gold: int = 0
    pred: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else (1.0 if not self.pred else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.gold += other.gold
        self.pred += other.pred


@dataclass
class ArticleScore:
    article_id: str
    scores: dict[str, Score] = field(default_factory=dict)
    misses: dict[str, dict[str, list[Any]]] = field(default_factory=dict)  # kind → {fn, fp}
    position: Score = field(default_factory=Score)  # tp = correct, gold = matched pairs
    meta: dict[str, tuple[int, int]] = field(default_factory=dict)  # field → (correct, total)


def _num_eq(a: float, b: float) -> bool:
    return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)


def _value_set(values: Iterable[Any]) -> list[float]:
    out: list[float] = []
    for v in values:
        if v is None or isinstance(v, bool):
            continue
        try:
            f = float(v)
        except (TypeError, ValueError):
            continue
        if not any(_num_eq(f, x) for x in out):
            out.append(f)
    return out


def score_values(gold: list[float], pred: list[float]) -> tuple[Score, list[float], list[float]]:
    used: set[int] = set()
    fn: list[float] = []
    for g in gold:
        hit = next((i for i, p in enumerate(pred) if i not in used and _num_eq(g, p)), None)
        if hit is None:
            fn.append(g)
        else:
            used.add(hit)
    fp = [p for i, p in enumerate(pred) if i not in used]
    return Score(len(used), len(gold), len(pred)), fn, fp


def score_officials(gold: list[dict[str, Any]], pred: ArticleExtraction) -> tuple[Score, Score, dict[str, list[Any]]]:
    named = [o for o in pred.officials if o.name]
    pairs: list[tuple[float, int, int]] = []
    for gi, g in enumerate(gold):
        gt = name_tokens(g["name"])
        for pi, p in enumerate(named):
            pt = name_tokens(p.name or "")
            sim = 1.0 if gt == pt else jaccard(gt, pt)
            if sim >= 0.5:
                pairs.append((sim, gi, pi))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    gused: dict[int, int] = {}
    pused: set[int] = set()
    for sim, gi, pi in pairs:
        if gi in gused or pi in pused:
            continue
        gused[gi] = pi
        pused.add(pi)
    pos = Score()
    wrong_pos: list[Any] = []
    for gi, pi in gused.items():
        gpos = gold[gi].get("position")
        if not gpos:
            continue
        pos.gold += 1
        p = named[pi]
        best = max(token_f1(gpos, p.position or ""), token_f1(gpos, p.position_canonical or ""))
        if best >= 0.5:
            pos.tp += 1
        else:
            wrong_pos.append({"name": gold[gi]["name"], "gold": gpos, "pred": p.position})
    fn = [g["name"] for i, g in enumerate(gold) if i not in gused]
    fp = [p.name for i, p in enumerate(named) if i not in pused]
    return Score(len(gused), len(gold), len(named)), pos, {"fn": fn, "fp": fp, "position": wrong_pos}


def max_matching(edges: list[list[int]], n_right: int) -> dict[int, int]:
    """Maximum bipartite matching (left index → right index) by augmenting paths."""
    match_r: dict[int, int] = {}

    def augment(u: int, seen: set[int]) -> bool:
        for v in edges[u]:
            if v in seen:
                continue
            seen.add(v)
            if v not in match_r or augment(match_r[v], seen):
                match_r[v] = u
                return True
        return False

    for u in range(len(edges)):
        augment(u, set())
    return {u: v for v, u in match_r.items()}


def score_agencies(gold: list[dict[str, Any]], pred: ArticleExtraction) -> tuple[Score, dict[str, list[Any]]]:
    """Agencies match when any form is shared; the pairing is a maximum matching, so a form
    shared by two bodies (``Dukcapil``) cannot cost a pair that another pairing would keep."""
    preds = [a for a in pred.agencies if not a.inferred]
    pforms = [{norm_text(f) for f in [a.name, a.acronym or "", *a.aliases] if f and norm_text(f)} for a in preds]
    gforms = [{norm_text(f) for f in [g["name"], *g.get("aliases", [])] if norm_text(f)} for g in gold]
    edges = [[pi for pi, pf in enumerate(pforms) if pf & gf] for gf in gforms]
    pairs = max_matching(edges, len(preds))
    fn = [gold[gi]["name"] for gi in range(len(gold)) if gi not in pairs]
    used = set(pairs.values())
    fp = [a.name for i, a in enumerate(preds) if i not in used]
    return Score(len(pairs), len(gold), len(preds)), {"fn": fn, "fp": fp}


def score_dates(gold: list[dict[str, Any]], pred: ArticleExtraction) -> tuple[Score, dict[str, list[Any]]]:
    gkeys: list[tuple[str, str]] = []
    for g in gold:
        if g.get("value"):
            k = date_key(str(g["value"]))
            if k is not None and k not in gkeys:
                gkeys.append(k)
    pvals: list[str] = []
    pkeys: list[tuple[str, str]] = []
    for d in pred.dates:
        for v in (d.value, d.end if d.value else None):  # a range gives both ends
            if v:
                k = date_key(v)
                if k is not None and k not in pkeys:
                    pkeys.append(k)
                    pvals.append(v)
    used: set[int] = set()
    fn = []
    for gran, gv in gkeys:
        exact = next((i for i, k in enumerate(pkeys) if i not in used and k == (gran, gv)), None)
        hit = exact
        if hit is None:
            hit = next((i for i, v in enumerate(pvals) if i not in used and truncate(v, gran) == gv), None)
        if hit is None:
            fn.append(gv)
        else:
            used.add(hit)
    fp = [pvals[i] for i in range(len(pvals)) if i not in used]
    return Score(len(used), len(gkeys), len(pkeys)), {"fn": fn, "fp": fp}


def score_quotes(gold: list[dict[str, Any]], pred: ArticleExtraction) -> tuple[Score, dict[str, list[Any]]]:
    used: set[int] = set()
    fn = []
    for g in gold:
        words = norm_text(g.get("text", ""))[:60]
        hit = None
        for i, q in enumerate(pred.quotes):
            if i in used or bool(q.direct) != bool(g.get("direct", True)):
                continue
            qt = norm_text(q.text)
            if words and (qt.startswith(words[:40]) or words[:40] in qt):
                hit = i
                break
        if hit is None:
            fn.append(g.get("text", ""))
            continue
        used.add(hit)
    fp = [q.text[:60] for i, q in enumerate(pred.quotes) if i not in used]
    return Score(len(used), len(gold), len(pred.quotes)), {"fn": fn, "fp": fp}


def _meta_scores(gold: dict[str, Any], pred: ArticleExtraction) -> dict[str, tuple[int, int]]:
    out: dict[str, tuple[int, int]] = {}
    if gold.get("published"):
        g, p = date_key(str(gold["published"])), date_key(pred.meta.published or "")
        out["published"] = (int(g is not None and g == p), 1)
    gm = gold.get("meta") or {}
    for key in ("title", "outlet", "section", "dateline_location"):
        if gm.get(key):
            out[key] = (int(norm_text(str(gm[key])) == norm_text(getattr(pred.meta, key) or "")), 1)
    if gm.get("authors"):
        out["authors"] = (
            int({norm_text(a) for a in gm["authors"]} == {norm_text(a) for a in pred.meta.authors}), 1
        )
    return out


def score_article(gold: dict[str, Any], pred: ArticleExtraction) -> ArticleScore:
    res = ArticleScore(str(gold.get("id", pred.article_id)))
    s, pos, miss = score_officials(gold.get("officials", []), pred)
    res.scores["officials"], res.position, res.misses["officials"] = s, pos, miss
    res.scores["agencies"], res.misses["agencies"] = score_agencies(gold.get("agencies", []), pred)
    gq = _value_set(v for q in gold.get("quantities", []) for v in (q.get("value"), q.get("range_end")))
    pq = _value_set(v for q in pred.quantities for v in (q.value, q.range_end))
    s, fn, fp = score_values(gq, pq)
    res.scores["quantities"], res.misses["quantities"] = s, {"fn": fn, "fp": fp}
    gt = _value_set(t.get("value") for t in gold.get("targets", []))
    pt = _value_set(t.target.value for t in pred.targets)
    s, fn, fp = score_values(gt, pt)
    res.scores["targets"], res.misses["targets"] = s, {"fn": fn, "fp": fp}
    res.scores["dates"], res.misses["dates"] = score_dates(gold.get("dates", []), pred)
    if "quotes" in gold:
        res.scores["quotes"], res.misses["quotes"] = score_quotes(gold["quotes"], pred)
    res.meta = _meta_scores(gold, pred)
    return res


@dataclass
class Report:
    articles: list[ArticleScore]

    def total(self, kind: str) -> Score:
        t = Score()
        for a in self.articles:
            if kind in a.scores:
                t.add(a.scores[kind])
        return t

    def position_accuracy(self) -> tuple[int, int]:
        return sum(a.position.tp for a in self.articles), sum(a.position.gold for a in self.articles)

    def meta_accuracy(self) -> dict[str, tuple[int, int]]:
        out: dict[str, list[int]] = {}
        for a in self.articles:
            for k, (c, n) in a.meta.items():
                acc = out.setdefault(k, [0, 0])
                acc[0] += c
                acc[1] += n
        return {k: (v[0], v[1]) for k, v in out.items()}

    def as_dict(self) -> dict[str, Any]:
        kinds = {}
        for k in KINDS + EXTRA:
            t = self.total(k)
            kinds[k] = {"gold": t.gold, "pred": t.pred, "tp": t.tp, "precision": round(t.precision, 4),
                        "recall": round(t.recall, 4), "f1": round(t.f1, 4)}
        c, n = self.position_accuracy()
        return {
            "articles": len(self.articles),
            "kinds": kinds,
            "position_accuracy": {"correct": c, "pairs": n, "accuracy": round(c / n, 4) if n else None},
            "meta": {k: {"correct": c2, "total": n2} for k, (c2, n2) in self.meta_accuracy().items()},
        }

    def table(self) -> str:
        lines = [f"{len(self.articles)} articles", "",
                 "| kind | gold | pred | TP | P | R | F1 |", "|---|---:|---:|---:|---:|---:|---:|"]
        for k in KINDS + EXTRA:
            t = self.total(k)
            if k in EXTRA and t.gold == 0 and t.pred == 0:
                continue
            label = k if k in KINDS else f"{k} (not in SPEC §6)"
            lines.append(f"| {label} | {t.gold} | {t.pred} | {t.tp} | {t.precision:.3f} | "
                         f"{t.recall:.3f} | {t.f1:.3f} |")
        c, n = self.position_accuracy()
        if n:
            lines.append(f"\nposition accuracy on matched officials: {c}/{n} = {c / n:.3f}")
        meta = self.meta_accuracy()
        if meta:
            lines.append("meta accuracy: " + ", ".join(
                f"{k} {c2}/{n2}" for k, (c2, n2) in sorted(meta.items())))
        return "\n".join(lines)

    def misses_text(self, kinds: Iterable[str]) -> str:
        out = []
        for a in self.articles:
            rows = []
            for k in kinds:
                m = a.misses.get(k)
                if not m:
                    continue
                for what in ("fn", "fp", "position"):
                    if m.get(what):
                        rows.append(f"  {k} {what}: {m[what]}")
            if rows:
                out.append(a.article_id)
                out.extend(rows)
        return "\n".join(out)


# ------------------------------------------------------------------ running


def load_gold(gold_dir: Path) -> list[dict[str, Any]]:
    out = []
    for p in sorted(gold_dir.glob("*.json")):
        data = json.loads(p.read_text(encoding="utf-8"))
        data.setdefault("id", p.stem)
        out.append(data)
    return out


def find_article(articles_dir: Path, article_id: str) -> Optional[Path]:
    for ext in (".txt", ".md", ".json"):
        p = articles_dir / f"{article_id}{ext}"
        if p.exists():
            return p
    return None


def evaluate(
    gold_dir: str | Path,
    articles_dir: str | Path | None = None,
    *,
    extractor: Any = None,
    predict: Any = None,
) -> Report:
    """Score the extractor (or any ``predict(text) -> ArticleExtraction``) against a gold folder."""
    gold_dir = Path(gold_dir)
    adir = Path(articles_dir) if articles_dir else gold_dir.parent / "articles"
    if predict is None:
        if extractor is None:
            from .extractor import Extractor

            extractor = Extractor()
        predict = extractor.extract
    scores = []
    for g in load_gold(gold_dir):
        path = find_article(adir, g["id"])
        if path is None:
            raise FileNotFoundError(f"no article for gold {g['id']!r} in {adir}")
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".json":
            text = json.loads(text)["text"]
        scores.append(score_article(g, predict(text)))
    return Report(scores)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--gold", required=True, help="folder of <id>.json gold files")
    p.add_argument("--articles", help="folder of <id>.txt articles (default: ../articles beside --gold)")
    p.add_argument("--misses", action="store_true", help="list missed (fn) and spurious (fp) items")
    p.add_argument("--kinds", nargs="*", default=list(KINDS + EXTRA), help="kinds for --misses")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--patterns", action="append", default=[], help="extra pattern directory")


def command(args: argparse.Namespace) -> int:
    from .extractor import Extractor

    gold = Path(args.gold)
    if not gold.is_dir():
        print(f"ektp-extract evaluate: no such gold folder: {gold}", file=sys.stderr)
        return 2
    report = evaluate(gold, args.articles, extractor=Extractor(args.patterns))
    if args.json:
        print(json.dumps(report.as_dict(), indent=2, sort_keys=True))
    else:
        print(report.table())
    if args.misses:
        print()
        print(report.misses_text(args.kinds))
    return 0
