import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from yingji.accidents import services
from yingji.accidents.choices import AccidentCategory, AccidentKind

DONGAN, WENYILU = "430102015", "430102001"
BEIJING = ZoneInfo("Asia/Shanghai")


def beijing(*args) -> datetime.datetime:
    """An aware Beijing time: beijing(2026, 3, 1, 9, 30)."""
    return datetime.datetime(*args, tzinfo=BEIJING)


def accident_factory(*, actor, **overrides):
    """An accident registered through the service, as a user would: one production accident in
    东岸街道 with one death, reported within the hour, unless told otherwise."""
    occurred_at = overrides.pop("occurred_at", beijing(2026, 3, 1, 9, 0))
    values = {
        "occurred_at": occurred_at,
        "region_code": DONGAN,
        "place": "五一大道123号工地",
        "kind": AccidentKind.PRODUCTION,
        "category": AccidentCategory.FALL_FROM_HEIGHT,
        "summary": "一名工人从脚手架坠落。",
        "deaths": 1,
        "missing": 0,
        "serious_injuries": 0,
        "minor_injuries": 0,
        "direct_loss": Decimal("1200000"),
        "reported_at": occurred_at + datetime.timedelta(minutes=40),
    }
    return services.accident_register(actor=actor, **(values | overrides))


def figures(**changes) -> dict:
    """A full set of casualty figures for an update: none, except those given."""
    return {
        "deaths": 0,
        "missing": 0,
        "serious_injuries": 0,
        "minor_injuries": 0,
        "direct_loss": Decimal("0"),
    } | changes
