"""The direct renderer gives docxtpl's very bytes: on every document kind of every unit, final and draft, hostile
text included; templates outside its subset go to docxtpl; every output part parses strictly."""
from __future__ import annotations

import io
import json
import re
import shutil
import zipfile
from pathlib import Path
from unittest import mock

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from lxml import etree

from generator import TEMPLATES
from generator.render import direct, docx
from generator.render import kinds as documents
from generator.render.kinds import plan
from generator.workflow.pipeline import discover, prepare

ROOT = Path(__file__).resolve().parent.parent
UNITS = [ROOT / "data", *(ROOT / "tests" / "fixtures" / n for n in ("seed000", "seed004", "putuo-corrected", "putuo-faithful",
                                                                    "pingtan-corrected"))]
HOSTILE = ["&<>\"'", "{_ _}", "{_{ 甲 }_} {_% 乙 %_}", "{{ 1 }}", "{% if %}", "换行\n之后【待补充：某项】", "\t制表", "回车\r\n换行", "【目录】",
           "]]> <!-- --> <?xml?> &amp; &#34;", "😀 U+2028\u2028 控制\x01字符", "‘单’“双”引号", "100.00", "-3.5%"]


def strictly_parsed(data: bytes) -> None:
    """Every XML part of a package parsed by a strict parser (no recovery could hide malformed XML)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(package.read(name), etree.XMLParser(recover=False, resolve_entities=False))


def hostile_unit(tmp: Path) -> Path:
    """仁和区纪委监委 with text that tries markup, template syntax, escapes, breaks and control characters."""
    folder = tmp / "hostile"
    shutil.copytree(ROOT / "data" / "panzhihua-renhe-jiwei", folder)
    path = folder / "2019.yaml"
    lines = "".join(f"  - {json.dumps(s, ensure_ascii=False)}\n" for s in HOSTILE)
    path.write_text(path.read_text(encoding="utf-8").replace("重点工作:\n", "重点工作:\n" + lines, 1), encoding="utf-8")
    unit = folder / "unit.yaml"  # the 职能 are in the 决算说明 and in its annex, the 整体支出绩效评价报告
    unit.write_text(unit.read_text(encoding="utf-8").replace("职能:\n", "职能:\n" + lines, 1), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def renders(tmp_path_factory) -> list[tuple[str, bool, bytes, bytes | None]]:
    """(template kind, draft, docxtpl's bytes, the direct renderer's bytes) for every document the units make."""
    found = []
    real = docx.render

    def both(template, context, subdocs=None, draft=False):
        reference = real(template, context, subdocs, draft)
        ready = direct.prepared(template)
        found.append((template.stem, draft, reference, ready and ready.render(template, context, subdocs or {}, draft)))
        return reference

    from tests.test_project_form import renhe_with_a_form  # no unit of data/ has a project 自评表
    form_unit = renhe_with_a_form(tmp_path_factory.mktemp("form"), "      调整原因: 年中追加。\n")
    units = [*UNITS, hostile_unit(tmp_path_factory.mktemp("direct")), form_unit]
    with mock.patch.object(documents, "render", both):
        for draft in (False, True):
            for job in discover(units):
                bundle = prepare(job).bundle
                for planned, seen in documents.plan(bundle, job.unit_dir) if bundle is not None else []:
                    if not planned.kind.missing(seen):
                        planned.build(seen, job.unit_dir, draft)
    return found


def test_every_document_is_docxtpls_bytes(renders):
    kinds = {(kind, draft) for kind, draft, _, _ in renders}
    assert {k for k, _ in kinds} == {p.stem for p in TEMPLATES.glob("*/*.docx")} and len(kinds) == 12
    assert all(mine is not None for *_, mine in renders), "a built-in template went to docxtpl's pipeline"
    differing = [(kind, draft) for kind, draft, reference, mine in renders if mine != reference]
    assert not differing and len(renders) >= 40, differing


def test_hostile_text_reached_the_documents(renders):
    texts = [zipfile.ZipFile(io.BytesIO(mine)).read("word/document.xml").decode() for *_, mine in renders if mine]
    assert any("换行</w:t><w:br/>" in t and "&amp;&lt;&gt;\"'" in t and "{_ _}" in t for t in texts)
    final = [t for kind, _, _, mine in renders if kind == "部门决算说明" and mine
             for t in [zipfile.ZipFile(io.BytesIO(mine)).read("word/document.xml").decode()] if "{_ _}" in t]
    overall = [zipfile.ZipFile(io.BytesIO(m)).read("word/document.xml").decode() for k, _, _, m in renders
               if k == "部门整体支出绩效评价报告" and m]
    assert any('<w:t xml:space="preserve">【目录】</w:t>' in t for t in overall)  # a clerk's “【目录】” with no TOC field is text
    # as written: twice in the main part (职能, 重点工作), once in the annex (职能)
    assert final and all(t.count("{_{ 甲 }_} {_% 乙 %_}") == 3 and "{{ 甲 }}" not in t for t in final)
    assert any('<w:highlight w:val="yellow"/></w:rPr><w:t xml:space="preserve">【待补充：某项】' in t for t in texts)


def test_every_output_parses_strictly(renders):
    for *_, reference, mine in renders:
        strictly_parsed(reference)
        strictly_parsed(mine)


def custom(tmp_path: Path, change) -> Path:
    """The built-in 部门整体支出绩效评价报告 template changed as a clerk's own template might be."""
    document = Document(str(TEMPLATES / "四川" / "部门整体支出绩效评价报告.docx"))
    change(document)
    path = tmp_path / "custom.docx"
    document.save(str(path))
    return path


