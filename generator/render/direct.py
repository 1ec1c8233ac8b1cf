"""The direct renderer: a template in docxtpl's plain subset prepared once per process, each document rendered as
text and zipped from parts written once. Its bytes are docxtpl's (render.docx), which renders everything else."""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.oxml import serialize_part_xml
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from jinja2 import Template as Jinja
from jinja2 import TemplateError
from lxml import etree

from generator.render import steps, stream, xmltext
from generator.render.docx import DRAFT_MARK, TITLE_LIMIT, TITLE_STYLE, Template, opened, plain_annex, restart_numbering
from generator.render.jinja import environment, remembered
from generator.render.limits import capped
from generator.render.package import package_members, zip_members
from generator.render.xmlscan import escape

# what docxtpl's own pipeline must handle: Word's revision marks, bookmarks, drawings, text boxes, content controls,
# notes (the rsid attributes, paragraph ids and proofing marks Word and WPS save are fine: test_direct renders such copies)
OUTSIDE = re.compile(r"<w:bookmarkStart[ >]|<w:txbxContent|<w:sdt[ >]|<mc:AlternateContent|<w:(ins|del|moveFrom|moveTo)[ >]"
                     r"|<w:(rPr|pPr|sectPr|tblPr|trPr|tcPr)Change|<wp:docPr|<w:(footnote|endnote)Reference|<!--|<\?|&#")
# what makes text that is not markupsafe's escaping: then the data could write any markup
UNESCAPED = re.compile(r"\|\s*(safe|xmlattr|urlize|tojson)\b|\bautoescape\b|\bMarkup\b")
CELL_TAGS = re.compile(r"\{[{%#]-?\s*(tc|vm|hm|cellbg|colspan)\b")
TAG_IN_MARKUP = re.compile(r"<[^<>]*\{[{%#]")
MARKED_MARKUP = re.compile(r"<[^<>]*(&#|[\t\n\r])")  # an attribute value lxml would write otherwise
ROW_TAG = re.compile(r"\{[{%]-?\s*tr\s")
OPENS = re.compile(r"\{%-?\s*(?:[pr]\s+)?(if|for|with|block|filter|macro|call|raw|autoescape)\b")
CLOSES = re.compile(r"\{%-?\s*(?:[pr]\s+)?end(if|for|with|block|filter|macro|call|raw|autoescape)\b")
OPENED_BY_TAG = re.compile(r"<([\w:.-]+)(?:\s[^<>]*)?>(?=\{[{%#])")  # an element whose content starts with a tag
PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")  # docxtpl renders these
HEADERS = (Template.HEADER_URI, Template.FOOTER_URI)
TITLE_MARK = "\u2060标题\u2060"


