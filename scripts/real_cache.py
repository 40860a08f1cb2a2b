"""Tell which texts of corpora/real are in the git-ignored cache; restore what can be restored.

    python scripts/real_cache.py [--mirrors /work/.mirror]

A `repo` row (github:OWNER/REPO:PATH@COMMIT) is restored from a local git mirror of that
repository when one is present. A `page` row cannot be fetched by a script on these machines
(no web access); it is listed as missing with the query that found it, to be looked up again
with the search tool. Every cached file is checked against the sha256 recorded in SOURCES.tsv.
Exit 0 when every `used` row is present and intact, 1 otherwise.
"""
from __future__ import annotations

import argparse
import hashlib
import re
import subprocess
import sys
from pathlib import Path

from real_common import CACHE, rows

REPO_WHERE = re.compile(r"^github:(?P<repo>[^/:]+/[^:]+):(?P<path>.+)@(?P<commit>[0-9a-f]{7,40})$")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def restore(row: dict, mirrors: Path) -> Path | None:
    m = REPO_WHERE.match(row["where"])
    if not m:
        return None
    owner, name = m["repo"].split("/", 1)
    for gitdir in sorted(mirrors.glob(f"{owner}+{name}*")):
        cand = [gitdir] + [p.parent for p in gitdir.rglob("HEAD") if p.parent != gitdir]
        for d in cand:
            res = subprocess.run(["git", f"--git-dir={d}", "show", f"{m['commit']}:{m['path']}"],
                                 capture_output=True)
            if res.returncode == 0:
                ext = Path(m["path"]).suffix.lower() or f".{row['format']}"
                out = CACHE / f"{row['id']}{ext}"
                out.write_bytes(res.stdout)
                return out
    return None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mirrors", type=Path, default=Path("/work/.mirror"))
    args = ap.parse_args(argv)
    CACHE.mkdir(parents=True, exist_ok=True)
    used = [r for r in rows() if r["status"] == "used"]
    present = restored = 0
    missing, changed = [], []
    for r in used:
        hits = sorted(CACHE.glob(f"{r['id']}.*"))
        path = hits[0] if hits else None
        if path is None and r["kind"] == "repo":
            path = restore(r, args.mirrors)
            restored += path is not None
        if path is None:
            missing.append(r)
            continue
        if r["sha256"] and sha256(path) != r["sha256"]:
            changed.append((r, path))
            continue
        present += 1
    known = {r["id"] for r in rows()}
    orphans = sorted(p.name for p in CACHE.iterdir() if p.is_file() and p.name.rsplit(".", 1)[0] not in known)
    print(f"{len(used)} used document(s): {present} present and intact ({restored} restored from mirrors), "
          f"{len(missing)} missing, {len(changed)} changed; {len(orphans)} cached file(s) without a row")
    for name in orphans:
        print(f"orphan   {name}: in cache/ but not in SOURCES.tsv (record it or remove it)")
    for r in missing:
        print(f"missing  {r['id']}\t{r['kind']}\t{r['where']}\tquery: {r['query']}")
    for r, p in changed:
        print(f"changed  {r['id']}\t{p.name}: sha256 differs from SOURCES.tsv")
    return 0 if not missing and not changed else 1


if __name__ == "__main__":
    sys.exit(main())
