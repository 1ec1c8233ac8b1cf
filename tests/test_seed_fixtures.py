"""The faithful transcriptions of the seeds: check reports every contradiction they hold."""
from pathlib import Path

import pytest

from generator.workflow.pipeline import Job, prepare

FIXTURES = Path(__file__).parent / "fixtures"


def findings(name: str, year: str) -> dict[str, str]:
    """Field path → severity of every finding for a fixture."""
    folder = FIXTURES / name
    return {f.path: f.severity for f in prepare(Job(folder, folder / f"{year}.yaml")).findings}


SEED004 = {
    "核对.类占比.208": "错误",                  # 3.6% printed; 52.32 / 1402.23 = 3.7%
    "核对.类名称.210": "错误",                  # 医疗卫生与计划生育: class 210 is 卫生健康支出 since 2019
    "核对.基本支出": "错误",                    # section 六 calls 1402.23 基本支出; 基本支出 is 810.07
    "核对.项目执行数.党风廉政建设宣传经费": "错误",  # table 3 says 80; the text says 76.63
    "名词解释[6].功能分类科目[3]": "错误",       # glossary code 2082505 does not exist
    "三公经费.公务接待费.决算数": "警告",         # 1.06 spent against a 0.89 budget
    "整体支出绩效评价.结果应用": "警告",          # “较好，、绩效目标”: a doubled mark
    "支出.科目": "警告",                        # the 全国 layout's tables need facts 仁和 does not keep
    "基本支出明细": "警告",                      # (table 6 needs 基本支出 by economic code)
}
SEED000 = {
    "支出.项目支出": "错误",                    # 5693.46 + 929.55 = 6623.01, but the class lines sum to 5693.47
    "核对.本年支出合计": "错误",                 # 6623 stated
    "核对.类占比.201": "错误",                  # the four printed class shares sum to 96.5%, not 100%
    "核对.类占比.208": "错误",                  # 8.9% is against 6623, 75.7% against 5693.46: mixed bases
    "核对.类占比.210": "错误",
    "核对.类占比.221": "错误",
    "核对.自评年初预算数": "错误",               # the table says 6623, the text 5564.87
    "核对.自评全年执行数": "错误",
    "核对.自评执行率": "错误",
    "核对.自评资金得分": "错误",
    "核对.自评分值合计": "错误",                 # 10 + 50 + 40 + 10 = 110
    "核对.自评总分": "错误",
    "整体支出自评.绩效指标": "错误",             # weights do not total 100
    "工作概述[0]": "警告",                      # “2021年，全市…” in a 2022 report
    "支出.科目": "警告",                        # the 全国 layout's tables need facts 株洲 does not keep
    "基本支出明细": "警告",                      # (table 6 needs 基本支出 by economic code)
    **{f"支出.科目[{i}].科目编码": "警告" for i in range(4)},  # 株洲 publishes by 类 only; the 全国 layout needs 项
}


@pytest.mark.parametrize("name, year, expected", [("seed004", "2019", SEED004), ("seed000", "2022", SEED000)])
def test_every_contradiction_is_reported(name, year, expected):
    assert findings(name, year) == expected


def test_corrected_data_checks_without_errors():
    from generator.workflow.pipeline import discover
    for job in discover([]):
        errors = [f.render() for f in prepare(job).findings if f.is_error]
        assert errors == [], errors