def _bookmarked(document) -> None:
    """Word's _GoBack bookmark in the title paragraph (the direct renderer's title step would read it otherwise)."""
    document.paragraphs[0]._p.insert(0, parse_xml(f'<w:bookmarkStart {nsdecls("w")} w:id="0" w:name="_GoBack"/>'))


def _tag_in_title(document) -> None:
    document.core_properties.title = "{{ unit.name }}整体支出绩效评价报告"


def _short_row(document) -> None:
    table = document.add_table(rows=2, cols=3)
    table.rows[1]._tr.remove(table.rows[1].cells[2]._tc)


def _cell_tag(document) -> None:
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "{%tc for x in [1] %}"
    table.cell(0, 1).text = "{%tc endfor %}"


def _block_across_cells(document) -> None:
    table = document.add_table(rows=1, cols=3)
    table.cell(0, 0).text = "{% if year > 2000 %}甲"
    table.cell(0, 2).text = "乙{% endif %}"


@pytest.mark.parametrize("change, why", [(_bookmarked, "markup"), (_tag_in_title, "properties"),
                                         (_short_row, "row not filling the grid"), (_cell_tag, "markup"),
                                         (_block_across_cells, "block across cells")])
def test_templates_outside_the_subset_go_to_docxtpl(tmp_path, renhe, change, why):
    from generator.contexts import common as contexts
    template = custom(tmp_path, change)
    assert direct.prepared(template) is None and direct.outside_subset(docx.opened(template)) == why
    from generator.render.document import render
    context = contexts.overall_evaluation(renhe)
    assert render(template, context) == docx.render(template, context)


def test_a_template_within_the_subset_is_rendered_directly(tmp_path, renhe):
    from generator.contexts import common as contexts
    from generator.render.document import render
    template = custom(tmp_path, lambda d: d.add_paragraph("自定义段落：{{ unit.name }}，{{ year }}年。"))
    ready = direct.prepared(template)
    context = contexts.overall_evaluation(renhe)
    assert ready is not None and ready.render(template, context, {}, False) == docx.render(template, context)
    assert "自定义段落：攀枝花市仁和区纪委监委" in zipfile.ZipFile(io.BytesIO(render(template, context))).read("word/document.xml").decode()


def test_an_annex_docxcompose_must_merge_goes_to_docxtpl(tmp_path, renhe):
    from generator.contexts import common as contexts
    other = custom(tmp_path, lambda d: d.styles.add_style("附件样式", 1))  # its own styles: merged by docxcompose
    annex = docx.render(other, contexts.overall_evaluation(renhe))
    template = TEMPLATES / "四川" / "部门决算说明.docx"
    listing = [{"number": 1, "key": "annex1", "project": None}]
    context = contexts.final_accounts(renhe, listing)
    assert direct.prepared(template).render(template, context, {"annex1": annex}, False) is None


