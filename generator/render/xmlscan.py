"""Word XML as lxml writes it, read and edited as text: elements, their children, a paragraph's properties."""
from __future__ import annotations

import re

TAG = re.compile(r"<(/?)([A-Za-z_][\w.:-]*)(?:\s[^>]*?)?(/?)>")
TEXT = re.compile(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>")


def escape(text: str) -> str:
    """Text as lxml writes it in an element."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def unescape(text: str) -> str:
    """Element text from its lxml form."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def text_of(xml: str) -> str:
    """The concatenated w:t texts of a fragment."""
    return "".join(unescape(t) for t in TEXT.findall(xml))


def element_end(xml: str, start: int) -> int:
    """Where the element opening at ``start`` ends."""
    depth = 0
    for match in TAG.finditer(xml, start):
        closing, self_closed = match.group(1), match.group(3)
        if not closing and not self_closed:
            depth += 1
        elif closing:
            depth -= 1
        if depth == 0:
            return match.end()
    raise ValueError("unclosed element")


def children(xml: str) -> list[str]:
    """The top-level elements of a content string."""
    spans, at = [], 0
    while at < len(xml):
        end = element_end(xml, at) if xml[at] == "<" else _text_end(xml, at)
        spans.append(xml[at:end])
        at = end
    return spans


def _text_end(xml: str, at: int) -> int:
    """Where text between elements, starting at ``at``, ends."""
    following = xml.find("<", at)
    return len(xml) if following < 0 else following


def split_element(xml: str) -> tuple[str, list[str], str]:
    """An element's open tag, children and close tag (a self-closed one is split as if written open)."""
    head = TAG.match(xml)
    assert head is not None
    if head.group(3):
        return xml[:-2] + ">", [], f"</{head.group(2)}>"
    close = xml.rindex("</")
    return xml[:head.end()], children(xml[head.end():close]), xml[close:]


def name_of(xml: str) -> str:
    """An element's local name (w:jc → jc); '' for text between elements."""
    head = TAG.match(xml)
    return head.group(2).split(":")[-1] if head else ""


def insert_child(element: str, child: str, successors: tuple[str, ...]) -> str:
    """An element with ``child`` before its first child named in ``successors`` (else last), as python-docx inserts."""
    head, kids, close = split_element(element)
    at = next((i for i, k in enumerate(kids) if name_of(k) in successors), len(kids))
    kids.insert(at, child)
    return head + "".join(kids) + close


def replace_child(element: str, name: str, child: str, successors: tuple[str, ...]) -> str:
    """An element whose child ``name`` is ``child`` (replaced in place, or inserted in schema order)."""
    head, kids, close = split_element(element)
    for i, kid in enumerate(kids):
        if name_of(kid) == name:
            kids[i] = child
            return head + "".join(kids) + close
    return insert_child(element, child, successors)


def properties(paragraph: str) -> tuple[int, int] | None:
    """The span of a paragraph's w:pPr (its first child), if it has one."""
    start = paragraph.find(">") + 1
    if paragraph.startswith("<w:pPr>", start):
        return start, paragraph.index("</w:pPr>", start) + len("</w:pPr>")
    if paragraph.startswith("<w:pPr/>", start):
        return start, start + len("<w:pPr/>")
    if not paragraph.startswith("<w:pPr ", start):
        return None
    return start, element_end(paragraph, start)


def style_of(paragraph: str) -> str | None:
    """A paragraph's style id (its w:pPr/w:pStyle)."""
    span = properties(paragraph)
    if span is None:
        return None
    match = re.search(r'<w:pStyle w:val="([^"]*)"/>', paragraph[span[0]:span[1]])
    return match.group(1) if match else None


def with_property(paragraph: str, name: str, child: str, successors: tuple[str, ...]) -> str:
    """A paragraph with a child set in its w:pPr (the w:pPr made first when it has none)."""
    span = properties(paragraph)
    if span is None:
        open_end = paragraph.find(">") + 1
        if paragraph.endswith("/>") and open_end == len(paragraph):
            return paragraph[:-2] + "><w:pPr>" + child + "</w:pPr></w:p>"
        return paragraph[:open_end] + "<w:pPr>" + child + "</w:pPr>" + paragraph[open_end:]
    start, end = span
    return paragraph[:start] + replace_child(paragraph[start:end], name, child, successors) + paragraph[end:]


def paragraph_start(body: str, at: int) -> int:
    """Where the paragraph holding position ``at`` opens."""
    return element_start(body, at, "w:p")


def element_start(body: str, at: int, tag: str) -> int:
    """Where the innermost ``tag`` element holding position ``at`` opens (``<w:p`` but not ``<w:pPr``)."""
    opening = "<" + tag
    start = body.rindex(opening, 0, at)
    while body[start + len(opening)] not in " >":
        start = body.rindex(opening, 0, start)
    return start
