"""templates check: a template edited in Word is linted with the paragraph text as location."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document

ROOT = Path(__file__).resolve().parent.parent


def edited(tmp_path, edit) -> Path:
    """A copy of the default 决算说明 template, edited like a clerk would in Word."""
    folder = tmp_path / "部门决算说明"
    folder.mkdir(parents=True)
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


def test_a_for_loop_may_have_an_else_but_not_an_elif(tmp_path):
    def loop_else(doc):
        for text in ("{%p for t in d.key_work %}", "{{ t }}", "{%p else %}", "无。", "{%p endfor %}"):
            doc.add_paragraph(text)
    r = check(edited(tmp_path, loop_else))
    assert r.returncode == 0 and "0 个错误" in r.stdout, r.stdout

    def loop_elif(doc):
        for text in ("{%p for t in d.key_work %}", "{%p elif draft %}", "{%p endfor %}"):
            doc.add_paragraph(text)
    r = check(edited(tmp_path / "elif", loop_elif))
    assert r.returncode == 1 and "错误: 在“{%p elif draft %}”：elif 不在 if 块内。" in r.stdout, r.stdout


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


def cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, str(ROOT / "cli.py"), *args], capture_output=True, text=True, cwd=cwd)


def test_an_untouched_copy_gives_exactly_the_defaults_documents(tmp_path):
    unit = tmp_path / "unit"
    shutil.copytree(ROOT / "data" / "panzhihua-renhe-jiwei", unit)
    r = cli("templates", "copy", "部门决算说明", "四川", str(unit))
    assert r.returncode == 0 and "模板:\n  部门决算说明: 部门决算说明.docx" in r.stdout, r.stdout + r.stderr
    assert (unit / "部门决算说明.docx").read_bytes() == (ROOT / "templates" / "四川" / "部门决算说明.docx").read_bytes()
    assert cli("templates", "copy", "部门决算说明", "四川", str(unit)).returncode == 2  # never over the clerk's copy
    assert cli("generate", str(unit), "-o", str(tmp_path / "default")).returncode == 0
    with open(unit / "unit.yaml", "a", encoding="utf-8") as f:
        f.write("模板:\n  部门决算说明: 部门决算说明.docx\n")
    assert cli("generate", str(unit), "-o", str(tmp_path / "copy")).returncode == 0
    default, copied = (sorted((tmp_path / side / "unit" / "2019").iterdir()) for side in ("default", "copy"))
    assert [p.name for p in default] == [p.name for p in copied] and len(default) == 4
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(default, copied))


@pytest.mark.parametrize("args, words", [(("部门决算说明", "全国"), "版式“全国”没有“部门决算说明”"), (("部门决算说明", "广东"), "没有名为“广东”的版式")])
def test_copy_names_what_exists(tmp_path, args, words):
    r = cli("templates", "copy", *args, str(tmp_path))
    assert r.returncode == 2 and words in r.stderr and not list(tmp_path.iterdir())


def test_a_misspelt_attribute_in_a_copy_is_located_with_the_right_name(tmp_path):
    assert cli("templates", "copy", "部门决算", "全国", str(tmp_path)).returncode == 0
    path = tmp_path / "部门决算.docx"
    doc = Document(str(path))
    doc.add_paragraph("决算单位共{{ d.covered_unit|length }}个。")
    doc.add_paragraph("{%p for r in item_lines %}")
    doc.add_paragraph("{{ r.pth }}支出{{ r.actual|moeny }}万元")
    doc.add_paragraph("{%p endfor %}")
    doc.save(str(path))
    r = cli("templates", "check", str(path))
    assert r.returncode == 1 and "Traceback" not in r.stderr
    lines = r.stdout.splitlines()
    assert any("在“决算单位共{{ d.covered_unit|length }}个。”" in x and "是不是“d.covered_units”" in x for x in lines), r.stdout
    assert any("在“{{ r.pth }}支出" in x and "是不是“r.path”" in x for x in lines), r.stdout
    assert any("没有名为“moeny”的过滤器。是不是“money”？" in x for x in lines), r.stdout
    assert "3 个错误" in lines[-1]
    unit = tmp_path / "unit"
    shutil.copytree(ROOT / "data" / "example-jiaoyuju", unit)
    shutil.copy(path, unit / "部门决算.docx")
    with open(unit / "unit.yaml", "a", encoding="utf-8") as f:
        f.write("模板:\n  部门决算: 部门决算.docx\n")
    checked = cli("check", str(unit))
    assert checked.returncode == 1 and "模板.部门决算" in checked.stdout and "Traceback" not in checked.stderr


@pytest.mark.parametrize("content", [b"not a docx", b"PK\x03\x04junk"])
def test_a_malformed_template_is_exit_1_with_a_message(tmp_path, content):
    path = tmp_path / "部门决算说明.docx"
    path.write_bytes(content)
    r = cli("templates", "check", str(path))
    assert r.returncode == 1 and "不是有效的 Word 文档" in r.stderr and "Traceback" not in r.stderr
