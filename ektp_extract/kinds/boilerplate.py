"""Blank out page furniture (ads, related links, share bars, captions) before extraction.

Rules are rows of ``patterns/boilerplate.toml``. Blanked text keeps its length
(spaces, newlines kept), so offsets stay valid and no record can come from it.

Speed: a rule's regex is tried on a line only when the line passes the rule's
cheap tests — ``requires`` (a substring) and, derived from the pattern itself,
the literal words its matches must start with (``Baca juga``, ``Foto``,
``Advertisement`` ...). Most lines fail every test and cost no regex call.
On an ASCII line a built-in rule runs as its stdlib twin (``twins.ascii_twin``;
a third of a ``regex`` call with a timeout); lines tried are at most ``MAX_LINE``
characters, which bounds the match without the timeout. Rules from extra pattern
directories keep the ``regex`` call with its timeout.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from typing import Final, Optional

import regex

from ..document import Document
from ..lexicon import Lexicon, builtin_dir, register_table
from ..twins import AnyMatch, ascii_twin
from .boilerplate_rows import BoilerplateRow as BoilerplateRow


register_table("boilerplate", "lines", BoilerplateRow)


#: Lines longer than this are prose: no boilerplate rule is tried on them.
MAX_LINE: Final = 450
#: Lines longer than this that end like a sentence are prose too.
PROSE_LINE: Final = 120

# pattern, action, rule id, requires (case-folded), starts (lower-case prefixes or None),
# the pattern's stdlib twin for ASCII lines (None: the regex call with its timeout)
_Rule = tuple[
    regex.Pattern[str], str, str, tuple[str, ...], Optional[tuple[str, ...]], Optional["re.Pattern[str]"]
]

_META: Final = frozenset("\\.^$*+?{}[]|()")
_COUNT: Final = regex.compile(r"\{\d*(?:,\d*)?\}")


def _class_end(p: str, i: int) -> int:
    """Index just after the character class opening at ``p[i] == "["``."""
    j = i + 1
    if j < len(p) and p[j] == "^":
        j += 1
    if j < len(p) and p[j] == "]":
        j += 1  # a leading "]" is a literal
    while j < len(p):
        if p[j] == "\\":
            j += 2
            continue
        if p[j] == "]":
            return j + 1
        j += 1
    return len(p)


def _seq_prefixes(p: str, i: int) -> tuple[set[str], int]:
    """Literal prefixes of the alternatives from ``p[i]`` up to the closing ``)`` or the end.

    Returns the prefixes (``""`` when an alternative can start with anything
    this reader does not follow) and the index just after the closing ``)``.
    Conservative: a quantified item, a class, an escape such as ``\\s`` or an
    anchor ends the prefix; a group (also a named one) ends it after the group's own
    prefixes; an inline flag or look-around gives up on the whole pattern.
    """
    out: set[str] = set()
    cur = {""}
    extending = True  # still extending the current alternative's prefixes
    while i < len(p):
        c = p[i]
        if c == "|":
            out |= cur
            cur, extending = {""}, True
            i += 1
            continue
        if c == ")":
            out |= cur
            return out, i + 1
        # one item: the literal strings it can be (None: not a literal) and where it ends
        lit: Optional[set[str]]
        if c == "(":
            if p.startswith("(?:", i):
                lit, j = _seq_prefixes(p, i + 3)
            elif p.startswith("(?P<", i) and p.find(">", i) > 0:  # a named group: as a plain one
                lit, j = _seq_prefixes(p, p.index(">", i) + 1)
            elif p.startswith("(?", i):
                return {""}, len(p)
            else:
                lit, j = _seq_prefixes(p, i + 1)
            last = True  # what follows a group is not followed
        elif c == "\\":
            lit = {p[i + 1]} if i + 1 < len(p) and not p[i + 1].isalnum() else None
            j, last = i + 2, False
        elif c == "[":
            lit, j, last = None, _class_end(p, i), True
        elif c in _META:
            lit, j, last = None, i + 1, True
        else:
            lit, j, last = {c}, i + 1, False
        # a quantifier: the item may be absent or repeated
        q = _COUNT.match(p, j) if j < len(p) and p[j] == "{" else None
        if q is not None:
            lit, j = None, q.end()
        elif j < len(p) and p[j] in "?*+":
            lit, j = None, j + 1
        if j < len(p) and p[j] in "?+" and (q is not None or p[j - 1] in "?*+"):
            j += 1  # lazy or possessive
        if extending:
            if lit is None or "" in lit:
                extending = False
            else:
                cur = {a + b for a in cur for b in lit}
                extending = not last
        i = j
    out |= cur
    return out, i


def _caseless_prefix(s: str) -> str:
    """``s`` lower-cased up to its first non-ASCII character that has case mappings
    (such a character may match an ASCII letter case-insensitively: K, ſ, İ)."""
    for n, ch in enumerate(s):
        if not ch.isascii() and not (ch.lower() == ch == ch.upper()):
            return s[:n].lower()
    return s.lower()


def literal_starts(pattern: str) -> Optional[tuple[str, ...]]:
    """Lower-case strings one of which every case-insensitive match of ``pattern``
    on an ASCII line must start with; None when the pattern does not say."""
    try:
        prefixes, end = _seq_prefixes(pattern, 0)
    except RecursionError:
        return None
    if end < len(pattern):
        return None  # an unbalanced ")": not followed
    starts = {_caseless_prefix(s) for s in prefixes}
    if not starts or "" in starts:
        return None
    return tuple(sorted(starts))


@dataclass(frozen=True)
class _Rules:
    whole: list[_Rule]  # line rules, in file order
    unanchored: list[_Rule]  # those without literal starts, in file order
    starts: tuple[str, ...]  # every literal start of every rule
    # first character of a line → the rules, in file order, that may match a line starting so:
    # those with a literal start beginning with it, and the unanchored ones (other characters)
    by_first: dict[str, list[_Rule]]
    # first character → every literal start beginning with it (a line starting with none of
    # them can match no anchored rule: only the unanchored ones are left)
    starts_by_first: dict[str, tuple[str, ...]]
    # a substring one of which every unanchored rule requires (None: some requires none)
    unanchored_needs: Optional["re.Pattern[str]"]
    inline: Optional[regex.Pattern[str]]
    inline_twin: Optional["re.Pattern[str]"]  # for ASCII texts, when every inline rule is built in


def _builtin_patterns() -> frozenset[str]:
    """The line patterns of the built-in ``boilerplate.toml`` (known to match in bounded time)."""
    path = builtin_dir() / "boilerplate.toml"
    if not path.is_file():
        return frozenset()
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return frozenset(r.get("pattern", "") for r in data.get("lines", []))


def _twin(pat: regex.Pattern[str], builtin: frozenset[str]) -> Optional["re.Pattern[str]"]:
    """The stdlib twin of a built-in line pattern, matching as ``pat`` on ASCII lines; None
    for other patterns, or when a non-ASCII letter of the pattern could match an ASCII letter
    case-insensitively (the Kelvin sign, a long s) where the twin's ASCII folding would not."""
    if pat.pattern not in builtin:
        return None
    for ch in pat.pattern:
        if not ch.isascii() and not (ch.lower() == ch == ch.upper()):
            return None
    return ascii_twin(pat)


