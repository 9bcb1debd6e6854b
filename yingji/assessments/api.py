"""Assessments under /api/v1/: schemes, their results (scores per item with the records counted,
the ranking, yellow cards and vetoes), the office's manual scores, and the ranking notice."""

import datetime
from decimal import Decimal

from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from yingji.assessments import notice, scoring, services
from yingji.assessments.models import Scheme
from yingji.assessments.rules import RULES
from yingji.core.api import MAX_ID, Page
from yingji.tasks import permissions

router = Router(tags=["assessments"])


class ItemSpec(Schema):
    label: str = Field(..., max_length=100)
    points: Decimal = Field(..., ge=0, le=1000, max_digits=5, decimal_places=1)
    rule: str = Field("", max_length=32, description=f"empty (scored by hand) or one of: {', '.join(RULES)}")
    per: Decimal = Field(Decimal(1), ge=0, le=1000, max_digits=5, decimal_places=1)
    veto: bool = False


class SchemeIn(Schema):
    region_code: str = Field(..., max_length=12)
    year: int = Field(..., ge=2000, le=2100)
    name: str = Field(..., max_length=100)
    unit_ids: list[int] = Field(..., min_length=1, max_length=300)
    items: list[ItemSpec] = Field(..., min_length=1, max_length=50)


class SchemeOut(Schema):
    id: int
    region_code: str = Field(..., alias="region_id")
    year: int
    name: str


class LineOut(Schema):
    item: str
    count: int | None
    score: Decimal | None
    link: str
    reason: str


class ResultOut(Schema):
    rank: int
    unit: str
    unit_id: int
    total: Decimal
    yellow_card: bool
    vetoed: bool
    lines: list[LineOut]


class ScoreIn(Schema):
    item_id: int = Field(..., ge=1, le=MAX_ID)
    unit_id: int = Field(..., ge=1, le=MAX_ID)
    points: Decimal = Field(..., ge=0, le=1000, max_digits=5, decimal_places=1)
    reason: str = Field(..., max_length=500)


class NoticeOut(Schema):
    id: int
    document_number: str
    title: str


def _scheme(user, pk):
    permissions.require(permissions.can_read(user))
    return get_object_or_404(Scheme.objects.for_user(user), pk=pk)


def _results(scheme, as_of=None):
    return [
        {"rank": r.rank, "unit": r.unit.name, "unit_id": r.unit.pk, "total": r.total, "yellow_card": r.yellow_card, "vetoed": r.vetoed,
         "lines": [{"item": str(line.item), "count": line.count, "score": line.score, "link": line.link, "reason": line.reason} for line in r.lines]}
        for r in scoring.results(scheme, as_of)
    ]  # fmt: skip


@router.get("/assessments", response=list[SchemeOut])
@paginate(Page)
def scheme_list(request):
    permissions.require(permissions.can_read(request.auth))
    return Scheme.objects.for_user(request.auth)


@router.post("/assessments", response={201: SchemeOut})
def scheme_create(request, payload: SchemeIn):
    data = payload.dict()
    data["items"] = [i | {"points": str(i["points"]), "per": str(i["per"])} for i in data["items"]]
    return Status(201, services.scheme_create(actor=request.auth, **data))


@router.get("/assessments/{scheme_id}/results", response=list[ResultOut])
def scheme_results(request, scheme_id: int, as_of: datetime.date | None = None):
    """Each unit's score per item (with the records an automatic item counted), ranked."""
    return _results(_scheme(request.auth, scheme_id), as_of)


@router.post("/assessments/{scheme_id}/scores", response=list[ResultOut])
def scheme_score(request, scheme_id: int, payload: ScoreIn):
    scheme = _scheme(request.auth, scheme_id)
    services.score(actor=request.auth, scheme=scheme, **payload.dict() | {"points": str(payload.points)})
    return _results(scheme)


@router.post("/assessments/{scheme_id}/notice", response={201: NoticeOut})
def scheme_notice(request, scheme_id: int):
    """Issue the ranking notice (通报), numbered; its DOCX at /notices/<id>.docx."""
    scheme = _scheme(request.auth, scheme_id)
    permissions.require(permissions.can_keep(request.auth))
    return Status(201, notice.issue(actor=request.auth, scheme=scheme, results=scoring.results(scheme)))
