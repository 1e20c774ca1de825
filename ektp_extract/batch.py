"""Batch runs: a folder of articles in, ``articles.jsonl`` (and tables) out.

``run(root, out, ...)`` finds every ``.txt`` / ``.md`` / ``.json`` / ``.jsonl``
article below ``root``, extracts them in worker processes and writes into the
directory ``out``::

    articles.jsonl   one ArticleExtraction per line, sorted by article_id
    errors.jsonl     one line per input that could not be processed
    run.json         counts, wall time, articles/s, options, versions
    *.csv|*.parquet  flat tables (--format csv|parquet), see tables.py
    .ektp-spool/     work in progress; gone after a run that finished

How nothing gets lost and memory stays flat:

- Inputs are cut into *chunks* (at most ``CHUNK_ARTICLES`` articles or
  ``CHUNK_BYTES`` of input). A worker extracts one chunk, sorts its lines by
  article id and writes them to a *part file* in the spool with
  ``os.replace``: a part is complete or absent, never half written. A run
  killed by SIGKILL keeps every finished chunk; the chunks in flight are done
  again by ``--resume``.
- The parent only counts. At the end it merges the sorted parts (and, with
  ``--resume``, the previous ``articles.jsonl``) with a k-way merge into
  ``articles.jsonl``, written to a temporary file and moved into place. No
  result is ever held in memory beyond one chunk, so the output and its order
  do not depend on the number of workers, and ``--jobs 1`` and ``--jobs 2``
  give byte-identical files.
- On SIGINT / SIGTERM the workers finish their chunk, the parent merges what
  is done, marks ``run.json`` as interrupted and exits with 130.
- ``--resume`` reads what is in ``out`` (``articles.jsonl`` plus the parts of
  a killed run), repairs a truncated last line, and skips every article whose
  id, content hash and extractor version are already there. Inputs that
  failed are tried again.

``discover``, ``read_item``, ``Item``, ``Article``, ``error_record``,
``content_hash``, ``_Context``, ``_extract_arts`` and ``_error_key`` are also
used by :mod:`ektp_extract.dask`, so that both routes read, name and report
articles the same way: keep their signatures.

Part lines are ``KEY<TAB>JSON``; ``KEY`` is the JSON list
``[article_id, relpath, line, generation, kind, content_hash, version]``
(kind ``a`` = an extraction, ``s`` = "unchanged, keep the previous line").
Each run that writes into the spool is a new *generation*: for one id the
current run wins over older runs, which win over the previous
``articles.jsonl``.
"""

from __future__ import annotations

import contextlib
import hashlib
import heapq
import itertools
import json
import os
import platform
import re
import shutil
import signal
import sys
import time
import traceback
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from fnmatch import fnmatchcase
from pathlib import Path
from typing import IO, Any, Iterable, Iterator, Optional, Sequence

from .__about__ import SCHEMA_VERSION, __version__
from .errors import DecodeFailure, EktpError
from .extractor import Extractor, groups
from .models import ArticleExtraction
from .text import decode

#: Input suffixes and how they are read.
SUFFIXES = {".txt": "text", ".md": "text", ".json": "json", ".jsonl": "jsonl"}
#: Text files larger than this are cut (warning W003); SPEC §7 "oversized".
MAX_FILE_BYTES = 5_000_000
#: A ``.json`` file or one ``.jsonl`` line larger than this is refused.
MAX_JSON_BYTES = 64 * 1024 * 1024
#: Chunk limits: one chunk is the unit of work and of loss on SIGKILL.
CHUNK_ARTICLES = 64
CHUNK_BYTES = 4 * 1024 * 1024
#: A ``.jsonl`` file is cut into segments of about this size (at line ends).
SEGMENT_BYTES = 256 * 1024
#: At most this many part files are merged at once (open file handles).
FANIN = 128
SPOOL = ".ektp-spool"
LOCK = ".ektp-lock"
FRESH = "FRESH"

#: The ``error`` values of errors.jsonl.
ERROR_KINDS = (
    "unreadable",  # the file or folder cannot be opened or read (permissions, I/O)
    "empty",  # no text at all (0 bytes, only whitespace, or an empty "text" field)
    "binary",  # NUL bytes or control characters: not a text file
    "undecodable",  # a byte-order mark announces an encoding the bytes do not follow
    "invalid_json",  # a .json file or .jsonl line that is not JSON
    "invalid_record",  # JSON that is not an object with a string "text"
    "too_large",  # a .json file or .jsonl line over MAX_JSON_BYTES
    "duplicate_id",  # another input already gave this article_id
    "crashed",  # the worker process died on this input
    "internal",  # an unexpected error (a bug: please report it)
)

VERSION = f"{SCHEMA_VERSION}/{__version__}"

#: A short article of every kind, extracted once in the parent before the
#: workers are forked: the stages compile their regexes on first use, and
#: doing it once there saves each worker that time (fork shares the result).
WARMUP = (
    "Nasional\nRabu, 20 Maret 2019 10:00 WIB\n\nPerekaman KTP-el di Kota Contoh\n\n"
    "Kota Contoh (ANTARA) - Kepala Dinas Kependudukan dan Pencatatan Sipil (Disdukcapil) "
    "Kota Contoh, Drs. Budi Santoso, M.Si, mengatakan sebanyak 12.345 warga atau 95,5 persen "
    "sudah merekam KTP elektronik per Februari 2019 dari target 13.000 orang. "
    "\"Kami menargetkan semua warga sudah merekam pada April 2019,\" ujar Budi, Senin (18/3).\n"
)
#: Warning added to an article whose file was cut at MAX_FILE_BYTES.
W_FILE_TRUNCATED = "[W003] file larger than {limit} bytes; only the first {limit} bytes were read"


class UsageError(EktpError):
    """Bad arguments to a run (exit code 2)."""


# ---------------------------------------------------------------------------- discovery


