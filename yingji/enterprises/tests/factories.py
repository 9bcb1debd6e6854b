import itertools

from stdnum.cn import uscc

from yingji.core.industries import Industry
from yingji.enterprises.models import Enterprise

_serial = itertools.count(1)


def make_uscc(n: int | None = None) -> str:
    body = f"91430102{(n or next(_serial)):09d}"
    return body + uscc.calc_check_digit(body)


def enterprise_factory(
    *, region: str = "430102015", industry: str = Industry.COMMERCE_TRADE, name: str | None = None
):
    n = next(_serial)
    return Enterprise.objects.create(
        uscc=make_uscc(n),
        name=name or f"测试企业{n}有限公司",
        region_id=region,
        industry=industry,
        employees=10,
    )
