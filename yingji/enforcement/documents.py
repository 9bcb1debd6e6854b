"""执法文书 as DOCX (DOMAIN.md §5.4). Each kind has a shipped template built here, which the
administrator may replace with their own .docx (DocumentTemplate). A template holds named
placeholders `{{ name }}` filled from a plain dict of strings (`case_values`), never a template
language over the case: a replaced template cannot reach a model, a query or a method."""

import io
import re
import zipfile

from django.utils.translation import gettext as _
from docx import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from yingji.core.errors import ApplicationError
from yingji.enforcement.choices import DocumentKind, PenaltyKind

PLACEHOLDER = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")
TITLE_FONT, BODY_FONT = "方正小标宋简体", "仿宋_GB2312"
ERHAO, SANHAO = Pt(22), Pt(16)
K = DocumentKind
TITLES = {
    K.INSPECTION_RECORD: "现场检查记录",
    K.RECTIFICATION_ORDER: "责令限期整改指令书",
    K.REINSPECTION_OPINION: "整改复查意见书",
    K.FILING_APPROVAL: "立案审批表",
    K.PENALTY_NOTICE: "行政处罚告知书",
    K.PENALTY_DECISION: "行政处罚决定书",
    K.CLOSING_APPROVAL: "结案审批表",
}
# What each placeholder holds (the administrator's template may use any of them).
NAMES = {
    "issuer": "执法机关",
    "number": "文书编号",
    "date": "成文日期",
    "case_number": "案件编号",
    "party": "当事人",
    "party_address": "当事人地址",
    "uscc": "统一社会信用代码",
    "legal_representative": "法定代表人",
    "officers": "执法人员及执法证号",
    "facts": "违法事实",
    "act_on": "违法行为发生日期",
    "legal_basis": "违反的规定",
    "penalty_basis": "处罚依据",
    "penalties": "行政处罚",
    "fine": "罚款金额（元）",
    "inspection_on": "检查日期",
    "place": "检查场所",
    "rectify_by": "整改期限",
    "statement_ends": "陈述申辩期限",
    "filed_on": "立案日期",
    "decided_on": "决定日期",
    "payment": "罚款缴纳情况",
}
# Each kind: the rows of its form (label, placeholder) and its body paragraphs.
ROWS = {
    K.INSPECTION_RECORD: [("被检查单位", "party"), ("地址", "party_address"), ("法定代表人", "legal_representative"),
                          ("检查场所", "place"), ("检查时间", "inspection_on"), ("执法人员", "officers"),
                          ("检查情况", "facts")],
    K.RECTIFICATION_ORDER: [("被检查单位", "party"), ("执法人员", "officers")],
    K.REINSPECTION_OPINION: [("被复查单位", "party"), ("执法人员", "officers")],
    K.FILING_APPROVAL: [("案件编号", "case_number"), ("当事人", "party"), ("统一社会信用代码", "uscc"),
                        ("地址", "party_address"), ("违法行为发生日期", "act_on"), ("案件来源及简要案情", "facts"),
                        ("违反的规定", "legal_basis"), ("承办人及执法证号", "officers"), ("立案日期", "filed_on")],
    K.PENALTY_NOTICE: [],
    K.PENALTY_DECISION: [],
    K.CLOSING_APPROVAL: [("案件编号", "case_number"), ("当事人", "party"), ("违法事实", "facts"),
                         ("处罚决定", "penalties"), ("决定日期", "decided_on"), ("执行情况", "payment"),
                         ("承办人及执法证号", "officers")],
}  # fmt: skip
BODIES = {
    K.INSPECTION_RECORD: ["被检查单位现场负责人（签名）：　　　　　执法人员（签名）："],
    K.RECTIFICATION_ORDER: [
        "{{ party }}：",
        "经查，你单位存在下列问题：{{ facts }}",
        "上述行为违反了{{ legal_basis }}的规定。依据《中华人民共和国安全生产法》第六十五条第一款第三项的规定，"
        "责令你单位于{{ rectify_by }}前整改完毕，达到有关法律法规规章和标准规定的要求。",
        "如果不服本指令，可以依法在60日内向上一级人民政府应急管理部门或者本级人民政府申请行政复议，"
        "或者在6个月内依法向人民法院提起行政诉讼，但本指令不停止执行，法律另有规定的除外。",
    ],
    K.REINSPECTION_OPINION: [
        "{{ party }}：",
        "本机关于{{ inspection_on }}作出的责令限期整改指令书所列问题：{{ facts }}",
        "经复查，已按要求整改完毕。",
    ],
    K.FILING_APPROVAL: ["承办人意见：建议立案调查。", "审批人意见："],
    K.PENALTY_NOTICE: [
        "{{ party }}：",
        "经查，你单位{{ facts }}",
        "以上事实违反了{{ legal_basis }}的规定，依据{{ penalty_basis }}的规定，本机关拟对你单位作出{{ penalties }}的行政处罚。",
        "根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你单位有权进行陈述和申辩；"
        "依据第六十三条、第六十四条的规定，符合听证条件的，你单位有权要求听证。"
        "请于{{ statement_ends }}前向本机关提出，逾期视为放弃上述权利。",
    ],
    K.PENALTY_DECISION: [
        "当事人：{{ party }}　　统一社会信用代码：{{ uscc }}",
        "地址：{{ party_address }}　　法定代表人：{{ legal_representative }}",
        "违法事实及证据：{{ facts }}",
        "以上事实违反了{{ legal_basis }}的规定，依据{{ penalty_basis }}的规定，决定给予{{ penalties }}的行政处罚。",
        "罚款限你单位自收到本决定书之日起十五日内缴至指定银行。逾期不缴纳的，本机关将依据《中华人民共和国行政处罚法》"
        "第七十二条第一项的规定，每日按罚款数额的百分之三加处罚款。",
        "如果不服本处罚决定，可以依法在60日内申请行政复议，或者在6个月内依法向人民法院提起行政诉讼，"
        "但本决定不停止执行，法律另有规定的除外。",
    ],
    K.CLOSING_APPROVAL: ["承办人意见：处罚决定已执行完毕，建议结案。", "审批人意见："],
}


