"""docxtpl rendering of one template with its context: 目录 filled, drafts marked, deterministic bytes."""
from __future__ import annotations

import copy
import io
import re
import zipfile
from pathlib import Path
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from jinja2 import TemplateError
from jinja2.sandbox import SecurityError
from lxml import etree

from generator.errors import TemplateProblem
from generator.render.jinja import environment, remembered
from generator.render.limits import check_package, check_source
from generator.render.package import package_bytes

DRAFT_MARK = "草稿（未经审核，不得公开）"
LISTING = re.compile(r"<w:t(?: [^>]*)?>[^<]*[\t\n\a\f]")


_PATCHED: dict[str, str] = {}


class Template(DocxTemplate):
    """docxtpl's template, with its XML clean-up done once per part text and its line-break pass skipped
    when no text holds a break or a tab (same output either way)."""

    def patch_xml(self, src_xml):
        """docxtpl's clean-up of a part's XML into Jinja source (a pure function of the text), memoised."""
        return remembered(_PATCHED, src_xml, 256, lambda: super(Template, self).patch_xml(src_xml))

    def resolve_listing(self, xml):
        """docxtpl's conversion of tabs and line breaks in text, only when some text has one."""
        if not any(c in xml for c in "\t\n\a\f"):
            return xml
        return super().resolve_listing(xml) if LISTING.search(xml) else xml


BAD_PACKAGE = (OSError, KeyError, ValueError, zipfile.BadZipFile, etree.XMLSyntaxError, PackageNotFoundError)


def not_a_docx(template: Path, exc: Exception) -> TemplateProblem:
    """The clerk's message for a template that is no Word document."""
    return TemplateProblem(f"模板 {template} 不是有效的 Word 文档（.docx）：{type(exc).__name__}。请用 Word 或 WPS "
                           "打开它并另存为“Word 文档（*.docx）”，或在 unit.yaml 的“模板”里改回默认模板。")


def opened(template: Path) -> Template:
    """A template opened for rendering, or a TemplateProblem saying it is no Word document."""
    check_package(template)
    tpl = Template(str(template))
    try:
        tpl.init_docx()
        with zipfile.ZipFile(template) as package:
            package.getinfo("word/styles.xml")
    except BAD_PACKAGE as exc:
        raise not_a_docx(template, exc) from exc
    check_source(template, tpl.get_xml())
    return tpl


def render(template: Path, context: dict[str, Any], subdocs: dict[str, bytes] | None = None, draft: bool = False) -> bytes:
    """A rendered document's deterministic bytes; a draft is marked on every page, its placeholders highlighted."""
    tpl = opened(template)
    restart_numbering(context)
    ctx = dict(context, draft=draft, draft_mark=DRAFT_MARK if draft else "")
    ctx["subdocs"] = {name: annex(tpl, template, data) for name, data in (subdocs or {}).items()}
    try:
        tpl.render(ctx, jinja_env=environment())
    except SecurityError as exc:
        raise TemplateProblem(f"模板 {template.name} 试图访问不允许的内容，已拒绝渲染：{exc}") from exc
    except TemplateError as exc:
        raise TemplateProblem(_template_message(template, exc)) from exc
    fill_contents(tpl.docx.element.body)
    align_numbers(tpl.docx.element.body)
    entitle(tpl.docx)
    if draft:
        highlight_placeholders(tpl.docx.element.body)
    return package_bytes(tpl.docx)


def restart_numbering(context: dict[str, Any]) -> None:
    """The context's heading numbers counted from the start again, however often it was rendered before."""
    numbering = context.get("numbering")
    if numbering is not None:
        numbering.restart()


TOC_LEVELS = {"Heading1": 1, "Heading2": 2}
HEADING_PARAGRAPHS = ".//w:p[w:pPr/w:pStyle[{}]]".format(" or ".join(f'@w:val="{s}"' for s in TOC_LEVELS))


