"""Flat tables of ArticleExtraction records: CSV and Parquet for research datasets.

One article gives rows in seven tables (:data:`TABLES`), each with the
columns of :data:`COLUMNS` in that order:

- every row carries ``article_id``; record rows carry the record's ``id``
  (``off-1``, ``ag-1`` from the records; ``q-1``, ``tg-1``, ``d-1``, ``qt-1``
  numbered here, in the order of the article's lists);
- links are ids: ``officials.agency_id`` → ``agencies.id``,
  ``quotes.speaker_id`` → ``officials.id``, ``targets.owner_agency_id`` →
  ``agencies.id``, ``targets.target_quantity_id`` / ``achieved_quantity_id``
  → ``quantities.id``, ``targets.as_of_date_id`` → ``dates.id`` (always
  together with ``article_id``: ids are unique within one article);
- a span becomes ``start``, ``end`` (character offsets into the decoded
  article, end exclusive) and ``span_text``;
- a list becomes a JSON array in a string (``["Imam Yuda Saputra"]``,
  ``[]`` when empty); mentions are ``[[start, end, "text"], ...]``;
- null is an empty CSV field and a Parquet null; booleans are ``true`` /
  ``false`` in CSV.

:func:`rows` is the single source of truth: the batch command, the Dask
integration and anyone else who writes tables go through it and
:class:`TableWriter`, so tables made by different routes are identical.
docs/datasets.md documents every column.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional

from .errors import MissingExtra
from .models import ArticleExtraction

#: Table names, in the order they are written.
TABLES = ("articles", "officials", "agencies", "quantities", "targets", "dates", "quotes")

_SPAN = ("start", "end", "span_text")

#: Column names of each table, in order. Types: see :data:`TYPES`.
COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": (
        "article_id", "schema_version", "extractor_version", "content_hash", "title",
        "published", "outlet", "authors", "editors", "section", "dateline_location",
        "cited_sources", "n_officials", "n_agencies", "n_quantities", "n_targets", "n_dates",
        "n_quotes", "warnings",
    ),
    "officials": (
        "article_id", "id", "name", "honorifics", "position", "position_canonical", "agency_id",
        "region", "n_mentions", "mentions", *_SPAN, "rule",
    ),
    "agencies": (
        "article_id", "id", "name", "acronym", "aliases", "kind", "level", "region", "inferred",
        "n_mentions", "mentions", *_SPAN, "rule",
    ),
    "quantities": (
        "article_id", "id", "value", "range_end", "unit", "kind", "approximate", "comparator",
        "text", *_SPAN, "rule",
    ),
    "targets": (
        "article_id", "id", "metric",
        "target_value", "target_unit", "target_text", "target_start", "target_end",
        "target_quantity_id",
        "achieved_value", "achieved_unit", "achieved_text", "achieved_start", "achieved_end",
        "achieved_quantity_id",
        "achievement_rate",
        "as_of_value", "as_of_text", "as_of_start", "as_of_end", "as_of_date_id",
        "owner_agency_id", "region", *_SPAN, "rule",
    ),
    "dates": (
        "article_id", "id", "text", "value", "value_end", "granularity", "kind", "role", *_SPAN,
        "rule",
    ),
    "quotes": (
        "article_id", "id", "speaker_id", "speaker", "text", "verb", "direct", *_SPAN, "rule",
    ),
}

_INT = {"start", "end", "n_mentions", "target_start", "target_end", "achieved_start",
        "achieved_end", "as_of_start", "as_of_end", "n_officials", "n_agencies",
        "n_quantities", "n_targets", "n_dates", "n_quotes"}
_FLOAT = {"value", "range_end", "target_value", "achieved_value", "achievement_rate"}
_BOOL = {"inferred", "approximate", "direct"}

#: Column type of every column: ``string``, ``int``, ``float`` or ``bool``.
TYPES: dict[str, dict[str, str]] = {
    t: {c: ("int" if c in _INT else "float" if c in _FLOAT and not (t == "dates" and c == "value")
            else "bool" if c in _BOOL else "string") for c in cols}
    for t, cols in COLUMNS.items()
}


def _j(values: Iterable[Any]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def _span(d: Optional[Mapping[str, Any]], prefix: str = "") -> dict[str, Any]:
    """``start``, ``end``, ``span_text`` of a span; with a prefix only ``<p>start``, ``<p>end``."""
    if prefix:
        return {f"{prefix}start": d["start"] if d else None, f"{prefix}end": d["end"] if d else None}
    if d is None:
        return {"start": None, "end": None, "span_text": None}
    return {"start": d["start"], "end": d["end"], "span_text": d["text"]}


def _mentions(ms: list[Mapping[str, Any]]) -> str:
    return _j([m["start"], m["end"], m["text"]] for m in ms)


def _key(span: Mapping[str, Any]) -> tuple[int, int]:
    return (span["start"], span["end"])


def rows(result: ArticleExtraction | Mapping[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The rows of every table for one article: ``{table: [row, ...]}``.

    ``result`` is an :class:`ArticleExtraction` or its JSON form (a line of
    articles.jsonl after ``json.loads``); both give the same rows. Each row is
    a dict with the keys of ``COLUMNS[table]`` in order.
    """
    d: Mapping[str, Any] = (result.model_dump(mode="json")
                            if isinstance(result, ArticleExtraction) else result)
    aid = d["article_id"]
    meta = d.get("meta") or {}
    out: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}

    out["articles"].append({
        "article_id": aid,
        "schema_version": d.get("schema_version"),
        "extractor_version": d.get("extractor_version"),
        "content_hash": d.get("content_hash") or None,
        "title": meta.get("title"),
        "published": meta.get("published"),
        "outlet": meta.get("outlet"),
        "authors": _j(meta.get("authors") or []),
        "editors": _j(meta.get("editors") or []),
        "section": meta.get("section"),
        "dateline_location": meta.get("dateline_location"),
        "cited_sources": _j(meta.get("cited_sources") or []),
        "n_officials": len(d.get("officials") or []),
        "n_agencies": len(d.get("agencies") or []),
        "n_quantities": len(d.get("quantities") or []),
        "n_targets": len(d.get("targets") or []),
        "n_dates": len(d.get("dates") or []),
        "n_quotes": len(d.get("quotes") or []),
        "warnings": _j(d.get("warnings") or []),
    })

    for o in d.get("officials") or []:
        out["officials"].append({
            "article_id": aid, "id": o["id"], "name": o.get("name"),
            "honorifics": _j(o.get("honorifics") or []), "position": o.get("position"),
            "position_canonical": o.get("position_canonical"), "agency_id": o.get("agency_id"),
            "region": o.get("region"), "n_mentions": len(o.get("mentions") or []),
            "mentions": _mentions(o.get("mentions") or []), **_span(o.get("span")),
            "rule": o.get("rule") or None,
        })

    for a in d.get("agencies") or []:
        out["agencies"].append({
            "article_id": aid, "id": a["id"], "name": a.get("name"), "acronym": a.get("acronym"),
            "aliases": _j(a.get("aliases") or []), "kind": a.get("kind"), "level": a.get("level"),
            "region": a.get("region"), "inferred": bool(a.get("inferred")),
            "n_mentions": len(a.get("mentions") or []),
            "mentions": _mentions(a.get("mentions") or []), **_span(a.get("span")),
            "rule": a.get("rule") or None,
        })

    q_ids: dict[tuple[int, int], str] = {}
    for i, q in enumerate(d.get("quantities") or [], 1):
        qid = f"q-{i}"
        q_ids.setdefault(_key(q["span"]), qid)
        out["quantities"].append({
            "article_id": aid, "id": qid, "value": _num(q.get("value")),
            "range_end": _num(q.get("range_end")), "unit": q.get("unit"), "kind": q.get("kind"),
            "approximate": bool(q.get("approximate")), "comparator": q.get("comparator"),
            "text": q.get("text"), **_span(q["span"]), "rule": q.get("rule") or None,
        })

    d_ids: dict[tuple[int, int], str] = {}
    for i, dm in enumerate(d.get("dates") or [], 1):
        did = f"d-{i}"
        d_ids.setdefault(_key(dm["span"]), did)
        out["dates"].append({
            "article_id": aid, "id": did, "text": dm.get("text"), "value": dm.get("value"),
            "value_end": dm.get("end"), "granularity": dm.get("granularity"),
            "kind": dm.get("kind"), "role": dm.get("role"), **_span(dm["span"]),
            "rule": dm.get("rule") or None,
        })

    for i, t in enumerate(d.get("targets") or [], 1):
        tq, aq, asof = t["target"], t.get("achieved"), t.get("as_of")
        out["targets"].append({
            "article_id": aid, "id": f"tg-{i}", "metric": t.get("metric"),
            "target_value": _num(tq.get("value")), "target_unit": tq.get("unit"),
            "target_text": tq.get("text"), **_span(tq["span"], "target_"),
            "target_quantity_id": q_ids.get(_key(tq["span"])),
            "achieved_value": _num(aq.get("value")) if aq else None,
            "achieved_unit": aq.get("unit") if aq else None,
            "achieved_text": aq.get("text") if aq else None,
            **_span(aq["span"] if aq else None, "achieved_"),
            "achieved_quantity_id": q_ids.get(_key(aq["span"])) if aq else None,
            "achievement_rate": _num(t.get("achievement_rate")),
            "as_of_value": asof.get("value") if asof else None,
            "as_of_text": asof.get("text") if asof else None,
            **_span(asof["span"] if asof else None, "as_of_"),
            "as_of_date_id": d_ids.get(_key(asof["span"])) if asof else None,
            "owner_agency_id": t.get("owner_agency_id"), "region": t.get("region"),
            **_span(t["span"]), "rule": t.get("rule") or None,
        })

    for i, qu in enumerate(d.get("quotes") or [], 1):
        out["quotes"].append({
            "article_id": aid, "id": f"qt-{i}", "speaker_id": qu.get("speaker_id"),
            "speaker": qu.get("speaker"), "text": qu.get("text"), "verb": qu.get("verb"),
            "direct": bool(qu.get("direct")), **_span(qu["span"]), "rule": qu.get("rule") or None,
        })

    # keep the documented column order whatever the order of the dict literals above
    return {t: [{c: r.get(c) for c in COLUMNS[t]} for r in rs] for t, rs in out.items()}


