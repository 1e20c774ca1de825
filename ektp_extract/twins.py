"""Stdlib ``re`` twins of ``regex`` patterns, for ASCII text.

Most news text is ASCII; there a stdlib match costs about half a ``regex`` match.
:func:`ascii_twin` translates a pattern when the translation matches exactly as the
original on ASCII text, and :class:`Twin` runs whichever applies. Shared by the
stages (officials, quotes, quantities, targets); tests/test_officials.py compares
the twins with their patterns at every position of the fixtures.
"""

from __future__ import annotations

import re
from typing import Any, Final, Iterator, Optional, Union

import regex

#: A match of a ``regex`` pattern or of its stdlib twin (the same groups, read the same way).
AnyMatch = Union["re.Match[str]", "regex.Match[str]"]

_MAX: Final = 2**62  # an end position past any text (stdlib re takes no None there)
_P_ASCII: Final = {"Lu": "A-Z", "Ll": "a-z", "L": "A-Za-z"}
_TWIN_FLAGS: Final = {regex.I: re.IGNORECASE, regex.M: re.MULTILINE, regex.S: re.DOTALL, regex.X: re.VERBOSE}
_PLAIN_FLAGS: Final = regex.U | regex.V0 | regex.A


def ascii_twin(rx: Any) -> Optional[re.Pattern[str]]:
    """The stdlib ``re`` pattern that matches exactly as ``rx`` (a ``regex`` pattern) on a
    text of ASCII characters only, or None when ``rx`` uses syntax only ``regex`` has.

    In ASCII mode ``\\w``, ``\\d``, ``\\s`` and ``\\b`` of ``re`` are the ASCII part of those of
    ``regex``; ``\\p{Lu}``, ``\\p{Ll}`` and ``\\p{L}`` become ``A-Z``, ``a-z`` and ``A-Za-z``.
    A stdlib match costs about half a regex-module match (tests/test_officials.py
    compares the two on every position of the fixtures).
    """
    flags = 0
    for f, g in _TWIN_FLAGS.items():
        if rx.flags & f:
            flags |= g
    if rx.flags & ~(_PLAIN_FLAGS | regex.I | regex.M | regex.S | regex.X):
        return None  # reverse search, version 1, full case folding ...
    pat: str = rx.pattern
    out: list[str] = []
    i, n, in_class = 0, len(pat), False
    while i < n:
        c = pat[i]
        if c == "\\":
            m = re.match(r"\\p\{(Lu|Ll|L)\}", pat[i:i + 7])
            if m is not None:
                body = _P_ASCII[m.group(1)]
                out.append(body if in_class else f"[{body}]")
                i += m.end()
                continue
            if pat[i + 1:i + 2] in ("p", "P", "X", "m", "M", "G", "K", "N", "L", "R"):
                return None
            out.append(pat[i:i + 2])
            i += 2
            continue
        if c == "[" and not in_class:
            if pat[i + 1:i + 2] == "[" or pat[i + 1:i + 3] in ("^[", "]", "^]"):
                return None  # nested sets, a leading "]": not translated
            in_class = True
        elif c == "]" and in_class:
            in_class = False
        elif c == "(" and pat[i + 1:i + 2] == "?" and pat[i + 2:i + 3] in ("|", "&", "R", "(", "V", "r", "f", "w"):
            return None
        out.append(c)
        i += 1
    try:
        return re.compile("".join(out), flags | re.ASCII)
    except re.error:
        return None


class Twin:
    """A ``regex`` pattern that runs as its stdlib twin (:func:`ascii_twin`) on ASCII text.

    Called as the pattern is (``match``, ``search``, ``fullmatch``, ``finditer``,
    ``findall``, ``sub``, ``split``); ``str.isascii`` costs nothing (CPython keeps the
    flag). On other text the regex call skips releasing the GIL (``concurrent=False``).
    """

    __slots__ = ("a", "pattern", "u")

    def __init__(self, rx: regex.Pattern[str]) -> None:
        self.u = rx
        self.a = ascii_twin(rx)
        self.pattern: str = rx.pattern

    def match(self, s: str, pos: int = 0, endpos: int = _MAX) -> Optional[AnyMatch]:
        if self.a is not None and s.isascii():
            return self.a.match(s, pos, endpos)
        return self.u.match(s, pos, endpos, False)

    def search(self, s: str, pos: int = 0, endpos: int = _MAX) -> Optional[AnyMatch]:
        if self.a is not None and s.isascii():
            return self.a.search(s, pos, endpos)
        return self.u.search(s, pos, endpos, False)

    def fullmatch(self, s: str, pos: int = 0, endpos: int = _MAX) -> Optional[AnyMatch]:
        if self.a is not None and s.isascii():
            return self.a.fullmatch(s, pos, endpos)
        return self.u.fullmatch(s, pos, endpos, False)

    def finditer(self, s: str, pos: int = 0, endpos: int = _MAX) -> Iterator[AnyMatch]:
        if self.a is not None and s.isascii():
            return self.a.finditer(s, pos, endpos)
        return self.u.finditer(s, pos, endpos, False)

    def findall(self, s: str, pos: int = 0, endpos: int = _MAX) -> Any:
        if self.a is not None and s.isascii():
            return self.a.findall(s, pos, endpos)
        return self.u.findall(s, pos, endpos, False)

    def sub(self, repl: Any, s: str) -> str:
        if self.a is not None and s.isascii():
            return self.a.sub(repl, s)
        r: str = self.u.sub(repl, s)
        return r

    def split(self, s: str) -> list[str]:
        if self.a is not None and s.isascii():
            return self.a.split(s)
        r: list[str] = self.u.split(s)
        return r


def twin(pattern: str, flags: int = 0) -> Twin:
    """``regex.compile(pattern, flags)`` as a :class:`Twin`."""
    return Twin(regex.compile(pattern, flags))
