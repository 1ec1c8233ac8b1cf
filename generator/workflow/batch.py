"""Many unit-years at once: worker processes, progress, a per-job summary; one bad unit never stops the rest."""
from __future__ import annotations

import os
import sys
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import Finding, UserError
from generator.workflow.pipeline import Job, generate


@dataclass
class Outcome:
    """What happened to one unit-year."""

    job: Job
    written: list[Path] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    failure: str = ""

    @property
    def errors(self) -> int:
        """Number of 错误 findings."""
        return sum(f.is_error for f in self.findings)

    @property
    def warnings(self) -> int:
        """Number of 警告 findings."""
        return len(self.findings) - self.errors


def run_one(job: Job, outdir: Path, draft: bool) -> Outcome:
    """Generate one unit-year, turning user errors into an outcome (never raises for bad data)."""
    try:
        prepared, written = generate(job, outdir, draft)
        return Outcome(job, written, prepared.findings, prepared.skipped)
    except UserError as exc:
        return Outcome(job, [], exc.findings, [], exc.message)


def workers_for(count: int) -> int:
    """How many worker processes a batch of ``count`` jobs uses."""
    return max(1, min(count, os.cpu_count() or 1))


def run_all(jobs: list[Job], outdir: Path, draft: bool = False, progress: bool | None = None) -> list[Outcome]:
    """Every job's outcome, in job order: in-process for one job, worker processes for more."""
    if len(jobs) <= 1:
        return [run_one(job, outdir, draft) for job in jobs]
    from tqdm import tqdm
    show = sys.stderr.isatty() if progress is None else progress
    outcomes: dict[int, Outcome] = {}
    with ProcessPoolExecutor(max_workers=workers_for(len(jobs))) as pool:
        futures = {pool.submit(run_one, job, outdir, draft): i for i, job in enumerate(jobs)}
        with tqdm(total=len(jobs), desc="生成", unit="个", disable=not show, file=sys.stderr) as bar:
            from concurrent.futures import as_completed
            for future in as_completed(futures):
                outcomes[futures[future]] = future.result()
                bar.update(1)
    return [outcomes[i] for i in range(len(jobs))]


def _width(text: str) -> int:
    """Display width of text: CJK characters count two columns."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    """Text padded to a display width."""
    return text + " " * (width - _width(text))


def summary_table(outcomes: list[Outcome]) -> str:
    """单位 / 年度 / 文档 / 警告 / 错误, one row per unit-year, and a total row."""
    rows = [("单位", "年度", "文档", "警告", "错误")]
    for o in outcomes:
        rows.append((o.job.unit_dir.name, o.job.year_file.stem, str(len(o.written)), str(o.warnings), str(o.errors)))
    rows.append(("合计", "", str(sum(len(o.written) for o in outcomes)), str(sum(o.warnings for o in outcomes)),
                 str(sum(o.errors for o in outcomes))))
    widths = [max(_width(r[i]) for r in rows) for i in range(5)]
    return "\n".join("  ".join(_pad(c, w) for c, w in zip(r, widths)).rstrip() for r in rows)
