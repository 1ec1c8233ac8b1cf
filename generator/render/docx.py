"""docxtpl rendering of one template with its context: 目录 filled, drafts marked, deterministic bytes."""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from jinja2 import TemplateError
from jinja2.sandbox import SecurityError
from lxml import etree

from generator.errors import TemplateProblem
from generator.render import steps
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
    for step in steps.STEPS:
        if draft or not step.draft_only:
            step.tree(tpl.docx.element.body)
    entitle(tpl.docx)
    return package_bytes(tpl.docx)


def restart_numbering(context: dict[str, Any]) -> None:
    """The context's heading numbers counted from the start again, however often it was rendered before."""
    numbering = context.get("numbering")
    if numbering is not None:
        numbering.restart()


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