def _num(v: Any) -> Optional[float | int]:
    return v if isinstance(v, (int, float)) and not isinstance(v, bool) else None


# ---------------------------------------------------------------------------- writers


def require_pyarrow() -> Any:
    """``pyarrow`` (and ``pyarrow.parquet``), or :class:`MissingExtra` with the install hint."""
    try:
        import pyarrow  # type: ignore[import-untyped]
        import pyarrow.parquet  # type: ignore[import-untyped]  # noqa: F401
    except ImportError:
        raise MissingExtra("pyarrow", "parquet") from None
    return pyarrow


def arrow_schema(table: str) -> Any:
    """The pyarrow schema of one table (needs the ``parquet`` extra)."""
    pa = require_pyarrow()
    kinds = {"string": pa.string(), "int": pa.int64(), "float": pa.float64(),
             "bool": pa.bool_()}
    return pa.schema([(c, kinds[TYPES[table][c]]) for c in COLUMNS[table]])


def _csv_cell(v: Any) -> Any:
    if v is None:
        return ""
    if v is True:
        return "true"
    if v is False:
        return "false"
    return v


class TableWriter:
    """Streams rows into the seven tables of one folder, atomically.

    Files are written as ``<name>.<ext>.tmp`` and moved into place by
    :meth:`close`; :meth:`abort` removes them. Memory is bounded: CSV rows go
    straight to disk, Parquet rows are flushed every ``batch_rows`` rows.

    >>> with TableWriter(folder, "csv") as w:       # doctest: +SKIP
    ...     for result in results:
    ...         w.add(result)
    """

    def __init__(self, folder: str | Path, fmt: str = "csv", *, batch_rows: int = 20_000) -> None:
        if fmt not in ("csv", "parquet"):
            raise ValueError(f"unknown table format {fmt!r} (csv or parquet)")
        self.folder = Path(folder)
        self.fmt = fmt
        self.batch_rows = batch_rows
        self._pa = require_pyarrow() if fmt == "parquet" else None
        self.folder.mkdir(parents=True, exist_ok=True)
        self._files: dict[str, Any] = {}
        self._writers: dict[str, Any] = {}
        self._buffers: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
        self.counts: dict[str, int] = {t: 0 for t in TABLES}
        for t in TABLES:
            tmp = self._tmp(t)
            if fmt == "csv":
                f = open(tmp, "w", encoding="utf-8", newline="")
                w = csv.writer(f, lineterminator="\n")
                w.writerow(COLUMNS[t])
                self._files[t], self._writers[t] = f, w
            else:
                import pyarrow.parquet as pq

                self._writers[t] = pq.ParquetWriter(tmp, arrow_schema(t), compression="zstd")

    def _tmp(self, table: str) -> Path:
        return self.folder / f"{table}.{self.fmt}.tmp"

    def add(self, result: ArticleExtraction | Mapping[str, Any]) -> None:
        """Append the rows of one article."""
        self.add_rows(rows(result))

    def add_rows(self, table_rows: Mapping[str, list[dict[str, Any]]]) -> None:
        """Append rows made by :func:`rows` (possibly of several articles)."""
        for t, rs in table_rows.items():
            if not rs:
                continue
            self.counts[t] += len(rs)
            if self.fmt == "csv":
                w = self._writers[t]
                for r in rs:
                    w.writerow([_csv_cell(v) for v in r.values()])
            else:
                buf = self._buffers[t]
                buf.extend(rs)
                if len(buf) >= self.batch_rows:
                    self._flush(t)

    def _flush(self, table: str) -> None:
        buf = self._buffers[table]
        if not buf or self._pa is None:
            return
        batch = self._pa.Table.from_pylist(buf, schema=arrow_schema(table))
        self._writers[table].write_table(batch)
        buf.clear()

    def close(self) -> dict[str, Path]:
        """Finish every file and move it into place; returns {table: path}."""
        paths: dict[str, Path] = {}
        for t in TABLES:
            if self.fmt == "csv":
                f = self._files[t]
                f.flush()
                os.fsync(f.fileno())
                f.close()
            else:
                self._flush(t)
                self._writers[t].close()
            final = self.folder / f"{t}.{self.fmt}"
            os.replace(self._tmp(t), final)
            paths[t] = final
        return paths

    def abort(self) -> None:
        """Drop the temporary files."""
        for t in TABLES:
            try:
                if self.fmt == "csv":
                    self._files[t].close()
                else:
                    self._writers[t].close()
            except Exception:  # noqa: BLE001 — best effort while cleaning up
                pass
            self._tmp(t).unlink(missing_ok=True)

    def __enter__(self) -> "TableWriter":
        return self

    def __exit__(self, exc_type: Any, *rest: Any) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()


def write_tables(results: Iterable[ArticleExtraction | Mapping[str, Any]], folder: str | Path,
                 fmt: str = "csv") -> dict[str, Path]:
    """Write the seven tables of ``results`` (streamed) into ``folder``."""
    with TableWriter(folder, fmt) as w:
        for r in results:
            w.add(r)
    return {t: Path(folder) / f"{t}.{fmt}" for t in TABLES}


def from_jsonl(jsonl: str | Path, folder: str | Path, fmt: str = "csv") -> dict[str, Path]:
    """Tables from an ``articles.jsonl`` file, in its line order (streamed)."""
    def results() -> Iterable[Mapping[str, Any]]:
        with open(jsonl, "rb") as f:
            for raw in f:
                if raw.strip():
                    yield json.loads(raw)

    return write_tables(results(), folder, fmt)


def to_csv_string(table: str, table_rows: list[dict[str, Any]]) -> str:
    """One table as CSV text (header included), as the writer would put it on disk."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS[table])
    for r in table_rows:
        w.writerow([_csv_cell(v) for v in r.values()])
    return buf.getvalue()
