"""What the stage benchmarks share (``quantities.py``, ``people.py``): the default corpus,
documents prepared up to a stage, the two timing loops and the calibration loop."""

from __future__ import annotations

import gc
import hashlib
import sys
import time
from pathlib import Path
from typing import Callable, Iterator

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from ektp_extract import Extractor  # noqa: E402
from ektp_extract.document import Document  # noqa: E402
from ektp_extract.models import ArticleExtraction, new_result  # noqa: E402
from ektp_extract.text import Mask, decode, normalise  # noqa: E402


def default_articles() -> list[str]:
    """The development fixtures, plus the seed article when it is beside the checkout."""
    paths = sorted((ROOT / "fixtures" / "articles").glob("*.txt"))
    seed = ROOT.parent / "shared" / "seeds" / "solopos-2016-04-19-magelang-ektp.txt"
    if seed.is_file():
        paths.append(seed)
    return [p.read_text(encoding="utf-8") for p in paths]


def started(ex: Extractor, text: str) -> tuple[Document, ArticleExtraction]:
    """Text preparation as :meth:`Extractor.extract` does it up to the first stage: the
    decoded text, its content hash, the empty result and :meth:`Extractor._document`."""
    dec = decode(text)
    source = dec.text
    utf8 = source.encode("utf-8", "surrogatepass")
    digest = hashlib.sha256(utf8).hexdigest()
    res = new_result(digest[:16], digest)
    if not source.strip():
        raise ValueError("an empty article has no document")
    doc, _ = ex._document(source, [], None, None, utf8)
    return doc, res


def prepared(ex: Extractor, text: str, stop: str, claims: tuple[str, ...] = ()) -> Document:
    """A Document after the stages before ``stop``: the working text and sentences built,
    and the claim index of each label in ``claims`` (built on first use in an extraction)."""
    prep = normalise(text)
    doc = Document(prep=prep, lexicon=ex.lexicon, mask=Mask(prep.norm), warnings=[])
    for name, stage in ex.stages:
        if name == stop:
            break
        stage(doc)
    _ = doc.text, doc.sentences
    if claims:
        doc.is_claimed(0, 1, *claims)
    return doc


def time_stage(
    docs_for: Callable[[], list[Document]], stage: Callable[[Document], None], rounds: int
) -> float:
    """Fastest CPU seconds per document over ``rounds`` rounds on fresh documents."""
    best = float("inf")
    for _ in range(rounds):
        docs = docs_for()
        # The prepared documents would make every garbage collection walk them all;
        # an extraction holds one document at a time, so keep them out of the GC.
        gc.collect()
        gc.freeze()
        try:
            t0 = time.process_time()
            for d in docs:
                stage(d)
            best = min(best, (time.process_time() - t0) / len(docs))
        finally:
            gc.unfreeze()
    return best


def time_stage_each(
    prepare: Callable[[], Iterator[Document]], stage: Callable[[Document], None], rounds: int
) -> float:
    """Fastest CPU seconds per document over ``rounds`` rounds, each document's stage timed
    right after the stages before it ran on it (``prepare`` yields them one by one)."""
    best = float("inf")
    clock = time.process_time
    for _ in range(rounds):
        total = 0.0
        n = 0
        gc.collect()
        gc.disable()  # a collection inside the timed call would be charged to the stage
        try:
            for d in prepare():
                t0 = clock()
                stage(d)
                total += clock() - t0
                n += 1
        finally:
            gc.enable()
        best = min(best, total / max(n, 1))
    return best


def calibration_ms() -> float:
    """CPU ms of a fixed pure-Python loop: compare runs made under different machine load."""
    t0 = time.process_time()
    x = 0
    for i in range(1_000_000):
        x += i
    return (time.process_time() - t0) * 1e3
