"""The HTTP service: `create_app(settings)` builds the FastAPI app `kehoach serve` runs.

Endpoints: POST /parse (the CLI's JSON, byte for byte), POST /check (findings), GET /schema,
GET /healthz, the review page at / (static, same origin), OpenAPI at /openapi.json, and /docs
(Swagger UI) and /redoc rendered from assets served by the app itself (no CDN).
Limits, in the order a request meets them: bearer token (401), requests in progress from
this client address (429), bodies being received by everyone (429), content type (415), body
size (413), upload time (408: the whole body within --upload-timeout, so a client sending
1 byte/s is cut off), form shape (400), parse concurrency (429: only requests whose body has
arrived hold one of the --max-concurrent slots, so slow uploads cannot starve the parsers),
parse errors (415/422 with the KehoachError message, 413 over the worker memory cap),
per-request time (504).
"""
from __future__ import annotations

import asyncio
import secrets
import time
from collections import Counter
from contextlib import asynccontextmanager
from pathlib import Path
from typing import AsyncIterator, Optional

from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline

from kehoach import __version__
from kehoach.parser.schema import SCHEMA_VERSION, PlanDocument, json_schema
from kehoach.pipelines.service.models import CheckResult, ErrorBody, Health
from kehoach.pipelines.service.settings import Settings
from kehoach.pipelines.service.upload import UploadError, extract
from kehoach.pipelines.service.workers import JobError, JobTimeout, ParsePool, WorkerCrashed

STATIC = Path(__file__).parent / "static"

# KehoachError kind -> HTTP status. The file is the problem (4xx) unless the parse ran out of time.
ERROR_STATUS = {
    "UnsupportedFormat": 415,
    "TooLarge": 413,
    "Timeout": 504,
    "InputNotFound": 400,
}
DEFAULT_ERROR_STATUS = 422  # empty, corrupt, encrypted, undecodable, no text, conversion/OCR failed

UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "description": "The plan: a multipart form with a `file` field, or the document itself as the body.",
        "content": {
            "multipart/form-data": {
                "schema": {"type": "object", "properties": {"file": {"type": "string", "format": "binary"}},
                           "required": ["file"]},
            },
            "text/plain": {"schema": {"type": "string"}},
            "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
        },
    }
}
ERRORS = {code: {"model": ErrorBody} for code in (400, 401, 408, 413, 415, 422, 429, 504)}


class _Unauthorized(Exception):
    """Raised by the token check; answered as 401 with WWW-Authenticate."""


def error(status: int, kind: str, detail: str, stage: Optional[str] = None, headers: Optional[dict] = None) -> JSONResponse:
    body = ErrorBody(detail=detail, error=kind, stage=stage).model_dump()
    return JSONResponse(body, status_code=status, headers=headers)


class Admission:
    """Counts requests between admission and response; past the limit they are turned away.
    One event loop, so a plain counter is race-free."""

    def __init__(self, limit: int):
        self.limit = limit
        self.in_flight = 0

    def try_enter(self) -> bool:
        if self.in_flight >= self.limit:
            return False
        self.in_flight += 1
        return True

    def leave(self) -> None:
        self.in_flight -= 1


class PerClient:
    """Requests in progress per client address (uploading or parsing): one address cannot take
    every slot, however slowly it sends. Same event loop, so a plain Counter is race-free."""

    def __init__(self, limit: int):
        self.limit = limit
        self.counts: Counter[str] = Counter()

    def try_enter(self, client: str) -> bool:
        if self.counts[client] >= self.limit:
            return False
        self.counts[client] += 1
        return True

    def leave(self, client: str) -> None:
        self.counts[client] -= 1
        if self.counts[client] <= 0:
            del self.counts[client]


