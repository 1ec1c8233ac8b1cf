"""A real client: LibreOffice headless opens every generated document and converts it to PDF."""
import subprocess
from pathlib import Path

from conftest import require_soffice


def test_libreoffice_converts_every_document(generated, tmp_path):
    soffice = require_soffice()
    files = [str(p) for p in generated.values()]
    profile = tmp_path / "profile"
    result = subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                             "--outdir", str(tmp_path), *files], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    for f in files:
        pdf = tmp_path / (Path(f).stem + ".pdf")
        assert pdf.exists() and pdf.stat().st_size > 5000, f"LibreOffice did not convert {f}: {result.stdout} {result.stderr}"
        assert pdf.read_bytes().count(b"/Type /Page") >= 1 or pdf.read_bytes().count(b"/Type/Page") >= 1


def test_a_line_the_clerk_breaks_is_not_spread_across_the_page(tmp_path):
    """A justified paragraph's line that ends in a line break keeps its natural spacing (w:doNotExpandShiftReturn)."""
    import re
    import shutil

    from conftest import pdf_pages

    from generator.workflow.pipeline import Job, generate
    root = Path(__file__).resolve().parent.parent
    folder = tmp_path / "u"
    shutil.copytree(root / "data" / "panzhihua-renhe-jiwei", folder)
    path = folder / "2019.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("重点工作:\n", '重点工作:\n  - "第一行短句\\n第二行"\n', 1), encoding="utf-8")
    _, written = generate(Job(folder, path), tmp_path / "out")
    subprocess.run([require_soffice(), f"-env:UserInstallation=file://{tmp_path}/p", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(written[0])], check=True, capture_output=True, timeout=180)
    lines = "".join(pdf_pages(tmp_path / (written[0].stem + ".pdf"))).splitlines()
    assert any(re.fullmatch(r"\s*第一行短句\s*", line) for line in lines), [line for line in lines if "第一" in line]


def test_a_draft_alone_is_exported_with_its_contents_page_numbers(tmp_path):
    """generate --draft --pdf: a draft's Word comments made LibreOffice 7.4 abort while updating the 目录 when the draft
    was the first document of its run (a batch with finals first hid it); the PDF is made without the comments."""
    import re

    from conftest import pdf_pages

    from generator.workflow.pdf import convert
    from generator.workflow.pipeline import Job, generate
    require_soffice()
    root = Path(__file__).resolve().parent.parent / "data" / "example-jiaoyuju"
    _, written = generate(Job(root, root / "2024.yaml"), tmp_path / "out", draft=True)
    (pdf,) = convert(written)
    assert b"/Subtype/Text" not in pdf.read_bytes() and b"/Subtype /Text" not in pdf.read_bytes()
    contents = pdf_pages(pdf)[1]
    assert re.search(r"一、主要职能\.+\d", contents), contents[:300]