@dataclass
class Prepared:
    """A template ready for direct rendering: its compiled parts and every constant member's bytes."""

    body: Jinja
    head: str  # word/document.xml up to the body's children
    tail: str
    body_tag: str  # the body's opening tag, with the namespaces an annex must share
    parts: list[tuple[str, Jinja, str]]  # header and footer: member name, compiled source, encoding
    members: dict[str, bytes]
    document: str  # the member names of the document and the core properties
    core: str
    untitled: bytes
    titled: tuple[bytes, bytes]  # core.xml before and after its title
    title_styles: frozenset[str]
    tags_in_markup: bool  # an attribute value comes from the data
    empties: frozenset[str]  # the elements that can render empty: those a tag opens, and docxtpl's w:t

    def render(self, template: Path, context: dict[str, Any], subdocs: dict[str, bytes], draft: bool) -> bytes | None:
        """The document's bytes, or None when this document needs docxtpl's pipeline (an annex it must merge, a
        template error to locate, text outside the plain form)."""
        annexes = {}
        for name, data in subdocs.items():
            annex = plain_annex(template, data)
            if annex is None or annex.tag != self.body_tag:
                return None
            annexes[name] = annex
        restart_numbering(context)
        ctx = dict(context, draft=draft, draft_mark=DRAFT_MARK if draft else "", subdocs=annexes)
        try:
            pieces = capped(self.body.generate(ctx))
            first, more = stream.take(pieces, stream.STREAM_AT)
            if more and not self.tags_in_markup:
                return self._streamed(chain(first, pieces), ctx, draft)
            rendered = after_jinja("".join(chain(first, pieces)))
            parts = {name: _part(after_jinja(source.render(ctx)), encoding) for name, source, encoding in self.parts}
        except TemplateError:
            return None
        body = None if self.tags_in_markup and MARKED_MARKUP.search(rendered) else xmltext.canonical(rendered, self.empties)
        if body is None:
            return None
        try:
            for step in steps.STEPS:
                if draft or not step.draft_only:
                    body = step.text(body)
            title = xmltext.title_lines(body, self.title_styles)[:TITLE_LIMIT]
        except (ValueError, IndexError, StopIteration):  # text not in the form the steps know: the tree path copes
            return None
        return self._zipped(parts, (self.head + body + self.tail).encode("utf-8"), title)

    def _zipped(self, parts: dict[str, bytes], document: bytes | stream.Deflated, title: str) -> bytes:
        """The package: the constant members, the rendered parts, the document and the core properties' title."""
        members: dict[str, bytes | stream.Deflated] = dict(self.members, **parts)
        members[self.document] = document
        members[self.core] = escape(title).encode("utf-8").join(self.titled) if title else self.untitled
        return zip_members(members)

    def _streamed(self, pieces, ctx: dict[str, Any], draft: bool) -> bytes | None:
        """A large document's bytes, its body streamed (render.stream): the same bytes the whole text would give."""
        body = stream.Body(self.head, self.tail, self.empties, self.title_styles, after_jinja)
        try:
            made = stream.streamed(body, pieces, draft)
            parts = {name: _part(after_jinja(source.render(ctx)), encoding) for name, source, encoding in self.parts}
        except TemplateError:
            return None
        except (ValueError, IndexError, StopIteration):  # text not in the form the steps know: the tree path copes
            return None
        if made is None:
            return None
        document, title = made
        return self._zipped(parts, document, title[:TITLE_LIMIT])


def after_jinja(xml: str) -> str:
    """docxtpl's text steps on a rendered part: its escaped braces, tabs and breaks.

    docxtpl renders a source with a line break before every paragraph (for its error messages) and takes them out
    again; the direct source has none, which leaves the same text (data cannot write '<', and the breaks are in
    the template's own text right before a paragraph, where no tag can come between).
    """
    if "_" in xml:
        xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
    return Template.resolve_listing(_LISTING, xml)


_LISTING = Template("")  # resolve_listing reads nothing from its template
_PARTS: dict[str, bytes] = {}


def _part(xml: str, encoding: str) -> bytes:
    """A rendered header or footer as python-docx writes it again (docxtpl loads it as a new part)."""
    return remembered(_PARTS, (xml, encoding), 64, lambda: serialize_part_xml(parse_xml(xml.encode(encoding))))


_PREPARED: dict[tuple, Prepared | bool] = {}


def prepared(template: Path) -> Prepared | None:
    """The template prepared for direct rendering (once per file version), or None when it is outside the subset."""
    try:
        stat = template.stat()
    except OSError:
        return None  # docxtpl's pipeline says what is wrong with the file
    found = remembered(_PREPARED, (str(template), stat.st_mtime_ns, stat.st_size), 16, lambda: prepare(template) or False)
    return found or None


