"""Pydantic records of SPEC §3.

Field names are public API: the JSON written by :meth:`ArticleExtraction.to_json`
is what datasets are built from. Every record that comes from text carries a
:class:`Span` whose offsets point into the ORIGINAL input string, so that
``source[span.start:span.end] == span.text`` holds for every record.
"""

from __future__ import annotations

from typing import Any, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

from .__about__ import SCHEMA_VERSION, __version__
# (filled: re-exported, the records' makers here and outside the stages use it too)
from .fill import filled  # noqa: F401

QuantityKind = Literal["count", "percent", "money", "age", "duration", "other"]
Comparator = Literal[">", "<", ">=", "<=", "~"]
Granularity = Literal["year", "month", "day", "minute"]
DateKind = Literal["absolute", "partial", "relative", "recurring", "vague"]
DateRole = Literal["publication", "mention"]
AgencyLevel = Literal["pusat", "provinsi", "kabupaten", "kota", "kecamatan", "desa"]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Span(_Record):
    """Character offsets into the original input, end exclusive."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Quantity(_Record):
    """A number with what it counts: ``96.616 KTP`` → value 96616, unit ``KTP``."""

    value: Optional[float | int] = Field(
        description="The number as an Indonesian reader reads it (96.616 → 96616, 1,8 → 1.8, "
        "Rp 2,5 miliar → 2500000000); null for vague amounts"
    )
    unit: Optional[str] = Field(
        default=None, description="Counted noun as written, or persen / rupiah / tahun ..."
    )
    kind: QuantityKind = "count"
    approximate: bool = False
    comparator: Optional[Comparator] = None
    range_end: Optional[float | int] = Field(
        default=None, description="Upper end of a range such as 5-10 orang (value is the lower end)"
    )
    text: str
    span: Span
    rule: str = ""


class DateMention(_Record):
    """A date expression normalised at the granularity it states, never finer."""

    text: str
    value: Optional[str] = Field(
        default=None,
        description="ISO: YYYY, YYYY-MM, YYYY-MM-DD or a datetime with offset; null when vague "
        "or when a relative date has no reference",
    )
    end: Optional[str] = Field(default=None, description="End of a range, same format as value")
    granularity: Optional[Granularity] = None
    kind: DateKind = "absolute"
    role: DateRole = "mention"
    span: Span
    rule: str = ""


class Target(_Record):
    """A stated target, with what was achieved against it when the text says so."""

    metric: Optional[str] = Field(default=None, description="What is counted, e.g. perekaman e-KTP")
    target: Quantity
    achieved: Optional[Quantity] = None
    achievement_rate: Optional[float] = Field(
        default=None, description="achieved / target when both share a unit"
    )
    as_of: Optional[DateMention] = None
    owner_agency_id: Optional[str] = None
    region: Optional[str] = None
    span: Span
    rule: str = ""


class Agency(_Record):
    """A named body, one record per body, every mention kept."""

    id: str
    name: str = Field(description="Longest full form")
    acronym: Optional[str] = None
    aliases: list[str] = Field(default_factory=list)
    kind: Optional[str] = Field(
        default=None, description="kementerian, dinas, badan, pemerintah daerah, DPRD, polri, ..."
    )
    level: Optional[AgencyLevel] = None
    region: Optional[str] = None
    mentions: list[Span] = Field(default_factory=list)
    inferred: bool = Field(default=False, description="Only implied, e.g. by Mendagri")
    span: Optional[Span] = Field(default=None, description="First mention; null when inferred")
    rule: str = ""


class Official(_Record):
    """A person with a public role, or an unnamed office holder (name null)."""

    id: str
    name: Optional[str] = Field(description="Degrees and honorifics removed")
    honorifics: list[str] = Field(default_factory=list)
    position: Optional[str] = Field(default=None, description="As written")
    position_canonical: Optional[str] = Field(default=None, description="Abbreviations expanded")
    agency_id: Optional[str] = None
    region: Optional[str] = None
    mentions: list[Span] = Field(default_factory=list)
    span: Span = Field(description="First mention")
    rule: str = ""


class Quote(_Record):
    """Direct or indirect speech with its speaker."""

    speaker_id: Optional[str] = None
    speaker: Optional[str] = None
    text: str
    verb: Optional[str] = None
    direct: bool = True
    span: Span
    rule: str = ""


class Meta(_Record):
    """Article header facts. ``spans`` says where each came from."""

    title: Optional[str] = None
    published: Optional[str] = Field(
        default=None, description="ISO 8601, with the offset when a time is known"
    )
    outlet: Optional[str] = None
    authors: list[str] = Field(default_factory=list)
    editors: list[str] = Field(
        default_factory=list, description="Editors named in the byline (never officials)"
    )
    section: Optional[str] = None
    dateline_location: Optional[str] = None
    cited_sources: list[str] = Field(default_factory=list)
    spans: dict[str, list[Span]] = Field(
        default_factory=dict, description="Field name → the spans it was read from"
    )


#: ``type(x) in OPT_STR``: the plain type test of an optional string field before :func:`filled`.
OPT_STR = frozenset((str, type(None)))


def _new_meta() -> Meta:
    """An empty :class:`Meta`, equal to ``Meta()`` but filled without validation
    (the default of every Document)."""
    return filled(Meta, {
        "title": None, "published": None, "outlet": None, "authors": [], "editors": [],
        "section": None, "dateline_location": None, "cited_sources": [], "spans": {},
    }, set())


class ArticleExtraction(_Record):
    """Everything extracted from one article."""

    schema_version: str = SCHEMA_VERSION
    extractor_version: str = __version__
    article_id: str = ""
    content_hash: str = Field(default="", description="sha256 of the decoded source text")
    meta: Meta = Field(default_factory=Meta)
    officials: list[Official] = Field(default_factory=list)
    agencies: list[Agency] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    def to_json(self, indent: int | None = None) -> str:
        """Deterministic JSON (same input → byte-identical output)."""
        return self.model_dump_json(indent=indent)

    def iter_spans(self) -> list[tuple[str, Span]]:
        """Every (label, span) in the record tree; used by tests and the spaCy adapter."""
        out: list[tuple[str, Span]] = []
        for key, spans in self.meta.spans.items():
            out.extend((f"meta.{key}", s) for s in spans)
        for o in self.officials:
            out.append(("official", o.span))
            out.extend(("official.mention", s) for s in o.mentions)
        for a in self.agencies:
            if a.span is not None:
                out.append(("agency", a.span))
            out.extend(("agency.mention", s) for s in a.mentions)
        for q in self.quantities:
            out.append(("quantity", q.span))
        for t in self.targets:
            out.append(("target", t.span))
            out.append(("target.target", t.target.span))
            if t.achieved is not None:
                out.append(("target.achieved", t.achieved.span))
            if t.as_of is not None:
                out.append(("target.as_of", t.as_of.span))
        for d in self.dates:
            out.append(("date", d.span))
        for qu in self.quotes:
            out.append(("quote", qu.span))
        return out


def new_result(article_id: str, content_hash: str) -> ArticleExtraction:
    """``ArticleExtraction(article_id=..., content_hash=...)``, filled without validation
    (the start of every extraction; tests/test_models.py checks it equals the validated one)."""
    if type(article_id) is not str or type(content_hash) is not str:
        return ArticleExtraction(article_id=article_id, content_hash=content_hash)  # validated
    return filled(ArticleExtraction, {
        "schema_version": SCHEMA_VERSION, "extractor_version": __version__, "article_id": article_id,
        "content_hash": content_hash, "meta": _new_meta(), "officials": [], "agencies": [],
        "quantities": [], "targets": [], "dates": [], "quotes": [], "warnings": [],
    }, {"article_id", "content_hash"})


def json_schema() -> dict[str, object]:
    """JSON Schema of :class:`ArticleExtraction`."""
    return ArticleExtraction.model_json_schema()
