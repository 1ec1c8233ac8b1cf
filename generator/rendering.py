"""docxtpl rendering in a sandboxed, autoescaping Jinja environment, with deterministic bytes."""
from __future__ import annotations

import copy
import hashlib
import io
import marshal
import os
import re
import struct
import sys
import zipfile
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Any

from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from lxml import etree
import jinja2
from jinja2 import StrictUndefined, TemplateError
from markupsafe import Markup, escape
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from .errors import TemplateProblem
from .formatting import FILTERS

FIXED_DATE = (1980, 1, 1, 0, 0, 0)


FORBIDDEN = re.compile(r"[\x00-\x08\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(value: Any) -> Any:
    """Text as Word can hold it: CR LF and vertical tabs become line breaks, characters XML 1.0 forbids are dropped.

    Braces next to an underscore are written as character references, because docxtpl rewrites
    ``{_{`` and the like in its output.
    """
    if isinstance(value, str) and not hasattr(value, "__html__"):
        value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n")
        text = str(escape(FORBIDDEN.sub("", value)))
        return Markup(text.replace("{_", "&#123;_").replace("_}", "_&#125;"))
    return value


def remembered(cache: dict, key, limit: int, make):
    """cache[key], made on first use; the oldest entries leave once the cache holds more than ``limit``."""
    value = cache.get(key)
    if value is None:
        value = cache[key] = make()
        while len(cache) > limit:
            cache.pop(next(iter(cache)))
    return value


class Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, also closed to the data model's own machinery (model_*).

    Each template text is compiled once per process: docxtpl asks for the same parts on every render.
    """

    def from_string(self, source, globals=None, template_class=None):  # noqa: A002 (Jinja's signature)
        """The compiled template of a source text, compiled on first use."""
        if globals or template_class or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        return remembered(_COMPILED, source, 256, lambda: self.template_class.from_code(
            self, _disk_code(self, source), self.make_globals(None), None))

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """Attributes a template may read: no dunder/private ones (Jinja's rule) and no pydantic internals."""
        if attr.startswith("model_"):
            return False
        return super().is_safe_attribute(obj, attr, value)


CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "juesuan" / "jinja"


def _disk_code(env, source: str):
    """The compiled code of a template text, kept on disk between runs (as Jinja's bytecode cache does)."""
    key = hashlib.sha256("\0".join((sys.version, jinja2.__version__, type(env).__name__, source)).encode()).hexdigest()
    path = CACHE / f"{key}.bin"
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        pass
    code = env.compile(source)
    try:
        from .files import write_atomic
        write_atomic(path, marshal.dumps(code))
    except Exception:  # a read-only home only costs speed
        pass
    return code


_COMPILED: dict = {}


@lru_cache(maxsize=1)
def environment() -> ImmutableSandboxedEnvironment:
    """The Jinja environment every template renders in: sandboxed, autoescaped, strict, XML-safe output."""
    env = Sandbox(autoescape=True, undefined=StrictUndefined, finalize=xml_safe)
    env.filters.update(FILTERS)
    return env


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
        return super().resolve_listing(xml) if LISTING.search(xml) else xml


def render(template: Path, context: dict[str, Any], subdocs: dict[str, bytes] | None = None, draft: bool = False) -> bytes:
    """A rendered document's deterministic bytes; a draft is marked on every page, its placeholders highlighted."""
    tpl = Template(str(template))
    ctx = dict(context, draft=draft, draft_mark=DRAFT_MARK if draft else "")
    ctx["subdocs"] = {name: annex(tpl, template, data) for name, data in (subdocs or {}).items()}
    try:
        tpl.render(ctx, jinja_env=environment())
    except SecurityError as exc:
        raise TemplateProblem(f"模板 {template.name} 试图访问不允许的内容，已拒绝渲染：{exc}") from exc
    except TemplateError as exc:
        raise TemplateProblem(_template_message(template, exc)) from exc
    fill_contents(tpl.docx.element.body)
    if draft:
        highlight_placeholders(tpl.docx.element.body)
    return package_bytes(tpl.docx)


TOC_LEVELS = {"Heading1": 1, "Heading2": 2}
HEADING_PARAGRAPHS = ".//w:p[w:pPr/w:pStyle[{}]]".format(" or ".join(f'@w:val="{s}"' for s in TOC_LEVELS))


def fill_contents(body) -> None:
    """Fill a TOC field's cached result with the document's level 1–2 headings (Word refreshes page numbers)."""
    marks = body.xpath('.//w:r[w:t="【目录】"]')
    if not marks:
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
    separate = next(r for r in paragraph.iter(qn("w:r")) if r.find(qn("w:fldChar")) is not None and r.find(qn("w:fldChar")).get(qn("w:fldCharType")) == "separate")
    following = list(separate.itersiblings())
    for r in following:
        paragraph.remove(r)
    end = [r for r in following if r.find(qn("w:fldChar")) is not None]
    if anchor is not paragraph:
        anchor.append(end[-1])
    else:
        paragraph.extend(end)


class BodyXml:
    """An annex's body XML, inserted as docxtpl inserts a sub-document."""

    def __init__(self, xml: str) -> None:
        self.xml = xml

    def __html__(self) -> str:
        return self.xml

    def __str__(self) -> str:
        return self.xml


SELF_CONTAINED = re.compile(r'r:(id|embed|link)=|<w:bookmarkStart|<wp:docPr|<w:numPr|<w:footnoteReference|<w:endnoteReference|<w:fldSimple')


def annex(tpl: DocxTemplate, template: Path, data: bytes):
    """An annex to insert: its plain body when docxcompose's merge would change nothing, else docxtpl's Subdoc.

    The merge is a no-op when the annex has the main document's very styles and its body refers to nothing
    outside itself (no relationships, numbering, bookmarks, drawings or notes).
    """
    from docx.oxml.parser import parse_xml
    with zipfile.ZipFile(io.BytesIO(data)) as z, zipfile.ZipFile(template) as main:
        same_styles = z.read("word/styles.xml") == main.read("word/styles.xml")
        document = z.read("word/document.xml")
    body = parse_xml(document).body
    if body.sectPr is not None:
        body.remove(body.sectPr)
    xml = etree.tostring(body, encoding="unicode", pretty_print=False)
    if not same_styles or SELF_CONTAINED.search(xml):
        return tpl.new_subdoc(io.BytesIO(data))
    return BodyXml(re.sub(r"</?w:body[^>]*>", "", xml))


def package_members(document) -> dict[str, bytes]:
    """A python-docx document's zip members, as python-docx's own writer would write them."""
    from docx.opc.pkgwriter import _ContentTypesItem
    package = document.part.package
    parts = list(package.iter_parts())
    members = {"[Content_Types].xml": _ContentTypesItem.from_parts(parts).blob, "_rels/.rels": package.rels.xml}
    for part in parts:
        members[part.partname.membername] = part.blob
        if len(part.rels):
            members[part.partname.rels_uri.membername] = part.rels.xml
    return members


def package_bytes(document) -> bytes:
    """A document's deterministic .docx bytes, written in one pass."""
    return zip_members(package_members(document))


PLACEHOLDER = re.compile(r"【待补充[^】]*】")


def highlight_placeholders(body) -> None:
    """Split runs so that every 【待补充：…】 stands in its own yellow-highlighted run."""
    for t in list(body.iter(qn("w:t"))):
        text = t.text or ""
        if not PLACEHOLDER.search(text):
            continue
        run = t.getparent()
        pieces = [p for p in re.split(f"({PLACEHOLDER.pattern})", text) if p]
        for piece in pieces:
            new = copy.deepcopy(run)
            for old in new.findall(qn("w:t")):
                new.remove(old)
            node = etree.SubElement(new, qn("w:t"))
            node.text = piece
            node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
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


_DEFLATED: dict[bytes, tuple[int, bytes]] = {}


def _deflate(blob: bytes) -> tuple[int, bytes]:
    """A member's CRC and raw deflate data as zipfile makes them; kept for parts every document repeats."""
    def make() -> tuple[int, bytes]:
        compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
        return zlib.crc32(blob), compressor.compress(blob) + compressor.flush()
    return remembered(_DEFLATED, blob, 64, make) if len(blob) >= 1024 else make()


def zip_members(members: dict[str, bytes]) -> bytes:
    """Zip members with fixed timestamps in a fixed order, so equal input gives equal bytes.

    The bytes are those zipfile writes (a test compares them); the writing is our own because zipfile cannot
    take data deflated earlier, and the styles, theme and font parts are the same in every document.
    """
    first = [n for n in ("[Content_Types].xml", "_rels/.rels") if n in members]
    out = io.BytesIO()
    central = []
    for name in first + sorted(n for n in members if n not in first):
        info = zipfile.ZipInfo(name, FIXED_DATE)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        info.CRC, data = _deflate(members[name])
        info.compress_size, info.file_size = len(data), len(members[name])
        info.header_offset = out.tell()
        out.write(info.FileHeader())
        out.write(data)
        central.append(info)
    start = out.tell()
    for info in central:
        out.write(_central_record(info))
    count, size = len(central), out.tell() - start
    out.write(struct.pack(zipfile.structEndArchive, zipfile.stringEndArchive, 0, 0, count, count, size, start, 0))
    return out.getvalue()


def _central_record(info: zipfile.ZipInfo) -> bytes:
    """A member's central-directory record, laid out as zipfile lays it out (no zip64: parts are far below 4 GB)."""
    year, month, day, hour, minute, second = info.date_time
    dosdate = (year - 1980) << 9 | month << 5 | day
    dostime = hour << 11 | minute << 5 | second // 2
    try:
        name, flags = info.filename.encode("ascii"), info.flag_bits
    except UnicodeEncodeError:  # zipfile marks UTF-8 names with bit 11
        name, flags = info.filename.encode("utf-8"), info.flag_bits | 0x800
    return struct.pack(zipfile.structCentralDir, zipfile.stringCentralDir, info.create_version, info.create_system,
                       info.extract_version, info.reserved, flags, info.compress_type, dostime, dosdate,
                       info.CRC, info.compress_size, info.file_size, len(name), 0, 0, 0, info.internal_attr,
                       info.external_attr, info.header_offset) + name


def normalize_docx(data: bytes, replace: dict[str, bytes] | None = None) -> bytes:
    """The same package with fixed timestamps and member order (and parts replaced)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    return zip_members({n: (replace or {}).get(n) or source.read(n) for n in source.namelist()})
