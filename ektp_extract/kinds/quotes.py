"""Quotes (SPEC §3): direct and indirect speech with its speaker.

Direct quotes are the text between quote marks (curly quotes are ``"`` in the
working text; ``'...'`` is read when a speech verb attributes it). A quote
paragraph left open continues in the next paragraph that opens with a quote
mark. The speaker comes from the attribution next to the quote, in the forms
of ``patterns/speech.toml``::

    "...," ujar Devananda          after-quote verb and a name / position + name
    "...," katanya / kata dia      the person named most recently as a subject
    "...," kata politikus itu      a description ending in itu/tersebut: the same
    X mengatakan, "..."            a subject and a meN- verb before the quote
    "..." (a whole paragraph)      the speaker of the context

Indirect speech (``direct`` false): ``X mengatakan (bahwa) <clause>``,
``Menurut X, <clause>``, ``Ia menjelaskan, <clause>`` (the text is the reported
clause) and ``<clause>, kata X, <clause>`` (the text is the sentence).

``speaker_id`` links to the official (``doc.scratch["official_refs"]`` from
the officials stage); a resident with no role keeps ``speaker`` as written and
``speaker_id`` null.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import partial
from operator import attrgetter, itemgetter
from typing import Any, Callable, Final, NamedTuple, Optional, Sequence

import regex

from ..document import Document
from ..lexicon import Lexicon, register_table
from ..fill import filled
from ..models import OPT_STR, Quote, Span
from ..twins import twin
from .officials import (
    _ASCII_WORD_CHARS,
    Intervals,
    LowerWords,
    NameParse,
    OffLex,
    _norm_name,
    lower_words,
    match_head,
    name_contains,
    offlex,
    parse_name,
    trie_pattern,
)
from .quotes_rows import VerbRow as VerbRow, CueRow as CueRow, SpeechWords as SpeechWords

try:  # imported once here, not per document
    from . import regions as _regions
except Exception:  # noqa: BLE001 — regions are optional data
    _regions = None  # type: ignore[assignment]


register_table("speech", "verbs", VerbRow)
register_table("speech", "cues", CueRow)
register_table("speech", "wordlists", SpeechWords)


def _alt(forms: list[str]) -> str:
    return "(?:" + trie_pattern(sorted(set(f for f in forms if f))) + ")"


@dataclass
class QLex:
    after_verb: Any  # at a position: spaces, then an after-quote or -nya verb
    active: Any  # meN- verbs anywhere
    before_quote: Any  # a verb (and colon/comma) right before an opening quote mark
    cue: Any  # menurut / menurutnya
    interposed: Any  # ", kata X," / ", katanya,"
    interposed_bare: Any  # "<word> lanjut X," (no comma before the verb)
    kinds: dict[str, str]  # casefolded form → after / enclitic / active / cue / cue_enclitic
    pronouns: set[str]
    gap: set[str]
    tails: set[str]
    np_openers: set[str]  # words opening a noun-phrase object (hal, data, kekhawatiran)
    say_verbs: set[str]  # verbs that take a clause, never a noun phrase (mengatakan)
    roles: set[str]  # role words of an appositive after a speaker's name (jubir, warga)
    # the forms of active verbs in lower case when every form is ASCII letters (None
    # otherwise): on an ASCII text only where they occur is matched
    active_words: Optional[frozenset[str]] = None
    active_exact: frozenset[str] = frozenset()  # the active verbs' forms as written (their pattern keeps case)
    cue_words: Optional[frozenset[str]] = None  # the same for the cue's forms
    said_words: Optional[frozenset[str]] = None  # ... and for the after-quote verbs and their -nya forms
    after_exact: frozenset[str] = frozenset()  # the after-quote verbs as written (the bare pattern keeps case)
    # a comma, spaces and the start of a role word, in the lower-case text (None when a role
    # word is not all ASCII letters)
    role_comma: Optional[re.Pattern[str]] = None


def _words(lex: Lexicon, row_id: str) -> set[str]:
    for r in lex.rows("speech", "wordlists"):
        if r.id == row_id:
            return {w.casefold() for w in r.words}
    return set()


def _build(lex: Lexicon) -> QLex:
    verbs: list[VerbRow] = lex.rows("speech", "verbs")
    cues: list[CueRow] = lex.rows("speech", "cues")
    kinds: dict[str, str] = {}
    for v in verbs:
        for f in v.active:
            kinds[f.casefold()] = "active"
        for f in v.after:
            kinds[f.casefold()] = "after"
        for f in v.enclitic:
            kinds[f.casefold()] = "enclitic"
    for c in cues:
        for f in c.forms:
            kinds[f.casefold()] = "cue"
        for f in c.enclitic:
            kinds[f.casefold()] = "cue_enclitic"
    after = [f for v in verbs for f in v.after]
    encl = [f for v in verbs for f in v.enclitic]
    active = [f for v in verbs for f in v.active]
    cue_forms = [f for c in cues for f in [*c.forms, *c.enclitic]]
    nb = r"(?![\p{L}\d-])"
    roles = _words(lex, "speaker_roles")
    interposed = twin(rf",[ ]*(?P<v>{_alt(after + encl)}){nb}", regex.I)
    return QLex(
        after_verb=twin(rf"[ ]*(?P<v>{_alt(after + encl)}){nb}", regex.I),
        active=twin(rf"\b(?P<v>{_alt(active)})\b(?!-)"),
        before_quote=twin(rf"(?r)(?<![\p{{L}}\d-])(?P<v>{_alt(active + after)})[ ]*[,:]?[ ]*\Z", regex.I),
        cue=twin(rf"\b(?P<v>{_alt(cue_forms)})\b(?!-)", regex.I),
        interposed=interposed,
        interposed_bare=twin(rf"(?<=\p{{Ll}})[ ]+(?P<v>{_alt(after)}){nb}"),
        kinds=kinds,
        pronouns=_words(lex, "pronouns") or {"dia", "ia", "beliau"},
        gap=_words(lex, "subject_gap"),
        tails=_words(lex, "anaphora_tails") or {"itu", "tersebut", "ini"},
        np_openers=_words(lex, "np_object_openers"),
        say_verbs=_words(lex, "clause_verbs"),
        roles=roles,
        active_words=_letter_forms(active),
        active_exact=frozenset(active),
        cue_words=_letter_forms(cue_forms),
        said_words=_letter_forms(after + encl),
        after_exact=frozenset(after),
        role_comma=_role_comma(roles),
    )


def _role_comma(roles: set[str]) -> Optional[re.Pattern[str]]:
    """A comma, whitespace (what ``str.split`` skips) and the start of one of ``roles``
    (lower-case ASCII letters), for the lower-case text; None when a role is not such a word."""
    if not roles or _letter_forms(sorted(roles)) is None:
        return None
    return re.compile(r",[\s\x1c-\x1f]*" + _alt([w.lower() for w in roles]), re.ASCII)


def _letter_forms(forms: list[str]) -> Optional[frozenset[str]]:
    """The forms in lower case, or None when one is not all ASCII letters."""
    if not all(f.isascii() and f.isalpha() for f in forms):
        return None
    return frozenset(f.lower() for f in forms)


def _word_matches(
    rx: Any, text: str, start: int, lw: Optional[LowerWords], forms: Optional[frozenset[str]],
    exact: Optional[frozenset[str]] = None,
) -> list[tuple[int, int, str]]:
    """(start, end, group ``v``) of each match of ``rx.finditer(text, start)``, for a pattern
    that matches one of ``forms`` as a whole word (``\\b``, the form, ``\\b``, no ``-`` after).
    On an ASCII text the letter runs equal to a form are read without the pattern: a match
    is one whole letter run (so matches never overlap) with no word character before it and
    none or ``-`` after it; ``exact``: the forms as written, for a case-sensitive pattern
    (None: ``rx`` ignores case)."""
    if lw is None or forms is None:
        return [(m.start(), m.end(), m.group("v")) for m in rx.finditer(text, start)]
    low = lw.low
    find, n_text = low.find, len(low)
    hits: dict[int, tuple[int, int, str]] = {}
    for w in forms.intersection(lw.words):  # (a match is a whole letter run: one of the text's)
        n = len(w)
        i = find(w, start)
        while i >= 0:
            j = i + n
            if (i == 0 or low[i - 1] not in _ASCII_WORD_CHARS) and (j == n_text or low[j] not in _WORD_OR_DASH):
                v = text[i:j]
                if exact is None or v in exact:
                    hits[i] = (i, j, v)
            i = find(w, j)  # (a later start inside this occurrence has a letter before it)
    return sorted(hits.values())  # (by start: no two hits share one)


_WORD_OR_DASH: Final = _ASCII_WORD_CHARS | {"-"}


def _interposed_matches(
    q: QLex, text: str, start: int, lw: Optional[LowerWords]
) -> tuple[list[tuple[int, int, int, str]], list[tuple[int, int, int, str]]]:
    """(start, start of ``v``, end, group ``v``) of each match of ``q.interposed.finditer(text,
    start)`` and of ``q.interposed_bare.finditer(text, start)`` (a match ends with its verb).
    On an ASCII text they are read without the patterns where an after-quote verb (with -nya
    or not) is a whole letter run with no letter, digit or ``-`` after it: after a comma
    and spaces (``, kata X``) or, for the bare form, after a lower-case letter and spaces
    (``lanjut X``, its verb as written: that pattern keeps case). A match holds one verb,
    so none overlap."""
    if lw is None or q.said_words is None:
        return (
            [(m.start(), m.start("v"), m.end(), m.group("v")) for m in q.interposed.finditer(text, start)],
            [(m.start(), m.start("v"), m.end(), m.group("v")) for m in q.interposed_bare.finditer(text, start)],
        )
    low = lw.low
    find, n_text = low.find, len(low)
    hits: dict[int, int] = {}  # start → end of a verb standing as a whole word
    for w in q.said_words.intersection(lw.words):
        n = len(w)
        i = find(w, start)
        while i >= 0:
            j = i + n
            if (i == 0 or low[i - 1] not in _ASCII_WORD_CHARS) and (j == n_text or low[j] not in _ALNUM_OR_DASH):
                hits[i] = j
            i = find(w, j)
    inter: list[tuple[int, int, int, str]] = []
    bare: list[tuple[int, int, int, str]] = []
    after_exact = q.after_exact
    for i in sorted(hits):
        p = i
        while p > 0 and text[p - 1] == " ":
            p -= 1
        if p > start and text[p - 1] == ",":
            j = hits[i]
            inter.append((p - 1, i, j, text[i:j]))
        elif start <= p < i and p > 0 and text[p - 1] in _ASCII_LOWER:
            j = hits[i]
            v = text[i:j]
            if v in after_exact:
                bare.append((p, i, j, v))
    return inter, bare


_ALNUM_OR_DASH: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-")
_ASCII_LOWER: Final = frozenset("abcdefghijklmnopqrstuvwxyz")


def _single_quoted(text: str, start: int) -> list[Any]:
    """``list(_SINGLE.finditer(text, start))``: a match opens with ``'``, so only the
    apostrophes are tried (``str.find``) instead of every position of the text."""
    out: list[Any] = []
    find, match = text.find, _SINGLE.match
    i = find("'", start)
    while i >= 0:
        m = match(text, i)
        if m is not None:
            out.append(m)
            i = find("'", m.end())
        else:
            i = find("'", i + 1)
    return out


def qlex(lex: Lexicon) -> QLex:
    r: QLex = lex.compiled("quotes", _build)
    return r


# ---------------------------------------------------------------- speakers


class Who(NamedTuple):
    """A speaker reference before resolution."""

    kind: str  # official / name / pronoun
    pos: int
    end: int
    official: Optional[int] = None
    name: Optional[str] = None


class Event(NamedTuple):
    """A quote and where its speaker is read; :func:`_resolve` names the speakers."""

    anchor: int  # where the speaker is read (for the order of resolution)
    who: Optional[Who]
    text_start: int
    text_end: int
    direct: bool
    verb: Optional[str]
    rule: str
    pieces: Sequence[tuple[int, int]] = ()  # a direct quote's passages


# Who and Event made from a tuple of every field, in C (the NamedTuple constructor is a
# Python function; these records are built for every speaker read)
_who: Callable[[tuple[str, int, int, Optional[int], Optional[str]]], Who] = partial(
    tuple.__new__, Who
)  # _who((kind, pos, end, official, name))
_event: Callable[
    [tuple[int, Optional[Who], int, int, bool, Optional[str], str, Sequence[tuple[int, int]]]], Event
] = partial(tuple.__new__, Event)  # _event((anchor, who, ..., pieces))

_SP: Final = twin(r"[ ]*")


def _skip_sp(text: str, pos: int) -> int:
    """``_SP.match(text, pos).end()`` without a regex call: past spaces."""
    n = len(text)
    while pos < n and text[pos] == " ":
        pos += 1
    return min(pos, n)  # (a regex clamps a start past the end)


_LETTERS: Final = twin(r"[\p{L}]+")
_LETTERS_END: Final = twin(r"(?r)([\p{L}]+)\Z")
_COMMA: Final = twin(r"[ ]*,[ ]*")
_COMMA_ANY: Final = twin(r",[ ]*")
# the comma closing "Menurut X": after the name, or after an apposition ending in itu/tersebut
_COMMA_AFTER_WHO: Final = twin(r"[ ]*(?:(?:itu|tersebut)[ ]*)?,[ ]*")
_STOP: Final = twin(r"[.!?]")
_CLAUSE_OPEN: Final = twin(r"[ ]*[,:]?[ ]*(?:bahwa[ ]+)?")
_WORD_BACK: Final = twin(r"(?r)([\p{L}][\p{L}'’-]*)[ ]*,?[ ]*\Z")


def _letters_end(text: str, lo: int, hi: int) -> Optional[tuple[int, str]]:
    """(start, word) of ``_LETTERS_END.search(text, lo, hi)``: the letters ending at ``hi``;
    on ASCII text read backwards in Python (a reverse regex search costs more)."""
    if not text.isascii():
        m = _LETTERS_END.search(text, lo, hi)
        return (m.start(1), m.group(1)) if m is not None else None
    k = lo + len(text[lo:hi].rstrip(_ASCII_ALPHA))  # (the letters stripped in C)
    return (k, text[k:hi]) if k < hi else None


def _cut(text: str, run: Optional[tuple[int, str]], lo: int, hi: int) -> Optional[tuple[int, str]]:
    """``_letters_end(text, lo, hi)`` from ``run``, the letters ending at ``hi`` read from a
    position at or before ``lo``: the same run, cut at ``lo``."""
    if run is None or run[0] >= lo:
        return run
    return (lo, text[lo:hi]) if lo < hi else None


def _word_back(text: str, lo: int, hi: int) -> Optional[tuple[int, str]]:
    """(start, word) of ``_WORD_BACK.search(text, lo, hi)``; read backwards in Python on
    ASCII text when no space or comma ends the range (as :meth:`_Ctx.who_before` asks)."""
    if not text.isascii() or (hi > lo and text[hi - 1] in " ,"):
        m = _WORD_BACK.search(text, lo, hi)
        return (m.start(1), m.group(1)) if m is not None else None
    r = lo + len(text[lo:hi].rstrip(_ASCII_WORD))
    w = text[r:hi].lstrip("'-")  # the word opens with its first letter
    return (hi - len(w), w) if w else None


_ASCII_ALPHA: Final = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"  # str.isalpha on ASCII
_ASCII_WORD: Final = _ASCII_ALPHA + "'-"
_AGE: Final = twin(r"[ ]*\([ ]*\d{1,3}[ ]*(?:tahun|th\.?)?[ ]*\)")
_DESC: Final = twin(
    r"[ ]*[\p{Ll}][\p{L}\d'’/-]*(?:[ ]+[\p{L}\d][\p{L}\d'’/-]*){0,6}?[ ]+(?P<t>itu|tersebut|ini)(?![\p{L}])"
)
_AGE_MARK: Final = twin(r"\([ ]*\d{1,3}[ ]*(?:tahun|th\.?)?[ ]*\)")
_RESIDENT_BACK: Final = twin(
    r"(?r)(?<![\p{L}\d'’.-])(?P<n>\p{Lu}[\p{Ll}'’]+(?:[ ]+\p{Lu}[\p{Ll}'’]+){0,4})[ ]*\([ ]*\d{1,3}[ ]*(?:tahun|th\.?)?[ ]*\)\Z"
)
_RESIDENT: Final = twin(
    r"(?<![\p{L}\d'’.-])(?P<n>\p{Lu}[\p{Ll}'’]+(?:[ ]+\p{Lu}[\p{Ll}'’]+){0,4})[ ]*\([ ]*\d{1,3}[ ]*(?:tahun|th\.?)?[ ]*\)"
)


_FIRST, _SECOND, _END_START = itemgetter(0), itemgetter(1), itemgetter(1, 0)  # (lists made in C)


class _Ctx:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.q = qlex(doc.lexicon)
        self.lx: OffLex = offlex(doc.lexicon)
        try:
            self.regions: Any = _regions.region_index(doc.lexicon)
        except Exception:  # noqa: BLE001
            self.regions = None
        self.refs: list[tuple[int, int, int, str]] = list(doc.scratch.get("official_refs", ()))
        self.ref_starts = list(map(_FIRST, self.refs))
        self.offs = doc.officials
        self.sents = doc.sentences
        self.sent_starts = list(map(_FIRST, self.sents))
        self.name_index: Optional[dict[str, list[int]]] = None  # name token → officials
        self.off_tokens: dict[int, list[str]] = {}
        self.quote_ranges = Intervals()
        self.memo: dict[tuple[int, int, bool], Optional[NameParse]] = {}
        self.report_clauses = Intervals()  # "Menurut X, <clause>" ranges
        self.paras = doc.paragraphs
        # Twin.match of the patterns matched most, chosen once for the text (the stdlib twin
        # on ASCII text): one Python call less per match
        ascii_text = self.text.isascii()
        self.letters_match = _LETTERS.a.match if ascii_text and _LETTERS.a is not None else _LETTERS.match
        av = self.q.after_verb
        self.after_verb_match = av.a.match if ascii_text and av.a is not None else av.match
        self.para_starts = list(map(_FIRST, self.paras))

        # built on first use (ref_ending, _starts_of): many documents never ask
        self.refs_by_end: Optional[list[tuple[int, int, int, str]]] = None
        self.ref_ends: list[int] = []
        self.ref_starts_of: Optional[dict[int, list[int]]] = None

    def _starts_of(self, off: int) -> list[int]:
        """The starts of the mentions of official ``off``, in order."""
        if self.ref_starts_of is None:
            self.ref_starts_of = {}
            for r in self.refs:  # refs are sorted: each list is sorted too
                self.ref_starts_of.setdefault(r[2], []).append(r[0])
        return self.ref_starts_of.get(off, [])

    # -- text helpers
    def sentence(self, pos: int) -> tuple[int, int]:
        """The sentence holding ``pos`` (or ending right before it), else its paragraph."""
        i = bisect.bisect_right(self.sent_starts, pos) - 1
        if i >= 0:
            sent = self.sents[i]
            if pos <= sent[1]:  # (sent[0] <= pos: bisect)
                return sent
        p = self.paragraph(pos)
        return p if p is not None else (pos, pos)

    def in_quote(self, pos: int) -> bool:
        return self.quote_ranges.covers(pos)

    def paragraph(self, pos: int) -> Optional[tuple[int, int]]:
        i = bisect.bisect_right(self.para_starts, pos) - 1
        if i >= 0 and self.paras[i][0] <= pos < self.paras[i][1]:
            return self.paras[i]
        return None

    def ref_at(self, pos: int) -> Optional[tuple[int, int, int, str]]:
        """An official mention starting at ``pos``."""
        i = bisect.bisect_left(self.ref_starts, pos)
        best = None
        while i < len(self.refs) and self.refs[i][0] <= pos + 1:
            r = self.refs[i]
            if best is None or r[1] > best[1]:
                best = r
            i += 1
        return best

    def ref_ending(self, pos: int) -> Optional[tuple[int, int, int, str]]:
        """An official mention ending at ``pos`` (the longest one)."""
        best = None
        if self.refs_by_end is None:
            self.refs_by_end = sorted(self.refs, key=_END_START)
            self.ref_ends = list(map(_SECOND, self.refs_by_end))
        i = bisect.bisect_left(self.ref_ends, pos - 1)
        while i < len(self.refs_by_end) and self.refs_by_end[i][1] <= pos:
            r = self.refs_by_end[i]
            if best is None or r[0] < best[0]:
                best = r
            i += 1
        return best

    def official_by_name(self, name: str, pos: int) -> Optional[int]:
        """The official whose name contains ``name`` (the latest mentioned before ``pos``)."""
        toks = _norm_name(name)  # (the case-folded words, split at spaces and dots)
        if not toks:
            return None
        if self.name_index is None:
            self.name_index = {}
            self.off_tokens = {}
            for i, o in enumerate(self.offs):
                if o.name:
                    on = _norm_name(o.name)
                    self.off_tokens[i] = on
                    for t in set(on):
                        self.name_index.setdefault(t, []).append(i)
        hits = []
        for i in self.name_index.get(toks[0], ()):
            o = self.offs[i]
            if name_contains(self.off_tokens[i], toks):
                starts = self._starts_of(i)
                k = bisect.bisect_left(starts, pos)
                last = starts[k - 1] if k > 0 else -1
                hits.append((last, -i, i))
        if not hits:
            return None
        return max(hits)[2]

    # -- speaker after a verb: ujar Devananda / kata dia / kata Kepala X Nama
    def who_after(self, pos: int, limit: int) -> Optional[Who]:
        text = self.text
        p = _skip_sp(text, pos)
        if p >= limit:
            return None
        wm = self.letters_match(text, p, p + 12)
        if wm and wm.group(0).casefold() in self.q.pronouns:
            return _who(("pronoun", p, wm.end(), None, None))
        ref = self.ref_at(p)
        if ref is not None and ref[0] >= p - 1:
            return _who(("official", p, ref[1], ref[2], None))
        nm = parse_name(self.lx, text, p, limit, self.regions, memo=self.memo)
        if nm is not None and nm.start == p:
            off = self.official_by_name(nm.name, p)
            if off is not None:
                return _who(("official", p, nm.end, off, None))
            return _who(("name", p, nm.end, None, nm.name))
        dm = _DESC.match(text, p, min(limit, p + 90))
        if dm is not None and _boundary(text, dm.end()):
            return _who(("pronoun", p, dm.end(), None, None))
        if text[p:p + 1].isupper():
            return self.official_by_head(p, limit)
        return None

    def _subject_at(self, ss: int, end: int) -> Optional[Who]:
        """The subject opening the sentence at ``ss`` and ending before ``end`` (a pronoun,
        an official's mention or a name), or None."""
        text = self.text
        p = _SP.match(text, ss).end()  # type: ignore[union-attr]  # (_SP matches the empty string)
        wm = _LETTERS.match(text, p, min(end, p + 12))
        if wm is not None and wm.group(0).casefold() in self.q.pronouns:
            return _who(("pronoun", p, wm.end(), None, None))
        ref = self.ref_at(p)
        if ref is not None and ref[1] <= end:
            return _who(("official", ref[0], ref[1], ref[2], None))
        nm = parse_name(self.lx, text, p, end, self.regions, memo=self.memo)
        if nm is not None and nm.start == p:
            off = self.official_by_name(nm.name, p)
            if off is not None:
                return _who(("official", p, nm.end, off, None))
            return _who(("name", p, nm.end, None, nm.name))
        return None

    def official_by_head(self, pos: int, limit: int) -> Optional[Who]:
        """A bare head (``jawab Kapolres.``) naming an official read before: the one whose
        position opens with it, mentioned last before ``pos``."""
        text = self.text
        hm = match_head(self.lx, text, pos)
        if hm is None or hm.start != pos or not _boundary(text, hm.end):
            return None
        head = text[hm.start:hm.end].casefold()
        best: Optional[tuple[int, int]] = None
        for i, o in enumerate(self.offs):
            if o.position and o.position.casefold().startswith(head) and (
                len(o.position) == len(head) or not o.position[len(head)].isalnum()
            ):
                starts = self._starts_of(i)
                k = bisect.bisect_left(starts, pos)
                last = starts[k - 1] if k > 0 else -1
                if last >= 0 and (best is None or last > best[0]):
                    best = (last, i)
        if best is None:
            return None
        return _who(("official", pos, hm.end, best[1], None))

    # -- subject before a meN- verb: X mengatakan / Ia menjelaskan / Nama (45), warga Y, mengaku
    def who_before(self, verb_start: int, ss: int = -1) -> Optional[Who]:
        """The subject speaking a verb at ``verb_start`` (``ss``: the start of its sentence,
        when the caller has it)."""
        text, q = self.text, self.q
        if ss < 0:
            ss = self.sentence(verb_start)[0]
        j = verb_start
        run: Optional[tuple[int, str]] = None  # the letters ending at j within 30, when read already
        ascii_text = text.isascii()
        for _ in range(10):
            k = ss + len(text[ss:j].rstrip(" ,"))  # (back over spaces and commas, in C)
            m = _word_back(text, max(ss, k - 30), k)
            if m is None:
                j = k
                break
            w = m[1]
            if w[0].islower() and w.casefold() in q.gap:
                j = m[0]
                continue
            j = k
            if w.isalpha() and ascii_text:
                run = m  # (a word of letters only, read in the same window: those letters)
            break
        # j: end of the subject; a lowercase word there is neither a name nor a title
        # unless it ends an appositive ("Budi (45), warga setempat, mengaku")
        if j > ss and text[j - 1].islower():
            wm0 = run if run is not None else _letters_end(text, max(ss, j - 30), j)
            if wm0 is not None and wm0[1][0].islower() and wm0[1].casefold() not in q.pronouns:
                if "," not in text[j:verb_start]:
                    return None
            wm = _cut(text, wm0, max(ss, j - 12), j)  # (the same letters, within 12 characters)
        elif run is not None:
            wm = _cut(text, run, max(ss, j - 12), j)
        else:
            wm = _letters_end(text, max(ss, j - 12), j)
        if wm and wm[1].casefold() in q.pronouns:
            st = j - len(wm[1])
            # Ia menambahkan / Dalam sambutannya ia menyampaikan
            if _subject_start(text, ss, st) or len(text[ss:st].split(None, 5)) <= 4:
                return _who(("pronoun", st, j, None, None))
            return None
        ref = self.ref_ending(j)
        if (
            ref is not None
            and (acc := _accompanied(text, ss, ref[0])) is not None
            and acc.start() - ss <= 160
            and _STOP_CAP.search(text, ss, ref[0]) is None  # one sentence (tokenised text: " . ")
        ):
            # "Ia (yang) didampingi Sekretaris X Nama mengatakan": the subject before
            # "didampingi" speaks, not the person accompanying
            who = self._subject_at(ss, acc.start())
            if who is not None:
                return who
        if ref is not None:
            if not _subject_start(text, ss, ref[0]):
                # "Wabup X yang hadir mewakili Bupati Y mengatakan": the sentence's subject speaks
                first = None
                for r in self.refs[bisect.bisect_left(self.ref_starts, ss):]:  # refs are sorted by start
                    if r[0] >= ref[0]:
                        break
                    if _subject_start(text, ss, r[0]):
                        first = r
                        break
                if first is not None:
                    return _who(("official", first[0], first[1], first[2], None))
            return _who(("official", ref[0], ref[1], ref[2], None))
        # a name, optionally with its age and an appositive: Dwi Lestari (19), warga Wates,
        x = j
        am = _APPOS_END.search(text, max(ss, j - 90), j)
        ends = [j] if am is None or am.start() == j else [am.start(), j]
        for x in ends:
            rm = _CAP_RUN_END.search(text, max(ss, x - 90), x)
            if rm is None:
                continue
            for capm in _CAP_START.finditer(text, rm.start(), x):
                ns = capm.start()
                if not _subject_start(text, ss, ns):
                    continue  # (tested before the name is read: it needs only the start)
                nm = parse_name(self.lx, text, ns, x, self.regions, memo=self.memo)
                if nm is None or nm.start != ns or nm.name_end > x:
                    continue
                if not _APPOS.fullmatch(text[nm.end:j]):
                    continue
                off = self.official_by_name(nm.name, ns)
                if off is not None:
                    return _who(("official", ns, nm.end, off, None))
                return _who(("name", ns, nm.end, None, nm.name))
        return None


_CAP_START: Final = twin(r"(?<![\p{L}\d'’.-])\p{Lu}")
# a run of capitalised words (with initials, degrees and titles) ending where the subject ends
_CAP_RUN_END: Final = twin(r"(?r)(?:\p{Lu}[\p{L}'’.-]*[ ]*,?[ ]+)*\p{Lu}[\p{L}'’.-]*\.?\Z")
# an age and/or an appositive at the end of a subject: "(19), warga Wates,"
_APPOS_END: Final = twin(
    r"(?r)[ ]*(?:\([ ]*\d{1,3}[^)]{0,10}\))?(?:[ ]*,[ ]*[\p{Ll}][^,.\n\"]{1,70}"
    r"|[ ]+(?:dari|asal)[ ]+\p{Lu}[\p{L}-]*(?:[ ]+\p{Lu}[\p{L}-]*){0,3})?[ ]*,?[ ]*\Z"
)
# what may stand between a name and its verb: age, an appositive between commas
_APPOS: Final = twin(
    r"(?:[ ]*\([ ]*\d{1,3}[^)]{0,10}\))?(?:[ ]*,[ ]*[\p{Ll}][^,.\n\"]{1,70},?"
    r"|[ ]+(?:dari|asal)[ ]+\p{Lu}[\p{L}-]*(?:[ ]+\p{Lu}[\p{L}-]*){0,3})?[ ]*,?[ ]*"
)
# "Nama (yang) didampingi ...": the person before it is the subject
_SAMPAI: Final = twin(r"[ ]*sampai(?![\p{L}])")
_STOP_CAP: Final = twin(r"[.!?][ ]+\p{Lu}")
_ACCOMPANIED: Final = twin(r"(?<![\p{L}])(?:yang[ ]+)?didampingi(?![\p{L}])")
# a speaker's name and a role appositive opening a sentence: "Amir, Jubir paslon X, ..."
_ROLE_APPOS: Final = twin(r"[ ]*,[ ]*(?P<r>[\p{L}]+(?:[ ]+[\p{L}]+)?)")


def _accompanied(text: str, lo: int, hi: int) -> Any:
    """``_ACCOMPANIED.search(text, lo, hi)``, searched only when the word occurs there."""
    if text.find("didampingi", lo, hi) < 0:
        return None
    return _ACCOMPANIED.search(text, lo, hi)


def _comma_end(text: str, lo: int, hi: int) -> int:
    """``lo + _COMMA_ANY.search(text[lo:hi]).end()`` (past the first comma and its spaces),
    or -1 when there is no comma, without a slice or a regex call."""
    k = text.find(",", lo, hi)
    if k < 0:
        return -1
    k += 1
    hi = min(hi, len(text))
    while k < hi and text[k] == " ":
        k += 1
    return k


def _subject_start(text: str, ss: int, st: int) -> bool:
    """Is ``st`` where a clause's subject may start (sentence start, after a comma or an opener)?"""
    pre = text[ss:st].strip()
    if not pre:
        return True
    if pre.endswith((",", ";", ":")):
        return len(pre.split(None, 15)) <= 14  # (words counted up to 16)
    return False


def _boundary(text: str, pos: int) -> bool:
    j = _skip_sp(text, pos)
    return j >= len(text) or text[j] in ",.;:!?\n\"'" or text[j].islower()


# ---------------------------------------------------------------- quote marks


def _direct_segments(ctx: _Ctx) -> list[tuple[list[tuple[int, int]], int, Optional[int]]]:
    """(pieces, opening mark, closing mark or None) of double-quoted passages."""
    text = ctx.text
    out: list[tuple[list[tuple[int, int]], int, Optional[int]]] = []
    open_state: Optional[tuple[list[tuple[int, int]], int]] = None
    body = ctx.doc.body_start
    paras, starts = ctx.paras, ctx.para_starts
    k, n = 0, len(paras)
    while k < n and paras[k][1] <= body:
        k += 1
    while k < n:
        ps, pe = paras[k]
        if open_state is None:
            # no passage open: on to the paragraph holding the next mark (the others add nothing)
            i = text.find('"', ps)
            if i < 0:
                break
            k = bisect.bisect_right(starts, i) - 1
            ps, pe = paras[k]
            if i >= pe:  # (a mark between paragraphs is in none)
                k += 1
                continue
        k += 1
        marks = []
        i = text.find('"', ps, pe)
        while i >= 0:
            marks.append(i)
            i = text.find('"', i + 1, pe)
        open_state = _pair_marks(marks, ps, pe, open_state, out)
    if open_state is not None:
        out.append((open_state[0], open_state[1], None))
    return out


_Passage = tuple[list[tuple[int, int]], int, Optional[int]]


def _pair_marks(
    marks: list[int], ps: int, pe: int, open_state: Optional[tuple[list[tuple[int, int]], int]], out: list[_Passage]
) -> Optional[tuple[list[tuple[int, int]], int]]:
    """Pair the double quote ``marks`` of paragraph [ps, pe) into passages appended to ``out``.

    ``open_state`` is the passage left open by an earlier paragraph (its pieces and opening
    mark): a mark opening this paragraph continues it. Returns the passage this paragraph
    leaves open, if any."""
    idx = 0
    if open_state is not None:
        pieces, om = open_state
        if marks and marks[0] == ps:
            if len(marks) >= 2:
                pieces.append((ps + 1, marks[1]))
                out.append((pieces, om, marks[1]))
                open_state = None
                idx = 2
            else:
                pieces.append((ps + 1, pe))
                return open_state
        else:
            out.append((pieces, om, None))
            open_state = None
    while idx < len(marks):
        o = marks[idx]
        if idx + 1 < len(marks):
            c = marks[idx + 1]
            out.append(([(o + 1, c)], o, c))
            idx += 2
        else:
            open_state = ([(o + 1, pe)], o)
            idx += 1
    return open_state


_SINGLE: Final = twin(r"(?<![\p{L}\d])'(?=[\p{L}\d])(?P<c>[^'\n]{3,400}?[\p{L}\d.,!?])'(?![\p{L}\d])")


def _clean(text: str, s: int, e: int) -> tuple[int, int]:
    """[s, e) without spaces and newlines around it and commas at its end (stripped in C)."""
    if s >= e:
        return s, e
    seg = text[s:e]
    t = seg.lstrip(" \n")
    s += len(seg) - len(t)
    return s, s + len(t.rstrip(" \n,"))


# ---------------------------------------------------------------- the stage


def run(doc: Document) -> None:
    """Find quotes in ``doc.text`` and append them to ``doc.quotes``."""
    text = doc.text
    if not text.strip():
        return
    ctx = _Ctx(doc)
    events = _direct(ctx)
    events.extend(_indirect(ctx))
    events.sort(key=_ANCHOR_START)
    seen: set[tuple[int, int, bool]] = set()
    add, span = doc.quotes.append, doc.span
    plain = _plain_spaces(text)
    claims: list[tuple[int, int]] = []  # the direct quotes' ranges, claimed at the end in order
    for ev, (speaker, sid) in zip(events, _resolve(ctx, events)):
        direct = ev.direct
        if not direct and speaker is None:
            continue
        s, e = ev.text_start, ev.text_end
        key = (s, e, direct)
        if e <= s or key in seen:
            continue
        seen.add(key)
        if direct and len(ev.pieces) > 1:
            body = " ".join(" ".join(text[a:b].split()) for a, b in (_clean(text, *p) for p in ev.pieces))
            body = body.rstrip(" ,")
        else:
            body = _squeezed(text[s:e], plain)
        # the fields have their types by construction (speaker: a name or an official's
        # name or position; verb: a casefolded form): filled as make_quote fills them,
        # without its type tests (tests/test_quotes.py validates every record of the fixtures)
        add(filled(Quote, {
            "speaker_id": f"off-{sid + 1}" if sid is not None else None, "speaker": speaker, "text": body,
            "verb": ev.verb, "direct": direct, "span": span(s, e), "rule": ev.rule,
        }, set(_QUOTE_FIELDS)))
        if direct:
            claims.append((s, e))
    if claims:
        doc.claim_all("quote", claims)  # (the same as claiming each range in turn)


_ANCHOR_START: Final = attrgetter("anchor", "text_start")


def _squeezed(s: str, plain: bool = False) -> str:
    """``" ".join(s.split())``; a text that is already so (printable: no whitespace but the
    space; no double, leading or trailing space — nearly every quote) is returned as it is.
    ``plain``: ``s`` is ASCII with no whitespace but the space and the newline
    (:func:`_plain_spaces` of the text it is cut from), so looking for a newline is
    enough (``isprintable`` tests every character in turn)."""
    if (("\n" not in s) if plain else s.isprintable()) and "  " not in s and s[:1] != " " and s[-1:] != " ":
        return s
    return " ".join(s.split())


# the whitespace of ASCII text (what str.split splits at) but the space and the newline
_ODD_SPACES: Final = ("\t", "\x0b", "\x0c", "\r", "\x1c", "\x1d", "\x1e", "\x1f")


def _plain_spaces(text: str) -> bool:
    """Is ``text`` ASCII with no whitespace but the space and the newline (nearly every
    working text: normalisation turns tabs and form feeds into spaces)?"""
    if not text.isascii():
        return False
    for c in _ODD_SPACES:
        if c in text:
            return False
    return True


_QUOTE_FIELDS: Final = frozenset({"speaker_id", "speaker", "text", "verb", "direct", "span", "rule"})


def make_quote(
    speaker_id: Optional[str],
    speaker: Optional[str],
    text: str,
    verb: Optional[str],
    direct: bool,
    span: Span,
    rule: str,
) -> Quote:
    """A :class:`Quote` built the way ``Quote.model_construct`` builds one.

    Validation costs a few µs per record: the fields are checked here with plain
    type tests instead, and the instance is filled as pydantic's ``model_construct``
    fills it (``__dict__`` in field order, every field set, no extra or private data).
    ``tests/test_quotes.py`` checks the result equals the validated record.
    """
    if (
        type(speaker_id) not in OPT_STR
        or type(speaker) not in OPT_STR
        or type(text) is not str
        or type(verb) not in OPT_STR
        or type(direct) is not bool
        or type(span) is not Span
        or type(rule) is not str
    ):
        raise ValueError(f"invalid quote fields: {speaker_id!r} {speaker!r} {verb!r} {direct!r} {rule!r}")
    q = filled(Quote, {
        "speaker_id": speaker_id, "speaker": speaker, "text": text, "verb": verb,
        "direct": direct, "span": span, "rule": rule,
    }, set(_QUOTE_FIELDS))
    return q


def _direct(ctx: _Ctx) -> list[Event]:
    text, q = ctx.text, ctx.q
    after_verb_match = ctx.after_verb_match
    out: list[Event] = []
    segs = _direct_segments(ctx)
    ctx.quote_ranges = Intervals((om, (c + 1) if c is not None else pieces[-1][1]) for pieces, om, c in segs)
    prev: Optional[Event] = None
    prev_attr_end = -1
    paras, para_starts = ctx.paras, ctx.para_starts
    for pieces, om, close in segs:
        if len(pieces) == 1:
            s, e = _clean(text, *pieces[0])  # (one piece: its start and end cleaned in one call)
        else:
            s, _ = _clean(text, *pieces[0])
            _, e = _clean(text, *pieces[-1])
        if e <= s:
            continue
        # words, counted only as far as the tests below need (each piece up to 5)
        if len(pieces) == 1:
            content_words = len(text[pieces[0][0]:pieces[0][1]].split(None, 4))
        else:
            content_words = sum(len(text[a:b].split(None, 4)) for a, b in pieces)
        # ctx.paragraph(om) and ctx.paragraph(close), written out
        i = bisect.bisect_right(para_starts, om) - 1
        para = paras[i] if i >= 0 and paras[i][0] <= om < paras[i][1] else (om, om)
        ev: Optional[Event] = None
        attr_end = -1
        if close is not None:
            i = bisect.bisect_right(para_starts, close) - 1
            lim = paras[i][1] if i >= 0 and paras[i][0] <= close < paras[i][1] else len(text)
            m = after_verb_match(text, close + 1, lim)
            if m is None:
                m2 = _COMMA.match(text[close + 1:close + 4])
                if m2:
                    m = after_verb_match(text, close + 1 + m2.end(), lim)
            if m is None and text[close - 1:close] == ",":
                # Bengkulu/Malay usage: "...," sampai Sekda. (only right after a quote's comma)
                sm = _SAMPAI.match(text, close + 1, lim)
                if sm is not None:
                    w2 = ctx.who_after(sm.end(), lim)
                    if w2 is not None and w2.kind != "pronoun" and _boundary(text, w2.end):
                        ev = _event((close + 1, w2, s, e, True, "sampai", "quotes.direct.after", pieces))
                        attr_end = w2.end
            if m is not None:
                verb = m.group("v")
                if q.kinds.get(verb.casefold()) == "enclitic":
                    who: Optional[Who] = _who(("pronoun", m.start("v"), m.end("v"), None, None))
                    attr_end = m.end()
                else:
                    who = ctx.who_after(m.end(), lim)
                    attr_end = who.end if who else m.end()
                if who is not None:
                    ev = _event((close + 1, who, s, e, True, verb.casefold(), "quotes.direct.after", pieces))
            else:
                # "...," Devananda menambahkan.
                p = _skip_sp(text, close + 1)
                if text[p:p + 1] == ",":
                    p = _skip_sp(text, p + 1)
                am = None
                who = ctx.who_after(p, lim) if p < lim and text[p:p + 1].isupper() else None
                if who is not None and who.kind != "pronoun":
                    am = q.active.match(text, _skip_sp(text, who.end), lim)
                if am is not None and who is not None:
                    ev = _event((close + 1, who, s, e, True, am.group("v").casefold(), "quotes.direct.after", pieces))
                    attr_end = am.end()
        if ev is None:
            # X mengatakan, "..."  /  ujar X: "..."
            bm = q.before_quote.search(text, max(para[0], om - 40), om)
            if bm is not None:
                verb = bm.group("v")
                kind = q.kinds.get(verb.casefold())
                who = ctx.who_before(bm.start("v")) if kind == "active" else None
                if kind == "active" and who is not None:
                    ev = _event((bm.start("v"), who, s, e, True, verb.casefold(), "quotes.direct.before", pieces))
        if ev is None and prev is not None and prev_attr_end >= 0:
            # "A," kata X, "B."  — one attribution for two passages
            gap = text[prev_attr_end:om]
            if len(gap) <= 40 and "\n" not in gap and not _STOP.search(gap):
                ev = _event((om, prev.who, s, e, True, prev.verb, "quotes.direct.after", pieces))
        if ev is None:
            whole = om == para[0] and (close is None or close + 1 >= _strip_end(text, para[1]))
            if whole and content_words >= 4:
                ev = _event((om, _who(("pronoun", om, om, None, None)), s, e, True, None, "quotes.direct.context", pieces))
        if ev is None:
            continue
        if content_words < 2:
            continue
        out.append(ev)
        prev, prev_attr_end = ev, attr_end
    # single quote marks, only when a verb attributes them
    for m in _single_quoted(text, ctx.doc.body_start):
        if ctx.quote_ranges.covers(m.start()):
            continue
        close = m.end() - 1
        lim = (ctx.paragraph(close) or (close, len(text)))[1]
        am = q.after_verb.match(text, close + 1, lim) or (
            q.after_verb.match(text, close + 2, lim) if text[close + 1:close + 2] == "," else None
        )
        if am is None:
            continue
        verb = am.group("v")
        if q.kinds.get(verb.casefold()) == "enclitic":
            who = _who(("pronoun", am.start("v"), am.end("v"), None, None))
        else:
            who = ctx.who_after(am.end(), lim)
        if who is None:
            continue
        s, e = _clean(text, m.start("c"), m.end("c"))
        if len(text[s:e].split(None, 2)) < 2:
            continue
        out.append(_event((close + 1, who, s, e, True, verb.casefold(), "quotes.direct.after", [(s, e)])))
        ctx.quote_ranges.add(m.start(), m.end())
    return out


def _strip_end(text: str, pe: int) -> int:
    while pe > 0 and text[pe - 1] in " \n":
        pe -= 1
    return pe


def _indirect(ctx: _Ctx) -> list[Event]:
    text, q = ctx.text, ctx.q
    out: list[Event] = []
    body = ctx.doc.body_start
    lw = lower_words(ctx.doc)
    in_quote, sentence = ctx.quote_ranges.covers, ctx.sentence
    qs, qsp = ctx.quote_ranges.starts, ctx.quote_ranges.spans
    sents, sent_starts = ctx.sents, ctx.sent_starts
    # X mengatakan (bahwa) <clause>
    for vs, me, verb in _word_matches(q.active, text, body, lw, q.active_words, q.active_exact):
        if (i := bisect.bisect_right(qs, vs) - 1) >= 0 and qsp[i][1] > vs:
            continue  # (in_quote(vs), written out)
        c = _clause_start(text, me)
        if text[c:c + 1] in ('"', "'"):
            continue  # X mengatakan, "...": a direct quote, read by _direct
        i = bisect.bisect_right(sent_starts, vs) - 1  # ss, se = sentence(vs), written out
        ss, se = sents[i] if i >= 0 and vs <= sents[i][1] else sentence(vs)
        who = ctx.who_before(vs, ss)
        if who is None:
            continue
        ce = _clause_end(ctx, c, se)
        if ce <= c or text[c:ce].isspace():
            continue  # no word in the clause
        if c == _skip_sp(text, me) and _np_object(ctx, verb, c, ce):
            continue  # mengungkapkan kekhawatiran atas ...: an object, no reported clause
        out.append(_event((who.pos, who, c, ce, False, verb.casefold(), "quotes.indirect.verb", ())))
    # a report inside another report's clause is not the article's speaker
    # ("Menurut Devananda, Mendagri menilai ...")
    clauses: list[tuple[int, int]] = []
    cues = _word_matches(q.cue, text, body, lw, q.cue_words)
    for cs, ce_, _ in cues:
        se = sentence(cs)[1]
        k = _comma_end(text, ce_, min(se, ce_ + 80))
        if k >= 0:
            clauses.append((k, se))
    if clauses:
        ctx.report_clauses = Intervals(clauses)
        in_report = ctx.report_clauses.covers
        out = [ev for ev in out if ev.who is None or not in_report(ev.who.pos)]
    # Menurut X, <clause>
    for cs, ce_, verb in cues:
        if in_quote(cs):
            continue
        se = sentence(cs)[1]
        if q.kinds.get(verb.casefold()) == "cue_enclitic":
            who = _who(("pronoun", cs, ce_, None, None))
            after = ce_
        else:
            who = ctx.who_after(ce_, se)
            if who is None or who.kind == "pronoun" and text[who.pos:who.end].casefold() not in q.pronouns:
                continue
            after = who.end
        cm = _COMMA_AFTER_WHO.match(text, after, min(len(text), after + 16))
        if cm is None:
            continue
        c = cm.end()
        ce = _clause_end(ctx, c, se)
        if len(text[c:ce].split(None, 2)) < 2:
            continue
        out.append(_event((cs, who, c, ce, False, verb.casefold(), "quotes.indirect.menurut", ())))
    # <clause>, kata X, <clause>.   /   <clause>, katanya.   /   <clause> lanjut X, <clause>.
    seen_v: set[int] = set()
    inter, bare_ms = _interposed_matches(q, text, body, lw)
    for (ms, vs, me, verb), bare in [*((m, False) for m in inter), *((m, True) for m in bare_ms)]:
        if in_quote(ms) or vs in seen_v:
            continue
        ss, se = sentence(ms)
        if '"' in text[ss:se]:
            continue
        if q.kinds.get(verb.casefold()) == "enclitic":
            who = _who(("pronoun", vs, me, None, None))
        else:
            who = ctx.who_after(me, se)
        if who is None:
            continue
        after = _skip_sp(text, who.end)
        if bare and (text[after:after + 1] != "," or who.kind == "pronoun" and text[who.pos:who.end].casefold() not in q.pronouns):
            continue  # Bantuan itu lanjut Budi, ...: only with a person and a comma after
        if text[after:after + 1] not in (",", ".", "") and after < se and not (
            not bare and who.kind != "pronoun" and _CLAUSE_AFTER_NAME.match(text, after, se) is not None
        ):
            continue  # (but: Saat ini, kata Hartoko Disdukcapil telah ...: the clause follows the name)
        seen_v.add(vs)
        s, e = _clean(text, ss, se)
        while e > s and text[e - 1] in ".!?":
            e -= 1
        if len(text[s:e].split(None, 4)) < 4:
            continue
        out.append(_event((ms, who, s, e, False, verb.casefold(), "quotes.indirect.interposed", ())))
    return out


# a clause opening right after a speaker's name with no comma: a capitalised subject
# and an auxiliary (kata Hartoko Disdukcapil telah memiliki ...)
_CLAUSE_AFTER_NAME: Final = twin(
    r"\p{Lu}[\p{L}]+(?:[ ]+\p{Lu}[\p{L}]+)?[ ]+(?:telah|sudah|akan|masih|belum|tidak|juga|terus|harus|sedang|pun)[ ]+\p{Ll}"
)


def _np_object(ctx: _Ctx, verb: str, c: int, ce: int) -> bool:
    """Is the text after a speech verb with no comma or ``bahwa`` a noun-phrase object
    (``membenarkan hal tersebut``, ``membeberkan data ...``) rather than a clause?"""
    words = ctx.text[c:ce].split(None, 3)  # (all the words when there are up to three)
    if not words:
        return True
    first = words[0].casefold()
    if len(words) <= 3 and words[-1].casefold() in ctx.q.tails:
        return True  # hal tersebut, kejadian itu
    return verb.casefold() not in ctx.q.say_verbs and first in ctx.q.np_openers


def _clause_start(text: str, pos: int) -> int:
    """``pos + _CLAUSE_OPEN.match(text[pos:pos + 20]).end()``, read with str methods: spaces,
    a comma or colon, spaces, ``bahwa`` and spaces, within 20 characters of ``pos``."""
    seg = text[pos:pos + 20]
    t = seg.lstrip(" ")
    if t[:1] in (",", ":"):
        t = t[1:].lstrip(" ")
    if t.startswith("bahwa "):
        t = t[6:].lstrip(" ")
    return pos + len(seg) - len(t)


def _clause_end(ctx: _Ctx, c: int, se: int) -> int:
    text = ctx.text
    q = text.find('"', c, se)
    e = q if q >= 0 else se
    if e <= c:
        return e
    return c + len(text[c:e].rstrip(" .,;:!?\n"))


def _role_subject(ctx: _Ctx, p: int, se: int) -> Optional[tuple[int, Optional[str], Optional[int]]]:
    """``Nama, <role word> ...`` at ``p``: a named person who is no official, as a subject."""
    text = ctx.text
    if not text[p:p + 1].isupper():
        return None
    # cheap pre-check: a role word right after the first comma
    comma = text.find(",", p, min(se, p + 60))
    if comma < 0:
        return None
    after = text[comma + 1:comma + 24].split(None, 1)
    if not after or after[0].casefold().rstrip(",") not in ctx.q.roles:
        return None
    nm = parse_name(ctx.lx, text, p, min(se, p + 60), ctx.regions, memo=ctx.memo)
    if nm is None or nm.start != p or _ROLE_APPOS.match(text, nm.end, se) is None:
        return None
    if text.find(",", nm.end, comma + 1) != comma:
        return None
    if ctx.official_by_name(nm.name, p) is not None:
        return None
    return (p, nm.name, None)


def _role_commas(ctx: _Ctx) -> Optional[list[int]]:
    """Sorted positions of the commas followed (after any whitespace) by a word that opens
    with a role word (``, warga``, ``,jubir``): only a sentence holding one can open
    with ``Nama, <role>`` (:func:`_role_subject`). Found by one scan of the lower-case
    text (a comma is a literal prefix, which the stdlib ``re`` skips to quickly). None on
    a non-ASCII text: every sentence is then read."""
    lw = lower_words(ctx.doc)
    rx = ctx.q.role_comma
    if lw is None or rx is None:
        return None
    return [m.start() for m in rx.finditer(lw.low)]


def _role_sentences(ctx: _Ctx) -> list[tuple[int, int]]:
    """The sentences that may open with ``Nama, <role>`` (:func:`_role_subject`): those
    holding a comma before a role word (:func:`_role_commas`), in order; every sentence
    when the commas are not known. Sentences are sorted and disjoint, so a comma lies in
    the last sentence starting at or before it, or in none."""
    commas = _role_commas(ctx)
    sents = ctx.sents
    if commas is None:
        return sents
    out: list[tuple[int, int]] = []
    starts, last = ctx.sent_starts, -1
    for c in commas:
        i = bisect.bisect_right(starts, c) - 1
        if i > last and c < sents[i][1]:
            out.append(sents[i])
            last = i
    return out


def _resolve(ctx: _Ctx, events: list[Event]) -> list[tuple[Optional[str], Optional[int]]]:
    """The speaker of every event (name, official index); pronouns take the most recent subject."""
    text = ctx.text
    # people in subject position that speak no verb of their own (candidates for -nya)
    subjects: list[tuple[int, Optional[str], Optional[int]]] = []
    # people named outside quotes, in order (not positions alone)
    in_quote, sentence = ctx.quote_ranges.covers, ctx.sentence
    # (Intervals.covers written out: a range holds s when the last one starting at or
    # before s ends after it)
    qs, qsp = ctx.quote_ranges.starts, ctx.quote_ranges.spans
    anyone = [
        (s, None, idx) for s, e, idx, kind in ctx.refs
        if kind != "position" and not ((i := bisect.bisect_right(qs, s) - 1) >= 0 and qsp[i][1] > s)
    ]
    rs, rsp = ctx.report_clauses.starts, ctx.report_clauses.spans
    sents, sent_starts = ctx.sents, ctx.sent_starts
    for s, _, idx in anyone:
        if rs and (i := bisect.bisect_right(rs, s) - 1) >= 0 and rsp[i][1] > s:
            continue  # (in a report clause)
        i = bisect.bisect_right(sent_starts, s) - 1  # (sentence(s), its look-up written out)
        if _subject_start(text, sents[i][0] if i >= 0 and s <= sents[i][1] else sentence(s)[0], s):
            subjects.append((s, None, idx))
    for am in _AGE_MARK.finditer(text, ctx.doc.body_start):
        m = _RESIDENT_BACK.search(text, max(0, am.start() - 80), am.end())
        if m is None or ctx.quote_ranges.covers(m.start()):
            continue
        nm = parse_name(ctx.lx, text, m.start("n"), m.end("n"), ctx.regions, memo=ctx.memo)
        if nm is None or nm.name_end != m.end("n"):
            continue
        off = ctx.official_by_name(nm.name, m.start())
        subjects.append((m.start(), nm.name if off is None else None, off))
    body = ctx.doc.body_start
    for ss, se in _role_sentences(ctx):
        # "(Sementara itu,) Amir Fariki, Jubir paslon X mengapresiasi ...": a named
        # non-official subject with a role appositive
        if se <= body or in_quote(ss):
            continue
        p = ss
        while p < se and text[p] == " ":
            p += 1
        for _ in range(2):
            found = _role_subject(ctx, p, se)
            if found is not None:
                subjects.append(found)
                break
            opener = text.find(",", p, min(se, p + 25))  # Sementara itu, / Di tempat terpisah,
            if opener < 0:
                break
            p = opener + 1
            while p < se and text[p] == " ":
                p += 1
    subjects.sort(key=_FIRST)
    sub_pos = list(map(_FIRST, subjects))
    any_pos = list(map(_FIRST, anyone))
    offs = ctx.offs
    history: list[tuple[int, Optional[str], Optional[int]]] = []  # kept sorted by position
    hist_pos: list[int] = []
    named: list[tuple[Optional[str], Optional[int]]] = []
    for ev in events:
        who = ev.who
        speaker: Optional[str] = None
        sid: Optional[int] = None
        if who is None:
            named.append((None, None))
            continue
        if who.kind == "official" and who.official is not None:
            sid = who.official
        elif who.kind == "name":
            speaker = who.name
        else:
            # the later of the last speaker and the last subject before (the speaker on a tie)
            h = bisect.bisect_left(hist_pos, who.pos) - 1
            best = history[h] if h >= 0 else None
            i = bisect.bisect_left(sub_pos, who.pos) - 1
            if i >= 0 and (best is None or subjects[i][0] > best[0]):
                best = subjects[i]
            if best is None:
                # nobody spoke or stood as a subject yet: the last named official before
                j = bisect.bisect_left(any_pos, who.pos) - 1
                if j >= 0:
                    best = anyone[j]
            if best is not None:
                speaker, sid = best[1], best[2]
        if sid is not None and 0 <= sid < len(offs):
            o = offs[sid]
            speaker = o.name or o.position
        if speaker is not None or sid is not None:
            k = bisect.bisect_right(hist_pos, who.pos)
            hist_pos.insert(k, who.pos)
            history.insert(k, (who.pos, speaker, sid))
        named.append((speaker, sid))
    return named