@dataclass(frozen=True, slots=True)
class Item:
    """A unit of input: one file, or one segment of a ``.jsonl`` file."""

    rel: str  # path relative to the root, '/'-separated, printable
    raw: str  # the same path as the file system spells it (for opening)
    kind: str  # text | json | jsonl
    size: int  # bytes of input in this item
    articles: int = 1  # articles it holds (lines of a .jsonl segment)
    start: int = 0  # byte range of a .jsonl segment
    end: int = 0
    first_line: int = 1  # line number of the segment's first line


_SURROGATE = re.compile("[\ud800-\udfff]")


def _printable(s: str) -> str:
    """``s`` with lone surrogates (undecodable file names, JSON escapes) replaced by U+FFFD.

    File names keep one U+FFFD per undecodable byte; in a text every surrogate
    becomes one U+FFFD, so character offsets do not move.
    """
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", s)


def error_record(path: str, error: str, message: str, line: Optional[int] = None,
                 article_id: Optional[str] = None) -> dict[str, Any]:
    """One line of errors.jsonl."""
    return {"path": path, "line": line, "article_id": article_id, "error": error,
            "message": message}


def discover(root: Path, globs: Sequence[str] = (), exclude: Sequence[Path] = ()
             ) -> tuple[list[Item], list[dict[str, Any]]]:
    """Every article input below ``root`` (or ``root`` itself when it is a file).

    Folders are walked in name order; hidden files and folders (``.name``) and
    the ``exclude`` folders are skipped. ``globs`` narrow the inputs: a relative
    path is kept when it matches any of them (``fnmatch``; ``*`` also matches
    ``/``). Returns the items and the errors met while walking.
    """
    found: list[tuple[str, str, int]] = []  # (raw rel, kind, size)
    errs: list[dict[str, Any]] = []
    if root.is_file():
        kind = SUFFIXES.get(root.suffix.lower())
        if kind is None:
            raise UsageError(f"not an article file (.txt, .md, .json, .jsonl): {root}")
        found.append((root.name, kind, root.stat().st_size))
        base = root.parent
    else:
        base = root
        skip = {os.path.realpath(p) for p in exclude}
        _walk(base, "", skip, found, errs)
    items: list[Item] = []
    for raw, kind, size in found:
        rel = _printable(raw)
        if globs and not any(fnmatchcase(rel, g) for g in globs):
            continue
        if kind == "jsonl":
            try:
                items.extend(_segments(base / raw, rel, raw, size))
            except OSError as exc:
                errs.append(error_record(rel, "unreadable", _os_message(exc)))
        else:
            items.append(Item(rel, raw, kind, size))
    return items, errs


def _walk(base: Path, rel: str, skip: set[str], found: list[tuple[str, str, int]],
          errs: list[dict[str, Any]]) -> None:
    folder = base / rel if rel else base
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        errs.append(error_record(_printable(rel or "."), "unreadable", _os_message(exc)))
        return
    for e in entries:
        if e.name.startswith("."):
            continue
        sub = f"{rel}/{e.name}" if rel else e.name
        try:
            if e.is_dir(follow_symlinks=False):
                if os.path.realpath(e.path) not in skip:
                    _walk(base, sub, skip, found, errs)
                continue
            kind = SUFFIXES.get(os.path.splitext(e.name)[1].lower())
            if kind is not None and e.is_file():
                found.append((sub, kind, e.stat().st_size))
        except OSError as exc:
            errs.append(error_record(_printable(sub), "unreadable", _os_message(exc)))


def _segments(path: Path, rel: str, raw: str, size: int) -> list[Item]:
    """Cut a .jsonl file into segments of about SEGMENT_BYTES, at line ends."""
    out: list[Item] = []
    line = 1
    pos = 0
    with open(path, "rb") as f:
        while pos < size:
            end = min(size, pos + SEGMENT_BYTES)
            f.seek(pos)
            block = f.read(end - pos)
            if end < size and not block.endswith(b"\n"):
                # extend to the end of the current line, in blocks
                while True:
                    more = f.read(65536)
                    if not more:
                        break
                    nl = more.find(b"\n")
                    if nl >= 0:
                        block += more[: nl + 1]
                        break
                    block += more
                end = pos + len(block)
            lines = block.count(b"\n") + (0 if block.endswith(b"\n") else 1)
            articles = sum(1 for ln in block.split(b"\n") if ln.strip())
            out.append(Item(rel, raw, "jsonl", end - pos, articles, pos, end, line))
            line += lines
            pos = end
    if not any(it.articles for it in out):  # no line at all: one item that reports it
        return [Item(rel, raw, "jsonl", 0, 1, 0, 0, 1)]
    return out


def chunks(items: Sequence[Item]) -> list[list[Item]]:
    """Consecutive items grouped into chunks of bounded article count and bytes."""
    out: list[list[Item]] = []
    cur: list[Item] = []
    n = b = 0
    for it in items:
        if cur and (n + it.articles > CHUNK_ARTICLES or b + it.size > CHUNK_BYTES):
            out.append(cur)
            cur, n, b = [], 0, 0
        cur.append(it)
        n += it.articles
        b += it.size
    if cur:
        out.append(cur)
    return out


def _os_message(exc: OSError) -> str:
    return exc.strerror or str(exc) or type(exc).__name__


# ---------------------------------------------------------------------------- reading


@dataclass(slots=True)
class Article:
    """One article read from an input, ready for the extractor."""

    article_id: str
    rel: str
    line: Optional[int]
    payload: str | bytes
    published: Optional[str] = None
    truncated: bool = False


def _id_from_path(rel: str) -> str:
    stem, ext = os.path.splitext(rel)
    return stem if ext.lower() in SUFFIXES else rel


