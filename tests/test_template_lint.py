"""templates check: a template edited in Word is linted with the paragraph text as location."""
import shutil
import subprocess
import sys
from pathlib import Path

from docx import Document

ROOT = Path(__file__).resolve().parent.parent


def edited(tmp_path, edit) -> Path:
    """A copy of the default 决算说明 template, edited like a clerk would in Word."""
    folder = tmp_path / "部门决算说明"
    folder.mkdir()
    path = folder / "我的模板.docx"
    doc = Document(str(ROOT / "templates" / "四川" / "部门决算说明.docx"))
    edit(doc)
    doc.save(str(path))
    return path


def check(path):
    return subprocess.run([sys.executable, str(ROOT / "cli.py"), "templates", "check", str(path)], capture_output=True, text=True, cwd=ROOT)


def test_default_templates_are_clean():
    for path in (ROOT / "templates").glob("*/*.docx"):
        r = check(path)
        assert r.returncode == 0 and "0 个错误，0 个警告" in r.stdout, r.stdout


def split_tag(doc):
    p = doc.add_paragraph("单位：")
    p.add_run("{{ unit.")
    p.add_run("name }}").bold = True


def test_tag_split_across_runs_is_a_warning_with_location(tmp_path):
    r = check(edited(tmp_path, split_tag))
    assert r.returncode == 0 and "警告: 在“单位：{{ unit.name }}”" in r.stdout and "拆成了 2 段" in r.stdout


def test_tag_split_across_paragraphs_cannot_be_repaired(tmp_path):
    def edit(doc):
        doc.add_paragraph("合计{{ f.income_")
        doc.add_paragraph("total|money }}万元")
    r = check(edited(tmp_path, edit))
    assert r.returncode == 1 and "错误: 在“合计{{ f.income_”" in r.stdout and "无法自动修复" in r.stdout


def test_unknown_variable_is_reported_at_its_paragraph(tmp_path):
    r = check(edited(tmp_path, lambda doc: doc.add_paragraph("负责人：{{ unit_leader }}")))
    assert r.returncode == 1 and "错误: 在“负责人：{{ unit_leader }}”" in r.stdout and "unit_leader" in r.stdout


def test_smart_quotes_and_unbalanced_blocks(tmp_path):
    def edit(doc):
        doc.add_paragraph("{{ “无” if not d.staff }}")
        doc.add_paragraph("{%p if d.staff %}")
    r = check(edited(tmp_path, edit))
    assert "中文引号" in r.stdout and "if 没有对应的 endif" in r.stdout and r.returncode == 1


def test_unit_can_use_its_own_template(tmp_path):
    unit = tmp_path / "unit"
    shutil.copytree(ROOT / "data" / "panzhihua-renhe-jiwei", unit)
    (unit / "模板").mkdir()
    doc = Document(str(ROOT / "templates" / "四川" / "部门决算说明.docx"))
    doc.add_paragraph("本文档使用本单位自定义模板。")
    doc.save(str(unit / "模板" / "决算说明.docx"))
    with open(unit / "unit.yaml", "a", encoding="utf-8") as f:
        f.write("模板:\n  部门决算说明: 模板/决算说明.docx\n")
    r = subprocess.run([sys.executable, str(ROOT / "cli.py"), "generate", str(unit), "-o", str(tmp_path / "out")], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    from generator.tools.totext import docx_text
    assert "本文档使用本单位自定义模板。" in docx_text(tmp_path / "out" / "unit" / "2019" / "2019年度部门决算说明.docx")
