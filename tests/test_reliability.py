"""Any text in, a valid document out; no template injection; nothing lost; no traceback for users."""
import shutil
import subprocess
import time
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from conftest import pdf_pages, require_soffice
from lxml import etree

from generator.errors import TemplateProblem, UserError
from generator.load.reader import load_yaml
from generator.tools.totext import docx_text
from generator.workflow.pipeline import Job, discover, generate, prepare

ROOT = Path(__file__).resolve().parent.parent
PAYLOAD = 'R&D <b>"引号"</b> \x0b \x07 😀\n第二行\t制表'
SHOWN = 'R&D <b>"引号"</b> \n  😀\n第二行\t制表'
# Text values that are identifiers, not prose: left as they are.
IDENTIFIERS = {"名词解释", "资金性质", "版式", "模板", "一级指标", "二级指标"}


def _dump(data) -> str:
    """YAML text for plain data holding Decimals."""
    dumper = yaml.SafeDumper
    dumper.add_representer(Decimal, lambda d, v: d.represent_scalar("tag:yaml.org,2002:float", str(v)))
    return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=10**6)


def _poison(value, key=""):
    """Every prose string in plain data with the payload appended."""
    if key in IDENTIFIERS:
        return value
    if isinstance(value, dict):
        return {k: _poison(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_poison(v, key) for v in value]
    if isinstance(value, str):
        return value + PAYLOAD
    return value


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("poison") / "unit"
    folder.mkdir()
    for name in ("unit.yaml", "2019.yaml"):
        data = load_yaml(ROOT / "data" / "panzhihua-renhe-jiwei" / name).data
        (folder / name).write_text(_dump(_poison(data)), encoding="utf-8")
    return folder


def test_check_warns_about_the_vertical_tab_and_the_bell(poisoned):
    findings = prepare(Job(poisoned, poisoned / "2019.yaml")).findings
    vt = [f for f in findings if "垂直制表符" in f.message]
    bell = [f for f in findings if "U+0007" in f.message]
    assert len(vt) == len(bell) > 50 and all(f.severity == "警告" for f in vt + bell)
    assert {f.path for f in vt} >= {"重点工作[0]", "职能[0]", "项目[0].综述"}


def test_every_text_reaches_the_document_as_written(poisoned, tmp_path):
    _, written = generate(Job(poisoned, poisoned / "2019.yaml"), tmp_path)
    assert len(written) == 4
    for path in written:
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                if name.endswith(".xml"):
                    etree.fromstring(z.read(name))
        text = docx_text(path)
        assert text.count(SHOWN) >= 10 and "\x07" not in text and "\x0b" not in text
    final = docx_text(written[0])
    assert "中共攀枝花市仁和区纪委和攀枝花市仁和区监委合署办公" + "，履行党的纪律检查和政府监察职能，主管全区党的纪律检查和公职人员监督监察工作。" + SHOWN in final


def test_libreoffice_shows_the_text(poisoned, tmp_path):
    soffice = require_soffice()
    _, written = generate(Job(poisoned, poisoned / "2019.yaml"), tmp_path)
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/p", "--headless", "--convert-to", "pdf", "--outdir",
                    str(tmp_path), str(written[0])], check=True, capture_output=True, timeout=180)
    text = "".join(pdf_pages(tmp_path / (written[0].stem + ".pdf")))
    assert 'R&D <b>"引号"</b>' in text and "第二行" in text


def test_text_up_to_the_limit_renders_and_more_is_named(tmp_path):
    from generator.constants import MAX_TEXT
    folder = tmp_path / "big"
    shutil.copytree(ROOT / "data" / "panzhihua-renhe-jiwei", folder)
    path = folder / "2019.yaml"
    original = path.read_text(encoding="utf-8")
    longest = ("纪检监察&<工作>" * MAX_TEXT)[:MAX_TEXT]
    path.write_text(original.replace("重点工作:\n", f"重点工作:\n  - \"{longest}\"\n", 1), encoding="utf-8")
    _, written = generate(Job(folder, path), tmp_path / "out")
    assert longest in docx_text(written[0])
    path.write_text(original.replace("重点工作:\n", f"重点工作:\n  - \"{longest}多\"\n", 1), encoding="utf-8")
    found = [f for f in prepare(Job(folder, path)).findings if f.is_error]
    assert [(f.path, f.line) for f in found] == [("重点工作[0]", original.splitlines().index("重点工作:") + 2)]
    assert "超过每项 20000 字的上限" in found[0].message


