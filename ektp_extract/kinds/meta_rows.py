"""The rows of meta's pattern tables (pydantic models, kept out of the stage module)."""

from __future__ import annotations

from typing import Literal

from ..lexicon import Entry


class OutletRow(Entry):
    name: str
    forms: list[str]


class BylineLabelRow(Entry):
    forms: list[str]
    role: Literal["author", "editor", "photographer"]


class CiteCueRow(Entry):
    forms: list[str]


class MenuWordRow(Entry):
    forms: list[str]
