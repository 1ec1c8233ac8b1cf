"""Income and spending facts: by source, by functional code, by economic nature."""
from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal, Optional

from pydantic import BeforeValidator, WithJsonSchema, field_validator
from pydantic_core import PydanticCustomError

from generator.constants import FundKind
from generator.model.types import ZERO, Amount, Base, Code, Count, InWan, Money, Text, f
from generator.pending import Pending, PendingItems


class Income(Base):
    """This year's income by source (万元)."""

    general_budget: Amount = f("一般公共预算财政拨款收入", "一般公共预算财政拨款收入", ZERO)
    government_fund: Amount = f("政府性基金预算财政拨款收入", "政府性基金预算财政拨款收入", ZERO)
    state_capital: Amount = f("国有资本经营预算财政拨款收入", "国有资本经营预算财政拨款收入", ZERO)
    higher_subsidy: Amount = f("上级补助收入", "上级补助收入", ZERO)
    business: Amount = f("事业收入", "事业收入", ZERO)
    operating: Amount = f("经营收入", "经营收入", ZERO)
    affiliated: Amount = f("附属单位上缴收入", "附属单位上缴收入", ZERO)
    other: Amount = f("其他收入", "其他收入", ZERO)


# The eight income sources of the 收入支出决算总表, in order: (field name, official label).
INCOME_SOURCES: list[tuple[str, str]] = [(name, field.alias or name) for name, field in Income.model_fields.items()]




class CodeLine(Base):
    """财政拨款 spending of one functional classification code (项, 7 digits)."""

    code: Code = f("科目编码", "功能分类科目编码，7 位（项级），例如 2011101")
    name: Optional[Text] = f("科目名称", "科目名称；可省略：名称自动取自科目目录；填写时须与目录一致", None)
    initial: Optional[Amount] = f("年初预算数", "年初预算数（万元）", None)
    budget: Optional[Amount] = f("预算数", "全年预算数（万元）；不知道时可省略（不计算完成率）", None)
    basic: Optional[Amount] = f("基本支出", "决算数中的基本支出（万元）", None)
    project: Optional[Amount] = f("项目支出", "决算数中的项目支出（万元）", None)
    personnel: Optional[Amount] = f("人员经费", "基本支出中的人员经费（万元）", None)
    public: Optional[Amount] = f("公用经费", "基本支出中的日常公用经费（万元）", None)
    actual: Amount = f("决算数", "决算数（万元）；填了基本支出和项目支出时可省略（自动相加）", None, validate_default=True)
    income: Optional[Amount] = f("收入数", "本科目的财政拨款收入（万元）；省略时等于决算数", None)
    previous: Optional[Amount] = f("上年决算数", "本科目上年决算数（万元）；写了才说明与上年相比的增减", None)
    change_reason: Optional[Text] = f("变动原因", "与上年相比增减的主要原因", None)
    carryover: Money = f("年初结转和结余", "本科目的财政拨款年初结转和结余（万元）", ZERO)
    fund: FundKind = f("资金性质", "一般公共预算、政府性基金预算或国有资本经营预算", "一般公共预算")
    purpose: Optional[Text] = f("用途", "主要用于……", None)
    reason: Optional[Text] = f("说明", "决算数与预算数差异的原因", None)

    @property
    def start_budget(self) -> Optional[Decimal]:
        """年初预算数, else 预算数 (a unit that keeps one budget figure), else None."""
        return self.initial if self.initial is not None else self.budget

    def compared_budget(self, basis: str) -> Optional[Decimal]:
        """The budget spending is compared with: 年初预算 (else 全年), or 全年预算 (else 年初) as the year file says."""
        if basis == "全年预算":
            return self.budget if self.budget is not None else self.initial
        return self.start_budget

    def derive_again(self, stated: set[str]) -> None:
        """决算数 summed again from its traced parts when the file does not state it (a draft's provenance)."""
        if "决算数" not in stated and self.basic is not None and self.project is not None and not isinstance(self.actual, Pending):
            self.__dict__["actual"] = self.basic + self.project

    @field_validator("actual", mode="before")
    @classmethod
    def _actual_from_split(cls, value, info):
        """决算数 = 基本支出 + 项目支出 when only the split is written."""
        if value is None:
            if "basic" not in info.data or "project" not in info.data:
                return ZERO  # a part written but wrong is reported as that part; the line is not made
            basic, project = info.data["basic"], info.data["project"]
            if basic is None and project is None:
                raise PydanticCustomError("missing_value", "还没有填写（或写出基本支出和项目支出，自动相加）")
            if basic is None or project is None:  # one part written: check reports the other, as that part
                return Pending("基本支出" if basic is None else "项目支出")
            summed = basic + project
            return summed if isinstance(summed, Pending) else InWan(summed)
        return value


