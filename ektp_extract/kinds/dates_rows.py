"""The rows of dates' pattern tables (pydantic models, kept out of the stage module)."""

from __future__ import annotations

from typing import Literal

from ..lexicon import Entry


class FormsRow(Entry):
    forms: list[str]


class RelativeDayRow(FormsRow):
    offset: int


class UnitRow(FormsRow):
    unit: Literal["day", "week", "month", "year"]
    one: list[str] = []


class ShiftRow(FormsRow):
    direction: Literal[-1, 0, 1]
    after_unit: bool = True
    after_count: bool = False


class PeriodRow(FormsRow):
    part: Literal["start", "middle", "end"]
    months: list[int] = []  # [first, last] of a named part of the year (triwulan IV = [10, 12])


CueRole = Literal[
    "since", "from", "asof", "at", "in", "year", "until", "before", "after", "during", "between",
    "event",
]


class CueRow(FormsRow):
    role: CueRole
    weekday: bool = False


class TenseRow(FormsRow):
    tense: Literal["past", "future"]


class ConnectorRow(FormsRow):
    role: Literal["range", "coord"]


class CountRow(FormsRow):
    value: int
