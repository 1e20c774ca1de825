"""Extraction beyond one machine: a ``dask.bag`` of articles in, partitioned tables out.

Needs the ``dask`` extra (``pip install 'ektp-extract[dask]'``)::

    from distributed import Client
    from ektp_extract import dask as ektp_dask

    client = Client("tcp://scheduler:8786")          # or no client: local processes
    report = ektp_dask.run(["/data/corpus/"], "/data/out", fmt="parquet")

The same code runs on a laptop (local scheduler) and on a cluster: inputs are
read by the workers (paths must be visible to them, e.g. a shared file
system), each worker process loads the patterns once, and every partition
writes its own files, so nothing is gathered on the client but counts.

Inputs and article ids are exactly those of ``ektp-extract run`` (the reader
of :mod:`ektp_extract.batch`): ``.txt`` / ``.md`` files (id = path relative to
the folder, without suffix), ``.json`` files and ``.jsonl`` shards (id = the
``id`` field, else ``<path>#<line>``); large ``.jsonl`` shards are cut into
segments at line ends. The rows of the tables come from
:func:`ektp_extract.tables.rows`, as in the batch command.

Output folder::

    articles/part-00000.jsonl    one ArticleExtraction per line (sorted by article_id in a part)
    errors/part-00000.jsonl      inputs that could not be processed (errors.jsonl lines)
    <table>/part-00000.csv       the seven tables of tables.TABLES (--format csv|parquet)
    _index/part-00000.jsonl      [article_id, path, line] of each article line (for duplicates)
    run.json                     counts, wall time, articles/s, options, versions

Read a table as one: ``pandas.read_parquet("out/officials")``,
``dask.dataframe.read_csv("out/officials/*.csv")``, or DuckDB
``SELECT * FROM 'out/officials/*.parquet'``. Rows are sorted by
``article_id`` within a part, not across parts.

An article id given by two inputs is kept once, from the first input in
(path, line) order, and the others are reported as ``duplicate_id`` errors —
the rule of ``ektp-extract run``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import threading
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional, Sequence

from ektp_extract import batch, tables
from ektp_extract.__about__ import SCHEMA_VERSION, __version__
from ektp_extract.errors import DecodeFailure, MissingExtra
from ektp_extract.extractor import Extractor
from ektp_extract.text import decode

#: A partition holds at most this many articles ...
PARTITION_ARTICLES = 256
#: ... and at most this many bytes of input.
PARTITION_BYTES = 16 * 1024 * 1024
#: Sub-folders of the output.
ARTICLES, ERRORS, INDEX = "articles", "errors", "_index"

__all__ = [
    "PARTITION_ARTICLES", "PARTITION_BYTES", "article_bag", "extract_bag", "plan",
    "records", "require_dask", "run", "worker_extractor", "write",
]


def require_dask() -> Any:
    """``dask.bag``, or :class:`~ektp_extract.errors.MissingExtra` with the install hint."""
    try:
        import dask  # noqa: F401  (the dask package: this module's imports are absolute)
        import dask.bag as db
    except ImportError:
        raise MissingExtra("dask[bag]", "dask") from None
    return db


# ---------------------------------------------------------------------------- inputs


def plan(
    source: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    globs: Sequence[str] = (),
    partition_articles: int = PARTITION_ARTICLES,
    partition_bytes: int = PARTITION_BYTES,
) -> tuple[list[list[tuple[str, batch.Item]]], list[dict[str, Any]]]:
    """The partitions of ``source`` (a folder, a file, or a list of them) and the walk errors.

    Each partition is a list of ``(root, item)``: ``item`` is a
    :class:`~ektp_extract.batch.Item` (a file or a segment of a ``.jsonl``
    shard) and ``root`` the folder its article ids are relative to (a folder
    given in ``source``, or the parent of a file given in it). Only file names
    and sizes are read here; the articles are read by the workers.
    """
    sources = [source] if isinstance(source, (str, os.PathLike)) else list(source)
    if not sources:
        raise batch.UsageError("no input given")
    units: list[tuple[str, batch.Item]] = []
    errs: list[dict[str, Any]] = []
    for s in sources:
        p = Path(s)
        if not p.exists():
            raise batch.UsageError(f"no such file or folder: {p}")
        items, walk_errs = batch.discover(p, globs)
        root = str(p if p.is_dir() else p.parent)
        units.extend((root, it) for it in items)
        errs.extend(walk_errs)
    parts: list[list[tuple[str, batch.Item]]] = []
    cur: list[tuple[str, batch.Item]] = []
    n = b = 0
    for root, it in units:
        if cur and (n + it.articles > partition_articles or b + it.size > partition_bytes):
            parts.append(cur)
            cur, n, b = [], 0, 0
        cur.append((root, it))
        n += it.articles
        b += it.size
    if cur:
        parts.append(cur)
    return parts, errs


def _read_partition(units: list[tuple[str, batch.Item]]) -> list[dict[str, Any]]:
    """The article dicts (and error records) of one partition. Runs on a worker."""
    out: list[dict[str, Any]] = []
    for root, item in units:
        errs: list[dict[str, Any]] = []
        for art in batch.read_item(Path(root), item, errs):
            out.append({"article_id": art.article_id, "path": art.rel, "line": art.line,
                        "text": art.payload, "published": art.published,
                        "truncated": art.truncated})
        out.extend(errs)
    return out


def article_bag(
    source: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    globs: Sequence[str] = (),
    partition_articles: int = PARTITION_ARTICLES,
    partition_bytes: int = PARTITION_BYTES,
) -> Any:
    """A ``dask.bag.Bag`` of the articles below ``source``, read lazily by the workers.

    Elements are dicts ``{"article_id", "path", "line", "text", "published",
    "truncated"}`` (``text`` is bytes for ``.txt`` / ``.md`` files, decoded by
    the extractor as the batch command does) and, for inputs that cannot be
    read, error records ``{"path", "line", "article_id", "error", "message"}``
    (the lines of ``errors.jsonl``).
    """
    db = require_dask()
    from dask.delayed import delayed as _delayed

    delayed: Callable[..., Any] = _delayed  # (dask leaves delayed unannotated)

    parts, walk_errs = plan(source, globs=globs, partition_articles=partition_articles,
                            partition_bytes=partition_bytes)
    pieces = [delayed(_read_partition)(p) for p in parts]
    if walk_errs:
        pieces.append(delayed(list)(walk_errs))
    if not pieces:
        return db.from_sequence([], npartitions=1)
    return db.from_delayed(pieces)


# ---------------------------------------------------------------------------- extraction

_EXTRACTORS: dict[tuple[tuple[str, ...], bool], Extractor] = {}
_LOCK = threading.Lock()


def worker_extractor(patterns: Sequence[str] = (), debug: bool = False) -> Extractor:
    """The :class:`Extractor` of this process for ``patterns``, loaded on first use.

    A Dask worker process keeps it for every later partition, so the patterns
    are loaded once per worker process, not once per task.
    """
    key = (tuple(str(p) for p in patterns), debug)
    ex = _EXTRACTORS.get(key)
    if ex is None:
        with _LOCK:
            ex = _EXTRACTORS.get(key)
            if ex is None:
                ex = _EXTRACTORS[key] = Extractor(list(key[0]), debug=debug)
    return ex


def _extract_partition(elements: Iterable[dict[str, Any]], patterns: Sequence[str],
                       debug: bool) -> list[dict[str, Any]]:
    """Extract every article dict of a partition; error records pass through."""
    ex = worker_extractor(patterns, debug)
    ctx = batch._Context(root="", spool="", gen=0, done={}, patterns=list(patterns),
                         debug=debug, extractor=ex)
    # each element's output (error records, or the article's) in order; the articles are
    # extracted together (batch._extract_arts: in groups, faster than one by one)
    slots: list[list[dict[str, Any]] | batch.Article] = []
    arts: list[batch.Article] = []
    for el in elements:
        if "error" in el:
            slots.append([el])
            continue
        aid = el.get("article_id", el.get("id"))
        path = str(el.get("path") or "")
        line = el.get("line")
        payload = el.get("text")
        if not isinstance(payload, (str, bytes)):
            slots.append([batch.error_record(path, "invalid_record", "expected a string field 'text'",
                                             line, aid)])
            continue
        published = el.get("published")
        if aid is None:  # a user's bag without ids: the extractor's default (content hash)
            aid = _default_id(payload)
        art = batch.Article(str(aid), path, line, payload, published or None,
                            bool(el.get("truncated")))
        slots.append(art)
        arts.append(art)
    done = iter(batch._extract_arts(ex, ctx, arts))
    out: list[dict[str, Any]] = []
    for slot in slots:
        if isinstance(slot, list):
            out.extend(slot)
            continue
        entry, errs = next(done)
        out.extend(errs)
        if entry is not None:
            out.append({"article_id": slot.article_id, "path": slot.rel, "line": slot.line,
                        "json": entry[2].decode("utf-8")})
    return out


def _default_id(payload: str | bytes) -> str:
    """The id :meth:`Extractor.extract` gives an article without one."""
    try:
        text = decode(payload).text
    except DecodeFailure:
        return ""
    return batch.content_hash(text)[:16]


def extract_bag(bag: Any, *, patterns: Sequence[str] = (), debug: bool = False) -> Any:
    """Extract every article of ``bag`` (from :func:`article_bag`, or your own dicts).

    Your own bag holds dicts with ``text`` (str or bytes) and optionally
    ``article_id`` (or ``id``), ``published``, ``path`` and ``line``; e.g.
    ``dask.bag.read_text("shards/*.jsonl").map(json.loads)``. Without an id
    the article gets the extractor's default (the first 16 hex digits of its
    sha256).

    Result elements are ``{"article_id", "path", "line", "json"}`` (``json``:
    the ArticleExtraction JSON line) or error records (a key ``"error"``).
    """
    require_dask()
    return bag.map_partitions(_extract_partition, list(map(str, patterns)), debug)


def records(results: Any) -> Any:
    """The ``ArticleExtraction`` objects of an :func:`extract_bag` result."""
    from ektp_extract.models import ArticleExtraction

    return results.filter(lambda el: "json" in el).map(
        lambda el: ArticleExtraction.model_validate_json(el["json"]))


# ---------------------------------------------------------------------------- writing


def _part_name(i: int) -> str:
    return f"part-{i:05d}"


def _atomic_lines(path: Path, lines: Iterable[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        for line in lines:
            f.write(line + "\n")
    os.replace(tmp, path)


def _write_tables(out: Path, fmt: str, name: str, article_lines: list[str]) -> dict[str, int]:
    """The seven table files of one part, via tables.TableWriter, moved into <table>/."""
    staging = out / f".{name}.tables"
    with tables.TableWriter(staging, fmt) as w:
        for line in article_lines:
            w.add(json.loads(line))
    for t in tables.TABLES:
        dest = out / t / f"{name}.{fmt}"
        dest.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staging / f"{t}.{fmt}", dest)
    shutil.rmtree(staging, ignore_errors=True)
    return dict(w.counts)


def _write_partition(elements: list[dict[str, Any]], out: str, fmt: str,
                     part: int) -> dict[str, Any]:
    """Write one partition's articles, index, errors and tables. Runs on a worker."""
    root, name = Path(out), _part_name(part)
    arts = sorted((el for el in elements if "json" in el),
                  key=lambda el: (el["article_id"], el["path"], el["line"] or 0))
    errs = sorted((el for el in elements if "error" in el), key=batch._error_key)
    _atomic_lines(root / ARTICLES / f"{name}.jsonl", (el["json"] for el in arts))
    _atomic_lines(root / INDEX / f"{name}.jsonl",
                  (json.dumps([el["article_id"], el["path"], el["line"] or 0],
                              ensure_ascii=False) for el in arts))
    err_path = root / ERRORS / f"{name}.jsonl"
    if errs:
        _atomic_lines(err_path, (json.dumps(e, ensure_ascii=False) for e in errs))
    else:
        err_path.unlink(missing_ok=True)
    rows = _write_tables(root, fmt, name, [el["json"] for el in arts]) if fmt != "jsonl" else {}
    return {"part": part, "done": len(arts), "failed": len(errs), "rows": rows,
            "bytes": sum(len(el["json"]) for el in arts)}


