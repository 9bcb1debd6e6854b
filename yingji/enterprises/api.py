"""/api/v1/enterprises: the registry (list, register, read, change) and its workbook."""

import datetime
from decimal import Decimal
from typing import Literal

from ninja import Field, File, Header, Query, Router, Schema, Status, UploadedFile
from ninja.pagination import paginate

from yingji.core.api import MAX_ID, DetailOut, ErrorOut, Page
from yingji.core.industries import Industry
from yingji.enterprises import selectors, services, workbook
from yingji.enterprises.choices import (
    EnterpriseStatus,
    MajorHazardGrade,
    RiskGrade,
    Scale,
    StandardisationGrade,
)
from yingji.enterprises.export import enterprise_export_response
from yingji.imports.schemas import CONFIRM_DESCRIPTION, KEY_DESCRIPTION, DuplicateImportOut, confirmed
from yingji.imports.services import MAX_KEY_LENGTH, DuplicateImport

router = Router(tags=["enterprises"])
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class EnterpriseOut(Schema):
    id: int
    uscc: str
    name: str
    region_code: str = Field(..., alias="region_id")
    address: str
    longitude: Decimal | None
    latitude: Decimal | None
    industry: str
    gbt4754_code: str
    scale: str
    employees: int
    risk_grade: str
    risk_colour: str = Field(..., description="red, orange, yellow, blue; empty when not graded")
    supervising_department_id: int | None
    legal_representative: str
    phone: str
    safety_manager: str
    safety_manager_phone: str
    status: str
    is_major_hazard_source: bool
    major_hazard_source_grade: int | None
    dust_explosion: bool
    ammonia_refrigeration: bool
    confined_space: bool
    safety_director_appointed: bool
    standardisation_grade: str
    liability_insurance: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime


def _codes_or_blank(choices):
    """The choice's codes or "" (not set), as one Literal so that errors name the field plainly."""
    return Literal[(*choices.values, "")]


ScaleOrBlank = _codes_or_blank(Scale)
RiskGradeOrBlank = _codes_or_blank(RiskGrade)


class _Writable(Schema):
    """The fields both bodies share, all optional (PATCH leaves out what it keeps)."""

    address: str | None = Field(None, max_length=200)
    longitude: Decimal | None = Field(None, ge=-180, le=180)
    latitude: Decimal | None = Field(None, ge=-90, le=90)
    gbt4754_code: str | None = Field(None, max_length=5, description="GB/T 4754 code, e.g. C3311")
    scale: ScaleOrBlank | None = None
    employees: int | None = Field(None, ge=0, le=services.MAX_EMPLOYEES)
    risk_grade: RiskGradeOrBlank | None = Field(None, description="empty: not graded")
    supervising_department_id: int | None = Field(None, ge=1, le=MAX_ID)
    legal_representative: str | None = Field(None, max_length=50)
    phone: str | None = Field(None, max_length=20)
    safety_manager: str | None = Field(None, max_length=50)
    safety_manager_phone: str | None = Field(None, max_length=20)
    status: EnterpriseStatus | None = None
    is_major_hazard_source: bool | None = None
    major_hazard_source_grade: MajorHazardGrade | None = Field(
        None, description="1–4 for a major hazard source"
    )
    dust_explosion: bool | None = None
    ammonia_refrigeration: bool | None = None
    confined_space: bool | None = None
    safety_director_appointed: bool | None = None
    standardisation_grade: StandardisationGrade | None = None
    liability_insurance: bool | None = None


class EnterpriseIn(_Writable):
    uscc: str = Field(..., max_length=40, description="unified social credit code (18 characters)")
    name: str = Field(..., max_length=200)
    region_code: str = Field(..., max_length=12, description="street (9 digits) or community (12)")
    industry: Industry


class EnterprisePatch(_Writable):
    uscc: str | None = Field(None, max_length=40)
    name: str | None = Field(None, max_length=200)
    region_code: str | None = Field(None, max_length=12)
    industry: Industry | None = None


# Fields where null means "empty": the service takes None for these as a cleared value.
NULLABLE = {"longitude", "latitude", "supervising_department_id", "major_hazard_source_grade"}


def _fields(payload: Schema, *, partial: bool) -> dict:
    data = payload.dict(exclude_unset=partial)
    if not partial:
        data = {k: v for k, v in data.items() if v is not None or k in NULLABLE}
    return data


