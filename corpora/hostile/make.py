"""One file of each hostile case met in real archives (issue 12), made here, no third-party text.

    python -m corpora.hostile.make --out DIR     # writes the files below into DIR
    from corpora.hostile.make import build; build(DIR) -> {name: path}

- foreign-text-layer.pdf   a French report (accents, curly quotes) printed to PDF by LibreOffice:
                           a sound text layer that is not Vietnamese (must not be OCRed)
- long-1.4M.txt            generated plans one after another, 1.4 million characters
- styles-bomb.docx         a plan whose word/styles.xml inflates to 1.5 GB (1.5 MB on disk)
- styles-doctype.docx      a plan whose word/styles.xml declares entities (billion laughs)
- banner.pdf               a plan PDF with a 247-byte banner before its %PDF- header
- digits-table.docx        a .docx holding only a table of numbers
Plans come from corpora/synth/generate.py; .pdf files need LibreOffice (soffice) on PATH.
"""
from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

FRENCH = ("Le présent rapport décrit l’état des lieux de l’extraction de texte à partir des fichiers PDF. "
          "Les polices intégrées déterminent la qualité du résultat : une fenêtre, un élève, la société, "
          "le théâtre et les données numériques sont traités de façon différente selon l’encodage. ")
BANNER = (b"X-Archive-Note: this file was downloaded from a document portal and saved as it was served; "
          b"the server put this banner line before the PDF header, which every PDF reader skips.").ljust(246, b".") + b"\n"
assert len(BANNER) == 247  # the %PDF- header of the real file sat at byte 247


def plans_text(chars: int, seed: int = 11) -> str:
    """Generated plans one after another until `chars` characters."""
    from corpora.synth.generate import Generator

    gen = Generator(seed)
    out, n, i = [], 0, 0
    while n < chars:
        text = gen.plan(i)[1]
        out.append(text)
        n += len(text) + 1
        i += 1
    return "\n".join(out)[:chars]


def plan_docx(text: str) -> bytes:
    import docx

    d = docx.Document()
    for line in text.splitlines():
        if line.strip():
            d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def inflate_part(package: bytes, member: str, pad_mb: int = 1500, doctype: bool = False) -> bytes:
    """`member` of the zip grown by `pad_mb` MB of XML comment before its last tag (compresses ~1000x),
    or given an entity-declaring DOCTYPE."""
    src = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            if item.filename != member:
                dst.writestr(item.filename, body)
                continue
            if doctype:
                ents = '<!ENTITY l0 "ha">' + "".join(f'<!ENTITY l{i} "{("&l%d;" % (i - 1)) * 10}">' for i in range(1, 10))
                decl_end = body.index(b"?>") + 2 if body.startswith(b"<?xml") else 0
                root = body[decl_end:].lstrip()[1:].split(None, 1)[0].decode()
                dst.writestr(item.filename, body[:decl_end] + f"<!DOCTYPE {root} [{ents}]>".encode() + body[decl_end:])
                continue
            cut = body.rindex(b"</")
            with dst.open(item.filename, "w", force_zip64=True) as fh:
                fh.write(body[:cut])
                pad = b"<!-- " + b"x" * (1 << 20) + b" -->"
                for _ in range(pad_mb):
                    fh.write(pad)
                fh.write(body[cut:])
    return out.getvalue()


def digits_docx(rows: int = 20, cols: int = 4) -> bytes:
    import docx

    d = docx.Document()
    t = d.add_table(rows=rows, cols=cols)
    for r in range(rows):
        for c in range(cols):
            t.cell(r, c).text = str(r * cols + c + 1)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def to_pdf(txt: Path, timeout: float = 120) -> Path:
    """LibreOffice prints a .txt to a .pdf beside it (its own profile dir, so runs never collide)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("LibreOffice is not installed (Debian: apt-get install libreoffice-writer-nogui)")
    with tempfile.TemporaryDirectory() as prof:
        subprocess.run([soffice, f"-env:UserInstallation=file://{prof}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(txt.parent), str(txt)], capture_output=True, timeout=timeout, check=True)
    return txt.with_suffix(".pdf")


def build(out: Path, pdfs: bool = True) -> dict[str, Path]:
    out.mkdir(parents=True, exist_ok=True)
    made: dict[str, Path] = {}

    def put(name: str, data: bytes) -> None:
        (out / name).write_bytes(data)
        made[name] = out / name

    plan = plans_text(20_000, seed=3)
    base = plan_docx(plan)
    (out / "long-1.4M.txt").write_text(plans_text(1_400_000), encoding="utf-8")
    made["long-1.4M.txt"] = out / "long-1.4M.txt"
    put("styles-bomb.docx", inflate_part(base, "word/styles.xml"))
    put("styles-doctype.docx", inflate_part(base, "word/styles.xml", doctype=True))
    put("digits-table.docx", digits_docx())
    if pdfs:
        with tempfile.TemporaryDirectory() as tmp:
            fr = Path(tmp) / "foreign-text-layer.txt"
            fr.write_text("\n\n".join(f"Chapitre {i}. " + FRENCH * 5 for i in range(1, 80)), encoding="utf-8")
            put("foreign-text-layer.pdf", to_pdf(fr).read_bytes())
            vi = Path(tmp) / "plan.txt"
            vi.write_text(plan, encoding="utf-8")
            put("banner.pdf", BANNER + to_pdf(vi).read_bytes())
    return made


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--no-pdf", action="store_true", help="skip the cases that need LibreOffice")
    a = ap.parse_args(argv)
    for name, path in build(a.out, pdfs=not a.no_pdf).items():
        print(f"{path}  {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
