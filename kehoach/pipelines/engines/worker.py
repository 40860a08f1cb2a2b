"""One guarded parse process, the unit both engines run documents in.

`Slot` owns a child `python -m kehoach.pipelines.engines.worker` that loads the models once
(a warm-up parse) and then parses one document at a time, sent over its stdin/stdout as
length-prefixed pickles. The child caps its own address space (RLIMIT_AS) so a memory-hungry
file ends in a MemoryError, not in the OOM killer; the parent kills and replaces a child
that overruns the per-document time limit or dies. A plain subprocess (not multiprocessing)
because dask worker processes are daemonic and may not fork multiprocessing children.

Every outcome comes back as a plain dict, never an exception:
  {"ok": True, "json": str, "format": str, "seconds": float, "peak_mb": float}
  {"ok": False, "stage": str, "kind": str, "reason": str, "seconds": float, "peak_mb": float}
"""
from __future__ import annotations

import os
import pickle
import select
import shutil
import struct
import subprocess
import sys
import tempfile
import time
from typing import Any, Optional

_HEADER = struct.Struct("!Q")
READY_TIMEOUT = 600.0  # model loading on a cold, busy machine; not counted against any document

# A tiny plan, parsed once at start so the first real document does not pay for model loading.
_WARMUP = (
    "CÔNG ĐOÀN TRƯỜNG MẦM NON A\nKẾ HOẠCH\nHoạt động công đoàn năm học 2024 - 2025\n"
    "Căn cứ Công văn số 12/CV-CĐ ngày 01/9/2024;\nI. MỤC TIÊU\n1. Phấn đấu 100% đoàn viên tham gia.\n"
)


def parse_one(name: str, data: bytes) -> dict:
    """Parse in this process; the same call for every engine, so JSON is byte-identical."""
    from kehoach.parser import parse_bytes
    from kehoach.parser.errors import KehoachError

    t0, c0 = time.perf_counter(), time.process_time()
    try:
        doc = parse_bytes(data, name)
        res: dict[str, Any] = {"ok": True, "json": doc.to_json(), "format": doc.source.format,
                               "is_plan": doc.source.is_plan}
    except KehoachError as e:
        res = {"ok": False, "stage": e.stage, "kind": e.kind, "reason": e.reason}
    except MemoryError:
        res = {"ok": False, "stage": "parse", "kind": "MemoryError",
               "reason": "the document needed more memory than the per-document limit allows"}
    except RecursionError:
        res = {"ok": False, "stage": "parse", "kind": "Crash", "reason": "RecursionError: structure nested too deeply"}
    except Exception as e:  # noqa: BLE001 - a parser bug: a crash of this document, not of the batch
        res = {"ok": False, "stage": "parse", "kind": "Crash", "reason": f"{type(e).__name__}: {e}"}
    res["seconds"] = time.perf_counter() - t0
    res["cpu_seconds"] = time.process_time() - c0
    return res


