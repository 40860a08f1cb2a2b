"""The wheel is the product: a non-editable install into a fresh venv carries models/ and parses a seed."""
import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from conftest import REPO, SEEDS


@pytest.mark.slow
def test_wheel_in_fresh_venv_parses_a_seed(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", dist, REPO],
                   check=True, capture_output=True, timeout=300)
    wheel = next(dist.glob("kehoach-*.whl"))
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    assert "kehoach/models/frame.yaml" in names
    meta = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert "License-Expression: MIT" in meta.splitlines()  # SPDX string, not the deprecated table
    venv = tmp_path / "venv"
    # no pip of its own (ensurepip is most of a venv's start-up): this pip installs into it
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", venv], check=True, timeout=120)
    py = venv / "bin" / "python"
    # Dependencies come from this environment's site-packages through a .pth path entry:
    # the editable kehoach there is not activated (its .pth hooks are not processed), so the
    # only kehoach the fresh venv can import is the wheel it installs.
    fresh_site = Path(subprocess.check_output([py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                              text=True).strip())
    (fresh_site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    # a PYTHONPATH pointing at a checkout (a git worktree) would show pip and Python that tree's kehoach
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    subprocess.run([sys.executable, "-m", "pip", "--python", py, "install", "--no-deps", "-q", wheel], check=True,
                   capture_output=True, timeout=300, env=env)
    out = tmp_path / "out"
    kh = venv / "bin" / "kehoach"
    p = subprocess.run([kh, "parse", SEEDS / "mn-son-ca-2024-2025.txt", "--out", out], cwd=tmp_path, env=env,
                       capture_output=True, text=True, timeout=300)
    assert p.returncode == 0, p.stderr
    where = subprocess.check_output([py, "-c", "import kehoach, sys; print(kehoach.__file__)"], cwd=tmp_path, text=True,
                                    env=env)
    assert str(venv) in where, where  # the wheel's copy, not the checkout's
    doc = json.loads((out / "mn-son-ca-2024-2025.json").read_text(encoding="utf-8"))
    assert doc["title"] == "KẾ HOẠCH HOẠT ĐỘNG CÔNG ĐOÀN NĂM HỌC 2024-2025"
    assert [s["number"] for s in doc["sections"]] == ["1.", "2.", "3.", "4."]
