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


def test_each_three_public_item_has_its_reason_in_its_direction(tmp_path):
    """因公出国（境）费 and 公务用车 changes are checked as 公务接待费's were: a change from 0 without a reason, and a
    reason worded against the change (the example itself said the 用车 spending rose because 用车次数 were “减少”)."""
    import shutil

    from generator.workflow.pipeline import Job, prepare
    root = Path(__file__).resolve().parent.parent
    shutil.copytree(root / "data" / "example-jiaoyuju", tmp_path / "u")
    path = tmp_path / "u" / "2024.yaml"
    text = path.read_text(encoding="utf-8").replace("  因公出国（境）费: {预算数: 0, 决算数: 0}", "  因公出国（境）费: {预算数: 10.00, 决算数: 8.50, 团组数: 1, 人次: 3}")
    path.write_text(text.replace("车辆使用年限增加，维修费用有所上升。", "加强公务用车管理，减少用车次数。"), encoding="utf-8")
    found = {f.path: f.message for f in prepare(Job(tmp_path / "u", path)).findings}
    assert found["三公经费.因公出国（境）费.变动原因"] == "因公出国（境）费与上年相比增加8.50万元（上年为 0），变动较大，但没有写变动原因。请补充。"
    assert found["三公经费.公务用车变动原因"] == "公务用车购置及运行维护费比上年增加了，但变动原因写的是“减少”。请核对。"


def test_a_reason_is_worded_in_the_direction_of_its_own_change(tmp_path):
    """Each 科目's 变动原因 is held to its line's change as the totals' reasons are to theirs, and a figure that did not
    change has no rise or fall to explain (a reason copied from last year's file says one)."""
    import shutil

    from generator.workflow.pipeline import Job, prepare
    root = Path(__file__).resolve().parent.parent
    shutil.copytree(root / "tests" / "fixtures" / "pingtan-corrected", tmp_path / "u")
    path = tmp_path / "u" / "2017.yaml"
    text = path.read_text(encoding="utf-8").replace("上年决算数: 596.94, 变动原因: 政府机关在职人员补助等费用的增加",
                                                    "上年决算数: 768.66, 变动原因: 政府机关在职人员补助等费用的增加")
    text = text.replace("上年决算数: 59.26, 变动原因: 财政所标准化建设支出的减少", "上年决算数: 59.26, 变动原因: 财政所标准化建设支出的增加")
    path.write_text(text.replace("  机关运行经费: 95.71", "  机关运行经费: 319.09"), encoding="utf-8")
    found = {f.path: f.message for f in prepare(Job(tmp_path / "u", path)).findings}
    assert found["支出.科目[0].变动原因"] == "科目 2010301 与上年持平，但变动原因写的是“增加”。请核对。"
    assert found["支出.科目[1].变动原因"] == "科目 2010601 比上年减少了，但变动原因写的是“增加”。请核对。"
    assert found["机关运行经费.变动原因"] == "机关运行经费与上年持平，但变动原因写的是“增加”。请核对。"
    assert not [p for p in found if p.startswith("支出.科目[") and p not in ("支出.科目[0].变动原因", "支出.科目[1].变动原因")]


def test_a_reason_is_asked_only_for_a_change_the_documents_state(tmp_path):
    """福建's 决算说明 never compares 财政拨款收支总计 with last year (its 必填 does not name it, and it has no 全国
    companion), so a 福建 unit is not asked for 变动原因.财政拨款; a 四川 unit, whose document states it, still is."""
    import re
    import shutil

    from generator.workflow.pipeline import Job, prepare
    root = Path(__file__).resolve().parent.parent
    paths = {}
    for name, source, year in (("福建", "tests/fixtures/pingtan-corrected", "2017"), ("四川", "data/panzhihua-renhe-jiwei", "2019")):
        shutil.copytree(root / source, tmp_path / name)
        path = tmp_path / name / f"{year}.yaml"
        text = path.read_text(encoding="utf-8")
        if name == "福建":  # last year's 财政拨款收支总计 known: a change of 3338.60 against 1000.00
            text = text.replace("  收入合计: 2028.49\n", "  收入合计: 2028.49\n  财政拨款收支总计: 1000.00\n", 1)
        else:  # 仁和's 财政拨款收支总计 rose 96.2%: its reason taken out
            text = re.sub(r"^  财政拨款: .*\n", "", text, count=1, flags=re.M)
        path.write_text(text, encoding="utf-8")
        paths[name] = {f.path for f in prepare(Job(tmp_path / name, path)).findings}
    assert "变动原因.财政拨款" not in paths["福建"]
    assert "变动原因.财政拨款" in paths["四川"]