def _occurrences(out: str, part: int, dup_ids: frozenset[str]) -> list[tuple[str, str, int, int]]:
    """``(article_id, path, line, part)`` of the duplicated ids found in one part's index."""
    found = []
    path = Path(out) / INDEX / f"{_part_name(part)}.jsonl"
    with open(path, encoding="utf-8") as f:
        for raw in f:
            aid, rel, line = json.loads(raw)
            if aid in dup_ids:
                found.append((aid, rel, line, part))
    return found


def _drop_losers(out: str, fmt: str, part: int,
                 losers: list[tuple[str, str, int, str]]) -> int:
    """Remove the losing duplicates from one part and report them as duplicate_id errors."""
    root, name = Path(out), _part_name(part)
    drop = {(aid, rel, line) for aid, rel, line, _ in losers}
    with open(root / INDEX / f"{name}.jsonl", encoding="utf-8") as f:
        index = [tuple(json.loads(raw)) for raw in f]
    with open(root / ARTICLES / f"{name}.jsonl", encoding="utf-8") as f:
        lines = [raw.rstrip("\n") for raw in f]
    keep = [(k, ln) for k, ln in zip(index, lines) if k not in drop]
    _atomic_lines(root / ARTICLES / f"{name}.jsonl", (ln for _, ln in keep))
    _atomic_lines(root / INDEX / f"{name}.jsonl",
                  (json.dumps(list(k), ensure_ascii=False) for k, _ in keep))
    if fmt != "jsonl":
        _write_tables(root, fmt, name, [ln for _, ln in keep])
    errs = [batch.error_record(rel, "duplicate_id",
                               f"article_id {aid!r} already given by {where}", line or None, aid)
            for aid, rel, line, where in losers]
    err_path = root / ERRORS / f"{name}.jsonl"
    if err_path.exists():
        with open(err_path, encoding="utf-8") as f:
            errs.extend(json.loads(raw) for raw in f)
    errs.sort(key=batch._error_key)
    _atomic_lines(err_path, (json.dumps(e, ensure_ascii=False) for e in errs))
    return len(drop)


