"""Command line: ``ektp-extract extract | run | evaluate | schema | show``.

Exit codes: 0 done, 1 some articles failed, 2 bad usage. No traceback reaches
the user unless ``--debug`` is given.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Optional, Sequence

from .__about__ import SCHEMA_VERSION, __version__


def _cmd_extract(args: argparse.Namespace) -> int:
    from .extractor import Extractor

    if args.file == "-":
        data: bytes = sys.stdin.buffer.read()
        article_id = args.id or "stdin"
    else:
        path = Path(args.file)
        if not path.is_file():
            print(f"ektp-extract extract: no such file: {path}", file=sys.stderr)
            return 2
        data = path.read_bytes()
        article_id = args.id or path.stem
    ex = Extractor(args.patterns, debug=args.debug)
    res = ex.extract(data, article_id=article_id, reference_date=args.reference_date)
    print(res.to_json(indent=None if args.compact else 2))
    return 0


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

    e = sub.add_parser("extract", help="one article to JSON on stdout")
    e.add_argument("file", help="article file, or - for standard input")
    e.add_argument("--id", help="article id (default: the file name without suffix)")
    e.add_argument("--reference-date", help="ISO date that relative dates resolve against")
    e.add_argument("--patterns", action="append", default=[], help="extra pattern directory")
    e.add_argument("--compact", action="store_true", help="one line of JSON")
    e.add_argument("--debug", action="store_true", help="show tracebacks")
    e.set_defaults(func=_cmd_extract)

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
