"""Response bodies of the service that are not the parse output itself (that is `PlanDocument`)."""
from __future__ import annotations

from typing import Optional

from pydantic import BaseModel

from kehoach.parser.schema import Finding


class CheckResult(BaseModel):
    """`POST /check`: the findings of the consistency checks, and how many of each severity."""

    path: Optional[str] = None
    sha256: Optional[str] = None
    counts: dict[str, int]
    findings: list[Finding]


class ErrorBody(BaseModel):
    """Every 4xx/5xx: `detail` is one line a person can read (for parse errors, the KehoachError message)."""

    detail: str
    error: str
    stage: Optional[str] = None


class Health(BaseModel):
    status: str
    version: str
    schema_version: str
    workers: int
    busy_workers: int
    in_flight: int  # requests whose body has arrived: queued for or in a parse worker
    max_concurrent: int
    uploading: int = 0  # bodies being received (they hold no parse slot)
    max_per_client: int = 0
    upload_timeout: float = 0.0
    max_memory_mb: int = 0
    max_upload_mb: float
    timeout: float
    auth: bool
