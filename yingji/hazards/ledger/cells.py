"""One cell to the value its column asks for: text, dates in every form a ledger writes them,
funds, and the level, source and status labels; `_Bad` when the cell does not hold one."""

import datetime
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import gettext as _

from yingji.core import dates
from yingji.core.exports import unguard
from yingji.hazards.ledger.columns import CHOICE_HINTS, CHOICES, Column

# What reads as a date at all; a date before dates.EARLIEST reads as one but is refused as a
# typo (the ledger itself dates from Order 16 of 2007), and validation applies the rest of the
# dates rule (not in the future, in order, deadlines not years ahead).
MIN_DATE, MAX_DATE = datetime.date(1900, 1, 1), datetime.date(2099, 12, 31)
EXCEL_EPOCH = datetime.date(1899, 12, 30)  # serial 61 is 1900-03-01 (Excel's phantom 1900-02-29)
CENT, MAX_FUNDS = Decimal("0.01"), Decimal(10) ** 12  # funds: max_digits 14, 2 decimal places

_SPACE = re.compile(r"\s+")
_DATE = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_DATE_ZH = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日?")


class _Bad(Exception):
    """A cell that does not hold what its column asks for."""


def _text(value, column: Column | None = None) -> str:
    if isinstance(value, str):
        text = unguard(value).strip()  # export wrote '=… for a text that starts like a formula
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))  # a code or phone number typed as a number
    elif isinstance(value, datetime.datetime):
        text = value.isoformat(sep=" ")
    elif isinstance(value, datetime.date):
        text = value.isoformat()
    else:
        text = str(value)
    if column and column.max_length and len(text) > column.max_length:
        raise _Bad(_("Longer than %(max)s characters.") % {"max": column.max_length})
    return text


def _date(value, column: Column | None = None) -> datetime.date:
    if isinstance(value, datetime.datetime):
        day = value.date()
    elif isinstance(value, datetime.date):
        day = value
    elif isinstance(value, int | float) and not isinstance(value, bool):
        day = _serial(value)
    elif isinstance(value, str):
        day = _date_text(value.strip())
    else:
        day = None
    if day is None or not MIN_DATE <= day <= MAX_DATE:
        raise _Bad(_("Not a date: %(value)s. Write dates as 2026-03-05.") % {"value": _shown(value)})
    if day < dates.EARLIEST:
        raise _Bad(dates.too_early())
    return day


def _serial(value: float) -> datetime.date | None:
    # An Excel date cell whose format calamine did not recognise arrives as its serial number.
    if not 61 <= value < 2958466:
        return None
    return EXCEL_EPOCH + datetime.timedelta(days=int(value))


def _date_text(text: str) -> datetime.date | None:
    match = _DATE.fullmatch(text)
    if match:
        year, month, day = match.group(1, 3, 4)
    else:
        match = _DATE_ZH.fullmatch(_SPACE.sub("", text))
        if not match:
            return None
        year, month, day = match.groups()
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError:  # 2026-02-30
        return None


def _funds(value, column: Column | None = None) -> Decimal:
    try:
        if isinstance(value, bool):
            raise InvalidOperation
        if isinstance(value, float):
            amount = Decimal(repr(value))  # the shortest repr: 1200.5, not 1200.4999…
        elif isinstance(value, int):
            amount = Decimal(value)
        else:
            text = _SPACE.sub("", str(value)).replace(",", "").replace("，", "")
            amount = Decimal(text.removesuffix("元").lstrip("¥￥"))
    except (InvalidOperation, ValueError):
        raise _Bad(_("Not a number: %(value)s.") % {"value": _shown(value)}) from None
    if not amount.is_finite():
        raise _Bad(_("Not a number: %(value)s.") % {"value": _shown(value)})
    if amount < 0:
        raise _Bad(_("Cannot be negative."))
    if amount >= MAX_FUNDS or (amount := amount.quantize(CENT, rounding=ROUND_HALF_UP)) >= MAX_FUNDS:
        raise _Bad(_("Too large."))  # checked before rounding too: 1e999 cannot be rounded to cents
    return amount


def _choice(value, column: Column) -> str:
    code = CHOICES[column.kind].get(_SPACE.sub("", _text(value)))
    if code is None:
        raise _Bad(
            _("%(value)s is not one of: %(choices)s.")
            % {"value": _shown(value), "choices": CHOICE_HINTS[column.kind]}
        )
    return code


def _shown(value) -> str:
    text = _text(value)
    return text if len(text) <= 30 else text[:29] + "…"


PARSERS = {
    "text": _text,
    "date": _date,
    "funds": _funds,
    "level": _choice,
    "source": _choice,
    "status": _choice,
}
