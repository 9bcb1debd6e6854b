"""Warehouses of 芙蓉区 for the tests: the bureau's depot with a manager, a street's point."""

import pytest
from django.utils.translation import gettext as _

from yingji.accounts.choices import Role
from yingji.accounts.tests.factories import user_factory
from yingji.supplies import services


@pytest.fixture
def keeper(bureau):
    """The depot's manager: an inspector of the bureau."""
    return user_factory(role=Role.INSPECTOR, org=bureau.organisation, username="keeper")


@pytest.fixture
def depot(bureau, keeper):
    return services.warehouse_create(
        actor=bureau,
        values={"name": "区应急物资储备库", "region_code": "430102", "address": "车站北路1号",
                "kind": "depot", "manager_id": keeper.pk, "established_on": "2024-03-01"},
    )  # fmt: skip


@pytest.fixture
def point(street):
    return services.warehouse_create(
        actor=street,
        values={"name": "东岸街道物资储备点", "region_code": "430102015", "address": "东岸路8号",
                "established_on": "2025-05-01"},
    )  # fmt: skip


def move(actor, warehouse, kind, item, quantity, **values):
    return services.movement_record(
        actor=actor, warehouse=warehouse, values={"kind": kind, "item": item, "quantity": quantity, **values}
    )


def only(held: int, unit: str, item: str) -> str:
    """The refusal of a movement taking more than the stock, in the language of the day."""
    return _("Only %(held)d %(unit)s of %(item)s in stock.") % {"held": held, "unit": unit, "item": item}
