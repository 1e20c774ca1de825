"""Article metadata from the header forms of Indonesian news sites.

Reads the section line, the date line (``Selasa, 19 April 2016 - 13:50 WIB``,
``Kamis, 17 Januari 2019 | 09:15 WIB``, ``24/03/2019, 21:57 WIB``), the title,
bylines (``Redaksi Solopos.com / Imam Yuda Saputra | SOLOPOS.com``, ``Laporan
Wartawan Tribun Manado, Ryo Noor``, ``Penulis: ... | Editor: ...``), the
dateline (``Semarangpos.com, MAGELANG –``, ``Jakarta (ANTARA) -``,
``JAKARTA, KOMPAS.com -``) and cited sources (``dilansir dari laman berita
Antara``). Header lines and bylines are blanked in the working text so that
journalists never become officials. The publication date becomes the
reference date for relative dates.

Also read: byline labels on their own lines (``Reporter`` / name / ``Editor`` /
name), a date and a labelled byline on one line (``Sabtu, 3 Juni 2017 Reporter:
... Editor: ...``), ``Name - Site`` and ``Name, site`` bylines (the site is the
outlet, never an author), dashed dates (``10 - Feb - 2024, 11:35``), a
``Diposting :`` date over a site's "today" line, a date line with a time at
the end of the page when the header has none, ``JATIMTIMES -`` (a one-word site
name, not a place), ``PANDEGLANG, (KB).-`` (initials written in full elsewhere
in the text), ``Site | Place -``, ``Site Region -``, ``Place, Region (ANTARA) -``,
``Bogor:`` and a dateline after a photo caption run into the first paragraph,
a ``Copyright © OUTLET`` footer, a first line ``Place, Source``, and the title
without a ``| Site`` suffix. Without a dateline the body starts at the first
prose paragraph (sentences, mostly lower-case words) or the first long line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import compress
from datetime import date, datetime
from typing import Final, Iterator, Optional

import regex

from ..document import Document
from ..errors import W_ZONE
from ..lexicon import Lexicon, register_table
from ..fill import filled
from ..models import DateMention, Meta, Span
from ..twins import AnyMatch, Twin
from .calendar import calendar
from .meta_rows import (OutletRow as OutletRow, BylineLabelRow as BylineLabelRow,
                        CiteCueRow as CiteCueRow, MenuWordRow as MenuWordRow)


register_table("meta", "outlets", OutletRow)
register_table("meta", "byline_labels", BylineLabelRow)
register_table("meta", "cite_cues", CiteCueRow)
register_table("meta", "menu_words", MenuWordRow)

_DOMAIN: Final = r"[\p{L}\d][\p{L}\d-]*(?:\.[\p{L}\d-]+)*\.(?:com|co\.id|co|id|net|org|news|tv|or\.id|go\.id)\b"
_DASH: Final = r"\s*-{1,3}\s*"
_NAME_TOKEN: Final = r"(?:\p{Lu}[\p{L}'.-]*|bin|binti|van|de|al|el|dan)"

# Cheap screens before the costly case-insensitive patterns. They read a lower-cased
# copy of the text, which keeps every case-insensitive match of an ASCII literal in
# place unless the text has one of these (they match ASCII letters: İ ı ſ K).
_EXOTIC: Final = ("\u0130", "\u0131", "\u017f", "\u212a")
_TOKEN: Final = re.compile(r"[a-z0-9]+")
_ALNUM: Final = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
# every _DOMAIN match holds one of these (lower-cased) ...
_TLD_HINT: Final = re.compile(r"\.(?:co|id|net|org|news|tv|or|go)")
# ... at the end of a run of these and non-ASCII characters
_RUN: Final = frozenset("abcdefghijklmnopqrstuvwxyz0123456789.-")
_DOMAIN_SEP: Final = re.compile(r"[^a-z0-9]")  # in such a run: a dot, a dash or a non-ASCII character
_RUN_FROM: Final = re.compile(r"[a-z0-9.\-\x80-\U0010ffff]*")  # such a run: _RUN or non-ASCII characters


def _lowered(s: str, low: Optional[str] = None) -> Optional[str]:
    """``s.lower()`` with the same offsets, or None when a screen cannot trust it;
    ``low``: ``s.lower()`` when the caller has it."""
    if s.isascii():
        return s.lower() if low is None else low
    for ch in _EXOTIC:
        if ch in s:
            return None
    if low is None:
        low = s.lower()
    return low if len(low) == len(s) else None


def _tw(pat: regex.Pattern[str]) -> Twin:
    """``pat`` run as its stdlib twin on ASCII text (:class:`Twin`): about half the cost of
    a regex-module call. No twin for a case-insensitive pattern with a non-ASCII letter (ſ,
    K fold to ASCII letters); tests/test_meta.py compares each twin with its pattern."""
    t = Twin(pat)
    if pat.flags & regex.I and not pat.pattern.isascii():
        t.a = None
    return t


class _OutletRe:
    """The outlet pattern (a site domain or a known outlet form, case-insensitive) with
    the same ``search`` / ``fullmatch`` / ``sub`` results, screened in C first.

    A match is an outlet form, which starts at a word whose lower case is the first
    word of a form (``kompas``, ``antara``), or a domain, which ends in ``.com``,
    ``.id`` ... and starts at a word of the run of letters, digits, dots and dashes
    before that ending: the pattern is tried at those places only, leftmost first.
    """

    def __init__(self, pattern: regex.Pattern[str], forms: list[str]) -> None:
        self.pattern = pattern
        self.twin = _tw(pattern)  # what the methods below run
        firsts: Optional[set[str]] = set()
        for f in forms:
            m = _TOKEN.match(f.lower())
            if not f.isascii() or m is None:
                firsts = None  # a form this screen cannot read: always try the pattern
                break
            firsts.add(m.group(0))  # type: ignore[union-attr]
        self.firsts = frozenset(firsts) if firsts is not None else None
        self.forms = frozenset(f.lower() for f in forms)

    def screen(self, s: str) -> tuple[Optional[list[int]], bool]:
        """Where a match may start (ascending; None: anywhere) and whether it may be a domain."""
        if self.firsts is None:
            return None, True
        low = _lowered(s)
        if low is None:
            return None, True
        pos: list[int] = []
        for w in self.firsts.intersection(_TOKEN.findall(low)):
            # where w stands as a whole word (not inside a longer run of letters and digits)
            i, n = low.find(w), len(w)
            while i >= 0:
                if (i == 0 or low[i - 1] not in _ALNUM) and low[i + n:i + n + 1] not in _ALNUM:
                    pos.append(i)
                i = low.find(w, i + 1)
        domain = False
        for h in _TLD_HINT.finditer(low) if "." in low else ():  # (every ending opens with a dot)
            domain = True
            # the run of letters, digits, dots and dashes before the ending ...
            last = a = h.start()
            while a > 0 and (low[a - 1] in _RUN or not low[a - 1].isascii()):
                a -= 1
            # ... and where in it a domain may start: no letter or digit before it
            if a < last and low[a] not in ".-":
                pos.append(a)
            for sep in _DOMAIN_SEP.finditer(low, a, last):
                i = sep.end()
                if i < last and low[i] not in ".-":
                    pos.append(i)
        return sorted(set(pos)), domain

    def may_start_at(self, s: str, p: int, low: Optional[str] = None, domain: bool = True) -> bool:
        """False when no match can start at ``s[p]`` (the screen of :meth:`screen` at one place);
        ``low``: ``_lowered(s)`` when the caller has it; ``domain`` False: ``low`` holds no
        domain ending (no ``_TLD_HINT`` match), so no domain starts anywhere."""
        if self.firsts is None:
            return True
        if low is None:
            low = _lowered(s)
        if low is None:
            return True
        if p > 0 and low[p - 1] in _ALNUM:
            return False  # inside a word: neither a form nor a domain starts here
        m = _TOKEN.match(low, p)
        if m is not None and m.group(0) in self.firsts:
            return True
        if not domain:
            return False
        j = _RUN_FROM.match(low, p).end()  # type: ignore[union-attr]  # (it matches empty)
        # a domain ending in the run from p (every ending opens with a dot)
        return low.find(".", p, j) >= 0 and _TLD_HINT.search(low, p, j) is not None

    def starts(self, s: str) -> Optional[list[int]]:
        """Where a match may start (ascending), or None when it may start anywhere."""
        return self.screen(s)[0]

    def _matches(self, s: str) -> Iterator[AnyMatch]:
        """``self.pattern.finditer(s)``, the pattern tried only where a match may start."""
        pos = self.starts(s)
        if pos is None:
            yield from self.twin.finditer(s)
            return
        end = 0
        for p in pos:
            if p < end:
                continue
            m = self.twin.match(s, p)
            if m is not None:
                yield m
                end = m.end()

    def search(self, s: str) -> Optional[AnyMatch]:
        return next(self._matches(s), None)

    def fullmatch(self, s: str) -> Optional[AnyMatch]:
        if self.firsts is not None:
            low = _lowered(s)
            # without a domain ending, only a whole outlet form matches the whole string
            if low is not None and low not in self.forms and ("." not in low or not _TLD_HINT.search(low)):
                return None
        return self.twin.fullmatch(s)

    def sub(self, repl: str, s: str) -> str:
        """``self.pattern.sub(repl, s)`` for a literal ``repl``."""
        out: list[str] = []
        end = 0
        for m in self._matches(s):
            out.append(s[end:m.start()])
            out.append(repl)
            end = m.end()
        if not out:
            return s
        out.append(s[end:])
        return "".join(out)


@dataclass(frozen=True)
class _MetaRx:
    date_line: Twin
    date_hint: Twin
    dateline: list[Twin]
    outlet_forms: dict[str, str]  # casefolded form → outlet name
    outlet_re: _OutletRe
    labels: Twin
    label_roles: dict[str, str]
    cite: Twin
    # lower-cased cues a cite match starts with (None: not screened), as (cue, the longer cues
    # that hold it with where they hold it): "seperti dilansir" is found through "dilansir"
    cite_cues: Optional[tuple[tuple[str, tuple[tuple[str, int], ...]], ...]]
    label_ends: Optional[tuple[str, ...]]  # lower-cased labels, one of which ends before a label's ":"
    name: Twin
    menu_words: frozenset[str]
    # the most words a name (6) or an outlet form has: a longer part of a byline is neither
    part_words: int = 6


def _alt(forms: list[str]) -> str:
    uniq = sorted(set(forms), key=lambda f: (-len(f), f))
    return "(?:" + "|".join(regex.escape(f) for f in uniq) + ")"


def _build(lex: Lexicon) -> _MetaRx:
    cal = calendar(lex)
    time = (
        r"(?:(?:pukul|pkl\.?|jam)\s*)?(?P<hh>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)(?:[:.][0-5]\d)?"
        rf"(?:\s*(?P<tz>{cal.zone_re}))?\b"
    )
    date = (
        rf"(?:(?P<wd>{cal.weekday_re})\s*,?\s*)?"
        # 19 April 2016, 10 - Feb - 2024
        rf"(?:(?P<d>[0-3]?\d)(?:\s+|\s*-\s*)(?P<mon>{cal.month_re})\.?(?:\s+|\s*-\s*)(?P<y>(?:19|20)\d\d)"
        r"|(?P<d2>[0-3]?\d)[/.-](?P<m2>[01]?\d)[/.-](?P<y2>(?:19|20)\d\d)"
        r"|(?P<y3>(?:19|20)\d\d)-(?P<m3>[01]\d)-(?P<d3>[0-3]\d))"
    )
    date_line = regex.compile(
        rf"(?<![\p{{L}}\d]){date}(?:\s*(?:[-|,/]|WIB|T)?\s*{time})?", regex.I
    )
    outlets: dict[str, str] = {}
    for row in lex.rows("meta", "outlets"):
        for f in [row.name, *row.forms]:
            outlets[f.casefold()] = row.name
    outlet_alt = _alt([f for r in lex.rows("meta", "outlets") for f in [r.name, *r.forms]])
    src = rf"(?<![\p{{L}}\d])(?:{_DOMAIN}|{outlet_alt})(?![\p{{L}}\d])"
    loc = r"[\p{L}][\p{L} .'()/-]{1,40}?"
    dateline = [
        # Semarangpos.com, MAGELANG –   TEMPO.CO, Jakarta -   Balitribune.co.id | Jakarta -
        regex.compile(rf"^(?P<outlet>{src})\s*[,|]\s*(?P<loc>{loc}){_DASH}", regex.I),
        # MAGELANG, KRJOGJA.com –   JAKARTA, KOMPAS.com -   Jakarta, CNN Indonesia --
        regex.compile(rf"^(?P<loc>{loc})\s*,\s*(?P<outlet>{src}){_DASH}", regex.I),
        # Jakarta (ANTARA) -   Koba, Bangka Tengah (ANTARA) -   (two places: the first is the dateline)
        regex.compile(rf"^(?P<loc>{loc})(?:\s*,\s*[\p{{L}}][\p{{L}} .'-]{{1,40}}?)?\s*,?\s*\(\s*(?P<outlet>{src}|[\p{{L}}.]+)\s*\)\s*\.?{_DASH}", regex.I),
        # Merdeka.com -   JawaPos.com –
        regex.compile(rf"^(?P<outlet>{_DOMAIN}){_DASH}", regex.I),
        # JAKARTA -   (capitals only)
        regex.compile(r"^(?P<loc>\p{Lu}[\p{Lu} .']{1,30}\p{Lu})\s*-{1,3}(?:\s+(?=\S)|(?=\p{Lu}\p{Ll}))"),
        # Jakarta -   (title case: checked against known places by the caller)
        regex.compile(r"^(?P<loc>\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,2})\s+-{1,2}\s+(?=\p{Lu})"),
        # GenPI.co Banten -   (a site's regional edition: the region is the dateline)
        regex.compile(rf"^(?P<outlet>{_DOMAIN})\s+(?P<loc>\p{{Lu}}\p{{L}}+(?: \p{{Lu}}\p{{L}}+)?){_DASH}", regex.I),
        # Bogor: Badan Pusat Statistik ...   (title case: checked against known places by the caller)
        regex.compile(r"^(?P<loc>\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,2}):\s+(?=\p{Lu})"),
        # TANJUNG SELOR, MK -   (a place in capitals, one to three words, and the outlet's own
        # code of two to four capitals, known to no list: not read as the outlet)
        regex.compile(r"^(?P<loc>\p{Lu}[\p{Lu}.']+(?:[ ]\p{Lu}[\p{Lu}.']+){0,2})\s*,\s*(?P<code>\p{Lu}{2,4})\s*-{1,3}\s+(?=\p{Lu})"),
    ]
    label_roles: dict[str, str] = {}
    for row in lex.rows("meta", "byline_labels"):
        for f in row.forms:
            label_roles[f.casefold()] = row.role
    labels = regex.compile(
        rf"(?<![\p{{L}}])(?P<label>{_alt(list(label_roles) or ['Penulis'])})\s*:\s*"
        r"|^(?P<label2>Oleh|By|Reporter|Penulis)\s+(?=\p{Lu})",
        regex.I,
    )
    cues = [f for row in lex.rows("meta", "cite_cues") for f in row.forms] or ["dilansir dari"]
    # the cue is matched in any case, the source must be a known outlet or a capitalised name
    cite = regex.compile(
        rf"\b(?i:{_alt(cues)})\s+(?i:(?:laman|situs|portal|kantor berita|media)\s+"
        r"(?:(?:berita|resmi|online|daring)\s+)?)?"
        rf"(?P<src>(?i:{src})|\p{{Lu}}[\p{{L}}\d.]*(?:\s\p{{Lu}}[\p{{L}}\d.]*){{0,3}})",
    )
    name = regex.compile(rf"^{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,5}}$")
    menu = frozenset(f.casefold() for row in lex.rows("meta", "menu_words") for f in row.forms)
    # cheap test that a text may hold a date (digits in a date shape) before the full pattern
    date_hint = regex.compile(r"\d{1,2}\s*-?\s*[\p{L}]{3,}\.?(?:\s+|\s*-\s*)(?:19|20)\d\d|\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d")
    outlet_forms = [f for r in lex.rows("meta", "outlets") for f in [r.name, *r.forms]]
    outlet_re = _OutletRe(regex.compile(src, regex.I), outlet_forms)
    low_cues = sorted({c.lower() for c in cues})
    # a cue that starts with another cue adds no position
    cite_cues: Optional[tuple[tuple[str, tuple[tuple[str, int], ...]], ...]] = None
    label_forms = list(label_roles) or ["Penulis"]
    label_ends = tuple(f.lower() for f in label_forms) if all(f.isascii() for f in label_forms) else None
    if all(c.isascii() for c in cues):
        firsts = [c for c in low_cues if not any(c != o and c.startswith(o) for o in low_cues)]
        # a cue that holds no other one is looked for; each other one through a cue it holds
        bases = [c for c in firsts if not any(o != c and o in c for o in firsts)]
        held = {b: [(c, c.find(b)) for c in firsts if c not in bases and b in c] for b in bases}
        for c in firsts:
            if c not in bases:  # through the first base it holds only
                b = next(b for b in bases if b in c)
                held = {k: [x for x in v if x[0] != c or k == b] for k, v in held.items()}
        cite_cues = tuple((b, tuple(held[b])) for b in bases)
    return _MetaRx(
        _tw(date_line), _tw(date_hint), [_tw(d) for d in dateline], outlets, outlet_re, _tw(labels), label_roles,
        _tw(cite), cite_cues, label_ends, _tw(name), menu,
        max([6] + [len(f.split()) for f in outlet_forms]),
    )


def rx(lex: Lexicon) -> _MetaRx:
    r: _MetaRx = lex.compiled("meta", _build)
    return r


# ---------------------------------------------------------------- dates


@dataclass
class ParsedDateLine:
    start: int
    end: int
    value: str
    dt: datetime
    has_time: bool
    zone_assumed: bool = False


def parse_date_line(lex: Lexicon, text: str, start: int = 0, end: int | None = None) -> Optional[ParsedDateLine]:
    """The first well-formed publication-style date in text[start:end]."""
    return _date_line(lex, rx(lex), text, start, len(text) if end is None else end)


def _date_line(lex: Lexicon, r: _MetaRx, text: str, start: int, stop: int) -> Optional[ParsedDateLine]:
    """:func:`parse_date_line` with the patterns of ``lex`` (``r``) at hand."""
    if text.find("19", start, stop) < 0 and text.find("20", start, stop) < 0:
        return None  # every date line has a year 19xx / 20xx
    if r.date_hint.search(text, start, stop) is None:
        return None
    cal = calendar(lex)
    for m in r.date_line.finditer(text, start, stop):
        g = m.groupdict()
        try:
            if g["d"]:
                day, month, year = int(g["d"]), cal.months[g["mon"].casefold()], int(g["y"])
            elif g["d2"]:
                day, month, year = int(g["d2"]), int(g["m2"]), int(g["y2"])
            else:
                day, month, year = int(g["d3"]), int(g["m3"]), int(g["y3"])
            dt = datetime(year, month, day)
        except (ValueError, KeyError):
            continue
        if g["hh"] is not None:
            tz = cal.zones.get((g["tz"] or "").casefold())
            assumed = tz is None
            if tz is None:
                tz = cal.zones.get("wib")
            # the day with its time and zone in one call (hh and mi are a valid time by the pattern)
            dt = datetime(year, month, day, int(g["hh"]), int(g["mi"]), tzinfo=tz)
            value = dt.isoformat()
            e = m.end()
        else:
            value = dt.date().isoformat()
            e = m.end("y") if g["y"] else (m.end("y2") if g["y2"] else m.end("d3"))
        return ParsedDateLine(m.start(), e, value, dt, g["hh"] is not None,
                              g["hh"] is not None and assumed)
    return None


# ---------------------------------------------------------------- helpers


def _titlecase_place(s: str) -> str:
    s = " ".join(s.split())
    if s.isupper() or s.islower():
        return " ".join(w.capitalize() if len(w) > 3 or not w.isupper() else w.capitalize() for w in s.split())
    return s


_NOT_NAMES: Final = frozenset(
    "diperbarui dipublikasikan diterbitkan terbit update updated published posted ditulis "
    "redaksi tim editor admin humas foto ilustrasi dok lihat bagikan".split()
)


def _names(r: _MetaRx, chunk: str) -> list[tuple[int, int]]:
    """Person names in a byline chunk separated by , / | & dan; (start, end) within chunk."""
    out = []
    for m in _RX_PARTS.finditer(chunk):
        part = m.group(0)
        sub = _RX_DAN.split(part) if "dan" in part else [part]
        off = m.start()
        pos = 0
        for piece in sub:
            i = part.index(piece, pos)
            pos = i + len(piece)
            p = piece.strip()
            if p[-1:].isdigit():  # else _TRAIL_NUM (\s+\d+$) cannot match
                p = _TRAIL_NUM.sub("", p)  # "Nama Editor 3589": a view count after the name
            if not p:
                continue
            ps = off + i + piece.index(p)
            if p.split()[0].casefold() in _NOT_NAMES:
                continue
            if r.name.match(p) and not r.outlet_re.fullmatch(p) and p.casefold() not in r.outlet_forms:
                if len(p) >= 3 and not p.isupper() or (p.isupper() and " " in p):
                    out.append((ps, ps + len(p)))
    return out


_TRAIL_NUM: Final = _tw(regex.compile(r"\s+\d+$"))
_RX_PARTS: Final = _tw(regex.compile(r"[^,/|&;]+"))
_RX_DAN: Final = _tw(regex.compile(r"\s+dan\s+"))
_RX_PLAIN: Final = _tw(regex.compile(r"[^|/,\u00b7]+"))
_RX_SLASH: Final = _tw(regex.compile(r"[^/|]+"))
_RX_CRUMB: Final = _tw(regex.compile(r"[^>»›|/]+"))
_RX_DOMAIN_END: Final = _tw(regex.compile(r"\.(com|co|id)\b", regex.I))
_BYLINE_HINT: Final = _tw(regex.compile(
    r"[:|/\u00b7]|^\(|\s-\s|^(?:laporan|liputan|kontributor|koresponden|oleh|reporter|penulis|by)\b",
    regex.I,
))
def _label_before_colon(r: _MetaRx, line: str, low: str) -> bool:
    """False when no byline label word stands before a ":" (spaces between) in an ASCII line."""
    if ":" not in line:
        return False
    if r.label_ends is None or not line.isascii():
        return True
    c = low.find(":")
    while c >= 0:
        # low[:c].rstrip(" \t\r\x0b\x0c").endswith(r.label_ends), without copying the prefix
        k = c
        while k > 0 and low[k - 1] in " \t\r\x0b\x0c":
            k -= 1
        if low.endswith(r.label_ends, 0, k):
            return True
        c = low.find(":", c + 1)
    return False


_HINT_STARTS: Final = ("laporan", "liputan", "kontributor", "koresponden", "oleh", "reporter", "penulis", "by")


def _byline_hint_plain(line: str) -> bool:
    """The definition :func:`_byline_hint` is checked against (tests/test_meta.py)."""
    return _BYLINE_HINT.search(line) is not None


_ASCII_SPACE: Final = " \t\n\r\x0b\x0c"  # \s of both pattern modules on ASCII text
_ASCII_WORD: Final = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")  # \w on ASCII


def _byline_hint(line: str) -> bool:
    """``_BYLINE_HINT.search(line) is not None``, read with str methods on an ASCII line:
    one of ``: | / ·`` anywhere, ``(`` first, a dash between whitespace, or a hint word
    opening the line (any case) before a non-word character."""
    if ":" in line or "|" in line or "/" in line or "\u00b7" in line or line[:1] == "(":
        return True  # the first alternatives match (none of these characters has a case)
    if not line.isascii():
        return _BYLINE_HINT.search(line) is not None
    d = line.find("-", 1)
    while d > 0:  # "\s-\s"
        if d + 1 < len(line) and line[d - 1] in _ASCII_SPACE and line[d + 1] in _ASCII_SPACE:
            return True
        d = line.find("-", d + 1)
    low = line.lower()
    if low.startswith(_HINT_STARTS):
        for w in _HINT_STARTS:
            if low.startswith(w) and line[len(w):len(w) + 1] not in _ASCII_WORD:
                return True  # ("" is not in the set: the end of the line is a word end)
    return False


_SECTION: Final = _tw(regex.compile(r"^[\p{L}][\p{L}\d&' -]{1,28}$"))
_LAPORAN: Final = _tw(regex.compile(
    r"^(?:(?:Laporan|Liputan)\s+(?:Wartawan|Reporter|Kontributor|Koresponden|Jurnalis)|Kontributor|Koresponden)\s+"
    r"[^,\n]{2,60},\s*(?P<names>[^\n]{2,120})$",
    regex.I,
))
_LAPORAN_STARTS: Final = ("laporan", "liputan", "kontributor", "koresponden")
_LABEL2_STARTS: Final = ("oleh", "by", "reporter", "penulis")
_DETIK_BY: Final = _tw(regex.compile(r"^(?P<names>[^\n-]{3,80}?)\s+-\s+(?P<outlet>detik\w*|kumparan\w*|okezone|Okezone)\s*$"))
_REDAKSI: Final = _tw(regex.compile(r"^(?:Redaksi|Tim Redaksi|Editor|Oleh)\s*:?\s*", regex.I))
_NAME_OUTLET: Final = _tw(regex.compile(r"^(?P<names>[^\n,-]{3,60}?)(?:\s+-\s+|\s*,\s*)(?P<outlet>[^\n,-]{2,40}?)\s*$"))
_PAREN_NAME: Final = _tw(regex.compile(r"^\((?P<name>\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){1,3})\)$"))


class _State:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.r = rx(doc.lexicon)
        self.spans: dict[str, list[Span]] = {}
        self.after_body = False
        self.site: Optional[str] = None  # the site's name from the title line (Judul | Bali Tribune)

    def add_span(self, key: str, s: int, e: int) -> None:
        self.spans.setdefault(key, []).append(self.doc.span(s, e))


def _plain_names(st: _State, s: int, e: int, min_tokens: int = 2) -> list[tuple[int, int]]:
    """Unlabelled names in text[s:e] (``Andini Putri |``, ``Dimas Arya Pratama, Okezone``)."""
    r = st.r
    out = []
    for m in _RX_PLAIN.finditer(st.text[s:e]):
        p = m.group(0).strip(" -")
        if not p or r.outlet_re.fullmatch(p) or p.casefold() in r.outlet_forms:
            continue
        if st.site is not None and p.casefold() == st.site.casefold():
            continue
        toks = p.split()
        if len(toks) < min_tokens or not r.name.match(p) or toks[0].casefold() in _NOT_NAMES:
            return []  # anything else in the segment: not a byline
        ps = s + m.start() + m.group(0).index(p)
        out.append((ps, ps + len(p)))
    return out


def _byline(st: _State, s: int, e: int) -> bool:
    """Parse a byline line; True when it was one (authors/editors recorded)."""
    text = st.text
    # leading separators ("| Editor: ...") are not part of the byline
    while s < e and text[s] in "|\u00b7- ":
        s += 1
    line = text[s:e]
    r = st.r
    meta = st.doc.meta

    low = line.lower() if line.isascii() else _lowered(line)  # for the screens below; None: try every pattern
    m = _LAPORAN.match(line) if low is None or low.startswith(_LAPORAN_STARTS) else None
    if m:
        for a, b in _names(r, m.group("names")):
            _add_person(st, "authors", s + m.start("names") + a, s + m.start("names") + b)
        return True
    m = _DETIK_BY.match(line) if "detik" in line or "kumparan" in line or "kezone" in line else None
    if m and r.name.match(m.group("names").strip()):
        for a, b in _names(r, m.group("names")):
            _add_person(st, "authors", s + a, s + b)
        if meta.outlet is None:
            _put(meta, "outlet", r.outlet_forms.get(m.group("outlet").casefold(), m.group("outlet")))
        return True
    # Hans Itta - Bali Tribune   Sunaryo, telisik indonesia — a name, then the outlet
    m = (
        _NAME_OUTLET.match(line)
        # (one comma or one dash in the line: the separator; names and outlet hold neither)
        if not st.after_body and len(line) <= 100 and line.count(",") + line.count("-") == 1
        and (" - " in line or "," in line) else None
    )
    if m and r.name.match(m.group("names")) and m.group("names").split()[0].casefold() not in _NOT_NAMES:
        site = m.group("outlet")
        if _is_site(st, site) or _outlet_stem(meta.outlet, site):
            _add_person(st, "authors", s + m.start("names"), s + m.end("names"))
            if meta.outlet is None:
                _put(meta, "outlet", r.outlet_forms.get(site.casefold(), site))
            return True
    m = _PAREN_NAME.match(line) if st.after_body and line[:1] == "(" else None
    if m:
        _add_person(st, "authors", s + m.start("name"), s + m.end("name"))
        return True
    # every label is a label word before ":" or Oleh / By / Reporter / Penulis at the start
    if low is None or low.startswith(_LABEL2_STARTS) or _label_before_colon(r, line, low):
        labels = list(r.labels.finditer(line))
    else:
        labels = []
    if labels and labels[0].group("label2") and (len(line) > 60 or _LOWER_WORD.search(line)):
        labels = []  # "Oleh Presiden ..., Djoko ..." is a sentence, not a byline
    if labels and (labels[0].start() == 0 or _REDAKSI.match(line)):
        found = False
        for i, lm in enumerate(labels):
            label = lm.group("label") or lm.group("label2")
            role = r.label_roles.get(label.casefold(), "author")
            cs = lm.end()
            ce = labels[i + 1].start() if i + 1 < len(labels) else len(line)
            chunk = line[cs:ce]
            key = "authors" if role == "author" else ("editors" if role == "editor" else None)
            for a, b in _names(r, chunk):
                if key:
                    _add_person(st, key, s + cs + a, s + cs + b)
                found = True
        return found
    # Redaksi Solopos.com / Imam Yuda Saputra | SOLOPOS.com — every part an outlet, Redaksi or a name
    om = (
        r.outlet_re.search(line)
        if ("/" in line or "|" in line) and len(line) < 160 and _parts_may_be_names(r, line) else None
    )
    if om:
        names = []
        for pm in _RX_SLASH.finditer(line):
            p = pm.group(0).strip()
            if not p or r.outlet_re.fullmatch(p) or _REDAKSI.match(p) and r.outlet_re.search(p):
                continue
            if not r.name.match(p) or p.split()[0].casefold() in _NOT_NAMES:
                return False
            ps = s + pm.start() + pm.group(0).index(p)
            names.append((ps, ps + len(p)))
        if names:
            for a, b in names:
                _add_person(st, "authors", a, b)
            if meta.outlet is None:  # (the first outlet of the line, found above)
                _put(meta, "outlet", r.outlet_forms.get(om.group(0).casefold(), om.group(0)))
            return True
    return False


def _parts_may_be_names(r: _MetaRx, line: str) -> bool:
    """False when a part of ``line`` between / and | can be neither a name (at most six
    words), an outlet (a form, or a domain without spaces) nor a Redaksi part: then the
    byline of parts below is not one, and its outlet search is not needed."""
    for pm in _RX_SLASH.finditer(line):
        p = pm.group(0)
        if len(p.split()) > r.part_words and not _REDAKSI.match(p.strip()):
            return False
    return True


_POST_LABEL: Final = _tw(regex.compile(
    r"(?:diposting|dipublikasikan|diterbitkan|diunggah|ditayangkan|tayang|terbit|posted|published)\b", regex.I
))
_PLACE_SOURCE: Final = _tw(regex.compile(r"^(?P<loc>\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?)\s*,\s*\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*){0,3}$"))
_TITLE_SUFFIX: Final = _tw(regex.compile(r"\s*\|\s*(?:(?P<site>[^|\n]{2,30}?)\s*)?$"))
_SITE_SUFFIX: Final = _tw(regex.compile(r"\s\|\s*(?P<site>\p{Lu}[\p{L}\d.]*(?: [\p{L}\d.]+){0,3})\s*$"))


def _site_name(r: _MetaRx, text: str, header: list[tuple[int, int]]) -> Optional[str]:
    """The site's name after a bar at the end of the first header line (``Judul Berita | Bali Tribune``)."""
    if not header:
        return None
    s, e = header[0]
    m = _SITE_SUFFIX.search(text, s, e) if text.find("|", s, e) >= 0 else None  # (a match holds a bar)
    if m is None or len(text[s:m.start()].split()) < 3:
        return None
    return m.group("site")


def _is_site(st: _State, name: str) -> bool:
    """An outlet form, a domain or the site's own name (from its title line)."""
    n = " ".join(name.split())
    if st.site is not None and n.casefold() == st.site.casefold():
        return True
    return n.casefold() in st.r.outlet_forms or st.r.outlet_re.fullmatch(n) is not None


def _outlet_stem(outlet: Optional[str], site: str) -> bool:
    """``telisik indonesia`` on the site whose outlet is ``TELISIK.ID``: the same first word."""
    if outlet is None:
        return False
    a = outlet.casefold().removeprefix("www.").split(".")[0].replace(" ", "")
    b = site.casefold().replace(" ", "").replace(".", "")
    return len(a) >= 4 and b.startswith(a)


def _own_site(outlet: Optional[str], src: str) -> bool:
    """``www.pasjabar.com`` cited on the site whose outlet is ``WWW.PASJABAR.COM``."""
    if outlet is None:
        return False
    a = outlet.casefold().removeprefix("www.")
    b = src.casefold().removeprefix("www.")
    return a == b or a.split(".")[0] == b.split(".")[0] and "." in b


def _add_person(st: _State, key: str, s: int, e: int) -> None:
    meta = st.doc.meta
    name = " ".join(st.text[s:e].split())
    target = meta.authors if key == "authors" else meta.editors
    if name.casefold() not in {t.casefold() for t in target}:
        target.append(name)
    st.add_span(key, s, e)


def _put(meta: Meta, name: str, value: object) -> None:
    """``meta.<name> = value`` as pydantic's ``__setattr__`` sets a field of a model without
    validate_assignment (the value into ``__dict__``, the name into the fields set), without
    its dispatch: the extractor sets result fields so too (tests/test_models.py)."""
    meta.__dict__[name] = value
    meta.__pydantic_fields_set__.add(name)


_DATE_LINE_WORDS: Final = frozenset(
    "pukul pkl jam wib wita wit diperbarui dipublikasikan diterbitkan terbit update updated "
    "published posted oleh dan".split()
)
_LOWER_WORD: Final = _tw(regex.compile(r"(?<![\p{L}])\p{Ll}{3,}(?![\p{L}])"))


def _date_line_only(r: _MetaRx, text: str, s: int, e: int, p: "ParsedDateLine") -> bool:
    """A line that is a date line: little besides the date, and no prose around it
    (``Gugatan ini disampaikan pada 14 Agustus 2014`` is a sentence, not a date line)."""
    if (e - s) - (p.end - p.start) > 45:
        return False
    rest = text[s:p.start] + " " + text[p.end:e]
    # outlet names only take words away (a match stands between non-letters): when every
    # lower-case word of the line is a date-line word, it stays so without them
    if all(w.group(0) in _DATE_LINE_WORDS for w in _LOWER_WORD.finditer(rest)):
        return True
    rest = r.outlet_re.sub(" ", rest)
    return not any(w.group(0) not in _DATE_LINE_WORDS for w in _LOWER_WORD.finditer(rest))


def _is_menu(r: _MetaRx, line: str) -> bool:
    """A navigation bar: mostly section names (Berita Bisnis Wisata Kuliner ...)."""
    if "|" in line:
        toks = [t.strip("|").casefold() for t in line.split() if t.strip("|")]
    else:
        # the same tokens, split in C: case folding makes and takes no space
        toks = line.casefold().split()
    if len(toks) < 4:
        return False
    if toks[0] in ("home", "beranda") and all(t[:1].isupper() for t in line.split()):
        return True
    hits = sum(map(r.menu_words.__contains__, toks))
    return hits >= 3 and hits * 2 >= len(toks)


def _last_breadcrumb(doc: Document, header: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The last level of a breadcrumb line that boilerplate blanked in the header."""
    if not header:
        return None
    limit = header[-1][1]
    norm = doc.prep.norm
    for s, e, reason in doc.mask.regions:
        if reason == "boilerplate:navigation" and e <= limit:
            parts = list(_RX_CRUMB.finditer(norm[s:e]))
            if len(parts) >= 2:
                last = parts[-1]
                seg = last.group(0).strip()
                if seg and not seg.casefold() in ("home", "beranda"):
                    ls = s + last.start() + last.group(0).index(seg)
                    return ls, ls + len(seg)
    return None


_CAPTION_DATELINE: Final = _tw(regex.compile(
    r"\p{Lu}{3,}[\p{L}\d ()-]{0,40}?\s*:\s[^\n]{10,600}?[.!?][\"\u201d]?\s+"
    r"(?P<loc>\p{Lu}[\p{Lu} .']{1,30}\p{Lu})\s*-{1,3}\s+(?=\p{Lu})"
))
_COLON_ONLY: Final[tuple[bool, ...]] = (False,) * 7 + (True, False)  # a line without a dash: only the "Bogor:" form can match
_DATELINE_NS: Final = range(len(_COLON_ONLY))  # the indices of the dateline patterns
_SPACE_DASH: Final = re.compile(r"[ \t\r\x0b\x0c]-")  # ASCII \s then a dash


def _dateline_screen(r: _MetaRx, line: str) -> tuple[bool, ...]:
    """For each dateline pattern: False when it cannot match ``line`` (its literal
    comma, parentheses, outlet or domain, or capital first letter is missing)."""
    comma = line.find(",")
    bar = line.find("|")
    low = line.lower() if line.isascii() else _lowered(line)
    domain = low is None or "." in low and _TLD_HINT.search(low) is not None
    outlet_first = (comma > 0 or bar > 0) and r.outlet_re.may_start_at(line, 0, low, domain)
    outlet_after_comma = False
    if comma > 0:
        # no comma before the one after the place: the outlet opens after it and its spaces
        q = comma + 1
        while q < len(line) and line[q] in " \t\r\x0b\x0c":
            q += 1
        outlet_after_comma = (not line.isascii()) or (q < len(line) and r.outlet_re.may_start_at(line, q, low, domain))
    # the last two forms open with a capital (ASCII: A-Z) and then a capital or space
    # (JAKARTA -) or small letters and a dash after a space (Jakarta -)
    c0, c1 = line[:1], line[1:2]
    upper = not c0.isascii() or "A" <= c0 <= "Z"
    caps = upper and (not c1.isascii() or "A" <= c1 <= "Z" or c1 in " .'")
    title = upper and (not c1.isascii() or "a" <= c1 <= "z") and (
        not line.isascii() or _SPACE_DASH.search(line) is not None)
    return (
        outlet_first,  # Kompas.com, Jakarta -
        outlet_after_comma,  # JAKARTA, KOMPAS.com -
        "(" in line and ")" in line,  # Jakarta (ANTARA) -
        domain,  # Merdeka.com -
        caps,  # JAKARTA -
        title,  # Jakarta -
        domain,  # GenPI.co Banten -
        upper and ":" in line,  # Bogor:
        caps and comma > 0,  # TANJUNG SELOR, MK -
    )


_MEDIA_END: Final = re.compile(r"(?:times|news|pos|post|online|media|pers|tv)$")


def _outlet_word(doc: Document, r: _MetaRx, loc: str) -> bool:
    """``JATIMTIMES`` before a dash: one word that is a site's name, not a place."""
    word = loc.strip(" .-")
    if " " in word:
        return False
    low = word.casefold()
    if low not in r.outlet_forms and _MEDIA_END.search(low) is None:
        return False
    return not _place_known(doc, word)


def _expand_initials(text: str, short: str) -> str:
    """``KB`` → ``Kabar Banten`` when the text names the outlet in full; else ``short``."""
    if not (2 <= len(short) <= 5 and short.isascii() and short.isalpha() and short.isupper()):
        return short
    # a name of its own: no capitalised word right before or after it (not inside a title)
    pat = (r"(?<![\p{L}]|\p{Lu}[\p{L}]*\s+)" + r"\s+".join(c + r"\p{Ll}+" for c in short)
           + r"(?![\p{L}]|\s+\p{Lu})")
    m = regex.search(pat, text)
    return " ".join(m.group(0).split()) if m else short


_PROSE_END: Final = ('.', '!', '?', '"', "\u201d", "'")


def _prose(line: str) -> bool:
    """A line of prose (sentences), not a header line: several words, mostly in lower
    case, ending like a sentence (``Hingga November, tercatat ada 60 kasus.``)."""
    t = line.rstrip()
    if len(t) < 40 or not t.endswith(_PROSE_END):
        return False
    words = t.split()
    if len(words) < 6:
        return False
    lower = sum(1 for w in words if w[:1].islower() and len(w) >= 2)
    return lower * 5 >= len(words) * 2 or t.endswith(".") and lower >= 2


def _place_known(doc: Document, name: str) -> bool:
    from .regions import region_index  # local import: regions is optional data

    idx = region_index(doc.lexicon)
    return idx.is_place(name)


def run(doc: Document) -> None:
    st = _State(doc)
    text, r, meta = st.text, st.r, doc.meta
    all_lines = doc.lines  # lines(text) (a blank gives doc.lines a new list: this one stays)
    if not all_lines:
        return

    # 1. dateline: the first line (within the first 25) that opens with one
    body_idx: Optional[int] = None
    dateline = r.dateline
    for i, (s, e) in enumerate(all_lines[:25]):
        if text.find("-", s, e if e < s + 90 else s + 90) < 0:
            # no dash: only "Bogor: ..." may open the line — one to three capitalised words, then a colon
            c = text.find(":", s, e if e < s + 40 else s + 40)
            words = text[s:c].split(" ") if c > s else None
            if not words or len(words) > 3 or not all(w[:1].isupper() for w in words):
                continue
            line = text[s:e]
            may = _COLON_ONLY
        else:
            line = text[s:e]
            may = _dateline_screen(r, line)
        for n in compress(_DATELINE_NS, may):  # (the patterns the screen leaves, in order)
            m = dateline[n].match(line)
            if not m:
                continue
            loc = m.groupdict().get("loc")
            if n in (5, 7) and (loc is None or not _place_known(doc, loc)):
                continue
            if len(line) - m.end() < 20:
                continue  # a dateline opens a paragraph of prose
            dl = _date_line(doc.lexicon, r, text, s + m.end(), min(e, s + m.end() + 40))
            if dl is not None and dl.start <= s + m.end() + 1:
                continue  # "Kompas.com - 12/02/2019, 17:45 WIB" is a date line
            outlet = m.groupdict().get("outlet")
            if n == 4 and loc is not None and _outlet_word(doc, r, loc):
                outlet, loc = loc, None  # JATIMTIMES - : the site's name, not a place
                _put(meta, "outlet", r.outlet_forms.get(outlet.casefold(), outlet))
                st.add_span("outlet", s + m.start("loc"), s + m.end("loc"))
                outlet = None
            if outlet and n == 2 and outlet.casefold() not in r.outlet_forms:
                outlet = _expand_initials(text, outlet)  # PANDEGLANG, (KB).- ... Kabar Banten
            if outlet:
                _put(meta, "outlet", r.outlet_forms.get(outlet.casefold(), outlet))
                st.add_span("outlet", s + m.start("outlet"), s + m.end("outlet"))
            if loc:
                loc_clean = loc.strip(" .-")
                if loc_clean:
                    ls = s + m.start("loc") + loc.index(loc_clean)
                    _put(meta, "dateline_location", _titlecase_place(loc_clean))
                    st.add_span("dateline_location", ls, ls + len(loc_clean))
            doc.blank(s, s + m.end(), "meta:dateline")
            body_idx = i
            break
        if body_idx is not None:
            break
    if body_idx is None:
        # PEREKAMAN KTP-el : caption sentences. DEPOK – story ... (a photo caption run into the first paragraph)
        for i, (s, e) in enumerate(all_lines[:25]):
            c = text.find(":", s, min(e, s + 45))
            if c < 0 or text.find("-", c, e) < 0 or not text[s:s + 3].isupper():
                continue
            m = _CAPTION_DATELINE.match(text, s, e)
            if m is None or not _place_known(doc, m.group("loc").strip()):
                continue
            loc = m.group("loc").strip()
            _put(meta, "dateline_location", _titlecase_place(loc))
            ls = m.start("loc")
            st.add_span("dateline_location", ls, ls + len(loc))
            doc.blank(s, m.end(), "meta:dateline")
            body_idx = i
            break
    if body_idx is None:
        # first prose line: long and with a full stop, or a sentence after the first line
        # (a header is short lines near the top: title, date, byline)
        for i, (s, e) in enumerate(all_lines[:30]):
            if e - s >= 120 and "." in text[s:e]:
                body_idx = i
                break
        if body_idx is None:
            body_idx = 0
        # shorter prose paragraphs before that long line are body too
        for i, (s, e) in enumerate(all_lines[:body_idx]):
            if _prose(text[s:e]):
                body_idx = i
                break
    header = all_lines[:body_idx]
    doc.body_start = all_lines[body_idx][0] if body_idx < len(all_lines) else 0

    # 2. header lines: date line, bylines, section, title
    pub: Optional[ParsedDateLine] = None
    pub_labelled = False
    title_cands: list[tuple[int, int]] = []
    st.site = _site_name(r, text, header)
    if st.site is not None and meta.outlet is None:
        _put(meta, "outlet", r.outlet_forms.get(st.site.casefold(), st.site))
    skip = -1
    for idx, (s, e) in enumerate(header):
        if idx == skip:
            continue
        line = text[s:e]
        if pub is None or not pub_labelled and not pub.has_time:
            p = _date_line(doc.lexicon, r, text, s, e)
            labelled = p is not None and p.start > s and _POST_LABEL.match(text[s:p.start].lstrip(" |-")) is not None
            if p is not None and pub is not None and not labelled:
                p = None  # a site's "today" line was first: only a "Diposting :" date beats it
            only = p is not None and _date_line_only(r, text, s, e, p)
            if p is not None and pub is None and p.start - s <= 1 and not only:
                # Sabtu, 3 Juni 2017 Reporter: Nama Editor: Nama — the date, then a byline
                if r.labels.match(text, p.end, e) or r.labels.match(text, p.end + 1, e):
                    pub = p
                    _byline(st, p.end, e)
                    doc.blank(s, e, "meta:date")
                    continue
            if only and p is not None:
                pub = p
                pub_labelled = labelled
                rest = (text[s:p.start] + text[p.end:e]).strip(" |-,/")
                om = r.outlet_re.search(rest) if rest else None
                if om and meta.outlet is None:
                    _put(meta, "outlet", r.outlet_forms.get(om.group(0).casefold(), om.group(0)))
                # "Andini Putri | Rabu, 6 Maret 2019", "Reporter : Yulius Tebai | Selasa, ..."
                if p.start > s and not _byline(st, s, p.start):
                    for a, b in _plain_names(st, s, p.start):
                        _add_person(st, "authors", a, b)
                doc.blank(s, e, "meta:date")
                continue
        if _byline(st, s, e):
            doc.blank(s, e, "meta:byline")
            continue
        # Reporter / Aunur Rofiq / Editor / Dede Nana: a label line, then the name line
        role = r.label_roles.get(line.rstrip(" :").casefold()) if len(line) <= 25 else None
        if role is not None and idx + 1 < len(header):
            ns, ne = header[idx + 1]
            nxt = text[ns:ne]
            if len(nxt) <= 60 and r.name.match(nxt) and not r.outlet_re.fullmatch(nxt):
                if role in ("author", "editor"):
                    _add_person(st, "authors" if role == "author" else "editors", ns, ne)
                doc.blank(s, e, "meta:byline")
                doc.blank(ns, ne, "meta:byline")
                skip = idx + 1
                continue
        # Tulungagung, KPU Tulungagung — a place and the story's source: a dateline line
        pm = _PLACE_SOURCE.match(line) if "," in line and len(line) <= 60 else None
        if pm is not None and _place_known(doc, pm.group("loc")):
            if meta.dateline_location is None:
                _put(meta, "dateline_location", pm.group("loc"))
                st.add_span("dateline_location", s, s + pm.end("loc"))
            doc.blank(s, e, "meta:dateline")
            continue
        if (
            idx == 0
            and meta.section is None
            and len(line) <= 29  # (the most _SECTION takes)
            and _SECTION.match(line)
            and len(line.split()) <= 3
            and not line.endswith(".")
        ):
            _put(meta, "section", line)
            st.add_span("section", s, e)
            doc.blank(s, e, "meta:section")
            continue
        if r.outlet_re.fullmatch(line) or line.casefold() in r.outlet_forms:
            if meta.outlet is None:
                _put(meta, "outlet", r.outlet_forms.get(line.casefold(), line))
            if meta.section is None and not _RX_DOMAIN_END.search(line) and idx > 0:
                _put(meta, "section", line)  # a channel line such as "kumparanNEWS"
                st.add_span("section", s, e)
            doc.blank(s, e, "meta:outlet")
            continue
        title_cands.append((s, e))
    title_cands = [c for c in title_cands if not _is_menu(r, text[c[0]:c[1]])]
    mixed = [c for c in title_cands if not text[c[0]:c[1]].isupper()]
    if mixed:
        title_cands = mixed  # an all-capitals banner is not the title when another line is there
    if meta.section is None:
        crumbs = _last_breadcrumb(doc, header)
        if crumbs is not None:
            _put(meta, "section", doc.prep.norm[crumbs[0]:crumbs[1]])
            st.add_span("section", *crumbs)
    if title_cands:
        # the title: the first header line of several words that is not a sentence fragment
        best = None
        for s, e in title_cands:
            nwords = len(text[s:e].split())
            if 3 <= nwords <= 30 and not text[s:e].rstrip().endswith(","):
                best = (s, e)
                break
        if best is None:
            best = max(title_cands, key=lambda x: x[1] - x[0])
        bs, be = best
        # Judul | Bali Tribune — the site's name after a bar, or a bare trailing bar, is not the title
        sm = _TITLE_SUFFIX.search(text, bs, be) if text.find("|", bs, be) >= 0 else None  # (a match holds a bar)
        if sm is not None and (sm.group("site") is None or _is_site(st, sm.group("site"))):
            be = sm.start()
        _put(meta, "title", " ".join(text[bs:be].split()))
        st.add_span("title", bs, be)

    # 3. bylines and date lines after the body started (Antara: Pewarta/Editor at the end)
    st.after_body = True
    for s, e in all_lines[body_idx:]:
        if e - s <= 160 and _byline_hint(text[s:e]) and _byline(st, s, e):
            doc.blank(s, e, "meta:byline")
    if pub is None:
        # a date line anywhere in the first lines of the body (some layouts put it after the title)
        for s, e in all_lines[: body_idx + 3]:
            p = _date_line(doc.lexicon, r, text, s, e)
            if p is not None and _date_line_only(r, text, s, e, p):
                pub = p
                doc.blank(s, e, "meta:date")
                break

    if pub is None:
        # a date line with a time at the end of the page (22 Oktober 2024, 16:30 WIB)
        for s, e in reversed(all_lines[max(body_idx, len(all_lines) - 4):]):
            p = _date_line(doc.lexicon, r, text, s, e)
            if p is not None and p.has_time and _date_line_only(r, text, s, e, p):
                pub = p
                doc.blank(s, e, "meta:date")
                break

    if pub is not None:
        _put(meta, "published", pub.value)
        if pub.zone_assumed:
            doc.warnings.append(W_ZONE)
        st.add_span("published", pub.start, pub.end)
        doc.publication = _publication(doc.span(pub.start, pub.end), pub.value, pub.has_time)
        if doc.reference is None:
            doc.reference = pub.dt

    if meta.outlet is None:
        # Copyright © ANTARA 2019 — the footer that boilerplate blanked names the outlet
        norm = doc.prep.norm
        for cs, ce, reason in doc.mask.regions:
            if reason == "boilerplate:copyright":
                om = r.outlet_re.search(norm[cs:ce])
                if om is not None:
                    _put(meta, "outlet", r.outlet_forms.get(om.group(0).casefold(), om.group(0)))
                    st.add_span("outlet", cs + om.start(), cs + om.end())
                    break

    # 4. cited sources
    for m in _cites(r, doc.text, doc.body_start, doc.lower_text()):
        src = m.group("src").rstrip(".,")
        if _own_site(meta.outlet, src):
            continue  # "dikutip www.pasjabar.com" on pasjabar.com: the outlet itself
        name = src  # as written: "Antara", not the site brand
        if name not in meta.cited_sources:
            meta.cited_sources.append(name)
        st.add_span("cited_sources", m.start("src"), m.start("src") + len(src))

    _put(meta, "spans", st.spans)


_PUB_FIELDS: Final = frozenset({"text", "value", "granularity", "kind", "role", "span", "rule"})


def _publication(span: Span, value: str, has_time: bool) -> DateMention:
    """``DateMention(text=span.text, value=value, granularity=..., kind="absolute",
    role="publication", span=span, rule="meta.date_line")`` built without validation (the
    fields are checked here with plain tests; tests/test_meta.py checks it equals the
    validated record)."""
    if type(value) is not str or type(span) is not Span or type(span.text) is not str:
        raise ValueError(f"invalid publication date fields: {value!r} {span!r}")
    return filled(DateMention, {
        "text": span.text, "value": value, "end": None, "granularity": "minute" if has_time else "day",
        "kind": "absolute", "role": "publication", "span": span, "rule": "meta.date_line",
    }, set(_PUB_FIELDS))


def _cites(r: _MetaRx, text: str, start: int, lower: Optional[str] = None) -> list[AnyMatch]:
    """``r.cite.finditer(text, start)``, tried only where a cue word stands. ``lower``:
    ``text.lower()`` when the caller has it (``Document.lower_text``, which the later stages
    reuse: the final working text is lower-cased once)."""
    low = _lowered(text, lower) if r.cite_cues is not None else None
    if low is None:
        return list(r.cite.finditer(text, start))
    found: set[int] = set()
    for cue, longer in r.cite_cues:  # type: ignore[union-attr]
        i = low.find(cue, start)
        while i >= 0:
            found.add(i)
            for c, k in longer:  # a longer cue holding this one, starting k before it
                if i - k >= start and low.startswith(c, i - k):
                    found.add(i - k)
            i = low.find(cue, i + 1)
    out: list[AnyMatch] = []
    pos = start
    for i in sorted(found):  # every match starts at a cue: the leftmost first, as finditer
        if i < pos:
            continue
        m = r.cite.match(text, i)
        if m is not None:
            out.append(m)
            pos = m.end()
    return out


def reference_from(value: str | date | datetime | None) -> Optional[datetime]:
    """Parse a reference date given by a caller (ISO string, date or datetime)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value
    if hasattr(value, "year") and hasattr(value, "month"):
        # (a date, or another object with a date's fields; never a str, which has no year)
        return datetime(value.year, value.month, value.day)  # type: ignore[union-attr]  # see above
    s = str(value).strip()
    if s.endswith("Z"):
        s = s[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(s)
    except ValueError:
        return None


__all__ = ["run", "parse_date_line", "reference_from"]
