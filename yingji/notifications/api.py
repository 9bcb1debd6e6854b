"""The caller's own notifications and to-do list: /api/v1/notifications and /api/v1/todo."""

import datetime

from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from yingji.core.api import Page
from yingji.notifications.services import preferences, set_channels
from yingji.notifications.todo import as_dict, todo_for
from yingji.notifications.views import mine

router = Router(tags=["notifications"])


class NotificationOut(Schema):
    id: int
    kind: str
    title: str
    body: str
    url: str
    created_at: datetime.datetime
    read_at: datetime.datetime | None


class NotificationFilters(Schema):
    unread: bool = False


class PreferenceIn(Schema):
    kind: str = Field(..., max_length=48)
    email: bool = False
    sms: bool = False


class PreferenceOut(PreferenceIn):
    label: str


class TodoOut(Schema):
    kind: str
    title: str
    object_id: int | str
    due: datetime.datetime | datetime.date | None
    overdue: bool
    url: str


class TodoList(Schema):
    results: list[TodoOut]


@router.get("/notifications", response=list[NotificationOut])
@paginate(Page)
def notification_list(request, filters: Query[NotificationFilters]):
    notes = mine(request.auth)
    return notes.filter(read_at__isnull=True) if filters.unread else notes


@router.post("/notifications/{int:notification_id}/read", response=NotificationOut)
def notification_read(request, notification_id: int):
    note = get_object_or_404(mine(request.auth), pk=notification_id)
    if note.read_at is None:
        note.read_at = timezone.now()
        note.save(update_fields=["read_at"])
    return note


@router.get("/notifications/preferences", response=list[PreferenceOut])
def preference_list(request):
    """Each kind of notification and the channels, besides in-app, the caller gets it by."""
    return preferences(request.auth)


@router.put("/notifications/preferences", response=list[PreferenceOut])
def preference_set(request, payload: list[PreferenceIn]):
    for choice in payload:
        set_channels(user=request.auth, kind=choice.kind, email=choice.email, sms=choice.sms)
    return preferences(request.auth)


@router.get("/todo", response=TodoList)
def todo_list(request):
    now = timezone.now()
    return {"results": [as_dict(item, now) for item in todo_for(request.auth)]}
