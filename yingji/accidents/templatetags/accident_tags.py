import datetime

from django import template
from django.utils.translation import gettext as _

from yingji.accidents import money
from yingji.accidents.choices import AccidentGrade

register = template.Library()


@register.filter
def grade_label(value) -> str:
    return AccidentGrade(value).label if value in AccidentGrade.values else "—"


@register.filter
def hours_minutes(value: datetime.timedelta | None) -> str:
    """A delay as hours and minutes: 2 h 15 min (2小时15分钟)."""
    if not value:
        return ""
    minutes = int(value.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    text = _("%(h)d h %(m)d min") % {"h": hours, "m": minutes}
    return (_("%(d)d d") % {"d": days} + " " + text) if days else text


@register.filter
def yuan_headline(value) -> str:
    return money.headline(value)[0]


@register.filter
def yuan_exact(value) -> str:
    return money.headline(value)[1]


@register.filter
def yuan_grouped(value) -> str:
    """Yuan with thousands separators for a table column: 1,250,000.00."""
    return money.grouped(value) if value not in (None, "") else "—"


@register.inclusion_tag("accidents/partials/grade.html")
def grade_badge(grade):
    return {"grade": grade}
