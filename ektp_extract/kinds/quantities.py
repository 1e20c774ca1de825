"""Extraction of `quantities` (SPEC §3): numbers with what they count.

Candidates are found in a lowercased copy of the working text: digit runs by
one regex; number words, fused forms (``sehari``) and vague amounts
(``ratusan``) by ``str.find`` of the leading forms that occur among the
text's words. Each candidate is then read and judged by its neighbours, with
anchored regexes and dictionary lookups only:

- the tail after the number: a scale (``10,52 juta``, ``150rb``, ``Rp 2,5
  M``) and a range (``5-10``, ``0 sampai 5``, ``antara 10 hingga 20``);
- left: the words right before the number. A label makes it a name, not an
  amount (``Nomor 25``, ``Pasal 10``, ``RT 03``, ``pukul 08.00``, ``SMA
  Negeri 5``); a qualifier sets ``approximate`` / ``comparator``
  (``sekitar``, ``lebih dari``, ``maksimal``); a currency sign makes money;
- right: the counted noun (units of ``patterns/quantities.toml``, longest
  form first; a classifier takes the noun after it: ``keping blanko``; else a
  general noun rule), ``persen`` / ``%``, ``rupiah``. A month name or a time
  zone makes the number part of a date or a clock time;
- the number itself: years (a plain 19xx/20xx without a counted noun),
  ``/`` and ``:`` forms (``18/4/2016``, ``13:50``), ``hh.mm`` without a unit,
  leading zeros and long digit strings (phones, NIK), malformed groups
  (warning W020).

Ranges give ``value`` (lower end) and ``range_end`` (upper end). Spans cover
the qualifier, the number and its noun (``sekitar 356.000 penduduk``). Each
record's range is claimed as ``"quantity"``; ranges the dates stage claimed
(``"date"``, ``"notquantity"``) are skipped. See docs/quantities.md.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import partial
from decimal import Decimal
from typing import Callable, Final, Literal, Optional

import regex

from ..document import Document
from ..errors import W_MALFORMED_NUMBER
from ..lexicon import Lexicon, register_table
from ..fill import filled
from ..models import Quantity, Span
from ..twins import AnyMatch as _AnyMatch, Twin, ascii_twin
from .calendar import calendar
from .officials import lower_words
from .numbers import (
    NumberTables,
    alternation,
    as_number,
    number_tables,
    read_digits,
    read_words,
    trie_alternation,
)
from .quantities_rows import (Comparator as Comparator, UnitKind as UnitKind,
                              QualifierRow as QualifierRow, UnitRow as UnitRow,
                              FormsRow as FormsRow, FusedRow as FusedRow,
                              WordGuardRow as WordGuardRow, ArticleRow as ArticleRow)

register_table("quantities", "qualifiers", QualifierRow)
register_table("quantities", "units", UnitRow)
register_table("quantities", "unit_modifiers", FormsRow)
register_table("quantities", "age_cues", FormsRow)
register_table("quantities", "labels", FormsRow)
register_table("quantities", "stopwords", FormsRow)
register_table("quantities", "word_guards", WordGuardRow)
register_table("quantities", "fused", FusedRow)
register_table("quantities", "relative_after", FormsRow)
register_table("quantities", "articles", ArticleRow)

RULE: Final = "quantities"


@dataclass(slots=True, init=False)
class QuantityInfo:
    """A quantity record with what later stages (targets) need to know about it."""

    record: Quantity
    start: int  # working-text range of the whole record
    end: int
    num_start: int  # working-text range of the number(s)
    num_end: int
    family: Optional[str]  # unit family: "orang", "ktp", "persen", "rupiah", a noun, ...
    left: str  # the qualifier before it (lowercase), "" if none

    # the dataclass's __init__ written out, compiled in the compiled build (tests/test_build.py)
    def __init__(self, record: Quantity, start: int, end: int, num_start: int, num_end: int,
                 family: Optional[str], left: str) -> None:
        self.record = record
        self.start = start
        self.end = end
        self.num_start = num_start
        self.num_end = num_end
        self.family = family
        self.left = left


@dataclass(frozen=True)
class _Rx:
    digits: regex.Pattern[str]
    follow: regex.Pattern[str]  # scale, range, restated words, then the right context
    word_at: regex.Pattern[str]
    vague_at: regex.Pattern[str]
    digits_zero: "re.Pattern[bytes]"  # ``digits`` on ASCII text with its digits made "0"
    word_leads: tuple[str, ...]
    word_lead_set: dict[str, str]  # token (form, "(form", '"form') → form
    word_lead_keys: frozenset[str]  # the keys of ``word_lead_set``
    word_lead_bytes: dict[bytes, str]  # ``word_lead_set`` with ASCII bytes keys
    word_lead_bkeys: frozenset[bytes]  # the keys of ``word_lead_bytes``
    # the leading forms when every one is a run of ASCII letters (the bundled lexicon's are),
    # else None: then one is present where it is a letter run of the text (``_word_candidates``)
    word_lead_letters: Optional[frozenset[str]]
    # the characters that may start a scale, money abbreviation, range or restated number after
    # a number's spaces (and " ", "\t": more spaces): elsewhere ``follow`` matches them empty
    tail_first: frozenset[str]
    relative_after: regex.Pattern[str]
    fused_at: regex.Pattern[str]
    fused: dict[str, FusedRow]
    right: regex.Pattern[str]
    right_plain: regex.Pattern[str]
    follow_ix: "_Idx"
    right_ix: "_Idx"
    right_plain_ix: "_Idx"
    unit_at: regex.Pattern[str]
    noun_at: regex.Pattern[str]
    units: dict[str, UnitRow]  # lowercase form → row
    qualifiers: dict[str, QualifierRow]  # lowercase, space-normalised form → row
    labels: frozenset[str]  # forms as written (case matters: "No" vs "no")
    label_last: frozenset[str]  # last token of every label, as written
    qual_last: frozenset[str]  # last token of every qualifier, lowercase
    left_words: frozenset[str]  # lowercase words a left-context rule may name (plain_left in _judge)
    currency: dict[str, str]  # lowercase prefix → unit
    ages: frozenset[str]
    age_words: frozenset[str]  # the age_cues row "usia": a bare number after them is an age
    modifiers: frozenset[str]
    stopwords: frozenset[str]
    guards_before: dict[str, frozenset[str]]
    guards_after: dict[str, tuple[str, ...]]
    articles: dict[str, ArticleRow]  # lowercase number word → row
    number_tokens: frozenset[str]  # number words, fused and vague forms (a number "near")
    t: NumberTables
    # stdlib twins (twins.ascii_twin) of the patterns matched per candidate, run on ASCII text
    twins: dict[str, Optional["re.Pattern[str]"]]
    # the match functions of _TWINNED, in that order, called as f(text, pos): the twins' (on
    # the ASCII copy; None when a pattern has no twin) and the patterns' own (on the text)
    twin_matches: Optional[tuple["_MatchAt", ...]]
    own_matches: tuple["_MatchAt", ...]
    pattern_chars: frozenset[str]  # the non-ASCII characters the patterns name ("€", "–")
    # the right context read without ``follow`` / ``right_plain`` (_judge_right_fast): a word of
    # [a-z] after one space → (unit row, or None for a percent word; the first letters after a
    # space in the longer unit or percent forms that start with the word; family; kind)
    fast_words: dict[str, tuple[Optional[UnitRow], frozenset[str], str, str]]
    fast_block: frozenset[str]  # words after spaces that make ``mod`` or ``a2`` match
    # one space, the word, not followed by a character that continues it or a longer form;
    # then the next word after spaces
    fast_after: "re.Pattern[str]"


#: The patterns ``_Ctx`` calls through a twin on ASCII text.
_TWINNED: Final = ("follow", "right", "right_plain", "unit_at", "noun_at", "vague_at", "word_at", "fused_at")
#: Non-ASCII characters: replaced by \x01 in the ASCII copy of a text when every one of them
#: is "neutral" (no letter, digit or space, and named by no pattern): no pattern tells the two
#: apart, so the twins give the same matches as the ``regex`` patterns on the original.
_NON_ASCII: Final = re.compile(r"[^\x00-\x7f]")


#: A verb form (me-, ber-, ter-, di-) is no counted noun ("3 meninggal", "2 ditahan"); per- is
#: left out: after a number a per- word is a noun (perkara, perunggu, peraturan).
_VERBISH: Final = Twin(regex.compile(r"(?:me[mnr]?|meng|meny|ber|ter|di)\p{Ll}{4,}"))
_ZONES: Final = frozenset({"WIB", "WITA", "WIT"})
_NAME: Final = regex.compile(r"\p{Lu}[\p{L}'.-]*")
#: A ratio "1 : 1000" (numbers joined by a colon with spaces).
_RATIO_AFTER: Final = regex.compile(r"[ \t]*:[ \t]*\d")
_RATIO_BEFORE: Final = regex.compile(r"(?r)\d[ \t]*:[ \t]*")
#: Words before "80-an" that make it a decade.
_DECADE_CUES: Final = frozenset({"tahun", "era", "dekade", "generasi", "angkatan", "dasawarsa"})
#: The groups of a ``follow`` match before its right context, in the pattern's order (the
#: judge unpacks ``m.groups()``; ``_Idx`` checks the order when the patterns are built).
_FOLLOW_GROUPS: Final = ("s1", "m1", "conn", "cur2", "n2", "d2", "w2", "s2", "m2")
_N_FOLLOW: Final = len(_FOLLOW_GROUPS)
#: The groups of the right context, in the pattern's order (``_right`` unpacks them).
_RIGHT_GROUPS: Final = ("rs", "an", "a1", "pct", "csuf", "unit", "mod", "month", "gen", "a2")
_N_RIGHT: Final = len(_RIGHT_GROUPS)
#: Two Title-Case words after a number: a headline or a related-article link, not prose.
_TITLE_AFTER: Final = regex.compile(r"[ \t]+\p{Lu}\p{Ll}+[ \t]+\p{Lu}[\p{Ll}\d]")
#: After a number at the start of a line: a list marker or a table's row number.
#: (stdlib ``re``: the pattern names ASCII characters only, so ``re`` matches it as ``regex``
#: does on any text, at a fraction of the cost; tests/test_quantities_fast.py compares them)
_LIST_MARK: Final = re.compile(r"[.)][ \t]|[ \t]{2,}|\t")
#: "5%-15%", "5 persen hingga 15 persen": the upper end of a percentage range written after
#: the first percentage (``follow`` reads ranges whose sign comes after the upper end only).
_PCT_RANGE: Final = regex.compile(
    r"[ \t]*(?:-|\u2013|hingga|sampai|s\.?d\.?|s/d)[ \t]*([0-9]+(?:[.,][0-9]+)?)"
    r"[ \t]*(?:%|persen\b)"
)
#: One comma group of three digits: a decimal by the Indonesian convention (1,250 → 1.25),
#: but before a counted noun an English thousands separator (2,615 penderita).
_COMMA_THOUSANDS: Final = regex.compile(r"[1-9][0-9]{0,2},[0-9]{3}")
#: A year right after "<n> Tahun": the number is a regulation's.
_REG_YEAR: Final = regex.compile(r"[ \t]+(?:19|20)\d\d\b")
#: ASCII digits → "0" (bytes.translate): a digit run then starts with one literal byte, which
#: stdlib ``re`` finds with its fast literal scan (a set such as ``[0-9]`` is tested at every
#: character, about ten times slower over an article). \x1c-\x1f → " ": ``bytes.split`` then
#: splits where ``str.split`` does (they are whitespace to ``str`` only).
_DIGITS_TO_ZERO: Final = bytes.maketrans(b"123456789\x1c\x1d\x1e\x1f", b"000000000    ")


def _zero_digit_runs(cur_behind: list[str]) -> "re.Pattern[bytes]":
    """The digit runs of ``_Rx.digits`` in a :data:`_DIGITS_TO_ZERO` copy of an ASCII text.
    The look-behinds come after the first digit (so that the pattern starts with the literal)
    and look at what stands before it: no letter, digit or ``_.,/:+``, else a currency sign
    glued to it (``rp150``); no letter or digit before a hyphen (``covid-19``). Inside a run every
    digit has a digit or separator before it, so the scan skips a rejected run as the plain
    pattern does (tests/test_quantities.py compares the two)."""
    cur = "|".join(
        "(?<=" + re.escape(f.translate(str.maketrans("123456789", "000000000"))) + "0)"
        for f in cur_behind
        if f.isascii()
    )
    return re.compile(
        (r"0(?:(?<![A-Za-z0_.,/:+]0)|" + cur + r")(?<![A-Za-z0]-0)0*(?:[.,/:]0+)*(?:,-|\.-)?").encode()
    )


#: "96.616", "1.250.000": what ``numbers.read_digits`` reads first, as style "id"; read here as
#: an int (a Decimal's value, cheaper; tests/test_quantities.py compares the two).
_ID_GROUPS: Final = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+")


def _norm(s: str) -> str:
    return " ".join(s.lower().split())


def _low(forms: list[str]) -> list[str]:
    return sorted({f.lower() for f in forms})


def _build(lex: Lexicon) -> _Rx:
    t = number_tables(lex)
    cal = calendar(lex)
    quals: list[QualifierRow] = lex.rows("quantities", "qualifiers")
    units_rows: list[UnitRow] = lex.rows("quantities", "units")
    unit_forms = _low([f for u in units_rows for f in u.forms])
    mods = _low([f for r in lex.rows("quantities", "unit_modifiers") for f in r.forms])
    after_q = _low([f for q in quals if q.position == "after" for f in q.forms])
    cur_prefixes = [f for c in lex.rows("numbers", "currencies") for f in c.prefixes]
    word_forms = [f for r in lex.rows("numbers", "words") for f in r.forms]
    lead_forms = [
        f
        for r in lex.rows("numbers", "words")
        if r.role in ("value", "scale_one", "fraction")
        for f in r.forms
    ]
    vague_forms = [f for r in lex.rows("numbers", "vague") for f in r.forms]
    fused_rows: list[FusedRow] = lex.rows("quantities", "fused")
    fused_forms = [f for r in fused_rows for f in r.forms]
    any_word = trie_alternation(_low(word_forms))
    word_run = r"(?:" + any_word + r")\b(?:(?:[ \t]+|-)" + any_word + r"\b)*"
    # scale words; "-an" after one (2 jutaan) makes the amount approximate
    scale = trie_alternation(_low([*t.scales])) + r"(?:an)?\b"
    money = alternation(_low([*t.money_scales]), word=True, left=False)
    cur = alternation(_low(cur_prefixes))
    num2 = r"(?P<n2>(?P<d2>\d+(?:[.,]\d+)*(?:,-|\.-)?)|(?P<w2>" + word_run + r"))"
    tail = (
        r"(?:[ \t]*(?P<s1>" + scale + r")|[ \t]?(?P<m1>" + money + r"))?"
        r"(?:[ \t]*(?P<conn>-|\u2013|s\.?d\.?|s/d|sampai(?:[ \t]+dengan)?|hingga|dan)[ \t]*"
        r"(?:(?P<cur2>"
        + cur
        + r")[ \t]*)?"
        + num2
        + r"(?:[ \t]*(?P<s2>"
        + scale
        + r")|[ \t]?(?P<m2>"
        + money
        + r"))?)?"
    )
    # Currency signs glued to the digits (Rp150) are allowed before a digit run.
    cur_behind = "|".join(regex.escape(f) for f in _low(cur_prefixes))
    digits = (
        r"(?:(?<=" + cur_behind + r")|(?<![\p{L}\d_.,/:+]))(?<![\p{L}\d][-\u2013])"
        r"\d+(?:[.,/:]\d+)*(?:,-|\.-)?"
    )
    after = alternation(after_q, word=True) if after_q else r"(?!)"
    right = (
        r"(?P<an>-?an(?!\p{L}))?(?:[ \t]+(?P<a1>" + after + r"))?"
        r"(?:[ \t]*(?:(?P<pct>" + trie_alternation(_low(sorted(t.percent))) + r"(?:(?<=%)|\b))"
        r"|(?P<csuf>\b" + trie_alternation(_low([*t.currency_suffix])) + r"\b)"
        r"|(?P<unit>" + trie_alternation(unit_forms) + r")(?![\p{L}\d])"
        r"(?:[ \t]+(?P<mod>\b" + trie_alternation(mods) + r"\b))?"
        r"|(?P<month>\b" + trie_alternation(_low([*cal.months])) + r"\b)"
        r"|(?P<gen>\p{L}[\p{L}-]*\p{L})\b)"
        r"(?:[ \t]+(?P<a2>" + after + r"))?)?"
    )
    labels = [" ".join(f.split()) for r in lex.rows("quantities", "labels") for f in r.forms]
    # "2 (dua) unit", "Rp 5.000.000 (lima juta rupiah)": a number restated in words
    restated = r"(?:[ \t]*\((?P<rs>[\p{L} \t-]{2,60})\))?"
    guards_before: dict[str, frozenset[str]] = {}
    guards_after: dict[str, tuple[str, ...]] = {}
    for g in lex.rows("quantities", "word_guards"):
        for w in g.words:
            k = w.lower()
            guards_before[k] = guards_before.get(k, frozenset()) | {b.lower() for b in g.before}
            merged = set(guards_after.get(k, ())) | {_norm(a) for a in g.after}
            guards_after[k] = tuple(sorted(merged, key=len, reverse=True))
    follow_rx = regex.compile(tail + restated + right)
    leads = _low(lead_forms + vague_forms + fused_forms)
    lead_tokens = {
        p + f + q: f
        for f in leads
        for p in ("", "(", '"', "'")
        for q in ("", ".", ",", ";", ":", ")", '"', "'", "?", "!")
    }
    right_rx = regex.compile(restated + right)
    right_plain_rx = regex.compile(right)
    rx = _Rx(
        digits=regex.compile(digits),
        digits_zero=_zero_digit_runs(_low(cur_prefixes)),
        follow=follow_rx,
        follow_ix=_Idx(follow_rx, _FOLLOW_GROUPS + _RIGHT_GROUPS),
        right_ix=_Idx(right_rx, _RIGHT_GROUPS),
        right_plain_ix=_Idx(right_plain_rx, _RIGHT_GROUPS),
        word_at=regex.compile(word_run),
        vague_at=regex.compile(
            alternation(_low(vague_forms)) + r"\b(?:[ \t]+(?P<vs>" + scale + r"))?"
        ),
        word_leads=tuple(leads),
        word_lead_set=lead_tokens,
        word_lead_keys=frozenset(lead_tokens),
        word_lead_bytes={k.encode(): f for k, f in lead_tokens.items() if k.isascii()},
        word_lead_bkeys=frozenset(k.encode() for k in lead_tokens if k.isascii()),
        word_lead_letters=(frozenset(leads) if all(f.isascii() and f.isalpha() for f in leads) else None),
        tail_first=frozenset(
            [" ", "\t", "-", "\u2013", "s", "h", "d", "("]
            + [f[:1] for f in _low([*t.scales]) + _low([*t.money_scales])]
        ),
        relative_after=regex.compile(
            r"[ \t]+"
            + alternation(
                _low([f for r in lex.rows("quantities", "relative_after") for f in r.forms]),
                word=True,
            )
        ),
        fused_at=regex.compile(alternation(_low(fused_forms)) + r"\b(?!-)"),
        fused={f.lower(): r for r in fused_rows for f in r.forms},
        right=right_rx,
        right_plain=right_plain_rx,
        unit_at=regex.compile(r"[ \t]+(?P<u>" + trie_alternation(unit_forms) + r")(?![\p{L}\d])"),
        noun_at=regex.compile(r"[ \t]+(\p{L}[\p{L}-]*\p{L})\b"),
        units={_norm(f): u for u in units_rows for f in u.forms},
        qualifiers={_norm(f): q for q in quals if q.position == "before" for f in q.forms}
        | {"~after:" + _norm(f): q for q in quals if q.position == "after" for f in q.forms},
        labels=frozenset(labels),
        label_last=frozenset(f.split()[-1].rstrip(".:") for f in labels)
        | frozenset(f.split()[-1] for f in labels),
        qual_last=frozenset(
            _norm(f).split()[-1] for q in quals if q.position == "before" for f in q.forms
        ),
        left_words=frozenset(),
        currency={f.lower(): c.unit for c in lex.rows("numbers", "currencies") for f in c.prefixes},
        ages=frozenset(f.lower() for r in lex.rows("quantities", "age_cues") for f in r.forms),
        age_words=frozenset(
            f.lower() for r in lex.rows("quantities", "age_cues") if r.id == "usia" for f in r.forms
        ),
        modifiers=frozenset(mods),
        stopwords=frozenset(_norm(f) for r in lex.rows("quantities", "stopwords") for f in r.forms),
        guards_before=guards_before,
        guards_after=guards_after,
        articles={w.lower(): a for a in lex.rows("quantities", "articles") for w in a.words},
        number_tokens=frozenset(_low(word_forms + vague_forms + fused_forms)),
        t=t,
        twins={},
        twin_matches=None,
        own_matches=(),
        pattern_chars=frozenset(),
        fast_words={},
        fast_block=frozenset(),
        fast_after=re.compile("(?!)"),
    )
    pats = [getattr(rx, n) for n in _TWINNED] + [rx.digits]
    twins = {n: ascii_twin(getattr(rx, n)) for n in _TWINNED}
    twinned = [p for p in twins.values() if p is not None]  # (in the order of _TWINNED)
    fast_words, fast_next = _fast_words(
        units_rows, sorted(t.percent), [*t.currency_suffix], [*t.scales], [*t.money_scales], after_q
    )
    return replace(
        rx,
        left_words=frozenset(
            [*rx.currency, *(w.lower() for w in rx.label_last), *rx.qual_last, "antara"]
        ),
        twins=twins,
        twin_matches=tuple(p.match for p in twinned) if len(twinned) == len(_TWINNED) else None,
        own_matches=tuple(partial(getattr(rx, n).match, concurrent=False) for n in _TWINNED),
        pattern_chars=frozenset(c for p in pats for c in p.pattern if not c.isascii()),
        fast_words=fast_words,
        fast_block=frozenset(_first_run(f) for f in [*mods, *after_q]) - {""},
        # (no word character after the word: \b and (?![\p{L}\d]) then hold in ``regex`` and
        # in the ASCII twins alike; nor a character that goes on to a longer form: "desa/")
        fast_after=re.compile(
            r" ([a-z]+)(?![^\x00-\x7f]|[0-9A-Za-z_" + "".join(re.escape(c) for c in sorted(fast_next))
            + r"])(?:[ \t]+([a-z]*))?"
        ),
    )


_LETTERS: Final = re.compile(r"[a-z]*")


def _first_run(form: str) -> str:
    """The leading run of ``a``-``z`` of a lowercase form ("" when it starts otherwise)."""
    m = _LETTERS.match(form)
    return m.group() if m is not None else ""


def _fast_words(
    units_rows: list[UnitRow],
    percent: list[str],
    currency_suffix: list[str],
    scales: list[str],
    money_scales: list[str],
    after_q: list[str],
) -> tuple[dict[str, tuple[Optional[UnitRow], frozenset[str], str, str]], set[str]]:
    """The words whose right context ``_judge`` reads without a regex: after a number and one
    space, a maximal run ``w`` of ``a``-``z`` followed by a character that is no word character,
    where ``follow`` (and ``right_plain``) can only match the unit ``w`` or the percent word
    ``w``, and nothing before or after it, when the text goes on as the judge checks
    (``_judge_right_fast``). Left out: a word that a scale (``juta``, ``jutaan``, ``m``), a money
    abbreviation (``k``), a range connector (``sd``, ``sampai``, ``hingga``, ``dan`` start a
    match without a word boundary), a trailing qualifier (``lebih``), and, for units, a percent
    or currency word could start; units that are classifiers are kept (the judge extends them
    as ``_right`` does). A form's match must end at a word boundary or non-letter, so only forms
    whose leading letter run is ``w`` itself can match there: ``w``, and the longer forms
    that go on with a non-letter (``warga negara``, ``kabupaten/kota``), whose next
    characters the judge checks: the non-space ones (returned as one set for all words, which
    ``_Rx.fast_after`` keeps out after any word) and the first letters after a space.
    A word whose longer forms go on after a space with a non-letter is left out."""

    def excluded_by(forms: list[str], suffix: str = "") -> set[str]:
        # forms of letters only match the whole run (then a boundary); any other form is
        # kept out by its leading run (a superset of the runs it could match)
        out: set[str] = set()
        for f in {f.lower() for f in forms}:
            run = _first_run(f)
            if run:
                out.add(run)
                if suffix and run == f:
                    out.add(f + suffix)
        return out

    conn = ("sd", "sampai", "hingga", "dan")  # (?P<conn>...) in _build, no boundary after
    common = excluded_by(scales, "an") | excluded_by(money_scales) | excluded_by(after_q)
    not_unit = common | excluded_by(percent) | excluded_by(currency_suffix)

    def continuations(forms: list[str], w: str) -> tuple[frozenset[str], frozenset[str]]:
        nxt: set[str] = set()
        after_space: set[str] = set()
        for f in forms:
            if len(f) > len(w) and f.startswith(w):
                c = f[len(w)]
                if c.isalpha() and c.isascii():
                    continue  # a longer word: the text's run ends at w
                if c in " \t":
                    nxt.update(" \t")
                    after_space.add(f[len(w) :].lstrip(" \t")[:1])
                else:
                    nxt.add(c)
        return frozenset(nxt - {" ", "\t"}), frozenset(after_space)

    out: dict[str, tuple[Optional[UnitRow], frozenset[str], str, str]] = {}
    next_chars: set[str] = set()
    word = re.compile(r"[a-z]+")
    unit_forms = sorted({f.lower() for u in units_rows for f in u.forms})
    pct_forms = sorted({f.lower() for f in percent})
    units = {_norm(f): u for u in units_rows for f in u.forms}
    for w in pct_forms:
        if word.fullmatch(w) and w not in common and not w.startswith(conn) and w != "s":
            nxt, after_space = continuations(pct_forms, w)
            if all(word.fullmatch(c) for c in after_space):
                next_chars |= nxt
                out[w] = (None, after_space, "persen", "percent")
    for w in unit_forms:
        if w in out or not word.fullmatch(w) or w in not_unit or w.startswith(conn) or w == "s":
            continue
        nxt, after_space = continuations(unit_forms, w)
        if all(word.fullmatch(c) for c in after_space):
            next_chars |= nxt
            row = units[w]
            out[w] = (row, after_space, row.family or row.id, row.kind)
    return out, next_chars


_QUANTITY_KINDS: Final = frozenset(("count", "percent", "money", "age", "duration", "other"))
_COMPARATORS: Final = frozenset((None, ">", "<", ">=", "<=", "~"))


def make_quantity(
    value: Optional[int | float],
    unit: Optional[str],
    kind: str,
    span: Span,
    rule: str,
    approximate: bool = False,
    comparator: Optional[str] = None,
    range_end: Optional[int | float] = None,
) -> Quantity:
    """A :class:`Quantity` built the way ``Quantity.model_construct`` builds one.

    Validating a record costs more than finding it (a few µs each, a sixth of
    the stage): the fields are checked here with plain type tests instead, and
    the instance is filled as pydantic's own ``model_construct`` fills it
    (``__dict__`` in field order, the fields set, no extra or private data).
    ``tests/test_quantities.py`` checks the result equals the validated record.
    """
    if (
        type(value) not in _NUMBER_TYPES
        or type(range_end) not in _NUMBER_TYPES
        or kind not in _QUANTITY_KINDS
        or comparator not in _COMPARATORS
        or type(span) is not Span
    ):
        raise ValueError(f"invalid quantity fields: {value!r} {kind!r} {comparator!r}")
    fields_set = {"value", "unit", "kind", "text", "span", "rule"}
    if approximate or comparator is not None:
        fields_set |= {"approximate", "comparator"}
    if range_end is not None:
        fields_set.add("range_end")
    return filled(
        Quantity,
        {
            "value": value,
            "unit": unit,
            "kind": kind,
            "approximate": bool(approximate),
            "comparator": comparator,
            "range_end": range_end,
            "text": span.text,
            "span": span,
            "rule": rule,
        },
        fields_set,
    )


_NUMBER_TYPES: Final = frozenset((int, float, type(None)))


def _rx(lex: Lexicon) -> _Rx:
    rx: _Rx = lex.compiled("quantities:rx", _build)
    return rx


def lowered(text: str, low: Optional[str] = None) -> str:
    """``text.lower()`` with the same length (characters whose lowercase is longer stay);
    ``low``: ``text.lower()`` when the caller has it."""
    if low is None:
        low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


@dataclass(slots=True, init=False)
class _Num:
    value: Decimal | int  # int for plain digits (cheaper), Decimal once scaled or decimal
    style: str  # digit style of numbers.read_digits, or "words"
    text: str

    # the dataclass's __init__ written out, compiled in the compiled build (tests/test_build.py)
    def __init__(self, value: Decimal | int, style: str, text: str) -> None:
        self.value = value
        self.style = style
        self.text = text


CandKind = Literal["digits", "words", "vague", "fused"]
#: A candidate: (first character of the number or vague word, minus its end, kind);
#: plain tuples, so that sorting by (start, longest first) is cheap.
_Cand = tuple[int, int, CandKind]


_MatchAt = Callable[[str, int], Optional[_AnyMatch]]


def _ascii_copy(rx: _Rx, low: str) -> Optional[str]:
    """``low`` when ASCII; else a same-length ASCII copy when every non-ASCII character in it
    is neutral (``›``, ``©``: no letter, digit or space, named by no pattern); else None."""
    if low.isascii():
        return low
    for c in set(_NON_ASCII.findall(low)):
        if c.isalnum() or c.isspace() or c in rx.pattern_chars:
            return None
    return _NON_ASCII.sub("\x01", low)


class _Ctx:
    """Per-document state: the working text, its lowercased copy, the dates stage's claims."""

    __slots__ = (
        "doc", "rx", "text", "low", "alow", "mlow", "zeros", "_starts", "_maxend", "infos",
        "to_source", "source",
    ) + _TWINNED

    follow: "_MatchAt"  # follow(ctx.mlow, pos): the pattern's match at pos (by its twin when it can)
    right: "_MatchAt"
    right_plain: "_MatchAt"
    unit_at: "_MatchAt"
    noun_at: "_MatchAt"
    vague_at: "_MatchAt"
    word_at: "_MatchAt"
    fused_at: "_MatchAt"

    def __init__(self, doc: Document, rx: _Rx) -> None:
        self.doc = doc
        self.rx = rx
        self.text = doc.text
        # (Document.span's map, for _record; None when the offsets are the identity, nearly
        # every text: no call per record then)
        self.to_source = doc.prep.to_source if doc.prep._map is not None else None
        self.source = doc.source
        self.infos: list[QuantityInfo] = doc.scratch.setdefault("quantity_info", [])
        self.low = low = lowered(self.text, doc.lower_text())
        self.alow = alow = _ascii_copy(rx, low)
        self.zeros = _zeros(alow) if alow is not None else None  # (digit runs, number words)
        claimed = doc.claimed
        ranges = sorted([*claimed.get("date", ()), *claimed.get("notquantity", ())])
        self._starts = [r[0] for r in ranges]
        maxend: list[int] = []
        self._maxend = maxend
        m = -1
        for _, e in ranges:
            if e > m:  # (a builtin max() call costs several times a comparison)
                m = e
            maxend.append(m)
        # the match functions of _TWINNED (ctx.follow(ctx.mlow, pos)): the twins on the ASCII
        # copy when it can (set here, not made on first use by a __getattr__: a class with a
        # __getattr__ has every attribute read go through it, a tenth of the stage's reads)
        if self.alow is not None and rx.twin_matches is not None:
            self.mlow, fns = self.alow, rx.twin_matches
        else:
            self.mlow, fns = low, rx.own_matches
        (
            self.follow, self.right, self.right_plain, self.unit_at, self.noun_at, self.vague_at,
            self.word_at, self.fused_at,
        ) = fns

    def blocked(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps a range the dates stage claimed."""
        i = bisect_left(self._starts, end) - 1
        return i >= 0 and self._maxend[i] > start


def run(doc: Document) -> None:
    """Find quantities in ``doc.text`` and append them to ``doc.quantities``."""
    rx = _rx(doc.lexicon)
    ctx = _Ctx(doc, rx)
    low = ctx.low
    start_at = doc.body_start if 0 <= doc.body_start < len(low) else 0
    cands = _digit_runs(rx, ctx.alow if ctx.alow is not None else low, start_at, ctx.zeros)  # (sorted)
    word_cands = _word_candidates(ctx, low, start_at)
    if word_cands:
        cands.extend(word_cands)
        # by (start, longest first): no two candidates of different kinds start at one place
        # (digits and letters), so sorting the whole tuples gives that order
        cands.sort()
    infos = ctx.infos
    records = doc.quantities
    starts, maxend = ctx._starts, ctx._maxend
    taken = -1  # end of the last consumed candidate range
    claims: Optional[list[tuple[int, int]]] = None
    for cs, minus_end, kind in cands:
        if cs < taken:
            continue
        if kind == "digits":
            i = bisect_left(starts, -minus_end) - 1  # (ctx.blocked, inlined: a quarter of the
            if i >= 0 and maxend[i] > cs:  # figures are parts of dates and clock times)
                taken = -minus_end
                continue
        try:
            info, consumed = _judge(ctx, cs, -minus_end, kind)
        except (ArithmeticError, ValueError, KeyError, IndexError):
            info, consumed = None, -minus_end
        if consumed > taken:
            taken = consumed
        if info is None:
            continue
        if (
            infos
            and info.record.kind == "count"
            and infos[-1].record.unit is None  # (what _shares_noun checks first)
            and _shares_noun(ctx, infos[-1], info)
        ):
            prev_info = infos[-1]
            pr = prev_info.record
            prev_info.record = make_quantity(
                pr.value, info.record.unit, "count", pr.span, pr.rule, pr.approximate,
                pr.comparator, pr.range_end,
            )
            prev_info.family = info.family
            records[-1] = prev_info.record
        infos.append(info)
        records.append(info.record)
        if claims is None:  # (doc.claim, once per document: nothing reads the index meanwhile)
            claims = doc.claimed.setdefault("quantity", [])
            doc._claim_index.pop("quantity", None)
        claims.append((info.start, info.end))


#: "sekitar 200.000 dari 7,3 juta warga": the first figure counts the noun of the second.
_SHARED_GAP: Final = regex.compile(r"[ \t]+(?:dari|atau)[ \t]+(?:total[ \t]+)?")


def _shares_noun(ctx: _Ctx, before: QuantityInfo, info: QuantityInfo) -> bool:
    """True when the bare figure ``before`` is joined to the counted ``info`` by ``dari`` /
    ``atau`` alone (``200.000 dari 7,3 juta warga``, ``6.440 atau 6,49 persen`` excluded)."""
    rec = before.record
    return (
        rec.unit is None
        and rec.kind == "other"
        and rec.rule != _RULE_LIST
        and 0 < info.start - before.end <= 16
        and _SHARED_GAP.fullmatch(ctx.text, before.end, info.start) is not None
    )


def _digit_runs(rx: _Rx, low: str, start_at: int, zeros: Optional[bytes] = None) -> list[_Cand]:
    """Digit runs (``96.616``, ``18/4/2016``, ``2.500.000,-``) not glued to a word before them,
    except a currency sign (``Rp150``), nor to a hyphen after a word (``Covid-19``, ``ke-17``).
    ``zeros``: ``_zeros(low)`` when the caller has it."""
    if zeros is None:
        if not low.isascii():
            return [
                (m.start(), -m.end(), "digits")
                for m in rx.digits.finditer(low, start_at, None, False, False)
            ]
        zeros = _zeros(low)
    return [(a, -b, "digits") for a, b in map(_SPAN, rx.digits_zero.finditer(zeros, start_at))]


_SPAN: Final = re.Match.span


def _zeros(ascii_text: str) -> bytes:
    """The :data:`_DIGITS_TO_ZERO` copy of an ASCII text (the same positions: one byte each)."""
    return ascii_text.encode("ascii").translate(_DIGITS_TO_ZERO)


def _lead_forms(rx: _Rx, low: str, start_at: int) -> set[str]:
    """The leading forms of number words, vague and fused amounts that stand in ``low`` from
    ``start_at`` as a whitespace token (``dua``, ``(dua``, ``dua,``)."""
    return {rx.word_lead_set[t] for t in rx.word_lead_keys.intersection(low[start_at:].split())}


def _lead_forms_ascii(rx: _Rx, zeros: bytes, start_at: int) -> set[str]:
    """:func:`_lead_forms` of an ASCII text from its ``_zeros`` copy: splitting bytes and
    hashing the tokens costs about a quarter less than ``str`` tokens (no form has a digit,
    and the copy splits where the text does)."""
    return {rx.word_lead_bytes[t] for t in rx.word_lead_bkeys.intersection(zeros[start_at:].split())}


def _word_candidates(ctx: _Ctx, low: str, start_at: int) -> list[_Cand]:
    """Number-word runs and vague amounts, found by ``str.find`` of the leading forms
    that occur in the text as words (one set intersection of the text's whitespace
    tokens picks those forms; a form with quotes, brackets or punctuation around counts too).

    On ASCII text, when every leading form is a run of letters, a form is tried where it is
    one of the text's letter runs (:func:`~ektp_extract.kinds.officials.lower_words`, built
    once per text and shared with the later stages): a superset of the whitespace tokens'
    forms (``(dua).`` and ``dua/tiga`` hold the letter run ``dua``), without a split and
    hashing of every token. Each place found is judged the same way either way."""
    out: list[_Cand] = []
    rx = ctx.rx
    zeros = ctx.zeros
    letters = rx.word_lead_letters
    lw = lower_words(ctx.doc) if letters is not None and zeros is not None else None
    if lw is not None and letters is not None:
        present: set[str] | frozenset[str] = letters.intersection(lw.words)
    elif zeros is None:
        present = _lead_forms(rx, low, start_at)
    else:
        present = _lead_forms_ascii(rx, zeros, start_at)
    for form in sorted(present):
        i = low.find(form, start_at)
        while i != -1:
            if i == 0 or not (low[i - 1].isalnum() or low[i - 1] == "-"):
                m = ctx.word_at(ctx.mlow, i)
                f = ctx.fused_at(ctx.mlow, i) if m is None else None
                if m is not None:
                    out.append((i, -m.end(), "words"))
                elif f is not None:
                    out.append((i, -f.end(), "fused"))
                else:
                    v = ctx.vague_at(ctx.mlow, i)
                    if v is not None:
                        out.append((i, -v.end(), "vague"))
            i = low.find(form, i + 1)
    return out


def _prev_words(text: str, s: int, n: int = 4) -> list[str]:
    """Up to ``n`` whitespace-separated tokens right before ``s`` on the same line."""
    seg = text[s - 48 if s > 48 else 0 : s]
    nl = seg.rfind("\n")
    if nl != -1:
        seg = seg[nl + 1 :]
    return seg.split()[-n:]


def _token_start(text: str, s: int, tokens: list[str]) -> int:
    """Start offset of the first of ``tokens``, which end right before ``s``."""
    pos = s
    for tok in reversed(tokens):
        pos = text.rfind(tok, 0, pos)
    return pos


def _read(rx: _Rx, digits: Optional[str], words: Optional[str]) -> Optional[_Num]:
    if digits is not None:
        r = read_digits(digits)
        return _Num(r.value, r.style, digits) if r is not None else None
    assert words is not None
    v = read_words(words, rx.t)
    return _Num(v, "words", words) if v is not None else None


def _judge(ctx: _Ctx, s: int, e: int, ckind: CandKind) -> tuple[Optional[QuantityInfo], int]:
    """Decide whether the candidate [s, e) is a quantity; returns (info or None, end consumed).
    A digit run inside a range the dates stage claimed is no candidate (``run`` skips it)."""
    text, low = ctx.text, ctx.low
    ne = e
    d1: Optional[str]  # the digits read (None for number words); a str in this branch
    if ckind == "digits":
        d1 = low[s:ne]
        plain = d1.isdigit()
        if not plain and ("/" in d1 or ":" in d1):
            return None, ne  # 18/4/2016, 24/2013, 13:50
        if s > 0 and text[s - 1] == "(" and text[ne : ne + 1] == ")":
            return _paren_age(ctx, s, ne), ne + 1
        core = d1 if plain else d1.rstrip(",-.")
        core_digits = plain or core.isdigit()
        if len(core) > 1 and core[0] == "0" and core[1].isdigit():
            return None, _skip_chain(low, ne)  # 08.00, 0812-2700-4455, RT 03
        if core_digits and len(core) >= 10:
            return None, ne  # NIK, phone and account numbers
        if (
            core_digits
            and s >= 2
            and text[s - 1] == " "
            and text[s - 2].isdigit()
            and _phone_before(text, s)
        ):
            return None, ne  # a chunk of a spaced phone number: +62 812 2700 4455
        if (
            len(core) <= 3
            and (s == 0 or text[s - 1] in " \t\n")  # (else not at a line start)
            and _LIST_MARK.match(text, ne) is not None  # (first: cheaper than _line_start)
            and _line_start(text, s)
        ):
            return None, ne  # "1. Menuntaskan ...", a table's row number
        if plain:
            first: Optional[_Num] = _Num(int(d1), "plain", d1)
        elif "," not in d1 and _ID_GROUPS.fullmatch(d1) is not None:
            first = _Num(int(d1.replace(".", "")), "id", d1)
        else:
            reading = read_digits(d1)
            if reading is None:
                ctx.doc.warnings.append(W_MALFORMED_NUMBER.format(text=text[s:ne]))
                return None, ne
            first = _Num(reading.value, reading.style, d1)
        words = None
    elif ckind == "vague":
        return _vague(ctx, s, e), ne
    elif ckind == "fused":
        return _fused(ctx, s, e), ne
    else:
        d1 = None
        first = None
        words = low[s:ne]
        if text[s].isupper() and not _sentence_initial(text, s):
            return None, ne  # Paal Dua, Simpang Lima: part of a name
        if text[ne : ne + 1] == "-" and text[ne + 1 : ne + 2].isalpha():
            return None, ne  # satu-satunya, dua-duanya
    # (after a fast reading the letter after the space is lower case: no title after it)
    fast = _judge_right_fast(ctx, ne)
    if (
        fast is None
        and text[ne + 1 : ne + 2].isupper()
        and _TITLE_AFTER.match(text, ne, None, False)
        and _link_context(text, s)
    ):
        return None, ne  # "Baca juga: 5 Syarat Pindah Memilih", "2.500 Keping Blanko Tiba"
    rx = ctx.rx
    mlow = ctx.mlow
    fv: Optional[tuple[Optional[str], ...]]
    # the right context's match (None on the fast path, or when ``right`` fails after "dan")
    # and its group numbers (read only where fast is None)
    fm: Optional[_AnyMatch]
    fx: _Idx
    about = False  # "2 jutaan": about two million
    if fast is not None:
        # a unit or percent word alone after the number: ``follow`` matches nothing else; and
        # the number ends at a space with a letter after it, so the tests of the other branch
        # (glued to letters, a separator and a digit, a ratio's colon after it) cannot hold
        # (tests/test_quantities_fast.py checks them at every fast reading)
        # (fx is read only where fast is None: by _right, after conn == "dan" and with a
        # qual_after, which the fast reading never gives)
        fm, fv = None, None  # (fx left unset: never read here; compiled, None in a local typed _Idx raises TypeError)
        s1 = m1 = conn = cur2 = n2 = d2 = w2 = s2 = m2 = scaled = None
        ratio_after = False
    else:
        c = mlow[ne : ne + 1]
        if c == " ":
            c = mlow[ne + 1 : ne + 2]
        if c in rx.tail_first:
            fm = ctx.follow(mlow, ne)
            assert fm is not None  # every part is optional
            fx = rx.follow_ix
            groups = fm.groups()  # (fx.values: no padding)
            s1, m1, conn, cur2, n2, d2, w2, s2, m2 = groups[:_N_FOLLOW]
            fv = groups[_N_FOLLOW:]
        else:
            # no scale, range or restated number can start here (their first characters, after
            # spaces, are tail_first): ``follow`` would match them empty, and its right context
            # is ``right_plain`` at ``ne`` (a third cheaper: fewer groups and optional parts)
            fm = ctx.right_plain(mlow, ne)
            assert fm is not None
            fx = rx.right_plain_ix
            s1 = m1 = conn = cur2 = n2 = d2 = w2 = s2 = m2 = None
            fv = (None, *fm.groups())  # (no "rs" group)
        scaled = s1 or s2 or m1 or m2
        if scaled:
            fn = fx.n
            if s1 and s1.endswith("an") and s1 not in rx.t.scales:
                s1, about = s1[:-2], True
            if s2 and s2.endswith("an") and s2 not in rx.t.scales:
                s2, about = s2[:-2], True
            if s2 or m2:
                ne = fm.end(fn["s2"] if s2 else fn["m2"])
            else:
                ne = max(
                    fm.end(fn["n2"]) if n2 is not None else ne, fm.end(fn["s1"] if s1 else fn["m1"])
                )
        elif n2 is not None:
            ne = fm.end(fx.n["n2"])
        if (
            ne < len(text)
            and text[ne].isalnum()
            and not scaled
            and not (d1 is not None and low.startswith("an", ne) and not text[ne + 2 : ne + 3].isalnum())
        ):
            return None, ne  # glued to letters: 96A, 3G, 2x24 (but "500an": about 500)
        if ne + 1 < len(text) and text[ne] in ".,/" and text[ne + 1].isdigit():
            return None, ne
        ratio_after = ":" in text[ne : ne + 3] and _RATIO_AFTER.match(text, ne, None, False) is not None
    if ratio_after or (
        ":" in text[s - 3 if s > 3 else 0 : s] and _RATIO_BEFORE.match(text, max(0, s - 8), s, False)
    ):
        return None, _skip_chain(low, ne)  # 1 : 1000, a ratio
    if (d1 is None or ne != e) and ctx.blocked(s, ne):  # (digits were checked up to e above)
        return None, ne
    # ---- left context: currency sign, label, qualifier, "antara"
    seg = text[s - 48 if s > 48 else 0 : s]  # (_prev_words(text, s, 4), inlined: prev)
    nl = seg.rfind("\n")
    if nl != -1:
        seg = seg[nl + 1 :]
    money_unit: Optional[str] = None
    qstart = s
    glued = s > 0 and not text[s - 1].isspace()
    # a word of letters before the number, apart from it, that no left-context rule names
    # (most figures): no currency sign, label, qualifier, "antara" or dash to look for
    # (tests/test_quantities_fast.py runs the stage with and without this shortcut). Read
    # from the last token alone (``seg.rsplit(None, 1)[-1:]`` is ``seg.split()[-1:]``; a
    # character before the number that is no space is a token's); ``prev``, the last four
    # tokens, is read only when a rule needs it (None until then)
    prev: Optional[list[str]] = None
    if glued:
        plain_left = False
    else:
        tail = seg.rsplit(None, 1)
        plain_left = not tail or ((tok := tail[-1]).isalpha() and tok.lower() not in rx.left_words)
    if not plain_left:
        prev = seg.split()[-4:]
        last = prev[-1]
        lastl = last.lower()
        if lastl not in rx.currency and last[:1] in "(\"'":
            lastl = lastl.lstrip("(\"'")  # "($30.2 juta)"
            if lastl in rx.currency:
                last = last[len(last) - len(lastl) :]
        if lastl in rx.currency:
            money_unit = rx.currency[lastl]
            qstart = s - len(last) if glued else _token_start(text, s, [last])
            prev = prev[:-1]
        elif glued:
            prev = prev[:-1] if not last.endswith((".", ":")) else prev  # "(", '"'; keep "No."
        if prev and money_unit is None:
            last = prev[-1]
            if last in (".", ":") or (
                (last := last.strip("\"'([")) in rx.label_last or last.rstrip(".:") in rx.label_last
            ):  # (what _is_label checks first)
                if _is_label(rx, prev):
                    # (after a currency sign the words before are not the number's label); an
                    # amount with a currency sign may follow: "kilometer 12 dan Rp 5.000"
                    return None, e if cur2 else ne
    money_unit = money_unit or (rx.currency.get(cur2) if cur2 else None)
    if money_unit is None and ((s1 and len(s1) == 1) or (s2 and len(s2) == 1)):
        return None, ne  # "3M Plus", "5K": a scale letter is read only after a currency sign
    if prev is not None and len(prev) >= 2 and prev[-1] in _DASHES and prev[-2] in ("H", "D"):
        return None, ne  # "H – 3 pemungutan suara": three days before the event
    if first is None:
        first = _read(rx, None, words)
        if first is None:
            return None, ne
    second: Optional[_Num] = None
    if n2 is not None:
        second = _read(rx, d2, w2)
        if second is None:
            return None, ne
    if scaled:
        _apply_scales(rx, (s1, m1, s2, m2), first, second, money_unit is not None)
    if not plain_left and prev and prev[-1].lower() in rx.qual_last:
        qual, left_word, qstart, prev = _qualifier(rx, text, prev, qstart)
    else:
        qual, left_word = None, ""
    if second is not None:
        if not plain_left and prev and prev[-1].lower() == "antara":
            qstart = _token_start(text, qstart, prev[-1:])
            left_word = left_word or "antara"
        elif conn == "dan":
            # "2 dan 3": not a range; read the first number alone
            second = None
            # (conn comes from follow's match: fm is that match)
            ne = _rstrip(text, fm.start(fx.n["conn"]))  # type: ignore[union-attr]  # see above
            fm = ctx.right(ctx.mlow, ne)
            fx = rx.right_ix
            fv = None
    # ---- right context: unit, percent, currency word, month, time zone
    if fast is not None:
        unit, family, kind, end, unit_row, qual_after, stop = fast
    else:
        unit, family, kind, end, unit_row, qual_after, stop = _right(ctx, fm, fx, ne, qstart, fv)
    if stop:
        return None, ne
    if qual_after is not None:
        qual = qual_after
        if low.startswith(("-an", "an"), ne):
            if prev is None:
                prev = seg.split()[-4:]
            if prev and prev[-1].lower() in _DECADE_CUES:
                return None, end  # "tahun 80-an": a decade
    if about and qual is None:
        qual = rx.qualifiers.get("sekitar")
    if not plain_left and second is None and unit is not None and prev and prev[-1].lower() == "antara":
        rm2 = _BETWEEN_END.match(low, end, None, False)
        if rm2 is not None and low.startswith(unit.lower(), rm2.end()):
            r2 = read_digits(rm2.group(1))
            u_end = rm2.end() + len(unit)
            if r2 is not None and r2.value > first.value and not text[u_end : u_end + 1].isalnum():
                second = _Num(r2.value, r2.style, rm2.group(1))  # "antara 30 tahun dan 40 tahun"
                end = u_end
                qstart = _token_start(text, qstart, prev[-1:])
                left_word = left_word or "antara"
    if money_unit is not None:
        if unit is not None and kind != "money":
            # a currency sign before: a noun after the amount is not its unit ("$500 harus");
            # a qualifier between them stays ("Rp 150.000 lebih")
            end = ne if not text[ne : ne + 2] == ",-" else ne + 2
            if qual_after is not None:
                # (a qual_after is read from a match by _right: fm is not None here)
                rv = fv if fv is not None else fx.values(fm)  # type: ignore[arg-type]  # see above
                if rv[2] is not None or rv[1] is not None:  # a1, an
                    end = fm.end(fx.n["a1" if rv[2] is not None else "an"])  # type: ignore[union-attr]
        unit, family, kind = money_unit, money_unit, "money"
    if (
        kind == "count"
        and first.style == "id"
        and not scaled
        and second is None
        and d1 is not None
        and "," in d1  # (what the pattern needs: most "id" figures are 96.616)
        and _COMMA_THOUSANDS.fullmatch(d1)
    ):
        first.value = int(d1.replace(",", ""))  # "2,615 penderita": no count has 3 decimals
    if kind == "percent" and second is None and (pm := _PCT_RANGE.match(low, end, None, False)):
        r2 = read_digits(pm.group(1))
        if r2 is not None and r2.value > first.value:
            second = _Num(r2.value, r2.style, pm.group(1))  # 5%-15%: a range
            end = pm.end()
    if unit is None and kind == "other" and second is None and not scaled:
        if prev is None:
            prev = seg.split()[-4:]
        if money_unit is None:
            head = _head_unit(ctx, prev, qstart, qual is not None)
            if head is not None:
                unit, family = head  # "Sukamaju 55" after "276 kasus, ...": the list's noun
                kind = "count"
    if unit is None and kind == "other" and second is None and not scaled and prev:
        bare = _bare_number(ctx, prev, qstart, first, qual is None)
        if bare is None:
            return None, ne  # "Tol Cipali 2", "Lt. 2", "4 Februari 201": a name, not an amount
        if bare == "age":
            unit, kind, family = "tahun", "age", "waktu"  # "usia 19", "berumur 45"
    # ---- judgements that need both sides
    if first.style == "plain" and 1900 <= first.value <= 2099 and kind not in ("money", "percent"):
        if unit_row is None or unit_row.kind == "duration":
            return None, ne  # a year
        if second is not None and 1900 <= second.value <= 2099:
            return None, ne  # 2018-2019
    if second is not None and second.value <= first.value and conn in ("-", "\u2013"):
        return None, ne  # 2-1 (a score), not a range
    if first.style == "dot-decimal" and (unit is None and not s1 or first.text.endswith(".0")):
        return None, ne  # 09.30 (a clock time), 4.0 (a version): not an amount without a unit
    if words is not None:
        if unit is None and not s1 and second is None:
            return None, ne  # a bare number word: "hanya tiga"
        if _guarded(rx, text, low, s, e):
            return None, ne
        if first.value < 1 and kind == "count":
            return None, ne  # "setengah warga": a share, not an amount
        if kind == "count" and words in rx.articles:
            if _article(rx, low, s, end, rx.articles[words], unit_row):
                return None, ne  # "satu serangan", "dalam satu wawancara": "a", not one
    if unit is not None and unit.lower() == "tahun" and _REG_YEAR.match(text, end, None, False):
        return None, ne  # "Peraturan Pemerintah 40 Tahun 2019": a regulation number
    if kind == "duration" and rx.relative_after.match(low, end, None, False):
        return None, end  # "dua pekan lalu", "14 hari lagi": a relative date
    if kind == "duration" and unit is not None and unit.lower() in ("tahun", "thn", "bulan"):
        if _is_age(rx, text, qstart, end):
            kind = "age"
    if first.value == 0 and prev is None:
        prev = seg.split()[-4:]
    if first.value == 0 and prev and (
        prev[-1].upper() == "DP" or [w.lower() for w in prev[-2:]] == ["uang", "muka"]
    ):
        return None, ne  # "skema DP nol rupiah": a programme's name, not an amount
    if text[end : end + 2] in (" (", "(") and unit is not None:
        em = _ECHO.match(text, end, None, False)
        if em is not None and all(
            w in rx.t.words or w in rx.t.currency_suffix or w == "koma"
            for w in em.group(1).lower().split()
        ):
            end = em.end()  # "89,08 triliun rupiah (delapan puluh sembilan ... triliun)": read once
    v = first.value
    if second is None:
        rule = (_RULES_WORDS if words is not None else _RULES_DIGITS)[kind]
        upper = None
    else:
        rule = _RULE_NAMES[kind, words is not None, True]
        upper = as_number(second.value)
    if qual is None:
        record = _record(ctx, qstart, end, v if type(v) is int else as_number(v), unit, kind, rule, False, None, upper)
    else:
        record = _record(
            ctx, qstart, end, v if type(v) is int else as_number(v), unit, kind, rule,
            qual.approximate, qual.comparator, upper,
        )
    return QuantityInfo(record, qstart, end, s, ne, family, left_word), end if end > ne else ne


def _judge_right_fast(
    ctx: _Ctx, ne: int
) -> Optional[tuple[Optional[str], Optional[str], str, int, Optional[UnitRow], None, bool]]:
    """What ``follow`` (or ``right_plain``) at ``ne`` and then ``_right`` give, read without the
    patterns, for the commonest right context: one space and a unit or percent word of
    ``rx.fast_words`` in lower case (``1.200 warga``, ``45 persen``); None when the text goes
    on otherwise (then the judge runs the patterns; see ``_fast_words``).
    tests/test_quantities_fast.py compares the two at every space of its texts."""
    rx = ctx.rx
    m = rx.fast_after.match(ctx.low, ne)
    if m is None:
        return None
    w, w2 = m.groups()
    entry = rx.fast_words.get(w)
    if entry is None or (w2 and (w2[0] in entry[1] or w2 in rx.fast_block)):
        return None  # a longer form after a space ("warga negara"), a modifier or "lebih"
    text = ctx.text
    if text[ne + 1] != w[0]:
        return None  # an upper-case first letter: _right's headline check
    row, _, family, kind = entry
    k = ne + 1 + len(w)
    if row is None:
        return "persen", family, kind, k, None, None, False
    end = _classifier_np(ctx, k) if row.classifier else k
    return text[ne + 1 : end], family, kind, end, row, None, False


def _record(
    ctx: _Ctx,
    start: int,
    end: int,
    value: int | float,
    unit: Optional[str],
    kind: str,
    rule: str,
    approximate: bool,
    comparator: Optional[str],
    range_end: Optional[int | float],
) -> Quantity:
    """``make_quantity(value, unit, kind, doc.span(start, end), rule, ...)`` in one call, for
    the judge's records (nearly every record): the values are of the right types already
    (``as_number`` results, the kinds of the tables, qualifier rows), so the type tests are
    left out, and the span and the record are made by ``models.filled``.
    tests/test_quantities.py compares every record of the fixtures with ``make_quantity``."""
    to_source = ctx.to_source
    if to_source is None:
        a, b = start, end
    else:
        a, b = to_source(start, end)
    text = ctx.source[a:b]
    span = filled(Span, {"start": a, "end": b, "text": text}, {"start", "end", "text"})
    data = {
        "value": value,
        "unit": unit,
        "kind": kind,
        "approximate": approximate,
        "comparator": comparator,
        "range_end": range_end,
        "text": text,
        "span": span,
        "rule": rule,
    }
    if approximate or comparator is not None:
        fields_set = {"value", "unit", "kind", "text", "span", "rule", "approximate", "comparator"}
    else:
        fields_set = {"value", "unit", "kind", "text", "span", "rule"}
    if range_end is not None:
        fields_set.add("range_end")
    return filled(Quantity, data, fields_set)


def _qualifier(
    rx: _Rx, text: str, prev: list[str], qstart: int
) -> tuple[Optional[QualifierRow], str, int, list[str]]:
    """The qualifier ending right before ``qstart`` (``kurang lebih``, ``di atas``):
    (row, its words, new start, the words left before it)."""
    if not prev or prev[-1].lower() not in rx.qual_last:
        return None, "", qstart, prev
    for k in (3, 2, 1):
        if len(prev) >= k:
            # (_norm of tokens joined by single spaces: lowercasing adds no whitespace)
            words = " ".join(prev[-k:]).lower()
            q = rx.qualifiers.get(words)
            if q is not None:
                return q, words, _token_start(text, qstart, prev[-k:]), prev[:-k]
    return None, "", qstart, prev


def _rstrip(text: str, pos: int) -> int:
    while pos > 0 and text[pos - 1] in " \t":
        pos -= 1
    return pos


def _phone_before(text: str, s: int) -> bool:
    """True when digit groups joined by spaces before ``s`` start with ``+`` or ``0``."""
    i = s
    lo = max(0, s - 24)  # a phone number is short: keeps long digit tables linear
    while i > lo and (text[i - 1].isdigit() or text[i - 1] in " -"):
        i -= 1
    while i < s and text[i] in " -":
        i += 1
    return (i > 0 and text[i - 1] == "+") or text[i : i + 1] == "0"


def _skip_chain(low: str, pos: int) -> int:
    """End of a chain of digit groups joined by - . or spaces (a phone number)."""
    n = len(low)
    while pos + 1 < n and low[pos] in "-. " and low[pos + 1].isdigit():
        pos += 1
        while pos < n and low[pos].isdigit():
            pos += 1
    return pos


_SENT_START: Final = frozenset(".!?:;\"'(\n")


def _line_start(text: str, s: int) -> bool:
    """True when only spaces separate ``s`` from the start of its line."""
    i = s - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] == "\n"


def _sentence_initial(text: str, pos: int) -> bool:
    """True when only spaces / quotes separate ``pos`` from a sentence break."""
    i = pos - 1
    while i >= 0 and text[i] in " \t\"'(":
        i -= 1
    return i < 0 or text[i] in _SENT_START


def _is_label(rx: _Rx, prev: list[str]) -> bool:
    """``Nomor 25``, ``SMA Negeri 5``, ``nomor urut 3``: the number names something."""
    if len(prev) >= 2 and prev[-1] in (".", ":"):
        prev = prev[:-2] + [prev[-2] + prev[-1]]  # tokenised text: "No . 182"
    last = prev[-1].strip("\"'([")
    if last not in rx.label_last and last.rstrip(".:") not in rx.label_last:
        return False
    for k in (3, 2, 1):
        if len(prev) >= k:
            phrase = " ".join(prev[-k:]).strip("\"'([")
            if phrase in rx.labels or phrase.rstrip(".:") in rx.labels:
                # a label that is also a unit is a unit after a number: "2.000 kilometer
                # (1.250 mil)"; "Pasal 2 ayat (1)" stays a label
                return (
                    len(prev) == k
                    or not prev[-k - 1][-1:].isdigit()
                    or _norm(phrase) not in rx.units
                )
    return False


def _apply_scales(
    rx: _Rx, scales: tuple[Optional[str], ...], first: _Num, second: Optional[_Num], money: bool
) -> None:
    """Multiply by the scale words (s1, m1, s2, m2); a scale after the upper end applies
    to both ends (5-10 juta)."""
    t = rx.t
    s1, m1, s2, m2 = scales
    for num, sc, ms in ((first, s1, m1), (second, s2, m2)):
        if num is None:
            continue
        if sc:
            num.value *= t.scales[sc.lower()]
        elif ms:
            if not money:
                raise ValueError("money abbreviation without a currency")
            num.value *= _money_scale(t, ms)
    if second is not None and not (s1 or m1) and first.style != "words":
        if s2:
            first.value *= t.scales[s2.lower()]
        elif m2:
            first.value *= _money_scale(t, m2)


def _money_scale(t: NumberTables, form: str) -> Decimal:
    for k, v in t.money_scales.items():
        if k.lower() == form:
            return v
    raise KeyError(form)


class _Idx:
    """Group numbers of one compiled pattern (named-group access is slow in ``regex``) and
    its groups as ``names`` (the pattern's own groups, in its order, after the leading names
    it lacks: ``right_plain`` has no ``rs``), read from ``m.groups()`` in one call."""

    __slots__ = ("n", "pad")

    def __init__(self, pattern: regex.Pattern[str], names: tuple[str, ...]) -> None:
        gi = pattern.groupindex
        self.n = dict(gi)  # name → 1-based group number
        present = [k for k in names if k in gi]
        self.pad = len(names) - len(present)  # leading names the pattern lacks ("rs")
        assert names[self.pad :] == tuple(present)
        assert [gi[k] for k in present] == list(range(1, pattern.groups + 1)), pattern.pattern[:80]

    def values(self, m: _AnyMatch) -> tuple[Optional[str], ...]:
        picked: tuple[Optional[str], ...] = m.groups()
        return (None,) * self.pad + picked if self.pad else picked


def _right(
    ctx: _Ctx,
    rm: Optional[_AnyMatch],
    ix: _Idx,
    ne: int,
    qstart: int,
    picked: Optional[tuple[Optional[str], ...]] = None,
) -> tuple[Optional[str], Optional[str], str, int, Optional[UnitRow], Optional[QualifierRow], bool]:
    """(unit, family, kind, end, unit row, trailing qualifier, reject) from the right-context
    groups of ``rm`` (a ``follow`` or ``right`` match, with its group numbers ``ix``, and
    ``ix.values(rm)`` when the caller has it); ``ne`` is where the number ends."""
    if rm is None:
        return None, None, "other", ne, None, None, False
    rs, an, a1, pct, csuf, unit_g, mod, month, gen, a2 = (
        picked if picked is not None else ix.values(rm)[-_N_RIGHT:]
    )
    rx, text = ctx.rx, ctx.text
    n = ix.n
    end = ne
    if rs is not None:
        words = [w for w in rs.split() if w not in rx.t.currency_suffix]
        if words and all(w in rx.t.words or w == "koma" for w in words):
            end = rm.end(n["rs"]) + 1
        else:
            rm = ctx.right_plain(ctx.mlow, ne)  # brackets that are not a restated number
            if rm is None:
                return None, None, "other", end, None, None, False
            ix = rx.right_plain_ix
            n = ix.n
            rs, an, a1, pct, csuf, unit_g, mod, month, gen, a2 = ix.values(rm)
    qual_after: Optional[QualifierRow] = None
    if an is not None:
        end = rm.end(n["an"])  # 1.500-an warga: about 1,500
        qual_after = rx.qualifiers.get("sekitar")
    if a1 is not None:
        qual_after = rx.qualifiers.get("~after:" + a1)
        end = rm.end(n["a1"])  # "1 juta lebih warga"
    # (pct, csuf, unit, month and gen are branches of one group: one of them at most is set)
    unit_row: Optional[UnitRow] = None
    if unit_g is not None:
        unit_row = rx.units.get(unit_g) or rx.units.get(_norm(unit_g))
        us, end = rm.span(n["unit"])
        if text[us : us + 1].isupper() and text[us + 1 : us + 2].islower() and _link_context(text, us):
            return None, None, "other", end, None, None, True  # "Cuma 2 Menit": a headline
        if mod is not None:
            end = rm.end(n["mod"])
        if unit_row is not None:
            family: Optional[str] = unit_row.family or unit_row.id
            kind: str = unit_row.kind
            if unit_row.classifier:
                end = _classifier_np(ctx, end)
        else:
            family, kind = None, "other"
        unit: Optional[str] = text[us:end]
    elif pct is not None:
        ps, pe = rm.span(n["pct"])
        if _title_word(text, ps) and _link_context(text, ps):
            return None, None, "other", end, None, None, True  # "Tembus 99 Persen": a headline
        unit, family, kind, end = "persen", "persen", "percent", pe
    elif csuf is not None:
        unit = rx.t.currency_suffix[_norm(csuf)]
        family, kind, end = unit, "money", rm.end(n["csuf"])
    elif month is not None:
        return None, None, "other", end, None, None, True  # 17 April
    elif gen is not None:
        gs, ge = rm.span(n["gen"])
        g = text[gs:ge]
        if g in _ZONES:
            return None, None, "other", end, None, None, True  # 14.00 WIB
        if _noun_like(rx, g):
            if g.isupper() and len(g) <= 3 and _plate_left(text, qstart):
                return None, None, "other", end, None, None, True  # AB 1234 XY
            unit, end, kind, family = g, ge, "count", g.lower()
        else:
            return None, None, "other", end, None, qual_after, False
    else:
        return None, None, "other", end, None, qual_after, False
    if a2 is not None and qual_after is None and rm.start(n["a2"]) >= end:
        qual_after = rx.qualifiers.get("~after:" + a2)
        end = rm.end(n["a2"])  # "Rp 1 triliun lebih"
    return unit, family, kind, end, unit_row, qual_after, False


#: Words that introduce links to other articles ("Baca juga:", "Artikel terkait:").
_LINK_CUE: Final = regex.compile(
    r"(?i)\b(?:baca[ \t]+(?:juga|pula|berikutnya|selanjutnya)\b|baca[ \t]*:"
    r"|(?:artikel|berita)[ \t]+(?:terkait|lainnya)"
    r"|lihat[ \t]+juga|simak[ \t]+juga)"
)


def _link_context(text: str, pos: int) -> bool:
    """True when ``pos`` is in a related-article link: after a link cue on its line, or in the
    block of lines under one ("Baca juga:\n<title>\n<title>"). Title Case elsewhere — a
    headline, "31 Dewan Pimpinan Daerah", "2.000 Kilometer" — is no reason to drop a figure."""
    ls = text.rfind("\n", 0, pos) + 1
    if _LINK_CUE.search(text, ls, pos):
        return True
    le = text.find("\n", pos)
    if _prose(text[ls : le if le != -1 else len(text)]):
        return False  # a paragraph of prose under a link is no link title
    for _ in range(6):  # the lines above, up to a blank line or a paragraph of prose
        if ls == 0:
            return False
        prev = text.rfind("\n", 0, ls - 1) + 1
        line = text[prev : ls - 1]
        if not line.strip():
            return False
        if _prose(line) and not _LINK_CUE.search(text, prev, ls - 1):
            return False
        if _LINK_CUE.search(text, prev, ls - 1):
            return True
        ls = prev
    return False


def _prose(line: str) -> bool:
    """A line of prose, not a link title: long, or ending a sentence."""
    t = line.rstrip()
    return len(t) > 160 or t.endswith((".", '."', ".\u201d", "?\"", '!"'))


def _title_word(text: str, pos: int) -> bool:
    """A Title-Case word at ``pos`` (``Menit``, ``Persen``; not ``KTP``): headline style."""
    return text[pos : pos + 1].isupper() and text[pos + 1 : pos + 2].islower()


def _plate_left(text: str, s: int) -> bool:
    prev = _prev_words(text, s, 1)
    return bool(prev) and 1 <= len(prev[0]) <= 2 and prev[0].isalpha() and prev[0].isupper()


def _noun_like(rx: _Rx, word: str) -> bool:
    """The general counted-noun rule: a lowercase content word or a short acronym."""
    low = word.lower()
    if low in rx.stopwords or low in rx.t.percent or low in rx.t.words:
        return False
    if word.isupper():
        return len(word) <= 6 and word not in _ZONES
    if not word[0].islower():
        return False  # a capitalised word after a number is a name (17 Agustus, 2019 Kemendagri)
    if _VERBISH.fullmatch(low) and low not in rx.units:
        return False
    return True


def _classifier_np(ctx: _Ctx, end: int) -> int:
    """Extend a classifier (keping, unit) with a counted noun (``keping blanko``,
    ``unit alat perekaman``), else with up to two general nouns."""
    rx, text = ctx.rx, ctx.text
    um = ctx.unit_at(ctx.mlow, end)
    if um is not None:
        row = rx.units.get(_norm(um.group("u")))
        if row is not None and not row.classifier and row.kind == "count":
            u_end: int = um.end("u")
            return u_end
    for _ in range(2):
        m = ctx.noun_at(ctx.mlow, end)
        if m is None:
            break
        w = text[m.start(1) : m.end(1)]
        row = rx.units.get(w.lower())
        if (
            not _noun_like(rx, w)
            or w.lower() in rx.modifiers
            or (row is not None and row.kind != "count")
        ):
            break
        end = m.end(1)
    return end


def _guarded(rx: _Rx, text: str, low: str, s: int, e: int) -> bool:
    """A number word cancelled by its neighbours (salah satu, satu dari, satu per satu)."""
    w = _norm(low[s:e])
    if w not in rx.guards_before and w not in rx.guards_after:
        return False
    prev = _prev_words(low, s, 1)
    if prev and prev[-1].strip("\"'(") in rx.guards_before.get(w, ()):
        return True
    after = _norm(low[e : e + 30])
    phrases = rx.guards_after.get(w, ())
    if not after.startswith(phrases):
        return False  # (no phrase starts it: one call for all of them)
    for phrase in phrases:
        if after.startswith(phrase) and (
            len(after) == len(phrase) or not after[len(phrase)].isalpha()
        ):
            return True
    return False


def _bare_number(
    ctx: _Ctx, prev: list[str], qstart: int, num: _Num, unqualified: bool
) -> Optional[str]:
    """A number without a unit after the words ``prev``: "age" after an age word (``usia
    19``), None when it names something after a capitalised word (``Tol Cipali 2``,
    ``Gedung B 3``, ``Lt. 2``, ``Jalan Merdeka 12``, a truncated date ``Februari 201``),
    else "" (a bare amount)."""
    last = prev[-1].strip("\"'(")
    if last == "ke":
        return None  # "hari ke 48": an ordinal written apart
    if last.lower() in ctx.rx.age_words:
        if num.style == "plain" and 0 < num.value <= 120:
            return "age"
        return ""
    if not (unqualified and last[:1].isupper() and num.style == "plain" and num.value < 1000):
        return ""
    text = ctx.text
    ts = qstart - 1 - len(prev[-1])
    if ts < 0 or text[ts + len(prev[-1]) : qstart] != " " or text[ts : ts + len(prev[-1])] != prev[-1]:
        return ""  # not a single space between them (a table's columns), or not the token
    if _sentence_initial(text, ts):
        return ""  # "Jumlahnya 25": the capital starts the sentence
    return None


def _article(
    rx: _Rx, low: str, s: int, end: int, row: ArticleRow, unit_row: Optional[UnitRow]
) -> bool:
    """True when the number word at ``s`` (its noun ends at ``end``) reads as "a"."""
    if unit_row is not None and (unit_row.family or unit_row.id) in row.counted_families:
        return False  # "satu orang", "satu set alat", "satu hari"
    for w in _prev_words(low, s, 2):
        if w.strip("\"'(") in row.count_cues:
            return False  # "hanya satu calon", "tidak hanya meminta satu nama"
    # another number in the clause around it: a list of counts ("dua perak, dan satu perunggu")
    before, after = low[max(0, s - 20) : s], low[end : end + 25]
    cut = max(before.rfind(". "), before.rfind("\n"))
    before = before[cut + 1 :] if cut != -1 else before
    cut = after.find(". ")
    after = after[:cut] if cut != -1 else after
    for tok in before.split() + after.split():
        tok = tok.strip("\"'(),.;:")
        if tok in rx.number_tokens or any(c.isdigit() for c in tok):
            return False
    return True


def _is_age(rx: _Rx, text: str, qstart: int, end: int) -> bool:
    """``berusia 17 tahun``, ``usia 0-5 tahun``, ``AS, 34 tahun,``."""
    prev = _prev_words(text, qstart, 4)
    if any(p.lower() in rx.ages for p in prev):
        return True
    if text[end : end + 8].lower().startswith(" ke atas"):
        return True  # "60 tahun ke atas"
    # appositive: "Name, 34 tahun,"
    if prev and prev[-1].endswith(",") and prev[-1][:1].isupper() and text[end : end + 1] == ",":
        return True
    if (
        len(prev) >= 2
        and prev[-1] == ","
        and prev[-2][:1].isupper()
        and text[end : end + 2] == " ,"
    ):
        return True  # the same with spaced commas: "Kishmaria , 53 tahun ,"
    return False


def _rule_name(kind: str, words: bool, rng: bool) -> str:
    base = kind if kind in ("money", "percent") else "words" if words else "digits"
    return f"{RULE}:{base}" + ("-range" if rng else "")


#: The rule id of a record by (kind, read from words, a range).
_RULE_NAMES: Final = {
    (k, w, r): _rule_name(k, w, r)
    for k in ("count", "percent", "money", "age", "duration", "other")
    for w in (False, True)
    for r in (False, True)
}


#: The rule ids of records that are no range, by kind: read from words, from digits.
_RULES_WORDS: Final = {k: n for (k, w, r), n in _RULE_NAMES.items() if w and not r}
_RULES_DIGITS: Final = {k: n for (k, w, r), n in _RULE_NAMES.items() if not w and not r}

_RULE_AGE_PAREN: Final = f"{RULE}:age-parenthesis"
_RULE_FUSED: Final = f"{RULE}:fused"
_RULE_VAGUE: Final = f"{RULE}:vague"
_RULE_LIST: Final = f"{RULE}:list-item"


#: Words between a counted noun and its figure: "KPM sebanyak 35.759", "kasus mencapai 276".
_LINK_BEFORE: Final = frozenset(
    "sebanyak mencapai berjumlah sejumlah tercatat capai yakni yaitu adalah ialah".split()
)
#: ", Benua Jaya 55", ", Sukamaju (49)", ", dan Cempaka 3": the next item of a list of places.
_LIST_GAP: Final = regex.compile(r"\)?[ \t]*(?:,[ \t]*(?:dan[ \t]+)?|dan[ \t]+)(?:\p{Lu}[\p{L}'.-]*[ \t]+){1,4}\(?")
_LIST_NEXT: Final = regex.compile(r"\)[ \t]*(?:,[ \t]*(?:dan[ \t]+)?|dan[ \t]+)(?:\p{Lu}[\p{L}'.-]*[ \t]+){1,4}\([0-9]")
_ECHO: Final = regex.compile(r"[ \t]?\(([\p{L} \t-]{2,100})\)")
_BETWEEN_END: Final = regex.compile(r"[ \t]+(?:dan|hingga|sampai|-|\u2013)[ \t]+([0-9]+(?:[.,][0-9]+)*)[ \t]+")
_DASHES: Final = frozenset(("-", "\u2013", "\u2014"))
_ACRONYM: Final = regex.compile(r"\p{Lu}{2,6}")
_INITIALS: Final = regex.compile(r"(?:\p{Lu}\.?){1,4}")


def _head_unit(
    ctx: _Ctx, prev: list[str], qstart: int, qualified: bool
) -> Optional[tuple[str, Optional[str]]]:
    """(unit, family) of a bare figure from the left: the next item of a list whose first
    figure is counted (``276 kasus, Benua Jaya 55, Sukamaju 52``), or a counted noun before a
    linking word or qualifier (``KPM sebanyak 35.759``, ``kasus sekitar 2.138``)."""
    text = ctx.text
    infos = ctx.infos
    if infos:
        last = infos[-1]
        rec = last.record
        if (
            rec.kind == "count"
            and rec.unit is not None
            and 0 < qstart - last.end <= 48
            and _LIST_GAP.fullmatch(text, last.end, qstart)
        ):
            return rec.unit, last.family
    if not prev:
        return None
    i = -1
    if prev[-1].lower() in _LINK_BEFORE:
        i = -2
    elif not qualified:
        return None
    if len(prev) < -i:
        return None
    w = prev[i]
    if w.startswith("(") and w.endswith(")") and _ACRONYM.fullmatch(w[1:-1]):
        return w[1:-1], w[1:-1].lower()  # "Keluarga Penerima Manfaat (KPM) sebanyak 35.759"
    row = ctx.rx.units.get(w.lower())
    if row is not None and row.kind == "count" and not row.classifier and w[:1].islower():
        return w, row.family or row.id  # "kasus sekitar 2.138"
    return None


def _list_head(ctx: _Ctx, ps: int) -> Optional[tuple[Optional[str], Optional[str]]]:
    """For the bracketed figure at ``ps`` (``Kecamatan Sukamaju (49), Cempaka (82)``): None when
    it is not an item of a list of places; else the (unit, family) it counts — the counted
    noun of the sentence before the list (``kasus terbanyak di ...``), else the first counted
    figure of the sentence before (``Sukamaju dengan 250 kasus. Disusul Cempaka (49), ...``)."""
    text, rx, infos = ctx.text, ctx.rx, ctx.infos
    if infos:
        last = infos[-1]
        if (
            last.record.rule == _RULE_LIST
            and 0 < ps + 1 - last.end <= 48
            and _LIST_GAP.fullmatch(text, last.end, ps + 1)
        ):
            return last.record.unit, last.family  # a later item
    # the first item: another bracketed item follows, the names are not initials
    prev = _prev_words(text, ps, 6)
    if not prev or _INITIALS.fullmatch(prev[-1]):
        return None
    if not _LIST_NEXT.match(text, ps + 1 + text[ps + 1 : ps + 8].find(")"), None, False):
        return None
    ss = ps
    while ss > 0 and not (text[ss - 1] in ".!?\n" and (ss == len(text) or text[ss : ss + 1].isspace())):
        ss -= 1
    words = [w.strip("\"'(),.;:").lower() for w in text[ss:ps].split()]
    region = False
    noun: Optional[tuple[str, Optional[str]]] = None
    for w in words:
        row = rx.units.get(w)
        if row is None or row.kind != "count" or row.classifier:
            continue
        if (row.family or row.id) == "wilayah":
            region = True
        else:
            noun = (w, row.family or row.id)
    if noun is not None and noun[1] == "orang" and not region:
        return None  # "tersangka Budi (34), Andi (29)": ages of people
    if noun is None and not region:
        return None
    if noun is None:
        # the leading figure of the sentence before: "Sukamaju dengan 250 kasus. Disusul ..."
        before = [q for q in infos if q.end <= ss and ss - q.end < 400 and q.record.kind == "count"]
        if before:
            ps0 = before[-1].start
            j = ps0
            while j > 0 and text[j - 1] not in ".!?\n":
                j -= 1
            first = next(q for q in before if q.start >= j)
            noun = (first.record.unit or "", first.family)
    return noun if noun is not None else (None, None)


def _paren_age(ctx: _Ctx, s: int, e: int) -> Optional[QuantityInfo]:
    """``Dwi Lestari (19)``: an age in parentheses right after a capitalised name — unless it
    is an item of a list of places (``Kecamatan Sukamaju (49), Cempaka (82)``): a count."""
    doc, text = ctx.doc, ctx.text
    ps, pe = s - 1, e + 1
    if ctx.blocked(ps, pe) or e - s > 6:
        return None
    if text[s:e].isdigit():
        head = _list_head(ctx, ps)
        if head is not None:
            unit, family = head
            rec = make_quantity(
                int(text[s:e]), unit or None, "count" if unit else "other", doc.span(s, e), _RULE_LIST
            )
            return QuantityInfo(rec, s, e, s, e, family, "")
    if e - s > 3:
        return None
    prev = _prev_words(text, ps, 3)
    if (
        not prev
        or not _NAME.fullmatch(prev[-1])
        or text[ps - 1 : ps] != " "
        or _is_label(ctx.rx, prev)
    ):
        return None
    nxt = text[pe : pe + 1]
    if nxt and nxt not in " ,.;:)\n\t":
        return None
    value = int(text[s:e])
    if not 1 <= value <= 120:
        return None
    rec = make_quantity(value, "tahun", "age", doc.span(ps, pe), _RULE_AGE_PAREN)
    return QuantityInfo(rec, ps, pe, s, e, "waktu", "")


def _fused(ctx: _Ctx, s: int, e: int) -> Optional[QuantityInfo]:
    """``sehari``, ``setahun``: one of a unit, written as one word."""
    doc, rx, text = ctx.doc, ctx.rx, ctx.text
    if ctx.blocked(s, e) or (text[s].isupper() and not _sentence_initial(text, s)):
        return None
    row = rx.fused[ctx.low[s:e]]
    if rx.relative_after.match(ctx.low, e, None, False):
        return None  # "sepekan lalu": a relative date
    qual, _, qs, _ = _qualifier(rx, text, _prev_words(text, s), s)
    rec = make_quantity(
        as_number(Decimal(str(row.value))),
        row.unit,
        row.kind,
        doc.span(qs, e),
        _RULE_FUSED,
        qual.approximate if qual else False,
        qual.comparator if qual else None,
    )
    return QuantityInfo(rec, qs, e, s, e, "waktu" if row.kind == "duration" else row.unit, "")


def _vague(ctx: _Ctx, s: int, e: int) -> Optional[QuantityInfo]:
    """``ratusan daerah``, ``puluhan ribu warga``: approximate, value null, with its noun."""
    doc, rx, text, low = ctx.doc, ctx.rx, ctx.text, ctx.low
    if ctx.blocked(s, e):
        return None
    rm = ctx.right_plain(ctx.mlow, e)
    if rm is None or (rm.group("unit") is None and rm.group("gen") is None):
        return None
    family: Optional[str] = None
    if rm.group("unit") is not None:
        row = rx.units.get(_norm(rm.group("unit")))
        family = row.family if row else None
        end = rm.end("mod") if rm.group("mod") is not None else rm.end("unit")
        if row is not None and row.classifier:
            end = _classifier_np(ctx, end)
        if row is not None and row.kind != "count":
            return None  # "ratusan tahun" is not a count of things
    else:
        g = text[rm.start("gen") : rm.end("gen")]
        if not _noun_like(rx, g):
            return None
        end = rm.end("gen")
    unit = text[rm.start("unit") if rm.group("unit") is not None else rm.start("gen") : end]
    rec = make_quantity(None, unit, "count", doc.span(s, end), _RULE_VAGUE, True, "~")
    return QuantityInfo(rec, s, end, s, e, family, "")
