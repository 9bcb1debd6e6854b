from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from yingji.accounts.access import require_role
from yingji.accounts.choices import Role
from yingji.core.api import Page
from yingji.regions import selectors, services
from yingji.regions.models import Region

router = Router(tags=["regions"])


class RegionOut(Schema):
    code: str
    name: str
    level: str
    parent_code: str | None = Field(None, alias="parent_id")


class RegionIn(Schema):
    code: str = Field(..., max_length=12)
    name: str = Field(..., min_length=1, max_length=64)
    parent_code: str | None = Field(None, max_length=12)


class RegionFilters(Schema):
    parent: str | None = Field(None, max_length=12, description="list the children of this region")
    search: str | None = Field(None, max_length=64, description="name contains")


@router.get("", response=list[RegionOut])
@paginate(Page)
def region_list(request, filters: Query[RegionFilters]):
    return selectors.region_list(parent=filters.parent, search=filters.search)


@router.get("/{code}", response=RegionOut)
def region_detail(request, code: str):
    return get_object_or_404(Region, code=code)


@router.post("", response={201: RegionOut})
def region_create(request, payload: RegionIn):
    require_role(request.auth, {Role.ADMIN})
    region = services.region_create(
        actor=request.auth, code=payload.code, name=payload.name, parent_code=payload.parent_code
    )
    return Status(201, region)
