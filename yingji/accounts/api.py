from ninja import Router, Schema

from yingji.accounts import services

router = Router(tags=["auth"])


class TokenIn(Schema):
    username: str
    password: str


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
        "token": services.token_issue(request=request, username=payload.username, password=payload.password)
    }


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
