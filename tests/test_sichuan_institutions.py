"""The 四川 决算说明's “机构设置” section is never a heading over nothing: the year's 机构设置, else unit.yaml's 内设机构,
else the 决算单位; with none of them check says so, a final document is not made and a draft shows it to fill."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.errors import DataError
from generator.tools.totext import docx_text
from generator.workflow.pipeline import Job, generate, prepare

ROOT = Path(__file__).resolve().parent.parent
RENHE = ROOT / "data" / "panzhihua-renhe-jiwei"


def renhe(tmp_path: Path, keep_summary: bool) -> Path:
    """仁和 without the year's 机构设置 (and, unless kept, without unit.yaml's 内设机构概述)."""
    folder = tmp_path / "renhe"
    shutil.copytree(RENHE, folder)
    year = folder / "2019.yaml"
    year.write_text(re.sub(r"^机构设置:\n(  - .*\n)+", "", year.read_text(encoding="utf-8"), flags=re.M), encoding="utf-8")
    if not keep_summary:
        unit = folder / "unit.yaml"
        unit.write_text(unit.read_text(encoding="utf-8").replace("内设机构概述: 9室2部1中心\n", ""), encoding="utf-8")
    return folder


def section(path: Path) -> str:
    """The text under the “机构设置” heading of a 决算说明."""
    text = docx_text(path)
    start = re.search(r"^## .{1,3}、机构设置\n", text, re.M).end()  # type: ignore[union-attr]
    return text[start:text.index("\n#", start)]


def document(written: list[Path]) -> Path:
    """The 决算说明 among the documents written."""
    return next(p for p in written if p.name.endswith("部门决算说明.docx"))


def test_unit_yaml_s_departments_fill_the_section(tmp_path):
    folder = renhe(tmp_path, keep_summary=True)
    _, written = generate(Job(folder, folder / "2019.yaml"), tmp_path / "out")
    assert section(document(written)) == "区纪委监委内部机构共设9室2部1中心。"


def test_with_nothing_to_say_check_stops_a_final_document_and_a_draft_shows_it_to_fill(tmp_path):
    folder = renhe(tmp_path, keep_summary=False)
    found = [f for f in prepare(Job(folder, folder / "2019.yaml")).findings if f.path == "机构设置"]
    assert len(found) == 1 and found[0].is_error
    with pytest.raises(DataError):
        generate(Job(folder, folder / "2019.yaml"), tmp_path / "final")
    _, written = generate(Job(folder, folder / "2019.yaml"), tmp_path / "draft", draft=True)
    assert section(document(written)) == "【待补充：机构设置】"


def test_a_unit_stating_only_its_covered_units_names_them_there(tmp_path):
    """The 福建 reference's data (决算单位, no 机构设置) in the 四川 layout."""
    folder = tmp_path / "pingtan"
    shutil.copytree(ROOT / "tests" / "fixtures" / "pingtan-corrected", folder)
    unit = folder / "unit.yaml"
    unit.write_text(unit.read_text(encoding="utf-8").replace("版式: 福建", "版式: 四川"), encoding="utf-8")
    _, written = generate(Job(folder, folder / "2017.yaml"), tmp_path / "out", draft=True)
    assert section(document(written)) == "纳入平潭综合实验区岚城乡人民政府2017年度部门决算编制范围的单位包括：岚城乡人民政府。"