def read_item(root: Path, item: Item, errs: list[dict[str, Any]]) -> Iterator[Article]:
    """The articles of one item; problems go to ``errs`` (never raises on bad input)."""
    path = root / item.raw
    if item.kind == "text":
        try:
            with open(path, "rb") as f:
                data = f.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            errs.append(error_record(item.rel, "unreadable", _os_message(exc)))
            return
        truncated = len(data) > MAX_FILE_BYTES
        if truncated:
            data = _cut_utf8(data, MAX_FILE_BYTES)
        yield Article(_id_from_path(item.rel), item.rel, None, data, truncated=truncated)
    elif item.kind == "json":
        if item.size > MAX_JSON_BYTES:
            errs.append(error_record(item.rel, "too_large",
                                     f"{item.size} bytes; the limit for a .json file is "
                                     f"{MAX_JSON_BYTES}"))
            return
        try:
            data = path.read_bytes()
        except OSError as exc:
            errs.append(error_record(item.rel, "unreadable", _os_message(exc)))
            return
        art = _from_json(data, item.rel, None, _id_from_path(item.rel), errs)
        if art is not None:
            yield art
    else:
        yield from _read_jsonl(path, item, errs)


def _read_jsonl(path: Path, item: Item, errs: list[dict[str, Any]]) -> Iterator[Article]:
    if item.size == 0 and item.end == 0:
        errs.append(error_record(item.rel, "empty", "the .jsonl file has no articles"))
        return
    stem = _id_from_path(item.rel)
    try:
        f = open(path, "rb")
    except OSError as exc:
        errs.append(error_record(item.rel, "unreadable", _os_message(exc)))
        return
    with f:
        f.seek(item.start)
        pos, line = item.start, item.first_line
        while pos < item.end:
            try:
                raw = f.readline(MAX_JSON_BYTES + 1)
            except OSError as exc:
                errs.append(error_record(item.rel, "unreadable", _os_message(exc), line))
                return
            if not raw:
                break
            pos += len(raw)
            if len(raw) > MAX_JSON_BYTES and not raw.endswith(b"\n"):
                errs.append(error_record(item.rel, "too_large",
                                         f"line longer than {MAX_JSON_BYTES} bytes", line))
                while raw and not raw.endswith(b"\n"):  # skip the rest of the line
                    raw = f.readline(65536)
                    pos += len(raw)
            elif raw.strip():
                art = _from_json(raw, item.rel, line, f"{stem}#{line}", errs)
                if art is not None:
                    yield art
            line += 1


def _from_json(data: bytes, rel: str, line: Optional[int], default_id: str,
               errs: list[dict[str, Any]]) -> Optional[Article]:
    try:
        obj = json.loads(data)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError and UnicodeDecodeError
        errs.append(error_record(rel, "invalid_json", str(exc)[:300], line))
        return None
    if not isinstance(obj, dict):
        errs.append(error_record(rel, "invalid_record",
                                 f"expected a JSON object, got {type(obj).__name__}", line))
        return None
    raw_id = obj.get("id")
    if isinstance(raw_id, str) and raw_id.strip():
        aid = raw_id
    elif isinstance(raw_id, int) and not isinstance(raw_id, bool):
        aid = str(raw_id)
    elif raw_id is None or raw_id == "":
        aid = default_id
    else:
        errs.append(error_record(rel, "invalid_record", "'id' must be a string or an integer",
                                 line))
        return None
    text = obj.get("text")
    if not isinstance(text, str):
        errs.append(error_record(rel, "invalid_record",
                                 "expected a string field 'text'" if text is None
                                 else f"'text' must be a string, got {type(text).__name__}",
                                 line, aid))
        return None
    published = obj.get("published")
    if published is not None and not isinstance(published, str):
        errs.append(error_record(rel, "invalid_record", "'published' must be an ISO 8601 string",
                                 line, aid))
        return None
    return Article(_printable(aid), rel, line, _printable(text), published or None)


def _cut_utf8(data: bytes, limit: int) -> bytes:
    """The first ``limit`` bytes, not splitting a UTF-8 sequence."""
    cut = limit
    while cut > limit - 4 and cut > 0 and (data[cut] & 0xC0) == 0x80:
        cut -= 1
    return data[:cut]


def content_hash(text: str) -> str:
    """sha256 of the decoded source text: the same value as ``ArticleExtraction.content_hash``."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


# ---------------------------------------------------------------------------- workers


@dataclass
class _Context:
    """What a worker needs; inherited on fork, pickled on spawn."""

    root: str
    spool: str
    gen: int
    done: dict[str, str]  # article_id → content hash of the line kept in OUT
    patterns: list[str]
    debug: bool
    extractor: Optional[Extractor] = None

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["extractor"] = None  # workers load their own
        return state


_CTX: Optional[_Context] = None


def _init_worker(ctx: _Context) -> None:
    global _CTX
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    _die_with_parent()
    if ctx.extractor is None:
        ctx.extractor = Extractor(ctx.patterns, debug=ctx.debug)
    _CTX = ctx


def _die_with_parent() -> None:
    """Linux: a worker gets SIGKILL when the parent dies (so no orphan keeps writing)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


@dataclass
class ChunkResult:
    seq: int
    seen: int = 0
    done: int = 0
    skipped: int = 0
    failed: int = 0


def process_chunk(seq: int, items: list[Item]) -> ChunkResult:
    """Extract one chunk and write its part files. Runs in a worker (or in-process)."""
    ctx = _CTX
    assert ctx is not None and ctx.extractor is not None
    ex = ctx.extractor
    root = Path(ctx.root)
    res = ChunkResult(seq)
    entries: list[tuple[str, str, int, bytes]] = []
    errs: list[dict[str, Any]] = []
    arts: list[Article] = []
    for item in items:
        read_errs: list[dict[str, Any]] = []
        arts.extend(read_item(root, item, read_errs))
        res.seen += len(read_errs)  # inputs that failed before an article could be read
        errs.extend(read_errs)
    res.seen += len(arts)
    for art, (entry, art_errs) in zip(arts, _extract_arts(ex, ctx, arts)):
        errs.extend(art_errs)
        if entry is None:
            continue
        kind, digest, payload = entry
        line = art.line or 0
        key = json.dumps([art.article_id, art.rel, line, ctx.gen, kind, digest, VERSION],
                         separators=(",", ":"))
        entries.append((art.article_id, art.rel, line, key.encode() + b"\t" + payload + b"\n"))
        if kind == "a":
            res.done += 1
        else:
            res.skipped += 1
    res.failed = len(errs)
    spool = Path(ctx.spool)
    if entries:
        entries.sort(key=lambda e: (e[0], e[1], e[2]))
        _write_atomic(spool / f"a-{ctx.gen:05d}-{seq:07d}.part", (e[3] for e in entries))
    if errs:
        _write_errors_part(spool, ctx.gen, seq, errs)
    return res


