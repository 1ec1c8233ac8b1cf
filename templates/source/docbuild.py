"""A small python-docx builder for templates in the GB/T 9704-2012 official-document layout."""
from __future__ import annotations

import re
from pathlib import Path

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

FANGSONG = "仿宋_GB2312"
HEITI = "黑体"
KAITI = "楷体_GB2312"
XIAOBIAOSONG = "方正小标宋简体"
SONGTI = "宋体"
LATIN = "Times New Roman"
BODY_PT = 16        # 三号
TITLE_PT = 22       # 二号
TABLE_PT = 12       # 小四
PAGE_NUMBER_PT = 14  # 四号
LINE_PT = 28.95  # 22 lines in the 225 mm type area (GB/T 9704), the grid's line pitch

# heading level (0 = 第一部分, 1 = 一、, …) → (style, east-asian font, bold, centred)
HEADINGS = {
    0: ("Heading 1", HEITI, False, True),
    1: ("Heading 2", HEITI, False, False),
    2: ("Heading 3", KAITI, False, False),
    3: ("Heading 4", FANGSONG, True, False),
    4: ("Heading 5", FANGSONG, False, False),
}
# the elements that follow w:updateFields in w:settings (ECMA-376 CT_Settings); Word ignores misplaced ones
SETTINGS_AFTER_UPDATE_FIELDS = (
    "w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr",
    "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions", "w:readModeInkLockDown", "w:smartTagType",
    "sl:schemaLibrary", "w:shapeDefaults", "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator")
TEXT_WIDTH_MM = 210 - 28 - 26   # A4 less the left and right margins
TOC_STYLES = ("toc 1", "toc 2")
TOC_LINE_PT = 22  # 目录 lines, exactly: the 目录 of a 部门决算 (about 28 entries) on one page  # Word's built-in names: Word and LibreOffice both rebuild the 目录 with these
TITLE_STYLE = "公文标题"
# Extended properties true to the document: the application that made it, no page or word counts it cannot know.
APP_XML = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
           'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
           "<Application>决算文档生成工具</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
           "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
           "<AppVersion>1.0000</AppVersion></Properties>")
TABLE_STYLE = "表格文字"
NUMERIC = re.compile(r"\|\s*(money|cell|pct|share|score|count|amount|magnitude)\b")  # a cell printing a number
TABLE_TITLE_STYLE = "表格标题"


def set_fonts(rpr_owner, east_asia: str, size: float | None = None, bold: bool | None = None) -> None:
    """Set Latin and East Asian fonts (and size, bold) on a style or run, dropping theme fonts."""
    rpr = rpr_owner.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:ascii"), LATIN)
    fonts.set(qn("w:hAnsi"), LATIN)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:cs"), LATIN)
    if size is not None:
        sz = rpr.get_or_add_sz()
        sz.set(qn("w:val"), str(int(size * 2)))
        sz_cs = rpr.find(qn("w:szCs"))
        if sz_cs is None:
            sz_cs = OxmlElement("w:szCs")
            sz.addnext(sz_cs)  # szCs directly follows sz in the schema
        sz_cs.set(qn("w:val"), str(int(size * 2)))
    if bold is not None:
        rpr._remove_b()
        rpr._remove_bCs()
        if bold:
            rpr.get_or_add_b()
            rpr.get_or_add_bCs()


def _paragraph_style(style, indent: bool, align, line_pt: float | None = LINE_PT) -> None:
    """Spacing, indentation and alignment of a paragraph style."""
    fmt = style.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    if line_pt:
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(line_pt)
    else:
        fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    fmt.first_line_indent = Pt(BODY_PT * 2) if indent else Pt(0)
    fmt.alignment = align
    fmt.widow_control = False


PPR_AFTER_OVERFLOW = ("w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
                      "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
                      "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
                      "w:rPr", "w:sectPr", "w:pPrChange")