def _compile(lex: Lexicon) -> _Rules:
    whole: list[_Rule] = []
    inline: list[str] = []
    builtin = _builtin_patterns()
    for row in lex.rows("boilerplate", "lines"):
        if row.action == "inline":
            inline.append(f"(?:{row.pattern})")
        else:
            pat = regex.compile(row.pattern, regex.I | regex.V0)
            requires = tuple(r.casefold() for r in row.requires)
            whole.append(
                (pat, row.action, row.id, requires, literal_starts(row.pattern), _twin(pat, builtin))
            )
    inl = regex.compile("|".join(inline), regex.I | regex.M) if inline else None
    inl_twin = None
    if inl is not None and all(p[3:-1] in builtin for p in inline):  # p is "(?:pattern)"
        inl_twin = _twin(inl, frozenset([inl.pattern]))
    unanchored = [r for r in whole if r[4] is None]
    starts = tuple(sorted({s for r in whole if r[4] is not None for s in r[4]}))
    by_first = {
        c: [r for r in whole if r[4] is None or any(s[:1] == c for s in r[4])]
        for c in {s[:1] for s in starts}
    }
    starts_by_first = {c: tuple(s for s in starts if s[:1] == c) for c in by_first}
    needs = None
    if all(r[3] for r in unanchored):
        needs = re.compile("|".join(re.escape(x) for x in sorted({x for r in unanchored for x in r[3]})))
    return _Rules(whole, unanchored, starts, by_first, starts_by_first, needs, inl, inl_twin)


