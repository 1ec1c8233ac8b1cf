"""A draft's figures as Word comments: the written package turns each mark a printed figure carries (render.marks)
into a comment range (a table's, placed by the steps after Jinja, names the lines its figures come from).

The document is read, changed and deflated a paragraph at a time, as render.stream writes it, and the comments part is
written as the marks come: a draft of thousands of projects is never held as one text or tree."""
from __future__ import annotations

import codecs
import io
import re
import zipfile
from collections.abc import Iterator

from generator.render.marks import END, MARK, NEWLINE, START, unmarked
from generator.render.package import zip_members
from generator.render.stream import Writer
from generator.render.xmlscan import name_of, split_element

AUTHOR, INITIALS = "决算文档生成工具", "JS"
COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
RUN = re.compile(r"<w:r(?=[\s>])[^>]*>.*?</w:r>", re.S)  # runs do not nest; <w:rPr> is not one
PARAGRAPH_END = "</w:p>"
CHUNK = 1 << 20
COMMENTS_HEAD = ('<?xml version=\'1.0\' encoding=\'UTF-8\' standalone=\'yes\'?>\n'
                 '<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">')


def with_comments(data: bytes) -> bytes:
    """A rendered draft's package with its marks turned into Word comments (unchanged when it has none)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        comments = _Comments()
        document = Writer()
        for text in _paragraphs(package):
            document.write(comments.paragraph(text))
        if not comments.marked:
            return data
        members = {name: package.read(name) for name in package.namelist() if name != "word/document.xml"}
    for name, blob in members.items():  # headers, footers, the core properties' title: the text without its marks
        if name.endswith(".xml") and START.encode() in blob:
            members[name] = unmarked(blob.decode("utf-8")).encode("utf-8")
    merged: dict = dict(members, **{"word/document.xml": document.done()})
    if comments.count:
        merged["word/comments.xml"] = comments.done()
        _register(merged)
    return zip_members(merged)


def _paragraphs(package: zipfile.ZipFile) -> Iterator[str]:
    """word/document.xml as text cut after paragraph ends (each piece whole paragraphs, or the rest)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    carry = ""
    with package.open("word/document.xml") as document:
        while chunk := document.read(CHUNK):
            text = carry + decoder.decode(chunk)
            cut = text.rfind(PARAGRAPH_END)
            if cut < 0:
                carry = text
                continue
            cut += len(PARAGRAPH_END)
            yield from _split_paragraphs(text[:cut])
            carry = text[cut:]
    yield carry + decoder.decode(b"", final=True)


def _split_paragraphs(text: str) -> Iterator[str]:
    """Text cut after each paragraph end."""
    at = 0
    while (end := text.find(PARAGRAPH_END, at)) >= 0:
        yield text[at:end + len(PARAGRAPH_END)]
        at = end + len(PARAGRAPH_END)
    if at < len(text):
        yield text[at:]


class _Comments:
    """The comments found so far, written to the comments part as they come."""

    def __init__(self) -> None:
        self.writer = Writer()
        self.writer.write(COMMENTS_HEAD)
        self.count = 0
        self.marked = False  # whether any paragraph held a mark

    def paragraph(self, text: str) -> str:
        """A paragraph (with what precedes it) whose marked runs are split into text, comment ranges and references."""
        if START not in text and END not in text:
            return text
        self.marked = True
        opened: list[int] = []
        out = RUN.sub(lambda run: self._run(run.group(), opened) if START in run.group() or END in run.group() else run.group(), text)
        if opened and out.endswith(PARAGRAPH_END):  # a mark whose end did not come: its range closes with the paragraph
            closing = "".join(_end(n) for n in reversed(opened))
            out = out[:-len(PARAGRAPH_END)] + closing + PARAGRAPH_END
        return out

    def _run(self, run: str, opened: list[int]) -> str:
        """One run as its pieces: runs of text (same properties), comment starts, ends and references."""
        _, kids, _ = split_element(run)
        properties = kids[0] if kids and name_of(kids[0]) == "rPr" else ""
        out = []
        for kid in kids[1:] if properties else kids:
            if name_of(kid) != "t":
                out.append(f"<w:r>{properties}{kid}</w:r>")
                continue
            text = split_element(kid)[1]
            out += self._text("".join(text), properties, opened)
        return "".join(out)

    def _text(self, text: str, properties: str, opened: list[int]) -> list[str]:
        """A run's text as pieces around the marks in it."""
        out, position = [], 0
        for match in MARK.finditer(text):
            if match.start() > position:
                out.append(_text_run(properties, text[position:match.start()]))
            if match.group(1) is not None:
                opened.append(self._new(match.group(1)))
                out.append(f'<w:commentRangeStart w:id="{opened[-1]}"/>')
            elif opened:
                out.append(_end(opened.pop()))
            position = match.end()
        if position < len(text):
            out.append(_text_run(properties, text[position:]))
        return out

    def _new(self, note: str) -> int:
        """A new comment (its note as escaped text, lines split by NEWLINE) and its id."""
        number, self.count = self.count, self.count + 1
        lines = note.split(NEWLINE)
        paragraphs = "".join(("<w:p><w:r><w:annotationRef/></w:r>" if i == 0 else "<w:p>") + _text_run("", line) + "</w:p>"
                             for i, line in enumerate(lines))
        self.writer.write(f'<w:comment w:id="{number}" w:author="{AUTHOR}" w:initials="{INITIALS}">{paragraphs}</w:comment>')
        return number

    def done(self):
        """The comments part, deflated."""
        self.writer.write("</w:comments>")
        return self.writer.done()


def _text_run(properties: str, text: str) -> str:
    return f'<w:r>{properties}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _end(number: int) -> str:
    """A comment range's end and the run that shows its mark."""
    return f'<w:commentRangeEnd w:id="{number}"/><w:r><w:commentReference w:id="{number}"/></w:r>'


def _register(members: dict) -> None:
    """The comments part's content type and relationship."""
    types = members["[Content_Types].xml"].decode("utf-8")
    override = f'<Override PartName="/word/comments.xml" ContentType="{COMMENTS_TYPE}"/>'
    members["[Content_Types].xml"] = types.replace("</Types>", override + "</Types>").encode("utf-8")
    name = "word/_rels/document.xml.rels"
    rels = members[name].decode("utf-8")
    taken = set(re.findall(r'Id="([^"]+)"', rels))
    number = next(n for n in range(1, len(taken) + 2) if f"rId{n}" not in taken)
    relation = f'<Relationship Id="rId{number}" Type="{COMMENTS_REL}" Target="comments.xml"/>'
    members[name] = rels.replace("</Relationships>", relation + "</Relationships>").encode("utf-8")
