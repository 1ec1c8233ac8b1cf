"""templates/变量说明.md: every variable, attribute and filter a template can use, with its Chinese description and an
example taken from the sample units, made from the typed contexts and models (tools.variables)."""
from __future__ import annotations

from collections import abc
from decimal import Decimal
from typing import Any, Literal, get_args, get_origin, is_typeddict

from generator.contexts.types import VARIABLES, Common
from generator.formatting import FILTERS
from generator.model.profile import DocumentSpec, Options, ProfileSpec
from generator.tools.variables import Member, members, plain, top

# Each filter: what it does, and an input (with arguments) whose output the reference shows.
FILTER_DOCS: dict[str, tuple[str, Any, tuple]] = {
    "money": ("金额（万元），两位小数，四舍五入", Decimal("1622.3"), ()),
    "amount": ("正文中的金额：两位小数；为零时按版式写（0.00 或 0）", Decimal("0"), ()),
    "cell": ("决算表单元格中的金额：两位小数；为零时按版式写（空白或 0.00）", Decimal("12.5"), ()),
    "pct": ("比率 → 百分数，小数位数按版式；可写 pct(2, false)", Decimal("0.9621"), ()),
    "share": ("已是百分点的占比 → 百分数，小数位数按版式", Decimal("57.8"), ()),
    "score": ("分值、得分：最多两位小数，去掉末尾的 0", Decimal("10.00"), ()),
    "count": ("个数、人数", 12, ()),
    "increase_word": ("按正负选词：增加、减少（为 0 时“持平”）", Decimal("-3"), ()),
    "growth_word": ("按正负选词：增长、下降（为 0 时“持平”）", Decimal("5"), ()),
    "adjust_word": ("预算调整：追加、调减（为 0 时“追加”）", Decimal("-3"), ()),
    "magnitude": ("不带正负号的金额（放在增加、减少等词之后）", Decimal("-3"), ()),
    "cn": ("中文数字", 11, ()),
    "daxie": ("大写金额：输入万元，输出元", Decimal("1622.30"), ()),
    "join_cn": ("用顿号连接；第二个参数是最后一项前的词", ["甲", "乙", "丙"], ("、", "及")),
    "clause": ("数据中的文字接到模板的话后面，不重复“主要用于”等引语和句末标点", "主要用于办公。", ("主要用于", "。")),
}
SCALARS = {str: "文字", int: "整数", bool: "是/否", Decimal: "数字", float: "数字"}


def type_name(tp: Any) -> str:
    """A type as the reference names it (a class name links to its table)."""
    inner = plain(tp)
    if inner is None:
        return "文字或对象"
    if get_origin(inner) is Literal:
        return "文字（" + "、".join(map(str, get_args(inner))) + " 之一）"
    origin, args = get_origin(inner), get_args(inner)
    if origin in (list, tuple, set) and args:
        return f"{type_name(args[0])} 的列表"
    if origin is dict and len(args) == 2:
        return f"键 → {type_name(args[1])}"
    if inner in SCALARS:
        return SCALARS[inner]
    if get_origin(inner) is abc.Callable or inner is abc.Callable:
        return "函数"
    if isinstance(inner, type) and members(inner) is not None:
        return f"[{inner.__name__}](#{inner.__name__.lower()})"
    return getattr(inner, "__name__", "（多种）")


def example(value: Any) -> str:
    """A sample value as a short cell text."""
    if value is None:
        return "（空）"
    if not isinstance(value, (str, int, Decimal, list, tuple)):
        return ""
    if isinstance(value, (list, tuple)):
        return f"{len(value)} 项" + (f"：{example(value[0])}…" if value and isinstance(value[0], (str, Decimal, int)) else "")
    text = str(value).replace("\n", " ").replace("|", "｜")
    return f"`{text[:24]}{'…' if len(text) > 24 else ''}`"


def attribute(value: Any, name: str) -> Any:
    """An attribute or key of a sample value, None when it has none."""
    return value.get(name) if isinstance(value, dict) else getattr(value, name, None)


