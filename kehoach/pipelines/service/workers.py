"""Parse in worker processes, so a request can time out for real.

Parsing is CPU-bound Python: threads would share one core through the GIL and a stuck
thread cannot be stopped. Each worker is a spawned process that loads the models once,
then takes one job at a time over a pipe. On timeout the worker is killed and replaced,
so a pathological upload costs one process, not the server.

Each worker caps its own address space (RLIMIT_AS, `--max-memory-mb`, as batch workers do):
a document that needs more ends in a 413 and a fresh worker, never in the OOM killer.

Each job runs in its own temp dir (cwd, `tempfile.tempdir` and TMPDIR point there, so
converters and OCR write nowhere else); the dir is removed when the job ends.
"""
from __future__ import annotations

import asyncio
import multiprocessing as mp
import os
import shutil
import signal
import tempfile
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any, Optional

# A tiny plan, parsed once at worker start so the first real request does not pay for model loading.
_WARMUP = (
    "CÔNG ĐOÀN TRƯỜNG MẦM NON A\nKẾ HOẠCH\nHoạt động công đoàn năm học 2024 - 2025\n"
    "Căn cứ Công văn số 12/CV-CĐ ngày 01/9/2024;\nI. MỤC TIÊU\n1. Phấn đấu 100% đoàn viên tham gia.\n"
)


@dataclass
class JobError(Exception):
    """A KehoachError raised in the worker, carried back as plain data (exceptions with
    custom __init__ do not unpickle)."""

    kind: str
    message: str
    stage: str

    def __str__(self) -> str:
        return self.message


class JobTimeout(Exception):
    pass


class WorkerCrashed(Exception):
    pass


def _findings_json(doc: Any) -> str:
    from kehoach.pipelines.service.models import CheckResult

    counts = {"error": 0, "warning": 0, "info": 0}
    for f in doc.findings:
        counts[f.severity] += 1
    result = CheckResult(path=doc.source.path, sha256=doc.source.sha256, counts=counts, findings=doc.findings)
    return result.model_dump_json(indent=2)


def _run_job(kind: str, data: bytes, name: str, opts: dict) -> str:
    from kehoach.parser import parse_bytes

    doc = parse_bytes(data, name, nlp=opts.get("nlp", True), checks=opts.get("checks", True))
    if kind == "check":
        return _findings_json(doc)
    return doc.to_json(with_text=bool(opts.get("with_text")))


def _worker_main(conn: Connection, base_tmp: str, max_memory_mb: int = 0) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server stops workers itself
    if max_memory_mb > 0:  # like batch workers: a memory-hungry file ends in MemoryError, not the OOM killer
        import resource

        cap = max_memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    from kehoach.parser.errors import KehoachError

    os.chdir(base_tmp)
    try:
        _run_job("parse", _WARMUP.encode(), "warmup.txt", {})
    except Exception:  # noqa: BLE001 - warm-up is best effort; real jobs report their own errors
        pass
    conn.send(("ready", None))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        kind, data, name, opts = job
        restart = False
        job_dir = tempfile.mkdtemp(prefix="job-", dir=base_tmp)
        tempfile.tempdir = job_dir
        os.environ["TMPDIR"] = job_dir
        os.chdir(job_dir)
        try:
            reply: tuple = ("ok", _run_job(kind, data, name, opts))
        except KehoachError as e:
            reply = ("error", (e.kind, str(e), e.stage))
            restart = e.kind == "TooLarge" and isinstance(e.__cause__, MemoryError)
        except MemoryError:
            # a process that hit its cap may be in a poor state: answer, then let the pool replace it
            reply = ("error", ("TooLarge", f"{name}: the document needs more memory than the {max_memory_mb} MB "
                                           "per-worker limit (kehoach serve --max-memory-mb)", "parse"))
            restart = True
        except Exception as e:  # noqa: BLE001 - a bug in the parser: report it, keep the worker
            reply = ("crash", f"{type(e).__name__}: {e}")
        finally:
            os.chdir(base_tmp)
            tempfile.tempdir = base_tmp
            os.environ["TMPDIR"] = base_tmp
            shutil.rmtree(job_dir, ignore_errors=True)
        try:
            conn.send(reply + (restart,))
        except (BrokenPipeError, OSError, MemoryError):
            return
        if restart:
            return


