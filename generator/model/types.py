"""Value types of the data model: amounts, counts, codes, text, and the base model with Chinese keys."""
from __future__ import annotations

import re
import unicodedata
from datetime import date
from decimal import Decimal
from typing import Annotated, Literal, Optional, Union

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    PlainValidator,
    Tag,
    ValidationInfo,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from generator.constants import MAX_AMOUNT, MAX_TEXT, ZERO  # noqa: F401  (re-exported to the model modules)
from generator.formatting import chinese_date, quantize
from generator.pending import Pending
from generator.provenance import Traced


def normalized(text: str) -> str:
    """A code, amount or percentage as typed, in half-width form: full-width digits, signs and ％ become ASCII (NFKC)."""
    return unicodedata.normalize("NFKC", text).strip()


def foreign_digit(text: str) -> str:
    """The first digit in text that is not 0–9 (Arabic-Indic, Devanagari …), described for a message; "" if none."""
    char = next((c for c in text if c.isdigit() and not c.isascii()), "")
    return f"“{char}”（U+{ord(char):04X}）" if char else ""


def decimals(number: Decimal) -> int:
    """How many decimal places a number is written with (0 for whole numbers and for NaN or infinity)."""
    exponent = number.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


YUAN_PER_WAN = Decimal(10000)
AmountUnit = Literal["万元", "元"]  # the units a year file may keep its amounts in (金额单位), the default first
PLACES = {"万元": 6, "元": 2}  # decimals an amount may have: to the 分 either way


def unit_of(info: Optional[ValidationInfo]) -> str:
    """The amount unit a file is validated in: 元 when its 金额单位 says so, else 万元."""
    context = info.context if info is not None else None
    return "元" if isinstance(context, dict) and context.get("金额单位") == "元" else "万元"


class InWan(Decimal):
    """An amount computed from amounts already validated (so already in 万元): passed through, not converted again."""


def _money(value, info: Optional[ValidationInfo]):
    """An amount from YAML as a plain number in the file's unit (万元, or 元 when 金额单位 says so), held in 万元."""
    if isinstance(value, Pending):
        return value
    if isinstance(value, InWan):
        return Decimal(value)
    if isinstance(value, Traced):  # a draft's figure computed from validated amounts, with its record
        return value
    if value is None:
        raise PydanticCustomError("missing_value", "还没有填写")
    unit = unit_of(info)
    if isinstance(value, bool):
        raise PydanticCustomError("money", "这里应填写金额数字（单位{unit}），例如 {example}", {"unit": unit, "example": EXAMPLE[unit]})
    if isinstance(value, (int, Decimal)):
        return _number(Decimal(value), str(value), unit)
    return _from_text(str(value).strip(), unit, info)


EXAMPLE = {"万元": "1622.30", "元": "16223000.00"}


def _number(amount: Decimal, written: str, unit: str) -> Decimal:
    """A number written in a unit, as 万元: within the limit and to the 分."""
    limit = MAX_AMOUNT * (YUAN_PER_WAN if unit == "元" else 1)
    if not amount.is_finite() or abs(amount) >= limit:
        raise PydanticCustomError("money", "金额 {value} {unit}大得不合常理（上限 {limit} {unit}）。请核对金额的单位（本文件为{unit}）。",
                                  {"value": written, "limit": f"{limit:,.0f}", "unit": unit})
    if decimals(amount) > PLACES[unit]:
        raise PydanticCustomError("money", "金额（{unit}）最多 {places} 位小数（到分），{value} 请写成例如 {fixed}",
                                  {"unit": unit, "places": PLACES[unit], "value": written, "fixed": f"{quantize(amount, PLACES[unit]):f}"})
    return amount / YUAN_PER_WAN if unit == "元" else amount


def _from_text(text: str, unit: str, info: Optional[ValidationInfo]) -> Decimal:
    """An amount YAML read as text: full-width digits are read, anything else is explained."""
    if foreign_digit(normalized(text)):
        raise PydanticCustomError("money", "金额里有 {char}，不是半角数字。请用半角数字 0–9 重新输入", {"char": foreign_digit(normalized(text))})
    if normalized(text) != text and re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", normalized(text)):
        return _money(Decimal(normalized(text)), info)  # full-width digits typed with a Chinese input method
    if re.fullmatch(r"-?[\d,，]+(\.\d+)?", text) and re.search(r"[,，]", text):
        raise PydanticCustomError("money", "金额不要写千位分隔符（逗号），请写成 {fixed}", {"fixed": re.sub(r"[,，]", "", text)})
    number = re.fullmatch(r"(-?\d+(?:\.\d+)?)\s*(万元|万|元)", text)
    if number and number.group(2) == "元" and unit == "万元":
        fixed = format((Decimal(number.group(1)) / YUAN_PER_WAN).normalize(), "f")
        raise PydanticCustomError("money", "本文件金额以万元为单位，只写数字：{text} 应写成 {fixed}（或在文件开头写“金额单位: 元”，全部金额按元填写）",
                                  {"text": text, "fixed": fixed})
    if number or re.search(r"万元?|元", text):
        fixed = re.sub(r"[^\d.\-]", "", text) or "0"
        if number and unit == "元" and number.group(2) != "元":
            fixed = format(Decimal(number.group(1)) * YUAN_PER_WAN, "f")
        raise PydanticCustomError("money", "金额只写数字，单位是{unit}（见“金额单位”），不要写“万元”或“元”：请写成 {fixed}", {"unit": unit, "fixed": fixed})
    if re.fullmatch(r"-?\d+(\.\d+)?", text):
        raise PydanticCustomError("money", "金额不要加引号，请直接写数字 {fixed}", {"fixed": text})
    raise PydanticCustomError("money", "“{text}”不是金额：这里应填写数字（单位{unit}），例如 {example}", {"text": text[:40], "unit": unit, "example": EXAMPLE[unit]})


