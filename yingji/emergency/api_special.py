"""/api/v1/special-groups: the register of special groups with the 四个一. ID numbers masked in
every answer and export; the full number only through actions/reveal (the bureau and the
person's street), every reveal audited."""

from django.http import StreamingHttpResponse
from ninja import Field, File, Query, Router, Schema, Status, UploadedFile
from ninja.pagination import paginate

from yingji.core.api import Id as ApiId
from yingji.core.api import Page
from yingji.emergency import permissions, special
from yingji.emergency.choices import RiskArea, SpecialCategory
from yingji.emergency.models import SpecialPerson
from yingji.regions.scoping import get_for_user

router = Router(tags=["emergency"])
Code = Field(..., max_length=12, description="region code")
Region = Field(None, max_length=12, pattern=r"^\d*$", description="region code prefix")


class EmergencyPersonFilters(Schema):
    region: str | None = Region
    category: SpecialCategory | None = None
    risk_area: RiskArea | None = None
    incomplete: bool | None = Field(None, description="only members missing one of the 四个一")


# --- special groups -----------------------------------------------------------------------


class EmergencyPersonOut(Schema):
    id: int
    region_code: str = Field(..., alias="region_id")
    name: str
    category: str
    risk_area: str
    id_number: str = Field(..., description="masked: 4301**********1234 (the full one: actions/reveal)")
    address: str
    phone: str
    responsible_person: str
    route: str
    shelter_id: int | None
    contact: str
    complete: bool = Field(..., description="all four of the 四个一 given")
    missing_items: list[str]

    @staticmethod
    def resolve_id_number(obj):
        return obj.masked_id


class EmergencyPersonIn(Schema):
    region_code: str = Code
    name: str = Field(..., max_length=50)
    category: SpecialCategory
    risk_area: RiskArea
    id_number: str = Field("", max_length=18)
    address: str = Field("", max_length=200)
    phone: str = Field("", max_length=20)
    responsible_person: str = Field("", max_length=100)
    route: str = Field("", max_length=200)
    shelter: ApiId | str | None = Field(None, description="a shelter's id, or its exact name")
    contact: str = Field("", max_length=100)


class EmergencyPersonPatch(Schema):
    region_code: str | None = Field(None, max_length=12)
    name: str | None = Field(None, max_length=50)
    category: SpecialCategory | None = None
    risk_area: RiskArea | None = None
    id_number: str | None = Field(None, max_length=18)
    address: str | None = Field(None, max_length=200)
    phone: str | None = Field(None, max_length=20)
    responsible_person: str | None = Field(None, max_length=100)
    route: str | None = Field(None, max_length=200)
    shelter: ApiId | str | None = None
    contact: str | None = Field(None, max_length=100)


class EmergencyRevealOut(Schema):
    id: int
    id_number: str


class EmergencyImportOut(Schema):
    added: int


def _people(user):
    permissions.require(permissions.can_read_special, user)
    return SpecialPerson.objects.for_user(user)


@router.get("/special-groups", response=list[EmergencyPersonOut])
@paginate(Page)
def person_list(request, filters: Query[EmergencyPersonFilters]):
    f = filters.dict()
    qs = _people(request.auth)
    if f["region"]:
        qs = qs.filter(region__code__startswith=f["region"])
    qs = qs.filter(**{k: f[k] for k in ("category", "risk_area") if f[k]})
    return special.incomplete(qs) if f["incomplete"] else qs


@router.post("/special-groups", response={201: EmergencyPersonOut})
def person_create(request, payload: EmergencyPersonIn):
    return Status(201, special.person_create(actor=request.auth, **payload.dict()))


@router.get("/special-groups/export", response={200: None})
def person_export(request):
    """The register as XLSX, ID numbers masked."""
    qs = _people(request.auth)
    response = StreamingHttpResponse(special.export_stream(qs), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")  # fmt: skip
    response["Content-Disposition"] = 'attachment; filename="special-groups.xlsx"'
    return response


@router.post("/special-groups/import", response={201: EmergencyImportOut})
def person_import(request, file: File[UploadedFile]):
    """The template's XLSX (the export's columns, with full ID numbers): all rows or none."""
    _people(request.auth)
    return Status(201, {"added": special.import_register(actor=request.auth, data=file.read())})


@router.get("/special-groups/{person_id}", response=EmergencyPersonOut)
def person_detail(request, person_id: int):
    return get_for_user(_people(request.auth), request.auth, pk=person_id)


@router.patch("/special-groups/{person_id}", response=EmergencyPersonOut)
def person_patch(request, person_id: int, payload: EmergencyPersonPatch):
    person = get_for_user(_people(request.auth), request.auth, pk=person_id)
    return special.person_update(actor=request.auth, person=person, changes=payload.dict(exclude_unset=True))


@router.post("/special-groups/{person_id}/actions/reveal", response=EmergencyRevealOut)
def person_reveal(request, person_id: int):
    """The full ID number: the bureau and the person's street only; every reveal audited."""
    person = get_for_user(_people(request.auth), request.auth, pk=person_id)
    return {"id": person.pk, "id_number": special.reveal(actor=request.auth, person=person)}
