from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from yingji.accounts import selectors, tokens
from yingji.accounts.choices import OrgKind
from yingji.core.api import Page

router = Router(tags=["auth"])


class TokenIn(Schema):
    username: str
    password: str
    code: str = Field("", description="the authenticator's six-digit code, for users with two-factor sign-in")


class TokenOut(Schema):
    token: str


class MeOut(Schema):
    username: str
    name: str
    role: str
    organisation: str | None
    region_code: str | None


@router.post("/auth/token", auth=None, response={200: TokenOut})
def token_create(request, payload: TokenIn):
    return {
        "token": tokens.token_issue(
            request=request, username=payload.username, password=payload.password, code=payload.code
        )
    }


@router.delete("/auth/token", response={204: None})
def token_revoke(request):
    """Revoke the token this request carries: the next request with it is 401."""
    tokens.token_revoke(actor=request.auth, token=request.api_token)
    return Status(204, None)


@router.get("/auth/me", response=MeOut)
def me(request):
    user = request.auth
    org = user.organisation
    return {
        "username": user.username,
        "name": user.name,
        "role": user.role,
        "organisation": org.name if org else None,
        "region_code": org.region_id if org else None,
    }


class OrganisationOut(Schema):
    id: int
    name: str
    kind: str
    region_code: str = Field(..., alias="region_id")
    industries: list[str]
    enterprise_id: int | None


class OrganisationFilters(Schema):
    kind: OrgKind | None = None
    region: str | None = Field(None, max_length=12)


@router.get("/organisations", response=list[OrganisationOut], tags=["organisations"])
@paginate(Page)
def organisation_list(request, filters: Query[OrganisationFilters]):
    return selectors.organisation_list(user=request.auth, filters=filters.dict())
