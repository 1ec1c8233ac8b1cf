import io
import zipfile
from decimal import Decimal as D

import pytest
from templates_helpers import one_paragraph_template

from generator.errors import TemplateProblem
from generator.render.docx import render
from generator.render.files import write_atomic
from generator.render.jinja import environment


def test_same_input_same_bytes(generated):
    import tempfile
    from pathlib import Path

    from generator.workflow.pipeline import discover, generate
    with tempfile.TemporaryDirectory() as other:
        for job in discover([]):
            generate(job, Path(other))
        for relative, path in generated.items():
            assert (Path(other) / relative).read_bytes() == path.read_bytes(), relative


def test_zip_members_have_fixed_timestamps(generated):
    for path in generated.values():
        with zipfile.ZipFile(path) as z:
            assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def zipfile_bytes(members: dict[str, bytes]) -> bytes:
    """What zipfile writes for the members, in zip_members' order and with its fixed timestamps."""
    first = [n for n in ("[Content_Types].xml", "_rels/.rels") if n in members]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in first + sorted(n for n in members if n not in first):
            info = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, members[name])
    return out.getvalue()


def test_our_zip_writer_writes_what_zipfile_writes(generated):
    from generator.render.package import zip_members
    for path in generated.values():
        with zipfile.ZipFile(path) as z:
            members = {n: z.read(n) for n in z.namelist()}
        for _ in range(2):  # the second time from the cache of deflated parts
            assert zip_members(members) == zipfile_bytes(members), path.name
    odd = {"word/media/图片 1.png": b"\x89PNG" * 400, "[Content_Types].xml": b"<Types/>", "empty.xml": b""}
    assert zip_members(odd) == zipfile_bytes(odd)
    with zipfile.ZipFile(io.BytesIO(zip_members(odd))) as z:
        assert z.testzip() is None and z.read("word/media/图片 1.png") == odd["word/media/图片 1.png"]


def test_text_is_escaped(tmp_path):
    tpl = one_paragraph_template(tmp_path, "{{ text }}")
    data = render(tpl, {"text": "R&D <b>\"引号\"</b> 'x'"})
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert "R&amp;D &lt;b&gt;" in xml


def test_undefined_variable_is_a_template_problem(tmp_path):
    tpl = one_paragraph_template(tmp_path, "{{ nothing_here }}")
    with pytest.raises(TemplateProblem, match="nothing_here"):
        render(tpl, {})


def test_sandbox_refuses_python_internals(tmp_path):
    tpl = one_paragraph_template(tmp_path, "{{ ''.__class__.__mro__ }}")
    with pytest.raises(TemplateProblem):
        render(tpl, {})


def test_filters_are_available():
    env = environment()
    assert env.from_string("{{ x|money }}").render(x=D("1")) == "1.00"


def test_atomic_write_keeps_old_file_on_failure(tmp_path, monkeypatch):
    target = tmp_path / "a.docx"
    target.write_bytes(b"old")
    import os
    import errno
    monkeypatch.setattr(os, "replace", lambda *a: (_ for _ in ()).throw(OSError(errno.ENOSPC, "No space left on device")))
    from generator.errors import UserError
    with pytest.raises(UserError, match="磁盘空间不足"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["a.docx"]


def test_braces_next_to_underscores_survive(tmp_path):
    """docxtpl rewrites {_{ and _} in its output; text holding them still comes out as written."""
    from generator.tools.totext import docx_text
    tpl = one_paragraph_template(tmp_path, "{{ text }}")
    assert "a_}b{_{c}_} {_% %_} & <d>" in docx_text(render(tpl, {"text": "a_}b{_{c}_} {_% %_} & <d>"}))
