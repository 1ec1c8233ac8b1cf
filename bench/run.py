"""Benchmark: this toolkit's batch against plain docxtpl and the zip floor, on N synthetic units.

    python bench/run.py [--units 200] [--repeat 3]

Every side runs in a process of its own, rounds interleaved (a warm-up round first, the order rotated each round),
and is reported as the median of its runs with their range; memory is each side's largest process (wait4's peak).

(a)  the toolkit's batch: `python cli.py generate <units> -o DIR` as a clerk runs it (worker processes);
(a1) the same whole job in one process (bench/sides.py single);
(b)  the same whole job (loading, checks, contexts, writing) with plain docxtpl rendering each document;
(d)  the toolkit's renderer alone, on contexts built before timing;
(c)  the floor: writing the batch's own documents as deflated zip parts, from memory.
(a), (a1) and (b) are timed from process start to end; (d) and (c) only over their loop.
Also: one unit's `generate` and `check` wall time (median of 5).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
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


@dataclass
class Run:
    """One run of one side: documents, seconds (wall for process-wide sides, the timed part otherwise), peak MB."""

    documents: int
    seconds: float
    peak_mb: float

    @property
    def rate(self) -> float:
        """Documents per second."""
        return self.documents / self.seconds


def measured(command: list[str]) -> tuple[str, float, float]:
    """(stdout, wall seconds, peak resident MB of its largest process) of a command run to its end.

    The peak comes from wait4's rusage of that child, which covers it and the worker processes it waited for.
    """
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, text=True)
    stdout, stderr = process.stdout.read(), process.stderr.read()  # type: ignore[union-attr]
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"{' '.join(command[:3])} failed:\n{stderr[-2000:]}")
    return stdout, wall, usage.ru_maxrss / 1024


def side(name: str, units: list[Path], out: Path) -> Run:
    """One run of a side in a process of its own."""
    if name != "floor":
        shutil.rmtree(out, ignore_errors=True)
    if name == "batch":
        _, wall, peak = measured([sys.executable, str(ROOT / "cli.py"), "generate", *map(str, units), "-o", str(out)])
        return Run(len(list(out.rglob("*.docx"))), wall, peak)
    stdout, wall, peak = measured([sys.executable, str(ROOT / "bench" / "sides.py"), name, str(out), *map(str, units)])
    result = json.loads(stdout.strip().splitlines()[-1])
    seconds = wall if name in WHOLE_JOB else result["seconds"]
    return Run(result["documents"], seconds, peak)


SIDES = ("batch", "single", "plain", "render", "floor")
WHOLE_JOB = ("single", "plain")  # timed as the batch is: the process's wall time, start included


def interleaved(units: list[Path], folder: Path, repeat: int) -> dict[str, list[Run]]:
    """Each side run ``repeat`` times, rounds interleaved and their order rotated, after one warm-up round."""
    runs: dict[str, list[Run]] = {name: [] for name in SIDES}
    outs = {name: folder / name for name in SIDES}
    outs["floor"] = outs["batch"]  # the floor writes the batch's documents again
    for round_ in range(repeat + 1):
        order = list(SIDES[:-1])
        order = order[round_ % len(order):] + order[:round_ % len(order)] + ["floor"]
        for name in order:
            run = side(name, units, outs[name])
            if round_:
                runs[name].append(run)
            print(f"  第{round_}轮 {name:7s} {run.documents} 份 {run.seconds:7.2f} 秒 {run.rate:7.1f} 份/秒 {run.peak_mb:5.0f} MB",
                  file=sys.stderr)
    return runs


def spread(values: list[float]) -> str:
    """A median with its range: 12.3 (11.9–13.0)."""
    return f"{statistics.median(values):.1f}（{min(values):.1f}–{max(values):.1f}）"


def wall(command: list[str], repeat: int = 5) -> float:
    """Median wall time of a command, process start included."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, cwd=ROOT, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


LABELS = {"batch": "(a) 本工具批量生成（cli.py generate，多进程，含启动和检查）",
          "single": "(a1) 本工具同样的工作，单进程",
          "plain": "(b) 同样的工作，渲染改用原样的 docxtpl，单进程",
          "render": "(d) 本工具只渲染（上下文事先建好），单进程",
          "floor": "(c) 只把这些文档的 zip 部件压缩写出（下限）"}


def report(runs: dict[str, list[Run]], units: int, single: tuple[float, float]) -> None:
    """The results: each side's rate with its range and peak memory, the ratios against the goals."""
    rate = {name: statistics.median(r.rate for r in rs) for name, rs in runs.items()}
    print(f"机器：{os.cpu_count()} 核；{units} 个单位，{runs['batch'][0].documents} 份文档；"
          f"每项 {len(runs['batch'])} 次交替运行，取中位数（括号内为最小–最大）")
    for name in ("batch", "single", "plain", "render", "floor"):
        peak = max(r.peak_mb for r in runs[name])
        print(f"{LABELS[name]}：{spread([r.rate for r in runs[name]])} 份/秒，最大进程峰值内存 {peak:.0f} MB")
    batch_vs_plain = [a.rate / b.rate for a, b in zip(runs["batch"], runs["plain"])]
    per_document = [c.rate / d.rate for c, d in zip(runs["floor"], runs["render"])]
    print(f"a/b = {rate['batch'] / rate['plain']:.1f} 倍（各轮 {min(batch_vs_plain):.1f}–{max(batch_vs_plain):.1f}；目标 ≥ 10）")
    print(f"每份文档耗时 d 是 c 的 {rate['floor'] / rate['render']:.2f} 倍"
          f"（各轮 {min(per_document):.2f}–{max(per_document):.2f}；目标 ≤ 3）")
    print(f"单个单位 generate（含启动，5 次中位数）：{single[0]:.2f} 秒（目标 < 1.0）")
    print(f"单个单位 check（含启动，5 次中位数）：   {single[1]:.2f} 秒（目标 < 0.5）")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="juesuan-bench-") as tmp:
        folder = Path(tmp)
        units = make_units(args.units, folder / "units")
        runs = interleaved(units, folder, args.repeat)
        one = [sys.executable, str(ROOT / "cli.py")]
        single = (wall(one + ["generate", "data/panzhihua-renhe-jiwei", "-o", str(folder / "one")]),
                  wall(one + ["check", "data/panzhihua-renhe-jiwei"]))
    report(runs, args.units, single)


if __name__ == "__main__":
    main()
