"""Rules on the functional classification codes a unit uses: each exists once, and each 类, 款 and 项 has a name to print."""
from __future__ import annotations

from generator.checks.registry import rule
from generator.checks.requirements import NATIONAL
from generator.errors import ERROR, WARNING, Finding
from generator.figures.bundle import Bundle
from generator.load.catalog import catalog
from generator.load.reader import Loaded

LEVELS = {3: "类", 5: "款", 7: "项"}


@rule
def codes_known(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """Every line's code is a 项 where the layout lists 项, appears once, and any name it states matches the catalogue."""
    out: list[Finding] = []
    seen: dict[str, int] = {}
    for i, line in enumerate(bundle.year.expenditure.lines):
        path = ("支出", "科目", i, "科目编码")
        official = catalog().name(line.code, bundle.year.year)
        if len(line.code) != 7 and bundle.layout.makes(NATIONAL):
            out.append(_not_an_item(bundle, year_file, path, line.code))
        elif official is not None and line.name and line.name != official:
            out.append(year_file.finding(("支出", "科目", i, "科目名称"), f"科目 {line.code} 在 {bundle.year.year} 年的名称是“{official}”，"
                                                                      f"这里写的是“{line.name}”。请改正或删去科目名称。"))
        if line.code in seen:
            out.append(year_file.finding(path, f"科目编码 {line.code} 重复（第 {seen[line.code] + 1} 项已有）。请合并为一项。"))
        seen.setdefault(line.code, i)
    return out


@rule
def codes_named(bundle: Bundle, year_file: Loaded, unit_file: Loaded) -> list[Finding]:
    """Each 类, 款 and 项 of the codes a unit uses has a name, from the catalogue or given by the unit: once per code."""
    uses = bundle.year.code_uses()
    names = catalog().with_names(bundle.year.names_given(bundle.unit.code_names))  # a draft's catalogue has placeholders
    return [year_file.finding(uses[user], f"科目 {code}（{LEVELS.get(len(code), '项')}）不在科目目录中（data/common/功能分类科目.yaml），"
                                          f"文档里印不出它的名称。请核对编码；编码无误时在 unit.yaml 写上名称，例如 科目名称: {{\"{code}\": 名称}}")
            for code, user in names.unnamed(uses, bundle.year.year).items()]


def _not_an_item(bundle: Bundle, year_file: Loaded, path: tuple, code: str) -> Finding:
    """A 类 or 款 code where a 项 belongs: an error for the national layout, which lists every 项, else a warning."""
    level = "类" if len(code) == 3 else "款"
    own = bundle.layout.primary == NATIONAL
    hint = "" if own else f"本单位公开的不是{NATIONAL}时可忽略，但附带生成的{NATIONAL}不能按“项”说明。"
    return year_file.finding(path, f"科目编码 {code} 是{level}级编码；{NATIONAL}的决算表和支出说明按“项”列出，这里应写项级（7 位）编码。{hint}",
                             ERROR if own else WARNING)