def off_grid(ppr) -> None:
    """Take a paragraph (or style) off the page's line grid, so its lines are as tall as its text, not 28.95 pt."""
    snap = OxmlElement("w:snapToGrid")
    snap.set(qn("w:val"), "0")
    ppr.insert_element_before(snap, *PPR_AFTER_OVERFLOW[PPR_AFTER_OVERFLOW.index("w:spacing"):])


def _tiny(ppr) -> None:
    """A paragraph 1 pt tall, off the grid: one that only carries a page or section break."""
    off_grid(ppr)
    spacing = OxmlElement("w:spacing")
    for name, value in (("w:before", "0"), ("w:after", "0"), ("w:line", "20"), ("w:lineRule", "exact")):
        spacing.set(qn(name), value)
    ppr.insert_element_before(spacing, *PPR_AFTER_OVERFLOW[PPR_AFTER_OVERFLOW.index("w:spacing") + 1:])
    mark_size(ppr, 1)


def _line_break():
    """A run holding a line break (w:br)."""
    run = OxmlElement("w:r")
    run.append(OxmlElement("w:br"))
    return run


CELL_LINE = 1.25  # a table line is 1.25 times its text size (9 pt text, 11.25 pt lines), exactly
CELL_MARGIN_TWIPS = 57  # 1 mm left and right, none above and below, as published 决算表 set their cells


def narrow_cell_margins(table) -> None:
    """Cell margins of a table: 1 mm at the sides, none at top and bottom."""
    margins = OxmlElement("w:tblCellMar")
    for side, width in (("w:top", 0), ("w:left", CELL_MARGIN_TWIPS), ("w:bottom", 0), ("w:right", CELL_MARGIN_TWIPS)):
        element = OxmlElement(side)
        element.set(qn("w:w"), str(width))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")


def mark_size(ppr, size_pt: float) -> None:
    """The size of a paragraph's own mark, which sets the height of an empty or last line."""
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        ppr.insert_element_before(rpr, "w:sectPr", "w:pPrChange")
    for name in ("w:sz", "w:szCs"):
        element = OxmlElement(name)
        element.set(qn("w:val"), str(int(size_pt * 2)))
        rpr.append(element)


def _hanging_punctuation(style_element) -> None:
    """Let a mark at a line's end hang into the margin (w:overflowPunct), as Chinese typesetting does.

    Without it, LibreOffice drops a 、，。 that falls at the end of a justified line from the page and the PDF.
    """
    ppr = style_element.get_or_add_pPr()
    ppr.insert_element_before(OxmlElement("w:overflowPunct"), *PPR_AFTER_OVERFLOW)


def setup_styles(doc) -> None:
    """Body, title, heading and table styles in the official layout."""
    styles = doc.styles
    normal = styles["Normal"]
    set_fonts(normal.element, FANGSONG, BODY_PT, False)
    normal.font.color.rgb = RGBColor(0, 0, 0)
    _paragraph_style(normal, True, WD_ALIGN_PARAGRAPH.JUSTIFY)
    _hanging_punctuation(normal.element)
    twenty_eight_a_line(normal.element)
    _set_language(normal.element)
    defaults = styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    if defaults is not None:  # python-docx's defaults say en-US for East Asian text too
        defaults.set(qn("w:eastAsia"), "zh-CN")
    for level, (name, font, bold, centred) in HEADINGS.items():
        style = styles[name]
        set_fonts(style.element, font, BODY_PT, bold)
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.font.italic = False
        _paragraph_style(style, not centred, WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.JUSTIFY)
        style.paragraph_format.keep_with_next = True
    title = styles.add_style(TITLE_STYLE, 1)
    title.base_style = normal
    set_fonts(title.element, XIAOBIAOSONG, TITLE_PT, False)
    _paragraph_style(title, False, WD_ALIGN_PARAGRAPH.CENTER, 36)
    table = styles.add_style(TABLE_STYLE, 1)
    table.base_style = normal
    set_fonts(table.element, FANGSONG, TABLE_PT, False)
    _paragraph_style(table, False, WD_ALIGN_PARAGRAPH.LEFT, None)
    off_grid(table.element.get_or_add_pPr())
    _contents_styles(styles, normal)
    caption = styles.add_style(TABLE_TITLE_STYLE, 1)
    caption.base_style = normal
    set_fonts(caption.element, HEITI, BODY_PT, False)
    _paragraph_style(caption, False, WD_ALIGN_PARAGRAPH.CENTER)


