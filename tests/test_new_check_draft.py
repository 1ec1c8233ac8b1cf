"""new → check → generate --draft on every example unit: check lists every fact left to fill in one run, the draft is
made with each as a placeholder (never a total computed from one), and the placeholders it inserted are not reported
as errors; a final document is refused while any marked fact is empty."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.load.reader import dotted, load_yaml
from generator.tools.totext import docx_text

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, str(ROOT / "cli.py")]
UNITS = [("panzhihua-renhe-jiwei", 2020), ("zhuzhou-jiwei", 2023), ("example-jiaoyuju", 2025)]


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, cwd=ROOT)


@pytest.fixture(scope="module")
def scaffolded(tmp_path_factory):
    """Each example unit with next year's file made by new (nothing filled in)."""
    root = tmp_path_factory.mktemp("new")
    for name, year in UNITS:
        shutil.copytree(ROOT / "data" / name, root / name)
        assert cli("new", str(root / name), str(year)).returncode == 0
    return root


@pytest.mark.parametrize("name, year", UNITS)
def test_check_lists_every_fact_left_to_fill_in_one_run(scaffolded, name, year):
    path = scaffolded / name / f"{year}.yaml"
    marked = load_yaml(path).todo
    r = cli("check", str(path))
    assert r.returncode == 1
    reported = {line.split(": ")[2] for line in r.stdout.splitlines() if ": 错误: " in line}
    expected = {dotted(p) for p in marked}
    assert len(marked) > 40 and not expected - reported, sorted(expected - reported)[:10]


def test_the_sections_that_printed_无_are_listed(scaffolded):
    r = cli("check", str(scaffolded / "panzhihua-renhe-jiwei" / "2020.yaml"))
    for field in ("整体支出绩效评价.评价结论", "整体支出绩效评价.改进建议", "变动原因.收支总体", "三公经费.公务接待费.具体内容",
                  "三公经费.总体评价", "政府采购.说明", "预算绩效管理.整体自评结论"):
        assert f": 错误: {field}: 还没有填写（这一项标着“# 待补充”）" in r.stdout, field
    final = cli("generate", str(scaffolded / "panzhihua-renhe-jiwei" / "2020.yaml"), "-o", str(scaffolded / "final"))
    assert final.returncode == 1 and not (scaffolded / "final").exists()


@pytest.mark.parametrize("name, year", UNITS)
def test_a_draft_is_made_and_reports_none_of_its_own_placeholders(scaffolded, name, year):
    out = scaffolded / "out"
    r = cli("generate", "--draft", str(scaffolded / name / f"{year}.yaml"), "-o", str(out))
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr
    assert ": 错误: " not in r.stdout and "草稿中有" in r.stdout and "处待补充" in r.stdout
    written = list((out / name / str(year)).glob("*.docx"))
    assert written and all("【待补充" in docx_text(p) for p in written)


def test_a_draft_never_computes_a_total_from_an_unknown(scaffolded):
    out = scaffolded / "out"
    assert cli("generate", "--draft", str(scaffolded / "panzhihua-renhe-jiwei" / "2020.yaml"), "-o", str(out)).returncode == 0
    text = docx_text(out / "panzhihua-renhe-jiwei" / "2020" / "2020年度部门决算说明.docx")
    assert "共有车辆【待补充" in text and "共有车辆0辆" not in text
