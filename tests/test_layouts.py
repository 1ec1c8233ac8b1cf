"""Layouts are data: a profile and templates make a layout, no code names one, a unit overrides its options and
chooses its companion documents, and every mistake in a profile or a choice is a located Chinese message."""
from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from generator.model.layouts import available
from generator.tools.totext import docx_text

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, str(ROOT / "cli.py")]
ZERO = r"(?<![\d.])0万元"  # an amount of nothing as the national layout prints it in running text
FIXTURE = ROOT / "tests" / "fixtures" / "layout-only" / "版式"


def string_constants(path: Path) -> list[tuple[int, str]]:
    """(line, text) of every string constant of a module that is not a docstring."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


def test_no_module_under_generator_names_a_layout():
    layouts = available()
    assert {"四川", "湖南", "全国"} <= set(layouts)
    named = [f"{path.relative_to(ROOT)}:{line}: {text[:40]}" for path in sorted((ROOT / "generator").rglob("*.py"))
             for line, text in string_constants(path) if any(name in text for name in layouts)]
    assert not named, named


def test_the_check_finds_a_layout_named_in_code(tmp_path):
    module = tmp_path / "m.py"
    module.write_text('"""A docstring may say 四川."""\nX = {"四川": 1}\n', encoding="utf-8")
    assert [text for _, text in string_constants(module)] == ["四川"]


def city(tmp_path: Path, unit_yaml_change=None) -> Path:
    """A city folder: the 四川 sample unit, and beside it the fixture's 版式/ folder with a layout no code knows."""
    folder = tmp_path / "city"
    shutil.copytree(ROOT / "data" / "panzhihua-renhe-jiwei", folder / "单位")
    shutil.copytree(FIXTURE, folder / "版式")
    unit = folder / "单位" / "unit.yaml"
    text = unit.read_text(encoding="utf-8")
    unit.write_text(unit_yaml_change(text) if unit_yaml_change else text, encoding="utf-8")
    return folder


def generate(*args: str) -> subprocess.CompletedProcess:
    """The CLI's generate, as a clerk runs it."""
    return subprocess.run([*CLI, "generate", *args], capture_output=True, text=True, cwd=ROOT)


def test_a_layout_that_exists_only_in_a_fixture_folder_generates_a_document(tmp_path):
    folder = city(tmp_path, lambda t: t.replace("版式: 四川", "版式: 试点"))
    r = generate(str(folder / "单位"), "-o", str(tmp_path / "out"))
    assert r.returncode == 0, r.stderr
    [document] = (tmp_path / "out" / "单位" / "2019").iterdir()
    assert document.name == "2019年度决算简报.docx"  # the profile's name; no companion, as the profile says
    text = docx_text(document)
    assert "攀枝花市仁和区纪委监委2019年度决算简报" in text and "本年支出合计1402.23万元，其中基本支出占57.800%。" in text
    assert "未生成" not in r.stdout + r.stderr and "部门决算的" not in r.stdout  # no national-table warnings


def test_a_unit_overrides_its_layouts_options(tmp_path):
    folder = city(tmp_path, lambda t: t.replace("版式: 四川", "版式: 试点\n版式选项:\n  百分比小数位: 1\n  百分比去掉末尾的零: true"))
    assert generate(str(folder / "单位"), "-o", str(tmp_path / "out")).returncode == 0
    assert "其中基本支出占57.8%。" in docx_text(tmp_path / "out" / "单位" / "2019" / "2019年度决算简报.docx")


def test_a_unit_chooses_its_companions(tmp_path):
    folder = city(tmp_path, lambda t: t + "附带文档: []\n")
    assert generate(str(folder / "单位"), "-o", str(tmp_path / "out")).returncode == 0
    names = sorted(p.name for p in (tmp_path / "out" / "单位" / "2019").iterdir())
    assert names == ["2019年度部门决算说明.docx", "2019年部门整体支出绩效评价报告.docx", "2019年项目支出绩效评价报告（仁和区廉政风险防控平台建设项目）.docx"]


