"""Checks the names a template uses against what its document provides: every variable, every attribute path
(d.…, unit.…, f.…, a loop's row), every filter; a misspelt one is reported with the closest name."""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

from jinja2 import nodes

from generator.tools.variables import Member, element, is_mapping, members, plain

UNKNOWN = None  # a value whose type is not described: any attribute of it passes


@dataclass(frozen=True)
class Slip:
    """An attribute or filter a template uses that does not exist: the expression and what to say."""

    expression: str
    message: str


class Walker:
    """Walks a template's syntax tree with the types of the names in scope, collecting slips."""

    def __init__(self, filters: set[str]) -> None:
        self.filters = filters
        self.slips: list[Slip] = []

    def visit(self, node: nodes.Node, scope: dict[str, Any]) -> None:
        """Check a node and everything below it."""
        if isinstance(node, nodes.For):
            self._for(node, scope)
        elif isinstance(node, nodes.Assign) and isinstance(node.target, nodes.Name):
            scope[node.target.name] = self.type_of(node.node, scope)
        elif isinstance(node, nodes.Macro):
            self._body(node.body, {**scope, **{a.name: UNKNOWN for a in node.args}})
        elif isinstance(node, nodes.Expr):
            self.type_of(node, scope)
        else:
            for child in node.iter_child_nodes():
                self.visit(child, scope)

    def _for(self, node: nodes.For, scope: dict[str, Any]) -> None:
        """A loop: its items typed as the elements of what it loops over."""
        item = element(self.type_of(node.iter, scope))
        inner = {**scope, "loop": UNKNOWN}
        targets = [node.target] if isinstance(node.target, nodes.Name) else list(node.target.find_all(nodes.Name))
        for target in targets:
            inner[target.name] = item if len(targets) == 1 else UNKNOWN
        if node.test is not None:
            self.type_of(node.test, inner)
        self._body(node.body, inner)
        self._body(node.else_, scope)

    def _body(self, body: list[nodes.Node], scope: dict[str, Any]) -> None:
        """Statements in order, in one scope."""
        for statement in body:
            self.visit(statement, scope)

    def type_of(self, node: nodes.Node, scope: dict[str, Any]) -> Any:
        """The type of an expression (checking it on the way), UNKNOWN when it cannot be told."""
        if isinstance(node, nodes.Name):
            return scope.get(node.name, UNKNOWN)
        if isinstance(node, nodes.Getattr):
            return self._attribute(node, node.attr, scope)
        if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
            return self._attribute(node, node.arg.value, scope)
        if isinstance(node, nodes.Getitem):
            self.type_of(node.arg, scope)
            return element(self.type_of(node.node, scope))
        if isinstance(node, nodes.Filter) and node.name not in self.filters:
            close = difflib.get_close_matches(node.name, sorted(self.filters), n=1, cutoff=0.5)
            self.slips.append(Slip(f"|{node.name}", f"没有名为“{node.name}”的过滤器。" + (f"是不是“{close[0]}”？" if close else "")))
        for child in node.iter_child_nodes():
            if isinstance(child, nodes.Expr):
                self.type_of(child, scope)
            else:
                self.visit(child, scope)
        return UNKNOWN

    def _attribute(self, node: nodes.Getattr | nodes.Getitem, name: str, scope: dict[str, Any]) -> Any:
        """The type of ``x.name``, or a slip when x's type is described and has no such attribute."""
        owner = self.type_of(node.node, scope)
        if owner is UNKNOWN:
            return UNKNOWN
        if is_mapping(owner):
            return element(owner)
        known = members(owner)
        if known is None:
            return UNKNOWN
        if name in known:
            return known[name].type
        if name.startswith("_") or not hasattr(plain(owner), name) or isinstance(getattr(plain(owner), name, None), property):
            self.slips.append(Slip(f"{path_of(node.node)}.{name}", unknown_attribute(path_of(node.node), name, known)))
        return UNKNOWN


def path_of(node: nodes.Node) -> str:
    """An expression as the template writes it (d.expenditure.lines), as far as it is a path."""
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{path_of(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem):
        return f"{path_of(node.node)}[…]"
    return "…"


def unknown_attribute(owner: str, name: str, known: dict[str, Member]) -> str:
    """The message for a misspelt attribute: the closest one, else what there is."""
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.5)
    hint = f"是不是“{owner}.{close[0]}”（{known[close[0]].description}）？" if close else f"可用：{'、'.join(list(known)[:12])}{'等' if len(known) > 12 else ''}。"
    return f"“{owner}”没有“{name}”。{hint}完整的列表见 templates/变量说明.md。"


def slips(tree: nodes.Template, variables: dict[str, Member], filters: set[str]) -> list[Slip]:
    """Every attribute and filter a template uses that does not exist."""
    walker = Walker(filters)
    walker._body(tree.body, {name: m.type for name, m in variables.items()})
    return list(dict.fromkeys(walker.slips))
