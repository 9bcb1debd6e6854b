"""The jurisdiction rule, for every role."""

import pytest

from yingji.enterprises.models import Enterprise
from yingji.regions.scoping import Jurisdiction

pytestmark = pytest.mark.django_db


def names(user) -> set[str]:
    return set(Enterprise.objects.for_user(user).values_list("name", flat=True))


def test_admin_sees_everything(admin, enterprises):
    assert Jurisdiction.of(admin).everything
    assert len(names(admin)) == 4


def test_bureau_sees_its_district_subtree_only(bureau, enterprises):
    assert names(bureau) == {"东岸建筑工程有限公司", "东岸商贸有限公司", "文艺路燃气有限公司"}


def test_inspector_leader_and_duty_share_the_bureau_jurisdiction(inspector, enterprises):
    assert names(inspector) == {"东岸建筑工程有限公司", "东岸商贸有限公司", "文艺路燃气有限公司"}


def test_street_sees_only_its_street(street, other_street, enterprises):
    assert names(street) == {"东岸建筑工程有限公司", "东岸商贸有限公司"}
    assert names(other_street) == {"文艺路燃气有限公司"}


def test_department_sees_only_its_industries_in_its_region(department, enterprises):
    # Construction and gas; D is construction too, but in 天心区.
    assert names(department) == {"东岸建筑工程有限公司", "文艺路燃气有限公司"}


def test_enterprise_sees_only_itself(enterprise_user, enterprises):
    assert names(enterprise_user) == {"东岸建筑工程有限公司"}


def test_outsider_sees_nothing_of_our_district(outsider, enterprises):
    assert names(outsider) == {"天心建设有限公司"}


def test_anonymous_and_inactive_users_see_nothing(street, enterprises, django_user_model):
    from django.contrib.auth.models import AnonymousUser

    assert names(AnonymousUser()) == set()
    street.is_active = False
    assert names(street) == set()


def test_a_prefix_that_only_looks_alike_is_outside(bureau, enterprises):
    # 4301020 is not a region; the rule is on code prefixes, so 430102 covers 4301020…
    # but never 430103 (天心区) nor 43010 (a shorter, wider code).
    assert Jurisdiction.of(bureau).contains_region("430102015")
    assert not Jurisdiction.of(bureau).contains_region("430103002")
    assert not Jurisdiction.of(bureau).contains_region("43010")


def within(user, code) -> set[str]:
    return set(Enterprise.objects.for_user(user, within=code).values_list("name", flat=True))


def test_asking_for_a_region_narrows_the_jurisdiction_never_widens_it(admin, bureau, street, enterprises):
    assert within(bureau, "430102015") == {"东岸建筑工程有限公司", "东岸商贸有限公司"}  # a street inside
    assert within(street, "430102") == {"东岸建筑工程有限公司", "东岸商贸有限公司"}  # wider: its own street
    assert within(street, "43") == within(street, "430102")
    assert within(bureau, "430103") == set()  # beside it: nothing
    assert within(admin, "430103") == {"天心建设有限公司"}
