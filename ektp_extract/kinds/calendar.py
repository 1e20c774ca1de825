"""Calendar words (months, weekdays, time zones) shared by meta and dates.

Rows come from ``patterns/calendar.toml``; this module turns them into lookup
tables and regex alternations, once per lexicon.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta, timezone
from typing import Optional

import regex

from ..errors import PatternError
from ..lexicon import Lexicon, register_table
from .calendar_rows import (MonthRow as MonthRow, WeekdayRow as WeekdayRow,
                            TimezoneRow as TimezoneRow)


register_table("calendar", "months", MonthRow)
register_table("calendar", "weekdays", WeekdayRow)
register_table("calendar", "timezones", TimezoneRow)


def alternation(forms: list[str]) -> str:
    """Regex alternation of literal forms, longest first, escaped."""
    uniq = sorted(set(forms), key=lambda f: (-len(f), f))
    return "(?:" + "|".join(regex.escape(f) for f in uniq) + ")"


@dataclass(frozen=True)
class Calendar:
    months: dict[str, int]  # casefolded form → 1..12
    weekdays: dict[str, int]  # casefolded form → 0..6
    zones: dict[str, timezone]  # casefolded form → tz
    zone_text: dict[str, str]  # casefolded form → "+07:00"
    month_re: str
    weekday_re: str
    zone_re: str
    month_standalone_re: str = "(?!)"
    weekday_standalone_re: str = "(?!)"
    month_standalone: tuple[str, ...] = ()  # the forms of month_standalone_re
    weekday_standalone: tuple[str, ...] = ()  # the forms of weekday_standalone_re


def _offset(text: str) -> timezone:
    sign = -1 if text.startswith("-") else 1
    hh, mm = text.lstrip("+-").split(":")
    return timezone(sign * timedelta(hours=int(hh), minutes=int(mm)))


def _build(lex: Lexicon) -> Calendar:
    months: dict[str, int] = {}
    for m in lex.rows("calendar", "months"):
        for f in m.forms:
            months[f.casefold()] = m.number
    weekdays: dict[str, int] = {}
    for w in lex.rows("calendar", "weekdays"):
        for f in w.forms:
            weekdays[f.casefold()] = w.number
    zones: dict[str, timezone] = {}
    ztext: dict[str, str] = {}
    for z in lex.rows("calendar", "timezones"):
        for f in z.forms:
            zones[f.casefold()] = _offset(z.utc_offset)
            ztext[f.casefold()] = z.utc_offset
    month_forms = [f for m in lex.rows("calendar", "months") for f in m.forms]
    weekday_forms = [f for w in lex.rows("calendar", "weekdays") for f in w.forms]
    zone_forms = [f for z in lex.rows("calendar", "timezones") for f in z.forms]
    month_alone = [f for m in lex.rows("calendar", "months") for f in (m.standalone or m.forms[:1])]
    weekday_alone = [f for w in lex.rows("calendar", "weekdays") for f in (w.standalone or w.forms[:1])]
    for f in month_alone + weekday_alone:
        # standalone forms are looked up in the same tables
        key = f.casefold()
        if key not in months and key not in weekdays:
            raise PatternError("calendar", f"standalone form {f!r}", "is not one of the row's forms")
    return Calendar(
        months, weekdays, zones, ztext,
        alternation(month_forms), alternation(weekday_forms), alternation(zone_forms),
        alternation(month_alone), alternation(weekday_alone), tuple(month_alone), tuple(weekday_alone),
    )


def calendar(lex: Lexicon) -> Calendar:
    """The calendar tables of ``lex`` (built once)."""
    cal: Calendar = lex.compiled("calendar", _build)
    return cal


def month_number(cal: Calendar, word: str) -> Optional[int]:
    return cal.months.get(word.casefold().rstrip("."))