def _clear(out: Path, fmt: str) -> None:
    """Remove the parts of an earlier run into the same folder (stale parts would mix in)."""
    for sub in (ARTICLES, ERRORS, INDEX, *tables.TABLES):
        shutil.rmtree(out / sub, ignore_errors=True)
    for stale in out.glob(".part-*.tables"):
        shutil.rmtree(stale, ignore_errors=True)


def write(results: Any, out: str | os.PathLike[str], fmt: str = "csv", *,
          scheduler: Any = None) -> dict[str, Any]:
    """Compute ``results`` (from :func:`extract_bag`) into the folder ``out``, one file per part.

    ``fmt``: ``csv`` or ``parquet`` (articles and errors as JSONL plus the
    seven tables), or ``jsonl`` (no tables). ``scheduler`` is passed to
    ``dask.compute`` (``"processes"``, ``"threads"``, ``"sync"``, or a
    ``distributed.Client``); by default the active distributed client, else
    local processes. Returns the counts (also written to ``run.json``).
    """
    require_dask()
    from dask.base import compute as _compute
    from dask.delayed import delayed as _delayed

    compute: Callable[..., Any] = _compute  # (dask leaves compute and delayed unannotated)
    delayed: Callable[..., Any] = _delayed

    if fmt not in ("jsonl", "csv", "parquet"):
        raise batch.UsageError(f"unknown format {fmt!r} (jsonl, csv or parquet)")
    if fmt == "parquet":
        tables.require_pyarrow()
    if scheduler is None:
        scheduler = _default_scheduler()
    root = Path(out)
    root.mkdir(parents=True, exist_ok=True)
    _clear(root, fmt)
    parts = results.to_delayed(optimize_graph=False)  # share the keys with the ids below
    tasks = [delayed(_write_partition)(p, str(root), fmt, i) for i, p in enumerate(parts)]
    ids = results.filter(lambda el: "json" in el).pluck("article_id")
    dups = ids.frequencies().filter(lambda kv: kv[1] > 1)
    # unoptimised: the write tasks and the id count share each extracted partition
    stats, dup_counts = compute(tasks, dups, scheduler=scheduler, optimize_graph=False)

    dropped = 0
    if dup_counts:
        dup_ids = frozenset(aid for aid, _ in dup_counts)
        found = compute([delayed(_occurrences)(str(root), s["part"], dup_ids)
                              for s in stats if s["done"]], scheduler=scheduler)[0]
        by_id: dict[str, list[tuple[str, str, int, int]]] = {}
        for occ in (o for group in found for o in group):
            by_id.setdefault(occ[0], []).append(occ)
        losers: dict[int, list[tuple[str, str, int, str]]] = {}
        for aid, occs in by_id.items():
            occs.sort(key=lambda o: (o[1], o[2]))
            win = occs[0]
            where = f"{win[1]}#{win[2]}" if win[2] else win[1]
            for o in occs[1:]:
                losers.setdefault(o[3], []).append((aid, o[1], o[2], where))
        dropped = sum(compute([delayed(_drop_losers)(str(root), fmt, part, ls)
                                    for part, ls in sorted(losers.items())],
                                   scheduler=scheduler)[0])
    done = sum(s["done"] for s in stats) - dropped
    failed = sum(s["failed"] for s in stats) + dropped
    rows: dict[str, int] = {t: 0 for t in tables.TABLES} if fmt != "jsonl" else {}
    for s in stats:
        for t, n in s["rows"].items():
            rows[t] += n
    return {"partitions": len(stats), "counts": {"seen": done + failed, "done": done,
                                                 "failed": failed, "duplicates": dropped},
            "rows": rows if not dropped else _count_rows(root, fmt)}


