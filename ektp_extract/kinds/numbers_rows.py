"""The rows of numbers' pattern tables (pydantic models, kept out of the stage module)."""

from __future__ import annotations

from typing import Literal

from ..lexicon import Entry

WordRole = Literal["value", "teen", "multiplier", "scale", "scale_one", "fraction"]


class WordRow(Entry):
    """A number word and how it combines with its neighbours."""

    value: float
    role: WordRole
    forms: list[str]


class ScaleRow(Entry):
    """A scale after digits: ``10,52 juta``, ``150rb``, ``Rp 2,5 M``."""

    value: int
    words: list[str]
    abbreviations: list[str] = []
    money_abbreviations: list[str] = []


class CurrencyRow(Entry):
    unit: str
    prefixes: list[str]
    suffixes: list[str] = []


class PercentRow(Entry):
    forms: list[str]


class VagueRow(Entry):
    """A vague amount (``ratusan``): read with value null."""

    magnitude: int
    forms: list[str]
