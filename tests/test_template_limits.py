"""A clerk's template cannot hang or exhaust the machine: loops that never end, values built too large, recursion,
other files, a package that inflates to gigabytes, XML entities; each is exit 1 from check and generate with a
Chinese message naming the template, never exit 3, and no document is written from it."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from docx import Document

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, str(ROOT / "cli.py")]
DEFAULT = ROOT / "templates" / "四川" / "部门整体支出绩效评价报告.docx"
KIND = "部门整体支出绩效评价报告"


def unit_with(tmp_path: Path, template: Path) -> Path:
    """The 四川 sample unit using a template of its own for the 部门整体支出绩效评价报告."""
    folder = tmp_path / "u"
    shutil.copytree(ROOT / "data" / "panzhihua-renhe-jiwei", folder)
    shutil.copy(template, folder / "mine.docx")
    with open(folder / "unit.yaml", "a", encoding="utf-8") as f:
        f.write(f"模板:\n  {KIND}: mine.docx\n")
    return folder


def with_paragraph(tmp_path: Path, text: str) -> Path:
    """The default template with one more paragraph."""
    document = Document(str(DEFAULT))
    document.add_paragraph(text)
    path = tmp_path / "hostile.docx"
    document.save(str(path))
    return path


def run(*args: str, seconds: str = "3") -> tuple[subprocess.CompletedProcess, float]:
    """The CLI with a short time limit for a clerk's template; how long it took."""
    started = time.monotonic()
    r = subprocess.run([*CLI, *args], capture_output=True, text=True, cwd=ROOT, timeout=120,
                       env=dict(os.environ, JUESUAN_TEMPLATE_SECONDS=seconds))
    return r, time.monotonic() - started


def assert_refused(tmp_path: Path, template: Path, words: str) -> None:
    """check and generate both exit 1 naming the template; nothing is written from it."""
    folder = unit_with(tmp_path, template)
    checked, _ = run("check", str(folder))
    assert checked.returncode == 1 and words in checked.stdout and "mine.docx" in checked.stdout, checked.stdout + checked.stderr
    made, took = run("generate", str(folder), "-o", str(tmp_path / "out"))
    assert made.returncode == 1 and words in made.stdout + made.stderr and "Traceback" not in made.stderr, made.stderr
    assert not list((tmp_path / "out").rglob(f"*{KIND}.docx")) and took < 60


@pytest.mark.parametrize("text, words", [
    ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}", "秒还没有完成"),
    ("{{ 'x' * 10**8 }}", "超过了"),
    ("{{ 10 ** (10 ** 10) }}", "超过了"),
    ("{% for i in range(10**9) %}{{ i }}{% endfor %}", "数太大"),
    ("{% macro m(n) %}{{ m(n + 1) }}{% endmacro %}{{ m(1) }}", "层次太深"),
    ("{% include 'other.docx' %}", "不能引用其他文件"),
    ("{% import 'other.docx' as o %}", "不能引用其他文件"),
])
def test_a_hostile_template_is_refused_with_its_name(tmp_path, text, words):
    assert_refused(tmp_path, with_paragraph(tmp_path, text), words)


def rewritten(tmp_path: Path, change) -> Path:
    """The default template with its document.xml changed (bytes in, bytes out)."""
    path = tmp_path / "rewritten.docx"
    with zipfile.ZipFile(DEFAULT) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            target.writestr(info, change(data) if info.filename == "word/document.xml" else data)
    return path


def test_an_xml_entity_is_refused(tmp_path):
    def entity(data: bytes) -> bytes:
        head, _, rest = data.partition(b"?>")
        return head + b'?><!DOCTYPE w:document [<!ENTITY boom "BOOM">]>' + rest.replace("部门".encode(), b"&boom;", 1)
    assert_refused(tmp_path, rewritten(tmp_path, entity), "DTD")


def test_a_package_that_inflates_to_gigabytes_is_refused_before_reading(tmp_path):
    bomb = rewritten(tmp_path, lambda data: data.replace(b"</w:body>", b"<w:p/>" * 20_000_000 + b"</w:body>"))
    assert bomb.stat().st_size < 2 * 1024 * 1024  # about 120 MB of XML deflates to under 2 MB
    assert_refused(tmp_path, bomb, "解压后有")
    lint, _ = run("templates", "check", str(bomb))
    assert lint.returncode == 1 and "解压后有" in lint.stderr


def test_a_rendered_part_that_is_not_well_formed_is_not_written(tmp_path):
    """The last guard before writing: the XML parts of a document rendered from a clerk's template are parsed."""
    import io

    from generator.errors import TemplateProblem
    from generator.render.limits import well_formed
    good = DEFAULT.read_bytes()
    broken = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as source, zipfile.ZipFile(broken, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            target.writestr(info, data.replace(b"</w:body>", b"<w:p></w:body>") if info.filename == "word/document.xml" else data)
    mine = tmp_path / "mine.docx"
    well_formed(mine, good)
    with pytest.raises(TemplateProblem, match="不是合格的 XML"):
        well_formed(mine, broken.getvalue())
    well_formed(DEFAULT, broken.getvalue())  # the built-in templates' output is proven by the tests instead


def test_the_limits_leave_the_default_templates_alone():
    r, _ = run("generate", "data/panzhihua-renhe-jiwei", "-o", "/tmp/juesuan-limits-out", seconds="1")
    assert r.returncode == 0, r.stderr


def test_the_output_cap_binds_a_clerk_s_template_not_a_built_in_one(tmp_path, monkeypatch):
    """A unit of 10,000 projects renders more than 32 M characters from the default 决算说明; the cap that stops a
    runaway template of the clerk's must not stop it. Here the cap is lowered below what an ordinary document renders."""
    from generator.errors import TemplateProblem
    from generator.render import limits
    from generator.workflow.pipeline import Job, generate
    monkeypatch.setattr(limits, "MAX_OUTPUT", 1_000)
    renhe = ROOT / "data" / "panzhihua-renhe-jiwei"
    _, written = generate(Job(renhe, renhe / "2019.yaml"), tmp_path / "built-in")
    assert any(p.name.endswith(f"{KIND}.docx") for p in written)
    folder = unit_with(tmp_path, DEFAULT)  # the same template, copied as the unit's own
    with pytest.raises(TemplateProblem) as caught:
        generate(Job(folder, folder / "2019.yaml"), tmp_path / "own")
    assert "mine.docx" in str(caught.value.message) and "超过了" in caught.value.message
