"""The installable command: in a brand-new venv, `pip install -c constraints.txt .` gives `juesuan`, which works on a
unit folder copied alone into an empty directory (the layouts and code lists ship inside the package)."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_juesuan_generates_from_any_folder_in_a_new_venv(tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    pip = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "-c", str(ROOT / "constraints.txt"), str(ROOT)],
                         capture_output=True, text=True, timeout=600)
    assert pip.returncode == 0, pip.stdout + pip.stderr
    clerk = tmp_path / "我的文件夹"
    shutil.copytree(ROOT / "data" / "zhuzhou-jiwei", clerk / "株洲市纪委")
    juesuan = str(venv / "bin" / "juesuan")
    r = subprocess.run([juesuan, "generate", "株洲市纪委"], cwd=clerk, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    written = sorted(p.name for p in (clerk / "out" / "株洲市纪委" / "2022").iterdir())
    assert written == ["2022年度部门决算（全国版式）.docx", "2022年度部门整体支出绩效自评报告.docx", "2022年部门整体支出绩效评价报告.docx"]
    # the same bytes as the checkout makes: the shipped templates and code lists are the checkout's
    subprocess.run([sys.executable, str(ROOT / "cli.py"), "generate", str(clerk / "株洲市纪委"), "-o", str(tmp_path / "ref")],
                   check=True, capture_output=True, cwd=ROOT)
    for name in written:
        assert (clerk / "out" / "株洲市纪委" / "2022" / name).read_bytes() == (tmp_path / "ref" / "株洲市纪委" / "2022" / name).read_bytes()
    check = subprocess.run([juesuan, "check", "株洲市纪委"], cwd=clerk, capture_output=True, text=True, timeout=300)
    assert check.returncode == 0 and "共 0 个错误" in check.stdout, check.stdout + check.stderr
    bare = subprocess.run([juesuan, "generate"], cwd=tmp_path / "venv", capture_output=True, text=True, timeout=300)
    assert bare.returncode == 2 and "没有写出单位文件夹" in bare.stderr and "Traceback" not in bare.stderr
