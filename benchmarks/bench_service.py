"""Load test of `kehoach serve` over loopback (issue 8): N /parse requests from C concurrent
clients, cycling through the seeds, the text-layer fixtures and 2,000 distinct generated plans; then oversize and malformed
uploads, which must all get a 4xx with a message. Prints requests/s and latency percentiles;
exits 1 on any 5xx or any bad-upload answer that is not a 4xx.

    .venv/bin/python benchmarks/bench_service.py [--requests 2000] [--concurrency 8] [--workers 0]
    .venv/bin/python benchmarks/bench_service.py --url http://127.0.0.1:8000   # a server already running

Without --url it starts `kehoach serve` on 127.0.0.1 on a free port and stops it at the end.
"""
from __future__ import annotations

import argparse
import asyncio
import collections
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from _common import SHARED, peak_mb

SEEDS = SHARED / "corpora" / "seeds"
FIXTURES = SHARED / "corpora" / "fixtures"
MAX_UPLOAD_MB = 1.0  # the spawned server's cap; the scans (2.6 MB) are the oversize uploads


def corpus(generated: int = 0) -> list[tuple[str, bytes]]:
    """The seeds and text-layer fixtures, then `generated` distinct generated plans: a server
    that sees the same few files again answers them from its per-text caches, which hides what
    a real stream of different plans costs."""
    files = sorted(SEEDS.glob("*.txt"))
    files += sorted(p for p in FIXTURES.iterdir() if p.suffix in (".docx", ".pdf") and "_scan" not in p.stem)
    docs = [(p.name, p.read_bytes()) for p in files]
    if generated:
        from _common import REPO
        sys.path.insert(0, str(REPO))
        from corpora.synth.generate import generate

        docs += [(f"{doc_id}.txt", text.encode("utf-8")) for doc_id, text, _ in generate(generated, 3)]
    return docs


def bad_uploads() -> list[tuple[str, dict]]:
    scan = FIXTURES / "th-le-quy-don-2024_scan.pdf"
    return [
        ("oversize scan", {"files": {"file": (scan.name, scan.read_bytes())}}),
        ("oversize raw", {"content": b"x" * int(3 * 1024 * 1024), "headers": {"content-type": "text/plain"}}),
        ("docx not a zip", {"files": {"file": ("hong.docx", b"not a word file")}}),
        ("pdf without %PDF", {"files": {"file": ("hong.pdf", b"plain bytes")}}),
        ("empty file", {"files": {"file": ("rong.txt", b"")}}),
        ("unknown type", {"files": {"file": ("plan.xyz", "KẾ HOẠCH".encode())}}),
        ("json body", {"json": {"text": "KẾ HOẠCH"}}),
        ("form without file", {"data": {"x": "1"}, "files": {"other": ("", b"")}}),
        ("broken multipart", {"content": b"--a\r\nzz", "headers": {"content-type": "multipart/form-data; boundary=b"}}),
    ]


def tree_cpu(pid: int) -> float:
    """User + system CPU seconds of a process and all its children (the parse workers)."""
    import psutil

    root = psutil.Process(pid)
    total = 0.0
    for p in [root, *root.children(recursive=True)]:
        try:
            t = p.cpu_times()
            total += t.user + t.system
        except psutil.NoSuchProcess:
            pass
    return total


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(workers: int, concurrency: int) -> tuple[subprocess.Popen, str, Path]:
    port = free_port()
    tmp = Path(tempfile.mkdtemp(prefix="bench-serve-"))
    cmd = [sys.executable, "-m", "kehoach.pipelines.cli", "serve", "--host", "127.0.0.1", "--port", str(port),
           "--log-level", "warning", "--max-upload-mb", str(MAX_UPLOAD_MB),
           "--max-concurrent", str(max(16, concurrency * 2)),
           "--max-per-client", str(concurrency)]  # every client here is 127.0.0.1: one address
    if workers:
        cmd += ["--workers", str(workers)]
    proc = subprocess.Popen(cmd, cwd=tmp, env={**os.environ, "TMPDIR": str(tmp)})
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):  # bounded: 2 minutes
        if proc.poll() is not None:
            raise SystemExit("server exited during startup")
        try:
            if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                return proc, url, tmp
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    proc.kill()
    raise SystemExit("server did not become ready")


