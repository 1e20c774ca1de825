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
    requires: list[str] = []  # cheap prefilter: the line must contain one of these (case-folded)
    note: str = ""


register_table("boilerplate", "lines", BoilerplateRow)


#: Lines longer than this are prose: no boilerplate rule is tried on them.
MAX_LINE = 450
#: Lines longer than this that end like a sentence are prose too.
PROSE_LINE = 120

_Rule = tuple[regex.Pattern[str], str, str, tuple[str, ...]]


def _compile(lex: Lexicon) -> tuple[list[_Rule], regex.Pattern[str] | None]:
    whole: list[_Rule] = []
    inline: list[str] = []
    for row in lex.rows("boilerplate", "lines"):
        if row.action == "inline":
            inline.append(f"(?:{row.pattern})")
        else:
            pat = regex.compile(row.pattern, regex.I | regex.V0)
            whole.append((pat, row.action, row.id, tuple(r.casefold() for r in row.requires)))
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
        action = rule_id = None
        n = e - s
        if n <= MAX_LINE and not (n > PROSE_LINE and text[e - 1] in '.!?"'):
            line = text[s:e]
            low = line.casefold()
            for pat, act, rid, requires in whole:
                if requires and not any(r in low for r in requires):
                    continue
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
