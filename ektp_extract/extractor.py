"""The facade: load patterns once, run the stages, assemble one ArticleExtraction."""

from __future__ import annotations

import gc
import hashlib
import itertools
import traceback
from datetime import date, datetime
from operator import attrgetter
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional, Sequence, TypeVar

from . import errors
from .document import Document
from .errors import DecodeFailure
from .lexicon import Lexicon, load_lexicon
from .models import ArticleExtraction, DateMention, new_result
from .text import Mask, blank_html, decode, looks_like_html, normalise

#: Inputs longer than this are cut (with a warning) so one huge file cannot stall a batch.
MAX_CHARS = 5_000_000

RefDate = str | date | datetime | None
_T = TypeVar("_T")

#: Articles extracted together by :meth:`Extractor.extract_many` (one stage at a time over the
#: group), and the most characters such a group holds: a few long inputs are not kept at once.
#: A group holds its documents until its last stage (about 0.1 MB per 2.5 KB article).
GROUP_ARTICLES = 64
GROUP_CHARS = 200_000


class _Pending:
    """An article between its preparation and its result: the result being filled, the
    warnings so far, the prepared document (None once its preparation failed) and the
    caller's ``published`` with its parsed value."""

    __slots__ = ("res", "warnings", "published", "doc", "pub_override")

    def __init__(self, res: ArticleExtraction, warnings: list[str], published: RefDate) -> None:
        self.res = res
        self.warnings = warnings
        self.published = published
        self.doc: Optional[Document] = None
        self.pub_override: Optional[datetime] = None


