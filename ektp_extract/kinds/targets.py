"""Extraction of `targets` (SPEC §3): a stated target and what was achieved against it.

Runs last: it reads the quantities (``doc.scratch["quantity_info"]``), the
dates (``doc.dates``, for ``as_of``) and the agencies (``doc.agencies``, for
the owner) found by the earlier stages.

1. **Target.** A cue of ``patterns/targets.toml`` (``target``, ``Taget``,
   ``menargetkan``, ``ditargetkan``, ``sasaran``, ``dipatok``, ``harus
   mencapai`` ...) takes the first quantity after it in its clause (the
   sentence, cut at ``sedangkan``, ``namun`` ...; at most 140 characters
   away), or else a quantity right before it (``2.500 pelajar
   ditargetkan``). Ages and durations are never targets. A cue followed by
   ``itu`` / ``tersebut`` points back and gives nothing, and idioms such as
   ``tepat sasaran`` are blocked.
2. **Achievement.** A quantity in an achievement clause (after ``dicapai``,
   ``realisasi``, ``capaian``, ``sudah merekam`` ... in its sentence, or right
   before such a cue) that shares the target's unit: both percentages, both
   money, or counts of the same noun family (``KTP`` / ``e-KTP``; ``jiwa`` /
   ``warga`` / ``wajib KTP``). The target's own sentence is searched first,
   then the other sentences of its paragraph, then the neighbouring
   paragraphs. Totals after ``dari`` are denominators, not achievements.
3. ``achievement_rate`` = achieved / target (4 decimals) when both are known;
   ``as_of`` is the date mention nearest before the achieved figure in its
   clause (``per Desember 2015``); ``owner_agency_id`` / ``region`` come from
   an agency mentioned in the target's sentence (else its paragraph), or a
   region named there (``Kota Magelang``).
4. ``metric``: the content words between the cue and the figure
   (``menargetkan perekaman mencapai 100 persen`` → ``perekaman``), else the
   noun after a percentage (``30 persen anak`` → ``anak``), else the counted
   noun, else the subject before a passive cue (``Capaian perekaman
   ditargetkan``).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from operator import attrgetter
from typing import Final, Optional

import regex

from ..document import Document
from ..lexicon import Lexicon, register_table
from ..fill import filled
from ..models import OPT_STR, Agency, DateMention, Quantity, Span, Target
from ..twins import Twin
from .numbers import AnchoredPattern, alternation, trie_alternation
from .officials import lower_words
from .quantities import QuantityInfo, lowered
from .regions import match_region
from .targets_rows import FormsRow as FormsRow, CueRow as CueRow


def _words(forms: list[str]) -> str:
    """Whole-word trie of lowercase forms: ``\\b(?:...)\\b`` (forms are letters at both ends)."""
    return r"\b" + trie_alternation(forms) + r"(?![\p{L}\d])"


register_table("targets", "target_cues", CueRow)
for _name in (
    "achievement_cues",
    "blockers",
    "anaphora",
    "clause_breaks",
    "metric_skip",
    "denominators",
    "chase_verbs",
    "state_words",
):
    register_table("targets", _name, FormsRow)

RULE: Final = "targets"
#: How far after a cue its figure may be, and how far before a passive cue.
FORWARD: Final = 140
BACKWARD: Final = 40
#: How far an achievement cue may be from its figure.
ACH_FORWARD: Final = 90
ACH_BACKWARD: Final = 30
TARGET_KINDS: Final = frozenset({"count", "percent", "money", "other"})


@dataclass(frozen=True)
class _Rx:
    cue: regex.Pattern[str]
    ach: regex.Pattern[str]
    cue_scan: AnchoredPattern  # cue.finditer, near the cue words only
    ach_scan: AnchoredPattern
    blocker: regex.Pattern[str]
    anaphor: regex.Pattern[str]
    brk: regex.Pattern[str]
    brk_scan: AnchoredPattern
    word: regex.Pattern[str]
    region_cue: Twin  # (a regex pattern, run as its stdlib twin on ASCII text)
    skip: frozenset[str]
    windows: dict[str, int]  # lowercase cue form → its window
    cue_kinds: dict[str, frozenset[str]]  # lowercase cue form → the kinds it may take
    chase: frozenset[str]
    denominators: frozenset[str]
    denom_last: frozenset[str]
    state: regex.Pattern[str]
    # the patterns above run as their stdlib twins on ASCII text (the same matches)
    cue_t: Twin
    ach_t: Twin
    blocker_t: Twin
    anaphor_t: Twin
    word_t: Twin
    state_t: Twin
    # the anchors of cue_scan, ach_scan and brk_scan with the forms holding them (``_needed``)
    cue_forms: "_AnchorForms"
    ach_forms: "_AnchorForms"
    brk_forms: "_AnchorForms"
    # the same, indexed by word (``_needed_ix``)
    cue_ix: "_AnchorIndex"
    ach_ix: "_AnchorIndex"
    brk_ix: "_AnchorIndex"


def _forms(lex: Lexicon, table: str) -> list[str]:
    return sorted({f.lower() for r in lex.rows("targets", table) for f in r.forms})


def _build(lex: Lexicon) -> _Rx:
    den = frozenset(" ".join(f.split()) for f in _forms(lex, "denominators"))
    cue = regex.compile(_words(_forms(lex, "target_cues")))
    ach = regex.compile(_words(_forms(lex, "achievement_cues")))
    brk = regex.compile(r"[;]|" + alternation(_forms(lex, "clause_breaks"), word=True))
    cue_scan = AnchoredPattern(cue, _forms(lex, "target_cues"))
    ach_scan = AnchoredPattern(ach, _forms(lex, "achievement_cues"))
    brk_scan = AnchoredPattern(brk, [";", *_forms(lex, "clause_breaks")])
    cue_forms = _anchor_forms(cue_scan, _forms(lex, "target_cues"))
    ach_forms = _anchor_forms(ach_scan, _forms(lex, "achievement_cues"))
    brk_forms = _anchor_forms(brk_scan, [";", *_forms(lex, "clause_breaks")])
    blocker = regex.compile(_words(_forms(lex, "blockers")))
    anaphor = regex.compile(r"[ \t]+" + alternation(_forms(lex, "anaphora"), word=True))
    word = regex.compile(r"[\p{L}][\p{L}\d/-]*")
    state = regex.compile(alternation(_forms(lex, "state_words"), word=True))
    return _Rx(
        cue=cue,
        ach=ach,
        cue_scan=cue_scan,
        cue_forms=cue_forms,
        ach_forms=ach_forms,
        brk_forms=brk_forms,
        cue_ix=_AnchorIndex(cue_forms),
        ach_ix=_AnchorIndex(ach_forms),
        brk_ix=_AnchorIndex(brk_forms),
        ach_scan=ach_scan,
        blocker=blocker,
        anaphor=anaphor,
        brk=brk,
        brk_scan=brk_scan,
        word=word,
        region_cue=Twin(
            regex.compile(
                r"\b(?P<cue>Kota|Kabupaten|Kab\.|Provinsi|Pemkot\.?|Pemkab\.?|Pemprov\.?)"
                r"[ \t]+(?=\p{Lu})"
            )
        ),
        skip=frozenset(_forms(lex, "metric_skip")),
        windows={
            " ".join(f.lower().split()): r.window
            for r in lex.rows("targets", "target_cues")
            for f in r.forms
        },
        cue_kinds={
            " ".join(f.lower().split()): frozenset(r.kinds)
            for r in lex.rows("targets", "target_cues")
            if r.kinds
            for f in r.forms
        },
        chase=frozenset(_forms(lex, "chase_verbs")),
        denominators=den,
        state=state,
        cue_t=Twin(cue),
        ach_t=Twin(ach),
        blocker_t=Twin(blocker),
        anaphor_t=Twin(anaphor),
        word_t=Twin(word),
        state_t=Twin(state),
        denom_last=frozenset(f.split()[-1] for f in den),
    )


def _rx(lex: Lexicon) -> _Rx:
    rx: _Rx = lex.compiled("targets:rx", _build)
    return rx


_START: Final = attrgetter("start")


@dataclass
class _Pool:
    """The article's quantities (value known), sorted, with their positions for bisection."""

    infos: list[QuantityInfo]
    starts: list[int]  # record starts
    nums: list[int]  # number starts

    @classmethod
    def of(cls, infos: list[QuantityInfo]) -> "_Pool":
        infos = sorted(infos, key=_START)
        return cls(infos, [q.start for q in infos], [q.num_start for q in infos])

    def between(self, lo: int, hi: int) -> list[QuantityInfo]:
        """Quantities starting in [lo, hi)."""
        return self.infos[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)]


