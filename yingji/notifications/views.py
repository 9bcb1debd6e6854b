from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from yingji.core.pagination import page_of
from yingji.notifications.models import Notification
from yingji.notifications.services import preferences, set_channels


def mine(user):
    """The user's own notifications: nobody reads another's."""
    return (
        Notification.objects.filter(user_id=user.pk) if user.is_authenticated else Notification.objects.none()
    )


@login_required
def notification_list(request):
    page, query = page_of(request, mine(request.user))
    context = {"page": page, "query": query, "preferences": preferences(request.user)}
    return render(request, "notifications/list.html", context)


@login_required
@require_POST
def save_preferences(request):
    """The channels form: one e-mail and one SMS box per kind."""
    for row in preferences(request.user):
        kind = row["kind"]
        email, sms = f"{kind}:email" in request.POST, f"{kind}:sms" in request.POST
        if (email, sms) != (row["email"], row["sms"]):
            set_channels(user=request.user, kind=kind, email=email, sms=sms)
    messages.success(request, _("Your notification channels are saved."))
    return redirect("notifications:list")


@login_required
@require_POST
def mark_all_read(request):
    mine(request.user).filter(read_at__isnull=True).update(read_at=timezone.now())
    return redirect("notifications:list")


@login_required
@require_POST
def open_notification(request, pk: int):
    """Mark one read and follow its link."""
    note = get_object_or_404(mine(request.user), pk=pk)
    if note.read_at is None:
        note.read_at = timezone.now()
        note.save(update_fields=["read_at"])
    safe = note.url and url_has_allowed_host_and_scheme(note.url, allowed_hosts=None)
    return redirect(note.url if safe else "notifications:list")


def unread_count(user) -> int:
    return mine(user).filter(read_at__isnull=True).count()
