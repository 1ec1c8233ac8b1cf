"""Inputs are never skipped in silence: year files in any case and either extension, a folder with year files but no
unit.yaml, two files for one year, a gap before the year, last year's file whatever its extension."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from generator.workflow.pipeline import Job, discover, prepare

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, str(ROOT / "cli.py")]


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, cwd=ROOT)


def unit(tmp_path: Path, name: str = "example-jiaoyuju", to: str = "u") -> Path:
    folder = tmp_path / to
    shutil.copytree(ROOT / "data" / name, folder)
    return folder


def test_an_upper_case_year_file_is_found_and_new_builds_from_it(tmp_path):
    folder = unit(tmp_path)
    (folder / "2024.yaml").rename(folder / "2024.YAML")
    assert [j.year_file.name for j in discover([folder])] == ["2023.yaml", "2024.YAML"]
    r = cli("new", str(folder), "2025")
    assert r.returncode == 0, r.stderr
    assert "由 2024.YAML 生成" in (folder / "2025.yaml").read_text(encoding="utf-8")
    assert cli("new", str(folder), "2024").returncode == 2


def test_last_years_file_is_found_whatever_its_extension(tmp_path):
    folder = unit(tmp_path)
    (folder / "2023.yaml").rename(folder / "2023.yml")
    bundle = prepare(Job(folder, folder / "2024.yaml")).bundle
    assert bundle is not None and bundle.year.previous.income_total is not None


def test_a_folder_with_year_files_but_no_unit_yaml_is_a_failed_unit_not_a_skip(tmp_path):
    city = tmp_path / "city"
    unit(city, to="甲")
    other = unit(city, name="zhuzhou-jiwei", to="乙")
    (other / "unit.yaml").rename(other / "unit.yml")
    r = cli("generate", str(city), "-o", str(tmp_path / "out"))
    assert r.returncode == 1 and "全部完成" not in r.stdout
    assert "乙 里有年度文件，但没有 unit.yaml" in r.stdout + r.stderr and "请把它改名为 unit.yaml" in r.stdout + r.stderr
    assert "1 个未完成" in r.stdout and (tmp_path / "out" / "甲" / "2024").is_dir()
    checked = cli("check", str(city))
    assert checked.returncode == 1 and "没有 unit.yaml" in checked.stdout


def test_a_unit_folder_with_unit_yml_named_on_the_command_line_says_what_to_rename(tmp_path):
    folder = unit(tmp_path)
    (folder / "unit.yaml").rename(folder / "unit.yml")
    r = cli("generate", str(folder), "-o", str(tmp_path / "out"))
    assert r.returncode == 1 and "请把它改名为 unit.yaml" in r.stdout + r.stderr and "Traceback" not in r.stderr


def test_two_files_for_one_year_in_any_case_are_refused(tmp_path):
    folder = unit(tmp_path)
    shutil.copy(folder / "2024.yaml", folder / "2024.YML")
    r = cli("generate", str(folder / "2024.yaml"), "-o", str(tmp_path / "out"))
    assert r.returncode == 2 and "是同一年度的两个文件" in r.stderr


def test_a_gap_before_the_year_is_reported_and_new_says_so(tmp_path):
    folder = unit(tmp_path)
    (folder / "2024.yaml").rename(folder / "2022.yaml")
    text = (folder / "2022.yaml").read_text(encoding="utf-8").replace("年度: 2024", "年度: 2022")
    (folder / "2022.yaml").write_text(text, encoding="utf-8")
    (folder / "2023.yaml").unlink()
    assert cli("new", str(folder), "2024").returncode == 0
    header = (folder / "2024.yaml").read_text(encoding="utf-8")
    assert "没有 2023 年的文件" in header and "上年数自动取自" not in header
    (folder / "2020.yaml").write_text(text.replace("年度: 2022", "年度: 2020"), encoding="utf-8")
    found = [f for f in prepare(Job(folder, folder / "2022.yaml")).findings if f.path == "上年"]
    assert len(found) == 1 and "没有 2021 年的年度文件（最近的是 2020.yaml）" in found[0].message and not found[0].is_error
