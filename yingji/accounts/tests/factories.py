import itertools

from yingji.accounts.choices import ROLE_ORG_KIND, OrgKind, Role
from yingji.accounts.models import Organisation, User
from yingji.accounts.tokens import token_issue

PASSWORD = "Correct-Horse-42"
_serial = itertools.count(1)


def org_factory(
    *, kind: str, region: str, name: str | None = None, industries=(), enterprise=None
) -> Organisation:
    return Organisation.objects.create(
        name=name or f"{kind}-{next(_serial)}",
        kind=kind,
        region_id=region,
        industries=list(industries),
        enterprise=enterprise,
    )


def user_factory(
    *, role: str, org: Organisation | None = None, username: str | None = None, **org_kwargs
) -> User:
    if org is None and role != Role.ADMIN:
        if role == Role.ENTERPRISE:
            enterprise = org_kwargs.pop("enterprise")
            org_kwargs.setdefault("region", enterprise.region_id)
            org = org_factory(kind=OrgKind.ENTERPRISE, enterprise=enterprise, **org_kwargs)
        else:
            org = org_factory(kind=ROLE_ORG_KIND[role], **org_kwargs)
    user = User(username=username or f"{role}{next(_serial)}", role=role, organisation=org)
    user.set_password(PASSWORD)
    user.save()
    return user


def web_login(client, username: str, password: str = PASSWORD) -> bool:
    """Log in through the login page, as a person does (and as the lockout counts)."""
    response = client.post("/login/", {"username": username, "password": password})
    return response.status_code == 302


def token_for(user: User, rf) -> str:
    return token_issue(request=rf.post("/api/v1/auth/token"), username=user.username, password=PASSWORD)