def test_templates_saved_by_libreoffice_render_the_same(tmp_path, renhe):
    """A clerk's template edited and saved in LibreOffice: rendered directly where it stays in the subset (with
    docxtpl's bytes), by docxtpl where it does not (its 目录 becomes a content control)."""
    import subprocess

    from conftest import require_soffice

    from generator.contexts import common as contexts
    from generator.render.document import render
    kinds = ("部门整体支出绩效评价报告", "部门决算说明")
    sources = [tmp_path / f"{kind}.docx" for kind in kinds]
    for kind, source in zip(kinds, sources):
        shutil.copy(TEMPLATES / "四川" / f"{kind}.docx", source)
    subprocess.run([require_soffice(), f"-env:UserInstallation=file://{tmp_path}/p", "--headless", "--convert-to",
                    "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "saved"), *map(str, sources)],
                   capture_output=True, check=True, timeout=120)
    overall, final = (tmp_path / "saved" / source.name for source in sources)
    context = contexts.overall_evaluation(renhe)
    for draft in (False, True):
        ready = direct.prepared(overall)
        assert ready is not None and ready.render(overall, context, {}, draft) == docx.render(overall, context, draft=draft)
    assert direct.prepared(final) is None and direct.outside_subset(docx.opened(final)) == "markup"
    context = contexts.final_accounts(renhe, [])
    assert render(final, context) == docx.render(final, context)


def test_an_attribute_lxml_would_write_otherwise_goes_to_docxtpl(tmp_path, renhe):
    from generator.contexts import common as contexts
    from generator.render.document import render
    template = custom(tmp_path, lambda d: setattr(d.add_paragraph().add_run("字").font, "name", "{{ '甲\\t乙' }}"))
    ready = direct.prepared(template)
    context = contexts.overall_evaluation(renhe)
    assert ready is not None and ready.tags_in_markup
    assert ready.render(template, context, {}, False) is None  # a tab in an attribute: the XML parser makes it a space
    assert render(template, context) == docx.render(template, context)
    assert 'w:ascii="甲 乙"' in zipfile.ZipFile(io.BytesIO(render(template, context))).read("word/document.xml").decode()


def test_a_text_a_comment_empties_is_self_closed(tmp_path, renhe):
    from generator.contexts import common as contexts
    template = custom(tmp_path, lambda d: d.add_paragraph().add_run("{# 说明 #}"))
    ready = direct.prepared(template)
    context = contexts.overall_evaluation(renhe)
    data = ready.render(template, context, {}, False)
    assert data == docx.render(template, context)
    assert "<w:r><w:t/></w:r>" in zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()


W14 = "http://schemas.microsoft.com/office/word/2010/wordml"


def saved_by_word(source: Path, target: Path) -> None:
    """A copy of a template as Word and WPS save it: rsid attributes on paragraphs, runs and rows, paragraph
    ids, proofing marks between runs and rendered page breaks inside them."""
    counter = iter(range(0x00A10000, 0x00B00000))
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename.startswith("word/") and info.filename.endswith(".xml") and b"<w:p" in data:
                text = data.decode()
                text = re.sub(r"<w:p(?=[ >])", lambda _: f'<w:p w14:paraId="{next(counter):08X}" w14:textId="77777777" '
                                                         f'w:rsidR="{next(counter):08X}" w:rsidRDefault="00A10000" w:rsidP="00A10001"', text)
                text = re.sub(r"<w:(r|tr)(?=[ >])", lambda m: f'<w:{m.group(1)} w:rsidR="{next(counter):08X}"', text)  # sectPr has them already
                text = re.sub(r"(<w:r [^>]*>)", r'<w:proofErr w:type="spellStart"/>\1<w:proofErr w:type="spellEnd"/>', text, count=8)
                text = re.sub(r"(<w:r [^>]*>)(<w:t)", r"\1<w:lastRenderedPageBreak/>\2", text, count=3)
                if 'xmlns:w14=' not in text[:3000]:
                    text = text.replace("<w:document ", f'<w:document xmlns:w14="{W14}" ', 1).replace("<w:hdr ", f'<w:hdr xmlns:w14="{W14}" ', 1).replace("<w:ftr ", f'<w:ftr xmlns:w14="{W14}" ', 1)
                data = text.encode()
            zout.writestr(info, data)


def test_templates_saved_by_word_keep_the_direct_renderer_with_docxtpls_bytes(tmp_path):
    """Every default template saved as Word saves it renders every document of data/, final and draft, directly and
    byte for byte as docxtpl's pipeline renders the same template."""
    saved = {}
    for template in TEMPLATES.glob("*/*.docx"):
        (tmp_path / template.parent.name).mkdir(exist_ok=True)
        saved[template.resolve()] = tmp_path / template.parent.name / template.name
        saved_by_word(template, saved[template.resolve()])
    outcomes = []

    def both(template, context, subdocs=None, draft=False):
        template = saved[Path(template).resolve()]
        reference = docx.render(template, context, subdocs, draft)
        ready = direct.prepared(template)
        outcomes.append(ready is not None and ready.render(template, context, subdocs or {}, draft) == reference)
        return reference
    with mock.patch.object(documents, "render", both):
        for draft in (False, True):
            for job in discover(UNITS):
                bundle = prepare(job).bundle
                for planned, seen in plan(bundle, job.unit_dir):
                    if not planned.kind.missing(seen):
                        planned.build(seen, job.unit_dir, draft)
    assert len(outcomes) >= 18 and all(outcomes), outcomes
