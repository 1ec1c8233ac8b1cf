"""A batch goes on past any one document's PDF failure and names it by unit and file; the failed units are listed last;
PDFs and workbooks of a unit-year made again without them are removed, never left with old figures."""
from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

import cli
from conftest import require_soffice

ROOT = Path(__file__).resolve().parent.parent


def city(tmp_path: Path, count: int = 3) -> Path:
    folder = tmp_path / "city"
    for i in range(count):
        shutil.copytree(ROOT / "data" / "zhuzhou-jiwei", folder / f"u{i}")
    return folder


def test_export_goes_on_past_a_document_libreoffice_cannot_open(generated, tmp_path):
    require_soffice()
    from generator.workflow.pdf import export
    good = [tmp_path / f"{i}.docx" for i in range(2)]
    for path in good:
        shutil.copyfile(generated["zhuzhou-jiwei/2022/2022年度部门整体支出绩效自评报告.docx"], path)
    broken = tmp_path / "坏文件.docx"
    broken.write_bytes(b"PK\x03\x04 not a real archive")
    broken.with_suffix(".pdf").write_bytes(b"%PDF old figures")
    written, failed = export([good[0], broken, good[1]])
    assert written == [p.with_suffix(".pdf") for p in good] and [doc for doc, _ in failed] == [broken]
    assert not broken.with_suffix(".pdf").exists()  # an old PDF beside a failed one is removed


def test_a_batch_reports_a_pdf_failure_by_unit_and_file_and_lists_the_failed_last(tmp_path, monkeypatch):
    from generator.workflow import pdf

    def export(documents):
        bad = next(d for d in documents if "u1" in d.parts)
        return [d.with_suffix(".pdf") for d in documents if d != bad], [(bad, "LibreOffice 打不开这份文档")]
    monkeypatch.setattr(pdf, "export", export)
    result = CliRunner().invoke(cli.main, ["generate", str(city(tmp_path)), "-o", str(tmp_path / "out"), "--pdf"])
    assert result.exit_code == 1
    out = result.output
    assert "u1/2022：LibreOffice 未能把" in out and "u1/2022/2022年度" in out and "1 个未完成" in out
    assert out.rstrip().splitlines()[-2:][0].startswith("未完成的 1 个") and "u1/2022：未能导出 PDF：2022年度" in out.rstrip().splitlines()[-1]
    assert out.count("已导出") == 8  # the other units' documents, before and after the failure


def test_outputs_made_again_without_pdf_or_xlsx_leave_no_old_pdf_or_workbook(tmp_path):
    unit = city(tmp_path, 1) / "u0"
    out = tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(cli.main, ["generate", str(unit), "-o", str(out), "--xlsx"]).exit_code == 0
    folder = out / "u0" / "2022"
    assert (folder / "2022年度部门决算表.xlsx").is_file()
    (folder / "2022年度部门整体支出绩效自评报告.pdf").write_bytes(b"%PDF old")
    result = runner.invoke(cli.main, ["generate", str(unit), "-o", str(out)])
    assert result.exit_code == 0
    assert not list(folder.glob("*.pdf")) and not list(folder.glob("*.xlsx"))
    assert "已删除上次导出的 2022年度部门整体支出绩效自评报告.pdf" in result.output and "已删除上次导出的 2022年度部门决算表.xlsx" in result.output
