"""``python -m paycodes explain CODE ...``: the same output and exit codes as ``paycodes explain``.

Exit codes: 0 ok, 1 a malformed code, 2 usage (including an unknown provider, family,
network, operation or kind).
"""

from __future__ import annotations

import argparse
import json
import sys

from . import PaycodesError, decode, explain


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m paycodes", description="What a payment response code means and what to do next")
    sub = p.add_subparsers(dest="command", required=True)
    e = sub.add_parser("explain", help="explain one code: what happened, did the money move, what to do next")
    e.add_argument("code")
    e.add_argument("--message", "-m")
    e.add_argument("--provider", "-p")
    e.add_argument("--family")
    e.add_argument("--network")
    e.add_argument("--operation")
    e.add_argument("--kind")
    e.add_argument("--lang", default="en")
    e.add_argument("--json", action="store_true")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    opts = dict(
        message=args.message,
        provider=args.provider,
        family=args.family,
        network=args.network,
        operation=args.operation,
        kind=args.kind,
    )
    try:
        if args.json:
            print(decode(args.code, locale=args.lang, **opts).to_json())
        else:
            print(explain(args.code, lang=args.lang, **opts))
        return 0
    except PaycodesError as err:
        status = 2 if 2000 <= err.number < 3000 else 1
        if args.json:
            print(json.dumps({"raw": args.code, "error": err.code, "message": str(err)}, ensure_ascii=False, separators=(",", ":")))
        else:
            print(f"paycodes: {args.code!r}: {err} ({err.code})", file=sys.stderr)
        return status


if __name__ == "__main__":
    sys.exit(main())