def _write_errors_part(spool: Path, gen: int, seq: int, errs: list[dict[str, Any]]) -> None:
    errs = sorted(errs, key=_error_key)
    _write_atomic(spool / f"e-{gen:05d}-{seq:07d}.part",
                  (json.dumps(e, ensure_ascii=False).encode() + b"\n" for e in errs))


def _extract_one(ex: Extractor, ctx: _Context, art: Article, errs: list[dict[str, Any]]
                 ) -> Optional[tuple[str, str, bytes]]:
    """(kind, hash, json) for one article, or None after recording an error."""
    wanted, entry = _check(ctx, art, errs)
    if not wanted:
        return entry
    result = ex.extract(art.payload, art.article_id, published=art.published)
    return _entry(art, result, errs)


def _check(ctx: _Context, art: Article, errs: list[dict[str, Any]]
           ) -> tuple[bool, Optional[tuple[str, str, bytes]]]:
    """(True, None) when ``art`` is to be extracted; else (False, its entry): "unchanged"
    when its line in OUT holds this text already, or None after recording an error."""
    payload = art.payload
    text: Optional[str] = None
    if isinstance(payload, bytes):
        try:
            text = decode(payload).text
        except DecodeFailure as exc:
            errs.append(error_record(art.rel, exc.kind, str(exc), art.line, art.article_id))
            return False, None
    else:
        text = payload
    if not text.strip():
        what = "the file is empty" if isinstance(payload, bytes) else "the 'text' field is empty"
        errs.append(error_record(art.rel, "empty", what, art.line, art.article_id))
        return False, None
    prev = ctx.done.get(art.article_id)
    if prev is not None:
        digest = content_hash(text)
        if digest == prev:
            return False, ("s", digest, b"")
    return True, None


def _entry(art: Article, result: ArticleExtraction, errs: list[dict[str, Any]]
           ) -> Optional[tuple[str, str, bytes]]:
    """(kind, hash, json) of an extracted article, or None after recording an error."""
    for w in result.warnings:
        if w.startswith("[W008]"):  # safety net: the facade found binary data
            errs.append(error_record(art.rel, "binary", w[7:], art.line, art.article_id))
            return None
    if art.truncated:
        result.warnings.append(W_FILE_TRUNCATED.format(limit=MAX_FILE_BYTES))
    return "a", result.content_hash, result.to_json().encode("utf-8")


def _extract_arts(ex: Extractor, ctx: _Context, arts: list[Article]
                  ) -> list[tuple[Optional[tuple[str, str, bytes]], list[dict[str, Any]]]]:
    """For each article, what :func:`_extract_one` gives (the entry or None, and the errors
    it recorded, an unexpected exception as an "internal" error); the articles to extract
    are extracted as groups (``Extractor._extract_group``), which is faster than one by one."""
    out: list[tuple[Optional[tuple[str, str, bytes]], list[dict[str, Any]]]] = []
    todo: list[int] = []
    for art in arts:
        errs: list[dict[str, Any]] = []
        entry: Optional[tuple[str, str, bytes]] = None
        try:
            wanted, entry = _check(ctx, art, errs)
            if wanted:
                todo.append(len(out))
        except Exception as exc:  # noqa: BLE001 — a bug costs one article, not the run
            _internal(ctx, art, exc, errs)
        out.append((entry, errs))
    for idx in groups(todo, lambda i: len(arts[i].payload)):
        try:
            results: Optional[list[ArticleExtraction]] = ex._extract_group(
                [(arts[i].payload, arts[i].article_id, None, arts[i].published) for i in idx])
        except Exception:  # noqa: BLE001 — then one by one, so that a bug costs one article
            results = None
        for j, i in enumerate(idx):
            art, errs = arts[i], out[i][1]
            try:
                entry = (_entry(art, results[j], errs) if results is not None
                         else _extract_one(ex, ctx, art, errs))
                out[i] = (entry, errs)
            except Exception as exc:  # noqa: BLE001 — a bug costs one article, not the run
                _internal(ctx, art, exc, errs)
    return out


def _internal(ctx: _Context, art: Article, exc: Exception, errs: list[dict[str, Any]]) -> None:
    if ctx.debug:
        traceback.print_exc()
    errs.append(error_record(art.rel, "internal", f"{type(exc).__name__}: {exc}",
                             art.line, art.article_id))


def _write_atomic(path: Path, chunks_: Iterable[bytes], fsync: bool = False) -> None:
    """Write to ``path.tmp`` then move into place: readers see all or nothing."""
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as f:
        for c in chunks_:
            f.write(c)
        if fsync:
            f.flush()
            os.fsync(f.fileno())
    os.replace(tmp, path)


# ---------------------------------------------------------------------------- ledger


_HEAD = re.compile(
    rb'\{"schema_version":"((?:[^"\\]|\\.)*)","extractor_version":"((?:[^"\\]|\\.)*)",'
    rb'"article_id":("(?:[^"\\]|\\.)*"),"content_hash":"([0-9a-f]*)"'
)


