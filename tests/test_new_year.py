"""new: next year's file from this year's; previous-year figures from last year's file."""
import shutil
from decimal import Decimal as D
from pathlib import Path

import pytest

from generator.errors import UsageError
from generator.load.reader import load_yaml
from generator.workflow.pipeline import Job, generate, prepare
from generator.workflow.scaffold import create

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def unit(tmp_path) -> Path:
    folder = tmp_path / "renhe"
    shutil.copytree(ROOT / "data" / "panzhihua-renhe-jiwei", folder)
    return folder


def test_new_year_keeps_stable_facts_and_blanks_figures(unit):
    path = create(unit, 2020)
    data = load_yaml(path).data
    assert data["年度"] == 2020 and data["实有人数"] is None
    assert [l["科目编码"] for l in data["支出"]["科目"]][:2] == [2010302, 2011101]
    assert data["支出"]["科目"][0]["决算数"] is None and data["名词解释"][0] == "财政拨款收入"
    assert "上年" not in data and "评价报告" not in data["项目"][1]
    assert path.read_text(encoding="utf-8").count("# 待补充") > 40


def test_new_never_overwrites(unit):
    (unit / "2020.yaml").write_text("年度: 2020\n", encoding="utf-8")
    with pytest.raises(UsageError, match="已经存在"):
        create(unit, 2020)
    assert (unit / "2020.yaml").read_text(encoding="utf-8") == "年度: 2020\n"


def test_check_lists_what_is_missing_and_draft_renders(unit, tmp_path):
    path = create(unit, 2020)
    prepared = prepare(Job(unit, path))
    missing = [f for f in prepared.findings if "还没有填写" in f.message]
    assert len(missing) >= 40 and all(f.is_error for f in missing)
    _, written = generate(Job(unit, path), tmp_path / "out", draft=True)
    (doc,) = [p for p in written if p.name == "2020年度部门决算说明.docx"]
    from generator.tools.totext import docx_text
    text = docx_text(doc)
    assert "基本支出【待补充：基本支出合计】万元" in text and "基本支出0.00" not in text  # unknown, not zero


def test_previous_year_comes_from_last_years_file(unit):
    text = (unit / "2019.yaml").read_text(encoding="utf-8")
    (unit / "2020.yaml").write_text(text.replace("年度: 2019", "年度: 2020").split("\n# 2018 年的数字")[0], encoding="utf-8")
    bundle = prepare(Job(unit, unit / "2020.yaml")).bundle
    assert bundle.year.previous.income_total == D("1622.30") and bundle.year.previous.expenditure_total == D("1402.23")
    assert bundle.year.previous.operating == D("341.38") and bundle.figures.changes["income"].delta == 0


def test_previous_figure_written_twice_must_agree(unit):
    text = (unit / "2019.yaml").read_text(encoding="utf-8").replace("年度: 2019", "年度: 2020")
    text = text.replace("  收入合计: 826.79", "  收入合计: 1600.00")
    (unit / "2020.yaml").write_text(text, encoding="utf-8")
    findings = [f for f in prepare(Job(unit, unit / "2020.yaml")).findings if f.path.startswith("上年")]
    assert [(f.path, f.severity) for f in findings][0] == ("上年.收入合计", "错误")
    assert "2019.yaml" in findings[0].message


def test_a_line_compared_with_last_year_gets_this_year_s_figure(tmp_path):
    """A code line that writes 上年决算数 gets next year this year's 决算数 (written, or 基本支出 + 项目支出), not a blank."""
    unit = tmp_path / "pingtan"
    shutil.copytree(ROOT / "tests" / "fixtures" / "pingtan-corrected", unit)
    create(unit, 2018)
    text = (unit / "2018.yaml").read_text(encoding="utf-8")
    assert "{科目编码: 2010301, 基本支出: ~, 项目支出: ~, 人员经费: ~, 公用经费: ~, 上年决算数: 768.66, 变动原因: ~}" in text
    assert "{科目编码: 2120501, 基本支出: ~, 项目支出: ~, 公用经费: ~, 上年决算数: 163.62, 变动原因: ~}" in text  # 146.62 + 17.00
