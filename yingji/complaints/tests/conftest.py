"""Complaints of 芙蓉区 for the tests: the bureau's handler takes them in."""

import pytest

from yingji.accounts.choices import Role
from yingji.accounts.tests.factories import user_factory
from yingji.complaints import services, workflow

NAME, PHONE = "王举报", "13800001234"


@pytest.fixture
def leader(bureau):
    return user_factory(role=Role.LEADER, org=bureau.organisation, username="leader")


@pytest.fixture
def duty(bureau):
    return user_factory(role=Role.DUTY, org=bureau.organisation, username="duty")


@pytest.fixture
def take_in(bureau):
    """take_in(**values): a complaint taken in by the bureau's handler (about A in 东岸 by default)."""

    def make(**values):
        values = {
            "channel": "hotline_12350",
            "region_code": "430102015",
            "content": "车间内违规存放油漆桶",
            "reporter_name": NAME,
            "reporter_phone": PHONE,
        } | values
        return services.complaint_create(actor=bureau, values=values)

    return make


def act(actor, complaint, action, **data):
    workflow.complaint_act(actor=actor, complaint=complaint, action=action, data=data)
    complaint.refresh_from_db()
    return complaint
