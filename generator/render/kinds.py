"""The document kinds and how each renders; which of them a unit gets is its layout's profile (model.layouts)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from generator.checks import requirements as names
from generator.checks.requirements import REQUIREMENTS, renders_as_draft, skipped_for
from generator.contexts import common as contexts
from generator.contexts import project_form as form_contexts
from generator.figures.bundle import Bundle
from generator.filenames import name_from, project_report_names
from generator.model.layouts import Document, resolve


@dataclass(frozen=True)
class Output:
    """One document to write: its file name and bytes."""

    name: str
    data: bytes


@dataclass(frozen=True)
class Planned:
    """A document a unit-year gets: its kind, the layout's entry for it, and whether it is another layout's companion."""

    kind: Kind
    document: Document
    companion: bool = False

    @property
    def pattern(self) -> str:
        """The output file name pattern ({年度}, {标题})."""
        return self.document.companion_name if self.companion else self.document.name

    def build(self, bundle: Bundle, unit_dir: Path, draft: bool, cache: dict | None = None) -> list[Output]:
        """The rendered document(s), in the layout the document belongs to; ``cache`` keeps the reports a unit-year's
        documents share (an annex is rendered once)."""
        return self.kind.build(self, Made(bundle, unit_dir, draft, {} if cache is None else cache))


def template_path(kind: str, bundle: Bundle, unit_dir: Path, document: Document) -> Path:
    """The unit's own template for a kind if it names one, else the layout's."""
    custom = bundle.unit.templates.get(kind)
    return (unit_dir / custom).resolve() if custom else document.template


@dataclass(frozen=True)
class Made:
    """What one rendering works from: the unit-year, its folder, draft or final, and the reports already rendered."""

    bundle: Bundle
    unit_dir: Path
    draft: bool
    cache: dict


@dataclass(frozen=True)
class Kind:
    """A document kind: its name and how it renders (what it needs: checks.requirements)."""

    name: str
    build: Callable[[Planned, Made], list[Output]]
    lacks: Callable[[Bundle], list[str]] = lambda bundle: []  # facts beyond the requirements table's, e.g. inside each project

    def missing(self, bundle: Bundle) -> list[str]:
        """The facts whose absence skips this kind for the unit (from the requirements table)."""
        return skipped_for(REQUIREMENTS[self.name], bundle.year, bundle.unit) + self.lacks(bundle)


def render(*args, **kwargs) -> bytes:
    """render.document.render, imported on first use (checking data needs no docxtpl)."""
    from generator.render.document import render as render_document
    return render_document(*args, **kwargs)


def _memo(made: Made, key: tuple, make: Callable[[], bytes]) -> bytes:
    """A rendered report kept for the unit-year's other documents, so an annex is not rendered twice."""
    key = (made.bundle.layout.name, made.draft, *key)
    if key not in made.cache:
        made.cache[key] = make()
    return made.cache[key]


def _named(planned: Planned, bundle: Bundle, data: bytes) -> list[Output]:
    """One document under the name its layout gives it."""
    return [Output(name_from(planned.pattern, 年度=str(bundle.year.year)), data)]


def _overall_bytes(made: Made, document: Document) -> bytes:
    """The rendered 部门整体支出绩效评价报告."""
    path = template_path(names.OVERALL, made.bundle, made.unit_dir, document)
    return _memo(made, ("overall",), lambda: render(path, contexts.overall_evaluation(made.bundle), draft=made.draft))


def _project_reports(made: Made, document: Document) -> list[tuple[int, bytes]]:
    """(project index, rendered 项目支出绩效评价报告) for each project that has a report."""
    path = template_path(names.PROJECT, made.bundle, made.unit_dir, document)
    return [(i, _memo(made, ("project", i), partial(_project_bytes, path, made.bundle, i, made.draft)))
            for i, p in enumerate(made.bundle.year.projects) if p.evaluation is not None]


def _project_bytes(path: Path, bundle: Bundle, index: int, draft: bool) -> bytes:
    """One rendered 项目支出绩效评价报告."""
    return render(path, contexts.project_report(bundle, index), draft=draft)


