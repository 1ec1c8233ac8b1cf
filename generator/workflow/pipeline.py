"""The whole job for one unit-year: load → model → figures → checks → render → write."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from generator import TEMPLATES, checks
from generator.checks.requirements import Requirement, absent_in_data, absent_in_unit, primary
from generator.errors import ERROR, DataError, Finding, UsageError, UserError
from generator.figures.bundle import Bundle
from generator.figures.year import compute
from generator.filenames import inside, workbook_name
from generator.load.catalog import catalog
from generator.load.reader import Loaded, display_path, load_yaml
from generator.model import Unit, Year
from generator.model.sourcing import annotate, sourced
from generator.model.validation import fill, validate
from generator.pending import MARK
from generator.render.files import write_atomic
from generator.render.kinds import plan
from generator.workflow import previous, todo
from generator.workflow.discover import DATA, UNIT_FILE, Job, discover, year_files  # noqa: F401  (the pipeline's names)
from generator.workflow.layout import unit_layout


@dataclass
class Prepared:
    """A unit-year after loading and checking: the bundle (if usable) and every finding."""

    job: Job
    bundle: Optional[Bundle] = None
    findings: list[Finding] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    to_fill: list[Finding] = field(default_factory=list)  # a draft's: the facts it prints as 【待补充】 (not listed)

    @property
    def errors(self) -> list[Finding]:
        """The findings that block generation."""
        return [f for f in self.findings if f.is_error]


def check_output_dir(outdir: Path) -> None:
    """Refuse an output folder that holds data or templates, so generated files can never overwrite them."""
    out = outdir.resolve()
    if out.exists() and not out.is_dir():
        raise UserError(f"输出文件夹 {display_path(outdir)} 是一个文件，不是文件夹。请用 -o 指定一个文件夹（默认 out/），"
                        "或先把这个文件改名。")
    protected = [DATA.resolve(), TEMPLATES.resolve()]
    for folder in protected:
        if out == folder or folder in out.parents or out in folder.parents:
            raise UsageError(f"输出文件夹 {display_path(outdir)} 与 {display_path(folder)} 重叠：生成的文件可能覆盖数据或模板。请换一个输出文件夹（默认 out/）。")
    if out.is_dir() and any(p.suffix in (".yaml", ".yml") for p in out.rglob("*") if p.is_file()):
        raise UsageError(f"输出文件夹 {display_path(outdir)} 里有 YAML 数据文件。请换一个专门存放生成文档的文件夹。")


def prepare(job: Job, draft: bool = False) -> Prepared:
    """Load, validate, compute and check one unit-year; a draft fills missing facts with placeholders (and does not
    report them as the clerk's errors), a final run lists every fact left to fill."""
    result = Prepared(job)
    if job.problem:
        result.findings.append(Finding(display_path(job.unit_dir), 0, ERROR, "", job.problem))
        return result
    files = [load_yaml(job.unit_dir / UNIT_FILE), load_yaml(job.year_file)]
    _prepare(result, files[0], files[1], draft)
    if draft:
        result.findings, result.to_fill, count = todo.without_own_placeholders(result.findings, files)
        if count:
            result.skipped.append(f"{job.label}：草稿中有 {count} 处待补充，文档里显示为黄色的【待补充：…】；运行 check 可逐项列出。")
    else:
        for loaded in files:
            result.findings += todo.left_to_fill(loaded, result.findings)
    return result


def _prepare(result: Prepared, unit_loaded: Loaded, year_loaded: Loaded, draft: bool) -> None:
    """The steps of prepare: models, layout, requirements, previous year, figures, checks."""
    result.findings += unit_loaded.findings + year_loaded.findings
    if draft:
        todo.prefill(unit_loaded, Unit)
        todo.prefill(year_loaded, Year)
    unit = _model(Unit, unit_loaded, result, draft)
    layout, found = unit_layout(unit, result.job.unit_dir, unit_loaded) if unit else (None, [])
    result.findings += found
    own = primary(layout.primary) if layout else None
    if own and unit and not draft:
        result.findings += [unit_loaded.finding(path, _missing(own, path))
                            for path in absent_in_unit(own, unit)]
    if own and year_loaded.ok and isinstance(year_loaded.data, dict):
        result.findings += _required(year_loaded, own, draft)
    year = _model(Year, year_loaded, result, draft)
    if unit is None or year is None or layout is None:
        return
    sources = [*sourced(unit, unit_loaded).values(), *sourced(year, year_loaded).values()] if draft else []
    result.findings += previous.merge(year, year_loaded, draft)
    names = catalog().with_names(year.names_given(unit.code_names))
    if draft:  # a name still to give prints as one, never as its code
        names = names.with_names({code: MARK.format(f"{code}的科目名称") for code in names.unnamed(year.code_uses(), year.year)})
    bundle = Bundle(unit, year, compute(year, layout.rules), names, layout)
    result.findings += checks.run(bundle, year_loaded, unit_loaded)
    annotate(sources, result.findings)
    result.bundle = bundle


def _missing(own: Requirement, path: tuple) -> str:
    """The message for a fact the unit's own document needs and the data lacks."""
    return f"缺少“{'.'.join(path)}”：生成{own.kind}需要它。请补充，或用 generate --draft 先生成草稿。"


def _required(loaded: Loaded, own: Requirement, draft: bool) -> list[Finding]:
    """Findings for the facts the unit's own document needs (the requirements table); a draft gets placeholders."""
    out = []
    for path in absent_in_data(own, loaded.data):
        if draft:
            fill(Year, loaded.data, path)
            loaded.filled.add(path)
        else:
            out.append(loaded.finding(path, _missing(own, path)))
    return out


def _model(model, loaded: Loaded, result: Prepared, draft: bool):
    """A validated model, or None with its findings added to the result."""
    if not loaded.ok:
        return None
    obj, findings = validate(model, loaded, draft)
    result.findings += findings
    return obj


def generate(job: Job, outdir: Path, draft: bool = False, xlsx: bool = False, pdf: bool = False) -> tuple[Prepared, list[Path]]:
    """Check and render every document a unit-year's data allows (and, with xlsx, its tables' workbook); write them atomically.

    A draft renders despite missing facts and errors (they are still listed); otherwise any 错误 stops it.
    """
    prepared = prepare(job, draft)
    if prepared.bundle is None or (prepared.errors and not draft):
        raise DataError("数据有错误（见上面列出的错误），未生成文档。", prepared.findings)
    written = []
    target = outdir / job.unit_dir.name / str(prepared.bundle.year.year)
    asked = prepared.bundle.unit.companions is not None
    rendered: dict = {}  # the reports this unit-year's documents share
    for planned, bundle in plan(prepared.bundle, job.unit_dir):
        missing = planned.kind.missing(bundle)
        if missing:
            if (asked or not planned.companion) and not planned.kind.lacks(bundle):  # a default companion, or a form no
                # project has, the data cannot make is left out quietly
                prepared.skipped.append(f"{job.label}：未生成{planned.kind.name}，缺少：{'、'.join(missing)}")
            continue
        try:
            for output in planned.build(bundle, job.unit_dir, draft, rendered):
                path = inside(target, output.name)
                write_atomic(path, _commented(output.data) if draft and path.suffix == ".docx" else output.data)
                written.append(path)
        except UserError as exc:
            exc.written, exc.findings = written, prepared.findings + exc.findings
            raise
    workbook = target / workbook_name(prepared.bundle.year.year)
    if xlsx:
        from generator.excel.writer import workbook_bytes
        write_atomic(workbook, workbook_bytes(prepared.bundle, draft))
        written.append(workbook)
    stale = [p.with_suffix(".pdf") for p in written if p.suffix == ".docx" and not pdf] + ([] if xlsx else [workbook])
    prepared.skipped += remove_stale(job, stale)
    return prepared, written


def _commented(data: bytes) -> bytes:
    """A draft with its figures' comments (render.comments, imported on first use: checking needs no renderer)."""
    from generator.render.comments import with_comments
    return with_comments(data)


def remove_stale(job: Job, paths: list[Path]) -> list[str]:
    """Remove last run's PDFs and workbook beside documents made again without them: their figures may be old."""
    removed = []
    for path in paths:
        if path.is_file():
            path.unlink()
            removed.append(f"{job.label}：已删除上次导出的 {path.name}（文档已重新生成，它的数字可能已过时；需要时加 {'--pdf' if path.suffix == '.pdf' else '--xlsx'} 重新导出）")
    return removed
