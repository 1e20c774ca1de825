"""The rows of officials' pattern tables (pydantic models, kept out of the stage module)."""

from __future__ import annotations

from typing import Literal, Optional

from ..lexicon import Entry

RegionType = Literal["provinsi", "kabupaten", "kota"]


class PositionRow(Entry):
    """A position head: its surfaces, expansion and what may follow it."""

    forms: list[str]
    canonical: str
    takes: Literal["org", "place", "none"] = "org"
    region_type: Optional[RegionType] = None
    region_place: bool = False  # the place is always a region: unknown words after it are a name
    agency: Optional[str] = None
    within: list[str] = []  # bodies the post is part of: linked when the text names one
    unique: bool = False
    shared: bool = False  # held by many at once: one mention may name a list of holders
    named: bool = False  # an office only with its holder's name (Humas Polres X): no unnamed official
    group: str = ""


class PrefixRow(Entry):
    """An acting prefix (Plt, Pj) or a modifier (Wakil) and its expansion."""

    forms: list[str]
    canonical: str


class ExpansionRow(Entry):
    """An abbreviation inside a unit name, expanded in ``position_canonical``."""

    forms: list[str]
    expansion: str
    after: list[str] = []


class WordListRow(Entry):
    words: list[str]


class ContractionRow(Entry):
    """A short head or unit word glued to unit abbreviations (Dir + Intelkam → Dirintelkam).

    With ``head`` each glued or spaced form is a position whose canonical is the head's
    followed by the unit's expansion; with ``expansion`` each glued form is a unit
    abbreviation expanded to it and the unit's expansion (Dit + Intelkam → Direktorat ...)."""

    forms: list[str]
    units: list[str]
    head: Optional[str] = None  # id of the position row the contraction is a form of
    expansion: Optional[str] = None  # full form of the prefix when it names a unit
    expand: dict[str, str] = {}  # the meaning of a unit after this prefix, when not its usual one
    # with ``head`` and no units: the prefix, spaced, is the head before any body acronym or
    # unit word (Ka BPBD, Ka (Kepala) DPUPR, Ka Kantor Kemenag), never alone
    before_body: bool = False


class TitleRow(Entry):
    """A degree, title or rank written before or after a name."""

    forms: list[str]
    place: Literal["before", "after"]
    kind: Literal[
        "degree", "academic", "religious", "courtesy", "police_rank", "military_rank", "civil_service_rank",
        "nobility",
    ]


class CorpsRow(Entry):
    forms: list[str]