class Extractor:
    """Loads the pattern lexicons once; :meth:`extract` is then cheap and thread-safe.

    >>> ex = Extractor()
    >>> res = ex.extract("Jakarta (ANTARA) - Sebanyak 96.616 warga sudah merekam data.")
    >>> res.meta.dateline_location
    'Jakarta'
    """

    def __init__(self, extra_patterns: Sequence[str | Path] = (), *, debug: bool = False) -> None:
        self.extra_patterns = [str(p) for p in extra_patterns]
        self.lexicon: Lexicon = load_lexicon(self.extra_patterns)
        self.debug = debug
        # a group has been extracted: the patterns compiled on first use are compiled
        self._warm = False
        from .kinds import STAGES
        from .kinds.meta import reference_from

        self.stages = STAGES
        self._reference_from = reference_from

    # ------------------------------------------------------------------ single
    def extract(
        self,
        text: str | bytes,
        article_id: Optional[str] = None,
        reference_date: RefDate = None,
        *,
        published: RefDate = None,
    ) -> ArticleExtraction:
        """Extract every kind of record from one article. Never raises on a ``str``.

        ``reference_date`` anchors relative dates (``kemarin``, ``tahun lalu``)
        instead of the publication date read from the header; ``published``
        sets ``meta.published`` when the caller knows it better than the header
        (a JSON input's field) and then also serves as the reference.
        """
        res, pending = self._begin(text, article_id, reference_date, published)
        if pending is not None:
            self._stages([pending])
            res = self._finish(pending)
        return res

    def _extract_group(self, items: Sequence[tuple[str | bytes, Optional[str], RefDate, RefDate]]
                       ) -> list[ArticleExtraction]:
        """:meth:`extract` of each ``(text, article_id, reference_date, published)``, in order,
        one stage at a time over the whole group: each stage's code, patterns and tables are
        then used for several articles in a row while they are in the processor's caches,
        instead of being fetched again for every article (about 10% more articles/s, see
        docs/performance.md). The results equal those of :meth:`extract`.

        The cyclic garbage collector is paused while a group of several articles is extracted
        (when it is on; it is turned back on at the end): the group's documents live until
        its end and are then freed by reference counting, so the collections that their
        allocations would set off find next to nothing to free (they cost about 3% of the
        time). Not in the first group: compiling the patterns on first use leaves cyclic
        garbage (kept until the end of the group, it would add about 20 MB to the peak)."""
        if len(items) < 2 or not self._warm or not gc.isenabled():
            results = self._extract_together(items)
            self._warm = True
            return results
        gc.disable()
        try:
            return self._extract_together(items)
        finally:
            gc.enable()

    def _extract_together(self, items: Sequence[tuple[str | bytes, Optional[str], RefDate, RefDate]]
                          ) -> list[ArticleExtraction]:
        begun = [self._begin(*item) for item in items]
        self._stages([p for _, p in begun if p is not None])
        return [res if p is None else self._finish(p) for res, p in begun]

    def _begin(self, text: str | bytes, article_id: Optional[str], reference_date: RefDate,
               published: RefDate) -> tuple[ArticleExtraction, Optional[_Pending]]:
        """Decoding, the content hash and text preparation: the result, finished already
        (undecodable or empty input) with None, or with the work the stages are to do."""
        warnings: list[str] = []
        try:
            dec = decode(text)
        except DecodeFailure as exc:
            res = ArticleExtraction(article_id=article_id or "")
            res.warnings.append(f"[W008] {exc}")
            return res, None
        source = dec.text
        if dec.warnings:
            warnings.extend(errors.W_ENCODING.format(message=w) for w in dec.warnings)
        utf8 = source.encode("utf-8", "surrogatepass")
        digest = hashlib.sha256(utf8).hexdigest()
        # equal to ArticleExtraction(article_id=..., content_hash=digest), without validation
        res = new_result(article_id if article_id is not None else digest[:16], digest)
        if not source.strip():
            res.warnings.append(errors.W_EMPTY)
            return res, None
        pending = _Pending(res, warnings, published)
        try:
            pending.doc, pending.pub_override = self._document(source, warnings, reference_date,
                                                               published, utf8)
        except Exception as exc:  # noqa: BLE001 — extract() never raises on text
            self._failed(pending, exc)
        return res, pending

    def _stages(self, group: list[_Pending]) -> None:
        """Run every stage on each document of ``group`` (stage by stage). A failing stage
        costs that document only that stage's records (a W006 warning)."""
        debug = self.debug
        for name, stage in self.stages:
            for p in group:
                doc = p.doc
                if doc is None:
                    continue  # its preparation failed
                try:
                    stage(doc)
                except Exception as exc:  # noqa: BLE001 — a failing stage costs only its records
                    p.warnings.append(errors.W_STAGE.format(stage=name, error=type(exc).__name__))
                    if debug:
                        traceback.print_exc()
                if name == "meta" and p.pub_override is not None:
                    try:
                        doc.meta.published = _iso(p.published, p.pub_override)
                    except Exception as exc:  # noqa: BLE001
                        self._failed(p, exc)

    def _failed(self, p: _Pending, exc: Exception) -> None:
        """Something outside the stages failed (text preparation, the ``published`` override,
        assembly): a "prepare" W006, and no further stage runs on the article."""
        p.warnings.append(errors.W_STAGE.format(stage="prepare", error=type(exc).__name__))
        p.doc = None
        if self.debug:
            traceback.print_exc()

    def _finish(self, p: _Pending) -> ArticleExtraction:
        """The records of the stages put into the result, and the warnings."""
        res = p.res
        if p.doc is not None:
            try:
                self._assemble(p.doc, res)
            except Exception as exc:  # noqa: BLE001 — extract() never raises on text
                self._failed(p, exc)
        # res.warnings = warnings, as pydantic sets a field without validate_assignment
        res.__dict__["warnings"] = p.warnings
        res.__pydantic_fields_set__.add("warnings")
        return res

    def _document(
        self,
        source: str,
        warnings: list[str],
        reference_date: RefDate,
        published: RefDate,
        utf8: Optional[bytes] = None,
    ) -> tuple[Document, Optional[datetime]]:
        """Text preparation: the Document the stages run on (normalised text, mask, HTML
        blanked, reference date), and the parsed ``published`` override. ``utf8``: the
        source's UTF-8 bytes (``surrogatepass``), hashed by :meth:`extract`."""
        reference_from = self._reference_from
        work = source
        if len(work) > MAX_CHARS:
            warnings.append(errors.W_TRUNCATED.format(limit=MAX_CHARS))
            work = work[:MAX_CHARS]
            utf8 = None  # (the bytes of the whole source)
        prep = normalise(work, utf8)
        prep.source = source  # offsets index the full original string
        mask = Mask(prep.norm)
        if "<" in prep.norm and looks_like_html(prep.norm):
            warnings.append(errors.W_HTML)
            blank_html(prep.norm, mask)
        doc = Document(prep=prep, lexicon=self.lexicon, mask=mask, warnings=warnings)
        doc.reference = reference_from(reference_date)
        pub_override = reference_from(published)
        if pub_override is not None and doc.reference is None:
            doc.reference = pub_override
        return doc, pub_override

    @staticmethod
    def _assemble(doc: Document, res: ArticleExtraction) -> None:
        dates: list[DateMention] = []
        if doc.publication is not None:
            dates.append(doc.publication)
            dates.extend(d for d in doc.dates if d.role != "publication")
        else:
            dates.extend(doc.dates)
        # set as pydantic's __setattr__ sets a field without validate_assignment, without its checks
        fields = {
            "meta": doc.meta,
            "dates": sorted(dates, key=_by_span),
            "quantities": sorted(doc.quantities, key=_by_span),
            "targets": sorted(doc.targets, key=_by_span),
            "agencies": doc.agencies,
            "officials": doc.officials,
            "quotes": sorted(doc.quotes, key=_by_span),
            "warnings": list(dict.fromkeys(doc.warnings)),  # first occurrence of each, in order
        }
        res.__dict__.update(fields)
        res.__pydantic_fields_set__.update(fields)

    # ------------------------------------------------------------------ many
    def extract_many(
        self,
        texts: Iterable[str | bytes | dict[str, Any]],
        n_process: int = 1,
        *,
        chunksize: int = GROUP_ARTICLES,
        reference_date: RefDate = None,
    ) -> Iterator[ArticleExtraction]:
        """Extract from many articles, in input order.

        Items are texts, or dicts ``{"text": ..., "id": ..., "published": ...}``.
        With ``n_process > 1`` worker processes each load the patterns once.
        Articles are extracted in groups (:data:`GROUP_ARTICLES`), one stage at a time over
        the group, which is faster than one :meth:`extract` after another; the results are
        the same.
        """
        items = (_as_item(t, reference_date) for t in texts)
        if n_process <= 1:
            for group in _item_groups(items):
                yield from self._extract_group([_args(item) for item in group])
            return
        import multiprocessing as mp

        ctx = mp.get_context("spawn" if _forbid_fork() else None)
        # a task is a group of articles; ``chunksize`` articles go to a worker at a time
        per_task = max(1, chunksize // GROUP_ARTICLES)
        with ctx.Pool(n_process, initializer=_worker_init, initargs=(self.extra_patterns,)) as pool:
            for results in pool.imap(_worker_extract_group, _item_groups(items), chunksize=per_task):
                yield from results


def groups(items: Iterable[_T], chars: Callable[[_T], int]) -> Iterator[list[_T]]:
    """Consecutive items in groups of at most :data:`GROUP_ARTICLES` articles and about
    :data:`GROUP_CHARS` characters (``chars``: an item's length), the way
    :meth:`Extractor.extract_many`, the batch workers and ``nlp.pipe`` group articles."""
    group: list[_T] = []
    size = 0
    for item in items:
        group.append(item)
        size += chars(item)
        if len(group) >= GROUP_ARTICLES or size >= GROUP_CHARS:
            yield group
            group, size = [], 0
    if group:
        yield group


def _item_groups(items: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    """:func:`groups` of :meth:`Extractor.extract_many`'s items; an item without "text" is
    a group of its own, so that its KeyError comes after the results before it."""
    for has_text, run in itertools.groupby(items, key=lambda item: "text" in item):
        if has_text:
            yield from groups(run, _text_chars)
        else:
            yield from ([item] for item in run)


def _text_chars(item: dict[str, Any]) -> int:
    text = item["text"]
    return len(text) if isinstance(text, (str, bytes)) else 0


def _args(item: dict[str, Any]) -> tuple[Any, Optional[str], RefDate, RefDate]:
    """:meth:`Extractor.extract`'s arguments for an item of :meth:`Extractor.extract_many`."""
    return item["text"], item.get("id"), item.get("reference_date"), item.get("published")


#: Sort key of records by their span: (start, end).
_by_span = attrgetter("span.start", "span.end")


def _forbid_fork() -> bool:
    import sys

    return sys.platform == "darwin"


def _iso(given: RefDate, parsed: datetime) -> str:
    if isinstance(given, str):
        return given
    if isinstance(given, datetime):
        return given.isoformat()
    return parsed.date().isoformat()


def _as_item(t: str | bytes | dict[str, Any], reference_date: RefDate) -> dict[str, Any]:
    if isinstance(t, dict):
        item = dict(t)
        item.setdefault("reference_date", reference_date)
        return item
    return {"text": t, "reference_date": reference_date}


_WORKER: Optional[Extractor] = None


def _worker_init(extra: list[str]) -> None:
    global _WORKER
    _WORKER = Extractor(extra)


def _worker_extract_group(group: list[dict[str, Any]]) -> list[ArticleExtraction]:
    assert _WORKER is not None
    return _WORKER._extract_group([_args(item) for item in group])


_DEFAULT: Optional[Extractor] = None


def default_extractor() -> Extractor:
    """A process-wide Extractor with the built-in patterns (loaded on first use)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Extractor()
    return _DEFAULT


def extract(
    text: str | bytes,
    article_id: Optional[str] = None,
    reference_date: RefDate = None,
    *,
    published: RefDate = None,
) -> ArticleExtraction:
    """Extract from one article with the built-in patterns. See :meth:`Extractor.extract`."""
    return default_extractor().extract(text, article_id, reference_date, published=published)
