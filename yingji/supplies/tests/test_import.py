"""Stock from a spreadsheet: each row a stock-in through the same rules; all or nothing, every
bad row named with its row and column; the file checked before it is parsed."""

import datetime
import io

import pytest
from django.utils.translation import gettext as _
from openpyxl import Workbook

from yingji.supplies.models import Movement, StockLevel
from yingji.supplies.stock_import import ImportRejected, Problem, import_stock

pytestmark = pytest.mark.django_db
HEADER = ["序号", "储备库（点）", "物资名称", "单位", "数量", "到期日期"]


def _xlsx(*rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["应急物资储备情况"])  # a title row before the header
    sheet.append(HEADER)
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_good_rows_are_recorded_as_stock_in(bureau, depot, point):
    data = _xlsx(
        [1, "区应急物资储备库", "救生衣", "件", 200, datetime.date(2030, 6, 30)],
        [2, "东岸街道物资储备点", "沙袋", "条", 500, None],
    )
    result = import_stock(actor=bureau, data=data)
    assert (result.rows, result.pieces) == (2, 700)
    assert sorted(StockLevel.objects.values_list("item__name", "quantity", "expires_on")) == [
        ("救生衣", 200, datetime.date(2030, 6, 30)),
        ("沙袋", 500, None),
    ]
    assert Movement.objects.filter(kind="in").count() == 2


def test_one_bad_row_and_nothing_is_recorded(bureau, depot):
    data = _xlsx(
        [1, "区应急物资储备库", "救生衣", "件", 200, None],
        [2, "区应急物资储备库", "飞机", "架", 1, None],
        [3, "区应急物资储备库", "帐篷", "顶", "十", None],
        [4, "不存在的仓库", "帐篷", "顶", 1, None],
    )
    with pytest.raises(ImportRejected) as rejected:
        import_stock(actor=bureau, data=data)
    assert rejected.value.problems == [
        Problem(6, "储备库（点）", _("No warehouse of this name in your jurisdiction."))
    ]
    with pytest.raises(ImportRejected) as rejected:
        import_stock(actor=bureau, data=_xlsx(*[r for r in [
            [1, "区应急物资储备库", "救生衣", "件", 200, None],
            [2, "区应急物资储备库", "飞机", "架", 1, None],
            [3, "区应急物资储备库", "帐篷", "顶", "十", None],
        ]]))  # fmt: skip
    assert rejected.value.problems == [
        Problem(4, "物资名称", _("Not an item of the supplies catalogue.")),
        Problem(5, "数量", _("Enter a whole number.")),
    ]
    assert not StockLevel.objects.exists() and not Movement.objects.exists()


def test_files_refused_before_parsing(bureau):
    with pytest.raises(ImportRejected) as rejected:
        import_stock(actor=bureau, data=b"PK\x03\x04 not a zip")
    assert rejected.value.problems[0].column == "file"
    book = Workbook()
    book.active.append(["名称", "数"])
    out = io.BytesIO()
    book.save(out)
    with pytest.raises(ImportRejected) as rejected:
        import_stock(actor=bureau, data=out.getvalue())
    assert rejected.value.problems[0].column == "header"


def test_the_import_page(bureau, depot, client):
    from yingji.accounts.tests.factories import web_login

    assert web_login(client, "bureau")
    answer = client.post(
        "/supplies/import/", {"file": io.BytesIO(_xlsx([1, "区应急物资储备库", "帐篷", "顶", 9, None]))}
    )
    assert answer.status_code == 200 and answer.context["result"].pieces == 9
    bad = client.post(
        "/supplies/import/", {"file": io.BytesIO(_xlsx([1, "区应急物资储备库", "帐篷", "顶", -1, None]))}
    )
    assert bad.status_code == 400 and [(p.row, p.column) for p in bad.context["problems"]] == [(3, "数量")]