def prepare(template: Path) -> Prepared | None:
    """A template's compiled parts and constant members, or None when it uses more than the plain subset."""
    tpl = opened(template)
    if outside_subset(tpl):
        return None
    env = environment()
    xml = tpl.get_xml()
    body_tag = xml[:xml.index(">") + 1]
    source = tpl.patch_xml(xml)
    try:
        body = env.from_string(source)
        parts = [(part.partname.membername, env.from_string(tpl.patch_xml(text)),
                  tpl.get_headers_footers_encoding(text))
                 for uri in HEADERS for _, part in tpl.get_headers_footers(uri) for text in [tpl.get_part_xml(part)]]
        tpl.render_properties({}, env)
    except TemplateError:
        return None  # docxtpl's pipeline reports it, with the text around it
    package = tpl.docx.part.package
    core = next(p for p in package.iter_parts() if p.content_type == CT.OPC_CORE_PROPERTIES)
    members = package_members(tpl.docx)
    untitled = core.blob
    tpl.docx.core_properties.title = TITLE_MARK
    titled = core.blob.split(TITLE_MARK.encode("utf-8"))
    head, tail = _around_body(tpl, body_tag)
    document, core_name = tpl.docx.part.partname.membername, core.partname.membername
    for name in [document, core_name, *(name for name, _, _ in parts)]:
        del members[name]
    styles = frozenset(s.style_id for s in tpl.docx.styles if s.name == TITLE_STYLE)
    return Prepared(body, head, tail, body_tag, parts, members, document, core_name, untitled,
                    (titled[0], titled[1]), styles, bool(TAG_IN_MARKUP.search(source)),
                    frozenset({"w:t", *OPENED_BY_TAG.findall(source)}))


def _around_body(tpl: Template, body_tag: str) -> tuple[str, str]:
    """word/document.xml before and after the body's children, as docxtpl's body swap leaves it."""
    root = tpl.docx.element
    root.replace(root.body, etree.fromstring(body_tag + "<w:p/></w:body>", etree.XMLParser(recover=True)))
    text = serialize_part_xml(root).decode("utf-8")
    at = text.index("<w:p/>", text.index("<w:body"))
    return text[:at], text[at + len("<w:p/>"):]


def outside_subset(tpl: Template) -> str:
    """What in a template only docxtpl's pipeline renders ('' when nothing): cell tags, tags in markup or document
    properties, notes, Word's revision marks, drawings, tables whose rows a tag could add or remove cells from."""
    xml = tpl.get_xml()
    if OUTSIDE.search(xml) or CELL_TAGS.search(xml) or UNESCAPED.search(xml):
        return "markup"
    package = tpl.docx.part.package
    types = {p.content_type for p in package.iter_parts()}
    if CT.WML_FOOTNOTES in types or CT.WML_ENDNOTES in types or CT.OPC_CORE_PROPERTIES not in types:
        return "parts"
    properties = tpl.docx.core_properties
    if any("{" in (getattr(properties, name) or "") for name in PROPERTIES):
        return "properties"
    return next((why for why in map(_table_problem, tpl.docx.element.body.iter(qn("w:tbl"))) if why), "")


def _table_problem(table) -> str:
    """Why docxtpl's table repair could change a rendered table ('' when it cannot): every row that stays must fill
    the grid, the first row must stay, and no cell may open a block it does not close."""
    grid = len(table.findall(f"{qn('w:tblGrid')}/{qn('w:gridCol')}"))
    rows = table.findall(qn("w:tr"))
    texts = ["".join(t.text or "" for t in row.iter(qn("w:t"))) for row in rows]
    if not rows or ROW_TAG.search(texts[0]):
        return "table without a fixed first row"
    for row, text in zip(rows, texts):
        if ROW_TAG.search(text):
            continue  # docxtpl makes this row its tag
        cells = row.findall(qn("w:tc"))
        spans = sum(int(c.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}").get(qn("w:val"))) if c.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}") is not None else 1 for c in cells)
        if spans != grid or len(cells) > grid:
            return "row not filling the grid"
        for cell in cells:
            words = "".join(t.text or "" for t in cell.iter(qn("w:t")))
            if len(OPENS.findall(words)) != len(CLOSES.findall(words)):
                return "block across cells"
    return ""