@pytest.mark.parametrize("change, line, words", [
    (lambda t: t.replace("版式: 四川", "版式: 试验"), 6, "没有名为“试验”的版式。可用的版式：试点、全国、四川、湖南"),
    (lambda t: t + "附带文档: [全国/部门决算说明]\n", 0, "版式“全国”没有“部门决算说明”"),
    (lambda t: t + "版式选项: {百分比小位数: 2}\n", 0, "未知的键“百分比小位数”"),
])
def test_a_wrong_layout_choice_is_located(tmp_path, change, line, words):
    folder = city(tmp_path, change)
    r = subprocess.run([*CLI, "check", str(folder / "单位")], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    found = [x for x in r.stdout.splitlines() if words in x]
    assert found and "unit.yaml:" in found[0] and "错误" in found[0], r.stdout
    if line:
        assert f"unit.yaml:{line}:" in found[0]


def test_a_mistake_in_a_profile_is_located_in_it(tmp_path):
    folder = city(tmp_path, lambda t: t.replace("版式: 四川", "版式: 试点"))
    profile = folder / "版式" / "试点" / "profile.yaml"
    text = profile.read_text(encoding="utf-8")
    profile.write_text(text.replace("模板: 决算简报.docx", "模版: 决算简报.docx"), encoding="utf-8")
    r = subprocess.run([*CLI, "check", str(folder / "单位")], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "profile.yaml:6: 错误: 文档.部门决算说明.模版: 未知的键“模版”。是不是“模板”？" in r.stdout, r.stdout
    profile.write_text(text.replace("{年度}年度决算简报", "{年份}年度决算简报"), encoding="utf-8")
    r = subprocess.run([*CLI, "check", str(folder / "单位")], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 1 and "profile.yaml:7: 错误: 文档.部门决算说明.文件名: 文件名“{年份}年度决算简报.docx”里只能用" in r.stdout, r.stdout


def test_a_layout_based_on_another_changes_only_what_it_says(tmp_path):
    """A bureau's own variant of the national layout: 基于 全国, zeros in the text printed 0.00."""
    unit = tmp_path / "data" / "单位"
    shutil.copytree(ROOT / "data" / "example-jiaoyuju", unit)
    (unit / "unit.yaml").write_text((unit / "unit.yaml").read_text(encoding="utf-8").replace("版式: 全国", "版式: 本区"), encoding="utf-8")
    (tmp_path / "data" / "版式" / "本区").mkdir(parents=True)
    (tmp_path / "data" / "版式" / "本区" / "profile.yaml").write_text("基于: 全国\n选项:\n  正文中的零: \"0.00\"\n", encoding="utf-8")
    r = generate(str(unit / "2024.yaml"), "-o", str(tmp_path / "out"))
    assert r.returncode == 0, r.stdout + r.stderr
    ours = docx_text(tmp_path / "out" / "单位" / "2024" / "2024年度部门决算.docx")
    assert generate("data/example-jiaoyuju/2024.yaml", "-o", str(tmp_path / "base")).returncode == 0
    national = docx_text(tmp_path / "base" / "example-jiaoyuju" / "2024" / "2024年度部门决算.docx")
    assert re.search(ZERO, national) and not re.search(ZERO, ours)
    assert ours == re.sub(ZERO, "0.00万元", national)


def test_wording_options_change_only_their_wording(tmp_path):
    """A bureau whose documents print a completion rate on every 项, “同预算数持平” and 0.00 in empty table cells sets
    three options in unit.yaml; nothing else in its document changes."""
    unit = tmp_path / "data" / "单位"
    shutil.copytree(ROOT / "data" / "example-jiaoyuju", unit)
    with open(unit / "unit.yaml", "a", encoding="utf-8") as f:
        f.write("版式选项:\n  各项列出完成率: true\n  持平措辞: 同\n  表格中的零: \"0.00\"\n")
    assert generate(str(unit / "2024.yaml"), "-o", str(tmp_path / "out")).returncode == 0
    assert generate("data/example-jiaoyuju/2024.yaml", "-o", str(tmp_path / "base")).returncode == 0
    ours = docx_text(tmp_path / "out" / "单位" / "2024" / "2024年度部门决算.docx").splitlines()
    base = docx_text(tmp_path / "base" / "example-jiaoyuju" / "2024" / "2024年度部门决算.docx").splitlines()
    assert len(ours) == len(base)
    changed = [(a, b) for a, b in zip(base, ours) if a != b]
    items = [(a, b) for a, b in changed if re.match(r"\d+、.*（项）。", a)]
    assert items and all("，完成年初预算的" in b and "完成年初预算的" not in a for a, b in items)
    assert any("决算数与预算数持平" in a and "决算数同预算数持平" in b for a, b in items)
    cells = [(a, b) for a, b in changed if (a, b) not in items]
    assert cells and all(b.count("0.00") > a.count("0.00") and "年初预算" not in b for a, b in cells), cells[:3]
    line = next(b for a, b in items if "持平" in b)
    assert re.search(r"支出决算为(\d+\.\d\d)万元，完成年初预算的100\.00%。决算数同预算数持平。", line), line


def test_what_a_layout_requires_is_data_and_is_inherited(tmp_path):
    """必填 names facts the layout's main document must state: an unknown name is located in the profile; a layout
    based on 福建 requires what 福建 does, and one that says 必填: [] requires nothing more than the document kind."""
    unit = tmp_path / "data" / "单位"
    shutil.copytree(ROOT / "tests" / "fixtures" / "pingtan-corrected", unit)
    (unit / "unit.yaml").write_text((unit / "unit.yaml").read_text(encoding="utf-8").replace("版式: 福建", "版式: 本区"), encoding="utf-8")
    year = unit / "2017.yaml"
    year.write_text(re.sub(r"公开:\n(  .*\n)+", "", year.read_text(encoding="utf-8")), encoding="utf-8")
    profile = tmp_path / "data" / "版式" / "本区" / "profile.yaml"
    profile.parent.mkdir(parents=True)

    def check(text: str) -> subprocess.CompletedProcess:
        profile.write_text(text, encoding="utf-8")
        return subprocess.run([*CLI, "check", str(unit)], capture_output=True, text=True, cwd=ROOT)
    r = check("基于: 福建\n")
    assert r.returncode == 1 and "公开.批复文件: 部门决算说明开头要写财政部门批复本年度决算的文件和文号" in r.stdout, r.stdout
    assert "公开.日期: 部门决算说明末尾要落款日期" in r.stdout
    assert check("基于: 福建\n必填: []\n").returncode == 0
    r = check("基于: 福建\n必填: [落款时间]\n")
    assert r.returncode == 1 and "profile.yaml:2: 错误: 必填[0]: 只能填写以下之一：机构设置、经费性质、批复文件、落款日期、主要工作任务、指标偏差原因、各科目上年决算数" in r.stdout


def test_shares_are_rounded_one_by_one_unless_the_layout_makes_them_whole(tmp_path):
    """全国 rounds each share on its own, as published national documents do (8.50 of 8012.30 is 0.11%; the four income
    shares then sum to 100.01%); a unit that writes 占比合计为100%: true gets shares adjusted to sum to 100 (0.10%)."""
    unit = tmp_path / "data" / "单位"
    shutil.copytree(ROOT / "data" / "example-jiaoyuju", unit)
    assert generate(str(unit / "2024.yaml"), "-o", str(tmp_path / "each")).returncode == 0
    with open(unit / "unit.yaml", "a", encoding="utf-8") as f:
        f.write("版式选项:\n  占比合计为100%: true\n")
    assert generate(str(unit / "2024.yaml"), "-o", str(tmp_path / "whole")).returncode == 0
    each, whole = (docx_text(tmp_path / d / "单位" / "2024" / "2024年度部门决算.docx").splitlines() for d in ("each", "whole"))
    changed = [(a, b) for a, b in zip(each, whole) if a != b]
    assert len(each) == len(whole) and len(changed) == 2
    assert "其他收入8.50万元，占0.11%" in changed[0][0] and "其他收入8.50万元，占0.10%" in changed[0][1]
    assert "社会保障和就业支出（类）722.70万元，占9.45%" in changed[1][0] and "占9.46%" in changed[1][1]
    shares = [Decimal(s) for s in re.findall(r"占(\d+\.\d\d)%", changed[0][0])]
    assert sum(shares) == Decimal("100.01") and sum(Decimal(s) for s in re.findall(r"占(\d+\.\d\d)%", changed[0][1])) == 100
