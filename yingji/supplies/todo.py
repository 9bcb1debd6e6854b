"""The supplies' to-do kinds, for each warehouse's manager: the items below their minimum and
the batches that expire within 30 days (or have expired)."""

import datetime

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yingji.notifications.todo import TodoItem, TodoKind, register
from yingji.supplies import selectors
from yingji.supplies.models import Warehouse


def _managed(user):
    return Warehouse.objects.for_user(user).filter(manager_id=user.pk)


def low_stock(user) -> list[TodoItem]:
    return [
        TodoItem(
            kind="supplies_low",
            title=_("%(warehouse)s: %(item)s %(held)d of at least %(minimum)d %(unit)s")
            % {
                "warehouse": m.warehouse.name,
                "item": m.item.name,
                "held": held,
                "minimum": m.minimum,
                "unit": m.item.unit,
            },
            object_id=f"{m.warehouse_id}-{m.item_id}",
            due=None,
            url=f"/supplies/{m.warehouse_id}/",
        )
        for m, held in selectors.below_minimum(warehouses=_managed(user))
    ]


def expiring(user) -> list[TodoItem]:
    return [
        TodoItem(
            kind="supplies_expiring",
            title=_("%(warehouse)s: %(quantity)d %(unit)s of %(item)s expire on %(date)s")
            % {
                "warehouse": s.warehouse.name,
                "quantity": s.quantity,
                "unit": s.item.unit,
                "item": s.item.name,
                "date": s.expires_on.isoformat(),
            },  # fmt: skip
            object_id=s.pk,
            due=s.expires_on - datetime.timedelta(days=1),
            url=f"/supplies/{s.warehouse_id}/",
        )
        for s in selectors.expiring(warehouses=_managed(user))
    ]


register(TodoKind("supplies_low", gettext_lazy("Supplies below their minimum"), low_stock))
register(TodoKind("supplies_expiring", gettext_lazy("Supplies about to expire"), expiring))
