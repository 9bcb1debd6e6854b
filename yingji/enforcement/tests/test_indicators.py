"""Every enforcement indicator against records built for it, with the region and industry
dimensions and 同比; the work-summary paragraph and its problems; the statistics table."""

import datetime
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from yingji.enforcement import issuing, services, workflow
from yingji.enforcement.tests.factories import open_case, walk
from yingji.stats.catalog import CATALOG, Query
from yingji.stats.periods import period_of

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def records(bureau, officer, crew, enterprises):
    """2026: A (东岸, construction) filed 3-2, fined 20,000, paid 3-10, closed 3-12;
    B (东岸, commerce) filed 4-1, fined 50,000 with suspension and licence revoked, unpaid;
    A simplified 5-5, fined 3,000, unpaid; B referred 6-1 before filing; A filed 6-2 then
    transferred to public security; C (文艺路, gas) filed 7-1, closure. 2025: C filed 5-1.
    Rectification orders: two, for A's first case and C's."""
    a, b, c = enterprises["A"], enterprises["B"], enterprises["C"]
    one = walk(
        open_case(officer, a, crew), officer=officer, approver=bureau, until="serve", today=D(2026, 3, 2)
    )
    workflow.case_act(
        actor=officer,
        case=one,
        action="record_payment",
        data={"amount": "20000", "paid_on": D(2026, 3, 10)},
        today=D(2026, 3, 10),
    )
    workflow.case_act(actor=officer, case=one, action="request_closing", today=D(2026, 3, 12))
    workflow.case_act(actor=bureau, case=one, action="approve_closing", today=D(2026, 3, 12))
    walk(open_case(officer, b, crew), officer=officer, approver=bureau, until="serve", today=D(2026, 4, 1),
         fine=Decimal(50000), kinds=("fine", "suspension", "licence_revoked"))  # fmt: skip
    simplified = open_case(officer, a, crew, procedure="simplified")
    services.penalty_add(actor=officer, case=simplified, kind="fine", amount=Decimal(3000))
    workflow.case_act(actor=officer, case=simplified, action="decide_summary", today=D(2026, 5, 5))
    workflow.case_act(
        actor=bureau,
        case=open_case(officer, b, crew),
        action="transfer",
        data={"to": "区市场监督管理局"},
        today=D(2026, 6, 1),
    )
    criminal = walk(
        open_case(officer, a, crew),
        officer=officer,
        approver=bureau,
        until="approve_filing",
        today=D(2026, 6, 2),
    )
    workflow.case_act(
        actor=bureau, case=criminal, action="criminal_transfer", data={"to": "公安分局"}, today=D(2026, 6, 2)
    )
    closure = walk(
        open_case(officer, c, crew),
        officer=officer,
        approver=bureau,
        until="serve",
        today=D(2026, 7, 1),
        kinds=("closure",),
    )
    walk(
        open_case(officer, c, crew),
        officer=officer,
        approver=bureau,
        until="approve_filing",
        today=D(2025, 5, 1),
    )
    for case in (one, closure):
        issuing.document_issue(actor=officer, case=case, kind="rectification_order", today=D(2026, 7, 2))


def _value(user, key, year=2026, **filters):
    return CATALOG[key].value(Query(user=user, period=period_of(year, "year"), filters=filters))


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        (
            "cases.filed",
            4,
        ),  # A 3-2, B 4-1, A 6-2, C 7-1; the referral was never filed, the simplified case is not
        ("cases.closed", 1),
        ("cases.fines_decided", Decimal(73000)),  # 20,000 + 50,000 + 3,000
        ("cases.fines_collected", Decimal(20000)),
        ("cases.referrals", 1),
        ("cases.criminal_transfers", 1),
        ("cases.suspensions", 1),
        ("cases.licences", 1),
        ("cases.closures", 1),
        ("cases.simplified", 1),
        ("cases.documents", 7),  # 4 filing approval forms, 1 on-the-spot decision, 2 rectification orders
        # B's fine due 4-16 and the simplified fine due 5-20, both unpaid; the 2025 case undecided
        # 90 days after filing
        ("cases.overdue", 3),
        ("cases.fines_unpaid", 2),
    ],
)
def test_each_indicator_counts_its_records(key, expected, bureau, records):
    assert _value(bureau, key) == expected


def test_documents_by_kind(bureau, records):
    assert _value(bureau, "cases.documents", kind="rectification_order") == 2
    assert _value(bureau, "cases.documents", kind="penalty_decision") == 1
    assert _value(bureau, "cases.documents", kind="filing_approval") == 4


def test_region_and_industry_dimensions(bureau, records):
    assert _value(bureau, "cases.filed", region="430102001") == 1  # 文艺路: C
    assert _value(bureau, "cases.filed", industry="construction") == 2  # A twice
    assert _value(bureau, "cases.fines_decided", region="430102015") == Decimal(73000)
    assert _value(bureau, "cases.closures", industry="gas") == 1
    assert _value(bureau, "cases.filed", year=2025) == 1


def test_scoping_of_the_numbers(records, other_street, outsider, department):
    assert _value(other_street, "cases.filed") == 1  # 文艺路 only
    assert _value(outsider, "cases.filed") == 0
    assert _value(department, "cases.filed") == 3  # construction and gas


def test_year_on_year_through_the_stats_api(api, bureau, records):
    answer = api(bureau).get(
        "/api/v1/stats", {"indicators": "cases.filed", "year": 2026, "period": "year", "compare": "yoy"}
    )
    assert answer.status_code == 200
    entry = answer.json()["indicators"]["cases.filed"]
    assert (entry["value"], entry["previous"]) == (4, 1)


def test_the_work_summary_paragraph_and_problems(bureau, records):
    from yingji.reports.summary import build_summary

    doc = build_summary(
        user=bureau, region_code="430102", year=2026, period_code="year", as_of=D(2026, 12, 3)
    )
    text = " ".join(p for _h, paragraphs in doc.sections for p in paragraphs)
    assert "共立案4起，罚款7.3万元，下达整改指令书2份，移交执法部门案件1件，责令停产停业整顿1家" in text
    assert "涉嫌犯罪移送司法机关1件" in text and "提请关闭取缔1家" in text
    assert "截至12月3日，仍有3起案件办理环节超过法定期限" in text
    assert "有2起案件罚款逾期未缴纳" in text


def test_the_statistics_table(api, bureau, records):
    response = api(bureau).get("/api/v1/cases/table", {"region": "430102", "year": 2026, "period": "year"})
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    sheet = book.worksheets[0]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert any("行政执法情况统计表" in str(v) for row in rows for v in row if v)
    total = next(row for row in rows if "合计" in [str(v) for v in row])
    numbers = [v for v in total if isinstance(v, (int, float, Decimal))]
    assert numbers[:4] == [4, 1, 1, 7.3]  # filed, closed, simplified, fines decided in 万元
    assert api(bureau).get("/api/v1/cases/table", {"region": "430103", "year": 2026}).status_code == 404
