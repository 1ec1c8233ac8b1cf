"""The review list a reviewer reads in a minute, in Markdown and Word: the figures that changed against last year by
more than a threshold, each with its stated reason or 【未说明原因】, then every warning `check` gave."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from generator.checks.review import AMOUNT, RATE, Changed, changed
from generator.errors import DataError, Finding, UsageError
from generator.filenames import inside
from generator.formatting import growth_word, increase_word, money, percent, score
from generator.load.reader import load_yaml
from generator.render.files import write_atomic
from generator.workflow.pipeline import Job, discover, prepare

UNEXPLAINED = "【未说明原因】"
COLUMNS = ("数字", "{year}年", "{last}年", "增减", "幅度", "原因")
WIDTHS_CM = (3.0, 2.2, 2.2, 2.4, 2.0, 4.2)  # the reason column takes what the figures leave of an A4 line


def review_job(unit_dir: Path, year: int | None) -> Job:
    """The unit-year a review is asked for: the year given, else the unit's latest year."""
    jobs = [j for j in discover([unit_dir]) if j.unit_dir.resolve() == unit_dir.resolve() or j.year_file == unit_dir]
    if len({j.unit_dir for j in jobs}) != 1:
        raise UsageError(f"{unit_dir} 不是一个单位文件夹（里面应有 unit.yaml 和年度文件）。请写出一个单位文件夹，例如 data/某单位。")
    chosen = [j for j in jobs if year is None or j.year_file.stem == str(year)]
    if not chosen:
        raise UsageError(f"{unit_dir} 里没有 {year} 年的年度文件。有：{'、'.join(j.year_file.name for j in jobs)}。")
    return chosen[-1]


def thresholds(rate: str, amount: str) -> tuple[Decimal, Decimal]:
    """The two thresholds as typed (百分数 and 万元), checked."""
    try:
        values = Decimal(rate.rstrip("%％")) / 100, Decimal(amount)
    except ArithmeticError:
        values = None
    if values is None or not all(v.is_finite() and v >= 0 for v in values):
        raise UsageError(f"--rate 和 --amount 应是不小于 0 的数字（例如 --rate 10 --amount 1），写的是 {rate} 和 {amount}。")
    return values


def review(job: Job, outdir: Path, rate: Decimal = RATE, amount: Decimal = AMOUNT) -> list[Path]:
    """Write a unit-year's review list as .md and .docx; the paths written."""
    prepared = prepare(job)
    if prepared.bundle is None:
        raise DataError("数据有错误（见上面列出的错误），不能列出审阅清单。", prepared.findings)
    bundle = prepared.bundle
    rows = changed(bundle, load_yaml(job.year_file), rate, amount)
    warnings = [f for f in prepared.findings if not f.placeholder]
    title = f"{bundle.unit.name}{bundle.year.year}年度审阅清单"
    known = any(c.known for c in bundle.figures.changes.values())
    lead = _lead(bundle.year.year, rows, warnings, rate, amount, known)
    target = outdir / job.unit_dir.name / str(bundle.year.year)
    markdown, document = inside(target, f"{bundle.year.year}年度审阅清单.md"), inside(target, f"{bundle.year.year}年度审阅清单.docx")
    table = [[c.format(year=bundle.year.year, last=bundle.year.year - 1) for c in COLUMNS]] + [_row(r) for r in rows]
    write_atomic(markdown, _markdown(title, lead, table, warnings).encode("utf-8"))
    write_atomic(document, _docx(title, lead, table, warnings))
    return [markdown, document]


def _lead(year: int, rows: list[Changed], warnings: list[Finding], rate: Decimal, amount: Decimal, known: bool) -> str:
    """The opening sentence: what is listed and how many."""
    if not known:
        return f"没有{year - 1}年的数字（上年文件或“上年:”），无法与上年比较；check 的提示 {len(warnings)} 条。"
    unexplained = sum(r.reason is None for r in rows)
    return (f"与{year - 1}年相比，增减超过{percent(rate)}且超过{score(amount)}万元的数字 {len(rows)} 个"
            f"（其中未说明原因的 {unexplained} 个）；check 的提示 {len(warnings)} 条。")


def _row(row: Changed) -> list[str]:
    """One changed figure as table cells."""
    c = row.change
    delta = c.delta if c.delta is not None else Decimal(0)
    rate = f"{growth_word(delta)}{percent(c.rate)}" if c.rate is not None else "上年为 0"
    reason = f"{row.reason}（{row.where}）" if row.reason else f"{UNEXPLAINED}（应写在 {row.where}）" if row.where else UNEXPLAINED
    return [row.label, money(c.current), money(c.previous), f"{increase_word(delta)}{money(abs(delta))}", rate, reason]


def _markdown(title: str, lead: str, table: list[list[str]], warnings: list[Finding]) -> str:
    """The list as Markdown."""
    lines = [f"# {title}", "", lead, "", "## 一、与上年相比变动较大的数字", ""]
    if len(table) > 1:
        cells = [[cell.replace("|", "｜").replace("\n", " ") for cell in row] for row in table]
        lines += ["| " + " | ".join(cells[0]) + " |", "|" + "---|" * len(cells[0])]
        lines += ["| " + " | ".join(row) + " |" for row in cells[1:]]
    else:
        lines.append("无。")
    lines += ["", "## 二、check 的提示", ""]
    lines += [f"{i}. {f.render()}" for i, f in enumerate(warnings, 1)] or ["无。"]
    return "\n".join(lines) + "\n"


def _docx(title: str, lead: str, table: list[list[str]], warnings: list[Finding]) -> bytes:
    """The list as a Word document (deterministic bytes)."""
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Cm

    from generator.render.package import package_bytes, without_legacy_parts
    document = Document()
    without_legacy_parts(document)
    document.styles["Normal"].element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")
    document.add_heading(title, level=1)
    document.add_paragraph(lead)
    document.add_heading("一、与上年相比变动较大的数字", level=2)
    if len(table) > 1:
        grid = document.add_table(rows=0, cols=len(table[0]))
        grid.style = "Table Grid"
        for column, width in zip(grid.columns, WIDTHS_CM):
            column.width = Cm(width)
        for row in table:
            for cell, text, width in zip(grid.add_row().cells, row, WIDTHS_CM):
                cell.text = text
                cell.width = Cm(width)
    else:
        document.add_paragraph("无。")
    document.add_heading("二、check 的提示", level=2)
    for i, finding in enumerate(warnings, 1):
        document.add_paragraph(f"{i}. {finding.render()}")
    if not warnings:
        document.add_paragraph("无。")
    return package_bytes(document)
