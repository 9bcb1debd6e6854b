"""The work summary as Markdown, HTML or DOCX. The DOCX follows GB/T 9704 (党政机关公文格式):
A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; title in 方正小标宋简体 二号;
body 仿宋_GB2312 三号 with 28.95-point lines; first-level headings 黑体 三号."""

import datetime
import html
import io
import re

from docx import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from yingji.reports.summary import Document

TITLE_FONT, BODY_FONT, HEADING_FONT, SUBHEADING_FONT = "方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312"
# Where the GB fonts are missing (LibreOffice on Linux, WPS without them), the fonts that stand
# in: the names LibreOffice's replacement table and WPS both know, then Noto CJK.
FALLBACK = {TITLE_FONT: "宋体", BODY_FONT: "仿宋", HEADING_FONT: "黑体", SUBHEADING_FONT: "楷体"}
ERHAO, SANHAO, SIHAO = Pt(22), Pt(16), Pt(14)
TITLE_LINE = 20  # characters of 二号 on a line of 156 mm
SUBHEADING = re.compile(r"^（[一二三四五六七八九十]+）")


def _date(day) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def to_markdown(doc: Document) -> str:
    lines = [f"# {doc.title}", ""]
    for heading, paragraphs in doc.sections:
        lines += ([f"## {heading}", ""] if heading else []) + [p for para in paragraphs for p in (para, "")]
    if doc.signature:
        lines += ["", doc.signature, _date(doc.date)]
    return "\n".join(lines)


def to_html(doc: Document) -> str:
    body = "".join(
        (f"<h2>{html.escape(h)}</h2>" if h else "") + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        for h, paragraphs in doc.sections
    )
    if doc.signature:
        body += f'<p class="signature">{html.escape(doc.signature)}<br>{_date(doc.date)}</p>'
    return f'<article class="report"><h1>{html.escape(doc.title)}</h1>{body}</article>'


def _font(run, name: str, size) -> None:
    run.font.name, run.font.size = FALLBACK.get(name, name), size
    fonts = run.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), name)
    fonts.set(qn("w:ascii"), FALLBACK.get(name, name))
    fonts.set(qn("w:hAnsi"), FALLBACK.get(name, name))


def _paragraph(docx, text: str, *, font=BODY_FONT, size=SANHAO, indent=True, align=None):
    paragraph = docx.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(28.95)
    fmt.space_before = fmt.space_after = Pt(0)
    if indent:
        fmt.first_line_indent = Pt(32)  # two characters of 三号
    if align is not None:
        paragraph.alignment = align
    if text:
        _font(paragraph.add_run(text), font, size)
    return paragraph


def title_lines(title: str) -> list[str]:
    """The title broken where the words allow (after the organisation, before the period), never
    inside a word ("工/作总结"); a short title stays one line."""
    if len(title) <= TITLE_LINE:
        return [title]
    for mark in ("应急管理局", "委员会办公室", "委员会", "街道", "镇", "乡"):
        at = title.find(mark)
        if 0 < at and at + len(mark) < len(title):
            return [title[: at + len(mark)], title[at + len(mark) :]]
    for mark in ("安全生产工作总结", "工作总结"):
        if title.endswith(mark) and len(title) > len(mark):
            return [title[: -len(mark)], mark]
    return [title]


def _page_numbers(section) -> None:
    """— 1 — in the footer, 4号 半角 宋体: right on odd pages, left on even (GB/T 9704 7.5)."""
    for footer, align in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        paragraph = footer.paragraphs[0]
        paragraph.alignment = align
        _font(paragraph.add_run("— "), "宋体", SIHAO)
        run = paragraph.add_run()
        _font(run, "宋体", SIHAO)
        for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
            if kind:
                element = OxmlElement("w:fldChar")
                element.set(qn("w:fldCharType"), kind)
            else:
                element = OxmlElement("w:instrText")
                element.set(qn("xml:space"), "preserve")
                element.text = text
            run._r.append(element)
        _font(paragraph.add_run(" —"), "宋体", SIHAO)


def _language(docx) -> None:
    """East-Asian text tagged zh-CN, so LibreOffice and WPS pick Chinese fonts and line breaking."""
    defaults = docx.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "zh-CN")
    lang.set(qn("w:eastAsia"), "zh-CN")


def to_docx(doc: Document) -> bytes:
    docx = DocxDocument()
    _language(docx)
    docx.settings.odd_and_even_pages_header_footer = True
    section = docx.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(25)
    _page_numbers(section)
    for line in title_lines(doc.title):
        _paragraph(docx, line, font=TITLE_FONT, size=ERHAO, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(docx, "", indent=False)
    for heading, paragraphs in doc.sections:
        if heading:
            _paragraph(docx, heading, font=HEADING_FONT)
        for text in paragraphs:
            _paragraph(docx, text, font=SUBHEADING_FONT if SUBHEADING.match(text) else BODY_FONT)
    if doc.signature:
        _paragraph(docx, "", indent=False)
        _paragraph(docx, "", indent=False)
        # 落款 and 成文日期 right-aligned, four characters from the right edge (GB/T 9704 7.3.5)
        for text in (doc.signature, _date(doc.date)):
            paragraph = _paragraph(docx, text, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
            paragraph.paragraph_format.right_indent = Pt(64)
    properties = docx.core_properties
    properties.author = properties.last_modified_by = doc.signature or doc.subtitle
    properties.title = doc.title
    properties.created = properties.modified = datetime.datetime.now(datetime.UTC)
    properties.revision = 1
    properties.comments = ""
    out = io.BytesIO()
    docx.save(out)
    return out.getvalue()


FORMATS = {
    "md": ("text/markdown; charset=utf-8", "md", lambda d: to_markdown(d).encode()),
    "html": ("text/html; charset=utf-8", "html", lambda d: to_html(d).encode()),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", to_docx),
}
