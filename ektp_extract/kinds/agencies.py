"""Extraction of `agencies` (SPEC §3): named public bodies and their mentions.

A *body type* is one row of ``patterns/agencies.toml``: ``disdukcapil`` is
"Dinas Kependudukan dan Pencatatan Sipil" with the acronyms Disdukcapil,
Dispendukcapil, Dukcapil, ... A concrete agency in an article is a body type
plus what follows it:

* ``takes = "region"``: a region (``Disdukcapil Kota Magelang``,
  ``Pemkot. Magelang``, ``Pemprov Jateng``), read by
  :func:`~ektp_extract.kinds.regions.match_region` right after the body, so
  region names are only ever looked up behind a cue;
* ``takes = "name"``: a proper name (``SMA Negeri 1 Mertoyudan``, ``RSUD Tidar``,
  ``PT Pos Indonesia``); without a name the word is generic and ignored;
* ``takes = "none"``: a national singleton (``Kemendagri``).

One pass of one compiled regex finds every full form and acronym; a second
step resolves acronym-only mentions (``Disdukcapil`` alone) to the agency of
that type already named in the article. Near-miss spellings of long acronyms
(``Disdikcapil``) link with a warning, and bodies outside the lexicon are
caught by their head word (``Dinas``, ``Badan``, ``Komisi`` ...) followed by
capitalised words, with an acronym in parentheses when the text gives one.
See docs/agencies.md.
"""

from __future__ import annotations

import os
import re
import string
from dataclasses import dataclass, field, replace
from operator import attrgetter
from typing import Callable, Final, Iterator, Literal, Optional, Sequence, get_args

import regex

from ..document import Document
from ..errors import W_AGENCY_NEAR as W_NEAR
from ..errors import W_AGENCY_UNKNOWN_ROW as W_UNKNOWN_ROW
from ..lexicon import Lexicon, register_table
from ..fill import filled
from ..models import OPT_STR, Agency, AgencyLevel, Span
from ..text import COMPASS_WORDS, one_edit
from ..twins import AnyMatch, Twin, ascii_twin, twin
from .agencies_rows import (_FIRST as _FIRST, Level as Level, BodyRow as BodyRow,
                            StopRow as StopRow, HeadRow as HeadRow, CueRow as CueRow,
                            NotBodyRow as NotBodyRow, CountryRow as CountryRow,
                            ForeignHeadRow as ForeignHeadRow, OfficeAcronymRow as OfficeAcronymRow,
                            NamedAfterRow as NamedAfterRow)
from .regions import (Region, RegionType, canonical_region, match_region, pick_alternative,
                      region_index)

__all__ = ["W_NEAR", "W_UNKNOWN_ROW", "agency_at", "ensure_inferred", "outermost_mentions", "run"]


# (_Row.__slots__, written out: mypyc compiles _Row as a native class, whose __slots__ is not readable)
_ROW_SLOTS: Final = ("id", "name", "forms", "patterns", "acronyms", "kind", "level", "takes",
              "region_types", "bare", "preceded_by", "name_optional", "name_needs_digit",
              "name_and", "person_names", "acronym_needs_full", "fused_prefixes", "same_as",
              "name_words", "name_fallback", "dot_before_name")


class _Row:
    """A :class:`BodyRow`'s fields as plain slots, read on the stage's hot path.

    A pydantic model answers every attribute read through its ``__getattr__`` hook
    (several times the cost of a slot); the rows are frozen, so a copy of their fields
    stays equal to them (tests/test_agencies.py compares every field of every row)."""

    __slots__ = ("id", "name", "forms", "patterns", "acronyms", "kind", "level", "takes",
                 "region_types", "bare", "preceded_by", "name_optional", "name_needs_digit",
                 "name_and", "person_names", "acronym_needs_full", "fused_prefixes", "same_as",
                 "name_words", "name_fallback", "dot_before_name")
    id: str
    name: str
    forms: list[str]
    patterns: list[str]
    acronyms: list[str]
    kind: str
    level: Optional[Level]
    takes: Literal["none", "region", "name", "party"]
    region_types: list[RegionType]
    bare: Literal["keep", "link", "local", "drop"]
    preceded_by: list[str]
    name_optional: bool
    name_needs_digit: bool
    name_and: bool
    person_names: bool
    acronym_needs_full: bool
    fused_prefixes: list[str]
    same_as: list[str]
    name_words: list[str]
    name_fallback: bool
    dot_before_name: bool

    def __init__(self, row: BodyRow) -> None:
        fields = row.__dict__
        for f in _ROW_SLOTS:
            setattr(self, f, fields[f])


register_table("agencies", "bodies", BodyRow)
register_table("agencies", "name_stops", StopRow)
register_table("agencies", "heads", HeadRow)
register_table("agencies", "not_bodies", NotBodyRow)
register_table("agencies", "initials_cues", CueRow)
register_table("agencies", "person_cues", CueRow)
register_table("agencies", "countries", CountryRow)
register_table("agencies", "foreign_heads", ForeignHeadRow)
register_table("agencies", "named_after", NamedAfterRow)
register_table("agencies", "sub_units", CueRow)
register_table("agencies", "office_acronyms", OfficeAcronymRow)

_LB: Final = r"(?<![\p{L}\d])"
_RB: Final = r"(?![\p{L}\d])"
_PAREN: Final = twin(r"[ ]?\([ ]?(?P<a>\p{Lu}[\p{L}\d./&-]{1,24}(?:[ ][\p{Lu}\d][\p{L}\d-]*)?)[ ]?\)")
_NATIONAL: Final = twin(r"[ ](?:RI|Republik Indonesia|Pusat)" + _RB)
_NAME_TOKEN: Final = twin(r"(?:[ ]+|(?<=\.)(?=\p{Lu}))(?P<t>[\p{Lu}\d][\p{L}\d'’./-]*)")
_PARENT: Final = twin(r"[ ](DPRD|DPR(?:[ ]RI)?|MPR(?:[ ]RI)?|DPD(?:[ ]RI)?)" + _RB)


def _alt(forms: list[str]) -> str:
    uniq = sorted(set(forms), key=lambda f: (-len(f), f))
    return "|".join(r"[ ]+".join(regex.escape(w) for w in f.split()) for f in uniq)


def _first_word(s: str) -> str:
    m = _FIRST.match(s)
    return m.group(0) if m else ""


_Trie = dict[str, "_Trie"]


