"""PDF export through LibreOffice headless: one LibreOffice start for a whole batch, 目录 page numbers refreshed."""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from generator import TEMPLATES
from generator.errors import UserError
from generator.render.files import write_atomic

# A LibreOffice Basic module: open each staged document hidden, take out a draft's comments (the PDF prints none, and
# LibreOffice 7.4 crashes updating a 目录 in a document that has any), update its indexes (the 目录 gets its page
# numbers from LibreOffice's own layout), export it as PDF, close it; a document that fails leaves no PDF.
MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Export" script:language="StarBasic">
Sub ExportAll()
  Dim folder As String, count As Long, k As Long
  folder = Environ("JUESUAN_PDF_DIR")
  count = CLng(Environ("JUESUAN_PDF_COUNT"))
  For k = 0 To count - 1
    ExportOne(folder &amp; "/" &amp; Format(k, "00000"))
  Next k
  StarDesktop.terminate()
End Sub

Sub ExportOne(stem As String)
  Dim doc As Object
  On Error GoTo Failed
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = "Hidden"
  load(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(stem &amp; ".docx"), "_blank", 0, load())
  RemoveComments(doc)
  Dim indexes As Object
  indexes = doc.getDocumentIndexes()
  Dim i As Long
  For i = 0 To indexes.getCount() - 1
    indexes.getByIndex(i).update()
  Next i
  Dim store(0) As New com.sun.star.beans.PropertyValue
  store(0).Name = "FilterName"
  store(0).Value = "writer_pdf_Export"
  doc.storeToURL(ConvertToURL(stem &amp; ".pdf"), store())
  doc.close(True)
  Exit Sub
Failed:
  On Error Resume Next
  If Not IsNull(doc) Then doc.close(True)
End Sub

Sub RemoveComments(doc As Object)
  Dim fields As Object, field As Object
  fields = doc.getTextFields().createEnumeration()
  Do While fields.hasMoreElements()
    field = fields.nextElement()
    If field.supportsService("com.sun.star.text.textfield.Annotation") Then field.dispose()
  Loop
End Sub
</script:module>
"""
LIBRARY = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">
<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" library:readonly="false" library:passwordprotected="false">
 <library:element library:name="Export"/>
</library:library>
"""
CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:libraries PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "libraries.dtd">
<library:libraries xmlns:library="http://openoffice.org/2000/library" xmlns:xlink="http://www.w3.org/1999/xlink">
 <library:library library:name="Standard" xlink:href="$(USER)/basic/Standard/script.xlb/" xlink:type="simple" library:link="false"/>
</library:libraries>
"""


# where LibreOffice's installers put the binary when it is not on PATH (Windows, macOS)
INSTALLED = [Path(os.environ.get(var, default)) / "LibreOffice" / "program" / "soffice.exe"
             for var, default in (("ProgramFiles", r"C:\Program Files"), ("ProgramFiles(x86)", r"C:\Program Files (x86)"))]
INSTALLED.append(Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"))


def soffice() -> str | None:
    """The LibreOffice binary: on PATH, or where its installer puts it."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    return found or next((str(p) for p in INSTALLED if p.is_file()), None)


def _profile(binary: str, folder: Path) -> str:
    """A throwaway LibreOffice user profile holding the export macro; its URL for -env:UserInstallation."""
    url = folder.as_uri()
    # LibreOffice fills a new profile with its presets on the first start, so start it once before adding ours
    subprocess.run([binary, f"-env:UserInstallation={url}", "--headless", "--norestore", "--terminate_after_init"],
                   capture_output=True, timeout=120)
    basic = folder / "user" / "basic"
    (basic / "Standard").mkdir(parents=True, exist_ok=True)
    (basic / "script.xlc").write_text(CONTAINER, encoding="utf-8")
    (basic / "Standard" / "script.xlb").write_text(LIBRARY, encoding="utf-8")
    (basic / "Standard" / "Export.xba").write_text(MACRO, encoding="utf-8")
    return url


