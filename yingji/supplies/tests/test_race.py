"""Two issues racing for the last stock: one succeeds, the other is a 400, and the stock never
goes below zero (PostgreSQL: row locks; SQLite serialises writers anyway and is skipped)."""

import threading

import pytest
from django.db import connection

from yingji.core.errors import ApplicationError
from yingji.supplies.models import StockLevel
from yingji.supplies.tests.conftest import move, only

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif("connection.vendor != 'postgresql'", reason="row locks need PostgreSQL"),
]


def test_two_issues_racing_for_the_last_stock(keeper, depot):
    assert connection.vendor == "postgresql"
    move(keeper, depot, "in", "冲锋舟", 5)
    barrier, outcomes = threading.Barrier(4), []

    def issue():
        try:
            barrier.wait()
            move(keeper, depot, "out", "冲锋舟", 2, event_id=1)
            outcomes.append("issued")
        except ApplicationError as error:
            outcomes.append(error.errors["quantity"][0])
        finally:
            connection.close()

    threads = [threading.Thread(target=issue) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == sorted([only(1, "艘", "冲锋舟")] * 2 + ["issued"] * 2)
    assert StockLevel.objects.get().quantity == 1
