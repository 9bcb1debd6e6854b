"""Form errors in templates."""

from django import template

register = template.Library()


@register.filter
def by_field(errors: dict) -> list[tuple[str, list]]:
    """The (field, messages) pairs of a service's errors. In a template `errors.items` looks up a
    field named "items" before the dict's method, so a form with such a field would break."""
    return list(errors.items())
