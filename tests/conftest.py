"""Shared fixtures: the documents generated from data/, once per test session."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.errors import UserError  # noqa: E402
from generator.tools.totext import docx_text  # noqa: E402
from generator.workflow.pipeline import discover, generate  # noqa: E402

UNITS = [ROOT / "data", *(ROOT / "tests" / "fixtures" / n for n in ("seed000", "seed004", "draft-half", "putuo-corrected", "putuo-faithful"))]


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite golden text snapshots from the current output")


@pytest.fixture(scope="session")
def update_golden(request) -> bool:
    """Whether golden snapshots are being regenerated."""
    return request.config.getoption("--update-golden")


@pytest.fixture(scope="session")
def generated(tmp_path_factory) -> dict[str, Path]:
    """Every document generated from data/: ``<unit>/<year>/<name>`` → path."""
    out = tmp_path_factory.mktemp("out")
    docs = {}
    for job in discover([]):
        _, written = generate(job, out)
        for path in written:
            docs[str(path.relative_to(out))] = path
    return docs


def soffice() -> str | None:
    """The LibreOffice binary, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def require_soffice():
    """Skip without LibreOffice locally; fail in CI, where it must be installed."""
    if soffice():
        return soffice()
    if os.environ.get("CI"):
        pytest.fail("CI=true 但没有找到 LibreOffice (soffice)：.ci/run 应该已安装它")
    pytest.skip("LibreOffice (soffice) 未安装：跳过真实客户端测试（CI 中必须运行）")


def require_calc() -> str:
    """LibreOffice with Calc (for the exported workbooks): skipped without it locally, a failure in CI."""
    found = require_soffice()
    if Path("/usr/lib/libreoffice/program/libsclo.so").exists() or not Path("/usr/lib/libreoffice").exists():
        return found
    if os.environ.get("CI"):
        pytest.fail("CI=true 但 LibreOffice 没有 Calc：.ci/run 应该已安装 libreoffice-calc-nogui")
    pytest.skip("LibreOffice Calc 未安装：跳过工作簿的真实客户端测试（CI 中必须运行）")


def require_pdftotext() -> str:
    """Skip without poppler's pdftotext locally; fail in CI, where .ci/run installs it."""
    found = shutil.which("pdftotext")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("CI=true 但没有找到 pdftotext：.ci/run 应该已安装 poppler-utils")
    pytest.skip("pdftotext (poppler-utils) 未安装：跳过读取 PDF 文字的测试（CI 中必须运行）")


def pdf_pages(pdf) -> list[str]:
    """The text of each page of a PDF, by pdftotext."""
    text = subprocess.run([require_pdftotext(), "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")


def bundle_of(folder: str, year: int):
    """The prepared bundle of a unit-year in data/, which must check without errors."""
    from generator.workflow.pipeline import Job, prepare
    unit = ROOT / "data" / folder
    prepared = prepare(Job(unit, unit / f"{year}.yaml"))
    assert not prepared.errors, [f.render() for f in prepared.errors]
    return prepared.bundle


@pytest.fixture(scope="session")
def renhe():
    """The prepared bundle of 仁和区纪委监委 2019."""
    return bundle_of("panzhihua-renhe-jiwei", 2019)


def documents(tmp: Path) -> dict[str, str]:
    """Every document every unit gives, final where its data allows and as a draft: name → text."""
    out = {}
    for draft in (False, True):
        for job in discover(UNITS):
            try:
                _, written = generate(job, tmp / str(draft), draft)
            except UserError:
                continue
            out.update({f"{'草稿' if draft else '定稿'} {p.relative_to(tmp / str(draft))}": docx_text(p) for p in written})
    return out


@pytest.fixture(scope="session")
def exported(tmp_path_factory) -> list[Path]:
    """Every document of every unit, final and draft, exported to PDF in one LibreOffice run."""
    from generator.workflow.pdf import convert
    require_soffice()
    require_pdftotext()
    out = tmp_path_factory.mktemp("pdf")
    documents(out)
    return convert(sorted(out.rglob("*.docx")))
