"""The meetings page: meetings and interviews held, with the office's forms to record either;
a decision or commitment is a line "单位|任务|完成时限" and becomes that unit's task."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from yingji.accounts.models import Organisation
from yingji.core.errors import ApplicationError
from yingji.meetings import services
from yingji.meetings.models import Interview, InterviewReason, Meeting, MeetingKind
from yingji.regions.selectors import region_choices
from yingji.tasks import permissions
from yingji.tasks.views import _units
from yingji.web.lines import split_lines


def _lines(text: str) -> list[dict]:
    """单位|任务|完成时限 a line; the unit by its exact name."""
    items = []
    for unit, title, due_on in (parts[:3] for parts in split_lines(text, 3)):
        pk = Organisation.objects.filter(name=unit).values_list("pk", flat=True).first()
        items.append({"unit_id": pk or 0, "title": title, "due_on": due_on})
    return items


@login_required
@require_http_methods(["GET", "POST"])
def meeting_list(request):
    if not permissions.can_read(request.user):
        raise PermissionDenied
    user, errors, values = request.user, {}, {}
    if request.method == "POST":
        values = request.POST.dict()
        try:
            if values.get("do") == "interview":
                unit = values.get("unit_id", "")
                services.interview_create(actor=user, reason=values.get("reason"), held_on=values.get("held_on"), by_whom=values.get("by_whom"),
                                          unit_id=int(unit) if unit.isdigit() and len(unit) < 18 else 0, detail=values.get("detail", ""),
                                          commitments=_lines(values.get("commitments", "")))  # fmt: skip
                messages.success(request, _("Interview recorded."))
            else:
                services.meeting_create(actor=user, region_code=values.get("region_code"), kind=values.get("kind"), title=values.get("title"),
                                        held_on=values.get("held_on"), chair=values.get("chair"), attendees=values.get("attendees", ""),
                                        minutes=values.get("minutes", ""), decisions=_lines(values.get("decisions", "")))  # fmt: skip
                messages.success(request, _("Meeting recorded; its decisions are tasks now."))
            return redirect("meetings:list")
        except ApplicationError as e:
            errors = e.errors
    return render(request, "meetings/list.html", {
        "meetings": Meeting.objects.for_user(user).prefetch_related("decisions__organisation")[:100],
        "interviews": Interview.objects.for_user(user).select_related("organisation", "enterprise")[:100],
        "can_keep": permissions.can_keep(user), "errors": errors, "values": values, "kinds": MeetingKind.choices,
        "reasons": InterviewReason.choices, "regions": region_choices(user), "units": _units(user),
    })  # fmt: skip
