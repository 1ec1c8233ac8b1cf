"""The document kinds: which template each uses, what facts it needs, and its output name."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from generator import ROOT
from generator.contexts import common as contexts
from generator.figures.bundle import Bundle

TEMPLATES = ROOT / "templates"


@dataclass(frozen=True)
class Output:
    """One document to write: its file name and bytes."""

    name: str
    data: bytes


def template_path(kind: str, bundle: Bundle, unit_dir: Path, layouts: tuple[str, ...]) -> Path:
    """The unit's own template for a kind if it names one, else the default for its layout."""
    custom = bundle.unit.templates.get(kind)
    if custom:
        return (unit_dir / custom).resolve()
    layout = bundle.unit.layout if bundle.unit.layout in layouts else layouts[0]
    return TEMPLATES / kind / f"{layout}.docx"


@dataclass(frozen=True)
class Kind:
    """A document kind: its name, the layouts it exists in, what it needs and how it renders."""

    name: str
    layouts: tuple[str, ...]
    missing: Callable[[Bundle], list[str]]
    build: Callable[["Kind", Bundle, Path, bool], list[Output]]
    requires: tuple[tuple[str, ...], ...] = ()


def render(*args, **kwargs) -> bytes:
    """rendering.render, imported on first use (checking data needs no docxtpl)."""
    from generator.render.docx import render as render_docx
    return render_docx(*args, **kwargs)


def _memo(bundle: Bundle, key: tuple, make: Callable[[], bytes]) -> bytes:
    """A rendered document kept with the bundle, so an annex is not rendered twice."""
    cache = bundle.__dict__.setdefault("_rendered", {})
    if key not in cache:
        cache[key] = make()
    return cache[key]


def _overall_bytes(bundle: Bundle, unit_dir: Path, draft: bool) -> bytes:
    """The rendered 部门整体支出绩效评价报告."""
    path = template_path(OVERALL.name, bundle, unit_dir, OVERALL.layouts)
    return _memo(bundle, ("overall", draft), lambda: render(path, contexts.overall_evaluation(bundle), draft=draft))


def _project_reports(bundle: Bundle, unit_dir: Path, draft: bool) -> list[tuple[int, bytes]]:
    """(project index, rendered 项目支出绩效评价报告) for each project that has a report."""
    path = template_path(PROJECT.name, bundle, unit_dir, PROJECT.layouts)
    return [(i, _memo(bundle, ("project", i, draft), lambda i=i: render(path, contexts.project_report(bundle, i), draft=draft)))
            for i, p in enumerate(bundle.year.projects) if p.evaluation is not None]


def _build_final(kind: Kind, bundle: Bundle, unit_dir: Path, draft: bool) -> list[Output]:
    """The 部门决算说明 with its annexes embedded."""
    annexes: list[tuple[str | None, bytes]] = []
    if not OVERALL.missing(bundle):
        annexes.append((None, _overall_bytes(bundle, unit_dir, draft)))
    for i, data in _project_reports(bundle, unit_dir, draft):
        annexes.append((bundle.year.projects[i].name, data))
    listing = [{"number": n, "key": f"annex{n}", "project": name} for n, (name, _) in enumerate(annexes, 1)]
    subdocs = {a["key"]: data for a, (_, data) in zip(listing, annexes)}
    ctx = contexts.final_accounts(bundle, listing)
    path = template_path(kind.name, bundle, unit_dir, kind.layouts)
    data = render(path, ctx, subdocs, draft)
    return [Output(f"{bundle.year.year}年度部门决算说明.docx", data)]


def _build_overall(kind: Kind, bundle: Bundle, unit_dir: Path, draft: bool) -> list[Output]:
    """The standalone 部门整体支出绩效评价报告."""
    return [Output(f"{bundle.year.year}年部门整体支出绩效评价报告.docx", _overall_bytes(bundle, unit_dir, draft))]


def _build_projects(kind: Kind, bundle: Bundle, unit_dir: Path, draft: bool) -> list[Output]:
    """One standalone 项目支出绩效评价报告 per project with a report."""
    return [Output(f"{bundle.year.year}年项目支出绩效评价报告（{bundle.year.projects[i].evaluation.title}）.docx", data)
            for i, data in _project_reports(bundle, unit_dir, draft)]