def _peak_mb() -> float:
    """Peak RSS of this process. VmHWM, because ru_maxrss survives exec on Linux and would
    report the parent's size at fork time."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ------------------------------------------------------------------ child side


def _read_exact(fd: int, n: int) -> Optional[bytes]:
    buf = bytearray()
    while len(buf) < n:
        chunk = os.read(fd, min(n - len(buf), 1 << 20))
        if not chunk:
            return None
        buf += chunk
    return bytes(buf)


def _write_msg(fd: int, obj: Any) -> None:
    payload = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(_HEADER.pack(len(payload)) + payload)
    while view:
        view = view[os.write(fd, view):]


def _child_main(max_memory_mb: int, timeout: float) -> None:
    import resource
    import signal

    # stdout is the protocol channel: keep a private copy, point fd 1 at stderr so a stray
    # print (ours or a C library's) cannot corrupt it.
    out_fd = os.dup(1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    in_fd = sys.stdin.fileno()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when we stop
    if max_memory_mb > 0:
        cap = max_memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    base = tempfile.mkdtemp(prefix="kehoach-batch-")
    try:
        parse_one("warmup.txt", _WARMUP.encode())
    except MemoryError:
        pass  # reported per document below
    _write_msg(out_fd, ("ready", _peak_mb()))
    while True:
        head = _read_exact(in_fd, _HEADER.size)
        if head is None:
            break  # parent gone or done
        try:
            body = _read_exact(in_fd, _HEADER.unpack(head)[0])
            if body is None:
                break
            name, data = pickle.loads(body)
            del body
        except MemoryError:  # the document alone is bigger than the cap
            _write_msg(out_fd, ("done", {"ok": False, "stage": "read", "kind": "MemoryError", "seconds": 0.0,
                                         "peak_mb": _peak_mb(), "reason": "the file does not fit in the "
                                         f"{max_memory_mb} MB per-worker memory limit"}))
            break
        # own deadline as a second net: if the parent died mid-job nobody else would stop us
        signal.alarm(int(timeout * 2) + 10 if timeout > 0 else 0)
        job_dir = tempfile.mkdtemp(dir=base)  # converters and OCR write here and nowhere else
        tempfile.tempdir = job_dir
        os.environ["TMPDIR"] = job_dir
        os.chdir(job_dir)
        try:
            res = parse_one(name, data)
        finally:
            os.chdir(base)
            shutil.rmtree(job_dir, ignore_errors=True)
            signal.alarm(0)
        res["peak_mb"] = _peak_mb()
        try:
            _write_msg(out_fd, ("done", res))
        except MemoryError:
            _write_msg(out_fd, ("done", {"ok": False, "stage": "parse", "kind": "MemoryError",
                                         "reason": "result too large for the memory limit",
                                         "seconds": res["seconds"], "peak_mb": res["peak_mb"]}))
        if res.get("kind") == "MemoryError":
            break  # a process that hit its limit may be in a poor state: let the parent start a fresh one
    shutil.rmtree(base, ignore_errors=True)


# ------------------------------------------------------------------ parent side


class Slot:
    """A parent-side handle on one guarded child. Not thread-safe: one thread per slot."""

    def __init__(self, timeout: float = 300.0, max_memory_mb: int = 0):
        self.timeout = timeout
        self.max_memory_mb = max_memory_mb
        self.proc: Optional[subprocess.Popen] = None
        self.peak_mb = 0.0  # highest peak RSS any of this slot's children reported
        self.restarts = 0

    def _start(self) -> None:
        cmd = [sys.executable, "-m", "kehoach.pipelines.engines.worker",
               str(int(self.max_memory_mb)), str(float(self.timeout))]
        stderr = None if os.environ.get("KEHOACH_WORKER_STDERR") == "inherit" else subprocess.DEVNULL
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr,
                                     close_fds=True)
        tag, value = self._recv(time.monotonic() + READY_TIMEOUT)
        if tag != "ready":
            raise RuntimeError(f"parse worker did not start: {value}")
        self.peak_mb = max(self.peak_mb, float(value))

    def _recv(self, deadline: float) -> tuple[str, Any]:
        """('done'|'ready', value), ('timeout', None) or ('dead', exit code)."""
        assert self.proc and self.proc.stdout
        fd = self.proc.stdout.fileno()
        buf = bytearray()
        need = _HEADER.size
        header_done = False
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return "timeout", None
            ready, _, _ = select.select([fd], [], [], min(left, 1.0))
            if not ready:
                continue
            chunk = os.read(fd, need - len(buf))
            if not chunk:
                return "dead", self.proc.wait()
            buf += chunk
            if not header_done and len(buf) >= _HEADER.size:
                need = _HEADER.size + _HEADER.unpack(bytes(buf[:_HEADER.size]))[0]
                header_done = True
            if header_done and len(buf) >= need:
                return pickle.loads(bytes(buf[_HEADER.size:need]))

    def kill(self) -> None:
        if self.proc is not None:
            try:
                self.proc.kill()
            except ProcessLookupError:
                pass
            self.proc.wait()
            for f in (self.proc.stdin, self.proc.stdout):
                if f:
                    f.close()
            self.proc = None

    def close(self) -> None:
        """Ask the child to stop (EOF on its stdin), kill it if it does not."""
        if self.proc is None:
            return
        try:
            assert self.proc.stdin
            self.proc.stdin.close()
            self.proc.wait(5)
        except (OSError, subprocess.TimeoutExpired):
            pass
        self.kill()

    def run(self, name: str, data: bytes) -> dict:
        if self.proc is None or self.proc.poll() is not None:
            if self.proc is not None:
                self.kill()
                self.restarts += 1
            self._start()
        assert self.proc and self.proc.stdin
        t0 = time.monotonic()
        try:
            payload = pickle.dumps((name, data), protocol=pickle.HIGHEST_PROTOCOL)
            self.proc.stdin.write(_HEADER.pack(len(payload)))
            self.proc.stdin.write(payload)
            self.proc.stdin.flush()
            tag, value = self._recv(t0 + self.timeout if self.timeout > 0 else float("inf"))
        except (BrokenPipeError, OSError):
            # the child stopped reading: it may have said why before exiting
            tag, value = self._recv(time.monotonic() + 5)
            if tag == "timeout":
                tag, value = "dead", self.proc.poll()
        seconds = time.monotonic() - t0
        if tag == "done":
            self.peak_mb = max(self.peak_mb, float(value.get("peak_mb") or 0))
            return value
        self.kill()  # timed out or died: the next document gets a fresh process
        self.restarts += 1
        if tag == "timeout":
            return {"ok": False, "stage": "parse", "kind": "Timeout", "seconds": seconds, "peak_mb": None,
                    "reason": f"parsing took longer than the {self.timeout:g} s limit; the worker was stopped"}
        code = value
        how = f"killed by signal {-code}" if isinstance(code, int) and code < 0 else f"exit code {code}"
        hint = " (likely out of memory)" if code == -9 else ""
        return {"ok": False, "stage": "parse", "kind": "WorkerCrashed", "seconds": seconds, "peak_mb": None,
                "reason": f"the parse worker died on this document ({how}){hint}"}


if __name__ == "__main__":
    _child_main(int(sys.argv[1]), float(sys.argv[2]))
