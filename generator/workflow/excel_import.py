"""python cli.py import: a workbook's tables into a new year file, or compared cell by cell with the existing one."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from generator.constants import YEARS
from generator.errors import ERROR, WARNING, DataError, Finding, UsageError
from generator.excel.compare import Difference, differences, yaml_path
from generator.excel.expected import expected_grid
from generator.excel.facts import year_facts
from generator.excel.found import Read
from generator.excel.reader import read
from generator.load.catalog import catalog
from generator.load.reader import display_path, load_yaml
from generator.workflow.pipeline import UNIT_FILE, Job, prepare, year_files
from generator.workflow.scaffold import TODO, emit, next_year

# The year file's keys the tables decide: replaced as a whole by what the workbook says.
TABLE_KEYS = ("收入", "年初结转和结余", "使用非财政拨款结余", "结余分配", "一般公共预算财政拨款年初结转和结余", "支出",
              "非财政拨款收入", "非财政拨款支出", "基本支出明细")


@dataclass
class Imported:
    """What an import did: the year file, whether it was written, the findings and how many cells differ."""

    target: Path
    written: bool
    findings: list[Finding] = field(default_factory=list)
    differences: int = 0
    workbook: str = ""  # the workbook as findings name it

    @property
    def failed(self) -> bool:
        """Whether the workbook was read wrong or disagrees with the year file (exit 1); what the written year file
        still lacks (its texts, budgets …) is listed for the clerk to fill, and fails nothing."""
        return self.differences > 0 or any(f.is_error for f in self.findings if f.file == self.workbook)


# Facts the documents state that no table holds: without last year's file they are written as 待补充, never as 0
UNKNOWN_TO_TABLES: dict[str, Any] = {"政府采购": {"货物": None, "工程": None, "服务": None}, "国有资产": {"车辆": None},
                                     "预算绩效管理": {"项目统计": None}}


def run_import(workbook: Path, unit_dir: Path, year: Optional[int], confirm: bool = False) -> Imported:
    """Import a workbook into a unit folder: write the year file when absent, else compare with it; a workbook of
    another year or another unit than the one asked for is refused unless confirmed."""
    if not (unit_dir / UNIT_FILE).is_file():
        raise UsageError(f"{display_path(unit_dir)} 不是单位文件夹：里面没有 {UNIT_FILE}。")
    result = read(workbook)
    if not result.sheets:
        raise DataError(f"{display_path(workbook)} 里没有认得出的部门决算表（按表名、表头都认不出），未导入。", result.findings)
    year = _year(result, year)
    if not confirm:
        _same_year_and_unit(result, year, unit_dir)
    existing = [p for p in year_files(unit_dir) if p.stem == str(year)]
    if existing:
        return _compare(result, unit_dir, existing[0])
    return _create(result, unit_dir, year)


def _same_year_and_unit(result: Read, year: int, unit_dir: Path) -> None:
    """Refuse a workbook whose titles name another year, or whose 编制单位 is another unit, than the import's."""
    named = sorted(set(result.years))
    if named and year not in named:
        raise UsageError(f"工作簿表头写的是 {'、'.join(map(str, named))} 年度，要导入的是 {year} 年。"
                         f"确实要按 {year} 年导入，请加 --confirm。")
    unit = load_yaml(unit_dir / UNIT_FILE).data
    name = unit.get("单位名称") if isinstance(unit, dict) else None
    others = sorted({m for m in result.makers if name and m not in str(name) and str(name) not in m})
    if others:
        raise UsageError(f"工作簿的编制单位是“{'、'.join(others)}”，而 {display_path(unit_dir)} 是“{name}”。"
                         "确实是这个单位的决算表，请加 --confirm。")


def _year(result: Read, given: Optional[int]) -> int:
    """The year to import: as given, else the one the tables' titles name."""
    if given is not None:
        if given not in YEARS:
            raise UsageError(f"年度 {given} 不对：应为 4 位年份，例如 2024。")
        return given
    if not result.years:
        raise UsageError("工作簿的表头里找不到年度（例如“2024年度”）。请用 --year 指定，例如 --year 2024。")
    return Counter(result.years).most_common(1)[0][0]


def _create(result: Read, unit_dir: Path, year: int) -> Imported:
    """Write the year file from the workbook (scaffolded from last year's file, if any), then check it against the workbook."""
    target = unit_dir / f"{year}.yaml"
    earlier = [p for p in year_files(unit_dir) if int(p.stem) < year]
    base: dict[str, Any] = {"年度": year, **UNKNOWN_TO_TABLES}
    if earlier:
        latest = load_yaml(earlier[-1])
        if not latest.ok or not isinstance(latest.data, dict):
            raise DataError(f"{display_path(earlier[-1])} 有错误，先改正它再导入新年度。", latest.findings)
        base = next_year(latest.data, year)
    data = _overlay(base, year_facts(result.grid))
    _name_unknown_codes(data, result, year)
    text = "\n".join(_header(result, year, earlier[-1].name if earlier else None) + emit(data)) + "\n"
    try:
        with target.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError as exc:
        raise UsageError(f"{display_path(target)} 已经存在，不会覆盖。") from exc
    prepared = prepare(Job(unit_dir, target), draft=True)  # the facts left 待补充 are the clerk's to fill, not errors yet
    imported = Imported(target, True, result.findings + prepared.findings + prepared.to_fill, workbook=display_path(result.path))
    if prepared.bundle is not None:
        diffs = differences(result, expected_grid(prepared.bundle.year))
        imported.findings += [_slip(result, d) for d in diffs]
        imported.differences = sum(d.place is not None and not d.rounding for d in diffs)
    return imported


