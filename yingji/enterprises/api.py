from ninja import Query, Router, Schema
from ninja.pagination import paginate

from yingji.core.api import Page
from yingji.core.industries import Industry
from yingji.enterprises import selectors

router = Router(tags=["enterprises"])


class EnterpriseOut(Schema):
    id: int
    uscc: str
    name: str
    region_code: str
    address: str
    industry: str
    status: str
    employees: int

    @staticmethod
    def resolve_region_code(obj) -> str:
        return obj.region_id


class EnterpriseFilters(Schema):
    region: str | None = None
    industry: Industry | None = None
    search: str | None = None


@router.get("", response=list[EnterpriseOut])
@paginate(Page)
def enterprise_list(request, filters: Query[EnterpriseFilters]):
    return selectors.enterprise_list(user=request.auth, filters=filters.dict())


@router.get("/{enterprise_id}", response=EnterpriseOut)
def enterprise_detail(request, enterprise_id: int):
    return selectors.enterprise_get(user=request.auth, enterprise_id=enterprise_id)