@dataclass(slots=True)
class Entry:
    """One line of a ledger (articles.jsonl or a part), ready for merging."""

    article_id: str
    rank: int  # 0 = this run; larger = older
    rel: str
    line: int
    kind: str  # a | s
    digest: str
    current: bool  # written by this schema and extractor version
    payload: bytes  # the ArticleExtraction JSON line, newline included ("" for s)


def _parse_article_line(raw: bytes, rank: int) -> Optional[Entry]:
    """An articles.jsonl line → Entry (None when it is not a complete record)."""
    if not raw.endswith(b"\n"):
        return None
    m = _HEAD.match(raw)
    if m is not None:
        try:
            aid = json.loads(m.group(3))
        except ValueError:
            return None
        ver = (m.group(1) + b"/" + m.group(2)).decode("utf-8", "replace")
        digest = m.group(4).decode()
        if not raw.rstrip().endswith(b"}"):
            return None
    else:
        try:
            obj = json.loads(raw)
            aid, digest = obj["article_id"], obj.get("content_hash", "")
            ver = f"{obj.get('schema_version')}/{obj.get('extractor_version')}"
        except (ValueError, KeyError, TypeError):
            return None
        if not isinstance(aid, str):
            return None
    return Entry(aid, rank, "", 0, "a", digest, ver == VERSION, raw)


def _parse_part_line(raw: bytes, gen: int) -> Optional[Entry]:
    tab = raw.find(b"\t")
    if tab < 0 or not raw.endswith(b"\n"):
        return None
    try:
        aid, rel, line, g, kind, digest, ver = json.loads(raw[:tab])
    except (ValueError, TypeError):
        return None
    return Entry(aid, gen - g, rel, line, kind, digest, ver == VERSION, raw[tab + 1:])


def repair_tail(path: Path) -> int:
    """Cut a truncated last line (no newline at the end). Returns the bytes removed."""
    try:
        size = path.stat().st_size
    except OSError:
        return 0
    if size == 0:
        return 0
    with open(path, "rb+") as f:
        f.seek(size - 1)
        if f.read(1) == b"\n":
            return 0
        pos = size
        keep = 0
        while pos > 0:
            step = min(65536, pos)
            pos -= step
            f.seek(pos)
            block = f.read(step)
            nl = block.rfind(b"\n")
            if nl >= 0:
                keep = pos + nl + 1
                break
        f.truncate(keep)
        return size - keep


def _ledger_stream(path: Path, rank: int, bad: list[int]) -> Iterator[Entry]:
    with open(path, "rb") as f:
        for raw in f:
            e = _parse_article_line(raw, rank)
            if e is None:
                bad[0] += 1
                continue
            yield e


def _part_stream(path: Path, gen: int, bad: list[int]) -> Iterator[Entry]:
    with open(path, "rb") as f:
        for raw in f:
            e = _parse_part_line(raw, gen)
            if e is None:
                bad[0] += 1
                continue
            if e.kind == "s" and e.rank != 0:
                continue  # a reference made by an older run: its target is in the ledger
            yield e


def _better(a: Entry, b: Entry) -> bool:
    return (a.rank, a.rel, a.line) < (b.rank, b.rel, b.line)


# ---------------------------------------------------------------------------- the run


