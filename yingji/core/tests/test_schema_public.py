"""The API's schema and its documentation page are public (README, "API"): the code is open
source, so the schema says nothing the repository does not, and the province's platforms
need it to connect. What they must never carry is data: no region, organisation, user or
record of the database appears in them."""

import pytest

from yingji.accounts.choices import Role
from yingji.accounts.tests.factories import user_factory


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/v1/schema", "/api/v1/docs"])
def test_the_schema_and_the_docs_answer_without_signing_in(client, path):
    assert client.get(path).status_code == 200


def test_the_schema_holds_no_data(client, enterprises):
    clerk = user_factory(
        role=Role.BUREAU, username="zhangkezhang42", region="430102", name="芙蓉区应急管理局"
    )
    text = client.get("/api/v1/schema").content.decode()
    for secret in (clerk.username, clerk.organisation.name, enterprises["A"].name, enterprises["A"].uscc):
        assert secret not in text
