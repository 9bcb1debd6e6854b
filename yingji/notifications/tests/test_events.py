"""Each event reaches exactly the users who must act on it, nobody outside the jurisdiction."""

import datetime

import pytest
from django.utils import timezone

from yingji.accidents import services as accidents
from yingji.accidents.tests.factories import accident_factory, figures
from yingji.core.errors import ApplicationError
from yingji.hazards import services as hazards
from yingji.hazards.tests.factories import assigned, hazard_factory
from yingji.notifications.models import Notification

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def everyone(
    bureau, inspector, street, other_street, department, enterprise_user, leader, duty, city, outsiders
):
    """All personas exist, so that a notification sent too widely would show."""


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    """Run an action and answer who got notifications of a kind: sent(kind)."""

    def recipients(kind: str) -> list[str]:
        return sorted(Notification.objects.filter(kind=kind).values_list("user__username", flat=True))

    return recipients


def act(hazard, actor, action, **data):
    return hazards.hazard_act(actor=actor, hazard=hazard, action=action, data=data)


def test_an_assigned_hazard_reaches_the_enterprise_and_its_street(
    everyone, inspector, enterprises, sent, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assigned(hazard_factory(actor=inspector, enterprise=enterprises["A"]), inspector)
    assert sent("hazard_assigned") == ["enterprise", "street"]


def test_submitted_evidence_reaches_whoever_assigned_it_and_the_bureau(
    everyone, inspector, enterprise_user, enterprises, sent, django_capture_on_commit_callbacks
):
    hazard = assigned(hazard_factory(actor=inspector, enterprise=enterprises["A"]), inspector)
    with django_capture_on_commit_callbacks(execute=True):
        act(hazard, enterprise_user, "submit", note="已加锁")
    assert sent("evidence_submitted") == ["bureau", "inspector"]


def test_rejected_evidence_and_a_decided_extension_reach_the_enterprise(
    everyone, bureau, street, enterprise_user, enterprises, sent, django_capture_on_commit_callbacks
):
    hazard = assigned(hazard_factory(actor=street, enterprise=enterprises["A"]), street)
    hazard = act(hazard, enterprise_user, "submit")
    with django_capture_on_commit_callbacks(execute=True):
        hazard = act(hazard, bureau, "reject", reason="照片不清")
    assert sent("evidence_rejected") == ["enterprise"]
    until = hazard.deadline + datetime.timedelta(days=10)
    hazard = act(hazard, enterprise_user, "request_extension", until=until, reason="材料未到")
    with django_capture_on_commit_callbacks(execute=True):
        act(hazard, street, "grant_extension")
    assert sent("extension_decided") == ["enterprise"]
    assert str(until) in Notification.objects.get(kind="extension_decided").title


def test_a_major_hazard_registered_or_listed_reaches_the_bureaus_over_it(
    everyone, street, bureau, enterprises, sent, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        hazard = hazard_factory(actor=street, enterprise=enterprises["A"], level="major")
    assert sent("major_hazard") == ["bureau", "city"]
    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        act(hazard, bureau, "list", level="county")
    assert sent("major_hazard") == ["city"]  # the bureau that listed it knows


def test_an_accident_reaches_leaders_and_duty_officers_of_every_bureau_over_it(
    everyone, inspector, sent, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        accident = accident_factory(actor=inspector, occurred_at=timezone.now() - datetime.timedelta(hours=2))
    assert sent("accident_registered") == ["city_duty", "city_leader", "duty", "leader"]
    with django_capture_on_commit_callbacks(execute=True):
        accidents.accident_add_casualty_update(
            actor=inspector, accident=accident, reason="两人抢救无效死亡", **figures(deaths=3)
        )
    assert sent("accident_grade_raised") == ["city_duty", "city_leader", "duty", "leader"]
    assert "较大" in Notification.objects.filter(kind="accident_grade_raised").first().title


def test_a_casualty_update_that_keeps_the_grade_tells_nobody(
    everyone, inspector, sent, django_capture_on_commit_callbacks
):
    accident = accident_factory(actor=inspector, occurred_at=timezone.now() - datetime.timedelta(hours=2))
    with django_capture_on_commit_callbacks(execute=True):
        accidents.accident_add_casualty_update(
            actor=inspector, accident=accident, reason="一人轻伤", **figures(deaths=1, minor_injuries=1)
        )
    assert sent("accident_grade_raised") == []


def test_nothing_is_sent_when_the_action_fails(
    everyone, street, enterprises, sent, django_capture_on_commit_callbacks
):
    hazard = hazard_factory(actor=street, enterprise=enterprises["A"])
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ApplicationError):
        act(hazard, street, "assign", measures="加锁")  # no deadline: refused
    assert Notification.objects.count() == 0


def test_the_message_is_written_in_the_sites_language_whatever_the_actors_page(
    street, bureau, enterprises, django_capture_on_commit_callbacks
):
    from django.utils import translation

    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        hazard_factory(actor=street, enterprise=enterprises["A"], level="major")
    assert Notification.objects.get(user=bureau).title == "重大隐患登记：东岸建筑工程有限公司"