def _annexes(made: Made) -> list[tuple[str | None, bytes]]:
    """The reports the layout embeds in its 部门决算说明: (project name or None for the overall report, bytes)."""
    bundle = made.bundle
    overall, project = bundle.layout.document(names.OVERALL), bundle.layout.document(names.PROJECT)
    annexes: list[tuple[str | None, bytes]] = []
    if overall and not OVERALL.missing(bundle):
        annexes.append((None, _overall_bytes(made, overall)))
    for i, data in _project_reports(made, project) if project else []:
        annexes.append((bundle.year.projects[i].name, data))
    return annexes


def _build_final(planned: Planned, made: Made) -> list[Output]:
    """The 部门决算说明 with its annexes embedded."""
    annexes = _annexes(made)
    listing = [{"number": n, "key": f"annex{n}", "project": name} for n, (name, _) in enumerate(annexes, 1)]
    subdocs = {a["key"]: data for a, (_, data) in zip(listing, annexes)}
    ctx = contexts.final_accounts(made.bundle, listing)
    path = template_path(planned.kind.name, made.bundle, made.unit_dir, planned.document)
    return _named(planned, made.bundle, render(path, ctx, subdocs, made.draft))


def _build_overall(planned: Planned, made: Made) -> list[Output]:
    """The standalone 部门整体支出绩效评价报告."""
    return _named(planned, made.bundle, _overall_bytes(made, planned.document))


def _build_projects(planned: Planned, made: Made) -> list[Output]:
    """One standalone 项目支出绩效评价报告 per project with a report, each under its own safe file name."""
    reports = _project_reports(made, planned.document)
    year = made.bundle.year
    file_names = project_report_names(planned.pattern, year.year, year.report_titles())
    return [Output(name, data) for name, (_, data) in zip(file_names, reports)]


def _build_project_forms(planned: Planned, made: Made) -> list[Output]:
    """One 项目支出绩效自评表 per project that has a 自评表, each under its own safe file name."""
    path = template_path(planned.kind.name, made.bundle, made.unit_dir, planned.document)
    year = made.bundle.year
    chosen = form_contexts.forms(made.bundle)
    file_names = project_report_names(planned.pattern, year.year, [(year.projects[i].name,) * 2 for i in chosen])
    return [Output(name, render(path, form_contexts.project_form(made.bundle, i), draft=made.draft))
            for name, i in zip(file_names, chosen)]


def _build_self_evaluation(planned: Planned, made: Made) -> list[Output]:
    """The 部门整体支出绩效自评报告 with its 自评表."""
    path = template_path(planned.kind.name, made.bundle, made.unit_dir, planned.document)
    return _named(planned, made.bundle, render(path, contexts.self_evaluation_report(made.bundle), draft=made.draft))


def _build_national(planned: Planned, made: Made) -> list[Output]:
    """The national-layout 部门决算 with its nine tables, as far as the data allows."""
    from generator.contexts.national import national
    path = template_path(planned.kind.name, made.bundle, made.unit_dir, planned.document)
    draft = made.draft or renders_as_draft(REQUIREMENTS[planned.kind.name], made.bundle, not planned.companion)
    return _named(planned, made.bundle, render(path, national(made.bundle), draft=draft))


FINAL = Kind(names.FINAL, _build_final)
OVERALL = Kind(names.OVERALL, _build_overall)
PROJECT = Kind(names.PROJECT, _build_projects)
SELF = Kind(names.SELF, _build_self_evaluation)
NATIONAL = Kind(names.NATIONAL, _build_national)
PROJECT_FORM = Kind(names.PROJECT_FORM, _build_project_forms, lambda b: [] if form_contexts.forms(b) else ["项目.自评表"])
KINDS = {k.name: k for k in (FINAL, OVERALL, PROJECT, SELF, NATIONAL, PROJECT_FORM)}


def plan(bundle: Bundle, unit_dir: Path) -> list[tuple[Planned, Bundle]]:
    """The documents a unit-year gets, each with the bundle it renders from: its layout's own, then the companions
    (another layout's documents, rendered in that layout)."""
    out = [(Planned(KINDS[d.kind], d), bundle) for d in bundle.layout.documents]
    for spec in bundle.layout.companions:
        name, _, kind = spec.partition("/")
        other = resolve(name, unit_dir)
        document = other.document(kind)
        if document is not None:
            out.append((Planned(KINDS[kind], document, companion=True), bundle.in_layout(other)))
    return out


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
    PROJECT_FORM.name: lambda b: form_contexts.project_form(b, form_contexts.forms(b)[0]),
}
