from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from yingji.core.pagination import page_of
from yingji.notifications.models import Notification


def _mine(user):
    return (
        Notification.objects.filter(organisation_id=user.organisation_id)
        if user.organisation_id
        else Notification.objects.none()
    )


@login_required
def notification_list(request):
    page, query = page_of(request, _mine(request.user))
    return render(request, "notifications/list.html", {"page": page, "query": query})


@login_required
@require_POST
def mark_all_read(request):
    _mine(request.user).filter(read_at__isnull=True).update(read_at=timezone.now())
    return redirect("notifications:list")


def unread_count(user) -> int:
    return _mine(user).filter(read_at__isnull=True).count()
