"""Local engine: one guarded parse process per thread, threads only wait on pipes.

Parsing happens in the child processes (no GIL contention); the threads just ship bytes
and wait, with the time limit, for the answer. Results reach `on_result` in the calling
thread, so the batch's writes need no locking.
"""
from __future__ import annotations

import threading
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from typing import Iterable

from kehoach.pipelines.engines.base import EngineOptions, EngineStats, Job, OnResult
from kehoach.pipelines.engines.worker import Slot


def run(jobs: Iterable[Job], on_result: OnResult, opts: EngineOptions) -> EngineStats:
    n = max(1, int(opts.workers))
    local = threading.local()
    slots: list[Slot] = []
    lock = threading.Lock()

    def work(job: Job) -> dict:
        slot = getattr(local, "slot", None)
        if slot is None:
            slot = local.slot = Slot(opts.timeout, opts.max_memory_mb)
            with lock:
                slots.append(slot)
        return slot.run(job.path, job.data)

    it = iter(jobs)
    pending: dict[Future, Job] = {}
    try:
        with ThreadPoolExecutor(max_workers=n, thread_name_prefix="kehoach-batch") as pool:
            exhausted = False
            while True:
                while not exhausted and len(pending) < n * max(1, opts.window):
                    job = next(it, None)
                    if job is None:
                        exhausted = True
                        break
                    pending[pool.submit(work, job)] = job
                if not pending:
                    break
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    on_result(pending.pop(fut), fut.result())
    finally:
        for s in slots:
            s.close()
    return EngineStats(workers=n, peak_mb={f"local-{i}": s.peak_mb for i, s in enumerate(slots)},
                       restarts=sum(s.restarts for s in slots))