class Collector:
    """Walks the sample contexts by their types, keeping the first sample of each described type."""

    def __init__(self) -> None:
        self.samples: dict[type, Any] = {}

    def walk(self, tp: Any, value: Any, depth: int = 0) -> None:
        """Record a value of a type and walk into its members and items."""
        inner = plain(tp)
        if value is None or depth > 8 or inner is None:
            return
        origin = get_origin(inner)
        if origin in (list, tuple) and get_args(inner):
            for item in list(value)[:3]:
                self.walk(get_args(inner)[0], item, depth + 1)
        elif origin is dict and len(get_args(inner)) == 2:
            for item in list(value.values())[:3]:
                self.walk(get_args(inner)[1], item, depth + 1)
        elif isinstance(inner, type) and (known := members(inner)) is not None and inner not in self.samples:
            self.samples[inner] = value
            for name, member in known.items():
                self.walk(member.type, attribute(value, name), depth + 1)

    def types(self) -> list[type]:
        """Every described type reachable from the variables, in the order first met, samples or not."""
        seen: list[type] = []

        def reach(tp: Any) -> None:
            inner = plain(tp)
            for arg in get_args(inner) if get_origin(inner) else ():
                reach(arg)
            if isinstance(inner, type) and inner not in seen and (known := members(inner)) is not None:
                seen.append(inner)
                for member in known.values():
                    reach(member.type)
        for member in top().values():
            reach(member.type)
        return seen


def _table(rows: list[tuple[str, str, str, str]], head: str) -> list[str]:
    """A Markdown table of (name, description, type, example)."""
    return [f"| {head} | 说明 | 类型 | 例 |", "|---|---|---|---|"] + [f"| `{a}` | {b} | {c} | {d} |" for a, b, c, d in rows]


def _variables(kind: str | None, own: dict[str, Member], context: dict[str, Any]) -> list[str]:
    """The table of a kind's own variables (or those every document has)."""
    return _table([(n, m.description, type_name(m.type), example(context.get(n))) for n, m in own.items()], "变量")


def _profile_keys() -> list[str]:
    """The keys of a layout's profile.yaml (and of unit.yaml's 版式选项), as tables."""
    out = []
    for title, model in (("profile.yaml", ProfileSpec), ("文档 下的每一项", DocumentSpec), ("选项（unit.yaml 的 版式选项 同样写）", Options)):
        out += [f"{title}：", "", "| 键 | 说明 |", "|---|---|"]
        out += [f"| `{f.alias}` | {f.description} |" for f in model.model_fields.values()] + [""]
    return out


def reference_text(contexts: dict[str, dict[str, Any]]) -> str:
    """The whole reference, from the sample contexts of each kind (kind → context)."""
    collector = Collector()
    for kind, context in contexts.items():
        for name, member in top(kind).items():
            collector.walk(member.type, context.get(name))
    common = set(Common.__required_keys__)
    lines = ["# 模板变量说明", "", "本文件由程序根据各文档的变量类型和数据模型生成（`python cli.py schema`），请勿手改。“例”取自 data/ 中的示例单位。",
             "模板里用 `{{ 变量 }}`、`{{ 变量.属性 }}`、`{{ 金额|money }}`；`python cli.py templates check 模板.docx` 会按本表检查每个变量、属性和过滤器。", "",
             "## 过滤器", "", "| 过滤器 | 作用 | 例 |", "|---|---|---|"]
    for name in FILTERS:
        text, value, args = FILTER_DOCS[name]
        shown = str(value) if isinstance(value, (Decimal, int)) else repr(value)
        apply: Any = FILTERS[name]
        lines.append(f"| `{name}` | {text} | `{shown}` → `{apply(value, *args)}` |")
    first = contexts[next(iter(contexts))]
    lines += ["", "## 所有文档都有的变量", ""] + _variables(None, {n: m for n, m in top().items() if n in common}, first)
    lines += ["", f"草稿相关：`draft`（{top()['draft'].description}）、`draft_mark`（{top()['draft_mark'].description}）；附件：`subdocs`（{top()['subdocs'].description}）。"]
    for kind, typed in VARIABLES.items():
        own = {n: m for n, m in top(kind).items() if n in typed.__required_keys__ and n not in common}  # type: ignore[attr-defined]
        lines += ["", f"## {kind} 另有的变量", ""] + _variables(kind, own, contexts.get(kind, {}))
    lines += ["", "## 版式文件 profile.yaml 的写法", ""] + _profile_keys()
    lines += ["", "## 各类对象的属性", ""]
    for tp in collector.types():
        sample = collector.samples.get(tp)
        lines += [f"### {tp.__name__}", "", "一行（字典），属性即键：" if is_typeddict(tp) else "对象的属性：", ""]
        lines += _table([(n, m.description, type_name(m.type), example(attribute(sample, n)) if sample is not None else "")
                         for n, m in (members(tp) or {}).items()], "属性") + [""]
    return "\n".join(lines).rstrip() + "\n"
