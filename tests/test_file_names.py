"""File names made from data: a report title can never write outside the output folder, make a sub-folder, carry a
character Windows forbids, overflow the name length or overwrite another report; `check` names the file it will be."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.errors import UserError
from generator.filenames import MAX_BYTES, inside, name_from, project_report_names, safe_part, unique
from generator.workflow.pipeline import Job, generate, prepare

ROOT = Path(__file__).resolve().parent.parent
TITLE = "标题: 仁和区廉政风险防控平台建设项目"
WINDOWS_FORBIDDEN = set('\\/:*?"<>|')


def unit_titled(tmp_path: Path, *titles: str) -> Path:
    """A copy of the 四川 sample unit whose project report has the given title (a second title adds the project again,
    its report under that title)."""
    folder = tmp_path / "data" / "u"
    shutil.copytree(ROOT / "data" / "panzhihua-renhe-jiwei", folder)
    path = folder / "2019.yaml"
    text = path.read_text(encoding="utf-8")
    quoted = ["'" + t.replace("'", "''") + "'" for t in titles]
    start, end = text.index("  - 名称: 仁和区纪委廉政风险防控平台建设经费"), text.index("整体支出绩效评价:")
    project = text[start:end]
    again = "".join(project.replace(TITLE, f"标题: {q}") for q in quoted[1:])
    path.write_text(text[:start] + project.replace(TITLE, f"标题: {quoted[0]}") + again + text[end:], encoding="utf-8")
    return folder


def reports(out: Path) -> list[Path]:
    """Every 项目支出绩效评价报告 written anywhere below (and beside) the output folder."""
    return sorted(p for p in out.parent.rglob("*项目支出绩效评价报告*.docx"))


@pytest.mark.parametrize("title", ["../../../逃逸", "..", "办公楼维修/改造项目", "a\\b", "/etc/passwd", "C:\\Windows\\x"])
def test_a_title_with_a_path_stays_in_the_output_folder(tmp_path, title):
    folder = unit_titled(tmp_path, title)
    out = tmp_path / "out" / "deep"
    _, written = generate(Job(folder, folder / "2019.yaml"), out)
    target = out / "u" / "2019"
    found = reports(tmp_path / "out" / "deep")
    assert len(found) == 1 and found[0].parent == target, found
    assert all(p.resolve().parent == target.resolve() for p in written)
    assert not [p for p in target.iterdir() if p.is_dir()]
    assert not list((tmp_path / "out").glob("*.docx")) and not list(tmp_path.glob("*.docx"))


def test_forbidden_characters_become_their_full_width_look_alikes(tmp_path):
    folder = unit_titled(tmp_path, '项目: "甲" * 乙? <丙> | 丁')
    _, written = generate(Job(folder, folder / "2019.yaml"), tmp_path / "out")
    [report] = [p for p in written if "项目支出绩效评价报告" in p.name]
    assert not WINDOWS_FORBIDDEN & set(report.name)
    assert report.name == "2019年项目支出绩效评价报告（项目： ＂甲＂ ＊ 乙？ ＜丙＞ ｜ 丁）.docx"


def test_a_long_title_is_shortened_readably_and_generates(tmp_path):
    title = "仁和区" + "廉政风险防控平台建设与运行维护" * 6 + "项目"  # 96 characters
    folder = unit_titled(tmp_path, title)
    _, written = generate(Job(folder, folder / "2019.yaml"), tmp_path / "out")
    [report] = [p for p in written if "项目支出绩效评价报告" in p.name]
    assert len(report.name.encode("utf-8")) <= MAX_BYTES and report.name.endswith("…）.docx")
    assert report.name.startswith("2019年项目支出绩效评价报告（仁和区廉政风险防控平台")


def test_two_reports_of_the_same_title_are_both_written(tmp_path):
    folder = unit_titled(tmp_path, "同名项目", "同名项目")
    _, written = generate(Job(folder, folder / "2019.yaml"), tmp_path / "out")
    names = sorted(p.name for p in written if "项目支出绩效评价报告" in p.name)
    assert names == ["2019年项目支出绩效评价报告（同名项目）.docx", "2019年项目支出绩效评价报告（同名项目）（2）.docx"]


def test_check_names_the_file_a_changed_title_gives(tmp_path):
    folder = unit_titled(tmp_path, "办公楼维修/改造项目")
    found = [f for f in prepare(Job(folder, folder / "2019.yaml")).findings if f.path.endswith("评价报告.标题")]
    assert len(found) == 1 and not found[0].is_error and found[0].line > 0
    assert "2019年项目支出绩效评价报告（办公楼维修／改造项目）.docx" in found[0].message
    clean = unit_titled(tmp_path / "clean", "仁和区廉政风险防控平台建设项目")
    assert not [f for f in prepare(Job(clean, clean / "2019.yaml")).findings if f.path.endswith("评价报告.标题")]


@pytest.mark.parametrize("name", ["../x.docx", "a/b.docx", "/abs.docx", "..", ".", "x\x00.docx", "x.docx."])
def test_inside_refuses_any_name_that_leaves_its_folder(tmp_path, name):
    with pytest.raises(UserError, match="不能用作输出文件名"):
        inside(tmp_path, name)


def test_names_are_safe_unique_and_never_reserved():
    assert safe_part(" \u200b a\tb\n c. ") == "a b c"
    assert name_from("{t}.docx", t="CON") == "_CON.docx"
    assert unique(["A.docx", "a.docx", "b"]) == ["A.docx", "a（2）.docx", "b"]
    assert project_report_names("{年度}年项目支出绩效评价报告（{标题}）.docx", 2019, [("  ", "项目名"), ("..", "")]) == ["2019年项目支出绩效评价报告（项目名）.docx",
                                                                          "2019年项目支出绩效评价报告（）.docx"]
