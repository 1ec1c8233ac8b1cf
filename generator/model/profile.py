"""The typed shape of a layout profile (profile.yaml beside a layout's templates) and of a unit's overrides."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Optional

from generator.model.types import Base, Code, Text, f


class Options(Base):
    """A layout's number formats and wording options; a unit may override any of them (unit.yaml 版式选项)."""

    places: Optional[int] = f("百分比小数位", "占比、增减幅度、完成率等百分数的小数位数，例如 1（57.8%）或 2（57.80%）", None, ge=0, le=4)
    trim: Optional[bool] = f("百分比去掉末尾的零", "是否把 100.0% 写成 100%", None)
    zero_text: Optional[Text] = f("正文中的零", "金额为零时正文的写法，例如 0.00 或 0（“0.00万元”或“0万元”）", None)
    zero_cell: Optional[Literal["空白", "0.00"]] = f("表格中的零", "金额为零时决算表单元格的写法：空白 或 0.00", None)
    line_completion: Optional[bool] = f("各项列出完成率", "支出决算情况逐项说明时，每项都写“完成年初预算的X%”", None)
    flat_word: Optional[Literal["与", "同"]] = f("持平措辞", "决算数等于预算数时写“决算数与预算数持平”（与）还是“决算数同预算数持平”（同）", None)
    whole_shares: Optional[bool] = f("占比合计为100%", "同一构成的各项占比是否调整为合计正好 100%（最大余额法）；写 false 则各项分别四舍五入"
                                     "（合计可能是 99.99% 或 100.01%）", None)
    class_codes: Optional[list[Code]] = f("总表列出的类", "收入支出决算总表和财政拨款收入支出决算总表按顺序列出的类级科目（3 位编码）；省略时列出"
                                          "全部 26 类（不含当年还没有设立的类，单位有支出的类总是列出）", None)
    proportional: Optional[bool] = f("未达标指标按比例得分", "可按数字比较的指标没有达到指标值时，按完成比例得分（权重 × 完成值 ÷ 指标值）；"
                                      "写 false 则得 0 分", None)
    funds_basis: Optional[Literal["全年预算数", "调整后预算数"]] = f("自评执行率口径", "部门整体支出绩效自评表的执行率以哪个预算数为分母："
                                                                  "全年预算数（年初预算 + 调整追加 + 年初结转 + 其他资金）或调整后预算数（年初预算 + 调整追加）", None)
    zero_fixes: Optional[bool] = f("未发现问题也写整改数", "绩效自评没有发现问题时，是否仍写“已经完成整改的0个，正在整改的0个”（部门决算模板的写法）", None)


OPTION_DEFAULTS = Options.model_validate({"百分比小数位": 1, "百分比去掉末尾的零": True, "正文中的零": "0.00", "表格中的零": "空白",
                                          "各项列出完成率": False, "持平措辞": "与", "未发现问题也写整改数": False,
                                          "占比合计为100%": True, "未达标指标按比例得分": True, "自评执行率口径": "全年预算数"})


@dataclass(frozen=True)
class Rules:
    """How a layout computes what it prints: shares summing to 100 or each rounded on its own; a missed target scored
    in proportion or zero; the 自评表's execution rate on the 全年 or the 调整后 budget."""

    whole_shares: bool = True
    proportional: bool = True
    full_budget: bool = True


DEFAULT_RULES = Rules()


# What a layout's profile can require its main document to state (profile.yaml 必填); checks.needs says how each is
# checked and what to write.
Need = Literal["机构设置", "经费性质", "批复文件", "落款日期", "主要工作任务", "指标偏差原因", "各科目上年决算数", "上年.收入合计", "上年.支出合计", "上年.财政拨款收支总计",
               "上年.一般公共预算财政拨款支出", "上年.政府性基金预算财政拨款支出", "上年.三公经费", "上年.公务接待费", "上年.机关运行经费"]


class DocumentSpec(Base):
    """One document a layout produces: its template and its output file name."""

    template: Text = f("模板", "模板文件（.docx），相对本版式文件夹")
    name: Text = f("文件名", "输出文件名；{年度} 换成决算年度，{标题} 换成项目评价报告的标题")
    companion_name: Optional[Text] = f("附带文件名", "作为其他版式单位的附带文档生成时的文件名；省略时同“文件名”", None)


class ProfileSpec(Base):
    """A layout profile as written in profile.yaml."""

    description: Optional[Text] = f("说明", "这个版式是什么、哪里的单位使用", None)
    based_on: Optional[Text] = f("基于", "在另一个版式的基础上修改：未写的文档和选项都取自那个版式", None)
    default: bool = f("默认", "单位没写“版式”时用这个版式（只能有一个）", False)
    primary: Optional[Text] = f("主文档", "本版式单位公开的文档种类（其必需的数据缺少时是错误）", None)
    documents: dict[str, DocumentSpec] = f("文档", "本版式生成的文档：文档种类 → 模板和文件名", {})
    companions: Optional[list[Text]] = f("附带文档", "默认同时生成的其他版式的文档，写作“版式/文档种类”；数据不全时不生成", None)
    glossary: Optional[Text] = f("名词解释", "名词解释的标准说法取 data/common/名词解释.yaml 的哪一节", None)
    needs: Optional[list[Need]] = f("必填", "本版式的主文档还必须写明的内容（缺少时 check 报错误，草稿里显示【待补充】）：机构设置、经费性质（决算单位表）、批复文件、"
                                       "落款日期、主要工作任务、指标偏差原因（未达到指标值的指标写明原因）、各科目上年决算数，以及与上年比较的各项上年数（上年.收入合计、上年.三公经费等）", None)
    options: Options = f("选项", "数字格式和措辞选项（单位可在 unit.yaml 的“版式选项”中改写）", Options())