def _name_unknown_codes(data: dict[str, Any], result: Read, year: int) -> None:
    """A line whose code the catalogue lacks keeps the 科目名称 the workbook gives it, and so does a 类 or 款 the lines use
    (under the year's 科目名称): check could not name them else."""
    names, known = result.names(), catalog()
    for line in data["支出"]["科目"]:
        code = str(line["科目编码"])
        if known.name(code, year) is None and names.get(code):
            line["科目名称"] = names[code]
    parts = sorted({str(line["科目编码"])[:n] for line in data["支出"]["科目"] for n in (3, 5)})
    given = {part: names[part] for part in parts if known.name(part, year) is None and names.get(part)}
    if given:
        data["科目名称"] = given


def _overlay(base: dict[str, Any], facts: dict[str, Any]) -> dict[str, Any]:
    """Last year's scaffold with the table facts replaced by the workbook's (each line keeps last year's 用途)."""
    purposes = {str(l.get("科目编码")): l.get("用途") for l in (base.get("支出") or {}).get("科目") or [] if isinstance(l, dict)}
    out = {k: v for k, v in base.items() if k not in TABLE_KEYS and k != "三公经费"}
    for line in facts["支出"]["科目"]:
        if purposes.get(line["科目编码"]):
            line["用途"] = purposes[line["科目编码"]]
    three: dict[str, Any] = base["三公经费"] if isinstance(base.get("三公经费"), dict) else {}
    for key, value in facts.items():
        if key == "三公经费":
            value = {**three, **{k: {**(three.get(k) or {}), **v} for k, v in value.items()}}
        if value not in ([], {}):
            out[key] = value
    return out


def _header(result: Read, year: int, previous: Optional[str]) -> list[str]:
    """The comment lines at the top of an imported year file."""
    lines = ["# yaml-language-server: $schema=../../schemas/year.schema.json",
             f"# {year} 年度数据：决算表的数字由 {result.path.name} 导入（金额单位：万元）。"]
    if previous:
        lines.append(f"# 其余内容由 {previous} 生成，标着“# {TODO}”的是今年要填的文字和数字。")
    lines.append("# 填完后运行 python cli.py check 检查。")
    return lines


def _slip(result: Read, d: Difference) -> Finding:
    """A workbook cell that its own rows (or the other tables) contradict."""
    if d.place is None:
        return result.finding(result.sheets[d.table], "", f"“{d.title}”没有“{d.label}”这一行（{d.column}），按其他表的明细应为 {d.want}。", WARNING)
    if d.rounding:
        return result.finding(d.place.sheet, d.place.cell, _rounding(d), WARNING)
    return result.finding(d.place.sheet, d.place.cell, f"“{d.title}”“{d.place.label}”的“{d.column}”为 {d.got or '空'}，"
                          f"但按明细行（和其他表）算得 {d.want}。请核对工作簿。", ERROR)


def _compare(result: Read, unit_dir: Path, target: Path) -> Imported:
    """Compare the workbook with an existing year file; write nothing."""
    prepared = prepare(Job(unit_dir, target), draft=True)  # facts left 待补充 do not stop a comparison
    if prepared.bundle is None:
        raise DataError(f"{display_path(target)} 有错误，先改正它再与工作簿比对。", prepared.findings)
    loaded = load_yaml(target)
    diffs = differences(result, expected_grid(prepared.bundle.year))
    findings = result.findings + [loaded.finding(yaml_path(loaded.data, d), _rounding(d), WARNING) if d.rounding
                                  else loaded.finding(yaml_path(loaded.data, d), _difference(result, d)) for d in diffs]
    return Imported(target, False, findings, sum(not d.rounding for d in diffs), display_path(result.path))


def _difference(result: Read, d: Difference) -> str:
    """The message for a cell where the workbook and the year file disagree."""
    if d.place is None:
        return f"工作簿的“{d.title}”（工作表“{result.sheets[d.table]}”）没有“{d.label}”这一行的“{d.column}”，年度文件算得 {d.want}。"
    return (f"与工作簿不一致：{d.place.sheet}!{d.place.cell}（“{d.title}”“{d.place.label}”的“{d.column}”）为 {d.got or '空'}，"
            f"年度文件算得 {d.want}。")


def _rounding(d: Difference) -> str:
    """The note for a 万元 subtotal that differs from the sum of its items by their rounding only."""
    where = f"{d.place.sheet}!{d.place.cell}（“{d.title}”“{d.place.label}”的“{d.column}”）" if d.place else f"“{d.title}”“{d.label}”"
    return (f"{where}为 {d.got}，其下各项之和为 {d.want}：万元表逐项四舍五入造成的差异，不算错。生成的表印各项之和 {d.want}；"
            "要与决算系统印的完全一致，请导入以元为单位的工作簿。")
