"""Many unit-years at once: worker processes, progress, a per-job summary; one bad unit never stops the rest."""
from __future__ import annotations

import contextlib
import os
import signal
import sys
import time
import unicodedata
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import Finding, UserError
from generator.render.files import discard_temporary
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


def run_one(job: Job, outdir: Path, draft: bool, xlsx: bool = False, pdf: bool = False) -> Outcome:
    """Generate one unit-year, turning user errors into an outcome (never raises for bad data)."""
    try:
        prepared, written = generate(job, outdir, draft, xlsx, pdf)
        return Outcome(job, written, prepared.findings, prepared.skipped)
    except UserError as exc:
        return Outcome(job, exc.written, exc.findings, [], exc.message)


def workers_for(count: int) -> int:
    """How many worker processes a batch of ``count`` jobs uses."""
    return max(1, min(count, os.cpu_count() or 1))


class BatchInterrupted(Exception):
    """Ctrl-C during a batch: the outcomes of the unit-years finished, and those not (or not wholly) done."""

    def __init__(self, done: list[Outcome], unfinished: list[tuple[Job, list[Path]]]) -> None:
        super().__init__("interrupted")
        self.done = done
        self.unfinished = unfinished


def run_all(jobs: list[Job], outdir: Path, draft: bool = False, progress: bool | None = None, xlsx: bool = False,
            pdf: bool = False) -> list[Outcome]:
    """Every job's outcome, in job order: in-process for one job, worker processes for more.

    Ctrl-C stops the workers at once (a file being written is left as it was) and raises BatchInterrupted.
    """
    if len(jobs) <= 1:
        return [run_one(job, outdir, draft, xlsx, pdf) for job in jobs]
    from tqdm import tqdm
    show = sys.stderr.isatty() if progress is None else progress
    outcomes: dict[int, Outcome] = {}
    started = time.time()
    pool = ProcessPoolExecutor(max_workers=workers_for(len(jobs)), initializer=_worker_setup)
    try:
        futures = {pool.submit(run_one, job, outdir, draft, xlsx, pdf): i for i, job in enumerate(jobs)}
        with tqdm(total=len(jobs), desc="生成", unit="个", disable=not show, file=sys.stderr) as bar:
            for future in as_completed(futures):
                outcomes[futures[future]] = _outcome(future, jobs[futures[future]])
                bar.update(1)
    except KeyboardInterrupt:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not interrupt stopping the workers
        _stop(pool)
        unfinished = [(job, _written_since(job, outdir, started)) for i, job in enumerate(jobs) if i not in outcomes]
        raise BatchInterrupted([outcomes[i] for i in sorted(outcomes)], unfinished) from None
    pool.shutdown()
    return [outcomes[i] for i in range(len(jobs))]


def _outcome(future, job: Job) -> Outcome:
    """A worker's outcome; a worker that failed unexpectedly is that unit's failure, the others go on."""
    try:
        return future.result()
    except Exception as exc:  # a bug or a killed worker: report it with the unit, never lose the others' report
        return Outcome(job, failure=f"程序内部出错（这不是您的数据问题：{type(exc).__name__}），这个单位的文档没有全部生成。请把数据发给维护人员。")


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop a pool now: no new job starts, running workers are terminated (within a second), then killed.

    The pool's manager thread is awaited last: at interpreter exit, concurrent.futures wakes a manager still
    closing its pipe and prints a traceback (Bad file descriptor), a race in Python 3.11.
    """
    processes = list(getattr(pool, "_processes", {}).values())
    manager = getattr(pool, "_executor_manager_thread", None)
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    deadline = time.monotonic() + 1
    for process in processes:
        process.join(max(0.0, deadline - time.monotonic()))
        if process.is_alive():
            process.kill()
            process.join(1)
    if manager is not None:
        manager.join(2)


def _worker_setup() -> None:
    """A worker leaves Ctrl-C to its leader, dies with it, and on SIGTERM unwinds (removing a half-written temp file)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _exit_now)
    if sys.platform.startswith("linux"):
        import ctypes
        with contextlib.suppress(OSError):  # PR_SET_PDEATHSIG: the kernel sends SIGTERM when the leader dies
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)


def _exit_now(signum: int, frame: object) -> None:
    """SIGTERM in a worker: remove the temporary file of a write under way and leave at once."""
    discard_temporary()
    os._exit(128 + signum)


def _written_since(job: Job, outdir: Path, started: float) -> list[Path]:
    """The documents of an unfinished unit-year written during this batch (each whole: writes are atomic)."""
    folder = outdir / job.unit_dir.name / job.year_file.stem
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".docx", ".pdf") and p.stat().st_mtime >= started)


def _width(text: str) -> int:
    """Display width of text: CJK characters count two columns."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    """Text padded to a display width."""
    return text + " " * (width - _width(text))


def summary_table(outcomes: list[Outcome]) -> str:
    """单位 / 年度 / 文档 / 警告 / 错误 / 结果, one row per unit-year, and a total row."""
    rows = [("单位", "年度", "文档", "警告", "错误", "结果")]
    for o in outcomes:
        rows.append((o.job.unit_dir.name, o.job.year_file.stem, str(len(o.written)), str(o.warnings), str(o.errors),
                     "未完成" if o.failure else "完成"))
    failed = sum(1 for o in outcomes if o.failure)
    rows.append(("合计", "", str(sum(len(o.written) for o in outcomes)), str(sum(o.warnings for o in outcomes)),
                 str(sum(o.errors for o in outcomes)), f"{failed} 个未完成" if failed else "全部完成"))
    widths = [max(_width(r[i]) for r in rows) for i in range(6)]
    return "\n".join("  ".join(_pad(c, w) for c, w in zip(r, widths)).rstrip() for r in rows)
