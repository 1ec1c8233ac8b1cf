"""Word body XML as text: the steps after rendering (目录, number alignment, title, draft highlights) done on the
string, giving the very bytes that lxml gives for the same steps on the parsed tree.

The text is the body's children as lxml writes them: no comments, CDATA or processing instructions, attributes
in double quotes, text escaping only &amp; &lt; &gt;, empty elements self-closed. ``canonical`` brings a rendered
body to that form, or says it cannot.
"""
from __future__ import annotations

import re
from collections.abc import Collection

from generator.render.marks import START, marks_of, table_note, unmarked
from generator.render.treesteps import FIGURE, PLACEHOLDER, TOC_LEVELS
from generator.render.xmlscan import element_end, element_start, escape, name_of, paragraph_start, properties, replace_child, split_element, style_of, text_of, with_property

# a w:t that could be (part of) a figure's text: a digit among what a figure holds
FIGURE_TEXT = re.compile(r"<w:t(?:\s[^>]*)?>\s*-?[\d.]*\d[\d.%]*\s*</w:t>")
JC = re.compile(r"<w:jc[\s/>]")
FIRST_TEXT = re.compile(r"<w:t(?:\s[^>]*)?>(?=[^<])")  # the opening of the first w:t that holds text
# markupsafe's and xml_safe's character references, as lxml writes those characters in text
REFERENCES = (("&#34;", '"'), ("&#39;", "'"), ("&#123;", "{"), ("&#125;", "}"))

HEADING_STYLE = re.compile(r'<w:pStyle w:val="(' + "|".join(TOC_LEVELS) + r')"/>')
JC_SUCCESSORS = ("textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
                 "sectPr", "pPrChange")
OUTLINE_SUCCESSORS = ("divId", "cnfStyle", "rPr", "sectPr", "pPrChange")
HIGHLIGHT_SUCCESSORS = ("u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang",
                        "eastAsianLayout", "specVanish", "oMath")


def canonical(body: str, empties: frozenset[str]) -> str | None:
    """A rendered ``<w:body …>…</w:body>``'s children as lxml writes them, or None when the text holds a character
    reference other than markupsafe's. ``empties`` names the elements that may have rendered empty."""
    return canonical_children(body[body.index(">") + 1:body.rindex("</w:body>")], empties)


def canonical_children(inner: str, empties: frozenset[str]) -> str | None:
    """canonical for rendered body children without the body's own tags (a streamed batch of them)."""
    if "#" in inner and "&#" in inner:  # (one character is found much faster than two)
        for reference, character in REFERENCES:
            inner = inner.replace(reference, character)
        if "&#" in inner:
            return None
    for name in empties:
        inner = self_closed(inner, name)
    return inner


def self_closed(xml: str, name: str) -> str:
    """The text with each empty element of this name written self-closed (<w:t></w:t> → <w:t/>)."""
    close = f"></{name}>"
    out, at, end = [], 0, xml.find(close)
    while end >= 0:
        start = xml.rfind("<", 0, end)
        if xml.startswith(name, start + 1) and xml[start + 1 + len(name)] in " >":
            out += [xml[at:end], "/>"]
            at = end + len(close)
        end = xml.find(close, end + 1)
    return "".join(out) + xml[at:] if out else xml


def mark_tables(body: str) -> str:
    """mark_tables of treesteps on the text: a table's marks dropped, one naming its figures' lines in its first text."""
    if START not in body:
        return body
    out, at = [], 0
    for start, end in table_spans(body):
        segment = body[start:end]
        if START not in segment:
            continue
        note = table_note(marks_of(segment))
        segment = unmarked(segment)
        first = FIRST_TEXT.search(segment)
        if note and first is not None:
            segment = segment[:first.end()] + note + segment[first.end():]
        out += [body[at:start], segment]
        at = end
    return "".join(out) + body[at:] if out else body


def align_numbers(body: str) -> str:
    """Table cell paragraphs that read as an amount or a rate, right-aligned unless they say otherwise."""
    out, at, seen = [], 0, -1
    for table_start, table_end in table_spans(body):
        for match in FIGURE_TEXT.finditer(body, table_start, table_end):
            start = paragraph_start(body, match.start())
            if start <= seen or _has_jc(body, start):
                continue
            end = body.index("</w:p>", match.end()) + len("</w:p>")
            seen = start
            paragraph = body[start:end]
            aligned = _aligned(paragraph)
            if aligned is not paragraph:
                out += [body[at:start], aligned]
                at = end
    return "".join(out) + body[at:] if out else body


