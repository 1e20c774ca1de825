"""The rows of the calendar's pattern tables (pydantic models, kept out of ``calendar.py``)."""

from __future__ import annotations

from ..lexicon import Entry


class MonthRow(Entry):
    number: int
    forms: list[str]
    # Forms that name the month on their own, without a day or year next to them
    # ("Februari", not "Feb"); default: the first form.
    standalone: list[str] = []


class WeekdayRow(Entry):
    number: int  # Monday = 0, as datetime.weekday()
    forms: list[str]
    # Forms that name the day without a date next to them ("Jumat", not "Jum"); default: first form.
    standalone: list[str] = []


class TimezoneRow(Entry):
    forms: list[str]
    utc_offset: str  # "+07:00"
