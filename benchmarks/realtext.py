"""Real news text: the extractor on idner-news-2k, Indonesian news sentences with PER/ORG/LOC tags.

    python benchmarks/realtext.py                      # table on stdout, benchmarks/realtext.json
    python benchmarks/realtext.py --data DIR           # another copy of the corpus
    python benchmarks/realtext.py --samples FILE       # also a seeded sample of quantities/dates
    python benchmarks/realtext.py --dump FILE          # every disagreement, for error analysis

The corpus (MIT licence, Khairunnisa et al. 2020) is looked for in
``$EKTP_IDNER_DIR`` or ``../shared/data/idner-news-2k`` beside the checkout:
``train.txt``, ``dev.txt`` and ``test.txt``, CoNLL style (token, UPOS, IOB tag),
one blank line between sentences. Nothing of it is stored in the repository;
the JSON holds figures only.

Each sentence is rebuilt by joining its tokens with single spaces (token
character offsets are kept) and extracted on its own; the same is done for
"paragraphs" of 5 consecutive sentences of a split joined with spaces, which is
closer to an article. The gold tags say nothing about positions, quantities
or dates, so:

* officials — precision of the name mentions of named officials against PER
  spans (overlap, and exact equality after honorifics are stripped), false
  positives by the tag they overlap (ORG, LOC, none), and recall over the PER
  spans that stand within 3 tokens of a position word (a head word of
  ``patterns/positions.toml``): the names an official extractor should find;
* agencies — precision of the mentions of non-inferred agencies against ORG
  spans (LOC-only overlaps counted apart: a region alone is not an agency),
  recall over ORG spans that look like public bodies, and over all ORG spans;
* quantities and dates — counts per 1,000 sentences (precision needs a
  hand-judged sample: ``--samples``);
* robustness — sentences whose extraction reported W006 (a stage failed) or
  raised, and the time per sentence.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from ektp_extract import Extractor, __version__  # noqa: E402
from ektp_extract.lexicon import load_lexicon  # noqa: E402

SPLITS = ("train", "dev", "test")
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "idner-news-2k"
PARAGRAPH_SIZE = 5
WINDOW = 3
SAMPLE_SIZE = 40
SEED = 20261128

#: Words that make an ORG span a public body (SPEC §1: agencies are public bodies).
BODY_WORDS = frozenset(
    "Kementerian Kemendagri Dinas Badan Komisi Pemerintah Pemkab Pemkot Pemprov DPR DPRD KPU "
    "Bawaslu Polri Polda Polres Polsek TNI KPK BPK BPS Mahkamah Pengadilan Kejaksaan Kejati "
    "Kejari Universitas Partai".split()
)


# ---------------------------------------------------------------------- corpus
@dataclass
class Entity:
    label: str  # PER, ORG, LOC
    tok_start: int  # token index, end exclusive
    tok_end: int
    start: int  # character offsets into the sentence/paragraph text
    end: int
    text: str


@dataclass
class Unit:
    """One text handed to the extractor: a sentence, or a paragraph of sentences."""

    split: str
    index: int
    tokens: list[str]
    tags: list[str]
    text: str
    offsets: list[tuple[int, int]]
    entities: list[Entity] = field(default_factory=list)
    n_sentences: int = 1


def read_conll(path: Path) -> list[list[tuple[str, str, str]]]:
    """Sentences of a CoNLL file: lists of (token, upos, tag)."""
    sentences: list[list[tuple[str, str, str]]] = []
    current: list[tuple[str, str, str]] = []
    with path.open(encoding="utf-8") as fh:
        for raw in fh:
            line = raw.strip()
            if not line:
                if current:
                    sentences.append(current)
                    current = []
                continue
            parts = line.split()
            if len(parts) < 3:
                raise ValueError(f"{path}: malformed line {raw!r}")
            token, upos, tag = " ".join(parts[:-2]), parts[-2], parts[-1]
            current.append((token, upos, tag))
    if current:
        sentences.append(current)
    return sentences


def entities_from_tags(tags: list[str], offsets: list[tuple[int, int]], text: str) -> list[Entity]:
    """IOB tags → entities (an I- tag without its B- starts a new entity)."""
    out: list[Entity] = []
    i = 0
    while i < len(tags):
        tag = tags[i]
        if tag == "O" or "-" not in tag:
            i += 1
            continue
        label = tag.split("-", 1)[1]
        j = i + 1
        while j < len(tags) and tags[j] == f"I-{label}":
            j += 1
        s, e = offsets[i][0], offsets[j - 1][1]
        out.append(Entity(label, i, j, s, e, text[s:e]))
        i = j
    return out


def make_unit(split: str, index: int, sentences: list[list[tuple[str, str, str]]]) -> Unit:
    """Join the tokens of one or more sentences with single spaces, keeping offsets."""
    tokens = [t for s in sentences for t, _, _ in s]
    tags = [g for s in sentences for _, _, g in s]
    offsets: list[tuple[int, int]] = []
    pos = 0
    for t in tokens:
        offsets.append((pos, pos + len(t)))
        pos += len(t) + 1
    text = " ".join(tokens)
    unit = Unit(split, index, tokens, tags, text, offsets, n_sentences=len(sentences))
    unit.entities = entities_from_tags(tags, offsets, text)
    return unit


def load_units(data: Path, paragraph: int = 1) -> list[Unit]:
    """Every sentence (``paragraph`` = 1) or group of ``paragraph`` consecutive sentences."""
    units: list[Unit] = []
    for split in SPLITS:
        sents = read_conll(data / f"{split}.txt")
        for k in range(0, len(sents), paragraph):
            units.append(make_unit(split, k // paragraph, sents[k:k + paragraph]))
    return units


# ---------------------------------------------------------------------- lexicon cues
def position_words(lexicon: Any) -> frozenset[str]:
    """Case-folded head words of every position form, acting prefix and modifier."""
    words: set[str] = set()
    for table in ("positions", "acting", "modifiers"):
        for row in lexicon.rows("positions", table):
            for form in row.forms:
                head = form.split()[0].rstrip(".")
                if len(head) >= 2:
                    words.add(head.casefold())
    return frozenset(words)


def honorific_forms(lexicon: Any) -> frozenset[str]:
    """Case-sensitive honorific/degree tokens (dots dropped), stripped before exact comparison."""
    forms: set[str] = set()
    for row in lexicon.rows("honorifics", "titles"):
        for form in row.forms:
            for tok in form.split():
                forms.add(tok.replace(".", "").strip("()"))
    return frozenset(f for f in forms if f)


def strip_honorifics(text: str, honorifics: frozenset[str]) -> str:
    """Drop leading/trailing honorific and degree tokens and punctuation from a name."""
    toks = [t for t in text.replace(",", " , ").split()]
    def is_hon(t: str) -> bool:
        return t.replace(".", "").strip("()") in honorifics or t in {",", ".", "(", ")"}
    while toks and is_hon(toks[0]):
        toks.pop(0)
    while toks and is_hon(toks[-1]):
        toks.pop()
    return " ".join(toks)


def is_public_body(ent: Entity, tokens: list[str]) -> bool:
    for tok in tokens[ent.tok_start:ent.tok_end]:
        if tok in BODY_WORDS or tok.startswith("Kemen"):
            return True
        letters = [c for c in tok if c.isalpha()]
        if len(letters) >= 3 and all(c.isupper() for c in letters) and tok[0].isalpha():
            return True
    return False


def cue_side(unit: Unit, ent: Entity, cues: frozenset[str]) -> Optional[str]:
    """'before'/'after' when a position word stands within WINDOW tokens of the entity."""
    per = {i for e in unit.entities if e.label == "PER" for i in range(e.tok_start, e.tok_end)}
    for i in range(max(0, ent.tok_start - WINDOW), ent.tok_start):
        if i not in per and unit.tokens[i].casefold() in cues:
            return "before"
    for i in range(ent.tok_end, min(len(unit.tokens), ent.tok_end + WINDOW)):
        if i not in per and unit.tokens[i].casefold() in cues:
            return "after"
    return None


def tight_cue(unit: Unit, ent: Entity, cues: frozenset[str]) -> bool:
    """The position phrase touches the name: ``Gubernur X Y``, ``Ketua KPK Y``, ``Y, Bupati``.

    Before the name, every token between the position word and the name is
    capitalised or tagged ORG/LOC (part of the position phrase); after it, only
    a comma or a parenthesis separates them.
    """
    for i in range(ent.tok_start - 1, max(-1, ent.tok_start - WINDOW - 1), -1):
        tok = unit.tokens[i]
        if tok.casefold() in cues:
            return True
        if not (tok[:1].isupper() or unit.tags[i] != "O") or unit.tags[i].endswith("PER"):
            break
    j = ent.tok_end
    while j < len(unit.tokens) and unit.tokens[j] in {",", "("}:
        j += 1
    return j > ent.tok_end and j < len(unit.tokens) and unit.tokens[j].casefold() in cues


# ---------------------------------------------------------------------- scoring
def overlaps(s: int, e: int, ents: Iterable[Entity]) -> list[Entity]:
    return [x for x in ents if s < x.end and x.start < e]


def ratio(a: int, b: int) -> Optional[float]:
    return round(a / b, 4) if b else None


def official_mentions(result: Any) -> list[tuple[Any, int, int, str]]:
    """(official, start, end, text) of every distinct name mention of named officials."""
    out = []
    for off in result.officials:
        if not off.name:
            continue
        seen = set()
        for sp in [off.span, *off.mentions]:
            if sp is None or (sp.start, sp.end) in seen:
                continue
            seen.add((sp.start, sp.end))
            out.append((off, sp.start, sp.end, sp.text))
    return out


def agency_mentions(result: Any) -> list[tuple[Any, int, int, str]]:
    out = []
    for ag in result.agencies:
        if ag.inferred:
            continue
        seen = set()
        for sp in [ag.span, *ag.mentions]:
            if sp is None or (sp.start, sp.end) in seen:
                continue
            seen.add((sp.start, sp.end))
            out.append((ag, sp.start, sp.end, sp.text))
    return out


def context(text: str, s: int, e: int, width: int = 70) -> str:
    a, b = max(0, s - width), min(len(text), e + width)
    left, right = ("…" if a else ""), ("…" if b < len(text) else "")
    return left + text[a:s] + "[[" + text[s:e] + "]]" + text[e:b] + right


class Tally:
    """Counters for one mode (sentences or paragraphs)."""

    def __init__(self) -> None:
        self.c: Counter[str] = Counter()
        self.fp_officials: dict[str, Counter[str]] = {k: Counter() for k in ("ORG", "LOC", "O")}
        self.fp_agencies: dict[str, Counter[str]] = {k: Counter() for k in ("LOC", "PER", "O")}
        self.missed_per: Counter[str] = Counter()
        self.missed_body: Counter[str] = Counter()
        self.times: list[float] = []
        self.where: list[str] = []
        self.failures: list[str] = []
        self.quantities: list[tuple[str, Any]] = []
        self.dates: list[tuple[str, Any]] = []
        self.rules: dict[str, Counter[str]] = {"quantities": Counter(), "dates": Counter(),
                                                "officials": Counter(), "agencies": Counter()}
        self.dump: list[str] = []


def score_unit(unit: Unit, result: Any, t: Tally, cues: frozenset[str],
               honorifics: frozenset[str], keep_dump: bool) -> None:
    c = t.c
    per = [e for e in unit.entities if e.label == "PER"]
    org = [e for e in unit.entities if e.label == "ORG"]
    loc = [e for e in unit.entities if e.label == "LOC"]
    c["sentences"] += unit.n_sentences
    c["units"] += 1
    c["PER"] += len(per)
    c["ORG"] += len(org)
    c["LOC"] += len(loc)

    # officials ------------------------------------------------------------
    offs = [o for o in result.officials]
    c["officials"] += len(offs)
    c["officials_named"] += sum(1 for o in offs if o.name)
    for o in offs:
        t.rules["officials"][o.rule] += 1
    mentions = official_mentions(result)
    for off, s, e, txt in mentions:
        c["off_mentions"] += 1
        later = (s, e) != (off.span.start, off.span.end)
        c["off_mentions_later"] += later
        if later and overlaps(s, e, per):
            c["off_mentions_later_per"] += 1
        if overlaps(s, e, per):
            c["off_mentions_per"] += 1
            if any(strip_honorifics(txt, honorifics) == strip_honorifics(p.text, honorifics)
                   for p in overlaps(s, e, per)):
                c["off_mentions_exact"] += 1
            elif keep_dump:
                gold = " | ".join(p.text for p in overlaps(s, e, per))
                t.dump.append(f"OFF-BOUNDARY\t{txt}\tgold={gold}\t{off.rule}\t"
                              f"{context(unit.text, s, e)}")
        else:
            cat = "ORG" if overlaps(s, e, org) else "LOC" if overlaps(s, e, loc) else "O"
            c[f"off_fp_{cat}"] += 1
            if all(w.casefold() in cues for w in txt.split()):
                c["off_fp_position_word"] += 1
            t.fp_officials[cat][txt] += 1
            if keep_dump:
                t.dump.append(f"OFF-FP-{cat}\t{txt}\t{off.rule}\tpos={off.position}\t"
                              f"{context(unit.text, s, e)}")
    spans = [(s, e) for _, s, e, _ in mentions]
    for p in per:
        hit = any(s < p.end and p.start < e for s, e in spans)
        c["per_found"] += hit
        side = cue_side(unit, p, cues)
        if side:
            c["per_cued"] += 1
            c["per_cued_found"] += hit
            if tight_cue(unit, p, cues):
                c["per_tight"] += 1
                c["per_tight_found"] += hit
            if not hit:
                t.missed_per[p.text] += 1
                if keep_dump:
                    tight = "tight" if tight_cue(unit, p, cues) else "loose"
                    t.dump.append(f"PER-MISSED-{tight}\t{p.text}\t{side}\t"
                                  f"{context(unit.text, p.start, p.end)}")

    # agencies -------------------------------------------------------------
    ags = [a for a in result.agencies]
    c["agencies"] += len(ags)
    c["agencies_inferred"] += sum(1 for a in ags if a.inferred)
    for a in ags:
        t.rules["agencies"][a.rule.split(":")[0] + ":" + (a.kind or "-")] += 1
    amentions = agency_mentions(result)
    for ag, s, e, txt in amentions:
        c["ag_mentions"] += 1
        hits = overlaps(s, e, org)
        if hits:
            c["ag_mentions_org"] += 1
            if any(h.start == s and h.end == e for h in hits):
                c["ag_mentions_exact"] += 1
            elif keep_dump:
                gold = " | ".join(h.text for h in hits)
                t.dump.append(f"AG-BOUNDARY\t{txt}\tgold={gold}\t{ag.rule}\t"
                              f"{context(unit.text, s, e)}")
        else:
            cat = "LOC" if overlaps(s, e, loc) else "PER" if overlaps(s, e, per) else "O"
            c[f"ag_fp_{cat}"] += 1
            t.fp_agencies[cat][txt] += 1
            if keep_dump:
                t.dump.append(f"AG-FP-{cat}\t{txt}\t{ag.kind}\t{ag.rule}\t"
                              f"{context(unit.text, s, e)}")
    aspans = [(s, e) for _, s, e, _ in amentions]
    for o in org:
        hit = any(s < o.end and o.start < e for s, e in aspans)
        c["org_found"] += hit
        if is_public_body(o, unit.tokens):
            c["org_body"] += 1
            c["org_body_found"] += hit
            if not hit:
                t.missed_body[o.text] += 1
                if keep_dump:
                    t.dump.append(f"ORG-MISSED\t{o.text}\t{context(unit.text, o.start, o.end)}")

    # quantities, dates, the rest -------------------------------------------
    c["quantities"] += len(result.quantities)
    c["dates"] += len(result.dates)
    c["dates_null_value"] += sum(1 for d in result.dates if d.value is None)
    c["quotes"] += len(result.quotes)
    c["targets"] += len(result.targets)
    for q in result.quantities:
        t.rules["quantities"][q.kind] += 1
        t.quantities.append((unit.text, q))
    for d in result.dates:
        t.rules["dates"][d.kind] += 1
        t.dates.append((unit.text, d))
    for w in result.warnings:
        c["warn_" + w[1:5]] += 1
    # The texts have no header: every meta field found is read from body prose.
    for name in ("title", "published", "outlet", "authors", "section", "dateline_location",
                 "cited_sources"):
        if getattr(result.meta, name, None):
            c["meta_" + name] += 1
            if keep_dump:
                t.dump.append(f"META-{name}\t{getattr(result.meta, name)!r}\t"
                              f"{context(unit.text, 0, 0, 100)}")


def _timed(ex: Extractor, text: str) -> tuple[float, Any, Optional[Exception]]:
    t0 = time.perf_counter()
    try:
        res = ex.extract(text)
    except Exception as err:  # noqa: BLE001 — SPEC §7: extract never raises; count it
        return time.perf_counter() - t0, None, err
    return time.perf_counter() - t0, res, None


def run_mode(ex: Extractor, units: list[Unit], cues: frozenset[str], honorifics: frozenset[str],
             keep_dump: bool) -> tuple[Tally, dict[str, Tally]]:
    """Extract every unit; a tally over all units and one per split.

    Each unit is timed twice (the scoring pass and a second pass) and the
    faster time is kept, so that a busy machine disturbs the figures less.
    """
    total, by_split = Tally(), {sp: Tally() for sp in SPLITS}
    for u in units[:50]:  # warm-up: compiled regexes, caches
        ex.extract(u.text)
    for u in units:
        elapsed, res, err = _timed(ex, u.text)
        elapsed = min(elapsed, _timed(ex, u.text)[0])
        for t in (total, by_split[u.split]):
            t.times.append(elapsed)
            t.where.append(f"{u.split}:{u.index} ({len(u.text)} chars)")
        if res is None:
            for t in (total, by_split[u.split]):
                t.c["raised"] += 1
                t.failures.append(f"{u.split}:{u.index}: raised {type(err).__name__}: {err}")
            continue
        for t in (total, by_split[u.split]):
            for w in res.warnings:
                if w.startswith("[W006]"):
                    t.failures.append(f"{u.split}:{u.index}: {w}")
        score_unit(u, res, total, cues, honorifics, keep_dump)
        score_unit(u, res, by_split[u.split], cues, honorifics, False)
    return total, by_split


def summarise(t: Tally) -> dict[str, Any]:
    c = t.c
    n = c["sentences"]
    per_k = (lambda x: round(1000.0 * x / n, 1)) if n else (lambda x: None)
    times = sorted(t.times)
    return {
        "units": c["units"],
        "sentences": n,
        "gold": {"PER": c["PER"], "ORG": c["ORG"], "LOC": c["LOC"],
                 "PER_next_to_position": c["per_cued"], "PER_touching_position": c["per_tight"],
                 "ORG_public_body": c["org_body"]},
        "officials": {
            "records": c["officials"],
            "named": c["officials_named"],
            "name_mentions": c["off_mentions"],
            "precision_overlap_PER": ratio(c["off_mentions_per"], c["off_mentions"]),
            "precision_exact_PER": ratio(c["off_mentions_exact"], c["off_mentions"]),
            "false_positives": {"overlap_ORG": c["off_fp_ORG"], "overlap_LOC": c["off_fp_LOC"],
                                "no_entity": c["off_fp_O"],
                                "of_which_a_position_word_alone": c["off_fp_position_word"]},
            "later_mentions": c["off_mentions_later"],
            "precision_later_mentions_overlap_PER": ratio(c["off_mentions_later_per"],
                                                           c["off_mentions_later"]),
            "recall_PER_next_to_position": ratio(c["per_cued_found"], c["per_cued"]),
            "recall_PER_touching_position": ratio(c["per_tight_found"], c["per_tight"]),
            "recall_all_PER": ratio(c["per_found"], c["PER"]),
            "by_rule": dict(t.rules["officials"].most_common()),
        },
        "agencies": {
            "records": c["agencies"],
            "inferred": c["agencies_inferred"],
            "mentions": c["ag_mentions"],
            "precision_overlap_ORG": ratio(c["ag_mentions_org"], c["ag_mentions"]),
            "exact_ORG": ratio(c["ag_mentions_exact"], c["ag_mentions"]),
            "overlap_LOC_only": c["ag_fp_LOC"],
            "false_positives": {"overlap_LOC_only": c["ag_fp_LOC"], "overlap_PER": c["ag_fp_PER"],
                                "no_entity": c["ag_fp_O"]},
            "recall_ORG_public_body": ratio(c["org_body_found"], c["org_body"]),
            "recall_all_ORG": ratio(c["org_found"], c["ORG"]),
            "by_rule_kind": dict(t.rules["agencies"].most_common(15)),
        },
        "quantities": {"count": c["quantities"], "per_1000_sentences": per_k(c["quantities"]),
                       "by_kind": dict(t.rules["quantities"].most_common())},
        "dates": {"count": c["dates"], "per_1000_sentences": per_k(c["dates"]),
                  "value_null": c["dates_null_value"],
                  "by_kind": dict(t.rules["dates"].most_common())},
        "quotes": {"count": c["quotes"], "per_1000_sentences": per_k(c["quotes"])},
        "targets": {"count": c["targets"], "per_1000_sentences": per_k(c["targets"])},
        "robustness": {
            "W006_stage_failed": sum(1 for f in t.failures if "[W006]" in f),
            "raised": c["raised"],
            "failures": t.failures[:20],
            "warnings": {k[5:]: v for k, v in sorted(c.items()) if k.startswith("warn_")},
            "meta_read_from_prose": {k[5:]: v for k, v in sorted(c.items())
                                     if k.startswith("meta_")},
        },
        "time": {
            "total_s": round(sum(times), 3),
            "ms_per_unit_mean": round(1000 * statistics.fmean(times), 3) if times else None,
            "ms_per_unit_median": round(1000 * statistics.median(times), 3) if times else None,
            "ms_per_unit_p95": (round(1000 * times[int(0.95 * (len(times) - 1))], 3)
                                if times else None),
            "ms_per_unit_max": round(1000 * times[-1], 3) if times else None,
            "ms_per_sentence": round(1000 * sum(times) / n, 3) if n else None,
            "slowest": [f"{w}: {1000 * x:.1f} ms" for x, w in
                        sorted(zip(t.times, t.where), reverse=True)[:5]],
        },
    }


# ---------------------------------------------------------------------- output
def pct(x: Optional[float]) -> str:
    return "—" if x is None else f"{100 * x:.1f}%"


def table(res: dict[str, Any]) -> str:
    s, p = res["sentences"], res["paragraphs"]
    rows = [
        ("texts extracted", s["units"], p["units"]),
        ("gold PER / ORG / LOC", f'{s["gold"]["PER"]} / {s["gold"]["ORG"]} / {s["gold"]["LOC"]}',
         f'{p["gold"]["PER"]} / {p["gold"]["ORG"]} / {p["gold"]["LOC"]}'),
        ("officials: named / name mentions",
         f'{s["officials"]["named"]} / {s["officials"]["name_mentions"]}',
         f'{p["officials"]["named"]} / {p["officials"]["name_mentions"]}'),
    ]
    for label, key, kind in [
        ("  precision (overlaps PER)", "precision_overlap_PER", "officials"),
        ("  precision (= PER, honorifics stripped)", "precision_exact_PER", "officials"),
        ("  precision, later mentions (overlaps PER)", "precision_later_mentions_overlap_PER",
         "officials"),
        ("  recall, PER within 3 tokens of a position", "recall_PER_next_to_position", "officials"),
        ("  recall, PER touching a position", "recall_PER_touching_position", "officials"),
        ("  recall, all PER", "recall_all_PER", "officials"),
    ]:
        rows.append((label, pct(s[kind][key]), pct(p[kind][key])))
    fo, fpo = s["officials"]["false_positives"], p["officials"]["false_positives"]
    rows.append(("  false positives on ORG / LOC / untagged",
                 f'{fo["overlap_ORG"]} / {fo["overlap_LOC"]} / {fo["no_entity"]}',
                 f'{fpo["overlap_ORG"]} / {fpo["overlap_LOC"]} / {fpo["no_entity"]}'))
    rows.append(("agencies: mentions (non-inferred)", s["agencies"]["mentions"],
                 p["agencies"]["mentions"]))
    for label, key in [("  precision (overlaps ORG)", "precision_overlap_ORG"),
                       ("  mention = ORG span", "exact_ORG"),
                       ("  recall, public-body ORG", "recall_ORG_public_body"),
                       ("  recall, all ORG", "recall_all_ORG")]:
        rows.append((label, pct(s["agencies"][key]), pct(p["agencies"][key])))
    fa, fpa = s["agencies"]["false_positives"], p["agencies"]["false_positives"]
    rows.append(("  not ORG: on LOC only / PER / untagged",
                 f'{fa["overlap_LOC_only"]} / {fa["overlap_PER"]} / {fa["no_entity"]}',
                 f'{fpa["overlap_LOC_only"]} / {fpa["overlap_PER"]} / {fpa["no_entity"]}'))
    for kind in ("quantities", "dates", "quotes", "targets"):
        rows.append((f"{kind} per 1,000 sentences", s[kind]["per_1000_sentences"],
                     p[kind]["per_1000_sentences"]))
    rows.append(("W006 (stage failed) / raised",
                 f'{s["robustness"]["W006_stage_failed"]} / {s["robustness"]["raised"]}',
                 f'{p["robustness"]["W006_stage_failed"]} / {p["robustness"]["raised"]}'))
    ms, mp = s["robustness"]["meta_read_from_prose"], p["robustness"]["meta_read_from_prose"]
    rows.append(("meta fields read from prose (no header)", sum(ms.values()), sum(mp.values())))
    rows.append(("ms per sentence (mean)", s["time"]["ms_per_sentence"],
                 p["time"]["ms_per_sentence"]))
    rows.append(("ms per text, median / p95 / max",
                 f'{s["time"]["ms_per_unit_median"]} / {s["time"]["ms_per_unit_p95"]} / '
                 f'{s["time"]["ms_per_unit_max"]}',
                 f'{p["time"]["ms_per_unit_median"]} / {p["time"]["ms_per_unit_p95"]} / '
                 f'{p["time"]["ms_per_unit_max"]}'))
    w0 = max(len(r[0]) for r in rows)
    w1 = max(len(str(r[1])) for r in rows + [("", "sentences", "")])
    head = f'{"":{w0}}  {"sentences":>{w1}}  paragraphs of {PARAGRAPH_SIZE}'
    lines = [head, "-" * len(head)]
    lines += [f"{r[0]:{w0}}  {str(r[1]):>{w1}}  {r[2]}" for r in rows]
    return "\n".join(lines)


def write_samples(path: Path, t: Tally) -> None:
    rng = random.Random(SEED)
    lines = []
    for kind, items in (("QUANTITY", t.quantities), ("DATE", t.dates)):
        pick = rng.sample(range(len(items)), min(SAMPLE_SIZE, len(items)))
        for n, i in enumerate(sorted(pick), 1):
            text, rec = items[i]
            if kind == "QUANTITY":
                what = (f"value={rec.value!r} unit={rec.unit!r} kind={rec.kind} "
                        f"approx={rec.approximate}")
            else:
                what = f"value={rec.value!r} kind={rec.kind} gran={rec.granularity}"
            lines.append(f"{kind} {n:02d}\t{rec.text!r}\t{what}\t{rec.rule}\n    "
                         f"{context(text, rec.span.start, rec.span.end, 90)}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def git_state() -> dict[str, Any]:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                              capture_output=True, text=True, check=True).stdout.strip()
        status = subprocess.run(["git", "status", "--porcelain", "--", "ektp_extract", "patterns"],
                                cwd=ROOT, capture_output=True, text=True).stdout
        dirty = bool(status.strip())
        return {"commit": head, "uncommitted_changes_in_code_or_patterns": dirty}
    except (OSError, subprocess.CalledProcessError):
        return {}


def run(data: Path = DEFAULT_DATA, samples: Optional[Path] = None,
        dump: Optional[Path] = None) -> dict[str, Any]:
    t0 = time.perf_counter()
    ex = Extractor()
    load_s = time.perf_counter() - t0
    lex = load_lexicon([])
    cues, honorifics = position_words(lex), honorific_forms(lex)
    sentences = load_units(data, 1)
    paragraphs = load_units(data, PARAGRAPH_SIZE)
    ts, ts_split = run_mode(ex, sentences, cues, honorifics, dump is not None)
    tp, _ = run_mode(ex, paragraphs, cues, honorifics, dump is not None)
    if samples is not None:
        write_samples(samples, ts)
    if dump is not None:
        dump.write_text("## sentences\n" + "\n".join(ts.dump) + "\n## paragraphs\n"
                        + "\n".join(tp.dump) + "\n", encoding="utf-8")
    return {
        "corpus": "idner-news-2k (train+dev+test)",
        "extractor_version": __version__,
        "git": git_state(),
        "python": sys.version.split()[0],
        "load_s": round(load_s, 3),
        "paragraph_size": PARAGRAPH_SIZE,
        "position_window_tokens": WINDOW,
        "position_cue_words": len(cues),
        "sentences": summarise(ts),
        "paragraphs": summarise(tp),
        "sentences_by_split": {sp: _brief(summarise(t)) for sp, t in ts_split.items()},
    }


def _brief(summary: dict[str, Any]) -> dict[str, Any]:
    """The headline figures of one split."""
    o, a = summary["officials"], summary["agencies"]
    return {
        "sentences": summary["sentences"],
        "officials_precision_overlap_PER": o["precision_overlap_PER"],
        "officials_precision_exact_PER": o["precision_exact_PER"],
        "officials_recall_PER_next_to_position": o["recall_PER_next_to_position"],
        "agencies_precision_overlap_ORG": a["precision_overlap_ORG"],
        "agencies_recall_ORG_public_body": a["recall_ORG_public_body"],
        "agencies_recall_all_ORG": a["recall_all_ORG"],
        "quantities_per_1000_sentences": summary["quantities"]["per_1000_sentences"],
        "dates_per_1000_sentences": summary["dates"]["per_1000_sentences"],
        "W006_stage_failed": summary["robustness"]["W006_stage_failed"],
    }


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path,
                    default=Path(os.environ.get("EKTP_IDNER_DIR", DEFAULT_DATA)))
    ap.add_argument("--out", type=Path, default=HERE / "realtext.json")
    ap.add_argument("--samples", type=Path,
                    help="write a seeded sample of 40 quantities and 40 dates")
    ap.add_argument("--dump", type=Path, help="write every disagreement with its context")
    args = ap.parse_args(argv)
    missing = [s for s in SPLITS if not (args.data / f"{s}.txt").is_file()]
    if missing:
        print(f"idner-news-2k not found in {args.data} (missing {', '.join(missing)}); "
              "set --data or EKTP_IDNER_DIR", file=sys.stderr)
        return 2
    res = run(args.data, args.samples, args.dump)
    print(table(res))
    args.out.write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwritten {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