def table_spans(body: str) -> list[tuple[int, int]]:
    """The (start, end) of each top-level table (their tags found with str.find, much faster here than a regex)."""
    opens, closes = _all(body, "<w:tbl>") + _all(body, "<w:tbl "), _all(body, "</w:tbl>")
    spans, depth, start = [], 0, 0
    for at, opening in sorted([(o, True) for o in opens] + [(c, False) for c in closes]):
        if opening:
            start = start if depth else at
            depth += 1
        else:
            depth -= 1
            if not depth:
                spans.append((start, at + len("</w:tbl>")))
    return spans


def _all(text: str, part: str) -> list[int]:
    """Every position of ``part`` in ``text``."""
    found, at = [], text.find(part)
    while at >= 0:
        found.append(at)
        at = text.find(part, at + 1)
    return found


def _has_jc(body: str, start: int) -> bool:
    """Whether the paragraph opening at ``start`` has a plain w:pPr with an alignment (a quick look)."""
    properties = body.find(">", start) + 1
    if not body.startswith("<w:pPr>", properties):
        return False
    return body.find("<w:jc ", properties, body.find("</w:pPr>", properties)) >= 0


def _aligned(paragraph: str) -> str:
    """A cell paragraph, right-aligned when it is a figure without an alignment of its own (else itself)."""
    span = properties(paragraph)
    if span is not None and JC.search(paragraph, span[0], span[1]):
        return paragraph
    if not FIGURE.match(text_of(paragraph).strip()):
        return paragraph
    return with_property(paragraph, "jc", '<w:jc w:val="right"/>', JC_SUCCESSORS)


def title_lines(body: str, styles: Collection[str]) -> str:
    """The document's title: the text of the top-level paragraphs in a title style that open it, joined."""
    title = TitleLines(styles)
    title.feed(body)
    return title.text()


class TitleLines:
    """title_lines read from the body's children as they come (a streamed document's batches)."""

    def __init__(self, styles: Collection[str]) -> None:
        self.styles, self.done = styles, False
        self.lines: list[str] = []

    def feed(self, body: str) -> None:
        """Read the next whole top-level elements."""
        at = 0
        while not self.done and at < len(body):
            end = element_end(body, at)
            element = body[at:end]
            if element.startswith("<w:p") and name_of(element) == "p":
                if style_of(element) in self.styles:
                    self.lines.append(text_of(element))
                elif self.lines:
                    self.done = True
            at = end

    def text(self) -> str:
        """The title read so far."""
        return "".join(line.strip() for line in self.lines if line.strip())


def highlight_placeholders(body: str) -> str:
    """Every run holding a 【待补充：…】 split so that each placeholder stands in its own yellow-highlighted run."""
    out, at, mark = [], 0, body.find("【待补充")
    while mark >= 0:
        start = element_start(body, mark, "w:r")
        end = body.index("</w:r>", mark) + len("</w:r>")
        if start >= at:
            out += [body[at:start], _split_run(body[start:end])]
            at = end
        mark = body.find("【待补充", end)
    return "".join(out) + body[at:] if out else body


def _split_run(run: str) -> str:
    """A run replaced by runs of its pieces: text, each placeholder highlighted, its other children in place."""
    _, kids, _ = split_element(run)
    rpr = next((k for k in kids if name_of(k) == "rPr"), None)
    if not any(name_of(k) == "t" and PLACEHOLDER.search(text_of(k)) for k in kids):
        return run
    pieces: list[tuple[bool, str]] = []  # (is text, text or element)
    for kid in kids:
        if kid is rpr:
            continue
        if name_of(kid) == "t":
            pieces += [(True, p) for p in re.split(f"({PLACEHOLDER.pattern})", text_of(kid)) if p]
        else:
            pieces.append((False, kid))
    runs = []
    for is_text, piece in pieces:
        props = rpr or ""
        if is_text and PLACEHOLDER.fullmatch(piece):
            props = replace_child(rpr or "<w:rPr/>", "highlight", '<w:highlight w:val="yellow"/>', HIGHLIGHT_SUCCESSORS)
        content = f'<w:t xml:space="preserve">{escape(piece)}</w:t>' if is_text else piece
        runs.append(f"<w:r>{props}{content}</w:r>")
    return "".join(runs)


