"""The machine the toolkit runs on: a Python without its packages, a console that cannot show a character, a symlink
loop, and click's own usage messages all get a Chinese message and their own exit code, never exit 3."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, str(ROOT / "cli.py")]


def run(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], capture_output=True, cwd=ROOT, env={**os.environ, **env})


@pytest.mark.parametrize("package", ["docxtpl", "click", "yaml"])
def test_a_python_without_a_package_says_which_and_how_to_install(tmp_path, package):
    blocked = tmp_path / "blocked" / package
    blocked.mkdir(parents=True)
    (blocked / "__init__.py").write_text(f"raise ModuleNotFoundError(\"No module named '{package}'\", name={package!r})\n")
    r = run("generate", "data/zhuzhou-jiwei", "-o", str(tmp_path / "out"), PYTHONPATH=str(tmp_path / "blocked"))
    err = r.stderr.decode("utf-8")
    assert r.returncode == 4 and f"缺少软件包 {package}" in err and "pip install -c constraints.txt ." in err, err
    assert "Traceback" not in err and "内部出错" not in err


def text_with(tmp_path: Path, char: str) -> Path:
    """The 湖南 sample unit with a character in its text (and a placeholder next to it, so check quotes it)."""
    folder = tmp_path / "u"
    shutil.copytree(ROOT / "data" / "zhuzhou-jiwei", folder)
    path = folder / "2022.yaml"
    text = path.read_text(encoding="utf-8")
    assert "其他说明: 无" in text
    path.write_text(text.replace("其他说明: 无", f"其他说明: 减少{char}排放XX吨"), encoding="utf-8")
    return folder


def test_a_console_that_cannot_show_a_character_shows_a_question_mark(tmp_path):
    folder = text_with(tmp_path, "CO₂")
    checked = run("check", str(folder), PYTHONIOENCODING="gbk")
    out = checked.stdout.decode("gbk")
    assert checked.returncode == 1 and "占位符“XX”（…减少CO?排放XX吨…）" in out, out  # the placeholder is the clerk's error and "内部出错" not in checked.stderr.decode("gbk", "replace")
    assert run("generate", "--draft", str(folder), "-o", str(tmp_path / "out")).returncode == 0
    document = next((tmp_path / "out" / "u" / "2022").glob("*自评报告.docx"))
    shown = run("totext", str(document), PYTHONIOENCODING="gbk")
    assert shown.returncode == 0 and "CO?排放XX吨" in shown.stdout.decode("gbk")


def test_a_symlink_loop_is_a_usage_message(tmp_path):
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    r = run("generate", str(loop))
    assert r.returncode == 2 and "符号链接" in r.stderr.decode("utf-8")
    city = tmp_path / "city"
    shutil.copytree(ROOT / "data" / "zhuzhou-jiwei", city / "u")
    (city / "self").symlink_to(city)
    r = run("check", str(city))
    assert r.returncode == 0 and "共 0 个错误" in r.stdout.decode("utf-8")


@pytest.mark.parametrize("args, words", [(("totext", "data"), "文档 应是一个文件，data 是文件夹"),
                                         (("new", "data/zhuzhou-jiwei"), "缺少参数：年度"),
                                         (("new", "data/zhuzhou-jiwei", "abc"), "年度 应是整数，“abc”不是"),
                                         (("generate", "--pd"), "没有选项 --pd。是不是以下之一"),
                                         (("generate", "-o"), "选项 -o 后面要写一个值")])
def test_clicks_messages_are_in_chinese(args, words):
    r = run(*args)
    assert r.returncode == 2 and words in r.stderr.decode("utf-8")


def xlsx_bytes() -> bytes:
    """A real .xlsx workbook's bytes."""
    import io

    from openpyxl import Workbook
    buffer = io.BytesIO()
    Workbook().save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("content, words", [(xlsx_bytes(), "里没有认得出的部门决算表"),  # an .xlsx named .xls is read as one
                                            ("<html><table><tr><td>1</td></tr></table></html>".encode(), "网页（HTML）表格"),
                                            (b"\xd0\xcf\x11\xe0 truncated", "不是完好的 Excel 工作簿")])
def test_an_xls_that_is_no_xls_says_what_it_is(tmp_path, content, words):
    shutil.copytree(ROOT / "data" / "zhuzhou-jiwei", tmp_path / "u")
    book = tmp_path / "表格.xls"
    book.write_bytes(content)
    r = run("import", str(book), str(tmp_path / "u"), "--year", "2023")
    err = r.stderr.decode("utf-8")
    assert r.returncode == 1 and words in err and "Traceback" not in err, err


def test_a_folder_where_a_document_belongs_is_explained(tmp_path):
    (tmp_path / "out" / "zhuzhou-jiwei" / "2022" / "2022年度部门整体支出绩效自评报告.docx").mkdir(parents=True)
    r = run("generate", "data/zhuzhou-jiwei", "-o", str(tmp_path / "out"))
    err = r.stderr.decode("utf-8")
    assert r.returncode == 1 and "那里有一个同名的文件夹" in err and "Is a directory" not in err, err
