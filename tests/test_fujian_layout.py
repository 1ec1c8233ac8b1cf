"""The 福建 layout, added as data (a profile and a template), against a real published 福建 决算说明 (平潭岚城乡 2017)."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from generator.tools.totext import docx_text
from generator.workflow.pipeline import Job, generate, prepare
from tests.test_seed_coverage import SHARED, explained, seedcov

FIXTURES = Path(__file__).parent / "fixtures"
CORRECTED = FIXTURES / "pingtan-corrected"
TRANSCRIPTION = FIXTURES / "pingtan-faithful" / "原文.txt"
REFERENCE = SHARED / "references" / "real-fujian-2017-pingtan-lanchengxiang.txt"


@pytest.fixture(scope="module")
def document(tmp_path_factory) -> Path:
    """The final 决算说明 of the corrected transcription."""
    prepared, written = generate(Job(CORRECTED, CORRECTED / "2017.yaml"), tmp_path_factory.mktemp("pingtan"))
    assert not prepared.errors and [p.name for p in written] == ["2017年度部门决算说明.docx"]
    return written[0]


def test_the_transcription_is_the_reference_with_its_paragraphs_restored():
    """原文.txt differs from the archived web text by line breaks only (the web text ran the paragraphs together)."""
    seedcov()
    body = REFERENCE.read_text(encoding="utf-8").split("==================== 正文 ====================", 1)[1]
    assert re.sub(r"\s", "", TRANSCRIPTION.read_text(encoding="utf-8")) == re.sub(r"\s", "", body)


def test_every_gap_to_the_reference_is_a_reviewed_one(document):
    tool = seedcov()
    hay = tool.norm(tool.docx_text(str(document)))
    fragments = [f for _, f in tool.fragments(TRANSCRIPTION.read_text(encoding="utf-8"))]
    missing = {f for f in fragments if f not in hay}
    known = explained("pingtan_explained.tsv")
    assert sorted(missing - set(known)) == [], "未解释的缺失片段"
    assert sorted(set(known) - missing) == [], "已覆盖的片段请从 pingtan_explained.tsv 删除"
    size = sum(len(f) for f in fragments)
    covered = sum(len(f) for f in fragments if f in hay)
    outside = sum(len(f) for f in missing if known[f] in ("page-furniture", "reference-slip"))
    # 65.9% of the whole page; 86.4% of what is neither the web page's furniture nor the reference's own slips
    assert covered / size >= 0.65 and covered / (size - outside) >= 0.85, (covered, size, outside)


def test_the_corrected_copy_checks_clean():
    assert prepare(Job(CORRECTED, CORRECTED / "2017.yaml")).findings == []


def test_a_line_names_its_class_kuan_and_item_with_its_change(document):
    text = docx_text(document)
    assert ("（一）2010301一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）拨款支出768.66万元（其中：人员经费699.09万元，"
            "日常公用经费69.57万元），较2016年决算数增加171.72万元，增长28.77%。主要原因是政府机关在职人员补助等费用的增加。") in text
    # a code new this year has no rate; a 2017 document names 207 and 21208 as they were named in 2017
    assert "（六）2120201城乡社区支出（类）城乡社区规划与管理（款）城乡社区规划与管理（项）拨款支出90.00万元，较2016年决算数增加90.00万元。" in text
    assert "2070101文化体育与传媒支出（类）文化（款）" in text
    assert "2120801城乡社区支出（类）国有土地使用权出让收入及对应专项债务收入安排的支出（款）征地和拆迁补偿支出（项）1152.14万元" in text
    assert "2017年度政府性基金支出1406.49万元，比2016年增支999.27万元，增长245.39%。" in text
    assert "按照《平潭综合实验区财政金融局关于批复2017年度部门决算的通知》（岚财金〔2018〕190号）的通知精神" in text
    assert text.rstrip().endswith("平潭综合实验区岚城乡人民政府\n2018年8月17日")


def _copy_without(tmp_path: Path, *keys: str) -> Path:
    """The corrected unit with some top-level keys and every line's 上年决算数 removed."""
    folder = tmp_path / "unit"
    shutil.copytree(CORRECTED, folder)
    path = folder / "2017.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key in keys:
        data.pop(key)
    for line in data["支出"]["科目"]:
        line.pop("上年决算数")
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


def test_what_the_profile_requires_is_an_error_in_a_final_document_and_to_fill_in_a_draft(tmp_path):
    """必填 in profile.yaml: without last year's figures, the approval, the date and the 工作任务 a final document would
    drop whole sentences (and leave the 决算单位 table's 经费性质 blank); check stops it, and a draft prints each as
    【待补充】 without listing it as an error."""
    folder = _copy_without(tmp_path, "上年", "公开", "重点工作", "决算单位")
    job = Job(folder, folder / "2017.yaml")
    errors = {f.path for f in prepare(job).findings if f.is_error}
    assert {"上年.收入合计", "上年.支出合计", "上年.一般公共预算财政拨款支出", "上年.政府性基金预算财政拨款支出", "上年.机关运行经费", "公开.批复文件", "公开.日期", "重点工作", "决算单位"} <= errors
    assert {f"支出.科目[{i}].上年决算数" for i in range(15)} <= errors
    assert "上年.三公经费" not in errors  # known from each 三公 item's 上年决算数
    prepared, written = generate(job, tmp_path / "out", draft=True)
    assert not prepared.errors and any("24 处待补充" in note for note in prepared.skipped)
    text = docx_text(written[0])
    for fill in ("【待补充：批复文件和文号】", "【待补充：2016年本年收入】", "【待补充：2016年2010301决算数】",
                 "【待补充：2016年政府性基金支出】", "【待补充：部门主要工作任务（重点工作）】", "【待补充：日期】",
                 "| 平潭综合实验区岚城乡人民政府 | 【待补充：经费性质】 | 52 | 81 |"):
        assert fill in text, fill
