"""The state one article carries through the extraction stages."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final, Optional

from .lexicon import Lexicon
from .models import Agency, DateMention, Meta, Official, Quantity, Quote, Span, Target, _new_meta
from .fill import _object_new, _set_dict, _set_extra, _set_fields_set, _set_private
from .text import Mask, Prepared, lines, paragraphs, relines, split_sentences

#: The fields set of every span :meth:`Document.span` makes, one set shared by all of them
#: (a new set per span was an eighth of its cost, with its garbage-collector traversals).
#: Sharing is safe: pydantic only ever adds a field's name to a model's fields set (on
#: assignment; each of these names is in it already) and copies it for ``model_copy``.
_SPAN_FIELDS: Final = {"start", "end", "text"}

@dataclass
class Document:
    """One article under extraction.

    ``text`` is the working text: the normalised input with boilerplate, HTML
    and header lines blanked out (same length as ``prep.norm``). Stages read
    ``text`` and write their records into the lists below; positions are
    working-text positions until :meth:`span` maps them to the source.
    """

    prep: Prepared
    lexicon: Lexicon
    mask: Mask
    reference: Optional[datetime] = None
    warnings: list[str] = field(default_factory=list)
    meta: Meta = field(default_factory=_new_meta)
    publication: Optional[DateMention] = None
    body_start: int = 0
    quantities: list[Quantity] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    agencies: list[Agency] = field(default_factory=list)
    officials: list[Official] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    # Working-text ranges claimed by a stage, by label ("date", "quantity", ...),
    # so that later stages can skip them. Values: list of (start, end).
    claimed: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    # Free-form scratch space shared between stages (e.g. agency matches for officials).
    scratch: dict[str, Any] = field(default_factory=dict)
    _claim_index: dict[str, tuple[list[int], list[int]]] = field(default_factory=dict)
    _text: Optional[str] = None
    _lines: Optional[list[tuple[int, int]]] = None
    _lines_blanked: list[tuple[int, int]] = field(default_factory=list)  # blanked since _lines was read
    _paragraphs: Optional[list[tuple[int, int]]] = None
    _sentences: Optional[list[tuple[int, int]]] = None
    _lower: Optional[tuple[str, str]] = None  # (the working text, its str.lower())

    @property
    def source(self) -> str:
        return self.prep.source

    @property
    def text(self) -> str:
        """The working text (recomputed after masking changes)."""
        if self._text is None:
            self._text = self.mask.text()
        return self._text

    def blank(self, start: int, end: int, reason: str) -> None:
        """Blank a working-text range (header lines, boilerplate)."""
        self.mask.blank(start, end, reason)
        self._text = None
        if self._lines is not None:
            self._lines_blanked.append((start, end))
        self._paragraphs = None
        self._sentences = None

    def lower_text(self) -> str:
        """``self.text.lower()``, made once per working text and shared by the stages that
        ask (quantities, agencies, officials): each call of ``str.lower`` copies the text."""
        text = self.text
        hit = self._lower
        if hit is None or hit[0] is not text:
            hit = self._lower = (text, text.lower())
        return hit[1]

    @property
    def lines(self) -> list[tuple[int, int]]:
        """``text.lines(self.text)``: the non-blank lines of the working text, stripped.

        Read once per document; after blanks only the lines they touch are read again
        (:func:`text.relines`), so boilerplate, meta and the paragraphs share one scan.
        A new list each time the text changed: a caller's list stays as it was."""
        if self._lines is None:
            self._lines = lines(self.text)
        elif self._lines_blanked:
            self._lines = relines(self.text, self._lines, self._lines_blanked)
            self._lines_blanked = []
        return self._lines

    @property
    def paragraphs(self) -> list[tuple[int, int]]:
        if self._paragraphs is None:
            self._paragraphs = paragraphs(self.text, self.lines)
        return self._paragraphs

    @property
    def sentences(self) -> list[tuple[int, int]]:
        if self._sentences is None:
            # one scan of the text: [s for p in self.paragraphs for s in text.sentences(self.text, p)]
            self._sentences = split_sentences(self.text, self.paragraphs)
        return self._sentences

    def span(self, start: int, end: int) -> Span:
        """A :class:`Span` of the ORIGINAL input for a working-text range."""
        prep = self.prep
        s, e = prep.to_source(start, end) if prep._map is not None else (start, end)  # (identity: no call)
        # built without validation (the offsets are ints and the text is the source slice),
        # filled as Span.model_construct fills it but without its per-field loop (3x faster):
        # fill.filled(Span, {...}, {...}) written out, one call less per span
        obj = _object_new(Span)
        _set_dict(obj, {"start": s, "end": e, "text": prep.source[s:e]})
        _set_fields_set(obj, _SPAN_FIELDS)
        _set_extra(obj, None)
        _set_private(obj, None)
        return obj

    def claim(self, label: str, start: int, end: int) -> None:
        self.claimed.setdefault(label, []).append((start, end))
        self._claim_index.pop(label, None)

    def claim_all(self, label: str, ranges: list[tuple[int, int]]) -> None:
        """``claim(label, start, end)`` for each (start, end) of ``ranges``, in order."""
        self.claimed.setdefault(label, []).extend(ranges)
        self._claim_index.pop(label, None)

    def is_claimed(self, start: int, end: int, *labels: str) -> bool:
        """True when [start, end) overlaps a range claimed under any of ``labels`` (all if none).

        Logarithmic per query: ranges are kept sorted by start with a running
        maximum of their ends, so long inputs with many claims stay linear.
        """
        for label in labels or tuple(self.claimed):
            idx = self._claim_index.get(label)
            if idx is None:
                ranges = sorted(self.claimed.get(label, ()))
                starts = [r[0] for r in ranges]
                maxend: list[int] = []
                m = -1
                for _, e in ranges:
                    m = max(m, e)
                    maxend.append(m)
                idx = self._claim_index[label] = (starts, maxend)
            starts, maxend = idx
            i = bisect_left(starts, end) - 1  # last range starting before `end`
            if i >= 0 and maxend[i] > start:
                return True
        return False

    def paragraph_of(self, pos: int) -> tuple[int, int] | None:
        """The paragraph containing working-text position ``pos`` (binary search)."""
        return _containing(self.paragraphs, pos)

    def sentence_of(self, pos: int) -> tuple[int, int] | None:
        """The sentence containing working-text position ``pos`` (binary search)."""
        return _containing(self.sentences, pos)


_INF: Final = float("inf")  # (after every range end: ``(pos, _INF)`` sorts after every range starting at pos)


def _containing(ranges: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    i = bisect_right(ranges, (pos, _INF)) - 1
    if i >= 0 and ranges[i][0] <= pos < ranges[i][1]:
        return ranges[i]
    return None
