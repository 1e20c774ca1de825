"""The rows of agencies' pattern tables (pydantic models, kept out of the stage module)."""

from __future__ import annotations

from typing import Literal, Optional

import regex
from pydantic import field_validator

from ..lexicon import Entry
from .regions_rows import RegionType

_FIRST = regex.compile(r"[\p{L}\d]+")

Level = Literal["pusat", "provinsi", "kabupaten", "kota", "kecamatan", "desa"]


class BodyRow(Entry):
    """A body type: its full forms, acronyms, kind and how it attaches to a place."""

    name: str
    forms: list[str] = []
    patterns: list[str] = []
    acronyms: list[str] = []
    kind: str
    level: Optional[Level] = None
    takes: Literal["none", "region", "name", "party"] = "none"
    region_types: list[RegionType] = []
    # a mention with no region, name or body to join: kept (keep), given the dateline's
    # region (link) or the article's own kabupaten/kota (local), or no body at all (drop:
    # ``ditahan di Rutan`` names no detention centre)
    bare: Literal["keep", "link", "local", "drop"] = "keep"
    preceded_by: list[str] = []
    name_optional: bool = False
    name_needs_digit: bool = False
    name_and: bool = False  # the name may hold "dan" (Partai Keadilan dan Persatuan Indonesia)
    person_names: bool = True  # a name of person-like words only is a name (Universitas Gadjah Mada)
    acronym_needs_full: bool = False  # the acronym alone is a body only beside the full form (DPA)
    fused_prefixes: list[str] = []  # takes = "party": written fused to a party's acronym (F-PDIP)
    same_as: list[str] = []  # rows naming the same body in one region (Polres / Polresta)
    # takes = "region": words after which a proper name stands instead of a region, the word
    # part of the name (Polres Pelabuhan Tanjung Perak, Polresta Bandara Soekarno-Hatta)
    name_words: list[str] = []
    # takes = "region": with no region after it, a short closed run of capitalised words is
    # the body's name (the court of a town that is no regency: PN Lubuk Sikaping; a water
    # company's brand: PDAM Tirta Khatulistiwa)
    name_fallback: bool = False
    # takes = "name": the acronym may be written with a full stop before the name, with or
    # without a space (PT. Maju Bersama, PT.Bank NTB)
    dot_before_name: bool = False

    @field_validator("patterns")
    @classmethod
    def _valid_patterns(cls, value: list[str]) -> list[str]:
        for p in value:
            if not _FIRST.match(p):
                raise ValueError(f"pattern {p!r} must start with a literal word")
            try:
                regex.compile(p)
            except regex.error as exc:
                raise ValueError(f"pattern {p!r} is not a valid regex: {exc}") from None
        return value


class StopRow(Entry):
    """Words that end a proper name after a body (titles, positions, weekdays ...)."""

    words: list[str]
    first_ok: bool = False  # may open a name (RSUD Dr. Soetomo)


class HeadRow(Entry):
    """Head words of bodies outside the lexicon: ``Dinas Ketahanan Pangan``."""

    words: list[str]
    kind: str
    # false: after an office word, a run of two or more person-like words is a person's
    # name, not the body's (Wakil Ketua Komisi <Name Name>: a commission is named by a
    # letter, a numeral or its field)
    person_names: bool = True


class CueRow(Entry):
    """Words before a two-letter capital pair that make it a person's initials (``kata MA``)."""

    words: list[str]


class NotBodyRow(Entry):
    """Phrases that open with a head word but name no body (``Badan Usaha Milik Negara``)."""

    words: list[str]
    alone: bool = False  # only when nothing more follows (Kantor Wilayah)
    anywhere: bool = False  # a word anywhere in a name makes it no body (Kantor Berita Antara)


class CountryRow(Entry):
    """A foreign country: ``Pemerintah Jerman``, ``Kementerian Pertahanan Rusia``."""

    name: str
    forms: list[str] = []


class ForeignHeadRow(Entry):
    """Head words that, with a country after them, name a foreign government body."""

    words: list[str]
    kind: str
    between: int = 0  # words (any case) allowed between the head and the country


class OfficeAcronymRow(Entry):
    """How a regional office's acronym is made, for acronyms outside the lexicon written after
    an office word (``Kepala DLHP``, ``Kepala Dinsosdaldukkb``): the head's letter followed by
    the initials of the fields in capitals (``DLHP``, ``DP3APMD``), or the head's syllable
    followed by field syllables in lower case (``Din`` + ``sos`` + ``dal`` + ``duk`` + ``kb``)."""

    cues: list[str]  # office words right before the acronym (Kepala, Kadis)
    initial: str  # the head's letter of an initials acronym (D)
    prefixes: list[str]  # the head's syllables of a syllable acronym (Din, Dis)
    syllables: list[str]  # field syllables (sos, duk, kb, perin, naker ...)
    kind: str


class NamedAfterRow(Entry):
    """Words that make a body mention the name of a thing (``BI Rate``, ``Spirit Demokrat``),
    or, with ``side = "place"``, words after which a capitalised word is a place."""

    words: list[str]
    side: Literal["before", "after", "place"]
