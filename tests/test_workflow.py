"""The clerk's workflow: batch with a bad unit, summary, PDF export, schemas, totext for git diff."""
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import pdf_pages, require_soffice

from generator.errors import UserError
from generator.workflow.batch import run_all, summary_table
from generator.workflow.pipeline import discover

ROOT = Path(__file__).resolve().parent.parent


def units(tmp_path, count, broken=()):
    """``count`` copies of the 仁和 unit; the ones in ``broken`` get an amount written with 万元."""
    folders = []
    for i in range(count):
        folder = tmp_path / f"u{i:02d}"
        shutil.copytree(ROOT / "data" / "panzhihua-renhe-jiwei", folder)
        if i in broken:
            path = folder / "2019.yaml"
            path.write_text(path.read_text(encoding="utf-8").replace("收入: 1622.30", "收入: 1622.30万元"), encoding="utf-8")
        folders.append(folder)
    return folders


def test_a_bad_unit_does_not_stop_the_others(tmp_path):
    jobs = discover(units(tmp_path, 4, broken={1}))
    outcomes = run_all(jobs, tmp_path / "out", progress=False)
    assert [len(o.written) for o in outcomes] == [4, 0, 4, 4]
    assert outcomes[1].failure and outcomes[1].errors == 1
    table = summary_table(outcomes).splitlines()
    assert table[0].split() == ["单位", "年度", "文档", "警告", "错误", "结果"]
    assert table[2].split() == ["u01", "2019", "0", "0", "1", "未完成"] and table[-1].split() == ["合计", "12", "15", "1", "1", "个未完成"]


