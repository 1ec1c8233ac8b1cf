"""Each text step on body XML gives the bytes its tree twin in render.docx gives, on the forms Word XML takes."""
from __future__ import annotations

import pytest
from docx.oxml.parser import parse_xml
from lxml import etree

from generator.render import steps, treesteps, xmltext

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
P = '<w:p><w:pPr><w:pStyle w:val="{}"/></w:pPr><w:r><w:t>{}</w:t></w:r></w:p>'
TOC = ('<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\\\o "1-2" </w:instrText>'
       '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>【目录】</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/>'
       '</w:r></w:p>')


def by_tree(children: str, step) -> str:
    """The body's children after a render.docx step on the parsed tree, as lxml writes them."""
    body = parse_xml(f'<w:document xmlns:w="{W}"><w:body>{children}</w:body></w:document>').body
    step(body)
    text = etree.tostring(body, encoding="unicode")
    return text[text.index(">") + 1:text.rindex("</w:body>")]


def cell(paragraph: str) -> str:
    """A one-cell table holding a paragraph."""
    return f'<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid><w:tr><w:tc>{paragraph}</w:tc></w:tr></w:tbl>'


ALIGN = [cell("<w:p><w:r><w:t>12.50</w:t></w:r></w:p>"), cell("<w:p><w:pPr/><w:r><w:t>-3.5%</w:t></w:r></w:p>"),
         cell('<w:p><w:pPr><w:spacing w:before="0"/><w:rPr><w:b/></w:rPr></w:pPr><w:r><w:t>1</w:t></w:r><w:r><w:t>.00</w:t></w:r></w:p>'),
         cell('<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>7.00</w:t></w:r></w:p>'),
         cell("<w:p><w:r><w:t>12.50万元</w:t></w:r></w:p><w:p><w:r><w:t> 100% </w:t></w:r></w:p>"),
         "<w:p><w:r><w:t>88.00</w:t></w:r></w:p>" + cell(cell("<w:p><w:r><w:t>0.00</w:t></w:r></w:p>")), "<w:p/>"]
HIGHLIGHT = ['<w:p><w:r><w:rPr><w:b/><w:u w:val="single"/></w:rPr><w:t xml:space="preserve">甲【待补充：乙】丙</w:t><w:br/>'
             '<w:t>【待补充：丁】</w:t></w:r></w:p>',
             '<w:p><w:r w:rsidR="1"><w:t>【待补充：&amp;&lt;】</w:t><w:tab/></w:r><w:r><w:t>【待补充】</w:t></w:r></w:p>',
             '<w:p><w:r><w:rPr><w:highlight w:val="green"/></w:rPr><w:t>【待补充：x】</w:t></w:r><w:r><w:t>无</w:t></w:r></w:p>']
CONTENTS = [P.format("公文标题", "标题") + TOC + P.format("Heading1", "第一部分 概况") + P.format("Heading2", "一、职能 &amp; 机构")
            + P.format("Heading1", "第二部分 附件") + P.format("Heading2", "附件一") + P.format("Heading1", " "),
            TOC + "<w:p/>", TOC + P.format("Heading2", "只有二级") + cell(P.format("Heading1", "表格里的一级"))]


@pytest.mark.parametrize("step", steps.STEPS, ids=lambda s: s.name)
def test_every_declared_step_gives_its_tree_twins_text(step):
    """Each step both renderers run has its two forms, and they agree on every sample body (each step's own samples
    and every other's)."""
    for children in ALIGN + HIGHLIGHT + CONTENTS:
        assert step.text(children) == by_tree(children, step.tree), (step.name, children[:80])


def test_the_renderers_run_the_declared_steps():
    """The renderers name no step function of their own: they walk steps.STEPS."""
    import inspect

    from generator.render import direct, docx
    for module in (direct, docx):
        source = inspect.getsource(module)
        assert "steps.STEPS" in source
        assert not any(f"{name}(" in source for name in ("fill_contents", "align_numbers", "highlight_placeholders"))


@pytest.mark.parametrize("children", ALIGN)
def test_number_alignment(children):
    assert xmltext.align_numbers(children) == by_tree(children, treesteps.align_numbers)


@pytest.mark.parametrize("children", HIGHLIGHT)
def test_draft_highlights(children):
    assert xmltext.highlight_placeholders(children) == by_tree(children, treesteps.highlight_placeholders)


@pytest.mark.parametrize("children", CONTENTS)
def test_table_of_contents(children):
    assert xmltext.fill_contents(children) == by_tree(children, treesteps.fill_contents)


def test_title_lines():
    children = P.format("T", " 某单位 ") + "<w:tbl/>" + P.format("T", "2024年度部门决算") + P.format("正文", "x") + P.format("T", "不算")
    assert xmltext.title_lines(children, {"T"}) == "某单位2024年度部门决算"


def test_canonical_form():
    empties = frozenset({"w:t", "w:r"})
    body = '<w:body xmlns:w="x"><w:r><w:t xml:space="preserve"></w:t><w:t>&#34;&#39;&#123;_&#125;</w:t></w:r><w:r></w:r></w:body>'
    assert xmltext.canonical(body, empties) == '<w:r><w:t xml:space="preserve"/><w:t>"\'{_}</w:t></w:r><w:r/>'
    assert xmltext.canonical('<w:body><w:t>&#169;</w:t></w:body>', empties) is None