def _default_scheduler() -> Any:
    """The active distributed client, else dask's configured scheduler, else local processes."""
    try:
        from distributed import default_client

        active: Callable[[], Any] = default_client  # (distributed leaves it unannotated)
        return active()
    except (ImportError, ValueError):
        pass
    import dask

    return dask.config.get("scheduler", None) or "processes"


def _count_rows(root: Path, fmt: str) -> dict[str, int]:
    """Rows per table, counted from the files (after duplicates were dropped)."""
    if fmt == "jsonl":
        return {}
    counts = {}
    for t in tables.TABLES:
        n = 0
        for p in sorted((root / t).glob(f"*.{fmt}")):
            if fmt == "csv":
                import csv

                with open(p, encoding="utf-8", newline="") as f:
                    n += sum(1 for _ in csv.reader(f)) - 1
            else:
                import pyarrow.parquet as pq  # type: ignore[import-untyped]  # (no type hints)

                n += pq.ParquetFile(p).metadata.num_rows
        counts[t] = n
    return counts


# ---------------------------------------------------------------------------- one call


def run(
    source: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    fmt: str = "csv",
    *,
    patterns: Sequence[str] = (),
    globs: Sequence[str] = (),
    scheduler: Any = None,
    partition_articles: int = PARTITION_ARTICLES,
    partition_bytes: int = PARTITION_BYTES,
    debug: bool = False,
) -> dict[str, Any]:
    """Read, extract and write: :func:`article_bag` → :func:`extract_bag` → :func:`write`.

    Writes ``run.json`` into ``out`` and returns the same dict. The exit-code
    rule of the batch command applies to ``report["counts"]["failed"]``.
    """
    t0 = time.perf_counter()
    started = datetime.now(timezone.utc).isoformat(timespec="seconds")
    for p in patterns:  # fail on a bad pattern directory here, not on every worker
        Extractor([str(p)])
    bag = article_bag(source, globs=globs, partition_articles=partition_articles,
                      partition_bytes=partition_bytes)
    results = extract_bag(bag, patterns=patterns, debug=debug)
    summary = write(results, out, fmt, scheduler=scheduler)
    wall = time.perf_counter() - t0
    srcs = [source] if isinstance(source, (str, os.PathLike)) else list(source)
    report: dict[str, Any] = {
        "status": "complete",
        "input": [str(s) for s in srcs],
        "out": str(out),
        **summary,
        "wall_seconds": round(wall, 3),
        "articles_per_second": round(summary["counts"]["done"] / wall, 1) if wall > 0 else 0.0,
        "started": started,
        "finished": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "options": {"format": fmt, "patterns": [str(p) for p in patterns], "glob": list(globs),
                    "partition_articles": partition_articles, "partition_bytes": partition_bytes,
                    "scheduler": _describe(scheduler)},
        "extractor_version": __version__,
        "schema_version": SCHEMA_VERSION,
        "python": platform.python_version(),
    }
    _atomic_lines(Path(out) / "run.json", [json.dumps(report, indent=2, ensure_ascii=False)])
    return report