@dataclass(init=False)
class _Clause:
    start: int
    end: int

    # the dataclass's __init__ written out, compiled in the compiled build (tests/test_build.py)
    def __init__(self, start: int, end: int) -> None:
        self.start = start
        self.end = end


def run(doc: Document) -> None:
    """Find targets in ``doc.text`` and append them to ``doc.targets``."""
    infos = doc.scratch.get("quantity_info")
    if not infos:
        return
    rx = _rx(doc.lexicon)
    text = doc.text
    low = lowered(text, doc.lower_text())  # (quantities made the text's lower case)
    start_at = doc.body_start if 0 <= doc.body_start < len(low) else 0
    cues = rx.cue_scan.finditer(low, start_at, None, _scan_anchors(doc, rx, "cue"))
    if not cues:
        return
    pool = _Pool.of([q for q in infos if q.record.value is not None])
    if not pool.infos:
        return
    used: set[int] = set()
    found: list[tuple[QuantityInfo, int, int, regex.Match[str]]] = []
    table_rows: list[tuple[QuantityInfo, Optional[QuantityInfo], int, int]] = []
    for cue in cues:
        b = rx.blocker_t.search(low, max(0, cue.start() - 24), min(len(low), cue.end() + 24))
        if b is not None and b.start() <= cue.start() < b.end():
            continue  # "tepat sasaran", "target operasi"
        rows = _table(rx, text, low, pool, cue, used)
        if rows is not None:
            table_rows.extend(rows)
            continue
        if rx.anaphor_t.match(low, cue.end()):
            continue  # "target itu": points back
        if low[cue.end() : cue.end() + 1] == ",":
            words = low[max(0, cue.start() - 20) : cue.end()].split()[-3:]
            if any(w in rx.chase for w in words):
                continue  # "untuk mengejar target, dinas ...": no figure of its own
        q = _target_for(doc, rx, low, pool, cue, used)
        if q is None:
            continue
        used.add(id(q))
        found.append((q, cue.start(), cue.end(), cue))
        for q2 in _coordinated(doc, rx, low, pool, q, cue, used):
            used.add(id(q2))
            found.append((q2, cue.start(), cue.end(), cue))
    for tq, aq, hs, he in table_rows:
        _emit(doc, rx, low, tq, hs, he, aq, None, table=True)
    if not found:
        return
    targets_ids = {id(q) for q, *_ in found}
    for q, cs, ce, cue in found:
        nb = _neighbourhood(doc, q.start)
        metric = _metric(rx, text, low, q, cs, ce, None, doc)
        keywords = _keywords(rx, metric, q)
        achieved = _achievement(doc, rx, low, pool, q, nb, targets_ids, keywords)
        ach_cue = None
        if achieved is not None:
            acs = _in_ach_clause(doc, rx, low, achieved, nb)
            ach_cues = _ach_cues(doc, rx, low, achieved, nb)
            ach_cue = next(((a, b) for a, b in ach_cues if a == acs), None)
        _emit(doc, rx, low, q, cs, ce, achieved, ach_cue, metric=metric)