#: Lines that belong to the article even without a closing mark: a numbered list item
#: (``1.Fraksi X``, ``2) Loket ...``) or a sentence introducing one (``... antara lain``).
_ARTICLE_LINE: Final = re.compile(
    r"\d{1,2}\s*[.)](?!\d)|.*\b(?:antara lain|yakni|yaitu|sebagai berikut|di ?antaranya|meliputi)\s*[:,]?$",
    re.IGNORECASE,
)


#: ``_ARTICLE_LINE``'s first branch (a numbered item); the second is :func:`_intro_end` on ASCII.
_NUMBERED: Final = re.compile(_ARTICLE_LINE.pattern.split("|", 1)[0], re.IGNORECASE)
_INTRO_WORDS: Final = ("antara lain", "yakni", "yaitu", "sebagai berikut", "diantaranya", "di antaranya", "meliputi")
#: What ``\s`` of a stdlib pattern without re.ASCII matches among ASCII characters.
_RE_SPACES: Final = "".join(c for c in map(chr, range(128)) if re.match(r"\s", c))


def _intro_end(t: str) -> bool:
    """``_ARTICLE_LINE``'s second branch on an ASCII line without a newline: a word of
    ``_INTRO_WORDS`` (any case) after a word boundary, then spaces and one ``:`` or ``,`` at most,
    at the end — read from the end instead of trying ``.*`` at every position."""
    w = t[:-1] if t.endswith((":", ",")) else t
    w = w.rstrip(_RE_SPACES)
    low = w.lower()
    for p in _INTRO_WORDS:
        if low.endswith(p):
            k = len(w) - len(p)
            if k == 0 or not (w[k - 1].isalnum() or w[k - 1] == "_"):
                return True
    return False


def _headline_like(text: str) -> bool:
    """A line a related-link block may hold: short, without a closing mark, not a list."""
    t = text.rstrip()
    if len(t) >= 160 or t.endswith((".", '"', "'", ":", ";")):
        return False
    if t.isascii() and "\n" not in t:  # (_ARTICLE_LINE.match(t) is None, in two cheap steps)
        return _NUMBERED.match(t) is None and not _intro_end(t)
    return _ARTICLE_LINE.match(t) is None


#: Non-ASCII characters that match an ASCII letter case-insensitively (İ ı ſ K): on a line
#: with one of them the literal starts are not checked.
_EXOTIC: Final = ("\u0130", "\u0131", "\u017f", "\u212a")


def _start_view(line: str, low: str) -> Optional[str]:
    """The line lower-cased with the same offsets, for the literal-start screens; None when
    they cannot trust it. ``low`` is ``line.casefold()``, the same on an ASCII line. Elsewhere
    a literal start's ASCII letter matches only itself in either case (without İ ı ſ K),
    and its other characters (digits, signs, ``©``, ``»``) have no case."""
    if line.isascii():
        return low
    for ch in _EXOTIC:
        if ch in line:
            return None
    view = line.lower()
    return view if len(view) == len(line) else None


