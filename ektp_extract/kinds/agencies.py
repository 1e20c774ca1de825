"""Extraction of `agencies` (SPEC §3): named public bodies and their mentions.

A *body type* is one row of ``patterns/agencies.toml`` (``disdukcapil``:
"Dinas Kependudukan dan Pencatatan Sipil", acronyms Disdukcapil, Dukcapil,
...). A concrete agency in an article is a body type plus, for regional
bodies, a region (``Disdukcapil Kota Magelang``), or a national singleton
(``Kemendagri``). See docs/agencies.md.
"""

from __future__ import annotations

from typing import Literal, Optional

from ..document import Document
from ..lexicon import Entry, register_table
from ..models import Agency

Level = Literal["pusat", "provinsi", "kabupaten", "kota", "kecamatan", "desa"]
RegionType = Literal["provinsi", "kabupaten", "kota"]


class BodyRow(Entry):
    """A body type: its full forms, acronyms, kind and how it attaches to a place."""

    name: str
    forms: list[str] = []
    acronyms: list[str] = []
    kind: str
    level: Optional[Level] = None
    takes: Literal["none", "region", "name"] = "none"
    region_types: list[RegionType] = []


register_table("agencies", "bodies", BodyRow)


def _rows(doc: Document) -> dict[str, BodyRow]:
    return doc.lexicon.compiled(
        "agencies:rows", lambda lex: {r.id: r for r in lex.rows("agencies", "bodies")}
    )


def _keys(doc: Document) -> dict[str, tuple[str, Optional[str]]]:
    """agency id → (body row id, canonical region) for the agencies of this article."""
    keys: dict[str, tuple[str, Optional[str]]] = doc.scratch.setdefault("agency_keys", {})
    return keys


def _canonical_region(doc: Document, region: Optional[str]) -> Optional[str]:
    """``Kota Magelang`` / ``Magelang`` / ``Jateng`` → the canonical region string, else as given."""
    if not region:
        return None
    from .regions import canonical_region

    return canonical_region(doc.lexicon, region) or " ".join(region.split())


def _level_of(row: BodyRow, region: Optional[str]) -> Optional[Level]:
    if row.level is not None:
        return row.level
    if region:
        head = region.split(" ", 1)[0].casefold()
        if head in ("provinsi", "kabupaten", "kota"):
            return head  # type: ignore[return-value]
    return None


def ensure_inferred(doc: Document, agency_row_id: str, region: str | None = None) -> str:
    """The id of the agency of body type ``agency_row_id`` (in ``region``), adding it if absent.

    Used for bodies implied by a position (``Mendagri`` → Kementerian Dalam
    Negeri). An agency of the same body type and region already in
    ``doc.agencies`` is reused; with ``region`` None any agency of that type
    is reused (the one without a region first). Otherwise a record with
    ``inferred=True``, ``span=None`` and no mentions is appended. An unknown
    row id still gets a record (named after the id) so callers never fail.
    """
    rows = _rows(doc)
    row = rows.get(agency_row_id)
    canon = _canonical_region(doc, region)
    keys = _keys(doc)
    same = [a for a in doc.agencies if keys.get(a.id, ("", None))[0] == agency_row_id]
    if canon is not None:
        for a in same:
            if keys[a.id][1] == canon:
                return a.id
    elif same:
        same.sort(key=lambda a: keys[a.id][1] is not None)
        return same[0].id
    aid = f"ag-{len(doc.agencies) + 1}"
    if row is None:
        doc.warnings.append(f"[W101] agencies: unknown body type {agency_row_id!r} (ensure_inferred)")
        name, acronym, kind, level = agency_row_id, None, None, None
    else:
        name = row.name
        if canon and row.takes == "region":
            name = f"{row.name} {canon}"
        acronym = row.acronyms[0] if row.acronyms else None
        kind, level = row.kind, _level_of(row, canon)
    doc.agencies.append(
        Agency(id=aid, name=name, acronym=acronym, kind=kind, level=level, region=canon,
               inferred=True, span=None, mentions=[], rule=f"agencies:inferred:{agency_row_id}")
    )
    keys[aid] = (agency_row_id, canon)
    return aid


def agency_at(doc: Document, start: int, end: int) -> str | None:
    """The id of the agency mentioned inside or overlapping working-text range [start, end).

    When several mentions overlap, the one covering most of the range wins
    (ties: the earliest).
    """
    best: tuple[int, int, str] | None = None
    for s, e, aid in doc.scratch.get("agency_mentions", ()):
        if s < end and start < e:
            overlap = min(e, end) - max(s, start)
            if best is None or overlap > best[0]:
                best = (overlap, -s, aid)
    return best[2] if best else None


def run(doc: Document) -> None:
    """Find agencies in `doc.text` and append them to `doc.agencies`."""
    doc.scratch.setdefault("agency_mentions", [])
