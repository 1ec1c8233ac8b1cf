"""The document kinds: which template each uses, what facts it needs, and its output name."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from generator import ROOT
from generator.checks import requirements as names
from generator.checks.requirements import REQUIREMENTS, renders_as_draft, skipped_for
from generator.contexts import common as contexts
from generator.figures.bundle import Bundle
from generator.filenames import project_report_names

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
    """A document kind: its name, the layouts it exists in and how it renders (what it needs: checks.requirements)."""

    name: str
    layouts: tuple[str, ...]
    build: Callable[[Kind, Bundle, Path, bool], list[Output]]

    def missing(self, bundle: Bundle) -> list[str]:
        """The facts whose absence skips this kind for the unit (from the requirements table)."""
        return skipped_for(REQUIREMENTS[self.name], bundle.year, bundle.unit)


def render(*args, **kwargs) -> bytes:
    """render.document.render, imported on first use (checking data needs no docxtpl)."""
    from generator.render.document import render as render_document
    return render_document(*args, **kwargs)


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
    return [(i, _memo(bundle, ("project", i, draft), partial(_project_bytes, path, bundle, i, draft)))
            for i, p in enumerate(bundle.year.projects) if p.evaluation is not None]


def _project_bytes(path: Path, bundle: Bundle, index: int, draft: bool) -> bytes:
    """One rendered 项目支出绩效评价报告."""
    return render(path, contexts.project_report(bundle, index), draft=draft)


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
    """One standalone 项目支出绩效评价报告 per project with a report, each under its own safe file name."""
    reports = _project_reports(bundle, unit_dir, draft)
    names = project_report_names(bundle.year.year, bundle.year.report_titles())
    return [Output(name, data) for name, (_, data) in zip(names, reports)]


def _build_self_evaluation(kind: Kind, bundle: Bundle, unit_dir: Path, draft: bool) -> list[Output]:
    """The 部门整体支出绩效自评报告 with its 自评表."""
    path = template_path(kind.name, bundle, unit_dir, kind.layouts)
    return [Output(f"{bundle.year.year}年度部门整体支出绩效自评报告.docx", render(path, contexts.self_evaluation_report(bundle), draft=draft))]


FINAL = Kind(names.FINAL, ("四川",), _build_final)
OVERALL = Kind(names.OVERALL, ("四川",), _build_overall)
PROJECT = Kind(names.PROJECT, ("四川",), _build_projects)
SELF = Kind(names.SELF, ("湖南",), _build_self_evaluation)


def _build_national(kind: Kind, bundle: Bundle, unit_dir: Path, draft: bool) -> list[Output]:
    """The national-layout 部门决算 with its nine tables, as far as the data allows."""
    from generator.contexts.national import national
    path = template_path(kind.name, bundle, unit_dir, kind.layouts)
    own = bundle.unit.layout == "全国"
    suffix = "" if own else "（全国版式）"
    draft = draft or renders_as_draft(REQUIREMENTS[kind.name], bundle, own)
    return [Output(f"{bundle.year.year}年度部门决算{suffix}.docx", render(path, national(bundle), draft=draft))]


NATIONAL = Kind(names.NATIONAL, ("全国",), _build_national)
KINDS = [FINAL, OVERALL, PROJECT, SELF, NATIONAL]


def _first_report(bundle: Bundle) -> int:
    """Index of the first project with an evaluation report (context of a 项目支出绩效评价报告)."""
    return next(i for i, p in enumerate(bundle.year.projects) if p.evaluation is not None)


def _national_context(bundle: Bundle):
    """The national 部门决算's variables."""
    from generator.contexts.national import national
    return national(bundle)


# Each kind's context built from a bundle (the variables contexts.types documents).
CONTEXTS = {
    NATIONAL.name: _national_context,
    FINAL.name: lambda b: contexts.final_accounts(b, []),
    OVERALL.name: contexts.overall_evaluation,
    PROJECT.name: lambda b: contexts.project_report(b, _first_report(b)),
    SELF.name: contexts.self_evaluation_report,
}
