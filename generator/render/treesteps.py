"""The steps after Jinja on a rendered document's tree (docxtpl's pipeline): the 目录 filled, table figures
right-aligned, a draft's placeholders highlighted. Their text twins are in xmltext; steps.py pairs them."""
from __future__ import annotations

import copy
import re
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from generator.render.marks import END, START, marks_of, table_note, unmarked

PLACEHOLDER = re.compile(r"【待补充[^】]*】")
FIGURE = re.compile(r"^-?\d+(\.\d+)?%$|^-?\d+\.\d+$")  # an amount or a rate as a table cell prints it


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


def mark_tables(body) -> None:
    """A draft's table: its figures' marks dropped, one mark in its first text naming the lines they come from."""
    for table in body.iter(qn("w:tbl")):
        if next(table.iterancestors(qn("w:tbl")), None) is not None:
            continue
        notes = []
        texts = [t for t in table.iter(qn("w:t")) if t.text]
        for t in texts:
            if START in t.text or END in t.text:
                notes += marks_of(t.text)
                t.text = unmarked(t.text)
        note = table_note(notes)
        if note and texts:
            texts[0].text = note + texts[0].text


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
