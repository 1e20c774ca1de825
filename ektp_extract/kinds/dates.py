"""Extraction of ``dates`` (SPEC §3): every Indonesian date expression, at the precision it states.

Forms read (words from ``patterns/dates.toml`` and ``patterns/calendar.toml``)::

    19 April 2016 · Selasa, 19 April 2016 · 19 Apr. 2016      day, absolute
    Senin (18/4/2016) · 18-4-2016 · 18/04/16 · 2016-04-18      day, absolute
    Rabu (6/9) · kemarin (16/1) · pada 17 Agustus · 3 Mei lalu day, year from the reference
    Desember 2015 · per Desember 2015 · akhir Desember 2017    month
    akhir Maret · pada Februari · Januari · Mei lalu · April nanti   month, year from tense/context
    tahun 2019 · pada 2018 · sejak 2015 · awal 2018            year (a bare year needs a cue)
    tahun lalu · tahun depan · pertengahan tahun ini · bulan lalu    relative year / month
    kemarin · kemarin lusa · besok · lusa · hari ini            relative day
    Senin lalu · Jumat mendatang · Sabtu ini · tiga hari lalu · dua pekan lagi   relative day
    pekan lalu · minggu depan                                   relative week: value null (no ISO week)
    13:50 WIB · pukul 10.00 WITA · jam 8 pagi                   joined to the day next to them → minute
    1-3 Maret 2019 · Januari hingga Maret · 2015-2019           ranges: value = start, end = end
    setiap hari Jumat · tiap akhir pekan                        recurring, value null
    beberapa waktu lalu · belakangan ini                        vague, value null

Not dates: ages and durations (``17 tahun``), regulation numbers (``Nomor 25 Tahun 2009``,
``UU No. 24/2013``), ``RT 03/RW 05``, scores, version and phone numbers. Regulation
references, article numbers and RT/RW are claimed ``"notquantity"`` so that the quantities
stage skips them; every emitted date is claimed ``"date"``.

A bare weekday (``Jumat``) is a date only when anchored: by a date in brackets, a shift word
(``Jumat lalu``), a cue (``pada Jumat``, ``sejak Senin``) or the news attribution form
(``kata dia di Semarang, Senin.``). Anchored weekdays resolve to the most recent such day on
or before the reference, or to the next one after it when the sentence speaks of the future
(``akan``, ``dijadwalkan`` ...). A weekday after ``setiap``/``tiap`` is a recurrence.

Everything is ``regex`` over ``doc.text`` compiled once per lexicon (on ASCII text most patterns
run as their stdlib twins, see ``_twin``); dateparser is not used.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, count
from datetime import date, datetime, timedelta, timezone, tzinfo
from operator import attrgetter
from typing import Any, Callable, Final, Iterable, Literal, Mapping, Optional

import regex

from .. import errors
from ..document import Document
from ..lexicon import Lexicon, register_table
from ..fill import filled
from ..models import DateMention, Span
from ..twins import AnyMatch, Twin, ascii_twin
from .calendar import Calendar, calendar
from .dates_rows import (FormsRow as FormsRow, RelativeDayRow as RelativeDayRow, UnitRow as UnitRow,
                         ShiftRow as ShiftRow, PeriodRow as PeriodRow, CueRole as CueRole,
                         CueRow as CueRow, TenseRow as TenseRow, ConnectorRow as ConnectorRow,
                         CountRow as CountRow)

def _tw(pat: regex.Pattern[str]) -> Twin:
    """``pat`` run as its stdlib twin on ASCII text (:class:`Twin`, see :func:`_twin`)."""
    t = Twin(pat)
    t.a = _twin(pat)
    return t


def _twin(pat: regex.Pattern[str]) -> Optional[re.Pattern[str]]:
    """The stdlib twin of ``pat`` on ASCII text (:func:`ascii_twin`), ``\\p{N}`` read as ``\\d``
    (the same characters there: 0-9); None when ``pat`` has no twin, or is case-insensitive
    with a non-ASCII letter (ſ, K fold to ASCII letters). A stdlib match costs about half a
    regex-module one; tests/test_dates.py compares each twin with its pattern."""
    if pat.flags & regex.I and not pat.pattern.isascii():
        return None
    return ascii_twin(regex.compile(pat.pattern.replace("\\p{N}", "\\d"), pat.flags))


# ---------------------------------------------------------------- pattern rows


register_table("dates", "relative_days", RelativeDayRow)
register_table("dates", "units", UnitRow)
register_table("dates", "shifts", ShiftRow)
register_table("dates", "periods", PeriodRow)
register_table("dates", "cues", CueRow)
register_table("dates", "tense_cues", TenseRow)
register_table("dates", "connectors", ConnectorRow)
register_table("dates", "counts", CountRow)
register_table("dates", "recurrence", FormsRow)
register_table("dates", "vague", FormsRow)
register_table("dates", "regulations", FormsRow)
register_table("dates", "anchors", FormsRow)

# Cue roles that are part of the span on every form, and on bare forms only.
_SPAN_ALWAYS: Final = frozenset({"since", "from", "asof", "year"})
_SPAN_BARE: Final = frozenset({"since", "from", "asof", "year", "at", "in"})
_CUE_TENSE: Final = {"since": "past", "before": "future"}
# Lines opening with these are link lists and tag bars, not article text.
_LIST_MARKS: Final = frozenset("-#*•»›>")
# Words before "tahun mendatang" / "bulan lalu" that make it a duration, not a date.
_QUANTIFIERS: Final = frozenset({"beberapa", "sekian", "belasan", "puluhan", "ratusan", "banyak", "berapa"})

_L: Final = r"(?<![\p{L}\p{N}])"
_R: Final = r"(?![\p{L}\p{N}])"
_DAY: Final = r"(?:3[01]|[12]\d|0?[1-9])"
_MNUM: Final = r"(?:1[0-2]|0?[1-9])"
_YEAR: Final = r"(?:19\d\d|20\d\d)"
_YEND: Final = r"(?!\d|-an\b|[.,]\d)"
_RANGE: Final = r"(?:-|hingga|sampai(?:\s+dengan)?|s\.?d\.?|s/d)"


def _alt(forms: list[str] | set[str]) -> str:
    """Alternation of literal forms, longest first; a space matches any run of spaces."""
    uniq = sorted({f.strip() for f in forms if f.strip()}, key=lambda f: (-len(f), f))
    if not uniq:
        return "(?!)"
    return "(?:" + "|".join(regex.escape(f).replace("\\ ", r"\s+") for f in uniq) + ")"


def _back_alt(forms: list[str], spaces: bool = True, grouped: bool = True) -> str:
    """The alternation :func:`_alt` writes (``spaces=False``: :func:`calendar.alternation`, a
    space matching itself) with its forms grouped by their last characters, for the REVERSE
    lead patterns: ``(?:pada|hingga|sejak)`` → ``(?:(?:pad|hingg)a|sejak)``.

    A REVERSE pattern reads an alternative from its end and tries the alternatives in turn;
    only those that end alike can match before one place, and they keep their order in their
    group, so the matches are the same (on case-insensitive patterns: ASCII letters are
    grouped up to case; a group is not formed where an alternative ends with another
    character than ASCII, such as ſ that folds to s). A regex-module match then reads about
    one alternative per last character instead of each in turn. ``grouped=False``: the
    alternation as written (tests compare the two)."""
    if spaces:
        uniq = sorted({f.strip() for f in forms if f.strip()}, key=lambda f: (-len(f), f))
    else:
        uniq = sorted(set(forms), key=lambda f: (-len(f), f))
    if not uniq:
        return "(?!)"
    units = [[r"\s+" if spaces and ch == " " else regex.escape(ch) for ch in f] for f in uniq]
    if not grouped:
        return "(?:" + "|".join("".join(u) for u in units) + ")"
    return _group_back(units)


def _group_back(alts: list[list[str]]) -> str:
    """``(?:a|b|...)`` of the escaped units of each alternative, grouped by last unit
    (see :func:`_back_alt`)."""
    keys = [(u[-1].lower() if len(u[-1]) == 1 else u[-1]) if u and u[-1].isascii() else None for u in alts]
    if len(alts) < 3 or None in keys or len(set(keys)) == len(keys):
        return "(?:" + "|".join("".join(u) for u in alts) + ")"
    groups: dict[Optional[str], list[list[str]]] = {}
    for k, u in zip(keys, alts):
        groups.setdefault(k, []).append(u)
    out = []
    for members in groups.values():
        if len(members) == 1:
            out.append("".join(members[0]))
        else:  # the last units are equal (ASCII letters up to case)
            out.append(_group_back([u[:-1] for u in members]) + members[0][-1])
    return "(?:" + "|".join(out) + ")"


# ---------------------------------------------------------------- compiled lexicon


_Handler = Callable[["_Ctx", "_M"], Optional["_Cand"]]
# first token of a pattern's first form → the tokens that may come next (None: anything)
_Follow = Mapping[str, Optional[frozenset[str]]]
# a test in plain Python that a pattern may match at a place, before its regex is tried, on
# ASCII text: (ctx, position, (end, previous token, next token, token) at a word or None at a
# digit run) → False when it cannot match there
_Pre = Callable[["_Ctx", int, Optional[tuple[int, str, str, str]]], bool]


@dataclass
class _Rx:
    cal: Calendar
    # (name, core, lead, trigger index, core group numbers, lead group numbers, handler,
    #  follow map, pre-check, last words of the lead, lead may be a bare bracket): see
    #  _follow, _Pre and _lead_needed
    patterns: list[tuple[str, regex.Pattern[str], Optional[regex.Pattern[str]], int, Mapping[str, int],
                         Mapping[str, int], "_Handler", Optional["_Follow"], Optional["_Pre"],
                         Optional[frozenset[str]], bool]]
    clock: regex.Pattern[str]
    clock_trigger: int
    claims: list[tuple[str, regex.Pattern[str], int]]  # (name, pattern, trigger index)
    triggers: list["_Trigger"]  # distinct triggers: positions are computed once for each
    word_triggers: dict[str, tuple[int, ...]]  # trigger word → indexes of the triggers it belongs to
    vocab: frozenset[str]  # every trigger word
    vocab_cased: frozenset[str]  # the same as written: lower, Title and UPPER case
    day_words: frozenset[str]  # words after a day number: months, range and list words
    unit_words: frozenset[str]
    relday: dict[str, RelativeDayRow]
    units: Mapping[str, str]  # form → unit
    one: Mapping[str, str]  # sepekan → week
    shifts: dict[str, ShiftRow]
    periods: dict[str, PeriodRow]
    cues: dict[str, CueRow]
    counts: dict[str, int]
    tense: Twin
    tense_of: Mapping[str, str]
    range_gap: Twin
    coord_gap: Twin
    range_words: frozenset[str]
    coord_words: frozenset[str]
    weekday_pair: Twin
    habitual: Twin
    tense_first: frozenset[str]  # first words of the tense cues and of the habitual words
    habitual_first: frozenset[str]
    # per phrase index: the words that are a whole form on their own and begin no longer
    # form, so that finding the word is finding the phrase (no regex call)
    phrase_single: dict[str, frozenset[str]]
    count_noun: Twin
    name_prefixes: frozenset[str]
    cue_words: frozenset[str]
    weekday_prefixes: frozenset[str]
    name_verbs: frozenset[str]
    weekday_verbs: frozenset[str]  # speech and report verbs that anchor a bare weekday
    year_verbs: frozenset[str]  # lahir, didirikan ...: a bare year after them is a date
    year_follow: frozenset[str]  # words that may follow such a year
    event_before: regex.Pattern[str]  # REVERSE: an event and its qualifiers right before a year
    habit: Twin  # biasanya, selalu, setiap tahun: the sentence tells a yearly habit
    recurring_weekday: Twin  # setiap Sabtu, tiap hari Senin
    # second tokens of the weekday forms (Jum'at → "at"): after them the weekday goes on
    weekday_inner: frozenset[str]
    month_runs: frozenset[str]  # casefolded month forms (one letter run each) or () if not so
    count_shift_words: frozenset[str]  # first tokens of the shift words after a counted unit
    # first words of the event cues (lower case): event_before needs one of them in its window
    event_words: Optional[tuple[str, ...]]
    # each word of vocab_cased made of ASCII letters → (its key, the word between two spaces,
    # how far the space after it is from its place,
    # the indexes of its triggers, whether its places need their neighbours: a trigger word
    # or a unit word, see _Ctx.adj): what the ASCII word scan looks up (see _word_positions)
    # and whether it begins a tense or habit phrase (see phrase_words)
    ascii_words: dict[bytes, tuple[str, bytes, int, dict[bytes, tuple[int, ...]], tuple[int, ...], bool, bool, bool]] = field(
        default_factory=dict)
    # the keys of ascii_words as a frozenset: the scan's membership test of every token (a set
    # look-up costs less than a dict's)
    ascii_vocab: frozenset[bytes] = frozenset()
    # the words _phrase_index looks up (first words of tense and habit phrases): the only
    # words whose places the word scan lists by word (_Ctx.words)
    phrase_words: frozenset[str] = frozenset()
    # Slots: the lists of places the word scan fills, one per core pattern (its index), then
    # one per claim, then the clock's. A place of a word goes to the slots of its triggers, on
    # ASCII text only where the next token may follow the word in the slot's pattern (its
    # follow map, see _follow): word → ((slot, next tokens allowed or None), ...)
    slot_words: dict[str, tuple[tuple[int, Optional[frozenset[str]]], ...]] = field(default_factory=dict)
    n_slots: int = 0
    clock_slot: int = 0
    # (slot, digit, paren) of each slot whose trigger has digit runs or brackets (see _all_positions)
    slot_mixed: list[tuple[int, str, bool]] = field(default_factory=list)
    # stdlib twins (see _twin) of the core patterns, the claims and the clock, for ASCII
    # text; None where a pattern has none
    core_twins: list[Optional[re.Pattern[str]]] = field(default_factory=list)
    claim_twins: list[Optional[re.Pattern[str]]] = field(default_factory=list)
    clock_twin: Optional[re.Pattern[str]] = None


@dataclass(frozen=True)
class _Trigger:
    """Where a core pattern can start: at one of ``words`` (casefolded), a digit or a bracket.

    Patterns are only tried there (``pattern.match(text, pos)``): one word scan of the
    text replaces a scan per pattern.
    """

    words: frozenset[str] = frozenset()
    # "year": a 19xx/20xx run ("iso": followed by - or /, "yrange": by a range word or /);
    # "count": a run of 1-3 digits before a calendar unit; the others a run of 1-2 digits
    # followed by a month, a range word, "-" or "," ("day"), by a day-month-year shape such as
    # 18/4/ or 18.04. ("num"), by / and a digit ("slash"), by . or : and a digit 0-5
    # ("clock"). Each is a condition that every match of the pattern meets.
    digit: Literal["", "year", "iso", "yrange", "day", "count", "num", "slash", "clock"] = ""
    # paren: a "(" followed by a digit
    paren: bool = False


# Matching calls on the hot path pass ``concurrent=False`` positionally
# (``pat.match(text, pos, endpos, False)``): the text is an immutable str, so the GIL need not
# be released around each short match, and positional arguments skip keyword parsing.
_TOKEN: Final = regex.compile(r"\p{L}+")
_WORDS: Final = re.compile(r"[^\W\d_]+")  # stdlib re: findall of plain words is the fastest scan
# on ASCII text, translate + split lists the same words as _WORDS.findall, several times faster
_ASCII_NON_LETTERS: Final = {i: " " for i in range(128) if not chr(i).isalpha()}
_ASCII_NON_LETTERS_B: Final = bytes(i if i < 128 and chr(i).isalpha() else 32 for i in range(256))  # the same on bytes
# a digit run and the word after it (to try only the patterns that can follow)
_DIGITS: Final = regex.compile(r"(\d+)(?:[ \t]+(\p{L}+))?")
_DIGITS_ASCII: Final = regex.compile(r"([0-9]+)(?:[ \t]+([A-Za-z]+))?")  # the same on ASCII text, twice as fast
_PAREN: Final = regex.compile(r"\(")
_NEXT_WORD: Final = _tw(regex.compile(r"[ \t]+([\p{L}\p{N}][\p{L}\p{N}.'-]*)"))
_CLOSE: Final = _tw(regex.compile(r"\s*\)"))
_COPYRIGHT: Final = regex.compile(r"©|\(c\)|copyright|hak cipta", regex.I)
_DATE_FOLLOWS: Final = _tw(regex.compile(r"\s*,?\s*\(?\s*\d"))
_ASCII_DIGIT: Final = re.compile("[0-9]")  # on ASCII text, the characters str.isdigit accepts
_OFFSET: Final = regex.compile(r"([+-])(\d\d):?(\d\d)")
_YEAR_BEFORE: Final = _tw(regex.compile(r"(?<![\d.,])(?:19|20)\d\d\s*(?:,|dan|atau|serta|hingga|sampai)\s*\Z", regex.I))


def _first_tokens(forms: "Iterable[str]") -> frozenset[str]:
    out = set()
    for f in forms:
        m = _TOKEN.match(f.strip().casefold())
        if m:
            out.add(m.group(0))
    return frozenset(out)


def _single_words(forms: Iterable[str]) -> frozenset[str]:
    """Casefolded one-word forms (letters only) that begin no longer form."""
    keys = {_key(f) for f in forms}
    longer = {k.split()[0] for k in keys if not _SINGLE.fullmatch(k)}
    longer |= {t for k in keys if not _SINGLE.fullmatch(k) for t in _first_tokens([k])}
    return frozenset(k for k in keys if _SINGLE.fullmatch(k) and k not in longer)


_SINGLE: Final = regex.compile(r"\p{L}+")


def _letter_runs(form: str) -> list[str]:
    """The casefolded letter runs of a form, as the word scan of the text splits them."""
    return _WORDS.findall(form.casefold())


def _last_runs(*groups: Iterable[str]) -> Optional[frozenset[str]]:
    """The last letter run of every form (None when a form holds a digit or no letter, or
    ends with something else than a letter or a dot)."""
    out = set()
    for forms in groups:
        for f in forms:
            runs = _letter_runs(f)
            if not runs or any(ch.isdigit() for ch in f) or not f.strip().rstrip(".")[-1:].isalpha():
                return None
            out.add(runs[-1])
    return frozenset(out)


def _follow(*parts: tuple[Iterable[str], Optional[Iterable[str]]]) -> Optional[_Follow]:
    """What may follow the first token of a pattern that reads ``first\\s+then``.

    Each part is (forms of the first element, forms of what follows it, None when the
    pattern may end or go on with a digit there). A one-token first form may be followed
    by the first token of a following form; a longer one by its own second token. The
    word scan gives the token after every trigger word, so a pattern whose next token is
    not in the set is not tried: a set look-up instead of a regex call. None: no filter
    (a form does not start with a letter).
    """
    out: dict[str, Optional[set[str]]] = {}
    for firsts, then in parts:
        then_first: Optional[set[str]] = None
        if then is not None:
            then_first = set()
            for f in then:
                runs = _letter_runs(f)
                if not runs or not f.strip()[:1].isalpha():
                    then_first = None
                    break
                then_first.add(runs[0])
        for f in firsts:
            runs = _letter_runs(f)
            if not runs or not f.strip()[:1].isalpha():
                return None
            allowed = {runs[1]} if len(runs) > 1 else then_first
            if runs[0] in out and out[runs[0]] is None:
                continue
            if allowed is None:
                out[runs[0]] = None
            else:
                out.setdefault(runs[0], set()).update(allowed)  # type: ignore[union-attr]
    return {k: (frozenset(v) if v is not None else None) for k, v in out.items()}


def _forms(lex: Lexicon, table: str, row_id: str) -> list[str]:
    for r in lex.rows("dates", table):
        if r.id == row_id:
            return list(r.forms)
    return []


def _build(lex: Lexicon) -> _Rx:
    cal = calendar(lex)
    rows_rd: list[RelativeDayRow] = lex.rows("dates", "relative_days")
    rows_u: list[UnitRow] = lex.rows("dates", "units")
    rows_sh: list[ShiftRow] = lex.rows("dates", "shifts")
    rows_p: list[PeriodRow] = lex.rows("dates", "periods")
    rows_c: list[CueRow] = lex.rows("dates", "cues")
    rows_t: list[TenseRow] = lex.rows("dates", "tense_cues")
    rows_cn: list[ConnectorRow] = lex.rows("dates", "connectors")
    rows_n: list[CountRow] = lex.rows("dates", "counts")

    relday = {_key(f): r for r in rows_rd for f in r.forms}
    units = {_key(f): r.unit for r in rows_u for f in r.forms}
    one = {_key(f): r.unit for r in rows_u for f in r.one}
    shifts = {_key(f): r for r in rows_sh for f in r.forms}
    periods = {_key(f): r for r in rows_p for f in r.forms}
    cues = {_key(f): r for r in rows_c for f in r.forms}
    counts = {_key(f): r.value for r in rows_n for f in r.forms}
    tense_of = {_key(f): r.tense for r in rows_t for f in r.forms}

    MON = cal.month_re + r"\.?"
    WD = cal.weekday_re
    WDS = cal.weekday_standalone_re
    MONS = cal.month_standalone_re
    CUE = _alt([f for r in rows_c for f in r.forms])
    CUE_WD = _alt([f for r in rows_c if r.weekday for f in r.forms])
    CUE_DM = _alt([f for r in rows_c if r.role in ("at", "since", "from", "until", "asof") for f in r.forms])
    PER = _alt(list(periods))
    PER_PART = _alt([f for r in rows_p if len(r.months) == 2 for f in r.forms])
    SH_U = _alt([f for r in rows_sh if r.after_unit for f in r.forms])
    SH_C = _alt([f for r in rows_sh if r.after_count for f in r.forms])
    UNIT = _alt(list(units))
    ONE = _alt(list(one))
    NUMW = _alt(list(counts))
    RELD = _alt(list(relday))
    TZ = cal.zone_re

    I = regex.I
    P = regex.compile
    # Core patterns start at a digit or a date word (fast to scan). What may stand before
    # the core (a cue word, a period word, a weekday, "bulan", "tahun", an opening bracket)
    # is read backwards from the core's start by a REVERSE "lead" pattern.
    # the alternations of the leads grouped by their last characters (see _back_alt)
    cue_f = [f for r in rows_c for f in r.forms]
    CUE_B, PER_B, RELD_B = _back_alt(cue_f), _back_alt(list(periods)), _back_alt(list(relday))
    CUE_DM_B = _back_alt([f for r in rows_c if r.role in ("at", "since", "from", "until", "asof") for f in r.forms])
    WD_B = _back_alt([f for w in lex.rows("calendar", "weekdays") for f in w.forms], spaces=False)
    cue = rf"(?:(?P<cue>{CUE_B})\s+)?"
    per = rf"(?:(?P<per>{PER_B})\s+)?"
    tahun = r"(?:(?P<tahun>(?:tahun|thn\.?)(?:\s+(?:anggaran|ajaran|buku))?)\s+)?"
    leads = {
        "cue": P(r"(?r)" + _L + cue, I),
        "cue_per": P(r"(?r)" + _L + cue + per, I),
        "cue_hari": P(r"(?r)" + _L + cue + r"(?:(?P<hari>hari)\s+)?", I),
        "month": P(r"(?r)" + _L + cue + per + r"(?:(?P<bulan>bulan)\s+)?", I),
        "year": P(r"(?r)" + _L + cue + per + tahun, I),
        "day": P(r"(?r)" + _L + cue + rf"(?:(?P<wd>{WD_B})\.?\s*,?\s*)?(?:(?:tanggal|tgl\.?)\s*)?", I),
        "day_open": P(
            r"(?r)" + _L + cue + rf"(?:(?P<wd>{WD_B})\.?\s*,?\s*)?(?:(?P<open>\()\s*)?"
            + r"(?:(?:tanggal|tgl\.?)\s*)?", I),
        "anchor": P(
            r"(?r)" + _L + cue + rf"(?:{WD_B}\s*-\s*)?(?P<anchor>{WD_B}|{RELD_B})\.?\s*,?\s*", I),
        # "pada 17/4": a cue of time (pada, tanggal, sejak, hingga, per, mulai) instead of a weekday
        "anchor_cue": P(
            r"(?r)" + _L + rf"(?:(?:(?P<cue>{CUE_DM_B})\s+)(?:(?P<anchor>{WD_B}|{RELD_B})\.?\s*,?\s*)?"
            + rf"|(?:(?P<cue2>{CUE_B})\s+)?(?:{WD_B}\s*-\s*)?(?P<anchor2>{WD_B}|{RELD_B})\.?\s*,?\s*)", I),
    }
    patterns: list[tuple[str, regex.Pattern[str], Optional[regex.Pattern[str]]]] = [
        # 19 April 2016 · Selasa, 19 April 2016 · 1-3 Maret 2019 · 17 Agustus · 3 Mei lalu
        # · 16, 17, dan 18 Maret 2019 (each day of a list is read from its own number)
        ("text", P(
            rf"(?<![\p{{L}}\d.,/-])(?P<d>{_DAY})(?:(?P<list>(?:\s*,\s*{_DAY})+\s*,?\s*(?:dan|atau|serta)\s*{_DAY}|\s*,\s*(?:dan|atau|serta)\s*{_DAY})"
            + rf"|\s*(?P<rc>{_RANGE}|dan|atau|serta)\s*(?P<d2>{_DAY}))?"
            + rf"(?:\s+|\s*-\s*)(?P<mon>{MON})"
            + rf"(?:(?:\s*,\s*|\s+|-)(?P<y>{_YEAR}){_YEND}|\s+tahun\s+(?P<ysh>{SH_U})"
            + rf"|(?:\s+(?P<sh>{SH_U}))?)" + _R, I), leads["day"]),
        # 18/4/2016 · Senin (18/4/2016) · 18-04-16 · 18.04.2016
        ("num", P(
            rf"(?<![\p{{L}}\d.,/-])(?P<d>{_DAY})(?P<sep>[/.-])(?P<m>{_MNUM})(?P=sep)(?P<y>{_YEAR}|\d\d)"
            + r"(?![\d]|[.,/-]\d)", I), leads["day_open"]),
        # Senin, 18/3 · kemarin 16/1 (no bracket, no year: a weekday or relative day must stand before)
        ("wd_dm", P(rf"(?<![\p{{L}}\d.,/-])(?P<d>{_DAY})/(?P<m>{_MNUM})(?![\d/]|[.,]\d)", I),
         leads["anchor_cue"]),
        # Rabu (6/9) · kemarin (16/1)
        ("paren", P(
            rf"\(\s*(?P<d>{_DAY})(?:\s*-\s*(?P<d2>{_DAY})\s*/|\s*[/-])\s*(?P<m>{_MNUM})\s*\)", I),
            leads["anchor"]),
        # tanggal 5/3
        ("tgl", P(_L + rf"(?:tanggal|tgl\.?)\s*(?P<d>{_DAY})\s*/\s*(?P<m>{_MNUM})(?![\d/.])", I), None),
        # tanggal 20 kemarin · tanggal 30 nanti
        ("day_only", P(
            _L + rf"(?:tanggal|tgl\.?)\s*(?P<d>{_DAY})(?![\d/.,]\d|\d)\s+(?P<sh>{SH_U})" + _R, I), None),
        # 2016-04-18 · 2016/04/18 · 2016-04-18T10:00+07:00
        ("iso", P(
            rf"(?<![\p{{L}}\d/.-])(?P<y>{_YEAR})(?P<sep>[-/])(?P<m>0[1-9]|1[0-2])(?P=sep)(?P<d>[0-3]\d)"
            + rf"(?:[T ](?P<hh>[01]\d|2[0-3]):(?P<mi>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?\s*(?P<off>Z|[+-]\d\d:?\d\d|{TZ})?)?"
            + r"(?![\d])", I), leads["cue"]),
        # Desember 2015 · per Desember 2015 · akhir Desember 2017 · bulan Mei 2018
        ("month_year", P(_L + rf"(?P<mon>{MON})\s*,?\s*(?P<y>{_YEAR}){_YEND}" + _R, I), leads["month"]),
        # 2015-2019 · periode 2015-2019 · 2018/2019
        ("year_range", P(
            rf"(?<![\p{{L}}\d.,/-])(?P<y1>{_YEAR})\s*(?P<rc>{_RANGE}|/)\s*(?P<y2>{_YEAR}){_YEND}" + _R, I),
            leads["year"]),
        # tahun 2019 · pada 2018 · sejak 2015 · awal 2018 · tahun anggaran 2020
        ("year", P(
            rf"(?<![\p{{L}}\d.,/-])(?P<y>{_YEAR}){_YEND}"
            + r"(?:\s+(?P<sh>lalu|silam|ini|mendatang|nanti|yang\s+lalu))?" + _R, I), leads["year"]),
        # kemarin · kemarin lusa · besok · lusa · hari ini
        ("relative_day", P(_L + rf"(?P<w>{RELD})" + _R, I), None),
        # tahun lalu · bulan depan · pertengahan tahun ini · pekan lalu
        ("unit_shift", P(_L + rf"(?P<unit>{UNIT})\s+(?P<sh>{SH_U})" + _R, I), leads["cue_per"]),
        # akhir tahun · awal bulan
        ("period_unit", P(_L + rf"(?P<per>{PER})\s+(?P<unit>{UNIT})" + _R, I), leads["cue"]),
        # triwulan IV · semester pertama
        ("period_alone", P(_L + rf"(?P<per>{PER_PART})" + _R, I), leads["cue"]),
        # tiga hari lalu · dua pekan lagi · sebulan lalu
        ("count_shift", P(
            _L + rf"(?:(?P<n>\d{{1,3}}|{NUMW})\s+(?P<unit>{UNIT})|(?P<one>{ONE}))\s+(?P<sh>{SH_C})" + _R, I),
            leads["cue"]),
        # Senin lalu · Jumat mendatang · Sabtu ini · Jumat pekan lalu
        ("weekday_shift", P(
            _L + rf"(?P<wd>{WDS})\s+(?:(?P<unit>pekan|minggu)\s+)?(?P<sh>{SH_U})" + _R, I), leads["cue_hari"]),
        # Kamis pagi · Jumat malam · Selasa larut malam
        ("weekday_part", P(
            _L + rf"(?P<wd>{WDS})\s+(?P<dp>{_alt(_forms(lex, 'anchors', 'day_parts'))})" + _R, I), leads["cue_hari"]),
        # pada Jumat · sejak Senin · pada hari Selasa
        ("weekday_cue", P(_L + rf"(?P<cue>{CUE_WD})\s+(?:hari\s+)?(?P<wd>{WDS})" + _R, I), None),
        # kata dia di Semarang, Senin.
        ("weekday_comma", P(
            rf"(?<=,\s{{0,3}}(?:(?:pada\s+)?hari\s+)?)(?P<wd>{WDS})"
            + r"(?=\s*(?:[.;:!?,)\n]|$|pukul|sekitar|pagi|siang|sore|malam|dini))"), None),
        # Polisi hari Jumat menangkap ...
        ("weekday_hari", P(_L + rf"(?P<hari>[Hh]ari)\s+(?P<wd>{WDS})" + _R), None),
        # mengatakan Senin bahwa · Selasa mengatakan · Senin, polisi ... · dalam wawancara Jumat.
        ("weekday_wire", P(_L + rf"(?P<wd>{WDS})" + _R), None),
        # Mei lalu · April nanti · hingga Juni lalu
        ("month_shift", P(
            _L + rf"(?P<mon>{MONS})\s+(?:tahun\s+(?P<ysh>{SH_U})|(?P<sh>{SH_U}))" + _R, I), leads["month"]),
        # Februari · akhir Maret · pada Februari · bulan Juni
        ("month", P(_L + rf"(?P<mon>{MONS})" + _R, I), leads["month"]),
        # setiap hari Jumat · tiap akhir pekan · saban Sabtu dan Minggu · tiap dua bulan
        ("recurring", P(
            _L + rf"(?P<cue>{_alt(_forms(lex, 'recurrence', 'cues'))})\s+"
            + rf"(?:(?:hari\s+)?{WDS}(?:\s*(?:,\s*(?:dan|atau|serta)?|dan|atau|serta|hingga|sampai|-)\s*"
            + rf"(?:hari\s+)?{WDS})*"
            + rf"|(?:\d{{1,2}}|{NUMW})\s+{UNIT}"
            + rf"|(?:(?:bulan|tanggal\s+{_DAY})\s+)?{MONS}"  # setiap bulan Oktober · tiap tanggal 17 Agustus
            + rf"|{_alt(_forms(lex, 'recurrence', 'heads'))}(?:\s+\d{{1,2}}(?![\d/.]))?)" + _R, I), None),
        ("frequency", P(_L + _alt(_forms(lex, "recurrence", "frequencies")) + _R, I), None),
        # lima tahun sekali · dua pekan sekali
        ("count_frequency", P(
            _L + rf"(?:(?:\d{{1,2}}|{NUMW})\s+{UNIT}|{ONE})\s+sekali" + _R, I), None),
        ("vague", P(_L + _alt([f for r in lex.rows("dates", "vague") for f in r.forms]) + _R, I), None),
    ]

    clock = P(
        _L + r"(?:(?P<kw>pukul|pkl\.?|jam|pk\.?)\s*(?P<h>[01]?\d|2[0-3])(?:[.:](?P<mi>[0-5]\d))?"
        r"|(?<![\d.,:/])(?P<h2>[01]?\d|2[0-3])(?P<s2>[.:])(?P<mi2>[0-5]\d))(?![\d]|[.,:]\d)"
        rf"(?:\s*(?:-|hingga|sampai(?:\s+dengan)?|s\.?d\.?|s/d)\s*(?:pukul\s*)?(?P<eh>[01]?\d|2[0-3])[.:](?P<emi>[0-5]\d)(?![\d]))?"
        rf"(?:\s*(?P<tz>{TZ})(?![\p{{L}}]))?(?:\s+(?P<dp>pagi|siang|sore|petang|malam|dini\s+hari))?" + _R,
        I,
    )

    reg_names = _alt(_forms(lex, "regulations", "names"))
    reg_no = _alt(_forms(lex, "regulations", "numbers"))
    reg_art = _alt(_forms(lex, "regulations", "articles"))
    nbh = _alt(_forms(lex, "regulations", "neighbourhood"))
    tahun = r"(?:Tahun|tahun|TAHUN|Th\.?|Thn\.?)"
    claims: list[tuple[str, regex.Pattern[str]]] = [
        # UU No. 24/2013 · Permendagri Nomor 19 Tahun 2018 · Permendagri 19/2018 · UUD 1945
        ("regulation", P(
            _L + rf"{reg_names}(?:\s+RI)?\s*(?:(?:{reg_no})\s*:?\s*(?P<num>\d+[A-Z]?)"
            + rf"(?:\s*{tahun}\s*{_YEAR}|\s*/\s*{_YEAR})?|\d+[A-Z]?(?:\s*{tahun}\s*{_YEAR}|\s*/\s*{_YEAR})|{_YEAR})(?!\d)")),
        # Nomor 25 Tahun 2009 · nomor 470/1234/Dukcapil/2019
        ("regulation", P(
            _L + rf"{reg_no}\s*:?\s*(?:\d+[A-Z]?\s*{tahun}\s*{_YEAR}(?!\d)"
            + r"|[\dA-Za-z.-]*\d[\dA-Za-z.-]*(?:/[\dA-Za-z.-]*[\dA-Za-z])+)")),
        # Pasal 63 ayat (2) huruf a
        ("regulation", P(
            _L + rf"{reg_art}\s+\d+[A-Z]?(?:\s+(?:ayat|Ayat)\s*\(?\d+\)?)?(?:\s+huruf\s+[a-z]\b)?")),
        # RT 03/RW 05 · RT/RW 03/05 · RW 5
        ("neighbourhood", P(
            _L + rf"(?:{nbh})\s*/\s*(?:{nbh})\.?\s*:?\s*\d{{1,3}}\s*/\s*\d{{1,3}}(?!\d)"
            + rf"|{_L}(?:{nbh})\.?\s*:?\s*0*\d{{1,3}}(?:\s*(?:/|,|dan)?\s*(?:{nbh})\.?\s*:?\s*0*\d{{1,3}})?(?!\d)")),
    ]

    range_words = frozenset(_key(f) for r in rows_cn if r.role == "range" for f in r.forms)
    coord_words = frozenset(_key(f) for r in rows_cn if r.role == "coord" for f in r.forms)
    range_gap = _tw(P(rf"\s*{_alt([f for r in rows_cn if r.role == 'range' for f in r.forms])}\s*", I))
    coord_gap = _tw(P(rf"\s*{_alt([f for r in rows_cn if r.role == 'coord' for f in r.forms])}\s*", I))
    tense = _tw(P(_L + _alt(list(tense_of)) + _R, I))
    weekday_pair = _tw(P(
        rf"\s*(?:,|dan|atau|serta|hingga|sampai|-|s\.?d\.?|/)\s*(?:hari\s+)?{WDS}" + _R, I))
    habitual = _tw(P(
        _L + _alt(_forms(lex, "recurrence", "cues") + _forms(lex, "recurrence", "habitual")) + _R, I))
    count_noun = _tw(P(r"\s+" + _alt(_forms(lex, "regulations", "count_nouns")) + _R, I))
    name_prefixes = frozenset(f.strip().rstrip(".") for f in _forms(lex, "regulations", "name_prefixes"))
    cue_words = frozenset(
        set(cues) | set(periods) | set(shifts) | {"bulan", "hari", "tahun"}
        | {w for w in cal.months} | {w for w in cal.weekdays}
    )
    months_t = _first_tokens(cal.months)
    weekdays_t = _first_tokens(cal.weekdays)
    year = _Trigger(digit="year")
    trig = {
        "text": _Trigger(digit="day"), "num": _Trigger(digit="num"),
        "iso": _Trigger(digit="iso"), "year_range": _Trigger(digit="yrange"), "year": year,
        "paren": _Trigger(paren=True),
        "wd_dm": _Trigger(digit="slash"),
        "weekday_part": _Trigger(weekdays_t),
        "tgl": _Trigger(frozenset({"tanggal", "tgl"})),
        "day_only": _Trigger(frozenset({"tanggal", "tgl"})),
        "month_year": _Trigger(months_t), "month_shift": _Trigger(months_t), "month": _Trigger(months_t),
        "relative_day": _Trigger(_first_tokens(relday)),
        "unit_shift": _Trigger(_first_tokens(units)),
        "period_unit": _Trigger(_first_tokens(periods)),
        "period_alone": _Trigger(_first_tokens(f for r in rows_p if len(r.months) == 2 for f in r.forms)),
        "count_shift": _Trigger(_first_tokens(list(counts) + list(one)), digit="count"),
        "weekday_shift": _Trigger(weekdays_t),
        "weekday_cue": _Trigger(_first_tokens(f for r in rows_c if r.weekday for f in r.forms)),
        "weekday_comma": _Trigger(weekdays_t),
        "weekday_hari": _Trigger(frozenset({"hari"})),
        "weekday_wire": _Trigger(weekdays_t),
        "recurring": _Trigger(_first_tokens(_forms(lex, "recurrence", "cues"))),
        "frequency": _Trigger(_first_tokens(_forms(lex, "recurrence", "frequencies"))),
        "count_frequency": _Trigger(_first_tokens(list(counts) + list(one)), digit="count"),
        "vague": _Trigger(_first_tokens(f for r in lex.rows("dates", "vague") for f in r.forms)),
    }
    clock_trig = _Trigger(frozenset({"pukul", "pkl", "jam", "pk"}), digit="clock")
    claims_trig = [
        _Trigger(_first_tokens(_forms(lex, "regulations", "names"))),
        _Trigger(_first_tokens(_forms(lex, "regulations", "numbers"))),
        _Trigger(_first_tokens(_forms(lex, "regulations", "articles"))),
        _Trigger(_first_tokens(_forms(lex, "regulations", "neighbourhood"))),
    ]
    triggers: list[_Trigger] = []
    index: dict[_Trigger, int] = {}

    def ti(t: _Trigger) -> int:
        """Index of ``t`` among the distinct triggers (equal triggers share one)."""
        if t not in index:
            index[t] = len(triggers)
            triggers.append(t)
        return index[t]

    # What may follow a pattern's first word (see _follow): "tahun" is tried as unit_shift
    # only before a shift word, "Senin" as weekday_shift only before lalu, depan, pekan ...
    wds, mons = cal.weekday_standalone, cal.month_standalone
    sh_u = [f for r in rows_sh if r.after_unit for f in r.forms]
    sh_c = [f for r in rows_sh if r.after_count for f in r.forms]
    follow: dict[str, Optional[_Follow]] = {
        "relative_day": _follow((relday, None)),
        "unit_shift": _follow((units, sh_u)),
        "period_unit": _follow((periods, units)),
        "period_alone": _follow(([f for r in rows_p if len(r.months) == 2 for f in r.forms], None)),
        "count_shift": _follow((counts, units), (one, sh_c)),
        "count_frequency": _follow((counts, units), (one, ["sekali"])),
        "weekday_shift": _follow((wds, ["pekan", "minggu"] + sh_u)),
        "weekday_part": _follow((wds, _forms(lex, "anchors", "day_parts"))),
        "weekday_cue": _follow(([f for r in rows_c if r.weekday for f in r.forms], ["hari", *wds])),
        "weekday_hari": _follow((["hari"], wds)),
        "month_shift": _follow((mons, ["tahun"] + sh_u)),
        "frequency": _follow((_forms(lex, "recurrence", "frequencies"), None)),
        # setiap Jumat · tiap 2 bulan (after a digit, the unit) · tiap tanggal 17 · setiap tahun
        "recurring": _follow((_forms(lex, "recurrence", "cues"),
                              ["hari", *wds, *counts, *units, "bulan", "tanggal", *mons,
                               *_forms(lex, "recurrence", "heads")])),
        "vague": _follow(([f for r in lex.rows("dates", "vague") for f in r.forms], None)),
    }
    weekday_verbs = frozenset(_key(f) for f in _forms(lex, "anchors", "weekday_verbs"))
    pre: dict[str, _Pre] = {"month_year": _pre_month_year, "weekday_comma": _pre_weekday_comma}
    month_runs = frozenset(f.casefold() for f in cal.months)
    if all(_SINGLE.fullmatch(f) and f.isascii() for f in month_runs):
        pre["text"] = _pre_text
    if all(_SINGLE.fullmatch(u) for u in units) and all(f[:1].isalpha() for f in sh_c):
        pre["count_shift"] = _pre_count_shift
        pre["count_frequency"] = _pre_count_frequency
    if all(_SINGLE.fullmatch(v) for v in weekday_verbs):  # the scan's tokens are such words
        pre["weekday_wire"] = _pre_weekday_wire
    # The last word a lead can end with (see _lead_needed): "pada", "bulan", "Selasa" ...
    lead_words = {
        "cue": _last_runs(cue_f),
        "cue_per": _last_runs(cue_f, periods),
        "cue_hari": _last_runs(cue_f, ["hari"]),
        "month": _last_runs(cue_f, periods, ["bulan"]),
        "year": _last_runs(cue_f, periods, ["tahun", "thn", "anggaran", "ajaran", "buku"]),
        "day": _last_runs(cue_f, cal.weekdays, ["tanggal", "tgl"]),
        "day_open": _last_runs(cue_f, cal.weekdays, ["tanggal", "tgl"]),
        "anchor": _last_runs(cue_f, cal.weekdays, relday),
        "anchor_cue": _last_runs(cue_f, cal.weekdays, relday),
    }
    lead_of = {id(v): k for k, v in leads.items()}

    def lead_last(pat: regex.Pattern[str], lead: Optional[regex.Pattern[str]]) -> Optional[frozenset[str]]:
        """The lead's last words, when a lead that is not tried may stand for an empty one
        (no group name shared with the core: an empty lead hides none of its groups)."""
        if lead is None or set(lead.groupindex) & set(pat.groupindex):
            return None
        return lead_words[lead_of[id(lead)]]

    patterns6: list[tuple[str, regex.Pattern[str], Optional[regex.Pattern[str]], int, Mapping[str, int],
                          Mapping[str, int], _Handler, Optional[_Follow], Optional[_Pre],
                          Optional[frozenset[str]], bool]] = [
        (name, pat, lead, ti(trig[name]), dict(pat.groupindex),
         dict(lead.groupindex) if lead is not None else _NO_GROUPS, _HANDLERS[name],
         follow.get(name), pre.get(name), lead_last(pat, lead), lead is leads["day_open"])
        for name, pat, lead in patterns
    ]
    claims3 = [(name, pat, ti(t)) for (name, pat), t in zip(claims, claims_trig)]
    clock_ti = ti(clock_trig)
    day_words = frozenset(_key(w) for w in list(cal.months) + ["hingga", "sampai", "s", "dan", "atau", "serta"])
    tense_first = _first_tokens(tense_of)
    habitual_first = _first_tokens(_forms(lex, "recurrence", "cues") + _forms(lex, "recurrence", "habitual"))
    vocab = frozenset().union(*(t.words for t in triggers), tense_first, habitual_first)
    # Pemilu Legislatif 2014 · Pemilu Presiden dan Wakil Presiden (Pilpres) 2009 · Pilkada DKI Jakarta 2017
    ev_forms = [f.strip() for r in rows_c if r.role == "event" for f in r.forms]
    ev = _alt(ev_forms)
    qual = _alt(_forms(lex, "anchors", "event_qualifiers"))
    cap = r"(?-i:\p{Lu}[\p{L}\p{N}-]*)"
    event_before = P(
        r"(?r)" + _L + rf"(?:{ev}|\(\s*{ev}\s*\))"
        + rf"(?:\s+(?:{qual}|{cap})|\s*\(\s*(?:{qual}|{ev}|{cap})\s*\)){{0,6}}\s*", I)
    # a yearly habit, told by an adverb (biasanya, selalu) or a recurrence (setiap tahun)
    habit = _tw(P(_L + rf"(?:{_alt(_forms(lex, 'recurrence', 'habitual'))}"
                  + rf"|{_alt(_forms(lex, 'recurrence', 'cues'))}\s+tahun(?:nya)?)" + _R, I))
    vocab_cased = frozenset(v for w in vocab for v in (w, w.capitalize(), w.upper()))
    word_triggers = {w: tuple(i for i, t in enumerate(triggers) if w in t.words) for w in vocab}
    out = _Rx(
        cal, patterns6, clock, clock_ti, claims3, triggers, word_triggers,
        vocab, vocab_cased,
        day_words, frozenset(units) | frozenset(one),
        relday, units, one, shifts, periods, cues, counts,
        tense, tense_of, range_gap, coord_gap, range_words, coord_words, weekday_pair, habitual,
        tense_first, habitual_first,
        {"tense": _single_words(tense_of),
         "habitual": _single_words(_forms(lex, "recurrence", "cues") + _forms(lex, "recurrence", "habitual")),
         "habit": _single_words(_forms(lex, "recurrence", "habitual"))
         - _first_tokens(_forms(lex, "recurrence", "cues"))},
        count_noun, name_prefixes, cue_words,
        frozenset(_key(f) for f in _forms(lex, "regulations", "weekday_prefixes")),
        frozenset(_key(f).rstrip(".") for f in _forms(lex, "regulations", "name_verbs")),
        weekday_verbs,
        frozenset(_key(f) for f in _forms(lex, "anchors", "year_verbs")),
        frozenset(_key(f) for f in _forms(lex, "anchors", "year_follow")), event_before, habit,
        _tw(P(_L + rf"{_alt(_forms(lex, 'recurrence', 'cues'))}\s+(?:hari\s+)?(?P<wd>{WDS})" + _R, I)),
        frozenset(t for f in wds for t in _letter_runs(f)[1:2]),
        month_runs, frozenset(_letter_runs(f)[0] for f in sh_c),
        tuple(sorted({_letter_runs(f)[0] for f in ev_forms})) if all(f[:1].isalpha() for f in ev_forms) else None,
    )
    out.core_twins = [_twin(p[1]) for p in patterns6]
    out.claim_twins = [_twin(p[1]) for p in claims3]
    out.clock_twin = _twin(clock)
    out.phrase_words = tense_first | habitual_first
    slot_trig = [p[3] for p in patterns6] + [c[2] for c in claims3] + [clock_ti]
    slot_follow = [p[7] for p in patterns6] + [None] * (len(claims3) + 1)
    for w in vocab:
        entries = tuple((sl, f.get(w) if f is not None else None)
                        for sl, (ti, f) in enumerate(zip(slot_trig, slot_follow)) if w in triggers[ti].words)
        if entries:
            out.slot_words[w] = entries
    out.n_slots, out.clock_slot = len(slot_trig), len(slot_trig) - 1
    out.slot_mixed = [(sl, triggers[ti].digit, triggers[ti].paren) for sl, ti in enumerate(slot_trig)
                      if triggers[ti].digit or triggers[ti].paren]
    out.ascii_words = {
        w.encode(): (w.lower(), f" {w} ".encode(), len(w) + 1, *_routes(out.slot_words.get(w.lower(), ())),
                     bool(word_triggers.get(w.lower())) or w.lower() in out.unit_words,
                     w.lower() in out.unit_words, w.lower() in out.phrase_words)
        for w in vocab_cased if w.isascii() and w.isalpha()
    }
    out.ascii_vocab = frozenset(out.ascii_words)
    return out


def _routes(
    slots: tuple[tuple[int, Optional[frozenset[str]]], ...]
) -> tuple[dict[bytes, tuple[int, ...]], tuple[int, ...]]:
    """A word's slots (``_Rx.slot_words``) by the token that follows it, for the ASCII word
    scan: (next token as ASCII bytes → the slots whose follow map lets it follow, the slots
    any token may follow). A place's slots are one look-up instead of a test of each slot's
    set; a token that is no key takes the slots any token may follow (a follow word that is
    not ASCII never follows on ASCII text)."""
    anyway = tuple(sl for sl, allowed in slots if allowed is None)
    nexts = {w for _, allowed in slots if allowed is not None for w in allowed if w.isascii()}
    return {nxt.encode(): tuple(sl for sl, allowed in slots if allowed is None or nxt in allowed)
            for nxt in nexts}, anyway


@lru_cache(maxsize=4096)
def _key(s: str) -> str:
    """Casefolded, spaces collapsed: the form a word is looked up by."""
    return " ".join(s.casefold().split())


def rx(lex: Lexicon) -> _Rx:
    """The compiled date patterns of ``lex`` (built once)."""
    r: _Rx = lex.compiled("dates", _build)
    return r


# ---------------------------------------------------------------- candidates


_NO_GROUPS: Final[Mapping[str, int]] = {}


class _M:
    """A core match and the lead read backwards from its start, seen as one match.

    Groups are read by number through ``cidx``/``lidx`` (name → number of the core and
    lead patterns, taken once when the lexicon is compiled): asking a ``regex`` match
    for a group by name costs an exception inside the library each time. A lead group
    hides a core group of the same name.
    """

    __slots__ = ("cg", "cidx", "core", "lead", "lg", "lidx")

    def __init__(
        self,
        core: AnyMatch,  # a stdlib match from a twin (see _twin)
        lead: Optional[regex.Match[str]],
        cidx: Mapping[str, int],
        lidx: Mapping[str, int] = _NO_GROUPS,
    ) -> None:
        self.core = core
        self.lead = lead
        self.cidx = cidx
        self.cg: tuple[Optional[str], ...] = core.groups()
        if lead is None:
            self.lidx: Mapping[str, int] = _NO_GROUPS
            self.lg: tuple[Optional[str], ...] = ()
        else:
            self.lidx = lidx
            self.lg = lead.groups()

    def group(self, name: str | int = 0) -> Optional[str]:
        # (the lead's groups are looked up only when it has some: most matches have no lead)
        # (an int name, 0, is in neither index: get gives None, as for an unknown name)
        if self.lg:
            i = self.lidx.get(name)  # type: ignore[arg-type]  # int names: see above
            if i is not None:
                return self.lg[i - 1]
        i = self.cidx.get(name)  # type: ignore[arg-type]  # int names: see above
        if i is not None:
            return self.cg[i - 1]
        if name == 0:
            return str(self.core.string[self.start():self.core.end()])
        return None

    def text(self, name: str | int) -> str:
        """The group's text, "" when it did not take part (``group(name) or ""``, read here
        without a second call)."""
        if self.lg:
            i = self.lidx.get(name)  # type: ignore[arg-type]  # int names: see group()
            if i is not None:
                return self.lg[i - 1] or ""
        i = self.cidx.get(name)  # type: ignore[arg-type]  # int names: see group()
        if i is not None:
            return self.cg[i - 1] or ""
        return self.group(name) or ""

    def num(self, name: str) -> int:
        """The group as an integer (its text is digits), 0 when it did not take part."""
        g = self.group(name)
        return int(g) if g else 0

    def start(self, name: Optional[str] = None) -> int:
        s: int
        if name is None:
            s = self.lead.start() if self.lead is not None else self.core.start()
            return s
        i = self.lidx.get(name)
        if i is not None:
            s = self.lead.start(i)  # type: ignore[union-attr]
            return s
        i = self.cidx.get(name)
        s = self.core.start(i) if i is not None else -1
        return s

    def end(self, name: Optional[str] = None) -> int:
        e: int
        if name is None:
            e = self.core.end()
            return e
        i = self.lidx.get(name)
        if i is not None:
            e = self.lead.end(i)  # type: ignore[union-attr]
            return e
        i = self.cidx.get(name)
        e = self.core.end(i) if i is not None else -1
        return e


@dataclass(slots=True, init=False)
class _Cand:
    s: int
    e: int
    rule: str
    kind: str
    gran: Optional[str] = None
    y: Optional[int] = None
    m: Optional[int] = None
    d: Optional[int] = None
    hh: Optional[int] = None
    mi: Optional[int] = None
    tz: Optional[tzinfo] = None
    end: Optional["_Cand"] = None
    year_inferred: bool = False  # the year came from the reference, not from the text
    unresolved: bool = False  # needs a reference that the document does not have
    core_s: int = -1  # start after a cue word that is not part of the span
    claim: bool = True
    raw: int = 0  # length of the whole regex match (cue included): the longest reading wins
    wd: Optional[int] = None  # a bare anchored weekday (pada Jumat): its weekday
    off: Optional[int] = None  # a relative day (besok): its offset in days
    # (function, *args): what gives the value, called as function(ctx, cand, *args) only when
    # _select keeps the candidate (the span is known before; see _h_month)
    later: Optional[tuple[Any, ...]] = None
    # (function, *args): whether the candidate stands at all, called as function(ctx, cand,
    # *args) -> bool by _select only when it would keep the candidate (a pure test of the
    # text: reading it there instead of in the handler drops the same candidates; see _h_year)
    check: Optional[tuple[Any, ...]] = None

    # the __init__ the dataclass would make, written out (init=False) so that the compiled
    # build compiles it too (about eleven per article; tests/test_build.py checks the two agree)
    def __init__(
        self, s: int, e: int, rule: str, kind: str, gran: Optional[str] = None, y: Optional[int] = None,
        m: Optional[int] = None, d: Optional[int] = None, hh: Optional[int] = None, mi: Optional[int] = None,
        tz: Optional[tzinfo] = None, end: Optional["_Cand"] = None, year_inferred: bool = False,
        unresolved: bool = False, core_s: int = -1, claim: bool = True, raw: int = 0,
        wd: Optional[int] = None, off: Optional[int] = None, later: Optional[tuple[Any, ...]] = None,
        check: Optional[tuple[Any, ...]] = None,
    ) -> None:
        self.s = s
        self.e = e
        self.rule = rule
        self.kind = kind
        self.gran = gran
        self.y = y
        self.m = m
        self.d = d
        self.hh = hh
        self.mi = mi
        self.tz = tz
        self.end = end
        self.year_inferred = year_inferred
        self.unresolved = unresolved
        self.core_s = core_s
        self.claim = claim
        self.raw = raw
        self.wd = wd
        self.off = off
        self.later = later
        self.check = check

    @property
    def has_value(self) -> bool:
        return self.gran is not None and self.y is not None and not self.unresolved


@dataclass
class _Ctx:
    doc: Document
    text: str
    r: _Rx
    ref: Optional[date]
    ref_tz: Optional[tzinfo]
    warnings: dict[str, None] = field(default_factory=dict)  # ordered set
    # 1 where a regulation number, RT/RW, an impossible date or a name was found: no date there
    blocked: bytearray = field(default_factory=bytearray)
    starts: list[list[int]] = field(default_factory=list)  # positions per slot (see _Rx.slot_words)
    words: dict[str, list[int]] = field(default_factory=dict)  # trigger word → positions
    adj: Optional[dict[int, tuple[int, str, str, str]]] = None  # see _word_positions
    count_unit: dict[int, int] = field(default_factory=dict)  # count digit run → its unit word
    # phrase indexes built on first use: "tense", "habitual" → (starts, ends, texts)
    phrases: dict[str, tuple[list[int], list[int], list[str]]] = field(default_factory=dict)

    def block(self, s: int, e: int) -> None:
        self.blocked[s:e] = b"\x01" * (e - s)

    def is_blocked(self, s: int, e: int) -> bool:
        return self.blocked.find(1, s, e) != -1


def _months_between(a: tuple[int, int], b: tuple[int, int]) -> int:
    return (a[0] * 12 + a[1]) - (b[0] * 12 + b[1])


@lru_cache(maxsize=1024)
def _infer_year(
    ref: date, m: int, d: Optional[int], tense: Optional[str], wd: Optional[int] = None
) -> Optional[int]:
    """The year that puts day/month nearest the reference (within a year), honouring tense and weekday."""
    cands: list[tuple[int, int, Optional[date]]] = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        if d is None:
            cands.append((y, _months_between((y, m), (ref.year, ref.month)), None))
            continue
        try:
            dt = date(y, m, d)
        except ValueError:
            continue
        cands.append((y, (dt - ref).days, dt))
    if not cands:
        return None
    if wd is not None:
        same = [c for c in cands if c[2] is not None and c[2].weekday() == wd]
        if same:
            cands = same
    pool = cands
    if tense == "past":
        pool = [c for c in cands if c[1] <= 0] or cands
    elif tense == "future":
        pool = [c for c in cands if c[1] >= 0] or cands
    return min(pool, key=lambda c: (abs(c[1]), c[1] > 0))[0]


def _shift_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def _sentence_start(text: str, s: int, width: int = 160) -> int:
    """Where the current sentence starts before position ``s`` (at most ``width`` characters back)."""
    lo = max(0, s - width)
    chunk = text[lo:s]
    cut = max(chunk.rfind(". "), chunk.rfind("\n"), chunk.rfind("? "), chunk.rfind("! "), chunk.rfind('"'))
    return lo + cut + 1 if cut >= 0 else lo


def _phrase_index(ctx: _Ctx, name: str) -> tuple[list[int], list[int], list[str]]:
    """Every tense cue (``name="tense"``), habit word (``"habitual"``: biasanya, setiap ...) or habit
    phrase (``"habit"``: biasanya, setiap tahun) of the text, in order.

    Built once per document from the word scan: each place where a first word of a
    form stands is tried with the phrase pattern, so the text is never scanned again.
    """
    got = ctx.phrases.get(name)
    if got is None:
        if name == "tense":
            pat, first = ctx.r.tense, ctx.r.tense_first
        else:
            pat, first = (ctx.r.habitual if name == "habitual" else ctx.r.habit), ctx.r.habitual_first
        single = ctx.r.phrase_single[name]
        words = ctx.words
        found = [(p, w) for w in first.intersection(words) for p in words[w]]
        found.sort()
        starts: list[int] = []
        ends: list[int] = []
        texts: list[str] = []
        last = -1
        for pos, w in found:
            if pos < last:
                continue  # inside the phrase before (matches do not overlap)
            if w in single:  # the whole word is the phrase
                starts.append(pos)
                ends.append(pos + len(w))
                texts.append(w)
                last = pos + len(w)
                continue
            m = pat.match(ctx.text, pos)
            if m is not None:
                starts.append(m.start())
                ends.append(m.end())
                texts.append(m.group(0))
                last = m.end()
        got = ctx.phrases[name] = (starts, ends, texts)
    return got


def _last_in_sentence(ctx: _Ctx, name: str, s: int) -> Optional[str]:
    """The last phrase of index ``name`` that stands in the sentence before ``s``."""
    starts, ends, texts = _phrase_index(ctx, name)
    i = bisect_right(ends, s) - 1
    if i >= 0 and starts[i] >= _sentence_start(ctx.text, s):
        return texts[i]
    return None


def _context_tense(ctx: _Ctx, s: int) -> Optional[str]:
    last = _last_in_sentence(ctx, "tense", s)
    return ctx.r.tense_of.get(_key(last)) if last is not None else None


def _habitual(ctx: _Ctx, s: int) -> bool:
    """The sentence before ``s`` describes a habit (setiap, biasanya, rutin ...)."""
    return _last_in_sentence(ctx, "habitual", s) is not None


def _start(ctx: _Ctx, m: _M, bare: bool) -> tuple[int, int, Optional[CueRow]]:
    """(span start, core start, cue row): the cue is in the span for its role and form."""
    word = m.group("cue")
    if word is None or (row := ctx.r.cues.get(_key(word))) is None:
        s = m.start()
        return s, s, None
    core = m.end("cue")
    text = ctx.text
    while core < len(text) and text[core].isspace():
        core += 1
    keep = row.role in (_SPAN_BARE if bare else _SPAN_ALWAYS)
    return (m.start() if keep else core), core, row


def _tense_for(ctx: _Ctx, cue: Optional[CueRow], sh: Optional[str], s: int) -> Optional[str]:
    if sh:
        row = ctx.r.shifts.get(_key(sh))
        if row is not None and row.direction != 0:
            return "past" if row.direction < 0 else "future"
    if cue is not None and cue.role in _CUE_TENSE:
        return _CUE_TENSE[cue.role]
    return _context_tense(ctx, s)


def _is_upper(word: str) -> bool:
    return bool(word) and word[0].isupper()


def _prev_word(text: str, s: int) -> tuple[str, bool]:
    """The word before ``s`` and whether ``s`` starts a sentence."""
    word, start = _prev_word_at(text, s)
    return word, start < 0


def _prev_word_at(text: str, s: int) -> tuple[str, int]:
    """The word before ``s`` and where it starts (-1 when ``s`` starts a sentence): what
    :func:`_prev_word_at_plain` reads char by char, read here from a window of 48
    characters with C string methods (the plain reading when the window is too short)."""
    lo = s - 48 if s > 48 else 0
    head = text[lo:s].rstrip(" \t")
    if not head:
        return _prev_word_at_plain(text, s) if lo else ("", -1)
    ch = head[-1]
    if ch in '\n.!?"(:;':
        return "", -1
    j = lo + len(head)
    if ch.isspace():
        return "", j  # \r, \x0c ...: an empty word
    parts = head.rsplit(None, 1)  # splits where str.isspace does
    if len(parts) == 1 and lo:
        return _prev_word_at_plain(text, s)  # the word may begin before the window
    word = parts[-1]
    return word, j - len(word)


def _prev_word_at_plain(text: str, s: int) -> tuple[str, int]:
    """The plain definition of :func:`_prev_word_at`: back over spaces and tabs, then back
    over the word to the space before it."""
    j = s
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    if j == 0 or text[j - 1] in '\n.!?"(:;':
        return "", -1
    k = j
    while k > 0 and not text[k - 1].isspace():
        k -= 1
    return text[k:j], k


def _next_word(text: str, e: int) -> str:
    m = _NEXT_WORD.match(text, e, min(len(text), e + 40))
    return m.group(1) if m else ""


def _bad(ctx: _Ctx, s: int, e: int) -> None:
    """An impossible date: a warning, no record, and the numbers kept from quantities."""
    ctx.warnings[errors.W_BAD_DATE.format(text=" ".join(ctx.text[s:e].split()))] = None
    ctx.doc.claim("notquantity", s, e)
    ctx.block(s, e)


def _need_ref(ctx: _Ctx, c: _Cand, m: Optional[int] = None, d: Optional[int] = None) -> _Cand:
    """No reference: the value stays null (W005 is given if the record survives).

    ``m``/``d`` keep what the text states, so that a year written next to the
    date can still complete it (``Januari-Februari 2019``).
    """
    c.unresolved = True
    c.m, c.d = m, d
    return c


# ---------------------------------------------------------------- handlers


def _h_text(ctx: _Ctx, m: _M) -> Optional[_Cand]:
    cal, text = ctx.r.cal, ctx.text
    mon = cal.months.get(_key(m.text("mon")).rstrip("."))
    if mon is None:
        return None
    has_year = m.group("y") is not None
    bare = not has_year
    s, core, cue = _start(ctx, m, bare)
    prev, _ = _prev_word(text, core)
    if prev.rstrip(".") in ctx.r.name_prefixes:
        ctx.block(core, m.end())
        return None  # Jalan 17 Agustus: a name, and so is its month
    d1 = m.num("d")
    d2 = m.num("d2") if m.group("d2") else None
    e = m.end()
    if not has_year and text[e - 1] == ".":
        e -= 1  # "... 6 Oktober." ends a sentence: the dot is not an abbreviation's
    if m.group("list") is not None or (d2 is not None and _key(m.group("rc") or "") in ("dan", "atau", "serta")):
        d2, e = None, m.end("d")  # "17 dan 18 April 2019": this is 17; 18 April is read on its own
    wd = cal.weekdays.get(_key(m.text("wd"))) if m.group("wd") else None
    rule = "dates.day_month_year" if has_year else "dates.day_month"
    c = _Cand(s, e, rule, "absolute" if has_year else "partial", "day", core_s=core)
    ysh = ctx.r.shifts.get(_key(m.group("ysh") or ""))
    if has_year:
        y = m.num("y")
    elif ysh is not None:  # 17 Agustus tahun lalu
        if ctx.ref is None:
            return _need_ref(ctx, c)
        y, c.kind = ctx.ref.year + ysh.direction, "relative"
    else:
        if ctx.ref is None:
            return _need_ref(ctx, c, mon, d1) if d2 is None and not m.group("sh") else _need_ref(ctx, c)
        y0 = _infer_year(ctx.ref, mon, d1, _tense_for(ctx, cue, m.group("sh"), s), wd if d2 is None else None)
        if y0 is None:
            _bad(ctx, m.start("d"), m.end())
            return None
        y = y0
        c.year_inferred = True
        if m.group("sh"):
            c.kind = "relative"
    try:
        date(y, mon, d1)
        if d2 is not None:
            date(y, mon, d2)
    except ValueError:
        _bad(ctx, m.start("d"), m.end())
        return None
    c.y, c.m, c.d = y, mon, d1
    if d2 is not None:
        if d2 <= d1:
            return None
        c.end = _Cand(s, e, rule, c.kind, "day", y, mon, d2)
        c.rule = "dates.day_range"
    return c


def _h_num(ctx: _Ctx, m: _M) -> Optional[_Cand]:
    ys = m.text("y")
    if m.group("sep") == "." and len(ys) != 4:
        return None  # 1.2.16 is a version number, not a date
    y = int(ys) if len(ys) == 4 else 2000 + int(ys)
    d, mo = m.num("d"), m.num("m")
    e = m.end()
    if m.group("open") is not None:
        close = _CLOSE.match(ctx.text[e:e + 4])
        if close is None:
            m = _M(m.core, None, m.cidx)  # "(18/4/2016" without its bracket: the number alone
        else:
            e += close.end()
    s, core, _ = _start(ctx, m, False)
    try:
        date(y, mo, d)
    except ValueError:
        _bad(ctx, m.start("d"), m.end())
        return None
    return _Cand(s, e, "dates.numeric", "absolute", "day", y, mo, d, core_s=core)


def _h_paren(ctx: _Ctx, m: _M) -> Optional[_Cand]:
    cal = ctx.r.cal
    anchor = m.group("anchor") or m.group("anchor2")
    if anchor is None and m.group("cue") is None:
        return None  # a bare (6/9) or 6/9 may be a fraction or a score
    anchor = anchor or ""
    d, mo = int(m.group("d") or 0), int(m.group("m") or 0)
    d2 = m.num("d2") if m.group("d2") else None
    wd = cal.weekdays.get(_key(anchor)) if d2 is None else None
    rd = ctx.r.relday.get(_key(anchor))
    s, core, _ = _start(ctx, m, False)
    c = _Cand(s, m.end(), "dates.day_month_bracket", "partial", "day", core_s=core)
    if ctx.ref is None:
        return _need_ref(ctx, c, mo, d) if d2 is None else _need_ref(ctx, c)
    if rd is not None:  # kemarin (16/1): the bracket is the date; the word says which year is near
        y = _infer_year(ctx.ref, mo, d, "past" if rd.offset < 0 else ("future" if rd.offset > 0 else None))
    else:
        y = _infer_year(ctx.ref, mo, d, None, wd)
    if y is None:
        _bad(ctx, m.start(), m.end())
        return None
    c.y, c.m, c.d, c.year_inferred = y, mo, d, True
    if d2 is not None:  # Sabtu-Minggu (1-2/9)
        try:
            date(y, mo, d2)
        except ValueError:
            _bad(ctx, m.start(), m.end())
            return None
        if d2 <= d:
            return None
        c.end = _Cand(s, m.end(), c.rule, c.kind, "day", y, mo, d2)
        c.rule = "dates.day_range_bracket"
    return c


def _h_tgl(ctx: _Ctx, m: _M) -> Optional[_Cand]:
    d, mo = int(m.group("d") or 0), int(m.group("m") or 0)
    c = _Cand(m.start(), m.end(), "dates.day_month_numeric", "partial", "day")
    if ctx.ref is None:
        return _need_ref(ctx, c)
    y = _infer_year(ctx.ref, mo, d, _context_tense(ctx, m.start()))
    if y is None:
        _bad(ctx, m.start(), m.end())
        return None
    c.y, c.m, c.d, c.year_inferred = y, mo, d, True
    return c


def _h_day_only(ctx: _Ctx, m: _M) -> Optional[_Cand]:
    """``tanggal 20 kemarin``: a day of the month next to the reference (this month or a neighbour)."""
    d = int(m.group("d") or 0)
    c = _Cand(m.start(), m.end(), "dates.day_of_month", "partial", "day")
    if ctx.ref is None:
        return _need_ref(ctx, c)
    tense = _tense_for(ctx, None, m.group("sh"), m.start())
    ref = ctx.ref
    cands = []
    for k in (-1, 0, 1):
        y, mo = _shift_months(ref.year, ref.month, k)
        try:
            dt = date(y, mo, d)
        except ValueError:
            continue
        cands.append(((dt - ref).days, dt))
    pool = cands
    if tense == "past":
        pool = [x for x in cands if x[0] <= 0] or cands
    elif tense == "future":
        pool = [x for x in cands if x[0] >= 0] or cands
    if not pool:
        return None
    dt = min(pool, key=lambda x: (abs(x[0]), x[0] > 0))[1]
    c.y, c.m, c.d, c.year_inferred = dt.year, dt.month, dt.day, True
    return c


def _h_iso(ctx: _Ctx, m: _M) -> Optional[_Cand]:
    y, mo, d = m.num("y"), m.num("m"), m.num("d")
    s, core, _ = _start(ctx, m, False)
    try:
        date(y, mo, d)
    except ValueError:
        _bad(ctx, m.start("y"), m.end())
        return None
    c = _Cand(s, m.end(), "dates.iso", "absolute", "day", y, mo, d, core_s=core)
    if m.group("hh") is not None:
        c.gran, c.hh, c.mi = "minute", m.num("hh"), m.num("mi")
        c.tz = _tz(ctx, m.group("off"))
    return c


def _h_month_year(ctx: _Ctx, m: _M) -> Optional[_Cand]:
    mon = ctx.r.cal.months.get(_key(m.text("mon")).rstrip("."))
    if mon is None:
        return None
    s, core, _ = _start(ctx, m, False)
    return _Cand(s, m.end(), "dates.month_year", "absolute", "month", m.num("y"), mon, core_s=core)


def _h_year_range(ctx: _Ctx, m: _M) -> Optional[_Cand]:
    y1, y2 = m.num("y1"), m.num("y2")
    rc = m.group("rc")
    if not (y1 < y2 <= y1 + 50) or (rc == "/" and y2 != y1 + 1):
        return None
    s, core, cue = _start(ctx, m, False)
    if cue is None and _COPYRIGHT.search(ctx.text, max(0, s - 40), s, False):
        return None
    c = _Cand(s, m.end(), "dates.year_range", "absolute", "year", y1, core_s=core)
    c.end = _Cand(s, m.end(), c.rule, "absolute", "year", y2)
    return c


def _h_year(ctx: _Ctx, m: _M) -> Optional[_Cand]:
    pt = m.group("per") or m.group("tahun")  # (read once: the same groups below)
    if not (m.group("cue") or pt):
        # a bare four-digit number (no cue: the span is the number): whether it is a year
        # mention is read only if _select would keep it (most stand inside a longer date)
        ys = m.start()
        c = _Cand(ys, m.end(), "dates.year", "absolute", "year", m.num("y"), core_s=ys)
        c.check = (_bare_year, m)
        return c
    text = ctx.text
    if ctx.r.count_noun.match(text, m.end("y")):
        return None  # pada 2019 TPS
    s, core, cue = _start(ctx, m, not pt)
    if cue is not None and cue.role == "event" and not pt:
        line = text[text.rfind("\n", 0, s) + 1:s].lstrip()
        if line[:1] in _LIST_MARKS:
            return None  # "- ... Pemilu 2019", "# Pemilu 2019": a related link or a tag
    return _Cand(s, m.end(), "dates.year", "absolute", "year", m.num("y"), core_s=core)


def _bare_year(ctx: _Ctx, c: _Cand, m: _M) -> bool:
    """Whether a bare year (see _h_year, its candidate ``c``) is a year mention: the rest of
    :func:`_h_year` for a year without a cue, read when _select would keep it."""
    text = ctx.text
    event = False
    ys = m.start()
    if _YEAR_BEFORE.search(text, max(0, ys - 16), ys):
        pass  # "pada 2017 dan 2018": the second year shares the first one's cue
    elif _event_near(ctx, ys) and ctx.r.event_before.match(text, max(0, ys - 120), ys, False):
        event = True  # Pemilu Legislatif 2014, Pemilu Presiden dan Wakil Presiden (Pilpres) 2009
    elif not _year_after_verb(ctx, m):
        return False  # a bare four-digit number is not a year mention
    if ctx.r.count_noun.match(text, m.end("y")):
        return False  # 2019 TPS
    if event:
        line = text[text.rfind("\n", 0, ys) + 1:ys].lstrip()
        if line[:1] in _LIST_MARKS:
            return False  # "- ... Pemilu 2019", "# Pemilu 2019": a related link or a tag
    return True


def _event_near(ctx: _Ctx, ys: int) -> bool:
    """An event word may stand in the window ``event_before`` reads (a substring test on
    ASCII text, before the reverse regex)."""
    words = ctx.r.event_words
    if ctx.adj is None or words is None:
        return True
    window = ctx.text[max(0, ys - 120):ys].lower()
    return any(w in window for w in words)


def _year_after_verb(ctx: _Ctx, m: _M) -> bool:
    """``lahir 1907``, ``didirikan 1997 dengan ...``: a year right after a verb of time, the
    sentence going on with punctuation or a function word (``dibangun 2000 rumah`` is a count)."""
    prev, _ = _prev_word(ctx.text, m.start())
    if _key(prev) not in ctx.r.year_verbs:
        return False
    nxt = _next_word(ctx.text, m.end("y"))
    return not nxt or _key(nxt) in ctx.r.year_follow


def _h_relative_day(ctx: _Ctx, m: _M) -> Optional[_Cand]:
    w = _key(m.text("w"))
    row = ctx.r.relday.get(w)
    if row is None:
        return None
    prev, _ = _prev_word(ctx.text, m.start())
    if w.startswith("esok") and _key(prev) == "hari":
        return None  # "hari esok": the future, not tomorrow
    p = prev.rstrip(",")
    if row.offset <= 0 and p and (p[-1] in ")" or p[-1].isdigit() or _key(p) in ctx.r.cal.months):
        return None  # "Minggu (17/3) kemarin", "Jumat (12/3/2010) siang ini": the date says it
    c = _Cand(m.start(), m.end(), f"dates.relative_day:{row.id}", "relative", "day", off=row.offset)
    if ctx.ref is None:
        return _need_ref(ctx, c)
    dt = ctx.ref + timedelta(days=row.offset)
    c.y, c.m, c.d = dt.year, dt.month, dt.day
    return c


def _h_unit_shift(ctx: _Ctx, m: _M) -> Optional[_Cand]:
    unit = ctx.r.units.get(_key(m.text("unit")))
    sh = ctx.r.shifts.get(_key(m.text("sh")))
    if unit is None or sh is None or unit == "day":
        return None
    word = m.text("unit")
    before, sent_start = _prev_word(ctx.text, m.start())
    if before.isdigit() or (k := _key(before)) in ctx.r.counts or k in _QUANTIFIERS:
        return None  # dalam tiga tahun mendatang: a duration
    if m.lead is not None:  # (without a lead the unit starts the match: the same word before)
        _, sent_start = _prev_word(ctx.text, m.start("unit"))
    if word.startswith("Minggu") and not sent_start and not m.group("per"):
        return None  # "Minggu lalu" mid-sentence is Sunday (weekday_shift)
    s, core, cue = _start(ctx, m, False)
    if cue is not None and cue.role == "asof" and not m.group("per") and sh.direction == 0:
        return None  # "10 juta penumpang per tahun ini ...": a rate, and "ini" points at a noun
    c = _Cand(s, m.end(), f"dates.unit_shift:{unit}", "relative", core_s=core)
    if unit == "week":
        return c  # a week has no ISO value at our granularities: value null
    if ctx.ref is None:
        c.gran = unit
        return _need_ref(ctx, c)
    if unit == "year":
        c.gran, c.y = "year", ctx.ref.year + sh.direction
    else:
        c.gran = "month"
        c.y, c.m = _shift_months(ctx.ref.year, ctx.ref.month, sh.direction)
    return c


def _h_period_unit(ctx: _Ctx, m: _M) -> Optional[_Cand]:
    unit = ctx.r.units.get(_key(m.text("unit")))
    if unit not in ("year", "month"):
        return None  # akhir pekan: a weekend, no value
    s, core, _ = _start(ctx, m, False)
    c = _Cand(s, m.end(), f"dates.period_unit:{unit}", "relative", unit, core_s=core)
    if ctx.ref is None:
        return _need_ref(ctx, c)
    c.y = ctx.ref.year
    if unit == "month":
        c.m = ctx.ref.month
    return c


def _h_period_alone(ctx: _Ctx, m: _M) -> Optional[_Cand]:
    """``triwulan IV``: the year whose quarter lies nearest the reference."""
    row = ctx.r.periods.get(_key(m.group("per") or ""))
    if row is None or len(row.months) != 2:
        return None
    s, core, _ = _start(ctx, m, False)
    c = _Cand(s, m.end(), "dates.year_part", "relative", "year", core_s=core)
    if ctx.ref is None:
        return _need_ref(ctx, c)
    first, last = row.months
    here = ctx.ref.year * 12 + ctx.ref.month

    def distance(y: int) -> int:
        lo, hi = y * 12 + first, y * 12 + last
        return 0 if lo <= here <= hi else (lo - here if here < lo else here - hi)

    c.y = min((ctx.ref.year - 1, ctx.ref.year, ctx.ref.year + 1), key=lambda y: (distance(y), y))
    return c


def _count(ctx: _Ctx, word: str) -> Optional[int]:
    if word.isdigit():
        return int(word)
    return ctx.r.counts.get(_key(word))


def _h_count_shift(ctx: _Ctx, m: _M) -> Optional[_Cand]:
    n: Optional[int]
    if m.group("one"):
        n, unit = 1, ctx.r.one.get(_key(m.text("one")))
    else:
        n, unit = _count(ctx, m.text("n")), ctx.r.units.get(_key(m.text("unit")))
    sh = ctx.r.shifts.get(_key(m.text("sh")))
    if not n or unit is None or sh is None or sh.direction == 0:
        return None
    s, core, _ = _start(ctx, m, False)
    c = _Cand(s, m.end(), f"dates.count_shift:{unit}", "relative", None if unit == "week" else unit,
              core_s=core)
    if unit == "week":
        return c  # dua pekan lalu: a week is not a granularity of ours, so no value
    if ctx.ref is None:
        return _need_ref(ctx, c)
    k = n * sh.direction
    if unit == "day":
        dt = ctx.ref + timedelta(days=k)
        c.y, c.m, c.d = dt.year, dt.month, dt.day
    elif unit == "month":
        c.y, c.m = _shift_months(ctx.ref.year, ctx.ref.month, k)
    else:
        c.y = ctx.ref.year + k
    return c


def _weekday_near(ref: date, wd: int, how: str) -> date:
    """The weekday ``wd`` relative to ``ref``: on_or_before, before, after, this_week."""
    if how == "this_week":
        return ref + timedelta(days=wd - ref.weekday())
    if how == "after":
        return ref + timedelta(days=(wd - ref.weekday() - 1) % 7 + 1)
    back = (ref.weekday() - wd) % 7
    if how == "before" and back == 0:
        back = 7
    return ref - timedelta(days=back)


def _h_weekday_shift(ctx: _Ctx, m: _M) -> Optional[_Cand]:
    word = m.text("wd")
    wd = ctx.r.cal.weekdays.get(_key(word))
    sh = ctx.r.shifts.get(_key(m.text("sh")))
    if wd is None or sh is None:
        return None
    _, sent_start = _prev_word(ctx.text, m.start("wd"))
    if _key(word) == "minggu" and (not _is_upper(word) or (sent_start and not m.group("unit"))):
        return None  # "minggu lalu" is last week
    s, core, _ = _start(ctx, m, False)
    c = _Cand(s, m.end(), "dates.weekday_shift", "relative", "day", core_s=core)
    if ctx.ref is None:
        return _need_ref(ctx, c)
    if m.group("unit"):  # Jumat pekan lalu: that weekday in the week before / after
        base = ctx.ref + timedelta(days=7 * sh.direction)
        dt = _weekday_near(base, wd, "this_week")
    elif sh.direction < 0:
        dt = _weekday_near(ctx.ref, wd, "before")
    elif sh.direction > 0:
        dt = _weekday_near(ctx.ref, wd, "after")
    else:
        dt = _weekday_near(ctx.ref, wd, "this_week")
    c.y, c.m, c.d = dt.year, dt.month, dt.day
    return c


def _anchored_weekday(ctx: _Ctx, m: _M, s: int, rule: str, use_tense: bool) -> Optional[_Cand]:
    word = m.text("wd")
    wd = ctx.r.cal.weekdays.get(_key(word))
    if wd is None or (_key(word) == "minggu" and not _is_upper(word)):
        return None
    text = ctx.text
    if _DATE_FOLLOWS.match(text, m.end(), min(len(text), m.end() + 6)):
        return None  # a date follows: the bracket rule reads it
    if ctx.r.weekday_pair.match(text, m.end()):
        return None  # Sabtu dan Minggu, Senin sampai Jumat: days of a schedule
    prev, _ = _prev_word(text, m.start("wd"))
    if _key(prev) in ctx.r.weekday_prefixes:
        return None  # salat Jumat
    if _habitual(ctx, m.start()):
        return None  # setiap/biasanya ...: a habit, not a date
    c = _Cand(s, m.end(), rule, "relative", "day", core_s=m.start("wd"), wd=wd)
    if ctx.ref is None:
        return _need_ref(ctx, c)
    future = use_tense and _context_tense(ctx, m.start()) == "future"
    how = "after" if future else "on_or_before"
    dt = _weekday_near(ctx.ref, wd, how)
    c.y, c.m, c.d = dt.year, dt.month, dt.day
    return c


def _h_weekday_part(ctx: _Ctx, m: _M) -> Optional[_Cand]:
    """``Kamis pagi``: a weekday with a part of the day is a day, not a name."""
    c = _anchored_weekday(ctx, m, m.start(), "dates.weekday_part", True)
    return c


def _h_weekday_cue(ctx: _Ctx, m: _M) -> Optional[_Cand]:
    return _anchored_weekday(ctx, m, m.start(), "dates.weekday_cue", True)


def _h_weekday_comma(ctx: _Ctx, m: _M) -> Optional[_Cand]:
    text = ctx.text
    # "Sabtu, Minggu": a list of days; "di Semarang, Senin": a dateline-style date
    j = text.rfind(",", 0, m.start())
    prev, _ = _prev_word(text, j) if j >= 0 else ("", True)
    if ctx.r.cal.weekdays.get(_key(prev.strip(",."))) is not None:
        return None
    return _anchored_weekday(ctx, m, m.start("wd"), "dates.weekday_comma", False)


def _named_as_habit(ctx: _Ctx, m: _M) -> bool:
    """The paragraph already named this weekday as a recurrence (``setiap Sabtu``): named
    again bare (``petugas yang masuk di hari Sabtu``), it is that habit, not a date."""
    text, s = ctx.text, m.start()
    lo = max(text.rfind("\n", 0, s) + 1, s - 400)
    starts = _phrase_index(ctx, "habitual")[0]  # setiap, tiap, saban ... (and habit adverbs)
    wd = None
    for i in range(bisect_left(starts, lo), bisect_left(starts, s)):
        r = ctx.r.recurring_weekday.match(text, starts[i])
        if r is not None:
            if wd is None:
                wd = ctx.r.cal.weekdays.get(_key(m.text("wd")))
            if ctx.r.cal.weekdays.get(_key(r.group("wd"))) == wd:
                return True
    return False


def _h_weekday_hari(ctx: _Ctx, m: _M) -> Optional[_Cand]:
    """``Polisi hari Jumat menangkap ...``: ``hari`` before a weekday names a day."""
    if _named_as_habit(ctx, m):
        return None
    return _anchored_weekday(ctx, m, m.start(), "dates.weekday_hari", True)


def _h_weekday_wire(ctx: _Ctx, m: _M) -> Optional[_Cand]:
    """A bare capitalised weekday in news wire style (see ``anchors`` in dates.toml).

    Anchored by a speech or report verb right before or after it (``mengatakan Senin
    bahwa``, ``Selasa mengatakan``) or by a comma after it at the start of a sentence
    (``Senin, polisi ...``), unless the paragraph named the day as a recurrence. A
    weekday that only ends a sentence stays a schedule (``layanan dibuka Sabtu.``).
    """
    text, r = ctx.text, ctx.r
    s, e = m.start("wd"), m.end("wd")
    prev, at = _prev_word_at(text, s)
    if _key(prev) in r.weekday_verbs or _key(_next_word(text, e)) in r.weekday_verbs:
        rule, use_tense = "dates.weekday_verb", False
    elif at < 0 and text[e:e + 3].lstrip(" \t")[:1] == ",":
        rule, use_tense = "dates.weekday_initial", True
    else:
        return None
    if _named_as_habit(ctx, m):
        return None
    return _anchored_weekday(ctx, m, s, rule, use_tense)


def _h_month_shift(ctx: _Ctx, m: _M) -> Optional[_Cand]:
    mon = ctx.r.cal.months.get(_key(m.text("mon")))
    ysh = ctx.r.shifts.get(_key(m.group("ysh") or ""))
    sh = ctx.r.shifts.get(_key(m.group("sh") or ""))
    if mon is None or (sh is None and ysh is None):
        return None
    if not (_is_upper(m.text("mon")) or m.group("bulan")):
        return None  # "mei lalu" in lower case is no month name
    s, core, _ = _start(ctx, m, False)
    c = _Cand(s, m.end(), "dates.month_shift", "relative", "month", core_s=core)
    if ctx.ref is None:
        return _need_ref(ctx, c)
    if ysh is not None:  # Desember tahun lalu
        c.y, c.m = ctx.ref.year + ysh.direction, mon
        return c
    if sh is None:
        return None
    if sh.direction == 0:
        y: Optional[int] = ctx.ref.year
    else:
        y = _infer_year(ctx.ref, mon, None, "past" if sh.direction < 0 else "future")
    c.y, c.m, c.year_inferred = y, mon, True
    return c


def _h_month(ctx: _Ctx, m: _M) -> Optional[_Cand]:
    word = m.text("mon")
    mon = ctx.r.cal.months.get(_key(word))
    if mon is None:
        return None
    pb = m.group("per") or m.group("bulan")  # (read once: the same groups below)
    licensed = bool(m.group("cue") or pb)
    if not _is_upper(word) and not licensed:
        return None
    if not licensed:
        # a capitalised month without a cue (its span is the word): whether it is a name
        # is read only if _select would keep it (most stand inside a longer date)
        ms = m.start()
        c = _Cand(ms, m.end(), "dates.month", "partial", "month", core_s=ms)
        c.later = (_month_value, mon, None)
        c.check = (_bare_month, m)
        return c
    s, core, cue = _start(ctx, m, not pb)
    c = _Cand(s, m.end(), "dates.month", "partial", "month", core_s=core)
    # a month inside a longer date (April 2016, 19 April 2016) is dropped by _select: its
    # habit and tense are read only if it is kept
    c.later = (_month_value, mon, cue)
    return c


def _bare_month(ctx: _Ctx, c: _Cand, m: _M) -> bool:
    """Whether a capitalised month without a cue (see _h_month, its candidate ``c``) is a
    month and not a name, read when _select would keep it."""
    text = ctx.text
    prev, at = _prev_word_at(text, m.start("mon"))
    p = _key(prev).strip(",.")
    if at >= 0 and _is_upper(prev) and p not in ctx.r.cue_words:
        return False  # Dewi Juni, Universitas Sebelas Maret
    nxt = _next_word(text, m.end())
    if nxt and _is_upper(nxt) and _key(nxt) not in ctx.r.cue_words and not nxt[0].isdigit():
        return False  # Juni Rahayu
    if prev.rstrip(".") in ctx.r.name_prefixes or p in ctx.r.name_verbs:
        return False  # Jalan ..., "kata Mei": a name
    return True


def _month_value(ctx: _Ctx, c: _Cand, mon: int, cue: Optional[CueRow]) -> None:
    """The value of a month that _select kept (see _h_month), its rule and kind too."""
    if (cue is None or cue.role in ("at", "in")) and _last_in_sentence(ctx, "habit", c.s) is not None:
        # "selalu digelar bulan Oktober", "biasanya pada Desember": every year, no value
        # ("tiap akhir pekan hingga Maret": a bound, not the habit)
        c.rule, c.kind, c.gran = "dates.recurring_month", "recurring", None
        return
    if ctx.ref is None:
        _need_ref(ctx, c, mon)
        return
    c.y = _infer_year(ctx.ref, mon, None, _tense_for(ctx, cue, None, c.core_s))
    c.m, c.year_inferred = mon, True


def _h_recurring(ctx: _Ctx, m: _M) -> Optional[_Cand]:
    c = _Cand(m.start(), m.end(), "dates.recurring", "recurring")
    # "tiap dua bulan" holds a counted duration: leave its number to quantities
    whole = m.text(0)
    c.claim = not (_ASCII_DIGIT.search(whole) if whole.isascii() else any(ch.isdigit() for ch in whole)) and not any(
        _key(w) in ctx.r.counts for w in whole.split()[1:2])
    return c


def _h_frequency(ctx: _Ctx, m: _M) -> Optional[_Cand]:
    return _Cand(m.start(), m.end(), "dates.frequency", "recurring")


def _h_count_frequency(ctx: _Ctx, m: _M) -> Optional[_Cand]:
    c = _Cand(m.start(), m.end(), "dates.frequency", "recurring")
    c.claim = False  # "lima tahun" inside it is a duration for the quantities stage to judge
    return c


def _h_vague(ctx: _Ctx, m: _M) -> Optional[_Cand]:
    prev, _ = _prev_word(ctx.text, m.start())
    if _key(prev) in ctx.r.units:
        return None  # "dalam dua tahun belakangan ini": a duration, not a vague date
    return _Cand(m.start(), m.end(), "dates.vague", "vague")


# ---------------------------------------------------------------- pre-checks (see _Pre)


def _pre_month_year(ctx: _Ctx, pos: int, w: Optional[tuple[int, str, str, str]]) -> bool:
    """``Desember 2015``: a year follows the month word (after a dot, a comma, spaces)."""
    if w is None:
        return True
    return _YEAR_NEXT.match(ctx.text, w[0]) is not None


# after a month word: a dot, spaces, a comma and spaces, each optional, then a year's first
# digit (\s of stdlib re on a str is str.isspace; the tests compare it with a loop over the
# characters)
_YEAR_NEXT: Final = re.compile(r"\.?\s*(?:,\s*)?[12]")


def _pre_weekday_comma(ctx: _Ctx, pos: int, w: Optional[tuple[int, str, str, str]]) -> bool:
    """``di Semarang, Senin``: a comma (or ``hari``) stands right before the weekday."""
    if w is None:
        return True
    return w[1] == "hari" or ctx.text[max(0, pos - 4):pos].rstrip().endswith(",")


def _pre_weekday_wire(ctx: _Ctx, pos: int, w: Optional[tuple[int, str, str, str]]) -> bool:
    """The first test of ``_h_weekday_wire`` on the scan's tokens: a speech verb before or
    after, or a comma after (or a weekday form that goes on past the token: Jum'at)."""
    if w is None:
        return True
    r = ctx.r
    return (w[1] in r.weekday_verbs or w[2] in r.weekday_verbs or w[2] in r.weekday_inner
            or "," in ctx.text[w[0]:w[0] + 3])


# After a day number, up to the month: digits, spaces, commas, dashes, dots, slashes and the
# list and range words (whole words); the letters that follow must begin a month form.
_TEXT_NEXT: Final = re.compile(
    r"[0-9,./\s\x1c-\x1f-]*(?:(?:dan|atau|serta|hingga|sampai|dengan|sd|s|d)(?![A-Za-z])[0-9,./\s\x1c-\x1f-]*)*"
    r"([A-Za-z]*)", re.I)


def _pre_text(ctx: _Ctx, pos: int, w: Optional[tuple[int, str, str, str]]) -> bool:
    """``19 April 2016``, ``1-3 Maret``, ``16, 17, dan 18 Maret``: the first word after the
    day number that is not a list or range word is a month."""
    if w is not None:
        return True
    m = _TEXT_NEXT.match(ctx.text, pos)
    return m is not None and m.group(1).lower() in ctx.r.month_runs


def _pre_count_shift(ctx: _Ctx, pos: int, w: Optional[tuple[int, str, str, str]]) -> bool:
    """``3 hari lalu``: the word after the unit (known from the word scan) is a shift word."""
    if w is not None:
        return True
    u = ctx.adj.get(ctx.count_unit.get(pos, -1)) if ctx.adj is not None else None
    return u is None or u[2] in ctx.r.count_shift_words


def _pre_count_frequency(ctx: _Ctx, pos: int, w: Optional[tuple[int, str, str, str]]) -> bool:
    """``dua tahun sekali``: ``sekali`` follows the unit."""
    if w is not None:
        return True
    u = ctx.adj.get(ctx.count_unit.get(pos, -1)) if ctx.adj is not None else None
    return u is None or u[2] == "sekali"


_HANDLERS: Final[dict[str, Callable[[_Ctx, _M], Optional[_Cand]]]] = {
    "text": _h_text,
    "num": _h_num,
    "paren": _h_paren,
    "wd_dm": _h_paren,
    "weekday_part": _h_weekday_part,
    "tgl": _h_tgl,
    "day_only": _h_day_only,
    "iso": _h_iso,
    "month_year": _h_month_year,
    "year_range": _h_year_range,
    "year": _h_year,
    "relative_day": _h_relative_day,
    "unit_shift": _h_unit_shift,
    "period_unit": _h_period_unit,
    "period_alone": _h_period_alone,
    "count_shift": _h_count_shift,
    "weekday_shift": _h_weekday_shift,
    "weekday_cue": _h_weekday_cue,
    "weekday_comma": _h_weekday_comma,
    "weekday_hari": _h_weekday_hari,
    "weekday_wire": _h_weekday_wire,
    "month_shift": _h_month_shift,
    "month": _h_month,
    "recurring": _h_recurring,
    "frequency": _h_frequency,
    "count_frequency": _h_count_frequency,
    "vague": _h_vague,
}


# ---------------------------------------------------------------- clocks


@dataclass(slots=True)
class _Clock:
    s: int
    e: int
    hh: int
    mi: int
    tz: Optional[tzinfo]
    strong: bool  # pukul/jam or a time zone: certainly a clock time
    end: Optional[tuple[int, int]] = None


def _tz(ctx: _Ctx, word: Optional[str]) -> Optional[tzinfo]:
    if word:
        w = word.strip()
        if w == "Z":
            return timezone.utc
        z = ctx.r.cal.zones.get(w.casefold())
        if z is not None:
            return z
        mm = _OFFSET.fullmatch(w)
        if mm:
            sign = -1 if mm.group(1) == "-" else 1
            return timezone(sign * timedelta(hours=int(mm.group(2)), minutes=int(mm.group(3))))
    return ctx.ref_tz


def _day_part(h: int, part: Optional[str]) -> int:
    p = _key(part or "")
    if p == "siang" and h < 11:
        return h + 12
    if p in ("sore", "petang") and h < 12:
        return h + 12
    if p == "malam" and 5 <= h < 12:
        return h + 12
    if p == "pagi" and h == 12:
        return 0
    return h


_LOW: Final[dict[bytes, tuple[bytes, str]]] = {}


def _low(token: bytes) -> tuple[bytes, str]:
    """A token's lower case as bytes and as str, memoised (a pure function of a short token;
    the table is emptied when it grows large): the word scan hashed the token already, so a
    look-up costs less than two method calls."""
    if len(_LOW) > 20000:
        _LOW.clear()
    b = token.lower()
    got = _LOW[token] = (b, b.decode())
    return got


def _word_positions(
    text: str, r: _Rx, parts: list[list[int]]
) -> tuple[dict[str, list[int]], Optional[dict[int, tuple[int, str, str, str]]]]:
    """Where the vocabulary words stand as whole words: each place is appended, in text
    order, to ``parts[i]`` for each slot ``i`` of its word (``r.slot_words``; on ASCII text
    only where the next token may follow the word in the slot's pattern, so that a pattern
    is not tried where its follow map rules it out). Returned: the first word of a
    tense or habit phrase (casefolded) → its places, in order (what ``_phrase_index``
    reads); and on ASCII text, for each place of a word that starts a pattern or is a
    calendar unit, (end, previous token, next token, token), casefolded (a tense or habit
    word alone is never asked for its neighbours).

    The words of the text are listed in C (on ASCII text every non-letter becomes a
    space and the text is split, several times faster than a regex); each one in the
    vocabulary is then found with ``str.find`` from where the previous one ended, so the
    text is scanned once whatever its length. On ASCII text the split text, with a space
    at each end, holds the word between two spaces exactly where it stands as a whole
    word: one ``find`` per word, no test of its neighbours; the found place is that token,
    so its neighbours in the token list are the words around it (see ``_follow``).
    """
    words: dict[str, list[int]] = {}
    cur = 0
    if text.isascii():
        # as bytes: translating, splitting and hashing the tokens cost less than as str
        spaced = text.encode().translate(_ASCII_NON_LETTERS_B)
        tokens = spaced.split()
        tokens.append(b"")  # after the last token and before the first (tokens[-1]): no word
        info = r.ascii_words
        bfind = (b" " + spaced + b" ").find  # index i there: a space, the word at text index i
        adj: dict[int, tuple[int, str, str, str]] = {}
        low = _LOW.get
        # the token indexes of vocabulary words, selected in C
        for t in compress(count(), map(r.ascii_vocab.__contains__, tokens)):
            key, probe, gap, route, anyway, near, unit, phrase = info[tokens[t]]
            i = bfind(probe, cur)
            if i == -1:
                continue
            if phrase:
                lst = words.get(key)
                if lst is None:
                    words[key] = [i]
                else:
                    lst.append(i)
            cur = i + gap  # the space after the word opens the next search
            if near:
                # a neighbour's lower case as bytes and str, memoised (see _low)
                tok = tokens[t + 1]  # (b"" after the last one: no key of route)
                nxt, nxt_s = low(tok) or _low(tok)
                sls = route.get(nxt, anyway)
                if sls or unit:
                    for sl in sls:
                        parts[sl].append(i)
                    tok = tokens[t - 1]  # (b"" before the first one)
                    prev = (low(tok) or _low(tok))[1]
                    adj[i] = (cur - 1, prev, nxt_s, key)
        return words, adj
    vocab = r.vocab_cased
    get = r.slot_words.get
    phrase_words = r.phrase_words
    find = text.find
    size = len(text)
    for w in _WORDS.findall(text):
        if w not in vocab:
            continue
        n = len(w)
        i = find(w, cur)
        # the next whole-word occurrence (the words come in order)
        while i != -1 and ((i > 0 and text[i - 1].isalpha()) or (i + n < size and text[i + n].isalpha())):
            i = find(w, i + 1)
        if i == -1:
            continue
        key = w.casefold()
        if key in phrase_words:
            lst = words.get(key)
            if lst is None:
                words[key] = [i]
            else:
                lst.append(i)
        for sl, _ in get(key, ()):
            parts[sl].append(i)
        cur = i + n
    return words, None


def _digit_positions(
    text: str, day_words: frozenset[str], unit_words: frozenset[str], count_unit: dict[int, int]
) -> dict[str, list[int]]:
    """Digit runs by the patterns that may start there (see ``_Trigger.digit``); for a count
    (``3 hari``), where its unit word starts goes to ``count_unit``."""
    year: list[int] = []
    iso: list[int] = []
    yrange: list[int] = []
    day: list[int] = []
    count: list[int] = []
    num: list[int] = []
    slash: list[int] = []
    clock: list[int] = []
    size = len(text)
    for m in (_DIGITS_ASCII if text.isascii() else _DIGITS).finditer(text, None, None, False, False):
        s0, e0 = m.span(1)
        n = e0 - s0
        if n == 4:
            if text[s0] in "12":
                year.append(s0)
                if e0 < size and text[e0] in "-/":
                    iso.append(s0)
                k = e0
                while k < size and text[k].isspace():
                    k += 1
                if k < size and text[k] in "-/hHsS\u017f":  # -, /, hingga, sampai, s.d., s/d (ſ folds to s)
                    yrange.append(s0)
        elif n <= 3 and e0 < size:
            word = m.group(2)
            if word:  # "17 Agustus", "3 hari"
                w = word.casefold()
                if n <= 2 and w in day_words:
                    day.append(s0)
                if w in unit_words:
                    count.append(s0)
                    count_unit[s0] = m.start(2)
                continue
            if n > 2 or e0 + 1 >= size:
                continue
            nxt, after = text[e0], text[e0 + 1]
            if nxt == "-" or nxt == "," or (nxt == " " and text[e0:e0 + 4].lstrip(" ")[:1] == ","):
                day.append(s0)  # 1-3 Maret · 16, 17, dan 18 Maret
            if after.isdecimal():
                if nxt in "/.-":
                    k = e0 + 2 if e0 + 2 < size and text[e0 + 2].isdecimal() else e0 + 1
                    if k + 1 < size and text[k + 1] == nxt:  # 18/4/ · 18.04.
                        num.append(s0)
                    if nxt == "/":
                        slash.append(s0)
                if nxt in ".:" and after in "012345":
                    clock.append(s0)
    return {"year": year, "iso": iso, "yrange": yrange, "day": day, "count": count, "num": num, "slash": slash,
            "clock": clock}


def _all_positions(
    r: _Rx, parts: list[list[int]], digits: dict[str, list[int]], parens: list[int]
) -> list[list[int]]:
    """For each slot (see ``_Rx.slot_words``), the sorted positions where its pattern may start:
    ``parts`` holds the word places (in text order, from the word scan); the digit runs and
    brackets are added here. Only a slot of words and digit runs needs a sort.
    """
    for ti, digit, paren in r.slot_mixed:
        if digit and not paren and not parts[ti]:
            parts[ti] = digits[digit]  # sorted already (one scan in text order)
        else:
            extra = (digits[digit] if digit else []) + (parens if paren else [])
            if extra:
                # one source alone is in text order already
                parts[ti] = extra if not parts[ti] and not (digit and paren) else sorted(parts[ti] + extra)
    return parts


def _clocks(ctx: _Ctx) -> list[_Clock]:
    out = []
    last_end = -1
    clock, twin, text = ctx.r.clock, ctx.r.clock_twin, ctx.text
    if ctx.adj is None:
        twin = None  # not ASCII text
    for pos in ctx.starts[ctx.r.clock_slot]:
        if pos < last_end:
            continue
        m = twin.match(text, pos) if twin is not None else clock.match(text, pos, None, False)
        if m is None:
            continue
        last_end = m.end()
        g = m.groupdict()  # one call: a group asked by name costs an exception inside regex
        if g["h"] is not None:
            h, mi = int(g["h"]), int(g["mi"] or 0)
            strong = (g["mi"] is not None or bool(g["tz"] or g["dp"])
                      or not (g["kw"] or "").casefold().startswith("jam"))
        else:
            h, mi = int(g["h2"]), int(g["mi2"])
            strong = bool(g["tz"]) or bool(g["dp"] and g["s2"] == ":")
        h = _day_part(h, g["dp"])
        end = None
        if g["eh"] is not None:
            end = (_day_part(int(g["eh"]), g["dp"]), int(g["emi"]))
        out.append(_Clock(m.start(), m.end(), h, mi, _tz(ctx, g["tz"]), strong, end))
    return out


_GAP_AFTER: Final = _tw(regex.compile(
    r"[\s,|-]*(?:(?:pagi|siang|sore|petang|malam|dini\s+hari)\s+)?(?:(?:sekitar|pada|mulai|hingga|sampai)\s+)?",
    regex.I))
_GAP_BEFORE: Final = _tw(regex.compile(r"\s*,?\s*(?:pada\s+)?(?:hari\s+)?", regex.I))


def _join_clocks(ctx: _Ctx, chosen: list[_Cand], clocks: list[_Clock]) -> None:
    """Join each clock time to the day next to it; a lone one takes the paragraph's last day."""
    text = ctx.text
    added: list[_Cand] = []
    starts = [c.s for c in chosen]
    for ck in clocks:
        i = bisect_right(starts, ck.s)
        before = chosen[i - 1] if i > 0 else None
        after = chosen[i] if i < len(chosen) else None
        if (before is not None and before.e > ck.s) or (after is not None and after.s < ck.e):
            continue  # part of a date already (an ISO datetime)
        host = None
        if before is not None and _can_take_clock(before):
            gap = text[before.e:ck.s]
            if len(gap) <= 24 and _GAP_AFTER.fullmatch(gap) and (ck.strong or not gap.strip(" ,|-")):
                host = before
        if host is None and after is not None and ck.strong and _can_take_clock(after):
            gap = text[ck.e:after.s]
            if len(gap) <= 10 and _GAP_BEFORE.fullmatch(gap):
                host = after
        if host is None:
            if ck.strong:
                ctx.doc.claim("notquantity", ck.s, ck.e)
                lone = _lone_clock(ctx, chosen, i, ck)
                if lone is not None:
                    added.append(lone)
            continue
        host.s, host.e = min(host.s, ck.s), max(host.e, ck.e)
        host.gran, host.hh, host.mi, host.tz = "minute", ck.hh, ck.mi, ck.tz
        host.rule += "+clock"
        if ck.end is not None and host.has_value:
            host.end = _Cand(host.s, host.e, host.rule, host.kind, "minute", host.y, host.m, host.d,
                             ck.end[0], ck.end[1], ck.tz)
    if added:
        chosen.extend(added)
        chosen.sort(key=lambda c: c.s)


def _can_take_clock(c: _Cand) -> bool:
    return c.gran == "day" and c.end is None and c.hh is None


def _lone_clock(ctx: _Ctx, chosen: list[_Cand], i: int, ck: _Clock) -> Optional[_Cand]:
    """``... mulai hari ini. Wawali meninjau pukul 10.00 WITA``: the time of the day last named.

    Only a single time (not a schedule such as 08.00-12.00) outside a habitual
    sentence, and only when a day without a time of its own was named shortly
    before in the same paragraph.
    """
    if ck.end is not None or _habitual(ctx, ck.s):
        return None
    para_start = max(ctx.text.rfind("\n", 0, ck.s) + 1, ck.s - 250)
    for c in reversed(chosen[max(0, i - 12):i]):
        if c.s < para_start or c.hh is not None:
            break  # too far, or that day already has its own time (a schedule, not this one)
        if c.gran == "day" and c.has_value and c.end is None:
            return _Cand(ck.s, ck.e, "dates.clock", c.kind, "minute", c.y, c.m, c.d, ck.hh, ck.mi, ck.tz)
    return None


# ---------------------------------------------------------------- anchors written nearby

_SENT_END: Final = re.compile(r"[.!?](?=\s)|\n")


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """The sentence around ``pos``: after the last ``. ``/``? ``/``! ``/newline before it, up to the
    next one (inclusive)."""
    # the three marks are looked for after the newline only (one before it loses to it)
    nl = text.rfind("\n", 0, pos)
    k = nl if nl > 0 else 0
    lo = max(text.rfind(". ", k, pos), text.rfind("? ", k, pos), text.rfind("! ", k, pos), nl) + 1
    return lo, _sentence_end(text, pos)


def _sentence_end(text: str, pos: int) -> int:
    """The end of :func:`_sentence_bounds` (the sentence around ``pos``), without its start."""
    m = _SENT_END.search(text, pos)
    return m.end() if m else len(text)


def _explicit_day(c: _Cand) -> bool:
    """A date the text states in full (day, month and year written): an event day."""
    # c.has_value inlined (the granularity is set)
    return c.kind == "absolute" and c.gran in ("day", "minute") and c.y is not None and not c.unresolved \
        and not c.year_inferred and c.end is None


def _in_quote(text: str, pos: int) -> Optional[int]:
    """Where the quotation holding ``pos`` closes (straight quotes, paragraph-local), else None."""
    lo = text.rfind("\n", 0, pos) + 1
    if text.count('"', lo, pos) % 2 == 0:
        return None
    close = text.find('"', pos)
    nl = text.find("\n", pos)
    return close if close != -1 and (nl == -1 or close < nl) else None


def _set_day(c: _Cand, dt: date) -> None:
    c.y, c.m, c.d = dt.year, dt.month, dt.day
    c.gran = "day"
    c.unresolved = False


def _anchor_nearby(ctx: _Ctx, chosen: list[_Cand]) -> None:
    """Anchors the text writes out beat the reference (docs/dates.md, "Anchors written nearby").

    - a bare weekday (``pada Jumat``) takes the date of the same weekday written in full in
      its paragraph or in the next sentence (``Jumat (24/1/2020)``);
    - a day and month without a year (``pertanggal 23 November``) takes the year of the same
      day and month written with a year in its paragraph (``23 November 2018``);
    - a relative day (``besok``, ``malam ini``) counts from an event day written in full
      earlier in its sentence, or in the attribution of the quotation it stands in.

    Without a reference the first two give a value where there was none; with one, the
    reference stays the anchor of a day and month (the same day of another year is often
    compared in the same paragraph).
    """
    # (_explicit_day inlined)
    full = [c for c in chosen if c.kind == "absolute" and c.gran in ("day", "minute") and c.y is not None
            and not c.unresolved and not c.year_inferred and c.end is None]
    if not full:
        return
    text = ctx.text
    for c in chosen:
        if c.wd is not None:
            lo = text.rfind("\n", 0, c.s) + 1
            e1 = _sentence_end(text, c.e)
            hi = _sentence_end(text, e1 + 1 if e1 < len(text) else e1)
            same = [f for f in full if lo <= f.s < hi and f is not c
                    and date(f.y or 0, f.m or 0, f.d or 0).weekday() == c.wd]
            if same:
                f = min(same, key=lambda f: abs(f.s - c.s))
                _set_day(c, date(f.y or 0, f.m or 0, f.d or 0))
                c.rule += "+anchor"
        elif c.kind == "partial" and c.gran == "day" and c.m is not None and c.d is not None \
                and c.unresolved and c.end is None:
            lo = text.rfind("\n", 0, c.s) + 1
            hi = text.find("\n", c.e)
            hi = len(text) if hi == -1 else hi
            same = [f for f in full if lo <= f.s < hi and f.m == c.m and f.d == c.d]
            if same:
                f = min(same, key=lambda f: abs(f.s - c.s))
                c.y, c.unresolved, c.year_inferred = f.y, False, True
                c.rule += "+year"
        elif c.off is not None:
            lo, _ = _sentence_bounds(text, c.s)
            before = [f for f in full if lo <= f.s and f.e <= c.s]
            if not before:
                close = _in_quote(text, c.s)
                if close is not None:
                    hi = _sentence_end(text, close + 1)
                    before = [f for f in full if close < f.s < hi]
            if before:
                f = before[-1] if before[-1].s < c.s else before[0]
                _set_day(c, date(f.y or 0, f.m or 0, f.d or 0) + timedelta(days=c.off))
                c.rule += "+anchor"


# ---------------------------------------------------------------- ranges and shared years


def _parts(c: _Cand) -> tuple[int, int, int]:
    return (c.y or 0, c.m or 0, c.d or 0)


def _may_join(a: _Cand, c: _Cand, yearless: bool) -> bool:
    """:func:`_may_join_plain` with the cheap tests first and ``has_value`` read inline (both
    granularities are set once they are equal and one of year, month, day)."""
    return (
        a.end is None and c.end is None and a.gran == c.gran and a.gran in ("year", "month", "day")
        and c.y is not None and not c.unresolved and (yearless or (a.y is not None and not a.unresolved))
        and a.kind not in ("recurring", "vague") and c.kind not in ("recurring", "vague")
    )


def _may_join_plain(a: _Cand, c: _Cand, yearless: bool) -> bool:
    """Two neighbour dates may form a range or a coordination (then the gap decides)."""
    return bool(
        (a.has_value or yearless) and c.has_value and a.end is None and c.end is None
        and a.gran == c.gran and a.gran in ("year", "month", "day")
        and a.kind not in ("recurring", "vague") and c.kind not in ("recurring", "vague")
    )


def _join_ranges(ctx: _Ctx, chosen: list[_Cand]) -> list[_Cand]:
    text = ctx.text
    out: list[_Cand] = []
    for c in chosen:
        if not out:
            out.append(c)
            continue
        a = out[-1]
        # a date without a year (resolved from the reference, or waiting for one)
        yearless = a.year_inferred or (a.unresolved and a.kind == "partial" and a.m is not None)
        ok = _may_join(a, c, yearless)
        if not ok and not (yearless and a.gran == "month"):
            out.append(c)  # neither joined nor given a year below: the gap is not read
            continue
        gap = text[a.e:c.core_s if c.core_s >= 0 else c.s]
        is_range = ok and ctx.r.range_gap.fullmatch(gap) is not None
        if (not ok and yearless and a.gran == "month" and a.end is None and c.gran in ("day", "minute")
                and c.has_value and not c.year_inferred and c.kind == "absolute"
                and ctx.r.range_gap.fullmatch(gap) is not None):
            # sejak Januari hingga 31 Desember 2018: the start takes the year of the end
            a.y = c.y if (a.m or 0) <= (c.m or 0) else (c.y or 0) - 1
            a.unresolved, a.year_inferred = False, True
            a.rule += "+year"
        # the gap casefolded is only needed (and only built: gaps may be long) between dates
        # that may be joined
        is_coord = ok and bool(gapc := _key(text[a.e:c.s])) and ctx.r.coord_gap.fullmatch(gapc) is not None
        if (is_range or is_coord) and yearless and not c.year_inferred and c.y is not None:
            # 28 Februari - 3 Maret 2019, antara 1 Januari dan 17 April 2019: no reference needed
            a.y = c.y if (a.m or 0, a.d or 0) <= (c.m or 0, c.d or 0) else c.y - 1
            a.unresolved, a.year_inferred = False, True
            a.rule += "+year"
        elif is_range and a.year_inferred and c.year_inferred and _parts(a) > _parts(c):
            # Januari hingga Juni: both without a year; the start is the one before the end
            a.y = c.y if (a.m or 0, a.d or 0) <= (c.m or 0, c.d or 0) else (c.y or 0) - 1
        if is_range and a.has_value and _parts(a) < _parts(c):
            a.end = c
            a.e = c.e
            a.rule += "+range"
            if c.kind == "relative" or a.kind == "relative":
                a.kind = "relative"
            elif c.kind == "partial" or a.kind == "partial":
                a.kind = "partial"
            continue
        out.append(c)
    return out


# ---------------------------------------------------------------- output


# (granularity, year, month, day) → the value :func:`_iso_plain` writes for them: the same few
# dates come back again and again, and a look-up costs a tenth of building the string
# (date(...).isoformat() and the format specs); emptied when it grows large
_ISO_MEMO: Final[dict[tuple[str, int, Optional[int], Optional[int]], Optional[str]]] = {}


def _iso(c: _Cand) -> Optional[str]:
    """:func:`_iso_plain`, memoised by (granularity, year, month, day) for the granularities
    that read no more than those (a pure function of them)."""
    gran = c.gran
    if gran is None or c.y is None or c.unresolved:  # (not c.has_value, inlined)
        return None
    if gran == "minute":
        return _iso_plain(c)
    key = (gran, c.y, c.m, c.d)
    got = _ISO_MEMO.get(key, _ISO_MISS)
    if got is _ISO_MISS:
        if len(_ISO_MEMO) > 20000:
            _ISO_MEMO.clear()
        got = _ISO_MEMO[key] = _iso_plain(c)
    return got  # type: ignore[return-value]


_ISO_MISS: Final = object()


def _iso_plain(c: _Cand) -> Optional[str]:
    if c.gran is None or c.y is None or c.unresolved:  # (not c.has_value, inlined)
        return None
    try:
        if c.gran == "year":
            return f"{c.y:04d}"
        if c.gran == "month":
            return f"{c.y:04d}-{c.m:02d}"
        if c.gran == "day":
            return date(c.y or 0, c.m or 0, c.d or 0).isoformat()
        if c.gran == "minute":
            return datetime(c.y or 0, c.m or 0, c.d or 0, c.hh or 0, c.mi or 0, tzinfo=c.tz).isoformat()
    except ValueError:
        return None
    return None


_DATE_FIELDS: Final = frozenset(DateMention.model_fields)
_GRANULARITIES: Final = frozenset({None, "year", "month", "day", "minute"})
_DATE_KINDS: Final = frozenset({"absolute", "partial", "relative", "recurring", "vague"})
_STR_OR_NONE: Final = frozenset({str, type(None)})


def _mention(span: Span, value: Optional[str], end: Optional[str], gran: Optional[str], kind: str,
             rule: str) -> DateMention:
    """A mention :class:`DateMention` equal to the validated one, built without validation.

    Validation costs a few µs per record; the fields are checked here with plain tests and
    the instance is filled as ``model_construct`` fills it (``__dict__`` in field order, every
    field set). ``tests/test_dates.py`` checks it equals the validated record.
    """
    if (type(value) not in _STR_OR_NONE or type(end) not in _STR_OR_NONE or gran not in _GRANULARITIES
            or kind not in _DATE_KINDS or type(span) is not Span or type(rule) is not str):
        raise ValueError(f"invalid date mention fields: {value!r} {end!r} {gran!r} {kind!r} {rule!r}")
    d = filled(DateMention, {"text": span.text, "value": value, "end": end, "granularity": gran, "kind": kind,
                         "role": "mention", "span": span, "rule": rule}, set(_DATE_FIELDS))
    return d


_CAND_START: Final = attrgetter("s")


def _select(cands: list[_Cand], size: int, ctx: Optional[_Ctx] = None) -> list[_Cand]:
    """Longest match first (cue words included); a candidate overlapping a taken one is dropped,
    and so is one whose ``check`` (read here, when it would be taken) says it does not stand:
    the same as leaving it out of ``cands`` (it takes no room when it is not kept)."""
    taken: list[_Cand] = []
    occupied = bytearray(size)
    # decorated with their keys (the index keeps the sort stable without comparing candidates)
    order = [(-(c.raw if c.raw > c.e - c.s else c.e - c.s), c.s - c.e, c.s, k, c) for k, c in enumerate(cands)]
    order.sort()
    for _, _, s, _, c in order:
        e = c.e
        if occupied.find(1, s, e) != -1:
            continue
        if c.check is not None:
            try:
                ok = c.check[0](ctx, c, *c.check[1:])
            except (ValueError, OverflowError):  # (as the handler's call in run)
                ok = False
            if not ok:
                continue
        occupied[s:e] = b"\x01" * (e - s)
        taken.append(c)
    return sorted(taken, key=_CAND_START)


_LETTERS: Final = "".join(chr(i) for i in range(128) if chr(i).isalpha())
# what stands between a lead's last word and the core: spaces (as \s and str.isspace see
# them), the dot of an abbreviation, a comma, an opening bracket
_LEAD_GAP: Final = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f.,("


def _lead_needed(text: str, cs: int, last: frozenset[str], bracket: bool) -> bool:
    """False when the lead read backwards from ``cs`` can only be empty (ASCII text).

    A lead that takes anything ends with a word of ``last`` and then spaces, dots,
    commas and brackets (``bracket``: or with a bare opening bracket). An empty lead hides no core group
    (checked when compiling), so not trying it is the same as trying it.
    """
    lo = cs - 60 if cs > 60 else 0
    head = text[lo:cs]
    words = head.rstrip(_LEAD_GAP)
    if bracket and "(" in head[len(words):]:
        return True
    if not words:
        return lo > 0
    if not words[-1].isalpha():
        return False  # the gap holds another character: the lead is empty
    stem = words.rstrip(_LETTERS)
    if not stem and lo > 0:
        return True  # the word may go on before the window: let the regex judge
    return words[len(stem):].lower() in last or (bracket and "(" in head[len(words):])


def _prefilter(
    ctx: _Ctx, adj: dict[int, tuple[int, str, str, str]], todo: list[int], follow: Optional[_Follow],
    pre: Optional[_Pre],
) -> list[int]:
    """The places of ``todo`` where a pattern may match, by its follow map (at words) and
    pre-check."""
    if pre is None and follow is not None:  # the follow map alone (most patterns)
        get, fget = adj.get, follow.get
        return [pos for pos in todo
                if (w := get(pos)) is None or (allowed := fget(w[3])) is None or w[2] in allowed]
    if follow is None and pre is not None:  # the pre-check alone (as run calls it)
        get = adj.get
        return [pos for pos in todo if pre(ctx, pos, get(pos))]
    out = []
    for pos in todo:
        w = adj.get(pos)
        if w is not None and follow is not None:
            allowed = follow.get(w[3])
            if allowed is not None and w[2] not in allowed:
                continue
        if pre is not None and not pre(ctx, pos, w):
            continue
        out.append(pos)
    return out


def run(doc: Document) -> None:
    """Find dates in ``doc.text`` and append them to ``doc.dates``."""
    text = doc.text
    if not text.strip():
        return
    r = rx(doc.lexicon)
    ref = doc.reference
    if ref is None and doc.meta.published:
        # meta's publication date, whatever line it was read from (a date line at the end
        # of the page too): the anchor of relative and partial dates
        try:
            ref = doc.reference = datetime.fromisoformat(doc.meta.published)
        except ValueError:
            ref = None
    ctx = _Ctx(doc, text, r, ref.date() if ref is not None else None,
               ref.tzinfo if ref is not None else None, blocked=bytearray(len(text)))

    parts: list[list[int]] = [[] for _ in range(r.n_slots)]
    words, adj = _word_positions(text, r, parts)
    ctx.words = words
    ctx.adj = adj
    digits = _digit_positions(text, r.day_words, r.unit_words, ctx.count_unit)
    parens = []  # "(" before a digit: "(18/4/2016)", "( 6/9 )"
    size = len(text)
    i = text.find("(")
    while i != -1:
        k = i + 1
        while k < size and text[k].isspace():
            k += 1
        if k < size and text[k].isdecimal():
            parens.append(i)
        i = text.find("(", i + 1)
    starts = ctx.starts = _all_positions(r, parts, digits, parens)
    blocked = ctx.blocked

    ascii = adj is not None
    for sl, ((_, pat, _), twin) in enumerate(zip(r.claims, r.claim_twins), len(r.patterns)):
        for pos in starts[sl]:
            m = twin.match(text, pos) if ascii and twin is not None else pat.match(text, pos, None, False)
            if m is not None and m.end() > m.start():
                ctx.block(m.start(), m.end())
                doc.claim("notquantity", m.start(), m.end())

    cands: list[_Cand] = []
    twins = r.core_twins
    leads: dict[tuple[int, int], Optional[regex.Match[str]]] = {}  # (lead pattern, core start) → its match
    # only the patterns with places (a non-empty list is true)
    for k, (_, pat, lead_rx, ti, cidx, lidx, handler, follow, pre, lead_last, lead_open) in compress(
            enumerate(r.patterns), starts):
        todo = starts[k]  # on ASCII text, the word scan applied the follow map already
        if adj is not None and pre is not None:
            todo = _prefilter(ctx, adj, todo, None, pre)
        twin = twins[k] if ascii else None
        if not ascii:
            lead_last = None  # not ASCII text: every lead is tried
        for pos in todo:
            core = twin.match(text, pos) if twin is not None else pat.match(text, pos, None, False)
            if core is None:
                continue
            cs, ce = core.span()
            lead = None
            if lead_rx is not None and (lead_last is None or _lead_needed(text, cs, lead_last, lead_open)):
                # month, month_year and month_shift read the same lead before the same word
                key = (id(lead_rx), cs)
                if key in leads:
                    lead = leads[key]
                else:
                    lead = leads[key] = lead_rx.match(text, cs - 60 if cs > 60 else 0, cs, False)
                if lead is not None:
                    cs = lead.start()
            if blocked.find(1, cs, ce) != -1:
                continue
            try:
                c = handler(ctx, _M(core, lead, cidx, lidx))
            except (ValueError, OverflowError):  # a reference at the edge of the calendar
                c = None
            if c is not None and c.e > c.s:
                if c.core_s < 0:
                    c.core_s = c.s
                c.raw = ce - cs
                cands.append(c)

    chosen = _select(cands, len(text), ctx)
    for c in chosen:
        if c.later is not None:
            c.later[0](ctx, c, *c.later[1:])
    _anchor_nearby(ctx, chosen)
    _join_clocks(ctx, chosen, _clocks(ctx))
    chosen = _join_ranges(ctx, chosen)

    pub = doc.publication.span if doc.publication is not None else None
    claims: list[tuple[int, int]] = []  # the "date" claims, made in one call after the loop
    for c in chosen:
        span = doc.span(c.s, c.e)
        if pub is not None and span.start < pub.end and pub.start < span.end:
            continue  # the publication line is meta's record
        value = _iso(c)
        if c.unresolved:
            ctx.warnings[errors.W_NO_REFERENCE] = None
        end = _iso(c.end) if c.end is not None and value is not None else None
        gran = c.gran if value is not None else None
        doc.dates.append(_mention(span, value, end, gran, c.kind, c.rule))
        if c.claim:
            claims.append((c.s, c.e))
    if claims:  # (as doc.claim for each in turn: nothing else is claimed in the loop)
        doc.claim_all("date", claims)
    seen = set(doc.warnings)
    for w in ctx.warnings:
        if w not in seen:
            doc.warnings.append(w)
            seen.add(w)


__all__ = ["run", "rx"]
