"""Parse many documents on every core: for the tests that parse hundreds of generated plans
or injected variants. One pool per test session (workers load the NLP models once), shut
down at exit. Results are the same PlanDocuments an in-process parse gives."""
from __future__ import annotations

import atexit
import multiprocessing as mp
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Iterable, Optional

from kehoach.parser.schema import PlanDocument

Job = tuple[bytes, str, dict]  # (data, name, parse_bytes keyword arguments)
_POOL: Optional[ProcessPoolExecutor] = None


def _parse(job: Job) -> PlanDocument:
    from kehoach.parser import parse_bytes

    data, name, kw = job
    return parse_bytes(data, name, **kw)


def _pool() -> ProcessPoolExecutor:
    global _POOL
    if _POOL is None:
        # forkserver: workers start from a clean process that has imported the parser, not
        # forked from a test process that may hold threads (Dask, OCR pools, a browser)
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["kehoach.parser", "kehoach.parser.nlp", "kehoach.parser.checks"])
        _POOL = ProcessPoolExecutor(max_workers=max(1, os.cpu_count() or 1), mp_context=ctx)
        atexit.register(_POOL.shutdown, cancel_futures=True)
    return _POOL


def parse_many(jobs: Iterable[Job]) -> list[PlanDocument]:
    """parse_bytes over every job, in order, on all cores."""
    jobs = list(jobs)
    if len(jobs) < 4 or (os.cpu_count() or 1) < 2:
        return [_parse(j) for j in jobs]
    return list(_pool().map(_parse, jobs, chunksize=max(1, min(8, len(jobs) // 16))))


# ------------------------------------------------------------------ one bounded child per case

_CHILDREN = None


def _children():
    """Children forked from a server that has imported the parser: a case starts in
    milliseconds instead of a new interpreter importing kehoach (~2 s), and still runs in a
    process of its own with its own address-space limit."""
    global _CHILDREN
    if _CHILDREN is None:
        _CHILDREN = mp.get_context("forkserver")
        _CHILDREN.set_forkserver_preload(["kehoach.parser", "kehoach.parser.readers", "kehoach.parser.frame",
                                          "kehoach.parser.segment", "kehoach.parser.text.assemble"])
    return _CHILDREN


def _bounded_child(path: str, mem: int, conn) -> None:
    import resource
    import time
    import traceback

    resource.setrlimit(resource.RLIMIT_AS, (mem, mem))
    from kehoach.parser import parse
    from kehoach.parser.errors import KehoachError

    t = time.perf_counter()
    try:
        doc = parse(path, nlp=False, checks=False)
        out = {"ok": True, "text": doc.text, "pages": doc.source.pages, "ocr": doc.source.ocr}
    except KehoachError as e:
        out = {"ok": False, "kind": type(e).__name__, "msg": str(e), "stage": e.stage}
    except BaseException:  # anything but a KehoachError is a failure of the case, with its traceback
        out = {"crash": traceback.format_exc()}
    out["seconds"] = time.perf_counter() - t
    # VmHWM: this process's peak resident size (the forkserver it came from is small)
    hwm = [ln for ln in open("/proc/self/status") if ln.startswith("VmHWM:")][0]
    out["peak_mb"] = int(hwm.split()[1]) / 1024
    conn.send(out)
    conn.close()


def bounded_parse(path, mem: int, timeout: float) -> dict:
    """parse(path, nlp=False, checks=False) in a child process limited to `mem` bytes of address
    space and `timeout` seconds: the outcome as a dict (ok/text/pages/ocr or kind/msg/stage)."""
    ctx = _children()
    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_bounded_child, args=(str(path), mem, send))
    proc.start()
    send.close()
    try:
        if not recv.poll(timeout):
            raise AssertionError(f"{path}: no result within {timeout} s")
        out = recv.recv()
    except EOFError:
        out = {"crash": f"child died with exit code {proc.join(5) or proc.exitcode}"}
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(10)
    assert "crash" not in out, out["crash"][-3000:]
    return out
