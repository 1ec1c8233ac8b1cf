"""PDF export through LibreOffice headless: one LibreOffice start for a whole batch."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from .errors import UserError
from .files import write_atomic


def soffice() -> str | None:
    """The LibreOffice binary, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(documents: list[Path]) -> list[Path]:
    """A PDF beside each document, written by a single LibreOffice run."""
    binary = soffice()
    if binary is None:
        raise UserError("没有找到 LibreOffice（soffice），无法导出 PDF。请安装 LibreOffice（Debian/Ubuntu：apt-get install "
                        "libreoffice-writer-nogui fonts-noto-cjk；Windows：从 libreoffice.org 安装并把 program 目录加入 PATH），"
                        "或去掉 --pdf 只生成 Word 文档。")
    if not documents:
        return []
    with tempfile.TemporaryDirectory(prefix="juesuan-pdf-") as tmp:
        work = Path(tmp)
        staged = []
        for i, doc in enumerate(documents):
            copy = work / f"{i:05d}.docx"
            shutil.copyfile(doc, copy)
            staged.append(str(copy))
        result = subprocess.run([binary, f"-env:UserInstallation=file://{work / 'profile'}", "--headless", "--norestore",
                                 "--convert-to", "pdf", "--outdir", str(work), *staged],
                                capture_output=True, text=True, timeout=120 + 20 * len(documents))
        written = []
        for i, doc in enumerate(documents):
            pdf = work / f"{i:05d}.pdf"
            if not pdf.exists():
                raise UserError(f"LibreOffice 未能把 {doc.name} 转换为 PDF：{(result.stderr or result.stdout).strip()[:300]}")
            target = doc.with_suffix(".pdf")
            write_atomic(target, pdf.read_bytes())
            written.append(target)
        return written