_Anchor = tuple[str, int, int]
#: Per anchor of an AnchoredPattern: the anchor, whether a form holding it is not made of
#: letter words (";": always needed), its one-word forms, the word sets of the others.
_AnchorForms = tuple[tuple[_Anchor, bool, frozenset[str], tuple[frozenset[str], ...]], ...]


def _anchor_forms(ap: AnchoredPattern, forms: list[str]) -> _AnchorForms:
    norm = sorted({" ".join(f.split()) for f in forms if f.strip()})
    out = []
    for a in ap.anchors:
        holders = [f for f in norm if a[0] in f]
        always = any(not w.isalpha() for f in holders for w in f.split())
        singles = frozenset(f for f in holders if " " not in f)
        multis = tuple(frozenset(f.split()) for f in holders if " " in f)
        out.append((a, always, singles, multis))
    return tuple(out)


def _needed(forms: _AnchorForms, words: Optional[frozenset[str]]) -> Optional[tuple[_Anchor, ...]]:
    """The anchors a text with the letter runs ``words`` needs (None: all of them).

    The cue, achievement and clause-break patterns match whole words only (``\\b``
    before a form, no letter or digit after it, spaces between its words), so each word
    of a match is a whole run of letters of the text. A form with a word the text lacks
    cannot occur; the anchors of the forms that can still cover every match, so the scan
    finds the same matches from fewer ``str.find`` passes (tests/test_targets.py compares)."""
    if words is None:
        return None
    out: list[_Anchor] = []
    for anchor, always, singles, multis in forms:
        if always or not words.isdisjoint(singles):
            out.append(anchor)
            continue
        for m in multis:
            if m <= words:
                out.append(anchor)
                break
    return tuple(out)


class _AnchorIndex:
    """An ``_AnchorForms`` indexed by word, for :func:`_needed_ix`: the anchors always
    needed, the anchors of each one-word form, and the word sets of the other forms under
    their first word (sorted) with their anchor."""

    __slots__ = ("anchors", "always", "singles", "single_keys", "multis", "multi_keys")

    def __init__(self, forms: _AnchorForms) -> None:
        self.anchors = tuple(f[0] for f in forms)
        self.always = frozenset(i for i, f in enumerate(forms) if f[1])
        singles: dict[str, list[int]] = {}
        multis: dict[str, list[tuple[frozenset[str], int]]] = {}
        for i, (_, _, ones, many) in enumerate(forms):
            for w in ones:
                singles.setdefault(w, []).append(i)
            for m in many:
                multis.setdefault(min(m), []).append((m, i))
        self.singles = {w: tuple(v) for w, v in singles.items()}
        self.single_keys = frozenset(singles)
        self.multis = {w: tuple(v) for w, v in multis.items()}
        self.multi_keys = frozenset(multis)


def _needed_ix(ix: _AnchorIndex, words: Optional[frozenset[str]]) -> Optional[tuple[_Anchor, ...]]:
    """:func:`_needed` from the index: the same anchors, in the same order, looking only at
    the forms whose (first) word the text has (tests/test_targets.py compares the two)."""
    if words is None:
        return None
    idx = set(ix.always)
    singles = ix.singles
    for w in ix.single_keys.intersection(words):
        idx.update(singles[w])
    multis = ix.multis
    for w in ix.multi_keys.intersection(words):
        for m, i in multis[w]:
            if i not in idx and m <= words:
                idx.add(i)
    anchors = ix.anchors
    return tuple(anchors[i] for i in sorted(idx))


def _scan_anchors(doc: Document, rx: _Rx, which: str) -> Optional[tuple[_Anchor, ...]]:
    """The anchors of ``rx.<which>_scan`` this document needs, found once per text."""
    text = doc.text
    hit = doc.scratch.get("targets:anchors")
    if hit is None or hit[0] is not text:
        lw = lower_words(doc)  # (built by officials, which runs first; None on non-ASCII text)
        words = lw.words if lw is not None else None
        hit = doc.scratch["targets:anchors"] = (
            text,
            {"cue": _needed_ix(rx.cue_ix, words), "ach": _needed_ix(rx.ach_ix, words),
             "brk": _needed_ix(rx.brk_ix, words)},
        )
    anchors: Optional[tuple[_Anchor, ...]] = hit[1][which]
    return anchors


