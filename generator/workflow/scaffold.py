"""Next year's file from this year's: stable facts kept, new figures and texts left as 待补充 placeholders."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml

from generator.constants import YEARS
from generator.errors import DataError, UsageError
from generator.figures import sums
from generator.load.reader import display_path, load_yaml
from generator.workflow.discover import UNIT_FILE, year_file, year_files

# Keys whose values usually stay the same from one year to the next.
KEEP = {"名词解释", "科目编码", "科目名称", "资金性质", "主要包括", "用途", "一级指标", "二级指标", "三级指标",
        "指标值", "分值", "资金分值", "名称", "预算单位", "事前评估", "绩效监控", "绩效自评", "金额单位", "指标性质", "主管部门",
        "实施单位", "项目负责人", "财务负责人"}
# Keys dropped: last year's comparisons come from last year's file; checks and reports are per year.
DROP = {"上年", "核对", "评价报告", "资本性支出"}
TODO = "待补充"


def next_year(data: dict, year: int) -> dict:
    """The new year's plain data derived from the latest year's."""
    result = {"年度": year}
    for key, value in data.items():
        if key in ("年度",) or key in DROP:
            continue
        result[key] = _blank(key, value)
    return result


def _blank(key: str, value: Any) -> Any:
    """A value with its year-specific content replaced by None."""
    if key in KEEP:
        return value
    if isinstance(value, dict):
        blank = {k: _blank(k, v) for k, v in value.items() if k not in DROP}
        if "上年决算数" in value:  # a code line compared with last year: this year's 决算数 is next year's 上年决算数
            blank["上年决算数"] = _spent(value)
        return blank
    if isinstance(value, list):
        if value and all(isinstance(v, dict) for v in value):
            return [_blank(key, v) for v in value]
        return [None] if value else []
    return None


def _spent(line: dict) -> Any:
    """A code line's 决算数 as written, or its 基本支出 and 项目支出 together; None when neither is written."""
    if line.get("决算数") is not None:
        return line["决算数"]
    parts = [line.get("基本支出"), line.get("项目支出")]
    return None if all(p is None for p in parts) else sums.total(parts)


def _scalar(value: Any, flow: bool = False) -> str:
    """A YAML scalar: plain when safe (in a flow collection too, if ``flow``), else double-quoted."""
    if value is None:
        return "~"
    if isinstance(value, bool):
        return "true" if value else "false"
    if not isinstance(value, str):
        return str(value)
    try:
        plain = yaml.safe_load(value) == value and not re.search(r":\s|\s#|^[-?:,\[\]{}#&*!|>'\"%@`]|^\s|\s$", value)
    except yaml.YAMLError:
        plain = False
    if flow and re.search(r"[,\[\]{}]", value):
        plain = False
    return value if plain and value else json.dumps(value, ensure_ascii=False)


def emit(data: Any, indent: int = 0) -> list[str]:
    """YAML lines for plain data, with a 待补充 comment after every empty value."""
    pad = " " * indent
    lines: list[str] = []
    for key, value in data.items():
        lines.extend(_entry(f"{pad}{_scalar(key) if isinstance(key, str) else key}:", value, indent))  # "20139" stays a string
    return lines


def _entry(head: str, value: Any, indent: int) -> list[str]:
    """Lines for one key (or list item) and its value."""
    if isinstance(value, dict):
        return [head] + emit(value, indent + 2) if value else [f"{head} {{}}"]
    if isinstance(value, list):
        if not value:
            return [f"{head} []"]
        if all(not isinstance(v, (dict, list)) and v is not None for v in value) and sum(len(str(v)) for v in value) < 60:
            return [f"{head} [{', '.join(_scalar(v, True) for v in value)}]"]
        lines = [head]
        for item in value:
            lines.extend(_item(item, indent + 2))
        return lines
    suffix = f"  # {TODO}" if value is None else ""
    return [f"{head} {_scalar(value)}{suffix}"]


def _item(item: Any, indent: int) -> list[str]:
    """Lines for one list item."""
    pad = " " * indent
    if isinstance(item, dict) and item and all(not isinstance(v, (dict, list)) for v in item.values()):
        flow = "{" + ", ".join(f"{k}: {_scalar(v, True)}" for k, v in item.items()) + "}"
        if len(flow) < 90:
            return [f"{pad}- {flow}" + (f"  # {TODO}" if None in item.values() else "")]
    if isinstance(item, dict) and item:
        inner = emit(item, indent + 2)
        inner[0] = pad + "- " + inner[0].lstrip()
        return inner
    return _entry(f"{pad}-", item, indent)


def create(unit_dir: Path, year: int) -> Path:
    """Write ``<year>.yaml`` in a unit folder from its latest year file; never overwrite."""
    if not (unit_dir / UNIT_FILE).is_file():
        raise UsageError(f"{display_path(unit_dir)} 不是单位文件夹：里面没有 {UNIT_FILE}。")
    if year not in YEARS:
        raise UsageError(f"年度 {year} 不对：应为 {YEARS.start}—{YEARS.stop - 1} 之间的 4 位年份，例如 2025。")
    target = unit_dir / f"{year}.yaml"
    existing = year_file(unit_dir, year) or (target if target.exists() else None)
    if existing:
        raise UsageError(f"{display_path(existing)} 已经存在，不会覆盖。如需重新生成，请先把它改名或移走。")
    earlier = [p for p in year_files(unit_dir) if int(p.stem) < year]
    if not earlier:
        raise UsageError(f"{display_path(unit_dir)} 里没有 {year} 年以前的年度文件，无法据此创建。")
    latest = load_yaml(earlier[-1])
    if not latest.ok or not isinstance(latest.data, dict):
        raise DataError(f"{display_path(earlier[-1])} 有错误，先改正它再创建新年度。", latest.findings)
    header = [
        "# yaml-language-server: $schema=../../schemas/year.schema.json",
        f"# {year} 年度数据，由 {earlier[-1].name} 生成。标着“# {TODO}”的是今年要填的数字和文字；",
        (f"# 上年数自动取自 {earlier[-1].name}。" if int(earlier[-1].stem) == year - 1 else
         f"# 没有 {year - 1} 年的文件：与上年的比较要在“上年:”中填写上年数。") + "填完后运行 python cli.py check 检查。",
    ]
    text = "\n".join(header + emit(next_year(latest.data, year))) + "\n"
    try:
        with target.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError as exc:
        raise UsageError(f"{display_path(target)} 已经存在，不会覆盖。") from exc
    return target
