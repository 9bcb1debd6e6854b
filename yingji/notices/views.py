"""The notices issued, and each one's DOCX."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header

from yingji.notices import services
from yingji.notices.models import Notice
from yingji.regions.scoping import get_for_user
from yingji.reports.writers import FORMATS, to_docx
from yingji.tasks import permissions


@login_required
def notice_list(request):
    if not permissions.can_read(request.user):
        raise PermissionDenied
    return render(request, "notices/list.html", {"notices": Notice.objects.for_user(request.user)[:200]})


@login_required
def notice_docx(request, pk):
    if not permissions.can_read(request.user):
        raise PermissionDenied
    notice = get_for_user(Notice.objects.all(), request.user, pk=pk)
    response = HttpResponse(to_docx(services.document(notice)), content_type=FORMATS["docx"][0])
    response["Content-Disposition"] = content_disposition_header(True, f"{notice.title}.docx")
    return response