def _para_index(doc: Document, start: int) -> int:
    """Index in ``doc.paragraphs`` of the paragraph starting at ``start`` (-1 if none)."""
    starts: list[int] = doc.scratch.get("targets:para_starts") or []
    if len(starts) != len(doc.paragraphs):
        starts = doc.scratch["targets:para_starts"] = [p[0] for p in doc.paragraphs]
    i = bisect_left(starts, start)
    return i if i < len(starts) and starts[i] == start else -1


def _neighbourhood(doc: Document, pos: int) -> tuple[int, int]:
    """From the paragraph before ``pos``'s paragraph to the one after it."""
    paras = doc.paragraphs
    para = doc.paragraph_of(pos)
    i = _para_index(doc, para[0]) if para is not None else -1
    if i < 0:
        return 0, len(doc.text)
    return paras[max(0, i - 1)][0], paras[min(len(paras) - 1, i + 1)][1]


_TOKEN: Final = regex.compile(r"\S+")
_NUMBER_TOKEN: Final = regex.compile(r"(?:Rp\.?)?\d[\d.,]*%?")


def _table(
    rx: _Rx, text: str, low: str, pool: _Pool, cue: regex.Match[str], used: set[int]
) -> Optional[list[tuple[QuantityInfo, Optional[QuantityInfo], int, int]]]:
    """A table whose header names a target column (``Kecamatan Target Realisasi Persen``):
    in each row the figure under it is a target and the one under an achievement column
    its achievement. Columns are aligned from the right (row labels may have spaces;
    tabs are spaces in the working text). None when the cue is not a header word."""
    ls = text.rfind("\n", 0, cue.start()) + 1
    le = text.find("\n", cue.end())
    le = len(text) if le == -1 else le
    if le - ls > 160:
        return None  # a paragraph, not a header line
    head = [(m.start(), m.end()) for m in _TOKEN.finditer(text, ls, le, False, False)]
    if not 3 <= len(head) <= 10 or any(c.isdigit() for c in text[ls:le]):
        return None
    tcol = next((i for i, (a, b) in enumerate(head) if a == cue.start() and b == cue.end()), None)
    if not tcol:
        return None
    acol = next(
        (i for i, (a, b) in enumerate(head) if i and rx.ach_t.fullmatch(low, a, b)), None
    )
    rows: list[tuple[QuantityInfo, Optional[QuantityInfo], int, int]] = []
    pos = le + 1
    while pos < len(text):
        nl = text.find("\n", pos)
        nl = len(text) if nl == -1 else nl
        toks = [(m.start(), m.end()) for m in _TOKEN.finditer(text, pos, nl, False, False)]
        n_num = 0
        for a, b in reversed(toks):
            if not _NUMBER_TOKEN.fullmatch(text, a, b, False):
                break
            n_num += 1
        if n_num < len(head) - 1 or len(toks) == n_num:
            break
        tq = _in_cell(pool, toks[len(toks) - (len(head) - tcol)])
        aq = _in_cell(pool, toks[len(toks) - (len(head) - acol)]) if acol is not None else None
        if tq is not None and id(tq) not in used and tq.record.kind in TARGET_KINDS:
            used.add(id(tq))
            rows.append((tq, aq if aq is not None and _compatible(tq, aq) else None, pos, nl))
        pos = nl + 1
    return rows or None


def _in_cell(pool: _Pool, cell: tuple[int, int]) -> Optional[QuantityInfo]:
    i = bisect_left(pool.nums, cell[0])
    if i < len(pool.infos) and pool.infos[i].num_start < cell[1]:
        return pool.infos[i]
    return None


def _clause(doc: Document, rx: _Rx, low: str, pos: int) -> _Clause:
    """The sentence around ``pos``, cut at clause breaks (sedangkan, namun, ;)."""
    sent = doc.sentence_of(pos) or doc.paragraph_of(pos) or (0, len(low))
    s, e = sent
    cache: dict[tuple[int, int], list[tuple[int, int]]] = doc.scratch.setdefault("targets:brk", {})
    breaks = cache.get(sent)
    if breaks is None:  # the breaks of a sentence, found once
        breaks = cache[sent] = [
            m.span() for m in rx.brk_scan.finditer(low, s, e, _scan_anchors(doc, rx, "brk"))
        ]
    for bs, be in breaks:
        if bs < pos:
            s = be
        else:
            e = bs
            break
    return _Clause(s, e)


def _eligible(q: QuantityInfo) -> bool:
    return q.record.kind in TARGET_KINDS