def _contents_styles(styles, normal) -> None:
    """目录 entry styles: 仿宋 三号, level 2 indented two characters, page numbers right-aligned after dots."""
    for level, name in enumerate(TOC_STYLES):
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        set_fonts(style.element, FANGSONG, BODY_PT, False)
        _paragraph_style(style, False, WD_ALIGN_PARAGRAPH.LEFT, TOC_LINE_PT)
        off_grid(style.element.get_or_add_pPr())  # 28 entries fit one page
        style.paragraph_format.left_indent = Pt(BODY_PT * 2 * level)
        style.paragraph_format.tab_stops.add_tab_stop(Mm(TEXT_WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)


def _set_language(style_element) -> None:
    """Mark a style's text as Simplified Chinese for East Asian line breaking."""
    rpr = style_element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    rpr.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")


def setup_page(section) -> None:
    """A4 portrait with the GB/T 9704 margins (37/35/28/26 mm)."""
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance, section.footer_distance = Mm(15), Mm(25)
    document_grid(section)


def document_grid(section) -> None:
    """The GB/T 9704 line grid: 22 lines a page in the 225 mm type area (lines 579 twips apart)."""
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        section._sectPr.insert_element_before(grid, "w:printerSettings", "w:sectPrChange")
    for name, value in (("w:type", "lines"), ("w:linePitch", "579")):
        grid.set(qn(name), value)
    if grid.get(qn("w:charSpace")) is not None:
        del grid.attrib[qn("w:charSpace")]


RPR_AFTER_SPACING = ("w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd",
                     "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath")


def twenty_eight_a_line(style_element) -> None:
    """28 characters a line (GB/T 9704): 三号 glyphs set 0.25 pt closer, since 28 × 16 pt is wider than 156 mm.

    Word reaches 28 with a character grid; LibreOffice would give an oversized glyph two grid cells, so the
    spacing is condensed instead, which both apply alike.
    """
    rpr = style_element.get_or_add_rPr()
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:val"), "-5")  # twentieths of a point
    rpr.insert_element_before(spacing, *RPR_AFTER_SPACING)


def add_field(paragraph, instruction: str, cached: str) -> None:
    """A Word field (e.g. PAGE) inside a paragraph, with a cached result."""
    def fld(kind):
        run = paragraph.add_run()
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        run._r.append(el)
        return run

    fld("begin")
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    fld("separate")
    paragraph.add_run(cached)
    fld("end")


def draft_headers(section, first_page: bool = False) -> None:
    """A header that shows the draft mark (empty when not a draft) on odd and even pages (or on a cover page)."""
    for header in (section.first_page_header,) if first_page else (section.header, section.even_page_header):
        p = header.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.first_line_indent = Pt(0)
        run = p.add_run("{{ draft_mark }}")
        set_fonts(run._r, HEITI, BODY_PT, True)
        run.font.color.rgb = RGBColor(0xC0, 0, 0)


def keep_broken_lines_unstretched(doc) -> None:
    """A line the clerk ended with a line break is not spread across the width in a justified paragraph
    (w:doNotExpandShiftReturn; Word and LibreOffice both honour it)."""
    compat = doc.settings.element.find(qn("w:compat"))
    flag = OxmlElement("w:doNotExpandShiftReturn")
    following = compat.find(qn("w:useFELayout"))  # CT_Compat's order: doNotExpandShiftReturn comes before it
    if following is not None:
        following.addprevious(flag)
    else:
        compat.insert(0, flag)


def page_number_footers(doc, section) -> None:
    """Page numbers “— N —” in 四号宋体: odd pages right, even pages left (GB/T 9704 7.5)."""
    doc.settings.odd_and_even_pages_header_footer = True
    for footer, align in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT), (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
        p = footer.paragraphs[0]
        p.alignment = align
        p.paragraph_format.first_line_indent = Pt(0)
        p.paragraph_format.left_indent = Pt(PAGE_NUMBER_PT) if align == WD_ALIGN_PARAGRAPH.LEFT else Pt(0)
        p.paragraph_format.right_indent = Pt(PAGE_NUMBER_PT) if align == WD_ALIGN_PARAGRAPH.RIGHT else Pt(0)
        p.add_run("— ")
        add_field(p, "PAGE", "1")
        p.add_run(" —")
        for run in p.runs:
            set_fonts(run._r, SONGTI, PAGE_NUMBER_PT)


CORE_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    '<dc:title>{title}</dc:title><dc:creator>决算文档生成工具</dc:creator>'
    '<cp:lastModifiedBy>决算文档生成工具</cp:lastModifiedBy><cp:revision>1</cp:revision>'
    '<dcterms:created xsi:type="dcterms:W3CDTF">2020-01-01T00:00:00Z</dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF">2020-01-01T00:00:00Z</dcterms:modified>'
    '</cp:coreProperties>'
)


