"""What the administrator keeps for enforcement: the violation code list, the holiday table
for years chinese-calendar does not know, and replacements of the document templates; and the
enforcement officers a user may put on a case."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, File, Query, Router, Schema, Status, UploadedFile

from yingji.audit.services import audit_action, audit_created, audit_updated, snapshot
from yingji.core.errors import ApplicationError
from yingji.enforcement import documents, issuing, permissions, services, workflow
from yingji.enforcement.choices import DocumentKind
from yingji.enforcement.models import DocumentTemplate, HolidayDay, ViolationCode

router = Router(tags=["enforcement"])
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class CodeOut(Schema):
    code: str
    name: str
    legal_basis: str
    penalty_basis: str
    penalty_range: str
    active: bool


class CodeIn(Schema):
    code: str = Field(..., pattern=r"^[a-z][a-z0-9_]{1,31}$")
    name: str = Field(..., min_length=1, max_length=200)
    legal_basis: str = Field(..., min_length=1, max_length=2000)
    penalty_basis: str = Field(..., min_length=1, max_length=2000)
    penalty_range: str = Field("", max_length=300)
    active: bool = True


class CodePatch(Schema):
    name: str | None = Field(None, min_length=1, max_length=200)
    legal_basis: str | None = Field(None, min_length=1, max_length=2000)
    penalty_basis: str | None = Field(None, min_length=1, max_length=2000)
    penalty_range: str | None = Field(None, max_length=300)
    active: bool | None = None


def _no_nul(values: dict) -> None:
    bad = [k for k, v in values.items() if isinstance(v, str) and "\x00" in v]
    if bad:
        message = _("Text cannot contain NUL characters.")
        raise ApplicationError(message, errors={k: [message] for k in bad})


@router.get("/violation-codes", response=list[CodeOut])
def code_list(request, active: bool | None = None):
    """常见安全生产违法行为: the code list cases take their illegal act and bases from."""
    codes = ViolationCode.objects.all()
    return list(codes if active is None else codes.filter(active=active))


@router.post("/violation-codes", response={201: CodeOut})
def code_create(request, payload: CodeIn):
    permissions.require_admin(request.auth)
    _no_nul(payload.dict())
    try:
        with transaction.atomic():
            code = ViolationCode.objects.create(**payload.dict())
            audit_created(actor=request.auth, obj=code)
    except IntegrityError:
        message = _("This code exists already.")
        raise ApplicationError(message, errors={"code": [message]}) from None
    return Status(201, code)


@router.patch("/violation-codes/{code}", response=CodeOut)
def code_update(request, code: str, payload: CodePatch):
    permissions.require_admin(request.auth)
    found = ViolationCode.objects.filter(code=code[:32]).first()
    if found is None:
        raise Http404
    changes = payload.dict(exclude_unset=True, exclude_none=True)
    _no_nul(changes)
    with transaction.atomic():
        before = snapshot(found)
        for name, value in changes.items():
            setattr(found, name, value)
        found.save()
        audit_updated(actor=request.auth, obj=found, before=before)
    return found


class HolidayIn(Schema):
    day: datetime.date
    is_workday: bool = Field(False, description="a make-up working day on a weekend")
    name: str = Field("", max_length=50)


class HolidayOut(Schema):
    day: datetime.date
    is_workday: bool
    name: str


class HolidayFilters(Schema):
    year: int | None = Field(None, ge=2000, le=2100)


@router.get("/enforcement-holidays", response=list[HolidayOut])
def holiday_list(request, filters: Query[HolidayFilters]):
    """The holiday schedule entered for years chinese-calendar does not know yet."""
    days = HolidayDay.objects.all()
    return list(days if filters.year is None else days.filter(day__year=filters.year))


@router.post("/enforcement-holidays", response={201: HolidayOut})
def holiday_set(request, payload: HolidayIn):
    """Enter (or correct) one day of the official schedule; provisional deadlines are counted again."""
    permissions.require_admin(request.auth)
    if not 2000 <= payload.day.year <= 2100:
        raise ApplicationError(
            _("Enter a day from 2000 to 2100."), errors={"day": [_("Enter a day from 2000 to 2100.")]}
        )
    _no_nul(payload.dict())
    with transaction.atomic():
        day, _created = HolidayDay.objects.update_or_create(
            day=payload.day, defaults={"is_workday": payload.is_workday, "name": payload.name}
        )
        audit_action(actor=request.auth, obj=day, action="holiday.set", before={})
        workflow.recompute_provisional_deadlines()
    return Status(201, day)


@router.delete("/enforcement-holidays/{day}", response={204: None})
def holiday_delete(request, day: datetime.date):
    permissions.require_admin(request.auth)
    found = HolidayDay.objects.filter(day=day).first()
    if found is None:
        raise Http404
    with transaction.atomic():
        audit_action(actor=request.auth, obj=found, action="holiday.delete", before=snapshot(found))
        found.delete()
        workflow.recompute_provisional_deadlines()
    return Status(204, None)


class TemplateOut(Schema):
    kind: str
    title: str
    replaced: bool
    placeholders: dict[str, str]


def _templates() -> list[dict]:
    replaced = set(DocumentTemplate.objects.values_list("kind", flat=True))
    return [
        {"kind": k, "title": documents.TITLES[k], "replaced": k in replaced, "placeholders": documents.NAMES}
        for k in DocumentKind.values
    ]


@router.get("/enforcement-templates", response=list[TemplateOut])
def template_list(request):
    """The document templates, and the placeholders a replacement may use ({{ name }})."""
    return _templates()


@router.get("/enforcement-templates/{kind}", response={200: None})
def template_download(request, kind: DocumentKind):
    """The template in use (the administrator's replacement, else the shipped one)."""
    response = HttpResponse(issuing.template_bytes(kind), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{kind}.docx"'
    return response


@router.post("/enforcement-templates/{kind}", response={201: TemplateOut})
def template_replace(request, kind: DocumentKind, file: File[UploadedFile]):
    """Replace the template of a kind with a .docx using the known placeholders only."""
    issuing.template_replace(actor=request.auth, kind=kind, upload=file)
    return Status(201, next(t for t in _templates() if t["kind"] == kind))


@router.delete("/enforcement-templates/{kind}", response={204: None})
def template_reset(request, kind: DocumentKind):
    """Go back to the shipped template."""
    issuing.template_reset(actor=request.auth, kind=kind)
    return Status(204, None)


class OfficerChoiceOut(Schema):
    id: int
    name: str
    enforcement_cert_no: str

    @staticmethod
    def resolve_name(obj):
        return obj.name or obj.username


@router.get("/enforcement-officers", response=list[OfficerChoiceOut])
def officer_list(request):
    """The enforcement officers (with 执法证号) the caller may put on a case."""
    return list(services.officer_choices(request.auth))


class CertificateIn(Schema):
    enforcement_cert_no: str = Field(
        ..., max_length=32, pattern=r"^[0-9A-Za-z-]*$", description="执法证号; empty removes"
    )


@router.put("/enforcement-officers/{user_id}", response=OfficerChoiceOut)
def officer_certificate(request, user_id: int, payload: CertificateIn):
    """Record (or remove) a bureau user's 执法证号: the administrator, or bureau staff for the
    users of their jurisdiction. Only bureau staff and inspectors are enforcement officers."""
    from yingji.accounts.models import User
    from yingji.regions.scoping import get_for_user

    if request.auth.role not in ("admin", "bureau"):
        raise PermissionDenied(_("Your role may not do this."))
    if not 1 <= user_id <= 2**63 - 1:
        raise Http404
    user = get_for_user(User.objects.all(), request.auth, pk=user_id)
    if user.role not in permissions.ENFORCERS:
        message = _("Only bureau staff and inspectors are enforcement officers.")
        raise ApplicationError(message, errors={"enforcement_cert_no": [message]})
    with transaction.atomic():
        before = snapshot(user)
        user.enforcement_cert_no = payload.enforcement_cert_no
        user.save(update_fields=["enforcement_cert_no"])
        audit_updated(actor=request.auth, obj=user, before=before)
    return user
