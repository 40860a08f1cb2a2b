"""Put a page text looked up again with the search tool into the git-ignored cache.

    python scripts/real_put.py ID FILE

FILE holds what the search tool returned for the row's recorded query: the whole JSON answer,
or just the result's "excerpt" string literal(s). Every JSON string literal in FILE is decoded;
pieces are joined the ways the tool may have cut them, and the first text whose sha256 matches
SOURCES.tsv is written to cache/ID.txt. Exit 0 on a match, 1 when none matches (nothing is
written then: a changed page is a new document, to be recorded as such).
"""
from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

from real_common import CACHE, rows

_LITERAL = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)


def literals(raw: str) -> list[str]:
    """Decoded string literals of FILE, longest first; FILE's own text when it has none."""
    try:
        found = [json.loads(m.group(0)) for m in _LITERAL.finditer(raw)]
    except json.JSONDecodeError:
        found = []
    found = [s for s in found if isinstance(s, str) and len(s) > 40]
    return sorted(found, key=len, reverse=True) or [raw]


def candidates(pieces: list[str]):
    for text in pieces:
        yield text
    for glue in ("\n\n", "\n", "", " "):
        yield glue.join(pieces)
        yield glue.join(sorted(pieces, key=len, reverse=False))


def variants(text: str):
    yield text
    yield text.strip()
    yield text + "\n"
    yield text.strip() + "\n"


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    rid, path = argv
    want = {r["id"]: r["sha256"] for r in rows()}.get(rid)
    if want is None:
        print(f"{rid}: no such row in SOURCES.tsv", file=sys.stderr)
        return 2
    pieces = literals(Path(path).read_text(encoding="utf-8"))
    for cand in candidates(pieces):
        for text in variants(cand):
            if hashlib.sha256(text.encode("utf-8")).hexdigest() == want:
                CACHE.mkdir(parents=True, exist_ok=True)
                (CACHE / f"{rid}.txt").write_text(text, encoding="utf-8", newline="")
                print(f"{rid}: sha256 matches; written to cache/{rid}.txt ({len(text)} chars)")
                return 0
    print(f"{rid}: no join of {len(pieces)} piece(s) matches the recorded sha256", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