def _missing_message() -> str:
    """What to do when LibreOffice is not installed."""
    return ("没有找到 LibreOffice（soffice），无法导出 PDF。请安装 LibreOffice（Debian/Ubuntu：apt-get install "
            "libreoffice-writer-nogui fonts-noto-cjk；Windows：从 libreoffice.org 下载安装即可），"
            "或去掉 --pdf 只生成 Word 文档。")


FONTS = TEMPLATES / "fonts" / "fonts.conf"
FIXED_PDF_DATE = b"19800101000000"  # the date every PDF carries, as the .docx zip entries carry 1980-01-01
PDF_DATE = re.compile(rb"/(CreationDate|ModDate)\(D:\d{14}")
CHECKSUM = re.compile(rb"/DocChecksum\s*/([0-9A-Fa-f]+)")
PDF_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")


def deterministic(pdf: bytes) -> bytes:
    """A PDF whose bytes depend on its content only: a fixed creation date, and a file ID (and LibreOffice's
    DocChecksum, which covers the date) made from the content.

    Every replacement keeps the length of what it replaces, so the cross-reference offsets stay right.
    """
    pdf = PDF_DATE.sub(lambda m: b"/" + m.group(1) + b"(D:" + FIXED_PDF_DATE, pdf)
    varying = [m.span(1) for pattern in (PDF_ID, CHECKSUM) for m in pattern.finditer(pdf)]
    varying += [m.span(2) for m in PDF_ID.finditer(pdf)]
    if not varying:
        return pdf
    blank = bytearray(pdf)
    for start, end in varying:
        blank[start:end] = b"0" * (end - start)
    digest = hashlib.sha256(bytes(blank)).hexdigest().upper().encode() * 2
    for start, end in varying:
        blank[start:end] = digest[: end - start]
    return bytes(blank)


def convert(documents: list[Path]) -> list[Path]:
    """A PDF beside each document, written by a single LibreOffice run; a UserError naming the first that failed."""
    written, failed = export(documents)
    if failed:
        doc, why = failed[0]
        raise UserError(f"LibreOffice 未能把 {doc} 转换为 PDF：{why}")
    return written


def export(documents: list[Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """A PDF beside each document LibreOffice can convert, in one LibreOffice run; the others with the reason (their
    old PDF, if any, is removed: it would show figures the document no longer has)."""
    binary = soffice()
    if binary is None:
        raise UserError(_missing_message())
    if not documents:
        return [], []
    with tempfile.TemporaryDirectory(prefix="juesuan-pdf-") as tmp:
        work = Path(tmp)
        for i, doc in enumerate(documents):
            shutil.copyfile(doc, work / f"{i:05d}.docx")
        result = _run(binary, work, len(documents))
        written, failed = [], []
        for i, doc in enumerate(documents):
            pdf, target = work / f"{i:05d}.pdf", doc.with_suffix(".pdf")
            if pdf.exists():
                write_atomic(target, deterministic(pdf.read_bytes()))
                written.append(target)
            else:
                target.unlink(missing_ok=True)
                failed.append((doc, (result.stderr or result.stdout).strip()[:300] or "LibreOffice 打不开这份文档"))
        return written, failed


def _run(binary: str, work: Path, count: int) -> subprocess.CompletedProcess:
    """LibreOffice's run of the export macro over the staged documents."""
    try:
        profile = _profile(binary, work / "profile")
        # the folder goes in through the environment: no quoting, and any characters a user's temp path has
        env = dict(os.environ, JUESUAN_PDF_DIR=work.as_posix(), JUESUAN_PDF_COUNT=str(count))
        if FONTS.is_file() and "FONTCONFIG_FILE" not in os.environ:
            env["FONTCONFIG_FILE"] = str(FONTS)  # the official font names mapped to free fonts (see the file)
        return subprocess.run([binary, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--nologo",
                               "macro:///Standard.Export.ExportAll()"], capture_output=True, text=True, env=env,
                              timeout=120 + 20 * count)
    except subprocess.TimeoutExpired:
        raise UserError("LibreOffice 导出 PDF 超时未完成。请关闭所有 LibreOffice 窗口后重试；Word 文档已经生成，"
                        "也可以在 Word 或 WPS 中另存为 PDF。") from None
