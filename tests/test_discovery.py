"""One input discovery for check, batch and compare (pipelines/discover.py): the same
documents found, an extensionless JPEG read as an image by all, a warning when the content
contradicts the extension (a JPEG renamed .docx)."""
from __future__ import annotations

import io
import json
import shutil

import pytest
from typer.testing import CliRunner

from conftest import FIXTURES, SEEDS
from kehoach.parser import parse
from kehoach.pipelines.check_cmd import collect
from kehoach.pipelines.cli import app
from kehoach.pipelines.discover import Input, discover, mismatch

runner = CliRunner()
MN = SEEDS / "mn-son-ca-2024-2025.txt"
TH = SEEDS / "th-le-quy-don-2024.txt"


@pytest.fixture(scope="module")
def jpeg() -> bytes:
    """The top of a scanned page (header lines) as a JPEG, as a phone would save it."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument((FIXTURES / "th-le-quy-don-2024_scan.pdf").read_bytes())
    img = pdf[0].render(scale=150 / 72, grayscale=True).to_pil()
    pdf.close()
    buf = io.BytesIO()
    img.crop((0, 0, img.width, img.height // 5)).save(buf, format="JPEG", quality=80)
    return buf.getvalue()


@pytest.fixture(scope="module")
def folder(tmp_path_factory, jpeg):
    d = tmp_path_factory.mktemp("inputs")
    shutil.copy(MN, d / MN.name)
    (d / "sub").mkdir()
    shutil.copy(TH, d / "sub" / TH.name)
    (d / "sub" / "scan-no-extension").write_bytes(jpeg)
    (d / "notes.xyz").write_text("not a document kehoach reads", encoding="utf-8")
    (d / ".hidden.txt").write_text("hidden", encoding="utf-8")
    return d


def test_check_and_batch_find_the_same_documents(folder):
    found = [x for x in discover([folder]) if isinstance(x, Input)]
    assert [x.path for x in found] == [str(folder / MN.name), str(folder / "notes.xyz"),
                                       str(folder / "sub" / "scan-no-extension"), str(folder / "sub" / TH.name)]
    assert [x.kind for x in found] == ["txt", None, "image", "txt"]
    files, missing, skipped = collect([folder])
    assert [f.path for f in files] == [x.path for x in found if not x.unsupported]
    assert skipped == [str(folder / "notes.xyz")] and missing == []


@pytest.mark.slow
def test_check_reads_an_extensionless_jpeg(folder):
    r = runner.invoke(app, ["check", "--isolated", "--jobs", "1", "-f", "json", str(folder)])
    paths = [f["path"] for f in json.loads(r.stdout)["files"]]
    assert str(folder / "sub" / "scan-no-extension") in paths and len(paths) == 3
    assert f"kehoach: note: {folder / 'notes.xyz'}: skipped, not a format kehoach reads" in r.stderr


@pytest.mark.slow
def test_a_jpeg_renamed_docx_is_read_as_an_image_with_a_warning(jpeg, tmp_path):
    bad = tmp_path / "ke-hoach.docx"
    bad.write_bytes(jpeg)
    doc = parse(bad, nlp=False)
    assert doc.source.format == "image" and doc.source.ocr and "LIÊN ĐOÀN LAO ĐỘNG" in doc.text
    assert doc.source.warnings[0] == f"{bad}: the content is an image but the extension is .docx; read as image"
    assert mismatch(jpeg[:4096], "scan") is None and mismatch(jpeg[:4096], "scan.jpg") is None


def test_check_and_batch_warn_when_the_content_contradicts_the_extension(tmp_path):
    from kehoach.pipelines.batch import Progress, run_batch
    from kehoach.pipelines.engines import EngineOptions

    bad = tmp_path / "in" / "chuong-trinh.docx"  # a PDF with a text layer, named .docx
    bad.parent.mkdir()
    shutil.copy(FIXTURES / "th-le-quy-don-2024.pdf", bad)
    want = f"{bad}: the content is a PDF but the extension is .docx; read as pdf"
    r = runner.invoke(app, ["check", "--isolated", str(bad)])
    assert f"kehoach: warning: {want}" in r.stderr and "reference-date-conflict" in r.stdout
    log = io.StringIO()
    s = run_batch([bad.parent], tmp_path / "out", options=EngineOptions(workers=1), tty=False,
                  progress=Progress(1, tty=False, stream=log))
    assert s.parsed == 1 and f"kehoach batch: warning: {want}" in log.getvalue()


def test_compare_takes_a_folder_of_plan_files(tmp_path):
    plain = tmp_path / "plain"
    plain.mkdir()
    for f in (MN, TH):
        shutil.copy(f, plain / f.name)
    (plain / "notes.xyz").write_text("x", encoding="utf-8")
    out = tmp_path / "c.csv"
    r = runner.invoke(app, ["compare", str(plain), "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert f"kehoach: note: {plain / 'notes.xyz'}: skipped, not a format kehoach reads" in r.stderr
    header = out.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header[-2:] == [MN.stem, TH.stem]  # one column per plan found in the folder
