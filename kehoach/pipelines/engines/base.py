"""Types shared by the engines."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Callable, Optional


@dataclass(frozen=True)
class Job:
    sha256: str
    path: str  # the name the parser sees (format guess, messages, source.path)
    data: bytes


@dataclass
class EngineOptions:
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    timeout: float = 300.0  # seconds per document; 0 = none
    max_memory_mb: int = 3072  # address-space cap per worker process; 0 = none
    scheduler: Optional[str] = None  # dask scheduler address; None = start a LocalCluster
    window: int = 4  # jobs in flight per worker, so reading input overlaps parsing


@dataclass
class EngineStats:
    workers: int = 0
    peak_mb: dict[str, float] = field(default_factory=dict)  # worker id -> peak RSS of its parse process
    restarts: int = 0


OnResult = Callable[[Job, dict], None]
