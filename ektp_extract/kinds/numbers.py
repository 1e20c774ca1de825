"""Indonesian numbers as an Indonesian reader reads them (``patterns/numbers.toml``).

Pure functions, reusable by any stage:

>>> parse_number("96.616")
96616
>>> parse_number("1,8")
1.8
>>> parse_number("10,52 juta")
10520000
>>> parse_number("Rp 2,5 miliar")
2500000000
>>> parse_number("dua puluh lima")
25
>>> parse_number("98%")
98

Digits follow the Indonesian convention: ``.`` groups thousands and ``,``
marks decimals (:func:`read_digits` documents the ambiguous cases). Number
words combine by the roles of their rows (:func:`read_words`). The word lists,
scales, currency signs and percent forms are data; :func:`number_tables`
compiles them once per lexicon.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from decimal import Decimal
from typing import Any, Final, Literal, NamedTuple, Optional

import regex

from ..lexicon import Lexicon, register_table
from ..twins import ascii_twin
from .numbers_rows import (WordRole as WordRole, WordRow as WordRow, ScaleRow as ScaleRow,
                           CurrencyRow as CurrencyRow, PercentRow as PercentRow,
                           VagueRow as VagueRow)

Number = int | float
DigitStyle = Literal["plain", "id", "en", "dot-decimal"]


register_table("numbers", "words", WordRow)
register_table("numbers", "scales", ScaleRow)
register_table("numbers", "currencies", CurrencyRow)
register_table("numbers", "percent", PercentRow)
register_table("numbers", "vague", VagueRow)


def as_number(d: Decimal | int) -> Number:
    """``Decimal`` → ``int`` when integral, else ``float`` (JSON-friendly); an ``int`` stays."""
    if type(d) is int:
        return d
    if d == d.to_integral_value():  # type: ignore[union-attr]
        return int(d)
    return float(d)


class DigitReading(NamedTuple):
    """A digit string read as a number, and which convention decided it."""

    value: Decimal
    style: DigitStyle


_ID_THOUSANDS: Final = regex.compile(r"\d{1,3}(?:\.\d{3})+")  # 96.616, 1.250.000
_ID_NUMBER: Final = regex.compile(r"(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?")  # 1.250.000,5 / 1,8
_EN_NUMBER: Final = regex.compile(r"(\d{1,3}(?:,\d{3}){2,}|\d{1,3}(?:,\d{3})+(?=\.))(?:\.(\d+))?")
_THOUSAND_ZEROS: Final = regex.compile(r"\d{1,3},000")
_DOT_DECIMAL: Final = regex.compile(r"(\d+)\.(\d{1,2})")
_DIGIT_PATTERNS: Final = (_ID_THOUSANDS, _THOUSAND_ZEROS, _ID_NUMBER, _DOT_DECIMAL, _EN_NUMBER)
#: Their stdlib twins, for ASCII digit strings (nearly all): a stdlib fullmatch costs a
#: fraction of a ``regex`` one, and ``read_digits`` makes up to five.
_DIGIT_TWINS: Final = tuple(ascii_twin(p) for p in _DIGIT_PATTERNS)


def read_digits(s: str) -> Optional[DigitReading]:
    """Read a digit string with ``.`` / ``,`` separators; None when malformed.

    - ``96.616`` → 96616, ``1.250.000`` → 1250000, ``1,8`` → 1.8,
      ``1.250.000,50`` → 1250000.5 (Indonesian: dot groups, comma decimal);
    - ``2.000`` → 2000 and ``1,250`` → 1.25: a lone group of three digits
      follows the Indonesian convention, even where English would differ;
      but ``2,000`` (three zeros after the comma, a decimal nobody writes)
      → 2000;
    - ``1.5``, ``12.75`` → 1.5, 12.75: a dot followed by one or two digits
      cannot group thousands, so it is read as a decimal point
      (``dot-decimal``; callers decide whether ``hh.mm`` is a clock time);
    - ``1,250,000`` and ``1,250.5`` → English grouping (two or more comma
      groups, or a comma group followed by a decimal dot);
    - ``1.2.3.4``, ``12.34.567`` → None (malformed).
    A trailing money dash (``2.500.000,-``) is ignored.
    """
    if s.endswith((",-", ".-")):
        s = s[:-2]
    if s.isdigit():
        return DigitReading(Decimal(s), "plain")
    return _read_separated(s, _DIGIT_TWINS if s.isascii() else _DIGIT_PATTERNS)


def _read_separated(s: str, patterns: tuple[Any, ...]) -> Optional[DigitReading]:
    """:func:`read_digits` of a string that is not all digits, by ``patterns``: the five
    ``regex`` patterns, or (on ASCII, tests/test_quantities.py compares them) their twins."""
    id_thousands, thousand_zeros, id_number, dot_decimal, en_number = patterns
    if id_thousands.fullmatch(s) is not None:  # fast path for 96.616, 1.250.000
        return DigitReading(Decimal(s.replace(".", "")), "id")
    if thousand_zeros.fullmatch(s):
        return DigitReading(
            Decimal(s.replace(",", "")), "en"
        )  # 2,000: nobody writes 2.000 as 2,000
    m = id_number.fullmatch(s)
    if m is not None:
        whole = m.group(1).replace(".", "")
        dec = m.group(2)
        return DigitReading(Decimal(f"{whole}.{dec}" if dec else whole), "id")
    m = dot_decimal.fullmatch(s)
    if m is not None:
        return DigitReading(Decimal(f"{m.group(1)}.{m.group(2)}"), "dot-decimal")
    m = en_number.fullmatch(s)
    if m is not None:
        whole = m.group(1).replace(",", "")
        dec = m.group(2)
        return DigitReading(Decimal(f"{whole}.{dec}" if dec else whole), "en")
    return None


@dataclass(frozen=True)
class NumberTables:
    """The number rows of a lexicon as lookups and regex sources."""

    words: dict[str, tuple[Decimal, WordRole]]  # casefolded form → (value, role)
    scales: dict[str, Decimal]  # casefolded scale word / abbreviation → value
    money_scales: dict[str, Decimal]  # exact money abbreviation (M, T, K) → value
    currency_prefix: dict[str, str]  # casefolded prefix → unit
    currency_suffix: dict[str, str]  # casefolded suffix → unit
    percent: frozenset[str]  # casefolded forms
    vague: dict[str, int]  # casefolded form → magnitude
    word_re: str  # a run of number words starting with a leading word
    scale_re: str  # scale words and abbreviations (case-insensitive)
    money_scale_re: str  # money abbreviations (case-sensitive)
    currency_prefix_re: str
    currency_suffix_re: str
    percent_re: str
    vague_re: str


def alternation(forms: list[str], *, word: bool = False, left: bool = True) -> str:
    """Regex alternation of literal forms, longest first, escaped, spaces as ``\\s+``.

    With ``word`` each form is bounded by ``\\b`` on the sides that are
    word characters (so ``%`` and ``Rp.`` stay usable); ``left=False`` drops
    the left boundary for suffixes that may be glued to digits (``150rb``).
    """
    uniq = sorted(set(forms), key=lambda f: (-len(f), f))
    parts = []
    for f in uniq:
        p = regex.escape(f).replace(r"\ ", r"\s+")
        if word:
            if left and f[:1].isalnum():
                p = r"\b" + p
            if f[-1:].isalnum():
                p = p + r"\b"
        parts.append(p)
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def trie_alternation(forms: list[str]) -> str:
    """The forms as one regex trie (``kab(?:upaten(?:/kota)?|/kota)``), longest branch first.

    Equivalent to a longest-first :func:`alternation` but cheaper to match for
    hundreds of forms: the engine follows one branch per character instead of
    trying every form. Spaces inside a form match ``[ \\t]+``. Word
    boundaries are the caller's (add ``(?![\\p{L}\\d])`` after the group).
    """
    root: dict[str, Any] = {}
    for f in set(forms):
        node = root
        for ch in f:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = []
        for ch in sorted((k for k in node if k), key=lambda k: k):
            alts.append((r"[ \t]+" if ch == " " else regex.escape(ch)) + emit(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return "(?:" + emit(root) + ")" if root else "(?!)"


class AnchoredPattern:
    """``pattern.finditer`` over only the parts of a text near a literal anchor.

    The ``regex`` engine tries a long alternation at every position of the
    text (about 20 µs per KB); ``str.find`` of a literal is more than ten
    times faster. Every match of ``pattern`` is one of ``forms`` (lowercase;
    a space in a form matches a run of spaces or tabs), and every form
    contains an anchor (a piece of one of its words: a few pieces shared by
    many forms, ``arge`` for ``target``, ``menargetkan``, ``bertarget`` ...),
    so a match lies around an anchor found in the text, no farther before or
    after it than in the longest form that holds it. The pattern runs over
    those windows only (overlapping windows merged) and gives the same matches
    as over the whole text: its look-behinds see before a window, and a window
    ends ``slack`` characters after the longest match, so the look-ahead after
    a match sees the real text (a form's spaces may be a run of up to
    ``slack`` spaces; blanked boilerplate longer than that is not a space
    inside a phrase).

    >>> forms = ["target", "harus mencapai"]
    >>> ap = AnchoredPattern(regex.compile(r"\\b(?:target|harus mencapai)\\b"), forms)
    >>> [m.group(0) for m in ap.finditer("targetnya harus mencapai target")]
    ['harus mencapai', 'target']
    """

    __slots__ = ("pattern", "anchors", "twin")

    def __init__(self, pattern: regex.Pattern[str], forms: list[str], slack: int = 8) -> None:
        self.pattern = pattern
        self.twin = ascii_twin(pattern)  # run instead on ASCII text (the same matches)
        norm = {" ".join(f.split()) for f in forms if f.strip()}
        anchors = []
        for a in _cover(norm):
            before = after = 0
            for f in norm:
                i = f.find(a)
                while i != -1:
                    before, after = max(before, i), max(after, len(f) - i)
                    i = f.find(a, i + 1)
            anchors.append((a, before + slack, after + slack))
        self.anchors: tuple[tuple[str, int, int], ...] = tuple(anchors)

    def finditer(
        self,
        text: str,
        lo: int = 0,
        hi: Optional[int] = None,
        anchors: Optional[tuple[tuple[str, int, int], ...]] = None,
    ) -> list[regex.Match[str]]:
        """The matches of the pattern in ``text[lo:hi]`` (as ``pattern.finditer(text, lo, hi)``).

        ``anchors``: a subset of ``self.anchors`` that still holds an anchor of every form
        that can occur in ``text`` (a caller that knows which cannot: targets' cue scan)."""
        hi = len(text) if hi is None else hi
        windows: list[tuple[int, int]] = []
        find = text.find
        for a, before, after in self.anchors if anchors is None else anchors:
            i = find(a, lo, hi)
            while i != -1:
                windows.append((i - before, i + after))
                i = find(a, i + 1, hi)
        if not windows:
            return []
        windows.sort()
        out: list[regex.Match[str]] = []
        if self.twin is not None and text.isascii():
            scan: Any = self.twin.finditer
        else:
            scan = partial(self.pattern.finditer, overlapped=False, concurrent=False)
        wlo, whi = windows[0]
        for s, e in windows:
            if s <= whi:
                whi = max(whi, e)
                continue
            out.extend(scan(text, max(lo, wlo), min(hi, whi)))
            wlo, whi = s, e
        out.extend(scan(text, max(lo, wlo), min(hi, whi)))
        return out


def _cover(forms: set[str], shortest: int = 4) -> tuple[str, ...]:
    """A few pieces of words such that every form contains one (greedy set cover:
    the piece in most forms first, the longer of equals). A form whose words are
    all shorter than ``shortest`` is covered by its longest word."""
    left = set(forms)
    out: list[str] = []
    while left:
        holders: dict[str, set[str]] = {}
        for f in left:
            words = f.split()
            if all(len(w) < shortest for w in words):
                holders.setdefault(max(words, key=len), set()).add(f)
                continue
            for w in words:
                for n in range(shortest, len(w) + 1):
                    for i in range(len(w) - n + 1):
                        holders.setdefault(w[i : i + n], set()).add(f)
        best = max(sorted(holders), key=lambda k: (len(holders[k]), len(k)))
        out.append(best)
        left = {f for f in left if best not in f}
    return tuple(out)


def _build(lex: Lexicon) -> NumberTables:
    words: dict[str, tuple[Decimal, WordRole]] = {}
    lead: list[str] = []
    allw: list[str] = []
    for r in lex.rows("numbers", "words"):
        for f in r.forms:
            words[f.casefold()] = (Decimal(str(r.value)), r.role)
            allw.append(f)
            if r.role in ("value", "scale_one", "fraction"):
                lead.append(f)
    scales: dict[str, Decimal] = {}
    money_scales: dict[str, Decimal] = {}
    scale_forms: list[str] = []
    money_forms: list[str] = []
    for s in lex.rows("numbers", "scales"):
        for f in [*s.words, *s.abbreviations]:
            scales[f.casefold()] = Decimal(s.value)
            scale_forms.append(f)
        for f in s.money_abbreviations:
            money_scales[f] = Decimal(s.value)
            money_forms.append(f)
    cpre: dict[str, str] = {}
    csuf: dict[str, str] = {}
    for c in lex.rows("numbers", "currencies"):
        for f in c.prefixes:
            cpre[f.casefold()] = c.unit
        for f in c.suffixes:
            csuf[" ".join(f.casefold().split())] = c.unit
    pct = [f for p in lex.rows("numbers", "percent") for f in p.forms]
    vague: dict[str, int] = {}
    for v in lex.rows("numbers", "vague"):
        for f in v.forms:
            vague[f.casefold()] = v.magnitude
    # Abbreviations that are single capitals (M, T) are only safe after digits
    # inside money; the case-insensitive scale_re keeps words and lowercase ones.
    ci_scales = [f for f in scale_forms if not (len(f) == 1 and f.isupper())]
    cs_money = money_forms + [f for f in scale_forms if len(f) == 1 and f.isupper()]
    for f in cs_money:
        if f not in money_scales:
            money_scales[f] = scales[f.casefold()]
    any_word = alternation(allw)
    # A run of number words: a leading word (satu, sepuluh, seribu, setengah)
    # and any number words after it (dua puluh lima, tiga ribu lima ratus).
    word_re = (
        (r"\b" + alternation(lead) + r"\b(?:(?:[ \t]+|-)" + any_word + r"\b)*") if lead else "(?!)"
    )
    return NumberTables(
        words=words,
        scales=scales,
        money_scales=money_scales,
        currency_prefix=cpre,
        currency_suffix=csuf,
        percent=frozenset(" ".join(f.casefold().split()) for f in pct),
        vague=vague,
        word_re=word_re,
        scale_re=alternation(ci_scales, word=True, left=False),
        money_scale_re=alternation(cs_money, word=True, left=False),
        currency_prefix_re=alternation(list(_prefix_forms(lex))),
        currency_suffix_re=alternation(
            [f for c in lex.rows("numbers", "currencies") for f in c.suffixes], word=True
        ),
        percent_re=alternation(pct, word=True, left=False),
        vague_re=alternation([f for v in lex.rows("numbers", "vague") for f in v.forms], word=True),
    )


def _prefix_forms(lex: Lexicon) -> list[str]:
    return [f for c in lex.rows("numbers", "currencies") for f in c.prefixes]


def number_tables(lex: Lexicon) -> NumberTables:
    """The compiled number tables of ``lex`` (built once per lexicon)."""
    t: NumberTables = lex.compiled("numbers:tables", _build)
    return t


_SPLIT: Final = regex.compile(r"[\s-]+")
_ZERO: Final = Decimal(0)


def read_words(text: str, tables: NumberTables) -> Optional[Decimal]:
    """Value of a run of number words; None when the words do not form a number.

    ``dua puluh lima`` → 25, ``tiga belas`` → 13, ``dua ratus lima puluh`` → 250,
    ``seribu lima ratus`` → 1500, ``satu setengah`` → 1.5,
    ``seperempat juta`` → 250000, ``puluh`` alone → None.
    """
    w = text.casefold().strip()
    if w.isalpha():  # one word (most runs): what the loop makes of it, without the split
        entry = tables.words.get(w)
        if entry is None:
            return None
        v, role = entry
        if role in ("value", "fraction"):
            return _ZERO + (_ZERO + v)
        if role == "scale_one":
            return (_ZERO + v) + _ZERO
        return None  # a teen, multiplier or scale word alone
    return _read_words_loop(text, tables)


def _read_words_loop(text: str, tables: NumberTables) -> Optional[Decimal]:
    """``read_words`` by its definition: the words split and read one by one (any count)."""
    total = Decimal(0)
    group = Decimal(0)
    last: Optional[Decimal] = None  # the digit word a teen / multiplier applies to
    seen = False
    for w in _SPLIT.split(text.casefold().strip()):
        if not w:
            continue
        entry = tables.words.get(w)
        if entry is None:
            return None
        v, role = entry
        if role == "value":
            if last is not None and last < 10 and v < 10:
                return None  # "dua tiga" is two numbers, not one
            group += v
            last = v
        elif role in ("teen", "multiplier"):
            if last is None or last >= 10:
                return None
            group += last * (v - 1) if role == "multiplier" else v
            last = None
        elif role == "scale":
            if group == 0:
                return None
            total += group * v
            group = Decimal(0)
            last = None
        elif role == "scale_one":
            total += v
            last = None
        else:  # fraction
            group += v
            last = None
        seen = True
    if not seen:
        return None
    return total + group


@dataclass(frozen=True)
class _Whole:
    rx: regex.Pattern[str]


def _whole(lex: Lexicon) -> _Whole:
    t = number_tables(lex)
    rx = regex.compile(
        r"^\s*(?:(?P<cur>" + t.currency_prefix_re + r")\s*)?"
        r"(?:(?P<d>\d+(?:[.,]\d+)*(?:,-|\.-)?)|(?P<w>" + t.word_re + r"))"
        r"(?:\s*(?P<sc>" + t.scale_re + r")|\s?(?P<msc>" + t.money_scale_re + r"))?"
        r"\s*(?:(?P<pct>" + t.percent_re + r")|(?P<suf>" + t.currency_suffix_re + r"))?\s*$",
        regex.I,
    )
    return _Whole(rx)


_DEFAULT_LEXICON: Optional[Lexicon] = None


def _default_lexicon() -> Lexicon:
    global _DEFAULT_LEXICON
    if _DEFAULT_LEXICON is None:
        from ..lexicon import builtin_dir, load_file

        lex = Lexicon()
        load_file(builtin_dir() / "numbers.toml", lex)
        _DEFAULT_LEXICON = lex
    return _DEFAULT_LEXICON


def parse_number(text: str, lexicon: Optional[Lexicon] = None) -> Optional[Number]:
    """The value of one number expression, or None when ``text`` is not one.

    Reads ``[currency] number [scale] [percent | currency word]``:
    ``"96.616"`` → 96616, ``"1,8"`` → 1.8, ``"10,52 juta"`` → 10520000,
    ``"Rp 2,5 miliar"`` → 2500000000, ``"Rp2.500.000,-"`` → 2500000,
    ``"sepuluh"`` → 10, ``"98 persen"`` → 98, ``"1.2.3.4"`` → None.
    Uses the built-in patterns unless a ``lexicon`` is given.
    """
    lex = lexicon or _default_lexicon()
    t = number_tables(lex)
    m = lex.compiled("numbers:whole", _whole).rx.match(text)
    if m is None:
        return None
    if m.group("d"):
        r = read_digits(m.group("d"))
        if r is None:
            return None
        value = r.value
    else:
        w = read_words(m.group("w"), t)
        if w is None:
            return None
        value = w
    if m.group("sc"):
        value *= t.scales[m.group("sc").casefold()]
    elif m.group("msc"):
        if not (m.group("cur") or m.group("suf")) or m.group("msc") not in t.money_scales:
            return None
        value *= t.money_scales[m.group("msc")]
    return as_number(value)
