from decimal import Decimal as D
from pathlib import Path

from generator import checks
from generator.load.reader import Loaded


def run(bundle):
    return checks.run(bundle, Loaded(Path("2019.yaml"), lines={}), Loaded(Path("unit.yaml")))


def test_renhe_has_only_the_reception_overrun_warning(renhe):
    found = [(f.path, f.severity) for f in run(renhe)]
    assert ("三公经费.公务接待费.决算数", "警告") in found and all(s == "警告" for _, s in found)
    assert [p for p, _ in found if p not in ("支出.科目", "基本支出明细")] == ["三公经费.公务接待费.决算数"]


def test_parts_off_by_rounding_pass_and_more_is_an_error(renhe):
    """基本支出 written 0.01 above what 仁和's lines give is the system's rounding (the lines are many printed amounts)."""
    copy = renhe.year.model_copy(deep=True)
    copy.expenditure.basic += D("0.01")
    bundle = type(renhe)(renhe.unit, copy, renhe.figures, renhe.catalog, renhe.layout)
    assert [f for f in run(bundle) if f.path == "支出.项目支出"] == []
    copy.expenditure.basic += D("1")
    (error,) = [f for f in run(bundle) if f.path == "支出.项目支出"]
    assert error.is_error


def test_unknown_code_and_wrong_name(renhe):
    copy = renhe.year.model_copy(deep=True)
    copy.expenditure.lines[0].code = "2019999"
    copy.expenditure.lines[1].name = "行政运行经费"
    bundle = type(renhe)(renhe.unit, copy, renhe.figures, renhe.catalog, renhe.layout)
    messages = [f.message for f in run(bundle)]
    assert any("2019999（项）不在科目目录中" in m for m in messages) and any("行政运行经费" in m for m in messages)


def test_fund_income_unlike_spending_needs_a_reason(tmp_path):
    import shutil
    from pathlib import Path

    from generator.workflow.pipeline import Job, prepare
    root = Path(__file__).resolve().parent.parent
    shutil.copytree(root / "data" / "example-jiaoyuju", tmp_path / "u")
    path = tmp_path / "u" / "2024.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  政府性基金: 部分体育设施项目下年实施，资金结转下年使用。\n", ""), encoding="utf-8")
    found = [f for f in prepare(Job(tmp_path / "u", path)).findings if f.path == "变动原因.政府性基金"]
    assert len(found) == 1 and "100.00" in found[0].message and "80.00" in found[0].message and not found[0].is_error