@dataclass
class RunReport:
    """What run.json says."""

    status: str = "running"  # running | complete | interrupted
    input: str = ""
    out: str = ""
    counts: dict[str, int] = field(default_factory=lambda: {
        "seen": 0, "done": 0, "skipped": 0, "failed": 0})
    articles_in_output: int = 0
    repaired_bytes: int = 0
    corrupt_lines: int = 0
    wall_seconds: float = 0.0
    articles_per_second: float = 0.0
    #: where the wall time went: load (patterns), prepare (discovery, resume
    #: ledger), extract (workers), merge (articles.jsonl, errors.jsonl), tables
    seconds: dict[str, float] = field(default_factory=dict)
    started: str = ""
    finished: Optional[str] = None
    options: dict[str, Any] = field(default_factory=dict)
    peak_rss_mb: dict[str, Optional[float]] = field(default_factory=dict)
    extractor_version: str = __version__
    schema_version: str = SCHEMA_VERSION
    python: str = platform.python_version()

    @property
    def exit_code(self) -> int:
        if self.status == "interrupted":
            return 130
        return 1 if self.counts["failed"] else 0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def default_jobs() -> int:
    """Worker processes by default: the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def run(
    root: str | Path,
    out: str | Path,
    *,
    fmt: str = "jsonl",
    jobs: Optional[int] = None,
    resume: bool = False,
    globs: Sequence[str] = (),
    patterns: Sequence[str] = (),
    quiet: bool = False,
    debug: bool = False,
    stream: Optional[IO[str]] = None,
) -> RunReport:
    """Extract every article below ``root`` into the directory ``out``.

    Raises :class:`UsageError` (and ``errors.MissingExtra`` for parquet without
    pyarrow) before anything is written when the arguments are wrong.
    """
    t0 = time.perf_counter()
    root, out = Path(root), Path(out)
    stream = sys.stderr if stream is None else stream
    if fmt not in ("jsonl", "csv", "parquet"):
        raise UsageError(f"unknown format {fmt!r} (jsonl, csv or parquet)")
    if fmt == "parquet":
        from . import tables

        tables.require_pyarrow()
    if not root.exists():
        raise UsageError(f"no such folder: {root}")
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out must be a folder, and {out} is a file")
    if root.is_dir() and out.exists() and os.path.samefile(root, out):
        raise UsageError("--out must not be the input folder itself (a subfolder is fine)")
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1:
        raise UsageError("--jobs must be at least 1")
    try:
        extractor = _extractor(list(patterns), debug)
    except EktpError as exc:
        raise UsageError(str(exc)) from None
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create {out}: {_os_message(exc)}") from None

    report = RunReport(input=str(root), out=str(out),
                       started=datetime.now(timezone.utc).isoformat(timespec="seconds"))
    lap = _Laps(t0, report.seconds)
    lap("load")
    with _locked(out):
        spool = out / SPOOL
        gen = _prepare_spool(spool, resume)
        items, walk_errors = discover(root, globs, exclude=[out])
        todo = chunks(items)
        effective = max(1, min(jobs, len(todo)))
        report.options = {"format": fmt, "jobs": jobs, "workers": effective if effective > 1
                          else 0, "resume": resume, "glob": list(globs),
                          "patterns": list(patterns)}
        _write_run_json(out, report)
        done_map: dict[str, str] = {}
        if resume:
            report.repaired_bytes, report.corrupt_lines, done_map = _load_ledger(out, spool, gen)
        ctx = _Context(str(root if root.is_dir() else root.parent), str(spool), gen, done_map,
                       list(patterns), debug, extractor)
        total = sum(it.articles for it in items)
        lap("prepare")
        progress = Progress(total, stream, quiet=quiet)
        interrupted = False
        old_term = _sigterm_as_interrupt()
        try:
            _execute(ctx, todo, effective, progress, report, debug)
        except KeyboardInterrupt:
            interrupted = True
        finally:
            with contextlib.suppress(ValueError):
                signal.signal(signal.SIGTERM, old_term)
            progress.close()
        lap("extract")
        if walk_errors:
            _write_errors_part(spool, gen, 0, walk_errors)
            report.counts["failed"] += len(walk_errors)
        n_out, dups, bad = _finalize(out, spool, gen)
        report.corrupt_lines += bad
        report.articles_in_output = n_out
        for kind, n in dups.items():  # a duplicate was counted as extracted or skipped
            report.counts["done" if kind == "a" else "skipped"] -= n
            report.counts["failed"] += n
        lap("merge")
        if fmt != "jsonl":
            from . import tables

            tables.from_jsonl(out / "articles.jsonl", out, fmt)
        _drop_stale_tables(out, fmt)
        _cleanup_spool(spool)
        lap("tables")
        wall = time.perf_counter() - t0
        report.wall_seconds = round(wall, 3)
        report.articles_per_second = round(report.counts["done"] / wall, 1) if wall > 0 else 0.0
        report.status = "interrupted" if interrupted else "complete"
        report.finished = datetime.now(timezone.utc).isoformat(timespec="seconds")
        report.peak_rss_mb = _peak_rss(effective > 1)
        _write_run_json(out, report)
    if not quiet:
        if not items and not walk_errors:
            print(f"ektp-extract run: no .txt, .md, .json or .jsonl file below {root}"
                  + (f" matching {' or '.join(globs)}" if globs else ""), file=stream)
        c = report.counts
        verb = "interrupted after" if interrupted else "done:"
        print(f"ektp-extract run {verb} {c['seen']} articles seen, {c['done']} extracted, "
              f"{c['skipped']} skipped, {c['failed']} failed in {report.wall_seconds:.1f} s "
              f"({report.articles_per_second:.0f} articles/s) → {out}", file=stream)
        if c["failed"]:
            print(f"  failures are listed in {out / 'errors.jsonl'}", file=stream)
        if interrupted:
            print("  run again with --resume to continue", file=stream)
    return report


_BUILTIN: dict[bool, Extractor] = {}


def _extractor(patterns: list[str], debug: bool) -> Extractor:
    """A warmed-up Extractor; the one with the built-in patterns is kept for later runs."""
    if not patterns and debug in _BUILTIN:
        return _BUILTIN[debug]
    ex = Extractor(patterns, debug=debug)
    ex.extract(WARMUP, "warmup")
    if not patterns:
        _BUILTIN[debug] = ex
    return ex


class _Laps:
    """Records the seconds since the previous lap under a name."""

    def __init__(self, t0: float, into: dict[str, float]) -> None:
        self.last, self.into = t0, into

    def __call__(self, name: str) -> None:
        now = time.perf_counter()
        self.into[name] = round(now - self.last, 3)
        self.last = now


@contextlib.contextmanager
def _locked(out: Path) -> Iterator[None]:
    """One run at a time per OUT folder (released by the kernel if the process dies)."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory lock
        yield
        return
    f = open(out / LOCK, "a+b")
    try:
        try:
            fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise UsageError(f"another run is writing into {out}") from None
        yield
    finally:
        f.close()


def _prepare_spool(spool: Path, resume: bool) -> int:
    """Set up the spool; returns this run's generation."""
    if not resume and spool.exists():
        shutil.rmtree(spool)
    spool.mkdir(exist_ok=True)
    for tmp in spool.glob("*.tmp"):
        tmp.unlink()
    if not resume:
        (spool / FRESH).write_bytes(b"")  # the old articles.jsonl is not part of this run
        return 1
    gens = [int(p.name.split("-")[1]) for p in spool.glob("[ace]-*.part")]
    return max(gens, default=0) + 1


def _ledger_paths(out: Path, spool: Path) -> list[tuple[Path, bool]]:
    """(path, is_part) of every file that holds results already written."""
    paths: list[tuple[Path, bool]] = []
    final = out / "articles.jsonl"
    if final.exists() and not (spool / FRESH).exists():
        paths.append((final, False))
    paths.extend((p, True) for p in sorted(spool.glob("[ac]-*.part")))
    return paths


def _load_ledger(out: Path, spool: Path, gen: int) -> tuple[int, int, dict[str, str]]:
    """Repair the files, then map article_id → content hash of the line that would be kept."""
    repaired = 0
    bad = [0]
    best: dict[str, Entry] = {}
    for path, is_part in _ledger_paths(out, spool):
        repaired += repair_tail(path)
        stream = _part_stream(path, gen, bad) if is_part else _ledger_stream(path, gen + 1, bad)
        for e in stream:
            e.payload = b""  # not needed here; keep memory small
            old = best.get(e.article_id)
            if old is None or _better(e, old):
                best[e.article_id] = e
    done = {aid: e.digest for aid, e in best.items() if e.current and e.kind == "a"}
    return repaired, bad[0], done


