"""A unit's layout for a run: its profile with the unit's overrides and the companion documents it gets, every problem
a located finding (an unknown layout, a wrong profile, a document kind or companion that does not exist)."""
from __future__ import annotations

import difflib
from dataclasses import replace
from pathlib import Path
from typing import Optional

from generator.checks.requirements import KIND_NAMES
from generator.errors import DataError, Finding
from generator.load.reader import Loaded, load_yaml
from generator.model import Unit
from generator.model.layouts import Document, Layout, default_name, resolve


def unit_layout(unit: Unit, unit_dir: Path, unit_file: Loaded) -> tuple[Optional[Layout], list[Finding]]:
    """The layout a unit uses, with its 版式选项 and 附带文档 applied; None and findings when it cannot be used."""
    name = unit.layout or default_name()
    try:
        layout = resolve(name, unit_dir).with_options(unit.layout_options)
    except DataError as exc:
        return None, exc.findings + [unit_file.finding(("版式",), exc.message)]
    findings = kind_findings(layout)
    companions = list(unit.companions) if unit.companions is not None else list(layout.companions)
    for i, spec in enumerate(companions):
        problem = companion_problem(spec, unit_dir)
        if problem:
            path = ("附带文档", i) if unit.companions is not None else ("版式",)
            findings.append(unit_file.finding(path, problem))
    if findings:
        return None, findings
    return replace(layout, companions=tuple(companions)), []


def kind_findings(layout: Layout) -> list[Finding]:
    """A profile's documents of kinds the toolkit does not make, templates it lacks and file names it cannot fill,
    located in its profile.yaml."""
    problems = [p for d in layout.documents for p in _document_problems(d)]
    if layout.primary and layout.primary not in KIND_NAMES:
        problems.append((("主文档",), f"不认识的文档种类“{layout.primary}”。可用：{'、'.join(KIND_NAMES)}"))
    if not problems:
        return []
    profile = load_yaml(layout.profile)
    return [profile.finding(where, message) for where, message in problems]


def _document_problems(document: Document) -> list[tuple[tuple, str]]:
    """(path in profile.yaml, message) for each problem of one document entry."""
    where: tuple = ("文档", document.kind)
    out = []
    if document.kind not in KIND_NAMES:
        close = difflib.get_close_matches(document.kind, KIND_NAMES, n=1, cutoff=0.3)
        out.append((where, f"不认识的文档种类“{document.kind}”。" + (f"是不是“{close[0]}”？" if close else f"可用：{'、'.join(KIND_NAMES)}")))
    elif not document.template.is_file():
        out.append((where + ("模板",), f"找不到模板文件 {document.template.name}（相对于 profile.yaml 所在的文件夹）。"))
    for pattern in {document.name, document.companion_name}:
        try:
            pattern.format(年度="2024", 标题="标题")
        except (KeyError, IndexError, ValueError):
            out.append((where + ("文件名",), f"文件名“{pattern}”里只能用 {{年度}} 和 {{标题}} 两个占位符。"))
    return out


def companion_problem(spec: str, unit_dir: Path) -> Optional[str]:
    """What is wrong with a companion written as 版式/文档种类, or None."""
    name, _, kind = spec.partition("/")
    try:
        other = resolve(name, unit_dir)
    except DataError as exc:
        return f"附带文档“{spec}”：{exc.message}"
    if other.document(kind) is None:
        return f"附带文档“{spec}”：版式“{name}”没有“{kind}”。它的文档：{'、'.join(d.kind for d in other.documents)}。写法是“版式/文档种类”。"
    return None
