"""The work summary as Markdown, HTML or DOCX. The DOCX follows GB/T 9704 (党政机关公文格式):
A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; title in 方正小标宋简体 二号;
body 仿宋_GB2312 三号 with 28.95-point lines; first-level headings 黑体 三号."""

import html
import io

from docx import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from yingji.reports.summary import Document

TITLE_FONT, BODY_FONT, HEADING_FONT = "方正小标宋简体", "仿宋_GB2312", "黑体"
ERHAO, SANHAO = Pt(22), Pt(16)


def to_markdown(doc: Document) -> str:
    lines = [f"# {doc.title}", ""]
    for heading, paragraphs in doc.sections:
        lines += [f"## {heading}", ""] + [p for para in paragraphs for p in (para, "")]
    return "\n".join(lines)


def to_html(doc: Document) -> str:
    body = "".join(
        f"<h2>{html.escape(h)}</h2>" + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        for h, paragraphs in doc.sections
    )
    return f'<article class="report"><h1>{html.escape(doc.title)}</h1>{body}</article>'


def _font(run, name: str, size) -> None:
    run.font.name, run.font.size = name, size
    run.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def _paragraph(docx, text: str, *, font=BODY_FONT, size=SANHAO, indent=True, align=None):
    paragraph = docx.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, Pt(28.95)
    fmt.space_before = fmt.space_after = Pt(0)
    if indent:
        fmt.first_line_indent = Pt(32)  # two characters of 三号
    if align is not None:
        paragraph.alignment = align
    _font(paragraph.add_run(text), font, size)
    return paragraph


def to_docx(doc: Document) -> bytes:
    docx = DocxDocument()
    section = docx.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    _paragraph(docx, doc.title, font=TITLE_FONT, size=ERHAO, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(docx, "", indent=False)
    for heading, paragraphs in doc.sections:
        _paragraph(docx, heading, font=HEADING_FONT)
        for text in paragraphs:
            _paragraph(docx, text)
    out = io.BytesIO()
    docx.save(out)
    return out.getvalue()


FORMATS = {
    "md": ("text/markdown; charset=utf-8", "md", lambda d: to_markdown(d).encode()),
    "html": ("text/html; charset=utf-8", "html", lambda d: to_html(d).encode()),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", to_docx),
}
