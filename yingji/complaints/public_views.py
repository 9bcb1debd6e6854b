"""The public's pages, without a login: the complaint form (with a CAPTCHA drawn here), the
receipt page, and the lookup of a complaint's status and result by receipt number."""

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from yingji.accounts.choices import OrgKind
from yingji.accounts.client_address import client_address
from yingji.accounts.models import Organisation
from yingji.complaints import captcha, services
from yingji.complaints.choices import Status
from yingji.complaints.models import Complaint
from yingji.core.errors import ApplicationError
from yingji.regions.models import Region

FIELDS = ("content", "region_code", "place", "enterprise_name", "reporter_name", "reporter_phone")


def public_regions() -> list[tuple[str, str]]:
    """The districts with a bureau here, and their streets."""
    counties = sorted(
        set(Organisation.objects.filter(kind=OrgKind.BUREAU).values_list("region_id", flat=True))
    )
    regions = []
    for code in counties:
        for region in Region.objects.filter(code__startswith=code, level__in=("county", "street")).order_by(
            "code"
        ):
            regions.append((region.code, region.name if region.code == code else f"　{region.name}"))
    return regions[:1000]


@never_cache
@require_http_methods(["GET", "POST"])
def report(request):
    errors: dict = {}
    values = {name: request.POST.get(name, "").strip() for name in FIELDS}
    values["anonymous"] = request.POST.get("anonymous") == "on"
    status = 200
    if request.method == "POST":
        if not captcha.solved(request.POST.get("captcha_key", ""), request.POST.get("captcha", "")):
            errors = {"captcha": [_("The characters do not match the picture; try the new one.")]}
        else:
            try:
                complaint = services.public_complaint_create(
                    values=values,
                    address=client_address(request) or "",
                    uploads=request.FILES.getlist("files"),
                )
            except services.RateLimited as limited:
                response = render(request, "complaints/public_limited.html", status=429)
                response["Retry-After"] = str(limited.retry_after)
                return response
            except ApplicationError as error:
                errors = error.errors
            else:
                request.session["complaint_receipt"] = complaint.receipt
                return redirect("complaints:receipt")
        status = 400
    context = {
        "values": values,
        "errors": errors,
        "regions": public_regions(),
        "challenge": captcha.new_challenge(),
    }
    return render(request, "complaints/public_form.html", context, status=status)


@require_GET
def captcha_image(request, key: str):
    content = captcha.picture(key)
    if content is None:
        raise Http404
    response = HttpResponse(content, content_type="image/png")
    response["Cache-Control"] = "no-store"
    return response


@never_cache
@require_GET
def receipt(request):
    number = request.session.get("complaint_receipt")
    if not number:
        return redirect("complaints:report")
    return render(request, "complaints/public_receipt.html", {"receipt": number})


@never_cache
@require_GET
def lookup(request):
    number = request.GET.get("receipt", "").strip().upper()[:20]
    complaint = None
    if number:
        found = (
            Complaint.objects.filter(receipt=number).first()
            if len(number) == services.RECEIPT_LENGTH
            else None
        )
        complaint = found
    context = {
        "receipt": number,
        "complaint": complaint,
        "closed": bool(complaint and complaint.status == Status.CLOSED),
        "not_found": bool(number and complaint is None),
    }
    return render(
        request, "complaints/public_lookup.html", context, status=404 if number and not complaint else 200
    )
