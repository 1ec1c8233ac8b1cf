"""Lints a .docx template: split or unclosed tags, smart quotes, unbalanced blocks, unknown variable names."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docxtpl import DocxTemplate
from jinja2 import TemplateSyntaxError

from generator.errors import ERROR, WARNING
from generator.render.jinja import environment
from generator.tools.totext import paragraph_text, story_paragraph

TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")
OPEN = re.compile(r"\{\{|\{%|\{#")
BLOCK = re.compile(r"\{%-?\s*(?:[ptr]|tr|tc)?\s*(for|if|endfor|endif|elif|else)\b")
SMART = "“”‘’"
PAIRS = {"endfor": "for", "endif": "if"}


@dataclass(frozen=True)
class Problem:
    """A problem in a template, located by the text of its paragraph."""

    severity: str
    where: str
    message: str

    def render(self) -> str:
        """The problem as one line."""
        return f"{self.severity}: 在“{self.where[:60]}”：{self.message}"


def _paragraphs(doc):
    """Every paragraph of the body (tables included), headers and footers."""
    yield from doc.element.body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p")
    for section in doc.sections:
        for part in (section.header, section.footer, section.even_page_header, section.even_page_footer):
            yield from part._element.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p")


def _runs(p) -> list[str]:
    """The texts of a paragraph's runs."""
    return [r.text for r in story_paragraph(p).runs]


def paragraph_problems(p) -> list[Problem]:
    """Problems inside one paragraph: unclosed tags, tags split across runs, smart quotes in tags."""
    text = paragraph_text(story_paragraph(p))
    out = []
    tags = list(TAG.finditer(text))
    covered: set[int] = set()
    for m in tags:
        covered.update(range(m.start(), m.end()))
    for m in OPEN.finditer(text):
        if m.start() not in covered:
            out.append(Problem(ERROR, text, f"标签“{text[m.start():m.start() + 20]}…”在本段内没有结束（缺少 }}}} 或 %}}，或被拆到了下一段）。这种拆分无法自动修复，请把整个标签写在同一段里。"))
    bounds, pos = [], 0
    for run in _runs(p):
        bounds.append((pos, pos + len(run)))
        pos += len(run)
    for m in tags:
        spans = [b for b in bounds if b[0] < m.end() and b[1] > m.start()]
        if len(spans) > 1:
            out.append(Problem(WARNING, text, f"标签“{m.group(0)[:40]}”被拆成了 {len(spans)} 段不同格式的文字。程序会尝试合并，若出错请删掉后整体重新输入。"))
        if any(q in m.group(0) for q in SMART):
            out.append(Problem(WARNING, text, f"标签“{m.group(0)[:40]}”里有中文引号，会被当作英文引号处理。标签里请用英文引号 ' 或 \"。"))
    return out


def block_problems(doc) -> list[Problem]:
    """Unbalanced for/if blocks across the document, located at the unmatched tag."""
    stack: list[tuple[str, str]] = []
    out = []
    for p in _paragraphs(doc):
        text = paragraph_text(story_paragraph(p))
        for m in BLOCK.finditer(text):
            word = m.group(1)
            if word in ("for", "if"):
                stack.append((word, text))
            elif word in PAIRS:
                if not stack or stack[-1][0] != PAIRS[word]:
                    out.append(Problem(ERROR, text, f"多余的 {word}：前面没有对应的 {PAIRS[word]}。"))
                else:
                    stack.pop()
            elif not stack or stack[-1][0] != "if":
                out.append(Problem(ERROR, text, f"{word} 不在 if 块内。"))
    out += [Problem(ERROR, text, f"{word} 没有对应的 end{word}。") for word, text in stack]
    return out


def name_problems(path: Path, doc, known: set[str]) -> list[Problem]:
    """Variables the template uses that the document's context does not provide."""
    try:
        undeclared = DocxTemplate(str(path)).get_undeclared_template_variables(environment())
    except TemplateSyntaxError as exc:
        return [Problem(ERROR, "", f"模板语法错误：{exc.message}")]
    out = []
    for name in sorted(undeclared - known):
        where = next((paragraph_text(story_paragraph(p)) for p in _paragraphs(doc)
                      if re.search(rf"(\{{\{{|\{{%)[^}}%]*\b{re.escape(name)}\b", paragraph_text(story_paragraph(p)))), "")
        out.append(Problem(ERROR, where, f"用到了不存在的变量“{name}”。可用的变量见 templates/README.md。"))
    return out


def lint(path: Path, known: set[str]) -> list[Problem]:
    """Every problem found in a template."""
    doc = Document(str(path))
    problems = [q for p in _paragraphs(doc) for q in paragraph_problems(p)]
    problems += block_problems(doc)
    if not any(q.severity == ERROR for q in problems):
        problems += name_problems(path, doc, known)
    return problems
