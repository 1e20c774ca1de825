"""The facade: load patterns once, run the stages, assemble one ArticleExtraction."""

from __future__ import annotations

import hashlib
import traceback
from datetime import date, datetime
from operator import attrgetter
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Sequence

from . import errors
from .document import Document
from .errors import DecodeFailure
from .lexicon import Lexicon, load_lexicon
from .models import ArticleExtraction, DateMention, new_result
from .text import Mask, blank_html, decode, looks_like_html, normalise

#: Inputs longer than this are cut (with a warning) so one huge file cannot stall a batch.
MAX_CHARS = 5_000_000

RefDate = str | date | datetime | None


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
        warnings: list[str] = []
        try:
            dec = decode(text)
        except DecodeFailure as exc:
            res = ArticleExtraction(article_id=article_id or "")
            res.warnings.append(f"[W008] {exc}")
            return res
        source = dec.text
        if dec.warnings:
            warnings.extend(errors.W_ENCODING.format(message=w) for w in dec.warnings)
        utf8 = source.encode("utf-8", "surrogatepass")
        digest = hashlib.sha256(utf8).hexdigest()
        # equal to ArticleExtraction(article_id=..., content_hash=digest), without validation
        res = new_result(article_id if article_id is not None else digest[:16], digest)
        if not source.strip():
            res.warnings.append(errors.W_EMPTY)
            return res
        try:
            self._run(source, res, warnings, reference_date, published, utf8)
        except Exception as exc:  # noqa: BLE001 — extract() never raises on text
            warnings.append(errors.W_STAGE.format(stage="prepare", error=type(exc).__name__))
            if self.debug:
                traceback.print_exc()
        # res.warnings = warnings, as pydantic sets a field without validate_assignment
        res.__dict__["warnings"] = warnings
        res.__pydantic_fields_set__.add("warnings")
        return res

    def _run(
        self,
        source: str,
        res: ArticleExtraction,
        warnings: list[str],
        reference_date: RefDate,
        published: RefDate,
        utf8: Optional[bytes] = None,
    ) -> None:
        doc, pub_override = self._document(source, warnings, reference_date, published, utf8)
        for name, stage in self.stages:
            try:
                stage(doc)
            except Exception as exc:  # noqa: BLE001 — a failing stage costs only its records
                warnings.append(errors.W_STAGE.format(stage=name, error=type(exc).__name__))
                if self.debug:
                    traceback.print_exc()
            if name == "meta" and pub_override is not None:
                doc.meta.published = _iso(published, pub_override)
        self._assemble(doc, res)

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
        chunksize: int = 16,
        reference_date: RefDate = None,
    ) -> Iterator[ArticleExtraction]:
        """Extract from many articles, in input order.

        Items are texts, or dicts ``{"text": ..., "id": ..., "published": ...}``.
        With ``n_process > 1`` worker processes each load the patterns once.
        """
        items = (_as_item(t, reference_date) for t in texts)
        if n_process <= 1:
            for item in items:
                yield self.extract(item["text"], item.get("id"), item.get("reference_date"),
                                   published=item.get("published"))
            return
        import multiprocessing as mp

        ctx = mp.get_context("spawn" if _forbid_fork() else None)
        with ctx.Pool(n_process, initializer=_worker_init, initargs=(self.extra_patterns,)) as pool:
            yield from pool.imap(_worker_extract, items, chunksize=chunksize)


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


def _worker_extract(item: dict[str, Any]) -> ArticleExtraction:
    assert _WORKER is not None
    return _WORKER.extract(item["text"], item.get("id"), item.get("reference_date"),
                           published=item.get("published"))


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
