"""A department's stable facts (unit.yaml)."""
from __future__ import annotations

from typing import Optional

from generator.model.profile import Options
from generator.model.types import Base, Code, Count, Text, either, f


class Body(Base):
    """An internal body that may stand for several (第一至第四监督检查室 counts 4)."""

    name: Text = f("名称", "机构名称")
    count: Count = f("个数", "这一项包含的机构个数", 1)


class Staffing(Base):
    """Authorised posts (编制) by kind."""

    total: Optional[Count] = f("编制人数", "编制总人数；分类数已填时可省略（自动合计）", None)
    administrative: Optional[Count] = f("行政编制", "行政编制人数", None)
    institutional: Optional[Count] = f("事业编制", "事业编制人数", None)
    worker: Optional[Count] = f("工勤编制", "工勤编制人数", None)


class Unit(Base):
    """A department's stable facts (unit.yaml)."""

    name: Text = f("单位名称", "单位全称，用于文档标题")
    department: Optional[Text] = f("部门名称", "自评表等表格中的部门名称；省略时同单位名称", None)
    short: Text = f("简称", "正文中称呼本单位的简称，例如“区纪委监委”")
    budget_unit: Optional[Text] = f("预算单位简称", "项目表中的“预算单位”；省略时同简称", None)
    layout: Optional[Text] = f("版式", "本单位公开文档使用的版式：templates/ 下或单位文件夹（及上级文件夹）的 版式/ 下的文件夹名；省略时用默认版式", None)
    layout_options: Options = f("版式选项", "改写版式的数字格式和措辞选项（见版式的 profile.yaml）", Options())
    companions: Optional[list[Text]] = f("附带文档", "同时生成的其他版式的文档，写作“版式/文档种类”；省略时按版式的默认，写 [] 则不生成", None)
    nature: Optional[Text] = f("单位性质", "单位性质，例如“仁和区行政编制单位”", None)
    functions: list[Text] = f("职能", "主要职能，每条一段")
    staffing: Staffing = f("编制", "编制人数；不印编制的版式可省略", Staffing())
    departments: list[either(Body)] = f("内设机构", "内设机构名称列表", [])  # type: ignore[valid-type]  # a pydantic union built at run time
    departments_summary: Optional[Text] = f("内设机构概述", "内设机构概述，例如“9室2部1中心”", None)
    other_bodies: list[Text] = f("其他机构", "内设机构以外的机构，例如派驻纪检监察组", [])
    glossary_wording: dict[str, Text] = f("名词解释措辞", "本单位各年通用的名词解释改写：词条 → 本单位的说法（例如乡镇把“本级财政”写作“省级财政”）", {})
    templates: dict[str, Text] = f("模板", "自定义模板：文档种类 → .docx 文件路径（相对本文件）", {})
    code_names: dict[Code, Text] = f("科目名称", "科目目录里没有的类、款、项的名称：科目编码 → 名称，例如 {\"21201\": 城乡社区管理事务}；各年通用", {})
