"""The register's tallies: whatever writes to the register, they count what it holds, and
each user's count of enterprises is what their scoped register says."""

import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from yingji.accounts.choices import Role
from yingji.accounts.tests.factories import user_factory
from yingji.core.industries import Industry
from yingji.enterprises import tally
from yingji.enterprises.models import Enterprise, EnterpriseCountyTally, EnterpriseTally
from yingji.enterprises.tests.factories import enterprise_factory, make_uscc

STREETS = ["430102015", "430102001", "430103002", "430104001"]
INDUSTRIES = [Industry.CONSTRUCTION, Industry.GAS, Industry.COMMERCE_TRADE]
STATUSES = ["operating", "suspended", "closed"]


def _random_writes(rng, steps: int = 120) -> None:
    """Writes in every way the product writes: save(), bulk_create, queryset update, delete."""
    for n in range(steps):
        choice = rng.random()
        ids = list(Enterprise.objects.values_list("id", flat=True))
        if choice < 0.3 or not ids:
            enterprise_factory(region=rng.choice(STREETS), industry=rng.choice(INDUSTRIES), name=f"随机{n}")
        elif choice < 0.4:
            Enterprise.objects.bulk_create(
                [
                    Enterprise(
                        name=f"批量{n}-{i}",
                        uscc=make_uscc(),
                        region_id=rng.choice(STREETS),
                        industry=rng.choice(INDUSTRIES),
                        status=rng.choice(STATUSES),
                    )
                    for i in range(rng.randint(2, 5))
                ]
            )
        elif choice < 0.6:  # suspended, closed, reopened
            Enterprise.objects.filter(pk=rng.choice(ids)).update(status=rng.choice(STATUSES))
        elif choice < 0.7:  # moved to another street (a county's border redrawn)
            Enterprise.objects.filter(pk=rng.choice(ids)).update(region_id=rng.choice(STREETS))
        elif choice < 0.8:
            enterprise = Enterprise.objects.get(pk=rng.choice(ids))
            enterprise.industry = rng.choice(INDUSTRIES)
            enterprise.save()
        elif choice < 0.85:  # a whole street's enterprises at once
            Enterprise.objects.filter(region_id=rng.choice(STREETS)).update(status="operating")
        else:
            Enterprise.objects.filter(pk=rng.choice(ids)).delete()


def _tallies():
    return [
        sorted(
            grain.model.objects.exclude(enterprises=0).values_list(
                "region_code", "industry", "status", "enterprises"
            )
        )
        for grain in tally.GRAINS
    ]


def test_the_tallies_stay_equal_to_a_count_of_the_register_after_random_writes(db):
    _random_writes(random.Random(1))
    kept = _tallies()
    tally.rebuild()
    assert kept == _tallies()
    streets, counties = kept
    assert sum(n for *_, n in streets) == sum(n for *_, n in counties) == Enterprise.objects.count() > 20
    assert {code for code, *_ in counties} == {"430102", "430103", "430104"}
    assert {industry for _, industry, *_ in counties} == {""}


@pytest.fixture
def users(enterprises, admin, bureau, street, department, enterprise_user, outsider):
    city = user_factory(role=Role.BUREAU, username="city", region="4301", name="长沙市应急管理局")
    province = user_factory(role=Role.BUREAU, username="province", region="43", name="湖南省应急管理厅")
    return [admin, province, city, bureau, street, department, enterprise_user, outsider]


def test_each_users_count_is_their_scoped_register_whatever_the_status(users):
    _random_writes(random.Random(2), steps=60)
    for user in users:
        assert tally.count_for(user) == Enterprise.objects.for_user(user).count(), user.username


def test_a_county_or_wider_reads_the_county_tally_a_street_or_department_the_street_tally(users):
    admin, province, city, bureau, street, department, enterprise_user, outsider = users

    def read(user) -> str:
        with CaptureQueriesContext(connection) as queries:
            tally.count_for(user)
        return next(
            t for t in ("enterprisecountytally", "enterprisetally", 'enterprise"') if t in queries[-1]["sql"]
        )

    assert [read(u) for u in (admin, province, city, bureau, outsider)] == ["enterprisecountytally"] * 5
    assert [read(u) for u in (street, department)] == ["enterprisetally"] * 2
    assert read(enterprise_user) == 'enterprise"'  # itself, from the register
    assert tally.count_for(outsider) == 1  # 天心区's one enterprise, none of 芙蓉区's
    assert EnterpriseCountyTally._meta.db_table == "enterprises_enterprisecountytally"
    assert EnterpriseTally._meta.db_table == "enterprises_enterprisetally"
