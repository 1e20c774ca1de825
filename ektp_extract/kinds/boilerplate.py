"""Blank out page furniture (ads, related links, share bars, captions) before extraction.

Rules are rows of ``patterns/boilerplate.toml``. Blanked text keeps its length
(spaces, newlines kept), so offsets stay valid and no record can come from it.
"""

from __future__ import annotations

from typing import Literal

import regex

from ..document import Document
from ..lexicon import Entry, Lexicon, register_table
from ..text import lines


class BoilerplateRow(Entry):
    pattern: str
    action: Literal["line", "block", "rest", "inline"] = "line"
    note: str = ""


register_table("boilerplate", "lines", BoilerplateRow)


def _compile(lex: Lexicon) -> tuple[list[tuple[regex.Pattern[str], str, str]], regex.Pattern[str] | None]:
    whole: list[tuple[regex.Pattern[str], str, str]] = []
    inline: list[str] = []
    for row in lex.rows("boilerplate", "lines"):
        if row.action == "inline":
            inline.append(f"(?:{row.pattern})")
        else:
            whole.append((regex.compile(row.pattern, regex.I | regex.V0), row.action, row.id))
    inl = regex.compile("|".join(inline), regex.I | regex.M) if inline else None
    return whole, inl


def _headline_like(text: str) -> bool:
    t = text.rstrip()
    return len(t) < 160 and not t.endswith((".", '"', "'", ":", ";"))


def run(doc: Document) -> None:
    whole, inline = doc.lexicon.compiled("boilerplate", _compile)
    text = doc.text
    spans = lines(text)
    i = 0
    while i < len(spans):
        s, e = spans[i]
        line = text[s:e]
        action = rule_id = None
        if len(line) <= 600:
            for pat, act, rid in whole:
                if pat.fullmatch(line, timeout=1.0):
                    action, rule_id = act, rid
                    break
        if action is None:
            i += 1
            continue
        if action == "rest":
            doc.blank(s, len(text), f"boilerplate:{rule_id}")
            break
        doc.blank(s, e, f"boilerplate:{rule_id}")
        i += 1
        if action == "block":
            while i < len(spans) and _headline_like(text[spans[i][0]:spans[i][1]]):
                doc.blank(spans[i][0], spans[i][1], f"boilerplate:{rule_id}")
                i += 1
    if inline is not None:
        for m in inline.finditer(doc.text, timeout=2.0):
            doc.blank(m.start(), m.end(), "boilerplate:inline")