async def load(url: str, n: int, concurrency: int, docs: list[tuple[str, bytes]]):
    latencies: list[float] = []
    status: collections.Counter = collections.Counter()
    next_i = 0

    async def client() -> None:
        nonlocal next_i
        async with httpx.AsyncClient(base_url=url, timeout=120) as c:
            while next_i < n:
                i = next_i
                next_i += 1
                name, data = docs[i % len(docs)]
                t0 = time.perf_counter()
                try:
                    r = await c.post("/parse", files={"file": (name, data)})
                    status[r.status_code] += 1
                    if r.status_code >= 500:
                        print(f"  {r.status_code} on {name}: {r.text[:200]}", file=sys.stderr)
                except httpx.TransportError as e:
                    status[f"transport:{type(e).__name__}"] += 1
                latencies.append(time.perf_counter() - t0)

    t0 = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(concurrency)))
    return time.perf_counter() - t0, latencies, status


def pct(xs: list[float], p: float) -> float:
    s = sorted(xs)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--workers", type=int, default=0, help="parse processes of the spawned server (0 = default)")
    ap.add_argument("--url", help="test a running server instead of spawning one (loopback only)")
    ap.add_argument("--generated", type=int, default=2000,
                    help="distinct generated plans cycled after the seeds and fixtures (0: the 6 files only)")
    args = ap.parse_args()
    if args.url and not args.url.startswith(("http://127.0.0.1", "http://localhost", "http://[::1]")):
        raise SystemExit("--url must be a loopback address")

    proc = tmp = None
    if args.url:
        url = args.url.rstrip("/")
    else:
        proc, url, tmp = start_server(args.workers, args.concurrency)
    failed = False
    try:
        health = httpx.get(url + "/healthz").json()
        docs = corpus(args.generated)
        print(f"server {url}: {health['workers']} parse workers, max {health['max_concurrent']} in flight, "
              f"upload cap {health['max_upload_mb']} MB; corpus {len(docs)} files "
              f"({', '.join(n for n, _ in docs[:6])}{', ...' if len(docs) > 6 else ''})")
        cpu0 = tree_cpu(proc.pid) if proc is not None else None
        seconds, lat, status = asyncio.run(load(url, args.requests, args.concurrency, docs))
        cpu = tree_cpu(proc.pid) - cpu0 if proc is not None else None
        five = sum(v for k, v in status.items() if not isinstance(k, int) or k >= 500)
        ok = status.get(200, 0)
        print(f"/parse x{args.requests} at {args.concurrency} clients: {seconds:.1f} s, "
              f"{args.requests / seconds:.2f} requests/s, {ok / seconds:.2f} answered 200/s")
        print(f"latency p50 {pct(lat, 50) * 1000:.0f} ms, p95 {pct(lat, 95) * 1000:.0f} ms, "
              f"p99 {pct(lat, 99) * 1000:.0f} ms, max {max(lat) * 1000:.0f} ms")
        print(f"status: {dict(sorted(status.items(), key=str))}; 5xx or transport errors: {five}")
        if cpu:  # the machine may be shared: CPU time of the server and its workers is the fair figure
            print(f"server CPU {cpu:.1f} s = {1000 * cpu / max(ok, 1):.1f} ms per parsed request; "
                  f"{2 * ok / cpu:.1f} requests/s on 2 free cores")
        if ok < args.requests:
            print(f"NOTE: {args.requests - ok} requests were not answered 200 (see status)")
        failed |= five > 0
        print("bad uploads:")
        for label, kw in bad_uploads():
            r = httpx.post(url + "/parse", timeout=60, **kw)
            detail = r.json().get("detail", "") if r.headers.get("content-type") == "application/json" else r.text
            ok = 400 <= r.status_code < 500 and bool(detail)
            failed |= not ok
            print(f"  {'ok ' if ok else 'BAD'} {r.status_code} {label}: {detail[:110]}")
        print(f"client peak RSS {peak_mb():.0f} MB")
    finally:
        if proc is not None:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                proc.kill()
            left = [str(p) for p in tmp.rglob("*")] if tmp else []
            print(f"server stopped; files left in its TMPDIR/cwd: {len(left)}")
            failed |= bool(left)
            if tmp:
                for p in sorted(tmp.rglob("*"), reverse=True):
                    p.rmdir() if p.is_dir() else p.unlink()
                tmp.rmdir()
    print("FAIL" if failed else "PASS: zero 5xx; every bad upload got a 4xx with a message")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
