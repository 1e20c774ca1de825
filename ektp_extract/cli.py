"""Command line: ``ektp-extract extract | run | evaluate | schema | show``.

Exit codes: 0 done, 1 some articles failed, 2 bad usage, 130 interrupted. No
traceback reaches the user unless ``--debug`` is given. docs/cli.md describes
every command.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Optional, Sequence

from .__about__ import SCHEMA_VERSION, __version__
from .errors import EktpError, MissingExtra
from .models import ArticleExtraction


def _read_input(name: str) -> tuple[bytes, str]:
    """Bytes of FILE or of standard input (``-``), and the name used for messages."""
    if name == "-":
        return sys.stdin.buffer.read(), "stdin"
    path = Path(name)
    if not path.is_file():
        raise _Usage(f"no such file: {path}")
    try:
        return path.read_bytes(), path.name
    except OSError as exc:
        raise _Usage(f"cannot read {path}: {exc.strerror or exc}") from None


class _Usage(Exception):
    """Bad usage: message for the user, exit code 2."""


def _one_article(args: argparse.Namespace) -> tuple[Optional[str], ArticleExtraction]:
    """Read and extract the article of ``args.file``: (source text or None, result)."""
    from .extractor import Extractor
    from .show import InputError, load_article

    data, name = _read_input(args.file)
    try:
        payload, source, json_id, published = load_article(data, name)
    except InputError as exc:
        raise _Usage(str(exc)) from None
    article_id = args.id or json_id or (Path(name).stem if args.file != "-" else "stdin")
    try:
        ex = Extractor(args.patterns, debug=args.debug)
    except EktpError as exc:
        raise _Usage(str(exc)) from None
    res = ex.extract(payload, article_id=article_id, reference_date=args.reference_date,
                     published=published)
    return source, res


def _failed(res: ArticleExtraction) -> bool:
    """Nothing could be read: empty (W001) or binary (W008) input."""
    return any(w.startswith(("[W001]", "[W008]")) for w in res.warnings)


def _cmd_extract(args: argparse.Namespace) -> int:
    try:
        _source, res = _one_article(args)
    except _Usage as exc:
        print(f"ektp-extract extract: {exc}", file=sys.stderr)
        return 2
    print(res.to_json(indent=None if args.compact else 2))
    return 1 if _failed(res) else 0


def _cmd_show(args: argparse.Namespace) -> int:
    import shutil

    from .show import render_text, write_html

    try:
        source, res = _one_article(args)
    except _Usage as exc:
        print(f"ektp-extract show: {exc}", file=sys.stderr)
        return 2
    if source is None or _failed(res):
        why = "; ".join(w for w in res.warnings if w.startswith(("[W001]", "[W008]")))
        print(f"ektp-extract show: {args.file}: {why}", file=sys.stderr)
        return 1
    width = args.width or shutil.get_terminal_size((100, 24)).columns
    if args.html:
        try:
            write_html(args.html, source, res)
        except OSError as exc:
            print(f"ektp-extract show: cannot write {args.html}: {exc.strerror or exc}",
                  file=sys.stderr)
            return 2
        print(f"wrote {args.html}", file=sys.stderr)
    else:
        sys.stdout.write(render_text(res, width))
    return 0


def _cmd_run(args: argparse.Namespace) -> int:
    from . import batch

    try:
        report = batch.run(args.dir, args.out, fmt=args.format, jobs=args.jobs,
                           resume=args.resume, globs=args.glob, patterns=args.patterns,
                           quiet=args.quiet, debug=args.debug)
    except (batch.UsageError, MissingExtra) as exc:
        print(f"ektp-extract run: {exc}", file=sys.stderr)
        return 2
    return report.exit_code


def _cmd_schema(args: argparse.Namespace) -> int:
    from .models import json_schema

    print(json.dumps(json_schema(), indent=2, sort_keys=True))
    return 0


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from . import evaluate

    return evaluate.command(args)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="ektp-extract",
        description="Typed facts from Indonesian public-administration news.",
    )
    p.add_argument("--version", action="version",
                   version=f"ektp-extract {__version__} (schema {SCHEMA_VERSION})")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    def one_article(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("file", help="article: .txt / .md text, a .json {id?, text, published?}, "
                        "or - for standard input")
        sp.add_argument("--id", help="article id (default: the JSON id or the file name)")
        sp.add_argument("--reference-date", help="ISO date that relative dates resolve against")
        sp.add_argument("--patterns", action="append", default=[], metavar="DIR",
                        help="extra pattern directory (repeatable)")
        sp.add_argument("--debug", action="store_true", help="show tracebacks")

    e = sub.add_parser("extract", help="one article to JSON on stdout")
    one_article(e)
    e.add_argument("--compact", action="store_true", help="one line of JSON")
    e.set_defaults(func=_cmd_extract)

    r = sub.add_parser(
        "run", help="every article below DIR into the folder OUT",
        description="Extract every .txt/.md/.json/.jsonl article below DIR into the folder OUT: "
        "articles.jsonl, errors.jsonl, run.json (and tables with --format csv|parquet). "
        "Exit code 0 when every input was processed, 1 when some failed (see errors.jsonl), "
        "2 on bad usage, 130 when interrupted.")
    r.add_argument("dir", metavar="DIR", help="folder of articles (searched recursively), "
                   "or one .jsonl/.json/.txt file")
    r.add_argument("--out", required=True, metavar="OUT", help="output folder")
    r.add_argument("--format", choices=["jsonl", "csv", "parquet"], default="jsonl",
                   help="tables to write besides articles.jsonl (default: jsonl only)")
    r.add_argument("--jobs", type=int, metavar="N",
                   help="worker processes (default: the number of cores)")
    r.add_argument("--resume", action="store_true",
                   help="keep what OUT holds and skip articles already done (id + content hash)")
    r.add_argument("--glob", action="append", default=[], metavar="PAT",
                   help="only inputs whose path relative to DIR matches PAT (repeatable)")
    r.add_argument("--quiet", action="store_true", help="no progress and no summary")
    r.add_argument("--patterns", action="append", default=[], metavar="DIR",
                   help="extra pattern directory (repeatable)")
    r.add_argument("--debug", action="store_true", help="show tracebacks")
    r.set_defaults(func=_cmd_run)

    w = sub.add_parser("show", help="one article as readable tables, or a displaCy page")
    one_article(w)
    w.add_argument("--html", metavar="OUT.html", help="write a page with the spans highlighted")
    w.add_argument("--width", type=int, help="table width (default: the terminal's)")
    w.set_defaults(func=_cmd_show)

    s = sub.add_parser("schema", help="JSON Schema of ArticleExtraction")
    s.set_defaults(func=_cmd_schema)

    from . import evaluate

    v = sub.add_parser("evaluate", help="P/R/F1 per kind against gold (SPEC §6)")
    evaluate.add_arguments(v)
    v.add_argument("--debug", action="store_true", help="show tracebacks")
    v.set_defaults(func=_cmd_evaluate)
    return p


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad usage, 0 on --help
        return int(exc.code or 0)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 — no traceback for users without --debug
        if getattr(args, "debug", False):
            raise
        print(f"ektp-extract {args.command}: error: {exc}", file=sys.stderr)
        return 1