class _Worker:
    def __init__(self, ctx: Any, base_tmp: str, max_memory_mb: int = 0):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, base_tmp, max_memory_mb), daemon=True,
                                name="kehoach-parse")
        self.proc.start()
        child.close()
        self.ready = False

    def stop(self, grace: float = 2.0) -> None:
        try:
            self.conn.send(None)
        except (BrokenPipeError, OSError):
            pass
        self.proc.join(grace)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(1)
        self.conn.close()

    def kill(self) -> None:
        self.proc.kill()
        self.proc.join(2)
        self.conn.close()


async def _readable(conn: Connection, timeout: float) -> bool:
    """Wait until the pipe has data (or EOF) without tying up a thread."""
    loop = asyncio.get_running_loop()
    if conn.poll():
        return True
    fut: asyncio.Future = loop.create_future()
    fd = conn.fileno()
    loop.add_reader(fd, lambda: fut.done() or fut.set_result(None))
    try:
        await asyncio.wait_for(fut, max(0.0, timeout))
        return True
    except asyncio.TimeoutError:
        return False
    finally:
        loop.remove_reader(fd)


class ParsePool:
    """A fixed number of parse processes; `run` waits for a free one until the deadline."""

    def __init__(self, size: int, max_memory_mb: int = 0):
        self.size = size
        self.max_memory_mb = max_memory_mb
        self._ctx = mp.get_context("spawn")  # fork in a threaded/async server is unsafe
        self._base: Optional[str] = None
        self._idle: Optional[asyncio.Queue[_Worker]] = None
        self._all: set[_Worker] = set()

    @property
    def busy(self) -> int:
        return self.size - (self._idle.qsize() if self._idle else 0)

    def start(self) -> None:
        self._base = tempfile.mkdtemp(prefix="kehoach-serve-")
        self._idle = asyncio.Queue()
        for _ in range(self.size):
            w = _Worker(self._ctx, self._base, self.max_memory_mb)
            self._all.add(w)
            self._idle.put_nowait(w)

    async def wait_ready(self, timeout: float = 120.0) -> None:
        """Wait for every idle worker's warm-up (used at startup, so /healthz means ready)."""
        assert self._idle is not None
        workers = [self._idle.get_nowait() for _ in range(self._idle.qsize())]
        try:
            for w in workers:
                await self._await_ready(w, time.monotonic() + timeout)
        finally:
            for w in workers:
                self._idle.put_nowait(w)

    async def _await_ready(self, w: _Worker, deadline: float) -> None:
        while not w.ready:
            if not await _readable(w.conn, deadline - time.monotonic()):
                raise JobTimeout("worker did not start in time")
            w.ready = self._recv(w)[0] == "ready"

    def _recv(self, w: _Worker) -> tuple:
        try:
            return w.conn.recv()
        except (EOFError, OSError) as e:
            raise WorkerCrashed(f"parse worker exited (code {w.proc.exitcode})") from e

    def _replace(self, w: _Worker) -> _Worker:
        assert self._base is not None
        w.kill()
        self._all.discard(w)
        fresh = _Worker(self._ctx, self._base, self.max_memory_mb)
        self._all.add(fresh)
        return fresh

    async def run(self, kind: str, data: bytes, name: str, opts: dict, deadline: float) -> str:
        """Parse in a worker; raises JobTimeout, JobError or WorkerCrashed."""
        assert self._idle is not None
        try:
            w = await asyncio.wait_for(self._idle.get(), max(0.0, deadline - time.monotonic()))
        except asyncio.TimeoutError:
            raise JobTimeout("no parse worker became free in time") from None
        if not w.proc.is_alive():  # died while idle (OOM killer, operator): not this upload's fault
            w = self._replace(w)
        clean = False
        try:
            await self._await_ready(w, deadline)
            try:
                w.conn.send((kind, data, name, opts))
            except OSError as e:
                raise WorkerCrashed(f"parse worker exited (code {w.proc.exitcode})") from e
            if not await _readable(w.conn, deadline - time.monotonic()):
                raise JobTimeout("parse did not finish in time")
            tag, value, *rest = self._recv(w)
            clean = not (rest and rest[0])  # the worker hit its memory cap and is exiting: replace it
        finally:
            # timed out, crashed or cancelled mid-job: its pipe may still carry a late reply
            self._idle.put_nowait(w if clean else self._replace(w))
        if tag == "ok":
            return value
        if tag == "error":
            raise JobError(*value)
        raise WorkerCrashed(str(value))

    def close(self) -> None:
        for w in list(self._all):
            w.stop()
        self._all.clear()
        if self._base:
            shutil.rmtree(self._base, ignore_errors=True)
