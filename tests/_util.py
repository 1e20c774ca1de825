"""Shared test helpers (importable as `_util` from every test module)."""

from __future__ import annotations

from pathlib import Path

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
