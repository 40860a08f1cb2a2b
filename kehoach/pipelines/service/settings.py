"""Service settings: the limits `kehoach serve` exposes as flags, in one typed place."""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Optional


def _default_workers() -> int:
    # one parse process per core: parsing is CPU-bound and the GIL would serialize threads
    return max(1, min(4, os.cpu_count() or 1))


@dataclass(frozen=True)
class Settings:
    token: Optional[str] = None  # bearer token for /parse and /check; None = open
    max_upload_mb: float = 20.0  # request bodies over this get 413
    timeout: float = 60.0  # seconds per request, from admission to result; over it -> 504
    max_concurrent: int = 16  # requests admitted at once (queued for a worker); more -> 429
    workers: int = _default_workers()  # parse processes

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 1024 * 1024)
