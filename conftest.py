"""Personas shared by every app's tests.

芙蓉区 (430102) is our district: a bureau user, an inspector, a street office for 东岸街道
(430102015) and one for 文艺路街道 (430102001), a department supervising construction and gas,
and an enterprise user. The outsider is a bureau user of the neighbouring 天心区 (430103).
"""

import pytest
from django.test import Client

from yingji.accounts.choices import Role
from yingji.accounts.tests.factories import token_for, user_factory
from yingji.core.industries import Industry
from yingji.enterprises.tests.factories import enterprise_factory

DISTRICT, DONGAN, WENYILU, TIANXIN, TIANXIN_STREET = "430102", "430102015", "430102001", "430103", "430103002"


@pytest.fixture
def enterprises(db):
    """A and B in 东岸, C in 文艺路, D across the border in 天心区."""
    return {
        "A": enterprise_factory(region=DONGAN, industry=Industry.CONSTRUCTION, name="东岸建筑工程有限公司"),
        "B": enterprise_factory(region=DONGAN, industry=Industry.COMMERCE_TRADE, name="东岸商贸有限公司"),
        "C": enterprise_factory(region=WENYILU, industry=Industry.GAS, name="文艺路燃气有限公司"),
        "D": enterprise_factory(
            region=TIANXIN_STREET, industry=Industry.CONSTRUCTION, name="天心建设有限公司"
        ),
    }


@pytest.fixture
def admin(db):
    return user_factory(role=Role.ADMIN, username="admin")


@pytest.fixture
def bureau(db):
    return user_factory(role=Role.BUREAU, username="bureau", region=DISTRICT, name="芙蓉区应急管理局")


@pytest.fixture
def inspector(bureau):
    return user_factory(role=Role.INSPECTOR, org=bureau.organisation, username="inspector")


@pytest.fixture
def street(db):
    return user_factory(role=Role.STREET, username="street", region=DONGAN, name="东岸街道办事处")


@pytest.fixture
def other_street(db):
    return user_factory(role=Role.STREET, username="wenyilu", region=WENYILU, name="文艺路街道办事处")


@pytest.fixture
def department(db):
    return user_factory(
        role=Role.DEPARTMENT,
        username="department",
        region=DISTRICT,
        name="区住房和城乡建设局",
        industries=[Industry.CONSTRUCTION, Industry.GAS],
    )


@pytest.fixture
def enterprise_user(enterprises):
    return user_factory(
        role=Role.ENTERPRISE, username="enterprise", enterprise=enterprises["A"], name="东岸建筑"
    )


@pytest.fixture
def outsider(db):
    return user_factory(role=Role.BUREAU, username="outsider", region=TIANXIN, name="天心区应急管理局")


@pytest.fixture
def api(rf):
    """An API client for a user: api(user).get("/api/v1/…")."""

    def client_for(user=None) -> Client:
        if user is None:
            return Client()
        return Client(headers={"Authorization": f"Bearer {token_for(user, rf)}"})

    return client_for


# Migrations ship data (the region tree, checklists, violation codes, the supplies catalogue);
# a transactional test's flush deletes it for the next one. Reload it before such a test.
SHIPPED = [
    "yingji.regions.migrations.0002_load_regions",
    "yingji.inspections.migrations.0003_load_checklists",
    "yingji.enforcement.migrations.0002_violation_codes",
    "yingji.supplies.migrations.0002_catalogue",
]


def _transactional(request) -> bool:
    marker = request.node.get_closest_marker("django_db")
    by_mark = marker is not None and (marker.kwargs.get("transaction") or (marker.args and marker.args[0]))
    return bool(by_mark) or "transactional_db" in request.fixturenames


@pytest.fixture(autouse=True)
def _shipped_data_after_a_flush(request):
    if not _transactional(request):
        return
    request.getfixturevalue("transactional_db")
    import importlib

    from django.apps import apps

    from yingji.regions.models import Region

    if Region.objects.exists():
        return
    for module in SHIPPED:
        importlib.import_module(module).load(apps, None)


@pytest.fixture(autouse=True)
def _nothing_kept_between_tests():
    # Kept page numbers (yingji.stats.kept) are keyed by a watermark in the audit log, whose ids
    # a rolled-back test hands out again: a test starts with none kept.
    from django.core.cache import cache

    cache.clear()
