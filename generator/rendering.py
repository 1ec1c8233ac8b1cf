"""docxtpl rendering in a sandboxed, autoescaping Jinja environment, with deterministic bytes."""
from __future__ import annotations

import io
import os
import re
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import copy

from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from lxml import etree
from jinja2 import StrictUndefined, TemplateError
from markupsafe import Markup, escape
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from .errors import TemplateProblem, UserError
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
        text = escape(FORBIDDEN.sub("", value))
        return Markup(text.replace("{_", "&#123;_").replace("_}", "_&#125;"))
    return value


class Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, also closed to the data model's own machinery (model_*)."""

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """Attributes a template may read: no dunder/private ones (Jinja's rule) and no pydantic internals."""
        if attr.startswith("model_"):
            return False
        return super().is_safe_attribute(obj, attr, value)


def environment() -> ImmutableSandboxedEnvironment:
    """The Jinja environment every template renders in: sandboxed, autoescaped, strict, XML-safe output."""
    env = Sandbox(autoescape=True, undefined=StrictUndefined, finalize=xml_safe)
    env.filters.update(FILTERS)
    return env


DRAFT_MARK = "草稿（未经审核，不得公开）"


def render(template: Path, context: dict[str, Any], subdocs: dict[str, bytes] | None = None, draft: bool = False) -> bytes:
    """A rendered document's deterministic bytes; a draft is marked on every page, its placeholders highlighted."""
    tpl = DocxTemplate(str(template))
    ctx = dict(context, draft=draft, draft_mark=DRAFT_MARK if draft else "")
    ctx["subdocs"] = {name: tpl.new_subdoc(io.BytesIO(data)) for name, data in (subdocs or {}).items()}
    try:
        tpl.render(ctx, jinja_env=environment())
    except SecurityError as exc:
        raise TemplateProblem(f"模板 {template.name} 试图访问不允许的内容，已拒绝渲染：{exc}") from exc
    except TemplateError as exc:
        raise TemplateProblem(_template_message(template, exc)) from exc
    if draft:
        highlight_placeholders(tpl.docx.element.body)
    buffer = io.BytesIO()
    tpl.save(buffer)
    return normalize_docx(buffer.getvalue())


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
                rpr = new.find(qn("w:rPr"))
                if rpr is None:
                    rpr = etree.SubElement(new, qn("w:rPr"))
                    new.insert(0, rpr)
                mark = etree.SubElement(rpr, qn("w:highlight"))
                mark.set(qn("w:val"), "yellow")
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


def normalize_docx(data: bytes, replace: dict[str, bytes] | None = None) -> bytes:
    """The same package with fixed timestamps and member order (and parts replaced), so equal input gives equal bytes."""
    replace = replace or {}
    source = zipfile.ZipFile(io.BytesIO(data))
    names = source.namelist()
    ordered = [n for n in ("[Content_Types].xml", "_rels/.rels") if n in names]
    ordered += sorted(n for n in names if n not in ordered)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in ordered:
            info = zipfile.ZipInfo(name, FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, replace.get(name) or source.read(name))
    return out.getvalue()


def _umask() -> int:
    """The process umask."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes) -> None:
    """Write bytes to a file through a temporary file and a rename, so a failure leaves the old file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".~", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except PermissionError as exc:
        _discard(tmp)
        raise UserError(f"无法写入 {path}：文件可能正在 Word 或 WPS 中打开（或没有写入权限）。请关闭该文件后重试。") from exc
    except BaseException:
        _discard(tmp)
        raise


def _discard(path: str) -> None:
    """Remove a temporary file if it is still there."""
    if os.path.exists(path):
        os.unlink(path)
