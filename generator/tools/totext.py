"""A plain-text rendition of a .docx for review and diffs: paragraphs with their style, tables as rows."""
from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

HEADING_MARK = {"Heading 1": "#", "Heading 2": "##", "Heading 3": "###", "Heading 4": "####", "Heading 5": "#####"}


def story_paragraph(element) -> Paragraph:
    """python-docx's Paragraph over a bare w:p element (no story part: only its text is read)."""
    return Paragraph(element, None)  # type: ignore[arg-type]


def paragraph_text(p) -> str:
    """A paragraph's text with tabs and line breaks kept."""
    out = []
    for el in p._p.iter():
        if el.tag == qn("w:t") and el.text:
            out.append(el.text)
        elif el.tag == qn("w:tab") and el.getparent().tag == qn("w:r"):
            out.append("\t")
        elif el.tag == qn("w:br") and el.get(qn("w:type")) != "page":
            out.append("\n")
    return "".join(out)


def _block_lines(block, styles: dict) -> list[str]:
    """Lines for one body element: a paragraph or a table."""
    if block.tag == qn("w:p"):
        p = story_paragraph(block)
        text = paragraph_text(p)
        style_id = p._p.pPr.pStyle.val if p._p.pPr is not None and p._p.pPr.pStyle is not None else None
        style = styles.get(style_id, style_id or "Normal")
        if not text.strip():
            return []
        mark = HEADING_MARK.get(style)
        return [f"{mark} {text}" if mark else f"[{style}] {text}" if style != "Normal" else text]
    if block.tag == qn("w:tbl"):
        rows = []
        for tr in block.iter(qn("w:tr")):
            cells = []
            for tc in tr.findall(qn("w:tc")):
                cells.append(" / ".join(paragraph_text(story_paragraph(p)) for p in tc.findall(qn("w:p"))).strip())
            rows.append("| " + " | ".join(cells) + " |")
        return rows + [""]
    return []


def docx_lines(source: Path | bytes) -> list[str]:
    """The document as text lines: ``# heading``, ``[style] text``, ``| cell | cell |``."""
    doc = Document(io.BytesIO(source) if isinstance(source, bytes) else str(source))
    styles = {s.style_id: s.name for s in doc.styles}
    lines: list[str] = []
    for block in doc.element.body:
        lines.extend(_block_lines(block, styles))
    return lines


def docx_text(source: Path | bytes) -> str:
    """The document as one text."""
    return "\n".join(docx_lines(source)) + "\n"