def test_cli_batch_exit_code_reports_the_failure(tmp_path):
    folders = units(tmp_path, 3, broken={2})
    r = subprocess.run([sys.executable, str(ROOT / "cli.py"), "generate", *map(str, folders), "-o", str(tmp_path / "out")],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 1 and "合计" in r.stdout and r.stdout.count("已生成") == 8


def test_output_folder_holding_data_is_refused(tmp_path):
    r = subprocess.run([sys.executable, str(ROOT / "cli.py"), "generate", "-o", "data"], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 2 and "数据或模板" in r.stderr


def test_pdf_export_in_one_libreoffice_run(generated, tmp_path):
    require_soffice()
    from generator.workflow.pdf import convert
    docs = []
    for i, path in enumerate(list(generated.values())[:2]):
        target = tmp_path / f"d{i}" / path.name
        target.parent.mkdir()
        shutil.copyfile(path, target)
        docs.append(target)
    pdfs = convert(docs)
    assert [p.suffix for p in pdfs] == [".pdf", ".pdf"] and all(p.parent == d.parent for p, d in zip(pdfs, docs))
    assert all(p.read_bytes().startswith(b"%PDF") for p in pdfs)


def test_pdf_contents_carry_the_pages_the_headings_are_on(generated, tmp_path):
    require_soffice()
    from generator.workflow.pdf import convert
    source = generated["panzhihua-renhe-jiwei/2019/2019年度部门决算说明.docx"]
    doc = tmp_path / source.name
    shutil.copyfile(source, doc)
    pages = pdf_pages(convert([doc])[0])
    contents = next(page for page in pages if "目" in page and "录" in page)  # the cover comes first, on a page of its own
    assert pages.index(contents) == 1
    entries = re.findall(r"^\s*(\S.*?)\s*\.{3,}\s*(\d+)\s*$", contents, re.M)
    assert len(entries) == 16
    for heading, number in entries:
        assert any(line.strip() == heading for line in pages[int(number) - 1].splitlines()), (heading, number)


def test_pdf_export_works_under_a_chinese_temp_folder(generated, tmp_path, monkeypatch):
    require_soffice()
    import tempfile

    from generator.workflow.pdf import convert
    temp = tmp_path / "临时 文件夹"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    doc = tmp_path / "文档.docx"
    shutil.copyfile(generated["zhuzhou-jiwei/2022/2022年度部门整体支出绩效自评报告.docx"], doc)
    (pdf,) = convert([doc])
    assert pdf.read_bytes().startswith(b"%PDF") and "株洲市纪委监委" in "".join(pdf_pages(pdf))


def test_a_document_libreoffice_cannot_open_is_named(tmp_path):
    require_soffice()
    from generator.workflow.pdf import convert
    broken = tmp_path / "坏文件.docx"
    broken.write_bytes(b"PK\x03\x04 not a real archive")
    with pytest.raises(UserError, match="坏文件.docx"):
        convert([broken])


def test_a_libreoffice_that_hangs_is_reported(monkeypatch, tmp_path):
    from generator.workflow import pdf

    def hang(*args, **kwargs):
        raise subprocess.TimeoutExpired(args[0], kwargs.get("timeout"))
    monkeypatch.setattr(pdf, "soffice", lambda: "soffice")
    monkeypatch.setattr(pdf.subprocess, "run", hang)
    (tmp_path / "a.docx").write_bytes(b"PK")
    with pytest.raises(UserError, match="超时"):
        pdf.convert([tmp_path / "a.docx"])


def test_libreoffice_is_found_where_its_installer_puts_it(monkeypatch, tmp_path):
    from generator.workflow import pdf
    binary = tmp_path / "LibreOffice" / "program" / "soffice.exe"
    binary.parent.mkdir(parents=True)
    binary.write_bytes(b"")
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    monkeypatch.setattr(pdf, "INSTALLED", [tmp_path / "missing" / "soffice.exe", binary])
    assert pdf.soffice() == str(binary)


def test_pdf_without_libreoffice_says_what_to_do(monkeypatch, tmp_path):
    from generator.workflow import pdf
    monkeypatch.setattr(pdf, "soffice", lambda: None)
    with pytest.raises(UserError, match="没有找到 LibreOffice"):
        pdf.convert([tmp_path / "a.docx"])


def test_committed_schemas_are_current(tmp_path):
    from generator.workflow import schemas as schema
    for path in schema.write(tmp_path):
        assert (ROOT / "schemas" / path.name).read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), "运行 python cli.py schema"
    year = json.loads((ROOT / "schemas" / "year.schema.json").read_text(encoding="utf-8"))
    assert "收入" in year["properties"] and year["properties"]["年度"]["description"]


def test_data_files_name_their_schema():
    for path in (ROOT / "data").glob("*/*.yaml"):
        if path.parent.name == "common":
            continue
        first = path.read_text(encoding="utf-8").splitlines()[0]
        expected = "unit.schema.json" if path.name == "unit.yaml" else "year.schema.json"
        assert first == f"# yaml-language-server: $schema=../../schemas/{expected}", path


def test_totext_as_git_textconv(generated, tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()
    git = lambda *a: subprocess.run(["git", *a], cwd=repo, capture_output=True, text=True, check=True)
    git("init", "-q")
    git("config", "user.email", "t@example.invalid")
    git("config", "user.name", "t")
    git("config", "diff.docx.textconv", f"{sys.executable} {ROOT / 'cli.py'} totext")
    (repo / ".gitattributes").write_text((ROOT / ".gitattributes").read_text())
    renhe = generated["panzhihua-renhe-jiwei/2019/2019年度部门决算说明.docx"]
    zhuzhou = generated["zhuzhou-jiwei/2022/2022年部门整体支出绩效评价报告.docx"]
    shutil.copyfile(renhe, repo / "a.docx")
    git("add", ".")
    git("commit", "-qm", "one")
    shutil.copyfile(zhuzhou, repo / "a.docx")
    diff = git("diff").stdout
    assert "-[公文标题] 攀枝花市仁和区纪委监委" in diff and "+[公文标题] 中共株洲市纪律检查委员会" in diff