def _match_line(line: str, rules: _Rules) -> tuple[str, str] | None:
    """(action, rule id) of the first rule, in file order, whose pattern matches the whole line."""
    low = line.casefold()
    ascii_line = line.isascii()
    view = _start_view(line, low)
    if view is not None:
        # literal starts: case-insensitive means lower-case (see _start_view); a rule with
        # none the line starts with cannot match (those of its first character: one call)
        first = view[:1]
        firsts = rules.starts_by_first.get(first)
        if firsts is None or not view.startswith(firsts):
            # only the unanchored rules: none is tried when the line holds none of their requires
            if rules.unanchored_needs is not None and rules.unanchored_needs.search(low) is None:
                return None
            tried = rules.unanchored
        else:
            tried = rules.by_first[first]
    else:
        tried = rules.whole
    for pat, act, rid, requires, starts, twin in tried:
        if requires:
            for r in requires:
                if r in low:
                    break
            else:
                continue
        if starts is not None and view is not None and not view.startswith(starts):
            continue
        if ascii_line and twin is not None:
            if twin.fullmatch(line):
                return act, rid
            continue
        if pat.fullmatch(line, timeout=1.0):
            return act, rid
    return None


#: Characters trimmed from the ends of a caption's kept words (what joined them to the credit).
_CAPTION_TRIM: Final = " \t-/(|*"
#: A caption of a stock or symbolic picture (``Ilustrasi ...``): it describes no event of the article.
_ILLUSTRATION: Final = re.compile(r"(?:foto |gambar )?ilustrasi\b", re.IGNORECASE)


def _caption_patterns(lex: Lexicon) -> dict[str, tuple[regex.Pattern[str], Optional["re.Pattern[str]"]]]:
    """Rule id → pattern and stdlib twin (as in ``_compile``) of the ``caption`` rules, matched
    again on a caption line for its groups."""
    builtin = _builtin_patterns()
    out = {}
    for row in lex.rows("boilerplate", "lines"):
        if row.action == "caption":
            pat = regex.compile(row.pattern, regex.I | regex.V0)
            out[row.id] = (pat, _twin(pat, builtin))
    return out


def _blank_caption(doc: Document, s: int, e: int, line: str, rule_id: str) -> None:
    """Blank a photo caption's label and credit; its own words (group ``text``) stay article text.

    The whole line is blanked when those words are fewer than three (a credit line, a bare
    name); when they hold no lower-case word (``Ketua KPU Kota X Nama``, ``Balai Kota X.``: a
    label, not a sentence; officials skip such a line as a headline, meta could take it for a
    byline, agencies for a body); when they describe an illustration; when they hold a quotation mark (a
    caption repeating a quote of the article would give the quote twice); and when the caption
    opens the page (meta would read it as the title).
    """
    reason = f"boilerplate:{rule_id}"
    pat, twin = doc.lexicon.compiled("boilerplate-captions", _caption_patterns)[rule_id]
    m = twin.fullmatch(line) if twin is not None and line.isascii() else pat.fullmatch(line, timeout=1.0)
    ts, te = m.span("text") if m is not None else (-1, -1)
    while ts < te and line[te - 1] in _CAPTION_TRIM:
        te -= 1
    while ts < te and line[ts] in _CAPTION_TRIM:
        ts += 1
    kept = line[ts:te]
    words = kept.split()
    if (
        len(words) < 3
        or not any(w[0].islower() for w in words)
        or '"' in kept
        or _ILLUSTRATION.match(kept)
        or not doc.text[:s].strip()
    ):
        doc.blank(s, e, reason)
        return
    if ts > 0:
        doc.blank(s, s + ts, reason)
    if s + te < e:
        doc.blank(s + te, e, reason)


def run(doc: Document) -> None:
    rules: _Rules = doc.lexicon.compiled("boilerplate", _compile)
    text = doc.text
    spans = doc.lines  # (a blank gives doc.lines a new list: this one stays)
    i = 0
    while i < len(spans):
        s, e = spans[i]
        n = e - s
        if n > MAX_LINE or (n > PROSE_LINE and text[e - 1] in '.!?"'):
            i += 1
            continue
        hit = _match_line(text[s:e], rules)
        if hit is None:
            i += 1
            continue
        action, rule_id = hit
        if action == "caption":
            _blank_caption(doc, s, e, text[s:e], rule_id)
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
    if rules.inline is not None:
        text = doc.text
        found: list[AnyMatch]  # (the twin's on ASCII text)
        if rules.inline_twin is not None and text.isascii():
            found = list(rules.inline_twin.finditer(text))
        else:
            found = list(rules.inline.finditer(text, timeout=2.0))
        for m in found:
            doc.blank(m.start(), m.end(), "boilerplate:inline")
