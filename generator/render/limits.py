"""Limits on a template a clerk wrote, so that none can hang or exhaust the machine: the package's inflated size, no
DTD or entities, no include/import, a time limit per document, a cap on output and on values arithmetic builds, and
the rendered parts checked well-formed. Each breach is a TemplateProblem naming the template (exit 1)."""
from __future__ import annotations

import io
import os
import re
import signal
import threading
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Optional

from lxml import etree

from generator import TEMPLATES
from generator.errors import TemplateProblem

SECONDS = 60  # one document from a clerk's template (JUESUAN_TEMPLATE_SECONDS changes it); built-in ones take milliseconds
MAX_OUTPUT = 32 * 1024 * 1024  # characters one part (or one value) may render to: a long document is a few MB
MAX_MEMBER = 64 * 1024 * 1024  # inflated bytes of one member of a template's package
MAX_PACKAGE = 256 * 1024 * 1024  # inflated bytes of the whole package
MAX_EXPONENT_BITS = 4096  # ** may build numbers of about 1200 digits at most
OTHER_FILES = re.compile(r"\{%-?\s*[pr]?\s*(include|import|from|extends)\b")
_OUTPUT_CAP: ContextVar[Optional[int]] = ContextVar("output_cap", default=MAX_OUTPUT)  # None while a built-in renders
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


def problem(template: Path, what: str) -> TemplateProblem:
    """The clerk's message for a template that breaks a limit."""
    return TemplateProblem(f"模板 {template} {what}。请检查模板里的循环和计算，或在 unit.yaml 的“模板”里改回默认模板。")


def check_package(template: Path) -> None:
    """Refuse a template whose package would inflate beyond the limits, or whose XML declares a DTD or entities."""
    try:
        with zipfile.ZipFile(template) as package:
            members = package.infolist()
            total = sum(m.file_size for m in members)
            big = next((m for m in members if m.file_size > MAX_MEMBER), None)
            if big is not None or total > MAX_PACKAGE:
                raise problem(template, f"解压后有 {total // 1024 // 1024} MB（{(big or members[0]).filename}），超过了模板的上限，不像是正常的 Word 文档")
            for member in members:
                if member.filename.endswith((".xml", ".rels")):
                    with package.open(member) as part:
                        if b"<!DOCTYPE" in part.read(4096).upper():
                            raise problem(template, f"的 {member.filename} 声明了 DTD 或实体（<!DOCTYPE），Word 文档不会有这种内容，已拒绝")
    except (OSError, zipfile.BadZipFile, EOFError):
        return  # not a zip at all: the caller says it is no Word document


def check_source(template: Path, xml: str) -> None:
    """Refuse a template that would read other files ({% include %}, {% import %}, {% extends %})."""
    found = OTHER_FILES.search(xml)
    if found:
        raise problem(template, f"用了 {{% {found.group(1)} %}}：模板不能引用其他文件")


def limited_concat(pieces: Iterable[str]) -> str:
    """Jinja's concatenation of rendered pieces, refusing output beyond MAX_OUTPUT characters from a clerk's template
    (a built-in one renders a unit's data, however much: 10,000 projects make more than 32 M characters)."""
    cap = _OUTPUT_CAP.get()
    return "".join(pieces if cap is None else _capped(iter(pieces), cap))


def capped(pieces: Iterator[str]) -> Iterator[str]:
    """Rendered pieces as they come, refused once a clerk's template has rendered more than MAX_OUTPUT characters
    (a built-in template's pieces as they are)."""
    cap = _OUTPUT_CAP.get()
    return pieces if cap is None else _capped(pieces, cap)


def _capped(pieces: Iterator[str], cap: int) -> Iterator[str]:
    size = 0
    for piece in pieces:
        size += len(piece)
        if size > cap:
            raise OutputTooLarge(size)
        yield piece


class OutputTooLarge(Exception):
    """A template rendered more text than any document holds."""


def checked_binop(operator: str, left, right):
    """``*`` and ``**`` in a template, refused when they would build a value beyond the limits."""
    sized = left if hasattr(left, "__len__") else right
    times = right if sized is left else left
    if operator == "*" and hasattr(sized, "__len__") and isinstance(times, int) and len(sized) * max(times, 0) > MAX_OUTPUT:
        raise OutputTooLarge(len(sized) * times)
    if operator == "**" and isinstance(left, int) and isinstance(right, int) and abs(left) > 1 and right * max(abs(left).bit_length(), 1) > MAX_EXPONENT_BITS:
        raise OutputTooLarge(right)
    return {"*": lambda a, b: a * b, "**": lambda a, b: a ** b}[operator](left, right)


class _OutOfTime(Exception):
    """The time limit of a render ran out."""


def _alarm(signum, frame):
    """SIGALRM during a render: stop it."""
    raise _OutOfTime


@contextmanager
def guarded(template: Path) -> Iterator[None]:
    """Render under the limits: a time limit (where the system offers a timer), and the ways a template can run away
    (recursion, memory, huge ranges, huge output) turned into a TemplateProblem naming it."""
    seconds = float(os.environ.get("JUESUAN_TEMPLATE_SECONDS") or SECONDS)
    own = built_in(template)
    cap = _OUTPUT_CAP.set(None if own else MAX_OUTPUT)
    timed = not own and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGALRM, _alarm) if timed else None
    if timed:
        signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _OutOfTime:
        raise problem(template, f"生成一份文档用了 {seconds:g} 秒还没有完成（循环过多？），已停止") from None
    except RecursionError:
        raise problem(template, "里的宏或循环调用自己的层次太深，无法生成") from None
    except (MemoryError, OutputTooLarge):
        raise problem(template, f"生成的内容超过了 {MAX_OUTPUT // 1024 // 1024} M 个字符（例如把文字乘以很大的数），已停止") from None
    except OverflowError as exc:
        raise problem(template, f"里的数太大（{str(exc)[:80]}），例如 range 最多 100000 项") from None
    finally:
        _OUTPUT_CAP.reset(cap)
        if timed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def built_in(template: Path) -> bool:
    """Whether a template is one of the layouts shipped with the toolkit."""
    return TEMPLATES.resolve() in template.resolve().parents


def well_formed(template: Path, data: bytes) -> None:
    """Refuse a rendered document, from a template that is not built in, whose XML parts a reader cannot parse."""
    if built_in(template):
        return  # the built-in templates' output is parsed strictly by the tests
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if name.endswith((".xml", ".rels")):
                try:
                    etree.fromstring(package.read(name), PARSER)
                except etree.XMLSyntaxError as exc:
                    raise problem(template, f"生成的文档里 {name} 不是合格的 XML（{exc.msg}），Word 打不开它，已不写出") from None