def create_app(settings: Optional[Settings] = None) -> FastAPI:
    settings = settings or Settings()
    pool = ParsePool(settings.workers, settings.max_memory_mb)
    admission = Admission(settings.max_concurrent)  # parsing: bodies that have fully arrived
    uploads = Admission(settings.max_uploads)  # bodies being received
    per_client = PerClient(settings.max_per_client)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        pool.start()
        try:
            await pool.wait_ready()
            yield
        finally:
            pool.close()

    # /docs and /redoc from Swagger UI / ReDoc assets shipped in fastapi-offline (served under
    # /static-offline-docs): FastAPI's own pages load them from a CDN and stay blank offline
    app = FastAPIOffline(
        swagger_ui_parameters={"validatorUrl": None},  # no badge fetched from validator.swagger.io
        title="kehoach",
        version=__version__,
        description="Đọc kế hoạch công đoàn thành JSON có cấu trúc. Parse Vietnamese trade-union plans "
                    "(.docx/.pdf/.txt/...) into the same JSON as `kehoach parse`.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.pool = pool
    bearer = HTTPBearer(auto_error=False, description="Required when the server runs with --token.")

    async def authorize(creds: Optional[HTTPAuthorizationCredentials] = Depends(bearer)) -> None:
        if settings.token is None:
            return
        given = creds.credentials if creds else ""
        if not secrets.compare_digest(given.encode(), settings.token.encode()):
            raise _Unauthorized()

    @app.exception_handler(UploadError)
    async def _upload_error(_: Request, e: UploadError) -> JSONResponse:
        kinds = {413: "UploadTooLarge", 415: "UnsupportedMediaType", 400: "MalformedUpload"}
        return error(e.status, kinds.get(e.status, "BadUpload"), e.message, "upload")

    @app.exception_handler(_Unauthorized)
    async def _unauthorized(_: Request, __: Exception) -> JSONResponse:
        return error(401, "Unauthorized", "missing or wrong bearer token (Authorization: Bearer <token>)",
                     headers={"WWW-Authenticate": "Bearer"})

    def busy(detail: str) -> JSONResponse:
        return error(429, "TooManyRequests", detail, headers={"Retry-After": "1"})

    async def receive(request: Request, filename: Optional[str]):
        """The body within the upload time limit; holds an upload slot, never a parse slot."""
        if not uploads.try_enter():
            return busy(f"server busy: {uploads.limit} uploads already in progress; retry shortly")
        try:
            return await asyncio.wait_for(extract(request, settings.max_upload_bytes, filename),
                                          settings.upload_timeout)
        except asyncio.TimeoutError:
            return error(408, "UploadTimeout", f"the upload did not complete within {settings.upload_timeout:g} s "
                                               "(kehoach serve --upload-timeout)", "upload",
                         headers={"Connection": "close"})
        finally:
            uploads.leave()

    async def run(kind: str, request: Request, opts: dict, filename: Optional[str]) -> Response:
        client = request.client.host if request.client else "unknown"
        if not per_client.try_enter(client):
            return busy(f"too many requests from {client}: {per_client.limit} already in progress "
                        "(kehoach serve --max-per-client); retry shortly")
        try:
            upload = await receive(request, filename)
            if isinstance(upload, Response):
                return upload
            if not admission.try_enter():
                return busy(f"server busy: {admission.limit} requests already in progress; retry shortly")
            try:
                return await parse_upload(kind, upload, opts)
            finally:
                admission.leave()
        finally:
            per_client.leave(client)

    async def parse_upload(kind: str, upload, opts: dict) -> Response:
        deadline = time.monotonic() + settings.timeout  # waiting for a worker and parsing; not the upload
        try:
            payload = await pool.run(kind, upload.data, upload.name, opts, deadline)
        except JobTimeout:
            return error(504, "Timeout", f"{upload.name}: parsing took longer than {settings.timeout:g} s "
                                         "(kehoach serve --timeout)", "parse")
        except JobError as e:
            return error(ERROR_STATUS.get(e.kind, DEFAULT_ERROR_STATUS), e.kind, e.message, e.stage)
        except WorkerCrashed as e:
            return error(500, "WorkerCrashed", f"{upload.name}: {e}", "parse")
        # the CLI writes the JSON and a newline: so does the API, byte for byte
        return Response(payload + "\n", media_type="application/json")

    @app.post("/parse", response_model=PlanDocument, responses=ERRORS, openapi_extra=UPLOAD_BODY,
              dependencies=[Depends(authorize)], summary="Parse a plan; the same JSON as `kehoach parse`")
    async def parse(
        request: Request,
        with_text: bool = Query(False, description="add the normalized text and reader blocks (like --with-text)"),
        nlp: bool = Query(True, description="false = skip tagging (like --no-nlp)"),
        checks: bool = Query(True, description="false = skip checks (like --no-checks)"),
        filename: Optional[str] = Query(None, description="name for a raw body; picks the format when the "
                                                          "bytes do not say (default input.txt for text/plain)"),
    ) -> Response:
        return await run("parse", request, {"with_text": with_text, "nlp": nlp, "checks": checks}, filename)

    @app.post("/check", response_model=CheckResult, responses=ERRORS, openapi_extra=UPLOAD_BODY,
              dependencies=[Depends(authorize)], summary="Parse a plan and return the consistency findings")
    async def check(request: Request, filename: Optional[str] = Query(None)) -> Response:
        return await run("check", request, {"nlp": True, "checks": True}, filename)

    @app.get("/schema", summary="JSON Schema of the /parse output (as `kehoach schema`)")
    async def schema() -> JSONResponse:
        return JSONResponse(json_schema())

    @app.get("/healthz", response_model=Health, summary="Liveness, limits and load")
    async def healthz() -> Health:
        return Health(status="ok", version=__version__, schema_version=SCHEMA_VERSION, workers=pool.size,
                      busy_workers=pool.busy, in_flight=admission.in_flight,
                      max_concurrent=settings.max_concurrent, max_upload_mb=settings.max_upload_mb,
                      timeout=settings.timeout, auth=settings.token is not None, uploading=uploads.in_flight,
                      max_per_client=settings.max_per_client, upload_timeout=settings.upload_timeout,
                      max_memory_mb=settings.max_memory_mb)

    @app.get("/", include_in_schema=False)
    async def review_page() -> FileResponse:
        # the page loads only same-origin assets; the policy makes that a guarantee, not a habit
        return FileResponse(STATIC / "index.html", headers={
            "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                                       "script-src 'self'; connect-src 'self'",
        })

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
