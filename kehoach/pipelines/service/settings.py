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
    max_concurrent: int = 16  # uploaded requests admitted at once (queued for a worker); more -> 429
    workers: int = _default_workers()  # parse processes
    max_memory_mb: int = 3072  # address-space cap (RLIMIT_AS) per parse worker, as batch workers; 0 = none
    upload_timeout: float = 30.0  # seconds to receive the whole body; slower -> 408 (a 1 byte/s client is cut)
    max_per_client: int = 4  # requests in progress (uploading or parsing) per client address; more -> 429
    max_uploads: int = 64  # bodies being received at once, all clients together; more -> 429

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 1024 * 1024)
