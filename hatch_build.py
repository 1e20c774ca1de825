"""Wheel build hook: the compiled build of the extraction modules (mypyc).

``pip install .`` compiles the stage modules (``ektp_extract/kinds/``) and the document,
text, twin, span and fill modules to C extension modules with mypyc, when it can: on
CPython, for a regular (not editable) install, with a C compiler and the Python headers.
When it cannot, the hook warns and the same wheel is built as pure Python: the package
gives the same output either way, the compiled one in about a third less time. The ``.py``
sources stay in the wheel beside the extension modules; Python imports an extension module
before a source file of the same name. The build takes several minutes and about 2 GB of memory,
and happens in a temporary directory: nothing compiled is written into the source tree.

``EKTP_EXTRACT_COMPILE`` chooses: unset, the compiled build when possible (above);
``0`` the pure-Python build (seconds, no compiler, no build requirements fetched); ``1``
the compiled build or an error. The modules built are kept in a cache
(``$XDG_CACHE_HOME/ektp_extract/mypyc``, else ``~/.cache/ektp_extract/mypyc``; another
folder with ``EKTP_EXTRACT_BUILD_CACHE``, none with ``EKTP_EXTRACT_BUILD_CACHE=0``) under
a digest of the package's sources, this file, the pinned build requirements and the
interpreter: building the same sources again (``pip install ".[test]"`` after ``pip
install .``) copies them, and needs neither the compiler nor the build requirements.

``ektp_extract.COMPILED`` tells at run time which build is installed; docs/performance.md
has what the compiled build measures and the one known difference in output. ``MYPYC_OPT_LEVEL``
(0–3, default 3) sets mypyc's optimisation level: 0 builds in about half the time, for trying
the build itself.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import sysconfig
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Optional

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

#: the environment variable that chooses the build (see the module's doc)
ENV = "EKTP_EXTRACT_COMPILE"
#: the environment variable that moves (a path) or turns off (``0``) the cache of built modules
CACHE_ENV = "EKTP_EXTRACT_BUILD_CACHE"

#: the modules compiled (paths from the project root)
MODULES = (
    "ektp_extract/kinds/boilerplate.py", "ektp_extract/kinds/meta.py",
    "ektp_extract/kinds/calendar.py", "ektp_extract/kinds/regions.py",
    "ektp_extract/kinds/dates.py", "ektp_extract/kinds/numbers.py",
    "ektp_extract/kinds/quantities.py", "ektp_extract/kinds/targets.py",
    "ektp_extract/kinds/agencies.py", "ektp_extract/kinds/officials.py",
    "ektp_extract/kinds/quotes.py", "ektp_extract/document.py", "ektp_extract/text.py",
    "ektp_extract/twins.py", "ektp_extract/spans.py", "ektp_extract/fill.py",
)

#: what the build itself needs; mypy is pinned because the code it generates is what was
#: checked against the pure-Python output; pydantic and regex (with its stubs) give mypyc
#: the same types the package's own type check sees
BUILD_REQUIRES = ["mypy==2.4.1", "setuptools>=61", "types-regex", "regex>=2023.0",
                  "pydantic>=2.5,<3"]

#: mypyc's own mypy settings (not pyproject's: no pydantic plugin, imports of uncompiled
#: modules read silently)
MYPY_INI = "[mypy]\nfollow_imports = silent\nignore_missing_imports = True\n"

#: cache entries kept (each is one build's extension modules, about 15 MB)
CACHE_KEEP = 3

_ON = ("1", "true", "yes", "on")
_OFF = ("0", "false", "no", "off")


def mode(environ: Optional[dict[str, str]] = None) -> str:
    """What :data:`ENV` asks for: ``"required"``, ``"off"``, or ``"auto"`` (unset, empty, or
    a value that is neither on nor off: the default, compiled when possible)."""
    value = (os.environ if environ is None else environ).get(ENV, "").strip().lower()
    return "required" if value in _ON else "off" if value in _OFF else "auto"


def wanted() -> bool:
    """True when this build should try to compile (the interpreter is CPython and
    :data:`ENV` does not turn it off)."""
    return mode() != "off" and sys.implementation.name == "cpython"


def cache_dir(environ: Optional[dict[str, str]] = None) -> Optional[Path]:
    """The folder of the cache of built modules, or None when :data:`CACHE_ENV` turns it off."""
    env = os.environ if environ is None else environ
    value = env.get(CACHE_ENV, "").strip()
    if value.lower() in _OFF:
        return None
    if value:
        return Path(value).expanduser()
    base = env.get("XDG_CACHE_HOME", "").strip() or str(Path.home() / ".cache")
    return Path(base) / "ektp_extract" / "mypyc"


def source_key(root: str | Path) -> str:
    """The digest a build's cache entry is kept under: every module of the package (the
    compiled ones and those whose types they read), this hook, the build requirements, the
    mypy settings and optimisation level, and the interpreter and platform the modules are
    built for. Any change of these makes another key."""
    root = Path(root)
    h = hashlib.sha256()
    for part in (sys.version, sysconfig.get_platform(), str(sysconfig.get_config_var("EXT_SUFFIX")),
                 " ".join(BUILD_REQUIRES), MYPY_INI, os.environ.get("MYPYC_OPT_LEVEL", "3"),
                 " ".join(MODULES)):
        h.update(part.encode() + b"\0")
    for path in [root / "hatch_build.py", *sorted((root / "ektp_extract").rglob("*.py"))]:
        h.update(path.relative_to(root).as_posix().encode() + b"\0")
        h.update(path.read_bytes() + b"\0")
    return h.hexdigest()[:32]


def cached(root: str | Path, key: Optional[str] = None) -> Optional[Path]:
    """The cache entry (a folder laid out as the wheel) of the sources at ``root``, if built
    (``key``: their :func:`source_key`, when the caller has it)."""
    folder = cache_dir()
    if folder is None:
        return None
    entry = folder / (key or source_key(root))
    return entry if (entry / "complete").is_file() else None


@contextmanager
def _cwd(path: str) -> Iterator[None]:
    old = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


class CompileHook(BuildHookInterface):  # type: ignore[type-arg]
    """Compile :data:`MODULES` with mypyc into the wheel (see the module's doc)."""

    PLUGIN_NAME = "custom"

    def dependencies(self) -> list[str]:
        if self.target_name != "wheel" or not wanted() or cached(self.root) is not None:
            return []
        return list(BUILD_REQUIRES)

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or not wanted():
            if mode() == "required" and self.target_name == "wheel":
                raise RuntimeError(f"{ENV}=1: mypyc compiles for CPython only, not "
                                   f"{sys.implementation.name}")
            return
        raw = os.environ.get(ENV, "").strip()
        if raw and mode() == "auto":
            self.app.display_warning(f"{ENV}={raw!r} is neither 1 nor 0: compiling where possible")
        if version == "editable":
            # an editable install imports the checkout; compiled modules there would
            # silently shadow every later edit of the .py files
            if mode() == "required":
                self.app.display_warning(
                    f"{ENV} is ignored for an editable install: it builds a regular wheel only "
                    "(pip install . , not pip install -e .)")
            return
        self._tmp = tempfile.mkdtemp(prefix="ektp-mypyc-")
        lib = Path(self._tmp) / "lib"
        try:
            key = source_key(self.root)
            hit = cached(self.root, key)
            if hit is not None:
                shutil.copytree(hit, lib, ignore=shutil.ignore_patterns("complete"))
                built = sorted(p for p in lib.rglob("*") if p.is_file())
                self.app.display_info(f"compiled modules from the cache: {hit}")
            else:
                built = self._compile(Path(self._tmp))
                self._store(lib, key)
        except Exception as e:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = ""
            why = f"{type(e).__name__}: {e}"
            if mode() == "auto":
                self.app.display_warning(
                    f"the compiled build failed ({why}); building the pure-Python package, "
                    f"which gives the same output more slowly. It needs a C compiler and the "
                    f"Python headers; {ENV}=0 skips the attempt.")
                return
            raise RuntimeError(
                f"{ENV}=1: the compiled build failed ({why}). It needs a C compiler and the "
                f"Python headers; with {ENV}=0 the same package builds as pure Python.") from e
        except BaseException:
            shutil.rmtree(self._tmp, ignore_errors=True)
            raise
        for path in built:
            build_data["force_include"][str(path)] = path.relative_to(lib).as_posix()
        build_data["pure_python"] = False
        build_data["infer_tag"] = True

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        tmp = getattr(self, "_tmp", None)
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)

    def _store(self, lib: Path, key: str) -> None:
        """Keep the modules just built in the cache (the newest :data:`CACHE_KEEP` builds);
        a cache that cannot be written only costs the next build its time."""
        folder = cache_dir()
        if folder is None:
            return
        try:
            folder.mkdir(parents=True, exist_ok=True)
            part = Path(tempfile.mkdtemp(prefix=".part-", dir=folder))
            shutil.copytree(lib, part / "entry")
            (part / "entry" / "complete").write_text("", encoding="utf-8")
            entry = folder / key
            if not entry.exists():
                os.replace(part / "entry", entry)
            shutil.rmtree(part, ignore_errors=True)
            entries = sorted((p for p in folder.iterdir() if (p / "complete").is_file()),
                             key=lambda p: p.stat().st_mtime, reverse=True)
            for old in entries[CACHE_KEEP:]:
                shutil.rmtree(old, ignore_errors=True)
        except OSError as e:
            self.app.display_warning(f"the compiled modules were not cached ({e})")

    def _compile(self, tmp: Path) -> list[Path]:
        try:
            from mypyc.build import mypycify
            from setuptools import Distribution
        except ImportError as e:  # the build environment lacks them
            raise RuntimeError(f"the compiled build needs mypy and setuptools in the build "
                               f"environment: {e}") from e
        ini = tmp / "mypyc.ini"
        ini.write_text(MYPY_INI, encoding="utf-8")
        self.app.display_info(f"compiling {len(MODULES)} modules with mypyc (several minutes; "
                              f"{ENV}=0 builds the pure-Python package instead)")
        with _cwd(self.root):
            extensions = mypycify(
                ["--config-file", str(ini), *MODULES],
                opt_level=os.environ.get("MYPYC_OPT_LEVEL", "3"),
                debug_level="1",
                target_dir=str(tmp / "c"),
            )
            dist = Distribution({"name": "ektp-extract", "ext_modules": extensions})
            dist.script_name = "hatch_build.py"
            cmd = dist.get_command_obj("build_ext")
            cmd.build_lib = str(tmp / "lib")  # type: ignore[attr-defined]
            cmd.build_temp = str(tmp / "temp")  # type: ignore[attr-defined]
            cmd.inplace = False  # type: ignore[attr-defined]
            dist.run_command("build_ext")
        suffixes = (".so", ".pyd")
        built = sorted(p for p in (tmp / "lib").rglob("*") if p.suffix in suffixes)
        if len(built) < len(MODULES):
            raise RuntimeError(f"mypyc built {len(built)} extension modules for {len(MODULES)} sources")
        print(f"compiled: {', '.join(p.name for p in built)}", file=sys.stderr)
        return built