def _trie(words: list[str]) -> str:
    """A regex alternation of ``words`` factored by common prefixes (fast to scan).

    >>> _trie(["Dinas", "Dinkes", "Disdik"])
    'Di(?:n(?:as|kes)|sdik)'
    """
    root: _Trie = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: _Trie) -> str:
        alts = [("[ ]+" if ch == " " else regex.escape(ch)) + emit(sub)
                for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        end = "" in node
        body = alts[0] if len(alts) == 1 and not end else "(?:" + "|".join(alts) + ")"
        return body + ("?" if end else "")

    return emit(root)


def _title(s: str) -> str:
    """Every word capitalised (``Dinas Kependudukan Dan Pencatatan Sipil``)."""
    return " ".join(w[:1].upper() + w[1:] for w in s.split())


def _norm(s: str) -> str:
    return " ".join(s.split())


@dataclass(slots=True)
class _Compiled:
    rows: dict[str, _Row]  # body types by id (their fields as slots)
    by_first: dict[str, regex.Pattern[str]]  # casefolded first word → anchored regex of its forms
    scan: regex.Pattern[str]  # capitalised words: where a body may start
    scan_words: frozenset[str]  # casefolded first words of forms, acronyms and heads
    full: dict[str, list[str]]  # casefolded full form → row ids
    acr: dict[str, list[str]]  # acronym (exact, and upper-cased) → row ids
    pattern_rows: dict[str, str]  # regex group name → row id
    near: dict[str, list[str]]  # first four letters → long acronyms (for near matches)
    near_len: dict[tuple[str, int], list[str]]  # (first four letters, length ± 1) → acronyms
    stops: dict[str, bool]  # casefolded stop word → may open a name
    person_first: frozenset[str]  # given names and name particles (from names.toml, if loaded)
    initials_cues: frozenset[str]  # words before a person's two-letter initials (kata MA)
    not_prefix: tuple[str, ...]  # casefolded phrases that never open a body
    not_alone: frozenset[str]  # casefolded phrases that are no body on their own
    heads: Twin | None
    head_kind: dict[str, str]
    position_words: frozenset[str] = frozenset()  # casefolded words of offices and roles (Ketua, anggota)
    field_words: frozenset[str] = frozenset()  # casefolded words of body names (Pertanian, Sipil)
    source_words: frozenset[str] = frozenset()  # news agencies: a name holding one is no body
    countries: dict[str, str] = field(default_factory=dict)  # form as written → country name
    foreign: dict[str, tuple[str, int]] = field(default_factory=dict)  # head → (kind, between)
    foreign_rx: dict[str, list[Twin]] = field(default_factory=dict)  # first word → regexes
    named_before: frozenset[str] = frozenset()
    named_after: frozenset[str] = frozenset()
    place_before: frozenset[str] = frozenset()
    fused: dict[str, str] = field(default_factory=dict)  # F-PDIP → party row id (organ row in acr)
    foreign_firsts: frozenset[str] = frozenset()
    sub_unit: Twin | None = None  # Suku Dinas (Kasudin) before a dinas
    sub_firsts: frozenset[str] = frozenset()
    sub_kind: str = "suku dinas"
    organ_rows: frozenset[str] = frozenset()  # rows with takes = "party"
    # casefolded first word → its acronyms, when only one-word acronyms start with it: the
    # scan's word is then a body exactly when it is one of them (no regex needed)
    single_acr: dict[str, frozenset[str]] = field(default_factory=dict)
    head_firsts: frozenset[str] = frozenset()  # casefolded first words of [[heads]]
    scan_ascii: re.Pattern[str] | None = None  # what _starts visits in ASCII text, in one pattern
    # by_first for ASCII text: each regex's stdlib twin (a fraction of the cost per call)
    by_first_ascii: dict[str, "re.Pattern[str] | regex.Pattern[str]"] = field(default_factory=dict)
    # military and police ranks (patterns/honorifics.toml): a corps acronym right after one is
    # part of a person's title (Mayjen TNI Budi), not a mention of the body
    ranks: frozenset[str] = frozenset()
    corps: frozenset[str] = frozenset()
    sub_units: frozenset[str] = frozenset()  # casefolded words opening a unit inside a body (Bidang)
    # one-word acronyms of regional governments written in lower case ("pemprov ") → as in
    # the lexicon (Pemprov): read only with a region after them (komitmen pemprov DKI)
    lower_gov: dict[str, str] = field(default_factory=dict)
    #: one scan for every lower-case start of a regional government (pemkab Kendal,
    #: pemerintah Kabupaten Kebumen, pemerintah daerah Kota Batu)
    lower_gov_scan: Optional["re.Pattern[str]"] = None
    #: the letters every word of lower_gov_scan opens with ("pem"): where its matches can start
    lower_gov_first: str = ""
    no_person_heads: frozenset[str] = frozenset()  # casefolded heads with person_names = false
    # (number of words, casefolded first or last word) → casefolded full forms of that shape
    # with a long word (for a full form misspelt in one word: Kementrian Agama)
    full_shape: dict[tuple[str, ...], list[tuple[str, int]]] = field(default_factory=dict)
    # rows whose bodies may join another key of the article (_merge_same): same_as, a name
    # (UIN X, PPK X), a dinas that a longer dinas name may hold
    merge_rows: frozenset[str] = frozenset()
    # merge row → the rows whose keys it may join (its same_as; the dinas rows that hold its
    # name + "dan"): without one of them in the article, only a second key of a name row
    # or a long generic dinas can give it a merge (the gate of _merge_same)
    merge_partners: dict[str, frozenset[str]] = field(default_factory=dict)
    partner_rows: frozenset[str] = frozenset()  # all rows of merge_partners' values
    gate_rows: frozenset[str] = frozenset()  # merge_rows | partner_rows (the gate's rows)
    name_merge_rows: frozenset[str] = frozenset()  # merge rows that take a name (no same_as)
    dinas_merge_rows: frozenset[str] = frozenset()  # merge rows of kind dinas (no same_as, no name)
    and_heads: dict[str, str] = field(default_factory=dict)  # dinas row → "its name dan "
    and_rows: dict[str, tuple[str, ...]] = field(default_factory=dict)  # → dinas rows so named
    #: [[office_acronyms]]: "last letter of a cue + space + head letter" strings to find (a few
    #: finds instead of one per cue) → the cues ending in that letter, the acronym's shape
    #: (matched at the head letter), and per row (kind, syllable prefixes, syllables, longest)
    office_finds: dict[str, tuple[str, ...]] = field(default_factory=dict)
    office_initials: frozenset[str] = frozenset()  # the rows' head letters (D)
    #: a cue's last letter + space + head letter + a second letter some shape allows ("a DL",
    #: "a Di"): the scan's starts whose text there is none of these are no candidates
    office_keys: frozenset[str] = frozenset()
    office_scan: Optional["re.Pattern[str]"] = None
    office_rows: dict[str, tuple[str, tuple[str, ...], frozenset[str], int]] = field(default_factory=dict)


#: The kind of a head that names the office of a dinas in one administrative city.
_SUB_KIND: Final = "suku dinas"


def _build(lex: Lexicon) -> _Compiled:
    rows: dict[str, _Row] = {r.id: _Row(r) for r in lex.rows("agencies", "bodies")}
    full: dict[str, list[str]] = {}
    acr: dict[str, list[str]] = {}
    near: dict[str, list[str]] = {}
    near_len: dict[tuple[str, int], list[str]] = {}
    pattern_rows: dict[str, str] = {}
    first: dict[str, tuple[list[str], list[str], list[str]]] = {}  # word → (full, acr, patterns)
    party_acr: list[tuple[str, str]] = []
    for r in rows.values():
        for f in [r.name, *r.forms]:
            ids = full.setdefault(_norm(f).casefold(), [])
            if r.id not in ids:
                ids.append(r.id)
            # as written, in capitals (headlines) and with every word capitalised
            for v in (_norm(f), _norm(f).upper(), _title(_norm(f))):
                first.setdefault(_first_word(f).casefold(), ([], [], []))[0].append(v)
        for a in r.acronyms:
            for v in {a, a.upper()}:
                ids = acr.setdefault(v, [])
                if r.id not in ids:
                    ids.append(r.id)
                first.setdefault(_first_word(v).casefold(), ([], [], []))[1].append(v)
            if len(a) >= 7 and a.isalpha():
                near.setdefault(a[:_NEAR_PREFIX], []).append(a)
                for n in (len(a) - 1, len(a), len(a) + 1):
                    near_len.setdefault((a[:_NEAR_PREFIX], n), []).append(a)
        if r.kind == "partai" and r.takes == "none":
            party_acr.extend((a, r.id) for a in r.acronyms)
        for p in r.patterns:
            word = _first_word(p)
            g = f"p_{len(pattern_rows)}"
            pattern_rows[g] = r.id
            first.setdefault(word.casefold(), ([], [], []))[2].append(f"(?P<{g}>{p})")
    # An organ written fused to a party's acronym: F-PDIP, FPPP (Fraksi PDIP, Fraksi PPP)
    fused: dict[str, str] = {}
    for r in rows.values():
        if r.takes != "party":
            continue
        for a, pid in party_acr:
            for prefix in r.fused_prefixes:
                if prefix.endswith("-") or (a.isupper() and a.isalpha()):
                    v = prefix + a
                    if v in acr or v in fused:
                        continue
                    fused[v] = pid
                    acr[v] = [r.id]
                    first.setdefault(_first_word(v).casefold(), ([], [], []))[1].append(v)
    by_first: dict[str, regex.Pattern[str]] = {}
    single_acr: dict[str, frozenset[str]] = {}
    for word, (fs, acs, ps) in first.items():
        if not fs and not ps and all(_FIRST.fullmatch(a) for a in acs):
            single_acr[word] = frozenset(acs)  # only one-word acronyms start with this word
        parts = list(ps)
        if fs:
            parts.append(f"(?P<f>{_trie(sorted(set(fs)))})")
        if acs:
            parts.append(f"(?P<a>{_trie(sorted(set(acs)))})")
        by_first[word] = regex.compile("(?:" + "|".join(parts) + ")" + _RB)
    # Given names and name particles of the officials' lexicon, when present, end a
    # body's proper name: "Kepala SMA Negeri 1 Mertoyudan Agus Santoso".
    person_first: set[str] = set()
    for w in lex.rows("names", "wordlists"):
        if getattr(w, "id", "") in ("given_names", "initial_particles"):
            person_first.update(getattr(w, "words", []))
    initials_cues = {x.casefold() for r in lex.rows("agencies", "initials_cues") for x in r.words}
    not_prefix = tuple(w.casefold() for r in lex.rows("agencies", "not_bodies")
                       if not r.alone and not r.anywhere for w in r.words)
    not_alone = frozenset(w.casefold() for r in lex.rows("agencies", "not_bodies") if r.alone
                          for w in r.words)
    stops: dict[str, bool] = {}
    for s in lex.rows("agencies", "name_stops"):
        for w in s.words:
            stops[w.casefold()] = s.first_ok
    head_kind: dict[str, str] = {}
    for h in lex.rows("agencies", "heads"):
        for w in h.words:
            head_kind[w.casefold()] = h.kind
    heads = None
    head_words = [w for h in lex.rows("agencies", "heads") for w in h.words]
    if head_words:
        heads = twin(
            f"(?P<head>{_alt(head_words)})"
            r"(?P<body>(?:(?:,[ ]dan|[ ](?:dan|&)|,|)[ ](?:\p{Lu}[\p{L}'’/-]*(?:\d\d*\p{Lu}[\p{L}-]*(?:\d\d*\p{Lu}[\p{L}-]*)*|)|\d\d*))+)"
        )
    # One scan per article finds every place where something may start: the first
    # word of a form or of a head word (any case after a capital), or the first
    # four letters of a long acronym (for near misses).
    # offices and roles before a body make the capitalised run after it a person's name
    position_words = {x.casefold() for r in lex.rows("agencies", "person_cues") for x in r.words}
    for s in lex.rows("agencies", "name_stops"):
        if s.id == "positions":
            position_words.update(w.casefold() for w in s.words)
    for pr in lex.rows("positions", "positions"):
        for f in getattr(pr, "forms", []):
            position_words.add(f.split(" ", 1)[0].casefold())
    field_words: set[str] = set()
    for r in rows.values():
        for f in [r.name, *r.forms]:
            field_words.update(w.casefold() for w in f.split() if len(w) > 2 and w.isalpha())
    field_words.update(w.casefold() for w in head_words for w in w.split())
    for nb in lex.rows("agencies", "not_bodies"):
        if not nb.anywhere:
            field_words.update(x.casefold() for w in nb.words for x in w.split())
    source_words = frozenset(w.casefold() for r in lex.rows("agencies", "not_bodies") if r.anywhere
                             for w in r.words)
    countries: dict[str, str] = {}
    for cr in lex.rows("agencies", "countries"):
        for f in [cr.name, *cr.forms]:
            countries.setdefault(_norm(f), cr.name)
    # one regex per head row: head, up to `between` words (any case, shortest first), country
    foreign: dict[str, tuple[str, int]] = {}
    foreign_rx: dict[str, list[Twin]] = {}
    country_alt = _trie(sorted(countries))
    for fh in lex.rows("agencies", "foreign_heads"):
        for w in fh.words:
            foreign[_norm(w).casefold()] = (fh.kind, fh.between)
        if countries:
            rx = twin(f"(?P<head>{_alt(fh.words)})(?P<mid>(?:[ ][\\p{{L}}-]+){{0,{fh.between}}}?)"
                      f"[ ](?P<country>{country_alt})" + _RB)
            for w in fh.words:
                foreign_rx.setdefault(_first_word(w).casefold(), []).append(rx)
    sides: dict[str, set[str]] = {"before": set(), "after": set(), "place": set()}
    for na in lex.rows("agencies", "named_after"):
        sides[na.side].update(w.casefold() for w in na.words)
    sub_rows = [h for h in lex.rows("agencies", "heads") if h.kind == _SUB_KIND]
    sub_heads = [w for h in sub_rows for w in h.words]
    sub_kind = sub_rows[0].kind if sub_rows else _SUB_KIND
    sub_unit = twin(f"(?P<head>{_alt(sub_heads)})"
                    r"(?:[ ]\((?P<p>[^()\n]{1,24})\))?[ ]") if sub_heads else None
    # The scan visits capitalised words; a body may start at one whose casefolded form is
    # the first word of a form, acronym or head, or whose first four letters are those of
    # a long acronym (a near miss). A set look-up per word is cheaper than a big trie.
    scan_words = set(by_first) | {_first_word(w).casefold() for w in head_words}
    scan_words |= {_first_word(w).casefold() for fh in lex.rows("agencies", "foreign_heads")
                   for w in fh.words}
    scan = _CAP_WORD
    c = _Compiled(rows, by_first, scan, frozenset(scan_words), full, acr, pattern_rows, near, near_len, stops,
                     frozenset(person_first), frozenset(initials_cues), not_prefix, not_alone,
                     heads, head_kind, frozenset(position_words), frozenset(field_words),
                     source_words, countries, foreign, foreign_rx,
                     frozenset(sides["before"]), frozenset(sides["after"]),
                     frozenset(sides["place"]), fused,
                     frozenset(foreign_rx),
                     sub_unit, frozenset(_first_word(w).casefold() for w in sub_heads), sub_kind,
                     frozenset(r.id for r in rows.values() if r.takes == "party"))
    c.single_acr = single_acr
    c.ranks = frozenset(f for t in lex.rows("honorifics", "titles")
                        if getattr(t, "kind", "") in ("military_rank", "police_rank")
                        for f in getattr(t, "forms", []))
    c.corps = frozenset(f for t in lex.rows("honorifics", "corps") for f in getattr(t, "forms", []))
    c.lower_gov = {a.lower() + " ": a for r in rows.values() if r.kind == "pemerintah daerah"
                   and r.takes == "region" for a in r.acronyms
                   if a.isalpha() and a[:1].isupper() and a[1:].islower()}
    by_letter: dict[str, list[str]] = {}
    gov_words = sorted({w[:-1] for w in c.lower_gov} | {"pemerintah"})
    c.lower_gov_first = os.path.commonprefix(gov_words)
    for w in gov_words:
        by_letter.setdefault(w[0], []).append(re.escape(w[1:]))
    c.lower_gov_scan = re.compile("(" + "|".join(  # the letter first: no look-behind at every position
        f"{re.escape(k)}(?<![^\\W_]{re.escape(k)})(?:{'|'.join(v)})" for k, v in by_letter.items())
        + r")[ ](?:daerah[ ])?(?=[A-Z])")
    c.no_person_heads = frozenset(w.casefold() for h in lex.rows("agencies", "heads")
                                  if not h.person_names for w in h.words)
    c.sub_units = frozenset(w.casefold() for r in lex.rows("agencies", "sub_units") for w in r.words)
    c.merge_rows = frozenset(i for i, r in rows.items()
                             if r.same_as or r.takes == "name" or r.kind == "dinas")
    c.and_heads = {i: r.name.casefold() + " dan " for i, r in rows.items() if r.kind == "dinas"}
    c.and_rows = {i: tuple(j for j, o in rows.items() if o.kind == "dinas"
                           and o.name.casefold().startswith(h)) for i, h in c.and_heads.items()}
    c.merge_partners = {i: frozenset(rows[i].same_as or c.and_rows.get(i, ())) for i in c.merge_rows}
    c.partner_rows = frozenset(r for p in c.merge_partners.values() for r in p)
    c.gate_rows = c.merge_rows | c.partner_rows
    c.name_merge_rows = frozenset(i for i in c.merge_rows if not rows[i].same_as and rows[i].takes == "name")
    c.dinas_merge_rows = c.merge_rows - c.name_merge_rows - {i for i in c.merge_rows if rows[i].same_as}
    c.head_firsts = frozenset(_first_word(w).casefold() for w in head_words)
    oa = lex.rows("agencies", "office_acronyms")
    # per head letter: the letters an acronym's second character may be (the capitals and
    # digits of an initials acronym, the second letters of the head's syllables: Din, Dis)
    seconds = {r.initial: _UPPER_DIGITS + "".join(p[1:2] for o in oa if o.initial == r.initial
                                                   for p in o.prefixes if p[:1] == r.initial)
               for r in oa}
    c.scan_ascii = _scan_ascii(c.scan_words, c.near,
                               {r.initial: (sorted({q for o in oa if o.initial == r.initial for q in o.cues}),
                                            "".join(sorted(set(seconds[r.initial]))))
                                for r in oa if r.initial.isascii() and r.initial.isupper()})
    for f in full:
        fw = f.split()
        if len(fw) >= 2:
            for i, w in enumerate(fw):
                if len(w) >= 6:  # the form with this word left out → (form, the word's index)
                    c.full_shape.setdefault((*fw[:i], "", *fw[i + 1:]), []).append((f, i))
    c.by_first_ascii = {w: ascii_twin(rx) or rx for w, rx in by_first.items()}
    if oa:
        cues = sorted({w for r in oa for w in r.cues}, key=len, reverse=True)
        shapes = "|".join(f"{re.escape(r.initial)}[A-Z0-9]{{1,9}}[A-Z]"
                          f"|(?:{'|'.join(re.escape(p) for p in r.prefixes)})[a-z]{{4,18}}" for r in oa)
        for ro in oa:  # (ro, not r: r is a _Row above; compiled, mypyc checks a local's type)
            for cue in cues:
                key = f"{cue[-1]} {ro.initial}"
                c.office_finds[key] = tuple(sorted({*c.office_finds.get(key, ()), cue}))
        c.office_scan = re.compile(rf"({shapes})(?![\w-])")
        c.office_initials = frozenset(r.initial for r in oa)
        c.office_keys = frozenset(f + ch for f in c.office_finds for ch in seconds[f[-1]])
        for ro in oa:
            c.office_rows[ro.initial] = (ro.kind, tuple(ro.prefixes), frozenset(ro.syllables),
                                         max(map(len, ro.syllables)))
    return c


def compiled(lex: Lexicon) -> _Compiled:
    c: _Compiled = lex.compiled("agencies", _build)
    return c


# ------------------------------------------------------------------ mentions


# (_Mention.__slots__, written out: mypyc compiles _Mention as a native class, whose __slots__ is not readable)
_MENTION_SLOTS: Final = ("start", "end", "rows", "full", "form", "region", "region_text", "name_part",
                  "paren", "paren_span", "national", "near", "generic_kind", "from_pattern",
                  "paren_parent", "pattern_key", "parent_at", "parent_rows", "short", "key",
                  "party_id", "party_key", "party", "organ_alt", "organ_bare", "inferred_region",
                  "alias_only")


class _Mention:
    """One mention of a body (a dozen per article, most of them dropped).

    Slotted, every field set in ``__init__``: reading a slot is a specialised attribute
    load, where a class-level default (or any attribute of a class that has one) takes
    the interpreter's generic look-up on every read and write."""

    __slots__ = ("start", "end", "rows", "full", "form", "region", "region_text", "name_part",
                 "paren", "paren_span", "national", "near", "generic_kind", "from_pattern",
                 "paren_parent", "pattern_key", "parent_at", "parent_rows", "short", "key",
                 "party_id", "party_key", "party", "organ_alt", "organ_bare", "inferred_region",
                 "alias_only")

    def __init__(self, start: int, end: int, rows: list[str], full: bool, form: str, *,
                 region: Optional[Region] = None, region_text: str = "", national: bool = False,
                 near: str = "", generic_kind: str = "", from_pattern: bool = False) -> None:
        self.start = start
        self.end = end
        self.rows = rows  # candidate body types (several for a shared acronym)
        self.full = full  # a full form (not an acronym)
        self.form = form  # the body part as written (no region, no parenthesis)
        self.region: Optional[Region] = region
        self.region_text = region_text
        self.name_part = ""  # for takes = "name"
        self.paren = ""  # acronym written in parentheses
        self.paren_span: tuple[int, int] | None = None
        self.national = national
        self.near = near  # the lexicon acronym a misspelt form was read as
        self.generic_kind = generic_kind  # body outside the lexicon: its head's kind
        self.from_pattern = from_pattern  # matched by a row's regex pattern (Komisi A DPRD)
        self.paren_parent = ""  # the parenthesis held the parent body's acronym: this alias
        self.pattern_key = ""  # Komisi II + the parent's row id, however the parent is written
        self.parent_at = -1  # where the parent body's name starts inside the mention (DPRD ...)
        self.parent_rows: Sequence[str] = ()
        self.short = ""  # Komisi II DPR for Komisi II Dewan Perwakilan Rakyat
        self.key: tuple[str, str, str] | None = None
        # a party organ (DPD Hanura Sulsel, Fraksi PPP, FPPP): the party it belongs to
        self.party_id = ""  # the party's row id
        self.party_key = ""  # the party's row id, or partai:<name> for a party outside the lexicon
        self.party: Optional[_Mention] = None  # the party's own (nested) mention, when written apart
        self.organ_alt: Sequence[str] = ()  # organ rows set aside (DPD with no party)
        self.organ_bare = False  # an organ named without its party (DPP alone)
        self.inferred_region: Optional[Region] = None  # from the dateline or the article's one region
        self.alias_only = False  # joined a body of another type (Pemda → Pemkab X): names nothing

    @property
    def row(self) -> str:
        return self.rows[0]


def _name_part(c: _Compiled, text: str, pos: int, row: _Row, start: int) -> tuple[int, str]:
    """Proper-name words after a body (``Negeri 1 Mertoyudan``); (end, name) or (pos, "").

    ``start`` is where the body starts (an office word before it means that a person's
    name may follow the body's)."""
    end, words = pos, list[str]()
    ends: list[int] = []
    substantive = 0
    n = len(text)
    if row.kind == "rumah sakit" and text.startswith(" dr", pos):
        dm = _DOCTOR.match(text, pos)
        if dm is not None:  # RSUD dr Iskak Tulungagung: named after a doctor
            words.append(dm.group(1))
            end = dm.end(1)
            ends.append(end)
    for _ in range(8):
        m = _NAME_TOKEN.match(text, end)
        if m is None:
            if row.name_and and words and text.startswith(" dan ", end):
                m = _NAME_TOKEN.match(text, end + 4)  # Partai Keadilan dan Persatuan Indonesia
                if m is None or _starts_body(c, text, m.start("t")):
                    break
                words.append("dan")
                ends.append(end + 4)
            if m is None:
                break
        tok = m.group("t")
        bare = tok.rstrip(".,")
        first_ok = c.stops.get(bare.casefold())
        if first_ok is not None and not (first_ok and not words):
            break
        if words and bare.startswith("Di") and bare.endswith("kan") and bare[2:3].islower():
            break  # a passive verb of a headline (... Lampung Utara Diresmikan)
        if (words and len(tok) == 2 and tok[1] == "." and tok[0].isupper()
                and not words[-1].startswith("dr")):
            break  # an initial opens a person's name (PPK Kecamatan Gedangan S. Hartono)
        if bare in c.acr and len(tok) > 1 and not (
                (words or row.kind in _OWNED_KINDS) and _owner_name(c, bare)):
            break  # the next body (SMA Negeri 1 dan SMK ...), not an owner (RS PKU Muhammadiyah,
            # Universitas PGRI Ronggolawe, SMK PGRI 2: a school's or university's first word)
        if tok[:1].isdigit() and (gm := _GLUED.match(tok)) is not None:
            words.append(gm.group(1))  # Kodim 0815tidak: a unit's number glued to the next word
            end = m.start("t") + gm.end(1)
            ends.append(end)
            break
        if substantive and bare in c.person_first and not (
                _ROMAN.fullmatch(bare) and not _capital_next(text, m.end())) and not _named_to_paren(
                text, m.start("t"), text[start], words[0]):
            break  # a person's name follows the body's (... Mertoyudan Agus Santoso)
        substantive += first_ok is None
        if tok.endswith(".") and ((len(tok) > 4 and not tok[:-1].isupper()) or (
                words and len(tok) > 2 and tok[:-1].isalpha() and tok[:-1].isupper()) or (
                len(tok) > 2 and _ROMAN.fullmatch(tok, 0, len(tok) - 1))):
            # a full stop ends the sentence (also after a word in capitals that is not the
            # name's first: PT Bank NTB. Secara ...; an initial keeps its dot: PT H. M. ...)
            words.append(tok[:-1])
            end = m.end() - 1
            ends.append(end)
            break
        words.append(tok)
        end = m.end()
        ends.append(end)
    if words and words[-1] == "dan":
        words.pop()
        ends.pop()
        end = ends[-1] if ends else pos
    while words and words[-1].endswith((".", ",")) and len(words[-1]) > 3:
        words[-1] = words[-1][:-1]
        end -= 1
        ends[-1] = end
    # a person's name after the body's (Sekretaris Jenderal Partai <Name Name>), unless the
    # body's legal form or acronym follows (PT Boma Bisma Indra (Persero))
    doctor = bool(words) and words[0].startswith("dr")
    k = len(words)
    if words and text.startswith(" (", end) and _closing_paren(text, end, text[start], words[0], words):
        pass
    elif doctor:  # RSUD dr Iskak Tulungagung [Budi Hartono]: the doctor's name is the body's
        k = 1 + _person_cut(c, text, start, words[1:], True) if len(words) > 2 else len(words)
    else:
        k = _person_cut(c, text, start, words, row.person_names)
    if doctor and k < 2:
        return pos, ""
    if k < len(words):
        words = words[:k]
        end = ends[k - 1] if k else pos
    name = " ".join(words)
    if not name:
        return pos, ""
    if row.name_needs_digit and not any(ch.isdigit() for ch in name):
        return pos, ""
    sm = _LEGAL.match(text, end) if end < n else None
    if sm is not None:
        end = sm.end()  # PT Angkasa Pura I (Persero), PT Telkom Indonesia Tbk
    return end, name


#: bodies whose name may open with the organisation that runs them (Universitas PGRI ...)
_OWNED_KINDS: Final = frozenset(("universitas", "sekolah"))
#: digits glued to a lower-case word (a missing space): Kodim 0815tidak
_GLUED: Final = re.compile(r"(\d+)[a-z]{3,}$")
_TO_PAREN: Final = twin(r"\p{Lu}[\p{Ll}'’-]+(?:[ ]\p{Lu}[\p{Ll}'’-]+){0,2}[ ]\((?P<a>[^()\n]{2,12})\)")


def _named_to_paren(text: str, pos: int, body_initial: str, name_first: str) -> bool:
    """Whether the capitalised words at ``pos`` (a given name's) run to the body's legal form
    or acronym in parentheses, so they end the body's name and are no person's: ``PT Boma
    Bisma Indra (Persero)``, ``Universitas Islam Zainul Hasan (Unzah)``."""
    if text.find("(", pos, pos + 60) < 0:
        return False
    pm = _TO_PAREN.match(text, pos)
    return pm is not None and _closing_paren(text, pm.start("a") - 2, body_initial, name_first,
                                             text[pos:pm.start("a") - 2].split())


def _closing_paren(text: str, end: int, body_initial: str, name_first: str,
                   last: list[str]) -> bool:
    """Whether `` (X)`` at ``end`` is the body's legal form or its acronym: one that begins
    like the body or its name and does not spell the initials of the words before it that
    may be a person's (``last``: ``PT Maju Jaya Budi Santoso (BS)`` is a person's)."""
    if not text.startswith(" (", end):
        return False
    close = text.find(")", end + 2, end + 15)
    if close < 0:
        return False
    a = text[end + 2:close]
    if a in _LEGAL_WORDS:
        return True
    if not (2 <= len(a) <= 12 and a.isalnum() and a[:1] in (body_initial, name_first[:1])):
        return False
    up = a.upper()
    return not any(up == "".join(w[:1] for w in last[-k:]).upper() for k in (2, 3) if len(last) >= k)


_ROMAN: Final = regex.compile(r"(?:X{0,3})(?:IX|IV|V?I{0,3})")
_DOCTOR: Final = re.compile(r"[ ](dr\.?)(?=[ ][A-Z])")
#: a company's legal form in parentheses after its name: no acronym (PT Pos Indonesia (Persero))
_LEGAL_WORDS: Final = frozenset(("Persero", "Perseroda", "Perum", "Perumda", "Perseroan", "Tbk"))
_LEGAL: Final = twin(r"(?:[ ]\((?:Persero|Perum|Perseroan)\))?(?:[ ]Tbk\b\.?)?")


def _capital_next(text: str, pos: int) -> bool:
    return text[pos:pos + 1] == " " and text[pos + 1:pos + 2].isupper()


def _owner_name(c: _Compiled, acronym: str) -> bool:
    """A company or organisation inside another body's name (RS Pertamina, Universitas
    Muhammadiyah Magelang): every body type of the acronym is of such a kind."""
    return all(c.rows[r].kind in _OWNER_KINDS for r in c.acr.get(acronym, ()) if r in c.rows)


_OWNER_KINDS: Final = frozenset(("BUMN", "BUMD", "perusahaan", "organisasi"))


def _starts_body(c: _Compiled, text: str, pos: int) -> bool:
    """Whether a lexicon body (form or acronym) starts at ``pos``."""
    wm = _WORD.match(text, pos)
    if wm is None:
        return False
    rx = (c.by_first_ascii if text.isascii() else c.by_first).get(wm.group(0).casefold())
    return rx is not None and rx.match(text, pos) is not None


def _field_like(c: _Compiled, w: str) -> bool:
    """A word of a body's name: one of the lexicon's, or a derived noun (Pe-/Ke-...-an)."""
    low = w.casefold()
    return low in c.field_words or (len(low) >= 7 and low.endswith("an") and low.startswith(("pe", "ke")))


def _person_like(c: _Compiled, w: str) -> bool:
    """A capitalised word that may be part of a person's name and not of a body's."""
    if len(w) < 2 or not w.isalpha() or not w[0].isupper() or w.isupper():
        return False
    low = w.casefold()
    return not (_field_like(c, w) or low in c.stops or low in c.by_first)


_BACK_TOKEN: Final = twin(r"[\p{L}\d][\p{L}\d'’.-]*|,")


def _role_before(c: _Compiled, text: str, s: int) -> bool:
    """An office or role word (``Ketua``, ``Kepala Bidang``, ``anggota``, ``politisi``) stands
    before the body at ``s``, across the capitalised words of the unit between them."""
    toks = _BACK_TOKEN.findall(text, max(0, s - 120), s)
    for t in reversed(toks[-14:]):
        low = t.casefold().rstrip(".")
        if low in c.position_words:
            return True
        if t[:1].isupper() or t[:1].isdigit() or low in ("dan", "&", ","):
            continue
        return False
    return False


def _person_cut(c: _Compiled, text: str, start: int, words: list[str], keep_one: bool,
                closed: Optional[list[bool]] = None) -> int:
    """How many of ``words`` (a body's name) to keep when it ends in a person's name.

    The last words are cut when they all look like a name (capitalised, none a word of
    a body's name) and either begin with a given name, or follow a complete form (a
    list closed by ``dan`` and a word of a body's name: ``Dinas Pertanian dan Peternakan
    <Name Name>``), or an office word stands before the body (``Deputi ... Kantor
    Transisi <Name Name>``). One word is cut only when it is a given name. Bodies whose
    names may be persons' and bodies outside the lexicon keep one word at least
    (``keep_one``). ``closed[i]``: word i follows ``dan``.
    """
    k = len(words)
    while k > 0 and _person_like(c, words[k - 1]):
        k -= 1
    if keep_one:
        k = max(k, 1)
    run = len(words) - k
    if run <= 0:
        return len(words)
    first = words[k]
    given = first in c.person_first
    if run == 1 and not given:
        return len(words)
    if closed is not None and any(closed[k:]):
        return len(words)  # Penyakit Tular Vektor dan Zoonotik: a list of fields, no name
    after_dan = (closed[k - 1] if closed is not None else k > 1 and words[k - 2] == "dan") if k else False
    if given or (after_dan and _field_like(c, words[k - 1])):
        return k
    return k if _role_before(c, text, start) else len(words)


def _tail(c: _Compiled, doc: Document, text: str, mn: _Mention, acronym: bool) -> bool:
    """Read what follows a body: ``.``, ``(ACR)``, ``RI``, a region or a name. False drops it."""
    rows = mn.rows
    if len(rows) == 1:
        organ = rows if rows[0] in c.organ_rows else None
    else:
        organ = [r for r in rows if r in c.organ_rows] or None
    if organ:
        if _organ_tail(c, doc, text, mn, organ):
            return True
        if _boards(text, mn):
            return False  # several party boards, no party named: no one body
        rest = [r for r in mn.rows if r not in organ]
        if not rest:
            mn.organ_bare = True  # DPP alone: joins the party's DPP named elsewhere, else dropped
            return True
        mn.rows, mn.organ_alt = rest, organ  # DPD alone: the national DPD, unless ...
        rows = rest  # (rows is mn.rows again)
    if len(rows) == 1:
        row = c.rows[rows[0]]
    else:
        row = next((c.rows[r] for r in rows if c.rows[r].takes == "region"), c.rows[mn.row])
    pos = mn.end
    if text.startswith(".", pos):
        if (acronym and text[pos + 1:pos + 2] == " " and pos + 2 < len(text) and text[pos + 2].isupper()
                and row.takes != "name"):
            pos += 1  # Pemkot. Magelang (but Puskesmas. Turut hadir: a new sentence)
        elif row.dot_before_name and (text[pos + 1:pos + 2].isupper() or (
                text[pos + 1:pos + 2] == " " and text[pos + 2:pos + 3].isupper())):
            if _starts_body(c, text, pos + 1 + (text[pos + 1] == " ")):
                return False  # PT. Pos Indonesia: the lexicon's company, read at its own word
            pos += 1  # PT. Maju Jaya, PT.Bank NTB
    nxt = text[pos:pos + 2]
    pm = None
    if "(" in nxt:
        pm = _PAREN.match(text, pos)
        if pm is not None and _looks_acronym(c, pm.group("a"), mn.form):
            a = pm.group("a")
            # the acronym has more letters than the mention has words: it may spell words before
            if (mn.full and a.isupper() and len(a) > text.count(" ", mn.start, pm.start()) + 1
                    and _spelled_from(text, pm.start(), a) < mn.start):
                return False  # Rencana Kerja Pemerintah Daerah (RKPD): a document naming the body
            _set_paren(c, mn, pm, doc)
            pos = pm.end()
        elif acronym and (fm := _PAREN_FULL.match(text, pos)) is not None and any(
                r in mn.rows for r in c.full.get(_norm(fm.group(1)).casefold(), ())):
            mn.paren_span = (fm.start(1), fm.end(1))  # left out of the written name
            pos = fm.end()  # Polda (Kepolisian Daerah) Sumatra Utara: the acronym spelled out
    place_named = row.takes == "name" and row.level in _PLACE_LEVELS
    if place_named and text[pos:pos + 1] == " ":
        pw = _PLACE_CUE.match(text, pos)
        if pw is not None:
            pos = pw.end()  # KUA Kecamatan Talang Ubi: the office of the district Talang Ubi
    if mn.national and row.takes == "region":
        return True
    nxt = text[pos:pos + 4].lstrip()[:1]
    capital_next = nxt.isupper() or nxt.isdigit() or (
        nxt == "d" and row.kind == "rumah sakit" and _DOCTOR.match(text, pos) is not None)
    if not capital_next and not (nxt in ("k", "p") and _LOWER_CUE.match(text, pos)):
        if mn.paren:  # nothing capitalised follows: the body ends here
            mn.end = pos
        return row.takes != "name" or row.name_optional
    nm = _NATIONAL.match(text, pos) if nxt in "RP" else None
    if nm is not None and row.takes != "name":
        mn.national = True
        mn.end = nm.end()
        return True
    if row.takes == "region":
        implied = row.region_types[0] if len(row.region_types) == 1 else None
        if row.kind == "polri" and text.startswith(" Metro ", pos):
            pos += len(" Metro")  # Polres Metro Jakarta Barat
        if text.startswith(" Kelas ", pos):
            cm = _CLASS.match(text, pos)
            if cm is not None:
                pos = cm.end()  # Pengadilan Negeri Kelas IA Padang, Lapas Kelas IIB
        if row.name_words and _region_row_name(c, doc, text, mn, row, pos, True):
            return True  # Polres Pelabuhan Tanjung Perak
        rm = match_region(doc.lexicon, text, pos, implied)
        if rm is None and mn.full and not mn.paren and (tm := _TYPE_PAREN.match(text, pos)) is not None and (
                (tp := _PAREN.match(text, tm.end())) is not None and _looks_acronym(c, tp.group("a"), mn.form)):
            # Sekretariat Daerah Provinsi (Setdaprov): the region's type is part of the written
            # form, its name after the acronym or nowhere (the article's one province)
            _set_paren(c, mn, tp, doc)
            mn.form = f"{mn.form} {tm.group(1)}"
            pos = mn.end = tp.end()
            rm = match_region(doc.lexicon, text, pos, _TYPE_WORDS[tm.group(1)])
        if rm is None and text.startswith(_AGENT_WORD, pos):
            # the body's office in a province: BPK Perwakilan Provinsi NTB
            rm = match_region(doc.lexicon, text, pos + len(_AGENT_WORD) - 1, implied)
        if rm is None and (row.name_fallback or nxt == "P"):
            if row.name_fallback and _region_row_name(c, doc, text, mn, row, pos, False):
                return True  # PN Lubuk Sikaping, PDAM Tirta Khatulistiwa
            if (nxt == "P" and row.level != "pusat" and row.kind != "pemerintah daerah"
                    and _owner_gov(c, doc, text, mn, row, pos)):
                return True  # Sekretariat Daerah (Setda) Pemkab Wonogiri: the government owning it
        if rm is not None and row.region_types and rm.region.type not in row.region_types:
            # Pengadilan Tipikor Semarang: of a bare name that is a kabupaten and a kota, the
            # type the body takes
            alt = next((a for a in rm.alternatives if a.type in row.region_types), None)
            rm = None if alt is None else replace(rm, region=alt, alternatives=())
        if rm is not None and rm.ambiguous:
            nxt = text[rm.end:rm.end + 2]
            if len(nxt) == 2 and nxt[0] == " " and nxt[1].isupper():
                rm = None  # Disdukcapil Bima Arya: a person, not Kabupaten Bima
        if rm is not None and text[rm.end + 1:rm.end + 2] in _COMPASS_FIRST and (
                cm := _COMPASS.match(text, rm.end)) is not None:
            # Panwaslu Kendal Selatan: a district named after its regency with a compass
            # word, not in the gazetteer — the whole place names the body
            mn.name_part = _norm(text[rm.start:cm.end()]).lstrip(". )")
            mn.end = cm.end()
            return True
        if rm is not None:
            mn.region = pick_alternative(text, mn.start, rm) if rm.alternatives else rm.region
            mn.region_text = _norm(text[mn.paren_span[1] + 1 if mn.paren_span else mn.end:rm.end])
            mn.region_text = mn.region_text.lstrip(". )")
            pos = rm.end
            if not mn.paren and "(" in text[pos:pos + 2]:
                pm = _PAREN.match(text, pos)
                if pm is not None and _looks_acronym(c, pm.group("a"), mn.form):
                    _set_paren(c, mn, pm, doc)
                    pos = pm.end()  # Dinas ... Kota Bekasi (Disdukcapil)
            if text.startswith(" Kelas ", pos) and (cm := _CLASS.match(text, pos)) is not None:
                pos = cm.end()  # Pengadilan Agama Bogor Kelas IA: the class after the place
            mn.end = pos
        elif mn.paren:
            mn.end = pm.end() if pm is not None else mn.end
        return True
    if row.takes == "name":
        end, name = _name_part(c, text, pos, row, mn.start)
        if name and place_named and name.isupper() and not _caps_around(text, mn.start, end):
            name = ""  # KUA PPAS: a district's name is no acronym (a budget document's is)
        elif name in _STATUS_WORDS and text.startswith(_CLASS_AFTER, end):
            return False  # SMP Negeri dan Swasta, SMA Negeri se-Kabupaten X: a class of schools
        if not name:
            if row.name_optional:
                mn.end = max(mn.end, pos if mn.paren else mn.end)
            return row.name_optional
        if mn.full and " " in name and (longer := c.full.get(
                f"{mn.form} {name.partition(' ')[0]}".casefold())) is not None:
            # Sekolah Menengah Pertama (SMP) Negeri 1 Tanjungpinang: the body type
            # Sekolah Menengah Pertama Negeri (the parenthesis cut its form), school 1 Tanjungpinang
            first, _, name = name.partition(" ")
            mn.rows, mn.form = list(longer), f"{mn.form} {first}"
        mn.name_part, mn.end = name, end
        if row.kind == "sekolah":
            doc.scratch[_SCHOOLS] = doc.scratch.get(_SCHOOLS, 0) + 1
        return True
    if mn.paren:
        mn.end = pos  # Kementerian Dalam Negeri (Kemendagri)
    return True


_TYPED_ENDS: Final = (" Provinsi", " Kabupaten", " Kota")
_TYPE_PAREN: Final = re.compile(r"[ ](Provinsi|Kabupaten|Kota)(?=[ ]?\([ ]?[A-Z])")
_TYPE_WORDS: Final[dict[str, RegionType]] = {"Provinsi": "provinsi", "Kabupaten": "kabupaten", "Kota": "kota"}


_GOV_OWNER: Final = re.compile(r"[ ](Pemkab|Pemkot|Pemprov|Pemda)(?=[ .])")


def _owner_gov(c: _Compiled, doc: Document, text: str, mn: _Mention, row: _Row, pos: int) -> bool:
    """A regional body followed by the government it belongs to (``Setda Pemkab Wonogiri``,
    ``Dinas Kesehatan Pemkot Surabaya``): the government's region is the body's, and the
    government is a body too (a nested mention, as the legislature in a commission)."""
    gm = _GOV_OWNER.match(text, pos)
    if gm is None:
        return False
    gov = _lexicon_at(doc, c, text, gm.start(1), gm.group(1))
    if gov is None or gov.region is None or (row.region_types and gov.region.type not in row.region_types):
        return False
    mn.region, mn.region_text = gov.region, gov.region_text
    mn.parent_at, mn.parent_rows = gov.start, list(gov.rows)
    mn.end = gov.end
    return True


#: a full form in parentheses after an acronym (Polda (Kepolisian Daerah) Sumatra Utara)
_PAREN_FULL: Final = re.compile(r"[ ]?\([ ]?([A-Z][A-Za-z ,.-]{2,80}?)[ ]?\)")


_COMPASS_FIRST: Final = frozenset(w[0] for w in COMPASS_WORDS)
_COMPASS: Final = re.compile(rf"[ ](?:{'|'.join(sorted(COMPASS_WORDS))})(?![A-Za-z0-9])")
_VIA_BOARD: Final = twin(r"[ ](?:DPP|Dewan Pimpinan Pusat|Dewan Pengurus Pusat)(?=[ ])")


#: a school's status alone before a coordination or "se-": a class of schools, no school
_STATUS_WORDS: Final = frozenset(("Negeri", "Negri", "Swasta", "NEGERI", "SWASTA"))
_CLASS_AFTER: Final = (" dan ", " maupun ", " atau ", "/", " se-", " se ", " sederajat")


#: between a national body and a region: its office there (BPK Perwakilan Provinsi NTB)
_AGENT_WORD: Final = " Perwakilan "


#: a class of a court, a prison or an office between the body and its place (Kelas IA, Kelas II B)
_CLASS: Final = twin(r"[ ]Kelas[ ](?:I{1,3}|[123])(?:[ ]?[AB])?(?=[ ,.]|$)")
_WORD_RUN: Final = twin(r"[ ](\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}\d])")


def _region_row_name(c: _Compiled, doc: Document, text: str, mn: _Mention, row: _Row,
                     pos: int, after_word: bool) -> bool:
    """A proper name after a body that takes a region: after one of the row's
    ``name_words`` (``Polres Pelabuhan Tanjung Perak``), or, with ``name_fallback`` and no
    region there, a closed run of one to three capitalised words (``PN Lubuk Sikaping``,
    ``PDAM Tirta Khatulistiwa``), a region written after it taken too (``PDAM Tirta Moedal
    Kota Semarang``). ``after_word``: read only after a name word (the caller reads the
    run with no region at ``pos``). True when read (the mention is complete)."""
    lead = ""
    if after_word:
        if text[pos:pos + 1] != " ":
            return False
        lead = next((w for w in row.name_words if text.startswith(w + " ", pos + 1)), "")
        if not lead:
            return False
        pos += 1 + len(lead)
    words: list[str] = []
    end = pos
    idx = region_index(doc.lexicon)
    while len(words) < 4:
        m = _WORD_RUN.match(text, end)
        if m is None:
            break
        w = m.group(1)
        low = w.casefold()
        if (low in c.stops or low in _CUE_WORDS or w in c.acr or low in c.by_first
                or (w in c.person_first and not lead)):
            break
        words.append(w)
        end = m.end()
    if not words or len(words) > 3:
        return False  # nothing, or a longer run: a person's name may be in it
    nxt = _NAME_TOKEN.match(text, end)
    if nxt is not None:
        t = nxt.group("t").rstrip(".,")
        if (t[:1].isupper() and t.casefold() not in c.stops and t.casefold() not in _CUE_WORDS
                and t not in c.acr):
            return False  # the run goes on: not a closed name (PN Padang Budi Santoso)
    region: Optional[Region] = None
    region_text = ""
    rm = match_region(doc.lexicon, text, end, None) if text[end:end + 1] == " " else None
    if rm is not None and not (rm.ambiguous and _capital_next(text, rm.end)):
        end = rm.end  # PDAM Tirta Moedal Kota Semarang
    elif len(words) > 1:
        rm = None
        for n in (2, 1):
            if len(words) > n and idx.is_place(" ".join(words[-n:])):
                rm = match_region(doc.lexicon, text, end - len(" ".join(words[-n:])) - 1, None)
                if rm is not None and rm.end == end:
                    del words[-n:]  # PDAM Tirta Moedal Semarang
                else:
                    rm = None
                break
    if rm is not None:
        region = pick_alternative(text, mn.start, rm) if rm.alternatives else rm.region
        region_text = _norm(text[rm.start:rm.end])
    if region is not None and row.region_types and region.type not in row.region_types:
        return False
    mn.name_part = " ".join(([lead] if lead else []) + words)
    mn.region, mn.region_text = region, region_text
    mn.end = end
    return True


#: bodies of a district or a village are named after it: KUA, Puskesmas, Polsek, Koramil
_PLACE_LEVELS: Final = frozenset(("kecamatan", "desa"))
#: the place's type word written before that name (KUA Kecamatan Talang Ubi, Puskesmas Kelurahan X)
_PLACE_CUE: Final = twin(r"[ ](?:[Kk]ecamatan|[Kk]ec\.|[Kk]elurahan|[Dd]esa)(?=[ ]\p{Lu})")
_NEXT_WORD: Final = twin(r"[ ]+(\p{L}+)")


def _caps_around(text: str, start: int, end: int) -> bool:
    """Whether the word before ``start`` or after ``end`` is written in capitals (a headline
    in capitals, where every name is)."""
    prev = _prev_word(text, start)
    if len(prev) > 1 and prev.isupper():
        return True
    m = _NEXT_WORD.match(text, end)
    return m is not None and len(m.group(1)) > 1 and m.group(1).isupper()


def _party_at(c: _Compiled, text: str, pos: int, sep: str = " ") -> _Mention | None:
    """A party named right after ``pos`` (one space, or ``sep``): ``Hanura``, ``Partai Golkar``,
    ``PDI Perjuangan``, ``Partai Berkarya`` (a party outside the lexicon)."""
    if text[pos:pos + 1] != sep:
        return None
    q = pos + 1
    wm = _WORD.match(text, q)
    if wm is None or not text[q].isupper():
        return None
    rx = (c.by_first_ascii if text.isascii() else c.by_first).get(wm.group(0).casefold())
    m = rx.match(text, q) if rx is not None else None
    if m is None:
        return None
    written = _norm(m.group(0))
    full = m.lastgroup == "f"
    if full:
        rows = c.full.get(written.casefold(), [])
    elif m.lastgroup == "a":
        rows = c.acr.get(m.group(0)) or c.acr.get(written, [])
    else:
        return None
    rows = [r for r in rows if c.rows[r].kind == "partai" and c.rows[r].takes != "party"]
    if not rows:
        return None
    p = _Mention(q, m.end(), rows, full, written)
    row = c.rows[rows[0]]
    if row.takes == "name":
        end, name = _name_part(c, text, p.end, row, q)
        if not name:
            return None
        p.name_part, p.end = name, end
        p.party_key = "partai:" + name.casefold()
    else:
        p.party_key = rows[0]
    return p


_ORGAN_LEVEL: Final = re.compile(r"[ ]I{1,2}(?=[ ])")
# after an organ's acronym with no party: a level numeral not followed by a capitalised word
# (DPD I se-Indonesia, DPD II, but not anggota DPD I Wayan Sudirta: a Balinese name)
_LEVEL_AFTER: Final = re.compile(r"[ ]I{1,2}(?![A-Za-z0-9])(?![ ]+[A-Z])")
# before it: a count of boards, one or two digits or a fraction (31 DPD, 2/3 DPD; not a year)
_COUNT_BEFORE: Final = re.compile(r"(?<![A-Za-z0-9/.,])[0-9]{1,2}(?:/[0-9]{1,2})?[ ]\Z")
_JOINT: Final = "agency_joint_parties"  # doc.scratch: the second party of a joint faction (Fraksi A-B)


def _boards(text: str, mn: _Mention) -> bool:
    """An organ's acronym with no party after it speaks of party boards in general, not of
    the body that shares the acronym (the national DPD), when a level numeral follows it
    (``usulan DPD I se-Indonesia``, not ``anggota DPD I Wayan Sudirta``) or a count stands
    before it (``31 DPD``, ``2/3 DPD``, not ``2004 DPD``)."""
    return (_LEVEL_AFTER.match(text, mn.end) is not None
            or _COUNT_BEFORE.search(text, max(0, mn.start - 8), mn.start) is not None)


def _organ_tail(c: _Compiled, doc: Document, text: str, mn: _Mention, organ: list[str]) -> bool:
    """A party organ: the party after the organ (``DPD Hanura Sulsel``, ``Dewan Pimpinan
    Daerah (DPD) Golkar``, ``Fraksi PPP``, ``Dewan Pertimbangan DPP Partai Golkar``), or
    fused with it (``FPPP``), then the organ's region. False when no party follows."""
    pos = mn.end
    pm = _PAREN.match(text, pos) if "(" in text[pos:pos + 2] else None
    if pm is not None and not _looks_acronym(c, pm.group("a"), mn.form):
        pm = None
    if pm is not None:
        pos = pm.end()
    party: _Mention | None = None
    joint: _Mention | None = None
    if mn.party_id:
        key = mn.party_id
    else:
        party = _party_at(c, text, pos)
        if party is None and text.startswith(" I", pos) and "dpd_partai" in organ:
            # DPD I / DPD II Partai Golkar: a party's board of a province or a regency, with
            # its level's numeral (not the national council)
            lm = _ORGAN_LEVEL.match(text, pos)
            if lm is not None and (party := _party_at(c, text, lm.end())) is not None:
                pos = lm.end()
        if text.startswith(" Gabungan ", pos) and "fraksi" in organ:
            # Fraksi Gabungan Nasdem-PSI: a joint faction of parties joined by hyphens
            party = _party_at(c, text, pos + 9)
            if party is not None and party.party_key and (joint := _party_at(c, text, party.end, "-")) is None:
                party = None
        elif party is not None and text.startswith("-", party.end) and "fraksi" in organ:
            joint = _party_at(c, text, party.end, "-")  # Fraksi Hanura-PKPI
        if party is None:
            vb = _VIA_BOARD.match(text, pos)
            party = _party_at(c, text, vb.end()) if vb is not None else None
        if party is None:
            return _coordinated_organ(c, doc, text, mn, organ, pos)
        key, party.party_key = party.party_key, ""
        pos = party.end
        if joint is not None and joint.party_key:
            key, joint.party_key = f"{key}-{joint.party_key}", ""
            pos = joint.end
            doc.scratch.setdefault(_JOINT, []).append(joint)
    if pm is not None:
        _set_paren(c, mn, pm)
    mn.rows, mn.party_key, mn.party = list(organ), key, party
    if party is not None and joint is None and party.rows[0] in c.rows and c.rows[party.rows[0]].takes != "name":
        mn.party_id = party.rows[0]
    rm = match_region(doc.lexicon, text, pos, None)
    if rm is not None and not (rm.ambiguous and _capital_next(text, rm.end)):
        mn.region = pick_alternative(text, mn.start, rm) if rm.alternatives else rm.region
        mn.region_text = _norm(text[rm.start:rm.end])
        pos = rm.end
    mn.end = pos
    return True


def _coordinated_organ(c: _Compiled, doc: Document, text: str, mn: _Mention, organ: list[str],
                       pos: int) -> bool:
    """``DPD dan DPC Hanura Sulsel``: an organ coordinated with the next one shares its
    party and region; the mention stays the organ's own word."""
    if not text.startswith(" dan ", pos):
        return False
    q = pos + 5
    wm = _WORD.match(text, q)
    rx = (c.by_first_ascii if text.isascii() else c.by_first).get(wm.group(0).casefold()) if wm is not None else None
    m = rx.match(text, q) if rx is not None else None
    if m is None:
        return False
    ids = c.full.get(_norm(m.group(0)).casefold()) if m.lastgroup == "f" else c.acr.get(m.group(0))
    if not ids or not any(c.rows[r].takes == "party" for r in ids):
        return False
    party = _party_at(c, text, m.end())
    if party is None:
        return False
    mn.rows, mn.party_key = list(organ), party.party_key
    if c.rows[party.rows[0]].takes != "name":
        mn.party_id = party.rows[0]
    rm = match_region(doc.lexicon, text, party.end, None)
    if rm is not None and not (rm.ambiguous and _capital_next(text, rm.end)):
        mn.region = pick_alternative(text, mn.start, rm) if rm.alternatives else rm.region
        mn.region_text = _norm(text[rm.start:rm.end])
    return True


def _set_paren(c: _Compiled, mn: _Mention, pm: AnyMatch,
               doc: Optional[Document] = None) -> None:
    """Record ``(ACR)``; the acronym of a parent body (``Komisi II Dewan Perwakilan Rakyat
    (DPR)``) gives the alias ``Komisi II DPR`` instead of an acronym. A lexicon acronym of
    another body that is no parent's is noted in ``doc.scratch`` (for :func:`_redefine`)."""
    a = pm.group("a")
    mn.paren, mn.paren_span = a, (pm.start("a"), pm.end("a"))
    ids = c.acr.get(a)
    if not ids or set(ids) & set(mn.rows):
        return
    low = mn.form.casefold()
    for rid in ids:
        for f in [c.rows[rid].name, *c.rows[rid].forms]:
            if low.endswith(" " + _norm(f).casefold()):
                mn.paren_parent = mn.form[: len(mn.form) - len(_norm(f))] + a
                return
    if doc is not None and mn.full:
        doc.scratch.setdefault(_REDEF, []).append(mn)


def _looks_acronym(c: _Compiled, a: str, form: str) -> bool:
    """A parenthesis after a body names its acronym: a known one, or one short capitalised
    word with two capitals or sharing the body's first letter (Banggar after Badan Anggaran)."""
    if a in c.acr:
        return True
    if " " in a or len(a) > 24 or a.isdigit() or a in _LEGAL_WORDS:
        return False
    caps = sum(ch.isupper() for ch in a)
    return caps >= 2 or (a[:1].casefold() == form[:1].casefold() and not a.islower())


_WORD: Final = twin(r"[\p{L}\d]+")
_CAP_WORD: Final = regex.compile(r"\b\p{Lu}[\p{L}\d]*")
_NEAR_PREFIX: Final = 4  # a misspelt acronym keeps its first letters (Disd-, Dukc-, Keme-)
_PREV_WORD: Final = twin(r"(\p{L}+)[ ,]*$")
_LOWER_CUE: Final = twin(r"[ ]+(?:kota|kabupaten|kab\.|provinsi|prov\.)[ ]*\p{Lu}")
_AND_CAP: Final = twin(r"[ ]dan[ ]\p{Lu}")


def _any_case_alts(words: list[str], depth: int = 1) -> tuple[list[str], bool]:
    """The branches of :func:`_trie_any_case` ``(words, depth)`` (one per first letter and
    case) and whether a word of no letters is among ``words`` (the tree may match nothing)."""
    by_first: dict[str, list[str]] = {}
    for w in words:
        by_first.setdefault(w[:1], []).append(w[1:])
    alts: list[str] = []
    for ch, rests in sorted(by_first.items()):
        if not ch:
            continue
        if depth > 1:
            tail = _trie_any_case(rests, depth - 1)
        else:
            rest = _trie(rests)
            tail = f"(?i:{rest})" if rest else ""
        cases = (ch.lower(), ch.upper()) if ch.lower() != ch.upper() else (ch,)
        alts.extend(regex.escape(x) + tail for x in cases)
    return alts, "" in by_first


def _trie_any_case(words: list[str], depth: int = 1) -> str:
    """``(?i:`` :func:`_trie` ``(words))`` for ASCII words, with the first ``depth`` letters
    of each word written as two literals, lower and upper case, and only the rest of the
    tree in ``(?i:...)``: the same strings match, tried in the same order (at each letter
    one branch at most can match, in both).

    >>> _trie_any_case(["as", "ukcapil", "ukc"])
    '(?:a(?i:s)|A(?i:s)|u(?i:kc(?:apil)?)|U(?i:kc(?:apil)?))'
    >>> _trie_any_case(["as", "ukcapil", "ukc"], 2)
    '(?:a(?:s|S)|A(?:s|S)|u(?:k(?i:c(?:apil)?)|K(?i:c(?:apil)?))|U(?:k(?i:c(?:apil)?)|K(?i:c(?:apil)?)))'
    """
    alts, ends = _any_case_alts(words, depth)
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 and not ends else "(?:" + "|".join(alts) + ")"
    return body + ("?" if ends else "")


_UPPER_DIGITS: Final = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


def _scan_ascii(scan_words: frozenset[str], near: dict[str, list[str]],
                office: dict[str, tuple[list[str], str]] | None = None) -> re.Pattern[str]:
    """One stdlib pattern finding, in ASCII text, exactly the words ``_starts`` keeps.

    A word there is a run ``[A-Z][A-Za-z0-9]*`` with no word character before it and no
    letter or digit after it; it is kept when its lower-cased form is one of
    ``scan_words`` or its first four letters are a key of ``near``. The pattern is a
    branch per capital (so the engine jumps from capital to capital), a look-behind for
    the word start, then a prefix tree of the scan words' other letters in any case
    followed by the word's end, or of a near key's other letters followed by the rest of
    the word. Words that cannot occur in ASCII text (or cannot start with a capital)
    are left out: they match nothing there.

    The tree in any case opens with its first two letters in both cases as plain literals
    (:func:`_trie_any_case` of depth 2): a branch of the engine skips a literal that
    differs without entering it, where a case-insensitive letter is entered and tried (the
    scan tries every capital of the text). The branches after the capital are one flat
    alternation, each opening with a literal — the scan words' branches (each followed by
    the word's end), then the near keys' (each followed by the word's rest), then the
    office branch — instead of a group per kind, which the engine would enter at every
    word start (the same matches in the same order: a branch's first letter decides
    which branches can match; about 8% fewer instructions in the scan than one any-case
    letter and a group per kind).

    ``office`` (an [[office_acronyms]] head letter → its cues and the letters its
    acronyms' second character may be) adds, after the words, any other word of that
    head letter right after a cue word whose second character is one of those
    (``Kepala DLHP``, ``Kepala Dinsosdaldukkb``): a start that no lookup finds (the words
    and near misses are taken by the first branches), which ``_find`` passes to the
    office-acronym reader, found in the same scan instead of by a ``str.find`` per cue.
    The branch opens with that second character, so the engine skips it without entering
    it at most words (Daerah, Desa, Dalam), and only then looks behind at the cue.
    """
    by_capital: dict[str, tuple[list[str], list[str]]] = {}
    for w in scan_words:
        if w.isascii() and w.isalnum() and w[:1].islower():
            by_capital.setdefault(w[0].upper(), ([], []))[0].append(w[1:])
    for k in near:
        if k.isascii() and k.isalnum() and k[:1].isupper():
            by_capital.setdefault(k[0], ([], []))[1].append(k[1:])
    for cap in office or {}:
        by_capital.setdefault(cap, ([], []))
    branches = []
    for cap, (rests, near_rests) in sorted(by_capital.items()):
        alts: list[str] = []
        if rests:
            word_alts, ends = _any_case_alts(rests, 2)
            alts.extend(f"{a}(?![A-Za-z0-9])" for a in word_alts)
            if ends:
                alts.append("(?![A-Za-z0-9])")
        if near_rests:
            by_second: dict[str, list[str]] = {}
            for r in near_rests:
                by_second.setdefault(r[:1], []).append(r[1:])
            alts.extend(f"{re.escape(ch)}{_trie(rs)}[A-Za-z0-9]*" for ch, rs in sorted(by_second.items()) if ch)
            if "" in by_second:
                alts.append("[A-Za-z0-9]*")
        cues, seconds = (office or {}).get(cap, ([], ""))
        if cues:  # last, after the words; one look-behind at the cues' last letters first
            lasts = "".join(sorted({re.escape(q[-1]) for q in cues}))
            behind = "|".join(f"(?<={re.escape(q)} {cap}.)(?<![A-Za-z0-9]{re.escape(q)} {cap}.)"
                              for q in sorted(cues, key=len, reverse=True))
            alts.append(f"[{re.escape(seconds)}](?<=[{lasts}] {cap}.)(?:{behind})[A-Za-z0-9]*")
        branches.append(f"{cap}(?<![A-Za-z0-9_].)(?:{'|'.join(alts)})")
    return re.compile("|".join(branches) or "(?!)", re.ASCII)


def _starts(c: _Compiled, text: str) -> list[tuple[int, str, str]]:
    """(start, word, casefolded word) of the capitalised words where a body may start, in
    order: words (``c.scan``) whose casefolded form is in ``c.scan_words`` or whose first
    letters start a long acronym (a near miss).

    ASCII text (nearly every article) takes one stdlib scan, ``c.scan_ascii``, that
    finds just those words (``tests/test_agencies.py`` compares it with the regex scan)."""
    if text.isascii() and c.scan_ascii is not None:
        return [(m.start(), w, w.lower()) for m in c.scan_ascii.finditer(text) for w in (m.group(),)]
    scan_words, near = c.scan_words, c.near
    out: list[tuple[int, str, str]] = []
    for sm in c.scan.finditer(text):
        word = sm.group(0)
        low = word.casefold()
        if low in scan_words or word[:_NEAR_PREFIX] in near:
            out.append((sm.start(), word, low))
    return out


def _find(doc: Document, c: _Compiled, office: list[int] | None = None) -> list[_Mention]:
    """Every mention, left to right, without overlaps: at each candidate start a lexicon
    form, else a head word with capitalised words, else a near-miss acronym.

    ``office`` (ASCII text) receives the starts that begin with an [[office_acronyms]] head
    letter right after a cue's last letter and a space and before a second letter some
    acronym's shape allows (``c.office_keys``: ``a DL``) that neither start a mention nor
    lie inside one, the office-acronym reader's candidates (such as the scan's ``DLHP``
    after ``Kepala``, see :func:`_scan_ascii`); else it is left empty, as it is in most
    articles, which then skip the reader. (Inside a mention the reader would leave the
    acronym; the spans passed over without a mention, a product's, a news source's or
    Partai Politik, hold no office word.)"""
    text = doc.text
    out: list[_Mention] = []
    initials = c.office_initials if office is not None and text.isascii() else frozenset()
    office_keys = c.office_keys
    last = -1
    foreign_firsts, sub_firsts, near, source_words = c.foreign_firsts, c.sub_firsts, c.near, c.source_words
    # a head word's regex can only match where the scan's word is the head's first word
    head_firsts = c.head_firsts if c.heads is not None else frozenset()
    starts = _starts(c, text)
    lower = _lower_gov_starts(c, text)
    if lower:
        starts = sorted(starts + lower)
    for s, word, low in starts:
        if s < last:
            continue  # (an office acronym here is inside a mention: the reader leaves it)
        mn = None
        if lower and word[:1].islower():
            mn = _lower_gov_at(doc, c, text, s, word)  # komitmen pemprov DKI
            if mn is not None:
                out.append(mn)
                last = mn.end
            continue
        if low in foreign_firsts:
            mn = _foreign_at(c, text, s, low)  # Pemerintah Jerman, Kementerian Pertahanan Rusia
            if mn is None and low == "pemerintah":
                # Pemerintah Kabupaten Kendal, else Pemerintah KSB, Pemerintah Aceh
                mn = _lexicon_at(doc, c, text, s, word, low) or _gov_region_at(doc, c, text, s, word)
        if mn is None:
            mn = _lexicon_at(doc, c, text, s, word, low)
            if (mn is not None and text[s - 2] == "i" and s > 7 and text.startswith("fraksi ", s - 7)
                    and s - 7 >= last and not text[s - 8].isalpha() and "fraksi" in c.rows):
                mn = _lower_fraksi(doc, c, text, s - 7) or mn  # anggota fraksi PKS
        if mn is not None and low in head_firsts and mn.full and mn.region is None and not mn.paren:
            if _AND_CAP.match(text, mn.end):
                longer = _generic_at(doc, c, text, s)  # Dinas Ketahanan Pangan dan Perikanan
                if longer is not None and longer.end > mn.end:
                    mn = longer
            elif text.startswith(", ", mn.end) and _field_next(c, text, mn.end + 1):
                # a merged dinas written as a list: Dinas Kebudayaan, Pariwisata, Pemuda, dan
                # Olahraga (the list must close with dan, else the name ends at the comma)
                longer = _generic_at(doc, c, text, s)
                if longer is not None and longer.end > mn.end + 2:
                    mn = longer
            elif _field_next(c, text, mn.end):
                # a merged dinas written without its comma: Dinas Sosial Pemberdayaan Perempuan
                # dan Perlindungan Anak, Dinas Perhubungan Komunikasi dan Informatika
                longer = _generic_at(doc, c, text, s)
                if longer is not None and longer.end > mn.end and " dan " in text[mn.end:longer.end]:
                    mn = longer
        if mn is None and low in sub_firsts:
            mn = _sub_unit_at(doc, c, text, s)  # Suku Dinas (Kasudin) Dukcapil Jakarta Timur
        if mn is None and low in head_firsts:
            mn = _generic_at(doc, c, text, s)
        if mn is None and len(word) >= 6 and word[:_NEAR_PREFIX] in near:
            mn = _near_at(doc, c, text, s, word)
        if mn is None:
            if word[0] in initials and text[s - 2:s + 2] in office_keys:
                office.append(s)  # type: ignore[union-attr]
            continue
        if not mn.full and _names_a_thing(doc, c, text, mn):
            last = mn.end  # BI Rate, Hanura Digital, Spirit Demokrat: a product or an event
            continue
        if mn.name_part or mn.generic_kind:  # (one test for the lexicon's bodies)
            if mn.name_part and _norm(text[mn.start:mn.end]).casefold() in c.not_alone:
                last = mn.end  # Partai Politik: the common noun, no party
                continue
            if source_words and not source_words.isdisjoint(
                    w.casefold() for w in _WORD.findall(text, mn.start, mn.end)):
                last = mn.end  # Kantor Berita Antara, Perum LKBN Antara: a news source
                continue
        out.append(mn)
        last = mn.end
    return out


_NEXT_TITLE: Final = twin(r"[ ](\p{Lu}\p{Ll}+)")


def _lower_fraksi(doc: Document, c: _Compiled, text: str, s: int) -> _Mention | None:
    """``fraksi`` in lower case before a party (``anggota fraksi PKS``, ``disampaikan fraksi
    Partai Golkar``): the party's faction, read when the scan reaches the party."""
    mn = _Mention(s, s + 6, ["fraksi"], True, "Fraksi")
    if not _organ_tail(c, doc, text, mn, mn.rows) or not mn.party_key:
        return None
    return mn


def _field_next(c: _Compiled, text: str, pos: int) -> bool:
    """Whether the word after ``pos`` is a capitalised word of a body's field (a word of the
    lexicon's names or a derived Pe-/Ke-...-an noun), not a unit inside a body (``Bidang``)
    nor a place word or a stop (``Kabupaten``, ``Kepala``)."""
    if text[pos:pos + 1] != " ":
        return False
    m = _NEXT_TITLE.match(text, pos)
    if m is None:
        return False
    low = m.group(1).casefold()
    return (_field_like(c, low) and low not in c.sub_units and low not in c.stops
            and low not in _CUE_WORDS and low not in _PLACE_WORDS and low not in c.by_first)


def _lower_gov_starts(c: _Compiled, text: str) -> list[tuple[int, str, str]]:
    """(start, word, word) of regional governments' acronyms and of ``pemerintah`` written in
    lower case before a capital (``pemprov DKI``, ``pemkab Kendal``, ``pemerintah KSB``): one
    stdlib scan per article (``c.lower_gov_scan``).

    Every match opens with the letters all its words share (``c.lower_gov_first``, "pem"),
    so the pattern is only tried where ``str.find`` finds them, left to right, from a
    match's end after a match (as ``finditer`` goes on): the same matches, without the
    engine's visit to every "p" of the text (a tenth of the cost; the look-behind sees the
    text before the position in ``match`` as in ``finditer``)."""
    rx = c.lower_gov_scan
    if rx is None:
        return []
    first = c.lower_gov_first
    if not first:
        return [(m.start(), w, w) for m in rx.finditer(text) for w in (m.group(1),)]
    out: list[tuple[int, str, str]] = []
    i = text.find(first)
    while i >= 0:
        m = rx.match(text, i)
        if m is None:
            i = text.find(first, i + 1)
        else:
            w = m.group(1)
            out.append((i, w, w))
            i = text.find(first, m.end())
    return out


#: the regional government of each type of region
_GOV_ROW: Final = {"provinsi": "pemprov", "kabupaten": "pemkab", "kota": "pemkot"}


def _gov_region_at(doc: Document, c: _Compiled, text: str, s: int, word: str) -> _Mention | None:
    """``Pemerintah`` (in any case, ``daerah`` after it or not) right before a region: the
    government of that region, by its type (``Pemerintah KSB``, ``pemerintah Kabupaten
    Kebumen``, ``Pemerintah Aceh``). An ambiguous place followed by a capital is no region
    (``pemerintah Batu Bara``: see ``_tail``)."""
    pos = s + len(word)
    if text[pos:pos + 8].casefold() == " daerah ":
        pos += len(" daerah")
    rm = match_region(doc.lexicon, text, pos, None)
    if rm is None or (rm.ambiguous and text[rm.end:rm.end + 1] == " " and text[rm.end + 1:rm.end + 2].isupper()):
        return None  # no region, or a place word before a name (pemerintah Malang Raya)
    region = pick_alternative(text, s, rm) if rm.alternatives else rm.region
    rid = _GOV_ROW.get(region.type)
    if rid is None or rid not in c.rows:
        return None
    mn = _Mention(s, s + len(word), [rid], False, c.rows[rid].acronyms[0] if c.rows[rid].acronyms else word)
    mn.end = pos
    if not _tail(c, doc, text, mn, acronym=True) or mn.region is None:
        return None
    return mn


def _lower_gov_at(doc: Document, c: _Compiled, text: str, s: int, word: str) -> _Mention | None:
    """A regional government's acronym in lower case (``pemprov DKI``): the body only when
    a region follows it; it is written as the lexicon writes it (``Pemprov``)."""
    if word == "pemerintah":
        return _gov_region_at(doc, c, text, s, word)
    acr = c.lower_gov.get(word + " ")
    rows = c.acr.get(acr or "")
    if not rows:
        return None
    mn = _Mention(s, s + len(word), list(rows), False, acr or word)
    if not _tail(c, doc, text, mn, acronym=True) or mn.region is None:
        return None
    return mn


_NEXT_CAP: Final = twin(r"[ ](\p{Lu}\p{Ll}+)(?=[ ]+\p{Ll}|[ ]*[,.;:)!?\"'’”]|[ ]*$)")


def _prev_word(text: str, pos: int) -> str:
    """The word right before ``pos`` (one space between), else ""."""
    if pos < 2 or text[pos - 1] != " ":
        return ""
    lo = max(0, pos - 49)
    seg = text[lo:pos - 1]
    if seg.isascii():
        k = len(seg.rstrip(string.ascii_letters))  # ASCII letters are what isalpha() accepts
        if k or not lo:
            return seg[k:]  # the run of letters starts inside the window
    j = pos - 2
    while j >= 0 and text[j].isalpha():
        j -= 1
    return text[j + 1:pos - 1]


def _names_a_thing(doc: Document, c: _Compiled, text: str, mn: _Mention) -> bool:
    """Whether a short mention (``BI``, ``Hanura``) is part of the name of a thing named
    after the body: a word of ``[[named_after]]`` before or after it (``Spirit Demokrat``,
    ``BI Rate``), or one capitalised word after it that ends the phrase and is no place,
    office, body, name or calendar word, with no office word before the body and no
    place word (``di``, ``gedung``) before it (``Hanura Digital`` but not ``Ketua KPK
    Agus``, ``di DPR Senayan``)."""
    if (mn.region is not None or mn.name_part or mn.paren or mn.national or mn.party_key
            or mn.from_pattern or mn.near):
        return False
    prev = _prev_word(text, mn.start)
    if prev[:1].isupper() and prev.casefold() in c.named_before:
        return True
    if text[mn.end:mn.end + 1] != " " or not text[mn.end + 1:mn.end + 2].isupper():
        return False
    m = _NEXT_CAP.match(text, mn.end)
    if m is None:
        return False
    w = m.group(1)
    low = w.casefold()
    if low in c.named_after:
        return True
    if (low in c.stops or low in c.position_words or low in c.by_first or w in c.person_first
            or len(w) < 3 or region_index(doc.lexicon).is_place(w)):
        return False
    if prev.casefold() in c.place_before:
        return False
    return not _role_before(c, text, mn.start)


def _foreign_at(c: _Compiled, text: str, s: int, low: str) -> _Mention | None:
    """A foreign government body: a head (``Pemerintah``, ``Kementerian``), up to a few
    words of its field in any case, and a country (``Kementerian pertahanan Rusia``)."""
    for rx in c.foreign_rx.get(low, ()):
        m = rx.match(text, s)
        if m is None:
            continue
        mid = m.group("mid").split()
        if mid and (mid[-1] == "dan" or any(w.casefold() in c.stops and w != "dan" for w in mid)):
            return None  # Kementerian Pertanian dan Jepang ...; ... kerja sama di Jepang
        kind = c.foreign[_norm(m.group("head")).casefold()][0]
        return _Mention(s, m.end(), ["_foreign"], True, _norm(m.group(0)), generic_kind=kind)
    return None


def _sub_unit_at(doc: Document, c: _Compiled, text: str, s: int) -> _Mention | None:
    """A Suku Dinas (the office of a provincial dinas in one of Jakarta's administrative
    cities) written with a parenthesis before its field: ``Suku Dinas (Kasudin) Dukcapil
    Jakarta Timur``. The parenthesis (here the head's title) is left out of the name."""
    m = c.sub_unit.match(text, s) if c.sub_unit is not None else None
    if m is None:
        return None
    q = m.end()
    wm = _WORD.match(text, q)
    if wm is None:
        return None
    sub = _lexicon_at(doc, c, text, q, wm.group(0))
    if sub is None and c.heads is not None:
        # a field outside the lexicon: Suku Dinas (Kasudin) Kesehatan Jakarta Utara
        mn = _generic_at(doc, c, text, s, (_norm(m.group("head")), q - 1))
        if mn is not None and m.group("p"):
            mn.paren_span = (m.start("p"), m.end("p"))
        return mn
    if sub is None or sub.name_part or sub.party_key:
        return None
    dinas = [r for r in sub.rows if c.rows[r].kind == "dinas"]
    if not dinas:
        return None
    sub.rows = dinas
    head = _norm(m.group("head"))
    field_part = sub.form
    rows = c.acr.get(f"Sudin {field_part}") or c.full.get(f"suku dinas {field_part}".casefold())
    if rows:
        mn = _Mention(s, sub.end, list(rows), True, f"{head} {field_part}")
        mn.full = _norm(mn.form).casefold() in c.full
    else:
        written = field_part if sub.full else c.rows[sub.row].name
        field_name = written.split(" ", 1)[1] if written.startswith("Dinas ") else written
        mn = _Mention(s, sub.end, ["_generic"], True, f"Suku Dinas {field_name}",
                      generic_kind=c.sub_kind)
    mn.region, mn.region_text = sub.region, sub.region_text
    if m.group("p"):
        mn.paren_span = (m.start("p"), m.end("p"))  # left out of the written name
    return mn


def _lexicon_at(doc: Document, c: _Compiled, text: str, s: int, word: str,
                low: Optional[str] = None) -> _Mention | None:
    """A lexicon body starting at ``s``, whose first word (the whole run of letters and
    digits there) is ``word`` (casefolded: ``low``)."""
    if low is None:
        low = word.casefold()
    g: Optional[str]
    acrs = c.single_acr.get(low)
    if acrs is not None:
        if word not in acrs:
            if len(word) < 4 or not word[1:].islower() or word.upper() not in acrs:
                return None  # the word is the whole run: no one-word acronym matches otherwise
            # Dprd Kab. Kukar: an acronym in title case, read as in capitals, only before
            # its region (a call of its own: the common path pays nothing for it)
            mn = _lexicon_at(doc, c, text, s, word.upper(), low)
            return mn if mn is not None and mn.region is not None else None
        g, e, written = "a", s + len(word), word
    else:
        rx = (c.by_first_ascii if text.isascii() else c.by_first).get(low)
        if rx is None:
            return None
        m = rx.match(text, s)
        if m is None:
            return None
        g = m.lastgroup
        e = m.end()
        written = m.group(0)
    if g == "f":
        form = _norm(written)
        rows = c.full.get(form.casefold(), [])
        if not rows:
            return None
        mn = _Mention(s, e, list(rows), True, form)
        ok = _tail(c, doc, text, mn, acronym=False)
    elif g == "a":
        rows = c.acr.get(written) or c.acr.get(_norm(written), [])
        if not rows:
            return None
        if text[s - 1:s] == "/" and text[e:e + 1] == "/":
            return None  # part of a reference number (F68/EX/DPP/IX/2008)
        if len(written) <= 2 and c.initials_cues:
            pw = _PREV_WORD.search(text, max(0, s - 30), s)
            if pw is not None and pw.group(1).casefold() in c.initials_cues:
                return None  # "kata MA": a person's initials
        if written in c.corps and _rank_before(c, text, s):
            return None  # Mayjen TNI Budi: the corps of a person's rank, not the body
        mn = _Mention(s, e, list(rows), False, _norm(written))
        mn.national = written.endswith(" RI")  # KPU RI, DPR RI
        mn.party_id = c.fused.get(written, "")  # FPPP: Fraksi PPP
        ok = _tail(c, doc, text, mn, acronym=True)
    else:
        rid = c.pattern_rows.get(g or "")
        if rid is None:
            return None
        mn = _Mention(s, e, [rid], True, _norm(written), from_pattern=True)
        _parent_key(c, mn)
        ok = _tail(c, doc, text, mn, acronym=False)
    return mn if ok else None


def _rank_before(c: _Compiled, text: str, s: int) -> bool:
    """Whether a military or police rank of ``patterns/honorifics.toml`` (``Mayjen``,
    ``Mayor Jenderal``, ``Laksamana Muda``) ends right before ``s`` (one space between)."""
    if not c.ranks or s < 2 or text[s - 1] != " ":
        return False
    words = text[max(0, s - 40):s - 1].split()
    return any(" ".join(words[-k:]).lstrip("(\"'“‘") in c.ranks for k in (1, 2, 3) if len(words) >= k)


def _parent_key(c: _Compiled, mn: _Mention) -> None:
    """``Komisi II Dewan Perwakilan Rakyat`` and ``Komisi II DPR`` share one key and alias."""
    words = mn.form.split()
    for i in range(1, len(words)):
        tail = " ".join(words[i:])
        ids = c.full.get(tail.casefold()) or c.acr.get(tail)
        if ids:
            head = " ".join(words[:i])
            mn.pattern_key = f"{head.casefold()}|{ids[0]}"
            mn.parent_at = mn.start + len(head) + 1
            mn.parent_rows = list(ids)
            acr = c.rows[ids[0]].acronyms
            if acr:
                mn.short = f"{head} {acr[0]}"
            return


_SMALL: Final = frozenset("di ke dari dan yang untuk pada dengan atau oleh jadi ini itu per se vs".split())
_CLOSING: Final = frozenset('.,:"')
_READ_ALSO_PLAIN: Final = regex.compile(r"\b(?:[Bb]aca|BACA|[Ll]ihat|LIHAT|[Ss]imak|SIMAK)[ ]+(?:[Jj]uga|JUGA)[ ]*:?[ ]*")
# _READ_ALSO_PLAIN with each branch opening with its literal first letter and the word
# boundary as a look-behind after it: the engine jumps between those six letters instead
# of trying every position of the text (a fifth of the cost on an article that has one)
_READ_ALSO: Final = twin(r"(?:B(?<!\w.)(?:aca|ACA)|b(?<!\w.)aca|L(?<!\w.)(?:ihat|IHAT)|l(?<!\w.)ihat"
                  r"|S(?<!\w.)(?:imak|IMAK)|s(?<!\w.)imak)[ ]+(?:[Jj]uga|JUGA)[ ]*:?[ ]*")
_LINK_WORD: Final = regex.compile(r"\G[ ,:]*([^\s,:]+)")


class _Titles:
    """Which positions lie in a Title Case line (a headline, a related link) or in an
    inline related link (``Baca Juga: Kemendagri Kirim 3 Juta Blanko ...``). Lines are
    judged lazily, only where a mention is, and remembered."""

    def __init__(self, text: str, low: Callable[[], str] | None = None) -> None:
        self.text = text
        self.low = low  # text.lower(), when the document has it (Document.lower_text)
        self.lines: dict[int, bool] = {}  # a line's end (its newline or the text's end) → title
        self.links: list[tuple[int, int]] | None = None

    def __contains__(self, pos: int) -> bool:
        text = self.text
        le = text.find("\n", pos)
        if le < 0:
            le = len(text)
        hit = self.lines.get(le)
        if hit is None:
            hit = self.lines[le] = _title_line(text, pos, le)
        if hit:
            return True
        links = self.links
        if links is None:
            links = self.links = _read_also(text, self.low() if self.low is not None else None)
        for s, e in links:
            if s <= pos < e:
                return True
        return False


    def flags(self, positions: list[int]) -> list[bool]:
        """``pos in self`` for each of ``positions`` (ascending): a line is found once for
        all the positions in it."""
        text = self.text
        out: list[bool] = []
        le = -1  # the end of the current line ([ls, le], the newline included)
        hit: Optional[bool] = False  # (Optional: the memo's get gives None; compiled, a bool local would refuse it)
        for pos in positions:
            if pos > le:
                le = text.find("\n", pos)
                if le < 0:
                    le = len(text)
                hit = self.lines.get(le)
                if hit is None:
                    hit = self.lines[le] = _title_line(text, pos, le)
            if hit:
                out.append(True)
                continue
            links = self.links
            if links is None:
                links = self.links = _read_also(text, self.low() if self.low is not None else None)
            out.append(any(s <= pos < e for s, e in links) if links else False)
        return out


def _title_line(text: str, pos: int, le: int) -> bool:
    """``_title_like`` of the line that holds ``pos`` and ends at ``le`` (its newline or the
    text's end); a line ending in a closing mark (most prose) is judged without finding its
    start or copying it (when ``pos`` lies before ``le``, the line is not empty)."""
    if le > pos and text[le - 1] in _CLOSING:
        return False
    ls = text.rfind("\n", 0, pos) + 1
    if le > ls and text[le - 1] in _CLOSING:
        return False
    return _title_like(text[ls:le])


#: A reporter's sign-off after the last sentence of a paragraph, on the same line
#: (``... dan pejabat lainnya. AB``, ``... katanya. (rdk)``): the line is prose, not a title.
_SIGN_OFF: Final = re.compile(r"[a-z]{3}[.!?][\"”]?[ ]+(?:[A-Z]{2,4}|\([A-Za-z]{2,4}\))$")


def _title_like(line: str) -> bool:
    stripped = line.rstrip()
    if not stripped or stripped[-1] in _CLOSING:
        return False
    words = [w for w in stripped.split() if w[:1].isalpha() and w.casefold() not in _SMALL]
    n = len(words)  # (the capitalised words counted by a list, not by a generator)
    return (n >= 4 and len([w for w in words if w[:1].isupper()]) >= 0.75 * n
            and _SIGN_OFF.search(stripped, max(0, len(stripped) - 12)) is None)


def _has_read_also(low: str) -> bool:
    """``"baca juga" in low or "lihat juga" in low or "simak juga" in low``, in one scan
    for `` juga`` (three scans of the text cost more; tests/test_agencies.py compares)."""
    i = low.find(" juga")
    while i >= 0:
        if (i >= 4 and low.startswith("baca", i - 4)) or (i >= 5 and low.startswith(("lihat", "simak"), i - 5)):
            return True
        i = low.find(" juga", i + 5)
    return False


def _read_also(text: str, low: str | None = None) -> list[tuple[int, int]]:
    """Inline related links: "... Baca Juga: Kemendagri Kirim 3 Juta Blanko ke Daerah ..."
    (``low``: ``text.lower()`` when the caller has it).

    A link holds `` juga`` (in lower case) after its first word and spaces, so none starts
    before the first `` juga`` of the text less the spaces and five letters before it: on
    ASCII text (where ``low`` keeps the text's offsets) the scan starts there."""
    if low is None:
        low = text.lower()
    if not _has_read_also(low):
        return []
    start = 0
    if text.isascii():
        k = low.find(" juga")
        while k > 0 and low[k - 1] == " ":
            k -= 1
        start = max(0, k - 5)
    out: list[tuple[int, int]] = []
    for m in _READ_ALSO.finditer(text, start):
        end = m.end()
        for w in _LINK_WORD.finditer(text, m.end()):
            word = w.group(1)
            if not (word[:1].isupper() or word[:1].isdigit() or word.casefold() in _SMALL):
                break
            end = w.end()
        out.append((m.start(), end))
    return out


def _covered(mentions: list[_Mention], s: int, e: int) -> bool:
    return any(m.start < e and s < m.end for m in mentions)


def _near_at(doc: Document, c: _Compiled, text: str, s: int, word: str) -> _Mention | None:
    """A misspelt long acronym (``Disdikcapil``, ``Dukcapik``): one edit away, the same
    first four letters, seven letters or more. Links with warning W051."""
    if word in c.acr or not word.isalpha():
        return None
    best = next((a for a in c.near_len.get((word[:_NEAR_PREFIX], len(word)), ())
                 if one_edit(word, a)), None)
    if best is None:
        return None
    mn = _Mention(s, s + len(word), list(c.acr[best]), False, word, near=best)
    if not _tail(c, doc, text, mn, acronym=True):
        return None
    doc.warnings.append(W_NEAR.format(written=word, form=best))
    return mn


# (?:A|B|) for (?:A|B)? and digits inside a name (P3APPKB) as X(?:X)*| for (?:X)*: the same
# matches, but a token costs a branch, not a repeat (the stdlib engine allocates one per repeat);
# each branch opens with a literal or a class (,[ ]dan|[ ](?:dan|&) for ,?[ ]dan|[ ]&, \d\d* for
# \d+), which the engine tests without entering the branch (the same matches, in the same order)
_GENERIC_TOKEN: Final = twin(r"(?:,[ ]dan|[ ](?:dan|&)|,|)[ ](\p{Lu}[\p{L}'’/-]*(?:\d\d*\p{Lu}[\p{L}-]*(?:\d\d*\p{Lu}[\p{L}-]*)*|)|\d\d*)")
_CUE_WORDS: Final = frozenset(("kota", "kabupaten", "kab", "kab.", "provinsi"))
_PLACE_WORDS: Final = frozenset(("desa", "kecamatan", "kelurahan"))  # inside names: Pemberdayaan ... Desa


def _next_body(c: _Compiled, text: str, pos: int, named: bool) -> bool:
    """Whether a lexicon body starts at ``pos`` inside a head word's run. A ministry's
    acronym right after the head is the field of a regional office (``Dinas ESDM``)."""
    wm = _WORD.match(text, pos)
    rx = (c.by_first_ascii if text.isascii() else c.by_first).get(wm.group(0).casefold()) if wm is not None else None
    m = rx.match(text, pos) if rx is not None else None
    if m is None:
        return False
    if not named and m.lastgroup == "a":
        rows = c.acr.get(m.group(0), ())
        if rows and all(c.rows[r].kind == "kementerian" for r in rows):
            return False
    return True


#: the letter or number of a unit right after its head (Komisi A, Komisi IV, Komisi 2)
_DESIGNATOR: Final = re.compile(r"[A-E]|[IVX]{1,4}|\d{1,2}")
_GENERIC_BODY: Final = twin(r"(?:(?:,[ ]dan|[ ](?:dan|&)|,|)[ ](?:\p{Lu}[\p{L}'’/-]*(?:\d\d*\p{Lu}[\p{L}-]*(?:\d\d*\p{Lu}[\p{L}-]*)*|)|\d\d*))+")


def _generic_at(doc: Document, c: _Compiled, text: str, s: int,
                head_at: tuple[str, int] | None = None) -> _Mention | None:
    """A body outside the lexicon: a head word and capitalised words
    (``Dinas Ketahanan Pangan``, ``Badan Anggaran (Banggar) DPR``). ``head_at`` = (head,
    where its words start) when something stands between them (``Suku Dinas (Kasudin)``)."""
    assert c.heads is not None
    if head_at is None:
        m = c.heads.match(text, s)
        if m is None or not text[s].isupper():
            return None
        if s >= 6 and text[s - 6:s].casefold() == "antar ":
            return None  # Hubungan Antar Lembaga: a field (between bodies), no body
        head, base, body = _norm(m.group("head")), m.start("body"), m.group("body")
    else:
        bm = _GENERIC_BODY.match(text, head_at[1])
        if bm is None:
            return None
        head, base, body = head_at[0], head_at[1], bm.group(0)
    idx = region_index(doc.lexicon)
    keep: list[AnyMatch] = []
    for t in _GENERIC_TOKEN.finditer(body):
        w = t.group(1)
        low = w.casefold()
        if low in _CUE_WORDS and match_region(doc.lexicon, text, base + t.start(1)) is not None:
            break  # the region (Kota Semarang), not part of the name (Kawasan Kota Lama)
        if low in c.stops and low not in _CUE_WORDS and low not in _PLACE_WORDS:
            break  # a title, an office, a weekday
        if low in c.by_first and _next_body(c, text, base + t.start(1), bool(keep)):
            break  # the next body (Badan Anggaran DPR), but Lembaga ... Indonesia, Dinas ESDM
        if keep and w in c.person_first and not (
                low in c.field_words and not _person_next(c, body, t.end())):
            break  # a person's name (Dewan Pembina Andi ...), but ... Perlindungan Anak
        if w in c.countries:
            break  # Kementerian Pertanian dan Jepang: a partner, not part of the name
        if t.group(0).startswith(",") and (not keep or low in c.head_kind):
            break  # Badan Anggaran, Badan Kehormatan, dan ...: a list of bodies, not one name
        if (t.group(0).startswith(", dan") and keep
                and not any(k.group(0).startswith(",") and not k.group(0).startswith(", dan") for k in keep)):
            break  # Dinas Sosial, dan Dinas ...: a comma before dan closes a list only after commas
        if (len(keep) == 1 and low not in c.field_words and not t.group(0).startswith(",")
                and _DESIGNATOR.fullmatch(keep[0].group(1))):
            break  # Komisi A <Name Name>: a lettered or numbered unit ends at its letter
        keep.append(t)
    # "Dinas Pemberdayaan Masyarakat, Desa, Kependudukan dan Pencatatan Sipil": commas
    # inside a name only when a "dan" closes the list; else the name ends at the comma
    commas = [i for i, t in enumerate(keep) if t.group(0).startswith(",")]
    if commas and not any(t.group(0).startswith((" dan", ", dan")) for t in keep[commas[-1]:]):
        keep = keep[:commas[0]]
    # a trailing region name belongs to the region, not to the body's name
    while len(keep) > 1:
        n = next((n for n in (3, 2, 1) if len(keep) > n and not keep[-n].group(0).startswith(",")
                  and idx.is_place(" ".join(t.group(1) for t in keep[-n:]))), 0)
        if not n:
            break
        del keep[-n:]  # Jakarta Barat, Kulon Progo
    # a person's name after the body's (Dinas Pertanian dan Peternakan <Name Name>)
    words = [t.group(1) for t in keep]
    if (len(words) >= 2 and head.casefold() in c.no_person_heads
            and all(_person_like(c, w) for w in words) and _role_before(c, text, s)):
        return None  # Wakil Ketua Komisi <Name Name>: a person, no commission
    k = _person_cut(c, text, s, words, True, [t.group(0).startswith((" dan", ", dan")) for t in keep]) \
        if len(words) > 1 else len(words)
    if 0 < k < len(keep):
        keep = keep[:k]
    if not keep or (len(keep) == 1 and idx.is_place(keep[0].group(1))):
        return None
    e = base + keep[-1].end()
    form = _norm(text[s:e]) if head_at is None else _norm(f"{head} {text[base:e]}")
    low_form = form.casefold()
    if low_form in c.not_alone or any(low_form.startswith(p) for p in c.not_prefix):
        return None
    if low_form in c.head_kind:
        return None  # a head word alone (Direktorat Jenderal (Ditjen) Pajak): no body named
    mn = _Mention(s, e, ["_generic"], True, form,
                  generic_kind=c.head_kind.get(head.casefold(), "lembaga"))
    pos = e
    if (len(keep) <= 2 and head.casefold() == "kantor" and text[pos:pos + 2] != " ("
            and _norm(text[base + keep[0].start(1):e]) in c.acr
            and match_region(doc.lexicon, text, pos, None) is None):
        return None  # Kantor Kemenko Polhukam: the building of the body named after it
    pm = _PAREN.match(text, pos)
    if pm is not None and not _looks_acronym(c, pm.group("a"), mn.form):
        pm = None
    if pm is None and text[pos:pos + 2] in _OPEN_PAREN:
        pm = _merged_paren(c, text, pos, low_form)  # (Dinkes PP dan KB): one merged dinas
    if pm is not None:
        mn.paren, mn.paren_span = pm.group("a"), (pm.start("a"), pm.end("a"))
        pos = pm.end()
        if mn.paren in c.acr:
            doc.scratch.setdefault(_REDEF, []).append(mn)  # for _redefine
    par = _PARENT.match(text, pos)
    if par is not None:  # Badan Anggaran (Banggar) DPR: a unit of the legislature
        mn.form = _norm(f"{form} {par.group(1)}")
        pos = mn.end = par.end()
    rm = match_region(doc.lexicon, text, pos, None)
    if rm is not None and not rm.ambiguous:
        mn.region = pick_alternative(text, s, rm) if rm.alternatives else rm.region
        mn.region_text = _norm(text[rm.start:rm.end])
        mn.end = rm.end
    elif mn.paren:
        mn.end = max(mn.end, pos)
    return mn


_OPEN_PAREN: Final = frozenset((" (", "( "))
_PAREN_MERGED: Final = twin(r"[ ]?\([ ]?(?P<a>\p{Lu}[\p{L}\d]{1,12}(?:[ ](?:dan[ ]|&[ ])?[\p{Lu}\d][\p{L}\d]*){1,4})[ ]?\)")


def _merged_paren(c: _Compiled, text: str, pos: int, low_form: str) -> Optional[AnyMatch]:
    """The parenthesised acronym of a merged dinas, several words that open with the acronym
    of the lexicon body its name begins with: ``Dinas Kesehatan Pengendalian Penduduk dan
    Keluarga Berencana (Dinkes PP dan KB)`` — one body, not a second Dinas Kesehatan."""
    m: Optional[AnyMatch] = _PAREN_MERGED.match(text, pos)
    if m is None:
        return None
    first = m.group("a").partition(" ")[0]
    for rid in c.acr.get(first, ()):
        row = c.rows[rid]
        for f in (row.name, *row.forms):
            if low_form.startswith(_norm(f).casefold() + " "):
                return m
    return None


def _person_next(c: _Compiled, body: str, pos: int) -> bool:
    """Whether a capitalised word that may be a person's follows ``pos`` (``Anak Agung``)."""
    m = _NEXT_TITLE.match(body, pos)
    return m is not None and _person_like(c, m.group(1))


def _parents(doc: Document, c: _Compiled, found: list[_Mention]) -> list[_Mention]:
    """The legislature named inside a commission (``Komisi A DPRD Kota Semarang``) is a
    body too: a nested mention from the parent's name to the end."""
    text = doc.text
    out: list[_Mention] = []
    for mn in found:
        if mn.parent_at < 0:
            continue
        m = _WORD.match(text, mn.parent_at)
        while m is not None and m.end() < mn.end and " ".join(
                text[mn.parent_at:m.end()].split()).casefold() not in c.full and \
                text[mn.parent_at:m.end()] not in c.acr:
            m = _WORD.match(text, m.end() + 1)
        if m is None:
            continue
        p = _Mention(mn.parent_at, mn.end, list(mn.parent_rows), False,
                     _norm(text[mn.parent_at:m.end()]), region=mn.region,
                     region_text=mn.region_text, national=mn.national)
        p.full = _norm(p.form).casefold() in c.full
        out.append(p)
    return out


def _outside_titles(titles: _Titles, ms: list[_Mention]) -> list[_Mention]:
    """Mentions in Title Case lines (headlines, related links) only join bodies that the
    article's prose names; a body named only in such lines is dropped."""
    inside = titles.flags([m.start for m in ms])
    if not any(inside):
        return ms
    prose = {m.key for m, t in zip(ms, inside) if not t}
    return [m for m, t in zip(ms, inside) if m.key in prose or not t]


def _dynamic(doc: Document, found: list[_Mention], c: _Compiled) -> list[_Mention]:
    """Later bare uses of an acronym the article defined in parentheses for an unknown body."""
    text = doc.text
    out: list[_Mention] = []
    seen: set[str] = set()
    for mn in found:
        a = mn.paren
        if not a or mn.paren_parent or a in seen or a in c.acr:
            continue
        seen.add(a)
        for ms, me in _whole_words(text, a):
            if mn.paren_span and ms == mn.paren_span[0]:
                continue
            if _covered(found, ms, me) or _covered(out, ms, me):
                continue
            d = _Mention(ms, me, list(mn.rows), False, a,
                         generic_kind=mn.generic_kind)
            d.key = ("?", a, "")  # resolved to the defining mention below
            out.append(d)
    return out


_ALNUM_ASCII: Final = frozenset(string.ascii_letters + string.digits)


def _whole_words(text: str, a: str) -> list[tuple[int, int]]:
    """The spans of :func:`_whole_words_plain` (``a`` with no letter or digit on either
    side); on ASCII text found with ``str.find`` instead of a regex built per acronym
    (there ``\\p{L}`` and ``\\d`` are ASCII letters and digits)."""
    if not (text.isascii() and a):
        return _whole_words_plain(text, a)
    out: list[tuple[int, int]] = []
    n = len(a)
    i = text.find(a)
    while i >= 0:
        e = i + n
        if (i == 0 or text[i - 1] not in _ALNUM_ASCII) and text[e:e + 1] not in _ALNUM_ASCII:
            out.append((i, e))
            i = text.find(a, e)  # matches do not overlap
        else:
            i = text.find(a, i + 1)
    return out


def _whole_words_plain(text: str, a: str) -> list[tuple[int, int]]:
    return [m.span() for m in regex.finditer(_LB + regex.escape(a) + _RB, text)]


# ------------------------------------------------------------------ resolution


def _key(mn: _Mention, rid: str) -> tuple[str, str, str]:
    reg = mn.region.canonical if mn.region is not None else ""
    if rid.startswith("_"):  # _generic, _foreign
        return (rid, reg, mn.form.casefold())
    if mn.party_key:
        return (rid, reg, mn.party_key)
    if mn.name_part:
        np = mn.name_part.casefold()
        return (rid, reg, np.replace("/ ", "/") if "/ " in np else np)  # Kodim 0412/ Garuda
    if mn.from_pattern:
        return (rid, reg, mn.pattern_key or mn.form.casefold())
    return (rid, reg, "")


def _dateline_region(doc: Document, row: _Row) -> Optional[Region]:
    loc = doc.meta.dateline_location
    if not loc:
        return None
    idx = region_index(doc.lexicon)
    types = row.region_types or ["kota", "kabupaten", "provinsi"]
    hits = [r for t in types if (r := idx.resolve(loc, t)) is not None]
    return hits[0] if len(hits) == 1 else None


def _preceded_row(text: str, mn: _Mention, c: _Compiled) -> Optional[str]:
    """For a shared acronym (Dukcapil): the row whose ``preceded_by`` word is adjacent."""
    before = text[max(0, mn.start - 40):mn.start].rstrip()
    after = text[mn.end:mn.end + 40].lstrip()
    for rid in mn.rows:
        for w in c.rows[rid].preceded_by:
            if before.endswith(w) or after.startswith(w):
                return rid
    return None


def _hint_row(text: str, mn: _Mention, c: _Compiled) -> str:
    """The row whose ``preceded_by`` word is adjacent, else the first row."""
    return _preceded_row(text, mn, c) or mn.rows[0]


def _defined_row(c: _Compiled, mn: _Mention) -> Optional[str]:
    """A body outside the lexicon whose parenthesised acronym is a lexicon acronym of a
    regional body of the same kind, written as a misspelling of that body's name or one of
    its forms (every word but one the same: ``Dinas Kependudukan dan Cacatan Sipil
    (Disdukcapil)``): that row. Other words define the acronym anew (``Dinas Kebersihan
    dan Pertamanan (DKP)`` is not the Dinas Kelautan dan Perikanan)."""
    rows = [r for r in c.acr.get(mn.paren or "", ())
            if c.rows[r].takes == "region" and c.rows[r].kind == mn.generic_kind
            and _misspelt_form(mn.form, c.rows[r])]
    return rows[0] if len(rows) == 1 else None


def _misspelt_form(form: str, row: _Row) -> bool:
    """Whether ``form`` has the words of ``row``'s name or of one of its forms, one word
    (not the first) written otherwise."""
    words = form.casefold().split()
    for f in [row.name, *row.forms]:
        fw = f.casefold().split()
        if len(fw) == len(words) and fw[0] == words[0] and sum(a != b for a, b in zip(fw, words)) <= 1:
            return True
    return False


_REDEF: Final = "agency_redefinitions"  # doc.scratch: full forms with another body's acronym in parentheses
_SCHOOLS: Final = "agency_schools"  # doc.scratch: how many schools were read with a name


def _near_full(c: _Compiled, mn: _Mention) -> Optional[tuple[str, str]]:
    """A body outside the lexicon whose words are those of one lexicon full form of the same
    kind but one word of six letters or more, misspelt by one edit (``Kementrian Agama``,
    ``Kementerian Kesehata``): (row id, the lexicon's form), else None."""
    words = mn.form.casefold().split()
    if words[-1] == "ri":
        words.pop()  # the national body (Kementeri Pendidikan dan Kebudayaan RI)
    n = len(words)
    if n < 2:
        return None
    hit: Optional[tuple[str, str]] = None
    shape = c.full_shape
    for i in range(n):
        for f, k in shape.get((*words[:i], "", *words[i + 1:]), ()):
            w, g = words[i], f.split()[k]
            if not one_edit(w, g) and not (len(w) >= 8 and g.startswith(w) and len(g) - len(w) == 2):
                continue  # one edit, or a long word cut short by two letters (Kementeri)
            rows = [r for r in c.full[f] if c.rows[r].kind == mn.generic_kind]
            if len(rows) != 1 or (hit is not None and hit[0] != rows[0]):
                return None  # two bodies as near: none
            hit = (rows[0], f)
    return hit


def _redefine(doc: Document, c: _Compiled, found: list[_Mention]) -> None:
    """An acronym of the lexicon that the article defines for another body (``Dinas
    Ketahanan Pangan (DKP)``, ``Dinas Komunikasi dan Informatika (Kominfo)``) names that
    body in the whole article: its bare uses (``Kepala DKP Kukar``, ``Kepala Kominfo``) are
    that body's, not the lexicon's (Dinas Kelautan dan Perikanan, the ministry). The
    definitions go to ``doc.scratch["acronyms_defined"]`` (acronym → the full form as
    written) for the officials' canonical positions."""
    defs: dict[str, list[_Mention]] = {}
    kept = {id(m) for m in found}
    for m in doc.scratch[_REDEF]:
        if id(m) not in kept:
            continue  # dropped since (a headline's)
        a = m.paren
        if not (a and m.full and not m.paren_parent and a in c.acr) or m.party_key:
            continue
        rows = c.acr[a]
        if any(r in rows for r in m.rows):
            continue  # Dinas Kependudukan dan Pencatatan Sipil (Disdukcapil): its own acronym
        if m.rows == ["_generic"] and _defined_row(c, m) is not None:
            continue  # a misspelt full form of the lexicon's body (resolved to it later)
        defs.setdefault(a, []).append(m)
    if not defs:
        return
    written: dict[str, str] = {}
    for a, ds in defs.items():
        written[a] = " ".join(ds[0].form.split())
        for mn in found:
            if mn.full or mn.form != a or mn.name_part or mn.party_key or mn.key is not None:
                continue
            src = next((d for d in reversed(ds) if d.start < mn.start), ds[0])
            if src.rows == ["_generic"]:
                mn.rows = ["_generic"]
                mn.generic_kind = src.generic_kind
                mn.key = ("?", a, "")  # linked to the defining mention in _resolve
            else:
                mn.rows = list(src.rows)
    doc.scratch["acronyms_defined"] = written


def _shared_row(doc: Document, c: _Compiled, ms: list[_Mention], mn: _Mention,
                local: "_LocalRegion") -> str:
    """A bare shared acronym (``Sekretaris Dukcapil``) with no ``preceded_by`` word: the
    row the article already names (the regional one when ``Dukcapil Kota X`` is written;
    when both are named, the nearer mention before); else the regional row when the
    article has its own kabupaten/kota (a ``BATANG -`` story speaks of the local dinas);
    else the first row."""
    hint = _preceded_row(doc.text, mn, c)
    if hint is not None:
        return hint
    text = doc.text
    if mn.start > 0 and text[mn.start - 1] == "(":
        # the acronym of the full form just written: Direktorat Jenderal (Ditjen)
        # Kependudukan dan Pencatatan Sipil (Dukcapil) — the nearer head word decides
        before = text[max(0, mn.start - 100):mn.start]
        at = [(before.rfind(c.rows[r].name.split(" ", 1)[0] + " "), r) for r in mn.rows]
        pos, r = max(at)
        if pos >= 0:
            return r
    regional = next((r for r in mn.rows if c.rows[r].takes == "region"), None)
    best: Optional[tuple[int, str]] = None
    for k in ms:
        if k is mn or not k.rows:
            continue
        if len(k.rows) == 1:
            r = k.rows[0]
        elif k.region is not None and regional in k.rows:
            r = regional
        else:
            continue
        if r not in mn.rows:
            continue
        rank = mn.start - k.start if k.start < mn.start else 1_000_000 + k.start
        if best is None or rank < best[0]:
            best = (rank, r)
    if best is not None:
        return best[1]
    if regional is not None and c.rows[regional].bare == "local" and local.get() is not None:
        return regional
    return mn.rows[0]


def _nearest(cands: list[_Mention], pos: int) -> _Mention | None:
    """The candidate nearest before ``pos``, else the first after it."""
    before = [k for k in cands if k.start < pos]
    if before:
        return before[-1]
    after = [k for k in cands if k.start > pos]
    return after[0] if after else None


class _LocalRegion:
    """The article's own kabupaten/kota, looked up once and only when needed: the one
    that the dateline and every kabupaten/kota the article names agree on, else None."""

    def __init__(self, doc: Document, c: _Compiled, ms: list[_Mention]) -> None:
        self.doc, self.c, self.ms = doc, c, ms
        self.done = False
        self.value: Optional[Region] = None

    def get(self) -> Optional[Region]:
        if not self.done:
            self.done = True
            self.value = _local_region(self.doc, self.ms)
        return self.value


_REGION_CUES: Final = regex.compile(
    r"(?<![\p{L}\d])(?:(?P<cue>(?i:kota(?:madya)?|kabupaten|kab\.?))[ ]*(?=\p{Lu})"
    r"|(?P<kab>Pemkab|Bupati|Wakil[ ]Bupati|Wabup)[ ]+(?=\p{Lu})"
    r"|(?P<kota>Pemkot|Wali[ ]?[Kk]ota|Wawali|Walkot)[ ]+(?=\p{Lu}))"
)
# _REGION_CUES for ASCII text, each branch opening with its literal first letter (so the
# engine jumps from one such letter to the next instead of trying every position) and
# the look-behind after it; an empty group at the end of each cue names its kind.
_NB: Final = r"(?<![A-Za-z0-9].)"
_REGION_CUES_ASCII: Final = re.compile(
    rf"[Kk]{_NB}(?i:ota(?:madya)?|abupaten|ab\.?)()[ ]*(?=[A-Z])"
    rf"|P{_NB}em(?:kab()|kot())[ ]+(?=[A-Z])"
    rf"|B{_NB}upati()[ ]+(?=[A-Z])"
    rf"|W{_NB}(?:akil[ ]Bupati()|abup()|ali[ ]?[Kk]ota()|awali()|alkot())[ ]+(?=[A-Z])"
)
_CUE_KIND: Final[tuple[Optional[RegionType], ...]] = (None, None, "kabupaten", "kota", "kabupaten",
                                                 "kabupaten", "kabupaten", "kota", "kota", "kota")


def _region_cues(text: str, pos: int) -> Iterator[tuple[int, Optional[RegionType]]]:
    """Where :func:`_local_region` reads a region after a cue, from ``pos`` on: (the cue
    word's start, None) for ``Kota``/``Kabupaten``/``Kab.``, (the name's start, the type)
    after ``Pemkab``, ``Bupati``, ``Pemkot``, ``Wali Kota`` ... As
    :func:`_region_cues_plain` (``_REGION_CUES``); ASCII text takes ``_REGION_CUES_ASCII``."""
    if not text.isascii():
        yield from _region_cues_plain(text, pos)
        return
    for m in _REGION_CUES_ASCII.finditer(text, pos):
        kind = _CUE_KIND[m.lastindex or 0]
        yield (m.start(), None) if kind is None else (m.end(), kind)


def _region_cues_plain(text: str, pos: int) -> Iterator[tuple[int, Optional[RegionType]]]:
    for m in _REGION_CUES.finditer(text, pos):
        if m.group("cue"):
            yield m.start(), None
        else:
            yield m.end(), "kabupaten" if m.group("kab") else "kota"


def _local_region(doc: Document, ms: list[_Mention]) -> Optional[Region]:
    text = doc.text
    seen: dict[str, Region] = {}
    for mn in ms:
        if mn.region is not None and mn.region.type in ("kabupaten", "kota"):
            seen[mn.region.canonical] = mn.region
    for at, type_ in _region_cues(text, doc.body_start or 0):
        rm = match_region(doc.lexicon, text, at, type_)
        if rm is not None and rm.region.type in ("kabupaten", "kota") and not rm.alternatives:
            seen[rm.region.canonical] = rm.region
        if len(seen) > 1:
            return None
    loc = doc.meta.dateline_location
    if loc:
        idx = region_index(doc.lexicon)
        hits = [r for t in ("kota", "kabupaten") if (r := idx.resolve(loc, t)) is not None]
        if len(hits) == 1:
            seen[hits[0].canonical] = hits[0]
        elif len(hits) > 1 and not any(h.canonical in seen for h in hits):
            return None  # Magelang: kabupaten or kota, and the article does not say
    return next(iter(seen.values())) if len(seen) == 1 else None


def _resolve(doc: Document, c: _Compiled, ms: list[_Mention]) -> list[_Mention]:
    text = doc.text
    keyed: list[_Mention] = []
    pending: list[_Mention] = []
    local = _LocalRegion(doc, c, ms)
    for mn in ms:
        if mn.key is not None:
            pending.append(mn)
            continue
        if mn.organ_bare or mn.organ_alt:
            pending.append(mn)
            continue
        if len(mn.rows) == 1:
            rid = mn.rows[0]
        elif mn.region is None and not mn.national:
            rid = _shared_row(doc, c, ms, mn, local)
        else:
            rid = _hint_row(text, mn, c)
        if rid == "_generic":
            if mn.paren and (known := _defined_row(c, mn)) is not None:
                rid = known  # Dinas Kependudukan dan Cacatan Sipil (Disdukcapil): a misspelt form
                mn.full = False  # named by the lexicon's form, the misspelling kept as an alias
            elif mn.generic_kind and (nf := _near_full(c, mn)) is not None:
                rid = nf[0]  # Kementrian Agama, Kementerian Kesehata: the lexicon's body
                mn.full, mn.alias_only = False, True
                doc.warnings.append(W_NEAR.format(written=mn.form, form=_title(nf[1])))
        row = c.rows.get(rid)
        if rid.startswith("_") or row is None:
            mn.rows = [rid]
            mn.key = _key(mn, rid)
            keyed.append(mn)
            continue
        if row.takes == "region" and mn.region is None and not mn.national and not mn.name_part:
            mn.rows = [rid]
            pending.append(mn)
            continue
        if len(mn.rows) > 1:
            # a shared acronym with a region goes to the regional body type
            if mn.region is not None:
                rid = next((r for r in mn.rows if c.rows[r].takes == "region"), rid)
        mn.rows = [rid]
        mn.key = _key(mn, rid)
        keyed.append(mn)
    # acronym defined in parentheses for an unknown body: link to its definition
    by_paren: dict[str, _Mention] = {}
    for m in keyed:
        if m.paren and not m.paren_parent:
            by_paren.setdefault(m.paren, m)
    out = list(keyed)
    for mn in pending:
        if mn.key is not None and mn.key[0] == "?":
            src = by_paren.get(mn.key[1])
            if src is None:
                continue
            mn.rows, mn.key = list(src.rows), src.key
            out.append(mn)
            continue
        src = by_paren.get(mn.form)
        if src is not None and src.start < mn.start:
            mn.rows, mn.key = list(src.rows), src.key  # the article defined this acronym
            out.append(mn)
            continue
        if mn.organ_alt:
            # DPD alone: the party's DPD when the article names one, else the national DPD
            organs = [k for k in keyed if k.rows[0] in mn.organ_alt and k.key is not None]
            target = _nearest(organs, mn.start)
            if target is not None:
                mn.rows, mn.key = list(target.rows), target.key
                out.append(mn)
                continue
            if any(k.organ_bare or (k.party_key and c.rows[k.rows[0]].takes == "party")
                   for k in ms if k is not mn):
                continue  # 31 DPD ... DPP: the article speaks of party boards
            mn.organ_alt = []
            if mn.region is not None or mn.national or c.rows[mn.rows[0]].takes != "region":
                rid = mn.rows[0] if len(mn.rows) == 1 else _hint_row(text, mn, c)
                mn.rows, mn.key = [rid], _key(mn, rid)
                out.append(mn)
                continue
        target = _nearest([k for k in keyed if k.rows[0] in mn.rows and k.key is not None], mn.start)
        if target is None and len(mn.rows) == 1 and (same := c.rows[mn.rows[0]].same_as):
            # Pemda alone in a story on Pemkab Kepahiang, Polres alone beside Polresta Bogor
            target = _nearest([k for k in keyed if k.rows[0] in same and k.key is not None
                               and k.region is not None], mn.start)
            if target is not None:
                mn.alias_only = True  # another body type's words: an alias, not the name
        if target is not None:
            mn.rows, mn.key = list(target.rows), target.key
            out.append(mn)
            continue
        if mn.organ_bare:
            continue  # an organ with no party anywhere: a generic word (Fraksi, Dewan Pembina)
        rid = _hint_row(text, mn, c)
        row = c.rows[rid]
        mn.rows = [rid]
        if row.bare == "drop":
            continue
        if row.bare == "link":
            if mn.full and mn.form.endswith(_TYPED_ENDS):
                # Sekretariat Daerah Provinsi (Setdaprov): the one province the article's
                # bodies name, else a body without its place
                typ = _TYPE_WORDS[mn.form.rpartition(" ")[2]]
                regs = {k.region.canonical: k.region for k in keyed
                        if k.region is not None and k.region.type == typ}
                reg = next(iter(regs.values())) if len(regs) == 1 else None
                mn.key = (rid, reg.canonical if reg is not None else "", "")
                mn.inferred_region = reg
                out.append(mn)
                continue
            reg = _dateline_region(doc, row)
            if reg is None and mn.full and (reg := local.get()) is not None and (
                    row.region_types and reg.type not in row.region_types):
                reg = None  # Sekretariat Daerah written in full: of the article's kabupaten/kota
            if reg is None:
                continue
            mn.key = (rid, reg.canonical, "")
            mn.inferred_region = reg
        elif row.bare == "local" and (reg := local.get()) is not None and (
                not row.region_types or reg.type in row.region_types):
            mn.key = (rid, reg.canonical, "")
            mn.inferred_region = reg
        else:
            mn.key = (rid, "", "")
        out.append(mn)
    _join_prefixes(out)
    if doc.scratch.get(_SCHOOLS, 0) > 1:
        _join_short_schools(c, out)
    if len(out) > 1 and _may_merge(c, out):
        _merge_same(doc, c, out)
    out.sort(key=_START_END)
    return out


def _join_short_schools(c: _Compiled, ms: list[_Mention]) -> None:
    """A school written without its place (``SMPN 1``) is the school of that type and number
    whose place the article writes (``SMP Negeri 1 Tanjungpinang``) when it names one such
    school only."""
    names: dict[str, set[str]] = {}
    for mn in ms:
        k = mn.key
        if k is not None and k[2] and c.rows.get(k[0]) is not None and c.rows[k[0]].kind == "sekolah":
            names.setdefault(k[0], set()).add(k[2])
    for rid, ns in names.items():
        if len(ns) < 2:
            continue
        for short in ns:
            if not any(ch.isdigit() for ch in short):
                continue
            longer = [n for n in ns if n.startswith(short + " ")]
            if len(longer) != 1:
                continue
            for mn in ms:
                if mn.key is not None and mn.key[0] == rid and mn.key[2] == short:
                    mn.key = (rid, mn.key[1], longer[0])


_NOT_PROPER: Final = frozenset(("Katolik", "Kristen", "Terbuka", "Swasta", "Internasional"))


def _is_place(doc: Document, words: str) -> bool:
    """``words`` are one place name, whole (Semarang, Kota Malang), however many it names."""
    t = words.strip(" .,")
    m = match_region(doc.lexicon, t, 0)
    return m is not None and m.end >= len(t)


def _region_rank(row: _Row) -> int:
    """How narrowly a body type names its place: Pemkab (kabupaten only) before Pemda (any)."""
    return len(row.region_types) or 9


def _may_merge(c: _Compiled, ms: list[_Mention]) -> bool:
    """Whether :func:`_merge_same` can join two keys of ``ms``: each test is a condition
    without which the matching case of _merge_same finds nothing. One plain pass with a set
    look-up per mention (no sets of keys built: that costs more than the rest of the gate),
    so that the articles without two ways of writing one body (most) pay little."""
    merge, names = c.gate_rows, c.name_merge_rows
    rows: dict[str, tuple[str, str, str]] = {}  # merge row (or a long generic dinas) → a key
    for mn in ms:
        k = mn.key
        if k is None:
            continue
        r = k[0]
        if r in merge:
            seen = rows.get(r)
            if seen is None:
                rows[r] = k
            elif seen != k and r in names:
                return True  # two keys of one row: UIN Semarang, UIN Walisongo Semarang
        elif r == "_generic" and " dan " in k[2]:
            rows[r] = k
    if len(rows) < 2:
        return False
    partners = c.merge_partners
    for r in rows:
        p = partners.get(r)
        if p and not p.isdisjoint(rows):
            return True  # Polres beside Polresta, Dinas Pendidikan beside Dinas Pendidikan dan ...
    # Dinas Kesehatan beside a Dinas Kesehatan dan ... outside the lexicon
    return "_generic" in rows and not c.dinas_merge_rows.isdisjoint(rows)


def _merge_same(doc: Document, c: _Compiled, ms: list[_Mention]) -> None:
    """One body written two ways in one article gets one key.

    - Two types the lexicon calls the same body in one place (``same_as``) with the same
      region: ``Polresta Bukittinggi`` and ``Polres Bukittinggi``, ``Pemkab Sumedang`` and
      ``Pemda Sumedang`` — the narrower type (Polresta, Pemkab) names the body, the other
      is an alias.
    - A bare national head whose ``same_as`` lists the regional types (``di halaman
      Kejaksaan``) beside exactly one body of those types (``Kejari Kabupaten Jombang``).
    - A short form of a named body that keeps only its place (``UIN Semarang`` beside ``UIN
      Walisongo Semarang``), and a field office written without its second field
      (``Dinas Pendidikan`` beside the one ``Dinas Pendidikan dan Kebudayaan``), when the
      article names one such longer body.
    """
    merge = c.merge_rows
    first: dict[tuple[str, str, str], _Mention] = {}
    for mn in ms:
        k = mn.key
        if k is not None and k not in first:
            first[k] = mn
    by_row: dict[str, list[tuple[str, str, str]]] = {}
    for k in first:
        g = by_row.get(k[0])
        if g is None:
            by_row[k[0]] = [k]
        else:
            g.append(k)
    if len(first) < 2 or merge.isdisjoint(by_row):
        return
    rows = c.rows
    remap: dict[tuple[str, str, str], tuple[str, str, str]] = {}
    for rid in merge.intersection(by_row):
        row = rows[rid]
        for key in by_row[rid]:
            if row.same_as:
                others = [k for r in row.same_as for k in by_row.get(r, ())]
                if not others:
                    continue
                if key[1] and not key[2]:
                    for k in others:
                        if k[1] == key[1] and not k[2] and k not in remap and (
                                _region_rank(rows[k[0]]), first[k].start) < (
                                _region_rank(row), first[key].start):
                            remap[key] = k
                            break
                elif not key[1] and not key[2] and row.takes == "none" and len(others) == 1:
                    text = doc.text
                    if all(_norm(text[mn.start:mn.end]).casefold() == row.name.casefold()
                           for mn in ms if mn.key == key):
                        remap[key] = others[0]
            elif row.takes == "name":
                same = by_row[rid]
                if len(same) < 2 or key[1]:
                    continue
                if not key[2]:
                    if row.name_optional:
                        # PPK alone beside the one PPK Kecamatan Gedangan of the article
                        named = [k for k in same if k[2]]
                        if len(named) == 1:
                            remap[key] = named[0]
                    continue
                if " " in key[2]:
                    continue
                # UIN Semarang: the short form keeps the longer name's last word, a place;
                # before it, a proper name (Walisongo), not words of a body's name
                # (Universitas Negeri Padang, Universitas Islam Sultan Agung Semarang: others)
                tail = " " + key[2]
                longer = [k for k in same if not k[1] and k[2].endswith(tail)]
                if len(longer) == 1 and _is_place(doc, first[key].name_part) and all(
                        _person_like(c, w) and w not in _NOT_PROPER
                        for w in first[longer[0]].name_part.split()[:-1]):
                    remap[key] = longer[0]
            elif not key[2]:
                # Dinas Pendidikan beside the one Dinas Pendidikan dan Kebudayaan of its place
                head = c.and_heads.get(rid)
                if head is None:
                    continue
                longer = [k for r in c.and_rows.get(rid, ()) for k in by_row.get(r, ())
                          if k[1] == key[1] and not k[2]]
                longer += [k for k in by_row.get("_generic", ()) if k[1] == key[1]
                           and k[2].startswith(head)]
                if len(longer) == 1 and not any(
                        mn.region is not None for mn in ms if mn.key == key):
                    remap[key] = longer[0]
    if not remap:
        return
    for mn in ms:
        target = remap.get(mn.key)  # type: ignore[arg-type]
        if target is not None:
            mn.key = target
            mn.rows = [target[0]]
            mn.alias_only = True


def _join_prefixes(ms: list[_Mention]) -> None:
    """A body outside the lexicon written short (``Komisi D``, ``Badan Anggaran``, ``Kantor
    Pos``) is the body whose written form it begins (``Komisi D DPRD Kendal``) or that adds a
    region to it (``Kantor Pos Tuban``) when the article names one such body only."""
    generic = [mn for mn in ms if mn.key is not None and mn.key[0] == "_generic"
               and not mn.region and not mn.paren]
    if not generic:
        return
    forms = [(_norm(mn.form).casefold() + " ", mn) for mn in ms if mn.key is not None]
    for mn in generic:
        low = _norm(mn.form).casefold() + " "
        # Komisi D → Komisi D DPRD Kendal; Kantor Pos → Kantor Pos Tuban (the same head
        # words with a region)
        keys = {k.key for f, k in forms if (len(f) > len(low) and f.startswith(low))
                or (f == low and mn.full and k.key[0] == "_generic" and k.key[1] and k.key != mn.key)}  # type: ignore[index]
        if len(keys) == 1:
            key = keys.pop()
            src = next(k for f, k in forms if k.key == key)
            mn.rows, mn.key = list(src.rows), key


_START_END: Final = attrgetter("start", "end")


# ------------------------------------------------------------------ records


def _written_full(mn: _Mention, text: str) -> str:
    """A full-form mention as written, without the parenthesised acronym."""
    parts = [mn.form]
    if mn.name_part:
        parts.append(mn.name_part)
    if mn.region_text:
        parts.append(mn.region_text)
    return " ".join(parts)


def _constructed(row: _Row, key: tuple[str, str, str], name_part: str) -> str:
    if name_part:
        return f"{row.name} {name_part}"
    if key[1]:
        if len(row.region_types) == 1 or row.name.endswith(" Kota"):
            # the form names the type (Pemerintah Kota, Kepolisian Resor Kota Deli Serdang)
            return f"{row.name} {key[1].split(' ', 1)[1]}"
        return f"{row.name} {key[1]}"
    return row.name


def _records(doc: Document, c: _Compiled, ms: list[_Mention]) -> None:
    """One :class:`Agency` per key, in order of first mention (``ms`` is sorted by start,
    as :func:`_resolve` leaves it, so the groups are made in that order)."""
    text = doc.text
    groups: dict[tuple[str, str, str], list[_Mention]] = {}
    for mn in ms:
        assert mn.key is not None
        g = groups.get(mn.key)
        if g is None:
            groups[mn.key] = [mn]
        else:
            g.append(mn)
    keys = doc.scratch.setdefault("agency_keys", {})
    mentions_out: list[tuple[int, int, str]] = doc.scratch.setdefault("agency_mentions", [])
    idx = region_index(doc.lexicon)
    span = doc.span
    claimed: list[tuple[int, int]] = []
    for key, group in groups.items():
        rid = key[0]
        row = c.rows.get(rid)
        if row is not None and row.acronym_needs_full and not any(m.full for m in group) and not (
                key[2] and _election(text)):
            continue  # DPA alone: more often the news agency than the former council; PPK
            # Gedangan counts in an election story
        aid = f"ag-{len(doc.agencies) + 1}"
        fulls: list[str] = []
        written: list[str] = []
        spans: list[Span] = []
        acronym: Optional[str] = None
        paren_acronym: Optional[str] = None
        region: Optional[Region] = None
        name_part = ""
        near = national = False
        for mn in group:
            start, end = mn.start, mn.end
            spans.append(span(start, end))
            if mn.paren_span:
                ps, pe = mn.paren_span
                w = _norm(text[start:ps].rstrip(" (") + " " + text[pe:end].lstrip(" )"))
            else:
                w = _norm(text[start:end])
            written.append(w)
            if mn.alias_only:
                continue  # Pemda beside Pemkab Kepahiang: neither the name nor the acronym
            if mn.full:
                fulls.append(w)
            if mn.paren_parent:
                written.append(_norm(f"{mn.paren_parent} {mn.region_text}"))
            elif mn.short:
                written.append(_norm(f"{mn.short} {mn.region_text}"))
            elif mn.paren and mn.region_text:
                written.append(f"{mn.paren} {mn.region_text}")  # Disdukcapil Kota Magelang
            if not mn.full and ". " in w:
                written.append(w.replace(". ", " ", 1))  # Pemkot. Magelang
            if mn.paren and not mn.paren_parent:
                if paren_acronym is None:
                    paren_acronym = mn.paren  # a defined acronym beats one in a headline
            elif acronym is None and not mn.full:
                acronym = mn.near or mn.form
            if region is None:  # (a Region is always true: ``region or mn.region or ...``)
                region = mn.region or mn.inferred_region
            if not name_part:
                name_part = mn.name_part
            if mn.near:
                near = True
            if mn.national:
                national = True
        acronym = paren_acronym or acronym
        if row is not None and acronym is None and row.acronyms:
            acronym = row.acronyms[0]
        if fulls:
            name = fulls[0] if len(fulls) == 1 else max(fulls, key=len)
            if name[0] == "f":
                name = "F" + name[1:]  # fraksi PKS (a faction in lower case): Fraksi PKS
        elif row is not None and row.takes == "party":
            name = " ".join(x for x in (row.name, _party_name(c, group), key[1]) if x)
        elif row is not None:
            name = _constructed(row, key, name_part)
        else:
            name = max(written, key=len)
        aliases: list[str] = []
        for w in written:
            if w != name and w not in aliases:
                aliases.append(w)
        if key[1] and region is None:
            region = _region_from_canonical(idx, key[1])
        canon = region.canonical if region is not None else None
        if row is not None:
            kind: Optional[str] = row.kind
            level = row.level if row.level is not None else (region.type if region else None)
            if row.level == "pusat" and region is not None:
                level = region.type
            if level is None and national:
                level = "pusat"
        else:
            kind = group[0].generic_kind or "lembaga"
            level = region.type if region is not None else None
        rule = f"agencies:{rid}:near" if near else f"agencies:{rid}"
        doc.agencies.append(_agency(aid, name, acronym, aliases, kind, level, canon, spans, rule))
        keys[aid] = (rid, canon)
        for mn in group:
            mentions_out.append((mn.start, mn.end, aid))
            claimed.append((mn.start, mn.end))
    if claimed:
        doc.claim_all("agency", claimed)  # (one call for the article's mentions)
    mentions_out.sort()


_ELECTION: Final = re.compile(r"\b(?:KPU|KPPS|Bawaslu|Panwaslu|Panwascam|[Pp]emilu|PEMILU|[Pp]ilkada|PILKADA|[Pp]ileg|[Pp]ilpres)")


def _election(text: str) -> bool:
    """The article is about an election: it names the KPU, a polling body or the vote."""
    return _ELECTION.search(text) is not None


def _agency(aid: str, name: str, acronym: Optional[str], aliases: list[str], kind: Optional[str],
            level: Optional[str], region: Optional[str], mentions: list[Span], rule: str) -> Agency:
    """The :class:`Agency` of written mentions, built as ``Agency.model_construct`` builds it.

    Validating a record costs more than assembling it (3 µs each): the fields are checked
    here with plain type tests instead, and the instance is filled as pydantic's own
    ``model_construct`` fills it (``__dict__`` in field order, every field set, no extra
    or private data). ``tests/test_agencies.py`` checks it equals the validated record.
    """
    if (type(aid) is not str or type(name) is not str or type(rule) is not str
            or type(acronym) not in OPT_STR or type(kind) not in OPT_STR
            or type(region) not in OPT_STR or level not in _LEVELS or not mentions
            or not _STR_ONLY.issuperset(map(type, aliases))
            or not _SPAN_ONLY.issuperset(map(type, mentions))):
        raise ValueError(f"invalid agency fields: {aid!r} {name!r} {level!r}")
    a = filled(Agency, {"id": aid, "name": name, "acronym": acronym, "aliases": aliases,
                         "kind": kind, "level": level, "region": region, "mentions": mentions,
                         "inferred": False, "span": mentions[0], "rule": rule}, _AGENCY_FIELD_SET.copy())
    return a


def _inferred_agency(aid: str, name: str, acronym: Optional[str], kind: Optional[str],
                     level: Optional[str], region: Optional[str], rule: str) -> Agency:
    """``Agency(id=aid, name=name, acronym=acronym, kind=kind, level=level, region=region,
    inferred=True, span=None, mentions=[], rule=rule)``, built as ``Agency.model_construct``
    builds it after plain type tests (``aliases`` left unset, as that call leaves it);
    ``tests/test_agencies.py`` checks it equals the validated record."""
    if (type(aid) is not str or type(name) is not str or type(rule) is not str
            or type(acronym) not in OPT_STR or type(kind) not in OPT_STR
            or type(region) not in OPT_STR or level not in _LEVELS):
        raise ValueError(f"invalid agency fields: {aid!r} {name!r} {level!r}")
    a = filled(Agency, {"id": aid, "name": name, "acronym": acronym, "aliases": [],
                         "kind": kind, "level": level, "region": region, "mentions": [],
                         "inferred": True, "span": None, "rule": rule}, set(_INFERRED_FIELDS))
    return a


_STR_ONLY: Final = frozenset((str,))
_SPAN_ONLY: Final = frozenset((Span,))
_LEVELS: Final = frozenset((None, *get_args(AgencyLevel)))
_AGENCY_FIELDS: Final = tuple(Agency.model_fields)
_INFERRED_FIELDS: Final = tuple(f for f in _AGENCY_FIELDS if f != "aliases")  # the fields ensure_inferred passes
#: a record's fields set, copied for each record (a copy of a set costs less than a set
#: built from the names)
_AGENCY_FIELD_SET: Final = set(_AGENCY_FIELDS)


def _party_name(c: _Compiled, group: list[_Mention]) -> str:
    """The full name of the party an organ belongs to (``Partai Hati Nurani Rakyat``)."""
    for mn in group:
        if mn.party_id in c.rows:
            return c.rows[mn.party_id].name
        if mn.party is not None and mn.party.name_part:
            return f"{c.rows[mn.party.row].name} {mn.party.name_part}"
    return ""


def _region_from_canonical(idx: object, canon: str) -> Optional[Region]:
    from .regions import RegionIndex

    assert isinstance(idx, RegionIndex)
    t, _, name = canon.partition(" ")
    tt = t.casefold()
    if tt not in ("kota", "kabupaten", "provinsi"):
        return None
    return idx.resolve(name, tt)  # type: ignore[arg-type]


def run(doc: Document) -> None:
    """Find agencies in `doc.text` and append them to `doc.agencies`."""
    doc.scratch.setdefault("agency_mentions", [])
    doc.scratch.setdefault("agency_keys", {})
    c = compiled(doc.lexicon)
    text = doc.text
    office: list[int] = []  # ASCII text: the scan's candidates (most articles: none)
    found = _find(doc, c, office)
    if office or (c.office_scan is not None and not text.isascii()):
        extra = _office_acronyms(doc, c, found, office or None)  # Kepala DLHP, Kepala Dinsosdaldukkb
        if extra:
            found = sorted(found + extra, key=_START_END)
    if not found:
        return
    titles = _Titles(text, doc.lower_text)
    # a headline's capitalised words are not a school's or a body's name
    found = [m for m in found if not ((m.name_part or m.generic_kind) and m.start in titles)
             or _paren_only(doc, c, m)]
    found += _dynamic(doc, found, c)
    found += _parents(doc, c, found)
    found += [m.party for m in found if m.party is not None]  # DPD [Hanura] Sulsel
    if _JOINT in doc.scratch:
        found += doc.scratch.pop(_JOINT)  # Fraksi Hanura-[PKPI]
    found.sort(key=_START_END)
    found = _drop_redefined(text, c, found)
    if _REDEF in doc.scratch:
        _redefine(doc, c, found)
    resolved = _resolve(doc, c, found)
    _records(doc, c, _outside_titles(titles, resolved))


_CAP_RUN_WORD: Final = re.compile(r"\S+")


def _syllables(rest: str, sylls: frozenset[str], longest: int) -> bool:
    """Whether ``rest`` is a run of field syllables (``sosdaldukkb`` = sos dal duk kb)."""
    ok = [True] + [False] * len(rest)  # ok[i]: rest[:i] is a run of syllables
    for i in range(1, len(rest) + 1):
        ok[i] = any(ok[j] and rest[j:i] in sylls for j in range(max(0, i - longest), i))
    return ok[-1]


def _office_acronyms(doc: Document, c: _Compiled, found: list[_Mention],
                     starts: list[int] | None = None) -> list[_Mention]:
    """A regional office written by an acronym outside the lexicon after an office word
    (``Kepala DLHP Kabupaten X``, ``Kepala Dinkukmp``): a body of its own named by the
    acronym. Not when the article defines the acronym in parentheses (the full form is the
    body) nor inside a mention already found."""
    text = doc.text
    if c.office_scan is None:
        return []
    out: list[_Mention] = []
    hits: list[int] = []
    # ASCII text: the scan's starts at a head letter (the cue checked again below); else
    # str.find of "a D": few hits, then the cue word
    for s in starts or ():
        f = text[s - 2:s + 1]
        for cue in c.office_finds.get(f, ()) if s >= 2 else ():
            b = s - 1 - len(cue)
            if b >= 0 and text.startswith(cue, b) and (b == 0 or not text[b - 1].isalnum()):
                hits.append(s)
                break
    for f, cues in c.office_finds.items() if starts is None else ():
        i = text.find(f)
        while i >= 0:
            for cue in cues:
                b = i + 1 - len(cue)
                if b >= 0 and text.startswith(cue, b) and (b == 0 or not text[b - 1].isalnum()):
                    hits.append(i + 2)
                    break
            i = text.find(f, i + 1)
    for s in sorted(hits):
        m = c.office_scan.match(text, s)
        if m is None:
            continue
        w = m.group(1)
        if w in c.acr or f"({w})" in text or _covered(found, s, m.end(1)):
            continue
        spec = c.office_rows.get(w[0])
        if spec is None:
            continue
        kind, prefixes, sylls, longest = spec
        if w[1:].islower():  # Dinsosdaldukkb: the head's syllable and field syllables
            p = next((p for p in prefixes if w.startswith(p)), "")
            if not p or not _syllables(w[len(p):], sylls, longest):
                continue
        elif sum(ch.isalpha() for ch in w) < 3 or _is_place(doc, w):
            continue  # DKI: a place, no office
        mn = _Mention(s, m.end(1), ["_generic"], True, w, generic_kind=kind)
        rm = match_region(doc.lexicon, text, mn.end, None)
        if rm is not None and not rm.ambiguous:
            mn.region = pick_alternative(text, s, rm) if rm.alternatives else rm.region
            mn.region_text = _norm(text[rm.start:rm.end])
            mn.end = rm.end
        out.append(mn)
    return out


def _spelled_from(text: str, p: int, acr: str) -> int:
    """Where the capitalised words right before ``p`` that spell ``acr`` by their initials
    start (``Rencana`` for ``Rencana Kerja Pemerintah Daerah (RKPD)``), else ``p``."""
    n = len(acr)
    if not (2 <= n <= 8 and acr.isalpha() and acr.isupper()):
        return p
    lo = max(0, p - 20 * n)
    words = [(m.start(), m.group()) for m in _CAP_RUN_WORD.finditer(text, lo, p)]
    if len(words) < n:
        return p
    last = words[-n:]
    if all(w[:1] == ch for (_, w), ch in zip(last, acr)):
        return last[0][0]
    return p


def _paren_only(doc: Document, c: _Compiled, m: _Mention) -> bool:
    """A name dropped in a Title Case line keeps its parenthesised lexicon acronym as a
    mention of its own (``... Keluarga Berencana (DP3AP2KB) Kota Tangerang`` in a paragraph
    cut short, that reads like a headline): ``m`` becomes that mention; False when none."""
    if not (m.paren and m.paren_span and m.paren in c.acr):
        return False
    am = _lexicon_at(doc, c, doc.text, m.paren_span[0], m.paren)
    if am is None:
        return False
    for f in _MENTION_SLOTS:
        setattr(m, f, getattr(am, f))
    return True


def _spelled_before(text: str, p: int, acr: str) -> bool:
    """Whether the words right before ``p`` spell ``acr`` by their initials, all capitalised
    (``Perjanjian Kerja Sama (PKS)``) or all in lower case (``perjanjian kerja sama (PKS)``:
    a common noun, no body)."""
    words = text[max(0, p - 20 * len(acr)):p].split()
    if len(words) < len(acr):
        return False
    last = words[-len(acr):]
    if all(w[:1] == ch for w, ch in zip(last, acr)):
        return all(w[:1].isupper() for w in last)
    return all(w[:1] == ch.lower() and w.isalpha() and w.islower() for w, ch in zip(last, acr))


def _own_form(c: _Compiled, acr: str, words: list[str]) -> bool:
    """Whether ``words`` are, in any case, a name or form of a body with acronym ``acr``
    (``partai keadilan sejahtera (PKS)`` is the party in lower case)."""
    low = " ".join(words).casefold()
    return any(low == f.casefold() for r in c.acr.get(acr, ()) for f in [c.rows[r].name, *c.rows[r].forms])


_PAREN_WORD: Final = re.compile(r"\(([^()]{2,6})\)")


def _parenthesised(text: str) -> set[str]:
    """What stands in parentheses in ``text``, when two to six characters: ``acr`` is in
    it exactly when ``"(" + acr + ")"`` is in the text, for an ``acr`` of that length
    holding no parenthesis (one scan instead of a scan of the text per acronym)."""
    return set(_PAREN_WORD.findall(text)) if "(" in text else set()


def _drop_redefined(text: str, c: _Compiled, found: list[_Mention]) -> list[_Mention]:
    """An acronym that the article defines as something else wins over the lexicon:
    after ``Perjanjian Kerja Sama (PKS)`` no ``PKS`` is the party. The definition is a
    parenthesis after capitalised words that spell it and that no body mention covers."""
    bare = {m.form for m in found if not m.full and m.form.isupper() and m.form.isalpha()
            and 2 <= len(m.form) <= 6 and m.form in c.acr and m.region is None
            and not m.name_part and not m.party_key}
    if not bare:
        return found
    redefined: set[str] = set()
    written = _parenthesised(text)
    for acr in bare:
        if acr not in written:
            continue  # no "(acr)" in the text
        p = text.find(f"({acr})")
        while p >= 0:
            if _spelled_before(text, p, acr) and not any(
                    m.start < p <= m.end + 1 and m.form != acr for m in found) and not _own_form(
                    c, acr, text[max(0, p - 20 * len(acr)):p].split()[-len(acr):]):
                redefined.add(acr)
                break
            p = text.find(f"({acr})", p + 1)
    if not redefined:
        return found
    return [m for m in found if m.full or m.form not in redefined or m.region is not None
            or m.name_part or m.party_key]


# ------------------------------------------------------------------ API for later stages


def _rows(doc: Document) -> dict[str, _Row]:
    return compiled(doc.lexicon).rows


def _level_of(row: _Row, region: Optional[str]) -> Optional[Level]:
    if row.level is not None and row.level != "pusat":
        return row.level
    if region:
        head = region.split(" ", 1)[0].casefold()
        if head in ("provinsi", "kabupaten", "kota"):
            return head  # type: ignore[return-value]
    return row.level


def ensure_inferred(doc: Document, agency_row_id: str, region: str | None = None) -> str:
    """The id of the agency of body type ``agency_row_id`` (in ``region``), adding it if absent.

    Used for bodies implied by a position (``Mendagri`` → Kementerian Dalam
    Negeri). ``region`` is a canonical region (``"Kota Magelang"``) or any form
    :func:`~ektp_extract.kinds.regions.canonical_region` reads (``"Kab.
    Magelang"``, ``"Jateng"``). An agency of the same body type and region
    already in ``doc.agencies`` is reused; with ``region`` None any agency of
    that type is reused (the one without a region first). Otherwise a record
    with ``inferred=True``, ``span=None`` and no mentions is appended. An
    unknown row id still gets a record (named after the id, warning W052) so
    callers never fail.
    """
    rows = _rows(doc)
    row = rows.get(agency_row_id)
    canon = (canonical_region(doc.lexicon, region) or _norm(region)) if region else None
    keys: dict[str, tuple[str, Optional[str]]] = doc.scratch.setdefault("agency_keys", {})
    same = [a for a in doc.agencies if keys.get(a.id, ("", None))[0] == agency_row_id]
    if canon is not None:
        for a in same:
            if keys[a.id][1] == canon:
                return a.id
        if row is not None and row.same_as:
            # Kapolresta Pekanbaru beside an explicit Polres(ta) Pekanbaru: that body
            for a in doc.agencies:
                if keys.get(a.id, ("", None)) in {(r, canon) for r in row.same_as}:
                    return a.id
    elif same:
        same.sort(key=lambda a: keys[a.id][1] is not None)
        return same[0].id
    aid = f"ag-{len(doc.agencies) + 1}"
    if row is None:
        doc.warnings.append(W_UNKNOWN_ROW.format(row=agency_row_id))
        name, acronym, kind, level = agency_row_id, None, None, None
    else:
        name = _constructed(row, ("", canon or "", ""), "") if canon and row.takes == "region" else row.name
        acronym = row.acronyms[0] if row.acronyms else None
        kind, level = row.kind, _level_of(row, canon)
    doc.agencies.append(_inferred_agency(aid, name, acronym, kind, level, canon, f"agencies:inferred:{agency_row_id}"))
    keys[aid] = (agency_row_id, canon)
    return aid


def outermost_mentions(doc: Document) -> list[tuple[int, int, str]]:
    """``doc.scratch["agency_mentions"]`` without the mentions nested in another one.

    A commission holds its legislature (``Komisi A [DPRD Kota Semarang]``) and a party
    organ its party (``DPD [Hanura] Sulsel``): both are mentions of their own, so the
    full list has ranges inside ranges. This list has only the outer ones, sorted by
    start, none overlapping another's start — what a caller that walks the text and
    asks "which body covers this position?" needs.
    """
    out: list[tuple[int, int, str]] = []
    reach = -1
    for s, e, aid in sorted(doc.scratch.get("agency_mentions", ()) or (), key=lambda m: (m[0], -m[1])):
        if e <= reach:
            continue  # inside the previous outer mention
        out.append((s, e, aid))
        reach = max(reach, e)
    return out


def agency_at(doc: Document, start: int, end: int) -> str | None:
    """The id of the agency mentioned inside or overlapping working-text range [start, end).

    When several mentions overlap, the one covering most of the range wins
    (ties: the earliest).
    """
    best: tuple[int, int, str] | None = None
    for s, e, aid in doc.scratch.get("agency_mentions", ()):
        if s < end and start < e:
            overlap = min(e, end) - max(s, start)
            if best is None or (overlap, -s) > (best[0], best[1]):
                best = (overlap, -s, aid)
    return best[2] if best else None


# A unit of a regional legislature: a commission (Komisi A, Komisi II, Komisi 3), a board
# (Badan Anggaran, Badan Kehormatan, Bapemperda, Bamus), a special committee (Pansus) or a
# party fraction (Fraksi PKS). Its officials are DPRD officials (fixtures/gold: `Ketua Komisi
# I DPRD Kota X` lists `DPRD Kota X`, not the commission), so they link to the legislature.
_DPRD_UNIT: Final = re.compile(
    r"(?:Komisi (?:[A-E]|[IVX]{1,4}|\d{1,2})|Badan (?:Anggaran|Kehormatan|Musyawarah|Legislasi|"
    r"Pembentukan Peraturan Daerah)|Bapemperda|Banggar|Bamus|Baleg|Pansus|Panitia Khusus|Fraksi)\b"
)


def _dprd_units(doc: Document) -> tuple[dict[str, str], Optional[str]]:
    """(unit agency id → kind, the one DPRD the article names or None), once per document."""
    got = doc.scratch.get("agency_dprd_units")
    if got is None:
        units: dict[str, str] = {}
        dprd: list[str] = []
        for a in doc.agencies:
            if _DPRD_UNIT.match(a.name) or a.kind == "fraksi":
                units[a.id] = a.kind or ""
            elif a.kind == "DPRD":
                dprd.append(a.id)
        got = doc.scratch["agency_dprd_units"] = (units, dprd[0] if len(dprd) == 1 else None)
    return got


def legislature_of_unit(doc: Document, agency_id: str, start: int, end: int) -> str:
    """The DPRD an official of a legislature's unit belongs to, else ``agency_id``.

    ``Ketua Komisi A DPRD Kota X`` → the DPRD named inside the position; ``Ketua Komisi 3``,
    ``Ketua Bapemperda dari Fraksi PKS`` → the one DPRD the article names. A unit of the DPR
    (``Komisi II DPR``, kind DPR) and a unit in an article naming no DPRD or several keep
    their own record.
    """
    units, only = _dprd_units(doc)
    if agency_id not in units:
        return agency_id
    kinds = {a.id: a.kind for a in doc.agencies if a.kind == "DPRD" and a.id not in units}
    aid: str
    for s, e, aid in doc.scratch.get("agency_mentions", ()):
        if s < end and start < e and aid in kinds:
            return aid  # the legislature written inside the position (Komisi A [DPRD Kota X])
    if units[agency_id] == "DPR":
        return agency_id
    return only or agency_id


_MINISTER: Final = re.compile(r"(?:Wakil )?Menteri (?P<field>[^()/]+?)(?: Republik Indonesia| RI)?\s*$", re.IGNORECASE)


def ministry_of_minister(doc: Document, position: str) -> str | None:
    """The ministry of a minister whose position names it in words the lexicon knows as a
    ministry's full form after ``Kementerian`` (``Menteri Koordinator Bidang Maritim dan
    Investasi`` → Kementerian Koordinator Bidang Maritim dan Investasi), found or inferred
    with :func:`ensure_inferred`; None when the words name no one ministry row. For the
    positions whose office row carries no ``agency`` of its own."""
    m = _MINISTER.match(position.strip())
    if m is None:
        return None
    rows = compiled(doc.lexicon).full.get(_norm("Kementerian " + m["field"]).casefold(), [])
    rows = [r for r in dict.fromkeys(rows) if (row := _rows(doc).get(r)) is not None and row.kind == "kementerian"]
    return ensure_inferred(doc, rows[0]) if len(rows) == 1 else None
