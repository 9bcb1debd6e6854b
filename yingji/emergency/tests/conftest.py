import json

import pytest

from yingji.emergency import services

DISTRICT, DONGAN, WENYILU = "430102", "430102015", "430102001"


@pytest.fixture
def call(api):
    """call(user, "post", "/api/v1/…", {...}) → (status, json)."""

    def do(user, method, path, body=None):
        client = api(user)
        if method == "get":
            response = client.get(path)
        else:
            response = getattr(client, method)(
                path, data=json.dumps(body or {}), content_type="application/json"
            )
        try:
            data = response.json()
        except ValueError:
            data = None
        return response.status_code, data

    return do


@pytest.fixture
def shelter(bureau):
    """东岸街道's shelter: 东岸小学, 300 people."""
    return services.shelter_create(
        actor=bureau,
        name="东岸小学",
        region_code=DONGAN,
        place="东岸路1号",
        capacity=300,
        facilities="床位、饮水",
    )


@pytest.fixture
def duty(bureau):
    from yingji.accounts.choices import Role
    from yingji.accounts.tests.factories import user_factory

    return user_factory(role=Role.DUTY, org=bureau.organisation, username="duty")


@pytest.fixture
def leader(bureau):
    from yingji.accounts.choices import Role
    from yingji.accounts.tests.factories import user_factory

    return user_factory(role=Role.LEADER, org=bureau.organisation, username="leader")
