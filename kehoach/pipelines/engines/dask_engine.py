"""Dask engine: the same guarded parse, scheduled by dask.distributed.

Each dask worker thread keeps one guarded parse process (`Slot`) for its lifetime, so
models load once per worker, and the per-document time limit and memory cap apply exactly
as in the local engine. With no scheduler address a LocalCluster of `workers` processes
(one thread each) is started and stopped here.
"""
from __future__ import annotations

import atexit
import os
import threading
from typing import Iterable

from kehoach.pipelines.engines.base import EngineOptions, EngineStats, Job, OnResult
from kehoach.pipelines.engines.worker import Slot

_local = threading.local()
_slots: list[Slot] = []


def _close_slots() -> None:
    for s in _slots:
        s.close()


atexit.register(_close_slots)


def remote_parse(path: str, data: bytes, timeout: float, max_memory_mb: int) -> dict:
    """Runs on a dask worker."""
    slot = getattr(_local, "slot", None)
    if slot is None:
        slot = _local.slot = Slot(timeout, max_memory_mb)
        _slots.append(slot)
    res = slot.run(path, data)
    res["worker"] = f"{os.getpid()}-{threading.get_ident()}"
    res["worker_peak_mb"] = slot.peak_mb
    return res


def run(jobs: Iterable[Job], on_result: OnResult, opts: EngineOptions) -> EngineStats:
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    if opts.scheduler:
        client = Client(opts.scheduler)
    else:
        cluster = LocalCluster(n_workers=max(1, int(opts.workers)), threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=40)
        client = Client(cluster)
    stats = EngineStats()
    try:
        nthreads = sum(client.nthreads().values()) or 1
        stats.workers = nthreads
        window = nthreads * max(1, opts.window)
        it = iter(jobs)
        futures = {}
        ac = as_completed()

        def submit_next() -> bool:
            job = next(it, None)
            if job is None:
                return False
            # pure=False: a rerun of the same bytes must parse again, not reuse a cached key
            fut = client.submit(remote_parse, job.path, job.data, opts.timeout, opts.max_memory_mb, pure=False)
            futures[fut.key] = job
            ac.add(fut)
            return True

        more = True
        while more and len(futures) < window:
            more = submit_next()
        for fut in ac:
            job = futures.pop(fut.key)
            try:
                res = fut.result()
            except Exception as e:  # noqa: BLE001 - the dask worker itself failed on this task
                res = {"ok": False, "stage": "parse", "kind": "WorkerCrashed",
                       "reason": f"dask task failed: {type(e).__name__}: {e}", "seconds": None, "peak_mb": None}
            fut.release()
            if res.get("worker"):
                stats.peak_mb[res["worker"]] = max(stats.peak_mb.get(res["worker"], 0.0),
                                                   float(res.get("worker_peak_mb") or 0))
            for k in ("worker", "worker_peak_mb"):
                res.pop(k, None)
            on_result(job, res)
            if more:
                more = submit_next()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return stats
