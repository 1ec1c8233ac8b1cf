"""Benchmark: this toolkit's batch against plain docxtpl and the zip floor, on N synthetic units.

    python bench/run.py [--units 200] [--repeat 3]

(a) toolkit: `python cli.py generate <units> -o DIR`, the way a user runs it (worker processes);
(b) plain docxtpl as its documentation shows: DocxTemplate(path), render(context, jinja_env), save(), one process,
    on the same contexts (built before timing);
(c) floor: writing the same output documents' zip parts (deflated) from memory.
Also: one unit's `generate` and `check` wall time (median of 5), and peak memory per process.
"""
from __future__ import annotations

import argparse
import io
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from generator.load.reader import load_yaml  # noqa: E402

KEEP_AMOUNTS = {"分值", "得分", "资金分值", "年度", "实有人数", "批次", "人次", "科目编码"}


def _dump(data) -> str:
    """YAML text for plain data holding Decimals."""
    dumper = yaml.SafeDumper
    dumper.add_representer(Decimal, lambda d, v: d.represent_scalar("tag:yaml.org,2002:float", f"{v:f}"))
    return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=10**6)


def _vary(value, factor: int, tag: str, key: str = ""):
    """Amounts multiplied by a whole factor (so every total still adds up), narrative text tagged."""
    if isinstance(value, dict):
        return {k: _vary(v, factor, tag, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_vary(v, factor, tag, key) for v in value]
    if isinstance(value, Decimal) and key not in KEEP_AMOUNTS:
        return value * factor
    if isinstance(value, str) and len(value) > 30:
        return value + tag
    return value


def make_units(count: int, folder: Path) -> list[Path]:
    """``count`` synthetic units made from the units in data/ (figures scaled, text varied)."""
    sources = sorted(p for p in (ROOT / "data").iterdir() if (p / "unit.yaml").is_file())
    rng = random.Random(20261121)
    units = []
    for i in range(count):
        source = sources[i % len(sources)]
        target = folder / f"unit{i:04d}"
        target.mkdir(parents=True)
        factor = rng.randint(1, 9)
        for path in source.glob("*.yaml"):
            data = load_yaml(path).data
            text = _dump(_vary(data, factor, f"（第{i}号单位）") if path.name != "unit.yaml" else
                         dict(data, 单位名称=f"{data['单位名称']}{i}"))
            (target / path.name).write_text(text, encoding="utf-8")
        units.append(target)
    return units


def child_peak_mb() -> float:
    """Peak resident memory of the largest finished child process, in MB."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def toolkit(units: list[Path], out: Path) -> tuple[float, int]:
    """(seconds, documents) for the CLI batch over all units."""
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, str(ROOT / "cli.py"), "generate", *map(str, units), "-o", str(out)],
                            capture_output=True, text=True, cwd=ROOT)
    seconds = time.perf_counter() - start
    if result.returncode:
        raise SystemExit(f"toolkit run failed:\n{result.stderr[-2000:]}")
    return seconds, len(list(out.rglob("*.docx")))


def plain_jobs(units: list[Path]):
    """(template, context, annex names) for every document the toolkit writes, built before any timing."""
    from generator.contexts import common as contexts
    from generator.contexts.national import national
    from generator.render import kinds as documents
    from generator.workflow.pipeline import Job, prepare
    t = lambda kind, layout: documents.TEMPLATES / kind / f"{layout}.docx"
    jobs = []
    for unit in units:
        for year_file in sorted(unit.glob("[0-9]*.yaml")):
            bundle = prepare(Job(unit, year_file)).bundle
            layout = bundle.unit.layout
            if layout == "湖南":
                jobs.append((t("部门整体支出绩效自评报告", "湖南"), contexts.self_evaluation_report(bundle), []))
                jobs.append((t("部门整体支出绩效评价报告", "四川"), contexts.overall_evaluation(bundle), []))
            elif layout == "四川":
                reports = [i for i, p in enumerate(bundle.year.projects) if p.evaluation]
                jobs.append((t("部门整体支出绩效评价报告", "四川"), contexts.overall_evaluation(bundle), []))
                jobs += [(t("项目支出绩效评价报告", "四川"), contexts.project_report(bundle, i), []) for i in reports]
                listing = [{"number": n, "key": f"annex{n}", "project": None} for n in range(1, 2 + len(reports))]
                jobs.append((t("部门决算说明", "四川"), contexts.final_accounts(bundle, listing), [a["key"] for a in listing]))
            jobs.append((t("部门决算", "全国"), national(bundle), []))
    return jobs


def plain_docxtpl(jobs) -> tuple[float, int]:
    """(seconds, documents) for plain docxtpl: a new DocxTemplate per document, one process."""
    import jinja2
    from docxtpl import DocxTemplate

    from generator.render.jinja import template_filters
    env = jinja2.Environment(autoescape=True)
    env.filters.update(template_filters())
    start = time.perf_counter()
    previous: list[bytes] = []
    for template, context, annexes in jobs:
        tpl = DocxTemplate(str(template))
        ctx = dict(context, draft=False, draft_mark="")
        ctx["subdocs"] = {key: tpl.new_subdoc(io.BytesIO(data)) for key, data in zip(annexes, previous[-len(annexes):] if annexes else [])}
        # (the final document's annexes are the documents rendered just before it)
        tpl.render(ctx, env)
        buffer = io.BytesIO()
        tpl.save(buffer)
        previous.append(buffer.getvalue())
    return time.perf_counter() - start, len(jobs)


def zip_floor(out: Path) -> tuple[float, int]:
    """(seconds, documents) to write the toolkit's output documents' parts, deflated, from memory."""
    docs = []
    for path in sorted(out.rglob("*.docx")):
        with zipfile.ZipFile(path) as z:
            docs.append([(i, z.read(i.filename)) for i in z.infolist()])
    start = time.perf_counter()
    for members in docs:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
            for info, data in members:
                z.writestr(info, data)
    return time.perf_counter() - start, len(docs)


def wall(command: list[str], repeat: int = 5) -> float:
    """Median wall time of a command, process start included."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, cwd=ROOT, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--units", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="juesuan-bench-") as tmp:
        folder = Path(tmp)
        units = make_units(args.units, folder / "units")
        runs_a = [toolkit(units, folder / "out") for _ in range(args.repeat)]
        peak_a = child_peak_mb()
        jobs = plain_jobs(units)
        runs_b = [plain_docxtpl(jobs) for _ in range(args.repeat)]
        peak_b = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        runs_c = [zip_floor(folder / "out") for _ in range(args.repeat)]
        one = [sys.executable, str(ROOT / "cli.py")]
        gen_one = wall(one + ["generate", "data/panzhihua-renhe-jiwei", "-o", str(folder / "one")])
        check_one = wall(one + ["check", "data/panzhihua-renhe-jiwei"])
    rate = lambda runs: statistics.median(n / s for s, n in runs)
    a, b, c = rate(runs_a), rate(runs_b), rate(runs_c)
    print(f"机器: {os.cpu_count()} 核; {args.units} 个单位, {runs_a[0][1]} 份文档, 每项取 {args.repeat} 次的中位数")
    print(f"(a) 本工具批量生成:      {a:8.1f} 份/秒   峰值内存 {peak_a:6.0f} MB/进程")
    print(f"(b) 直接用 docxtpl:      {b:8.1f} 份/秒   峰值内存 {peak_b:6.0f} MB/进程")
    print(f"(c) 只写 zip（下限）:     {c:8.1f} 份/秒")
    print(f"a/b = {a / b:.2f} 倍（目标 ≥ 10）   每份耗时 a 是 c 的 {c / a:.1f} 倍（目标 ≤ 3）")
    print(f"单个单位 generate（含启动，5 次中位数）: {gen_one:.2f} 秒（目标 < 1.0）")
    print(f"单个单位 check（含启动，5 次中位数）:    {check_one:.2f} 秒（目标 < 0.5）")


if __name__ == "__main__":
    main()
