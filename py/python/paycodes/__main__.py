"""``python -m paycodes``: the `paycodes` command's `explain`, `decode` and `table`, with the
same output and exit codes (every answer comes from the same core).

Exit codes: 0 ok, 1 a malformed code (for `decode`: at least one malformed line), 2 usage
(including an unknown provider, family, network, operation or kind).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from . import LineDecoder, PaycodesError, UnknownOptionError, decode, explain, export


def _context(p: argparse.ArgumentParser) -> None:
    p.add_argument("--provider", "-p")
    p.add_argument("--family")
    p.add_argument("--network")
    p.add_argument("--operation")
    p.add_argument("--kind")
    p.add_argument("--locale", "--lang", default="en")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m paycodes", description="What a payment response code means and what to do next")
    sub = p.add_subparsers(dest="command", required=True)
    e = sub.add_parser("explain", help="explain one code: what happened, did the money move, what to do next")
    e.add_argument("code")
    e.add_argument("--message", "-m")
    _context(e)
    e.add_argument("--json", action="store_true")
    d = sub.add_parser("decode", help="decode codes or JSON lines from stdin, one answer per line (JSON or CSV), as each line arrives")
    _context(d)
    d.add_argument("--keep", action="append", default=[], metavar="FIELD", help="copy this field of each JSON line into the answer")
    d.add_argument("--no-cache", action="store_true")
    d.add_argument("--format", "-f", default="jsonl", help="jsonl (default) or csv")
    t = sub.add_parser("table", help="export a table as json, csv or md")
    t.add_argument("name")
    t.add_argument("--provider", "-p")
    t.add_argument("--format", "-f", default="json")
    return p


def _options(args: argparse.Namespace) -> dict[str, Any]:
    keys = ("provider", "family", "network", "operation", "kind", "locale")
    return {k: getattr(args, k) for k in keys if getattr(args, k) is not None}


def _exit_for(err: PaycodesError) -> int:
    return 2 if isinstance(err, UnknownOptionError) else 1


def _explain(args: argparse.Namespace) -> int:
    opts = _options(args)
    if args.message is not None:
        opts["message"] = args.message
    try:
        if args.json:
            print(decode(args.code, **opts).to_json())
        else:
            print(explain(args.code, **opts))
        return 0
    except PaycodesError as err:
        if args.json:
            print(json.dumps({"raw": args.code, "error": err.code, "message": str(err)}, ensure_ascii=False, separators=(",", ":")))
        else:
            print(f"paycodes: {args.code!r}: {err} ({err.code})", file=sys.stderr)
        return _exit_for(err)


def _decode(args: argparse.Namespace) -> int:
    try:
        decoder = LineDecoder(keep=args.keep, cache=not args.no_cache, format=args.format, **_options(args))
    except PaycodesError as err:
        print(f"paycodes: {err} ({err.code})", file=sys.stderr)
        return 2
    bad = 0
    out, stdin = sys.stdout.buffer, sys.stdin.buffer
    header = decoder.header()
    if header:
        out.write(header + b"\n")
    limit = 1 << 20  # paycodes.lines::MAX_LINE: longer lines answer line_too_long
    while True:
        line = stdin.readline(limit + 1)
        if not line:
            break
        if len(line) > limit and not line.endswith(b"\n"):
            # Skip the rest of an over-long line without holding it.
            while True:
                rest = stdin.readline(limit)
                if not rest or rest.endswith(b"\n"):
                    break
        answer, ok = decoder.decode_line(line.rstrip(b"\n").rstrip(b"\r"))
        bad += not ok
        out.write(answer + b"\n")
        out.flush()
    return 1 if bad else 0


def _table(args: argparse.Namespace) -> int:
    try:
        opts = {"format": args.format}
        if args.provider is not None:
            opts["provider"] = args.provider
        sys.stdout.write(export(args.name, **opts))
        return 0
    except PaycodesError as err:
        print(f"paycodes: {err} ({err.code})", file=sys.stderr)
        return 2


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "explain":
        return _explain(args)
    if args.command == "decode":
        return _decode(args)
    return _table(args)


if __name__ == "__main__":
    sys.exit(main())
