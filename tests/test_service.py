"""HTTP service (issue 8), for real: `kehoach serve` runs as a subprocess on 127.0.0.1 and is
called over HTTP with httpx. `/parse` must return the CLI's bytes for every fixture with a
text layer and the seeds; the limits must answer with 4xx/504 and a readable message."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Iterator

import httpx
import pytest

from conftest import FIXTURES, SEEDS

KH = [sys.executable, "-m", "kehoach.pipelines.cli"]
# every file with a text layer: Word, PDF with text, plain text (the scans need OCR; .doc needs LibreOffice)
TEXT_FILES = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".docx", ".pdf", ".txt") and "_scan" not in p.stem)
TEXT_FILES += sorted(SEEDS.glob("*.txt"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`kehoach serve` in a subprocess; TMPDIR and cwd are private dirs so leftovers show."""

    def __init__(self, tmp: Path, *args: str):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.tmp, self.cwd = tmp / "tmp", tmp / "cwd"
        self.tmp.mkdir(parents=True)
        self.cwd.mkdir(parents=True)
        env = {**os.environ, "TMPDIR": str(self.tmp), "KEHOACH_TOKEN": ""}
        self.log = open(tmp / "server.log", "w+")
        self.proc = subprocess.Popen(KH + ["serve", "--host", "127.0.0.1", "--port", str(self.port),
                                           "--log-level", "warning", *args],
                                     cwd=self.cwd, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, self.output()
            try:
                if httpx.get(self.url + "/healthz", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        self.stop()
        raise AssertionError("server did not become ready:\n" + self.output())

    def output(self) -> str:
        self.log.seek(0)
        return self.log.read()

    def stop(self) -> int:
        self.proc.send_signal(signal.SIGINT)  # graceful: uvicorn runs the lifespan shutdown
        try:
            return self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.wait(10)
        finally:
            self.log.close()

    def leftovers(self) -> list[str]:
        """Files anywhere under the server's TMPDIR and cwd (the pool's empty base dir is allowed)."""
        return [str(p) for d in (self.tmp, self.cwd) for p in d.rglob("*") if p.is_file()]


def worker_pids(srv: Server) -> set[int]:
    """The server's parse processes: its children started by multiprocessing's spawn."""
    pids = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            cmd = (stat.parent / "cmdline").read_bytes()
        except (OSError, IndexError, ValueError):
            continue
        if ppid == srv.proc.pid and b"spawn_main" in cmd:
            pids.add(int(stat.parent.name))
    return pids


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[Server]:
    tmp = tmp_path_factory.mktemp("serve")
    srv = Server(tmp, "--workers", "2")
    yield srv
    srv.stop()
    assert srv.leftovers() == []
    assert list(srv.tmp.iterdir()) == [], "the worker pool's temp dir outlived the server"


@pytest.fixture(scope="module")
def strict(tmp_path_factory) -> Iterator[Server]:
    """Tight limits: token, 0.1 MB uploads, one request at a time (per client too), 10 ms per parse
    (a seed takes 40+ ms of CPU to parse)."""
    tmp = tmp_path_factory.mktemp("strict")
    srv = Server(tmp, "--workers", "1", "--token", "s3cret", "--max-upload-mb", "0.1",
                 "--max-concurrent", "1", "--max-per-client", "1", "--timeout", "0.01")
    yield srv
    srv.stop()
    assert srv.leftovers() == []


@pytest.fixture(scope="module")
def cli_json(tmp_path_factory) -> dict[Path, bytes]:
    """`kehoach parse --out` per group of distinct stems, run where the file is, so source.path
    is the bare file name the upload carries; --out writes exactly what stdout would. The
    command runs in this process (typer's CliRunner: the same app, models already loaded)."""
    from typer.testing import CliRunner

    from kehoach.pipelines.cli import app

    out: dict[Path, bytes] = {}
    groups: dict[tuple[Path, str], list[Path]] = {}
    for f in TEXT_FILES:
        groups.setdefault((f.parent, f.suffix), []).append(f)
    here = Path.cwd()
    for (folder, suffix), files in groups.items():
        dest = tmp_path_factory.mktemp("cli" + suffix.strip("."))
        os.chdir(folder)
        try:
            r = CliRunner().invoke(app, ["parse", "--out", str(dest), *[f.name for f in files]])
        finally:
            os.chdir(here)
        assert r.exit_code == 0, r.output
        for f in files:
            out[f] = (dest / f"{f.stem}.json").read_bytes()
    return out


def test_text_files_cover_the_fixtures():
    names = {p.name for p in TEXT_FILES}
    assert {"mn-son-ca-2024-2025.docx", "th-le-quy-don-2024.docx", "mn-son-ca-2024-2025.pdf",
            "th-le-quy-don-2024.pdf", "mn-son-ca-2024-2025_tcvn3.docx"} <= names
    assert sum(p.parent == SEEDS for p in TEXT_FILES) == 2


@pytest.mark.parametrize("path", TEXT_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_parse_equals_cli(server, cli_json, path):
    r = httpx.post(server.url + "/parse", files={"file": (path.name, path.read_bytes())}, timeout=120)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/json"
    assert r.content == cli_json[path]
    doc = r.json()
    assert doc["source"]["path"] == path.name and doc["sections"]


def test_raw_text_body_and_with_text(server, tmp_path):
    seed = SEEDS / "th-le-quy-don-2024.txt"
    r = httpx.post(server.url + "/parse", params={"filename": seed.name, "with_text": "1"},
                   content=seed.read_bytes(), headers={"content-type": "text/plain; charset=utf-8"}, timeout=120)
    assert r.status_code == 200, r.text
    cli = subprocess.run(KH + ["parse", "--with-text", seed.name], cwd=seed.parent, capture_output=True, timeout=300)
    assert r.content == cli.stdout
    doc = r.json()
    assert doc["text"] and doc["blocks"]
    t = doc["targets"][0]
    assert doc["text"][t["start"]:t["end"]] == t["text"]
    # a raw body with no name is read as text
    r = httpx.post(server.url + "/parse", content=seed.read_bytes(), headers={"content-type": "text/plain"}, timeout=120)
    assert r.status_code == 200 and r.json()["source"]["path"] == "input.txt"


def test_check_returns_the_findings(server, cli_json):
    path = FIXTURES / "mn-son-ca-2024-2025.docx"
    r = httpx.post(server.url + "/check", files={"file": (path.name, path.read_bytes())}, timeout=120)
    assert r.status_code == 200, r.text
    body = r.json()
    expected = json.loads(cli_json[path])
    assert body["findings"] == expected["findings"]
    assert body["sha256"] == expected["source"]["sha256"] and body["path"] == path.name
    assert sum(body["counts"].values()) == len(body["findings"])
    assert set(body["counts"]) == {"error", "warning", "info"}


def test_schema_health_openapi(server):
    from kehoach.parser.schema import json_schema

    assert httpx.get(server.url + "/schema").json() == json_schema()
    h = httpx.get(server.url + "/healthz").json()
    assert h["status"] == "ok" and h["workers"] == 2 and h["auth"] is False and h["max_upload_mb"] == 20.0
    api = httpx.get(server.url + "/openapi.json").json()
    assert {"/parse", "/check", "/schema", "/healthz"} <= set(api["paths"])
    body = api["paths"]["/parse"]["post"]["requestBody"]["content"]
    assert {"multipart/form-data", "text/plain", "application/octet-stream"} <= set(body)
    assert "PlanDocument" in api["components"]["schemas"]
    assert {"413", "415", "422", "504"} <= set(api["paths"]["/parse"]["post"]["responses"])
    docs = httpx.get(server.url + "/docs")
    assert docs.status_code == 200 and "openapi.json" in docs.text


def test_review_page_is_same_origin(server):
    page = httpx.get(server.url + "/")
    assert page.status_code == 200 and "Thả tệp kế hoạch" in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert "http://" not in page.text and "https://" not in page.text
    for asset in ("static/review.js", "static/review.css"):
        r = httpx.get(f"{server.url}/{asset}")
        assert r.status_code == 200 and len(r.text) > 1000
        assert "http://" not in r.text and "https://" not in r.text


def test_malformed_uploads_get_4xx_with_the_reason(server):
    post = lambda **kw: httpx.post(server.url + "/parse", timeout=60, **kw)  # noqa: E731
    r = post(files={"file": ("ke-hoach.docx", b"this is not a Word file")})
    assert r.status_code == 422 and r.json()["error"] == "CorruptFile"
    assert r.json()["detail"].startswith("ke-hoach.docx: ") and "not a zip" in r.json()["detail"]
    r = post(files={"file": ("ke-hoach.pdf", b"no pdf here")})
    assert r.status_code == 422 and "%PDF" in r.json()["detail"]
    r = post(files={"file": ("empty.txt", b"")})
    assert r.status_code == 422 and r.json()["error"] == "EmptyFile" and "empty" in r.json()["detail"]
    r = post(files={"file": ("plan.xyz", "KẾ HOẠCH".encode())})
    assert r.status_code == 415 and ".xyz" in r.json()["detail"]
    r = post(json={"text": "KẾ HOẠCH"})
    assert r.status_code == 415 and "Content-Type" in r.json()["detail"]
    r = post(data={"note": "no file here"}, files={"other": ("", b"")})
    assert r.status_code == 400 and "'file'" in r.json()["detail"]
    r = post(content=b"--xyz\r\ngarbage", headers={"content-type": "multipart/form-data; boundary=abc"})
    assert r.status_code == 400 and r.json()["error"] == "MalformedUpload"
    # directories in the upload's name are dropped: it is only echoed, never a path on the server
    seed = SEEDS / "mn-son-ca-2024-2025.txt"
    r = post(files={"file": ("../../etc/" + seed.name, seed.read_bytes())})
    assert r.status_code == 200 and r.json()["source"]["path"] == seed.name


def test_big_upload_leaves_no_file(server):
    # over Starlette's 1 MB in-memory spool, so the form part goes through a temp file
    r = httpx.post(server.url + "/parse", files={"file": ("big.xyz", b"x" * (2 * 1024 * 1024))}, timeout=60)
    assert r.status_code == 415
    assert server.leftovers() == []
    pool_dirs = list(server.tmp.iterdir())
    assert len(pool_dirs) == 1 and pool_dirs[0].name.startswith("kehoach-serve-")
    assert list(pool_dirs[0].iterdir()) == [], "a job's temp dir was kept after the response"


def test_token_size_and_content_limits(strict):
    seed = SEEDS / "mn-son-ca-2024-2025.txt"
    files = {"file": (seed.name, seed.read_bytes())}
    r = httpx.post(strict.url + "/parse", files=files)
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    r = httpx.post(strict.url + "/parse", files=files, headers={"Authorization": "Bearer wrong"})
    assert r.status_code == 401 and "token" in r.json()["detail"]
    assert httpx.get(strict.url + "/healthz").json()["auth"] is True  # health and page stay open
    assert httpx.get(strict.url + "/").status_code == 200
    auth = {"Authorization": "Bearer s3cret"}
    scan = FIXTURES / "mn-son-ca-2024-2025_scan.pdf"
    r = httpx.post(strict.url + "/parse", files={"file": (scan.name, scan.read_bytes())}, headers=auth, timeout=60)
    assert r.status_code == 413
    assert r.json()["detail"].startswith("upload too large: 2.6 MB; the limit is 0.1 MB")
    # no Content-Length (chunked): the cap is enforced while reading
    r = httpx.post(strict.url + "/parse", content=iter([b"x" * 60_000] * 3), headers={**auth, "content-type": "text/plain"},
                   timeout=60)
    assert r.status_code == 413 and "0.1 MB" in r.json()["detail"]


def test_timeout_gives_504_and_the_worker_is_replaced(strict):
    seed = SEEDS / "th-le-quy-don-2024.txt"
    auth = {"Authorization": "Bearer s3cret"}
    r = httpx.post(strict.url + "/parse", files={"file": (seed.name, seed.read_bytes())}, headers=auth, timeout=60)
    assert r.status_code == 504 and r.json()["error"] == "Timeout"
    assert "0.01 s" in r.json()["detail"] and seed.name in r.json()["detail"]
    h = httpx.get(strict.url + "/healthz").json()
    assert h["status"] == "ok" and h["workers"] == 1 and h["busy_workers"] == 0 and h["in_flight"] == 0
    before = worker_pids(strict)
    assert len(before) == 1
    r = httpx.post(strict.url + "/parse", files={"file": (seed.name, seed.read_bytes())}, headers=auth, timeout=60)
    assert r.status_code == 504
    after = worker_pids(strict)
    assert len(after) == 1 and after != before, "the timed-out worker was not replaced"


def test_a_dead_worker_is_replaced(server):
    pids = worker_pids(server)
    assert len(pids) == 2
    victim = min(pids)
    os.kill(victim, signal.SIGKILL)
    seed = SEEDS / "mn-son-ca-2024-2025.txt"
    for _ in range(4):  # every worker gets a turn: none answers 500
        r = httpx.post(server.url + "/parse", files={"file": (seed.name, seed.read_bytes())}, timeout=120)
        assert r.status_code == 200, r.text
    now = worker_pids(server)
    assert len(now) == 2 and victim not in now


def test_concurrency_limit_gives_429(strict):
    auth = {"Authorization": "Bearer s3cret", "content-type": "text/plain"}
    release = threading.Event()
    first: dict = {}

    def slow_body() -> Iterator[bytes]:
        yield "KẾ HOẠCH\n".encode()
        release.wait(30)  # hold the request open (still uploading: it holds this client's one slot)
        yield "Hoạt động năm học 2024 - 2025\n".encode()

    def send_first() -> None:
        first["r"] = httpx.post(strict.url + "/parse", content=slow_body(), headers=auth, timeout=60)

    t = threading.Thread(target=send_first)
    t.start()
    try:
        for _ in range(200):  # bounded: until the first request is receiving its body
            if httpx.get(strict.url + "/healthz").json()["uploading"] == 1:
                break
            time.sleep(0.05)
        r = httpx.post(strict.url + "/parse", content="KẾ HOẠCH".encode(), headers=auth, timeout=60)
        assert r.status_code == 429 and r.headers["retry-after"] == "1"
        assert "too many requests from 127.0.0.1" in r.json()["detail"]
    finally:
        release.set()
        t.join(60)
    assert first["r"].status_code in (200, 504)  # admitted; its parse then meets the 10 ms budget
    h = httpx.get(strict.url + "/healthz").json()
    assert h["in_flight"] == 0 and h["uploading"] == 0
