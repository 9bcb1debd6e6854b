import io
import itertools

from openpyxl import Workbook
from stdnum.cn import uscc

from yingji.core.industries import Industry
from yingji.enterprises.models import Enterprise

_serial = itertools.count(1_000_000)  # above the fixed numbers tests pass to make_uscc


def make_uscc(n: int | None = None) -> str:
    body = f"91430102{(n or next(_serial)):09d}"
    return body + uscc.calc_check_digit(body)


def enterprise_factory(
    *, region: str = "430102015", industry: str = Industry.COMMERCE_TRADE, name: str | None = None, **fields
):
    n = next(_serial)
    return Enterprise.objects.create(
        uscc=fields.pop("uscc", None) or make_uscc(n),
        name=name or f"测试企业{n}有限公司",
        region_id=region,
        industry=industry,
        employees=fields.pop("employees", 10),
        **fields,
    )


def xlsx(rows: list[list], *, name: str = "enterprises.xlsx") -> io.BytesIO:
    """An .xlsx file whose first sheet holds these rows (row 1 first), as an upload."""
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    out.name = name
    return out
