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