def missing_paths(bundle: Bundle, paths: tuple[tuple[str, ...], ...]) -> list[str]:
    """The required YAML key paths whose value the year does not have."""
    return [".".join(p) for p in paths if value_at(bundle.year, p) is None]


def value_at(model, path: tuple[str, ...]):
    """The value at a path of YAML keys in a model, None when absent."""
    for key in path:
        fields = {f.alias or n: n for n, f in type(model).model_fields.items()}
        model = getattr(model, fields[key], None)
        if model is None:
            return None
    return model


def _build_self_evaluation(kind: Kind, bundle: Bundle, unit_dir: Path, draft: bool) -> list[Output]:
    """The 部门整体支出绩效自评报告 with its 自评表."""
    path = template_path(kind.name, bundle, unit_dir, kind.layouts)
    return [Output(f"{bundle.year.year}年度部门整体支出绩效自评报告.docx", render(path, contexts.self_evaluation_report(bundle), draft=draft))]


FINAL_NEEDS = (("实有人数",), ("经济分类",))
FINAL = Kind("部门决算说明", ("四川",), lambda b: missing_paths(b, FINAL_NEEDS), _build_final, FINAL_NEEDS)
def _needs_overall(bundle: Bundle) -> list[str]:
    """Facts the 部门整体支出绩效评价报告 cannot do without."""
    year = bundle.year
    needs = [("实有人数", year.staff), ("整体支出绩效评价 或 整体支出自评", year.overall_evaluation or year.self_evaluation)]
    return [key for key, value in needs if value is None]


OVERALL = Kind("部门整体支出绩效评价报告", ("四川",), _needs_overall, _build_overall)
PROJECT = Kind("项目支出绩效评价报告", ("四川",), lambda b: [], _build_projects)
SELF_NEEDS = (("实有人数",), ("预算",), ("整体支出自评",))
SELF = Kind("部门整体支出绩效自评报告", ("湖南",), lambda b: missing_paths(b, SELF_NEEDS), _build_self_evaluation, SELF_NEEDS)
def _build_national(kind: Kind, bundle: Bundle, unit_dir: Path, draft: bool) -> list[Output]:
    """The national-layout 部门决算 with its nine tables, as far as the data allows."""
    from generator.contexts.national import national
    from generator.figures.tables import missing_facts
    path = template_path(kind.name, bundle, unit_dir, kind.layouts)
    suffix = "" if bundle.unit.layout == "全国" else "（全国版式）"
    # a unit publishing in another layout gets this one as a draft when it lacks facts the layout needs
    draft = draft or (bool(suffix) and bool(missing_facts(bundle.year)))
    return [Output(f"{bundle.year.year}年度部门决算{suffix}.docx", render(path, national(bundle), draft=draft))]


NATIONAL_NEEDS = (("实有人数",), ("基本支出明细",))
NATIONAL = Kind("部门决算", ("全国",), lambda b: [], _build_national, NATIONAL_NEEDS)
KINDS = [FINAL, OVERALL, PROJECT, SELF, NATIONAL]
PRIMARY = {"四川": FINAL, "湖南": SELF, "全国": NATIONAL}


RENDER_NAMES = {"subdocs", "draft", "draft_mark"}


def _first_report(bundle: Bundle) -> int:
    """Index of the first project with an evaluation report (context of a 项目支出绩效评价报告)."""
    return next(i for i, p in enumerate(bundle.year.projects) if p.evaluation is not None)


def _national_context(bundle: Bundle):
    """The national 部门决算's variables."""
    from generator.contexts.national import national
    return national(bundle)


CONTEXTS = {
    NATIONAL.name: _national_context,
    FINAL.name: lambda b: contexts.final_accounts(b, []),
    OVERALL.name: contexts.overall_evaluation,
    PROJECT.name: lambda b: contexts.project_report(b, _first_report(b)),
    SELF.name: contexts.self_evaluation_report,
}


def context_names(kind: str, bundles: list[Bundle]) -> set[str]:
    """The variable names a kind's templates can use, taken from a real context built on sample data."""
    for bundle in bundles:
        try:
            return set(CONTEXTS[kind](bundle)) | RENDER_NAMES
        except (StopIteration, AttributeError, TypeError):
            continue
    return set()
