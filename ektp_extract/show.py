"""Looking at one article: a readable table on the terminal, or a displaCy page.

``ektp-extract show FILE`` prints the header facts and one table per kind of
record; ``--html OUT.html`` writes a page with every span highlighted under
the labels of :mod:`ektp_extract.spans` (OFFICIAL, POSITION, AGENCY,
QUANTITY, TARGET, DATE, QUOTE).
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any, Optional, Sequence

from .errors import DecodeFailure, EktpError
from .models import ArticleExtraction, Span
from .spans import LABELS, labelled_spans
from .text import decode

#: displaCy colours per label.
COLORS = {
    "OFFICIAL": "#f4a261", "POSITION": "#e9c46a", "AGENCY": "#8ecae6", "QUANTITY": "#b7e4c7",
    "TARGET": "#95d5b2", "DATE": "#cdb4db", "QUOTE": "#ffd6a5",
}


class InputError(EktpError):
    """The file is not one article that can be shown (exit code 2)."""


def load_article(data: bytes, name: str
                 ) -> tuple[str | bytes, Optional[str], Optional[str], Optional[str]]:
    """(payload for the extractor, source text, id, published) of one article file.

    ``name`` decides the format: ``*.json`` is an object ``{id?, text,
    published?}``; anything else is the article text, handed to the extractor
    as bytes so that it decodes them itself (and warns about the encoding).
    The source text is what the record offsets index; it is None when the
    bytes are not text (binary), which the extractor reports as warning W008.
    """
    low = name.lower()
    if low.endswith(".jsonl"):
        raise InputError("one article at a time: give a .txt, .md or .json file "
                         "(ektp-extract run reads .jsonl files)")
    if low.endswith(".json"):
        try:
            obj = json.loads(data)
        except ValueError as exc:
            raise InputError(f"{name}: not JSON ({exc})") from None
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            raise InputError(f"{name}: expected a JSON object with a string field 'text'")
        aid = obj.get("id")
        pub = obj.get("published")
        return (obj["text"], obj["text"], str(aid) if aid not in (None, "") else None,
                pub if isinstance(pub, str) else None)
    try:
        text: Optional[str] = decode(data).text
    except DecodeFailure:
        text = None
    return data, text, None, None


# ---------------------------------------------------------------------------- terminal


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, float):
        return f"{v:.4g}" if abs(v) < 1e6 else f"{v:,.0f}"
    if isinstance(v, int):
        return f"{v:,}".replace(",", ".") if abs(v) >= 10000 else str(v)
    if isinstance(v, Span):
        return f"{v.start}-{v.end}"
    if isinstance(v, list):
        return ", ".join(_cell(x) for x in v)
    return " ".join(str(v).split())


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]], width: int = 100) -> str:
    """A plain-text table that fits ``width``: the widest columns are cut with '…'."""
    cells = [[_cell(v) for v in r] for r in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    gap = 2
    while sum(widths) + gap * (len(widths) - 1) > width:
        i = max(range(len(widths)), key=lambda k: widths[k])
        if widths[i] <= max(6, len(headers[i])):
            break
        widths[i] -= 1

    def fit(s: str, w: int) -> str:
        return s if len(s) <= w else s[: max(0, w - 1)] + "…"

    lines = ["  ".join(fit(h, w).ljust(w) for h, w in zip(headers, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    for r in cells:
        lines.append("  ".join(fit(c, w).ljust(w) for c, w in zip(r, widths)).rstrip())
    return "\n".join(lines)


def render_text(res: ArticleExtraction, width: int = 100) -> str:
    """The records of one article as text: header facts, then a table per kind."""
    m = res.meta
    out = [f"article   {res.article_id}"]
    for label, value in (("title", m.title), ("published", m.published), ("outlet", m.outlet),
                         ("authors", m.authors), ("editors", m.editors),
                         ("section", m.section), ("dateline", m.dateline_location),
                         ("sources", m.cited_sources)):
        if value:
            text = _cell(value)
            room = max(10, width - 10)
            out.append(f"{label:<10}{text if len(text) <= room else text[:room - 1] + '…'}")
    agencies = {a.id: a for a in res.agencies}

    def section(title: str, headers: Sequence[str], rows: list[list[Any]]) -> None:
        out.append("")
        out.append(f"{title} ({len(rows)})")
        if rows:
            out.append(table(headers, rows, width))

    section("OFFICIALS", ["id", "name", "position", "agency", "mentions", "span"],
            [[o.id, o.name or "(unnamed)", o.position_canonical or o.position,
              agencies[o.agency_id].acronym or agencies[o.agency_id].name
              if o.agency_id in agencies else o.agency_id, len(o.mentions), o.span]
             for o in res.officials])
    section("AGENCIES", ["id", "name", "acronym", "kind", "level", "region", "mentions"],
            [[a.id, a.name + (" (inferred)" if a.inferred else ""), a.acronym, a.kind, a.level,
              a.region, len(a.mentions)] for a in res.agencies])
    section("QUANTITIES", ["value", "unit", "kind", "approx", "text", "span"],
            [[q.value, q.unit, q.kind, (q.comparator or "~") if q.approximate else q.comparator,
              q.text, q.span] for q in res.quantities])
    section("TARGETS", ["metric", "target", "achieved", "rate", "as of", "owner", "span"],
            [[t.metric, f"{_cell(t.target.value)} {t.target.unit or ''}".strip(),
              f"{_cell(t.achieved.value)} {t.achieved.unit or ''}".strip() if t.achieved else None,
              t.achievement_rate, t.as_of.value if t.as_of else None,
              t.owner_agency_id or t.region, t.span] for t in res.targets])
    section("DATES", ["value", "granularity", "kind", "role", "text", "span"],
            [[d.value, d.granularity, d.kind, d.role, d.text, d.span] for d in res.dates])
    section("QUOTES", ["speaker", "verb", "direct", "text", "span"],
            [[q.speaker, q.verb, q.direct, q.text, q.span] for q in res.quotes])
    if res.warnings:
        out.append("")
        out.append("WARNINGS")
        out.extend(f"  {w}" for w in res.warnings)
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------- displaCy


def spacy_doc(source: str, res: ArticleExtraction, key: str = "ektp") -> Any:
    """A spaCy Doc of ``source`` whose ``doc.spans[key]`` holds the labelled spans.

    Uses ``spacy.blank("xx")`` (tokenisation only); spans are widened to whole
    tokens (``alignment_mode="expand"``).
    """
    import spacy

    nlp = spacy.blank("xx")
    doc = nlp.make_doc(source)
    spans = []
    for start, end, label in labelled_spans(res, source):
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans[key] = spans
    return doc


def render_html(source: str, res: ArticleExtraction) -> str:
    """A standalone HTML page (displaCy "span" style) with every record span highlighted."""
    from spacy import displacy

    doc = spacy_doc(source, res)
    doc.user_data["title"] = res.meta.title or res.article_id
    body = displacy.render(doc, style="span", page=False, minify=True,
                           options={"spans_key": "ektp", "colors": COLORS})
    legend = " ".join(f'<span style="background:{COLORS[lab]};padding:2px 6px;'
                      f'border-radius:3px;margin-right:4px">{lab}</span>' for lab in LABELS)
    title = html.escape(res.meta.title or res.article_id)
    return (
        "<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{title}</title>\n"
        "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}"
        "pre{white-space:pre-wrap}</style>\n</head>\n<body>\n"
        f"<h1>{title}</h1>\n<p>{html.escape(res.article_id)}"
        f" · {html.escape(res.meta.published or 'no date')}</p>\n<p>{legend}</p>\n"
        f"{body}\n</body>\n</html>\n"
    )


def write_html(path: str | Path, source: str, res: ArticleExtraction) -> None:
    """Write :func:`render_html` to ``path`` (atomically)."""
    import os

    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(render_html(source, res), encoding="utf-8")
    os.replace(tmp, path)