def _target_for(
    doc: Document, rx: _Rx, low: str, pool: _Pool, cue: regex.Match[str], used: set[int]
) -> Optional[QuantityInfo]:
    cl = _clause(doc, rx, low, cue.start())
    infos = pool.infos
    i = bisect_left(pool.nums, cue.end())
    form = " ".join(cue.group(0).split())
    window = rx.windows.get(form, FORWARD)
    kinds = rx.cue_kinds.get(form)
    for q in infos[i:]:
        if q.num_start >= cl.end or q.num_start - cue.end() > window:
            break
        if id(q) in used:
            continue
        if not _eligible(q):
            if q.record.kind in ("age", "duration"):
                continue
            break
        if rx.cue_t.search(low, cue.end(), q.start) is not None:
            break  # another cue owns it
        if kinds is not None and q.record.kind not in kinds:
            break  # "berkomitmen memberantas ... 300 warga": not a stated goal
        return q
    # a figure right before a passive cue: "2.500 pelajar ditargetkan"
    if not cue.group(0).startswith("di"):
        return None
    for q in reversed(infos[:i]):
        if q.end > cue.start() or id(q) in used:
            continue
        if q.end < cl.start or cue.start() - q.end > BACKWARD or not _eligible(q):
            break
        between = low[q.end : cue.start()]
        if not _PUNCT.isdisjoint(between):
            break
        return q
    return None


#: ``[.;,]``: a figure separated by one of these is not the subject of a passive cue.
_PUNCT: Final = frozenset(".;,")
_VERB: Final = Twin(regex.compile(r"(?:me[mnr]?|meng|meny|ber|di|ter)\p{Ll}{4,}"))
_COORD: Final = Twin(regex.compile(r"(?:,|\bdan\b|\bserta\b|\batau\b)"))


def _coordinated(
    doc: Document,
    rx: _Rx,
    low: str,
    pool: _Pool,
    first: QuantityInfo,
    cue: regex.Match[str],
    used: set[int],
) -> list[QuantityInfo]:
    """Figures coordinated with the first target of a cue: ``10 juta ... dan 15,6 juta ...``."""
    if first.start < cue.end():
        return []
    cl = _clause(doc, rx, low, cue.start())
    out: list[QuantityInfo] = []
    prev = first
    for q in pool.between(first.start + 1, cl.end):
        if q.start <= prev.start or id(q) in used:
            continue
        if q.start >= cl.end or q.start - prev.end > 80:
            break
        if not _compatible(first, q):
            continue
        gap = low[prev.end : q.start]
        if (
            not _COORD.search(gap)
            or rx.cue_t.search(gap)
            or rx.ach_t.search(gap)
            or rx.state_t.search(gap)
            or _is_denominator(rx, low, q)
        ):
            break
        out.append(q)
        prev = q
    return out


def _compatible(t: QuantityInfo, a: QuantityInfo) -> bool:
    tk, ak = t.record.kind, a.record.kind
    if tk == ak == "other" and t.record.unit is None and a.record.unit is None:
        return True  # bare figures, as in a table's columns
    if tk == "percent" or ak == "percent":
        return tk == ak
    if tk == "money" or ak == "money":
        return tk == ak and t.record.unit == a.record.unit
    if tk != "count" or ak != "count":
        return False
    if t.family and t.family == a.family:
        return True
    tu, au = (t.record.unit or "").lower(), (a.record.unit or "").lower()
    return bool(tu) and tu == au


def _is_denominator(rx: _Rx, low: str, q: QuantityInfo) -> bool:
    prev = low[max(0, q.start - 24) : q.start].split()
    if not prev or prev[-1] not in rx.denom_last:
        return False
    return any(" ".join(prev[-k:]) in rx.denominators for k in (2, 1) if len(prev) >= k)


def _ach_cues(
    doc: Document, rx: _Rx, low: str, q: QuantityInfo, nb: tuple[int, int]
) -> list[tuple[int, int]]:
    """The achievement cues of ``q``'s sentence (of the neighbourhood ``nb`` when ``q``
    is in none), found once per sentence."""
    rng = doc.sentence_of(q.start) or nb
    cache: dict[tuple[int, int], list[tuple[int, int]]] = doc.scratch.setdefault("targets:ach", {})
    cues = cache.get(rng)
    if cues is None:
        cues = cache[rng] = [
            m.span() for m in rx.ach_scan.finditer(low, rng[0], rng[1], _scan_anchors(doc, rx, "ach"))
        ]
    return cues


def _in_ach_clause(
    doc: Document, rx: _Rx, low: str, q: QuantityInfo, nb: tuple[int, int]
) -> Optional[int]:
    """Start of the achievement cue that governs ``q``, or None (``nb``: the target's
    neighbourhood, searched when ``q`` is in no sentence)."""
    sent = doc.sentence_of(q.start) or (0, len(low))
    best: Optional[int] = None
    for cs, ce in _ach_cues(doc, rx, low, q, nb):
        if cs < sent[0]:
            continue
        if cs >= sent[1]:
            break
        if ce <= q.start and q.start - ce <= ACH_FORWARD:
            if rx.cue_t.search(low, ce, q.start) is None:
                best = cs
        elif cs >= q.end and cs - q.end <= ACH_BACKWARD and best is None:
            return cs
    return best


