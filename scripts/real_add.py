"""Record a document looked at for corpora/real: cache its text and add its SOURCES.tsv row.

    python scripts/real_add.py ID --kind page --where URL --query "..." --text FILE [--note ...]
    python scripts/real_add.py ID --kind repo --where github:O/R:PATH@COMMIT --query "..." --file F
    python scripts/real_add.py ID --skipped --kind page --where URL --query "..." --note "why"

--text FILE (or - for stdin) is web text, stored as cache/ID.txt (UTF-8, NFC as given);
--file copies a document file (cache/ID.<ext>). The row carries the sha256 of the cached
bytes. Rows are appended under a lock, so several people can add at once.
"""
from __future__ import annotations

import argparse
import datetime as dt
import fcntl
import hashlib
import shutil
import sys
from pathlib import Path

from real_common import CACHE, SOURCES, rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("id")
    ap.add_argument("--kind", choices=["page", "repo"], required=True)
    ap.add_argument("--where", required=True)
    ap.add_argument("--query", required=True)
    ap.add_argument("--text", help="web text file, or - for stdin")
    ap.add_argument("--file", type=Path, help="a document file (.docx, .pdf, .doc, ...)")
    ap.add_argument("--skipped", action="store_true", help="looked at, not used (say why in --note)")
    ap.add_argument("--note", default="")
    args = ap.parse_args(argv)
    for bad in "\t\n":
        if any(bad in (v or "") for v in (args.where, args.query, args.note, args.id)):
            ap.error("no tabs or newlines in fields")
    if any(r["id"] == args.id for r in rows()):
        ap.error(f"id {args.id} is already in SOURCES.tsv")
    CACHE.mkdir(parents=True, exist_ok=True)
    sha = fmt = chars = ""
    if not args.skipped:
        if args.text:
            data = sys.stdin.read() if args.text == "-" else Path(args.text).read_text(encoding="utf-8")
            out = CACHE / f"{args.id}.txt"
            out.write_text(data, encoding="utf-8")
            fmt, chars = "txt", str(len(data))
        elif args.file:
            out = CACHE / f"{args.id}{args.file.suffix.lower()}"
            shutil.copyfile(args.file, out)
            fmt, chars = args.file.suffix.lower().lstrip("."), ""
        else:
            ap.error("--text or --file (or --skipped)")
        sha = hashlib.sha256(out.read_bytes()).hexdigest()
    row = [args.id, "skipped" if args.skipped else "used", args.kind, args.where, args.query, sha,
           dt.date.today().isoformat(), fmt, chars, args.note]
    with SOURCES.open("a", encoding="utf-8") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        fh.write("\t".join(row) + "\n")
    print(f"{args.id}: {row[1]}" + (f", cached as {out.name} ({sha[:12]})" if sha else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
