"""The rows of the regions' pattern tables (pydantic models, kept out of ``regions.py``)."""

from __future__ import annotations

from typing import Literal

from ..lexicon import Entry

RegionType = Literal["provinsi", "kabupaten", "kota"]


class ProvinceRow(Entry):
    name: str
    abbreviations: list[str] = []
    variants: list[str] = []
    ambiguous_forms: list[str] = []


class RegencyRow(Entry):
    name: str
    type: Literal["kabupaten", "kota"]
    province: str
    abbreviations: list[str] = []
    variants: list[str] = []
    former_names: list[str] = []
    ambiguous_forms: list[str] = []
    administrative: bool = False