def fill_contents(body: str) -> str:
    """The TOC field's cached result filled with the level 1–2 headings, as render.treesteps.fill_contents does."""
    found = contents_field(body)
    if found is None:
        return body
    spans = headings(body)
    levels = [(level, text) for level, text, _ in spans]
    edits = [(found[0], found[1], lambda paragraph: contents_paragraph(paragraph, levels))]
    edits += [(start, end, out_of_outline) for _, _, (start, end) in spans[last_part(levels) + 1:]]
    return edited(body, edits)


def last_part(levels: list[tuple[int, str]]) -> int:
    """The index of the last level-1 heading (the headings after it stay out of the 目录)."""
    return max((i for i, (level, _) in enumerate(levels) if level == 1), default=len(levels))


def contents_paragraph(paragraph: str, levels: list[tuple[int, str]]) -> str:
    """The TOC field's paragraph with an entry for each heading up to the last part, the field closed after them."""
    entries = "".join(f'<w:p><w:pPr><w:pStyle w:val="toc{level}"/></w:pPr><w:r><w:t>{escape(text)}</w:t></w:r></w:p>'
                      for level, text in levels[:last_part(levels) + 1])
    kept, closing = _close_field(paragraph, bool(entries))
    if entries:
        entries = entries[:-len("</w:p>")] + closing + "</w:p>"
    return kept + entries


def out_of_outline(paragraph: str) -> str:
    """A heading after the last part taken out of the outline (outlineLvl 9)."""
    return with_property(paragraph, "outlineLvl", '<w:outlineLvl w:val="9"/>', OUTLINE_SUCCESSORS)


def edited(text: str, edits: list) -> str:
    """The text with each (start, end, change) applied to its span; the spans do not overlap."""
    out, at = [], 0
    for start, end, change in sorted(edits, key=lambda e: e[0]):
        out += [text[at:start], change(text[start:end])]
        at = end
    return "".join(out) + text[at:] if out else text


def contents_field(body: str) -> tuple[int, int] | None:
    """The span of the first paragraph with a TOC field whose result is a run reading exactly 【目录】."""
    at = body.find("【目录】</w:t>")
    while at >= 0:
        tag = body.rfind("<", 0, at)
        if body.startswith("<w:t", tag) and body[tag + 4] in " >" and body[at - 1] == ">":
            start = paragraph_start(body, tag)
            end = element_end(body, start)
            if _separator(split_element(body[start:end])[1]) is not None:
                return start, end
        at = body.find("【目录】</w:t>", at + 1)
    return None


def _separator(kids: list[str]) -> int | None:
    """Which of a paragraph's children is the run separating a field's code from its result, if any."""
    return next((i for i, kid in enumerate(kids) if name_of(kid) == "r" and any(
        name_of(c) == "fldChar" and 'w:fldCharType="separate"' in c for c in split_element(kid)[1])), None)


def headings(body: str) -> list[tuple[int, str, tuple[int, int]]]:
    """(level, text, span) of each paragraph in a TOC heading style with text, in order."""
    found = []
    for match in HEADING_STYLE.finditer(body):
        start = paragraph_start(body, match.start())
        end = body.index("</w:p>", match.end()) + len("</w:p>")
        paragraph = body[start:end]
        if style_of(paragraph) != match.group(1):
            continue  # the style of something else in the paragraph
        text = text_of(paragraph)
        if text.strip():
            found.append((TOC_LEVELS[match.group(1)], text, (start, end)))
    return found


def _close_field(paragraph: str, moved: bool) -> tuple[str, str]:
    """The TOC paragraph without the runs after its 'separate' run, and the field-end run(s) to close it with."""
    head, kids, close = split_element(paragraph)
    at = _separator(kids)
    assert at is not None  # contents_field chose this paragraph for its separator
    ends = [k for k in kids[at + 1:] if any(name_of(c) == "fldChar" for c in split_element(k)[1])]
    kept = head + "".join(kids[:at + 1])
    if moved:
        return kept + close, ends[-1] if ends else ""
    return kept + "".join(ends) + close, ""


