import pytest

from yingji.accounts.choices import Role
from yingji.accounts.tests.factories import user_factory


@pytest.fixture
def leader(bureau):
    return user_factory(role=Role.LEADER, org=bureau.organisation, username="leader")


@pytest.fixture
def duty(bureau):
    return user_factory(role=Role.DUTY, org=bureau.organisation, username="duty")


@pytest.fixture
def city(db):
    """长沙市应急管理局: a bureau over our district, with its staff, leader and duty officer."""
    staff = user_factory(role=Role.BUREAU, username="city", region="4301", name="长沙市应急管理局")
    org = staff.organisation
    return {
        "bureau": staff,
        "leader": user_factory(role=Role.LEADER, org=org, username="city_leader"),
        "duty": user_factory(role=Role.DUTY, org=org, username="city_duty"),
    }


@pytest.fixture
def outsiders(outsider):
    """Everyone of 天心区's bureau: none of our district's events reach them."""
    org = outsider.organisation
    return [
        outsider,
        user_factory(role=Role.LEADER, org=org, username="outsider_leader"),
        user_factory(role=Role.DUTY, org=org, username="outsider_duty"),
    ]
