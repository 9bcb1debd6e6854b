"""The to-do registry (待办): each module registers the kinds of work it creates, and each
kind computes the user's items live from the records, through the same `for_user` scoping as
every other read, so nobody sees work outside their jurisdiction.

    register(TodoKind("hazard_rectify", _("Hazards to rectify"), items))

`items(user)` yields TodoItems; `due` is a date (a deadline day) or an aware datetime (a
deadline hour), None when the work has no deadline.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils import timezone


@dataclass(frozen=True)
class TodoItem:
    kind: str
    title: str
    object_id: int | str
    due: datetime.date | datetime.datetime | None
    url: str

    def overdue(self, now: datetime.datetime) -> bool:
        if self.due is None:
            return False
        if isinstance(self.due, datetime.datetime):
            return self.due < now
        return self.due < timezone.localdate(now)

    def sort_key(self) -> tuple:
        # Oldest due first; a date is due at the start of its day; no deadline comes last.
        if self.due is None:
            return (1, datetime.datetime.max.replace(tzinfo=datetime.UTC), str(self.object_id))
        due = self.due
        if not isinstance(due, datetime.datetime):
            due = timezone.make_aware(datetime.datetime.combine(due, datetime.time.min))
        return (0, due, str(self.object_id))


@dataclass(frozen=True)
class TodoKind:
    key: str
    title: str
    items: Callable[[object], Iterable[TodoItem]]


REGISTRY: dict[str, TodoKind] = {}


def register(kind: TodoKind) -> TodoKind:
    REGISTRY[kind.key] = kind
    return kind


def todo_for(user) -> list[TodoItem]:
    """The user's to-do items, oldest due first."""
    if not user.is_authenticated or not user.is_active:
        return []
    items = [item for kind in REGISTRY.values() for item in kind.items(user)]
    return sorted(items, key=TodoItem.sort_key)


def todo_of(request) -> list[TodoItem]:
    """The signed-in user's items, worked out once per request: a page that lists them and the
    navigation's badge that counts them share one computation."""
    if not hasattr(request, "_todo_items"):
        request._todo_items = todo_for(request.user)
    return request._todo_items


def as_dict(item: TodoItem, now: datetime.datetime | None = None) -> dict:
    now = now or timezone.now()
    return {
        "kind": item.kind,
        "title": item.title,
        "object_id": item.object_id,
        "due": item.due,
        "overdue": item.overdue(now),
        "url": item.url,
    }
