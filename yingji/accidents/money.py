"""Direct economic loss as people write and read it: in yuan or in 万元 (ten thousand yuan),
with thousands separators. The model and the API keep yuan (DESIGN.md); this is the pages'."""

import re
import unicodedata
from decimal import Decimal, InvalidOperation

WAN = Decimal(10_000)
YI = Decimal(100_000_000)
UNITS = (("万元", WAN), ("亿元", YI), ("万", WAN), ("亿", YI), ("元", Decimal(1)))
SEPARATORS = re.compile(r"[,\s'_]")


def parse_yuan(text) -> Decimal:
    """'1,250,000', '125万', '125万元', '1.25亿' or '1250000元' as yuan; ValueError otherwise.
    Full-width digits and commas (１２５，０００) are read as their ASCII forms."""
    value = unicodedata.normalize("NFKC", str(text)).strip()
    factor = Decimal(1)
    for suffix, unit in UNITS:
        if value.endswith(suffix):
            value, factor = value[: -len(suffix)].strip(), unit
            break
    value = SEPARATORS.sub("", value)
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", value):
        raise ValueError(text)
    try:
        return Decimal(value) * factor
    except InvalidOperation as error:
        raise ValueError(text) from error


def grouped(value: Decimal, places: int = 2) -> str:
    return f"{Decimal(value):,.{places}f}"


def headline(value) -> tuple[str, str]:
    """A loss for a number card: the figure ('125.00万元') and, from 10,000 yuan up, the
    exact yuan beside its label ('1,250,000.00元'); '—' and '' when there is none."""
    if value is None or value == "":
        return "—", ""
    value = Decimal(value)
    if abs(value) < WAN:
        return f"{grouped(value)}元", ""
    return f"{grouped(value / WAN)}万元", f"{grouped(value)}元"


def format_yuan(value) -> str:
    """'125.00万元（1,250,000.00元）' from 10,000 yuan up, '8,500.00元' below."""
    figure, exact = headline(value)
    return f"{figure}（{exact}）" if exact else figure
