"""``match_region`` against its step-by-step definition.

:func:`~ektp_extract.kinds.regions.match_region` reads each form's whole resolution
from tables made at load time and, on ASCII text, one stdlib pattern for the cue and
the name words. ``_plain_match_region`` below is the definition it replaced: the
``regex`` patterns, :meth:`RegionIndex.resolve_key` and the Kota / alternatives /
ambiguity rules written out. The two must agree on every call.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ektp_extract import Extractor
from ektp_extract.kinds.regions import (
    _CUE,
    _TYPES,
    _WORDS,
    CUES,
    Region,
    RegionMatch,
    match_region,
    region_index,
)
from ektp_extract.lexicon import Lexicon

_ARTICLES = sorted((Path(__file__).resolve().parent.parent / "fixtures" / "articles").glob("*.txt"))


def _plain_match_region(lex: Lexicon, text: str, pos: int, type_: Optional[str] = None, *,
                        allow_bare: bool = True) -> Optional[RegionMatch]:
    idx = region_index(lex)
    n = len(text)
    while pos < n and text[pos] == " ":
        pos += 1
    start = pos
    cued = False
    m = _CUE.match(text, pos)
    if m is not None:
        cue_type = CUES[(m.group("cue") or m.group("cue2")).casefold()]
        if type_ is None or type_ == cue_type:
            type_ = cue_type
            cued = True
            pos = m.end()
    elif not allow_bare and type_ is None:
        return None
    w = _WORDS.match(text, pos)
    if w is None:
        return None
    words = w.group(0).split(" ")
    for k in range(min(len(words), idx.max_words + 1), 0, -1):
        written = " ".join(words[:k])
        name = written.rstrip(".")
        if not name:
            continue
        key = name.replace("’", "'").casefold()
        if key == "dan" or (key not in idx.regencies and key not in idx.provinces):
            continue
        region = idx.resolve_key(key, type_)  # type: ignore[arg-type]
        end = pos + len(written)
        if text[end - 1:end] == ".":
            end -= 1
        if region is None and type_ is None and k < len(words) and words[k] == "Kota":
            region = idx.resolve_key(key, "kota")
            if region is not None:
                end += len(" Kota")
        alts: tuple[Region, ...] = ()
        if region is None and type_ is None:
            rows = idx.regencies.get(key, ())
            if len(rows) > 1:
                alts = tuple(idx.region(r, r.type) for r in rows)
                region = next((a for a in alts if a.type == "kabupaten"), alts[0])
        if region is None:
            continue
        amb = not cued and type_ is None and key in idx.ambiguous
        return RegionMatch(start, end, region, cued or type_ is not None, amb, alts)
    return None


def _same_everywhere(lex: Lexicon, text: str, positions: Any) -> None:
    for pos in positions:
        for type_ in _TYPES:
            for allow_bare in (True, False):
                got = match_region(lex, text, pos, type_, allow_bare=allow_bare)  # type: ignore[arg-type]
                want = _plain_match_region(lex, text, pos, type_, allow_bare=allow_bare)
                assert got == want, (text[pos:pos + 40], type_, allow_bare)


@pytest.mark.parametrize("path", _ARTICLES, ids=lambda p: p.stem[:40])
def test_match_region_is_the_plain_definition_on_the_fixtures(extractor: Extractor, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    # every word start: callers ask at a word (after a cue, a body, a space)
    starts = [i for i in range(len(text)) if i == 0 or not text[i - 1].isalnum()]
    _same_everywhere(extractor.lexicon, text, starts)


_PIECES = [
    "Kota", "KOTA", "kota", "Kotamadya", "Kodya", "Kabupaten", "kabupaten", "Kab.", "Kab", "kab.", "Prov.",
    "Prov", "Provinsi", "Propinsi", "PROVINSI", "Magelang", "Jawa", "Tengah", "Jateng", "Jateng.", "Pangkajene",
    "dan", "Kepulauan", "Batu", "Agam", "Bau-Bau", "Semarang", "Humbang", "Hasundutan", "Lampung", "D.I.",
    "Yogyakarta", "DKI", "Jakarta", "Selatan", "II", "XI", "12", "Polres", "Bandung", "Barat", "Kota Baru",
    "Kotabaru", "Tanjung", "Balai", "Karimun", "’", "'", "É", "Ünal", "Kab.Semarang", "Prov.Jateng", ".", ",",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(["", " ", "  ", ". ", ", ", "\n"])),
                max_size=8))
def test_match_region_is_the_plain_definition_on_made_up_text(pieces: list[tuple[str, str]]) -> None:
    lex = _LEX
    text = "".join(a + b for a, b in pieces)
    _same_everywhere(lex, text, range(len(text) + 1))


_LEX = Extractor().lexicon


def test_answers_cover_every_form_and_type() -> None:
    idx = region_index(_LEX)
    assert set(idx.answers) == set(_TYPES)
    forms = (set(idx.provinces) | set(idx.regencies)) - {"dan"}
    assert set(idx.answers[None]) == forms
    assert max(idx.first_words.values()) <= idx.max_words  # match_region reads at most max_words words
