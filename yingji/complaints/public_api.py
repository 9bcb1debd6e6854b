"""The public side, without a token: file a complaint (201 with a receipt number) and look up
its status and result by that number. Filing is limited per client address (429 with
Retry-After). The API asks no CAPTCHA (the web form does): its abuse is bounded by the rate
limit, and integrations (the 12345 platform) call it from a server."""

import datetime

from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from yingji.accounts.client_address import client_address
from yingji.complaints import services
from yingji.complaints.choices import Status as ComplaintStatus
from yingji.complaints.models import Complaint
from yingji.core.api import DetailOut

router = Router(tags=["complaints (public)"])


class PublicComplaintIn(Schema):
    content: str = Field(..., min_length=1, max_length=5000)
    region_code: str = Field(..., max_length=12, description="the district or street where it is")
    place: str = Field("", max_length=200)
    enterprise_name: str = Field("", max_length=200)
    reporter_name: str = Field("", max_length=50)
    reporter_phone: str = Field("", max_length=20, description="required unless anonymous")
    anonymous: bool = False


class ReceiptOut(Schema):
    receipt: str


class PublicStatusOut(Schema):
    receipt: str
    received_on: datetime.date
    status: str
    status_label: str
    result: str | None = Field(..., description="once the complaint is closed")


def too_many(retry_after: int) -> JsonResponse:
    response = JsonResponse(
        {"detail": _("Too many complaints from this address; try again later.")}, status=429
    )
    response["Retry-After"] = str(retry_after)
    return response


@router.post("/public/complaints", auth=None, response={201: ReceiptOut, 429: DetailOut})
def public_complaint_create(request, payload: PublicComplaintIn):
    """File a complaint without a login. Keep the receipt number: it is the only way to look
    the result up. At most 5 complaints an hour from one address (429 with Retry-After)."""
    try:
        complaint = services.public_complaint_create(
            values=payload.dict(), address=client_address(request) or ""
        )
    except services.RateLimited as limited:
        return too_many(limited.retry_after)
    return Status(201, {"receipt": complaint.receipt})


@router.get("/public/complaints/{receipt}", auth=None, response=PublicStatusOut)
def public_complaint_status(request, receipt: str):
    """The status of a complaint by its receipt number, and its result once closed — nothing else."""
    key = receipt.strip().upper()
    complaint = Complaint.objects.filter(receipt=key).first() if len(key) == services.RECEIPT_LENGTH else None
    if complaint is None:
        raise Http404
    closed = complaint.status == ComplaintStatus.CLOSED
    return {
        "receipt": complaint.receipt,
        "received_on": complaint.received_on,
        "status": complaint.status,
        "status_label": str(complaint.get_status_display()),
        "result": complaint.result if closed else None,
    }
