"""Pattern data: load, validate and merge the TOML files of ``patterns/``.

A pattern file is TOML with a ``[file]`` header naming its ``kind``, one or
more tables of entries, and worked examples::

    [file]
    kind = "calendar"
    description = "Month and weekday names"

    [[months]]
    id = "april"
    number = 4
    forms = ["April", "Apr"]

    [[examples]]
    text = "Senin (18/4/2016)"
    expect = [{ kind = "dates", value = "2016-04-18", span = "Senin (18/4/2016)" }]

    [[negatives]]
    text = "usianya 17 tahun"
    kind = "dates"

Each kind module registers the tables it reads with :func:`register_table`
and a Pydantic model per row; rows are validated on load and a bad row raises
:class:`~ektp_extract.errors.PatternError` naming the file, the row and the
problem. Files of later directories (a user's ``extra_patterns``) add rows; a
row whose ``id`` equals an earlier row's replaces it.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Iterable, Optional, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import PatternError


class Entry(BaseModel):
    """Base of every pattern row: an ``id`` unique within its table."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(min_length=1)


class FileHeader(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: str
    description: str = ""
    source: str = ""
    license: str = ""


class Example(BaseModel):
    """A text and the records it must give.

    Each item of ``expect`` names a ``kind`` (meta, officials, agencies,
    quantities, targets, dates, quotes) and field constraints; ``span`` is
    compared with the record's span text, dotted keys reach nested fields
    (``target.value``). A record matches when every constraint holds.
    """

    model_config = ConfigDict(extra="forbid")
    text: str
    expect: list[dict[str, Any]] = Field(min_length=1)
    ref: Optional[str] = None
    note: str = ""


class Negative(BaseModel):
    """A text that must NOT give a record of ``kind`` (matching ``match`` if given)."""

    model_config = ConfigDict(extra="forbid")
    text: str
    kind: str
    match: dict[str, Any] = Field(default_factory=dict)
    ref: Optional[str] = None
    note: str = ""


E = TypeVar("E", bound=Entry)

# kind → table name → row model
_SCHEMAS: dict[str, dict[str, type[Entry]]] = {}
_OPEN_KINDS: set[str] = set()


def register_table(kind: str, table: str, model: type[E]) -> type[E]:
    """Declare that files of ``kind`` may hold a table ``table`` of ``model`` rows."""
    _SCHEMAS.setdefault(kind, {})[table] = model
    return model


def register_kind(kind: str) -> None:
    """Declare a kind whose files carry only examples (no tables)."""
    _SCHEMAS.setdefault(kind, {})


@dataclass
class ExampleCase:
    path: str
    index: int
    example: Example | Negative

    @property
    def test_id(self) -> str:
        tag = "neg" if isinstance(self.example, Negative) else "ex"
        return f"{Path(self.path).stem}:{tag}{self.index}"


@dataclass
class Lexicon:
    """All pattern rows by kind and table, plus the examples, plus compiled caches."""

    tables: dict[str, dict[str, list[Entry]]] = field(default_factory=dict)
    examples: list[ExampleCase] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    def rows(self, kind: str, table: str) -> list[Any]:
        """The merged rows of one table (empty list when no file has it)."""
        return self.tables.get(kind, {}).get(table, [])

    def compiled(self, key: str, build: Callable[["Lexicon"], Any]) -> Any:
        """Build a derived structure once per lexicon (regexes, lookup dicts)."""
        try:
            return self._cache[key]
        except KeyError:
            value = self._cache[key] = build(self)
            return value


def builtin_dir() -> Path:
    """The ``patterns/`` directory shipped with the package (or of the checkout)."""
    packaged = Path(str(resources.files("ektp_extract"))) / "patterns"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent / "patterns"
    if checkout.is_dir():
        return checkout
    raise PatternError(str(packaged), "patterns", "the built-in patterns directory is missing")


def _pattern_files(directory: Path) -> list[Path]:
    if directory.is_file():
        return [directory]
    if not directory.is_dir():
        raise PatternError(str(directory), "directory", "no such pattern directory")
    return sorted(p for p in directory.rglob("*.toml") if p.is_file())


def _fmt_validation(err: ValidationError) -> str:
    parts = []
    for e in err.errors():
        loc = ".".join(str(x) for x in e["loc"])
        parts.append(f"{loc}: {e['msg']}" if loc else e["msg"])
    return "; ".join(parts)


def load_file(path: Path, lex: Lexicon) -> None:
    """Validate one pattern file and merge it into ``lex``."""
    spath = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise PatternError(spath, "file", f"not valid TOML: {exc}") from None
    head = data.pop("file", None)
    if not isinstance(head, dict):
        raise PatternError(spath, "[file]", "missing [file] header with kind = \"...\"")
    try:
        header = FileHeader.model_validate(head)
    except ValidationError as exc:
        raise PatternError(spath, "[file]", _fmt_validation(exc)) from None
    schemas = _SCHEMAS.get(header.kind)
    if schemas is None:
        raise PatternError(
            spath, "[file].kind", f"unknown kind {header.kind!r}; known: {sorted(_SCHEMAS)}"
        )
    for key, model in (("examples", Example), ("negatives", Negative)):
        rows = data.pop(key, [])
        if not isinstance(rows, list):
            raise PatternError(spath, key, "must be an array of tables [[...]]")
        for i, row in enumerate(rows):
            try:
                ex = model.model_validate(row)
            except ValidationError as exc:
                raise PatternError(spath, f"[[{key}]] #{i + 1}", _fmt_validation(exc)) from None
            lex.examples.append(ExampleCase(spath, i + 1, ex))
    kind_tables = lex.tables.setdefault(header.kind, {})
    for table, rows in data.items():
        model_t = schemas.get(table)
        if model_t is None:
            raise PatternError(
                spath, f"[[{table}]]",
                f"unknown table for kind {header.kind!r}; known: {sorted(schemas) + ['examples', 'negatives']}",
            )
        if not isinstance(rows, list):
            raise PatternError(spath, table, "must be an array of tables [[...]]")
        existing = kind_tables.setdefault(table, [])
        index = {e.id: n for n, e in enumerate(existing)}
        seen: set[str] = set()
        for i, row in enumerate(rows):
            rid = row.get("id", "?") if isinstance(row, dict) else "?"
            try:
                entry = model_t.model_validate(row)
            except ValidationError as exc:
                raise PatternError(
                    spath, f"[[{table}]] #{i + 1} (id={rid!r})", _fmt_validation(exc)
                ) from None
            if entry.id in seen:
                raise PatternError(spath, f"[[{table}]] #{i + 1}", f"duplicate id {entry.id!r}")
            seen.add(entry.id)
            if entry.id in index:
                existing[index[entry.id]] = entry  # a later directory overrides
            else:
                index[entry.id] = len(existing)
                existing.append(entry)
    lex.files.append(spath)


def load_lexicon(dirs: Iterable[str | Path]) -> Lexicon:
    """Load the built-in patterns, then each extra directory in order."""
    from . import kinds  # noqa: F401  (registers the tables)

    lex = Lexicon()
    for d in [builtin_dir(), *[Path(x) for x in dirs]]:
        for path in _pattern_files(Path(d)):
            load_file(path, lex)
    return lex
