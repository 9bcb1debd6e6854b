import datetime

from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from yingji.accounts.access import require_role
from yingji.accounts.choices import AUDIT_READERS
from yingji.audit import selectors
from yingji.core.api import Page

router = Router(tags=["audit"])


class AuditEntryOut(Schema):
    id: int
    at: datetime.datetime
    actor: str = Field(..., alias="actor_username")
    ip: str | None
    action: str
    object_type: str
    object_id: str
    object_repr: str
    region_code: str
    before: dict | None
    after: dict | None


class AuditFilters(Schema):
    actor: str | None = Field(None, max_length=150)
    action: str | None = Field(None, max_length=64)
    object_type: str | None = Field(None, max_length=64)
    object_id: str | None = Field(None, max_length=64)
    region: str | None = Field(None, max_length=12)
    date_from: datetime.date | None = Field(None, alias="from")
    date_to: datetime.date | None = Field(None, alias="to")


@router.get("", response=list[AuditEntryOut])
@paginate(Page)
def audit_list(request, filters: Query[AuditFilters]):
    require_role(request.auth, AUDIT_READERS)
    return selectors.audit_list(user=request.auth, filters=filters.dict())
