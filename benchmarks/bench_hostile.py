"""Hostile and real-world files: every file parsed in a guarded child process, then the service
under 20 slow clients.

    .venv/bin/python benchmarks/bench_hostile.py                  # the generated hostile corpus (corpora/hostile)
    .venv/bin/python benchmarks/bench_hostile.py DIR [DIR ...]    # any folders of real files (recursive)
    .venv/bin/python benchmarks/bench_hostile.py --no-service     # files only

Files: the batch workers' guard (`engines.worker.Slot`: RLIMIT_AS, time limit, killed and
replaced on overrun), default 60 s and 1024 MB per document. Prints counts of parsed / clean
error (a KehoachError: one line naming the file and the reason) / crash (a bug: a traceback
caught) / timeout / over-memory (MemoryError or killed), and the slowest files with their
outcome. Peak MB is the worker process's VmHWM after the file (the worker is reused, so it
is a running maximum; a fresh worker starts after a timeout or a memory overrun).

Service: a real `kehoach serve` on 127.0.0.1 (2 workers, --max-memory-mb 3072), 20 clients
uploading at 1 byte/s (10 from one address, 10 from ten others) and a styles.xml bomb in flight,
while one client sends ordinary /parse requests (a seed plan) one after another: their p50/p95,
the status codes every party got, and the workers' peak RSS.
"""
from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import SHARED  # noqa: E402

from kehoach.pipelines.engines.worker import Slot  # noqa: E402

OUTCOMES = ("parsed", "clean error", "crash", "timeout", "over-memory")


def outcome(res: dict) -> str:
    if res.get("ok"):
        return "parsed"
    kind = res.get("kind")
    if kind == "Timeout" and res.get("peak_mb") is None:
        return "timeout"  # the guard stopped it (a parser's own Timeout error is a clean error)
    if kind == "MemoryError" or (kind == "WorkerCrashed" and "memory" in res.get("reason", "")):
        return "over-memory"
    if kind in ("Crash", "WorkerCrashed"):
        return "crash"
    return "clean error"


def run_files(paths: list[Path], timeout: float, max_memory_mb: int) -> list[tuple[Path, str, dict]]:
    slot = Slot(timeout, max_memory_mb)
    rows = []
    try:
        for p in paths:
            res = slot.run(str(p), p.read_bytes())
            res.setdefault("peak_mb", None)
            rows.append((p, outcome(res), res))
            line = res.get("reason") or ""
            print(f"  {outcome(res):12s} {res['seconds']:6.1f} s  {p.name}  {line[:110]}", flush=True)
    finally:
        slot.close()
    return rows


def report_files(rows: list[tuple[Path, str, dict]]) -> None:
    counts = Counter(o for _, o, _ in rows)
    print("\n" + "  ".join(f"{o}: {counts.get(o, 0)}" for o in OUTCOMES) + f"  (of {len(rows)} files)")
    print("slowest:")
    for p, o, res in sorted(rows, key=lambda r: -r[2]["seconds"])[:8]:
        peak = f"{res['peak_mb']:.0f} MB" if res.get("peak_mb") else "-"
        print(f"  {res['seconds']:6.1f} s  peak {peak:>8s}  {o:12s} {p.name}")
    peaks = [res["peak_mb"] for _, _, res in rows if res.get("peak_mb")]
    if peaks:
        print(f"highest worker peak RSS: {max(peaks):.0f} MB")


