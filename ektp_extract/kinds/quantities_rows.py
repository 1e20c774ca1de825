"""The rows of quantities' pattern tables (pydantic models, kept out of the stage module)."""

from __future__ import annotations

from typing import Literal, Optional

from ..lexicon import Entry

Comparator = Literal[">", "<", ">=", "<=", "~"]
UnitKind = Literal["count", "duration", "other"]


class QualifierRow(Entry):
    """Approximation / comparison words: ``sekitar`` (~), ``lebih dari`` (>), ``maksimal`` (<=)."""

    forms: list[str]
    comparator: Optional[Comparator] = None
    approximate: bool = False
    position: Literal["before", "after"] = "before"


class UnitRow(Entry):
    """Counted nouns of one family (``orang``: orang, jiwa, warga, ...)."""

    forms: list[str]
    kind: UnitKind = "count"
    family: str = ""
    classifier: bool = False


class FormsRow(Entry):
    forms: list[str]


class FusedRow(Entry):
    """A number fused with its unit: ``sehari`` = 1 hari, ``setahun`` = 1 tahun."""

    forms: list[str]
    value: float
    unit: str
    kind: UnitKind = "duration"


class WordGuardRow(Entry):
    """Number words that are not amounts next to these words (``salah satu``, ``satu dari``)."""

    words: list[str]
    before: list[str] = []
    after: list[str] = []


class ArticleRow(Entry):
    """A number word that is an indefinite article before a noun (``satu serangan`` = "an
    attack"), unless the noun is of a counted family, a counting cue stands before it
    (``hanya satu calon``) or another number is near (``dua emas, dua perak dan satu perunggu``)."""

    words: list[str]
    counted_families: list[str] = []
    count_cues: list[str] = []