def _achievement(
    doc: Document,
    rx: _Rx,
    low: str,
    pool: _Pool,
    t: QuantityInfo,
    nb: tuple[int, int],
    targets: set[int],
    keywords: frozenset[str] = frozenset(),
) -> Optional[QuantityInfo]:
    """The achieved figure that goes with target ``t``, nearest first (``nb``: its
    neighbourhood). A figure in a neighbouring paragraph counts only when its sentence
    has one of ``keywords``."""
    para = doc.paragraph_of(t.start) or (0, len(low))
    sent = doc.sentence_of(t.start) or para
    paras = doc.paragraphs
    pi = _para_index(doc, para[0])
    scopes: list[tuple[int, int]] = [sent, para]
    if pi >= 0:
        if pi + 1 < len(paras):
            scopes.append(paras[pi + 1])
        if pi > 0:
            scopes.append(paras[pi - 1])
    seen: set[int] = set()
    for k, (lo, hi) in enumerate(scopes):
        found = [
            q
            for q in pool.between(lo, hi)
            if id(q) not in targets and id(q) not in seen and _compatible(t, q)
        ]
        seen.update(id(q) for q in found)
        found = [q for q in found if not _is_denominator(rx, low, q)]
        found = [q for q in found if _in_ach_clause(doc, rx, low, q, nb) is not None]
        if k >= 2:  # another paragraph: only when it speaks of the same thing
            found = [q for q in found if _shares_keyword(doc, low, q, keywords)]
        if found:
            after = [q for q in found if q.start >= t.end]
            return after[0] if after else found[-1]
    if t.record.kind in ("count", "money"):
        # "target 1.000 KTP ... tercapai 80 persen": the achievement stated as a share of the
        # target; linked (from the target's sentence or paragraph) but no rate is computed
        for lo, hi in scopes[:2]:
            found = [
                q
                for q in pool.between(lo, hi)
                if id(q) not in targets
                and q.record.kind == "percent"
                and q.start >= t.end
                and not _is_denominator(rx, low, q)
                and _in_ach_clause(doc, rx, low, q, nb) is not None
            ]
            if found:
                return found[0]
    return None


#: Date mentions that state an as-of point (preferred over other dates in the clause).
_AS_OF_WORDS: Final = ("per ", "hingga ", "sampai ", "s.d.", "s/d", "sejak ", "terhitung ", "data ")


def _shares_keyword(doc: Document, low: str, q: QuantityInfo, keywords: frozenset[str]) -> bool:
    if not keywords:
        return False
    sent = doc.sentence_of(q.start) or (q.start, q.end)
    return not keywords.isdisjoint(_LETTER_WORD.findall(low[sent[0] : sent[1]]))


#: Words of letters (and hyphens), for ``_shares_keyword``.
_LETTER_WORD: Final = Twin(regex.compile(r"\p{L}[\p{L}-]+"))


def _keywords(rx: _Rx, metric: Optional[str], t: QuantityInfo) -> frozenset[str]:
    """Content words of a target's metric and counted noun (for linking across paragraphs)."""
    words = f"{metric or ''} {t.record.unit or ''}".lower().split()
    return frozenset(
        w for w in words if len(w) >= 4 and w not in rx.skip and w not in ("persen", "rupiah")
    )


def _as_of(
    doc: Document,
    rx: _Rx,
    low: str,
    a: QuantityInfo,
    t: QuantityInfo,
    ach_cue: Optional[tuple[int, int]],
) -> Optional[DateMention]:
    """The date of the achieved figure's clause: one written as an as-of point (``per
    Desember 2015``, ``hingga Juni``) first, then the nearest before the figure, then after."""
    cl = _clause(doc, rx, low, a.start)
    lo = cl.start
    if t.end <= a.start and t.start >= cl.start:
        lo = t.end  # the target's own dates are deadlines, not as-of dates
        cut = low.rfind(",", lo, ach_cue[0] if ach_cue is not None else a.start)
        if cut != -1:
            lo = cut  # "target 99 persen pada akhir 2018, naik dari capaian ..."
    hi = min(cl.end, a.end + 40)
    src_lo, _ = doc.prep.to_source(lo, lo + 1) if lo < len(low) else (len(doc.source), 0)
    src_hi = doc.prep.to_source(max(lo, hi - 1), hi)[1] if hi > lo else src_lo
    a_src = a.record.span.start
    best: Optional[DateMention] = None
    best_key: tuple[int, int, int] = (2, 2, 0)
    dates: Optional[list[DateMention]] = doc.scratch.get("targets:dates")
    if dates is None or len(dates) != len(doc.dates):
        dates = doc.scratch["targets:dates"] = sorted(doc.dates, key=lambda d: d.span.start)
        doc.scratch["targets:date_starts"] = [d.span.start for d in dates]
    date_starts: list[int] = doc.scratch["targets:date_starts"]
    for d in dates[bisect_left(date_starts, src_lo) : bisect_left(date_starts, src_hi)]:
        if d.value is None or d.role == "publication":
            continue
        if not (src_lo <= d.span.start and d.span.end <= src_hi):
            continue
        cued = 0 if d.text.lower().startswith(_AS_OF_WORDS) else 1  # "per 30 November"
        key = (
            (cued, 0, a_src - d.span.end)
            if d.span.end <= a_src
            else (cued, 1, d.span.start - a.record.span.end)
        )
        if key < best_key:
            best, best_key = d, key
    return best


