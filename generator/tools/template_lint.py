"""Lints a .docx template: split or unclosed tags, smart quotes, unbalanced blocks, unknown variable names."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.oxml import parse_xml
from docxtpl import DocxTemplate
from jinja2 import TemplateSyntaxError, meta, nodes

from generator.errors import ERROR, WARNING, Severity
from generator.render.docx import BAD_PACKAGE, not_a_docx
from generator.render.jinja import environment
from generator.render.limits import check_package
from generator.tools.template_names import slips
from generator.tools.totext import paragraph_text, story_paragraph
from generator.tools.variables import Member

TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")
OPEN = re.compile(r"\{\{|\{%|\{#")
BLOCK = re.compile(r"\{%-?\s*(?:[ptr]|tr|tc)?\s*(for|if|endfor|endif|elif|else)\b")
SMART = "“”‘’"
PAIRS = {"endfor": "for", "endif": "if"}


@dataclass(frozen=True)
class Problem:
    """A problem in a template, located by the text of its paragraph."""

    severity: Severity
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
            elif not stack or (stack[-1][0] != "if" and word == "elif"):
                out.append(Problem(ERROR, text, f"{word} 不在 if 块内。" if word == "elif" else "else 不在 if 或 for 块内。"))
    out += [Problem(ERROR, text, f"{word} 没有对应的 end{word}。") for word, text in stack]
    return out


def source(path: Path) -> str:
    """A template's Jinja source: its body, headers and footers as docxtpl renders them."""
    template = DocxTemplate(str(path))
    document = Document(str(path))
    xml = template.patch_xml(template.xml_to_string(document.element.body))
    for rel in document.part.rels.values():
        if rel.reltype in (template.HEADER_URI, template.FOOTER_URI) and rel.target_part.blob:
            xml += template.patch_xml(template.xml_to_string(parse_xml(rel.target_part.blob)))
    return xml


def parsed(text: str):
    """The syntax tree of a template source, in an environment that knows every filter it names (unknown ones are
    reported by name, not as a failure to read the template)."""
    env = environment()
    unknown = {n.name for n in env.parse(text).find_all(nodes.Filter) if n.name not in env.filters}
    if unknown:
        env = env.overlay()
        env.filters = {**env.filters, **dict.fromkeys(unknown, lambda value, *args, **kwargs: value)}  # a copy: the shared
        # environment's own filters stay as they are
    return env.parse(text)


def _where(doc, pattern: str) -> str:
    """The text of the first paragraph whose tags hold a pattern (for locating a problem)."""
    return next((paragraph_text(story_paragraph(p)) for p in _paragraphs(doc)
                 if re.search(rf"(\{{\{{|\{{%)[^}}%]*{pattern}", paragraph_text(story_paragraph(p)))), "")


def name_problems(path: Path, doc, variables: dict[str, Member]) -> list[Problem]:
    """Variables, attributes and filters the template uses that the document's context does not provide."""
    try:
        tree = parsed(source(path))
    except TemplateSyntaxError as exc:
        return [Problem(ERROR, "", f"模板语法错误：{exc.message}")]
    out = []
    for name in sorted(meta.find_undeclared_variables(tree) - set(variables)):
        close = difflib.get_close_matches(name, list(variables), n=1, cutoff=0.6)
        hint = f"是不是“{close[0]}”？" if close else ""
        out.append(Problem(ERROR, _where(doc, rf"\b{re.escape(name)}\b"), f"用到了不存在的变量“{name}”。{hint}可用的变量见 templates/变量说明.md。"))
    for slip in slips(tree, variables, set(environment().filters)):
        last = re.split(r"[.|]", slip.expression)[-1]
        out.append(Problem(ERROR, _where(doc, rf"{re.escape(slip.expression[:1])}?\s*{re.escape(last)}\b"), f"{slip.expression}：{slip.message}"))
    return out


def lint(path: Path, variables: dict[str, Member]) -> list[Problem]:
    """Every problem found in a template; a TemplateProblem when it is no Word document."""
    check_package(path)
    try:
        doc = Document(str(path))
        source(path)
    except BAD_PACKAGE as exc:
        raise not_a_docx(path, exc) from exc
    problems = [q for p in _paragraphs(doc) for q in paragraph_problems(p)]
    problems += block_problems(doc)
    if not any(q.severity == ERROR for q in problems):
        problems += name_problems(path, doc, variables)
    return problems
