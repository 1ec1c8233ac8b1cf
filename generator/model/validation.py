"""Shape validation: plain YAML data to typed models, every problem a located Chinese finding."""
from __future__ import annotations

import copy
import difflib
import re
import typing
import unicodedata
from typing import Any, Optional, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from generator.errors import Finding
from generator.load.reader import Loaded
from generator.pending import MARK, placeholder

M = TypeVar("M", bound=BaseModel)

MESSAGES = {
    "missing": "缺少必填项。{hint}",
    "int_parsing": "这里应填写整数",
    "int_type": "这里应填写整数",
    "int_from_float": "这里应填写整数，不要带小数",
    "bool_parsing": "这里应填写 是/否（true 或 false）",
    "bool_type": "这里应填写 是/否（true 或 false）",
    "string_type": "这里应填写文字",
    "list_type": "这里应是列表（每项以“- ”开头）",
    "dict_type": "这里应是若干“键: 值”",
    "model_type": "这里应是若干“键: 值”",
    "model_attributes_type": "这里应是若干“键: 值”",
    "decimal_parsing": "这里应填写数字",
    "union_tag_invalid": "这里的写法不对",
}


MISSING = ("missing", "missing_value")


def validate(model: type[M], loaded: Loaded, draft: bool = False) -> tuple[Optional[M], list[Finding]]:
    """The model built from a loaded file, or None and the findings that prevent it.

    In a draft, missing facts become placeholders instead of errors.
    """
    data = loaded.data if loaded.data is not None else {}
    if not isinstance(data, dict):
        return None, [loaded.finding((), "文件内容应是若干“键: 值”，而不是单个值或列表。")]
    copied = False  # the clerk's data is copied only when a draft fills it
    for _ in range(50):
        try:
            return model.model_validate(data, context={"金额单位": data.get("金额单位")}), []
        except ValidationError as exc:
            missing = [e for e in exc.errors() if e["type"] in MISSING]
            if not draft or len(missing) < len(exc.errors()):
                return None, _findings(model, loaded, exc)
            if not copied:
                data, copied = copy.deepcopy(data), True
            for error in missing:
                path = _aliased(model, tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith("#"))))
                fill(model, data, path)
                loaded.filled.add(path)
    return None, [loaded.finding((), "草稿：缺少的内容过多，无法生成。")]


def label_of(field: FieldInfo) -> str:
    """What a draft's placeholder for a field says is to fill: its description up to the first ；，（ (the fact's name)."""
    return re.split(r"[；，（]", field.description or field.alias or "")[0]


def fill(model: type[BaseModel], data: dict, path: tuple) -> None:
    """Put a placeholder for the missing fact at a path of the plain data."""
    field = _field_at(model, path)
    named = field or (_field_at(model, path[:-1]) if isinstance(path[-1], int) else None)
    label = label_of(named) if named else str(path[-1])
    annotation = field.annotation if field else _item_annotation(model, path[:-1])
    value = placeholder(annotation, label) if annotation is not None else MARK.format(label)
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value


def _findings(model: type[BaseModel], loaded: Loaded, exc: ValidationError) -> list[Finding]:
    """One finding per distinct located problem."""
    seen: set[tuple] = set()
    out: list[Finding] = []
    for error in exc.errors():
        path = _aliased(model, tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith("#"))))
        key = (path, error["type"])
        if key in seen or path in {s[0] for s in seen}:
            continue
        seen.add(key)
        out.append(loaded.finding(path, _message(model, path, dict(error))))
    return out


def _aliased(model: type[BaseModel], path: tuple) -> tuple:
    """A location with field names replaced by their YAML keys (validators may report field names)."""
    out: list = []
    holder: Any = model
    for part in path:
        if isinstance(part, str) and isinstance(holder, type) and issubclass(holder, BaseModel) and part in holder.model_fields:
            field = holder.model_fields[part]
            out.append(field.alias or part)
            holder = _inner_model(field.annotation)
            continue
        if isinstance(part, str):
            found = _fields_by_alias(holder).get(part)
            holder = _inner_model(found.annotation) if found else None
        out.append(part)
    return tuple(out)


