"""Engines run parse jobs and hand results back to the batch in the calling thread.

`local`: N guarded worker processes on this machine. `dask`: the same guarded workers, one
inside each dask.distributed worker process (a LocalCluster when no scheduler is given).
Both call `worker.parse_one` on the same bytes and name, so per-document JSON is identical.
"""
from __future__ import annotations

from kehoach.pipelines.engines.base import EngineOptions, EngineStats, Job, OnResult

ENGINES = ("local", "dask")


def run(engine: str, jobs, on_result: OnResult, opts: EngineOptions) -> EngineStats:
    if engine == "local":
        from kehoach.pipelines.engines.local import run as run_local

        return run_local(jobs, on_result, opts)
    if engine == "dask":
        from kehoach.pipelines.engines.dask_engine import run as run_dask

        return run_dask(jobs, on_result, opts)
    raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")


__all__ = ["ENGINES", "EngineOptions", "EngineStats", "Job", "OnResult", "run"]
