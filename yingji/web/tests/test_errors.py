"""The shared list of a service's errors on a page (emergency/_errors.html)."""

from django.template.loader import render_to_string


def test_every_field_is_listed_also_one_named_items():
    # `errors.items` in a template would read the field "items", not the dict's pairs.
    page = render_to_string("emergency/_errors.html", {"errors": {"items": ["至少一项"], "name": ["必填"]}})
    assert "items: 至少一项" in page and "name: 必填" in page


def test_no_errors_no_list():
    assert render_to_string("emergency/_errors.html", {"errors": {}}).strip() == ""
