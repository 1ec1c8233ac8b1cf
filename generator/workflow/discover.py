"""Finding the unit-years a command names: year files (2019.yaml, 2019.YML …), unit folders, folders of units; a
folder that looks like a unit but cannot be one is a job that fails with the reason, never skipped in silence."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from generator import ROOT
from generator.errors import UsageError
from generator.load.paths import YEAR_FILE, year_file, year_files  # noqa: F401  (discover's names)
from generator.load.reader import display_path

# The units `generate` and `check` take when no path is given: data/ of the checkout, else ./data where the command runs.
DATA = ROOT / "data" if (ROOT / "pyproject.toml").is_file() else Path("data")
UNIT_FILE = "unit.yaml"
UNIT_LOOKALIKE = re.compile(r"^unit\.ya?ml$", re.IGNORECASE)


@dataclass(frozen=True)
class Job:
    """One unit-year to process: the unit folder and the year file (and, for a folder that cannot be a unit, why)."""

    unit_dir: Path
    year_file: Path
    problem: str = ""

    @property
    def label(self) -> str:
        """``<unit folder>/<year>`` for messages and output paths."""
        return f"{self.unit_dir.name}/{self.year_file.stem}"


def discover(paths: list[Path]) -> list[Job]:
    """The unit-years named by paths (year files, unit folders, folders of units), or all of data/ when none."""
    if not paths:
        if not DATA.is_dir():
            raise UsageError("没有写出单位文件夹，这里也没有 data 文件夹。请写出单位文件夹或年度文件，例如：generate 某单位文件夹")
        paths = [DATA]
    jobs: list[Job] = []
    for path in paths:
        jobs.extend(_jobs_for(Path(path)))
    _refuse_same_names(jobs)
    return jobs


def _jobs_for(path: Path) -> list[Job]:
    """The jobs one command-line path stands for."""
    if path.is_symlink() and not path.exists():
        raise UsageError(f"{path} 是一个指向不存在（或指向它自己）的位置的快捷方式（符号链接）。请写出实际的文件夹或文件。")
    if path.is_dir():
        if not (path / UNIT_FILE).is_file():
            return _jobs_below(path)
        years = year_files(path)
        _refuse_two_files_a_year(years)
        if not years:
            raise UsageError(f"{display_path(path)} 里没有年度文件（例如 2019.yaml）。")
        return [Job(path, y) for y in years]
    if path.is_file() and YEAR_FILE.match(path.name):
        if not (path.parent / UNIT_FILE).is_file():
            raise UsageError(f"{display_path(path)} 所在文件夹里没有 {UNIT_FILE}。{_lookalike_hint(path.parent)}")
        _refuse_two_files_a_year(year_files(path.parent))
        return [Job(path.parent, path)]
    if path.exists():
        raise UsageError(f"{display_path(path)} 既不是单位文件夹，也不是年度文件（文件名应为 4 位年份，如 2019.yaml）。")
    raise UsageError(f"找不到 {display_path(path)}。")


def _lookalike_hint(folder: Path) -> str:
    """What to do when a folder has a unit file under another name (unit.yml, Unit.yaml)."""
    other = next((p.name for p in folder.iterdir() if UNIT_LOOKALIKE.match(p.name)), None)
    return f"文件夹里有 {other}：请把它改名为 {UNIT_FILE}。" if other else f"单位文件夹里应有 {UNIT_FILE}（单位名称、简称、版式等）。"


def _refuse_two_files_a_year(years: list[Path]) -> None:
    """2019.yaml beside 2019.yml: both would write the same documents, one silently replacing the other's."""
    seen: dict[int, Path] = {}
    for path in years:
        other = seen.setdefault(int(path.stem), path)
        if other != path:
            raise UsageError(f"{display_path(other)} 和 {display_path(path)} 是同一年度的两个文件，生成的文档会互相覆盖。"
                             "请合并成一个文件，删掉另一个。")


def _jobs_below(folder: Path) -> list[Job]:
    """The jobs of every unit folder inside a folder of units (a city's, or data/ itself); a folder with year files
    but no unit.yaml is a job that fails with the reason."""
    visible = [p for p in _walk(folder) if not any(part.startswith(".") for part in p.relative_to(folder).parts)]
    units = sorted(p.parent for p in visible if p.name == UNIT_FILE and p.is_file())
    orphans = sorted({p.parent for p in visible if YEAR_FILE.match(p.name) and p.is_file()} - set(units))
    orphans = [o for o in orphans if not any(u in o.parents for u in units)]  # a unit's own sub-folder is its business
    if not units and not orphans:
        raise UsageError(f"{display_path(folder)} 不是单位文件夹：里面（包括各级子文件夹）没有 {UNIT_FILE}。{_lookalike_hint(folder)}")
    jobs = [Job(o, year_files(o)[0], f"{display_path(o)} 里有年度文件，但没有 {UNIT_FILE}，没有生成。{_lookalike_hint(o)}")
            for o in orphans]
    return [job for unit in units for job in _jobs_for(unit)] + jobs


def _walk(folder: Path) -> list[Path]:
    """Every file and folder below a folder, following no symbolic link to a folder (a link to itself would loop)."""
    out = []
    for root, dirs, files in os.walk(folder):
        out += [Path(root, name) for name in dirs + files]
    return out


def _refuse_same_names(jobs: list[Job]) -> None:
    """Two unit folders of the same name would write to the same output folder: refuse before writing."""
    seen: dict[str, Path] = {}
    for job in jobs:
        other = seen.setdefault(job.unit_dir.name, job.unit_dir)
        if os.path.realpath(other) != os.path.realpath(job.unit_dir):
            raise UsageError(f"单位文件夹 {display_path(other)} 和 {display_path(job.unit_dir)} 同名，生成的文档会放进同一个"
                             f"输出文件夹 {job.unit_dir.name}/ 而互相覆盖。请把其中一个改名（例如加上市县名）。")
