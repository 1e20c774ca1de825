"""Shared test helpers (importable as `_util` from every test module)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ektp_extract import COMPILED

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "solopos-2016-04-19-magelang-ektp.txt"
#: Pinned reference date for every pattern example (a Wednesday).
PINNED_REFERENCE = "2019-03-20T10:00:00+07:00"


def prepared_doc(extractor, text: str, stop: "str | None" = None):  # type: ignore[no-untyped-def]
    """A Document of ``text`` as ``Extractor.extract`` builds it, after every stage before
    ``stop`` (no stage when ``stop`` is None)."""
    from ektp_extract.document import Document
    from ektp_extract.text import Mask, normalise

    prep = normalise(text)
    doc = Document(prep=prep, lexicon=extractor.lexicon, mask=Mask(prep.norm), warnings=[])
    if stop is not None:
        for name, stage in extractor.stages:
            if name == stop:
                break
            stage(doc)
    return doc


def assert_spans(result, source: str) -> None:
    """Every span in the result points at its own text in the source."""
    for label, span in result.iter_spans():
        assert source[span.start:span.end] == span.text, (label, span)


def members(obj: object) -> dict[str, object]:
    """An object's attributes by name: a module's globals, or an instance's fields (a compiled
    build's native classes have no ``__dict__`` for ``vars`` to read)."""
    return {k: getattr(obj, k, None) for k in dir(obj) if not k.startswith("__")}


# Marks for tests of the pure-Python build only: the compiled build (hatch_build.py) runs every
# other test; these read the modules in ways compiled code does not allow.
#: a monkeypatched module function: compiled callers call the compiled function directly
patches_module = pytest.mark.skipif(
    COMPILED, reason="compiled callers do not see a monkeypatched module function")
#: a stand-in object passed where a stage class is declared: compiled functions check types
stand_in = pytest.mark.skipif(
    COMPILED, reason="compiled functions refuse a stand-in for a declared class")
#: a Greek capital sigma lower-cased: the compiled str.lower gives σ where CPython gives final ς
final_sigma = pytest.mark.skipif(
    COMPILED, reason="the compiled str.lower does not apply the final-sigma rule")
