"""ArticleExtraction → labelled character spans, for highlighting (spaCy, displaCy, ``show``).

One place decides which record span gets which label, so that the spaCy
component (``doc.spans["ektp"]``) and ``ektp-extract show --html`` draw the
same thing:

======== ==============================================================
OFFICIAL every mention of a named official or office holder
POSITION the position as written, located next to the official's mention
AGENCY   every mention of an agency (inferred agencies have none)
QUANTITY each quantity
TARGET   each target statement
DATE     each date mention, the publication date line included
QUOTE    each quote (direct or indirect)
======== ==============================================================
"""

from __future__ import annotations

from typing import Final, Optional

from .models import ArticleExtraction, Official, Span

#: The labels, in drawing order.
LABELS: Final[tuple[str, ...]] = ("OFFICIAL", "POSITION", "AGENCY", "QUANTITY", "TARGET", "DATE", "QUOTE")

#: How far (characters) from an official's mention the position text is looked for.
POSITION_WINDOW: Final = 400


def labelled_spans(result: ArticleExtraction,
                   source: Optional[str] = None) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` character ranges of ``source``, sorted and without duplicates.

    Offsets are those of the records (into the original input string). The
    records carry no span for an official's position, so POSITION spans need
    ``source`` (the text that was extracted from) to find the position text
    written next to a mention; without it they are left out.

    >>> from ektp_extract import extract
    >>> text = "Sebanyak 96.616 warga sudah merekam data."
    >>> [(text[s:e], lab) for s, e, lab in labelled_spans(extract(text), text)]
    [('96.616 warga', 'QUANTITY')]
    """
    out: set[tuple[int, int, str]] = set()

    def add(span: Optional[Span], label: str) -> None:
        if span is not None and span.end > span.start:
            out.add((span.start, span.end, label))

    for o in result.officials:
        add(o.span, "OFFICIAL")
        for m in o.mentions:
            add(m, "OFFICIAL")
        if source is not None:
            pos = position_span(o, source)
            if pos is not None:
                out.add((pos[0], pos[1], "POSITION"))
    for a in result.agencies:
        if a.inferred:
            continue
        add(a.span, "AGENCY")
        for m in a.mentions:
            add(m, "AGENCY")
    for q in result.quantities:
        add(q.span, "QUANTITY")
    for t in result.targets:
        add(t.span, "TARGET")
    for d in result.dates:
        add(d.span, "DATE")
    for qu in result.quotes:
        add(qu.span, "QUOTE")
    order = {lab: i for i, lab in enumerate(LABELS)}
    return sorted(out, key=lambda x: (x[0], -x[1], order[x[2]]))


def position_span(official: Official, source: str) -> Optional[tuple[int, int]]:
    """Where ``official.position`` is written nearest to one of the official's mentions."""
    pos = (official.position or "").strip()
    if not pos:
        return None
    anchors = [official.span, *official.mentions]
    best: Optional[tuple[int, tuple[int, int]]] = None
    for m in anchors:
        lo = max(0, m.start - POSITION_WINDOW - len(pos))
        hi = min(len(source), m.end + POSITION_WINDOW + len(pos))
        i = source.find(pos, lo, hi)
        while i != -1:
            e = i + len(pos)
            dist = m.start - e if e <= m.start else (i - m.end if i >= m.end else 0)
            if best is None or dist < best[0]:
                best = (dist, (i, e))
            i = source.find(pos, i + 1, hi)
    return best[1] if best is not None else None