def prune_package(doc) -> None:
    """Drop what python-docx's default package carries and our documents never use: the Word 2010
    stylesWithEffects part and the table and list styles nothing refers to (together 790 KB that every
    render would parse and write again)."""
    from generator.render.package import without_legacy_parts
    without_legacy_parts(doc)
    by_id = {st.get(qn("w:styleId")): st for st in doc.styles.element.findall(qn("w:style"))}
    keep = _with_dependencies(_kept_styles(doc, by_id), by_id)
    for style_id, style in by_id.items():
        if style_id not in keep:
            doc.styles.element.remove(style)


def _referenced_styles(part) -> set[str]:
    """Style ids a package part refers to."""
    return set(part._element.xpath("//w:pStyle/@w:val | //w:rStyle/@w:val | //w:tblStyle/@w:val"))


def _kept_styles(doc, by_id: dict) -> set[str]:
    """The same set in every template (so an annex's styles equal the main document's, see rendering.annex):
    defaults, ours, and the list styles of the shared numbering part; every style a template uses must be in it."""
    ours = {name.lower() for name in ("Normal", "Header", "Footer", "Table Grid", *(h[0] for h in HEADINGS.values()),
                                      *TOC_STYLES, TITLE_STYLE, TABLE_STYLE, TABLE_TITLE_STYLE)}
    keep = {style_id for style_id, st in by_id.items()
            if st.get(qn("w:default")) == "1" or st.find(qn("w:name")).get(qn("w:val")).lower() in ours}
    parts = [p for p in doc.part.package.iter_parts() if getattr(p, "_element", None) is not None]
    keep |= set().union(*(_referenced_styles(p) for p in parts if p.partname == "/word/numbering.xml"))
    used = set().union(*(_referenced_styles(p) for p in parts if p.partname != "/word/numbering.xml"))
    assert used <= keep, f"templates use styles the pruning would drop: {sorted(used - keep)}"
    return keep


def _with_dependencies(keep: set[str], by_id: dict) -> set[str]:
    """The kept styles with those they are based on, followed by or linked to."""
    keep, pending = set(keep), list(keep)
    while pending:
        style = by_id.get(pending.pop())
        refs = [style.find(qn(tag)) for tag in ("w:basedOn", "w:next", "w:link")] if style is not None else []
        for ref in (r.get(qn("w:val")) for r in refs if r is not None):
            if ref not in keep:
                keep.add(ref)
                pending.append(ref)
    return keep


