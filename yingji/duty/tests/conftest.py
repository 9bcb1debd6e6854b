import datetime

import pytest
from django.utils import timezone

from yingji.emergency.tests import conftest as emergency

call, duty, leader = emergency.call, emergency.duty, emergency.leader  # call(user, method, path, body)


@pytest.fixture
def duty2(bureau):
    from yingji.accounts.choices import Role
    from yingji.accounts.tests.factories import user_factory

    return user_factory(role=Role.DUTY, org=bureau.organisation, username="duty2")


def local(day: datetime.date, hour: int) -> str:
    """A Beijing time as the API takes it: 2026-10-01T08:00."""
    return f"{day.isoformat()}T{hour:02d}:00"


def hours_from_now(hours: float) -> datetime.datetime:
    return timezone.localtime() + datetime.timedelta(hours=hours)