def fill_contents(body) -> None:
    """Fill a TOC field's cached result with the document's level 1–2 headings (Word refreshes page numbers)."""
    marks = [r for r in body.xpath('.//w:r[w:t="【目录】"]') if field_separator(r.getparent()) is not None]
    if not marks:  # (a clerk's own “【目录】” outside a TOC field is text)
        return
    paragraph = marks[0].getparent()
    headings = []
    for p in body.xpath(HEADING_PARAGRAPHS):
        level = TOC_LEVELS[p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}").get(qn("w:val"))]
        text = "".join(t.text or "" for t in p.iter(qn("w:t")))
        if text.strip():
            headings.append((level, text, p))
    last_part = max((i for i, h in enumerate(headings) if h[0] == 1), default=len(headings))
    for _, _, p in headings[last_part + 1:]:
        p.find(qn("w:pPr")).get_or_add_outlineLvl().set(qn("w:val"), "9")
    entries = [(level, text) for level, text, _ in headings[:last_part + 1]]
    anchor = paragraph
    for level, text in entries:
        entry = etree.SubElement(etree.Element(qn("w:p")), qn("w:pPr")).getparent()
        etree.SubElement(entry.find(qn("w:pPr")), qn("w:pStyle")).set(qn("w:val"), f"toc{level}")
        run = etree.SubElement(entry, qn("w:r"))
        etree.SubElement(run, qn("w:t")).text = text
        anchor.addnext(entry)
        anchor = entry
    # the field's end must close after the entries: move the runs after 'separate' to the last entry
    separate = field_separator(paragraph)
    following = list(separate.itersiblings())
    for r in following:
        paragraph.remove(r)
    end = [r for r in following if r.find(qn("w:fldChar")) is not None]
    if anchor is not paragraph:
        anchor.append(end[-1])
    else:
        paragraph.extend(end)


def field_separator(paragraph):
    """The paragraph's run (a child of it) that separates a field's code from its result, if it has one."""
    return next((r for r in paragraph.iterchildren(qn("w:r"))
                 if any(f.get(qn("w:fldCharType")) == "separate" for f in r.iterchildren(qn("w:fldChar")))), None)


class BodyXml:
    """An annex's body XML, inserted as docxtpl inserts a sub-document; ``tag`` is its body's opening tag."""

    def __init__(self, xml: str, tag: str) -> None:
        self.xml = xml
        self.tag = tag

    def __html__(self) -> str:
        return self.xml

    def __str__(self) -> str:
        return self.xml


SELF_CONTAINED = re.compile(r'r:(id|embed|link)=|<w:bookmarkStart|<wp:docPr|<w:numPr|<w:footnoteReference|<w:endnoteReference|<w:fldSimple')


def annex(tpl: DocxTemplate, template: Path, data: bytes):
    """An annex to insert: its plain body when docxcompose's merge would change nothing, else docxtpl's Subdoc."""
    return plain_annex(template, data) or tpl.new_subdoc(io.BytesIO(data))


_ANNEXES: dict[tuple[str, bytes], Any] = {}


def plain_annex(template: Path, data: bytes) -> BodyXml | None:
    """An annex's plain body, or None when docxcompose's merge would change something.

    The merge is a no-op when the annex has the main document's very styles and its body refers to nothing
    outside itself (no relationships, numbering, bookmarks, drawings or notes).
    """
    return remembered(_ANNEXES, (str(template), data), 8, lambda: _plain_annex(template, data) or False) or None


def _plain_annex(template: Path, data: bytes) -> BodyXml | None:
    """plain_annex, worked out."""
    from docx.oxml.parser import parse_xml
    with zipfile.ZipFile(io.BytesIO(data)) as z, zipfile.ZipFile(template) as main:
        same_styles = z.read("word/styles.xml") == main.read("word/styles.xml")
        document = z.read("word/document.xml")
    body = parse_xml(document).body
    if body.sectPr is not None:
        body.remove(body.sectPr)
    xml = etree.tostring(body, encoding="unicode", pretty_print=False)
    if not same_styles or SELF_CONTAINED.search(xml):
        return None
    inner = re.sub(r"</?w:body[^>]*>", "", xml)
    # the annex's own text “{_{” must not become “{{”: docxtpl undoes its brace escapes in the whole rendered part
    inner = inner.replace("{_", "&#123;_").replace("_}", "_&#125;")
    return BodyXml(inner, xml[:xml.index(">") + 1])


