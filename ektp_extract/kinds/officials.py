"""Officials (SPEC §3): named people with a public role, their positions and mentions.

A position is found by its head (``Kepala Dinas``, ``Kabid``, ``Bupati``,
``Mendagri`` ... from ``patterns/positions.toml``), optionally after an acting
prefix (``Plt``, ``Pj``) and ``Wakil``. The words after the head are read as
the position's *unit part* while they are unit words (``Bidang``,
``Kependudukan``), agency mentions, regions, acronyms, numbers or
parenthesised abbreviations; the person's name is looked for in the forms
Indonesian news uses::

    Kepala X, Nama, mengatakan          position_comma_name
    Kepala X Nama mengatakan            position_name     (kata Kepala X Nama, Presiden SBY,
                                                           kata juru bicara Kemenlu Nama)
    Nama, Kepala X, mengatakan          name_comma_position (ujar Nama, Kepala X.; Nama selaku
                                                           ketua panitia ...; Nama, ketua X,)

A head in lower case is read only next to a name (see :func:`_parse_lower`).
Short names in parentheses (``Joko Widodo (Jokowi)``) are mentions of the
person; an office named first and its holder introduced later (``Nama, kepala
distrik itu``) are one official.

Degrees, titles and ranks around the name (``Drs.``, ``H.``, ``S.Sos``,
``AKBP``) go to ``honorifics`` (``patterns/honorifics.toml``). A position with
no name nearby becomes an unnamed office holder (``name`` null) when it is
unique in the country (``Mendagri``) or names its region or body
(``Bupati Sleman``). Later short mentions (``kata Agung``) join the official
whose name contains them. Positions are expanded into ``position_canonical``
(``Kabid`` → ``Kepala Bidang``, ``Disdukcapil`` → ``Dinas Kependudukan dan
Pencatatan Sipil``). See docs/officials.md.

Hands to the quotes stage ``doc.scratch["official_refs"]``: working-text
``(start, end, official_index, kind)`` of every mention, ``kind`` one of
``intro`` (position and name together), ``name`` or ``position``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any, Final, Iterable, Iterator, Literal, Optional

import regex

from ..document import Document
from .calendar import calendar as _calendar
from ..lexicon import Lexicon, register_table
from ..fill import filled
from ..models import OPT_STR, Official, Span
from ..text import COMPASS_WORDS, one_edit
from .officials_rows import (RegionType as RegionType, PositionRow as PositionRow,
                             PrefixRow as PrefixRow, ExpansionRow as ExpansionRow,
                             WordListRow as WordListRow, ContractionRow as ContractionRow,
                             TitleRow as TitleRow, CorpsRow as CorpsRow)

# imported once here, not per document (an import statement costs microseconds); the
# stage still runs without them, as before
try:
    from . import regions as _regions
except Exception:  # noqa: BLE001 — regions are optional data
    _regions = None  # type: ignore[assignment]
try:
    from . import agencies as _agencies
except Exception:  # noqa: BLE001 — linking to agencies is best effort
    _agencies = None  # type: ignore[assignment]

# ---------------------------------------------------------------- pattern rows

register_table("positions", "positions", PositionRow)
register_table("positions", "acting", PrefixRow)
register_table("positions", "modifiers", PrefixRow)
register_table("positions", "expansions", ExpansionRow)
register_table("positions", "unit_words", WordListRow)
register_table("positions", "contractions", ContractionRow)
register_table("positions", "not_after", WordListRow)
register_table("positions", "place_cues", WordListRow)
register_table("positions", "documents", WordListRow)
register_table("positions", "qualifiers", WordListRow)
register_table("positions", "letter_units", WordListRow)
register_table("positions", "not_lower", WordListRow)
register_table("positions", "not_office", WordListRow)
register_table("positions", "nominating", WordListRow)
register_table("positions", "countries", WordListRow)
register_table("positions", "party_parens", WordListRow)
register_table("positions", "unit_phrases", WordListRow)
register_table("honorifics", "titles", TitleRow)
register_table("honorifics", "corps", CorpsRow)
register_table("names", "wordlists", WordListRow)

# ---------------------------------------------------------------- ASCII twins of patterns

from ..twins import _MAX, AnyMatch, Twin, ascii_twin, twin  # noqa: F401 — re-exported for quotes and tests


# ---------------------------------------------------------------- compiled lexicon

# a word with inner hyphens, slashes, dots and apostrophes (S.Sos, e-KTP, 0705/Magelang,
# Jum'at), or one punctuation character
_TOKEN: Final = twin(r"\w+(?:[-/.'’]\w+)*|[^\s\w]")
# the two patterns of _TOKEN, called directly where a token scan starts (_TOKEN.finditer as
# Twin.finditer runs it, without that method's Python call: a scan starts at every head)
_TOKEN_U: Final = _TOKEN.u
assert _TOKEN.a is not None
_TOKEN_A: Final = _TOKEN.a
_ROMAN: Final = twin(r"(?=[IVXL])L?X{0,3}(?:IX|IV|V?I{0,3})")
_ACRONYM: Final = twin(r"(?=[\p{Lu}\d&-]*\p{Lu}[\p{Lu}\d&-]*\p{Lu})[\p{Lu}\d][\p{Lu}\d&-]+(?:-?[\p{Ll}]{1,3})?")
# a capitalised name word: Devananda, Widhiantoro, O'Neil, Al-Farisi, McDonald
_NAME_WORD: Final = twin(r"\p{Lu}[\p{Ll}'’]+(?:\p{Lu}[\p{Ll}]+)?(?:-\p{Lu}?[\p{Ll}'’]+)*")
_SPACE: Final = twin(r"[ \t]*")
_LETTERS_RUN: Final = twin(r"[\p{L}]+")
_DEGREE_GATE: Final = twin(r"[ ]*,?[ ]*([\p{L}]+)")
_LOWER_WORD: Final = twin(r"[\p{Ll}]+")
_INITIAL_DOT: Final = twin(r"(\p{Lu}[\p{Ll}]{0,3})\.")
_INITIAL_MID: Final = twin(r"(\p{Lu})(?=[ ]+\p{Lu}\p{Ll})")
_INITIAL_START: Final = twin(r"(\p{Lu})(?=[ ]+\p{Lu}\p{Ll}+(?:[ ]+\p{Lu}\p{Ll}|[ ]*[,.;:)\n]|[ ]+\p{Ll}|[ ]*\Z))")
_PARTICLE_OR_ROMAN: Final = twin(r"(?:I|Ni|[IVX]{1,4})(?![\p{L}\d])")
# one step of a name: a lowercase particle, an initial, I/Ni or a Roman numeral, or a name word
_STEP: Final = twin(
    r"(?P<sp>[ ]*)(?:(?P<low>\p{Ll}+)(?=[ ]+\p{Lu})"
    r"|(?P<abbr>\p{Lu}\p{Ll}{0,3})(?=\.[ ]+\p{Lu}|\.\p{Lu}\p{Ll})"
    r"|(?P<ini>\p{Lu})(?=[ ]+(?:\p{Lu}[ ]+)?\p{Lu}\p{Ll})"  # (Ampera A Y Mebas: two spaced initials)
    r"|(?P<rom>I|Ni|[IVX]{1,4})(?![\p{L}\d])"
    r"|(?P<word>\p{Lu}[\p{Ll}'’]+(?:\p{Lu}[\p{Ll}]+)?(?:-\p{Lu}?[\p{Ll}'’]+)*)"
    r"|(?P<caps>\p{Lu}{2,3})(?![\p{L}\d'’-])"
    r"|(?P<hyp>\p{Ll}{1,3}-\p{Lu}?[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)*)"
    r"|(?P<dots>\p{Lu}(?:\.\p{Lu}){1,3}\.?)(?=[ ]+\p{Lu}\p{Ll}))"
)
_NEXT_CAP_WORD: Final = twin(r"[ ]+(\p{Lu}\p{Ll}+)(?![\p{L}\d])")
_TWO_NAME_WORDS: Final = twin(r"[ ]+\p{Lu}\p{Ll}+[ ]+\p{Lu}\p{Ll}+")
_ROMANS: Final = frozenset(
    "I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX".split()
)
_NAME_SPLIT: Final = twin(r"[\s.]+")
# what follows a full stop that ends a sentence: a capitalised word, a new line or the end
_SENTENCE_NEXT: Final = twin(r"[ \t]*(?:\n|\Z)|[ \t]+[\p{Lu}\"“]")
_LINE_WORD: Final = twin(r"[\p{L}][\p{L}'’-]*")
_ALNUM: Final = twin(r"[\p{L}\d]+")
_CAP_BEFORE: Final = twin(r"(?r)(\p{Lu}[\p{L}'’-]*)[ ]\Z")
_CAP_AFTER: Final = twin(r"[ ](\p{Lu}[\p{L}'’-]*)")

_DIGITS: Final = twin(r"\d+")
# the stdlib match functions of twins that _parse_name calls on ASCII text (Twin.match's first branch)
assert _INITIAL_DOT.a is not None and _LETTERS_RUN.a is not None and _DEGREE_GATE.a is not None
_INITIAL_DOT_A, _LETTERS_RUN_A, _DEGREE_GATE_A = (_INITIAL_DOT.a.match, _LETTERS_RUN.a.match, _DEGREE_GATE.a.match)


def _skip_space(text: str, pos: int) -> int:
    """``_SPACE.match(text, pos).end()`` without a regex call: past spaces and tabs."""
    n = len(text)
    while pos < n and text[pos] in " \t":
        pos += 1
    return pos if pos < n else n  # (a regex clamps a start past the end; min() without the call)


def _flex(form: str) -> str:
    """A regex for a title form with optional dots and spaces between letter groups.

    ``S.Sos`` → matches ``S.Sos``, ``S.Sos.``, ``S. Sos``, ``SSos``; ``SH`` also
    matches ``S.H.``. Forms with other punctuation (``(Purn)``) are literal.
    """
    if regex.search(r"[^\p{L}\d. ]", form):
        return regex.escape(form)
    chunks: list[str] = []
    for part in regex.split(r"[. ]+", form.strip(". ")):
        if not part:
            continue
        if part.isupper() and 2 <= len(part) <= 4 and part.isalpha():
            chunks.extend(part)
        else:
            chunks.append(part)
    return r"\.?[ ]?".join(regex.escape(c) for c in chunks) + r"\.?"


def _flex_chunks(form: str) -> list[str]:
    """The letter groups of a title form, as :func:`_flex` separates them."""
    chunks: list[str] = []
    for part in regex.split(r"[. ]+", form.strip(". ")):
        if not part:
            continue
        if part.isupper() and 2 <= len(part) <= 4 and part.isalpha():
            chunks.extend(part)
        else:
            chunks.append(part)
    return chunks


def flex_trie(forms: list[str]) -> str:
    """One regex for many title forms, each as :func:`_flex` would match it, factored
    as a trie of letter groups (a flat alternation of hundreds of forms is slow).

    At each step the longer continuation is tried first, so the longest form that
    fits wins, as in a longest-first alternation.
    """
    trie: dict[str, Any] = {}
    literal: list[str] = []
    for f in set(forms):
        if not f:
            continue
        if regex.search(r"[^\p{L}\d. ]", f):
            literal.append(f)
            continue
        node = trie
        for c in _flex_chunks(f):
            node = node.setdefault(c, {})
        node[""] = {}

    def branch(node: dict[str, Any]) -> str:
        kids = sorted((k for k in node if k), key=lambda k: (-len(k), k))
        return "|".join(regex.escape(k) + after(node[k]) for k in kids)

    def after(node: dict[str, Any]) -> str:
        more = branch(node)
        if not more:
            return r"\.?"
        if "" in node:
            return rf"(?:\.?[ ]?(?:{more})|\.?)"
        return rf"\.?[ ]?(?:{more})"

    alts = [regex.escape(f) for f in sorted(literal, key=lambda f: (-len(f), f))]
    body = branch(trie)
    if body:
        alts.append(body)
    return "(?:" + "|".join(alts) + ")" if alts else "(?!)"


def _key(form: str) -> tuple[str, ...]:
    """A form as a tuple of case-folded tokens (``Plt.`` → ("plt", "."))."""
    return tuple(m.group(0).casefold() for m in _TOKEN.finditer(form))


def trie_pattern(words: list[str]) -> str:
    """One regex alternative per word, factored as a trie (much faster than a flat ``a|b|c``).

    Longer words are tried first: ``kabid`` and ``kabidhumas`` both match.
    """
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alts = [regex.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie) or "(?!)"


def _alt(forms: list[str], flex: bool = False) -> str:
    uniq = sorted(set(f for f in forms if f), key=lambda f: (-len(f), f))
    if flex:
        return "(?:" + "|".join(_flex(f) for f in uniq) + ")"
    return "(?:" + "|".join(regex.escape(f).replace(r"\ ", r"[ ]+") for f in uniq) + ")"


@dataclass
class OffLex:
    """Everything the officials stage builds once per lexicon."""

    head_keys: dict[tuple[str, ...], PositionRow]  # casefolded tokens of a head form → row
    acting_keys: dict[tuple[str, ...], PrefixRow]
    mod_keys: dict[tuple[str, ...], PrefixRow]
    head_trie: dict[str, Any]  # the keys above as token tries (see _walk)
    acting_trie: dict[str, Any]
    mod_trie: dict[str, Any]
    first_rx: Any  # first token of any form as capitalised or as written
    lower_rx: Any  # first token of any form, lower case (for "bupati bernama X")
    pre_rx: Any  # one or more titles before a name, anchored
    post_rx: Any  # one degree after a name (with its leading comma/space), anchored
    pre_one: Any  # exactly one pre-name title
    title_starts: set[str]  # casefolded first letters-run of every pre-name title
    degree_starts: set[str]  # casefolded first letter of every degree (s, m, d ...)
    unit_words: set[str]  # casefolded
    acronyms: set[str]  # agency acronyms as written (AL, PAN, MA): never a name word
    expand_rx: Any
    exp_after: dict[str, ExpansionRow]  # casefolded form → row valid only after given words
    exp_plain: dict[str, ExpansionRow]  # casefolded form → row valid anywhere
    agency_names: dict[str, str]  # acronym (as written) → full body name
    inner_particles: set[str]
    initial_particles: set[str]
    no_short: set[str]
    name_abbrev: set[str]
    given: set[str]
    stop: set[str]  # casefolded
    non_person: set[str]  # casefolded
    date_words: set[str]  # casefolded
    weekdays: frozenset[str] = frozenset()  # the calendar's weekday names as written (Senin, Jum'at)
    # the three-letter name abbreviations in capitals (MHD, MOH): a given name opening a name, no acronym
    caps_abbrev: frozenset[str] = frozenset()
    position_words: set[str] = field(default_factory=set)
    not_after: set[str] = field(default_factory=set)  # casefolded
    place_cues: set[str] = field(default_factory=set)  # casefolded
    region_firsts: set[str] = field(default_factory=set)  # casefolded first word of region names and cues
    documents: set[str] = field(default_factory=set)  # casefolded: Keputusan, Peraturan ...
    status_quals: set[str] = field(default_factory=set)  # casefolded single words: terpilih, sementara
    temporal_quals: set[str] = field(default_factory=set)  # casefolded single words: baru, ketiga
    temporal_pairs: dict[str, set[str]] = field(default_factory=dict)  # saat -> {ini, itu}: two-word ones
    companions: frozenset[str] = frozenset()  # casefolded: jajaran, rombongan (Nama dan jajaran)
    closers: frozenset[str] = frozenset()  # casefolded: saat, kepada (Nama, Kepala X saat ditemui)
    letter_units: set[str] = field(default_factory=set)  # casefolded: Komisi (A), Kelas (B)
    not_lower: set[tuple[str, ...]] = field(default_factory=set)  # casefolded token sequences
    not_office: set[tuple[str, ...]] = field(default_factory=set)  # the same, in any case
    nominating: set[str] = field(default_factory=set)  # casefolded verbs before "X sebagai"
    hyphen_particles: set[str] = field(default_factory=set)  # al-, el-
    body_openers: set[str] = field(default_factory=set)  # Al, Darul (as written)
    branch_cues: set[str] = field(default_factory=set)  # cabang: a place cue only after a unit part
    community_cues: set[str] = field(default_factory=set)  # casefolded: gapoktan, kelompok tani (_org_name_end)
    agency_cues: set[str] = field(default_factory=set)  # casefolded: partai (named by the agencies stage)
    org_words: set[str] = field(default_factory=set)  # Sido, Makmur, Maju, Jaya (as written)
    district_cues: set[str] = field(default_factory=set)  # casefolded: Kecamatan, Desa (a place follows)
    body_acronyms: set[str] = field(default_factory=set)  # acronyms of bodies in agencies.toml
    countries: set[str] = field(default_factory=set)  # casefolded words of countries abroad
    party_parens: set[str] = field(default_factory=set)  # casefolded: (Fraksi X), (PDIP) after a name
    # casefolded last word of a unit phrase → the words that may stand right before it (alam → {daya})
    phrase_tails: dict[str, frozenset[str]] = field(default_factory=dict)
    any_rx: Any = None  # first word of any form, capitalised or lower case
    # the first letter run of every alternative of any_rx in lower case ("menpan" for menpan-rb), or None
    # when an alternative opens with something else (then _head_starts scans with any_rx)
    any_first_runs: Optional[frozenset[str]] = None
    not_name: set[str] = field(default_factory=set)  # casefolded stopwords and speech verbs
    not_lower_2nd: tuple[str, ...] = ()  # second words of the not_lower rows (_not_lower)
    # the forms of expand_rx made of ASCII letters and digits in words separated by single
    # spaces, and the most words of such a form by its first word (_expansions)
    exp_words: frozenset[str] = frozenset()
    exp_first_words: dict[str, int] = field(default_factory=dict)
    not_office_2nd: tuple[str, ...] = ()  # the same for not_office
    # long unit words (9 letters or more), and the same each with one letter dropped: a word one
    # typing slip away from one (Univeristas, Kabupatn) is a unit word misspelt (_misspelt_unit)
    unit_long: set[str] = field(default_factory=set)
    unit_near: set[str] = field(default_factory=set)
    # (first word,) of every head form, case-folded: MENTERI Dalam Negeri, BUPATI Sleman
    head_first_caps: set[tuple[str]] = field(default_factory=set)
    # positions already expanded (_expand): a batch sees the same few hundred again and again
    expanded: dict[str, str] = field(default_factory=dict)
    # canonical positions by what canonical_position reads (its memo; bounded)
    canonical: dict[
        tuple[Any, ...], tuple[str, Optional[PrefixRow], Optional[PrefixRow], PositionRow]
    ] = field(default_factory=dict)
    # a short head as written → its row, read only before a body (Ka BPBD: _short_head)
    short_heads: dict[str, PositionRow] = field(default_factory=dict)
    # degrees written like a name word (Sos, Msi, Lc): after a name word they close the name
    word_degrees: frozenset[str] = frozenset()
    stop_openers: set[str] = field(default_factory=set)  # Lalu, Lale: stopwords opening a name (_stop_opens)
    # _misspelt_unit's answers by word (a pure function of the word and this lexicon; bounded)
    misspelt_memo: dict[str, bool] = field(default_factory=dict)
    # name_word_ok's answers by word (a pure function of the word and this lexicon; bounded)
    name_word_memo: dict[str, bool] = field(default_factory=dict)


def _words(lex: Lexicon, kind: str, table: str, row_id: str) -> list[str]:
    for row in lex.rows(kind, table):
        if row.id == row_id:
            return list(row.words)
    return []


def _pairs(words: Iterable[str]) -> dict[str, set[str]]:
    """First word -> second words of the two-word entries of a word list (saat ini, kala itu)."""
    out: dict[str, set[str]] = {}
    for w in words:
        parts = w.split()
        if len(parts) == 2:
            out.setdefault(parts[0], set()).add(parts[1])
    return out


def _contracted(lex: Lexicon, rows: list[PositionRow]) -> tuple[list[PositionRow], list[ExpansionRow]]:
    """The positions and unit abbreviations made by the ``contractions`` table: a prefix glued
    to each of its units in lower case or capitalised (Dirintelkam, DirIntelkam) and, for a
    prefix that is no head by itself (Dir, Karo), also spaced (Dir Intelkam)."""
    by_id = {r.id: r for r in rows}
    known = {_key(f) for r in rows for f in r.forms}
    meaning: dict[str, str] = {}
    for e in lex.rows("positions", "expansions"):
        for f in e.forms:
            meaning.setdefault(f, e.expansion)
    heads: list[PositionRow] = []
    units: list[ExpansionRow] = []
    for c in lex.rows("positions", "contractions"):
        base = by_id.get(c.head) if c.head else None
        for u in c.units:
            full = c.expand.get(u) or meaning.get(u, u)
            glued = [f + u for f in c.forms] + ([f + u.lower() for f in c.forms] if not u.isupper() else [])
            if base is not None:
                spaced = [f"{f} {u}" for f in c.forms if _key(f) not in known]
                heads.append(PositionRow(
                    id=f"{base.id}+{u.casefold()}", forms=glued + spaced, canonical=f"{base.canonical} {full}",
                    takes=base.takes, within=base.within, group=base.group, named=base.named,
                ))
            elif c.expansion:
                units.append(ExpansionRow(id=f"{c.id}+{u.casefold()}", forms=glued, expansion=f"{c.expansion} {full}"))
    return heads, units


def _build(lex: Lexicon) -> OffLex:
    made_heads, made_units = _contracted(lex, lex.rows("positions", "positions"))
    rows: list[PositionRow] = [*lex.rows("positions", "positions"), *made_heads]
    by_id = {r.id: r for r in rows}
    short_heads = {
        f: by_id[c.head] for c in lex.rows("positions", "contractions")
        if c.before_body and c.head in by_id for f in c.forms
    }
    exp_rows: list[ExpansionRow] = [*lex.rows("positions", "expansions"), *made_units]
    head_keys: dict[tuple[str, ...], PositionRow] = {}
    for r in rows:
        for f in r.forms:
            head_keys.setdefault(_key(f), r)
    acting_keys = {_key(f): r for r in lex.rows("positions", "acting") for f in r.forms}
    mod_keys = {_key(f): r for r in lex.rows("positions", "modifiers") for f in r.forms}
    all_keys = [*head_keys, *acting_keys, *mod_keys]
    firsts = sorted({k[0] for k in all_keys if k})
    # heads are written with a capital: search the text as it is, first letter upper case
    as_written = [f for r in rows for f in r.forms] + [
        f for r in [*lex.rows("positions", "acting"), *lex.rows("positions", "modifiers")] for f in r.forms
    ]
    capitalised = sorted({f[:1].upper() + f[1:] for f in firsts} | {
        m.group(0) for f in [*as_written, *short_heads] for m in [_TOKEN.match(f)] if m
    })
    first_rx = regex.compile(rf"\b(?:{trie_pattern(capitalised)})\b")
    lower_rx = regex.compile(rf"\b(?:{trie_pattern(firsts)})\b")
    titles: list[TitleRow] = lex.rows("honorifics", "titles")
    before = [f for t in titles if t.place == "before" for f in t.forms] or ["Drs"]
    after = [f for t in titles if t.place == "after" for f in t.forms] or ["S.Sos"]
    corps = [f for c in lex.rows("honorifics", "corps") for f in c.forms] or ["Pol"]
    corps_rx = flex_trie(corps)
    # Lettu (Inf) Budi, Kolonel Cak (Purn) Budi: a corps written bare or in parentheses
    one_pre = rf"{flex_trie(before)}(?:[ ]+(?:{corps_rx}|\([ ]*{corps_rx}[ ]*\)))*"
    # Ajun Komisaris Besar Polisi (AKBP): a spelled-out rank or title with its short form in parentheses
    one_pre = rf"{one_pre}(?:[ ]*\([ ]*{one_pre}[ ]*\))?"
    title_starts = {m.group(0).casefold() for f in [*before] for m in [_LETTERS_RUN.match(f)] if m}
    # dots and spaces are optional between a title's letter groups: R.A is also written RA
    title_starts |= {"".join(_LETTERS_RUN.findall(f)).casefold() for f in before if "." in f}
    degree_starts = {f.lstrip("(")[:1].casefold() for f in after if f.lstrip("(")[:1].isalpha()}
    # H.Duta Wijaya: after a title's dot the name may follow with no space
    # dr.H. Safaruddin, H.Moh.Taufik: or glued to the next title or abbreviated given name
    pre_one = twin(
        rf"(?P<t>{one_pre})(?:(?<=\.)(?=\p{{Lu}}\p{{Ll}}|\p{{Lu}}\p{{Ll}}{{0,3}}\.)|(?![\p{{L}}\d]))(?=[ ]*[\p{{Lu}}(])"
    )
    pre_rx = twin(rf"(?:{one_pre}(?![\p{{L}}\d])[ ]*)+(?=\p{{Lu}})")
    post_rx = twin(rf"(?:[ ]*,[ ]*|[ ]+)(?P<d>{flex_trie(after)})(?![\p{{L}}\d])")

    given = set(_words(lex, "names", "wordlists", "given_names"))
    acronyms: set[str] = set()
    unit: set[str] = set()
    for r in lex.rows("positions", "unit_words"):
        for w in r.words:
            if w.isupper() and len(w) > 1:
                acronyms.add(w)
            else:
                unit.add(w.casefold())
    position_words: set[str] = set()
    for r in rows:
        for f in r.forms:
            for w in regex.findall(r"[\p{L}]+", f):
                if w[0].isupper() and w not in given:
                    if w.isupper() and len(w) > 1:
                        acronyms.add(w)  # TNI AL, DPR RI: exact case only
                    else:
                        position_words.add(w.casefold())
    unit |= position_words
    exp_after: dict[str, ExpansionRow] = {}
    exp_plain: dict[str, ExpansionRow] = {}
    for er in exp_rows:
        for f in er.forms:
            (exp_after if er.after else exp_plain).setdefault(f.casefold(), er)
            for w in regex.findall(r"[\p{L}]+", f):
                if w.isupper() and len(w) > 1:
                    acronyms.add(w)
                else:
                    unit.add(w.casefold())
    agency_names: dict[str, str] = {}
    for b in lex.rows("agencies", "bodies"):
        for a in getattr(b, "acronyms", []) or []:
            agency_names.setdefault(a, b.name)
            if a not in given and a[:1].isupper() and not a.isupper() and len(a) >= 6:
                unit.add(a.casefold())  # Disdukcapil, Kemendagri
            elif a not in given:
                acronyms.add(a)  # AL, PAN, BIN: exact case only
    exp_forms = [f for r in exp_rows for f in r.forms]
    exp_forms += [a for a in agency_names if " " not in a]
    expand_rx = (  # stdlib re: a trie of mixed-case forms scans much faster there
        re.compile(rf"(?<![\w-])(?:{trie_pattern(sorted(set(exp_forms)))})(?![\w-])")
        if exp_forms else None
    )
    unit_long = {w for w in unit if len(w) >= 9 and w.isalpha()}
    lx = OffLex(
        unit_long=unit_long,
        unit_near={w[:k] + w[k + 1:] for w in unit_long for k in range(len(w))},
        head_keys=head_keys,
        acting_keys=acting_keys,
        mod_keys=mod_keys,
        head_trie=_token_trie(head_keys),
        acting_trie=_token_trie(acting_keys),
        mod_trie=_token_trie(mod_keys),
        first_rx=first_rx,
        lower_rx=lower_rx,
        pre_rx=pre_rx,
        post_rx=post_rx,
        pre_one=pre_one,
        title_starts=title_starts,
        degree_starts=degree_starts,
        unit_words=unit,
        acronyms=acronyms,
        expand_rx=expand_rx,
        exp_after=exp_after,
        exp_plain=exp_plain,
        agency_names=agency_names,
        inner_particles=set(_words(lex, "names", "wordlists", "inner_particles")),
        initial_particles=set(_words(lex, "names", "wordlists", "initial_particles")),
        no_short=set(_words(lex, "names", "wordlists", "no_short_mention")),
        name_abbrev=set(_words(lex, "names", "wordlists", "name_abbreviations")),
        caps_abbrev=frozenset(
            w.upper() for w in _words(lex, "names", "wordlists", "name_abbreviations") if len(w) == 3 and w[1:].islower()
        ),
        given=given,
        stop={w.casefold() for w in _words(lex, "names", "wordlists", "stopwords")},
        # an acting prefix (Plt., Pj, Penjabat) is never a name word: Budi, Plt. Kabag Umum ...
        # (an acronym among the stopwords blocks its Title-case writing only where that is no given
        # name: UU the law, Uu the Sundanese given name of Ade Uu Sukaesih)
        not_name={
            w.casefold() for w in _words(lex, "names", "wordlists", "stopwords")
            if not (w.isupper() and w.capitalize() in given)
        } | _SPEECHISH
        | {k[0] for k in acting_keys if len(k) == 1 or k[1:] == (".",)},
        non_person={w.casefold() for w in _words(lex, "names", "wordlists", "non_person_heads")},
        date_words={w.casefold() for w in _words(lex, "names", "wordlists", "date_words")},
        weekdays=frozenset(_calendar(lex).weekday_standalone),
        position_words=position_words,
        not_after={w.casefold() for r in lex.rows("positions", "not_after") for w in r.words},
        place_cues={w.casefold() for r in lex.rows("positions", "place_cues") for w in r.words},
        documents={w.casefold() for r in lex.rows("positions", "documents") for w in r.words},
        status_quals={w.casefold() for w in _words(lex, "positions", "qualifiers", "status") if " " not in w},
        temporal_quals={w.casefold() for w in _words(lex, "positions", "qualifiers", "temporal") if " " not in w},
        temporal_pairs=_pairs(w.casefold() for w in _words(lex, "positions", "qualifiers", "temporal")),
        companions=frozenset(w.casefold() for w in _words(lex, "positions", "qualifiers", "companions")),
        closers=frozenset(w.casefold() for w in _words(lex, "positions", "qualifiers", "closers")),
        letter_units={w.casefold() for r in lex.rows("positions", "letter_units") for w in r.words},
        not_lower={_key(w) for r in lex.rows("positions", "not_lower") for w in r.words},
        not_office={_key(w) for r in lex.rows("positions", "not_office") for w in r.words},
        nominating={w.casefold() for r in lex.rows("positions", "nominating") for w in r.words},
        hyphen_particles=set(_words(lex, "names", "wordlists", "hyphen_particles")),
        body_openers=set(_words(lex, "names", "wordlists", "body_name_openers")),
        branch_cues={w.casefold() for w in _words(lex, "positions", "place_cues", "branches")},
        community_cues={w.casefold() for w in _words(lex, "positions", "place_cues", "community-bodies")},
        agency_cues={w.casefold() for w in _words(lex, "positions", "place_cues", "named-by-agencies")},
        org_words=set(_words(lex, "names", "wordlists", "org_name_words")),
        district_cues={w.casefold() for w in _words(lex, "positions", "place_cues", "below-regency")},
        body_acronyms={a for a in agency_names if a.isupper()},
        countries={w.casefold() for r in lex.rows("positions", "countries") for w in r.words},
        party_parens={w.casefold() for r in lex.rows("positions", "party_parens") for w in r.words},
        phrase_tails=_phrase_tails(w for r in lex.rows("positions", "unit_phrases") for w in r.words),
        # stdlib re in ASCII mode: this one scan over every word of the text is several times
        # faster there (_heads drops a match glued to a non-ASCII letter)
        any_rx=re.compile(rf"\b(?:{trie_pattern(sorted(set(capitalised) | set(firsts)))})\b", re.ASCII),
        any_first_runs=_first_runs(set(capitalised) | set(firsts)),
    )
    lx.not_lower_2nd = _second_words(lx.not_lower)
    lx.exp_words = frozenset(
        f for f in exp_forms if f.isascii() and f.replace(" ", "").isalnum() and f.split(" ") == f.split()
    )
    for f in lx.exp_words:
        n = f.count(" ") + 1
        first = f.split(" ", 1)[0]
        lx.exp_first_words[first] = max(n, lx.exp_first_words.get(first, 0))
    lx.not_office_2nd = _second_words(lx.not_office)
    lx.head_first_caps = {(k[0],) for k in [*head_keys, *acting_keys, *mod_keys] if k[0].isalpha()}
    lx.short_heads = short_heads
    lx.word_degrees = frozenset(f for f in after if _NAME_WORD.fullmatch(f))
    lx.stop_openers = set(_words(lex, "names", "wordlists", "stopword_name_openers"))
    return lx


def _phrase_tails(phrases: Iterable[str]) -> dict[str, frozenset[str]]:
    """Last word → the words before it, of unit phrases (Sumber Daya Alam: alam → {daya})."""
    out: dict[str, set[str]] = {}
    for p in phrases:
        ws = p.casefold().split()
        if len(ws) >= 2:
            out.setdefault(ws[-1], set()).add(ws[-2])
    return {k: frozenset(v) for k, v in out.items()}


def _first_runs(alternatives: set[str]) -> Optional[frozenset[str]]:
    """The leading ASCII letter run of each alternative in lower case (None if one has none)."""
    out: set[str] = set()
    for a in alternatives:
        m = re.match(r"[A-Za-z]+", a)
        if m is None:
            return None
        out.add(m.group(0).lower())
    return frozenset(out)


# ASCII letters stay, every other byte becomes a space: on an ASCII text bytes.translate +
# split lists its letter runs in C, several times faster than a regex scan (and than
# str.translate with a dict, which looks every character up)
_ASCII_LETTERS_ONLY: Final = bytes(c if chr(c).isascii() and chr(c).isalpha() else 32 for c in range(256))
_ASCII_WORD_CHARS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")


@dataclass(frozen=True, slots=True)
class LowerWords:
    """An ASCII working text in lower case (the same positions) and the set of its
    letter runs in lower case: where a word can occur is found with ``low.find``."""

    text: str
    low: str
    words: frozenset[str]

    def starts(self, words: frozenset[str], start: int) -> list[int]:
        """Sorted positions from ``start`` where one of ``words`` (lower case letters)
        opens a letter run not preceded by a digit or ``_`` (a regex ``\\b`` before it).
        The letter run itself need not be in ``words``: ``menurut`` is found in ``menurutnya``."""
        low = self.low
        find = low.find
        out: set[int] = set()  # one form may open another (menurut, menurutnya)
        for w in words.intersection(self.words):
            n = len(w)
            i = find(w, start)
            while i >= 0:
                if i == 0 or low[i - 1] not in _ASCII_WORD_CHARS:
                    out.add(i)
                i = find(w, i + n)  # a later start inside this occurrence has a letter before it
        return sorted(out)


def lower_words(doc: Document) -> Optional[LowerWords]:
    """:class:`LowerWords` of the working text when it is ASCII (None otherwise), built
    once per text and kept in ``doc.scratch`` for the stages that ask."""
    text = doc.text
    hit: Optional[LowerWords] = doc.scratch.get("lower_words")
    if hit is not None and hit.text is text:
        return hit
    if not text.isascii():
        return None
    low = doc.lower_text()  # (made once for the stages: quantities has it already)
    words = frozenset(low.encode("ascii").translate(_ASCII_LETTERS_ONLY).decode("ascii").split())
    hit = doc.scratch["lower_words"] = LowerWords(text, low, words)
    return hit


def offlex(lex: Lexicon) -> OffLex:
    r: OffLex = lex.compiled("officials", _build)
    return r


def _region_firsts(lex: Lexicon) -> set[str]:
    """First words of every region name and cue: only there is a region looked up."""
    out = {"kota", "kotamadya", "kodya", "kabupaten", "kab", "provinsi", "propinsi", "prov"}
    try:
        from .regions import region_index

        idx = region_index(lex)
        for k in [*idx.provinces, *idx.regencies]:
            out.add(k.split(" ", 1)[0])
    except Exception:  # noqa: BLE001 — regions are optional data
        pass
    return out


class Intervals:
    """Ranges [start, end) that do not overlap one another, with logarithmic look-ups
    (a long input has thousands of quotes and names)."""

    __slots__ = ("starts", "spans")

    def __init__(self, spans: Any = ()) -> None:
        self.spans: list[tuple[int, int]] = sorted(spans)
        self.starts = [a for a, _ in self.spans]

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.spans.insert(i, (start, end))

    def overlaps(self, start: int, end: int) -> bool:
        """Does a range overlap [start, end)? Only the last range starting before ``end``
        can: ranges are disjoint, so their ends are sorted too."""
        i = bisect.bisect_left(self.starts, end) - 1
        return i >= 0 and self.spans[i][1] > start

    def covers(self, pos: int) -> bool:
        """Does a range hold ``pos``? (``overlaps(pos, pos + 1)``, one call fewer.)"""
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and self.spans[i][1] > pos


# ---------------------------------------------------------------- names


@dataclass(slots=True, init=False)
class NameParse:
    """A person's name read at a position, with the titles around it."""

    start: int  # first character of the phrase (titles included)
    end: int  # after the last degree
    name_start: int
    name_end: int
    name: str
    honorifics: list[str]

    # the dataclass's __init__ written out, compiled in the compiled build (tests/test_build.py)
    def __init__(self, start: int, end: int, name_start: int, name_end: int, name: str,
                 honorifics: list[str]) -> None:
        self.start = start
        self.end = end
        self.name_start = name_start
        self.name_end = name_end
        self.name = name
        self.honorifics = honorifics


def _is_speech_word(w: str) -> bool:
    return w.casefold() in _SPEECHISH


# capitalised sentence-initial words that are verbs of speech or reporting
_SPEECHISH: Final = frozenset(
    "kata ujar tutur ungkap jelas terang tegas imbuh tambah papar sebut lanjut menurut menurutnya "
    "katanya ujarnya tuturnya jelasnya tegasnya".split()
)


def _field_noun(cf: str) -> bool:
    """A pe(N)-/per-/ke- ... -an noun (``pemasaran``, ``perlindungan``, ``keamanan``): the
    name of a field or an office's remit, never a person's name."""
    return len(cf) >= 8 and cf.endswith("an") and cf.startswith(("pe", "ke"))


def name_word_ok(lx: OffLex, w: str, regions: Any = None) -> bool:
    """Can ``w`` be part of a person's name? (The answer depends on the word and the lexicon
    only: kept by word in ``lx.name_word_memo``.)"""
    memo = lx.name_word_memo
    hit = memo.get(w)
    if hit is None:
        if len(memo) >= 4096:
            memo.clear()  # bounded: a long batch of varied words does not grow it without end
        hit = memo[w] = _name_word_ok(lx, w)
    return hit


def _name_word_ok(lx: OffLex, w: str) -> bool:
    cf = w.casefold()
    if cf in lx.not_name or w in lx.acronyms:  # stopwords and speech verbs
        return False
    n = len(w)
    if n >= 7 and cf.endswith("nya") and w not in lx.given:
        return False  # Umumnya, Menurutnya: a word with the -nya enclitic (but Sefanya, a given name)
    if n >= 8 and cf.endswith("an") and cf.startswith(("pe", "ke")):
        return False  # Pemasaran, Perlindungan, Kebudayaan: a field, not a name (_field_noun)
    if cf in lx.unit_words and w not in lx.given:
        return False
    if "-" in cf and any(p in lx.position_words for p in cf.split("-")):
        return False  # Walikota-wakil (walikota), Bupati-wakil: an office pair written with a hyphen
    if n > 1 and w.isupper() and w not in _ROMANS:
        return False
    if n >= 9 and _misspelt_unit(lx, cf) and w not in lx.given:
        return False
    return True


_LONGER_HEADS: Final[dict[int, dict[tuple[str, ...], frozenset[str]]]] = {}


def _slip_of_longer_head(lx: OffLex, head: str, word: str) -> bool:
    """Is ``word`` (five letters or more) one typing slip (a letter dropped, added, changed, or two
    neighbours swapped) from the word that makes the head ``head`` a longer head form
    (``Malves`` after ``Menko``: ``Menko Marves``)? The word itself is no such form's word."""
    if len(word) < 5:
        return False
    nexts = _LONGER_HEADS.get(id(lx))
    if nexts is None:
        acc: dict[tuple[str, ...], set[str]] = {}
        for key in lx.head_keys:
            if len(key) >= 2:
                acc.setdefault(key[:-1], set()).add(key[-1])
        nexts = _LONGER_HEADS[id(lx)] = {k: frozenset(v) for k, v in acc.items()}
    cands = nexts.get(tuple(head.casefold().split()))
    if not cands:
        return False
    cf = word.casefold()
    if cf in cands:
        return False
    n = len(cf)
    for c in cands:
        if abs(len(c) - n) > 1 or len(c) < 5:
            continue
        if len(c) == n:
            diff = [k for k in range(n) if c[k] != cf[k]]
            if len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and c[diff[0]] == cf[diff[1]]
                                  and c[diff[1]] == cf[diff[0]]):
                return True
        else:
            short, long_ = (cf, c) if n < len(c) else (c, cf)
            if any(long_[:k] + long_[k + 1:] == short for k in range(len(long_))):
                return True
    return False


def _misspelt_unit(lx: OffLex, cf: str) -> bool:
    """Is ``cf`` (case-folded, no unit word) one slip away from a long unit word: a letter
    dropped (Kabupatn), added (Kecamatann) or two neighbours swapped (Univeristas, Sekertaris)?
    A changed letter is not counted: Parlindungan is a name, not Perlindungan misspelt."""
    if cf in lx.unit_near:
        return True
    memo = lx.misspelt_memo
    hit = memo.get(cf)
    if hit is None:
        if len(memo) >= 4096:
            memo.clear()  # bounded: a long batch of varied words does not grow it without end
        hit = memo[cf] = _misspelt_unit_scan(lx.unit_long, cf)
    return hit


def _misspelt_unit_scan(long_: set[str], cf: str) -> bool:
    for k in range(len(cf) - 1):
        if cf[:k] + cf[k + 1:] in long_ or cf[:k] + cf[k + 1] + cf[k] + cf[k + 2:] in long_:
            return True
    return cf[:-1] in long_


def parse_name(
    lx: OffLex,
    text: str,
    pos: int,
    end: int,
    regions: Any = None,
    *,
    allow_titles: bool = True,
    memo: Optional[dict[tuple[int, int, bool], Optional[NameParse]]] = None,
) -> Optional[NameParse]:
    """Read ``[titles] Name [, degrees]`` starting at ``pos`` (spaces skipped).

    ``memo`` (one dict per document) keeps results: the stages ask the same
    position several times.
    """
    if memo is None:
        return _parse_name(lx, text, pos, end, regions, allow_titles, None)
    key = (pos, end, allow_titles)
    r = memo.get(key, _MISSING)  # (a look-up, not a KeyError raised and caught: most keys are new; not declared Optional[NameParse]: compiled, the sentinel would not pass the check)
    if r is _MISSING:
        r = memo[key] = _parse_name(lx, text, pos, end, regions, allow_titles, memo)
        if allow_titles and r is not None and r.start == r.name_start:
            memo.setdefault((pos, end, False), r)  # no title read: the same without titles
    return r  # type: ignore[no-any-return]


#: a memo's answer for a key it does not hold (None is an answer)
_MISSING: Final[Any] = object()


# group numbers of _STEP
_G_SP, _G_LOW, _G_ABBR, _G_INI, _G_ROM, _G_WORD, _G_CAPS, _G_HYP, _G_DOTS = 1, 2, 3, 4, 5, 6, 7, 8, 9
# what may follow initials in capitals that close or sit inside a name (Mahfud MD, Irianto MS Syaifuddin)
_AFTER_INITIALS: Final = twin(r"[ ]*(?:[,.;:!?)(\"'\n]|\Z)|[ ]+(?:\p{Ll}|\p{Lu}\p{Ll})")


def _name_words(
    lx: OffLex, text: str, pos: int, end: int, titled: bool = False
) -> Optional[list[tuple[int, int]]]:
    """The (start, end) of the words of a name starting exactly at ``pos``; None when
    no name starts there (the checks of :func:`_parse_name` that need no region data).
    ``titled``: a title stands before the name (``Prof. Yos Johan Utama``)."""
    words: list[tuple[int, int]] = []
    i = pos
    particles = lx.initial_particles
    nw_memo = lx.name_word_memo
    step = _STEP.a.match if _STEP.a is not None and text.isascii() else _STEP.match  # (Twin.match, no call)
    while i < end and len(words) < 7:
        st = step(text, i, end)
        if st is None:
            break
        kind: int = st.lastindex  # type: ignore[assignment]  # (_STEP's groups take part in every match: never None)
        if words and st.end(_G_SP) == i and text[i - 1] != ".":
            break  # name words are separated by spaces (M.Hidayat: or by an initial's dot)
        j = st.start(kind)
        if kind == _G_WORD:
            w = st.group(kind)  # a name word, the usual step (the else below, tested first)
        elif kind == _G_LOW:
            # lowercase particle inside a name: bin, binti, van, de
            if words and st.group(kind) in lx.inner_particles:
                words.append((j, st.end()))
                i = st.end()
                continue
            break
        elif kind == _G_ABBR:
            # initials and abbreviated given names: B. / Moch. / M.
            tok = st.group(kind)
            if text[st.end() + 1:st.end() + 2] != " " and (words or len(tok) > 1) and (
                words or tok not in lx.name_abbrev
            ):
                break  # M.Hidayat, Moh.Taufik: an initial glued to the name opens it (Budi M.Kes: a degree)
            if words and (dg := lx.post_rx.match(text, i, end)) is not None and dg.end() > st.end() + 1:
                break  # Budi S. Ag, S. Sos M.AP: a degree with a space after its dot, no initial
            if len(tok) == 1 or tok in lx.name_abbrev:
                words.append((j, st.end() + 1))
                i = st.end() + 1
                continue
            if (
                words and len(tok) <= 3 and not _is_degree(lx, text, i, st.end(), end)
                and _vowels(tok) < 2  # (Asrun Lio. Hetifah ...: a short surname ends a sentence)
                and lx.pre_one.match(text, j, end) is None  # (Rosmala Hj. Dewi: a title)
                and (nx := _NEXT_CAP_WORD.match(text, st.end() + 1, end)) is not None
                and name_word_ok(lx, nx.group(1)) and nx.group(1).casefold() not in lx.non_person
            ):
                # Kalsum Mj. Pulian: an abbreviated middle name between two name words
                words.append((j, st.end() + 1))
                i = st.end() + 1
                continue
            st = _NAME_WORD.match(text, j, end)
            if st is None:
                break
            w = st.group(0)
        elif kind == _G_INI:
            # Yasonna H Laoly, M Nazaruddin, D Cyril Noerhadi
            if words or _INITIAL_START.match(text, j, end):
                words.append((j, st.end()))
                i = st.end()
                continue
            break
        elif kind == _G_ROM:
            # I / Ni opening a Balinese name; Roman numerals closing a regnal name
            tok = st.group(kind)
            if not words and tok in particles:
                nxt = _NAME_WORD.match(text, _skip_space(text, st.end()), end)
                if nxt and (nxt.group(0) in particles or nxt.group(0) in lx.given or tok == "Ni"):
                    words.append((j, st.end()))
                    i = st.end()
                    continue
            if words and tok in _ROMANS and (len(words) >= 2 or (
                tok != "I" and words[0][1] - words[0][0] >= 6 and _BOUNDARY_AFTER.match(text, st.end(), end)
            )):
                # Sri Sultan Hamengku Buwono X, Pakubuwono XIII: a regnal numeral closes the name
                words.append((j, st.end()))
                i = st.end()
                continue
            if not words:
                return None
            break
        elif kind == _G_CAPS:
            # initials in capitals after a name word (Widodo AS, Mahfud MD); not a body's
            # acronym (Budi PDIP) nor a degree (Budi Santoso SH)
            tok = st.group(kind)
            if (
                not words and tok in lx.caps_abbrev
                and (nx := _NEXT_CAP_WORD.match(text, st.end(), end)) is not None and name_word_ok(lx, nx.group(1))
            ):
                words.append((j, st.end()))  # MHD Hudawi: a given name abbreviated in capitals (Muhammad)
                i = st.end()
                continue
            if (
                not words
                and tok not in lx.body_acronyms
                and tok not in lx.acronyms
                and _TWO_NAME_WORDS.match(text, st.end()) is not None
                and not _is_degree(lx, text, i, st.end(), end)
            ):
                words.append((j, st.end()))  # TS Arif Fadillah: initials opening a full name
                i = st.end()
                continue
            if (
                not words and titled
                and tok not in lx.body_acronyms and tok not in lx.acronyms and tok not in _ROMANS
                and (nx := _NEXT_CAP_WORD.match(text, st.end() + (text[st.end():st.end() + 1] == "."), end))
                is not None and name_word_ok(lx, nx.group(1)) and nx.group(1).casefold() not in lx.non_person
                and not _is_degree(lx, f" {tok} ", 0, len(tok) + 1, len(tok) + 2)
            ):
                # KH. NM Sanusi, Drs. HZ. Dadang AG: after a title, initials in capitals (with or
                # without a dot) open the name before one name word
                e2 = st.end() + (text[st.end():st.end() + 1] == ".")
                words.append((j, e2))
                i = e2
                continue
            if (
                words
                and tok not in lx.body_acronyms
                and tok not in _ROMANS
                and f"{text[words[-1][0]:words[-1][1]]} {tok}" not in lx.agency_names  # Komnas HAM
                and _AFTER_INITIALS.match(text, st.end()) is not None
                and not _is_degree(lx, text, i, st.end(), end)
            ):
                words.append((j, st.end()))
                i = st.end()
                continue
            break
        elif kind == _G_DOTS:
            # initials joined by dots before a name word: H.D Pandiangan, G.C Mansnembra
            words.append((j, st.end()))
            i = st.end()
            continue
        elif kind == _G_HYP:
            # Omar al-Bashir, Abdel Fattah el-Sisi: an article joined to a name word
            tok = st.group(kind)
            if words and tok.split("-", 1)[0] in lx.hyphen_particles:
                words.append((j, st.end()))
                i = st.end()
                continue
            break
        else:
            w = st.group(kind)
        if words and w in lx.word_degrees:
            break  # Budi Santoso Sos, Msi: a degree written as a name word
        if words and w in _CAP_PARTICLES and _particle_joins(lx, text, st.end(), end):
            words.append((j, j + len(w)))  # Mardani Bin Nasir, Siti Binti H. Ali: a patronymic
            i = j + len(w)
            continue
        if (
            titled and not words and w.casefold() in lx.unit_words and (w.casefold(),) not in lx.head_keys
            and not _field_noun(w.casefold()) and w.casefold() not in lx.non_person
            and (nx := _NEXT_CAP_WORD.match(text, j + len(w), end)) is not None and name_word_ok(lx, nx.group(1))
            and nx.group(1).casefold() not in lx.non_person and nx.group(1).casefold() not in lx.title_starts
            and (prev_word(text, j) or "").casefold() not in _KIN_TITLES  # (Ibu Negara Ny Ani: a phrase)
        ):
            words.append((j, j + len(w)))  # Brigjen Pol Tugas Dwi Apriyanto: after a title, before a name word
            i = j + len(w)
            continue
        if not (ok if (ok := nw_memo.get(w)) is not None else name_word_ok(lx, w)) and not (  # (name_word_ok's memo read here)
            w in particles and (not words or all(text[a:b] in particles for a, b in words))
        ) and not _unit_word_in_name(lx, text, words, w, j + len(w), end) and not (
            not words and _given_opens(lx, text, w, j + len(w), end)
        ) and not (words and _nya_name(lx, w)) and not (
            not words and w in lx.stop_openers and _stop_opens(lx, text, w, j, end)
        ) and not (
            titled and len(words) >= 2 and _unit_word_closes(lx, text, w, j + len(w), end)
        ) and not (
            len(words) == 1 and _unit_surname(lx, text, text[words[0][0]:words[0][1]], w, j + len(w), end)
        ):
            break
        if not words and w.casefold() in lx.title_starts and lx.pre_one.match(text, j, end):
            break
        words.append((j, j + len(w)))
        i = j + len(w)
    # trailing particles are not part of the name
    while words and text[words[-1][0]:words[-1][1]] in lx.inner_particles:
        words.pop()
    if not words or len(words) > 6:
        return None
    first = text[words[0][0]:words[0][1]]
    if first.casefold() in lx.non_person and not (len(words) > 1 and (first in lx.given or (
        titled and first in lx.body_openers
    ))):
        return None  # (Hari Jadi, Hari Raya; but Hari Purnomo, and after a rank Mayor Darul Ikhsan)
    if len(words) == 1 and first in particles and first.casefold() in lx.unit_words and first not in lx.given:
        return None  # Perlindungan Anak, Kepala X: a particle that is also a unit word is no name alone
    for a, b in words:
        if b - a > 1 and text[b - 1] != "." and text[b - 2] != ".":
            return words
    return None  # initials only


# capitalised patronymic particles inside a name (Mardani Bin Nasir): Bin is also BIN's word
_CAP_PARTICLES: Final = frozenset(("Bin", "Binti"))
_AFTER_PARTICLE: Final = twin(r"[ ]+(?:H\.[ ]*|Hj\.[ ]*)?(\p{Lu}\p{Ll}+)(?![\p{L}\d])")


def _particle_joins(lx: OffLex, text: str, e: int, end: int) -> bool:
    """After a capitalised ``Bin``/``Binti`` a name word (a Haji title may stand before it) goes on."""
    nx = _AFTER_PARTICLE.match(text, e, end)
    return nx is not None and name_word_ok(lx, nx.group(1)) and nx.group(1).casefold() not in lx.non_person


# forms of address that stand before a phrase as well as a name (Ibu Negara, Bapak Presiden)
_KIN_TITLES: Final = frozenset(("ibu", "bapak", "bu", "pak", "ny", "ny.", "nyonya", "saudara", "sdr", "sdr.", "tuan"))


def _vowels(tok: str) -> int:
    return sum(c in "aeiouAEIOU" for c in tok)


def _nya_name(lx: OffLex, w: str) -> bool:
    """Karyanto Suprihnya: a word ending in -nya after a name word is a name word when
    the word without the ending is not a known word (``Umumnya``, ``Menurutnya``,
    ``Pihaknya``: the enclitic on a common word or a head)."""
    cf = w.casefold()
    if len(cf) < 7 or not cf.endswith("nya") or not w[1:].islower():
        return False
    stem = w[:-3]
    return name_word_ok(lx, stem) and cf[:-3] not in lx.position_words and not _verbish(lx, cf[:-3])


_TITLE_BEFORE: Final = re.compile(r"(?:^|(?<=[\s(,]))([A-Za-z]{1,4})\.\Z")  # H., Drs., Ir. right before a position


def _stop_opens(lx: OffLex, text: str, w: str, j: int, end: int) -> bool:
    """Lalu Gita Ariadi: the Sasak title ``Lalu`` (also the word 'then') opens a name inside a
    sentence when a capitalised name word follows; at a sentence's start it is the adverb."""
    k = j
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    if k == 0 or text[k - 1] in ".!?\n\"“”:;":
        if k == 0 or text[k - 1] != "." or (tw := _TITLE_BEFORE.search(text, max(0, k - 12), k)) is None or (
            tw.group(1).casefold() not in lx.title_starts
        ):
            return False  # (but Gubernur NTB Drs. H. Lalu Muhammad Iqbal: the dot closes a title)
    nx = _NEXT_CAP_WORD.match(text, j + len(w), end)
    if nx is None:
        return False
    w2 = nx.group(1)
    return name_word_ok(lx, w2) and w2.casefold() not in lx.non_person and (w2.casefold(),) not in lx.head_keys


def _unit_word_closes(lx: OffLex, text: str, w: str, e: int, end: int) -> bool:
    """Prof. Yos Johan Utama: after a title and two name words, a unit word written as a
    name word (``Utama``, ``Jaya``) that closes the run (punctuation or a lower-case word
    after it) is the name's last word, not a unit."""
    cf = w.casefold()
    return (
        cf in lx.unit_words and w[1:].islower() and cf not in lx.not_name and (cf,) not in lx.head_keys
        and not _field_noun(cf) and _BOUNDARY_AFTER.match(text, e, end) is not None
    )


def _given_opens(lx: OffLex, text: str, w: str, e: int, end: int) -> bool:
    """Hari Purnomo: a frequent given name that is also a common word (hari 'day') opens a
    name when a capitalised name word that is no date word follows (or a unit word closing
    the name: Budi Karya, :func:`_unit_surname`)."""
    if w not in lx.given or w.casefold() in lx.date_words:
        return False
    nx = _NEXT_CAP_WORD.match(text, e, end)
    return nx is not None and (
        name_word_ok(lx, nx.group(1)) or _unit_surname(lx, text, w, nx.group(1), nx.end(1), end)
    ) and nx.group(1).casefold() not in lx.non_person


def _unit_surname(lx: OffLex, text: str, first: str, w: str, e: int, end: int) -> bool:
    """Budi Karya, Agus Pribadi, Hadi Utama: a unit word written as a name word right after a
    frequent given name that opens the name, closing the run (punctuation or a lower-case word
    after it), is the name's second word, not a unit (Kepala Dinas X Budi Karya hadir). Not a
    head, a status or time word (Baru) or a field noun; not after a given name that is also a
    common word (Hari Raya); not a body's short name (Disdukcapil)."""
    cf = w.casefold()
    return (
        first in lx.given and first.casefold() not in lx.non_person and first.casefold() not in lx.date_words
        and cf in lx.unit_words and w[1:].islower() and cf not in lx.not_name and (cf,) not in lx.head_keys
        and cf not in lx.status_quals and cf not in lx.temporal_quals and cf not in lx.date_words
        and not _field_noun(cf) and _BOUNDARY_AFTER.match(text, e, end) is not None
        # (kata Andi Disdukcapil telah ...: a body's short name is no name word)
        and w not in lx.acronyms and w not in lx.body_acronyms and cf not in lx.exp_plain and cf not in lx.exp_after
        and _OPD_SHAPE.match(w) is None
        and not _name_after_comma(lx, text, e, end)
    )


_COMMA_WORD: Final = re.compile(r"[ ]*,[ ]*([A-Z][A-Za-z]*)")


def _name_after_comma(lx: OffLex, text: str, e: int, end: int) -> bool:
    """Does a comma, then a title or a frequent given name follow ``e`` (Ketua Koperasi Sri
    Sejahtera, Budi Santoso: the words before the comma were the body's)?"""
    g = _COMMA_WORD.match(text, e, end) if text.startswith((",", " ,"), e) else None
    return g is not None and (g.group(1) in lx.given or g.group(1).casefold() in lx.title_starts)


def _unit_word_in_name(lx: OffLex, text: str, words: list[tuple[int, int]], w: str, e: int, end: int) -> bool:
    """Budi Karya Sumadi: a unit word (Karya, of Golongan Karya) between a frequent given
    name and a capitalised word that is no unit word is part of the name."""
    if not words or w.casefold() not in lx.unit_words or text[words[-1][0]:words[-1][1]] not in lx.given:
        return False
    nx = _NEXT_CAP_WORD.match(text, e, end)
    return nx is not None and name_word_ok(lx, nx.group(1))


def _parse_name(
    lx: OffLex,
    text: str,
    pos: int,
    end: int,
    regions: Any,
    allow_titles: bool,
    memo: Optional[dict[tuple[int, int, bool], Optional[NameParse]]],
) -> Optional[NameParse]:
    pos = _skip_space(text, pos)
    start = pos
    hons: list[str] = []
    read: Optional[tuple[int, list[tuple[int, int]], str]] = None  # a name already read after a title
    # the twins' match functions chosen once per call (Twin.match's own test, not one per match)
    asc = text.isascii()
    post_rx = lx.post_rx
    post_match = post_rx.a.match if asc and post_rx.a is not None else post_rx.match
    if allow_titles:
        pre_one = lx.pre_one
        pre_match = pre_one.a.match if asc and pre_one.a is not None else pre_one.match
        for _ in range(6):
            if hons and (ua := (_INITIAL_DOT_A if asc else _INITIAL_DOT.match)(text, pos, end)) is not None and (
                ua.group(1) not in lx.name_abbrev
                and pre_match(text, _skip_space(text, ua.end()), end) is not None
            ):
                # Dr. Drs. Ec. H. Budi: an abbreviation between two titles is a title too
                hons.append(ua.group(0))
                pos = _skip_space(text, ua.end())
                continue
            lr = (_LETTERS_RUN_A if asc else _LETTERS_RUN.match)(text, pos, end)
            if lr is None or lr.group(0).casefold() not in lx.title_starts:
                break
            t = pre_match(text, pos, end)
            if t is None:
                break
            nxt = _skip_space(text, t.end())
            if pre_match(text, nxt, end) is None:
                # a title counts only when a name follows it
                w2 = _name_words(lx, text, nxt, end, True)
                if w2 is None:
                    break
                n2 = " ".join([text[a:b] for a, b in w2])
                if regions is not None and regions.is_place(n2):
                    break
                read = (nxt, w2, n2)
            hons.append(t.group("t").strip())
            pos = nxt
    name_start = pos
    if read is not None and read[0] == pos:
        words, name = read[1], read[2]
    else:
        words_ = _name_words(lx, text, pos, end, bool(hons))
        if words_ is None:
            return None
        words = words_
        name = " ".join([text[a:b] for a, b in words])
        if regions is not None and regions.is_place(name):
            return None
    name_end = words[-1][1]
    # degrees after the name
    e = name_end
    degree_gate = _DEGREE_GATE_A if asc else _DEGREE_GATE.match
    for _ in range(8):
        g = degree_gate(text, e, end)
        if g is None:
            break
        c = g.group(1)[0]
        if not c.isupper() or c.casefold() not in lx.degree_starts:
            break  # degrees open with a capital (S.Sos, M.Si, SH); a verb or a comma clause does not
        d = post_match(text, e, end)
        if d is None:
            break
        hons.append(d.group("d").strip())
        e = d.end()
    if e > name_end and text[e - 1] == "." and _SENTENCE_NEXT.match(text, e) is not None:
        e -= 1  # Heriyanto SPd MSi. Pengukuhan ...: the degree's dot is also the full stop
    return NameParse(start, e, name_start, name_end, name, hons)


def _is_degree(lx: OffLex, text: str, pos: int, tok_end: int, end: int) -> bool:
    """Is the word ending at ``tok_end`` a degree written after a name (``SH``, ``MM``)?"""
    d = lx.post_rx.match(text, pos, end)
    return d is not None and d.end() >= tok_end


def _name_at(
    lx: OffLex,
    text: str,
    pos: int,
    end: int,
    regions: Any,
    memo: Optional[dict[tuple[int, int, bool], Optional[NameParse]]],
) -> bool:
    """Does a name (no title) start at ``pos``? (``parse_name(..., allow_titles=False)`` is
    not None, without reading the degrees.)"""
    if memo is not None:
        hit = memo.get((pos, end, False), False)
        if hit is not False:
            return hit is not None
    words = _name_words(lx, text, pos, end)
    if words is None:
        return False
    return regions is None or not regions.is_place(" ".join([text[a:b] for a, b in words]))


# ---------------------------------------------------------------- position parsing


@dataclass(slots=True, init=False)
class Item:
    kind: Literal["unit", "region", "paren", "num", "conn", "unk", "qual"]
    start: int
    end: int
    region: Optional[str] = None

    # the dataclass's __init__ written out, compiled in the compiled build (tests/test_build.py)
    def __init__(self, kind: Literal["unit", "region", "paren", "num", "conn", "unk", "qual"], start: int,
                 end: int, region: Optional[str] = None) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.region = region


@dataclass(slots=True, init=False)
class Candidate:
    """One official as read at one place in the text."""

    pos_start: int
    pos_end: int
    row: PositionRow
    acting: Optional[PrefixRow]
    modifier: Optional[PrefixRow]
    name: Optional[NameParse]
    region: Optional[str]
    rule: str
    items: list[Item] = field(default_factory=list)
    head_end: int = 0
    anaphoric: bool = False  # "Budi, kepala distrik itu": the office named before
    unit: Optional[tuple[int, int]] = None  # the unit part written above a list row (1. Fraksi X / Ketua Nama)
    listed: bool = False  # a further holder of a shared office named in a list after the first
    rank: int = 1  # 2: a new or current office (pindah tugas menjadi X), 0: a past one (yang sebelumnya menjabat X)
    label: Optional[str] = None  # words of the position not in the text before pos_start (Juru Bicara + Fraksi X)

    # the dataclass's __init__ written out, compiled in the compiled build (tests/test_build.py)
    def __init__(self, pos_start: int, pos_end: int, row: PositionRow, acting: Optional[PrefixRow],
                 modifier: Optional[PrefixRow], name: Optional[NameParse], region: Optional[str], rule: str,
                 items: Optional[list[Item]] = None, head_end: int = 0, anaphoric: bool = False,
                 unit: Optional[tuple[int, int]] = None, listed: bool = False, rank: int = 1,
                 label: Optional[str] = None) -> None:
        self.pos_start = pos_start
        self.pos_end = pos_end
        self.row = row
        self.acting = acting
        self.modifier = modifier
        self.name = name
        self.region = region
        self.rule = rule
        self.items = [] if items is None else items  # (field(default_factory=list))
        self.head_end = head_end
        self.anaphoric = anaphoric
        self.unit = unit
        self.listed = listed
        self.rank = rank
        self.label = label


class _Ctx:
    """Per-document state of the officials stage."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.lx = offlex(doc.lexicon)
        try:
            self.regions: Any = _regions.region_index(doc.lexicon)
        except Exception:  # noqa: BLE001 — regions are optional data
            self.regions = None
        self.memo: dict[tuple[int, int, bool], Optional[NameParse]] = {}
        # holders read so far, by the end of the name, or of the position written after the name:
        # a move cue after them gives the same person a new office (Kepala A Budi dipindah tugas
        # menjadi Kepala B; Budi, yang sebelumnya menjabat Kepala A, menduduki jabatan baru sebagai ...)
        self.named_end: dict[int, NameParse] = {}
        # where unnamed offices of a group start (11 Ketua TP PKK Kecamatan, para Kepala Desa): many
        # holders, none of whom a named holder of a like office is
        self.plural_at: set[int] = set()
        # (body start, end, sentence end) of a body's leadership listed in its sentence (DPRD X memiliki
        # lima pimpinan, yaitu ...): a bare officer word there (ketua, wakil ketua) is the body's
        self.makeup: Optional[tuple[int, int, int]] = None
        self.region_firsts: set[str] = doc.lexicon.compiled("officials:region_firsts", _region_firsts)
        allm = doc.scratch.get("agency_mentions", ()) or ()
        # every mention, for agency_at: sorted by start, with the longest length to bound a look-up
        self.all_ag = all_ag = sorted([(int(m[0]), n, int(m[1]), m[2]) for n, m in enumerate(allm)])
        # outermost agency mentions (a commission's legislature lies inside the commission), as
        # agencies.outermost_mentions gives them: by start, the longest first, none inside the one
        # before; read from the same sorted list: of the mentions starting at one place the
        # longest is kept when it reaches past the one before (mentions of one start lie together)
        outer: list[tuple[int, int]] = []
        reach = -1
        maxlen = None  # (max(..., default=0) as a loop)
        for s0, _n, e0, _a in all_ag:
            if maxlen is None or e0 - s0 > maxlen:
                maxlen = e0 - s0
            if e0 <= reach:
                continue  # inside the previous outer mention (or a shorter one of its start)
            if outer and outer[-1][0] == s0:
                outer[-1] = (s0, e0)  # a longer mention of the same start
            else:
                outer.append((s0, e0))
            reach = e0
        self.ag = outer
        self.ag_starts = [m[0] for m in outer]
        self.all_ag_starts = [m[0] for m in all_ag]
        self.ag_maxlen = 0 if maxlen is None else maxlen
        self._regions_at: dict[tuple[int, Optional[str], bool], Optional[tuple[int, str]]] = {}
        self._nicks: Optional[set[str]] = None
        self._places: dict[str, list[int]] = {}  # word runs asked of used_as_place (one document)
        # rare constructions looked for only where the text can hold them (untuk, two_spaces:
        # asked of the text as it was here, before any unwrapping, on first use)
        self._text0 = self.text
        self._untuk: Optional[bool] = None
        self._two_spaces: Optional[bool] = None
        self.also_at: set[tuple[int, int]] = set()  # (position start, name start) read after "yang juga"

    @property
    def untuk(self) -> bool:
        """Does the text hold ``untuk`` (Kepala X untuk Kabupaten Y, Nama)?"""
        if self._untuk is None:
            self._untuk = "untuk " in self._text0
        return self._untuk

    @property
    def two_spaces(self) -> bool:
        """Does the text hold two spaces in a row (Kepala Dinas Lutfi  Rumbia)?"""
        if self._two_spaces is None:
            self._two_spaces = "  " in self._text0
        return self._two_spaces

    def used_as_place(self, run: str, at: int) -> bool:
        """Is the capitalised word run ``run`` (Tanah Abang, Lubuk Sikaping) written elsewhere
        than at ``at`` as a place: after a place word or ``di`` (Kecamatan Tanah Abang, di Lubuk
        Sikaping) or before its district or regency (Lubuk Sikaping, Kabupaten Pasaman)?"""
        hits = self._places.get(run)
        if hits is None:
            hits = self._places[run] = _used_as_place(self.text, run)
        return any(h != at for h in hits)

    def nicknames(self) -> set[str]:
        """Short names in capitals written in parentheses after the full name
        (``Susilo Bambang Yudhoyono (SBY)``): the initials of the words before."""
        if self._nicks is None:
            self._nicks = set()
            for m in _PAREN_CAPS.finditer(self.text):
                nick = m.group("n")
                words = _NAME_RUN_BACK.search(self.text, max(0, m.start() - 80), m.start())
                if words is None:
                    continue
                ws = words.group(0).split()[-len(nick):]
                if len(ws) == len(nick) and "".join(w[0] for w in ws) == nick and not any(
                    w.casefold() in self.lx.unit_words for w in ws
                ):
                    self._nicks.add(nick)
        return self._nicks

    def agency_cover(self, pos: int) -> Optional[tuple[int, int]]:
        """(start, end) of the outermost agency mention covering ``pos``, if any."""
        i = bisect.bisect_right(self.ag_starts, pos) - 1
        if i >= 0 and pos < self.ag[i][1]:
            return self.ag[i]
        return None

    def agency_at(self, start: int, end: int) -> Optional[str]:
        """The agency mentioned inside or overlapping [start, end): the mention covering most
        of the range, ties the earliest (as ``agencies.agency_at``, by bisection)."""
        lo = bisect.bisect_left(self.all_ag_starts, start - self.ag_maxlen)
        hi = bisect.bisect_left(self.all_ag_starts, end)
        best: Optional[tuple[int, int, int, str]] = None
        for s, n, e, aid in self.all_ag[lo:hi]:
            if start < e:
                key = (min(e, end) - max(s, start), -s, -n, aid)
                if best is None or key[:3] > best[:3]:
                    best = key
        return best[3] if best else None

    def region_at(self, pos: int, type_: Optional[str], first: bool) -> Optional[tuple[int, str]]:
        key = (pos, type_, first)
        r = self._regions_at.get(key, _MISSING)  # (a look-up, not a KeyError raised and caught)
        if r is _MISSING:
            r = self._regions_at[key] = self._region_at(pos, type_, first)
        return r  # type: ignore[no-any-return]

    def _region_at(self, pos: int, type_: Optional[str], first: bool) -> Optional[tuple[int, str]]:
        if _regions is None:
            return None
        try:
            m = _regions.match_region(self.doc.lexicon, self.text, pos, type_)  # type: ignore[arg-type]
        except Exception:  # noqa: BLE001
            return None
        if m is None:
            return None
        if m.ambiguous and not first:
            return None
        return m.end, m.region.canonical


_PLACE_BEFORE: Final = (
    "kecamatan ", "kec. ", "kec ", "desa ", "kelurahan ", "kel. ", "nagari ", "gampong ", "kampung ",
    "dusun ", "distrik ", " di ",
)
_PLACE_AFTER: Final = re.compile(r"[ ]*,[ ]*(?:Kabupaten|Kab\.|Kota|Provinsi|Kecamatan|Kec\.)[ ]+[A-Z]")


# (Kapolsek) Dolok Silau yang sebelumnya dijabat ...: the office's place, its holder named after the verb
_HELD_AFTER: Final = re.compile(r"[ ]+(?:yang[ ]+)?(?:(?:sebelumnya|semula|kini|sekarang|akan)[ ]+)?di[ ]?jabat\b")


def _used_as_place(text: str, run: str) -> list[int]:
    """Where ``run`` is written as a place (:meth:`_Ctx.used_as_place`; str.find over the text)."""
    n = len(run)
    out: list[int] = []
    i = text.find(run)
    while i >= 0:
        e = i + n
        if (i == 0 or not text[i - 1].isalnum()) and (e >= len(text) or not text[e].isalnum()):
            before = text[max(0, i - 11):i].casefold()
            if before.endswith(_PLACE_BEFORE) or _PLACE_AFTER.match(text, e) is not None or (
                text.startswith((" yang", " di", " sebelumnya"), e) and _HELD_AFTER.match(text, e) is not None
            ):
                out.append(i)
        i = text.find(run, i + 1)
    return out


_PAREN_CAPS: Final = twin(r"(?<=\p{Ll})[ ]*\([ ]*(?P<n>\p{Lu}{2,5})[ ]*\)")
_NAME_RUN_BACK: Final = twin(r"(?r)(?:\p{Lu}[\p{L}'’-]*[ ]+){0,5}\p{Lu}[\p{L}'’-]*\Z")
# a short name in parentheses right after a person's name: Joko Widodo (Jokowi), (SBY)
_NICK_AFTER: Final = twin(r"[ ]*\([ ]*(?P<n>\p{Lu}[\p{L}'’-]{1,20})[ ]*\)")
_NICK_WORDS_AFTER: Final = twin(r"[ ]*\([ ]*(?P<n>\p{Lu}\p{Ll}+(?:[ ]+\p{Lu}\p{Ll}+){1,2})[ ]*\)")

# a time word before a holder cue (yang kini menjabat, yang saat itu menjabat, yang kala itu menjadi,
# yang sebelumnya menjabat, yang semula menjabat)
_NOW_THEN: Final = (
    r"(?:kini|sekarang|masih|sebelumnya|semula|dulunya|terakhir"
    r"|(?:saat|kala|waktu|ketika)[ ]+(?:ini|itu)|sebelum[ ]+(?:ini|itu))"
)
# a move to a new office (Budi pindah tugas menjadi, dipindahtugaskan menjadi, dimutasi
# sebagai, menduduki jabatan baru sebagai, mendapat amanah baru sebagai, mendapat promosi menjadi <position>)
_MOVE_CUE: Final = (
    r"(?:yang[ ]+)?(?:juga[ ]+)?(?:(?:resmi|kini|akan|telah|sudah)[ ]+)?"
    r"(?:(?:di)?pindah(?:[ ]?tugas(?:kan)?|kan)?|dimutasi|dirotasi|digeser|bergeser|dipromosikan"
    r"|(?:menduduki|menempati|memangku)[ ]+(?:jabatan|posisi)(?:[ ]+baru)?"
    r"|(?:mendapat(?:kan)?|menerima|diberi)[ ]+(?:amanah|amanat|jabatan|tugas|tanggung[ ]+jawab)[ ]+baru"
    r"|(?:mendapat(?:kan)?|memperoleh)[ ]+promosi(?:[ ]+jabatan)?)"
    r"[ ]+(?:menjadi|sebagai)"
    r"|(?:yang[ ]+)?(?:juga[ ]+)?(?:menduduki|menempati|memangku)[ ]+(?:jabatan|posisi)(?:[ ]+baru)?"
)
# the words between a name and the office it holds (Budi selaku / yang juga menjabat sebagai /
# yang merupakan / resmi dilantik menjadi / terpilih sebagai <position>): a reverse search
# tries the alternatives in order, so the compound cues come before a bare sebagai
_HOLDER_CUE: Final = (
    r"(?:(?:yang|untuk)[ ]+)?(?:juga[ ]+)?(?:" + _NOW_THEN + r"[ ]+)?"
    r"(?:kembali[ ]+)?(?:menjabat|merupakan)(?:[ ]+sebagai)?"
    r"|yang[ ]+(?:juga[ ]+)?(?:" + _NOW_THEN + r"[ ]+)?menjadi"
    r"|yang[ ]+" + _NOW_THEN + r"[ ]+sebagai"
    r"|(?:yang[ ]+)?(?:(?:resmi|baru|telah|sudah)[ ]+)?(?:(?:mengklaim|dinyatakan)[ ]+)?"
    r"(?:di(?:lantik|angkat|tunjuk|tetapkan|kukuhkan|pilih|percaya|dapuk)|terpilih)"
    r"(?:[ ]+dan[ ]+di(?:ambil[ ]+sumpah(?:nya)?|sumpah|lantik|kukuhkan|tetapkan))?[ ]+(?:menjadi|sebagai)"
    r"|(?:yang[ ]+)?(?:kini[ ]+|telah[ ]+|sudah[ ]+)?resmi[ ]+menjadi"
    r"|" + _MOVE_CUE + r"|selaku|sebagai|yang[ ]+juga"
    r"|(?:(?:yang[ ]+)?duduk[ ]+)?di[ ]+kursi"  # Budi (duduk) di kursi Wakil Ketua Umum: the seat of a board
)
# the cue's word for when the office is held: a move or appointment names the new office
# (it wins over the old one named with the holder), a time word before names a past one
_NEW_CUE_WORDS: Final = (
    "lantik", "angkat", "tunjuk", "tetapkan", "kukuhkan", "pilih", "percaya", "dapuk", "pindah",
    "mutasi", "rotasi", "geser", "promosi", "duduki", "tempati", "memangku", "baru", "kini", "sekarang", "resmi",
    "saat ini", "kursi",
)
_OLD_CUE_WORDS: Final = ("sebelum", "semula", "dulunya", "terakhir")


def _cue_rank(cue: str) -> int:
    """0 for a past office (yang sebelumnya menjabat), 2 for a new or current one (pindah
    tugas menjadi, dilantik sebagai, yang kini menjabat), 1 otherwise."""
    if any(w in cue for w in _OLD_CUE_WORDS):
        return 0
    return 2 if any(w in cue for w in _NEW_CUE_WORDS) else 1
_SELAKU: Final = twin(r"(?r)(?:,[ ]*)?\b(?:" + _HOLDER_CUE + r")[ ]+\Z")
# the last word of every alternative of _HOLDER_CUE: a match of _SELAKU ends with one of them
# and its spaces (tests/test_officials_fast.py compares the gated search with the plain one)
_HOLDER_LAST: Final = ("menjabat", "merupakan", "sebagai", "menjadi", "jabatan", "posisi", "baru", "selaku", "juga", "kursi")


def _cue_search(rx: Twin, last: tuple[str, ...], width: int, text: str, pos: int) -> Any:
    """``rx.search(text, max(0, pos - width), pos)`` for a reverse pattern ending in a cue word
    of ``last`` and spaces, searched only where the text before the spaces that end at ``pos``
    ends with one of them (one str test: most heads have no cue before them)."""
    lo = max(0, pos - width)
    j = pos
    while j > lo and text[j - 1] == " ":
        j -= 1
    if not text.endswith(last, lo, j):
        return None
    return rx.search(text, lo, pos)


def _selaku_before(text: str, pos: int) -> Any:
    """``_SELAKU.search(text, max(0, pos - 60), pos)``, where a holder cue can end."""
    return _cue_search(_SELAKU, _HOLDER_LAST, 60, text, pos)


# before a position in lower case written after a name: "Budi, ketua ...", "Budi, nama
# kepala distrik itu", "Budi, seorang juru bicara ...", "Budi selaku ketua ...", "Budi
# yang menjabat sebagai ..."
_APPOS_CUE: Final = twin(
    r"(?r)(?:(?P<comma>,)[ ]*(?:(?P<nama>nama[ ]+)|(?:salah[ ]+)?seorang[ ]+|salah[ ]+satu[ ]+)?"
    r"|(?P<sel>\b(?:" + _HOLDER_CUE + r")[ ]+))\Z"
)
# the last word of either branch of _APPOS_CUE: the comma or a word after it, or a holder cue's
_APPOS_LAST: Final = (",", "nama", "seorang", "satu") + _HOLDER_LAST


def _appos_cue_before(text: str, pos: int) -> Any:
    """``_APPOS_CUE.search(text, max(0, pos - 45), pos)``, where a comma or a cue word can end."""
    return _cue_search(_APPOS_CUE, _APPOS_LAST, 45, text, pos)


_DEMONSTRATIVE: Final = twin(r"[ ]+(?:itu|tersebut|ini)\b")
_NUMBER_AFTER: Final = twin(r"[ ]*(?:(?:Nomor|Nomer|No|Nr)\b|\d)", regex.I)
# an occupation between "adalah" and the holder (wakil ketua tim seleksi adalah pengacara Nama)
_OCCUPATIONS: Final = (
    "pengacara", "advokat", "akademisi", "dosen", "pakar", "aktivis", "wartawan", "jurnalis", "pengusaha",
    "peneliti", "praktisi", "budayawan", "ekonom", "pengamat",
)
# bupati bernama lengkap X; Ketua Komisi I (akan / kini) dijabat (oleh) X; Presiden yaitu
# (bapak) X; Ketua Komisi I tetap X (kept in the office); Ketua Komisi I dipimpin X: the holder follows
_NAMED: Final = twin(
    r"(?:yang[ ]+)?(?:bernama(?:[ ]+lengkap)?"
    r"|(?:sendiri[ ]+)?(?:(?:akan|kini|saat[ ]+ini|sekarang|masih|tetap|sebelumnya|semula)[ ]+)?di[ ]?jabat(?:[ ]+oleh)?"
    r"|(?:sendiri[ ]+)?(?:(?:akan|kini|saat[ ]+ini|sekarang|kemudian|selanjutnya)[ ]+)?"
    r"(?:diemban(?:[ ]+oleh)?|dipercayakan[ ]+kepada)"
    r"|sebelumnya[ ]+(?:dipegang(?:[ ]+oleh)?|atas[ ]+nama)|atas[ ]+nama"
    r"|(?:adalah|ialah)(?:[ ]+(?:bapak|ibu|saudara|" + "|".join(_OCCUPATIONS) + r"))?"
    r"|(?:yaitu|yakni)[ ]*,?(?:[ ]+(?:bapak|ibu))?|dipimpin(?:[ ]+oleh)?|tetap)[ ]+(?=\p{Lu})"
)
# anggota Komisi I (lain) yang (turut) hadir adalah / yakni X (dan Y): the holders present
_PRESENT: Final = twin(
    r"[ ]*(?:lain(?:nya)?[ ]+)?yang[ ]+(?:(?:turut|juga|ikut|tampak|terlihat)[ ]+)?hadir[ ]*,?[ ]*"
    r"(?:adalah|ialah|yakni|yaitu|antara[ ]+lain|di[ ]?antaranya)[ ]*:?[ ]+(?=\p{Lu})"
)
# (jabatan / posisi / kursi) Kepala X (sendiri) ditempati / diisi / diduduki / dipegang (oleh) Nama:
# read only after the office word (Posko Bupati ditempati warga: a place)
_FILLED: Final = twin(
    r"(?:yang[ ]+)?(?:sendiri[ ]+)?(?:(?:akan|kini|saat[ ]+ini|sekarang|kemudian|selanjutnya)[ ]+)?"
    r"(?:untuk[ ]+sementara(?:[ ]+waktu)?[ ]+)?"  # (untuk sementara diisi oleh Plt Nama: an acting holder)
    r"(?:ditempati|diisi|diduduki|dipegang)(?:[ ]+oleh)?[ ]+(?=\p{Lu}|drg?\.?[ ])"
)
# a term of office after a position: periode 2019–2024, masa jabatan 2014 s.d. 2019, masa bakti 2020
_TERM: Final = re.compile(
    r"(?:periode|masa(?:[ ]+(?:jabatan|bakti|tugas|kerja|khidmat))?)[ ]+(?:tahun[ ]+)?\d{4}"
    r"(?:[ ]*(?:[-–—/]|s\.?[ ]?d\.?|sampai|hingga)[ ]*\d{2,4})?(?![\w-])"
)
_CONN_WORDS: Final = frozenset({"dan", "serta", "bidang", "urusan", "&"})
_DOTTED_INITIALS: Final = re.compile(r"[A-Z](?:\.[A-Z]){1,3}")  # K.A, A.M.S (a token: its last dot stands apart)
_ABBR_DOT: Final = frozenset({"kab", "prov", "kec", "kel", "no", "ds"})
# a word, a full stop, an initial and its full stop, a name word, all glued (Pagaralam.M.Fadli)
_GLUED_INITIAL: Final = twin(r"(\p{L}*\p{Ll}\p{Ll})\.\p{Lu}\.\p{Lu}\p{Ll}")
# abbreviated heads some sites write with a full stop before the unit (Kabag. Umum, Kasi. Pemerintahan)
_HEAD_ABBRS: Final = frozenset({
    "kabag", "kasubag", "kasubbag", "kabid", "kasubbid", "kasi", "kasie", "kadis", "kasat", "kanit", "kaur",
})


class _Toks:
    """(start, end, text) of the tokens of ``text[start:end]``, read only as far as asked."""

    __slots__ = ("it", "items", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        # (_TOKEN.finditer(text, start, end), its two branches inline)
        self.it: Iterator[AnyMatch] = (
            _TOKEN_A.finditer(text, start, end) if text.isascii() else _TOKEN_U.finditer(text, start, end, False)
        )
        self.items: list[tuple[int, int, str]] = []

    def at(self, i: int) -> Optional[tuple[int, int, str]]:
        items = self.items
        n = len(items)
        if i < n:  # most calls re-read a token already read
            return items[i]
        if i == n:  # the next token: one step of the scan
            m = next(self.it, None)
            if m is None:
                return None
            s, e = m.span()
            tok = (s, e, self.text[s:e])
            items.append(tok)
            return tok
        text = self.text
        for m in self.it:
            s, e = m.span()  # one call, then a slice: cheaper than start(), end() and group()
            items.append((s, e, text[s:e]))
            if len(items) > i:
                return items[i]
        return None


def _read_items(
    ctx: _Ctx, row: PositionRow, start: int, limit: int, lower: bool = False
) -> tuple[list[Item], int, str]:
    """Items of a position's unit part from ``start``; returns (items, stop position, stop kind).

    Stops at a comma, a full stop, a lowercase word, a quote, a title opening
    a name (``Drs.``), or anything else that is not part of a unit name.
    Stop kinds: ``comma``, ``title``, ``lower``, ``end``, ``other``, and
    ``caps`` (a short name in capitals, ``Presiden SBY``). With ``lower`` (a
    head written in lower case) lower-case unit words are part of the unit
    (``kepala bidang pelayanan``). Most positions end within a few words: tokens
    are read only as far as needed.
    """
    return _read_window(ctx, row, start, limit, limit, lower)


def _read_window(
    ctx: _Ctx, row: PositionRow, start: int, window: int, limit: int, lower: bool = False
) -> tuple[list[Item], int, str]:
    text, lx = ctx.text, ctx.lx
    tk = _Toks(text, start, window)
    toks = tk.items
    items: list[Item] = []
    i = 0
    no_agency_until = -1
    ag_starts, ag = ctx.ag_starts, ctx.ag
    nl = text.find("\n", start, window)
    if nl < 0:
        nl = window
    tk_it = tk.it
    tok: Optional[tuple[int, int, str]]
    while True:
        # the token i: one already read, the next one of the scan (read here as tk.at reads it),
        # or tk.at for a token further on
        if i < len(toks):
            tok = toks[i]
        elif i == len(toks):
            mt = next(tk_it, None)
            if mt is None:
                break
            ts0, te0 = mt.span()
            tok = (ts0, te0, text[ts0:te0])
            toks.append(tok)
        else:
            tok = tk.at(i)
            if tok is None:
                break
        s, e, t = tok
        if s > nl:
            return items, s, "end"
        if not t[0].isalnum():
            # (punctuation: a comma, a parenthesis, a joiner, a full stop or anything else; a word
            # token opens with a letter or digit and skips these tests)
            if t == ",":
                field = bool(items) and items[-1].kind in ("unit", "unk") and _field_cue_in(ctx, items)
                # (listing: a comma already joined the list, the body may follow this one; looked
                # for only where the list is read)
                if items and (items[-1].kind == "unit" or field):
                    listing = False  # (any(...) as a loop: no generator made per comma)
                    for it in items:
                        if it.kind == "conn" and text[it.start] == ",":
                            listing = True
                            break
                    if _field_list_after(ctx, tk, i, field, listing):
                        items.append(Item("conn", s, e))  # Kepala Pusat Data, Informasi dan Komunikasi ...
                        i += 1
                        continue
                return items, s, "comma"
            if t == "(":
                j = i + 1
                while tk.at(j) is not None and j - i <= 10 and toks[j][2] != ")":
                    j += 1
                if tk.at(j) is not None and toks[j][2] == ")" and j > i + 1:
                    # the words inside, and whether one is lower case and no joiner (a loop: no list
                    # comprehension and generator made per parenthesis)
                    words: list[str] = []
                    lower_inside = False
                    for tok_in in toks[i + 1:j]:
                        w_in = tok_in[2]
                        if w_in[0].isalnum():
                            words.append(w_in)
                            if w_in[0].islower() and w_in not in _CONN_WORDS:
                                lower_inside = True
                    if words and not lower_inside and not all(_DIGITS.fullmatch(w) for w in words):
                        if _nickname(ctx, items, words):
                            return items, s, "other"  # Presiden Joko Widodo (Jokowi), Susilo Bambang Yudhoyono (SBY)
                        items.append(Item("paren", s, toks[j][1]))
                        i = j + 1
                        continue
                if tk.at(j) is None and window < limit:
                    return items, window, "end"  # the parenthesis runs past the window: read more
                return items, s, "other"
            if t in "/-&":
                if t == "&" and _head_next(ctx, tk, i):
                    return items, s, "other"
                if t == "-" and items and items[-1].kind == "unk" and (text[s - 1] == " " or text[e:e + 1] == " ") and (
                    text[_skip_space(text, e):_skip_space(text, e) + 1].isupper() and (nx := tk.at(i + 1)) is not None and nx[2][:1].isupper()
                    and nx[2].casefold() not in lx.unit_words and (nx[2] in lx.given or (
                        parse_name(lx, text, nx[0], limit, ctx.regions, memo=ctx.memo) is not None
                        and ctx.region_at(nx[0], None, False) is None
                    ))
                ):
                    return items, s, "other"  # bupati incumbent Budi -Rudi Hartono: a candidate and his running mate
                items.append(Item("conn", s, e))
                i += 1
                continue
            if t == ".":
                prev = toks[i - 1][2].casefold() if i else ""
                if prev in _ABBR_DOT:
                    items[-1].end = e if items else e
                    i += 1
                    continue
                if not i and s == start and _cap_after(text, e) and (
                    " " + text[max(0, s - 8):s]
                ).casefold().rsplit(None, 1)[-1] in _HEAD_ABBRS:
                    i += 1  # Kabag. Tata Pemerintahan Setda X, Nama: the full stop of the abbreviated head
                    continue
                return items, s, "end"
            return items, s, "other"
        # a title opening a person's name ends the unit part
        cf = t.casefold()  # (the token case-folded once: the title test and the tests below)
        dot = t.find(".")
        pm = lx.pre_one.match(text, s, limit) if (cf if dot < 0 else t[:dot].casefold()) in lx.title_starts else None
        if pm is not None and not (len(t) == 1 and items and items[-1].kind == "unk" and text[e:e + 1] != "."):
            if parse_name(lx, text, s, limit, ctx.regions, memo=ctx.memo) is not None:
                return items, s, "title"
        if s >= no_agency_until:  # (ctx.agency_cover(s), inline)
            k = bisect.bisect_right(ag_starts, s) - 1
            cover = ag[k] if k >= 0 and s < ag[k][1] else None
        else:
            cover = None
        ae = None
        if cover is not None and cover[1] > s:
            ae = _agency_end(ctx, tk, i, cover[0], cover[1], limit)
            if ae < cover[1]:
                no_agency_until = cover[1]
            elif ae < limit and text[ae - 1].isalnum() and (text[ae].isalnum() or text[ae] in "-/"):
                # a mention ending inside a word (Dinas DP of Dinas DP3AP2KB, FPAN of FPAN-PKS): the
                # unit runs to the end of that word
                j = i
                while (x := tk.at(j)) is not None and x[0] < ae:
                    if x[1] > ae:
                        ae = x[1]
                    j += 1
        if ae is not None and ae > s and (c := text.find(",", s, ae)) > s and _names_after_comma(ctx, c, limit):
            ae = c  # Komisi V, Mira Roza, Kasir dan Aulia: a mention that ran on over a list of names
            while text[ae - 1] == " ":
                ae -= 1
        if ae is not None and ae > s:
            it = Item("unit", s, ae)
            while (x := toks[i] if i < len(toks) else tk.at(i)) is not None and x[0] < ae:
                ts, te, tt = x
                if it.region is None and tt[:1].isupper() and tt.casefold().rstrip(".") in ctx.region_firsts:
                    rg = ctx.region_at(ts, None, True)  # Dinas Kesehatan DIY: the body's region
                    if rg is not None and rg[0] <= ae and not (rg[0] == te and tt.casefold() in lx.unit_words):
                        it.region = rg[1]
                        while (x := tk.at(i + 1)) is not None and x[0] < rg[0]:
                            i += 1
                i += 1
            items.append(it)
            continue
        if t in lx.stop_openers and _stop_opens(lx, text, t, s, limit):
            return items, s, "title"  # Kepala Bappeda NTB Lalu Gita Ariadi: a Sasak name starts
        if t[0].isupper() and cf in lx.stop and cf not in lx.unit_words and (
            cf in lx.date_words or not (items and items[-1].kind == "unk")
        ) and not (not items and cf in lx.status_quals and _cap_after(text, e)) and not (
            cf in lx.status_quals and (not items or items[-1].kind in ("unit", "region"))
            and (_COMMA_CAP.match(text, e) is not None or _cap_after(text, e))
        ) and not (
            # Gapoktan Sumber Rejeki: a word of a community body's own name
            t in lx.org_words and items and text[items[-1].start:items[-1].end].casefold() in lx.community_cues
        ):
            # (but Ketua Sementara DPRD ...: a status word right after the head before capitals;
            # Ketua Sementara, Budi; Ketua DPRD (DKI) Sementara (,) Budi: the status, then the name)
            if _given_opens(lx, text, t, e, limit):
                return items, s, "title"  # Kepala Dinas Kesehatan Hari Wibowo: a name starts
            return items, s, "other"  # Presiden Nomor ..., Kepala Dinas Senin ... (but Camat Seputih Banyak)
        if t in ("I", "Ni") and _is_balinese_i(ctx, tk, i, items):
            return items, s, "title"  # Camat Seputih Banyak I Wayan Sukerta: a Balinese name starts
        if (
            (t[0].isupper() or t[0].isdigit())
            and cf.rstrip(".") in ctx.region_firsts
            and _no_region(items)  # one region per position (Bogor, not Bima Arya)
        ):
            first_place = row.takes == "place" and not any(it.kind in ("region", "unit", "unk") for it in items)
            # inside a position a bare region name needs no further cue (Dinas Kesehatan DIY)
            rg = ctx.region_at(s, row.region_type if first_place else None, True)
            if rg is not None and rg[0] == e and cf in lx.unit_words:
                rg = None  # Polres Metro Jakarta Barat: a unit word that is also a place name
            if rg is not None and rg[0] > s:
                items.append(Item("region", s, rg[0], rg[1]))
                while (x := tk.at(i)) is not None and x[0] < rg[0]:
                    i += 1
                continue
        if cf in lx.status_quals and t[0].isupper() and _cap_after(text, e):
            items.append(Item("qual", s, e))  # Presiden Terpilih Joko Widodo
            i += 1
            continue
        if t[0].islower():
            if t[0] == "l" and len(t) > 1 and t.replace("l", "I") in _ROMANS and (
                items[-1].kind == "unit" if items else (prev_word(text, s) or "").casefold() in lx.unit_words
            ):
                items.append(Item("num", s, e))  # Komite lll, Komisi ll: a Roman numeral typed with l's
                i += 1
                continue
            if cf in ("dan", "serta") and (
                _head_next(ctx, tk, i) or _name_run_end(ctx, items) or _person_after_and(ctx, items, e, limit)
                or _own_after_and(ctx, e, limit) or _plain_after_and(ctx, items, e)
            ):
                # Menteri Agama X dan Menteri Perumahan Y; Mensesneg Hatta Rajasa dan Sekretaris ...:
                # "dan" after a person's name ends the position (inside a unit it joins unit words);
                # so does a person's name after it (selaku Ketua RW dan Budi Santoso selaku ...)
                return items, s, "lower"
            if cf == "yang" and (nq := _LOWER_WORD.match(text, _skip_space(text, e))) is not None and (
                (nq.group(0) in lx.status_quals or nq.group(0) in lx.temporal_quals)
                and _COMMA_CAP.match(text, nq.end()) is not None
            ):
                # Kapolres Bantul yang baru, AKBP Budi: the qualifier, then the name after the comma
                items.append(Item("conn", s, e))
                items.append(Item("qual" if nq.group(0) in lx.status_quals else "conn", nq.start(), nq.end()))
                i += 2
                continue
            if (
                (cf == "periode" or cf == "masa")
                and (pm := _TERM.match(text, s, limit)) is not None
                and (_cap_after(text, pm.end()) or _COMMA_CAP.match(text, pm.end()) is not None)
            ):
                # mantan Bupati X periode 2001–2011 H. Nama; Ketua DPRD X masa jabatan 2019-2024, Nama:
                # the term of office is passed over
                items.append(Item("conn", s, pm.end()))
                while (x := tk.at(i)) is not None and x[0] < pm.end():
                    i += 1
                continue
            if (
                cf in lx.temporal_pairs
                and (nq := _LOWER_WORD.match(text, _skip_space(text, e))) is not None
                and nq.group(0) in lx.temporal_pairs[cf]
                and (_cap_after(text, nq.end()) or _COMMA_CAP.match(text, nq.end()) is not None)
            ):
                # Ketua MK saat itu, Budi; Kapolres Bantul kala itu AKBP Budi: passed over
                items.append(Item("conn", s, nq.end()))
                i += 2
                continue
            if cf in lx.status_quals or cf in lx.temporal_quals:
                # presiden terpilih Joko Widodo (kept), Kapolri baru Badrodin Haiti (passed over),
                # Wali Kota Batu periode ketiga H Eddy Rumpoko (two in a row), Penjabat Sekda
                # sebelumnya, Ir Budi (the name after a comma)
                if _cap_after(text, e) or _COMMA_CAP.match(text, e) is not None or (
                    (nq := _LOWER_WORD.match(text, _skip_space(text, e))) is not None
                    and (nq.group(0) in lx.status_quals or nq.group(0) in lx.temporal_quals)
                    and _cap_after(text, nq.end())
                ):
                    items.append(Item("qual" if cf in lx.status_quals else "conn", s, e))
                    i += 1
                    continue
            if (
                text[e:e + 1] == "," and (cf in lx.unit_words or _field_noun(cf)) and cf not in lx.stop
                and (items[-1].kind == "unit" if items else _unit_closes_head(lx, text, s))
                and _COMMA_CAP.match(text, e) is not None and match_head(lx, text, s) is None
            ):
                # Ketua Panitia pelantikan, Budi; Ketua Tim seleksi, Budi: the lower-case task of a
                # committee closes the office right before the comma and the name
                items.append(Item("unit", s, e))
                i += 1
                continue
            if cf in lx.unit_words and cf not in lx.stop and (
                lower
                or (
                    (_cap_after(text, e) or ((not items or items[-1].kind == "unit") and _lower_units_cap(ctx, e, limit)))
                    and t not in lx.inner_particles and match_head(lx, text, s) is None
                )
            ):
                # kepala bidang pelayanan ...; Kuwu desa Mekarsari, Staf Ahli bagian Hukum: in a
                # capitalised position a lower-case unit word (not a head: Wali Kota anggota X;
                # not a name particle: Ahmad Iskandar bin Hasyim) before a capitalised one goes on
                items.append(Item("unit", s, e))
                i += 1
                continue
            if (
                cf == "dari" and items and items[-1].kind == "unk" and len(items) > 1
                and (x := tk.at(i + 1)) is not None and x[2].casefold() in ("fraksi", "partai")
            ):
                # Ketua Komisi III Budi Santoso dari Fraksi Golkar: the holder's party, the holder before it
                return items, s, "lower"
            if cf in _CONN_WORDS or (cf in ("dari", "pada") and (x := tk.at(i + 1)) is not None and _unit_like(ctx, x[2])):
                items.append(Item("conn", s, e))
                i += 1
                continue
            if cf.startswith("se-") or cf == "se":
                items.append(Item("conn", s, e))
                i += 1
                continue
            if (
                cf == "di" and row.takes == "org" and items
                and (x := tk.at(i + 1)) is not None
                and (cv := ctx.agency_cover(x[0])) is not None and cv[0] == x[0]
                and not any(ctx.agency_cover(it.start) is not None for it in items)
            ):
                items.append(Item("conn", s, e))  # Kasi Identitas Penduduk di Disdukcapil Nama
                i += 1
                continue
            if cf in lx.letter_units and (x := tk.at(i + 1)) is not None and (
                x[2].isdigit() or x[2] in _ROMANS
            ) and items:
                items.append(Item("unit", s, e))  # Suku Dinas Pendidikan Jakarta Timur wilayah 1
                i += 1
                continue
            return items, s, "lower"
        if t[0].isdigit() and _YEAR.fullmatch(t):
            return items, s, "other"  # Wakil Bupati Kediri 2015: a year dates the office, it is no unit
        if (
            t[1:2] == "." and (items[-1].kind == "region" if items else row.takes == "none")
            and _DOTTED_INITIALS.fullmatch(t) and _name_at(lx, text, s, limit, ctx.regions, ctx.memo)
        ):
            # Gubernur Maluku K.A. Ralahalu: after the region that closes a position, initials joined
            # by dots open the name (Ketua P.P. Muhammadiyah, DPD K.N.P.I.: a body's dotted acronym)
            return items, s, "title"
        if (
            t in _ROMANS and t != "I" and items and items[-1].kind == "unk"
            and any(it.kind in ("region", "unit") for it in items) and _boundary_after(text, e)
            and _name_at(lx, text, _unk_run_start(items), limit, ctx.regions, ctx.memo)
        ):
            items.append(Item("unk", s, e))  # Gubernur DIY Hamengkubuwono X: a regnal numeral closes the name
        elif t[0].isdigit() or "/" in t or (t in _ROMANS and not _is_balinese_i(ctx, tk, i, items)):
            items.append(Item("num", s, e))
        elif len(t) == 1 and t.isupper() and not ((x := tk.at(i + 1)) is not None and x[2] == ".") and not (
            items and items[-1].kind == "unk"
        ):
            # Komisi A; but Benny K Harman and Partai Demokrat M Nazaruddin: an initial
            pw = prev_word(text, s)
            if (pw is None or pw.casefold() not in lx.letter_units) and _name_at(
                lx, text, s, limit, ctx.regions, ctx.memo
            ):
                return items, s, "title"
            items.append(Item("num", s, e))
        elif (
            len(t) <= 3 and t.isupper() and t.isalpha() and items and items[-1].kind == "unk"
            and t not in lx.body_acronyms and _boundary_after(text, e)
        ):
            items.append(Item("unk", s, e))  # Widodo AS, Mahfud MD: initials closing a name
        elif 2 <= len(t) <= 5 and t.isupper() and t.isalpha() and _caps_name(ctx, row, items, t, text, e):
            return items, s, "caps"  # Presiden SBY
        elif (
            t in lx.caps_abbrev and items
            and items[-1].kind in ("region", "unit") and _name_at(lx, text, s, limit, ctx.regions, ctx.memo)
        ):
            return items, s, "title"  # Bupati Langkat MHD Syah Afandin: Muhammad abbreviated opens the name
        elif t in _CAP_PARTICLES and items and items[-1].kind == "unk" and _particle_joins(lx, text, e, limit):
            items.append(Item("unk", s, e))  # Ketua PMI DKI Mardani Bin Nasir: a patronymic inside the name
        elif (
            cf in lx.unit_words or t in lx.acronyms or (len(cf) >= 8 and cf.endswith("an") and cf.startswith(("pe", "ke")))
        ) and t not in lx.given and not (  # (_field_noun(cf) inline)
            items and items[-1].kind == "unk" and (
                _unit_word_in_name(lx, text, [(items[-1].start, items[-1].end)], t, e, limit)
                # Kepala Dinas X Budi Karya hadir: the unit word closes the given name's run
                or _unit_surname(lx, text, text[items[-1].start:items[-1].end], t, e, limit)
            )
        ):
            items.append(Item("unit", s, e))
        elif t[:2] == "Pe" and items and items[-1].kind == "unit" and text[items[-1].start] != "(" and _agent_noun(lx, t) and (
            text[items[-1].start:items[-1].end].casefold() in lx.unit_words
        ):
            items.append(Item("unit", s, e))  # Ketua Dewan Penyantun, Ketua Tim Pembina: the body's function
        elif len(t) > 1 and t.isupper():
            if items and items[-1].kind == "unk" and t not in lx.body_acronyms and (
                (dm := lx.post_rx.match(text, items[-1].end, limit)) is not None and dm.end("d") >= e
            ):
                return items, s, "other"  # Kepala Bagian Humas Rudi Hartono SSTP MSi: a degree closes a name
            items.append(Item("unit", s, e))  # an acronym: DPRD, KPAI, SMA
        elif cf in lx.countries and t[0].isupper() and not (items and items[-1].kind == "unk"):
            items.append(Item("unit", s, e))  # Presiden Kongo (Felix Tshisekedi)
        elif t[0].isupper():
            if (t == "Kelas" or t == "Klas") and items and (x := tk.at(i + 1)) is not None and _CLASS_CODE.fullmatch(x[2]):
                # Pengadilan Agama Bogor Kelas IA, PA Cikarang Kelas IB, Lapas X Kelas IIA: the class of a
                # court or prison closes its name (the unknown words before it are its place, no name)
                for it in items:
                    if it.kind == "unk":
                        it.kind = "unit"
                items.append(Item("unit", s, x[1]))
                i += 2
                continue
            if "." in t and (gm := _GLUED_INITIAL.match(t)) is not None and (
                lx.post_rx.match(", " + t[gm.end(1) + 1:]) is None  # (Camat Mlati.S.Pd: a degree)
            ):
                # Wakil Walikota Pagaralam.M.Fadli: the office's place and the holder's initial glued by
                # full stops, no space: the first full stop stands for the comma
                d = s + gm.end(1)
                rg = ctx.region_at(s, None, True) if cf[:gm.end(1)] in ctx.region_firsts else None
                if rg is not None and rg[0] == d:
                    items.append(Item("region", s, d, rg[1]))
                else:
                    items.append(Item("unit" if cf[:gm.end(1)] in lx.unit_words else "unk", s, d))
                return items, d, "comma"
            # Kabag Sumber Daya Alam Budi, Kabid Bina Marga Budi: a word that is also a name word
            # closes a unit phrase after the phrase's word before it
            tails = lx.phrase_tails.get(cf) if items and items[-1].kind == "unit" else None
            items.append(Item(
                "unit" if tails and text[toks[i - 1][0]:toks[i - 1][1]].casefold() in tails else "unk", s, e
            ))
        else:
            return items, s, "other"
        i += 1
    return items, window, "end"


# the class of a court, prison or office after Kelas: I, IA, IB, II, IIA, IIB, III
_CLASS_CODE: Final = re.compile(r"(?:I{1,3}|IV)[AB]?")


def _unk_run_start(items: list[Item]) -> int:
    """Where the run of unknown words closing ``items`` starts."""
    k = len(items) - 1
    while k > 0 and items[k - 1].kind == "unk":
        k -= 1
    return items[k].start


def _lower_units_cap(ctx: _Ctx, pos: int, limit: int) -> bool:
    """After ``pos``: up to three more lower-case unit words, then a person's name
    (``Kabid pelayanan pendaftaran penduduk Fahri``: the unit part runs on to the name)."""
    lx, text = ctx.lx, ctx.text
    for _ in range(3):
        m = _LOWER_WORD.match(text, _skip_space(text, pos))
        if m is None or m.start() == pos or m.group(0) not in lx.unit_words or m.group(0) in lx.stop:
            return False
        pos = m.end()
        if _cap_after(text, pos):
            nm = parse_name(lx, text, _skip_space(text, pos), limit, ctx.regions, memo=ctx.memo)
            return nm is not None and _closed_after(lx, text, nm.end)
    return False


def _unit_closes_head(lx: OffLex, text: str, pos: int) -> bool:
    """Does the head before ``pos`` end in a unit word that is no head alone (Ketua Panitia,
    Koordinator Tim; not Ketua)?"""
    pw = prev_word(text, pos)
    return pw is not None and (cf := pw.casefold()) in lx.unit_words and (cf,) not in lx.head_keys


def _field_cue_in(ctx: _Ctx, items: list[Item]) -> bool:
    """Does the unit part read so far name a field (``Bidang``, ``Seksi`` ...)?"""
    text = ctx.text
    for it in items:  # (a loop: no generator made per call)
        if text[it.start:it.end].casefold() in _FIELD_CUES:
            return True
    return False


_FIELD_CUES: Final = frozenset({"bidang", "seksi", "subbidang", "urusan"})


def _field_list_after(ctx: _Ctx, tk: _Toks, i: int, field: bool = False, listing: bool = False) -> bool:
    """Does a list of field words follow the comma at token ``i``, closed by ``dan``
    (``Data, Informasi dan Komunikasi``)? Only unit words up to the ``dan``; after a
    field cue (``Deputi Bidang Statistik, Distribusi dan Jasa BPS``) any capitalised
    words that are no frequent given names, when after ``dan`` one capitalised word
    runs into a body's acronym. A list of unit words with no ``dan`` that runs, after
    another comma, into a body's name is part of the unit too (``Kabid Pelayanan,
    Pendaftaran Penduduk, Disdukcapil Kota X``; ``listing``: a comma of the list was read
    already, the body may follow this one)."""
    lx = ctx.lx
    if listing and _body_at(ctx, tk, i + 1):
        return True
    if listing and (x := tk.at(i + 1)) is not None and x[2] in ("dan", "serta"):
        # Akademik, Kemahasiswaan, dan Kerjasama: the comma before the last item of the list
        return (y := tk.at(i + 2)) is not None and y[2][0].isupper() and (field or _unit_or_field(lx, y[2]))
    for k in range(i + 1, i + 6):
        x = tk.at(k)
        if x is None:
            return False
        t = x[2]
        if t == "," and k > i + 1:
            if (y := tk.at(k + 1)) is not None and y[2] in ("dan", "serta"):
                continue  # A, B, dan C: a comma before the dan
            return _body_at(ctx, tk, k + 1)
        if t.casefold() in lx.position_words and match_head(lx, ctx.text, x[0]) is not None:
            return False  # Kepala Dinas Pendidikan, Kepala Dinas Sosial ...: a list of offices
        if t == "dan" or t == "serta":
            if k == i + 1:
                return False
            if not field or all(
                (w := tk.at(j)[2]) == "," or _unit_or_field(lx, w) for j in range(i + 1, k)  # type: ignore[index]  # read up to k
            ):
                return True  # (Pemerintahan, Hukum, dan Politik: the comma before the dan is the list's)
            w1, w2 = tk.at(k + 1), tk.at(k + 2)
            return (
                w1 is not None and w2 is not None and w1[2][0].isupper() and w1[2] not in lx.given
                and len(w2[2]) > 1 and w2[2].isupper()
            )
        if not (t[0].isupper() and t not in lx.given and (field or _unit_or_field(lx, t))):
            return False
    return False


_LIST_GOES_ON: Final = twin(r"[ ]*(?:,|(?:dan|serta|atau)\b)")


def _body_at(ctx: _Ctx, tk: _Toks, k: int) -> bool:
    """Does an agency mention start at token ``k`` and close the list (no comma, ``dan``
    or ``serta`` after it: ``Dinas Sosial dan Bappeda`` lists bodies)?"""
    x = tk.at(k)
    return (
        x is not None and (cv := ctx.agency_cover(x[0])) is not None and cv[0] == x[0]
        and _LIST_GOES_ON.match(ctx.text, cv[1]) is None
    )


def _unit_or_field(lx: OffLex, t: str) -> bool:
    """A unit word or a field noun (Penanganan, Pelanggaran: pe-...-an)."""
    cf = t.casefold()
    return cf in lx.unit_words or _field_noun(cf)


_YEAR: Final = re.compile(r"(?:19|20)\d\d")
_CAP_AFTER_RX: Final = twin(r"[ ]+\p{Lu}")
_COMMA_CAP: Final = twin(r"[ ]*,[ ]*\p{Lu}")
_BOUNDARY_AFTER: Final = twin(r"[ ]*(?:[,.;:!?)\"'\n]|\Z)|[ ]+\p{Ll}")


def _cap_after(text: str, pos: int) -> bool:
    """Does a capitalised word follow ``pos``?"""
    return _CAP_AFTER_RX.match(text, pos) is not None


def _boundary_after(text: str, pos: int) -> bool:
    """Is ``pos`` followed by punctuation, a lower-case word or the end?"""
    return _BOUNDARY_AFTER.match(text, pos) is not None


def _no_region(items: list[Item]) -> bool:
    """``not any(it.region is not None for it in items)``, as a loop."""
    for it in items:
        if it.region is not None:
            return False
    return True


def _caps_name(ctx: _Ctx, row: PositionRow, items: list[Item], t: str, text: str, e: int) -> bool:
    """Is an all-capitals word right after a head a person's short name (``Presiden SBY``)?

    Only where no unit is expected (a head that takes nothing or a place, or a
    unique office), the word is no known body acronym (agencies.toml) or unit
    word, and a boundary follows (an unknown acronym before a capitalised word
    names a unit: ``Ketua DPP PKB``). After other heads (``Ketua``) only a
    short name written in parentheses elsewhere in the article (``(SBY)``).
    """
    if not (2 <= len(t) <= 5 and t.isupper() and t.isalpha()):
        return False
    if any(it.kind not in ("conn", "qual") for it in items):
        return False
    lx = ctx.lx
    if t in lx.acronyms or t in lx.body_acronyms or t.casefold() in lx.unit_words:
        return False
    if ctx.regions is not None and ctx.regions.is_place(t):
        return False
    if not _boundary_after(text, e):
        return False
    return row.takes != "org" or row.unique or t in ctx.nicknames()


def _name_run_end(ctx: _Ctx, items: list[Item]) -> bool:
    """Do the items end in a run of unknown capitalised words that reads as a person's name
    (two words or more, or a frequent given name), not as a field (Bidang Edukasi)?"""
    n = 0
    for it in reversed(items):
        if it.kind != "unk":
            break
        n += 1
    if n == 0:
        return False
    if n == 1 and ctx.text[items[-1].start:items[-1].end] not in ctx.lx.given:
        # anggota DPRD Gunung Mas Evandi serta Untung Jaya Bangas: one unknown word after a body
        # that has its region already, a person after the dan: the word is a first person
        return len(items) > 1 and _body_closed(ctx, items[-2]) and _no_place_run(ctx, items[-1:]) and (
            (g := _AND_WORD.match(ctx.text, items[-1].end)) is not None
            and _person_after_and(ctx, items[:-1], g.end(), min(len(ctx.text), g.end() + 160))
        )
    before = items[-n - 1] if len(items) > n else None
    return before is None or ctx.text[before.start:before.end].casefold() not in ctx.lx.place_cues


_AND_WORD: Final = twin(r"[ ]+(?:dan|serta)(?![\p{L}\d])")


def _body_closed(ctx: _Ctx, it: Item) -> bool:
    """Is ``it`` a body named in full with its region (``DPRD Gunung Mas``), a region, or a body
    acronym the agencies stage read whole (``DPRD``): a unit part that needs no more words?"""
    if it.kind == "region" or (it.kind == "unit" and it.region is not None):
        return True
    return it.kind == "unit" and (cv := ctx.agency_cover(it.start)) is not None and cv[0] == it.start and cv[1] == it.end


def _no_place_run(ctx: _Ctx, run: list[Item]) -> bool:
    """Are the unknown capitalised words ``run`` no place: no word opens a region's name or is a unit
    word or a field, and the text writes them nowhere else as a place (``Kecamatan X``)?"""
    text, lx = ctx.text, ctx.lx
    for it in run:
        if it.kind != "unk":
            return False
        w = text[it.start:it.end]
        if not name_word_ok(lx, w, ctx.regions) or w.casefold() in ctx.region_firsts or w.casefold() in lx.place_cues:
            return False
    words = text[run[0].start:run[-1].end]
    return not (ctx.regions is not None and ctx.regions.is_place(words)) and not ctx.used_as_place(words, run[0].start)


def _first_listed(ctx: _Ctx, tail: list[Item], rest: list[Item], nm: NameParse) -> bool:
    """``Anggota DPRD Wolter Barakati, Budi Santoso, dan Citra Dewi``: the unknown words after a body
    named in full (no place: a DPRD's region is a regency or a city) are the first of the list of
    names after the comma, not more of the body."""
    return (
        bool(tail) and _body_closed(ctx, tail[-1]) and nm.name_start == rest[0].start and nm.name_end == rest[-1].end
        and _no_place_run(ctx, rest) and bool(_listed_holders(ctx, nm, True))
    )


def _unit_like(ctx: _Ctx, t: str) -> bool:
    """A word that continues a unit name after dari/pada (Fraksi, Dinas, PDI, Kota ...; in lower
    case a unit word: Wakil Ketua DPRD dari fraksi PKS Nama, read on when a capital follows it)."""
    if not t[:1].isupper():
        return t.islower() and t in ctx.lx.unit_words
    cf = t.casefold()
    return (cf in ctx.lx.unit_words or t in ctx.lx.acronyms or _ACRONYM.fullmatch(t) is not None
            or cf in ctx.region_firsts) and cf not in ctx.lx.date_words


def _nickname(ctx: _Ctx, items: list[Item], words: list[str]) -> bool:
    """Is a parenthesis after a run of name-like words the person's short name?"""
    run: list[str] = []
    for it in reversed(items):
        if it.kind != "unk":
            break
        run.insert(0, ctx.text[it.start:it.end])
    if not run:
        return False
    if len(items) > len(run) and (
        (b := items[-len(run) - 1]).kind == "unit"
        and ((cf := ctx.text[b.start:b.end].casefold().rstrip(".")) in _REGION_CUES or cf in ctx.lx.place_cues)
    ):
        return False  # MUI Provinsi Jawa Tengan (Jateng): a place (here misspelt) and its short name
    if len(words) > 1:
        # Moh Ramdhan Pomanto (Danny Pomanto): the short name shares a word with the full one
        return (
            len(run) >= 2 and len(words) <= 3 and any(x in run for x in words)
            and all(x[0].isupper() and not x.isupper() and x.casefold() not in ctx.lx.unit_words for x in words)
        )
    w = words[0]
    if w[0].isupper() and not w.isupper() and w.casefold() not in ctx.lx.unit_words:
        return True  # Joko Widodo (Jokowi)
    initials = "".join(x[0] for x in run).upper()
    if len(run) < 2 or not w.isupper():
        return False
    if w == initials:
        return True  # Susilo Bambang Yudhoyono (SBY)
    # Suhardi Duka (SDK), Sutarmidji Harun (SMH): the initials in order and one more letter,
    # when that is no body's acronym
    letters = iter(w[1:])
    return (
        len(w) == len(initials) + 1 and w[0] == initials[0] and all(c in letters for c in initials[1:])
        and w not in ctx.lx.body_acronyms and w not in ctx.lx.acronyms
    )


def _person_after_and(ctx: _Ctx, items: list[Item], e: int, limit: int) -> bool:
    """After a head or a unit part closed by a body, region or acronym, does ``dan`` at ``e`` join a
    person (two name words or more, no unit word, a boundary after) rather than more of the
    unit? ``Plt Gubernur Jambi dan Budi Santoso menjadi ...``: Budi is not the Plt."""
    unk = bool(items) and items[-1].kind == "unk"
    if items and items[-1].kind not in ("unit", "region", "paren") and not unk:
        return False  # (right after the head: Ketua RW dan Budi Santoso)
    text, lx = ctx.text, ctx.lx
    p = _skip_space(text, e)
    if unk and _CUE_NEAR.search(text, p, min(limit, p + 70)) is None:
        return False  # (after unknown words only a person with an office of his own, below)
    if not text[p:p + 1].isupper() or match_head(lx, text, p) is not None:
        return False
    nm = parse_name(lx, text, p, limit, ctx.regions, memo=ctx.memo)
    if nm is None or not _closed_after(lx, text, nm.end):
        return False
    # one that takes an office of its own (Kepala Dinas A dan Budi menjabat Kepala B), even where
    # a body's mention ran on over it
    own = text.startswith(_OWN_NEXT_STARTS, nm.end) and _OWN_OFFICE_NEXT.match(text, nm.end, nm.end + 40) is not None
    if unk and not own:
        return False  # Camat Pitu dan Rudi menjadi Camat Paron: Pitu ends the office, Rudi takes his own
    if not own and ctx.agency_cover(nm.name_start) is not None:
        return False
    words = nm.name.split()
    if any(w.casefold() in lx.unit_words or _field_noun(w.casefold()) for w in words):
        return False
    # one word: a given name, or the first word of a fuller name the text writes elsewhere
    return own or len(words) > 1 or words[0] in lx.given or _opens_name_elsewhere(text, words[0], nm.name_start)


def _plain_after_and(ctx: _Ctx, items: list[Item], e: int) -> bool:
    """Does ``dan`` ending at ``e`` follow a word the lexicons do not know and come before a
    lower-case word that is no unit word or that names the holder's company (``Bupati Sleman
    Hartoko dan para camat``, ``... Hartoko dan rombongan``)? Then the unknown word is the
    holder's name, not a unit joined by ``dan`` (``Kabid Sarana dan prasarana``). Only after a
    region: before one the unknown word may be the office's place."""
    if not items or items[-1].kind != "unk" or not any(it.region is not None for it in items):
        return False  # (Kepala Puskesmas Cangkringan dan jajaran: with no region read, the word is the place)
    m = _LOWER_WORD.match(ctx.text, _skip_space(ctx.text, e))
    return m is not None and (m.group(0) not in ctx.lx.unit_words or m.group(0) in ctx.lx.companions)


def _own_after_and(ctx: _Ctx, e: int, limit: int) -> bool:
    """Does ``dan`` ending at ``e`` join a name that takes an office of its own (``kepala BPBD
    dan Budi menjabat kepala X``, ``ketua panitia dan Budi selaku bendahara``)?"""
    text = ctx.text
    p = _skip_space(text, e)
    if not (text[p:p + 1].isupper() or (text[p:p + 1] in "di" and ctx.lx.pre_one.match(text, p, limit))) or (
        _CUE_NEAR.search(text, p, min(limit, p + 70)) is None
    ):
        return False  # (a look for the cue words first: no name is parsed where none stands near; dr. Budi)
    if match_head(ctx.lx, text, p) is not None:
        return False
    nm = parse_name(ctx.lx, text, p, limit, ctx.regions, memo=ctx.memo)
    return nm is not None and text[nm.end:nm.end + 1] == " " and (
        _OWN_OFFICE_NEXT.match(text, nm.end, nm.end + 40) is not None
    )


def _opens_name_elsewhere(text: str, w: str, at: int) -> bool:
    """Is ``w`` written elsewhere in ``text`` before another capitalised word (Zudan Arif)?"""
    i = text.find(w + " ")
    while i >= 0:
        if i != at and (i == 0 or not text[i - 1].isalnum()) and text[i + len(w) + 1:i + len(w) + 2].isupper():
            return True
        i = text.find(w + " ", i + 1)
    return False


def _head_next(ctx: _Ctx, tk: _Toks, i: int) -> bool:
    """Does another position head start after token ``i`` (a coordination of officials)?"""
    nxt = tk.at(i + 1)
    if nxt is None:
        return False
    s = nxt[0]
    return ctx.text[s].isupper() and match_head(ctx.lx, ctx.text, s) is not None


def _agency_end(ctx: _Ctx, tk: _Toks, i: int, as_: int, ae: int, limit: int) -> int:
    """The end of an agency mention inside a position, without a person's name it swallowed.

    ``Dinas Pertanian dan Peternakan Diah Ningrum pun mengatakan``: when the
    mention runs up to a lowercase word and ends in words that are no unit
    words after a unit word, those words are the holder's name.
    """
    text, lx = ctx.text, ctx.lx
    nxt = _skip_space(text, ae)
    ran_on = False  # Kepala Dinas Lutfi  Rumbia: the mention stops inside the name (two spaces)
    if text.startswith(("periode ", "masa jabatan "), nxt):
        return ae  # Rektor Universitas Pendidikan Ganesha periode 2019-2023: the term closes the body
    if not (nxt >= len(text) or text[nxt].islower() or text[nxt] in ".\n"):
        # (the text's own test last: it is read only where the mention can have run on)
        if not (as_ < tk.items[i][0] and nxt > ae + 1 and text[nxt].isupper() and ctx.two_spaces):
            return ae
        ran_on = True
    j = i
    inside = []
    while (x := tk.at(j)) is not None and x[0] < ae:
        inside.append(x)
        j += 1
    if ran_on:
        # the mention began in the head (Kepala Dinas) and holds only name words: no unit named
        if any(not name_word_ok(lx, x[2]) or x[2] in lx.acronyms for x in inside):
            return ae
        nm = parse_name(lx, text, inside[0][0], limit, ctx.regions, memo=ctx.memo)
        if nm is None or nm.name_start != inside[0][0] or nm.name_end <= ae or not _closed_after(lx, text, nm.end):
            return ae
        return inside[0][0]
    k = len(inside)
    while k > 0:
        w = inside[k - 1][2]
        if not w[:1].isupper() or w.casefold() in lx.unit_words or _ACRONYM.fullmatch(w):
            break
        if ctx.regions is not None and ctx.regions.is_place(w):
            break
        k -= 1
    before = inside[k - 1][2] if k else (prev_word(text, inside[0][0]) or "")
    if k < len(inside) - 1 and len(inside[k][2]) == 1 and before.casefold() in lx.letter_units:
        k += 1  # Komisi C Rudolf K. Manafe: the letter names the commission
    if k == len(inside) or len(inside) - k > 4:
        return ae
    if k == 0 and as_ >= inside[0][0]:
        return ae
    if k > 0 and inside[k - 1][2].casefold() in lx.district_cues:
        # KUA Kecamatan Ngaliyan, PPS Desa Sukamaju: the words after a district word are its
        # place; a holder's name follows the place only from a given name on (... Desa
        # Sukamaju Budi Hartono mengatakan)
        k += 1
        while k < len(inside) and inside[k][2] not in lx.given:
            k += 1
        if k == len(inside):
            return ae
    elif k > 0 and inside[k - 1][2].casefold() not in lx.unit_words and not (
        # Komisi IX, Komisi B: a unit's numeral or letter ends the unit
        (inside[k - 1][2] in _ROMANS or inside[k - 1][2].isdigit() or len(inside[k - 1][2]) == 1)
        and (inside[k - 2][2] if k >= 2 else (prev_word(text, inside[0][0]) or "")).casefold() in lx.letter_units
    ):
        return ae
    if k > 0 and inside[k][2] in lx.body_openers and inside[k - 1][2].casefold() in lx.place_cues:
        # Pondok Pesantren Ar Rahmah, Yayasan Al Falah: an article opens the body's name (two words)
        k += 2
        if k >= len(inside):
            return ae
    elif k > 0 and k == len(inside) - 1 and _agent_noun(lx, inside[k][2]):
        return ae  # Dewan Penyantun, Badan Pengawas: the body's own word
    nm = parse_name(lx, text, inside[k][0], limit, ctx.regions, memo=ctx.memo)
    if nm is None or nm.name_end != inside[-1][1] and not (
        # Komisi IX Charles J. Mesang: the mention stopped at the name's middle initial
        nm.name_end > ae and len(inside[-1][2]) == 1 and k < len(inside) - 1
    ):
        return ae
    if k > 1 and inside[k - 1][2] in ("dan", "serta"):
        return inside[k - 2][1]  # Dinas Sosial dan Budi menjabat ...: the conjunction joins the holders
    return inside[k - 1][1] if k > 0 else inside[0][0]


def _agent_noun(lx: OffLex, w: str) -> bool:
    """A pe(N)- agent noun (``Penyantun``, ``Pengawas``, ``Pembina``, ``Pelindung``): after a
    body's word (Dewan, Badan, Tim) it names the body's function, it is no person's name."""
    cf = w.casefold()
    return (
        len(cf) >= 7 and cf.startswith(("peng", "peny", "pem", "pen", "pel")) and not cf.endswith("an")
        and w not in lx.given and w[1:].islower()
    )


# the words that follow the Balinese particle I in a name (I Wayan, I Gusti, I Made)
_BALINESE_AFTER_I: Final = frozenset(
    "Wayan Made Nyoman Ketut Putu Gede Kadek Komang Gusti Dewa Nengah Luh Ida Anak Kompyang Nym Wyn".split()
)


def _is_balinese_i(ctx: _Ctx, tk: _Toks, i: int, items: Optional[list[Item]] = None) -> bool:
    """Does the particle ``I`` (or ``Ni``) at token ``i`` open a Balinese name? Right after the
    office's head (``items`` empty) ``I`` is the office's number unless a Balinese name word
    follows it: Asisten I Sugeng Riyadi (the first assistant), Gubernur I Wayan Koster."""
    t = tk.items[i][2]
    x = tk.at(i + 1)
    if t not in ("I", "Ni") or x is None:
        return False
    nxt = x[2]
    if items is not None and not items and t == "I" and nxt not in _BALINESE_AFTER_I:
        return False
    return nxt in ctx.lx.initial_particles or nxt in ctx.lx.given


_KNOWN_KINDS: Final = ("unit", "region", "paren", "num")


def _known(it: Item) -> bool:
    return it.kind in _KNOWN_KINDS


def _trim(items: list[Item]) -> list[Item]:
    out = list(items)
    while out and out[-1].kind == "conn":
        out.pop()
    return out


# an office acronym coined by a regency (Dinsosdaldukkb, Dinkukmp, Disperkimtan): no given name has
# a consonant after Din / Dis / Bag / Bid and four letters more (Dinda, Distia, Bagus)
_OPD_SHAPE: Final = re.compile(r"(?:Din|Dis|Bag|Bid)[bcdfghjklmnpqrstvwxz][a-z]{3,}\Z")


def _split_unknown(
    ctx: _Ctx, row: PositionRow, items: list[Item], head_start: int, head_end: int, comma: bool
) -> tuple[list[Item], list[Item]]:
    """Split the unit part from a name run that follows it without a comma."""
    if len(items) > 1 and items[-1].kind == "paren" and items[-2].kind == "unk" and _party_paren(ctx, items[-1]):
        # Ketua Komisi A Budi Santoso (Fraksi PKB): the holder's faction or party closes the
        # name, it is no part of the office
        return _split_unknown(ctx, row, items[:-1], head_start, head_end, comma)
    k = len(items) - 1  # the last known item (a loop from the end: no generator)
    while k >= 0 and items[k].kind not in _KNOWN_KINDS:
        k -= 1
    if k < 0 and len(items) >= 3 and items[0].kind == "unk" and items[1].kind == "unk" and (
        _OPD_SHAPE.match(ctx.text, items[0].start, items[0].end) is not None
    ):
        # Kepala Dinsosdaldukkb Ahmad Jaenudin: a regency's own office acronym (Din/Dis/Bag/Bid and
        # a consonant), then the name
        items = [Item("unit", items[0].start, items[0].end)] + items[1:]
        k = 0
    tail = items[: k + 1]
    rest = items[k + 1:]
    last_conn = len(rest) - 1  # the last item of the run that is no unknown word (a loop: no generator)
    while last_conn >= 0 and rest[last_conn].kind == "unk":
        last_conn -= 1
    if last_conn >= 0:
        # a connector inside the run: it belongs to the unit part
        tail = items[: k + 2 + last_conn]
        rest = items[k + 2 + last_conn:]
    if not rest:
        return tail, rest
    text = ctx.text
    if tail and tail[-1].kind == "conn" and text[tail[-1].start:tail[-1].end] in ("dan", "serta", "&") and (
        text[rest[0].start:rest[0].end] not in ctx.lx.given
    ):
        # Kabag Pengadaan Barang dan Jasa Budi, Lurah Bangkala dan Tamalate: the reader kept the dan
        # in the unit part (no person after it), so the word after it is the second conjunct of the
        # unit or place, not the first word of the holder's name
        n = _compass_run(ctx, rest, 1)
        tail, rest = tail + rest[:n], rest[n:]
        if not rest:
            return tail, rest
    placed = False  # the place after the head is read already: the words left are the name
    if len(rest) >= 2 and rest[1].start - rest[0].end == 1:
        # Camat Tanah Abang, Ketua PN Lubuk Sikaping didampingi ...: two or three words the text
        # elsewhere writes as a place (Kecamatan Tanah Abang, di Lubuk Sikaping) are the place
        for n in (3, 2):
            if len(rest) >= n and ctx.used_as_place(text[rest[0].start:rest[n - 1].end], rest[0].start):
                tail, rest = tail + rest[:n], rest[n:]
                if not rest:
                    return tail, rest
                placed = True
                break
    if tail and tail[-1].kind == "conn" and text.startswith("se-", tail[-1].start):
        # Camat se-Gunung Mas, Kades se-Tanjung Payang: the words after se- go on naming the place
        # (one word, or the rest of a region of the gazetteer), they open no name
        if len(rest) == 1:
            return tail + rest, []
        if ctx.regions is not None and ctx.regions.is_place(text[tail[-1].start + 3:rest[0].end]):
            tail, rest = tail + rest[:1], rest[1:]
    lx = ctx.lx
    if len(tail) > 1 and text[tail[-1].start:tail[-1].end] in lx.org_words:
        # Ketua Poktan Sumber Rejeki Budi: a unit word (Sumber) opening a community body's own name
        ci = len(tail) - 1
        while ci > 0 and text[tail[ci].start:tail[ci].end] in lx.org_words:
            ci -= 1
        if text[tail[ci].start:tail[ci].end].casefold() in lx.community_cues:
            tail, rest = tail[:ci + 1], [Item("unk", it.start, it.end) for it in tail[ci + 1:]] + rest
    cue = text[tail[-1].start:tail[-1].end] if tail else (
        ctx.text[head_start:head_end].split()[-1] if row.takes != "place" else ""
    )
    if not tail and cue and cue.casefold() in lx.branch_cues:
        cue = ""  # Kepala Cabang Budi Santoso: the head's own word; Bank X Cabang Gerung: the town
    if (
        not tail and len(rest) == 1 and row.takes == "org"
        and (cw := row.canonical.rsplit(None, 1)[-1]) != cue and cw.casefold() in lx.place_cues
        and cue.casefold() not in lx.place_cues
        and text[rest[0].start:rest[0].end] not in lx.given and _boundary_after(text, rest[0].end)
    ):
        # Kasi Gara, Kepala KUA ...: a contracted head names its section (Kasi = Kepala Seksi);
        # one bare word after it is the section, not the holder (a frequent given name is)
        cue = cw
    cue2 = f"{text[tail[-2].start:tail[-2].end]} {cue}".casefold() if len(tail) > 1 else ""
    if cue and (cue.casefold().rstrip(".") in lx.place_cues or cue2 in lx.place_cues):
        # Kelurahan Pakuncen, Camat Wirobrajan, Bidang Infrastruktur: a place or field follows;
        # Yayasan Al Falah, Pondok Pesantren Darul Ulum: two words
        n = len(rest) if comma else 1
        if not comma and tail and cue.casefold() in lx.agency_cues and ctx.agency_cover(tail[-1].start) is None:
            # Sekretaris Jenderal Partai Pramono Anung: the agencies stage read no party here
            # (a person's name after Partai), so the office ends at the word and the name follows
            return tail, rest
        if not comma and (cue.casefold() in lx.community_cues or cue2 in lx.community_cues):
            # Ketua Gapoktan Sido Makmur Suwandi: the group's own name, then its holder
            n = _org_name_end(lx, [text[it.start:it.end] for it in rest])
            tail, rest = tail + rest[:n], rest[n:]
            return tail, rest
        if comma:
            # Kuwu desa Mekarsari M Ghojin, ...: an initial opens the name, the place ends before it
            n = next((j for j in range(1, len(rest)) if rest[j].end - rest[j].start == 1), n)
        if n == 1 and len(rest) > 1 and (
            (w0 := text[rest[0].start:rest[0].end]) in ctx.lx.body_openers or w0.casefold() in ctx.lx.non_person
        ):
            n = 2  # (Kepala Desa Air Molek Saipul: a word opening places opens a place of two words)
        n = _compass_run(ctx, rest, n)  # Kecamatan Seram Timur, Cabang Jakarta Selatan
        tail, rest = tail + rest[:n], rest[n:]
        if not rest:
            return tail, rest
    words = [text[it.start:it.end] for it in rest]
    if tail and len(rest) >= 2 and words[0] not in ctx.lx.given:
        # Kepala SMPN 1 Sukamaju Khoirul Anam, Kepala SMPN 2 Mlati Sutarno: after a numbered school
        # (SMPN 1, SMP Negeri 1) the place, then the name (a run of three words or more; of two,
        # unless the first is written alone elsewhere as no place: the person's own word)
        school = " ".join(text[it.start:it.end] for it in tail[-3:]).split()
        if len(school) >= 2 and school[-1].isdigit() and (
            school[-2].casefold() in ctx.lx.place_cues or " ".join(school[-3:-1]).casefold() in ctx.lx.place_cues
        ) and (len(rest) >= 3 or words[1] in ctx.lx.given or not _alone_elsewhere(ctx, rest[0], rest[1])):
            tail, rest, words = tail + rest[:1], rest[1:], words[1:]
    given_at = next((j for j, w in enumerate(words) if w in ctx.lx.given), None)
    if tail and tail[-1].kind in ("qual", "conn"):
        return tail, rest  # Sekda sementara Yulianto Hadi: a qualifier, then the name
    if k < 0 and row.takes == "place" and (row.region_type is not None or row.region_place):
        # Bupati Muhtarom, Kepala BPS Amalia ...: a kabupaten, kota or province would have been
        # read as a region
        return tail, rest
    if k < 0 and row.takes == "place":
        # Camat Wenang Roy Tumbelaka: the place comes first
        if placed:
            return tail, rest  # Kades Tanjung Payang Sapri, after Desa Tanjung Payang: Sapri
        if given_at is None and not comma and len(rest) >= 2 and words[0].casefold() in ctx.lx.non_person:
            # Kades Tanjung Payang Sapri: a word that opens the names of places and things (Tanjung,
            # Sungai, Bukit) opens a place of two words; a one-word name may follow it
            return tail + rest[:2], rest[2:]
        if given_at == 0:
            return tail, rest
        if comma and given_at is None and _region_then_name(ctx, rest[-1].end):
            return tail + rest, []  # Camat Pematang Karau, Kabupaten Barito Timur, Edy Adwar
        if comma and _aside_then_name(ctx, rest[-1].end):
            return tail + rest, []  # Kepala Desa Tanjung Sari, Kecamatan Bayan, Ridwan Hakim
        if given_at is not None and given_at > 0:
            return tail + rest[:given_at], rest[given_at:]
        if len(rest) == 1:
            return tail + rest, []
        n = _compass_run(ctx, rest, 1)  # Camat Seram Timur Budi Santoso
        return tail + rest[:n], rest[n:]
    return tail, rest


def _org_name_end(lx: OffLex, words: list[str]) -> int:
    """How many of ``words`` (the capitalised run after a community body word: Sido Makmur Suwandi)
    are the body's own name; the rest is its holder's. ``len(words)`` (no holder) when the two
    cannot be told apart: the run's name words (names.toml ``org_name_words``) or a frequent
    given name mark the border, and a word that is both (Sari, Sri) next to it leaves it unsure."""
    org, given = lx.org_words, lx.given
    n = len(words)
    if words[0] in given and words[0] not in org:
        return 0  # Ketua Gapoktan Budi Santoso: no name of the group, the holder's
    g = next((j for j in range(1, n) if words[j] in given and words[j] not in org), None)
    stop = n if g is None else g
    last = max((j for j in range(stop) if words[j] in org), default=-1)
    if g is not None and (last >= 0 or g == 1):
        end = g  # Sumber Rejeki Agung Santoso, Nglanggeran Sugeng Handoko: the given name opens the holder's
    elif last >= 0:
        end = last + 1  # Sido Makmur Suwandi
    else:
        return n  # Ketua Gapoktan Budiyono Santoso: a name of the group or none, unknown
    if end >= n or (words[end - 1] in given) or (words[end] in org):
        return n  # Melati Sari Wulandari: Sari a word of the group's name or the holder's
    return end


def _alone_elsewhere(ctx: _Ctx, first: Item, second: Item) -> bool:
    """Is the word ``first`` (Mlati of ``SMPN 2 Mlati Sutarno``) written elsewhere in the text
    without ``second`` after it and not as a place (``di Mlati``, ``SMPN 2 Mlati``): a mention of
    the person by that word (``kata Sutarno``)?"""
    text = ctx.text
    w = text[first.start:first.end]
    pair = text[first.start:second.end]
    i = text.find(w)
    while i >= 0:
        e = i + len(w)
        if i != first.start and (i == 0 or not text[i - 1].isalnum()) and not text[e:e + 1].isalnum() and (
            not text.startswith(pair, i) and not ctx.used_as_place(w, -1)
        ):
            before = text[max(0, i - 12):i].rstrip()
            if not before[-1:].isdigit():  # (SMPN 2 Mlati: the school again)
                return True
        i = text.find(w, e)
    return False


# words that close a place name after its first word (Seram Timur, Kota Baru, Batang Hari Hilir)
_COMPASS: Final = COMPASS_WORDS | {"Hilir", "Hulu", "Ilir", "Ulu", "Raya", "Lor", "Kidul", "Wetan", "Kulon", "Kaler"}  # (Javanese, Sundanese)


def _compass_run(ctx: _Ctx, rest: list[Item], n: int) -> int:
    """``n`` place words of ``rest`` and the compass words right after them (``Seram Timur``):
    a compass word never opens a person's name."""
    text = ctx.text
    while n < len(rest) and text[rest[n].start:rest[n].end] in _COMPASS:
        n += 1
    return n


def _party_paren(ctx: _Ctx, it: Item) -> bool:
    """Does the parenthesis ``it`` name a faction or a party (``(Fraksi Golkar)``, ``(PDIP)``)?"""
    m = _ALNUM.search(ctx.text, it.start + 1, it.end)
    return m is not None and m.group(0).casefold() in ctx.lx.party_parens


def _region_then_name(ctx: _Ctx, pos: int) -> bool:
    """After ``pos``: a comma, a region, a comma and a person's name (``, Kabupaten Barito
    Timur, Edy Adwar``): the words before the first comma all name the place."""
    text = ctx.text
    j = _skip_space(text, pos)
    if text[j:j + 1] != ",":
        return False
    rg = ctx.region_at(_skip_space(text, j + 1), None, False)
    if rg is None or text[rg[0]:rg[0] + 1] != ",":
        return False
    nm = parse_name(ctx.lx, text, rg[0] + 1, min(len(text), rg[0] + 80), ctx.regions, memo=ctx.memo)
    return nm is not None and _closed_after(ctx.lx, text, nm.end)


def _aside_then_name(ctx: _Ctx, pos: int) -> bool:
    """After ``pos``: a comma, the district the office lies in (``Kecamatan Bayan,``,
    :data:`_PLACE_CLAUSE`) and a person's name: the words before the first comma name the
    place, also when one of them is a given name (``Kepala Desa Tanjung Sari, ...``)."""
    text = ctx.text
    j = _skip_space(text, pos)
    if text[j:j + 1] != ",":
        return False
    pc = _PLACE_CLAUSE.match(text, j + 1, min(len(text), j + 80))
    if pc is None or pc.group("cue").casefold() not in ctx.lx.place_cues:
        return False
    nm = parse_name(ctx.lx, text, pc.end(), min(len(text), pc.end() + 80), ctx.regions, memo=ctx.memo)
    return nm is not None and _closed_after(ctx.lx, text, nm.end)


# a capitalised word before a date (its parenthesis, comma or figures): a day name there closes a
# name written with no comma (..., Budi Rabu (4/9/2024))
_WORD_BEFORE_DATE: Final = re.compile(r"([A-Z][A-Za-z']+)[ ]*(?:\(|,|\d)")


# the words that open a roster of a body's officers (pengurus X terdiri atas ..., susunan ...)
_ROSTER_OPENERS: Final = re.compile(r"\b(?:pengurus|kepengurusan|susunan|terdiri[ ]+(?:atas|dari))\b", re.IGNORECASE)


def _deputies_listed(ctx: _Ctx, cand: Candidate) -> bool:
    """``(pengurus X terdiri atas) ..., Wakil Sekretaris H Budi, H Rudi dan Joko``: in a roster
    of a body's officers, a deputy's office (``Wakil`` ...: a body has several deputies) read
    with its first holder right after it; the further names listed after him hold it too.
    The roster must be opened in the office's paragraph, at most 400 characters before."""
    text = ctx.text
    if cand.name is None or cand.rule != "officials.position_name" or not text.startswith(
        ("Wakil ", "wakil "), cand.pos_start
    ):
        return False
    ls = max(0, cand.pos_start - 400)
    nl = text.rfind("\n", ls, cand.pos_start)
    return _ROSTER_OPENERS.search(text, nl + 1 if nl >= 0 else ls, cand.pos_start) is not None


def _next_entry(ctx: _Ctx, nm: NameParse) -> bool:
    """Does the next entry of a roster written with no comma start right after the name
    (``Bendahara Umum H Budi Wakil Bendahara H Rudi``): a capitalised office head, itself
    followed by a title or a name?"""
    text = ctx.text
    j = _skip_space(text, nm.end)
    if j == nm.end or not text[j:j + 1].isupper():
        return False
    m = match_head(ctx.lx, text, j)
    return m is not None and not m.lower and text[m.end:m.end + 1] == " " and text[m.end + 1:m.end + 2].isupper()


def _closed_after(lx: OffLex, text: str, pos: int) -> bool:
    """Is the text at ``pos`` a boundary after a name (comma, lowercase word, end, a day
    name of the calendar before its date)?"""
    j = _skip_space(text, pos)
    if j >= len(text):
        return True
    c = text[j]
    return c in ",.;:)(\"'\n!?" or c.islower() or c == "-" or (
        j > pos and c.isupper() and (w := _WORD_BEFORE_DATE.match(text, j)) is not None
        and w.group(1) in lx.weekdays
    ) or (c == "N" and j > pos and _DOC_NUMBER.match(text, j) is not None)


# a document's number after its author's name (Keputusan Panglima TNI Jenderal Nama Nomor 45/2022)
_DOC_NUMBER: Final = re.compile(r"(?:Nomor|Nomer|No\.?)[ ]*\d")


# the offices of a body's board (Ketua, Sekretaris, Bendahara, Anggota ...), not a minister's or regent's
_BOARD_GROUPS: Final = frozenset({"lain", "birokrasi", "legislatif", "pemilu"})


def _after_holder(ctx: _Ctx, pos: int) -> bool:
    """Does the office at ``pos`` follow the comma after a holder just read (``Sekretaris Budi
    Santoso, bendahara Rudi``): the next entry of a board's line-up, in lower case."""
    text = ctx.text
    j = pos
    while j > 0 and text[j - 1] == " ":
        j -= 1
    if text[j - 1:j] != ",":
        return False
    j -= 1
    while j > 0 and text[j - 1] == " ":
        j -= 1
    return j in ctx.named_end


# the next item of a list of holders written name first: (, / ; / dan / serta) Nama(, degrees), <Head>;
# Nama (<Head>); Nama sebagai <Head>
_ITEM_GAP: Final = re.compile(r"[ ]*[,;]?[ ]*(?:(?:dan|serta)[ ]+)?")
_ITEM_SEP: Final = re.compile(r"[ ]*,[ ]*|[ ]*\([ ]*|[ ]+(?:sebagai|selaku)[ ]+")
_ITEM_SEP_STARTS: Final = (",", "(", " ,", " (", " sebagai ", " selaku ")  # (a look before the name is parsed again)


def _name_first_next(ctx: _Ctx, pos: int, limit: int, nm: Optional[NameParse] = None) -> bool:
    """Does the next item of a list, after a separator at ``pos`` (or the name ``nm`` already read),
    read ``Nama, <Head>`` (a name with an office of its own written after it, in capitals)?"""
    text, lx = ctx.text, ctx.lx
    if nm is None:
        p = _ITEM_GAP.match(text, pos, limit).end()  # type: ignore[union-attr]
        if not text[p:p + 1].isupper() or match_head(lx, text, p) is not None:
            return False
        nm = parse_name(lx, text, p, limit, ctx.regions, memo=ctx.memo)
    if nm is None or (sep := _ITEM_SEP.match(text, nm.end, limit)) is None or not text[sep.end():sep.end() + 1].isupper():
        return False
    h = match_head(lx, text, sep.end())
    return h is not None and not h.lower


def _region_of(its: list[Item]) -> Optional[str]:
    """The region of the first item that has one."""
    for it in its:
        if it.region is not None:
            return it.region
    return None


def _make_at(m: HeadMatch, tail: list[Item], name: Optional[NameParse], rule: str) -> Candidate:
    """The candidate of :func:`_parse_at` for the head ``m``: its office up to the trimmed ``tail``
    (a module function, not a closure made at every call)."""
    tail = _trim(tail)
    pend = tail[-1].end if tail else m.end
    return Candidate(m.start, pend, m.row, m.acting, m.modifier, name, _region_of(tail), rule, tail, m.end)


def _parse_at(ctx: _Ctx, m: HeadMatch, taken: Intervals) -> Optional[Candidate]:
    """Read one position (and its holder) at a head match.

    A head in lower case (``m.lower``) is read only with a name after it, and
    only when a unit word or a qualifier stands between them or the office is
    unique (``presiden terpilih Joko Widodo``, ``kepala kepolisian Budi``); a
    bare ``menteri Jokowi`` is Jokowi's minister, not a minister called Jokowi.
    """
    text, lx = ctx.text, ctx.lx
    row, acting, mod = m.row, m.acting, m.modifier
    pos_start, head_end = m.start, m.end
    if text[head_end:head_end + 2] == " (" and _head_in_acronym(text, m):
        return None  # Musyawarah Kerja Kepala Sekolah (MKKS): the head is a word of a body's name
    para_end = text.find("\n", head_end, head_end + 260)
    limit = min(len(text), head_end + 260) if para_end < 0 else para_end
    items, stop, stop_kind = _read_items(ctx, row, head_end, limit, m.lower)
    if stop_kind == "lower" and items and text.startswith("lainnya", stop):
        j = _skip_space(text, stop + 7)
        if text[j:j + 1] == ",":
            stop, stop_kind = j, "comma"  # anggota Fraksi X lainnya, Nama: one more holder, named
    if stop_kind == "lower" and items and text.startswith("untuk ", stop) and ctx.untuk:
        # Kepala UPTB Bapenda Sumsel untuk (wilayah) Kabupaten Lahat, Nama: the office's area
        j = _skip_space(text, stop + 6)
        if text.startswith("wilayah ", j):
            j = _skip_space(text, j + 8)
        rg = ctx.region_at(j, None, False) if text[j:j + 1].isupper() else None
        if rg is not None and text[rg[0]:rg[0] + 1] == "," and (
            (un := parse_name(lx, text, rg[0] + 1, limit, ctx.regions, memo=ctx.memo)) is not None
            and _closed_after(lx, text, un.end)
        ):
            items = items + [Item("conn", stop, j), Item("region", j, rg[0], rg[1])]
            stop, stop_kind = rg[0], "comma"
    if (
        text[m.head_start:m.head_end].casefold() in lx.title_starts
        and (rk := lx.pre_one.match(text, m.head_start, limit)) is not None
        and rk.end("t") >= m.head_end
        and not (items and ctx.agency_cover(items[0].start) is not None)
    ):
        return None  # Irjen Pol Karyoto: a rank; the office Irjen only before its body (Irjen Kemendagri)
    cap = not m.lower
    if m.lower and not row.unique and not any(it.kind in ("unit", "region", "paren", "qual", "num") for it in items):
        if stop_kind != "title" and not (stop_kind == "lower" and _NAMED.match(text, stop, limit)) and not (
            row.group in _BOARD_GROUPS and _after_holder(ctx, pos_start)
        ):
            return None  # (but bupati bernama X, kata jurubicara Mayjen X; Sekretaris Budi, bendahara Rudi)

    # Presiden SBY: a short name in capitals where no unit can follow
    if stop_kind == "caps":
        e = _ALNUM.match(text, stop).end()  # type: ignore[union-attr]  # (a "caps" stop is a letter run)
        if _closed_after(lx, text, e):
            return _make_at(m, items, NameParse(stop, e, stop, e, text[stop:e], []), "officials.position_name")
    # Kepala X Drs. Nama / Kepala X Nama mengatakan
    if stop_kind == "title":
        nm = parse_name(lx, text, stop, limit, ctx.regions, memo=ctx.memo)
        if nm is not None and (_closed_after(lx, text, nm.end) or _next_entry(ctx, nm)):
            return _make_at(m, items, nm, "officials.position_name")
    tail, rest = (
        _split_unknown(ctx, row, items, m.head_start, m.head_end, stop_kind == "comma")
        if stop_kind != "title" else (items, [])
    )
    if rest and stop_kind == "lower" and cap and text.startswith(("yang ", "di", "sebelumnya ", "kini "), stop) and (
        _NAMED.match(text, stop, limit) is not None
        or (_opens_clause(text, pos_start) and _FILLED.match(text, stop, limit) is not None)
    ):
        tail, rest = items, []  # Kapolsek Dolok Silau yang sebelumnya dijabat Nama: the words name the place
    if rest:
        nm = parse_name(lx, text, rest[0].start, limit, ctx.regions, memo=ctx.memo)
        if (
            nm is not None and nm.start == nm.name_start and row.group == "tni" and tail and tail[-1].kind == "num"
            and text[tail[-1].start:tail[-1].end][:1].isdigit() and not any(w in lx.given for w in nm.name.split())
        ):
            # Danrem 102 Panju Panjung dan jajarannya: words after a numbered unit with no rank before
            # them and no frequent given name are the unit's own name (Dandim 0735 Budi Santoso is read)
            nm = None
        if (
            nm is not None and not tail and nm.start == nm.name_start and " " not in nm.name
            and _slip_of_longer_head(lx, text[m.head_start:m.head_end], nm.name)
        ):
            nm = None  # Menko Malves: the portfolio of a longer head (Menko Marves) misspelt, no name
        if (
            nm is not None and rest[0].start in (nm.name_start, nm.start) and _closed_after(lx, text, nm.end)
            # guru besar Universitas Gadjah Mada itu: after an institution's word, a thing; so is
            # one bare word (no title, no second word) after a unit word: Wakil Rektor II Bidang
            # Akademik Unsika ini (but keputusan Presiden Jokowi tersebut)
            and not (
                (m.lower or (tail and (tail[-1].kind == "unk" or (
                    tail[-1].kind == "unit" and nm.start == nm.name_start and " " not in nm.name))))
                and _DEMONSTRATIVE.match(text, nm.end)
            )
        ):
            if stop_kind == "comma" and nm.end <= stop and not _person_like(ctx, row, rest) and not _first_listed(
                ctx, tail, rest, nm
            ):
                # Direktur Keuangan Medco, D Cyril Noerhadi, ... : a name after the comma wins
                # (but Presiden Susilo Bambang Yudhoyono, Djoko ...: the first name is the holder)
                after_nm = parse_name(lx, text, stop + 1, limit, ctx.regions, memo=ctx.memo)
                if after_nm is not None and _closed_after(lx, text, after_nm.end):
                    if not (
                        text.startswith(_OWN_NEXT_STARTS, after_nm.end)
                        and _own_office_next(ctx, after_nm, pos_start, taken)
                    ):
                        return _make_at(m, items, after_nm, "officials.position_comma_name")
                    # Budi menjabat Kepala Disporabudpar, Rudi menjabat ...: the unknown words close
                    # the office of the holder written before it
                    sel = _selaku_before(text, pos_start)
                    before = _name_before(ctx, sel.start(), taken, True) if sel is not None else None
                    if before is not None and _holder_cue(ctx, sel.group(0), before):
                        c = _make_at(m, items, before, "officials.name_comma_position")
                        c.rank = _cue_rank(sel.group(0))
                        return c
                # Nama, Kepala Seksi Penjaminan Mutu, ... : a name before wins over unknown words
                before = _name_before(ctx, pos_start, taken)
                if before is not None and not _known_tail(rest) and rest[0].start < stop:
                    if text[rest[0].start:rest[0].end] not in lx.given:
                        return _make_at(m, items, before, "officials.name_comma_position")
            return _make_at(m, tail, nm, "officials.position_name")
        # the unknown words are no name after all: they belong to the unit part
        tail, rest = items, []
    # Bupati Pamekasan (Badrut Tamam): the holder's name in parentheses closing the position
    trimmed = _trim(items) if not rest and cap else []
    if trimmed and trimmed[-1].kind == "paren":
        nm = _paren_holder(ctx, trimmed[-1], any(it.kind in ("region", "unit") for it in trimmed[:-1]))
        if nm is not None:
            return _make_at(m, trimmed[:-1], nm, "officials.position_name")
    # bupati bernama lengkap I Made Wirawan Putra
    if stop_kind == "lower" and not rest:
        bm = _NAMED.match(text, stop, limit)
        filled = False
        if bm is None and (pw := prev_word(text, pos_start)) is not None and pw.casefold() in _OFFICE_WORDS:
            bm = _FILLED.match(text, stop, limit)
            filled = bm is not None
        elif bm is None and cap and items and _opens_clause(text, pos_start) and (
            (fm := _FILLED.match(text, stop, limit)) is not None
        ):
            # Kapolsek Paron kini diisi AKP Budi: an office opening its clause, then a holder
            # with a title or a full name (Posko Bupati ditempati warga: no office word, no clause start)
            fn = parse_name(lx, text, _skip_acting(ctx, fm.end()), limit, ctx.regions, memo=ctx.memo)
            if fn is not None and (fn.start < fn.name_start or " " in fn.name):
                bm, filled = fm, True
        if bm is None and text.startswith(("yang ", "lain"), stop) and any(
            it.kind in ("unit", "region", "paren", "num") for it in items
        ):
            bm = _PRESENT.match(text, stop, limit)  # anggota Komisi I yang turut hadir adalah Nama
        if bm is not None and bm.group(0).startswith(("dipimpin", "yang dipimpin")) and (
            bm.group(0)[0] == "y" or m.modifier is not None or not row.id.startswith("ketua")
        ):
            bm = None  # Wakil Sekjen Partai X yang dipimpin Nama: the body's leader (only Ketua X dipimpin Nama)
        if bm is not None and not (m.lower and text[bm.start():bm.start() + 5] in ("yaitu", "yakni") and not any(
            it.kind == "unit" and text[it.start:it.start + 1].isupper() for it in items
        )):
            # (yaitu / yakni only after a capitalised office or body: calon gubernur dan wakil gubernur
            # yakni X dan Y names a pair of candidates; ketua Bapemperda yaitu X is read)
            nm = parse_name(lx, text, _skip_acting(ctx, bm.end()) if filled else bm.end(), limit, ctx.regions, memo=ctx.memo)
            if nm is not None and _closed_after(lx, text, nm.end) and match_head(lx, text, nm.name_start) is None:
                c = _make_at(m, items, nm, "officials.position_named")  # (yaitu Bupati X: a list of offices)
                if filled and c.acting is None:
                    c.acting = _acting_back(ctx, nm)  # jabatan X diisi oleh Plt Budi: Budi is acting
                if "sebelum" in bm.group(0) or "semula" in bm.group(0):
                    c.rank = 0  # Kapolsek X yang sebelumnya dijabat Nama: a past holder
                elif filled or "jabat" in bm.group(0) or "emban" in bm.group(0) or "percaya" in bm.group(0):
                    c.rank = 2  # the office is held now: jabatan X ditempati oleh Nama wins over Nama's old one
                return c
    # Kepala X, Nama, mengatakan
    if stop_kind == "comma" and not rest:
        after = stop + 1
        nm = parse_name(lx, text, after, limit, ctx.regions, memo=ctx.memo)
        if (
            nm is not None and nm.start == nm.name_start and (sp := nm.name.find(" ")) > 0
            and nm.name[:sp].casefold() in lx.unit_near
            and text[_skip_space(text, nm.end):_skip_space(text, nm.end) + 1] == ","
        ):
            # Kepala Subbag TU Kemenag, Kabpaten Tasikmalaya, H Dudu: a misspelt region word, then the name
            nm = parse_name(lx, text, _skip_space(text, nm.end) + 1, limit, ctx.regions, memo=ctx.memo)
        if nm is None:
            # Bupati Magelang, Jawa Tengah, Zaenal Arifin, ...; Kasubbag TU Kemenag, Kabupaten X, Nama
            a = _skip_space(text, after)
            rg = ctx.region_at(a, "provinsi" if row.takes != "place" else None, False)
            if rg is None and row.takes != "place" and (
                text.startswith(_REGION_TYPE_WORDS, a)
                or not any(it.kind == "region" or it.region is not None for it in items)
            ):
                # Kepala BKPSDM, Situbondo, Nama: a body with no region yet, its regency set off by commas
                rg = ctx.region_at(a, None, False)
            if rg is not None and text[rg[0]:rg[0] + 1] == ",":
                nm = parse_name(lx, text, rg[0] + 1, limit, ctx.regions, memo=ctx.memo)
            elif (pc := _PLACE_CLAUSE.match(text, after, limit)) is not None and (
                pc.group("cue").casefold() in lx.place_cues
            ):
                # Kepala Desa Sukamaju, Kecamatan Cibadak, Hartono, ...: the district, then the name
                nm = parse_name(lx, text, pc.end(), limit, ctx.regions, memo=ctx.memo)
            elif (org := _parent_between(ctx, row, items, after, limit)) is not None:
                # Ketua Divisi Perencanaan, KPU Kabupaten Magelang, Nama: the parent body set off by
                # commas belongs to the position
                nm = parse_name(lx, text, org[2], limit, ctx.regions, memo=ctx.memo)
                if nm is not None and nm.start == org[2] and _closed_after(lx, text, nm.end):
                    c = _make_at(m, items, nm, "officials.position_comma_name")
                    c.unit = (org[0], org[1])
                    return c
                nm = None
            if nm is None and row.takes == "place" and (pl := _place_name_after(ctx, after, limit)) is not None:
                # Kepala Negeri Kiltai, Kecamatan Seram Timur Mirawati Wadjo: the district with no
                # comma after it, then the name
                c = _make_at(m, items, pl[2], "officials.position_comma_name")
                c.unit = (pl[0], pl[1])
                return c
        if nm is not None and nm.name_end - nm.name_start <= 7 and (
            dg := lx.post_rx.match(text, stop, limit)
        ) is not None and dg.end("d") >= nm.name_end:
            nm = None  # Ahmad Hakim, S.Ag., S.H.: a degree after the comma, the head word closed a name
        if nm is not None and _closed_after(lx, text, nm.end) and not (
            nm.name_start == nm.start and " " not in nm.name and _ONE_WORD_LIST.match(text, nm.end) is not None
        ) and not (text.startswith(_OWN_NEXT_STARTS, nm.end) and _own_office_next(ctx, nm, pos_start, taken)) and not (
            cap and text.startswith(_ITEM_SEP_STARTS, nm.end) and _name_first_next(ctx, nm.start, limit, nm)
            and _name_before(ctx, pos_start, taken) is not None
        ) and not (
            # Budi yang juga Ketua X, Rudi, Komisaris Y: the office after the cue is Budi's, the
            # name after the comma opens the next item of the line-up
            cap and text.startswith((",", " ,"), nm.end) and _cued_holder_before(ctx, pos_start, taken)
        ) and not (
            # di aula kantor Gubernur, Sofifi: a building of the office, then its town
            text.endswith(_VENUE_BEFORE, max(0, pos_start - 12), pos_start)
        ):
            # (Kepala KUA Cikarang, Cibitung, Serang dan Tambun: a list of one-word places, no holder)
            # (Budi, Kepala A, Rudi, Kepala B: names and offices in turn, each name before its office)
            return _make_at(m, items, nm, "officials.position_comma_name")
    if not cap:
        return None
    # Kepala Dinas A: Budi Santoso. / Kepala A : Budi, Kepala B : Rudi; ...: an office opening its
    # sentence, line or list item, a colon, and a name closing the item
    if (
        stop_kind == "other" and text[stop:stop + 1] == ":" and not rest
        and (_opens_clause(text, pos_start) or (
            # Kades A: Budi dan Kades B: Rudi: the last item of a list of offices and holders
            text.endswith((" dan ", " serta "), 0, pos_start) and text.find(":", max(0, pos_start - 120), pos_start) >= 0
        ))
        and (nm := _colon_holder(ctx, stop + 1, limit, row.takes == "place" and bool(items))) is not None
    ):
        return _make_at(m, items, nm, "officials.position_name")
    # Nama, Kepala X, mengatakan / ujar Nama, Kepala X.
    if stop_kind in ("comma", "end", "lower", "other") and (not rest or row.takes != "none"):
        # (a semicolon closes an item of a list of holders: Budi, Kepala A; Rudi, Kepala B; ...)
        closed = stop_kind == "comma" or stop_kind == "end" or text[stop:stop + 1] in (")", '"', ";") or (
            stop_kind == "lower" and text.startswith(("dan ", "serta "), stop) and _name_first_next(ctx, stop, limit)
        ) or (  # (Budi, Kepala A dan Rudi, Kepala B)
            # ujar Budi, Kepala Dinas X saat ditemui / kepada wartawan: a word opening an adverbial
            # phrase closes the office
            stop_kind == "lower" and _lower_at(text, stop) in lx.closers
        )
        selaku = _selaku_before(text, pos_start)
        if selaku is None and text[pos_start - 1:pos_start] == " " and text[pos_start - 2:pos_start - 1].islower():
            selaku = _misspelt_cue(text, pos_start)  # Budi sebagi Kepala Dinas X: sebagai mistyped
        gapped = selaku is None and text.endswith(" menjadi ", 0, pos_start) and (
            _gapped_appointment(ctx, pos_start - 8) or _menjadi_chain(ctx, pos_start - 8)
        )
        if gapped:
            selaku = _MENJADI.match(text, pos_start - 8)  # Budi dilantik menjadi A dan Rudi menjadi B
        anaphor = None
        if selaku is None and text.endswith(" menjadi ", 0, pos_start) and text.find(" ", pos_start - 40, pos_start - 9) >= 0:
            # ... adalah Budi Santoso. Dia (kini) menjadi Wakil Ketua X: the person closing the sentence before
            anaphor = _pronoun_subject(ctx, pos_start - 8)
            if anaphor is not None:
                selaku = _MENJADI.match(text, pos_start - 8)
        if anaphor is None and selaku is None and text.endswith(" menjadi ", 0, pos_start) and (
            (sj := _subject_menjadi(ctx, pos_start - 8)) >= 0
        ):
            # Budi Santoso (kini) menjadi Ketua DPRD X: the clause's subject takes the office
            selaku = _ADV_MENJADI.match(text, sj)  # (a new office only with kini / resmi / sekarang)
        if closed or selaku is not None:
            rank = 1 if selaku is None else 2 if gapped or anaphor is not None else _cue_rank(selaku.group(0))
            before = anaphor  # (the office said of the person named before: his office now)
            if rank != 1 and before is None:
                # Kepala A Budi yang dipindah tugas menjadi Kepala B: the holder just read moves
                j = selaku.start()
                while j > 0 and text[j - 1] in " ,":
                    j -= 1
                before = ctx.named_end.get(j)
            if before is None:
                before = _name_before(ctx, pos_start if selaku is None else selaku.start(), taken, bool(selaku))
            if before is None and rank == 1 and selaku is not None and _appointee_cue(ctx, selaku.start(), acting is not None):
                # Asisten I Sekda X Budi sebagai Pjs Bupati Y (Ketujuh Pjs yang dilantik yakni ...): the
                # holder just read with his old office takes the new one
                j = selaku.start()
                while j > 0 and text[j - 1] in " ,":
                    j -= 1
                if (before := ctx.named_end.get(j)) is not None:
                    rank = 2
            close = stop if text[stop:stop + 1] == ")" else _place_then_close(ctx, stop) if (
                before is None and selaku is None and text[stop:stop + 1] == "," and _paren_before(text, pos_start)
            ) else -1  # (Nama (Bupati X, Lampung): the province inside the parentheses)
            if (
                before is None and selaku is None and close >= 0 and _paren_before(text, pos_start)
                and _closed_after(lx, text, close + 1)
            ):
                # Hadir Budi Santoso (Penyusun Rencana Humas): the office in parentheses after the name
                # (but Sekretaris Depok (Sekda) Supian Suri: an abbreviation, the name after it)
                before = _name_before(ctx, pos_start, taken, paren=True)
            if before is not None and (selaku is None or _holder_cue(ctx, selaku.group(0), before)):
                c = _make_at(m, items, before, "officials.name_comma_position")
                c.rank = rank
                if rank == 1 and selaku is not None and "juga" in selaku.group(0):
                    ctx.also_at.add((c.pos_start, before.start))  # (Budi yang juga menjabat X)
                return c
    # Nama Kepala X mengatakan: a name opening the sentence right before the head, the
    # position closed by a verb
    if stop_kind == "lower" and not rest and items and (
        _verbish(lx, _lower_at(text, stop)) or text.startswith("yang ", stop)
    ):
        before = _name_before(ctx, pos_start, taken, bare=True)
        if before is not None:
            return _make_at(m, items, before, "officials.name_comma_position")
    # Hadir antara lain, Budi Santoso Jaksa Agung, Rudi Hartono Kepala BIN, serta ...: a line-up
    # whose items write the name right before the office with no comma; the office is closed by
    # the item's comma, the sentence's end or the dan/serta of the last item
    if not rest and text[pos_start - 1:pos_start] == " " and text[pos_start - 2:pos_start - 1].isalpha() and (
        stop_kind in ("comma", "end") or text[stop:stop + 1] in (";", ")")
        or (stop_kind == "lower" and _LINEUP_AND.match(text, stop) is not None)
    ) and _lineup_gate(text, pos_start) and (
        # (an unmistakable office)
        row.unique or " " in text[m.head_start:head_end] or any(it.kind != "paren" for it in items)
    ):
        # (Nama Kepala X. alone between full stops: an item of a list of sentences, its verb left out)
        whole = stop_kind == "end" and text[stop:stop + 1] in (".", "\n", "")
        before = _name_before(ctx, pos_start, taken, bare=True, lineup=2 if whole else 1)
        if before is not None:
            return _make_at(m, items, before, "officials.name_comma_position")
    tail = _trim(items if not rest else tail)
    has_body = False  # (any(...) as a loop)
    for it in tail:
        if it.kind in ("region", "unit", "paren"):
            has_body = True
            break
    if stop_kind == "lower" and not rest and has_body and text.startswith(_CLAUSE_OPENERS, stop) and (
        _opens_clause(text, pos_start)
    ) and (sn := _clause_then_said(ctx, stop, limit, taken)) is not None:
        # Plt Kadis X setempat yang mengaku ... (18/04), Budi mengatakan: the office opening the
        # sentence, a relative clause about its holder, then his name before a speech verb
        return _make_at(m, tail, sn, "officials.position_comma_name")
    if not row.named and (row.unique or has_body or (row.takes == "place" and _region_of(tail))):
        if _second_office(ctx, pos_start):
            return None
        return _make_at(m, tail, None, "officials.unnamed")
    return None


_CLAUSE_OPENERS: Final = ("yang ", "setempat yang ", "tersebut yang ")
# an office's relative clause up to its comma (no sentence end, no other clause), then the name
_CLAUSE_COMMA: Final = twin(r"(?:setempat[ ]+|tersebut[ ]+)?yang[ ]+\p{Ll}[^,.;:!?\"“”\n]{2,150}?[ ]*,[ ]*(?=\p{Lu})")


def _clause_then_said(ctx: _Ctx, pos: int, limit: int, taken: Intervals) -> Optional[NameParse]:
    """The holder after an office's relative clause and a comma, before a speech verb:
    ``(Kepala X) yang baru dilantik pekan lalu, Budi mengatakan``. The clause holds no other
    office head; the name is followed by a speech verb of ``speech.toml``."""
    text, lx = ctx.text, ctx.lx
    cm = _CLAUSE_COMMA.match(text, pos, limit)
    if cm is None:
        return None
    j = cm.start()
    while (w := _CAP_START.search(text, j, cm.end())) is not None:
        if match_head(lx, text, w.start()) is not None:
            return None  # (yang mendampingi Bupati X, Budi ...: another office in the clause)
        j = w.start() + 1
    nm = parse_name(lx, text, cm.end(), limit, ctx.regions, memo=ctx.memo)
    if nm is None or nm.start != cm.end() or taken.overlaps(nm.name_start, nm.name_end):
        return None
    v = _LOWER_WORD.match(text, _skip_space(text, nm.end))
    if v is None or v.start() == nm.end or v.group(0) not in ctx.doc.lexicon.compiled("officials:say_verbs", _say_verbs):
        return None
    return nm


def _cued_holder_before(ctx: _Ctx, pos: int, taken: Intervals) -> bool:
    """Is the office at ``pos`` written after a holder cue that follows a name (``Budi, yang juga
    Ketua X``; ``Budi dilantik sebagai Kepala X``)? Then a ``, Nama, Kepala Y`` after it opens the
    next item of a line-up and does not name the holder of X."""
    if ctx.text.find("yang juga", max(0, pos - 60), pos) < 0 and ctx.text.find("sebagai", max(0, pos - 60), pos) < 0:
        return False  # (a look for the cue words before the regex)
    sel = _selaku_before(ctx.text, pos)
    if sel is None:
        return False
    j = sel.start()
    while j > 0 and ctx.text[j - 1] in " ,":
        j -= 1
    return j in ctx.named_end or _name_before(ctx, sel.start(), taken, True) is not None


# a second office of the person just named (Wakil Bupati X Budi, S.T. sekaligus sebagai Ketua TPPS)
_SECOND_CUE: Final = re.compile(r"(?:,[ ]*)?(?:sekaligus|merangkap|yang[ ]+juga)(?:[ ]+(?:sebagai|menjabat))*[ ]+\Z")


_SECOND_LAST: Final = frozenset({"sekaligus", "merangkap", "juga", "sebagai", "menjabat"})


_APPOINT_WORDS: Final = ("dilantik", "melantik", "dikukuhkan", "mengukuhkan", "diangkat", "mengangkat", "ditunjuk", "menunjuk")


_LIST_OPEN: Final = (",", ":", ";", "yakni", "yaitu", "antara lain", "masing-masing")


_MENJADI: Final = re.compile(r"menjadi[ ]+")
# an appointment verb with its menjadi / sebagai (Budi ditunjuk menjadi, resmi dilantik sebagai)
_APPOINTED: Final = re.compile(
    r"\b(?:di(?:lantik|angkat|tunjuk|tetapkan|kukuhkan|pilih|percaya|dapuk)|terpilih|resmi)[ ]+(?:menjadi|sebagai)[ ]"
)


def _gapped_appointment(ctx: _Ctx, pos: int) -> bool:
    """Is the bare ``menjadi`` at ``pos`` the appointment verb left out after a list item
    (``Budi ditunjuk menjadi Camat A dan Rudi menjadi Camat B``)? An appointment verb with its
    menjadi/sebagai stands earlier in the sentence and the name before ``menjadi`` follows a
    comma, ``dan``, ``serta`` or ``sedangkan``. A bare menjadi alone is not read (``Saat Jokowi
    menjadi Gubernur``)."""
    text = ctx.text
    sent = ctx.doc.sentence_of(pos)
    if sent is None or text.find("menjadi", sent[0], pos) < 0 and text.find("sebagai", sent[0], pos) < 0:
        return False
    ap = None
    for ap in _APPOINTED.finditer(text, sent[0], pos):
        pass
    if ap is None:
        return False
    # the capitalised words of the name before menjadi, then the word or comma before them
    toks = text[ap.end():pos].split()
    n = len(toks)
    while n > 0 and toks[n - 1][:1].isupper() and not toks[n - 1].endswith(","):
        n -= 1
    if n == len(toks) or n == 0:
        return False
    return toks[n - 1].endswith(",") or toks[n - 1] in ("dan", "serta", "sedangkan", "sementara")


# one item of a chain of appointments with bare menjadi (yaitu Budi menjadi Kepala A, Rudi menjadi
# Kepala B dan Sri menjadi Kepala C): a list cue, comma, semicolon or dan/serta, a capitalised name
# of one to six words, menjadi and a capitalised office
_CHAIN_ITEM: Final = re.compile(
    r"(?:[,;:]|\b(?:dan|serta|yakni|yaitu|adalah))[ ]*(?:(?:dan|serta)[ ]+)?"
    r"(?:[A-Z][A-Za-z'’.-]*[ ]+){1,6}menjadi[ ]+[A-Z]"
)


def _menjadi_chain(ctx: _Ctx, pos: int) -> bool:
    """Is the bare ``menjadi`` at ``pos`` one item of a chain of appointments (``yaitu Budi menjadi
    Kepala A, Rudi menjadi Kepala B``)? The name before it opens a list item (after a list cue,
    a comma, a semicolon or dan/serta) and another such ``Nama menjadi Office`` item stands in the
    same sentence. One item alone is not read: ``Saat Jokowi menjadi Gubernur`` (a past office
    of a well-known person) has no list cue before the name, and ``Ketika Budi menjadi Bupati,
    Rudi menjadi Wakil`` only one item."""
    text = ctx.text
    sent = ctx.doc.sentence_of(pos)
    if sent is None or text.count(" menjadi ", sent[0], sent[1]) < 2:
        return False
    own = other = False
    for it in _CHAIN_ITEM.finditer(text, sent[0], sent[1]):
        if it.end() - 9 <= pos < it.end():
            own = True
        else:
            other = True
    return own and other


# a subject name opening its clause right before a bare menjadi, with an adverb of the present
# between (Budi Santoso kini menjadi): the clause's start (the sentence's, or a comma, semicolon or
# colon), one to six capitalised words, an adverb or none
_SUBJECT_MENJADI: Final = re.compile(
    r"(?:\A|[\n.,;:][ ]*)((?:[A-Z][A-Za-z'’.-]*[ ]+){1,6})"
    r"(?:(?:kini|resmi|pun|akhirnya|kemudian|lalu|sekarang|juga|kembali|telah|sudah|langsung)[ ]+)*\Z"
)
# words before the subject that make its office a past, future or supposed one (Saat Jokowi
# menjadi Gubernur; Pada 2012, Budi menjadi ...; Jika Budi menjadi ...)
_NOT_NOW_WORDS: Final = frozenset({
    "saat", "ketika", "sewaktu", "semasa", "waktu", "sejak", "sebelum", "sebelumnya", "setelah", "sesudah",
    "selama", "dulu", "dahulu", "pernah", "tahun", "jika", "kalau", "bila", "apabila", "seandainya", "andai",
    "agar", "supaya", "usai", "begitu", "sempat", "bakal", "akan", "ingin", "berharap", "harapan",
})
_YEAR_WORD: Final = re.compile(r"\b(?:19|20)\d\d\b")
_ADV_MENJADI: Final = re.compile(
    r"(?:(?:kini|resmi|pun|akhirnya|kemudian|lalu|sekarang|juga|kembali|telah|sudah|langsung)[ ]+)*menjadi[ ]+"
)


def _subject_menjadi(ctx: _Ctx, pos: int) -> int:
    """Where the adverbs before the bare ``menjadi`` at ``pos`` start (-1: none) when it is said of
    a person's name opening its clause (``Budi Santoso menjadi Ketua DPRD X``, ``Kemudian, Rudi
    Hartono kini menjadi ...``)? Not when the
    sentence before the name holds a time or condition word or a year (``Saat Jokowi menjadi
    Gubernur``, ``Pada 2012, Budi menjadi ...``: a past office; ``Jika Budi menjadi ...``), nor
    when a year stands after the office in the sentence (``... menjadi Bupati pada 2005``)."""
    text = ctx.text
    sent = ctx.doc.sentence_of(pos)
    if sent is None:
        return False
    seg = text[sent[0]:pos]  # (the sentence up to menjadi: its start is the clause's start too)
    sm = _SUBJECT_MENJADI.search(seg)
    if sm is None:
        return -1
    words = sm.group(1).split()
    if any(w.casefold() in _NOT_NOW_WORDS for w in words):
        return -1
    lead = seg[:sm.start(1)].casefold()
    if any(w.strip(",;:") in _NOT_NOW_WORDS for w in lead.split()) or _YEAR_WORD.search(lead) is not None:
        return -1
    for y in _YEAR_WORD.finditer(text, pos, sent[1]):
        if not _document_year(text, y.start()):
            return -1
    return sent[0] + sm.end(1)


# the number of a decree before its year: (Keppres) Nomor 13/TPA/Tahun / No. 86 Tahun
_DECREE_YEAR: Final = re.compile(r"\b(?:Nomor|NOMOR|Nomer|No\.?)[ ]*:?[ ]*[\w./-]+(?:[ ]+[\w./-]+){0,2}?(?:[ ]*/[ ]*|[ ]+)(?:Tahun|TAHUN|tahun|Thn\.?)[ ]+\Z")


def _document_year(text: str, ys: int) -> bool:
    """Is the year at ``ys`` part of a decree's number (``berdasarkan Keppres Nomor 13/TPA/Tahun
    2024``, ``SK No. 86 Tahun 2024``), not the time of the office?"""
    return text.find("ahun", max(0, ys - 8), ys) >= 0 and _DECREE_YEAR.search(text, max(0, ys - 48), ys) is not None


# a pronoun or a description with ini/tersebut opening the sentence before menjadi (Dia kini menjadi,
# Politisi Partai Gerindra ini menjadi): the person is named at the end of the sentence before
_PRONOUN_SUBJECT: Final = re.compile(
    r"(?:Dia|Ia|Beliau|(?:Politisi|Politikus|Kader|Legislator|Anggota[ ]+dewan)(?:[ ]+[A-Z][\w-]*){1,4}[ ]+(?:ini|tersebut))"
    r"[ ]+(?:(?:kini|pun|sekarang|lalu|kemudian|akhirnya)[ ]+)*\Z"  # (Ia juga menjadi: a second office)
)


def _pronoun_subject(ctx: _Ctx, pos: int) -> Optional[NameParse]:
    """``... adalah Budi Santoso. Dia menjadi Wakil Ketua Komisi C`` (``pos`` at menjadi): the
    name closing the sentence before when the sentence of ``menjadi`` opens with ``Dia``, ``Ia``,
    ``Beliau`` or ``Politisi/Politikus/Kader PARTY ini`` and the adverbs of the present only.
    A name anywhere else in the sentence before is no sure antecedent: not read."""
    text = ctx.text
    sent = ctx.doc.sentence_of(pos)
    if sent is None or _PRONOUN_SUBJECT.fullmatch(text, sent[0], pos) is None:
        return None
    j = _back_space(text, sent[0])
    if text[j - 1:j] != ".":
        return None
    nm = _bare_name_ending(ctx, j - 1, Intervals())
    if nm is None or " " not in nm.name:
        return None  # (a two-word name at least: one word may be a place or a thing)
    p = _back_space(text, nm.start)
    if not (text[p - 1:p] == "," or (w := prev_word(text, nm.start)) is not None and w in _SHARED_OPENERS | {"ada"}):
        return None  # (the name after a comma or a list cue: ..., Budi Santoso. / adalah Budi Santoso.)
    return nm


# what may follow the name after ROLE: — the end of the sentence or line, or a comma or semicolon
# before the next item (checked to open with an office)
_COLON_ITEM_END: Final = re.compile(r"[ ]*(?:(?P<sep>[,;])[ ]*(?:(?:dan|serta)[ ]+)?|\.(?:[ ]|\n|\Z)|\n|\Z)|[ ]+(?P<and>dan|serta)[ ]+")


def _colon_holder(ctx: _Ctx, pos: int, limit: int, placed: bool = False) -> Optional[NameParse]:
    """The name right after the colon of ``Kepala Dinas A: Budi Santoso``: a person's name (a title
    or two words or more) closing the sentence, the line or the list item (a comma or semicolon
    before the next office: ``Kepala A: Budi, Kepala B: Rudi``). ``placed``: the office is one
    of a place named before the colon (``Kepala Desa Sukamaju: Tarmuji``), whose holder may
    bear one name word."""
    text, lx = ctx.text, ctx.lx
    p = _skip_space(text, pos)
    if not (text[p:p + 1].isupper() or text.startswith(("dr", "ir."), p)):
        return None
    if (hm := match_head(lx, text, p)) is not None and not _rank_not_office(ctx, hm, limit):
        return None  # (Inspektur Upacara: Bupati X Nama: the office after the colon is read for itself)
    nm = parse_name(lx, text, p, limit, ctx.regions, memo=ctx.memo)
    if nm is None or nm.start != p or (hm is not None and nm.name_start < hm.head_end):
        return None
    # a person: a title or degree, a frequent given name, or one item of several (another colon
    # near): Kepala Dinas A: Stok Vaksin Aman alone is a headline
    if not (
        nm.start < nm.name_start or nm.end > nm.name_end or any(w in lx.given for w in nm.name.split())
        or text.find(":", max(0, pos - 150), pos - 1) >= 0 or text.find(":", nm.end, nm.end + 150) >= 0
        or (placed and _one_word_holder(ctx, nm))
    ):
        return None
    g = _COLON_ITEM_END.match(text, nm.end)
    if g is None and text.find("ganti", nm.end, nm.end + 40) >= 0 and (r := _REPLACED.match(text, nm.end)) is not None:
        # Kapolda A: Irjen Budi digantikan oleh Brigjen Rudi.: the item closes after the successor
        # (read with the office by _successor)
        sn = parse_name(lx, text, r.end(), limit, ctx.regions, memo=ctx.memo)
        if sn is None or sn.start != r.end() or match_head(lx, text, sn.name_start) is not None:
            return None
        g = _COLON_ITEM_END.match(text, sn.end)
    if g is None:
        return None
    if (g.group("sep") is not None or g.group("and") is not None) and match_head(lx, text, g.end()) is None:
        return None  # (Kepala A: Budi, warga ...: no list of offices)
    return nm


def _rank_not_office(ctx: _Ctx, hm: HeadMatch, limit: int) -> bool:
    """Is the head ``hm`` a rank opening a name rather than an office (``Irjen Pol Budi``, ``Irjen
    Budi``; the office Irjen only before its body, ``Irjen Kemendagri``)?"""
    text, lx = ctx.text, ctx.lx
    if text[hm.head_start:hm.head_end].casefold() not in lx.title_starts:
        return False
    rk = lx.pre_one.match(text, hm.head_start, limit)
    if rk is None or rk.end("t") < hm.head_end:
        return False
    j = _skip_space(text, rk.end())
    return ctx.agency_cover(j) is None and match_head(lx, text, j) is None


class _CueFix:
    """A holder cue written with one typing slip (sebagi, selau, menjbat), standing in for the
    match of :data:`_SELAKU`: its start and its words as they should read."""

    __slots__ = ("_start", "_text")

    def __init__(self, start: int, text: str) -> None:
        self._start, self._text = start, text

    def start(self) -> int:
        return self._start

    def group(self, _n: int = 0) -> str:
        return self._text


# the last lower-case word before an office, after a name (and yang): a cue word perhaps mistyped
_LAST_LOWER: Final = re.compile(r"(?:,[ ]*)?\b((?:yang[ ]+)?)([a-z]{5,9})[ ]+\Z")
_CUE_WORDS: Final = ("sebagai", "selaku", "menjabat")
# real words one slip away from a cue word: no typo (sebagian Kepala Desa: some of the village heads)
_CUE_LOOKALIKES: Final = frozenset({"sebagian", "selalu", "selaki", "meniabat"})


def _misspelt_cue(text: str, pos: int) -> Optional[_CueFix]:
    """``sebagai``, ``selaku`` or ``(yang) menjabat`` written with one slip (a letter dropped,
    added, changed or two swapped: sebagi, sbagai, selau, menjbat) right before the office at
    ``pos``; None for a real word (sebagian, selalu)."""
    b = text.rfind(" ", max(0, pos - 12), pos - 1) + 1
    if not (5 <= pos - 1 - b <= 9 and text[b] in "sm"):
        return None  # (the word before is no cue word's length or first letter: no search)
    g = _LAST_LOWER.search(text, max(0, pos - 20), pos)
    if g is None:
        return None
    w = g.group(2)
    if w in _CUE_LOOKALIKES or w in _CUE_WORDS or w[0] not in "sm":
        return None
    for cue in _CUE_WORDS:
        if one_edit(w, cue) and (cue != "menjabat" or g.group(1) or len(w) >= 7):
            return _CueFix(g.start(), g.group(0)[:g.start(2) - g.start()] + cue + " ")
    return None


def _one_word_holder(ctx: _Ctx, nm: NameParse) -> bool:
    """Can the one word ``nm`` (Tarmuji, Sutarno) after ``Kepala Desa Sukamaju:`` be its holder's
    whole name? Not a place, a body, a date word, a word of offices or units, a verb (meN-, ber-,
    ter-, di-) or a field noun; the word closes its sentence or line, or a comma follows it."""
    w = nm.name
    if " " in w or len(w) < 4 or not w[1:].islower():
        return False
    cf = w.casefold()
    lx = ctx.lx
    if (
        cf in lx.date_words or cf in lx.non_person or cf in lx.position_words or cf in lx.place_cues
        or cf in lx.status_quals or cf in lx.temporal_quals or _verbish(lx, cf) or _field_noun(cf)
        or not name_word_ok(lx, w, ctx.regions)
    ):
        return False
    if ctx.regions is not None and ctx.regions.is_place(w):
        return False
    if ctx.agency_cover(nm.name_start) is not None:
        return False
    text = ctx.text
    if text.find(w, max(0, nm.start - 80), nm.start) >= 0:
        return False  # (Kepala Desa Sukamaju: Sukamaju: the place again)
    if text[nm.end:nm.end + 1] not in (".", ",", ";", "\n", ""):
        return False
    # (Camat Geneng: Aman. / Kepala Desa A: Siap.: a word quoted after the office reads the same) the
    # word is a name when the article writes it again inside a sentence (kata Tarmuji, Menurut Tarmuji)
    n = len(w)
    i = text.find(w)
    while i >= 0:
        if i != nm.name_start and i >= 2 and text[i - 1] == " " and text[i - 2].isalpha() and not (
            text[i + n:i + n + 1].isalpha()
        ):
            return True
        i = text.find(w, i + n)
    return False


def _opens_clause(text: str, pos: int) -> bool:
    """Does ``pos`` open a sentence, a line, a clause after a comma or a dateline's dash, or the
    first item after a list cue (``antara lain``, ``yakni``, ``yaitu``)?"""
    j = pos
    while j > 0 and text[j - 1] == " ":
        j -= 1
    if j == 0 or text[j - 1] in ".\n,;:-":
        return True
    return j < pos and text.endswith(_LIST_CUES, 0, j)


# the words that open a list right before its first item
_LIST_CUES: Final = (" antara lain", " yakni", " yaitu", " adalah", " ialah", " diantaranya", " di antaranya")


def _appointee_cue(ctx: _Ctx, pos: int, acting: bool) -> bool:
    """Is the person written before ``pos`` (``sebagai``) appointed to the office after it: an
    acting office or an appointment verb in the sentence before (``Pjs Bupati yang dilantik, yakni
    Asisten I Budi sebagai Pjs Bupati X``, ``melantik Kepala Dinas A Budi sebagai ...``)? Not when
    the last such verb is a passive one right before the person, who is then its agent
    (``Dia dilantik Bupati Budi sebagai Direktur X``)."""
    sent = ctx.doc.sentence_of(pos)
    if sent is None:
        return acting
    seg = ctx.text[sent[0]:pos]
    last, lw = -1, ""
    for w in _APPOINT_WORDS:
        k = seg.rfind(w)
        if k > last:
            last, lw = k, w
    if last < 0:
        return acting
    if lw.startswith("di") and not any(c in seg[last + len(lw):] for c in _LIST_OPEN):
        return False
    return True


def _second_office(ctx: _Ctx, pos: int) -> bool:
    """Is the office at ``pos`` a second office of a holder named right before it (``Budi
    Santoso, S.T. sekaligus (sebagai) Ketua X``, ``..., yang juga Ketua X``)? It is no
    separate unnamed official: the record keeps the office read with the name."""
    text = ctx.text
    if prev_word(text, pos) not in _SECOND_LAST:
        return False
    c = _SECOND_CUE.search(text, max(0, pos - 40), pos)
    if c is None:
        return False
    j = c.start()
    while j > 0 and text[j - 1] == " ":
        j -= 1
    return j in ctx.named_end


# a chain of holders, each with his own office (Budi menjabat Kepala A, Rudi (kembali) menjabat
# Kepala B; Budi sebagai Ketua I, Rudi selaku Ketua II): the name after the comma takes the
# office written after it, not the one before the comma
_OWN_OFFICE_NEXT: Final = re.compile(
    r"[ ]+(?:(?:kembali|juga|kini|tetap)[ ]+)?(?:menjabat|sebagai|selaku|(?:di(?:lantik|angkat|tunjuk)[ ]+)?menjadi"
    r"|di(?:lantik|angkat|tunjuk)[ ]+sebagai)[ ]+"
)


_CUE_NEAR: Final = re.compile(r" (?:menjabat|sebagai|selaku|menjadi) ")
# the first words _OWN_OFFICE_NEXT can start with, or a parenthesis (one str.startswith first)
_OWN_NEXT_STARTS: Final = (
    "(", " (", " menjabat", " sebagai", " selaku", " kembali", " juga", " kini", " tetap", " dilantik",
    " diangkat", " ditunjuk", " menjadi", " dan ",
)


def _own_office_next(ctx: _Ctx, nm: NameParse, pos_start: int, taken: Intervals) -> bool:
    """Is the name read after ``Kepala A,`` followed by a holder cue (``menjabat``,
    ``sebagai``, ``selaku``, ``dilantik menjadi``) or by its own office in parentheses
    (``Rudi(Waka II)``), while the office before the comma was itself written after such a
    cue (``Budi menjabat Kepala A, Rudi menjabat Kepala B``; ``Budi sebagai Ketua I, Rudi
    (Ketua II)``)? Then the comma separates two holders, each with his own office."""
    text = ctx.text
    if text.startswith(" dan ", nm.end):
        # Budi sebagai Ketua, Rudi dan Ani sebagai Wakil Ketua: the pair's own office after the second name
        nm2 = parse_name(ctx.lx, text, nm.end + 5, min(len(text), nm.end + 80), ctx.regions, memo=ctx.memo)
        return nm2 is not None and nm2.start == _skip_space(text, nm.end + 5) and not text.startswith(
            " dan ", nm2.end
        ) and _own_office_next(ctx, nm2, pos_start, taken)
    nxt = text[nm.end:nm.end + 1]
    if nxt == " " and text[nm.end + 1:nm.end + 2] == "(":
        nxt = "("
    if nxt == "(":
        sel = _selaku_before(text, pos_start)
        return sel is not None and _name_before(ctx, sel.start(), taken, True) is not None
    if nxt != " " or _OWN_OFFICE_NEXT.match(text, nm.end, nm.end + 40) is None:
        return False
    return _selaku_before(text, pos_start) is not None or (
        # Budi menjadi Kepala A, Rudi menjadi Kepala B: a chain of bare menjadi items
        text.endswith(" menjadi ", 0, pos_start) and _menjadi_chain(ctx, pos_start - 8)
    )


# one capitalised word more in a comma list after a one-word item (", Cibitung," / ", Cibitung dan")
_ONE_WORD_LIST: Final = re.compile(r"[ ]*,[ ]*[A-Z][a-z]+(?:[ ]*,[ ]*(?:dan[ ]+)?[A-Z][a-z]+\b(?![ ]+[A-Z])|[ ]+dan[ ]+[A-Z][a-z]+\b(?![ ]+[A-Z]))")
_PLACE_WORDS: Final = twin(r"[ ]*(?P<cue>\p{Lu}\p{Ll}+)[ ]+\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?")
_BELOW_REGENCY: Final = frozenset({"kecamatan", "kelurahan", "desa", "distrik", "nagari", "kampung", "dusun"})


def _place_name_after(ctx: _Ctx, pos: int, limit: int) -> Optional[tuple[int, int, NameParse]]:
    """After ``pos``: a district cue, its one-word name and compass words (``Kecamatan Seram
    Timur``), then a person's name of two words or more closed by punctuation or a lower-case
    word, with no comma between: (start and end of the district, the name)."""
    text = ctx.text
    pw = _PLACE_WORDS.match(text, pos, limit)
    if pw is None or pw.group("cue").casefold() not in _BELOW_REGENCY:
        return None
    e = pw.end()
    while (cw := _NEXT_CAP_WORD.match(text, e, limit)) is not None and cw.group(1) in _COMPASS:
        e = cw.end()
    nm = parse_name(ctx.lx, text, e, limit, ctx.regions, memo=ctx.memo)
    if nm is None or nm.start != _skip_space(text, e) or " " not in nm.name or not _closed_after(ctx.lx, text, nm.end):
        return None
    ps = pw.end() - len(pw.group(0).split()[-1])
    fw = text[nm.name_start:nm.name_end].split()[0]
    if e == pw.end() and ctx.used_as_place(f"{text[ps:e]} {fw}", ps):
        return None  # (Kecamatan Tanah Abang Budi ... di Kecamatan Tanah Abang: the place has two words)
    return _skip_space(text, pos), e, nm


_REGION_TYPE_WORDS: Final = ("Kabupaten ", "Kab. ", "Kota ", "Provinsi ", "Propinsi ")
_REGION_CUES: Final = frozenset({"kabupaten", "kab", "kota", "provinsi", "propinsi", "prov"})
_ACR_AFTER: Final = re.compile(r" \(([A-Z]{3,8})\)")


def _head_in_acronym(text: str, m: HeadMatch) -> bool:
    """Is the head followed by an acronym in parentheses whose letters are the initials of
    the words before the head and of the head (``Musyawarah Kerja Kepala Sekolah (MKKS)``,
    ``Forum Komunikasi Kepala Desa (FKKD)``)? Then the head is a word of that body's name."""
    a = _ACR_AFTER.match(text, m.end)
    if a is None:
        return False
    acr = a.group(1)
    words = text[max(0, m.start - 80):m.end].split()
    n = len(acr)
    if len(words) <= n or len(text[m.start:m.end].split()) >= n:
        return False
    return "".join(w[0] for w in words[-n:]) == acr and all(w[0].isupper() for w in words[-n:])


def _parent_between(
    ctx: _Ctx, row: PositionRow, items: list[Item], after: int, limit: int
) -> Optional[tuple[int, int, int]]:
    """``ROLE, ORG, Nama``: (start, end) of an agency mention filling the text between the comma
    ``after`` the position and the next one, and where the text after that comma starts;
    only after a sub-unit's office that names no body or region itself (Ketua Divisi X,
    Kepala Bidang Y)."""
    if row.takes != "org" or not items or any(
        it.kind in ("region", "paren") or it.region is not None or ctx.agency_cover(it.start) is not None
        for it in items
    ):
        return None
    text = ctx.text
    j = _skip_space(text, after)
    cov = ctx.agency_cover(j)
    if cov is None or cov[0] != j or cov[1] >= limit:
        return None
    k = _skip_space(text, cov[1])
    if text[k:k + 1] != ",":
        return None
    return j, cov[1], _skip_space(text, k + 1)


# ", Kecamatan Cibadak," : a place cue and up to three capitalised words between commas
_PLACE_CLAUSE: Final = twin(r"[ ]*(?P<cue>\p{Lu}\p{Ll}+)(?:[ ]+\p{Lu}[\p{L}-]*){1,3}[ ]*,")


def _paren_holder(ctx: _Ctx, it: Item, placed: bool = False) -> Optional[NameParse]:
    """The person's name filling a parenthesis after a position: two words or more, or one
    after a title (``(Badrut Tamam)``, ``(H Slamet Junaidi)``); not an abbreviation, a
    place or a body (``(Disdukcapil)``, ``(Kabid)``, ``(Kulon Progo)``). With ``placed`` (the
    position names its region or body: ``Bupati Sigi (Budi)``), one known given name passes
    too (an unknown single word may be a status, a corps, a compass word: (Purn), (Timur))."""
    text, lx = ctx.text, ctx.lx
    nm = parse_name(lx, text, it.start + 1, it.end - 1, ctx.regions, memo=ctx.memo)
    if nm is None or _skip_space(text, nm.end) != it.end - 1:
        return None
    if nm.name.count(" ") == 0 and not nm.honorifics and not (placed and nm.name in lx.given):
        return None
    if ctx.agency_cover(nm.name_start) is not None:
        return None
    return nm


def _lower_at(text: str, pos: int) -> str:
    """The lower-case word at ``pos`` ('' when none)."""
    m = _LOWER_WORD.match(text, pos)
    return m.group(0) if m is not None else ""


def _known_tail(rest: list[Item]) -> bool:
    return any(_known(it) for it in rest)


def _person_like(ctx: _Ctx, row: PositionRow, rest: list[Item]) -> bool:
    """Is a run of capitalised words after a head a person's name rather than a unit name?

    After a head that takes nothing (``Presiden``) two words or more are a name;
    after others, two words or more of which one is a frequent given name.
    """
    if len(rest) < 2:
        return False
    if row.takes == "none" or rest[0].end - rest[0].start == 1:
        return True  # (or an initial opening the run: M Ghojin, D Cyril Noerhadi)
    return any(ctx.text[it.start:it.end] in ctx.lx.given for it in rest)


def _holder_cue(ctx: _Ctx, cue: str, nm: NameParse) -> bool:
    """Does ``<Name> sebagai <position>`` name the holder (not a candidate or an opinion)?

    Only ``sebagai`` and ``untuk menjabat`` are in doubt: after a nominating verb
    (``mengusung Budi sebagai ...``, ``mengusulkan Budi untuk menjabat ...``,
    ``nominating`` in positions.toml) or in a list of names (``Budi dan Ani
    sebagai ...``) the office is not held.
    """
    if ("sebagai" not in cue or "menjabat" in cue) and "untuk" not in cue:
        return True
    text = ctx.text
    pw = prev_word(text, nm.start)
    if pw is None:
        return True
    w = pw.casefold()
    if w in ("dan", "serta"):
        # Budi sebagai Kepala A dan Rudi sebagai Kepala B: a chain of holders, each with his own
        # office (the office before the dan was read with its holder written before it)
        j = nm.start
        while j > 0 and text[j - 1] == " ":
            j -= 1
        j -= len(pw)
        while j > 0 and text[j - 1] in " ,;":
            j -= 1
        return j in ctx.named_end or _shared_sebagai(ctx, nm)
    return w not in ctx.lx.nominating and w != "atau"


_ANAPHORS: Final = frozenset({"itu", "tersebut", "ini"})
# prepositions that may end a position written after a name and its comma
# (Maria Holt, wakil presiden perusahaan X untuk urusan publik)
_APPOS_PREPS: Final = frozenset({"untuk", "di", "dari", "pada", "bagi", "dalam", "sejak", "periode"})


def _after_menurut(ctx: _Ctx, cue: Any) -> bool:
    """Does the name before a comma follow ``menurut`` (``Menurut Budi, ketua ... harus``:
    the comma opens the reported clause)?"""
    t = ctx.text[max(0, cue.start() - 60):cue.start()].casefold()
    k = t.rfind("menurut")
    return k >= 0 and not any(c in t[k:] for c in ",.;:")
_VERB_PREFIXES: Final = ("me", "ber", "ter", "di")


def _verbish(lx: OffLex, cf: str) -> bool:
    """A lower-case word that reads as a verb (meN-, ber-, ter-, di-) and not as a unit word."""
    return (
        len(cf) > 5
        and cf.startswith(_VERB_PREFIXES)
        and cf not in lx.unit_words
        and cf not in lx.status_quals
        and cf not in lx.temporal_quals
    )


def _not_lower(lx: OffLex, text: str, m: HeadMatch, table: Optional[set[tuple[str, ...]]] = None) -> bool:
    """Is a lower-case head a household or crowd word here (``kepala keluarga``)?
    With ``table`` = ``lx.not_office``: is a head in any case a household word?"""
    if table is None:
        keys, seconds = lx.not_lower, lx.not_lower_2nd
    else:
        keys = table
        seconds = lx.not_office_2nd if table is lx.not_office else _second_words(table)
    end = min(len(text), m.start + 40)
    # a row's second word is in the case-folded window whenever the row matches there
    # (casefold maps each character on its own): most heads need no word list
    window = text[m.start:end].casefold()
    for second in seconds:
        if second in window:
            break
    else:
        return False
    toks = [t.casefold() for t in _LINE_WORD.findall(text, m.start, end)[:3]]
    return any(tuple(toks[:n]) in keys for n in (2, 3))


def _second_words(keys: set[tuple[str, ...]]) -> tuple[str, ...]:
    """The second words of the two- and three-word rows of a ``not_lower`` table."""
    return tuple(sorted({k[1] for k in keys if len(k) in (2, 3)}))


def _parse_lower(ctx: _Ctx, m: HeadMatch, taken: Intervals) -> Optional[Candidate]:
    """A position written in lower case: after a name as its apposition
    (``Budi Santoso, ketua serikat nelayan Pantai Baron,``, ``Budi selaku ketua
    panitia``, ``Agus, nama kepala distrik itu,``), or before a name
    (``kata juru bicara Kemenlu Budi``, :func:`_parse_at`)."""
    text = ctx.text
    if _not_lower(ctx.lx, text, m):
        return None
    pw = prev_word(text, m.start)
    if pw is not None and pw.casefold() in ("para", "sejumlah", "beberapa", "semua", "seluruh"):
        return None  # para menteri luar negeri ...: several holders, none named here
    if text[m.start - 2:m.start].endswith("(") and _paren_before(text, m.start):
        # Budi Santoso (Plt. kadisdik), Rudi (plt kepala dinas kesehatan): the office in parentheses
        # after the name, written in lower case; acting, or with a body or place in capitals (a
        # bare (ketua) is a line-up's role, read with its body by _lineups; (ketua rombongan): no office)
        read = _read_appos(ctx, m)
        if read is not None and text[read[0]:read[0] + 1] == ")" and (
            m.acting is not None or m.row.unique
            or any(it.kind == "region" or (it.kind == "unit" and text[it.start].isupper()) for it in read[1])
        ) and (nm := _name_before(ctx, m.start, taken, paren=True)) is not None:
            region = next((it.region for it in read[1] if it.region is not None), None)
            return Candidate(
                m.start, read[0], m.row, m.acting, m.modifier, nm, region,
                "officials.name_comma_position", read[1], m.head_end, False,
            )
        return None
    cue = _appos_cue_before(text, m.start)
    if cue is not None:
        read = _read_appos(ctx, m)
        if read is not None:
            pend, items, anaphoric, closed, closer = read
            ok = bool(items or anaphoric or m.row.unique or (
                ctx.makeup is not None and ctx.makeup[1] < m.start < ctx.makeup[2]
                and m.row.canonical in _OFFICER_HEADS and cue.group("sel") is not None and closed
            )) and (
                closed or cue.group("sel") is not None or (closer in _APPOS_PREPS and not _after_menurut(ctx, cue))
            )
            if cue.group("nama") is not None and not anaphoric:
                ok = False
            if ok:
                if cue.group("sel") is not None:
                    nm = _name_before(ctx, cue.start("sel"), taken, True)
                    if nm is not None and not _holder_cue(ctx, cue.group("sel"), nm):
                        nm = None
                else:
                    nm = _name_before(ctx, cue.start("comma") + 1, taken)
                if nm is not None:
                    region = next((it.region for it in items if it.region is not None), None)
                    return Candidate(
                        m.start, pend, m.row, m.acting, m.modifier, nm, region,
                        "officials.name_comma_position", items, m.head_end, anaphoric,
                    )
    elif pw is not None and pw[:1].isupper() and text[m.start - 1:m.start] == " ":
        # Budi Santoso ketua Fraksi X menegaskan: a name opening the sentence, then the office in
        # lower case with its body and a verb, no comma
        read = _read_appos(ctx, m)
        if read is not None and not read[2] and any(it.kind in ("unit", "region") for it in read[1]) and (
            # an active verb (menegaskan, berharap) or a speech word: a passive one (Termasuk
            # pimpinan DPR diminta) leaves the words before as no subject of the office
            (read[4].startswith(("me", "ber")) and _verbish(ctx.lx, read[4])) or _is_speech_word(read[4])
            # Budi anggota Komisi B DPRD X yang ditunjuk menjadi moderator mengatakan: a relative
            # clause, then a speech verb
            or (read[4] == "yang" and _relative_then_said(ctx, _skip_space(text, read[0])))
        ):
            nm = _name_before(ctx, m.start, taken, bare=True)
            if nm is not None:
                pend, items = read[0], read[1]
                region = next((it.region for it in items if it.region is not None), None)
                return Candidate(
                    m.start, pend, m.row, m.acting, m.modifier, nm, region,
                    "officials.name_comma_position", items, m.head_end, False,
                )
    cand = _parse_at(ctx, m, taken)
    if cand is None or cand.name is None or cand.rule == "officials.name_comma_position":
        return None
    return cand


def _say_verbs(lex: Lexicon) -> frozenset[str]:
    """The active speech verbs of the quotes stage's table (mengatakan, menjelaskan), case-folded."""
    try:
        return frozenset(f.casefold() for v in lex.rows("speech", "verbs") for f in v.active)
    except Exception:  # noqa: BLE001 — no speech table: no verbs
        return frozenset()


def _relative_then_said(ctx: _Ctx, pos: int) -> bool:
    """At ``pos``: ``yang`` and one to six lower-case words, then an active speech verb
    (``yang ditunjuk menjadi moderator mengatakan``)."""
    text = ctx.text
    if not text.startswith("yang ", pos):
        return False
    say = ctx.doc.lexicon.compiled("officials:say_verbs", _say_verbs)
    j = pos + 4
    for n in range(7):
        if text[j:j + 1] != " ":
            return False
        w = _LOWER_WORD.match(text, j + 1)
        if w is None or not text[w.end():w.end() + 1] in (" ", ",", ":"):
            return False
        if n and w.group(0) in say:
            return True
        j = w.end()
    return False


def _read_appos(ctx: _Ctx, m: HeadMatch) -> Optional[tuple[int, list[Item], bool, bool, str]]:
    """The unit part of a lower-case position written after a name: words up to a comma,
    a full stop, a function word or a verb. Returns (end, items, anaphoric, closed by
    punctuation, the word that ended it), or None when it runs on for more than ten words.

    ``anaphoric``: the position ends in ``itu``/``tersebut`` (``kepala distrik
    itu``): it points back to an office named before.
    """
    text, lx = ctx.text, ctx.lx
    nl = text.find("\n", m.end, m.end + 200)
    limit = nl if nl >= 0 else min(len(text), m.end + 200)
    tk = _Toks(text, m.end, limit)
    items: list[Item] = []
    i = words = 0
    anaphoric = False
    closed = True
    closer = ""
    while (tok := tk.at(i)) is not None:
        s, e, t = tok
        if t in ",.;:!?\"'" or not (t[0].isalnum() or t in "(/-&"):
            break
        if t == "(":
            j = i + 1
            while (x := tk.at(j)) is not None and j - i <= 8 and x[2] != ")":
                j += 1
            if x is None or x[2] != ")":
                closed = False
                break
            items.append(Item("paren", s, x[1]))
            i = j + 1
            continue
        if t in "/-&":
            items.append(Item("conn", s, e))
            i += 1
            continue
        cf = t.casefold()
        if cf in _ANAPHORS:
            anaphoric = True
            nxt = tk.at(i + 1)
            closed = nxt is None or nxt[2] in ",.;:!?\"'"
            break
        if cf in ("dan", "serta"):
            if _head_next(ctx, tk, i) or _own_after_and(ctx, e, limit):
                # (kepala BPBD dan Budi menjabat kepala X: the next holder)
                closed = False
                break
            items.append(Item("conn", s, e))
            i += 1
            continue
        if cf in lx.status_quals:
            items.append(Item("qual", s, e))
            i += 1
            continue
        if _is_speech_word(t) or (cf in lx.stop and cf not in lx.unit_words) or _verbish(lx, cf):
            closed = False
            closer = cf
            break
        if (
            t[0].isupper()
            and cf.rstrip(".") in ctx.region_firsts
            and not any(it.region is not None for it in items)
        ):
            rg = ctx.region_at(s, None, True)
            if rg is not None and rg[0] > s:
                items.append(Item("region", s, rg[0], rg[1]))
                while (x := tk.at(i)) is not None and x[0] < rg[0]:
                    i += 1
                continue
        known = cf in lx.unit_words or t in lx.acronyms or (len(t) > 1 and t.isupper())
        items.append(Item("unit" if known else "unk", s, e))
        words += 1
        if words > 10:
            return None
        i += 1
    items = _trim(items)
    return (items[-1].end if items else m.end), items, anaphoric, closed, closer


_CAP_START: Final = twin(r"(?<![\p{L}\d'’.-])\p{Lu}")


_PLACE_CLOSE: Final = re.compile(r"[ ]*,[ ]*(?=[A-Z])")


def _place_then_close(ctx: _Ctx, comma: int) -> int:
    """``(Bupati Way Kanan, Lampung)``: after the office's comma a known region (the province
    of the office's place; or a city and its province) and the closing parenthesis; its
    position, or -1."""
    text = ctx.text
    for _ in range(2):  # (Direktur Yayasan X, Surabaya, Jawa Timur): a city, then its province
        g = _PLACE_CLOSE.match(text, comma, comma + 4)
        if g is None:
            return -1
        rg = ctx.region_at(g.end(), None, True)
        if rg is None:
            return -1
        close = _skip_space(text, rg[0])
        if text[close:close + 1] == ")":
            return close
        comma = close
    return -1


def _paren_before(text: str, pos: int) -> bool:
    """Does a parenthesis open right before ``pos``, after a word (``Budi Santoso (``, ``Budi, S.H. (``)?"""
    j = pos
    while j > 0 and text[j - 1] == " ":
        j -= 1
    if text[j - 1:j] != "(":
        return False
    j -= 1
    while j > 0 and text[j - 1] == " ":
        j -= 1
    # (or a degree's full stop: Budi Santoso, S.H. (Kabag Ops))
    return j > 0 and (text[j - 1].isalpha() or (text[j - 1] == "." and text[j - 2:j - 1].isalpha()))


# the end of a line-up's last-but-one item: dan / serta and a capitalised word
_LINEUP_AND: Final = re.compile(r"(?:dan|serta)[ ]+[A-Z]")
# the lower-case words a line-up's name may follow (Rapat yang dipimpin Budi Santoso Menko
# Polhukam, ...; Hadir antara lain Budi ...; ..., serta Rudi ...)
_LINEUP_AFTER: Final = frozenset({"dipimpin", "oleh", "lain", "yakni", "yaitu", "serta", "dan", "hadir"})


def _name_before(
    ctx: _Ctx, head_start: int, taken: Intervals, selaku: bool = False, bare: bool = False, paren: bool = False,
    lineup: int = 0,
) -> Optional[NameParse]:
    """``Nama(, degrees), <head>`` (or ``Nama selaku <head>``): the name written before a position.

    With ``selaku`` (sebagai), ``head_start`` is where that word starts. With
    ``bare``, the name stands right before the head with no comma and opens
    the sentence (``Wulan Sari Kepala Dinkes Kediri mengatakan``). With ``paren``,
    the position is written in parentheses after the name (``Budi (Kepala Seksi X)``):
    the opening parenthesis stands for the comma.
    """
    text, lx = ctx.text, ctx.lx
    j = head_start
    while j > 0 and text[j - 1] == " ":
        j -= 1
    if paren:
        if text[j - 1:j] != "(":
            return None
        head_start = j = j - 1  # the name runs up to the parenthesis
        while j > 0 and text[j - 1] == " ":
            j -= 1
        if j == head_start:
            return None
    target = -1  # where the name (with its degrees) must end, when not at the comma
    if bare:
        if j == head_start:
            return None
        comma = head_start - 1  # the space before the head stands for the comma
        target = head_start
        if text[j - 1] == ",":
            comma, target = j - 1, -1  # Budi Hoiru, Wakil Ketua DPRD X yang ...: the sentence's subject
        elif (dc := _degree_tail(lx, text, j)) is not None:
            comma, target = dc, head_start  # Budi Hoiru, S.HI Wakil Ketua DPRD X yang ...
    elif selaku:
        comma = head_start  # the name runs up to "selaku" (or its comma)
        if text[j - 1:j] == ",":
            comma = j - 1
        elif text[j - 1:j] == ")" and (o := text.rfind("(", max(0, j - 48), j)) > 0 and (
            pp := _party_after(ctx, o, j)
        ) is not None and pp[1] == j:
            comma = o  # Budi (PDI Perjuangan) menjabat Ketua X: the member's party between name and cue
    elif paren:
        comma = head_start
    elif j == 0 or text[j - 1] != ",":
        dc = _degree_tail(lx, text, j)
        if dc is None:
            return None
        comma, target = dc, head_start  # Menurut Budi Hoiru, SH Wakil Ketua DPRD X, ...: no comma after the degree
    else:
        comma = j - 1
    if target < 0:
        target = comma
    ls = max(0, head_start - 120)
    nl = text.rfind("\n", ls, j)
    if nl >= 0:
        ls = nl + 1
    k = comma
    while k > 0 and text[k - 1] == " ":
        k -= 1
    if k == 0 or not (text[k - 1].isalpha() or text[k - 1] == "."):
        return None
    # candidate starts: word starts in the window, left to right (longest name first)
    for sm in _CAP_START.finditer(text, ls, comma):
        s = sm.start()
        if taken.covers(s):
            continue
        nm = parse_name(lx, text, s, max(comma + 1, j if target == head_start else 0), ctx.regions, memo=ctx.memo)
        if nm is None or nm.start != s:
            continue
        k = _skip_space(text, nm.end)
        if k != target:
            continue
        # the word before the name: a sentence start, punctuation or a lowercase word
        p = s
        while p > ls and text[p - 1] == " ":
            p -= 1
        if p > ls and not (text[p - 1] in ",.;:\"'(" or text[p - 1].islower()):
            continue
        if lineup:
            # a line-up item: after its list's comma (colon, semicolon) or a lead-in word
            if p <= ls or not (text[p - 1] in ",:;" or (lineup == 2 and text[p - 1] == ".") or (
                text[p - 1].islower() and (pw := prev_word(text, s)) is not None and pw in _LINEUP_AFTER
            )):
                continue
            if not _lineup_name(ctx, nm, head_start) or (text[p - 1] == "," and _office_item_before(ctx, p - 1)):
                return None
        elif bare and p > ls and text[p - 1] not in ".\"'":
            continue  # bare: the name opens the sentence
        if p > ls and text[p - 1].isalpha() and _in_region_before(ctx, text, p, nm.name_start):
            continue  # Kapolresta Deli Serdang selaku ..., Kejari Lampung Barat, kepala X: a region's last word
        # strip sentence openers swallowed into the name (Sementara Budi → Budi)
        first = nm.name.split(" ", 1)[0]
        if first.casefold() in lx.stop and not (first in lx.given and " " in nm.name):
            continue  # (but Hari Wibowo: a given name that is also a common word)
        if _placed(ctx, nm, max(ls, s - 30)):
            return None  # Camat Tanah Abang, kepala desa ...: a place the text names as such elsewhere
        if taken.overlaps(nm.name_start, nm.name_end):
            return None
        return nm
    return None


# buildings before an office (di Pendopo Bupati X, Rumah Dinas Wali Kota): a venue, no holder
_VENUE_WORDS: Final = frozenset({
    "pendopo", "pendapa", "rumah", "rumdin", "kantor", "gedung", "halaman", "aula", "balai", "ruang", "wisma",
    "istana", "graha", "rujab", "makam", "kediaman", "markas", "mako", "lapangan", "alun-alun",
})


# a venue word right before an office, as written (kantor Gubernur, Kantor Bupati)
_VENUE_BEFORE: Final = tuple(f"{w[0].upper()}{w[1:]} " for w in sorted(_VENUE_WORDS)) + tuple(f"{w} " for w in sorted(_VENUE_WORDS))


# capitalised words of company before an office (Kapusdalops BNPB, Bersama Kalaksa BPBD, ...)
_WITH_WORDS: Final = frozenset({"bersama", "beserta", "didampingi", "dampingi", "mendampingi", "bareng", "bertemu"})


def _lineup_gate(text: str, pos: int) -> bool:
    """A cheap look before :func:`_name_before` reads a line-up item: within 80 characters
    before the head ``pos`` a list separator (, : ; .) or a lead-in word, then only
    capitalised words (the name, with ranks and initials) up to the head."""
    lo = max(0, pos - 80)
    k = max(text.rfind(",", lo, pos), text.rfind(":", lo, pos), text.rfind(";", lo, pos), text.rfind(".", lo, pos))
    words = text[k + 1 if k >= 0 else lo:pos].split()
    if not words:
        return False
    n = 0  # capitalised words (name, rank, initials) closing the stretch
    for w in reversed(words):
        if w[:1].isupper() or w[:1] == "(":
            n += 1
            continue
        return n > 0 and w in _LINEUP_AFTER
    return k >= 0 or lo == 0


def _lineup_name(ctx: _Ctx, nm: NameParse, head_start: int) -> bool:
    """Is ``nm``, written right before an office in a line-up, a person's name: no venue word
    opening it, not a body's or a region's words, and (one bare word) not a place."""
    text = ctx.text
    words = nm.name.split()
    if words[0].casefold() in _VENUE_WORDS or words[0].casefold() in _WITH_WORDS or (
        ctx.agency_cover(nm.name_start) is not None
    ):
        return False
    if len(words) == 1 and nm.start == nm.name_start:
        rg = ctx.region_at(nm.name_start, None, True)
        if rg is not None and rg[0] >= nm.name_end:
            return False  # ..., Sleman Bupati ...: a place
    return text[nm.end:head_start].strip() == ""


def _office_item_before(ctx: _Ctx, comma: int) -> bool:
    """Is the list item closed by the comma at ``comma`` an office with no holder read
    (``Kepala Biro Umum, Nama Kepala Bagian``: the name may be the first office's holder)?"""
    text = ctx.text
    j = comma
    while j > 0 and text[j - 1] == " ":
        j -= 1
    if j in ctx.named_end:
        return False
    k = max(text.rfind(",", 0, j), text.rfind(".", 0, j), text.rfind(":", 0, j), text.rfind("\n", 0, j), -1) + 1
    k = _skip_space(text, k)
    return k < j and match_head(ctx.lx, text, k) is not None


def _in_region_before(ctx: _Ctx, text: str, p: int, s: int) -> bool:
    """Does a region that opens with the capitalised word ending at ``p`` run over ``s`` (``Deli
    | Serdang``, ``Serdang | Bedagai``)? A cheap look-up: only a capitalised word is tried."""
    ws = p
    while ws > 0 and (text[ws - 1].isalnum() or text[ws - 1] in "-'’"):
        ws -= 1
    if not text[ws:ws + 1].isupper() or text[ws:p].casefold() not in ctx.region_firsts:
        return False
    rg = ctx.region_at(ws, None, True)
    return rg is not None and rg[0] > s


def _placed(ctx: _Ctx, nm: NameParse, ls: int) -> bool:
    """Is the name ``nm`` (two words or more), or the capitalised word before it and a one-word
    ``nm`` (Sungai | Lilin), a run the text writes elsewhere as a place (:meth:`_Ctx.used_as_place`)?"""
    if " " in nm.name:
        return ctx.used_as_place(nm.name, nm.name_start)
    pc = _CAP_BEFORE.search(ctx.text, ls, nm.name_start)
    return pc is not None and ctx.used_as_place(f"{pc.group(1)} {nm.name}", pc.start(1))


def _degree_tail(lx: OffLex, text: str, j: int) -> Optional[int]:
    """The comma opening ``, DEGREE [DEGREE]`` that ends at ``j`` (``Budi, S.HI`` before a
    head written with no comma after the degree), or None."""
    c = text.rfind(",", max(0, j - 30), j)
    if c <= 0 or not text[c + 1:j].strip() or text[j - 1] == ",":
        return None
    pos, n = c, 0
    while pos < j:
        d = lx.post_rx.match(text, pos, j)
        if d is None or d.end() <= pos:
            return None
        pos, n = d.end(), n + 1
    return c if n else None


# ---------------------------------------------------------------- canonical forms


def canonical_position(lx: OffLex, cand: Candidate, text: str,
                       defined: Optional[dict[str, str]] = None) -> str:
    """The position with acting prefix, head and unit abbreviations expanded, parentheses dropped
    (``defined``: the acronyms the article defines for another body than the lexicon's).

    :func:`_canonical_position`, kept per lexicon (``lx.canonical``) by what it reads: the
    prefix, modifier and row objects (the lexicon's own, alive as long as it is), the label and
    the text of the unit part (``text[head_end:pos_end]`` and of ``unit``). Not with ``defined``:
    the article's own acronyms make the answer the document's (as :func:`_expand`)."""
    if defined:
        return _canonical_position(lx, cand, text, defined)
    unit = cand.unit
    key = (
        id(cand.acting), id(cand.modifier), id(cand.row), cand.label,
        text[cand.head_end:cand.pos_end] if cand.pos_end > cand.head_end else "",
        None if unit is None else text[unit[0]:unit[1]],
    )
    memo = lx.canonical
    hit = memo.get(key)
    if hit is None:
        if len(memo) >= _EXPANDED_MAX:
            memo.clear()  # bounded: a long batch of varied positions does not grow it without end
        # (the objects kept with the answer: their ids are not reused while the entry lives)
        hit = memo[key] = (_canonical_position(lx, cand, text, None), cand.acting, cand.modifier, cand.row)
    return hit[0]


def _canonical_position(lx: OffLex, cand: Candidate, text: str,
                        defined: Optional[dict[str, str]] = None) -> str:
    parts: list[str] = []
    if cand.acting is not None:
        parts.append(cand.acting.canonical)
    if cand.modifier is not None and not cand.row.canonical.startswith(cand.modifier.canonical):
        parts.append(cand.modifier.canonical)
    # (a label that is the row's own head, Kapolsek for Polsek X dijabat ..., expands as the head)
    own = cand.label is not None and " " not in cand.label and lx.head_keys.get((cand.label.casefold(),)) is cand.row
    if not own and cand.label is not None and cand.acting is not None:
        # (a label that is the acting prefix and the row's head as written, PJ Kepala Desa / penjabat
        # kades for Desa Sejati (PJ Budi): the prefix and the head, expanded)
        toks = cand.label.casefold().replace(".", "").split()
        own = len(toks) > 1 and (toks[0],) in lx.acting_keys and lx.head_keys.get(tuple(toks[1:])) is cand.row
    parts.append(cand.row.canonical if cand.label is None or own else cand.label)
    tail = text[cand.head_end:cand.pos_end] if cand.pos_end > cand.head_end else ""
    if tail[:1] == ".":
        tail = tail[1:]  # Kabag. Tata Pemerintahan: the abbreviated head's full stop
    if cand.unit is not None:
        tail = f"{tail} {text[cand.unit[0]:cand.unit[1]]}"
    if "(" in tail:
        tail = _PARENS.sub(" ", tail)
    return _expand(lx, " ".join(" ".join(parts + [tail]).split()), defined)


_PARENS: Final = twin(r"[ ]*\([^()\n]{0,60}\)")


def _expand(lx: OffLex, s: str, defined: Optional[dict[str, str]] = None) -> str:
    """Replace unit abbreviations by their full forms (``after`` rows need their previous word).

    ``s`` has its words separated by single spaces (as :func:`canonical_position` makes it):
    with nothing to expand it is returned as it is. ``defined`` (acronym → full form): the
    acronyms of the agency lexicon that the article defines for another body (``Dinas
    Ketahanan Pangan (DKP)``); they expand to the article's body, not the lexicon's, so a
    result that depends on them is the document's own (not to be shared across documents)."""
    if lx.expand_rx is None:
        return s
    if defined:
        # the article's own acronyms: expanded for this document only, never memoised
        found = _expansions(lx, s)
        return _expand_spans(lx, s, found, defined) if found else s
    memo = lx.expanded
    out = memo.get(s)
    if out is not None:
        return out
    found = _expansions(lx, s)
    # (with nothing found the join in _expand_spans would give s back)
    out = _expand_spans(lx, s, found) if found else s
    if len(memo) >= _EXPANDED_MAX:
        memo.clear()  # bounded: a long batch of varied positions does not grow it without end
    memo[s] = out
    return out


_EXPANDED_MAX: Final = 4096


def _expand_spans(lx: OffLex, s: str, found: list[tuple[int, int]],
                  defined: Optional[dict[str, str]] = None) -> str:
    """``s`` with the abbreviation at each of ``found`` (``lx.expand_rx`` match spans, in
    order) replaced and its words joined by single spaces again."""
    pieces: list[str] = []
    last = 0
    for start, end in found:
        form = s[start:end]
        key = form.casefold()
        full: Optional[str] = defined.get(form) if defined else None
        row = lx.exp_after.get(key) if full is None else None
        if row is not None:
            before = " ".join(s[:start].split()[-2:]).casefold()
            if any(before.endswith(a.casefold()) for a in row.after):
                full = row.expansion
        if full is None:
            plain = lx.exp_plain.get(key)
            full = plain.expansion if plain is not None else lx.agency_names.get(form)
        pieces.append(s[last:start])
        if full and " " in full:
            prev = s[:start].rsplit(None, 1)
            first, rest_ = full.split(" ", 1)
            if prev and prev[-1].casefold() == first.casefold():
                full = rest_  # Fraksi Partai NasDem: Partai Nasional Demokrat, not Partai Partai ...
        pieces.append(full or form)
        last = end
    pieces.append(s[last:])
    return " ".join("".join(pieces).split())


def _expansions(lx: OffLex, s: str) -> list[tuple[int, int]]:
    """The spans of ``lx.expand_rx.finditer(s)``.

    When ``s`` is ASCII letters and digits in words separated by single spaces, a match is
    a run of whole words (the pattern wants no word character or hyphen on either side)
    and the longest form at a word wins (the trie tries longer forms first): the words
    are looked up in ``lx.exp_words`` (the forms made of such words) instead of running
    the pattern at every character.
    """
    if not (s.isascii() and s.replace(" ", "").isalnum()) or "  " in s or s[:1] == " " or s[-1:] == " ":
        return [m.span() for m in lx.expand_rx.finditer(s)]
    words = s.split(" ")
    most = lx.exp_first_words
    if most.keys().isdisjoint(words):
        return []
    forms = lx.exp_words
    out: list[tuple[int, int]] = []
    n = len(words)
    i = at = 0  # word index, its character offset
    while i < n:
        w = words[i]
        k = most.get(w, 0)
        while k > 1:  # the longest form of k words first
            if i + k <= n:
                cand = " ".join(words[i:i + k])
                if cand in forms:
                    out.append((at, at + len(cand)))
                    at += len(cand) + 1
                    i += k
                    break
            k -= 1
        else:
            if k == 1 and w in forms:
                out.append((at, at + len(w)))
            at += len(w) + 1
            i += 1
    return out


# ---------------------------------------------------------------- the stage


@dataclass(slots=True, init=False)
class _Off:
    """An official under construction (working-text positions)."""

    name: Optional[str]
    honorifics: list[str]
    position: str
    canonical: str
    row: PositionRow
    pos_range: tuple[int, int]
    intro: tuple[int, int]
    region: Optional[str]
    rule: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    refs: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, kind)
    agency_id: Optional[str] = None
    nicknames: list[str] = field(default_factory=list)  # Jokowi, SBY: short names in parentheses
    anaphoric: bool = False
    unit_range: Optional[tuple[int, int]] = None  # a list row's unit part, written on the heading line
    rank: int = 1  # Candidate.rank of the position kept

    # the dataclass's __init__ written out, compiled in the compiled build (tests/test_build.py)
    def __init__(self, name: Optional[str], honorifics: list[str], position: str, canonical: str,
                 row: PositionRow, pos_range: tuple[int, int], intro: tuple[int, int], region: Optional[str],
                 rule: str, mentions: Optional[list[tuple[int, int]]] = None,
                 refs: Optional[list[tuple[int, int, str]]] = None, agency_id: Optional[str] = None,
                 nicknames: Optional[list[str]] = None, anaphoric: bool = False,
                 unit_range: Optional[tuple[int, int]] = None, rank: int = 1) -> None:
        self.name = name
        self.honorifics = honorifics
        self.position = position
        self.canonical = canonical
        self.row = row
        self.pos_range = pos_range
        self.intro = intro
        self.region = region
        self.rule = rule
        self.mentions = [] if mentions is None else mentions  # (the fields' default_factory=list)
        self.refs = [] if refs is None else refs
        self.agency_id = agency_id
        self.nicknames = [] if nicknames is None else nicknames
        self.anaphoric = anaphoric
        self.unit_range = unit_range
        self.rank = rank


def _norm_name(s: str) -> list[str]:
    """The case-folded words of a name, split at spaces and dots (``_NAME_SPLIT``)."""
    if s.isascii() and s.isprintable():
        # the split as str methods (no regex call); a printable ASCII name holds no
        # whitespace but spaces
        return s.casefold().replace(".", " ").split()
    return [t for t in _NAME_SPLIT.split(s.casefold()) if t]


def _same_person(a: list[str], b: list[str]) -> bool:
    """Whether two case-folded names (``_norm_name``) name one person: :func:`_same_person_rules`,
    answered at once for names sharing no word (both of its rules need one)."""
    if a and b and a != b and set(a).isdisjoint(b):
        return False
    return _same_person_rules(a, b)


def _same_person_rules(a: list[str], b: list[str]) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) == 1:
        return False
    n = len(short)
    if any(long_[i:i + n] == short for i in range(len(long_) - n + 1)):
        return True
    # Luhut B. Pandjaitan / Luhut Binsar Pandjaitan: an initial written for a word
    return len(a) == len(b) and all(
        x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y)) for x, y in zip(a, b)
    ) and sum(1 for x, y in zip(a, b) if x == y and len(x) > 1) >= 2


def _one_slip(a: list[str], b: list[str]) -> bool:
    """Do two names of as many words differ in one word only, by one typing slip (two
    neighbouring letters swapped, one letter changed, added or dropped) in a word of five
    letters or more, first letter kept (``djunaidi`` / ``djuanidi``)?"""
    diff = [(x, y) for x, y in zip(a, b) if x != y]
    if len(diff) != 1:
        return False
    x, y = diff[0]
    if min(len(x), len(y)) < 5 or x[0] != y[0] or not (x.isalpha() and y.isalpha()):
        return False
    return one_edit(x, y)


def _variant(a: list[str], b: list[str], same_office: bool) -> bool:
    """Other writings of one name that :func:`_same_person` does not join; the caller asks for
    compatible offices. A one-word name misspelt by one letter (``alfedri`` / ``alferdri``, only
    under the same office); a short word misspelt beside an identical long one (``riki
    hariansyah`` / ``riky hariansyah``); a middle name dropped (``s tanjung`` / ``s suleman
    tanjung``)."""
    la, lb = len(a), len(b)
    if la == lb == 1:
        x, y = a[0], b[0]
        return same_office and min(len(x), len(y)) >= 6 and x[0] == y[0] and x.isalpha() and y.isalpha() and (
            one_edit(x, y)
        )
    if la == lb:
        diff = [(x, y) for x, y in zip(a, b) if x != y]
        if len(diff) != 1 or not any(len(x) >= 5 for x, y in zip(a, b) if x == y):
            return False
        x, y = diff[0]
        return min(len(x), len(y)) >= 4 and x[0] == y[0] and x.isalpha() and y.isalpha() and one_edit(x, y)
    short, long_ = (a, b) if la < lb else (b, a)
    return len(short) == 2 and len(long_) == 3 and short[0] == long_[0] and short[1] == long_[2] and (
        len(short[1]) >= 4
    )


def _blend(short: str, name: list[str]) -> bool:
    """Is ``short`` the first word of ``name`` run into the start of the second (``jokowi``
    for ``joko widodo``), the usual way a short name is coined?"""
    if len(name) < 2 or not short.startswith(name[0]):
        return False
    rest = short[len(name[0]):]
    return len(rest) >= 2 and name[1].startswith(rest)


def _clipped(short: str, name: list[str]) -> bool:
    """Is ``short`` a clipped word of ``name`` (``dayat`` of ``hidayattullah``, ``yanto`` of
    ``suyanto``): four letters or more inside a longer word of the name?"""
    return len(short) >= 4 and any(len(w) > len(short) and short in w for w in name)


def _office_within(a: str, b: str) -> bool:
    """Is one canonical position part of the other (``Bupati`` in ``Bupati Lampung Selatan``,
    ``Wali Kota`` in ``Penjabat Wali Kota Kendari``), with ``Wakil`` on both or neither side?"""
    ta, tb = set(_canon_tokens(a)), set(_canon_tokens(b))
    if not ta or not tb or ("wakil" in ta) != ("wakil" in tb):
        return False
    return ta <= tb or tb <= ta


# a line broken inside a sentence: a word (or comma) at the line's end, a lower-case word opening the next
_WRAP_LOWER: Final = re.compile(r"[a-z,]\n[a-z]")
# a single line break that a hard-wrapped text puts inside a sentence: no sentence punctuation before it,
# no blank line, list mark or number after it
_WRAP_BREAK: Final = re.compile(r"(?<=[^\s.!?:;\"\u201d\u2019'])\n(?=[^\s\-\u2022*\u2013\d])")


def _unwrapped(text: str, body: int) -> str:
    """``text`` with the line breaks of hard-wrapped prose (blog reposts: lines of 60–90 characters
    broken anywhere, ``Kepala Kepolisian⏎Negara Republik Indonesia``) read as spaces, the same
    length; ``text`` itself when its lines are not wrapped. A text counts as wrapped when it has
    many single line breaks and at least three of them fall between two lower-case words."""
    n1 = text.count("\n") - 2 * text.count("\n\n")
    if n1 < 5 or len(text) > 160 * n1:
        return text  # (paragraphs one a line, or a blank line between them)
    if len(_WRAP_LOWER.findall(text, body)) < 3:
        return text
    out = list(text)
    for m in _WRAP_BREAK.finditer(text, body):
        i = m.start()
        ls = text.rfind("\n", 0, i) + 1
        le = text.find("\n", i + 1)
        if i - ls < 50 and (le if le >= 0 else len(text)) - i < 50:
            continue  # two short lines in a row: list rows or a heading, not a wrapped sentence
        out[i] = " "
    return "".join(out)


def run(doc: Document) -> None:
    """Find officials in ``doc.text`` and append them to ``doc.officials``."""
    text = doc.text
    if not text.strip():
        return
    ctx = _Ctx(doc)
    body0 = doc.body_start if 0 <= doc.body_start < len(text) else 0
    if (joined := _unwrapped(text, body0)) is not text:
        text = ctx.text = joined  # (same length: every position stays)
    lx = ctx.lx
    body = doc.body_start if 0 <= doc.body_start < len(text) else 0
    cands: list[Candidate] = []
    taken = Intervals()  # name spans already read
    consumed_until = -1
    head_spans: list[tuple[int, int]] = []
    headline = _Headlines(text, doc.prep.norm)
    not_after_end = -1  # end of a head skipped after a not_after word (Pemilu Bupati)
    # the header (title, byline, photo caption above the dateline) is read too, but only in
    # caption-like lines and only for named holders: captions name the people on the photo
    # the words of the text (a set, built once for the heads' look-up) guard the list rules
    lw = lower_words(doc)
    words = lw.words if lw is not None else frozenset(re.findall(r"[^\W\d_]+", text.lower()))  # (non-ASCII text)
    from_ = "dari" in words and not _ROT_FROM_VERBS.isdisjoint(words)
    rotated = _rotations(ctx, taken, body, cands, from_) if (
        from_ or "sebelumnya" in words or "semula" in words or ("lama" in words and "jabatan" in words)
    ) else None
    if "baru" in words and "jabatan" in words and "(" in text and (
        rows := _rotation_rows(ctx, taken, body, cands)  # - Budi (Kepala A, kemungkinan jabatan baru Kepala B)
    ):
        rotated = _merged(sorted(rows + (rotated.spans if rotated is not None else [])))
    before_ = "sebelumnya" in words  # (Camat X dijabat Budi yang sebelumnya dipegang Rudi)
    successor_ = "penggantinya" in words  # (Kapolsek X, penggantinya AKP Rudi)
    old_officer = "pejabat" in words and ("lama" in words or "sebelumnya" in words or "terdahulu" in words)
    replaces = "menggantikan" in words  # (Budi menggantikan Rudi sebagai Camat X)
    if ("dijabat" in words or "jabat" in words or "dipimpin" in words) and not _UNIT_HEADS.keys().isdisjoint(words):
        _unit_held(ctx, taken, body, cands)  # Polsek Kasembon dijabat AKP Budi
    handed = _handovers(ctx, taken, body, cands) if "kepada" in words and (
        "sertijab" in words or "serah" in words or "diserahterimakan" in words or "jabatan" in words
        or "mutasi" in words or "rotasi" in words
    ) else None  # Sertijab Kapolres X dari AKBP Budi kepada AKBP Rudi
    if ("kursi" in words or "tongkat" in words or "posisi" in words or "jabatan" in words) and not words.isdisjoint(
        _SEAT_WORDS
    ) and (seats := _seats_given(ctx, taken, body, cands)):
        # Kursi Kapolda X diserahkan pada Kapolda Y Irjen Budi: Budi takes Kapolda X, leaves Kapolda Y
        handed = _merged(sorted(seats + (handed.spans if handed is not None else [])))
    each = "masing" in words  # (masing-masing juru bicara ... . Mereka adalah ...)
    own_items: list[Candidate] = []  # (an own office read inside a group's list)
    replaced_ = "diganti" in words or "ganti" in words  # (Kajari yang dimutasi antara lain Budi diganti Rudi)
    roster = "pengurus" in words or "susunan" in words or "terdiri" in words or "kepengurusan" in words
    pairs = "wakil" in words  # (Bupati dan Wakil Bupati X A-B)
    if ("fraksi" in words or "komisi" in words) and not _ROSTER_BODY_WORDS.isdisjoint(words):
        # Panja ... sebagai berikut Fraksi Golkar Budi, Fraksi PKS Rudi ...: members by unit
        if ur := _unit_rosters(ctx, taken, body):
            cands.extend(ur)
    if ("ketua" in words or "anggota" in words or "sekretaris" in words) and "(" in text:
        # Tim seleksi terdiri atas Budi (ketua), Ani (sekretaris) dan Rudi (anggota)
        cands.extend(_lineups(ctx, taken, body))
    if _ACTING_CUE.search(text) is not None:
        # Desa Sejati (PJ Budi), Rabasan (PJ Rudi): each village's acting head
        if ab := _acting_by_place(ctx, taken, body):
            cands.extend(ab)
    paired: Optional[Intervals] = None
    makeup: Optional[tuple[int, int, int]] = None  # (body start, end, sentence end) of X terdiri dari ...
    if "pimpinan" in words and (makeup := _owned_makeup(ctx)) is not None:
        ctx.makeup = makeup  # DPRD X memiliki lima pimpinan, yaitu Budi (PDIP) yang menjabat sebagai ketua
    if pairs and ("(" in text or "untuk " in text or "memimpin " in text):
        # pasangan bupati/wakil bupati yang dilantik masing-masing: Kabupaten X (A dan B), ...
        pl, paired = _pair_lists(ctx, taken, body)  # (paired None where no list was read)
        if pl:
            cands.extend(pl)
    if _has_word(lw, text, "diketuai") and _CHAIR_CUE_WORDS.intersection(words):
        # Komisi A diketuai Budi, sekretaris Rudi, dan wakil ketua Ani: the body's line-up
        chairs, ccov = _chair_lists(ctx, taken, body)
        if chairs:
            cands.extend(chairs)
            if paired is None:
                paired = ccov
            else:
                for a, b in ccov.spans:  # type: ignore[union-attr]
                    paired.add(a, b)
    if pairs and " pasangan " in text:
        # Budi dan Rudi menjadi pasangan gubernur dan wakil gubernur dari Bali
        if pb := _pair_become(ctx, taken, body):
            cands.extend(pb)
    # (a word found nowhere in the text is found in no window of it: one scan each, not one per head)
    has_oleh, has_yakni, has_yaitu = " oleh " in text, "yakni" in text, "yaitu" in text
    for m in _heads(lx, text, 0, lw, body):
        head_spans.append((m.start, m.end))
        if m.start < consumed_until or (rotated is not None and rotated.covers(m.start)) or (
            handed is not None and handed.covers(m.start)
        ) or (
            paired is not None and paired.covers(m.start)
        ):
            continue
        pw = prev_word(text, m.start)
        prev = pw.casefold() if pw is not None else ""
        held = prev in _OFFICE_WORDS and _held_office(text, m.start, m.end, pw)  # type: ignore[arg-type]
        if (
            prev in lx.not_after
            and not held
            and not (prev in _OWNER_PLACES and not m.lower and _holder_named(ctx, m, taken))
        ) or (
            not_after_end >= 0 and _COORD_GAP.fullmatch(text, not_after_end, m.start) is not None
        ):
            # Pemilu Bupati dan Wakil Bupati Kediri: the coordinated head names the same election
            if not m.lower:
                consumed_until = m.end
                not_after_end = m.end
            continue
        not_after_end = -1
        if m.start < body and not headline.caption(m.start):
            continue
        if taken.covers(m.start):
            continue
        # a list laid out one office per line (1. Fraksi Golkar / Ketua Budi Santoso; Ketua
        # Komisi A: Budi Santoso): the row reads like a headline, the layout names the holder
        row_at = -1 if m.lower or m.start < body else _row_start(text, m.start)
        lst = _list_row(ctx, m, row_at) if row_at >= 0 else None
        cand: Optional[Candidate]
        if (
            (group_ok := m.row.shared or prev == "para" or (m.modifier is not None and m.modifier.id == "wakil"))
            and text.find(":", m.end, m.end + 40) >= 0
            or (group_ok or m.row.takes == "place") and _roster_below(text, m.end)
        ) and not _not_lower(
            lx, text, m, lx.not_office
        ) and not (m.lower and _not_lower(lx, text, m)) and (cl := _colon_list(ctx, m)) is not None:
            # Anggota: 1. Budi; 2. Rudi, dan 3. Joko / Anggota tim:\n1. Budi\n2. Rudi: each holds it
            # (Lima peratin yang dilantik adalah,\n1.BUDI, Pekon A\n2.RUDI, Pekon B: each in his place)
            pend, names, units = cl
            items, _, _ = _read_items(ctx, m.row, m.end, pend, True)
            region = next((it.region for it in items if it.region is not None), None)
            for k, nm in enumerate(names):
                cands.append(Candidate(
                    m.start, pend, m.row, m.acting, m.modifier, nm, region, "officials.group_list", items, m.end,
                    listed=k > 0, unit=units[k],
                ))
                taken.add(nm.start, nm.end)
            consumed_until = max(consumed_until, names[-1].end)
            continue
        if lst is not None:
            cand = _parse_row(ctx, m, taken, lst)
            if cand is None and headline.at(m.start):
                continue
        else:
            cand = None
            if headline.at(m.start):
                # 1. Budi Santoso sebagai Kepala Dinas X: a list's row, not a headline
                if m.lower or m.start < body or (cand := _name_first_row(ctx, m, taken)) is None:
                    continue
        if cand is None and not m.lower and _not_lower(lx, text, m, lx.not_office):
            continue  # 120 Kepala Keluarga (KK): a household, in any case
        group: Optional[str] = _group_before(text, m.start) if prev in _GROUP_WORDS or not prev or prev == "orang" else None
        if cand is None and has_oleh and text.find(" oleh ", m.end, m.end + 80) >= 0 and m.start >= body and (
            hp := _held_by_place(ctx, m)
        ) is not None:
            # penjabat kades yaitu, untuk Desa Raharja oleh Budi, Desa Karyamukti oleh Rudi: each his village's
            label = " ".join(text[m.start:m.end].split())
            for k, (ps, pe, nm) in enumerate(hp):
                cands.append(Candidate(
                    ps, pe, m.row, m.acting, m.modifier, nm, None, "officials.group_list", [], ps, label=label,
                ))
                taken.add(nm.start, nm.end)
            consumed_until = max(consumed_until, hp[-1][2].end)
            continue
        if cand is None and replaced_ and m.start >= body and text.find("ganti", m.end, m.end + 300) >= 0 and (
            rl := _replacement_list(ctx, m)
        ) is not None:
            # Kajari yang dimutasi antara lain Budi diganti Rudi, Ani di ganti Sri: each pair's second holds it
            pend, rpairs = rl
            items, _, _ = _read_items(ctx, m.row, m.end, pend, True)
            region = next((it.region for it in items if it.region is not None), None)
            for k, (a, b) in enumerate(rpairs):
                for nm, rank in ((a, 0), (b, 2)):
                    if rank == 0 and _place_word(ctx, nm):
                        continue  # (Hasundutan di ganti Budi: a place's word, no person)
                    cands.append(Candidate(
                        m.start, pend, m.row, m.acting, m.modifier, nm, region, "officials.group_list", items,
                        m.end, listed=k > 0 or rank == 2, rank=rank,
                    ))
                    taken.add(nm.start, nm.end)
            consumed_until = max(consumed_until, rpairs[-1][1].end)
            continue
        if cand is None and m.start >= body and (
            has_yakni and text.find("yakni", m.end, m.end + 160) >= 0
            or has_yaitu and text.find("yaitu", m.end, m.end + 160) >= 0
            or text.find("antara", m.end, m.end + 160) >= 0
        ) and (m.row.shared or group is not None or text.find(") ", m.end, m.end + 200) >= 0):
            cand = _intro_list(ctx, m, group, taken, own_items)  # para Anggota DPRD Dapil III yakni Budi, Ani dan Rudi
            if own_items:
                # (anggota lainnya yakni Wakil Menteri X Budi, Rudi dan Ani: the first item's own office)
                for oc in own_items:
                    cands.append(oc)
                    taken.add(oc.name.start, oc.name.end)  # type: ignore[union-attr]
                own_items.clear()
        # (Bupati/Wakil Bupati X: the first head is written glued to the slash, read from the second)
        m1 = _slash_first(ctx, m) if pairs and m.modifier is not None and text[m.start - 1:m.start] == "/" else None
        if pairs and cand is None and m.start >= body and (
            text.startswith(" dan Wakil ", m.end) and not m.lower
            or (m.lower and text.startswith(" dan wakil ", m.end)) or m1 is not None
        ):
            pair = _deputy_pair(ctx, m1 if m1 is not None else m, taken)
            if pair is not None:
                # Bupati dan Wakil Bupati Sleman Budi-Rudi: each holder with his own office
                for c in pair:
                    cands.append(c)
                    taken.add(c.name.start, c.name.end)  # type: ignore[union-attr]
                consumed_until = max(consumed_until, pair[1].name.end)  # type: ignore[union-attr]
                continue
        if cand is None and m.start >= body and text.startswith(" dan ", m.end) and (
            pair := _office_pair(ctx, m, taken)
        ) is not None:
            # ketua dan sekretaris (DPC Partai X), Budi dan Rudi: each name holds the office in its turn
            for c in pair:
                cands.append(c)
                taken.add(c.name.start, c.name.end)  # type: ignore[union-attr]
            consumed_until = max(consumed_until, pair[1].name.end)  # type: ignore[union-attr]
            continue
        if cand is None:
            cand = _parse_lower(ctx, m, taken) if m.lower else _parse_at(ctx, m, taken)
        # (masing-masing juru bicara fraksi ...: each of a group, only with the holders named next)
        if (group is not None or (each and _each_before(text, m.start))) and (
            cand is None or cand.name is None
        ) and m.start >= body:
            gn = _group_named_next(ctx, m, group or "masing-masing")
            if gn is not None:
                # enam hakim pratama yang dilantik ... . Mereka adalah Budi, Ani, ... dan Rudi
                pend, names = gn
                items, _, _ = _read_items(ctx, m.row, m.end, pend, True)
                region = next((it.region for it in items if it.region is not None), None)
                spokes = m.row is lx.head_keys.get(("juru", "bicara"))
                for k, nm in enumerate(names):
                    if spokes and (fr := _faction_of(ctx, nm)) is not None:
                        # juru bicara fraksi ... . Mereka adalah Budi (Golkar), ...: the spokesperson of his party's faction
                        cands.append(Candidate(
                            fr[0], fr[1], m.row, None, None, nm, None, "officials.group_named", [], fr[0], label=fr[2],
                        ))
                    else:
                        cands.append(Candidate(
                            m.start, pend, m.row, m.acting, m.modifier, nm, region, "officials.group_named",
                            items, m.end, listed=k > 0,
                        ))
                    taken.add(nm.start, nm.end)
                consumed_until = max(consumed_until, pend)
                if cand is None or cand.pos_end > pend:
                    continue  # (an unnamed reading within the group's office joins the holders)
        if (cand is None or cand.name is None) and m.start >= body and not m.lower and text.find(
            " yang ", m.end, m.end + 60
        ) >= 0 and (pn := _placed_list_next(ctx, m)) is not None:
            # Ketua TP PKK yang dilantik ... . Ani (Gorontalo), Sri (Banten) dan Rina (Papua Barat).
            pend, names = pn
            items, _, _ = _read_items(ctx, m.row, m.end, pend, True)
            places: Optional[str] = _last_word(text, m.start, pend)
            for k, nm in enumerate(names):
                cands.append(Candidate(
                    m.start, pend, m.row, m.acting, m.modifier, nm, None, "officials.group_list", items, m.end,
                    listed=k > 0, unit=_item_unit(ctx, nm, places),
                ))
                taken.add(nm.start, nm.end)
            consumed_until = max(consumed_until, pend)
            continue
        if cand is None or (cand.name is None and m.start < body):
            continue
        if held and cand.rule != "officials.position_named" and cand.rank != 2:
            consumed_until = cand.pos_end  # jabatan Kepala X yang kosong diisi lewat lelang: the office
            continue
        if (
            cand.name is not None and cand.name.end <= cand.pos_start
            and (pw2 := prev_word(text, cand.name.start)) is not None and pw2.casefold() in lx.place_cues
        ):
            continue  # Kepala Desa Sukamaju, Babinsa, ...: a place after a place cue is no name
        if prev in lx.documents and (cand.name is None or _NUMBER_AFTER.match(text, cand.pos_end)):
            consumed_until = cand.pos_end  # Keputusan Presiden Nomor 12: the document
            continue
        if cand.name is None and text.startswith(" terdiri ", cand.pos_end):
            consumed_until = cand.pos_end  # Pimpinan DPRD terdiri dari Ketua ...: a body's make-up, no person
            if cand.items and (sent := ctx.doc.sentence_of(cand.pos_end)) is not None:
                makeup = (cand.items[0].start, cand.pos_end, sent[1])
            continue
        if (
            makeup is not None and makeup[1] < cand.pos_start < makeup[2] and not cand.items
            and cand.unit is None and cand.name is not None and cand.row.canonical in _OFFICER_HEADS
        ):
            cand.unit = (makeup[0], makeup[1])  # ... terdiri dari Ketua Budi: Ketua DPRD
        if cand.name is None and cand.region is None and not cand.row.unique and _GENERIC_AFTER.match(text, cand.pos_end) is not None:
            consumed_until = cand.pos_end  # Kepala BPBD adalah sekda: what the office is, not a holder
            continue
        if group is not None and cand.name is None and ((gs := _group_size(group)) is None or gs > 1):
            ctx.plural_at.add(cand.pos_start)  # 11 Ketua TP PKK Kecamatan se-Kabupaten X dilantik: a group of holders
        if cand.name is None and cand.pos_start >= body and text.endswith(("jadi ", "sebagai "), 0, cand.pos_start):
            _appointed_unnamed(ctx, cand, taken, replaces)  # menunjuk Budi menjadi Kajati X
        cands.append(cand)
        consumed_until = cand.pos_end
        if cand.rank == 2 and cand.name is not None and cand.name.end <= cand.pos_start and text.startswith(
            ",", cand.pos_end
        ):
            # Budi dilantik menjadi Kepala A, Rudi Kepala B dan Sri Kepala C: the verb left out
            for g in _gapped_holders(ctx, cand, taken):
                cands.append(g)
                taken.add(g.name.start, g.name.end)  # type: ignore[union-attr]
                consumed_until = max(consumed_until, g.pos_end)
        if (
            replaces and cand.name is not None and cand.name.end <= cand.pos_start
            and _OWN_NEW_OFFICE.match(text, cand.name.end, cand.pos_start) is None
            and (nr := _replacer(ctx, cand.name, taken)) is not None
        ):
            # Budi menggantikan Rudi sebagai Camat X: Budi holds the office, Rudi held it before
            cand.rank = 0
            cands.append(Candidate(
                cand.pos_start, cand.pos_end, cand.row, cand.acting, cand.modifier, nr, cand.region,
                cand.rule, cand.items, cand.head_end, rank=2, unit=cand.unit, label=cand.label,
            ))
            _take_name(ctx, taken, nr)
        if cand.name is not None:
            taken.add(cand.name.start, cand.name.end)
            ctx.named_end[cand.name.end] = cand.name
            if cand.name.end <= cand.pos_start:
                ctx.named_end[cand.pos_end] = cand.name
                if "digantikan" in words and (succ := _successor(ctx, cand.name, taken, at=cand.pos_end)) is not None:
                    # Budi yang menjabat Kapolda X akan digantikan Rudi: Rudi takes the office
                    cand.rank = 0
                    cands.append(Candidate(
                        cand.pos_start, cand.pos_end, cand.row, _acting_back(ctx, succ) or cand.acting, cand.modifier,
                        succ, cand.region, cand.rule, cand.items, cand.head_end, rank=2, unit=cand.unit, label=cand.label,
                    ))
                    _take_name(ctx, taken, succ)
                    consumed_until = max(consumed_until, succ.end)
            elif (succ := _successor(ctx, cand.name, taken, cand.rank == 0)) is not None:
                # Kepala Dinas X, Budi digantikan oleh Rudi: Rudi holds the office now
                cand.rank = 0
                cands.append(Candidate(
                    cand.pos_start, cand.pos_end, cand.row, _acting_back(ctx, succ) or cand.acting, cand.modifier,
                    succ, cand.region, cand.rule, cand.items, cand.head_end, rank=2,
                ))
                _take_name(ctx, taken, succ)
                consumed_until = max(consumed_until, succ.end)
            elif replaces and (fm := _replaced(ctx, cand.name, taken)) is not None:
                # Kapolsek X kini diisi AKP Budi, menggantikan AKP Rudi: Rudi held the office before
                cands.append(Candidate(
                    cand.pos_start, cand.pos_end, cand.row, cand.acting, cand.modifier, fm, cand.region,
                    cand.rule, cand.items, cand.head_end, rank=0, unit=cand.unit, label=cand.label,
                ))
                taken.add(fm.start, fm.end)
                consumed_until = max(consumed_until, fm.end)
            elif before_ and (fm := _former_holder(ctx, cand.name, taken)) is not None:
                # Camat X dijabat oleh Budi yang sebelumnya dipegang Rudi: Rudi held the office before
                cands.append(Candidate(
                    cand.pos_start, cand.pos_end, cand.row, cand.acting, cand.modifier, fm, cand.region,
                    cand.rule, cand.items, cand.head_end, rank=0, unit=cand.unit, label=cand.label,
                ))
                taken.add(fm.start, fm.end)
                consumed_until = max(consumed_until, fm.end)
            if old_officer and (po := _past_officer(ctx, cand, taken)) is not None:
                # Mendagri Budi (kiri) saat serah terima jabatan dari pejabat lama Rudi: Rudi held it before
                cands.append(Candidate(
                    cand.pos_start, cand.pos_end, cand.row, cand.acting, cand.modifier, po, cand.region,
                    cand.rule, cand.items, cand.head_end, rank=0, unit=cand.unit, label=cand.label,
                ))
                _take_name(ctx, taken, po)
            if successor_ and (sn := _named_successor(ctx, max(cand.pos_end, cand.name.end), taken)) is not None:
                # AKP Budi menjabat Kapolsek X, Kabupaten Y, penggantinya AKP Rudi: Rudi takes the office
                cands.append(Candidate(
                    cand.pos_start, cand.pos_end, cand.row, cand.acting, cand.modifier, sn, cand.region,
                    cand.rule, cand.items, cand.head_end, rank=2, unit=cand.unit, label=cand.label,
                ))
                _take_name(ctx, taken, sn)
                consumed_until = max(consumed_until, sn.end)
            consumed_until = max(consumed_until, cand.name.end)
            if (
                cand.rule == "officials.name_comma_position" and cand.name.end <= cand.pos_start
                and text.endswith(" dan ", 0, cand.name.start)
                and (cos := _co_holder(ctx, cand, taken))
            ):
                # Budi dan Rudi menjabat Staf Ahli; Budi, Rudi dan Ani sebagai Wakil Ketua X: all hold it
                for co in reversed(cos):
                    cands.append(Candidate(
                        cand.pos_start, cand.pos_end, cand.row, cand.acting, cand.modifier, co, cand.region,
                        cand.rule, cand.items, cand.head_end, listed=True, rank=cand.rank,
                    ))
                    taken.add(co.start, co.end)
            if (
                cand.row.shared or group is not None or (roster and _deputies_listed(ctx, cand)) or cand.unit is not None
            ) and cand.name.start >= cand.pos_end:
                gap = text[cand.pos_end:cand.name.start]
                # (set off from the office: a comma, yakni / yaitu, or a group word before it)
                # (but not after unknown words closing the office: anggota Bawaslu Tanah Abang, Budi
                # dan Ani may name a place, then one member and another person)
                introduced = group is not None or "yakni" in gap or "yaitu" in gap or "hadir" in gap or (
                    "," in gap and not (cand.items and cand.items[-1].kind == "unk")
                ) or not (cand.row.shared or group is not None)  # (a roster's deputies: _deputies_listed)
                places = _last_word(text, cand.pos_start, cand.pos_end) if cand.unit is not None else None
                listed = _listed_holders(ctx, cand.name, introduced, places)
                if (n := _group_size(group)) is not None and n != len(listed) + 1:
                    listed = []  # dua anggota DPRD, Budi, Ani dan Rudi: the count says it is no list of them
                body_unit = cand.unit if makeup is not None and cand.unit == (makeup[0], makeup[1]) else None
                for nm in listed:
                    cands.append(Candidate(
                        cand.pos_start, cand.pos_end, cand.row, cand.acting, cand.modifier, nm, cand.region,
                        cand.rule, cand.items, cand.head_end, listed=True,
                        unit=_item_unit(ctx, nm, places) or body_unit,  # (DPRD X ... wakil ketua yaitu A, B: the body's)
                    ))
                    taken.add(nm.start, nm.end)
                    consumed_until = max(consumed_until, nm.end)
    if (replaced_ or "digantikan" in words) and ("Dia " in text or "Ia " in text or "Beliau " in text or "dia " in text):
        _pronoun_replaced(ctx, cands, taken, body)  # Kapolda X Budi dimutasi. Dia diganti Brigjen Rudi.
    if not _FILL_NOUNS.isdisjoint(words) and (
        "ditempati" in text or "diisi" in text or "jabat " in text or "diduduki" in text or "dipegang" in text
    ):
        _anaphoric_fills(ctx, cands, taken, body)  # (jabatan tersebut ditempati Nama)
    if not _REPLACED_NOUNS.isdisjoint(words) and ("iganti" in text or "i ganti" in text):
        _anaphoric_replaced(ctx, cands, taken, body)  # (Posisinya digantikan oleh Nama)
    lw = lower_words(doc)  # (kept in doc.scratch: word look-ups instead of scans of the text)
    # (every reading of _faction_readers needs a faction: Fraksi / fraksi in the text, or a word
    # F-X / F.X, whose F is a letter run of its own; one scan of the lower-case text before three)
    if (lw is None or "f" in words or "fraksi" in lw.low) and (
        "bacakan" in text or "sampaikan" in text or "elalui ju" in text or _has_word(lw, text, "diwakili")
        or _has_word(lw, text, "dibaca") or ("melalui" in words and "fraksi" in words)
    ):
        cands.extend(_faction_readers(ctx, taken, body))
    if _has_word(lw, text, "diketuai") or _has_word(lw, text, "dipimpin") or _has_word(
        lw, text, "dinakhodai"
    ) or _has_word(lw, text, "dikomandoi"):
        cands.extend(_chaired_by(ctx, taken, body))
    if ctx.also_at:
        # Budi yang juga menjabat Sekretaris X: an office besides the holder's main one, ranked
        # below any other office read for him (as a past one is)
        for c in cands:
            if c.rank == 1 and c.name is not None and (c.pos_start, c.name.start) in ctx.also_at:
                c.rank = 0
    offs = _merge(doc, ctx, cands)
    _short_mentions(doc, ctx, offs, head_spans)
    _emit(doc, ctx, offs)


# the words between a holder and his office that the holder before "dan" shares (Budi dan Rudi
# menjabat / sebagai / selaku / dilantik menjadi Staf Ahli)
_SHARED_CUE: Final = re.compile(
    r"[ ]*(?:(?:kembali|juga|masing-masing)[ ]+)?(?:menjabat(?:[ ]+sebagai)?|sebagai|selaku"
    r"|di(?:lantik|angkat|tunjuk|tetapkan)[ ]+(?:menjadi|sebagai))[ ]+\Z"
)


# the officers of a body's make-up (Pimpinan DPRD terdiri dari Ketua ..., Wakil Ketua ...)
_OFFICER_HEADS: Final = frozenset({"Ketua", "Sekretaris", "Bendahara", "Anggota"})
# after a body: DPRD X (secara sah) (telah) memiliki lima pimpinan(,) yaitu / yakni / antara lain / :
_OWNED_MAKEUP: Final = re.compile(
    r"(?:[ ]+(?:secara[ ]+sah|kini|resmi|telah|sudah|akhirnya|pun|baru))*[ ]+(?:memiliki|mempunyai)[ ]+"
    r"(?:[a-z0-9]+[ ]+)?(?:unsur[ ]+)?pimpinan(?:[ ]+(?:baru|definitif))?[ ]*,?[ ]*(?:yaitu|yakni|antara[ ]+lain|:)"
)


def _owned_makeup(ctx: _Ctx) -> Optional[tuple[int, int, int]]:
    """``DPRD Jateng secara sah telah memiliki lima pimpinan, yaitu Budi (PDIP) yang menjabat sebagai
    ketua, serta empat wakil ketua yaitu ...``: the body mention right before the verb, as (start,
    end, end of its sentence), or None; the bare officer words of the sentence are the body's."""
    text = ctx.text
    i = text.find(" pimpinan")
    while i >= 0:
        sent = ctx.doc.sentence_of(i)
        k = bisect.bisect_left(ctx.ag_starts, i) - 1
        if sent is not None and k >= 0 and ctx.ag[k][0] >= sent[0]:
            a0, a1 = ctx.ag[k]
            if (g := _OWNED_MAKEUP.match(text, a1, sent[1])) is not None and g.end() > i:
                return a0, a1, sent[1]
        i = text.find(" pimpinan", i + 9)
    return None


def _co_holder(ctx: _Ctx, cand: Candidate, taken: Intervals) -> list[NameParse]:
    """``Budi dan Rudi menjabat Staf Ahli``, ``Budi, Rudi dan Ani sebagai Wakil Ketua X``: the bare
    names listed before the holder just read (``cand.name``, joined to it by ``dan``, written
    before its office with a holder cue) hold the office too. The list must open the clause (a
    sentence start, punctuation, a lower-case word or a list cue before it) and the office must
    be one (no ``dan`` joining a second office: Budi dan Rudi menjabat Ketua dan Wakil Ketua
    names each his own). Empty when the names are no such list."""
    text, lx = ctx.text, ctx.lx
    nm = cand.name
    assert nm is not None
    if _SHARED_CUE.search(text, nm.end, cand.pos_start) is None or _skip_space(text, nm.end) >= cand.pos_start - 3:
        return []
    if any(it.kind == "conn" and text[it.start:it.end] in ("dan", "serta") for it in cand.items):
        return []
    if (g := _LIST_GAP.match(text, cand.pos_end)) is not None and "," not in g.group(0) and (
        match_head(lx, text, g.end()) is not None
    ):
        return []
    return _names_listed_before(ctx, _and_before(ctx.text, nm.start), taken)


def _and_before(text: str, pos: int) -> int:
    """Where the name before `` dan``/``, dan``/`` serta`` ending at ``pos`` ends."""
    j = _back_space(text, pos)
    j -= 4 if text.endswith("serta", 0, j) else 3
    j = _back_space(text, j)
    if text[j - 1:j] == ",":
        j = _back_space(text, j - 1)
    return j


# the word right before a list of names whose shared office follows after sebagai (seperti Budi,
# Rudi dan Ani sebagai ...): a list cue or an agent's oleh; a verb there may nominate them
_SHARED_OPENERS: Final = frozenset({
    "seperti", "yakni", "yaitu", "oleh", "lain", "diantaranya", "antaranya", "adalah", "ialah", "masing-masing",
})


def _shared_sebagai(ctx: _Ctx, nm: NameParse) -> bool:
    """``Budi, Rudi dan Ani sebagai Wakil Ketua X`` (``nm`` is Ani): a list of bare names opening
    its clause, or after a list cue (``seperti``, ``yakni``, ``oleh`` ...), shares the office
    after ``sebagai``. Not after another word (``mengusulkan Budi dan Rudi sebagai ...``: a
    nominating verb; ``memilih Budi dan Rudi sebagai ...``)."""
    text = ctx.text
    names = _names_listed_before(ctx, _and_before(text, nm.start), Intervals())
    if not names:
        return False
    p = _back_space(text, names[-1].start)
    if p == 0 or text[p - 1] in ",.;:\"'(\n":
        return True
    w = prev_word(text, names[-1].start)
    return w is not None and w.casefold() in _SHARED_OPENERS


def _names_listed_before(ctx: _Ctx, j: int, taken: Intervals) -> list[NameParse]:
    """The bare names of a list ending at ``j`` (``Budi, Rudi`` before ``dan Ani sebagai ...``),
    last first, when the list opens its clause (a sentence start, punctuation, a lower-case word
    before it); empty otherwise (``Bupati Budi dan ...``: an office of his own, a taken name)."""
    text = ctx.text
    out: list[NameParse] = []
    while len(out) < 8:
        co = _bare_name_ending(ctx, j, taken)
        if co is None:
            return []
        out.append(co)
        p = co.start
        while p > 0 and text[p - 1] == " ":
            p -= 1
        if p > 0 and text[p - 1] == "," and len(out) < 8 and (
            (q := _bare_name_ending(ctx, _back_space(text, p - 1), taken)) is not None
        ):
            j = _back_space(text, p - 1)  # Budi, Rudi dan Ani: one more name before the comma
            del q
            continue
        if p > 0 and not (text[p - 1] in ",.;:\"'(\n" or text[p - 1].islower()):
            return []
        return out
    return []


def _back_space(text: str, j: int) -> int:
    """``j`` moved back over the spaces before it."""
    while j > 0 and text[j - 1] == " ":
        j -= 1
    return j


def _bare_name_ending(ctx: _Ctx, j: int, taken: Intervals) -> Optional[NameParse]:
    """A bare list name (no office opens it, not read before) that ends exactly at ``j``."""
    text, lx = ctx.text, ctx.lx
    run = _NAME_RUN_BACK.search(text, max(0, j - 60), j)
    if run is None:
        return None
    for sm in _CAP_START.finditer(text, run.start(), j):
        s = sm.start()
        w = text[s:text.find(" ", s, j) if text.find(" ", s, j) > 0 else j]
        if w.casefold() in lx.stop and w not in lx.given:
            continue  # (Sementara Budi: a sentence opener)
        if match_head(lx, text, s) is not None or taken.overlaps(s, j):
            return None  # Bupati Budi dan Rudi menjabat ...: Budi has an office of his own
        co = _list_name(ctx, s, j)
        if co is None or co.start != s or co.end != j:
            return None
        return co
    return None


def _has_word(lw: Optional[LowerWords], text: str, word: str) -> bool:
    """Is the lower-case ``word`` a whole letter run of the text (a set look-up on an ASCII
    text; a scan for it otherwise)?"""
    return word in lw.words if lw is not None else word in text


# a rotation list item: Nama(,) (yang) sebelumnya (menjabat) (sebagai) LAMA menjadi BARU;
# Nama, jabatan lama LAMA, jabatan baru BARU
_ROT_OLD: Final = re.compile(
    r"(?:sebelumnya|semula)(?:[ ]+(?:menjabat|adalah|duduk))?(?:[ ]+sebagai)?[ ]+|jabatan[ ]+lama(?:nya)?[ ]*:?[ ]*"
    r"|dari[ ]+(?:jabatan[ ]+)?"
)
# the new office: (kini) menjadi / menjabat (sebagai) / dilantik sebagai / berpindah tugas ke ...,
# or kini alone (Budi, sebelumnya Kepala A, kini Kepala B)
_ROT_NEW: Final = re.compile(
    r"[ ]*,?[ ]*(?:(?:(?:kini|sekarang|saat[ ]+ini|lalu|kemudian)[ ]+)?(?:resmi[ ]+)?(?:(?:men)?jadi"
    r"|menjabat(?:[ ]+(?:sebagai|menjadi))?"
    r"|(?:dilantik|diangkat|ditunjuk|dipercaya|ditugaskan|ditempatkan|dikukuhkan|bertugas)(?:[ ]+[A-Z][A-Za-z]+)?[ ]+(?:sebagai|menjadi)"
    r"|(?:berpindah|pindah|bergeser|digeser|dimutasi|dirotasi)(?:[ ]+tugas)?[ ]+(?:sebagai|menjadi|ke)"
    r"|(?:harus[ ]+)?(?:duduk[ ]+di[ ]?kursi|menduduki[ ]+(?:jabatan|kursi|posisi)(?:[ ]+baru)?(?:[ ]+sebagai)?))"
    r"|kini|sekarang|jabatan[ ]+baru(?:nya)?[ ]*:?)[ ]*(?=[A-Za-z])"
)
# an old post that is no office of the lexicon (guru di SMAN 1 X, bertugas sebagai guru di Y, di SMKN Z):
# a short run of words, no sentence end, up to the new office's cue
_ROT_OLD_FREE: Final = re.compile(r"[a-z][\w'’/.-]*(?:[ ]+[\w'’/.-]+){0,9}?(?=[ ]*,?[ ]*(?:kini|sekarang|saat[ ]+ini)\b)")
# the separator before the next rotation item's name (..., Nama2 / dan Nama2 / serta Nama2)
_CUT_BEFORE_ITEM: Final = re.compile(r"[ ]*(?:,[ ]*(?:dan[ ]+|serta[ ]+)?|[ ]+(?:dan|serta)[ ]+)(?:[a-z]{1,3}\.?[ ]+)?\Z")
# Nama dari Puskesmas A jadi Kepala UPTD Puskesmas B: after dari the place or body the holder leaves (a
# run of capitalised words, no office), right before the new office's cue
_ROT_OLD_BODY: Final = re.compile(
    r"[A-Z][\w'’-]*(?:[ ]+(?:[A-Z][\w'’-]*|\d{1,3})){0,5}"
    r"(?=[ ]+(?:(?:men)?jadi|ditempatkan[ ]+(?:men)?jadi|(?:dimutasi|dirotasi|digeser|dipindah(?:kan)?)[ ]+(?:men)?jadi)[ ]+[A-Z])"
)
# a school head's office followed by its school: kepala sekolah di SMAN 2 X
_AT_SCHOOL: Final = re.compile(r"[ ]+di[ ]+(?=(?:SD|SMP|SMA|SMK|SLB|MI|MTs|MA)[A-Z]{0,3}N?\b)")
_LETTER_RUN: Final = re.compile(r"[A-Za-z]+")
# verbs of a new office, one of which must be in the text for "Nama dari LAMA ... BARU" to be read
_ROT_FROM_VERBS: Final = frozenset({
    "menjabat", "menjadi", "dilantik", "diangkat", "ditunjuk", "dimutasi", "dirotasi", "digeser", "bergeser", "menggeser",
    "jadi",
})


# after a holder's new office: (, yang) menggantikan (posisi) Nama / . Menggantikan Nama: the office's past holder
_REPLACED_NEXT: Final = re.compile(
    r"[ ]*(?:,[ ]*(?:yang[ ]+)?|\.[ ]+(?=M))?(?:[Mm]enggantikan)(?:[ ]+(?:posisi|jabatan|kedudukan))?[ ]+(?=[A-Z])"
)


def _replaced_next(ctx: _Ctx, pos: int, taken: Intervals) -> Optional[NameParse]:
    """The name after ``<office>(, yang) menggantikan`` or after ``<office>. Menggantikan`` (the next
    sentence opening with the verb) right after ``pos``: the holder the office's new holder replaces."""
    text = ctx.text
    if text.find("enggantikan", pos, pos + 24) < 0:
        return None
    g = _REPLACED_NEXT.match(text, pos)
    return _closed_name_at(ctx, g.end(), taken) if g is not None else None


# an appointer's verb before the appointee (Jaksa Agung menunjuk Budi menjadi Kajati X), and the
# appointee's passive verb before the office (Budi diangkat jadi Komandan X menggantikan Rudi)
_APPOINTER: Final = frozenset({"menunjuk", "mengangkat", "melantik", "menetapkan", "memilih", "mempercayakan"})
_APPOINTEE_CUE: Final = re.compile(
    r"(?:diangkat|ditunjuk|dilantik|dipromosikan|dimutasi|ditetapkan)[ ]+(?:men)?jadi[ ]+\Z|(?<=[ ])(?:men)?jadi[ ]+\Z|sebagai[ ]+\Z"
)


def _appointed_unnamed(ctx: _Ctx, cand: Candidate, taken: Intervals, replaces: bool) -> None:
    """An office read with no holder after ``menjadi``/``jadi``/``sebagai``: ``menunjuk Budi
    menjadi Kajati X`` (an appointer's verb, the appointee, the cue) gives Budi the office (rank
    2); ``Budi diangkat jadi Komandan X menggantikan Rudi`` (a passive appointment verb right
    before the office) gives it to Rudi as its past holder (rank 0). Sets ``cand.name``."""
    text = ctx.text
    cm = _APPOINTEE_CUE.search(text, max(0, cand.pos_start - 30), cand.pos_start)
    if cm is None:
        return
    if not cm.group(0).startswith("di"):
        nm = _name_before(ctx, cm.start(), taken, selaku=True)
        if nm is not None and (pw := prev_word(text, nm.start)) is not None and pw.casefold() in _APPOINTER:
            cand.name, cand.rank, cand.rule = nm, 2, "officials.name_comma_position"
            _take_name(ctx, taken, nm)
        return
    if replaces and (rp := _replaced_next(ctx, cand.pos_end, taken)) is not None:
        cand.name, cand.rank, cand.rule = rp, 0, "officials.position_named"
        _take_name(ctx, taken, rp)


# a rotation list row: (- ) Nama (LAMA, kemungkinan jabatan baru BARU): the cue before the new office;
# a hedge (kemungkinan, diusulkan, rencana, calon) leaves the old office the one held
_ROW_NEW: Final = re.compile(
    r",[ ]*(?P<hedge>(?:kemungkinan|diusulkan|direncanakan|rencana|calon)[ ]+)?"
    r"(?:jabatan[ ]+baru(?:nya)?|kini|sekarang|menjadi|dimutasi[ ]+(?:menjadi|ke)|pindah[ ]+ke)[ ]*:?[ ]*(?=[A-Z])"
)
_ROW_OPEN: Final = re.compile(r"(?m)^[ \t]*(?:[-•*–]|\d{1,2}[.)])?[ \t]*(?=\S)")


def _rotation_rows(ctx: _Ctx, taken: Intervals, body: int, cands: list[Candidate]) -> list[tuple[int, int]]:
    """Rows of a rotation list, one a line: ``- Budi Santoso (Kepala Dinas A, kemungkinan jabatan baru
    Kepala Dinas B)``, ``1. Rudi (Camat X, jabatan baru Kepala Bappeda)``: the name, then in
    parentheses the old office and after a comma the new one. The new office is the holder's
    (rank 2), unless the cue is hedged (kemungkinan, diusulkan: the old office is the one held).
    Returns the spans of the rows' parentheses (their offices are not read again)."""
    text, lx = ctx.text, ctx.lx
    spans: list[tuple[int, int]] = []
    p = text.find(" (", body)
    while p >= 0:
        q = p + 2
        p = text.find(" (", q)
        close = text.find(")", q, q + 240)
        if close < 0 or text.find("\n", q, close) >= 0 or (nw := _ROW_NEW.search(text, q, close)) is None:
            continue
        ls = text.rfind("\n", 0, q) + 1
        if ls < body or text[close + 1:close + 2].strip() or (op := _ROW_OPEN.match(text, ls, q)) is None:
            continue  # (the row ends with its parentheses)
        nm = parse_name(lx, text, op.end(), q - 2, ctx.regions, memo=ctx.memo)
        if nm is None or nm.start != op.end() or _skip_space(text, nm.end) != q - 1 or (
            taken.overlaps(nm.name_start, nm.name_end) or match_head(lx, text, nm.name_start) is not None
        ):
            continue
        hedged = nw.group("hedge") is not None
        s0, e0 = (q, nw.start()) if hedged else (nw.end(), close)
        m = match_head(lx, text, s0)
        if m is None or m.start != s0 or m.lower:
            continue
        items, _, _ = _read_items(ctx, m.row, m.end, e0)
        pend = e0  # (the office as written up to the cue or the parenthesis: Bidang A, B dan C)
        while pend > m.end and text[pend - 1] == " ":
            pend -= 1
        region = next((it.region for it in items if it.region is not None), None)
        cands.append(Candidate(
            m.start, pend, m.row, m.acting, m.modifier, nm, region, "officials.name_comma_position", items,
            m.head_end, rank=2,
        ))
        _take_name(ctx, taken, nm)
        spans.append((q, close))  # (the offices in the parentheses are read here only)
    return spans


def _rotations(
    ctx: _Ctx, taken: Intervals, body: int, cands: list[Candidate], from_: bool = False
) -> Optional[Intervals]:
    """Rotation lists: ``Budi yang sebelumnya (menjabat) Kepala Dinas A menjadi Kepala Dinas B,
    Rudi, yang sebelumnya ... kini berpindah sebagai ...``; ``Budi, jabatan lama Kepala A, jabatan
    baru Kepala B.``; ``Budi yang semula Kepala A kini menjabat Kepala B``; with ``from_`` also
    ``Budi dari Kepala A (kini) menjabat (sebagai) Kepala B``: each name holds its own new
    office (rank 2), read before the offices' own rules (which would give a new office to the
    next name after its comma). Appends the candidates; returns the spans of the old and new
    offices read (their heads are not read again), or None."""
    text, lx = ctx.text, ctx.lx
    hits: list[int] = []
    for kw in ("sebelumnya ", "semula ", "jabatan lama", "dari ") if from_ else ("sebelumnya ", "semula ", "jabatan lama"):
        p = text.find(kw, body)
        while p >= 0:
            if (not p or not text[p - 1].isalnum()) and (kw != "dari " or text[p + 5:p + 6].isupper()):
                hits.append(p)
            p = text.find(kw, p + len(kw))
    if not hits:
        return None
    hits.sort()
    spans: list[tuple[int, int]] = []
    runs = lx.any_first_runs  # a head opens with one of these letter runs (a look-up before match_head)
    for n, p in enumerate(hits):
        om = _ROT_OLD.match(text, p)
        if om is None:
            continue
        mo = None
        if runs is None or ((rm := _LETTER_RUN.match(text, om.end())) is not None and rm.group().lower() in runs):
            mo = match_head(lx, text, om.end())
        old_end = mo.end if mo is not None else -1
        if mo is None:
            # Budi, yang sebelumnya guru di SMAN 1 X, kini kepala SMAN Y: an old post the lexicon
            # has no head for, closed by kini / sekarang before the new office (only after yang sebelumnya)
            if text.startswith("dari ", p) and (fb := _ROT_OLD_BODY.match(text, om.end())) is not None:
                old_end = fb.end()  # Budi dari Puskesmas A jadi Kepala UPTD B: the body he leaves
            elif text[p:p + 10] != "sebelumnya" or text[max(0, p - 5):p] != "yang " or (
                fm := _ROT_OLD_FREE.match(text, om.end())
            ) is None or text.find(".", om.end(), fm.end()) >= 0:
                continue
            else:
                old_end = fm.end()
        cs = p
        if text[max(0, p - 5):p] == "yang " and (p < 6 or not text[p - 6].isalnum()):
            cs = p - 5
        nm = _name_before(ctx, cs, taken, selaku=True)
        if nm is None:
            continue
        nl = text.find("\n", old_end)
        limit = min(len(text), p + 320, hits[n + 1] if n + 1 < len(hits) else len(text), nl if nl >= 0 else len(text))
        mn = nw = None
        for nw in _ROT_NEW.finditer(text, old_end, limit):
            # (a cue before words that open no office: kini telah dilantik sebagai ... reads the later cue)
            if (mn := match_head(lx, text, nw.end())) is not None:
                break
        if mn is None or nw is None or (sent := ctx.doc.sentence_of(om.end())) is None or nw.start() >= sent[1]:
            continue  # (the new office in the old one's sentence: the document's split knows H., Drs.)
        if text.startswith("dari", p) and text.find(" yang ", old_end, nw.start() + 1) >= 0:
            continue  # Budi dari Kepala Desa X yang kini menjabat ...: the head's own new office
        c = _parse_lower(ctx, mn, taken) if mn.lower else _parse_at(ctx, mn, taken)
        if c is None and mn.lower and (read := _read_appos(ctx, mn)) is not None and read[3] and any(
            it.kind in ("unit", "region") for it in read[1]
        ):
            # kini kepala SMAN Y.: a lower-case office with its unit, closed by punctuation
            items = read[1]
            region = next((it.region for it in items if it.region is not None), None)
            c = Candidate(mn.start, read[0], mn.row, mn.acting, mn.modifier, None, region,
                          "officials.name_comma_position", items, mn.head_end)
        if c is None and (sm := _AT_SCHOOL.match(text, mn.end)) is not None and (
            lx.head_keys.get(("kepala", "sekolah")) is mn.row
        ):
            # kepala sekolah di SMAN 2 X: the school after di is the office's unit
            read = _read_appos(ctx, HeadMatch(sm.end(), sm.end(), sm.end(), sm.end(), mn.row, None, None, True))
            if read is not None and read[3] and read[1]:
                c = Candidate(mn.start, read[0], mn.row, mn.acting, mn.modifier, None, None,
                              "officials.name_comma_position", read[1], mn.head_end)
        if c is None or c.pos_start != mn.start:
            continue
        pend = c.pos_end
        if c.rule == "officials.position_name" and c.name is not None and c.name.start >= pend:
            pend = c.name.name_end  # jabatan baru Kepala KUA Kecamatan Dawe. Sumarni, ...: the place, no name
        c_items = c.items
        if n + 1 < len(hits) and hits[n + 1] < pend and text.startswith("dari ", hits[n + 1]) and (
            (nb := _name_before(ctx, hits[n + 1], taken, selaku=True)) is not None and nb.start > mn.end
        ):
            # ... jadi Kepala UPTD A dan Rahmi dari Puskesmas A menjadi ...: the next item's name ends the office
            cut = _CUT_BEFORE_ITEM.search(text, mn.end, nb.start)
            if cut is not None:
                pend = cut.start()
                c_items = [it for it in c.items if it.end <= pend]
        cands.append(Candidate(
            c.pos_start, pend, c.row, c.acting, c.modifier, nm, c.region, "officials.name_comma_position",
            c_items, c.head_end, rank=2, unit=c.unit, label=c.label,
        ))
        _take_name(ctx, taken, nm)
        spans.append((om.end() if mo is not None else mn.start, pend))
        if (rp := _replaced_next(ctx, pend, taken)) is not None:
            # ... kini kepala SMAN Y. Menggantikan Rudi yang dipindah ke ...: Rudi held the office before
            cands.append(Candidate(
                c.pos_start, pend, c.row, c.acting, c.modifier, rp, c.region, "officials.name_comma_position",
                c.items, c.head_end, rank=0, unit=c.unit, label=c.label,
            ))
            taken.add(rp.start, rp.end)
    return _merged(spans) if spans else None




# a command or office written as its unit (Polsek X dijabat / dipimpin Nama): the unit's head and
# the word that opens its office (Kepala Polsek X, Komandan Kodim X)
_UNIT_HEADS: Final[dict[str, str]] = {
    "polsek": "Kapolsek", "polres": "Kapolres", "polresta": "Kapolresta", "polrestabes": "Kapolrestabes",
    "polda": "Kapolda", "kodim": "Dandim", "koramil": "Danramil", "korem": "Danrem", "kodam": "Pangdam",
    "lanal": "Danlanal", "lanud": "Danlanud", "kejari": "Kajari", "kejati": "Kajati", "lapas": "Kalapas",
    "rutan": "Karutan",
}
_UNIT_HELD: Final = re.compile(
    r"\b(?P<u>Polsek|Polres|Polresta|Polrestabes|Polda|Kodim|Koramil|Korem|Kodam|Lanal|Lanud|Kejari|Kejati"
    r"|Lapas|Rutan)(?P<p>(?:[ ]+(?:[A-Z][\w'’-]*|\d[\d/-]*(?:/[A-Z][\w-]*)?)){1,4}?)[ ]+(?:yang[ ]+)?"
    r"(?P<t>(?:kini|sekarang|kemudian|selanjutnya|akan|sebelumnya|semula)[ ]+)?"
    r"(?:di[ ]?jabat|dipimpin|dikomandani)(?:[ ]+oleh)?[ ]+(?=[A-Z])"
)
# words before the unit that leave it the subject of the sentence (Sementara Polsek X dijabat ...)
_UNIT_OPENERS: Final = frozenset({"jabatan", "kini", "sementara", "sedangkan", "dan", "kemudian", "lalu", "adapun", "sekarang"})


def _unit_held(ctx: _Ctx, taken: Intervals, body: int, cands: list[Candidate]) -> None:
    """``Polsek Kasembon dijabat AKP Budi``, ``Kodim 0816/Sidoarjo kini dipimpin Letkol Inf Budi``: a
    command named by its unit, the holder after the verb; the position is the unit's office
    (``Kapolsek Kasembon``, canonical ``Kepala Kepolisian Sektor Kasembon``), current (rank 2)
    or past after ``sebelumnya``/``semula`` (rank 0). The unit must open the clause (a sentence
    start, punctuation or a conjunction before it): ``apel di Polres X dipimpin Nama`` is read
    by no one here."""
    text, lx = ctx.text, ctx.lx
    for m in _UNIT_HELD.finditer(text, body):
        head = _UNIT_HEADS[m.group("u").casefold()]
        row = lx.head_keys.get((head.casefold(),))
        if row is None:
            continue
        pw = prev_word(text, m.start())
        if pw is not None and pw[:1].islower() and pw.casefold().strip() not in _UNIT_OPENERS:
            continue
        j = m.start()
        while j > 0 and text[j - 1] == " ":
            j -= 1
        if pw is not None and pw[:1].isupper() and text[j - 1:j].isalpha() and pw.casefold().strip() not in _UNIT_OPENERS:
            continue  # (Apel Polres X dipimpin ...: the unit is no subject)
        nm = _closed_name_at(ctx, m.end(), taken)
        if nm is None:
            continue
        t = m.group("t") or ""
        ps, pend = m.start("p") + 1, m.end("p")
        region = ctx.region_at(ps, None, False) if text[ps:ps + 1].isupper() else None
        # (the position is the head + the unit's place: label + text; its canonical the head's)
        cands.append(Candidate(
            ps, pend, row, None, None, nm, region[1] if region is not None and region[0] <= pend else None,
            "officials.position_named", [], ps, rank=0 if ("sebelum" in t or "semula" in t) else 2, label=head,
        ))
        _take_name(ctx, taken, nm)


# a handover of an office: (acara) sertijab / serah terima jabatan (Sertijab) / (jabatan) ... diserahterimakan
_HANDOVER: Final = re.compile(
    r"\b(?:[Ss]ertijab|SERTIJAB|[Ss]erah[ ]+[Tt]erima[ ]+[Jj]abatan(?:[ ]*\([ ]*[Ss]ertijab[ ]*\))?"
    r"|diserahterimakan)(?:[ ]+(?:(?:pula|juga)[ ]+)?(?:[Jj]abatan[ ]+)?|(?=[,:]))"
)
_HANDOVER_TO: Final = re.compile(r"[ ]*,?[ ]*(?:ke(?:pada)?)[ ]+(?=[A-Z])")
# jabatan yang diserahterimakan, yakni / adalah / antara lain: the items follow in the sentence
_HANDOVER_LIST_CUE: Final = re.compile(
    r"[ ]*[,:]?[ ]*(?:yakni|yaitu|adalah|ialah|antara[ ]+lain|meliputi|di[ ]?antaranya)[ ]*[,:]?[ ]*(?=[A-Z])"
)


def _handovers(ctx: _Ctx, taken: Intervals, body: int, cands: list[Candidate]) -> Optional[Intervals]:
    """``Sertijab Kapolres X dari AKBP Budi kepada AKBP Rudi``, ``Serah terima jabatan Kepala Dinas
    X dari Budi kepada Rudi``, ``Jabatan Kapolsek X diserahterimakan dari Budi kepada Rudi``: the
    office handed over, its past holder (rank 0) and its new one (rank 2). Appends the
    candidates; returns the offices' spans (not read again), or None."""
    text, lx = ctx.text, ctx.lx
    spans: list[tuple[int, int]] = []
    for h in _HANDOVER.finditer(text, body):
        le = text.find("\n", h.end())
        if le > 0 and text[le - 1] == ":" or le < 0 and text.rstrip().endswith(":"):
            # Jabatan yang diserahterimakan adalah:\n Pangdam I/BB dari A kepada B;\n ...: the items below
            _handover_items(ctx, taken, le if le > 0 else len(text.rstrip()), cands, spans)
            continue
        colon = text.find(":", h.end(), le if le > 0 else len(text))
        if colon > 0 and text.find(".", h.end(), colon) < 0 and text.find(" dari ", colon, le if le > 0 else len(text)) > 0:
            # ... sertijab tiga jabatan, yakni: Kadis A dari B kepada C; Kadis D dari E kepada F.
            if _handover_items(ctx, taken, colon + 1, cands, spans):
                continue
        if text.startswith("diserahterimakan", h.start()) and (
            cue := _HANDOVER_LIST_CUE.match(text, h.start() + 16)
        ) is not None:
            # tujuh jabatan yang diserahterimakan, yakni Kapolres A dari B kepada C, Kapolres D dari ...
            _handover_items(ctx, taken, cue.end(), cands, spans)
            continue
        if text.startswith("diserahterimakan", h.start()) and not (
            (m := match_head(lx, text, h.end())) is not None and m.start == h.end() and not m.lower
        ):
            # Jabatan Kapolsek X diserahterimakan dari ...: the office stands before the verb
            # (diserahterimakan jabatan Kapolsek X dari ...: after it, read below)
            k = h.start()
            while k > 0 and text[k - 1] == " ":
                k -= 1
            ls = max(body, k - 120)
            m = None
            for hm in _heads(lx, text[:k], ls):
                if m is None or hm.start >= m.end and (m.row.takes != "org" or text[m.end:hm.start].strip()):
                    m = hm  # (the last head before the verb)
                # (Asrena Kasal, Staf Ahli Bupati: a head of the chief served, read with the first)
            if m is None or (dari := _DARI.match(text, h.end())) is None:
                continue
            pend = k
        else:
            m = match_head(lx, text, h.end())
            if m is None or m.start != h.end():
                continue
            dari = _DARI.search(text, m.end, min(len(text), m.end + 120))
            if dari is None:
                continue
            pend = dari.start()
        if "\n" in text[m.start:dari.start()] or "." in text[m.end:pend].replace("Kab.", "").replace("Kec.", ""):
            continue
        items, _, _ = _read_items(ctx, m.row, m.end, pend)
        if items and items[-1].end < pend - 1 and text[items[-1].end:pend].strip():
            continue  # (words after the office that are no part of it)
        if (pair := _handover_names(ctx, taken, dari.end())) is None:
            continue
        spans.append(_handover_pair(ctx, taken, m, items, pair, cands))
        if text.startswith((",", ";", " dan ", " serta "), pair[1].end):
            # ... diserahterimakan dari A kepada B, Kapolres D dari E kepada F dan (jabatan) Kapolres G
            # dari H kepada I: further offices handed over, the verb left out
            _handover_items(ctx, taken, pair[1].end, cands, spans)
    if text.find(" kepada ", body) >= 0:
        _bare_handovers(ctx, taken, body, cands, spans)
    return _merged(spans) if spans else None


# a connective opening the sentence before a verbless handover item: Kemudian, Pangdam IX/Udy dari A
# kepada B; Salah satu di antaranya, Kapolres X dari A kepada B
_HANDOVER_LEAD: Final = re.compile(
    r"(?:Kemudian|Selanjutnya|Lalu|Berikutnya|Selain[ ]+itu|Sementara[ ]+itu|Adapun|Salah[ ]+satu(?:nya)?"
    r"(?:[ ]+di[ ]?antaranya)?|Di[ ]?antaranya|Antara[ ]+lain)[ ]*,?\Z"
)


def _bare_handovers(ctx: _Ctx, taken: Intervals, body: int, cands: list[Candidate], spans: list[tuple[int, int]]) -> None:
    """``(Jabatan) Pangdam Jaya dari Mayjen TNI A kepada Mayjen TNI B.``: an office handed over
    with no verb, opening its sentence or line (or after ``jabatan``), both holders closed names;
    further items may follow (``, Danrem X dari C kepada D``). Read in a text about offices
    handed over (the caller's cue words); spans already read are left alone."""
    text, lx = ctx.text, ctx.lx
    k = text.find(" dari ", body)
    while k >= 0:
        nxt = text.find(" dari ", k + 6)
        to = text.find(" kepada ", k + 6, k + 130)
        if to < 0 or any(a <= k < b for a, b in spans):
            k = nxt
            continue
        ls = max(body, text.rfind("\n", 0, k) + 1, k - 120)
        m = None
        for hm in _heads(lx, text[:k], ls):
            if m is None or hm.start >= m.end and (m.row.takes != "org" or text[m.end:hm.start].strip()):
                m = hm  # (Asrena Kasal: the chief served is read with the first head, as above)
        if m is None or m.lower or taken.covers(m.start):
            k = nxt
            continue
        j = m.start
        while j > ls and text[j - 1] == " ":
            j -= 1
        pw = prev_word(text, m.start)
        if pw is not None and pw.casefold() == "jabatan":
            j -= len(pw)
            while j > ls and text[j - 1] == " ":
                j -= 1
        if not (j == ls == text.rfind("\n", 0, k) + 1 or j > 0 and text[j - 1] in ".;:" or j == body) and (
            (lead := _HANDOVER_LEAD.search(text, max(body, j - 48), j)) is None
            or not (lead.start() == body or lead.start() == text.rfind("\n", 0, k) + 1
                    or text[:lead.start()].rstrip(" ")[-1:] in (".", ";", ":"))
        ):
            k = nxt
            continue  # (Bantuan dari Bupati A kepada B: no office opens the item)
        items, _, _ = _read_items(ctx, m.row, m.end, k)
        if items and items[-1].end < k - 1 and text[items[-1].end:k].strip():
            k = nxt
            continue  # (words after the office that are no part of it)
        if (pair := _handover_names(ctx, taken, k + 6)) is None or _ITEM_CLOSE.match(text, pair[1].end) is None:
            k = nxt
            continue
        spans.append(_handover_pair(ctx, taken, m, items, pair, cands))
        if text.startswith((",", ";", " dan ", " serta "), pair[1].end):
            _handover_items(ctx, taken, pair[1].end, cands, spans)
        k = text.find(" dari ", spans[-1][1] if spans[-1][1] > k else k + 6)


# kursi / tongkat (komando) / posisi / jabatan <office> (kini) diserahkan (kepada|pada) / diisi (oleh) ...:
# the office, then (the office the holder leaves and) its new holder
_SEAT: Final = re.compile(r"\b(?:[Kk]ursi|[Tt]ongkat(?:[ ]+[Kk]omando)?|[Pp]osisi|[Jj]abatan)[ ]+(?=[A-Z])")
_SEAT_GIVEN: Final = re.compile(
    r"[ ]*,?[ ]+(?:(?:kini|kemudian|lalu|selanjutnya|akhirnya|pun)[ ]+)?"
    r"(?:(?:diserahkan|dipercayakan|dilimpahkan|diberikan)[ ]+(?:kepada|pada|ke)"
    r"|(?:di[ ]?isi|di[ ]?jabat|ditempati|diduduki|dipegang|diemban|dipimpin)(?:[ ]+oleh)?)[ ]+(?=[A-Z])"
)
_SEAT_WORDS: Final = frozenset({"diserahkan", "dipercayakan", "dilimpahkan", "diberikan", "diisi", "isi", "dijabat", "jabat",
                         "ditempati", "diduduki", "dipegang", "diemban", "dipimpin"})
_SEAT_VERBS: Final = ("diserahkan", "dipercayakan", "dilimpahkan", "diberikan", "diisi", "dijabat", "ditempati",
               "diduduki", "dipegang", "diemban", "dipimpin", "di isi", "di jabat")


def _seats_given(ctx: _Ctx, taken: Intervals, body: int, cands: list[Candidate]) -> list[tuple[int, int]]:
    """``Kursi Kapolda X diserahkan pada Kapolda Y Irjen Budi``, ``Posisi Kakorlantas diisi
    Kapolda Z Brigjen Rudi``, ``Tongkat komando Danrem A diserahkan kepada Kolonel Inf Sri``: the
    office named after the seat word goes to the holder named after the verb (rank 2); an office
    written before his name is the one he leaves (rank 0). Returns the offices' spans."""
    text, lx = ctx.text, ctx.lx
    spans: list[tuple[int, int]] = []
    for sm in _SEAT.finditer(text, body):
        m = match_head(lx, text, sm.end())
        if m is None or m.start != sm.end() or m.lower or taken.covers(m.start):
            continue
        le = _line_end(text, m.end)
        g = None
        for v in _SEAT_VERBS:
            vk = text.find(v, m.end, min(le, m.end + 90))
            if vk >= 0 and (g := _SEAT_GIVEN.search(text, m.end, min(le, vk + 40))) is not None:
                break
        if g is None or text.find(".", m.end, g.start()) >= 0 and "." in text[m.end:g.start()].replace("Kab.", ""):
            continue
        items, _, _ = _read_items(ctx, m.row, m.end, g.start())
        if items and text[items[-1].end:g.start()].strip(" ,") or not items and text[m.end:g.start()].strip(" ,"):
            continue  # (words after the office that are no part of it)
        j = g.end()
        old = match_head(lx, text, j)
        oc: Optional[Candidate] = None
        nm: Optional[NameParse]
        if old is not None and old.start == j and not old.lower and (
            (rk := lx.pre_one.match(text, j, min(len(text), j + 40))) is None or rk.start() != j
        ):  # (Irjen Budi: a rank, though Irjen is an office too)
            oc = _parse_at(ctx, old, taken)
            if oc is None or oc.name is None or oc.name.start < oc.pos_end:
                continue
            nm = oc.name
        else:
            nm = _closed_name_at(ctx, j, taken)
        if nm is None or not _closed_after(lx, text, nm.end):
            continue
        region = next((it.region for it in items if it.region is not None), None)
        pend = items[-1].end if items else m.end
        cands.append(Candidate(
            m.start, pend, m.row, m.acting or _acting_back(ctx, nm), m.modifier, nm, region,
            "officials.position_named", items, m.head_end, rank=2,
        ))  # (diisi oleh Plt. Nama: the holder acts in the office)
        spans.append((m.start, pend))
        if oc is not None:
            oc.rank = 0
            cands.append(oc)
            spans.append((oc.pos_start, oc.pos_end))
        _take_name(ctx, taken, nm)
    return spans


def _handover_names(ctx: _Ctx, taken: Intervals, pos: int) -> Optional[tuple[NameParse, NameParse]]:
    """``Nama (,) kepada Nama2`` at ``pos`` (right after ``dari``): the past and the new holder."""
    n1 = _closed_name_at(ctx, pos, taken)
    if n1 is None or (to := _HANDOVER_TO.match(ctx.text, n1.end)) is None:
        return None
    n2 = _closed_name_at(ctx, to.end(), taken)
    return None if n2 is None else (n1, n2)


def _handover_pair(
    ctx: _Ctx, taken: Intervals, m: HeadMatch, items: list[Item], pair: tuple[NameParse, NameParse],
    cands: list[Candidate],
) -> tuple[int, int]:
    """Both holders of a handed-over office: the past one ranks 0, the new one 2. Returns the office's span."""
    pend = items[-1].end if items else m.end
    region = next((it.region for it in items if it.region is not None), None)
    for nm, rank in ((pair[0], 0), (pair[1], 2)):
        cands.append(Candidate(
            m.start, pend, m.row, m.acting, m.modifier, nm, region, "officials.position_named", items,
            m.head_end, rank=rank, listed=rank == 2,
        ))
        _take_name(ctx, taken, nm)
    return (m.start, pend)


_DARI: Final = re.compile(r"[ ]*\bdari[ ]+(?=[A-Z])")
# the opening of an item of a handover list: a new line or ; (a bullet, a number), or , dan / ; dan
_ITEM_OPEN: Final = re.compile(
    r"[ ]*(?:[;,][ ]*)?(?:\n[ \t]*)*(?:(?:[-•*]|\d{1,2}[.)])[ ]*)?(?:(?:dan|serta)[ ]+)?(?:[Jj]abatan[ ]+)?"
)
_ITEM_CLOSE: Final = re.compile(r"[ ]*(?:[;.,]|(?=\n)|\Z|(?=[ ]+(?:dan|serta)[ ]))")


def _handover_items(ctx: _Ctx, taken: Intervals, pos: int, cands: list[Candidate], spans: list[tuple[int, int]]) -> bool:
    """The items of a handover list after its cue's colon at ``pos``: each ``<office> dari Nama
    (,) kepada Nama`` on its own line or after a ``;`` (``Pangdam I/BB dari Mayjen TNI A kepada
    Mayjen TNI B;``), the office opening the item. The past holder ranks 0, the new one 2.
    Reads items until one is of another shape; True when one was read."""
    text, lx = ctx.text, ctx.lx
    read = False
    for _ in range(24):
        op = _ITEM_OPEN.match(text, pos)
        k = op.end()  # type: ignore[union-attr]
        if k >= len(text) or not text[k].isupper():
            break
        m = match_head(lx, text, k)
        if m is None or m.start != k or m.lower:
            break
        le = text.find("\n", m.end)
        dari = _DARI.search(text, m.end, min(m.end + 120, le if le > 0 else len(text)))
        if dari is None or text.find(".", m.end, dari.start()) >= 0 or text.find(";", m.end, dari.start()) >= 0:
            break
        items, _, _ = _read_items(ctx, m.row, m.end, dari.start())
        if items and items[-1].end < dari.start() - 1 and text[items[-1].end:dari.start()].strip():
            break  # (words after the office that are no part of it)
        pair = _handover_names(ctx, taken, dari.end())
        if pair is None or (cl := _ITEM_CLOSE.match(text, pair[1].end)) is None:
            break
        spans.append(_handover_pair(ctx, taken, m, items, pair, cands))
        read = True
        pos = pair[1].end
        if text[cl.start():cl.end()].strip() == ".":
            break  # (a full stop closes the list)
    return read


def _gapped_item(ctx: _Ctx, row: PositionRow, j: int, taken: Intervals) -> Optional[tuple[NameParse, HeadMatch]]:
    """A list item ``Nama <head of row>`` at ``j``: the name and the head after it, or None."""
    text, lx = ctx.text, ctx.lx
    if not text[j:j + 1].isupper():
        return None
    nm = parse_name(lx, text, j, min(len(text), j + 100), ctx.regions, memo=ctx.memo)
    if nm is None or nm.start != j or taken.overlaps(nm.name_start, nm.name_end):
        return None
    if match_head(lx, text, nm.name_start) is not None:
        return None
    mh = None
    # Rudi Penjabat Bupati Y: an acting prefix read into the name
    q = text.find(" ", nm.name_start, nm.name_end)
    while q >= 0:
        if (h := match_head(lx, text, q + 1)) is not None and h.row.id == row.id:
            nm = parse_name(lx, text, j, q, ctx.regions, memo=ctx.memo)
            if nm is None or nm.start != j or _skip_space(text, nm.end) != q + 1:
                return None
            mh = h
            break
        q = text.find(" ", q + 1, nm.name_end)
    if mh is None:
        k = _skip_space(text, nm.end)
        mh = match_head(lx, text, k) if k > nm.end else None
    if mh is None or mh.lower or mh.row.id != row.id:
        return None
    return nm, mh


def _gapped_holders(ctx: _Ctx, first: Candidate, taken: Intervals) -> list[Candidate]:
    """``Budi dipercaya menjadi Penjabat Bupati X, Rudi Penjabat Bupati Y dan Sri Penjabat
    Bupati Z``: after an appointment (rank 2) the further items repeat the head with the
    verb left out, each ``Nama <same head> ...``; the list must close with ``dan``/``serta``
    before its last item. Each item's office runs to the next item's separator. All or none."""
    text = ctx.text
    out: list[Candidate] = []
    pos = first.pos_end
    end = text.find("\n", pos)
    limit = min(len(text), pos + 600) if end < 0 else min(end, pos + 600)
    g = _LIST_GAP.match(text, pos, limit)
    cur = _gapped_item(ctx, first.row, g.end(), taken) if g is not None else None
    closed = False
    while cur is not None and len(out) < 12:
        nm, mh = cur
        closed = "dan" in g.group(0) or "serta" in g.group(0)  # type: ignore[union-attr]
        # the office runs to the separator before the next item, else it ends as read
        iend, nxt = -1, None
        if not closed:
            for sm in _LIST_GAP.finditer(text, mh.end, min(limit, mh.end + 160)):
                if text.find(".", mh.end, sm.start()) >= 0:
                    break
                nxt = _gapped_item(ctx, first.row, sm.end(), taken)
                if nxt is not None:
                    iend, g = sm.start(), sm
                    break
        if iend < 0:
            c = _parse_at(ctx, mh, taken)
            if c is None or c.pos_start != mh.start:
                return []
            iend = c.pos_end
            if c.rule == "officials.position_name" and c.name is not None:
                return []  # a name after the last office: no list of this shape
        items, _, _ = _read_items(ctx, mh.row, mh.end, iend, True)
        region = next((it.region for it in items if it.region is not None), None)
        out.append(Candidate(
            mh.start, iend, mh.row, mh.acting, mh.modifier, nm, region, first.rule, items, mh.head_end, rank=first.rank,
        ))
        cur = nxt
    return out if closed else []


_PAIR_DASH: Final = re.compile(r"[ ]?[-–][ ]?(?=[A-Z])")


def _slash_first(ctx: _Ctx, m: HeadMatch) -> Optional[HeadMatch]:
    """The head written before ``/`` + the deputy's head ``m`` (``Bupati/Wakil Bupati``,
    ``bupati/wakil bupati``): the same head without the modifier, or None."""
    text = ctx.text
    own = text[m.head_start:m.head_end]
    fs = m.start - 1 - len(own)
    if fs < 0 or (fs and text[fs - 1].isalnum()) or text[fs:m.start - 1].casefold() != own.casefold():
        return None
    row = ctx.lx.head_keys.get(tuple(own.casefold().split()))
    if row is None:
        return None
    return HeadMatch(fs, m.start - 1, fs, m.start - 1, row, None, None, lower=text[fs].islower())


def _deputy_pair(ctx: _Ctx, m: HeadMatch, taken: Intervals) -> Optional[list[Candidate]]:
    """``Bupati dan Wakil Bupati Sleman Budi-Rudi`` (or ``Budi dan Rudi``): an office and its
    deputy's (``Wakil`` + the same head) sharing one region or body, then a pair of names: the
    first holds the office, the second the deputy's. None unless all of it is there."""
    text, lx = ctx.text, ctx.lx
    w = text.find("akil ", m.end, m.end + 13) - 1  # (Bupati dan Wakil / Bupati/Wakil / bupati/wakil)
    m2 = match_head(lx, text, w) if w > m.end else None
    own = text[m.start:m.end]
    if m2 is None or m2.start != w or not text[m2.start:m2.end].casefold().startswith("wakil " + own.casefold()):
        return None
    if m.lower and (m2.end >= len(text) or not text[m2.end + 1:m2.end + 2].islower()):
        return None  # (a lower-case pair only before its status word: bupati/wakil bupati terpilih Budi dan Rudi)
    shared = _skip_space(text, m2.start + 6 + len(own))  # Ketua dan Wakil Ketua DPRD X: DPRD X is the first's too
    if shared > m2.end:
        shared = m2.end
    c2 = _parse_at(ctx, m2, taken)
    if c2 is None or (nm := c2.name) is None or nm.start < c2.pos_end or c2.pos_end <= m2.end:
        return None
    items = c2.items
    pend = c2.pos_end
    d = _PAIR_DASH.search(text, nm.name_start, nm.name_end)
    n1: Optional[NameParse]
    if d is None and text.startswith(" dan ", nm.end) and text[nm.end + 5:nm.end + 6].isupper():
        # Wakil Bupati Sleman Budi Santoso dan Rudi Hartono: a second name after the first
        n2 = parse_name(lx, text, nm.end + 5, min(len(text), nm.end + 125), ctx.regions, memo=ctx.memo)
        if n2 is None or n2.start != nm.end + 5 or not _closed_after(lx, text, n2.end):
            return None
        if match_head(lx, text, n2.name_start) is not None or taken.overlaps(n2.name_start, n2.name_end):
            return None
        n1 = nm
    elif d is not None:
        # Budi-Rudi Santoso: one name read over the dash
        n1 = parse_name(lx, text, nm.start, d.start(), ctx.regions, memo=ctx.memo)
        n2 = parse_name(lx, text, d.end(), nm.end, ctx.regions, memo=ctx.memo)
        if n1 is None or n2 is None or n1.start != nm.start or n2.start != d.end() or n2.end != nm.end:
            return None
    else:
        # Wakil Bupati Sleman Budi dan Rudi Santoso: the first name was read as an unknown word of the office
        k = len(items)
        while k and items[k - 1].kind == "unk":
            k -= 1
        if k == len(items) or k == 0 or text[items[-1].end:nm.start] != " dan ":
            return None
        s1 = items[k].start
        n1 = parse_name(lx, text, s1, items[-1].end, ctx.regions, memo=ctx.memo)
        if n1 is None or n1.start != s1 or n1.end != items[-1].end or match_head(lx, text, s1) is not None:
            return None
        n2 = nm
        items = items[:k]
        pend = items[-1].end
    if ctx.regions is not None and (ctx.regions.is_place(n1.name) or ctx.regions.is_place(n2.name)):
        return None
    region = next((it.region for it in items if it.region is not None), None)
    rule = "officials.position_name"
    return [
        Candidate(shared, pend, m.row, None, None, n1, region, rule, items, shared, label=" ".join(own.split())),
        Candidate(m2.start, pend, m2.row, m2.acting, m2.modifier, n2, region, rule, items, m2.head_end),
    ]


def _office_pair(ctx: _Ctx, m: HeadMatch, taken: Intervals) -> Optional[list[Candidate]]:
    """``ketua dan sekretaris, Budi dan Rudi``, ``Ketua dan Sekretaris DPC Partai X, Budi dan Rudi``:
    two offices joined by ``dan`` (the first bare, a body after the second shared by both), a comma
    and two names joined by ``dan`` closing the clause: the first name holds the first office, the
    second the second. None unless all of it is there."""
    text, lx = ctx.text, ctx.lx
    c = text.find(",", m.end + 5, m.end + 150)
    d = text.find(" dan ", c, c + 80) if c >= 0 else -1
    if d < 0 or not text[d + 5:d + 6].isupper() or text.find(".", m.end, c) >= 0 or not all(
        x[:1].isupper() for x in text[c + 1:d].split()
    ):
        return None  # (no comma before a pair of names: , Budi dan Rudi)
    w = (text[m.end + 5:m.end + 20].split(" ", 1)[0].rstrip(",;:").casefold(),)
    if w not in lx.head_first_caps and w not in lx.mod_keys and w not in lx.acting_keys:
        return None  # (no office after dan)
    m2 = match_head(lx, text, m.end + 5)
    lower = text[m.start].islower()
    if m2 is None or m2.start != m.end + 5 or text[m2.start].islower() != lower or m2.row is m.row and (
        (m2.modifier is None) == (m.modifier is None)
    ):
        return None
    para_end = text.find("\n", m2.end, m2.end + 200)
    limit = min(len(text), m2.end + 200) if para_end < 0 else para_end
    items, stop, kind = _read_items(ctx, m2.row, m2.end, limit, lower)
    if kind != "comma" or (
        items and m2.row.takes != "place" and all(it.kind == "unk" for it in items)
    ):
        return None  # (ketua dan sekretaris Budi, ...: unknown words alone may be a name)
    n1 = parse_name(lx, text, stop + 1, limit, ctx.regions, memo=ctx.memo)
    if n1 is None or not text.startswith(" dan ", n1.end):
        return None
    n2 = parse_name(lx, text, n1.end + 5, limit, ctx.regions, memo=ctx.memo)
    if n2 is None or n2.start != n1.end + 5 or not _closed_after(lx, text, n2.end) or text.startswith(
        " dan ", n2.end
    ) or (text.startswith(",", n2.end) and not text[_skip_space(text, n2.end + 1):][:1].islower()):
        return None  # (a longer list of names: no pair)
    for nm in (n1, n2):
        if match_head(lx, text, nm.name_start) is not None or taken.overlaps(nm.name_start, nm.name_end):
            return None
        if ctx.regions is not None and ctx.regions.is_place(nm.name):
            return None
    rule = "officials.position_comma_name"
    pend = items[-1].end if items else m2.end
    region = next((it.region for it in items if it.region is not None), None)
    own = " ".join(text[m.start:m.end].split())
    if items:
        first = Candidate(items[0].start, pend, m.row, None, None, n1, region, rule, items, items[0].start, label=own)
    else:
        first = Candidate(m.start, m.end, m.row, m.acting, m.modifier, n1, None, rule, [], m.end)
    return [first, Candidate(m2.start, pend, m2.row, m2.acting, m2.modifier, n2, region, rule, items, m2.end)]


# a regional head and his deputy named as a pair (bupati/wakil bupati, Bupati dan Wakil Bupati,
# walikota/wakil walikota): the office of every pair listed after it
_PAIR_HEADS: Final = re.compile(
    r"\b(?P<h>[Bb]upati|[Ww]ali[ ]?[Kk]ota|[Gg]ubernur)[ ]*(?:/|[ ]dan[ ])[ ]*[Ww]akil[ ]+"
    r"(?:[Bb]upati|[Ww]ali[ ]?[Kk]ota|[Gg]ubernur)\b"
)
# the words closing the lead-in of the list: (yang dilantik) masing-masing / yakni / yaitu /
# antara lain / adalah / sebagai berikut / di antaranya, with or without a colon, or a colon alone
_PAIR_CUE: Final = re.compile(
    r"(?:\b(?:masing-masing|yakni|yaitu|antara[ ]+lain|adalah|ialah|sebagai[ ]+berikut|di[ ]?antaranya)"
    r"[ ]*:?|:)[ ]*(?=[A-Z]|\d{1,2}[.)][ ]*[A-Z])"
)
# one item: (Head) Region (Name1 dan Name2) / (Name1-Name2)
_PAIR_ITEM: Final = re.compile(
    r"(?:(?P<head>Bupati|Wali[ ]?[Kk]ota|Gubernur)[ ]+)?(?P<type>(?:Kabupaten|Kab\.|Kota|Provinsi)[ ]+)?"
    r"(?P<region>[A-Z][\w'’-]*(?:[ ]+[A-Z][\w'’-]*){0,3})[ ]*\((?P<names>[^()\n]{3,90})\)"
)
_PAIR_SEP: Final = re.compile(r"[ ]*[,;][ ]*(?:(?:dan|serta)[ ]+)?|[ ]+(?:dan|serta)[ ]+")
_PAIR_SPLIT: Final = re.compile(r"[ ]+dan[ ]+|[ ]*[–—][ ]*|(?<=[a-z])-(?=[A-Z])")
_PAIR_ROWS: Final = {"bupati": ("bupati", "wakil bupati"), "walikota": ("walikota", "wakil walikota"),
              "gubernur": ("gubernur", "wakil gubernur")}
_PAIR_TYPES: Final = {"kabupaten": "bupati", "kab.": "bupati", "kota": "walikota", "provinsi": "gubernur"}


_PAIR_LABELS: Final = {"bupati": "Bupati", "walikota": "Wali Kota", "gubernur": "Gubernur"}
# after the names of a pair: (Region) or untuk (provinsi) Region or yang (akan) memimpin Region
_PAIR_TAIL: Final = re.compile(
    r"[ ]*(?P<paren>\()[ ]*|[ ]+(?:untuk|yang[ ]+(?:akan[ ]+)?memimpin)[ ]+"
    r"(?:(?P<type>[Pp]rovinsi|[Kk]abupaten|[Kk]ota)[ ]+)?(?=[A-Z])"
)
_PAIR_MORE: Final = re.compile(r"\b[Pp]asangan[ ]+(?:lain(?:n?ya)?|berikutnya|selanjutnya)\b")
_PAIR_MARK: Final = re.compile(r"\d{1,2}[.)][ ]*")
_PAIR_TAIL_END: Final = re.compile(r"[ ]*(?:[,;.]|\n|\Z|(?:dan|serta)[ ])")


def _pair_candidates(
    lx: OffLex, head: str, pair: Iterable[Any], start: int, end: int, region: Optional[str], label: str
) -> list[Candidate]:
    """The two holders of one pair in a list of pairs (Bupati X Budi, Wakil Bupati X Rudi): the
    head's row for the first name, its deputy's for the second, both over ``start:end``."""
    out: list[Candidate] = []
    for k, (key, nm) in enumerate(zip(_PAIR_ROWS[head], pair)):
        row = lx.head_keys.get(tuple(key.split()))
        if row is None:
            break
        out.append(Candidate(
            start, end, row, None, None, nm, region, "officials.pair_list", [], start,
            label=label if k == 0 else f"Wakil {label}",
        ))
    return out


def _names_first_pair(
    ctx: _Ctx, pos: int, limit: int, heads: set[str], taken: Intervals
) -> Optional[tuple[int, int, int, int, str, str, list[NameParse]]]:
    """One item of a pair list written names first: ``(1.) Budi dan Rudi (Jawa Barat)``,
    ``Budi-Rudi untuk (provinsi) Jambi``, ``Budi-Rudi yang akan memimpin Bali``. The region
    must be known and close the item; its type (or the type word before it) chooses the
    office, which must be among the lead-in's. Returns (item start, item end, region start,
    region end, head, region, the two names)."""
    text = ctx.text
    s0 = pos
    mk = _PAIR_MARK.match(text, pos, limit)
    if mk is not None:
        pos = mk.end()
    if not text[pos:pos + 1].isupper():
        return None
    tail = _PAIR_TAIL.search(text, pos, min(limit, pos + 100))
    if tail is None:
        return None
    names = text[pos:tail.start()]
    if "," in names or ";" in names or ")" in names:
        return None
    sp = _PAIR_SPLIT.search(names)
    if sp is None:
        return None
    pair: list[NameParse] = []
    for a, b in ((pos, pos + sp.start()), (pos + sp.end(), tail.start())):
        nm = _list_name(ctx, a, b) if text[a:a + 1].isupper() else None
        if nm is None or nm.start != a or _skip_space(text, nm.end) < b or taken.overlaps(
            nm.name_start, nm.name_end
        ):
            return None
        pair.append(nm)
    rs = tail.end()
    rg = ctx.region_at(rs, None, True)
    if rg is None:
        return None
    end = rg[0]
    if tail.group("paren") is not None:
        close = _skip_space(text, end)
        if text[close:close + 1] != ")":
            return None
        e0 = close + 1
    else:
        if _PAIR_TAIL_END.match(text, end, limit) is None:
            return None
        e0 = end
    typ = tail.group("type")
    if typ is not None:
        head = _PAIR_TYPES[typ.casefold()]
    else:
        head = "walikota" if rg[1].startswith("Kota ") else "bupati" if rg[1].startswith(
            "Kabupaten ") else "gubernur"
    if head not in heads:
        return None
    pend = end
    while pend > rs and text[pend - 1] == " ":
        pend -= 1
    return s0, e0, rs, pend, head, rg[1], pair


# Budi dan Rudi (juga) menjadi pasangan gubernur dan wakil gubernur (terpilih) dari Bali
_PAIR_BECOME: Final = re.compile(
    r"[ ]+(?:(?:juga|pun|kini|resmi)[ ]+)?(?:menjadi|sebagai|adalah|merupakan)[ ]+pasangan[ ]+"
    r"(?P<h>[Bb]upati|[Ww]ali[ ]?[Kk]ota|[Gg]ubernur)[ ]*(?:dan|/)[ ]*[Ww]akil[ ]+(?:[Bb]upati|[Ww]ali[ ]?[Kk]ota|[Gg]ubernur)"
    r"(?:[ ]+(?:terpilih|definitif))?[ ]+(?:dari|di|untuk)[ ]+(?:(?P<type>[Pp]rovinsi|[Kk]abupaten|[Kk]ota)[ ]+)?(?=[A-Z])"
)


def _pair_become(ctx: _Ctx, taken: Intervals, body: int) -> list[Candidate]:
    """``Budi Santoso, S.E. dan Drs. Rudi Hartono juga menjadi pasangan gubernur dan wakil
    gubernur dari Bali``: the two names opening the sentence hold the head's office of the
    region and the deputy's. The region must be known and of the pair's type."""
    text, lx = ctx.text, ctx.lx
    out: list[Candidate] = []
    i = text.find(" pasangan ", body)
    while i >= 0:
        m = _PAIR_BECOME.search(text, max(body, i - 30), i + 90)
        i = text.find(" pasangan ", i + 10)
        if m is None or m.start() < body:
            continue
        sent = ctx.doc.sentence_of(m.start())
        if sent is None:
            continue
        ss = _skip_space(text, max(sent[0], body))
        nm1 = _list_name(ctx, ss, m.start()) if text[ss:ss + 1].isupper() else None
        if nm1 is None or nm1.start != ss:
            continue
        gap = _LIST_GAP.match(text, nm1.end, m.start())
        if gap is None or "dan" not in text[gap.start():gap.end()]:
            continue
        nm2 = _list_name(ctx, gap.end(), m.start())
        if nm2 is None or nm2.start != gap.end() or _skip_space(text, nm2.end) != m.start() + 1:
            continue
        rg = ctx.region_at(m.end(), None, True)
        if rg is None or _PAIR_TAIL_END.match(text, rg[0]) is None:
            continue
        h = m.group("h").casefold().replace(" ", "")
        typ = m.group("type")
        kind = _PAIR_TYPES[typ.casefold()] if typ is not None else "walikota" if rg[1].startswith(
            "Kota ") else "bupati" if rg[1].startswith("Kabupaten ") else "gubernur"
        if kind != h or taken.overlaps(nm1.name_start, nm1.name_end) or taken.overlaps(nm2.name_start, nm2.name_end):
            continue
        pend = rg[0]
        while pend > m.end() and text[pend - 1] == " ":
            pend -= 1
        for c in _pair_candidates(lx, h, (nm1, nm2), m.end(), pend, rg[1], _PAIR_LABELS[h]):
            out.append(c)
            taken.add(c.name.start, c.name.end)  # type: ignore[union-attr]
    return out


def _pair_lists(ctx: _Ctx, taken: Intervals, body: int) -> tuple[list[Candidate], Optional[Intervals]]:
    """``enam pasangan bupati/wakil bupati yang dilantik masing-masing: Kabupaten Sigi (Budi
    dan Rudi), Poso (Ani-Sri), dan Walikota Palu (Joko dan Tono)``: a regional head and his
    deputy named once as a pair, then a list of regions each with the pair's two names in
    parentheses; the first name holds the head's office of that region, the second the
    deputy's. Every region must be known (or typed: Kabupaten, Kota) and every parenthesis
    must hold two names; candidates (calon, paslon) are no office holders. Returns the
    candidates and the spans of the items read (the heads inside them are not read again;
    None when no list was read)."""
    text, lx = ctx.text, ctx.lx
    out: list[Candidate] = []
    covered: Optional[Intervals] = None
    done = -1  # the end of the last list read
    last_heads: set[str] = set()  # the offices of the last list read (for a later Pasangan lain ...)
    i = text.find("akil ", body)
    while i >= 0:
        # (a look-up of each "wakil" first: the pattern is tried only where one stands)
        lead = _PAIR_HEADS.search(text, max(body, i - 24), i + 20)
        i = text.find("akil ", i + 5)
        if lead is None or (i >= 0 and lead.end() > i) or lead.start() < done:
            continue
        heads = {lead.group("h").casefold().replace(" ", "")}
        nl = text.find("\n", lead.end())
        limit = len(text) if nl < 0 else nl
        cue = _PAIR_CUE.search(text, lead.end(), min(limit, lead.end() + 160))
        if cue is None:
            continue
        between = text[max(body, lead.start() - 40):cue.start()]
        if "." in text[lead.end():cue.start()] or "(" in text[lead.end():cue.start()]:
            continue  # (the cue in another sentence, or a pair already named)
        if "calon" in between.casefold() or "paslon" in between.casefold():
            continue  # pasangan calon bupati/wakil bupati: candidates, no office holders
        for h in _PAIR_HEADS.finditer(text, lead.end(), cue.start()):
            heads.add(h.group("h").casefold().replace(" ", ""))  # bupati/wakil bupati dan walikota/wakil walikota
        pos = cue.end()
        items: list[Candidate] = []
        region: Optional[str]
        while True:
            it = _PAIR_ITEM.match(text, pos, limit)
            if it is not None and it.group("head") is None and it.group("type") is None and ctx.region_at(
                it.start("region"), None, True
            ) is None:
                it = None  # (Budi-Rudi (Bali): names before the parenthesis, no region)
            if it is None:
                # 1. Budi dan Rudi (Jawa Barat); Ani-Sri untuk provinsi Bali: the names first
                nf = _names_first_pair(ctx, pos, limit, heads, taken)
                if nf is None:
                    break
                s0, e0, rs, pend, head, region, pair = nf
                label = " ".join(w[:1].upper() + w[1:] for w in lead.group("h").split())
                if head != lead.group("h").casefold().replace(" ", ""):
                    label = _PAIR_LABELS[head]
                items.extend(_pair_candidates(lx, head, pair, rs, pend, region, label))
                if covered is None:
                    covered = Intervals()
                covered.add(s0, e0)
                sep = _PAIR_SEP.match(text, e0, limit)
                if sep is None:
                    pos = e0
                    break
                pos = sep.end()
                continue
            written = it.group("head")
            typ = it.group("type")
            rs = it.start("region")
            rg = ctx.region_at(rs, None, True)
            if rg is not None and _skip_space(text, rg[0]) != it.start("names") - 1:
                rg = None  # (the region must fill the words before the parenthesis)
            if written is not None:
                head = written.casefold().replace(" ", "")
            elif typ is not None:
                head = _PAIR_TYPES[typ.strip().casefold()]
            elif rg is not None:
                # the region's own type: a regency's pair is no governor's
                head = "walikota" if rg[1].startswith("Kota ") else "bupati" if rg[1].startswith(
                    "Kabupaten ") else "gubernur"
            else:
                head = ""
            if head not in heads or (rg is None and typ is None):
                break
            names = it.group("names")
            sp = _PAIR_SPLIT.search(names)
            if sp is None:
                break
            ns = it.start("names")
            pair = []
            for a, b in ((ns, ns + sp.start()), (ns + sp.end(), it.end("names"))):
                while b > a and text[b - 1] == " ":
                    b -= 1
                nm = _list_name(ctx, a, b) if text[a:a + 1].isupper() else None
                if nm is None or nm.start != a or _skip_space(text, nm.end) < b or taken.overlaps(
                    nm.name_start, nm.name_end
                ):
                    break
                pair.append(nm)
            if len(pair) != 2:
                break
            pend = _skip_space(text, rg[0]) if rg is not None else it.end("region")
            while pend > rs and text[pend - 1] == " ":
                pend -= 1
            label = written if written is not None else lead.group("h")
            label = " ".join(w[:1].upper() + w[1:] for w in label.split())
            region = rg[1] if rg is not None else None
            items.extend(_pair_candidates(lx, head, pair, rs, pend, region, label))
            if covered is None:
                covered = Intervals()
            covered.add(it.start(), it.end())
            pos = it.end()
            sep = _PAIR_SEP.match(text, pos, limit)
            if sep is None:
                break
            pos = sep.end()
        done = pos
        if items:
            for c in items:
                taken.add(c.name.start, c.name.end)  # type: ignore[union-attr]
            out.extend(items)
            last_heads = heads
    if last_heads and (i := text.find("asangan ", done)) >= 0:
        # Pasangan lain yang dilantik yaitu Ani-Sri untuk Jambi; ...: a later list of further pairs
        # of the offices just listed, names first
        while i >= 0:
            more = _PAIR_MORE.match(text, i - 1)
            i = text.find("asangan ", i + 8)
            if more is None:
                continue
            nl = text.find("\n", more.end())
            limit = len(text) if nl < 0 else nl
            cue = _PAIR_CUE.search(text, more.end(), min(limit, more.end() + 120))
            if cue is None or "." in text[more.end():cue.start()] or "calon" in text[more.end():cue.start()]:
                continue
            pos = cue.end()
            while (nf := _names_first_pair(ctx, pos, limit, last_heads, taken)) is not None:
                s0, e0, rs, pend, head, region, pair = nf
                for c in _pair_candidates(lx, head, pair, rs, pend, region, _PAIR_LABELS[head]):
                    out.append(c)
                    taken.add(c.name.start, c.name.end)  # type: ignore[union-attr]
                if covered is None:
                    covered = Intervals()
                covered.add(s0, e0)
                sep = _PAIR_SEP.match(text, e0, limit)
                if sep is None:
                    break
                pos = sep.end()
    return out, covered


# the words right before the first item of a roster of members by unit: (sebagai) berikut,
# (di)antaranya, antara lain, yakni, yaitu, adalah, terdiri atas / dari, dikomposisikan,
# beranggotakan, diisi (oleh), a colon
_ROSTER_CUES: Final = frozenset(
    "berikut diantaranya antaranya lain yakni yaitu adalah ialah atas dari dikomposisikan beranggotakan oleh".split()
)
# a lead-in naming the body the listed people sit in or their membership (Panja, Pansus, panitia,
# tim, badan, struktur / susunan / komposisi anggota, perwakilan, utusan)
_ROSTER_BODY: Final = re.compile(
    r"\b(?:panja|pansus|panitia|tim|badan|banggar|bamus|bapemperda|akd|alat[ ]+kelengkapan|anggota|keanggotaan"
    r"|struktur|susunan|komposisi|dikomposisikan|beranggotakan|perwakilan|utusan|delegasi)\b",
    re.IGNORECASE,
)
# the single words of _ROSTER_BODY, for a look-up in the text's words before any scan
_ROSTER_BODY_WORDS: Final = frozenset(
    "panja pansus panitia tim badan banggar bamus bapemperda akd kelengkapan anggota keanggotaan struktur susunan "
    "komposisi dikomposisikan beranggotakan perwakilan utusan delegasi".split()
)
# one unit of a roster item: Fraksi PARTY or Komisi LETTER (the name follows with no role word)
_ROSTER_UNIT: Final = re.compile(
    r"(?P<u>Fraksi|F\.|Komisi)[ ]+(?:(?P<letter>[A-E]|[IVX]{1,4}|\d{1,2})\b|(?!Partai\b)"
    r"(?P<p>[A-Z][\w&+-]*(?:[ ]+Perjuangan)?))[ ]+(?=[A-Z])"
)
_ROSTER_SEP: Final = re.compile(r"[ ]*[,;][ ]*(?:\.[ ]*)?(?:(?:dan|serta)[ ]+)?|[ ]*\.(?:[ ]+|\Z)|[ ]+(?:dan|serta)[ ]+")


def _unit_rosters(ctx: _Ctx, taken: Intervals, body: int) -> list[Candidate]:
    """``Untuk Panja LKPJ dapat dikomposisikan sebagai berikut Fraksi Golkar Budi Santoso, Fraksi
    PKS Rudi Hartono dan Fraksi Demokrat Ani Lestari``; ``perwakilan komisi diantaranya Komisi A
    Budi, Komisi B Rudi ...``: a roster of members, each written as his faction or commission
    and his name with no role word. The lead-in must state the membership (a body such as
    Panja / Pansus / tim, or anggota / susunan / perwakilan) and end in a list cue right before
    the first item; two items or more. Each is a member of his unit (``Anggota Fraksi Golkar``,
    ``Anggota Komisi A``)."""
    text, lx = ctx.text, ctx.lx
    row = lx.head_keys.get(("anggota",))
    if row is None:
        return []
    out: list[Candidate] = []
    for unit in ("Fraksi ", "Komisi "):
        i = text.find(unit, body)
        while i >= 0:
            j = i
            i = text.find(unit, i + 7)
            k = j
            while k > 0 and text[k - 1] == " ":
                k -= 1
            if text[k - 1:k] != ":" and text[text.rfind(" ", max(0, k - 20), k) + 1:k].casefold() not in _ROSTER_CUES:
                continue  # (the word before the first item: a list cue)
            ls = max(body, j - 200)
            for ch in ".\n":
                ls = max(ls, text.rfind(ch, ls, k) + 1)
            if _ROSTER_BODY.search(text, ls, k) is None:
                continue  # (no body or membership stated before the list)
            nl = text.find("\n", j)
            limit = len(text) if nl < 0 else nl
            items: list[Candidate] = []
            pos = j
            while True:
                um = _ROSTER_UNIT.match(text, pos, limit)
                if um is None:
                    break
                sep = _ROSTER_SEP.search(text, um.end(), min(limit, um.end() + 80))
                end = sep.start() if sep is not None else limit
                nm = _list_name(ctx, um.end(), end + 1)
                if nm is not None and not text[nm.end:end].strip() and not taken.overlaps(
                    nm.name_start, nm.name_end
                ) and (sep is not None and "." not in sep.group(0) or _closed_after(lx, text, nm.end)):
                    items.append(Candidate(
                        um.start(), um.end() - (len(um.group(0)) - len(um.group(0).rstrip())), row, None, None, nm,
                        None, "officials.unit_roster", [], um.start(), label="Anggota",
                    ))
                elif sep is None or not text[um.end():end].istitle():
                    break  # (an item whose name is not read whole is passed over: Fraksi X Budi Bin Rudi)
                if sep is None:
                    break
                pos = sep.end()
                if not text.startswith(("Fraksi ", "F. ", "Komisi "), pos):
                    break
            if len(items) >= 2:
                for c in items:
                    taken.add(c.name.start, c.name.end)  # type: ignore[union-attr]  # (each item is made with a name)
                out.extend(items)
    return out


# a body's line-up with each member's role in lower case in parentheses after his name: Tim seleksi
# terdiri atas ..., yakni Budi (ketua), Ani (sekretaris), dan Rudi serta Joko (anggota)
_LINEUP_ROLE: Final = re.compile(r"[ ]*\((?P<r>(?:[Ww]akil[ ]+)?(?:[Kk]etua|[Ss]ekretaris|[Bb]endahara|[Aa]nggota|[Kk]oordinator))[ ]*\)")
# (the same, found in the text: a literal parenthesis first, one scan)
_LINEUP_FIND: Final = re.compile(r"\((?:[Ww]akil[ ]+)?(?:[Kk]etua|[Ss]ekretaris|[Bb]endahara|[Aa]nggota|[Kk]oordinator)[ ]*\)")
_LINEUP_CUE: Final = re.compile(
    r"(?:[ ]+(?:terdiri[ ]+(?:atas|dari)|beranggotakan|yakni|yaitu|antara[ ]+lain|di[ ]?antaranya|masing-masing"
    r"|sebagai[ ]+berikut|adalah|ialah))+[ ]*:?(?:[ ]+[a-z]+[ ]+orang[ ]*,?(?:[ ]+(?:yakni|yaitu|antara[ ]+lain))?)?"
    r"[ ]*:?[ ]+(?=[A-Z])"
)
# the bodies whose line-up gives offices (Tim, Panitia, Pansel ...) and the words before them that name
# the line-up itself (Susunan pengurus Koperasi X)
_LINEUP_BODIES: Final = frozenset(
    "tim panitia pansel komite majelis dewan badan satgas satuan pokja koperasi forum yayasan komisi lembaga "
    "kelompok gugus juri".split()
)
_LINEUP_LEAD: Final = frozenset("susunan struktur komposisi pengurus kepengurusan anggota keanggotaan personel formasi".split())
_LINEUP_SEP: Final = re.compile(r"[ ]*,[ ]*(?:(?:dan|serta)[ ]+)?|[ ]+(?:dan|serta)[ ]+|[ ]*;[ ]*(?:(?:dan|serta)[ ]+)?")


def _lineup_body(ctx: _Ctx, ss: int, cue: int) -> Optional[tuple[int, int]]:
    """The body named between a sentence's start ``ss`` and the line-up's cue (``Tim seleksi``,
    ``Pansel JPT Pratama Kabupaten Ngawi``; past ``Susunan pengurus``): a body word opening the
    words, which run to the cue with no verb or function word among them; None if there is none."""
    text, lx = ctx.text, ctx.lx
    words = list(_LINE_WORD.finditer(text, ss, cue))
    i = 0
    while i < len(words) and words[i].group(0).casefold() in _LINEUP_LEAD:
        i += 1
    if i >= len(words) or words[i].group(0).casefold() not in _LINEUP_BODIES or len(words) - i > 8:
        return None
    for w in words[i + 1:]:
        t = w.group(0)
        cf = t.casefold()
        if t[0].islower() and (cf in lx.stop or _verbish(lx, cf)) and cf not in lx.unit_words:
            return None  # (Tim yang dibentuk bupati terdiri atas ...: no body's name)
    return words[i].start(), words[-1].end()


def _lineups(ctx: _Ctx, taken: Intervals, body: int) -> list[Candidate]:
    """``Tim seleksi terdiri atas lima orang, yakni Prof. Budi (ketua), Dr. Ani (sekretaris), dan Rudi
    serta Joko (anggota)``: a body's line-up, each name followed by its role in parentheses, a role
    shared by the names listed before it with no role of their own. The sentence opens with the body
    (a body word: tim, panitia, pansel, komite, majelis, koperasi ...) and a cue (terdiri atas/dari,
    beranggotakan, yakni, antara lain ...) brings in the list; each member holds the role in that
    body (Ketua Tim seleksi, Anggota Tim seleksi)."""
    text, lx = ctx.text, ctx.lx
    out: list[Candidate] = []
    done = -1
    for rm in _LINEUP_FIND.finditer(text, body):
        if rm.start() < done:
            continue
        sent = ctx.doc.sentence_of(rm.start())
        if sent is None:
            continue
        done = sent[1]
        cm = _LINEUP_CUE.search(text, sent[0], rm.start())
        if cm is None:
            continue
        bd = _lineup_body(ctx, sent[0], cm.start())
        if bd is None:
            continue
        items: list[Candidate] = []
        pending: list[NameParse] = []
        pos, limit = cm.end(), sent[1]
        while pos < limit:
            nm = _list_name(ctx, pos, limit)
            if nm is None:
                break
            pending.append(nm)
            q = nm.end
            if (r := _LINEUP_ROLE.match(text, q, limit)) is not None:
                label = r.group("r")
                row = lx.head_keys.get((label.split()[-1].casefold(),))
                if row is None:
                    break
                label = " ".join(w[:1].upper() + w[1:] for w in label.split())
                for p in pending:
                    if not taken.overlaps(p.name_start, p.name_end):
                        items.append(Candidate(
                            bd[0], bd[1], row, None, None, p, None, "officials.lineup", [], bd[0], label=label,
                        ))
                pending = []
                q = r.end()
            sp = _LINEUP_SEP.match(text, q, limit)
            if sp is None or sp.end() == q:
                break
            pos = sp.end()
        if items:
            for c in items:
                taken.add(c.name.start, c.name.end)  # type: ignore[union-attr]
            out.extend(items)
    return out


# Budi pensiun dan / dimutasi lalu (digantikan): a short clause of the holder's before his successor
_CLAUSE_THEN: Final = re.compile(r"(?:[ ]+[a-z]+){1,3}?[ ]+(?:dan|lalu|kemudian)(?=[ ]+(?:(?:akan|kini|resmi|telah|sudah)[ ]+)?di[ ]?ganti)")
# Budi digantikan (posisinya) oleh Rudi: the successor after the holder's name
_REPLACED: Final = re.compile(r"[ ]+(?:(?:akan|kini|resmi|telah|sudah)[ ]+)?di[ ]?ganti(?:kan)?(?:[ ]+(?:posisinya|jabatannya|kedudukannya))?(?:[ ]+oleh)?[ ]+(?=[A-Z])")


# Kapolsek X yang sebelumnya dijabat Budi, (yang memasuki masa pensiun) diserahkan kepada Rudi:
# the office handed over (read only after a past holder; without kepada only before a title)
_HANDED: Final = re.compile(
    r"[ ]*,?[ ]*(?:yang(?:[ ]+[a-z]+){1,6}[ ]*,?[ ]*)?(?:(?:kini|lalu|kemudian|selanjutnya|akan)[ ]+)?"
    r"(?:diserahkan|diserahterimakan|dilimpahkan)(?P<to>[ ]+kepada)?[ ]+(?=[A-Z])"
)
# Camat X dijabat oleh Budi yang sebelumnya dipegang (oleh) Rudi: the office's holder before
_FORMER: Final = re.compile(
    r"[ ]*,?[ ]*yang[ ]+sebelumnya[ ]+(?:di[ ]?jabat|dipegang|diduduki|ditempati)(?:[ ]+oleh)?[ ]+(?=[A-Z])"
)
# Kapolsek X(, Kabupaten Y), penggantinya (adalah) AKP Rudi: the holder who takes the office
_SUCCESSOR_NAMED: Final = re.compile(
    r"[ ]*,[ ]*(?:(?:Kabupaten|Kab\.|Kota|Provinsi)[ ]+[A-Z][\w-]*(?:[ ]+[A-Z][\w-]*){0,2}[ ]*,[ ]*)?"
    r"(?:dan[ ]+|sedangkan[ ]+)?(?:sebagai[ ]+)?penggantinya(?:[ ]+(?:adalah|yakni|yaitu|ialah))?[ ]*,?[ ]*(?=[A-Z])"
)


# a last initial closing a holder's name (digantikan oleh Mayjen Budi Santoso S.): the end of the
# sentence, a comma or a lower-case word after it
_MID_INITIAL: Final = re.compile(r"[ ][A-Z]\.[ ]+(?=[A-Z][a-z]+[ ]+[A-Z][a-z])")
_END_INITIAL: Final = re.compile(r"[ ]+([A-Z])(?=\.(?:[ ]|\n|\Z)|[ ]*[,;)\n]|[ ]*\Z|[ ]+[a-z])")


def _take_name(ctx: _Ctx, taken: Intervals, nm: NameParse) -> None:
    """Mark a holder's name as read: no later reader takes its span, and readers that look back
    for a name ending at a position find it in ``ctx.named_end``."""
    taken.add(nm.start, nm.end)
    ctx.named_end[nm.end] = nm


# an acting prefix between a verb and the holder's name (diisi oleh Plt Budi, digantikan oleh Plh. Rudi)
_ACTING_NAME: Final = re.compile(r"(Plt|PLT|Plh|PLH|Pjs|PJS|Pj|PJ)\.?[ ]+(?=[A-Z])")
_ACTING_NAME_BACK: Final = re.compile(r"(?:^|(?<=[ (]))(Plt|PLT|Plh|PLH|Pjs|PJS|Pj|PJ)\.?[ ]+\Z")


def _skip_acting(ctx: _Ctx, pos: int) -> int:
    """``pos`` moved past an acting prefix written before a name there (``Plt Budi``), not before
    an office (``Plt Kepala Dinas X Budi`` is read at its head)."""
    if ctx.text[pos:pos + 1] != "P" or (a := _ACTING_NAME.match(ctx.text, pos)) is None:
        return pos
    return pos if match_head(ctx.lx, ctx.text, a.end()) is not None else a.end()


def _acting_back(ctx: _Ctx, nm: NameParse) -> Optional[PrefixRow]:
    """The acting prefix written right before the name ``nm`` (diisi oleh Plt Budi: Plt), or None."""
    s = nm.start
    if s < 3 or ctx.text[s - 1] != " " or (a := _ACTING_NAME_BACK.search(ctx.text, max(0, s - 6), s)) is None:
        return None
    return ctx.lx.acting_keys.get((a.group(1).casefold(),))


def _closed_name_at(ctx: _Ctx, pos: int, taken: Intervals) -> Optional[NameParse]:
    """A closed person's name starting at ``pos`` (past an acting prefix, ``Plt Budi``) that no
    other reading took and no office opens; a last initial after its words is part of it
    (``Totok Imam S``)."""
    text = ctx.text
    pos = _skip_acting(ctx, pos)
    sn = parse_name(ctx.lx, text, pos, min(len(text), pos + 120), ctx.regions, memo=ctx.memo)
    if sn is None or sn.start != pos:
        return None
    if (d := text.find(". ", sn.name_start, sn.name_end)) > 0 and (mi := _MID_INITIAL.match(text, d - 2)) is not None and (
        text.find(text[mi.end():sn.name_end], 0, pos) >= 0
    ):
        # digantikan oleh Budi Santoso S. Andi Wijaya dimutasi ...: the words after the initial are a
        # name read before, opening the next sentence
        sn = parse_name(ctx.lx, text, pos, d, ctx.regions, memo=ctx.memo)
        if sn is None or sn.start != pos:
            return None
    if not _closed_after(ctx.lx, text, sn.end):
        g = _END_INITIAL.match(text, sn.end) if sn.end == sn.name_end and " " in sn.name else None
        if g is None:
            return None
        sn = NameParse(sn.start, g.end(1), sn.name_start, g.end(1), sn.name + " " + g.group(1), sn.honorifics)
    if taken.overlaps(sn.name_start, sn.name_end) or match_head(ctx.lx, text, sn.name_start) is not None:
        return None
    return sn


def _successor(ctx: _Ctx, nm: NameParse, taken: Intervals, past: bool = False, at: int = -1) -> Optional[NameParse]:
    """The name after ``<holder> digantikan (oleh)``, when it is a closed name and no office; after
    a past holder (``past``) also after ``diserahkan (kepada)`` (the office handed over). With
    ``at``, after the office written there behind its holder (``Budi yang menjabat Kapolda X akan
    digantikan Rudi``)."""
    text = ctx.text
    if at >= 0:
        if text.find("ganti", at, at + 40) < 0:  # (digantikan, diganti, di ganti)
            return None
        g = _REPLACED.match(text, at)
        return _closed_name_at(ctx, g.end(), taken) if g is not None else None
    if text.find("ganti", nm.end, nm.end + 40) >= 0:  # (digantikan, diganti, di ganti)
        g = _REPLACED.match(text, nm.end)
        if g is None and (c := _CLAUSE_THEN.match(text, nm.end, nm.end + 40)) is not None:
            g = _REPLACED.match(text, c.end())  # Budi pensiun dan digantikan oleh Rudi
        return _closed_name_at(ctx, g.end(), taken) if g is not None else None
    if past and (text.find("diser", nm.end, nm.end + 80) >= 0 or text.find("dilimpahkan", nm.end, nm.end + 80) >= 0):
        h = _HANDED.match(text, nm.end)
        if h is None or h.start("to") < 0 and (
            (rk := ctx.lx.pre_one.match(text, h.end(), min(len(text), h.end() + 40))) is None or rk.start() != h.end()
        ):
            return None  # (diserahkan AKP Budi: a title opens the name; diserahkan Budi is no handover)
        return _closed_name_at(ctx, h.end(), taken)
    return None


# Budi menggantikan Rudi yang mendapat promosi / dipromosikan menjadi OFFICE: a relative clause giving
# the replaced holder's own new office (his old one, which Budi takes, is not named)
_OWN_NEW_OFFICE: Final = re.compile(r"[ ]*,?[ ]*yang[ ]+(?:[a-z]+[ ]+){0,4}?menjadi[ ]+\Z")
# Budi (yang) menggantikan (posisi) Rudi ...: the words before the replaced holder's name
_REPLACING: Final = re.compile(
    r"(?:,[ ]*)?(?:yang[ ]+)?(?:(?:resmi|akan|kini|telah|sudah)[ ]+)?menggantikan"
    r"(?:[ ]+(?:posisi|jabatan|kedudukan))?[ ]+\Z"
)


def _replacer(ctx: _Ctx, nm: NameParse, taken: Intervals) -> Optional[NameParse]:
    """The name before ``(yang) menggantikan <nm>``: the holder who replaces ``nm`` in the office
    read with it (``Budi menggantikan Rudi sebagai Camat X``)."""
    text = ctx.text
    if text.find("menggantikan", max(0, nm.start - 40), nm.start) < 0:
        return None
    g = _REPLACING.search(text, max(0, nm.start - 60), nm.start)
    if g is None:
        return None
    return _name_before(ctx, g.start(), taken, selaku=True)


# <office> <holder>(,) (yang) menggantikan (posisi) Rudi: the words after the holder before the replaced one
_REPLACING_AFTER: Final = re.compile(
    r"[ ]*,?[ ]*(?:yang[ ]+)?(?:(?:resmi|akan|kini|telah|sudah)[ ]+)?menggantikan"
    r"(?:[ ]+(?:posisi|jabatan|kedudukan))?[ ]+(?=[A-Z])"
)


def _replaced(ctx: _Ctx, nm: NameParse, taken: Intervals) -> Optional[NameParse]:
    """The name after ``<office> <nm>(,) menggantikan``: the office's past holder, whom ``nm``
    replaces (``Kapolsek X kini diisi AKP Budi, menggantikan AKP Rudi``), as ``_replacer`` reads
    ``Budi menggantikan Rudi sebagai Camat X``."""
    text = ctx.text
    if text.find("menggantikan", nm.end, nm.end + 30) < 0:
        return None
    g = _REPLACING_AFTER.match(text, nm.end)
    return _closed_name_at(ctx, g.end(), taken) if g is not None else None


# <office> <holder> ... (serah terima jabatan) dari / menggantikan pejabat lama Rudi: the office's past holder
_PAST_OFFICER: Final = re.compile(
    r"\b(?:dari|menggantikan)[ ]+(?:para[ ]+)?pejabat[ ]+(?:lama|sebelumnya|terdahulu)(?:[ ]+yakni|[ ]+yaitu)?[ ]*,?[ ]*(?=[A-Z])"
)


def _past_officer(ctx: _Ctx, cand: Candidate, taken: Intervals) -> Optional[NameParse]:
    """The name after ``dari / menggantikan pejabat lama`` in the sentence of ``cand`` (its
    holder named), no other office between: the office's past holder (``Kajari X kini dijabat
    Budi menggantikan pejabat lama Rudi``, a caption's ``Mendagri Budi (kiri) saat serah terima
    jabatan dari pejabat lama Rudi (kanan)``)."""
    text = ctx.text
    nm = cand.name
    assert nm is not None
    start = max(nm.end, cand.pos_end)
    k = text.find("pejabat ", start, start + 100)
    if k < 0:
        return None
    g = _PAST_OFFICER.search(text, max(start, k - 16), k + 40)
    if g is None or "." in text[start:g.start()].replace("(", "") and _SENT_END.search(text, start, g.start()):
        return None
    if any(True for _ in _heads(ctx.lx, text[:g.start()], start)):
        return None  # (another office between: its holder's past one)
    return _closed_name_at(ctx, g.end(), taken)


def _former_holder(ctx: _Ctx, nm: NameParse, taken: Intervals) -> Optional[NameParse]:
    """The name after ``<holder> yang sebelumnya dipegang/dijabat (oleh)``: the office's past holder."""
    text = ctx.text
    if text.find("sebelumnya", nm.end, nm.end + 24) < 0:
        return None
    g = _FORMER.match(text, nm.end)
    return _closed_name_at(ctx, g.end(), taken) if g is not None else None


def _named_successor(ctx: _Ctx, pos: int, taken: Intervals) -> Optional[NameParse]:
    """The name after ``<office>(, Kabupaten X), penggantinya`` right after ``pos``."""
    text = ctx.text
    if text.find("penggantinya", pos, pos + 60) < 0:
        return None
    g = _SUCCESSOR_NAMED.match(text, pos)
    return _closed_name_at(ctx, g.end(), taken) if g is not None else None


# jabatan tersebut ditempati (oleh) Nama; jabatan yang ditinggalkan Budi ditempati oleh Nama:
# the office is one named before
_ANAPHORIC_FILL: Final = re.compile(
    r"\b(?:[Jj]abatan|[Pp]osisi|[Kk]ursi)(?:[ ]+(?P<dem>tersebut|itu|ini)"
    r"|[ ]+yang[ ]+(?:di)?tinggalkan(?:[ ]+oleh)?[ ]+(?P<prev>[A-Z][\w'’.-]*(?:[ ]+[A-Z][\w'’.-]*){0,4}))"
    r"(?:[ ]+(?:sendiri|kini|sekarang|saat[ ]+ini|kemudian|selanjutnya|akan))?"
    r"(?:[ ]+untuk[ ]+sementara(?:[ ]+waktu)?)?"
    r"[ ]+(?:di[ ]?jabat|ditempati|diisi|diduduki|dipegang)(?:[ ]+oleh)?[ ]+(?=[A-Z])"
)


# the nouns _ANAPHORIC_FILL opens with, lower case: a match is one of them as a whole letter run,
# so a text whose words hold none of them has no match (a set look-up before five scans of it)
_FILL_NOUNS: Final = frozenset({"jabatan", "posisi", "kursi"})

# Dia / Ia / Beliau (kemudian) diganti(kan) (oleh) Nama: the holder named last before leaves his office to Nama
_PRONOUN_REPLACED: Final = re.compile(
    r"(?:(?<=[.,;] )|(?<=\n)|(?<=[.,;]  ))(?:[Dd]ia|[Ii]a|[Bb]eliau)[ ]+(?:(?:akan|kini|kemudian|lalu|selanjutnya|pun)[ ]+)?"
    r"di[ ]?ganti(?:kan)?(?:[ ]+oleh)?[ ]+(?=[A-Z])"
)


def _pronoun_replaced(ctx: _Ctx, cands: list[Candidate], taken: Intervals, body: int) -> None:
    """``Kapolda X Budi dimutasi menjadi Y. Dia diganti Brigjen Rudi.``: the person named last
    before the pronoun (in its paragraph, within 250 characters) leaves the office he held
    (his past or only office, not one given to him as new) to the closed name after the
    verb, who holds it now (rank 2); the leaver's holding becomes past."""
    text = ctx.text
    for m in _PRONOUN_REPLACED.finditer(text, body):
        nm = _closed_name_at(ctx, m.end(), taken)
        if nm is None:
            continue
        lo = max(body, m.start() - 250, text.rfind("\n", 0, m.start()) + 1)
        prev = [c for c in cands if c.name is not None and lo <= c.name.start < m.start()]
        if not prev:
            continue
        last = max(prev, key=lambda c: c.name.start)  # type: ignore[union-attr]
        if _SENT_END.search(text, last.name.end, m.start()) is None and not text[last.name.end:m.start()].rstrip().endswith(  # type: ignore[union-attr]  # (prev: named only)
            (".", ";")
        ):
            continue  # (the pronoun's sentence must follow the holder's)
        key = _norm_name(last.name.name)  # type: ignore[union-attr]
        own = [c for c in prev if _norm_name(c.name.name) == key]  # type: ignore[union-attr]
        low = min(own, key=lambda c: (c.rank, c.pos_start))
        if low.rank >= 2 or any(
            c.name is not None and c.name.start > last.name.start and _norm_name(c.name.name) != key for c in prev  # type: ignore[union-attr]
        ):
            continue
        low.rank = 0
        cands.append(Candidate(
            low.pos_start, low.pos_end, low.row, _acting_back(ctx, nm), low.modifier, nm, low.region,
            "officials.position_named", low.items, low.head_end, listed=True, rank=2, unit=low.unit, label=low.label,
        ))
        _take_name(ctx, taken, nm)


def _anaphoric_fills(ctx: _Ctx, cands: list[Candidate], taken: Intervals, body: int) -> None:
    """``jabatan tersebut ditempati Nama`` takes the office named last before it in the
    paragraph (within 200 characters); ``jabatan yang ditinggalkan Budi ditempati oleh Nama``
    takes the office Budi left (his old one, when a new one was read for him; his only one
    otherwise, unless that was given to him as new). A past-time word before it in the
    sentence (``Sebelumnya, jabatan tersebut ditempati Nama``) makes the holding past."""
    text, lx = ctx.text, ctx.lx
    for m in _ANAPHORIC_FILL.finditer(text, body):
        p = _skip_acting(ctx, m.end())  # jabatan itu diisi oleh Plt Nama: the holder acts
        nm = parse_name(lx, text, p, min(len(text), p + 120), ctx.regions, memo=ctx.memo)
        if (
            nm is None or nm.start != p or not _closed_after(lx, text, nm.end)
            or taken.overlaps(nm.name_start, nm.name_end) or match_head(lx, text, nm.name_start) is not None
        ):
            continue
        ante: Optional[Candidate] = None
        if m.group("dem") is not None:
            lo = max(body, m.start() - 200, text.rfind("\n", 0, m.start()) + 1)
            for c in cands:
                if lo <= c.pos_start and c.pos_end <= m.start() and (ante is None or c.pos_end > ante.pos_end):
                    ante = c
        else:
            left = _norm_name(m.group("prev"))
            own = [c for c in cands if c.name is not None and c.pos_start < m.start() and _norm_name(c.name.name) == left]
            if own:
                low = min(own, key=lambda c: (c.rank, c.pos_start))
                if low.rank < max(c.rank for c in own) or (len(own) == 1 and low.rank < 2):
                    ante = low
        if ante is None:
            continue
        ss = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start()))
        past = "ebelum" in text[ss + 1:m.start()]
        cands.append(Candidate(
            ante.pos_start, ante.pos_end, ante.row, _acting_back(ctx, nm) or ante.acting, ante.modifier, nm, ante.region,
            "officials.position_named", ante.items, ante.head_end, listed=True, rank=0 if past else 2,
            unit=ante.unit, label=ante.label,
        ))
        taken.add(nm.start, nm.end)


# Posisinya (kini) digantikan oleh Nama / Jabatan Budi diganti Nama: the office of a holder named
# just before, now another's
_ANAPHORIC_REPLACED: Final = re.compile(
    r"\b(?:[Pp]osisi|[Jj]abatan|[Kk]edudukan|[Kk]ursi)(?:nya|[ ]+(?P<who>[A-Z][a-z]+(?:[ ]+[A-Z][a-z]+){0,2}))"
    r"(?:[ ]+(?:pun|kini|sekarang|saat[ ]+ini|kemudian|selanjutnya|akan|resmi|sementara))*"
    r"[ ]+di[ ]?ganti(?:kan)?(?:[ ]+oleh)?[ ]+(?=[A-Z])"
)


# the words _ANAPHORIC_REPLACED opens with, lower case, each a whole letter run in a match
# (posisi Budi digantikan, posisinya digantikan): without one of them there is no match
_REPLACED_NOUNS: Final = frozenset({
    w + e for w in ("posisi", "jabatan", "kedudukan", "kursi") for e in ("", "nya")
})


def _anaphoric_replaced(ctx: _Ctx, cands: list[Candidate], taken: Intervals, body: int) -> None:
    """``Budi yang menjabat Kepala Dinas X dimutasi. Posisinya digantikan oleh Rudi``: Rudi
    takes the office of the holder read last before it, in the same sentence or the one before
    (``Posisi Budi digantikan``: the holder so named); the holder before keeps it as a past one.
    No holder read there (Pemain Andi cedera. Posisinya digantikan Bayu): nothing."""
    text, doc = ctx.text, ctx.doc
    for m in _ANAPHORIC_REPLACED.finditer(text, body):
        nm = _closed_name_at(ctx, m.end(), taken)
        if nm is None:
            continue
        sent = doc.sentence_of(m.start())
        if sent is None:
            continue
        j = sent[0]
        while j > 0 and text[j - 1] in " \t\n":
            j -= 1
        prev = doc.sentence_of(j - 1) if j > 0 else None
        lo = max(body, prev[0] if prev is not None else sent[0])
        named = [
            c for c in cands if c.name is not None and lo <= min(c.pos_start, c.name.start) and c.name.end <= m.start()
        ]
        if not named:
            continue
        ante = max(named, key=lambda c: max(c.name.end, c.pos_end))  # type: ignore[union-attr]
        if m.group("who") is not None:
            who = _norm_name(m.group("who"))
            if not set(who) <= set(_norm_name(ante.name.name)):  # type: ignore[union-attr]
                continue
        elif any(not _same_person(_norm_name(c.name.name), _norm_name(ante.name.name)) for c in named):  # type: ignore[union-attr]
            continue  # (Kepala A Budi dan Kepala B Rudi dimutasi. Posisinya ...: whose is not said)
        if ante.rank == 1:
            ante.rank = 0
        cands.append(Candidate(
            ante.pos_start, ante.pos_end, ante.row, _acting_back(ctx, nm) or ante.acting, ante.modifier, nm,
            ante.region, "officials.position_named", ante.items, ante.head_end, listed=True, rank=2,
            unit=ante.unit, label=ante.label,
        ))
        _take_name(ctx, taken, nm)


_READ_VERBS: Final = ("dibacakan", "Dibacakan", "disampaikan", "Disampaikan", "dibaca", "diwakili")
_OLEH_VERBS: Final = frozenset({"dibaca", "diwakili"})  # whole words, and only with oleh (PKS dibaca oleh Nama)
_FACTION_WORDS: Final = frozenset({"fraksi", "f-", "f."})


def _faction_readers(ctx: _Ctx, taken: Intervals, body: int) -> list[Candidate]:
    """The reader of a faction's statement in a DPRD plenary is its spokesperson:
    ``Fraksi Golkar yang dibacakan (oleh) Nama``, ``pandangan umum Fraksi PKS disampaikan oleh
    Nama``, ``Fraksi PAN: Dibacakan oleh Nama``, and in a list of factions a party alone
    (``..., Fraksi PAN yang dibacakan Nama, NasDem yang dibacakan Nama2``). Position
    ``Juru Bicara Fraksi X`` (the words of the text after ``Juru Bicara``)."""
    text, lx = ctx.text, ctx.lx
    row = lx.head_keys.get(("juru", "bicara"))
    if row is None:
        return []
    out: list[Candidate] = []
    for via in ("elalui juru bicara", "elalui jubir"):
        v = text.find(via, body)
        while v > 0:
            c = _spokesperson_via(ctx, taken, row, v - 1, v + len(via))
            if c is not None:
                out.append(c)
                taken.add(c.name.start, c.name.end)  # type: ignore[union-attr]
            v = text.find(via, v + len(via))
    v = text.find("melalui ", body)
    while v >= 0:
        # Fraksi Golkar melalui Budi Santoso menyatakan ...: the member the faction speaks through
        c = _spokesperson_via(ctx, taken, row, v, v + 8, bare=True)
        if c is not None:
            out.append(c)
            taken.add(c.name.start, c.name.end)  # type: ignore[union-attr]
        v = text.find("melalui ", v + 8)
    for verb in _READ_VERBS:
        v = text.find(verb, body)
        while v >= 0:
            if verb in _OLEH_VERBS and text[v + len(verb):v + len(verb) + 1].isalpha():
                v = text.find(verb, v + len(verb))
                continue  # dibacakan, diwakilinya: not the word
            c = _faction_reader(ctx, taken, row, v, v + len(verb))
            if c is not None:
                out.append(c)
                taken.add(c.name.start, c.name.end)  # type: ignore[union-attr]
            v = text.find(verb, v + len(verb))
    return out


# a last initial after a name, before a list comma (Harvad Kurniawan R., PKB ...)
_LAST_INITIAL: Final = re.compile(r"[ ]+([A-Z])\.?(?=[ ]*[,;])")


def _reader_name(ctx: _Ctx, taken: Intervals, j: int, initial: bool = False) -> Optional[NameParse]:
    """The name that starts right at ``j`` and is closed after it, not read before and no head:
    the reader or spokesperson of a faction. ``initial``: a last initial before a comma closes
    the name and belongs to it (``disampaikan oleh Budi Santoso R., PKB ...``)."""
    text, lx = ctx.text, ctx.lx
    nm = parse_name(lx, text, j, min(len(text), j + 120), ctx.regions, memo=ctx.memo)
    if nm is None or nm.start != j:
        return None
    if not _closed_after(lx, text, nm.end):
        g = _LAST_INITIAL.match(text, nm.end) if initial and nm.end == nm.name_end else None
        if g is None:
            return None
        nm = NameParse(nm.start, g.end(), nm.name_start, g.end(1), nm.name + " " + g.group(1), nm.honorifics)
    if taken.overlaps(nm.name_start, nm.name_end) or match_head(lx, text, nm.name_start) is not None:
        return None
    return nm


def _faction_reader(ctx: _Ctx, taken: Intervals, row: PositionRow, v: int, ve: int) -> Optional[Candidate]:
    text = ctx.text
    if v and text[v - 1].isalnum():
        return None
    # the reader: (oleh) Nama, closed
    j = _skip_space(text, ve)
    if text.startswith("oleh ", j):
        j = _skip_space(text, j + 5)
    elif "sampaikan" in text[v:ve] or text[v:ve] in _OLEH_VERBS:
        return None  # (disampaikan Nama, diwakili Nama without oleh: too loose)
    nm = _reader_name(ctx, taken, j, initial=True)
    if nm is None:
        return None
    fr = _faction_before(ctx, v)
    if fr is None:
        return None
    return Candidate(fr[0], fr[1], row, None, None, nm, None, "officials.faction_reader", [], fr[0], label=fr[2])


def _faction_before(ctx: _Ctx, v: int) -> Optional[tuple[int, int, str]]:
    """(start, end, label) of the faction written right before ``v``: ``Fraksi X (yang | : | ,)``
    (label ``Juru Bicara``), or a party alone after a list comma or ``dan`` in a paragraph that
    names a faction before (label ``Juru Bicara Fraksi``)."""
    text = ctx.text
    k = v
    while k > 0 and text[k - 1] == " ":
        k -= 1
    if text[k - 1:k] in (":", ","):
        k -= 1
        while k > 0 and text[k - 1] == " ":
            k -= 1
    elif text[max(0, k - 4):k] == "yang" and (k < 5 or not text[k - 5].isalnum()):
        k -= 4
        while k > 0 and text[k - 1] == " ":
            k -= 1
    end = k
    words: list[tuple[int, int]] = []  # capitalised words, right to left
    start = -1
    while len(words) < 7 and k > 0:
        e = k
        while k > 0 and (text[k - 1].isalnum() or text[k - 1] in "-&'’./"):
            k -= 1
        w = text[k:e]
        if not w:
            break
        if w.casefold() == "fraksi" or (w[:2] in ("F-", "F.") and len(w) > 2):
            start = k
            break
        if not (w[0].isupper() or w[0].isdigit()):
            break
        words.append((k, e))
        if text[k - 1:k] != " ":
            break
        k -= 1
    if not words:
        return None
    if start < 0:
        # a party alone in a list of factions: ", NasDem yang dibacakan Nama" after a Fraksi
        ws = words[-1][0]
        cov = ctx.agency_cover(ws)
        if cov is None or cov[0] != ws or cov[1] != end:
            return None
        p = ws
        while p > 0 and text[p - 1] == " ":
            p -= 1
        if not (text[p - 1:p] == "," or text[max(0, p - 4):p] == " dan" or text[max(0, p - 6):p] == " serta"):
            return None
        ls = max(0, text.rfind("\n", 0, ws) + 1, ws - 300)
        if "fraksi" not in text[ls:ws].casefold():
            return None
        label, start = "Juru Bicara Fraksi", ws
    else:
        if start and text[start - 1].isalnum():
            return None
        label = "Juru Bicara"
    return start, end, label


def _spokesperson_via(
    ctx: _Ctx, taken: Intervals, row: PositionRow, v: int, ve: int, bare: bool = False
) -> Optional[Candidate]:
    """``Fraksi X(,) melalui juru bicara(nya)(,) Nama`` and ``Melalui juru bicara(nya) Nama, Fraksi X
    ...``: the spokesperson the faction speaks through (``v``..``ve`` is ``melalui juru bicara``).
    ``bare``: ``v``..``ve`` is ``melalui`` alone, right after ``Fraksi X`` (``Fraksi Golkar melalui
    Budi menyatakan``)."""
    text = ctx.text
    if v and text[v - 1].isalnum():
        return None
    if bare:
        if not text[ve:ve + 1].isupper() or text.find("raksi ", max(0, v - 60), v) < 0:
            return None
        fr = _faction_before(ctx, v)
        if fr is None or fr[2] != "Juru Bicara" or text[fr[1]:v].strip():
            return None  # (the faction right before melalui, no comma: Fraksi X, melalui ... is a clause)
        nm = _reader_name(ctx, taken, ve)
        if nm is None:
            return None
        return Candidate(fr[0], fr[1], row, None, None, nm, None, "officials.faction_reader", [], fr[0], label=fr[2])
    j = ve
    if text.startswith("nya", j):
        j += 3
    j = _skip_space(text, j)
    if text[j:j + 1] == ",":
        j = _skip_space(text, j + 1)
    nm = _reader_name(ctx, taken, j)
    if nm is None:
        return None
    fr = _faction_before(ctx, v)
    if fr is None or fr[2] != "Juru Bicara":
        # Melalui juru bicara Nama, Fraksi X menyatakan: the faction after the name's comma
        fr = None
        k = _skip_space(text, nm.end)
        if text[k:k + 1] == ",":
            k = _skip_space(text, k + 1)
            cov = ctx.agency_cover(k)
            if cov is not None and cov[0] == k and text[k:k + 7].casefold() == "fraksi ":
                fr = (k, cov[1], "Juru Bicara")
    if fr is None:
        return None
    return Candidate(fr[0], fr[1], row, None, None, nm, None, "officials.faction_reader", [], fr[0], label=fr[2])


# a body's words read right to left before (yang) diketuai: capitalised words, acronyms, numbers,
# short parentheses and dan between them
_BODY_WORD_BACK: Final = re.compile(r"(?:\([A-Za-z0-9 &/.-]{1,30}\)|[A-Z0-9][\w&'’/.-]*|dan|serta)\Z")
_CHAIRED: Final = re.compile(r"[ ]*,?[ ]*(?:yang[ ]+)?diketuai(?:[ ]+oleh)?[ ]+(?=[A-Z])")


def _chaired_by(ctx: _Ctx, taken: Intervals, body: int) -> list[Candidate]:
    """``Panitia Khusus (Pansus) Kependudukan DPRD Kota X yang diketuai Nama``, ``Tim Y,
    diketuai oleh Nama``: the body's chair, position ``Ketua`` + the body as written. The body
    is the run of capitalised words, acronyms, numbers and short parentheses (and ``dan``
    inside it) right before the cue, from its first unit word or agency mention; the name is
    closed and no office opens it."""
    text, lx = ctx.text, ctx.lx
    row = lx.head_keys.get(("ketua",))
    if row is None:
        return []
    out: list[Candidate] = []
    v = text.find("diketuai ", body)
    while v >= 0:
        c = _chaired(ctx, taken, row, v)
        if c is not None:
            out.append(c)
            taken.add(c.name.start, c.name.end)  # type: ignore[union-attr]
        v = text.find("diketuai ", v + 9)
    for verb in _LED_VERBS:
        v = text.find(verb, body)
        while v >= 0:
            c = _chaired(ctx, taken, row, v, _LED, True)
            if c is not None:
                out.append(c)
                taken.add(c.name.start, c.name.end)  # type: ignore[union-attr]
            v = text.find(verb, v + len(verb))
    return out


_GATHERINGS: Final = frozenset({"rapat", "sidang", "apel", "upacara", "gelar"})
_FIELD_BACK: Final = re.compile(r"[ ]+bidang(?:[ ]+(?:[A-Za-z]+|dan|&)){1,4}\Z")
_LED: Final = re.compile(r"[ ]*,?[ ]*(?:yang[ ]+)?(?:dipimpin|dinakhodai|dinahkodai|dikomandoi|dikomandani)(?:[ ]+oleh)?[ ]+(?=[A-Za-z])")
_LED_VERBS: Final = ("dipimpin ", "dinakhodai ", "dinahkodai ", "dikomandoi ", "dikomandani ")
# the bodies whose leader is their chair (Ketua): Komisi A dipimpin Budi
_LED_BODIES: Final = frozenset(
    "komisi fraksi panitia pansus panja pansel komite dewan majelis pengurus kepengurusan koperasi "
    "yayasan asosiasi ikatan persatuan himpunan forum paguyuban perkumpulan".split()
)
# a group the led body is part of: rombongan / tim dari Komisi X yang dipimpin Budi (the group's leader)
_LED_PARTS: Final = frozenset(
    "dari rombongan tim delegasi kunjungan anggota perwakilan utusan para rapat sidang kegiatan acara bersama".split()
)
# an apposed description before the holder: politisi (perempuan) asal Partai X, / putra asal Toraja,
_DESCRIPTOR: Final = re.compile(
    r"(?:politisi|politikus|kader|putra|putri|tokoh|srikandi)(?:[ ]+(?:perempuan|muda|senior|wanita))?"
    r"[ ]+(?:asal|dari)[ ]+[A-Z][\w-]*(?:[ ]+[A-Z][\w-]*){0,3}[ ]*,[ ]*(?=[A-Z])"
)
_LOWER_WORD_BACK: Final = re.compile(r"(?<![\w-])[a-z]{3,}\Z")
# the further offices of a body's line-up after its chair: , sekretaris Nama (X), dan wakil
# (ketua) (dijabat oleh) Nama
_CHAIR_ITEM: Final = re.compile(
    r"[ ]*(?:,[ ]*(?:(?:dan|serta)[ ]+)?|(?:dan|serta)[ ]+)(?P<r>[Ww]akil[ ]+[Kk]etua|[Ww]akil|[Ss]ekretaris|[Bb]endahara|[Aa]nggota)"
    r"(?:[ ]+(?:dijabat|diisi|dipegang)[ ]+oleh)?[ ]+(?=[A-Z])"
)
_CHAIR_ROLES: Final = {"wakil": "wakil ketua"}
_CHAIR_CUE_WORDS: Final = frozenset({"wakil", "sekretaris", "bendahara", "anggota"})
_CHAIR_SHARED: Final = frozenset({"wakil ketua", "anggota"})


def _chair_lists(ctx: _Ctx, taken: Intervals, body: int) -> tuple[list[Candidate], Optional[Intervals]]:
    """``Komisi A diketuai Budi (PDIP), sekretaris Rudi (Golkar), dan wakil dijabat oleh Ani
    (Gerindra)``: a body's chair (:func:`_chaired`) and, after it, further offices of the
    same body, each a bare head (wakil ketua, wakil, sekretaris, bendahara; ``dijabat oleh``
    may follow) and a name; each holds its office of the body. Read before the heads so that
    a bare ``sekretaris Nama`` is not read with the chair's name before it; returns the
    candidates and the spans of the lists (None when none was read)."""
    text, lx = ctx.text, ctx.lx
    row = lx.head_keys.get(("ketua",))
    if row is None:
        return [], None
    out: list[Candidate] = []
    cov: Optional[Intervals] = None
    v = text.find("diketuai ", body)
    while v >= 0:
        nx = text.find("diketuai ", v + 9)
        c = _chaired(ctx, taken, row, v)
        v = nx
        if c is None or c.name is None:
            continue
        limit = text.find("\n", c.name.end)
        limit = len(text) if limit < 0 else limit
        pos = c.name.end
        if (pp := _party_after(ctx, pos, limit)) is not None:
            pos = pp[1]  # Budi (PDIP), sekretaris ...
        items: list[Candidate] = []
        while True:
            g = _CHAIR_ITEM.match(text, pos, limit)
            if g is None:
                break
            r = g.group("r").casefold().replace("  ", " ")
            r = _CHAIR_ROLES.get(r, r)
            irow = lx.head_keys.get(tuple(r.split()[-1:]))  # (wakil ketua: the head ketua, the label says wakil)
            nm = _list_name(ctx, g.end(), limit)
            if irow is None or nm is None or taken.overlaps(nm.name_start, nm.name_end) or not _closed_after(
                lx, text, nm.end
            ):
                break
            label = " ".join(w[:1].upper() + w[1:] for w in r.split())
            holders = [nm]
            pos = nm.end
            if r in _CHAIR_SHARED:
                # wakil ketua Budi, Rudi, Ani: further bare names up to the next office hold it too
                while (g2 := _LIST_GAP.match(text, pos, limit)) is not None and _CHAIR_ITEM.match(
                    text, pos, limit
                ) is None:
                    nm2 = _list_name(ctx, g2.end(), limit)
                    if nm2 is None or taken.overlaps(nm2.name_start, nm2.name_end) or not _closed_after(
                        lx, text, nm2.end
                    ):
                        break
                    holders.append(nm2)
                    pos = nm2.end
            for k, h in enumerate(holders):
                items.append(Candidate(
                    c.pos_start, c.pos_end, irow, None, None, h, c.region, "officials.position_named", c.items,
                    c.pos_start, label=label, listed=k > 0,
                ))
        if not items:
            continue
        for it in (c, *items):
            taken.add(it.name.start, it.name.end)  # type: ignore[union-attr]
        out.append(c)
        out.extend(items)
        if cov is None:
            cov = Intervals()
        cov.add(c.name.start, pos)
    return out, cov



def _chaired(
    ctx: _Ctx, taken: Intervals, row: PositionRow, v: int, cue: "re.Pattern[str]" = _CHAIRED, led: bool = False
) -> Optional[Candidate]:
    """The chair of the body written before ``diketuai`` at ``v`` (``cue``); ``led``: the
    verb is one of leading (dipimpin, dinakhodai ...), and the body must be one a chair
    leads (komisi, fraksi, panitia ...)."""
    text, lx = ctx.text, ctx.lx
    k = v
    while k > 0 and text[k - 1] == " ":
        k -= 1
    if text[max(0, k - 4):k] == "yang" and (k < 5 or not text[k - 5].isalnum()):
        k -= 4
    while k > 0 and text[k - 1] in " ,":
        k -= 1
    g = cue.match(text, k)
    if g is None or g.end() <= v:
        return None
    end = k
    if (fd := _FIELD_BACK.search(text, max(0, k - 60), k)) is not None:
        # Komisi A bidang pemerintahan diketuai ...: the commission's field, no part of its name
        end = k = fd.start()
    words: list[int] = []  # starts of the body's words, right to left
    lo = max(0, k - 200)
    while len(words) < 16:
        w = _BODY_WORD_BACK.search(text, lo, k)
        if w is None:
            # komisi A diketuai ...: a unit word in lower case may open the body
            lw_ = _LOWER_WORD_BACK.search(text, lo, k) if words else None
            if lw_ is not None and lw_.group(0).casefold() in _LED_BODIES and lw_.group(0).casefold() in lx.unit_words:
                words.append(lw_.start())
            break
        if words and w.group(0).endswith(".") and w.group(0)[:-1].casefold() not in _ABBR_DOT:
            break  # (Sekretaris DPRD. Komisi C diketuai ...: the sentence before)
        words.append(w.start())
        k = w.start()
        if k == 0 or text[k - 1] != " ":
            break
        k -= 1
    # the body opens with its first unit word or agency mention (not dan, not an office)
    start = -1
    for ws in reversed(words):
        we = ws
        while we < end and (text[we].isalnum() or text[we] in "&'’/.-"):
            we += 1
        cf = text[ws:we].casefold()
        if cf in ("dan", "serta") or text[ws] == "(":
            continue
        if cf in _GATHERINGS:
            return None  # (a gathering's words are unit words of Pimpinan Rapat, no body)
        cv = ctx.agency_cover(ws)
        if cf in lx.unit_words or (cv is not None and cv[0] == ws):
            start = ws
            break
        if cf not in lx.stop:
            return None  # Rapat Paripurna DPRD yang diketuai ...: the meeting's chair, not the body's
    if start < 0 or match_head(lx, text, start) is not None:
        return None
    if led and (
        text[start:text.find(" ", start, end) if " " in text[start:end] else end].casefold() not in _LED_BODIES
        or (pw := prev_word(text, start)) is not None and pw.casefold() in _LED_PARTS
    ):
        return None  # (Polres X dipimpin AKBP Budi: a chief, no chair; tim dari Komisi X yang dipimpin: the team's)
    j = g.end()
    if (ds := _DESCRIPTOR.match(text, j)) is not None:
        j = ds.end()  # dipimpin politisi asal Partai X, Budi: the holder after the description
    nm = _reader_name(ctx, taken, j)
    if nm is None:
        return None
    items, _, _ = _read_items(ctx, row, start, end)
    region = next((it.region for it in items if it.region is not None), None)
    return Candidate(start, end, row, None, None, nm, region, "officials.position_named", items, start, label="Ketua")


_LIST_GAP: Final = re.compile(r"[ ]*,[ ]*(?:(?:dan|serta)[ ]+)?|[ ]+(?:dan|serta)[ ]+")
_PARTY_GAP: Final = re.compile(r"[ ]+(?=[A-Z])")
# degree letters left after a listed name before the list goes on (Morando Hasonangan S SH, ...)
_LIST_DEBRIS: Final = re.compile(r"(?:[ ]+[A-Z]{1,4}\.?)+(?=[ ]*,|[ ]+(?:dan|serta)[ ])")


# a list item's name going on past a unit word (Budi Pribadi Santoso, Ani Karya Lestari): the unit
# word, one or two capitalised words, and the item's end (a comma, dan / serta, a full stop)
_UNIT_IN_ITEM: Final = re.compile(r"[ ]([A-Z][a-z]+)((?:[ ][A-Z][a-z]+){1,2})(?=[ ]*,|[ ]+(?:dan|serta)[ ]|[ ]*\.(?:[ ]|\n|\Z)|[ ]*\Z)")


def _unit_in_item(ctx: _Ctx, nm: NameParse, u: Any) -> NameParse:
    """``nm`` stretched over a unit word written inside a listed person's name and the name words
    after it, up to the item's end (``..., Hadi Pribadi Kusmanto, ...``), when the unit word is no
    head, field noun or body and the words after it are name words; else ``nm`` as it was."""
    lx = ctx.lx
    w, cf = u.group(1), u.group(1).casefold()
    if cf not in lx.unit_words or (cf,) in lx.head_keys or _field_noun(cf) or ctx.agency_cover(u.start(1)) is not None:
        return nm
    rest = u.group(2).split()
    if not all(name_word_ok(lx, x) and x.casefold() not in lx.unit_words for x in rest):
        return nm
    return NameParse(nm.start, u.end(), nm.name_start, u.end(), nm.name + " " + w + " " + " ".join(rest), nm.honorifics)


def _list_name(ctx: _Ctx, pos: int, limit: int, places: Optional[str] = None) -> Optional[NameParse]:
    """A person's name as an item of a list at ``pos``: no office opens it, it is no place,
    and degree letters after it up to the next comma or ``dan`` belong to it. ``places``
    (the office's last word, case-folded): a place in parentheses after the name is the
    item's (:func:`_place_after`)."""
    text, lx = ctx.text, ctx.lx
    nm = parse_name(lx, text, pos, limit, ctx.regions, memo=ctx.memo)
    if nm is None or nm.start != pos or match_head(lx, text, nm.name_start) is not None:
        return None
    if ctx.regions is not None and ctx.regions.is_place(nm.name):
        return None
    if (cv := ctx.agency_cover(nm.name_start)) is not None and cv[0] == nm.name_start:
        return None  # a body (Gerindra, Bappeda): no person
    if " " not in nm.name and nm.name.casefold() in lx.title_starts:
        return None  # a rank or title alone (Sertu, Praka): no name
    if nm.end == nm.name_end and text[nm.end:nm.end + 1] == " " and text[nm.end + 1:nm.end + 2].isupper() and (
        u := _UNIT_IN_ITEM.match(text, nm.end, limit)
    ) is not None:
        nm = _unit_in_item(ctx, nm, u)
    d = _LIST_DEBRIS.match(text, nm.end, limit)
    if d is not None:
        nm = NameParse(nm.start, d.end(), nm.name_start, nm.name_end, nm.name, nm.honorifics)
    if (pp := _party_after(ctx, nm.end, limit)) is not None:
        # Budi Santoso (Golkar), Rahmat (PKS) dan ...: the member's party belongs to the item
        nm = NameParse(nm.start, pp[1], nm.name_start, nm.name_end, nm.name, nm.honorifics)
    elif places is not None and (pl := _place_after(ctx, nm.end, limit, places)) is not None:
        # Saptono (Desa Raharja), Hasim (Raharja) ...: the village each holds the office in
        nm = NameParse(nm.start, pl[1], nm.name_start, nm.name_end, nm.name, nm.honorifics)
    return nm


# the type words of a place written in parentheses after a listed holder: (Desa Raharja)
_PLACE_TYPES: Final = frozenset(
    "desa kelurahan kecamatan kabupaten kota provinsi dusun kampung nagari gampong distrik pekon tiyuh lembang ohoi".split()
)
# offices of a village or ward: any capitalised words in the parentheses name its place
_VILLAGE_OFFICE: Final = frozenset(
    "desa kades lurah kelurahan dusun kadus kampung nagari gampong pekon peratin tiyuh lembang ohoi kuwu keuchik"
    " geuchik perbekel sangadi kapitalau pambakal".split()
)
_PLACE_PAREN: Final = re.compile(r"[ ]*\([ ]*([A-Z][\w'’.-]*(?:[ ]+[A-Z][\w'’.-]*){0,3})[ ]*\)")


def _place_after(ctx: _Ctx, pos: int, limit: int, office: str) -> Optional[tuple[int, int, int, int]]:
    """(start, end) of a place in parentheses right after a listed holder at ``pos`` and
    (start, end) of the place's words without their type word when ``office`` (the office's
    last word, case-folded) names it (``Kepala Desa`` + ``(Desa Raharja)``: Raharja): it opens
    with a place type (Desa, Kelurahan ...), is a known region, or is any capitalised words
    after a village office (Kepala Desa ... Hasim (Raharja)); no office opens it."""
    text = ctx.text
    if text.find("(", pos, pos + 3) < 0:
        return None
    pm = _PLACE_PAREN.match(text, pos, limit)
    if pm is None:
        return None
    us, ue = pm.span(1)
    first = text[us:text.find(" ", us, ue) if " " in text[us:ue] else ue].casefold()
    if first in _PLACE_TYPES:
        if first == office:
            us = _skip_space(text, us + len(first))  # (Kepala Desa + Desa Raharja: Raharja)
            if us >= ue:
                return None
    elif not (
        office in _VILLAGE_OFFICE or (ctx.regions is not None and ctx.regions.is_place(text[us:ue]))
    ) or match_head(ctx.lx, text, us) is not None or first in ctx.lx.party_parens:
        return None
    return pm.start(), pm.end(), us, ue


def _party_after(ctx: _Ctx, pos: int, limit: int) -> Optional[tuple[int, int]]:
    """(start, end) of a party or faction parenthesis right after a listed name at ``pos``
    (`` (Golkar)``, `` (Fraksi PKS)``, `` (PDI-Perjuangan)``): its first word is a party
    short name (``party_parens``), or None."""
    text = ctx.text
    j = _skip_space(text, pos)
    if text[j:j + 1] != "(":
        return None
    c = text.find(")", j, min(limit, j + 48))
    if c < 0:
        return None
    w = _ALNUM.search(text, j + 1, c)
    if w is None or w.start() != j + 1 or w.group(0).casefold() not in ctx.lx.party_parens:
        return None
    return j, c + 1


def _faction_of(ctx: _Ctx, nm: NameParse) -> Optional[tuple[int, int, str]]:
    """The faction a listed spokesperson speaks for, from the party parenthesis after the
    name (``Budi (Golkar)``): (start, end, label) as :func:`_faction_before` gives it."""
    text = ctx.text
    pp = _party_after(ctx, nm.name_end, nm.end) if nm.end > nm.name_end else None
    if pp is None:
        return None
    s, e = pp[0] + 1, pp[1] - 1
    return s, e, "Juru Bicara" if text[s:s + 7].casefold() == "fraksi " else "Juru Bicara Fraksi"


def _listed_holders(
    ctx: _Ctx, first: NameParse, introduced: bool = False, places: Optional[str] = None
) -> list[NameParse]:
    """The further holders of a shared office named in a list right after its first holder
    (``anggota DPRD, Budi, Ani dan Rudi``): every item up to the one after ``dan``/``serta``
    must be a name that no office opens, and the list must close after it; else none.
    ``introduced``: the list is set off from the office (a comma before its first name,
    ``yakni``, a number or ``para`` before the office), so ``Budi dan Rudi`` is a list too."""
    text, lx = ctx.text, ctx.lx
    pos = first.end
    end = text.find("\n", pos)
    limit = len(text) if end < 0 else end
    out: list[NameParse] = []
    while len(out) < 12:
        g = _LIST_GAP.match(text, pos, limit)
        if g is None and text[pos - 1:pos] == ")" and _party_after(ctx, (out or [first])[-1].name_end, pos):
            g = _PARTY_GAP.match(text, pos, limit)  # Budi (Golkar) Rahmat (PKS), ...: a comma left out
        if g is None:
            return []
        nm = _list_name(ctx, g.end(), limit, places)
        if nm is None:
            return []
        out.append(nm)
        pos = nm.end
        if "dan" in g.group(0) or "serta" in g.group(0):
            # the list is closed: no office or further name after the last one
            if not _closed_after(lx, text, pos):
                return []
            j = _skip_space(text, pos)
            if text[j:j + 1] == ",":  # Budi, Ani dan Rudi, warga desa: Rudi's own apposition
                k = _skip_space(text, j + 1)
                w = _LOWER_WORD.match(text, k, limit)
                if (w is None or not _verbish(lx, w.group(0))) and not (
                    introduced and text[k:k + 1].isupper() and match_head(lx, text, k) is not None
                ):
                    return []  # (but ..., Wakil Ketua Budi dan Ani, Sekretaris Joko: the next entry)
            # anggota DPRD Budi dan Rudi: with no comma in the list the second may hold something else
            if introduced:
                return out
            return out if any("," in text[a.end:b.start] for a, b in zip([first, *out], out)) else []
    return []


def _names_after_comma(ctx: _Ctx, comma: int, limit: int) -> bool:
    """Does a list of person names follow the comma at ``comma`` (two or more, closed after
    the one after ``dan``, one of two words or with a title): the holders, not more of a
    body's name?"""
    first = _list_name(ctx, _skip_space(ctx.text, comma + 1), limit)
    if first is None:
        return False
    rest = _listed_holders(ctx, first, True)
    return bool(rest) and any(" " in nm.name or nm.honorifics for nm in (first, *rest))


# words before an office that make it a group's (para anggota, dua anggota, enam hakim,
# sejumlah kepala desa): a list of names after it holds it
_GROUP_WORDS: Final = frozenset(
    "para sejumlah beberapa seluruh semua dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas".split()
)
_NUMBER_WORDS: Final = {
    w: n for n, w in enumerate("dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas".split(), 2)
}


def _group_before(text: str, pos: int) -> Optional[str]:
    """The word before an office at ``pos`` that makes it a group's (``para``, ``dua``,
    ``6``, ``enam orang``), case-folded, or None."""
    j = pos
    while j > 0 and text[j - 1] == " ":
        j -= 1
    k = j
    while k > 0 and k > j - 4 and text[k - 1].isdigit():
        k -= 1
    if k < j and j < pos and (k == 0 or not text[k - 1].isalnum()):
        return text[k:j]  # 6 hakim
    pw = prev_word(text, pos)
    if pw is None:
        return None
    w = pw.casefold()
    if w == "orang":  # enam orang hakim
        return _group_before(text, j - len(pw))
    return w if w in _GROUP_WORDS else None


def _each_before(text: str, pos: int) -> bool:
    """Is the office at ``pos`` written after ``masing-masing`` (``masing-masing juru bicara
    fraksi``, ``masing-masing wakil/juru bicara``: another word for it before a slash passes)?"""
    j = pos
    if text[j - 1:j] == "/":
        j -= 1
        while j > 0 and text[j - 1].isalpha():
            j -= 1
    while j > 0 and text[j - 1] == " ":
        j -= 1
    return text[max(0, j - 13):j].casefold() == "masing-masing" and (j < 14 or not text[j - 14].isalnum())


def _group_size(word: Optional[str]) -> Optional[int]:
    """How many the group word counts (``enam``, ``6``), or None (``para``, ``sejumlah``)."""
    if word is None:
        return None
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word)


# a list introduced after an office: para Anggota DPRD Dapil III(,) yakni(.|:) Budi, ...
_LIST_CUE: Final = re.compile(
    r"[ ]*(?:lain(?:n?ya)?[ ]*)?(?:,[ ]*)?(?:yakni|yaitu|antara[ ]+lain|di[ ]?antaranya)[ ]*[.:,]?[ ]*(?=[A-Z])"
)
_ROLE_MAX: Final = 16  # tokens of an office's words before its list


_OTHER_WORDS: Final = frozenset(("lain", "lainnya", "lainya"))  # anggota panitia lainnya: no word of the office


def _role_run(ctx: _Ctx, m: HeadMatch, limit: int, lower_words: int) -> tuple[int, int]:
    """How far the words of a group's office run after its head: capitalised words,
    numbers, short parentheses, connectors and lower-case unit or field words
    (``Anggota DPRD daerah pemilihan (Dapil) III Tanah Abang dan Abab``), plus up to
    ``lower_words`` other lower-case words no function word or verb (``hakim pratama``).
    Returns (end of the office's words, where reading stopped)."""
    text, lx = ctx.text, ctx.lx
    tk = _Toks(text, m.end, limit)
    pend = m.end
    i = 0
    while i < _ROLE_MAX and (tok := tk.at(i)) is not None:
        s, e, t = tok
        if t == "(":
            j = i + 1
            while (x := tk.at(j)) is not None and j - i <= 6 and x[2] != ")":
                j += 1
            if x is None or x[2] != ")":
                return pend, s
            pend = x[1]
            i = j + 1
            continue
        if t in "/-&":
            i += 1
            continue
        if not t[0].isalnum():
            return pend, s
        cf = t.casefold()
        if t[0].isupper() or t[0].isdigit():
            if i and t[0].isupper() and match_head(lx, text, s) is not None:
                return pend, s  # another office: a list of offices
            pend = e
        elif cf in ("dan", "serta") or cf.startswith("se-"):
            pass
        elif cf == "dari" and i and (x := tk.at(i + 1)) is not None and x[2][0].isupper():
            pass  # Anggota DPRD terpilih dari PDIP / dari Dapil 1 yakni ...: the member's party or seat
        elif cf in lx.unit_words or _field_noun(cf) or cf in lx.status_quals:
            pend = e  # (Anggota DPRD terpilih yakni ...: a status word of the office)
        elif lower_words > 0 and cf not in lx.stop and not _verbish(lx, cf) and cf not in _OTHER_WORDS:
            lower_words -= 1
            pend = e
        else:
            return pend, s
        i += 1
    return pend, (x[0] if (x := tk.at(i)) is not None else limit)


def _intro_list(
    ctx: _Ctx, m: HeadMatch, group: Optional[str], taken: Optional[Intervals] = None,
    own: Optional[list[Candidate]] = None,
) -> Optional[Candidate]:
    """``para Anggota DPRD daerah pemilihan (Dapil) III Tanah Abang dan Abab yakni.
    Mulyadi, Saipul dan Supardi``, ``enam hakim yakni Budi, Ani dan Rudi``: a group's
    office (shared, or after a group word), ``yakni``/``yaitu`` (a stray full stop or a
    colon after it passes) and a list of two names or more. The first holder; the others
    are read by :func:`_listed_holders`."""
    text = ctx.text
    para_end = text.find("\n", m.end, m.end + 400)
    limit = min(len(text), m.end + 400) if para_end < 0 else para_end
    pend, stop = _role_run(ctx, m, limit, 1 if m.lower else 0)
    cue = _LIST_CUE.match(text, pend, limit)
    if cue is None and text.startswith("yang", _skip_space(text, pend)):
        # para kepala desa yang hadir yakni ...: a relative clause, then the list
        rel = _REL_CLAUSE.match(text, pend, limit)
        cue = _LIST_CUE.match(text, rel.end(), limit) if rel is not None else None
    if cue is None:
        return None
    places = _last_word(text, m.start, pend)
    first = _list_name(ctx, cue.end(), limit, places)
    if first is None and own is not None and (hm := match_head(ctx.lx, text, cue.end())) is not None:
        # anggota tim lainnya yakni Wakil Menteri X Budi, Rudi, Ani dan Joko: the first item names
        # its holder's own office; the bare names after it hold the group's
        oc = _parse_at(ctx, hm, taken) if taken is not None else None
        if oc is None or oc.name is None or oc.name.start < oc.pos_end or text[oc.name.end:oc.name.end + 1] != ",":
            return None
        first = _list_name(ctx, _skip_space(text, oc.name.end + 1), limit, places)
        if first is None or not (rest := _listed_holders(ctx, first, True, places)) or group is not None:
            return None
        own.append(oc)
    elif first is None:
        return None
    else:
        rest = _listed_holders(ctx, first, True, places)
    if not rest:
        return None
    if not (m.row.shared or group is not None) and any(_item_unit(ctx, nm, places) is None for nm in (first, *rest)):
        return None  # (an office held once per place: Ketua TP PKK yakni Ani (Banten), Sri (Gorontalo))
    n = _group_size(group)
    if n is not None and n != len(rest) + 1:
        return None  # tiga anggota yakni Budi dan Ani: the count says it is no list of them
    items, _, _ = _read_items(ctx, m.row, m.end, pend, True)
    region = next((it.region for it in items if it.region is not None), None)
    return Candidate(
        m.start, pend, m.row, m.acting, m.modifier, first, region, "officials.position_named", items, m.end,
        unit=_item_unit(ctx, first, places),
    )


def _last_word(text: str, start: int, end: int) -> str:
    """The last word of ``text[start:end]``, case-folded (an office's: desa of Kepala Desa)."""
    i = text.rfind(" ", start, end)
    return text[i + 1:end].casefold().strip("().")


def _item_unit(ctx: _Ctx, nm: NameParse, places: Optional[str]) -> Optional[tuple[int, int]]:
    """The place a listed holder's item gives in parentheses (``Hasim (Raharja)``), as the
    unit of his office, or None."""
    if places is None or nm.end <= nm.name_end or ctx.text[nm.end - 1] != ")":
        return None
    p = ctx.text.rfind("(", nm.name_end, nm.end)
    pl = _place_after(ctx, p, nm.end, places) if p >= 0 else None
    return (pl[2], pl[3]) if pl is not None else None


_REL_CLAUSE: Final = re.compile(r"[ ]*yang(?:[ ]+[a-z]+){1,3}?(?=[ ]*,?[ ]*(?:yakni|yaitu|antara[ ]+lain|di[ ]?antaranya)\b)")
# the next sentence names the group: Mereka (yang baru dilantik ini) adalah / Keduanya
# masing-masing / Ketiganya yakni N1, N2 dan N3
_GROUP_NAMED: Final = re.compile(
    r"(?:Mereka|Keduanya|Ketiganya|Keempatnya|Kelimanya|Keenamnya|Ketujuhnya|Kedelapannya"
    r"|Kesembilannya|Kesepuluhnya|Kesemuanya)(?:[ ]+[a-z][a-z-]*){0,6}[ ]+"
    r"(?:adalah|ialah|yakni|yaitu|masing-masing)[ ]*:?[ ]+(?=[A-Z])"
)


def _group_named_next(ctx: _Ctx, m: HeadMatch, group: str) -> Optional[tuple[int, list[NameParse]]]:
    """``enam hakim pratama yang dilantik ... . Mereka yang baru dilantik ini adalah N1,
    N2, ... dan N6``: a group's office (after a group word) in one sentence, its holders
    listed in the next one after an explicit link (``Mereka ... adalah``, ``Keduanya
    masing-masing``). Returns (end of the office's words, the names), or None."""
    text, doc = ctx.text, ctx.doc
    sents = doc.sentences
    i = bisect.bisect_right(sents, (m.end, len(text) + 1)) - 1  # the office's sentence
    if i < 0 or i + 1 >= len(sents) or not sents[i][0] <= m.end < sents[i][1]:
        return None
    se, nxt = sents[i][1], sents[i + 1][0]
    para_end = text.find("\n", m.end, m.end + 400)
    limit = min(len(text), m.end + 400) if para_end < 0 else para_end
    if nxt >= limit or text.find("\n", se, nxt) >= 0:
        return None  # the next sentence is in another paragraph or too far
    g = _GROUP_NAMED.match(text, nxt, limit)
    if g is None:
        return None
    while se > m.end and text[se - 1] in " \"”'":
        se -= 1
    if se > m.end and text[se - 1] in ".!?":
        se -= 1  # (the office's words end before the sentence's full stop)
    nl = text.find("\n", g.end())
    limit = len(text) if nl < 0 else nl
    first = _list_name(ctx, g.end(), limit)
    if first is None:
        return None
    rest = _listed_holders(ctx, first, True)
    if not rest and _ITEM_ASIDE.match(text, first.end, limit) is not None:
        # Mereka adalah Budi, S.H. (PA Ciamis), Rudi (PA Cibinong) dan Ani (PA Depok): each name
        # with an aside in parentheses (the court or office he comes from)
        names = _aside_items(ctx, g.end(), limit)
        if names is not None:
            first, rest = names[0], names[1:]
    n = _group_size(group)
    if not rest or (n is not None and n != len(rest) + 1):
        return None
    if text[_skip_space(text, rest[-1].end):_skip_space(text, rest[-1].end) + 1] not in (".", "", "\n"):
        return None  # the list closes the sentence (or its line)
    pend, _ = _role_run(ctx, m, se, 2 if m.lower else 0)
    return pend, [first, *rest]


_ASIDE_SEP: Final = re.compile(r"[ ]*(?:,[ ]*(?:(?:dan|serta)[ ]+)?|(?:dan|serta)[ ]+)")


def _aside_items(ctx: _Ctx, pos: int, limit: int) -> Optional[list[NameParse]]:
    """``Budi, S.H. (PA Ciamis), Rudi (PA Cibinong), dan Ani (PA Depok)`` at ``pos``: names each
    followed by an aside in parentheses opening with a capital (the body or place he comes
    from), joined by commas, the last by ``dan``/``serta``; the list closes its sentence or line.
    Returns the names (each running over its aside), or None."""
    text = ctx.text
    names: list[NameParse] = []
    while len(names) < 12:
        nm = _list_name(ctx, pos, limit)
        if nm is None or (a := _ITEM_ASIDE.match(text, nm.end, limit)) is None or not (
            text[_skip_space(text, text.find("(", nm.end) + 1):][:1].isupper()
        ):
            return None
        names.append(NameParse(nm.start, a.end(), nm.name_start, nm.name_end, nm.name, nm.honorifics))
        sep = _ASIDE_SEP.match(text, a.end(), limit)
        if sep is None:
            break
        last = "dan" in sep.group(0) or "serta" in sep.group(0)
        if last:
            nm = _list_name(ctx, sep.end(), limit)
            if nm is None or (a := _ITEM_ASIDE.match(text, nm.end, limit)) is None:
                return None
            names.append(NameParse(nm.start, a.end(), nm.name_start, nm.name_end, nm.name, nm.honorifics))
            break
        pos = sep.end()
    if len(names) < 2 or text[_skip_space(text, names[-1].end):_skip_space(text, names[-1].end) + 1] not in (".", "", "\n"):
        return None
    return names


# a list of names after a group's office and a colon, numbered or one per line: Anggota: 1. Budi;
# 2. Rudi, dan 3. Joko / Anggota tim:\n1. Budi\n2. Rudi / - Budi\n- Rudi
_COLON_ITEM_MARK: Final = re.compile(r"[ \t]*(?:(?P<n>\d{1,2})[.)][ \t]*|[-\u2022*][ \t]+)")
_COLON_ITEM_SEP: Final = re.compile(r"[ \t]*(?:[;,][ \t]*(?:(?:dan|serta)[ \t]+)?|(?:dan|serta)[ \t]+)")
_ITEM_ASIDE: Final = re.compile(r"[ \t]*\([^()\n]{1,60}\)")  # 1. Budi (akademisi); 2. ...: the item's own aside


def _colon_list(
    ctx: _Ctx, m: HeadMatch
) -> Optional[tuple[int, list[NameParse], list[Optional[tuple[int, int]]]]]:
    """``Anggota: 1. Budi Santoso; 2. Rudi Hartono, dan 3. Joko``, ``Anggota tim:`` over lines
    ``1. Budi`` / ``- Rudi``: a group's office, a colon and a list of two names or more, each
    numbered (1, 2, 3 ... in turn) or on its own line; a list of names joined by commas only
    is another reader's. A lead-in closing its line with a list cue stands for the colon before
    a list one to a line (``Lima peratin yang dilantik di Kecamatan X adalah,`` / ``1.BUDI
    SANTOSO, Pekon Sukaraja``): each row may give the holder's place after his name (a place
    type and its words up to the line's end), the unit of his office; an office held once per
    place (``takes = "place"``) is read only when every row gives one. Returns (end of the
    office's words, the names, each name's place or None), or None."""
    text = ctx.text
    nl = text.find("\n", m.end, m.end + 120)
    pend, _ = _role_run(ctx, m, len(text) if nl < 0 else nl, 1 if m.lower else 0)
    c = _skip_space(text, pend)
    roster = False  # a lead-in closing its line: one holder a line, each with his place
    if text[c:c + 1] != ":":
        if nl < 0 or (ld := _ROSTER_LEAD.match(text, pend, nl + 1)) is None:
            return None
        roster = True
        c = ld.end() - 2  # (the list opens at the line's end)
    pos = c + 1
    names: list[NameParse] = []
    units: list[Optional[tuple[int, int]]] = []
    office = _last_word(text, m.start, pend)
    lines = False  # one item per line
    want = 1  # the number the next item must bear
    plain = False  # an inline list with no numbers: Wakil Ketua: Budi dan Rudi
    closed = False
    n_text = len(text)
    while len(names) < 40:
        j = _skip_space(text, pos)
        if text[j:j + 1] == "\n":
            if names and not lines:
                break  # (an inline list ends at its line)
            lines = True
            j = _skip_space(text, j + 1)
        mk = _COLON_ITEM_MARK.match(text, j)
        if mk is not None and not plain:
            if mk.group("n") is not None:
                if int(mk.group("n")) != want:
                    break
                want += 1
            j = mk.end()
        elif not names and not lines:
            plain = True
        elif not (lines or plain):
            break
        le = text.find("\n", j)
        limit = n_text if le < 0 else le
        if roster and not lines:
            break  # (after a lead-in with no colon the rows stand one to a line)
        place = _roster_place(ctx, j, limit) if lines else None
        nm = _list_name(ctx, j, place[0] if place is not None else limit)
        if nm is None and lines and mk is not None and mk.group("n") is not None:
            nm = _caps_row_name(ctx, j, place[0] if place is not None else limit)  # 1.BUDI SANTOSO, Pekon X
        if nm is None:
            break
        e = nm.end
        if (a := _ITEM_ASIDE.match(text, e, limit)) is not None:
            e = a.end()
        unit = None
        if place is not None and _skip_space(text, e) >= place[0]:
            e, unit = limit, (place[1] if place[2] != office else _skip_space(text, place[1] + len(place[2])), limit)
        k = _skip_space(text, e)
        closed = k >= limit or text[k] == "." or (lines and text[k] in ";," and _skip_space(text, k + 1) >= limit)
        sep = None if closed else _COLON_ITEM_SEP.match(text, e, limit)
        if not closed and (sep is None or lines):
            break  # (more words after the name: no list item)
        names.append(nm)
        units.append(unit)
        if lines:
            pos = limit
        elif closed:
            break
        else:
            pos = sep.end()  # type: ignore[union-attr]
    if len(names) < 2:
        return None
    if plain:
        # an inline list with no numbers ends its sentence or line, or the next office opens after
        # it (Wakil Ketua: Budi dan Rudi, Sekretaris: Joko); each item a person's name (two words
        # or more, a title or a degree): Anggota: Kecamatan A dan B names no holders
        if not (closed or match_head(ctx.lx, text, _skip_space(text, pos)) is not None) or any(
            nm.start == nm.name_start and nm.end == nm.name_end and " " not in nm.name for nm in names
        ):
            return None
    elif not lines and want <= len(names):
        return None  # (an inline list is numbered throughout)
    if not (m.row.shared or (m.modifier is not None and m.modifier.id == "wakil")) and (
        m.row.takes != "place" or None in units
    ) and _group_before(text, m.start) != "para":
        return None  # (an office held once per place: each row names its place)
    if any(u is not None for u in units) and None in units:
        return None  # (some rows with a place, some without: no roster of places)
    return pend, names, units


def _roster_below(text: str, pos: int) -> bool:
    """Does the line of ``pos`` end within 160 characters, the next line opening with a row
    number (``1.``, ``1)``): a cheap test before reading a lead-in and its roster."""
    nl = text.find("\n", pos, pos + 160)
    if nl < 0:
        return False
    j = _skip_space(text, nl + 1)
    return text[j:j + 1].isdigit() and text[j + 1:j + 3].lstrip("0123456789")[:1] in (".", ")")


# a lead-in closing its line before a roster one to a line: (Lima peratin) yang dilantik di
# Kecamatan X adalah," / (Kepala desa) terpilih sebagai berikut:
_ROSTER_LEAD: Final = re.compile(
    r"(?:[ ]+(?:yang|di|se|terpilih|baru)(?:[ ]+[\w-]+){0,12}?)?[ ]*,?[ ]*"
    r"(?:adalah|ialah|yakni|yaitu|sebagai[ ]+berikut|antara[ ]+lain|di[ ]?antaranya|masing-masing)"
    r"[ ]*[:,]?[ ]*[\"”“']?[ ]*\n"
)
# a row's place after the holder's name: (,) Pekon Sukaraja / Desa Tanjung Raya up to the line's end
_ROSTER_PLACE: Final = re.compile(r"(?:[ ]*,[ ]*|[ ]+)([A-Z][a-z]+)[ ]+[A-Z][\w'’-]*(?:[ ]+[\w'’-]+){0,4}[ ]*[.,;]?[ ]*\Z")


def _roster_place(ctx: _Ctx, pos: int, limit: int) -> Optional[tuple[int, int, str]]:
    """The place closing a roster row ``text[pos:limit]`` (``BUDI SANTOSO, Pekon Sukaraja``):
    (start of its separator, start of its type word, the type word case-folded), or None. The
    type is a place type below the province (Desa, Kelurahan, Pekon, Kampung ...)."""
    text = ctx.text
    row = text[pos:limit]
    for k in range(len(row)):  # (the first place type word that opens the row's tail)
        if row[k] in " ," and (g := _ROSTER_PLACE.match(row, k)) is not None and g.group(1).casefold() in _PLACE_TYPES:
            if g.group(1).casefold() in ("kabupaten", "kota", "provinsi"):
                return None
            return pos + k, pos + g.start(1), g.group(1).casefold()
    return None


# a name in capitals in a numbered row (1.BUDI SANTOSO, Pekon X; 2.AGUS S, Desa Y), its words then
# degrees written with a full stop or comma inside (S,T / S.PD) or known ones (SE, SH)
_CAPS_NAME_WORD: Final = re.compile(r"[ ]*([A-Z][A-Z'’-]*)(?![\w.,])")
_CAPS_DEGREE: Final = re.compile(r"[ ]*,?[ ]*([A-Z][A-Za-z]{0,3}(?:[.,][ ]?[A-Za-z]{1,4})+\.?)(?![\w])")


def _caps_row_name(ctx: _Ctx, pos: int, limit: int) -> Optional[NameParse]:
    """A person's name written in capitals filling a numbered row up to ``limit`` (the row's
    place, or its end), degrees after it apart: the name in title case (``MUZARNI M`` →
    ``Muzarni M``). None when a word is a body's acronym, the words are no name, or more
    follows."""
    text, lx = ctx.text, ctx.lx
    words: list[str] = []
    p = pos
    while len(words) < 6 and (w := _CAPS_NAME_WORD.match(text, p, limit)) is not None:
        words.append(w.group(1))
        p = w.end()
    if not words or len(words[0]) < 3:
        return None
    name_end = pos + len(text[pos:p].rstrip())
    degrees: list[str] = []
    while (d := _CAPS_DEGREE.match(text, p, limit)) is not None:
        degrees.append(d.group(1))
        p = d.end()
    while len(words) > 1 and words[-1].casefold() in _DEGREES_CAPS:
        degrees.insert(0, words.pop())  # (BUDI SANTOSO SE: a degree in capitals)
        name_end = text.rfind(" ", pos, name_end)
    if text[p:limit].strip(" ,.;"):
        return None  # (more words in the row)
    if any(w in lx.acronyms or w in lx.body_acronyms for w in words) or not all(
        len(w) == 1 or name_word_ok(lx, w.title()) for w in words
    ):
        return None
    if ctx.regions is not None and ctx.regions.is_place(" ".join(w.title() for w in words)):
        return None
    return NameParse(pos, p if degrees else name_end, pos, name_end, " ".join(w.title() if len(w) > 1 else w for w in words), degrees)


_DEGREES_CAPS: Final = frozenset("se sh st sp spd sag sip sos ssos msi mm mh mpd ir drs".split())


# after a group's office: where it sits, a relative clause and a list cue (Kepala Kejaksaan Negeri di
# Sumatera Utara yang dimutasi berdasarkan kebijakan Jaksa Agung antara lain ...)
_GROUP_CUE: Final = re.compile(
    r"(?:[ ]+(?:di|se)[ ]+[A-Z][\w-]*(?:[ ]+[A-Z][\w-]*){0,3})?"
    r"(?:[ ]*,?[ ]+yang(?:[ ]+[\w-]+){1,8}?)?"
    r"[ ]*,?[ ]*(?:antara[ ]+lain|di[ ]?antaranya|yakni|yaitu|adalah|ialah)[ ]*[:,]?[ ]*(?=[A-Z])"
)
# one item of a list of replacements: Budi diganti (oleh) Rudi / Budi di ganti Rudi
_REPLACED_BY: Final = re.compile(r"[ ]+di[ ]?ganti(?:kan)?(?:[ ]+oleh)?[ ]+(?=[A-Z])")
_PAIR_ITEM_SEP: Final = re.compile(r"[ ]*(?:[,;][ ]*(?:(?:dan|serta)[ ]+)?|(?:dan|serta)[ ]+)(?:(?:terakhir|juga)[ ]+)?")


def _place_word(ctx: _Ctx, nm: NameParse) -> bool:
    """Is a one-word item the last word of a place the text names elsewhere (``Hasundutan``
    after ``Kabupaten Humbang Hasundutan``)?"""
    text, w = ctx.text, nm.name
    if " " in w or ctx.regions is None:
        return False
    i = text.find(w)
    while i >= 0:
        if i != nm.name_start and (pw := prev_word(text, i)) is not None and ctx.regions.is_place(f"{pw} {w}"):
            return True
        i = text.find(w, i + len(w))
    return False


def _replacement_list(ctx: _Ctx, m: HeadMatch) -> Optional[tuple[int, list[tuple[NameParse, NameParse]]]]:
    """``Kepala Kejaksaan Negeri yang dimutasi antara lain Budi diganti Rudi, Ani di ganti Sri,
    dan terakhir Joko diganti Tono``: an office stated once, a list cue and items ``A diganti
    B``: in each, B holds the office now and A held it. Returns (end of the office's words,
    the (past, new) pairs), or None."""
    text = ctx.text
    nl = text.find("\n", m.end)
    limit = len(text) if nl < 0 else nl
    pend, _ = _role_run(ctx, m, min(limit, m.end + 200), 1 if m.lower else 0)
    cue = _GROUP_CUE.match(text, pend, min(limit, pend + 160))
    if cue is None or "." in text[pend:cue.end()]:
        return None
    pairs: list[tuple[NameParse, NameParse]] = []
    pos = cue.end()
    while len(pairs) < 12:
        a = _list_name(ctx, pos, limit)
        if a is None or (g := _REPLACED_BY.match(text, a.end, limit)) is None:
            break
        b = _list_name(ctx, g.end(), limit)
        if b is None:
            break
        pairs.append((a, b))
        sep = _PAIR_ITEM_SEP.match(text, b.end, limit)
        if sep is None:
            break
        pos = sep.end()
    if not pairs or not _closed_after(ctx.lx, text, pairs[-1][1].end):
        return None
    return pend, pairs


# an acting holder in parentheses after the place he holds office in: Desa Sejati (PJ Budi),
# Kelurahan Mulyorejo (Plt Rudi)
_ACTING_PAREN: Final = re.compile(r"\([ ]*(Pj|PJ|Pjs|PJS|Plt|PLT|Plh|PLH)\.?[ ]+(?=[A-Z])")
_PLACE_OFFICES: Final = {"desa": ("kepala", "desa"), "kelurahan": ("lurah",)}
_PLACE_LABELS: Final = {"desa": "Kepala Desa", "kelurahan": "Lurah"}
_PLACE_ITEM_GAP: Final = re.compile(r"[ ]*(?:,[ ]*(?:(?:dan|serta)[ ]+)?|(?:dan|serta)[ ]+)\Z")


# the gate of _acting_by_place: (Pj, (PJ, (Pl, (PL or ( P — one scan for the parenthesis (five
# substring scans of the text cost about eight times as much)
_ACTING_CUE: Final = re.compile(r"\((?:P[jJlL]| P)")


def _acting_by_place(ctx: _Ctx, taken: Intervals, body: int) -> list[Candidate]:
    """``penjabat yang ditugaskan antara lain Desa Dharma Tanjung (PJ Budi), Sejati (PJ Rudi) dan
    Rabasan. (PJ Ani)``: villages (or wards) each with its acting head in parentheses: the
    holder is the acting head (Penjabat Kepala Desa) of the place before the parenthesis. The
    first place of a list is written with its type (Desa, Kelurahan); the places after it
    joined by commas or ``dan`` share it."""
    text, lx = ctx.text, ctx.lx
    out: list[Candidate] = []
    typ: Optional[str] = None
    prev_end = -1  # the end of the last item read
    for am in _ACTING_PAREN.finditer(text, body):
        p = am.start()
        close = text.find(")", am.end(), am.end() + 60)
        if close < 0:
            continue
        nm = _list_name(ctx, am.end(), close)
        if nm is None or _skip_space(text, nm.end) != close or taken.overlaps(nm.name_start, nm.name_end):
            continue
        j = p
        while j > 0 and text[j - 1] == " ":
            j -= 1
        if text[j - 1:j] == ".":
            j -= 1  # (Prajjan. (PJ Budi): a stray full stop before the parenthesis)
        run = _NAME_RUN_BACK.search(text, max(0, j - 60), j)
        if run is None:
            continue
        words = run.group(0).split()
        rs = run.start()
        t_at = max((k for k, w in enumerate(words) if w.casefold() in _PLACE_OFFICES), default=-1)
        if t_at >= 0:
            if t_at == len(words) - 1:
                continue
            typ = words[t_at].casefold()
            for w in words[:t_at + 1]:
                rs = text.index(w, rs) + len(w)
            rs = _skip_space(text, rs)
        elif typ is None or prev_end < 0 or _PLACE_ITEM_GAP.search(text, prev_end, rs) is None:
            typ = None
            continue  # (a bare place only after an item of the list)
        if match_head(lx, text, rs) is not None:
            continue
        row = lx.head_keys.get(_PLACE_OFFICES[typ])
        acting = lx.acting_keys.get((am.group(1).casefold(),))
        if row is None or acting is None:
            continue
        out.append(Candidate(
            rs, j, row, acting, None, nm, None, "officials.group_list", [], rs,
            label=f"{am.group(1)} {_PLACE_LABELS[typ]}",
        ))
        taken.add(nm.start, nm.end)
        prev_end = close + 1
    return out


# a list cue after a village office whose items each name the village first: penjabat kades
# yaitu, untuk Desa Raharja oleh Budi dari Staf Dinsos, Desa Karyamukti oleh Rudi ...
_BY_PLACE_CUE: Final = re.compile(r"[ ]*,?[ ]*(?:antara[ ]+lain|di[ ]?antaranya|yakni|yaitu|masing-masing)[ ]*[:,]?[ ]*")
_BY_PLACE_ITEM: Final = re.compile(
    r"(?:untuk[ ]+)?(?P<t>Desa|Kelurahan)[ ]+(?P<p>[A-Z][\w'’-]*(?:[ ]+[A-Z][\w'’-]*){0,3})[ ]+oleh[ ]+(?=[A-Z])"
)
_BY_PLACE_NEXT: Final = re.compile(r",[ ]*(?:(?:dan|serta)[ ]+)?(?=(?:untuk[ ]+)?(?:Desa|Kelurahan)[ ]+[A-Z])")


def _held_by_place(ctx: _Ctx, m: HeadMatch) -> Optional[list[tuple[int, int, NameParse]]]:
    """``penjabat kades yaitu, untuk Desa Raharja oleh Budi dari Staf Dinsos, Desa Karyamukti
    oleh Rudi ..., dan Desa Mekarsari oleh Ani``: a village office stated once, a list cue and
    items ``Desa X oleh NAME`` (words after the name up to the next item are his own): each
    holds the office in his village. Returns (start, end of the place's words, the name) for
    each item (two or more), or None."""
    text = ctx.text
    pend, _ = _role_run(ctx, m, min(len(text), m.end + 80), 0)
    if pend != m.end:
        return None  # (the office has its own place)
    cue = _BY_PLACE_CUE.match(text, pend)
    if cue is None:
        return None
    end = len(text) if (nl := text.find("\n", pend)) < 0 else nl
    out: list[tuple[int, int, NameParse]] = []
    pos = cue.end()
    while len(out) < 20:
        it = _BY_PLACE_ITEM.match(text, pos, end)
        if it is None or ctx.lx.head_keys.get(_PLACE_OFFICES[it.group("t").casefold()]) is not m.row:
            break
        nm = _list_name(ctx, it.end(), end)
        if nm is None:
            break
        out.append((it.start("p"), it.end("p"), nm))
        stop = text.find(".", nm.end, end)
        nx = _BY_PLACE_NEXT.search(text, nm.end, end if stop < 0 else stop)
        if nx is None:
            break
        pos = nx.end()
    return out if len(out) >= 2 else None


_SENT_END: Final = re.compile(r"[.!?][\"”']?(?:[ \t]*\n){0,2}[ \t]*(?=[A-Z])|[.!?][\"”']?[ \t]+(?=[A-Z])")


def _placed_list_next(ctx: _Ctx, m: HeadMatch) -> Optional[tuple[int, list[NameParse]]]:
    """``Ketua TP PKK yang dilantik berasal dari lima provinsi. Ani (Gorontalo), Sri (Banten) dan
    Rina (Papua Barat).``: an office opening its sentence with a relative clause, and a next
    sentence (in the same or the next paragraph) that is nothing but a list of two names or
    more, each with the place he holds it in, in parentheses. Returns (end of the office's
    words, the names), or None."""
    text = ctx.text
    j = m.start
    while j > 0 and text[j - 1] in " \t\"“":
        j -= 1
    if j > 0 and text[j - 1] not in ".!?\n":
        return None  # (the office opens its sentence; no sentence split of the text is asked for)
    stop = _SENT_END.search(text, m.end, min(len(text), m.end + 400))
    if stop is None or text.find("\n", m.end, stop.start()) >= 0:
        return None
    se, nxt = stop.start() + 1, stop.end()
    if text.count("\n", se, nxt) > 2 or text.find("(", nxt, nxt + 80) < 0:
        return None
    pend, _ = _role_run(ctx, m, se, 0)
    if not text.startswith(" yang ", pend):
        return None
    places = _last_word(text, m.start, pend)
    nl = text.find("\n", nxt)
    limit = len(text) if nl < 0 else nl
    first = _list_name(ctx, nxt, limit, places)
    if first is None or first.start != nxt:
        return None
    rest = _listed_holders(ctx, first, True, places)
    if not rest or any(_item_unit(ctx, nm, places) is None for nm in (first, *rest)):
        return None
    j = _skip_space(text, rest[-1].end)
    if text[j:j + 1] not in (".", ""):
        return None  # (the list is the whole sentence)
    return pend, [first, *rest]


@dataclass(slots=True, init=False)
class HeadMatch:
    """A position head found in the text, with its acting prefix and modifier."""

    start: int
    end: int
    head_start: int
    head_end: int
    row: PositionRow
    acting: Optional[PrefixRow]
    modifier: Optional[PrefixRow]
    lower: bool = False  # written in lower case

    # the dataclass's __init__ written out, compiled in the compiled build (tests/test_build.py)
    def __init__(self, start: int, end: int, head_start: int, head_end: int, row: PositionRow,
                 acting: Optional[PrefixRow], modifier: Optional[PrefixRow], lower: bool = False) -> None:
        self.start = start
        self.end = end
        self.head_start = head_start
        self.head_end = head_end
        self.row = row
        self.acting = acting
        self.modifier = modifier
        self.lower = lower


class _LazyTokens:
    """Tokens of ``text[pos:end]`` read only as far as a look-up needs them."""

    __slots__ = ("it", "spans", "cf", "text")

    def __init__(self, text: str, pos: int, end: int, it: Any = None) -> None:
        self.text = text
        self.it = _TOKEN.finditer(text, pos, end) if it is None else it
        self.spans: list[tuple[int, int]] = []
        self.cf: list[str] = []  # case-folded

    def get(self, i: int) -> Optional[str]:
        """The case-folded token ``i`` (None past the end)."""
        cf = self.cf
        n = len(cf)
        if i < n:
            return cf[i]
        if i == n:  # the next token: one step of the scan
            m = next(self.it, None)
            if m is None:
                return None
            s, e = sp = m.span()
            self.spans.append(sp)
            t = self.text[s:e].casefold()
            cf.append(t)
            return t
        text, spans = self.text, self.spans
        for m in self.it:
            s, e = sp = m.span()  # one call, then a slice (as _Toks.at)
            spans.append(sp)
            cf.append(text[s:e].casefold())
            if len(cf) > i:
                return cf[i]
        return None


def _token_trie(keys: dict[tuple[str, ...], Any]) -> dict[str, Any]:
    """Case-folded token sequences as nested dicts; ``""`` holds the row of a complete form."""
    root: dict[str, Any] = {}
    for key, row in keys.items():
        node = root
        for t in key:
            node = node.setdefault(t, {})
        node.setdefault("", row)
    return root


_NO_WALK: Final[tuple[Any, int]] = (None, 0)


def _walk(trie: dict[str, Any], tk: _LazyTokens, i: int) -> tuple[Any, int]:
    """The longest form of ``trie`` at token ``i``: (row, tokens used) or (None, 0).

    A last token may carry the enclitic ``-nya`` (``Ketua Umumnya``, ``Kepalanya``).
    """
    cf = tk.cf
    t0 = cf[i] if i < len(cf) else tk.get(i)
    if t0 is None or (t0 not in trie and not t0.endswith("nya")):
        return _NO_WALK  # most heads have no acting prefix nor modifier: one look-up
    node = trie
    best: tuple[Any, int] = _NO_WALK
    j = i
    it = None
    while True:
        if j < len(cf):
            t = cf[j]
        else:
            # the next token (tokens are read in order: j == len(cf)), read here as tk.get(j) reads it
            if it is None:
                it, spans, text = tk.it, tk.spans, tk.text
            m = next(it, None)
            if m is None:
                break
            s, e = sp = m.span()
            spans.append(sp)
            t = text[s:e].casefold()
            cf.append(t)
        if len(t) > 3 and t.endswith("nya"):
            bare = node.get(t[:-3])
            if bare is not None and "" in bare:
                best = (bare[""], j - i + 1)
        child = node.get(t)
        if child is None:
            break
        j += 1
        node = child
        if "" in node:
            best = (node[""], j - i)
            if len(node) == 1:
                break  # a leaf: no longer form (nor a -nya form of one) goes on; the next token is not read
    return best


def match_head(lx: OffLex, text: str, pos: int) -> Optional[HeadMatch]:
    """A position head (``Plt Kepala Dinas``, ``Wakil Bupati``, ``Kabid``) starting at ``pos``.

    Most heads have no acting prefix, no modifier and no dot in their first word: for them
    only the head trie is walked here; any other first word goes to :func:`_match_head_tk`,
    the general reading (the same tokens, the same answer)."""
    lim = text.find("\n", pos, pos + 200)
    end = min(len(text), pos + 200) if lim < 0 else lim
    # (_TOKEN.finditer(text, pos, end), its two branches inline)
    it: Iterator[AnyMatch] = (
        _TOKEN_A.finditer(text, pos, end) if text.isascii() else _TOKEN_U.finditer(text, pos, end, False)
    )
    m0 = next(it, None)
    if m0 is None:
        return None
    s0, e0 = sp0 = m0.span()
    if s0 != pos:
        return None
    t0 = text[s0:e0].casefold()
    tk = _LazyTokens(text, pos, end, it)  # (_tokens_read inline: its first token read; mypyc: no __new__ without __init__)
    tk.spans.append(sp0)  # (into the lists the constructor made: none made twice)
    tk.cf.append(t0)
    if t0 in lx.acting_trie or t0.endswith("nya") or "." in t0 or t0 in lx.mod_trie:
        return _match_head_tk(lx, text, pos, tk)
    # no acting prefix, no glued prefix, no modifier: only the head itself, from token 0
    row, k = _walk(lx.head_trie, tk, 0)
    if row is None and lx.short_heads:
        row, k = _short_head(lx, text, tk, 0)
    if row is None:
        return None
    sp = tk.spans
    return HeadMatch(pos, sp[k - 1][1], sp[0][0], sp[k - 1][1], row, None, None)


def _match_head_tk(lx: OffLex, text: str, pos: int, tk: _LazyTokens) -> Optional[HeadMatch]:
    """:func:`match_head` read with the token reader ``tk`` (its first token read, at ``pos``)."""
    i = 0
    t0 = tk.cf[0]
    # (_walk's own first test inline: most heads have no acting prefix nor modifier)
    acting, k = _walk(lx.acting_trie, tk, i) if t0 in lx.acting_trie or t0.endswith("nya") else _NO_WALK
    if acting is None and "." in t0:
        # plt.bupati, Plt.Kepala Dinas: an acting prefix glued to the head by its dot
        a, _, rest = t0.partition(".")
        glued = lx.acting_keys.get((a, ".")) or lx.acting_keys.get((a,))
        if glued is not None and rest[:1].isalpha():
            m = match_head(lx, text, pos + len(a) + 1)
            if m is not None and m.acting is None:
                m.start, m.acting = pos, glued
                return m
            return None
    if acting is not None:
        i += k
        # Pelaksana tugas (Plt) Kepala ...
        if tk.get(i + 2) is not None and tk.cf[i] == "(" and tk.cf[i + 2] == ")":
            i += 3
    ti = tk.cf[i] if i < len(tk.cf) else tk.get(i)
    mod, k = _walk(lx.mod_trie, tk, i) if ti is not None and (ti in lx.mod_trie or ti.endswith("nya")) else _NO_WALK
    j = i + k
    row, k = _walk(lx.head_trie, tk, j)
    if row is None and mod is not None:
        mod, j = None, i
        row, k = _walk(lx.head_trie, tk, j)
    if row is None and lx.short_heads:
        row, k = _short_head(lx, text, tk, j)
    if row is None:
        return None
    sp = tk.spans
    return HeadMatch(pos, sp[j + k - 1][1], sp[j][0], sp[j + k - 1][1], row, acting, mod)


def _short_head(lx: OffLex, text: str, tk: _LazyTokens, j: int) -> tuple[Any, int]:
    """A short head (``Ka``, as written) at token ``j`` with its optional dot and spelled-out
    form in parentheses (``Ka. BPBD``, ``Ka (Kepala) DPUPR``), when a body acronym or a
    capitalised unit word follows: (row, tokens of the head) or (None, 0). ``Ka`` before
    anything else (a name, Ka'bah) is no office."""
    if tk.get(j) is None:
        return _NO_WALK
    s, e = tk.spans[j]
    row = lx.short_heads.get(text[s:e])
    if row is None:
        return _NO_WALK
    n = j + 1
    if tk.get(n) == "." and tk.spans[n][0] == e:
        n += 1
    if tk.get(n) == "(" and tk.get(n + 2) == ")" and tk.cf[n + 1] == row.canonical.casefold():
        n += 3
    w = tk.get(n)
    if w is None:
        return _NO_WALK
    ws, we = tk.spans[n]
    word = text[ws:we]
    if word in lx.body_acronyms or word in lx.agency_names or (word[:1].isupper() and w in lx.unit_words):
        return row, n - j
    return _NO_WALK


def _head_starts(
    lx: OffLex, text: str, start: int, words: Optional[LowerWords]
) -> list[tuple[int, int]]:
    """The spans of ``lx.any_rx.finditer(text, start)``.

    On an ASCII text (``words``) only the first words of heads that occur in it are
    looked for (``str.find``, then one anchored match each) in place of a regex scan
    over every position of the text. A match of any_rx opens a letter run equal to
    the first letter run of one of its alternatives, so these are all the places.
    """
    runs = lx.any_first_runs
    if words is None or runs is None:
        return [m.span() for m in lx.any_rx.finditer(text, start)]
    out: list[tuple[int, int]] = []
    last = start
    match = lx.any_rx.match
    for i in words.starts(runs, start):
        if i < last:
            continue  # inside the previous match (finditer does not overlap)
        m = match(text, i)
        if m is not None:
            last = m.end()
            out.append((i, last))
    return out


def _heads(
    lx: OffLex, text: str, start: int, words: Optional[LowerWords] = None, lede: int = -1
) -> list[HeadMatch]:
    """Head matches, left to right: a trie of first words, then a token trie there.

    Positions are written with a capital in news text before a name; a head in
    lower case (``kata juru bicara Kemenlu Budi``, ``Budi, ketua serikat
    nelayan``, ``bupati bernama X``) is returned with ``lower`` set and read
    only in the forms of :func:`_parse_lower`. A lower-case match does not hide
    a capitalised head starting inside it. With ``lede`` (the body's start) a head
    written in capitals opening the lede is found too (:func:`_caps_ledes`).
    """
    out: list[HeadMatch] = []
    pos = start
    for p, we in _head_starts(lx, text, start, words):
        if p < pos or (p and text[p - 1].isalnum()) or text[we:we + 1].isalnum():
            continue
        m = match_head(lx, text, p)
        if m is None:
            continue
        if text[m.head_start].islower():
            m.lower = True
        else:
            pos = m.end  # (wakil Bupati, plt Kepala: a lower-case prefix before a capitalised head)
        out.append(m)
    caps = _caps_ledes(lx, text, lede) if lede >= start else None
    if caps:
        seen = {m.start for m in out}
        out.extend(m for m in caps if m.start not in seen)
        out.sort(key=lambda m: m.start)
    return out


_DASHES: Final = ("-", "–", "—")
_LEDE_LINES: Final = 2  # non-empty lines from the body's start


def _caps_ledes(lx: OffLex, text: str, start: int) -> list[HeadMatch]:
    """Heads whose first word is written all in capitals as the first word of the lede
    (the first lines from the body's ``start``), or the first after its dateline's dash
    (``JAKARTA - MENTERI Dalam Negeri Budi ...``), before a capitalised word: read as if
    capitalised."""
    out: list[HeadMatch] = []
    i = start
    n = len(text)
    first = lx.head_first_caps
    lines = 0
    while i < n and lines < _LEDE_LINES:
        nl = text.find("\n", i)
        line_end = n if nl < 0 else nl
        j = _SPACE.match(text, i).end()  # type: ignore[union-attr]  # (_SPACE matches the empty string; _skip_space: 0 <= i < n; an indented or blank line in one step)
        i = line_end + 1
        if j >= line_end:
            continue
        lines += 1
        for k in range(2):  # the first word, then the first after a dash within 60 characters
            sp = text.find(" ", j, line_end)
            if sp < 0:
                break
            w = text[j:sp]
            if len(w) >= 4 and w.isupper() and w.isalpha() and (w.casefold(),) in first:
                nx = sp + 1
                if text[nx:nx + 1].isupper() and text[nx + 1:nx + 2].islower():
                    m = match_head(lx, text, j)
                    if m is not None:
                        out.append(m)
                break
            if k:
                break
            d = -1
            for dash in _DASHES:
                d = text.find(dash, j, min(line_end, j + 60))
                if d > j and text[d - 1] == " ":
                    break
                d = -1
            if d < 0:
                break
            j = _skip_space(text, d + 1 + (text[d + 1:d + 2] in _DASHES))  # (-- as well)
    return out


# rumah / kantor Ketua RW Budi Santoso: a place of the office's holder, who is named after it
_OWNER_PLACES: Final = frozenset({"rumah", "kantor", "mobil", "gedung", "pendopo", "pendapa"})


def _holder_named(ctx: _Ctx, m: HeadMatch, taken: Intervals) -> bool:
    """Does the office at ``m`` read with its holder's name after it? (In a venue phrase, di
    Halaman Pendopo Bupati X Parigi, one bare word closing the sentence is the venue's town.)"""
    cand = _parse_at(ctx, m, taken)
    if cand is None or (nm := cand.name) is None or nm.start < cand.pos_end:
        return False
    after = _skip_space(ctx.text, nm.end)
    if nm.start == nm.name_start and " " not in nm.name and ctx.text[after:after + 1] in ("", ".", "\n"):
        j = m.start
        n = 3
        while n:  # di (Halaman) Pendopo Bupati X: the words before the building
            n -= 1
            pw = prev_word(ctx.text, j)
            if pw is None:
                break
            if pw == "di":
                return False
            if pw.casefold() in _VENUE_WORDS:
                n = 3  # di aula lantai dua kantor Gubernur, X: the building's own words before it
            j = ctx.text.rfind(pw, 0, j)
    return True


# posisi / jabatan / kursi Ketua Komisi I akan dijabat X: the office word names the holder after
# all (otherwise "jabatan Bupati" is the office, not a person)
_OFFICE_WORDS: Final = frozenset({"jabatan", "posisi", "kursi"})
_HELD_AHEAD: Final = re.compile(  # not a passing holding (sempat/pernah dijabat); sebelumnya dijabat: a past holder, read
    r"[^.,;:\n]{0,80}?(?<!sempat)(?<!pernah)(?<!dulu)[ ](?:di[ ]?jabat|ditempati|diisi|diduduki|dipegang|diemban|dipercayakan)[ ]"
)
# menduduki jabatan Kepala X: the office word after a verb of holding names the office taken
_OFFICE_TAKERS: Final = frozenset({"menduduki", "menempati", "memangku"})
# an office defined rather than held: "Kepala BPBD adalah sekda"
_GENERIC_AFTER: Final = re.compile(r"[ ]+(?:adalah|ialah|merupakan)[ ]+[a-z]")  # (adalah Yenny Wahid names the holder)
_COORD_GAP: Final = re.compile(r"[ ]+(?:dan|serta|atau|&|/)[ ]+|[ ]*/[ ]*")
_PREV_WORD: Final = twin(r"(?r)([\p{L}]+)[ ]+\Z")


def _held_office(text: str, start: int, end: int, pw: str) -> bool:
    """After ``jabatan``/``posisi``/``kursi`` (``pw``, the word before ``start``), is the office
    read with a holder: one is named after it (``jabatan Kepala X ditempati oleh Nama``), or
    a verb of holding stands before the office word (``Nama menduduki jabatan Kepala X``)?"""
    if _HELD_AHEAD.match(text, end):
        return True
    k = start
    while k > 0 and text[k - 1] == " ":
        k -= 1
    w = prev_word(text, k - len(pw))
    if w is not None and w == "di" and pw.casefold() == "kursi":
        # Nama di kursi Wakil Ketua Umum, duduk di kursi Ketua X: the seat of a board held by the
        # name (or the subject of duduk) before it
        k -= len(pw)
        while k > 0 and text[k - 1] == " ":
            k -= 1
        w2 = prev_word(text, k - 2)
        return w2 is not None and (w2 == "duduk" or w2[:1].isupper())
    return w is not None and w.casefold() in _OFFICE_TAKERS


def prev_word(text: str, pos: int) -> Optional[str]:
    """The word before ``pos`` and the spaces after it, as
    ``_PREV_WORD.search(text, max(0, pos - 30), pos).group(1)`` (None when no match);
    on ASCII text read backwards in Python (a reverse regex search costs more)."""
    lo = max(0, pos - 30)
    if not text.isascii():
        m = _PREV_WORD.search(text, lo, pos)
        return m.group(1) if m is not None else None
    j = pos
    while j > lo and text[j - 1] == " ":
        j -= 1
    if j == pos:
        return None
    # the letter run ending at j: when everything after the last space before j is letters,
    # it starts right after that space (or at lo); otherwise it is read backwards
    sp = text.rfind(" ", lo, j)
    k = sp + 1 if sp >= 0 else lo
    if k < j and text[k:j].isalpha():
        return text[k:j]
    k = j
    while k > lo and text[k - 1].isalpha():
        k -= 1
    return text[k:j] if k < j else None


# a photo caption's full stop, then the photographer's name between dashes: ``.-Budi Santoso-``
_CREDIT_TAIL: Final = re.compile(r"\.[ ]*-[ ]*[A-Z][A-Za-z.' ]{1,40}-\Z")


class _Headlines:
    """Lines that read like headlines (mostly capitalised words, no full stop): related-article
    titles and captions left in the text, where capitalised words are not names."""

    def __init__(self, text: str, norm: Optional[str] = None) -> None:
        self.text = text
        self.norm = norm  # the text before blanking (same length), or None
        self.cache: dict[int, bool] = {}
        self.line = (0, -1)  # the last line looked at: heads come left to right

    def at(self, pos: int) -> bool:
        ls, le = self.line
        if not ls <= pos < le:
            ls = self.text.rfind("\n", 0, pos) + 1
            le = self.text.find("\n", pos)
            self.line = (ls, le if le >= 0 else len(self.text))
        hit = self.cache.get(ls)
        if hit is None:
            le = self.text.find("\n", pos)
            line = self.text[ls:le if le >= 0 else len(self.text)].strip()
            if line.endswith((".", '"', "'", ":")) or _CREDIT_TAIL.search(line) is not None:
                # a sentence (nearly every body paragraph): no need to count words; a caption
                # closed by the photographer's credit (... Nama.-Fotografer-) is a sentence too
                hit = False
            elif self.norm is not None and self._credit_blanked(ls, le if le >= 0 else len(self.text)):
                hit = False  # ... sebagai Direktur Perumda X (Foto/Nama).: a caption whose credit was blanked
            else:
                words = _LINE_WORD.findall(line)
                caps = sum(1 for w in words if w[0].isupper())
                # more than 20 words: a photo caption or a paragraph cut off, not a headline
                hit = 3 <= len(words) <= 20 and caps / len(words) >= 0.6
            self.cache[ls] = hit
        return hit

    def _credit_blanked(self, ls: int, le: int) -> bool:
        """Was a parenthesis closing the line ``[ls, le)`` blanked (a photo credit glued to the
        caption's last word: ``... Merangin (Foto/Nama).``)?"""
        text = self.text
        r = le
        while r > ls and text[r - 1] in " \t\r":
            r -= 1
        tail = self.norm[r:le].rstrip()  # type: ignore[index]
        return tail.endswith((")", ").")) and "(" in tail

    def caption(self, pos: int) -> bool:
        """Is the header line at ``pos`` long enough to be a photo caption (six words or
        more), not a date, byline or section line?"""
        ls = self.text.rfind("\n", 0, pos) + 1
        le = self.text.find("\n", pos)
        return len(_LINE_WORD.findall(self.text, ls, le if le >= 0 else len(self.text))) >= 6


# a list item's number or bullet opening a line: "1.", "2)", "-", "•"
_BULLET: Final = re.compile(r"[ \t]*(?:\d{1,2}[ \t]*[.)][ \t]*|[-•*][ \t]+)?")
_ROW_END: Final = re.compile(r"[ \t]*[.,;]?[ \t]*(?:\n|\Z)")  # what may follow the name closing a list row


_ROW_MAX: Final = 100  # a list row is a short line: a paragraph opening with a head is no row


def _row_start(text: str, pos: int) -> int:
    """The start of the line when ``pos`` opens a short line after an optional list
    number or bullet, else -1."""
    ls = text.rfind("\n", max(0, pos - 8), pos) + 1
    if ls == 0 and pos > 8:
        return -1  # (no line break close before: pos is inside a line)
    if text.find("\n", pos, pos + _ROW_MAX) < 0 and len(text) - pos > _ROW_MAX:
        return -1
    return ls if _BULLET.match(text, ls).end() == pos else -1  # type: ignore[union-attr]  # (_BULLET matches the empty string)


def _line_end(text: str, pos: int) -> int:
    le = text.find("\n", pos)
    return len(text) if le < 0 else le


def _list_heading(ctx: _Ctx, c: int, e: int) -> Optional[tuple[int, int]]:
    """The range of a list heading's body name (``Fraksi Golkar`` of ``1. Fraksi Golkar``,
    ``Komisi A`` of ``Komisi A:``) in the line content ``text[c:e]``, or None: a short line
    opening with a capitalised unit word or an agency mention and holding no head."""
    text, lx = ctx.text, ctx.lx
    while e > c and text[e - 1] in " \t":
        e -= 1
    if e > c and text[e - 1] == ":":
        e -= 1
        while e > c and text[e - 1] in " \t":
            e -= 1
    if e <= c or text[e - 1] == "." or not text[c].isupper():
        return None
    words = _LINE_WORD.findall(text, c, e)
    if not words or len(words) > 10:
        return None
    if words[0].casefold() not in lx.unit_words and ctx.agency_cover(c) is None:
        return None
    if match_head(lx, text, c) is not None:
        return None  # (a row itself)
    return c, e


def _colon_row(ctx: _Ctx, c: int, e: int) -> bool:
    """Is the line content ``text[c:e]`` an office, a colon and a capitalised word
    (``Ketua Komisi A: Budi Santoso``)?"""
    text = ctx.text
    k = text.find(":", c, e)
    if k < 0 or not text[c:c + 1].isupper():
        return False
    j = _skip_space(text, k + 1)
    if j >= e or not text[j].isupper():
        return False
    hm = match_head(ctx.lx, text, c)
    return hm is not None and hm.end <= k


def _list_row(ctx: _Ctx, m: HeadMatch, ls: int) -> Optional[tuple[int, int]]:
    """A row of a list laid out one office per line, the head ``m`` opening the line at
    ``ls``: under a heading naming a body (``1. Fraksi Golkar`` over ``Ketua Budi
    Santoso`` and ``Sekretaris Ani``) the heading's (start, end); among rows written
    ``Ketua Komisi A: Budi Santoso`` one after another (-1, -1); else None."""
    text = ctx.text
    k = ls - 1  # the line break before the row
    first = True
    above_colon = False
    for _ in range(12):
        if k <= 0:
            break
        pls = text.rfind("\n", 0, k) + 1
        c = _BULLET.match(text, pls, k).end()  # type: ignore[union-attr]  # (_BULLET matches the empty string)
        if c >= k:
            k = pls - 1  # a blank line
            continue
        hd = _list_heading(ctx, c, k)
        if hd is not None:
            return hd
        if text[k - 1] == "." or text[c].islower() or k - c > 200 or match_head(ctx.lx, text, c) is None:
            break  # (a line of 200 characters is a paragraph of prose, no row)
        if first:
            above_colon = _colon_row(ctx, c, k)
        first = False
        k = pls - 1  # another row of the same list
    le = _line_end(text, m.start)
    if not _colon_row(ctx, m.start, le):
        return None
    if above_colon:
        return -1, -1
    # the next line holding anything
    k = le
    while k < len(text) and text[k] in "\n \t":
        k += 1
    if k >= len(text):
        return None
    c = _BULLET.match(text, k).end()  # type: ignore[union-attr]  # (_BULLET matches the empty string)
    return (-1, -1) if _colon_row(ctx, c, _line_end(text, c)) else None


# a list item's mark opening a line: "1.", "2)", "a.", "-", "•"
_ITEM_MARK: Final = re.compile(r"[ \t]*(?:(?:\d{1,2}|[a-z])[ \t]*[.)][ \t]*|[-•*·▪][ \t]*)")
_ROW_SEP_WORDS: Final = ("sebagai", "selaku")
_LEAD_ROWS: Final = 30  # rows looked at above a row for the lead-in ending in a colon


def _under_lead_in(text: str, ls: int) -> bool:
    """Does the line starting at ``ls`` stand in a list under a lead-in ending in a colon
    (``Berikut pejabat yang dilantik:``), the lines between being short rows with no full stop?"""
    k = ls - 1
    for _ in range(_LEAD_ROWS):
        while k > 0 and text[k - 1] in " \t\n":
            k -= 1
        if k <= 0:
            return False
        pls = text.rfind("\n", 0, k) + 1
        if text[k - 1] == ":":
            return True
        if text[k - 1] == "." or k - pls > _ROW_MAX:
            return False
        k = pls - 1
    return False


# a field of a list item's record, its label before a colon: Jabatan Baru: Kapolda X / Jabatan Lama:
# Kapolda Y (the holder named on the item's first line); Baru / Sekarang the new office, Lama /
# Sebelumnya / Semula the past one
_ROW_LABEL: Final = re.compile(
    r"(?:[Jj]abatan|[Pp]osisi)(?:[ ]+(?P<age>[Bb]aru|[Ll]ama|[Ss]ebelumnya|[Ss]emula|[Tt]erakhir|[Ss]ekarang|[Ss]aat[ ]+[Ii]ni))?"
    r"[ \t]*:[ \t]*"
)
_ROW_NAME_LABEL: Final = re.compile(r"[Nn]ama[ \t]*:[ \t]*")
_PAST_LABELS: Final = frozenset({"lama", "sebelumnya", "semula", "terakhir"})


def _labelled_row(ctx: _Ctx, m: HeadMatch, ls: int, le: int, lb: Any) -> Optional[Candidate]:
    """``Jabatan Baru: Kapolda X`` (the head ``m`` right after the label ``lb``) in a record laid out
    one field to a line under its holder's line: ``1. Irjen Budi Santoso`` (a number or bullet and
    the name alone) or ``Nama: Budi Santoso``, other field lines (``Jabatan Lama: ...``) between.
    The office runs to the line's end; a past label (Lama, Sebelumnya) makes it a past office."""
    text, lx = ctx.text, ctx.lx
    if lb.end() != m.start:
        return None
    k = ls - 1
    nm: Optional[NameParse] = None
    for _ in range(4):  # the lines above: other fields, then the holder's
        while k > 0 and text[k - 1] in " \t\n":
            k -= 1
        if k <= 0:
            return None
        pls = text.rfind("\n", 0, k) + 1
        mk = _ITEM_MARK.match(text, pls, k)
        c = mk.end() if mk is not None else _skip_space(text, pls)
        if mk is None and _ROW_LABEL.match(text, c, k) is not None:
            k = pls - 1  # (Jabatan Baru: ... above Jabatan Lama: ...)
            continue
        if mk is None and (nl := _ROW_NAME_LABEL.match(text, c, k)) is not None:
            c = nl.end()
        elif mk is None:
            return None
        e = k
        while e > c and text[e - 1] in " ,;.":
            e -= 1
        if not text[c:c + 1].isupper():
            return None
        nm = parse_name(lx, text, c, e, ctx.regions, memo=ctx.memo)
        if nm is None or nm.start != c or text[nm.end:e].strip(" ,") or match_head(lx, text, nm.name_start) is not None:
            return None
        break
    if nm is None:
        return None
    items, _stop, _kind = _read_items(ctx, m.row, m.end, le)
    tail = _trim(items)
    pend = tail[-1].end if tail else m.head_end
    if _ROW_END.match(text, pend) is None:
        return None
    region = next((it.region for it in tail if it.region is not None), None)
    age = (lb.group("age") or "").casefold()
    return Candidate(
        m.start, pend, m.row, m.acting, m.modifier, nm, region, "officials.list_row", tail, m.head_end,
        rank=0 if age in _PAST_LABELS or age.startswith("sebelum") else 2 if age else 1,
    )


def _name_first_row(ctx: _Ctx, m: HeadMatch, taken: Intervals) -> Optional[Candidate]:
    """A row of a list of holders written name first, one to a line, with no full stop:
    ``1. Drs. Budi Santoso, M.Si sebagai Kepala Dinas X``, ``- Budi Santoso - Kepala Bagian Umum``,
    ``a. Budi Santoso, SE, Kepala Badan X``, ``Budi Santoso: Kepala Dinas X``, ``Budi Santoso (Kepala
    Dinas X)``; the name (with its titles and degrees) fills the line up to the separator, the office
    runs to the line's end. The row opens with a number, a letter or a bullet, or stands under a
    lead-in ending in a colon; an office opening a line (after sebagai / selaku or none) may follow a
    numbered or bulleted name alone on the line before (``1. Budi Santoso`` / ``(sebagai) Kepala Dinas X``)."""
    text, lx = ctx.text, ctx.lx
    ls = text.rfind("\n", 0, m.start) + 1
    le = _line_end(text, m.start)
    if le - ls > _ROW_MAX:
        return None
    mk = _ITEM_MARK.match(text, ls, m.start)
    c = mk.end() if mk is not None else _skip_space(text, ls)
    if mk is None and (lb := _ROW_LABEL.match(text, c, m.start)) is not None:
        return _labelled_row(ctx, m, ls, le, lb)
    # the separator before the head
    j = m.start
    while j > c and text[j - 1] == " ":
        j -= 1
    sep = text[j - 1:j] if j > c else ""
    if sep in ("-", "–", "—", ":", ",", "("):
        if sep != "," and j == m.start and sep != "(":
            return None  # (a dash or colon glued to the head: a hyphenated word)
        j -= 1
    elif text.endswith(_ROW_SEP_WORDS, c, j):
        j -= 7 if text.endswith("sebagai", c, j) else 6
        if text[j - 1:j] not in (" ", "\n") and j != c:
            return None
    elif j > c or mk is not None:
        return None
    if j <= c:
        # (sebagai) Kepala X under a row holding a name alone (1. Budi Santoso)
        if sep in ("-", "–", "—", ":", ",", "(") or ls == 0 or (mk is not None and not sep):
            return None
        ls = text.rfind("\n", 0, ls - 1) + 1
        mk = _ITEM_MARK.match(text, ls)
        c, j = (mk.end() if mk is not None else _skip_space(text, ls)), ls + len(text[ls:j].rstrip(" \n"))
        if mk is None:
            return None
        k = ls - 1  # (the line above the name's: the lead-in or the office of the item before, not a
        while k > 0 and text[k - 1] in " \t\n":  # name of a list of names: 1. Budi / 2. Ani / Kepala X)
            k -= 1
        if k > 0 and _ITEM_MARK.match(text, text.rfind("\n", 0, k) + 1, k) is not None:
            return None
    if mk is None and not _under_lead_in(text, ls):
        return None
    while j > c and text[j - 1] == " ":
        j -= 1
    if j > c and text[j - 1] == ",":
        j -= 1  # Budi Santoso, SE, Kepala X
    if not text[c:c + 1].isupper() and lx.pre_one.match(text, c, j) is None:
        return None
    nm = parse_name(lx, text, c, j, ctx.regions, memo=ctx.memo)
    if nm is None or nm.start != c or text[nm.end:j].strip(" ,") or taken.overlaps(nm.name_start, nm.name_end):
        return None
    if match_head(lx, text, nm.name_start) is not None or not (
        " " in nm.name or nm.honorifics or nm.name in lx.given
    ):
        return None  # (Doa - Kepala KUA X: one word is no name of its own)
    items, stop, _kind = _read_items(ctx, m.row, m.end, le)
    tail = _trim(items)
    pend = tail[-1].end if tail else m.head_end
    q = pend
    if sep == "(":
        q = _skip_space(text, q)
        if text[q:q + 1] != ")":
            return None
        q += 1
    if _ROW_END.match(text, q) is None or any(
        it.kind == "unk" and ((cf := text[it.start:it.end].casefold()) in lx.stop or _verbish(lx, cf)) for it in tail
    ):
        return None  # (Budi Santoso, Kepala Dinas X Terpilih Lagi: a title's words)
    region = next((it.region for it in tail if it.region is not None), None)
    return Candidate(m.start, pend, m.row, m.acting, m.modifier, nm, region, "officials.list_row", tail, m.head_end)


def _parse_row(ctx: _Ctx, m: HeadMatch, taken: Intervals, heading: tuple[int, int]) -> Optional[Candidate]:
    """The holder of a list row: the head, its unit part when the row writes one, and a
    name closing the line (``Ketua Budi Santoso``, ``Ketua Komisi A: Budi Santoso``).
    Under a heading a row with no unit part takes the heading's (``Ketua Fraksi Golkar``)."""
    text, lx = ctx.text, ctx.lx
    le = _line_end(text, m.start)
    items, stop, _kind = _read_items(ctx, m.row, m.end, le)
    if text[stop:stop + 1] == ":":
        tail = _trim(items)
        if any(it.kind == "unk" for it in tail):
            return None  # Gubernur Ganjar: Jateng Siaga ...: a person's words, a headline
        nm = parse_name(lx, text, stop + 1, le, ctx.regions, memo=ctx.memo)
    else:
        cand = _parse_at(ctx, m, taken)
        if cand is None or cand.name is None or cand.rule != "officials.position_name":
            return None
        nm, tail = cand.name, cand.items
    if nm is None or _ROW_END.match(text, nm.end) is None or taken.overlaps(nm.name_start, nm.name_end):
        return None
    pend = tail[-1].end if tail else m.head_end
    region = next((it.region for it in tail if it.region is not None), None)
    unit = heading if heading[0] >= 0 and not tail else None
    return Candidate(
        m.start, pend, m.row, m.acting, m.modifier, nm, region, "officials.list_row", tail, m.head_end, False, unit
    )


def _merge(doc: Document, ctx: _Ctx, cands: list[Candidate]) -> list[_Off]:
    text, lx = ctx.text, ctx.lx
    offs: list[_Off] = []
    named_keys: list[tuple[_Off, list[str]]] = []  # (official, case-folded name tokens)
    by_name: dict[tuple[str, ...], _Off] = {}
    by_canon: dict[str, _Off] = {}
    by_nick: dict[str, _Off] = {}  # case-folded short name → official
    # id(official) → _styled_wife(official.honorifics) of each named one: read for every pair of
    # names below, made again only where a merge adds honorifics
    wives: dict[int, bool] = {}
    for c in cands:
        pos_text = " ".join(text[c.pos_start:c.pos_end].split())
        if c.unit is not None:
            pos_text = " ".join(f"{pos_text} {text[c.unit[0]:c.unit[1]]}".split())
        if c.label is not None:
            pos_text = f"{c.label} {pos_text}"
        canon = canonical_position(lx, c, text, doc.scratch.get("acronyms_defined"))
        if c.listed and c.name is not None:
            intro = (c.name.start, c.name.end)  # (the office is the first holder's introduction)
            mention = (c.name.name_start, c.name.name_end)
        elif c.name is not None:
            intro = (min(c.pos_start, c.name.start), max(c.pos_end, c.name.end))
            mention = (c.name.name_start, c.name.name_end)
        else:
            intro = (c.pos_start, c.pos_end)
            mention = intro
        # (the fields by position, in declaration order: a class call with keywords builds a dict)
        o = _Off(
            c.name.name if c.name else None,  # name
            list(c.name.honorifics) if c.name else [],  # honorifics
            pos_text,  # position
            canon,  # canonical
            c.row,  # row
            (c.pos_start, c.pos_end),  # pos_range
            intro,  # intro
            c.region,  # region
            c.rule,  # rule
            [mention],  # mentions
            [(intro[0], intro[1], "intro" if c.name else "position")],  # refs
            None,  # agency_id
            [],  # nicknames
            c.anaphoric,  # anaphoric
            c.unit,  # unit_range
            c.rank,  # rank
        )
        if c.name is not None:
            nick = _nickname_after(ctx, c.name)
            if nick is not None:
                o.nicknames.append(text[nick[0]:nick[1]])
                o.mentions.append(nick)
                o.refs.append((nick[0], nick[1], "name"))
        same = None
        key: list[str] = []
        if o.name is not None:
            key = _norm_name(o.name)
            exact = by_name.get(tuple(key)) or by_nick.get(o.name.casefold())
            wife = _styled_wife(o.honorifics)
            if exact is not None and (wives[id(exact)] == wife or _office_within(exact.canonical, canon)):
                same = exact
            else:
                k0 = key[0][0] if key else "."  # (no name word starts with a full stop)
                for p, pkey in named_keys:
                    if wives[id(p)] != wife and not _office_within(p.canonical, canon):
                        continue  # Kajati Budi Santoso, Ketua IAD Ny. Budi Santoso: his wife
                    if _same_person(key, pkey) or (
                        # Bambang ... Agustinus Bambang Setyawan, the same office: one person
                        (len(key) == 1 or len(pkey) == 1)
                        and (
                            name_contains(pkey if len(key) == 1 else key, key if len(key) == 1 else pkey)
                            or _blend(key[0] if len(key) == 1 else pkey[0], pkey if len(key) == 1 else key)
                            or _clipped(key[0] if len(key) == 1 else pkey[0], pkey if len(key) == 1 else key)
                        )
                        and _office_within(p.canonical, canon)
                    ) or (
                        # Arinal Djunaidi ... Arinal Djuanidi, the same office: one word misspelt
                        p.canonical == canon and len(key) == len(pkey) >= 2 and _one_slip(key, pkey)
                    ) or (
                        # (every variant keeps the first letter: most pairs are passed over at once)
                        pkey and pkey[0][0] == k0 and _variant(key, pkey, p.canonical == canon)
                        and _office_within(p.canonical, canon)
                    ):
                        same = p
                        break
        else:
            same = by_canon.get(canon.casefold())
        if same is None:
            offs.append(o)
            if o.name is not None:
                k = key
                named_keys.append((o, k))
                wives[id(o)] = wife
                by_name.setdefault(tuple(k), o)
                for n in o.nicknames:
                    by_nick.setdefault(n.casefold(), o)
            else:
                by_canon.setdefault(canon.casefold(), o)
            continue
        # one person written twice: keep the fullest name and position
        same.mentions.extend(o.mentions)
        same.refs.extend(o.refs)
        for n in o.nicknames:
            if n not in same.nicknames:
                same.nicknames.append(n)
                by_nick.setdefault(n.casefold(), same)
        if o.name and same.name and len(o.name) > len(same.name) and (
            len(o.name) - len(same.name) > 1 or not _one_slip(key, _norm_name(same.name))
        ):  # (a misspelt mention does not rename the person)
            same.name = o.name
            k = _norm_name(o.name)
            named_keys[:] = [(p, k if p is same else pk) for p, pk in named_keys]
            by_name.setdefault(tuple(k), same)
        for h in o.honorifics:
            if h not in same.honorifics:
                same.honorifics.append(h)
                if id(same) in wives:
                    wives[id(same)] = _styled_wife(same.honorifics)
        # a new office (pindah tugas menjadi, dilantik sebagai) wins over another one, a past
        # one (yang sebelumnya menjabat) loses; the same office keeps its fullest writing
        if o.rank != same.rank and not _office_within(o.canonical, same.canonical):
            better = o.rank > same.rank
        else:
            better = len(o.position) > len(same.position)
        if better:
            same.position, same.canonical, same.pos_range = o.position, o.canonical, o.pos_range
            same.row, same.unit_range = o.row, o.unit_range
            same.rank = max(same.rank, o.rank)
        if same.region is None:
            same.region = o.region
    # Brigjen Priyo Widyanto ... Brigjen Priyo yang saat ini menjabat Kapolda Jambi: a one-word
    # re-mention with the person's other office (a rotation: old and new office) is the one
    # person of the article whose full name has that word; the new office wins
    if len(named_keys) > 1:
        for _, k in named_keys:  # (a loop: no generator made per document)
            if len(k) == 1:
                offs = _short_remention(offs, named_keys)
                break
    # a holder named first by the short name a later mention gives in parentheses
    if by_nick:
        kept: list[_Off] = []
        for o in offs:
            host = by_nick.get(o.name.casefold()) if o.name is not None else None
            if host is not None and host is not o:
                host.mentions.extend(o.mentions)
                host.refs.extend(o.refs)
                if len(o.position) > len(host.position):
                    host.position, host.canonical, host.pos_range, host.row = o.position, o.canonical, o.pos_range, o.row
                    host.unit_range = o.unit_range
                host.region = host.region or o.region
                continue
            kept.append(o)
        offs = kept
    # "Agus Karoba, kepala distrik itu": the holder of the office named before
    for o in offs:
        if o.anaphoric and o.name is not None:
            host = _anaphor_host(o, offs)
            if host is not None:
                o.mentions.extend(host.mentions)
                o.refs.extend(host.refs)
                o.position, o.canonical, o.pos_range, o.row = host.position, host.canonical, host.pos_range, host.row
                o.unit_range = host.unit_range
                o.region = o.region or host.region
                host.mentions = []
    # (one loop for the officials left and the named ones among them)
    kept = []
    named = []
    for o in offs:
        if o.mentions:
            kept.append(o)
            if o.name is not None:
                named.append(o)
    offs = kept
    if len(named) == len(offs):
        return offs  # every official named: no unnamed holder to join
    # unnamed office holders whose position a named official holds are that official
    out: list[_Off] = []
    for o in offs:
        if o.name is None and o.pos_range[0] not in ctx.plural_at:  # (11 Ketua TP PKK Kecamatan ...: a group)
            host = next((n for n in named if _same_office(o.canonical, n.canonical)), None)
            if host is None:
                # bupati bernama X ... Bupati Gianyar: the named holder takes the fuller position
                host = next((n for n in named if n.row.id == o.row.id and _same_office(n.canonical, o.canonical)), None)
                if host is not None and _OTHER_HOLDER_BEFORE.search(text, max(0, o.pos_range[0] - 40), o.pos_range[0]):
                    host = None  # Sedangkan Rudi menjadi Staf Ahli Bidang B: Rudi's office, unlinked, not Budi's
                if host is not None and len(o.position) > len(host.position):
                    host.position, host.canonical, host.pos_range = o.position, o.canonical, o.pos_range
                    host.unit_range = o.unit_range
                    host.region = host.region or o.region
            if host is not None:
                host.mentions.extend(o.mentions)
                host.refs.extend(o.refs)
                continue
        out.append(o)
    return out


def _short_remention(offs: list[_Off], named_keys: list[tuple[_Off, list[str]]]) -> list[_Off]:
    """Fold each one-word holder (``Priyo``) into the one earlier holder whose full name has
    that word (``Priyo Widyanto``), when no other holder's name has it; the higher-ranked
    office (a new one over an old one) is kept, on a tie the full name's."""
    gone: set[int] = set()
    for o, key in named_keys:
        if len(key) != 1 or not o.mentions:
            continue
        hosts = [p for p, pk in named_keys if p is not o and len(pk) > 1 and key[0] in pk]
        if len(hosts) != 1 or (host := hosts[0]).intro[0] > o.intro[0] or id(host) in gone:
            continue
        if _styled_wife(host.honorifics) != _styled_wife(o.honorifics):
            continue
        host.mentions.extend(o.mentions)
        host.refs.extend(o.refs)
        if o.rank > host.rank:
            host.position, host.canonical, host.pos_range, host.row = o.position, o.canonical, o.pos_range, o.row
            host.unit_range, host.rank = o.unit_range, o.rank
        host.region = host.region or o.region
        gone.add(id(o))
    return [o for o in offs if id(o) not in gone] if gone else offs

# a capitalised name word, then menjadi, right before an unnamed office: another person's office
_OTHER_HOLDER_BEFORE: Final = re.compile(r"[A-Z][a-z]+[ ]+(?:(?:kini|akan|lalu|kemudian)[ ]+)?menjadi[ ]+\Z")

_WIFE_TITLES: Final = frozenset({"ny", "ny.", "nyonya"})


def _styled_wife(honorifics: list[str]) -> bool:
    """Is the name written with ``Ny.``/``Nyonya``: a wife styled by her husband's name
    (``Ketua Persit Ny. Budi Santoso``), never the same person as the name without it?"""
    for h in honorifics:  # (a loop: no generator made per call)
        if h.casefold() in _WIFE_TITLES:
            return True
    return False


def _anaphor_host(o: _Off, offs: list[_Off]) -> Optional[_Off]:
    """The unnamed office holder an anaphoric position points to: the nearest before it
    with the same head whose position holds every word of this one."""
    words = set(_canon_tokens(o.canonical))
    best: Optional[_Off] = None
    for h in offs:
        if h.name is not None or h is o or h.row.id != o.row.id or h.pos_range[0] >= o.pos_range[0]:
            continue
        if words <= set(_canon_tokens(h.canonical)) and (best is None or h.pos_range[0] > best.pos_range[0]):
            best = h
    return best


def _nickname_after(ctx: _Ctx, nm: NameParse) -> Optional[tuple[int, int]]:
    """The span of a short name in parentheses right after a name (``Joko Widodo (Jokowi)``,
    ``Susilo Bambang Yudhoyono (SBY)``): one word, no unit, body, place or title; in
    capitals the initials of the name or a short word that is no known acronym."""
    text, lx = ctx.text, ctx.lx
    ne, e = nm.name_end, nm.end
    if text.find("(", ne if ne < e else e, (e if ne < e else ne) + 40) < 0 and (
        (c := text[e + 39:e + 40]) != " " and c != "\t"
    ):
        # no "(" in the 40 characters after the name nor after its degrees: neither pattern can
        # match, and past the spaces and tabs after the degrees (fewer than 40: the 40th
        # character is none) comes no "(" either
        return None
    # (an end bound: without one the regex module looks for the "(" through the whole text)
    m = _NICK_AFTER.match(text, nm.name_end, nm.name_end + 40)
    if m is None and nm.end != nm.name_end:
        m = _NICK_AFTER.match(text, nm.end, nm.end + 40)
    if m is None and text.startswith("(", _skip_space(text, nm.end)):
        # Moh Ramdhan Pomanto (Danny Pomanto): two or three words sharing one with the name
        m2 = _NICK_WORDS_AFTER.match(text, nm.end, nm.end + 60)
        if m2 is not None:
            words = m2.group("n").split()
            own = nm.name.split()
            if any(w in own for w in words) and all(
                name_word_ok(lx, w) and w.casefold() not in lx.unit_words for w in words
            ) and m2.group("n") != nm.name:
                return m2.start("n"), m2.end("n")
        return None
    if m is None:
        return None
    nick = m.group("n")
    cf = nick.casefold()
    if cf in lx.unit_words or cf in lx.stop or nick in lx.acronyms or nick in lx.body_acronyms:
        return None
    if ctx.regions is not None and ctx.regions.is_place(nick):
        return None
    if nick.isupper():
        initials = "".join(w[0] for w in nm.name.split() if w[:1].isupper())
        if nick != initials and len(nick) > 4:
            return None
    elif not name_word_ok(lx, nick) or nick.casefold() in nm.name.casefold().split():
        return None
    return m.start("n"), m.end("n")


def _canon_tokens(s: str) -> list[str]:
    return _ALNUM.findall(s.casefold())  # type: ignore[no-any-return]  # (Twin.findall is untyped: str here)


def _same_office(unnamed: str, named: str) -> bool:
    """Is an unnamed mention's position the named official's (same head, no other words)?"""
    a, b = _canon_tokens(unnamed), _canon_tokens(named)
    if not a or not b or a[0] != b[0]:
        return False
    sa, sb = set(a), set(b)
    return sa <= sb or len(sa & sb) / len(sa | sb) >= 0.75


_CAP_WORD: Final = twin(r"(?<![\p{L}\d'’-])\p{Lu}[\p{L}'’]*(?![\p{L}\d'’-])")


def _short_mentions(doc: Document, ctx: _Ctx, offs: list[_Off], head_spans: list[tuple[int, int]]) -> None:
    """Later mentions by a part of the name (``kata Agung``, ``Hartoko menjelaskan``)."""
    text, lx = ctx.text, ctx.lx
    named = [o for o in offs if o.name]
    if not named:
        return
    keys: dict[str, list[_Off]] = {}
    norm: dict[int, list[str]] = {}  # id(official) → case-folded name words, made when first needed
    for o in named:
        for t in (o.name or "").split():
            t = t.rstrip(".")
            if len(t) < 3 or t in lx.no_short or t in lx.inner_particles:
                continue
            keys.setdefault(t, []).append(o)
    nicks: set[str] = set()  # short names (Jokowi, SBY): a mention only on their own
    for o in named:
        for nick in o.nicknames:
            if o not in keys.setdefault(nick, []):
                keys[nick].append(o)
            nicks.add(nick)
    if not keys:
        return
    # positions inside mentions, intros and heads already read are not new mentions: a position
    # lies inside one when the furthest end of the ranges starting at or before it is past it
    # (as inside their union, ``_merged(...).covers``; an empty range ends at or before its start)
    spans = head_spans[:]
    for o in offs:
        spans.append(o.intro)
        spans += o.mentions
    spans.sort()
    b_starts, b_reach = _reach_index(spans)
    bisect_right = bisect.bisect_right
    start = doc.body_start if 0 <= doc.body_start < len(text) else 0
    hits: list[tuple[int, int]] = []
    if len(keys) <= 24:
        n = len(text)
        for k in keys:  # a few names: one fast substring search each
            p = text.find(k, start)
            while p >= 0:
                q = p + len(k)
                # (_in_word on the characters around, inline) and not a mention already read
                if (
                    (p == 0 or not ((c := text[p - 1]).isalnum() or c in "'’-"))
                    and (q >= n or not ((c := text[q]).isalnum() or c in "'’-"))
                    and ((i := bisect_right(b_starts, p)) == 0 or b_reach[i - 1] <= p)  # (not inside one)
                ):
                    hits.append((p, q))
                p = text.find(k, q)
        hits.sort()
    else:  # many names (a long input): one pass of a trie of them
        rx = regex.compile(rf"(?<![\w'’-])(?:{trie_pattern(sorted(keys))})(?![\w'’-])")
        hits = []
        for m in rx.finditer(text, start):
            sp = m.span()
            if (i := bisect_right(b_starts, sp[0])) == 0 or b_reach[i - 1] <= sp[0]:  # (not inside one)
                hits.append(sp)
    starts: dict[int, list[int]] = {}  # id(official) → sorted mention starts
    for s, e in hits:
        # extend to the whole run of name words around the hit
        rs, re_ = s, e
        while True:
            # the pattern ends in a space before rs: without one there is no match (no regex call)
            ws = _cap_before(text, rs) if rs > 0 and text[rs - 1] == " " else -1
            if ws < 0:
                break
            w = text[ws:rs - 1]
            if not name_word_ok(lx, w) or (ctx.regions is not None and ctx.regions.is_place(w)):
                # a capitalised word that is not a name: the hit is part of another proper noun
                if w.casefold() not in lx.stop and not _is_speech_word(w) and lx.pre_one.match(text, ws, rs) is None:
                    rs = -1
                break
            rs = ws
        if rs < 0:
            continue
        while True:
            rm = _CAP_AFTER.match(text, re_, re_ + 40) if text[re_:re_ + 1] == " " else None  # it opens with a space
            if not rm:
                break
            w = rm.group(1)
            if not name_word_ok(lx, w):
                if w.casefold() not in lx.stop and not _is_speech_word(w):
                    rs = -1
                break
            re_ += len(rm.group(0))
        if rs < 0:
            continue
        run = [t.casefold() for t in text[rs:re_].split()]
        key = text[s:e]
        if key in nicks and (rs, re_) == (s, e):
            cands = [o for o in keys[key] if key in o.nicknames]
        else:
            cands = []
            for o in keys[key]:
                nw = norm.get(id(o))
                if nw is None:
                    nw = norm[id(o)] = _norm_name(o.name or "")
                if name_contains(nw, run):
                    cands.append(o)
        if not cands:
            continue
        if len(cands) > 1:
            # Kapolres Budi Santoso and Ny. Budi Santoso: the mention goes to the one written alike
            before = text[max(0, rs - 8):rs].split()
            wife = bool(before) and before[-1].casefold() in _WIFE_TITLES
            alike = [o for o in cands if _styled_wife(o.honorifics) == wife]
            cands = alike or cands
        if len(cands) == 1:
            # one official: no need to compare latest mentions (``starts`` is built from
            # the mentions when first needed, so it need not be kept for this one)
            o = cands[0]
            o.mentions.append((rs, re_))
            o.refs.append((rs, re_, "name"))
            if id(o) in starts:
                bisect.insort(starts[id(o)], rs)
            continue
        latest = []
        for o in cands:  # the latest mention of each before the run (bisection: long inputs stay linear)
            st = starts.get(id(o))
            if st is None:
                st = starts[id(o)] = sorted(a for a, _ in o.mentions)
            ix = bisect.bisect_left(st, rs)
            latest.append((st[ix - 1] if ix else -1, o))
        best = max(latest, key=lambda x: x[0])
        o = best[1] if best[0] >= 0 else cands[0]
        o.mentions.append((rs, re_))
        o.refs.append((rs, re_, "name"))
        if id(o) in starts:
            bisect.insort(starts[id(o)], rs)


_WORD_CHARS_ASCII: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'-")


def _cap_before(text: str, rs: int) -> int:
    """Where the word of ``_CAP_BEFORE.search(text, max(0, rs - 40), rs)`` starts (-1: no
    match); ``text[rs - 1]`` is a space. On ASCII text read backwards in Python (a reverse
    regex search costs more): the match is the letter run before the space from its
    first capital on (the reverse search tries the longest run first)."""
    lo = max(0, rs - 40)
    if not text.isascii():
        m = _CAP_BEFORE.search(text, lo, rs)
        return m.start(1) if m is not None else -1
    j = rs - 1
    # the run of word characters ending at j: when everything after the last space before j is
    # letters, it starts right after that space (or at lo); otherwise it is read backwards
    sp = text.rfind(" ", lo, j)
    k = sp + 1 if sp >= 0 else lo
    if not (k < j and text[k:j].isalpha()):
        k = j
        while k > lo and text[k - 1] in _WORD_CHARS_ASCII:
            k -= 1
    while k < j:
        if "A" <= text[k] <= "Z":
            return k
        k += 1
    return -1


def _reach_index(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """For ranges sorted by start: the starts of those reaching further than every range
    before them, and how far each reaches. A position ``p >= 0`` lies inside a range when,
    ``i = bisect_right(starts, p)``, ``i > 0 and reach[i - 1] > p``: as inside their union
    (``_merged(spans).covers(p)``), without building it."""
    starts: list[int] = []
    reaches: list[int] = []
    reach = -1
    for a, b in spans:
        if b > reach:
            reach = b
            starts.append(a)
            reaches.append(b)
    return starts, reaches


def _merged(spans: list[tuple[int, int]]) -> Intervals:
    """Sorted ranges merged where they overlap, as :class:`Intervals`."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if b <= a:
            continue
        if out and a <= out[-1][1]:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return Intervals(out)


def _in_word(c: str) -> bool:
    return c.isalnum() or c in "'’-"


def name_contains(name: list[str], run: list[str]) -> bool:
    """Is ``run`` part of ``name``: a contiguous part, or (two words or more) in order
    with words left out (``Andi Syahrir`` in ``Andi Muhammad Syahrir``)?"""
    n = len(run)
    if n == 0:
        return False
    for i in range(len(name) - n + 1):  # (a loop: no generator made per call)
        if name[i:i + n] == run:
            return True
    if n < 2:
        return False
    it = iter(name)
    return all(t in it for t in run)


_OFFICIAL_FIELDS: Final = frozenset({
    "id", "name", "honorifics", "position", "position_canonical", "agency_id", "region", "mentions", "span", "rule",
})


_ONLY_SPAN: Final = frozenset({Span})


def make_official(
    id_: str,
    name: Optional[str],
    honorifics: list[str],
    position: Optional[str],
    canonical: Optional[str],
    agency_id: Optional[str],
    region: Optional[str],
    mentions: list[Span],
    span: Span,
    rule: str,
) -> Official:
    """An :class:`Official` built the way ``Official.model_construct`` builds one.

    Validation costs several µs per record: the fields are checked here with plain
    type tests instead, and the instance is filled as pydantic's ``model_construct``
    fills it (``__dict__`` in field order, every field set, no extra or private data).
    ``tests/test_officials.py`` checks the result equals the validated record.
    """
    if (
        type(id_) is not str
        or type(span) is not Span
        or type(honorifics) is not list
        or type(mentions) is not list
        # (every element's type, in C: set(map(type, ...)))
        or set(map(type, mentions)) - _ONLY_SPAN
    ):
        raise ValueError(f"invalid official fields: {id_!r} {name!r} {honorifics!r} {position!r} {rule!r}")
    return _new_official(id_, name, honorifics, position, canonical, agency_id, region, mentions, rule, span)


def _new_official(
    id_: str,
    name: Optional[str],
    honorifics: list[str],
    position: Optional[str],
    canonical: Optional[str],
    agency_id: Optional[str],
    region: Optional[str],
    mentions: list[Span],
    rule: str,
    span: Optional[Span] = None,
) -> Official:
    """:func:`make_official` without the tests of the fields whose type :func:`_emit` fixes
    (``id_`` an f-string, ``honorifics`` a new list, ``mentions`` a list of ``Document.span``
    results); ``span`` defaults to the first mention."""
    if (
        type(name) not in OPT_STR
        or type(position) not in OPT_STR
        or type(canonical) not in OPT_STR
        or type(agency_id) not in OPT_STR
        or type(region) not in OPT_STR
        or type(rule) is not str
    ):
        raise ValueError(f"invalid official fields: {id_!r} {name!r} {honorifics!r} {position!r} {rule!r}")
    for h in honorifics:  # (a loop: one or two titles, no set made per record)
        if type(h) is not str:
            raise ValueError(f"invalid official fields: {id_!r} {name!r} {honorifics!r} {position!r} {rule!r}")
    return filled(Official, {
        "id": id_, "name": name, "honorifics": honorifics, "position": position,
        "position_canonical": canonical, "agency_id": agency_id, "region": region,
        "mentions": mentions, "span": mentions[0] if span is None else span, "rule": rule,
    }, set(_OFFICIAL_FIELDS))


def _only_body(doc: Document, row_ids: list[str]) -> Optional[str]:
    """The one agency named in the text of one of the body types ``row_ids`` (Kasat
    Reskrim → the story's Polres), or None when there is none or more than one."""
    keys: dict[str, tuple[str, Optional[str]]] = doc.scratch.get("agency_keys", {})
    found = [a.id for a in doc.agencies if keys.get(a.id, ("", None))[0] in row_ids]
    return found[0] if len(found) == 1 else None


def _emit(doc: Document, ctx: _Ctx, offs: list[_Off]) -> None:
    # each official's mentions sorted first: the officials are then ordered by where each is
    # first mentioned (_first_start reads the first of them, no min() per official)
    for o in offs:
        ms = o.mentions
        if len(ms) > 1:
            o.mentions = sorted(set(ms))
    offs.sort(key=_first_start)
    refs: list[tuple[int, int, int, str]] = []
    positions: dict[str, tuple[int, int]] = {}
    intros: list[tuple[int, int]] = []
    ag = _agencies
    ag_region: Optional[dict[str, Optional[str]]] = None
    inferred: dict[tuple[str, Optional[str]], str] = {}  # the same body asked twice gives the same id
    span = doc.span
    officials = doc.officials
    for idx, o in enumerate(offs):
        agency_id = None
        if ag is not None:
            try:
                ps, pe = o.pos_range if o.unit_range is None else o.unit_range
                agency_id = ctx.agency_at(ps, pe)
                if agency_id is not None:  # Ketua Komisi 3, Ketua Bapemperda: the DPRD's official
                    agency_id = ag.legislature_of_unit(doc, agency_id, ps, pe)
                if agency_id is None and o.row.within:
                    agency_id = _only_body(doc, o.row.within)
                if agency_id is None and o.row.agency:
                    ikey = (o.row.agency, o.region)
                    agency_id = inferred.get(ikey)
                    if agency_id is None:
                        agency_id = inferred[ikey] = ag.ensure_inferred(doc, o.row.agency, o.region)
                if agency_id is None and "enteri " in o.position:  # Menteri Koordinator Bidang X
                    agency_id = ag.ministry_of_minister(doc, o.position)
            except Exception:  # noqa: BLE001 — linking is best effort
                agency_id = None
        region = o.region
        if region is None and agency_id is not None:
            ag_region = {a.id: a.region for a in doc.agencies} if ag_region is None else ag_region
            region = ag_region.get(agency_id)
        mentions = [span(s, e) for s, e in o.mentions]
        id_ = f"off-{idx + 1}"
        officials.append(
            _new_official(
                id_, o.name, list(o.honorifics), o.position, o.canonical, agency_id, region,
                mentions, o.rule,  # (the span is the first mention)
            )
        )
        for s, e, kind in o.refs:
            refs.append((s, e, idx, kind))
        intros.append(o.intro)
        positions[id_] = o.pos_range
    if intros:
        doc.claim_all("official", intros)  # (one call: as a claim of each intro in turn)
    refs.sort()
    doc.scratch["official_refs"] = refs
    doc.scratch["official_positions"] = positions


def _first_start(o: _Off) -> int:
    """Where ``o`` is first mentioned (its mentions sorted): the start of its first mention,
    or of its position when it has none."""
    ms = o.mentions
    return ms[0][0] if ms else o.pos_range[0]