def _execute(ctx: _Context, todo: list[list[Item]], workers: int, progress: Progress,
             report: RunReport, debug: bool) -> None:
    global _CTX
    counts = report.counts

    def add(r: ChunkResult) -> None:
        counts["seen"] += r.seen
        counts["done"] += r.done
        counts["skipped"] += r.skipped
        counts["failed"] += r.failed
        progress.update(r.seen, counts["failed"])

    if workers <= 1:
        _CTX = ctx
        for seq, items in enumerate(todo, 1):
            add(process_chunk(seq, items))
        return
    _run_pool(ctx, todo, workers, add, debug)


def _pool(ctx: _Context, workers: int) -> ProcessPoolExecutor:
    import multiprocessing as mp

    method = "fork" if sys.platform.startswith("linux") else "spawn"
    return ProcessPoolExecutor(workers, mp_context=mp.get_context(method),
                               initializer=_init_worker, initargs=(ctx,))


def _run_pool(ctx: _Context, todo: list[list[Item]], workers: int, add: Any,
              debug: bool) -> None:
    """Feed chunks to the workers, a bounded number in flight.

    When a worker dies (the pool breaks), the chunks that were in flight are
    tried again one at a time; a chunk that breaks the pool on its own is cut
    in halves until the input that kills the worker is alone, and that input
    is reported as ``crashed``. On KeyboardInterrupt the workers finish the
    chunk they hold (they ignore SIGINT) and their results are counted.
    """
    queue = list(enumerate(todo, 1))
    queue.reverse()  # pop() from the end = in order
    next_seq = len(todo) + 1  # part names for the halves of a crashing chunk
    suspects: list[tuple[int, list[Item]]] = []
    window = workers * 3
    pool = _pool(ctx, workers)
    running: dict[Future[ChunkResult], tuple[int, list[Item]]] = {}
    solo = False  # one suspect chunk is running alone
    try:
        while queue or suspects or running:
            if suspects and not running:
                job = suspects.pop()
                running[pool.submit(process_chunk, *job)] = job
                solo = True
            elif not suspects and not solo:
                while queue and len(running) < window:
                    job = queue.pop()
                    running[pool.submit(process_chunk, *job)] = job
            finished, _ = wait(running, timeout=0.2, return_when=FIRST_COMPLETED)
            if not finished:
                add(ChunkResult(0))  # lets the progress line tick
                continue
            broken = False
            for fut in finished:
                job = running.pop(fut)
                try:
                    add(fut.result())
                except BrokenProcessPool:
                    broken = True
                    if not solo:
                        suspects.append(job)
                    elif len(job[1]) > 1:
                        half = len(job[1]) // 2
                        suspects.append((next_seq, job[1][half:]))
                        suspects.append((next_seq + 1, job[1][:half]))
                        next_seq += 2
                    else:
                        _chunk_failed(ctx, job, "crashed",
                                      "the worker process died while extracting this input")
                        add(ChunkResult(job[0], seen=_n(job[1]), failed=1))
                except Exception as exc:  # noqa: BLE001 — a bug in a chunk costs that chunk
                    if debug:
                        traceback.print_exception(exc)
                    _chunk_failed(ctx, job, "internal", f"{type(exc).__name__}: {exc}")
                    add(ChunkResult(job[0], seen=_n(job[1]), failed=len(job[1])))
            solo = False
            if broken:
                suspects.extend(running.values())
                running.clear()
                pool.shutdown(wait=True, cancel_futures=True)
                pool = _pool(ctx, workers)
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)  # workers finish their chunk
        for fut in running:
            if fut.done() and not fut.cancelled() and fut.exception() is None:
                add(fut.result())
        raise
    pool.shutdown(wait=True)


def _n(items: list[Item]) -> int:
    return sum(it.articles for it in items)


def _chunk_failed(ctx: _Context, job: tuple[int, list[Item]], error: str, message: str) -> None:
    """Report every input of a chunk that could not be extracted."""
    seq, items = job
    errs = [error_record(it.rel, error, message, it.first_line if it.kind == "jsonl" else None)
            for it in items]
    _write_errors_part(Path(ctx.spool), ctx.gen, seq, errs)