EnterpriseSort = Literal[tuple(f"{sign}{key}" for key in selectors.SORTS for sign in ("", "-"))]


class EnterpriseFilters(Schema):
    region: str | None = Field(None, max_length=12, description="region code prefix")
    industry: Industry | None = None
    risk_grade: RiskGrade | None = None
    status: EnterpriseStatus | None = None
    scale: Scale | None = None
    standardisation_grade: StandardisationGrade | None = None
    is_major_hazard_source: bool | None = None
    dust_explosion: bool | None = None
    ammonia_refrigeration: bool | None = None
    confined_space: bool | None = None
    safety_director_appointed: bool | None = None
    liability_insurance: bool | None = None
    department: int | None = Field(None, ge=1, le=MAX_ID, description="supervising department id")
    search: str | None = Field(None, max_length=100, description="name or USCC contains")
    q: str | None = Field(None, max_length=100, description="keyword in the name, USCC or address")
    street: str | None = Field(None, max_length=12, description="street (or any region) code prefix")
    sort: EnterpriseSort | None = Field(
        None, description="a column, descending after '-'; an unknown one is a 400"
    )


class RowProblemOut(Schema):
    row: int | None = Field(..., description="the spreadsheet's own row number (first row = 1)")
    column: str | None = Field(..., description="the column's header text")
    field: str | None
    message: str


class ImportErrorOut(ErrorOut):
    rows: list[RowProblemOut] = []


class ImportOut(Schema):
    created: int
    updated: int
    unchanged: int
    ignored_columns: list[str]


@router.get("", response=list[EnterpriseOut])
@paginate(Page)
def enterprise_list(request, filters: Query[EnterpriseFilters]):
    return selectors.enterprise_list(user=request.auth, filters=filters.dict())


@router.post("", response={201: EnterpriseOut})
def enterprise_create(request, payload: EnterpriseIn):
    enterprise = services.enterprise_create(actor=request.auth, **_fields(payload, partial=False))
    return Status(201, enterprise)


@router.get(
    "/export",
    response={200: None},
    openapi_extra={"responses": {200: {"description": "the filtered list as .xlsx", "content": {XLSX: {}}}}},
)
def enterprise_export(request, filters: Query[EnterpriseFilters]):
    """The filtered list in the workbook layout (see /import)."""
    enterprises = selectors.enterprise_list(user=request.auth, filters=filters.dict())
    return enterprise_export_response(enterprises)


@router.post(
    "/import", response={201: ImportOut, 400: ImportErrorOut, 409: DuplicateImportOut, 422: DetailOut}
)
def enterprise_import(
    request,
    file: File[UploadedFile],
    confirm_duplicate: bool = Query(False, description=CONFIRM_DESCRIPTION),
    idempotency_key: str | None = Header(
        None, alias="Idempotency-Key", max_length=MAX_KEY_LENGTH, description=KEY_DESCRIPTION
    ),
):
    """Register or update the enterprises of an .xlsx file, all or nothing. A rejected file
    answers 400 with `rows`: each problem with its row number and column header (a file too
    large, or one that unpacks past the limits, is a problem of the file). 409: the same file
    was imported before within your jurisdiction (`previous` names that import); send
    confirm_duplicate=true to import it again."""
    try:
        imported = workbook.import_workbook_file(
            actor=request.auth,
            file=file,
            confirm_duplicate=confirmed(request, confirm_duplicate),
            idempotency_key=idempotency_key or "",
        )
    except workbook.ImportRejected as e:
        return Status(400, {"errors": e.errors, "rows": e.rows()})
    except DuplicateImport as e:
        return Status(409, e.body())
    return Status(imported.status, imported.body)


@router.get("/{enterprise_id}", response=EnterpriseOut)
def enterprise_detail(request, enterprise_id: int):
    return selectors.enterprise_get(user=request.auth, enterprise_id=enterprise_id)


@router.patch("/{enterprise_id}", response=EnterpriseOut)
def enterprise_update(request, enterprise_id: int, payload: EnterprisePatch):
    enterprise = selectors.enterprise_get(user=request.auth, enterprise_id=enterprise_id)
    return services.enterprise_update(
        actor=request.auth, enterprise=enterprise, **_fields(payload, partial=True)
    )
