"""`kehoach batch`: parse a whole archive of plans into per-document JSON and tables.

Flow: discover inputs (files, folders, .zip, fsspec URLs; pipelines/discover.py, shared with
check and compare) -> hash each input's bytes ->
skip what the manifest already holds (same sha256 = same document, whatever its name) ->
parse the rest on an engine (guarded worker processes) -> write OUT/json/<stem>.json, then
append a manifest line (fsync) -> at the end rebuild every table from the manifest and the
per-document JSON (`store.rebuild`), so a resumed run yields exactly the tables a clean
run would.

The manifest (OUT/manifest.jsonl) is append-only; a line is written only after the JSON
file it points to is on disk. A kill -9 can at worst cut the last line (ignored and trimmed
on the next start) or leave a JSON without its line (parsed again, same bytes): nothing is
lost and nothing is counted twice.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Iterable, Iterator, Optional

from kehoach.pipelines import archive
# discovery is shared with check and compare; Found/Input/discover stay importable from here
from kehoach.pipelines.discover import Found, Input, discover, mismatch  # noqa: F401
from kehoach.pipelines.engines import EngineOptions, EngineStats, Job

MANIFEST = "manifest.jsonl"
LOCK = ".lock"


# ------------------------------------------------------------------ manifest


class Manifest:
    """Append-only JSONL keyed by content sha256. Records:

    {"t": "doc", "sha256", "path", "format", "json", "seconds", "is_plan"}   parsed
    {"t": "error", "sha256", "path", "stage", "kind", "reason"}      failed (terminal)
    {"t": "alias", "sha256", "path"}                                   same bytes under another name
    {"t": "reject", "path", "stage", "kind", "reason"}                 refused before hashing (zip-slip, bomb)
    """

    def __init__(self, out: Path):
        self.file = out / MANIFEST
        self.out = out
        self.records: dict[str, dict] = {}  # sha -> doc or error record
        self.paths: dict[str, set[str]] = {}  # sha -> every path seen with those bytes
        self.aliases: list[dict] = []
        self.rejects: dict[str, dict] = {}  # path -> record
        self.json_names: set[str] = set()
        self._load()
        self._fh = open(self.file, "ab")

    def _load(self) -> None:
        if not self.file.exists():
            return
        raw = self.file.read_bytes()
        good = raw[: raw.rfind(b"\n") + 1]  # a kill -9 can leave half a line: drop it
        if len(good) != len(raw):
            with open(self.file, "r+b") as fh:
                fh.truncate(len(good))
                fh.flush()
                os.fsync(fh.fileno())
        for line in good.splitlines():
            try:
                rec = json.loads(line)
            except ValueError:
                continue
            self._apply(rec)
        # a doc whose JSON was removed is parsed again
        for sha, rec in list(self.records.items()):
            if rec["t"] == "doc" and not (self.out / rec["json"]).is_file():
                del self.records[sha]
                self.json_names.discard(rec["json"])

    def _apply(self, rec: dict) -> None:
        t = rec.get("t")
        if t in ("doc", "error"):
            self.records[rec["sha256"]] = rec
            self.paths.setdefault(rec["sha256"], set()).add(rec["path"])
            if t == "doc":
                self.json_names.add(rec["json"])
        elif t == "alias":
            if rec["path"] not in self.paths.setdefault(rec["sha256"], set()):
                self.paths[rec["sha256"]].add(rec["path"])
                self.aliases.append(rec)
        elif t == "reject":
            self.rejects[rec["path"]] = rec

    def append(self, rec: dict) -> None:
        self._fh.write(json.dumps(rec, ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\n")
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._apply(rec)

    def known_path(self, sha: str, path: str) -> bool:
        return path in self.paths.get(sha, ())

    def close(self) -> None:
        self._fh.close()

    # what the tables are built from
    def docs(self) -> list[dict]:
        return sorted((r for r in self.records.values() if r["t"] == "doc"), key=lambda r: r["sha256"])

    def errors(self) -> list[dict]:
        errs = [r for r in self.records.values() if r["t"] == "error"]
        return sorted(errs, key=lambda r: r["sha256"]) + sorted(self.rejects.values(), key=lambda r: r["path"])

    def files(self) -> list[tuple[str, str, bool]]:
        """(sha256, path, is_primary) for every name every document was seen under."""
        rows = []
        for sha, rec in self.records.items():
            for p in sorted(self.paths.get(sha, ())):
                rows.append((sha, p, p == rec["path"]))
        return sorted(rows)


# ------------------------------------------------------------------ progress


class Progress:
    """A rich bar on a terminal; plain log lines to stderr otherwise."""

    def __init__(self, total: int, tty: Optional[bool] = None, stream=None, every: float = 2.0):
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty
        self.total, self.done, self.errors, self.skipped = total, 0, 0, 0
        self.t0 = time.monotonic()
        self.every, self._last = every, 0.0
        self._bar = None
        if self.tty:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress as RichProgress, TextColumn, \
                TimeRemainingColumn

            self._bar = RichProgress(TextColumn("[bold]kehoach batch"), BarColumn(), MofNCompleteColumn(),
                                     TextColumn("{task.fields[rate]} docs/s"), TextColumn("{task.fields[errs]} errors"),
                                     TextColumn("ETA"), TimeRemainingColumn(),
                                     console=Console(file=self.stream), transient=False)
            self._bar.start()
            self._task = self._bar.add_task("batch", total=total, rate="0.0", errs=0)

    @property
    def rate(self) -> float:
        return (self.done - self.skipped) / max(1e-9, time.monotonic() - self.t0)

    def log(self, msg: str) -> None:
        if self._bar is not None:
            self._bar.console.print(msg, markup=False, highlight=False)
        else:
            print(msg, file=self.stream, flush=True)

    def advance(self, *, error: bool = False, skipped: bool = False) -> None:
        self.done += 1
        self.errors += int(error)
        self.skipped += int(skipped)
        if self._bar is not None:
            self._bar.update(self._task, completed=self.done, rate=f"{self.rate:.1f}", errs=self.errors)
            return
        now = time.monotonic()
        if now - self._last >= self.every or self.done == self.total:
            self._last = now
            left = self.total - self.done
            eta = f"{left / self.rate:.0f}s" if self.rate > 0 else "?"
            self.log(f"kehoach batch: {self.done}/{self.total} docs, {self.rate:.1f} docs/s, "
                     f"{self.errors} errors, {self.skipped} already done, ETA {eta}")

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()


# ------------------------------------------------------------------ the run


@dataclass
class Summary:
    out: Path
    found: int = 0
    parsed: int = 0
    errors: int = 0
    skipped: int = 0  # already in the manifest (earlier run, or same bytes earlier in this run)
    aliases: int = 0
    not_plans: int = 0  # parsed, but plan_likeness says they are not plans (source.is_plan false)
    seconds: float = 0.0  # discovery + parsing (worker start included), not the table rebuild
    table_seconds: float = 0.0
    worker_cpu_seconds: float = 0.0  # CPU the parse processes spent on this run's documents
    engine: str = "local"
    stats: EngineStats = field(default_factory=EngineStats)
    tables: dict[str, int] = field(default_factory=dict)

    @property
    def docs_per_s(self) -> float:
        return (self.parsed + self.errors) / max(1e-9, self.seconds)


def _json_name(name_by: str, sha: str, path: str, taken: set[str]) -> str:
    """OUT/json/<stem>.json by default, so a person finds `plan-name.json`; a stem another
    document holds gets its extension (`plan.pdf.json`), then the first 12 hex of its sha256.
    `name_by="sha"`: `<sha256>.json`. The manifest records both the name and the sha256."""
    if name_by == "sha":
        return f"json/{sha}.json"
    base = PurePosixPath(path.replace("\\", "/").split("!")[-1])
    safe = lambda s: "".join(c if c.isalnum() or c in "-_." else "_" for c in s).lstrip(".")  # noqa: E731
    stem = safe(base.stem) or sha
    ext = safe(base.suffix.lstrip("."))
    for cand in (stem, f"{stem}.{ext}" if ext else None, f"{stem}-{sha[:12]}"):
        if cand and f"json/{cand}.json" not in taken:
            return f"json/{cand}.json"
    return f"json/{sha}.json"


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


class LockedError(Exception):
    pass


def run_batch(
    sources: Iterable[str | Path],
    out: str | Path,
    *,
    engine: str = "local",
    options: Optional[EngineOptions] = None,
    name_by: str = "stem",
    limits: archive.Limits = archive.Limits(),
    progress: Optional[Progress] = None,
    tty: Optional[bool] = None,
    build_tables: bool = True,
) -> Summary:
    from kehoach.pipelines import engines, store

    if name_by not in ("sha", "stem"):
        raise ValueError("name_by must be 'sha' or 'stem'")
    out = Path(out)
    (out / "json").mkdir(parents=True, exist_ok=True)
    lock_fh = open(out / LOCK, "w")
    try:
        fcntl.flock(lock_fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        lock_fh.close()
        raise LockedError(f"{out}: another kehoach batch is writing to this folder") from None
    for stale in (out / "json").glob(".*.tmp"):  # a write cut short by a kill; its document is redone
        stale.unlink(missing_ok=True)
    t0 = time.monotonic()
    summary = Summary(out=out, engine=engine)
    manifest = Manifest(out)
    try:
        found = list(discover(sources, limits, skip=out))
        summary.found = len(found)
        prog = progress or Progress(len(found), tty=tty)
        inflight: set[str] = set()
        names: dict[str, str] = {}  # sha -> json name reserved for this run's jobs
        taken = set(manifest.json_names)

        def skip_or_alias(sha: str, path: str) -> None:
            if not manifest.known_path(sha, path):
                manifest.append({"t": "alias", "sha256": sha, "path": path})
                summary.aliases += 1
            summary.skipped += 1
            prog.advance(skipped=True)

        def reject(path: str, kind: str, reason: str, stage: str = "read") -> None:
            if path not in manifest.rejects:
                manifest.append({"t": "reject", "path": path, "stage": stage, "kind": kind, "reason": reason})
            summary.errors += 1
            prog.log(f"kehoach batch: error: {path}: {reason}")
            prog.advance(error=True)

        def jobs() -> Iterator[Job]:
            for item in found:
                if isinstance(item, archive.Rejected):
                    reject(item.path, item.kind, item.reason, item.stage)
                    continue
                try:
                    data = item.read()
                except archive.ArchiveMemberError as e:
                    reject(e.path, e.kind, e.reason)
                    continue
                except OSError as e:
                    reject(item.path, "ReadError", f"cannot read: {e.strerror or e}")
                    continue
                sha = hashlib.sha256(data).hexdigest()
                warning = mismatch(data[:4096], item.path)
                if warning:  # read by its content all the same; the name is what is wrong
                    prog.log(f"kehoach batch: warning: {warning}")
                if sha in manifest.records or sha in inflight:  # same bytes, done or being parsed
                    skip_or_alias(sha, item.path)
                    continue
                inflight.add(sha)
                # the name is taken in input order, not in the order workers finish
                names[sha] = _json_name(name_by, sha, item.path, taken)
                taken.add(names[sha])
                yield Job(sha, item.path, data)

        def on_result(job: Job, res: dict) -> None:
            inflight.discard(job.sha256)
            summary.worker_cpu_seconds += float(res.get("cpu_seconds") or 0)
            if res.get("ok"):
                name = names[job.sha256]
                _write_atomic(out / name, (res["json"] + "\n").encode("utf-8"))
                manifest.append({"t": "doc", "sha256": job.sha256, "path": job.path, "format": res.get("format"),
                                 "json": name, "seconds": round(float(res.get("seconds") or 0), 4),
                                 "is_plan": res.get("is_plan")})
                summary.parsed += 1
                if res.get("is_plan") is False:
                    summary.not_plans += 1
                    prog.log(f"kehoach batch: warning: {job.path}: not a plan (plans.is_plan is false)")
                prog.advance()
            else:
                manifest.append({"t": "error", "sha256": job.sha256, "path": job.path, "stage": res.get("stage"),
                                 "kind": res.get("kind"), "reason": res.get("reason")})
                summary.errors += 1
                prog.log(f"kehoach batch: error: {job.path}: {res.get('reason')} [{res.get('kind')}]")
                prog.advance(error=True)

        try:
            summary.stats = engines.run(engine, jobs(), on_result, options or EngineOptions())
        finally:
            if progress is None:
                prog.close()
        summary.seconds = time.monotonic() - t0
        if build_tables:
            t1 = time.monotonic()
            summary.tables = store.rebuild(out, manifest)
            summary.table_seconds = time.monotonic() - t1
    finally:
        manifest.close()
        lock_fh.close()
    return summary
