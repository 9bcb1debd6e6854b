"""The navigation's badges on every page: unread notifications (one COUNT on an index) and
the to-do count, computed only when the page shows it."""

from functools import cache

from django.urls import reverse

from yingji.notifications.models import Notification
from yingji.notifications.todo import todo_of


def badges(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    @cache
    def todo_count() -> int:
        return len(todo_of(request))

    @cache
    def unread() -> int:
        return Notification.objects.filter(user=user, read_at__isnull=True).count()

    return {
        "badge_urls": {"notifications": reverse("notifications:list"), "home": reverse("home")},
        "unread_notifications": unread,
        "todo_count": todo_count,
    }
