"""The code's shape: stage packages import only downward, small modules and functions, ruff and mypy clean."""
from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "generator"


def module_name(path: Path) -> str:
    """The dotted name of a module file under generator/."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports(name: str) -> set[str]:
    """The generator modules a module imports, at top level or inside functions."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            candidates = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            candidates = [a.name for a in node.names]
        else:
            continue
        found.update(c for c in candidates if c in MODULES and c != name)
    return found


def test_imports_are_absolute():
    relative = [str(p.relative_to(ROOT)) for p in MODULES.values()
                if any(isinstance(n, ast.ImportFrom) and n.level for n in ast.walk(ast.parse(p.read_text(encoding="utf-8"))))]
    assert not relative, relative


def test_no_import_cycle():
    graph = {name: imports(name) for name in MODULES}
    done: set[str] = set()

    def visit(name: str, stack: list[str]) -> None:
        if name in stack:
            pytest.fail("import cycle: " + " → ".join(stack[stack.index(name):] + [name]))
        if name in done:
            return
        for dep in sorted(graph[name]):
            visit(dep, stack + [name])
        done.add(name)
    for name in graph:
        visit(name, [])


def test_no_import_cycle_between_packages():
    """Counting imports inside functions: a package that imports another is never imported back by it."""
    package = {name: ".".join(name.split(".")[:2]) for name in MODULES}
    graph: dict[str, set[str]] = {}
    for name in MODULES:
        graph.setdefault(package[name], set()).update(package[d] for d in imports(name) if package[d] != package[name])

    def reach(start: str) -> set[str]:
        seen, todo = set(), [start]
        while todo:
            for nxt in graph.get(todo.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen
    cycles = sorted(f"{a} → {b}" for a in graph for b in graph[a] if a in reach(b))
    assert not cycles, cycles


@pytest.mark.parametrize("stage", ["generator.checks", "generator.figures", "generator.model", "generator.load"])
def test_lower_stages_do_not_import_higher_ones(stage):
    higher = {"generator.checks": ("contexts", "render", "workflow", "excel", "tools"),
              "generator.figures": ("checks", "contexts", "render", "workflow", "excel", "tools"),
              "generator.model": ("figures", "checks", "contexts", "render", "workflow", "excel", "tools"),
              "generator.load": ("model", "figures", "checks", "contexts", "render", "workflow", "excel", "tools")}[stage]
    wrong = {name: sorted(d for d in imports(name) if "." in d and d.split(".")[1] in higher)
             for name in MODULES if name.startswith(stage)}
    assert not {k: v for k, v in wrong.items() if v}


def test_modules_and_functions_are_small():
    big = [f"{p.relative_to(ROOT)}: {n} lines" for p in MODULES.values() if (n := len(p.read_text(encoding="utf-8").splitlines())) > 300]
    long = [f"{p.relative_to(ROOT)}:{node.lineno} {node.name}: {node.end_lineno - node.lineno + 1} lines"
            for p in MODULES.values() for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno + 1 > 40]
    assert not big and not long, big + long


def run_tool(*args: str) -> subprocess.CompletedProcess:
    """A lint tool of the test extra, run on the project (fails, never skips, when it is not installed)."""
    if shutil.which(args[0]) is None and not (Path(sys.executable).parent / args[0]).exists():
        pytest.fail(f"{args[0]} is not installed: pip install -c constraints.txt '.[test]'")
    return subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True, cwd=ROOT)


def test_ruff_is_clean():
    result = run_tool("ruff", "check", "generator", "cli.py")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean():
    result = run_tool("mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_closed_word_sets_are_enums():
    """Severity, a requirement's outcome, a table's shape and a comparison with the budget are enums, not loose strings."""
    from enum import Enum

    from generator.checks.requirements import REQUIREMENTS, Otherwise
    from generator.errors import Finding, Severity
    from generator.excel.shapes import SHAPES, ShapeKind
    from generator.figures.core import Comparison, compared
    assert all(issubclass(e, Enum) for e in (Severity, Otherwise, ShapeKind, Comparison))
    assert all(isinstance(r.otherwise, Otherwise) for r in REQUIREMENTS.values())
    assert all(isinstance(s.kind, ShapeKind) for s in SHAPES)
    assert isinstance(compared(1, 2), Comparison) and f"{compared(2, 1)}" == "大于"
    assert Finding("f", 1, Severity.ERROR, "p", "m").render() == "f:1: 错误: p: m"


def test_the_render_stage_writes_into_no_bundle_or_figures():
    """No module under render/ assigns an attribute of a bundle or figures object, or reaches into an object's __dict__."""
    offenders = []
    for name, path in MODULES.items():
        if not name.startswith("generator.render"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, (ast.AugAssign, ast.AnnAssign)) else []
            for target in targets:
                if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id in ("bundle", "figures", "figs"):
                    offenders.append(f"{name}:{node.lineno}")
            if isinstance(node, ast.Attribute) and node.attr == "__dict__":
                offenders.append(f"{name}:{node.lineno} __dict__")
    assert not offenders, offenders


def test_each_fact_list_is_spelt_in_one_place():
    """The income sources, the non-fiscal sources and kinds and the 三公 items are declared by the model's fields; no
    module writes one of these lists out again (a literal holding all, or all but one, of its field names or keys)."""
    from generator.model.accounts import INCOME_SOURCES, NON_FISCAL_KINDS, NON_FISCAL_SOURCES
    from generator.model.matters import THREE_PUBLIC_PARTS
    pairs = (("income", INCOME_SOURCES), ("non-fiscal income", NON_FISCAL_SOURCES), ("non-fiscal kinds", NON_FISCAL_KINDS),
             ("三公", THREE_PUBLIC_PARTS))
    lists = {f"{name} ({side})": {pair[side] for pair in facts} for name, facts in pairs for side in (0, 1)}
    retyped = []
    for name, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.List, ast.Tuple, ast.Set, ast.Dict)):
                items = node.keys if isinstance(node, ast.Dict) else node.elts
                words = {i.value for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str)}
                retyped += [f"{name}:{node.lineno} {fact}" for fact, keys in lists.items() if len(words & keys) >= max(len(keys) - 1, 3)]
    assert not retyped, retyped



def test_no_arithmetic_on_amounts_outside_figures():
    """Every sum, difference and product of amounts (Decimal, as mypy infers the types) is made under figures/;
    other stages call figures (figures.sums for plain totals and gaps). The one exception is the model's validator
    filling a line's 决算数 from its 基本支出 and 项目支出: the model sits below figures. (In a process of its own:
    mypy's typed trees take about 700 MB.)"""
    result = subprocess.run([sys.executable, str(ROOT / "tests" / "amount_arithmetic.py")], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0 and "checked" in result.stdout, result.stdout + result.stderr
