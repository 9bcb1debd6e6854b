"""Schemathesis fuzzes every operation of /api/v1/schema: whatever it sends, no 500.

Each persona runs the whole schema, so bad input meets every path: the admin reaches the
writes, a street user the scoped reads, and no token the 401 branch.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from yingji.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/v1/schema", application)


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    # The WSGI handler closes the database connection at the end of each request, which
    # would end the test's transaction on PostgreSQL; Django's test client does the same.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def personas(rf, admin, street, enterprises):
    from yingji.accounts.tests.factories import token_for

    tokens = [token_for(user, rf) for user in (admin, street)]
    return [{"Authorization": f"Bearer {token}"} for token in tokens] + [{}]


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_input_makes_the_api_fail(case, personas):
    for headers in personas:
        case.call_and_validate(headers=headers, checks=[not_a_server_error])
