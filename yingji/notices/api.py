"""Notices under /api/v1/: the ones issued in the caller's jurisdiction (the DOCX at the page
/notices/<id>.docx)."""

import datetime

from ninja import Field, Router, Schema
from ninja.pagination import paginate

from yingji.core.api import Page
from yingji.notices.models import Notice
from yingji.regions.scoping import get_for_user
from yingji.tasks import permissions

router = Router(tags=["notices"])


class NoticeOut(Schema):
    id: int
    document_number: str
    region_code: str = Field(..., alias="region_id")
    kind: str
    title: str
    paragraphs: list[str]
    signature: str
    issued_on: datetime.date


@router.get("/notices", response=list[NoticeOut])
@paginate(Page)
def notice_list(request):
    permissions.require(permissions.can_read(request.auth))
    return Notice.objects.for_user(request.auth)


@router.get("/notices/{notice_id}", response=NoticeOut)
def notice_detail(request, notice_id: int):
    permissions.require(permissions.can_read(request.auth))
    return get_for_user(Notice.objects.all(), request.auth, pk=notice_id)
