"""`yingji demo`: a deterministic, realistic 芙蓉区."""

import datetime

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from stdnum.cn import uscc

from yingji.accounts.choices import OrgKind, Role
from yingji.accounts.models import Organisation, User
from yingji.accounts.tests.factories import web_login
from yingji.core import demo
from yingji.enterprises.models import Enterprise

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 22)


@pytest.fixture(scope="class")
def built(django_db_setup, django_db_blocker):
    """One build for the tests that only read it (a build takes seconds): kept in a
    transaction around the class's tests and rolled back after them."""
    from django.db import transaction

    with django_db_blocker.unblock(), transaction.atomic():
        yield demo.build(seed=7, size="small", today=TODAY, log=lambda _: None)
        transaction.set_rollback(True)


class TestTheDistrict:
    def test_the_district_has_its_bureau_departments_and_street_offices(self, built):
        orgs = Organisation.objects.filter(region__code__startswith="430102")
        assert orgs.filter(kind=OrgKind.BUREAU).get().name == "芙蓉区应急管理局"
        assert orgs.filter(kind=OrgKind.DEPARTMENT).count() == 36
        assert orgs.filter(kind=OrgKind.STREET).count() == 14
        assert orgs.get(region_id="430102015").name == "东岸街道办事处"

    def test_enterprises_are_valid_and_spread_over_streets_and_industries(self, built):
        rows = list(Enterprise.objects.all())
        assert len(rows) == demo.SIZES["small"]["enterprises"]
        assert all(uscc.is_valid(e.uscc) for e in rows)
        assert len({e.region_id for e in rows}) == 14
        assert len({e.industry for e in rows}) >= 12

    def test_the_roles_that_work_the_hazard_loop_open_with_work_waiting(self, built):
        from yingji.notifications.todo import todo_for

        waiting = {u.username: {i.kind for i in todo_for(u)} for u in User.objects.all()}
        assert "hazard_accept" in waiting["bureau"] and "hazard_accept" in waiting["inspector"]
        assert "hazard_extension" in waiting["bureau"]
        assert waiting["enterprise"] >= {"hazard_rectify", "hazard_rejected"}
        assert waiting["street"]
        assert "hazard_major" in waiting["leader"]  # a listed major hazard under treatment

    def test_one_account_per_role_and_each_can_log_in(self, built):
        assert sorted(role for role, *_ in built.accounts) == sorted(Role.values)
        for _role, username, password, _org in built.accounts:
            assert web_login(Client(), username, password), username
        assert User.objects.get(username="enterprise").organisation.enterprise is not None


def _fingerprint(seed: int) -> tuple:
    """Build the demo inside a savepoint, describe it without database ids, roll it back."""
    from django.apps import apps
    from django.db import transaction

    with transaction.atomic():
        ctx = demo.build(seed=seed, size="small", today=TODAY, log=lambda _: None)
        counts = tuple(sorted((m._meta.label, m.objects.count()) for m in apps.get_models()))
        enterprises = list(
            Enterprise.objects.order_by("uscc").values_list("uscc", "name", "region_id", "industry")
        )
        transaction.set_rollback(True)
    return counts, enterprises, ctx.accounts


def test_the_same_seed_builds_the_same_district():
    first = _fingerprint(7)
    assert _fingerprint(7) == first
    assert _fingerprint(8)[1] != first[1]


def test_generators_run_in_dependency_order():
    names = [g.name for g in demo.ordered()]
    assert names.index("organisations") < names.index("enterprises") < names.index("accounts")


def test_the_command_refuses_to_build_twice(capsys):
    call_command("demo", "--size", "small", "--seed", "3")
    assert "bureau" in capsys.readouterr().out
    with pytest.raises(CommandError) as error:
        call_command("demo", "--size", "small")
    assert error.value.returncode == 2
    call_command("demo", "--skip-if-loaded")
    assert "loaded already" in capsys.readouterr().out