def _message(model: type[BaseModel], path: tuple, error: dict) -> str:
    """A Chinese message for one pydantic error."""
    kind = error["type"]
    if kind == "extra_forbidden":
        return _unknown_key(model, path)
    if kind == "missing_value":
        return "还没有填写（待补充）。请填写，或用 generate --draft 先生成草稿。"
    if kind == "missing":
        field = _field_at(model, path)
        hint = f"应填写：{field.description}" if field is not None and field.description else ""
        return MESSAGES["missing"].format(hint=hint)
    if kind == "literal_error":
        expected = str(error.get("ctx", {}).get("expected", "")).replace("'", "")
        return "只能填写以下之一：" + "、".join(re.split(r", | or ", expected))
    if kind in MESSAGES:
        return MESSAGES[kind]
    if kind in ("money", "count", "code", "text"):
        return error["msg"]
    return f"填写有误（{error['msg']}）"


def _unknown_key(model: type[BaseModel], path: tuple) -> str:
    """Unknown key, with the closest allowed key as a suggestion."""
    name = str(path[-1])
    hidden = [c for c in name if unicodedata.category(c) in ("Cf", "Cc", "Zl", "Zp") or (c.isspace() and c != " ")]
    if hidden:
        what = "、".join(f"U+{ord(c):04X}（{unicodedata.name(c, '控制字符')}）" for c in dict.fromkeys(hidden))
        return (f"键名“{name}”里有看不见的字符 {what}，常见于从网页、微信或 PDF 复制的文字。"
                "请删掉这个键名，用键盘重新输入。")
    allowed = _allowed_keys(model, path[:-1])
    close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.3)
    hint = f"是不是“{close[0]}”？" if close else f"可用的键：{'、'.join(allowed)}。"
    return f"未知的键“{name}”。{hint}"


def _model_at(model: Any, path: tuple) -> Any:
    """The model class that holds the keys at a path (list indices skipped)."""
    current, keyed = model, False  # keyed: the last field maps keys to models, so the next part is such a key
    for part in path:
        if isinstance(part, int) or keyed:
            keyed = False
            continue
        field = _fields_by_alias(current).get(part)
        if field is None:
            return None
        current, keyed = _inner_model(field.annotation), _is_mapping(field.annotation)
    return current


def _is_mapping(annotation: Any) -> bool:
    """Whether an annotation is a mapping (dict[str, X], optionally Optional)."""
    return typing.get_origin(annotation) is dict or any(_is_mapping(a) for a in typing.get_args(annotation) if a is not type(None))


def _field_at(model: Any, path: tuple):
    """The pydantic field at a path, if any."""
    holder = _model_at(model, tuple(p for p in path[:-1]))
    if holder is None or not path:
        return None
    return _fields_by_alias(holder).get(path[-1])


def _item_annotation(model: Any, path: tuple) -> Any:
    """The type of the items of the list or mapping field at a path."""
    field = _field_at(model, path)
    if field is None:
        return None
    annotation = field.annotation
    optional = [a for a in typing.get_args(annotation) if a is not type(None)]
    if type(None) in typing.get_args(annotation) and len(optional) == 1:  # Optional[dict[str, X]]: the dict's items
        annotation = optional[0]
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    return args[-1] if args else None


def _allowed_keys(model: Any, path: tuple) -> list[str]:
    """The keys allowed at a path."""
    holder = _model_at(model, path)
    return list(_fields_by_alias(holder)) if holder is not None else []


def _fields_by_alias(model: Any) -> dict:
    """A model's fields keyed by their YAML key."""
    if not (isinstance(model, type) and issubclass(model, BaseModel)):
        return {}
    return {f.alias or name: f for name, f in model.model_fields.items()}


def _inner_model(annotation: Any) -> Any:
    """The first BaseModel class inside an annotation (list[X], Optional[X], Union[X, str])."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None
