"""Safe zip reading (kehoach.pipelines.archive) on real archives built in memory."""
from __future__ import annotations

import io
import zipfile

import pytest

from kehoach.pipelines.archive import ArchiveMemberError, Limits, Member, Rejected, iter_zip, unsafe_name


def make_zip(entries: list[tuple[str, bytes]], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in entries:
            zf.writestr(zipfile.ZipInfo(name), data, compress_type=compression)
    return buf.getvalue()


@pytest.mark.parametrize("name,why", [
    ("../evil.txt", "'..'"), ("a/../../evil.txt", "'..'"), ("/etc/passwd", "absolute"),
    ("C:/Windows/evil.txt", "drive letter"), ("..\\..\\evil.txt", "'..'"), ("a\x00.txt", "NUL"),
])
def test_unsafe_names(name, why):
    assert why in unsafe_name(name)


@pytest.mark.parametrize("name", ["a.txt", "dir/sub/kế hoạch.docx", "x..y.txt", "..hidden/x.txt"])
def test_safe_names(name):
    assert unsafe_name(name) is None


def test_members_read_and_rejected_with_reasons():
    plan = "KẾ HOẠCH hoạt động công đoàn\n".encode() * 50
    data = make_zip([("ok/plan.txt", plan), ("../slip.txt", plan), ("/abs.txt", plan),
                     ("bomb.bin", b"\0" * (8 * 1024 * 1024)), ("dir/", b""), ("__MACOSX/._plan.txt", b"x")])
    out = list(iter_zip(data, "in.zip"))
    members = [e for e in out if isinstance(e, Member)]
    rejected = {e.path: e for e in out if isinstance(e, Rejected)}
    assert [m.path for m in members] == ["in.zip!ok/plan.txt"] and members[0].read() == plan
    assert rejected["in.zip!../slip.txt"].kind == "UnsafeName" and "zip-slip" in rejected["in.zip!../slip.txt"].reason
    assert rejected["in.zip!/abs.txt"].kind == "UnsafeName"
    bomb = rejected["in.zip!bomb.bin"]
    assert bomb.kind == "ZipBomb" and "ratio" in bomb.reason
    assert len(rejected) == 3


def test_size_caps_and_total_budget():
    blob = bytes(range(256)) * 4096  # 1 MiB, incompressible enough to pass the ratio cap
    data = make_zip([("a.txt", blob), ("b.txt", blob), ("c.txt", blob)])
    out = list(iter_zip(data, "z.zip", Limits(max_member=2 * 1024 * 1024, max_total=2 * 1024 * 1024 + 10)))
    kinds = [(e.path, type(e).__name__, getattr(e, "kind", None)) for e in out]
    assert kinds == [("z.zip!a.txt", "Member", None), ("z.zip!b.txt", "Member", None),
                     ("z.zip!c.txt", "Rejected", "ZipBomb")]
    small = list(iter_zip(data, "z.zip", Limits(max_member=1000)))
    assert all(isinstance(e, Rejected) and e.kind == "TooLarge" for e in small)


def test_nested_archives_and_depth_limit():
    level2 = make_zip([("deep.txt", b"deep plan")])
    level1 = make_zip([("l2.zip", level2), ("mid.txt", b"mid plan")])
    top = make_zip([("l1.zip", level1), ("top.txt", b"top plan")])
    got = {e.path: e for e in iter_zip(top, "t.zip")}
    assert got["t.zip!l1.zip!l2.zip!deep.txt"].read() == b"deep plan"
    assert got["t.zip!top.txt"].read() == b"top plan"
    shallow = {e.path: e for e in iter_zip(top, "t.zip", Limits(max_depth=1))}
    assert shallow["t.zip!l1.zip!l2.zip"].kind == "TooDeep"
    assert shallow["t.zip!l1.zip!mid.txt"].read() == b"mid plan"


def test_corrupt_archive_and_lying_header():
    (e,) = list(iter_zip(b"PK\x03\x04 this is not really a zip", "bad.zip"))
    assert isinstance(e, Rejected) and e.kind == "CorruptArchive"
    # a header that declares 10 bytes for a member that inflates to 100 kB
    data = bytearray(make_zip([("x.txt", b"A" * 100_000)]))
    zf = zipfile.ZipFile(io.BytesIO(bytes(data)))
    info = zf.infolist()[0]
    for offset in (data.find(b"PK\x03\x04") + 22, data.find(b"PK\x01\x02") + 24):  # local and central sizes
        data[offset:offset + 4] = (10).to_bytes(4, "little")
    (m,) = list(iter_zip(bytes(data), "lie.zip"))
    assert isinstance(m, Member) and m.size == 10 and info.file_size == 100_000
    with pytest.raises(ArchiveMemberError) as exc:
        m.read()
    assert exc.value.kind in ("ZipBomb", "CorruptArchive")