class NonFiscalIncome(Base):
    """财政拨款以外的收入 of one functional code, by source."""

    code: Code = f("科目编码", "功能分类科目编码（项级）")
    higher_subsidy: Amount = f("上级补助收入", "上级补助收入（万元）", ZERO)
    business: Amount = f("事业收入", "事业收入（万元）", ZERO)
    operating: Amount = f("经营收入", "经营收入（万元）", ZERO)
    affiliated: Amount = f("附属单位上缴收入", "附属单位上缴收入（万元）", ZERO)
    other: Amount = f("其他收入", "其他收入（万元）", ZERO)


class NonFiscalSpending(Base):
    """财政拨款以外的资金安排的支出 of one functional code, by kind."""

    code: Code = f("科目编码", "功能分类科目编码（项级）")
    basic: Amount = f("基本支出", "基本支出（万元）", ZERO)
    project: Amount = f("项目支出", "项目支出（万元）", ZERO)
    remitted: Amount = f("上缴上级支出", "上缴上级支出（万元）", ZERO)
    operating: Amount = f("经营支出", "经营支出（万元）", ZERO)
    affiliated: Amount = f("对附属单位补助支出", "对附属单位补助支出（万元）", ZERO)


# Income and spending from funds other than 财政拨款 as (field, YAML key): the one list every stage uses.
NON_FISCAL_SOURCES: list[tuple[str, str]] = [(n, f.alias or n) for n, f in NonFiscalIncome.model_fields.items() if n != "code"]
NON_FISCAL_KINDS: list[tuple[str, str]] = [(n, f.alias or n) for n, f in NonFiscalSpending.model_fields.items()
                                           if n not in ("code", "basic", "project")]


class EconomicLine(Base):
    """一般公共预算财政拨款基本支出 of one economic classification code (款)."""

    code: Annotated[str, BeforeValidator(lambda v: str(v)), WithJsonSchema({"type": ["integer", "string"]})] = f("科目编码", "经济分类科目编码，5 位，例如 30101")
    actual: Amount = f("决算数", "决算数（万元）")


class CoveredUnit(Base):
    """A unit whose accounts the 部门决算 covers."""

    name: Text = f("名称", "单位名称")
    note: Text = f("备注", "备注", "")
    nature: Optional[Text] = f("经费性质", "经费性质，例如“财政拨款”“财政补助”", None)
    posts: Optional[Count] = f("编制", "编制人数", None)
    staff: Optional[Count] = f("在职", "在职人数", None)


class Expenditure(Base):
    """This year's spending: 基本/项目 split and the lines by functional code."""

    basic: Optional[Money] = f("基本支出", "基本支出合计（万元）；各科目已分基本支出和项目支出时可省略（自动合计）", None)
    project: Optional[Money] = f("项目支出", "项目支出合计（万元）；同上", None)
    lines: list[CodeLine] = f("科目", "按功能分类科目（项级）列出的财政拨款支出")

    @field_validator("lines", mode="wrap")
    @classmethod
    def _unknown_kept(cls, value, handler):
        """A draft's placeholder for lines not yet written stays one (totals over it are pending, not 0)."""
        return value if isinstance(value, PendingItems) else handler(value)


class CostGroup(Base):
    """人员经费 or 公用经费: an amount and what it mainly covers."""

    amount: Money = f("金额", "金额（万元）")
    items: list[Text] = f("主要包括", "主要包括的经济科目名称", [])


class NamedAmount(Base):
    """A named amount."""

    name: Text = f("名称", "名称")
    amount: Money = f("金额", "金额（万元）")


class CapitalGroup(Base):
    """Capital spending items sharing one reason."""

    reason: Optional[Text] = f("原因", "支出原因，例如“因办公场所搬迁”", None)
    items: list[NamedAmount] = f("明细", "资本性支出明细")


EconomicScope = Literal["一般公共预算财政拨款", "全部资金"]  # the 口径 of 人员经费 and 公用经费, the default first


class Economic(Base):
    """Spending by economic nature: 人员经费, 公用经费, 资本性支出."""

    personnel: CostGroup = f("人员经费", "人员经费")
    public: CostGroup = f("公用经费", "公用经费")
    capital: list[CapitalGroup] = f("资本性支出", "资本性支出，按原因分组", [])
    scope: EconomicScope = f(
        "口径", "人员经费、公用经费的口径：一般公共预算财政拨款（默认，与一般公共预算财政拨款基本支出决算表相同）或全部资金", "一般公共预算财政拨款")