INJECTIONS = [
    "{{ ''.__class__.__mro__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ self._TemplateReference__context }}",
    "{{ lipsum.__globals__['os'].environ }}",
    "{% for c in [].__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
    "{{ unit.__dict__ }}",
    "{{ d.model_config }}",
]


@pytest.mark.parametrize("payload", INJECTIONS)
def test_injection_in_data_stays_literal_text(tmp_path, payload):
    folder = tmp_path / "u"
    shutil.copytree(ROOT / "data" / "panzhihua-renhe-jiwei", folder)
    path = folder / "2019.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("重点工作:\n", f"重点工作:\n  - {_dump([payload])[2:]}", 1), encoding="utf-8")
    _, written = generate(Job(folder, path), tmp_path / "out")
    assert payload in docx_text(written[0])


@pytest.mark.parametrize("payload", INJECTIONS)
def test_injection_in_a_template_is_refused(tmp_path, payload):
    from docx import Document

    from generator.render.docx import render
    doc = Document(str(ROOT / "templates" / "四川" / "部门决算说明.docx"))
    doc.add_paragraph(payload)
    template = tmp_path / "t.docx"
    doc.save(str(template))
    from generator.contexts import common as contexts
    bundle = prepare(discover([ROOT / "data" / "panzhihua-renhe-jiwei"])[0]).bundle
    try:
        text = docx_text(render(template, contexts.final_accounts(bundle, [])))
    except TemplateProblem as exc:
        assert "不允许" in exc.message or "不存在" in exc.message or "无法渲染" in exc.message
        return
    for leak in ("<class", "os.", "environ", "PATH", "subprocess", "model_config", "{'"):
        assert leak not in text.split(payload)[0][-200:]


def test_alias_bomb_is_refused_quickly(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i-1}'] * 10)}]" for i in range(1, 12)]
    path = tmp_path / "2019.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    start = time.monotonic()
    loaded = load_yaml(path)
    assert time.monotonic() - start < 2 and not loaded.ok and "别名" in loaded.findings[0].message


def test_oversized_file_is_refused(tmp_path, monkeypatch):
    from generator.load import reader as loading
    monkeypatch.setattr(loading, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "2019.yaml"
    path.write_text("年度: 2019\n" + "# 注释\n" * 400, encoding="utf-8")
    assert "文件过大" in load_yaml(path).findings[0].message


def test_failed_render_leaves_the_previous_document(tmp_path):
    folder = tmp_path / "u"
    shutil.copytree(ROOT / "data" / "panzhihua-renhe-jiwei", folder)
    out = tmp_path / "out"
    _, written = generate(Job(folder, folder / "2019.yaml"), out)
    before = {p: p.read_bytes() for p in written}
    from docx import Document
    doc = Document(str(ROOT / "templates" / "四川" / "部门决算说明.docx"))
    doc.add_paragraph("{{ no_such_variable }}")
    doc.save(str(folder / "broken.docx"))
    with open(folder / "unit.yaml", "a", encoding="utf-8") as f:
        f.write("模板:\n  部门决算说明: broken.docx\n")
    (folder / "2019.yaml").write_text((folder / "2019.yaml").read_text(encoding="utf-8").replace("实有人数: 60", "实有人数: 61"), encoding="utf-8")
    with pytest.raises(TemplateProblem, match="no_such_variable"):
        generate(Job(folder, folder / "2019.yaml"), out)
    assert {p: p.read_bytes() for p in written} == before
    assert not [p for p in out.rglob("*") if p.name.startswith(".~")]


def test_locked_output_file_is_named(tmp_path, monkeypatch):
    import os

    from generator.render.files import write_atomic
    monkeypatch.setattr(os, "replace", lambda *a: (_ for _ in ()).throw(PermissionError(13, "Permission denied")))
    with pytest.raises(UserError, match="说明.docx") as caught:
        write_atomic(tmp_path / "说明.docx", b"x")
    assert "Word" in caught.value.message


def test_internal_bug_apologises_and_hides_the_traceback(monkeypatch):
    from click.testing import CliRunner

    import cli
    from generator.workflow import pipeline
    monkeypatch.setattr(pipeline, "discover", lambda paths: 1 / 0)
    result = CliRunner().invoke(cli.main, ["check"])
    assert result.exit_code == 3 and "抱歉" in result.stderr and "Traceback" not in result.stderr
    result = CliRunner().invoke(cli.main, ["--debug", "check"])
    assert result.exit_code == 3 and "Traceback" in result.stderr and "ZeroDivisionError" in result.stderr