PLACEHOLDER = re.compile(r"【待补充[^】]*】")
FIGURE = re.compile(r"^-?\d+(\.\d+)?%$|^-?\d+\.\d+$")  # an amount or a rate as a table cell prints it


TITLE_STYLE = "公文标题"
TITLE_LIMIT = 255  # characters a core property holds (python-docx refuses more)


def entitle(document) -> None:
    """The package's title (shown by Word, and by the PDF export) is the document's own: its title lines."""
    styles = {s.style_id for s in document.styles if s.name == TITLE_STYLE}
    lines = []
    for p in document.element.body.iterchildren(qn("w:p")):  # the title lines open the document; annexes have their own
        if p.pPr is not None and p.pPr.pStyle is not None and p.pPr.pStyle.val in styles:
            lines.append("".join(t.text or "" for t in p.iter(qn("w:t"))))
        elif lines:
            break
    title = "".join(line.strip() for line in lines if line.strip())
    if title:
        document.core_properties.title = title[:TITLE_LIMIT]


def align_numbers(body) -> None:
    """Right-align table cells that came out as an amount or a rate (the clerk's text in a form's value column too)."""
    for tc in body.iter(qn("w:tc")):
        for p in tc.findall(qn("w:p")):
            text = "".join(t.text or "" for t in p.iter(qn("w:t"))).strip()
            if FIGURE.match(text) and p.find(f"{qn('w:pPr')}/{qn('w:jc')}") is None:
                p.get_or_add_pPr().jc_val = WD_ALIGN_PARAGRAPH.RIGHT


def highlight_placeholders(body) -> None:
    """Split runs so that every 【待补充：…】 stands in its own yellow-highlighted run; breaks and tabs keep their place."""
    for run in list(body.iter(qn("w:r"))):
        if any(PLACEHOLDER.search(t.text or "") for t in run.findall(qn("w:t"))):
            _split_run(run)


def _split_run(run) -> None:
    """Replace a run by runs of its pieces in order: text, each placeholder (highlighted), and its breaks and tabs."""
    properties = run.find(qn("w:rPr"))
    pieces: list[tuple[str, Any]] = []  # ("text", str) or ("node", element)
    for child in run:
        if child is properties:
            continue
        if child.tag == qn("w:t"):
            pieces += [("text", part) for part in re.split(f"({PLACEHOLDER.pattern})", child.text or "") if part]
        else:
            pieces.append(("node", child))
    for kind, piece in pieces:
        new = OxmlElement("w:r")
        if properties is not None:
            new.append(copy.deepcopy(properties))
        if kind == "node":
            new.append(copy.deepcopy(piece))
        else:
            node = OxmlElement("w:t")
            node.text = piece
            node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            new.append(node)
            if PLACEHOLDER.fullmatch(piece):
                new.get_or_add_rPr().get_or_add_highlight().set(qn("w:val"), "yellow")
        run.addprevious(new)
    run.getparent().remove(run)

def _template_message(template: Path, exc: TemplateError) -> str:
    """A Chinese explanation of a Jinja error, with the template text around it."""
    where = ""
    context = getattr(exc, "docx_context", None)
    if context:
        text = " ".join(t.strip() for t in context if t.strip())
        where = f"\n  出错位置附近的文字：{text[:200]}"
    detail = str(exc.message if hasattr(exc, "message") and exc.message else exc)
    match = re.search(r"'([^']+)' is undefined", detail)
    if match:
        detail = f"模板用到了不存在的变量“{match.group(1)}”（可用变量见 templates/README.md）"
    return f"模板 {template} 无法渲染：{detail}{where}"
