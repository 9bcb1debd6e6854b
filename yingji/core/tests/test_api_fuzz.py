"""Schemathesis fuzzes every operation of /api/v1/schema: whatever it sends, no 500, and every
answer is one the schema documents, with its status, content type, headers and body shape
(the error answers are documented once for all operations: yingji/core/api_schema.py).

Each persona runs the whole schema, so bad input meets every path: the admin reaches the
writes, a street user the scoped reads, and no token the 401 branch. The admin's successful
answers are also tried again without a token and with a wrong one (ignored_auth): both 401.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    ignored_auth,
    missing_required_header,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
    unsupported_method,
)

from yingji.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/v1/schema", application)
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    unsupported_method,
    missing_required_header,
]


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

    admin_token, street_token = (token_for(user, rf) for user in (admin, street))
    # (headers, checks): ignored_auth resends a request, so once per case is enough.
    return [
        ({"Authorization": f"Bearer {admin_token}"}, [*CHECKS, ignored_auth]),
        ({"Authorization": f"Bearer {street_token}"}, CHECKS),
        ({}, CHECKS),
    ]


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_input_makes_the_api_fail(case, personas):
    for headers, checks in personas:
        case.call_and_validate(headers=headers, checks=checks)