def _score(value):
    """A score or weight in points (分): a plain number, whatever the file's 金额单位."""
    if isinstance(value, Pending):
        return value
    if value is None:
        raise PydanticCustomError("missing_value", "还没有填写")
    text = normalized(str(value)) if not isinstance(value, bool) else ""
    if not re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", text) or (isinstance(value, str) and text == value):
        raise PydanticCustomError("score", "这里应填写分数（数字，不加引号和“分”字），例如 92.5")
    return Decimal(text)


def _count(value):
    """A whole number of things from YAML."""
    if value is None:
        raise PydanticCustomError("missing_value", "还没有填写")
    if isinstance(value, bool) or not isinstance(value, int):
        raise PydanticCustomError("count", "这里应填写整数（个数、人数、批次），例如 10")
    return value


def _code(value):
    """A functional classification code: 3, 5 or 7 digits (full-width digits read as half-width)."""
    text = normalized(str(value))
    if foreign_digit(text):
        raise PydanticCustomError("code", "科目编码里有 {char}，不是半角数字。请用半角数字 0–9 重新输入，例如 2011101", {"char": foreign_digit(text)})
    if isinstance(value, bool) or not re.fullmatch(r"[0-9]{3}|[0-9]{5}|[0-9]{7}", text):
        raise PydanticCustomError("code", "科目编码应为 3 位（类）、5 位（款）或 7 位（项）数字，例如 2011101")
    return text


def _text(value):
    """Narrative text from YAML: numbers written alone are kept as text."""
    if value is None:
        raise PydanticCustomError("missing_value", "还没有填写")
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise PydanticCustomError("text", "这里应填写文字")
    if len(value) > MAX_TEXT:
        raise PydanticCustomError("text", "这段文字有 {n} 个字，超过每项 {limit} 字的上限。请检查是否误粘贴了其他内容，或分成几段写。",
                                  {"n": len(value), "limit": MAX_TEXT})
    return value


def _amount(value, info: Optional[ValidationInfo]):
    """An amount that cannot be negative (spending, income, budgets): a money value of at least 0."""
    amount = _money(value, info)
    if not isinstance(amount, Pending) and amount < 0:
        raise PydanticCustomError("money", "这里的金额不能是负数（{value}）。请核对：支出、收入和预算数都应不小于 0", {"value": str(value)})
    return amount


Money = Annotated[Decimal, PlainValidator(_money), WithJsonSchema({"type": "number", "description": "金额（万元，或按“金额单位”）"})]
Amount = Annotated[Decimal, PlainValidator(_amount), WithJsonSchema({"type": "number", "minimum": 0, "description": "金额（万元，或按“金额单位”），不小于 0"})]
Score = Annotated[Decimal, PlainValidator(_score), WithJsonSchema({"type": "number", "description": "分数"})]
Count = Annotated[int, PlainValidator(_count), WithJsonSchema({"type": "integer"})]
Code = Annotated[str, BeforeValidator(_code), WithJsonSchema({"type": ["integer", "string"], "description": "科目编码（3、5 或 7 位数字）"})]
Text = Annotated[str, BeforeValidator(_text)]


ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")  # 2018-08-17 as YAML keeps it (a string: the loader reads no timestamps)


def _date_text(value):
    """A date from YAML (2018-08-17, 2018-8-17) written as documents sign it; a date already in words is kept."""
    written = ISO_DATE.fullmatch(value.strip()) if isinstance(value, str) else None
    if written:
        try:
            value = date(*(int(part) for part in written.groups()))
        except ValueError:
            raise PydanticCustomError("date", "“{value}”不是有效的日期。请写成 2018-08-17 或 2018年8月17日", {"value": value}) from None
    if isinstance(value, date):
        return chinese_date(value)
    return _text(value)


DateText = Annotated[str, BeforeValidator(_date_text), WithJsonSchema({"type": "string", "description": "日期，例如 2018-08-17"})]


def either(model):
    """A value that is either a mapping for ``model`` or plain text."""
    return Annotated[
        Union[Annotated[model, Tag("#对象")], Annotated[Text, Tag("#文字")]],
        Discriminator(lambda v: "#文字" if v is None or isinstance(v, str) else "#对象"),  # empty: 还没有填写
    ]


class Base(BaseModel):
    """Common configuration: unknown keys are errors, Chinese keys are aliases."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


def f(alias: str, description: str, default=..., **kw):
    """A field read from a Chinese YAML key, with a Chinese description for editors."""
    return Field(default, alias=alias, description=description, **kw)


