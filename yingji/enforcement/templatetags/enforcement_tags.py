from django import template

from yingji.accidents.money import grouped

register = template.Library()


@register.filter
def yuan(value) -> str:
    """An amount in yuan with thousands separators: 20,000.00."""
    return grouped(value) if value not in (None, "") else "—"