def _describe(scheduler: Any) -> Optional[str]:
    if scheduler is None or isinstance(scheduler, str):
        return scheduler
    addr = getattr(scheduler, "scheduler", None)
    return str(getattr(addr, "address", None) or type(scheduler).__name__)


# ---------------------------------------------------------------------------- command line


def main(argv: Optional[Sequence[str]] = None) -> int:
    """``python -m ektp_extract.dask SOURCE... --out OUT [--scheduler ADDRESS]``."""
    p = argparse.ArgumentParser(prog="python -m ektp_extract.dask",
                                description="Extract every article below SOURCE with Dask.")
    p.add_argument("source", nargs="+", help="folders, article files or .jsonl shards")
    p.add_argument("--out", required=True, help="output folder")
    p.add_argument("--format", choices=("jsonl", "csv", "parquet"), default="csv")
    p.add_argument("--scheduler", default=None,
                   help="a distributed scheduler address (tcp://host:8786), or processes, "
                        "threads, sync (default: local processes)")
    p.add_argument("--patterns", action="append", default=[], help="extra pattern directory")
    p.add_argument("--glob", action="append", default=[], help="keep inputs matching this")
    p.add_argument("--partition-articles", type=int, default=PARTITION_ARTICLES)
    p.add_argument("--debug", action="store_true")
    args = p.parse_args(argv)
    client = None
    scheduler: Any = args.scheduler
    try:
        if scheduler and "://" in scheduler:
            try:
                from distributed import Client
            except ImportError:
                raise MissingExtra("distributed", "dask") from None
            connect: Callable[[str], Any] = Client  # (distributed leaves Client unannotated)
            client = connect(scheduler)
            scheduler = client
        report = run(args.source, args.out, args.format, patterns=args.patterns,
                     globs=args.glob, scheduler=scheduler,
                     partition_articles=args.partition_articles, debug=args.debug)
    except (MissingExtra, batch.UsageError) as exc:
        print(f"ektp_extract.dask: {exc}", file=sys.stderr)
        return 2
    finally:
        if client is not None:
            client.close()
    c = report["counts"]
    print(f"{c['seen']} articles seen, {c['done']} extracted, {c['failed']} failed in "
          f"{report['wall_seconds']:.1f} s ({report['articles_per_second']:.0f} articles/s, "
          f"{report['partitions']} partitions) → {args.out}", file=sys.stderr)
    return 1 if c["failed"] else 0


if __name__ == "__main__":
    # Run the imported module's main, so that the functions shipped to workers are
    # referenced as ektp_extract.dask.* rather than pickled by value from __main__.
    from ektp_extract.dask import main as _main

    sys.exit(_main())
