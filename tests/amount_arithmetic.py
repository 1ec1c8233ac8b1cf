"""Finds arithmetic on amounts outside generator/figures/, by the types mypy infers (run by tests/test_layout.py)."""
from __future__ import annotations

import sys


def decimal_typed(tp) -> bool:
    """Whether a mypy type is Decimal or a union holding it."""
    from mypy.types import Instance, UnionType, get_proper_type
    tp = get_proper_type(tp)
    if isinstance(tp, Instance):
        return tp.type.fullname == "decimal.Decimal"
    return isinstance(tp, UnionType) and any(decimal_typed(i) for i in tp.items)


def amount_arithmetic(types: dict, expression) -> str:
    """What arithmetic on amounts an expression does ("" for none): +, − or sum() on a Decimal, or × and ÷ of two
    amounts; scaling by a number (× 100, ÷ YUAN_PER_WAN, × an int) is a change of unit, not a figure."""
    from mypy.nodes import CallExpr, IntExpr, NameExpr, OpExpr
    if isinstance(expression, CallExpr) and isinstance(expression.callee, NameExpr) and expression.callee.name == "sum":
        return "sum" if decimal_typed(types.get(expression)) else ""
    if not isinstance(expression, OpExpr) or expression.op not in "+-*/":
        return ""
    operands = (expression.left, expression.right)
    if not any(decimal_typed(types.get(o)) for o in operands):
        return ""
    if expression.op in "*/":
        def scale(o) -> bool:
            return isinstance(o, IntExpr) or (isinstance(o, NameExpr) and o.name.isupper()) or not decimal_typed(types.get(o))
        return "" if any(scale(o) for o in operands) else expression.op
    return expression.op


def main() -> int:
    """Print each arithmetic on amounts outside figures/; 1 when there is any."""
    from mypy import build
    from mypy.main import process_options
    from mypy.server.subexpr import get_subexpressions
    files, options = process_options([])
    options.export_types, options.preserve_asts, options.incremental = True, True, False
    result = build.build(files, options)
    found = []
    for source in files:
        if source.path is None or "/figures/" in source.path or source.module == "generator.model.accounts":
            continue
        for expression in get_subexpressions(result.graph[source.module].tree):
            what = amount_arithmetic(result.types, expression)
            if what:
                found.append(f"{source.path}:{expression.line} {what}")
    print("\n".join(found) or f"checked {len(files)} modules: none")
    return 1 if found or not files else 0


if __name__ == "__main__":
    sys.exit(main())
