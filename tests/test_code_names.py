"""Every 类, 款 and 项 a unit uses has a name in what it prints: the catalogue's, or one the unit gives once."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.errors import DataError
from generator.tools.totext import docx_text
from generator.workflow.pipeline import Job, generate, prepare

ROOT = Path(__file__).resolve().parent.parent
PUTUO = ROOT / "tests" / "fixtures" / "putuo-corrected"
NAMES = '科目名称:\n  "21201": 城乡社区管理事务\n  "2120150": 事业运行\n'


def moved(tmp_path: Path, unit_names: str = "", year_names: str = "") -> Path:
    """putuo with its 2013950 line moved to 2120150, a 项 under a 款 (21201) the catalogue lacks."""
    folder = tmp_path / "putuo"
    shutil.copytree(PUTUO, folder)
    year = folder / "2024.yaml"
    year.write_text(year.read_text(encoding="utf-8").replace("2013950", "2120150") + year_names, encoding="utf-8")
    unit = folder / "unit.yaml"
    unit.write_text(unit.read_text(encoding="utf-8") + unit_names, encoding="utf-8")
    return folder


def named_findings(folder: Path) -> list:
    """The findings about codes without a name."""
    return [f for f in prepare(Job(folder, folder / "2024.yaml")).findings if "印不出它的名称" in f.message]


def test_a_kuan_and_xiang_the_catalogue_lacks_are_each_an_error_once(tmp_path):
    found = named_findings(moved(tmp_path))
    assert [(f.is_error, f.message.split("（")[0]) for f in found] == [(True, "科目 21201"), (True, "科目 2120150")]
    assert all(f.path == "支出.科目[1].科目编码" for f in found)


def test_names_given_once_in_unit_yaml_or_in_the_year_file_clear_them_and_are_printed(tmp_path):
    assert named_findings(moved(tmp_path / "a", unit_names=NAMES)) == []
    folder = moved(tmp_path / "b", year_names=NAMES)
    assert named_findings(folder) == []
    _, written = generate(Job(folder, folder / "2024.yaml"), tmp_path / "out")
    text = docx_text(next(p for p in written if "部门决算" in p.name and "说明" not in p.name))
    assert "城乡社区支出（类）城乡社区管理事务（款）事业运行（项）" in text
    assert "21201（款）" not in text and "2120150（项）" not in text


def test_a_line_naming_its_own_code_draws_no_note(tmp_path):
    """A 项 the catalogue lacks, named on its line: no warning (it drew one that could not be silenced)."""
    folder = moved(tmp_path, unit_names='科目名称:\n  "21201": 城乡社区管理事务\n')
    year = folder / "2024.yaml"
    year.write_text(year.read_text(encoding="utf-8").replace("{科目编码: 2120150,", "{科目编码: 2120150, 科目名称: 事业运行,"),
                    encoding="utf-8")
    findings = prepare(Job(folder, year)).findings
    assert not [f for f in findings if "2120150" in f.message]


def test_a_draft_prints_a_name_to_give_never_the_code_and_a_final_document_stops(tmp_path):
    folder = moved(tmp_path)
    prepared, written = generate(Job(folder, folder / "2024.yaml"), tmp_path / "draft", draft=True)
    text = docx_text(next(p for p in written if "部门决算" in p.name and "说明" not in p.name))
    assert "城乡社区支出（类）【待补充：21201的科目名称】（款）【待补充：2120150的科目名称】（项）" in text
    assert "21201（款）" not in text
    assert any("印不出它的名称" in f.message for f in prepared.findings)
    with pytest.raises(DataError) as stopped:
        generate(Job(folder, folder / "2024.yaml"), tmp_path / "final")
    assert any("印不出它的名称" in f.message and f.is_error for f in stopped.value.findings)


CODE_AS_NAME = re.compile(r"\d{3,7}（[类款项]）")  # “21201（款）”: a code printed where its name belongs
BLANK_NAME = re.compile(r"^\| \d{3,7} \|\s*\|", re.M)  # a table row whose name cell is empty


def test_no_document_prints_a_code_where_a_name_belongs(generated, tmp_path):
    """Every document of data/ (final) and of each fixture unit (draft, which always renders) names every 类, 款 and 项."""
    documents = list(generated.values())
    for folder in sorted((ROOT / "tests" / "fixtures").iterdir()):
        if (folder / "unit.yaml").exists():
            for year in sorted(folder.glob("[0-9][0-9][0-9][0-9].yaml")):
                documents += generate(Job(folder, year), tmp_path / folder.name, draft=True)[1]
    docx = [p for p in documents if p.suffix == ".docx"]
    assert len(docx) >= 20
    for path in docx:
        text = docx_text(path)
        assert not CODE_AS_NAME.search(text) and not BLANK_NAME.search(text), path.name