def _font(run, name: str, size) -> None:
    run.font.name, run.font.size = name, size
    run.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def _line(docx, text: str, *, size=SANHAO, font=BODY_FONT, align=None, indent=False) -> None:
    paragraph = docx.add_paragraph()
    if align is not None:
        paragraph.alignment = align
    if indent:
        paragraph.paragraph_format.first_line_indent = Pt(32)
    _font(paragraph.add_run(text), font, size)


def default_template(kind: str) -> bytes:
    """The shipped template of a kind: the form's heading, its rows and its body."""
    docx = DocxDocument()
    section = docx.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    center, right = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT
    _line(docx, "{{ issuer }}", size=Pt(22), font=TITLE_FONT, align=center)
    _line(docx, TITLES[kind], size=Pt(22), font=TITLE_FONT, align=center)
    _line(docx, "{{ number }}", align=right)
    if ROWS[kind]:
        table = docx.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        for label, name in ROWS[kind]:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = label, "{{ " + name + " }}"
    for text in BODIES[kind]:
        _line(docx, text, indent=True)
    _line(docx, "{{ issuer }}", align=right)
    _line(docx, "{{ date }}", align=right)
    out = io.BytesIO()
    docx.save(out)
    return out.getvalue()


def _paragraphs(docx):
    yield from docx.paragraphs
    for table in docx.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs
    for section in docx.sections:
        for part in (section.header, section.footer):
            yield from part.paragraphs


def placeholders_in(content: bytes) -> set[str]:
    return {name for p in _paragraphs(_open(content)) for name in PLACEHOLDER.findall(p.text)}


def _open(content: bytes):
    try:
        return DocxDocument(io.BytesIO(content))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        message = _("This is not a Word document (.docx).")
        raise ApplicationError(message, errors={"file": [message]}) from error


def check_template(content: bytes) -> None:
    """An uploaded template: a .docx whose placeholders are all known names."""
    unknown = sorted(placeholders_in(content) - NAMES.keys())
    if unknown:
        message = _("Unknown placeholders: %(names)s.") % {"names": "、".join(unknown)}
        raise ApplicationError(message, errors={"file": [message]})


def fill(content: bytes, values: dict[str, str]) -> bytes:
    """The template with each placeholder replaced by its value (plain strings only). A
    paragraph holding one keeps the formatting of its first run."""
    docx = _open(content)
    for paragraph in _paragraphs(docx):
        text = paragraph.text
        if not PLACEHOLDER.search(text):
            continue
        filled = PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), "")), text)
        runs = paragraph.runs
        runs[0].text = filled
        for run in runs[1:]:
            run.text = ""
    out = io.BytesIO()
    docx.save(out)
    return out.getvalue()


def _chinese_date(day) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def _yuan(amount) -> str:
    return f"{amount:,.2f}"


# An official document is in Chinese whatever the language of the page that asked for it.
PENALTY_WORDS = {
    PenaltyKind.WARNING: "警告",
    PenaltyKind.FINE: "罚款",
    PenaltyKind.CONFISCATION: "没收违法所得",
    PenaltyKind.SUSPENSION: "责令停产停业整顿",
    PenaltyKind.LICENCE_SUSPENDED: "暂扣许可证",
    PenaltyKind.LICENCE_REVOKED: "吊销许可证",
    PenaltyKind.CLOSURE: "关闭",
}


def penalties_text(penalties) -> str:
    parts = []
    for p in penalties:
        label = PENALTY_WORDS[p.kind]
        if p.kind in (PenaltyKind.FINE, PenaltyKind.CONFISCATION):
            label = f"{label}人民币{_yuan(p.amount)}元"
        parts.append(label)
    return "、".join(parts) or "—"


def case_values(case, *, number: str, issued_on) -> dict[str, str]:
    """The plain values of a case a document is filled with (the keys of NAMES)."""
    enterprise = case.enterprise
    inspection = case.inspection
    hazard = case.hazard
    penalties = list(case.penalties.all())
    fine = sum((p.amount for p in penalties if p.kind == PenaltyKind.FINE), 0)
    officers = "；".join(
        f"{u.name or u.username}（执法证号{u.enforcement_cert_no}）" for u in case.officers.all()
    )
    paid = case.paid_total
    return {
        "issuer": case.issuer.name,
        "number": number,
        "date": _chinese_date(issued_on),
        "case_number": case.number,
        "party": case.party_name,
        "party_address": case.party_address or (enterprise.address if enterprise else ""),
        "uscc": enterprise.uscc if enterprise else "",
        "legal_representative": enterprise.legal_representative if enterprise else "",
        "officers": officers,
        "facts": case.facts,
        "act_on": _chinese_date(case.act_on),
        "legal_basis": case.legal_basis,
        "penalty_basis": case.penalty_basis,
        "penalties": penalties_text(penalties),
        "fine": _yuan(fine),
        "inspection_on": _chinese_date(inspection.inspected_on if inspection else case.act_on),
        "place": hazard.location if hazard and hazard.location else case.party_address,
        "rectify_by": _chinese_date(hazard.deadline if hazard and hazard.deadline else None) or "限期",
        "statement_ends": _chinese_date(case.statement_ends_on),
        "filed_on": _chinese_date(case.filed_on),
        "decided_on": _chinese_date(case.decided_on),
        "payment": f"已缴纳罚款{_yuan(paid)}元" if paid else "—",
    }
