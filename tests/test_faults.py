"""Faults and hostile input, injected for real: Ctrl-C and SIGKILL in a batch, a full disk, a read-only folder, a file
where the output folder belongs, a template that is no .docx, broken YAML, absurd sizes."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from generator.load.reader import load_yaml

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, str(ROOT / "cli.py")]


def units(tmp_path: Path, count: int) -> Path:
    """A folder of ``count`` copies of a sample unit (a city's batch)."""
    city = tmp_path / "city"
    for i in range(count):
        shutil.copytree(ROOT / "data" / "panzhihua-renhe-jiwei", city / f"u{i:03d}")
    return city


def group_alive(pgid: int) -> bool:
    """Whether any process of a process group is still running."""
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def wait_for_documents(out: Path, process: subprocess.Popen, count: int = 3, limit: float = 60) -> None:
    """Wait until a running batch has written some documents."""
    deadline = time.monotonic() + limit
    while len(list(out.rglob("*.docx"))) < count:
        assert process.poll() is None, "the batch ended before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.05)


def batch(tmp_path: Path, count: int = 150) -> tuple[subprocess.Popen, Path]:
    """A batch generate running in its own process group, as a terminal runs it."""
    out = tmp_path / "out"
    process = subprocess.Popen([*CLI, "generate", str(units(tmp_path, count)), "-o", str(out)], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    return process, out


def assert_whole(out: Path) -> None:
    """No temporary file is left and every document is a whole .docx."""
    assert not [p for p in out.rglob("*") if p.name.startswith(".~")]
    for doc in out.rglob("*.docx"):
        with zipfile.ZipFile(doc) as z:
            assert z.testzip() is None and "word/document.xml" in z.namelist()


@pytest.mark.parametrize("presses", [1, 2])
def test_ctrl_c_stops_a_batch_at_once_and_lists_what_was_written(tmp_path, presses):
    process, out = batch(tmp_path)
    wait_for_documents(out, process, count=12)  # at least one unit-year whole, others under way
    pressed = time.monotonic()
    for _ in range(presses):
        os.killpg(process.pid, signal.SIGINT)  # the terminal sends Ctrl-C to the whole group
        time.sleep(0.05)
    stdout, stderr = process.communicate(timeout=20)
    took = time.monotonic() - pressed
    assert process.returncode == 130 and "已中止" in stderr and "Traceback" not in stderr
    assert "未开始 " in stderr and "已生成 " in stdout
    assert took < 5, f"took {took:.1f} s"
    time.sleep(0.5)
    assert not group_alive(process.pid)
    assert_whole(out)


def test_workers_die_with_their_leader(tmp_path):
    process, out = batch(tmp_path)
    wait_for_documents(out, process)
    os.kill(process.pid, signal.SIGKILL)
    process.communicate(timeout=20)
    deadline = time.monotonic() + 5
    while group_alive(process.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not group_alive(process.pid)
    assert_whole(out)


def mounted(folder: Path, options: str):
    """A tiny tmpfs mounted for the test, or a skip where mounting is not allowed."""
    folder.mkdir(parents=True)
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True).returncode:
        pytest.skip("mounting a tmpfs needs root")
    return folder


def test_a_full_disk_is_reported_per_unit_and_the_batch_goes_on(tmp_path):
    disk = mounted(tmp_path / "disk", "size=100k")
    try:
        r = subprocess.run([*CLI, "generate", str(units(tmp_path, 3)), "-o", str(disk / "out")], cwd=ROOT, capture_output=True, text=True)
        assert r.returncode == 1 and "磁盘空间不足" in r.stderr and "Traceback" not in r.stderr + r.stdout
        assert "结果" in r.stdout and "未完成" in r.stdout
        assert_whole(disk / "out")
    finally:
        subprocess.run(["umount", str(disk)])


def test_a_read_only_folder_is_reported(tmp_path):
    disk = mounted(tmp_path / "ro", "ro,size=100k")
    try:
        r = subprocess.run([*CLI, "generate", "data/zhuzhou-jiwei", "-o", str(disk / "out")], cwd=ROOT, capture_output=True, text=True)
        assert r.returncode == 1 and "只读" in r.stderr and str(disk / "out") in r.stderr and "Traceback" not in r.stderr
    finally:
        subprocess.run(["umount", str(disk)])


@pytest.mark.parametrize("code, words", [("EROFS", "只读"), ("EACCES", "没有写入权限"), ("ENOSPC", "磁盘空间不足"), ("EIO", "系统报告")])
def test_a_failing_write_in_process_is_a_user_error(tmp_path, monkeypatch, code, words):
    import errno

    from generator.errors import UserError
    from generator.workflow.pipeline import discover, generate
    job = discover([ROOT / "data" / "zhuzhou-jiwei"])[0]
    monkeypatch.setattr(os, "replace", lambda *a: (_ for _ in ()).throw(OSError(getattr(errno, code), os.strerror(getattr(errno, code)))))
    with pytest.raises(UserError, match=words) as caught:
        generate(job, tmp_path / "out")
    assert str(tmp_path / "out") in caught.value.message
    assert not list((tmp_path / "out").rglob("*.docx"))


def test_output_naming_a_file_is_refused(tmp_path):
    target = tmp_path / "out.docx"
    target.write_bytes(b"x")
    r = subprocess.run([*CLI, "generate", "data/zhuzhou-jiwei", "-o", str(target)], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 1 and "是一个文件，不是文件夹" in r.stderr and target.read_bytes() == b"x"


@pytest.mark.parametrize("content", [Path("/etc/passwd").read_bytes() if Path("/etc/passwd").exists() else b"root:x:0:0",
                                     os.urandom(4096), b"PK\x03\x04 not a real archive"])
def test_a_template_that_is_no_docx_is_found_by_check_and_never_exit_3(tmp_path, content):
    city = units(tmp_path, 2)
    (city / "u000" / "bad.docx").write_bytes(content)
    with (city / "u000" / "unit.yaml").open("a", encoding="utf-8") as f:
        f.write("模板:\n  部门决算说明: bad.docx\n")
    r = subprocess.run([*CLI, "check", str(city / "u000")], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 1 and "模板.部门决算说明" in r.stdout and "不是有效的 Word 文档" in r.stdout
    r = subprocess.run([*CLI, "generate", str(city), "-o", str(tmp_path / "out")], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 1 and "不是有效的 Word 文档" in r.stderr and "合计" in r.stdout
    assert len(list((tmp_path / "out" / "u001").rglob("*.docx"))) == 4


@pytest.mark.parametrize("text, line, words", [
    ("年度: 2019\n实有人数: 10\n重点工作:\n  列表: [a, b\n收入: {}\n", 4, "第 4 行第 7 列开始的方括号“[”到第 5 行还没有闭合"),
    ("年度: 2019\n实有人数：10\n收入: {}\n", 2, "全角冒号“：”"),
    ("年度: 2019\n说明: \"abc”\n收入: {}\n", 2, "全角引号不能闭合半角引号"),
    ("年度: 2019\n说明: a\x0bb\n", 2, "垂直制表符"),
    ("年度: 2019\n说明: a\x07b\n", 2, "控制字符 U+0007"),
])
def test_yaml_errors_are_located_and_explained_in_chinese(tmp_path, text, line, words):
    path = tmp_path / "2019.yaml"
    path.write_bytes(text.encode("utf-8"))
    found = load_yaml(path).findings
    assert len(found) == 1 and found[0].line == line and words in found[0].message, found
    assert not any(c.isascii() and c.isalpha() for c in found[0].message.replace("YAML", "").replace("Word", "").replace("U+", "")), found[0].message


def test_an_absurd_amount_is_refused_and_a_large_one_warned(tmp_path):
    from generator.workflow.pipeline import Job, prepare
    folder = tmp_path / "u"
    shutil.copytree(ROOT / "data" / "panzhihua-renhe-jiwei", folder)
    path = folder / "2019.yaml"
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace("一般公共预算财政拨款收入: 1622.30", "一般公共预算财政拨款收入: 99999999999999999999.99"), encoding="utf-8")
    errors = [f for f in prepare(Job(folder, path)).findings if f.is_error]
    assert [f.path for f in errors] == ["收入.一般公共预算财政拨款收入"] and "不合常理" in errors[0].message
    path.write_text(original.replace("一般公共预算财政拨款收入: 1622.30", "一般公共预算财政拨款收入: 16223000.00"), encoding="utf-8")
    assert any(f.path == "收入" and "大得少见" in f.message for f in prepare(Job(folder, path)).findings)


@pytest.mark.parametrize("year", ["20200", "1899", "0"])
def test_new_refuses_an_implausible_year(tmp_path, year):
    shutil.copytree(ROOT / "data" / "panzhihua-renhe-jiwei", tmp_path / "u")
    r = subprocess.run([*CLI, "new", str(tmp_path / "u"), year], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 2 and "4 位年份" in r.stderr and not (tmp_path / "u" / f"{year}.yaml").exists()