class Builder:
    """Writes one template document paragraph by paragraph."""

    def __init__(self, title: str) -> None:
        self.doc = Document()
        self.doc.core_properties.title = title
        for p in list(self.doc.paragraphs):
            p._element.getparent().remove(p._element)
        setup_styles(self.doc)
        setup_page(self.doc.sections[0])
        page_number_footers(self.doc, self.doc.sections[0])
        draft_headers(self.doc.sections[0])
        keep_broken_lines_unstretched(self.doc)
        self._break_pending = False

    def title(self, *lines: str) -> None:
        """The document title, one paragraph per line, in 方正小标宋."""
        for line in lines:
            self._starting(self.doc.add_paragraph(line, style=TITLE_STYLE))

    def cover(self) -> None:
        """The first page is a cover: it shows the draft mark but no page number (numbering goes on counting it)."""
        section = self.doc.sections[0]
        section.different_first_page_header_footer = True
        section.first_page_footer.is_linked_to_previous = False
        draft_headers(section, first_page=True)

    def blank(self) -> None:
        """An empty body paragraph."""
        self._starting(self.doc.add_paragraph(""))

    def heading(self, level: int, text: str) -> None:
        """A heading at a level (0 = 第一部分, 1 = 一、, …); its number comes from the template text."""
        self._starting(self.doc.add_paragraph(text, style=HEADINGS[level][0]))

    def para(self, *runs, style: str | None = None, align=None, indent: bool = True):
        """A paragraph of runs; a run is text or (text, bold)."""
        p = self._starting(self.doc.add_paragraph(style=style))
        for run in runs:
            text, bold = (run, None) if isinstance(run, str) else run
            r = p.add_run(text)
            if bold:
                r.bold = True
        if align is not None:
            p.alignment = align
        if not indent:
            p.paragraph_format.first_line_indent = Pt(0)
        if style in (TABLE_TITLE_STYLE,):
            p.paragraph_format.keep_with_next = True
        return p

    def paragraphs(self, expression: str, otherwise: str | None = None) -> None:
        """One body paragraph per text of a list (``t``), and ``otherwise`` when the list is empty."""
        self.tag(f"{{%p for t in {expression} %}}")
        self.para("{{ t }}")
        if otherwise is not None:
            self.tag("{%p else %}")
            self.para(otherwise)
        self.tag("{%p endfor %}")

    def tag(self, jinja: str) -> None:
        """A paragraph holding one docxtpl paragraph tag, e.g. ``{%p for x in xs %}``."""
        self._break_paragraph()
        self.doc.add_paragraph(jinja)

    def _starting(self, paragraph):
        """A new paragraph, made to start a page when a page break is pending."""
        if self._break_pending:
            paragraph.paragraph_format.page_break_before = True
            self._break_pending = False
        return paragraph

    def _break_paragraph(self) -> None:
        """A pending page break as a paragraph of its own (before a tag or a table, which cannot carry it), 1 pt tall
        so that it cannot spill onto a page of its own."""
        if not self._break_pending:
            return
        self._break_pending = False
        p = self.doc.add_paragraph()
        p.paragraph_format.first_line_indent = Pt(0)
        _tiny(p._p.get_or_add_pPr())
        p.add_run().add_break(WD_BREAK.PAGE)

    def contents(self) -> None:
        """A 目录: a Word TOC field (levels 1–2) whose entries are filled in from the headings when rendering."""
        self.para("目  录", style=TABLE_TITLE_STYLE)
        p = self.doc.add_paragraph()
        p.paragraph_format.first_line_indent = Pt(0)
        add_field(p, 'TOC \\o "1-2" \\h \\z \\u', "【目录】")
        settings = self.doc.settings.element
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        settings.insert_element_before(update, *SETTINGS_AFTER_UPDATE_FIELDS)

    def page_break(self) -> None:
        """A page break: the next paragraph starts a new page (page break before), so that no empty paragraph is left
        to spill onto a page of its own after a table that filled its page."""
        self._break_pending = True

    def landscape(self) -> None:
        """Start a new landscape section (for wide tables); page numbers continue."""
        from docx.enum.section import WD_ORIENT
        section = self._new_section()
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
        section.top_margin, section.bottom_margin = Mm(28), Mm(26)
        section.left_margin, section.right_margin = Mm(37), Mm(35)

    def portrait(self) -> None:
        """Start a new portrait section in the GB/T 9704 layout."""
        from docx.enum.section import WD_ORIENT
        section = self._new_section()
        section.orientation = WD_ORIENT.PORTRAIT
        setup_page(section)

    def _new_section(self):
        """A section starting on a new page; the paragraph that ends the previous one is 1 pt tall (it cannot spill onto
        an empty page), and only the first section has a cover."""
        self._break_pending = False
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        ending = self.doc.element.body.findall(qn("w:p"))[-1]
        _tiny(ending.get_or_add_pPr())
        section.different_first_page_header_footer = False
        return section

    def table(self, columns_mm: list[float], font_pt: float | None = None, line_pt: float | None = None):
        """An empty bordered table with fixed column widths (and, optionally, a smaller font and exact line height)."""
        self._break_paragraph()
        self._cell_pt = font_pt
        self._line_pt = line_pt or (font_pt * CELL_LINE if font_pt else None)
        self._heading_rows = True  # rows before the first data row repeat on every page the table spans
        table = self.doc.add_table(rows=0, cols=len(columns_mm))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        narrow_cell_margins(table)
        self._widths = [Mm(w) for w in columns_mm]
        for col, width in zip(table.columns, self._widths):
            col.width = width
        return table

    def row(self, table, cells: list, spans: list[int] | None = None, bold: bool = False, vmerge: dict | None = None):
        """A table row; ``spans`` merges cells horizontally, ``vmerge`` maps column → restart/continue/Jinja."""
        spans = spans or [1] * len(cells)
        row = table.add_row()
        self._row_properties(row, cells)
        for i, width in enumerate(self._widths):
            row.cells[i].width = width
        header = self._heading_rows and not any("{{" in c or "{%" in c for c in cells)
        col = 0
        for text, span in zip(cells, spans):
            cell = row.cells[col]
            if span > 1:
                cell = cell.merge(row.cells[col + span - 1])
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            p = cell.paragraphs[0]
            p.style = self.doc.styles[TABLE_STYLE]
            if self._line_pt:
                p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
                p.paragraph_format.line_spacing = Pt(self._line_pt)
            if NUMERIC.search(text):
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            elif header:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if self._cell_pt:
                mark_size(p._p.get_or_add_pPr(), self._cell_pt)
            for i, line in enumerate(text.split("\n")):  # a header's own line breaks, between its words
                run = p.add_run(line)
                if i:
                    run._r.addprevious(_line_break())
                run.bold = bold or None
                if self._cell_pt:
                    run.font.size = Pt(self._cell_pt)
            if vmerge and col in vmerge:
                merge = cell._tc.get_or_add_tcPr().get_or_add_vMerge()
                if vmerge[col] != "continue":
                    merge.set(qn("w:val"), vmerge[col])
            col += span
        return row

    def _row_properties(self, row, cells: list) -> None:
        """A row never splits across pages; a heading row (before any data) repeats on each page."""
        properties = row._tr.get_or_add_trPr()
        properties.append(OxmlElement("w:cantSplit"))
        first = len(row._tr.getparent().findall(qn("w:tr"))) == 1
        if self._heading_rows and (first or not any("{{" in c or "{%" in c for c in cells)):
            properties.append(OxmlElement("w:tblHeader"))  # a form's first row (项目名称, 部门名称) names it on every page
        if any("{{" in c or "{%" in c for c in cells):
            self._heading_rows = False

    def tag_row(self, table, jinja: str) -> None:
        """A table row holding one docxtpl row tag, e.g. ``{%tr for r in rows %}``."""
        self._heading_rows = False
        row = table.add_row()
        row.cells[0].paragraphs[0].add_run(jinja)

    def save(self, path: Path) -> None:
        """Save the template with deterministic bytes."""
        prune_package(self.doc)
        import io
        import sys
        sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
        from generator.render.files import write_atomic
        from generator.render.package import normalize_docx
        buffer = io.BytesIO()
        self.doc.save(buffer)
        core = CORE_XML.format(title=self.doc.core_properties.title).encode("utf-8")
        write_atomic(path, normalize_docx(buffer.getvalue(), {"docProps/core.xml": core, "docProps/app.xml": APP_XML.encode("utf-8")}))