def _owner(
    doc: Document, rx: _Rx, t: QuantityInfo, cue_start: int
) -> tuple[Optional[str], Optional[str]]:
    """(agency id, region) of the body that owns the target."""
    sent = doc.sentence_of(cue_start) or (0, len(doc.text))
    para = doc.paragraph_of(cue_start) or sent
    cue_src = doc.prep.to_source(cue_start, cue_start + 1)[0]
    scopes = (sent, para)
    named = [ag for ag in doc.agencies if not ag.inferred]
    for lo, hi in scopes if named else ():
        s_lo = doc.prep.to_source(lo, lo + 1)[0]
        s_hi = doc.prep.to_source(max(lo, hi - 1), hi)[1]
        best: Optional[Agency] = None
        best_d = 1 << 30
        for ag in named:
            for m in ag.mentions:
                ms, me = m.start, m.end
                if s_lo <= ms and me <= s_hi:
                    d = cue_src - me if me <= cue_src else (ms - cue_src) + 10_000
                    if d < best_d:
                        best, best_d = ag, d
        if best is not None:
            return best.id, best.region
    for lo, hi in scopes:
        region = _region_in(doc, rx, lo, hi)
        if region is not None:
            return None, region
    return None, None


#: Every match of ``_Rx.region_cue`` holds one of these (its cue words are case-sensitive).
_REGION_CUE_PIECES: Final = ("Kota", "Kab", "Provinsi", "Pem")


def _region_in(doc: Document, rx: _Rx, lo: int, hi: int) -> Optional[str]:
    text = doc.text
    find = text.find
    for piece in _REGION_CUE_PIECES:  # (the scan tries every position: skipped without a cue)
        if find(piece, lo, hi) != -1:
            break
    else:
        return None
    for m in rx.region_cue.finditer(text, lo, hi):
        cue = m.group("cue").rstrip(".").lower()
        type_ = {"pemkot": "kota", "pemkab": "kabupaten", "pemprov": "provinsi"}.get(cue)
        pos = m.end() if type_ else m.start()
        try:
            rm = match_region(doc.lexicon, text, pos, type_)  # type: ignore[arg-type]
        except Exception:
            return None
        if rm is not None and rm.start < hi:
            return rm.region.canonical
    return None


#: Units that never name what is counted: "target nasional 95 persen" has no metric "persen";
#: "596.184 keping" counts cards, "1000 perhari" is a rate.
_NOT_METRIC: Final = frozenset(
    "persen % prosen keping lembar buah unit set paket perhari pertahun perbulan perminggu"
    " per hari".split()
)


def _metric(
    rx: _Rx,
    text: str,
    low: str,
    t: QuantityInfo,
    cs: int,
    ce: int,
    ach_cue: Optional[tuple[int, int]],
    doc: Optional[Document] = None,
) -> Optional[str]:
    """The metric of ``_metric_words``, unless it is only a unit (``persen``, ``keping``):
    then the subject before the cue (``cakupan perekaman ... target 95 persen``), else none."""
    m = _metric_words(rx, text, low, t, cs, ce, ach_cue, doc)
    if m is None or m.lower() not in _NOT_METRIC:
        return m
    if doc is not None:
        # the first run of lowercase content words in the sentence before the cue
        sent = doc.sentence_of(cs) or (max(0, cs - 200), cs)
        run: list[str] = []
        prev_end = -1
        for w in rx.word_t.finditer(text, sent[0], cs):
            g = w.group(0)
            lg = g.lower()
            ok = (
                g[:1].islower()
                and lg not in rx.skip
                and lg not in _NOT_METRIC
                and not _VERB.fullmatch(lg)
            )
            if ok and (not run or text[prev_end : w.start()].isspace()):
                run.append(g)
                prev_end = w.end()
                if len(run) == 5:
                    break
            elif run:
                break
        if run:
            return " ".join(run)
    return None


#: Words that end the head of a subject: the place or year qualifying it.
_SUBJECT_END: Final = frozenset("kota kabupaten kab provinsi dki pemprov pemkot pemkab tahun ta".split())
#: Sentence openers before a subject ("Sementara Pendapatan Daerah ...").
_LEADS: Final = frozenset("sementara sedangkan adapun lalu kemudian selain".split())


def _metric_words(
    rx: _Rx,
    text: str,
    low: str,
    t: QuantityInfo,
    cs: int,
    ce: int,
    ach_cue: Optional[tuple[int, int]],
    doc: Optional[Document] = None,
) -> Optional[str]:
    """What is counted: words between cue and figure, after a percentage, after the
    achievement cue, the counted noun, or the subject before a passive cue."""
    if ce <= t.start:
        words = _content_words(rx, text, low, ce, t.start, stop_at_skip=True)
        if words:
            return words
    if t.record.kind == "percent":
        words = _content_words(rx, text, low, t.end, min(len(low), t.end + 60), stop_at_skip=True)
        if words:
            return words
        if ach_cue is not None:  # "capaian perekaman KTP-el ... 98,4 persen"
            words = _content_words(
                rx, text, low, ach_cue[1], min(len(low), ach_cue[1] + 60), stop_at_skip=True
            )
            if words:
                return words
    if t.record.kind == "count" and t.record.unit:
        return t.record.unit
    if t.end <= cs:  # passive: figure before the cue
        return t.record.unit
    if doc is not None and low.startswith("di", cs):
        # the subject before a passive cue: "Capaian perekaman ditargetkan"
        sent = doc.sentence_of(cs) or (max(0, cs - 40), cs)
        sent_words = [m for m in rx.word_t.finditer(text, max(sent[0], cs - 40), cs)]
        subject = [m.group(0) for m in sent_words[-3:] if m.group(0).lower() not in rx.skip]
        if cs - sent[0] > 40 and any(
            w.lower() in _SUBJECT_END or w[:1].isupper() or w[:1].isdigit() for w in subject
        ):
            # a long subject: its head, up to the place or year that qualifies it
            # ("Pendapatan Daerah Provinsi Jambi Tahun 2019 direncanakan" → "Pendapatan Daerah")
            head: list[str] = []
            for m in rx.word_t.finditer(text, sent[0], cs):
                w = m.group(0)
                lw = w.lower()
                if lw in _SUBJECT_END or any(c.isdigit() for c in w):
                    break
                if lw in _LEADS or (lw in rx.skip and (not head or w[:1].islower())):
                    if head:
                        break
                    continue
                head.append(w)
                if len(head) == 3:
                    break
            if head:
                return " ".join(head)
        if subject:
            return " ".join(subject)
    return t.record.unit


