"""A chip names an enterprise only inside the user's jurisdiction."""

import pytest

from yingji.web.chips import enterprise_name

pytestmark = pytest.mark.django_db


def test_an_enterprise_in_the_jurisdiction_is_named(street, enterprises):
    assert enterprise_name(street, str(enterprises["A"].pk)) == "东岸建筑工程有限公司"


def test_an_enterprise_outside_shows_as_its_bare_id(street, enterprises):
    outside = str(enterprises["D"].pk)  # 天心区: another county
    assert enterprise_name(street, outside) == outside


def test_no_enterprise_filtered_is_no_name(street):
    assert enterprise_name(street, "") == ""
