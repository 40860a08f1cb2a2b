"""The guarded parse process (engines.worker.Slot): real child processes, real limits."""
from __future__ import annotations

import json

from conftest import SEEDS

from kehoach.pipelines.engines.worker import Slot


def test_memory_cap_time_limit_and_replacement():
    seed = (SEEDS / "th-le-quy-don-2024.txt").read_bytes()
    slot = Slot(timeout=60, max_memory_mb=900)
    try:
        ok = slot.run("a.txt", seed)
        assert ok["ok"] and json.loads(ok["json"])["source"]["format"] == "txt" and ok["peak_mb"] > 50
        first_pid = slot.proc.pid
        big = slot.run("big.txt", b"x" * (700 * 1024 * 1024))  # does not fit next to the loaded models
        assert not big["ok"] and big["kind"] == "MemoryError" and "900 MB" in big["reason"]
        again = slot.run("a.txt", seed)  # a fresh process took over
        assert again["ok"] and again["json"] == ok["json"] and slot.proc.pid != first_pid
        slot.timeout = 0.02  # the seed six times takes 0.2+ s of CPU even with warm caches
        slow = slot.run("slow.txt", seed * 6)
        assert slow["kind"] == "Timeout" and slot.proc is None
        slot.timeout = 60
        assert slot.run("a.txt", seed)["json"] == ok["json"]
        assert slot.restarts == 2
        bad = slot.run("bad.docx", b"plain text, not a zip")
        assert (bad["ok"], bad["kind"], bad["stage"]) == (False, "CorruptFile", "read")
    finally:
        slot.close()
    assert slot.proc is None
