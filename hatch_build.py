"""Wheel build hook: the optional compiled build of the extraction modules (mypyc).

A plain ``pip install .`` builds the pure-Python wheel and this hook does nothing. With
``EKTP_EXTRACT_COMPILE=1`` in the environment, the wheel also carries the stage modules
(``ektp_extract/kinds/``) and the document, text, twin, span and fill modules compiled to C
extension modules by mypyc. The ``.py`` sources stay in the wheel beside them; Python
imports an extension module before a source file of the same name. The build needs a C
compiler and the Python headers, takes several minutes and about 2 GB of memory, and
happens in a temporary directory: nothing compiled is written into the source tree.

``ektp_extract.COMPILED`` tells at run time which build is installed; docs/performance.md
has what the compiled build measures and the one known difference in output. ``MYPYC_OPT_LEVEL``
(0–3, default 3) sets mypyc's optimisation level: 0 builds in about half the time, for trying
the build itself.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

#: the environment variable that asks for the compiled build
ENV = "EKTP_EXTRACT_COMPILE"

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


def wanted() -> bool:
    """True when the environment asks for the compiled build."""
    return os.environ.get(ENV, "").strip().lower() in ("1", "true", "yes", "on")


@contextmanager
def _cwd(path: str) -> Iterator[None]:
    old = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


class CompileHook(BuildHookInterface):  # type: ignore[type-arg]
    """Compile :data:`MODULES` with mypyc into the wheel when :data:`ENV` is set."""

    PLUGIN_NAME = "custom"

    def dependencies(self) -> list[str]:
        return list(BUILD_REQUIRES) if self.target_name == "wheel" and wanted() else []

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or not wanted():
            return
        if version == "editable":
            # an editable install imports the checkout; compiled modules there would
            # silently shadow every later edit of the .py files
            self.app.display_warning(
                f"{ENV} is ignored for an editable install: it builds a regular wheel only "
                "(pip install . , not pip install -e .)")
            return
        self._tmp = tempfile.mkdtemp(prefix="ektp-mypyc-")
        try:
            built = self._compile(Path(self._tmp))
        except Exception as e:
            shutil.rmtree(self._tmp, ignore_errors=True)
            raise RuntimeError(
                f"{ENV}=1: the compiled build failed ({type(e).__name__}: {e}). It needs a C "
                "compiler and the Python headers; without the variable the same package builds "
                "as pure Python.") from e
        except BaseException:
            shutil.rmtree(self._tmp, ignore_errors=True)
            raise
        for path in built:
            build_data["force_include"][str(path)] = path.relative_to(Path(self._tmp) / "lib").as_posix()
        build_data["pure_python"] = False
        build_data["infer_tag"] = True

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        tmp = getattr(self, "_tmp", None)
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)

    def _compile(self, tmp: Path) -> list[Path]:
        try:
            from mypyc.build import mypycify
            from setuptools import Distribution
        except ImportError as e:  # pragma: no cover - the build environment lacks them
            raise RuntimeError(f"{ENV}=1 needs mypy and setuptools in the build environment: {e}") from e
        ini = tmp / "mypyc.ini"
        ini.write_text(MYPY_INI, encoding="utf-8")
        self.app.display_info(f"compiling {len(MODULES)} modules with mypyc (several minutes)")
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
