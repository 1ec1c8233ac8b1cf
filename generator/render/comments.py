"""A draft's figures as Word comments: the written package turns each mark a printed figure carries (render.marks)
into a comment range (a table's, placed by the steps after Jinja, names the lines its figures come from)."""
from __future__ import annotations

import copy
import io
import zipfile

from docx.oxml.ns import qn
from lxml import etree

from generator.render.marks import END, MARK, NEWLINE, START, unmarked
from generator.render.package import zip_members

AUTHOR, INITIALS = "决算文档生成工具", "JS"
COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


def with_comments(data: bytes) -> bytes:
    """A rendered draft's package with its marks turned into Word comments (unchanged when it has none)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        members = {name: package.read(name) for name in package.namelist()}
    document = members["word/document.xml"]
    if START.encode() not in document and END.encode() not in document:
        return data
    root = etree.fromstring(document, PARSER)
    notes: list[str] = []
    for paragraph in root.iter(qn("w:p")):
        if any(START in (t.text or "") or END in (t.text or "") for t in paragraph.iter(qn("w:t"))):
            _paragraph(paragraph, notes)
    members["word/document.xml"] = etree.tostring(root, encoding="UTF-8", standalone=True)
    for name in members:
        if name.startswith("word/") and name.endswith(".xml") and START.encode() in members[name]:
            members[name] = unmarked(members[name].decode("utf-8")).encode("utf-8")
    if notes:
        _add_part(members, notes)
    return zip_members(members)


def _paragraph(paragraph, notes: list[str]) -> None:
    """Turn the marks in a paragraph's runs into comment ranges, splitting runs where a mark begins or ends."""
    open_ids: list[int] = []
    for run in list(paragraph.iter(qn("w:r"))):
        if any(START in (t.text or "") or END in (t.text or "") for t in run.iter(qn("w:t"))):
            _split(run, notes, open_ids)
    while open_ids:  # a mark whose end did not come (never expected): the comment closes with the paragraph
        number = open_ids.pop()
        paragraph.append(_mark("w:commentRangeEnd", number))
        paragraph.append(_reference(number))


def _split(run, notes: list[str], open_ids: list[int]) -> None:
    """Replace a run by its pieces: runs of text (same properties), comment starts, ends and references."""
    properties = run.find(qn("w:rPr"))
    for child in list(run):
        if child is properties:
            continue
        if child.tag != qn("w:t"):
            run.addprevious(_run(properties, copy.deepcopy(child)))
            continue
        position = 0
        text = child.text or ""
        for match in MARK.finditer(text):
            if match.start() > position:
                run.addprevious(_text_run(properties, text[position:match.start()]))
            if match.group(1) is not None:
                open_ids.append(_new(notes, match.group(1).replace(NEWLINE, "\n")))
                run.addprevious(_mark("w:commentRangeStart", open_ids[-1]))
            elif open_ids:
                number = open_ids.pop()
                run.addprevious(_mark("w:commentRangeEnd", number))
                run.addprevious(_reference(number))
            position = match.end()
        if position < len(text):
            run.addprevious(_text_run(properties, text[position:]))
    run.getparent().remove(run)


def _new(notes: list[str], note: str) -> int:
    """A new comment's id."""
    notes.append(note)
    return len(notes) - 1


def _mark(tag: str, number: int):
    element = etree.Element(qn(tag))
    element.set(qn("w:id"), str(number))
    return element


def _reference(number: int):
    """The run that shows a comment's mark in the text."""
    run = etree.Element(qn("w:r"))
    run.append(_mark("w:commentReference", number))
    return run


def _run(properties, child):
    run = etree.Element(qn("w:r"))
    if properties is not None:
        run.append(copy.deepcopy(properties))
    run.append(child)
    return run


def _text_run(properties, text: str):
    node = etree.Element(qn("w:t"))
    node.text = text
    node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return _run(properties, node)


def _add_part(members: dict[str, bytes], notes: list[str]) -> None:
    """Add word/comments.xml with its relationship and content type."""
    members["word/comments.xml"] = _comments_xml(notes)
    types = etree.fromstring(members["[Content_Types].xml"], PARSER)
    namespace = types.nsmap[None]
    override = etree.SubElement(types, f"{{{namespace}}}Override")
    override.set("PartName", "/word/comments.xml")
    override.set("ContentType", COMMENTS_TYPE)
    members["[Content_Types].xml"] = etree.tostring(types, encoding="UTF-8", standalone=True)
    rels_name = "word/_rels/document.xml.rels"
    rels = etree.fromstring(members[rels_name], PARSER)
    taken = {r.get("Id") for r in rels}
    number = next(n for n in range(1, len(taken) + 2) if f"rId{n}" not in taken)
    relation = etree.SubElement(rels, f"{{{rels.nsmap[None]}}}Relationship")
    relation.set("Id", f"rId{number}")
    relation.set("Type", COMMENTS_REL)
    relation.set("Target", "comments.xml")
    members[rels_name] = etree.tostring(rels, encoding="UTF-8", standalone=True)


def _comments_xml(notes: list[str]) -> bytes:
    """The comments part: each note a comment of one paragraph per line, without a date (drafts stay deterministic)."""
    root = etree.Element(qn("w:comments"), nsmap={"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"})
    for number, note in enumerate(notes):
        comment = etree.SubElement(root, qn("w:comment"))
        comment.set(qn("w:id"), str(number))
        comment.set(qn("w:author"), AUTHOR)
        comment.set(qn("w:initials"), INITIALS)
        for i, line in enumerate(note.split("\n")):
            paragraph = etree.SubElement(comment, qn("w:p"))
            if i == 0:
                etree.SubElement(etree.SubElement(paragraph, qn("w:r")), qn("w:annotationRef"))
            etree.SubElement(paragraph, qn("w:r")).append(_text_run(None, line)[0])
    return etree.tostring(root, encoding="UTF-8", standalone=True)
