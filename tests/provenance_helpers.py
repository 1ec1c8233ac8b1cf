"""Reading a draft's comments back: which figures of the running text sit inside a comment, and the comments' text."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

from docx.oxml.ns import qn
from lxml import etree

UNITS = "万元|元|%|个|人次|人|辆|批次|次|项|家|台|套|分|条|份|天|名|户|所|平方米"
FIGURE = re.compile(rf"(?<![\d.])(\d+(?:\.\d+)?)(?:{UNITS})|(?<![\d.])(\d+\.\d+)(?![\d年])")
NAMES_A_LINE = re.compile(r"\.ya?ml）?：?\s*第 \d+ 行")


def comments_of(path: Path) -> dict[str, str]:
    """Each comment's id and text (lines joined by newlines)."""
    with zipfile.ZipFile(path) as package:
        if "word/comments.xml" not in package.namelist():
            return {}
        root = etree.fromstring(package.read("word/comments.xml"))
    return {c.get(qn("w:id")): "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in c.iter(qn("w:p")))
            for c in root.iter(qn("w:comment"))}


def running_figures(path: Path) -> list[tuple[str, list[str]]]:
    """Every figure of the body's paragraphs outside tables, with the ids of the comments around it."""
    with zipfile.ZipFile(path) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    out = []
    for paragraph in root.iter(qn("w:p")):
        if next(paragraph.iterancestors(qn("w:tbl")), None) is not None:
            continue
        chars: list[tuple[str, tuple]] = []
        open_ids: list[str] = []
        for node in paragraph.iter(qn("w:t"), qn("w:commentRangeStart"), qn("w:commentRangeEnd")):
            if node.tag == qn("w:commentRangeStart"):
                open_ids.append(node.get(qn("w:id")))
            elif node.tag == qn("w:commentRangeEnd"):
                open_ids.remove(node.get(qn("w:id")))
            else:
                chars += [(c, tuple(open_ids)) for c in node.text or ""]
        text = "".join(c for c, _ in chars)
        for match in FIGURE.finditer(text):
            number = 1 if match.group(1) else 2  # the digits (a unit after them may stand outside the comment)
            ids = set(chars[match.start(number)][1]) & set(chars[match.end(number) - 1][1])
            out.append((match.group(), sorted(ids)))
    return out


def template_figures(folder: Path) -> set[str]:
    """The figures a layout's templates print as fixed text (单价100万元（含）以上): the data gives them no source."""
    out: set[str] = set()
    for template in folder.glob("*.docx"):
        with zipfile.ZipFile(template) as package:
            root = etree.fromstring(package.read("word/document.xml"))
        for paragraph in root.iter(qn("w:p")):
            text = re.sub(r"\{[{%#].*?[}%#]\}", "", "".join(t.text or "" for t in paragraph.iter(qn("w:t"))))
            out.update(m.group() for m in FIGURE.finditer(text))
    return out


def coverage(path: Path, fixed: frozenset[str] | set[str] = frozenset()) -> tuple[int, int, list[str]]:
    """How many running-text figures (but those a template prints as fixed text) sit in a comment that names a YAML
    line, of how many; the others."""
    notes = comments_of(path)
    figures = [(f, ids) for f, ids in running_figures(path) if f not in fixed]
    named = [f for f, ids in figures if any(NAMES_A_LINE.search(notes.get(i, "")) for i in ids)]
    missing = [f for f, ids in figures if not any(NAMES_A_LINE.search(notes.get(i, "")) for i in ids)]
    return len(named), len(figures), missing
