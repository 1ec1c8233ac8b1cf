"""Memory of one large unit-year: 仁和 with N short projects (default 10,000), generated in a process of its own.

usage: python bench/big_unit.py [N]

Prints the seconds, the peak resident memory and, for each document, its size and its inflated document.xml; exits 1
when the peak is above the goal of issue 23 (400 MB for 10,000 projects; memory should grow no faster than the
documents do).
"""
from __future__ import annotations

import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL_MB = 400
PROJECT = """  - 名称: 项目{i}
    预算数: {{财政拨款: 1.00}}
    执行数: {{财政拨款: 1.00}}
    绩效自评: true
    预期目标: 完成年度任务。
    实际完成目标: 已完成年度任务。
    综述: 通过项目实施，工作有序推进。
    绩效指标:
      - {{一级指标: 产出指标, 指标值: 8次, 实际完成值: 9次}}
      - {{一级指标: 效益指标, 指标值: 良好, 实际完成值: 良好}}
"""


def big_unit(folder: Path, count: int) -> Path:
    """A copy of 仁和 whose 项目 are ``count`` short projects."""
    unit = folder / "big"
    shutil.copytree(ROOT / "data" / "panzhihua-renhe-jiwei", unit)
    path = unit / "2019.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("项目:\n") + len("项目:\n")
    end = start + re.search(r"\n(?=\S)", text[start:]).start() + 1
    path.write_text(text[:start] + "".join(PROJECT.format(i=i) for i in range(count)) + text[end:], encoding="utf-8")
    return unit


def main(count: int) -> int:
    """Generate the unit once and report."""
    with tempfile.TemporaryDirectory() as tmp:
        unit = big_unit(Path(tmp), count)
        started = time.monotonic()
        run = subprocess.run([sys.executable, str(ROOT / "cli.py"), "generate", str(unit), "-o", str(Path(tmp) / "out")],
                             capture_output=True, text=True, cwd=ROOT)
        seconds = time.monotonic() - started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"{count} projects: exit {run.returncode}, {seconds:.1f} s, peak {peak:.0f} MB (goal {GOAL_MB} MB)")
        for doc in sorted((Path(tmp) / "out").rglob("*.docx")):
            inflated = zipfile.ZipFile(doc).getinfo("word/document.xml").file_size
            print(f"  {doc.name}: {doc.stat().st_size / 1e6:.1f} MB, document.xml {inflated / 1e6:.1f} MB")
        return 0 if run.returncode == 0 and peak <= GOAL_MB else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000))