def _sigterm_as_interrupt() -> Any:
    def handler(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    try:
        return signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not the main thread
        return signal.getsignal(signal.SIGTERM)


# ---------------------------------------------------------------------------- finishing


def _error_key(e: dict[str, Any]) -> tuple[str, int]:
    return (e["path"], e["line"] or 0)


def _compact(spool: Path, gen: int) -> None:
    """Merge part files in groups until at most FANIN remain (bounded open files)."""
    seq = 0
    while True:
        parts = sorted(spool.glob("[ac]-*.part"))
        if len(parts) <= FANIN:
            return
        for i in range(0, len(parts), FANIN):
            group = parts[i:i + FANIN]
            if len(group) < 2:
                continue
            seq += 1
            files = [open(p, "rb") for p in group]
            try:
                merged = heapq.merge(*files, key=lambda raw: json.loads(raw[:raw.find(b"\t")])[0])
                _write_atomic(spool / f"c-{gen:05d}-{seq:07d}.part", merged)
            finally:
                for f in files:
                    f.close()
            for p in group:
                p.unlink()


def _finalize(out: Path, spool: Path, gen: int) -> tuple[int, dict[str, int], int]:
    """Merge everything into articles.jsonl and errors.jsonl.

    Returns the number of lines written, the duplicates found (by entry kind)
    and the number of unreadable ledger lines skipped.
    """
    _compact(spool, gen)
    bad = [0]
    streams: list[Iterator[Entry]] = []
    for path, is_part in _ledger_paths(out, spool):
        streams.append(_part_stream(path, gen, bad) if is_part
                       else _ledger_stream(path, gen + 1, bad))
    dup_errors: list[dict[str, Any]] = []
    n_out = [0]

    def lines() -> Iterator[bytes]:
        merged = heapq.merge(*streams, key=lambda e: e.article_id)
        for aid, group_it in itertools.groupby(merged, key=lambda e: e.article_id):
            group = sorted(group_it, key=lambda e: (e.rank, e.rel, e.line))
            kept = _resolve(group, dup_errors)
            if kept is not None:
                n_out[0] += 1
                yield kept

    _write_atomic(out / "articles.jsonl", lines(), fsync=True)

    err_parts = sorted(spool.glob(f"e-{gen:05d}-*.part"))
    files = [open(p, "rb") for p in err_parts]
    try:
        streams_e: list[Iterator[dict[str, Any]]] = [
            (json.loads(raw) for raw in f if raw.endswith(b"\n")) for f in files]
        dup_clean = [{k: v for k, v in e.items() if k != "_kind"} for e in dup_errors]
        streams_e.append(iter(sorted(dup_clean, key=_error_key)))
        merged_e = heapq.merge(*streams_e, key=_error_key)
        _write_atomic(out / "errors.jsonl",
                      (json.dumps(e, ensure_ascii=False).encode() + b"\n" for e in merged_e),
                      fsync=True)
    finally:
        for f in files:
            f.close()
    dups = {"a": 0, "s": 0}
    for e in dup_errors:
        dups[e.pop("_kind")] += 1
    return n_out[0], dups, bad[0]


def _resolve(group: list[Entry], dup_errors: list[dict[str, Any]]) -> Optional[bytes]:
    """The line kept for one article id (group sorted by rank, path, line)."""
    current = [e for e in group if e.rank == 0]
    older = [e for e in group if e.rank != 0 and e.kind == "a"]
    if not current:
        return older[0].payload if older else None
    win = current[0]
    for e in current[1:]:
        if (e.rel, e.line) != (win.rel, win.line):  # same source twice = a compaction rerun
            where = f"{win.rel}#{win.line}" if win.line else win.rel
            rec = error_record(e.rel, "duplicate_id",
                               f"article_id {e.article_id!r} already given by {where}",
                               e.line or None, e.article_id)
            rec["_kind"] = e.kind
            dup_errors.append(rec)
    if win.kind == "a":
        return win.payload
    return older[0].payload if older else None


def _cleanup_spool(spool: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        (spool / FRESH).unlink()  # first: from now on articles.jsonl holds everything
    shutil.rmtree(spool, ignore_errors=True)


def _drop_stale_tables(out: Path, fmt: str) -> None:
    """Remove tables of another format left by an earlier run into the same OUT."""
    from .tables import TABLES

    for ext in ("csv", "parquet"):
        if ext == fmt:
            continue
        for name in TABLES:
            with contextlib.suppress(FileNotFoundError):
                (out / f"{name}.{ext}").unlink()


def _write_run_json(out: Path, report: RunReport) -> None:
    data = json.dumps(report.as_dict(), indent=2, ensure_ascii=False).encode() + b"\n"
    _write_atomic(out / "run.json", [data], fsync=True)


def _peak_rss(workers: bool) -> dict[str, Optional[float]]:
    try:
        import resource
    except ImportError:
        return {"parent": None, "workers": None}
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024  # bytes vs KiB

    def mb(v: int) -> float:
        return round(v * 1024 / scale / 1024, 1) if v else 0.0

    parent = mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"parent": parent, "workers": mb(child) if workers else None}


# ---------------------------------------------------------------------------- progress


def _clock(seconds: float) -> str:
    s = int(seconds + 0.5)
    h, s = divmod(s, 3600)
    m, s = divmod(s, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class Progress:
    """A progress bar on a terminal, a line every ``interval`` seconds otherwise."""

    def __init__(self, total: int, stream: IO[str], *, quiet: bool = False,
                 tty: Optional[bool] = None, interval: float = 10.0) -> None:
        self.total = total
        self.stream = stream
        self.quiet = quiet
        self.tty = stream.isatty() if tty is None else tty
        self.interval = interval if not self.tty else 0.1
        self.done = 0
        self.failed = 0
        self.t0 = time.perf_counter()
        self._last = self.t0
        self._drawn = False

    def update(self, n: int, failed: int = 0) -> None:
        self.done += n
        self.failed = failed
        now = time.perf_counter()
        if self.quiet or now - self._last < self.interval:
            return
        self._last = now
        self._draw(now)

    def line(self, now: Optional[float] = None) -> str:
        """The status text: count, percent, rate, ETA (and failures)."""
        now = time.perf_counter() if now is None else now
        elapsed = max(now - self.t0, 1e-9)
        rate = self.done / elapsed
        total = max(self.total, self.done)
        pct = 100.0 * self.done / total if total else 100.0
        eta = _clock((total - self.done) / rate) if rate > 0 else "?"
        fail = f"  {self.failed} failed" if self.failed else ""
        return (f"{self.done}/{total} articles {pct:3.0f}%  {rate:,.0f} articles/s  "
                f"ETA {eta}{fail}")

    def _draw(self, now: float) -> None:
        text = self.line(now)
        if self.tty:
            width = shutil.get_terminal_size((80, 20)).columns
            room = width - len(text) - 4  # the bar gives way to the numbers
            if room >= 10:
                bar_w = min(30, room)
                total = max(self.total, self.done)
                filled = min(bar_w, int(bar_w * self.done / total) if total else bar_w)
                bar = ("=" * filled + ">" + " " * bar_w)[:bar_w]
                text = f"[{bar}] {text}"
            self.stream.write(f"\r{text[: width - 1]}\x1b[K")
            self._drawn = True
        else:
            self.stream.write(f"progress: {text}\n")
        self.stream.flush()

    def close(self) -> None:
        if self.quiet:
            return
        if self.tty:
            self._draw(time.perf_counter())
            if self._drawn:
                self.stream.write("\n")
                self.stream.flush()