#: ``[.;:()"?!\n]``: no content word is read past one of these.
_HARD_STOP: Final = frozenset('.;:()"?!\n')


def _content_words(
    rx: _Rx, text: str, low: str, lo: int, hi: int, *, stop_at_skip: bool
) -> Optional[str]:
    """Up to four content words in [lo, hi): not function words, verbs or names."""
    out: list[str] = []
    prev_end = lo
    prev_name = False
    for m in rx.word_t.finditer(text, lo, hi):
        gap = text[prev_end : m.start()]
        if not _HARD_STOP.isdisjoint(gap) or (out and "," in gap):
            break
        prev_end = m.end()
        w = m.group(0)
        lw = w.lower()
        name = w[:1].isupper() and not w.isupper() and w.isalpha()  # Disdukcapil, Jakarta
        acronym_of_name = w.isupper() and prev_name  # "Disdukcapil KBB"
        prev_name = name
        if lw in rx.skip or _VERB.fullmatch(lw) or name or acronym_of_name:
            if out and stop_at_skip:
                break
            continue
        out.append(w)
        if len(out) == 4:
            break
    return " ".join(out) if out else None


def _row_label(text: str, s: int, e: int) -> Optional[str]:
    """The words before a table row's figures (``Tanjung Karang Barat``), as its metric."""
    words = []
    for m in _TOKEN.finditer(text, s, e, False, False):
        if _NUMBER_TOKEN.fullmatch(m.group(0)):
            break
        words.append(m.group(0))
    return " ".join(words) or None


def _emit(
    doc: Document,
    rx: _Rx,
    low: str,
    t: QuantityInfo,
    cs: int,
    ce: int,
    achieved: Optional[QuantityInfo],
    ach_cue: Optional[tuple[int, int]] = None,
    *,
    table: bool = False,
    metric: Optional[str] = None,
) -> None:
    """Build one Target. ``cs``/``ce`` are the cue (or, for a table row, the row);
    ``metric`` is the metric found without an achievement cue, if known."""
    text = doc.text
    if table:
        start, end = cs, ce
    else:
        start, end = (cs, t.end) if cs < t.start else (t.start, ce)
    span = doc.span(start, end)
    rate: Optional[float] = None
    as_of: Optional[DateMention] = None
    if achieved is not None:
        tv, av = t.record.value, achieved.record.value
        if tv and av is not None and _compatible(t, achieved):
            rate = round(float(av) / float(tv), 4)
        as_of = _as_of(doc, rx, low, achieved, t, ach_cue)
    agency_id, region = _owner(doc, rx, t, cs)
    target_q: Quantity = t.record
    doc.targets.append(
        make_target(
            _row_label(text, cs, ce)
            if table
            else metric
            if metric is not None and ach_cue is None
            else _metric(rx, text, low, t, cs, ce, ach_cue, doc),
            target_q,
            achieved.record if achieved is not None else None,
            rate,
            as_of,
            agency_id,
            region,
            span,
            f"{RULE}:{'table' if table else 'forward' if cs < t.start else 'backward'}",
        )
    )


_TARGET_FIELDS: Final = frozenset(Target.model_fields)


def make_target(
    metric: Optional[str],
    target: Quantity,
    achieved: Optional[Quantity],
    achievement_rate: Optional[float],
    as_of: Optional[DateMention],
    owner_agency_id: Optional[str],
    region: Optional[str],
    span: Span,
    rule: str,
) -> Target:
    """``Target(metric=..., target=..., ...)`` with every field given, filled as
    ``model_construct`` fills it after plain type checks (validation costs more than the
    rest of building it); tests/test_targets.py checks it equals the validated record."""
    if (
        type(metric) not in OPT_STR
        or type(target) is not Quantity
        or type(achieved) not in _OPT_QUANTITY
        or type(achievement_rate) not in _OPT_FLOAT
        or type(as_of) not in _OPT_DATE
        or type(owner_agency_id) not in OPT_STR
        or type(region) not in OPT_STR
        or type(span) is not Span
        or type(rule) is not str
    ):
        raise ValueError(f"invalid target fields: {metric!r} {achievement_rate!r} {rule!r}")
    return filled(Target, {
        "metric": metric, "target": target, "achieved": achieved, "achievement_rate": achievement_rate,
        "as_of": as_of, "owner_agency_id": owner_agency_id, "region": region, "span": span, "rule": rule,
    }, set(_TARGET_FIELDS))


_OPT_QUANTITY: Final = frozenset((Quantity, type(None)))
_OPT_FLOAT: Final = frozenset((float, type(None)))
_OPT_DATE: Final = frozenset((DateMention, type(None)))