# ------------------------------------------------------------------ service


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def slow_client(port: int, source: str, seconds: float, statuses: list) -> None:
    """POST /parse declaring a 2,000-byte text body, then send it at 1 byte/s."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=seconds + 30, source_address=(source, 0)) as s:
            s.sendall(b"POST /parse HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 2000\r\n\r\n")
            deadline = time.monotonic() + seconds
            s.settimeout(1.0)
            reply = b""
            while time.monotonic() < deadline:
                try:
                    s.sendall(b"k")
                except OSError:
                    break
                try:
                    chunk = s.recv(4096)  # the server may answer (429 now, 408 later) while we still send
                    if chunk:
                        reply += chunk
                        break
                    break
                except socket.timeout:
                    continue
            s.settimeout(30)
            if not reply:
                reply = s.recv(4096)
            statuses.append(int(reply.split()[1]) if reply.startswith(b"HTTP/") else "no answer")
    except OSError as e:
        statuses.append(type(e).__name__)


def _worker_peaks(server_pid: int) -> list[float]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/status"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in text.splitlines() if ":" in line)
        if fields.get("PPid", "").strip() == str(server_pid) and "VmHWM" in fields:
            out.append(int(fields["VmHWM"].split()[0]) / 1024)
    return out


def run_service(bomb: Path | None, max_memory_mb: int, requests: int) -> None:
    import httpx

    seed = SHARED / "corpora" / "seeds" / "mn-son-ca-2024-2025.txt"
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env = dict(os.environ, KEHOACH_TOKEN="")
    proc = subprocess.Popen([sys.executable, "-m", "kehoach.pipelines.cli", "serve", "--port", str(port),
                             "--workers", "2", "--max-memory-mb", str(max_memory_mb), "--upload-timeout", "30",
                             "--log-level", "warning"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(600):
            try:
                if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        slow: list = []
        threads = [threading.Thread(target=slow_client, args=(port, "127.0.0.2" if i < 10 else f"127.0.0.{i - 7}",
                                                              60.0, slow)) for i in range(20)]
        for t in threads:
            t.start()
        bomb_status: list = []
        if bomb is not None:
            def send_bomb() -> None:
                r = httpx.post(url + "/parse", files={"file": (bomb.name, bomb.read_bytes())}, timeout=120)
                bomb_status.append((r.status_code, r.json().get("detail", "")[:100]))
            bt = threading.Thread(target=send_bomb)
            bt.start()
        time.sleep(1.0)
        h = httpx.get(url + "/healthz").json()
        times, codes = [], Counter()
        body = seed.read_bytes()
        for _ in range(requests):
            t0 = time.perf_counter()
            r = httpx.post(url + "/parse", files={"file": (seed.name, body)}, timeout=120)
            times.append(time.perf_counter() - t0)
            codes[r.status_code] += 1
        for t in threads:
            t.join(120)
        if bomb is not None:
            bt.join(120)
        times.sort()
        p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
        print(f"\nservice, 20 slow clients (uploading {h['uploading']} at the start) "
              f"{'+ a styles.xml bomb ' if bomb else ''}in flight:")
        print(f"  ordinary /parse: {len(times)} requests, status {dict(codes)}, p50 {statistics.median(times):.2f} s, "
              f"p95 {p95:.2f} s, max {times[-1]:.2f} s")
        print(f"  slow clients' status: {dict(Counter(slow))}")
        if bomb is not None:
            print(f"  bomb: {bomb_status}")
        peaks = _worker_peaks(proc.pid)
        print(f"  parse workers' peak RSS: {', '.join(f'{p:.0f} MB' for p in peaks)} (cap {max_memory_mb} MB)")
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", nargs="*", type=Path, help="folders (or files) to run; default: corpora/hostile")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per document")
    ap.add_argument("--max-memory-mb", type=int, default=1024, help="address-space cap per worker")
    ap.add_argument("--requests", type=int, default=30, help="ordinary /parse requests during the slow uploads")
    ap.add_argument("--service-memory-mb", type=int, default=3072, help="kehoach serve --max-memory-mb")
    ap.add_argument("--no-service", action="store_true")
    a = ap.parse_args()
    tmp = None
    if a.folders:
        paths = sorted(f for d in a.folders for f in ([d] if d.is_file() else d.rglob("*")) if f.is_file())
    else:
        from corpora.hostile.make import build

        tmp = tempfile.TemporaryDirectory()
        print(f"building the hostile corpus in {tmp.name} ...", flush=True)
        paths = sorted(build(Path(tmp.name)).values())
    print(f"{len(paths)} files, {a.timeout:g} s and {a.max_memory_mb} MB each:")
    report_files(run_files(paths, a.timeout, a.max_memory_mb))
    if not a.no_service:
        bomb = next((p for p in paths if p.name == "styles-bomb.docx"), None)
        run_service(bomb, a.service_memory_mb, a.requests)
    if tmp is not None:
        tmp.cleanup()


if __name__ == "__main__":
    main()
