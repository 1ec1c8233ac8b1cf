"""A change from last year's 0 has an amount and no rate: 增加/减少 for the amount, never a dangling 增长 or 增长X万元."""
import re
import shutil
from pathlib import Path

import pytest

from generator.tools.totext import docx_text
from generator.workflow.pipeline import Job, generate

ROOT = Path(__file__).resolve().parent.parent
# “增长。” “下降，” (a rate that is not there) or “增长12.00万元” (a rate's verb on an amount)
WRONG = re.compile(r"(增长|下降)(?=[。，；])|(增长|下降)[\d.]+万元")


def _zeroed(tmp_path: Path, source: Path, year: str, lines: dict[str, str]) -> Job:
    """A copy of a unit whose last-year figures on the given lines are 0."""
    unit = tmp_path / source.name
    shutil.copytree(source, unit)
    path = unit / f"{year}.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in lines.items():
        assert old in text, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return Job(unit, path)


CASES = {
    "四川": (ROOT / "data" / "panzhihua-renhe-jiwei", "2019", {
        "  一般公共预算财政拨款支出: 826.79": "  一般公共预算财政拨款支出: 0", "  机关运行经费: 274.48": "  机关运行经费: 0",
        "  公务接待费: 1.03": "  公务接待费: 0", "  收入合计: 826.79": "  收入合计: 0"}),
    "福建": (ROOT / "tests" / "fixtures" / "pingtan-corrected", "2017", {
        "{决算数: 2.42, 上年决算数: 1.87,": "{决算数: 2.42, 上年决算数: 0,", "  机关运行经费: 95.71": "  机关运行经费: 0",
        "  三公经费: 1.87": "  三公经费: 0"}),
}


@pytest.mark.parametrize("layout", CASES)
def test_a_change_from_zero_is_an_amount_with_its_own_verb(tmp_path, layout):
    source, year, lines = CASES[layout]
    job = _zeroed(tmp_path, source, year, lines)
    _, written = generate(job, tmp_path / "out", draft=True)
    texts = {p.name: docx_text(p) for p in written if p.suffix == ".docx"}
    for name, text in texts.items():
        found = [text[max(0, m.start() - 30):m.end() + 5] for m in WRONG.finditer(text)]
        assert not found, (name, found)
    main = next(t for n, t in texts.items() if n.endswith("部门决算说明.docx"))
    assert re.search(r"(较|比|与)201\d年[^。]{0,30}增加[\d.]+万元[。，]", main), main


def test_no_change_is_said_as_such_in_sichuan(tmp_path):
    """No change read “收入持平0%” and “比2018年持平0.00万元，持平0%”."""
    job = _zeroed(tmp_path, ROOT / "data" / "panzhihua-renhe-jiwei", "2019",
                  {"  收入合计: 826.79": "  收入合计: 1622.30", "  机关运行经费: 274.48": "  机关运行经费: 341.38"})
    _, written = generate(job, tmp_path / "out", draft=True)
    text = docx_text(next(p for p in written if p.name.endswith("部门决算说明.docx")))
    assert "持平0" not in text and "比2018年持平" not in text
    assert "与2018年相比，收入持平；" in text and "机关运行经费支出341.38万元，与2018年持平。" in text


def test_a_project_without_budget_has_no_completion_rate(tmp_path):
    """A project budgeted 0 printed “执行数为0.00万元，完成预算的。” (四川) and “执行率；” (湖南): no rate is stated."""
    renhe = _zeroed(tmp_path / "四川", ROOT / "data" / "panzhihua-renhe-jiwei", "2019",
                    {"    预算数: {财政拨款: 60.00}\n    执行数: {财政拨款: 60.00}": "    预算数: {财政拨款: 0}\n    执行数: {财政拨款: 0}"})
    text = (renhe.year_file.read_text(encoding="utf-8"))
    project = text[text.index("项目:\n"):text.index("  - 名称: 仁和区纪委廉政风险防控平台建设经费")]
    zhuzhou = _zeroed(tmp_path / "湖南", ROOT / "data" / "zhuzhou-jiwei", "2022", {})
    zhuzhou.year_file.write_text(zhuzhou.year_file.read_text(encoding="utf-8") + project, encoding="utf-8")
    for job in (renhe, zhuzhou):
        _, written = generate(job, tmp_path / "out" / job.unit_dir.parent.name)
        for path in written:
            text = docx_text(path)
            assert "完成预算的。" not in text and "执行率；" not in text and "执行率。" not in text, path.name
            if "办案、纪律审查" in text and path.name.endswith(("部门决算说明.docx", "自评报告.docx")):
                assert re.search(r"执行数为?0\.00万元[。；]", text), path.name
